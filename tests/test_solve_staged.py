"""The staged solve of large zones with many people placed individually (``seatplan.solve.flow``).

A zone of more than ``WINDOW_FROM`` seats with at least ``STAGED_FROM`` people with seat needs
is solved in stages: those people near their best ordered matching first, then the groups
around them, in independent parts. The thresholds are lowered here so that small halls take
that path, and every plan is compared with the exact single-model solve of the same hall.
"""

from __future__ import annotations

import importlib
import itertools
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seatplan.bench.solver import dense_scenario, hall_scenario
from seatplan.check import check_plan, plan_cost
from seatplan.model import Result, SeatingProblem, SolveStatus
from seatplan.model.problem import PeopleGroup
from seatplan.solve import solve
from seatplan.solve.staging import ordered_matching, split_parts

flow = importlib.import_module("seatplan.solve.flow")


def _hall(seed: int, *, places: int, users: int, pair_users: bool) -> SeatingProblem:
    problem = hall_scenario(
        360,
        8,
        rows=10,
        blocks=(8, 24, 8),
        pins=3,
        reserved=4,
        wheelchair_places=places,
        wheelchair_users=users,
        apart=30,
        seed=seed,
    )
    if not pair_users:
        return problem
    # wheelchair users kept apart from each other and from the people ranked next to them
    needy = [a.id for a in problem.attendees if a.needs]
    ids = [a.id for a in problem.attendees]
    extra = [PeopleGroup((needy[i], needy[i + 1]), source=f"apart-users[{i}]") for i in range(0, len(needy) - 1, 2)]
    extra += [PeopleGroup((u, ids[ids.index(u) - 1]), source=f"apart-next[{u}]") for u in needy[:2] if ids.index(u) > 0]
    constraints = replace(problem.constraints, keep_apart=(*problem.constraints.keep_apart, *extra))
    return replace(problem, constraints=constraints)


def _staged(monkeypatch: pytest.MonkeyPatch, problem: SeatingProblem) -> Result:
    with monkeypatch.context() as m:
        m.setattr(flow, "WINDOW_FROM", 100)
        m.setattr(flow, "STAGED_FROM", 4)
        m.setattr(flow, "NEAR_MATCHING", 2)
        return solve(problem)


def _staged_against_exact(monkeypatch: pytest.MonkeyPatch, problem: SeatingProblem) -> Result:
    """Solve ``problem`` exactly and staged; the staged plan keeps every rule, costs what it reports,
    and its bound is honest: bound ≤ optimum ≤ objective, equal when it says OPTIMAL."""
    exact = solve(problem)
    assert exact.status is SolveStatus.OPTIMAL
    staged = _staged(monkeypatch, problem)
    plan = staged.require_plan()
    assert check_plan(problem, plan) == []
    assert plan_cost(problem, plan) == staged.objective
    assert staged.bound <= exact.objective <= staged.objective
    assert staged.status is not SolveStatus.OPTIMAL or staged.objective == exact.objective
    return staged


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize(
    ("places", "users", "pair_users"), [(30, 6, False), (30, 8, True), (12, 6, True), (8, 6, False)]
)
def test_staged_solve_is_valid_and_bounded_by_the_exact_one(
    monkeypatch: pytest.MonkeyPatch, seed: int, places: int, users: int, pair_users: bool
) -> None:
    problem = _hall(seed, places=places, users=users, pair_users=pair_users)
    staged = _staged_against_exact(monkeypatch, problem)
    plan = staged.require_plan()
    if staged.status is not SolveStatus.OPTIMAL:
        assert staged.status is SolveStatus.FEASIBLE and staged.gap > 0
    # same input, same plan
    again = _staged(monkeypatch, problem)
    assert again.require_plan().seat_of == plan.seat_of


@pytest.mark.parametrize("seed", range(4))
def test_staged_solve_with_two_need_classes(monkeypatch: pytest.MonkeyPatch, seed: int) -> None:
    """Wheelchair users and aisle seekers: one matching per class (their places may coincide)."""
    problem = dense_scenario(200, 10, rows=7, blocks=(10, 12, 10), seed=seed)
    assert len({a.needs for a in problem.attendees if a.needs}) == 2
    _staged_against_exact(monkeypatch, problem)


def test_staged_solve_at_a_larger_size_keeps_every_rule() -> None:
    """6,000 people with requests in proportion: staged with the real thresholds, nothing broken."""
    from seatplan.bench.solver import proportional_hall

    problem = proportional_hall(6000)
    result = solve(problem)
    plan = result.require_plan()
    assert result.status in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE)
    assert check_plan(problem, plan) == []
    assert result.bound <= result.objective == plan_cost(problem, plan)
    assert result.gap < 1e-3
    assert all("wheelchair" in problem.seat(plan.seat_of[a.id]).tags for a in problem.attendees if a.needs)


@given(
    st.lists(st.integers(0, 60), min_size=1, max_size=9, unique=True),
    st.lists(st.integers(0, 60), min_size=0, max_size=5),
    st.integers(0, 70),
)
@settings(max_examples=150, deadline=None)
def test_ordered_matching_is_the_cheapest_ordered_choice(places: list[int], people: list[int], passive: int) -> None:
    suitable, refs = sorted(places), sorted(people)
    if len(refs) > len(suitable):
        with pytest.raises(ValueError):
            ordered_matching(suitable, refs, passive)
        return
    value, picked = ordered_matching(suitable, refs, passive)

    def cost(choice: tuple[int, ...]) -> int:
        return sum(abs(suitable[j] - r) + abs(min(suitable[j], passive) - min(r, passive)) for j, r in zip(choice, refs))

    best = min((cost(c) for c in itertools.combinations(range(len(suitable)), len(refs))), default=0)
    assert value == best == cost(tuple(picked))
    assert picked == sorted(set(picked))


@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 6)), min_size=1, max_size=12), st.data())
@settings(max_examples=150, deadline=None)
def test_split_parts_never_lets_two_parts_overlap(spans: list[tuple[int, int]], data: st.DataObject) -> None:
    cand = {f"p{i}": list(range(lo, lo + width + 1)) for i, (lo, width) in enumerate(spans)}
    names = list(cand)
    links = data.draw(st.lists(st.lists(st.sampled_from(names), min_size=2, max_size=3), max_size=3))
    parts = split_parts(cand, links)
    assert sorted(a for part in parts for a in part) == sorted(names)
    where = {a: k for k, part in enumerate(parts) for a in part}
    for members in links:
        assert len({where[m] for m in members}) == 1
    bounds = [(min(min(cand[a]) for a in part), max(max(cand[a]) for a in part)) for part in parts]
    for (_, hi), (lo, _) in itertools.pairwise(bounds):
        assert hi < lo
