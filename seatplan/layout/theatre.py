"""Theatre rows (剧院式) and the row engine shared with the classroom layout (课桌式).

A row layout is built in the plan frame (x to the right, y towards the stage / screen at the
largest y). It is compliant *by construction* with the fire-code profile it is given:

* **Seats between aisles** (R-PHY-1, R-PHY-5 JGJ 57, R-PHY-7 IBC): the hall is cut into
  blocks by straight longitudinal aisles; a block never holds more seats per row than
  :func:`~seatplan.layout.firecode.segment_limit` allows for the row pitch with aisles on both
  sides (an outer block against a wall without a side aisle: one side). A row that a pillar or a
  slanted wall cuts is traced again (:func:`~seatplan.layout.check.trace_segments`): a run with
  one open end keeps at most the one-side number of seats (those nearest the aisle), a run
  with no way to an aisle is left out.
* **Rows between cross aisles** (R-PHY-2): at most ``rows_per_bank`` (≤ 20) rows, the rows
  spread evenly over the fewest banks that hold them.
* **Aisle widths** (R-PHY-3): every aisle is sized from the persons it serves, counted as
  :func:`~seatplan.layout.check.check_layout` counts them (a seat leaves its row by the nearer
  open end; a bank empties through the cross aisle behind it). The layout is rebuilt until the
  widths hold: narrower aisles seat more people, who need wider aisles, so the cross-aisle width
  is bisected for the narrowest that carries the people it lets in. Widths are rounded up to 5 cm.
* **Walls**: a band along every wall as wide as the side aisles (边走道, ≥ 0.80 m) and the
  rear aisle (后走道), or without side aisles only the rear band, so rows run to the side walls.
* **Pillars**: a pillar clear of the aisles keeps ``spacing.obstacle_gap``; a pillar standing in
  an aisle keeps the aisle's full width round it, so the aisle is never narrowed.
* **Doors**: no seat within ``spacing.door_clear_depth`` (1.40 m) inside a door (R-PHY-4).

Rows are straight, or arcs centred on the stage axis (``curved=True``) with the same straight
longitudinal aisles. Row 1 is the front row; seats are numbered per row AV left to right (or
serpentine / centre-out, R-AUD-9/10).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import SupportsInt, cast

import numpy as np
import shapely
from shapely import affinity
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry

from seatplan.errors import GeometryError, Location
from seatplan.layout.check import trace_segments
from seatplan.layout.firecode import (
    GB_MAX_ROWS_BETWEEN_CROSS_AISLES,
    AisleKind,
    AisleSpec,
    FireCode,
    FireProfile,
    RowSpec,
    VenueKind,
    min_aisle_width,
    min_row_pitch_jgj57,
    min_seat_width_jgj57,
    segment_limit,
)
from seatplan.layout.numbering import number_floor
from seatplan.layout.room import (
    GeneratedLayout,
    LayoutKind,
    PlannedAisle,
    RowAccess,
    chair_polygons,
    door_zones,
    obstacle_polygons,
    room_polygon,
    stage_polygon,
    validate_venue,
)
from seatplan.layout.row_plan import RowPlan, arc_slots, block_limits, choose_blocks, distribute, plan_rows, row_fronts
from seatplan.layout.spacing import Spacing
from seatplan.model import FACING_FRONT, Layout, Numbering, Seat, Shape, ShapeKind, Side, Venue

__all__ = [
    "DEFAULT_FRONT_GAP",
    "TheatreOptions",
    "generate_theatre",
    "theatre_limits",
]

#: Stage edge (or screen wall) to the front of the first row, metres. Not from the rule book:
#: the meeting-hall default (``FloorSpec.front_gap``).
DEFAULT_FRONT_GAP = 2.0
#: Widths are rounded up to this step, metres.
WIDTH_STEP = 0.05
#: At most this many rebuilds while the aisle widths settle.
MAX_PASSES = 10
#: Default radius of the front row of curved rows, as a multiple of the seating width
#: (a gentle curve: the row's ends stand about 3 % of the width in front of its middle).
CURVE_RADIUS_FACTOR = 2.0
#: Rebuilds spent bisecting the cross-aisle width.
NARROW_STEPS = 4
#: Name of the aisle along the back wall.
REAR_AISLE = "后走道"

_EPS = 1e-9


def _round_up(value: float) -> float:
    return round(math.ceil(value / WIDTH_STEP - 1e-6) * WIDTH_STEP, 6)


def _positive(value: float | None, key: str, source: str | Path, *, allow_zero: bool = False) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or (
        value < 0 if allow_zero else value <= 0
    ):
        raise GeometryError(
            f"{key} must be a {'non-negative' if allow_zero else 'positive'} number of metres, got {value!r}",
            location=Location(file=source, field=key, value=value),
        )


@dataclass(frozen=True)
class TheatreOptions:
    """Parameters of the theatre generator (剧院式).

    ``None`` means "choose": the generator takes a default, :func:`seatplan.layout.capacity.max_seats`
    searches the value.

    Parameters
    ----------
    blocks
        Number of seat blocks across the hall (``None``: the fewest that seat the most).
    block_seats
        Seats per row of each block, AV left to right; overrides ``blocks``. Each must be within
        the code limit for the row pitch.
    row_pitch
        Row spacing (排距), metres; ``None`` = ``spacing.row_pitch``.
    side_aisles
        Keep side aisles (边走道) along the side walls; ``False`` runs the rows to the walls,
        so the outer blocks have an aisle on one side only (halved limit, R-PHY-1). ``None`` = True.
    curved
        Arc rows centred on the stage axis instead of straight rows.
    curve_radius
        Radius of the front row's arc, metres; ``None`` = 1.5 × the seating width (a gentle curve).
    front_gap
        Stage edge (or the front wall) to the front of row 1, metres.
    rows_per_bank
        Most rows between cross aisles; ``None`` = 20 (R-PHY-2). Fewer rows per bank make the
        longitudinal aisles narrower (they serve fewer people) at the cost of more cross aisles.
    max_rows
        Lay out at most this many rows (0 = as many as fit).
    numbering, odd_side
        Seat numbers within a row (R-AUD-9/10), see :func:`seatplan.layout.numbering.number_floor`.
    """

    blocks: int | None = None
    block_seats: tuple[int, ...] = ()
    row_pitch: float | None = None
    side_aisles: bool | None = None
    curved: bool = False
    curve_radius: float | None = None
    front_gap: float = DEFAULT_FRONT_GAP
    rows_per_bank: int | None = None
    max_rows: int = 0
    numbering: Numbering = Numbering.SEQUENTIAL
    odd_side: Side = Side.RIGHT

    def __post_init__(self) -> None:
        object.__setattr__(self, "numbering", Numbering(self.numbering))
        object.__setattr__(self, "odd_side", Side(self.odd_side))
        object.__setattr__(self, "block_seats", tuple(self.block_seats))
        _validate_common(self.blocks, self.block_seats, self.rows_per_bank, self.max_rows, "block_seats")
        _positive(self.row_pitch, "layout.row_pitch", "")
        _positive(self.curve_radius, "layout.curve_radius", "")
        _positive(self.front_gap, "layout.front_gap", "", allow_zero=True)


def _validate_common(
    blocks: int | None, counts: tuple[int, ...], rows_per_bank: int | None, max_rows: int, counts_key: str
) -> None:
    if blocks is not None and (isinstance(blocks, bool) or not isinstance(blocks, int) or blocks < 1):
        raise GeometryError(
            f"blocks must be a whole number >= 1, got {blocks!r}", location=Location(field="layout.blocks", value=blocks)
        )
    if any(isinstance(c, bool) or not isinstance(c, int) or c < 1 for c in counts):
        raise GeometryError(
            f"{counts_key} must be whole numbers >= 1, got {list(counts)}",
            location=Location(field=f"layout.{counts_key}", value=list(counts)),
        )
    if rows_per_bank is not None and (
        isinstance(rows_per_bank, bool) or not isinstance(rows_per_bank, int) or rows_per_bank < 1
    ):
        raise GeometryError(
            f"rows_per_bank must be a whole number >= 1, got {rows_per_bank!r}",
            location=Location(field="layout.rows_per_bank", value=rows_per_bank),
        )
    if isinstance(max_rows, bool) or not isinstance(max_rows, int) or max_rows < 0:
        raise GeometryError(
            f"max_rows must be a whole number >= 0, got {max_rows!r}",
            location=Location(field="layout.max_rows", value=max_rows),
        )


def theatre_limits(
    *, row_pitch: float, clear_width: float, profile: FireProfile, seat_width: float | None
) -> tuple[int, int]:
    """Seats allowed per row segment ``(both sides open, one side open)`` for a row pitch."""
    both = segment_limit(aisles=2, row_pitch=row_pitch, clear_width=clear_width, profile=profile, seat_width=seat_width)
    one = segment_limit(aisles=1, row_pitch=row_pitch, clear_width=clear_width, profile=profile, seat_width=seat_width)
    return both, one


# ---------------------------------------------------------------------------------------------
# the row engine
# ---------------------------------------------------------------------------------------------


@dataclass
class _Widths:
    longs: list[float]
    ring: float
    rear: float
    cross: float

    def copy(self) -> _Widths:
        return _Widths(list(self.longs), self.ring, self.rear, self.cross)

    def covers(self, other: _Widths) -> bool:
        """True if every width here is at least the one in ``other``."""
        return (
            len(self.longs) == len(other.longs)
            and all(a >= b - _EPS for a, b in zip(self.longs, other.longs))
            and self.ring >= other.ring - _EPS
            and self.rear >= other.rear - _EPS
            and self.cross >= other.cross - _EPS
        )

    def bump(self, other: _Widths) -> bool:
        changed = False
        for i, w in enumerate(other.longs):
            if w > self.longs[i] + _EPS:
                self.longs[i] = w
                changed = True
        for name in ("ring", "rear", "cross"):
            if getattr(other, name) > getattr(self, name) + _EPS:
                setattr(self, name, getattr(other, name))
                changed = True
        return changed


@dataclass
class _Pass:
    """One build of the layout for a set of widths."""

    x: np.ndarray
    y: np.ndarray
    facing: np.ndarray
    plan_row: np.ndarray
    block: np.ndarray
    unit: np.ndarray  # unit index (tables), -1 for none
    tables: dict[int, BaseGeometry]
    aisles: list[PlannedAisle]
    runs: list[tuple[int, np.ndarray, int | None, int | None]]
    bank_of_row: list[int]
    banks: list[tuple[int, int]]  # plan-row ranges
    block_units: list[int]
    block_edges: list[tuple[float, float]]
    needed: _Widths
    persons: dict[int, int]
    centre: tuple[float, float] | None
    notes: list[str]


class _Frame:
    """Fixed geometry of the room for a row layout."""

    def __init__(self, venue: Venue, plan: RowPlan, spacing: Spacing, source: str | Path) -> None:
        validate_venue(venue, source=source)
        self.venue = venue
        self.room = room_polygon(venue, source=source)
        self.obstacles = obstacle_polygons(venue, source=source)
        self.stage = stage_polygon(venue, room=self.room)
        xmin, ymin, xmax, ymax = self.room.bounds
        self.bounds = (xmin, ymin, xmax, ymax)
        self.front_line = ymax - venue.stage_depth
        self.y_front = self.front_line - plan.front_gap
        self.doors = door_zones(venue, depth=spacing.door_clear_depth, room=self.room) if venue.doors else []


def _cross_bands(frame: _Frame, plan: RowPlan, banks: Sequence[int], cross: float,
                 centre: tuple[float, float] | None, radius: float) -> list[BaseGeometry]:
    fronts, _, ranges = row_fronts(plan, banks, cross)
    xmin, _ymin, xmax, _ymax = frame.bounds
    out: list[BaseGeometry] = []
    for b in range(len(banks) - 1):
        back = fronts[ranges[b][1]] + plan.unit_depth
        if centre is None:
            out.append(shapely.box(xmin - 1, frame.y_front - back - cross, xmax + 1, frame.y_front - back))
        else:
            c = shapely.Point(centre)
            out.append(c.buffer(radius + back + cross, quad_segs=64).difference(c.buffer(radius + back, quad_segs=64)))
    return out


def _dodge_pillars_y(frame: _Frame, plan: RowPlan, spacing: Spacing, banks: list[int], cross: float,
                     centre: tuple[float, float] | None, radius: float) -> list[int]:
    """Move cross aisles by a few rows so that no pillar stands in one (when the banks allow)."""
    if len(banks) < 2 or not frame.obstacles:
        return banks
    pillars = [o.buffer(spacing.obstacle_gap) for o in frame.obstacles]

    def hits(bands: Sequence[int]) -> int:
        return sum(1 for band in _cross_bands(frame, plan, bands, cross, centre, radius) for o in pillars if band.intersects(o))

    best = list(banks)
    if hits(best) == 0:
        return best
    for j in range(len(banks) - 1):
        for d in (1, -1, 2, -2, 3, -3):
            trial = list(best)
            trial[j] += d
            trial[j + 1] -= d
            if min(trial[j], trial[j + 1]) < 1 or max(trial[j], trial[j + 1]) > plan.rows_per_bank:
                continue
            if hits(trial) < hits(best):
                best = trial
                break
    return best


def _dodge_pillars_x(frame: _Frame, plan: RowPlan, spacing: Spacing, units: list[int], longs: Sequence[float],
                     x_start: float, limits: Sequence[int], y_low: float) -> list[int]:
    """Move longitudinal aisles by a few units so that no pillar stands in one (within the limits)."""
    spans = [
        (o.bounds[0] - spacing.obstacle_gap, o.bounds[2] + spacing.obstacle_gap)
        for o in frame.obstacles
        if o.bounds[1] < frame.y_front and o.bounds[3] > y_low
    ]
    if not spans or len(units) < 2:
        return units
    units = list(units)

    def strip(i: int, us: Sequence[int]) -> tuple[float, float]:
        a = x_start + sum(us[: i + 1]) * plan.unit_width + sum(longs[:i])
        return (a, a + longs[i])

    def blocked(i: int, us: Sequence[int]) -> bool:
        a, b = strip(i, us)
        return any(o0 < b and o1 > a for o0, o1 in spans)

    for i in range(len(units) - 1):
        if not blocked(i, units):
            continue
        for d in (1, -1, 2, -2, 3, -3):
            trial = list(units)
            trial[i] += d
            trial[i + 1] -= d
            if min(trial[i], trial[i + 1]) < 1 or trial[i] > limits[i] or trial[i + 1] > limits[i + 1]:
                continue
            if not blocked(i, trial):
                units = trial
                break
    return units


def _exterior_parts(geom: BaseGeometry) -> list[tuple[tuple[float, float], ...]]:
    parts = getattr(geom, "geoms", [geom])
    out: list[tuple[tuple[float, float], ...]] = []
    for g in parts:
        if isinstance(g, Polygon) and not g.is_empty and g.area > 1e-6:
            out.append(tuple((round(float(a), 4), round(float(b), 4)) for a, b in g.exterior.coords[:-1]))
    return out


@dataclass
class _Across:
    """The blocks across the hall: units per block, their x edges and the longitudinal aisle strips."""

    units: list[int]
    edges: list[tuple[float, float]]
    strips: list[tuple[float, float]]


@dataclass
class _Deep:
    """The rows front to back: arc centre and radius (curved rows), banks and row fronts."""

    centre: tuple[float, float] | None
    radius: float
    banks: list[int]
    fronts: list[float]
    bank_of_row: list[int]
    bank_ranges: list[tuple[int, int]]


def _build(frame: _Frame, plan: RowPlan, spacing: Spacing, widths: _Widths, limits: tuple[int, int, int, int],
           k_fixed: int | None, seat_cap: int | None) -> _Pass:
    """Lay the rows out once for the given aisle widths; report the widths they need.

    In order: the seating zone (the room less the wall bands and the front gap), the blocks
    across it, the rows front to back, the aisles, the floor kept free (pillars, doors, aisles),
    then the seats that fit, traced and trimmed to the code (:func:`_trace_and_trim`).
    """
    notes: list[str] = []
    ring = widths.ring if plan.side_aisles else 0.0
    rear_w = max(widths.rear, plan.rear_min)
    eroded, zone0 = _seating_zone(frame, ring, rear_w)
    empty = _Pass(np.empty(0), np.empty(0), np.empty(0), np.empty(0, int), np.empty(0, int), np.empty(0, int), {},
                  [], [], [], [], [], [], _Widths(list(widths.longs), widths.ring, widths.rear, widths.cross), {},
                  None, notes)
    if zone0.is_empty or zone0.area < 1e-6:
        notes.append("no floor is left for seats once the wall bands and the front gap are kept free")
        return empty
    across = _blocks_across(frame, plan, spacing, widths, limits, k_fixed, zone0)
    deep = _rows_deep(frame, plan, spacing, widths, zone0)
    aisles, wall_bands = _lay_aisles(frame, plan, widths, across, deep, eroded, (ring, rear_w), zone0)
    if not deep.fronts:
        empty.aisles = [a for a in aisles if a.after_row is not None or a.kind is not AisleKind.CROSS]
        notes.append("the room is too shallow for one row")
        return empty
    fits = _free_floor(frame, spacing, aisles, wall_bands, zone0)
    tables: dict[int, BaseGeometry] = {}
    if deep.centre is None:
        (x_arr, y_arr, f_arr, prow, pblock, punit), tables = _straight_units(frame, plan, across, deep, fits)
    else:
        x_arr, y_arr, f_arr, prow, pblock, punit = _arc_units(plan, spacing, limits, across, deep, fits)
    result = _Pass(x_arr, y_arr, f_arr, prow, pblock, punit, tables, aisles, [], deep.bank_of_row, deep.bank_ranges,
                   across.units, across.edges, _Widths(list(widths.longs), widths.ring, widths.rear, widths.cross), {},
                   deep.centre, notes)
    _trace_and_trim(frame, plan, spacing, result, limits[:2], seat_cap)
    return result


def _seating_zone(frame: _Frame, ring: float, rear_w: float) -> tuple[BaseGeometry, BaseGeometry]:
    """The room less the wall bands (``eroded``), and the part of it in front of the rear aisle and behind the front gap."""
    room = frame.room
    xmin, ymin, xmax, _ = frame.bounds
    delta = rear_w - ring
    eroded = room.buffer(-ring, join_style="mitre") if ring > 0 else room
    zone0 = eroded
    if delta > 1e-9:
        zone0 = zone0.intersection(affinity.translate(eroded, 0.0, delta))
    return eroded, zone0.intersection(shapely.box(xmin - 1, ymin - 1, xmax + 1, frame.y_front))


def _blocks_across(frame: _Frame, plan: RowPlan, spacing: Spacing, widths: _Widths, limits: tuple[int, int, int, int],
                   k_fixed: int | None, zone0: BaseGeometry) -> _Across:
    """Units per block (explicit, or spread within the code limits), moved to miss pillars; edges and aisle strips.

    ``widths.longs`` is resized to the number of blocks.
    """
    _, _, U2, U1 = limits
    xa, ya, xb, _ = zone0.bounds
    width = xb - xa
    if plan.block_units:
        units = list(plan.block_units)
        k = len(units)
    else:
        if k_fixed is not None:
            k = k_fixed
        elif plan.blocks is not None:
            k = plan.blocks
        else:
            k = choose_blocks(width, plan, U2, U1, max(widths.longs or [1.0]))
        if len(widths.longs) != k - 1:
            base = max(widths.longs) if widths.longs else widths.cross
            widths.longs = [base] * (k - 1)
        avail = width - sum(widths.longs)
        units = distribute(max(0, math.floor(avail / plan.unit_width + 1e-9)), block_limits(k, U2, U1, plan.side_aisles))
    if len(widths.longs) != k - 1:
        widths.longs = [widths.longs[0] if widths.longs else widths.cross] * (k - 1)
    span = sum(units) * plan.unit_width + sum(widths.longs)
    x_start = (xa + xb) / 2 - span / 2
    if not plan.block_units:
        units = _dodge_pillars_x(frame, plan, spacing, units, widths.longs, x_start,
                                 block_limits(k, U2, U1, plan.side_aisles), ya)
    x = x_start
    edges: list[tuple[float, float]] = []
    strips: list[tuple[float, float]] = []
    for i, u in enumerate(units):
        edges.append((x, x + u * plan.unit_width))
        x += u * plan.unit_width
        if i < k - 1:
            strips.append((x, x + widths.longs[i]))
            x += widths.longs[i]
    return _Across(units, edges, strips)


def _rows_deep(frame: _Frame, plan: RowPlan, spacing: Spacing, widths: _Widths, zone0: BaseGeometry) -> _Deep:
    """Rows front to back in banks (cross aisles moved to miss pillars); the arc of curved rows."""
    xa, ya, xb, _ = zone0.bounds
    width = xb - xa
    cx = (xa + xb) / 2
    radius = plan.curve_radius if plan.curve_radius is not None else CURVE_RADIUS_FACTOR * max(width, 1.0)
    half = max(cx - xa, xb - cx)
    if plan.curved and radius <= half + plan.unit_width:
        raise GeometryError(
            f"curve_radius {radius:.2f} m is too small for seating {2 * half:.2f} m wide",
            location=Location(field="layout.curve_radius", value=radius),
            hint=f"use a radius above {half + plan.unit_width:.1f} m, or leave it out",
        )
    # the front row's arc touches the front line at the sides of the seating, so every row is a
    # whole arc (the middle of row 1 stands back by the arc's rise)
    centre = (cx, frame.y_front + math.sqrt(radius * radius - half * half)) if plan.curved else None
    rise = radius - math.sqrt(radius * radius - half * half) if plan.curved else 0.0
    banks = plan_rows(frame.y_front - ya - rise, plan, widths.cross)
    banks = _dodge_pillars_y(frame, plan, spacing, banks, widths.cross, centre, radius)
    fronts, bank_of_row, bank_ranges = row_fronts(plan, banks, widths.cross)
    return _Deep(centre, radius, banks, fronts, bank_of_row, bank_ranges)


def _lay_aisles(frame: _Frame, plan: RowPlan, widths: _Widths, across: _Across, deep: _Deep, eroded: BaseGeometry,
                ring_rear: tuple[float, float], zone0: BaseGeometry) -> tuple[list[PlannedAisle], list[BaseGeometry]]:
    """Longitudinal, cross, side and rear aisles; and the side aisles' own width along the walls."""
    room = frame.room
    xmin, ymin, xmax, ymax = frame.bounds
    ring, rear_w = ring_rear
    cx = (zone0.bounds[0] + zone0.bounds[2]) / 2
    aisles: list[PlannedAisle] = []
    wall_bands: list[BaseGeometry] = []
    seat_band = shapely.box(xmin - 1, ymin - 1, xmax + 1, frame.y_front)
    for i, (lo, hi) in enumerate(across.strips, start=1):
        poly = room.intersection(shapely.box(lo, ymin - 1, hi, frame.front_line))
        aisles.append(PlannedAisle(f"纵走道 {i}", AisleKind.LONGITUDINAL, widths.longs[i - 1], poly))
    fronts = deep.fronts
    for b in range(len(deep.banks) - 1):
        last = deep.bank_ranges[b][1]
        back = fronts[last] + plan.unit_depth
        if deep.centre is None:
            band = shapely.box(xmin - 1, frame.y_front - back - widths.cross, xmax + 1, frame.y_front - back)
        else:
            c = shapely.Point(deep.centre)
            band = c.buffer(deep.radius + back + widths.cross, quad_segs=64).difference(
                c.buffer(deep.radius + back, quad_segs=64))
        poly = room.intersection(band).intersection(seat_band)
        aisles.append(PlannedAisle(f"横走道 {b + 1}", AisleKind.CROSS, widths.cross, poly, after_row=last + 1))
    if plan.side_aisles and ring > 0:
        band = room.difference(eroded).intersection(shapely.box(xmin - 1, ymin - 1, xmax + 1, frame.front_line))
        core = band
        if plan.block_units and across.edges and not plan.curved:
            # explicit blocks narrower than the room: the floor beside them is side aisle up to the wall
            beside = shapely.union(shapely.box(xmin - 1, ymin - 1, across.edges[0][0], frame.front_line),
                                   shapely.box(across.edges[-1][1], ymin - 1, xmax + 1, frame.front_line))
            floor = room.intersection(beside)
            if frame.obstacles:  # a pillar there stands beside the rows, not in an aisle (it closes the row ends it blocks)
                floor = floor.difference(shapely.union_all([o.buffer(1e-3, join_style="mitre") for o in frame.obstacles]))
            band = band.union(floor)
        for name, half_box in (("边走道 左", shapely.box(xmin - 1, ymin - 1, cx, ymax + 1)),
                               ("边走道 右", shapely.box(cx, ymin - 1, xmax + 1, ymax + 1))):
            aisles.append(PlannedAisle(name, AisleKind.SIDE, ring, band.intersection(half_box)))
            wall_bands.append(core.intersection(half_box))
    delta = rear_w - ring
    rear_zone = room.difference(affinity.translate(eroded, 0.0, max(delta, 0.0))) if ring > 0 else room.difference(
        affinity.translate(room, 0.0, rear_w))
    lowest = frame.y_front - (fronts[-1] + plan.unit_depth) if fronts else zone0.bounds[1]
    rear = rear_zone.intersection(shapely.box(xmin - 1, ymin - 1, xmax + 1, min(lowest, frame.y_front)))
    aisles.append(PlannedAisle(REAR_AISLE, AisleKind.CROSS, rear_w, rear, after_row=len(fronts) or None))
    return aisles, wall_bands


