"""Seat records: one flat row per seated attendee, the common input of every list export."""

from __future__ import annotations

import re
from dataclasses import dataclass

from seatplan.model.plan import Plan
from seatplan.model.problem import SeatingProblem
from seatplan.model.seats import Seat


@dataclass(frozen=True)
class SeatRecord:
    """Who sits where, flattened for tables (csv, xlsx) and name cards.

    Parameters
    ----------
    id
        Attendee id.
    name
        Attendee name (姓名).
    unit
        Unit / delegation (单位).
    rank
        Precedence number from the list (排序); 0 = not given.
    section
        Seat section (``"dais"``, ``"floor"``...).
    row
        Row number within the section, 1 = front.
    seat
        Printed seat number (号), :attr:`Seat.number`.
    table
        Table label at banquets, ``""`` elsewhere.
    x, y
        Seat position in metres (plan frame), rounded to 0.01 m.
    title
        Office held (职务).
    label
        Seat-card text, :meth:`Seat.describe` (``"3排12号"``).
    seat_id
        Seat id of the layout.
    gender, ethnicity, phone, note
        Carried through from the attendee list (性别, 民族, 电话, 备注).
    """

    id: str
    name: str
    unit: str
    rank: int
    section: str
    row: int
    seat: int
    table: str
    x: float
    y: float
    title: str
    label: str
    seat_id: str
    gender: str
    ethnicity: str
    phone: str
    note: str


def _natural_key(text: str) -> tuple[tuple[int, int, str], ...]:
    """Sort key that orders ``"2"`` before ``"10"`` (table labels)."""
    parts = re.split(r"(\d+)", text)
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts if p)


def _sort_key(seat: Seat, attendee_id: str) -> tuple[object, ...]:
    if seat.is_dais:
        # Dais: audience view, left to right is increasing x.
        return (0, seat.section, seat.row, round(seat.x, 6), seat.number, attendee_id)
    # Elsewhere: by section, table (banquets; "" for halls), row, number.
    return (1, seat.section, _natural_key(seat.table), seat.row, seat.number, attendee_id)


def build_seat_records(problem: SeatingProblem, plan: Plan) -> list[SeatRecord]:
    """Flatten a plan into one :class:`SeatRecord` per seated attendee.

    Parameters
    ----------
    problem
        The seating problem the plan solves (seats and attendees).
    plan
        The assignment.

    Returns
    -------
    list of SeatRecord
        Dais sections first (by section name, row, then x ascending, i.e.
        audience view left to right), then every other section by section
        name, table (natural order; empty outside banquets), row and seat
        number.

    Raises
    ------
    seatplan.errors.UnknownIdError
        If the plan names an attendee or seat the problem does not have.
    """
    keyed: list[tuple[tuple[object, ...], SeatRecord]] = []
    for attendee_id, seat_id in plan.seat_of.items():
        person = problem.attendee(attendee_id)
        seat = problem.seat(seat_id)
        record = SeatRecord(
            id=person.id,
            name=person.name,
            unit=person.unit,
            rank=person.rank,
            section=seat.section,
            row=seat.row,
            seat=seat.number,
            table=seat.table,
            x=round(seat.x, 2) + 0.0,  # + 0.0 turns -0.0 into 0.0
            y=round(seat.y, 2) + 0.0,
            title=person.title,
            label=seat.describe(),
            seat_id=seat.id,
            gender=person.gender,
            ethnicity=person.ethnicity,
            phone=person.phone,
            note=person.note,
        )
        keyed.append((_sort_key(seat, person.id), record))
    keyed.sort(key=lambda item: item[0])
    return [record for _, record in keyed]
