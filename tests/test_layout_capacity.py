"""Capacity: max_seats against an exhaustive search, the exit cap, room_for, best_layout."""

from __future__ import annotations

import itertools

import pytest

from seatplan.errors import GeometryError
from seatplan.layout.capacity import (
    COMFORT_AREA,
    best_layout,
    max_seats,
    personal_area,
    room_for,
)
from seatplan.layout.check import check_layout
from seatplan.layout.classroom import ClassroomOptions, generate_classroom
from seatplan.layout.firecode import max_seats_for_exits
from seatplan.layout.room import LayoutKind
from seatplan.layout.spacing import Spacing
from seatplan.layout.tables import TableOptions, _hollow_square, _Room, _u_shape, generate_table_layout
from seatplan.layout.theatre import TheatreOptions, generate_theatre
from seatplan.model import Door, Venue

SMALL_ROOMS = {
    "rectangle": Venue.rectangle(12, 10, doors=(Door(6, 0, width=1.8, main=True),), stage_depth=2.0),
    "l-shape": Venue(
        outline=((0, 0), (14, 0), (14, 7), (9, 7), (9, 12), (0, 12)),
        doors=(Door(4, 0, width=1.8, main=True),),
        obstacles=(((5.0, 4.0), (5.6, 4.0), (5.6, 4.6), (5.0, 4.6)),),
    ),
}


@pytest.mark.parametrize("name", sorted(SMALL_ROOMS))
def test_theatre_capacity_within_one_seat_of_exhaustive_search(name: str) -> None:
    venue = SMALL_ROOMS[name]
    best = 0
    for pitch, blocks, side, banks in itertools.product((0.90, 0.95, 1.00, 1.10), (1, 2, 3, 4), (True, False), (20, 8)):
        try:
            gen = generate_theatre(venue, options=TheatreOptions(row_pitch=pitch, blocks=blocks, side_aisles=side,
                                                                 rows_per_bank=banks))
        except GeometryError:
            continue
        best = max(best, gen.seat_count)
    answer = max_seats(venue, "theatre", exits=False)
    assert answer.seats >= best - 1
    assert answer.seats == answer.generated.seat_count
    assert check_layout(answer.generated).ok


@pytest.mark.parametrize("name", sorted(SMALL_ROOMS))
def test_classroom_capacity_within_one_seat_of_exhaustive_search(name: str) -> None:
    venue = SMALL_ROOMS[name]
    best = 0
    for length, blocks in itertools.product((1.8, 2.4), (1, 2, 3, 4)):
        gen = generate_classroom(venue, options=ClassroomOptions(table_length=length, blocks=blocks))
        best = max(best, gen.seat_count)
    answer = max_seats(venue, "classroom", exits=False)
    assert answer.seats >= best - 1
    assert check_layout(answer.generated).ok


def test_table_capacity_within_one_seat_of_exhaustive_search() -> None:
    venue = SMALL_ROOMS["l-shape"]
    sp = Spacing()
    room = _Room(venue, sp, "")
    for kind, make, lo in (
        ("hollow-square", lambda a, b: _hollow_square(a, b, sp.meeting_table_depth, sp), 4),
        ("u-shape", lambda a, b: _u_shape(a, b, sp.meeting_table_depth, sp), 2),
    ):
        best = 0
        for a in range(lo, 24):
            for b in range(1, 24):  # a larger group never fits where a smaller one does not: stop there
                group = make(a, b)
                if group is None:
                    continue
                if room.place(group, sp.wall_walkway) is None:
                    break
                best = max(best, group.seats)
        answer = max_seats(venue, kind)
        assert answer.seats >= best - 1, kind
        assert best > 0


def test_boardroom_capacity_grows_one_seat_at_a_time() -> None:
    venue = SMALL_ROOMS["rectangle"]
    full = max_seats(venue, "boardroom").seats
    assert full > 0
    assert generate_table_layout(venue, "boardroom", options=TableOptions(seats=full + 1)).seat_count == 0


