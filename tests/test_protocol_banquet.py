"""Banquet protocol (R-BNQ-1 … R-BNQ-14, R-PHY-10; golden vectors T15-T20, T29).

Layouts are written in plan view (PV) with the main door at the bottom, then the
whole scene (tables and door) is rotated / mirrored to show that the ranks come
from geometry, not from a hard-coded orientation.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seatplan.errors import GeometryError, ValidationError
from seatplan.model import Door, Seat
from seatplan.protocol.banquet import (
    DEFAULT_TIE_BREAK,
    BanquetVariant,
    HostFacing,
    InterpreterPlacement,
    MainRule,
    RightOf,
    TableHandedness,
    TieBreak,
    choose_main_table,
    door_inward,
    interpreter_position,
    label_places,
    place_sequence,
    rank_banquet_seats,
    rank_places,
    rank_tables,
    table_diameter,
    table_sizes,
)

DOOR = (0.0, -6.0)  # PV: the main door at the bottom, on the hall's axis


def rot(p: tuple[float, float], deg: float, about: tuple[float, float] = (0.0, 0.0)) -> tuple[float, float]:
    a = math.radians(deg)
    x, y = p[0] - about[0], p[1] - about[1]
    return (about[0] + x * math.cos(a) - y * math.sin(a), about[1] + x * math.sin(a) + y * math.cos(a))


def mirror(p: tuple[float, float]) -> tuple[float, float]:
    return (-p[0], p[1])


# --------------------------------------------------------------------------------------
# R-BNQ-5 reference layouts: centres (PV, door at the bottom) and expected ranks
# --------------------------------------------------------------------------------------

G3 = [(-3.0, 6.0), (0.0, 6.0), (3.0, 6.0), (-3.0, 3.0), (0.0, 3.0), (3.0, 3.0), (-3.0, 0.0), (0.0, 0.0), (3.0, 0.0)]

# name: (centres, expected rank per table, options)
LAYOUTS: dict[str, tuple[list[tuple[float, float]], list[int], dict]] = {
    # T15 / R-BNQ-3: side by side, PV `1 2`
    "2 side by side": ([(-1.5, 0.0), (1.5, 0.0)], [1, 2], {}),
    # R-BNQ-3: one behind the other, top `1`, bottom `2`
    "2 one behind the other": ([(0.0, 3.0), (0.0, 0.0)], [1, 2], {}),
    # T16: one row `2 1 3`
    "3 in a row": ([(-3.0, 0.0), (0.0, 0.0), (3.0, 0.0)], [2, 1, 3], {}),
    # 品: top `1`; bottom `2 3`
    "3 pin": ([(0.0, 3.0), (-1.5, 0.0), (1.5, 0.0)], [1, 2, 3], {}),
    # 2 × 2: `1 2` / `3 4`
    "4 2x2": ([(-1.5, 3.0), (1.5, 3.0), (-1.5, 0.0), (1.5, 0.0)], [1, 2, 3, 4], {}),
    # main top-centre, 4 in a row below: top `1`; bottom `4 2 3 5`
    "5 main top + 4 below": ([(0.0, 3.0), (-4.5, 0.0), (-1.5, 0.0), (1.5, 0.0), (4.5, 0.0)], [1, 4, 2, 3, 5], {}),
    # quincunx, main in the middle: `2 · 3` / `1` / `4 · 5`
    "5 quincunx": (
        [(-3.0, 6.0), (3.0, 6.0), (0.0, 3.0), (-3.0, 0.0), (3.0, 0.0)],
        [2, 3, 1, 4, 5],
        {"main_rule": "centre"},
    ),
    # 2 × 3, main far-centre: `2 1 3` / `5 4 6`
    "6 2x3": (
        [(-3.0, 3.0), (0.0, 3.0), (3.0, 3.0), (-3.0, 0.0), (0.0, 0.0), (3.0, 0.0)],
        [2, 1, 3, 5, 4, 6],
        {},
    ),
    # 3 + 4: `2 1 3` / `6 4 5 7`
    "7 3+4": (
        [(-3.0, 3.0), (0.0, 3.0), (3.0, 3.0), (-4.5, 0.0), (-1.5, 0.0), (1.5, 0.0), (4.5, 0.0)],
        [2, 1, 3, 6, 4, 5, 7],
        {},
    ),
    # T17: 3 × 3 far-centre: `2 1 3` / `5 4 6` / `8 7 9`
    "9 3x3 far-centre": (G3, [2, 1, 3, 5, 4, 6, 8, 7, 9], {}),
    # 3 × 3, main in the centre chosen by 居中为上: `6 4 7` / `2 1 3` / `8 5 9`
    "9 3x3 centre (chosen)": (G3, [6, 4, 7, 2, 1, 3, 8, 5, 9], {"main_rule": MainRule.CENTRE}),
    # … and with the main table given
    "9 3x3 centre (given)": (G3, [6, 4, 7, 2, 1, 3, 8, 5, 9], {"main": 4}),
    "5 quincunx (given)": (
        [(-3.0, 6.0), (3.0, 6.0), (0.0, 3.0), (-3.0, 0.0), (3.0, 0.0)],
        [2, 3, 1, 4, 5],
        {"main": 2},
    ),
}


@pytest.mark.parametrize("name", list(LAYOUTS))
def test_reference_layouts_plan_view(name: str) -> None:
    centres, expected, opts = LAYOUTS[name]
    assert rank_tables(centres, door=DOOR, **opts) == expected


@pytest.mark.parametrize("deg", [90, 180, 270, 37.5])
@pytest.mark.parametrize("name", list(LAYOUTS))
def test_reference_layouts_rotated_with_the_door(name: str, deg: float) -> None:
    """Rotation invariance: turn the hall (door included) → same table numbers."""
    centres, expected, opts = LAYOUTS[name]
    about = (2.0, -1.0)
    turned = [rot(c, deg, about) for c in centres]
    assert rank_tables(turned, door=rot(DOOR, deg, about), **opts) == expected


@pytest.mark.parametrize("name", list(LAYOUTS))
def test_translation_and_door_object(name: str) -> None:
    centres, expected, opts = LAYOUTS[name]
    moved = [(x + 11.0, y + 7.0) for x, y in centres]
    assert rank_tables(moved, door=Door(11.0, 1.0, main=True), **opts) == expected


@pytest.mark.parametrize("name", list(LAYOUTS))
def test_entrant_right_reading_is_the_mirror_image(name: str) -> None:
    """R-BNQ-2 disagreement: 'entrant's right' (PV-right) = the mirrored hall read the default way."""
    centres, _, opts = LAYOUTS[name]
    mirrored = [mirror(c) for c in centres]
    assert rank_tables(centres, door=DOOR, right_of="entrant", **opts) == rank_tables(
        mirrored, door=DOOR, **opts
    )


