"""Western long banquet tables, French and English style (R-BNQ-12).

Worked examples (who sits at the host's and hostess's right and left), checked against the
seat geometry with helpers written here (a seated person's own right from his facing);
rotation invariance; couples split unless newly-wed; the fallback without genders; a
hypothesis property test against brute force; bad input; the example end to end.
"""

from __future__ import annotations

import csv
import hashlib
import itertools
import json
import math
import re
import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import Point, Polygon

from seatplan.check import check_plan
from seatplan.cli import main
from seatplan.errors import (
    AttendeeFileError,
    GeometryError,
    PlanFileError,
    ValidationError,
)
from seatplan.io.attendee_table import (
    read_attendees,
    resolve_partners,
    write_attendees_csv,
)
from seatplan.io.plan_file import load_meeting, meeting_from_dict
from seatplan.layout.banquet import CHAIR_DEPTH, CHAIR_WIDTH
from seatplan.layout.long_table import generate_long_table
from seatplan.model import Attendee, Door, Seat, SeatingProblem, ShapeKind, Venue
from seatplan.occasions.banquet import BanquetWarning, build, plan_banquet
from seatplan.pipeline import OUTPUT_FILES, build_problem
from seatplan.protocol import long_table_sequence, rank_long_table, seat_long_table
from seatplan.protocol.long_table import (
    Gender,
    long_table_neighbours,
    long_table_places,
    long_table_slots,
    parse_gender,
)
from seatplan.solve import solve

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "banquet-western" / "plan.toml"
ENGLISH = ROOT / "examples" / "banquet-western" / "plan-english.toml"
HEADER = "ID,Name,Rank,Side,Gender,Partner,Tags"
ROOM = {"width": 14.0, "depth": 10.0, "doors": [{"x": 7.0, "y": 0.0, "main": True}]}


# --------------------------------------------------------------------------------------
# helpers: people, plans and geometry computed independently of the library
# --------------------------------------------------------------------------------------


def guest_rows(men: int, women: int, *, start: int = 1) -> list[str]:
    """Guests M1.. and W1.. ranked W1, M1, W2, M2, ... (a woman first), no partners."""
    rows, rank = [], start
    for k in range(1, max(men, women) + 1):
        if k <= women:
            rows.append(f"W{k},Woman {k},{rank},guest,F,,")
            rank += 1
        if k <= men:
            rows.append(f"M{k},Man {k},{rank},guest,M,,")
            rank += 1
    return rows


HOSTS = ["H,Host,1,host,M,S,", "S,Hostess,2,host,F,,"]


def western(folder: Path, rows: list[str], banquet: dict | None = None, venue: dict | None = None, header: str = HEADER):
    (folder / "people.csv").write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    data = {
        "title": "Dinner",
        "occasion": "banquet",
        "attendees": "people.csv",
        "venue": venue or ROOM,
        "banquet": {"style": "french", **(banquet or {})},
    }
    return meeting_from_dict(data, base_dir=folder, source=folder / "plan.toml")


def seated(meeting) -> tuple[dict[str, Seat], dict[str, str]]:
    """Seats by id, and attendee id → seat id, from the solved problem (not from the occasion)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", BanquetWarning)
        problem = build_problem(meeting)
    plan = solve(problem).require_plan()
    assert check_plan(problem, plan) == []
    return {s.id: s for s in problem.seats}, dict(plan.seat_of)


def unit(deg: float) -> tuple[float, float]:
    return (math.cos(math.radians(deg)), math.sin(math.radians(deg)))


def own_hand_neighbour(seat: Seat, others: list[Seat], hand: str) -> Seat:
    """The nearest place on the sitter's own right (or left), from his facing."""
    f = unit(seat.facing)
    side = (f[1], -f[0]) if hand == "right" else (-f[1], f[0])
    cand = [
        s for s in others
        if s.id != seat.id and "stool" not in s.tags and (s.x - seat.x) * side[0] + (s.y - seat.y) * side[1] > 0.05
    ]
    return min(cand, key=lambda s: math.hypot(s.x - seat.x, s.y - seat.y))


def sides(seats: list[Seat]) -> list[list[Seat]]:
    """Places grouped by facing (a long side each; an end is a group of one), sorted along the side."""
    groups: dict[int, list[Seat]] = {}
    for s in seats:
        if "stool" not in s.tags:
            groups.setdefault(round(s.facing) % 360, []).append(s)
    out = []
    for facing, group in sorted(groups.items()):
        f = unit(facing)
        out.append(sorted(group, key=lambda s: s.x * f[1] - s.y * f[0]))
    return out


def near_pairs(seats: list[Seat], pitch: float = 0.6, width: float = 1.0) -> set[frozenset[str]]:
    """Pairs next to each other (same side, one pitch apart, or round a corner) or directly across."""
    places = [s for s in seats if "stool" not in s.tags]
    out: set[frozenset[str]] = set()
    for a, b in itertools.combinations(places, 2):
        fa, fb = unit(a.facing), unit(b.facing)
        d = math.hypot(a.x - b.x, a.y - b.y)
        dot = fa[0] * fb[0] + fa[1] * fb[1]
        if dot > 0.99 and d < 1.5 * pitch:
            out.add(frozenset((a.id, b.id)))  # side by side
        elif abs(dot) < 0.01 and d < 1.2:
            out.add(frozenset((a.id, b.id)))  # round a corner (English ends)
        elif dot < -0.99 and abs(d - (width + CHAIR_DEPTH)) < 0.01:
            out.add(frozenset((a.id, b.id)))  # across the table
    return out


def regular_seats(n: int, style: str, angle: float = 0.0, shift: tuple[float, float] = (0.0, 0.0)) -> tuple[list[Seat], str, str]:
    """A regular table from the public slots, turned by ``angle`` degrees and moved by ``shift``."""
    c, s = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    out, host, hostess = [], "", ""
    for k, slot in enumerate(long_table_slots(n, style=style)):
        if slot.side:
            x, y, f = slot.x * 0.6, slot.side * 0.725, 270.0 if slot.side > 0 else 90.0
        else:
            x, y, f = slot.x * 0.6 + math.copysign(0.225, slot.x), 0.0, 0.0 if slot.x < 0 else 180.0
        px, py = shift[0] + c * x - s * y, shift[1] + s * x + c * y
        sid = f"s{k:02d}"
        out.append(Seat(sid, "banquet", 1, k + 1, x=px, y=py, facing=(f + angle) % 360, table="1"))
        host = sid if slot.role == "host" else host
        hostess = sid if slot.role == "hostess" else hostess
    return out, host, hostess


def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines()))


