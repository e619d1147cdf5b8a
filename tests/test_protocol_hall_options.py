"""Protocol functions behind the meeting options: dais read-back and checks (R-DAIS-11/15),
strips, rotation and numbering on the floor (R-AUD-3/4/6/9), list orders (R-AUD-5), dais people
(R-DAIS-10/12). Frames: AV left→right = increasing x for seats facing 90° (floor) and 270° (dais).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seatplan.errors import ValidationError
from seatplan.layout.numbering import number_floor
from seatplan.model import Attendee, Convention, Seat
from seatplan.protocol.dais import (
    check_dais_rows,
    dais_offsets,
    dais_order,
    dais_row_sequences,
    rank_dais,
)
from seatplan.protocol.floor import (
    fill_strips,
    floor_hand_convention,
    order_strips,
    rotate_members,
    rotate_strips,
)
from seatplan.protocol.people import (
    find_presider,
    order_by_unit,
    order_dais_people,
    order_members,
    order_units,
    pinyin_key,
    stroke_key,
)


def dais_row(offsets, *, y=20.0, prefix="d"):
    return [Seat(f"{prefix}{k:02d}", "dais", 1, k, x=10.0 + o, y=y, facing=270.0) for k, o in enumerate(sorted(offsets), start=1)]


def grid(rows, cols, *, aisle_after=()):
    out, x = [], []
    pos = 0.0
    for c in range(cols):
        if c in aisle_after:
            pos += 1.2
        x.append(pos)
        pos += 0.55
    for r in range(1, rows + 1):
        out += [Seat(f"r{r}c{c:02d}", "floor", r, c + 1, x=x[c], y=-0.9 * r) for c in range(cols)]
    return out


# ------------------------------------------------------------------- dais (R-DAIS-11/15)


@pytest.mark.parametrize("n", range(1, 12))
@pytest.mark.parametrize("conv", ["cn", "intl"])
def test_r_dais_11_split_rows_keep_the_sequence(n, conv):
    seats = dais_row(dais_offsets(n, even="V1", pitch=1.0, aisle=1.2, convention=conv))
    order = rank_dais(seats, convention=conv, axis=(10.0, 0.0))
    assert dais_row_sequences(seats, order) == [dais_order(n, convention=conv)]
    assert check_dais_rows(seats, order, convention=conv) == []
    xs = [s.x - 10.0 for s in seats]
    assert not any(abs(x) < 0.6 for x in xs), "the aisle is on the axis"


def test_dais_offsets_aisle_puts_the_extra_seat_on_the_junior_side():
    assert dais_offsets(3, even="V1", pitch=1.0, aisle=1.0) == [-2.0, -1.0, 1.0]
    assert dais_offsets(3, even="V1", pitch=1.0, aisle=1.0, convention="intl") == [-1.0, 1.0, 2.0]
    with pytest.raises(ValidationError, match="aisle"):
        dais_offsets(3, even="V1", pitch=1.0, aisle=-1.0)


def test_dais_row_sequences_stage_view_and_empty_chairs():
    seats = dais_row([-2, -1, 0, 1, 2])
    order = rank_dais(seats)[:3]
    assert dais_row_sequences(seats, order) == [[None, 3, 1, 2, None]]
    assert dais_row_sequences(seats, order, view="stage") == [[None, 2, 1, 3, None]]


def test_check_dais_rows_flags_a_back_row_before_the_front():
    front = dais_row([-1, 0, 1])
    back = dais_row([-1, 0, 1], y=21.2, prefix="b")
    good = rank_dais(front + back)
    assert check_dais_rows(front + back, good) == []
    bad = good[3:] + good[:3]
    assert any("R-DAIS-1" in p for p in check_dais_rows(front + back, bad))
    swapped = [good[1], good[0], *good[2:]]
    assert any(p.startswith("row 1:") for p in check_dais_rows(front + back, swapped))
    assert check_dais_rows(front, ["nope"]) == ["seat ids ['nope'] are not seats of this dais"]


def test_check_dais_rows_equal_top_pair():
    seats = dais_row(range(-3, 4))
    order = rank_dais(seats, equal_top_pair=True)
    assert check_dais_rows(seats, order, equal_top_pair=True) == []
    assert check_dais_rows(seats, order) != []


# ------------------------------------------------------------------- floor


def test_floor_hand_convention():
    assert floor_hand_convention("cn", "own-left") is Convention.CN
    assert floor_hand_convention("cn", "av-right") is Convention.INTL
    assert floor_hand_convention("intl", "av-right") is Convention.CN
    with pytest.raises(ValidationError, match="floor_hand"):
        floor_hand_convention("cn", "up")


def test_fill_strips_left_to_right_and_centre_out():
    hall = grid(3, 4)
    strips = fill_strips(hall, [3, 3, 3, 3])
    assert [[sid[-3:] for sid in s] for s in strips] == [["c00", "c00", "c00"], ["c01", "c01", "c01"], ["c02", "c02", "c02"], ["c03", "c03", "c03"]]
    centre = fill_strips(hall, [3, 3, 3, 3], centre_out=True)
    first_col = {k + 1: s[0][-3:] for k, s in enumerate(centre)}
    assert [u for u, _ in sorted(first_col.items(), key=lambda kv: kv[1])] == order_strips(4, centre_out=True)


def test_fill_strips_errors():
    with pytest.raises(ValidationError, match="竖排法"):
        fill_strips(grid(2, 2), [1, 1, 1])
    with pytest.raises(ValidationError, match="only 4 seats"):
        fill_strips(grid(2, 2), [5])
    with pytest.raises(ValidationError, match="permutation"):
        fill_strips(grid(2, 2), [1, 1], sequence=[1, 1])
    assert fill_strips(grid(2, 2), []) == []


@settings(max_examples=60, deadline=None)
@given(
    sizes=st.lists(st.integers(0, 7), min_size=1, max_size=6),
    cols=st.integers(6, 16),
    centre_out=st.booleans(),
    hand=st.sampled_from(["cn", "intl"]),
)
def test_property_fill_strips(sizes, cols, centre_out, hand):
    hall = grid(8, cols, aisle_after=(cols // 3, 2 * cols // 3))
    try:
        strips = fill_strips(hall, sizes, centre_out=centre_out, hand=hand)
    except ValidationError:
        return
    col_of = {s.id: s.number for s in hall}
    used: dict[int, int] = {}
    for unit, (strip, n) in enumerate(zip(strips, sizes)):
        assert len(strip) >= n
        mine = sorted({col_of[sid] for sid in strip[:n]})
        if mine:
            assert mine == list(range(mine[0], mine[-1] + 1)), "one contiguous run of columns"
        for c in {col_of[sid] for sid in strip}:
            assert used.setdefault(c, unit) == unit, "strips do not share columns"
    rows_used = [int(sid[1]) for strip, n in zip(strips, sizes) for sid in strip[:n]]
    assert all(1 <= r <= 8 for r in rows_used)


def test_rotate_strips_and_members():
    base = order_strips(35, centre_out=True)
    year1 = rotate_strips(base, year=1, groups=5)
    centre = base.index(1)
    assert year1[centre] == 29, "the outermost group (centrality 29–35) returns to the centre"
    assert rotate_strips(base, year=5, groups=5) == base
    assert rotate_strips(base, year=0) == base
    assert rotate_members(list(range(1, 31)), year=1)[:2] == [7, 8] and rotate_members(list(range(1, 31)), year=1)[-6:] == [1, 2, 3, 4, 5, 6]
    assert rotate_members([1], year=3) == [1]
    with pytest.raises(ValidationError):
        rotate_members([1, 2], year=1, fraction=0)


def test_number_floor_from_positions():
    assert number_floor([[0.0, 0.55, 1.1, 1.65, 2.2]], numbering="centre-out", centre=1.1) == [[4, 2, 1, 3, 5]]
    assert number_floor([[0.0, 0.55, 1.1]], numbering="centre-out", centre=1.65, odd_side="left") == [[5, 3, 1]]
    assert number_floor([[0.0, 0.55]], numbering="serpentine") == [[1, 2]]


# ------------------------------------------------------------------- people


def a(pid, name, unit="", rank=0, *, category="", tags=(), unit_order=0):
    return Attendee(pid, name, unit=unit, rank=rank, category=category, tags=frozenset(tags), unit_order=unit_order)


def test_r_aud_5_strokes_example():
    # two members with equal votes: 王 (4 strokes) before 李 (7 strokes)
    assert sorted(["李明", "王明"], key=stroke_key) == ["王明", "李明"]
    assert stroke_key("王")[0][0] == 4 and stroke_key("李")[0][0] == 7
    assert sorted(["王五", "方一", "王二"], key=stroke_key) == ["方一", "王二", "王五"], "same surname together"
    assert sorted(["lü", "lu"], key=pinyin_key) == ["lu", "lü"]
    assert sorted(["张", "曹", "安"], key=pinyin_key) == ["安", "曹", "张"]


def test_order_units_and_members():
    people = [a("1", "甲", "乙队", 1), a("2", "乙", "丁队", 1), a("3", "丙", "甲队", 1, unit_order=2), a("4", "丁", "乙队", 2)]
    assert order_units(people) == ["甲队", "乙队", "丁队"]
    assert order_units(people, published=["丁队"], by="pinyin") == ["丁队", "甲队", "乙队"]
    with pytest.raises(ValidationError, match="unit_order_by"):
        order_units(people, by="age")
    unit = [a("1", "王五", rank=1), a("2", "丁一", rank=2), a("3", "李四", rank=3, category="alternate")]
    assert [p.name for p in order_members(unit, by="strokes")] == ["丁一", "王五", "李四"]
    assert [p.name for p in order_by_unit(unit, members="pinyin")] == ["丁一", "王五", "李四"]


def test_order_dais_people_roles_and_presider():
    people = [a(f"{k}", f"L{k}", rank=k, tags={"执行主席"} if k in (4, 6) else ({"主持人"} if k == 9 else set())) for k in range(1, 10)]
    ordered = order_dais_people(people, front_tags=["执行主席"], front_seats=3)
    assert [p.rank for p in ordered] == [4, 6, 9, 1, 2, 3, 5, 7, 8]
    with pytest.raises(ValidationError, match="front-row role"):
        order_dais_people(people, front_tags=["执行主席"], front_seats=1)
    with pytest.raises(ValidationError, match="presider"):
        order_dais_people(people, front_tags=["执行主席"], front_seats=2)
    assert find_presider(people).rank == 9
    assert find_presider(people[:3]) is None
