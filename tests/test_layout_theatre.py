"""Theatre rows (剧院式): geometry with shapely, and the fire code by construction."""

from __future__ import annotations

import math

import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seatplan.errors import GeometryError
from seatplan.layout.check import check_layout, row_segments
from seatplan.layout.firecode import (
    AisleKind,
    fire_profile,
    max_rows_between_cross_aisles,
    min_aisle_width,
    segment_limit,
)
from seatplan.layout.room import door_zones
from seatplan.layout.spacing import Spacing
from seatplan.layout.theatre import TheatreOptions, generate_theatre
from seatplan.model import Door, Numbering, Venue
from tests.test_layout_geometry import assert_sound


def pillar(x: float, y: float, size: float = 0.6) -> tuple[tuple[float, float], ...]:
    return ((x, y), (x + size, y), (x + size, y + size), (x, y + size))


@pytest.fixture(scope="module")
def hall() -> Venue:
    return Venue.rectangle(
        24, 20,
        doors=(Door(12, 0, width=2.4, main=True, name="正门"), Door(0, 8, width=1.5, name="西门"),
               Door(24, 8, width=1.5, name="东门")),
        stage_depth=4, obstacles=(pillar(6, 9), pillar(17.4, 9)), name="礼堂",
    )


@pytest.fixture(scope="module")
def hexagon() -> Venue:
    """An irregular six-sided hall with pillars."""
    return Venue(
        outline=((0, 0), (22, 0), (25, 9), (21, 19), (1, 19), (-3, 9)),
        doors=(Door(11, 0, width=2.0, main=True), Door(23.5, 4.5, width=1.5, name="东门")),
        stage_depth=3.5, obstacles=(pillar(5.7, 6.7), pillar(15.7, 6.7), pillar(10.7, 11.7)), name="六边形厅",
    )


@pytest.fixture(scope="module")
def l_room() -> Venue:
    return Venue(
        outline=((0, 0), (20, 0), (20, 11), (12, 11), (12, 22), (0, 22)),
        doors=(Door(6, 0, width=1.8, main=True),), stage_depth=3, obstacles=(pillar(4, 5),), name="L形厅",
    )


def _clean(gen) -> None:  # type: ignore[no-untyped-def]
    assert_sound(gen)
    check = check_layout(gen)
    assert check.placement == () and check.unreachable == ()
    assert [v for v in check.violations if v.rule != "R-PHY-4"] == []


def test_regular_hall_is_sound_and_to_code(hall: Venue) -> None:
    gen = generate_theatre(hall)
    _clean(gen)
    check = check_layout(gen)
    assert check.ok, check.messages()
    assert gen.seat_count > 300
    assert all(s.facing == 90.0 and s.section == "floor" for s in gen.seats)
    assert gen.seats[0].id == "floor-r001-s001" and gen.seats[0].number == 1


@pytest.mark.parametrize("fixture", ["hexagon", "l_room"])
@pytest.mark.parametrize("curved", [False, True])
def test_irregular_rooms_with_pillars(fixture: str, curved: bool, request: pytest.FixtureRequest) -> None:
    venue = request.getfixturevalue(fixture)
    gen = generate_theatre(venue, options=TheatreOptions(curved=curved))
    _clean(gen)
    pillars = [shapely.Polygon(o) for o in venue.obstacles]
    room = shapely.Polygon(venue.outline)
    for s in gen.seats:
        assert room.contains(shapely.Point(s.x, s.y))
        assert all(p.distance(shapely.Point(s.x, s.y)) > 0.25 for p in pillars)


def test_curved_rows_face_the_centre_and_keep_the_row_pitch(hall: Venue) -> None:
    gen = generate_theatre(hall, options=TheatreOptions(curved=True, curve_radius=30.0))
    cx, cy = dict(gen.params)["curve_centre"]  # type: ignore[misc]
    row1 = [s for s in gen.seats if s.row == 1]
    row2 = [s for s in gen.seats if s.row == 2]
    r1 = {round(math.hypot(s.x - cx, s.y - cy), 3) for s in row1}
    r2 = {round(math.hypot(s.x - cx, s.y - cy), 3) for s in row2}
    assert len(r1) == 1 and len(r2) == 1 and min(r2) - min(r1) == pytest.approx(0.9, abs=1e-3)
    for s in row1:
        towards = math.degrees(math.atan2(cy - s.y, cx - s.x)) % 360
        assert s.facing == pytest.approx(towards, abs=1e-3)
    assert len({s.facing for s in row1}) > 1


