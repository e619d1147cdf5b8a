"""Audience floor: fill order and numbering, rule book §2 (R-AUD-2/3/4/9/10/11), T12–T14.

Floor seats face 90° (towards the stage, +y); the front row has the largest y.
Audience view (AV) left→right is increasing x; seen from the stage (SV) it is
decreasing x.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seatplan.errors import ValidationError
from seatplan.layout.numbering import number_floor, number_row
from seatplan.model import Convention, FillMethod, Numbering, Seat, Side
from seatplan.protocol import order_strips, rank_floor_seats, split_strips

CN, INTL = Convention.CN, Convention.INTL
ROWS, COLUMNS, CENTRE = FillMethod.ROWS, FillMethod.COLUMNS, FillMethod.CENTRE_OUT
SEQ, SERP, CTR = Numbering.SEQUENTIAL, Numbering.SERPENTINE, Numbering.CENTRE_OUT


# ------------------------------------------------------------------------------- helpers


def hall(rows, *, width=0.55, pitch=0.9, front_y=10.0, facing=90.0, aisle_after=(), aisle=1.2):
    """Theatre rows (seats per row, front first), centred on x = 0, facing ``facing``.

    ``aisle_after`` lists seat counts after which an aisle is inserted (same in every
    row). For a facing other than 90° the whole hall is rotated about the origin.
    """
    a = math.radians(facing - 90.0)
    seats = []
    for r, count in enumerate(rows, start=1):
        xs, x = [], 0.0
        for k in range(count):
            if k in aisle_after:
                x += aisle
            xs.append(x)
            x += width
        mid = (xs[0] + xs[-1]) / 2
        y = front_y - (r - 1) * pitch
        for k, sx in enumerate(xs, start=1):
            px, py = sx - mid, y
            seats.append(
                Seat(
                    f"r{r:02d}s{k:03d}",
                    "floor",
                    r,
                    k,
                    x=px * math.cos(a) - py * math.sin(a),
                    y=px * math.sin(a) + py * math.cos(a),
                    facing=facing,
                )
            )
    return seats


def av_rows(seats, ranked_ids, *, facing=90.0):
    """Ranks (None = not ranked) row by row front→back, each AV left→right."""
    rank = {sid: r for r, sid in enumerate(ranked_ids, start=1)}
    f = (math.cos(math.radians(facing)), math.sin(math.radians(facing)))
    right = (f[1], -f[0])  # the occupants' own right = AV right
    rows = {}
    for s in seats:
        rows.setdefault(s.row, []).append(s)
    return [
        [rank.get(s.id) for s in sorted(rows[r], key=lambda s: s.x * right[0] + s.y * right[1])] for r in sorted(rows)
    ]


def sv_rows(seats, ranked_ids, *, facing=90.0):
    return [row[::-1] for row in av_rows(seats, ranked_ids, facing=facing)]


# ------------------------------------------------------------------ T12 / R-AUD-2 横排法


def test_t12_rows_fill_12_people_rows_of_5():
    seats = hall([5, 5, 5])
    ids = rank_floor_seats(seats, fill=ROWS)[:12]
    people = {sid: f"P{k}" for k, sid in enumerate(ids, start=1)}
    grid = [[people.get(s.id) for s in sorted((s for s in seats if s.row == r), key=lambda s: s.x)] for r in (1, 2, 3)]
    assert grid[0] == ["P1", "P2", "P3", "P4", "P5"]
    assert grid[1] == ["P6", "P7", "P8", "P9", "P10"]
    assert grid[2] == ["P11", "P12", None, None, None]
    # seen from the stage the same rows read right to left
    assert sv_rows(seats, ids)[2] == [None, None, None, 12, 11]


def test_r_aud_2_rows_run_across_aisles():
    seats = hall([10, 10], aisle_after=(3, 7))
    ids = rank_floor_seats(seats, fill="rows")
    assert av_rows(seats, ids) == [list(range(1, 11)), list(range(11, 21))]


def test_rows_front_is_along_the_facing_vector():
    # a hall on its side: seats face east (0°), the stage is at large x; front row = largest x
    seats = hall([4, 4, 3], facing=0.0)
    ids = rank_floor_seats(seats, fill=ROWS)
    assert av_rows(seats, ids, facing=0.0) == [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11]]
    row1 = [s for s in seats if s.row == 1]
    assert {s.id for s in row1} == set(ids[:4])
    assert all(s.x > max(t.x for t in seats if t.row == 2) for s in row1)


def test_rows_tolerate_a_centimetre():
    seats = [Seat(f"s{k}", "floor", 1, k, x=float(k), y=5.0 + (0.004 if k % 2 else 0.0)) for k in range(1, 6)]
    assert rank_floor_seats(seats, fill=ROWS) == ["s1", "s2", "s3", "s4", "s5"]


# ----------------------------------------------------------- T13 / R-AUD-4 左右排列法


def test_t13_centre_out_cn_row_of_7_both_frames():
    seats = hall([7])
    ids = rank_floor_seats(seats, fill=CENTRE, hand=CN)
    assert av_rows(seats, ids) == [[6, 4, 2, 1, 3, 5, 7]]
    assert sv_rows(seats, ids) == [[7, 5, 3, 1, 2, 4, 6]]


def test_r_aud_4_intl_floor_row_of_7_both_frames():
    seats = hall([7])
    ids = rank_floor_seats(seats, fill=CENTRE, hand=INTL)
    assert av_rows(seats, ids) == [[7, 5, 3, 1, 2, 4, 6]]
    assert sv_rows(seats, ids) == [[6, 4, 2, 1, 3, 5, 7]]


def test_r_aud_4_floor_is_the_mirror_of_the_dais():
    from seatplan.protocol import dais_order

    seats = hall([7])
    floor_av = av_rows(seats, rank_floor_seats(seats, fill=CENTRE))[0]
    assert floor_av == dais_order(7)[::-1]  # same verbal rule, mirror-image AV sequences


def test_centre_out_rows_front_to_back_and_even_rows_like_v1():
    seats = hall([5, 6, 4])
    ids = rank_floor_seats(seats, fill="centre-out")
    assert av_rows(seats, ids) == [[4, 2, 1, 3, 5], [11, 9, 7, 6, 8, 10], [15, 13, 12, 14]]


def test_centre_out_uses_the_hall_centre_line():
    # a short back row sitting at the left of the hall: No.1 of that row is the seat nearest
    # the hall's axis (its AV-rightmost seat), then it fills outward to the left
    front = [Seat(f"f{k}", "floor", 1, k + 4, x=float(k), y=5.0) for k in range(-3, 4)]
    back = [Seat(f"b{k}", "floor", 2, k + 4, x=float(k), y=4.1) for k in range(-3, 0)]
    ids = rank_floor_seats(front + back, fill=CENTRE)
    assert ids[:7] == ["f0", "f-1", "f1", "f-2", "f2", "f-3", "f3"]
    assert ids[7:] == ["b-1", "b-2", "b-3"]


def test_centre_out_across_aisles():
    seats = hall([12], aisle_after=(4, 8))
    ids = rank_floor_seats(seats, fill=CENTRE)
    assert av_rows(seats, ids) == [[12, 10, 8, 6, 4, 2, 1, 3, 5, 7, 9, 11]]


@pytest.mark.parametrize("facing", [0.0, 45.0, 180.0, 250.0])
def test_centre_out_rotated_hall(facing):
    seats = hall([7, 6], facing=facing)
    ids = rank_floor_seats(seats, fill=CENTRE)
    assert av_rows(seats, ids, facing=facing) == [[6, 4, 2, 1, 3, 5, 7], [13, 11, 9, 8, 10, 12]]


# --------------------------------------------------------------- R-AUD-3 竖排法


def test_r_aud_3_left_to_right_strips():
    # D1..D4, 3 members each, 4 column strips of 3 rows; inside a strip members run front→back
    seats = hall([4, 4, 4])
    strips = split_strips(seats, k=4)
    assert strips == [[f"r{r:02d}s{c:03d}" for r in (1, 2, 3)] for c in (1, 2, 3, 4)]
    ids = rank_floor_seats(seats, fill=COLUMNS, strips=4)
    assert ids == [sid for strip in strips for sid in strip]
    delegations = order_strips(4, centre_out=False)
    assert delegations == [1, 2, 3, 4]
    who = {sid: f"D{d}-{m}" for d, strip in zip(delegations, strips) for m, sid in enumerate(strip, start=1)}
    front = [who[s.id] for s in sorted((s for s in seats if s.row == 1), key=lambda s: s.x)]
    assert front == ["D1-1", "D2-1", "D3-1", "D4-1"]


def test_r_aud_3_centre_out_strips_both_frames():
    assert order_strips(4, centre_out=True) == [4, 2, 1, 3]  # AV D4 D2 D1 D3
    assert order_strips(4, centre_out=True)[::-1] == [3, 1, 2, 4]  # seen from the stage
    assert order_strips(4, centre_out=True, hand=INTL) == [3, 1, 2, 4]
    assert order_strips(7, centre_out=True) == [6, 4, 2, 1, 3, 5, 7]
    assert order_strips(1, centre_out=True) == [1]


def test_split_strips_wide_hall_and_uneven_rows():
    seats = hall([12, 12], aisle_after=(6,))
    strips = split_strips(seats, k=3)
    assert [len(s) for s in strips] == [8, 8, 8]
    assert strips[0][:4] == ["r01s001", "r01s002", "r01s003", "r01s004"]
    seats = hall([10])
    assert [len(s) for s in split_strips(seats, k=4)] == [2, 3, 2, 3]
    seats = hall([2])
    assert split_strips(seats, k=3) == [["r01s001"], [], ["r01s002"]]


def test_columns_without_strips_is_column_major():
    seats = hall([3, 3])
    ids = rank_floor_seats(seats, fill=COLUMNS)
    assert ids == ["r01s001", "r02s001", "r01s002", "r02s002", "r01s003", "r02s003"]


def test_columns_fill_rotated_hall():
    seats = hall([3, 3], facing=180.0)
    ids = rank_floor_seats(seats, fill=COLUMNS, strips=3)
    assert av_rows(seats, ids, facing=180.0) == [[1, 3, 5], [2, 4, 6]]


# ---------------------------------------------------------- numbering R-AUD-9/10, T14


def test_r_aud_9_centre_out_numbering_row_of_17():
    x4care = [16, 14, 12, 10, 8, 6, 4, 2, 1, 3, 5, 7, 9, 11, 13, 15, 17]
    assert number_row(17, numbering=CTR, odd_side=Side.RIGHT) == x4care
    assert number_row(17, numbering="centre-out", odd_side="left") == x4care[::-1]
    # 帅康座椅: "从中间开始, 向左边是1->3->5->7, 向右边是2->4->6->8"
    assert number_row(8, numbering=CTR, odd_side=Side.LEFT) == [7, 5, 3, 1, 2, 4, 6, 8]


def test_centre_out_numbering_even_rows():
    assert number_row(6, numbering=CTR) == [6, 4, 2, 1, 3, 5]
    assert number_row(2, numbering=CTR) == [2, 1]
    assert number_row(1, numbering=CTR) == [1]
    assert number_row(0, numbering=CTR) == []
    assert number_row(6, numbering=CTR, reverse=True) == [5, 3, 1, 2, 4, 6]


def test_sequential_numbering():
    assert number_row(5, numbering=SEQ) == [1, 2, 3, 4, 5]
    assert number_row(3, numbering="sequential", start=10) == [10, 11, 12]
    assert number_row(3, numbering=SEQ, reverse=True) == [3, 2, 1]
    assert number_row(3, numbering=SERP, start=4) == [4, 5, 6]
    assert number_floor([3, 2], numbering=SEQ) == [[1, 2, 3], [1, 2]]
    assert number_floor([3, 4], numbering=CTR, odd_side=Side.LEFT) == [[3, 1, 2], [3, 1, 2, 4]]


def test_t14_serpentine_3x4_and_six_arrivals():
    numbers = number_floor([4, 4, 4], numbering=SERP)
    assert numbers == [[1, 2, 3, 4], [8, 7, 6, 5], [9, 10, 11, 12]]
    # R-AUD-11: the k-th arrival gets seat card k; 6 arrivals → row 1 full, then 5, 6 from the
    # right end of row 2 (AV); seen from the stage that is the left end.
    seats = hall([4, 4, 4])
    by_pos = sorted(seats, key=lambda s: (s.row, s.x))
    number_of = {s.id: n for s, n in zip(by_pos, [n for row in numbers for n in row])}
    arrivals = sorted(number_of, key=number_of.get)[:6]
    assert av_rows(seats, arrivals) == [[1, 2, 3, 4], [None, None, 6, 5], [None] * 4]
    assert sv_rows(seats, arrivals)[1] == [5, 6, None, None]


def test_r_aud_10_serpentine_continues_across_rows():
    # the chart of R-AUD-10: row 1 ends ... 024 025 026 at the right; row 2 starts at the left
    # with 056 055 054 053 ... (so row 2 has 30 seats), and 027 is at its right end
    numbers = number_floor([26, 30], numbering="serpentine")
    assert numbers[0][-3:] == [24, 25, 26]
    assert numbers[1][:4] == [56, 55, 54, 53]
    assert numbers[1][-1] == 27


# ------------------------------------------------------------------------- bad input


def test_bad_inputs():
    with pytest.raises(ValidationError, match="is not one of"):
        number_row(3, numbering="zigzag")
    with pytest.raises(ValidationError, match="odd_side"):
        number_row(3, numbering=CTR, odd_side="middle")
    with pytest.raises(ValidationError, match="count"):
        number_row(-1, numbering=SEQ)
    with pytest.raises(ValidationError, match="start"):
        number_row(3, numbering=SEQ, start=0)
    with pytest.raises(ValidationError, match="starts at 1"):
        number_row(3, numbering=CTR, start=5)
    with pytest.raises(ValidationError, match=r"rows\[1\]"):
        number_floor([3, -2], numbering=SEQ)
    seats = hall([3])
    with pytest.raises(ValidationError, match="is not one of"):
        rank_floor_seats(seats, fill="diagonal")
    with pytest.raises(ValidationError, match="hand"):
        rank_floor_seats(seats, fill=CENTRE, hand="left")
    with pytest.raises(ValidationError, match="strips"):
        rank_floor_seats(seats, fill=COLUMNS, strips=0)
    with pytest.raises(ValidationError, match="k must be"):
        order_strips(0, centre_out=True)
    with pytest.raises(ValidationError, match="k must be"):
        split_strips(seats, k=0)
    opposed = [
        Seat("a", "floor", 1, 1, x=0.0, y=0.0, facing=90.0),
        Seat("b", "floor", 1, 2, x=1.0, y=0.0, facing=270.0),
    ]
    with pytest.raises(ValidationError, match="face opposite ways"):
        rank_floor_seats(opposed, fill=ROWS)


def test_empty_floor():
    assert rank_floor_seats([], fill=ROWS) == []
    assert split_strips([], k=2) == [[], []]
    assert number_floor([], numbering=SERP) == []


# ------------------------------------------------------------------------ properties

row_lists = st.lists(st.integers(min_value=1, max_value=25), min_size=1, max_size=6)


@settings(max_examples=80, deadline=None)
@given(rows=row_lists, fill=st.sampled_from(list(FillMethod)), hand=st.sampled_from(list(Convention)),
       strips=st.one_of(st.none(), st.integers(min_value=1, max_value=6)),
       facing=st.sampled_from([90.0, 0.0, 30.0, 270.0]))
def test_property_rank_floor_seats(rows, fill, hand, strips, facing):
    seats = hall(rows, facing=facing, aisle_after=(8,))
    ids = rank_floor_seats(seats, fill=fill, hand=hand, strips=strips)
    assert sorted(ids) == sorted(s.id for s in seats)  # every seat exactly once
    row_of = {s.id: s.row for s in seats}
    if fill is not FillMethod.COLUMNS:
        assert [row_of[i] for i in ids] == sorted(row_of[i] for i in ids)  # front rows first
    if fill is FillMethod.CENTRE_OUT:
        for r, count in enumerate(rows, start=1):
            av = av_rows([s for s in seats if s.row == r], [i for i in ids if row_of[i] == r], facing=facing)[0]
            p = av.index(1)
            assert all(a < b for a, b in zip(av[:p][::-1], av[:p][::-1][1:]))
            assert all(a < b for a, b in zip(av[p + 1 :], av[p + 2 :]))


@settings(max_examples=80, deadline=None)
@given(count=st.integers(min_value=1, max_value=60), side=st.sampled_from(list(Side)))
def test_property_centre_out_numbering(count, side):
    nums = number_row(count, numbering=CTR, odd_side=side)
    assert sorted(nums) == list(range(1, count + 1))
    p = nums.index(1)
    assert abs(p - (count - 1) / 2) <= 0.5  # 1 at the centre
    left, right = nums[:p][::-1], nums[p + 1 :]
    assert all(a < b for a, b in zip(left, left[1:])) and all(a < b for a, b in zip(right, right[1:]))
    odd_run = right if side is Side.RIGHT else left
    even_run = left if side is Side.RIGHT else right
    assert all(n % 2 == 1 for n in odd_run) and all(n % 2 == 0 for n in even_run)


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(st.integers(min_value=1, max_value=30), min_size=1, max_size=8))
def test_property_serpentine(rows):
    numbers = number_floor(rows, numbering=SERP)
    flat = [n for row in numbers for n in row]
    assert sorted(flat) == list(range(1, sum(rows) + 1))
    for i, row in enumerate(numbers):
        assert row == sorted(row, reverse=i % 2 == 1)  # odd rows L→R, even rows R→L
    # consecutive numbers across a row change sit at the same end of the hall
    for i in range(len(numbers) - 1):
        end = -1 if i % 2 == 0 else 0
        assert numbers[i + 1][end] == numbers[i][end] + 1


def test_stroke_counts_come_from_the_shipped_unihan_table() -> None:
    from seatplan.protocol.people import _NO_STROKES, _strokes

    assert [_strokes(c) for c in "王李众范曾"] == [4, 7, 6, 8, 12]
    assert _strokes("𠮷") == 6  # an extension-B surname character
    assert _strokes("A") == _NO_STROKES and _strokes("") == _NO_STROKES