# --------------------------------------------------------------------------------------
# worked examples: place sequences (golden) and the same facts from the seat geometry
# --------------------------------------------------------------------------------------

SEQUENCES = {
    ("french", 8): "R1=W1 SR1=M1 L1=W2 SL1=M2 R2=M3 SL2=W3",
    ("french", 9): "R1=W1 SR1=M1 L1=W2 SL1=M2 R2=M3 SR2=W3 L2=M4",
    ("french", 10): "R1=W1 SR1=M1 L1=W2 SL1=M2 R2=M3 SR2=W3 L2=M4 SL2=W4",
    ("french", 11): "R1=W1 SR1=M1 L1=W2 SL1=M2 R2=M3 SR2=W3 L2=M4 SL2=W4 R3=W5",
    ("french", 12): "R1=W1 SR1=M1 L1=W2 SL1=M2 R2=M3 SR2=W3 L2=M4 SL2=W4 R3=W5 SL3=M5",
    ("english", 8): "R1=W1 SR1=M1 L1=W2 SL1=M2 R2=M3 SR2=W3",
    ("english", 9): "R1=W1 SR1=M1 L1=W2 SL1=M2 R2=M3 SR2=W3 SL2=W4",
    ("english", 10): "R1=W1 SR1=M1 L1=W2 SL1=M2 R2=M3 SR2=W3 L2=M4 SL2=W4",
    ("english", 11): "R1=W1 SR1=M1 L1=W2 SL1=M2 R2=M3 SR2=W3 L2=M4 SL2=W4 R3=W5",
    ("english", 12): "R1=W1 SR1=M1 L1=W2 SL1=M2 R2=M3 SR2=W3 L2=M4 SL2=W4 R3=W5 SR3=M5",
}


@pytest.mark.parametrize(("style", "n"), sorted(SEQUENCES))
def test_place_sequences(style: str, n: int) -> None:
    seq = long_table_sequence(n, style=style)
    assert seq[:2] == [("H", "H"), ("S", "S")]
    assert " ".join(f"{p}={who}" for p, who in seq[2:]) == SEQUENCES[(style, n)]
    plain = long_table_sequence(n, style=style, genders=False)
    assert [p for p, _ in plain] == [p for p, _ in seq]
    assert [who for _, who in plain[2:]] == [f"G{k}" for k in range(1, n - 1)]


@pytest.mark.parametrize("style", ["french", "english"])
@pytest.mark.parametrize("n", [8, 9, 10, 12])
def test_worked_example_on_the_seats(tmp_path: Path, style: str, n: int) -> None:
    """Senior woman at the host's right, senior man at the hostess's right, then W2 / M2 at their lefts."""
    men = sum(1 for _, who in long_table_sequence(n, style=style) if who.startswith("M"))
    women = n - 2 - men
    m = western(tmp_path, HOSTS + guest_rows(men, women), {"style": style})
    plan = plan_banquet(m)
    assert plan.gendered
    if style == "english" and n % 2:  # an odd ring: two of one gender side by side, named
        assert len(plan.warnings) == 1 and "cannot alternate men and women all the way round" in plan.warnings[0]
    else:
        assert plan.warnings == ()
    seats, seat_of = seated(m)
    places = [s for s in seats.values() if "stool" not in s.tags]
    host, hostess = seats[seat_of["H"]], seats[seat_of["S"]]
    who = {sid: aid for aid, sid in seat_of.items()}
    assert who[own_hand_neighbour(host, places, "right").id] == "W1"
    assert who[own_hand_neighbour(hostess, places, "right").id] == "M1"
    assert who[own_hand_neighbour(host, places, "left").id] == "W2"
    assert who[own_hand_neighbour(hostess, places, "left").id] == "M2"
    # host and hostess face each other: across the middle (French) or down the table (English)
    fh, fs = unit(host.facing), unit(hostess.facing)
    assert fh[0] * fs[0] + fh[1] * fs[1] == pytest.approx(-1.0)
    towards = (hostess.x - host.x, hostess.y - host.y)
    assert towards[0] * fh[1] - towards[1] * fh[0] == pytest.approx(0.0, abs=0.31)  # directly opposite (±½ place)
    long_sides = [g for g in sides(places) if len(g) > 1]
    assert len(long_sides) == 2 and sum(len(g) for g in long_sides) == (n if style == "french" else n - 2)
    if style == "french":
        # men and women alternate along each side and across the table
        for group in long_sides:
            genders = [who[s.id][0] for s in group]
            assert all(a != b for a, b in itertools.pairwise(genders)), genders
        for a, b in near_pairs(places):
            sa, sb = seats[a], seats[b]
            if abs(unit(sa.facing)[0] + unit(sb.facing)[0]) < 1e-6 and abs(unit(sa.facing)[1] + unit(sb.facing)[1]) < 1e-6:
                assert (who[a][0] in "HM") != (who[b][0] in "HM")
    elif n % 4 == 2:  # 6, 10, 14 ... : the English table alternates all round
        for group in long_sides:
            genders = [who[s.id][0] for s in group]
            assert all(a != b for a, b in itertools.pairwise(genders)), genders


def test_english_numbers_multiple_of_four(tmp_path: Path) -> None:
    """12 at an English table: one pair of women and one of men sit together, in the lowest places."""
    m = western(tmp_path, HOSTS + guest_rows(5, 5), {"style": "english"})
    seats, seat_of = seated(m)
    who = {sid: aid for aid, sid in seat_of.items()}
    same = []
    for group in (g for g in sides(list(seats.values())) if len(g) > 1):
        for a, b in itertools.pairwise(group):
            if who[a.id][0] == who[b.id][0]:
                same.append({who[a.id], who[b.id]})
    assert len(same) == 2
    low = {aid for aid in seat_of if aid not in ("H", "S") and int(aid[1:]) >= 4}
    assert all(pair <= low for pair in same)


@pytest.mark.parametrize("style", ["french", "english"])
@pytest.mark.parametrize("n", [5, 7, 9, 11])
def test_odd_numbers_put_the_extra_place_where_the_genders_fit(tmp_path: Path, style: str, n: int) -> None:
    """Either surplus (one man more, or one woman more) alternates: the extra place changes sides."""
    for swap in (False, True):
        seq = long_table_sequence(n, style=style, swap_sides=swap)
        men = sum(1 for _, who in seq if who.startswith("M"))
        m = western(tmp_path, HOSTS + guest_rows(men, n - 2 - men), {"style": style})
        plan = plan_banquet(m)
        odd_ring = [w for w in plan.warnings if "cannot alternate men and women all the way round" in w]
        assert plan.gendered and len(odd_ring) == (style == "english") and len(plan.warnings) == len(odd_ring), (swap, plan.warnings)
        seats, seat_of = seated(m)
        who = {sid: aid for aid, sid in seat_of.items()}
        long_sides = [g for g in sides(list(seats.values())) if len(g) > 1]
        if style == "french":
            for group in long_sides:
                genders = [who[s.id][0] in "HM" for s in group]
                assert all(a != b for a, b in itertools.pairwise(genders))
    plain = long_table_sequence(n, style=style)
    swapped = long_table_sequence(n, style=style, swap_sides=True)
    assert sum(w.startswith("M") for _, w in plain) != sum(w.startswith("M") for _, w in swapped)


