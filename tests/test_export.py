"""Tests of the export layer: seat records, csv/xlsx/json tables and name-card PDFs."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from seatplan.export import (
    SEAT_COLUMNS,
    NameCard,
    SeatRecord,
    build_seat_records,
    cards_from_records,
    display_width,
    section_sheet_name,
    space_two_char_name,
    write_name_cards,
    write_seats_csv,
    write_seats_xlsx,
    write_summary_json,
    write_unseated_csv,
)
from seatplan.model import FACING_BACK, Attendee, Layout, Plan, Seat, SeatingProblem, Venue, Zone


@pytest.fixture(scope="module")
def problem_and_plan() -> tuple[SeatingProblem, Plan]:
    venue = Venue.rectangle(20, 30)
    seats = (
        Seat("floor-r02-s01", "floor", 2, 1, 3.0, 5.0),
        Seat("floor-r01-s02", "floor", 1, 2, 3.55, 6.0),
        Seat("floor-r01-s01", "floor", 1, 1, 3.0, 6.0),
        # Dais numbered from the centre: seat 1 in the middle, 2 at its own left.
        Seat("dais-r1-s2", "dais", 1, 2, 11.004, 27.0, facing=FACING_BACK),
        Seat("dais-r1-s1", "dais", 1, 1, 10.0, 27.0, facing=FACING_BACK),
        Seat("dais-r1-s3", "dais", 1, 3, 8.996, 27.0, facing=FACING_BACK),
        Seat("floor-r03-s01", "floor", 3, 1, 3.0, 4.0),
    )
    people = (
        Attendee("A1", "王伟", unit="市委", title="书记", rank=1, section="dais", phone="01012345678"),
        Attendee("A2", "欧阳建国", unit="市政府", title="市长", rank=2, section="dais"),
        Attendee("A3", "李强", unit="市人大", title="主任", rank=3, section="dais", note="=1+1"),
        Attendee("B1", "张三", unit="发改委", rank=1, gender="男", ethnicity="汉族"),
        Attendee("B2", "John Smith", unit="外办", rank=2, phone="+86 0571"),
        Attendee("B3", "阿依古丽·买买提", unit="民委", rank=3, ethnicity="维吾尔族"),
        Attendee("B4", "赵六", unit="民委", rank=4),
    )
    zones = (
        Zone("dais", ("dais-r1-s1", "dais-r1-s2", "dais-r1-s3"), ("A1", "A2", "A3")),
        Zone("floor", ("floor-r01-s01", "floor-r01-s02", "floor-r02-s01", "floor-r03-s01"), ("B1", "B2", "B3", "B4")),
    )
    problem = SeatingProblem(Layout(venue, seats), people, zones, allow_unseated=True, title="测试会议")
    plan = Plan(
        seat_of={
            "B2": "floor-r01-s02",
            "A1": "dais-r1-s1",
            "B1": "floor-r01-s01",
            "A2": "dais-r1-s2",
            "A3": "dais-r1-s3",
            "B3": "floor-r02-s01",
        },
        unseated={"B4": "no seat left"},
    )
    return problem, plan


@pytest.fixture(scope="module")
def records(problem_and_plan: tuple[SeatingProblem, Plan]) -> list[SeatRecord]:
    return build_seat_records(*problem_and_plan)


# --------------------------------------------------------------------------- records


def test_records_order_and_fields(records: list[SeatRecord]) -> None:
    # Dais left to right in audience view (x ascending), then floor by row and number.
    assert [r.id for r in records] == ["A3", "A1", "A2", "B1", "B2", "B3"]
    a2 = records[2]
    assert (a2.section, a2.row, a2.seat, a2.x, a2.y) == ("dais", 1, 2, 11.0, 27.0)
    assert a2.label == "主席台 第1排 2号"
    assert records[4].label == "1排2号" and records[4].seat_id == "floor-r01-s02"
    assert records[0].table == ""
    assert records[3].gender == "男" and records[3].ethnicity == "汉族"


def test_records_sort_tables_naturally() -> None:
    venue = Venue.rectangle(20, 20)
    seats = tuple(Seat(f"t{t}-{n}", "banquet", 1, n, float(t), float(n), table=str(t)) for t in (10, 2) for n in (2, 1))
    people = tuple(Attendee(f"P{i}", f"客人{i}") for i in range(4))
    problem = SeatingProblem(
        Layout(venue, seats), people, (Zone("banquet", tuple(s.id for s in seats), tuple(p.id for p in people)),)
    )
    plan = Plan(seat_of={p.id: s.id for p, s in zip(people, seats)})
    out = build_seat_records(problem, plan)
    assert [(r.table, r.seat) for r in out] == [("2", 1), ("2", 2), ("10", 1), ("10", 2)]
    assert out[0].label == "2号桌 1号"


# --------------------------------------------------------------------------- csv / json


def test_seats_csv_header_bom_and_values(records: list[SeatRecord], tmp_path: Path) -> None:
    path = tmp_path / "seats.csv"
    write_seats_csv(records, path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.startswith(b"\xef\xbb\xbfid,name,unit,rank,section,row,seat,table,x,y,")
    assert raw.count(b"\r\n") == len(records) + 1 and b"\n" not in raw.replace(b"\r\n", b"")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0].keys()) == SEAT_COLUMNS
    by_id = {r["id"]: r for r in rows}
    assert by_id["A1"]["phone"] == "01012345678"
    assert by_id["A1"]["name"] == "王伟"
    assert by_id["A2"]["x"] == "11.00" and by_id["B2"]["x"] == "3.55"
    assert by_id["A2"]["table"] == ""


def test_csv_and_json_are_reproducible(records: list[SeatRecord], tmp_path: Path) -> None:
    write_seats_csv(records, tmp_path / "a.csv")
    write_seats_csv(records, tmp_path / "b.csv")
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
    summary = {"title": "测试会议", "seated": 6, "unseated": 1, "status": "OPTIMAL", "a": [1, 2]}
    write_summary_json(summary, tmp_path / "s.json")
    text = (tmp_path / "s.json").read_text(encoding="utf-8")
    assert text.endswith("}\n") and "测试会议" in text
    assert list(json.loads(text)) == ["title", "seated", "unseated", "status", "a"]


def test_unseated_csv(problem_and_plan: tuple[SeatingProblem, Plan], tmp_path: Path) -> None:
    problem, plan = problem_and_plan
    pairs = [(problem.attendee(a), why) for a, why in plan.unseated.items()]
    write_unseated_csv(pairs, tmp_path / "u.csv")
    assert (tmp_path / "u.csv").read_bytes() == "\ufeffid,name,unit,rank,reason\r\nB4,赵六,民委,4,no seat left\r\n".encode()
    write_unseated_csv([], tmp_path / "empty.csv")
    assert (tmp_path / "empty.csv").read_bytes() == b"\xef\xbb\xbfid,name,unit,rank,reason\r\n"


# --------------------------------------------------------------------------- xlsx


def test_xlsx_sheets_header_and_print_setup(records: list[SeatRecord], tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "seats.xlsx"
    write_seats_xlsx(records, path, title="测试会议 座次表")
    wb = load_workbook(path)
    assert wb.sheetnames == ["全部", "主席台", "台下", "技术数据"]
    ws = wb["全部"]
    assert ws["A1"].value == "测试会议 座次表"
    header = [c.value for c in ws[2]]
    assert header == ["编号", "姓名", "单位", "职务", "排序", "区域", "排", "号", "桌", "座位", "标记", "性别", "民族",
                      "备注"]
    tech = [c.value for c in wb["技术数据"][1]]
    assert tech == ["编号", "姓名", "区域代码", "座位编号", "x", "y"]
    assert {ws.cell(row=i, column=6).value for i in range(3, ws.max_row + 1)} == {"主席台", "台下"}
    assert ws["A2"].font.b
    assert ws.freeze_panes == "A3"
    assert ws.print_title_rows == "$2:$2"
    assert int(ws.page_setup.paperSize) == 9 and int(ws.page_setup.fitToWidth) == 1  # 9 = A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.max_row == 2 + len(records)
    assert "电话" not in header
    with_phones = load_workbook(_write(records, tmp_path / "phones.xlsx", phones=True))["全部"]
    assert with_phones.cell(row=1, column=15).value == "电话"
    phones = {with_phones.cell(row=i, column=1).value: with_phones.cell(row=i, column=15)
              for i in range(2, with_phones.max_row + 1)}
    assert phones["A1"].value == "01012345678" and phones["A1"].data_type == "s"
    notes = {ws.cell(row=i, column=1).value: ws.cell(row=i, column=14).value for i in range(3, ws.max_row + 1)}
    assert notes["A3"] == "=1+1"  # text, not a formula
    # The unit column is wide enough for a CJK unit name (2 cells per character).
    assert ws.column_dimensions["C"].width >= display_width("市人大")
    assert wb["主席台"].max_row == 2 + 3 and wb["台下"].max_row == 2 + 3
    wb_plain = load_workbook(_write(records, tmp_path / "plain.xlsx"))
    assert wb_plain["全部"].freeze_panes == "A2" and wb_plain["全部"]["A1"].value == "编号"


def _write(records: list[SeatRecord], path: Path, phones: bool = False) -> Path:
    write_seats_xlsx(records, path, phones=phones)
    return path


def test_xlsx_is_reproducible(records: list[SeatRecord], tmp_path: Path) -> None:
    write_seats_xlsx(records, tmp_path / "a.xlsx", title="t")
    write_seats_xlsx(records, tmp_path / "b.xlsx", title="t")
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()
    with zipfile.ZipFile(tmp_path / "a.xlsx") as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert b"2000-01-01T00:00:00Z" in z.read("docProps/core.xml")


def test_xlsx_empty_records(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    write_seats_xlsx([], tmp_path / "e.xlsx")
    assert load_workbook(tmp_path / "e.xlsx").sheetnames == ["全部", "技术数据"]


def test_sheet_names() -> None:
    assert section_sheet_name("dais") == "主席台"
    assert section_sheet_name("dais-2") == "主席台-2"
    assert section_sheet_name("a/b:c[d]*?\\") == "a_b_c_d____"
    assert len(section_sheet_name("x" * 40)) == 31


# --------------------------------------------------------------------------- name cards


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("王伟", "王\u3000伟"),
        (" 王 伟 ", "王\u3000伟"),
        ("王建国", "王建国"),
        ("John Smith", "John Smith"),
        ("阿依古丽·买买提", "阿依古丽·买买提"),
        ("王", "王"),
        ("Li", "Li"),
        ("王A", "王A"),
    ],
)
def test_space_two_char_name(name: str, expected: str) -> None:
    assert space_two_char_name(name) == expected


def test_cards_from_records(records: list[SeatRecord]) -> None:
    cards = cards_from_records(records)
    assert [c.name for c in cards] == ["李强", "王伟", "欧阳建国"]
    assert cards[1].seat_label == "主席台 第1排 1号" and cards[1].order_note == "排序 1"


CARDS = [
    NameCard("王伟", "书记", "主席台 第1排 1号", "排序 1"),
    NameCard("欧阳建国", "市长", "主席台 第1排 2号"),
    NameCard("阿依古丽·买买提"),
]


def _page_count(data: bytes) -> int:
    import re

    return len(re.findall(rb"/Type\s*/Page\b(?!s)", data))


def test_name_cards_pdf(tmp_path: Path) -> None:
    write_name_cards(CARDS, tmp_path / "a.pdf", title="测试")
    write_name_cards(CARDS, tmp_path / "b.pdf", title="测试")
    data = (tmp_path / "a.pdf").read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert data == (tmp_path / "b.pdf").read_bytes()
    assert _page_count(data) == len(CARDS)
    assert b"/FontFile3" in data and b"NotoSerifSC" in data
    assert b"/ToUnicode" in data  # the names are real text, searchable and copyable
    write_name_cards(CARDS[:1], tmp_path / "sans.pdf", serif=False)
    assert b"NotoSansSC" in (tmp_path / "sans.pdf").read_bytes()


def test_name_cards_empty(tmp_path: Path) -> None:
    write_name_cards([], tmp_path / "none.pdf")
    data = (tmp_path / "none.pdf").read_bytes()
    assert data.startswith(b"%PDF-") and _page_count(data) == 1


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")
def test_name_card_renders_on_both_halves(tmp_path: Path) -> None:
    write_name_cards(CARDS[:1], tmp_path / "c.pdf")
    subprocess.run(
        ["pdftoppm", "-r", "20", "-gray", "-f", "1", "-l", "1", str(tmp_path / "c.pdf"), str(tmp_path / "p")],
        check=True,
        capture_output=True,
    )
    (image,) = tmp_path.glob("p*.pgm")
    width, height, pixels = _read_pgm(image.read_bytes())

    def ink(y0: int, y1: int) -> int:
        return sum(1 for y in range(y0, y1) for x in range(width) if pixels[y * width + x] < 100)

    upper = ink(int(height * 0.1), int(height * 0.4))
    lower = ink(int(height * 0.6), int(height * 0.9))
    assert upper > 50 and lower > 50, "the name must be printed on both halves"
    assert abs(upper - lower) < 0.2 * max(upper, lower), "both halves carry the same name"


def _read_pgm(data: bytes) -> tuple[int, int, bytes]:
    """Parse a binary PGM (P5) with maxval < 256."""
    fields: list[bytes] = []
    pos = 0
    while len(fields) < 4:
        while data[pos : pos + 1].isspace():
            pos += 1
        if data[pos : pos + 1] == b"#":
            pos = data.index(b"\n", pos) + 1
            continue
        end = pos
        while not data[end : end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    assert fields[0] == b"P5"
    width, height = int(fields[1]), int(fields[2])
    return width, height, data[pos + 1 : pos + 1 + width * height]
