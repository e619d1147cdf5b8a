"""Fire-code questions and check_theatre: rule book R-PHY-1..7 worked examples, T25–T28."""

from __future__ import annotations

import math

import pytest

from seatplan.errors import GeometryError
from seatplan.layout.firecode import (
    INCH,
    MIN_EXIT_DOOR_WIDTH,
    AisleKind,
    AisleSpec,
    CodeViolation,
    ExitKind,
    FireCode,
    FireGrade,
    FireProfile,
    RowMethod,
    RowSpec,
    Severity,
    SportsOneSide,
    VenueKind,
    check_theatre,
    door_width_per_100,
    max_rows_between_cross_aisles,
    max_seats_between_aisles,
    max_seats_for_grade,
    max_seats_ibc,
    max_seats_jgj57,
    min_aisle_width,
    min_exit_width_total,
    min_row_clear_width_ibc,
    min_row_clearance_jgj57,
    min_row_pitch_jgj57,
    min_seat_width_jgj57,
)
from seatplan.model import Door

GB_ONLY = FireProfile(apply_jgj57=False)


def rules(violations: list[CodeViolation]) -> list[tuple[str, str]]:
    return [(v.rule, v.where) for v in violations]


# ------------------------------------------------------------------------------ R-PHY-1


@pytest.mark.parametrize(
    ("kind", "pitch", "aisles", "expected"),
    [
        (VenueKind.THEATRE, 0.85, 2, 22),
        (VenueKind.THEATRE, 0.90, 2, 44),
        (VenueKind.THEATRE, 1.10, 2, 44),
        (VenueKind.THEATRE, 0.85, 1, 11),
        (VenueKind.THEATRE, 0.95, 1, 22),
        (VenueKind.SPORTS, 0.85, 2, 26),
        (VenueKind.SPORTS, 0.90, 2, 50),  # 52 capped
        (VenueKind.SPORTS, 0.85, 1, 13),
    ],
)
def test_r_phy_1_table(kind: VenueKind, pitch: float, aisles: int, expected: int) -> None:
    assert max_seats_between_aisles(row_pitch=pitch, aisles=aisles, venue_kind=kind) == expected


def test_r_phy_1_sports_one_side_is_an_option() -> None:
    kw = {"row_pitch": 0.90, "aisles": 1, "venue_kind": VenueKind.SPORTS}
    assert max_seats_between_aisles(**kw) == 25  # default: cap then halve
    assert max_seats_between_aisles(**kw, sports_one_side=SportsOneSide.CAP_THEN_HALVE) == 25
    assert max_seats_between_aisles(**kw, sports_one_side="halve_then_double") == 26
    # theatres read the same either way
    theatre = {"row_pitch": 0.95, "aisles": 1}
    assert max_seats_between_aisles(**theatre, sports_one_side=SportsOneSide.HALVE_THEN_DOUBLE) == 22


def test_r_phy_1_bad_arguments() -> None:
    with pytest.raises(GeometryError, match="aisles must be 1"):
        max_seats_between_aisles(row_pitch=0.9, aisles=3)
    with pytest.raises(GeometryError, match="row_pitch"):
        max_seats_between_aisles(row_pitch=-0.9, aisles=2)


def test_t25_theatre_085_both_sides_23_seats_is_a_violation() -> None:
    rows = [RowSpec(row=1, block=1, seats=23, aisles=2, row_pitch=0.85)]
    v = check_theatre(rows, profile=GB_ONLY)
    assert rules(v) == [("R-PHY-1", "row 1, block 1")]
    assert (v[0].required, v[0].actual) == (22, 23)
    assert v[0].severity is Severity.ADVISORY  # 22 is "不宜"
    assert check_theatre([RowSpec(1, 1, 22, 2, 0.85)], profile=GB_ONLY) == []


def test_t26_theatre_090_both_sides_44_ok_45_violation() -> None:
    assert check_theatre([RowSpec(1, 1, 44, 2, 0.90)], profile=GB_ONLY) == []
    v = check_theatre([RowSpec(3, 2, 45, 2, 0.90)], profile=GB_ONLY)
    assert rules(v) == [("R-PHY-1", "row 3, block 2")]
    assert v[0].required == 44 and "at most 44" in v[0].message


