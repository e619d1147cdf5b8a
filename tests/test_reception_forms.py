"""会见 variants (R-MTG-2): 居中式 (centre), 主席式 (chair) and 相对式 (face-to-face).

Scenes are drawn in plan view with the main door at the bottom, read in the
frame the rule states and in the sitters' own frame, then turned as a whole
(door included) to show the ranks come from geometry. The examples
``examples/reception-centre`` and ``examples/reception-chair`` are solved
through the command line and read back from ``seats.csv``.
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
from seatplan.layout.reception import lay_reception_centre, lay_reception_chair
from seatplan.model import Convention, Door, Seat, ShapeKind, Venue, View
from seatplan.pipeline import build_problem
from seatplan.protocol.meeting_common import Hand
from seatplan.protocol.meeting_kinds import MeetingKind, rank_meeting_seats
from seatplan.protocol.reception import (
    RECEPTION_FORM_NAMES,
    ReceptionForm,
    party_block_offsets,
    rank_reception_centre,
    rank_reception_chair,
    reception_centre_sequence,
    reception_chair_sequences,
    reception_sequence,
)
from seatplan.solve import solve

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
UP, DOWN, EAST, WEST = 90.0, 270.0, 0.0, 180.0
ANGLES = [90.0, 180.0, 270.0, 33.3]


# --------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------


def seat(sid: str, x: float, y: float, facing: float, row: int = 1, tags=frozenset()) -> Seat:
    return Seat(sid, "meeting", row, 1, x=float(x), y=float(y), facing=facing, tags=frozenset(tags))


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


def turn_pt(p, deg: float, about=(0.0, 0.0), shift=(0.0, 0.0)):
    x, y = rot(p, deg, about)
    return (x + shift[0], y + shift[1])


def room(width: float = 14.0, depth: float = 10.0) -> Venue:
    return Venue.rectangle(width, depth, doors=(Door(x=width / 2, y=0.0, width=2.0, main=True),))


def centre_scene(n_guests: int, n_hosts: int, *, back: int = 1) -> tuple[list[Seat], tuple[float, float]]:
    """Centre seat at (0, 6) facing the door at (0, 0); guests' row on PV-left (x = -1), hosts' on PV-right."""
    seats = [seat("c", 0, 6, DOWN)]
    seats += [seat(f"g{k}", -1, 5.2 - 0.8 * k, EAST) for k in range(n_guests)]
    seats += [seat(f"h{k}", 1, 5.2 - 0.8 * k, WEST) for k in range(n_hosts)]
    seats += [seat(f"bc{k}", 0.7 * k, 7.1, DOWN, row=2) for k in range(back)]
    seats += [seat(f"bg{k}", -2.1, 5.2 - 0.7 * k, EAST, row=2) for k in range(back)]
    seats += [seat(f"bh{k}", 2.1, 5.2 - 0.7 * k, WEST, row=2) for k in range(back)]
    return seats, (0.0, 0.0)


def read_rows(out: Path) -> list[dict[str, str]]:
    return list(csv.DictReader((out / "seats.csv").read_bytes().decode("utf-8-sig").splitlines()))


def solve_text(tmp_path: Path, plan_text: str, csv_text: str):
    (tmp_path / "attendees.csv").write_text(csv_text, encoding="utf-8")
    path = tmp_path / "plan.toml"
    path.write_text(plan_text, encoding="utf-8")
    problem = build_problem(load_meeting(path))
    plan = solve(problem).require_plan()
    assert check_plan(problem, plan) == []
    seats = {s.id: s for s in problem.seats}
    return problem, plan, {aid: seats[sid] for aid, sid in plan.seat_of.items()}


def no_overlaps(problem) -> None:
    """No chair overlaps another chair or a table; everything stands inside the walls."""
    walls = Polygon(problem.layout.venue.outline).buffer(1e-6)
    feet = {s.id: footprint(s, (0.5, 0.5)) for s in problem.seats}
    tables = [Polygon(s.points) for s in problem.layout.shapes if s.kind is ShapeKind.TABLE]
    ids = sorted(feet)
    for i, a in enumerate(ids):
        assert feet[a].within(walls), a
        for b in ids[i + 1 :]:
            assert feet[a].intersection(feet[b]).area < 1e-6, (a, b)
        for t in tables:
            assert feet[a].intersection(t).area < 1e-6, a
    assert all(t.within(walls) for t in tables)


PLAN = """\
format_version = 1
title = "会见"
occasion = "reception"
attendees = "attendees.csv"
{top}
[venue]
width = {width}
depth = {depth}
[[venue.doors]]
x = {door_x}
y = {door_y}
main = true
[reception]
{options}
"""


def plan_text(options: str, *, top: str = "", width: float = 14.0, depth: float = 10.0, door=(7.0, 0.0)) -> str:
    return PLAN.format(options=options, top=top, width=width, depth=depth, door_x=door[0], door_y=door[1])


def party_csv(hosts: int, guests: int, extra: str = "") -> str:
    lines = ["编号,姓名,单位,职务,排序,主客,标签"]
    lines += [f"H{k},主方{k},主方单位,职务,{k},主," for k in range(1, hosts + 1)]
    lines += [f"G{k},客方{k},客方代表团,职务,{k},客," for k in range(1, guests + 1)]
    return "\n".join(lines) + "\n" + extra


def parties_csv(hosts: int, parties: list[tuple[str, int]], extra: str = "") -> str:
    lines = ["编号,姓名,单位,职务,排序,主客,标签"]
    lines += [f"H{k},主方{k},主方单位,职务,{k},主," for k in range(1, hosts + 1)]
    for p, (unit, n) in enumerate(parties):
        lines += [f"P{p}-{k},{unit}{k},{unit},职务,{k},客," for k in range(1, n + 1)]
    return "\n".join(lines) + "\n" + extra


# --------------------------------------------------------------------------------------
# 居中式: worked examples, both frames, both hands
# --------------------------------------------------------------------------------------


def test_centre_sequence_plan_and_own_view() -> None:
    # PV (the entrant's view, also the camera's at the door): up the guests' row on PV-left, the
    # centre person, down the hosts' row on PV-right; his own view (facing the door) is the reverse
    assert reception_centre_sequence(3, 3) == ["G3", "G2", "G1", "H1", "H2", "H3"]
    assert reception_centre_sequence(3, 3, view=View.AUDIENCE) == ["G3", "G2", "G1", "H1", "H2", "H3"]
    assert reception_centre_sequence(3, 3, view="stage") == ["H3", "H2", "H1", "G1", "G2", "G3"]
    assert reception_centre_sequence(2, 4) == ["G4", "G3", "G2", "G1", "H1", "H2"]
    assert reception_centre_sequence(1, 2) == ["G2", "G1", "H1"]
    # the low-confidence variant: guests on his left = PV-right
    assert reception_centre_sequence(3, 3, guest_hand="left") == ["H3", "H2", "H1", "G1", "G2", "G3"]
    # the same reading as the side-by-side form (T21): guest at the host's right either way
    assert reception_centre_sequence(3, 3) == reception_sequence(3, 3)


def test_centre_ranks_rows_and_interpreters() -> None:
    seats, door = centre_scene(3, 2, back=2)
    order = rank_reception_centre(seats, door=door)
    assert order.roles["host"] == "c" and order.roles["guest"] == "g0"
    assert order.hosts[:3] == ("c", "h0", "h1")  # nearest the centre first
    assert order.guests[:3] == ("g0", "g1", "g2")
    assert order.roles["host_interpreter"] == "bc0"  # right behind the centre person
    assert order.roles["guest_interpreter"] == "bg0"  # right behind the guest principal
    # the other back chairs follow their side, nearest its senior member first
    assert order.guests[3:] == ("bg1",) and order.hosts[3:] == ("bh0", "bh1", "bc1")
    every = [*order.hosts, *order.guests, *order.others, order.roles["host_interpreter"], order.roles["guest_interpreter"]]
    assert sorted(every) == sorted(s.id for s in seats)
    # guest_hand = left swaps the rows
    left = rank_reception_centre(seats, door=door, guest_hand=Hand.LEFT)
    assert left.guests[0] == "h0" and left.hosts[1] == "g0"
    # without interpreters the back chairs are ordinary places of their side
    plain = rank_reception_centre(seats, door=door, interpreters=False)
    assert "host_interpreter" not in plain.roles and plain.guests[3] == "bg0"


@pytest.mark.parametrize("deg", ANGLES)
def test_centre_rotated(deg: float) -> None:
    seats, door = centre_scene(4, 3)
    base = rank_reception_centre(seats, door=door)
    about, shift = (3.0, 2.0), (10.0, -4.0)
    assert rank_reception_centre(turn(seats, deg, about, shift), door=turn_pt(door, deg, about, shift)) == base


def test_centre_errors() -> None:
    seats, door = centre_scene(2, 2, back=0)
    with pytest.raises(ValidationError):
        rank_reception_centre(seats[:1], door=door)  # too few seats
    with pytest.raises(ValidationError):
        rank_reception_centre(seats, door=door, centre="nope")
    with pytest.raises(ValidationError):
        rank_reception_centre(seats, door=door, guest_hand="up")
    with pytest.raises(GeometryError):  # nobody faces the door
        rank_reception_centre([seat("a", 0, 5, EAST), seat("b", 1, 5, WEST)], door=door)
    with pytest.raises(GeometryError):  # no seat on the guests' side
        rank_reception_centre([seat("c", 0, 6, DOWN), seat("h", 1, 5, WEST)], door=door)
    with pytest.raises(ValidationError):
        reception_centre_sequence(0, 3)


@settings(max_examples=40, deadline=None)
@given(
    n_guests=st.integers(1, 9),
    n_hosts=st.integers(0, 9),
    back=st.integers(0, 3),
    deg=st.floats(0, 360, allow_nan=False),
    dx=st.floats(-30, 30, allow_nan=False),
)
def test_property_centre_any_size_and_rotation(n_guests, n_hosts, back, deg, dx) -> None:
    seats, door = centre_scene(n_guests, n_hosts, back=back)
    base = rank_reception_centre(seats, door=door)
    used = [*base.hosts, *base.guests, *base.others, *(v for k, v in base.roles.items() if "interpreter" in k)]
    assert sorted(used) == sorted(s.id for s in seats)  # a permutation of the seats
    assert base.hosts[0] == "c"  # the centre person on the door's axis
    pos = {s.id: s for s in seats}
    # guests all on the centre person's right (PV-left), hosts all on his left
    assert all(pos[i].x < 0 for i in base.guests)
    assert all(pos[i].x > 0 for i in base.hosts[1:])
    # front rows: nearest the centre first
    for row in ([i for i in base.guests if pos[i].row == 1], [i for i in base.hosts[1:] if pos[i].row == 1]):
        ys = [pos[i].y for i in row]
        assert ys == sorted(ys, reverse=True)
    turned = rank_reception_centre(turn(seats, deg, shift=(dx, 0)), door=turn_pt(door, deg, shift=(dx, 0)))
    assert turned == base


def test_centre_layout_rotated_room() -> None:
    """The generator's furniture ranks the same in a room turned so that the door is in a side wall."""
    plan = lay_reception_centre(room(), side_a=4, side_b=3, back_a=1, back_b=1, back_centre=1)
    base = rank_reception_centre(plan.layout.seats, door=plan.door)
    assert base.hosts[0] == plan.groups["centre"][0]
    assert set(base.guests) == set(plan.groups["side-a"]) | set(plan.groups["back-a"]) - {base.roles["guest_interpreter"]}
    assert base.roles["host_interpreter"] == plan.groups["back-centre"][0]
    assert list(base.guests[:4]) == list(plan.groups["side-a"])  # nearest the centre first
    for deg in ANGLES:
        assert rank_reception_centre(turn(plan.layout.seats, deg, (7, 5)), door=turn_pt(plan.door, deg, (7, 5))) == base


