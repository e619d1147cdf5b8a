"""The catalogue of careless and hostile inputs: every case must give one clear error and exit status 2.

Each :class:`Case` builds its files into a fresh folder (the plan file ``plan.toml``
and its attendee list), and names what the message must contain: the file, and
the row, field or value, and a hint. ``tests/test_bad_inputs.py`` runs every
case through ``seatplan solve``; ``python -m tests.bad_catalogue DIR`` writes
them out to look at.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HEADER = "编号,姓名,单位,职务,排序,座区"
PEOPLE = [
    "A01,王建国,县委,书记,1,主席台",
    "A02,李明华,县政府,县长,2,主席台",
    "A03,张卫东,县人大,主任,3,主席台",
    "B01,赵丽,教育局,局长,4,",
    "B02,钱进,教育局,副局长,5,",
    "B03,孙强,卫健委,主任,6,",
    "B04,周敏,卫健委,副主任,7,",
    "B05,吴刚,财政局,局长,8,",
]

PEOPLE_TRADITIONAL = [
    "A01,王建國,縣委,書記,1,主席台",
    "A02,李明華,縣政府,縣長,2,主席台",
    "A03,張衛東,縣議會,議長,3,主席台",
    "B01,趙麗,教育局,局長,4,",
    "B02,錢進,教育局,副局長,5,",
    "B03,孫強,衛生局,局長,6,",
    "B04,周敏,衛生局,副局長,7,",
    "B05,吳剛,財政局,局長,8,",
]

PLAN = """format_version = 1
title = "全县工作会议"
attendees = "{attendees}"
{top}
[venue]
width = {width}
depth = {depth}
stage_depth = {stage_depth}
{venue}
[[venue.doors]]
x = 7.0
y = 0.0
main = true
{doors}
[dais]
rows = [3]

