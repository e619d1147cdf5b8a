"""Table assignment for banquets and weddings: guests → tables, exactly, with CP-SAT.

Which guest sits at which table is a choice that protocol does not fix (the place
*inside* a table is fixed afterwards by R-BNQ-7/8). The organisers give how well
people know each other, who must sit together (a couple, a family, a delegation
that travels as one), who must not share a table (R-BNQ-11: guests on bad terms
are not seated together) and who is fixed to a table (the host representative of
every table, R-BNQ-6). This module finds the
assignment with the largest summed connection weight of guests at the same table,
and proves it optimal when it can.

Objective
---------
The objective is the one of the OR-Tools example ``wedding_optimal_chart_sat.py``
(google/or-tools, ``examples/python/wedding_optimal_chart_sat.py``), after
M. L. Bellows and J. D. L. Peterson, "Finding an optimal seating chart for a
wedding", Annals of Improbable Research, 2012:

    maximise  Σ_{g < h} C[g][h] · [g and h sit at the same table]

i.e. every unordered pair counts once with the weight of the matrix's upper
triangle. :data:`BELLOWS_PETERSON_CONNECTIONS` is that example's 17-guest matrix;
its optimal values are 276 (5 tables of 4) and 318 (2 tables of 10), both proven
by :func:`assign_tables` (tests/test_table_assign.py). The example states the
"every guest knows at least one other at the table" rule but, as written, adds a
single global constraint; here ``min_known`` is enforced per guest (the optimal
values are the same with and without it).

Model (compressed, architecture §5)
-----------------------------------
* Keep-together groups are merged (union-find) into *units*; a unit is one
  decision. The weights inside a unit are a constant; between units they add up.
* ``x[u, t]`` = unit ``u`` sits at table ``t`` (only for tables it fits and is not
  pinned away from); one table per unit; seats per table ≤ capacity.
* ``y[a, b]`` = units ``a`` and ``b`` share a table, for every weighted pair (and
  the pairs the ``min_known`` rule needs), linked by one boolean per pair and
  table.
* Keep-apart: at most one of the two units at every table.
* Symmetry breaking: tables of equal capacity that nobody is pinned to are
  interchangeable, so the i-th free unit may only use the first i + 1 of them
  (any solution can be relabelled to satisfy this).
* The reported bound is the smaller of CP-SAT's bound and a combinatorial bound
  (every guest gains at most the sum of his largest ``capacity − unit size``
  positive weights to people outside his unit), both valid upper bounds.

Large problems (more than :data:`PAIR_TABLE_LIMIT` pair × table links, e.g. 1,000
guests at 100 tables) are not given to one model: a greedy start is improved by
moves and swaps of whole units, then by a neighbourhood search that re-seats a
few strongly connected tables at a time with the exact model, so every step is
small and exact; the result is FEASIBLE with the combinatorial bound and its gap
(:class:`TableMethod`).

Every search ends on a deterministic budget sized from the problem (CP-SAT work
units, annealing steps, rounds), so the same input and seed give the same
assignment on any machine under any load; ``time_limit`` is a wall-clock safety
cap, and a result it cut short says so (``TableResult.capped``).

Infeasible requests are results with an explanation (which rule, which people):
capacities, groups larger than the largest table, keep-apart inside a group, pins
that contradict each other, guests who know too few people for ``min_known``; when
only the solver can see the conflict, the rule families are dropped one at a time
to name the ones that cannot hold together.
"""

from __future__ import annotations

import itertools
import logging
import math
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from seatplan.errors import (
    Conflict,
    Location,
    SolverError,
    ValidationError,
)
from seatplan.model.enums import SolveStatus
from seatplan.solve.cpsat import SolverSettings, run_model
from seatplan.solve.table_search import STEPS_PER_UNIT, UnitSearch
from seatplan.solve.tables import (
    BELLOWS_PETERSON_CONNECTIONS,
    BELLOWS_PETERSON_NAMES,
    Table,
    TableMethod,
    TableProblem,
    TableResult,
    bellows_peterson_problem,
    check_tables,
    score_tables,
)

LOGGER = logging.getLogger(__name__)

__all__ = [
    "BELLOWS_PETERSON_CONNECTIONS",
    "BELLOWS_PETERSON_NAMES",
    "PAIR_TABLE_LIMIT",
    "Table",
    "TableMethod",
    "TableProblem",
    "TableResult",
    "assign_tables",
    "bellows_peterson_problem",
    "check_tables",
    "greedy_tables",
    "score_tables",
    "upper_bound_tables",
]

#: Rounds of the neighbourhood search at most (each takes every table once as its seed).
MAX_ROUNDS = 20
#: CP-SAT work (deterministic time units) of one neighbourhood re-seating at most.
NEIGHBOURHOOD_WORK = 0.5
#: CP-SAT work of the whole neighbourhood search, per table of the problem: small after the
#: annealing (which does most of the work), larger with ``min_known`` (no annealing then).
NEIGHBOURHOOD_WORK_PER_TABLE, NEIGHBOURHOOD_WORK_PER_TABLE_ALONE = 0.005, 0.05
#: CP-SAT work of the exact model when no ``work_limit`` is given: a base plus a share per
#: pair × table link (proofs of small problems come far sooner).
EXACT_WORK, EXACT_WORK_PER_LINK = 2.0, 1e-3
#: Annealing steps and neighbourhood work units per second of ``time_limit`` at most: rates a
#: single busy core keeps up with, so a huge plan under a short cap still ends on its budget.
STEPS_PER_SECOND, NEIGHBOURHOOD_WORK_PER_SECOND = 70_000, 0.05
#: CP-SAT work units per second of ``time_limit`` the exact model may use at most when no
#: ``work_limit`` is given: a single busy core spends them in well under half the limit.
WORK_PER_SECOND = 0.1