def test_plain_precedence_without_genders(tmp_path: Path) -> None:
    rows = ["H,Host,1,host,,,", "S,Hostess,2,host,,,"] + [f"G{k},Guest {k},{k},guest,,," for k in range(1, 9)]
    m = western(tmp_path, rows)
    with pytest.warns(BanquetWarning, match="R-BNQ-12: the gender of 8 people"):
        build(m)
    assert not plan_banquet(m).gendered
    seats, seat_of = seated(m)
    places = [s for s in seats.values() if "stool" not in s.tags]
    who = {sid: aid for aid, sid in seat_of.items()}
    host, hostess = seats[seat_of["H"]], seats[seat_of["S"]]
    assert who[own_hand_neighbour(host, places, "right").id] == "G1"
    assert who[own_hand_neighbour(hostess, places, "right").id] == "G2"
    assert who[own_hand_neighbour(host, places, "left").id] == "G3"
    assert who[own_hand_neighbour(hostess, places, "left").id] == "G4"
    assert [seats[seat_of[f"G{k}"]].number for k in range(1, 9)] == list(range(3, 11))


def test_unbalanced_genders_fall_back(tmp_path: Path) -> None:
    m = western(tmp_path, HOSTS + guest_rows(6, 2))
    plan = plan_banquet(m)
    assert not plan.gendered
    assert any("6 men and 2 women" in w and "plain precedence" in w for w in plan.warnings)
    seats, seat_of = seated(m)
    assert seats[seat_of["W1"]].number == 3 and seats[seat_of["M1"]].number == 4


def test_same_gender_host_and_hostess(tmp_path: Path) -> None:
    rows = ["H,Host,1,host,M,,", "D,Deputy,2,host,M,,"] + guest_rows(4, 4, start=3)
    plan = plan_banquet(western(tmp_path, rows))
    assert not plan.gendered and any("both men" in w for w in plan.warnings)


def test_woman_host_and_her_husband(tmp_path: Path) -> None:
    """The places alternate from the host's own gender: the senior man at her right."""
    rows = ["H,Hostess Mayor,1,host,女,S,", "S,Her husband,2,host,男,,"] + guest_rows(4, 4)
    m = western(tmp_path, rows)
    seats, seat_of = seated(m)
    places = list(seats.values())
    who = {sid: aid for aid, sid in seat_of.items()}
    assert who[own_hand_neighbour(seats[seat_of["H"]], places, "right").id] == "M1"
    assert who[own_hand_neighbour(seats[seat_of["S"]], places, "right").id] == "W1"


def test_hostess_is_the_partner_or_host_side_no_2(tmp_path: Path) -> None:
    # the host's partner is a guest-side person: she is the hostess, not host-side No.2
    rows = ["H,Host,1,host,M,Wife,", "D,Deputy,2,host,M,,", "Wife,Wife,9,guest,F,,"] + guest_rows(4, 3)
    seats, seat_of = seated(western(tmp_path, rows))
    assert seats[seat_of["H"]].number == 1 and seats[seat_of["Wife"]].number == 2
    assert "hostess-seat" in seats[seat_of["Wife"]].tags
    # no partner: host-side No.2 is the hostess
    rows = ["H,Host,1,host,M,,", "D,Deputy,2,host,F,,"] + guest_rows(4, 4)
    seats, seat_of = seated(western(tmp_path, rows))
    assert seats[seat_of["D"]].number == 2
    # nobody else on the host side: the guest of honour sits opposite the host, with a warning
    rows = ["H,Host,1,host,M,,"] + guest_rows(3, 4)
    m = western(tmp_path, rows)
    plan = plan_banquet(m)
    assert any("no hostess" in w for w in plan.warnings)
    seats, seat_of = seated(m)
    assert seats[seat_of["W1"]].number == 2


# --------------------------------------------------------------------------------------
# couples
# --------------------------------------------------------------------------------------


def with_partner(rows: list[str], a: str, b: str, tag: str = "") -> list[str]:
    out = []
    for row in rows:
        cells = row.split(",")
        if cells[0] == a:
            cells[5] = b
            cells[6] = tag
        out.append(",".join(cells))
    return out


@pytest.mark.parametrize("style", ["french", "english"])
@pytest.mark.parametrize(("a", "b"), [("W1", "M2"), ("W1", "M3"), ("M1", "W3"), ("W2", "M4"), ("M2", "W4")])
def test_couples_are_split(tmp_path: Path, style: str, a: str, b: str) -> None:
    rows = with_partner(HOSTS + guest_rows(5, 5), a, b)
    seats, seat_of = seated(western(tmp_path, rows, {"style": style}))
    assert frozenset((seat_of[a], seat_of[b])) not in near_pairs(list(seats.values()))
    # the senior woman and man keep the places of honour when they are not the ones displaced
    host, hostess = seats[seat_of["H"]], seats[seat_of["S"]]
    who = {sid: aid for aid, sid in seat_of.items()}
    assert who[own_hand_neighbour(host, list(seats.values()), "right").id] == "W1"
    assert who[own_hand_neighbour(hostess, list(seats.values()), "right").id] == "M1"


def test_couple_across_is_moved_unless_newlywed(tmp_path: Path) -> None:
    """French: the host's right (W1) faces the hostess's left (M2) across the table."""
    plain = HOSTS + guest_rows(4, 4)
    seats, seat_of = seated(western(tmp_path, plain))
    assert frozenset((seat_of["W1"], seat_of["M2"])) in near_pairs(list(seats.values()))  # across, by precedence
    moved = seated(western(tmp_path, with_partner(plain, "W1", "M2")))
    assert frozenset((moved[1]["W1"], moved[1]["M2"])) not in near_pairs(list(moved[0].values()))
    assert moved[0][moved[1]["M3"]].number == seats[seat_of["M2"]].number  # M3 moves up into M2's place
    for tag in ("newlywed", "新婚", "engaged"):
        kept = seated(western(tmp_path, with_partner(plain, "W1", "M2", tag)))
        assert kept[1] == seat_of  # a newly-wed couple keeps the precedence places


