"""会见 / 会谈 / 签字 / 合影 / small meeting rooms end to end (R-MTG-1 … R-MTG-10, T21-T24).

Every example in ``examples/`` is solved through the command line; the golden
vectors are read back from the *output* (``seats.csv``, x and y in the plan
frame, main door at the bottom) and the plan is graded by ``check_plan``.
Geometry is checked with shapely: no chair overlaps another chair or a table,
everything stands inside the walls.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest
from shapely.geometry import Polygon

from seatplan.check import check_plan
from seatplan.cli import main
from seatplan.errors import GeometryError, PlanFileError, ValidationError
from seatplan.io.plan_file import load_meeting
from seatplan.model import Plan, Seat, SeatingProblem, ShapeKind
from seatplan.pipeline import OUTPUT_FILES, build_problem
from seatplan.solve import solve

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
KINDS = ["reception", "reception-centre", "reception-chair", "talks", "talks-multilateral", "talks-square", "signing", "photo", "meeting-room"]
CHAIR = (0.5, 0.5)
ARMCHAIR = (0.8, 0.8)


# --------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------


def read_rows(out: Path) -> list[dict[str, str]]:
    text = (out / "seats.csv").read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(text.splitlines()))


_SOLVED: dict[str, tuple[SeatingProblem, Plan, list[dict[str, str]], Path]] = {}


def solve_example(name: str, tmp_path: Path) -> tuple[SeatingProblem, Plan, list[dict[str, str]]]:
    """Run ``seatplan solve`` on an example once per session; return the problem, the plan read from the output, the rows."""
    if name not in _SOLVED:
        plan_file = EXAMPLES / name / "plan.toml"
        out = tmp_path / name
        assert main(["solve", str(plan_file), "--out", str(out)]) == 0
        for f in OUTPUT_FILES:
            assert (out / f).stat().st_size > 0, f
        rows = read_rows(out)
        problem = build_problem(load_meeting(plan_file))
        plan = Plan(seat_of={r["id"]: r["seat_id"] for r in rows})
        _SOLVED[name] = (problem, plan, rows, out)
    problem, plan, rows, _ = _SOLVED[name]
    return problem, plan, [dict(r) for r in rows]


def solve_text(tmp_path: Path, plan_text: str, csv_text: str) -> tuple[SeatingProblem, Plan, list[dict[str, str]]]:
    """Build and solve a plan written into ``tmp_path`` (no files written)."""
    (tmp_path / "attendees.csv").write_text(csv_text, encoding="utf-8")
    path = tmp_path / "plan.toml"
    path.write_text(plan_text, encoding="utf-8")
    problem = build_problem(load_meeting(path))
    plan = solve(problem).require_plan()
    assert check_plan(problem, plan) == []
    seats = {s.id: s for s in problem.seats}
    rows = []
    for aid, sid in plan.seat_of.items():
        a, s = problem.attendee(aid), seats[sid]
        rows.append({"id": aid, "name": a.name, "rank": str(a.rank), "section": s.section, "x": str(s.x), "y": str(s.y)})
    return problem, plan, rows


def footprint(seat: Seat, size: tuple[float, float]) -> Polygon:
    w, d = size
    a = math.radians(seat.facing)
    f = (math.cos(a), math.sin(a))
    left = (-f[1], f[0])
    pts = []
    for sf, sl in ((1, 1), (-1, 1), (-1, -1), (1, -1)):
        pts.append((seat.x + sf * f[0] * d / 2 + sl * left[0] * w / 2, seat.y + sf * f[1] * d / 2 + sl * left[1] * w / 2))
    return Polygon(pts)


def assert_geometry(problem: SeatingProblem) -> None:
    """No chair overlaps a chair or a table; every chair and table is inside the walls."""
    room = Polygon(problem.layout.venue.outline).buffer(1e-6)
    feet = {s.id: footprint(s, ARMCHAIR if "armchair" in s.tags else CHAIR) for s in problem.seats}
    tables = [Polygon(s.points) for s in problem.layout.shapes if s.kind is ShapeKind.TABLE]
    assert tables or all("standing" in s.tags or s.section.startswith("photo") for s in problem.seats)
    ids = sorted(feet)
    for i, a in enumerate(ids):
        assert feet[a].within(room), f"{a} sticks out of the room"
        for b in ids[i + 1 :]:
            assert feet[a].intersection(feet[b]).area < 1e-6, f"{a} overlaps {b}"
        for t in tables:
            assert feet[a].intersection(t).area < 1e-6, f"{a} overlaps a table"
    for t in tables:
        assert t.within(room)


def side_labels(rows: list[dict[str, str]], problem: SeatingProblem, section_ids: set[str]) -> dict[str, str]:
    """Attendee id → ``H1``/``G1``… numbered by rank among the people listed in ``section_ids``."""
    people = [problem.attendee(r["id"]) for r in rows if r["id"] in section_ids]
    out: dict[str, str] = {}
    for side, letter in (("host", "H"), ("guest", "G")):
        party = sorted((a for a in people if a.side == side), key=lambda a: a.rank)
        out.update({a.id: f"{letter}{k}" for k, a in enumerate(party, start=1)})
    return out


# --------------------------------------------------------------------------------------
# every example, end to end
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", KINDS)
def test_example_end_to_end(name: str, tmp_path: Path) -> None:
    problem, plan, rows = solve_example(name, tmp_path)
    assert check_plan(problem, plan) == []
    assert len(rows) == len(problem.attendees)  # everybody placed
    assert_geometry(problem)
    sections = {r["section"] for r in rows}
    assert not any(s in ("reception", "table", "signing", "photo") for s in sections), "provisional section left"


def test_t21_reception_horseshoe(tmp_path: Path) -> None:
    """T21 (R-MTG-1): read round the horseshoe from the door, PV ``G4 G3 G2 G1 H1 … H5``."""
    problem, _, rows = solve_example("reception", tmp_path)
    door = problem.layout.venue.main_door
    assert door is not None
    party = [r for r in rows if r["section"] in ("host", "guest")]
    party.sort(key=lambda r: -math.atan2(float(r["y"]) - door.y, float(r["x"]) - door.x))
    names = side_labels(rows, problem, {r["id"] for r in party})
    assert [names[r["id"]] for r in party] == ["G4", "G3", "G2", "G1", "H1", "H2", "H3", "H4", "H5"]
    # the principals side by side facing the door, the guest on PV-left
    g1 = next(r for r in party if names[r["id"]] == "G1")
    h1 = next(r for r in party if names[r["id"]] == "H1")
    assert g1["y"] == h1["y"] and float(g1["x"]) < float(h1["x"])
    # interpreters right behind their own principal, the note-taker further out
    staff = {r["section"]: r for r in rows if r["section"].startswith(("interpreter", "note-taker"))}
    assert staff["interpreter-guest"]["x"] == g1["x"] and float(staff["interpreter-guest"]["y"]) > float(g1["y"])
    assert staff["interpreter-host"]["x"] == h1["x"]
    assert float(staff["note-taker-host"]["x"]) > float(h1["x"])


RECEPTION_3_3 = """\
format_version = 1
title = "会见"
occasion = "reception"
attendees = "attendees.csv"
[venue]
width = 12.0
depth = 10.0
[[venue.doors]]
x = {door_x}
y = {door_y}
main = true
"""


def party_csv(hosts: int, guests: int, extra: str = "") -> str:
    lines = ["编号,姓名,单位,职务,排序,主客,标签"]
    lines += [f"H{k},主方{k},主方单位,职务,{k},主," for k in range(1, hosts + 1)]
    lines += [f"G{k},客方{k},客方代表团,职务,{k},客," for k in range(1, guests + 1)]
    return "\n".join(lines) + "\n" + extra


def test_t21_exact_three_and_three(tmp_path: Path) -> None:
    problem, _, rows = solve_text(tmp_path, RECEPTION_3_3.format(door_x=6.0, door_y=0.0), party_csv(3, 3))
    rows.sort(key=lambda r: -math.atan2(float(r["y"]), float(r["x"]) - 6.0))
    assert [r["id"] for r in rows] == ["G3", "G2", "G1", "H1", "H2", "H3"]
    assert_geometry(problem)


def test_reception_door_on_the_left_wall(tmp_path: Path) -> None:
    """The same rule from geometry: door in the left wall, the host side is on the entrant's right (-y)."""
    _, _, rows = solve_text(tmp_path, RECEPTION_3_3.format(door_x=0.0, door_y=5.0), party_csv(3, 3))
    pos = {r["id"]: (float(r["x"]), float(r["y"])) for r in rows}
    assert pos["H1"][0] == pos["G1"][0] > 8.0  # principals at the far (right) wall
    assert all(pos[f"H{k}"][1] < 5.0 < pos[f"G{k}"][1] for k in (1, 2, 3))


