"""The dais block (主席台): rows of tables, V3 single centre, fixed chairs, lectern."""

from __future__ import annotations

import math

import pytest
import shapely

from seatplan.errors import GeometryError
from seatplan.layout.check import check_layout
from seatplan.layout.dais_block import DaisOptions, LecternPlace, build_dais, dais_size, generate_dais
from seatplan.layout.spacing import Spacing
from seatplan.model import Door, EvenMode, Venue
from tests.test_layout_geometry import placement_problems


@pytest.fixture(scope="module")
def hall() -> Venue:
    return Venue.rectangle(22, 18, doors=(Door(11, 0, width=1.8, main=True),), stage_depth=5.5, name="会议厅")


def _av(seats) -> list[int]:  # type: ignore[no-untyped-def]
    """Seat numbers (precedence) of a row in audience view, left to right (+x for a dais facing down)."""
    return [s.number for s in sorted(seats, key=lambda s: s.x)]


def test_t1_odd_row_numbered_by_precedence() -> None:
    block = build_dais([7], front_centre=(10.0, 12.0))
    assert _av(block.seats) == [7, 5, 3, 1, 2, 4, 6]  # T1, AV
    no1 = next(s for s in block.seats if s.number == 1)
    assert no1.x == pytest.approx(10.0) and no1.facing == 270.0


def test_v3_puts_no1_on_the_axis_and_lines_up_the_ends() -> None:
    block = build_dais([6], front_centre=(10.0, 12.0), options=DaisOptions(even_mode=EvenMode.V3))
    row = sorted(block.seats, key=lambda s: s.x)
    assert _av(row) == [5, 3, 1, 2, 4, 6]  # R-DAIS-6 (same order as V1)
    no1 = next(s for s in row if s.number == 1)
    assert no1.x == pytest.approx(10.0)  # on the centre axis
    assert row[0].x - 10.0 == pytest.approx(-(row[-1].x - 10.0))  # both ends line up: ±2.5 × pitch
    gaps = [b.x - a.x for a, b in zip(row, row[1:])]
    assert max(gaps) > 1.0 > min(gaps)  # one side looser, one side tighter
    v1 = build_dais([6], front_centre=(10.0, 12.0), options=DaisOptions(even_mode=EvenMode.V1))
    assert all(abs(s.x - 10.0) == pytest.approx(0.5) for s in v1.seats if s.number in (1, 2))


def test_t7_fixed_chairs_leave_the_junior_end_empty() -> None:
    block = build_dais([6], front_centre=(10.0, 12.0), options=DaisOptions(even_mode="V3", fixed_chairs=True))
    assert len(block.seats) == 7
    row = sorted(block.seats, key=lambda s: s.x)
    assert _av(row) == [7, 5, 3, 1, 2, 4, 6]  # T7: AV ∅ 5 3 1 2 4 6, the empty chair is number 7
    assert row[0].tags == frozenset({"dais-spare"})
    assert [s.x for s in row] == pytest.approx([7.0 + i for i in range(7)])


def test_two_rows_stand_behind_each_other_with_the_passage() -> None:
    sp = Spacing()
    block = build_dais([5, 7], front_centre=(10.0, 12.0), spacing=sp)
    r1 = [s for s in block.seats if s.row == 1]
    r2 = [s for s in block.seats if s.row == 2]
    pitch = sp.dais_table_depth + sp.chair_depth + sp.chair_back_to_table
    assert r2[0].y - r1[0].y == pytest.approx(pitch)  # behind = further from the audience (+y)
    assert _av(r2) == [7, 5, 3, 1, 2, 4, 6]  # R-DAIS-10: each row centre-out
    # chair back of row 1 to the table of row 2: the R-PHY-9 passage
    t2 = block.tables[1]
    assert t2.bounds[1] - (r1[0].y + sp.chair_depth / 2) == pytest.approx(sp.chair_back_to_table)
    # chairs flush with their table (R-PHY-11)
    assert block.tables[0].bounds[3] == pytest.approx(r1[0].y - sp.chair_depth / 2)