def test_couple_of_host_side_and_hostess_partner(tmp_path: Path) -> None:
    """A hostess who is not the host's partner: her own partner does not sit by her."""
    rows = ["H,Host,1,host,M,,", "D,Deputy,2,host,F,M1,"] + guest_rows(4, 4)
    seats, seat_of = seated(western(tmp_path, rows))
    assert seats[seat_of["D"]].number == 2
    assert frozenset((seat_of["D"], seat_of["M1"])) not in near_pairs(list(seats.values()))


def test_couples_that_cannot_be_split_are_reported() -> None:
    seats, host_seat, hostess_seat = regular_seats(4, "french")
    host = Attendee(id="H", name="Host", gender="M")
    hostess = Attendee(id="S", name="Hostess", gender="F")
    people = [Attendee(id="A", name="A", gender="F", partner="B"), Attendee(id="B", name="B", gender="M", partner="A")]
    out = seat_long_table(seats, people, host=host, hostess=hostess, host_seat=host_seat, hostess_seat=hostess_seat)
    assert out.unsplit == (("A", "B"),)
    assert any("no arrangement splits every couple" in w for w in out.warnings)


# --------------------------------------------------------------------------------------
# rotation invariance
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("style", ["french", "english"])
@pytest.mark.parametrize("n", [7, 10, 12])
def test_rotating_the_table_keeps_the_ranks(style: str, n: int) -> None:
    base, host, hostess = regular_seats(n, style)
    ranked = rank_long_table(base, host_seat=host, hostess_seat=hostess)
    labels = [p.label for p in long_table_places(base, host_seat=host, hostess_seat=hostess)]
    nb = long_table_neighbours(base)
    people = [Attendee(id=f"P{k}", name=f"P{k}", gender="MF"[k % 2], partner=f"P{k + 1}" if k % 4 == 0 else "") for k in range(n - 2)]
    people = [Attendee(id=a.id, name=a.name, gender=a.gender, partner=a.partner if a.partner in {p.id for p in people} else "") for a in people]
    H, S = Attendee(id="H", name="H", gender="M"), Attendee(id="S", name="S", gender="F")
    first = seat_long_table(base, people, host=H, hostess=S, host_seat=host, hostess_seat=hostess)
    for angle, shift in ((37.0, (5.0, -2.0)), (90.0, (0.0, 0.0)), (180.0, (3.3, 4.4)), (251.5, (-7.0, 1.0))):
        turned, h2, s2 = regular_seats(n, style, angle, shift)
        assert rank_long_table(turned, host_seat=h2, hostess_seat=s2) == ranked
        assert [p.label for p in long_table_places(turned, host_seat=h2, hostess_seat=s2)] == labels
        nb2 = long_table_neighbours(turned)
        assert nb2.next_to == nb.next_to and nb2.across == nb.across
        again = seat_long_table(turned, people, host=H, hostess=S, host_seat=h2, hostess_seat=s2)
        assert again.occupant == first.occupant


def test_rotated_room_gives_the_same_places(tmp_path: Path) -> None:
    """The same dinner in a room whose door is on the right-hand wall: everybody keeps his place number."""
    rows = with_partner(HOSTS + guest_rows(5, 5), "W1", "M3")
    out = {}
    for name, venue in (
        ("plain", ROOM),
        ("turned", {"outline": [[0, 0], [10, 0], [10, 14], [0, 14]], "doors": [{"x": 10.0, "y": 7.0, "main": True}]}),
    ):
        folder = tmp_path / name
        folder.mkdir()
        for style in ("french", "english"):
            seats, seat_of = seated(western(folder, rows, {"style": style}, venue))
            out[(name, style)] = {aid: seats[sid].number for aid, sid in seat_of.items()}
            host = seats[seat_of["H"]]
            f = unit(host.facing)
            if style == "french":  # the host faces the door
                door = venue["doors"][0]
                assert (door["x"] - host.x) * f[0] + (door["y"] - host.y) * f[1] > 0
    assert out[("plain", "french")] == out[("turned", "french")]
    assert out[("plain", "english")] == out[("turned", "english")]


# --------------------------------------------------------------------------------------
# property: a permutation, anchors fixed, couples split whenever possible
# --------------------------------------------------------------------------------------


def brute_force_split(seats, places, people, partner_of, near, gendered) -> bool:
    """True if some arrangement (genders kept when ``gendered``) splits every couple."""
    fixed = {places[0].seat_id: "H", places[1].seat_id: "S"}
    rest = places[2:]
    classes = sorted({p.gender if gendered else None for p in rest}, key=str)
    groups = []
    for c in classes:
        slots = [p.seat_id for p in rest if (p.gender if gendered else None) == c]
        folks = [a.id for a in people if (parse_gender(a.gender) if gendered else None) == c]
        groups.append((slots, folks))
    for combo in itertools.product(*(itertools.permutations(folks) for _, folks in groups)):
        seat_of = {aid: sid for sid, aid in fixed.items()}
        for (slots, _), order in zip(groups, combo):
            seat_of.update(zip(order, slots))
        if all(seat_of[b] not in near.near(seat_of[a]) for a, b in partner_of.items()):
            return True
    return False