def test_t22_talks_table_pointing_at_the_door(tmp_path: Path) -> None:
    """T22 (R-MTG-4): guests on PV-right, hosts on PV-left, chiefs opposite; interpreters at the table."""
    problem, _, rows = solve_example("talks", tmp_path)
    door = problem.layout.venue.main_door
    assert door is not None
    by_section: dict[str, list[dict[str, str]]] = {}
    for r in rows:
        by_section.setdefault(r["section"], []).append(r)
    assert all(float(r["x"]) > door.x for r in by_section["guest"] + by_section["interpreter-guest"])
    assert all(float(r["x"]) < door.x for r in by_section["host"] + by_section["interpreter-host"])
    chief = {s: next(r for r in by_section[s] if r["rank"] == "1") for s in ("host", "guest")}
    assert chief["host"]["y"] == chief["guest"]["y"]
    # host interpreter at the host chief's own right: the host side faces +x, his right is -y
    hi, gi = by_section["interpreter-host"][0], by_section["interpreter-guest"][0]
    assert float(hi["y"]) < float(chief["host"]["y"]) and hi["y"] == gi["y"]
    # INTL: No.2 on the chief's right, beyond the interpreter (rule book §6)
    h2 = next(r for r in by_section["host"] if r["rank"] == "2")
    assert float(h2["y"]) < float(hi["y"])
    # 0.6–0.8 m of table per person (R-PHY-8)
    ys = sorted({float(r["y"]) for r in by_section["host"] + by_section["interpreter-host"]})
    assert all(0.6 - 1e-9 <= b - a <= 0.8 + 1e-9 for a, b in zip(ys, ys[1:]))