def _free_floor(frame: _Frame, spacing: Spacing, aisles: list[PlannedAisle], wall_bands: list[BaseGeometry],
                zone0: BaseGeometry) -> Callable[[np.ndarray], np.ndarray]:
    """A test for footprints: inside the seating zone, clear of aisles, pillars (with their gap) and door zones.

    A pillar clear of the aisles keeps ``obstacle_gap``; a pillar standing in an aisle keeps the aisle's
    width round it (the side aisles: their width along the walls, not the floor beside narrow blocks).
    """
    blocked: list[BaseGeometry] = []
    walls = shapely.union_all(wall_bands)
    for o in frame.obstacles:
        gap = spacing.obstacle_gap
        for a in aisles:
            poly = a.polygon if a.kind is not AisleKind.SIDE else walls
            if not poly.is_empty and o.intersects(poly):
                gap = max(gap, a.width)
        blocked.append(o.buffer(gap, join_style="mitre") if gap > 0 else o)
    blocked += frame.doors
    cut = [a.polygon for a in aisles if a.kind is not AisleKind.SIDE and not a.polygon.is_empty]
    shapely.prepare(zone0)
    cut_tree = shapely.STRtree(np.asarray([*blocked, *cut], dtype=object)) if (blocked or cut) else None

    def fits(polys: np.ndarray) -> np.ndarray:
        ok = shapely.covers(zone0, polys)
        if cut_tree is not None and len(polys):
            hit, _ = cut_tree.query(polys, predicate="intersects")
            ok[hit] = False
        return ok

    return fits


