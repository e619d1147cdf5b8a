"""Small random problems: the solver's optimum equals brute force over every permutation.

Hypothesis draws halls of up to 7 seats in 1–3 rows and blocks, up to 5 people
in 1–4 units, and any mix of reserved seats, a pin, wheelchair places and needs,
hard and soft keep-apart / keep-together groups, unit blocks on or off and wrap
on or off. Brute force tries every assignment of the free people to the open
seats, keeps those :func:`check_plan` accepts and takes the least
:func:`plan_cost`. The solver must find a plan exactly when one exists, prove it
optimal and match that cost.
"""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from seatplan.check import check_plan, plan_cost
from seatplan.model import Plan, SeatingProblem, SolveStatus
from seatplan.model.problem import Constraints, PeopleGroup, Weights
from seatplan.solve import solve
from tests.test_solve import hall, make_problem


def brute_force(problem: SeatingProblem) -> int | None:
    """Least cost over all valid plans, or None when no plan is valid."""
    (zone,) = problem.zones
    c = problem.constraints
    free = [a for a in zone.attendee_ids if a not in c.pins]
    seats = [s for s in zone.seat_ids if s not in c.reserved and s not in c.pins.values()]
    best: int | None = None
    for perm in itertools.permutations(seats, len(free)):
        seat_of = dict(c.pins)
        seat_of.update(zip(free, perm))
        plan = Plan(seat_of=seat_of)
        if check_plan(problem, plan):
            continue
        cost = plan_cost(problem, plan)
        if best is None or cost < best:
            best = cost
    return best


@st.composite
def small_problems(draw: st.DrawFn) -> SeatingProblem:
    rows = draw(st.integers(1, 3))
    blocks = draw(st.lists(st.integers(1, 4), min_size=1, max_size=2))
    seats = hall(rows, blocks)[:7]
    assume(len(seats) >= 2)
    ids = [s.id for s in seats]
    n = draw(st.integers(2, min(5, len(seats))))
    sizes = []
    left = n
    while left:
        k = draw(st.integers(1, left))
        sizes.append(k)
        left -= k
    units = [(chr(ord("甲") + i), k) for i, k in enumerate(sizes)]
    people = [f"P{k:03d}" for k in range(1, n + 1)]
    tagged = draw(st.lists(st.sampled_from(ids), max_size=2, unique=True))
    seats = hall(rows, blocks, tags={s: {"wheelchair"} for s in tagged})[:7]
    needs = {}
    if tagged:
        for a in draw(st.lists(st.sampled_from(people), max_size=2, unique=True)):
            needs[a] = {"wheelchair"}
    spare = len(seats) - n
    reserved = frozenset(draw(st.lists(st.sampled_from(ids), max_size=min(1, spare), unique=True)))
    pins = {}
    if draw(st.booleans()):
        pins = {draw(st.sampled_from(people)): draw(st.sampled_from([s for s in ids if s not in reserved]))}
    group = st.lists(st.sampled_from(people), min_size=2, max_size=3, unique=True).map(tuple)
    apart = tuple(PeopleGroup(g, hard=h) for g, h in draw(st.lists(st.tuples(group, st.booleans()), max_size=2)))
    together = tuple(PeopleGroup(g, hard=h) for g, h in draw(st.lists(st.tuples(group, st.booleans()), max_size=1)))
    constraints = Constraints(
        pins=pins,
        reserved=reserved,
        keep_apart=apart,
        keep_together=together,
        contiguous=draw(st.booleans()),
        wrap=draw(st.booleans()),
        weights=Weights(order=draw(st.integers(1, 2)), apart=draw(st.sampled_from([1, 3, 10])), together=draw(st.sampled_from([1, 3, 10]))),
    )
    return make_problem(seats, units, constraints, needs=needs)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_problems())
def test_solver_matches_brute_force(problem: SeatingProblem) -> None:
    best = brute_force(problem)
    result = solve(problem)
    if best is None:
        assert result.status is SolveStatus.INFEASIBLE and result.explanation
        return
    assert result.status is SolveStatus.OPTIMAL, result.explanation
    plan = result.require_plan()
    assert check_plan(problem, plan) == []
    assert plan_cost(problem, plan) == result.objective == best == result.bound
