"""Every solve is checked: one row engine for `fit` and `solve`, furniture-honest geometry, no silent guesses.

The meeting floor and balcony of ``seatplan solve`` are laid out by the row engine of
``seatplan fit`` (GB 50016 by default) and every layout of every occasion is held against the
fire code and the spacing rules (R-PHY-*): a breach is an error (exit 2, rule, place and fix)
unless the plan waives it with a reason; spacing advice is a warning in summary.json.
"""

from __future__ import annotations

import glob
import json
import math
import warnings
from pathlib import Path

import numpy as np
import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seatplan import build_problem, load_meeting
from seatplan.cli import main
from seatplan.errors import GeometryError, ValidationError
from seatplan.layout.audit import audit_layout
from seatplan.layout.banquet import generate_banquet
from seatplan.layout.hall import MIN_DAIS_ROW_PITCH, generate_hall
from seatplan.layout.room import chair_polygons
from seatplan.model import (
    Attendee,
    DaisSpec,
    Door,
    FloorSpec,
    Layout,
    Meeting,
    Seat,
    ShapeKind,
    Venue,
)
from seatplan.model.check import CheckSpec, FindingLevel, Waiver
from seatplan.model.meeting import BalconySpec

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(glob.glob(str(ROOT / "examples" / "*" / "plan*.toml")))


def write_plan(folder: Path, body: str, people: list[tuple[str, str, str, int, str]]) -> Path:
    """A plan file with ``body`` and a csv of (id, name, unit, rank, section)."""
    lines = ["编号,姓名,单位,职务,排序,座区"] + [f"{p},{n},{u},,{r},{s}" for p, n, u, r, s in people]
    (folder / "attendees.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    plan = folder / "plan.toml"
    plan.write_text('format_version = 1\ntitle = "测试"\nattendees = "attendees.csv"\n' + body, encoding="utf-8")
    return plan


VENUE = "[venue]\nwidth = {w}\ndepth = {d}\nstage_depth = {s}\n"
DOOR = "[[venue.doors]]\nx = {x}\ny = 0.0\nwidth = {width}\nmain = true\n"


def crowd(n: int, unit: str = "甲") -> list[tuple[str, str, str, int, str]]:
    return [(f"P{k:04d}", f"{unit}{k}", unit, k, "") for k in range(1, n + 1)]


def chairs_of(seats: list[Seat]) -> np.ndarray:
    x, y, f = (np.asarray([getattr(s, k) for s in seats], float) for k in ("x", "y", "facing"))
    return chair_polygons(x, y, f, width=0.5, depth=0.5)


# ------------------------------------------------------------------- every example is checked


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: str(Path(p).relative_to(ROOT / "examples")))
def test_every_example_passes_the_check_with_the_default_profile(path):
    meeting = load_meeting(path)
    assert meeting.check.profile == "gb50016"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        problem = build_problem(meeting)  # raises on an unwaived error
    assert all(f.level is FindingLevel.WARNING or f.waived for f in problem.layout.findings)


def test_the_demo_passes_and_its_dais_desks_and_chairs_do_not_overlap(tmp_path):
    assert main(["demo", "--out", str(tmp_path / "demo")]) == 0
    problem = build_problem(load_meeting(tmp_path / "demo" / "input" / "plan.toml"))
    dais = [s for s in problem.seats if s.is_dais]
    desks = [shapely.Polygon(s.points) for s in problem.layout.shapes if s.kind is ShapeKind.TABLE and "主席台" in s.label]
    assert len({s.row for s in dais}) == 2 and len(desks) == 2
    chairs = chairs_of(dais)
    for i, s in enumerate(dais):
        own = [d for d in desks if abs(d.bounds[3] - (s.y - 0.25)) < 1e-6]
        others = [d for d in desks if d not in own]
        assert own and all(shapely.distance(chairs[i], d) >= 0.6 - 1e-6 for d in others), s.id
        assert not any(chairs[i].intersection(d).area > 1e-9 for d in desks), s.id
    summary = json.loads((tmp_path / "demo" / "summary.json").read_text(encoding="utf-8"))
    assert summary["layout_check"]["profile"] == "gb50016"
    assert summary["layout_check"]["errors_waived"] == []