# --------------------------------------------------------------------------------------
# 主席式: worked examples, both conventions, both frames
# --------------------------------------------------------------------------------------


def test_chair_sequences_cn_and_intl() -> None:
    # host row faces the door: its own left is PV-right; CN No.2 at the host's own left
    assert reception_chair_sequences(5, [3, 2]) == (["H5", "H3", "H1", "H2", "H4"], ["A3", "A2", "A1", "B1", "B2"])
    assert reception_chair_sequences(5, [3, 2], view="stage") == (
        ["H4", "H2", "H1", "H3", "H5"],
        ["A3", "A2", "A1", "B1", "B2"],  # the visitors face the far wall: own view = plan view
    )
    assert reception_chair_sequences(5, [3, 2], convention="intl")[0] == ["H4", "H2", "H1", "H3", "H5"]
    # three parties: first on the host's right (PV-left), second on his left, third beyond the first
    assert reception_chair_sequences(4, [3, 2, 2])[1] == ["C2", "C1", "A3", "A2", "A1", "B1", "B2"]
    assert reception_chair_sequences(4, [3, 2, 2], guest_hand="left")[1] == ["B2", "B1", "A1", "A2", "A3", "C1", "C2"]
    # one party: centred, its chief opposite the host, ordered like a dais row (R-DAIS-3/4)
    assert reception_chair_sequences(3, [5])[1] == ["A4", "A2", "A1", "A3", "A5"]
    assert reception_chair_sequences(4, [4]) == (["H3", "H1", "H2", "H4"], ["A4", "A2", "A1", "A3"])
    assert reception_chair_sequences(4, [4], convention=Convention.INTL) == (
        ["H4", "H2", "H1", "H3"],
        ["A3", "A1", "A2", "A4"],
    )


