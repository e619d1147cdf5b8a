"""The seat lists (seats.csv, seats.xlsx): the list's language, the 外文名 column, and a workbook any reader opens."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seatplan.export import SEAT_COLUMNS, SeatRecord, write_seats_xlsx
from seatplan.export.records import english_area, english_label
from seatplan.files import clean_cell_text
from seatplan.io.attendee_table import header_language, read_attendee_list
from seatplan.io.plan_file import load_meeting
from seatplan.model import ListLanguage, OutputSpec
from seatplan.pipeline import build_problem, write_outputs
from seatplan.solve import solve

openpyxl = pytest.importorskip("openpyxl")

PLAN = """format_version = 1
title = "{title}"
date = "2026-05-12"
attendees = "{list_name}"

[venue]
width = 16.0
depth = 14.0
stage_depth = 4.0

[[venue.doors]]
x = 8.0
y = 0.0
width = 2.0
main = true

[dais]
rows = [3]

[floor]
blocks = [6, 6]

[balcony]
label = "二楼"
blocks = [6]
rows = 2
categories = ["列席"]
"""

ZH_LIST = "编号,姓名,单位,职务,排序,座区,身份{foreign_head}\n" + "".join(
    f"Z{k},人员{k},第{1 + k % 3}单位,科员,{k},{'主席台' if k <= 3 else ''},{'列席' if k > 25 else ''}{{foreign{k}}}\n"
    for k in range(1, 31)
)
EN_LIST = "ID,Name,Organisation,Title,Rank,Section,Category{foreign_head}\n" + "".join(
    f"E{k},Person {k},Unit {1 + k % 3},Officer,{k},{'dais' if k <= 3 else ''},{'observer' if k > 25 else ''}"
    f"{{foreign{k}}}\n" for k in range(1, 31)
)


def _plan(folder: Path, rows: str, *, foreign: bool = False, title: str = "测试会议") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    heads = {"foreign_head": ",外文名" if rows is ZH_LIST and foreign else ",Foreign name" if foreign else ""}
    names = {f"foreign{k}": (f",Name{k}" if foreign and k % 2 else "," if foreign else "") for k in range(1, 31)}
    (folder / "list.csv").write_text(rows.format(**heads, **names), encoding="utf-8")
    (folder / "plan.toml").write_text(PLAN.format(title=title, list_name="list.csv"), encoding="utf-8")
    return folder / "plan.toml"


def _write(plan: Path, out: Path) -> Path:
    meeting = load_meeting(plan)
    meeting = replace(meeting, outputs=OutputSpec(files=("seats.xlsx", "inventory.csv")))
    problem = build_problem(meeting)
    write_outputs(meeting, problem, solve(problem), out)
    return out


def _csv_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


# --------------------------------------------------------------------------- the list's language


@pytest.mark.parametrize(
    ("headers", "language"),
    [
        (["编号", "姓名", "单位", "职务"], ListLanguage.ZH),
        (["ID", "姓名", "单位"], ListLanguage.ZH),  # ID is written in Chinese lists too
        (["ID", "Name", "Organisation", "Title"], ListLanguage.EN),
        (["\uff2e\uff21\uff2d\uff25", "\uff35\uff4e\uff49\uff54"], ListLanguage.EN),  # full-width NAME, Unit
        (["name", "单位"], ListLanguage.ZH),  # a tie stays Chinese
        (["name", "unit", "职务"], ListLanguage.EN),
        (["ID"], ListLanguage.ZH),
        ([], ListLanguage.ZH),
    ],
)
def test_header_language(headers: list[str], language: ListLanguage) -> None:
    assert header_language(headers) is language


def test_reader_records_the_language_and_the_plan_carries_it(tmp_path: Path) -> None:
    zh = _plan(tmp_path / "zh", ZH_LIST)
    en = _plan(tmp_path / "en", EN_LIST)
    assert read_attendee_list(zh.parent / "list.csv").language is ListLanguage.ZH
    listed = read_attendee_list(en.parent / "list.csv")
    assert listed.language is ListLanguage.EN and len(listed.attendees) == 30
    assert load_meeting(zh).language is ListLanguage.ZH
    assert load_meeting(en).language is ListLanguage.EN
    # Unknown columns do not count: an English list with one Chinese note column is still English.
    (tmp_path / "mixed.csv").write_text("Name,Unit,Rank,随便\n张三,Unit,1,x\n", encoding="utf-8")
    assert read_attendee_list(tmp_path / "mixed.csv").language is ListLanguage.EN


def test_xlsx_follows_the_list_language(tmp_path: Path) -> None:
    zh = load_workbook_of(_write(_plan(tmp_path / "zh", ZH_LIST), tmp_path / "out-zh"))
    en = load_workbook_of(_write(_plan(tmp_path / "en", EN_LIST), tmp_path / "out-en"))
    assert zh.sheetnames == ["全部", "主席台", "台下", "二楼", "技术数据", "座位总表"]
    assert en.sheetnames == ["All", "Dais", "Floor", "二楼", "Technical", "Seats"]  # the plan's own label is kept
    zh_head = [c.value for c in zh["全部"][2]]
    en_head = [c.value for c in en["All"][2]]
    assert zh_head[:6] == ["编号", "姓名", "单位", "职务", "排序", "区域"]
    assert en_head[:6] == ["ID", "Name", "Unit", "Title", "Rank", "Area"]
    areas = {row[5] for row in en["All"].iter_rows(min_row=3, values_only=True)}
    assert areas == {"Dais", "Floor", "二楼"}
    labels = {row[0]: row[9] for row in en["All"].iter_rows(min_row=3, values_only=True)}
    assert labels["E1"].startswith("Dais row 1, seat ")
    assert any(v.startswith("Row 1, seat ") for v in labels.values())
    assert any(v.startswith("二楼 row 1, seat ") for v in labels.values())
    assert not any("排" in v or "号" in v for v in labels.values())
    zh_areas = {row[5] for row in zh["全部"].iter_rows(min_row=3, values_only=True)}
    assert zh_areas == {"主席台", "台下", "二楼"}
    inventory = [c.value for c in en["Seats"][1]]
    assert inventory[:3] == ["Seat id", "Area", "Section code"] and "Status" in inventory
    status = {row[inventory.index("Status")] for row in en["Seats"].iter_rows(min_row=2, values_only=True)}
    assert status <= {"occupied", "empty"} and "occupied" in status
    zh_inventory = [c.value for c in zh["座位总表"][1]]
    status = {row[zh_inventory.index("状态")] for row in zh["座位总表"].iter_rows(min_row=2, values_only=True)}
    assert status <= {"有人", "空"} and "有人" in status
    assert en["All"].oddFooter.center.text.startswith("Page")
    assert zh["全部"].oddFooter.center.text.startswith("第")


@pytest.mark.parametrize(("english", "shown"), [(False, "靠过道、轮椅位、block-1"), (True, "aisle wheelchair block-1")])
def test_inventory_tags_in_the_workbook_language(tmp_path: Path, english: bool, shown: str) -> None:
    from seatplan.export.pack import INVENTORY_COLUMNS

    row = ["s1", "台下", "floor", "", "3", "12", "3排12号", "", "aisle wheelchair block-1", "empty", "", "", ""]
    write_seats_xlsx([], tmp_path / "s.xlsx", english=english, inventory=(INVENTORY_COLUMNS, [row]))
    sheet = openpyxl.load_workbook(tmp_path / "s.xlsx").worksheets[-1]
    values = [c.value for c in sheet[2]]
    assert values[8] == shown and values[4:6] == [3, 12]
    assert values[9] == ("empty" if english else "空") and values[1] == ("Floor" if english else "台下")
    assert values[6] == ("Row 3, seat 12" if english else "3排12号")


def test_csv_header_is_the_same_in_both_languages(tmp_path: Path) -> None:
    """seats.csv is for scripts and replans: its header does not follow the list's language."""
    zh = _csv_rows(_write(_plan(tmp_path / "zh", ZH_LIST), tmp_path / "out-zh") / "seats.csv")
    en = _csv_rows(_write(_plan(tmp_path / "en", EN_LIST), tmp_path / "out-en") / "seats.csv")
    assert zh[0] == en[0] == list(SEAT_COLUMNS)