# ------------------------------------------------------------------------------- the dais


def test_dais_row_pitch_below_desk_chair_and_passage_is_refused_with_the_smallest_that_works(tmp_path):
    people = [(f"D{k}", f"领导{k}", "主席团", k, "主席台") for k in range(1, 16)]
    plan = write_plan(tmp_path, VENUE.format(w=30, d=24, s=5) + "[dais]\nrows = [9, 6]\nrow_pitch = 1.2\n", people)
    with pytest.raises(GeometryError) as err:
        build_problem(load_meeting(plan))
    text = str(err.value)
    assert "dais.row_pitch" in text and "1.2" in text and "R-PHY-9" in text and "at least 1.70" in text
    assert main(["solve", str(plan), "--out", str(tmp_path / "out")]) == 2
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("pitch", [1.7, 1.9, 2.4])
def test_dais_rows_at_any_legal_pitch_keep_the_passage_behind_every_chair(pitch):
    hall = generate_hall(Venue.rectangle(24, 20, stage_depth=8), dais=DaisSpec(rows=(5, 5, 4), row_pitch=pitch), floor=None)
    seats = [s for s in hall.layout.seats if s.is_dais]
    desks = [shapely.Polygon(t.points) for t in hall.dais_tables]
    chairs = chairs_of(seats)
    for i, s in enumerate(seats):
        gaps = sorted(float(shapely.distance(chairs[i], d)) for d in desks)
        assert gaps[0] < 1e-6, "flush with its own desk (R-PHY-11)"
        behind = [float(shapely.distance(chairs[i], d)) for d in desks if d.centroid.y > s.y]
        assert all(g >= pitch - MIN_DAIS_ROW_PITCH + 0.6 - 1e-6 for g in behind)
    assert pytest.approx(0.6 + 0.5 + 0.6) == MIN_DAIS_ROW_PITCH


def test_a_single_dais_row_takes_any_pitch():
    hall = generate_hall(Venue.rectangle(20, 16, stage_depth=5), dais=DaisSpec(rows=(7,), row_pitch=1.0), floor=None)
    assert len(hall.layout.seats) == 7


def test_two_dais_people_with_one_rank_are_refused_naming_both(tmp_path):
    people = [("D1", "张一", "甲", 1, "主席台"), ("D2", "李二", "乙", 2, "主席台"), ("D3", "王三", "丙", 2, "主席台")]
    plan = write_plan(tmp_path, VENUE.format(w=20, d=16, s=5) + "[dais]\nrows = [3]\n", people)
    with pytest.raises(ValidationError, match=r"排序.*rank 2|rank 2.*two people"):
        load_meeting(plan)  # the attendee reader refuses it first
    dais = DaisSpec(rows=(3,))
    crowd_ = tuple(Attendee(f"D{k}", n, unit="甲", rank=r, section="dais") for k, (n, r) in enumerate([("张一", 1), ("李二", 2), ("王三", 2)]))
    meeting = Meeting(title="t", venue=Venue.rectangle(20, 16, stage_depth=5), attendees=crowd_, dais=dais)
    with pytest.raises(ValidationError, match="李二, 王三 share 排序 2"):
        build_problem(meeting)


def test_a_declared_equal_rank_top_pair_is_accepted():
    crowd_ = tuple(Attendee(f"D{k}", n, unit="甲", rank=k, section="dais") for k, n in enumerate(["张一", "李二", "王三"], 1))
    meeting = Meeting(title="t", venue=Venue.rectangle(20, 16, stage_depth=5), attendees=crowd_,
                      dais=DaisSpec(rows=(3,), equal_top_pair=True))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        build_problem(meeting)


# ------------------------------------------------------------------------------- the floor


