"""The library path shown in README.md, and the checker on solver output."""

from __future__ import annotations

from pathlib import Path

import pytest

import seatplan
from seatplan.check import ViolationKind
from seatplan.model import Plan


def test_readme_example(small_plan: Path, tmp_path: Path) -> None:
    meeting = seatplan.load_meeting(small_plan)
    problem = seatplan.build_problem(meeting)
    result = seatplan.solve(problem)
    assert result.status is seatplan.SolveStatus.OPTIMAL
    assert seatplan.check_plan(problem, result.require_plan()) == []
    outputs = seatplan.write_outputs(meeting, problem, result, tmp_path / "out")
    assert all(p.is_file() for p in outputs.files)


def test_build_meeting_in_python(tmp_path: Path) -> None:
    people = [seatplan.Attendee(id=f"L{k}", name=f"领导{k}", rank=k, section="dais") for k in range(1, 6)]
    people += [seatplan.Attendee(id=f"P{k}", name=f"代表{k}", unit="甲" if k < 5 else "乙", rank=k) for k in range(1, 9)]
    meeting = seatplan.Meeting(
        title="小会",
        venue=seatplan.Venue.rectangle(12, 12, stage_depth=4),
        attendees=tuple(people),
        dais=seatplan.DaisSpec(rows=(5,)),
        floor=seatplan.FloorSpec(blocks=(4, 4), rows=2),
    )
    problem = seatplan.build_problem(meeting)
    plan = seatplan.solve(problem).require_plan()
    assert seatplan.check_plan(problem, plan) == []
    centre = problem.seat(plan.seat_of["L1"])
    assert abs(centre.x - 6.0) < 1e-6, "No.1 sits on the centre axis of an odd dais row"


def test_infeasible_result_explains(small_plan: Path) -> None:
    meeting = seatplan.load_meeting(small_plan)
    problem = seatplan.build_problem(meeting)
    floor = next(z for z in problem.zones if z.name == "floor")
    tight = seatplan.SeatingProblem(
        layout=problem.layout,
        attendees=problem.attendees,
        zones=tuple(z if z.name != "floor" else seatplan.Zone("floor", floor.seat_ids[:3], floor.attendee_ids) for z in problem.zones),
    )
    result = seatplan.solve(tight)
    assert result.status is seatplan.SolveStatus.INFEASIBLE and result.plan is None
    assert "3 seats for 21 people" in result.explanation[0].message
    with pytest.raises(seatplan.InfeasiblePlanError) as info:
        result.require_plan()
    assert info.value.conflicts[0].rule == "capacity"


def test_checker_catches_broken_plans(small_plan: Path) -> None:
    problem = seatplan.build_problem(seatplan.load_meeting(small_plan))
    good = seatplan.solve(problem).require_plan()
    ids = list(good.seat_of)
    kinds = lambda plan: {v.kind for v in seatplan.check_plan(problem, plan)}  # noqa: E731
    lost = Plan(seat_of={a: s for a, s in good.seat_of.items() if a != ids[0]})
    assert ViolationKind.LOST in kinds(lost)
    shared = Plan(seat_of={**good.seat_of, ids[1]: good.seat_of[ids[0]]})
    assert ViolationKind.SHARED_SEAT in kinds(shared)
    swapped = Plan(seat_of={**good.seat_of, ids[0]: good.seat_of[ids[1]], ids[1]: good.seat_of[ids[0]]})
    assert ViolationKind.ORDER in kinds(swapped)
    dais, floor = problem.zones
    wrong = Plan(seat_of={**good.seat_of, dais.attendee_ids[0]: floor.seat_ids[-1]})
    assert ViolationKind.WRONG_ZONE in kinds(wrong)
    unknown = Plan(seat_of={**good.seat_of, ids[0]: "nowhere"})
    assert ViolationKind.UNKNOWN_SEAT in kinds(unknown)
    gap = Plan(seat_of={**good.seat_of, floor.attendee_ids[-1]: floor.seat_ids[-1]})
    assert ViolationKind.GAP in kinds(gap)
    both = Plan(seat_of=good.seat_of, unseated={ids[0]: "x"})
    assert ViolationKind.BOTH in kinds(both)
    assert kinds(good) == set()


def test_import_is_light() -> None:
    import subprocess
    import sys

    code = "import seatplan, sys; print(sorted(m for m in ('matplotlib','fpdf','ortools','shapely','openpyxl') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_readme_snippet_runs(tmp_path: Path) -> None:
    import re

    root = Path(__file__).resolve().parent.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## As a library\n\n```python\n(.*?)```", readme, re.S)
    assert block is not None
    code = block.group(1)
    assert len(code.strip().splitlines()) <= 20
    code = code.replace('"examples/', f'"{root.as_posix()}/examples/').replace('"out/county"', repr(str(tmp_path / "out")))
    namespace: dict[str, object] = {}
    exec(compile(code, "README.md", "exec"), namespace)  # noqa: S102 - the README's own example
    assert (tmp_path / "out" / "seats.csv").is_file()
