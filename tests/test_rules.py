"""apply_rules: the [rules] table and the request columns of the attendee list."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from seatplan import build_problem, load_meeting
from seatplan.check import check_plan
from seatplan.errors import AttendeeFileError, Location, PlanFileError
from seatplan.io.plan_file import spec_from_table
from seatplan.model import Meeting
from seatplan.model.problem import PairMode
from seatplan.rules import apply_rules, find_seat
from seatplan.solve import solve
from tests.conftest import write_small_meeting


def with_rules(meeting: Meeting, rules: dict[str, Any]) -> Meeting:
    """The meeting as if its plan file had this [rules] table."""
    return replace(meeting, rules=spec_from_table("rules", rules, source=meeting.source or ""))


@pytest.fixture
def meeting(tmp_path: Path) -> Meeting:
    return load_meeting(write_small_meeting(tmp_path))


def test_no_requests_leaves_the_problem_alone(meeting: Meeting) -> None:
    problem = build_problem(meeting)
    assert apply_rules(meeting, problem) is problem


def test_rules_table(meeting: Meeting) -> None:
    m = with_rules(
        meeting,
        {
            "reserved": ["1排1号", "floor-r01-s002"],
            "reserved_rows": [3],
            "pins": {"甲单位3号": "第2排 10号"},
            "keep_apart": [["乙单位1号", "乙单位2号"]],
            "prefer_together": [["P006", "丙单位1号"]],
            "together_mode": "table",
            "seat_tags": {"wheelchair": ["4排1号"], "interpreter": ["2排1号"]},
            "keep_units_together": False,
            "wrap": False,
            "weights": {"order": 2, "apart": 9},
        },
    )
    p = build_problem(m)
    c = p.constraints
    assert {z.name: z.strict for z in p.zones} == {"dais": True, "floor": False}
    assert {"floor-r01-s001", "floor-r01-s002"} < c.reserved
    assert all(p.seat(s).row == 3 for s in c.reserved - {"floor-r01-s001", "floor-r01-s002"})
    assert c.pins == {"P008": "floor-r02-s010"}
    assert [g.members for g in c.keep_apart] == [("P013", "P014")] and c.keep_apart[0].hard
    (pref,) = c.keep_together
    assert pref.members == ("P006", "P018") and not pref.hard and pref.mode is PairMode.TABLE and pref.source == "rules.prefer_together[0]"
    assert not c.contiguous and not c.wrap
    assert (c.weights.order, c.weights.apart, c.weights.together) == (2, 9, 100)
    assert "wheelchair" in p.seat("floor-r04-s001").tags and "interpreter" in p.seat("floor-r02-s001").tags


def test_automatic_aisle_and_exit_tags(meeting: Meeting) -> None:
    m = with_rules(meeting, {"exit_distance": 3.0})
    p = build_problem(m)
    floor = [s for s in p.seats if s.section == "floor" and s.row == 1]
    ends = sorted(s.number for s in floor if "aisle" in s.tags)
    assert ends == [1, 6, 7, 14, 15, 20]  # blocks 6, 8, 6: both ends of each
    door = m.venue.doors[0]
    near = [s for s in p.seats if "exit" in s.tags]
    assert near and all(((s.x - door.x) ** 2 + (s.y - door.y) ** 2) ** 0.5 <= 3.0 for s in near)


def test_requests_are_solved_and_checked(meeting: Meeting) -> None:
    m = with_rules(meeting, {"reserved": ["1排1号"], "keep_apart": [["乙单位1号", "乙单位2号"]], "pins": {"丙单位9号": "1排10号"}})
    p = build_problem(m)
    result = solve(p)
    plan = result.require_plan()
    assert check_plan(p, plan) == []
    assert plan.seat_of["P026"] == "floor-r01-s010" and "floor-r01-s001" not in plan.occupant_of()


@pytest.mark.parametrize(
    ("rules", "field", "value", "words"),
    [
        ({"reserved": ["99排1号"]}, "rules.reserved[0]", "99排1号", "there is no seat"),
        ({"pins": {"无此人": "1排1号"}}, "rules.pins.无此人", "无此人", "nobody on the list"),
        ({"keep_apart": [["甲单位1号"]]}, "rules.keep_apart[0]", ["甲单位1号"], "two or more"),
        ({"keep_apart": "甲单位1号"}, "rules.keep_apart", "甲单位1号", "list of groups"),
        ({"weights": {"order": -1}}, "rules.weights.order", -1, "whole number >= 0"),
        ({"wrapp": True}, "rules.wrapp", True, "not a known key"),
        ({"reserved_rows": [40]}, "rules.reserved_rows", 40, "does not exist"),
        ({"apart_mode": "row"}, "rules.apart_mode", "row", "is not one of"),
    ],
)
def test_rules_errors_name_the_key(meeting: Meeting, rules: dict[str, Any], field: str, value: object, words: str) -> None:
    with pytest.raises(PlanFileError) as info:  # bad values when the table is read, unknown seats when the room is laid
        build_problem(with_rules(meeting, rules))
    loc = info.value.location
    assert (loc.field, loc.value) == (field, value) and words in str(info.value)
    assert str(loc.file).endswith("plan.toml") and "Fix:" in str(info.value)


def test_did_you_mean_a_name(meeting: Meeting) -> None:
    m = with_rules(meeting, {"keep_apart": [["甲单位1号", "乙单位1"]]})
    with pytest.raises(PlanFileError, match="did you mean 乙单位1号"):
        build_problem(m)


def write_list(folder: Path, extra_header: str, cells: dict[int, str]) -> Path:
    """The small meeting with extra request columns; ``cells`` maps list row (1 = first person) → cells."""
    plan = write_small_meeting(folder)
    lines = (folder / "attendees.csv").read_text(encoding="utf-8").splitlines()
    width = extra_header.count(",") + 1
    out = [lines[0] + "," + extra_header]
    for k, line in enumerate(lines[1:], start=1):
        out.append(line + "," + cells.get(k, "," * (width - 1)))
    (folder / "attendees.csv").write_text("\n".join(out) + "\n", encoding="utf-8")
    return plan


def test_request_columns(tmp_path: Path) -> None:
    plan = write_list(
        tmp_path,
        "需求,指定座位,不相邻,同座",
        {6: "轮椅,,,", 7: ",2排3号,甲单位3号,", 10: ",,,甲单位6号、P011", 12: "靠过道,,,"},
    )
    m = with_rules(load_meeting(plan), {"seat_tags": {"wheelchair": ["3排20号"]}})
    assert m.attendees[5].needs == {"wheelchair"} and m.attendees[6].pin == "2排3号"
    p = build_problem(m)
    c = p.constraints
    assert c.pins == {"P007": "floor-r02-s003"}
    assert [g.members for g in c.keep_apart] == [("P007", "P008")]
    pairs = {frozenset(g.members) for g in c.keep_together}
    assert pairs == {frozenset({"P010", "P011"})}
    assert c.keep_apart[0].source.endswith("row 8")
    result = solve(p)
    plan_ = result.require_plan()
    assert check_plan(p, plan_) == []
    assert plan_.seat_of["P006"] == "floor-r03-s020"
    assert "aisle" in p.seat(plan_.seat_of["P012"]).tags


def test_request_column_errors_name_the_row(tmp_path: Path) -> None:
    plan = write_list(tmp_path, "指定座位", {3: "50排1号"})
    m = load_meeting(plan)
    with pytest.raises(AttendeeFileError) as info:
        build_problem(m)
    loc = info.value.location
    assert (loc.row, loc.value) == (4, "50排1号") and str(loc.file).endswith("attendees.csv")
    plan = write_list(tmp_path, "不相邻", {3: "谁也不是"})
    m = load_meeting(plan)
    with pytest.raises(AttendeeFileError, match="nobody on the list"):
        build_problem(m)


def test_seat_labels(meeting: Meeting) -> None:
    p = build_problem(meeting)
    where = Location(field="x")
    assert find_seat(p, "3排12号", location=where) == "floor-r03-s012"
    assert find_seat(p, "第3排 12号", location=where) == "floor-r03-s012"
    assert find_seat(p, "３排１２号", location=where) == "floor-r03-s012"
    assert find_seat(p, "台下 3排12号", location=where) == "floor-r03-s012"
    assert p.seat(find_seat(p, "主席台 第1排 1号", location=where)).is_dais
    assert find_seat(p, "floor-r01-s001", location=where) == "floor-r01-s001"
    with pytest.raises(PlanFileError, match="no seat"):
        find_seat(p, "主席台 第1排 99号", location=where)


def test_ambiguous_name(tmp_path: Path) -> None:
    plan = write_small_meeting(tmp_path, floor=[("甲单位", 2), ("甲单位", 0)])
    lines = (tmp_path / "attendees.csv").read_text(encoding="utf-8").splitlines()
    lines.append("P999,甲单位1号,乙单位,,1,")
    (tmp_path / "attendees.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    m = with_rules(load_meeting(plan), {"keep_apart": [["甲单位1号", "甲单位2号"]]})
    with pytest.raises(PlanFileError, match="2 people are called '甲单位1号'"):
        build_problem(m)


def test_request_columns_round_trip(tmp_path: Path) -> None:
    from seatplan.io import read_attendees, write_attendees_csv
    from seatplan.model import Attendee

    people = (
        Attendee("A1", "张三", needs=frozenset({"wheelchair", "aisle"}), pin="3排12号", apart_from=("李四", "A9"), together_with=("Ana Silva",)),
        Attendee("A2", "李四"),
    )
    path = tmp_path / "list.csv"
    write_attendees_csv(people, path)
    assert path.read_bytes().decode("utf-8-sig").splitlines()[0].endswith("需求,指定座位,不相邻,同座")
    back = read_attendees(path)
    assert [(a.needs, a.pin, a.apart_from, a.together_with) for a in back] == [(a.needs, a.pin, a.apart_from, a.together_with) for a in people]