def test_misspelt_unit_in_unit_order_is_refused_with_did_you_mean(tmp_path):
    people = crowd(4, "城关镇") + [(f"Q{k}", f"乙{k}", "东关镇", k, "") for k in range(1, 4)]
    body = VENUE.format(w=12, d=12, s=3) + '[floor]\nblocks = [4]\nunit_order = ["东关镇", "城关真"]\n'
    with pytest.raises(ValidationError) as err:
        build_problem(load_meeting(write_plan(tmp_path, body, people)))
    text = str(err.value)
    assert "floor.unit_order[1]" in text and "城关真" in text and "did you mean '城关镇'" in text


def test_hall_seats_keep_clear_of_pillars_and_walls():
    pillars = (((5.0, 6.0), (5.6, 6.0), (5.6, 6.6), (5.0, 6.6)), ((9.7, 8.0), (10.3, 8.0), (10.3, 8.6), (9.7, 8.6)))
    venue = Venue(outline=((0, 0), (16, 0), (16, 16), (0, 16)), stage_depth=3, obstacles=pillars,
                  doors=(Door(8, 0, 2.4, main=True),))
    hall = generate_hall(venue, dais=None, floor=FloorSpec(blocks=(8, 10)))
    seats = list(hall.layout.seats)
    chairs = chairs_of(seats)
    for p in pillars:
        assert float(shapely.distance(chairs, shapely.Polygon(p)).min()) >= 0.10 - 1e-6
    room = shapely.Polygon(venue.outline)
    assert float(shapely.distance(chairs, room.exterior).min()) >= 0.8 - 1e-6, "the side aisle along the walls"


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(px=st.floats(2.0, 13.0), py=st.floats(1.5, 10.0), size=st.floats(0.3, 1.2))
def test_property_a_pillar_anywhere_keeps_its_gap_and_the_hall_passes_the_check(px, py, size):
    pillar = ((px, py), (px + size, py), (px + size, py + size), (px, py + size))
    venue = Venue(outline=((0, 0), (16, 0), (16, 16), (0, 16)), stage_depth=3, obstacles=(pillar,),
                  doors=(Door(8, 0, 2.4, main=True),))
    hall = generate_hall(venue, dais=None, floor=FloorSpec(blocks=(6, 8, 6)))
    chairs = chairs_of(list(hall.layout.seats))
    assert float(shapely.distance(chairs, shapely.Polygon(pillar)).min()) >= 0.10 - 1e-6
    audit_layout(hall.layout, sections=hall.sections)  # no error


def test_a_seat_on_a_pillar_is_refused_with_the_seat_and_the_pillar():
    venue = Venue(outline=((0, 0), (10, 0), (10, 10), (0, 10)), obstacles=(((4, 4), (5, 4), (5, 5), (4, 5)),))
    seats = (Seat("t-s01", "table", 1, 1, 2.0, 2.0), Seat("t-s02", "table", 1, 2, 4.5, 4.5))
    with pytest.raises(GeometryError) as err:
        audit_layout(Layout(venue=venue, seats=seats))
    text = str(err.value)
    assert "t-s02" in text and "obstacle 1" in text and "R-PHY-11" in text and "Fix:" in text


def test_a_seat_touching_a_pillar_face_is_a_warning():
    venue = Venue(outline=((0, 0), (10, 0), (10, 10), (0, 10)), obstacles=(((4, 4), (5, 4), (5, 5), (4, 5)),))
    seats = (Seat("t-s01", "table", 1, 1, 3.7, 4.5),)  # chair edge 0.05 m from the pillar
    findings = audit_layout(Layout(venue=venue, seats=seats))
    assert [(f.rule, f.level) for f in findings] == [("R-PHY-11", FindingLevel.WARNING)]


def test_a_hall_too_tight_for_its_rows_is_refused(tmp_path):
    # rows at 0.80 m with soft seats: below the JGJ 57 minimum (R-PHY-5)
    body = VENUE.format(w=20, d=16, s=3) + DOOR.format(x=10, width=2.4) + "[floor]\nblocks = [10, 10]\nrow_pitch = 0.8\n"
    with pytest.raises(GeometryError, match=r"R-PHY-5.*|row pitch 0.80"):
        build_problem(load_meeting(write_plan(tmp_path, body, crowd(20))))
    # 30 seats between two aisles at 0.90 m: GB 50016 allows 22 (R-PHY-1)
    body = VENUE.format(w=30, d=16, s=3) + DOOR.format(x=15, width=2.4) + "[floor]\nblocks = [30]\n"
    with pytest.raises(GeometryError) as err:
        build_problem(load_meeting(write_plan(tmp_path, body, crowd(20))))
    assert "floor.blocks" in str(err.value) and "22" in str(err.value)