def test_seats_between_aisles_follow_the_row_pitch(hall: Venue) -> None:
    profile = fire_profile("gb50016")
    for pitch in (0.90, 0.95, 1.10):
        gen = generate_theatre(hall, options=TheatreOptions(row_pitch=pitch))
        limit2 = segment_limit(aisles=2, row_pitch=pitch, clear_width=pitch - 0.5, profile=profile, seat_width=0.55)
        limit1 = segment_limit(aisles=1, row_pitch=pitch, clear_width=pitch - 0.5, profile=profile, seat_width=0.55)
        for seg in row_segments(gen):
            n = len(seg.seat_ids)
            assert seg.open_ends >= 1
            assert n <= (limit2 if seg.open_ends == 2 else limit1)
        assert check_layout(gen).violations == () or all(v.rule == "R-PHY-4" for v in check_layout(gen).violations)


def test_long_blocks_need_a_wider_pitch() -> None:
    venue = Venue.rectangle(30, 12, doors=(Door(15, 0, width=6.0, main=True),))
    narrow = generate_theatre(venue, options=TheatreOptions(row_pitch=0.9))
    wide = generate_theatre(venue, options=TheatreOptions(row_pitch=1.1))
    assert max(dict(narrow.params)["block_seats"]) <= 22  # type: ignore[type-var]
    assert max(dict(wide.params)["block_seats"]) > 22  # type: ignore[type-var]
    assert len(dict(wide.params)["block_seats"]) < len(dict(narrow.params)["block_seats"])  # type: ignore[arg-type]
    _clean(narrow)
    _clean(wide)


def test_cross_aisles_every_twenty_rows_at_most() -> None:
    venue = Venue.rectangle(12, 40, doors=(Door(6, 0, width=3.0, main=True),), stage_depth=3)
    gen = generate_theatre(venue)
    banks = dict(gen.params)["banks"]
    assert len(banks) >= 2 and max(banks) <= max_rows_between_cross_aisles()  # type: ignore[arg-type]
    cross = [a for a in gen.aisles if a.kind is AisleKind.CROSS]
    assert len(cross) == len(banks)  # one between each pair of banks, one at the back
    _clean(gen)
    fewer = generate_theatre(venue, options=TheatreOptions(rows_per_bank=8))
    assert max(dict(fewer.params)["banks"]) <= 8  # type: ignore[arg-type]


def test_aisle_widths_come_from_the_persons_served(hall: Venue) -> None:
    gen = generate_theatre(hall)
    check = check_layout(gen)
    for a in check.aisles:
        side = a.kind is AisleKind.SIDE
        assert a.width >= min_aisle_width(a.persons_served, side=side) - 1e-9
        assert a.width >= (0.8 if side else 1.0)
    assert sum(a.persons_served for a in check.aisles if a.kind is not AisleKind.CROSS) == gen.seat_count


def test_no_side_aisles_halves_the_outer_blocks() -> None:
    venue = Venue.rectangle(16, 10, doors=(Door(8, 0, width=2.0, main=True),))
    gen = generate_theatre(venue, options=TheatreOptions(side_aisles=False))
    blocks = dict(gen.params)["block_seats"]
    assert blocks[0] <= 11 and blocks[-1] <= 11  # type: ignore[index]
    assert not any(a.kind is AisleKind.SIDE for a in gen.aisles)
    xs = [s.x for s in gen.seats]
    assert min(xs) < 0.5 and max(xs) > 15.5  # rows run to the walls
    _clean(gen)
    with pytest.raises(GeometryError, match="block 1"):
        generate_theatre(venue, options=TheatreOptions(side_aisles=False, block_seats=(14, 14)))


@pytest.mark.parametrize("name", ["ibc", "ibc-continental"])
def test_ibc_profiles(hall: Venue, name: str) -> None:
    profile = fire_profile(name)
    gen = generate_theatre(hall, profile=profile)
    _clean(gen)
    check = check_layout(gen)
    assert check.ok
    limit = 24 if name == "ibc" else 100
    assert all(r.seats <= limit for r in check.rows)


def test_a_pillar_in_an_aisle_keeps_the_aisle_width() -> None:
    venue = Venue.rectangle(20, 14, doors=(Door(10, 0, width=2.0, main=True),))
    base = generate_theatre(venue, options=TheatreOptions(blocks=2))
    strip = next(a for a in base.aisles if a.kind is AisleKind.LONGITUDINAL)
    x0, _, x1, _ = strip.polygon.bounds
    blocked = Venue(outline=venue.outline, doors=venue.doors,
                    obstacles=(pillar((x0 + x1) / 2 - 0.3, 6.0),))
    gen = generate_theatre(blocked, options=TheatreOptions(block_seats=dict(base.params)["block_seats"]))  # type: ignore[arg-type]
    _clean(gen)
    post = shapely.Polygon(blocked.obstacles[0])
    strip = next(a for a in gen.aisles if a.kind is AisleKind.LONGITUDINAL)
    chairs = shapely.box([s.x - 0.25 for s in gen.seats], [s.y - 0.25 for s in gen.seats],
                         [s.x + 0.25 for s in gen.seats], [s.y + 0.25 for s in gen.seats])
    assert min(shapely.distance(chairs, post)) >= strip.width - 1e-6


