"""Room geometry, venue validation, seat placement checks and spacing defaults."""

from __future__ import annotations

import dataclasses

import pytest
import shapely

from seatplan.errors import GeometryError
from seatplan.layout.room import (
    PlacementIssue,
    PlacementKind,
    check_seats,
    door_wall,
    obstacle_polygons,
    room_polygon,
    seat_footprints,
    stage_polygon,
    usable_area,
    validate_venue,
    wall_segments,
)
from seatplan.layout.spacing import CHAIR_BACK_TO_TABLE_STRICT, HARD_SEAT_WIDTH, Spacing
from seatplan.model import FACING_BACK, Door, Seat, Venue


def square(x: float, y: float, size: float = 0.6) -> tuple[tuple[float, float], ...]:
    return ((x, y), (x + size, y), (x + size, y + size), (x, y + size))


L_OUTLINE = ((0.0, 0.0), (20.0, 0.0), (20.0, 10.0), (10.0, 10.0), (10.0, 20.0), (0.0, 20.0))


@pytest.fixture
def hall() -> Venue:
    return Venue.rectangle(
        20,
        30,
        doors=(Door(10, 0, width=1.8, main=True, name="正门"), Door(20, 25, width=1.5, name="侧门")),
        stage_depth=5,
        obstacles=(square(5, 5),),
        name="礼堂",
    )


@pytest.fixture
def l_room() -> Venue:
    """L-shaped room: 20 m wide at the back, 10 m wide at the front; pillar at (4, 4)."""
    return Venue(
        outline=L_OUTLINE,
        doors=(Door(5, 0, width=1.8, main=True),),
        stage_depth=3,
        obstacles=(square(4, 4),),
    )


# ------------------------------------------------------------------------------ room polygon


def test_room_polygon_is_ccw_and_valid(hall: Venue) -> None:
    poly = room_polygon(hall)
    assert poly.is_valid and poly.exterior.is_ccw
    assert poly.area == pytest.approx(600)


def test_clockwise_outline_is_accepted() -> None:
    v = Venue(outline=((0, 0), (0, 10), (10, 10), (10, 0)))
    poly = room_polygon(v)
    assert poly.exterior.is_ccw and poly.area == pytest.approx(100)


def test_wall_segments_merge_collinear_points() -> None:
    v = Venue(outline=((0, 0), (5, 0), (10, 0), (10, 10), (0, 10)))
    walls = wall_segments(room_polygon(v))
    assert len(walls) == 4
    assert sorted(round(w.length, 9) for w in walls) == [10, 10, 10, 10]


def test_stage_polygon(hall: Venue, l_room: Venue) -> None:
    stage = stage_polygon(hall)
    assert stage is not None and stage.bounds == (0, 25, 20, 30)
    l_stage = stage_polygon(l_room)
    assert l_stage is not None and l_stage.bounds == (0, 17, 10, 20)
    assert stage_polygon(Venue.rectangle(10, 10)) is None


# ------------------------------------------------------------------------------ validate_venue


def test_valid_venues_pass(hall: Venue, l_room: Venue) -> None:
    validate_venue(hall)
    validate_venue(l_room)


def test_bow_tie_outline_is_rejected() -> None:
    v = Venue(outline=((0, 0), (10, 10), (10, 0), (0, 10)))
    with pytest.raises(GeometryError, match="not a simple polygon: Self-intersection") as info:
        validate_venue(v, source="plan.toml")
    assert info.value.location.field == "venue.outline"
    assert str(info.value.location.file) == "plan.toml"
    assert "Fix:" in str(info.value)


def test_zero_area_outline_is_rejected() -> None:
    with pytest.raises(GeometryError, match="no area"):
        validate_venue(Venue(outline=((0, 0), (5, 0), (10, 0))))


def test_non_finite_outline_is_rejected() -> None:
    with pytest.raises(GeometryError, match="finite"):
        room_polygon(Venue(outline=((0, 0), (float("nan"), 0), (10, 10))))


