"""Invariants over generated attendee lists (hypothesis).

* every row of the list is seated exactly once or listed unseated with a reason, and
  summary.json reconciles the counts (``lost`` is 0);
* the outputs agree: seats.csv, seats.xlsx, unseated.csv, the name cards and summary.json
  name the same people on the same seats;
* ``check_plan`` finds nothing in any plan the solver returns.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seatplan.check import check_plan
from seatplan.export.tables import SEAT_COLUMN_TITLES
from seatplan.files import restore_csv_cell
from seatplan.io.plan_file import load_meeting
from seatplan.pipeline import _name_cards, build_problem, write_outputs
from seatplan.solve import solve
from tests.bad_catalogue import HEADER, plan_text

#: Examples per property in ``make test``; set SEATPLAN_INVARIANT_EXAMPLES=500 for a long run (tests/README.md).
EXAMPLES = int(os.environ.get("SEATPLAN_INVARIANT_EXAMPLES", "12"))

UNITS = ["县委", "县政府", "教育局", "卫健委", "财政局", "公安局"]
SURNAMES = "王李张刘陈杨赵黄周吴"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平"


@st.composite
def attendee_lists(draw: st.DrawFn) -> list[str]:
    """Rows of a list: 0–3 dais people with distinct ranks, 1–34 floor people (the hall has 24 floor seats)."""
    n_dais = draw(st.integers(0, 3))
    n_floor = draw(st.integers(1, 34))
    names = draw(
        st.lists(
            st.tuples(st.sampled_from(SURNAMES), st.text(GIVEN, min_size=1, max_size=2)).map("".join),
            min_size=n_dais + n_floor,
            max_size=n_dais + n_floor,
        )
    )
    rows = []
    for k, name in enumerate(names):
        unit = draw(st.sampled_from(UNITS))
        dais = k < n_dais
        rank = k + 1 if dais else draw(st.integers(1, 60))
        rows.append(f"P{k:03d},{name},{unit},职员,{rank},{'主席台' if dais else ''}")
    return rows


def _solve_rows(rows: list[str], folder: Path) -> tuple[object, object, object, Path]:
    (folder / "attendees.csv").write_text("\r\n".join([HEADER, *rows]) + "\r\n", encoding="utf-8")
    (folder / "plan.toml").write_text(plan_text(top="allow_unseated = true\n"), encoding="utf-8")
    meeting = load_meeting(folder / "plan.toml")
    problem = build_problem(meeting)
    result = solve(problem)
    return meeting, problem, result, folder / "plan.toml"


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(attendee_lists())
def test_every_row_seated_once_or_unseated_with_a_reason_and_check_plan_is_clean(rows: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        _meeting, problem, result, _plan = _solve_rows(rows, Path(tmp))
    plan = result.require_plan()  # type: ignore[attr-defined]
    ids = [row.split(",")[0] for row in rows]
    seated = list(plan.seat_of)
    assert sorted(seated + list(plan.unseated)) == sorted(ids)
    assert len(set(plan.seat_of.values())) == len(seated)
    assert all(reason.strip() for reason in plan.unseated.values())
    assert check_plan(problem, plan) == []  # type: ignore[arg-type]


TITLES = SEAT_COLUMN_TITLES


def _sheet_table(ws: object) -> list[dict[str, object]]:
    """The rows below the header row (the first row holding the id title) as dicts by column title."""
    values = list(ws.iter_rows(values_only=True))  # type: ignore[attr-defined]
    header = next((i for i, r in enumerate(values) if r and TITLES["id"] in r), None)
    if header is None:
        return []
    titles = [str(t) if t is not None else "" for t in values[header]]
    return [dict(zip(titles, r, strict=False)) for r in values[header + 1 :] if r and any(r)]


def _csv_rows(path: Path) -> list[dict[str, str]]:
    text = path.read_bytes().decode("utf-8-sig")
    return [{k: restore_csv_cell(v) for k, v in r.items()} for r in csv.DictReader(io.StringIO(text))]


@settings(max_examples=max(2, EXAMPLES // 4), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(attendee_lists())
def test_all_outputs_agree(rows: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        meeting, problem, result, _plan = _solve_rows(rows, folder)
        out = folder / "out"
        write_outputs(meeting, problem, result, out)  # type: ignore[arg-type]
        plan = result.require_plan()  # type: ignore[attr-defined]
        seats = _csv_rows(out / "seats.csv")
        unseated = _csv_rows(out / "unseated.csv")
        summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))

        # summary reconciles every row of the list
        assert summary["attendees"] == len(rows) == summary["seated"] + summary["unseated"]
        assert summary["lost"] == 0
        assert summary["seated"] == len(seats) and summary["unseated"] == len(unseated)
        assert sorted([r["id"] for r in seats] + [r["id"] for r in unseated]) == sorted(r.split(",")[0] for r in rows)
        assert all(r["reason"] for r in unseated)

        # seats.csv is the plan
        assert {r["id"]: r["seat_id"] for r in seats} == dict(plan.seat_of)

        # seats.xlsx lists the same people (sheet 全部) on the same seats (the sheet that has seat ids)
        workbook = openpyxl.load_workbook(out / "seats.xlsx", read_only=True)
        tables = [_sheet_table(ws) for ws in workbook.worksheets]
        names = {row[TITLES["id"]]: row[TITLES["name"]] for row in tables[0]}
        assert names == {r["id"]: r["name"] for r in seats}
        with_seats = [t for t in tables if t and TITLES["seat_id"] in t[0] and TITLES["id"] in t[0]]
        assert with_seats, "no sheet of seats.xlsx gives the seat ids"
        seat_ids = {row[TITLES["id"]]: row[TITLES["seat_id"]] for row in with_seats[0] if row[TITLES["id"]]}
        assert seat_ids == {r["id"]: r["seat_id"] for r in seats}

        # the name cards name exactly the dais people, on their seats
        cards = _name_cards(meeting, problem, result)  # type: ignore[arg-type]
        dais = {r["name"] for r in seats if r["section"].startswith("dais")}
        assert sorted(c.name for c in cards) == sorted(dais)
        assert (out / "cards.pdf").stat().st_size > 0 and (out / "plan.png").stat().st_size > 0
