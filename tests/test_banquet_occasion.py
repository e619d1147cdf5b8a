"""The banquet occasion end to end: layout, table and place ranks, seating, outputs.

Geometry is checked with shapely here, independently of the layout code: chair footprints
are rebuilt from each seat's position and facing. "The host's right" is computed from the
host's facing vector, never from seat ids or numbers.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import warnings
from pathlib import Path

import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import Polygon

from seatplan.check import check_plan
from seatplan.cli import main
from seatplan.errors import GeometryError, PlanFileError, ValidationError
from seatplan.io.plan_file import load_meeting, meeting_from_dict
from seatplan.layout.banquet import (
    CHAIR_DEPTH,
    CHAIR_WIDTH,
    MIN_TABLE_GAP,
    compose_rows,
    generate_banquet,
)
from seatplan.model import Door, Seat, SeatingProblem, ShapeKind, Venue
from seatplan.occasions.banquet import BanquetWarning, plan_banquet
from seatplan.pipeline import OUTPUT_FILES, build_problem
from seatplan.protocol.banquet import MainRule, door_inward, rank_tables, table_diameter
from seatplan.solve import solve

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "banquet" / "plan.toml"
INTL = ROOT / "examples" / "banquet-intl" / "plan.toml"


# --------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------


def footprint(seat: Seat) -> Polygon:
    """The chair as a rectangle: depth along the facing, width across it."""
    a = math.radians(seat.facing)
    f = (math.cos(a), math.sin(a))
    left = (-f[1], f[0])
    hd, hw = CHAIR_DEPTH / 2, CHAIR_WIDTH / 2
    return Polygon(
        [
            (seat.x + sf * f[0] * hd + sl * left[0] * hw, seat.y + sf * f[1] * hd + sl * left[1] * hw)
            for sf, sl in ((1, 1), (-1, 1), (-1, -1), (1, -1))
        ]
    )


def tables_of(problem: SeatingProblem) -> dict[str, list[Seat]]:
    out: dict[str, list[Seat]] = {}
    for s in problem.seats:
        if "stool" not in s.tags:
            out.setdefault(s.table, []).append(s)
    return out


def centre_of(seats: list[Seat]) -> tuple[float, float]:
    return (sum(s.x for s in seats) / len(seats), sum(s.y for s in seats) / len(seats))


def assert_geometry(problem: SeatingProblem, *, table_gap: float, wall_gap: float) -> None:
    """No chair overlaps another chair, a table, an obstacle or the stage; gaps and walkways kept."""
    venue = problem.layout.venue
    room = Polygon(venue.outline)
    circles = [Polygon(s.points) for s in problem.layout.shapes if s.kind is ShapeKind.TABLE]
    assert len(circles) == len(tables_of(problem))
    chairs = [footprint(s) for s in problem.seats]
    shrink = 0.004  # touching (a chair flush with its table, R-PHY-11) is not overlapping
    small = [c.buffer(-shrink) for c in chairs]
    tree = shapely.STRtree(small)
    a, b = tree.query(small, predicate="intersects")
    assert [(int(i), int(j)) for i, j in zip(a, b) if i < j] == []
    for c in small:
        assert not any(c.intersects(t) for t in circles)
        assert room.contains(c)
        assert not any(c.intersects(Polygon(o)) for o in venue.obstacles)
        if venue.stage_depth > 0:
            stage = shapely.box(*room.bounds).intersection(
                shapely.box(room.bounds[0], room.bounds[3] - venue.stage_depth, room.bounds[2], room.bounds[3])
            )
            assert not c.intersects(stage)
    places = [footprint(s) for s in problem.seats if "stool" not in s.tags]
    for c in places:  # walkway to the walls (R-PHY-11 related dimensions)
        assert c.distance(room.exterior) >= wall_gap - 1e-6
        assert all(c.distance(Polygon(o)) >= wall_gap - 1e-6 for o in venue.obstacles)
    for i in range(len(circles)):
        for j in range(i + 1, len(circles)):
            assert circles[i].distance(circles[j]) >= max(table_gap, MIN_TABLE_GAP) - 0.01


def pv_rows(problem: SeatingProblem) -> list[str]:
    """Table numbers row by row, top (far from the door) first, left to right (PV)."""
    rows: dict[float, list[tuple[float, str]]] = {}
    for label, seats in tables_of(problem).items():
        x, y = centre_of(seats)
        rows.setdefault(round(y, 1), []).append((x, label))
    return [" ".join(label for _, label in sorted(v)) for _, v in sorted(rows.items(), reverse=True)]


def write_people(folder: Path, hosts: int, guests: int, extra: str = "", header: str = "") -> None:
    lines = [header or "编号,姓名,单位,职务,排序,主客,标签"]
    lines += [f"H{k:02d},主人{k},主办方,主人职务{k},{k},主方," for k in range(1, hosts + 1)]
    lines += [f"G{k:03d},客人{k},客方单位{(k - 1) // 6 + 1},客人职务{k},{k},客方," for k in range(1, guests + 1)]
    lines += [line for line in extra.splitlines() if line]
    (folder / "people.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def banquet_meeting(folder: Path, banquet: dict | None = None, venue: dict | None = None, **top: object):
    data: dict = {
        "title": "测试宴会",
        "occasion": "banquet",
        "attendees": "people.csv",
        "venue": venue or {"width": 30.0, "depth": 24.0, "doors": [{"x": 15.0, "y": 0.0, "main": True}]},
    }
    if banquet is not None:
        data["banquet"] = banquet
    data.update(top)
    return meeting_from_dict(data, base_dir=folder, source=folder / "plan.toml")


def host_right_neighbour(table: list[Seat], host: Seat) -> Seat:
    """The seat next to ``host`` on his own right hand, from his facing vector."""
    a = math.radians(host.facing)
    right = (math.sin(a), -math.cos(a))  # facing turned 90° clockwise
    others = [s for s in table if s.id != host.id]
    on_right = [s for s in others if (s.x - host.x) * right[0] + (s.y - host.y) * right[1] > 0.05]
    return min(on_right, key=lambda s: math.hypot(s.x - host.x, s.y - host.y))


def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines()))


# --------------------------------------------------------------------------------------
# the 120-guest example, end to end through the command line
# --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def example_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("banquet") / "out"
    with warnings.catch_warnings():
        warnings.simplefilter("error", BanquetWarning)  # the example is clean: no R-BNQ warning
        assert main(["solve", str(EXAMPLE), "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def example_problem() -> SeatingProblem:
    return build_problem(load_meeting(EXAMPLE))


def test_example_outputs(example_out: Path) -> None:
    for name in OUTPUT_FILES:
        assert (example_out / name).stat().st_size > 0, name
    rows = read_csv(example_out / "seats.csv")
    assert len(rows) == 120
    assert {r["section"] for r in rows} == {"banquet"}
    assert sorted({r["table"] for r in rows}, key=int) == [str(k) for k in range(1, 13)]
    assert all(r["row"] == r["table"] for r in rows)  # row = table rank = table number
    per_table = {t: sorted(int(r["seat"]) for r in rows if r["table"] == t) for t in {r["table"] for r in rows}}
    assert all(nums == list(range(1, 11)) for nums in per_table.values())
    # the main table is named as on the diagrams, with its number (主桌（1号桌）), the others by number
    assert all(r["label"] == ("主桌（1号桌）" if r["table"] == "1" else f"{r['table']}号桌") + f" {r['seat']}号"
               for r in rows)
    hosts = {r["table"]: r for r in rows if r["id"].startswith("H")}
    assert {t: r["seat"] for t, r in hosts.items()} == {str(k): "1" for k in range(1, 13)}  # R-BNQ-6
    assert hosts["1"]["rank"] == "1" and hosts["12"]["rank"] == "12"
    summary = json.loads((example_out / "summary.json").read_text(encoding="utf-8"))
    assert summary["seated"] == summary["attendees"] == 120 and summary["unseated"] == 0
    assert summary["sections"] == {"banquet": {"seats": 120, "seated": 120}}
    assert (example_out / "cards.pdf").read_bytes().startswith(b"%PDF")
    assert (example_out / "seats.xlsx").read_bytes().startswith(b"PK")
    assert b"<svg" in (example_out / "plan.svg").read_bytes()[:2000]


def test_example_geometry(example_problem: SeatingProblem) -> None:
    assert len(example_problem.seats) == 120
    assert_geometry(example_problem, table_gap=1.8, wall_gap=0.9)
    venue = example_problem.layout.venue
    stage = shapely.box(0.0, 18.0 - venue.stage_depth, 24.0, 18.0)
    assert min(footprint(s).distance(stage) for s in example_problem.seats) >= 1.5 - 1e-6  # stage_gap
    for table, seats in tables_of(example_problem).items():
        cx, cy = centre_of(seats)
        radius = table_diameter(len(seats)) / 2
        assert radius == pytest.approx(0.9)  # R-PHY-10: 10 places, 1.8 m
        for s in seats:  # every chair faces the table centre, its front edge at the table edge
            a = math.radians(s.facing)
            to_centre = math.atan2(cy - s.y, cx - s.x)
            assert abs(math.remainder(a - to_centre, 2 * math.pi)) < 1e-3
            assert math.hypot(s.x - cx, s.y - cy) == pytest.approx(radius + CHAIR_DEPTH / 2, abs=1e-3)
        gaps = sorted(
            abs(math.remainder(math.atan2(p.y - cy, p.x - cx) - math.atan2(q.y - cy, q.x - cx), 2 * math.pi))
            for p in seats
            for q in seats
            if p.number < q.number
        )
        assert gaps[0] == pytest.approx(2 * math.pi / 10, abs=1e-3)  # evenly spaced


def test_example_table_numbers_follow_rank_tables(example_problem: SeatingProblem) -> None:
    venue = example_problem.layout.venue
    groups = tables_of(example_problem)
    labels = sorted(groups, key=int)
    centres = [centre_of(groups[t]) for t in labels]
    door = venue.main_door
    assert door is not None
    xmin, _, xmax, ymax = venue.bounds
    ranks = rank_tables(
        centres,
        door=door,
        stage=((xmin + xmax) / 2, ymax - venue.stage_depth),
        inward=door_inward(venue.outline, door),
        main_rule=MainRule.STAGE,
    )
    assert [str(r) for r in ranks] == labels
    # the main table at the front centre, on the room's axis, nearest the stage
    main = centres[0]
    assert main[0] == pytest.approx((xmin + xmax) / 2)
    assert main[1] == max(c[1] for c in centres)
    # staggered 5 / 4 / 3 (R-BNQ-5 by distance, ties: same row, far, host's right = PV-left)
    assert pv_rows(example_problem) == ["9 2 1 3 10", "6 4 5 7", "11 8 12"]
    shapes = {s.label for s in example_problem.layout.shapes if s.kind is ShapeKind.TABLE}
    assert shapes == {"主桌"} | {f"{k}号桌" for k in range(2, 13)}


def test_example_top_guest_at_the_hosts_right(example_problem: SeatingProblem) -> None:
    plan = solve(example_problem).require_plan()
    assert check_plan(example_problem, plan) == []
    occupant = plan.occupant_of()
    people = {a.id: a for a in example_problem.attendees}
    host = min((a for a in example_problem.attendees if a.side == "host"), key=lambda a: a.rank)
    guest = min((a for a in example_problem.attendees if a.side != "host"), key=lambda a: a.rank)
    host_seat = example_problem.seat(plan.seat_of[host.id])
    table = tables_of(example_problem)[host_seat.table]
    assert host_seat.table == "1"
    # the host faces the main door (面门为主): his seat is the one whose facing points most at it
    door = example_problem.layout.venue.main_door
    assert door is not None

    def facing_error(s: Seat) -> float:
        to_door = math.atan2(door.y - s.y, door.x - s.x)
        return abs(math.remainder(math.radians(s.facing) - to_door, 2 * math.pi))

    assert host_seat == min(table, key=facing_error)
    # R-BNQ-7: G1 at the host's right, G2 at his left
    right = host_right_neighbour(table, host_seat)
    assert occupant[right.id] == guest.id
    a = math.radians(host_seat.facing)
    left_vec = (-math.sin(a), math.cos(a))
    left = min(
        (s for s in table if (s.x - host_seat.x) * left_vec[0] + (s.y - host_seat.y) * left_vec[1] > 0.05),
        key=lambda s: math.hypot(s.x - host_seat.x, s.y - host_seat.y),
    )
    second = sorted((p for p in people.values() if p.side != "host"), key=lambda p: p.rank)[1]
    assert occupant[left.id] == second.id
    # R-BNQ-6: every table's host faces the same way as the main host
    for label, seats in tables_of(example_problem).items():
        first = next(s for s in seats if s.number == 1)
        assert first.facing == pytest.approx(host_seat.facing)
        assert people[occupant[first.id]].side == "host"


# --------------------------------------------------------------------------------------
# the international example: CLI, determinism, INT variant, interpreters
# --------------------------------------------------------------------------------------


def test_deterministic(tmp_path: Path) -> None:
    write_people(tmp_path, 4, 12, extra="T1,翻译甲,客方单位1,翻译,99,客方,翻译")
    plan = tmp_path / "plan.toml"
    plan.write_text(
        'title = "小型宴请"\noccasion = "banquet"\nattendees = "people.csv"\n'
        '[venue]\nwidth = 14.0\ndepth = 9.0\n[[venue.doors]]\nx = 7.0\ny = 0.0\nmain = true\n'
        '[banquet]\nrows = [2]\nseats_per_table = 8\ncohost = true\n[cards]\nsections = ["banquet"]\n',
        encoding="utf-8",
    )
    digests = []
    for k in range(2):
        out = tmp_path / f"run{k}"
        assert main(["solve", str(plan), "--out", str(out)]) == 0
        summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
        summary["solver"]["seconds"] = 0
        digests.append(
            {n: hashlib.sha256((out / n).read_bytes()).hexdigest() for n in OUTPUT_FILES if n != "summary.json"}
            | {"summary": json.dumps(summary, sort_keys=True)}
        )
    assert digests[0] == digests[1]
    rows = read_csv(tmp_path / "run0" / "seats.csv")
    assert len(rows) == 17 and all(r["table"] in {"1", "2"} for r in rows)
    assert {r["seat_id"] for r in rows if r["id"] == "T1"} == {"t01-i1"}  # behind the guest of honour
    assert (tmp_path / "run0" / "cards.pdf").read_bytes().startswith(b"%PDF")


def test_intl_variant_and_interpreters() -> None:
    problem = build_problem(load_meeting(INTL))
    plan = solve(problem).require_plan()
    assert check_plan(problem, plan) == []
    assert pv_rows(problem) == ["2 1 3"]  # T16 (R-BNQ-5): three tables in a row
    occ = plan.occupant_of()
    people = {a.id: a for a in problem.attendees}
    main_table = tables_of(problem)["1"]
    cx, cy = centre_of(main_table)
    host = next(s for s in main_table if occ[s.id] == "H01")
    cohost = next(s for s in main_table if occ[s.id] == "H02")
    # the co-host sits opposite the host (R-BNQ-8)
    assert math.hypot(host.x + cohost.x - 2 * cx, host.y + cohost.y - 2 * cy) < 1e-3
    # INT: G1 host's right, G2 co-host's right, G3 host's left, G4 co-host's left
    assert occ[host_right_neighbour(main_table, host).id] == "G01"
    assert occ[host_right_neighbour(main_table, cohost).id] == "G02"
    mirrored = [Seat(s.id, s.section, s.row, s.number, x=2 * cx - s.x, y=s.y, facing=(180 - s.facing) % 360) for s in main_table]
    m_host = next(s for s in mirrored if s.id == host.id)
    m_co = next(s for s in mirrored if s.id == cohost.id)
    assert occ[host_right_neighbour(mirrored, m_host).id] == "G03"  # right in the mirror = left
    assert occ[host_right_neighbour(mirrored, m_co).id] == "G04"
    # R-BNQ-10: interpreters on stools right behind their principals, not at the table
    for interp, principal in (("I02", "G01"), ("I01", "H01")):
        stool = problem.seat(plan.seat_of[interp])
        seat = problem.seat(plan.seat_of[principal])
        assert "stool" in stool.tags and people[interp].tags == frozenset({"interpreter"})
        assert math.hypot(stool.x - seat.x, stool.y - seat.y) == pytest.approx(0.6, abs=1e-3)
        assert math.hypot(stool.x - cx, stool.y - cy) > math.hypot(seat.x - cx, seat.y - cy)
    assert_geometry(problem, table_gap=2.0, wall_gap=0.9)


# --------------------------------------------------------------------------------------
# golden R-BNQ-5 layouts reachable from the plan file
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("banquet", "expected"),
    [
        ({"rows": [2]}, ["1 2"]),  # T15, R-BNQ-3
        ({"rows": [1, 1]}, ["1", "2"]),  # R-BNQ-3 one behind the other
        ({"rows": [3]}, ["2 1 3"]),  # T16
        ({"rows": [1, 2]}, ["1", "2 3"]),  # 品
        ({"rows": [2, 2]}, ["1 2", "3 4"]),
        ({"rows": [1, 4]}, ["1", "4 2 3 5"]),
        ({"rows": [2, 1, 2], "main_position": "centre"}, ["2 3", "1", "4 5"]),  # quincunx
        ({"rows": [3, 3]}, ["2 1 3", "5 4 6"]),
        ({"rows": [3, 4]}, ["2 1 3", "6 4 5 7"]),
        ({"rows": [3, 3, 3]}, ["2 1 3", "5 4 6", "8 7 9"]),  # T17
        ({"rows": [3, 3, 3], "main_position": "centre"}, ["6 4 7", "2 1 3", "8 5 9"]),
        ({"columns": 3, "tables": 9}, ["2 1 3", "5 4 6", "8 7 9"]),
        ({"rows": [3], "table_handedness": "left"}, ["3 1 2"]),  # R-BNQ-5 folk variant
        ({"rows": [3], "right_of": "entrant"}, ["3 1 2"]),  # R-BNQ-2 disagreement flag
    ],
)
def test_golden_layouts(tmp_path: Path, banquet: dict, expected: list[str]) -> None:
    n = sum(banquet.get("rows", [])) or banquet["tables"]
    write_people(tmp_path, n, 5 * n)
    meeting = banquet_meeting(tmp_path, {"seats_per_table": 6, **banquet})
    problem = build_problem(meeting)
    assert pv_rows(problem) == expected
    assert check_plan(problem, solve(problem).require_plan()) == []


def test_compose_rows() -> None:
    assert compose_rows(12, columns=5) == [5, 5, 2]
    assert compose_rows(12, columns=5, arrangement="staggered") == [5, 4, 3]
    assert compose_rows(9, columns=3, main_position="centre") == [3, 3, 3]
    assert compose_rows(5, columns=2, main_position="centre") == [2, 1, 2]
    for n in range(1, 30):
        for c in range(1, 8):
            for arr in ("grid", "staggered"):
                for pos in ("far", "centre"):
                    rows = compose_rows(n, columns=c, arrangement=arr, main_position=pos)
                    assert sum(rows) == n and min(rows) >= 1
                    if pos == "centre" and len(rows) > 1 and n > 2:
                        assert len(rows) % 2 == 1 and rows[len(rows) // 2] % 2 == 1
    with pytest.raises(ValidationError):
        compose_rows(0, columns=3)
    with pytest.raises(ValidationError):
        compose_rows(3, columns=3, arrangement="ring")


# --------------------------------------------------------------------------------------
# people: hosts, guests, R-BNQ-9, co-hosts, warnings, capacity
# --------------------------------------------------------------------------------------


def seating(meeting) -> tuple[SeatingProblem, dict[str, str]]:
    problem = build_problem(meeting)
    plan = solve(problem).require_plan()
    assert check_plan(problem, plan) == []
    return problem, plan.occupant_of()


def test_guest_outranks_host(tmp_path: Path) -> None:
    # one rank list for both sides: the guest of honour (rank 1) outranks the host (rank 2)
    lines = ["编号,姓名,主客,排序", "H1,县长,主方,2", "G1,副省长,客方,1"] + [f"G{k},客人{k},客方,{k + 1}" for k in range(2, 8)]
    (tmp_path / "people.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.warns(BanquetWarning, match="R-BNQ-9"):
        problem, occ = seating(banquet_meeting(tmp_path, {"tables": 1, "seats_per_table": 8}))
    main_table = tables_of(problem)["1"]
    place1 = next(s for s in main_table if s.number == 1)
    assert occ[place1.id] == "G1"  # the guest takes the host's seat ...
    assert occ[host_right_neighbour(main_table, place1).id] == "H1"  # ... the host the guest's (R1)
    _, occ = seating(banquet_meeting(tmp_path, {"tables": 1, "seats_per_table": 8, "guest_outranks_host": False}))
    assert occ[place1.id] == "H1"
    # separate rank lists (both start at 1): no exchange unless asked
    write_people(tmp_path, 1, 7)
    _, occ = seating(banquet_meeting(tmp_path, {"tables": 1, "seats_per_table": 8}))
    assert occ[place1.id] == "H01"
    _, occ = seating(banquet_meeting(tmp_path, {"tables": 1, "seats_per_table": 8, "guest_outranks_host": True}))
    assert occ[place1.id] == "G001"


def test_hosts_per_table_and_cohosts(tmp_path: Path) -> None:
    write_people(tmp_path, 6, 24)
    problem, occ = seating(banquet_meeting(tmp_path, {"tables": 3, "cohost": True, "variant": "cn-a"}))
    by_table = tables_of(problem)
    for label, seats in by_table.items():
        first, second = sorted(seats, key=lambda s: s.number)[:2]
        cx, cy = centre_of(seats)
        assert math.hypot(first.x + second.x - 2 * cx, first.y + second.y - 2 * cy) < 1e-3  # co-host opposite
    # H, CO of the main table; then the host of table 2, 3; then the co-hosts of table 2, 3
    expected = {"H01": ("1", 1), "H02": ("1", 2), "H03": ("2", 1), "H04": ("3", 1), "H05": ("2", 2), "H06": ("3", 2)}
    got = {occ[s.id]: (s.table, s.number) for s in problem.seats if occ.get(s.id, "").startswith("H")}
    assert got == expected
    # CN-A: G1 host's right, G2 host's left, G3 co-host's right (R-BNQ-8, T19)
    main_table = by_table["1"]
    host = next(s for s in main_table if s.number == 1)
    co = next(s for s in main_table if s.number == 2)
    assert occ[host_right_neighbour(main_table, host).id] == "G001"
    assert occ[host_right_neighbour(main_table, co).id] == "G003"
    # guests fill the main table, then table 2, then table 3, by rank
    guest_tables = [next(s.table for s in problem.seats if occ.get(s.id) == f"G{k:03d}") for k in range(1, 25)]
    assert guest_tables == ["1"] * 8 + ["2"] * 8 + ["3"] * 8


def test_fewer_hosts_than_tables_and_warnings(tmp_path: Path) -> None:
    write_people(tmp_path, 2, 45)  # 47 people: R-BNQ-1 odd total
    meeting = banquet_meeting(tmp_path, {})
    result = plan_banquet(meeting)
    assert [len(t.places) for t in result.tables] == [10, 10, 10, 9, 8]
    assert any(w.startswith("R-BNQ-1") and "47" in w for w in result.warnings)
    assert any(w.startswith("R-BNQ-6") and "tables 3, 4, 5" in w for w in result.warnings)
    with pytest.warns(BanquetWarning):
        problem, occ = seating(meeting)
    t3 = sorted(tables_of(problem)["3"], key=lambda s: s.number)
    assert occ[t3[0].id] == "G019"  # table 3's place 1 goes to its first guest (9 + 9 guests before)
    assert len(problem.seats) == 47 and len(occ) == 47
    # tables larger than 10 (R-BNQ-1)
    sizes = plan_banquet(banquet_meeting(tmp_path, {"tables": 4, "seats_per_table": 12}))
    assert any("R-BNQ-1" in w and "12" in w for w in sizes.warnings)


def test_more_hosts_than_host_seats(tmp_path: Path) -> None:
    write_people(tmp_path, 4, 14)
    with pytest.warns(BanquetWarning, match="R-BNQ-6"):
        problem, occ = seating(banquet_meeting(tmp_path, {"tables": 2, "seats_per_table": 10}))
    seat_of = {a: s for s, a in occ.items()}
    # 2 host seats; the other two host-side people follow the last guest (G014 at table 2, place 6)
    assert [(problem.seat(seat_of[a]).table, problem.seat(seat_of[a]).number) for a in ("G014", "H03", "H04")] == [
        ("2", 6),
        ("2", 7),
        ("2", 8),
    ]


def test_capacity(tmp_path: Path) -> None:
    write_people(tmp_path, 4, 43)
    with pytest.raises(ValidationError, match="cannot be seated") as err:
        build_problem(banquet_meeting(tmp_path, {"tables": 4}))
    assert err.value.location.field == "banquet.tables"
    problem = build_problem(banquet_meeting(tmp_path, {"tables": 4}, allow_unseated=True))
    plan = solve(problem).require_plan()
    assert sorted(plan.unseated) == [f"G{k:03d}" for k in range(37, 44)]  # 40 places for 47: the last 7 guests
    assert check_plan(problem, plan) == []


def test_interpreter_at_right(tmp_path: Path) -> None:
    write_people(tmp_path, 1, 8, extra="T1,翻译甲,客方单位1,翻译,99,客方,翻译")
    problem, occ = seating(banquet_meeting(tmp_path, {"tables": 1, "interpreters": "at-right"}))
    table = tables_of(problem)["1"]
    host = next(s for s in table if s.number == 1)
    g1 = host_right_neighbour(table, host)
    assert occ[g1.id] == "G001"
    assert occ[host_right_neighbour(table, g1).id] == "T1"  # R-BNQ-10: at the guest of honour's right
    assert problem.seat(next(s for s, a in occ.items() if a == "T1")).number == 10
    with pytest.raises(ValidationError, match="interpreters"):
        write_people(tmp_path, 1, 8, extra="T1,翻译甲,x,翻译,99,主方,翻译\nT2,翻译乙,x,翻译,99,主方,翻译")
        build_problem(banquet_meeting(tmp_path, {"tables": 1}))


# --------------------------------------------------------------------------------------
# the room: obstacles, fit, errors
# --------------------------------------------------------------------------------------


def test_obstacles_are_avoided(tmp_path: Path) -> None:
    write_people(tmp_path, 6, 54)
    pillar = [[13.2, 14.0], [13.8, 14.0], [13.8, 14.6], [13.2, 14.6]]
    venue = {
        "width": 30.0,
        "depth": 24.0,
        "stage_depth": 3.0,
        "doors": [{"x": 15.0, "y": 0.0, "main": True}],
        "obstacles": [{"points": pillar}],
    }
    problem, _ = seating(banquet_meeting(tmp_path, {"rows": [3, 3], "stage_gap": 1.0}, venue=venue))
    assert_geometry(problem, table_gap=1.5, wall_gap=0.9)


def test_tables_that_do_not_fit(tmp_path: Path) -> None:
    write_people(tmp_path, 2, 200)
    small = {"width": 12.0, "depth": 10.0, "doors": [{"x": 6.0, "y": 0.0, "main": True}]}
    with pytest.raises(GeometryError, match=r"at most about \d+ fit") as err:
        build_problem(banquet_meeting(tmp_path, {}, venue=small))
    assert err.value.location.field == "banquet.tables"
    assert str(err.value.location.file).endswith("plan.toml")
    with pytest.raises(GeometryError) as err:
        build_problem(banquet_meeting(tmp_path, {"rows": [10, 10, 2]}, venue=small))
    assert err.value.location.field == "banquet.rows"


@pytest.mark.parametrize(
    ("banquet", "field"),
    [
        ({"table_gap": 0.8}, "banquet.table_gap"),
        ({"tabels": 3}, "banquet.tabels"),
        ({"arrangement": "circle"}, "banquet.arrangement"),
        ({"rows": [3], "tables": 4}, "banquet.rows"),
        ({"guest_outranks_host": "maybe"}, "banquet.guest_outranks_host"),
        ({"tie_break": ["far", "far"]}, "banquet.tie_break"),
        ({"seats_per_table": 0}, "banquet.seats_per_table"),
        ({"variant": "cn-b"}, "banquet.variant"),
    ],
)
def test_bad_options(tmp_path: Path, banquet: dict, field: str) -> None:
    write_people(tmp_path, 1, 9)
    with pytest.raises(PlanFileError) as err:
        build_problem(banquet_meeting(tmp_path, banquet))
    assert err.value.location.field == field
    assert err.value.hint


def test_sections_are_rejected(tmp_path: Path) -> None:
    (tmp_path / "people.csv").write_text("姓名,座区,主客\n张三,主席台,主方\n李四,,客方\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="座区") as err:
        build_problem(banquet_meeting(tmp_path, {}))
    assert err.value.location.row == 2


def test_cli_reports_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_people(tmp_path, 1, 9)
    plan = tmp_path / "plan.toml"
    plan.write_text(
        'occasion = "banquet"\nattendees = "people.csv"\n[venue]\nwidth = 12.0\ndepth = 10.0\n'
        '[[venue.doors]]\nx = 6.0\ny = 0.0\nmain = true\n[banquet]\ntable_gap = 0.5\n',
        encoding="utf-8",
    )
    assert main(["solve", str(plan), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "banquet.table_gap" in err and "R-PHY-10" in err
    assert not (tmp_path / "out").exists()


# --------------------------------------------------------------------------------------
# property: any count of tables and sizes lays out cleanly and ranks consistently
# --------------------------------------------------------------------------------------


@settings(max_examples=25, deadline=None)
@given(
    n=st.integers(1, 14),
    size=st.sampled_from([6, 8, 10, 12]),
    arrangement=st.sampled_from(["grid", "staggered"]),
    position=st.sampled_from(["far", "centre"]),
    stage=st.sampled_from([0.0, 3.0]),
    door_x=st.sampled_from([6.0, 20.0, 34.0]),
)
def test_property_layout(n: int, size: int, arrangement: str, position: str, stage: float, door_x: float) -> None:
    venue = Venue.rectangle(40.0, 30.0, doors=(Door(door_x, 0.0, 2.0, True),), stage_depth=stage)
    result = generate_banquet(
        venue, sizes=[size] * n, arrangement=arrangement, main_position=position, cohost_tables={1}
    )
    seats = result.layout.seats
    assert len(seats) == n * size and len({s.id for s in seats}) == n * size
    assert sorted(t.rank for t in result.tables) == list(range(1, n + 1))
    problem = SeatingProblem(result.layout, (), ())
    assert_geometry(problem, table_gap=1.5, wall_gap=0.9)
    for t in result.tables:
        numbers = sorted(s.number for s in seats if s.table == t.label)
        assert numbers == list(range(1, size + 1))
        assert t.diameter == table_diameter(size)
    centres = [t.centre for t in result.tables]
    door = venue.main_door
    assert door is not None
    ranks = rank_tables(
        centres,
        door=door,
        stage=(20.0, 30.0 - stage) if stage and position == "far" else None,
        inward=door_inward(venue.outline, door),
        main_rule="centre" if position == "centre" else ("stage" if stage else "far"),
    )
    assert ranks == [t.rank for t in result.tables]


# --------------------------------------------------------------------------------------
# the diagram: table numbers once, place 1 framed in red
# --------------------------------------------------------------------------------------


def test_diagram_labels_tables_and_host_seats() -> None:
    from matplotlib.colors import to_hex

    from seatplan.render import draw_plan

    problem = build_problem(load_meeting(INTL))
    ax = draw_plan(problem, solve(problem).require_plan())
    texts = [t.get_text() for t in ax.texts]
    assert texts.count("主桌") == 1 and texts.count("2号桌") == 1 and texts.count("3号桌") == 1
    assert not any(t in texts for t in ("1桌", "2桌", "3桌"))  # no second label over the table number
    (seats,) = [c for c in ax.collections if c.get_gid() == "seats"]  # one marker per seat, in seat_ids order
    edges = {f"seat-{sid}": to_hex(edge) for sid, edge in zip(seats.seat_ids, seats.get_edgecolor())}
    assert {gid for gid, colour in edges.items() if colour == "#c00000"} == {"seat-t01-s01", "seat-t02-s01", "seat-t03-s01"}
