"""Meeting tables: boardroom (会议桌), oval, U-shape (U形) and hollow square (回字形).

Every layout is one table group: tables with chairs round their outer edges, seat fronts
flush with the table edge (R-PHY-11, T30) and ``spacing.meeting_table_per_person`` of table
edge per person (R-PHY-8: 0.60 m; a 1.8 m table takes 3). Round the group a walkway of
``spacing.wall_walkway`` (0.9 m, R-PHY-11) is kept to every wall and pillar, the stage is
kept free, and no table or chair stands in a door's clear zone (R-PHY-4).

* **boardroom**: a long rectangular table ``spacing.boardroom_table_depth`` (1.2 m) wide, chairs
  along both long sides and, with ``end_seats``, one chair at each end (head and foot).
* **oval**: a racetrack table (straight sides, round ends of the same width); chairs along the
  sides and, with ``end_seats``, as many round each end as its half circumference allows.
* **U-shape**: a base table across the head of the room and two legs running towards the main
  door (``open_to="back"``) or towards the front; chairs on the outside only, the legs at least
  ``spacing.hollow_min`` apart inside.
* **hollow square**: four tables closing a hollow at least ``spacing.hollow_min`` wide; chairs
  on the outside; the corners stay free.

With no target the generators seat as many as fit, searching the table size, the orientation
(long axis along x or y) and, for the boardroom and oval, whether the ends take chairs; with
``seats`` they take the smallest group that seats that many. The group stands as close to the
middle of the free floor as the walkway allows. Feasible positions are found exactly: the free
floor (room minus pillars, stage and door zones) is eroded by the group's rectangle with a
Minkowski sum of its boundary edges and the rectangle.

Seats are numbered round the group, 1 at the head (the seat nearest the front wall, the far
end from the main door) and then clockwise as seen on the plan.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import numpy as np
import shapely
from shapely import affinity
from shapely.geometry import Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

from seatplan.errors import GeometryError, Location
from seatplan.layout.firecode import FireProfile
from seatplan.layout.room import (
    GeneratedLayout,
    LayoutKind,
    RowAccess,
    chair_polygons,
    door_zones,
    obstacle_polygons,
    room_polygon,
    stage_polygon,
    validate_venue,
)
from seatplan.layout.spacing import Spacing
from seatplan.model import Layout, Seat, Shape, ShapeKind, Venue

__all__ = [
    "OpenEnd",
    "Orientation",
    "TableOptions",
    "generate_boardroom",
    "generate_hollow_square",
    "generate_oval",
    "generate_table_layout",
    "generate_u_shape",
]

TABLE_KINDS = (LayoutKind.BOARDROOM, LayoutKind.OVAL, LayoutKind.U_SHAPE, LayoutKind.HOLLOW_SQUARE)


class Orientation(StrEnum):
    """Direction of the group's long axis on the plan."""

    AUTO = "auto"  # whichever seats more
    ACROSS = "across"  # along x (parallel to the front wall)
    ALONG = "along"  # along y (towards the front)


class OpenEnd(StrEnum):
    """Where the open end of a U-shape points."""

    BACK = "back"  # towards the main door; the base is at the head of the room (面门为上)
    FRONT = "front"  # towards the front wall / screen; the base is at the back


@dataclass(frozen=True)
class TableOptions:
    """Parameters of the table generators; ``None`` means "choose".

    Parameters
    ----------
    seats
        Seat exactly this group size (the smallest group with at least this many seats);
        ``None`` = as many as fit.
    orientation
        Long axis across or along the room, or AUTO.
    end_seats
        Boardroom / oval: chairs at the ends. ``None`` = whichever seats more (ends first).
    open_to
        U-shape: where the open end points.
    table_depth
        Table width, metres; ``None`` = ``spacing.boardroom_table_depth`` (boardroom, oval) or
        ``spacing.meeting_table_depth`` (U-shape, hollow square).
    """

    seats: int | None = None
    orientation: Orientation = Orientation.AUTO
    end_seats: bool | None = None
    open_to: OpenEnd = OpenEnd.BACK
    table_depth: float | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "orientation", Orientation(self.orientation))
        object.__setattr__(self, "open_to", OpenEnd(self.open_to))
        if self.seats is not None and (isinstance(self.seats, bool) or not isinstance(self.seats, int) or self.seats < 1):
            raise GeometryError(
                f"seats must be a whole number >= 1, got {self.seats!r}",
                location=Location(field="layout.seats", value=self.seats),
            )
        if self.table_depth is not None and not (
            isinstance(self.table_depth, (int, float)) and math.isfinite(self.table_depth) and self.table_depth > 0
        ):
            raise GeometryError(
                f"table_depth must be a positive number of metres, got {self.table_depth!r}",
                location=Location(field="layout.table_depth", value=self.table_depth),
            )


