"""The plan of a row layout and the arithmetic of rows and blocks (the row engine's geometry-free part).

:class:`RowPlan` says what the row engine of :mod:`seatplan.layout.theatre` lays out (theatre seats,
or classroom tables with chairs); the functions here share the seats of a row among blocks within
the code limits, count rows into banks between cross aisles, and place seats on an arc. They are
used by the engine and by the quick estimates of :mod:`seatplan.layout.capacity`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from seatplan.layout.room import LayoutKind
from seatplan.model import Numbering, Side

__all__ = [
    "RowPlan",
    "arc_slots",
    "bank_sizes",
    "block_limits",
    "centre_out_order",
    "choose_blocks",
    "distribute",
    "plan_rows",
    "row_fronts",
]


@dataclass(frozen=True)
class RowPlan:
    """What the row engine lays out (built by the theatre and classroom generators).

    Parameters
    ----------
    kind
        THEATRE or CLASSROOM.
    unit_width
        Width of one unit along the row: a seat (theatre) or a table (classroom), metres.
    chair_offsets
        Chair centres from the unit's left edge, along the row, metres.
    row_pitch
        Front of one row to the front of the next, metres.
    clear_width
        The passage a row uses (JGJ 57 clearance / IBC clear width), metres.
    front_gap
        From the stage edge / front wall to the front of row 1 (chair front or table front).
    unit_depth
        Depth of a unit's footprint from its front, metres (chair; or table + chair).
    chair_back
        Distance from the unit front to the chair centre, metres.
    table_depth
        Depth of the table at the unit front (0 = no table).
    lateral
        ``(from, to)``: the unit footprint across the row, from the unit's left edge.
    ring_min
        Narrowest wall band when there are side aisles, metres.
    side_aisles, curved, curve_radius, rows_per_bank, max_rows, numbering, odd_side
        As in :class:`seatplan.layout.theatre.TheatreOptions`.
    blocks, block_units
        Number of blocks, or units per block (explicit).
    seat_width_rule
        Pass the seat pitch to the code check (theatre seats, R-PHY-5).
    params
        Parameters reported with the layout.
    rear_min
        Narrowest rear aisle (后走道) along the back wall, metres (a meeting hall's ``back_gap``).
    """

    kind: LayoutKind
    unit_width: float
    chair_offsets: tuple[float, ...]
    row_pitch: float
    clear_width: float
    front_gap: float
    unit_depth: float
    chair_back: float
    table_depth: float
    lateral: tuple[float, float]
    ring_min: float
    side_aisles: bool
    curved: bool
    curve_radius: float | None
    rows_per_bank: int
    max_rows: int
    numbering: Numbering
    odd_side: Side
    blocks: int | None
    block_units: tuple[int, ...]
    seat_width_rule: bool
    params: tuple[tuple[str, object], ...] = ()
    rear_min: float = 0.0

    @property
    def per_unit(self) -> int:
        return len(self.chair_offsets)


def centre_out_order(k: int) -> list[int]:
    """Block indices from the middle outwards (left of centre first for even k)."""
    mid = (k - 1) / 2
    return sorted(range(k), key=lambda i: (abs(i - mid), i))


def distribute(total: int, limits: Sequence[int]) -> list[int]:
    """Spread ``total`` units over blocks with per-block limits, middle blocks first."""
    out = [0] * len(limits)
    order = [i for i in centre_out_order(len(limits)) if limits[i] > 0]
    left = min(total, sum(limits))
    while left > 0 and order:
        for i in list(order):
            if left == 0:
                break
            if out[i] < limits[i]:
                out[i] += 1
                left -= 1
            else:
                order.remove(i)
    return out


def block_limits(k: int, u2: int, u1: int, side_aisles: bool) -> list[int]:
    if k == 1:
        return [u2 if side_aisles else 0]
    limits = [u2] * k
    if not side_aisles:
        limits[0] = limits[-1] = u1
    return limits


def choose_blocks(width: float, plan: RowPlan, u2: int, u1: int, aisle: float) -> int:
    """The number of blocks that seats the most per row (fewest blocks on a tie)."""
    best_k, best = 1, -1
    k = 1
    while True:
        room_for = width - (k - 1) * aisle
        if room_for < plan.unit_width:
            break
        units = math.floor(room_for / plan.unit_width + 1e-9)
        seats = min(units, sum(block_limits(k, u2, u1, plan.side_aisles)))
        if seats > best:
            best_k, best = k, seats
        k += 1
        if k > 400:
            break
    return best_k


def bank_sizes(rows: int, banks: int) -> list[int]:
    return [rows // banks + (1 if i < rows % banks else 0) for i in range(banks)]


def plan_rows(depth: float, plan: RowPlan, cross: float) -> list[int]:
    """Rows per bank, front bank first, for the free depth in front of the rear band."""
    if depth < plan.unit_depth - 1e-9:
        return []
    per_bank = plan.rows_per_bank
    extra = plan.unit_depth + cross - plan.row_pitch
    m = 1
    while True:
        usable = depth - plan.unit_depth - (m - 1) * extra
        if usable < -1e-9:
            rows = 0
        else:
            rows = math.floor(usable / plan.row_pitch + 1e-9) + 1
        if plan.max_rows:
            rows = min(rows, plan.max_rows)
        if rows <= m * per_bank or rows == 0:
            break
        m += 1
    if rows == 0:
        return []
    m = max(1, math.ceil(rows / per_bank))
    return bank_sizes(rows, m)


def row_fronts(plan: RowPlan, banks: Sequence[int], cross: float) -> tuple[list[float], list[int], list[tuple[int, int]]]:
    """Offsets of the row fronts from the front line, the bank of each row, each bank's rows."""
    fronts: list[float] = []
    bank_of_row: list[int] = []
    ranges: list[tuple[int, int]] = []
    t = 0.0
    for b, size in enumerate(banks):
        start = len(fronts)
        for r in range(size):
            fronts.append(t)
            bank_of_row.append(b)
            t += plan.row_pitch if r < size - 1 else plan.unit_depth + cross
        ranges.append((start, len(fronts) - 1))
    return fronts, bank_of_row, ranges


def arc_slots(x0: float, x1: float, cx: float, rho: float, step: float, cw: float, cd: float, cap: int) -> list[float]:
    """Angles of seats on an arc of radius ``rho`` between two vertical aisle edges."""

    def half_extent(th: float) -> float:
        return cw / 2 * abs(math.cos(th)) + cd / 2 * abs(math.sin(th))

    def angle_at(xv: float) -> float | None:
        s = (xv - cx) / rho
        if s <= -1 or s >= 1:
            return None
        return math.asin(s)

    lo = angle_at(max(x0, cx - rho * 0.999))
    hi = angle_at(min(x1, cx + rho * 0.999))
    if lo is None or hi is None:
        return []
    for _ in range(3):
        a = angle_at(min(x0 + half_extent(lo) + 1e-4, cx + rho * 0.999))
        b = angle_at(max(x1 - half_extent(hi) - 1e-4, cx - rho * 0.999))
        if a is None or b is None:
            return []
        lo, hi = a, b
    if hi < lo:
        return []
    n = min(cap, math.floor((hi - lo) / step + 1e-9) + 1)
    mid = (lo + hi) / 2
    return [mid + (j - (n - 1) / 2) * step for j in range(n)]