@pytest.mark.parametrize(
    ("place", "side"), [(LecternPlace.OWN_RIGHT, -1), (LecternPlace.OWN_LEFT, 1), (LecternPlace.FRONT, 0)]
)
def test_lectern_places(place: LecternPlace, side: int) -> None:
    block = build_dais([5], front_centre=(10.0, 12.0), options=DaisOptions(lectern=place))
    assert block.lectern is not None
    c = block.lectern.centroid
    table = block.tables[0]
    assert not block.lectern.intersects(table.buffer(-1e-6))
    if side == 0:
        assert c.x == pytest.approx(10.0) and c.y < table.bounds[1]  # in front of the table, towards the audience
    else:
        # the dais's own right is the audience's left (-x) for a dais facing the audience
        assert (c.x - 10.0) * side > table.bounds[2] - 10.0 - 1e-9
    assert block.platform.buffer(1e-6).contains(block.lectern)
    none = build_dais([5], front_centre=(10.0, 12.0), options=DaisOptions(lectern="none"))
    assert none.lectern is None


def test_a_dais_on_a_side_wall_faces_the_room() -> None:
    block = build_dais([5], front_centre=(3.0, 10.0), facing=0.0)  # leaders face +x
    assert all(s.facing == 0.0 for s in block.seats)
    no1 = next(s for s in block.seats if s.number == 1)
    no2 = next(s for s in block.seats if s.number == 2)
    assert no1.y == pytest.approx(10.0)
    left = (-math.sin(0.0), math.cos(0.0))  # own left of a person facing +x is +y
    assert (no2.x - no1.x) * left[0] + (no2.y - no1.y) * left[1] > 0  # CN: No.2 at No.1's own left
    assert all(s.x < 3.0 for s in block.seats)  # behind the front edge, away from the audience


def test_generate_dais_on_the_stage(hall: Venue) -> None:
    gen = generate_dais(hall, options=DaisOptions(rows=(6, 9), even_mode="V3"))
    assert placement_problems(gen) == []
    assert check_layout(gen).ok
    stage = shapely.box(0, 12.5, 22, 18)
    assert all(stage.contains(shapely.Point(s.x, s.y)) for s in gen.seats)
    assert dict(gen.params)["rows"] == [6, 9]


def test_generate_dais_fills_the_stage_width(hall: Venue) -> None:
    gen = generate_dais(hall, options=DaisOptions(row_count=2))
    rows = dict(gen.params)["rows"]
    width, _ = dais_size(rows, options=DaisOptions(row_count=2))  # type: ignore[arg-type]
    assert width <= 22.0 and len(rows) == 2  # type: ignore[arg-type]
    assert rows[0] >= 15  # type: ignore[index]


def test_dais_without_a_stage_stands_at_the_front_wall() -> None:
    room = Venue.rectangle(14, 10, doors=(Door(7, 0, width=1.5, main=True),))
    gen = generate_dais(room, options=DaisOptions(rows=(5,)))
    assert any(s.label == "主席台" for s in gen.layout.shapes)
    assert max(s.y for s in gen.seats) < 10.0 and min(s.y for s in gen.seats) > 8.0
    assert check_layout(gen).ok


def test_dais_that_does_not_fit(hall: Venue) -> None:
    with pytest.raises(GeometryError, match="stage"):
        generate_dais(hall, options=DaisOptions(rows=(5, 5, 5, 5)))
    with pytest.raises(GeometryError, match="does not fit"):
        generate_dais(hall, options=DaisOptions(rows=(30,)))
    with pytest.raises(GeometryError, match="at least 1"):
        DaisOptions(rows=(3, 0))
    with pytest.raises(GeometryError, match="rows of at least one seat"):
        build_dais([], front_centre=(0.0, 0.0))
    pillar_hall = Venue.rectangle(22, 18, doors=(Door(11, 0, width=1.8, main=True),), stage_depth=5.5,
                                  obstacles=(((10.7, 14.0), (11.3, 14.0), (11.3, 14.6), (10.7, 14.6)),))
    with pytest.raises(GeometryError, match="obstacle 1"):
        generate_dais(pillar_hall, options=DaisOptions(rows=(7,)))