def test_t23_signing(tmp_path: Path) -> None:
    """T23 (R-MTG-6): standing row in the signers' view ``H4 H3 H2 H1 ‖ G1 G2 G3 G4``."""
    problem, _, rows = solve_example("signing", tmp_path)
    standing = [r for r in rows if r["section"] in ("host", "guest")]
    names = side_labels(rows, problem, {r["id"] for r in standing})
    standing.sort(key=lambda r: -float(r["x"]))  # signers face the door (-y): their own left is +x
    seq = [names[r["id"]] for r in standing]
    cut = sum(1 for s in seq if s.startswith("H"))
    assert [*seq[:cut], "‖", *seq[cut:]] == ["H4", "H3", "H2", "H1", "‖", "G1", "G2", "G3", "G4"]
    sec = {r["section"]: r for r in rows}
    assert float(sec["signer-host"]["x"]) > float(sec["signer-guest"]["x"])  # host signer on the signers' left
    # assistants on the outer side of their own signer
    assert float(sec["assistant-host"]["x"]) > float(sec["signer-host"]["x"])
    assert float(sec["assistant-guest"]["x"]) < float(sec["signer-guest"]["x"])
    # each flag directly in front of its own signer, on the table
    flags = {s.label: Polygon(s.points).centroid for s in problem.layout.shapes if s.kind is ShapeKind.OBSTACLE}
    table = next(Polygon(s.points) for s in problem.layout.shapes if s.kind is ShapeKind.TABLE)
    for label_, who in (("主方旗", "signer-host"), ("客方旗", "signer-guest")):
        assert flags[label_].x == pytest.approx(float(sec[who]["x"]), abs=0.01)
        assert flags[label_].y < float(sec[who]["y"]) and table.contains(flags[label_])


