"""Room geometry: the room polygon, venue validation, usable floor and seat-placement checks.

The layout checker (:func:`~seatplan.layout.check.check_layout`) lives in :mod:`seatplan.layout.check`.

Frame (design guide §3): metres, plan view, x to the right, y towards the front (stage).
The stage, when ``Venue.stage_depth > 0``, is the strip of the room within ``stage_depth``
of the front (the largest y of the outline).

A seat's ``(x, y)`` is taken as the centre of its chair; the chair footprint is a rectangle
``seat_size = (width, depth)`` whose depth runs along the seat's ``facing`` and whose width
runs across it (so chairs round a banquet table are turned the right way).

Only this package imports shapely (design guide §4); everything here returns shapely
geometry or plain data.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient

from seatplan.errors import GeometryError, Location
from seatplan.layout.firecode import AisleKind, AisleSpec, FireProfile, RowSpec
from seatplan.layout.spacing import Spacing
from seatplan.model.enums import Choice, ShapeKind, find_choice
from seatplan.model.problem import Layout
from seatplan.model.seats import Seat
from seatplan.model.venue import Door, Shape, Venue

__all__ = [
    "DOOR_WALL_TOLERANCE",
    "GeneratedLayout",
    "LayoutKind",
    "PlacementIssue",
    "PlacementKind",
    "PlannedAisle",
    "RowAccess",
    "chair_polygons",
    "check_seats",
    "door_label",
    "door_wall",
    "door_zones",
    "inside_door_point",
    "obstacle_polygons",
    "room_polygon",
    "seat_footprints",
    "stage_polygon",
    "usable_area",
    "validate_venue",
    "wall_segments",
]

#: A door centre may lie at most this far (metres) from the outline to count as "in a wall".
DOOR_WALL_TOLERANCE = 0.05

_EPS = 1e-9  # metres; below this two lengths are equal
_AREA_EPS = 1e-6  # square metres; below this an area is empty


# ---------------------------------------------------------------------------------------------
# room, stage, obstacles
# ---------------------------------------------------------------------------------------------


def _loc(source: str | Path, field: str, value: object = None) -> Location:
    return Location(file=source, field=field, value=value)


def _fmt_pt(x: float, y: float) -> str:
    return f"({x:.2f}, {y:.2f})"


def _check_finite(points: Sequence[tuple[float, float]], what: str, field: str, source: str | Path) -> None:
    for p in points:
        if len(p) != 2 or not all(isinstance(c, (int, float)) and math.isfinite(c) for c in p):
            raise GeometryError(
                f"{what} has a point {p!r} that is not a pair of finite numbers",
                location=_loc(source, field, list(points)),
                hint="give every point as [x, y] in metres",
            )


def _degenerate(points: Sequence[tuple[float, float]]) -> bool:
    """True if the points span no area at all (all collinear or repeated)."""
    return shapely.MultiPoint(list(points)).convex_hull.area <= _AREA_EPS


def room_polygon(venue: Venue, *, source: str | Path = "") -> Polygon:
    """Return the room outline as a valid, counter-clockwise shapely polygon.

    Parameters
    ----------
    venue
        The room.
    source
        File the venue was read from, for error messages.

    Returns
    -------
    shapely.Polygon
        The inner walls, oriented counter-clockwise (a clockwise outline is accepted and turned).

    Raises
    ------
    GeometryError
        If the outline has non-finite points, no area, or crosses itself.
    """
    _check_finite(venue.outline, "the room outline", "venue.outline", source)
    poly = Polygon(venue.outline)
    if _degenerate(venue.outline) or (poly.area <= _AREA_EPS and shapely.is_valid(poly)):
        raise GeometryError(
            "the room outline encloses no area (its points are collinear or repeated)",
            location=_loc(source, "venue.outline", list(venue.outline)),
            hint="list the corners of the room walls in order round the room",
        )
    if not shapely.is_valid(poly):
        reason = shapely.is_valid_reason(poly)
        raise GeometryError(
            f"the room outline is not a simple polygon: {reason}",
            location=_loc(source, "venue.outline", list(venue.outline)),
            hint="list the corners in order round the room so that no two walls cross (a bow-tie "
            "order such as (0,0),(10,10),(10,0),(0,10) crosses itself)",
        )
    return orient(poly, sign=1.0)


def stage_polygon(venue: Venue, *, room: Polygon | None = None) -> Polygon | None:
    """Return the stage: the part of the room within ``stage_depth`` of the front wall.

    Parameters
    ----------
    venue
        The room; ``stage_depth`` is measured from the largest y of the outline.
    room
        The room polygon if already built (saves rebuilding it).

    Returns
    -------
    shapely.Polygon or None
        ``None`` when the venue has no stage (``stage_depth == 0``). For an irregular room the
        stage is the intersection of the room with the front strip (it may be a MultiPolygon
        for a room whose front wall is notched).
    """
    if venue.stage_depth <= 0:
        return None
    room = room if room is not None else room_polygon(venue)
    xmin, _, xmax, ymax = room.bounds
    strip = shapely.box(xmin - 1.0, ymax - venue.stage_depth, xmax + 1.0, ymax + 1.0)
    return room.intersection(strip)


def door_outline(room: Polygon, door: Door) -> tuple[tuple[float, float], ...]:
    """A thin rectangle along the wall nearest to the door centre, as wide as the door."""
    ring = room.exterior
    d = ring.project(Point(door.x, door.y))
    a = ring.interpolate(max(d - door.width / 2, 0.0))
    b = ring.interpolate(min(d + door.width / 2, ring.length))
    dx, dy = b.x - a.x, b.y - a.y
    norm = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / norm * 0.15, dx / norm * 0.15
    return ((a.x - nx, a.y - ny), (b.x - nx, b.y - ny), (b.x + nx, b.y + ny), (a.x + nx, a.y + ny))


def room_shapes(venue: Venue, *, room: Polygon | None = None) -> list[Shape]:
    """The outlines every layout draws: the room, its stage, obstacles and doors."""
    room = room if room is not None else room_polygon(venue)
    shapes = [Shape(ShapeKind.ROOM, tuple(venue.outline), venue.name)]
    stage = stage_polygon(venue, room=room)
    if stage is not None and not stage.is_empty:
        for part in getattr(stage, "geoms", [stage]):
            coords = tuple((round(float(x), 4), round(float(y), 4)) for x, y in part.exterior.coords[:-1])
            shapes.append(Shape(ShapeKind.STAGE, coords, "舞台 / stage"))
    for i, obstacle in enumerate(venue.obstacles, start=1):
        shapes.append(Shape(ShapeKind.OBSTACLE, tuple(obstacle), f"障碍 {i}"))
    for door in venue.doors:
        shapes.append(Shape(ShapeKind.DOOR, door_outline(room, door), door.name or ("正门" if door.main else "门")))
    return shapes


def obstacle_polygons(venue: Venue, *, source: str | Path = "") -> list[Polygon]:
    """Return the obstacles (pillars, fixed furniture) as valid shapely polygons, in venue order.

    Raises
    ------
    GeometryError
        If an obstacle has fewer than 3 points, no area or crosses itself.
    """
    out: list[Polygon] = []
    for i, pts in enumerate(venue.obstacles, start=1):
        field = "venue.obstacles"
        _check_finite(pts, f"obstacle {i}", field, source)
        if len(pts) < 3:
            raise GeometryError(
                f"obstacle {i} has {len(pts)} points; a polygon needs at least 3",
                location=_loc(source, field, list(pts)),
                hint="give the obstacle's corners, e.g. a 0.6 m pillar as 4 points",
            )
        poly = Polygon(pts)
        if _degenerate(pts):
            raise GeometryError(
                f"obstacle {i} encloses no area",
                location=_loc(source, field, list(pts)),
                hint="give the obstacle's corners in order round it",
            )
        if not shapely.is_valid(poly):
            raise GeometryError(
                f"obstacle {i} is not a simple polygon: {shapely.is_valid_reason(poly)}",
                location=_loc(source, field, list(pts)),
                hint="give the obstacle's corners in order round it so that no two sides cross",
            )
        out.append(orient(poly, sign=1.0))
    return out


def _describe_obstacle(i: int, poly: Polygon) -> str:
    xmin, ymin, xmax, ymax = poly.bounds
    c = poly.centroid
    return f"obstacle {i} ({xmax - xmin:.2f} × {ymax - ymin:.2f} m at {_fmt_pt(c.x, c.y)})"


# ---------------------------------------------------------------------------------------------
# walls and doors
# ---------------------------------------------------------------------------------------------


def wall_segments(room: Polygon) -> list[LineString]:
    """Return the walls of a room as straight segments, collinear pieces merged.

    Parameters
    ----------
    room
        A valid room polygon (see :func:`room_polygon`).

    Returns
    -------
    list of shapely.LineString
        One two-point segment per straight wall, counter-clockwise.
    """
    ring = shapely.simplify(orient(room, sign=1.0), 0.0).exterior
    coords = list(ring.coords)[:-1]
    return [LineString([coords[k], coords[(k + 1) % len(coords)]]) for k in range(len(coords))]


def door_label(door: Door, index: int) -> str:
    """Name a door for messages: ``"door 2 (侧门)"`` or ``"door 2"`` (index is 1-based)."""
    return f"door {index} ({door.name})" if door.name else f"door {index}"


@dataclass(frozen=True)
class _WallHit:
    wall: LineString
    distance: float  # door centre to the wall, metres
    along: float  # position of the door centre along the wall from its start, metres


def door_wall(door: Door, room: Polygon) -> tuple[LineString, float]:
    """Return the wall nearest to a door's centre and the distance to it (metres)."""
    hit = _nearest_wall(door, wall_segments(room))
    return hit.wall, hit.distance


