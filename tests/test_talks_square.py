"""Multilateral talks at a square table (R-MTG-5: "可把座位摆成圆形或正方形, 使其无尊卑可言").

The heads of delegation share the four sides as evenly as possible; the first
delegation sits facing the main door, the others clockwise on the plan. Read in
plan view (door at the bottom) and in the sitters' own view, then turned as a
whole; the example ``examples/talks-square`` is solved through the command line.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import Polygon

from seatplan.check import check_plan
from seatplan.cli import main
from seatplan.errors import GeometryError, PlanFileError, ValidationError
from seatplan.io.plan_file import load_meeting
from seatplan.layout.meeting_common import footprint
from seatplan.layout.talks import SQUARE_TABLE_MIN_SIDE, MultilateralTable, lay_square_table
from seatplan.model import Convention, Door, Plan, Seat, ShapeKind, Venue
from seatplan.pipeline import build_problem
from seatplan.protocol.talks import rank_behind, rank_round_table, split_square_sides

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "talks-square"
ANGLES = [90.0, 180.0, 270.0, 33.3, 200.5]


def room(size: float = 12.0) -> Venue:
    return Venue.rectangle(size, size, doors=(Door(x=size / 2, y=0.0, width=1.8, main=True),))


def rot(p, deg: float, about=(0.0, 0.0)):
    a = math.radians(deg)
    x, y = p[0] - about[0], p[1] - about[1]
    return (about[0] + x * math.cos(a) - y * math.sin(a), about[1] + x * math.sin(a) + y * math.cos(a))


def turn(seats, deg: float, about=(0.0, 0.0), shift=(0.0, 0.0)) -> list[Seat]:
    out = []
    for s in seats:
        x, y = rot((s.x, s.y), deg, about)
        out.append(Seat(s.id, s.section, s.row, s.number, x=x + shift[0], y=y + shift[1], facing=s.facing + deg, tags=s.tags))
    return out


def sides_of(plan, seats) -> dict[str, list[Seat]]:
    """Table seats by side of the table (door at the bottom), each side left→right in plan view."""
    cx = sum(s.x for s in seats) / len(seats)
    table = next(s for s in plan.layout.shapes if s.kind is ShapeKind.TABLE)
    xs, ys = [p[0] for p in table.points], [p[1] for p in table.points]
    out: dict[str, list[Seat]] = {"far": [], "right": [], "near": [], "left": []}
    for s in seats:
        if s.y > max(ys):
            out["far"].append(s)
        elif s.y < min(ys):
            out["near"].append(s)
        elif s.x > max(xs):
            out["right"].append(s)
        else:
            assert s.x < min(xs) and s.x < cx
            out["left"].append(s)
    for key in ("far", "near"):
        out[key].sort(key=lambda s: s.x)
    for key in ("left", "right"):
        out[key].sort(key=lambda s: -s.y)
    return out


# --------------------------------------------------------------------------------------
# the four sides
# --------------------------------------------------------------------------------------


def test_split_square_sides_worked_examples() -> None:
    assert split_square_sides(2) == (1, 0, 1, 0)  # two delegations face each other across the table
    assert split_square_sides(3) == (1, 1, 0, 1)
    assert split_square_sides(4) == (1, 1, 1, 1)
    assert split_square_sides(5) == (2, 1, 1, 1)
    assert split_square_sides(6) == (2, 1, 2, 1)
    assert split_square_sides(7) == (2, 2, 1, 2)
    assert split_square_sides(12) == (3, 3, 3, 3)
    for bad in (0, 1, -4, 2.5, True):
        with pytest.raises(ValidationError):
            split_square_sides(bad)  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None)
@given(n=st.integers(2, 80))
def test_property_sides_as_equal_as_possible(n: int) -> None:
    far, right, near, left = split_square_sides(n)
    assert far + right + near + left == n
    assert max(far, right, near, left) - min(far, right, near, left) <= 1
    assert right == left  # symmetric about the door's axis
    assert far == max(far, right, near, left)  # the side facing the door takes the first extra chair


def test_layout_square_table_and_chairs() -> None:
    plan = lay_square_table(room(), heads=6, behind=2, seat_pitch=0.8)
    table = [s for s in plan.layout.shapes if s.kind is ShapeKind.TABLE]
    assert len(table) == 1 and len(table[0].points) == 4
    xs = sorted({p[0] for p in table[0].points})
    ys = sorted({p[1] for p in table[0].points})
    assert math.isclose(xs[1] - xs[0], ys[1] - ys[0]) and xs[1] - xs[0] >= SQUARE_TABLE_MIN_SIDE  # a square
    assert math.isclose((xs[0] + xs[1]) / 2, 6.0) and math.isclose((ys[0] + ys[1]) / 2, 6.0)
    seats = {s.id: s for s in plan.layout.seats}
    heads = [seats[i] for i in plan.groups["table"]]
    sides = sides_of(plan, heads)
    assert [len(sides[k]) for k in ("far", "right", "near", "left")] == [2, 1, 2, 1]
    top = Polygon(table[0].points)
    for s in heads:  # every chair faces the table, square to its side, flush with its edge (R-PHY-11)
        a = math.radians(s.facing)
        assert round(s.facing) % 90 == 0
        ahead = (s.x + 0.5 * math.cos(a), s.y + 0.5 * math.sin(a))
        assert top.buffer(1e-6).contains(Polygon([ahead, (ahead[0] + 1e-3, ahead[1]), (ahead[0], ahead[1] + 1e-3)]))
        assert footprint(s, (0.5, 0.5)).intersection(top).area < 1e-9
        assert footprint(s, (0.5, 0.5)).distance(top) < 1e-6
    # back rows behind their own head, parallel to the side, facing the same way
    for sid in plan.groups["table"]:
        back = [seats[i] for i in plan.groups[f"behind-{sid}"]]
        assert len(back) == 2 and all(b.facing == seats[sid].facing and "staff" in b.tags for b in back)
    # nothing overlaps
    feet = [footprint(s, (0.5, 0.5)) for s in plan.layout.seats]
    for i, a in enumerate(feet):
        for b in feet[i + 1 :]:
            assert a.intersection(b).area < 1e-9
    assert MultilateralTable("square") is MultilateralTable.SQUARE


def test_layout_errors() -> None:
    with pytest.raises(GeometryError, match="seat_pitch"):
        lay_square_table(room(5.0), heads=8, behind=3)
    with pytest.raises(GeometryError):
        lay_square_table(room(), heads=1)
    with pytest.raises(GeometryError):
        lay_square_table(room(), heads=4, seat_pitch=0.4)
    with pytest.raises(GeometryError):
        lay_square_table(room(), heads=4, table_side=20.0)
    plan = lay_square_table(room(), heads=4, table_side=3.0)
    table = next(s for s in plan.layout.shapes if s.kind is ShapeKind.TABLE)
    assert math.isclose(max(p[0] for p in table.points) - min(p[0] for p in table.points), 3.0)


# --------------------------------------------------------------------------------------
# seat 1 faces the door, then clockwise: both frames, both conventions, any rotation
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "far_pv", "clockwise"),
    [
        # n: delegation numbers on the far side read in plan view (door at the bottom), then
        # the order round the table as (side, index along that side in plan reading)
        (4, [1], ["far0", "right0", "near0", "left0"]),
        (6, [1, 2], ["far0", "far1", "right0", "near1", "near0", "left0"]),
        (7, [1, 2], ["far0", "far1", "right0", "right1", "near0", "left1", "left0"]),
        (9, [9, 1, 2], ["far1", "far2", "right0", "right1", "near1", "near0", "left1", "left0", "far0"]),
    ],
)
def test_first_seat_and_clockwise_in_plan_view(n: int, far_pv: list[int], clockwise: list[str]) -> None:
    plan = lay_square_table(room(), heads=n)
    seats = [s for s in plan.layout.seats if s.row == 1]
    order = rank_round_table(seats, door=plan.door)
    number = {sid: k for k, sid in enumerate(order, start=1)}
    sides = sides_of(plan, seats)
    assert [number[s.id] for s in sides["far"]] == far_pv  # plan view, left→right
    # the far side faces the door: its sitters' own left→right is the plan read right→left
    assert [number[s.id] for s in reversed(sides["far"])] == far_pv[::-1]
    named = {f"{side}{k}": s.id for side, group in sides.items() for k, s in enumerate(group)}
    # "right"/"left" sides are listed top→bottom, "near" left→right in plan view
    assert [named[c] for c in clockwise] == order


def test_far_side_tie_goes_to_the_left_of_the_plan() -> None:
    """Two chairs face the door alike: seat 1 is the one on PV-left (the sitters' own right)."""
    far = [Seat(f"f{k}", "t", 1, k + 1, x=x, y=1.0, facing=270.0) for k, x in enumerate((-0.5, 0.5))]
    near = [Seat(f"n{k}", "t", 1, k + 1, x=x, y=-1.0, facing=90.0) for k, x in enumerate((-0.5, 0.5))]
    assert rank_round_table(far + near, door=(0.0, -5.0)) == ["f0", "f1", "n1", "n0"]
    # the door off the axis: the far side still faces it, so seat 1 stays its PV-left chair
    assert rank_round_table(far + near, door=(0.8, -5.0)) == ["f0", "f1", "n1", "n0"]
    assert rank_round_table(far + near, door=(-0.8, -5.0)) == ["f0", "f1", "n1", "n0"]


@pytest.mark.parametrize("n", [4, 5, 6, 7, 9, 12])
@pytest.mark.parametrize("door_x", [1.5, 4.0, 7.5, 10.5])
def test_door_off_centre_keeps_seat_one(n: int, door_x: float) -> None:
    """The side facing the door is chosen as a whole: the door's place along its wall moves nothing."""
    central = lay_square_table(room(), heads=n)
    seats = [s for s in central.layout.seats if s.row == 1]
    base = rank_round_table(seats, door=central.door)
    moved = Venue.rectangle(12.0, 12.0, doors=(Door(x=door_x, y=0.0, width=1.8, main=True),))
    plan = lay_square_table(moved, heads=n)
    assert [(s.x, s.y) for s in plan.layout.seats] == [(s.x, s.y) for s in central.layout.seats]
    assert rank_round_table([s for s in plan.layout.seats if s.row == 1], door=plan.door) == base


@settings(max_examples=40, deadline=None)
@given(
    n=st.integers(2, 16),
    door_x=st.floats(0.5, 13.5, allow_nan=False),
    deg=st.floats(0, 360, allow_nan=False),
)
def test_property_square_door_anywhere_on_its_wall(n: int, door_x: float, deg: float) -> None:
    """Wherever the door is on the bottom wall, seat 1 is the far side's middle (PV-left of a pair)."""
    plan = lay_square_table(room(14.0), heads=n)
    seats = [s for s in plan.layout.seats if s.row == 1]
    base = rank_round_table(seats, door=plan.door)
    assert rank_round_table(seats, door=(door_x, 0.0)) == base
    door = rot((door_x, 0.0), deg)
    assert rank_round_table(turn(seats, deg), door=door) == base


def _old_round_first(seats: list[Seat], door: tuple[float, float]) -> str:
    """Seat 1 at a round table as it has always been: the chair facing the door most squarely."""

    def score(s: Seat) -> float:
        vx, vy = door[0] - s.x, door[1] - s.y
        a = math.radians(s.facing)
        return (math.cos(a) * vx + math.sin(a) * vy) / math.hypot(vx, vy)

    best = max(score(s) for s in seats)
    cands = [s for s in seats if score(s) >= best - 1e-4]
    near = min(math.hypot(s.x - door[0], s.y - door[1]) for s in cands)
    cands = [s for s in cands if math.hypot(s.x - door[0], s.y - door[1]) <= near + 0.05]
    return cands[0].id if len(cands) == 1 else ""  # a tie within tolerance: not compared


@settings(max_examples=40, deadline=None)
@given(n=st.integers(2, 16), door_x=st.floats(0.5, 13.5, allow_nan=False))
def test_property_round_table_unchanged(n: int, door_x: float) -> None:
    """A round table: every chair is a side of its own, so seat 1 is still the chair facing the door."""
    from seatplan.layout.talks import lay_round_table

    plan = lay_round_table(room(14.0), heads=n)
    seats = [s for s in plan.layout.seats if s.row == 1]
    order = rank_round_table(seats, door=(door_x, 0.0))
    assert order[0] == (_old_round_first(seats, (door_x, 0.0)) or order[0])
    ring = list(plan.groups["table"])  # clockwise from the chair facing a central door
    k = ring.index(order[0])
    assert order == ring[k:] + ring[:k]
    assert rank_round_table(seats, door=plan.door) == ring


@pytest.mark.parametrize("deg", ANGLES)
@pytest.mark.parametrize("n", [5, 6, 8, 11])
def test_square_rotated(n: int, deg: float) -> None:
    plan = lay_square_table(room(), heads=n, behind=1)
    seats = [s for s in plan.layout.seats if s.row == 1]
    base = rank_round_table(seats, door=plan.door)
    about, shift = (6.0, 6.0), (-20.0, 3.0)
    door = rot(plan.door, deg, about)
    assert rank_round_table(turn(seats, deg, about, shift), door=(door[0] + shift[0], door[1] + shift[1])) == base


@settings(max_examples=40, deadline=None)
@given(n=st.integers(2, 16), deg=st.floats(0, 360, allow_nan=False), dx=st.floats(-40, 40, allow_nan=False))
def test_property_square_any_size_and_rotation(n: int, deg: float, dx: float) -> None:
    plan = lay_square_table(room(14.0), heads=n)
    seats = [s for s in plan.layout.seats if s.row == 1]
    order = rank_round_table(seats, door=plan.door)
    assert sorted(order) == sorted(s.id for s in seats)  # a permutation
    pos = {s.id: s for s in seats}
    first = pos[order[0]]
    assert first.facing == 270.0 and first.y == max(s.y for s in seats)  # on the far side, facing the door
    far = [s for s in seats if s.y == first.y]
    nearest = min(abs(s.x - 7.0) for s in far)
    tied = [s for s in far if abs(s.x - 7.0) <= nearest + 1e-6]
    assert first.x == min(s.x for s in tied)  # nearest the axis; of a central pair, the one on PV-left
    # clockwise: the angle round the table centre falls monotonically from seat 1
    a0 = math.atan2(first.y - 7.0, first.x - 7.0)
    turns = [(a0 - math.atan2(pos[i].y - 7.0, pos[i].x - 7.0)) % (2 * math.pi) for i in order]
    assert turns == sorted(turns)
    door = rot(plan.door, deg)
    assert rank_round_table(turn(seats, deg, shift=(dx, 0.0)), door=(door[0] + dx, door[1])) == order


@pytest.mark.parametrize(("conv", "own_view"), [(Convention.INTL, [5, 3, 1, 2, 4]), (Convention.CN, [4, 2, 1, 3, 5])])
@pytest.mark.parametrize("deg", [0.0, *ANGLES])
def test_behind_the_head_centre_first(conv: Convention, own_view: list[int], deg: float) -> None:
    """R-DAIS-1 centre above sides: No.2 straight behind the head, then outward, senior hand first."""
    plan = lay_square_table(room(14.0), heads=8, behind=5)
    seats = {s.id: s for s in plan.layout.seats}
    for sid in plan.groups["table"]:
        head = seats[sid]
        row = [seats[i] for i in plan.groups[f"behind-{sid}"]]
        turned = turn([head, *row], deg, about=(7.0, 7.0))
        order = rank_behind(turned[0], turned[1:], convention=conv)
        number = {b: k for k, b in enumerate(order, start=1)}
        left = (math.cos(math.radians(head.facing + 90)), math.sin(math.radians(head.facing + 90)))
        # the head's own view left→right: the most negative along his left vector is his far right
        view = sorted(row, key=lambda b: (b.x - head.x) * left[0] + (b.y - head.y) * left[1], reverse=True)
        assert [number[b.id] for b in view] == own_view
        straight = seats[order[0]]
        assert math.isclose((straight.x - head.x) * left[0] + (straight.y - head.y) * left[1], 0.0, abs_tol=1e-6)


@pytest.mark.parametrize(("conv", "own_view"), [(Convention.INTL, [3, 1, 2]), (Convention.CN, [2, 1, 3])])
def test_behind_the_head_round_table_arc(conv: Convention, own_view: list[int]) -> None:
    from seatplan.layout.talks import lay_round_table

    plan = lay_round_table(room(16.0), heads=8, behind=3)
    seats = {s.id: s for s in plan.layout.seats}
    for sid in plan.groups["table"]:
        head = seats[sid]
        row = [seats[i] for i in plan.groups[f"behind-{sid}"]]
        number = {b: k for k, b in enumerate(rank_behind(head, row, convention=conv), start=1)}
        left = (math.cos(math.radians(head.facing + 90)), math.sin(math.radians(head.facing + 90)))
        view = sorted(row, key=lambda b: (b.x - head.x) * left[0] + (b.y - head.y) * left[1], reverse=True)
        assert [number[b.id] for b in view] == own_view


def test_behind_bad_arguments() -> None:
    head = Seat("h", "t", 1, 1, x=0.0, y=0.0, facing=90.0)
    back = [Seat("b", "t", 2, 1, x=0.0, y=-1.1, facing=90.0)]
    assert rank_behind(head, [], convention="cn") == []
    assert rank_behind(head, back, convention="cn") == ["b"]
    with pytest.raises(ValidationError):
        rank_behind(head, back, convention="xx")
    with pytest.raises(ValidationError):
        rank_behind(head, back, tolerance=-1.0)


@pytest.mark.parametrize(("conv", "first_hand"), [(Convention.INTL, "right"), (Convention.CN, "left")])
def test_behind_the_heads_both_conventions(conv: Convention, first_hand: str) -> None:
    plan = lay_square_table(room(), heads=4, behind=2)
    seats = {s.id: s for s in plan.layout.seats}
    far = max((seats[i] for i in plan.groups["table"]), key=lambda s: s.y)
    back = rank_behind(far, [seats[i] for i in plan.groups[f"behind-{far.id}"]], convention=conv)
    # the far head faces the door (-y): his own right is PV-left (-x)
    assert (seats[back[0]].x < far.x) == (first_hand == "right")
    left_side = min((seats[i] for i in plan.groups["table"]), key=lambda s: s.x)  # faces +x: own right is -y
    back = rank_behind(left_side, [seats[i] for i in plan.groups[f"behind-{left_side.id}"]], convention=conv)
    assert (seats[back[0]].y < left_side.y) == (first_hand == "right")


# --------------------------------------------------------------------------------------
# end to end
# --------------------------------------------------------------------------------------


def _rows(out: Path) -> list[dict[str, str]]:
    return list(csv.DictReader((out / "seats.csv").read_bytes().decode("utf-8-sig").splitlines()))


def test_square_example_end_to_end(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["solve", str(EXAMPLE / "plan.toml"), "--out", str(out)]) == 0
    rows = _rows(out)
    problem = build_problem(load_meeting(EXAMPLE / "plan.toml"))
    plan = Plan(seat_of={r["id"]: r["seat_id"] for r in rows})
    assert check_plan(problem, plan) == []
    assert len(rows) == len(problem.attendees) == 14
    heads = [r for r in rows if r["section"] == "heads"]
    units = ["China", "Kazakhstan", "Kyrgyzstan", "Mongolia", "Tajikistan", "Uzbekistan"]
    assert sorted(r["unit"] for r in heads) == units and all(r["rank"] == "1" for r in heads)
    by_seat = {int(r["seat"]): r["unit"] for r in heads}
    assert [by_seat[k] for k in range(1, 7)] == units  # alphabetical, seat 1 first
    xy = {r["unit"]: (float(r["x"]), float(r["y"])) for r in heads}
    # far side: China (seat 1) on PV-left, Kazakhstan on PV-right; then clockwise
    assert xy["China"][1] == xy["Kazakhstan"][1] == max(y for _, y in xy.values())
    assert xy["China"][0] < 4.5 < xy["Kazakhstan"][0]
    assert xy["Kyrgyzstan"][0] > xy["Kazakhstan"][0] and xy["Uzbekistan"][0] < xy["China"][0]
    assert xy["Mongolia"][1] == xy["Tajikistan"][1] and xy["Mongolia"][0] > xy["Tajikistan"][0]
    # the others sit behind their own head
    for r in rows:
        if r["section"] != "heads":
            d = {u: math.hypot(x - float(r["x"]), y - float(r["y"])) for u, (x, y) in xy.items()}
            assert min(d, key=d.__getitem__) == r["unit"]
    # furniture: a square table, nothing overlaps, everything inside the walls
    walls = Polygon(problem.layout.venue.outline)
    table = Polygon(next(s.points for s in problem.layout.shapes if s.kind is ShapeKind.TABLE))
    assert table.within(walls)
    feet = [footprint(s, (0.5, 0.5)) for s in problem.seats]
    for i, a in enumerate(feet):
        assert a.within(walls) and a.intersection(table).area < 1e-9
        assert all(a.intersection(b).area < 1e-9 for b in feet[i + 1 :])


def _write(tmp_path: Path, talks: str, width: float = 9.0) -> Path:
    text = (EXAMPLE / "plan.toml").read_text(encoding="utf-8")
    head = text.split("\n[talks]\n")[0] + "\n"
    head = head.replace("width = 9.0", f"width = {width}").replace("depth = 9.0", f"depth = {width}")
    head = head.replace("x = 4.5", f"x = {width / 2}")
    (tmp_path / "attendees.csv").write_text((EXAMPLE / "attendees.csv").read_text(encoding="utf-8"), encoding="utf-8")
    path = tmp_path / "plan.toml"
    path.write_text(head + "[talks]\n" + talks, encoding="utf-8")
    return path


def test_round_stays_the_default_and_table_side(tmp_path: Path) -> None:
    problem = build_problem(load_meeting(_write(tmp_path, "multilateral = true\n")))
    table = next(s for s in problem.layout.shapes if s.kind is ShapeKind.TABLE)
    assert len(table.points) > 8  # a circle
    problem = build_problem(load_meeting(_write(tmp_path, 'multilateral = true\ntable = "square"\ntable_side = 4.0\n', 10.0)))
    table = next(s for s in problem.layout.shapes if s.kind is ShapeKind.TABLE)
    assert len(table.points) == 4 and math.isclose(Polygon(table.points).area, 16.0)


@pytest.mark.parametrize(
    ("talks", "match"),
    [
        ('table = "square"\n', "multilateral"),  # a square table without multilateral
        ('multilateral = true\ntable = "oval"\n', "round or square"),
        ('multilateral = true\ntable = "hexagon"\n', "is not one of"),
        ('multilateral = true\ntable = "square"\ntable_diameter = 3.0\n', "does not apply"),
        ('multilateral = true\ntable_side = 3.0\n', "does not apply"),
        ('table_side = 3.0\n', "multilateral talks only"),
        ('multilateral = true\ntable = "square"\ntable_side = 30.0\n', "between"),
    ],
)
def test_bad_table_options(tmp_path: Path, talks: str, match: str) -> None:
    with pytest.raises(PlanFileError, match=match):
        build_problem(load_meeting(_write(tmp_path, talks)))


def test_square_table_too_big_for_the_room(tmp_path: Path) -> None:
    with pytest.raises(GeometryError, match="square table"):
        build_problem(load_meeting(_write(tmp_path, 'multilateral = true\ntable = "square"\n', 5.0)))


def test_square_example_door_off_centre(tmp_path: Path) -> None:
    """The example with its door at x = 7.5: China keeps seat 1 on the far side's PV-left (review 9)."""
    path = _write(tmp_path, 'multilateral = true\ntable = "square"\nlanguage = "en"\nseat_pitch = 1.0\n')
    path.write_text(path.read_text(encoding="utf-8").replace("x = 4.5", "x = 7.5"), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["solve", str(path), "--out", str(out)]) == 0
    heads = {int(r["seat"]): r for r in _rows(out) if r["section"] == "heads"}
    units = ["China", "Kazakhstan", "Kyrgyzstan", "Mongolia", "Tajikistan", "Uzbekistan"]
    assert [heads[k]["unit"] for k in range(1, 7)] == units
    far_y = max(float(r["y"]) for r in heads.values())
    assert float(heads[1]["y"]) == float(heads[2]["y"]) == far_y
    assert float(heads[1]["x"]) < 4.5 < float(heads[2]["x"])  # seat 1 on PV-left, seat 2 on PV-right
    central = tmp_path / "central"
    central.mkdir()
    (central / "attendees.csv").write_bytes((tmp_path / "attendees.csv").read_bytes())
    (central / "plan.toml").write_text(path.read_text(encoding="utf-8").replace("x = 7.5", "x = 4.5"), encoding="utf-8")
    assert main(["solve", str(central / "plan.toml"), "--out", str(central / "out")]) == 0
    same = {(r["id"], r["seat_id"]) for r in _rows(central / "out")}
    assert {(r["id"], r["seat_id"]) for r in _rows(out)} == same  # same seats, same people as with the door central


@pytest.mark.parametrize(("key", "table"), [("table_side", "square"), ("table_diameter", "round")])
@pytest.mark.parametrize("value", [0.5, 0.79, 12.5, -1.0])
def test_table_size_one_range_one_error(tmp_path: Path, key: str, table: str, value: float) -> None:
    """Review 12c: the option check and the layout accept the same range, so one error names it."""
    with pytest.raises(PlanFileError, match=r"must be 0 \(as small as the chairs allow\) or between 0\.8 and 12\.0"):
        build_problem(load_meeting(_write(tmp_path, f'multilateral = true\ntable = "{table}"\n{key} = {value}\n', 10.0)))


@pytest.mark.parametrize(("key", "table"), [("table_side", "square"), ("table_diameter", "round")])
@pytest.mark.parametrize("value", [0, 0.8, 1.0, 4.0])
def test_table_size_accepted(tmp_path: Path, key: str, table: str, value: float) -> None:
    problem = build_problem(load_meeting(_write(tmp_path, f'multilateral = true\ntable = "{table}"\n{key} = {value}\n', 10.0)))
    top = next(s for s in problem.layout.shapes if s.kind is ShapeKind.TABLE)
    size = max(p[0] for p in top.points) - min(p[0] for p in top.points)
    assert size >= max(value, 1.2) - 1e-3  # a minimum: 0 and sizes below what the chairs need are no-ops
    assert math.isclose(size, 4.0, abs_tol=1e-3) == (value == 4.0)


def test_table_size_range_is_the_layouts() -> None:
    from seatplan.layout.talks import MULTILATERAL_TABLE_SIZE, lay_round_table

    lo, hi = MULTILATERAL_TABLE_SIZE
    assert (lo, hi) == (0.8, 12.0)
    for bad in (lo - 0.01, hi + 0.01):
        with pytest.raises(GeometryError, match="0.8–12.0"):
            lay_square_table(room(), heads=4, table_side=bad)
        with pytest.raises(GeometryError, match="0.8–12.0"):
            lay_round_table(room(), heads=4, table_diameter=bad)
    lay_square_table(room(), heads=4, table_side=lo)
    lay_round_table(room(), heads=4, table_diameter=lo)
