"""Replan: late changes move nobody who need not move; the report names moves and cards to reprint."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seatplan.check import check_plan
from seatplan.errors import InfeasiblePlanError, PlanFileError, ValidationError
from seatplan.model import Plan, SolveStatus
from seatplan.model.problem import Constraints, PeopleGroup
from seatplan.pipeline import run_plan_file
from seatplan.replan import Change, ChangeKind, read_changes_csv, replan, run_replan
from seatplan.solve import solve
from tests.conftest import write_small_meeting
from tests.test_solve import dais_row, hall, make_problem


def base(**kwargs: object):  # type: ignore[no-untyped-def]
    """A floor of 2 rows × (4|4) with units 甲 5, 乙 4, 丙 3 and a strict dais of 3."""
    problem = make_problem(hall(2, [4, 4], tags=kwargs.pop("tags", None)), [("甲", 5), ("乙", 4), ("丙", 3)], kwargs.pop("constraints", None), dais=dais_row(4), dais_people=3, **kwargs)  # type: ignore[arg-type]
    return problem, solve(problem).require_plan()


def run(problem, plan, *changes: Change):  # type: ignore[no-untyped-def]
    result, report = replan(problem, plan, list(changes))
    assert result.plan is not None, result.explanation
    assert check_plan(report.problem, result.plan) == []
    return result, report


def test_absent_on_the_floor_moves_nobody() -> None:
    problem, plan = base()
    result, report = run(problem, plan, Change(ChangeKind.ABSENT, who="P003"))
    assert result.objective == 0 and result.status is SolveStatus.OPTIMAL
    assert all(result.plan.seat_of[a] == s for a, s in plan.seat_of.items() if a != "P003")
    assert report.removed == (("P003", "甲3", "1排3号"),) and report.withdrawn == ("P003",)
    assert report.moves == () and report.seat_cards == () and report.name_cards == ()


def test_substitute_takes_the_seat() -> None:
    problem, plan = base()
    result, report = run(problem, plan, Change(ChangeKind.SUBSTITUTE, who="甲2", name="王替", title="副局长"))
    (new_id,) = [a for a in result.plan.seat_of if a not in problem.attendee_index]
    assert result.plan.seat_of[new_id] == plan.seat_of["P002"] and result.objective == 0
    assert report.problem.attendee(new_id).unit == "甲" and report.seat_cards == (new_id,)


def test_late_addition_takes_an_absent_colleagues_seat() -> None:
    problem, plan = base()
    result, report = run(
        problem,
        plan,
        Change(ChangeKind.ABSENT, who="P007"),
        Change(ChangeKind.ADD, name="新人", unit="乙", rank=9),
    )
    (new_id,) = [a for a, _, _ in report.added]
    assert result.plan.seat_of[new_id] == plan.seat_of["P007"] and result.objective == 0


def test_late_addition_without_a_gap_sits_at_the_next_free_seat() -> None:
    problem, plan = base()
    result, report = run(problem, plan, Change(ChangeKind.ADD, name="来宾", unit="外单位"))
    (new_id,) = [a for a, _, _ in report.added]
    assert result.plan.seat_of[new_id] == "r02s005" and result.objective == 0


def test_dais_absence_closes_up_by_protocol() -> None:
    problem, plan = base()
    result, report = run(problem, plan, Change(ChangeKind.ABSENT, who="D01"))
    assert {m.attendee_id for m in report.moves} == {"D02", "D03"}
    assert set(report.name_cards) == {"D02", "D03"} and result.objective == result.bound == 2
    assert all(m.reason == "protocol order" for m in report.moves)


def test_rank_change_on_the_dais() -> None:
    problem, plan = base()
    result, report = run(problem, plan, Change(ChangeKind.RANK, who="D03", rank=1))
    # D03 now shares rank 1 with D01 and follows him (a stable order); D02 steps back
    assert report.problem.zones[0].attendee_ids == ("D01", "D03", "D02")
    assert {m.attendee_id for m in report.moves} == {"D02", "D03"} and result.objective == result.bound == 2


def test_rank_change_on_the_floor_moves_nobody() -> None:
    problem, plan = base()
    result, _ = run(problem, plan, Change(ChangeKind.RANK, who="P005", rank=1))
    assert result.objective == 0


def test_unit_renamed_reprints_seat_cards_only() -> None:
    problem, plan = base()
    result, report = run(problem, plan, Change(ChangeKind.UNIT, who="丙", unit="丙局"))
    assert result.objective == 0 and set(report.seat_cards) == {"P010", "P011", "P012"}
    assert {report.problem.attendee(a).unit for a in report.seat_cards} == {"丙局"}


def test_wheelchair_newcomer_moves_one_person_out_of_the_place() -> None:
    problem, plan = base(tags={"r01s004": {"wheelchair"}})
    result, report = run(problem, plan, Change(ChangeKind.ADD, name="轮椅来宾", unit="甲"))
    new_id = report.added[0][0]
    # the newcomer needs the place: declare the need on the changed list and replan again
    person = report.problem.attendee(new_id)
    assert person.needs == frozenset()
    from dataclasses import replace

    needing = replace(report.problem, attendees=tuple(replace(a, needs=frozenset({"wheelchair"})) if a.id == new_id else a for a in report.problem.attendees))
    again, report2 = replan(needing, result.plan, [])
    assert again.plan.seat_of[new_id] == "r01s004"
    # the newcomer's seat lacks the tag (he must move) and one person must leave the place
    assert {m.attendee_id for m in report2.moves} == {new_id, "P004"} and again.objective == again.bound == 2
    assert again.status is SolveStatus.OPTIMAL


def test_keep_apart_with_a_newcomer_is_kept() -> None:
    problem, plan = base(constraints=Constraints(keep_apart=(PeopleGroup(("P009", "P010")),)))
    result, _ = run(problem, plan, Change(ChangeKind.ABSENT, who="P008"))
    assert result.objective == 0


def test_unknown_person_names_the_row() -> None:
    problem, plan = base()
    from seatplan.errors import Location

    with pytest.raises(ValidationError) as info:
        replan(problem, plan, [Change(ChangeKind.ABSENT, who="无此人", source=Location(file="c.csv", row=4, field="编号"))])
    assert info.value.location.row == 4 and info.value.location.value == "无此人"


# ------------------------------------------------------------------------------- property: nobody moves who need not


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    absent=st.sets(st.integers(1, 12), max_size=4),
    subs=st.sets(st.integers(1, 12), max_size=2),
    adds=st.lists(st.sampled_from(["甲", "乙", "丙", "外"]), max_size=3),
    dais_absent=st.booleans(),
)
def test_replan_moves_only_whom_protocol_forces(absent: set[int], subs: set[int], adds: list[str], dais_absent: bool) -> None:
    problem, plan = base()
    changes = [Change(ChangeKind.ABSENT, who=f"P{k:03d}") for k in sorted(absent)]
    changes += [Change(ChangeKind.SUBSTITUTE, who=f"P{k:03d}", name=f"替{k}") for k in sorted(subs - absent)]
    changes += [Change(ChangeKind.ADD, name=f"新{i}", unit=u) for i, u in enumerate(adds)]
    if dais_absent:
        changes.append(Change(ChangeKind.ABSENT, who="D02"))
    result, report = run(problem, plan, *changes)
    floor_moves = [m for m in report.moves if not m.from_seat.startswith("dais")]
    assert floor_moves == []
    assert {m.attendee_id for m in report.moves} == ({"D03"} if dais_absent else set())
    assert result.status is SolveStatus.OPTIMAL
    assert len(report.added) == len(adds) + len(subs - absent)


# ------------------------------------------------------------------------------- files


def test_read_changes_csv(tmp_path: Path) -> None:
    path = tmp_path / "changes.csv"
    path.write_text(
        "变更,编号,姓名,新姓名,单位,新单位,职务,排序,座区\n"
        "缺席,P007,,,,,,,\n替会,,甲单位3号,王替,,,科长,,\n增加,,李新,,甲单位,,,4,主席台\n排序,D05,,,,,,1,\n单位更名,,,,丙单位,丙局,,,\n",
        encoding="utf-8-sig",
    )
    kinds = [(c.kind.value, c.who, c.name, c.unit, c.rank, c.section) for c in read_changes_csv(path)]
    assert kinds == [
        ("absent", "P007", "", "", 0, ""),
        ("substitute", "甲单位3号", "王替", "", 0, ""),
        ("add", "", "李新", "甲单位", 4, "dais"),
        ("rank", "D05", "", "", 1, ""),
        ("unit", "丙单位", "", "丙局", 0, ""),
    ]
    english = tmp_path / "en.csv"
    english.write_text("change,id,new_name\nsubstitute,P003,Ana Silva\n", encoding="utf-8")
    (c,) = read_changes_csv(english)
    assert (c.kind, c.who, c.name) == (ChangeKind.SUBSTITUTE, "P003", "Ana Silva")


@pytest.mark.parametrize(
    ("text", "row", "field", "value", "words"),
    [
        ("变更,编号\n迟到,P001\n", 2, "变更", "迟到", "unknown change"),
        ("变更,编号,新姓名\n替会,P001,\n", 2, "新姓名", None, "substitute's name"),
        ("变更,编号,排序\n缺席,P001,\n排序,P002,x\n", 3, "排序", "x", "not a whole number"),
        ("变更,编号\n缺席,\n", 2, "编号", None, "编号 or 姓名"),
        ("编号,姓名\nP1,张三\n", 1, "", "编号, 姓名", "no 变更/change column"),
    ],
)
def test_read_changes_errors(tmp_path: Path, text: str, row: int, field: str, value: object, words: str) -> None:
    path = tmp_path / "changes.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        read_changes_csv(path)
    loc = info.value.location
    assert (loc.row, loc.field, loc.value) == (row, field, value) and words in str(info.value)
    assert str(loc.file).endswith("changes.csv")


@pytest.fixture(scope="module")
def solved_folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A solved output folder with the inputs in PLAN_DIR/input/ (the layout `seatplan demo` writes)."""
    root = tmp_path_factory.mktemp("replan")
    solved = root / "solved"
    inputs = solved / "input"
    inputs.mkdir(parents=True)
    plan = write_small_meeting(inputs)
    run_plan_file(plan, solved)
    return solved, plan