def test_t24_international_photo(tmp_path: Path) -> None:
    """T24 (R-MTG-7): INTL front row, camera view ``H2 G1 H1 G2 H3``; hosts hold both ends of every row."""
    problem, _, rows = solve_example("photo", tmp_path)
    names = side_labels(rows, problem, {r["id"] for r in rows})
    front = sorted((r for r in rows if r["section"] == "photo-row-1"), key=lambda r: float(r["x"]))
    assert [names[r["id"]] for r in front] == ["H2", "G1", "H1", "G2", "H3"]
    assert [r["seat"] for r in front] == ["1", "2", "3", "4", "5"]  # numbered from the camera's left
    back = sorted((r for r in rows if r["section"] == "photo-row-2"), key=lambda r: float(r["x"]))
    assert names[back[0]["id"]].startswith("H") and names[back[-1]["id"]].startswith("H")
    riser = [s for s in problem.layout.shapes if s.kind is ShapeKind.STAGE]
    assert riser and all(Polygon(riser[0].points).contains(Polygon(footprint(s, CHAIR)).centroid)
                         for s in problem.seats if s.section == "photo-row-2")


PHOTO_CN = """\
format_version = 1
title = "调研合影"
occasion = "photo"
convention = "cn"
attendees = "attendees.csv"
[venue]
width = 10.0
depth = 8.0
[[venue.doors]]
x = 5.0
y = 0.0
main = true
{extra}
"""


def test_cn_photo_row_of_seven(tmp_path: Path) -> None:
    """R-MTG-7 CN: one row of 7, camera view ``7 5 3 1 2 4 6`` (like a dais, R-DAIS-3)."""
    people = "编号,姓名,单位,职务,排序\n" + "\n".join(f"P{k},领导{k},市委,职务,{k}" for k in range(1, 8)) + "\n"
    problem, _, rows = solve_text(tmp_path, PHOTO_CN.format(extra=""), people)
    row = sorted(rows, key=lambda r: float(r["x"]))
    assert [int(r["rank"]) for r in row] == [7, 5, 3, 1, 2, 4, 6]
    assert {r["section"] for r in rows} == {"photo-row-1"}
    assert_geometry(problem)


def test_cn_photo_two_rows(tmp_path: Path) -> None:
    """Front row first: ranks 1-5 in front, 6-9 behind, each row centre-out."""
    people = "编号,姓名,单位,职务,排序\n" + "\n".join(f"P{k},领导{k},市委,职务,{k}" for k in range(1, 10)) + "\n"
    _, _, rows = solve_text(tmp_path, PHOTO_CN.format(extra="[photo]\nrows = [5, 4]"), people)
    front = sorted((r for r in rows if r["section"] == "photo-row-1"), key=lambda r: float(r["x"]))
    back = sorted((r for r in rows if r["section"] == "photo-row-2"), key=lambda r: float(r["x"]))
    assert [int(r["rank"]) for r in front] == [5, 3, 1, 2, 4]
    assert [int(r["rank"]) for r in back] == [8, 6, 7, 9]  # R-DAIS-4 V1: AV `3 1 2 4` of the row
    assert all(float(b["y"]) > float(front[0]["y"]) for b in back)


def test_r_mtg_8_small_room(tmp_path: Path) -> None:
    """R-MTG-8: the chair faces the door; his side in his own view ``6 4 2 1 3 5 7``."""
    problem, _, rows = solve_example("meeting-room", tmp_path)
    chair = next(r for r in rows if r["section"] == "chair")
    assert chair["rank"] == "1"
    door = problem.layout.venue.main_door
    assert door is not None and float(chair["y"]) > door.y
    side = [r for r in rows if r["y"] == chair["y"] and r["section"] in ("chair", "participant")]
    side.sort(key=lambda r: -float(r["x"]))  # facing the door (-y): his own left is +x
    assert [int(r["rank"]) for r in side] == [6, 4, 2, 1, 3, 5, 7]
    opposite = [r for r in rows if r["section"] == "participant" and float(r["y"]) < float(chair["y"])]
    assert min(int(r["rank"]) for r in opposite) == 8
    seat = next(s for s in problem.seats if s.section == "chair")
    assert seat.facing == pytest.approx(270.0)


