"""check_plan: every rule, broken on purpose by hand-made plans; plan_cost by hand."""

from __future__ import annotations

import pytest

from seatplan.check import ViolationKind, check_plan, group_cost, plan_cost
from seatplan.model import Plan
from seatplan.model.problem import Constraints, PairMode, PeopleGroup, Weights
from tests.test_solve import dais_row, hall, make_problem


def kinds(problem, seat_of, unseated=None):  # type: ignore[no-untyped-def]
    return {v.kind for v in check_plan(problem, Plan(seat_of=seat_of, unseated=unseated or {}))}


def row(*seats: int, r: int = 1) -> list[str]:
    return [f"r{r:02d}s{k:03d}" for k in seats]


def plan_of(ids: list[str], seats: list[str]) -> dict[str, str]:
    return dict(zip(ids, seats))


P = [f"P{k:03d}" for k in range(1, 10)]


def test_a_valid_plan_has_no_violation() -> None:
    p = make_problem(hall(1, [4]), [("甲", 3)])
    assert check_plan(p, Plan(seat_of=plan_of(P[:3], row(1, 2, 3)))) == []


def test_bookkeeping_violations() -> None:
    p = make_problem(hall(1, [4]), [("甲", 3)])
    assert ViolationKind.LOST in kinds(p, plan_of(P[:2], row(1, 2)))
    assert ViolationKind.BOTH in kinds(p, plan_of(P[:3], row(1, 2, 3)), {"P003": "x"})
    assert ViolationKind.SHARED_SEAT in kinds(p, plan_of(P[:3], row(1, 1, 2)))
    assert ViolationKind.UNKNOWN_SEAT in kinds(p, {**plan_of(P[:2], row(1, 2)), "P003": "nowhere"})
    assert ViolationKind.UNKNOWN_ATTENDEE in kinds(p, {**plan_of(P[:3], row(1, 2, 3)), "X": "r01s004"})


def test_strict_order_and_gap() -> None:
    p = make_problem(hall(1, [4]), [("甲", 3)], strict=True)
    assert kinds(p, plan_of(P[:3], row(2, 1, 3))) == {ViolationKind.ORDER}
    assert kinds(p, plan_of(P[:3], row(1, 2, 4))) == {ViolationKind.GAP}
    reserved = make_problem(hall(1, [4]), [("甲", 3)], Constraints(reserved=frozenset({"r01s002"})), strict=True)
    assert kinds(reserved, plan_of(P[:3], row(1, 3, 4))) == set()


def test_pin_reserved_need() -> None:
    seats = hall(1, [4], tags={"r01s004": {"wheelchair"}})
    p = make_problem(seats, [("甲", 3)], Constraints(pins={"P001": "r01s003"}, reserved=frozenset({"r01s002"})), needs={"P003": {"wheelchair"}})
    assert kinds(p, plan_of(P[:3], row(3, 1, 4))) == set()
    assert ViolationKind.PIN in kinds(p, plan_of(P[:3], row(1, 3, 4)))
    assert ViolationKind.RESERVED in kinds(p, plan_of(P[:3], row(3, 2, 4)))
    assert ViolationKind.NEED in kinds(p, plan_of(P[:3], row(3, 4, 1)))
    assert ViolationKind.PIN in kinds(p, plan_of(P[1:3], row(1, 4)), {"P001": "no seat"})


def test_fill_order_front_to_back() -> None:
    p = make_problem(hall(2, [3]), [("甲", 3)])
    assert kinds(p, plan_of(P[:3], row(1, 2, 3))) == set()
    assert ViolationKind.FILL in kinds(p, plan_of(P[:3], row(1, 2) + row(1, r=2)))
    assert ViolationKind.FILL in kinds(p, plan_of(P[:3], row(1, 3) + row(1, r=2)))


def test_fill_order_lets_individually_placed_people_sit_further_back() -> None:
    seats = hall(2, [3], tags={"r02s003": {"wheelchair"}})
    p = make_problem(seats, [("甲", 3)], needs={"P002": {"wheelchair"}})
    assert kinds(p, plan_of(P[:3], ["r01s001", "r02s003", "r01s002"])) == set()


def test_unit_blocks_and_order() -> None:
    p = make_problem(hall(1, [6]), [("甲", 2), ("乙", 2)])
    assert kinds(p, plan_of(P[:4], row(1, 2, 3, 4))) == set()
    assert ViolationKind.UNIT_BLOCK in kinds(p, plan_of(P[:4], row(1, 3, 2, 4)))
    assert ViolationKind.UNIT_ORDER in kinds(p, plan_of(P[:4], row(3, 4, 1, 2)))
    loose = make_problem(hall(1, [6]), [("甲", 2), ("乙", 2)], Constraints(contiguous=False))
    assert kinds(loose, plan_of(P[:4], row(3, 4, 1, 2))) == set()


