"""Requests at a banquet: hosts keep their places, the senior keeps his, nobody is sent far down."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from seatplan import build_problem, load_meeting
from seatplan.check import check_plan
from seatplan.io.plan_file import spec_from_table
from seatplan.model import Meeting, SolveStatus
from seatplan.solve import solve

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "banquet" / "plan.toml"


def with_rules(meeting: Meeting, rules: dict[str, Any]) -> Meeting:
    return replace(meeting, rules=spec_from_table("rules", rules, source=meeting.source or ""))


@pytest.fixture(scope="module")
def meeting() -> Meeting:
    return load_meeting(EXAMPLE)


@pytest.fixture(scope="module")
def protocol_seat(meeting: Meeting) -> dict[str, str]:
    problem = build_problem(meeting)
    return dict(solve(problem).require_plan().seat_of)


def _table(problem, seat_id: str) -> int:
    return int(problem.seat(seat_id).table)


def _solve(meeting: Meeting, rules: dict[str, Any]):
    problem = build_problem(with_rules(meeting, rules))
    result = solve(problem)
    assert result.status is SolveStatus.OPTIMAL
    plan = result.require_plan()
    assert check_plan(problem, plan) == []
    return problem, plan.seat_of


def test_requests_open_the_banquet_zone_but_hosts_keep_their_places(meeting: Meeting, protocol_seat: dict[str, str]) -> None:
    problem, seat_of = _solve(meeting, {"together_mode": "table", "keep_together": [["G002", "G090"]]})
    assert not next(z for z in problem.zones if z.name == "banquet").strict
    assert not problem.constraints.contiguous  # guests follow precedence across units at tables
    hosts = [a.id for a in problem.attendees if a.side == "host"]
    assert hosts and all(seat_of[h] == protocol_seat[h] for h in hosts)
    assert all("host-seat" in problem.seat(seat_of[h]).tags for h in hosts)


def test_keep_together_brings_the_junior_to_the_senior_table(meeting: Meeting, protocol_seat: dict[str, str]) -> None:
    problem, seat_of = _solve(meeting, {"together_mode": "table", "keep_together": [["G090", "G002"]]})
    assert seat_of["G002"] == protocol_seat["G002"]  # the senior keeps his place at the main table
    assert _table(problem, seat_of["G090"]) == _table(problem, protocol_seat["G002"]) == 1


def test_keep_apart_sends_the_junior_one_table_down_to_its_best_free_place(meeting: Meeting, protocol_seat: dict[str, str]) -> None:
    # G003 and G004 share the main table in protocol order
    assert _table(build_problem(meeting), protocol_seat["G003"]) == _table(build_problem(meeting), protocol_seat["G004"])
    problem, seat_of = _solve(meeting, {"apart_mode": "table", "keep_apart": [["G004", "G003"]]})
    assert seat_of["G003"] == protocol_seat["G003"]
    home = _table(problem, protocol_seat["G004"])
    assert _table(problem, seat_of["G004"]) == home + 1
    # the best place at that table that is not a host's: nobody junior sits above him there
    there = [a for a, s in seat_of.items() if _table(problem, s) == home + 1 and a.startswith("G")]
    assert min(there, key=lambda a: problem.seat(seat_of[a]).number) == "G004"


def test_nobody_moved_for_a_request_goes_more_than_one_table_down(meeting: Meeting, protocol_seat: dict[str, str]) -> None:
    rules = {
        "together_mode": "table",
        "apart_mode": "table",
        "keep_together": [["G010", "G100", "G101"]],
        "keep_apart": [["G003", "G004"], ["G020", "G021"]],
    }
    problem, seat_of = _solve(meeting, rules)
    for a, sid in seat_of.items():
        assert _table(problem, sid) <= _table(problem, protocol_seat[a]) + 1, a
    assert _table(problem, seat_of["G100"]) == _table(problem, seat_of["G101"]) == _table(problem, protocol_seat["G010"])
    # at every table the guests sit in precedence order (R-BNQ-7)
    by_table: dict[int, list[tuple[int, int]]] = {}
    for a in problem.attendees:
        if a.side != "host" and a.id in seat_of:
            seat = problem.seat(seat_of[a.id])
            by_table.setdefault(_table(problem, seat.id), []).append((seat.number, a.rank))
    for rows in by_table.values():
        ranks = [r for _, r in sorted(rows)]
        assert ranks == sorted(ranks)


def test_the_checker_finds_guests_out_of_order_at_a_table(meeting: Meeting) -> None:
    from seatplan.check import ViolationKind
    from seatplan.model import Plan

    problem = build_problem(with_rules(meeting, {"apart_mode": "table", "keep_apart": [["G004", "G003"]]}))
    plan = solve(problem).require_plan()
    seat_of = dict(plan.seat_of)
    seat_of["G005"], seat_of["G006"] = seat_of["G006"], seat_of["G005"]  # same table, places swapped
    (bad,) = check_plan(problem, Plan(seat_of=seat_of, unseated=plan.unseated))
    assert bad.kind is ViolationKind.TABLE_ORDER and set(bad.attendees) == {"G005", "G006"}
    assert "R-BNQ-7" in bad.message


def test_a_late_change_at_a_banquet_with_requests_moves_nobody(meeting: Meeting) -> None:
    from seatplan.replan import Change, ChangeKind, replan

    problem = build_problem(with_rules(meeting, {"together_mode": "table", "keep_together": [["G002", "G090"]]}))
    plan = solve(problem).require_plan()
    changes = [
        Change(ChangeKind.ABSENT, who="G030"),
        Change(ChangeKind.ADD, name="林思远", unit=problem.attendee("G030").unit, rank=200),
    ]
    result, report = replan(problem, plan, changes, card_sections=("banquet",))
    assert result.status is SolveStatus.OPTIMAL and result.objective == 0
    new_plan = result.require_plan()
    assert check_plan(report.problem, new_plan) == []
    (added,) = report.added
    assert new_plan.seat_of[added[0]] == plan.seat_of["G030"]  # the free place of his unit's absent guest
    assert all(new_plan.seat_of[a] == s for a, s in plan.seat_of.items() if a != "G030")


def test_a_western_long_table_stays_strict_and_explains_an_unmet_request() -> None:
    western = load_meeting(EXAMPLE.parent.parent / "banquet-western" / "plan.toml")
    plain = build_problem(western)
    zone = next(z for z in plain.zones if z.name == "banquet")
    at_table = [a for a, s in zip(zone.attendee_ids, zone.seat_ids) if "stool" not in plain.seat(s).tags]
    first, last = at_table[2], at_table[-1]  # the host's right and the lowest place at the table
    problem = build_problem(with_rules(western, {"keep_together": [[first, last]]}))
    assert next(z for z in problem.zones if z.name == "banquet").strict  # men/women and couples stay as laid
    result = solve(problem)
    assert result.status is SolveStatus.INFEASIBLE and result.plan is None
    assert any(first in c.people and last in c.people for c in result.explanation)


def test_a_late_addition_at_a_banquet_takes_the_free_place_nearest_his_precedence(meeting: Meeting) -> None:
    from seatplan.replan import Change, ChangeKind, replan

    problem = build_problem(with_rules(meeting, {"together_mode": "table", "keep_together": [["G002", "G090"]]}))
    plan = solve(problem).require_plan()
    unit = problem.attendee("G010").unit
    changes = [
        Change(ChangeKind.ABSENT, who="G010"),  # a chairman near the top: his unit's place
        Change(ChangeKind.ABSENT, who="G100"),  # a guest near the end
        Change(ChangeKind.ADD, name="林思远", unit=unit, rank=101),
    ]
    result, report = replan(problem, plan, changes, card_sections=("banquet",))
    new_plan = result.require_plan()
    (added,) = report.added
    assert new_plan.seat_of[added[0]] == plan.seat_of["G100"]  # not the chairman's place of his unit
    assert check_plan(report.problem, new_plan) == []


def test_side_by_side_at_tables_ignores_stools_and_the_far_end_of_a_french_table() -> None:
    intl = build_problem(load_meeting(EXAMPLE.parent.parent / "banquet-intl" / "plan.toml"))
    assert "t01-s03" in intl.neighbours["t01-s01"]  # the guest of honour at the host's right
    stools = [s.id for s in intl.seats if "stool" in s.tags]
    assert stools and all(intl.neighbours[s] == () for s in stools)
    assert not any(set(stools) & set(v) for v in intl.neighbours.values())
    western = build_problem(load_meeting(EXAMPLE.parent.parent / "banquet-western" / "plan.toml"))
    for sid, near in western.neighbours.items():
        seat = western.seat(sid)
        for other in near:  # never two chairs facing each other across the table's end
            assert abs((western.seat(other).facing - seat.facing + 180) % 360 - 180) < 135
    at_table = [k for k in western.neighbours if "stool" not in western.seat(k).tags]
    ends = [k for k in at_table if len(western.neighbours[k]) == 1]
    assert len(ends) == 4 and all(len(western.neighbours[k]) == 2 for k in at_table if k not in ends)  # the four corners


def test_three_who_must_not_share_a_table_are_spread_over_three(meeting: Meeting, protocol_seat: dict[str, str]) -> None:
    problem, seat_of = _solve(meeting, {"apart_mode": "table", "keep_apart": [["G002", "G003", "G004"]]})
    tables = [_table(problem, seat_of[a]) for a in ("G002", "G003", "G004")]
    assert len(set(tables)) == 3
    assert seat_of["G002"] == protocol_seat["G002"]  # the senior keeps his place


def test_a_principal_with_an_interpreter_behind_him_keeps_his_place() -> None:
    intl = load_meeting(EXAMPLE.parent.parent / "banquet-intl" / "plan.toml")
    plain = build_problem(intl)
    before = dict(solve(plain).require_plan().seat_of)
    stools = [s for s in plain.seats if "stool" in s.tags and s.id in before.values()]
    assert stools
    problem = build_problem(with_rules(intl, {"apart_mode": "table", "keep_apart": [["H01", "G01"]]}))
    for stool in stools:
        front = min((s for s in plain.seats if s.table == stool.table and "stool" not in s.tags),
                    key=lambda s: (s.x - stool.x) ** 2 + (s.y - stool.y) ** 2)
        principal = next(a for a, s in before.items() if s == front.id)
        assert problem.constraints.pins[principal] == front.id
    # the host and the guest of honour (who has an interpreter behind him) cannot be parted
    result = solve(problem)
    assert result.status is SolveStatus.INFEASIBLE
    assert any({"H01", "G01"} <= set(c.people) and "fix their seats" in c.message for c in result.explanation)


def test_a_reserved_place_inside_a_western_table_is_refused_with_a_fix() -> None:
    from seatplan.errors import PlanFileError

    western = load_meeting(EXAMPLE.parent.parent / "banquet-western" / "plan.toml")
    with pytest.raises(PlanFileError, match=r"R-BNQ-12") as info:
        build_problem(with_rules(western, {"reserved": ["1号桌 3号"]}))
    assert info.value.location.field == "rules.reserved" and info.value.hint