# ---------------------------------------------------------------------------------------------
# a table group in its own frame
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Group:
    """Tables and chairs in a local frame centred on the group's bounding box."""

    tables: tuple[BaseGeometry, ...]
    chairs: tuple[tuple[float, float, float], ...]  # x, y, facing (degrees)
    half: tuple[float, float]  # half size of the furniture bounding box
    params: tuple[tuple[str, object], ...]

    @property
    def seats(self) -> int:
        return len(self.chairs)


def _centred(tables: list[BaseGeometry], chairs: list[tuple[float, float, float]], sp: Spacing,
             params: tuple[tuple[str, object], ...]) -> _Group:
    """Move a group so that the bounding box of its tables and chair footprints is centred on 0."""
    parts = list(tables)
    if chairs:
        arr = np.asarray(chairs, dtype=float)
        parts += list(chair_polygons(arr[:, 0], arr[:, 1], arr[:, 2], width=sp.chair_width, depth=sp.chair_depth))
    x0, y0, x1, y1 = shapely.union_all(parts).bounds
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    moved = tuple(affinity.translate(t, -cx, -cy) for t in tables)
    return _Group(moved, tuple((x - cx, y - cy, f) for x, y, f in chairs), ((x1 - x0) / 2, (y1 - y0) / 2), params)


def _rect(x0: float, y0: float, x1: float, y1: float) -> Polygon:
    return shapely.box(x0, y0, x1, y1)


def _boardroom(n: int, ends: bool, depth: float, sp: Spacing) -> _Group:
    """Long table along x: ``n`` chairs on each long side, one at each end with ``ends``."""
    p, cd, g = sp.meeting_table_per_person, sp.chair_depth, sp.seat_to_table_gap
    length = n * p
    tables = [_rect(-length / 2, -depth / 2, length / 2, depth / 2)]
    chairs = []
    for i in range(n):
        x = -length / 2 + (i + 0.5) * p
        chairs.append((x, depth / 2 + g + cd / 2, 270.0))
        chairs.append((x, -depth / 2 - g - cd / 2, 90.0))
    if ends:
        chairs.append((-length / 2 - g - cd / 2, 0.0, 0.0))
        chairs.append((length / 2 + g + cd / 2, 0.0, 180.0))
    return _centred(tables, chairs, sp, (("seats_per_side", n), ("end_seats", ends), ("table", (round(length, 3), depth))))


def _oval(n: int, ends: bool, depth: float, sp: Spacing) -> _Group:
    """Racetrack table along x: straight sides of ``n`` chairs, round ends."""
    p, cd, g = sp.meeting_table_per_person, sp.chair_depth, sp.seat_to_table_gap
    straight = n * p
    r = depth / 2
    table = shapely.LineString([(-straight / 2, 0.0), (straight / 2, 0.0)]).buffer(r, quad_segs=16)
    chairs = []
    for i in range(n):
        x = -straight / 2 + (i + 0.5) * p
        chairs.append((x, r + g + cd / 2, 270.0))
        chairs.append((x, -r - g - cd / 2, 90.0))
    m = math.floor(math.pi * r / p + 1e-9) if ends else 0
    rc = r + g + cd / 2
    for j in range(m):
        a = -math.pi / 2 + (j + 0.5) * math.pi / m
        chairs.append((straight / 2 + rc * math.cos(a), rc * math.sin(a), (math.degrees(a) + 180.0) % 360.0))
        chairs.append((-straight / 2 - rc * math.cos(a), rc * math.sin(a), (360.0 - math.degrees(a)) % 360.0))
    return _centred([table], chairs, sp, (("seats_per_side", n), ("end_seats", m), ("table", (round(straight + depth, 3), depth))))