def _nearest_wall(door: Door, walls: list[LineString]) -> _WallHit:
    centre = Point(door.x, door.y)
    best: _WallHit | None = None
    for wall in walls:
        d = wall.distance(centre)
        if best is None or d < best.distance - _EPS:
            best = _WallHit(wall, d, wall.project(centre))
    assert best is not None
    return best


# ---------------------------------------------------------------------------------------------
# validate_venue
# ---------------------------------------------------------------------------------------------


def validate_venue(venue: Venue, *, source: str | Path = "") -> None:
    """Check that a venue is geometrically sound; raise on the first problem.

    Checks, in order: the outline is a simple polygon with area; every obstacle is a simple
    polygon lying inside the room (touching a wall is fine, crossing it is not); every door
    centre is within :data:`DOOR_WALL_TOLERANCE` of a wall and its opening fits on that wall;
    at most one door is marked main; the stage is shallower than the room.

    A venue with doors but none marked ``main`` is accepted: the first door is then the main
    entrance (as :attr:`Venue.main_door` says). Two doors marked ``main`` are an error, since
    面门为上 / 以远为上 (rule book §0.2) needs one main entrance.

    Parameters
    ----------
    venue
        The room.
    source
        File the venue was read from, carried into the error's location.

    Raises
    ------
    GeometryError
        Naming the element (``"obstacle 2 (0.60 × 0.60 m at (5.00, 3.00)) lies outside the
        room"``, ``"door 2 (侧门) is 4.50 m from the nearest wall"``...) and how to fix it.
    """
    room = room_polygon(venue, source=source)
    _validate_obstacles(venue, room, source)
    _validate_doors(venue, room, source)
    _validate_stage(venue, room, source)