[floor]
blocks = [4, 4]
rows = 3
{floor}
{rest}
"""


def plan_text(
    *,
    attendees: str = "attendees.csv",
    top: str = "",
    width: str = "14.0",
    depth: str = "14.0",
    stage_depth: str = "3.0",
    venue: str = "",
    doors: str = "",
    floor: str = "",
    rest: str = "",
) -> str:
    """The base plan (a 14 m × 14 m hall, a dais row of 3, 24 floor seats) with pieces replaced."""
    return PLAN.format(
        attendees=attendees, top=top, width=width, depth=depth, stage_depth=stage_depth, venue=venue, doors=doors, floor=floor, rest=rest
    )


def csv_text(rows: list[str] | None = None, header: str = HEADER) -> str:
    return "\r\n".join([header, *(PEOPLE if rows is None else rows)]) + "\r\n"


Builder = Callable[[Path], None]


@dataclass(frozen=True)
class Case:
    """One bad input: ``build`` writes it into a folder; the message must contain every text of ``expect``."""

    name: str
    build: Builder
    expect: tuple[str, ...]
    kind: str = "list"
    argv_out: str = "out"
    extra: dict[str, str] = field(default_factory=dict)


def _files(plan: str | None = None, csv: str | bytes | None = None, name: str = "attendees.csv") -> Builder:
    def build(folder: Path) -> None:
        (folder / "plan.toml").write_text(plan if plan is not None else plan_text(), encoding="utf-8")
        if csv is not None:
            data = csv.encode("utf-8") if isinstance(csv, str) else csv
            (folder / name).write_bytes(data)
        elif name == "attendees.csv":
            (folder / name).write_text(csv_text(), encoding="utf-8")

    return build


def _xlsx(fill: Callable[..., None], *, plan: str | None = None) -> Builder:
    def build(folder: Path) -> None:
        import openpyxl

        workbook = openpyxl.Workbook()
        fill(workbook)
        workbook.save(folder / "attendees.xlsx")
        (folder / "plan.toml").write_text(plan or plan_text(attendees="attendees.xlsx"), encoding="utf-8")

    return build


def _sheet(rows: list[list[object]]) -> Callable[..., None]:
    def fill(workbook: object) -> None:
        ws = workbook.active  # type: ignore[attr-defined]
        for row in rows:
            ws.append(row)

    return fill


def _people_rows() -> list[list[object]]:
    out: list[list[object]] = [HEADER.split(",")]
    for line in PEOPLE:
        cells: list[object] = line.split(",")
        cells[4] = int(str(cells[4]))
        out.append(cells)
    return out


def _with(rows: list[list[object]], row: int, column: int, value: object) -> list[list[object]]:
    copy = [list(r) for r in rows]
    copy[row][column] = value
    return copy


def _bad_rank_in(encoding: str, bom: bytes = b"", traditional: bool = False) -> Builder:
    people = list(PEOPLE)
    header = HEADER
    if traditional:
        people = list(PEOPLE_TRADITIONAL)
        header = "編號,姓名,單位,職務,排序,座區"
    people[1] = people[1].replace(",2,", ",第二,")
    text = csv_text(people, header)
    return _files(csv=bom + text.encode(encoding))


def _hidden(workbook: object) -> None:
    _sheet(_people_rows())(workbook)
    workbook.active.row_dimensions[6].hidden = True  # type: ignore[attr-defined]


def _merged_header(workbook: object) -> None:
    ws = workbook.active  # type: ignore[attr-defined]
    ws.append(["编号", "姓名", "单位", "联系方式", None, "排序"])
    ws.append([None, None, None, "电话", "手机", None])
    ws.merge_cells("A1:A2")
    ws.merge_cells("B1:B2")
    ws.merge_cells("C1:C2")
    ws.merge_cells("D1:E1")
    ws.merge_cells("F1:F2")
    ws.append(["A01", "王建国", "县委", "123", "138", 1])


def _formulas(workbook: object) -> None:
    ws = workbook.active  # type: ignore[attr-defined]
    for row in _people_rows():
        ws.append(row)
    ws["E3"] = "=E2+1"


def _error_cell(workbook: object) -> None:
    from openpyxl.cell.cell import TYPE_ERROR

    _sheet(_people_rows())(workbook)
    cell = workbook.active["C4"]  # type: ignore[attr-defined]
    cell.value = "#N/A"
    cell.data_type = TYPE_ERROR


def _empty_first_sheet(workbook: object) -> None:
    workbook.active.title = "说明"  # type: ignore[attr-defined]
    ws = workbook.create_sheet("名单")  # type: ignore[attr-defined]
    for row in _people_rows():
        ws.append(row)


def _out_is_file(folder: Path) -> None:
    _files()(folder)
    (folder / "out").write_text("not a folder")


def _attendees_dir(folder: Path) -> None:
    (folder / "plan.toml").write_text(plan_text(attendees="names"), encoding="utf-8")
    (folder / "names").mkdir()


def _nested(depth: int) -> str:
    return plan_text(rest=f"junk = {'[' * depth}{']' * depth}\n")


def _many_doors(count: int) -> str:
    doors = "".join(f"[[venue.doors]]\nx = {1 + (k % 12)}.0\ny = 0.0\nwidth = 0.5\n" for k in range(count))
    return plan_text(doors=doors)


def cases() -> list[Case]:
    """Every case of the catalogue."""
    people_rows = _people_rows()
    out: list[Case] = [
        # ---------------------------------------------------------------- the list: structure
        Case("empty file", _files(csv=b""), ("attendees.csv", "empty")),
        Case("header only", _files(csv=csv_text([])), ("plan.toml", "attendees", "no attendee rows")),
        Case("blank lines only", _files(csv="\r\n\r\n,,\r\n"), ("attendees.csv", "empty")),
        Case("no name column", _files(csv="编号,单位\r\nA1,县委\r\n"), ("attendees.csv", "no name column")),
        Case("missing name", _files(csv=csv_text([*PEOPLE[:3], "B01,,教育局,局长,4,", *PEOPLE[4:]])), ("row 5", "姓名", "no name")),
        Case("duplicate id", _files(csv=csv_text([*PEOPLE, "B05,郑和,财政局,科长,9,"])), ("row 10", "B05", "used twice")),
        Case(
            "same name twice in one unit, no ids",
            _files(csv=csv_text([p.split(",", 1)[1] for p in [*PEOPLE, "X,吴刚,财政局,局长,9,"]], HEADER.split(",", 1)[1])),
            ("吴刚", "row 10", "twice"),
        ),
        Case(
            "same name in two units named by a rule",
            _files(
                plan=plan_text(rest='[rules]\nkeep_apart = [["赵丽", "吴刚"]]\n'),
                csv=csv_text([*PEOPLE, "C01,赵丽,财政局,科员,9,"]),
            ),
            ("赵丽", "keep_apart"),
        ),
        Case("two columns for one field", _files(csv="姓名,name,单位\r\n王建国,王建国,县委\r\n"), ("both mean", "name")),
        Case("name is a number (shifted columns)", _files(csv=csv_text([*PEOPLE[:3], "B01,4,教育局,局长,4,", *PEOPLE[4:]])), ("row 5", "number or a date")),
        Case("name is a date", _files(csv=csv_text([*PEOPLE[:3], "B01,2024-05-01,教育局,局长,4,", *PEOPLE[4:]])), ("row 5", "2024-05-01")),
        Case("unknown side", _files(csv="姓名,主客\r\n王建国,东方\r\n"), ("主客", "东方")),
        Case("unknown category", _files(csv="姓名,身份\r\n王建国,嘉宾代表\r\n"), ("身份", "嘉宾代表")),
        Case("unknown section", _files(csv=csv_text([*PEOPLE[:3], "B01,赵丽,教育局,局长,4,阳台", *PEOPLE[4:]])), ("阳台",)),
        # ---------------------------------------------------------------- the list: ranks
        Case("rank not a number", _files(csv=csv_text([*PEOPLE[:1], "A02,李明华,县政府,县长,二,主席台", *PEOPLE[2:]])), ("row 3", "排序", "'二'")),
        Case("rank negative", _files(csv=csv_text([*PEOPLE[:1], "A02,李明华,县政府,县长,-2,主席台", *PEOPLE[2:]])), ("row 3", "排序", "-2")),
        Case("rank zero", _files(csv=csv_text([*PEOPLE[:1], "A02,李明华,县政府,县长,0,主席台", *PEOPLE[2:]])), ("row 3", "排序", "'0'")),
        Case("rank decimal", _files(csv=csv_text([*PEOPLE[:1], "A02,李明华,县政府,县长,2.5,主席台", *PEOPLE[2:]])), ("row 3", "2.5")),
        Case("rank blank on the dais among ranks", _files(csv=csv_text([*PEOPLE[:1], "A02,李明华,县政府,县长,,主席台", *PEOPLE[2:]])), ("row 3", "排序", "blank")),
        Case("rank a date (csv)", _files(csv=csv_text([*PEOPLE[:1], "A02,李明华,县政府,县长,2024/5/1,主席台", *PEOPLE[2:]])), ("row 3", "2024/5/1")),
        Case("rank a date (xlsx)", _xlsx(_sheet(_with(people_rows, 2, 4, _dt.datetime(2024, 5, 1)))), ("row 3", "排序", "2024-05-01")),
        Case("rank twice on the dais", _files(csv=csv_text([*PEOPLE[:1], "A02,李明华,县政府,县长,1,主席台", *PEOPLE[2:]])), ("rank 1",)),
        # ---------------------------------------------------------------- the list: encodings
        Case("UTF-8 without BOM", _bad_rank_in("utf-8"), ("row 3", "李明华", "第二")),
        Case("UTF-8 with BOM", _bad_rank_in("utf-8", codecs.BOM_UTF8), ("row 3", "李明华", "第二")),
        Case("GBK", _bad_rank_in("gbk"), ("row 3", "李明华", "第二")),
        Case("GB18030", _bad_rank_in("gb18030"), ("row 3", "李明华", "第二")),
        Case("UTF-16 LE", _bad_rank_in("utf-16-le", codecs.BOM_UTF16_LE), ("row 3", "李明华", "第二")),
        Case("UTF-16 BE", _bad_rank_in("utf-16-be", codecs.BOM_UTF16_BE), ("row 3", "李明华", "第二")),
        Case("Big5", _bad_rank_in("big5", traditional=True), ("row 3", "李明華", "第二")),
        Case("not text in any encoding", _files(csv=csv_text().encode("gbk") + b"\xff\xfe\xfa\n"), ("row 10", "encoding")),
        Case("NUL characters", _files(csv=csv_text().encode("utf-8").replace(b"\xe5\x8e\xbf", b"\x00\x00", 1)), ("NUL",)),
        # ---------------------------------------------------------------- the list: lost and merged rows
        Case("unbalanced quote swallows rows", _files(csv=csv_text([*PEOPLE[:3], 'B01,"赵丽,教育局,局长,4,', *PEOPLE[4:]])), ("line 5", "quote")),
        Case("two quotes merge rows", _files(csv=csv_text([*PEOPLE[:3], 'B01,赵丽,"教育局,局长,4,', *PEOPLE[4:6], 'B04,周敏,卫健委",副主任,7,', *PEOPLE[7:]])), ("line 5", "quote")),
        Case("quote in the name column", _files(csv="姓名,单位\r\n\"王建国\r\n李明华\",县委\r\n"), ("姓名", "lines 2–3")),
        # ---------------------------------------------------------------- the list: xlsx
        Case("hidden rows", _xlsx(_hidden), ("attendees.xlsx", "row 6", "hidden")),
        Case("merged header", _xlsx(_merged_header), ("attendees.xlsx", "header is merged")),
        Case("formula without saved value", _xlsx(_formulas), ("attendees.xlsx", "E3", "formula")),
        Case("cell showing an Excel error", _xlsx(_error_cell), ("attendees.xlsx", "C4", "#N/A")),
        Case("date in the name column (xlsx)", _xlsx(_sheet(_with(people_rows, 4, 1, _dt.date(2024, 5, 1)))), ("row 5", "姓名", "date")),
        Case("number in the name column (xlsx)", _xlsx(_sheet(_with(people_rows, 4, 1, 12345))), ("row 5", "姓名", "number")),
        Case("empty first sheet", _xlsx(_empty_first_sheet), ("attendees.xlsx", "'说明'", "'名单'")),
        Case("not an xlsx", _files(plan=plan_text(attendees="attendees.xlsx"), csv=b"PK\x03\x04 not really", name="attendees.xlsx"), ("attendees.xlsx", "cannot be opened")),
        Case("xls list", _files(plan=plan_text(attendees="attendees.xls"), csv=b"\xd0\xcf\x11\xe0", name="attendees.xls"), ("attendees.xls", ".xlsx")),
        Case("list missing", _files(plan=plan_text(attendees="nobody.csv")), ("nobody.csv", "does not exist")),
        Case("list is a folder", _attendees_dir, ("names", "attendees")),
        # ---------------------------------------------------------------- requests and capacity
        Case("more people than seats", _files(csv=csv_text([*PEOPLE, *(f"C{k:02d},人员{k},后勤,职员,{9 + k}," for k in range(30))])), ("seats",), kind="solve"),
        Case("more dais people than dais seats", _files(csv=csv_text([*PEOPLE[:3], "A04,刘洋,政协,主席,4,主席台", *PEOPLE[3:]])), ("dais",), kind="solve"),
        Case("pin to a missing seat", _files(plan=plan_text(rest='[rules]\npins = { "赵丽" = "99排1号" }\n')), ("99排1号",), kind="rules"),
        Case("two pins to one seat", _files(plan=plan_text(rest='[rules]\npins = { "赵丽" = "1排1号", "钱进" = "1排1号" }\n')), ("1排1号",), kind="rules"),
        Case("pin of an unknown person", _files(plan=plan_text(rest='[rules]\npins = { "马六" = "1排1号" }\n')), ("马六",), kind="rules"),
        Case("keep_apart with an unknown person", _files(plan=plan_text(rest='[rules]\nkeep_apart = [["赵丽", "马六"]]\n')), ("马六", "keep_apart"), kind="rules"),
        Case("pin to a malformed seat label", _files(plan=plan_text(rest='[rules]\npins = { "赵丽" = "第一排" }\n')), ("第一排",), kind="rules"),
        Case("reserved row that does not exist", _files(plan=plan_text(rest="[rules]\nreserved_rows = [40]\n")), ("reserved_rows", "40"), kind="rules"),
        Case("contradictory rules", _files(plan=plan_text(rest='[rules]\nkeep_apart = [["赵丽", "钱进"]]\nkeep_together = [["赵丽", "钱进"]]\n')), ("赵丽", "钱进"), kind="rules"),
        # ---------------------------------------------------------------- the plan file
        Case("TOML syntax error", _files(plan=plan_text().replace("width = 14.0", "width = 14.0 m")), ("plan.toml", "line 6", "column 14")),
        Case("plan not UTF-8", lambda f: (_files()(f), (f / "plan.toml").write_bytes(plan_text().encode("gbk"))), ("plan.toml", "UTF-8")),
        Case("plan missing", lambda f: None, ("plan.toml", "not found"), kind="plan"),
        Case("wrong type", _files(plan=plan_text(width='"十四米"')), ("venue.width", "十四米")),
        Case("unknown key", _files(plan=plan_text(venue="widht = 3.0\n")), ("widht", "width")),
        Case("missing attendees key", _files(plan=plan_text().replace('attendees = "attendees.csv"\n', "")), ("plan.toml", "attendees")),
        Case("negative width", _files(plan=plan_text(width="-14.0")), ("venue.width", "-14")),
        Case("zero depth", _files(plan=plan_text(depth="0.0")), ("venue.width/depth", "0.0")),
        Case("NaN width", _files(plan=plan_text(width="nan")), ("venue.width", "nan")),
        Case("infinite depth", _files(plan=plan_text(depth="inf")), ("venue.depth", "inf")),
        Case("kilometre-deep room", _files(plan=plan_text(depth="1000000.0")), ("venue.depth", "1000000")),
        Case("stage deeper than the room", _files(plan=plan_text(stage_depth="20.0")), ("stage_depth", "20")),
        Case(
            "self-intersecting outline",
            _files(plan=plan_text(width="14.0", depth="14.0").replace("width = 14.0\ndepth = 14.0\n", "outline = [[0, 0], [14, 0], [0, 14], [14, 14]]\n")),
            ("outline", "intersect"),
        ),
        Case("door 86 m outside a 14 m room", _files(plan=plan_text(doors="[[venue.doors]]\nx = 100.0\ny = 0.0\n")), ("door", "100")),
        Case("tens of thousands of doors", _files(plan=_many_doors(20000)), ("venue.doors", "20001", "1000")),
        Case("deeply nested array", _files(plan=_nested(5000)), ("plan.toml", "nest")),
        Case("newer format_version", _files(plan=plan_text().replace("format_version = 1", "format_version = 99")), ("format_version", "99")),
        Case("format_version not a number", _files(plan=plan_text().replace("format_version = 1", 'format_version = "1"')), ("format_version",)),
        Case("dais rows zero", _files(plan=plan_text().replace("rows = [3]", "rows = [0]")), ("dais.rows",)),
        Case("absurd floor block", _files(plan=plan_text().replace("blocks = [4, 4]", "blocks = [4, 1000000]")), ("floor.blocks", "1000000")),
        Case("absurd floor rows", _files(plan=plan_text().replace("rows = 3\n", "rows = 1000000\n")), ("floor.rows", "1000000")),
        Case("floor seat width zero", _files(plan=plan_text(floor="seat_width = 0.0\n")), ("seat_width", "0")),
        Case("out names a file", _out_is_file, ("out", "is a file"), kind="cli"),
    ]
    return out


def main(argv: list[str]) -> int:
    """Write every case into ``DIR/<n>-<name>/`` (to look at the files by hand)."""
    root = Path(argv[0] if argv else "bad-inputs")
    for k, case in enumerate(cases(), start=1):
        folder = root / f"{k:02d}-{case.name.replace(' ', '-')}"
        folder.mkdir(parents=True, exist_ok=True)
        case.build(folder)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
