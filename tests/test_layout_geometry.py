"""Independent shapely checks of generated layouts, used by the other layout tests.

:func:`assert_sound` re-derives everything from the seats, the furniture outlines, the aisle
zones and the room (it does not call the library's checker): no chair overlaps another chair,
a table, a pillar, the stage or a wall; no chair stands in an aisle; and every seat of a row
reaches an aisle along its row without crossing another chair. The tests at the bottom show
that each of these assertions can fail.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence

import numpy as np
import pytest
import shapely
from shapely import affinity
from shapely.geometry import LineString, Point, Polygon

from seatplan.layout.room import GeneratedLayout, LayoutKind, RowAccess
from seatplan.layout.theatre import TheatreOptions, generate_theatre
from seatplan.model import Door, Seat, Venue

TOL = 0.002  # metres: touching is not overlapping


def chair(seat: Seat, width: float, depth: float, shrink: float = TOL) -> Polygon:
    """A chair footprint built with shapely's own affine tools (not the library's helper)."""
    box = shapely.box(-depth / 2 + shrink, -width / 2 + shrink, depth / 2 - shrink, width / 2 - shrink)
    return affinity.translate(affinity.rotate(box, seat.facing, origin=(0, 0)), seat.x, seat.y)


def _room(venue: Venue) -> Polygon:
    return Polygon(venue.outline).buffer(0)


def _obstacles(venue: Venue) -> list[Polygon]:
    return [Polygon(o) for o in venue.obstacles]


def placement_problems(gen: GeneratedLayout) -> list[str]:
    """Overlaps of chairs with chairs, tables, pillars, the stage, the walls and the aisles."""
    sp = gen.spacing
    seats = gen.seats
    chairs = [chair(s, sp.chair_width, sp.chair_depth) for s in seats]
    room = _room(gen.layout.venue)
    out: list[str] = []
    tree = shapely.STRtree(chairs)
    for i, j in zip(*tree.query(chairs, predicate="intersects")):
        if i < j and chairs[i].intersection(chairs[j]).area > 1e-6:
            out.append(f"chair {seats[i].id} overlaps chair {seats[j].id}")
    others = [("table", t) for t in gen.tables] + [("pillar", o) for o in _obstacles(gen.layout.venue)]
    for what, geom in others:
        for i in np.flatnonzero(shapely.intersects(chairs, geom)):
            if chairs[i].intersection(geom).area > 1e-6:
                out.append(f"chair {seats[i].id} overlaps a {what}")
    for i, c in enumerate(chairs):
        if not room.covers(c):
            out.append(f"chair {seats[i].id} sticks out of the room")
    venue = gen.layout.venue
    if venue.stage_depth > 0:
        xmin, ymin, xmax, ymax = room.bounds
        stage = room.intersection(shapely.box(xmin, ymax - venue.stage_depth, xmax, ymax))
        for i, s in enumerate(seats):
            if not s.is_dais and chairs[i].intersection(stage).area > 1e-6:
                out.append(f"floor chair {s.id} stands on the stage")
    for a in gen.aisles:
        for i in np.flatnonzero(shapely.intersects(chairs, a.polygon)):
            if chairs[i].intersection(a.polygon).area > 1e-6:
                out.append(f"chair {seats[i].id} stands in aisle {a.name}")
    return out


def _runs(seats: Sequence[Seat], pitch: float) -> list[list[Seat]]:
    rows: dict[tuple[str, int], list[Seat]] = defaultdict(list)
    for s in seats:
        if not s.table:
            rows[(s.section, s.row)].append(s)
    runs: list[list[Seat]] = []
    for members in rows.values():
        members.sort(key=lambda s: (s.x, s.y))
        run = [members[0]]
        for a, b in zip(members, members[1:]):
            if math.hypot(b.x - a.x, b.y - a.y) > 1.5 * pitch:
                runs.append(run)
                run = []
            run.append(b)
        runs.append(run)
    return runs


def unreachable_seats(gen: GeneratedLayout) -> list[str]:
    """Seats with no path along their row to an aisle that crosses no other chair.

    The path runs level with the row's passage (in front of theatre seats; behind classroom
    chairs), through the passage points of the seats of the run, then straight on past the end
    seat until it is inside an aisle zone. It must not cross a chair, a table, a pillar or a wall.
    """
    sp = gen.spacing
    if gen.row_access is RowAccess.FRONT:
        offset = gen.row_pitch / 2
    else:
        offset = -(sp.chair_depth / 2 + sp.chair_back_to_table / 2)
    chairs = [chair(s, sp.chair_width, sp.chair_depth) for s in gen.seats]
    furniture = [*gen.tables, *_obstacles(gen.layout.venue)]
    blockers = shapely.union_all([*chairs, *(f.buffer(-TOL, join_style="mitre") for f in furniture)])
    room = _room(gen.layout.venue)
    aisles = shapely.union_all([a.polygon for a in gen.aisles]) if gen.aisles else Polygon()

    def passage(s: Seat) -> tuple[float, float]:
        a = math.radians(s.facing)
        return (s.x + math.cos(a) * offset, s.y + math.sin(a) * offset)

    pillars = shapely.union_all([o.buffer(-TOL, join_style="mitre") for o in _obstacles(gen.layout.venue)])
    pieces: list[list[Seat]] = []
    for run in _runs(gen.seats, gen.seat_pitch):  # a pillar in the passage cuts a row in two
        piece = [run[0]]
        for a, b in zip(run, run[1:]):
            if LineString([passage(a), passage(b)]).intersects(pillars):
                pieces.append(piece)
                piece = []
            piece.append(b)
        pieces.append(piece)
    bad: list[str] = []
    for run in pieces:
        pts = [passage(s) for s in run]
        along = LineString(pts) if len(pts) > 1 else Point(pts[0])
        clear = not along.intersects(blockers)
        reaches = False
        for end, prev in ((run[0], run[1] if len(run) > 1 else None), (run[-1], run[-2] if len(run) > 1 else None)):
            if prev is None:  # a lone seat: along its own row direction, both ways
                a = math.radians(end.facing)
                dirs = [(math.sin(a), -math.cos(a)), (-math.sin(a), math.cos(a))]
            else:
                dx, dy = end.x - prev.x, end.y - prev.y
                n = math.hypot(dx, dy)
                dirs = [(dx / n, dy / n)]
            start = passage(end)
            for dx, dy in dirs:
                for k in range(1, 81):
                    tip = (start[0] + dx * 0.05 * k, start[1] + dy * 0.05 * k)
                    if aisles.contains(Point(tip)):
                        path = LineString([start, tip])
                        reaches = reaches or (not path.intersects(blockers) and room.covers(path))
                        break
        if not (clear and reaches):
            bad += [s.id for s in run]
    return bad


def assert_sound(gen: GeneratedLayout) -> None:
    """No overlaps, no chair in an aisle, every row seat reaches an aisle."""
    assert gen.seat_count > 0
    problems = placement_problems(gen)
    assert problems == [], problems[:5]
    if gen.row_access is not RowAccess.NONE:
        bad = unreachable_seats(gen)
        assert bad == [], bad[:10]


# ------------------------------------------------------------------------------ the helpers can fail


def _hall() -> Venue:
    return Venue.rectangle(14, 12, doors=(Door(7, 0, width=1.8, main=True),), stage_depth=3, name="小礼堂")


def test_a_generated_hall_is_sound() -> None:
    gen = generate_theatre(_hall())
    assert gen.kind is LayoutKind.THEATRE
    assert_sound(gen)


def test_helper_catches_overlapping_chairs() -> None:
    gen = generate_theatre(_hall())
    seats = list(gen.seats)
    seats[1] = Seat(id=seats[1].id, section="floor", row=seats[1].row, number=seats[1].number, x=seats[0].x + 0.2,
                    y=seats[0].y)
    broken = _with_seats(gen, seats)
    assert any("overlaps chair" in p for p in placement_problems(broken))


def test_helper_catches_a_chair_in_an_aisle_and_on_the_stage() -> None:
    gen = generate_theatre(_hall())
    aisle = gen.aisles[0].polygon.representative_point()
    seats = [*gen.seats, Seat(id="x1", section="floor", row=99, number=1, x=aisle.x, y=aisle.y),
             Seat(id="x2", section="floor", row=98, number=1, x=7.0, y=11.0)]
    problems = placement_problems(_with_seats(gen, seats))
    assert any("stands in aisle" in p for p in problems)
    assert any("on the stage" in p for p in problems)


def test_helper_catches_a_row_walled_in_by_pillars() -> None:
    gen = generate_theatre(_hall())
    row = sorted((s for s in gen.seats if s.row == 2), key=lambda s: s.x)
    run_a, gap, run_b = row[:6], row[6:8], row[8:]
    py = row[0].y + gen.row_pitch / 2  # the row's passage, in front of the seats
    x_gap = (gap[0].x + gap[1].x) / 2
    pillars = (
        ((row[0].x - 0.7, py - 0.1), (row[0].x - 0.3, py - 0.1), (row[0].x - 0.3, py + 0.1), (row[0].x - 0.7, py + 0.1)),
        ((x_gap - 0.2, py - 0.1), (x_gap + 0.2, py - 0.1), (x_gap + 0.2, py + 0.1), (x_gap - 0.2, py + 0.1)),
    )
    venue = gen.layout.venue
    walled = Venue(outline=venue.outline, doors=venue.doors, stage_depth=venue.stage_depth, obstacles=pillars)
    seats = [s for s in gen.seats if s not in gap]
    bad = set(unreachable_seats(_with_seats(gen, seats, venue=walled)))
    assert {s.id for s in run_a} <= bad
    assert not {s.id for s in run_b} & bad


def _with_seats(gen: GeneratedLayout, seats: list[Seat], venue: Venue | None = None) -> GeneratedLayout:
    import dataclasses

    from seatplan.model import Layout

    layout = Layout(venue=venue or gen.layout.venue, seats=tuple(seats), shapes=gen.layout.shapes)
    return dataclasses.replace(gen, layout=layout)


@pytest.mark.parametrize("curved", [False, True])
def test_a_small_curved_or_straight_hall_is_sound(curved: bool) -> None:
    assert_sound(generate_theatre(_hall(), options=TheatreOptions(curved=curved)))
