"""Dais (主席台) seat order: rule book §1 and golden vectors T1–T11, in both frames.

Frames: seats on a dais at the front wall face 270° (towards the audience, -y).
Audience view (AV) left→right is increasing x; stage view (SV, the leaders' own
left→right) is decreasing x. ``None`` / ∅ is an empty seat.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seatplan.errors import ValidationError
from seatplan.model import Convention, EvenMode, Seat, View
from seatplan.protocol import (
    check_dais_sequence,
    dais_offsets,
    dais_order,
    dais_slots,
    rank_dais,
    rank_dais_row,
)

CN, INTL = Convention.CN, Convention.INTL
V1, V2, V3 = EvenMode.V1, EvenMode.V2, EvenMode.V3
AV, SV = View.AUDIENCE, View.STAGE


# ------------------------------------------------------------------------------- helpers


def dais_row(offsets, *, y=20.0, row=1, facing=270.0, centre=(10.0, 0.0)):
    """Seats of one dais row at AV offsets (metres), rotated so the row faces ``facing``.

    For facing 270 the seat with AV offset ``o`` sits at ``x = centre_x + o``. For
    another facing the whole row is rotated about ``(centre_x, y)`` so that the
    occupants still see the same row from their own seats.
    """
    a = math.radians(facing - 270.0)
    cx, _ = centre
    seats = []
    for k, off in enumerate(offsets, start=1):
        dx, dy = off * math.cos(a), off * math.sin(a)
        seats.append(Seat(f"d{row}-{k:02d}", "dais", row, k, x=cx + dx, y=y + dy, facing=facing))
    return seats


def uniform(n, pitch=1.0):
    return [(i - (n - 1) / 2) * pitch for i in range(n)]


def av_ranks(seats, ranked_ids, *, facing=270.0):
    """Ranks (None = empty) of ``seats`` listed in AV left→right (the occupants' own right→left)."""
    rank = {sid: r for r, sid in enumerate(ranked_ids, start=1)}
    left = (math.cos(math.radians(facing + 90)), math.sin(math.radians(facing + 90)))
    # AV left→right = the occupants' own right→left = increasing projection on own left.
    order = sorted(seats, key=lambda s: s.x * left[0] + s.y * left[1])
    return [rank.get(s.id) for s in order]


def sv_ranks(seats, ranked_ids, *, facing=270.0):
    return av_ranks(seats, ranked_ids, facing=facing)[::-1]


def first(ids, k):
    return ids[:k]


def seq(text):
    return [None if t == "∅" else int(t) for t in text.split()]


# ------------------------------------------------------------------------ golden vectors

# (id, n, convention, even, AV, SV); SV None = not stated in §7 (derived as reverse of AV).
GOLDEN = [
    ("T1", 7, CN, V1, "7 5 3 1 2 4 6", "6 4 2 1 3 5 7"),
    ("T2", 5, CN, V1, "5 3 1 2 4", "4 2 1 3 5"),
    ("T3", 6, CN, V1, "5 3 1 2 4 6", "6 4 2 1 3 5"),
    ("T4", 8, CN, V1, "7 5 3 1 2 4 6 8", "8 6 4 2 1 3 5 7"),
    ("T5", 6, CN, V2, "6 4 2 1 3 5", "5 3 1 2 4 6"),
    ("T6", 8, CN, V2, "8 6 4 2 1 3 5 7", "7 5 3 1 2 4 6 8"),
    ("T9", 7, INTL, V1, "6 4 2 1 3 5 7", "7 5 3 1 2 4 6"),
    ("T10", 6, INTL, V1, "6 4 2 1 3 5", "5 3 1 2 4 6"),
]


@pytest.mark.parametrize(("tid", "n", "conv", "even", "av", "sv"), GOLDEN, ids=[g[0] for g in GOLDEN])
def test_golden_sequences_both_frames(tid, n, conv, even, av, sv):
    assert dais_order(n, convention=conv, even=even, view=AV) == seq(av)
    assert dais_order(n, convention=conv, even=even, view=SV) == seq(sv)
    assert check_dais_sequence(seq(av), convention=conv, even=even, view=AV) == []
    assert check_dais_sequence(seq(sv), convention=conv, even=even, view=SV) == []


@pytest.mark.parametrize(("tid", "n", "conv", "even", "av", "sv"), GOLDEN, ids=[g[0] for g in GOLDEN])
def test_golden_sequences_from_geometry(tid, n, conv, even, av, sv):
    seats = dais_row(uniform(n))
    ids = rank_dais_row(seats, convention=conv, even=even)
    assert av_ranks(seats, ids) == seq(av)
    assert sv_ranks(seats, ids) == seq(sv)
    assert rank_dais(seats, convention=conv, even=even) == ids


def test_spec_examples_with_strings():
    assert dais_order(7) == [7, 5, 3, 1, 2, 4, 6]
    assert dais_order(6) == [5, 3, 1, 2, 4, 6]
    assert dais_order(6, even="V2") == [6, 4, 2, 1, 3, 5]
    assert dais_order(7, convention="intl") == [6, 4, 2, 1, 3, 5, 7]
    assert dais_order(7, view="stage") == [6, 4, 2, 1, 3, 5, 7]
    assert dais_order(1) == [1]
    assert dais_order(6, even="v2", view="STAGE") == [5, 3, 1, 2, 4, 6]  # case-insensitive strings


def test_plan_view_is_audience_view_for_a_front_dais():
    assert dais_order(8, view=View.PLAN) == dais_order(8, view=AV)


# R-DAIS-3 table, odd n, both frames
@pytest.mark.parametrize(
    ("n", "sv", "av"),
    [
        (1, "1", "1"),
        (3, "2 1 3", "3 1 2"),
        (5, "4 2 1 3 5", "5 3 1 2 4"),
        (7, "6 4 2 1 3 5 7", "7 5 3 1 2 4 6"),
        (9, "8 6 4 2 1 3 5 7 9", "9 7 5 3 1 2 4 6 8"),
        (11, "10 8 6 4 2 1 3 5 7 9 11", "11 9 7 5 3 1 2 4 6 8 10"),
    ],
)
def test_r_dais_3_odd(n, sv, av):
    for even in EvenMode:  # the even mode does not matter for odd n
        assert dais_order(n, even=even, view=SV) == seq(sv)
        assert dais_order(n, even=even, view=AV) == seq(av)
    seats = dais_row(uniform(n))
    ids = rank_dais_row(seats)
    assert av_ranks(seats, ids) == seq(av)


@pytest.mark.parametrize(
    ("n", "sv", "av"),
    [
        (2, "2 1", "1 2"),
        (4, "4 2 1 3", "3 1 2 4"),
        (6, "6 4 2 1 3 5", "5 3 1 2 4 6"),
        (8, "8 6 4 2 1 3 5 7", "7 5 3 1 2 4 6 8"),
        (10, "10 8 6 4 2 1 3 5 7 9", "9 7 5 3 1 2 4 6 8 10"),
    ],
)
def test_r_dais_4_even_v1(n, sv, av):
    assert dais_order(n, even=V1, view=SV) == seq(sv)
    assert dais_order(n, even=V1, view=AV) == seq(av)
    seats = dais_row(uniform(n))
    assert sv_ranks(seats, rank_dais_row(seats, even=V1)) == seq(sv)


@pytest.mark.parametrize(
    ("n", "sv", "av"),
    [
        (2, "1 2", "2 1"),
        (4, "3 1 2 4", "4 2 1 3"),
        (6, "5 3 1 2 4 6", "6 4 2 1 3 5"),
        (8, "7 5 3 1 2 4 6 8", "8 6 4 2 1 3 5 7"),
    ],
)
def test_r_dais_5_even_v2(n, sv, av):
    assert dais_order(n, even=V2, view=SV) == seq(sv)
    assert dais_order(n, even=V2, view=AV) == seq(av)
    seats = dais_row(uniform(n))
    assert av_ranks(seats, rank_dais_row(seats, even=V2)) == seq(av)
    # Note of R-DAIS-5: for even n, CN V2 equals the INTL sequence of R-DAIS-9.
    assert dais_order(n, even=V2) == dais_order(n, convention=INTL)


def test_r_dais_8_two_leaders_follow_the_even_mode():
    assert dais_order(2, even=V1) == [1, 2] and dais_order(2, even=V1, view=SV) == [2, 1]
    assert dais_order(2, even=V2) == [2, 1] and dais_order(2, even=V2, view=SV) == [1, 2]
    # regression: n = 2 follows the same mode as n = 4 (No.2 on the same side of No.1)
    for even in (V1, V2):
        two, four = dais_order(2, even=even), dais_order(4, even=even)
        assert (two.index(2) > two.index(1)) == (four.index(2) > four.index(1))


def test_r_dais_13_four_principal_leaders():
    # 县委书记(1), 县长(2), 人大主任(3), 政协主席(4) → CN V1 AV 3 1 2 4, SV 4 2 1 3
    assert dais_order(4) == [3, 1, 2, 4]
    assert dais_order(4, view=SV) == [4, 2, 1, 3]


# ---------------------------------------------------------------------- V3 (R-DAIS-6)


def test_r_dais_6_v3_order_equals_v1():
    for n in range(1, 13):
        assert dais_order(n, even=V3) == dais_order(n, even=V1)


def test_r_dais_6_v3_movable_offsets_and_ranks():
    offs = dais_offsets(6, even=V3, pitch=1.0)
    assert offs == pytest.approx([-2.5, -1.25, 0.0, 2.5 / 3, 5 / 3, 2.5])
    # No.1 on the axis; three seats at his own left (AV-right, tighter), two at his right (looser)
    seats = dais_row(offs)
    ids = rank_dais_row(seats, even=V3)
    assert av_ranks(seats, ids) == [5, 3, 1, 2, 4, 6]
    assert sv_ranks(seats, ids) == [6, 4, 2, 1, 3, 5]
    assert next(s for s in seats if s.id == ids[0]).x == pytest.approx(10.0)  # on the centre axis
    # ends line up
    assert offs[0] == pytest.approx(-offs[-1])


def test_r_dais_6_v3_intl_mirrors_the_long_side():
    offs = dais_offsets(6, even=V3, pitch=1.0, convention=INTL)
    assert offs == pytest.approx([-2.5, -5 / 3, -2.5 / 3, 0.0, 1.25, 2.5])
    seats = dais_row(offs)
    ids = rank_dais_row(seats, convention=INTL, even=V3)
    assert av_ranks(seats, ids) == [6, 4, 2, 1, 3, 5]


def test_r_dais_6_v3_two_leaders_keep_a_full_pitch():
    assert dais_offsets(2, even=V3, pitch=1.1) == pytest.approx([0.0, 1.1])
    seats = dais_row(dais_offsets(2, even=V3, pitch=1.0))
    assert av_ranks(seats, rank_dais_row(seats, even=V3)) == [1, 2]


def test_t7_v3_fixed_chairs():
    # CN, n=6, V3, 7 fixed chairs: AV ∅ 5 3 1 2 4 6 with No.1 on the centre axis
    assert dais_slots(6, even=V3, fixed_chairs=True) == seq("∅ 5 3 1 2 4 6")
    assert dais_slots(6, even=V3, fixed_chairs=True, view=SV) == seq("6 4 2 1 3 5 ∅")
    offs = dais_offsets(6, even=V3, pitch=1.0, slots=7)
    assert offs == pytest.approx(uniform(7))
    seats = dais_row(offs)
    ids = first(rank_dais_row(seats, even=V3), 6)  # the caller takes the first n ids
    assert av_ranks(seats, ids) == seq("∅ 5 3 1 2 4 6")
    assert sv_ranks(seats, ids) == seq("6 4 2 1 3 5 ∅")
    assert next(s for s in seats if s.id == ids[0]).x == pytest.approx(10.0)


def test_caiyes_single_centre_uniform_pitch():
    # "双数单摆": uniform pitch, one more seat at the AV-right end, No.1 on the dais axis
    # (x = 10): the row's middle falls between No.1 and No.2, so V1/V3 geometry gives it.
    seats = dais_row([-2.0, -1.0, 0.0, 1.0, 2.0, 3.0])
    for even in (V1, V3):
        ids = rank_dais_row(seats, even=even)
        assert av_ranks(seats, ids) == [5, 3, 1, 2, 4, 6]
        assert next(s for s in seats if s.id == ids[0]).x == pytest.approx(10.0)


def test_offsets_odd_and_v1_v2_are_uniform():
    assert dais_offsets(5, even=V3, pitch=1.0) == pytest.approx(uniform(5))
    assert dais_offsets(4, even=V1, pitch=0.9) == pytest.approx(uniform(4, 0.9))
    assert dais_offsets(4, even="V2", pitch=1.0) == pytest.approx([-1.5, -0.5, 0.5, 1.5])
    assert dais_offsets(4, even=V1, pitch=1.0, slots=6) == pytest.approx(uniform(6))


# ------------------------------------------------------------------ R-DAIS-7 (平级)


def test_t8_equal_top_pair_sequences():
    assert dais_slots(7, equal_top_pair=True, view=SV) == seq("7 5 3 1 ∅ 2 4 6")
    assert dais_slots(7, equal_top_pair=True, view=AV) == seq("6 4 2 ∅ 1 3 5 7")
    assert dais_slots(6, equal_top_pair=True, view=SV) == seq("5 3 1 ∅ 2 4 6")


def test_t8_equal_top_pair_from_geometry():
    # 9 uniform seats (odd, with a centre seat): the centre is not ranked, the first 7 ids seat 7 people
    seats = dais_row(uniform(9))
    ids = rank_dais_row(seats, equal_top_pair=True)
    assert len(ids) == 8
    centre = next(s for s in seats if abs(s.x - 10.0) < 1e-9)
    assert centre.id not in ids
    assert sv_ranks(seats, first(ids, 7)) == seq("7 5 3 1 ∅ 2 4 6 ∅")
    assert av_ranks(seats, first(ids, 7)) == seq("∅ 6 4 2 ∅ 1 3 5 7")
    # the same through rank_dais, with a back row ranked normally after the front row
    back = dais_row(uniform(3), y=21.2, row=2)
    all_ids = rank_dais(seats + back, equal_top_pair=True)
    assert centre.id not in all_ids and len(all_ids) == 11
    assert av_ranks(back, all_ids[8:]) == [3, 1, 2]


def test_equal_top_pair_intl_is_mirrored():
    assert dais_slots(7, equal_top_pair=True, convention=INTL, view=SV) == seq("6 4 2 ∅ 1 3 5 7")
    seats = dais_row(uniform(9))
    ids = rank_dais_row(seats, convention=INTL, equal_top_pair=True)
    assert sv_ranks(seats, first(ids, 7)) == seq("∅ 6 4 2 ∅ 1 3 5 7")


def test_equal_top_pair_needs_a_centre_seat():
    with pytest.raises(ValidationError, match="R-DAIS-7"):
        rank_dais_row(dais_row(uniform(8)), equal_top_pair=True)
    with pytest.raises(ValidationError, match="equal_top_pair"):
        dais_slots(1, equal_top_pair=True)


# ------------------------------------------------------------- R-DAIS-10 multi-row


def test_t11_two_rows_of_five():
    front = dais_row(uniform(5), y=20.0, row=1)
    back = dais_row(uniform(5), y=21.2, row=2)  # behind the front row: further from the audience
    ids = rank_dais(back + front)  # input order does not matter
    assert ids[:5] == rank_dais_row(front)
    assert av_ranks(front, ids[:5]) == seq("5 3 1 2 4")
    assert sv_ranks(front, ids[:5]) == seq("4 2 1 3 5")
    back_rank = {sid: r for r, sid in enumerate(ids, start=1)}
    assert [back_rank[s.id] for s in sorted(back, key=lambda s: s.x)] == seq("10 8 6 7 9")
    assert [back_rank[s.id] for s in sorted(back, key=lambda s: -s.x)] == seq("9 7 6 8 10")


def test_r_dais_1_three_plus_three():
    front = dais_row(uniform(3), y=20.0, row=1)
    back = dais_row(uniform(3), y=21.2, row=2)
    ids = rank_dais(front + back)
    assert set(ids[:3]) == {s.id for s in front}
    assert set(ids[3:]) == {s.id for s in back}


def test_r_dais_10_back_row_longer_and_even():
    front = dais_row(uniform(5), y=20.0, row=1)
    back = dais_row(uniform(8), y=21.2, row=2)
    ids = rank_dais(front + back, even=V2)
    rank = {sid: r for r, sid in enumerate(ids, start=1)}
    assert [rank[s.id] for s in sorted(back, key=lambda s: s.x)] == [r + 5 for r in dais_order(8, even=V2)]


# ------------------------------------------------------------- geometry in any direction


@pytest.mark.parametrize("facing", [0.0, 90.0, 135.0, 200.0, 270.0, 333.0])
@pytest.mark.parametrize("n", [1, 2, 5, 6, 7, 8])
@pytest.mark.parametrize("conv", [CN, INTL])
@pytest.mark.parametrize("even", [V1, V2])
def test_rotated_dais(facing, n, conv, even):
    seats = dais_row(uniform(n), facing=facing)
    ids = rank_dais_row(seats, convention=conv, even=even)
    assert av_ranks(seats, ids, facing=facing) == dais_order(n, convention=conv, even=even, view=AV)
    assert sv_ranks(seats, ids, facing=facing) == dais_order(n, convention=conv, even=even, view=SV)


def test_dais_along_the_left_wall_facing_east():
    # Dais on the west wall, leaders face +x (0°). Their own left is +y, so SV left→right
    # is decreasing y, AV left→right (audience looking west) is increasing y.
    seats = [Seat(f"w{k}", "dais", 1, k, x=1.0, y=float(k), facing=0.0) for k in range(1, 8)]
    ids = rank_dais_row(seats)
    rank = {sid: r for r, sid in enumerate(ids, start=1)}
    by_y = [rank[s.id] for s in sorted(seats, key=lambda s: s.y)]
    assert by_y == [7, 5, 3, 1, 2, 4, 6]  # AV
    assert by_y[::-1] == [6, 4, 2, 1, 3, 5, 7]  # SV
    # two rows on that wall: the front row is the one nearest the audience (largest x)
    back = [Seat(f"b{k}", "dais", 2, k, x=0.0, y=float(k) + 0.5, facing=0.0) for k in range(1, 7)]
    ids2 = rank_dais(back + seats)
    assert ids2[:7] == ids
    rank2 = {sid: r for r, sid in enumerate(ids2, start=1)}
    assert [rank2[s.id] - 7 for s in sorted(back, key=lambda s: s.y)] == [5, 3, 1, 2, 4, 6]


def test_rank_dais_row_ignores_input_order():
    seats = dais_row(uniform(6))
    assert rank_dais_row(seats[::-1]) == rank_dais_row(seats)


def test_seats_facing_opposite_ways_are_rejected():
    a = Seat("a", "dais", 1, 1, x=0.0, y=0.0, facing=90.0)
    b = Seat("b", "dais", 1, 2, x=1.0, y=0.0, facing=270.0)
    with pytest.raises(ValidationError, match="face opposite ways"):
        rank_dais_row([a, b])
    with pytest.raises(ValidationError, match="face opposite ways"):
        rank_dais([a, b])


def test_empty_inputs():
    assert rank_dais_row([]) == []
    assert rank_dais([]) == []


# ------------------------------------------------------------- R-DAIS-15 validation


def test_r_dais_15_garbled_mixed_parity():
    problems = check_dais_sequence([8, 6, 4, 1, 2, 3, 5, 7])
    assert any("mixed parity" in p for p in problems)
    assert "expected 7 5 3 1 2 4 6 8" in problems[-1]


def test_r_dais_15_frame_mix_up_is_named():
    problems = check_dais_sequence([6, 4, 2, 1, 3, 5, 7], view=AV)  # SV sequence given as AV
    assert any("stage view" in p for p in problems)
    assert any("No.2 should sit right of No.1" in p for p in problems)
    problems = check_dais_sequence([8, 6, 4, 2, 1, 3, 5, 7], even=V1)
    assert any("even mode V2" in p for p in problems)
    assert any("No.1 is at position 5" in p for p in problems)


def test_r_dais_15_centre_above_sides_and_balance():
    problems = check_dais_sequence([3, 5, 1, 2, 4])
    assert any("grow outward" in p for p in problems)
    problems = check_dais_sequence([1, 2, 3, 4, 5])
    assert any("No.1 is at position 1" in p for p in problems)
    assert any("unbalanced" in p for p in problems)


def test_r_dais_15_not_a_permutation():
    problems = check_dais_sequence([1, 2, 2])
    assert any("more than once" in p for p in problems)
    assert any("missing" in p for p in problems)
    assert any("outside" in p for p in check_dais_sequence([0, 1, 2]))
    assert check_dais_sequence([]) == ["the sequence is empty; a dais row needs at least one leader"]
    assert "not whole rank numbers" in check_dais_sequence([1, "2"])[0]  # type: ignore[list-item]


# ------------------------------------------------------------------------- bad input


@pytest.mark.parametrize("n", [0, -3, 2.5, True, "7"])
def test_bad_n(n):
    with pytest.raises(ValidationError, match="n must be a whole number"):
        dais_order(n)


@pytest.mark.parametrize(
    ("kwargs", "param", "allowed"),
    [
        ({"convention": "left"}, "convention", "'cn', 'intl'"),
        ({"even": "V4"}, "even", "'V1', 'V2', 'V3'"),
        ({"view": "top"}, "view", "'audience', 'stage', 'plan'"),
    ],
)
def test_bad_option_strings(kwargs, param, allowed):
    with pytest.raises(ValidationError) as err:
        dais_order(5, **kwargs)
    assert param in str(err.value) and allowed in str(err.value)
    assert err.value.location.field == param


def test_bad_options_in_geometry_functions():
    seats = dais_row(uniform(3))
    with pytest.raises(ValidationError, match="convention"):
        rank_dais_row(seats, convention="right")
    with pytest.raises(ValidationError, match="even"):
        rank_dais(seats, even="V9")
    with pytest.raises(ValidationError, match="view"):
        check_dais_sequence([1], view="side")


@pytest.mark.parametrize("pitch", [0, -1.0, float("nan"), float("inf")])
def test_bad_pitch(pitch):
    with pytest.raises(ValidationError, match="pitch"):
        dais_offsets(4, even=V1, pitch=pitch)


def test_bad_slots():
    with pytest.raises(ValidationError, match="slots"):
        dais_offsets(6, even=V3, pitch=1.0, slots=5)
    with pytest.raises(ValidationError, match="slots"):
        dais_offsets(6, even=V3, pitch=1.0, slots=0)


# ------------------------------------------------------------------------ properties

conventions = st.sampled_from(list(Convention))
modes = st.sampled_from(list(EvenMode))
sizes = st.integers(min_value=1, max_value=60)


@settings(max_examples=150, deadline=None)
@given(n=sizes, conv=conventions, even=modes)
def test_property_dais_order(n, conv, even):
    av = dais_order(n, convention=conv, even=even, view=AV)
    sv = dais_order(n, convention=conv, even=even, view=SV)
    assert sorted(av) == list(range(1, n + 1))  # a permutation
    assert sv == av[::-1]  # SV is the reverse of AV
    # rank 1 within half a seat of the centre
    assert abs(av.index(1) - (n - 1) / 2) <= 0.5
    # ranks increase moving away from No.1 on each side
    p = av.index(1)
    left, right = av[:p][::-1], av[p + 1 :]
    assert all(a < b for a, b in zip(left, left[1:]))
    assert all(a < b for a, b in zip(right, right[1:]))
    # each side holds one parity (ranks alternate sides), sides differ by at most one
    assert len({r % 2 for r in left}) <= 1 and len({r % 2 for r in right}) <= 1
    assert abs(len(left) - len(right)) <= 1
    assert check_dais_sequence(av, convention=conv, even=even, view=AV) == []


@settings(max_examples=100, deadline=None)
@given(n=sizes, even=modes)
def test_property_cn_intl_mirror(n, even):
    cn = dais_order(n, convention=CN, even=even)
    intl = dais_order(n, convention=INTL, even=even)
    assert intl == cn[::-1]  # mirror image, same ranks (R-DAIS-9 states it for odd n; it holds for all)


@settings(max_examples=100, deadline=None)
@given(n=sizes, conv=conventions, even=modes, pitch=st.sampled_from([0.8, 1.0, 1.25]))
def test_property_rank_dais_row_agrees_with_dais_order(n, conv, even, pitch):
    seats = dais_row(dais_offsets(n, even=even, pitch=pitch, convention=conv))
    ids = rank_dais_row(seats, convention=conv, even=even)
    assert sorted(ids) == sorted(s.id for s in seats)
    assert av_ranks(seats, ids) == dais_order(n, convention=conv, even=even, view=AV)
    assert sv_ranks(seats, ids) == dais_order(n, convention=conv, even=even, view=SV)
    # No.1 within half a seat of the dais axis (V3: on it)
    x1 = next(s for s in seats if s.id == ids[0]).x - 10.0
    assert abs(x1) <= pitch / 2 + 1e-9
    if even is V3 or n % 2 == 1:
        assert x1 == pytest.approx(0.0, abs=1e-9)


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(st.integers(min_value=1, max_value=15), min_size=1, max_size=4),
    conv=conventions,
    even=modes,
    facing=st.sampled_from([270.0, 0.0, 45.0, 180.0]),
)
def test_property_multi_row_front_first(rows, conv, even, facing):
    seats = []
    for r, count in enumerate(rows, start=1):
        # rows go back (further from the audience) by 1.2 m; rotate the whole dais with the row helper
        a = math.radians(facing)
        back = 1.2 * (r - 1)
        row = dais_row(uniform(count), facing=facing, y=20.0, row=r)
        dx, dy = -back * math.cos(a), -back * math.sin(a)
        seats += [Seat(s.id, s.section, s.row, s.number, x=s.x + dx, y=s.y + dy, facing=facing) for s in row]
    ids = rank_dais(seats, convention=conv, even=even)
    assert sorted(ids) == sorted(s.id for s in seats)
    row_of = {s.id: s.row for s in seats}
    assert [row_of[i] for i in ids] == sorted(row_of[i] for i in ids)  # every front rank before any back rank
    start = 0
    for r, count in enumerate(rows, start=1):
        row_seats = [s for s in seats if s.row == r]
        assert av_ranks(row_seats, ids[start : start + count], facing=facing) == dais_order(
            count, convention=conv, even=even
        )
        start += count


@settings(max_examples=60, deadline=None)
@given(n=st.integers(min_value=1, max_value=30), extra=st.integers(min_value=0, max_value=4), conv=conventions)
def test_property_spare_seats_stay_at_the_ends(n, extra, conv):
    seats = dais_row(uniform(n + extra))
    ids = rank_dais_row(seats, convention=conv)[:n]
    av = av_ranks(seats, ids)
    filled = [i for i, r in enumerate(av) if r is not None]
    assert filled == list(range(filled[0], filled[-1] + 1))  # occupied seats are contiguous