def test_r_phy_1_above_the_50_cap_is_mandatory() -> None:
    v = check_theatre([RowSpec(1, 1, 51, 2, 1.0)], profile=FireProfile(venue_kind=VenueKind.SPORTS))
    assert v[0].severity is Severity.MANDATORY and v[0].required == 50
    one_side = check_theatre([RowSpec(1, 1, 26, 1, 1.0)], profile=FireProfile(venue_kind=VenueKind.SPORTS))
    assert one_side[0].severity is Severity.MANDATORY and one_side[0].required == 25


# ------------------------------------------------------------------------------ R-PHY-2


def test_r_phy_2_rows_between_cross_aisles() -> None:
    assert max_rows_between_cross_aisles() == 20
    rows = [RowSpec(r, 1, 10, 2, 0.9) for r in range(1, 25)]
    v = check_theatre(rows, profile=GB_ONLY)
    assert rules(v) == [("R-PHY-2", "rows 1–24")]
    assert (v[0].required, v[0].actual, v[0].severity) == (20, 24, Severity.ADVISORY)
    cross = [AisleSpec(width=1.2, persons_served=120, kind=AisleKind.CROSS, after_row=12)]
    assert check_theatre(rows, cross, profile=GB_ONLY) == []
    late = [AisleSpec(width=1.2, persons_served=120, kind=AisleKind.CROSS, after_row=2)]
    assert rules(check_theatre(rows, late, profile=GB_ONLY)) == [("R-PHY-2", "rows 3–24")]
    assert check_theatre(rows[:20], profile=GB_ONLY) == []


# ------------------------------------------------------------------------------ R-PHY-3


def test_t27_and_r_phy_3_aisle_widths() -> None:
    assert min_aisle_width(250) == pytest.approx(1.50)  # T27
    assert min_aisle_width(120) == pytest.approx(1.00)
    assert min_aisle_width(0) == pytest.approx(1.00)
    assert min_aisle_width(100, side=True) == pytest.approx(0.80)
    assert min_aisle_width(200, side=True) == pytest.approx(1.20)


def test_r_phy_3_in_check_theatre() -> None:
    rows = [RowSpec(1, 1, 10, 2, 0.9)]
    ok = [
        AisleSpec(width=1.50, persons_served=250, name="中"),
        AisleSpec(width=0.80, persons_served=100, kind=AisleKind.SIDE),
    ]
    assert check_theatre(rows, ok, profile=GB_ONLY) == []
    bad = [
        AisleSpec(width=1.40, persons_served=250, name="中"),
        AisleSpec(width=0.75, persons_served=100, kind=AisleKind.SIDE),
        AisleSpec(width=0.90, persons_served=200, kind=AisleKind.SIDE),
    ]
    v = check_theatre(rows, bad, profile=GB_ONLY)
    assert rules(v) == [("R-PHY-3", "aisle 中"), ("R-PHY-3", "aisle 2"), ("R-PHY-3", "aisle 3")]
    assert v[0].required == pytest.approx(1.5) and v[0].severity is Severity.MANDATORY
    assert v[1].severity is Severity.ADVISORY  # only the 不宜 0.80 m side-aisle floor
    assert v[2].severity is Severity.MANDATORY and v[2].required == pytest.approx(1.2)


def test_aisle_spec_validation() -> None:
    with pytest.raises(GeometryError, match="cross aisle needs after_row"):
        AisleSpec(width=1.0, persons_served=10, kind=AisleKind.CROSS)
    with pytest.raises(GeometryError, match="only for cross aisles"):
        AisleSpec(width=1.0, persons_served=10, after_row=3)
    with pytest.raises(GeometryError, match="aisle width"):
        AisleSpec(width=0, persons_served=10)


# ------------------------------------------------------------------------------ R-PHY-4