def _validate_obstacles(venue: Venue, room: Polygon, source: str | Path) -> None:
    for i, obs in enumerate(obstacle_polygons(venue, source=source), start=1):
        name = _describe_obstacle(i, obs)
        inside = obs.intersection(room).area
        if inside <= _AREA_EPS:
            raise GeometryError(
                f"{name} lies outside the room",
                location=_loc(source, "venue.obstacles", list(venue.obstacles[i - 1])),
                hint="check the obstacle's coordinates against the room outline (same origin, metres)",
            )
        outside = obs.area - inside
        if outside > _AREA_EPS:
            raise GeometryError(
                f"{name} crosses the room outline ({outside:.2f} m² of it lies beyond the walls)",
                location=_loc(source, "venue.obstacles", list(venue.obstacles[i - 1])),
                hint="clip the obstacle at the wall; a pillar built into a wall only needs its part inside the room",
            )


def _validate_doors(venue: Venue, room: Polygon, source: str | Path) -> None:
    walls = wall_segments(room)
    for i, door in enumerate(venue.doors, start=1):
        name = door_label(door, i)
        where = _loc(source, "venue.doors", {"x": door.x, "y": door.y, "width": door.width, "name": door.name})
        if not (math.isfinite(door.x) and math.isfinite(door.y) and math.isfinite(door.width)):
            raise GeometryError(f"{name} has a non-finite position or width", location=where)
        hit = _nearest_wall(door, walls)
        if hit.distance > DOOR_WALL_TOLERANCE:
            raise GeometryError(
                f"{name} at {_fmt_pt(door.x, door.y)} is not on a wall: its centre is "
                f"{hit.distance:.2f} m from the nearest wall (at most {DOOR_WALL_TOLERANCE:.2f} m allowed)",
                location=where,
                hint="put the door's x, y at the middle of the opening, on the room outline",
            )
        length = hit.wall.length
        if door.width > length + _EPS:
            raise GeometryError(
                f"{name} is {door.width:.2f} m wide but its wall is only {length:.2f} m long",
                location=where,
                hint="check the door width (clear opening, metres) and which wall it is on",
            )
        start, end = hit.along - door.width / 2, hit.along + door.width / 2
        if start < -DOOR_WALL_TOLERANCE or end > length + DOOR_WALL_TOLERANCE:
            overrun = max(-start, end - length)
            raise GeometryError(
                f"{name} runs {overrun:.2f} m past the corner of its wall "
                f"(a {door.width:.2f} m opening centred {hit.along:.2f} m along a {length:.2f} m wall)",
                location=where,
                hint="move the door centre along the wall so the whole opening lies on it",
            )
    mains = [door_label(d, i) for i, d in enumerate(venue.doors, start=1) if d.main]
    if len(mains) > 1:
        raise GeometryError(
            f"{len(mains)} doors are marked main ({', '.join(mains)}); a room has one main entrance",
            location=_loc(source, "venue.doors"),
            hint="mark only the 正门 with main = true; seat precedence (面门为上) is measured from it",
        )


