"""Meeting hall layout: a dais on the stage, theatre rows on the floor, a balcony.

The generator works in the plan frame (x to the right, y towards the stage). The
stage runs along the front wall (largest y); dais rows stand on it facing the
audience (facing 270°), the floor rows face the stage (facing 90°). Seats that
would stick out of an irregular outline or touch an obstacle are left out.

Seat tags written here (the occasion reads them):

* ``"dais-empty-centre"``: the centre chair of an equal-rank top pair (R-DAIS-7);
* ``"dais-spare"``: an extra fixed chair at the junior-hand end (R-DAIS-6/7);
* ``"block-<b>"``: the floor/balcony block between aisles, 1 = audience-view left;
* ``"reserved"`` and ``"reserved-<i>"``: seats of the i-th reserved block (R-AUD-8).

The balcony (楼上/二楼, R-AUD-7) is another level: it is drawn as a separate
plan below the room, in the same frame (its rows face the stage, up the page).
"""

from __future__ import annotations

import math
from dataclasses import replace

import shapely

from seatplan.errors import GeometryError, Location
from seatplan.layout.numbering import number_floor
from seatplan.layout.room import room_shapes
from seatplan.model import (
    FACING_BACK,
    FACING_FRONT,
    Convention,
    DaisSpec,
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

#: Footprint of a chair used to test that a seat fits the room, metres.
CHAIR_SIZE = 0.5
#: Dais table depth and the gap from the stage edge to the front dais table, metres.
DAIS_TABLE_DEPTH = 0.6
DAIS_EDGE_GAP = 0.6
#: Gap from the stage edge to the front dais table when a lectern stands in front, metres.
LECTERN_EDGE_GAP = 1.4
#: Lectern (发言席) footprint: width along the dais and depth, metres.
LECTERN_SIZE = (0.7, 0.5)
#: Distance between the back wall of the room and the balcony drawn below it, metres.
BALCONY_GAP = 4.5
#: Seat tags written by this module.
EMPTY_CENTRE_TAG = SeatTag.DAIS_EMPTY_CENTRE
SPARE_CHAIR_TAG = SeatTag.DAIS_SPARE
RESERVED_TAG = SeatTag.RESERVED


def generate_hall(
    venue: Venue,
    *,
    dais: DaisSpec | None,
    floor: FloorSpec | None,
    dais_people: int = 0,
    source: str = "",
    convention: Convention | str = Convention.CN,
    balcony: BalconySpec | None = None,
) -> Layout:
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

    Returns
    -------
    Layout
        Seats (dais first, then the floor front to back, then the balcony)
        and outlines to draw (tables, the lectern, reserved blocks).

    Raises
    ------
    GeometryError
        If the dais, the floor blocks or the balcony do not fit, or a reserved
        block names rows or blocks that do not exist; the message says how
        much space is needed and which key to change.
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
    free = room.difference(shapely.union_all([shapely.Polygon(o) for o in venue.obstacles])) if venue.obstacles else room
    centre_x = (xmin + xmax) / 2.0
    stage_front = ymax - venue.stage_depth
    seats: list[Seat] = []
    shapes: list[Shape] = room_shapes(venue, room=room)
    conv = Convention(convention)
    if dais is not None:
        dais_seats, tables = _lay_dais(dais, dais_people, centre_x, stage_front, ymax, (xmin, xmax), conv, source)
        seats += dais_seats
        shapes += tables
    if floor is not None:
        floor_seats = _lay_floor(floor, free, centre_x, stage_front, ymin, xmax - xmin, source)
        floor_seats, marks = _reserve(floor_seats, floor.reserved, "floor", floor.front_gap, source)
        seats += floor_seats
        shapes += marks
    if balcony is not None:
        numbering = balcony.numbering or (floor.numbering if floor is not None else Numbering.SEQUENTIAL)
        balcony_seats, outline = _lay_balcony(balcony, numbering, centre_x, (xmin, xmax), ymin, source)
        balcony_seats, marks = _reserve(balcony_seats, balcony.reserved, "balcony", 0.9, source)
        seats += balcony_seats
        shapes += outline + marks
    return Layout(venue=venue, seats=tuple(seats), shapes=tuple(shapes))


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
    width = xrange[1] - xrange[0]
    edge_gap = DAIS_EDGE_GAP if dais.lectern is Lectern.NONE else LECTERN_EDGE_GAP
    need_depth = edge_gap + DAIS_TABLE_DEPTH + 0.4 + (len(rows) - 1) * dais.row_pitch + 0.5
    if rows and stage_front + need_depth > ymax + 1e-9:
        raise GeometryError(
            f"{len(rows)} dais rows need a stage {need_depth:.1f} m deep; it is {ymax - stage_front:.1f} m",
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
        y = stage_front + edge_gap + DAIS_TABLE_DEPTH + 0.4 + (r - 1) * dais.row_pitch
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
        table_y = y - 0.4 - DAIS_TABLE_DEPTH / 2
        halves = [[o for o in offsets if o < 0], [o for o in offsets if o > 0]] if split else [offsets]
        for half in halves:
            if not half:
                continue
            x0, x1 = centre_x + min(half) - dais.seat_pitch / 2, centre_x + max(half) + dais.seat_pitch / 2
            shapes.append(Shape(ShapeKind.TABLE, ((x0, table_y - 0.3), (x1, table_y - 0.3), (x1, table_y + 0.3), (x0, table_y + 0.3)), f"主席台第{r}排"))
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


def _row_xs(blocks: tuple[int, ...], seat_width: float, aisle_width: float, centre_x: float) -> tuple[list[float], list[int]]:
    """x of every seat position in a row (AV left→right) and its block number (1-based)."""
    row_width = sum(blocks) * seat_width + (len(blocks) - 1) * aisle_width
    xs: list[float] = []
    block_of: list[int] = []
    left = centre_x - row_width / 2
    for b, count in enumerate(blocks, start=1):
        xs += [left + (k + 0.5) * seat_width for k in range(count)]
        block_of += [b] * count
        left += count * seat_width + aisle_width
    return xs, block_of


def _lay_floor(
    floor: FloorSpec, free: shapely.Geometry, centre_x: float, stage_front: float, ymin: float, width: float, source: str
) -> list[Seat]:
    row_width = sum(floor.blocks) * floor.seat_width + (len(floor.blocks) - 1) * floor.aisle_width
    if row_width + 2 * floor.side_aisle > width + 1e-9:
        raise GeometryError(
            f"floor blocks {list(floor.blocks)} need {row_width + 2 * floor.side_aisle:.1f} m with aisles; the room is {width:.1f} m wide",
            location=Location(file=source, field="floor.blocks", value=list(floor.blocks)),
            hint="use fewer seats per block, narrower aisles, or a smaller seat_width",
        )
    first_y = stage_front - floor.front_gap - CHAIR_SIZE / 2
    last_allowed = ymin + floor.back_gap + CHAIR_SIZE / 2
    fit = math.floor((first_y - last_allowed) / floor.row_pitch + 1e-9) + 1 if first_y >= last_allowed else 0
    if floor.rows > fit:
        raise GeometryError(
            f"{floor.rows} floor rows need {(floor.rows - 1) * floor.row_pitch + floor.front_gap + floor.back_gap + CHAIR_SIZE:.1f} m "
            f"in front of the stage; there is {stage_front - ymin:.1f} m",
            location=Location(file=source, field="floor.rows", value=floor.rows),
            hint=f"use at most {fit} rows, a smaller row_pitch, or smaller front_gap/back_gap",
        )
    n_rows = floor.rows or fit
    xs, block_of = _row_xs(floor.blocks, floor.seat_width, floor.aisle_width, centre_x)
    ys = [first_y - i * floor.row_pitch for i in range(n_rows)]
    grid_x = [gx for _ in ys for gx in xs]
    grid_y = [gy for gy in ys for _ in xs]
    half = CHAIR_SIZE / 2
    boxes = shapely.box(
        [gx - half for gx in grid_x], [gy - half for gy in grid_y], [gx + half for gx in grid_x], [gy + half for gy in grid_y]
    )
    inside = shapely.contains(free, boxes)
    rows: list[tuple[float, list[int]]] = []
    for r, y in enumerate(ys):
        keep = [k for k in range(len(xs)) if inside[r * len(xs) + k]]
        if keep:
            rows.append((y, keep))
    return _number_rows("floor", rows, xs, block_of, floor.numbering, floor.odd_side, centre_x)


def _number_rows(
    section: str,
    rows: list[tuple[float, list[int]]],
    xs: list[float],
    block_of: list[int],
    numbering: Numbering,
    odd_side: Side,
    centre_x: float,
) -> list[Seat]:
    """Seats of numbered rows: printed numbers by the numbering scheme (R-AUD-9/10), 1 = front row."""
    numbers = number_floor([[xs[k] for k in keep] for _, keep in rows], numbering=numbering, odd_side=odd_side, centre=centre_x)
    return [
        Seat(
            id=f"{section}-r{r:02d}-s{j:03d}",
            section=section,
            row=r,
            number=num,
            x=round(xs[k], 4),
            y=round(y, 4),
            facing=FACING_FRONT,
            tags=frozenset({f"block-{block_of[k]}"}),
        )
        for r, ((y, keep), row_numbers) in enumerate(zip(rows, numbers), start=1)
        for j, (k, num) in enumerate(zip(keep, row_numbers), start=1)
    ]


def _lay_balcony(
    balcony: BalconySpec, numbering: Numbering, centre_x: float, xrange: tuple[float, float], ymin: float, source: str
) -> tuple[list[Seat], list[Shape]]:
    """The balcony as a separate plan below the room, rows facing the stage (up the page)."""
    row_width = sum(balcony.blocks) * balcony.seat_width + (len(balcony.blocks) - 1) * balcony.aisle_width
    x0 = min(xrange[0], centre_x - row_width / 2 - 1.0)
    x1 = max(xrange[1], centre_x + row_width / 2 + 1.0)
    if row_width > 3 * (xrange[1] - xrange[0]):
        raise GeometryError(
            f"balcony blocks {list(balcony.blocks)} are {row_width:.1f} m wide, far wider than the room",
            location=Location(file=source, field="balcony.blocks", value=list(balcony.blocks)),
            hint="give the seats per row of each balcony block",
        )
    top = ymin - BALCONY_GAP
    rail = 0.35
    first_y = top - rail - 0.9
    ys = [first_y - i * balcony.row_pitch for i in range(balcony.rows)]
    bottom = ys[-1] - CHAIR_SIZE / 2 - 1.0
    xs, block_of = _row_xs(balcony.blocks, balcony.seat_width, balcony.aisle_width, centre_x)
    rows = [(y, list(range(len(xs)))) for y in ys]
    seats = _number_rows("balcony", rows, xs, block_of, numbering, balcony.odd_side, centre_x)
    outline = ((x0, bottom), (x1, bottom), (x1, top), (x0, top))
    label = f"{balcony.label}（楼座）· 前沿栏杆 · 座位面向舞台"
    shapes = [
        Shape(ShapeKind.ROOM, outline, balcony.label),
        Shape(ShapeKind.TABLE, ((x0, top - rail), (x1, top - rail), (x1, top), (x0, top)), label),
    ]
    return seats, shapes


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