def load_workbook_of(out: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(out / "seats.xlsx")


# --------------------------------------------------------------------------- 外文名


@pytest.mark.parametrize("rows", [ZH_LIST, EN_LIST], ids=["zh", "en"])
def test_foreign_names_written_back_only_when_present(tmp_path: Path, rows: str) -> None:
    with_names = _write(_plan(tmp_path / "with", rows, foreign=True), tmp_path / "out-with")
    without = _write(_plan(tmp_path / "without", rows), tmp_path / "out-without")
    table = _csv_rows(with_names / "seats.csv")
    assert table[0] == [*SEAT_COLUMNS, "foreign_name"]
    by_id = {r[0]: r[-1] for r in table[1:]}
    assert by_id[table[1][0][0] + "1"] == "Name1" and by_id[table[1][0][0] + "2"] == ""
    assert _csv_rows(without / "seats.csv")[0] == list(SEAT_COLUMNS)
    wb = load_workbook_of(with_names)
    sheet = wb.worksheets[0]
    head = [c.value for c in sheet[2]]
    assert head[2] == ("外文名" if rows is ZH_LIST else "Foreign name")
    values = {row[0]: row[2] for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert values[table[1][0][0] + "1"] == "Name1" and values[table[1][0][0] + "2"] is None
    plain = load_workbook_of(without).worksheets[0]
    assert "外文名" not in [c.value for c in plain[2]] and "Foreign name" not in [c.value for c in plain[2]]


# --------------------------------------------------------------------------- section words


def test_sheet_names_excel_refuses_are_changed() -> None:
    from seatplan.export import section_sheet_name

    assert section_sheet_name("History") == "History_"
    assert section_sheet_name("a\tb") == "a_b"
    assert section_sheet_name("'x'") == "x"


def test_english_area_and_label() -> None:
    assert english_area("floor", "台下") == "Floor"
    assert english_area("dais-2", "主席台") == "Dais"
    assert english_area("balcony", "楼上") == "Balcony"
    assert english_area("balcony", "二楼") == "二楼"  # the plan's own label
    assert english_area("interpreter-guest", "客方翻译") == "Guest interpreter"
    assert english_area("host", "主方") == "Host"
    assert english_label("floor", "台下", "", 3, 12, "3排12号") == "Row 3, seat 12"
    assert english_label("banquet", "宴会厅", "5", 1, 3, "5号桌 3号") == "Table 5, seat 3"
    assert english_label("dais", "主席台", "", 1, 4, "主席台 第1排 4号") == "Dais row 1, seat 4"
    assert english_label("balcony", "二楼", "", 2, 7, "二楼 2排7号") == "二楼 row 2, seat 7"
    assert english_label("guest", "客方", "", 1, 2, "客方 2号") == "Guest, seat 2"


# --------------------------------------------------------------------------- a workbook any reader opens


def _record(k: int, name: str, note: str = "") -> SeatRecord:
    return SeatRecord(id=f"A{k:04d}", name=name, unit="单位&<甲>", rank=k, section="floor", row=1 + k // 10,
                      seat=1 + k % 10, table="", x=k * 0.55, y=-1.0 * k, title="  主任 ", label=f"{1 + k // 10}排",
                      seat_id=f"s{k}", gender="", ethnicity="", phone="0" + str(k), note=note, area="台下")


def _check_parts(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        assert archive.namelist()[0] == "[Content_Types].xml"
        for name in archive.namelist():
            ElementTree.fromstring(archive.read(name))  # every part is well-formed XML


_TEXTS = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@settings(max_examples=40, deadline=None)
@given(names=st.lists(_TEXTS, min_size=1, max_size=5), note=_TEXTS, english=st.booleans())
def test_any_text_reads_back_as_written(tmp_path_factory: pytest.TempPathFactory, names: list[str], note: str,
                                        english: bool) -> None:
    path = tmp_path_factory.mktemp("x") / "seats.xlsx"
    records = [_record(k, name or "某", note) for k, name in enumerate(names, start=1)]
    write_seats_xlsx(records, path, title="标题 <&> \"'", phones=True, english=english)
    _check_parts(path)
    sheet = openpyxl.load_workbook(path).worksheets[0]
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert len(rows) == len(records)
    for record, row in zip(records, rows):
        assert row[0] == record.id and row[1] == (_xml_clean(record.name) or None)
        assert row[2] == "单位&<甲>" and row[3] == "  主任 " and row[-1] == record.phone
        assert row[13] == (_xml_clean(note) or None)
    assert sheet["A1"].value == "标题 <&> \"'"


def _xml_clean(text: str) -> str:
    return "".join(ch for ch in clean_cell_text(text) if ch not in "\ufffe\uffff")


def test_numbers_styles_and_formulas(tmp_path: Path) -> None:
    records = [_record(k, f"人{k}", note="=SUM(A1:A2)" if k == 1 else "") for k in range(1, 25)]
    write_seats_xlsx(records, tmp_path / "s.xlsx", title="t")
    _check_parts(tmp_path / "s.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "s.xlsx")
    sheet = wb["全部"]
    assert sheet["N3"].value == "=SUM(A1:A2)" and sheet["N3"].data_type == "s"  # text, never a formula
    assert sheet["E3"].value == 1 and sheet["G3"].value == 1  # rank and row are numbers
    assert sheet["A3"].number_format == "@" and sheet["A3"].border.left.style == "thin"
    assert sheet["A2"].font.b and sheet["A2"].fill.fgColor.rgb.endswith("D9D9D9")
    assert sheet["A1"].font.sz == 14 and "A1:N1" in {str(r) for r in sheet.merged_cells.ranges}
    tech = wb["技术数据"]
    assert tech["E2"].value == pytest.approx(0.55) and tech["E2"].number_format == "0.00"
    assert tech["F2"].value == pytest.approx(-1.0)
    assert sheet.auto_filter.ref == "A2:N26" and tech.auto_filter.ref == "A1:F25"
    assert tech.print_title_rows == "$1:$1"


def test_many_sheets_and_long_lists(tmp_path: Path) -> None:
    """Sections named alike after cleaning get distinct sheet names; a big list stays well-formed."""
    records = [replace(_record(k, f"人{k}"), area=("a/b" if k % 2 else "a:b"), section=f"s{k % 2}")
               for k in range(1, 2001)]
    write_seats_xlsx(records, tmp_path / "big.xlsx")
    _check_parts(tmp_path / "big.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "big.xlsx", read_only=True)
    assert wb.sheetnames == ["全部", "a_b", "a_b~2", "技术数据"]
    assert sum(1 for _ in wb["全部"].iter_rows(min_row=2)) == 2000


# --------------------------------------------------------------------------- the bench note


def test_stage_times_name_every_stage_and_the_costly_files(tmp_path: Path) -> None:
    from seatplan.bench.outputs import format_stages

    meeting = load_meeting(_plan(tmp_path / "zh", ZH_LIST))
    meeting = replace(meeting, outputs=OutputSpec(files=("seats.xlsx", "inventory.csv", "signin.pdf")))
    problem = build_problem(meeting)
    stages: dict[str, float] = {}
    write_outputs(meeting, problem, solve(problem), tmp_path / "out", timings=stages)
    assert {"csv", "xlsx", "diagram", "cards", "sheets", "signin.pdf", "inventory.csv"} <= stages.keys()
    assert stages["sheets"] >= stages["signin.pdf"] > 0
    note = format_stages({"csv": 0.02, "xlsx": 0.1, "sheets": 2.5, "plan.pdf": 1.2, "dais.pdf": 0.3,
                          "notices.csv": 0.001, "cards": 1.0, "cards.pdf": 0.6})
    assert note == "csv 0.02, xlsx 0.10, cards 1.00 (cards.pdf 0.60), sheets 2.50 (plan.pdf 1.20, dais.pdf 0.30) s"
    assert format_stages({"cards": 1.0, "cards.pdf": 1.0}) == "cards 1.00 s"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_reads_every_sheet_as_openpyxl_does(tmp_path: Path) -> None:
    records = [_record(k, f"人{k}", note="=1+1" if k == 3 else "") for k in range(1, 40)]
    records.append(replace(_record(40, "John <Smith> & Co"), area="二楼", section="balcony"))
    write_seats_xlsx(records, tmp_path / "seats.xlsx", title="会议 & <测试>", phones=True, english=True)
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to",
         "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
         "--outdir", str(tmp_path), str(tmp_path / "seats.xlsx")],
        check=True, capture_output=True, timeout=300,
    )
    book = openpyxl.load_workbook(tmp_path / "seats.xlsx")
    assert book.sheetnames == ["All", "Floor", "二楼", "Technical"]
    for sheet in book.worksheets:
        seen = _csv_rows(tmp_path / f"seats-{sheet.title}.csv")
        expected = [["" if v is None else f"{v:.2f}" if isinstance(v, float) else str(v) for v in row]
                    for row in sheet.iter_rows(values_only=True)]
        assert seen == expected, sheet.title


def test_a_text_longer_than_a_cell_is_cut_in_the_workbook_only(tmp_path: Path) -> None:
    from seatplan.export.tables import CELL_LIMIT

    records = [_record(1, "王伟", note="备" * (CELL_LIMIT + 10))]
    write_seats_xlsx(records, tmp_path / "s.xlsx")
    note = openpyxl.load_workbook(tmp_path / "s.xlsx").worksheets[0].cell(row=2, column=14).value
    assert len(note) == CELL_LIMIT and note.endswith("…")


def test_language_of_an_xlsx_list_with_a_title_row(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["2026 Annual Conference — attendee list"])
    sheet.append(["No.", "Name", "Unit", "Title", "Rank", "备注"])
    sheet.append([1, "Anna Smith", "City Council", "Mayor", 1, "x"])
    book.save(tmp_path / "en.xlsx")
    assert read_attendee_list(tmp_path / "en.xlsx").language is ListLanguage.EN
    sheet.delete_rows(2)
    sheet.insert_rows(2)
    for j, head in enumerate(["序号", "姓名", "单位", "职务", "排序"], start=1):
        sheet.cell(row=2, column=j, value=head)
    book.save(tmp_path / "zh.xlsx")
    assert read_attendee_list(tmp_path / "zh.xlsx").language is ListLanguage.ZH


@pytest.mark.parametrize(("rows", "language", "first_sheet"), [(ZH_LIST, "en", "All"), (EN_LIST, "中文", "全部")])
def test_outputs_language_overrides_the_list(tmp_path: Path, rows: str, language: str, first_sheet: str) -> None:
    plan = _plan(tmp_path / "p", rows)
    plan.write_text(plan.read_text(encoding="utf-8") + f'\n[outputs]\nlanguage = "{language}"\n', encoding="utf-8")
    meeting = load_meeting(plan)
    assert meeting.outputs is not None and meeting.outputs.language is ListLanguage(language)
    meeting = replace(meeting, outputs=replace(meeting.outputs, files=("seats.xlsx",)))
    problem = build_problem(meeting)
    write_outputs(meeting, problem, solve(problem), tmp_path / "out")
    assert load_workbook_of(tmp_path / "out").sheetnames[0] == first_sheet


def test_outputs_language_must_be_a_known_one(tmp_path: Path) -> None:
    from seatplan.errors import SeatplanError

    plan = _plan(tmp_path / "p", ZH_LIST)
    plan.write_text(plan.read_text(encoding="utf-8") + '\n[outputs]\nlanguage = "fr"\n', encoding="utf-8")
    with pytest.raises(SeatplanError, match="language"):
        load_meeting(plan)