def test_side_by_side_in_every_frame() -> None:
    # T15: host's right = PV-left is table 1; entrant's right reading gives PV-right
    two = [(-1.5, 0.0), (1.5, 0.0)]
    assert rank_tables(two, door=DOOR) == [1, 2]
    assert rank_tables(two, door=DOOR, right_of=RightOf.ENTRANT) == [2, 1]
    # door in the right-hand wall: the host faces +x, his right hand points to -y
    assert rank_tables([(0.0, -1.5), (0.0, 1.5)], door=(8.0, 0.0)) == [1, 2]
    # door at the top (far wall in PV becomes the near wall): host's right is now PV-right
    assert rank_tables(two, door=(0.0, 8.0)) == [2, 1]


def test_folk_left_first_table_handedness() -> None:
    """R-BNQ-5 disagreement: 首席居前居中, 2/4/6 on the left, 3/5/7 on the right."""
    row7 = [(3.0 * k, 0.0) for k in range(-3, 4)]
    assert rank_tables(row7, door=DOOR) == [6, 4, 2, 1, 3, 5, 7]
    # 'left' = the host's left (facing the door) = PV-right
    assert rank_tables(row7, door=DOOR, table_handedness="left") == [7, 5, 3, 1, 2, 4, 6]
    assert rank_tables(row7, door=DOOR, table_handedness=TableHandedness.LEFT, right_of="entrant") == [
        6, 4, 2, 1, 3, 5, 7,
    ]
    assert rank_tables([(-1.5, 0.0), (1.5, 0.0)], door=DOOR, table_handedness="left") == [2, 1]


