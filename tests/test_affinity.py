"""Affinity seating: the table search against brute force, its bound, the [affinity] plan table end to end."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seatplan.check import check_plan
from seatplan.errors import UnknownIdError, ValidationError
from seatplan.io.plan_file import load_meeting
from seatplan.model.affinity import AffinitySpec
from seatplan.model.enums import SolveStatus
from seatplan.pipeline import build_problem, run_plan_file
from seatplan.solve import solve
from seatplan.solve.affinity import assign_by_affinity, rank_bands
from seatplan.solve.table_assign import (
    Table,
    TableMethod,
    TableProblem,
    assign_tables,
    check_tables,
    score_tables,
    upper_bound_tables,
)
from tests.test_table_assign import brute_force

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "banquet-affinity" / "plan.toml"


@st.composite
def small_problems(draw: st.DrawFn) -> TableProblem:
    n = draw(st.integers(2, 7))
    guests = tuple(f"g{i}" for i in range(n))
    caps = draw(st.lists(st.integers(1, 4), min_size=2, max_size=3))
    pairs = list(itertools.combinations(guests, 2))
    weights = {p: draw(st.integers(-3, 6)) for p in pairs if draw(st.booleans())}
    together = tuple(draw(st.lists(st.sampled_from(pairs), max_size=1)))
    apart = tuple(draw(st.lists(st.sampled_from(pairs), max_size=2, unique=True)))
    min_known = draw(st.sampled_from([0, 0, 1]))
    return TableProblem(
        guests=guests,
        tables=tuple(Table(str(k + 1), c) for k, c in enumerate(caps)),
        weights=weights,
        keep_together=together,
        keep_apart=apart,
        min_known=min_known,
    )


@settings(max_examples=60, deadline=None)
@given(small_problems())
def test_exact_method_matches_brute_force(problem: TableProblem) -> None:
    best = brute_force(problem)
    result = assign_tables(problem, time_limit=20, workers=1, explain=False)
    if best is None:
        assert result.status is SolveStatus.INFEASIBLE
        return
    assert result.status is SolveStatus.OPTIMAL
    assert result.objective == best == score_tables(problem, result.table_of)
    assert check_tables(problem, result.table_of) == []


@settings(max_examples=60, deadline=None)
@given(small_problems())
def test_bound_and_neighbourhood_search_are_honest(problem: TableProblem) -> None:
    """The circle bound is never below the optimum; the search's plan keeps every rule."""
    best = brute_force(problem)
    if best is None:
        return
    assert upper_bound_tables(problem) >= best
    result = assign_tables(problem, time_limit=None, method=TableMethod.NEIGHBOURHOOD)
    if result.table_of:
        assert check_tables(problem, result.table_of) == []
        assert result.objective == score_tables(problem, result.table_of) <= best <= result.bound


def test_circle_bound_is_tighter_than_per_guest() -> None:
    """Two circles of 6 at tables of 4: per guest 3 partners each (18 pairs), but 6 people share ≤ 7 pairs."""
    guests = tuple(f"g{i}" for i in range(12))
    weights = {(a, b): 2 for c in (guests[:6], guests[6:]) for a, b in itertools.combinations(c, 2)}
    problem = TableProblem(guests=guests, tables=tuple(Table(str(k), 4) for k in range(3)), weights=weights)
    assert upper_bound_tables(problem) == 2 * 2 * 7
    assert brute_force_free(problem) <= upper_bound_tables(problem)


def brute_force_free(problem: TableProblem) -> int:
    result = assign_tables(problem, time_limit=30, workers=1)
    assert result.status is SolveStatus.OPTIMAL
    return result.objective


def test_neighbourhood_search_is_deterministic_without_a_time_limit() -> None:
    from seatplan.bench.scenarios import make_banquet_guests

    problem = make_banquet_guests(seed=3, guests=60, tables=6, groups=18, apart=12)  # every place taken
    first = assign_tables(problem, time_limit=None, method="neighbourhood", seed=5)
    second = assign_tables(problem, time_limit=None, method="neighbourhood", seed=5)
    assert first.table_of == second.table_of
    assert check_tables(problem, first.table_of) == []
    assert first.objective <= first.bound


