"""The meeting occasion: a 主席台 (dais) on the stage and theatre rows on the floor.

Dais seats are ranked by R-DAIS-3/4/10 and numbered by precedence (主席台 1号 is
the No.1 seat); floor seats are filled front to back by unit order (R-AUD-2).
"""

from __future__ import annotations

from dataclasses import replace

from seatplan.errors import Location, ValidationError
from seatplan.layout.hall import generate_hall
from seatplan.model import Attendee, Layout, Meeting, Zone
from seatplan.occasions import Staging
from seatplan.protocol.dais import rank_dais
from seatplan.protocol.floor import rank_floor_seats
from seatplan.protocol.people import order_by_rank, order_by_unit

DAIS = "dais"
FLOOR = "floor"


def build(meeting: Meeting) -> Staging:
    """Lay out the room and rank seats and people.

    Parameters
    ----------
    meeting
        The meeting read from a plan file (or built in Python).

    Returns
    -------
    Staging
        The layout and the zones ``dais`` (strict protocol order, R-DAIS-3/4/10) and ``floor``
        (filled front to back by unit order, R-AUD-2).

    Raises
    ------
    ValidationError
        If people are marked for a zone the plan does not have, or do not fit and
        ``allow_unseated`` is false; the message names the file, row and field.
    """
    source = str(meeting.source or "")
    dais_people = [a for a in meeting.attendees if a.section == DAIS]
    floor_people = [a for a in meeting.attendees if a.section != DAIS]
    for a in floor_people:
        if a.section:
            raise ValidationError(
                f"{a.name} is marked for zone {a.section!r}, which this plan does not have",
                location=Location(file=a.source.file, row=a.source.row, field="座区/section", value=a.section),
                hint="use 主席台 (dais) or leave the cell empty for the floor",
            )
    if dais_people and meeting.dais is None:
        first = dais_people[0]
        raise ValidationError(
            f"{len(dais_people)} people are marked 主席台 but the plan file has no [dais] table",
            location=Location(file=first.source.file, row=first.source.row, field="座区/section", value=first.section),
            hint=f"add a [dais] table to {source or 'the plan file'} or clear the 座区 cells",
        )
    if floor_people and meeting.floor is None:
        first = floor_people[0]
        raise ValidationError(
            f"{len(floor_people)} people have no dais seat but the plan file has no [floor] table",
            location=Location(file=first.source.file, row=first.source.row, field="座区/section", value=first.section),
            hint=f"add a [floor] table to {source or 'the plan file'}",
        )
    layout = generate_hall(meeting.venue, dais=meeting.dais, floor=meeting.floor, dais_people=len(dais_people), source=source)
    dais_seats = [s for s in layout.seats if s.is_dais]
    floor_seats = [s for s in layout.seats if not s.is_dais]
    zones: list[Zone] = []
    if meeting.dais is not None:
        order = rank_dais(dais_seats, convention=meeting.convention, even=meeting.dais.even_mode)
        layout = _number_by_precedence(layout, order)
        people = order_by_rank(dais_people)
        _check_capacity(meeting, DAIS, people, len(order), f"dais.rows = {list(meeting.dais.rows or [len(dais_people)])}")
        zones.append(Zone(DAIS, tuple(order), tuple(a.id for a in people)))
    if meeting.floor is not None:
        floor = meeting.floor
        order = rank_floor_seats(floor_seats, fill=floor.fill, hand=meeting.convention)
        people = order_by_unit(floor_people, published=floor.unit_order)
        rows = max((s.row for s in floor_seats), default=0)
        _check_capacity(meeting, FLOOR, people, len(order), f"floor.blocks = {list(floor.blocks)} × {rows} rows")
        zones.append(Zone(FLOOR, tuple(order), tuple(a.id for a in people)))
    return Staging(layout=layout, zones=tuple(zones))


def _number_by_precedence(layout: Layout, order: list[str]) -> Layout:
    """Give dais seats their precedence as printed number: 主席台 1号 is the No.1 seat.

    On a dais people speak of seats by position in the order (1号位 = the centre
    seat), never by counting from one end; numbering from the left would invite
    reading the leftmost seat as No.1.
    """
    position = {sid: k for k, sid in enumerate(order, start=1)}
    seats = tuple(replace(s, number=position[s.id]) if s.id in position else s for s in layout.seats)
    return replace(layout, seats=seats)


def _check_capacity(meeting: Meeting, zone: str, people: list[Attendee], seats: int, what: str) -> None:
    if len(people) <= seats or meeting.allow_unseated:
        return
    first = people[seats]
    where = f"{first.source.file}, row {first.source.row}" if first.source.row else first.id
    raise ValidationError(
        f"zone '{zone}' has {seats} seats for {len(people)} people: {len(people) - seats} cannot be seated "
        f"(the first is {first.name}, {where})",
        location=Location(file=meeting.source or "", field=zone, value=what),
        hint=f"add seats to [{zone}] (more rows or wider blocks), remove people from the list, "
        "or set allow_unseated = true to list the overflow in unseated.csv",
    )