def test_obstacle_outside_is_rejected() -> None:
    v = Venue.rectangle(10, 10, obstacles=(square(2, 2), square(12, 3)))
    expected = r"obstacle 2 \(0\.60 × 0\.60 m at \(12\.30, 3\.30\)\) lies outside the room"
    with pytest.raises(GeometryError, match=expected):
        validate_venue(v)


def test_obstacle_crossing_wall_is_rejected_but_touching_is_fine() -> None:
    with pytest.raises(GeometryError, match="obstacle 1 .* crosses the room outline"):
        validate_venue(Venue.rectangle(10, 10, obstacles=(square(9.7, 3),)))
    validate_venue(Venue.rectangle(10, 10, obstacles=(square(9.4, 3),)))  # pilaster against the wall


def test_bad_obstacle_polygon_is_rejected() -> None:
    with pytest.raises(GeometryError, match="obstacle 1 has 2 points"):
        obstacle_polygons(Venue.rectangle(10, 10, obstacles=(((1, 1), (2, 2)),)))
    with pytest.raises(GeometryError, match="obstacle 1 is not a simple polygon"):
        obstacle_polygons(Venue.rectangle(10, 10, obstacles=(((1, 1), (2, 2), (2, 1), (1, 2)),)))


def test_door_in_mid_air_is_rejected() -> None:
    v = Venue.rectangle(10, 12, doors=(Door(5, 0, main=True), Door(5, 4.5, width=1.0, name="侧门")))
    expected = r"door 2 \(侧门\) at \(5\.00, 4\.50\) is not on a wall: .* 4\.50 m"
    with pytest.raises(GeometryError, match=expected) as info:
        validate_venue(v)
    assert info.value.location.field == "venue.doors"


def test_door_near_wall_within_tolerance_is_fine() -> None:
    validate_venue(Venue.rectangle(10, 10, doors=(Door(5, 0.04),)))


def test_door_wider_than_its_wall_is_rejected() -> None:
    # a 1.5 m alcove wall between (10, 10) and (10, 11.5) in an L-ish room
    outline = ((0, 0), (12, 0), (12, 10), (10, 10), (10, 11.5), (0, 11.5))
    v = Venue(outline=outline, doors=(Door(10, 10.75, width=1.8),))
    with pytest.raises(GeometryError, match=r"door 1 is 1\.80 m wide but its wall is only 1\.50 m long"):
        validate_venue(v)


def test_door_running_past_a_corner_is_rejected() -> None:
    v = Venue.rectangle(10, 10, doors=(Door(0.3, 0, width=1.8),))
    with pytest.raises(GeometryError, match=r"door 1 runs 0\.60 m past the corner"):
        validate_venue(v)


def test_no_main_door_is_fine_two_main_doors_are_not() -> None:
    v = Venue.rectangle(10, 10, doors=(Door(5, 0), Door(5, 10)))
    validate_venue(v)
    assert v.main_door == Door(5, 0)
    two = Venue.rectangle(10, 10, doors=(Door(5, 0, main=True), Door(5, 10, main=True, name="后门")))
    with pytest.raises(GeometryError, match=r"2 doors are marked main \(door 1, door 2 \(后门\)\)"):
        validate_venue(two)


def test_door_wall_helper(hall: Venue) -> None:
    wall, distance = door_wall(hall.doors[1], room_polygon(hall))
    assert distance == pytest.approx(0)
    assert wall.bounds == (20, 0, 20, 30)


def test_stage_too_deep_is_rejected() -> None:
    with pytest.raises(GeometryError, match=r"the stage is 12\.00 m deep but the room is only 10\.00 m deep") as info:
        validate_venue(Venue.rectangle(20, 10, stage_depth=12))
    assert info.value.location.field == "venue.stage_depth"
    with pytest.raises(GeometryError, match="stage"):
        validate_venue(Venue.rectangle(20, 10, stage_depth=10))


# ------------------------------------------------------------------------------ usable area