def test_per_guest_min_known() -> None:
    """A table's host who knows nobody is exempt (min_known_for = 0); without that the rule cannot hold."""
    data = {
        "guests": ("host", "a", "b", "c", "d"),
        "tables": (Table("1", 3), Table("2", 2)),
        "weights": {("a", "b"): 5, ("c", "d"): 2},
        "pins": {"host": "1"},
        "min_known": 1,
    }
    exempt = TableProblem(**data, min_known_for={"host": 0})  # type: ignore[arg-type]
    result = assign_tables(exempt)
    assert result.status is SolveStatus.OPTIMAL and result.objective == 7
    assert check_tables(exempt, result.table_of) == []
    assert assign_tables(TableProblem(**data)).status is SolveStatus.INFEASIBLE  # type: ignore[arg-type]


# ------------------------------------------------------------------ the Python API


def test_assign_by_affinity_groups_pins_and_bands() -> None:
    spec = AffinitySpec(groups=[["a", "b", "c"], ["d", "e"]], weights=[3, 4], apart=[["a", "d"]])
    result = assign_by_affinity([("2", 3), ("3", 3)], ["a", "d", "b", "e", "c"], spec, pins={"h": "3"})
    assert result.status is SolveStatus.OPTIMAL
    by = result.by_table()
    assert sorted(by["2"]) == ["a", "b", "c"] and sorted(by["3"]) == ["d", "e", "h"]
    banded = rank_bands([("2", 2), ("3", 2), ("4", 2), ("5", 2)], list("abcdefgh"), 2)
    assert [guests for _, guests in banded] == [list("abcd"), list("efgh")]


def test_affinity_errors() -> None:
    with pytest.raises(ValidationError, match=r"affinity\.weights"):
        AffinitySpec(groups=[["a", "b"]], weights=[1, 2])
    with pytest.raises(ValidationError, match="fewer than two"):
        AffinitySpec(apart=[["a", "a"]])
    with pytest.raises(UnknownIdError):
        assign_by_affinity([("2", 2)], ["a", "b"], AffinitySpec(groups=[["a", "x"]]))
    clash = AffinitySpec(together=[["a", "b"]], apart=[["a", "b"]])
    result = assign_by_affinity([("2", 2), ("3", 2)], ["a", "b"], clash)
    assert result.status is SolveStatus.INFEASIBLE
    assert "apart" in result.explanation[0].message


# ------------------------------------------------------------------ the plan file, end to end


def test_example_plan_runs_end_to_end(tmp_path: Path) -> None:
    folder = tmp_path / "banquet-affinity"
    shutil.copytree(EXAMPLE.parent, folder)
    out = tmp_path / "out"
    run_plan_file(folder / "plan.toml", out)
    written = {p.name for p in out.rglob("*") if p.is_file()}
    assert {"seats.csv", "summary.json"} <= written
    meeting = load_meeting(folder / "plan.toml")
    problem = build_problem(meeting)
    result = solve(problem)
    plan = result.require_plan()
    assert check_plan(problem, plan) == []
    table = {a: problem.seat(s).table for a, s in plan.seat_of.items()}
    assert table["G23"] == table["G24"]  # together
    assert table["G25"] != table["G47"]  # apart
    main = table["H01"]
    # colleagues outside the main table share a table: 远航物流 G35-G41 are all of one table
    assert len({table[g] for g in ("G35", "G36", "G37", "G38", "G39", "G40", "G41")}) == 1
    assert main not in {table["G35"]}
    spec = meeting.affinity
    assert spec is not None
    for a in meeting.attendees:  # min_known = 1: every guest outside the main table knows somebody there
        if a.side == "host" or table[a.id] == main:
            continue
        mates = {b for b, t in table.items() if t == table[a.id] and b != a.id}
        assert any(a.id in g and mates & set(g) for g in spec.groups), a.id


def test_plan_file_reports_a_bad_affinity_key(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    shutil.copytree(EXAMPLE.parent, folder)
    plan = folder / "plan.toml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("min_known = 1", "min_knwon = 1"), encoding="utf-8")
    with pytest.raises(ValidationError, match="min_known"):
        load_meeting(plan)
    plan.write_text(plan.read_text(encoding="utf-8").replace("min_knwon = 1", 'apart = [["G25", "G99"]]\nmin_known = 1').replace('apart = [["G25", "G47"]]', ""), encoding="utf-8")
    with pytest.raises(UnknownIdError, match="G99"):
        build_problem(load_meeting(plan))
