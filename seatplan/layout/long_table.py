"""Western long banquet table: one rectangular table, chairs on its sides (and ends), R-BNQ-12.

The generator works in the plan frame (metres, x to the right, y towards the front wall / stage,
the main door normally on the bottom edge), but never assumes the door is at the bottom: the
room's *inward* direction ``u`` (from the main door into the room, normal to the door's wall,
:func:`~seatplan.protocol.banquet.door_inward`) orients the table. It

1. takes the places of a regular table from :func:`~seatplan.protocol.long_table.long_table_slots`
   (French style: host and hostess across the middle of the long sides; English style: at the
   two ends), ``seat_pitch`` apart along the table (R-PHY-8: 0.6 m of table per person), chairs
   facing the table, their front edge flush with the table edge (R-PHY-11, T30);
2. orients the table (``axis``): ``"across"`` (default) — the long sides parallel to the door's
   wall; French style puts the host on the far side facing the door (面门为主, the head away from
   the door), English style puts the host at the end farther from the door, or, with the door in
   the middle, at the end on the host's right as he faces the door (以右为上, R-BNQ-2).
   ``"along"`` — the long sides run from the door to the far wall; English style puts the host
   at the far end facing the door; French style puts him on the long side at the right of a
   person facing the door (plan-view left), facing across;
3. places the table in the middle of the free floor (the room less the stage and ``stage_gap``)
   and, if a wall, pillar or door walkway is in the way, at the nearest free spot, keeping
   ``wall_gap`` between every chair and the walls, obstacles and doors;
4. ranks the places (:func:`~seatplan.protocol.long_table.rank_long_table`) and numbers them by
   rank: 1 the host, 2 the hostess, 3 the host's right, 4 the hostess's right, 5 the host's
   left, 6 the hostess's left, and so on.

Seat ids are ``"t01-s05"`` (table 1, place 5); ``section`` is ``"banquet"``, ``row`` 1, ``number``
the place number, ``table`` ``"1"``. Tags: ``"main-table"`` on every place (each gets a place
card), ``"host-seat"`` on places 1 and 2 (host and hostess: framed on the diagram, kept in
place when requests open the zone to the solver), ``"hostess-seat"`` on place 2.
Interpreter stools (R-BNQ-10, :func:`add_interpreter_stools`) are ``"t01-i1"``… behind their
principal's chair, numbered after the places, tags ``"interpreter"`` and ``"stool"``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry

from seatplan.errors import GeometryError, Location, ValidationError
from seatplan.layout.banquet import (
    CHAIR_DEPTH,
    CHAIR_WIDTH,
    SECTION,
    STOOL_DISTANCE,
    table_label,
)
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
    DEFAULT_SEAT_PITCH,
    DEFAULT_TABLE_WIDTH,
    MAX_TABLE_WIDTH,
    MIN_SEAT_PITCH,
    MIN_TABLE_WIDTH,
    TableAxis,
)
from seatplan.model.enums import coerce_choice
from seatplan.model.problem import STOOL_TAG
from seatplan.model.seats import SeatTag
from seatplan.protocol.banquet import door_inward
from seatplan.protocol.long_table import BanquetStyle, long_table_slots, rank_long_table

__all__ = [
    "DEFAULT_SEAT_PITCH",
    "DEFAULT_TABLE_WIDTH",
    "MAX_TABLE_WIDTH",
    "MIN_SEAT_PITCH",
    "MIN_TABLE_WIDTH",
    "RECOMMENDED_PITCH",
    "LongTableLayout",
    "TableAxis",
    "add_interpreter_stools",
    "generate_long_table",
]

#: Below this pitch a warning cites R-PHY-8.
RECOMMENDED_PITCH = 0.6
#: Search for a free spot: fine steps near the middle of the floor, then coarse over the room.
_NEAR_RADIUS = 3.0
_NEAR_STEP = 0.1
_FAR_STEP = 0.25
_CHUNK = 2048
#: Door-distance difference below which the English host's end follows 以右为上 instead.
_DOOR_TIE = 0.5

Point = tuple[float, float]


@dataclass(frozen=True)
class LongTableLayout:
    """The laid long table.

    Parameters
    ----------
    layout
        Seats (places by number, then interpreter stools) and outlines (room, stage, obstacles,
        doors, the table labelled ``"主桌"``).
    places
        Seat ids by place number (1 = host, 2 = hostess, then by rank, R-BNQ-12).
    centre
        Middle of the table, plan frame.
    length, width
        Table size, metres.
    direction
        Unit vector along the table from its host's-right end to its host's-left end (French),
        or from the host's end to the hostess's end (English).
    style
        ``"french"`` or ``"english"``.
    door
        The main door point used to orient the table.
    warnings
        Plain-language notes (an assumed door, a pitch below R-PHY-8, …).
    """

    layout: Layout
    places: tuple[str, ...]
    centre: Point
    length: float
    width: float
    direction: Point
    style: BanquetStyle
    door: Point
    warnings: tuple[str, ...] = ()

    @property
    def host_seat(self) -> str:
        """Seat id of the host (place 1)."""
        return self.places[0]

    @property
    def hostess_seat(self) -> str:
        """Seat id of the hostess (place 2)."""
        return self.places[1]


def generate_long_table(
    venue: Venue,
    *,
    n_seats: int,
    style: BanquetStyle | str,
    seat_pitch: float = DEFAULT_SEAT_PITCH,
    table_width: float = DEFAULT_TABLE_WIDTH,
    axis: TableAxis | str = TableAxis.ACROSS,
    wall_gap: float = 0.9,
    stage_gap: float = 1.5,
    swap_sides: bool = False,
    source: str | Path = "",
    key_prefix: str = "banquet",
) -> LongTableLayout:
    """Lay out one Western long table for ``n_seats`` people and number its places (R-BNQ-12).

    Parameters
    ----------
    venue
        The room.
    n_seats
        Places at the table, host and hostess included (>= 2).
    style
        ``"french"`` or ``"english"`` (:class:`~seatplan.protocol.long_table.BanquetStyle`).
    seat_pitch
        Table length per place, metres (>= 0.45, the chair width; R-PHY-8 asks >= 0.6).
    table_width
        Table width, metres (0.6 … 3.0).
    axis
        ``"across"`` or ``"along"`` (:class:`TableAxis`).
    wall_gap
        Walkway between the chairs and the walls, obstacles and doors, metres.
    stage_gap
        Clear floor between the stage front and the chairs, metres.
    swap_sides
        With an odd number of places, give the extra place to the other long side
        (:func:`~seatplan.protocol.long_table.long_table_slots`).
    source
        Plan file, for error messages.
    key_prefix
        Option table named in error messages (``"banquet"`` → ``banquet.long_table_axis``).

    Returns
    -------
    LongTableLayout

    Raises
    ------
    ValidationError
        Bad options (a round style, a pitch below the chair width, a width out of range).
    GeometryError
        The room is invalid or the table does not fit; the message gives the table's size and
        says which key to change.
    """
    kind = coerce_choice(BanquetStyle, style, f"{key_prefix}.style", source=source)
    if kind is BanquetStyle.ROUNDS:
        raise ValidationError(
            "generate_long_table lays French or English long tables, not round tables",
            location=Location(file=source, field=f"{key_prefix}.style", value=kind.value),
            hint='use style = "french" or "english", or seatplan.layout.banquet.generate_banquet for rounds',
        )
    direction_kind = coerce_choice(TableAxis, axis, f"{key_prefix}.long_table_axis", source=source)
    _check_number(seat_pitch, f"{key_prefix}.long_table_seat_pitch", source, MIN_SEAT_PITCH, 2.0, "0.6")
    _check_number(table_width, f"{key_prefix}.long_table_width", source, MIN_TABLE_WIDTH, MAX_TABLE_WIDTH, "1.0")
    _check_number(wall_gap, f"{key_prefix}.wall_gap", source, 0.0, math.inf, "0.9")
    _check_number(stage_gap, f"{key_prefix}.stage_gap", source, 0.0, math.inf, "1.5")
    slots = long_table_slots(n_seats, style=kind, swap_sides=swap_sides)

    validate_venue(venue, source=source)
    room = room_polygon(venue, source=source)
    warnings: list[str] = []
    if seat_pitch < RECOMMENDED_PITCH - 1e-9:
        warnings.append(
            f"R-PHY-8: {seat_pitch:g} m of table per place is below the 0.6 m a guest needs; "
            f"set {key_prefix}.long_table_seat_pitch = 0.6 or more"
        )
    main = venue.main_door
    xmin, ymin, xmax, _ = room.bounds
    if main is None:
        door: Point = ((xmin + xmax) / 2, ymin)
        warnings.append(
            "the room has no door: the table is oriented as if the main door were in the middle of the "
            "bottom wall (add [[venue.doors]] with main = true)"
        )
    else:
        door = (main.x, main.y)
    u = door_inward(venue.outline, door)

    # the table in its own frame: x along it (metres), y across it
    columns = [s.x for s in slots if s.side]
    length = (max(columns) - min(columns) + 1) * seat_pitch if columns else seat_pitch
    if kind is BanquetStyle.ENGLISH:
        length = 2 * max(abs(s.x) for s in slots if not s.side) * seat_pitch
    side_y = table_width / 2 + CHAIR_DEPTH / 2
    local: list[tuple[float, float, float]] = []  # x, y, facing (degrees, table frame)
    for s in slots:
        if s.side:
            local.append((s.x * seat_pitch, s.side * side_y, 270.0 if s.side > 0 else 90.0))
        else:
            local.append((s.x * seat_pitch + math.copysign(CHAIR_DEPTH / 2, s.x), 0.0, 0.0 if s.x < 0 else 180.0))
    half_x = max(length / 2, max(abs(x) for x, _, _ in local) + (CHAIR_DEPTH / 2 if kind is BanquetStyle.ENGLISH else CHAIR_WIDTH / 2))
    half_y = side_y + CHAIR_DEPTH / 2

    stage = stage_polygon(venue, room=room)
    stage_zone: BaseGeometry | None = None
    free: BaseGeometry = room
    if stage is not None and not stage.is_empty:
        stage_zone = stage.buffer(stage_gap, join_style="mitre")
        free = room.difference(stage_zone)
    if free.is_empty:
        raise GeometryError(
            "the stage and its clear floor cover the whole room",
            location=Location(file=source, field=f"{key_prefix}.stage_gap", value=stage_gap),
            hint="reduce stage_gap or venue.stage_depth",
        )
    ideal = (float(free.centroid.x), float(free.centroid.y))
    ax, ay = _frame(u, kind, direction_kind)
    door_along = (door[0] - ideal[0]) * ax[0] + (door[1] - ideal[1]) * ax[1]
    if kind is BanquetStyle.ENGLISH and direction_kind is TableAxis.ACROSS and door_along < -_DOOR_TIE:
        # the host's end (-ax) is the one farther from the door; a tie keeps 以右为上
        ax, ay = (-ax[0], -ax[1]), (-ay[0], -ay[1])

    walls: list[BaseGeometry] = [p for p in obstacle_polygons(venue, source=source)]
    walls += [shapely.Point(d.x, d.y).buffer(d.width / 2) for d in venue.doors]
    blocked = shapely.union_all(walls) if walls else None
    centre = _place(room, blocked, stage_zone, ideal, ax, ay, half_x, half_y, wall_gap)
    if centre is None:
        raise GeometryError(
            f"a {kind.value} table for {n_seats} ({length:.1f} m × {table_width:.1f} m, {2 * half_x:.1f} m × "
            f"{2 * half_y:.1f} m with the chairs) does not fit the room with {wall_gap:g} m walkways"
            + (f" and {stage_gap:g} m before the stage" if stage_zone is not None else ""),
            location=Location(file=source, field=f"{key_prefix}.long_table_axis", value=direction_kind.value),
            hint=f"try {key_prefix}.long_table_axis = \"{'along' if direction_kind is TableAxis.ACROSS else 'across'}\", "
            f"a smaller long_table_seat_pitch or wall_gap, or round tables (style = \"rounds\")",
        )

    # seats, ranked and numbered
    def to_plan(x: float, y: float) -> Point:
        return (centre[0] + x * ax[0] + y * ay[0], centre[1] + x * ax[1] + y * ay[1])

    turn = math.degrees(math.atan2(ax[1], ax[0]))
    raw: list[Seat] = []
    for k, (x, y, facing) in enumerate(local):
        px, py = to_plan(x, y)
        raw.append(
            Seat(
                id=f"p{k}",
                section=SECTION,
                row=1,
                number=k + 1,
                x=round(px, 4) + 0.0,
                y=round(py, 4) + 0.0,
                facing=round((facing + turn) % 360.0, 4) % 360.0,
                table="1",
            )
        )
    host_tmp, hostess_tmp = raw[0].id, raw[1].id  # long_table_slots lists host, hostess first
    order = rank_long_table(raw, host_seat=host_tmp, hostess_seat=hostess_tmp)
    number = {sid: k for k, sid in enumerate(order, start=1)}
    seats: list[Seat] = []
    for sid in order:
        chair = next(r for r in raw if r.id == sid)
        tags = {SeatTag.MAIN_TABLE}
        if number[sid] == 1:
            tags.add(SeatTag.HOST_SEAT)
        elif number[sid] == 2:
            tags |= {SeatTag.HOST_SEAT, SeatTag.HOSTESS_SEAT}
        seats.append(replace(chair, id=f"t01-s{number[sid]:02d}", number=number[sid], tags=frozenset(tags)))

    corners = [to_plan(sx * length / 2, sy * table_width / 2) for sx, sy in ((-1, -1), (1, -1), (1, 1), (-1, 1))]
    outline = tuple((round(x, 4) + 0.0, round(y, 4) + 0.0) for x, y in corners)
    shapes = [*room_shapes(venue, room=room), Shape(ShapeKind.TABLE, outline, table_label(1))]
    layout = Layout(venue=venue, seats=tuple(seats), shapes=tuple(shapes))
    result = LongTableLayout(
        layout=layout,
        places=tuple(s.id for s in seats),
        centre=(round(centre[0], 4) + 0.0, round(centre[1], 4) + 0.0),
        length=round(length, 4),
        width=float(table_width),
        direction=(round(ax[0], 12) + 0.0, round(ax[1], 12) + 0.0),
        style=kind,
        door=door,
        warnings=tuple(warnings),
    )
    _verify(result, source, f"{key_prefix}.wall_gap")
    return result


def add_interpreter_stools(
    table: LongTableLayout, principals: Sequence[str], *, source: str | Path = "", key_prefix: str = "banquet"
) -> LongTableLayout:
    """Set an interpreter's stool behind each principal's chair (R-BNQ-10 ``"behind"``).

    Parameters
    ----------
    table
        The laid table.
    principals
        Seat ids of the people interpreted for, one stool each, in this order.

    Returns
    -------
    LongTableLayout
        The same table with the stools ``"t01-i1"``, … added after the places (numbered after
        them), each ``STOOL_DISTANCE`` behind the principal's chair and facing the same way.

    Raises
    ------
    ValidationError
        A principal that is not a place of the table.
    GeometryError
        A stool that hits a wall, an obstacle or another chair (the message names the key).
    """
    if not principals:
        return table
    index = {s.id: s for s in table.layout.seats}
    stools: list[Seat] = []
    n = len(table.places)
    for k, sid in enumerate(principals, start=1):
        if sid not in table.places:
            raise ValidationError(
                f"seat {sid!r} is not a place at the long table",
                location=Location(file=source, field=f"{key_prefix}.interpreters", value=sid),
                hint="an interpreter serves someone seated at the table",
            )
        s = index[sid]
        a = math.radians(s.facing)
        stools.append(
            Seat(
                id=f"t01-i{k}",
                section=SECTION,
                row=1,
                number=n + k,
                x=round(s.x - STOOL_DISTANCE * math.cos(a), 4) + 0.0,
                y=round(s.y - STOOL_DISTANCE * math.sin(a), 4) + 0.0,
                facing=s.facing,
                table="1",
                tags=frozenset({SeatTag.MAIN_TABLE, SeatTag.INTERPRETER, STOOL_TAG}),
            )
        )
    layout = replace(table.layout, seats=table.layout.seats + tuple(stools))
    out = replace(table, layout=layout)
    _verify(out, source, f"{key_prefix}.wall_gap", stools=True)
    return out


# ---------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------


def _frame(u: Point, style: BanquetStyle, axis: TableAxis) -> tuple[Point, Point]:
    """``(ax, ay)``: the table's x and y axes in the plan (``ay`` is ``ax`` turned 90° CCW)."""
    right = (u[1], -u[0])  # plan-view right with the door at the bottom
    left = (-u[1], u[0])
    if axis is TableAxis.ACROSS:
        return right, u  # French host on the far side (+y) facing the door; English host at -x
    if style is BanquetStyle.ENGLISH:
        return (-u[0], -u[1]), right  # host's end (-x) at the far wall, facing the door
    return u, left  # French host on the plan-view-left side, facing across