def test_usable_area_rectangle(hall: Venue) -> None:
    area = usable_area(hall, wall_clearance=0.9, obstacle_clearance=0.5)
    # 18.2 wide, from y=0.9 to the stage at y=25; pillar 0.6 grown to 1.6 square
    assert area.bounds == pytest.approx((0.9, 0.9, 19.1, 25.0))
    assert area.area == pytest.approx(18.2 * 24.1 - 1.6 * 1.6)
    assert not area.contains(shapely.Point(5.3, 5.3))


def test_usable_area_default_obstacle_clearance_and_stage_gap(l_room: Venue) -> None:
    area = usable_area(l_room, wall_clearance=1.0, stage_clearance=2.0)
    assert area.bounds[3] == pytest.approx(15.0)  # stage front at 17, minus 2 m gap
    assert not area.contains(shapely.Point(4.3 + 1.2, 4.3))  # inside pillar + 1 m
    assert area.contains(shapely.Point(4.3 + 1.5, 4.3))
    assert not area.contains(shapely.Point(10.5, 10.5))  # the notch
    assert area.contains(shapely.Point(15, 5))


def test_usable_area_rejects_negative_clearance(hall: Venue) -> None:
    with pytest.raises(GeometryError, match="wall_clearance"):
        usable_area(hall, wall_clearance=-1)


# ------------------------------------------------------------------------------ check_seats


def grid(rows: int, cols: int, *, x0: float, y0: float, dx: float = 0.55, dy: float = 0.9) -> list[Seat]:
    return [
        Seat(f"r{r + 1:03d}s{c + 1:03d}", "floor", r + 1, c + 1, x0 + c * dx, y0 + r * dy)
        for r in range(rows)
        for c in range(cols)
    ]


def test_footprints_turn_with_facing() -> None:
    seats = [Seat("a", "floor", 1, 1, 0, 0, facing=90), Seat("b", "floor", 1, 2, 5, 0, facing=0)]
    a, b = seat_footprints(seats, seat_size=(0.6, 0.4))
    assert a.bounds == pytest.approx((-0.3, -0.2, 0.3, 0.2))
    assert b.bounds == pytest.approx((4.8, -0.3, 5.2, 0.3))


def test_check_seats_regular_room(hall: Venue) -> None:
    seats = grid(4, 10, x0=8, y0=10)
    assert check_seats(seats, hall) == []
    extra = [
        Seat("dup", "floor", 9, 1, 8.0, 10.1),  # overlaps r001s001
        Seat("stage", "floor", 9, 2, 12, 27),  # floor seat on the stage
        Seat("dais", "dais", 1, 1, 10, 27, facing=FACING_BACK),  # dais seat on the stage: fine
        Seat("wall", "floor", 9, 3, 19.9, 12),  # sticks out of the right wall
        Seat("out", "floor", 9, 4, 25, 12),  # outside the room
        Seat("pillar", "floor", 9, 5, 5.3, 5.3),
        Seat("table", "floor", 9, 6, 2, 20),
    ]
    tables = [shapely.box(1.5, 20.2, 3.5, 21.0)]
    issues = check_seats(seats + extra, hall, tables=tables, table_labels=["A"])
    assert [(i.kind, i.seat_ids) for i in issues] == [
        (PlacementKind.SEAT, ("r001s001", "dup")),
        (PlacementKind.TABLE, ("table",)),
        (PlacementKind.OBSTACLE, ("pillar",)),
        (PlacementKind.STAGE, ("stage",)),
        (PlacementKind.WALL, ("wall",)),
        (PlacementKind.WALL, ("out",)),
    ]
    assert issues[0].message == "chairs r001s001 and dup overlap"
    assert issues[1].message == "chair table overlaps table A"
    assert "sticks out through a wall" in issues[4].message
    assert "lies outside the room" in issues[5].message
    assert isinstance(issues[0], PlacementIssue)


