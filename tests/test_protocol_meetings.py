"""会见 / 会谈 / 签字 / 合影 / small rooms (R-MTG-1 … R-MTG-10; golden vectors T21-T24).

Scenes are drawn in plan view with the main door at the bottom, checked in the
frame the rule states and in the other frame(s), then rotated as a whole (door
included) to show the answer comes from geometry.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seatplan.errors import GeometryError, ValidationError
from seatplan.model import Convention, EvenMode, Seat, View
from seatplan.protocol.meeting_common import Hand, MeetingOrder, TableOrientation, TalksInterpreters
from seatplan.protocol.meeting_kinds import MeetingKind, rank_meeting_seats
from seatplan.protocol.meeting_room import (
    ChairRule,
    face_to_face_sequences,
    rank_face_to_face,
    rank_head_of_table,
    rank_small_room,
    small_room_sequence,
)
from seatplan.protocol.photo import photo_sequence, rank_photo
from seatplan.protocol.reception import rank_reception, reception_sequence
from seatplan.protocol.signing import rank_signing, signing_sequence
from seatplan.protocol.talks import rank_talks, talks_sequences

UP, DOWN, EAST, WEST = 90.0, 270.0, 0.0, 180.0


def line(prefix: str, xs, y: float, facing: float, row: int = 1, tags=frozenset()) -> list[Seat]:
    return [
        Seat(f"{prefix}{k}", "meeting", row, k + 1, x=float(x), y=float(y), facing=facing, tags=frozenset(tags))
        for k, x in enumerate(xs)
    ]


def column(prefix: str, x: float, ys, facing: float) -> list[Seat]:
    return [Seat(f"{prefix}{k}", "meeting", 1, k + 1, x=float(x), y=float(y), facing=facing) for k, y in enumerate(ys)]


def rot(p, deg: float, about=(0.0, 0.0)):
    a = math.radians(deg)
    x, y = p[0] - about[0], p[1] - about[1]
    return (about[0] + x * math.cos(a) - y * math.sin(a), about[1] + x * math.sin(a) + y * math.cos(a))


def turn(seats: list[Seat], deg: float, about=(0.0, 0.0), shift=(0.0, 0.0)) -> list[Seat]:
    out = []
    for s in seats:
        x, y = rot((s.x, s.y), deg, about)
        out.append(
            Seat(s.id, s.section, s.row, s.number, x=x + shift[0], y=y + shift[1], facing=s.facing + deg, tags=s.tags)
        )
    return out


def turn_pt(p, deg: float, about=(0.0, 0.0), shift=(0.0, 0.0)):
    x, y = rot(p, deg, about)
    return (x + shift[0], y + shift[1])


def by_x(seats: list[Seat], labels: dict[str, str], reverse: bool = False) -> list[str]:
    return [labels[s.id] for s in sorted(seats, key=lambda s: s.x, reverse=reverse) if s.id in labels]


def party_labels(order: MeetingOrder, host: str = "H", guest: str = "G") -> dict[str, str]:
    out = {sid: f"{host}{k}" for k, sid in enumerate(order.hosts, start=1)}
    out.update({sid: f"{guest}{k}" for k, sid in enumerate(order.guests, start=1)})
    return out


ANGLES = [90, 180, 270, 33.3]


# --------------------------------------------------------------------------------------
# 会见 R-MTG-1 (T21)
# --------------------------------------------------------------------------------------


def reception_row() -> tuple[list[Seat], tuple[float, float]]:
    return line("s", [1, 2, 3, 4, 5, 6], 5.0, DOWN), (3.5, 0.0)


def test_t21_reception_plan_and_own_view() -> None:
    seats, door = reception_row()
    order = rank_reception(seats, door=door)
    labels = party_labels(order)
    assert by_x(seats, labels) == ["G3", "G2", "G1", "H1", "H2", "H3"]  # PV (= the entrant's view)
    assert by_x(seats, labels, reverse=True) == ["H3", "H2", "H1", "G1", "G2", "G3"]  # the sitters' own view
    assert order.roles["host"] == "s3" and order.roles["guest"] == "s2"
    assert reception_sequence(3, 3) == ["G3", "G2", "G1", "H1", "H2", "H3"]
    assert reception_sequence(3, 3, view=View.STAGE) == ["H3", "H2", "H1", "G1", "G2", "G3"]
    assert reception_sequence(2, 4) == ["G4", "G3", "G2", "G1", "H1", "H2"]


@pytest.mark.parametrize("deg", ANGLES)
def test_t21_reception_rotated(deg: float) -> None:
    seats, door = reception_row()
    base = rank_reception(seats, door=door)
    assert rank_reception(turn(seats, deg, (2, 2), (5, -3)), door=turn_pt(door, deg, (2, 2), (5, -3))) == base


def test_reception_interpreters_behind_and_horseshoe() -> None:
    head = line("p", [-0.5, 0.5], 6.0, DOWN)
    behind = line("b", [-0.5, 0.5, 3.0], 6.8, DOWN, row=2)
    guest_arm = column("g", -2.5, [5.0, 4.0, 3.0], EAST)  # PV-left arm faces east
    host_arm = column("h", 2.5, [5.0, 4.0], WEST)
    door = (0.0, 0.0)
    seats = head + behind + guest_arm + host_arm
    order = rank_reception(seats, door=door)
    assert order.roles["guest"] == "p0" and order.roles["host"] == "p1"  # guest at the host's right = PV-left
    assert order.roles["guest_interpreter"] == "b0" and order.roles["host_interpreter"] == "b1"
    assert order.guests == ("p0", "g0", "g1", "g2")
    assert order.hosts == ("p1", "h0", "h1", "b2")  # back-row chair after the front row
    for deg in ANGLES:
        assert rank_reception(turn(seats, deg), door=turn_pt(door, deg)) == order
    no_interp = rank_reception(seats, door=door, interpreters=False)
    assert "host_interpreter" not in no_interp.roles
    assert set(no_interp.hosts + no_interp.guests + no_interp.others) == {s.id for s in seats}


def test_reception_domestic_variant_and_principals() -> None:
    seats, door = reception_row()
    # 上级领导坐在主方领导的左面 (low-confidence domestic variant)
    left = rank_reception(seats, door=door, guest_hand="left")
    assert by_x(seats, party_labels(left)) == ["H3", "H2", "H1", "G1", "G2", "G3"]
    fixed = rank_reception(seats, door=door, principals=("s4", "s3"))
    assert fixed.roles == {"host": "s4", "guest": "s3"}
    with pytest.raises(ValidationError):
        rank_reception(seats, door=door, principals=("s4", "s4"))
    with pytest.raises(ValidationError):
        rank_reception(seats, door=door, principals=("s4", "zz"))
    with pytest.raises(ValidationError):
        rank_reception(seats[:1], door=door)
    with pytest.raises(ValidationError):
        rank_reception(seats + seats[:1], door=door)  # repeated id
    with pytest.raises(ValidationError):
        rank_reception(seats, door=door, guest_hand="middle")
    same_side = rank_meeting_seats(seats, kind="same-side", door=door)  # 同侧平坐式 (R-MTG-9)
    assert same_side == rank_reception(seats, door=door)


# --------------------------------------------------------------------------------------
# 会谈 R-MTG-3 (across) and R-MTG-4 (T22, pointing at the door)
# --------------------------------------------------------------------------------------


def talks_across() -> tuple[list[Seat], tuple[float, float]]:
    xs = [-2.5, -1.5, -0.5, 0.5, 1.5, 2.5]
    return line("g", xs, 1.2, DOWN) + line("h", xs, 0.0, UP), (0.0, -6.0)


def test_r_mtg_3_worked_example_both_frames() -> None:
    seats, door = talks_across()
    order = rank_talks(seats, door=door)
    assert order.orientation is TableOrientation.ACROSS
    labels = party_labels(order)
    labels[order.roles["host_interpreter"]] = "HI"
    labels[order.roles["guest_interpreter"]] = "GI"
    guests = [s for s in seats if s.id.startswith("g")]
    hosts = [s for s in seats if s.id.startswith("h")]
    # guests face the door (far side); plan view
    assert by_x(guests, labels) == ["G4", "G2", "G1", "GI", "G3", "G5"]
    assert by_x(hosts, labels) == ["H5", "H3", "H1", "HI", "H2", "H4"]
    # each row in its own sitters' view
    assert by_x(guests, labels, reverse=True) == ["G5", "G3", "GI", "G1", "G2", "G4"]
    assert talks_sequences(5, 5) == (["G4", "G2", "G1", "GI", "G3", "G5"], ["H5", "H3", "H1", "HI", "H2", "H4"])
    assert talks_sequences(5, 5, view="stage")[0] == ["G5", "G3", "GI", "G1", "G2", "G4"]
    # G1 exactly opposite H1, GI opposite HI
    pos = {s.id: s for s in seats}
    assert pos[order.guests[0]].x == pos[order.hosts[0]].x
    assert pos[order.roles["guest_interpreter"]].x == pos[order.roles["host_interpreter"]].x


@pytest.mark.parametrize("deg", ANGLES)
def test_talks_rotated(deg: float) -> None:
    seats, door = talks_across()
    assert rank_talks(turn(seats, deg, (1, 1)), door=turn_pt(door, deg, (1, 1))) == rank_talks(seats, door=door)


def test_talks_options() -> None:
    seats, door = talks_across()
    hosts = [s for s in seats if s.id.startswith("h")]
    near = rank_talks(seats, door=door, second_beside_chief=True)
    labels = party_labels(near)
    labels[near.roles["host_interpreter"]] = "HI"
    assert by_x(hosts, labels) == ["H4", "H2", "H1", "HI", "H3", "H5"]
    behind = rank_talks(seats, door=door, interpreters=TalksInterpreters.BEHIND)
    assert "host_interpreter" not in behind.roles
    assert talks_sequences(4, 4, interpreters="behind") == (["G4", "G2", "G1", "G3"], ["H4", "H3", "H1", "H2"])
    cn = talks_sequences(5, 5, interpreters="behind", convention="cn")
    assert cn == (["G5", "G3", "G1", "G2", "G4"], ["H4", "H2", "H1", "H3", "H5"])
    # end seats and note-takers
    end = [Seat("end", "meeting", 1, 1, x=3.5, y=0.6, facing=WEST)]
    notes = line("n", [-0.5], -0.8, UP, row=2)
    full = rank_talks(seats + end + notes, door=door)
    assert full.others == ("end",) and full.hosts[-1] == "n0"
    assert full.hosts[:5] == rank_talks(seats, door=door).hosts
    with pytest.raises(GeometryError):
        rank_talks(line("g", [0, 1, 2], 1.0, DOWN), door=door)  # one side only
    with pytest.raises(GeometryError):
        rank_talks([Seat(f"r{k}", "m", 1, k + 1, x=0.0, y=0.0, facing=90.0 * k) for k in range(4)], door=door)


def talks_pointing() -> tuple[list[Seat], tuple[float, float]]:
    ys = [2.0, 3.0, 4.0, 5.0, 6.0]
    return column("w", 0.0, ys, EAST) + column("e", 1.2, ys, WEST), (0.6, -3.0)


def test_t22_talks_table_pointing_at_the_door() -> None:
    seats, door = talks_pointing()
    order = rank_talks(seats, door=door, interpreters="behind")
    assert order.orientation is TableOrientation.POINTING
    pos = {s.id: s for s in seats}
    assert all(pos[i].x > 0.6 for i in order.guests)  # guests on PV-right = the entrant's right
    assert all(pos[i].x < 0.6 for i in order.hosts)  # hosts on PV-left (inside facing the door: the right)
    assert pos[order.guests[0]].y == pos[order.hosts[0]].y == 4.0  # chiefs at mid-length, opposite
    for deg in ANGLES:
        assert rank_talks(turn(seats, deg), door=turn_pt(door, deg), interpreters="behind") == order
    # door at the top instead: the entrant's right is now PV-left
    flipped = rank_talks(seats, door=(0.6, 10.0), interpreters="behind")
    assert all(pos[i].x < 0.6 for i in flipped.guests)
    forced = rank_talks(seats, door=door, orientation="across", interpreters="behind")
    assert forced.orientation is TableOrientation.ACROSS


# --------------------------------------------------------------------------------------
# 对坐式 R-MTG-9
# --------------------------------------------------------------------------------------


def test_r_mtg_9_face_to_face() -> None:
    xs = [-2.0, -1.0, 0.0, 1.0, 2.0]
    seats = line("s", xs, 1.2, DOWN) + line("h", xs, 0.0, UP)
    door = (0.0, -5.0)
    order = rank_face_to_face(seats, door=door)
    labels = party_labels(order, guest="S")
    sup = [s for s in seats if s.id.startswith("s")]
    host = [s for s in seats if s.id.startswith("h")]
    assert by_x(sup, labels, reverse=True) == ["S4", "S2", "S1", "S3", "S5"]  # superiors' own view
    assert by_x(host, labels) == ["H4", "H2", "H1", "H3", "H5"]  # hosts' own view (= plan)
    assert by_x(sup, labels) == ["S5", "S3", "S1", "S2", "S4"]  # plan view
    assert face_to_face_sequences(5, 5) == (["S4", "S2", "S1", "S3", "S5"], ["H4", "H2", "H1", "H3", "H5"])
    assert face_to_face_sequences(5, 5, view="plan")[0] == ["S5", "S3", "S1", "S2", "S4"]
    assert {s.id: s.x for s in seats}[order.guests[0]] == {s.id: s.x for s in seats}[order.hosts[0]]  # 1号对1号
    for deg in ANGLES:
        assert rank_face_to_face(turn(seats, deg), door=turn_pt(door, deg)) == order
    assert rank_meeting_seats(seats, kind=MeetingKind.FACE_TO_FACE, door=door) == order


def test_face_to_face_even_modes() -> None:
    sup, hosts = face_to_face_sequences(4, 4)
    assert sup == ["S4", "S2", "S1", "S3"]  # V1: S2 at S1's own left
    assert hosts.index("H1") == 1  # H1 directly opposite S1
    sup2, _ = face_to_face_sequences(4, 4, even=EvenMode.V2)
    assert sup2 == ["S3", "S1", "S2", "S4"]  # V2: S2 at S1's own right


# --------------------------------------------------------------------------------------
# 签字 R-MTG-6 (T23)
# --------------------------------------------------------------------------------------


def signing_scene() -> list[Seat]:
    chairs = line("c", [-0.8, 0.8], 1.0, DOWN)
    front = line("f", [-3.5, -2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.5], 2.0, DOWN, row=2)
    back = line("b", [-0.5, 0.5], 2.8, DOWN, row=3)
    return chairs + front + back


def test_t23_signing() -> None:
    seats = signing_scene()
    order = rank_signing(seats)
    # signers face the cameras (-y): their own left is +x
    assert order.roles == {"host_signer": "c1", "guest_signer": "c0"}
    front = [s for s in seats if s.id.startswith("f")]
    labels = party_labels(order)
    assert by_x(front, labels, reverse=True) == ["H4", "H3", "H2", "H1", "G1", "G2", "G3", "G4"]  # SV
    assert by_x(front, labels) == ["G4", "G3", "G2", "G1", "H1", "H2", "H3", "H4"]  # AV
    assert order.hosts[-1] == "b1" and order.guests[-1] == "b0"  # the back row after the front row
    assert signing_sequence(4, 4) == ["H4", "H3", "H2", "H1", "‖", "G1", "G2", "G3", "G4"]
    assert signing_sequence(4, 4, view="audience") == ["G4", "G3", "G2", "G1", "‖", "H1", "H2", "H3", "H4"]
    # flags directly in front of the own signer; assistants on the outer side
    hf, gf = order.points["host_flag"], order.points["guest_flag"]
    assert hf[0] == pytest.approx(0.8) and hf[1] < 1.0
    assert gf[0] == pytest.approx(-0.8) and gf[1] < 1.0
    assert order.points["host_assistant"][0] > 0.8 and order.points["guest_assistant"][0] < -0.8
    for deg in ANGLES:
        assert rank_signing(turn(seats, deg)).hosts == order.hosts
        assert rank_signing(turn(seats, deg)).roles == order.roles
    assert rank_signing(seats, signers=("c0", "c1")).roles == order.roles
    assert rank_meeting_seats(seats, kind="signing").hosts == order.hosts


def test_signing_errors() -> None:
    with pytest.raises(ValidationError):
        rank_signing(line("c", [-1, 0, 1], 1.0, DOWN))
    with pytest.raises(ValidationError):
        rank_signing(signing_scene(), signers=("c0", "c0"))


# --------------------------------------------------------------------------------------
# 合影 R-MTG-7 (T24)
# --------------------------------------------------------------------------------------


def test_t24_international_photo() -> None:
    assert photo_sequence(3, 2) == ["H2", "G1", "H1", "G2", "H3"]  # camera view (AV)
    assert photo_sequence(3, 2, view="stage") == ["H3", "G2", "H1", "G1", "H2"]  # the subjects' own view
    assert photo_sequence(1, 1) == ["G1", "H1"]  # handshake photo: host on the right of the frame
    seq = photo_sequence(3, 4)
    assert seq[0][0] == "H" and seq[-1][0] == "H"  # both ends held by hosts
    assert seq[seq.index("H1") - 1] == "G1" and seq[seq.index("H1") + 1] == "G2"
    assert photo_sequence(5, 2)[0][0] == photo_sequence(5, 2)[-1][0] == "H"


def test_cn_photo_rows_like_the_dais() -> None:
    assert photo_sequence(7, convention="cn") == ["7", "5", "3", "1", "2", "4", "6"]
    assert photo_sequence(7, convention="cn", view="stage") == ["6", "4", "2", "1", "3", "5", "7"]
    assert photo_sequence(6) == ["5", "3", "1", "2", "4", "6"]  # V1
    front = line("f", [-1, 0, 1], 0.0, DOWN)
    back = line("b", [-1.5, -0.5, 0.5, 1.5], 0.9, DOWN, row=2)
    order = rank_photo(front + back)
    assert order.hosts == ("f1", "f2", "f0", "b1", "b2", "b0", "b3")  # front row first (R-DAIS-10)
    assert rank_photo(front + back, n_hosts=4).hosts == ("f1", "f2", "f0", "b1")


def test_international_photo_two_rows_and_rotation() -> None:
    front = line("f", [-2, -1, 0, 1, 2], 0.0, DOWN)
    back = line("b", [-1.5, -0.5, 0.5, 1.5], 0.9, DOWN, row=2)
    order = rank_photo(front + back, n_hosts=5, n_guests=4)
    assert len(order.hosts) == 5 and len(order.guests) == 4
    assert order.hosts[0] == "f2" and order.guests[:2] == ("f1", "f3")  # G1 at H1's right = camera-left
    assert set(order.hosts[:3]) | set(order.guests[:2]) == {s.id for s in front}
    for deg in ANGLES:
        assert rank_photo(turn(front + back, deg), n_hosts=5, n_guests=4) == order
    spare = rank_photo(front, n_hosts=2, n_guests=1)
    assert spare.hosts == ("f2", "f3") and spare.guests == ("f1",) and set(spare.others) == {"f0", "f4"}
    with pytest.raises(ValidationError):
        rank_photo(front, n_guests=2)
    with pytest.raises(ValidationError):
        rank_photo(front, n_hosts=-1)


# --------------------------------------------------------------------------------------
# small rooms R-MTG-8, head of a long table R-MTG-10
# --------------------------------------------------------------------------------------


def boardroom() -> tuple[list[Seat], tuple[float, float]]:
    xs = [-2.1, -1.4, -0.7, 0.0, 0.7, 1.4, 2.1]
    far = line("f", xs, 1.2, DOWN)
    near = line("n", xs, 0.0, UP)
    ends = [Seat("eL", "m", 1, 1, x=-2.9, y=0.6, facing=EAST), Seat("eR", "m", 1, 2, x=2.9, y=0.6, facing=WEST)]
    return far + near + ends, (0.0, -4.0)


def test_r_mtg_8_small_room_face_the_door() -> None:
    seats, door = boardroom()
    order = rank_small_room(seats, door=door)
    assert order.roles["chair"] == "f3"  # middle of the side facing the door
    labels = {sid: str(k) for k, sid in enumerate(order.hosts, start=1)}
    far = [s for s in seats if s.id.startswith("f")]
    assert by_x(far, labels, reverse=True) == ["6", "4", "2", "1", "3", "5", "7"]  # chair's own view
    assert by_x(far, labels) == ["7", "5", "3", "1", "2", "4", "6"]  # plan view, door at the bottom
    assert order.hosts[7] == "n3"  # then the seat opposite the chair
    assert sorted(order.hosts) == sorted(s.id for s in seats)
    assert small_room_sequence(7) == [6, 4, 2, 1, 3, 5, 7]
    assert small_room_sequence(7, view="plan") == [7, 5, 3, 1, 2, 4, 6]
    assert small_room_sequence(7, convention="intl") == [7, 5, 3, 1, 2, 4, 6]
    assert small_room_sequence(6) == [6, 4, 2, 1, 3, 5]
    for deg in ANGLES:
        assert rank_small_room(turn(seats, deg, (4, 4)), door=turn_pt(door, deg, (4, 4))) == order
    assert rank_meeting_seats(seats, kind="small-room", door=door) == order


def test_r_mtg_8_feature_wall() -> None:
    ys = [1.0, 2.0, 3.0, 4.0, 5.0]
    seats = column("w", -0.6, ys, EAST) + column("e", 0.6, ys, WEST)  # nobody faces the door at the bottom
    door = (0.0, -3.0)
    with pytest.raises(ValidationError):
        rank_small_room(seats, door=door)
    order = rank_small_room(seats, door=door, feature_wall=(-5.0, 3.0))
    assert order.roles["chair"] == "w2"  # back to the backdrop on the west wall
    assert order.hosts[1:3] == ("w3", "w1")  # CN: the chair's own left (+y when facing east) first
    assert order.hosts[3:5] == ("w4", "w0")
    assert order.hosts[5] == "e2"
    for deg in ANGLES:
        wall = turn_pt((-5.0, 3.0), deg)
        assert rank_small_room(turn(seats, deg), door=turn_pt(door, deg), feature_wall=wall) == order
    with pytest.raises(GeometryError):
        rank_small_room(seats, door=door, chair_rule=ChairRule.FACE_DOOR)
    with pytest.raises(GeometryError):
        rank_small_room(seats, feature_wall=(5.0, -30.0))
    assert rank_small_room(seats, chair="e4").hosts[0] == "e4"
    assert rank_meeting_seats(seats, kind="small-room", feature_wall=(-5.0, 3.0)) == order
    assert rank_small_room(seats, door=door, chair_rule="feature-wall", feature_wall=(-5.0, 3.0)) == order


def long_table() -> tuple[list[Seat], tuple[float, float]]:
    ys = [5.0, 4.0, 3.0, 2.0]
    head = [Seat("head", "m", 1, 1, x=0.0, y=6.0, facing=DOWN)]
    foot = [Seat("foot", "m", 1, 2, x=0.0, y=1.0, facing=UP)]
    return head + column("e", 0.7, ys, WEST) + column("w", -0.7, ys, EAST) + foot, (0.0, -3.0)


def test_r_mtg_10_head_of_table() -> None:
    seats, door = long_table()
    cn = rank_head_of_table(seats, door=door)
    # the head faces the door (-y): his own left is +x (the 'e' column)
    assert cn.hosts == ("head", "e0", "w0", "e1", "w1", "e2", "w2", "e3", "w3", "foot")
    intl = rank_head_of_table(seats, door=door, convention=Convention.INTL)
    assert intl.hosts[:3] == ("head", "w0", "e0")  # the person of honour at the chair's right
    for deg in ANGLES:
        assert rank_head_of_table(turn(seats, deg), door=turn_pt(door, deg)) == cn
    assert rank_meeting_seats(seats, kind="head-of-table", door=door) == cn
    assert rank_head_of_table(seats, chair="foot").hosts[0] == "foot"
    with pytest.raises(GeometryError):
        rank_head_of_table(column("w", 0.0, [1, 2], EAST) + column("e", 1.0, [1, 2], WEST), door=door)


# --------------------------------------------------------------------------------------
# dispatcher and boundaries
# --------------------------------------------------------------------------------------


def test_rank_meeting_seats_dispatch_and_errors() -> None:
    seats, door = talks_across()
    assert rank_meeting_seats(seats, kind="talks", door=door) == rank_talks(seats, door=door)
    assert rank_meeting_seats(seats, kind="talks", door=door, convention="cn", interpreters="behind") == rank_talks(
        seats, door=door, convention="cn", interpreters="behind"
    )
    front = line("f", [-1, 0, 1], 0.0, DOWN)
    assert rank_meeting_seats(front, kind="photo", n_hosts=2, n_guests=1) == rank_photo(front, n_hosts=2, n_guests=1)
    with pytest.raises(ValidationError):
        rank_meeting_seats(seats, kind="talks")  # no door
    with pytest.raises(ValidationError):
        rank_meeting_seats(seats, kind="banquet", door=door)
    with pytest.raises(ValidationError):
        rank_talks(seats, door=door, convention="left")
    with pytest.raises(ValidationError):
        rank_talks([(0, 0)], door=door)  # type: ignore[list-item]
    with pytest.raises(ValidationError):
        reception_sequence(0, 3)
    with pytest.raises(ValidationError):
        talks_sequences(3, 3, view="audience")
    assert Hand("left") is Hand.LEFT


# --------------------------------------------------------------------------------------
# property tests
# --------------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(
    n_guest=st.integers(1, 8),
    n_host=st.integers(1, 8),
    deg=st.floats(0, 360, allow_nan=False),
    dx=st.floats(-50, 50, allow_nan=False),
    interp=st.sampled_from(list(TalksInterpreters)),
)
def test_property_talks_any_rotation(n_guest, n_host, deg, dx, interp) -> None:
    gs = line("g", [k - (n_guest - 1) / 2 for k in range(n_guest)], 1.2, DOWN)
    hs = line("h", [k - (n_host - 1) / 2 for k in range(n_host)], 0.0, UP)
    door = (0.3, -5.0)
    base = rank_talks(gs + hs, door=door, interpreters=interp)
    ids = base.hosts + base.guests + tuple(v for k, v in base.roles.items() if "interpreter" in k)
    assert sorted(ids) == sorted(s.id for s in gs + hs)  # every seat exactly once
    assert all(i.startswith("g") for i in base.guests)  # guests face the door
    turned = rank_talks(turn(gs + hs, deg, shift=(dx, 0)), door=turn_pt(door, deg, shift=(dx, 0)), interpreters=interp)
    assert turned == base


@settings(max_examples=60, deadline=None)
@given(n=st.integers(1, 15), deg=st.floats(0, 360, allow_nan=False), conv=st.sampled_from(list(Convention)))
def test_property_small_room_row(n, deg, conv) -> None:
    seats = line("s", [0.7 * (k - (n - 1) / 2) for k in range(n)], 2.0, DOWN)
    door = (0.0, -3.0)
    order = rank_small_room(seats, door=door, convention=conv)
    assert sorted(order.hosts) == sorted(s.id for s in seats)
    chair = {s.id: s for s in seats}[order.hosts[0]]
    assert abs(chair.x) <= 0.35 + 1e-9  # the chair is (one of) the middle seat(s)
    if n >= 3:
        # No.2 and No.3 are the chair's neighbours, No.2 on the senior hand (CN: own left = +x here)
        x2 = {s.id: s.x for s in seats}[order.hosts[1]]
        assert abs(abs(x2 - chair.x) - 0.7) < 1e-9
        assert (x2 > chair.x) == (conv is Convention.CN)
    assert rank_small_room(turn(seats, deg), door=turn_pt(door, deg), convention=conv) == order