@settings(max_examples=60, deadline=None)
@given(
    style=st.sampled_from(["french", "english"]),
    n=st.integers(min_value=2, max_value=20),
    data=st.data(),
)
def test_property_seating(style: str, n: int, data: st.DataObject) -> None:
    seats, host_seat, hostess_seat = regular_seats(n, style)
    places = long_table_places(seats, host_seat=host_seat, hostess_seat=hostess_seat)
    want = [p.gender for p in places[2:]]
    balanced = data.draw(st.booleans())
    if balanced:
        genders = list(data.draw(st.permutations(want)))
    else:
        genders = data.draw(st.lists(st.sampled_from([Gender.MALE, Gender.FEMALE, None]), min_size=n - 2, max_size=n - 2))
    ids = [f"P{k:02d}" for k in range(n - 2)]
    max_couples = (n - 2) // 2 if n <= 9 else 2
    k_couples = data.draw(st.integers(min_value=0, max_value=max_couples))
    shuffled = data.draw(st.permutations(ids))
    pairs = [(shuffled[2 * i], shuffled[2 * i + 1]) for i in range(k_couples)]
    partner = {a: b for a, b in pairs} | {b: a for a, b in pairs}
    newly = {a for a, _ in pairs if data.draw(st.booleans()) and data.draw(st.booleans())}
    people = [
        Attendee(
            id=aid,
            name=aid,
            gender={Gender.MALE: "M", Gender.FEMALE: "F", None: ""}[g],
            partner=partner.get(aid, ""),
            tags=frozenset({"newlywed"}) if aid in newly else frozenset(),
        )
        for aid, g in zip(ids, genders)
    ]
    H, S = Attendee(id="H", name="H", gender="M"), Attendee(id="S", name="S", gender="F")
    out = seat_long_table(seats, people, host=H, hostess=S, host_seat=host_seat, hostess_seat=hostess_seat)
    # a permutation: every seat once, everybody once, host and hostess in their places
    assert sorted(out.occupant) == sorted(s.id for s in seats)
    assert sorted(out.occupant.values()) == sorted(["H", "S", *ids])
    assert out.occupant[host_seat] == "H" and out.occupant[hostess_seat] == "S"
    assert out.gendered == (None not in genders and sorted(genders) == sorted(want))
    if out.gendered:  # everybody on a place meant for his or her gender
        by_seat = {p.seat_id: p for p in places}
        person = {a.id: a for a in people}
        for sid, aid in out.occupant.items():
            if aid not in ("H", "S"):
                assert parse_gender(person[aid].gender) is by_seat[sid].gender
    # couples: split whenever some arrangement splits them
    near = long_table_neighbours(seats)
    seat_of = {aid: sid for sid, aid in out.occupant.items()}
    active = {a: b for a, b in partner.items() if a not in newly and b not in newly}
    together = sorted({tuple(sorted((a, b))) for a, b in active.items() if seat_of[b] in near.near(seat_of[a])})
    assert list(out.unsplit) == together
    if together:
        assert n <= 9 and not brute_force_split(seats, places, people, active, near, out.gendered)
    if not pairs:
        # without couples, precedence is exact: the k-th of a class on the k-th place of that class
        rank = {p.seat_id: k for k, p in enumerate(places)}
        for g in ({p.gender for p in places[2:]} if out.gendered else {None}):
            folks = [a.id for a in people if (parse_gender(a.gender) if out.gendered else None) == g]
            assert [seat_of[a] for a in folks] == sorted((seat_of[a] for a in folks), key=rank.__getitem__)


# --------------------------------------------------------------------------------------
# layout
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("style", ["french", "english"])
@pytest.mark.parametrize("axis", ["across", "along"])
def test_layout_geometry(style: str, axis: str) -> None:
    venue = Venue.rectangle(14.0, 12.0, doors=(Door(7.0, 0.0, main=True),), obstacles=(((6.8, 5.8), (7.2, 5.8), (7.2, 6.2), (6.8, 6.2)),))
    t = generate_long_table(venue, n_seats=16, style=style, axis=axis, wall_gap=0.9)
    table = Polygon(next(s.points for s in t.layout.shapes if s.kind is ShapeKind.TABLE))
    pillar = Polygon(venue.obstacles[0])
    room = Polygon(venue.outline)
    assert table.distance(pillar) > 0  # moved off the pillar in the middle of the room
    assert table.area == pytest.approx(t.length * t.width)
    assert t.length == pytest.approx(8 * 0.6 if style == "french" else 7 * 0.6)
    chairs = []
    for s in t.layout.seats:
        f = unit(s.facing)
        left = (-f[1], f[0])
        hd, hw = CHAIR_DEPTH / 2, CHAIR_WIDTH / 2
        chair = Polygon([(s.x + a * f[0] * hd + b * left[0] * hw, s.y + a * f[1] * hd + b * left[1] * hw) for a, b in ((1, 1), (-1, 1), (-1, -1), (1, -1))])
        front = Point(s.x + f[0] * hd, s.y + f[1] * hd)
        assert table.exterior.distance(front) < 1e-3  # the seat front flush with the table edge (R-PHY-11)
        assert chair.intersection(table).area < 1e-6
        assert chair.distance(room.exterior) >= 0.9 - 1e-6 and chair.distance(pillar) >= 0.9 - 1e-6
        chairs.append(chair)
    for a, b in itertools.combinations(chairs, 2):
        assert a.intersection(b).area < 1e-6
    host = t.layout.seats[0]
    assert host.id == "t01-s01" and "host-seat" in host.tags and {"host-seat", "hostess-seat"} <= t.layout.seats[1].tags
    assert [s.number for s in t.layout.seats] == list(range(1, 17))
    if axis == "across" and style == "french":
        assert host.facing == pytest.approx(270.0) and host.y > t.centre[1]  # far side, facing the door
    if axis == "along" and style == "english":
        assert host.facing == pytest.approx(270.0) and host.y > t.layout.seats[1].y  # far end, facing the door
    if axis == "across" and style == "english":
        assert host.x < t.layout.seats[1].x  # the end at the right of a person facing the door (以右为上)


def test_english_host_at_the_end_far_from_an_off_centre_door() -> None:
    venue = Venue.rectangle(14.0, 10.0, doors=(Door(2.0, 0.0, main=True),))
    t = generate_long_table(venue, n_seats=12, style="english")
    assert t.layout.seats[0].x > t.layout.seats[1].x  # the door is at the left: the host takes the right end


def test_table_that_does_not_fit(tmp_path: Path) -> None:
    with pytest.raises(GeometryError) as info:
        plan_banquet(western(tmp_path, HOSTS + guest_rows(15, 15), venue={"width": 8.0, "depth": 8.0, "doors": [{"x": 4.0, "y": 0.0, "main": True}]}))
    assert info.value.location.field == "banquet.long_table_axis"
    assert "along" in info.value.hint
    m = western(tmp_path, HOSTS + guest_rows(9, 9), {"long_table_axis": "along"}, venue={"width": 8.0, "depth": 12.0, "doors": [{"x": 4.0, "y": 0.0, "main": True}]})
    assert plan_banquet(m).long_table is not None  # along the room it fits


# --------------------------------------------------------------------------------------
# bad input
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("banquet", "key"),
    [
        ({"style": "buffet"}, "banquet.style"),
        ({"cohost": True}, "banquet.cohost"),
        ({"tables": 2, "rows": [2]}, "banquet.tables"),
        ({"long_table_width": 5.0}, "banquet.long_table_width"),
        ({"long_table_seat_pitch": 0.3}, "banquet.long_table_seat_pitch"),
        ({"long_table_seat_pitch": "wide"}, "banquet.long_table_seat_pitch"),
        ({"long_table_axis": "diagonal"}, "banquet.long_table_axis"),
        ({"interpreters": "at-right"}, "banquet.interpreters"),
        ({"style": "rounds", "long_table_width": 1.2}, "banquet.long_table_width"),
    ],
)
def test_bad_options(tmp_path: Path, banquet: dict, key: str) -> None:
    with pytest.raises(PlanFileError) as info:
        plan_banquet(western(tmp_path, HOSTS + guest_rows(2, 2), banquet))
    assert info.value.location.field == key
    assert str(info.value.location.file).endswith("plan.toml") and info.value.hint


