"""Meeting tables: boardroom, oval, U-shape, hollow square — geometry, walkway, sizes."""

from __future__ import annotations

import math

import pytest
import shapely

from seatplan.errors import GeometryError
from seatplan.layout.check import check_layout
from seatplan.layout.room import LayoutKind, door_zones
from seatplan.layout.tables import OpenEnd, Orientation, TableOptions, generate_table_layout
from seatplan.model import Door, Venue
from tests.test_layout_geometry import chair, placement_problems

KINDS = ["boardroom", "oval", "u-shape", "hollow-square"]


@pytest.fixture(scope="module")
def room() -> Venue:
    return Venue.rectangle(12, 9, doors=(Door(2, 0, width=1.2, main=True),),
                           obstacles=(((10.5, 7.0), (11.0, 7.0), (11.0, 7.5), (10.5, 7.5)),), name="会议室")


@pytest.fixture(scope="module")
def l_room() -> Venue:
    return Venue(outline=((0, 0), (16, 0), (16, 9), (10, 9), (10, 13), (0, 13)),
                 doors=(Door(3, 0, width=1.5, main=True), Door(16, 4.5, width=1.2)),
                 obstacles=(((12.6, 6.0), (13.2, 6.0), (13.2, 6.6), (12.6, 6.6)),))


def _walls(venue: Venue) -> shapely.Geometry:
    room = shapely.Polygon(venue.outline)
    return shapely.union_all([room.exterior, *(shapely.Polygon(o).exterior for o in venue.obstacles)])


def _sound(gen, venue: Venue) -> None:  # type: ignore[no-untyped-def]
    assert gen.seat_count > 0
    assert placement_problems(gen) == []
    walls = _walls(venue)
    sp = gen.spacing
    chairs = [chair(s, sp.chair_width, sp.chair_depth, shrink=0) for s in gen.seats]
    assert min(c.distance(walls) for c in chairs) >= sp.wall_walkway - 1e-6  # R-PHY-11 walkway
    assert min(t.distance(walls) for t in gen.tables) >= sp.wall_walkway - 1e-6
    zones = door_zones(venue, depth=1.4)
    assert not any(z.intersection(c).area > 1e-6 for z in zones for c in [*chairs, *gen.tables])
    # every chair stands flush at a table edge, facing it (R-PHY-11: 0 cm)
    tables = shapely.union_all(gen.tables)
    for s in gen.seats:
        a = math.radians(s.facing)
        front = shapely.Point(s.x + math.cos(a) * (sp.chair_depth / 2 + 0.01), s.y + math.sin(a) * (sp.chair_depth / 2 + 0.01))
        assert tables.contains(front), s.id
    check = check_layout(gen)
    assert check.ok, check.messages()


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_is_sound(room: Venue, kind: str) -> None:
    gen = generate_table_layout(room, kind)
    assert gen.kind is LayoutKind.coerce(kind)
    _sound(gen, room)
    assert {s.table for s in gen.seats} == {"1"}
    assert sorted(s.number for s in gen.seats) == list(range(1, gen.seat_count + 1))


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_in_an_l_shaped_room_with_a_pillar(l_room: Venue, kind: str) -> None:
    _sound(generate_table_layout(l_room, kind), l_room)


def test_boardroom_length_per_person_and_end_seats(room: Venue) -> None:
    gen = generate_table_layout(room, "boardroom", options=TableOptions(end_seats=True))
    params = dict(gen.params)
    n = params["seats_per_side"]
    length, depth = params["table"]  # type: ignore[misc]
    assert length == pytest.approx(n * 0.6) and depth == pytest.approx(1.2)  # R-PHY-8: 0.6 m per person
    assert gen.seat_count == 2 * n + 2  # type: ignore[operator]
    without = generate_table_layout(room, "boardroom", options=TableOptions(end_seats=False))
    assert without.seat_count % 2 == 0 and dict(without.params)["end_seats"] is False


def test_seats_target_takes_the_smallest_group(room: Venue) -> None:
    for kind, target in (("boardroom", 10), ("oval", 14), ("u-shape", 12), ("hollow-square", 16)):
        gen = generate_table_layout(room, kind, options=TableOptions(seats=target))
        assert target <= gen.seat_count <= target + 2, kind
        _sound(gen, room)
    too_many = generate_table_layout(room, "boardroom", options=TableOptions(seats=200))
    assert too_many.seat_count == 0 and too_many.notes


def test_u_shape_opens_towards_the_door_or_the_front(room: Venue) -> None:
    back = generate_table_layout(room, "u-shape", options=TableOptions(open_to=OpenEnd.BACK))
    front = generate_table_layout(room, "u-shape", options=TableOptions(open_to="front"))
    for gen, base_at_top in ((back, True), (front, False)):
        base = max(gen.tables, key=lambda t: t.bounds[2] - t.bounds[0])
        legs = [t for t in gen.tables if t is not base]
        assert len(legs) == 2
        leg_mid = sum(t.centroid.y for t in legs) / 2
        assert (base.centroid.y > leg_mid) is base_at_top
        inner = max(legs, key=lambda t: t.bounds[0]).bounds[0] - min(legs, key=lambda t: t.bounds[0]).bounds[2]
        assert inner >= gen.spacing.hollow_min - 1e-9


def test_hollow_square_keeps_a_hollow_and_free_corners(room: Venue) -> None:
    gen = generate_table_layout(room, "hollow-square")
    x0, y0, x1, y1 = shapely.union_all(gen.tables).bounds
    inner = shapely.box(x0, y0, x1, y1).difference(shapely.union_all(gen.tables))
    hx0, hy0, hx1, hy1 = inner.bounds
    assert min(hx1 - hx0, hy1 - hy0) >= gen.spacing.hollow_min - 1e-9
    for cx, cy in ((x0, y0), (x0, y1), (x1, y0), (x1, y1)):
        assert all(math.hypot(s.x - cx, s.y - cy) > 0.3 for s in gen.seats)


def test_orientation_along_the_room(room: Venue) -> None:
    across = generate_table_layout(room, "boardroom", options=TableOptions(orientation=Orientation.ACROSS))
    along = generate_table_layout(room, "boardroom", options=TableOptions(orientation="along"))
    t_across, t_along = across.tables[0].bounds, along.tables[0].bounds
    assert t_across[2] - t_across[0] > t_across[3] - t_across[1]
    assert t_along[3] - t_along[1] > t_along[2] - t_along[0]
    assert across.seat_count >= along.seat_count  # the room is wider than deep


def test_oval_end_chairs_turn_to_the_table(room: Venue) -> None:
    gen = generate_table_layout(room, "oval")
    _sound(gen, room)
    turned = [s for s in gen.seats if s.facing % 90 != 0]
    assert turned  # chairs round the rounded ends face the table's curve


def test_a_room_without_space(room: Venue) -> None:
    tiny = Venue.rectangle(3.0, 3.0, doors=(Door(1.5, 0, width=0.9, main=True),))
    gen = generate_table_layout(tiny, "hollow-square")
    assert gen.seat_count == 0 and "walkway" in gen.notes[0]


def test_bad_table_options(room: Venue) -> None:
    with pytest.raises(GeometryError, match="not a table layout"):
        generate_table_layout(room, "theatre")
    with pytest.raises(GeometryError, match="unknown layout"):
        generate_table_layout(room, "banana")
    with pytest.raises(GeometryError, match="seats"):
        TableOptions(seats=0)
    with pytest.raises(GeometryError, match="table_depth"):
        TableOptions(table_depth=-1.0)