def _validate_stage(venue: Venue, room: Polygon, source: str | Path) -> None:
    if venue.stage_depth <= 0:
        return
    _, ymin, _, ymax = room.bounds
    depth = ymax - ymin
    if venue.stage_depth >= depth - _EPS:
        raise GeometryError(
            f"the stage is {venue.stage_depth:.2f} m deep but the room is only {depth:.2f} m deep",
            location=_loc(source, "venue.stage_depth", venue.stage_depth),
            hint="give the stage depth from the front wall in metres, less than the room depth",
        )


# ---------------------------------------------------------------------------------------------
# usable area
# ---------------------------------------------------------------------------------------------


def usable_area(
    venue: Venue,
    *,
    wall_clearance: float,
    obstacle_clearance: float | None = None,
    stage_clearance: float = 0.0,
) -> BaseGeometry:
    """Return the floor where furniture may stand.

    The room is eroded by ``wall_clearance`` (the walkway along the walls, 0.9 m in
    :class:`~seatplan.layout.spacing.Spacing`, R-PHY-9/R-PHY-11), then the obstacles grown by
    ``obstacle_clearance`` and the stage grown by ``stage_clearance`` are cut out. Offsets use
    mitred corners, so rectangular rooms and pillars stay rectangular (slightly conservative at
    re-entrant corners).

    Parameters
    ----------
    venue
        The room.
    wall_clearance
        Walkway kept free along every wall, metres (>= 0).
    obstacle_clearance
        Walkway kept round every obstacle, metres; ``None`` = same as ``wall_clearance``.
    stage_clearance
        Gap kept in front of the stage, metres (the theatre generator's ``front_gap``).

    Returns
    -------
    shapely geometry
        A Polygon or MultiPolygon; empty if nothing is left.

    Raises
    ------
    GeometryError
        For a negative clearance or an invalid room (see :func:`room_polygon`).
    """
    obstacle_clearance = wall_clearance if obstacle_clearance is None else obstacle_clearance
    for key, value in (
        ("wall_clearance", wall_clearance),
        ("obstacle_clearance", obstacle_clearance),
        ("stage_clearance", stage_clearance),
    ):
        if not (math.isfinite(value) and value >= 0):
            raise GeometryError(f"{key} must be a finite number >= 0, got {value}", location=Location(field=key))
    room = room_polygon(venue)
    area: BaseGeometry = room.buffer(-wall_clearance, join_style="mitre") if wall_clearance > 0 else room
    cut: list[BaseGeometry] = [
        o.buffer(obstacle_clearance, join_style="mitre") if obstacle_clearance > 0 else o
        for o in obstacle_polygons(venue)
    ]
    stage = stage_polygon(venue, room=room)
    if stage is not None:
        cut.append(stage.buffer(stage_clearance, join_style="mitre") if stage_clearance > 0 else stage)
    if cut:
        area = area.difference(shapely.union_all(cut))
    return area


