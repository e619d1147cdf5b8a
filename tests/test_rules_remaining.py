"""Rule-book rules added late: multilateral talks (R-MTG-5).

The example ``examples/talks-multilateral`` is solved through the command line
and the order round the table is read back from ``seats.csv`` (x, y in the
plan frame, main door at the bottom).
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest

from seatplan.cli import main
from seatplan.errors import PlanFileError, ValidationError
from seatplan.io.plan_file import load_meeting
from seatplan.model import Seat
from seatplan.pipeline import build_problem
from seatplan.protocol.talks import order_delegations, rank_behind, rank_round_table

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "talks-multilateral"


def test_order_delegations_english_ignores_case_accents_articles() -> None:
    names = ["Viet Nam", "the Netherlands", "Ägypten", "brazil", "Cambodia"]
    assert order_delegations(names) == ["Ägypten", "brazil", "Cambodia", "the Netherlands", "Viet Nam"]


def test_order_delegations_french_articles_and_explicit_order() -> None:
    assert order_delegations(["le Viet Nam", "la France", "l'Égypte", "Belgique"], language="fr") == [
        "Belgique",
        "l'Égypte",
        "la France",
        "le Viet Nam",
    ]
    assert order_delegations(["A", "B", "C"], order=["C", "A", "B"]) == ["C", "A", "B"]
    with pytest.raises(ValidationError):
        order_delegations(["A", "B"], order=["A"])
    with pytest.raises(ValidationError):
        order_delegations(["A"], language="xx")


def test_rank_round_table_starts_facing_the_door_and_goes_clockwise() -> None:
    seats = []
    for k, deg in enumerate([0, 90, 180, 270]):  # east, north, west, south of (0, 5)
        a = math.radians(deg)
        seats.append(Seat(id=f"s{deg}", section="t", row=1, number=k + 1, x=math.cos(a), y=5 + math.sin(a), facing=(deg + 180) % 360))
    assert rank_round_table(seats, door=(0.0, 0.0)) == ["s90", "s0", "s270", "s180"]
    head = seats[1]  # north, facing the door (south): own right is west (-x)
    back = [
        Seat(id="r", section="b", row=2, number=1, x=-0.3, y=6.6, facing=270.0),
        Seat(id="l", section="b", row=2, number=2, x=0.3, y=6.6, facing=270.0),
    ]
    assert rank_behind(head, back, convention="intl") == ["r", "l"]
    assert rank_behind(head, back, convention="cn") == ["l", "r"]


def _rows(out: Path) -> list[dict[str, str]]:
    return list(csv.DictReader((out / "seats.csv").read_bytes().decode("utf-8-sig").splitlines()))


def test_multilateral_example_end_to_end(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["solve", str(EXAMPLE / "plan.toml"), "--out", str(out)]) == 0
    rows = _rows(out)
    assert len(rows) == 13
    heads = [r for r in rows if r["section"] == "heads"]
    # every head of delegation sits at the table, one per delegation
    assert sorted(r["unit"] for r in heads) == ["Cambodia", "China", "Lao PDR", "Thailand", "Viet Nam"]
    assert all(r["rank"] == "1" for r in heads)
    cx = sum(float(r["x"]) for r in heads) / len(heads)
    cy = sum(float(r["y"]) for r in heads) / len(heads)
    # the first delegation (alphabetically) sits on the far side, facing the door at the bottom
    top = max(heads, key=lambda r: float(r["y"]))
    assert top["unit"] == "Cambodia"
    assert abs(float(top["x"]) - cx) < 1e-6
    # clockwise on the plan from there: the angle decreases in alphabetical order
    a0 = math.atan2(float(top["y"]) - cy, float(top["x"]) - cx)

    def turn(r: dict[str, str]) -> float:
        return (a0 - math.atan2(float(r["y"]) - cy, float(r["x"]) - cx)) % (2 * math.pi)

    assert [r["unit"] for r in sorted(heads, key=turn)] == ["Cambodia", "China", "Lao PDR", "Thailand", "Viet Nam"]
    # the others sit behind their own head: further from the centre, nearer their head than any other head
    for r in rows:
        if r["section"] == "heads":
            continue
        d = {h["unit"]: math.hypot(float(h["x"]) - float(r["x"]), float(h["y"]) - float(r["y"])) for h in heads}
        assert min(d, key=d.__getitem__) == r["unit"], r
        mine = next(h for h in heads if h["unit"] == r["unit"])
        assert math.hypot(float(r["x"]) - cx, float(r["y"]) - cy) > math.hypot(float(mine["x"]) - cx, float(mine["y"]) - cy) + 0.5


def _write(tmp_path: Path, extra: str) -> Path:
    text = (EXAMPLE / "plan.toml").read_text(encoding="utf-8") + extra
    (tmp_path / "attendees.csv").write_text((EXAMPLE / "attendees.csv").read_text(encoding="utf-8"), encoding="utf-8")
    path = tmp_path / "plan.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_agreed_delegation_order(tmp_path: Path) -> None:
    path = _write(tmp_path, 'delegation_order = ["Viet Nam", "Thailand", "Lao PDR", "China", "Cambodia"]\n')
    problem = build_problem(load_meeting(path))
    heads = next(z for z in problem.zones if z.name == "heads")
    units = {a.id: a.unit for a in problem.attendees}
    assert [units[a] for a in heads.attendee_ids] == ["Viet Nam", "Thailand", "Lao PDR", "China", "Cambodia"]


def test_bad_delegation_order_and_bilateral_keys(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError):
        build_problem(load_meeting(_write(tmp_path, 'delegation_order = ["Viet Nam"]\n')))
    with pytest.raises(PlanFileError):
        build_problem(load_meeting(_write(tmp_path, 'orientation = "across"\n')))


# --------------------------------------------------------------------------------------
# R-PHY-12 / 13 / 14
# --------------------------------------------------------------------------------------

from seatplan.errors import GeometryError  # noqa: E402
from seatplan.layout import spacing  # noqa: E402


def test_table_items_r_phy_12() -> None:
    assert spacing.CUP_FROM_TABLE_EDGE == 0.05
    assert spacing.CUP_FROM_TABLE_EDGE_HOTEL == (0.03, 0.035)
    items = spacing.TABLE_ITEMS_LEFT_TO_RIGHT
    assert items.index("microphone") < items.index("name card") < items.index("teacup")


def test_name_card_r_phy_13() -> None:
    assert spacing.check_name_card(15, 7.5) == []
    assert spacing.check_name_card(20, 10) == []
    warn = spacing.check_name_card(21, 14)
    assert len(warn) == 1 and "210 × 140" in warn[0] and "R-PHY-13" in warn[0]
    other = spacing.check_name_card(25, 10)
    assert len(other) == 1 and "commercial" not in other[0]
    with pytest.raises(GeometryError):
        spacing.check_name_card(0, 10)


def test_supplies_r_phy_14() -> None:
    assert spacing.supplies(300, winter=True) == {"bottles": 300, "thermoses": 50, "cups": 300}
    assert spacing.supplies(300, winter=False) == {"bottles": 300, "thermoses": 0, "cups": 0}
    assert spacing.supplies(11, winter=True, thermos_ratio=5)["thermoses"] == 3
    with pytest.raises(GeometryError):
        spacing.supplies(10, winter=True, thermos_ratio=4)
