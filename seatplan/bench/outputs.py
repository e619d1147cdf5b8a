"""Writing the outputs: every file of a solve, against the bare seat-list csv write in the same run.

``outputs-600`` writes the pack of the bundled demo (600 people, 15 on the dais);
``outputs-10000`` the pack of a 10,000-seat hall with 200 units. The solve is done
once, before timing. The note gives the CPU seconds of each stage (csv, xlsx,
diagram, cards, sheets) of the timed run.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from seatplan.bench import Case

__all__ = ["build_outputs_600", "build_outputs_10000"]


def _case(meeting: Any, problem: Any, result: Any, label: str) -> Case:
    from seatplan.export import build_seat_records, write_seats_csv
    from seatplan.pipeline import write_outputs

    folder = Path(tempfile.mkdtemp(prefix=f"seatplan-bench-{label}-"))
    stages: dict[str, float] = {}
    plan = result.require_plan()

    def run() -> dict[str, Any]:
        stages.clear()
        outputs = write_outputs(meeting, problem, result, folder / "out", timings=stages)
        missing = [p.name for p in outputs.files if not p.is_file()]
        if missing:
            raise AssertionError(f"not written: {missing}")
        note = ", ".join(f"{k} {v:.2f} s" for k, v in stages.items())
        shutil.rmtree(folder / "out", ignore_errors=True)
        return {"status": "OK", "attendees": len(plan.seat_of), "seats": len(problem.seats),
                "note": f"CPU by stage: {note}; {len(outputs.files)} files"}

    def baseline() -> dict[str, Any]:
        write_seats_csv(build_seat_records(problem, plan), folder / "seats.csv")
        return {"status": "OK"}

    return Case(run=run, attendees=len(plan.seat_of), seats=len(problem.seats), baseline=baseline,
                baseline_name="seats.csv only")


def build_outputs_600(*, seed: int | None = None, quick: bool = False) -> Case:
    """Every output of the bundled demo (target ≤ 2 s)."""
    del seed, quick
    from seatplan.demo import write_demo_inputs
    from seatplan.io.plan_file import load_meeting
    from seatplan.pipeline import build_problem
    from seatplan.solve import solve

    meeting = load_meeting(write_demo_inputs(Path(tempfile.mkdtemp(prefix="seatplan-bench-demo-"))))
    problem = build_problem(meeting)
    return _case(meeting, problem, solve(problem), "600")


def build_outputs_10000(*, seed: int | None = None, quick: bool = False) -> Case:
    """Every output of a 10,000-seat hall with 200 units (target ≤ 20 s)."""
    del seed, quick
    from seatplan.bench.solver import hall_scenario
    from seatplan.model import Meeting
    from seatplan.solve import solve

    problem = hall_scenario(rules=False)
    meeting = Meeting(title="万人大会", venue=problem.layout.venue, attendees=problem.attendees, date="2026-12-18")
    return _case(meeting, problem, solve(problem), "10000")