def test_tie_break_order_is_configurable() -> None:
    two_by_three = LAYOUTS["6 2x3"][0]
    assert DEFAULT_TIE_BREAK == (TieBreak.SAME_ROW, TieBreak.FAR, TieBreak.RIGHT)
    # right-hand first only: the bottom-centre table (x = 0) beats the top-right one (x = 3)
    assert rank_tables(two_by_three, door=DOOR, tie_break=("right",)) == [2, 1, 4, 5, 3, 6]
    # 3 × 3 centre, far before same-row: top-centre becomes table 2
    assert rank_tables(G3, door=DOOR, main=4, tie_break=["far", "same-row", "right"]) == [6, 2, 7, 3, 1, 4, 8, 5, 9]
    # no tie-break at all: ties stay in input order
    assert rank_tables([(-3.0, 0.0), (0.0, 0.0), (3.0, 0.0)], door=DOOR, tie_break=()) == [2, 1, 3]
    assert rank_tables([(3.0, 0.0), (0.0, 0.0), (-3.0, 0.0)], door=DOOR, tie_break=()) == [2, 1, 3]


def test_stage_rule() -> None:
    # 临台为上: stage on the far wall agrees with 以远为上
    assert rank_tables(G3, door=DOOR, stage=(0.0, 9.0)) == [2, 1, 3, 5, 4, 6, 8, 7, 9]
    # stage on the left wall: the middle-left table is the main table
    ranks = rank_tables(G3, door=DOOR, stage=(-7.0, 3.0))
    assert ranks[3] == 1
    assert choose_main_table(G3, door=DOOR, stage=(-7.0, 3.0)) == 3
    with pytest.raises(ValidationError):
        rank_tables(G3, door=DOOR, main_rule="stage")


def test_off_centre_door_and_inward() -> None:
    # door at the bottom-left corner: by default 'far' is measured from the door diagonally
    two = [(-1.5, 0.0), (1.5, 0.0)]
    assert rank_tables(two, door=(-6.0, -6.0)) == [2, 1]
    # measured along the wall normal instead, the two tables are equally far → host's right
    inward = door_inward([(-8, -6), (8, -6), (8, 8), (-8, 8)], (-6.0, -6.0))
    assert inward == (0.0, 1.0)
    assert rank_tables(two, door=(-6.0, -6.0), inward=inward) == [1, 2]


def test_door_inward_any_wall_and_orientation() -> None:
    square_ccw = [(0, 0), (10, 0), (10, 10), (0, 10)]
    assert door_inward(square_ccw, (10.0, 4.0)) == (-1.0, 0.0)
    assert door_inward(square_ccw[::-1], (5.0, 10.0)) == (0.0, -1.0)
    with pytest.raises(GeometryError):
        door_inward([(0, 0), (1, 1)], (0, 0))