_Units = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]


def _straight_units(frame: _Frame, plan: RowPlan, across: _Across, deep: _Deep,
                    fits: Callable[[np.ndarray], np.ndarray]) -> tuple[_Units, dict[int, BaseGeometry]]:
    """Seats of straight rows: every unit (seat, or table with chairs) whose footprint fits; the tables kept."""
    units, edges, fronts = across.units, across.edges, deep.fronts
    lat0, lat1 = plan.lateral
    ux = np.asarray([edges[b][0] + j * plan.unit_width for b in range(len(units)) for j in range(units[b])], dtype=float)
    ub = np.asarray([b for b in range(len(units)) for _ in range(units[b])], dtype=int)
    yfs = frame.y_front - np.asarray(fronts, dtype=float)
    n_u = len(ux)
    unit_x = np.tile(ux, len(fronts))
    unit_b = np.tile(ub, len(fronts))
    unit_y = np.repeat(yfs, n_u)
    unit_r = np.repeat(np.arange(len(fronts)), n_u)
    if len(unit_x):
        shrink = 1e-6
        boxes = shapely.box(unit_x + lat0 + shrink, unit_y - plan.unit_depth + shrink, unit_x + lat1 - shrink,
                            unit_y - shrink)
        kept = np.flatnonzero(fits(boxes))
    else:
        kept = np.zeros(0, dtype=int)
    offs = np.asarray(plan.chair_offsets, dtype=float)
    g_n = len(offs)
    x_arr = (unit_x[kept][:, None] + offs[None, :]).ravel()
    y_arr = np.repeat(unit_y[kept] - plan.chair_back, g_n)
    f_arr = np.full(len(x_arr), FACING_FRONT)
    prow = np.repeat(unit_r[kept], g_n).astype(int)
    pblock = np.repeat(unit_b[kept], g_n).astype(int)
    punit = np.repeat(kept, g_n).astype(int)
    tables: dict[int, BaseGeometry] = {}
    if plan.table_depth > 0:
        for uid in sorted(set(punit.tolist())):
            x0, yf = float(unit_x[uid]), float(unit_y[uid])
            tables[uid] = shapely.box(x0, yf - plan.table_depth, x0 + plan.unit_width, yf)
    return (x_arr, y_arr, f_arr, prow, pblock, punit), tables