def test_exit_width_caps_theatre_seating() -> None:
    venue = Venue.rectangle(24, 20, doors=(Door(12, 0, width=1.5, main=True), Door(0, 10, width=1.5)), stage_depth=4)
    answer = max_seats(venue, "theatre")
    limit = max_seats_for_exits(3.0, profile=answer.generated.profile)
    assert answer.limited_by == "exits" and answer.exit_limit == limit
    assert answer.seats == limit < answer.floor_seats
    assert any("R-PHY-4" in n for n in answer.notes)
    assert check_layout(answer.generated).ok
    uncapped = max_seats(venue, "theatre", exits=False)
    assert uncapped.seats == uncapped.floor_seats > limit


def test_fixed_options_are_kept() -> None:
    venue = SMALL_ROOMS["rectangle"]
    answer = max_seats(venue, "theatre", options=TheatreOptions(row_pitch=1.0, side_aisles=True), exits=False)
    assert dict(answer.generated.params)["row_pitch"] == 1.0
    assert dict(answer.generated.params)["side_aisles"] is True


def test_no_doors_no_exit_limit_and_a_note() -> None:
    venue = Venue.rectangle(10, 10)
    answer = max_seats(venue, "theatre")
    assert answer.exit_limit is None and any("no doors" in n for n in answer.notes)


def test_a_dais_that_cannot_fit_answers_zero() -> None:
    venue = Venue.rectangle(10, 10, doors=(Door(5, 0, width=1.5, main=True),), stage_depth=1.0)
    answer = max_seats(venue, "dais", options=None)
    assert answer.seats == 0 and answer.notes


def test_room_for_a_rectangle() -> None:
    result = room_for(80, "theatre", aspect=1.5)
    assert result.answer is not None and result.answer.seats >= 80
    width, depth = result.size  # type: ignore[misc]
    assert width == pytest.approx(1.5 * depth, rel=1e-3)
    assert result.exit_width == pytest.approx(80 * 0.65 / 100)
    smaller = room_for(30, "theatre", aspect=1.5)
    assert smaller.size[1] < depth  # type: ignore[index]


def test_room_for_picks_the_smallest_room_that_fits() -> None:
    small = Venue.rectangle(10, 8, doors=(Door(5, 0, width=1.5, main=True),), name="小会议室")
    medium = Venue.rectangle(16, 12, doors=(Door(8, 0, width=1.8, main=True),), name="中会议室")
    large = Venue.rectangle(30, 20, doors=(Door(15, 0, width=3.0, main=True),), name="大会议室")
    result = room_for(60, "classroom", rooms=[large, small, medium])
    assert result.venue is medium
    names = [r[0] for r in result.ranking]
    assert names[:2] == ["中会议室", "大会议室"] and result.ranking[-1][3] is False
    none = room_for(5000, "classroom", rooms=[small])
    assert none.venue is None and none.answer is None


def test_room_for_rejects_bad_input() -> None:
    with pytest.raises(GeometryError, match="whole number"):
        room_for(0, "theatre")
    with pytest.raises(GeometryError, match="aspect"):
        room_for(10, "theatre", aspect=50)


def test_best_layout_ranks_with_the_documented_score() -> None:
    venue = Venue.rectangle(12, 9, doors=(Door(6, 0, width=1.5, main=True),), name="会议室")
    ranking = best_layout(venue, 30)
    assert ranking[0].fits
    fitting = [c for c in ranking if c.fits]
    assert [c.score for c in fitting] == sorted((c.score for c in fitting), reverse=True)
    for c in fitting:
        assert c.capacity >= 30
        assert c.score == pytest.approx(0.5 * c.view + 0.5 * c.comfort, abs=1e-3)
        assert c.comfort == pytest.approx(min(1.0, personal_area(c.answer.generated) / COMFORT_AREA), abs=1e-3)
    theatre = next(c for c in ranking if c.kind is LayoutKind.THEATRE)
    assert theatre.comfort == pytest.approx(0.55 * 0.9 / COMFORT_AREA, abs=1e-3)
    crowd = best_layout(venue, 100)
    assert [c.fits for c in crowd] == sorted((c.fits for c in crowd), reverse=True)
    assert not crowd[-1].fits and crowd[-1].score == 0.0
    with pytest.raises(GeometryError):
        best_layout(venue, 0)