def test_party_block_offsets() -> None:
    assert party_block_offsets([1], pitch=0.8) == [[0.0]]
    assert party_block_offsets([2, 2], pitch=1.0, gap=0.0) == [[0.5, 1.5], [-0.5, -1.5]]
    assert party_block_offsets([1, 1, 1, 1], pitch=1.0, gap=0.5) == [[0.75], [-0.75], [2.25], [-2.25]]
    with pytest.raises(ValidationError):
        party_block_offsets([2, 0], pitch=1.0)


def chair_scene(hosts: int, parties: list[int], *, staff: int = 0, per_row: int = 0, conv=Convention.CN):
    """Lay a 主席式 room as the occasion does: again about the host chief's line when the host row is even."""

    def lay(axis_at: float):
        plan = lay_reception_chair(
            room(18.0, 12.0), hosts=hosts, blocks=parties, block_staff=[staff] * len(parties), host_staff=staff,
            blocks_per_row=per_row, axis_at=axis_at,
        )
        return plan, [plan.groups[f"block-{k:02d}"] for k in range(1, len(parties) + 1)]

    plan, blocks = lay(0.0)
    order = rank_reception_chair(plan.layout.seats, door=plan.door, blocks=blocks, convention=conv)
    chief = next(s for s in plan.layout.seats if s.id == order.roles["host"])
    return lay(chief.x - 9.0) if chief.x != 9.0 else (plan, blocks)