def _arc_units(plan: RowPlan, spacing: Spacing, limits: tuple[int, int, int, int], across: _Across, deep: _Deep,
               fits: Callable[[np.ndarray], np.ndarray]) -> _Units:
    """Seats of curved rows: arcs round the centre between the aisle edges, each seat facing the centre."""
    L2, L1, _, _ = limits
    assert deep.centre is not None
    cxr, cyr = deep.centre
    cw, cd = spacing.chair_width, spacing.chair_depth
    k = len(across.units)
    xs: list[float] = []
    ys: list[float] = []
    fs: list[float] = []
    prow: list[int] = []
    pblock: list[int] = []
    for r, tf in enumerate(deep.fronts):
        rho = deep.radius + tf + plan.chair_back
        step = 2 * math.asin(min(1.0, plan.unit_width / (2 * rho)))
        for b, (x0, x1) in enumerate(across.edges):
            cap = block_limits(k, L2, L1, plan.side_aisles)[b] if not plan.block_units else across.units[b]
            if cap <= 0:
                continue
            for th in arc_slots(x0, x1, cxr, rho, step, cw, cd, cap):
                xs.append(cxr + rho * math.sin(th))
                ys.append(cyr - rho * math.cos(th))
                fs.append(90.0 + math.degrees(th))
                prow.append(r)
                pblock.append(b)
    x_arr, y_arr, f_arr = np.asarray(xs, float), np.asarray(ys, float), np.asarray(fs, float)
    sel = np.arange(len(x_arr))
    if len(x_arr):
        sel = np.flatnonzero(fits(chair_polygons(x_arr, y_arr, f_arr, width=cw, depth=cd, shrink=1e-6)))
    return (x_arr[sel], y_arr[sel], f_arr[sel], np.asarray(prow, dtype=int)[sel], np.asarray(pblock, dtype=int)[sel],
            np.full(len(sel), -1, dtype=int))


