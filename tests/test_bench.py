"""The benchmark harness: the --quick set runs, every JSON line has its keys, the wedding optima are proven."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from seatplan import bench
from seatplan.bench import REQUIRED_KEYS, Case, Unavailable

QUICK_EXPECTED = {
    "dais-9", "dais-25-3rows", "dais-51-4rows", "county-600", "banquet-30", "wedding-bp-5x4", "wedding-bp-2x10",
    "banquet-1000", "hall-30000-prop",
}
#: Scenarios that search until a time limit: a plan with an open gap is their normal outcome.
TIME_LIMITED = {"banquet-1000"}


@pytest.fixture(scope="module")
def quick_rows() -> list[dict]:
    """``seatplan bench --quick --json``: every fast scenario, one repeat, each in its own process."""
    import contextlib
    import io

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        status = bench.main(["--quick", "--json"])
    lines = [line for line in buf.getvalue().splitlines() if line.strip()]
    rows = [json.loads(line) for line in lines]
    rows.append({"_exit": status})
    return rows


def _scenarios(rows: list[dict]) -> dict[str, dict]:
    return {r["scenario"]: r for r in rows if "scenario" in r}


def test_quick_set_is_the_fast_scenarios() -> None:
    from seatplan.bench.catalogue import SCENARIOS

    assert set(bench.scenario_names(quick=True)) == QUICK_EXPECTED
    assert bench.scenario_names() == [s.name for s in SCENARIOS]


def test_every_catalogue_entry_names_a_builder() -> None:
    import inspect

    from seatplan.bench.catalogue import SCENARIOS

    assert len({s.name for s in SCENARIOS}) == len(SCENARIOS)
    for scenario in SCENARIOS:
        builder = scenario.load()
        assert callable(builder), scenario.name
        assert {"seed", "quick"} <= set(inspect.signature(builder).parameters), scenario.name


def test_every_json_line_has_the_required_keys(quick_rows: list[dict]) -> None:
    rows = [r for r in quick_rows if "scenario" in r]
    assert {r["scenario"] for r in rows} == QUICK_EXPECTED
    for row in rows:
        missing = [k for k in REQUIRED_KEYS if k not in row]
        assert missing == [], (row["scenario"], missing)
    assert quick_rows[-1] == {"_exit": 0}


def test_quick_scenarios_ran_and_were_measured(quick_rows: list[dict]) -> None:
    for name, row in _scenarios(quick_rows).items():
        allowed = ("OK", "OPTIMAL", "FEASIBLE") if name in TIME_LIMITED else ("OK", "OPTIMAL")
        assert row["status"] in allowed, (name, row["status"])
        assert row["seconds"] > 0
        assert row["peak_mb"] > 5  # a whole Python process
        assert row["repeats"] == 1 and row["quick"] is True
        assert row["attendees"] and row["seats"] and row["seats"] >= row["attendees"]


def test_wedding_optima_reached_and_proven(quick_rows: list[dict]) -> None:
    rows = _scenarios(quick_rows)
    for name, optimum in (("wedding-bp-5x4", 276), ("wedding-bp-2x10", 318)):
        row = rows[name]
        assert row["status"] == "OPTIMAL"
        assert row["objective"] == optimum
        assert row["bound"] == optimum  # proven: bound == objective
        assert row["gap"] == 0
        assert row["attendees"] == 17
        assert row["baseline"] == "or-tools-example"
        assert row["baseline_objective"] == optimum  # the example's own model agrees
        assert row["ratio"] == pytest.approx(row["baseline_seconds"] / row["seconds"])


def test_dais_baseline_agrees(quick_rows: list[dict]) -> None:
    rows = _scenarios(quick_rows)
    for name, n in (("dais-9", 9), ("dais-25-3rows", 25), ("dais-51-4rows", 51)):
        assert rows[name]["attendees"] == rows[name]["seats"] == n
        assert rows[name]["baseline"] == "sequence-table"
        assert rows[name]["baseline_status"] == "OK"
        assert rows[name]["loops"] > 1  # micro-second calls are looped


def test_county_demo_is_the_bundled_meeting(quick_rows: list[dict]) -> None:
    row = _scenarios(quick_rows)["county-600"]
    assert 600 <= row["attendees"] <= 620
    assert row["objective"] == row["bound"] == 0
    assert row["baseline"] is None and row["ratio"] is None


# --------------------------------------------------------------------------------------
# unavailable and failing scenarios, unknown names
# --------------------------------------------------------------------------------------

FAKE_SCENARIOS = '''
from seatplan.bench import Case, Unavailable

QUICK = ("fake-ok",)

def _ok(*, seed=7, quick=False):
    return Case(run=lambda: {"status": "OK", "objective": seed}, attendees=3, seats=4)

def _broken(**kwargs):
    def run():
        raise AssertionError("the plan leaves seat 3 empty")
    return Case(run=run, attendees=1, seats=1)

def _missing(**kwargs):
    raise Unavailable("needs the rotation rule")

SCENARIOS = {"fake-ok": _ok, "fake-broken": _broken, "fake-missing": _missing}
'''


@pytest.fixture
def fake_benchmarks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "scenarios.py").write_text(FAKE_SCENARIOS, encoding="utf-8")
    monkeypatch.setenv("SEATPLAN_BENCHMARKS", str(tmp_path))
    return tmp_path


def test_unavailable_scenarios_are_reported_not_crashes_and_fail_the_run(
    fake_benchmarks: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (fake_benchmarks / "broken_import.py").write_text("import no_such_module_anywhere\nSCENARIOS = {}\n", encoding="utf-8")
    assert "fake-ok" in bench.scenario_names(quick=True) and "fake-missing" not in bench.scenario_names(quick=True)
    status = bench.main(["--json", "--quick", "dais-9", "fake-missing", "fake-ok"])
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert status == 1  # a scenario that cannot run is never a silent success
    by = {r["scenario"]: r for r in rows}
    assert by["dais-9"]["status"] == "OK"
    assert by["fake-missing"]["status"] == "unavailable: needs the rotation rule"
    assert by["fake-ok"]["status"] == "OK" and by["fake-ok"]["objective"] == 7
    for row in rows:
        assert all(k in row for k in REQUIRED_KEYS)
        if row["status"].startswith("unavailable"):
            assert row["seconds"] is None and row["peak_mb"] is None


def test_failed_check_is_an_error_row_and_exit_status_1(fake_benchmarks: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = bench.main(["fake-broken", "--seed", "3"])
    out = capsys.readouterr().out
    assert status == 1
    assert "error" in out and "the plan leaves seat 3 empty" in out
    assert out.splitlines()[0].split()[:3] == ["scenario", "attendees", "seats"]


def test_unknown_name_is_a_user_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["no-such-scenario"]) == 2
    err = capsys.readouterr().err
    assert "unknown benchmark scenario 'no-such-scenario'" in err and "dais-9" in err


def test_list_marks_the_quick_set(capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["--list"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "dais-9  (quick)" in out and "hall-10000-200" in out


# --------------------------------------------------------------------------------------
# pieces
# --------------------------------------------------------------------------------------


def test_timing_repeats_and_loops() -> None:
    calls = []

    def fast() -> dict:
        calls.append(1)
        return {"status": "OK"}

    times, loops, outcome = bench._time_calls(fast, repeats=None, quick=False)
    assert len(times) == 5 and loops > 1 and outcome == {"status": "OK"}
    assert len(calls) == 1 + 5 * loops  # the warm-up call is not counted
    times, loops, _ = bench._time_calls(fast, repeats=None, quick=True)
    assert len(times) == 1
    times, _, _ = bench._time_calls(fast, repeats=2, quick=False)
    assert len(times) == 2


def test_builders_may_return_problems_and_meetings(small_plan: Path) -> None:
    from seatplan.io.plan_file import load_meeting
    from seatplan.pipeline import build_problem

    meeting = load_meeting(small_plan)
    problem = build_problem(meeting)
    case = bench._as_case(problem)
    outcome = case.run()
    assert outcome["status"] == "OPTIMAL" and outcome["attendees"] == len(meeting.attendees)
    assert case.baseline is None
    assert bench._as_case(meeting).run()["seats"] == len(problem.seats)
    assert bench._as_case({"run": lambda: None, "note": "n"}).note == "n"
    with pytest.raises(Unavailable, match="not a Case"):
        bench._as_case(42)


def test_format_table_has_every_column() -> None:
    row = {k: None for k in REQUIRED_KEYS} | {"scenario": "x", "status": "OPTIMAL", "seconds": 0.5, "gap": 0.0125, "ratio": 2.0}
    text = bench.format_table([row])
    header, line = text.splitlines()
    assert header.split() == ["scenario", "attendees", "seats", "seconds", "peak_mb", "status", "objective", "bound", "gap",
                              "baseline", "baseline_seconds", "baseline_objective", "ratio"]
    assert "1.25%" in line and line.split()[-1] == "2"
    markdown = bench.format_table([row], markdown=True).splitlines()
    assert markdown[0].startswith("| scenario |") and markdown[1].startswith("|---")
    assert isinstance(Case(run=lambda: None), Case)