def test_chair_ranks_blocks_and_interpreter() -> None:
    plan, blocks = chair_scene(5, [3, 2, 2], staff=1)
    order = rank_reception_chair(plan.layout.seats, door=plan.door, blocks=blocks, convention="intl")
    assert [set(p) for p in order.parties] == [set(b) for b in blocks]  # laid in precedence order
    pos = {s.id: s for s in plan.layout.seats}
    chief = pos[order.roles["host"]]
    assert abs(chief.x - 9.0) < 1e-9  # the middle of the host row, on the room's axis
    assert pos[order.roles["host_interpreter"]].x == chief.x and pos[order.roles["host_interpreter"]].y > chief.y
    assert pos[order.parties[0][0]].x < chief.x < pos[order.parties[1][0]].x  # first party on the host's right
    for party in order.parties:
        front = [i for i in party if "staff" not in pos[i].tags]
        dist = [abs(pos[i].x - 9.0) for i in front]
        assert dist == sorted(dist)  # chief at the axis end, then outward
        back = [i for i in party if "staff" in pos[i].tags]
        assert pos[back[0]].x == pos[front[0]].x  # the interpreter right behind the chief
    assert order.guests == tuple(i for p in order.parties for i in p)
    assert order.roles["guest"] == order.parties[0][0]