def _place(
    room: Polygon,
    blocked: BaseGeometry | None,
    stage_zone: BaseGeometry | None,
    ideal: Point,
    ax: Point,
    ay: Point,
    half_x: float,
    half_y: float,
    wall_gap: float,
) -> Point | None:
    """The free spot nearest ``ideal`` for the table's centre, or None."""
    shapely.prepare(room)
    if blocked is not None:
        shapely.prepare(blocked)
    if stage_zone is not None:
        shapely.prepare(stage_zone)
    near = _offsets(_NEAR_RADIUS, _NEAR_STEP)
    x0, y0, x1, y1 = room.bounds
    span = math.hypot(x1 - x0, y1 - y0)
    far = _offsets(span, _FAR_STEP)
    far = far[np.hypot(far[:, 0], far[:, 1]) > _NEAR_RADIUS]
    for offsets in (near, far):
        for start in range(0, len(offsets), _CHUNK):
            chunk = offsets[start : start + _CHUNK]
            cx = ideal[0] + chunk[:, 0]
            cy = ideal[1] + chunk[:, 1]
            padded = _rectangles(cx, cy, ax, ay, half_x + wall_gap, half_y + wall_gap)
            ok = shapely.contains(room, padded)
            if blocked is not None:
                ok &= ~shapely.intersects(blocked, padded)
            if stage_zone is not None:
                ok &= ~shapely.intersects(stage_zone, _rectangles(cx, cy, ax, ay, half_x, half_y))
            hit = np.flatnonzero(ok)
            if hit.size:
                k = int(hit[0])
                return (round(float(cx[k]), 4) + 0.0, round(float(cy[k]), 4) + 0.0)
    return None


