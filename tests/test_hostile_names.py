"""Hostile names: formulas in csv cells, mathtext, control characters, characters no font has."""

from __future__ import annotations

import csv
import io
import re
import warnings
from pathlib import Path

import openpyxl
import pytest

import seatplan
from seatplan.files import csv_bytes, neutralise_csv_cell, restore_csv_cell
from seatplan.io.plan_file import load_meeting
from seatplan.pipeline import build_problem, run_plan_file, warn_unprintable
from tests.bad_catalogue import HEADER, PEOPLE, plan_text

HOSTILE = {
    "A02": '=HYPERLINK("http://evil.example","点我")',
    "B01": "+钱 86",
    "B02": "-钱进",
    "B03": "@SUM(A1:A9)",
    "B04": "$x^$ 李",
    "B05": "\t=cmd|' /C calc'!A0",
}


def _quote(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"'


@pytest.fixture(scope="module")
def solved(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    lines = [HEADER]
    for line in PEOPLE:
        cells = line.split(",")
        if cells[0] in HOSTILE:
            cells[1] = HOSTILE[cells[0]]
        if cells[0] == "B02":
            cells[2] = "=1+1"  # a unit that is a formula too
        if cells[0] == "A03":
            cells[1] = "张\x07卫东"  # a control character
        lines.append(",".join(_quote(c) for c in cells))
    (folder / "attendees.csv").write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    (folder / "plan.toml").write_text(plan_text(), encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        run_plan_file(folder / "plan.toml", folder / "out")
    (folder / "warnings.txt").write_text("\n".join(str(w.message) for w in caught), encoding="utf-8")
    return folder


def test_no_csv_cell_can_run_as_a_formula(solved: Path) -> None:
    for name in ("seats.csv", "unseated.csv"):
        text = (solved / "out" / name).read_bytes().decode("utf-8-sig")
        for row in csv.reader(io.StringIO(text)):
            for cell in row:
                assert not cell.lstrip(" ").startswith(("=", "+", "@", "\t", "\r")), (name, cell)
                assert not cell.startswith("-") or re.fullmatch(r"-\d+(\.\d+)?", cell), (name, cell)


def test_csv_and_xlsx_read_the_same_to_a_person(solved: Path) -> None:
    text = (solved / "out" / "seats.csv").read_bytes().decode("utf-8-sig")
    from_csv = {r["id"]: (restore_csv_cell(r["name"]), restore_csv_cell(r["unit"])) for r in csv.DictReader(io.StringIO(text))}
    sheet = openpyxl.load_workbook(solved / "out" / "seats.xlsx").worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    header_index = next(i for i, r in enumerate(rows) if r and r[0] == "编号")
    from_xlsx = {r[0]: (r[1], r[2]) for r in rows[header_index + 1 :] if r[0]}
    assert from_csv == from_xlsx
    for aid, name in HOSTILE.items():
        assert from_csv[aid][0] == name.strip()
    assert from_csv["B02"][1] == "=1+1"
    assert from_csv["A03"][0] == "张卫东"  # the control character is dropped in both


def test_the_list_reads_back_the_neutralised_cells(tmp_path: Path) -> None:
    people = seatplan.read_attendees(Path(__file__).parent / "data" / "attendees_title_row.csv")
    people = tuple(p.__class__(**{**p.__dict__, "name": HOSTILE["A02"]}) if k == 0 else p for k, p in enumerate(people))
    seatplan.write_attendees_csv(people, tmp_path / "list.csv")
    raw = (tmp_path / "list.csv").read_bytes().decode("utf-8-sig")
    assert "'=HYPERLINK" in raw
    assert seatplan.read_attendees(tmp_path / "list.csv")[0].name == HOSTILE["A02"]


def test_a_character_no_font_has_is_named_with_person_and_row(tmp_path: Path) -> None:
    rows = [line if not line.startswith("B03") else "B03,孙强😀,卫健委,主任𠀀,6," for line in PEOPLE]
    (tmp_path / "attendees.csv").write_text("\r\n".join([HEADER, *rows]) + "\r\n", encoding="utf-8")
    (tmp_path / "plan.toml").write_text(plan_text(), encoding="utf-8")
    problem = build_problem(load_meeting(tmp_path / "plan.toml"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warn_unprintable(problem)
    text = "\n".join(str(w.message) for w in caught)
    assert re.search(r"attendees\.csv, row 7: the name '孙强😀' of 孙强😀 has '😀' \(U\+1F600\)", text), text
    assert re.search(r"attendees\.csv, row 7: the title '主任𠀀' of 孙强😀 has '𠀀' \(U\+20000\)", text), text


def test_mathtext_names_are_drawn_as_typed(solved: Path) -> None:
    assert (solved / "out" / "plan.png").stat().st_size > 0
    assert "$x^$" in (solved / "out" / "seats.csv").read_text(encoding="utf-8-sig")


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+86 138", "'+86 138"),
        ("-1.25", "-1.25"),
        ("+3", "+3"),
        ("-", "'-"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("  =x", "'  =x"),
        ("a=b", "a=b"),
        ("张三", "张三"),
        ("'=x", "''=x"),
        ("a\x00b\x1f", "ab"),
    ],
)
def test_neutralise_and_restore(cell: str, written: str) -> None:
    assert neutralise_csv_cell(cell) == written
    assert restore_csv_cell(neutralise_csv_cell(cell)) == cell.replace("\x00", "").replace("\x1f", "")


def test_every_csv_is_written_through_the_one_writer() -> None:
    root = Path(seatplan.__file__).parent
    for path in root.rglob("*.py"):
        if path.name == "files.py":
            continue
        source = path.read_text(encoding="utf-8")
        assert "csv.writer(" not in source and "csv.DictWriter(" not in source, f"{path} writes csv itself"
    data = csv_bytes(["a"], [["=x"]])
    assert data.startswith(b"\xef\xbb\xbf") and data.endswith(b"'=x\r\n")
