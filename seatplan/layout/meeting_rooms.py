"""Furniture for 会见, 会谈, 签字, 合影 and small meeting rooms (R-MTG-1 … R-MTG-10).

Each generator lays out one kind of room and returns a :class:`RoomPlan`: the
seats (chairs, sofas and standing places, each with its ``facing``), the outlines
to draw (tables, flags, riser, camera) and named groups of seat ids. The
generators place furniture; they do not decide who is host and who is guest:
the occasion modules hand the seats to :mod:`seatplan.protocol.meetings`, which
computes precedence from the seats' geometry, and then name the sections.

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
  the defaults of :func:`~seatplan.protocol.meetings.rank_signing`.
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

from shapely.geometry import LineString, Point, Polygon

from seatplan.errors import GeometryError, Location
from seatplan.layout.room import door_wall, obstacle_polygons, room_polygon, room_shapes
from seatplan.layout.spacing import Spacing
from seatplan.model import Layout, Seat, Shape, ShapeKind, Venue
from seatplan.model.rooms import (
    ARMCHAIR_DEPTH,
    ARMCHAIR_WIDTH,
    MULTILATERAL_TABLE_SIZE,
    PERSON_PITCH,
    ROOM_SEAT_PITCH,
    SIGNING_TABLE_LENGTH,
    TALKS_SEAT_PITCH,
    TEA_TABLE_WIDTH,
    MultilateralTable,
    TableShape,
)
from seatplan.protocol.meetings import (
    Hand,
    TableOrientation,
    party_block_offsets,
    split_square_sides,
)

__all__ = [
    "ARMCHAIR_DEPTH",
    "ARMCHAIR_WIDTH",
    "CAMERA_DISTANCE",
    "FACE_AWAY",
    "FACE_DOOR",
    "FACE_LEFT",
    "FACE_RIGHT",
    "FLAG_SIZE",
    "MEDIUM_TABLE_WIDTH",
    "MULTILATERAL_TABLE_SIZE",
    "PERSON_PITCH",
    "ROOM_SEAT_PITCH",
    "ROUND_TABLE_MIN_DIAMETER",
    "SIGNING_TABLE_DEPTH",
    "SIGNING_TABLE_LENGTH",
    "SMALL_ROOM_PEOPLE",
    "SMALL_TABLE_WIDTH",
    "SQUARE_TABLE_MIN_SIDE",
    "STANDING_ROW_DEPTH",
    "TALKS_SEAT_PITCH",
    "TEA_TABLE_WIDTH",
    "MultilateralTable",
    "RoomFrame",
    "RoomPlan",
    "TableShape",
    "default_table_width",
    "footprint",
    "lay_photo",
    "lay_reception",
    "lay_reception_centre",
    "lay_reception_chair",
    "lay_round_table",
    "lay_signing",
    "lay_square_table",
    "lay_table_room",
    "mark_flags",
    "relabel_seats",
    "room_frame",
]

#: Table width for up to :data:`SMALL_ROOM_PEOPLE` people, metres (minshenggouwu.com: 0.8–1.2 m).
SMALL_TABLE_WIDTH = 1.2
#: Table width above that, metres (minshenggouwu.com: medium rooms 1.6–1.8 m).
MEDIUM_TABLE_WIDTH = 1.6
#: Largest meeting at a "small room" table (minshenggouwu.com: "可供15人會議").
SMALL_ROOM_PEOPLE = 15
#: Signing table depth, metres (R-PHY-9: 45–60 cm deep).
SIGNING_TABLE_DEPTH = 0.6
#: Side of the square drawn for a table flag, metres (a drawing size only).
FLAG_SIZE = 0.16
#: Depth of a standing row or riser step, metres (one chair footprint; assumption).
STANDING_ROW_DEPTH = 0.50
#: Camera mark in front of the front photo row, metres (a mark only).
CAMERA_DISTANCE = 3.0
#: Flag in front of a signer and assistant beside him, metres (rank_signing defaults).
FLAG_OFFSET = 0.45
ASSISTANT_OFFSET = 0.70

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
# 会见: armchairs in a horseshoe (R-MTG-1)
# --------------------------------------------------------------------------------------


def lay_reception(
    venue: Venue,
    *,
    per_side: int,
    staff_per_side: int = 0,
    arm_spacing: float = 0.0,
    armchair: tuple[float, float] = (ARMCHAIR_WIDTH, ARMCHAIR_DEPTH),
    tea_table: float = TEA_TABLE_WIDTH,
    spacing: Spacing | None = None,
    source: str | Path = "",
    key: str = "reception",
) -> RoomPlan:
    """Armchairs for a 会见 in a horseshoe open towards the main door (R-MTG-1).

    The two principals' armchairs stand side by side in the middle of the far
    wall, facing the door, with a tea table between them and one at each outer
    side. The other armchairs form two arms running from beside the principals
    towards the door, facing inwards, a tea table between every two armchairs;
    when an arm reaches the walkway kept in front of the door wall, a second arm
    row stands behind the first ("add back-row chairs if short"). Chairs for
    interpreters and note-takers (``staff_per_side`` per side) stand behind the
    principals, the first directly behind each principal, the next outward.

    Parameters
    ----------
    venue
        The room; needs a main door.
    per_side
        Armchairs in each arm (the same on both sides, so the horseshoe is
        symmetric).
    staff_per_side
        Chairs behind each principal.
    arm_spacing
        Distance between the two arms' centre lines, metres; 0 = as close to
        the principals as the tea tables allow.
    armchair
        ``(width, depth)`` of an armchair, metres.
    tea_table
        Width of a tea table between armchairs, metres (0 = none).
    spacing
        Chair size, passage and walkway distances.
    source, key
        Plan file and option table, for error messages.

    Returns
    -------
    RoomPlan
        Groups ``"principals"`` (the two armchairs, entrant's left first),
        ``"members"`` (arm armchairs), ``"staff"`` (chairs behind the
        principals); seat tags ``"armchair"`` and ``"staff"``. Arm armchairs
        have row 1 (first arm row) or 2; staff chairs row 2.

    Raises
    ------
    GeometryError
        If the horseshoe does not fit the room, naming the option to change.
    """
    sp = spacing or Spacing()
    n = _positive_count(per_side, f"{key}.seats_per_side", source)
    staff = _positive_count(staff_per_side, f"{key}.staff", source)
    aw = _length(armchair[0], f"{key}.armchair_width", source, 0.4, 2.0)
    ad = _length(armchair[1], f"{key}.armchair_depth", source, 0.4, 2.0)
    tea = _length(tea_table, f"{key}.tea_table_width", source, 0.0, 2.0)
    frame = room_frame(venue, source=source, what="a reception (会见)")
    b = _Builder(venue, frame, sp, source, "reception")
    uc, depth = frame.centre_u, frame.depth
    off = sp.last_row_wall_extra
    cw, cd = sp.chair_width, sp.chair_depth
    staff_depth = cd + sp.chair_back_to_table if staff else 0.0
    v_p = depth - off - staff_depth - ad / 2
    # principals and the tea tables beside them
    half_pair = tea / 2 + aw / 2
    for side, sid in ((-1, "sofa-left"), (1, "sofa-right")):
        b.seat(sid, uc + side * half_pair, v_p, FACE_DOOR, groups=("principals",), size=(aw, ad), tags=("armchair",))
    if tea > 0:
        th = min(tea, ad) / 2
        for centre in (uc, uc - 2 * half_pair, uc + 2 * half_pair):
            b.box(ShapeKind.TABLE, centre - tea / 2, v_p - th, centre + tea / 2, v_p + th, "茶几")
    # staff chairs behind the principals
    v_s = v_p + ad / 2 + sp.chair_back_to_table + cd / 2
    pitch_s = cw + sp.chair_side_gap
    for side, name in ((-1, "left"), (1, "right")):
        for k in range(staff):
            u = uc + side * (half_pair + k * pitch_s)
            b.seat(f"back-{name}-{k + 1:02d}", u, v_s, FACE_DOOR, row=2, groups=("staff",), tags=("staff",))
    # the two arms
    outer_pair = half_pair + aw / 2 + tea
    arm_a = max(outer_pair + ad / 2, arm_spacing / 2)
    pitch = aw + tea
    v_first = v_p - ad / 2 - aw / 2
    v_low = sp.wall_walkway + aw / 2
    fit = math.floor((v_first - v_low) / pitch + 1e-9) + 1 if v_first >= v_low else 0
    rows = 1 if n <= fit else 2
    if n and (fit == 0 or n > 2 * fit):
        m = math.ceil(n / 2)
        need = off + staff_depth + ad + aw + (m - 1) * pitch + sp.wall_walkway
        raise _too_small(
            source, f"{key}.seats_per_side", n, f"a reception with {n} armchairs per side (in two arm rows at most)",
            need, depth, "make the room deeper, seat fewer people per side, or set tea_table_width = 0",
        )
    arm_b = arm_a + ad + sp.chair_back_to_table
    outer = (arm_b if rows == 2 else arm_a) + ad / 2 + off
    half_width = min(uc - frame.u_min, frame.u_max - uc)
    if n and outer > half_width + _EPS:
        raise _too_small(
            source, f"{key}.arm_spacing" if arm_spacing else f"{key}.seats_per_side", arm_spacing or n,
            "the horseshoe of armchairs", 2 * outer, 2 * half_width,
            "use a wider room, a smaller arm_spacing, or fewer people per side (fewer arm rows)",
        )
    per_row = [min(n, fit), max(0, n - fit)] if rows == 2 else [n, 0]
    for side, name, face in ((-1, "left", FACE_RIGHT), (1, "right", FACE_LEFT)):
        for r, (a, count) in enumerate(zip((arm_a, arm_b), per_row), start=1):
            for k in range(count):
                v = v_first - k * pitch
                b.seat(
                    f"arm-{name}-r{r}-{k + 1:02d}", uc + side * a, v, face, row=r, groups=("members",),
                    size=(aw, ad), tags=("armchair",),
                )
                if tea > 0 and k + 1 < count:
                    tv = v - pitch / 2
                    th = min(tea, ad) / 2
                    b.box(ShapeKind.TABLE, uc + side * a - th, tv - tea / 2, uc + side * a + th, tv + tea / 2, "茶几")
    return b.finish(key=f"{key}.seats_per_side", value=n, hint="make the room larger or seat fewer people per side")


# --------------------------------------------------------------------------------------
# 会见 variants (R-MTG-2): 居中式 and 主席式
# --------------------------------------------------------------------------------------


def _alternating(count: int, pitch: float) -> list[float]:
    """Offsets ``0, +p, -p, +2p, -2p, …`` (the first directly on the line)."""
    return [((k + 1) // 2) * pitch * (1 if k % 2 else -1) if k else 0.0 for k in range(count)]


def lay_reception_centre(
    venue: Venue,
    *,
    side_a: int,
    side_b: int,
    back_a: int = 0,
    back_b: int = 0,
    back_centre: int = 0,
    seat_pitch: float = TALKS_SEAT_PITCH,
    table_width: float | None = None,
    table_label: str = "会见桌",
    spacing: Spacing | None = None,
    source: str | Path = "",
    key: str = "reception",
) -> RoomPlan:
    """A 会见 in the centre form (居中式, R-MTG-2): one seat at the head, two rows facing each other.

    A long table points from the far wall towards the main door. The centre
    seat stands at its far end on the room's middle line, facing the door; a
    row of chairs runs along each long side from the far end towards the door
    (``side_a`` on the entrant's left, ``side_b`` on his right), the two rows
    facing each other across the table (the pattern of the receptions in the
    Great Hall of the People since 2018: one person at the head, the two
    delegations along the sides). Chairs are ``seat_pitch`` apart (R-PHY-8)
    and flush with the table (R-PHY-11); the table is as long as the longer
    row. ``back_a`` / ``back_b`` chairs stand in a back row behind each side
    row (0.60 m clear passage, R-PHY-9), the first behind the seat nearest the
    centre; ``back_centre`` chairs stand behind the centre seat against the
    far wall, the first directly behind it (interpreters, note-takers: R-MTG-1).

    Parameters
    ----------
    venue
        The room; needs a main door.
    side_a, side_b
        Chairs in the row on the entrant's left / right (together at least 1).
    back_a, back_b, back_centre
        Back-row chairs behind each side row / behind the centre seat.
    seat_pitch
        Table length per person, metres (R-PHY-8: at least 0.60).
    table_width
        Table width, metres; ``None`` = :func:`default_table_width`.
    table_label
        Text drawn on the table.
    spacing, source, key
        As for the other generators.

    Returns
    -------
    RoomPlan
        Groups ``"centre"``, ``"side-a"`` (the entrant's left row) and
        ``"side-b"`` (each nearest the centre first), ``"back-a"``,
        ``"back-b"``, ``"back-centre"`` (tag ``"staff"``, row 2); ``"table"``
        = the centre seat and both side rows (row 1).

    Raises
    ------
    GeometryError
        If the table, its chairs and a 0.90 m walkway (R-PHY-11) do not fit.
    """
    sp = spacing or Spacing()
    counts = {"a": _positive_count(side_a, f"{key}.seats_per_side", source), "b": _positive_count(side_b, f"{key}.seats_per_side", source)}
    backs = {"a": _positive_count(back_a, f"{key}.back_chairs", source), "b": _positive_count(back_b, f"{key}.back_chairs", source)}
    nc = _positive_count(back_centre, f"{key}.back_chairs", source)
    n = max(counts.values())
    nb = max(backs.values())
    if n < 1:
        raise GeometryError(
            "a centre-form reception needs at least one chair beside the table",
            location=Location(file=source, field=f"{key}.seats_per_side", value=0),
        )
    pitch = _length(seat_pitch, f"{key}.seat_pitch", source, 0.6, 2.0, "R-PHY-8: at least 0.60 m per person")
    tw = _length(
        default_table_width(sum(counts.values()) + 1) if table_width is None else table_width,
        f"{key}.table_width", source, 0.5, 4.0,
    )
    frame = room_frame(venue, source=source, what="a reception (会见)")
    b = _Builder(venue, frame, sp, source, "reception")
    uc, depth = frame.centre_u, frame.depth
    cw, cd = sp.chair_width, sp.chair_depth
    walk, off = sp.wall_walkway, sp.last_row_wall_extra
    back_off = cd + sp.chair_back_to_table
    pitch_back = cw + sp.chair_side_gap
    v_c = depth - off - (back_off if nc else 0.0) - cd / 2
    v_end = v_c - cd / 2
    length = n * pitch
    v_near = v_end - length
    v_last_back = v_end - pitch / 2 - (nb - 1) * pitch_back - cd / 2 if nb else v_near
    low = min(v_near, v_last_back)
    if low < walk - _EPS:
        raise _too_small(
            source, f"{key}.seats_per_side", n,
            f"a centre-form reception with {n} chairs per side (the table from the far wall towards the door, "
            f"a {walk:.1f} m walkway at the door, R-PHY-8, R-PHY-11)",
            depth - low + walk, depth,
            "use a deeper room, fewer people per side or a smaller seat_pitch (at least 0.6)",
        )
    half = tw / 2 + cd + (back_off if nb else 0.0)
    have = min(uc - frame.u_min, frame.u_max - uc)
    if half + walk > have + _EPS:
        raise _too_small(
            source, f"{key}.table_width", tw,
            f"the table ({tw:.2f} m wide) with chairs on both sides"
            + (" and back rows" if nb else "") + f" and a {walk:.1f} m walkway",
            2 * (half + walk), 2 * have, "use a wider room, a narrower table_width or fewer back-row chairs",
        )
    b.box(ShapeKind.TABLE, uc - tw / 2, v_near, uc + tw / 2, v_end, table_label)
    b.seat("centre", uc, v_c, FACE_DOOR, groups=("centre", "table"))
    for name, sign, face in (("a", -1, FACE_RIGHT), ("b", 1, FACE_LEFT)):
        for k in range(counts[name]):
            b.seat(
                f"side-{name}-{k + 1:02d}", uc + sign * (tw / 2 + cd / 2), v_end - (k + 0.5) * pitch, face,
                groups=(f"side-{name}", "table"),
            )
    for name, sign, face in (("a", -1, FACE_RIGHT), ("b", 1, FACE_LEFT)):
        for k in range(backs[name]):
            b.seat(
                f"back-{name}-{k + 1:02d}", uc + sign * (tw / 2 + cd / 2 + back_off), v_end - pitch / 2 - k * pitch_back,
                face, row=2, groups=(f"back-{name}",), tags=("staff",),
            )
    for k, du in enumerate(_alternating(nc, pitch_back)):
        b.seat(f"back-centre-{k + 1:02d}", uc + du, depth - off - cd / 2, FACE_DOOR, row=2, groups=("back-centre",), tags=("staff",))
    return b.finish(key=f"{key}.seats_per_side", value=n, hint="make the room larger or seat fewer people per side")


def lay_reception_chair(
    venue: Venue,
    *,
    hosts: int,
    blocks: Sequence[int],
    block_staff: Sequence[int] = (),
    host_staff: int = 0,
    axis_at: float = 0.0,
    blocks_per_row: int = 0,
    first: Hand | str = Hand.RIGHT,
    seat_pitch: float = TALKS_SEAT_PITCH,
    table_width: float | None = None,
    table_label: str = "会见桌",
    spacing: Spacing | None = None,
    source: str | Path = "",
    key: str = "reception",
) -> RoomPlan:
    """A 会见 in the chair form (主席式, R-MTG-2): one row facing the door, blocks of visitors opposite.

    The ``hosts`` chairs stand in a row along the far side of a long table
    placed across the room, facing the door, centred on the room's middle
    line. The *axis* is the line ``axis_at`` metres towards the entrant's
    right of that middle line, where the host chief sits (beside the middle
    when the host row is even). ``host_staff`` chairs stand behind the host
    row (0.60 m passage, R-PHY-9), the first on the axis, right behind the
    chief, the others alternately beside it. The visitors sit opposite with
    their backs to the door, each block of ``blocks[k]`` chairs together: in
    one row at the table, or ``blocks_per_row`` blocks per row with further
    rows behind. In a row with one block the block is centred on the axis;
    with several, the blocks stand side by side
    (:func:`~seatplan.protocol.meetings.party_block_offsets`), the first on
    the ``first`` hand of a person in the far row facing the door, the next on
    the other hand, and so on outward, each starting at the axis (where its
    chief sits). ``block_staff[k]`` chairs stand in a back row right behind
    block ``k``, the first behind its chief (behind the middle of a centred
    block). The table is as long as the host row or the first visitors' row,
    centred on the room's middle line.

    Parameters
    ----------
    venue
        The room; needs a main door.
    hosts
        Chairs in the far row (at least 1).
    blocks
        Chairs of each visitors' block, in precedence order.
    block_staff
        Back chairs of each block (missing entries: 0).
    host_staff
        Chairs behind the far row.
    axis_at
        Door-frame offset (metres, + = the entrant's right) of the axis from
        the room's middle line: give the host chief's offset when the host
        row is even (the chief then sits beside the middle).
    blocks_per_row
        Blocks in one row; 0 = all in one row.
    first
        ``"right"`` (default) or ``"left"``: the hand (of a person in the far
        row facing the door) on whose side the first block stands.
    seat_pitch
        Distance between chairs in a row, metres (R-PHY-8: at least 0.60).
    table_width
        Table width, metres; ``None`` = :func:`default_table_width`.
    table_label, spacing, source, key
        As for the other generators.

    Returns
    -------
    RoomPlan
        Groups ``"host"`` (far row, along the entrant's right), ``"host-back"``,
        ``"block-01"`` … (the block's chairs, chief first, then its back
        chairs), ``"table"`` (chairs at the table). Back chairs carry the tag
        ``"staff"``; rows count from the table (far row 1, its back row 2;
        visitors' first row 1, its back row 2, the next row of blocks 3 …).

    Raises
    ------
    GeometryError
        If the rows do not fit the room with a 0.90 m walkway round them
        (R-PHY-11), naming the option to change.
    """
    sp = spacing or Spacing()
    nh = _positive_count(hosts, f"{key}.hosts", source, minimum=1)
    sizes = [_positive_count(k, f"{key}.blocks", source, minimum=1) for k in blocks]
    if not sizes:
        raise GeometryError("a chair-form reception needs at least one visiting party", location=Location(file=source, field=key))
    staff = [_positive_count(k, f"{key}.back_chairs", source) for k in block_staff] + [0] * len(sizes)
    staff = staff[: len(sizes)]
    ns = _positive_count(host_staff, f"{key}.back_chairs", source)
    per_row = _positive_count(blocks_per_row, f"{key}.parties_per_row", source) or len(sizes)
    pitch = _length(seat_pitch, f"{key}.seat_pitch", source, 0.6, 2.0, "R-PHY-8: at least 0.60 m per person")
    hand = Hand(first)
    frame = room_frame(venue, source=source, what="a reception (会见)")
    b = _Builder(venue, frame, sp, source, "reception")
    uc, depth = frame.centre_u, frame.depth
    cw, cd = sp.chair_width, sp.chair_depth
    walk, off = sp.wall_walkway, sp.last_row_wall_extra
    back_off = cd + sp.chair_back_to_table
    pitch_back = cw + sp.chair_side_gap
    sign = -1.0 if hand is Hand.RIGHT else 1.0  # facing the door, one's right hand is towards -u
    bands = [list(range(i, min(i + per_row, len(sizes)))) for i in range(0, len(sizes), per_row)]
    # lateral offsets (door frame u - uc) of every visitor chair, band by band
    member_u: dict[int, list[float]] = {}
    staff_u: dict[int, list[float]] = {}
    for band in bands:
        if len(band) == 1:
            k = band[0]
            member_u[k] = [axis_at + sign * x for x in _centred(sizes[k], pitch)]
            staff_u[k] = [axis_at + sign * x for x in _alternating(staff[k], pitch)]
            continue
        slots = party_block_offsets([max(sizes[k], staff[k]) for k in band], pitch=pitch, gap=DELEGATION_GAP)
        for k, offs in zip(band, slots):
            member_u[k] = [axis_at + sign * x for x in offs[: sizes[k]]]
            staff_u[k] = [axis_at + sign * x for x in offs[: staff[k]]]
    host_u = _centred(nh, pitch)
    first_band = [u for k in bands[0] for u in member_u[k]]
    table_half = max(abs(u) for u in host_u + first_band) + pitch / 2
    tw = _length(
        default_table_width(nh + len(first_band)) if table_width is None else table_width,
        f"{key}.table_width", source, 0.5, 4.0,
    )
    widest = max(
        [table_half]
        + [abs(u) + cw / 2 for k in member_u for u in member_u[k] + staff_u[k]]
        + [abs(axis_at + u) + cw / 2 for u in _alternating(ns, pitch_back)]
    )
    have = min(uc - frame.u_min, frame.u_max - uc)
    if widest + walk > have + _EPS:
        raise _too_small(
            source, f"{key}.parties_per_row" if len(sizes) > 1 else f"{key}.seat_pitch",
            blocks_per_row if len(sizes) > 1 else pitch,
            f"a row of {len(first_band)} visitors' chairs ({len(bands[0])} parties) with a {walk:.1f} m walkway "
            "(R-PHY-8, R-PHY-11)",
            2 * (widest + walk), 2 * have,
            "set parties_per_row to put fewer parties in a row, use a wider room or a smaller seat_pitch",
        )
    v_h = depth - off - (back_off if ns else 0.0) - cd / 2
    v_table_top = v_h - cd / 2
    v_table_bottom = v_table_top - tw
    rows_v: list[tuple[list[int], float, float | None]] = []  # band, front row v, staff row v
    v = v_table_bottom - cd / 2
    for band in bands:
        v_staff = v - back_off if any(staff[k] for k in band) else None
        rows_v.append((band, v, v_staff))
        v = (v_staff if v_staff is not None else v) - back_off
    low = min(vv for _, vf, vs in rows_v for vv in (vf, vs) if vv is not None) - cd / 2
    if low < walk - _EPS:
        raise _too_small(
            source, f"{key}.parties_per_row", blocks_per_row,
            f"{len(bands)} row(s) of visitors opposite the host row, the table and a {walk:.1f} m walkway at the door",
            depth - low + walk, depth, "put more parties in a row (parties_per_row), use a deeper room or a narrower table",
        )
    b.box(ShapeKind.TABLE, uc - table_half, v_table_bottom, uc + table_half, v_table_top, table_label)
    for j, du in enumerate(host_u):
        b.seat(f"host-{j + 1:02d}", uc + du, v_h, FACE_DOOR, groups=("host", "table"))
    for j, du in enumerate(sorted(_alternating(ns, pitch_back))):
        b.seat(
            f"host-back-{j + 1:02d}", uc + axis_at + du, depth - off - cd / 2, FACE_DOOR, row=2,
            groups=("host-back",), tags=("staff",),
        )
    for r, (band, vf, vs) in enumerate(rows_v):
        front_row = 1 + 2 * r
        for k in band:
            name = f"block-{k + 1:02d}"
            on_table = ("table",) if r == 0 else ()
            for j, du in enumerate(member_u[k]):
                b.seat(f"{name}-{j + 1:02d}", uc + du, vf, FACE_AWAY, row=front_row, groups=(name, *on_table))
            for j, du in enumerate(staff_u[k]):
                assert vs is not None
                b.seat(f"{name}-back-{j + 1:02d}", uc + du, vs, FACE_AWAY, row=front_row + 1, groups=(name,), tags=("staff",))
    return b.finish(
        key=f"{key}.parties_per_row", value=blocks_per_row, hint="make the room larger or put fewer parties in a row"
    )


# --------------------------------------------------------------------------------------
# long tables: 会谈 (R-MTG-3/4) and small meeting rooms (R-MTG-8/9/10)
# --------------------------------------------------------------------------------------


def default_table_width(people_at_table: int) -> float:
    """1.2 m for up to 15 people at the table, else 1.6 m (minshenggouwu.com, see module docstring)."""
    return SMALL_TABLE_WIDTH if people_at_table <= SMALL_ROOM_PEOPLE else MEDIUM_TABLE_WIDTH


def lay_table_room(
    venue: Venue,
    *,
    axis: TableOrientation | str,
    side_a: int,
    side_b: int,
    head: bool = False,
    back_a: int = 0,
    back_b: int = 0,
    foot: int = 0,
    seat_pitch: float = TALKS_SEAT_PITCH,
    table_width: float | None = None,
    shape: TableShape | str = TableShape.RECTANGLE,
    table_label: str = "",
    spacing: Spacing | None = None,
    source: str | Path = "",
    key: str = "talks",
) -> RoomPlan:
    """A long table in the middle of the room with chairs on both long sides.

    The table stands across the room (``axis="across"``: long sides parallel
    to the door wall) or points at the door (``"pointing"``). Side *a* is the
    far side (its chairs face the door) across the room, the entrant's left
    side (facing his right) when the table points at the door; side *b* is the
    other. Chairs are spaced ``seat_pitch`` apart along the table (R-PHY-8) and
    set flush with its edge (R-PHY-11); the table is as long as the longer
    side needs. Optional: a head chair at the far end facing the door
    (R-MTG-10, ``axis="pointing"`` only), back-row chairs behind each side
    (note-takers, interpreters "behind": 0.60 m clear passage behind the table
    chairs, R-PHY-9), and ``foot`` chairs in a row beyond the door end of a
    pointing table (or behind side *b* of a table across the room).

    Parameters
    ----------
    venue
        The room; needs a main door.
    axis
        ``"across"`` or ``"pointing"``.
    side_a, side_b
        Chairs on each long side.
    head
        A chair at the far end, facing along the table towards the door.
    back_a, back_b
        Back-row chairs behind side a / side b, centred on the table.
    foot
        Extra chairs for staff (see above).
    seat_pitch
        Table length per person, metres (R-PHY-8: at least 0.60).
    table_width
        Table width, metres; ``None`` = :func:`default_table_width`.
    shape
        ``"rectangle"`` or ``"oval"`` (round ends beyond the end chairs).
    table_label
        Text drawn on the table.
    spacing
        Chair size, passage and walkway distances.
    source, key
        Plan file and option table (``talks``, ``meeting_room``) for error messages.

    Returns
    -------
    RoomPlan
        Groups ``"side-a"``, ``"side-b"`` (each ordered along +u across the
        room / +v pointing), ``"head"``, ``"back-a"``, ``"back-b"``, ``"foot"``;
        ``"table"`` = all chairs at the table. Table chairs have row 1,
        back-row chairs row 2; back-row and foot chairs carry the tag ``"staff"``.

    Raises
    ------
    GeometryError
        If the table and chairs with a 0.90 m walkway round them (R-PHY-11)
        do not fit the room, naming the option to change.
    """
    sp = spacing or Spacing()
    ax = TableOrientation(axis)
    shp = TableShape(shape)
    na = _positive_count(side_a, f"{key}.side_a", source)
    nb = _positive_count(side_b, f"{key}.side_b", source)
    for name, value in (("back_a", back_a), ("back_b", back_b), ("foot", foot)):
        _positive_count(value, f"{key}.{name}", source)
    if head and ax is not TableOrientation.POINTING:
        raise GeometryError(
            "a head chair needs a table pointing at the door", location=Location(file=source, field=f"{key}.mode")
        )
    pitch = _length(seat_pitch, f"{key}.seat_pitch", source, 0.6, 2.0, "R-PHY-8: at least 0.60 m per person")
    people = na + nb + (1 if head else 0)
    width = _length(
        default_table_width(people) if table_width is None else table_width, f"{key}.table_width", source, 0.5, 4.0
    )
    frame = room_frame(venue, source=source, what="a meeting table")
    b = _Builder(venue, frame, sp, source, "table")
    cw, cd = sp.chair_width, sp.chair_depth
    n = max(na, nb, 1)
    straight = n * pitch
    length = straight + (width if shp is TableShape.OVAL else 0.0)
    back_off = cd + sp.chair_back_to_table
    has_back_a, has_back_b = back_a > 0, back_b > 0
    across_ext = width / 2 + cd  # from the table axis to the back of a table chair
    extent_a = across_ext + (back_off if has_back_a else 0.0)
    extent_b = across_ext + (back_off if has_back_b else 0.0)
    pitch_back = cw + sp.chair_side_gap
    along_ext = length / 2 + (cd if head else 0.0)
    foot_ext = along_ext + ((sp.chair_back_to_table + cd) if foot and ax is TableOrientation.POINTING else 0.0)
    walk = sp.wall_walkway
    back_span = max(back_a, back_b, foot if ax is TableOrientation.ACROSS else 0) * pitch_back
    if ax is TableOrientation.ACROSS:
        need_w = max(length, back_span) + 2 * walk
        foot_extra = back_off if foot else 0.0
        need_d = extent_a + extent_b + foot_extra + 2 * walk
        have_w, have_d = frame.width, frame.depth
        along_key = f"{key}.seat_pitch"
    else:
        need_w = extent_a + extent_b + 2 * walk
        need_d = along_ext + foot_ext + 2 * walk
        have_w, have_d = frame.width, frame.depth
        along_key = f"{key}.seat_pitch"
    if need_w > have_w + _EPS:
        raise _too_small(
            source, along_key if ax is TableOrientation.ACROSS else f"{key}.table_width",
            pitch if ax is TableOrientation.ACROSS else width,
            f"a table for {n} per side with a {walk:.1f} m walkway round it (R-PHY-8, R-PHY-11)",
            need_w, have_w,
            "use a wider room, turn the table (orientation/mode), a smaller seat_pitch (at least 0.6) "
            "or fewer back-row chairs",
        )
    if need_d > have_d + _EPS:
        raise _too_small(
            source, f"{key}.table_width" if ax is TableOrientation.ACROSS else along_key,
            width if ax is TableOrientation.ACROSS else pitch,
            f"a table for {n} per side with a {walk:.1f} m walkway round it (R-PHY-8, R-PHY-11)",
            need_d, have_d,
            "use a deeper room, turn the table (orientation/mode), fewer back-row chairs, or a smaller seat_pitch",
        )
    uc = frame.centre_u
    if ax is TableOrientation.ACROSS:
        # centre the furniture between the door walkway and the far wall
        lo, hi = walk + extent_b + (back_off if foot else 0.0), frame.depth - walk - extent_a
        vc = (lo + hi) / 2
    else:
        lo, hi = walk + foot_ext, frame.depth - walk - along_ext
        vc = (lo + hi) / 2

    def place(along: float, across: float) -> Point2:
        """Door-frame point at ``along`` the table axis and ``across`` it (towards side a)."""
        if ax is TableOrientation.ACROSS:
            return (uc + along, vc + across)
        return (uc - across, vc + along)

    face_a = FACE_DOOR if ax is TableOrientation.ACROSS else FACE_RIGHT
    face_b = FACE_AWAY if ax is TableOrientation.ACROSS else FACE_LEFT
    # table
    if shp is TableShape.OVAL:
        p0, p1 = place(-straight / 2, 0.0), place(straight / 2, 0.0)
        poly = LineString([p0, p1]).buffer(width / 2, quad_segs=12)
        b.outline(ShapeKind.TABLE, poly, table_label)
    else:
        c0, c1 = place(-length / 2, -width / 2), place(length / 2, width / 2)
        b.box(ShapeKind.TABLE, min(c0[0], c1[0]), min(c0[1], c1[1]), max(c0[0], c1[0]), max(c0[1], c1[1]), table_label)
    chair_across = width / 2 + cd / 2
    for name, count, sign, face in (("a", na, 1, face_a), ("b", nb, -1, face_b)):
        for k, along in enumerate(_centred(count, pitch)):
            u, v = place(along, sign * chair_across)
            b.seat(f"table-{name}-{k + 1:02d}", u, v, face, groups=(f"side-{name}", "table"))
    if head:
        u, v = place(length / 2 + cd / 2, 0.0)
        b.seat("table-head", u, v, FACE_DOOR, groups=("head", "table"))
    for name, count, sign, face in (("a", back_a, 1, face_a), ("b", back_b, -1, face_b)):
        for k, along in enumerate(_centred(count, pitch_back)):
            u, v = place(along, sign * (chair_across + back_off))
            b.seat(f"back-{name}-{k + 1:02d}", u, v, face, row=2, groups=(f"back-{name}",), tags=("staff",))
    if foot:
        if ax is TableOrientation.POINTING:
            for k, across in enumerate(_centred(foot, pitch_back)):
                u, v = place(-(length / 2 + sp.chair_back_to_table + cd / 2), across)
                b.seat(f"foot-{k + 1:02d}", u, v, FACE_AWAY, row=2, groups=("foot",), tags=("staff",))
        else:
            dist = chair_across + back_off * (2 if has_back_b else 1)
            for k, along in enumerate(_centred(foot, pitch_back)):
                u, v = place(along, -dist)
                b.seat(f"foot-{k + 1:02d}", u, v, face_b, row=3 if has_back_b else 2, groups=("foot",), tags=("staff",))
    return b.finish(key=along_key, value=pitch, hint="make the room larger or seat fewer people at the table")


# --------------------------------------------------------------------------------------
# 签字 (R-MTG-6)
# --------------------------------------------------------------------------------------


def lay_signing(
    venue: Venue,
    *,
    standing_per_side: int,
    per_row: int = 0,
    table_length: float = SIGNING_TABLE_LENGTH,
    table_depth: float = SIGNING_TABLE_DEPTH,
    pitch: float = PERSON_PITCH,
    assistants: bool = True,
    spacing: Spacing | None = None,
    source: str | Path = "",
    key: str = "signing",
) -> RoomPlan:
    """A signing table across the room, two signer chairs and the standing rows behind (R-MTG-6).

    The signers sit behind the table facing the main door (the cameras and
    guests stand on the door side), each at the middle of his half of the
    table. The standing rows are behind the signers, the last one against the
    far wall (the backdrop); each side of the centre line takes
    ``standing_per_side`` places, ``per_row`` per row, so both delegations line
    up symmetrically. An assistant's (助签人) place stands at the outer side of
    each signer, 0.70 m out (the default of
    :func:`~seatplan.protocol.meetings.rank_signing`).

    Parameters
    ----------
    venue
        The room (without a door the bottom wall is taken as the camera side).
    standing_per_side
        Standing places on each side of the centre line.
    per_row
        Places per side in one row; 0 = as many as the room width allows.
    table_length, table_depth
        Signing table size, metres (R-PHY-9).
    pitch
        Distance between standing places, metres.
    assistants
        Lay out the two assistants' places.
    spacing, source, key
        As for the other generators.

    Returns
    -------
    RoomPlan
        Groups ``"signers"``, ``"standing"``, ``"assistants"``; the signer chairs
        have row 1, standing places rows 1… (front first) and the tag
        ``"standing"``, assistants the tag ``"standing"`` too.
    """
    sp = spacing or Spacing()
    n = _positive_count(standing_per_side, f"{key}.standing_per_side", source)
    per = _positive_count(per_row, f"{key}.per_row", source)
    tl = _length(table_length, f"{key}.table_length", source, 1.2, 6.0)
    td = _length(table_depth, f"{key}.table_depth", source, 0.3, 2.0)
    pp = _length(pitch, f"{key}.pitch", source, 0.5, 1.5)
    frame = room_frame(venue, source=source, need_door=False, what="a signing ceremony")
    b = _Builder(venue, frame, sp, source, "signing")
    uc, depth = frame.centre_u, frame.depth
    cw, cd = sp.chair_width, sp.chair_depth
    half_w = min(uc - frame.u_min, frame.u_max - uc)
    fit = math.floor((half_w - sp.last_row_wall_extra - cw / 2 - pp / 2) / pp + 1e-9) + 1 if half_w > pp else 0
    if per == 0:
        per = max(1, min(n, fit))
    if per > fit:
        raise _too_small(
            source, f"{key}.per_row", per, f"{per} standing places per side in one row", 2 * (per * pp + sp.last_row_wall_extra), frame.width,
            "use fewer places per row (more rows) or a wider room",
        )
    rows = math.ceil(n / per) if n else 0
    signer_u = tl / 4
    assistant_u = signer_u + ASSISTANT_OFFSET
    if assistants and assistant_u + cw / 2 > half_w - sp.last_row_wall_extra + _EPS:
        raise _too_small(
            source, f"{key}.table_length", tl, "the signing table with the assistants beside it",
            2 * (assistant_u + cw / 2), frame.width, "use a shorter table_length or a wider room",
        )
    v_last = depth - sp.last_row_wall_extra - STANDING_ROW_DEPTH / 2
    v_first = v_last - (rows - 1) * STANDING_ROW_DEPTH if rows else depth - sp.last_row_wall_extra
    v_chair = (v_first - STANDING_ROW_DEPTH / 2 if rows else depth - sp.last_row_wall_extra) - sp.chair_back_to_table - cd / 2
    v_table = v_chair - cd / 2 - td / 2
    front = v_table - td / 2
    if front < sp.wall_walkway - _EPS:
        raise _too_small(
            source, f"{key}.per_row", per, f"{rows} standing rows, the signers and the table with a walkway at the door",
            depth - front + sp.wall_walkway, depth, "put more places in a row (per_row) or use a deeper room",
        )
    b.box(ShapeKind.TABLE, uc - tl / 2, v_table - td / 2, uc + tl / 2, v_table + td / 2, "签字桌")
    for side, name in ((-1, "left"), (1, "right")):
        b.seat(f"signer-{name}", uc + side * signer_u, v_chair, FACE_DOOR, groups=("signers",))
    if assistants:
        for side, name in ((-1, "left"), (1, "right")):
            b.seat(
                f"assistant-{name}", uc + side * assistant_u, v_chair, FACE_DOOR, groups=("assistants",),
                tags=("standing",),
            )
    for r in range(rows):
        count = min(per, n - r * per)
        v = v_first + r * STANDING_ROW_DEPTH
        for side, name in ((-1, "left"), (1, "right")):
            for k in range(count):
                b.seat(
                    f"stand-{name}-r{r + 1}-{k + 1:02d}", uc + side * (k + 0.5) * pp, v, FACE_DOOR, row=r + 1,
                    groups=("standing",), tags=("standing",),
                )
    return b.finish(key=f"{key}.per_row", value=per, hint="make the room larger or put fewer people in a row")


def mark_flags(plan: RoomPlan, flags: Mapping[str, Point2], *, size: float = FLAG_SIZE) -> RoomPlan:
    """Add a small square for each flag (R-MTG-6: each side's flag in front of its own signer).

    Parameters
    ----------
    plan
        A signing room from :func:`lay_signing`.
    flags
        Label → plan point, e.g. ``{"主方旗": (x, y), "客方旗": (x, y)}``
        (:attr:`MeetingOrder.points` of :func:`rank_signing`).
    size
        Side of the square, metres.

    Returns
    -------
    RoomPlan
        The plan with one :attr:`ShapeKind.OBSTACLE` outline per flag, labelled.
    """
    h = size / 2
    shapes = [
        Shape(ShapeKind.OBSTACLE, ((x - h, y - h), (x + h, y - h), (x + h, y + h), (x - h, y + h)), label)
        for label, (x, y) in flags.items()
    ]
    return replace(plan, layout=replace(plan.layout, shapes=(*plan.layout.shapes, *shapes)))


# --------------------------------------------------------------------------------------
# 合影 (R-MTG-7)
# --------------------------------------------------------------------------------------


def lay_photo(
    venue: Venue,
    *,
    rows: Sequence[int],
    seated_rows: int = 1,
    pitch: float = PERSON_PITCH,
    spacing: Spacing | None = None,
    source: str | Path = "",
    key: str = "photo",
) -> RoomPlan:
    """Photo rows on a riser against the far wall, facing the camera (R-MTG-7).

    Row 1 is the front row (nearest the camera); the first ``seated_rows`` rows
    sit on chairs (rows ``Spacing.row_pitch`` apart), the others stand on the
    riser steps behind, one step (0.50 m) per row; behind the back row a
    0.60 m passage (R-PHY-9) stays free before the far wall. Places are ``pitch`` apart and centred on the room's middle line, so
    every row is symmetric about the camera axis. A camera mark is drawn
    :data:`CAMERA_DISTANCE` in front of the front row.

    Parameters
    ----------
    venue
        The room (without a door, the camera is towards the bottom wall).
    rows
        Places per row, front row first.
    seated_rows
        How many front rows sit on chairs.
    pitch
        Distance between neighbours in a row, metres (R-PHY-8 0.6 m).
    spacing, source, key
        As for the other generators.

    Returns
    -------
    RoomPlan
        Groups ``"row-1"``, ``"row-2"``…; seats have row = photo row, number 1…
        in camera view left to right; standing places carry the tag ``"standing"``.
    """
    sp = spacing or Spacing()
    counts = [_positive_count(c, f"{key}.rows", source, 1) for c in rows]
    if not counts:
        raise GeometryError("a photo needs at least one row", location=Location(file=source, field=f"{key}.rows"))
    seated = _positive_count(seated_rows, f"{key}.seated_rows", source)
    pp = _length(pitch, f"{key}.pitch", source, 0.5, 1.5)
    frame = room_frame(venue, source=source, need_door=False, what="a group photo")
    b = _Builder(venue, frame, sp, source, "photo")
    uc, depth = frame.centre_u, frame.depth
    widest = max(counts) * pp
    if widest + 2 * sp.last_row_wall_extra > frame.width + _EPS:
        raise _too_small(
            source, f"{key}.rows", list(counts), f"a photo row of {max(counts)} at {pp:.2f} m",
            widest + 2 * sp.last_row_wall_extra, frame.width, "split the row (rows = [9, 9, 8]) or use a wider room",
        )
    # row centres from the far wall forward: riser steps, then the seated rows; a 0.60 m
    # passage (R-PHY-9) stays free behind the back row so people can reach their places
    v_back = depth - sp.last_row_wall_extra - sp.chair_back_to_table
    centres: list[float] = []
    for r in range(len(counts) - 1, -1, -1):
        if not centres:
            centres.append(v_back - (sp.chair_depth if r < seated else STANDING_ROW_DEPTH) / 2)
            continue
        behind_seated = (r + 1) < seated
        if r < seated and behind_seated:
            step = sp.row_pitch
        elif r < seated:
            step = sp.chair_depth / 2 + STANDING_ROW_DEPTH / 2
        else:
            step = STANDING_ROW_DEPTH
        centres.append(centres[-1] - step)
    vs = centres[::-1]
    v_front = vs[0] - sp.chair_depth / 2
    camera_v = max(sp.wall_walkway + 0.2, v_front - CAMERA_DISTANCE)
    if v_front - 0.3 < camera_v + 0.15 or v_front < sp.wall_walkway:
        raise _too_small(
            source, f"{key}.rows", list(counts), f"{len(counts)} photo rows and room for the camera in front",
            depth - v_front + sp.wall_walkway + 0.6, depth, "use fewer rows (more people per row) or a deeper room",
        )
    standing = [vs[r] for r in range(seated, len(counts))]
    if standing:
        half = widest / 2 + 0.15
        b.box(ShapeKind.STAGE, uc - half, min(standing) - STANDING_ROW_DEPTH / 2, uc + half, depth, "合影台阶 / riser")
    for r, (count, v) in enumerate(zip(counts, vs), start=1):
        tags = () if r <= seated else ("standing",)
        # numbered 1… from the camera's left (-u: the camera looks along +v) to its right
        for k, du in enumerate(_centred(count, pp)):
            b.seat(f"photo-r{r}-{k + 1:02d}", uc + du, v, FACE_DOOR, row=r, groups=(f"row-{r}",), tags=tags)
    b.box(ShapeKind.LECTERN, uc - 0.25, camera_v - 0.15, uc + 0.25, camera_v + 0.15, "相机")
    return b.finish(key=f"{key}.rows", value=list(counts), hint="use fewer places per row or a larger room")


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


# --------------------------------------------------------------------------------------
# 多边会谈: a round table, no head (R-MTG-5)
# --------------------------------------------------------------------------------------

#: Smallest round table for multilateral talks, metres of diameter (assumption: a 1.2 m table seats 4).
ROUND_TABLE_MIN_DIAMETER = 1.2
#: Clear arc left between the back-row chairs of two neighbouring delegations, metres (assumption).
DELEGATION_GAP = 0.3


def _check_centre_table_fits(
    frame: RoomFrame, extent: float, walk: float, what: str, key: str, pitch: float, source: str | Path
) -> None:
    """A table standing in the middle of the room: its chairs reach ``extent`` from the centre
    and a ``walk`` walkway goes round them (R-PHY-8, R-PHY-11)."""
    need = 2 * (extent + walk)
    for have, side in ((frame.width, "width"), (frame.depth, "depth")):
        if need > have + _EPS:
            raise _too_small(
                source, f"{key}.seat_pitch", pitch,
                f"{what} with a {walk:.1f} m walkway round it (room {side}, R-PHY-8, R-PHY-11)",
                need, have,
                "use a larger room, a smaller seat_pitch (at least 0.6) or fewer people behind the heads",
            )


def lay_round_table(
    venue: Venue,
    *,
    heads: int,
    behind: int = 0,
    seat_pitch: float = TALKS_SEAT_PITCH,
    table_diameter: float | None = None,
    table_label: str = "",
    spacing: Spacing | None = None,
    source: str | Path = "",
    key: str = "talks",
) -> RoomPlan:
    """A round table in the middle of the room for multilateral talks (R-MTG-5).

    ``heads`` chairs stand round the table, equally spaced and facing its
    centre, the first at the far side (facing the main door) and the others
    clockwise on the plan. Behind each table chair an arc of ``behind`` chairs
    (0.60 m clear passage behind the table chairs, R-PHY-9) seats the rest of
    that delegation. The table is as large as ``seat_pitch`` per head
    (R-PHY-8) and the back arcs need, at least ``table_diameter``.

    Parameters
    ----------
    venue
        The room; needs a main door.
    heads
        Chairs at the table (one per delegation), at least 2.
    behind
        Chairs behind each table chair.
    seat_pitch
        Table circumference per head, metres (R-PHY-8: at least 0.60).
    table_diameter
        Minimum table diameter, metres, within :data:`MULTILATERAL_TABLE_SIZE`;
        ``None`` = as small as the chairs allow, at least
        :data:`ROUND_TABLE_MIN_DIAMETER`.
    table_label
        Text drawn on the table.
    spacing
        Chair size, passage and walkway distances.
    source, key
        Plan file and option table for error messages.

    Returns
    -------
    RoomPlan
        Groups ``"table"`` (table chairs, clockwise from the one facing the
        door) and ``"behind-<table seat id>"`` (the back chairs of that place,
        along the arc). Table chairs have row 1, back chairs row 2 and the tag
        ``"staff"``.

    Raises
    ------
    GeometryError
        If the table, its chairs and a 0.90 m walkway round them (R-PHY-11) do
        not fit the room.
    """
    sp = spacing or Spacing()
    n = _positive_count(heads, f"{key}.heads", source, minimum=2)
    m = _positive_count(behind, f"{key}.behind", source)
    pitch = _length(seat_pitch, f"{key}.seat_pitch", source, 0.6, 2.0, "R-PHY-8: at least 0.60 m per person")
    frame = room_frame(venue, source=source, what="a round table")
    cw, cd = sp.chair_width, sp.chair_depth
    back_off = cd + sp.chair_back_to_table
    pitch_back = cw + sp.chair_side_gap
    radius = max(n * pitch / (2 * math.pi), ROUND_TABLE_MIN_DIAMETER / 2)
    if m:
        # the arc of each delegation's back chairs must fit its share of the back circle
        need_arc = m * pitch_back + DELEGATION_GAP
        radius = max(radius, n * need_arc / (2 * math.pi) - cd / 2 - back_off)
    if table_diameter is not None:
        want = _length(table_diameter, f"{key}.table_diameter", source, *MULTILATERAL_TABLE_SIZE) / 2
        radius = max(radius, want)
    radius = round(radius, 3)
    r_chair = radius + cd / 2
    r_back = r_chair + back_off
    extent = r_chair + cd / 2 + (back_off if m else 0.0)
    _check_centre_table_fits(frame, extent, sp.wall_walkway, f"a round table for {n} delegations ({m} behind each)", key, pitch, source)
    uc, vc = frame.centre_u, frame.depth / 2
    b = _Builder(venue, frame, sp, source, "table")
    circle = Point(uc, vc).buffer(radius, quad_segs=24)
    b.outline(ShapeKind.TABLE, circle, table_label)
    for k in range(n):
        theta = math.pi / 2 - 2 * math.pi * k / n  # far side first, then clockwise
        face = math.degrees(theta) + 180.0
        sid = b.seat(
            f"table-{k + 1:02d}", uc + r_chair * math.cos(theta), vc + r_chair * math.sin(theta), face, groups=("table",)
        )
        for j in range(m):
            # along the arc, clockwise side first
            phi = theta + (j - (m - 1) / 2) * pitch_back / r_back
            b.seat(
                f"behind-{k + 1:02d}-{j + 1:02d}",
                uc + r_back * math.cos(phi),
                vc + r_back * math.sin(phi),
                math.degrees(phi) + 180.0,
                row=2,
                groups=(f"behind-{sid}",),
                tags=("staff",),
            )
    return b.finish(key=f"{key}.seat_pitch", value=pitch, hint="make the room larger or seat fewer people behind the heads")


#: Smallest square table for multilateral talks, metres of side (assumption: as the round table's 1.2 m).
SQUARE_TABLE_MIN_SIDE = 1.2


def lay_square_table(
    venue: Venue,
    *,
    heads: int,
    behind: int = 0,
    seat_pitch: float = TALKS_SEAT_PITCH,
    table_side: float | None = None,
    table_label: str = "",
    spacing: Spacing | None = None,
    source: str | Path = "",
    key: str = "talks",
) -> RoomPlan:
    """A square table in the middle of the room for multilateral talks (R-MTG-5: no head).

    The ``heads`` chairs are shared among the four sides as evenly as
    possible (:func:`~seatplan.protocol.meetings.split_square_sides`: the far
    side, facing the door, takes the first extra chair), spread evenly along
    each side, flush with the table edge (R-PHY-11) and facing the table.
    Behind each table chair a straight row of ``behind`` chairs, parallel to
    the side (0.60 m clear passage, R-PHY-9), seats the rest of that
    delegation. The table is square, as long on each side as the fullest side
    needs (``seat_pitch`` per head, R-PHY-8, or the width of a back row plus
    0.3 m between delegations), at least :data:`SQUARE_TABLE_MIN_SIDE` and
    ``table_side``.

    Parameters
    ----------
    venue
        The room; needs a main door.
    heads
        Chairs at the table (one per delegation), at least 2.
    behind
        Chairs behind each table chair.
    seat_pitch
        Table length per head, metres (R-PHY-8: at least 0.60).
    table_side
        Minimum side of the table, metres, within :data:`MULTILATERAL_TABLE_SIZE`;
        ``None`` = as small as the chairs allow.
    table_label, spacing, source, key
        As for :func:`lay_round_table`.

    Returns
    -------
    RoomPlan
        Groups ``"table"`` (table chairs clockwise on the plan, starting with
        the first chair of the far side as seen from the door) and
        ``"behind-<table seat id>"``. Table chairs have row 1, back chairs row
        2 and the tag ``"staff"``.

    Raises
    ------
    GeometryError
        If the table, its chairs and a 0.90 m walkway round them (R-PHY-11) do
        not fit the room.
    """
    sp = spacing or Spacing()
    n = _positive_count(heads, f"{key}.heads", source, minimum=2)
    m = _positive_count(behind, f"{key}.behind", source)
    pitch = _length(seat_pitch, f"{key}.seat_pitch", source, 0.6, 2.0, "R-PHY-8: at least 0.60 m per person")
    counts = split_square_sides(n)
    frame = room_frame(venue, source=source, what="a square table")
    cw, cd = sp.chair_width, sp.chair_depth
    back_off = cd + sp.chair_back_to_table
    pitch_back = cw + sp.chair_side_gap
    block = max(pitch, m * pitch_back + DELEGATION_GAP if m else 0.0)
    side = max(max(counts) * block, SQUARE_TABLE_MIN_SIDE)
    if table_side is not None:
        side = max(side, _length(table_side, f"{key}.table_side", source, *MULTILATERAL_TABLE_SIZE))
    side = round(side, 3)
    extent = side / 2 + cd + (back_off if m else 0.0)
    _check_centre_table_fits(frame, extent, sp.wall_walkway, f"a square table for {n} delegations ({m} behind each)", key, pitch, source)
    uc, vc = frame.centre_u, frame.depth / 2
    b = _Builder(venue, frame, sp, source, "table")
    h = side / 2
    b.box(ShapeKind.TABLE, uc - h, vc - h, uc + h, vc + h, table_label)
    # sides clockwise on the plan from the far side: (outward normal, direction of travel, facing)
    sides = (
        ((0.0, 1.0), (1.0, 0.0), FACE_DOOR),  # far side, travelling towards +u
        ((1.0, 0.0), (0.0, -1.0), FACE_LEFT),  # the entrant's right side, towards the door
        ((0.0, -1.0), (-1.0, 0.0), FACE_AWAY),  # near side, towards -u
        ((-1.0, 0.0), (0.0, 1.0), FACE_RIGHT),  # the entrant's left side, away from the door
    )
    k = 0
    for count, (normal, along, face) in zip(counts, sides):
        for t in _centred(count, side / count) if count else []:
            k += 1
            r = h + cd / 2
            u, v = uc + normal[0] * r + along[0] * t, vc + normal[1] * r + along[1] * t
            sid = b.seat(f"table-{k:02d}", u, v, face, groups=("table",))
            rb = r + back_off
            for j, s in enumerate(_centred(m, pitch_back)):
                b.seat(
                    f"behind-{k:02d}-{j + 1:02d}",
                    uc + normal[0] * rb + along[0] * (t + s),
                    vc + normal[1] * rb + along[1] * (t + s),
                    face, row=2, groups=(f"behind-{sid}",), tags=("staff",),
                )
    return b.finish(key=f"{key}.seat_pitch", value=pitch, hint="make the room larger or seat fewer people behind the heads")