def test_unit_blocks_skip_pinned_and_individual_seats() -> None:
    seats = hall(1, [6], tags={"r01s002": {"aisle"}})
    p = make_problem(seats, [("甲", 3), ("乙", 2)], Constraints(pins={"P004": "r01s003"}), needs={"P005": {"aisle"}})
    assert kinds(p, plan_of(P[:5], row(1, 4, 5, 3, 2))) == set()


def test_wrap() -> None:
    p = make_problem(hall(3, [3]), [("甲", 2), ("乙", 2)], Constraints(wrap=False))
    assert kinds(p, plan_of(P[:4], row(1, 2) + row(1, 2, r=2))) == set()
    assert ViolationKind.WRAP in kinds(p, plan_of(P[:4], row(1, 2, 3) + row(1, r=2)))
    # an empty row end is allowed only when the next unit did not fit there
    small = make_problem(hall(3, [3]), [("甲", 2), ("乙", 1)], Constraints(wrap=False))
    assert ViolationKind.FILL in kinds(small, plan_of(P[:3], row(1, 2) + row(1, r=2)))
    assert kinds(small, plan_of(P[:3], row(1, 2, 3))) == set()


def test_groups() -> None:
    apart = PeopleGroup(("P001", "P002"))
    together = PeopleGroup(("P001", "P003"))
    p = make_problem(hall(1, [2, 2]), [("甲", 4)], Constraints(keep_apart=(apart,), keep_together=(together,), contiguous=False))
    assert kinds(p, plan_of(P[:4], row(1, 3, 2, 4))) == set()  # seats 2 and 3 are across the aisle
    assert ViolationKind.APART in kinds(p, plan_of(P[:4], row(2, 1, 3, 4)))
    assert ViolationKind.TOGETHER in kinds(p, plan_of(P[:4], row(2, 4, 3, 1)))
    soft = make_problem(hall(1, [4]), [("甲", 3)], Constraints(keep_apart=(PeopleGroup(("P001", "P002"), hard=False),)))
    assert kinds(soft, plan_of(P[:3], row(1, 2, 3))) == set()


def test_together_group_must_be_one_piece() -> None:
    g = PeopleGroup(("P001", "P002", "P003", "P004"))
    p = make_problem(hall(1, [6]), [("甲", 4)], Constraints(keep_together=(g,), contiguous=False))
    assert ViolationKind.TOGETHER not in kinds(p, plan_of(P[:4], row(3, 4, 5, 6)))
    assert ViolationKind.TOGETHER in kinds(p, plan_of(P[:4], row(1, 2, 4, 5)))


def test_table_groups() -> None:
    from seatplan.model import Seat

    seats = [Seat(f"t{t}s{k}", "floor", 1, k, x=5.0 * t + k * 0.1, y=float(k % 2), table=str(t)) for t in (1, 2) for k in (1, 2, 3)]
    apart = PeopleGroup(("P001", "P002"), mode=PairMode.TABLE)
    p = make_problem(seats, [("甲", 2)], Constraints(keep_apart=(apart,), contiguous=False))
    assert ViolationKind.APART in kinds(p, {"P001": "t1s1", "P002": "t1s3"})
    assert group_cost(p, Plan(seat_of={"P001": "t1s1", "P002": "t2s1"}), "apart", apart) == 0


@pytest.mark.parametrize(
    ("seat_of", "cost"),
    [
        (plan_of(P[:3], row(1, 2, 3)), 0),
        (plan_of(P[:3], row(2, 1, 3)), 2),  # two people one seat off
        (plan_of(P[:3], row(3, 2, 1)), 4),
    ],
)
def test_plan_cost_is_displacement(seat_of: dict[str, str], cost: int) -> None:
    p = make_problem(hall(1, [4]), [("甲", 3)], Constraints(weights=Weights(order=1)))
    assert plan_cost(p, Plan(seat_of=seat_of)) == cost


def test_plan_cost_counts_soft_groups() -> None:
    apart = PeopleGroup(("P001", "P002"), hard=False)
    together = PeopleGroup(("P001", "P003"), hard=False)
    p = make_problem(hall(1, [4]), [("甲", 3)], Constraints(keep_apart=(apart,), keep_together=(together,), weights=Weights(order=1, apart=7, together=5)))
    assert plan_cost(p, Plan(seat_of=plan_of(P[:3], row(1, 2, 3)))) == 7 + 5


def test_strict_dais_with_floor() -> None:
    p = make_problem(hall(1, [3]), [("甲", 2)], dais=dais_row(2), dais_people=2)
    good = {"D01": "dais-r1-s01", "D02": "dais-r1-s02", "P001": "r01s001", "P002": "r01s002"}
    assert kinds(p, good) == set()
    assert ViolationKind.WRONG_ZONE in kinds(p, {**good, "P002": "dais-r1-s02", "D02": "r01s002"})