def _u_shape(base: int, leg: int, depth: float, sp: Spacing) -> _Group | None:
    """U open towards -y: a base of ``base`` chairs (behind it, +y side) and legs of ``leg`` chairs."""
    p, cd, g = sp.meeting_table_per_person, sp.chair_depth, sp.seat_to_table_gap
    width = base * p
    if width - 2 * depth < sp.hollow_min - 1e-9 or leg * p <= depth + 1e-9:
        return None
    top = 0.0
    bottom = top - leg * p
    tables = [
        _rect(-width / 2, top - depth, width / 2, top),
        _rect(-width / 2, bottom, -width / 2 + depth, top - depth),
        _rect(width / 2 - depth, bottom, width / 2, top - depth),
    ]
    chairs = [(-width / 2 + (i + 0.5) * p, top + g + cd / 2, 270.0) for i in range(base)]
    for j in range(leg):
        y = top - (j + 0.5) * p
        chairs.append((-width / 2 - g - cd / 2, y, 0.0))
        chairs.append((width / 2 + g + cd / 2, y, 180.0))
    return _centred(tables, chairs, sp, (("base_seats", base), ("leg_seats", leg), ("outer", (round(width, 3), round(leg * p, 3)))))


def _hollow_square(nx: int, ny: int, depth: float, sp: Spacing) -> _Group | None:
    """Closed square of four tables, ``nx`` chairs on the front and back, ``ny`` on each side."""
    p, cd, g = sp.meeting_table_per_person, sp.chair_depth, sp.seat_to_table_gap
    wx, wy = nx * p, ny * p
    if wx - 2 * depth < sp.hollow_min - 1e-9 or wy - 2 * depth < sp.hollow_min - 1e-9:
        return None
    tables = [
        _rect(-wx / 2, wy / 2 - depth, wx / 2, wy / 2),
        _rect(-wx / 2, -wy / 2, wx / 2, -wy / 2 + depth),
        _rect(-wx / 2, -wy / 2 + depth, -wx / 2 + depth, wy / 2 - depth),
        _rect(wx / 2 - depth, -wy / 2 + depth, wx / 2, wy / 2 - depth),
    ]
    chairs = []
    for i in range(nx):
        x = -wx / 2 + (i + 0.5) * p
        chairs.append((x, wy / 2 + g + cd / 2, 270.0))
        chairs.append((x, -wy / 2 - g - cd / 2, 90.0))
    for j in range(ny):
        y = -wy / 2 + (j + 0.5) * p
        chairs.append((-wx / 2 - g - cd / 2, y, 0.0))
        chairs.append((wx / 2 + g + cd / 2, y, 180.0))
    return _centred(tables, chairs, sp, (("side_seats", (nx, ny)), ("outer", (round(wx, 3), round(wy, 3)))))


def _turn(group: _Group, degrees: float) -> _Group:
    """Rotate a group about its centre by a multiple of 90°."""
    if degrees % 360 == 0:
        return group
    a = math.radians(degrees)
    c, s = round(math.cos(a)), round(math.sin(a))
    tables = tuple(affinity.rotate(t, degrees, origin=(0, 0)) for t in group.tables)
    chairs = tuple((x * c - y * s, x * s + y * c, (f + degrees) % 360.0) for x, y, f in group.chairs)
    half = group.half if degrees % 180 == 0 else (group.half[1], group.half[0])
    return _Group(tables, chairs, half, group.params)


# ---------------------------------------------------------------------------------------------
# where a group fits
# ---------------------------------------------------------------------------------------------