def test_rank_tables_errors() -> None:
    assert rank_tables([], door=DOOR) == []
    assert rank_tables([(4.0, 4.0)], door=DOOR) == [1]
    with pytest.raises(GeometryError):
        rank_tables([(0.0, 0.0), (0.0, 0.0)], door=DOOR)
    with pytest.raises(ValidationError):
        rank_tables(G3, door=DOOR, main=9)
    with pytest.raises(ValidationError):
        rank_tables(G3, door=DOOR, tie_break=("far", "far"))
    with pytest.raises(ValidationError):
        rank_tables(G3, door=DOOR, tie_break=("nearest",))
    with pytest.raises(ValidationError):
        rank_tables(G3, door=DOOR, main_rule="biggest")
    with pytest.raises(ValidationError):
        rank_tables(G3, door="front")
    with pytest.raises(GeometryError):  # the door in the middle of the tables
        rank_tables([(-1.0, 0.0), (1.0, 0.0)], door=(0.0, 0.0))
    assert rank_tables([(-1.0, 0.0), (1.0, 0.0)], door=(0.0, 0.0), inward=(0.0, 1.0)) == [1, 2]
    with pytest.raises(ValidationError):
        choose_main_table([], door=DOOR)


# --------------------------------------------------------------------------------------
# property tests: any tables anywhere
# --------------------------------------------------------------------------------------

_tables = st.lists(
    st.tuples(st.integers(0, 20), st.integers(0, 20)), min_size=1, max_size=30, unique=True
).map(lambda pts: [(float(x), float(y)) for x, y in pts])


def _frame(centres, door):
    cx = sum(c[0] for c in centres) / len(centres)
    cy = sum(c[1] for c in centres) / len(centres)
    n = math.hypot(cx - door[0], cy - door[1])
    u = ((cx - door[0]) / n, (cy - door[1]) / n)
    depth = [(c[0] - door[0]) * u[0] + (c[1] - door[1]) * u[1] for c in centres]
    lat = [-c[0] * u[1] + c[1] * u[0] for c in centres]
    return depth, lat


@settings(max_examples=150, deadline=None)
@given(centres=_tables, door_x=st.floats(-5, 25), rule=st.sampled_from(list(MainRule)))
def test_property_ranks_are_a_permutation_and_main_follows_rule(centres, door_x, rule) -> None:
    door = (door_x, -4.0)
    stage = (10.0, 24.0) if rule is MainRule.STAGE else None
    ranks = rank_tables(centres, door=door, main_rule=rule, stage=stage)
    assert sorted(ranks) == list(range(1, len(centres) + 1))
    if len(centres) == 1:
        return
    main = ranks.index(1)
    depth, lat = _frame(centres, door)
    tol = 0.05 + 1e-9
    if rule is MainRule.FAR:
        assert depth[main] >= max(depth) - tol
    elif rule is MainRule.CENTRE:
        lm = (min(lat) + max(lat)) / 2
        dm = (min(depth) + max(depth)) / 2
        dist = [math.hypot(a - lm, b - dm) for a, b in zip(lat, depth)]
        assert dist[main] <= min(dist) + tol
    else:
        dist = [math.hypot(c[0] - stage[0], c[1] - stage[1]) for c in centres]
        assert dist[main] <= min(dist) + tol
    # others: never nearer the main table than a higher-ranked table (R-BNQ-4)
    m = centres[main]
    by_rank = sorted(range(len(centres)), key=lambda i: ranks[i])
    d = [math.hypot(centres[i][0] - m[0], centres[i][1] - m[1]) for i in by_rank[1:]]
    assert all(b >= a - tol for a, b in zip(d, d[1:]))


@settings(max_examples=60, deadline=None)
@given(centres=_tables, data=st.data(), quarter=st.integers(0, 3))
def test_property_given_main_and_rotation(centres, data, quarter) -> None:
    main = data.draw(st.integers(0, len(centres) - 1))
    door = (10.0, -4.0)
    ranks = rank_tables(centres, door=door, main=main)
    assert ranks[main] == 1
    deg = 90.0 * quarter
    assert rank_tables([rot(c, deg) for c in centres], door=rot(door, deg), main=main) == ranks


# --------------------------------------------------------------------------------------
# R-BNQ-1, R-PHY-10
# --------------------------------------------------------------------------------------