def test_seats_keep_clear_of_doors(hall: Venue) -> None:
    gen = generate_theatre(hall)
    zones = shapely.union_all(door_zones(hall, depth=1.4))
    chairs = shapely.box([s.x - 0.249 for s in gen.seats], [s.y - 0.249 for s in gen.seats],
                         [s.x + 0.249 for s in gen.seats], [s.y + 0.249 for s in gen.seats])
    assert not shapely.intersects(chairs, zones).any()


def test_numbering_schemes(hall: Venue) -> None:
    gen = generate_theatre(hall, options=TheatreOptions(numbering=Numbering.CENTRE_OUT))
    row = sorted((s for s in gen.seats if s.row == 1), key=lambda s: s.x)
    numbers = [s.number for s in row]
    assert 1 in numbers and numbers.index(1) in (len(row) // 2 - 1, len(row) // 2)
    serp = generate_theatre(hall, options=TheatreOptions(numbering="serpentine"))
    n1 = len([s for s in serp.seats if s.row == 1])
    row2 = sorted((s for s in serp.seats if s.row == 2), key=lambda s: s.x)
    assert row2[-1].number == n1 + 1


def test_seat_cap_drops_back_rows_first(hall: Venue) -> None:
    full = generate_theatre(hall)
    capped = generate_theatre(hall, seat_cap=full.seat_count - 30)
    assert capped.seat_count == full.seat_count - 30
    assert max(s.row for s in capped.seats) <= max(s.row for s in full.seats)
    # fewer people need no wider aisles, so the front rows keep at least their seats
    assert len([s for s in capped.seats if s.row == 1]) >= len([s for s in full.seats if s.row == 1])
    last = max(s.row for s in capped.seats)
    assert len([s for s in capped.seats if s.row == last]) <= len([s for s in capped.seats if s.row == 1])
    _clean(capped)


def test_deterministic(hexagon: Venue) -> None:
    a = generate_theatre(hexagon, options=TheatreOptions(curved=True))
    b = generate_theatre(hexagon, options=TheatreOptions(curved=True))
    assert a.seats == b.seats and a.layout.shapes == b.layout.shapes


def test_bad_options_are_rejected(hall: Venue) -> None:
    with pytest.raises(GeometryError, match="R-PHY-5"):
        generate_theatre(hall, options=TheatreOptions(row_pitch=0.85))
    with pytest.raises(GeometryError, match="JGJ 57 minimum 0.55"):
        generate_theatre(hall, spacing=Spacing(seat_width=0.52, chair_width=0.5))
    with pytest.raises(GeometryError, match="curve_radius"):
        generate_theatre(hall, options=TheatreOptions(curved=True, curve_radius=5.0))
    with pytest.raises(GeometryError, match="block 2"):
        generate_theatre(hall, options=TheatreOptions(block_seats=(10, 30, 10)))
    with pytest.raises(GeometryError, match="blocks = 2"):
        generate_theatre(hall, options=TheatreOptions(blocks=2, block_seats=(10, 10, 10)))
    with pytest.raises(GeometryError, match="whole number"):
        TheatreOptions(blocks=0)
    with pytest.raises(GeometryError, match="positive"):
        TheatreOptions(row_pitch=-1.0)


def test_a_room_too_small_gives_no_seats_not_an_error() -> None:
    tiny = Venue.rectangle(3, 3, doors=(Door(1.5, 0, width=1.0, main=True),), stage_depth=1)
    gen = generate_theatre(tiny)
    assert gen.seat_count == 0 and gen.notes


@settings(max_examples=12, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(
    width=st.floats(8, 26),
    depth=st.floats(9, 26),
    px=st.floats(0.15, 0.85),
    py=st.floats(0.15, 0.7),
    curved=st.booleans(),
    side=st.booleans(),
)
def test_random_rooms_are_sound_and_to_code(width: float, depth: float, px: float, py: float, curved: bool,
                                             side: bool) -> None:
    venue = Venue.rectangle(
        round(width, 2), round(depth, 2), doors=(Door(round(width / 2, 2), 0, width=1.8, main=True),),
        stage_depth=2.0, obstacles=(pillar(round(px * (width - 1), 2), round(py * (depth - 3), 2)),),
    )
    gen = generate_theatre(venue, options=TheatreOptions(curved=curved, side_aisles=side))
    if gen.seat_count == 0:
        return
    _clean(gen)
