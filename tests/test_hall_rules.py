"""The meeting occasion end to end: every dais and floor option of the rule book (R-DAIS, R-AUD).

Each test solves a plan (a plan file, or a Meeting built in Python), reads the seat
list and states what a person sees. Frames: audience view (AV, 台下视角) left→right is
increasing x (the audience faces +y); stage view (SV, the dais's own left→right) is
decreasing x. Golden vectors T1–T14 are from the rule book §7.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seatplan import build_problem, check_plan, load_meeting, solve
from seatplan.errors import GeometryError, PlanFileError, ValidationError
from seatplan.export import build_seat_records, write_seats_csv
from seatplan.model import Attendee, Convention, DaisSpec, FloorSpec, Meeting, ShapeKind, Venue
from seatplan.model.meeting import BalconySpec, ReservedBlock
from seatplan.protocol import check_dais_sequence, dais_order, dais_slots

CN, INTL = "cn", "intl"


# --------------------------------------------------------------------------------- helpers


def write_plan(folder: Path, body: str, people: list[tuple]) -> Path:
    """A plan file with ``body`` (its tables) and a csv of (id, name, unit, rank, section, category, tags)."""
    lines = ["编号,姓名,单位,职务,排序,座区,身份,标签"]
    for pid, name, unit, rank, section, category, tags in people:
        lines.append(f"{pid},{name},{unit},,{rank},{section},{category},{tags}")
    (folder / "attendees.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    head = 'format_version = 1\ntitle = "测试"\nattendees = "attendees.csv"\n'
    plan = folder / "plan.toml"
    plan.write_text(head + body, encoding="utf-8")
    return plan


VENUE = """
[venue]
width = {width}
depth = {depth}
stage_depth = {stage}
"""


def leaders(n: int, *, tags: dict[int, str] | None = None) -> list[tuple]:
    tags = tags or {}
    return [(f"D{k:02d}", f"领导{k}", "主席团", k, "主席台", "", tags.get(k, "")) for k in range(1, n + 1)]


def members(units: list[tuple[str, int]], *, category: str = "", prefix: str = "P", tags: str = "") -> list[tuple]:
    out = []
    for u, count in units:
        for k in range(1, count + 1):
            out.append((f"{prefix}{u}{k:02d}", f"{u}{k}号", u, k, "", category, tags))
    return out


def solve_plan(plan: Path | Meeting, tmp: Path) -> tuple[object, list[dict[str, str]]]:
    """Solve, check with the independent checker, write seats.csv and read it back."""
    meeting = load_meeting(plan) if isinstance(plan, Path) else plan
    problem = build_problem(meeting)
    result = solve(problem)
    seated = result.require_plan()
    assert check_plan(problem, seated) == []
    path = tmp / "seats.csv"
    write_seats_csv(build_seat_records(problem, seated), path)
    with path.open(encoding="utf-8-sig", newline="") as f:
        return problem, list(csv.DictReader(f))


def dais_rows_av(rows: list[dict[str, str]], key: str = "rank") -> list[list[int]]:
    """Dais ``key`` values row by row (front first), AV left→right (increasing x)."""
    out: dict[int, list[tuple[float, int]]] = {}
    for r in rows:
        if r["section"].startswith("dais"):
            out.setdefault(int(r["row"]), []).append((float(r["x"]), int(r[key])))
    return [[v for _, v in sorted(out[k])] for k in sorted(out)]


def floor_rows_av(rows: list[dict[str, str]], key: str, section: str = "floor") -> list[list[str]]:
    out: dict[int, list[tuple[float, str]]] = {}
    for r in rows:
        if r["section"] == section:
            out.setdefault(int(r["row"]), []).append((float(r["x"]), r[key]))
    return [[v for _, v in sorted(out[k])] for k in sorted(out)]


def dais_slots_av(problem, rows: list[dict[str, str]]) -> list[int | None]:
    """Front dais row, AV left→right, with ``None`` for an empty chair."""
    rank_at = {r["seat_id"]: int(r["rank"]) for r in rows}
    front = sorted((s for s in problem.seats if s.is_dais and s.row == 1), key=lambda s: s.x)
    return [rank_at.get(s.id) for s in front]


def py_meeting(
    *,
    n_dais: int = 0,
    dais: DaisSpec | None = None,
    floor: FloorSpec | None = None,
    balcony: BalconySpec | None = None,
    people: list[Attendee] | None = None,
    convention: str = CN,
    width: float = 30.0,
    depth: float = 24.0,
    stage: float = 6.0,
    allow_unseated: bool = False,
) -> Meeting:
    crowd = [Attendee(f"D{k:02d}", f"领导{k}", unit="主席团", rank=k, section="dais") for k in range(1, n_dais + 1)]
    return Meeting(
        title="t", venue=Venue.rectangle(width, depth, stage_depth=stage), attendees=tuple(crowd + list(people or [])),
        convention=Convention(convention), dais=dais, floor=floor, balcony=balcony, allow_unseated=allow_unseated,
    )


def crowd(units: list[tuple[str, int]], *, category: str = "", tags: frozenset[str] = frozenset()) -> list[Attendee]:
    return [
        Attendee(f"{category or 'o'}-{u}-{k}", f"{u}{k}", unit=u, rank=k, category=category, tags=tags)
        for u, count in units
        for k in range(1, count + 1)
    ]


# ------------------------------------------------------ golden vectors T1–T11 (R-DAIS), both frames

DAIS_GOLDEN = [
    ("T1", 7, CN, "V1", [7, 5, 3, 1, 2, 4, 6], [6, 4, 2, 1, 3, 5, 7]),
    ("T2", 5, CN, "V1", [5, 3, 1, 2, 4], [4, 2, 1, 3, 5]),
    ("T3", 6, CN, "V1", [5, 3, 1, 2, 4, 6], [6, 4, 2, 1, 3, 5]),
    ("T4", 8, CN, "V1", [7, 5, 3, 1, 2, 4, 6, 8], [8, 6, 4, 2, 1, 3, 5, 7]),
    ("T5", 6, CN, "V2", [6, 4, 2, 1, 3, 5], [5, 3, 1, 2, 4, 6]),
    ("T6", 8, CN, "V2", [8, 6, 4, 2, 1, 3, 5, 7], [7, 5, 3, 1, 2, 4, 6, 8]),
    ("T9", 7, INTL, "V1", [6, 4, 2, 1, 3, 5, 7], [7, 5, 3, 1, 2, 4, 6]),
    ("T10", 6, INTL, "V1", [6, 4, 2, 1, 3, 5], [5, 3, 1, 2, 4, 6]),
]


@pytest.mark.parametrize(("tid", "n", "conv", "even", "av", "sv"), DAIS_GOLDEN, ids=[g[0] for g in DAIS_GOLDEN])
def test_golden_dais_sequences_from_the_plan_file(tmp_path, tid, n, conv, even, av, sv):
    body = f'convention = "{conv}"\n' + VENUE.format(width=20, depth=16, stage=5) + f'[dais]\nrows = [{n}]\neven_mode = "{even}"\n'
    _, rows = solve_plan(write_plan(tmp_path, body, leaders(n)), tmp_path)
    (front,) = dais_rows_av(rows)
    assert front == av
    assert front[::-1] == sv
    assert dais_rows_av(rows, "seat") == [av], "主席台 N号 is the N-th seat of precedence"


def test_t7_v3_fixed_chairs_leaves_the_av_left_chair_empty(tmp_path):
    body = VENUE.format(width=20, depth=16, stage=5) + '[dais]\nrows = [6]\neven_mode = "V3"\nfixed_chairs = true\n'
    problem, rows = solve_plan(write_plan(tmp_path, body, leaders(6)), tmp_path)
    slots = dais_slots_av(problem, rows)
    assert slots == [None, 5, 3, 1, 2, 4, 6] == dais_slots(6, even="V3", fixed_chairs=True)
    assert slots[::-1] == dais_slots(6, even="V3", fixed_chairs=True, view="stage")
    xs = sorted(s.x for s in problem.seats if s.is_dais)
    assert len({round(b - a, 6) for a, b in zip(xs, xs[1:])}) == 1, "fixed chairs keep a uniform pitch"
    no1 = next(r for r in rows if r["rank"] == "1")
    assert float(no1["x"]) == pytest.approx(10.0), "No.1 on the centre axis (R-DAIS-6)"


def test_v3_movable_chairs_put_no1_on_the_axis_with_uneven_pitch(tmp_path):
    body = VENUE.format(width=20, depth=16, stage=5) + '[dais]\nrows = [6]\neven_mode = "V3"\n'
    problem, rows = solve_plan(write_plan(tmp_path, body, leaders(6)), tmp_path)
    assert dais_rows_av(rows) == [[5, 3, 1, 2, 4, 6]]
    xs = {int(r["rank"]): float(r["x"]) for r in rows}
    assert xs[1] == pytest.approx(10.0)
    assert len([s for s in problem.seats if s.is_dais]) == 6, "movable chairs: no empty chair"
    left = xs[1] - xs[3]
    right = xs[2] - xs[1]
    assert left > right, "the side with one more person (AV-right under CN) is packed tighter"
    assert xs[1] - xs[5] == pytest.approx(xs[6] - xs[1]), "both ends line up"


def test_t8_equal_top_pair_leaves_the_centre_chair_empty_both_frames(tmp_path):
    body = VENUE.format(width=20, depth=16, stage=5) + "[dais]\nrows = [7]\nequal_top_pair = true\n"
    problem, rows = solve_plan(write_plan(tmp_path, body, leaders(7)), tmp_path)
    slots = dais_slots_av(problem, rows)
    assert slots == [6, 4, 2, None, 1, 3, 5, 7]
    assert slots[::-1] == [7, 5, 3, 1, None, 2, 4, 6]
    empty = next(s for s in problem.seats if s.is_dais and s.id not in {r["seat_id"] for r in rows})
    assert empty.x == pytest.approx(10.0), "the empty chair is on the centre axis"


def test_equal_top_pair_with_fixed_chairs_adds_an_empty_end_chair(tmp_path):
    body = VENUE.format(width=20, depth=16, stage=5) + "[dais]\nrows = [7]\nequal_top_pair = true\nfixed_chairs = true\n"
    problem, rows = solve_plan(write_plan(tmp_path, body, leaders(7)), tmp_path)
    assert dais_slots_av(problem, rows) == [None, 6, 4, 2, None, 1, 3, 5, 7]


def test_equal_top_pair_even_row_is_symmetric(tmp_path):
    body = VENUE.format(width=20, depth=16, stage=5) + "[dais]\nrows = [6]\nequal_top_pair = true\n"
    problem, rows = solve_plan(write_plan(tmp_path, body, leaders(6)), tmp_path)
    assert dais_slots_av(problem, rows) == [6, 4, 2, None, 1, 3, 5] == dais_slots(6, equal_top_pair=True)


def test_t11_two_rows_of_five_both_frames(tmp_path):
    body = VENUE.format(width=20, depth=16, stage=6) + "[dais]\nrows = [5, 5]\n"
    _, rows = solve_plan(write_plan(tmp_path, body, leaders(10)), tmp_path)
    front, back = dais_rows_av(rows)
    assert front == [5, 3, 1, 2, 4] and back == [10, 8, 6, 7, 9]
    assert front[::-1] == [4, 2, 1, 3, 5] and back[::-1] == [9, 7, 6, 8, 10]


def test_n2_follows_the_even_mode_like_n4(tmp_path):
    for even, two, four in (("V1", [1, 2], [3, 1, 2, 4]), ("V2", [2, 1], [4, 2, 1, 3])):
        for n, expected in ((2, two), (4, four)):
            folder = tmp_path / f"{even}{n}"
            folder.mkdir()
            body = VENUE.format(width=20, depth=16, stage=5) + f'[dais]\nrows = [{n}]\neven_mode = "{even}"\n'
            _, rows = solve_plan(write_plan(folder, body, leaders(n)), folder)
            assert dais_rows_av(rows) == [expected]


# ---------------------------------------------------------------- R-DAIS-10/11/12 options


def test_r_dais_10_role_tags_take_the_front_row(tmp_path):
    tags = {3: "执行主席", 6: "执行主席", 9: "执行主席"}
    body = VENUE.format(width=20, depth=16, stage=6) + '[dais]\nrows = [3, 6]\nfront_tags = ["执行主席"]\n'
    _, rows = solve_plan(write_plan(tmp_path, body, leaders(9, tags=tags)), tmp_path)
    front, back = dais_rows_av(rows)
    assert front == [9, 3, 6], "role holders in the front row, by rank (AV: 3rd, 1st, 2nd)"
    assert back == [7, 4, 1, 2, 5, 8]


def test_r_dais_10_too_many_role_holders(tmp_path):
    tags = {k: "执行主席" for k in (1, 2, 3, 4)}
    body = VENUE.format(width=20, depth=16, stage=6) + '[dais]\nrows = [3, 6]\nfront_tags = ["执行主席"]\n'
    with pytest.raises(ValidationError, match="front-row role"):
        build_problem(load_meeting(write_plan(tmp_path, body, leaders(9, tags=tags))))


def test_r_dais_10_presider_and_role_holders_must_fit_the_front_row(tmp_path):
    tags = {2: "执行主席", 3: "执行主席", 7: "主持人"}
    body = VENUE.format(width=20, depth=16, stage=6) + '[dais]\nrows = [2, 6]\nfront_tags = ["执行主席"]\npresider = "centre"\n'
    with pytest.raises(ValidationError, match="do not fit"):
        build_problem(load_meeting(write_plan(tmp_path, body, leaders(8, tags=tags))))
    tags[7] = "主持人、执行主席"
    tags[3] = ""
    _, rows = solve_plan(write_plan(tmp_path, body, leaders(8, tags=tags)), tmp_path)
    assert dais_rows_av(rows)[0] == [7, 2], "the presider in seat 1 (V1 pair: AV-left), the other 执行主席 at his own left"


def test_r_dais_11_aisle_never_splits_the_first_row(tmp_path):
    body = VENUE.format(width=24, depth=18, stage=6) + "[dais]\nrows = [7, 7, 6]\naisle_width = 1.2\n"
    problem, rows = solve_plan(write_plan(tmp_path, body, leaders(20)), tmp_path)
    by_row: dict[int, list[float]] = {}
    for s in problem.seats:
        if s.is_dais:
            by_row.setdefault(s.row, []).append(s.x)
    for r, xs in by_row.items():
        gaps = [b - a for a, b in zip(sorted(xs), sorted(xs)[1:])]
        if r == 1:
            assert max(gaps) == pytest.approx(1.0), "row 1 is one unbroken row"
        else:
            assert max(gaps) == pytest.approx(2.2), f"row {r} has a 1.2 m centre aisle"
            assert min(xs) < 12 < max(xs) and all(abs(x - 12) > 1.09 for x in xs), "the aisle is on the axis"
    front, second, third = dais_rows_av(rows)
    # read across the aisle each row keeps its centre-out order (R-DAIS-3/4): 7 → odd, 6 → V1
    assert [r - 7 for r in second] == dais_order(7) and [r - 14 for r in third] == dais_order(6)
    assert front == dais_order(7)
    tables = [s for s in problem.layout.shapes if s.kind is ShapeKind.TABLE]
    assert len(tables) == 5, "one table in row 1, two halves in rows 2 and 3"


def test_r_dais_11_aisle_from_row_1_is_refused(tmp_path):
    body = VENUE.format(width=24, depth=18, stage=6) + "[dais]\nrows = [7, 7]\naisle_width = 1.2\naisle_from_row = 1\n"
    with pytest.raises(PlanFileError, match="R-DAIS-11") as info:
        load_meeting(write_plan(tmp_path, body, leaders(14)))
    assert info.value.location.field == "dais.aisle_from_row"


@pytest.mark.parametrize(
    ("presider", "extra", "front_av"),
    [
        ("centre", "", [4, 2, 5, 1, 3]),  # the presider (rank 5) in seat 1; ranks 1–4 move one seat out
        ("end", "", [5, 3, 1, 2, 4]),  # stage-right end = AV-left end; that is the seat of rank 5 anyway
        ("end", 'presider_end = "left"\n', [4, 3, 1, 2, 5]),  # the dais's own left end = AV-right end
        ("end", 'presider_end = "left"\nside_view = "audience"\n', [5, 3, 1, 2, 4]),
        ("rank", "", [5, 3, 1, 2, 4]),
    ],
)
def test_r_dais_12_presider_seat(tmp_path, presider, extra, front_av):
    body = VENUE.format(width=20, depth=16, stage=6) + f'[dais]\nrows = [5, 5]\npresider = "{presider}"\n' + extra
    _, rows = solve_plan(write_plan(tmp_path, body, leaders(10, tags={5: "主持人"})), tmp_path)
    assert dais_rows_av(rows)[0] == front_av


def test_r_dais_12_presider_by_rank_never_sits_in_a_back_row(tmp_path):
    body = VENUE.format(width=20, depth=16, stage=6) + "[dais]\nrows = [5, 5]\n"
    _, rows = solve_plan(write_plan(tmp_path, body, leaders(10, tags={9: "主持人"})), tmp_path)
    front, back = dais_rows_av(rows)
    assert 9 in front and front == [9, 3, 1, 2, 4], "the presider takes the last front-row place"
    assert back == [10, 7, 5, 6, 8]


def test_r_dais_12_presider_option_needs_a_tagged_presider(tmp_path):
    body = VENUE.format(width=20, depth=16, stage=6) + '[dais]\nrows = [5]\npresider = "centre"\n'
    with pytest.raises(ValidationError, match="主持人"):
        build_problem(load_meeting(write_plan(tmp_path, body, leaders(5))))
    body = VENUE.format(width=20, depth=16, stage=6) + "[dais]\nrows = [5]\n"
    with pytest.raises(ValidationError, match="presider"):
        build_problem(load_meeting(write_plan(tmp_path, body, leaders(5, tags={1: "主持人", 2: "主持"}))))


def test_r_dais_12_presider_at_the_end_of_the_occupied_front_row(tmp_path):
    body = VENUE.format(width=20, depth=16, stage=6) + '[dais]\nrows = [9]\npresider = "end"\n'
    problem, rows = solve_plan(write_plan(tmp_path, body, leaders(5, tags={2: "主持人"})), tmp_path)
    xs = sorted(float(r["x"]) for r in rows)
    assert [round(b - a, 6) for a, b in zip(xs, xs[1:])] == [1.0] * 4, "five people side by side, no gap"
    assert dais_rows_av(rows) == [[2, 4, 1, 3, 5]], "the presider (rank 2) at the AV-left end; 1, 3, 4, 5 take seats 1号–4号"


@pytest.mark.parametrize(
    ("lectern", "view", "where"),
    [("front", "stage", "centre"), ("front-right", "stage", "left"), ("front-right", "audience", "right"),
     ("front-left", "stage", "right")],
)
def test_r_dais_12_lectern_position(tmp_path, lectern, view, where):
    body = VENUE.format(width=20, depth=16, stage=6) + f'[dais]\nrows = [5]\nlectern = "{lectern}"\nside_view = "{view}"\n'
    problem, rows = solve_plan(write_plan(tmp_path, body, leaders(5)), tmp_path)
    (lect,) = [s for s in problem.layout.shapes if s.kind is ShapeKind.LECTERN]
    x = sum(p[0] for p in lect.points) / 4
    y = max(p[1] for p in lect.points)
    assert y < min(float(r["y"]) for r in rows) - 0.7, "the lectern stands in front of the dais table"
    assert {"centre": x == pytest.approx(10.0), "left": x < 8, "right": x > 12}[where]
    body = VENUE.format(width=20, depth=16, stage=6) + "[dais]\nrows = [5]\n"
    folder = tmp_path / "none"
    folder.mkdir()
    problem, _ = solve_plan(write_plan(folder, body, leaders(5)), folder)
    assert not [s for s in problem.layout.shapes if s.kind is ShapeKind.LECTERN]


# ------------------------------------------------------------------- floor: T12, T13, T14


def test_t12_rows_fill_12_people_rows_of_5(tmp_path):
    people = [(f"P{k:02d}", f"P{k}", "甲", k, "", "", "") for k in range(1, 13)]
    body = VENUE.format(width=10, depth=12, stage=3) + "[floor]\nblocks = [5]\nrows = 3\n"
    _, rows = solve_plan(write_plan(tmp_path, body, people), tmp_path)
    av = floor_rows_av(rows, "name")
    assert av == [["P1", "P2", "P3", "P4", "P5"], ["P6", "P7", "P8", "P9", "P10"], ["P11", "P12"]]
    assert [row[::-1] for row in av][0] == ["P5", "P4", "P3", "P2", "P1"]  # SV: seen from the dais
    assert floor_rows_av(rows, "seat")[2] == ["1", "2"], "row 3: the first two seats from the AV-left"


@pytest.mark.parametrize(
    ("conv", "hand", "av"),
    [(CN, "own-left", [6, 4, 2, 1, 3, 5, 7]), (CN, "av-right", [7, 5, 3, 1, 2, 4, 6]),
     (INTL, "own-left", [7, 5, 3, 1, 2, 4, 6]), (INTL, "av-right", [6, 4, 2, 1, 3, 5, 7])],
)
def test_t13_centre_out_floor_row_both_frames(tmp_path, conv, hand, av):
    people = [(f"P{k}", f"P{k}", "甲", k, "", "", "") for k in range(1, 8)]
    body = f'convention = "{conv}"\n' + VENUE.format(width=10, depth=12, stage=3)
    body += f'[floor]\nblocks = [7]\nrows = 1\nfill = "centre-out"\nfloor_hand = "{hand}"\n'
    _, rows = solve_plan(write_plan(tmp_path, body, people), tmp_path)
    (row,) = floor_rows_av(rows, "rank")
    assert [int(v) for v in row] == av
    assert [int(v) for v in row[::-1]] == av[::-1]  # SV: the same seats seen from the dais


def test_t14_serpentine_six_arrivals(tmp_path):
    people = [(f"A{k}", f"A{k}", "甲", k, "", "", "") for k in range(1, 7)]
    body = VENUE.format(width=8, depth=10, stage=3) + '[floor]\nblocks = [4]\nrows = 3\nnumbering = "serpentine"\n'
    _, rows = solve_plan(write_plan(tmp_path, body, people), tmp_path)
    by_name = {r["name"]: r for r in rows}
    assert [int(by_name[f"A{k}"]["seat"]) for k in range(1, 7)] == [1, 2, 3, 4, 5, 6]
    assert floor_rows_av(rows, "name") == [["A1", "A2", "A3", "A4"], ["A6", "A5"]]
    row2 = sorted((float(r["x"]) for r in rows if r["row"] == "2"))
    assert row2[-1] == max(float(r["x"]) for r in rows), "5 and 6 start at the AV-right end of row 2"


# ------------------------------------------------------------------------ numbering


def test_serpentine_numbering_runs_across_aisles(tmp_path):
    people = [(f"P{k:02d}", f"P{k}", "甲", k, "", "", "") for k in range(1, 13)]
    body = VENUE.format(width=10, depth=12, stage=3) + '[floor]\nblocks = [3, 3]\nrows = 2\nnumbering = "serpentine"\n'
    _, rows = solve_plan(write_plan(tmp_path, body, people), tmp_path)
    assert floor_rows_av(rows, "seat") == [["1", "2", "3", "4", "5", "6"], ["12", "11", "10", "9", "8", "7"]]
    assert floor_rows_av(rows, "name")[1] == ["P12", "P11", "P10", "P9", "P8", "P7"], "cards follow the numbers"


@pytest.mark.parametrize(("side", "row"), [("right", ["6", "4", "2", "1", "3", "5"]), ("left", ["5", "3", "1", "2", "4", "6"])])
def test_centre_out_numbering_end_to_end(tmp_path, side, row):
    people = [(f"P{k}", f"P{k}", "甲", k, "", "", "") for k in range(1, 7)]
    body = VENUE.format(width=10, depth=12, stage=3)
    body += f'[floor]\nblocks = [3, 3]\nrows = 1\nnumbering = "centre-out"\nodd_side = "{side}"\n'
    _, rows = solve_plan(write_plan(tmp_path, body, people), tmp_path)
    assert floor_rows_av(rows, "seat") == [row]
    assert [r["label"] for r in rows if r["seat"] == "1"] == ["1排1号"]


def test_centre_out_numbering_keeps_1_at_the_hall_centre_when_a_pillar_cuts_a_row(tmp_path):
    people = [(f"P{k}", f"P{k}", "甲", k, "", "", "") for k in range(1, 6)]
    body = VENUE.format(width=10, depth=12, stage=3)
    body += "[[venue.obstacles]]\npoints = [[6.0, 6.0], [7.5, 6.0], [7.5, 7.5], [6.0, 7.5]]\n"
    body += '[floor]\nblocks = [7]\nrows = 1\nnumbering = "centre-out"\n'
    problem, rows = solve_plan(write_plan(tmp_path, body, people), tmp_path)
    seats = sorted((s for s in problem.seats if s.section == "floor"), key=lambda s: s.x)
    assert len(seats) < 7, "the pillar removes seats on the AV-right"
    one = next(s for s in seats if s.number == 1)
    assert one.x == pytest.approx(5.0), "1 stays on the centre seat of the hall"


# ------------------------------------------------------------------------- 竖排法 (R-AUD-3)


def strips_of(problem, rows: list[dict[str, str]], section: str = "floor") -> dict[str, set[int]]:
    """Unit → the seat columns it uses (column index across the floor, AV left→right)."""
    xs = sorted({round(s.x, 2) for s in problem.seats if s.section == section})
    out: dict[str, set[int]] = {}
    for r in rows:
        if r["section"] == section:
            out.setdefault(r["unit"], set()).add(xs.index(round(float(r["x"]), 2)))
    return out


@pytest.mark.parametrize(("order", "av"), [("left-to-right", ["D1", "D2", "D3", "D4"]), ("centre-out", ["D4", "D2", "D1", "D3"])])
def test_r_aud_3_columns_by_delegation(tmp_path, order, av):
    units = [(f"D{k}", 3) for k in range(1, 5)]
    body = VENUE.format(width=10, depth=12, stage=3) + f'[floor]\nblocks = [4]\nrows = 3\nfill = "columns"\nstrip_order = "{order}"\n'
    _, rows = solve_plan(write_plan(tmp_path, body, members(units)), tmp_path)
    assert [floor_rows_av(rows, "unit")[r] for r in range(3)] == [av, av, av]
    for r in rows:  # inside a strip members run front→back
        assert r["row"] == r["rank"]


def test_r_aud_3_a_unit_may_need_several_columns(tmp_path):
    units = [("甲", 5), ("乙", 2), ("丙", 3)]
    body = VENUE.format(width=10, depth=12, stage=3) + '[floor]\nblocks = [6]\nrows = 4\nfill = "columns"\n'
    problem, rows = solve_plan(write_plan(tmp_path, body, members(units)), tmp_path)
    assert strips_of(problem, rows) == {"甲": {0, 1, 2}, "乙": {3}, "丙": {4, 5}}
    assert max(int(r["row"]) for r in rows) == 2, "as far forward as possible: two rows"
    jia = sorted((int(r["rank"]), int(r["row"]), float(r["x"])) for r in rows if r["unit"] == "甲")
    assert [(rank, row) for rank, row, _ in jia] == [(1, 1), (2, 1), (3, 1), (4, 2), (5, 2)]


def test_columns_keep_units_out_of_aisles_when_they_fit_a_block(tmp_path):
    units = [("甲", 4), ("乙", 4), ("丙", 4)]
    body = VENUE.format(width=12, depth=12, stage=3) + '[floor]\nblocks = [3, 3, 3]\nrows = 3\nfill = "columns"\n'
    problem, rows = solve_plan(write_plan(tmp_path, body, members(units)), tmp_path)
    assert strips_of(problem, rows) == {"甲": {0, 1}, "乙": {3, 4}, "丙": {6, 7}}


def test_columns_official_before_alternates_inside_a_strip(tmp_path):
    people = members([("甲", 3), ("乙", 3)]) + members([("甲", 1), ("乙", 1)], category="候补", prefix="H")
    body = VENUE.format(width=10, depth=12, stage=3) + '[floor]\nblocks = [2]\nrows = 4\nfill = "columns"\n'
    _, rows = solve_plan(write_plan(tmp_path, body, people), tmp_path)
    jia = [r["id"] for r in sorted((r for r in rows if r["unit"] == "甲"), key=lambda r: int(r["row"]))]
    assert jia[-1] == "H甲01"


def test_r_aud_6_rotation_moves_groups_outward_and_the_front_fifth_back(tmp_path):
    units = [(f"D{k}", 5) for k in range(1, 6)]
    body = VENUE.format(width=10, depth=12, stage=3)
    body += '[floor]\nblocks = [5]\nrows = 5\nfill = "columns"\nstrip_order = "centre-out"\nrotation_year = {year}\n'
    seen = []
    for year in (0, 1, 5):
        folder = tmp_path / f"y{year}"
        folder.mkdir()
        _, rows = solve_plan(write_plan(folder, body.format(year=year), members(units)), folder)
        seen.append(floor_rows_av(rows, "unit")[0])
        d1 = sorted((int(r["row"]), int(r["rank"])) for r in rows if r["unit"] == "D1")
        shift = year % 5
        assert [rank for _, rank in d1] == [(k + shift) % 5 + 1 for k in range(5)], "front fifth to the back each year"
    assert seen[0] == ["D4", "D2", "D1", "D3", "D5"]
    assert seen[1] == ["D3", "D1", "D5", "D2", "D4"], "D1 moves out, D5 comes back to the centre"
    assert seen[2] == seen[0], "after 5 years (5 groups) the base year returns"


def test_rotation_needs_columns(tmp_path):
    body = VENUE.format(width=10, depth=12, stage=3) + "[floor]\nblocks = [5]\nrotation_year = 1\n"
    with pytest.raises(PlanFileError, match="columns"):
        load_meeting(write_plan(tmp_path, body, members([("甲", 3)])))


def test_columns_that_do_not_fit_are_refused_or_listed(tmp_path):
    units = [(f"U{k}", 2) for k in range(1, 5)]  # 8 people, 12 seats, but 4 strips in 3 columns
    body = VENUE.format(width=10, depth=12, stage=3) + '[floor]\nblocks = [3]\nrows = 4\nfill = "columns"\n'
    plan = write_plan(tmp_path, body, members(units))
    with pytest.raises(ValidationError, match="竖排法"):
        build_problem(load_meeting(plan))
    plan.write_text(plan.read_text(encoding="utf-8").replace('attendees = "attendees.csv"\n', 'attendees = "attendees.csv"\nallow_unseated = true\n'), encoding="utf-8")
    problem = build_problem(load_meeting(plan))
    result = solve(problem).require_plan()
    assert sorted({aid[1:3] for aid in result.unseated}) == ["U4"], "the last unit as a whole is not seated"


# ----------------------------------------------------------------- R-AUD-5 unit order


@pytest.mark.parametrize(("by", "expected"), [("list", ["王庄", "李集", "丁楼"]), ("strokes", ["丁楼", "王庄", "李集"]), ("pinyin", ["丁楼", "李集", "王庄"])])
def test_r_aud_5_unit_order_by(tmp_path, by, expected):
    body = VENUE.format(width=10, depth=12, stage=3) + f'[floor]\nblocks = [2]\nrows = 3\nunit_order_by = "{by}"\n'
    _, rows = solve_plan(write_plan(tmp_path, body, members([("王庄", 2), ("李集", 2), ("丁楼", 2)])), tmp_path)
    assert [row[0] for row in floor_rows_av(rows, "unit")] == expected


def test_r_aud_5_published_units_first_then_strokes(tmp_path):
    body = VENUE.format(width=10, depth=12, stage=3)
    body += '[floor]\nblocks = [2]\nrows = 3\nunit_order = ["李集"]\nunit_order_by = "strokes"\n'
    _, rows = solve_plan(write_plan(tmp_path, body, members([("王庄", 2), ("李集", 2), ("丁楼", 2)])), tmp_path)
    assert [row[0] for row in floor_rows_av(rows, "unit")] == ["李集", "丁楼", "王庄"]


def test_member_order_by_strokes(tmp_path):
    people = [("P1", "李四", "甲", 1, "", "", ""), ("P2", "王五", "甲", 2, "", "", ""), ("P3", "丁一", "甲", 3, "", "", "")]
    body = VENUE.format(width=10, depth=12, stage=3) + '[floor]\nblocks = [3]\nrows = 1\nmember_order_by = "strokes"\n'
    _, rows = solve_plan(write_plan(tmp_path, body, people), tmp_path)
    assert floor_rows_av(rows, "name") == [["丁一", "王五", "李四"]]


# ------------------------------------------------------------ R-AUD-7 balcony, R-AUD-8 reserved


def test_r_aud_7_observers_upstairs_and_overflow_follows(tmp_path):
    people = members([("甲", 5), ("乙", 4)]) + members([("列", 3)], category="列席", prefix="L")
    body = VENUE.format(width=10, depth=12, stage=3)
    body += '[floor]\nblocks = [4]\nrows = 2\n[balcony]\nblocks = [4]\nrows = 2\ncategories = ["列席"]\n'
    problem, rows = solve_plan(write_plan(tmp_path, body, people), tmp_path)
    upstairs = [r for r in rows if r["section"] == "balcony"]
    assert {r["section"] for r in rows} == {"floor", "balcony"}
    assert sum(r["section"] == "floor" for r in rows) == 8
    assert [r["id"] for r in sorted(upstairs, key=lambda r: (int(r["row"]), float(r["x"])))] == ["P乙04", "L列01", "L列02", "L列03"]
    balcony_y = max(s.y for s in problem.seats if s.section == "balcony")
    assert balcony_y < 0, "the balcony is drawn as its own plan below the room"
    assert all(s.facing == 90 for s in problem.seats if s.section == "balcony")


def test_balcony_marked_in_the_list(tmp_path):
    people = members([("甲", 2)]) + [("X1", "楼上某", "乙", 1, "二楼", "", "")]
    body = VENUE.format(width=10, depth=12, stage=3) + "[floor]\nblocks = [4]\nrows = 2\n[balcony]\nblocks = [4]\nrows = 1\n"
    _, rows = solve_plan(write_plan(tmp_path, body, people), tmp_path)
    assert next(r for r in rows if r["id"] == "X1")["section"] == "balcony"


def test_r_aud_8_reserved_blocks(tmp_path):
    people = members([("甲", 10)]) + [("V1", "校领导一", "校办", 1, "", "", "校领导"), ("V2", "校领导二", "校办", 2, "", "", "校领导")]
    body = VENUE.format(width=12, depth=12, stage=3) + "[floor]\nblocks = [3, 4, 3]\nrows = 3\n"
    body += '[[floor.reserved]]\nrows = 1\nblock = 2\ntag = "校领导"\nlabel = "校领导"\n'
    body += '[[floor.reserved]]\nrows = [1, 2]\nblock = 3\nseats = [-2, -1]\nlabel = "记者"\n'
    problem, rows = solve_plan(write_plan(tmp_path, body, people), tmp_path)
    seat = {r["id"]: r for r in rows}
    centre = [s for s in problem.seats if "reserved-1" in s.tags]
    assert len(centre) == 4 and {s.row for s in centre} == {1}
    assert {seat["V1"]["seat_id"], seat["V2"]["seat_id"]} <= {s.id for s in centre}
    taken = {r["seat_id"] for r in rows}
    press = [s for s in problem.seats if "reserved-2" in s.tags]
    assert len(press) == 4 and not taken & {s.id for s in press}, "a block for nobody stays empty"
    assert not taken & {s.id for s in centre} - {seat["V1"]["seat_id"], seat["V2"]["seat_id"]}, "only 校领导 sit there"
    # the others fill the free seats front to back, reserved seats skipped (R-AUD-2)
    assert floor_rows_av(rows, "name")[0] == ["甲1号", "甲2号", "甲3号", "校领导一", "校领导二", "甲4号"]
    assert [s.number for s in sorted((s for s in problem.seats if s.row == 1 and s.section == "floor"), key=lambda s: s.x)] == list(range(1, 11))


def test_reserved_block_outside_the_floor_is_refused(tmp_path):
    body = VENUE.format(width=12, depth=12, stage=3) + "[floor]\nblocks = [3, 4, 3]\nrows = 3\n[[floor.reserved]]\nrows = [3, 4]\n"
    with pytest.raises(GeometryError, match="rows 3–4") as info:
        build_problem(load_meeting(write_plan(tmp_path, body, members([("甲", 2)]))))
    assert info.value.location.field == "floor.reserved[0].rows"


def test_reserved_plan_file_errors(tmp_path):
    base = VENUE.format(width=12, depth=12, stage=3) + "[floor]\nblocks = [3]\nrows = 3\n[[floor.reserved]]\n"
    for bad, field in (("rows = 1\ncolour = 2\n", "floor.reserved[0].colour"), ("rows = [2, 1]\n", "floor.reserved[0].rows"),
                       ('rows = 1\ncategory = "贵宾"\n', "floor.reserved[0].category")):
        with pytest.raises(PlanFileError) as info:
            load_meeting(write_plan(tmp_path, base + bad, members([("甲", 2)])))
        assert info.value.location.field == field


# ------------------------------------------------------------------- properties


def _check_dais(records, rows_spec: tuple[int, ...], conv: str, even: str) -> None:
    by_row: dict[int, list[tuple[float, int]]] = {}
    for r in records:
        if r.section.startswith("dais"):
            by_row.setdefault(r.row, []).append((r.x, r.rank))
    start = 0
    for k, count in enumerate(rows_spec, start=1):
        ranks = [rank for _, rank in sorted(by_row.get(k, []))]
        if not ranks:
            break
        seq = [rank - start for rank in ranks]
        if len(seq) == count:
            assert seq == dais_order(count, convention=conv, even=even)
            assert check_dais_sequence(seq, convention=conv, even=even) == []
        else:  # a last row not full: the centre seats are taken, the ends stay empty
            assert sorted(seq) == list(range(1, len(seq) + 1))
        start += len(seq)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(st.integers(1, 9), min_size=1, max_size=3),
    spare=st.integers(0, 3),
    conv=st.sampled_from([CN, INTL]),
    even=st.sampled_from(["V1", "V2", "V3"]),
    aisle=st.sampled_from([0.0, 1.0]),
)
def test_property_dais_order_in_the_seat_list(rows, spare, conv, even, aisle):
    n = max(1, sum(rows) - spare)
    meeting = py_meeting(
        n_dais=n, dais=DaisSpec(rows=tuple(rows), even_mode=even, aisle_width=aisle), convention=conv, width=24, stage=7
    )
    problem = build_problem(meeting)
    plan = solve(problem).require_plan()
    assert check_plan(problem, plan) == []
    records = build_seat_records(problem, plan)
    _check_dais(records, tuple(rows), conv, even)
    assert sorted(r.seat for r in records if r.section == "dais") == list(range(1, n + 1)), "numbered by precedence"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    sizes=st.lists(st.integers(1, 9), min_size=1, max_size=6),
    blocks=st.lists(st.integers(2, 6), min_size=1, max_size=3),
    order=st.sampled_from(["left-to-right", "centre-out"]),
    year=st.integers(0, 3),
    conv=st.sampled_from([CN, INTL]),
)
def test_property_columns_keep_each_unit_in_one_contiguous_strip(sizes, blocks, order, year, conv):
    floor = FloorSpec(blocks=tuple(blocks), rows=8, fill="columns", strip_order=order, rotation_year=year)
    units = [(f"U{k}", n) for k, n in enumerate(sizes)]
    meeting = py_meeting(floor=floor, people=crowd(units), convention=conv, width=30, depth=16, stage=3, allow_unseated=True)
    problem = build_problem(meeting)
    plan = solve(problem).require_plan()
    assert check_plan(problem, plan) == []
    seats = [s for s in problem.seats if s.section == "floor"]
    xs = sorted({round(s.x, 3) for s in seats})
    column = {s.id: xs.index(round(s.x, 3)) for s in seats}
    owner: dict[int, set[str]] = {}
    seated_units: dict[str, set[int]] = {}
    for aid, sid in plan.seat_of.items():
        unit = problem.attendee(aid).unit
        seated_units.setdefault(unit, set()).add(column[sid])
        owner.setdefault(column[sid], set()).add(unit)
    for unit, cols in seated_units.items():
        lo, hi = min(cols), max(cols)
        assert all(owner.get(c, {unit}) == {unit} for c in range(lo, hi + 1)), f"{unit} shares its strip"
    for unit, n in units:  # a unit is seated whole or not at all
        got = sum(1 for aid in plan.seat_of if problem.attendee(aid).unit == unit)
        assert got in (0, n)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    people=st.integers(1, 40),
    blocks=st.lists(st.integers(1, 6), min_size=1, max_size=3),
    numbering=st.sampled_from(["sequential", "serpentine", "centre-out"]),
    reserve=st.booleans(),
)
def test_property_rows_fill_leaves_no_gap_in_front(people, blocks, numbering, reserve):
    reserved = (ReservedBlock(rows=(1, 1), block=1, seats=(1, 1), label="记者"),) if reserve else ()
    floor = FloorSpec(blocks=tuple(blocks), rows=6, numbering=numbering, reserved=reserved)
    meeting = py_meeting(floor=floor, people=crowd([("甲", people)]), width=30, depth=16, stage=3, allow_unseated=True)
    problem = build_problem(meeting)
    plan = solve(problem).require_plan()
    taken = set(plan.seat_of.values())
    seats = [s for s in problem.seats if s.section == "floor"]
    last = max((s.row for s in seats if s.id in taken), default=0)
    empty_in_front = [s for s in seats if s.row < last and s.id not in taken and "reserved" not in s.tags]
    assert empty_in_front == [], "nobody sits behind an empty seat that is not reserved (R-AUD-2, R-AUD-11)"
    assert not taken & {s.id for s in seats if "reserved" in s.tags}