def test_table_sizes() -> None:
    assert table_sizes(48) == ([10, 10, 10, 10, 8], [])
    assert table_sizes(40) == ([10, 10, 10, 10], [])
    assert table_sizes(42) == ([10, 8, 8, 8, 8], [])
    assert table_sizes(12) == ([6, 6], [])
    assert table_sizes(2) == ([2], [])
    assert table_sizes(0) == ([], [])
    sizes, warnings = table_sizes(47)
    assert sizes == [10, 10, 10, 9, 8] and sum(sizes) == 47
    assert len(warnings) == 1 and "47" in warnings[0]
    sizes, warnings = table_sizes(1)
    assert sizes == [1] and warnings
    assert table_sizes(13)[0] == [7, 6]
    assert table_sizes(48, max_size=12) == ([12, 12, 12, 12], [table_sizes(48, max_size=12)[1][0]])
    assert "R-BNQ-1" in table_sizes(48, max_size=12)[1][0]
    assert table_sizes(30, max_size=9) == ([8, 8, 8, 6], [])  # odd max rounds down to 8
    assert table_sizes(23, max_size=10, even=False) == ([8, 8, 7], [])
    for n in range(0, 120):
        sizes, _ = table_sizes(n)
        assert sum(sizes) == n and all(s <= 10 for s in sizes)
        assert max(sizes, default=0) - min(sizes, default=0) <= 2
        assert sum(x % 2 for x in sizes) == n % 2  # at most one odd table, only for an odd total
    for bad in (-1, 2.5, True):
        with pytest.raises(ValidationError):
            table_sizes(bad)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        table_sizes(10, max_size=1)
    with pytest.raises(ValidationError):
        table_sizes(10, max_size=0, even=False)


def test_table_diameter() -> None:
    assert [table_diameter(n) for n in (8, 10, 12, 14, 16)] == [1.6, 1.8, 2.0, 2.2, 2.4]  # R-PHY-10, T29
    assert table_diameter(4) == table_diameter(6) == table_diameter(1) == 1.4
    assert table_diameter(9) == 1.7
    assert table_diameter(20) == 2.8
    for bad in (0, -3, 10.0, True):
        with pytest.raises(ValidationError):
            table_diameter(bad)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------
# places at one table (R-BNQ-6 … R-BNQ-10)
# --------------------------------------------------------------------------------------

TEN = [90.0 + 36.0 * k for k in range(10)]  # index 0 at the top (far side, door at the bottom)


def labelled(order: list[int], seats, door=(0.0, -10.0), centre=(0.0, 0.0), host_seat=None) -> list[str]:
    labels = label_places(seats, table_centre=centre, door=door, host_seat=host_seat)
    return [labels[i] for i in order]


def test_t18_single_host() -> None:
    order = rank_places(TEN, table_centre=(0, 0), door=(0, -10))
    assert labelled(order, TEN) == ["H", "R1", "L1", "R2", "L2", "R3", "L3", "R4", "L4", "O"]
    # the other frame (PV, door at the bottom): the host is at the top, R seats on PV-left
    pts = [(math.cos(math.radians(a)), math.sin(math.radians(a))) for a in TEN]
    assert pts[order[0]][1] == pytest.approx(1.0)
    assert pts[order[1]][0] < 0 and pts[order[2]][0] > 0  # G1 = R1 on PV-left, G2 = L1 on PV-right
    assert pts[order[-1]][1] == pytest.approx(-1.0)  # G9 = O, back to the door
    assert place_sequence(10) == ["H", "R1", "L1", "R2", "L2", "R3", "L3", "R4", "L4", "O"]


