"""Daily use of the command line: --version, -v/-q and progress lines, a file another program holds."""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pytest

import seatplan
from seatplan import pipeline, progress
from seatplan.cli import build_parser, main

STEPS = ("reading ", "laying out and ranking ", "solving ", "writing the outputs to ")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == f"seatplan {seatplan.__version__}"


def test_verbosity_is_a_global_option_before_or_after_the_command() -> None:
    parser = build_parser()
    assert parser.parse_args(["-v", "solve", "p.toml", "--out", "o"]).verbose == 1
    assert parser.parse_args(["solve", "p.toml", "--out", "o", "-vv"]).verbose == 2
    assert parser.parse_args(["-q", "demo"]).quiet == 1
    assert parser.parse_args(["bench", "--quick", "-q"]).quiet == 1  # -q is quiet, --quick the fast set
    assert parser.parse_args(["demo"]).verbose == 0


def _progress_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("seatplan: ") and line[10:].startswith(STEPS)]


def test_long_steps_get_progress_lines_unless_quiet(
    small_plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(progress, "PROGRESS_AFTER", 0.0)  # every step counts as long
    assert main(["solve", str(small_plan), "--out", str(tmp_path / "a")]) == 0
    lines = _progress_lines(capsys.readouterr().err)
    for step in STEPS:  # one line when the step is announced, one when it ends with its time
        ends = [line for line in lines if line[10:].startswith(step) and line.endswith(" s")]
        assert len(ends) == 1, (step, lines)
    assert main(["-q", "solve", str(small_plan), "--out", str(tmp_path / "b")]) == 0
    assert _progress_lines(capsys.readouterr().err) == []


def test_short_steps_are_silent_by_default_and_shown_with_v(
    small_plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(progress, "PROGRESS_AFTER", 3600.0)
    assert main(["solve", str(small_plan), "--out", str(tmp_path / "a")]) == 0
    assert _progress_lines(capsys.readouterr().err) == []
    assert main(["solve", str(small_plan), "--out", str(tmp_path / "b"), "-v"]) == 0
    lines = _progress_lines(capsys.readouterr().err)
    assert [line for line in lines if line.endswith(" …")] and [line for line in lines if line.endswith(" s")]


def test_the_command_leaves_logging_as_it_found_it(small_plan: Path, tmp_path: Path) -> None:
    logger = logging.getLogger("seatplan")
    before = (list(logger.handlers), logger.level)
    assert main(["-v", "solve", str(small_plan), "--out", str(tmp_path / "a")]) == 0
    assert (list(logger.handlers), logger.level) == before


def test_a_file_held_by_another_program_is_a_clear_error(
    small_plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out" / "seats.xlsx"

    def locked(*args: object, **kwargs: object) -> None:
        # what Windows reports when os.replace meets a seats.xlsx open in Excel
        raise PermissionError(13, "Permission denied", str(tmp_path / "out" / ".tmp-seats.xlsx"), None, str(target))

    monkeypatch.setattr(pipeline, "write_outputs", locked)
    assert main(["solve", str(small_plan), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("seatplan: error: ") and "Traceback" not in err
    assert str(target) in err and "permission denied" in err and "close it" in err


def test_other_file_errors_name_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(*args: object, **kwargs: object) -> None:
        raise FileNotFoundError(2, "No such file or directory", str(tmp_path / "gone.toml"))

    monkeypatch.setattr(pipeline, "run_plan_file", missing)
    assert main(["solve", str(tmp_path / "gone.toml"), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert "No such file or directory" in err and "gone.toml" in err


def test_show_versions_lists_every_dependency() -> None:
    buf = io.StringIO()
    seatplan.show_versions(file=buf)
    shown = dict(line.split(None, 1) for line in buf.getvalue().splitlines())
    assert shown["seatplan"] == seatplan.__version__
    assert {"python", "platform", "location"} <= set(shown)
    for name in ("ortools", "numpy", "shapely", "matplotlib", "fpdf2", "openpyxl", "pylopdf-fonts-zh-cn", "pypinyin"):
        assert name in shown, name


def test_v_shows_the_cp_sat_search_log_and_leaves_it_off_afterwards(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from ortools.sat.python import cp_model

    from seatplan.solve.cpsat import SolverSettings, run_model, search_log_enabled

    def solve_a_model(plan: object, out: object) -> pipeline.Outputs:
        model = cp_model.CpModel()
        x = model.new_int_var(0, 10, "x")
        model.maximize(x)
        _, status = run_model(model, SolverSettings())
        assert status == cp_model.OPTIMAL
        return pipeline.Outputs(folder=tmp_path, files=())

    monkeypatch.setattr(pipeline, "run_plan_file", solve_a_model)
    assert main(["-v", "solve", "p.toml", "--out", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert "CpSolverResponse" in err or "CP-SAT" in err, err[-2000:]
    assert not search_log_enabled()
    assert main(["solve", "p.toml", "--out", str(tmp_path)]) == 0
    assert "CP-SAT" not in capsys.readouterr().err