def _trace_and_trim(frame: _Frame, plan: RowPlan, spacing: Spacing, p: _Pass, limits: tuple[int, int],
                    seat_cap: int | None) -> None:
    """Trace the row runs, drop what the code does not allow, count the persons per aisle."""
    L2, L1 = limits
    probe = [i for i, a in enumerate(p.aisles) if a.probe and not a.polygon.is_empty]
    dropped = 0

    def trace() -> list[tuple[int, np.ndarray, int | None, int | None]]:
        if len(p.x) == 0:
            return []
        traced = trace_segments(
            p.x, p.y, p.facing, p.plan_row.tolist(), room=frame.room, obstacles=frame.obstacles,
            tables=list(p.tables.values()), aisles=[p.aisles[i].polygon for i in probe],
            seat_size=(spacing.chair_width, spacing.chair_depth), seat_pitch=plan.unit_width / plan.per_unit,
            passage=_passage(plan, spacing),
        )
        return [
            (int(cast(SupportsInt, key)), idx, None if first is None else probe[first], None if last is None else probe[last])
            for key, idx, first, last in traced
        ]

    runs = trace()
    for _ in range(4):
        keep = np.ones(len(p.x), dtype=bool)
        kept_runs: list[tuple[int, np.ndarray, int | None, int | None]] = []
        clean = True  # only closed runs and closed ends were cut: the other ends stay as traced
        for r, idx, first, last in runs:
            n = len(idx)
            if first is None and last is None:
                keep[idx] = False
                dropped += n
                continue
            limit = L2 if (first is not None and last is not None) else L1
            if n > limit:
                if first is not None and last is None:
                    idx_kept = idx[:limit]
                elif last is not None and first is None:
                    idx_kept = idx[n - limit:]
                else:
                    idx_kept = idx[:limit]
                    clean = False
                keep[np.setdiff1d(idx, idx_kept)] = False
                dropped += n - limit
                idx = idx_kept
            kept_runs.append((r, idx, first, last))
        if seat_cap is not None and int(keep.sum()) > seat_cap:
            keep = _cap_from_back(p, keep, seat_cap)
            clean = False
        if keep.all():
            p.runs = runs
            break
        new_index = np.cumsum(keep) - 1
        _select(p, keep)
        if clean:
            p.runs = [(r, new_index[idx], first, last) for r, idx, first, last in kept_runs]
            break
        runs = trace()
    else:
        p.runs = runs
    if dropped > 0:
        p.notes.append(f"{dropped} seat{'' if dropped == 1 else 's'} left out where a pillar or a wall closes a row (R-PHY-1)")
    _count_persons(plan, spacing, p)


def _passage(plan: RowPlan, spacing: Spacing) -> float:
    """Offset of a row's passage from the seat centres along their facing, metres."""
    middle = spacing.chair_depth / 2 + plan.clear_width / 2
    return middle if plan.table_depth == 0 else -middle