class _Room:
    """The free floor of a room and exact rectangle erosions of it."""

    def __init__(self, venue: Venue, spacing: Spacing, source: str | Path) -> None:
        validate_venue(venue, source=source)
        self.venue = venue
        self.room = room_polygon(venue, source=source)
        self.obstacles = obstacle_polygons(venue, source=source)
        self.stage = stage_polygon(venue, room=self.room)
        self.doors = door_zones(venue, depth=spacing.door_clear_depth, room=self.room) if venue.doors else []
        hard: list[BaseGeometry] = list(self.obstacles)
        if self.stage is not None and not self.stage.is_empty:
            hard.append(self.stage)
        self.hard = hard
        edges: list[tuple[tuple[float, float], tuple[float, float]]] = []
        for ring in [self.room.exterior, *self.room.interiors, *(o.exterior for o in self.obstacles)]:
            pts = list(ring.coords)
            edges += list(itertools.pairwise(pts))
        if self.stage is not None and not self.stage.is_empty:
            for part in getattr(self.stage, "geoms", [self.stage]):
                pts = list(part.exterior.coords)
                edges += list(itertools.pairwise(pts))
        self.edges = np.asarray(edges, dtype=float)
        xmin, ymin, xmax, ymax = self.room.bounds
        self.focus = Point((xmin + xmax) / 2, (ymin + ymax) / 2)
        self._cache: dict[tuple[float, float, float, float], BaseGeometry] = {}

    def _dilate_edges(self, hx: float, hy: float) -> BaseGeometry:
        corners = np.array([(-hx, -hy), (hx, -hy), (hx, hy), (-hx, hy)])
        pts = (self.edges[:, :, None, :] + corners[None, None, :, :]).reshape(len(self.edges), 8, 2)
        return shapely.union_all(shapely.convex_hull(shapely.multipoints(pts)))

    def centres(self, envelope: tuple[float, float], furniture: tuple[float, float]) -> BaseGeometry:
        """Where the group's centre may stand: envelope clear of walls, pillars and the stage,
        furniture clear of the door zones."""
        key = (round(envelope[0], 6), round(envelope[1], 6), round(furniture[0], 6), round(furniture[1], 6))
        if key in self._cache:
            return self._cache[key]
        hx, hy = envelope
        area = self.room.difference(self._dilate_edges(hx, hy))
        if self.hard:
            area = area.difference(shapely.union_all([h.buffer(0) for h in self.hard]))
        fx, fy = furniture
        box = np.array([(-fx, -fy), (fx, -fy), (fx, fy), (-fx, fy)])
        for zone in self.doors:
            pts = np.asarray(zone.exterior.coords)[:-1]
            summed = (pts[:, None, :] + box[None, :, :]).reshape(-1, 2)
            area = area.difference(shapely.MultiPoint(summed).convex_hull)
        self._cache[key] = area
        return area

    def place(self, group: _Group, walkway: float) -> tuple[float, float] | None:
        """The centre nearest the middle of the room where the group fits, or ``None``."""
        hx, hy = group.half
        area = self.centres((hx + walkway, hy + walkway), (hx, hy))
        if area.is_empty:
            return None
        if area.contains(self.focus):
            return (self.focus.x, self.focus.y)
        near = nearest_points(area, self.focus)[0]
        return (near.x, near.y)


def _largest(feasible: Callable[[int], bool], lo: int, hi: int) -> int:
    """Largest n in [lo, hi] with feasible(n), assuming feasibility shrinks as n grows; lo-1 if none."""
    if hi < lo or not feasible(lo):
        return lo - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if feasible(mid):
            lo = mid
        else:
            hi = mid - 1
    return lo


# ---------------------------------------------------------------------------------------------
# the generators
# ---------------------------------------------------------------------------------------------


def _orientations(options: TableOptions) -> list[float]:
    return {Orientation.AUTO: [0.0, 90.0], Orientation.ACROSS: [0.0], Orientation.ALONG: [90.0]}[options.orientation]


def _candidates(kind: LayoutKind, room: _Room, sp: Spacing, options: TableOptions) -> list[_Group]:
    """The best group for each orientation (and end-seat choice) that fits the room."""
    xmin, ymin, xmax, ymax = room.room.bounds
    span = max(xmax - xmin, ymax - ymin)
    p = sp.meeting_table_per_person
    walk = sp.wall_walkway
    limit = max(1, int(span / p) + 2)
    out: list[_Group] = []

    def fits(g: _Group | None) -> bool:
        return g is not None and room.place(g, walk) is not None

    if kind in (LayoutKind.BOARDROOM, LayoutKind.OVAL):
        depth = options.table_depth or sp.boardroom_table_depth
        make = _boardroom if kind is LayoutKind.BOARDROOM else _oval
        ends_options = [options.end_seats] if options.end_seats is not None else [True, False]
        for turn in _orientations(options):
            for ends in ends_options:
                def ok(n: int, ends: bool = ends, turn: float = turn) -> bool:
                    return fits(_turn(make(n, ends, depth, sp), turn))

                if options.seats is not None:
                    extra = make(1, ends, depth, sp).seats - 2  # chairs at the ends
                    need = max(1, math.ceil((options.seats - extra) / 2))
                    n = need if ok(need) else -1
                else:
                    n = _largest(ok, 1, limit)
                if n >= 1:
                    out.append(_turn(make(n, ends, depth, sp), turn))
    elif kind is LayoutKind.U_SHAPE:
        depth = options.table_depth or sp.meeting_table_depth
        turn = 0.0 if options.open_to is OpenEnd.BACK else 180.0
        best = _staircase(
            lambda base, leg: _maybe_turn(_u_shape(base, leg, depth, sp), turn),
            max(1, math.ceil((sp.hollow_min + 2 * depth) / p - 1e-9)),
            max(1, int(depth / p) + 1),
            limit,
            options.seats,
            lambda base, target: math.ceil((target - base) / 2),
            fits,
        )
        if best is not None:
            out.append(best)
    elif kind is LayoutKind.HOLLOW_SQUARE:
        depth = options.table_depth or sp.meeting_table_depth
        min_n = max(1, math.ceil((sp.hollow_min + 2 * depth) / p - 1e-9))
        best = _staircase(
            lambda nx, ny: _hollow_square(nx, ny, depth, sp),
            min_n,
            min_n,
            limit,
            options.seats,
            lambda nx, target: math.ceil(target / 2) - nx,
            fits,
        )
        if best is not None:
            out.append(best)
    return out