def test_chair_rows_of_blocks() -> None:
    plan, blocks = chair_scene(3, [2, 2, 3, 1], per_row=2)
    order = rank_reception_chair(plan.layout.seats, door=plan.door, blocks=blocks)
    assert [set(p) for p in order.parties] == [set(b) for b in blocks]
    pos = {s.id: s for s in plan.layout.seats}
    assert pos[order.parties[0][0]].y == pos[order.parties[1][0]].y > pos[order.parties[2][0]].y
    assert pos[order.parties[2][0]].y == pos[order.parties[3][0]].y
    assert {pos[i].row for i in order.parties[2]} == {3}  # the second row of blocks


@pytest.mark.parametrize("deg", ANGLES)
def test_chair_rotated(deg: float) -> None:
    plan, blocks = chair_scene(4, [3, 2, 1], staff=1)
    base = rank_reception_chair(plan.layout.seats, door=plan.door, blocks=blocks)
    about, shift = (9.0, 6.0), (-3.0, 20.0)
    turned = rank_reception_chair(
        turn(plan.layout.seats, deg, about, shift), door=turn_pt(plan.door, deg, about, shift), blocks=blocks
    )
    assert turned == base


def test_chair_errors() -> None:
    plan, blocks = chair_scene(3, [2, 2])
    seats, door = plan.layout.seats, plan.door
    with pytest.raises(ValidationError):
        rank_reception_chair(seats, door=door, blocks=[blocks[0]])  # a visitor seat in no block
    with pytest.raises(ValidationError):
        rank_reception_chair(seats, door=door, blocks=[blocks[0], blocks[0] + blocks[1]])  # twice
    with pytest.raises(ValidationError):
        rank_reception_chair(seats, door=door, blocks=[[plan.groups["host"][0]], *blocks])  # a host seat
    with pytest.raises(GeometryError):  # nobody faces away from the door
        rank_reception_chair([s for s in seats if s.facing == DOWN], door=door)
    with pytest.raises(GeometryError):  # a seat facing across the room
        rank_reception_chair([*seats, seat("x", 9, 5, EAST)], door=door)
    with pytest.raises(ValidationError):
        rank_reception_chair(seats[:1], door=door)  # too few seats
    with pytest.raises(ValidationError):
        rank_reception_chair(seats, door=door, convention="left-first")
    with pytest.raises(ValidationError):
        reception_chair_sequences(3, [])
    with pytest.raises(GeometryError):
        lay_reception_chair(room(), hosts=3, blocks=[])
    with pytest.raises(GeometryError):  # 4 parties of 6 in one row do not fit a 14 m room
        lay_reception_chair(room(), hosts=3, blocks=[6, 6, 6, 6])