def test_run_replan_end_to_end(tmp_path: Path, solved_folder: tuple[Path, Path]) -> None:
    solved, _ = solved_folder
    changes = tmp_path / "changes.csv"
    changes.write_text("变更,编号,姓名,新姓名,单位,排序\n缺席,D02,,,,\n替会,P007,,王替,,\n增加,,李新,,乙单位,9\n", encoding="utf-8")
    outputs, report = run_replan(solved, changes, tmp_path / "after")  # finds PLAN_DIR/input/plan.toml
    names = {p.name for p in outputs.files}
    assert {"seats.csv", "summary.json", "cards.pdf", "changes.csv"} <= names
    text = (tmp_path / "after" / "changes.csv").read_bytes().decode("utf-8-sig").splitlines()
    assert text[0] == "change,id,name,unit,from,to,name_card,seat_card,why"
    assert any(line.startswith("remove,D02,") and line.endswith(",absent") for line in text)
    assert any(line.startswith("move,D03,") and "reprint" in line for line in text)
    assert any(line.startswith("add,") and "王替" in line for line in text)
    assert any(line.startswith("remove,D02,") and "withdraw" in line for line in text)
    summary = json.loads((tmp_path / "after" / "summary.json").read_text(encoding="utf-8"))
    assert summary["attendees"] == 26 and summary["solver"]["status"] == "OPTIMAL"
    assert summary["solver"]["objective"] == len(report.moves) == 3  # D03, D04, D05 close up on the dais