def test_r_phy_4_exit_widths() -> None:
    assert min_exit_width_total(1000, stepped=True, grade=FireGrade.TWO) == pytest.approx(7.50)
    assert min_exit_width_total(1000, stepped=False, grade="二级") == pytest.approx(6.50)
    assert min_exit_width_total(1000, stepped=True, grade=3) == pytest.approx(10.0)
    assert door_width_per_100(stepped=False, grade="三") == 0.85
    assert door_width_per_100(stepped=True, grade="I", kind=ExitKind.STAIR) == 0.75
    assert door_width_per_100(stepped=False, grade=FireGrade.THREE, kind=ExitKind.STAIR) == 1.00
    assert max_seats_for_grade("一级") == 2500 and max_seats_for_grade(3) == 1200
    assert MIN_EXIT_DOOR_WIDTH == 1.40
    with pytest.raises(GeometryError, match="covers at most 1200"):
        min_exit_width_total(1500, stepped=False, grade=3)
    with pytest.raises(GeometryError, match="unknown fire-resistance grade"):
        FireGrade.coerce("四级")


def test_r_phy_4_in_check_theatre() -> None:
    profile = FireProfile(stepped=True, grade=FireGrade.TWO, apply_jgj57=False)
    rows = [RowSpec(r, b, 20, 2, 0.9, against_wall=False) for r in range(1, 26) for b in (1, 2)]  # 1000 seats
    cross = [AisleSpec(width=3.0, persons_served=500, kind=AisleKind.CROSS, after_row=12)]
    ok = [Door(0, 5, width=2.5, name="正门", main=True), Door(20, 5, width=2.5), Door(10, 0, width=2.5)]
    assert check_theatre(rows, cross, ok, profile=profile) == []
    bad = [Door(0, 5, width=1.2, name="正门"), Door(20, 5, width=2.5), Door(10, 0, width=2.5)]
    v = check_theatre(rows, cross, bad, profile=profile)
    assert rules(v) == [("R-PHY-4", "door 正门"), ("R-PHY-4", "hall")]
    assert v[0].required == 1.40 and v[0].actual == 1.2
    assert v[1].required == pytest.approx(7.5) and v[1].actual == pytest.approx(6.2)
    assert rules(check_theatre(rows, cross, (), profile=profile)) == [("R-PHY-4", "hall")]
    assert check_theatre(rows, cross, None, profile=profile) == []  # exits not checked


def test_r_phy_4_hall_larger_than_the_table() -> None:
    rows = [RowSpec(r, b, 20, 2, 0.9) for r in range(1, 21) for b in (1, 2, 3)]  # 1200 seats
    profile = FireProfile(grade=FireGrade.THREE, apply_jgj57=False)
    assert rules(check_theatre(rows, (), [Door(0, 0, width=11)], profile=profile)) == []
    more = rows + [RowSpec(21, 1, 1, 2, 0.9)]
    cross = [AisleSpec(width=1.0, persons_served=1, kind=AisleKind.CROSS, after_row=20)]
    v = check_theatre(more, cross, [Door(0, 0, width=11)], profile=profile)
    assert rules(v) == [("R-PHY-4", "hall")] and v[0].required == 1200 and "fire engineer" in v[0].message


# ------------------------------------------------------------------------------ R-PHY-5 (JGJ 57)


def test_t28_jgj57_short_row_soft_24_seats() -> None:
    assert min_row_pitch_jgj57(24, soft=True, aisles=2) == pytest.approx(0.95)


def test_r_phy_5_values() -> None:
    assert min_row_pitch_jgj57(22, soft=False, aisles=2) == pytest.approx(0.80)
    assert min_row_pitch_jgj57(12, soft=True, aisles=1) == pytest.approx(0.925)
    assert min_row_pitch_jgj57(22, soft=True, aisles=2, against_wall=True) == pytest.approx(1.02)
    assert min_row_pitch_jgj57(40, soft=True, aisles=2, method=RowMethod.LONG) == pytest.approx(1.10)
    assert min_row_pitch_jgj57(30, soft=True, aisles=1, method=RowMethod.LONG) == math.inf
    assert min_row_pitch_jgj57(30, soft=False, aisles=2, method=None) == pytest.approx(1.00)
    assert max_seats_jgj57(aisles=2) == 22 and max_seats_jgj57(aisles=1) == 11
    assert max_seats_jgj57(aisles=2, method=RowMethod.LONG) == 50
    assert max_seats_jgj57(aisles=1, method=RowMethod.LONG) == 25
    assert min_seat_width_jgj57(soft=True) == 0.55 and min_seat_width_jgj57(soft=False) == 0.50
    assert min_row_clearance_jgj57() == 0.30 and min_row_clearance_jgj57(method=RowMethod.LONG) == 0.50