def _rectangles(cx: np.ndarray, cy: np.ndarray, ax: Point, ay: Point, hx: float, hy: float) -> np.ndarray:
    """Rectangles of half-size ``hx`` × ``hy`` along ``ax``/``ay`` centred on each ``(cx, cy)``."""
    signs = ((-1, -1), (1, -1), (1, 1), (-1, 1))
    coords = np.stack(
        [
            np.stack([cx + sx * hx * ax[0] + sy * hy * ay[0], cy + sx * hx * ax[1] + sy * hy * ay[1]], axis=-1)
            for sx, sy in signs
        ],
        axis=1,
    )
    return shapely.polygons(coords)


def _offsets(radius: float, step: float) -> np.ndarray:
    """Moves within ``radius`` on a ``step`` grid, nearest first (no move first; then sideways)."""
    k = math.ceil(radius / step)
    g = np.arange(-k, k + 1) * step
    xx, yy = np.meshgrid(g, g)
    pts = np.column_stack((xx.ravel(), yy.ravel()))
    d = np.hypot(pts[:, 0], pts[:, 1])
    keep = d <= radius + 1e-9
    pts, d = pts[keep], d[keep]
    order = np.lexsort((pts[:, 1], pts[:, 0], np.abs(pts[:, 1]), np.round(d, 6)))
    return pts[order]


