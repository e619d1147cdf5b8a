"""Smoke tests of the benchmark scenarios at a small size (no timing assertions)."""

from __future__ import annotations

from seatplan.bench.solver import dense_scenario, hall_scenario
from seatplan.check import check_plan, plan_cost
from seatplan.model import SolveStatus
from seatplan.solve import solve
from seatplan.solve.baselines import solve_dense


def test_small_hall_with_every_rule() -> None:
    problem = hall_scenario(
        600, 12, rows=13, blocks=(10, 30, 10), pins=5, reserved=6, wheelchair_places=6, wheelchair_users=4, apart=12, seed=3
    )
    result = solve(problem)
    plan = result.require_plan()
    assert result.status is SolveStatus.OPTIMAL and check_plan(problem, plan) == []
    assert plan_cost(problem, plan) == result.objective
    assert all("wheelchair" in problem.seat(plan.seat_of[a.id]).tags for a in problem.attendees if a.needs)


def test_small_hall_rank_fill_only() -> None:
    problem = hall_scenario(600, 12, rows=13, blocks=(10, 30, 10), rules=False, seed=3)
    result = solve(problem)
    assert result.status is SolveStatus.OPTIMAL and result.objective == 0
    assert check_plan(problem, result.require_plan()) == []


def test_small_dense_model_agrees() -> None:
    problem = dense_scenario(40, 4, rows=4, blocks=(4, 6, 4), seed=11)
    ours = solve(problem)
    status, objective, bound, _, plan, reached = solve_dense(problem, time_limit=60.0, target=ours.objective)
    assert ours.status is SolveStatus.OPTIMAL and status == "OPTIMAL"
    assert objective == bound == ours.objective and reached is not None
    assert plan is not None and check_plan(problem, plan) == []


def test_growth_curve_helpers() -> None:
    from seatplan.bench.solver import fit_exponent, run_growth_point

    sizes = [1000, 10_000, 100_000]
    assert abs(fit_exponent(sizes, [2e-6 * n**1.5 for n in sizes]) - 1.5) < 1e-9
    point = run_growth_point(1000)
    assert point["violations"] == 0 and point["status"] == "OPTIMAL" and point["requests"] == "5 / 3 / 10"