def test_t19_t20_host_and_cohost() -> None:
    cn = rank_places(TEN, table_centre=(0, 0), door=(0, -10), cohost=True)
    assert labelled(cn, TEN) == ["H", "O", "R1", "L1", "L4", "R4", "R2", "L2", "R3", "L3"]  # T19 (+ derived G5-G8)
    intl = rank_places(TEN, table_centre=(0, 0), door=(0, -10), cohost=True, variant=BanquetVariant.INTL)
    assert labelled(intl, TEN)[:6] == ["H", "O", "R1", "L4", "L1", "R4"]  # T20
    assert labelled(intl, TEN) == ["H", "O", "R1", "L4", "L1", "R4", "R2", "L3", "L2", "R3"]
    assert place_sequence(10, cohost=True, variant="intl")[:6] == ["H", "O", "R1", "L4", "L1", "R4"]
    # the co-host's own right is L4 (he faces the host): in PV with the door at the bottom that is PV-right
    pts = [(math.cos(math.radians(a)), math.sin(math.radians(a))) for a in TEN]
    assert pts[cn[4]][0] > 0 and pts[cn[5]][0] < 0


def test_cohost_on_odd_and_small_tables() -> None:
    nine = [90.0 + 40.0 * k for k in range(9)]
    order = rank_places(nine, table_centre=(0, 0), door=(0, -10), cohost=True)
    assert labelled(order, nine)[:2] == ["H", "L4"]  # no exact opposite: the near-opposite place on the host's left
    assert sorted(order) == list(range(9))
    four = [90.0, 180.0, 270.0, 0.0]
    assert labelled(rank_places(four, table_centre=(0, 0), door=(0, -10), cohost=True), four) == ["H", "O", "R1", "L1"]
    two = [90.0, 270.0]
    assert rank_places(two, table_centre=(0, 0), door=(0, -10), cohost=True) == [0, 1]
    explicit = rank_places(TEN, table_centre=(0, 0), door=(0, -10), cohost_seat=4)
    assert explicit[:2] == [0, 4]
    with pytest.raises(ValidationError):
        rank_places([90.0], table_centre=(0, 0), door=(0, -10), cohost=True)
    with pytest.raises(ValidationError):
        rank_places(TEN, table_centre=(0, 0), door=(0, -10), cohost_seat=0)


def test_guest_outranks_host_swap() -> None:
    """R-BNQ-9: 副省长 (guest) at H, 县长 (host) at R1."""
    order = rank_places(TEN, table_centre=(0, 0), door=(0, -10), guest_outranks_host=True)
    lab = labelled(order, TEN)
    assert lab[0] == "R1" and lab[1] == "H"  # host's seat is R1, G1's seat is the door-facing one
    co = rank_places(TEN, table_centre=(0, 0), door=(0, -10), cohost=True, guest_outranks_host=True)
    assert labelled(co, TEN)[:3] == ["R1", "O", "H"]
    assert rank_places([90.0], table_centre=(0, 0), door=(0, -10), guest_outranks_host=True) == [0]


@pytest.mark.parametrize("deg", [90, 180, 270, 123])
def test_places_rotate_with_the_room(deg: float) -> None:
    centre = (3.0, 2.0)
    pts = [(centre[0] + math.cos(math.radians(a)), centre[1] + math.sin(math.radians(a))) for a in TEN]
    door = (3.0, -8.0)
    base = rank_places(pts, table_centre=centre, door=door, cohost=True)
    turned = [rot(p, deg) for p in pts]
    assert rank_places(turned, table_centre=rot(centre, deg), door=rot(door, deg), cohost=True) == base
    # seats given as angles, rotated with the door: same seat names in the same order
    lab = labelled(
        rank_places([a + deg for a in TEN], table_centre=(0, 0), door=rot((0.0, -10.0), deg)),
        [a + deg for a in TEN],
        door=rot((0.0, -10.0), deg),
    )
    assert lab == ["H", "R1", "L1", "R2", "L2", "R3", "L3", "R4", "L4", "O"]