@pytest.mark.parametrize(
    ("rows", "row", "value", "text"),
    [
        (["H,Host,1,host,M,Nobody,", "S,Hostess,2,host,F,,"], 2, "Nobody", "not on the attendee list"),
        (["H,Host,1,host,M,H,", "S,Hostess,2,host,F,,"], 2, "H", "own partner"),
        (["H,Host,1,host,M,Ann,", "A1,Ann,2,host,F,,", "A2,Ann,3,guest,F,,"], 2, "Ann", "2 attendees are called"),
        (["H,Host,1,host,M,S,", "S,Hostess,2,host,F,G,", "G,Guest,3,guest,M,,"], 3, "G", "partner is"),
        (["H,Host,1,host,M,S,", "S,Hostess,2,host,F,,", "G,Guest,3,guest,M,S,"], 4, "S", "both name"),
    ],
)
def test_bad_partner(tmp_path: Path, rows: list[str], row: int, value: str, text: str) -> None:
    with pytest.raises(AttendeeFileError) as info:
        plan_banquet(western(tmp_path, rows))
    loc = info.value.location
    assert str(loc.file).endswith("people.csv") and (loc.row, loc.field, loc.value) == (row, "配偶/partner", value)
    assert text in info.value.message and info.value.hint


def test_other_bad_input(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="needs a host"):
        plan_banquet(western(tmp_path, guest_rows(3, 3)))
    with pytest.raises(ValidationError, match="interpreters"):
        plan_banquet(western(tmp_path, HOSTS + guest_rows(1, 1) + [f"I{k},Interp {k},9,guest,F,,interpreter" for k in range(3)]))
    with pytest.raises(ValidationError, match="at least 2"):
        long_table_slots(1, style="french")
    seats, h, s = regular_seats(6, "french")
    with pytest.raises(ValidationError, match="not one of the table's seats"):
        rank_long_table(seats, host_seat="nope", hostess_seat=s)
    with pytest.raises(ValidationError, match="share a seat"):
        rank_long_table(seats, host_seat=h, hostess_seat=h)
    backwards = [Seat(x.id, x.section, 1, x.number, x.x, x.y, (x.facing + 180) % 360) for x in seats]
    with pytest.raises(GeometryError, match="does not face the table"):
        rank_long_table(backwards, host_seat=h, hostess_seat=s)
    with pytest.raises(ValidationError, match="places"):
        seat_long_table(seats, [], host=Attendee(id="H", name="H"), hostess=Attendee(id="S", name="S"), host_seat=h, hostess_seat=s)


def test_gender_words() -> None:
    assert [parse_gender(t) for t in ("男", "男性", "M", "male", " Male ", "先生")] == [Gender.MALE] * 6
    assert [parse_gender(t) for t in ("女", "女士", "F", "female", "Ｆ", "W")] == [Gender.FEMALE] * 6
    assert [parse_gender(t) for t in ("", "x", "未知")] == [None] * 3


