"""The diagram drawn on the second core while the PDFs are written (``pipeline._aside``).

The drawing runs in a forked child where the machine allows it; whatever it does must
look, from the caller, exactly as if it ran in line: its warnings, its errors, its files.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import pytest

import seatplan
import seatplan.render
from seatplan.errors import GeometryError, OutputError
from seatplan.pipeline import _aside

FORKS = hasattr(os, "fork") and hasattr(os, "sched_getaffinity") and len(os.sched_getaffinity(0)) > 1


def _solved(plan_file: Path) -> tuple[object, object, object]:
    meeting = seatplan.load_meeting(plan_file)
    problem = seatplan.build_problem(meeting)
    return meeting, problem, seatplan.solve(problem)


@pytest.mark.parametrize("enabled", [True, False])
def test_aside_returns_cpu_and_runs_the_job(tmp_path: Path, enabled: bool) -> None:
    target = tmp_path / "drawn.txt"

    def job() -> None:
        target.write_text("x" * 10, encoding="utf-8")
        sum(range(200_000))

    with _aside(job, enabled=enabled) as join:
        spent = join()
    assert target.read_text(encoding="utf-8") == "x" * 10
    assert spent >= 0.0


@pytest.mark.parametrize("enabled", [True, False])
def test_aside_raises_the_jobs_error_here(enabled: bool) -> None:
    def job() -> None:
        raise GeometryError("the room is too small", hint="make it larger")

    with pytest.raises(GeometryError, match="the room is too small"), _aside(job, enabled=enabled) as join:
        join()


@pytest.mark.parametrize("enabled", [True, False])
def test_aside_reissues_the_jobs_warnings(enabled: bool) -> None:
    def job() -> None:
        warnings.warn("张三 has a character no font can print", UserWarning, stacklevel=1)

    with pytest.warns(UserWarning, match="张三"), _aside(job, enabled=enabled) as join:
        join()


@pytest.mark.skipif(not FORKS, reason="the diagram is drawn aside only where os.fork and two cores exist")
def test_an_error_in_the_body_stops_the_drawing_child(tmp_path: Path) -> None:
    target = tmp_path / "late.txt"

    def job() -> None:
        import time

        time.sleep(1.5)
        target.write_text("written after the error", encoding="utf-8")

    with pytest.raises(RuntimeError):
        with _aside(job) as join:
            raise RuntimeError("a PDF failed")
        join()  # pragma: no cover - not reached
    import time

    time.sleep(2.0)
    assert not target.exists(), "the child kept drawing after the run failed"


def test_a_failing_diagram_writes_nothing_and_names_the_error(
    small_plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting, problem, result = _solved(small_plan)

    def broken(*args: object, **kwargs: object) -> None:
        raise OutputError("plan.png cannot be written: disk full", path="plan.png")

    monkeypatch.setattr(seatplan.render, "save_plan_images", broken)
    home = tmp_path / "outputs"
    home.mkdir()
    with pytest.raises(OutputError, match="disk full"):
        seatplan.write_outputs(meeting, problem, result, home / "out")  # type: ignore[arg-type]
    assert sorted(p.name for p in home.rglob("*")) == [], "a failed run left files behind"


def test_drawing_aside_gives_the_same_files_as_in_line(
    small_plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting, problem, result = _solved(small_plan)
    seatplan.write_outputs(meeting, problem, result, tmp_path / "aside")  # type: ignore[arg-type]
    monkeypatch.setattr(os, "fork", None, raising=False)
    monkeypatch.delattr(os, "fork")
    seatplan.write_outputs(meeting, problem, result, tmp_path / "inline")  # type: ignore[arg-type]
    for name in ("plan.png", "plan.svg", "cards.pdf", "seats.xlsx"):
        assert (tmp_path / "aside" / name).read_bytes() == (tmp_path / "inline" / name).read_bytes(), name
