"""Room geometry: the room polygon, venue validation, usable floor and seat-placement checks.

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
from seatplan.layout.firecode import AisleKind, AisleSpec, CodeViolation, FireProfile, RowSpec, Severity, check_theatre
from seatplan.layout.spacing import Spacing
from seatplan.model.enums import ShapeKind
from seatplan.model.problem import Layout
from seatplan.model.seats import Seat
from seatplan.model.venue import Door, Shape, Venue

__all__ = [
    "DOOR_WALL_TOLERANCE",
    "GeneratedLayout",
    "LayoutCheck",
    "LayoutKind",
    "PlacementIssue",
    "PlacementKind",
    "PlannedAisle",
    "RowAccess",
    "RowSegment",
    "chair_polygons",
    "check_layout",
    "check_seats",
    "door_label",
    "door_wall",
    "door_zones",
    "inside_door_point",
    "row_segments",
    "trace_segments",
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
# generated layouts: what a generator built, and how it is checked
# ---------------------------------------------------------------------------------------------


class LayoutKind(StrEnum):
    """The furniture layouts seatplan can generate (design guide §4)."""

    THEATRE = "theatre"  # 剧院式: rows of chairs facing the stage
    CLASSROOM = "classroom"  # 课桌式: rows of tables with chairs facing the front
    DAIS = "dais"  # 主席台: rows of tables on a raised area facing the audience
    BOARDROOM = "boardroom"  # 会议桌 (长条桌): one long table
    OVAL = "oval"  # 椭圆桌: a rounded (racetrack) table
    U_SHAPE = "u-shape"  # U形
    HOLLOW_SQUARE = "hollow-square"  # 回字形

    @classmethod
    def coerce(cls, value: LayoutKind | str, *, field: str = "layout") -> LayoutKind:
        """Read a kind from the enum, its value, or a common alias (``"u"``, ``"回字形"``...).

        Raises
        ------
        GeometryError
            Naming the value and the allowed kinds.
        """
        if isinstance(value, cls):
            return value
        text = str(value).strip().lower().replace("_", "-").replace(" ", "-")
        aliases = {
            "剧院式": cls.THEATRE, "课桌式": cls.CLASSROOM, "主席台": cls.DAIS, "会议桌": cls.BOARDROOM,
            "长条桌": cls.BOARDROOM, "椭圆桌": cls.OVAL, "u形": cls.U_SHAPE, "u": cls.U_SHAPE,
            "ushape": cls.U_SHAPE, "回字形": cls.HOLLOW_SQUARE, "hollow": cls.HOLLOW_SQUARE,
            "hollowsquare": cls.HOLLOW_SQUARE, "boardroom-oval": cls.OVAL,
        }
        if text in aliases:
            return aliases[text]
        for member in cls:
            if text == member.value:
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


@dataclass(frozen=True)
class RowSegment:
    """A run of neighbouring seats in one row, and where its two ends lead.

    Parameters
    ----------
    section, row
        The row (seat section and row number).
    seat_ids
        Seats along the row in order (AV left → right for seats facing the front).
    first, last
        Index (into the aisle list traced against) of the aisle the first / last seat's end
        opens onto; ``None`` when that end is closed (a pillar, a wall, another chair).
    position
        Mean seat position, metres.
    """

    section: str
    row: int
    seat_ids: tuple[str, ...]
    first: int | None
    last: int | None
    position: tuple[float, float]

    @property
    def open_ends(self) -> int:
        """Number of ends that open onto an aisle (0, 1 or 2)."""
        return (self.first is not None) + (self.last is not None)

    def drains(self) -> dict[int, int]:
        """Aisle index → persons leaving this segment by it.

        With both ends open, the seats nearer the first end (the middle seat of an odd run
        included) leave by it, the others by the last end; with one end open, all leave by it.
        """
        n = len(self.seat_ids)
        if self.first is not None and self.last is not None:
            if self.first == self.last:
                return {self.first: n}
            return {self.first: (n + 1) // 2, self.last: n // 2}
        if self.first is not None:
            return {self.first: n}
        if self.last is not None:
            return {self.last: n}
        return {}


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


def trace_segments(
    x: np.ndarray,
    y: np.ndarray,
    facing_deg: np.ndarray,
    row_keys: Sequence[object],
    *,
    room: Polygon,
    obstacles: Sequence[BaseGeometry],
    tables: Sequence[BaseGeometry],
    aisles: Sequence[BaseGeometry],
    seat_size: tuple[float, float],
    seat_pitch: float,
    passage: float = 0.0,
    probe_length: float = 3.0,
    step: float = 0.1,
) -> list[tuple[object, np.ndarray, int | None, int | None]]:
    """Split rows into runs of neighbouring seats and trace where each run's ends lead.

    Seats of one row (same key) are ordered along the row (the mean of their right-hand
    directions) and split where two neighbours are more than 1.5 seat pitches apart. From each
    end a probe runs outward along the row, level with the row's passage (``passage`` metres
    from the seat centres along their facing: positive in front of theatre seats, negative
    behind classroom chairs), in ``step`` metre steps up to ``probe_length``: the end is *open*
    onto the first aisle the probe reaches before it meets a chair, a table, an obstacle or a
    wall; otherwise it is closed.

    Returns
    -------
    list of (key, seat indices in row order, first-end aisle or None, last-end aisle or None)
    """
    n = len(x)
    if n == 0:
        return []
    cw, cd = seat_size
    groups: dict[object, list[int]] = {}
    for i, key in enumerate(row_keys):
        groups.setdefault(key, []).append(i)
    angle = np.radians(facing_deg)
    right = np.column_stack((np.sin(angle), -np.cos(angle)))
    # the passage point of every seat: where its row's people walk
    pass_x = x + np.cos(angle) * passage
    pass_y = y + np.sin(angle) * passage
    # touching is not blocking: pillars and tables count 1 mm inside their outlines
    obstacles = [o.buffer(-0.001, join_style="mitre") for o in obstacles]
    tables = [t.buffer(-0.001, join_style="mitre") for t in tables]
    block_tree = shapely.STRtree(np.asarray(list(obstacles), dtype=object)) if len(obstacles) else None
    runs: list[tuple[object, np.ndarray]] = []
    for key, members in groups.items():
        idx = np.asarray(members)
        r = right[idx].mean(axis=0)
        norm = math.hypot(r[0], r[1]) or 1.0
        proj = (x[idx] * r[0] + y[idx] * r[1]) / norm
        order = idx[np.argsort(proj, kind="stable")]
        if len(order) > 1:
            gaps = np.hypot(np.diff(x[order]), np.diff(y[order]))
            cut = gaps > 1.5 * seat_pitch
            if block_tree is not None:
                # a pillar standing in the passage between two neighbours cuts the row there
                steps = shapely.linestrings(np.stack(
                    (np.column_stack((pass_x[order[:-1]], pass_y[order[:-1]])),
                     np.column_stack((pass_x[order[1:]], pass_y[order[1:]]))), axis=1))
                hit, _ = block_tree.query(steps, predicate="intersects")
                cut[hit] = True
            cuts = np.flatnonzero(cut) + 1
            pieces = np.split(order, cuts)
        else:
            pieces = [order]
        runs += [(key, p) for p in pieces]

    # probes: two per run (first end outward, last end outward)
    starts: list[tuple[float, float]] = []
    dirs: list[tuple[float, float]] = []
    owner: list[int] = []
    for _, p in runs:
        for is_first in (True, False):
            end = p[0] if is_first else p[-1]
            nxt = (p[1] if is_first else p[-2]) if len(p) > 1 else None
            if nxt is None:
                sign = -1.0 if is_first else 1.0
                d = (right[end][0] * sign, right[end][1] * sign)
            else:
                dx, dy = x[end] - x[nxt], y[end] - y[nxt]
                norm = math.hypot(dx, dy) or 1.0
                d = (dx / norm, dy / norm)
            dirs.append(d)
            fa = math.radians(float(facing_deg[end]))
            px, py = x[end] + math.cos(fa) * passage, y[end] + math.sin(fa) * passage
            starts.append((px, py))
            owner.append(int(end))
    k = max(1, round((probe_length + cw / 2) / step))
    s = np.asarray(starts)
    d = np.asarray(dirs)
    owner_arr = np.asarray(owner)
    n_probe = len(starts)
    chairs = chair_polygons(x, y, facing_deg, width=cw, depth=cd, shrink=0.001)
    trees: list[tuple[shapely.STRtree, bool]] = [(shapely.STRtree(chairs), True)]
    for group in (tables, obstacles):
        if len(group):
            trees.append((shapely.STRtree(np.asarray(list(group), dtype=object)), False))
    aisle_tree = shapely.STRtree(np.asarray(list(aisles), dtype=object)) if aisles else None
    shapely.prepare(room)
    never = np.iinfo(np.int64).max

    def evaluate(ids: np.ndarray, k0: int, k1: int) -> tuple[np.ndarray, np.ndarray]:
        """First blocked step and first (sample, aisle) code of probes ``ids`` in [k0, k1).

        A step is the stretch from sample j to sample j + 1; it is blocked if it touches a chair,
        a table or an obstacle (stretches, not points, so that a probe cannot slip past the
        corner of a pillar between two samples), or if sample j lies outside the room.
        """
        width = k1 - k0
        t = np.arange(k0, k1 + 1) * step
        grid = s[ids, None, :] + d[ids, None, :] * t[None, :, None]  # (probes, width + 1, 2)
        pts = grid[:, :-1, :].reshape(-1, 2)
        geoms = shapely.points(pts)
        steps = shapely.linestrings(np.stack((grid[:, :-1, :], grid[:, 1:, :]), axis=2).reshape(-1, 2, 2))
        blocked = np.full(len(ids), k, dtype=np.int64)
        for tree, own in trees:
            a, b = tree.query(steps, predicate="intersects")
            probe, sample = a // width, a % width + k0
            if own:
                keep = b != owner_arr[ids[probe]]
                probe, sample = probe[keep], sample[keep]
            np.minimum.at(blocked, probe, sample)
        out_idx = np.flatnonzero(~shapely.intersects_xy(room, pts[:, 0], pts[:, 1]))
        np.minimum.at(blocked, out_idx // width, out_idx % width + k0)
        best = np.full(len(ids), never, dtype=np.int64)
        if aisle_tree is not None:
            a, b = aisle_tree.query(geoms, predicate="intersects")
            np.minimum.at(best, a // width, (a % width + k0) * 10_000 + b)
        return blocked, best

    # most ends open onto an aisle within a few steps: look there first, then further out
    near = min(k, 6)
    blocked, best = evaluate(np.arange(n_probe), 0, near)
    first_aisle = np.where(best != never, best // 10_000, k)
    pending = np.flatnonzero((blocked >= near) & (first_aisle >= near))
    if len(pending) and near < k:
        b2, best2 = evaluate(pending, near, k)
        blocked[pending] = np.minimum(blocked[pending], b2)
        best[pending] = np.minimum(best[pending], best2)
    has = best != never
    sample = np.where(has, best // 10_000, k)
    reach = np.where(has & (sample < blocked), best % 10_000, -1)
    out: list[tuple[object, np.ndarray, int | None, int | None]] = []
    for j, (key, p) in enumerate(runs):
        first, last = int(reach[2 * j]), int(reach[2 * j + 1])
        out.append((key, p, first if first >= 0 else None, last if last >= 0 else None))
    return out


def _seat_arrays(seats: Sequence[Seat]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    n = len(seats)
    x = np.fromiter((s.x for s in seats), dtype=float, count=n)
    y = np.fromiter((s.y for s in seats), dtype=float, count=n)
    f = np.fromiter((s.facing for s in seats), dtype=float, count=n)
    return x, y, f


def row_segments(generated: GeneratedLayout) -> list[RowSegment]:
    """Trace the row runs of a generated layout (seats without a table label).

    Uses :func:`trace_segments` against the layout's aisles that row ends may open onto; the
    ``first``/``last`` indices of each :class:`RowSegment` index ``generated.aisles``.
    """
    if generated.row_access is RowAccess.NONE:
        return []
    seats = [s for s in generated.seats if not s.table]
    if not seats:
        return []
    venue = generated.layout.venue
    room = room_polygon(venue)
    sp = generated.spacing
    probe_idx = [i for i, a in enumerate(generated.aisles) if a.probe]
    x, y, f = _seat_arrays(seats)
    traced = trace_segments(
        x, y, f, [(s.section, s.row) for s in seats],
        room=room,
        obstacles=obstacle_polygons(venue),
        tables=generated.tables,
        aisles=[generated.aisles[i].polygon for i in probe_idx],
        seat_size=(sp.chair_width, sp.chair_depth),
        seat_pitch=generated.seat_pitch,
        passage=generated.passage,
    )
    out: list[RowSegment] = []
    for key, idx, first, last in traced:
        section, row = key  # type: ignore[misc]
        out.append(
            RowSegment(
                section=section,
                row=row,
                seat_ids=tuple(seats[i].id for i in idx),
                first=None if first is None else probe_idx[first],
                last=None if last is None else probe_idx[last],
                position=(float(x[idx].mean()), float(y[idx].mean())),
            )
        )
    return out


@dataclass(frozen=True)
class LayoutCheck:
    """Everything wrong with a generated layout (empty tuples: nothing).

    Parameters
    ----------
    seats
        Number of seats checked.
    placement
        Chairs overlapping chairs, tables, obstacles, the stage or walls (:func:`check_seats`).
    violations
        Code and clearance breaches with rule, place and numbers: R-PHY-1..7 from
        :func:`~seatplan.layout.firecode.check_theatre` on the rows and aisles *derived from the
        seats*, chairs standing in an aisle or in a door's clear zone, R-PHY-8/9/11 clearances.
    unreachable
        Seats from which no aisle (rows) or no walkway to the main door (tables) can be reached.
    rows, aisles
        The row segments and aisles as derived by the check (aisle persons served counted
        from where each seat leaves its row).
    """

    seats: int
    placement: tuple[PlacementIssue, ...] = ()
    violations: tuple[CodeViolation, ...] = ()
    unreachable: tuple[str, ...] = ()
    rows: tuple[RowSpec, ...] = ()
    aisles: tuple[AisleSpec, ...] = ()

    @property
    def ok(self) -> bool:
        """True when nothing at all is wrong (advisory breaches included)."""
        return not (self.placement or self.violations or self.unreachable)

    def messages(self) -> list[str]:
        """One line per problem, placement first."""
        lines = [f"[placement] {p.message}" for p in self.placement]
        lines += [f"[{v.rule}, {v.severity.value}] {v.where}: {v.message}" for v in self.violations]
        return lines


def _ids_text(ids: Sequence[str], limit: int = 4) -> str:
    text = ", ".join(ids[:limit])
    return text + (f" and {len(ids) - limit} more" if len(ids) > limit else "")


def check_layout(generated: GeneratedLayout, *, profile: FireProfile | None = None) -> LayoutCheck:
    """Check a generated layout: placement, aisles, rows, exits and clearances.

    The check does not trust the generator's own bookkeeping: row runs, their open ends, the
    row pitch and the persons each aisle serves are derived again from the seat positions, the
    aisle zones and the room (:func:`row_segments`), then handed to
    :func:`~seatplan.layout.firecode.check_theatre` (R-PHY-1/2/3/5/7, and R-PHY-4 exits for
    theatre-type layouts).

    Persons served (rule book silent; the choice made here): a seat leaves its row by the
    nearer open end (:meth:`RowSegment.drains`); the rows between two cross aisles form a
    *bank*, which empties through the cross aisle behind it (the last bank through the rear
    aisle) towards exits at both of its ends. A longitudinal or side aisle therefore serves the
    largest number of persons it takes from one bank; a cross aisle half of its bank.

    Further checks: no chair stands in an aisle zone or inside a door's 1.40 m clear zone
    (R-PHY-3, R-PHY-4); a pillar standing in an aisle keeps the aisle's width round it; classroom
    rows keep the chair back to the next table (R-PHY-9) and the first table from the screen
    (R-PHY-9); table layouts keep the walkway to walls and pillars (R-PHY-11), the length per
    person (R-PHY-8) and a way from the main door to every chair.

    Parameters
    ----------
    generated
        The layout and the facts it was generated with.
    profile
        Fire-code profile; default the one it was generated with.

    Returns
    -------
    LayoutCheck
    """
    profile = profile or generated.profile
    sp = generated.spacing
    venue = generated.layout.venue
    seats = generated.seats
    room = room_polygon(venue)
    obstacles = obstacle_polygons(venue)
    placement = tuple(
        check_seats(
            seats, venue, seat_size=(sp.chair_width, sp.chair_depth), tables=generated.tables,
            table_labels=generated.table_labels,
        )
    )
    if not seats:
        return LayoutCheck(0, placement)
    ids = [s.id for s in seats]
    x, y, f = _seat_arrays(seats)
    chairs = chair_polygons(x, y, f, width=sp.chair_width, depth=sp.chair_depth, shrink=0.005)
    violations: list[CodeViolation] = []

    for a in generated.aisles:
        inside = np.flatnonzero(shapely.intersects(chairs, a.polygon))
        if len(inside):
            bad = [ids[i] for i in inside]
            violations.append(
                CodeViolation(
                    "R-PHY-3", f"aisle {a.name}",
                    f"{len(bad)} chairs stand in the {a.width:.2f} m clear width of the aisle ({_ids_text(bad)})",
                    0, len(bad),
                )
            )
        for k, o in enumerate(obstacles, start=1):
            if o.intersection(a.polygon).area <= _AREA_EPS:
                continue
            near = np.flatnonzero(shapely.distance(chairs, o) < a.width - 0.01)
            if len(near):
                bad = [ids[i] for i in near]
                violations.append(
                    CodeViolation(
                        "R-PHY-3", f"aisle {a.name}",
                        f"{_describe_obstacle(k, o)} stands in the aisle and chairs {_ids_text(bad)} leave less than "
                        f"the aisle's {a.width:.2f} m beside it",
                        a.width, round(float(shapely.distance(chairs[near], o).min()), 3),
                    )
                )

    for i, zone in enumerate(door_zones(venue, depth=sp.door_clear_depth, room=room), start=1):
        door = venue.doors[i - 1]
        inside = np.flatnonzero(shapely.intersects(chairs, zone))
        blocked_tables = [t for t in generated.tables if t.intersection(zone).area > _AREA_EPS]
        if len(inside) or blocked_tables:
            what = f"chairs {_ids_text([ids[j] for j in inside])}" if len(inside) else "a table"
            violations.append(
                CodeViolation(
                    "R-PHY-4", door_label(door, i),
                    f"{what} stand(s) within {sp.door_clear_depth:.2f} m inside the door; keep the exit clear",
                    sp.door_clear_depth, 0.0,
                )
            )

    rows: tuple[RowSpec, ...] = ()
    aisle_specs: tuple[AisleSpec, ...] = ()
    unreachable: list[str] = []
    if generated.row_access is not RowAccess.NONE:
        rows, aisle_specs, unreachable, row_violations = _check_rows(generated, profile, room)
        violations += row_violations
    else:
        unreachable, table_violations = _check_tables(generated, room, obstacles, chairs, ids)
        violations += table_violations
    return LayoutCheck(len(seats), placement, tuple(violations), tuple(unreachable), rows, aisle_specs)


def _row_pitches(seats: Sequence[Seat], default: float) -> dict[tuple[str, int], float]:
    """(section, row) → median distance from its seats to the nearest seat of the row in front.

    The front row, which has none, takes the value of the row behind it (else ``default``).
    """
    buckets: dict[tuple[str, int], list[tuple[float, float]]] = {}
    for s in seats:
        buckets.setdefault((s.section, s.row), []).append((s.x, s.y))
    groups = {k: np.asarray(v) for k, v in buckets.items()}
    out: dict[tuple[str, int], float] = {}
    for (section, row), pts in groups.items():
        front = groups.get((section, row - 1))
        if front is None:
            continue
        d = np.hypot(pts[:, None, 0] - front[None, :, 0], pts[:, None, 1] - front[None, :, 1]).min(axis=1)
        out[(section, row)] = float(np.median(d))
    for key in sorted(groups):
        if key not in out:
            out[key] = out.get((key[0], key[1] + 1), default)
    return out


def _back_clearance(generated: GeneratedLayout, room: Polygon) -> dict[str, float]:
    """Seat id → free distance behind the chair back to the next table or chair (≤ 3 m looked at)."""
    seats = [s for s in generated.seats if not s.table]
    sp = generated.spacing
    x, y, f = _seat_arrays(seats)
    a = np.radians(f)
    fx, fy = np.cos(a), np.sin(a)
    bx, by = x - fx * sp.chair_depth / 2, y - fy * sp.chair_depth / 2
    lines = shapely.linestrings(np.stack((np.column_stack((bx, by)), np.column_stack((bx - fx * 3, by - fy * 3))), axis=1))
    chairs = chair_polygons(x, y, f, width=sp.chair_width, depth=sp.chair_depth, shrink=0.005)
    furniture = shapely.union_all([*generated.tables, *chairs]) if generated.tables else shapely.union_all(chairs)
    out: dict[str, float] = {}
    points = shapely.points(np.column_stack((bx - fx * 0.01, by - fy * 0.01)))
    hit = shapely.intersection(lines, furniture)
    dist = shapely.distance(points, hit)
    for s, h, d in zip(seats, hit, dist):
        out[s.id] = math.inf if h.is_empty or not math.isfinite(d) else float(d) + 0.01
    return out


def _check_rows(
    generated: GeneratedLayout, profile: FireProfile, room: Polygon
) -> tuple[tuple[RowSpec, ...], tuple[AisleSpec, ...], list[str], list[CodeViolation]]:
    sp = generated.spacing
    venue = generated.layout.venue
    row_seats = [s for s in generated.seats if not s.table]
    segments = row_segments(generated)
    pitches = _row_pitches(row_seats, generated.row_pitch)
    clear_back = _back_clearance(generated, room) if generated.row_access is RowAccess.BACK else {}
    violations: list[CodeViolation] = []
    unreachable: list[str] = []

    longs = [
        (i, a.polygon.centroid) for i, a in enumerate(generated.aisles) if a.kind is AisleKind.LONGITUDINAL
    ]
    cuts = sorted({a.after_row for a in generated.aisles if a.kind is AisleKind.CROSS and a.after_row is not None})

    def bank_of(row: int) -> int:
        return sum(1 for c in cuts if c < row)

    keyed: dict[tuple[int, int], list[RowSegment]] = {}
    for seg in segments:
        block = 1 + sum(1 for _, c in longs if c.x < seg.position[0])
        keyed.setdefault((seg.row, block), []).append(seg)
    specs: list[RowSpec] = []
    served: dict[tuple[int, int], int] = {}
    bank_seats: dict[int, int] = {}
    for (row, block), segs in sorted(keyed.items()):
        segs.sort(key=lambda s: s.position[0])
        for part, seg in enumerate(segs, start=1 if len(segs) > 1 else 0):
            n = len(seg.seat_ids)
            bank_seats[bank_of(row)] = bank_seats.get(bank_of(row), 0) + n
            where = f"row {row}, block {block}" + (f", part {part}" if part else "")
            if seg.open_ends == 0:
                unreachable += seg.seat_ids
                violations.append(
                    CodeViolation(
                        "R-PHY-1", where,
                        f"{n} seats ({_ids_text(list(seg.seat_ids))}) cannot reach an aisle along their row",
                        0, n,
                    )
                )
                continue
            for aisle, persons in seg.drains().items():
                key = (aisle, bank_of(row))
                served[key] = served.get(key, 0) + persons
            pitch = pitches.get((seg.section, row), generated.row_pitch) or generated.row_pitch
            if generated.row_access is RowAccess.BACK:
                gaps = [clear_back[i] for i in seg.seat_ids]
                clear = min(gaps)
                clear_w: float | None = None if not math.isfinite(clear) else round(clear, 6)
                need = sp.chair_back_to_table
                if clear_w is not None and clear_w < need - 0.005:
                    violations.append(
                        CodeViolation(
                            "R-PHY-9", where,
                            f"chair back to the next table {clear_w:.2f} m; hotel practice asks for at least {need:.2f} m",
                            need, clear_w, Severity.ADVISORY,
                        )
                    )
            else:
                clear_w = round(max(0.0, pitch - sp.chair_depth), 6)
            specs.append(
                RowSpec(
                    row=row, block=block, seats=n, aisles=seg.open_ends, row_pitch=round(pitch, 6),
                    seat_width=round(generated.seat_pitch, 6) if generated.kind is LayoutKind.THEATRE else None,
                    clear_width=clear_w, part=part,
                )
            )
    aisle_specs: list[AisleSpec] = []
    for i, a in enumerate(generated.aisles):
        if a.kind is AisleKind.CROSS and a.after_row is not None:
            persons = (bank_seats.get(bank_of(a.after_row), 0) + 1) // 2
        else:
            persons = max((v for (j, _), v in served.items() if j == i), default=0)
        aisle_specs.append(AisleSpec(a.width, persons, a.kind, a.name, a.after_row))
    doors = venue.doors if generated.door_rule else None
    violations += check_theatre(specs, aisle_specs, doors, profile=profile)
    if generated.kind is LayoutKind.CLASSROOM and generated.front_line is not None and generated.tables:
        front = max(t.bounds[3] for t in generated.tables)
        gap = generated.front_line - front
        if gap < sp.front_table_to_screen - 0.005:
            violations.append(
                CodeViolation(
                    "R-PHY-9", "row 1",
                    f"the first table is {gap:.2f} m from the screen; at least {sp.front_table_to_screen:.2f} m is usual",
                    sp.front_table_to_screen, round(gap, 3), Severity.ADVISORY,
                )
            )
    return tuple(specs), tuple(aisle_specs), unreachable, violations


def _check_tables(
    generated: GeneratedLayout,
    room: Polygon,
    obstacles: list[Polygon],
    chairs: np.ndarray,
    ids: list[str],
) -> tuple[list[str], list[CodeViolation]]:
    sp = generated.spacing
    venue = generated.layout.venue
    seats = generated.seats
    violations: list[CodeViolation] = []
    walls = [room.exterior, *room.interiors, *(o.exterior for o in obstacles)]
    fixed = shapely.union_all(walls)
    furniture = [*chairs, *generated.tables]
    kinds_with_walkway = generated.kind is not LayoutKind.DAIS
    if kinds_with_walkway:
        d = shapely.distance(np.asarray(furniture, dtype=object), fixed)
        close = [i for i in range(len(chairs)) if d[i] < sp.wall_walkway - 0.01]
        if close:
            bad = [ids[i] for i in close]
            violations.append(
                CodeViolation(
                    "R-PHY-11", "walls",
                    f"chairs {_ids_text(bad)} leave {float(d[close].min()):.2f} m to a wall or pillar; keep a "
                    f"{sp.wall_walkway:.2f} m walkway",
                    sp.wall_walkway, round(float(d[close].min()), 3), Severity.ADVISORY,
                )
            )
        table_d = d[len(chairs):]
        if len(table_d) and float(table_d.min()) < sp.wall_walkway - 0.01:
            violations.append(
                CodeViolation(
                    "R-PHY-11", "walls",
                    f"a table stands {float(table_d.min()):.2f} m from a wall or pillar; keep a {sp.wall_walkway:.2f} m walkway",
                    sp.wall_walkway, round(float(table_d.min()), 3), Severity.ADVISORY,
                )
            )
        if len(seats) > 1:
            pts = np.column_stack(_seat_arrays(seats)[:2])
            dm = np.hypot(pts[:, None, 0] - pts[None, :, 0], pts[:, None, 1] - pts[None, :, 1])
            np.fill_diagonal(dm, np.inf)
            nearest = dm.min(axis=1)
            tight = np.flatnonzero(nearest < sp.meeting_table_per_person - 0.005)
            if len(tight):
                violations.append(
                    CodeViolation(
                        "R-PHY-8", "table",
                        f"seats {_ids_text([ids[i] for i in tight])} are {float(nearest[tight].min()):.2f} m apart; "
                        f"allow at least {sp.meeting_table_per_person:.2f} m of table per person",
                        sp.meeting_table_per_person, round(float(nearest[tight].min()), 3),
                    )
                )
    unreachable: list[str] = []
    main = venue.main_door
    if main is not None:
        free = room.difference(shapely.union_all([*obstacles, *generated.tables, *chairs]))
        walker = free.buffer(-0.15, join_style="mitre")
        start = Point(inside_door_point(venue, main, distance=0.3, room=room))
        parts = list(getattr(walker, "geoms", [walker]))
        reach = next((p for p in parts if p.distance(start) < 0.2), None)
        x, y, f = _seat_arrays(seats)
        a = np.radians(f)
        back = shapely.points(
            np.column_stack((x - np.cos(a) * (sp.chair_depth / 2 + 0.25), y - np.sin(a) * (sp.chair_depth / 2 + 0.25)))
        )
        ok = np.zeros(len(seats), dtype=bool) if reach is None else shapely.intersects(back, reach)
        unreachable = [ids[i] for i in np.flatnonzero(~ok)]
        if unreachable:
            violations.append(
                CodeViolation(
                    "R-PHY-11", door_label(main, venue.doors.index(main) + 1),
                    f"{len(unreachable)} chairs cannot be reached from the main door along a 0.30 m walkway "
                    f"({_ids_text(unreachable)})",
                    0, len(unreachable),
                )
            )
    return unreachable, violations