def test_check_seats_touching_is_not_overlapping(hall: Venue) -> None:
    # chairs 0.5 m wide at exactly 0.5 m pitch, and a chair flush with a table edge (R-PHY-11)
    seats = grid(1, 5, x0=8, y0=10, dx=0.5) + [Seat("t", "floor", 2, 1, 2, 19.95)]
    tables = [shapely.box(1.5, 20.2, 3.5, 21.0)]
    assert check_seats(seats, hall, tables=tables) == []
    assert len(check_seats(seats, hall, tables=tables, tolerance=0.0)) == 5  # 4 touching pairs + table


def test_check_seats_l_shaped_room_with_pillar(l_room: Venue) -> None:
    seats = grid(3, 20, x0=1.5, y0=1.0) + [
        Seat("p1", "floor", 5, 1, 4.3, 4.6),  # pillar
        Seat("p2", "floor", 5, 2, 4.7, 4.6),  # pillar, and overlapping p1
        Seat("notch", "floor", 5, 3, 10.1, 12.0),  # sticks into the notch (x > 10, y > 10)
        Seat("gone", "floor", 5, 4, 15.0, 15.0),  # wholly in the notch: outside the room
        Seat("stage", "floor", 5, 5, 5.0, 18.0),
        Seat("dais", "dais", 1, 1, 5.0, 18.5, facing=FACING_BACK),
        Seat("ok", "floor", 5, 6, 15.0, 9.0),
    ]
    issues = check_seats(seats, l_room)
    got = {(i.kind, i.seat_ids) for i in issues}
    assert got == {
        (PlacementKind.SEAT, ("p1", "p2")),
        (PlacementKind.OBSTACLE, ("p1",)),
        (PlacementKind.OBSTACLE, ("p2",)),
        (PlacementKind.STAGE, ("stage",)),
        (PlacementKind.WALL, ("notch",)),
        (PlacementKind.WALL, ("gone",)),
    }
    assert "obstacle 1" in next(i.message for i in issues if i.kind is PlacementKind.OBSTACLE)


def test_check_seats_round_table_chairs_turned() -> None:
    import math

    room = Venue.rectangle(10, 10)
    table = shapely.Point(5, 5).buffer(0.9)
    seats = []
    for k in range(10):
        a = 2 * math.pi * k / 10
        r = 0.9 + 0.25  # flush: chair depth 0.5, centre 0.25 m from the edge
        facing = math.degrees(a + math.pi)
        seats.append(Seat(f"T1-{k + 1}", "banquet", 1, k + 1, 5 + r * math.cos(a), 5 + r * math.sin(a), facing))
    assert check_seats(seats, room, seat_size=(0.45, 0.5), tables=[table], tolerance=0.02) == []
    closer = [dataclasses.replace(s, x=5 + (s.x - 5) * 0.8, y=5 + (s.y - 5) * 0.8) for s in seats]
    issues = check_seats(closer, room, seat_size=(0.45, 0.5), tables=[table])
    assert {i.kind for i in issues} == {PlacementKind.TABLE, PlacementKind.SEAT}


def test_check_seats_ten_thousand(hall: Venue) -> None:
    big = Venue.rectangle(60, 100, stage_depth=5, obstacles=(square(30, 40, 0.4),))
    seats = grid(100, 100, x0=2, y0=2)  # x up to 56.45, y up to 91.1
    issues = check_seats(seats, big)
    # the pillar (30..30.4, 40..40.4) hits chairs in row 43 (y=39.8, spans 39.55..40.05)
    # and the chairs centred at x = 30.05 and 30.60 (spans 29.80..30.30 and 30.35..30.85)
    assert {i.seat_ids for i in issues} == {("r043s052",), ("r043s053",)}
    assert all(i.kind is PlacementKind.OBSTACLE for i in issues)
    doubled = seats + [dataclasses.replace(seats[1234], id="copy")]
    issues = check_seats(doubled, big)
    assert (PlacementKind.SEAT, ("r013s035", "copy")) in {(i.kind, i.seat_ids) for i in issues}