MEETING_ROOM = """\
format_version = 1
title = "巡察情况反馈会"
occasion = "meeting-room"
convention = "cn"
attendees = "attendees.csv"
[venue]
width = 10.0
depth = 9.0
[[venue.doors]]
x = 5.0
y = 0.0
main = true
[meeting_room]
{extra}
"""


def test_r_mtg_9_face_to_face(tmp_path: Path) -> None:
    """R-MTG-9: superiors (客) face the door, S1 directly opposite H1, each side like a dais row."""
    csv_text = party_csv(5, 5, "N1,记录员,县委办,科员,9,主,记录\n")
    problem, plan, rows = solve_text(tmp_path, MEETING_ROOM.format(extra='mode = "face-to-face"'), csv_text)
    pos = {r["id"]: (float(r["x"]), float(r["y"])) for r in rows}
    assert pos["G1"][0] == pos["H1"][0]  # 1号对1号
    assert all(pos[f"G{k}"][1] > pos[f"H{k}"][1] for k in range(1, 6))  # superiors on the far side
    sup = sorted((f"G{k}" for k in range(1, 6)), key=lambda a: -pos[a][0])  # their own view (facing -y)
    assert sup == ["G4", "G2", "G1", "G3", "G5"]
    host = sorted((f"H{k}" for k in range(1, 6)), key=lambda a: pos[a][0])  # own view (facing +y)
    assert host == ["H4", "H2", "H1", "H3", "H5"]
    assert plan.seat_of["N1"] and problem.seat(plan.seat_of["N1"]).section == "note-taker"
    assert_geometry(problem)


def test_same_side_and_head_of_table(tmp_path: Path) -> None:
    """同侧平坐式: superior at the host's own right (PV-left); head of table: No.2 at the chair's own left."""
    (tmp_path / "a").mkdir()
    _, _, rows = solve_text(tmp_path / "a", MEETING_ROOM.format(extra='mode = "same-side"'), party_csv(3, 2))
    pos = {r["id"]: (float(r["x"]), float(r["y"])) for r in rows}
    assert pos["G1"][1] == pos["H1"][1] and pos["G1"][0] < pos["H1"][0]
    assert pos["G2"][0] < pos["G1"][0] < pos["H1"][0] < pos["H2"][0] < pos["H3"][0]
    (tmp_path / "b").mkdir()
    people = "编号,姓名,单位,职务,排序\n" + "\n".join(f"P{k},领导{k},市委,职务,{k}" for k in range(1, 8)) + "\n"
    problem, _, rows = solve_text(tmp_path / "b", MEETING_ROOM.format(extra='mode = "head-of-table"'), people)
    pos = {r["rank"]: (float(r["x"]), float(r["y"])) for r in rows}
    assert pos["1"][1] == max(p[1] for p in pos.values())  # head at the far end, facing the door
    assert pos["2"][0] > pos["1"][0] > pos["3"][0]  # facing -y, his own left is +x
    assert pos["2"][1] == pos["3"][1] > pos["4"][1] == pos["5"][1]
    assert_geometry(problem)


@pytest.mark.parametrize(("wall", "sign"), [("left", 1), ("right", -1)])
def test_feature_wall(tmp_path: Path, wall: str, sign: int) -> None:
    """依景设座: the chair's back to the backdrop on the entrant's left / right wall."""
    people = "编号,姓名,单位,职务,排序\n" + "\n".join(f"P{k},领导{k},市委,职务,{k}" for k in range(1, 6)) + "\n"
    extra = f'mode = "feature-wall"\nfeature_wall = "{wall}"'
    problem, _, rows = solve_text(tmp_path, MEETING_ROOM.format(extra=extra), people)
    chair = next(s for s in problem.seats if s.section == "chair")
    assert chair.facing == pytest.approx(0.0 if wall == "left" else 180.0)
    pos = {r["rank"]: (float(r["x"]), float(r["y"])) for r in rows}
    # CN: No.2 at the chair's own left (+y when facing +x, -y when facing -x)
    assert sign * (pos["2"][1] - pos["1"][1]) > 0 and pos["2"][0] == pos["1"][0]


