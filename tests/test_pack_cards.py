"""Name cards sized per card, second lines, second language, card font; seat cards in hand-out order."""

from __future__ import annotations

import re
import shutil
import subprocess
from itertools import accumulate
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seatplan.errors import Location, ValidationError
from seatplan.export import NameCard, render_name_cards, render_seat_cards
from seatplan.export.cards import MAX_NAME_PT, NAME_WIDTH_SHARE, PAGE_WIDTH, fit_name
from seatplan.export.records import handout_key
from seatplan.export.typeset import FONT, fit_text, new_pdf, resolve_font, text_width
from seatplan.io.plan_file import load_meeting
from seatplan.model import Seat
from seatplan.pipeline import build_problem, write_outputs
from seatplan.solve import solve

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")


def pdf_text(path: Path, *extra: str) -> str:
    return subprocess.run(["pdftotext", *extra, str(path), "-"], check=True, capture_output=True, text=True).stdout


PDF = new_pdf(resolve_font(None), title="t")


def font_sizes(pdf: bytes) -> list[float]:
    """Type sizes set in the content streams (``/F1 115.00 Tf``), in order (uncompressed streams only)."""
    return [float(m) for m in re.findall(rb"/F\d+ ([\d.]+) Tf", pdf)]


def test_long_name_does_not_shrink_the_others() -> None:
    pdf = new_pdf(resolve_font(None), title="t")
    short = fit_name(pdf, "王　伟")
    long = fit_name(pdf, "阿不都热合曼·买买提")
    assert short.size_pt == MAX_NAME_PT
    assert 40 <= long.size_pt < MAX_NAME_PT and long.lines == ("阿不都热合曼·买买提",)
    # each name stays within its card
    pdf.set_font(FONT, size=long.size_pt)
    assert pdf.get_string_width(long.lines[0]) <= NAME_WIDTH_SHARE * PAGE_WIDTH + 0.01


@pytest.mark.parametrize("length", [30, 200, 5000])
def test_very_long_name_wraps_within_its_card(length: int) -> None:
    pdf = new_pdf(resolve_font(None), title="t")
    name = "长" * length
    fitted = fit_name(pdf, name)
    assert len(fitted.lines) > 1
    pdf.set_font(FONT, size=fitted.size_pt)
    assert all(pdf.get_string_width(line) <= NAME_WIDTH_SHARE * PAGE_WIDTH + 0.01 for line in fitted.lines)
    assert fitted.height_mm <= 112 + 0.01
    if length <= 200:
        assert "".join(fitted.lines) == name  # all of it printed
    else:
        assert fitted.lines[-1].endswith("…")


name_part = st.text(alphabet="阿不都热合曼买提艾力江古丽娜尔吐逊瓦依", min_size=2, max_size=7)


@settings(max_examples=200, deadline=None)
@given(parts=st.lists(name_part, min_size=2, max_size=4), dot=st.sampled_from(["·", "•", "・"]),
       with_second=st.booleans())
def test_transliterated_name_breaks_between_its_parts(parts: list[str], dot: str, with_second: bool) -> None:
    # 阿不都热合曼·买买提·艾力江 once printed as 阿不都热合 / 曼·买买提·艾 / 力江
    name = dot.join(parts)
    fitted = fit_name(PDF, name, with_second_line=with_second)
    assert "".join(fitted.lines) == name, fitted
    if len(fitted.lines) > 1:
        assert not any(line.startswith(dot) for line in fitted.lines), fitted
        ends = set(accumulate(len(line) for line in fitted.lines))
        bounds = set(accumulate(len(part) + 1 for part in parts))
        assert ends - {len(name)} <= bounds, f"a part is split: {fitted.lines}"
        assert fitted.size_pt >= 40, fitted


@pytest.mark.parametrize("name", ["Maximilian Alexander von Hohenzollern", "Rui Carvalho da Silva Pereira"])
def test_latin_name_breaks_at_spaces(name: str) -> None:
    fitted = fit_name(PDF, name)
    assert " ".join(fitted.lines) == name and all(line.strip() == line for line in fitted.lines), fitted