# ---------------------------------------------------------------------------------------------
# seat placement checks
# ---------------------------------------------------------------------------------------------


class PlacementKind(StrEnum):
    """What a chair collides with."""

    SEAT = "seat"  # another chair
    TABLE = "table"
    OBSTACLE = "obstacle"
    STAGE = "stage"  # a floor (non-dais) chair on the stage
    WALL = "wall"  # sticks out through a wall, or lies outside the room


@dataclass(frozen=True)
class PlacementIssue:
    """One chair placed where it cannot stand.

    Parameters
    ----------
    kind
        What the chair collides with.
    seat_ids
        The seats involved: two for :attr:`PlacementKind.SEAT`, one otherwise.
    message
        Plain-language sentence naming the seats and the other element.
    """

    kind: PlacementKind
    seat_ids: tuple[str, ...]
    message: str


def seat_footprints(
    seats: Sequence[Seat],
    *,
    seat_size: tuple[float, float] = (0.5, 0.5),
    shrink: float = 0.0,
) -> np.ndarray:
    """Return the chair footprints as an array of shapely polygons (vectorised).

    Parameters
    ----------
    seats
        Seats; ``(x, y)`` is the chair centre, ``facing`` turns the rectangle.
    seat_size
        ``(width, depth)`` of a chair in metres: width across the seated person, depth along
        the facing.
    shrink
        Metres taken off every side (used to ignore touching and shallow overlaps).

    Returns
    -------
    numpy.ndarray
        Object array of ``len(seats)`` polygons, in seat order.
    """
    width, depth = seat_size
    hw, hd = width / 2 - shrink, depth / 2 - shrink
    if not (hw > 0 and hd > 0):
        raise GeometryError(
            f"seat size {width} × {depth} m is too small (less than twice the tolerance {shrink} m)",
            location=Location(field="seat_size", value=seat_size),
        )
    n = len(seats)
    if n == 0:
        return np.empty(0, dtype=object)
    xy = np.fromiter((c for s in seats for c in (s.x, s.y)), dtype=float, count=2 * n).reshape(n, 2)
    angle = np.radians(np.fromiter((s.facing for s in seats), dtype=float, count=n))
    f = np.column_stack((np.cos(angle), np.sin(angle)))  # facing
    left = np.column_stack((-f[:, 1], f[:, 0]))  # the person's own left
    corners = np.stack(
        (
            xy + f * hd + left * hw,
            xy - f * hd + left * hw,
            xy - f * hd - left * hw,
            xy + f * hd - left * hw,
        ),
        axis=1,
    )
    return shapely.polygons(corners)


