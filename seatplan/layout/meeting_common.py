"""What the meeting-room generators share: the door frame, the result and a builder.

The generators live with their occasion: :mod:`~seatplan.layout.reception` (会见),
:mod:`~seatplan.layout.talks` (会谈), :mod:`~seatplan.layout.signing` (签字),
:mod:`~seatplan.layout.photo` (合影) and :mod:`~seatplan.layout.meeting_room` (a
long table, also used for 会谈 and the table forms of 会见). Each lays out one kind
of room and returns a :class:`RoomPlan`: the seats (chairs, sofas and standing
places, each with its ``facing``), the outlines to draw (tables, flags, riser,
camera) and named groups of seat ids. The generators place furniture; they do not
decide who is host and who is guest: the occasion modules hand the seats to the
precedence modules of :mod:`seatplan.protocol`, which compute precedence from the
seats' geometry, and then name the sections.

Door frame
----------
Everything is designed in a *door frame* ``(u, v)`` and turned into the plan
frame at the end, so a room whose main door is on any wall gets the same
furniture:

* ``v``: distance from the wall of the main door into the room (``v = 0`` on
  that wall; the far wall has the largest ``v``);
* ``u``: across the room, growing towards the right hand of a person who walks
  in through the main door (the entrant's right).

With the main door on the bottom edge of the plan (the usual case) the door
frame *is* the plan frame shifted: ``u`` = x, ``v`` = y, "facing the door" is
270°. Local facings below are degrees counter-clockwise from ``+u``.

Sizes (metres) and where they come from
---------------------------------------
Sizes a plan file can change live in :mod:`seatplan.model.rooms`; the others in the module of the
occasion that uses them (here when shared).

* Chairs 0.50 × 0.50 m, side gap 0.20 m, 0.60 m clear passage behind a chair,
  0.90 m walkway along walls: :class:`~seatplan.layout.spacing.Spacing`
  (R-PHY-9, R-PHY-11). Chairs are set flush with a table edge (R-PHY-11, T30).
* Table length per person at 会谈 0.80 m, in a small meeting room 0.70 m:
  R-PHY-8 (0.60 m minimum, 0.60–0.80 m typical; formal talks take the upper end).
* Table width: 1.2 m for up to 15 people at the table, 1.6 m above — the
  office-design guide quoted in R-PHY-11 (http://www.minshenggouwu.com/a/372.html:
  "小型會議室…可供15人會議…桌面寬度0.8m~1.2m"; "中型…1.6m~1.8m").
* 会见 in the centre, chair and face-to-face forms (R-MTG-2) sit on chairs at a
  table, with the 会谈 pitch and table widths above.
* A square table for multilateral talks is at least 1.2 m a side (assumption:
  as the smallest round table), 0.3 m left between two delegations' back rows.
* Reception armchairs (沙发) 0.80 m wide — the same guide: "接待区…沙发座椅…
  寬度0.8m~0.9m"; taken as square (0.80 m deep, an assumption). Tea tables
  (茶几) between armchairs 0.50 m (assumption).
* A chair or sofa set against a wall stands 0.12 m off it: the extra row spacing
  JGJ 57 asks for a last row against a wall (R-PHY-5, ``Spacing.last_row_wall_extra``).
* Signing table 2.4 m × 0.6 m: the long table length and the upper table depth
  of R-PHY-9 (1.8 / 2.4 m long, 45–60 cm deep); each signer sits at the middle
  of his half. Flag 0.45 m in front of the signer, assistant 0.70 m outward:
  the defaults of :func:`~seatplan.protocol.signing.rank_signing`.
* Standing and photo places 0.60 m apart: R-PHY-8's 0.60 m per person, the
  same as the photographers' rule of thumb of 2 ft per person
  (https://www.stepandrepeat.com/blog/2018/07/with-step-and-repeat-banners-size-does-matter/).
  A standing row (or riser step) is 0.50 m deep, one chair footprint (assumption).
* The camera mark of a photo is drawn 3 m in front of the front row (a mark
  only; the lens decides, R-MTG-7 "the front row is limited by what the lens
  can take").

Only this package imports shapely (design guide §4).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from shapely.geometry import Point, Polygon

from seatplan.errors import GeometryError, Location
from seatplan.layout.room import door_wall, obstacle_polygons, room_polygon, room_shapes
from seatplan.layout.spacing import Spacing
from seatplan.model import Layout, Seat, Shape, ShapeKind, Venue
from seatplan.model.rooms import PERSON_PITCH, TALKS_SEAT_PITCH

__all__ = [
    "FACE_AWAY",
    "FACE_DOOR",
    "FACE_LEFT",
    "FACE_RIGHT",
    "MEDIUM_TABLE_WIDTH",
    "PERSON_PITCH",
    "SMALL_ROOM_PEOPLE",
    "SMALL_TABLE_WIDTH",
    "STANDING_ROW_DEPTH",
    "TALKS_SEAT_PITCH",
    "RoomFrame",
    "RoomPlan",
    "default_table_width",
    "footprint",
    "relabel_seats",
    "room_frame",
]


#: Table width for up to :data:`SMALL_ROOM_PEOPLE` people, metres (minshenggouwu.com: 0.8–1.2 m).
SMALL_TABLE_WIDTH = 1.2
#: Table width above that, metres (minshenggouwu.com: medium rooms 1.6–1.8 m).
MEDIUM_TABLE_WIDTH = 1.6
#: Largest meeting at a "small room" table (minshenggouwu.com: "可供15人會議").
SMALL_ROOM_PEOPLE = 15
#: Depth of a standing row or riser step, metres (one chair footprint; assumption).
STANDING_ROW_DEPTH = 0.50

#: Local facings (degrees counter-clockwise from +u in the door frame).
FACE_DOOR = 270.0  # towards the main door's wall
FACE_AWAY = 90.0  # towards the far wall
FACE_RIGHT = 0.0  # towards the entrant's right
FACE_LEFT = 180.0  # towards the entrant's left

_EPS = 1e-6

Point2 = tuple[float, float]


# --------------------------------------------------------------------------------------
# the door frame
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RoomFrame:
    """The door frame of a room (see the module docstring).

    Parameters
    ----------
    origin
        Plan point of ``(u, v) = (0, 0)``: the middle of the main door opening
        (or of the bottom wall when the room has no door).
    across
        Plan unit vector of ``+u`` (the entrant's right).
    inward
        Plan unit vector of ``+v`` (from the door wall into the room).
    u_min, u_max, depth
        Extent of the room in the door frame: ``u`` from ``u_min`` to ``u_max``,
        ``v`` from 0 to ``depth``.
    has_door
        False when the room has no door and the bottom wall stands in for it.
    door_width
        Clear width of the main door, metres (0 without a door).
    """

    origin: Point2
    across: Point2
    inward: Point2
    u_min: float
    u_max: float
    depth: float
    has_door: bool = True
    door_width: float = 0.0

    @property
    def width(self) -> float:
        """Room width across the door frame, metres."""
        return self.u_max - self.u_min

    @property
    def centre_u(self) -> float:
        """``u`` of the room's middle line (from door wall to far wall)."""
        return (self.u_min + self.u_max) / 2

    @property
    def door(self) -> Point2:
        """The main door (plan point)."""
        return self.origin

    def to_plan(self, u: float, v: float) -> Point2:
        """Plan coordinates of the door-frame point ``(u, v)``."""
        ox, oy = self.origin
        return (
            ox + u * self.across[0] + v * self.inward[0],
            oy + u * self.across[1] + v * self.inward[1],
        )

    def to_local(self, x: float, y: float) -> Point2:
        """Door-frame coordinates of the plan point ``(x, y)``."""
        dx, dy = x - self.origin[0], y - self.origin[1]
        return (dx * self.across[0] + dy * self.across[1], dx * self.inward[0] + dy * self.inward[1])

    def facing(self, local_deg: float) -> float:
        """Plan facing (degrees, in [0, 360)) of a door-frame facing."""
        turn = math.degrees(math.atan2(self.across[1], self.across[0]))
        return _clean_angle(local_deg + turn)


def _clean_angle(deg: float) -> float:
    a = math.fmod(deg, 360.0)
    if a < 0:
        a += 360.0
    a = round(a, 6)
    return 0.0 if a >= 360.0 else a


def room_frame(venue: Venue, *, source: str | Path = "", need_door: bool = True, what: str = "this room") -> RoomFrame:
    """Return the door frame of ``venue``.

    Parameters
    ----------
    venue
        The room. Its main door (:attr:`Venue.main_door`) sets the frame.
    source
        Plan file, for error messages.
    need_door
        If True (会见, 会谈, small rooms: 面门为上 is measured from the door) a
        room without a door is an error; if False (签字, 合影: the cameras face
        the people) the middle of the bottom wall stands in for the door.
    what
        What is being laid out, for the error message.

    Raises
    ------
    GeometryError
        If the room has no door and ``need_door`` is True, or its outline is invalid.
    """
    room = room_polygon(venue, source=source)
    door = venue.main_door
    if door is None:
        if need_door:
            raise GeometryError(
                f"{what} needs a main door: the places of honour are measured from it (面门为上)",
                location=Location(file=source, field="venue.doors"),
                hint="add [[venue.doors]] with x, y on a wall and main = true",
            )
        xmin, ymin, xmax, _ = room.bounds
        origin: Point2 = ((xmin + xmax) / 2, ymin)
        inward: Point2 = (0.0, 1.0)
        width = 0.0
    else:
        wall, _ = door_wall(door, room)
        foot = wall.interpolate(wall.project(Point(door.x, door.y)))
        (x0, y0), (x1, y1) = wall.coords[0], wall.coords[-1]
        length = math.hypot(x1 - x0, y1 - y0)
        tx, ty = (x1 - x0) / length, (y1 - y0) / length
        inward = (-ty, tx)  # the outline is counter-clockwise: the inside is on the left of each wall
        origin = (foot.x, foot.y)
        width = door.width
    across = (inward[1], -inward[0])
    us, vs = [], []
    for x, y in room.exterior.coords:
        dx, dy = x - origin[0], y - origin[1]
        us.append(dx * across[0] + dy * across[1])
        vs.append(dx * inward[0] + dy * inward[1])
    return RoomFrame(
        origin=origin,
        across=across,
        inward=inward,
        u_min=min(us),
        u_max=max(us),
        depth=max(vs),
        has_door=door is not None,
        door_width=width,
    )


# --------------------------------------------------------------------------------------
# the result and a small builder working in the door frame
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RoomPlan:
    """Seats, outlines and named seat groups of one meeting room.

    Parameters
    ----------
    layout
        Seats (with provisional sections) and outlines (room, doors, furniture).
    frame
        The door frame the furniture was designed in.
    groups
        Named groups of seat ids, e.g. ``"principals"``, ``"members"``,
        ``"staff"``, ``"side-a"``, ``"chair"``; each generator documents its own.
    sizes
        Seat id → footprint ``(width, depth)`` in metres, for seats that are
        not the 0.50 × 0.50 m chair of :class:`Spacing` (armchairs).
    """

    layout: Layout
    frame: RoomFrame
    groups: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    sizes: Mapping[str, tuple[float, float]] = field(default_factory=dict)

    @property
    def door(self) -> Point2:
        """The main door (plan point)."""
        return self.frame.door


class _Builder:
    """Collects seats and outlines in door-frame coordinates."""

    def __init__(self, venue: Venue, frame: RoomFrame, spacing: Spacing, source: str | Path, section: str) -> None:
        self.venue = venue
        self.frame = frame
        self.spacing = spacing
        self.source = source
        self.section = section
        self.seats: list[Seat] = []
        self.furniture: list[Shape] = []
        self.sizes: dict[str, tuple[float, float]] = {}
        self.groups: dict[str, list[str]] = {}

    def seat(
        self,
        sid: str,
        u: float,
        v: float,
        facing: float,
        *,
        row: int = 1,
        groups: Sequence[str] = (),
        size: tuple[float, float] | None = None,
        tags: Sequence[str] = (),
    ) -> str:
        x, y = self.frame.to_plan(u, v)
        number = sum(1 for s in self.seats if s.row == row) + 1
        self.seats.append(
            Seat(
                id=sid,
                section=self.section,
                row=row,
                number=number,
                x=round(x, 4) + 0.0,
                y=round(y, 4) + 0.0,
                facing=self.frame.facing(facing),
                tags=frozenset(tags),
            )
        )
        if size is not None:
            self.sizes[sid] = size
        for g in groups:
            self.groups.setdefault(g, []).append(sid)
        return sid

    def shape(self, kind: ShapeKind, points: Sequence[Point2], label: str = "") -> None:
        pts = tuple((round(p[0], 4) + 0.0, round(p[1], 4) + 0.0) for p in (self.frame.to_plan(u, v) for u, v in points))
        self.furniture.append(Shape(kind, pts, label))

    def box(self, kind: ShapeKind, u0: float, v0: float, u1: float, v1: float, label: str = "") -> None:
        self.shape(kind, ((u0, v0), (u1, v0), (u1, v1), (u0, v1)), label)

    def outline(self, kind: ShapeKind, poly: Polygon, label: str = "") -> None:
        self.shape(kind, [(float(x), float(y)) for x, y in list(poly.exterior.coords)[:-1]], label)

    def finish(self, *, key: str, value: object, hint: str) -> RoomPlan:
        """Check that everything stands inside the walls and off obstacles; build the plan."""
        shapes = [*room_shapes(self.venue), *self.furniture]
        plan = RoomPlan(
            layout=Layout(venue=self.venue, seats=tuple(self.seats), shapes=tuple(shapes)),
            frame=self.frame,
            groups={k: tuple(v) for k, v in self.groups.items()},
            sizes=dict(self.sizes),
        )
        _check_fit(plan, self.furniture, source=self.source, key=key, value=value, hint=hint, spacing=self.spacing)
        return plan


def footprint(seat: Seat, size: tuple[float, float]) -> Polygon:
    """The rectangle a seat stands on: ``size = (width, depth)``, depth along its facing."""
    w, d = size
    a = math.radians(seat.facing)
    f = (math.cos(a), math.sin(a))
    left = (-f[1], f[0])
    hw, hd = w / 2, d / 2
    return Polygon(
        [
            (seat.x + f[0] * hd + left[0] * hw, seat.y + f[1] * hd + left[1] * hw),
            (seat.x - f[0] * hd + left[0] * hw, seat.y - f[1] * hd + left[1] * hw),
            (seat.x - f[0] * hd - left[0] * hw, seat.y - f[1] * hd - left[1] * hw),
            (seat.x + f[0] * hd - left[0] * hw, seat.y + f[1] * hd - left[1] * hw),
        ]
    )


def _check_fit(
    plan: RoomPlan,
    furniture: Sequence[Shape],
    *,
    source: str | Path,
    key: str,
    value: object,
    hint: str,
    spacing: Spacing,
) -> None:
    """Raise GeometryError if a seat or a piece of furniture leaves the room, hits an obstacle or blocks the door."""
    venue = plan.layout.venue
    room = room_polygon(venue, source=source)
    shrunk = room.buffer(1e-6)
    obstacles = obstacle_polygons(venue, source=source)
    chair = (spacing.chair_width, spacing.chair_depth)
    items: list[tuple[str, Polygon]] = [
        (f"seat {s.id}", footprint(s, plan.sizes.get(s.id, chair))) for s in plan.layout.seats
    ]
    items += [(f"the {shp.label or shp.kind.value}", Polygon(shp.points)) for shp in furniture if len(shp.points) >= 3]
    door_zone = None
    if plan.frame.has_door:
        f = plan.frame
        half = f.door_width / 2
        door_zone = Polygon([f.to_plan(-half, 0.0), f.to_plan(half, 0.0), f.to_plan(half, spacing.wall_walkway), f.to_plan(-half, spacing.wall_walkway)])
    for what, poly in items:
        c = poly.centroid
        where = f"({c.x:.2f}, {c.y:.2f})"
        if not poly.within(shrunk):
            raise GeometryError(
                f"{what} at {where} does not fit inside the room",
                location=Location(file=source, field=key, value=value),
                hint=hint,
            )
        for i, obs in enumerate(obstacles, start=1):
            if poly.intersection(obs).area > 1e-6:
                raise GeometryError(
                    f"{what} at {where} stands on obstacle {i}",
                    location=Location(file=source, field=key, value=value),
                    hint=hint + "; or move the obstacle in venue.obstacles",
                )
        if door_zone is not None and poly.intersection(door_zone).area > 1e-6:
            raise GeometryError(
                f"{what} at {where} blocks the main door (a {spacing.wall_walkway:.1f} m walkway is kept "
                "in front of it, R-PHY-11)",
                location=Location(file=source, field=key, value=value),
                hint=hint,
            )


def _too_small(source: str | Path, key: str, value: object, what: str, need: float, have: float, hint: str) -> GeometryError:
    return GeometryError(
        f"{what} needs {need:.2f} m; the room has {have:.2f} m",
        location=Location(file=source, field=key, value=value),
        hint=hint,
    )


def _centred(n: int, pitch: float) -> list[float]:
    return [(k - (n - 1) / 2) * pitch for k in range(n)]


def _positive_count(value: int, key: str, source: str | Path, minimum: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise GeometryError(
            f"{key} must be a whole number >= {minimum}, got {value!r}",
            location=Location(file=source, field=key, value=value),
        )
    return value


def _length(value: float, key: str, source: str | Path, lo: float, hi: float, why: str = "") -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or not lo <= value <= hi:
        raise GeometryError(
            f"{key} = {value!r} m is outside {lo}–{hi} m" + (f" ({why})" if why else ""),
            location=Location(file=source, field=key, value=value),
            hint="distances are in metres (80 cm is 0.8)",
        )
    return float(value)


# --------------------------------------------------------------------------------------
# long tables: 会谈 (R-MTG-3/4) and small meeting rooms (R-MTG-8/9/10)
# --------------------------------------------------------------------------------------


def default_table_width(people_at_table: int) -> float:
    """1.2 m for up to 15 people at the table, else 1.6 m (minshenggouwu.com, see module docstring)."""
    return SMALL_TABLE_WIDTH if people_at_table <= SMALL_ROOM_PEOPLE else MEDIUM_TABLE_WIDTH


# --------------------------------------------------------------------------------------
# naming seats after ranking
# --------------------------------------------------------------------------------------


def relabel_seats(
    layout: Layout,
    labels: Mapping[str, tuple[str, int, int]],
    *,
    tags: Mapping[str, Sequence[str]] | None = None,
) -> Layout:
    """Give seats their final section, row and printed number (and extra tags).

    Parameters
    ----------
    layout
        A layout from one of the generators.
    labels
        Seat id → ``(section, row, number)``; seats not listed keep theirs.
    tags
        Seat id → tags to add (e.g. ``"principal"`` for the seats of the two
        principals, the chief negotiators, the signers or the chair).

    Returns
    -------
    Layout
        The same layout with the seats renamed (order kept).
    """
    extra = tags or {}
    seats = []
    for s in layout.seats:
        if s.id in labels:
            section, row, number = labels[s.id]
            s = replace(s, section=section, row=row, number=number)
        if s.id in extra:
            s = replace(s, tags=s.tags | frozenset(extra[s.id]))
        seats.append(s)
    return replace(layout, seats=tuple(seats))
#: Clear arc left between the back-row chairs of two neighbouring delegations, metres (assumption).
DELEGATION_GAP = 0.3