def _staircase(
    make: Callable[[int, int], _Group | None],
    a_min: int,
    b_min: int,
    limit: int,
    target: int | None,
    b_for: Callable[[int, int], int],
    fits: Callable[[_Group | None], bool],
) -> _Group | None:
    """Best group over two sizes ``(a, b)`` whose fit only gets harder as either grows.

    Without a target: walk the edge of the feasible staircase (a up, b down), O(a + b) fits.
    With a target: for each ``a`` the smallest ``b`` reaching it (``b_for``), fewest spare seats.
    """
    best: _Group | None = None
    if target is None:
        b = _largest(lambda bb: fits(make(a_min, bb)), b_min, limit)
        a = a_min
        while a <= limit and b >= b_min:
            g = make(a, b)
            if fits(g):
                assert g is not None
                if best is None or _better(g, best, None):
                    best = g
                a += 1
            else:
                b -= 1
        return best
    for a in range(a_min, limit + 1):
        if not fits(make(a, b_min)):
            break
        b = max(b_min, b_for(a, target))
        g = make(a, b)
        if g is not None and fits(g) and (best is None or _better(g, best, target)):
            best = g
    return best


def _maybe_turn(g: _Group | None, degrees: float) -> _Group | None:
    return None if g is None else _turn(g, degrees)


def _better(a: _Group, b: _Group, target: int | None) -> bool:
    """Prefer more seats (no target) or fewer spare seats (target); then the squarer group."""
    if target is None:
        if a.seats != b.seats:
            return a.seats > b.seats
    else:
        if a.seats != b.seats:
            return a.seats < b.seats
    return abs(a.half[0] - a.half[1]) < abs(b.half[0] - b.half[1]) - 1e-9


#: The default options (frozen, so one shared instance is safe as a default argument).
_DEFAULT_OPTIONS = TableOptions()


