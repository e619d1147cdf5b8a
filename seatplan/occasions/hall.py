"""The meeting occasion: a 主席台 (dais) on the stage, the floor (台下) and an optional balcony.

Dais
    Seats are ranked by R-DAIS-1…10 from geometry (:func:`rank_dais`) and
    numbered by precedence (主席台 1号 is the No.1 seat). The ranked order is
    checked row by row with :func:`check_dais_rows` (R-DAIS-15) before it is
    used. People are taken by rank (the rank list is an input, R-DAIS-13), with
    the role-reserved front row of R-DAIS-10 (``front_tags``) and the presider's
    seat of R-DAIS-12 (``presider``).
Floor and balcony
    Reserved blocks are served first (R-AUD-8): a block for a tag or category
    takes those people; an empty block takes nobody. People of the balcony's
    categories go upstairs (R-AUD-7); everyone else fills the floor by rows
    (横排法, R-AUD-2), columns (竖排法, R-AUD-3, one strip per unit, rotation
    R-AUD-6) or centre-out (左右排列法, R-AUD-4); who does not fit on the floor
    continues on the balcony, lowest precedence first (R-AUD-1).
"""

from __future__ import annotations

import difflib
from dataclasses import replace

from seatplan.errors import Location, ValidationError
from seatplan.layout.hall import RESERVED_TAG, SPARE_CHAIR_TAG, generate_hall
from seatplan.model import (
    Attendee,
    Convention,
    FillMethod,
    Layout,
    Meeting,
    Numbering,
    Seat,
    Side,
    View,
    Zone,
)
from seatplan.model.meeting import (
    BalconySpec,
    FloorSpec,
    Presider,
    ReservedBlock,
    StripOrder,
)
from seatplan.occasions import Staging
from seatplan.protocol.dais import check_dais_rows, rank_dais
from seatplan.protocol.floor import (
    fill_strips,
    floor_hand_convention,
    order_strips,
    rank_floor_seats,
    rotate_members,
    rotate_strips,
)
from seatplan.protocol.people import (
    CATEGORY_ORDER,
    find_presider,
    order_by_unit,
    order_dais_people,
    order_members,
    order_units,
)

DAIS = "dais"
FLOOR = "floor"
BALCONY = "balcony"
#: 座区 cells that send a person to the balcony (besides the balcony's own label).
BALCONY_WORDS = frozenset({"balcony", "楼上", "二楼", "楼座"})


def build(meeting: Meeting) -> Staging:
    """Lay out the room and rank seats and people.

    Parameters
    ----------
    meeting
        The meeting read from a plan file (or built in Python).

    Returns
    -------
    Staging
        The layout and the zones: ``dais`` (strict protocol order), one zone
        per reserved block with a tag or category (``floor:reserved-1``...),
        ``floor`` and ``balcony``.

    Raises
    ------
    ValidationError
        If people are marked for a zone the plan does not have, or do not fit and
        ``allow_unseated`` is false, or the presider/role tags cannot be honoured;
        the message names the file, row and field.
    """
    source = str(meeting.source or "")
    balcony_words = BALCONY_WORDS | ({meeting.balcony.label.lower()} if meeting.balcony else set())
    dais_people = [a for a in meeting.attendees if a.section == DAIS]
    floor_people = [a for a in meeting.attendees if a.section != DAIS]
    for a in floor_people:
        if a.section and not (a.section in balcony_words and meeting.balcony is not None):
            raise ValidationError(
                f"{a.name} is marked for zone {a.section!r}, which this plan does not have",
                location=Location(file=a.source.file, row=a.source.row, field="座区/section", value=a.section),
                hint="use 主席台 (dais), 楼上/二楼 (with a [balcony] table) or leave the cell empty for the floor",
            )
    if dais_people and meeting.dais is None:
        first = dais_people[0]
        raise ValidationError(
            f"{len(dais_people)} people are marked 主席台 but the plan file has no [dais] table",
            location=Location(file=first.source.file, row=first.source.row, field="座区/section", value=first.section),
            hint=f"add a [dais] table to {source or 'the plan file'} or clear the 座区 cells",
        )
    if floor_people and meeting.floor is None and meeting.balcony is None:
        first = floor_people[0]
        raise ValidationError(
            f"{len(floor_people)} people have no dais seat but the plan file has no [floor] table",
            location=Location(file=first.source.file, row=first.source.row, field="座区/section", value=first.section),
            hint=f"add a [floor] table to {source or 'the plan file'}",
        )
    _check_unit_order(meeting)
    hall = generate_hall(
        meeting.venue, dais=meeting.dais, floor=meeting.floor, dais_people=len(dais_people), source=source,
        convention=meeting.convention, balcony=meeting.balcony,
    )
    layout = hall.layout
    xmin, _, xmax, ymax = meeting.venue.bounds
    centre_x = (xmin + xmax) / 2
    zones: list[Zone] = []
    if meeting.dais is not None:
        layout, zone = _dais_zone(meeting, layout, dais_people, (centre_x, ymax))
        zones.append(zone)
    zones += _audience_zones(meeting, layout, floor_people, balcony_words, centre_x)
    return Staging(layout=layout, zones=tuple(zones), hall=hall)


