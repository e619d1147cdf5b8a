"""The layout checker: every rule it applies has a passing and a failing example."""

from __future__ import annotations

import dataclasses

import pytest
import shapely

from seatplan.layout.check import LayoutCheck, check_layout, row_segments
from seatplan.layout.firecode import AisleKind, fire_profile
from seatplan.layout.spacing import Spacing
from seatplan.layout.tables import generate_table_layout
from seatplan.layout.theatre import TheatreOptions, generate_theatre
from seatplan.model import Door, Layout, Seat, Venue


def pillar(x: float, y: float, size: float = 0.6) -> tuple[tuple[float, float], ...]:
    return ((x, y), (x + size, y), (x + size, y + size), (x, y + size))


@pytest.fixture(scope="module")
def hall() -> Venue:
    return Venue.rectangle(20, 14, doors=(Door(10, 0, width=2.4, main=True), Door(20, 7, width=1.5)), stage_depth=3)


@pytest.fixture(scope="module")
def theatre(hall: Venue):  # type: ignore[no-untyped-def]
    return generate_theatre(hall)


def _rules(check: LayoutCheck) -> set[str]:
    return {v.rule for v in check.violations}


def _with(gen, *, seats=None, venue=None, **changes):  # type: ignore[no-untyped-def]
    layout = Layout(venue=venue or gen.layout.venue, seats=tuple(seats if seats is not None else gen.seats),
                    shapes=gen.layout.shapes)
    return dataclasses.replace(gen, layout=layout, **changes)


def test_generated_layout_passes(theatre) -> None:  # type: ignore[no-untyped-def]
    check = check_layout(theatre)
    assert check.ok and check.messages() == []
    assert check.seats == theatre.seat_count
    assert sum(r.seats for r in check.rows) == theatre.seat_count


def test_r_phy_1_and_5_rows_too_long_for_the_pitch() -> None:
    # laid out to IBC continental seating (long rows), judged by GB 50016 / JGJ 57
    wide = Venue.rectangle(32, 12, doors=(Door(16, 0, width=3.0, main=True),), stage_depth=2)
    short = generate_theatre(wide, profile=fire_profile("ibc-continental"), options=TheatreOptions(row_pitch=0.9))
    assert max(dict(short.params)["block_seats"]) > 22  # type: ignore[type-var]
    assert check_layout(short).ok
    assert _rules(check_layout(short, profile=fire_profile("gb50016"))) == {"R-PHY-5"}  # 0.90 m: JGJ 57 wants more
    long_rows = generate_theatre(wide, profile=fire_profile("ibc-continental"), options=TheatreOptions(row_pitch=1.1))
    assert max(dict(long_rows.params)["block_seats"]) > 44  # type: ignore[type-var]
    check = check_layout(long_rows, profile=fire_profile("gb50016"))
    assert "R-PHY-1" in _rules(check)
    v = next(v for v in check.violations if v.rule == "R-PHY-1")
    assert v.where.startswith("row ") and v.required == 44 and v.actual > 44


def test_r_phy_7_ibc_clear_width(theatre) -> None:  # type: ignore[no-untyped-def]
    assert "R-PHY-7" in _rules(check_layout(theatre, profile=fire_profile("ibc")))
    assert check_layout(generate_theatre(theatre.layout.venue, profile=fire_profile("ibc"))).ok


def test_r_phy_1_seats_walled_in(theatre) -> None:  # type: ignore[no-untyped-def]
    row = sorted((s for s in theatre.seats if s.row == 3), key=lambda s: s.x)
    first = next(seg for seg in row_segments(theatre) if seg.row == 3)
    run = [s for s in row if s.id in first.seat_ids]
    py = run[0].y + theatre.passage
    posts = (
        ((run[0].x - 0.7, py - 0.1), (run[0].x - 0.3, py - 0.1), (run[0].x - 0.3, py + 0.1), (run[0].x - 0.7, py + 0.1)),
        ((run[-1].x + 0.3, py - 0.1), (run[-1].x + 0.7, py - 0.1), (run[-1].x + 0.7, py + 0.1), (run[-1].x + 0.3, py + 0.1)),
    )
    venue = theatre.layout.venue
    walled = Venue(outline=venue.outline, doors=venue.doors, stage_depth=venue.stage_depth, obstacles=posts)
    check = check_layout(_with(theatre, venue=walled))
    assert set(first.seat_ids) <= set(check.unreachable)
    assert any(v.rule == "R-PHY-1" and "cannot reach an aisle" in v.message for v in check.violations)