@settings(max_examples=200, deadline=None)
@given(length=st.integers(3, 60), width=st.floats(20.0, 120.0))
def test_wrapped_text_leaves_no_one_character_line(length: int, width: float) -> None:
    text = ("县农业农村局乡村振兴服务中心" * 5)[:length]
    fitted = fit_text(PDF, text, width=width, height=40, max_pt=12, min_pt=9)
    if len(fitted.lines) > 1 and not fitted.lines[-1].endswith("…"):
        assert all(len(line) >= 2 for line in fitted.lines), fitted


def test_fit_text_latin_words_stay_whole() -> None:
    pdf = new_pdf(resolve_font(None), title="t")
    fitted = fit_text(pdf, "Deputy Director General of International Cooperation", width=60, height=30, max_pt=20,
                      min_pt=5)
    assert all(not line.startswith(" ") for line in fitted.lines)
    assert " ".join(fitted.lines).replace("  ", " ") == "Deputy Director General of International Cooperation"


words = st.sampled_from(["Rui", "Carvalho", "Supercalifragilistic", "王", "阿不都热合曼", "·", " ", "买买提", "Ng",
                         "Wolfeschlegelsteinhausen", "（", "）", "-", "李"])


@settings(max_examples=300, deadline=None)
@given(text=st.lists(words, min_size=1, max_size=12).map("".join), width=st.floats(4.0, 120.0),
       height=st.floats(3.0, 60.0), max_lines=st.integers(0, 3), prefer=st.sampled_from([0.0, 9.0, 18.0]))
def test_fitted_text_never_leaves_its_box(text: str, width: float, height: float, max_lines: int,
                                          prefer: float) -> None:
    # a word wider than the box (a long Latin name in a narrow seat) is shrunk, then broken, then cut with …
    fitted = fit_text(PDF, text, width=width, height=height, max_pt=40.0, min_pt=5.0, max_lines=max_lines,
                      prefer_one_line_pt=prefer)
    assert all(text_width(PDF, line, fitted.size_pt) <= width + 1e-6 for line in fitted.lines), fitted
    if fitted.size_pt * 0.3528 * 1.2 <= height:  # a box lower than one line at the smallest size holds one line
        assert fitted.height_mm <= height + 1e-6, fitted
    if max_lines:
        assert len(fitted.lines) <= max_lines


def test_wide_word_on_a_new_line_is_not_left_too_wide() -> None:
    # "Rui Carvalho" in a 12 mm seat: the second word once kept a size at which it ran 30 mm wide
    fitted = fit_text(PDF, "Rui Carvalho", width=12.0, height=20.0, max_pt=40, min_pt=9, max_lines=2,
                      prefer_one_line_pt=9)
    assert all(text_width(PDF, line, fitted.size_pt) <= 12.0 for line in fitted.lines), fitted


@needs_poppler
def test_cards_print_second_line_and_back_name(tmp_path: Path) -> None:
    cards = [
        NameCard("欧阳建国", second_line="县人民政府县长", back_name="Ouyang Jianguo"),
        NameCard("王伟", second_line="县委书记"),
    ]
    path = tmp_path / "c.pdf"
    path.write_bytes(render_name_cards(cards))
    first = pdf_text(path, "-f", "1", "-l", "1")
    assert "欧阳建国" in first and "县人民政府县长" in first and "Ouyang Jianguo" in first.replace("\n", " ")
    second = pdf_text(path, "-f", "2", "-l", "2")
    assert "王" in second and "伟" in second and "县委书记" in second and "Ouyang" not in second