def _check_unit_order(meeting: Meeting) -> None:
    """Every unit of ``[floor] unit_order`` must be a unit of the list: a misspelt one would drop down the order."""
    if meeting.floor is None or not meeting.floor.unit_order:
        return
    units = sorted({a.unit for a in meeting.attendees if a.unit})
    for i, unit in enumerate(meeting.floor.unit_order):
        if unit in units:
            continue
        close = difflib.get_close_matches(unit, units, n=3, cutoff=0.5)
        raise ValidationError(
            f"unit_order names {unit!r}, but no attendee has that unit (单位); its people would drop down the order",
            location=Location(file=meeting.source or "", field=f"floor.unit_order[{i}]", value=unit),
            hint=(f"did you mean {', '.join(repr(c) for c in close)}?" if close else "check the spelling against the 单位 column")
            + " Remove units that send nobody.",
        )


def _check_rank_ties(people: list[Attendee]) -> None:
    """Two dais people with one 排序 leave the seat order to chance: refused (as the attendee reader does).

    The rank list is an input (R-DAIS-13) and the dais order follows it seat by seat; an equal-rank
    No.1 and No.2 are declared with ``dais.equal_top_pair`` (R-DAIS-7), not with equal ranks.
    """
    by_rank: dict[int, list[Attendee]] = {}
    for a in people:
        by_rank.setdefault(a.rank, []).append(a)
    for rank, group in sorted(by_rank.items()):
        if len(group) < 2:
            continue
        names = ", ".join(f"{a.name} ({a.source.file}, row {a.source.row})" if a.source.row else a.name for a in group)
        first = group[1]
        raise ValidationError(
            f"{names} share 排序 {rank} on the dais; the dais order follows the rank seat by seat (R-DAIS-13)",
            location=Location(file=first.source.file, row=first.source.row, field="排序", value=rank),
            hint="give every person on the dais a different 排序; for an equal-rank No.1 and No.2 set dais.equal_top_pair = true",
        )


# ------------------------------------------------------------------------------------ dais