def test_check_seats_empty_and_bad_arguments(hall: Venue) -> None:
    assert check_seats([], hall) == []
    seats = grid(1, 2, x0=8, y0=10)
    with pytest.raises(GeometryError, match="too small"):
        check_seats(seats, hall, seat_size=(0.005, 0.5))
    with pytest.raises(GeometryError, match="table labels"):
        check_seats(seats, hall, tables=[shapely.box(0, 0, 1, 1)], table_labels=["A", "B"])


# ------------------------------------------------------------------------------ spacing


def test_spacing_defaults_follow_the_rule_book() -> None:
    s = Spacing()
    assert s.seat_width == 0.55 and HARD_SEAT_WIDTH == 0.50  # R-PHY-5
    assert s.row_pitch == 0.90  # R-PHY-5 / R-PHY-1
    assert s.meeting_table_per_person == 0.60  # R-PHY-8
    assert s.dais_per_person == 1.0  # R-PHY-15
    assert s.chair_back_to_table == 0.60 and CHAIR_BACK_TO_TABLE_STRICT == 0.65  # R-PHY-9
    assert s.seat_to_table_gap == 0.0  # R-PHY-11, T30: flush
    assert s.occupied_zone == 0.5  # R-PHY-11
    assert s.round_table_gap == 1.0  # R-PHY-10
    assert s.wall_walkway == 0.9
    assert s.classroom_table_depth == 0.45 and s.front_table_to_screen == 1.8  # R-PHY-9


def test_t30_chair_set_position_is_flush() -> None:
    assert Spacing().seat_to_table_gap == 0.0


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"row_pitch": -0.9}, "negative"),
        ({"seat_width": 55.0}, "plausible range"),
        ({"wall_walkway": float("nan")}, "finite"),
        ({"chair_width": 0.6}, "chair_width = 0.6 m is larger than spacing.seat_width"),
        ({"row_pitch": 0.5, "chair_depth": 0.6}, "chair_depth"),
        ({"meeting_table_per_person": 0.45}, "meeting_table_per_person"),
    ],
)
def test_spacing_rejects_bad_values(change: dict[str, float], message: str) -> None:
    with pytest.raises(GeometryError, match=message):
        Spacing(**change)


def test_spacing_replace_revalidates() -> None:
    s = Spacing()
    assert dataclasses.replace(s, chair_back_to_table=0.65).chair_back_to_table == 0.65
    with pytest.raises(GeometryError):
        dataclasses.replace(s, occupied_zone=-0.1)


# ------------------------------------------------------------------------------ door zones, layout kinds


def test_door_zones_reach_into_the_room(hall: Venue) -> None:
    from seatplan.layout.room import door_zones, inside_door_point

    zones = door_zones(hall, depth=1.4)
    assert len(zones) == 2
    front = zones[0].bounds  # 正门 on the bottom wall at x = 10, 1.8 m wide
    assert front == pytest.approx((9.1, 0.0, 10.9, 1.4))
    side = zones[1].bounds  # 侧门 on the right wall at y = 25
    assert side == pytest.approx((18.6, 24.25, 20.0, 25.75))
    assert inside_door_point(hall, hall.doors[0], distance=0.3) == pytest.approx((10.0, 0.3))


def test_layout_kind_accepts_values_and_aliases() -> None:
    from seatplan.layout.room import LayoutKind

    assert LayoutKind.coerce("theatre") is LayoutKind.THEATRE
    assert LayoutKind.coerce("U_shape") is LayoutKind.U_SHAPE
    assert LayoutKind.coerce("回字形") is LayoutKind.HOLLOW_SQUARE
    assert LayoutKind.coerce(LayoutKind.OVAL) is LayoutKind.OVAL
    with pytest.raises(GeometryError, match="unknown layout"):
        LayoutKind.coerce("stadium")


def test_spacing_derived_classroom_values() -> None:
    sp = Spacing()
    assert sp.classroom_row_pitch == pytest.approx(1.55)
    assert sp.seats_per_classroom_table == 3
    assert dataclasses.replace(sp, classroom_table_length=2.4).seats_per_classroom_table == 4