@settings(max_examples=30, deadline=None)
@given(
    hosts=st.integers(1, 7),
    parties=st.lists(st.integers(1, 4), min_size=1, max_size=4),
    staff=st.integers(0, 2),
    conv=st.sampled_from(list(Convention)),
    deg=st.floats(0, 360, allow_nan=False),
)
def test_property_chair_any_size_and_rotation(hosts, parties, staff, conv, deg) -> None:
    plan, blocks = chair_scene(hosts, parties, staff=staff, conv=conv)
    order = rank_reception_chair(plan.layout.seats, door=plan.door, blocks=blocks, convention=conv)
    pos = {s.id: s for s in plan.layout.seats}
    used = [*order.hosts, *order.guests, *(v for k, v in order.roles.items() if "interpreter" in k)]
    assert sorted(used) == sorted(pos)  # a permutation of the seats
    assert [set(p) for p in order.parties] == [set(b) for b in blocks]
    host_row = [i for i in order.hosts if pos[i].row == 1]
    chief = pos[order.roles["host"]]
    assert abs(chief.x - 9.0) <= 0.4 + 1e-9  # the host chief in the middle of his row
    if hosts >= 2:  # No.2 beside him on his senior hand (facing the door, own left = +x)
        assert (pos[host_row[1]].x > chief.x) == (conv is Convention.CN)
    assert all(pos[i].facing == DOWN for i in order.hosts)  # host side faces the door
    # the first party's chief: opposite the host chief (one party) or the nearest on his right (-x)
    g1 = pos[order.parties[0][0]]
    if len(parties) == 1:
        assert abs(g1.x - chief.x) <= 0.4 + 1e-9
    else:
        assert g1.x < chief.x and all(pos[p[0]].x <= g1.x for p in order.parties if pos[p[0]].x < chief.x)
    if staff:
        behind = pos[order.roles["host_interpreter"]]
        assert behind.x == chief.x and behind.y > chief.y  # right behind the host chief
    assert all(pos[i].facing == UP for i in order.guests)  # visitors have their backs to it
    turned = rank_reception_chair(
        turn(plan.layout.seats, deg), door=turn_pt(plan.door, deg), blocks=blocks, convention=conv
    )
    assert turned == order


def test_dispatch_and_form_names() -> None:
    seats, door = centre_scene(2, 2)
    assert rank_meeting_seats(seats, kind=MeetingKind.RECEPTION_CENTRE, door=door) == rank_reception_centre(
        seats, door=door
    )
    plan, _ = chair_scene(3, [3])
    assert rank_meeting_seats(plan.layout.seats, kind="reception-chair", door=plan.door) == rank_reception_chair(
        plan.layout.seats, door=plan.door
    )
    assert RECEPTION_FORM_NAMES["居中式"] is ReceptionForm.CENTRE
    assert RECEPTION_FORM_NAMES["主席式"] is ReceptionForm.CHAIR
    assert {m.value for m in ReceptionForm} == {"side-by-side", "centre", "chair", "face-to-face"}


# --------------------------------------------------------------------------------------
# end to end: examples and plan files
# --------------------------------------------------------------------------------------


def test_centre_example_end_to_end(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["solve", str(EXAMPLES / "reception-centre" / "plan.toml"), "--out", str(out)]) == 0
    rows = {r["id"]: r for r in read_rows(out)}
    problem = build_problem(load_meeting(EXAMPLES / "reception-centre" / "plan.toml"))
    no_overlaps(problem)
    xy = {i: (float(r["x"]), float(r["y"])) for i, r in rows.items()}
    # the secretary alone at the head on the axis, nearest the far wall of the members
    assert rows["H01"]["section"] == "host" and rows["H01"]["seat"] == "1"
    assert xy["H01"][0] == 6.0 and all(xy["H01"][1] > xy[i][1] for i in ("G01", "H02"))
    # the envoy's row on his right = PV-left, the Chinese row on PV-right, nearest the head senior
    guests = sorted((i for i, r in rows.items() if r["section"] == "guest"), key=lambda i: -xy[i][1])
    assert guests == ["G01", "G02", "G03", "G04"] and all(xy[i][0] < 6.0 for i in guests)
    hosts = sorted((i for i, r in rows.items() if r["section"] == "host" and i != "H01"), key=lambda i: -xy[i][1])
    assert hosts == ["H02", "H03", "H04"] and all(xy[i][0] > 6.0 for i in hosts)
    # interpreters behind their principals
    assert rows["H05"]["section"] == "interpreter-host" and xy["H05"][0] == 6.0 and xy["H05"][1] > xy["H01"][1]
    assert rows["G05"]["section"] == "interpreter-guest" and xy["G05"][1] == xy["G01"][1] and xy["G05"][0] < xy["G01"][0]
    assert rows["H06"]["section"] == "note-taker-host" and rows["G06"]["section"] == "note-taker-guest"


