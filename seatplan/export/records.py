"""Seat records: one flat row per seated attendee, the common input of every list export."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from seatplan.errors import Location
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
    area
        The section as printed on cards and lists (``"台下"``, ``"二楼"``, ``"主席台"``).
    mark
        ``"译"`` on an interpreter's seat, ``"记"`` on a note-taker's, else ``""``.
    foreign_name
        The name in a second language (外文名), ``""`` when the list has none.
    tags
        The seat's tags (reserved, wheelchair, aisle, interpreter...).
    source
        Where the person stands in the attendee list (file and row), for messages.
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
    area: str = ""
    mark: str = ""
    foreign_name: str = ""
    tags: frozenset[str] = frozenset()
    source: Location = field(default_factory=Location, compare=False, repr=False)


def _natural_key(text: str) -> tuple[tuple[int, int, str], ...]:
    """Sort key that orders ``"2"`` before ``"10"`` (table labels)."""
    parts = re.split(r"(\d+)", text)
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts if p)


#: Upper floors: their cards come after every card of the main floor (R-AUD-1, R-AUD-11).
UPPER_SECTIONS = ("balcony", "gallery")
#: Printed section words (the plan's own labels override them, see :func:`build_seat_records`).
SECTION_WORDS = {
    "dais": "主席台",
    "floor": "台下",
    "balcony": "楼上",
    "gallery": "楼座",
    "photo": "合影",
    "banquet": "宴会厅",
}
#: English words of the printed sections (seats.xlsx of a list with English headers).
AREA_WORDS_EN = {"主席台": "Dais", "台下": "Floor", "楼上": "Balcony", "楼座": "Gallery", "合影": "Photo",
                 "宴会厅": "Banquet hall"}
_PART_WORDS_EN = {"note": "note-taker", "taker": "", "participant": "seats", "row": ""}
_SIDE_PARTS = ("host", "guest")


def english_area(section: str, area: str) -> str:
    """The printed section ``area`` of a seat in ``section``, in English.

    The usual words are translated (``"台下"`` → ``"Floor"``, ``"客方翻译"`` of
    ``interpreter-guest`` → ``"Guest interpreter"``); a name the plan gave the
    section itself (``[balcony] label = "二楼"``) is kept as the plan wrote it.
    """
    if area in AREA_WORDS_EN:
        return AREA_WORDS_EN[area]
    if area != section_area(Seat(section or "floor", section, 1, 1, 0.0, 0.0)):
        return area
    parts = section.split("-")
    ordered = [p for p in parts if p in _SIDE_PARTS] + [p for p in parts if p not in _SIDE_PARTS]
    words = " ".join(w for w in (_PART_WORDS_EN.get(p, p) for p in ordered) if w)
    return (words[:1].upper() + words[1:]) or area


def english_label(section: str, area: str, table: str, row: int, seat: int, label: str) -> str:
    """The seat-card text ``label`` in English: ``"Row 3, seat 12"``, ``"Table 5, seat 3"``, ``"Dais row 1, seat 4"``."""
    if table:
        return f"Table {table}, seat {seat}"
    if section in ("", "floor"):
        return f"Row {row}, seat {seat}"
    area = english_area(section, area)
    return f"{area} row {row}, seat {seat}" if "排" in label else f"{area}, seat {seat}"


def seat_mark(seat: Seat) -> str:
    """``"译"`` for an interpreter's seat, ``"记"`` for a note-taker's, ``""`` otherwise (:attr:`Seat.mark`)."""
    return seat.mark


def section_area(seat: Seat, labels: Mapping[str, str] | None = None) -> str:
    """The section of ``seat`` as printed: the plan's label (``[balcony] label``) or the usual word."""
    head = seat.section.partition("-")[0]
    if labels and head in labels and labels[head]:
        return labels[head]
    if seat.is_dais:
        return SECTION_WORDS["dais"]
    if head in SECTION_WORDS:
        return SECTION_WORDS[head]
    return seat.describe().rsplit(" ", 1)[0] if " " in seat.describe() else seat.section


def seat_label(seat: Seat, labels: Mapping[str, str] | None = None) -> str:
    """Seat-card text with the plan's section label: ``"二楼 1排16号"`` for ``[balcony] label = "二楼"``."""
    head = seat.section.partition("-")[0]
    if labels and labels.get(head) and not seat.table and not seat.is_dais and head != "floor":
        return f"{labels[head]} {seat.row}排{seat.number}号"
    return seat.describe()


def handout_key(seat: Seat) -> tuple[object, ...]:
    """Order in which a desk hands out cards: dais, main floor front row first, then upper floors.

    Within a level: table (natural order), row, section, seat number.
    """
    head = seat.section.partition("-")[0]
    level = 0 if seat.is_dais else (2 if head in UPPER_SECTIONS else 1)
    if seat.is_dais:
        return (level, seat.section, (), seat.row, "", round(seat.x, 6), seat.number, seat.id)
    return (level, "", _natural_key(seat.table), seat.row, seat.section, 0.0, seat.number, seat.id)


def _sort_key(seat: Seat, attendee_id: str) -> tuple[object, ...]:
    # Dais: audience view, left to right is increasing x; then the hand-out order.
    return (*handout_key(seat), attendee_id)


def build_seat_records(
    problem: SeatingProblem, plan: Plan, section_labels: Mapping[str, str] | None = None
) -> list[SeatRecord]:
    """Flatten a plan into one :class:`SeatRecord` per seated attendee.

    Parameters
    ----------
    problem
        The seating problem the plan solves (seats and attendees).
    plan
        The assignment.
    section_labels
        Printed names of sections by their first word (``{"balcony": "二楼"}``,
        from the plan's ``[balcony] label``); used in ``label`` and ``area``.

    Returns
    -------
    list of SeatRecord
        In hand-out order (:func:`handout_key`): the dais (row, then audience
        view left to right), then the main floor front row first (tables in
        natural order at banquets), then upper floors (balcony).

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
            label=seat_label(seat, section_labels),
            seat_id=seat.id,
            gender=person.gender,
            ethnicity=person.ethnicity,
            phone=person.phone,
            note=person.note,
            area=section_area(seat, section_labels),
            mark=seat_mark(seat),
            foreign_name=person.foreign_name,
            tags=seat.tags,
            source=person.source,
        )
        keyed.append((_sort_key(seat, person.id), record))
    keyed.sort(key=lambda item: item[0])
    return [record for _, record in keyed]