def _cap_from_back(p: _Pass, keep: np.ndarray, cap: int) -> np.ndarray:
    """Keep at most ``cap`` seats: drop the back rows, then seats from both ends of the last row."""
    keep = keep.copy()
    rows = sorted(set(p.plan_row[keep].tolist()))
    total = int(keep.sum())
    for r in reversed(rows):
        if total <= cap:
            break
        members = np.flatnonzero(keep & (p.plan_row == r))
        excess = total - cap
        if excess >= len(members):
            keep[members] = False
            total -= len(members)
        else:
            by_x = members[np.argsort(p.x[members], kind="stable")]
            ends = [by_x[i // 2] if i % 2 == 0 else by_x[len(by_x) - 1 - i // 2] for i in range(excess)]
            keep[np.asarray(ends, dtype=int)] = False
            total -= excess
    return keep


def _select(p: _Pass, keep: np.ndarray) -> None:
    idx = np.flatnonzero(keep)
    p.x, p.y, p.facing = p.x[idx], p.y[idx], p.facing[idx]
    p.plan_row, p.block, p.unit = p.plan_row[idx], p.block[idx], p.unit[idx]
    if p.tables:
        used = set(p.unit.tolist())
        p.tables = {u: t for u, t in p.tables.items() if u in used}


def _count_persons(plan: RowPlan, spacing: Spacing, p: _Pass) -> None:
    served: dict[tuple[int, int], int] = {}
    bank_total: dict[int, int] = {}
    for r, idx, first, last in p.runs:
        bank = p.bank_of_row[r]
        n = len(idx)
        bank_total[bank] = bank_total.get(bank, 0) + n
        if first is not None and last is not None and first != last:
            drains = {first: (n + 1) // 2, last: n // 2}
        else:
            drains = {(first if first is not None else last): n}  # type: ignore[dict-item]
        for aisle, count in drains.items():
            served[(aisle, bank)] = served.get((aisle, bank), 0) + count
    persons: dict[int, int] = {}
    need = _Widths([], 0.0, 0.0, 0.0)
    longs: list[float] = []
    base_aisle = max(spacing.aisle_width, min_aisle_width(0))
    side_floor = max(plan.ring_min, min_aisle_width(0, side=True))
    rows_bank = {row: b for row, b in enumerate(p.bank_of_row)}
    for i, a in enumerate(p.aisles):
        if a.kind is AisleKind.CROSS:
            row = (a.after_row or 1) - 1
            bank = rows_bank.get(row, len(p.banks) - 1)
            persons[i] = (bank_total.get(bank, 0) + 1) // 2
            w = max(base_aisle, min_aisle_width(persons[i]))
            if a.name == REAR_AISLE:
                need.rear = max(need.rear, w)
            else:
                need.cross = max(need.cross, w)
        else:
            persons[i] = max((v for (j, _), v in served.items() if j == i), default=0)
            if a.kind is AisleKind.SIDE:
                need.ring = max(need.ring, max(side_floor, min_aisle_width(persons[i], side=True)))
            else:
                longs.append(max(base_aisle, min_aisle_width(persons[i])))
    need.longs = [_round_up(w) for w in longs]
    # the rear aisle and the cross aisles share one width (each carries half of a bank)
    need.cross = need.rear = _round_up(max(need.rear, need.cross))
    need.ring = _round_up(need.ring)
    p.persons = persons
    p.needed = need


def lay_rows(
    venue: Venue,
    plan: RowPlan,
    *,
    spacing: Spacing,
    profile: FireProfile,
    seat_cap: int | None = None,
    source: str | Path = "",
) -> GeneratedLayout:
    """Lay out rows of seats (or tables with chairs) to code in a room; see the module docstring.

    Raises
    ------
    GeometryError
        If the row pitch or the seat width leave no legal row (named with the rule), or an
        explicit block is larger than the code allows.
    """
    frame = _Frame(venue, plan, spacing, source)
    seat_w = plan.unit_width / plan.per_unit if plan.seat_width_rule else None
    L2, L1 = theatre_limits(row_pitch=plan.row_pitch, clear_width=plan.clear_width, profile=profile, seat_width=seat_w)
    if L2 < 1:
        raise GeometryError(_no_row_reason(plan, profile, seat_w), location=Location(file=source, field="layout.row_pitch",
                            value=plan.row_pitch), hint="widen the row pitch (spacing.row_pitch / layout.row_pitch) "
                            "or the seat width")
    U2, U1 = L2 // plan.per_unit, L1 // plan.per_unit
    if U2 < 1:
        raise GeometryError(
            f"a unit of {plan.per_unit} seats is more than the {L2} seats allowed between two aisles",
            location=Location(file=source, field="layout.table_length"),
            hint="use shorter tables or fewer seats per table",
        )
    for i, u in enumerate(plan.block_units, start=1):
        outer = i in (1, len(plan.block_units)) and not plan.side_aisles
        allowed = (U1 if outer or (len(plan.block_units) == 1 and not plan.side_aisles) else U2)
        if len(plan.block_units) == 1 and not plan.side_aisles:
            allowed = 0
        if u > allowed:
            seats = u * plan.per_unit
            raise GeometryError(
                f"block {i} has {seats} seats per row; with a row pitch of {plan.row_pitch:.2f} m the code allows "
                f"{allowed * plan.per_unit} ({'an aisle on one side only' if outer else 'aisles on both sides'})",
                location=Location(file=source, field="layout.block_seats", value=list(plan.block_units)),
                hint="split the block, widen the row pitch, or keep side aisles",
            )
    base_aisle = _round_up(max(spacing.aisle_width, min_aisle_width(0)))
    ring0 = _round_up(max(plan.ring_min, min_aisle_width(0, side=True))) if plan.side_aisles else 0.0
    floor = _Widths([], ring0, base_aisle, base_aisle)
    lims = (L2, L1, U2, U1)
    widths = _guess_widths(frame, plan, spacing, lims, floor)
    k_fixed = (len(widths.longs) + 1) if not plan.block_units else None

    def build(w: _Widths) -> _Pass:
        return _build(frame, plan, spacing, w.copy(), lims, k_fixed, seat_cap)

    def settle(w: _Widths, res: _Pass) -> tuple[_Widths, _Pass]:
        """Widen the longitudinal and side aisles until they suffice (the cross width kept)."""
        for _ in range(MAX_PASSES):
            need = res.needed
            bumped = _Widths([max(a, b) for a, b in zip(w.longs, need.longs)] if len(need.longs) == len(w.longs)
                             else list(w.longs), max(w.ring, need.ring), w.rear, w.cross)
            if bumped.covers(w) and w.covers(bumped):
                break
            w, res = bumped, build(bumped)
        return w, res

    def with_cross(w: _Widths, c: float) -> _Widths:
        return _Widths(list(w.longs), w.ring, c, c)

    result = build(widths)
    k_fixed = len(result.block_units) or k_fixed
    widths, result = settle(widths, result)
    # the cross and rear aisles: narrower ones leave room for more rows, whose people ask for
    # wider ones; bisect for the narrowest width that carries the people it lets in
    c = widths.cross
    if result.needed.cross > c + _EPS:
        lo_c, hi_c = c, result.needed.cross
        hi_w = with_cross(widths, hi_c)
        hi_r = build(hi_w)
        while hi_r.needed.cross > hi_c + _EPS:  # rare: not yet enough
            lo_c, hi_c = hi_c, hi_r.needed.cross
            hi_w = with_cross(widths, hi_c)
            hi_r = build(hi_w)
    else:
        lo_c, hi_c, hi_w, hi_r = max(floor.cross, result.needed.cross), c, widths, result
        if lo_c < hi_c - _EPS:
            trial_w = with_cross(widths, lo_c)
            trial = build(trial_w)
            if trial.needed.cross <= lo_c + _EPS:
                hi_c, hi_w, hi_r = lo_c, trial_w, trial
    for _ in range(NARROW_STEPS):
        if hi_c - lo_c <= 0.15 + _EPS:
            break
        mid = _round_up((lo_c + hi_c) / 2)
        if mid >= hi_c - _EPS:
            break
        trial_w = with_cross(widths, mid)
        trial = build(trial_w)
        if trial.needed.cross <= mid + _EPS:
            hi_c, hi_w, hi_r = mid, trial_w, trial
        else:
            lo_c = mid
    widths, result = settle(hi_w, hi_r)
    # the first guess may have made the longitudinal and side aisles wider than they need be
    lower = _Widths([max(floor.cross, b) for b in result.needed.longs] if len(result.needed.longs) == len(widths.longs)
                    else list(widths.longs), max(floor.ring, result.needed.ring), widths.rear, widths.cross)
    if not lower.covers(widths):
        trial = build(lower)
        if lower.covers(trial.needed) and len(trial.x) >= len(result.x):
            widths, result = lower, trial
    if not widths.covers(result.needed):  # did not settle: take the widest and build once more
        widths.bump(result.needed)
        result = build(widths)
    return _finish(frame, plan, spacing, profile, result, (L2, L1))


def _guess_widths(frame: _Frame, plan: RowPlan, spacing: Spacing, lims: tuple[int, int, int, int],
                  floor: _Widths) -> _Widths:
    """First guess of the aisle widths, from the room's bounding box (no geometry).

    The guess is the persons-served rule applied to full blocks and full rows; a room that is
    not a rectangle seats fewer, so the guess is on the wide side and the rebuilds narrow it.
    """
    _, _, U2, U1 = lims
    xmin, ymin, xmax, _ymax = frame.bounds
    g = plan.per_unit
    w = floor.copy()
    base = max(spacing.aisle_width, min_aisle_width(0))
    k = len(plan.block_units) or None
    for _ in range(4):
        ring = w.ring if plan.side_aisles else 0.0
        width = xmax - xmin - 2 * ring
        if plan.block_units:
            units = list(plan.block_units)
        else:
            long_w = max(w.longs or [base])
            if k is None:
                k = plan.blocks or choose_blocks(width, plan, U2, U1, long_w)
            avail = width - (k - 1) * long_w
            units = distribute(max(0, int(avail / plan.unit_width)), block_limits(k, U2, U1, plan.side_aisles))
        banks = plan_rows(frame.y_front - ymin - max(ring, w.rear, plan.rear_min), plan, w.cross)
        if not banks:
            break
        rows = max(banks)
        seats = [u * g for u in units]
        # 5 % on top: where a pillar closes a row end, its seats all leave by the other end
        longs = [
            _round_up(max(base, 1.05 * min_aisle_width(rows * (seats[i] // 2 + (seats[i + 1] + 1) // 2))
                          if rows * (seats[i] // 2 + (seats[i + 1] + 1) // 2) > 100 * base / 0.6 else base))
            for i in range(len(seats) - 1)
        ]
        if plan.side_aisles:
            side = max(plan.ring_min, min_aisle_width(rows * ((seats[0] + 1) // 2), side=True))
        else:
            side = 0.0
        cross = _round_up(max(base, min_aisle_width((rows * sum(seats) + 1) // 2)))
        w = _Widths(longs, _round_up(max(floor.ring, side)) if plan.side_aisles else floor.ring, cross, cross)
    return w


def _no_row_reason(plan: RowPlan, profile: FireProfile, seat_width: float | None) -> str:
    if profile.code is FireCode.GB50016 and profile.apply_jgj57 and profile.venue_kind is VenueKind.THEATRE:
        soft = profile.soft_seats
        if seat_width is not None and seat_width < min_seat_width_jgj57(soft=soft) - 1e-9:
            return (f"seat width {seat_width:.2f} m is below the JGJ 57 minimum {min_seat_width_jgj57(soft=soft):.2f} m "
                    f"for {'soft' if soft else 'hard'} seats (R-PHY-5)")
        need = min(min_row_pitch_jgj57(1, soft=soft, aisles=2, method=None), 10.0)
        return (f"row pitch {plan.row_pitch:.2f} m is below the JGJ 57 minimum {need:.2f} m for "
                f"{'soft' if soft else 'hard'} seats (R-PHY-5)")
    return f"row pitch {plan.row_pitch:.2f} m leaves too little clear width between rows for the {profile.code.value} profile"


def _finish(frame: _Frame, plan: RowPlan, spacing: Spacing, profile: FireProfile, p: _Pass,
            limits: tuple[int, int]) -> GeneratedLayout:
    venue = frame.venue
    # printed row numbers: plan rows that kept a seat, front to back
    used_rows = sorted(set(p.plan_row.tolist()))
    printed = {r: i for i, r in enumerate(used_rows, start=1)}
    seat_pitch = plan.unit_width / plan.per_unit
    order: dict[int, list[int]] = {}
    for i in range(len(p.x)):
        order.setdefault(int(p.plan_row[i]), []).append(i)
    lateral = (p.facing - 90.0) if p.centre is not None else p.x
    rows_seq: list[list[int]] = []
    for r in used_rows:
        members = order[r]
        members.sort(key=lambda i: (float(lateral[i]), float(p.x[i])))
        rows_seq.append(members)
    numbers = number_floor([len(m) for m in rows_seq], numbering=plan.numbering, odd_side=plan.odd_side)
    seats: list[Seat] = []
    seat_index: dict[int, str] = {}
    for r, (members, nums) in enumerate(zip(rows_seq, numbers), start=1):
        for k, (i, num) in enumerate(zip(members, nums), start=1):
            sid = f"floor-r{r:03d}-s{k:03d}"
            seat_index[i] = sid
            seats.append(
                Seat(id=sid, section="floor", row=r, number=num, x=round(float(p.x[i]), 4),
                     y=round(float(p.y[i]), 4), facing=round(float(p.facing[i]), 4),
                     tags=frozenset({f"block-{int(p.block[i]) + 1}"}))
            )
    # aisles: renumber after_row to printed rows
    aisles: list[PlannedAisle] = []
    remap: dict[int, int] = {}
    for i, a in enumerate(p.aisles):
        if a.polygon.is_empty:
            continue
        if a.after_row is not None:
            plan_last = a.after_row - 1
            before = [printed[r] for r in used_rows if r <= plan_last]
            if not before:
                continue
            a = replace(a, after_row=max(before))
        remap[i] = len(aisles)
        aisles.append(a)
    # the generator's own row specs and aisle specs
    L2, L1 = limits
    row_specs: list[RowSpec] = []
    by_key: dict[tuple[int, int], list[tuple[np.ndarray, int | None, int | None]]] = {}
    for r, idx, first, last in p.runs:
        block = int(p.block[idx[0]]) + 1
        by_key.setdefault((printed[r], block), []).append((idx, first, last))
    for (row, block), runs in sorted(by_key.items()):
        runs.sort(key=lambda t: float(p.x[t[0]].mean()))
        for part, (idx, first, last) in enumerate(runs, start=1 if len(runs) > 1 else 0):
            row_specs.append(
                RowSpec(row=row, block=block, seats=len(idx), aisles=(first is not None) + (last is not None),
                        row_pitch=plan.row_pitch, seat_width=seat_pitch if plan.seat_width_rule else None,
                        clear_width=plan.clear_width, part=part)
            )
    aisle_specs = tuple(
        AisleSpec(a.width, p.persons.get(i, 0), a.kind, a.name, aisles[remap[i]].after_row)
        for i, a in enumerate(p.aisles) if i in remap
    )
    shapes: list[Shape] = [Shape(ShapeKind.ROOM, tuple(venue.outline), venue.name)]
    if frame.stage is not None and not frame.stage.is_empty:
        for pts in _exterior_parts(frame.stage):
            shapes.append(Shape(ShapeKind.STAGE, pts, "舞台"))
    for a in aisles:
        for pts in _exterior_parts(a.polygon):
            shapes.append(Shape(ShapeKind.AISLE, pts, a.name))
    table_list = [p.tables[u] for u in sorted(p.tables)]
    for t in table_list:
        for pts in _exterior_parts(t):
            shapes.append(Shape(ShapeKind.TABLE, pts, ""))
    for i, points in enumerate(venue.obstacles, start=1):
        shapes.append(Shape(ShapeKind.OBSTACLE, tuple(points), f"柱 {i}"))
    params: list[tuple[str, object]] = list(plan.params)
    params += [
        ("block_seats", [u * plan.per_unit for u in p.block_units]),
        ("row_pitch", plan.row_pitch),
        ("side_aisles", plan.side_aisles),
        ("banks", [b - a + 1 for a, b in p.banks]),
        ("rows", len(used_rows)),
        ("seats_between_aisles", {"both_sides": L2, "one_side": L1}),
    ]
    if p.centre is not None:
        params.append(("curve_centre", (round(p.centre[0], 3), round(p.centre[1], 3))))
    layout = Layout(venue=venue, seats=tuple(seats), shapes=tuple(shapes))
    return GeneratedLayout(
        kind=plan.kind,
        layout=layout,
        spacing=spacing,
        profile=profile,
        seat_pitch=seat_pitch,
        row_pitch=plan.row_pitch,
        row_access=RowAccess.FRONT if plan.table_depth == 0 else RowAccess.BACK,
        aisles=tuple(aisles),
        tables=tuple(table_list),
        table_labels=tuple(f"row-table {i}" for i in range(1, len(table_list) + 1)),
        front_line=frame.front_line,
        door_rule=True,
        params=tuple(params),
        notes=tuple(dict.fromkeys(p.notes)),
        rows=tuple(row_specs),
        aisle_specs=aisle_specs,
        passage=round(_passage(plan, spacing), 6),
    )


# ---------------------------------------------------------------------------------------------
# theatre
# ---------------------------------------------------------------------------------------------


def theatre_plan(options: TheatreOptions, spacing: Spacing) -> RowPlan:
    """The row-engine plan of a theatre layout."""
    pitch = options.row_pitch if options.row_pitch is not None else spacing.row_pitch
    if pitch < spacing.chair_depth - 1e-9:
        raise GeometryError(
            f"row pitch {pitch:.2f} m is less than the chair depth {spacing.chair_depth:.2f} m",
            location=Location(field="layout.row_pitch", value=pitch),
            hint="give the row pitch (排距) in metres, e.g. 0.90",
        )
    sw = spacing.seat_width
    side = True if options.side_aisles is None else options.side_aisles
    return RowPlan(
        kind=LayoutKind.THEATRE,
        unit_width=sw,
        chair_offsets=(sw / 2,),
        row_pitch=round(pitch, 6),
        clear_width=round(pitch - spacing.chair_depth, 6),
        front_gap=options.front_gap,
        unit_depth=spacing.chair_depth,
        chair_back=spacing.chair_depth / 2,
        table_depth=0.0,
        lateral=((sw - spacing.chair_width) / 2, (sw + spacing.chair_width) / 2),
        ring_min=spacing.side_aisle,
        side_aisles=side,
        curved=options.curved,
        curve_radius=options.curve_radius,
        rows_per_bank=min(options.rows_per_bank or GB_MAX_ROWS_BETWEEN_CROSS_AISLES, GB_MAX_ROWS_BETWEEN_CROSS_AISLES),
        max_rows=options.max_rows,
        numbering=options.numbering,
        odd_side=options.odd_side,
        blocks=options.blocks,
        block_units=options.block_seats,
        seat_width_rule=True,
        params=(("curved", options.curved), ("front_gap", options.front_gap)),
    )


#: The default options (frozen, so one shared instance is safe as a default argument).
_DEFAULT_OPTIONS = TheatreOptions()


def generate_theatre(
    venue: Venue,
    *,
    spacing: Spacing = Spacing(),
    profile: FireProfile = FireProfile(),
    options: TheatreOptions = _DEFAULT_OPTIONS,
    seat_cap: int | None = None,
    source: str | Path = "",
) -> GeneratedLayout:
    """Lay out theatre rows (剧院式) in a room, to code by construction (R-PHY-1/2/3/5/7).

    Parameters
    ----------
    venue
        The room (any simple polygon, pillars, doors, a stage along the front wall).
    spacing
        Seat width, row pitch, chair size, aisle minima (:class:`Spacing`).
    profile
        Fire-code profile the rows and aisles are sized to.
    options
        Blocks, row pitch, side aisles, curved rows... (:class:`TheatreOptions`).
    seat_cap
        Lay out at most this many seats (dropping back rows first), e.g. the exit-width limit.
    source
        File the venue came from, for error messages.

    Returns
    -------
    GeneratedLayout
        Seats ``floor-rNNN-sNNN`` (section ``floor``, row 1 at the front, facing the stage),
        aisles and outlines. Check it with :func:`seatplan.layout.check.check_layout`.

    Raises
    ------
    GeometryError
        Invalid room, a row pitch or seat width below the code minimum, or an explicit block
        larger than the code allows.
    """
    if options.block_seats and options.blocks is not None and options.blocks != len(options.block_seats):
        raise GeometryError(
            f"blocks = {options.blocks} but block_seats lists {len(options.block_seats)} blocks",
            location=Location(file=source, field="layout.blocks", value=options.blocks),
            hint="give either blocks or block_seats",
        )
    plan = theatre_plan(options, spacing)
    return lay_rows(venue, plan, spacing=spacing, profile=profile, seat_cap=seat_cap, source=source)

