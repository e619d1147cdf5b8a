"""Writing the outputs: every file of a solve, against the bare seat-list csv write in the same run.

``outputs-600`` writes the pack of the bundled demo (600 people, 15 on the dais);
``outputs-10000`` the pack of a 10,000-seat hall with 200 units; ``cards-1000``
the name cards (cards.pdf) of 1,000 people, one card each, with a second line
and a name on the back of every other card. The solve is done once, before
timing; the baseline is writing seats.csv of the same plan. The note gives the
CPU seconds of each stage of the timed run (csv, xlsx, diagram = plan.png and
plan.svg, cards, map, sheets) and, in brackets, cards.pdf of the cards stage and
plan.pdf, dais.pdf and the three costliest other files of the sheets stage.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from seatplan.bench import Case

__all__ = ["build_cards_1000", "build_outputs_600", "build_outputs_10000", "format_stages"]

#: The stages of :func:`seatplan.pipeline.write_outputs`, in the order they run.
STAGES = ("csv", "xlsx", "diagram", "cards", "map", "sheets")
#: Files timed inside the cards stage (the rest of the stage is seatcards.pdf).
_CARD_FILES = ("cards.pdf",)
#: Files of the sheets stage always shown in the note.
_PLAN_FILES = ("plan.pdf", "dais.pdf")


def format_stages(stages: dict[str, float], *, files: int = 3) -> str:
    """The CPU seconds of each stage; in brackets the name cards of the cards stage and, of the
    sheets stage, plan.pdf, dais.pdf and the ``files`` costliest other files.

    >>> format_stages({"csv": 0.02, "sheets": 2.5, "plan.pdf": 1.2, "dais.pdf": 0.01, "signin.pdf": 0.5,
    ...                "notices.csv": 0.001})
    'csv 0.02, sheets 2.50 (plan.pdf 1.20, dais.pdf 0.01, signin.pdf 0.50) s'
    """
    parts = []
    for stage in STAGES:
        if stage not in stages:
            continue
        text = f"{stage} {stages[stage]:.2f}"
        shown: list[str] = []
        if stage == "cards":
            shown = [k for k in _CARD_FILES if k in stages and abs(stages[k] - stages[stage]) >= 0.01]
        elif stage == "sheets":
            shown = [k for k in _PLAN_FILES if k in stages]
            others = [(v, k) for k, v in stages.items()
                      if k not in STAGES and k not in _CARD_FILES and k not in _PLAN_FILES and v >= 0.01]
            shown += [k for _, k in sorted(others, reverse=True)[:files]]
        if shown:
            text += " (" + ", ".join(f"{k} {stages[k]:.2f}" for k in shown) + ")"
        parts.append(text)
    return ", ".join(parts) + " s"


def _case(meeting: Any, problem: Any, result: Any, label: str, *, files: tuple[str, ...] = ()) -> Case:
    from dataclasses import replace

    from seatplan.export import build_seat_records, write_seats_csv
    from seatplan.model import OutputSpec
    from seatplan.pipeline import section_labels, write_outputs

    folder = Path(tempfile.mkdtemp(prefix=f"seatplan-bench-{label}-"))
    stages: dict[str, float] = {}
    plan = result.require_plan()
    if files:
        meeting = replace(meeting, outputs=OutputSpec(files=files))

    def run() -> dict[str, Any]:
        stages.clear()
        outputs = write_outputs(meeting, problem, result, folder / "out", timings=stages)
        missing = [p.name for p in outputs.files if not p.is_file()]
        if missing:
            raise AssertionError(f"not written: {missing}")
        shutil.rmtree(folder / "out", ignore_errors=True)
        return {"status": "OK", "attendees": len(plan.seat_of), "seats": len(problem.seats),
                "note": f"CPU by stage: {format_stages(stages)}; {len(outputs.files)} files"}

    def baseline() -> dict[str, Any]:
        write_seats_csv(build_seat_records(problem, plan, section_labels(meeting)), folder / "seats.csv")
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


def build_cards_1000(*, seed: int | None = None, quick: bool = False) -> Case:
    """The name cards of 1,000 people (target ≤ 5 s).

    A hall of 20 dais seats and 980 floor seats, every seat carded
    (``[cards] sections = ["dais", "floor"]``, the unit as second line); names of
    two to nine characters, one in fifty a long minority name with a middle dot,
    every other person with a foreign name for the back of the card. Only
    cards.pdf (and the files always written: seats.csv, unseated.csv,
    summary.json) is written.
    """
    del seed, quick
    from seatplan.model import Attendee, CardSpec, DaisSpec, FloorSpec, Meeting, Venue
    from seatplan.model.meeting import CardLine
    from seatplan.model.venue import Door
    from seatplan.pipeline import build_problem
    from seatplan.solve import solve

    surnames, given = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗", "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华"
    people = []
    for k in range(1000):
        if k % 50 == 49:
            name = "阿不都热合曼·买买提"
        else:
            name = surnames[k % 20] + given[k % 24] + (given[(k * 7) % 24] if k % 3 else "")
        people.append(Attendee(
            id=f"C{k + 1:04d}", name=name, unit=f"第{k // 20 + 1}代表团", title="代表", rank=k + 1,
            section="dais" if k < 20 else "", unit_order=k // 20 + 1,
            foreign_name=f"Delegate {k + 1}" if k % 2 else "",
        ))
    meeting = Meeting(
        title="千人名牌", date="2026-12-18",
        venue=Venue.rectangle(34.0, 32.0, stage_depth=4.0, doors=(
            Door(17.0, 0.0, 3.0, main=True, name="正门"), Door(0.0, 12.0, 2.4, name="西门"),
            Door(34.0, 12.0, 2.4, name="东门"), Door(5.0, 0.0, 2.4, name="安全出口"),
            Door(29.0, 0.0, 2.4, name="安全出口"))),
        attendees=tuple(people), dais=DaisSpec(rows=(20,)), floor=FloorSpec(blocks=(14, 20, 14)),
        cards=CardSpec(sections=("dais", "floor"), second_line=CardLine.UNIT),
    )
    problem = build_problem(meeting)
    result = solve(problem)
    if len(result.require_plan().seat_of) != 1000:
        raise AssertionError("the card hall does not seat all 1,000 people")
    return _case(meeting, problem, result, "cards", files=("cards.pdf",))
