"""Non-strict zones: the protocol fill, bent only where a rule asks, with a compressed CP-SAT model.

The plain fill of a zone (:func:`seatplan.model.problem.reference_fill`) puts
the k-th free person on the k-th open seat of the fill order. Rules bend it:
people placed individually (a seat need) sit on a seat with the tag, keep-apart
and keep-together groups move a few people. Everyone else — the *passive*
people — keeps the protocol order and flows over the seats the others leave.

Why a model over a few people is exact
--------------------------------------
Let ``A`` be the *active* people (individually placed people and members of the
groups that matter), ``m = |A|``, and let the ``Q`` passive people fill the
open seats not taken by ``A`` in precedence order. Passive people have no rule
of their own, and exchanging two of them in the same unit run never hurts (the
displacement ``|pos − ref|`` is minimised by the sorted assignment), so some
optimal plan keeps them in order: the model need only place ``A``.

The model is time-indexed over candidate positions: ``x[a, p] = 1`` when
active ``a`` takes flow position ``p``. With ``α_t`` the number of active
people seated before boundary ``t`` and ``β_t`` the number ranked before it,
exactly ``|α_t − β_t|`` passive people cross boundary ``t`` (they keep their
order), so the whole displacement is

    Σ_a Σ_p |p − ref_a| · x[a, p]  +  Σ_{t ≤ Q} |α_t − β_t|  (+ m boundary terms near the end)

— linear in ``x``, with one variable per stretch between candidate positions.
The model has one boolean per active person and candidate seat (his unit's
block, the seats with his tag), never one per attendee and seat.

* Unit blocks: a non-individual active person of run ``R`` must have between
  ``lo_R`` and ``hi_R`` passive people before him (the passive people of ``R``
  are ``lo_R .. hi_R − 1``): ``x[a, p] ⇒ p − hi_R ≤ α_p ≤ p − lo_R``; active
  people of runs whose ranges touch keep the run order. Individually placed
  people are skipped over.
* Groups that the current plan already meets need not be in ``A``: the model is
  solved with the groups that touch a pinned or individually placed person,
  the plan is filled, groups it breaks (or soft groups it misses) join ``A`` and
  the model is solved again. Each model is a relaxation of the full problem, so
  its bound is valid and the first plan that breaks no group is optimal.
* Individually placed people with the same need and no group keep their
  precedence order among themselves (exchanging two of them never hurts).

With ``wrap = False`` the blocks of the runs are fixed by the rows (the
reference fill); the open seats it leaves at row ends are simply not part of
the flow, and people with needs stay in their block.

Size, status and determinism
----------------------------
A group member's candidate seats are his unit's block (plus one seat per active
person). Only where that is the whole of a large zone (no unit blocks, more than
:data:`WINDOW_FROM` seats) are they cut to a window of :data:`WINDOW` seats
around his reference seat; the plan is then OPTIMAL only if the window provably
did not matter (cost below ``order × (WINDOW + 1)``, or equal to the optimum
without those groups), else FEASIBLE with that optimum as its bound. CP-SAT runs
with one worker, a fixed seed and a deterministic work limit, so the same input
gives the same plan on any machine (a wall-clock ``time_limit`` is honoured too
and then says so in the status).
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from seatplan.errors import Conflict, SolverError
from seatplan.model import SeatingProblem, Zone
from seatplan.model.problem import PairMode, PeopleGroup
from seatplan.solve.cpsat import SolverSettings, run_model
from seatplan.solve.explain import explain_assumptions
from seatplan.solve.merge import ZoneOutcome, capacity_conflict
from seatplan.solve.staging import ordered_matching, split_parts

if TYPE_CHECKING:
    from ortools.sat.python import cp_model

#: A rule's assumption literal maker: (rule, message, people) → literal, or None outside explanations.
LitFor = Callable[[str, str, Sequence[str]], Any]
#: Puts a constraint under an assumption literal (no-op for None).
Enforce = Callable[[Any, Any], None]

#: Deterministic-time budget of one CP-SAT call when no time limit is given
#: (CP-SAT's work units, roughly seconds on a fast core; independent of timing).
DEFAULT_WORK_LIMIT = 60.0
#: After this many rounds of adding broken groups, every group of the zone joins the model.
MAX_LAZY_ROUNDS = 12
#: Non-individual active people whose unit block (or, without unit blocks, the whole
#: zone) is wider than :data:`WINDOW_FROM` seats only get the ``WINDOW`` seats on
#: either side of their reference seat as candidates; the result says whether that
#: provably did not matter (see :meth:`FlowZone._solve_active`).
WINDOW = 64
WINDOW_FROM = 2000
#: In a zone of more than :data:`WINDOW_FROM` seats with at least this many people placed
#: individually (seat needs), the solve is *staged*. The people of each need class take
#: the places of their best ordered matching (:func:`seatplan.solve.staging.ordered_matching`;
#: its value is a lower bound of the zone, so the gap stays honest) and keep them; the
#: groups around them (those that touch a fixed or individually placed person, then those
#: the plan breaks) are solved in independent parts (:meth:`FlowZone._solve_parts`). Where
#: no matching applies (banquet tables, too few spare places) the first round is the model
#: of those people alone, a relaxation whose optimum is the bound. The zone is OPTIMAL when
#: the plan costs no more than the bound. Without staging one model couples every request
#: through the whole hall and its size (and time) grows with the hall, not with the requests.
STAGED_FROM = 16
#: A person of a need class who does not keep his place in the matching (a group member,
#: or everyone when two classes want one place) may move within this many suitable places
#: (in order) of it.
NEAR_MATCHING = 6
#: In a staged zone, a group member's candidates are the positions within this many places
#: of where the plan with the individually placed people in place puts him.
STAGED_WINDOW = 24


@dataclass
class _Group:
    """A keep-apart / keep-together group as seen from one zone."""

    kind: str  # "apart" | "together"
    group: PeopleGroup
    movable: list[str]  # members seated by this zone's flow
    anchors: list[str]  # members whose seat is fixed (pinned, strict zones)



@dataclass
class _Space:
    """The flow positions of a zone and what the rules need to know about them."""

    seats: list[str]  # flow position → seat id
    index: dict[str, int]  # seat id → flow position
    tags: list[frozenset[str]]
    table: list[str]
    nbr: list[tuple[int, ...]]  # neighbouring flow positions


def _build_space(problem: SeatingProblem, seats: list[str]) -> _Space:
    index = {s: k for k, s in enumerate(seats)}
    nbr = [tuple(sorted(index[t] for t in problem.neighbours.get(s, ()) if t in index)) for s in seats]
    return _Space(
        seats=seats,
        index=index,
        tags=[problem.seat(s).tags for s in seats],
        table=[problem.seat(s).table for s in seats],
        nbr=nbr,
    )


@dataclass
class FlowSettings:
    """Solver settings passed down from :func:`seatplan.solve`."""

    seed: int = 0
    time_limit: float | None = None
    work_limit: float = DEFAULT_WORK_LIMIT


@dataclass
class _Model:
    """One CP-SAT model over the active people, and how to read it."""

    model: cp_model.CpModel
    x: dict[str, dict[int, Any]]
    assumptions: list[tuple[Any, Conflict]] = field(default_factory=list)


@dataclass
class _Solved:
    seat_of: dict[str, str]
    objective: int
    bound: int
    optimal: bool
    positions: dict[str, int]


class FlowZone:
    """Seat one non-strict zone (see the module docstring)."""

    def __init__(self, problem: SeatingProblem, zone: Zone, fixed: Mapping[str, str], settings: FlowSettings) -> None:
        self.problem = problem
        self.zone = zone
        self.fixed = fixed
        self.settings = settings
        self.c = problem.constraints
        self.ref = problem.reference(zone)
        self.seated_free = [a for a in self.ref.free if a in self.ref.position]
        self.g = {a: k for k, a in enumerate(self.seated_free)}
        flow_open = range(len(self.ref.open_seats)) if self.c.wrap else sorted(self.ref.position.values())
        self.space = _build_space(problem, [self.ref.open_seats[p] for p in flow_open])
        self.individual = {a for a in self.seated_free if a in problem.individually_placed}
        self._suitable_cache: dict[frozenset[str], list[int]] = {}
        self.frozen: dict[str, int] = {}  # people placed individually whose position a staged zone keeps
        self.home: dict[str, int] = {}  # where the first round of a staged zone put everyone
        self.near: dict[str, set[int]] = {}  # staged zone: positions near the matching (near his first-round place)
        self.zone_bound: int | None = None  # staged zone: a lower bound of the whole zone (the matching's)
        self.matched: dict[str, int] = {}  # staged zone: the positions of the matching
        self.run_of: dict[str, int] = {}
        self.run_spans: dict[int, tuple[int, int]] = {}  # run → (precedence index of its first seated member, seated members)
        for k, run in enumerate(self.ref.runs):
            members = [a for a in run if a in self.g]
            for a in members:
                self.run_of[a] = k
            if members:
                self.run_spans[k] = (self.g[members[0]], len(members))
        self.groups = self._zone_groups()
        self.in_group = {m for grp in self.groups for m in grp.movable}
        # banquet tables in precedence order (R-BNQ-5): a guest who moves for a request goes
        # to any more honoured table but at most one table down (see _candidates)
        ordinal: dict[str, int] = {}
        for t in self.space.table:
            if t and t not in ordinal:
                ordinal[t] = len(ordinal)
        self.table_ordinal = [ordinal.get(t, -1) for t in self.space.table]
        # the most senior free member of every hard group keeps his table: the others join
        # him or leave (a guest of honour is not sent down the hall to a junior colleague)
        # a member of a hard keep-apart group of k may have to go k − 1 tables down (k at one table)
        self.apart_reach: dict[str, int] = {}
        for grp in self.groups:
            if grp.kind == "apart" and grp.group.hard:
                for m in grp.movable:
                    self.apart_reach[m] = max(self.apart_reach.get(m, 1), len(grp.group.members) - 1)
        self.seniors = {
            min((m for m in grp.movable if m in self.g), key=self.g.__getitem__)
            for grp in self.groups
            if grp.group.hard and not grp.anchors and any(m in self.g for m in grp.movable)
        }

    # ------------------------------------------------------------------ groups

    def _zone_groups(self) -> list[_Group]:
        mine = set(self.seated_free)
        out = []
        for kind, group in self.c.groups:
            movable = [m for m in group.members if m in mine]
            if not movable:
                continue
            anchors = [m for m in group.members if m not in mine and m in self.fixed]
            out.append(_Group(kind, group, movable, anchors))
        return out

    def _group_cost(self, grp: _Group, seat_of: Mapping[str, str]) -> int:
        seats = [seat_of[m] for m in grp.movable + grp.anchors if m in seat_of]
        if len(seats) < 2:
            return 0
        if grp.group.mode is PairMode.TABLE:
            tables = [self.problem.seat(s).table or f"\0{s}" for s in seats]
            if grp.kind == "apart":
                return sum(1 for i in range(len(tables)) for j in range(i + 1, len(tables)) if tables[i] == tables[j])
            return len(set(tables)) - 1
        taken = set(seats)
        links = sum(1 for s in seats for t in self.problem.neighbours.get(s, ()) if t in taken) // 2
        if grp.kind == "apart":
            return links
        # in rows and round tables, pieces = members − links (a whole ring has one link too many)
        return max(0, len(seats) - 1 - links)

    # ------------------------------------------------------------------ solve

    def solve(self) -> ZoneOutcome:
        out = ZoneOutcome()
        problem, zone, ref = self.problem, self.zone, self.ref
        if ref.overflow:
            note = " (wrap = false leaves the ends of rows free)" if not self.c.wrap else ""
            zone_seats = set(zone.seat_ids)
            pinned = sum(1 for a in zone.attendee_ids if self.c.pins.get(a) in zone_seats)
            conflict = capacity_conflict(problem, zone, list(ref.overflow), len(ref.open_seats), note, pinned=pinned)
            if not problem.allow_unseated:
                out.conflicts.append(conflict)
                return out
            for aid in ref.overflow:
                out.unseated[aid] = "no seat left: " + conflict.message.split(";")[0]
        active: set[str] = set(self.individual)
        if not self.c.wrap:
            active |= {a for a in self.seated_free if problem.attendee(a).needs}
        lazy = []
        for grp in self.groups:
            if grp.anchors or any(m in active for m in grp.movable):
                active |= set(grp.movable)
            else:
                lazy.append(grp)
        # groups the plain fill already breaks join at once (saves a round), unless the people
        # placed individually are many in a large zone: then they are placed first, alone
        staged = len(self.space.seats) > WINDOW_FROM and len(self.individual) >= STAGED_FROM
        plain = {**self.fixed, **{a: self.space.seats[k] for k, a in enumerate(self.seated_free)}}
        first = [] if staged else [grp for grp in lazy if self._group_cost(grp, plain) > 0]
        for grp in first:
            active |= set(grp.movable)
        lazy = [grp for grp in lazy if grp not in first]
        rounds = 0
        hint: dict[str, int] = {}
        relaxed: _Solved | None = None  # the first round of a staged zone: its bound holds for the zone
        self.zone_bound = self._narrow_by_matching() if staged else None
        if self.zone_bound is not None:
            self._keep_matching()
        while True:
            rounds += 1
            result = self._solve_active(sorted(active, key=self.g.__getitem__), hint)
            if isinstance(result, list) and (self.frozen or self.near):
                # the places of the first round (or near the matching) leave no room: search them again
                self.frozen, self.home, self.near = {}, {}, {}
                result = self._solve_active(sorted(active, key=self.g.__getitem__), hint)
            if isinstance(result, list):
                out.conflicts += result
                return out
            merged = {**self.fixed, **result.seat_of}
            broken = [grp for grp in lazy if self._group_cost(grp, merged) > 0]
            if not broken:
                # bounds that hold for the zone: the model's own unless people were kept in place or
                # near the matching, the first round's (a relaxation), the matching's
                valid = [b for b in (None if relaxed is None else relaxed.bound, self.zone_bound) if b is not None]
                if not (self.frozen or self.near):
                    valid.append(result.bound)
                out.seat_of = result.seat_of
                out.objective = result.objective
                out.bound = min(result.objective, max(valid))
                out.optimal = result.objective <= max(valid)
                return out
            if staged and relaxed is None and not self.frozen:
                relaxed = result
                self.frozen = {a: p for a, p in result.positions.items() if a in self.individual and a not in self.in_group}
                self.home = {a: self.space.index[seat] for a, seat in result.seat_of.items() if seat in self.space.index}
                self.near = {a: self._near_home(a) for a in self.individual & self.in_group if a in self.home}
            if rounds >= MAX_LAZY_ROUNDS:
                broken = lazy
            for grp in broken:
                active |= set(grp.movable)
            lazy = [grp for grp in lazy if grp not in broken]
            index = self.space.index
            hint = {a: index[s] for a, s in result.seat_of.items() if a in active}

    # ------------------------------------------------------------------ candidates

    def _run_ranges(self, act: set[str]) -> tuple[int, dict[int, tuple[int, int]]]:
        """Number of passive people and the passive index range ``[lo, hi]`` of each run."""
        active_g = sorted(self.g[a] for a in act if a in self.g)
        ranges: dict[int, tuple[int, int]] = {}
        for k, (first, size) in self.run_spans.items():  # a run's members are consecutive in precedence order
            before = bisect.bisect_left(active_g, first)
            lo = first - before
            ranges[k] = (lo, lo + size - (bisect.bisect_left(active_g, first + size) - before))
        return len(self.seated_free) - len(active_g), ranges

    def _spread(self, seeds: set[int], steps: int, *, table: bool) -> set[int]:
        """Positions within ``steps`` neighbour steps of ``seeds`` (or at their tables)."""
        if table:
            tables = {self.space.table[p] for p in seeds if self.space.table[p]}
            return {p for p, t in enumerate(self.space.table) if t in tables} | seeds
        found = set(seeds)
        frontier = set(seeds)
        for _ in range(steps):
            frontier = {q for p in frontier for q in self.space.nbr[p]} - found
            found |= frontier
        return found

    def _anchor_positions(self, seat: str) -> set[int]:
        """Flow positions side by side with a fixed seat."""
        return {self.space.index[s] for s in self.problem.neighbours.get(seat, ()) if s in self.space.index}

    def _narrow_by_matching(self) -> int | None:
        """First round of a staged zone: the people with a seat need, near their best ordered matching.

        Take the people of one need class (the same seat needs; members of groups too) and
        no banquet tables. Dropping every other rule leaves a relaxation of the zone in
        which everyone else is passive, so the cost of any plan is at least
        ``order × Σ_i (|p_i − r_i| + |min(p_i, Q) − min(r_i, Q)|)`` for the positions
        ``p_1 < p_2 < …`` it gives them, sorted (their own displacement — the sorted
        matching is the cheapest — and the passive people who cross each boundary up to
        ``Q``, the number of the others: for ordered positions and ordered references
        these crossings add up without cancelling). The smallest such sum over ordered
        suitable positions is found by dynamic programming; each person then only gets
        the suitable positions within :data:`NEAR_MATCHING` places (in the class's order)
        of his position in it, so the model stays as large as the requests, whatever the
        size of the hall. Every class gives a valid lower bound of the zone; the largest
        is returned (None: no class applies; the first round is then the exact model).
        """
        if max(self.table_ordinal, default=-1) >= 0:
            return None
        classes: dict[frozenset[str], list[str]] = {}
        for a in self.seated_free:
            needs = self.problem.attendee(a).needs
            if a in self.individual and needs:
                classes.setdefault(needs, []).append(a)
        bounds = [b for needs, people in classes.items() if (b := self._match_class(self._suitable(needs), people)) is not None]
        return max(bounds, default=None)

    def _keep_matching(self) -> None:
        """Start a staged zone from the matching: the people of its classes outside groups keep their places.

        Their places are those of the best ordered matching (:meth:`_narrow_by_matching`);
        the first model is then only the groups around them, in parts (:meth:`_solve_parts`).
        Two classes that want one place leave it to the model.
        """
        if len(set(self.matched.values())) < len(self.matched):
            return
        self.frozen = {a: p for a, p in self.matched.items() if a not in self.in_group}
        seat_of = self._assemble(self.frozen)
        self.home = {a: self.space.index[seat] for a, seat in seat_of.items()}

    def _match_class(self, suitable: list[int], people: list[str]) -> int | None:
        """The dynamic programme of :meth:`_narrow_by_matching` for one class (``people`` in precedence order)."""
        k, n_s = len(people), len(suitable)
        if k == 0 or n_s < k:
            return None
        value, picked = ordered_matching(suitable, [self.g[a] for a in people], len(self.seated_free) - k)
        for a, j in zip(people, picked):
            self.near[a] = set(suitable[max(0, j - NEAR_MATCHING) : j + NEAR_MATCHING + 1])
            self.matched[a] = suitable[j]
        return value * self.c.weights.order

    def _near_home(self, a: str) -> set[int]:
        """Second round of a staged zone: the suitable positions within :data:`NEAR_MATCHING` places of his first-round one."""
        suitable = self._suitable(self.problem.attendee(a).needs)
        home = self.home[a]
        i = bisect.bisect_left(suitable, home)
        return set(suitable[max(0, i - NEAR_MATCHING) : i + NEAR_MATCHING + 1]) | {home}

    def _suitable(self, needs: frozenset[str]) -> list[int]:
        """Flow positions whose seat carries every tag of ``needs`` (computed once per set of needs)."""
        found = self._suitable_cache.get(needs)
        if found is None:
            tags = self.space.tags
            found = list(range(len(tags))) if not needs else [p for p, t in enumerate(tags) if needs <= t]
            self._suitable_cache[needs] = found
        return found

    def _individual_candidates(self, a: str) -> list[int]:
        """Seats an individually placed person may take: his tags; a partner follows his group."""
        n = len(self.space.seats)
        person = self.problem.attendee(a)
        allowed = set(self._suitable(person.needs))
        for grp in self.groups:
            if grp.kind != "together" or not grp.group.hard or a not in grp.movable:
                continue
            table = grp.group.mode is PairMode.TABLE
            seeds: set[int] = set()
            restricted = False
            for x in grp.anchors:
                seat = self.fixed[x]
                if table:
                    t = self.problem.seat(seat).table
                    seeds |= {p for p in range(n) if t and self.space.table[p] == t}
                else:
                    seeds |= self._anchor_positions(seat)
                restricted = True
            for x in grp.movable:
                needs = self.problem.attendee(x).needs
                if x != a and needs and x in self.individual:
                    seeds |= set(self._suitable(needs))
                    restricted = True
            if restricted:
                allowed &= self._spread(seeds, len(grp.group.members) - 1, table=table)
        return sorted(allowed)

    def _candidates(
        self, actives: list[str], ranges: dict[int, tuple[int, int]], window: int | None, *, explain: bool
    ) -> dict[str, list[int]]:
        n = len(self.space.seats)
        m = len(actives)
        out: dict[str, list[int]] = {}
        # individually placed people of one class (same needs, no group) keep their order, so the
        # i-th of k takes one of the suitable seats i .. i + (seats − k) of the class
        classes: dict[frozenset[str], list[str]] = {}
        for a in actives:
            if a in self.individual and a not in self.in_group:
                classes.setdefault(self.problem.attendee(a).needs, []).append(a)
        rank_in_class = {a: (i, len(members)) for members in classes.values() for i, a in enumerate(members)}
        open_positions: list[int] | None = None
        for a in actives:
            if a in self.frozen:
                cand = [self.frozen[a]]
            elif a in self.individual:
                cand = self._individual_candidates(a)
                if a in rank_in_class:
                    i, k = rank_in_class[a]
                    cand = cand[i : i + len(cand) - k + 1]
                if a in self.near:
                    cand = [p for p in cand if p in self.near[a]] or cand
            else:
                lo, hi = ranges[self.run_of[a]]
                first, last = lo, min(n - 1, hi + m - 1)
                if explain:
                    if n <= 4000:
                        first, last = 0, n - 1
                    else:
                        first, last = max(0, first - 200), min(n - 1, last + 200)
                elif window is not None:
                    first, last = max(first, self.g[a] - window), min(last, self.g[a] + window)
                needs = self.problem.attendee(a).needs
                if self.frozen and not explain and window is None:
                    # the people kept in place take their positions out of the flow: his unit
                    # block then starts after lo of the other positions and ends before hi + m
                    others = m - len(self.frozen)
                    if open_positions is None:
                        taken = set(self.frozen.values())
                        open_positions = [p for p in range(n) if p not in taken]
                    span = open_positions[lo : hi + others]
                    home = self.home.get(a)
                    if home is not None:  # near where the first round left him (the bound stays the first round's)
                        span = [p for p in span if abs(p - home) <= STAGED_WINDOW] or span
                    cand = [p for p in span if needs <= self.space.tags[p]]
                else:
                    cand = [p for p in range(first, last + 1) if needs <= self.space.tags[p]]
            home = self.table_ordinal[self.g[a]] if self.g[a] < n else -1
            if home >= 0:
                # at banquet tables one long jump down the hall is never a fair price for sparing
                # many guests a one-place shift: a guest moves at most to the next table down
                if a in self.seniors:
                    cand = [p for p in cand if self.table_ordinal[p] == home]
                else:
                    cand = [p for p in cand if self.table_ordinal[p] <= home + self.apart_reach.get(a, 1)]
            if not explain:
                for grp in self.groups:
                    if grp.kind == "apart" and grp.group.hard and a in grp.movable and grp.group.mode is PairMode.ADJACENT:
                        banned: set[int] = set()
                        for x in grp.anchors:
                            banned |= self._anchor_positions(self.fixed[x])
                        cand = [p for p in cand if p not in banned]
            out[a] = cand
        return out

    # ------------------------------------------------------------------ the model

    def _solve_active(self, actives: list[str], hint: Mapping[str, int]) -> _Solved | list[Conflict]:
        if not actives:
            seat_of = {a: self.space.seats[k] for k, a in enumerate(self.seated_free)}
            return _Solved(seat_of, 0, 0, True, {})
        if self.frozen:
            return self._solve_parts(actives, hint)
        from ortools.sat.python import cp_model

        act = set(actives)
        _, ranges = self._run_ranges(act)
        movers = [a for a in actives if a not in self.individual]
        widest = max((ranges[self.run_of[a]][1] - ranges[self.run_of[a]][0] for a in movers), default=0)
        # a staged zone's first round is bounded by the matching, not by its own model: its
        # movers need only the window around their reference seats
        narrow = self.zone_bound is not None and not self.frozen and widest + len(actives) > 2 * WINDOW
        window: int | None = WINDOW if widest + len(actives) > WINDOW_FROM or narrow else None
        n = len(self.space.seats)
        while True:
            built = self._build(actives, hint, window, explain=False)
            if isinstance(built, list):
                if window is None:
                    return built
                window = None
                continue
            solver, code = run_model(built.model, self._settings())
            if code == cp_model.MODEL_INVALID:
                raise SolverError(f"CP-SAT rejected the model of zone '{self.zone.name}': {built.model.validate()}")
            if code == cp_model.INFEASIBLE:
                if window is None:
                    return self._explain(actives)
                window = None if 8 * window >= n else 4 * window
                continue
            if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
                return [
                    Conflict(
                        "time-limit",
                        f"zone '{self.zone.name}': no seating found within the time limit for {len(actives)} people with "
                        "requests; give the solver more time",
                        tuple(actives),
                    )
                ]
            objective = round(solver.objective_value)
            optimal = code == cp_model.OPTIMAL
            bound = objective if optimal else int(solver.best_objective_bound + 1e-6)
            if window is not None:
                # A window holds people who move at most `window` seats; a plan moving one of
                # them further costs at least order × (window + 1). Below that the window did
                # not matter. Otherwise the plan stands with a valid bound: the optimum
                # without the groups of the movers (a wider window costs far more time than
                # it ever gained in our measurements; the gap says what is at stake).
                if objective >= self.c.weights.order * (window + 1) and self.zone_bound is not None:
                    optimal = optimal and objective <= self.zone_bound
                    bound = objective if optimal else min(bound, self.zone_bound)
                elif objective >= self.c.weights.order * (window + 1):
                    relaxed = self._relaxed_bound(actives)
                    optimal = optimal and objective <= relaxed
                    bound = objective if optimal else min(bound, relaxed)
                elif not optimal:
                    bound = min(bound, self.c.weights.order * (window + 1))
            positions = {a: next(p for p, v in built.x[a].items() if solver.boolean_value(v)) for a in actives}
            seat_of = self._assemble(positions)
            positions = {a: self.space.index[seat_of[a]] for a in actives}
            return _Solved(seat_of, objective, bound, optimal, positions)

    def _assemble(self, positions: Mapping[str, int]) -> dict[str, str]:
        """The plan of the zone: the active people at ``positions``, the passive ones in order on the rest."""
        taken = set(positions.values())
        passive = [a for a in self.seated_free if a not in positions]
        free_positions = (p for p in range(len(self.space.seats)) if p not in taken)
        seat_of = {a: self.space.seats[p] for a, p in positions.items()}
        for a, p in zip(passive, free_positions):
            seat_of[a] = self.space.seats[p]
        self._sort_tables(seat_of)
        return seat_of

    def _zone_cost(self, seat_of: Mapping[str, str]) -> int:
        """The objective of a plan of the zone, as the model counts it: displacement and soft group costs."""
        w = self.c.weights
        index = self.space.index
        cost = w.order * sum(abs(index[seat_of[a]] - k) for k, a in enumerate(self.seated_free) if a in seat_of)
        merged = {**self.fixed, **seat_of}
        for grp in self.groups:
            if not grp.group.hard:
                cost += (w.apart if grp.kind == "apart" else w.together) * self._group_cost(grp, merged)
        return cost

    def _solve_parts(self, actives: list[str], hint: Mapping[str, int]) -> _Solved | list[Conflict]:
        """A staged zone with the people placed individually kept in place: one small model per part.

        Once those people are constants, a mover changes α (the active people seated before
        a boundary) only between his first and last candidate positions; β is known. Movers
        whose spans (joined by their groups) do not overlap therefore never meet in a
        constraint or a cost term: the zone's cost is a constant plus one term per part.
        Each part is solved on its own with the movers of the other parts held at any of
        their candidates (inside the part's span they count the same wherever they are;
        constraints among people held in place are left out). The models then grow with
        the requests and their neighbourhoods, not with the hall.
        """
        from ortools.sat.python import cp_model

        act = set(actives)
        _, ranges = self._run_ranges(act)
        cand = self._candidates(actives, ranges, None, explain=False)
        self._drop_unreachable(actives, ranges, cand)
        movers = [a for a in actives if a not in self.frozen]
        if any(not cand[a] for a in movers):
            return [self._no_seat(next(a for a in movers if not cand[a]))]
        # parts: the members of a group that may bind together, then overlapping spans joined
        links = [grp.movable for grp in self.groups if all(m in act for m in grp.movable) and self._may_bind(grp, cand)]
        parts = split_parts({a: cand[a] for a in movers}, links)
        frozen = self.frozen
        positions = {a: frozen[a] for a in actives if a in frozen}
        for a in movers:  # where the others are held while a part is solved
            positions[a] = hint[a] if hint.get(a) in cand[a] else cand[a][0]
        optimal = True
        slack = 0
        try:
            for part in parts:
                inside = set(part)
                lo = min(min(cand[a]) for a in part)
                hi = max(max(cand[a]) for a in part)
                # people held in place wholly before or after the span change nothing inside it
                early = [a for a in actives if a not in inside and positions[a] < lo and self.g[a] < lo]
                late = {a for a in actives if a not in inside and positions[a] > hi and self.g[a] >= hi}
                members = [a for a in actives if a in inside or (a not in late and a not in early)]
                self.frozen = {a: positions[a] for a in members if a not in inside}
                sub = {a: [positions[a]] for a in self.frozen} | {a: cand[a] for a in part}
                built = self._build(members, hint, None, explain=False, cand=sub, ranges=ranges, before=len(early))
                if isinstance(built, list):
                    return built
                solver, code = run_model(built.model, self._settings())
                if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
                    if code == cp_model.MODEL_INVALID:
                        raise SolverError(f"CP-SAT rejected the model of zone '{self.zone.name}': {built.model.validate()}")
                    return [Conflict("rules", f"zone '{self.zone.name}': no seating of {len(part)} people near their places", tuple(part))]
                optimal = optimal and code == cp_model.OPTIMAL
                slack += max(0, round(solver.objective_value) - int(solver.best_objective_bound + 1e-6))
                for a in part:
                    positions[a] = next(p for p, v in built.x[a].items() if solver.boolean_value(v))
        finally:
            self.frozen = frozen
        seat_of = self._assemble(positions)
        objective = self._zone_cost(seat_of)
        positions = {a: self.space.index[seat_of[a]] for a in actives}
        return _Solved(seat_of, objective, objective - slack, optimal, positions)

    def _may_bind(self, grp: _Group, cand: Mapping[str, list[int]]) -> bool:
        """Whether a group's members can meet the condition of its rule at all (else it never binds).

        Members of a side-by-side keep-apart group none of whose candidates neighbour each
        other's can never break it; every other group is taken to bind.
        """
        if grp.kind != "apart" or grp.group.mode is not PairMode.ADJACENT:
            return True
        nbr = self.space.nbr
        for i, a in enumerate(grp.movable):
            around = {q for p in cand[a] for q in nbr[p]}
            if any(q in around for b in grp.movable[i + 1 :] for q in cand[b]):
                return True
        return False

    def _sort_tables(self, seat_of: dict[str, str]) -> None:
        """At every banquet table, the people there take its places in precedence order (R-BNQ-7).

        Members of a request that names neighbouring places (keep-apart or keep-together
        in ``adjacent`` mode) and people with seat needs keep the places the model gave
        them; the others are sorted among their own places. Matching a fixed set of places
        to people in sorted order never raises the order cost, so the plan stays optimal;
        it settles the ties the cost leaves open (a guest moved to the next table takes its
        best free place, not one after juniors).
        """
        if min(self.table_ordinal, default=-1) < 0:
            return
        placed_by_request = {m for g in self.groups if g.group.mode is PairMode.ADJACENT for m in g.group.members}
        at: dict[int, list[str]] = {}
        for a, sid in seat_of.items():
            if not self.problem.attendee(a).needs and a not in placed_by_request:
                at.setdefault(self.table_ordinal[self.space.index[sid]], []).append(a)
        for people in at.values():
            places = sorted(self.space.index[seat_of[a]] for a in people)
            for a, p in zip(sorted(people, key=self.g.__getitem__), places):
                seat_of[a] = self.space.seats[p]

    def _relaxed_bound(self, actives: list[str]) -> int:
        """The optimum with only the individually placed people active and no groups: a lower bound."""
        from ortools.sat.python import cp_model

        alone = [a for a in actives if a in self.individual]
        if not alone:
            return 0
        saved = self.groups
        self.groups = []
        try:
            built = self._build(alone, {}, None, explain=False)
        finally:
            self.groups = saved
        if isinstance(built, list):
            return 0
        solver, code = run_model(built.model, self._settings())
        if code == cp_model.OPTIMAL:
            return round(solver.objective_value)
        if code == cp_model.FEASIBLE:
            return int(solver.best_objective_bound + 1e-6)
        return 0

    def _settings(self, work_limit: float | None = None) -> SolverSettings:
        """One worker, a fixed seed and a work limit: the same input gives the same plan, on any machine."""
        limit = self.settings.time_limit
        return SolverSettings(
            seed=self.settings.seed,
            workers=1,
            time_limit=None if limit is None else max(0.01, limit),
            work_limit=self.settings.work_limit if work_limit is None else work_limit,
        )

    def _build(
        self,
        actives: list[str],
        hint: Mapping[str, int],
        window: int | None,
        *,
        explain: bool,
        cand: dict[str, list[int]] | None = None,
        ranges: dict[int, tuple[int, int]] | None = None,
        before: int = 0,
    ) -> _Model | list[Conflict]:
        """The model over ``actives``: variables, then constraints, then the objective.

        A part of a staged zone (:meth:`_solve_parts`) gives the candidates, the unit ranges
        of the whole zone and the number of people kept in place before its span who are
        left out of the model (``before``: they count in α at every candidate).

        The order in which variables and constraints enter the model is part of
        the deterministic result (CP-SAT's search follows it): keep it.
        """
        from ortools.sat.python import cp_model

        model = cp_model.CpModel()
        info = _Model(model=model, x={})
        q_total, own = self._run_ranges(set(actives))
        if ranges is None:
            ranges = own
            if cand is None:
                cand = self._candidates(actives, ranges, window, explain=explain)
            if not explain:
                self._drop_unreachable(actives, ranges, cand)
        assert cand is not None
        for a in actives:
            if not cand[a]:
                return self._explain(actives) if not explain else [self._no_seat(a)]
        lit_for, enforce = _assumption_makers(info, explain)
        # variables: one boolean per active person and candidate position
        info.x = x = self._add_choices(model, actives, cand, hint)
        # constraints, with the cost terms of the order displacement
        terms, alpha, ts = self._add_displacement(model, actives, x, q_total)
        self._add_unit_blocks(model, actives, x, ranges, alpha, ts, lit_for, before)
        self._add_run_order(model, actives, x, ranges)
        self._add_need_order(model, actives, x)
        act = set(actives)
        for grp in self.groups:
            movers = [y for y in grp.movable if y in act]
            if not movers or len(movers) < len(grp.movable) or all(y in self.frozen for y in movers):
                continue  # a group is modelled only with all its members (and one who may move); else it is checked on the plan
            conflict = self._group_terms(model, grp, movers, x, terms, lit_for, enforce)
            if conflict is not None:
                return [conflict]
        # objective
        model.minimize(sum(terms))
        if explain:
            model.add_assumptions([lit for lit, _ in info.assumptions])
        return info

    def _drop_unreachable(self, actives: list[str], ranges: dict[int, tuple[int, int]], cand: dict[str, list[int]]) -> None:
        """Unit-block bounds drop candidates that can never satisfy them (α_p is between 0 and m)."""
        m = len(actives)
        for a in actives:
            if a in self.individual:
                continue
            lo, hi = ranges[self.run_of[a]]
            cand[a] = [p for p in cand[a] if p - hi <= m - 1 and p - lo >= 0]

    def _add_choices(
        self, model: cp_model.CpModel, actives: list[str], cand: Mapping[str, list[int]], hint: Mapping[str, int]
    ) -> dict[str, dict[int, Any]]:
        """``x[a][p]``: active ``a`` takes flow position ``p``; one position each, one person a position."""
        x: dict[str, dict[int, Any]] = {a: {p: model.new_bool_var(f"x_{a}_{p}") for p in cand[a]} for a in actives}
        for a in actives:
            model.add_exactly_one(x[a].values())
            if a in hint and hint[a] in x[a]:
                for p, v in x[a].items():
                    model.add_hint(v, p == hint[a])
        # people kept in place never meet each other: only places someone may still take matter
        open_to = {p for a in actives if a not in self.frozen for p in cand[a]}
        for p, vs in _by_position(x).items():
            if len(vs) > 1 and p in open_to:
                model.add_at_most_one(vs)
        return x

    def _add_displacement(
        self, model: cp_model.CpModel, actives: list[str], x: Mapping[str, Mapping[int, Any]], q_total: int
    ) -> tuple[list[Any], dict[int, Any], list[int]]:
        """Cost terms of the order displacement (module docstring) and ``α`` at its boundaries.

        Returns the terms, ``α`` by boundary and the sorted boundaries.
        """
        n = len(self.space.seats)
        m = len(actives)
        f_total = q_total + m
        # people kept in place by a staged zone count as constants, not as variables
        kept = {a: self.frozen[a] for a in actives if a in self.frozen}
        at = _by_position({a: c for a, c in x.items() if a not in kept})
        kept_at: dict[int, int] = {}
        for p in kept.values():
            kept_at[p] = kept_at.get(p, 0) + 1
        w = self.c.weights
        terms: list[Any] = []
        for a in actives:
            r = self.g[a]
            terms.append(w.order * sum(abs(p - r) * v for p, v in x[a].items()))
        # α at the boundaries where it may change; β is known
        bounds = {0, n}
        for p in [*at, *kept_at]:
            bounds.add(p)
            bounds.add(p + 1)
        for a in actives:
            bounds.add(min(n, self.g[a] + 1))
        bounds |= set(range(q_total + 1, min(f_total, n) + 1))
        ts = sorted(t for t in bounds if 0 <= t <= n)
        live = self._live_boundaries(actives, x, kept, ts)
        alpha: dict[int, Any] = {0: 0}
        kept_before: dict[int, int] = {0: 0}
        last_places = sorted(max(x[a]) for a in actives if a not in kept)  # a mover is before t once t > his last place
        by_pos = sorted({*at, *kept_at})
        k = 0
        acc: Any = 0
        offset = 0  # people kept in place before the boundary
        for t in ts[1:]:
            added: list[Any] = []
            while k < len(by_pos) and by_pos[k] < t:
                added.extend(at.get(by_pos[k], ()))
                offset += kept_at.get(by_pos[k], 0)
                k += 1
            if added:
                var = model.new_int_var(0, m, f"alpha_{t}")
                model.add(var == acc + sum(added))
                acc = var
            alpha[t] = acc + offset if offset else acc
            kept_before[t] = offset
        refs = sorted(self.g[a] for a in actives)
        for j, t0 in enumerate(ts):
            if t0 == 0 or t0 > f_total:
                continue
            t1 = ts[j + 1] if j + 1 < len(ts) else n + 1
            t1 = min(t1, f_total + 1)
            beta = bisect.bisect_left(refs, t0)  # actives ranked before boundary t0
            a_t = alpha[t0]
            if live is not None and not live[j]:  # nobody who moves can change α here: a constant
                a_t = kept_before[t0] + bisect.bisect_left(last_places, t0)
                top_c = a_t if t0 <= q_total else max(a_t, t0 - q_total)
                terms.append(w.order * (t1 - t0) * abs(top_c - beta))
                continue
            if t0 <= q_total:
                z = model.new_int_var(0, m, f"z_{t0}")
                model.add(z >= a_t - beta)
                model.add(z >= beta - a_t)
            else:
                top = model.new_int_var(0, max(m, t0 - q_total), f"mx_{t0}")
                model.add_max_equality(top, [a_t, t0 - q_total])
                z = model.new_int_var(0, max(m, t0), f"z_{t0}")
                model.add(z >= top - beta)
                model.add(z >= beta - top)
            terms.append(w.order * (t1 - t0) * z)
        return terms, alpha, ts

    def _live_boundaries(
        self, actives: list[str], x: Mapping[str, Mapping[int, Any]], kept: Mapping[str, int], ts: Sequence[int]
    ) -> list[bool] | None:
        """Which boundaries a person who may still move can cross (None: all, when nobody is kept in place).

        Person ``a`` changes α only at boundaries ``t`` with ``min(candidates) < t ≤ max(candidates)``
        (β is known).
        """
        if not kept:
            return None
        cover = [0] * (len(ts) + 1)
        for a in actives:
            if a in kept:
                continue
            lo, hi = min(x[a]), max(x[a])
            cover[bisect.bisect_right(ts, lo)] += 1
            cover[bisect.bisect_right(ts, hi)] -= 1
        live = []
        running = 0
        for j in range(len(ts)):
            running += cover[j]
            live.append(running > 0)
        return live

    def _add_unit_blocks(
        self,
        model: cp_model.CpModel,
        actives: list[str],
        x: Mapping[str, Mapping[int, Any]],
        ranges: dict[int, tuple[int, int]],
        alpha: Mapping[int, Any],
        ts: Sequence[int],
        lit_for: LitFor,
        before: int = 0,
    ) -> None:
        """Unit blocks: the passive people before a non-individual active person (``before``: active people left out)."""
        for a in actives:
            if a in self.individual or a in self.frozen:
                continue
            lo, hi = ranges[self.run_of[a]]
            who = self.problem.attendee(a)
            if self.c.contiguous:
                what = (
                    f"unit 『{who.unit or '(no unit)'}』 sits in one block of consecutive seats, in the published unit order, "
                    f"filling the hall from the front; {who.name} must stay in it"
                )
            else:
                what = f"{who.name} must sit in the front-to-back fill"
            lit = lit_for("unit-block", what, (a,))
            for p, v in x[a].items():
                ct = model.add_linear_constraint(alpha_at(alpha, ts, p), p - hi - before, p - lo - before)
                ct.only_enforce_if([v] if lit is None else [v, lit])

    def _add_run_order(
        self, model: cp_model.CpModel, actives: list[str], x: Mapping[str, Mapping[int, Any]], ranges: dict[int, tuple[int, int]]
    ) -> None:
        """Active people of runs whose passive ranges touch keep the run order."""
        for i, a in enumerate(actives):
            if a in self.individual:
                continue
            for b in actives[i + 1 :]:
                if b in self.individual or (a in self.frozen and b in self.frozen):
                    continue
                ka, kb = self.run_of[a], self.run_of[b]
                if ka != kb and ranges[min(ka, kb)][1] >= ranges[max(ka, kb)][0]:
                    first, second = (a, b) if ka < kb else (b, a)
                    model.add(_position(x[first]) + 1 <= _position(x[second]))

    def _add_need_order(self, model: cp_model.CpModel, actives: list[str], x: Mapping[str, Mapping[int, Any]]) -> None:
        """People placed individually with the same need and no group keep their order."""
        classes: dict[frozenset[str], list[str]] = {}
        for a in actives:
            if a in self.individual and a not in self.in_group:
                classes.setdefault(self.problem.attendee(a).needs, []).append(a)
        for members in classes.values():
            for a, b in itertools.pairwise(members):
                if a not in self.frozen or b not in self.frozen:
                    model.add(_position(x[a]) + 1 <= _position(x[b]))

    def _no_seat(self, a: str) -> Conflict:
        who = self.problem.attendee(a)
        need = f" marked {', '.join(sorted(who.needs))}" if who.needs else ""
        return Conflict(
            "needs" if who.needs else "rules",
            f"zone '{self.zone.name}': no seat{need} is left for {who.name} that meets his requests "
            "(pins, reserved seats, keep-apart/keep-together, unit block)",
            (a,),
        )

    # ------------------------------------------------------------------ groups in the model

    def _group_terms(
        self,
        model: cp_model.CpModel,
        grp: _Group,
        movers: list[str],
        x: Mapping[str, Mapping[int, Any]],
        terms: list[Any],
        lit_for: LitFor,
        enforce: Enforce,
    ) -> Conflict | None:
        """Constraints (hard) or cost terms (soft) of one group over its members."""
        problem, space = self.problem, self.space
        names = "、".join(problem.attendee(y).name for y in grp.group.members)
        source = grp.group.source or ("keep-apart" if grp.kind == "apart" else "keep-together")
        hard = grp.group.hard
        w = self.c.weights
        if grp.group.mode is PairMode.TABLE:
            return self._table_terms(model, grp, movers, x, terms, lit_for, enforce, names, source)
        anchor_near = [self._anchor_positions(self.fixed[y]) for y in grp.anchors]
        constant = 0
        for i, y in enumerate(grp.anchors):
            for z in grp.anchors[i + 1 :]:
                constant += int(self.fixed[z] in problem.neighbours.get(self.fixed[y], ()))
        k = len(movers) + len(grp.anchors)
        if grp.kind == "apart":
            if hard and constant:
                return Conflict("keep-apart", f"{names} must not sit side by side ({source}), but two of them are fixed next to each other", grp.group.members)
            lit = lit_for("keep-apart", f"{names} must not sit side by side ({source})", grp.group.members) if hard else None
            penalties: list[Any] = []
            for i, a in enumerate(movers):
                for b in movers[i + 1 :]:
                    adj = None if hard else model.new_bool_var(f"adj_{a}_{b}")
                    for p, v in x[a].items():
                        near = [x[b][q] for q in space.nbr[p] if q in x[b]]
                        if not near:
                            continue
                        if hard:
                            enforce(model.add(v + sum(near) <= 1), lit)
                        else:
                            model.add(adj >= v + sum(near) - 1)
                    if adj is not None:
                        penalties.append(adj)
                for near_set in anchor_near:
                    close = [v for p, v in x[a].items() if p in near_set]
                    if hard:
                        if close:
                            enforce(model.add(sum(close) == 0), lit)
                    else:
                        penalties.extend(close)
            if not hard:
                terms.append(w.apart * (sum(penalties) + constant))
            return None
        # keep-together: in rows and round tables the members are in one piece iff they
        # are linked by at least k − 1 neighbouring pairs
        links: list[Any] = []
        for i, a in enumerate(movers):
            for b in movers[i + 1 :]:
                link = model.new_bool_var(f"link_{a}_{b}")
                for p, v in x[a].items():
                    near = [x[b][q] for q in space.nbr[p] if q in x[b]]
                    model.add(link <= sum(near) + 1 - v)
                links.append(link)
            for near_set in anchor_near:
                links.append(sum(v for p, v in x[a].items() if p in near_set))
        need = k - 1
        if hard:
            lit = lit_for("keep-together", f"{names} must sit side by side ({source})", grp.group.members)
            enforce(model.add(sum(links) + constant >= need), lit)
        else:
            miss = model.new_int_var(0, need, f"miss_{'_'.join(movers)}")
            model.add(miss >= need - sum(links) - constant)
            terms.append(w.together * miss)
        return None

    def _table_terms(
        self,
        model: cp_model.CpModel,
        grp: _Group,
        movers: list[str],
        x: Mapping[str, Mapping[int, Any]],
        terms: list[Any],
        lit_for: LitFor,
        enforce: Enforce,
        names: str,
        source: str,
    ) -> Conflict | None:
        """Same-table groups: ``y[a, T]`` = member ``a`` sits at table ``T``."""
        problem, space = self.problem, self.space
        hard = grp.group.hard
        w = self.c.weights
        anchor_tables = [problem.seat(self.fixed[y]).table or f"\0{self.fixed[y]}" for y in grp.anchors]

        def label(p: int) -> str:
            return space.table[p] or f"\0{space.seats[p]}"

        y: dict[str, dict[str, Any]] = {}
        for a in movers:
            y[a] = {}
            for p, v in x[a].items():
                y[a].setdefault(label(p), []).append(v)
            y[a] = {t: sum(vs) for t, vs in y[a].items()}
        tables = sorted({t for a in movers for t in y[a]} | set(anchor_tables))
        if grp.kind == "apart":
            shared = sum(1 for i in range(len(anchor_tables)) for j in range(i + 1, len(anchor_tables)) if anchor_tables[i] == anchor_tables[j])
            if hard and shared:
                return Conflict("keep-apart", f"{names} must not share a table ({source}), but two of them are fixed at one table", grp.group.members)
            lit = lit_for("keep-apart", f"{names} must not share a table ({source})", grp.group.members) if hard else None
            penalties: list[Any] = []
            for t in tables:
                here = [y[a][t] for a in movers if t in y[a]]
                fixed_here = anchor_tables.count(t)
                if hard:
                    if here:
                        enforce(model.add(sum(here) + fixed_here <= 1), lit)
                else:
                    # pairs at table t: count c·(c−1)/2 with c = members there; linearised per pair
                    members = here + [1] * fixed_here
                    for i in range(len(members)):
                        for j in range(i + 1, len(members)):
                            if isinstance(members[i], int) and isinstance(members[j], int):
                                continue
                            s = model.new_bool_var(f"pair_{t}_{i}_{j}")
                            model.add(s >= members[i] + members[j] - 1)
                            penalties.append(s)
            if not hard:
                terms.append(w.apart * (sum(penalties) + shared))
            return None
        if hard:
            lit = lit_for("keep-together", f"{names} must share a table ({source})", grp.group.members)
            if len(set(anchor_tables)) > 1:
                return Conflict("keep-together", f"{names} must share a table ({source}), but two of them are fixed at different tables", grp.group.members)
            target = anchor_tables[0] if anchor_tables else None
            for a in movers:
                if target is not None:
                    enforce(model.add(y[a].get(target, 0) == 1), lit)
                else:
                    for t in tables:
                        enforce(model.add(y[a].get(t, 0) == y[movers[0]].get(t, 0)), lit)
            return None
        used = []
        fixed_tables = set(anchor_tables)
        for t in tables:
            if t in fixed_tables:
                continue
            u = model.new_bool_var(f"used_{t}")
            for a in movers:
                if t in y[a]:
                    model.add(u >= y[a][t])
            used.append(u)
        terms.append(w.together * (sum(used) + len(fixed_tables) - 1))
        return None

    # ------------------------------------------------------------------ explanations

    def _explain(self, actives: list[str]) -> list[Conflict]:
        """Name the rules that cannot hold together, with CP-SAT assumptions (:func:`explain_assumptions`)."""
        built = self._build(actives, {}, None, explain=True)
        if isinstance(built, list):
            return built
        settings = self._settings(work_limit=min(self.settings.work_limit, 10.0))
        return explain_assumptions(built.model, built.assumptions, settings, self.zone.name, actives)


def _assumption_makers(info: _Model, explain: bool) -> tuple[LitFor, Enforce]:
    """``lit_for`` makes an assumption literal per rule when explaining (else None); ``enforce`` applies it."""
    model = info.model

    def lit_for(rule: str, message: str, people: Sequence[str]) -> Any:
        if not explain:
            return None
        lit = model.new_bool_var(rule)
        info.assumptions.append((lit, Conflict(rule, message, tuple(people))))
        return lit

    def enforce(ct: Any, lit: Any) -> None:
        if lit is not None:
            ct.only_enforce_if(lit)

    return lit_for, enforce


def _by_position(x: Mapping[str, Mapping[int, Any]]) -> dict[int, list[Any]]:
    """Flow position → the choice variables that take it, in the order of the people."""
    at: dict[int, list[Any]] = {}
    for choices in x.values():
        for p, v in choices.items():
            at.setdefault(p, []).append(v)
    return at


def _position(choices: Mapping[int, Any]) -> Any:
    """The flow position an active person takes, as a linear expression."""
    return sum(p * v for p, v in choices.items())


def alpha_at(alpha: Mapping[int, Any], ts: Sequence[int], t: int) -> Any:
    """α at boundary ``t`` (the last recorded boundary at or before ``t``)."""
    if t in alpha:
        return alpha[t]
    return alpha[ts[bisect.bisect_right(ts, t) - 1]]


def solve_flow(problem: SeatingProblem, zone: Zone, fixed: Mapping[str, str], settings: FlowSettings) -> ZoneOutcome:
    """Seat one non-strict zone (see the module docstring)."""
    return FlowZone(problem, zone, fixed, settings).solve()