@needs_poppler
def test_two_hundred_character_name_stays_on_its_seat_card(tmp_path: Path) -> None:
    from seatplan.export import SeatRecord

    def rec(k: int, name: str) -> SeatRecord:
        return SeatRecord(id=str(k), name=name, unit="县公安局", rank=0, section="floor", row=1, seat=k, table="",
                          x=0.0, y=0.0, title="", label=f"1排{k}号", seat_id=f"s{k}", gender="", ethnicity="", phone="",
                          note="")

    records = [rec(1, "甲" * 200), rec(2, "李四"), rec(3, "王五")]
    path = tmp_path / "s.pdf"
    path.write_bytes(render_seat_cards(records))
    # pdftotext -bbox gives every word's box: nothing of card 1 may reach into card 2 (x ≥ 105 mm) or below card 1
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True).stdout
    pt_per_mm = 72 / 25.4
    for m in re.finditer(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', out):
        x0, y0, x1, y1 = (float(v) / pt_per_mm for v in m.groups()[:4])
        if "甲" in m.group(5):
            assert x1 <= 105.0 and y1 <= 74.25, (x0, y0, x1, y1)


def test_missing_glyph_names_person_and_row() -> None:
    card = NameCard("王\U00020000伟", source=Location(file="名单.csv", row=7))
    with pytest.raises(ValidationError) as info:
        render_name_cards([card])
    message = str(info.value)
    assert "名单.csv" in message and "row 7" in message and "U+20000" in message and "王" in message


def test_card_font_option(tmp_path: Path) -> None:
    font = resolve_font(None, serif=False)
    data = render_name_cards([NameCard("王伟")], font=font)
    assert b"NotoSansSC" in data
    with pytest.raises(ValidationError, match=r"cards\.font"):
        render_name_cards([NameCard("王伟")], font=tmp_path / "nope.ttf")
    bad = tmp_path / "bad.ttf"
    bad.write_bytes(b"not a font")
    with pytest.raises(ValidationError, match="cannot read the font file"):
        render_name_cards([NameCard("王伟")], font=bad)


def test_handout_order_main_floor_first_then_upstairs() -> None:
    seats = [
        Seat("b1", "balcony", 1, 16, 0.0, 0.0),
        Seat("f2", "floor", 2, 1, 0.0, 5.0),
        Seat("f1", "floor", 1, 3, 0.0, 6.0),
        Seat("f1b", "floor", 1, 1, 0.0, 6.0),
        Seat("d", "dais", 1, 1, 0.0, 20.0, facing=270.0),
    ]
    assert [s.id for s in sorted(seats, key=handout_key)] == ["d", "f1b", "f1", "f2", "b1"]


def test_seat_mark() -> None:
    assert Seat("i", "interpreter-guest", 1, 1, 0, 0).mark == "译"
    assert Seat("t", "banquet", 1, 9, 0, 0, tags=frozenset({"interpreter", "stool"})).mark == "译"
    assert Seat("n", "note-taker-host", 1, 1, 0, 0).mark == "记"
    assert Seat("f", "floor", 1, 1, 0, 0).mark == ""


@needs_poppler
def test_balcony_labelled_二楼_and_cards_in_handout_order(tmp_path: Path) -> None:
    meeting = load_meeting(EXAMPLES / "plenary-columns" / "plan.toml")
    assert meeting.balcony is not None and meeting.balcony.label == "二楼"
    problem = build_problem(meeting)
    result = solve(problem)
    write_outputs(meeting, problem, result, tmp_path / "out")
    text = pdf_text(tmp_path / "out" / "seatcards.pdf")
    labels = re.findall(r"(?:二楼 )?\d+排\d+号", text)
    assert labels and not any("楼上" in t for t in text.splitlines())
    upstairs = [k for k, label in enumerate(labels) if label.startswith("二楼")]
    assert upstairs, "the balcony cards print the plan's label 二楼"
    assert upstairs == list(range(len(labels) - len(upstairs), len(labels))), "upper floor cards come last"
    assert labels[0] == "1排1号" or labels[0].startswith("1排")
    csv_text = (tmp_path / "out" / "seats.csv").read_text(encoding="utf-8-sig")
    assert "二楼" in csv_text


@needs_poppler
def test_interpreters_marked_on_lists_and_drawing(tmp_path: Path) -> None:
    meeting = load_meeting(EXAMPLES / "talks" / "plan.toml")
    problem = build_problem(meeting)
    result = solve(problem)
    write_outputs(meeting, problem, result, tmp_path / "out")
    csv_text = (tmp_path / "out" / "seats.csv").read_text(encoding="utf-8-sig")
    assert ",译" in csv_text
    svg = (tmp_path / "out" / "plan.svg").read_text(encoding="utf-8")
    assert "译" in svg
    plan_pages = pdf_text(tmp_path / "out" / "plan.pdf")
    assert "译" in plan_pages
    seats = [line for line in csv_text.splitlines() if line.endswith(",译")]
    assert seats, "interpreters' seats are marked in seats.csv"
    # the name cards of the interpreters carry the mark too, on both faces, as every other output does
    marked = {line.split(",")[1] for line in seats}
    pages = pdf_text(tmp_path / "out" / "cards.pdf").split("\f")
    carded = [page for page in pages if any(name in page for name in marked)]
    assert carded, "the talks example gives its interpreters name cards"
    assert all(page.count("译") >= 3 for page in carded), carded  # badge on both faces and the staff note
    assert not any("译" in page for page in pages if page not in carded)


@needs_poppler
@pytest.mark.parametrize("mark", ["译", "记"])
def test_role_mark_on_name_card(tmp_path: Path, mark: str) -> None:
    cards = [NameCard("Li Wen", mark=mark, second_line="Interpreter"), NameCard("王伟")]
    path = tmp_path / "cards.pdf"
    path.write_bytes(render_name_cards(cards))
    first, second = pdf_text(path).split("\f")[:2]
    assert first.count(mark) >= 2 and mark not in second


def test_card_font_is_for_the_tent_cards_only(tmp_path: Path) -> None:
    # [cards] font dresses the cards on the tables (name cards, table-number cards); seat cards and every
    # sheet stay in the bundled sans face
    from dataclasses import replace

    meeting = load_meeting(EXAMPLES / "banquet" / "plan.toml")
    meeting = replace(meeting, cards=replace(meeting.cards, serif=False, font=str(resolve_font(None, serif=True))))
    problem = build_problem(meeting)
    out = tmp_path / "out"
    write_outputs(meeting, problem, solve(problem), out)
    for name in ("cards.pdf", "table-cards.pdf"):
        data = (out / name).read_bytes()
        assert b"NotoSerifSC" in data and b"NotoSansSC" not in data, name
    for name in ("seatcards.pdf", "dais.pdf", "tables.pdf", "table-lists.pdf", "signin.pdf", "notices.pdf"):
        data = (out / name).read_bytes()
        assert b"NotoSansSC" in data and b"NotoSerifSC" not in data, name


def test_fast_text_paths_write_what_fpdf_writes() -> None:
    # the sheets measure and set text through SheetPDF's fast paths; they must give fpdf's own numbers and bytes
    from fpdf import FPDF

    texts = ["王　伟", "阿不都热合曼·买买提", "Rui Carvalho", "3排12号（译）", "(a) \\\\ b", ""]
    pdf = new_pdf(resolve_font(None, serif=False), title="t")
    for size in (5.0, 9.0, 11.3, 40.0):
        pdf.set_font(FONT, size=size)
        for text in texts:
            assert pdf.get_string_width(text) == FPDF.get_string_width(pdf, text)
            assert text_width(pdf, text, size) == FPDF.get_string_width(pdf, text)
    pages = []
    for draw in (FPDF.text, type(pdf).text):
        pdf.add_page()
        for k, text in enumerate(texts):
            pdf.set_font(FONT, size=8.0 + k)
            pdf.set_text_color(0, 0, 0) if k % 2 else pdf.set_text_color(200, 30, 30)
            draw(pdf, 10.0 + k, 20.5 + 3 * k, text)
        pages.append(bytes(pdf.pages[pdf.page].contents))
    assert pages[0] == pages[1]