def _dais_zone(meeting: Meeting, layout: Layout, people: list[Attendee], axis: tuple[float, float]) -> tuple[Layout, Zone]:
    spec = meeting.dais
    assert spec is not None
    seats = [s for s in layout.seats if s.is_dais]
    ranked = rank_dais(seats, convention=meeting.convention, even=spec.even_mode, equal_top_pair=spec.equal_top_pair, axis=axis)
    spare = {s.id for s in seats if SPARE_CHAIR_TAG in s.tags}
    order = [sid for sid in ranked if sid not in spare]
    problems = check_dais_rows(seats, order, convention=meeting.convention, even=spec.even_mode, equal_top_pair=spec.equal_top_pair)
    if problems:  # R-DAIS-15 self-check: the produced order must pass the validator users have
        raise ValidationError(
            "the dais order failed its own check (R-DAIS-15): " + "; ".join(problems),
            location=Location(file=meeting.source or "", field="dais", value=list(spec.rows)),
            hint="this is a bug in seatplan: please report it with the plan file",
        )
    layout = _number_by_precedence(layout, order)
    _check_rank_ties(people)
    by_id = {s.id: s for s in layout.seats}
    front = [sid for sid in order if by_id[sid].row == 1]
    presider = find_presider(people)
    if spec.presider is not Presider.RANK and presider is None and people:
        raise ValidationError(
            f"dais.presider is {spec.presider.value!r} but nobody on the dais is tagged 主持人/presider",
            location=Location(file=meeting.source or "", field="dais.presider", value=spec.presider.value),
            hint="put 主持人 in the 标签 (tags) column of the presider, or set presider = \"rank\"",
        )
    ordered = order_dais_people(
        people, front_tags=spec.front_tags, front_seats=len(front), presider_in_front=spec.presider is Presider.RANK
    )
    seat_ids = list(order)
    roles = [a for a in people if a.tags & frozenset(spec.front_tags)]
    if presider is not None and spec.presider is not Presider.RANK and presider not in roles and len(roles) >= len(front) > 0:
        raise ValidationError(
            f"the presider {presider.name} and {len(roles)} front-row role holders do not fit in the "
            f"{len(front)} front dais seats (R-DAIS-10, R-DAIS-12)",
            location=Location(file=presider.source.file, row=presider.source.row, field="标签/tags", value="主持人"),
            hint="widen the front row, or give the presider the front-row role tag too",
        )
    if presider is not None and spec.presider is Presider.CENTRE:
        ordered.remove(presider)
        ordered.insert(0, presider)
    elif presider is not None and spec.presider is Presider.END:
        # the end of the part of the front row that will be occupied, so nobody sits apart
        end = _front_end(by_id, front[: max(1, min(len(front), len(people)))], spec.presider_end, spec.side_view)
        ordered.remove(presider)
        ordered.insert(0, presider)
        seat_ids.remove(end)
        seat_ids.insert(0, end)
    _check_capacity(meeting, DAIS, ordered, len(seat_ids), f"dais.rows = {list(spec.rows or [len(people)])}")
    return layout, Zone(DAIS, tuple(seat_ids), tuple(a.id for a in ordered))


def _front_end(by_id: dict[str, Seat], front: list[str], end: Side, view: View) -> str:
    """The end seat of the front row on ``end`` as read in ``view`` (R-DAIS-12)."""
    seats = [by_id[sid] for sid in front]
    # the dais faces the audience: its own right is the audience's left (R-DAIS-2)
    av_right = end is Side.RIGHT if view is not View.STAGE else end is Side.LEFT
    lx = sum(s.left_vector[0] for s in seats)
    ly = sum(s.left_vector[1] for s in seats)
    along = [(s.x * lx + s.y * ly, s.id) for s in seats]  # grows towards the occupants' own left = AV right
    return (max(along) if av_right else min(along))[1]


def _number_by_precedence(layout: Layout, order: list[str]) -> Layout:
    """Give dais seats their precedence as printed number: 主席台 1号 is the No.1 seat.

    On a dais people speak of seats by position in the order (1号位 = the centre
    seat), never by counting from one end; numbering from the left would invite
    reading the leftmost seat as No.1. Chairs that stay empty (R-DAIS-6/7) get
    the numbers after the last ranked seat.
    """
    position = {sid: k for k, sid in enumerate(order, start=1)}
    extra = sorted((s for s in layout.seats if s.is_dais and s.id not in position), key=lambda s: (s.row, s.x, s.id))
    for s in extra:
        position[s.id] = len(position) + 1
    seats = tuple(replace(s, number=position[s.id]) if s.id in position else s for s in layout.seats)
    return replace(layout, seats=seats)