def _verify(table: LongTableLayout, source: str | Path, key: str, *, stools: bool = False) -> None:
    """Raise if a chair or stool overlaps another, the table, an obstacle, the stage or a wall."""
    outline = next(s for s in reversed(table.layout.shapes) if s.kind is ShapeKind.TABLE)
    issues = check_seats(
        table.layout.seats,
        table.layout.venue,
        seat_size=(CHAIR_WIDTH, CHAIR_DEPTH),
        tables=[Polygon(outline.points)],
        table_labels=["1"],
    )
    if issues:
        raise GeometryError(
            f"{len(issues)} chairs do not fit: {issues[0].message}",
            location=Location(file=source, field=key),
            hint=("interpreter stools stand behind their principals' chairs: increase wall_gap" if stools else "increase wall_gap")
            + " or move the obstacles",
        )


def _check_number(value: object, key: str, source: str | Path, low: float, high: float, example: str) -> None:
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or not math.isfinite(value)
        or not low - 1e-9 <= value <= high + 1e-9
    ):
        bound = f"from {low:g} to {high:g} m" if math.isfinite(high) else f">= {low:g} m"
        raise ValidationError(
            f"{key} must be a distance {bound}, got {value!r}",
            location=Location(file=source, field=key, value=value),
            hint=f"write e.g. {key.rsplit('.', 1)[-1]} = {example} (metres)",
        )