def test_run_replan_needs_the_plan_file(tmp_path: Path, solved_folder: tuple[Path, Path]) -> None:
    solved, plan = solved_folder
    bare = tmp_path / "bare"
    bare.mkdir()
    for name in ("seats.csv", "unseated.csv"):
        shutil.copy(solved / name, bare / name)
    summary = json.loads((solved / "summary.json").read_text(encoding="utf-8"))
    summary.pop("plan", None)  # an output folder that does not record its plan file
    (bare / "summary.json").write_text(json.dumps(summary), encoding="utf-8")
    changes = tmp_path / "changes.csv"
    changes.write_text("变更,编号\n缺席,P007\n", encoding="utf-8")
    with pytest.raises(PlanFileError, match="--plan"):
        run_replan(bare, changes, tmp_path / "after")
    assert not (tmp_path / "after").exists()
    summary["plan"] = str(plan)  # what `seatplan solve` records
    (bare / "summary.json").write_text(json.dumps(summary), encoding="utf-8")
    from seatplan.replan import find_plan_file as _plan_path

    assert _plan_path(bare, None) == plan


def test_run_replan_refuses_a_changed_layout(tmp_path: Path, solved_folder: tuple[Path, Path]) -> None:
    solved, _ = solved_folder
    smaller = write_small_meeting(tmp_path, blocks="2, 2")
    changes = tmp_path / "changes.csv"
    changes.write_text("变更,编号\n缺席,P007\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="layout"):
        run_replan(solved, changes, tmp_path / "after", plan_path=smaller)


def test_infeasible_replan_is_explained() -> None:
    problem, plan = base(tags={"r01s004": {"wheelchair"}}, constraints=Constraints(pins={"P004": "r01s004"}))
    from dataclasses import replace

    result, _ = replan(problem, plan, [Change(ChangeKind.ADD, name="轮椅来宾", unit="甲")])
    changed = replace(_.problem, attendees=tuple(replace(a, needs=frozenset({"wheelchair"})) if a.name == "轮椅来宾" else a for a in _.problem.attendees))
    again, _2 = replan(changed, result.plan, [])
    assert again.status is SolveStatus.INFEASIBLE and "new plan" in again.explanation[0].message
    with pytest.raises(InfeasiblePlanError):
        again.require_plan()
    assert isinstance(plan, Plan)


# ------------------------------------------------------------------------------ hand edits: move and swap

RULES = """
[rules]
pins = { "甲单位1号" = "1排1号" }
keep_apart = [["乙单位1号", "乙单位2号"]]
"""


@pytest.fixture(scope="module")
def ruled_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small meeting with a pin and a keep-apart rule, solved into OUT (inputs in OUT/input/)."""
    solved = tmp_path_factory.mktemp("ruled") / "solved"
    (solved / "input").mkdir(parents=True)
    run_plan_file(write_small_meeting(solved / "input", extra=RULES), solved)
    return solved


def _rows(path: Path) -> list[dict[str, str]]:
    import csv as csv_module
    import io as io_module

    return list(csv_module.DictReader(io_module.StringIO(path.read_bytes().decode("utf-8-sig"))))


def _seats(folder: Path) -> dict[str, str]:
    return {r["name"]: r["label"] for r in _rows(folder / "seats.csv")}


def _pdf_pages(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [(page.extract_text() or "").replace("\x00", "") for page in PdfReader(str(path)).pages]


def _free_floor_seat(folder: Path) -> str:
    from seatplan.io.plan_file import load_meeting
    from seatplan.pipeline import build_problem

    problem = build_problem(load_meeting(folder / "input" / "plan.toml"))
    taken = {r["seat_id"] for r in _rows(folder / "seats.csv")}
    free = [s for s in problem.seats if not s.is_dais and s.id not in taken and s.id not in problem.constraints.reserved]
    return max(free, key=lambda s: (s.row, s.number)).describe()


def test_move_and_swap_with_english_headers(tmp_path: Path, ruled_folder: Path) -> None:
    before = _seats(ruled_folder)
    target = _free_floor_seat(ruled_folder)
    changes = tmp_path / "changes.csv"
    changes.write_text(
        f"change,id,name,seat,other,reason\nmove,,丙单位9号,{target},,sees badly\nswap,,甲单位3号,,甲单位4号,\n", encoding="utf-8"
    )
    outputs, _ = run_replan(ruled_folder, changes, tmp_path / "after")
    after = _seats(tmp_path / "after")
    assert after["丙单位9号"] == target
    assert (after["甲单位3号"], after["甲单位4号"]) == (before["甲单位4号"], before["甲单位3号"])
    assert {k: v for k, v in after.items() if k not in ("丙单位9号", "甲单位3号", "甲单位4号")} == {
        k: v for k, v in before.items() if k not in ("丙单位9号", "甲单位3号", "甲单位4号")
    }
    rows = {r["name"]: r for r in _rows(tmp_path / "after" / "changes.csv")}
    assert rows["丙单位9号"]["from"] == before["丙单位9号"] and rows["丙单位9号"]["to"] == target
    assert "moved by hand" in rows["丙单位9号"]["why"] and "sees badly" in rows["丙单位9号"]["why"]
    assert "swapped by hand with 甲单位4号" in rows["甲单位3号"]["why"]
    assert set(rows) == {"丙单位9号", "甲单位3号", "甲单位4号"}
    # reprint.pdf: exactly the three seat cards, in hand-out (seat) order, no name card
    assert tmp_path / "after" / "reprint.pdf" in outputs.files
    text = "\n".join(_pdf_pages(tmp_path / "after" / "reprint.pdf"))
    for name in ("丙单位9号", "甲单位3号", "甲单位4号"):
        assert name in text and after[name] in text
    assert "甲单位5号" not in text and "领导" not in text
    order = [n for n in ("甲单位3号", "甲单位4号", "丙单位9号") if n in text]
    assert sorted(order, key=text.index) == sorted(order, key=lambda n: [r["name"] for r in _rows(tmp_path / "after" / "seats.csv")].index(n))


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("移座,,甲单位1号,1排20号,", "pinned"),  # a pinned person off his seat
        ("互换,,领导1,,领导2", "order"),  # dais order
        ("互换,,乙单位2号,,{neighbour}", "must not sit side by side"),  # keep-apart
    ],
)
def test_a_hand_edit_that_breaks_a_rule_is_refused_unless_forced(tmp_path: Path, ruled_folder: Path, line: str, rule: str) -> None:
    rows = _rows(ruled_folder / "seats.csv")
    by_name = {r["name"]: r for r in rows}
    a = by_name["乙单位1号"]
    neighbour = next(r["name"] for r in rows if r["section"] == a["section"] and r["row"] == a["row"] and abs(int(r["seat"]) - int(a["seat"])) == 1 and r["name"] != "乙单位2号")
    line = line.format(neighbour=neighbour)
    free = _free_floor_seat(ruled_folder)
    line = line.replace("1排20号", free)
    changes = tmp_path / "changes.csv"
    changes.write_text(f"变更,编号,姓名,座位,对方\n{line}\n", encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        run_replan(ruled_folder, changes, tmp_path / "refused")
    assert rule in str(info.value) and "强制" in str(info.value) and info.value.location.row == 2
    assert not (tmp_path / "refused").exists(), "nothing is written for a refused edit"
    changes.write_text(f"变更,编号,姓名,座位,对方,强制\n{line},是\n", encoding="utf-8")
    _, report = run_replan(ruled_folder, changes, tmp_path / "forced")
    assert any("forced" in note for note in report.notes)
    why = " ".join(r["why"] for r in _rows(tmp_path / "forced" / "changes.csv"))
    assert "forced although" in why and rule in why


def test_force_in_the_change_cell_and_dais_name_cards_reprinted(tmp_path: Path, ruled_folder: Path) -> None:
    before = _seats(ruled_folder)
    changes = tmp_path / "changes.csv"
    changes.write_text("变更,姓名,对方\n强制互换,领导1,领导2\n", encoding="utf-8")
    run_replan(ruled_folder, changes, tmp_path / "after")
    after = _seats(tmp_path / "after")
    assert (after["领导1"], after["领导2"]) == (before["领导2"], before["领导1"])
    pages = _pdf_pages(tmp_path / "after" / "reprint.pdf")
    assert len(pages) == 2, "one name card page per person, nothing else"
    assert sorted("领导1" if "领导1" in p else "领导2" for p in pages) == ["领导1", "领导2"]
    assert all("主席台" in p for p in pages)


def test_hand_edit_errors_name_the_column_and_value(tmp_path: Path, ruled_folder: Path) -> None:
    changes = tmp_path / "changes.csv"
    cases = [
        ("变更,编号,姓名,座位\n移座,,王伟,3排1号\n", "姓名", "王伟", "nobody on the list"),
        ("变更,编号,姓名,座位\n移座,,甲单位2号,99排99号\n", "座位", "99排99号", "no seat"),
        ("变更,编号,姓名,对方\n互换,,甲单位2号,无此人\n", "对方", "无此人", "nobody on the list"),
        ("变更,编号,姓名,座位\n移座,,甲单位2号,\n", "座位", None, "needs the seat"),
        ("变更,姓名,座位\n移座,甲单位2号,{taken}\n", "座位", "{taken}", "is taken by"),
        ("变更,编号,姓名\n缺席,,王伟\n", "姓名", "王伟", "nobody on the list"),  # not field '变更' (issue 11)
    ]
    taken = _seats(ruled_folder)["甲单位3号"]
    for text, field_name, value, words in cases:
        changes.write_text(text.format(taken=taken), encoding="utf-8")
        with pytest.raises(ValidationError) as info:
            run_replan(ruled_folder, changes, tmp_path / "x")
        loc = info.value.location
        assert (loc.field, loc.value) == (field_name, value.format(taken=taken) if value else None), text
        assert words in str(info.value) and loc.row == 2


def test_a_hand_edited_seat_list_is_refused_with_what_is_wrong(tmp_path: Path, ruled_folder: Path) -> None:
    edited = tmp_path / "edited"
    shutil.copytree(ruled_folder, edited)
    lines = (edited / "seats.csv").read_bytes().decode("utf-8-sig").splitlines()
    header = lines[0].split(",")
    cells = [line.split(",") for line in lines[1:]]
    sid = header.index("seat_id")
    cells[3][sid] = cells[4][sid]  # one seat given twice (and row 5's person lost his own)
    cells[6][header.index("name")] = "改名"  # a name that does not match the list
    (edited / "seats.csv").write_text("\n".join([lines[0]] + [",".join(c) for c in cells]) + "\n", encoding="utf-8-sig")
    changes = tmp_path / "changes.csv"
    changes.write_text("变更,编号\n缺席,P007\n", encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        run_replan(edited, changes, tmp_path / "after")
    message = str(info.value)
    assert "given twice" in message and "改名" in message and "neither in seats.csv nor in unseated.csv" in message
    assert not (tmp_path / "after").exists()


def test_reprint_is_deterministic(tmp_path: Path, ruled_folder: Path) -> None:
    changes = tmp_path / "changes.csv"
    changes.write_text("变更,姓名,对方\n互换,甲单位3号,甲单位4号\n", encoding="utf-8")
    run_replan(ruled_folder, changes, tmp_path / "a")
    run_replan(ruled_folder, changes, tmp_path / "b")
    for name in ("reprint.pdf", "changes.csv", "seats.csv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