def check_seats(
    seats: Sequence[Seat],
    venue: Venue,
    *,
    seat_size: tuple[float, float] = (0.5, 0.5),
    tables: Sequence[BaseGeometry] = (),
    table_labels: Sequence[str] = (),
    tolerance: float = 0.005,
) -> list[PlacementIssue]:
    """Report chairs that overlap each other, a table, an obstacle, the stage or a wall.

    Vectorised with shapely 2 (footprints built as one array, an ``STRtree`` queried with the
    ``intersects`` predicate), so 10,000 seats take a fraction of a second.

    Touching is not overlapping: every footprint is shrunk by ``tolerance`` before testing
    (half of it for chair against chair), so chairs set flush with a table edge (R-PHY-11,
    gap 0) or side by side at exactly one chair width apart are fine. Dais seats (section
    ``dais...``) may stand on the stage; every other seat on the stage is reported.

    Parameters
    ----------
    seats
        The seats to check; ``(x, y)`` is the chair centre.
    venue
        The room (outline, obstacles, stage).
    seat_size
        ``(width, depth)`` of a chair footprint in metres.
    tables
        Table outlines (shapely geometries) in the same frame.
    table_labels
        Names for the tables in messages (``"3"`` → ``"table 3"``); default their 1-based index.
    tolerance
        Overlaps shallower than this (metres) are ignored.

    Returns
    -------
    list of PlacementIssue
        Sorted by kind (seat, table, obstacle, stage, wall), then by seat order.
    """
    if not (math.isfinite(tolerance) and tolerance >= 0):
        raise GeometryError(f"tolerance must be >= 0, got {tolerance}", location=Location(field="tolerance"))
    if table_labels and len(table_labels) != len(tables):
        raise GeometryError(
            f"{len(table_labels)} table labels for {len(tables)} tables",
            location=Location(field="table_labels"),
        )
    n = len(seats)
    if n == 0:
        return []
    ids = [s.id for s in seats]
    room = room_polygon(venue)
    half = seat_footprints(seats, seat_size=seat_size, shrink=tolerance / 2)
    full = seat_footprints(seats, seat_size=seat_size, shrink=tolerance)
    issues: list[PlacementIssue] = []

    # chair against chair: each unordered pair once
    tree = shapely.STRtree(half)
    a, b = tree.query(half, predicate="intersects")
    keep = a < b
    pairs = sorted(zip(a[keep].tolist(), b[keep].tolist()))
    for i, j in pairs:
        issues.append(
            PlacementIssue(PlacementKind.SEAT, (ids[i], ids[j]), f"chairs {ids[i]} and {ids[j]} overlap")
        )

    def against(
        kind: PlacementKind,
        others: Sequence[BaseGeometry],
        names: Sequence[str],
        mask: np.ndarray | None = None,
    ) -> None:
        if not others:
            return
        others_tree = shapely.STRtree(np.asarray(list(others), dtype=object))
        s_idx, o_idx = others_tree.query(full, predicate="intersects")
        if mask is not None:
            sel = mask[s_idx]
            s_idx, o_idx = s_idx[sel], o_idx[sel]
        for i, k in sorted(zip(s_idx.tolist(), o_idx.tolist())):
            issues.append(PlacementIssue(kind, (ids[i],), f"chair {ids[i]} overlaps {names[k]}"))

    table_names = [f"table {lab}" for lab in table_labels] if table_labels else [
        f"table {k}" for k in range(1, len(tables) + 1)
    ]
    against(PlacementKind.TABLE, tables, table_names)
    obstacles = obstacle_polygons(venue)
    against(PlacementKind.OBSTACLE, obstacles, [_describe_obstacle(k, o) for k, o in enumerate(obstacles, 1)])
    stage = stage_polygon(venue, room=room)
    if stage is not None and not stage.is_empty:
        floor = np.fromiter((not s.is_dais for s in seats), dtype=bool, count=n)
        against(PlacementKind.STAGE, [stage], ["the stage"], mask=floor)

    shapely.prepare(room)
    inside = shapely.covers(room, full)
    touching = shapely.intersects(full, room)
    for i in np.flatnonzero(~inside).tolist():
        s = seats[i]
        where = _fmt_pt(s.x, s.y)
        text = (
            f"chair {ids[i]} at {where} sticks out through a wall"
            if touching[i]
            else f"chair {ids[i]} at {where} lies outside the room"
        )
        issues.append(PlacementIssue(PlacementKind.WALL, (ids[i],), text))
    return issues


# ---------------------------------------------------------------------------------------------
# door clear zones
# ---------------------------------------------------------------------------------------------


