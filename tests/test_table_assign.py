"""Table assignment (guests → tables): the Bellows & Peterson wedding, brute force, infeasibility."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seatplan.errors import UnknownIdError, ValidationError
from seatplan.model import SolveStatus
from seatplan.solve.table_assign import (
    BELLOWS_PETERSON_CONNECTIONS,
    Table,
    TableMethod,
    TableProblem,
    TableResult,
    assign_tables,
    bellows_peterson_problem,
    check_tables,
    greedy_tables,
    score_tables,
    upper_bound_tables,
)

# --------------------------------------------------------------------------------------
# the wedding of Bellows & Peterson (2012), objective of OR-Tools' wedding_optimal_chart_sat.py
# --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def wedding_5x4() -> TableResult:
    return assign_tables(bellows_peterson_problem(tables=5, capacity=4, min_known=1))


@pytest.mark.parametrize(("tables", "capacity", "optimum"), [(5, 4, 276), (2, 10, 318)])
def test_wedding_optimum_is_reached_and_proven(tables: int, capacity: int, optimum: int, wedding_5x4: TableResult) -> None:
    problem = bellows_peterson_problem(tables=tables, capacity=capacity, min_known=1)
    result = wedding_5x4 if tables == 5 else assign_tables(problem)
    assert result.status is SolveStatus.OPTIMAL
    assert result.objective == optimum
    assert result.bound == optimum
    assert result.gap == 0.0
    assert check_tables(problem, result.table_of) == []
    assert score_tables(problem, result.table_of) == optimum
    assert result.method is TableMethod.EXACT


def test_wedding_couples_sit_together_at_the_optimum(wedding_5x4: TableResult) -> None:
    table_of = wedding_5x4.table_of
    for a, b in [(0, 1), (2, 3), (4, 5), (6, 7), (9, 10)]:  # the weight-50 pairs of the matrix
        assert table_of[f"g{a}"] == table_of[f"g{b}"]
    # the two sides never mix: every cross-side pair weighs 0 and min_known would fail
    for t, guests in wedding_5x4.by_table().items():
        sides = {int(g[1:]) < 9 for g in guests}
        assert len(sides) == 1, t


def test_wedding_matrix_is_the_published_one() -> None:
    c = BELLOWS_PETERSON_CONNECTIONS
    assert len(c) == 17 and all(len(row) == 17 for row in c)
    assert all(c[i][j] == c[j][i] for i in range(17) for j in range(17))
    # bride's side: 36 pairs, four couples (50) and one close pair (10); groom's: 28 pairs, one couple
    assert sum(c[i][j] for i in range(17) for j in range(i + 1, 17)) == (36 - 5 + 4 * 50 + 10) + (28 - 1 + 50) == 318
    assert bellows_peterson_problem(tables=2, capacity=10).name("g0") == "Deb (B)"


def test_same_input_same_assignment(wedding_5x4: TableResult) -> None:
    again = assign_tables(bellows_peterson_problem(tables=5, capacity=4, min_known=1))
    assert again.table_of == wedding_5x4.table_of  # deterministic with 2 interleaved workers


def test_upper_bound_of_the_wedding_is_valid_and_close() -> None:
    assert 276 <= upper_bound_tables(bellows_peterson_problem(tables=5, capacity=4)) <= 300
    assert upper_bound_tables(bellows_peterson_problem(tables=2, capacity=10)) == 318


# --------------------------------------------------------------------------------------
# small random instances against brute force
# --------------------------------------------------------------------------------------


def brute_force(problem: TableProblem) -> int | None:
    """Best score over every assignment that breaks no rule (None when there is none)."""
    ids = [t.id for t in problem.tables]
    best = None
    for combo in itertools.product(ids, repeat=len(problem.guests)):
        table_of = dict(zip(problem.guests, combo))
        if check_tables(problem, table_of):
            continue
        score = score_tables(problem, table_of)
        best = score if best is None else max(best, score)
    return best


@st.composite
def small_problems(draw: st.DrawFn) -> TableProblem:
    n = draw(st.integers(2, 6))
    guests = [f"p{i}" for i in range(n)]
    caps = draw(st.lists(st.integers(1, 4), min_size=1, max_size=3))
    pairs = list(itertools.combinations(guests, 2))
    weights = {p: w for p in pairs if (w := draw(st.sampled_from([0, 0, 1, 2, 5, -3])))}
    together: tuple[tuple[str, ...], ...] = ()
    if draw(st.booleans()):
        together = (tuple(draw(st.lists(st.sampled_from(guests), min_size=2, max_size=3, unique=True))),)
    apart: tuple[tuple[str, str], ...] = ()
    if draw(st.booleans()):
        apart = (draw(st.sampled_from(pairs)),)
    pins = {}
    if draw(st.integers(0, 3)) == 0:
        pins = {draw(st.sampled_from(guests)): str(draw(st.integers(1, len(caps))))}
    return TableProblem(
        guests=tuple(guests),
        tables=tuple(Table(str(k), c) for k, c in enumerate(caps, start=1)),
        weights=weights,
        keep_together=together,
        keep_apart=apart,
        pins=pins,
        min_known=draw(st.sampled_from([0, 0, 1])),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_problems())
def test_exact_model_matches_brute_force(problem: TableProblem) -> None:
    best = brute_force(problem)
    result = assign_tables(problem, method="exact", workers=1)
    if best is None:
        assert result.status is SolveStatus.INFEASIBLE
        assert result.explanation and all(c.message for c in result.explanation)
        assert result.table_of == {}
        return
    assert result.status is SolveStatus.OPTIMAL
    assert result.objective == best == result.bound
    assert check_tables(problem, result.table_of) == []
    assert upper_bound_tables(problem) >= best


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_problems())
def test_neighbourhood_search_is_valid_and_bounded(problem: TableProblem) -> None:
    best = brute_force(problem)
    result = assign_tables(problem, method="neighbourhood", time_limit=10)
    assert not result.capped  # ends on its step and work budgets, long before the cap
    assert assign_tables(problem, method="neighbourhood", time_limit=10).table_of == result.table_of
    if result.status in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE):
        assert best is not None
        assert check_tables(problem, result.table_of) == []
        assert result.objective <= best <= result.bound
    else:
        assert result.status in (SolveStatus.INFEASIBLE, SolveStatus.UNKNOWN)
        assert result.explanation


def test_neighbourhood_search_improves_the_greedy_start() -> None:
    # 8 circles of 6 friends each, listed round-robin so list order mixes the circles
    guests = tuple(f"g{i:02d}" for i in range(48))
    circle = {g: i % 8 for i, g in enumerate(guests)}
    weights = {(a, b): 3 for a, b in itertools.combinations(guests, 2) if circle[a] == circle[b]}
    problem = TableProblem(guests=guests, tables=tuple(Table(str(k), 6) for k in range(1, 9)), weights=weights)
    start = greedy_tables(problem)
    assert start is not None
    result = assign_tables(problem, method="neighbourhood", time_limit=20)
    assert check_tables(problem, result.table_of) == []
    assert result.objective >= score_tables(problem, start)
    assert result.objective == 8 * 15 * 3  # every circle at its own table
    assert result.status is SolveStatus.OPTIMAL  # the combinatorial bound is reached
    assert result.method is TableMethod.NEIGHBOURHOOD


# --------------------------------------------------------------------------------------
# infeasible requests: a result with an explanation, not a traceback
# --------------------------------------------------------------------------------------


def _guests(n: int) -> tuple[str, ...]:
    return tuple(f"p{i}" for i in range(1, n + 1))


def test_too_few_places_is_infeasible_with_the_numbers() -> None:
    problem = TableProblem(guests=_guests(5), tables=(Table("1", 2), Table("2", 2)))
    result = assign_tables(problem)
    assert result.status is SolveStatus.INFEASIBLE
    assert result.table_of == {}
    (conflict,) = result.explanation
    assert conflict.rule == "capacity"
    assert "5 guests for 4 places at 2 tables" in conflict.message


def test_group_larger_than_every_table_names_the_group() -> None:
    problem = TableProblem(
        guests=_guests(4), tables=(Table("1", 2), Table("2", 2)), keep_together=(("p1", "p2", "p3"),),
        names={"p1": "王伟", "p2": "李娜", "p3": "张敏"},
    )
    result = assign_tables(problem)
    assert result.status is SolveStatus.INFEASIBLE
    assert [c.rule for c in result.explanation] == ["keep-together"]
    assert "王伟, 李娜, 张敏" in result.explanation[0].message
    assert result.explanation[0].people == ("p1", "p2", "p3")


def test_keep_apart_inside_a_group_is_infeasible() -> None:
    problem = TableProblem(
        guests=_guests(4), tables=(Table("1", 4),), keep_together=(("p1", "p2"), ("p2", "p3")), keep_apart=(("p1", "p3"),)
    )
    result = assign_tables(problem)
    assert result.status is SolveStatus.INFEASIBLE
    assert any(c.rule == "keep-apart" and c.people == ("p1", "p3") for c in result.explanation)


def test_packing_conflict_found_by_the_solver_names_the_rule_family() -> None:
    # three couples, two tables of three: six places for six people, yet no couple fits beside another
    problem = TableProblem(
        guests=_guests(6), tables=(Table("1", 3), Table("2", 3)), keep_together=(("p1", "p2"), ("p3", "p4"), ("p5", "p6"))
    )
    result = assign_tables(problem)
    assert result.status is SolveStatus.INFEASIBLE
    assert [c.rule for c in result.explanation] == ["keep-together"]
    assert "6 guests at 2 tables (6 places)" in result.explanation[0].message


def test_pins_that_contradict_keep_apart_are_explained() -> None:
    problem = TableProblem(
        guests=_guests(3), tables=(Table("1", 2), Table("2", 2)), keep_apart=(("p1", "p2"),), pins={"p1": "1", "p2": "1"}
    )
    result = assign_tables(problem)
    assert result.status is SolveStatus.INFEASIBLE
    assert any(c.rule == "keep-apart" and "pinned to table 1" in c.message for c in result.explanation)


def test_guest_who_knows_nobody_cannot_meet_min_known() -> None:
    problem = TableProblem(guests=_guests(3), tables=(Table("1", 3),), weights={("p1", "p2"): 1}, min_known=1)
    result = assign_tables(problem)
    assert result.status is SolveStatus.INFEASIBLE
    assert [c.people for c in result.explanation] == [("p3",)]


def test_pins_are_kept() -> None:
    problem = TableProblem(
        guests=_guests(4), tables=(Table("1", 2), Table("2", 2)), weights={("p1", "p2"): 5, ("p3", "p4"): 1},
        pins={"p1": "2", "p3": "1"},
    )
    result = assign_tables(problem)
    assert result.status is SolveStatus.OPTIMAL
    assert result.table_of == {"p1": "2", "p2": "2", "p3": "1", "p4": "1"}
    assert result.objective == 6


# --------------------------------------------------------------------------------------
# validation of the input
# --------------------------------------------------------------------------------------


def test_bad_inputs_are_rejected() -> None:
    tables = (Table("1", 2),)
    with pytest.raises(UnknownIdError, match="nobody"):
        TableProblem(guests=_guests(2), tables=tables, weights={("p1", "nobody"): 1})
    with pytest.raises(ValidationError, match="whole numbers"):
        TableProblem(guests=_guests(2), tables=tables, weights={("p1", "p2"): 1.5})  # type: ignore[dict-item]
    with pytest.raises(ValidationError, match="two weights"):
        TableProblem(guests=_guests(2), tables=tables, weights={("p1", "p2"): 1, ("p2", "p1"): 2})
    with pytest.raises(ValidationError, match="himself"):
        TableProblem(guests=_guests(2), tables=tables, weights={("p1", "p1"): 1})
    with pytest.raises(ValidationError, match="listed twice"):
        TableProblem(guests=("p1", "p1"), tables=tables)
    with pytest.raises(ValidationError, match="no tables"):
        TableProblem(guests=_guests(2), tables=())
    with pytest.raises(ValidationError, match="capacity"):
        Table("1", 0)
    with pytest.raises(UnknownIdError, match="table"):
        TableProblem(guests=_guests(2), tables=tables, pins={"p1": "9"})
    with pytest.raises(ValidationError, match="min_known"):
        TableProblem(guests=_guests(2), tables=tables, min_known=-1)
    with pytest.raises(ValidationError, match="exactly two"):
        TableProblem(guests=_guests(3), tables=tables, keep_apart=(("p1", "p2", "p3"),))  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="method"):
        assign_tables(TableProblem(guests=_guests(2), tables=tables), method="magic")


def test_matrix_must_be_square_and_symmetric() -> None:
    with pytest.raises(ValidationError, match="not symmetric") as info:
        TableProblem.from_matrix([[0, 1], [2, 0]], tables=[2])
    assert "same weight" in str(info.value)
    with pytest.raises(ValidationError, match="square"):
        TableProblem.from_matrix([[0, 1], [1]], tables=[2])
    with pytest.raises(ValidationError, match="names"):
        TableProblem.from_matrix([[0, 1], [1, 0]], tables=[2], names=["a"])