#: Above this many (weighted pair × table) links the exact model is not built for
#: the whole problem; the neighbourhood search is used instead.
PAIR_TABLE_LIMIT = 20_000
#: Share of a time limit the neighbourhood search leaves for what follows it (reading,
#: checking and scoring the assignment), so that the whole call ends within the limit.
POST_SEARCH_RESERVE = 0.01

# --------------------------------------------------------------------------------------
# units (keep-together groups merged)
# --------------------------------------------------------------------------------------


@dataclass
class _Units:
    members: list[list[str]]  # unit → guests, list order
    unit_of: dict[str, int]
    weight: dict[tuple[int, int], int]  # between units a < b
    constant: int  # weight inside units


def _merge_units(problem: TableProblem) -> _Units:
    parent = {g: g for g in problem.guests}

    def find(g: str) -> str:
        while parent[g] != g:
            parent[g] = parent[parent[g]]
            g = parent[g]
        return g

    for group in problem.keep_together:
        for a, b in itertools.pairwise(group):
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[rb] = ra
    root_index: dict[str, int] = {}
    members: list[list[str]] = []
    unit_of: dict[str, int] = {}
    for g in problem.guests:
        r = find(g)
        if r not in root_index:
            root_index[r] = len(members)
            members.append([])
        members[root_index[r]].append(g)
        unit_of[g] = root_index[r]
    weight: dict[tuple[int, int], int] = {}
    constant = 0
    for (a, b), w in problem.pair_weight.items():
        ua, ub = unit_of[a], unit_of[b]
        if ua == ub:
            constant += w
        else:
            key = (ua, ub) if ua < ub else (ub, ua)
            weight[key] = weight.get(key, 0) + w
    return _Units(members, unit_of, weight, constant)


def _names(problem: TableProblem, guests: Sequence[str], limit: int = 8) -> str:
    shown = ", ".join(problem.name(g) for g in guests[:limit])
    return shown + (f" and {len(guests) - limit} more" if len(guests) > limit else "")


def _precheck(problem: TableProblem, units: _Units) -> list[Conflict]:
    """Conflicts visible without search: capacity, group sizes, pins, min_known."""
    out: list[Conflict] = []
    total = sum(t.capacity for t in problem.tables)
    n = len(problem.guests)
    if n > total:
        out.append(
            Conflict(
                "capacity",
                f"{n} guests for {total} places at {len(problem.tables)} tables: {n - total} cannot be seated; "
                "add tables or places",
            )
        )
    largest = max(t.capacity for t in problem.tables)
    for members in units.members:
        if len(members) > largest:
            out.append(
                Conflict(
                    "keep-together",
                    f"the keep-together group of {len(members)} ({_names(problem, members)}) does not fit the largest "
                    f"table of {largest} places",
                    tuple(members),
                )
            )
    for a, b in problem.keep_apart:
        if units.unit_of[a] == units.unit_of[b]:
            out.append(
                Conflict(
                    "keep-apart",
                    f"{problem.name(a)} and {problem.name(b)} must be kept apart but are in the same keep-together group",
                    (a, b),
                )
            )
    capacity = {t.id: t.capacity for t in problem.tables}
    unit_pin: dict[int, tuple[str, str]] = {}
    for g, t in problem.pins.items():
        u = units.unit_of[g]
        if u in unit_pin and unit_pin[u][1] != t:
            h, other = unit_pin[u]
            out.append(
                Conflict(
                    "pin",
                    f"{problem.name(h)} is pinned to table {other} and {problem.name(g)} to table {t}, "
                    "but they are in the same keep-together group",
                    (h, g),
                )
            )
        unit_pin.setdefault(u, (g, t))
    pinned_load: dict[str, list[str]] = {}
    for u, (_, t) in unit_pin.items():
        pinned_load.setdefault(t, []).extend(units.members[u])
    for t, guests in pinned_load.items():
        if len(guests) > capacity[t]:
            out.append(
                Conflict(
                    "pin",
                    f"{len(guests)} guests are pinned (with their groups) to table {t} of {capacity[t]} places: "
                    f"{_names(problem, guests)}",
                    tuple(guests),
                )
            )
    for a, b in problem.keep_apart:
        ua, ub = units.unit_of[a], units.unit_of[b]
        if ua in unit_pin and ub in unit_pin and unit_pin[ua][1] == unit_pin[ub][1] and ua != ub:
            out.append(
                Conflict(
                    "keep-apart",
                    f"{problem.name(a)} and {problem.name(b)} must be kept apart but are both pinned to table "
                    f"{unit_pin[ua][1]}",
                    (a, b),
                )
            )
    if problem.has_min_known:
        knows_of = {g: 0 for g in problem.guests}
        for (a, b), w in problem.pair_weight.items():
            if w > 0:
                knows_of[a] += 1
                knows_of[b] += 1
        for g in problem.guests:
            knows = knows_of[g]
            if knows < problem.needed(g):
                out.append(
                    Conflict(
                        "min-known",
                        f"{problem.name(g)} knows {knows} guest(s) in all, fewer than the {problem.needed(g)} "
                        "required at his table",
                        (g,),
                    )
                )
    return out