def test_r_phy_2_rows_between_cross_aisles() -> None:
    deep = Venue.rectangle(12, 40, doors=(Door(6, 0, width=3.0, main=True),), stage_depth=3)
    gen = generate_theatre(deep)
    assert "R-PHY-2" not in _rules(check_layout(gen))
    rear = max(a.after_row or 0 for a in gen.aisles)
    no_cross = tuple(a for a in gen.aisles if a.kind is not AisleKind.CROSS or a.after_row == rear)
    check = check_layout(dataclasses.replace(gen, aisles=no_cross))
    v = next(v for v in check.violations if v.rule == "R-PHY-2")
    assert v.actual > 20 and v.where.startswith("rows 1–")


def test_r_phy_3_aisle_too_narrow_and_chair_in_aisle(theatre) -> None:  # type: ignore[no-untyped-def]
    strip = next(a for a in theatre.aisles if a.kind is AisleKind.LONGITUDINAL)
    narrow = tuple(dataclasses.replace(a, width=0.9) if a is strip else a for a in theatre.aisles)
    check = check_layout(dataclasses.replace(theatre, aisles=narrow))
    assert any(v.rule == "R-PHY-3" and v.where == f"aisle {strip.name}" and v.required >= 1.0 for v in check.violations)
    p = strip.polygon.representative_point()
    intruder = Seat(id="x-1", section="floor", row=2, number=99, x=p.x, y=theatre.seats[20].y)
    check = check_layout(_with(theatre, seats=[*theatre.seats, intruder]))
    assert any(v.rule == "R-PHY-3" and "x-1" in v.message for v in check.violations)


def test_r_phy_3_pillar_narrowing_an_aisle(theatre) -> None:  # type: ignore[no-untyped-def]
    strip = next(a for a in theatre.aisles if a.kind is AisleKind.LONGITUDINAL)
    x0, _, x1, _ = strip.polygon.bounds
    y = theatre.seats[0].y - 3.0
    venue = theatre.layout.venue
    post = Venue(outline=venue.outline, doors=venue.doors, stage_depth=venue.stage_depth,
                 obstacles=(((x0 + 0.1, y), (x1 - 0.1, y), (x1 - 0.1, y + 0.3), (x0 + 0.1, y + 0.3)),))
    check = check_layout(_with(theatre, venue=post))
    assert any(v.rule == "R-PHY-3" and "stands in the aisle" in v.message for v in check.violations)
    regenerated = generate_theatre(post, options=TheatreOptions(block_seats=tuple(dict(theatre.params)["block_seats"])))  # type: ignore[arg-type]
    assert check_layout(regenerated).ok


def test_r_phy_4_doors(theatre) -> None:  # type: ignore[no-untyped-def]
    venue = theatre.layout.venue
    blocked = Seat(id="x-2", section="floor", row=30, number=1, x=19.5, y=7.0)
    check = check_layout(_with(theatre, seats=[*theatre.seats, blocked]))
    assert any(v.rule == "R-PHY-4" and v.where == "door 2" for v in check.violations)
    narrow = Venue(outline=venue.outline, doors=(Door(10, 0, width=1.2, main=True),), stage_depth=venue.stage_depth)
    check = check_layout(_with(theatre, venue=narrow))
    assert any(v.rule == "R-PHY-4" and "1.40" in v.message for v in check.violations)


def test_r_phy_8_and_11_tables(hall: Venue) -> None:
    room = Venue.rectangle(11, 8, doors=(Door(2, 0, width=1.2, main=True),))
    gen = generate_table_layout(room, "boardroom")
    assert check_layout(gen).ok
    wide = dataclasses.replace(gen, spacing=dataclasses.replace(gen.spacing, meeting_table_per_person=0.7,
                                                               chair_width=0.5))
    assert "R-PHY-8" in _rules(check_layout(wide))
    far = dataclasses.replace(gen, spacing=Spacing(wall_walkway=1.6))
    assert "R-PHY-11" in _rules(check_layout(far))


def test_r_phy_11_a_chair_nobody_can_reach() -> None:
    room = Venue.rectangle(11, 8, doors=(Door(2, 0, width=1.2, main=True),))
    gen = generate_table_layout(room, "boardroom")
    s = max(gen.seats, key=lambda s: s.y)  # a chair on the far side, facing the table (down)
    box = shapely.box(s.x - 0.6, s.y + 0.27, s.x + 0.6, s.y + 0.9)
    venue = Venue(outline=room.outline, doors=room.doors, obstacles=(tuple(box.exterior.coords)[:-1],))
    check = check_layout(_with(gen, venue=venue))
    assert s.id in check.unreachable
    assert any(v.rule == "R-PHY-11" and "cannot be reached" in v.message for v in check.violations)


def test_placement_problems_are_reported(theatre) -> None:  # type: ignore[no-untyped-def]
    a = theatre.seats[0]
    twin = Seat(id="x-3", section="floor", row=a.row, number=99, x=a.x + 0.1, y=a.y)
    check = check_layout(_with(theatre, seats=[*theatre.seats, twin]))
    assert check.placement and not check.ok
    assert check.messages()[0].startswith("[placement]")