def door_zones(venue: Venue, *, depth: float, room: Polygon | None = None) -> list[Polygon]:
    """Return the floor kept clear inside every door, in venue door order.

    Each zone is the door opening (its width along its wall) extended ``depth`` metres into the
    room (R-PHY-4: no steps within 1.40 m inside an exit door; seats and tables are kept out of
    the same zone so that the door can be used).

    Parameters
    ----------
    venue
        The room; its doors must lie on walls (see :func:`validate_venue`).
    depth
        How far the zone reaches into the room, metres.
    room
        The room polygon, if already built.
    """
    room = room if room is not None else room_polygon(venue)
    out: list[Polygon] = []
    for door in venue.doors:
        wall, _ = door_wall(door, room)
        (ax, ay), (bx, by) = wall.coords[0], wall.coords[-1]
        length = math.hypot(bx - ax, by - ay)
        tx, ty = (bx - ax) / length, (by - ay) / length
        along = wall.project(Point(door.x, door.y))
        cx, cy = ax + tx * along, ay + ty * along
        nx, ny = -ty, tx
        if not room.contains(Point(cx + nx * 1e-3, cy + ny * 1e-3)):
            nx, ny = -nx, -ny
        h = door.width / 2
        pts = [
            (cx - tx * h, cy - ty * h),
            (cx + tx * h, cy + ty * h),
            (cx + tx * h + nx * depth, cy + ty * h + ny * depth),
            (cx - tx * h + nx * depth, cy - ty * h + ny * depth),
        ]
        out.append(orient(Polygon(pts), sign=1.0))
    return out


def inside_door_point(venue: Venue, door: Door, *, distance: float, room: Polygon | None = None) -> tuple[float, float]:
    """A point ``distance`` metres inside a door, on the normal through its centre."""
    room = room if room is not None else room_polygon(venue)
    wall, _ = door_wall(door, room)
    (ax, ay), (bx, by) = wall.coords[0], wall.coords[-1]
    length = math.hypot(bx - ax, by - ay)
    tx, ty = (bx - ax) / length, (by - ay) / length
    along = wall.project(Point(door.x, door.y))
    cx, cy = ax + tx * along, ay + ty * along
    nx, ny = -ty, tx
    if not room.contains(Point(cx + nx * 1e-3, cy + ny * 1e-3)):
        nx, ny = -nx, -ny
    return (cx + nx * distance, cy + ny * distance)


# ---------------------------------------------------------------------------------------------
# generated layouts: what a generator built (checked in seatplan.layout.check)
# ---------------------------------------------------------------------------------------------


class LayoutKind(Choice):
    """The furniture layouts seatplan can generate (design guide §4)."""

    THEATRE = "theatre", "剧院式"  # rows of chairs facing the stage
    CLASSROOM = "classroom", "课桌式"  # rows of tables with chairs facing the front
    DAIS = "dais", "主席台"  # rows of tables on a raised area facing the audience
    BOARDROOM = "boardroom", "会议桌", "长条桌"  # one long table
    OVAL = "oval", "椭圆桌", "boardroom-oval"  # a rounded (racetrack) table
    U_SHAPE = "u-shape", "U形", "u", "ushape"
    HOLLOW_SQUARE = "hollow-square", "回字形", "hollow", "hollowsquare"

    @classmethod
    def coerce(cls, value: LayoutKind | str, *, field: str = "layout") -> LayoutKind:
        """Read a kind from the enum, its value, or a common alias (``"u"``, ``"回字形"``...).

        Raises
        ------
        GeometryError
            Naming the value and the allowed kinds.
        """
        member: LayoutKind | None = find_choice(cls, value)
        if member is not None:
            return member
        allowed = ", ".join(repr(m.value) for m in cls)
        raise GeometryError(
            f"unknown layout {value!r}",
            location=Location(field=field, value=value),
            hint=f"use one of {allowed}",
        )


class RowAccess(StrEnum):
    """Where the people of a row walk to reach an aisle."""

    FRONT = "front"  # theatre rows: the passage in front of the seats
    BACK = "back"  # classroom rows: the table is in front, the passage behind the chairs
    NONE = "none"  # no rows (tables): each chair is reached from the floor behind it