def test_r_phy_5_row_pitch_in_check_theatre() -> None:
    profile = FireProfile(row_method=RowMethod.SHORT)
    assert check_theatre([RowSpec(1, 1, 24, 2, 0.95)], profile=profile) == []
    v = check_theatre([RowSpec(1, 1, 24, 2, 0.90)], profile=profile)
    assert rules(v) == [("R-PHY-5", "row 1, block 1")]
    assert v[0].required == pytest.approx(0.95) and v[0].actual == 0.90
    wall = check_theatre([RowSpec(9, 1, 20, 2, 0.95, against_wall=True)], profile=profile)
    assert rules(wall) == [("R-PHY-5", "row 9, block 1")] and wall[0].required == pytest.approx(1.02)


def test_r_phy_5_long_row_30_seats_one_side_is_a_violation() -> None:
    profile = FireProfile(row_method=RowMethod.LONG, venue_kind=VenueKind.THEATRE, apply_jgj57=True)
    v = check_theatre([RowSpec(1, 1, 30, 1, 1.10)], profile=profile)
    assert ("R-PHY-5", "row 1, block 1") in rules(v)
    jgj = next(x for x in v if x.rule == "R-PHY-5")
    assert (jgj.required, jgj.actual) == (25, 30)
    assert ("R-PHY-1", "row 1, block 1") in rules(v)  # GB 50016: 50 halved → 25 too
    # 25 seats at long-row pitch: JGJ 57 fine (GB 50016 halves 44 to 22, advisory)
    ok = check_theatre([RowSpec(1, 1, 25, 1, 1.10)], profile=profile)
    assert [x.rule for x in ok] == ["R-PHY-1"]
    short = check_theatre([RowSpec(1, 1, 40, 2, 1.05)], profile=profile)
    assert rules(short) == [("R-PHY-5", "row 1, block 1")] and short[0].required == pytest.approx(1.10)


def test_r_phy_5_auto_method_takes_the_easier() -> None:
    # 40 soft seats: short-row needs 0.90 + 18 × 0.025 = 1.35 m, long-row 1.10 m
    assert check_theatre([RowSpec(1, 1, 40, 2, 1.10)]) == []
    v = check_theatre([RowSpec(1, 1, 40, 2, 1.05)])
    assert rules(v) == [("R-PHY-5", "row 1, block 1")] and v[0].required == pytest.approx(1.10)
    # GB 50016 44 vs JGJ 57: 44 seats at 0.90 m satisfy GB but not JGJ 57 (R-PHY-5 disagreement)
    assert [x.rule for x in check_theatre([RowSpec(1, 1, 44, 2, 0.90)])] == ["R-PHY-5"]


def test_r_phy_5_seat_width_and_clearance() -> None:
    hard = FireProfile(soft_seats=False)
    assert check_theatre([RowSpec(1, 1, 20, 2, 0.80, seat_width=0.50, clear_width=0.30)], profile=hard) == []
    v = check_theatre([RowSpec(1, 1, 20, 2, 0.90, seat_width=0.52, clear_width=0.25)])
    assert [(x.rule, x.required) for x in v] == [("R-PHY-5", 0.55), ("R-PHY-5", 0.30)]
    long_row = check_theatre([RowSpec(1, 1, 40, 2, 1.10, clear_width=0.45)])
    assert [(x.rule, x.required) for x in long_row] == [("R-PHY-5", 0.50)]


def test_jgj57_not_applied_to_sports_halls() -> None:
    profile = FireProfile(venue_kind=VenueKind.SPORTS)
    assert check_theatre([RowSpec(1, 1, 26, 2, 0.85, seat_width=0.40)], profile=profile) == []


# ------------------------------------------------------------------------------ R-PHY-7 (IBC)


