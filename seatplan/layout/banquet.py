"""Banquet hall layout: round tables in rows, chairs evenly round each table.

The generator works in the plan frame (metres, x to the right, y towards the front wall /
stage, the main door normally on the bottom edge). It

1. sizes the tables (R-PHY-10, :func:`~seatplan.protocol.banquet.table_diameter`:
   8 → 1.6 m, 10 → 1.8 m, 12 → 2.0 m);
2. composes rows of tables (*grid*: every row ``columns`` wide; *staggered*: rows of
   ``columns`` and ``columns - 1`` alternate, offset by half a pitch; or the rows given) and
   places them with a centre-to-centre pitch of ``largest diameter + table_gap``, the block
   centred on the room's axis, the head row (the row holding the main table) towards the
   front wall: ``stage_gap`` in front of the stage when there is one (``main_position =
   "far"``, 以远为上 / 临台为上), else the block centred in the free depth; with ``"centre"``
   (居中为上) the block is centred in the hall;
3. keeps a walkway of ``wall_gap`` between every chair and the walls, the obstacles and
   each door: when a table would stand in the way, the whole block moves (up to 3 m), else
   the table alone moves to the nearest free spot (up to 1.5 m), else the tables are spread
   apart (up to 2 m more between them) and tried again;
4. ranks the tables (桌次, R-BNQ-2 … R-BNQ-5, :func:`~seatplan.protocol.banquet.rank_tables`)
   and gives each rank its size (``sizes[0]`` to the main table, which may be larger, R-BNQ-1);
5. lays the chairs evenly round each table, facing its centre, front edge flush with the
   table edge (R-PHY-11, T30), one chair exactly on the host's place: facing the door the
   same way as the main host (各桌同向, R-BNQ-6) unless ``host_facing`` says otherwise;
6. ranks the places at every table (位次, R-BNQ-6 … R-BNQ-8,
   :func:`~seatplan.protocol.banquet.rank_places`) and numbers them by rank.

Seat ids are ``"t03-s05"`` (table rank 3, place 5); ``section`` is ``"banquet"``, ``row`` the
table rank, ``number`` the place number at the table (1 = the host's seat, 主位), ``table`` the
table number (Arabic numerals, R-BNQ-11; table number = table rank). Interpreter stools behind
a principal (R-BNQ-10) are ``"t01-i1"``... and numbered after the places of their table.

Seats carry tags: ``"host-seat"`` on every place number 1, ``"main-table"`` on every seat of
table 1, ``"interpreter"`` on an interpreter's place at the table and on interpreter stools,
which also carry ``"stool"`` (not a place at the table: no name card).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry

from seatplan.errors import GeometryError, Location, ValidationError
from seatplan.layout.room import (
    check_seats,
    obstacle_polygons,
    room_polygon,
    room_shapes,
    stage_polygon,
    validate_venue,
)
from seatplan.model import Layout, Seat, Shape, ShapeKind, Venue
from seatplan.model.banquet import (
    DEFAULT_STAGE_GAP,
    DEFAULT_TABLE_GAP,
    DEFAULT_WALL_GAP,
    MIN_TABLE_GAP,
    Arrangement,
    MainPosition,
)
from seatplan.model.enums import coerce_choice as _coerce
from seatplan.model.problem import STOOL_TAG
from seatplan.model.seats import SeatTag
from seatplan.protocol.banquet import (
    DEFAULT_TIE_BREAK,
    BanquetVariant,
    HostFacing,
    InterpreterPlacement,
    MainRule,
    RightOf,
    TableHandedness,
    TieBreak,
    door_inward,
    interpreter_position,
    rank_places,
    rank_tables,
    table_diameter,
)

__all__ = [
    "CHAIR_DEPTH",
    "CHAIR_WIDTH",
    "DEFAULT_STAGE_GAP",
    "DEFAULT_TABLE_GAP",
    "DEFAULT_WALL_GAP",
    "MIN_TABLE_GAP",
    "SECTION",
    "STOOL_DISTANCE",
    "Arrangement",
    "BanquetLayout",
    "BanquetTable",
    "MainPosition",
    "compose_rows",
    "generate_banquet",
    "table_label",
]

#: Section (and zone) name of every banquet seat.
SECTION = "banquet"
#: Banquet chair footprint, metres: width across the sitter, depth along his facing. Not in the
#: rule book; a usual banquet chair is 0.42–0.45 m wide. Ten of them fit a 1.8 m table
#: (R-PHY-10) with 0.1 m between their front corners.
CHAIR_WIDTH = 0.45
CHAIR_DEPTH = 0.45
#: Distance from a principal's chair centre to his interpreter's stool (R-BNQ-10 "behind").
STOOL_DISTANCE = 0.6

_CIRCLE_SEGMENTS = 72
_NUDGE_STEP = 0.05
_NUDGE_RADIUS = 1.5
_BLOCK_SHIFT = 3.0
#: Extra pitch tried, in turn, when the tables do not fit round the obstacles at the asked gap.
_SPREAD_STEPS = (0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0)
_EPS = 1e-9

Point = tuple[float, float]


@dataclass(frozen=True)
class BanquetTable:
    """One laid table.

    Parameters
    ----------
    rank
        Table rank (桌次), 1 = the main table; also the table number.
    label
        Table number as printed (``"1"``, ``"2"``...; Arabic numerals, R-BNQ-11).
    centre
        Table centre, plan frame, metres.
    diameter
        Table diameter, metres (R-PHY-10).
    places
        Seat ids of the places by place number (1 = the host's seat), the interpreter's place
        (if any) left out. With a co-host, place 2 is the co-host's (R-BNQ-8); the guests
        G1, G2, ... follow.
    cohost
        True when place 2 is the co-host's seat opposite the host (R-BNQ-8).
    interpreter_place
        Seat id of the place kept for an interpreter at a principal's right (R-BNQ-10
        ``"at-right"``), numbered after the places; ``None`` if none.
    stools
        Seat ids of interpreter stools behind principals at this table (R-BNQ-10 ``"behind"``),
        in the order they were asked for.
    """

    rank: int
    label: str
    centre: Point
    diameter: float
    places: tuple[str, ...]
    cohost: bool = False
    interpreter_place: str | None = None
    stools: tuple[str, ...] = ()


@dataclass(frozen=True)
class BanquetLayout:
    """The laid-out banquet: seats and outlines, the tables by rank, and warnings.

    Parameters
    ----------
    layout
        Seats (table by table in rank order, places by number, then stools) and outlines
        (room, stage, obstacles, doors, round tables labelled ``"主桌"``, ``"2号桌"``...).
    tables
        The tables by rank (main table first).
    door
        The main door point used for every rank.
    warnings
        Plain-language notes that do not stop the plan (an assumed door...).
    """

    layout: Layout
    tables: tuple[BanquetTable, ...]
    door: Point
    warnings: tuple[str, ...] = ()


def table_label(rank: int) -> str:
    """Label of a table outline on the diagram: ``"主桌"`` for rank 1, else ``"N号桌"`` (R-BNQ-11)."""
    return "主桌" if rank == 1 else f"{rank}号桌"


# ---------------------------------------------------------------------------------------------
# rows
# ---------------------------------------------------------------------------------------------


def compose_rows(
    n: int,
    *,
    columns: int,
    arrangement: Arrangement | str = Arrangement.GRID,
    main_position: MainPosition | str = MainPosition.FAR,
) -> list[int]:
    """Tables per row, head row first, for ``n`` tables at most ``columns`` wide.

    Parameters
    ----------
    n
        Number of tables (>= 1).
    columns
        Tables in the widest row (>= 1).
    arrangement
        ``"grid"``: rows of ``columns``, the rest in the last row. ``"staggered"``: rows of
        ``columns`` and ``columns - 1`` alternate.
    main_position
        ``"far"``: the head row is full (the main table in its middle). ``"centre"``: an odd
        number of rows, the middle row odd (so a table stands on the centre point); the other
        rows as even as possible, symmetric where the count allows.

    Returns
    -------
    list of int
        Row sizes, head row first; they sum to ``n``.

    Examples
    --------
    >>> compose_rows(12, columns=5)
    [5, 5, 2]
    >>> compose_rows(12, columns=5, arrangement="staggered")
    [5, 4, 3]
    >>> compose_rows(5, columns=2, main_position="centre")
    [2, 1, 2]
    >>> compose_rows(9, columns=3, main_position="centre")
    [3, 3, 3]
    """
    arr = _coerce(Arrangement, arrangement, "arrangement")
    pos = _coerce(MainPosition, main_position, "main_position")
    for name, value in (("n", n), ("columns", columns)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValidationError(f"{name} must be a whole number >= 1, got {value!r}", location=Location(field=name))
    if pos is MainPosition.CENTRE:
        rows = -(-n // columns)
        if rows % 2 == 0:
            rows += 1
        rows = min(rows, n if n % 2 else max(1, n - 1))
        counts = [n // rows] * rows
        rest = n - sum(counts)
        mid = rows // 2
        if rest % 2:
            counts[mid] += 1
            rest -= 1
        k = 0
        while rest > 0:  # pairs to symmetric rows, outermost first
            counts[k] += 1
            counts[rows - 1 - k] += 1
            rest -= 2
            k = (k + 1) % max(1, mid)
        if counts[mid] % 2 == 0:  # a table must stand on the centre point
            if counts[-1] > 1 or rows == 1:
                counts[mid] += 1
                counts[-1] -= 1
            else:
                counts[mid] -= 1
                counts[0] += 1
        return [c for c in counts if c > 0]
    out: list[int] = []
    k = 0
    while sum(out) < n:
        width = columns if arr is Arrangement.GRID or k % 2 == 0 or columns == 1 else columns - 1
        out.append(min(width, n - sum(out)))
        k += 1
    return out


# ---------------------------------------------------------------------------------------------
# generator
# ---------------------------------------------------------------------------------------------


def generate_banquet(
    venue: Venue,
    *,
    sizes: Sequence[int],
    rows: Sequence[int] = (),
    arrangement: Arrangement | str = Arrangement.GRID,
    columns: int = 0,
    table_gap: float = DEFAULT_TABLE_GAP,
    wall_gap: float = DEFAULT_WALL_GAP,
    stage_gap: float = DEFAULT_STAGE_GAP,
    main_position: MainPosition | str = MainPosition.FAR,
    tie_break: Sequence[TieBreak | str] = DEFAULT_TIE_BREAK,
    right_of: RightOf | str = RightOf.HOST,
    table_handedness: TableHandedness | str = TableHandedness.RIGHT,
    host_facing: HostFacing | str = HostFacing.SAME_AS_MAIN,
    variant: BanquetVariant | str = BanquetVariant.CN_A,
    cohost_tables: Collection[int] = (),
    stools_behind: Sequence[int] = (),
    reserve_right_of: int | None = None,
    source: str | Path = "",
    key_prefix: str = "banquet",
) -> BanquetLayout:
    """Lay out round banquet tables in a room and rank tables and places.

    Parameters
    ----------
    venue
        The room; the front wall (largest y) carries the stage, if any.
    sizes
        Places per table, one entry per table, by table rank: ``sizes[0]`` is the main table's
        (it may be larger, R-BNQ-1). The pitch between tables is set by the largest.
    rows
        Tables per row, head row first (e.g. ``[3, 4]``); empty = composed from
        ``arrangement`` and ``columns``.
    arrangement
        ``"grid"`` or ``"staggered"`` (:class:`Arrangement`), when ``rows`` is empty.
    columns
        Tables in the widest row; 0 = the layout that fits the room best (an odd count
        preferred, so the main table stands on the room's axis).
    table_gap
        Clear distance between table edges, metres (>= 1.0, R-PHY-10).
    wall_gap
        Walkway between chairs and the walls, obstacles and doors, metres.
    stage_gap
        Clear distance between the stage front and the nearest chairs, metres.
    main_position
        ``"far"`` (front centre) or ``"centre"`` (middle of the hall), :class:`MainPosition`.
    tie_break, right_of, table_handedness
        Table ranking options of :func:`~seatplan.protocol.banquet.rank_tables` (R-BNQ-2/5).
    host_facing
        Where each table's host sits (R-BNQ-6, :class:`~seatplan.protocol.banquet.HostFacing`):
        ``"same-as-main"`` (default, 各桌同向), ``"door"`` or ``"main-table"``.
    variant
        Guest order with a co-host, ``"cn-a"`` or ``"intl"`` (R-BNQ-8).
    cohost_tables
        Table ranks (1 = main) whose place 2 is a co-host opposite the host (R-BNQ-8).
    stools_behind
        Place numbers at the main table behind which an interpreter's stool is set
        (R-BNQ-10 ``"behind"``), one stool per entry.
    reserve_right_of
        Place number at the main table whose right-hand neighbour is kept for an interpreter
        (R-BNQ-10 ``"at-right"``); that place is numbered last.
    source
        Plan file, for error messages.
    key_prefix
        Option table named in error messages (``"banquet"`` → ``banquet.table_gap``).

    Returns
    -------
    BanquetLayout
        Seats, outlines, the tables by rank and warnings.

    Raises
    ------
    GeometryError
        If the room is invalid or the tables do not fit; the message names the key to change
        and says how many tables fit.
    ValidationError
        Bad options (a negative gap, an unknown arrangement, rows that do not add up...).
    """
    arr = _coerce(Arrangement, arrangement, f"{key_prefix}.arrangement")
    pos = _coerce(MainPosition, main_position, f"{key_prefix}.main_position")
    facing = _coerce(HostFacing, host_facing, f"{key_prefix}.host_facing")
    sizes = _check_tables(sizes, rows, columns, (table_gap, wall_gap, stage_gap), source, key_prefix)
    validate_venue(venue, source=source)
    room = room_polygon(venue, source=source)
    door_pt, inward, warnings = _main_door(venue, room)
    centres = _place_tables(venue, room, sizes, rows, columns, arr, pos, (table_gap, wall_gap, stage_gap), inward,
                            source, key_prefix)
    xmin, _, xmax, ymax = room.bounds
    main_rule = MainRule.CENTRE if pos is MainPosition.CENTRE else (MainRule.STAGE if venue.stage_depth > 0 else MainRule.FAR)
    stage_pt = ((xmin + xmax) / 2, ymax - venue.stage_depth) if venue.stage_depth > 0 else None
    ranks = rank_tables(
        centres,
        door=door_pt,
        stage=stage_pt if main_rule is MainRule.STAGE else None,
        inward=inward,
        main_rule=main_rule,
        tie_break=tie_break,
        right_of=right_of,
        table_handedness=table_handedness,
    )
    by_rank = sorted(range(len(centres)), key=lambda i: ranks[i])
    main_centre = centres[by_rank[0]]
    seats: list[Seat] = []
    tables: list[BanquetTable] = []
    shapes: list[Shape] = room_shapes(venue, room=room)
    for rank, i in enumerate(by_rank, start=1):
        centre = centres[i]
        size = sizes[rank - 1]
        diameter = table_diameter(size)
        built = _lay_table(
            rank,
            centre,
            size,
            diameter,
            _host_angle(centre, door_pt, main_centre, facing, rank == 1),
            door_pt,
            cohost=rank in cohost_tables,
            variant=variant,
            stools=stools_behind if rank == 1 else (),
            reserve_right_of=reserve_right_of if rank == 1 else None,
            source=source,
            key_prefix=key_prefix,
        )
        seats += built[0]
        tables.append(built[1])
        shapes.append(Shape(ShapeKind.TABLE, _circle(centre, diameter / 2), table_label(rank)))
    layout = Layout(venue=venue, seats=tuple(seats), shapes=tuple(shapes))
    _verify(layout, tables, source, key_prefix)
    return BanquetLayout(layout=layout, tables=tuple(tables), door=door_pt, warnings=tuple(warnings))


def _check_tables(
    sizes: Sequence[int], rows: Sequence[int], columns: int, gaps: tuple[float, float, float], source: str | Path,
    key_prefix: str,
) -> list[int]:
    """Table sizes (by table rank), rows, columns and gaps as a plan may give them; the sizes as ints."""
    sizes = [int(s) for s in sizes]
    if not sizes:
        raise ValidationError(
            "a banquet needs at least one table",
            location=Location(file=source, field=f"{key_prefix}.tables", value=0),
            hint="give tables >= 1 or leave it 0 to size the tables from the attendee list",
        )
    for s in sizes:
        if s < 1:
            raise ValidationError(
                f"a table of {s} places cannot be laid",
                location=Location(file=source, field=f"{key_prefix}.seats_per_table", value=s),
                hint="give every table at least 1 place (R-BNQ-1: 8-12, best 10)",
            )
    table_gap, wall_gap, stage_gap = gaps
    _check_gap(table_gap, f"{key_prefix}.table_gap", source, minimum=MIN_TABLE_GAP)
    _check_gap(wall_gap, f"{key_prefix}.wall_gap", source)
    _check_gap(stage_gap, f"{key_prefix}.stage_gap", source)
    n = len(sizes)
    if rows and (any(r < 1 for r in rows) or sum(rows) != n):
        raise ValidationError(
            f"{key_prefix}.rows = {list(rows)} holds {sum(rows)} tables; the banquet has {n}",
            location=Location(file=source, field=f"{key_prefix}.rows", value=list(rows)),
            hint=f"list tables per row (head row first) adding up to {n}, every row >= 1",
        )
    if isinstance(columns, bool) or not isinstance(columns, int) or columns < 0:
        raise ValidationError(
            f"{key_prefix}.columns must be a whole number >= 0, got {columns!r}",
            location=Location(file=source, field=f"{key_prefix}.columns", value=columns),
            hint="write 0 for automatic, or the number of tables in the widest row",
        )
    return sizes


def _main_door(venue: Venue, room: Polygon) -> tuple[Point, Point, list[str]]:
    """The main door's point, the direction into the room from it, and a warning when the room has no door."""
    door = venue.main_door
    xmin, ymin, xmax, _ = room.bounds
    warnings: list[str] = []
    if door is None:
        door_pt: Point = ((xmin + xmax) / 2, ymin)
        warnings.append(
            "the room has no door: table and place ranks assume the main door in the middle of the "
            "bottom wall (add [[venue.doors]] with main = true)"
        )
    else:
        door_pt = (door.x, door.y)
    return door_pt, door_inward(venue.outline, door_pt), warnings


def _place_tables(
    venue: Venue, room: Polygon, sizes: list[int], rows: Sequence[int], columns: int, arr: Arrangement,
    pos: MainPosition, gaps: tuple[float, float, float], inward: Point, source: str | Path, key_prefix: str,
) -> list[Point]:
    """Table centres: rows composed in the main door's frame (head row farthest from the door, or by the stage).

    Raises
    ------
    GeometryError
        If the tables do not fit (how many would), or not in the rows asked for.
    """
    table_gap, wall_gap, stage_gap = gaps
    n = len(sizes)
    d_max = max(table_diameter(s) for s in sizes)
    r_outer = _ring_radius(d_max)
    pitch = max(d_max + table_gap, 2 * r_outer + 0.05)
    allowed = _allowed_centres(venue, room, r_outer, wall_gap, stage_gap)
    # rows are composed across the room, the head row farthest from the main door (with a stage:
    # by the stage along the front wall), whichever wall the door is in
    axis = (0.0, 1.0) if venue.stage_depth > 0 else _door_axis(inward)
    across, y_front, y_back = _door_extent(venue, room, axis, r_outer, wall_gap, stage_gap)

    def place(counts: Sequence[int]) -> list[Point] | None:
        # at the asked gap first; then spread the tables apart to make room round obstacles
        for extra in _SPREAD_STEPS:
            slots = _slots(counts, pitch + extra, arr, pos, across, y_front, y_back, venue.stage_depth > 0)
            centres = _settle([_from_door_frame(p, axis) for p in slots], allowed, pitch)
            if centres is not None:
                return centres
        return None

    if rows:
        centres = place(list(rows))
    elif columns:
        centres = place(compose_rows(n, columns=columns, arrangement=arr, main_position=pos))
    else:
        centres = _auto(n, place, arr, pos, allowed)
    if centres is not None:
        return centres
    fit = _capacity(allowed, pitch)
    what = (
        f"{n} tables of up to {max(sizes)} places ({d_max:.1f} m across, {table_gap:g} m apart) "
        f"with {wall_gap:g} m walkways" + (f" and {stage_gap:g} m before the stage" if venue.stage_depth > 0 else "")
    )
    if fit >= n:
        message = f"{what} cannot be set out in these rows round the obstacles and doors; a plain grid holds about {fit}"
        hint = f"change {key_prefix}.rows / columns / main_position, or reduce {key_prefix}.table_gap / wall_gap"
    else:
        message = f"{what} do not fit the room; at most about {fit} fit"
        hint = (
            f"use at most {fit} tables (more places per table: seats_per_table), or reduce "
            f"{key_prefix}.table_gap / wall_gap / stage_gap"
        )
    rows_key = f"{key_prefix}.rows" if rows else (f"{key_prefix}.columns" if columns else f"{key_prefix}.tables")
    raise GeometryError(
        message,
        location=Location(file=source, field=rows_key, value=list(rows) if rows else (columns or n)),
        hint=hint,
    )


# ---------------------------------------------------------------------------------------------
# helpers: options and geometry
# ---------------------------------------------------------------------------------------------


def _check_gap(value: float, key: str, source: str | Path, *, minimum: float = 0.0) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < minimum:
        rule = " (R-PHY-10: keep at least 1 m between table edges)" if minimum else ""
        raise ValidationError(
            f"{key} must be a distance >= {minimum:g} m{rule}, got {value!r}",
            location=Location(file=source, field=key, value=value),
            hint=f"write e.g. {key.rsplit('.', 1)[-1]} = {max(minimum, 1.5):g} (metres)",
        )


def _ring_radius(diameter: float) -> float:
    """Radius of the circle round a table and its chairs (back corners of the chairs included)."""
    return math.hypot(diameter / 2 + CHAIR_DEPTH, CHAIR_WIDTH / 2)


def _door_axis(inward: Point) -> Point:
    """The room axis nearest to ``inward`` (from the main door into the room): rows run across it."""
    ux, uy = inward
    if abs(uy) >= abs(ux):
        return (0.0, 1.0 if uy >= 0 else -1.0)
    return (1.0 if ux >= 0 else -1.0, 0.0)


def _to_door_frame(p: Point, axis: Point) -> Point:
    """``(across, depth)``: across the room (the door's right as one walks in), depth away from the door."""
    ux, uy = axis
    return (p[0] * uy - p[1] * ux, p[0] * ux + p[1] * uy)


def _from_door_frame(p: Point, axis: Point) -> Point:
    ux, uy = axis
    return (p[0] * uy + p[1] * ux, -p[0] * ux + p[1] * uy)


def _door_extent(
    venue: Venue, room: Polygon, axis: Point, r_outer: float, wall_gap: float, stage_gap: float
) -> tuple[float, float, float]:
    """Door frame: the middle across the room, and the farthest and nearest depth a table centre may take."""
    pts = [_to_door_frame((float(x), float(y)), axis) for x, y in room.exterior.coords]
    across = (min(p[0] for p in pts) + max(p[0] for p in pts)) / 2
    far, near = max(p[1] for p in pts), min(p[1] for p in pts)
    far -= venue.stage_depth + stage_gap if venue.stage_depth > 0 else wall_gap
    return across, far - r_outer - 1e-6, near + wall_gap + r_outer + 1e-6  # just inside the free floor


def _allowed_centres(venue: Venue, room: Polygon, r_outer: float, wall_gap: float, stage_gap: float) -> BaseGeometry:
    """Where a table centre may stand: its chairs keep the walkways and stay off the stage."""
    area: BaseGeometry = room.buffer(-(wall_gap + r_outer), join_style="mitre")
    cut: list[BaseGeometry] = [o.buffer(wall_gap + r_outer) for o in obstacle_polygons(venue)]
    stage = stage_polygon(venue, room=room)
    if stage is not None and not stage.is_empty:
        cut.append(stage.buffer(stage_gap + r_outer, join_style="mitre"))
    for d in venue.doors:
        cut.append(shapely.Point(d.x, d.y).buffer(d.width / 2 + wall_gap + r_outer))
    if cut:
        area = area.difference(shapely.union_all(cut))
    shapely.prepare(area)
    return area


def _slots(
    counts: Sequence[int],
    pitch: float,
    arrangement: Arrangement,
    position: MainPosition,
    centre_x: float,
    y_front: float,
    y_back: float,
    at_stage: bool,
) -> list[Point]:
    """Ideal table centres, head row first, each row centred on ``centre_x``.

    With a stage and ``"far"``, the head row stands ``stage_gap`` in front of the stage;
    otherwise the block is centred in the free depth (the head row still the farthest from
    the door).
    """
    ys = [0.0]
    for a, b in itertools.pairwise(counts):
        offset = (a - b) % 2 == 1
        step = pitch * math.sqrt(3) / 2 if arrangement is Arrangement.STAGGERED and offset else pitch
        ys.append(ys[-1] - step)
    if position is MainPosition.CENTRE or not at_stage:
        # the block in the middle of the free floor (no stage to stand by, or 居中为上)
        top = min((y_front + y_back) / 2 - (ys[0] + ys[-1]) / 2, y_front)
    else:
        top = y_front  # the head row by the stage (临台为上)
    out: list[Point] = []
    for count, dy in zip(counts, ys):
        for j in range(count):
            out.append((centre_x + (j - (count - 1) / 2) * pitch, top + dy))
    return out


def _settle(slots: Sequence[Point], allowed: BaseGeometry, pitch: float) -> list[Point] | None:
    """Fit the composed slots to the free floor (walkways, obstacles, doors); None if impossible.

    In order: the slots as composed; the whole block moved by up to 3 m (the arrangement stays
    regular, e.g. round a pillar in the middle); each table moved by up to 1.5 m on its own,
    front-centre first so the main table keeps its place when it can, every table keeping
    ``pitch`` from the tables settled before it.
    """
    if allowed.is_empty:
        return None
    xy = np.asarray(slots, dtype=float)
    inside = shapely.intersects_xy(allowed, xy[:, 0], xy[:, 1])
    if inside.all():  # slots are at least a pitch apart by construction
        return _rounded(xy)
    x0, y0, x1, y1 = allowed.bounds
    span_ok = (xy[:, 0].max() - xy[:, 0].min() <= x1 - x0 + 1e-9) and (xy[:, 1].max() - xy[:, 1].min() <= y1 - y0 + 1e-9)
    if span_ok:
        shifts = _offsets(_BLOCK_SHIFT, 0.1)
        for start in range(0, len(shifts), 512):
            chunk = shifts[start : start + 512]
            cx = xy[None, :, 0] + chunk[:, None, 0]
            cy = xy[None, :, 1] + chunk[:, None, 1]
            ok = shapely.intersects_xy(allowed, cx.ravel(), cy.ravel()).reshape(cx.shape).all(axis=1)
            hit = np.flatnonzero(ok)
            if hit.size:
                return _rounded(xy + chunk[int(hit[0])])
    far_out = shapely.distance(allowed, shapely.points(xy[~inside])) > _NUDGE_RADIUS
    if far_out.any():
        return None
    mid = _mid_x(slots)
    order = sorted(range(len(slots)), key=lambda i: (-round(slots[i][1], 6), round(abs(slots[i][0] - mid), 6), slots[i][0]))
    offsets = _offsets(_NUDGE_RADIUS, _NUDGE_STEP)
    placed: dict[int, Point] = {}
    for i in order:
        sx, sy = slots[i]
        cand_x = sx + offsets[:, 0]
        cand_y = sy + offsets[:, 1]
        ok = shapely.intersects_xy(allowed, cand_x, cand_y)
        for px, py in placed.values():
            if math.hypot(sx - px, sy - py) < pitch + 2 * _NUDGE_RADIUS:
                ok &= np.hypot(cand_x - px, cand_y - py) >= pitch - 1e-6
        hit = np.flatnonzero(ok)
        if hit.size == 0:
            return None
        k = int(hit[0])
        placed[i] = (round(float(cand_x[k]), 4) + 0.0, round(float(cand_y[k]), 4) + 0.0)
    return [placed[i] for i in range(len(slots))]


def _rounded(xy: np.ndarray) -> list[Point]:
    return [(round(float(x), 4) + 0.0, round(float(y), 4) + 0.0) for x, y in xy]


def _mid_x(slots: Sequence[Point]) -> float:
    xs = [p[0] for p in slots]
    return (min(xs) + max(xs)) / 2


@lru_cache(maxsize=4)
def _offsets(radius: float, step: float) -> np.ndarray:
    """Candidate moves within ``radius`` on a ``step`` grid, nearest first (no move first)."""
    k = round(radius / step)
    g = np.arange(-k, k + 1) * step
    xx, yy = np.meshgrid(g, g)
    pts = np.column_stack((xx.ravel(), yy.ravel()))
    d = np.hypot(pts[:, 0], pts[:, 1])
    keep = d <= radius + 1e-9
    pts, d = pts[keep], d[keep]
    # nearest first; ties: sideways before back/forward, then left to right, back to front
    order = np.lexsort((pts[:, 1], pts[:, 0], np.abs(pts[:, 1]), np.round(d, 6)))
    return pts[order]


def _auto(
    n: int,
    place: Callable[[Sequence[int]], list[Point] | None],
    arrangement: Arrangement,
    position: MainPosition,
    allowed: BaseGeometry,
) -> list[Point] | None:
    """The row composition that fits the room best.

    Candidates: every width from 1 to ``n`` tables. Preferred, in order: one that fits; a
    table on the room's axis at the head (an odd head row, or an odd middle row for
    ``"centre"``); the block's shape closest to the free floor's (width/depth); fewer rows.
    """
    if allowed.is_empty:
        return None
    x0, y0, x1, y1 = allowed.bounds
    free_w, free_h = (x1 - x0) + 1.0, (y1 - y0) + 1.0
    candidates: list[tuple[bool, float, int, int, list[int]]] = []
    for c in range(1, n + 1):
        counts = compose_rows(n, columns=c, arrangement=arrangement, main_position=position)
        key_row = counts[len(counts) // 2] if position is MainPosition.CENTRE else counts[0]
        aspect = math.log((max(counts) / len(counts)) / (free_w / free_h))
        candidates.append((key_row % 2 == 0, round(abs(aspect), 6), len(counts), c, counts))
    candidates.sort(key=lambda t: t[:4])
    seen: set[tuple[int, ...]] = set()
    for *_, counts in candidates:
        if tuple(counts) in seen:
            continue
        seen.add(tuple(counts))
        centres = place(counts)
        if centres is not None:
            return centres
    return None


def _capacity(allowed: BaseGeometry, pitch: float) -> int:
    """About how many tables fit: free lattice points at ``pitch`` (best of a few offsets)."""
    if allowed.is_empty:
        return 0
    x0, y0, x1, y1 = allowed.bounds
    best = 0
    for fx in (0.0, 0.5):
        for fy in (0.0, 0.5):
            xs = np.arange(x0 + fx * pitch, x1 + 1e-9, pitch)
            ys = np.arange(y1 - fy * pitch, y0 - 1e-9, -pitch)
            if xs.size == 0 or ys.size == 0:
                continue
            gx, gy = np.meshgrid(xs, ys)
            best = max(best, int(np.count_nonzero(shapely.intersects_xy(allowed, gx.ravel(), gy.ravel()))))
    return best


def _host_angle(centre: Point, door: Point, main_centre: Point, facing: HostFacing, is_main: bool) -> float:
    """Angle (degrees, from the table centre) of the host's chair (R-BNQ-6/7)."""

    def away(frm: Point, to: Point) -> float | None:
        dx, dy = to[0] - frm[0], to[1] - frm[1]
        return math.degrees(math.atan2(dy, dx)) if math.hypot(dx, dy) > 1e-9 else None

    if is_main or facing is HostFacing.DOOR:
        angle = away(door, centre)  # the far side of the table, facing the door (面门为主)
    elif facing is HostFacing.SAME_AS_MAIN:
        angle = away(door, main_centre)  # parallel to the main host (各桌同向)
    else:
        angle = away(main_centre, centre)  # facing the main table
    if angle is None:
        angle = away(door, main_centre)
    return 90.0 if angle is None else angle


def _circle(centre: Point, radius: float) -> tuple[Point, ...]:
    return tuple(
        (
            round(centre[0] + radius * math.cos(2 * math.pi * k / _CIRCLE_SEGMENTS), 4) + 0.0,
            round(centre[1] + radius * math.sin(2 * math.pi * k / _CIRCLE_SEGMENTS), 4) + 0.0,
        )
        for k in range(_CIRCLE_SEGMENTS)
    )


def _lay_table(
    rank: int,
    centre: Point,
    size: int,
    diameter: float,
    host_angle: float,
    door: Point,
    *,
    cohost: bool,
    variant: BanquetVariant | str,
    stools: Sequence[int],
    reserve_right_of: int | None,
    source: str | Path,
    key_prefix: str,
) -> tuple[list[Seat], BanquetTable]:
    """Chairs round one table, ranked and numbered; interpreter stools behind principals."""
    radius = diameter / 2 + CHAIR_DEPTH / 2
    angles = [host_angle + 360.0 * k / size for k in range(size)]
    points = [
        (centre[0] + radius * math.cos(math.radians(a)), centre[1] + radius * math.sin(math.radians(a))) for a in angles
    ]
    cohost = cohost and size > 1
    order = rank_places(points, table_centre=centre, door=door, host_seat=0, cohost=cohost, variant=variant)
    reserved: int | None = None
    if reserve_right_of is not None:
        principal = _place_index(order, reserve_right_of, rank, f"{key_prefix}.interpreters", source)
        spot = interpreter_position(points, table_centre=centre, principal=principal, placement=InterpreterPlacement.AT_RIGHT)
        reserved = spot.seat
        if reserved is not None and reserved in order[: 2 if cohost else 1]:
            raise ValidationError(
                "the place at the principal's right is the host's; an interpreter cannot take it",
                location=Location(file=source, field=f"{key_prefix}.interpreters", value="at-right"),
                hint='use interpreters = "behind"',
            )
        order = rank_places(
            points, table_centre=centre, door=door, host_seat=0, cohost=cohost, variant=variant,
            reserved=() if reserved is None else [reserved],
        )
    number = {idx: k for k, idx in enumerate(order, start=1)}
    if reserved is not None:
        number[reserved] = size
    label = str(rank)
    base_tags = {SeatTag.MAIN_TABLE} if rank == 1 else set()
    seats: list[Seat] = []
    for idx in sorted(range(size), key=lambda i: number[i]):
        x, y = points[idx]
        tags = set(base_tags)
        if number[idx] == 1:
            tags.add(SeatTag.HOST_SEAT)
        if idx == reserved:
            tags.add(SeatTag.INTERPRETER)
        seats.append(
            Seat(
                id=f"t{rank:02d}-s{number[idx]:02d}",
                section=SECTION,
                row=rank,
                number=number[idx],
                x=round(x, 4) + 0.0,
                y=round(y, 4) + 0.0,
                facing=round((angles[idx] + 180.0) % 360.0, 4),
                table=label,
                tags=frozenset(tags),
            )
        )
    stool_ids: list[str] = []
    for k, place_no in enumerate(stools, start=1):
        principal = _place_index(order, place_no, rank, f"{key_prefix}.interpreters", source)
        spot = interpreter_position(points, table_centre=centre, principal=principal, distance=STOOL_DISTANCE)
        sid = f"t{rank:02d}-i{k}"
        stool_ids.append(sid)
        seats.append(
            Seat(
                id=sid,
                section=SECTION,
                row=rank,
                number=size + k,
                x=round(spot.x, 4) + 0.0,
                y=round(spot.y, 4) + 0.0,
                facing=round((angles[principal] + 180.0) % 360.0, 4),
                table=label,
                tags=frozenset(base_tags | {SeatTag.INTERPRETER, STOOL_TAG}),
            )
        )
    places = tuple(s.id for s in seats if s.number <= len(order) and SeatTag.INTERPRETER not in s.tags)
    table = BanquetTable(
        rank=rank,
        label=label,
        centre=centre,
        diameter=diameter,
        places=places,
        cohost=cohost,
        interpreter_place=next((s.id for s in seats if s.number == size and reserved is not None), None),
        stools=tuple(stool_ids),
    )
    return seats, table


def _place_index(order: Sequence[int], place_no: int, rank: int, key: str, source: str | Path) -> int:
    if not 1 <= place_no <= len(order):
        raise ValidationError(
            f"table {rank} has no place {place_no} for an interpreter's principal",
            location=Location(file=source, field=key, value=place_no),
            hint="an interpreter serves someone seated at the main table",
        )
    return order[place_no - 1]


def _verify(layout: Layout, tables: Sequence[BanquetTable], source: str | Path, key_prefix: str) -> None:
    """Raise if any chair or stool overlaps another, a table, an obstacle, the stage or a wall."""
    outlines = [Polygon(_circle(t.centre, t.diameter / 2)) for t in tables]
    issues = check_seats(
        layout.seats,
        layout.venue,
        seat_size=(CHAIR_WIDTH, CHAIR_DEPTH),
        tables=outlines,
        table_labels=[t.label for t in tables],
    )
    if issues:
        stools = any(sid.split("-")[1].startswith("i") for issue in issues for sid in issue.seat_ids)
        raise GeometryError(
            f"{len(issues)} chairs do not fit: {issues[0].message}",
            location=Location(file=source, field=f"{key_prefix}.table_gap"),
            hint="increase table_gap" + (" (interpreter stools stand behind the main table's chairs)" if stools else "")
            + " or use fewer places per table",
        )
