"""Textbook CP-SAT models that the benchmarks (``seatplan bench``) compare seatplan with.

Neither is used to plan a meeting. They live here because OR-Tools stays inside
``seatplan.solve``:

* :func:`solve_dense` — the model a newcomer writes for seat assignment: one
  boolean per (attendee, seat) (baseline of ``dense-400``);
* :func:`solve_wedding_example` — the model of OR-Tools' example
  ``wedding_optimal_chart_sat.py``, as published (baseline of ``wedding-bp-*``).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from seatplan.model import Plan, SeatingProblem
from seatplan.solve.cpsat import SolverSettings, make_solver, run_model

__all__ = ["solve_dense", "solve_wedding_example"]


def solve_dense(
    problem: SeatingProblem, *, time_limit: float = 600.0, workers: int = 2, target: float | None = None
) -> tuple[str, float, float, float, Plan | None, float | None]:
    """The obvious model: one boolean per (free attendee, open seat).

    Same rules and objective as seatplan for a single non-strict zone without
    unit blocks and with hard keep-apart pairs: needs by forbidding seats,
    keep-apart by forbidding neighbouring seat pairs, front-to-back fill by a
    chain of "someone sits at or behind this seat" booleans, and the objective
    Σ order × |open position − reference position| over the booleans. It gets
    ``workers`` search workers.

    Returns
    -------
    tuple
        Status name, objective, bound, seconds (model building included), plan,
        and the seconds after which it first held a plan of cost ``target`` or
        less (None if never).
    """
    from ortools.sat.python import cp_model

    started = time.perf_counter()
    (zone,) = problem.zones
    c = problem.constraints
    ref = problem.reference(zone)
    seats = list(ref.open_seats)
    free = [a for a in ref.free if a in ref.position]
    individual = problem.individually_placed
    model = cp_model.CpModel()
    x: dict[tuple[str, int], cp_model.IntVar] = {}
    for a in free:
        needs = problem.attendee(a).needs
        for p, s in enumerate(seats):
            if needs <= problem.seat(s).tags:
                x[a, p] = model.new_bool_var(f"x_{a}_{p}")
    by_person: dict[str, list[cp_model.IntVar]] = {}
    by_seat: dict[int, list[cp_model.IntVar]] = {}
    for (a, p), v in x.items():
        by_person.setdefault(a, []).append(v)
        by_seat.setdefault(p, []).append(v)
    for vs in by_person.values():
        model.add_exactly_one(vs)
    for vs in by_seat.values():
        model.add_at_most_one(vs)
    index = {s: p for p, s in enumerate(seats)}
    for group in c.keep_apart:
        for i, a in enumerate(group.members):
            for b in group.members[i + 1 :]:
                for p, s in enumerate(seats):
                    for t in problem.neighbours[s]:
                        q = index.get(t)
                        if q is not None and (a, p) in x and (b, q) in x:
                            model.add(x[a, p] + x[b, q] <= 1)
                # a pinned member's neighbours are forbidden to the other
                for one, other in ((a, b), (b, a)):
                    if one in c.pins and other in free:
                        for t in problem.neighbours[c.pins[one]]:
                            q = index.get(t)
                            if q is not None and (other, q) in x:
                                model.add(x[other, q] == 0)
    n = len(seats)
    behind = [model.new_bool_var(f"w_{p}") for p in range(n + 1)]
    model.add(behind[n] == 0)
    for p in range(n):
        body = [v for (a, q), v in x.items() if q == p and a not in individual]
        model.add(behind[p] >= behind[p + 1])
        for v in body:
            model.add(behind[p] >= v)
        model.add(sum(by_seat.get(p, [])) >= behind[p + 1])
    model.minimize(sum(c.weights.order * abs(p - ref.position[a]) * v for (a, p), v in x.items()))
    solver = make_solver(SolverSettings(seed=0, workers=workers, time_limit=time_limit))
    reached: list[float] = []

    class _Watch(cp_model.CpSolverSolutionCallback):
        def on_solution_callback(self) -> None:
            if target is not None and not reached and self.objective_value <= target + 1e-9:
                reached.append(time.perf_counter() - started)

    code = solver.solve(model, _Watch())
    seconds = time.perf_counter() - started
    hit = reached[0] if reached else None
    if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return solver.status_name(code), float("nan"), float("nan"), seconds, None, hit
    seat_of = dict(c.pins)
    for (a, p), v in x.items():
        if solver.boolean_value(v):
            seat_of[a] = seats[p]
    return solver.status_name(code), solver.objective_value, solver.best_objective_bound, seconds, Plan(seat_of=seat_of), hit


def solve_wedding_example(connections: Sequence[Sequence[int]], *, tables: int, capacity: int) -> dict[str, Any]:
    """The model of the OR-Tools example ``wedding_optimal_chart_sat.py``, as published.

    One boolean per (table, guest), per guest pair ("colocated") and per (pair,
    table); the objective over pairs ``g1 < g2`` with ``C[g1][g2] > 0``; guest 0
    at table 0 as symmetry breaking; the example's known-neighbour constraint
    (one constraint summed over every pair and table, as written there).

    Returns
    -------
    dict
        ``status``, ``objective`` and ``bound``.
    """
    from ortools.sat.python import cp_model

    C = connections
    n = len(C)
    m = cp_model.CpModel()
    seats = {(t, g): m.new_bool_var("") for t in range(tables) for g in range(n)}
    pairs = [(a, b) for a in range(n - 1) for b in range(a + 1, n)]
    colocated = {p: m.new_bool_var("") for p in pairs}
    same = {(a, b, t): m.new_bool_var("") for a, b in pairs for t in range(tables)}
    m.maximize(sum(C[a][b] * colocated[a, b] for a, b in pairs if C[a][b] > 0))
    for g in range(n):
        m.add(sum(seats[t, g] for t in range(tables)) == 1)
    for t in range(tables):
        m.add(sum(seats[t, g] for g in range(n)) <= capacity)
    for a, b in pairs:
        for t in range(tables):
            m.add_bool_or([~seats[t, a], ~seats[t, b], same[a, b, t]])
            m.add_implication(same[a, b, t], seats[t, a])
            m.add_implication(same[a, b, t], seats[t, b])
        m.add(sum(same[a, b, t] for t in range(tables)) == colocated[a, b])
    m.add(sum(same[a, b, t] for a, b in pairs for t in range(tables) if C[a][b] > 0) >= 1)
    m.add(seats[0, 0] == 1)
    solver, code = run_model(m, SolverSettings(seed=0, workers=2, time_limit=300.0))
    return {"status": solver.status_name(code), "objective": round(solver.objective_value), "bound": round(solver.best_objective_bound)}