def test_r_phy_7_values() -> None:
    assert min_row_clear_width_ibc(20) == pytest.approx(19.8 * INCH)
    assert min_row_clear_width_ibc(20) == pytest.approx(0.503, abs=5e-4)
    assert min_row_clear_width_ibc(7) == pytest.approx(12 * INCH)
    assert min_row_clear_width_ibc(20, smoke_protected=True) == pytest.approx(15.9 * INCH)
    assert min_row_clear_width_ibc(100, continental=True) == pytest.approx(22 * INCH)
    assert max_seats_ibc(aisles=2) == 24
    assert max_seats_ibc(aisles=2, smoke_protected=True) == 40
    assert max_seats_ibc(aisles=2, continental=True) == 100
    assert max_seats_between_aisles(row_pitch=0.9, aisles=2, code=FireCode.IBC) == 24


def test_r_phy_7_in_check_theatre() -> None:
    ibc = FireProfile(code=FireCode.IBC)
    assert check_theatre([RowSpec(1, 1, 20, 2, 1.05)], profile=ibc) == []  # 1.05 − 0.50 = 0.55 ≥ 0.503
    v = check_theatre([RowSpec(1, 1, 20, 2, 0.95)], profile=ibc)
    assert rules(v) == [("R-PHY-7", "row 1, block 1")]
    assert v[0].required == pytest.approx(0.50292) and v[0].actual == pytest.approx(0.45)
    assert check_theatre([RowSpec(1, 1, 20, 2, 0.90, clear_width=0.51)], profile=ibc) == []
    many = check_theatre([RowSpec(1, 1, 25, 2, 2.0)], profile=ibc)
    assert rules(many) == [("R-PHY-7", "row 1, block 1")] and many[0].required == 24
    # IBC does not apply the GB aisle / cross-aisle / door rules
    rows = [RowSpec(r, 1, 10, 2, 1.0) for r in range(1, 30)]
    assert check_theatre(rows, [AisleSpec(0.5, 500)], [Door(0, 0, width=0.9)], profile=ibc) == []


def test_r_phy_7_continental() -> None:
    cont = FireProfile(code=FireCode.IBC, continental=True)
    assert check_theatre([RowSpec(1, 1, 100, 2, 1.10)], profile=cont) == []
    v = check_theatre([RowSpec(1, 1, 101, 2, 1.10)], profile=cont)
    assert [(x.rule, x.required) for x in v] == [("R-PHY-7", 100)]


# ------------------------------------------------------------------------------ input checks


def test_row_spec_validation() -> None:
    with pytest.raises(GeometryError, match="aisles"):
        RowSpec(1, 1, 10, 0, 0.9)
    with pytest.raises(GeometryError, match="seats"):
        RowSpec(1, 1, 0, 2, 0.9)
    with pytest.raises(GeometryError, match="row_pitch"):
        RowSpec(1, 1, 10, 2, 0.0)
    with pytest.raises(GeometryError, match="two row specs for row 1, block 1"):
        check_theatre([RowSpec(1, 1, 10, 2, 0.9), RowSpec(1, 1, 12, 2, 0.9)])


def test_profile_coerces_strings() -> None:
    p = FireProfile(code="IBC", venue_kind="sports", grade="三级", row_method="long")  # type: ignore[arg-type]
    assert p.code is FireCode.IBC and p.venue_kind is VenueKind.SPORTS
    assert p.grade is FireGrade.THREE and p.row_method is RowMethod.LONG


def test_a_realistic_hall_passes() -> None:
    """Blocks 12 | 20 | 12, 18 rows at 0.95 m, soft seats, four aisles, three 1.8 m doors (792 seats)."""
    rows = [
        RowSpec(r, b, n, aisles, 0.95, seat_width=0.55, against_wall=False)
        for r in range(1, 19)
        for b, n, aisles in ((1, 12, 2), (2, 20, 2), (3, 12, 2))
    ]
    aisles = [
        AisleSpec(0.9, 108, AisleKind.SIDE, name="左边"),
        AisleSpec(1.8, 288, name="左"),  # 108 from block 1 + 180 from block 2 → 1.73 m
        AisleSpec(1.8, 288, name="右"),
        AisleSpec(0.9, 108, AisleKind.SIDE, name="右边"),
    ]
    doors = [Door(0, 3, width=1.8, main=True, name="正门"), Door(10, 0, width=1.8), Door(20, 3, width=1.8)]
    assert check_theatre(rows, aisles, doors) == []


