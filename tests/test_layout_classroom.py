"""Classroom layout (课桌式): tables with chairs facing the front, R-PHY-8/9/11 clearances."""

from __future__ import annotations

import dataclasses
from collections import defaultdict

import pytest
import shapely

from seatplan.errors import GeometryError
from seatplan.layout.check import check_layout
from seatplan.layout.classroom import ClassroomOptions, generate_classroom
from seatplan.layout.room import RowAccess
from seatplan.layout.spacing import CHAIR_BACK_TO_TABLE_STRICT, Spacing
from seatplan.model import Door, Venue
from tests.test_layout_geometry import assert_sound


def pillar(x: float, y: float, size: float = 0.6) -> tuple[tuple[float, float], ...]:
    return ((x, y), (x + size, y), (x + size, y + size), (x, y + size))


@pytest.fixture(scope="module")
def room() -> Venue:
    return Venue.rectangle(16, 13, doors=(Door(2.5, 0, width=1.5, main=True), Door(13.5, 0, width=1.5)),
                           obstacles=(pillar(7.7, 6.0),), name="培训室")


def _chair_back_gaps(gen) -> list[float]:  # type: ignore[no-untyped-def]
    """Chair back (y - 0.25) to the front edge of the table behind it, for every chair with one."""
    tables = list(gen.tables)
    gaps = []
    for s in gen.seats:
        back = s.y - gen.spacing.chair_depth / 2
        behind = [t.bounds[3] for t in tables if t.bounds[3] < back and t.bounds[0] < s.x < t.bounds[2]]
        if behind:
            gaps.append(back - max(behind))
    return gaps


def test_classroom_is_sound_and_to_code(room: Venue) -> None:
    gen = generate_classroom(room)
    assert gen.row_access is RowAccess.BACK
    assert_sound(gen)
    check = check_layout(gen)
    assert check.ok, check.messages()
    assert all(s.facing == 90.0 for s in gen.seats)


def test_three_chairs_to_a_table_flush_with_its_edge(room: Venue) -> None:
    gen = generate_classroom(room)
    by_table: dict[int, list] = defaultdict(list)  # type: ignore[type-arg]
    for s in gen.seats:
        for i, t in enumerate(gen.tables):
            x0, y0, x1, y1 = t.bounds
            if x0 < s.x < x1 and abs((s.y + 0.25) - y0) < 1e-6:  # seat front at the table's back edge
                by_table[i].append(s)
    assert by_table and all(len(v) == 3 for v in by_table.values())  # R-PHY-8: a 1.8 m table takes 3
    assert sum(len(v) for v in by_table.values()) == gen.seat_count  # every chair flush (R-PHY-11, 0 cm)
    t = gen.tables[0].bounds
    assert t[2] - t[0] == pytest.approx(1.8) and t[3] - t[1] == pytest.approx(0.45)


def test_chair_back_to_next_table_and_screen_distance(room: Venue) -> None:
    gen = generate_classroom(room)
    gaps = _chair_back_gaps(gen)
    assert gaps and min(gaps) >= 0.60 - 1e-9  # R-PHY-9
    ymax = room.bounds[3]
    first = max(t.bounds[3] for t in gen.tables)
    assert ymax - first >= 1.8 - 1e-9  # R-PHY-9: first table 1.8 m from the screen
    strict = generate_classroom(room, options=ClassroomOptions(chair_back_to_table=CHAIR_BACK_TO_TABLE_STRICT))
    assert min(_chair_back_gaps(strict)) >= 0.65 - 1e-9
    assert strict.row_pitch == pytest.approx(0.45 + 0.5 + 0.65)
    assert_sound(strict)


def test_table_edges_at_least_09_apart(room: Venue) -> None:
    gen = generate_classroom(room, spacing=Spacing(chair_back_to_table=0.3, chair_depth=0.45))
    assert gen.row_pitch == pytest.approx(0.45 + 0.9)  # classroom_table_gap wins (R-PHY-9)


def test_blocks_and_aisles(room: Venue) -> None:
    gen = generate_classroom(room, options=ClassroomOptions(blocks=2))
    assert len(dict(gen.params)["block_seats"]) == 2  # type: ignore[arg-type]
    assert_sound(gen)
    assert check_layout(gen).ok
    explicit = generate_classroom(room, options=ClassroomOptions(block_tables=(3, 3)))
    assert dict(explicit.params)["block_seats"] == [9, 9]
    with pytest.raises(GeometryError, match="block_tables"):
        generate_classroom(room, options=ClassroomOptions(blocks=3, block_tables=(3, 3)))


def test_long_tables_and_irregular_room() -> None:
    venue = Venue(outline=((0, 0), (18, 0), (18, 8), (11, 14), (0, 14)), doors=(Door(3, 0, width=1.5, main=True),),
                  obstacles=(pillar(4, 5), pillar(12, 4)))
    gen = generate_classroom(venue, options=ClassroomOptions(table_length=2.4))
    assert dict(gen.params)["seats_per_table"] == 4
    assert_sound(gen)
    assert check_layout(gen).ok


def test_bad_classroom_options(room: Venue) -> None:
    with pytest.raises(GeometryError, match="do not fit"):
        generate_classroom(room, options=ClassroomOptions(table_length=1.2, seats_per_table=3))
    with pytest.raises(GeometryError, match="whole number"):
        ClassroomOptions(seats_per_table=0)


def test_checker_flags_a_tight_classroom(room: Venue) -> None:
    gen = generate_classroom(room)
    # the same layout judged against the stricter 65 cm standard breaks R-PHY-9 (advisory)
    strict = dataclasses.replace(gen, spacing=dataclasses.replace(gen.spacing, chair_back_to_table=0.65))
    rules = {v.rule for v in check_layout(strict).violations}
    assert "R-PHY-9" in rules
    far = dataclasses.replace(gen, spacing=dataclasses.replace(gen.spacing, front_table_to_screen=2.5))
    assert any(v.where == "row 1" and v.rule == "R-PHY-9" for v in check_layout(far).violations)


def test_first_row_keeps_the_screen_distance_with_a_stage() -> None:
    venue = Venue.rectangle(12, 12, doors=(Door(6, 0, width=1.5, main=True),), stage_depth=2.0)
    gen = generate_classroom(venue)
    stage_edge = 10.0
    assert stage_edge - max(t.bounds[3] for t in gen.tables) >= 1.8 - 1e-9
    assert not any(shapely.box(0, 10, 12, 12).intersects(t) for t in gen.tables)
