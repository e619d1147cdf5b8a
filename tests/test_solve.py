"""The solver: every rule alone and together, explanations, determinism; every plan graded by check_plan.

Halls here are built in plain Python: rows of seats (x to the right = audience
view left→right, y towards the stage, row 1 at the front), blocks separated by
aisles. The fill order is row by row, left to right (横排法, R-AUD-2).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

import pytest

from seatplan.check import check_plan, plan_cost, summarise_violations
from seatplan.errors import InfeasiblePlanError
from seatplan.model import (
    Attendee,
    Layout,
    Plan,
    Result,
    Seat,
    SeatingProblem,
    SolveStatus,
    Venue,
    Zone,
)
from seatplan.model.problem import Constraints, PairMode, PeopleGroup, Weights
from seatplan.solve import solve

# ------------------------------------------------------------------------------- helpers


def hall(rows: int, blocks: Sequence[int], *, tags: Mapping[str, set[str]] | None = None, section: str = "floor") -> list[Seat]:
    """Theatre rows: ``blocks`` seats per block, 0.55 m pitch, 1.2 m aisles; ids ``r01s003``."""
    tags = tags or {}
    seats = []
    for r in range(1, rows + 1):
        x, k = 0.0, 0
        for n in blocks:
            for _ in range(n):
                k += 1
                sid = f"r{r:02d}s{k:03d}"
                seats.append(Seat(sid, section, r, k, x=round(x, 3), y=round(-0.9 * r, 3), tags=frozenset(tags.get(sid, ()))))
                x += 0.55
            x += 1.2
    return seats


def make_problem(
    seats: Sequence[Seat],
    units: Sequence[tuple[str, int]],
    constraints: Constraints | None = None,
    *,
    needs: Mapping[str, set[str]] | None = None,
    strict: bool = False,
    allow_unseated: bool = False,
    dais: Sequence[Seat] = (),
    dais_people: int = 0,
) -> SeatingProblem:
    """People ``P001``… unit by unit (name = unit + number, rank within the unit)."""
    needs = needs or {}
    people = []
    n = 0
    for unit, count in units:
        for k in range(1, count + 1):
            n += 1
            aid = f"P{n:03d}"
            people.append(Attendee(aid, f"{unit}{k}", unit=unit, rank=k, needs=frozenset(needs.get(aid, ()))))
    leaders = [Attendee(f"D{k:02d}", f"领导{k}", unit="县委", rank=k, section="dais", needs=frozenset(needs.get(f"D{k:02d}", ()))) for k in range(1, dais_people + 1)]
    zones = [Zone("floor", tuple(s.id for s in seats), tuple(a.id for a in people), strict=strict)]
    if dais:
        zones.insert(0, Zone("dais", tuple(s.id for s in dais), tuple(a.id for a in leaders)))
    return SeatingProblem(
        Layout(Venue.rectangle(40, 40), tuple(dais) + tuple(seats)),
        tuple(leaders + people),
        tuple(zones),
        allow_unseated=allow_unseated,
        constraints=constraints or Constraints(),
    )


def dais_row(n: int) -> list[Seat]:
    return [Seat(f"dais-r1-s{k:02d}", "dais", 1, k, x=10.0 + k, y=5.0, facing=270.0) for k in range(1, n + 1)]


def solved(problem: SeatingProblem, **kwargs: object) -> Result:
    """Solve, then grade the plan independently: valid, and its cost is the reported objective."""
    result = solve(problem, **kwargs)  # type: ignore[arg-type]
    plan = result.require_plan()
    violations = check_plan(problem, plan)
    assert violations == [], summarise_violations(violations)
    assert plan_cost(problem, plan) == result.objective
    assert result.status in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE)
    assert result.bound <= result.objective
    return result


def rows_of(problem: SeatingProblem, plan: Plan) -> list[list[str]]:
    """Names row by row, audience view left to right; '-' for an empty seat."""
    occupant = plan.occupant_of()
    out: dict[int, list[tuple[float, str]]] = {}
    for s in problem.seats:
        if s.section == "floor":
            who = problem.attendee(occupant[s.id]).name if s.id in occupant else "-"
            out.setdefault(s.row, []).append((s.x, who))
    return [[w for _, w in sorted(r)] for _, r in sorted(out.items())]


# ------------------------------------------------------------------------------- the plain fill


def test_no_rules_is_the_protocol_fill() -> None:
    p = make_problem(hall(2, [3, 2]), [("甲", 4), ("乙", 3)])
    r = solved(p)
    assert r.status is SolveStatus.OPTIMAL and r.objective == 0
    assert rows_of(p, r.plan) == [["甲1", "甲2", "甲3", "甲4", "乙1"], ["乙2", "乙3", "-", "-", "-"]]  # T12-like


def test_strict_zone_merges_and_skips_reserved_seats() -> None:
    seats = hall(1, [5])
    p = make_problem(seats, [("甲", 3)], Constraints(reserved=frozenset({"r01s002"})), strict=True)
    r = solved(p)
    assert rows_of(p, r.plan) == [["甲1", "-", "甲2", "甲3", "-"]]


def test_capacity_conflict_names_people() -> None:
    p = make_problem(hall(1, [3]), [("甲", 5)], Constraints(reserved=frozenset({"r01s001"})))
    r = solve(p)
    assert r.status is SolveStatus.INFEASIBLE and r.plan is None
    (c,) = r.explanation
    assert c.rule == "capacity" and "3 seats, 1 of them reserved, so 2 open" in c.message and "甲3" in c.message and len(c.people) == 3
    # a pinned person has his seat: he is counted on neither side
    pinned = make_problem(hall(1, [3]), [("甲", 5)], Constraints(reserved=frozenset({"r01s001"}), pins={"P001": "r01s002"}))
    (c,) = solve(pinned).explanation
    assert "2 seats, 1 of them reserved, so 1 open for 4 people (besides 1 pinned); 3 cannot be seated" in c.message
    with pytest.raises(InfeasiblePlanError, match="cannot be seated"):
        r.require_plan()


def test_allow_unseated_lists_the_last_in_order() -> None:
    p = make_problem(hall(1, [3]), [("甲", 5)], allow_unseated=True)
    r = solved(p)
    assert set(r.plan.unseated) == {"P004", "P005"} and "no seat left" in r.plan.unseated["P004"]


# ------------------------------------------------------------------------------- pins and reserved seats


def test_pin_is_skipped_over_by_the_fill() -> None:
    p = make_problem(hall(1, [6]), [("甲", 3), ("乙", 2)], Constraints(pins={"P005": "r01s002"}))
    r = solved(p)
    assert rows_of(p, r.plan) == [["甲1", "乙2", "甲2", "甲3", "乙1", "-"]]
    assert r.objective == 0  # pinned people leave the order; the rest keep it


def test_reserved_seats_stay_empty_and_are_skipped() -> None:
    p = make_problem(hall(2, [4]), [("甲", 5)], Constraints(reserved=frozenset({"r01s001", "r01s004"})))
    r = solved(p)
    assert rows_of(p, r.plan) == [["-", "甲1", "甲2", "-"], ["甲3", "甲4", "甲5", "-"]]


@pytest.mark.parametrize(
    ("constraints", "words"),
    [
        (Constraints(pins={"P001": "r01s001", "P002": "r01s001"}), "are all pinned to"),
        (Constraints(pins={"P001": "r01s001"}, reserved=frozenset({"r01s001"})), "which is reserved"),
    ],
)
def test_pin_conflicts(constraints: Constraints, words: str) -> None:
    r = solve(make_problem(hall(1, [4]), [("甲", 2)], constraints))
    assert r.status is SolveStatus.INFEASIBLE and words in r.explanation[0].message
    assert r.explanation[0].rule == "pin"


def test_pin_to_another_zone_is_a_conflict() -> None:
    p = make_problem(hall(1, [4]), [("甲", 2)], Constraints(pins={"P001": "dais-r1-s01"}), dais=dais_row(2), dais_people=2)
    r = solve(p)
    assert r.status is SolveStatus.INFEASIBLE and "belongs to zone 'dais'" in r.explanation[0].message


def test_pin_against_strict_order_is_a_conflict() -> None:
    p = make_problem(hall(1, [4]), [("甲", 2)], Constraints(pins={"D01": "dais-r1-s02"}), dais=dais_row(2), dais_people=2)
    r = solve(p)
    assert r.status is SolveStatus.INFEASIBLE
    assert "strict protocol order" in r.explanation[0].message and "领导1" in r.explanation[0].message


# ------------------------------------------------------------------------------- seat needs


def test_need_is_placed_individually_at_the_nearest_tagged_seat() -> None:
    seats = hall(2, [3, 3], tags={"r01s003": {"aisle"}, "r02s006": {"wheelchair"}})
    p = make_problem(seats, [("甲", 4), ("乙", 4)], needs={"P002": {"aisle"}, "P007": {"wheelchair"}})
    r = solved(p)
    plan = r.require_plan()
    assert plan.seat_of["P002"] == "r01s003" and plan.seat_of["P007"] == "r02s006"
    assert r.status is SolveStatus.OPTIMAL


def test_too_many_needs_for_the_tagged_seats() -> None:
    seats = hall(2, [4], tags={"r02s004": {"wheelchair"}, "r01s001": {"wheelchair"}})
    p = make_problem(seats, [("县财政局", 5)], Constraints(reserved=frozenset({"r01s001"})), needs={"P001": {"wheelchair"}, "P003": {"wheelchair"}})
    r = solve(p)
    assert r.status is SolveStatus.INFEASIBLE
    (c,) = r.explanation
    assert c.rule == "needs" and "2 people need a seat marked 'wheelchair'" in c.message and "has 1 such seat " in c.message
    assert set(c.people) == {"P001", "P003"}


def test_need_in_a_strict_zone_is_checked_against_protocol_order() -> None:
    dais = dais_row(2)
    p = make_problem(hall(1, [3]), [("甲", 1)], needs={"D01": {"wheelchair"}}, dais=dais, dais_people=2)
    r = solve(p)
    assert r.status is SolveStatus.INFEASIBLE and r.explanation[0].rule == "needs"


# ------------------------------------------------------------------------------- units, wrap, fill order


def test_units_stay_in_blocks_around_an_individual() -> None:
    seats = hall(1, [8], tags={"r01s002": {"wheelchair"}})
    p = make_problem(seats, [("甲", 3), ("乙", 4)], needs={"P006": {"wheelchair"}})
    r = solved(p)
    assert rows_of(p, r.plan) == [["甲1", "乙3", "甲2", "甲3", "乙1", "乙2", "乙4", "-"]]


def test_wrap_false_starts_a_unit_on_a_new_row() -> None:
    p = make_problem(hall(3, [4]), [("甲", 3), ("乙", 3), ("丙", 2)], Constraints(wrap=False))
    r = solved(p)
    assert rows_of(p, r.plan) == [["甲1", "甲2", "甲3", "-"], ["乙1", "乙2", "乙3", "-"], ["丙1", "丙2", "-", "-"]]


def test_wrap_false_lets_a_long_unit_start_a_row() -> None:
    p = make_problem(hall(3, [3]), [("甲", 2), ("乙", 5)], Constraints(wrap=False))
    r = solved(p)
    assert rows_of(p, r.plan) == [["甲1", "甲2", "-"], ["乙1", "乙2", "乙3"], ["乙4", "乙5", "-"]]


def test_wrap_false_keeps_needs_inside_the_block() -> None:
    seats = hall(2, [3], tags={"r02s003": {"wheelchair"}})
    p = make_problem(seats, [("县财政局", 3), ("乙", 2)], Constraints(wrap=False), needs={"P002": {"wheelchair"}})
    r = solve(p)
    assert r.status is SolveStatus.INFEASIBLE
    assert "block of unit 『县财政局』" in r.explanation[0].message and "wrap = false" in r.explanation[0].message


def test_without_unit_blocks_one_run() -> None:
    seats = hall(1, [6], tags={"r01s006": {"aisle"}})
    p = make_problem(seats, [("甲", 3), ("乙", 3)], Constraints(contiguous=False), needs={"P001": {"aisle"}})
    r = solved(p)
    assert r.plan.seat_of["P001"] == "r01s006"


# ------------------------------------------------------------------------------- keep-apart / keep-together


def test_keep_apart_in_one_unit_costs_one_swap() -> None:
    p = make_problem(hall(1, [6]), [("甲", 5)], Constraints(keep_apart=(PeopleGroup(("P002", "P003")),)))
    r = solved(p)
    row = rows_of(p, r.plan)[0]
    assert abs(row.index("甲2") - row.index("甲3")) > 1 and r.objective == 2


def test_keep_apart_across_an_aisle_is_met() -> None:
    p = make_problem(hall(1, [2, 2]), [("甲", 4)], Constraints(keep_apart=(PeopleGroup(("P002", "P003")),)))
    r = solved(p)
    assert r.objective == 0  # seats 2 and 3 are on both sides of the aisle: not side by side


def test_keep_apart_of_two_lone_units_is_explained() -> None:
    p = make_problem(hall(1, [4]), [("甲", 1), ("乙", 1)], Constraints(keep_apart=(PeopleGroup(("P001", "P002"), source="rules.keep_apart[0]"),)))
    r = solve(p)
    assert r.status is SolveStatus.INFEASIBLE
    text = "; ".join(c.message for c in r.explanation)
    assert "cannot all hold together" in r.explanation[0].message and "rules.keep_apart[0]" in text
    assert {c.rule for c in r.explanation} == {"keep-apart", "unit-block"}
    assert "published unit order" in text


def test_keep_together_pulls_a_member_next_to_another() -> None:
    p = make_problem(hall(1, [6]), [("甲", 5)], Constraints(keep_together=(PeopleGroup(("P001", "P004")),)))
    r = solved(p)
    row = rows_of(p, r.plan)[0]
    assert abs(row.index("甲1") - row.index("甲4")) == 1


def test_keep_together_with_a_wheelchair_user_follows_him() -> None:
    seats = hall(2, [4], tags={"r02s004": {"wheelchair"}})
    p = make_problem(seats, [("甲", 5)], Constraints(keep_together=(PeopleGroup(("P001", "P002")),)), needs={"P001": {"wheelchair"}})
    r = solved(p)
    assert r.plan.seat_of["P001"] == "r02s004" and r.plan.seat_of["P002"] == "r02s003"


def test_keep_together_group_larger_than_any_run() -> None:
    members = tuple(f"P{k:03d}" for k in range(1, 15))
    p = make_problem(hall(3, [6, 6]), [("县财政局", 14)], Constraints(keep_together=(PeopleGroup(members, source="rules.keep_together[0]"),)))
    r = solve(p)
    assert r.status is SolveStatus.INFEASIBLE
    msg = r.explanation[0].message
    assert "has 14 people" in msg and "largest block of seats side by side" in msg and "is 6" in msg


def test_keep_together_across_zones_is_a_conflict() -> None:
    p = make_problem(hall(1, [3]), [("甲", 2)], Constraints(keep_together=(PeopleGroup(("P001", "D01")),)), dais=dais_row(1), dais_people=1)
    r = solve(p)
    assert r.status is SolveStatus.INFEASIBLE and "different zones" in r.explanation[0].message


def test_apart_fixed_by_strict_order_is_a_conflict() -> None:
    p = make_problem(hall(1, [3]), [("甲", 1)], Constraints(keep_apart=(PeopleGroup(("D01", "D02")),)), dais=dais_row(2), dais_people=2)
    r = solve(p)
    assert r.status is SolveStatus.INFEASIBLE and "protocol order and pins fix their seats" in r.explanation[0].message


def test_apart_from_a_pinned_person() -> None:
    p = make_problem(hall(1, [6]), [("甲", 5)], Constraints(pins={"P001": "r01s003"}, keep_apart=(PeopleGroup(("P001", "P003")),)))
    r = solved(p)
    assert r.plan.seat_of["P003"] not in ("r01s002", "r01s004")


def test_soft_preferences_trade_against_order() -> None:
    apart = PeopleGroup(("P001", "P002"), hard=False)
    cheap = make_problem(hall(1, [4]), [("甲", 3)], Constraints(keep_apart=(apart,), weights=Weights(order=1, apart=1)))
    assert solved(cheap).objective == 1  # keeping the order and paying 1 beats moving (2)
    dear = make_problem(hall(1, [4]), [("甲", 3)], Constraints(keep_apart=(apart,), weights=Weights(order=1, apart=5)))
    r = solved(dear)
    assert r.objective == 2 and rows_of(dear, r.plan)[0][:3] != ["甲1", "甲2", "甲3"]
    together = PeopleGroup(("P001", "P003"), hard=False)
    tog = make_problem(hall(1, [4]), [("甲", 3)], Constraints(keep_together=(together,), weights=Weights(order=1, together=10)))
    assert solved(tog).objective == 2


def test_same_table_groups() -> None:
    seats = [
        Seat(f"t{t}-{k}", "floor", 1, k, x=10.0 * t + round(__import__("math").cos(k), 3), y=round(__import__("math").sin(k), 3), table=str(t))
        for t in (1, 2)
        for k in range(1, 5)
    ]
    apart = PeopleGroup(("P001", "P002"), mode=PairMode.TABLE)
    together = PeopleGroup(("P003", "P008"), mode=PairMode.TABLE)
    p = make_problem(seats, [("甲", 8)], Constraints(keep_apart=(apart,), keep_together=(together,), contiguous=False))
    r = solved(p)
    table = {a: p.seat(s).table for a, s in r.plan.seat_of.items()}
    assert table["P001"] != table["P002"] and table["P003"] == table["P008"]


# ------------------------------------------------------------------------------- combination and determinism


def combined_problem() -> SeatingProblem:
    seats = hall(4, [5, 8, 5], tags={"r03s001": {"wheelchair"}, "r04s018": {"wheelchair"}, "r02s013": {"interpreter"}})
    c = Constraints(
        pins={"P010": "r01s009"},
        reserved=frozenset({"r01s001", "r01s002"}),
        keep_apart=(PeopleGroup(("P003", "P004")), PeopleGroup(("P020", "P021", "P022"), hard=False)),
        keep_together=(PeopleGroup(("P030", "P031")), PeopleGroup(("P040", "P045"))),
    )
    return make_problem(
        seats,
        [("甲", 12), ("乙", 15), ("丙", 10), ("丁", 14)],
        c,
        needs={"P030": {"wheelchair"}, "P025": {"interpreter"}, "P050": {"wheelchair"}},
    )


def test_everything_together() -> None:
    p = combined_problem()
    r = solved(p)
    assert r.status is SolveStatus.OPTIMAL
    plan = r.plan
    assert plan.seat_of["P010"] == "r01s009" and plan.seat_of["P025"] == "r02s013"
    assert {plan.seat_of["P030"], plan.seat_of["P050"]} == {"r03s001", "r04s018"}


def test_same_input_same_plan() -> None:
    a, b = solve(combined_problem()), solve(combined_problem())
    assert a.plan == b.plan and a.objective == b.objective


def test_together_across_units_is_explained_by_unit_order() -> None:
    p = make_problem(hall(2, [6]), [("甲", 3), ("乙", 3), ("丙", 3)], Constraints(keep_together=(PeopleGroup(("P001", "P009"), source="rules.keep_together[0]"),)))
    r = solve(p)
    assert r.status is SolveStatus.INFEASIBLE
    text = "; ".join(c.message for c in r.explanation)
    assert "cannot all hold together" in r.explanation[0].message
    assert "rules.keep_together[0]" in text and "unit 『甲』" in text and "unit 『丙』" in text


def test_time_limit_is_accepted() -> None:
    r = solve(combined_problem(), time_limit=30.0, seed=3)
    assert check_plan(combined_problem(), r.require_plan()) == []


def test_check_finds_a_broken_solver_plan() -> None:
    """The checker is not a rubber stamp: break a solved plan and it objects."""
    p = combined_problem()
    plan = solve(p).require_plan()
    seat_of = dict(plan.seat_of)
    seat_of["P010"], seat_of["P011"] = seat_of["P011"], seat_of["P010"]
    kinds = {v.kind for v in check_plan(p, dataclasses.replace(plan, seat_of=seat_of))}
    assert "pin" in kinds