def generate_table_layout(
    venue: Venue,
    kind: LayoutKind | str,
    *,
    spacing: Spacing = Spacing(),
    profile: FireProfile = FireProfile(),
    options: TableOptions = _DEFAULT_OPTIONS,
    source: str | Path = "",
) -> GeneratedLayout:
    """Lay out one table group of the given kind; see the module docstring.

    Parameters
    ----------
    venue
        The room.
    kind
        ``boardroom``, ``oval``, ``u-shape`` or ``hollow-square``.
    spacing
        Length per person, table depths, chair size, walkway, hollow width.
    profile
        Carried on the result (table layouts have no rows to check against it).
    options
        Target size, orientation, end seats, U opening (:class:`TableOptions`).
    source
        File the venue came from, for error messages.

    Returns
    -------
    GeneratedLayout
        Seats of section ``kind`` at table ``"1"``; no seats when nothing fits (with a note).
    """
    kind = LayoutKind.coerce(kind)
    if kind not in TABLE_KINDS:
        raise GeometryError(
            f"{kind.value!r} is not a table layout", location=Location(file=source, field="layout", value=kind.value),
            hint=f"use one of {', '.join(k.value for k in TABLE_KINDS)}",
        )
    room = _Room(venue, spacing, source)
    groups = _candidates(kind, room, spacing, options)
    best: _Group | None = None
    for g in groups:  # candidates come in order of preference (ends first): keep the first on a tie
        if best is None or (g.seats > best.seats if options.seats is None else g.seats < best.seats):
            best = g
    notes: list[str] = []
    seats: list[Seat] = []
    shapes: list[Shape] = [Shape(ShapeKind.ROOM, tuple(venue.outline), venue.name)]
    if room.stage is not None and not room.stage.is_empty:
        for part in getattr(room.stage, "geoms", [room.stage]):
            shapes.append(Shape(ShapeKind.STAGE, tuple((round(a, 4), round(b, 4)) for a, b in part.exterior.coords[:-1]), "舞台"))
    tables: list[BaseGeometry] = []
    params: list[tuple[str, object]] = []
    if best is None:
        notes.append(
            f"no {kind.value} group fits with a {spacing.wall_walkway:.2f} m walkway round it"
            + (f" for {options.seats} seats" if options.seats else "")
        )
    else:
        cx, cy = room.place(best, spacing.wall_walkway)  # type: ignore[misc]
        tables = [affinity.translate(t, cx, cy) for t in best.tables]
        chairs = [(x + cx, y + cy, f) for x, y, f in best.chairs]
        order = sorted(range(len(chairs)), key=lambda i: _clockwise_key(chairs[i], (cx, cy)))
        for number, i in enumerate(order, start=1):
            x, y, f = chairs[i]
            seats.append(Seat(id=f"{kind.value}-s{number:03d}", section=kind.value, row=1, number=number,
                              x=round(x, 4), y=round(y, 4), facing=round(f % 360.0, 6), table="1"))
        for t in tables:
            shapes.append(Shape(ShapeKind.TABLE, tuple((round(a, 4), round(b, 4)) for a, b in t.exterior.coords[:-1]), ""))
        params = [*best.params, ("centre", (round(cx, 3), round(cy, 3)))]
        if options.seats is not None and best.seats > options.seats:
            notes.append(f"{best.seats - options.seats} spare seats: the group cannot be made exactly {options.seats}")
    for i, pts in enumerate(venue.obstacles, start=1):
        shapes.append(Shape(ShapeKind.OBSTACLE, tuple(pts), f"柱 {i}"))
    layout = Layout(venue=venue, seats=tuple(seats), shapes=tuple(shapes))
    return GeneratedLayout(
        kind=kind,
        layout=layout,
        spacing=spacing,
        profile=profile,
        seat_pitch=spacing.meeting_table_per_person,
        row_access=RowAccess.NONE,
        tables=tuple(tables),
        table_labels=tuple(f"{kind.value} table {i}" for i in range(1, len(tables) + 1)),
        params=tuple(params),
        notes=tuple(notes),
    )


def _clockwise_key(chair: tuple[float, float, float], centre: tuple[float, float]) -> tuple[float, float]:
    """Seat order: start at the top of the plan (the head), go clockwise."""
    x, y, _ = chair
    angle = math.degrees(math.atan2(y - centre[1], x - centre[0]))
    clockwise = (90.0 - angle) % 360.0
    return (round(clockwise, 6), round(-y, 6))


def generate_boardroom(venue: Venue, **kwargs: object) -> GeneratedLayout:
    """A boardroom table (会议桌); see :func:`generate_table_layout`."""
    return generate_table_layout(venue, LayoutKind.BOARDROOM, **kwargs)  # type: ignore[arg-type]


def generate_oval(venue: Venue, **kwargs: object) -> GeneratedLayout:
    """An oval (racetrack) table; see :func:`generate_table_layout`."""
    return generate_table_layout(venue, LayoutKind.OVAL, **kwargs)  # type: ignore[arg-type]


def generate_u_shape(venue: Venue, **kwargs: object) -> GeneratedLayout:
    """A U-shape (U形); see :func:`generate_table_layout`."""
    return generate_table_layout(venue, LayoutKind.U_SHAPE, **kwargs)  # type: ignore[arg-type]


def generate_hollow_square(venue: Venue, **kwargs: object) -> GeneratedLayout:
    """A hollow square (回字形); see :func:`generate_table_layout`."""
    return generate_table_layout(venue, LayoutKind.HOLLOW_SQUARE, **kwargs)  # type: ignore[arg-type]