# --------------------------------------------------------------------------------------
# errors name the file, key and value
# --------------------------------------------------------------------------------------


def test_talks_too_long_for_the_room(tmp_path: Path) -> None:
    text = (EXAMPLES / "talks" / "plan.toml").read_text(encoding="utf-8")
    text = text.replace('orientation = "pointing"', 'orientation = "across"').replace("width = 10.0", "width = 5.0")
    (tmp_path / "plan.toml").write_text(text, encoding="utf-8")
    (tmp_path / "attendees.csv").write_bytes((EXAMPLES / "talks" / "attendees.csv").read_bytes())
    with pytest.raises(GeometryError) as info:
        build_problem(load_meeting(tmp_path / "plan.toml"))
    assert info.value.location.field == "talks.seat_pitch"
    assert "plan.toml" in str(info.value.location.file) and "Fix:" in str(info.value)


def test_reception_too_shallow(tmp_path: Path) -> None:
    with pytest.raises(GeometryError) as info:
        solve_text(tmp_path, RECEPTION_3_3.format(door_x=6.0, door_y=0.0).replace("depth = 10.0", "depth = 3.0"),
                   party_csv(8, 8))
    assert info.value.location.field == "reception.seats_per_side"


def test_missing_side_names_row_and_column(tmp_path: Path) -> None:
    csv_text = party_csv(2, 2) + "X1,无方,某单位,职务,3,,\n"
    with pytest.raises(ValidationError) as info:
        solve_text(tmp_path, RECEPTION_3_3.format(door_x=6.0, door_y=0.0), csv_text)
    assert info.value.location.row == 6 and info.value.location.field == "主客/side"


def test_bad_option_keys_and_values(tmp_path: Path) -> None:
    base = RECEPTION_3_3.format(door_x=6.0, door_y=0.0)
    with pytest.raises(PlanFileError, match="did you mean 'guest_hand'"):
        solve_text(tmp_path, base + "[reception]\nguest_hnd = \"left\"\n", party_csv(2, 2))
    with pytest.raises(PlanFileError) as info:
        solve_text(tmp_path, MEETING_ROOM.format(extra="chair_side = 6"), party_csv(6, 0).replace(",主,", ",,"))
    assert info.value.location.field == "meeting_room.chair_side"
    talks = base.replace('occasion = "reception"', 'occasion = "talks"') + "[talks]\nseat_pitch = 0.5\n"
    with pytest.raises(PlanFileError, match="R-PHY-8"):
        solve_text(tmp_path, talks, party_csv(2, 2))


def test_room_without_a_door(tmp_path: Path) -> None:
    text = RECEPTION_3_3.format(door_x=6.0, door_y=0.0).split("[[venue.doors]]")[0]
    with pytest.raises(GeometryError) as info:
        solve_text(tmp_path, text, party_csv(2, 2))
    assert info.value.location.field == "venue.doors"


def test_capacity_is_named(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as info:
        solve_text(tmp_path, RECEPTION_3_3.format(door_x=6.0, door_y=0.0) + "[reception]\nseats_per_side = 1\n",
                   party_csv(3, 3))
    assert info.value.location.field == "reception.seats_per_side"


def test_outputs_are_deterministic(tmp_path: Path) -> None:
    solve_example("signing", tmp_path)
    first = _SOLVED["signing"][3]
    again = tmp_path / "again"
    assert main(["solve", str(EXAMPLES / "signing" / "plan.toml"), "--out", str(again)]) == 0
    for name in OUTPUT_FILES:
        if name != "summary.json":
            assert (first / name).read_bytes() == (again / name).read_bytes(), name