def test_a_hall_with_too_little_exit_width_is_refused_naming_the_rule_and_a_fix(tmp_path):
    body = VENUE.format(w=30, d=24, s=4) + DOOR.format(x=15, width=1.5) + "[floor]\nblocks = [12, 20, 12]\n"
    plan = write_plan(tmp_path, body, crowd(300))
    with pytest.raises(GeometryError) as err:
        build_problem(load_meeting(plan))
    text = str(err.value)
    assert "R-PHY-4" in text and "floor, hall" in text and "widen the doors" in text and "[[check.waive]]" in text
    assert main(["solve", str(plan), "--out", str(tmp_path / "out")]) == 2


# ------------------------------------------------------------------------------- waivers


def test_a_waived_breach_is_carried_into_summary_json_and_onto_the_layout(tmp_path):
    body = VENUE.format(w=30, d=24, s=4) + DOOR.format(x=15, width=1.5) + "[floor]\nblocks = [12, 20, 12]\n"
    body += '[check]\nprofile = "gb50016"\n[[check.waive]]\nrule = "R-PHY-4"\nwhere = "hall"\nreason = "two more exits open on the day, approved by the fire officer"\n'
    plan = write_plan(tmp_path, body, crowd(300))
    with pytest.warns(UserWarning, match="waived: two more exits"):
        problem = build_problem(load_meeting(plan))
    assert [f.rule for f in problem.layout.findings if f.waived] == ["R-PHY-4"]
    assert main(["solve", str(plan), "--out", str(tmp_path / "out")]) == 0
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    waived = summary["layout_check"]["errors_waived"]
    assert waived[0]["rule"] == "R-PHY-4" and waived[0]["waived"].startswith("two more exits")
    # the diagram carries it too, above the room and below the title, one line per waived breach
    from seatplan.render import draw_plan

    texts = [t.get_text() for t in draw_plan(problem).texts]
    waiver_lines = [t for t in texts if t.startswith("已豁免 [R-PHY-4]")]
    assert len(waiver_lines) == 1 and "two more exits open on the day" in waiver_lines[0]
    unwaived = build_problem(load_meeting(write_plan(tmp_path, VENUE.format(w=30, d=24, s=4) + DOOR.format(x=15, width=6.0) + "[floor]\nblocks = [12, 20, 12]\n", crowd(300))))
    assert not [t for t in (x.get_text() for x in draw_plan(unwaived).texts) if t.startswith("已豁免")]


def test_a_waiver_without_a_reason_or_of_an_unknown_profile_is_refused(tmp_path):
    with pytest.raises(ValidationError, match="no reason"):
        Waiver(rule="R-PHY-4", reason=" ")
    with pytest.raises(ValidationError, match="unknown fire-code profile"):
        CheckSpec(profile="nfpa")
    body = VENUE.format(w=20, d=16, s=3) + "[floor]\nblocks = [6]\n[check]\nprofil = \"ibc\"\n"
    with pytest.raises(ValidationError, match="did you mean 'profile'"):
        load_meeting(write_plan(tmp_path, body, crowd(4)))


def test_a_waiver_that_matches_nothing_is_a_warning():
    venue = Venue(outline=((0, 0), (10, 0), (10, 10), (0, 10)))
    seats = (Seat("t-s01", "table", 1, 1, 3.0, 3.0),)
    findings = audit_layout(Layout(venue=venue, seats=seats), spec=CheckSpec(waive=(Waiver("R-PHY-4", "open doors"),)))
    assert [f.level for f in findings] == [FindingLevel.WARNING] and "matches nothing" in findings[0].message