def test_chair_example_end_to_end(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["solve", str(EXAMPLES / "reception-chair" / "plan.toml"), "--out", str(out)]) == 0
    rows = {r["id"]: r for r in read_rows(out)}
    problem = build_problem(load_meeting(EXAMPLES / "reception-chair" / "plan.toml"))
    no_overlaps(problem)
    xy = {i: (float(r["x"]), float(r["y"])) for i, r in rows.items()}
    # INTL host row (facing the door): own view H3 H1 H2 H4 (No.2 at the mayor's right) = PV H4 H2 H1 H3
    host_row = sorted((i for i, r in rows.items() if r["section"] == "host"), key=lambda i: xy[i][0])
    assert host_row == ["H04", "H02", "H01", "H03"]
    # parties by 单位序号: Hamburg on the mayor's right (PV-left), Osaka on his left, Busan beyond Hamburg
    assert {rows[i]["section"] for i in ("G01", "G02", "G03")} == {"guest-1"}
    assert {rows[i]["section"] for i in ("G05", "G06")} == {"guest-2"}
    assert {rows[i]["section"] for i in ("G08", "G09", "G10")} == {"guest-3"}
    axis = xy["H01"][0]  # the host row is even: the mayor sits beside the room's middle, the blocks are about him
    assert axis == 7.4
    assert xy["G03"][0] < xy["G02"][0] < xy["G01"][0] < axis < xy["G05"][0] < xy["G06"][0]
    assert math.isclose(axis - xy["G01"][0], xy["G05"][0] - axis)  # the two first chiefs flank him evenly
    assert xy["G10"][0] < xy["G09"][0] < xy["G08"][0] < xy["G03"][0]
    # each interpreter right behind his chief, the host interpreter behind the mayor
    assert rows["G04"]["section"] == "interpreter-guest-1" and xy["G04"][0] == xy["G01"][0]
    assert rows["G07"]["section"] == "interpreter-guest-2" and xy["G07"][0] == xy["G05"][0]
    assert rows["H05"]["section"] == "interpreter-host" and xy["H05"][0] == xy["H01"][0]


def test_chinese_form_names_and_face_to_face(tmp_path: Path) -> None:
    extra = "H5,主方翻译,主方单位,翻译,5,主,翻译\nG9,客方翻译,客方代表团,翻译,9,客,翻译\n"
    _, _, where = solve_text(tmp_path, plan_text('form = "相对式"'), party_csv(4, 4, extra))
    # guests face the door on the far side, hosts opposite, the principals face to face
    assert all(where[f"G{k}"].facing == DOWN for k in range(1, 5))
    assert all(where[f"H{k}"].facing == UP for k in range(1, 5))
    assert where["G1"].x == where["H1"].x
    # CN (default): No.2 at No.1's own left; guests face -y, so their left is +x
    assert where["G2"].x > where["G1"].x and where["H2"].x < where["H1"].x
    assert where["G9"].section == "interpreter-guest" and where["G9"].y > where["G1"].y
    assert where["H5"].section == "interpreter-host" and where["H5"].y < where["H1"].y
    _, _, where = solve_text(tmp_path, plan_text('form = "居中式"'), party_csv(3, 3))
    assert where["H1"].facing == DOWN and where["G1"].x < where["H1"].x < where["H2"].x