# ------------------------------------------------------------------------------- audience


def _audience_zones(
    meeting: Meeting, layout: Layout, people: list[Attendee], balcony_words: frozenset[str] | set[str], centre_x: float
) -> list[Zone]:
    floor, balcony = meeting.floor, meeting.balcony
    if floor is None and balcony is None:
        return []
    spec = floor if floor is not None else FloorSpec()
    zones: list[Zone] = []
    pool = list(people)
    for section, blocks in ((FLOOR, floor.reserved if floor else ()), (BALCONY, balcony.reserved if balcony else ())):
        for i, block in enumerate(blocks, start=1):
            zone, pool = _reserved_zone(meeting, spec, layout, section, i, block, pool, centre_x)
            if zone is not None:
                zones.append(zone)
    if balcony is not None:
        upstairs = [a for a in pool if a.category in balcony.categories or a.section in balcony_words]
    else:
        upstairs = []
    downstairs = [a for a in pool if a not in upstairs]
    overflow: list[Attendee] = []
    if floor is not None:
        seats = _free_seats(layout, FLOOR)
        zone, overflow = _fill(meeting, spec, FLOOR, seats, downstairs, centre_x, rotate=True, spill=balcony is not None)
        zones.append(zone)
    else:
        overflow = downstairs
    if balcony is not None:
        seats = _free_seats(layout, BALCONY)
        bal_spec = _balcony_floor(spec, balcony)
        zone, _ = _fill(meeting, bal_spec, BALCONY, seats, overflow + upstairs, centre_x, rotate=False, spill=False)
        zones.append(zone)
    return zones


def _balcony_floor(spec: FloorSpec, balcony: BalconySpec) -> FloorSpec:
    """The floor options that apply on the balcony (fill, hands, orders; its own numbering)."""
    return replace(
        spec, reserved=(), rotation_year=0, numbering=balcony.numbering or spec.numbering, odd_side=balcony.odd_side,
        blocks=balcony.blocks, rows=balcony.rows,
    )


def _free_seats(layout: Layout, section: str) -> list[Seat]:
    return [s for s in layout.seats if s.section == section and RESERVED_TAG not in s.tags]


def _hand(meeting: Meeting, spec: FloorSpec) -> Convention:
    return floor_hand_convention(meeting.convention, spec.floor_hand)


def _seat_order(meeting: Meeting, spec: FloorSpec, seats: list[Seat], centre_x: float, fill: FillMethod) -> list[str]:
    return rank_floor_seats(
        seats, fill=fill, hand=_hand(meeting, spec), centre=centre_x,
        follow_numbers=fill is FillMethod.ROWS and spec.numbering is Numbering.SERPENTINE,
    )


def _reserved_zone(
    meeting: Meeting, spec: FloorSpec, layout: Layout, section: str, i: int, block: ReservedBlock,
    pool: list[Attendee], centre_x: float,
) -> tuple[Zone | None, list[Attendee]]:
    """Seat the people a reserved block is for (R-AUD-8); an empty block takes nobody."""
    if block.empty:
        return None, pool
    tag = f"{RESERVED_TAG}-{i}"
    seats = [s for s in layout.seats if s.section == section and tag in s.tags]
    fill = FillMethod.ROWS if spec.fill is FillMethod.COLUMNS else spec.fill
    order = _seat_order(meeting, spec, seats, centre_x, fill)
    members = order_by_unit(
        [a for a in pool if block.admits(a)], published=spec.unit_order, by=spec.unit_order_by, members=spec.member_order_by
    )
    taken = members[: len(order)]
    ids = {a.id for a in taken}
    zone = Zone(f"{section}:{tag}", tuple(order), tuple(a.id for a in taken))
    return zone, [a for a in pool if a.id not in ids]