def test_seat_objects_and_host_tie() -> None:
    # 8 places, none exactly at the top: the two top places tie, the host takes the one
    # with the other at his right, so the guest of honour (R1) also faces the door
    angles = [90.0 + 22.5 + 45.0 * k for k in range(8)]
    seats = [
        Seat(f"t1-{k}", "banquet", 1, k + 1, x=math.cos(math.radians(a)), y=math.sin(math.radians(a)), table="1")
        for k, a in enumerate(angles)
    ]
    order = rank_places(seats, table_centre=(0, 0), door=(0, -10))
    host, g1 = seats[order[0]], seats[order[1]]
    assert host.y > 0.9 and g1.y > 0.9 and host.x > 0 > g1.x


def test_same_direction_r_bnq_6() -> None:
    eight = [45.0 * k for k in range(8)]  # index 2 = top (90°), 1 = 45°, 0 = 0°
    side_table = (10.0, 0.0)
    pts = [(side_table[0] + math.cos(math.radians(a)), math.sin(math.radians(a))) for a in eight]
    door, main = (0.0, -10.0), (0.0, 0.0)
    assert rank_places(pts, table_centre=side_table, door=door)[0] == 1  # faces the door diagonally
    assert rank_places(pts, table_centre=side_table, door=door, same_direction=True, main_centre=main)[0] == 2
    assert rank_places(pts, table_centre=side_table, door=door, host_facing="same-as-main", main_centre=main)[0] == 2
    assert (
        rank_places(pts, table_centre=side_table, door=door, host_facing=HostFacing.MAIN_TABLE, main_centre=main)[0]
        == 0
    )
    with pytest.raises(ValidationError):
        rank_places(pts, table_centre=side_table, door=door, same_direction=True)


def test_interpreters_r_bnq_10() -> None:
    order = rank_places(TEN, table_centre=(0, 0), door=(0, -10))
    g1 = order[1]
    spot = interpreter_position(TEN, table_centre=(0, 0), principal=g1)
    assert spot.seat is None
    assert math.hypot(spot.x, spot.y) == pytest.approx(1.6)  # 0.6 m behind a place at radius 1
    right = interpreter_position(TEN, table_centre=(0, 0), principal=g1, placement=InterpreterPlacement.AT_RIGHT)
    labels = label_places(TEN, table_centre=(0, 0), door=(0, -10))
    assert labels[g1] == "R1" and labels[right.seat] == "R2"  # the guest of honour's right = the next place CCW
    with_interp = rank_places(TEN, table_centre=(0, 0), door=(0, -10), reserved={right.seat})
    assert right.seat not in with_interp and len(with_interp) == 9
    assert [labels[i] for i in with_interp[:4]] == ["H", "R1", "L1", "L2"]
    with pytest.raises(ValidationError):
        rank_places(TEN, table_centre=(0, 0), door=(0, -10), reserved={0})
    with pytest.raises(ValidationError):
        interpreter_position(TEN, table_centre=(0, 0), principal=10)
    with pytest.raises(ValidationError):
        interpreter_position(TEN, table_centre=(0, 0), principal=1, placement="under the table")


def test_place_errors() -> None:
    assert rank_places([], table_centre=(0, 0), door=(0, -5)) == []
    with pytest.raises(GeometryError):
        rank_places([(0.0, 0.0), (1.0, 0.0)], table_centre=(0, 0), door=(0, -5))
    with pytest.raises(GeometryError):
        rank_places([90.0, 450.0], table_centre=(0, 0), door=(0, -5))
    with pytest.raises(GeometryError):
        rank_places(TEN, table_centre=(0, 0), door=(0, 0))
    with pytest.raises(ValidationError):
        rank_places(TEN, table_centre=(0, 0), door=(0, -5), host_seat=10)
    with pytest.raises(ValidationError):
        rank_places(TEN, table_centre=(0, 0), door=(0, -5), variant="cn-b")
    with pytest.raises(ValidationError):
        label_places(TEN, table_centre=(0, 0))
    with pytest.raises(ValidationError):
        place_sequence(0)


