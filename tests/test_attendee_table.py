"""Tests of seatplan.io.attendee_table: reading and writing attendee lists."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from seatplan.errors import AttendeeFileError, Location
from seatplan.io import read_attendees, write_attendees_csv
from seatplan.io.attendee_table import HEADER_ALIASES
from seatplan.model import Attendee

DATA = Path(__file__).parent / "data"

HEADER = "编号,姓名,单位,职务,排序,座区,电话,标签\n"
ROWS = "X1,张三,办公厅,主任,2,主席台,010-12345678,wheelchair、vip\nX2,李四,财政厅,厅长,1,,13800138000,\n"


def write_text(tmp_path: Path, text: str, *, encoding: str = "utf-8", name: str = "list.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def write_xlsx(tmp_path: Path, rows: list[list[object]], *, name: str = "list.xlsx", title: str = "名单") -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    path = tmp_path / name
    workbook.save(path)
    return path


def assert_location(exc: AttendeeFileError, path: Path, row: int | None, field: str, value: object) -> None:
    """The error carries the location and names all of it in its message."""
    assert exc.location == Location(file=str(path), row=row, field=field, value=value)
    text = str(exc)
    assert str(path) in text
    if row is not None:
        assert f"row {row}" in text
    if field:
        assert f"'{field}'" in text
    if value is not None:
        assert repr(value) in text
    assert exc.hint and "Fix:" in text


# --------------------------------------------------------------------------- encodings and formats


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_encodings(tmp_path: Path, encoding: str) -> None:
    path = write_text(tmp_path, HEADER + ROWS, encoding=encoding)
    first, second = read_attendees(path)
    assert first == Attendee(
        id="X1",
        name="张三",
        unit="办公厅",
        title="主任",
        rank=2,
        section="dais",
        phone="010-12345678",
        tags=frozenset({"wheelchair", "vip"}),
    )
    assert (second.id, second.name, second.rank, second.section, second.phone) == ("X2", "李四", 1, "", "13800138000")
    assert first.source == Location(file=str(path), row=2)
    assert second.source == Location(file=str(path), row=3)


def test_gbk_rare_character_needs_gb18030(tmp_path: Path) -> None:
    # 镕 is in GBK; 𠀀 (U+20000) only in GB18030 — both decode.
    path = write_text(tmp_path, "姓名\n朱镕基\n𠀀\n", encoding="gb18030")
    assert [a.name for a in read_attendees(path)] == ["朱镕基", "𠀀"]


def test_utf16_with_bom_from_excel_unicode_text(tmp_path: Path) -> None:
    path = write_text(tmp_path, "姓名\t单位\r\n张三\t办公厅\r\n", encoding="utf-16")
    (only,) = read_attendees(path)
    assert (only.name, only.unit) == ("张三", "办公厅")


def test_tab_separated_csv(tmp_path: Path) -> None:
    path = write_text(tmp_path, "姓名\t单位\t备注\n张三\t办公厅, 秘书处\t迟到\n")
    (only,) = read_attendees(path)
    assert (only.name, only.unit, only.note) == ("张三", "办公厅, 秘书处", "迟到")


def test_single_column_csv_falls_back_to_comma(tmp_path: Path) -> None:
    path = write_text(tmp_path, "姓名\n张三\n李四\n")
    assert [a.name for a in read_attendees(path)] == ["张三", "李四"]


def test_quoted_cell_with_newline_keeps_row_numbers(tmp_path: Path) -> None:
    path = write_text(tmp_path, '姓名,备注\n张三,"第一行\n第二行"\n李四,\n')
    first, second = read_attendees(path)
    assert first.note == "第一行\n第二行"
    assert (first.source.row, second.source.row) == (2, 3)


def test_xlsx_numeric_phone_and_generated_ids(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path,
        [
            ["姓名", "单位", "手机", "排序", "单位排序"],
            ["张三", "办公厅", 13800138000, 3.0, 2],
            [None, None, None, None, None],
            ["李四", "财政厅", 13800138001.0, None, None],
            ["王五", "财政厅", "01012345678", "", "1"],
        ],
    )
    attendees = read_attendees(path)
    assert [a.id for a in attendees] == ["A0001", "A0002", "A0003"]
    assert [a.phone for a in attendees] == ["13800138000", "13800138001", "01012345678"]
    assert [a.rank for a in attendees] == [3, 2, 3]  # empty rank = data-row position
    assert [a.unit_order for a in attendees] == [2, 0, 1]
    assert [a.source.row for a in attendees] == [2, 4, 5]  # the empty row 3 is skipped, numbers kept


def test_xlsx_zero_padded_number_format_keeps_leading_zero(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["姓名", "电话"])
    sheet.append(["张三", 1012345678])
    sheet["B2"].number_format = "00000000000"
    path = tmp_path / "zeros.xlsx"
    workbook.save(path)
    assert read_attendees(path)[0].phone == "01012345678"


def test_xlsx_named_sheet(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.active.append(["说明"])
    second = workbook.create_sheet("参会人员")
    second.append(["姓名"])
    second.append(["张三"])
    path = tmp_path / "two.xlsx"
    workbook.save(path)
    assert [a.name for a in read_attendees(path, sheet="参会人员")] == ["张三"]


def test_title_row_above_header_and_empty_rows(tmp_path: Path) -> None:
    path = DATA / "attendees_title_row.csv"
    attendees = read_attendees(path)
    assert [(a.name, a.rank, a.source.row) for a in attendees] == [("张三", 1, 3), ("李四", 2, 5)]
    assert [a.id for a in attendees] == ["A0001", "A0002"]


def test_ids_widen_beyond_9999(tmp_path: Path) -> None:
    path = write_text(tmp_path, "姓名\n" + "".join(f"P{i}\n" for i in range(10_000)))
    attendees = read_attendees(path)
    assert (attendees[0].id, attendees[-1].id) == ("A00001", "A10000")


# --------------------------------------------------------------------------- headers and values


def test_english_headers_case_and_spaces(tmp_path: Path) -> None:
    text = " ID ,NAME,Delegation,Position,Order,Zone,Unit Order,Sex,Ethnicity,Mobile,Remark,Tags,Extra\n"
    text += "d1,Ana Silva,Portugal,Minister,1,Dais,3,F,,+351 21 000,arrives late,\"vip, interpreter\",x\n"
    path = write_text(tmp_path, text)
    (only,) = read_attendees(path)
    assert only == Attendee(
        id="d1",
        name="Ana Silva",
        unit="Portugal",
        title="Minister",
        rank=1,
        section="dais",
        unit_order=3,
        gender="F",
        phone="+351 21 000",
        note="arrives late",
        tags=frozenset({"vip", "interpreter"}),
    )


def test_full_width_header_spaces_and_cell_spaces(tmp_path: Path) -> None:
    path = write_text(tmp_path, "姓\u3000名,\u3000单位\u3000\n\u3000王\u3000伟\u3000, 办公厅 \n")
    (only,) = read_attendees(path)
    assert (only.name, only.unit) == ("王\u3000伟", "办公厅")  # ends trimmed, inside kept


@pytest.mark.parametrize("alias", [alias for aliases in HEADER_ALIASES.values() for alias in aliases])
def test_every_alias_is_recognised(tmp_path: Path, alias: str) -> None:
    header = "姓名" if alias in HEADER_ALIASES["name"] else f"姓名,{alias}"
    sample = "主方" if alias in HEADER_ALIASES["side"] else "正式" if alias in HEADER_ALIASES["category"] else "5"
    value = "张三" if alias in HEADER_ALIASES["name"] else f"张三,{sample}"
    assert len(read_attendees(write_text(tmp_path, f"{header}\n{value}\n"))) == 1


@pytest.mark.parametrize(
    ("side", "category", "expected"),
    [
        ("主方", "正式代表", ("host", "official")),
        ("客", "候补", ("guest", "alternate")),
        ("Guest", "列席", ("guest", "observer")),
        ("", "旁听", ("", "auditor")),
        ("HOST", "", ("host", "")),
    ],
)
def test_side_and_category(tmp_path: Path, side: str, category: str, expected: tuple[str, str]) -> None:
    (a,) = read_attendees(write_text(tmp_path, f"姓名,主客,身份\n张三,{side},{category}\n"))
    assert (a.side, a.category) == expected


@pytest.mark.parametrize(("header", "value"), [("主客", "中立"), ("身份", "特邀")])
def test_bad_side_or_category(tmp_path: Path, header: str, value: str) -> None:
    with pytest.raises(AttendeeFileError) as info:
        read_attendees(write_text(tmp_path, f"姓名,{header}\n张三,{value}\n"))
    loc = info.value.location
    assert (loc.row, loc.field, loc.value) == (2, header, value)


def test_full_width_digits_in_rank(tmp_path: Path) -> None:
    path = write_text(tmp_path, "姓名,排序,单位排序\n张三,３,１２\n李四,10,\n")
    assert [(a.rank, a.unit_order) for a in read_attendees(path)] == [(3, 12), (10, 0)]


@pytest.mark.parametrize(
    ("cell", "section"),
    [
        ("主席台", "dais"),
        ("台上", "dais"),
        ("DAIS", "dais"),
        ("", ""),
        ("台下", ""),
        ("会场", ""),
        ("Floor", ""),
        (" Balcony ", "balcony"),
        ("A区", "a区"),
    ],
)
def test_section_mapping(tmp_path: Path, cell: str, section: str) -> None:
    path = write_text(tmp_path, f"姓名,座区\n张三,{cell}\n")
    assert read_attendees(path)[0].section == section


def test_default_ranks_follow_file_order(tmp_path: Path) -> None:
    path = write_text(tmp_path, "姓名\n丙\n甲\n\n乙\n")
    assert [(a.name, a.rank) for a in read_attendees(path)] == [("丙", 1), ("甲", 2), ("乙", 3)]


def test_tags_split_on_all_separators(tmp_path: Path) -> None:
    path = write_text(tmp_path, "姓名,标签\n张三,\"a,b，c;d、e f\u3000g\"\n")
    assert read_attendees(path)[0].tags == frozenset("abcdefg")


def test_header_only_gives_no_attendees(tmp_path: Path) -> None:
    assert read_attendees(write_text(tmp_path, "姓名,单位\n")) == ()


# --------------------------------------------------------------------------- errors


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nobody.xlsx"
    with pytest.raises(AttendeeFileError, match="file not found") as info:
        read_attendees(path)
    assert_location(info.value, path, None, "", None)
    assert "plan file" in info.value.hint


def test_unsupported_extension(tmp_path: Path) -> None:
    path = write_text(tmp_path, "姓名\n张三\n", name="list.xls")
    with pytest.raises(AttendeeFileError, match="unsupported") as info:
        read_attendees(path)
    assert_location(info.value, path, None, "", ".xls")


@pytest.mark.parametrize("text", ["", "\n\n , ,\n"])
def test_empty_file(tmp_path: Path, text: str) -> None:
    path = write_text(tmp_path, text)
    with pytest.raises(AttendeeFileError, match="empty") as info:
        read_attendees(path)
    assert_location(info.value, path, None, "", None)


def test_empty_xlsx(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path, [])
    with pytest.raises(AttendeeFileError, match="empty"):
        read_attendees(path)


def test_no_name_column() -> None:
    path = DATA / "attendees_no_name_column.csv"
    with pytest.raises(AttendeeFileError, match="no name column") as info:
        read_attendees(path)
    assert_location(info.value, path, 1, "name", None)
    assert "'Full name'" in str(info.value) and "'Unit'" in str(info.value)  # headers found
    assert "姓名" in info.value.hint and "名字" in info.value.hint  # accepted names


def test_duplicate_mapped_column(tmp_path: Path) -> None:
    path = write_text(tmp_path, "姓名,单位,代表团\n张三,a,b\n")
    with pytest.raises(AttendeeFileError, match="'单位' and '代表团'") as info:
        read_attendees(path)
    assert_location(info.value, path, 1, "代表团", "代表团")


def test_row_without_name() -> None:
    path = DATA / "attendees_missing_name.csv"
    with pytest.raises(AttendeeFileError, match="no name") as info:
        read_attendees(path)
    assert_location(info.value, path, 3, "姓名", "")


def test_bad_rank() -> None:
    path = DATA / "attendees_bad_rank.csv"
    with pytest.raises(AttendeeFileError, match="rank of 李四") as info:
        read_attendees(path)
    assert_location(info.value, path, 3, "排序", "二")


@pytest.mark.parametrize("rank", ["0", "-1", "1.5", "3a"])
def test_rank_must_be_whole_number_from_one(tmp_path: Path, rank: str) -> None:
    path = write_text(tmp_path, f"姓名,Rank\n张三,{rank}\n")
    with pytest.raises(AttendeeFileError) as info:
        read_attendees(path)
    assert_location(info.value, path, 2, "Rank", rank)


def test_bad_rank_in_xlsx(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path, [["姓名", "序号"], ["张三", 2.5]])
    with pytest.raises(AttendeeFileError) as info:
        read_attendees(path)
    assert_location(info.value, path, 2, "序号", "2.5")


def test_bad_unit_order(tmp_path: Path) -> None:
    path = write_text(tmp_path, "姓名,单位排序\n张三,first\n")
    with pytest.raises(AttendeeFileError, match="unit order") as info:
        read_attendees(path)
    assert_location(info.value, path, 2, "单位排序", "first")


def test_duplicate_id(tmp_path: Path) -> None:
    path = write_text(tmp_path, "代码,姓名\nX1,张三\nX2,李四\nX1,王五\n")
    with pytest.raises(AttendeeFileError, match="rows 2 and 4") as info:
        read_attendees(path)
    assert_location(info.value, path, 4, "代码", "X1")


def test_undecodable_bytes(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes("姓名\n张三\n".encode("gbk") + b"\xff\xff\n")
    with pytest.raises(AttendeeFileError, match="UTF-8 with BOM, UTF-8, GB18030") as info:
        read_attendees(path)
    assert_location(info.value, path, 3, "", b"\xff")


def test_xlsx_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = write_text(tmp_path, "姓名\n张三\n", name="renamed.xlsx")
    with pytest.raises(AttendeeFileError, match="cannot be opened") as info:
        read_attendees(path)
    assert_location(info.value, path, None, "", None)


def test_missing_sheet(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path, [["姓名"], ["张三"]], title="名单")
    with pytest.raises(AttendeeFileError, match="no sheet named '嘉宾'") as info:
        read_attendees(path, sheet="嘉宾")
    assert_location(info.value, path, None, "sheet", "嘉宾")
    assert "'名单'" in info.value.hint


# --------------------------------------------------------------------------- writing


def test_write_round_trip(tmp_path: Path) -> None:
    attendees = (
        Attendee(id="A0001", name="张三", unit="办公厅", title="主任", rank=2, section="dais", unit_order=1),
        Attendee(
            id="007",
            name="Ana Silva",
            unit="Portugal, Lisbon",
            rank=1,
            section="balcony",
            gender="女",
            ethnicity="汉族",
            phone="01012345678",
            note='says "hi"\nsecond line',
            tags=frozenset({"vip", "wheelchair"}),
        ),
    )
    path = tmp_path / "out.csv"
    write_attendees_csv(attendees, path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf" + "编号,姓名,单位".encode())
    assert read_attendees(path) == attendees


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (b"<sheetData>", b'<sheetFormatPr defaul1tRowHeight="15" /><sheetData>'),  # an attribute openpyxl does not know
        (b"<worksheet", b"\x00\xff<worksheet"),  # a sheet part that is not XML
        (b"<sheetData>", b"<sheetData><row r="),  # a sheet cut short
    ],
)
def test_a_damaged_sheet_part_is_refused_naming_the_file(tmp_path: Path, old: bytes, new: bytes) -> None:
    """Read-only workbooks parse a sheet only when its rows are read: damage found there is an error, not a crash."""
    import zipfile

    good = tmp_path / "good.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "单位"])
    wb.active.append(["张三", "县政府"])
    wb.save(good)
    bad = tmp_path / "名单.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                assert old in data
                data = data.replace(old, new, 1)
            dst.writestr(item, data)
    with pytest.raises(AttendeeFileError, match="名单.xlsx.*cannot be|cannot be.*名单.xlsx") as err:
        read_attendees(bad)
    assert "again as .xlsx" in str(err.value)
