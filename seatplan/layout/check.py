"""The layout checker: derive rows, aisles and reach from the seats and check them.

:func:`check_layout` never trusts a generator's own bookkeeping. Row runs and where their
ends lead are traced again from the seat positions (:func:`trace_segments`,
:func:`row_segments`), then checked against the fire code
(:func:`~seatplan.layout.firecode.check_theatre`) and the clearances of the rule book.

Frame and chair footprints as in :mod:`seatplan.layout.room`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

import numpy as np
import shapely
from shapely.geometry import Point, Polygon
from shapely.geometry.base import BaseGeometry

from seatplan.layout.firecode import (
    AisleKind,
    AisleSpec,
    CodeViolation,
    FireProfile,
    RowSpec,
    Severity,
    check_theatre,
)
from seatplan.layout.room import (
    _AREA_EPS,
    GeneratedLayout,
    LayoutKind,
    PlacementIssue,
    RowAccess,
    _describe_obstacle,
    chair_polygons,
    check_seats,
    door_label,
    door_zones,
    inside_door_point,
    obstacle_polygons,
    room_polygon,
)
from seatplan.model.seats import Seat

__all__ = [
    "LayoutCheck",
    "RowSegment",
    "check_layout",
    "row_segments",
    "trace_segments",
]


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


def _row_runs(
    x: np.ndarray,
    y: np.ndarray,
    right: np.ndarray,
    pass_x: np.ndarray,
    pass_y: np.ndarray,
    row_keys: Sequence[object],
    *,
    obstacles: Sequence[BaseGeometry],
    seat_pitch: float,
) -> list[tuple[object, np.ndarray]]:
    """The runs of neighbouring seats of each row: (row key, seat indices along the row).

    A row's seats are ordered along the mean of their right-hand directions (``right``) and cut
    where two neighbours are more than 1.5 ``seat_pitch`` apart or an obstacle stands in the
    passage (``pass_x``, ``pass_y``) between them.
    """
    groups: dict[object, list[int]] = {}
    for i, key in enumerate(row_keys):
        groups.setdefault(key, []).append(i)
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
    return runs


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
    angle = np.radians(facing_deg)
    right = np.column_stack((np.sin(angle), -np.cos(angle)))
    # the passage point of every seat: where its row's people walk
    pass_x = x + np.cos(angle) * passage
    pass_y = y + np.sin(angle) * passage
    # touching is not blocking: pillars and tables count 1 mm inside their outlines
    obstacles = [o.buffer(-0.001, join_style="mitre") for o in obstacles]
    tables = [t.buffer(-0.001, join_style="mitre") for t in tables]
    runs = _row_runs(x, y, right, pass_x, pass_y, row_keys, obstacles=obstacles, seat_pitch=seat_pitch)

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
                outward = (right[end][0] * sign, right[end][1] * sign)
            else:
                dx, dy = x[end] - x[nxt], y[end] - y[nxt]
                norm = math.hypot(dx, dy) or 1.0
                outward = (dx / norm, dy / norm)
            dirs.append(outward)
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
        section, row = cast(tuple[str, int], key)
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