def _fill(
    meeting: Meeting, spec: FloorSpec, section: str, seats: list[Seat], people: list[Attendee], centre_x: float,
    *, rotate: bool, spill: bool,
) -> tuple[Zone, list[Attendee]]:
    """Fill one level; returns the zone and the people who continue on the next level."""
    if spec.fill is FillMethod.COLUMNS:
        return _fill_columns(meeting, spec, section, seats, people, centre_x, rotate=rotate, spill=spill)
    order = _seat_order(meeting, spec, seats, centre_x, spec.fill)
    ordered = order_by_unit(people, published=spec.unit_order, by=spec.unit_order_by, members=spec.member_order_by)
    if spill and len(ordered) > len(order):
        return Zone(section, tuple(order), tuple(a.id for a in ordered[: len(order)])), ordered[len(order) :]
    _check_capacity(meeting, section, ordered, len(order), _what(spec, section, seats))
    return Zone(section, tuple(order), tuple(a.id for a in ordered)), []


def _what(spec: FloorSpec, section: str, seats: list[Seat]) -> str:
    rows = max((s.row for s in seats), default=0)
    return f"{section}.blocks = {list(spec.blocks)} × {rows} rows"


def _fill_columns(
    meeting: Meeting, spec: FloorSpec, section: str, seats: list[Seat], people: list[Attendee], centre_x: float,
    *, rotate: bool, spill: bool,
) -> tuple[Zone, list[Attendee]]:
    """竖排法 (R-AUD-3): one strip per unit, sized to hold it; rotation of R-AUD-6 when asked."""
    units = order_units(people, published=spec.unit_order, by=spec.unit_order_by)
    year = spec.rotation_year if rotate else 0
    members: list[list[Attendee]] = []
    for unit in units:
        ordered = order_members([a for a in people if a.unit == unit], by=spec.member_order_by)
        if year:
            last = len(CATEGORY_ORDER)
            standings = sorted({CATEGORY_ORDER.get(a.category, last) for a in ordered})
            ordered = [
                p
                for st in standings
                for p in rotate_members([a for a in ordered if CATEGORY_ORDER.get(a.category, last) == st], year=year)
            ]
        members.append(ordered)
    hand = _hand(meeting, spec)
    centre_out = spec.strip_order is StripOrder.CENTRE_OUT
    kept = len(units)
    strips: list[list[str]] = []
    while kept > 0:
        sequence = order_strips(kept, centre_out=centre_out, hand=hand)
        if year:
            sequence = rotate_strips(sequence, year=year, groups=spec.rotation_groups, hand=hand)
        try:
            strips = fill_strips(
                seats, [len(m) for m in members[:kept]], sequence=sequence, centre_out=centre_out, hand=hand, centre=centre_x
            )
            break
        except ValidationError as exc:
            if not spill and not meeting.allow_unseated:
                raise ValidationError(
                    f"{section}: {exc.message}",
                    location=Location(file=meeting.source or "", field=f"{section}.fill", value="columns"),
                    hint=f"{exc.hint}; or set allow_unseated = true to list the units that do not fit in unseated.csv",
                ) from None
            kept -= 1  # the last unit in the unit order moves on (R-AUD-1: the higher the floor, the lower)
    seat_ids = [sid for strip, m in zip(strips, members) for sid in strip[: len(m)]]
    seated = [a for m in members[:kept] for a in m]
    rest = [a for m in members[kept:] for a in m]
    if spill:
        return Zone(section, tuple(seat_ids), tuple(a.id for a in seated)), rest
    everyone = seated + rest
    _check_capacity(meeting, section, everyone, len(seat_ids), _what(spec, section, seats) + " (竖排法: whole units)")
    return Zone(section, tuple(seat_ids), tuple(a.id for a in everyone)), []


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