def test_centre_door_in_the_left_wall(tmp_path: Path) -> None:
    """Door in the left wall (x = 0): the centre person sits at the right wall facing it;
    his own right, and so the guests' row, is towards +y (the entrant's left)."""
    plan = plan_text('form = "centre"', width=12.0, depth=12.0, door=(0.0, 6.0))
    _, _, where = solve_text(tmp_path, plan, party_csv(3, 3))
    assert where["H1"].x > 9.0 and abs(where["H1"].y - 6.0) < 1e-9 and where["H1"].facing == 180.0
    assert all(where[f"G{k}"].y > 6.0 > where[f"H{k}"].y for k in (2, 3))
    assert where["G1"].y > 6.0 and where["G1"].x > where["G2"].x > where["G3"].x


def test_chair_party_order_options(tmp_path: Path) -> None:
    csv_text = parties_csv(3, [("Zeta City", 2), ("Alpha City", 3)])
    _, _, where = solve_text(tmp_path, plan_text('form = "chair"'), csv_text)
    assert where["P0-1"].section == "guest-1" and where["P1-1"].section == "guest-2"  # list order
    _, _, where = solve_text(
        tmp_path, plan_text('form = "主席式"\nparty_order = "alphabetical"\nlanguage = "en"'), csv_text
    )
    assert where["P1-1"].section == "guest-1" and where["P0-1"].section == "guest-2"
    _, _, where = solve_text(
        tmp_path, plan_text('form = "chair"\ndelegation_order = ["Alpha City", "Zeta City"]'), csv_text
    )
    assert where["P1-1"].section == "guest-1"
    # one visiting party without units: one centred block, its chief opposite the host chief
    _, _, where = solve_text(tmp_path, plan_text('form = "chair"'), party_csv(3, 3).replace("客方代表团", ""))
    assert where["G1"].section == "guest" and where["G1"].x == where["H1"].x == 7.0


@pytest.mark.parametrize(
    ("options", "match"),
    [
        ('form = "round"', "reception form"),
        ('form = "中心式"', "reception form"),
        ("form = 3", "reception form"),
        ('form = "centre"\narm_spacing = 4.0', "does not apply"),
        ('form = "chair"\nseats_per_side = 4', "does not apply"),
        ('form = "face-to-face"\nguest_hand = "left"', "does not apply"),
        ('seat_pitch = 0.8', "does not apply"),
        ('form = "centre"\nseat_pitch = 0.4', "between"),
        ('form = "chair"\nlanguage = "en"', "alphabetical"),
        ('form = "chair"\ndelegation_order = ["Nobody"]', "delegation order"),
    ],
)
def test_bad_options(tmp_path: Path, options: str, match: str) -> None:
    with pytest.raises(PlanFileError, match=match):
        solve_text(tmp_path, plan_text(options), party_csv(3, 3))


def test_too_few_seats_and_too_small_rooms(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="seats_per_side"):  # 3 people per side, 2 chairs
        solve_text(tmp_path, plan_text('form = "face-to-face"\nseats_per_side = 2'), party_csv(3, 3))
    with pytest.raises(GeometryError, match="seats_per_side"):
        solve_text(tmp_path, plan_text('form = "centre"', depth=5.0), party_csv(6, 6))
    with pytest.raises(GeometryError, match="parties_per_row"):
        solve_text(tmp_path, plan_text('form = "chair"', width=8.0), parties_csv(3, [("甲", 4), ("乙", 4), ("丙", 4)]))
    # two rows of parties fit where one row does not
    _, _, where = solve_text(
        tmp_path, plan_text('form = "chair"\nparties_per_row = 2', width=10.0, depth=12.0),
        parties_csv(3, [("甲", 3), ("乙", 3), ("丙", 3)]),
    )
    assert where["P2-1"].y < where["P0-1"].y == where["P1-1"].y


def test_chair_guest_without_unit(tmp_path: Path) -> None:
    csv_text = parties_csv(2, [("甲", 2), ("乙", 2)]).replace("P1-2,乙2,乙,", "P1-2,乙2,,")
    with pytest.raises(ValidationError, match="no unit"):
        solve_text(tmp_path, plan_text('form = "chair"'), csv_text)
