"""Capacity questions: how many seats fit, how big a room, which layout seats everyone best.

* :func:`max_seats` — the most seats a room holds in a layout under a fire-code profile, best
  over the generator's parameters (row pitch within code, blocks across the hall, side aisles,
  rows between cross aisles; table length; table size and orientation), capped by the exit
  width for theatre-type seating (R-PHY-4).
* :func:`room_for` — the smallest rectangle of a given aspect that seats *n* people in a layout,
  or the best of a list of rooms.
* :func:`best_layout` — for one room and *n* people, the layouts ranked by a stated score
  (see :func:`best_layout`).

The theatre search does not try every parameter combination on large halls: it lists the row
pitches that change the seats allowed between aisles (R-PHY-1/5/7) together with the block
counts they make possible, rates every candidate with a quick estimate (rows × seats per row
with aisle widths from the persons-served rule) and builds the best ones in full. On small
rooms every candidate is built. The tests compare the answer with an exhaustive search.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from seatplan.errors import GeometryError, Location, SeatplanError
from seatplan.layout.classroom import ClassroomOptions, classroom_plan, generate_classroom
from seatplan.layout.dais_block import DaisOptions, generate_dais
from seatplan.layout.firecode import (
    GB_MAX_ROWS_BETWEEN_CROSS_AISLES,
    FireProfile,
    max_seats_for_exits,
    min_aisle_width,
)
from seatplan.layout.room import GeneratedLayout, LayoutKind, room_polygon, validate_venue
from seatplan.layout.row_plan import RowPlan, distribute, plan_rows
from seatplan.layout.spacing import Spacing
from seatplan.layout.tables import TABLE_KINDS, TableOptions, generate_table_layout
from seatplan.layout.theatre import (
    TheatreOptions,
    generate_theatre,
    theatre_limits,
    theatre_plan,
)
from seatplan.model import Door, Venue

__all__ = [
    "COMFORT_AREA",
    "CapacityAnswer",
    "LayoutChoice",
    "RoomAnswer",
    "best_layout",
    "generate_layout",
    "max_seats",
    "personal_area",
    "room_for",
]

Options = TheatreOptions | ClassroomOptions | TableOptions | DaisOptions

#: Floor area per person that counts as fully comfortable, m²: the classroom rule of thumb of
#: R-PHY-9 (15 ft² per seat). Theatre seating (9 ft²) scores 0.6 of it.
COMFORT_AREA = 15 * 0.3048**2
#: Row pitches tried above the spacing's row pitch, metres (the search stays within +0.30 m).
PITCH_STEP = 0.025
PITCH_RANGE = 0.30
#: Build every candidate when there are at most this many; else the best by estimate.
FULL_SEARCH = 14
TOP_CANDIDATES = 6


@dataclass(frozen=True)
class CapacityAnswer:
    """How many seats a room holds in one layout.

    Parameters
    ----------
    kind
        The layout.
    seats
        Seats laid out (after the exit cap).
    generated
        The layout itself (draw it, check it).
    options
        The generator parameters that won.
    floor_seats
        Seats the floor holds before the exit cap.
    exit_limit
        Most seats the exit doors allow (R-PHY-4), or ``None`` (no doors, IBC, table layouts,
        or a hall beyond the exit table).
    limited_by
        ``"floor"`` or ``"exits"``.
    tried
        Layouts built in full during the search.
    notes
        Plain sentences (why a layout has no seats, what limited it).
    """

    kind: LayoutKind
    seats: int
    generated: GeneratedLayout
    options: Options
    floor_seats: int
    exit_limit: int | None
    limited_by: str
    tried: int
    notes: tuple[str, ...] = ()


def generate_layout(
    venue: Venue,
    kind: LayoutKind | str,
    *,
    spacing: Spacing = Spacing(),
    profile: FireProfile = FireProfile(),
    options: Options | None = None,
    seat_cap: int | None = None,
    source: str | Path = "",
) -> GeneratedLayout:
    """Run the generator of a layout kind with its options (defaults when ``None``).

    Raises
    ------
    GeometryError
        If the options are for another kind, or the generator rejects them.
    """
    kind = LayoutKind.coerce(kind)
    expected = _options_type(kind)
    if options is None:
        options = expected()
    if not isinstance(options, expected):
        raise GeometryError(
            f"{type(options).__name__} given for a {kind.value} layout",
            location=Location(file=source, field="layout", value=kind.value),
            hint=f"pass {expected.__name__}",
        )
    if kind is LayoutKind.THEATRE:
        return generate_theatre(venue, spacing=spacing, profile=profile, options=options, seat_cap=seat_cap, source=source)  # type: ignore[arg-type]
    if kind is LayoutKind.CLASSROOM:
        return generate_classroom(venue, spacing=spacing, profile=profile, options=options, seat_cap=seat_cap, source=source)  # type: ignore[arg-type]
    if kind is LayoutKind.DAIS:
        return generate_dais(venue, spacing=spacing, profile=profile, options=options, source=source)  # type: ignore[arg-type]
    return generate_table_layout(venue, kind, spacing=spacing, profile=profile, options=options, source=source)  # type: ignore[arg-type]


def _options_type(kind: LayoutKind) -> type:
    if kind is LayoutKind.THEATRE:
        return TheatreOptions
    if kind is LayoutKind.CLASSROOM:
        return ClassroomOptions
    if kind is LayoutKind.DAIS:
        return DaisOptions
    return TableOptions


# ---------------------------------------------------------------------------------------------
# max_seats
# ---------------------------------------------------------------------------------------------


def max_seats(
    venue: Venue,
    layout_kind: LayoutKind | str,
    *,
    spacing: Spacing = Spacing(),
    profile: FireProfile = FireProfile(),
    options: Options | None = None,
    exits: bool = True,
    exhaustive: bool = False,
    source: str | Path = "",
) -> CapacityAnswer:
    """The most seats a room holds in a layout, best over the generator's parameters.

    Parameters the caller fixes in ``options`` stay fixed; those left ``None`` are searched:
    theatre — row pitch (from ``spacing.row_pitch`` up by 2.5 cm steps, +0.30 m at most, only the
    pitches that change the code's seats-between-aisles), number of blocks, side aisles, rows
    between cross aisles (20 or 10); classroom — table length (the spacing's, 1.8 m, 2.4 m) and
    the number of blocks; table layouts — size, orientation and end seats (the generator's own
    search); dais — the rows as given, as long as the stage allows.

    Parameters
    ----------
    venue
        The room.
    layout_kind
        ``theatre``, ``classroom``, ``dais``, ``boardroom``, ``oval``, ``u-shape``,
        ``hollow-square``.
    spacing, profile
        Distances and fire-code profile.
    options
        Generator options; ``None`` fields are searched.
    exits
        Cap theatre and classroom seating at what the exit doors allow (R-PHY-4).
    exhaustive
        Build every candidate in full (slow on large halls).
    source
        File the venue came from, for error messages.

    Returns
    -------
    CapacityAnswer
    """
    kind = LayoutKind.coerce(layout_kind)
    validate_venue(venue, source=source)
    if options is None:
        options = _options_type(kind)()
    notes: list[str] = []
    errors: list[GeometryError] = []
    tried = 0
    best: tuple[GeneratedLayout, Options] | None = None
    if kind in (LayoutKind.THEATRE, LayoutKind.CLASSROOM):
        candidates = _row_candidates(venue, kind, spacing, profile, options, exhaustive)  # type: ignore[arg-type]
        for opts in candidates:
            try:
                g = generate_layout(venue, kind, spacing=spacing, profile=profile, options=opts, source=source)
            except GeometryError as exc:
                errors.append(exc)
                continue
            tried += 1
            if best is None or g.seat_count > best[0].seat_count:
                best = (g, opts)
    else:
        try:
            g = generate_layout(venue, kind, spacing=spacing, profile=profile, options=options, source=source)
            tried = 1
            best = (g, options)
        except GeometryError as exc:
            notes.append(exc.message)
    if best is None and errors:
        raise errors[0]  # every candidate was rejected for its options (a row pitch below code...)
    if best is None:
        empty = _empty(venue, kind, spacing, profile)
        return CapacityAnswer(kind, 0, empty, options, 0, None, "floor", tried, tuple(dict.fromkeys(notes)))
    g, chosen = best
    floor_seats = g.seat_count
    exit_limit = None
    limited_by = "floor"
    if kind in (LayoutKind.THEATRE, LayoutKind.CLASSROOM):
        if venue.doors:
            exit_limit = max_seats_for_exits(sum(d.width for d in venue.doors), profile=profile)
        else:
            notes.append("the room lists no doors: exit widths (R-PHY-4) are not checked")
        if exits and exit_limit is not None and floor_seats > exit_limit:
            g = generate_layout(venue, kind, spacing=spacing, profile=profile, options=chosen, seat_cap=exit_limit,
                                source=source)
            limited_by = "exits"
            notes.append(
                f"the floor holds {floor_seats} seats but the exit doors ({sum(d.width for d in venue.doors):.2f} m) "
                f"allow {exit_limit} (R-PHY-4)"
            )
    notes += list(g.notes)
    return CapacityAnswer(kind, g.seat_count, g, chosen, floor_seats, exit_limit, limited_by, tried,
                          tuple(dict.fromkeys(notes)))


def _empty(venue: Venue, kind: LayoutKind, spacing: Spacing, profile: FireProfile) -> GeneratedLayout:
    from seatplan.layout.room import RowAccess
    from seatplan.model import Layout, Shape, ShapeKind

    layout = Layout(venue=venue, seats=(), shapes=(Shape(ShapeKind.ROOM, tuple(venue.outline), venue.name),))
    return GeneratedLayout(kind, layout, spacing, profile, spacing.seat_width, row_access=RowAccess.NONE)


def _pitch_candidates(base: float, spacing: Spacing, profile: FireProfile, seat_width: float | None,
                      clear_of: Callable[[float], float]) -> list[tuple[float, int, int]]:
    """(pitch, both-sides limit, one-side limit) for each pitch where the limits change."""
    out: list[tuple[float, int, int]] = []
    seen: set[tuple[int, int]] = set()
    steps = round(PITCH_RANGE / PITCH_STEP)
    for i in range(steps + 1):
        p = round(base + i * PITCH_STEP, 6)
        l2, l1 = theatre_limits(row_pitch=p, clear_width=clear_of(p), profile=profile, seat_width=seat_width)
        if l2 < 1 or (l2, l1) in seen:
            continue
        seen.add((l2, l1))
        out.append((p, l2, l1))
    return out


def _row_candidates(
    venue: Venue,
    kind: LayoutKind,
    spacing: Spacing,
    profile: FireProfile,
    options: TheatreOptions | ClassroomOptions,
    exhaustive: bool,
) -> list[TheatreOptions | ClassroomOptions]:
    """Generator options worth building, best estimate first."""
    room = room_polygon(venue)
    xmin, ymin, xmax, ymax = room.bounds
    fill = room.area / ((xmax - xmin) * (ymax - ymin))
    cands: list[tuple[float, int, TheatreOptions | ClassroomOptions]] = []
    if kind is LayoutKind.THEATRE:
        assert isinstance(options, TheatreOptions)
        sides = [options.side_aisles] if options.side_aisles is not None else [True, False]
        if options.row_pitch is not None:
            p = options.row_pitch
            l2, l1 = theatre_limits(row_pitch=p, clear_width=p - spacing.chair_depth, profile=profile,
                                    seat_width=spacing.seat_width)
            pitches = [(p, l2, l1)]
        else:
            pitches = _pitch_candidates(spacing.row_pitch, spacing, profile, spacing.seat_width,
                                        lambda p: p - spacing.chair_depth)
        banks = [options.rows_per_bank] if options.rows_per_bank is not None else [GB_MAX_ROWS_BETWEEN_CROSS_AISLES, 10]
        fixed_blocks = options.blocks is not None or bool(options.block_seats)
        for side in sides:
            for p, l2, l1 in pitches:
                for rpb in banks:
                    trial = replace(options, row_pitch=p, side_aisles=side, rows_per_bank=rpb)
                    plan = theatre_plan(trial, spacing)
                    for k in ([options.blocks or len(options.block_seats)] if fixed_blocks else _block_counts(venue, plan, spacing, l2, l1)):
                        est = _estimate(venue, plan, spacing, k, l2, l1) * fill
                        opts = trial if fixed_blocks else replace(trial, blocks=k)
                        cands.append((est, len(cands), opts))
    else:
        assert isinstance(options, ClassroomOptions)
        lengths = [options.table_length] if options.table_length is not None else sorted(
            {round(spacing.classroom_table_length, 6), 1.8, 2.4})
        fixed_blocks = options.blocks is not None or bool(options.block_tables)
        for length in lengths:
            table_trial = replace(options, table_length=length)
            try:
                plan = classroom_plan(table_trial, spacing)
            except GeometryError:
                continue
            l2, l1 = theatre_limits(row_pitch=plan.row_pitch, clear_width=plan.clear_width, profile=profile, seat_width=None)
            if l2 < plan.per_unit:
                continue
            for k in ([options.blocks or len(options.block_tables)] if fixed_blocks else _block_counts(venue, plan, spacing, l2, l1)):
                est = _estimate(venue, plan, spacing, k, l2, l1) * fill
                cands.append((est, len(cands), table_trial if fixed_blocks else replace(table_trial, blocks=k)))
    cands.sort(key=lambda c: (-c[0], c[1]))
    if exhaustive or len(cands) <= FULL_SEARCH:
        return [c[2] for c in cands]
    return [c[2] for c in cands[:TOP_CANDIDATES]]


def _block_counts(venue: Venue, plan: RowPlan, spacing: Spacing, l2: int, l1: int) -> list[int]:
    """Block counts worth trying: every count from the fewest that can hold a row to two more."""
    xmin, _, xmax, _ = room_polygon(venue).bounds
    width = xmax - xmin - (2 * plan.ring_min if plan.side_aisles else 0.0)
    u2, u1 = l2 // plan.per_unit, l1 // plan.per_unit
    per_row = max(1, int(width / plan.unit_width))
    counts = []
    for k in range(1, 200):
        cap = (u2 * k if plan.side_aisles else (u1 * 2 + u2 * (k - 2) if k >= 2 else 0))
        if cap >= per_row - (k - 1) * max(1, int(spacing.aisle_width / plan.unit_width)):
            counts.append(k)
            break
    k0 = counts[0] if counts else 1
    out = [k for k in range(max(1, k0 - 1), k0 + 3) if (k - 1) * spacing.aisle_width < width]
    return out or [1]


def _estimate(venue: Venue, plan: RowPlan, spacing: Spacing, k: int, l2: int, l1: int) -> float:
    """Quick seat estimate (no geometry): rows × seats per row with aisles sized by persons served."""
    xmin, ymin, xmax, ymax = room_polygon(venue).bounds
    front = ymax - venue.stage_depth - plan.front_gap
    u2, u1 = l2 // plan.per_unit, l1 // plan.per_unit
    side = max(plan.ring_min, min_aisle_width(0, side=True)) if plan.side_aisles else 0.0
    long_w = cross = rear = max(spacing.aisle_width, min_aisle_width(0))
    limits = [u2] * k if plan.side_aisles else ([0] if k == 1 else [u1] + [u2] * (k - 2) + [u1])
    seats = 0.0
    for _ in range(4):
        width = xmax - xmin - 2 * side - (k - 1) * long_w
        units = distribute(max(0, int(width / plan.unit_width)), limits)
        banks = plan_rows(front - ymin - max(side, rear), plan, cross)
        if not banks:
            return 0.0
        per_row = sum(units) * plan.per_unit
        rows_max = max(banks)
        pairs = [units[i] + units[i + 1] for i in range(k - 1)] or [0]
        long_w = max(spacing.aisle_width, min_aisle_width(int(rows_max * max(pairs) * plan.per_unit / 2)))
        side = max(plan.ring_min, min_aisle_width(int(rows_max * units[0] * plan.per_unit / 2), side=True)) if plan.side_aisles else 0.0
        cross = rear = max(spacing.aisle_width, min_aisle_width(int(rows_max * per_row / 2)))
        seats = per_row * sum(banks)
    return float(seats)


# ---------------------------------------------------------------------------------------------
# room_for
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RoomAnswer:
    """The room for *n* people.

    Parameters
    ----------
    venue
        The chosen room (a generated rectangle, or one of the rooms given), ``None`` if none fits.
    answer
        Its capacity answer.
    people
        The number asked for.
    ranking
        For a list of rooms: ``(name, floor area m², seats, fits)`` for every room, best first.
    exit_width
        Total clear exit width the hall needs for ``people`` (R-PHY-4), metres, or ``None``.
    """

    venue: Venue | None
    answer: CapacityAnswer | None
    people: int
    ranking: tuple[tuple[str, float, int, bool], ...] = ()
    exit_width: float | None = None

    @property
    def size(self) -> tuple[float, float] | None:
        """``(width, depth)`` of the chosen room's bounding box, metres."""
        if self.venue is None:
            return None
        x0, y0, x1, y1 = self.venue.bounds
        return (round(x1 - x0, 3), round(y1 - y0, 3))


def room_for(
    n: int,
    layout_kind: LayoutKind | str,
    *,
    aspect: float = 1.5,
    rooms: Sequence[Venue] | None = None,
    spacing: Spacing = Spacing(),
    profile: FireProfile = FireProfile(),
    options: Options | None = None,
    stage_depth: float = 0.0,
    step: float = 0.1,
) -> RoomAnswer:
    """The smallest room that seats ``n`` people in a layout.

    With ``rooms``: the smallest (by floor area) of those rooms whose capacity is at least
    ``n`` (exit widths included); every room is ranked. Without: the smallest rectangle of
    width / depth = ``aspect`` (a stage ``stage_depth`` deep along the front wall and one main
    door in the back wall) found by bisection on the depth to ``step`` metres; its exits are not
    part of the question, the answer says how much exit width ``n`` people need (R-PHY-4).

    Raises
    ------
    GeometryError
        For ``n < 1``, a bad aspect, or when no rectangle up to 1 km seats ``n``.
    """
    kind = LayoutKind.coerce(layout_kind)
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise GeometryError(f"the number of people must be a whole number >= 1, got {n!r}",
                            location=Location(field="people", value=n))
    exit_width = None
    if kind in (LayoutKind.THEATRE, LayoutKind.CLASSROOM):
        from seatplan.layout.firecode import FireCode, VenueKind, max_seats_for_grade, min_exit_width_total

        if profile.code is FireCode.GB50016 and profile.venue_kind is VenueKind.THEATRE and n <= max_seats_for_grade(profile.grade):
            exit_width = min_exit_width_total(n, stepped=profile.stepped, grade=profile.grade)
    if rooms is not None:
        rated = []
        for i, venue in enumerate(rooms):
            ans = max_seats(venue, kind, spacing=spacing, profile=profile, options=options)
            area = room_polygon(venue).area
            rated.append((venue, ans, area, i))
        fitting = [r for r in rated if r[1].seats >= n]
        fitting.sort(key=lambda r: (r[2], r[1].seats, r[3]))
        others = sorted((r for r in rated if r[1].seats < n), key=lambda r: (-r[1].seats, r[3]))
        ranking = tuple(
            (r[0].name or f"room {r[3] + 1}", round(r[2], 2), r[1].seats, r[1].seats >= n) for r in [*fitting, *others]
        )
        if fitting:
            v, ans, _, _ = fitting[0]
            return RoomAnswer(v, ans, n, ranking, exit_width)
        return RoomAnswer(None, None, n, ranking, exit_width)
    if not (isinstance(aspect, (int, float)) and math.isfinite(aspect) and 0.1 <= aspect <= 10):
        raise GeometryError(f"aspect (width / depth) must be between 0.1 and 10, got {aspect!r}",
                            location=Location(field="aspect", value=aspect))

    def capacity(depth: float) -> CapacityAnswer:
        width = aspect * depth
        venue = Venue.rectangle(round(width, 3), round(depth, 3), doors=(Door(round(width / 2, 3), 0.0, width=1.8, main=True,
                                                                               name="正门"),),
                                stage_depth=stage_depth, name=f"{width:.1f} × {depth:.1f} m")
        return max_seats(venue, kind, spacing=spacing, profile=profile, options=options, exits=False)

    lo = max(stage_depth + 1.0, 2.0)
    hi = max(lo * 2, math.sqrt(n * 1.0 / aspect) + stage_depth + 4.0)
    best = capacity(hi)
    while best.seats < n:
        lo, hi = hi, hi * 1.5
        if hi > 1000:
            raise GeometryError(f"no room up to 1 km deep seats {n} people in a {kind.value} layout",
                                location=Location(field="people", value=n))
        best = capacity(hi)
    while hi - lo > step:
        mid = (lo + hi) / 2
        trial = capacity(mid)
        if trial.seats >= n:
            hi, best = mid, trial
        else:
            lo = mid
    return RoomAnswer(best.generated.layout.venue, best, n, (), exit_width)


# ---------------------------------------------------------------------------------------------
# best_layout
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LayoutChoice:
    """One layout rated for a room and a number of people.

    Parameters
    ----------
    kind
        The layout.
    capacity
        Seats it holds in the room.
    fits
        ``capacity >= people``.
    view
        1 − (mean distance from the people's seats to the front centre) / (farthest point of the
        room from it): 1 = everyone at the front.
    comfort
        Floor area per person the layout gives (:func:`personal_area`) / :data:`COMFORT_AREA`,
        at most 1.
    score
        ``0.5 × view + 0.5 × comfort`` for layouts that fit, 0 otherwise.
    answer
        The capacity answer (layout included).
    """

    kind: LayoutKind
    capacity: int
    fits: bool
    view: float
    comfort: float
    score: float
    answer: CapacityAnswer = field(repr=False)


def personal_area(generated: GeneratedLayout) -> float:
    """Floor area a layout gives each person, m² (the area their seat and its passage take).

    Theatre: seat width × row pitch. Classroom: table length per person × row pitch. Boardroom
    and oval: length per person × (half the table + chair + the chair-back passage of R-PHY-9).
    U-shape and hollow square: length per person × (table + chair + passage). Dais: dais length
    per person × dais row pitch.
    """
    sp = generated.spacing
    kind = generated.kind
    if kind in (LayoutKind.THEATRE, LayoutKind.CLASSROOM, LayoutKind.DAIS):
        return generated.seat_pitch * generated.row_pitch
    table = sp.boardroom_table_depth / 2 if kind in (LayoutKind.BOARDROOM, LayoutKind.OVAL) else sp.meeting_table_depth
    return generated.seat_pitch * (table + sp.chair_depth + sp.chair_back_to_table)


def best_layout(
    venue: Venue,
    n_people: int,
    candidates: Sequence[LayoutKind | str] = (
        LayoutKind.THEATRE,
        LayoutKind.CLASSROOM,
        LayoutKind.BOARDROOM,
        LayoutKind.OVAL,
        LayoutKind.U_SHAPE,
        LayoutKind.HOLLOW_SQUARE,
    ),
    *,
    spacing: Spacing = Spacing(),
    profile: FireProfile = FireProfile(),
) -> list[LayoutChoice]:
    """Rank layouts for seating ``n_people`` in a room: the best first.

    The score (a stated choice; the rule book has none): only layouts that seat everyone
    count; each gets ``0.5 × view + 0.5 × comfort`` where *view* is how close the people sit to
    the front (the ``n_people`` seats nearest the middle of the stage edge or front wall are
    the ones filled) and *comfort* the floor area each person gets against R-PHY-9's 15 ft² of
    a classroom seat. Layouts that do not seat everyone follow, most seats first. Ties keep the
    order of ``candidates``.

    Raises
    ------
    GeometryError
        For ``n_people < 1`` or an unknown layout.
    """
    if isinstance(n_people, bool) or not isinstance(n_people, int) or n_people < 1:
        raise GeometryError(f"the number of people must be a whole number >= 1, got {n_people!r}",
                            location=Location(field="people", value=n_people))
    kinds = [LayoutKind.coerce(c) for c in candidates]
    room = room_polygon(venue)
    xmin, _ymin, xmax, ymax = room.bounds
    focus = np.array([(xmin + xmax) / 2, ymax - venue.stage_depth])
    far = max(math.hypot(x - focus[0], y - focus[1]) for x, y in room.exterior.coords)
    out: list[tuple[tuple[float, ...], LayoutChoice]] = []
    for order, kind in enumerate(kinds):
        options = TableOptions(seats=n_people) if kind in TABLE_KINDS else None
        try:
            ans = max_seats(venue, kind, spacing=spacing, profile=profile, options=options)
        except SeatplanError:
            continue
        if kind in TABLE_KINDS and ans.seats < n_people:
            ans = max_seats(venue, kind, spacing=spacing, profile=profile)
        fits = ans.seats >= n_people
        view = comfort = score = 0.0
        if ans.seats:
            pts = np.array([(s.x, s.y) for s in ans.generated.seats])
            d = np.sort(np.hypot(pts[:, 0] - focus[0], pts[:, 1] - focus[1]))[: min(n_people, len(pts))]
            view = round(max(0.0, 1.0 - float(d.mean()) / far), 4)
            comfort = round(min(1.0, personal_area(ans.generated) / COMFORT_AREA), 4)
            score = round(0.5 * view + 0.5 * comfort, 4) if fits else 0.0
        choice = LayoutChoice(kind, ans.seats, fits, view, comfort, score, ans)
        key = (0 if fits else 1, -score if fits else -ans.seats, order)
        out.append((key, choice))
    out.sort(key=lambda kc: kc[0])
    return [c for _, c in out]

