"""Sign-in sheets, unit notices, notice texts, supplies and the seat inventory: opened and read back."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seatplan.errors import ValidationError
from seatplan.export import SeatRecord
from seatplan.export.sheets import (
    build_unit_notices,
    count_supplies,
    render_notice_texts,
    seat_ranges,
    write_signin_sheets,
    write_unit_notices,
)
from seatplan.io.plan_file import load_meeting
from seatplan.pipeline import build_problem, write_outputs
from seatplan.solve import solve

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout


def rec(k: int, unit: str, row: int, seat: int, area: str = "台下", name: str = "") -> SeatRecord:
    label = f"{row}排{seat}号" if area == "台下" else f"{area} {row}排{seat}号"
    return SeatRecord(id=f"P{k}", name=name or f"人员{k}", unit=unit, rank=0, section="floor", row=row, seat=seat,
                      table="", x=float(seat), y=float(-row), title="科员", label=label, seat_id=f"s{k}", gender="",
                      ethnicity="", phone="", note="", area=area)


def test_seat_ranges_join_consecutive_numbers() -> None:
    records = [rec(k, "县公安局", 7, k) for k in range(1, 11)]
    assert seat_ranges(records) == "7排1–10号"
    records = [rec(1, "u", 7, 1), rec(2, "u", 7, 2), rec(3, "u", 7, 5), rec(4, "u", 8, 1), rec(5, "u", 2, 3, "二楼")]
    assert seat_ranges(records) == "7排1–2号、5号、8排1号、二楼 2排3号"


def test_unit_notice_sentence() -> None:
    records = [rec(k, "县公安局", 7, k) for k in range(1, 11)]
    (notice,) = build_unit_notices(records, {"县公安局": "东门"})
    assert notice.text == "县公安局 10人 7排1–10号，请从东门入场"


def test_notice_template_fields_and_unknown_field() -> None:
    records = [rec(1, "县公安局", 7, 1, name="王伟")]
    texts = render_notice_texts(records, "{name}同志：请于{date}出席{meeting}，座位{seat}，从{door}入场。",
                                meeting="全县大会", date="12月18日", doors={"县公安局": "东门"})
    assert texts == ["王伟同志：请于12月18日出席全县大会，座位7排1号，从东门入场。"]
    with pytest.raises(ValidationError, match="unknown field"):
        render_notice_texts(records, "{姓名}", meeting="", date="")
    with pytest.raises(ValidationError, match="cannot be read"):
        render_notice_texts(records, "{name", meeting="", date="")


def test_supplies_follow_r_phy_14() -> None:
    records = [rec(k, "u", 1, k) for k in range(1, 61)]
    winter = count_supplies(records, name_cards=0, seat_cards=60, half_days=2, date="2026-12-18")
    assert (winter.water, winter.thermoses, winter.cups) == (120, 10, 60)
    assert 60 / 8 <= winter.thermoses <= 60 / 5
    summer = count_supplies(records, name_cards=0, seat_cards=60, half_days=1, date="2026-07-01")
    assert (summer.water, summer.thermoses, summer.cups) == (60, 0, 0)


@needs_poppler
def test_54_units_each_get_a_signin_sheet_and_a_notice(tmp_path: Path) -> None:
    records = []
    k = 0
    for u in range(54):
        for _s in range(3):
            k += 1
            records.append(rec(k, f"第{u + 1}单位", 1 + k // 20, 1 + k % 20))
    write_signin_sheets(records, tmp_path / "s.pdf", title="大会")
    text = pdf_text(tmp_path / "s.pdf")
    assert text.count("\f") == 54  # one page per unit
    assert all(f"第{u + 1}单位" in text for u in range(54))
    assert text.count("应到 3 人") >= 54 and "签名" in text
    notices = build_unit_notices(records)
    write_unit_notices(notices, tmp_path / "n.pdf", title="大会")
    assert pdf_text(tmp_path / "n.pdf").count("贵单位参会 3 人") == 54


@needs_poppler
def test_long_unit_and_name_stay_in_their_cells(tmp_path: Path) -> None:
    records = [rec(1, "县" * 120, 1, 1, name="长" * 200), rec(2, "县" * 120, 1, 2)]
    write_signin_sheets(records, tmp_path / "s.pdf", per_unit=False)
    out = subprocess.run(["pdftotext", "-bbox", str(tmp_path / "s.pdf"), "-"], check=True, capture_output=True,
                         text=True).stdout
    import re

    spans: dict[str, list[tuple[float, float]]] = {"长": [], "县": [], "序号": [], "座位": []}
    for m in re.finditer(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<', out):
        x0, x1 = float(m.group(1)) * 25.4 / 72, float(m.group(2)) * 25.4 / 72
        for key in spans:
            if m.group(3).startswith(key):
                spans[key].append((x0, x1))
    # the columns are sized to the content: each text stays between its neighbours, none runs into the next
    assert spans["长"] and spans["县"]
    assert max(x1 for _, x1 in spans["序号"]) < min(x0 for x0, _ in spans["长"])
    assert max(x1 for _, x1 in spans["长"]) < min(x0 for x0, _ in spans["县"])
    assert max(x1 for _, x1 in spans["县"]) < min(x0 for x0, _ in spans["座位"])


@pytest.fixture(scope="module")
def township(tmp_path_factory: pytest.TempPathFactory) -> Path:
    meeting = load_meeting(EXAMPLES / "township" / "plan.toml")
    problem = build_problem(meeting)
    out = tmp_path_factory.mktemp("pack") / "out"
    write_outputs(meeting, problem, solve(problem), out)
    return out


@needs_poppler
def test_pack_files_of_a_solve(township: Path) -> None:
    summary = json.loads((township / "summary.json").read_text(encoding="utf-8"))
    for name in ("signin.pdf", "signin-all.pdf", "notices.pdf", "notices.csv", "supplies.pdf", "inventory.csv"):
        assert (township / name).is_file() and name in summary["files"]
    assert summary["supplies"]["water_bottles"] == summary["seated"]
    notices = list(csv.DictReader(io.StringIO((township / "notices.csv").read_text(encoding="utf-8-sig"))))
    assert sum(int(n["people"]) for n in notices) == summary["seated"]
    assert all(n["text"].startswith(f"{n['unit']} {n['people']}人 ") for n in notices)
    signin = pdf_text(township / "signin-all.pdf")
    assert f"应到 {summary['seated']} 人" in signin
    supplies = pdf_text(township / "supplies.pdf")
    assert "瓶装水" in supplies and str(summary["supplies"]["water_bottles"]) in supplies


def test_inventory_lists_every_seat(township: Path) -> None:
    summary = json.loads((township / "summary.json").read_text(encoding="utf-8"))
    rows = list(csv.DictReader(io.StringIO((township / "inventory.csv").read_text(encoding="utf-8-sig"))))
    assert len(rows) == summary["seats"]
    assert sum(r["status"] == "occupied" for r in rows) == summary["seated"]
    assert len({r["seat_id"] for r in rows}) == len(rows)


def test_xlsx_inventory_and_technical_sheets(township: Path) -> None:
    from openpyxl import load_workbook

    summary = json.loads((township / "summary.json").read_text(encoding="utf-8"))
    wb = load_workbook(township / "seats.xlsx")
    assert wb.sheetnames[0] == "全部" and wb.sheetnames[-2:] == ["技术数据", "座位总表"]
    inventory = wb["座位总表"]
    assert inventory.max_row == summary["seats"] + 1
    header = [c.value for c in inventory[1]]
    assert header[:3] == ["座位编号", "区域", "区域代码"] and "标签" in header and "状态" in header
    status = header.index("状态")
    assert sum(1 for row in inventory.iter_rows(min_row=2, values_only=True) if row[status] == "有人") == summary["seated"]
    printed = [c.value for c in wb["全部"][2]]
    assert "x" not in printed and "座位编号" not in printed and "电话" not in printed


@pytest.mark.parametrize(
    ("column", "value", "char"),
    [("职务", "主任𠀀", "U+20000"), ("单位", "县委😀办", "U+1F600"), ("姓名", "王\U0002A6A5伟", "U+2A6A5")],
)
def test_a_character_the_face_lacks_names_person_row_and_column(tmp_path: Path, column: str, value: str,
                                                                char: str) -> None:
    # whichever text of a person (name, unit, title) has it, and whichever sheet prints it first
    src = EXAMPLES / "meeting-room"
    lines = (src / "attendees.csv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    cells = lines[3].split(",")  # the third person: row 4 of the file
    person = cells[header.index("姓名")] if column != "姓名" else value
    cells[header.index(column)] = value
    lines[3] = ",".join(cells)
    (tmp_path / "attendees.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    shutil.copy(src / "plan.toml", tmp_path / "plan.toml")
    meeting = load_meeting(tmp_path / "plan.toml")
    problem = build_problem(meeting)
    with pytest.warns(UserWarning), pytest.raises(ValidationError) as caught:
        write_outputs(meeting, problem, solve(problem), tmp_path / "out")
    message = str(caught.value)
    assert person in message and "attendees.csv" in message and "row 4" in message, message
    assert column in message and char in message and "cards.font" not in message, message
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir()), "nothing is written"


def test_each_sheet_checks_unit_and_title_before_drawing(tmp_path: Path) -> None:
    from seatplan.errors import Location

    bad = SeatRecord(**{**rec(1, "县委", 1, 1).__dict__, "title": "主任𠀀", "source": Location(file="名单.csv", row=9)})
    for write in (lambda p: write_signin_sheets([bad], p), lambda p: write_unit_notices(build_unit_notices([bad]), p)):
        with pytest.raises(ValidationError) as caught:
            write(tmp_path / "x.pdf")
        assert all(part in str(caught.value) for part in ("人员1", "名单.csv", "row 9", "职务", "U+20000"))
        assert not (tmp_path / "x.pdf").exists()


def words_with_sizes(path: Path) -> list[tuple[str, float, float, float]]:
    """Every word of the PDF with its type size in points (box height over the face's 1.448 em line), its
    horizontal centre and its top in millimetres."""
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True).stdout
    out = []
    for m in re.finditer(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', html):
        x0, y0, x1, y1 = (float(v) for v in m.groups()[:4])
        out.append((m.group(5), (y1 - y0) / 1.448, (x0 + x1) / 2 * 25.4 / 72, y0 * 25.4 / 72))
    return out


long_unit = st.text(alphabet="新疆维吾尔自治区伊犁哈萨克州某县乡镇人民政府农业综合服务中心第一分", min_size=20, max_size=60)
long_name = st.lists(st.text(alphabet="阿不都热合曼买提艾力江古丽", min_size=2, max_size=6), min_size=1,
                     max_size=4).map("·".join)


@needs_poppler
@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(unit=long_unit, name=long_name, per_unit=st.booleans())
def test_signin_sheet_wraps_long_texts_at_a_readable_size(tmp_path: Path, unit: str, name: str,
                                                           per_unit: bool) -> None:
    # a 40-character unit was shrunk to about 6.6 pt on one line in a fixed column; the signature column
    # took 40 % of the width whatever the texts
    records = [rec(1, unit, 1, 1, name=name), *(rec(k, unit, 1, k) for k in range(2, 30)),
               rec(30, "县委", 2, 1, "二楼")]
    path = tmp_path / "signin.pdf"
    write_signin_sheets(records, path, title="全县大会", per_unit=per_unit)
    words = words_with_sizes(path)
    small = [(w, round(size, 1)) for w, size, _, _ in words if size < 7.9]
    assert not small, small
    cells = "".join(w for w, _, _, top in words if top < 280)  # above the footer (a long unit is cut there)
    assert "…" not in cells
    sign = [(cx, top) for w, _, cx, top in words if w == "签名"]
    assert sign and all(2 * (195.0 - cx) >= 35.0 for cx, _ in sign), sign  # the column is centred on its header


@needs_poppler
def test_signin_columns_follow_the_content(tmp_path: Path) -> None:
    short = [rec(k, "县委", 1, k, name="王伟") for k in range(1, 5)]
    path = tmp_path / "a.pdf"
    write_signin_sheets(short, path, per_unit=False)
    (cx,) = [cx for w, _, cx, _ in words_with_sizes(path) if w == "签名"]
    assert 2 * (195.0 - cx) > 80.0, "short texts leave the signature column most of the page"


@needs_poppler
@pytest.mark.parametrize("example", ["banquet", "banquet-intl", "banquet-western"])
def test_main_table_has_one_name_everywhere_a_guest_looks(tmp_path: Path, example: str) -> None:
    # table 1 was 主桌 on the diagrams but "1号桌" on the table card, the list per table and notices.csv
    from seatplan.errors import Location
    from seatplan.model.seats import SeatTag
    from seatplan.rules import find_seat

    meeting = load_meeting(EXAMPLES / example / "plan.toml")
    problem = build_problem(meeting)
    out = tmp_path / "out"
    write_outputs(meeting, problem, solve(problem), out)
    main = [s for s in problem.seats if SeatTag.MAIN_TABLE in s.tags]
    assert main
    number = main[0].table
    name = f"主桌（{number}号桌）"
    bare = re.compile(rf"(?<![（\d]){number}号桌")  # the main table's number without its name
    seats_csv = (out / "seats.csv").read_text(encoding="utf-8-sig")
    assert name in seats_csv and not bare.search(seats_csv)
    notices = (out / "notices.csv").read_text(encoding="utf-8-sig")
    assert name in notices and not bare.search(notices)
    if (out / "table-lists.pdf").exists():
        lists = pdf_text(out / "table-lists.pdf")
        assert name in lists and not bare.search(lists)
    if (out / "table-cards.pdf").exists():
        first = pdf_text(out / "table-cards.pdf").split("\f")[0]
        assert "主桌" in first and f"{number}号桌" in first
    # a person may write the seat as the card prints it, as the diagram names the table, or by its number
    seat = next(s for s in main if s.number == 2)
    for label in (seat.describe(), f"主桌 {seat.number}号", f"{number}号桌 {seat.number}号",
                  f"主桌({number}号桌){seat.number}号"):
        assert find_seat(problem, label, location=Location()) == seat.id, label
    from seatplan.replan import _seat_key, _seat_keys

    keys = _seat_keys(problem)
    for label in (seat.describe(), f"主桌 {seat.number}号", f"{number}号桌 {seat.number}号"):
        assert keys.get(_seat_key(label)) == [seat.id], label
