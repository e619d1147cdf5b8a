"""Plans on paper (plan.pdf, dais.pdf, tables.pdf, lists per table, table cards) and the [outputs] table."""

from __future__ import annotations

import itertools
import json
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from seatplan.errors import SeatplanError
from seatplan.export.plan_sheet import write_dais_sheet, write_plan_pdf
from seatplan.io.plan_file import load_meeting, meeting_from_dict
from seatplan.model import Attendee, DaisSpec, FloorSpec, Meeting, OutputSpec, ShapeKind, Venue
from seatplan.model.venue import Door
from seatplan.pipeline import build_problem, write_outputs
from seatplan.solve import solve

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")


def pdf_pages(path: Path) -> list[str]:
    out = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return out.split("\f")[:-1]


def page_sizes(path: Path) -> list[tuple[float, float]]:
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(path)], check=True, capture_output=True,
                         text=True).stdout
    return [(float(a), float(b)) for a, b in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", out)]


def hall(units: int, per_unit: int, *, blocks: tuple[int, ...] = (10, 14, 10), size: tuple[float, float] = (26.0, 30.0),
         dais: int = 7, dais_rows: tuple[int, ...] = ()) -> tuple[Meeting, object, object]:
    people = [Attendee(id=f"L{k}", name=f"领导{k}", unit="县委", rank=k, section="dais") for k in range(1, dais + 1)]
    k = 0
    for u in range(units):
        for _ in range(per_unit):
            k += 1
            people.append(Attendee(id=f"P{k}", name=f"人{k}", unit=f"第{u + 1}单位", rank=k, unit_order=u + 1))
    meeting = Meeting(
        title="测试大会", date="2026-12-18",
        venue=Venue.rectangle(*size, stage_depth=3.0 + 1.7 * max(0, len(dais_rows) - 1), doors=(Door(size[0] / 2, 0.0, 3.0, main=True, name="正门"),
                                                             Door(0.0, size[1] / 3, 1.6, name="安全出口"),
                                                             Door(size[0], size[1] / 3, 1.6, name="安全出口"))),
        attendees=tuple(people), dais=DaisSpec(rows=dais_rows or (dais,)), floor=FloorSpec(blocks=blocks),
    )
    problem = build_problem(meeting)
    return meeting, problem, solve(problem)


@needs_poppler
def test_54_units_labelled_on_the_drawing_and_in_the_key(tmp_path: Path) -> None:
    meeting, problem, result = hall(54, 8)
    write_plan_pdf(problem, result.plan, tmp_path / "plan.pdf", title=meeting.title, date=meeting.date)
    pages = pdf_pages(tmp_path / "plan.pdf")
    text = "\n".join(pages)
    for u in range(1, 55):
        # each unit: in the key and on a block (overview key + block pages, or one page with both)
        assert text.count(f"第{u}单位") >= 2, u
        assert f"第{u}单位 8人" in text.replace("　", " ")
    assert all("台下视角" in p for p in pages)
    assert all("测试大会" in p and "2026-12-18" in p for p in pages)
    assert "正门" in pages[0] and "安全出口" in pages[0] and "米" in pages[0]
    assert all(abs(w - 1190.55) < 1 or abs(h - 1190.55) < 1 for w, h in page_sizes(tmp_path / "plan.pdf"))  # A3


@needs_poppler
def test_small_hall_is_one_page_with_names(tmp_path: Path) -> None:
    _, problem, result = hall(3, 4, blocks=(4, 4), size=(9.0, 9.0), dais=3)
    pages = write_plan_pdf(problem, result.plan, tmp_path / "p.pdf", title="小会", paper="A4")
    assert pages == 1
    (text,) = pdf_pages(tmp_path / "p.pdf")
    assert "人1" in text and "第1单位 4人" in text.replace("　", " ")


@needs_poppler
def test_dais_sheet_names_ranks_rows(tmp_path: Path) -> None:
    _, problem, result = hall(2, 3)
    assert write_dais_sheet(problem, result.plan, tmp_path / "d.pdf", title="测试大会")
    (text,) = pdf_pages(tmp_path / "d.pdf")
    assert "主席台座次图" in text and "台下视角" in text
    for k in range(1, 8):
        assert f"领导{k}" in text
    assert re.search(r"\b7\b", text)  # rank numbers
    assert page_sizes(tmp_path / "d.pdf") == [(841.89, 595.28)]  # A4 landscape


@needs_poppler
def test_dais_sheet_draws_the_desk_of_every_row(tmp_path: Path) -> None:
    # the front row's desk stands 0.55 m in front of its chairs, outside the seats' own extent
    _, problem, result = hall(2, 3, dais=8, dais_rows=(5, 3))
    desks = [s.label for s in problem.layout.shapes if s.kind is ShapeKind.TABLE and s.label]
    assert len(desks) == 2, desks
    assert write_dais_sheet(problem, result.plan, tmp_path / "d.pdf", title="测试大会")
    (text,) = pdf_pages(tmp_path / "d.pdf")
    for label in desks:
        assert label in text, (label, text)


@needs_poppler
def test_banquet_pack(tmp_path: Path) -> None:
    meeting = load_meeting(EXAMPLES / "banquet" / "plan.toml")
    problem = build_problem(meeting)
    out = tmp_path / "out"
    write_outputs(meeting, problem, solve(problem), out)
    inventory = (out / "inventory.csv").read_text(encoding="utf-8-sig").splitlines()
    hosts = {line.split(",")[3]: line.split(",")[11] for line in inventory[1:] if "host-seat" in line}
    (tables,) = pdf_pages(out / "tables.pdf")
    assert "桌次图" in tables
    for name in hosts.values():
        assert name in tables.replace("\n", "")
    lists = "".join(pdf_pages(out / "table-lists.pdf"))
    for table, name in hosts.items():
        assert f"{table}号桌" in lists and f"主人：{name}" in lists
    cards = pdf_pages(out / "table-cards.pdf")
    assert len(cards) == len(hosts)
    (head,) = pdf_pages(out / "dais.pdf")
    assert "主桌座次图" in head


def test_outputs_table_chooses_files(tmp_path: Path) -> None:
    meeting, problem, result = hall(2, 3)
    from dataclasses import replace

    chosen = replace(meeting, outputs=OutputSpec(files=("seats.xlsx", "notices.csv")))
    outputs = write_outputs(chosen, problem, result, tmp_path / "o")
    names = sorted(p.name for p in outputs.files)
    assert names == sorted(["seats.csv", "seats.xlsx", "unseated.csv", "notices.csv", "summary.json"])
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == names
    assert json.loads((tmp_path / "o" / "summary.json").read_text(encoding="utf-8"))["files"] == [
        n for n in ("seats.csv", "seats.xlsx", "unseated.csv", "notices.csv", "summary.json")
    ]


def test_outputs_table_in_plan_file(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("姓名,单位\n张三,县委\n", encoding="utf-8")
    base = {"attendees": "a.csv", "venue": {"width": 10.0, "depth": 10.0}, "floor": {"blocks": [4]}}
    meeting = meeting_from_dict({**base, "outputs": {"skip": ["plan.png"], "paper": "A4", "half_days": 2,
                                                     "notice_template": "{name}：{seat}"}}, base_dir=tmp_path)
    assert meeting.outputs is not None and "plan.png" not in meeting.outputs.wanted()
    assert meeting.outputs.paper == "A4" and meeting.outputs.half_days == 2
    with pytest.raises(SeatplanError, match=r"outputs\.files"):
        meeting_from_dict({**base, "outputs": {"files": ["plan.jpg"]}}, base_dir=tmp_path)
    with pytest.raises(SeatplanError, match=r"outputs\.colour"):
        meeting_from_dict({**base, "outputs": {"colour": True}}, base_dir=tmp_path)


def word_boxes(path: Path) -> tuple[tuple[float, float], list[tuple[str, float, float, float, float]]]:
    """Page size and the words of the first page with their boxes (points, y down), from pdftotext -bbox."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(path), "-"], check=True, capture_output=True,
                         text=True).stdout
    w, h = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', out).groups()  # type: ignore[union-attr]
    words = [(t, float(a), float(b), float(c), float(d)) for a, b, c, d, t in
             re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', out)]
    return (float(w), float(h)), words


@needs_poppler
@pytest.mark.parametrize("rows", [(7,), (5, 3), (9, 9, 7)])
def test_dais_sheet_fills_the_page_with_large_names(tmp_path: Path, rows: tuple[int, ...]) -> None:
    _, problem, result = hall(2, 3, dais=sum(rows), dais_rows=rows, size=(30.0, 30.0))
    assert write_dais_sheet(problem, result.plan, tmp_path / "d.pdf", title="测试大会")
    (page_w, page_h), words = word_boxes(tmp_path / "d.pdf")
    names = [w for w in words if w[0].startswith("领导")]
    assert len(names) == sum(rows)
    body = [w for w in words if w[2] > 60 and w[4] < page_h - 40]  # below the heading, above the footer
    across = max(w[3] for w in body) - min(w[1] for w in body)
    assert across >= 0.7 * page_w, (across, page_w)
    if len(rows) > 1:  # the rows are spread over the page height, front row lowest
        down = max(w[4] for w in body) - min(w[2] for w in body)
        assert down >= 0.7 * page_h, (down, page_h)
        first = [w for w in names if int(w[0][2:]) <= rows[0]]
        assert min(w[2] for w in first) > max(w[2] for w in names if w not in first), "the front row is lowest"
    assert min(w[4] - w[2] for w in names) >= 14.0  # type of 14 pt or more (about 5 mm a character)
    labels = [w for w in words if re.fullmatch(r"第\d排|主席台", w[0])]
    assert labels, "every row is labelled"
    assert all(w[1] >= 0 and w[2] >= 0 and w[3] <= page_w and w[4] <= page_h for w in words), "nothing leaves the page"


@needs_poppler
@pytest.mark.parametrize("example", ["talks", "signing", "banquet"])
def test_close_up_fills_the_page(tmp_path: Path, example: str) -> None:
    meeting = load_meeting(EXAMPLES / example / "plan.toml")
    problem = build_problem(meeting)
    out = tmp_path / "out"
    write_outputs(meeting, problem, solve(problem), out)
    (page_w, page_h), words = word_boxes(out / "dais.pdf")
    people = {a.name for a in problem.attendees}
    body = [w for w in words if w[2] > 60 and w[4] < page_h - 40]  # below the heading, above the footer
    names = [w for w in body if len(w[0]) > 1 and any(w[0] in n for n in people)]
    assert names, words
    assert min(w[4] - w[2] for w in names) >= 16.0, names  # every name in type of about 11 pt or more
    across = max(w[3] for w in body) - min(w[1] for w in body)
    down = max(w[4] for w in body) - min(w[2] for w in body)
    assert across >= 0.5 * page_w or down >= 0.6 * page_h, (across, down, page_w, page_h)
    assert all(w[1] >= 0 and w[2] >= 0 and w[3] <= page_w and w[4] <= page_h for w in words)


@needs_poppler
def test_key_of_400_units_continues_on_further_pages(tmp_path: Path) -> None:
    meeting, problem, result = hall(400, 2, size=(26.0, 32.0))
    write_plan_pdf(problem, result.plan, tmp_path / "plan.pdf", title=meeting.title, date=meeting.date, paper="A4")
    pages = pdf_pages(tmp_path / "plan.pdf")
    keys = [p for p in pages if "单位一览" in p.splitlines()[0]]
    assert len(keys) >= 2 and "单位一览（续）" in keys[1]
    text = "\n".join(keys).replace("　", " ")
    for u in range(1, 401):
        assert f"第{u}单位 2人" in text, u  # every unit in the key, none dropped at the foot of a page
    assert all("测试大会" in p and "台下视角" in p for p in pages)


def dais_with_names(names: list[str], rows: tuple[int, ...]) -> tuple[object, object]:
    people = [Attendee(id=f"L{k}", name=name, unit="县委", rank=k, section="dais") for k, name in enumerate(names, 1)]
    people += [Attendee(id=f"P{k}", name=f"人{k}", unit="第1单位", rank=100 + k) for k in range(6)]
    meeting = Meeting(title="测试大会", date="2026-12-18", venue=Venue.rectangle(30.0, 30.0, stage_depth=3.0 + 1.7 * (len(rows) - 1)),
                      attendees=tuple(people), dais=DaisSpec(rows=rows), floor=FloorSpec(blocks=(6,)))
    problem = build_problem(meeting)
    return problem, solve(problem)


LONG_NAMES = ["阿不都热合曼·买买提·艾力江", "Muhammad Abdurrahman Abdullah", "欧阳司马诸葛慕容端木",
              "阿依古丽·买买提", "Rui Carvalho"]


@needs_poppler
@pytest.mark.parametrize("rows", [(9,), (9, 6), (11, 7)])
@pytest.mark.parametrize("long_name", LONG_NAMES)
def test_close_up_always_prints_the_name(tmp_path: Path, rows: tuple[int, ...], long_name: str) -> None:
    """A name too long for one line of its box is broken after its word marks and set smaller, never replaced
    by the seat number (the leaders approve names)."""
    import warnings

    names = ["赵平艳", long_name] + [f"领导{k}" for k in range(3, sum(rows) + 1)]
    problem, result = dais_with_names(names, rows)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert write_dais_sheet(problem, result.plan, tmp_path / "d.pdf", title="测试大会")
    _, words = word_boxes(tmp_path / "d.pdf")
    texts = {w[0] for w in words}
    assert all(name in texts for name in names if name != long_name)
    parts = sorted((w for w in words if w[0] in long_name), key=lambda w: (round(w[2]), w[1]))
    assert "".join(w[0] for w in parts) == long_name.replace(" ", ""), parts  # the whole name, line by line
    assert min(w[4] - w[2] for w in parts) >= 7.5, parts  # type of 8 pt or more
    assert not any(re.fullmatch(r"\d+", w[0]) and w[2] > parts[0][2] - 1 for w in words), "no seat number"


def test_close_up_name_that_cannot_fit_warns_and_is_still_printed(tmp_path: Path) -> None:
    long_name = "阿" * 60
    problem, result = dais_with_names(["赵平艳", long_name, "钱三", "孙四", "李五"], (5,))
    with pytest.warns(UserWarning, match="does not fit its seat"):
        write_dais_sheet(problem, result.plan, tmp_path / "d.pdf", title="测试大会")
    if shutil.which("pdftotext"):
        (text,) = pdf_pages(tmp_path / "d.pdf")
        assert long_name in re.sub(r"\s", "", text)


def all_word_boxes(path: Path) -> list[list[tuple[str, float, float, float, float]]]:
    """The words of every page with their boxes (points, y down), from pdftotext -bbox."""
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return [[(t, float(a), float(b), float(c), float(d)) for a, b, c, d, t in
             re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page)]
            for page in out.split("<page ")[1:]]


@needs_poppler
@pytest.mark.parametrize(("units", "per_unit", "blocks"), [(54, 8, (10, 14, 10)), (30, 13, (9, 11, 9)),
                                                           (20, 7, (12, 20, 12))])
def test_every_run_of_a_unit_on_a_block_page_is_labelled(tmp_path: Path, units: int, per_unit: int,
                                                         blocks: tuple[int, ...]) -> None:
    """A unit split by an aisle, a block or a page boundary carries a label (its name and head count, or its
    key number explained on the page) over each part, in type of the readable size or more."""
    meeting, problem, result = hall(units, per_unit, blocks=blocks)
    write_plan_pdf(problem, result.plan, tmp_path / "plan.pdf", title=meeting.title, date=meeting.date)
    unit_of = {a.name: a.unit for a in problem.attendees}
    pages = all_word_boxes(tmp_path / "plan.pdf")
    checked = 0
    for words in pages:
        people = [w for w in words if w[0] in unit_of and w[0].startswith("人")]
        if not people:
            continue
        numbers = {m.group(1): m.group(2) for w in words if (m := re.fullmatch(r"（(\d+)）(第\d+单位)", w[0]))}
        labels = Counter(w[0] for w in words if re.fullmatch(r"第\d+单位", w[0]))
        for w in words:
            m = re.match(r"（(\d+)）", w[0])
            if m and not re.fullmatch(r"（\d+）第\d+单位", w[0]):
                assert m.group(1) in numbers, (w, numbers)  # a key number on the drawing is explained on the page
                labels[numbers[m.group(1)]] += 1
        rows: list[list[tuple[str, float, float, float, float]]] = []
        for w in sorted(people, key=lambda w: w[2] + w[4]):
            if not rows or (w[2] + w[4]) / 2 - (rows[-1][0][2] + rows[-1][0][4]) / 2 > 6:
                rows.append([])
            rows[-1].append(w)
        runs: Counter[str] = Counter()
        for row in rows:
            row.sort(key=lambda w: w[1])
            for k, w in enumerate(row):
                if k == 0 or unit_of[row[k - 1][0]] != unit_of[w[0]]:
                    runs[unit_of[w[0]]] += 1
        for unit, n in runs.items():
            assert labels[unit] >= n, (unit, n, labels[unit])
            checked += 1
        sizes = [w[4] - w[2] for w in words if re.fullmatch(r"第\d+单位|（\d+）(\d+人)?", w[0])]
        assert min(sizes) >= 8.9, sizes  # labels at the readable minimum (9 pt) or more
    assert checked >= 10


@needs_poppler
@pytest.mark.parametrize("units", [12, 54])
def test_overview_numbers_every_unit_block(tmp_path: Path, units: int) -> None:
    """The overview of a hall too big for one page carries each unit's key number on its blocks, matching
    the numbered key: no unit is told by colour alone."""
    meeting, problem, result = hall(units, 10, blocks=(10, 14, 10), dais=9)
    write_plan_pdf(problem, result.plan, tmp_path / "plan.pdf", title=meeting.title, date=meeting.date)
    words = all_word_boxes(tmp_path / "plan.pdf")[0]
    assert "总图" in " ".join(w[0] for w in words)
    key = {}
    for k, w in enumerate(words):
        if re.fullmatch(r"\d+", w[0]) and k + 1 < len(words) and re.fullmatch(r"第\d+单位|县委", words[k + 1][0]) \
                and abs(words[k + 1][2] - w[2]) < 2:
            key[words[k + 1][0]] = (w[0], w[2])
    assert len(key) == units + 1, key
    top_of_key = min(y for _, y in key.values())
    tags = [w for w in words if re.fullmatch(r"\d+", w[0]) and w[4] < top_of_key - 5]
    drawn = {w[0] for w in tags}
    for unit, (number, _) in key.items():
        assert number in drawn, (unit, number)
    assert min(w[4] - w[2] for w in tags) >= 11.5  # 8.5 pt: readable where the rows' pitch allows it


@needs_poppler
def test_signs_and_bands_are_printed_at_the_readable_size(tmp_path: Path) -> None:
    """Labels of reserved blocks (预留：…) and of the balcony band (二楼（楼座）· 前沿栏杆 …) are at 9 pt or more,
    on every page that shows them."""
    meeting = load_meeting(EXAMPLES / "plenary-columns" / "plan.toml")
    problem = build_problem(meeting)
    write_plan_pdf(problem, solve(problem).plan, tmp_path / "plan.pdf", title=meeting.title, paper="A3",
                   labels={"balcony": "二楼"})
    signs = [w for page in all_word_boxes(tmp_path / "plan.pdf") for w in page if re.search("预留|楼座|栏杆", w[0])]
    assert any("预留" in w[0] for w in signs) and any("楼座" in w[0] for w in signs), signs
    assert min(w[4] - w[2] for w in signs) >= 8.9, sorted(signs, key=lambda w: w[4] - w[2])[:3]


@needs_poppler
@pytest.mark.parametrize("length", [12, 25, 40])
def test_key_never_cuts_a_long_unit_name_or_its_head_count(tmp_path: Path, length: int) -> None:
    meeting, problem, _ = hall(6, 5)
    from dataclasses import replace

    long_unit = ("新疆维吾尔自治区伊犁哈萨克自治州某某县某某乡镇人民政府农业农村综合服务中心第一分" * 2)[:length]
    people = tuple(replace(a, unit=long_unit) if a.unit == "第3单位" else a for a in meeting.attendees)
    meeting = replace(meeting, attendees=people)
    problem = build_problem(meeting)
    write_plan_pdf(problem, solve(problem).plan, tmp_path / "plan.pdf", title=meeting.title, paper="A4")
    text = "".join(pdf_pages(tmp_path / "plan.pdf"))
    assert "…" not in text
    assert f"{long_unit}5人" in re.sub(r"\s", "", text)


@needs_poppler
@pytest.mark.parametrize("units", [12, 54])
def test_every_page_shows_the_doors(tmp_path: Path, units: int) -> None:
    """Block pages and the dais sheet name the doors and exits (a small plan of the hall where the page has
    room, and where they are from the page's seats in its foot line)."""
    meeting, problem, result = hall(units, 8)
    write_plan_pdf(problem, result.plan, tmp_path / "plan.pdf", title=meeting.title, date=meeting.date)
    pages = [p for p in pdf_pages(tmp_path / "plan.pdf") if "单位一览" not in p.splitlines()[0]]
    assert len(pages) >= 2
    for page in pages:
        assert "正门" in page and "安全出口" in page, page[-300:]
    assert write_dais_sheet(problem, result.plan, tmp_path / "d.pdf", title="测试大会")
    (dais,) = pdf_pages(tmp_path / "d.pdf")
    assert "正门" in dais and "安全出口" in dais and "位置示意" in dais


@needs_poppler
@pytest.mark.parametrize("blocks", [(10, 14, 10), (12, 20, 12)])
def test_names_keep_a_margin_from_their_neighbours(tmp_path: Path, blocks: tuple[int, ...]) -> None:
    """Three-character names on block pages: every seat box narrower than the seat pitch, so neighbouring
    names are at least 1 mm apart (no name runs into the next box)."""
    from dataclasses import replace

    meeting, _, _ = hall(20, 10, blocks=blocks, size=(26.0, 16.0))
    given = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚"
    people = tuple(replace(a, name=f"欧{given[k % 20]}{given[(k // 20) % 20]}") if a.id.startswith("P") else a
                   for k, a in enumerate(meeting.attendees))
    meeting = replace(meeting, attendees=people)
    problem = build_problem(meeting)
    write_plan_pdf(problem, solve(problem).plan, tmp_path / "plan.pdf", title=meeting.title, date=meeting.date)
    checked = 0
    for words in all_word_boxes(tmp_path / "plan.pdf")[1:]:
        names = sorted((w for w in words if re.fullmatch(r"欧..", w[0])), key=lambda w: (round(w[2]), w[1]))
        for a, b in itertools.pairwise(names):
            if abs(a[2] - b[2]) < 1 and b[1] - a[3] < 20:  # neighbours in a row
                assert b[1] - a[3] >= 2.8, (a, b)
                checked += 1
    assert checked > 50