# --------------------------------------------------------------------------------------
# bounds and a greedy start
# --------------------------------------------------------------------------------------


def upper_bound_tables(problem: TableProblem) -> int:
    """A valid upper bound of the objective, without search, from the structure of the weights.

    *Per guest*: a guest shares his table with his keep-together group and
    ``c − |group|`` others (``c`` the largest capacity), so he gains at most his
    largest ``c − |group|`` weights (negative weights count as 0); every pair is
    counted from both ends, so the bound is half the sum.

    *Circles* make it tighter. Split the pairs at a weight ``w`` into heavy ones
    (at least ``w``) and light ones; the guests linked by heavy pairs form
    circles (a company's colleagues, a family). ``s`` guests of a circle seated
    at tables of ``c`` share at most ``P = q·c(c−1)/2 + r(r−1)/2`` pairs
    (``s = q·c + r``), less the pairs inside keep-together groups, which are
    counted anyway. If guest ``g`` sits with ``k_g`` heavy partners, he gains at
    most his ``k_g`` largest heavy weights plus his ``c − |group| − k_g`` largest
    light ones, and the ``k_g`` of a circle add up to at most twice those pairs.
    The largest such total is found greedily (the gain of one more heavy partner
    falls as ``k_g`` grows). The smallest bound over every split, and the plain
    per-guest bound, is returned, plus the weight inside keep-together groups.
    """
    units = _merge_units(problem)
    cap = max(t.capacity for t in problem.tables)
    edges = [(a, b, w) for (a, b), w in problem.pair_weight.items() if w > 0 and units.unit_of[a] != units.unit_of[b]]
    best = _slot_bound(problem, units, edges, math.inf, cap)
    for threshold in sorted({w for _, _, w in edges}):
        best = min(best, _slot_bound(problem, units, edges, threshold, cap))
    return units.constant + best


