"""Meeting hall layout: a dais on the stage, theatre rows on the floor, a balcony.

The generator works in the plan frame (x to the right, y towards the stage). The
stage runs along the front wall (largest y); dais rows stand on it facing the
audience (facing 270°), the floor rows face the stage (facing 90°).

The floor and the balcony are laid out by the row engine of ``seatplan fit``
(:func:`seatplan.layout.theatre.generate_theatre`), to the fire-code profile of
the plan (GB 50016 by default): blocks within the seats allowed between aisles,
aisles sized from the persons they serve, cross aisles every 20 rows at most,
a band along the walls, ``spacing.obstacle_gap`` round every pillar and no seat
in a door's clear zone. The ``[floor]`` widths are minima: an aisle the code
needs wider is widened.

Dais rows stand ``row_pitch`` apart; the pitch must hold the desk, the chair
and the passage behind it (R-PHY-9): desk depth + chair depth +
``chair_back_to_table`` = 0.60 + 0.50 + 0.60 = 1.70 m. A smaller pitch is an
error that names the smallest pitch that works. Chairs stand flush with their
desk (R-PHY-11).

Seat tags written here (the occasion reads them):

* ``"dais-empty-centre"``: the centre chair of an equal-rank top pair (R-DAIS-7);
* ``"dais-spare"``: an extra fixed chair at the junior-hand end (R-DAIS-6/7);
* ``"block-<b>"``: the floor/balcony block between aisles, 1 = audience-view left;
* ``"reserved"`` and ``"reserved-<i>"``: seats of the i-th reserved block (R-AUD-8).

The balcony (楼上/二楼, R-AUD-7) is another level: it is drawn as a separate
plan below the room, in the same frame (its rows face the stage, up the page),
with an exit at each end of its back aisle.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import shapely

from seatplan.errors import GeometryError, Location
from seatplan.layout.firecode import FireProfile
from seatplan.layout.numbering import number_floor
from seatplan.layout.room import GeneratedLayout, room_shapes
from seatplan.layout.spacing import Spacing
from seatplan.layout.theatre import TheatreOptions, lay_rows, theatre_plan
from seatplan.model import (
    FACING_BACK,
    Convention,
    DaisSpec,
    Door,
    EvenMode,
    FloorSpec,
    Layout,
    Numbering,
    Seat,
    Shape,
    ShapeKind,
    Side,
    Venue,
    View,
)
from seatplan.model.meeting import BalconySpec, Lectern, ReservedBlock
from seatplan.model.seats import SeatTag
from seatplan.protocol.dais import dais_offsets

#: Dais desk depth and the gap from the stage edge to the front dais desk, metres.
DAIS_TABLE_DEPTH = Spacing().dais_table_depth
DAIS_EDGE_GAP = Spacing().dais_edge_gap
#: Chair depth on the dais, metres (chairs stand flush with their desk, R-PHY-11).
DAIS_CHAIR_DEPTH = Spacing().chair_depth
#: Passage from a chair back to the next desk, and behind the last row, metres (R-PHY-9).
DAIS_PASSAGE = Spacing().chair_back_to_table
#: The smallest dais row pitch: desk + chair + passage (R-PHY-9), metres.
MIN_DAIS_ROW_PITCH = round(DAIS_TABLE_DEPTH + DAIS_CHAIR_DEPTH + DAIS_PASSAGE, 6)
#: Gap from the stage edge to the front dais table when a lectern stands in front, metres.
LECTERN_EDGE_GAP = 1.4
#: Lectern (发言席) footprint: width along the dais and depth, metres.
LECTERN_SIZE = (0.7, 0.5)
#: Distance between the back wall of the room and the balcony drawn below it, metres.
BALCONY_GAP = 4.5
#: Depth of the balcony's front rail, and the rail to the front of its first row, metres.
BALCONY_RAIL = 0.35
BALCONY_FRONT_GAP = 1.2
#: Balcony exit width at each end of its back aisle, metres (R-PHY-4: at least 1.40 m).
BALCONY_DOOR = 1.5
#: Seat tags written by this module.
EMPTY_CENTRE_TAG = SeatTag.DAIS_EMPTY_CENTRE
SPARE_CHAIR_TAG = SeatTag.DAIS_SPARE
RESERVED_TAG = SeatTag.RESERVED


@dataclass(frozen=True)
class HallLayout:
    """A laid-out meeting hall and the parts the layout check reads.

    Parameters
    ----------
    layout
        Every seat (dais first, then the floor front to back, then the balcony) and the outlines.
    sections
        ``(section, generated)`` for the floor and the balcony as the row engine built them
        (with the hall's seats), for :func:`seatplan.layout.check.check_layout`.
    dais_tables
        Outlines of the dais desks and the lectern (the chairs must stay off them).
    """

    layout: Layout
    sections: tuple[tuple[str, GeneratedLayout], ...] = ()
    dais_tables: tuple[Shape, ...] = ()


def generate_hall(
    venue: Venue,
    *,
    dais: DaisSpec | None,
    floor: FloorSpec | None,
    dais_people: int = 0,
    source: str = "",
    convention: Convention | str = Convention.CN,
    balcony: BalconySpec | None = None,
    profile: FireProfile | None = None,
) -> HallLayout:
    """Lay out a dais, theatre rows and a balcony in a room.

    Parameters
    ----------
    venue
        The room; its top edge (largest y) is the front wall with the stage.
    dais
        Dais rows, or ``None`` for no dais. With no explicit rows, one row of
        ``dais_people`` seats is laid out.
    floor
        Floor blocks and rows, or ``None`` for no audience seating.
    dais_people
        Number of people on the dais (sizes an implicit single row).
    source
        Plan-file name for error messages.
    convention
        Decides the junior-hand end of the dais (where an extra fixed chair
        goes, R-DAIS-6/7) and the longer side of uneven rows.
    balcony
        A second level (R-AUD-7), drawn below the room; ``None`` for none.
    profile
        Fire-code profile of the floor and balcony rows (default GB 50016).

    Returns
    -------
    HallLayout
        The layout and what the layout check needs.

    Raises
    ------
    GeometryError
        If the dais, the floor blocks or the balcony do not fit, a dais row
        pitch leaves no passage (R-PHY-9), or a reserved block names rows or
        blocks that do not exist; the message says how much space is needed
        and which key to change.
    """
    room = shapely.Polygon(venue.outline)
    if not room.is_valid or room.area <= 0:
        raise GeometryError(
            f"the room outline is not a simple polygon ({shapely.is_valid_reason(room)})",
            location=Location(file=source, field="venue.outline"),
            hint="list the corners in order around the room without crossing lines",
        )
    xmin, ymin, xmax, ymax = venue.bounds
    if venue.stage_depth >= ymax - ymin:
        raise GeometryError(
            f"the stage ({venue.stage_depth} m) is as deep as the room ({ymax - ymin} m)",
            location=Location(file=source, field="venue.stage_depth", value=venue.stage_depth),
            hint="make the stage shallower than the room",
        )
    profile = profile or FireProfile()
    centre_x = (xmin + xmax) / 2.0
    stage_front = ymax - venue.stage_depth
    seats: list[Seat] = []
    shapes: list[Shape] = room_shapes(venue, room=room)
    dais_tables: list[Shape] = []
    sections: list[tuple[str, GeneratedLayout]] = []
    conv = Convention(convention)
    if dais is not None:
        dais_seats, dais_tables = _lay_dais(dais, dais_people, centre_x, stage_front, ymax, (xmin, xmax), conv, source)
        seats += dais_seats
        shapes += dais_tables
    if floor is not None:
        generated = _lay_floor(venue, floor, profile, source)
        floor_seats = _hall_seats(generated, "floor", floor.numbering, floor.odd_side, centre_x)
        floor_seats, marks = _reserve(floor_seats, floor.reserved, "floor", floor.front_gap, source)
        sections.append(("floor", _with_seats(generated, floor_seats)))
        seats += floor_seats
        shapes += _aisle_shapes(generated) + marks
    if balcony is not None:
        numbering = balcony.numbering or (floor.numbering if floor is not None else Numbering.SEQUENTIAL)
        generated, outline = _lay_balcony(balcony, floor, profile, centre_x, (xmin, xmax), ymin, source)
        balcony_seats = _hall_seats(generated, "balcony", numbering, balcony.odd_side, centre_x)
        balcony_seats, marks = _reserve(balcony_seats, balcony.reserved, "balcony", 0.9, source)
        sections.append(("balcony", _with_seats(generated, balcony_seats)))
        seats += balcony_seats
        shapes += outline + _aisle_shapes(generated) + marks
    layout = Layout(venue=venue, seats=tuple(seats), shapes=tuple(shapes))
    return HallLayout(layout=layout, sections=tuple(sections), dais_tables=tuple(dais_tables))


def _uniform(count: int, pitch: float) -> list[float]:
    return [(i - (count - 1) / 2) * pitch for i in range(count)]


def _dais_row(
    dais: DaisSpec, r: int, count: int, convention: Convention, source: str
) -> tuple[list[float], float | None, float | None, bool]:
    """Offsets of one dais row (AV left→right, metres from the axis), the empty centre, the spare chair, split.

    R-DAIS-6 (V3, movable or fixed chairs), R-DAIS-7 (equal-rank top pair) and
    R-DAIS-11 (aisle from the second row on) decide the geometry; ``count`` is
    the number of seats for people.
    """
    pitch = dais.seat_pitch
    junior_sign = -1.0 if convention is Convention.CN else 1.0  # CN: the junior hand is AV-left
    if r == 1 and dais.equal_top_pair:
        if count < 2:
            raise GeometryError(
                "an equal-rank top pair (R-DAIS-7) needs No.1 and No.2 side by side in the front row, "
                f"which has {count} seat",
                location=Location(file=source, field="dais.rows", value=list(dais.rows)),
                hint="give the front row at least 2 seats, or set equal_top_pair = false",
            )
        if count % 2 == 0:
            return _uniform(count + 1, pitch), 0.0, None, False
        if dais.fixed_chairs:
            offsets = _uniform(count + 2, pitch)
            return offsets, 0.0, junior_sign * max(offsets), False
        return dais_offsets(count + 1, even=EvenMode.V3, pitch=pitch, convention=convention), 0.0, None, False
    if r >= dais.aisle_from_row and dais.aisle_width > 0:
        return dais_offsets(count, even=dais.even_mode, pitch=pitch, convention=convention, aisle=dais.aisle_width), None, None, True
    if dais.even_mode is EvenMode.V3 and count % 2 == 0:
        if dais.fixed_chairs:
            offsets = _uniform(count + 1, pitch)
            return offsets, None, junior_sign * max(offsets), False
        return dais_offsets(count, even=EvenMode.V3, pitch=pitch, convention=convention), None, None, False
    return _uniform(count, pitch), None, None, False


def check_dais_pitch(dais: DaisSpec, rows: tuple[int, ...], source: str) -> None:
    """Refuse a dais row pitch that leaves no passage behind the chairs (R-PHY-9).

    Raises
    ------
    GeometryError
        Naming the pitch given and the smallest that works (desk + chair + passage).
    """
    if len(rows) > 1 and dais.row_pitch < MIN_DAIS_ROW_PITCH - 1e-9:
        overlap = DAIS_TABLE_DEPTH + DAIS_CHAIR_DEPTH - dais.row_pitch
        what = (
            f"the chairs of each row stand {overlap:.2f} m inside the desk of the row behind"
            if overlap > 1e-9
            else f"the passage behind the chairs is {dais.row_pitch - DAIS_TABLE_DEPTH - DAIS_CHAIR_DEPTH:.2f} m"
        )
        raise GeometryError(
            f"dais rows {dais.row_pitch:.2f} m apart: {what}; a row needs desk {DAIS_TABLE_DEPTH:.2f} + chair "
            f"{DAIS_CHAIR_DEPTH:.2f} + passage {DAIS_PASSAGE:.2f} m (R-PHY-9)",
            location=Location(file=source, field="dais.row_pitch", value=dais.row_pitch),
            hint=f"set dais.row_pitch to at least {MIN_DAIS_ROW_PITCH:.2f} (or leave it out)",
        )


def _lay_dais(
    dais: DaisSpec,
    people: int,
    centre_x: float,
    stage_front: float,
    ymax: float,
    xrange: tuple[float, float],
    convention: Convention,
    source: str,
) -> tuple[list[Seat], list[Shape]]:
    rows = dais.rows or ((people,) if people else ())
    check_dais_pitch(dais, rows, source)
    width = xrange[1] - xrange[0]
    edge_gap = DAIS_EDGE_GAP if dais.lectern is Lectern.NONE else LECTERN_EDGE_GAP
    # the chair centre stands half a chair behind its desk (flush, R-PHY-11); a passage behind the last row
    chair_from_front = edge_gap + DAIS_TABLE_DEPTH + DAIS_CHAIR_DEPTH / 2
    need_depth = chair_from_front + (len(rows) - 1) * dais.row_pitch + DAIS_CHAIR_DEPTH / 2 + DAIS_PASSAGE
    if rows and stage_front + need_depth > ymax + 1e-9:
        raise GeometryError(
            f"{len(rows)} dais rows need a stage {need_depth:.2f} m deep; it is {ymax - stage_front:.2f} m",
            location=Location(file=source, field="venue.stage_depth", value=round(ymax - stage_front, 2)),
            hint="make the stage deeper, use fewer dais rows, reduce dais.row_pitch"
            + ("" if dais.lectern is Lectern.NONE else ', or set dais.lectern = "none"'),
        )
    seats: list[Seat] = []
    shapes: list[Shape] = []
    front_span = (centre_x, centre_x)
    for r, count in enumerate(rows, start=1):
        offsets, empty, spare, split = _dais_row(dais, r, count, convention, source)
        span = max(offsets) - min(offsets) + dais.seat_pitch
        if span > width - 1.0:
            raise GeometryError(
                f"dais row {r} has {len(offsets)} chairs at {dais.seat_pitch} m = {span:.1f} m; the room is {width:.1f} m wide",
                location=Location(file=source, field="dais.rows", value=list(rows)),
                hint="split the row (dais.rows = [9, 8]) or reduce dais.seat_pitch",
            )
        y = stage_front + chair_from_front + (r - 1) * dais.row_pitch
        for k, off in enumerate(sorted(offsets), start=1):
            tags: set[str] = set()
            if empty is not None and abs(off - empty) < 1e-9:
                tags.add(EMPTY_CENTRE_TAG)
            if spare is not None and abs(off - spare) < 1e-9:
                tags.add(SPARE_CHAIR_TAG)
            seats.append(
                Seat(
                    id=f"dais-r{r}-s{k:02d}", section="dais", row=r, number=k, x=round(centre_x + off, 4),
                    y=round(y, 4), facing=FACING_BACK, tags=frozenset(tags),
                )
            )
        t1 = round(y - DAIS_CHAIR_DEPTH / 2, 4)
        t0 = round(t1 - DAIS_TABLE_DEPTH, 4)
        halves = [[o for o in offsets if o < 0], [o for o in offsets if o > 0]] if split else [offsets]
        for half in halves:
            if not half:
                continue
            x0, x1 = centre_x + min(half) - dais.seat_pitch / 2, centre_x + max(half) + dais.seat_pitch / 2
            shapes.append(Shape(ShapeKind.TABLE, ((x0, t0), (x1, t0), (x1, t1), (x0, t1)), f"主席台第{r}排"))
        if r == 1:
            front_span = (centre_x + min(offsets) - dais.seat_pitch / 2, centre_x + max(offsets) + dais.seat_pitch / 2)
    if rows and dais.lectern is not Lectern.NONE:
        shapes.append(_lectern(dais, centre_x, stage_front, front_span, xrange))
    return seats, shapes


def _lectern(dais: DaisSpec, centre_x: float, stage_front: float, front_span: tuple[float, float], xrange: tuple[float, float]) -> Shape:
    """The 发言席 (R-DAIS-12): in front of the presidium, or at a front corner of the dais."""
    w, d = LECTERN_SIZE
    y0 = stage_front + 0.3
    if dais.lectern is Lectern.FRONT:
        x = centre_x
    else:
        right = dais.lectern is Lectern.FRONT_RIGHT
        # "right" in stage view is the dais's own right = the audience's left (R-DAIS-2)
        av_right = right if dais.side_view is not View.STAGE else not right
        x = front_span[1] if av_right else front_span[0]
        x = min(max(x, xrange[0] + w / 2 + 0.2), xrange[1] - w / 2 - 0.2)
    return Shape(ShapeKind.LECTERN, ((x - w / 2, y0), (x + w / 2, y0), (x + w / 2, y0 + d), (x - w / 2, y0 + d)), "发言席")


def _floor_spacing(seat_width: float, row_pitch: float, aisle_width: float, side_aisle: float) -> Spacing:
    return replace(Spacing(), seat_width=seat_width, row_pitch=row_pitch, aisle_width=aisle_width, side_aisle=side_aisle)


def _lay_rows(
    venue: Venue, options: TheatreOptions, spacing: Spacing, profile: FireProfile, rear_min: float, key: str, source: str
) -> GeneratedLayout:
    """The row engine of ``seatplan fit`` with its errors pointed at the plan's keys."""
    try:
        plan = replace(theatre_plan(options, spacing), rear_min=rear_min)
        return lay_rows(venue, plan, spacing=spacing, profile=profile, source=source)
    except GeometryError as exc:
        field = exc.location.field
        if field.startswith("layout."):
            name = field.removeprefix("layout.")
            field = f"{key}.{'blocks' if name in ('block_seats', 'blocks') else name}"
        raise GeometryError(
            exc.message, location=replace(exc.location, file=source, field=field), hint=exc.hint.replace("layout.", f"{key}.")
        ) from None


def _lay_floor(venue: Venue, floor: FloorSpec, profile: FireProfile, source: str) -> GeneratedLayout:
    """Theatre rows in front of the stage, to code (R-PHY-1…5), with the floor's blocks as given."""
    spacing = _floor_spacing(floor.seat_width, floor.row_pitch, floor.aisle_width, floor.side_aisle)
    options = TheatreOptions(
        block_seats=floor.blocks, row_pitch=floor.row_pitch, side_aisles=True, front_gap=floor.front_gap,
        max_rows=floor.rows, numbering=floor.numbering, odd_side=floor.odd_side,
    )
    generated = _lay_rows(venue, options, spacing, profile, floor.back_gap, "floor", source)
    laid = max((s.row for s in generated.seats), default=0)
    if floor.rows and laid < floor.rows:
        raise GeometryError(
            f"{floor.rows} floor rows do not fit in front of the stage with the aisles the fire code needs; "
            f"{laid} rows fit",
            location=Location(file=source, field="floor.rows", value=floor.rows),
            hint=f"use at most {laid} rows, a smaller row_pitch, or smaller front_gap/back_gap (floor.rows = 0 fills the room)",
        )
    return generated


def _hall_seats(generated: GeneratedLayout, section: str, numbering: Numbering, odd_side: Side, centre_x: float) -> list[Seat]:
    """The engine's seats as hall seats: ids ``floor-r03-s012``, numbers counted from the hall's centre line."""
    rows: dict[int, list[Seat]] = {}
    for s in generated.seats:
        rows.setdefault(s.row, []).append(s)
    ordered = [sorted(rows[r], key=lambda s: (s.x, s.id)) for r in sorted(rows)]
    numbers = number_floor([[s.x for s in row] for row in ordered], numbering=numbering, odd_side=odd_side, centre=centre_x)
    return [
        replace(s, id=f"{section}-r{r:02d}-s{j:03d}", section=section, row=r, number=num)
        for r, (row, nums) in enumerate(zip(ordered, numbers), start=1)
        for j, (s, num) in enumerate(zip(row, nums), start=1)
    ]


def _with_seats(generated: GeneratedLayout, seats: list[Seat]) -> GeneratedLayout:
    return replace(generated, layout=replace(generated.layout, seats=tuple(seats)))


def _aisle_shapes(generated: GeneratedLayout) -> list[Shape]:
    return [s for s in generated.layout.shapes if s.kind is ShapeKind.AISLE]


def _lay_balcony(
    balcony: BalconySpec, floor: FloorSpec | None, profile: FireProfile, centre_x: float, xrange: tuple[float, float],
    ymin: float, source: str,
) -> tuple[GeneratedLayout, list[Shape]]:
    """The balcony as a separate plan below the room, rows facing the stage (up the page), to code."""
    spacing = _floor_spacing(balcony.seat_width, balcony.row_pitch, balcony.aisle_width, floor.side_aisle if floor else 1.0)
    options = TheatreOptions(
        block_seats=balcony.blocks, row_pitch=balcony.row_pitch, side_aisles=True,
        front_gap=max(BALCONY_FRONT_GAP, spacing.side_aisle + 0.3),  # the walkway along the rail
        max_rows=balcony.rows,
    )
    seats_wanted = sum(balcony.blocks) * balcony.rows
    row_width = sum(balcony.blocks) * balcony.seat_width
    if row_width > 3 * (xrange[1] - xrange[0]):
        raise GeometryError(
            f"balcony blocks {list(balcony.blocks)} are {row_width:.1f} m wide, far wider than the room",
            location=Location(file=source, field="balcony.blocks", value=list(balcony.blocks)),
            hint="give the seats per row of each balcony block",
        )
    top = ymin - BALCONY_GAP
    banks = math.ceil(balcony.rows / 20)
    aisles = 1.2 * len(balcony.blocks) + 2.0
    width = max(xrange[1] - xrange[0], row_width + aisles * 1.5)
    depth = BALCONY_RAIL + BALCONY_FRONT_GAP + balcony.rows * balcony.row_pitch + banks * 2.0 + 2.0
    generated = None
    for _ in range(4):  # aisles the code widens take room: widen the balcony until every seat fits
        x0, x1 = centre_x - width / 2, centre_x + width / 2
        bottom = top - depth
        outline = ((x0, bottom), (x1, bottom), (x1, top), (x0, top))
        exit_width = max(BALCONY_DOOR, round(math.ceil(seats_wanted * 0.65 / 100 / 2 / 0.05) * 0.05, 2))
        doors = (
            Door(x0, bottom + 0.2 + exit_width / 2, exit_width, main=True, name="楼座出口"),
            Door(x1, bottom + 0.2 + exit_width / 2, exit_width, name="楼座出口"),
        )
        venue = Venue(outline=outline, doors=doors, stage_depth=BALCONY_RAIL, name=balcony.label)
        generated = _lay_rows(venue, options, spacing, profile, 1.0, "balcony", source)
        if generated.seat_count >= seats_wanted:
            break
        width += 2.0
        depth += 1.0
    assert generated is not None
    label = f"{balcony.label}（楼座）· 前沿栏杆 · 座位面向舞台"
    shapes = [
        Shape(ShapeKind.ROOM, outline, balcony.label),
        Shape(ShapeKind.TABLE, ((x0, top - BALCONY_RAIL), (x1, top - BALCONY_RAIL), (x1, top), (x0, top)), label),
    ]
    return generated, shapes


def _positions(count: int, seats: tuple[int, ...]) -> range:
    """0-based indexes of the positions ``seats`` (1-based, negative from the right) in a run of ``count``."""
    if not seats:
        return range(count)
    a, b = (v - 1 if v > 0 else count + v for v in seats)
    return range(max(a, 0), min(b, count - 1) + 1)


def _reserve(
    seats: list[Seat], reserved: tuple[ReservedBlock, ...], section: str, front_room: float, source: str
) -> tuple[list[Seat], list[Shape]]:
    """Tag the seats of reserved blocks (R-AUD-8) and outline each block on the diagram."""
    if not reserved:
        return seats, []
    by_row: dict[int, list[Seat]] = {}
    for s in seats:
        by_row.setdefault(s.row, []).append(s)
    n_rows = max(by_row, default=0)
    blocks = {int(t.split("-", 1)[1]) for s in seats for t in s.tags if t.startswith("block-")}
    extra: dict[str, set[str]] = {}
    shapes: list[Shape] = []
    for i, block in enumerate(reserved, start=1):
        key = f"{section}.reserved[{i - 1}]"
        first, last = block.rows
        if last > n_rows:
            raise GeometryError(
                f"reserved block {i} names rows {first}–{last} but the {section} has {n_rows} rows",
                location=Location(file=source, field=f"{key}.rows", value=list(block.rows)),
                hint=f"use rows between 1 and {n_rows}",
            )
        if block.block and block.block not in blocks:
            raise GeometryError(
                f"reserved block {i} names block {block.block} but the {section} has blocks 1–{max(blocks, default=0)}",
                location=Location(file=source, field=f"{key}.block", value=block.block),
                hint="count blocks 1, 2, 3 from the audience-view left; 0 = the whole row",
            )
        chosen: list[Seat] = []
        for r in range(first, last + 1):
            run = sorted(
                (s for s in by_row.get(r, []) if not block.block or f"block-{block.block}" in s.tags), key=lambda s: (s.x, s.id)
            )
            chosen += [run[j] for j in _positions(len(run), block.seats)]
        if not chosen:
            raise GeometryError(
                f"reserved block {i} holds no seat",
                location=Location(file=source, field=f"{key}.seats", value=list(block.seats)),
                hint="check rows, block and seats against the diagram",
            )
        for s in chosen:
            if s.id in extra:
                raise GeometryError(
                    f"seat {s.describe()} is in two reserved blocks",
                    location=Location(file=source, field=f"{key}", value=s.describe()),
                    hint="make the reserved blocks not overlap",
                )
            extra[s.id] = {RESERVED_TAG, f"{RESERVED_TAG}-{i}"}
        xs = [s.x for s in chosen]
        ys = [s.y for s in chosen]
        x0, x1, y0, y1 = min(xs) - 0.3, max(xs) + 0.3, min(ys) - 0.38, max(ys) + 0.38
        shapes.append(Shape(ShapeKind.TABLE, ((x0, y0), (x1, y0), (x1, y1), (x0, y1)), ""))
        what = block.label or block.tag or {"observer": "列席", "alternate": "候补", "auditor": "旁听", "official": "正式"}.get(block.category, "") or "预留"
        if first == 1 and front_room >= 0.9:
            sign_y = y1 + 0.12
            shapes.append(Shape(ShapeKind.TABLE, ((x0, sign_y), (x1, sign_y), (x1, sign_y + 0.4), (x0, sign_y + 0.4)), f"预留：{what}"))
    out = [replace(s, tags=s.tags | frozenset(extra[s.id])) if s.id in extra else s for s in seats]
    return out, shapes