# ------------------------------------------------------------------------------ named profiles, limits


def test_named_profiles() -> None:
    from seatplan.layout.firecode import ProfileName, fire_profile, profile_name

    gb = fire_profile("gb50016")
    assert gb.code is FireCode.GB50016 and profile_name(gb) == "gb50016"
    ibc = fire_profile("IBC", soft_seats=False)
    assert ibc.code is FireCode.IBC and not ibc.continental and not ibc.soft_seats
    cont = fire_profile(ProfileName.IBC_CONTINENTAL)
    assert cont.continental and profile_name(cont) == "ibc-continental"
    assert fire_profile("gb", grade=3).grade is FireGrade.THREE
    with pytest.raises(GeometryError, match="unknown fire-code profile"):
        fire_profile("nfpa")
    with pytest.raises(GeometryError, match="unknown fire-profile fact"):
        fire_profile("gb50016", colour="red")


def test_segment_limit_is_the_largest_row_check_theatre_accepts() -> None:
    from seatplan.layout.firecode import fire_profile, segment_limit

    for name in ("gb50016", "ibc", "ibc-continental"):
        profile = fire_profile(name)
        for pitch in (0.9, 0.95, 1.0, 1.1):
            for aisles in (1, 2):
                n = segment_limit(aisles=aisles, row_pitch=pitch, clear_width=pitch - 0.5, profile=profile,
                                  seat_width=0.55)
                ok = RowSpec(1, 1, n, aisles, pitch, seat_width=0.55, clear_width=pitch - 0.5)
                bad = RowSpec(1, 1, n + 1, aisles, pitch, seat_width=0.55, clear_width=pitch - 0.5)
                assert check_theatre([ok], profile=profile) == []
                assert check_theatre([bad], profile=profile) != []
    gb = fire_profile("gb50016")
    assert segment_limit(aisles=2, row_pitch=0.9, clear_width=0.4, profile=gb, seat_width=0.55) == 22  # R-PHY-5 short
    assert segment_limit(aisles=2, row_pitch=0.95, clear_width=0.45, profile=gb, seat_width=0.55) == 24  # T28
    assert segment_limit(aisles=2, row_pitch=1.1, clear_width=0.6, profile=gb, seat_width=0.55) == 44  # R-PHY-1 cap
    assert segment_limit(aisles=2, row_pitch=0.85, clear_width=0.35, profile=gb, seat_width=0.55) == 0  # soft < 0.90
    assert segment_limit(aisles=2, row_pitch=0.9, clear_width=0.4, profile=gb, seat_width=0.50) == 0  # soft seat width


def test_exit_width_gives_a_seat_limit() -> None:
    from seatplan.layout.firecode import fire_profile, max_seats_for_exits

    gb = fire_profile("gb50016")
    assert max_seats_for_exits(6.5, profile=gb) == 1000  # 0.65 m per 100, flat floor (R-PHY-4)
    assert max_seats_for_exits(7.5, profile=fire_profile("gb50016", stepped=True)) == 1000
    assert max_seats_for_exits(30.0, profile=gb) is None  # beyond the 2500-seat table
    assert max_seats_for_exits(6.5, profile=fire_profile("ibc")) is None


def test_row_spec_parts_are_checked_separately() -> None:
    a = RowSpec(1, 2, 12, 1, 0.9, part=1)
    b = RowSpec(1, 2, 10, 2, 0.9, part=2)
    assert a.where == "row 1, block 2, part 1"
    found = check_theatre([a, b])
    assert [v.where for v in found] == ["row 1, block 2, part 1"]  # 12 > 11 with an aisle on one side
    with pytest.raises(GeometryError, match="two row specs"):
        check_theatre([a, RowSpec(1, 2, 3, 2, 0.9, part=1)])