def test_the_ibc_profile_applies_to_solve(tmp_path):
    body = VENUE.format(w=30, d=16, s=3) + DOOR.format(x=15, width=2.4) + "[floor]\nblocks = [24]\n[check]\nprofile = \"ibc\"\n"
    meeting = load_meeting(write_plan(tmp_path, body, crowd(20)))
    assert meeting.check.profile == "ibc"


# ------------------------------------------------------------------------------- balcony


def test_the_balcony_is_laid_out_to_code_with_its_own_exits():
    hall = generate_hall(Venue.rectangle(30, 24, stage_depth=5), dais=None, floor=FloorSpec(blocks=(12, 20, 12), rows=10),
                         balcony=BalconySpec(blocks=(10, 16, 10), rows=6))
    balcony = [s for s in hall.layout.seats if s.section == "balcony"]
    assert len(balcony) == 36 * 6
    assert {s.id for s in balcony} >= {"balcony-r01-s001", "balcony-r06-s036"}
    names = [name for name, _ in hall.sections]
    assert names == ["floor", "balcony"]
    audit_layout(hall.layout, sections=hall.sections)


# ------------------------------------------------------------------------ banquet rows from the door


@pytest.mark.parametrize("wall", ["bottom", "top", "left", "right"])
def test_banquet_rows_are_read_from_the_main_door_on_any_wall(wall):
    w, d = 20.0, 16.0
    door = {"bottom": Door(10, 0, 2, main=True), "top": Door(10, d, 2, main=True),
            "left": Door(0, 8, 2, main=True), "right": Door(w, 8, 2, main=True)}[wall]
    venue = Venue(outline=((0, 0), (w, 0), (w, d), (0, d)), doors=(door,))
    built = generate_banquet(venue, sizes=[10] * 7, rows=[3, 4])
    centres = {t.rank: t.centre for t in built.tables}
    dist = {k: math.hypot(c[0] - door.x, c[1] - door.y) for k, c in centres.items()}
    depth = {k: (c[0] - door.x) * (1 if wall == "left" else -1 if wall == "right" else 0)
             + (c[1] - door.y) * (1 if wall == "bottom" else -1 if wall == "top" else 0) for k, c in centres.items()}
    head = sorted(centres, key=lambda k: -depth[k])[:3]
    assert sorted(head) == [1, 2, 3], "the head row of 3 is the row farthest from the door"
    assert dist[1] == pytest.approx(min(dist[k] for k in head)), "table 1 in the middle of the head row"
    across = [(c[0] if wall in ("bottom", "top") else c[1]) for c in (centres[1],)]
    assert across[0] == pytest.approx(w / 2 if wall in ("bottom", "top") else d / 2)


def test_meeting_from_python_is_checked_too():
    people = tuple(Attendee(f"P{k}", f"人{k}", unit="甲", rank=k) for k in range(1, 301))
    meeting = Meeting(title="t", venue=Venue(outline=((0, 0), (30, 0), (30, 24), (0, 24)), stage_depth=4,
                                             doors=(Door(15, 0, 1.5, main=True),)),
                      attendees=people, floor=FloorSpec(blocks=(12, 20, 12)))
    with pytest.raises(GeometryError, match="R-PHY-4"):
        build_problem(meeting)


@pytest.mark.parametrize(("crowded", "level"), [(True, "error"), (False, "warning")])
def test_a_chair_in_a_door_zone_is_an_error_in_a_crowded_room_and_a_warning_in_a_small_one(crowded, level):
    venue = Venue(outline=((0, 0), (10, 0), (10, 10), (0, 10)), doors=(Door(5, 0, 1.5, main=True),))
    layout = Layout(venue=venue, seats=(Seat("t-s01", "table", 1, 1, 5.0, 1.0),))
    if level == "error":
        with pytest.raises(GeometryError, match=r"R-PHY-4.*door 1"):
            audit_layout(layout, crowded=crowded)
    else:
        findings = audit_layout(layout, crowded=crowded)
        assert [(f.rule, f.level.value) for f in findings] == [("R-PHY-4", "warning")]