def test_partner_column_read_and_written(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("姓名,编号,配偶,性别\n张三,1,李四,男\n李四,2,,女\n王五,3,,男\n", encoding="utf-8")
    people = read_attendees(path)
    assert [a.partner for a in people] == ["李四", "", ""]
    assert resolve_partners(people) == {"1": "2", "2": "1"}
    write_attendees_csv(people, tmp_path / "back.csv")
    back = read_attendees(tmp_path / "back.csv")
    assert [a.partner for a in back] == ["李四", "", ""]
    assert "配偶" in (tmp_path / "back.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    write_attendees_csv([Attendee(id="1", name="甲")], tmp_path / "none.csv")
    assert "配偶" not in (tmp_path / "none.csv").read_text(encoding="utf-8-sig")  # older lists keep their columns


# --------------------------------------------------------------------------------------
# the example, end to end
# --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def example_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("western") / "out"
    with warnings.catch_warnings():
        warnings.simplefilter("error", BanquetWarning)  # the example is clean
        assert main(["solve", str(EXAMPLE), "--out", str(out)]) == 0
    return out


def test_example_outputs(example_out: Path) -> None:
    for name in OUTPUT_FILES:
        assert (example_out / name).stat().st_size > 0, name
    rows = read_csv(example_out / "seats.csv")
    assert len(rows) == 22 and {r["table"] for r in rows} == {"1"}
    by_id = {r["id"]: r for r in rows}
    assert by_id["H01"]["seat"] == "1" and by_id["H02"]["seat"] == "2"
    assert by_id["G02"]["seat"] == "3" and by_id["G01"]["seat"] == "4"  # senior woman / senior man
    assert by_id["I01"]["seat_id"] == "t01-i2" and by_id["I02"]["seat_id"] == "t01-i1"  # stools
    stool, principal = by_id["I02"], by_id["G01"]
    assert math.hypot(float(stool["x"]) - float(principal["x"]), float(stool["y"]) - float(principal["y"])) == pytest.approx(0.6, abs=0.01)
    summary = json.loads((example_out / "summary.json").read_text(encoding="utf-8"))
    assert summary["seated"] == 22 and summary["unseated"] == 0
    pages = re.findall(rb"/Type\s*/Page(?!s)", (example_out / "cards.pdf").read_bytes())
    assert len(pages) == 20  # a place card per place, none for the interpreters' stools


def example_problem(path: Path) -> tuple[SeatingProblem, dict[str, str]]:
    problem = build_problem(load_meeting(path))
    plan = solve(problem).require_plan()
    assert check_plan(problem, plan) == []
    return problem, plan.seat_of


@pytest.mark.parametrize("path", [EXAMPLE, ENGLISH])
def test_example_couples_and_alternation(path: Path) -> None:
    problem, seat_of = example_problem(path)
    seats = {s.id: s for s in problem.seats}
    who = {sid: aid for aid, sid in seat_of.items()}
    near = near_pairs(list(seats.values()))
    meeting = load_meeting(path)
    partners = resolve_partners(meeting.attendees)
    people = {a.id: a for a in meeting.attendees}
    for a, b in partners.items():
        if {a, b} == {"H01", "H02"} or "newlywed" in people[a].tags | people[b].tags:
            continue
        assert frozenset((seat_of[a], seat_of[b])) not in near, (a, b)
    places = [s for s in seats.values() if "stool" not in s.tags]
    host, hostess = seats[seat_of["H01"]], seats[seat_of["H02"]]
    assert who[own_hand_neighbour(host, places, "right").id] == "G02"  # Catherine Hale
    assert who[own_hand_neighbour(hostess, places, "right").id] == "G01"  # the Lord Mayor
    if path == EXAMPLE:
        for group in sides(places):
            genders = [parse_gender(people[who[s.id]].gender) for s in group]
            assert all(x is not y for x, y in itertools.pairwise(genders))


def test_example_diagram_frames_host_and_hostess() -> None:
    from matplotlib.colors import to_hex

    from seatplan.render import draw_plan

    problem = build_problem(load_meeting(EXAMPLE))
    ax = draw_plan(problem, solve(problem).require_plan())
    texts = [t.get_text() for t in ax.texts]
    assert texts.count("主桌") == 1
    (seats,) = [c for c in ax.collections if c.get_gid() == "seats"]  # one marker per seat, in seat_ids order
    edges = {f"seat-{sid}": to_hex(edge) for sid, edge in zip(seats.seat_ids, seats.get_edgecolor())}
    assert {gid for gid, colour in edges.items() if colour == "#c00000"} == {"seat-t01-s01", "seat-t01-s02"}


def test_deterministic(tmp_path: Path) -> None:
    digests = []
    for k in range(2):
        out = tmp_path / f"run{k}"
        assert main(["solve", str(ENGLISH), "--out", str(out)]) == 0
        summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
        summary["solver"]["seconds"] = 0
        digests.append(
            {n: hashlib.sha256((out / n).read_bytes()).hexdigest() for n in OUTPUT_FILES if n != "summary.json"}
            | {"summary": json.dumps(summary, sort_keys=True)}
        )
    assert digests[0] == digests[1]


# --------------------------------------------------------------------------------------
# review findings: stools, requests in the docs, a blank host gender, odd English tables
# --------------------------------------------------------------------------------------


def example_copy(folder: Path, *, plan_extra: str = "", top: str = "", rows: dict[str, str] | None = None) -> Path:
    """The French example copied to ``folder``: ``top`` keys after ``attendees``, ``plan_extra`` at
    the end, list rows replaced by id (``rows``: id → whole new row)."""
    src = EXAMPLE.parent
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace('attendees = "attendees.csv"\n', f'attendees = "attendees.csv"\n{top}\n', 1) + plan_extra
    (folder / "plan.toml").write_text(text, encoding="utf-8")
    lines = (src / "attendees.csv").read_text(encoding="utf-8-sig").splitlines()
    lines = [(rows or {}).get(line.split(",", 1)[0], line) for line in lines]
    (folder / "attendees.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder / "plan.toml"


RESERVE_LAST = '\n[rules]\nreserved = ["1号桌 20号"]\n'


def test_reserved_place_never_seats_a_guest_on_a_stool(tmp_path: Path) -> None:
    """A reserved place shifts the last guest out, not onto an interpreter's stool (R-BNQ-10)."""
    problem = build_problem(load_meeting(example_copy(tmp_path, top="allow_unseated = true", plan_extra=RESERVE_LAST)))
    plan = solve(problem).require_plan()
    assert check_plan(problem, plan) == []
    seats = {s.id: s for s in problem.seats}
    stools = [s for s in problem.seats if "stool" in s.tags]
    assert len(stools) == 2
    occupant = plan.occupant_of()
    for stool in stools:
        person = problem.attendee(occupant[stool.id])
        assert "interpreter" in person.tags, (stool.id, person.name)
    # each interpreter sits right behind his principal: Xu Jing the host, Hannah Wu the Lord Mayor
    for interpreter, principal in (("I01", "H01"), ("I02", "G01")):
        a, b = seats[plan.seat_of[interpreter]], seats[plan.seat_of[principal]]
        assert math.hypot(a.x - b.x, a.y - b.y) == pytest.approx(0.6, abs=0.01)
    assert "t01-s20" not in occupant  # the reserved place
    assert "H06" not in plan.seat_of and "H06" in plan.unseated  # Gao Feng, the last diner, is left out
    assert {"I01", "I02"} <= set(plan.seat_of)


def test_reserved_place_without_allow_unseated_names_the_last_diner(tmp_path: Path) -> None:
    from seatplan.errors import InfeasiblePlanError

    problem = build_problem(load_meeting(example_copy(tmp_path, plan_extra=RESERVE_LAST)))
    with pytest.raises(InfeasiblePlanError) as err:
        solve(problem).require_plan()
    assert "Gao Feng" in str(err.value) and "Xu Jing" not in str(err.value)


def test_stools_are_zones_of_their_own(tmp_path: Path) -> None:
    """Places in the zone "banquet"; each stool a strict zone of one, kept strict by requests."""
    from seatplan.occasions.banquet import stool_zone_name
    from seatplan.rules import is_flow_zone

    problem = build_problem(load_meeting(example_copy(tmp_path, plan_extra='\n[rules]\nkeep_apart = [["G12", "G13"]]\n')))
    zones = {z.name: z for z in problem.zones}
    assert list(zones) == ["banquet", stool_zone_name(1), stool_zone_name(2)]
    assert zones["banquet:stool-1"].seat_ids == ("t01-i1",) and zones["banquet:stool-1"].attendee_ids == ("I02",)
    assert zones["banquet:stool-2"].seat_ids == ("t01-i2",) and zones["banquet:stool-2"].attendee_ids == ("I01",)
    assert all(z.strict for z in problem.zones)
    assert not any("stool" in problem.seat(s).tags for s in zones["banquet"].seat_ids)
    assert not is_flow_zone(stool_zone_name(1))
    plan = solve(problem).require_plan()
    assert check_plan(problem, plan) == []


def test_docs_say_requests_leave_a_long_table_strict() -> None:
    """docs/banquet.md agrees with docs/rules.md "At a banquet": no moves, unmet requests conflict."""
    text = (ROOT / "docs" / "banquet.md").read_text(encoding="utf-8")
    western = text[text.index("## 西式长桌"):]
    western = western[: western.index("\n## ", 1)]
    assert "may move guests" not in western and "does not know genders or couples" not in western
    para = next(p for p in western.split("\n\n") if p.startswith("**Requests"))
    assert "strict" in para and "conflict" in para and "docs/rules.md" in para
    assert "冲突" in para and "不因座位要求" in para  # the Chinese half says the same
    rules = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert "reported as a conflict" in rules  # the behaviour the paragraph points to


@pytest.mark.parametrize(
    ("h01", "h02", "host_gender"),
    [
        ("H01,Chen Jianping,Jiangzhou Municipal Government,Mayor,1,host,,H02,", None, Gender.MALE),
        (None, "H02,Liu Min,Jiangzhou Municipal Government,,2,host,,H01,", Gender.MALE),
        ("H01,Chen Jianping,Jiangzhou Municipal Government,Mayor,1,host,,H02,", "H02,Liu Min,Jiangzhou Municipal Government,,2,host,?,H01,", Gender.MALE),
    ],
)
def test_blank_anchor_gender_keeps_alternation(tmp_path: Path, h01: str | None, h02: str | None, host_gender: Gender) -> None:
    """A blank 性别 of host or hostess takes the default: the Lord Mayor still at the hostess's right."""
    rows = {k: v for k, v in (("H01", h01), ("H02", h02)) if v}
    meeting = load_meeting(example_copy(tmp_path, rows=rows))
    plan = plan_banquet(meeting)
    assert plan.gendered and plan.warnings == ()
    seats, seat_of = seated(meeting)
    places = [s for s in seats.values() if "stool" not in s.tags]
    who = {sid: aid for aid, sid in seat_of.items()}
    host, hostess = seats[seat_of["H01"]], seats[seat_of["H02"]]
    assert who[own_hand_neighbour(host, places, "right").id] == "G02"  # Catherine Hale, the senior woman
    assert who[own_hand_neighbour(hostess, places, "right").id] == "G01"  # Richard Hale, the senior man
    people = {a.id: a for a in meeting.attendees}
    for group in sides(places):
        anchors = {"H01": host_gender, "H02": host_gender.other}  # the defaults taken for a blank 性别
        genders = [anchors.get(who[s.id]) or parse_gender(people[who[s.id]].gender) for s in group]
        assert all(x is not y for x, y in itertools.pairwise(genders))


def test_blank_host_with_a_husband_as_hostess(tmp_path: Path) -> None:
    """Host's 性别 blank, the "hostess" marked 男: she is taken as a woman, the senior man at her right."""
    rows = ["H,Mayor,1,host,,S,", "S,Her husband,2,host,男,,"] + guest_rows(4, 4)
    m = western(tmp_path, rows)
    plan = plan_banquet(m)
    assert plan.gendered and plan.warnings == ()
    seats, seat_of = seated(m)
    who = {sid: aid for aid, sid in seat_of.items()}
    assert who[own_hand_neighbour(seats[seat_of["H"]], list(seats.values()), "right").id] == "M1"


def test_both_anchors_marked_one_gender_still_fall_back(tmp_path: Path) -> None:
    rows = ["H,Host,1,host,M,S,", "S,Partner,2,host,M,,"] + guest_rows(4, 4, start=3)
    plan = plan_banquet(western(tmp_path, rows))
    assert not plan.gendered and any("both men" in w for w in plan.warnings)


def test_blank_guest_gender_still_falls_back(tmp_path: Path) -> None:
    rows = HOSTS + guest_rows(4, 3) + ["X,Somebody,99,guest,,,"]
    plan = plan_banquet(western(tmp_path, rows))
    assert not plan.gendered
    assert any("the gender of 1 person" in w and "Somebody" in w and "Host" not in w.split(":")[1] for w in plan.warnings)


def same_gender_neighbours(seats: dict[str, Seat], seat_of: dict[str, str], gender: dict[str, str]) -> set[frozenset[str]]:
    """Attendee pairs of one gender side by side (same side or round a corner), from the geometry."""
    who = {sid: aid for aid, sid in seat_of.items()}
    out = set()
    for pair in near_pairs(list(seats.values())):
        a, b = (seats[s] for s in pair)
        fa, fb = unit(a.facing), unit(b.facing)
        if fa[0] * fb[0] + fa[1] * fb[1] < -0.99:
            continue  # across the table
        if gender[who[a.id]] == gender[who[b.id]]:
            out.add(frozenset((who[a.id], who[b.id])))
    return out


@pytest.mark.parametrize(("guests", "n_warn"), [("FMFMFMFMF", 1), ("MFMFMFMFM", 1), ("FMFMF", 1), ("FMFMFMFM", 0)])
def test_odd_english_table_names_the_two_who_sit_together(tmp_path: Path, guests: str, n_warn: int) -> None:
    """An odd English table cannot alternate all round: a BanquetWarning names the pair (R-BNQ-12)."""
    rows = list(HOSTS)
    for k, g in enumerate(guests, start=1):
        rows.append(f"G{k},Guest {k}{g},{k},guest,{g},,")
    gender = {"H": "M", "S": "F"} | {f"G{k}": g for k, g in enumerate(guests, start=1)}
    name = {"H": "Host", "S": "Hostess"} | {f"G{k}": f"Guest {k}{g}" for k, g in enumerate(guests, start=1)}
    m = western(tmp_path, rows, {"style": "english"})
    seats, seat_of = seated(m)
    pairs = same_gender_neighbours(seats, seat_of, gender)
    plan = plan_banquet(m)
    found = [w for w in plan.warnings if "cannot alternate men and women all the way round" in w]
    assert plan.gendered and len(found) == n_warn
    if len(guests) % 2 == 0:  # 10 people: nobody of one gender side by side, nothing to say
        assert pairs == set() and plan.warnings == ()
        return
    assert len(pairs) == 1
    (pair,) = pairs
    words = "both women" if gender[next(iter(pair))] == "F" else "both men"
    a, b = sorted(pair, key=lambda aid: seats[seat_of[aid]].number)  # better place first
    assert f"{name[a]} and {name[b]} ({words}) sit side by side" in found[0]
    with pytest.warns(BanquetWarning, match=re.escape(f"{name[a]} and {name[b]}")):
        build(m)


@pytest.mark.parametrize("guests", ["FMFMFMFMF", "MFMFMFMFM"])
def test_odd_french_table_alternates_without_warning(tmp_path: Path, guests: str) -> None:
    rows = list(HOSTS) + [f"G{k},Guest {k}{g},{k},guest,{g},," for k, g in enumerate(guests, start=1)]
    gender = {"H": "M", "S": "F"} | {f"G{k}": g for k, g in enumerate(guests, start=1)}
    m = western(tmp_path, rows, {"style": "french"})
    seats, seat_of = seated(m)
    assert same_gender_neighbours(seats, seat_of, gender) == set()
    assert plan_banquet(m).warnings == ()


def test_docs_no_longer_promise_alternation_at_odd_english_tables() -> None:
    text = (ROOT / "docs" / "banquet.md").read_text(encoding="utf-8")
    assert "so that men and women still alternate" not in text
    assert "cannot alternate all the way round" in text and "`BanquetWarning` names them" in text