def _slot_bound(problem: TableProblem, units: _Units, edges: Sequence[tuple[str, str, int]], threshold: float, cap: int) -> int:
    """The circle bound of :func:`upper_bound_tables` for one split (``inf``: the plain per-guest bound)."""
    heavy: dict[str, list[int]] = {}
    light: dict[str, list[int]] = {}
    parent: dict[str, str] = {}

    def find(g: str) -> str:
        parent.setdefault(g, g)
        while parent[g] != g:
            parent[g] = parent[parent[g]]
            g = parent[g]
        return g

    for a, b, w in edges:
        side = heavy if w >= threshold else light
        side.setdefault(a, []).append(w)
        side.setdefault(b, []).append(w)
        if w >= threshold:
            parent[find(b)] = find(a)
    for g in list(parent):  # keep-together groups belong to their members' circle
        for m in units.members[units.unit_of[g]]:
            parent[find(m)] = find(g)
    total = 0
    marginals: dict[str, list[int]] = {}
    for g in problem.guests:
        room = cap - len(units.members[units.unit_of[g]])
        if room <= 0:
            continue
        h = sorted(heavy.get(g, ()), reverse=True)[:room]
        ls = sorted(light.get(g, ()), reverse=True)[:room]
        total += sum(ls)
        if h:
            root = find(g)
            for k in range(1, len(h) + 1):
                lost = ls[room - k] if room - k < len(ls) else 0
                if h[k - 1] > lost:
                    marginals.setdefault(root, []).append(h[k - 1] - lost)
    people: dict[str, list[str]] = {}
    for g in parent:
        people.setdefault(find(g), []).append(g)
    for root, gains in marginals.items():
        s = len(people[root])
        q, r = divmod(s, cap)
        pairs = q * cap * (cap - 1) // 2 + r * (r - 1) // 2
        pairs -= sum(len(m) * (len(m) - 1) // 2 for m in (units.members[u] for u in {units.unit_of[g] for g in people[root]}))
        total += sum(sorted(gains, reverse=True)[: max(0, 2 * pairs)])
    return total // 2


def greedy_tables(problem: TableProblem) -> dict[str, str] | None:
    """A quick assignment used as the start of the search (the better of two packings).

    * *By affinity*: pinned units first, then the others, largest group first;
      each goes to the table (with room, no keep-apart partner) where it adds the
      most weight, ties to the table with more free places, then table order.
    * *In list order*: units in the order of the list, each at the first table
      with room and no keep-apart partner — what one does by hand, and good when
      the list is already grouped (by unit, by family).

    ``min_known`` is not enforced. Returns ``None`` when both packings get stuck.
    """
    units = _merge_units(problem)
    found = [p for p in (_pack(problem, units, by_affinity=True), _pack(problem, units, by_affinity=False)) if p]
    if not found:
        return None
    return max(found, key=lambda t: score_tables(problem, t))


def _pack(problem: TableProblem, units: _Units, *, by_affinity: bool) -> dict[str, str] | None:
    index = {t.id: k for k, t in enumerate(problem.tables)}
    free = [t.capacity for t in problem.tables]
    at: list[list[int]] = [[] for _ in problem.tables]
    apart: dict[int, set[int]] = {}
    for a, b in problem.keep_apart:
        ua, ub = units.unit_of[a], units.unit_of[b]
        apart.setdefault(ua, set()).add(ub)
        apart.setdefault(ub, set()).add(ua)
    neighbours: dict[int, dict[int, int]] = {}
    for (ua, ub), w in units.weight.items():
        neighbours.setdefault(ua, {})[ub] = w
        neighbours.setdefault(ub, {})[ua] = w
    pinned = {units.unit_of[g]: index[t] for g, t in problem.pins.items()}
    table_of_unit: dict[int, int] = {}
    if by_affinity:
        order = sorted(range(len(units.members)), key=lambda u: (u not in pinned, -len(units.members[u]), u))
    else:
        order = sorted(range(len(units.members)), key=lambda u: (u not in pinned, u))
    for u in order:
        size = len(units.members[u])
        candidates = [pinned[u]] if u in pinned else range(len(free))
        best: tuple[int, int, int] | None = None
        for k in candidates:
            if free[k] < size or any(v in apart.get(u, ()) for v in at[k]):
                continue
            if not by_affinity:
                best = (0, 0, -k)
                break
            gain = sum(neighbours.get(u, {}).get(v, 0) for v in at[k])
            key = (gain, free[k], -k)
            if best is None or key > best:
                best = key
        if best is None:
            return None
        k = -best[2]
        table_of_unit[u] = k
        at[k].append(u)
        free[k] -= size
    return {g: problem.tables[table_of_unit[units.unit_of[g]]].id for g in problem.guests}


# --------------------------------------------------------------------------------------
# the CP-SAT model
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Families:
    """Which rule families go into the model (dropped one by one to explain infeasibility)."""

    keep_together: bool = True
    keep_apart: bool = True
    pins: bool = True
    min_known: bool = True


def _adjacency(problem: TableProblem) -> dict[str, dict[str, int]]:
    adj: dict[str, dict[str, int]] = {g: {} for g in problem.guests}
    for (a, b), w in problem.pair_weight.items():
        adj[a][b] = w
        adj[b][a] = w
    return adj


def _link_count(problem: TableProblem, units: _Units) -> int:
    """Pair × table links of the exact model (an upper estimate)."""
    return len(units.weight) * len(problem.tables)


def _build_model(problem: TableProblem, fam: _Families, hint: Mapping[str, str] | None):
    """The exact CP-SAT model; returns ``(model, units, x)`` or ``(None, units, {})`` if a unit fits nowhere."""
    from ortools.sat.python import cp_model

    if not fam.keep_together:
        problem = _without(problem, keep_together=())
    units = _merge_units(problem)
    adj = _adjacency(problem)
    tables = problem.tables
    nt = len(tables)
    index = {t.id: k for k, t in enumerate(tables)}
    size = [len(m) for m in units.members]
    m = cp_model.CpModel()
    pinned: dict[int, int] = {}
    if fam.pins:
        for g, label in problem.pins.items():
            pinned.setdefault(units.unit_of[g], index[label])
    pinned_tables = set(pinned.values())
    # Interchangeable tables: same capacity, nobody pinned to them.
    classes: dict[int, list[int]] = {}
    for k, t in enumerate(tables):
        if k not in pinned_tables:
            classes.setdefault(t.capacity, []).append(k)
    position = {k: i for ks in classes.values() for i, k in enumerate(ks)}
    x: dict[tuple[int, int], Any] = {}
    free_rank = 0
    for u in range(len(units.members)):
        allowed: list[int] = []
        for k, t in enumerate(tables):
            if t.capacity < size[u]:
                continue
            if u in pinned and pinned[u] != k:
                continue
            if u not in pinned and k in position and position[k] > free_rank:
                continue  # symmetry breaking among interchangeable tables
            allowed.append(k)
        if u not in pinned:
            free_rank += 1
        if not allowed:
            return None, units, {}
        for k in allowed:
            x[u, k] = m.new_bool_var(f"x{u}_{k}")
        m.add_exactly_one(x[u, k] for k in allowed)
    for k, t in enumerate(tables):
        load = [size[u] * x[u, k] for u in range(len(units.members)) if (u, k) in x]
        if load:
            m.add(sum(load) <= t.capacity)
    if fam.keep_apart:
        seen: set[tuple[int, int]] = set()
        for a, b in problem.keep_apart:
            ua, ub = units.unit_of[a], units.unit_of[b]
            key = (min(ua, ub), max(ua, ub))
            if key in seen:
                continue
            seen.add(key)
            if ua == ub:  # kept apart inside one group: an empty clause (the precheck reports it first)
                m.add_bool_or([])
                continue
            for k in range(nt):
                if (ua, k) in x and (ub, k) in x:
                    m.add_bool_or([x[ua, k].negated(), x[ub, k].negated()])
    # Pairs whose colocation matters: weighted pairs and the pairs min_known counts.
    need: dict[tuple[int, int], int] = dict(units.weight)
    know_terms: dict[str, tuple[int, list[tuple[int, tuple[int, int]]]]] = {}
    if fam.min_known and problem.has_min_known:
        for g in problem.guests:
            ug = units.unit_of[g]
            inside = 0
            counts: dict[int, int] = {}
            for h, w in adj[g].items():
                if w <= 0:
                    continue
                uh = units.unit_of[h]
                if uh == ug:
                    inside += 1
                else:
                    counts[uh] = counts.get(uh, 0) + 1
            rest = problem.needed(g) - inside
            if rest <= 0:
                continue
            terms: list[tuple[int, tuple[int, int]]] = []
            for uh, c in sorted(counts.items()):
                key = (min(ug, uh), max(ug, uh))
                need.setdefault(key, 0)
                terms.append((c, key))
            know_terms[g] = (rest, terms)
    y: dict[tuple[int, int], Any] = {}
    for (ua, ub), w in need.items():
        common = [k for k in range(nt) if (ua, k) in x and (ub, k) in x]
        v = m.new_bool_var(f"y{ua}_{ub}")
        y[ua, ub] = v
        if not common:
            m.add(v == 0)
            continue
        zs = []
        for k in common:
            z = m.new_bool_var(f"z{ua}_{ub}_{k}")
            m.add_implication(z, x[ua, k])
            m.add_implication(z, x[ub, k])
            if w < 0:  # both there → z, so a negative weight cannot be dodged
                m.add_bool_or([x[ua, k].negated(), x[ub, k].negated(), z])
            zs.append(z)
        m.add(sum(zs) == v)
    for rest, pair_terms in know_terms.values():
        m.add(sum(c * y[key] for c, key in pair_terms) >= rest)
    m.maximize(sum(w * y[key] for key, w in units.weight.items()) + units.constant)
    if hint:
        for u in range(len(units.members)):
            k = index.get(hint.get(units.members[u][0], ""), -1)
            for kk in range(nt):
                if (u, kk) in x:
                    m.add_hint(x[u, kk], kk == k)
    return m, units, x


def _without(problem: TableProblem, **changes: object) -> TableProblem:
    data = {
        "guests": problem.guests,
        "tables": problem.tables,
        "weights": dict(problem.pair_weight),
        "keep_together": problem.keep_together,
        "keep_apart": problem.keep_apart,
        "pins": problem.pins,
        "min_known": problem.min_known,
        "names": problem.names,
        "min_known_for": problem.min_known_for,
    }
    data.update(changes)
    return TableProblem(**data)  # type: ignore[arg-type]


def _run(
    model: object,
    *,
    time_limit: float | None,
    seed: int,
    workers: int,
    deterministic: bool = True,
    work_limit: float | None = None,
) -> tuple[Any, Any]:
    settings = SolverSettings(
        seed=seed, workers=workers, time_limit=time_limit, work_limit=work_limit, interleave=deterministic
    )
    return run_model(model, settings)  # type: ignore[arg-type]


def _read(problem: TableProblem, units: _Units, solver: object, x: Mapping[tuple[int, int], object]) -> dict[str, str]:
    out: dict[str, str] = {}
    for (u, k), var in x.items():
        if solver.boolean_value(var):  # type: ignore[attr-defined]
            for g in units.members[u]:
                out[g] = problem.tables[k].id
    return {g: out[g] for g in problem.guests}


def _relabel(problem: TableProblem, table_of: Mapping[str, str]) -> dict[str, str]:
    """Rename interchangeable tables so the output does not depend on search order.

    Tables of one capacity that nobody is pinned to are given out in the order of
    their first guest in the list (deterministic output from any optimal solution,
    and the order the model's symmetry breaking expects of a hint).
    """
    pinned_tables = set(problem.pins.values())
    classes: dict[int, list[str]] = {}
    for t in problem.tables:
        if t.id not in pinned_tables:
            classes.setdefault(t.capacity, []).append(t.id)
    capacity = {t.id: t.capacity for t in problem.tables}
    rename: dict[str, str] = {}
    used: dict[int, int] = {}
    for g in problem.guests:
        label = table_of[g]
        if label in pinned_tables or label in rename or label not in capacity:
            continue
        c = capacity[label]
        rename[label] = classes[c][used.get(c, 0)]
        used[c] = used.get(c, 0) + 1
    return {g: rename.get(t, t) for g, t in table_of.items()}


def assign_tables(
    problem: TableProblem,
    *,
    time_limit: float | None = 60.0,
    seed: int = 0,
    workers: int = 1,
    deterministic: bool = True,
    work_limit: float | None = None,
    hint: Mapping[str, str] | None = None,
    method: TableMethod | str | None = None,
    neighbourhood: int = 3,
    explain: bool = True,
) -> TableResult:
    """Seat guests at tables, maximising the connection weight at each table.

    Parameters
    ----------
    problem
        Guests, tables, weights and rules.
    time_limit
        Wall-clock safety cap in seconds (``None``: none). The search ends on
        deterministic budgets sized from the problem (CP-SAT work units for the
        exact model, at most ``WORK_PER_SECOND × time_limit``; annealing steps, work
        units and rounds for the neighbourhood search), so the same input gives the
        same assignment on any machine. If the cap comes first, the best assignment
        found is returned with ``capped`` set (machine-dependent).
    seed
        Random seed of the search.
    workers
        CP-SAT worker threads (exact method); 1 by default (on the 17-guest weddings one
        worker proves the optimum sooner than two interleaved ones).
    deterministic
        With ``workers > 1``, interleave the workers deterministically
        (``interleave_search``), so the same input gives the same assignment
        (unless the ``time_limit`` cap is hit: ``capped``).
    work_limit
        Budget of the exact search in CP-SAT's deterministic time units; ``None``:
        :data:`EXACT_WORK` plus :data:`EXACT_WORK_PER_LINK` per pair × table link,
        at most :data:`WORK_PER_SECOND` per second of ``time_limit``.
    hint
        A starting assignment (guest → table); default :func:`greedy_tables`.
    method
        :class:`TableMethod`; default EXACT when the exact model has at most
        :data:`PAIR_TABLE_LIMIT` pair × table links, else NEIGHBOURHOOD: from the
        greedy start, each round takes every table in turn with the
        ``neighbourhood − 1`` tables its guests are most connected to, and
        re-seats the guests of those tables optimally with the exact model
        (keeping the change only if it gains), until a round gains nothing.
    neighbourhood
        Tables re-seated together by the neighbourhood search.
    explain
        On INFEASIBLE, solve relaxed models to name the conflicting rule families.

    Returns
    -------
    TableResult
        OPTIMAL / FEASIBLE with ``table_of``, INFEASIBLE with an explanation, or
        UNKNOWN when nothing was found in time. Interchangeable tables are
        renamed in order of their first guest, so equal optima print alike.

    Raises
    ------
    SolverError
        If CP-SAT rejects the model (a bug, not a user error).
    ValidationError
        An unknown ``method``.

    Examples
    --------
    >>> r = assign_tables(bellows_peterson_problem(tables=2, capacity=10))
    >>> (r.status.value, r.objective, r.bound)
    ('OPTIMAL', 318, 318)
    """
    from ortools.sat.python import cp_model

    started = time.perf_counter()

    def seconds() -> float:
        return time.perf_counter() - started

    if method is not None and not isinstance(method, TableMethod):
        try:
            method = TableMethod(str(method).strip().lower())
        except ValueError:
            allowed = ", ".join(repr(m.value) for m in TableMethod)
            raise ValidationError(
                f"method must be one of {allowed}, got {method!r}", location=Location(field="method", value=method)
            ) from None
    units = _merge_units(problem)
    conflicts = _precheck(problem, units)
    if conflicts:
        return TableResult(SolveStatus.INFEASIBLE, {}, seconds=seconds(), explanation=tuple(conflicts))
    if method is None:
        large = _link_count(problem, units) > PAIR_TABLE_LIMIT
        method = TableMethod.NEIGHBOURHOOD if large else TableMethod.EXACT
    start = dict(hint) if hint is not None else None
    if method is TableMethod.EXACT and start is None:
        start = greedy_tables(problem)
    if start is not None and all(g in start for g in problem.guests):
        start = _relabel(problem, start)  # agree with the symmetry breaking
    else:
        start = None
    if method is TableMethod.NEIGHBOURHOOD:
        # the bound does not depend on the search: computed first, its time comes out of the limit
        upper = upper_bound_tables(problem)
        deadline = math.inf if time_limit is None else started + time_limit - POST_SEARCH_RESERVE * time_limit
        found, capped = _improve(
            problem, start, deadline=deadline, seed=seed, size=neighbourhood, steps=None, time_limit=time_limit
        )
        if capped:
            LOGGER.warning("tables: the time limit of %s s stopped the search before its budget; "
                           "the assignment depends on the machine's speed", time_limit)
        if found is None:
            reason = Conflict("start", "the greedy packing found no start for the neighbourhood search; use method='exact'")
            return TableResult(SolveStatus.UNKNOWN, {}, seconds=seconds(), explanation=(reason,), method=method)
        table_of = found
        broken = check_tables(problem, table_of)
        if broken:
            reason = Conflict(
                "min-known",
                f"the neighbourhood search could not meet every rule ({broken[0]}; {len(broken)} in all); "
                "use method='exact' with a longer time limit",
            )
            return TableResult(SolveStatus.UNKNOWN, {}, seconds=seconds(), explanation=(reason,), method=method)
        table_of = _relabel(problem, table_of)
        objective = score_tables(problem, table_of)
        bound = max(objective, upper)
        status = SolveStatus.OPTIMAL if bound == objective else SolveStatus.FEASIBLE
        gap = (bound - objective) / max(1, abs(objective))
        return TableResult(status, table_of, objective, bound, gap, seconds(), method=method, capped=capped)
    model, units, x = _build_model(problem, _Families(), start)
    if model is None:
        conflict = Conflict("capacity", "a keep-together group fits no table it is allowed to use")
        return TableResult(SolveStatus.INFEASIBLE, {}, seconds=seconds(), explanation=(conflict,), method=method)
    if work_limit is None:
        work_limit = EXACT_WORK + EXACT_WORK_PER_LINK * _link_count(problem, units)
        if time_limit is not None:  # a budget a slow or busy machine still spends well within the cap
            work_limit = min(work_limit, WORK_PER_SECOND * time_limit)
    options = {"time_limit": time_limit, "seed": seed, "workers": workers, "deterministic": deterministic, "work_limit": work_limit}
    solver, code = _run(model, **options)  # type: ignore[arg-type]
    # ended neither by proof nor by the work budget but by the wall clock: machine-dependent
    capped = (
        time_limit is not None
        and code not in (cp_model.OPTIMAL, cp_model.INFEASIBLE, cp_model.MODEL_INVALID)
        and solver.deterministic_time < work_limit
        and solver.wall_time >= 0.9 * time_limit
    )
    if code == cp_model.MODEL_INVALID:
        raise SolverError(f"CP-SAT rejected the table model: {model.validate()}")
    if code == cp_model.INFEASIBLE:
        named = _diagnose(problem, options) if explain else []
        return TableResult(SolveStatus.INFEASIBLE, {}, seconds=seconds(), explanation=tuple(named), method=method)
    if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        if start is not None and not check_tables(problem, start):  # the clock ran out: the start is a plan
            objective = score_tables(problem, start)
            bound = max(objective, min(math.floor(solver.best_objective_bound + 1e-6), upper_bound_tables(problem)))
            gap = (bound - objective) / max(1, abs(objective))
            return TableResult(SolveStatus.FEASIBLE, dict(start), objective, bound, gap, seconds(), method=method, capped=capped)
        reason = Conflict("time-limit", f"no assignment found within the search budget ({time_limit} s at most); raise time_limit")
        return TableResult(SolveStatus.UNKNOWN, {}, seconds=seconds(), explanation=(reason,), method=method, capped=capped)
    table_of = _relabel(problem, _read(problem, units, solver, x))
    # The model may leave a positive pair's y at 0 in a non-optimal solution, so the
    # true score can exceed the model's value; it can never be below it.
    objective = score_tables(problem, table_of)
    if objective < round(solver.objective_value):
        raise SolverError(f"objective mismatch: model {solver.objective_value} vs assignment {objective}")
    if code == cp_model.OPTIMAL:
        bound = objective
    else:
        bound = min(math.floor(solver.best_objective_bound + 1e-6), upper_bound_tables(problem))
        bound = max(bound, objective)
    status = SolveStatus.OPTIMAL if bound == objective else SolveStatus.FEASIBLE
    gap = (bound - objective) / max(1, abs(objective))
    return TableResult(status, table_of, objective, bound, gap, seconds(), method=method, capped=capped)


def _unit_search(problem: TableProblem, units: _Units, seed: int) -> UnitSearch:
    index = {t.id: k for k, t in enumerate(problem.tables)}
    apart = sorted({(min(units.unit_of[a], units.unit_of[b]), max(units.unit_of[a], units.unit_of[b])) for a, b in problem.keep_apart})
    pinned = {units.unit_of[g]: index[t] for g, t in problem.pins.items()}
    return UnitSearch(
        [len(m) for m in units.members],
        units.weight,
        [t.capacity for t in problem.tables],
        apart,
        pinned,
        seed=seed,
    )


def _improve(
    problem: TableProblem,
    start: Mapping[str, str] | None,
    *,
    deadline: float,
    seed: int,
    size: int,
    steps: int | None,
    time_limit: float | None = None,
) -> tuple[dict[str, str] | None, bool]:
    """Construction, annealing and CP-SAT neighbourhoods (:mod:`seatplan.solve.table_search`).

    Every phase runs on a deterministic budget sized from the problem: the
    annealing ``steps`` steps (default :data:`STEPS_PER_UNIT` per unit), the descent
    until no move gains, the neighbourhoods at most :data:`MAX_ROUNDS` rounds and
    :data:`NEIGHBOURHOOD_WORK_PER_TABLE` CP-SAT work units per table (more with
    ``min_known``). A ``time_limit`` (seconds) also bounds them, by the fixed rates
    :data:`STEPS_PER_SECOND` and :data:`NEIGHBOURHOOD_WORK_PER_SECOND` (a function of
    the input, so still reproducible), for a huge plan under a short cap. ``deadline``
    is only a safety cap. With ``min_known`` the annealing is skipped (a step could
    leave a guest among strangers) and only the exact neighbourhoods, which keep
    the rule, run. Returns the assignment (None when the construction gets stuck)
    and whether the cap stopped a phase before its budget.
    """
    units = _merge_units(problem)
    search = _unit_search(problem, units, seed)
    index = {t.id: k for k, t in enumerate(problem.tables)}
    if start is None and not search.construct():
        start = greedy_tables(problem) or _feasible_start(problem)
        if start is None:
            return None, False
        search = _unit_search(problem, units, seed)
    if start is not None:
        search.set_tables([index[start[m[0]]] for m in units.members])
    began = time.perf_counter()
    if not problem.has_min_known:
        budget = steps if steps is not None else STEPS_PER_UNIT * len(search.free_units)
        if steps is None and time_limit is not None:
            budget = min(budget, int(STEPS_PER_SECOND * time_limit))
        search.set_tables(search.anneal(budget, deadline=deadline))
        search.descend(deadline=deadline)
    LOGGER.debug("tables: %d after the local search, %.1f s", search.score + units.constant, time.perf_counter() - began)
    per_table = NEIGHBOURHOOD_WORK_PER_TABLE_ALONE if problem.has_min_known else NEIGHBOURHOOD_WORK_PER_TABLE
    work = per_table * len(problem.tables)
    if time_limit is not None:
        work = min(work, NEIGHBOURHOOD_WORK_PER_SECOND * time_limit)
    capped = _neighbourhoods(problem, units, search, deadline=deadline, size=size, work=work) or search.capped
    LOGGER.debug("tables: %d after the neighbourhoods, %.1f s", search.score + units.constant, time.perf_counter() - began)
    ids = [t.id for t in problem.tables]
    return {g: ids[search.tab[units.unit_of[g]]] for g in problem.guests}, capped


def _feasible_start(problem: TableProblem) -> dict[str, str] | None:
    """Any assignment that keeps every rule, from the exact model without its objective (None: none found)."""
    from ortools.sat.python import cp_model

    model, units, x = _build_model(problem, _Families(), None)
    if model is None:
        return None
    model.clear_objective()
    solver, code = _run(model, time_limit=None, seed=0, workers=1, work_limit=20.0)
    if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return _read(problem, units, solver, x)


def _neighbourhoods(
    problem: TableProblem, units: _Units, search: UnitSearch, *, deadline: float, size: int, work: float
) -> bool:
    """Re-seat a few linked tables at a time with the exact model while that gains.

    Stops after a round without gain, :data:`MAX_ROUNDS` rounds or ``work`` CP-SAT
    work units in all (each re-seating at most :data:`NEIGHBOURHOOD_WORK`), all
    deterministic; returns True when the safety cap ``deadline`` stopped it first.
    """
    from ortools.sat.python import cp_model

    adj = _adjacency(problem)
    order_of = {g: i for i, g in enumerate(problem.guests)}
    apart_of: dict[str, list[str]] = {}
    for a, b in problem.keep_apart:
        apart_of.setdefault(a, []).append(b)
        apart_of.setdefault(b, []).append(a)
    ids = [t.id for t in problem.tables]
    index = {t: k for k, t in enumerate(ids)}
    size = max(2, min(size, len(ids)))
    tried: set[frozenset[tuple[int, frozenset[int]]]] = set()  # neighbourhoods that gave nothing
    spent = 0.0
    for _ in range(MAX_ROUNDS):
        gained = False
        seeds = list(range(len(ids)))
        search.rng.shuffle(seeds)
        for first in seeds:
            if spent >= work:
                return False
            if time.perf_counter() >= deadline:
                return True
            chosen = search.linked_tables(first, size)
            key = frozenset((k, frozenset(search.at[k])) for k in chosen)
            guests = sorted((g for k in chosen for u in search.at[k] for g in units.members[u]), key=order_of.__getitem__)
            if len(guests) < 2 or key in tried:
                continue
            inside = set(guests)
            groups = {tuple(units.members[units.unit_of[g]]) for g in guests}
            sub = TableProblem(
                guests=tuple(guests),
                tables=tuple(problem.tables[k] for k in chosen),
                weights={(a, b): w for a in guests for b, w in adj[a].items() if b in inside and a < b},
                keep_together=tuple(sorted(g for g in groups if len(g) > 1)),
                keep_apart=tuple((a, b) for a in guests for b in apart_of.get(a, ()) if b in inside and a < b),
                pins={g: t for g, t in problem.pins.items() if g in inside},
                min_known=problem.min_known,
                min_known_for={g: k for g, k in problem.min_known_for.items() if g in inside},
            )
            current = {g: ids[search.tab[units.unit_of[g]]] for g in guests}
            old = score_tables(sub, current)
            old_ok = not check_tables(sub, current)
            model, sub_units, x = _build_model(sub, _Families(), _relabel(sub, current))
            if model is None:
                tried.add(key)
                continue
            remaining = deadline - time.perf_counter()
            cap = None if math.isinf(remaining) else max(0.0, remaining)
            solver, code = _run(model, time_limit=cap, seed=0, workers=1, work_limit=min(NEIGHBOURHOOD_WORK, work - spent))
            spent += max(solver.deterministic_time, 1e-3)  # a floor, so that trivial re-seatings count too
            if cap is not None and code != cp_model.OPTIMAL and time.perf_counter() >= deadline:
                return True  # the cap cut this re-seating short
            if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
                tried.add(key)
                continue
            new = _read(sub, sub_units, solver, x)
            if old_ok and score_tables(sub, new) <= old:
                tried.add(key)
                continue
            for g, t in new.items():
                search.place(units.unit_of[g], index[t])
            gained = True
        if not gained:
            return False
    return False


def _diagnose(problem: TableProblem, options: Mapping[str, object]) -> list[Conflict]:
    """Name the rule families whose removal makes the request feasible."""
    from ortools.sat.python import cp_model

    families = {
        "keep-together": _Families(keep_together=False),
        "keep-apart": _Families(keep_apart=False),
        "pin": _Families(pins=False),
        "min-known": _Families(min_known=False),
    }
    present = {
        "keep-together": bool(problem.keep_together),
        "keep-apart": bool(problem.keep_apart),
        "pin": bool(problem.pins),
        "min-known": problem.has_min_known,
    }
    culprits: list[str] = []
    for name, fam in families.items():
        if not present[name]:
            continue
        model, *_ = _build_model(problem, fam, None)
        if model is None:
            continue
        _, code = _run(model, **options)  # type: ignore[arg-type]
        if code in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            culprits.append(name)
    places = sum(t.capacity for t in problem.tables)
    what = f"{len(problem.guests)} guests at {len(problem.tables)} tables ({places} places)"
    if culprits:
        return [
            Conflict(name, f"no seating of {what} meets every rule; without the {name} rules one exists")
            for name in culprits
        ]
    return [
        Conflict(
            "capacity",
            f"no seating of {what} meets the rules: the keep-together groups cannot be packed into the tables "
            "together with the keep-apart, pin and min-known rules (no single rule family is to blame)",
        )
    ]