@dataclass(frozen=True)
class PlannedAisle:
    """An aisle a generator kept free.

    Parameters
    ----------
    name
        Label (``"纵走道 1"``, ``"边走道 左"``, ``"横走道 1"``, ``"后走道"``).
    kind
        Longitudinal, side or cross aisle (:class:`~seatplan.layout.firecode.AisleKind`).
    width
        Clear width the generator sized it to, metres (R-PHY-3).
    polygon
        The clear zone: no chair may stand in it. Side aisles share the wall band.
    after_row
        Cross aisles: the row they run behind.
    probe
        True if row ends may open onto it (the zone a row end is traced into).
    """

    name: str
    kind: AisleKind
    width: float
    polygon: BaseGeometry
    after_row: int | None = None
    probe: bool = True


@dataclass(frozen=True)
class GeneratedLayout:
    """A generated layout with what is needed to check it.

    Parameters
    ----------
    kind
        Which generator made it.
    layout
        Seats (numbered, with position and facing) and outlines to draw.
    spacing, profile
        The distances and the fire-code profile it was built to.
    seat_pitch
        Nominal distance between neighbouring seats of a row or table side, metres.
    row_pitch
        Nominal row spacing (0 for table layouts), metres.
    row_access
        Where the people of a row walk to reach an aisle.
    aisles
        The aisles kept free (theatre and classroom).
    tables
        Furniture outlines chairs must not overlap (shapely geometries).
    table_labels
        Names of the tables for messages.
    front_line
        y of the screen / stage edge the layout faces (classroom R-PHY-9 check), or ``None``.
    door_rule
        True if the exits must meet R-PHY-4 (theatre-type seating).
    params
        The generator parameters used, as ``(name, value)`` pairs, for reports.
    notes
        Plain sentences about choices made (seats left out at a pillar...).
    rows, aisle_specs
        The row segments and aisles as the generator sized them (the checker derives its own).
    passage
        Where a row's people walk to the aisles: metres from the seat centres along their
        facing (in front of theatre seats > 0, behind classroom chairs < 0).
    """

    kind: LayoutKind
    layout: Layout
    spacing: Spacing
    profile: FireProfile
    seat_pitch: float
    row_pitch: float = 0.0
    row_access: RowAccess = RowAccess.NONE
    aisles: tuple[PlannedAisle, ...] = ()
    tables: tuple[BaseGeometry, ...] = ()
    table_labels: tuple[str, ...] = ()
    front_line: float | None = None
    door_rule: bool = False
    params: tuple[tuple[str, object], ...] = ()
    notes: tuple[str, ...] = ()
    rows: tuple[RowSpec, ...] = ()
    aisle_specs: tuple[AisleSpec, ...] = ()
    passage: float = 0.0

    @property
    def seats(self) -> tuple[Seat, ...]:
        """The seats of the layout."""
        return self.layout.seats

    @property
    def seat_count(self) -> int:
        """Number of seats."""
        return len(self.layout.seats)

    def param(self, name: str, default: object = None) -> object:
        """The value of one generator parameter (``None`` if not recorded)."""
        return dict(self.params).get(name, default)


def _chair_corners(x: np.ndarray, y: np.ndarray, facing_deg: np.ndarray, width: float, depth: float) -> np.ndarray:
    """Corners (n, 4, 2) of chair rectangles: depth along the facing, width across it."""
    angle = np.radians(facing_deg)
    f = np.column_stack((np.cos(angle), np.sin(angle)))
    left = np.column_stack((-f[:, 1], f[:, 0]))
    xy = np.column_stack((x, y))
    hw, hd = width / 2, depth / 2
    return np.stack(
        (xy + f * hd + left * hw, xy - f * hd + left * hw, xy - f * hd - left * hw, xy + f * hd - left * hw), axis=1
    )


def chair_polygons(
    x: np.ndarray, y: np.ndarray, facing_deg: np.ndarray, *, width: float, depth: float, shrink: float = 0.0
) -> np.ndarray:
    """Chair footprints from coordinate arrays (vectorised twin of :func:`seat_footprints`)."""
    return shapely.polygons(_chair_corners(x, y, facing_deg, width - 2 * shrink, depth - 2 * shrink))