@settings(max_examples=120, deadline=None)
@given(
    n=st.integers(4, 16),
    offset=st.floats(0, 360, allow_nan=False),
    door_angle=st.floats(0, 360, allow_nan=False),
    cohost=st.booleans(),
    variant=st.sampled_from(list(BanquetVariant)),
)
def test_property_places(n, offset, door_angle, cohost, variant) -> None:
    angles = [offset + 360.0 * k / n for k in range(n)]
    door = (20 * math.cos(math.radians(door_angle)), 20 * math.sin(math.radians(door_angle)))
    order = rank_places(angles, table_centre=(0, 0), door=door, cohost=cohost, variant=variant)
    assert sorted(order) == list(range(n))
    host = order[0]

    def gap(a: float, b: float) -> float:
        return abs((a - b + 180.0) % 360.0 - 180.0)

    # the host's place is (one of) the closest to the far side, opposite the door
    far = door_angle + 180.0
    assert gap(angles[host], far) <= min(gap(a, far) for a in angles) + 1.0 + 1e-6
    ccw_neighbour = (host + 1) % n  # angles increase with the index: +1 is counter-clockwise = host's right
    cw_neighbour = (host - 1) % n
    if not cohost:
        assert order[1:3] == [ccw_neighbour, cw_neighbour]
    else:
        co = order[1]
        assert gap(angles[co], angles[host]) >= 180.0 - 360.0 / n / 2 - 1e-6  # opposite
        assert order[2] == ccw_neighbour  # G1 at the host's right in both variants
        if variant is BanquetVariant.CN_A and n > 4:
            assert order[3] == cw_neighbour


# --------------------------------------------------------------------------------------
# the whole banquet from Seat objects
# --------------------------------------------------------------------------------------


def banquet(centres: dict[str, tuple[float, float]], n: int = 10, spin: float = 0.0) -> list[Seat]:
    seats = []
    for label, (cx, cy) in centres.items():
        for k in range(n):
            a = math.radians(90.0 + spin + 360.0 * k / n)
            x, y = cx + 0.9 * math.cos(a), cy + 0.9 * math.sin(a)
            seats.append(Seat(f"{label}-{k}", "banquet", 1, k + 1, x=x, y=y, table=label))
    return seats


@pytest.mark.parametrize("deg", [0, 90, 180, 270])
def test_rank_banquet_seats(deg: float) -> None:
    centres = {"A": (-3.0, 0.0), "B": (0.0, 0.0), "C": (3.0, 0.0)}
    seats = banquet(centres)
    door = (0.0, -8.0)
    turned = [
        Seat(s.id, s.section, s.row, s.number, x=rot((s.x, s.y), deg)[0], y=rot((s.x, s.y), deg)[1], table=s.table)
        for s in seats
    ]
    result = rank_banquet_seats(turned, door=rot(door, deg), cohost=True)
    assert [t for t, _ in result] == ["B", "A", "C"]  # PV `2 1 3`
    for label, ids in result:
        assert len(ids) == 10 and len(set(ids)) == 10
        # every table copies the main table (各桌同向): host at the top place (index 0), co-host opposite
        assert ids[0] == f"{label}-0" and ids[1] == f"{label}-5"
        assert ids[2] == f"{label}-1"  # G1 counter-clockwise = the host's right
    assert rank_banquet_seats(turned, door=rot(door, deg), main="C")[0][0] == "C"


def test_rank_banquet_seats_errors() -> None:
    with pytest.raises(ValidationError):
        rank_banquet_seats([Seat("x", "banquet", 1, 1, x=0.0, y=0.0)], door=(0, -5))
    seats = banquet({"A": (0.0, 0.0)})
    with pytest.raises(ValidationError):
        rank_banquet_seats(seats, door=(0, -5), main="Z")
    with pytest.raises(ValidationError):
        rank_banquet_seats([(0.0, 0.0)], door=(0, -5))  # type: ignore[list-item]
    assert rank_banquet_seats(seats, door=(0, -5))[0][1][0] == "A-0"
