"""Name cards (桌签 / 席卡): A4 tent cards printed on both halves (R-DAIS-14, R-PHY-13).

Each A4 portrait page is one card. It is folded along the horizontal middle
(148.5 mm) into a tent; the name is printed centred on both halves, the upper
half turned 180° so that each face of the tent reads upright from its side.
Every name is sized to its own card: the largest size (at most
:data:`MAX_NAME_PT`) at which it fits the card on one line, wrapped over more
lines when one line would be too small to read; a long name never shrinks the
other cards, and never runs off its own. An optional second line (title or
unit) sits under the name, and an optional second-language name takes the back
half (the face towards the person seated).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import TextMode

from seatplan.errors import Location
from seatplan.export.records import SeatRecord
from seatplan.export.typeset import (
    FIXED_CREATION_DATE,
    FONT,
    PT_TO_MM,
    FittedText,
    check_people,
    fit_text,
    new_pdf,
    pdf_bytes,
    resolve_font,
)
from seatplan.files import atomic_write_bytes

__all__ = [
    "CARD_WORDS",
    "FIXED_CREATION_DATE",
    "NameCard",
    "card_texts",
    "cards_from_records",
    "render_name_cards",
    "space_two_char_name",
    "write_name_cards",
]

#: A4 portrait, millimetres.
PAGE_WIDTH = 210.0
PAGE_HEIGHT = 297.0
#: The fold line (horizontal middle of the page).
FOLD_Y = PAGE_HEIGHT / 2
#: Share of the page width a name may take.
NAME_WIDTH_SHARE = 0.85
#: Largest name size in points (about 41 mm per Chinese character).
MAX_NAME_PT = 115.0
#: A name is kept on one line when it fits at this size or more (about 14 mm per character).
ONE_LINE_PT = 40.0
#: Smallest name size in points; a name that does not fit even so is cut with "…".
MIN_NAME_PT = 8.0
#: Second line (title or unit): largest and smallest size in points.
SECOND_LINE_PT = 36.0
SECOND_LINE_MIN_PT = 8.0
#: Bands of a face, millimetres from the fold: name box and second-line box.
_NAME_BAND = (16.0, 128.0)
_NAME_BAND_WITH_SECOND = (12.0, 98.0)
_SECOND_BAND = (100.0, 126.0)
#: Stroke width used to embolden the (regular weight) name, in em.
_EMBOLDEN_EM = 0.025
#: Size and position of the staff note (seat label, order) on the lower half.
_NOTE_PT = 8.0
_NOTE_FROM_EDGE_MM = 9.0
_FULL_WIDTH_SPACE = "\u3000"
#: Side of the role badge (译 / 记) in millimetres and its type size (it sits above the name band).
_BADGE_MM = 10.5
_BADGE_PT = 22.0
#: What a card PDF prints besides the cards' own texts (the page of an empty set).
CARD_WORDS = "无桌签 / no name cards"
_PLAIN_SPACES = (" ", "\u3000", "\t", "\u00a0")


@dataclass(frozen=True)
class NameCard:
    """One name card.

    Parameters
    ----------
    name
        The name printed large on both faces.
    title
        Office held (职务); printed in the small staff note.
    seat_label
        Where the card goes, e.g. ``"主席台 第1排 4号"`` (staff note).
    order_note
        Extra placing hint for staff, e.g. ``"排序 3"`` (staff note).
    second_line
        Printed under the name on both faces (title or unit, ``[cards] second_line``); ``""`` for none.
    back_name
        The name in a second language, printed on the back half (the upper
        half of the page, the face towards the person seated); ``""`` prints
        the name on both faces.
    mark
        ``"译"`` for an interpreter, ``"记"`` for a note-taker (:attr:`seatplan.model.Seat.mark`):
        printed as a boxed badge in the corner of both faces and in the staff note.
    source
        The person's place in the attendee list (file, row), named in errors.
    """

    name: str
    title: str = ""
    seat_label: str = ""
    order_note: str = ""
    second_line: str = ""
    back_name: str = ""
    mark: str = ""
    source: Location = field(default_factory=Location, compare=False, repr=False)


def _is_cjk_ideograph(ch: str) -> bool:
    cp = ord(ch)
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0xF900 <= cp <= 0xFAFF
        or 0x20000 <= cp <= 0x3134F
    )


def space_two_char_name(name: str) -> str:
    """Put a full-width space inside a two-character Chinese name: ``"王伟"`` → ``"王　伟"``.

    Parameters
    ----------
    name
        A name as on the attendee list. Surrounding spaces are dropped; a
        two-character Chinese name already written with a space inside
        (``"王 伟"``) is normalised to the full-width space.

    Returns
    -------
    str
        The spaced name for exactly two CJK ideographs; any other name
        (``"王建国"``, ``"John Smith"``, ``"阿依古丽·买买提"``) stripped but otherwise unchanged.
    """
    stripped = name.strip()
    compact = "".join(ch for ch in stripped if ch not in _PLAIN_SPACES)
    if len(compact) == 2 and all(_is_cjk_ideograph(ch) for ch in compact):
        return compact[0] + _FULL_WIDTH_SPACE + compact[1]
    return stripped


def cards_from_records(records: Iterable[SeatRecord], sections: Sequence[str] = ("dais",)) -> list[NameCard]:
    """Make a name card for every record whose section starts with one of ``sections``.

    Parameters
    ----------
    records
        Seat records (see :func:`seatplan.export.build_seat_records`), in the
        order the cards should be printed.
    sections
        Section name prefixes that get cards (:attr:`CardSpec.sections`).

    Returns
    -------
    list of NameCard
        Cards carrying the seat label and the rank as staff notes.
    """
    cards: list[NameCard] = []
    for r in records:
        if any(r.section.startswith(prefix) for prefix in sections):
            cards.append(
                NameCard(
                    name=r.name,
                    title=r.title,
                    seat_label=r.label,
                    order_note=f"排序 {r.rank}" if r.rank else "",
                    mark=r.mark,
                    source=r.source,
                )
            )
    return cards


def card_texts(cards: Iterable[NameCard]) -> list[str]:
    """Every text the cards print (for the font subset of :func:`seatplan.export.typeset.shared_font_subset`)."""
    texts = [CARD_WORDS, "　…"]
    for card in cards:
        texts += [card.name, card.title, card.seat_label, card.order_note, card.second_line, card.back_name,
                  card.mark]
    return texts


def fit_name(pdf: FPDF, name: str, *, with_second_line: bool = False) -> FittedText:
    """Size (and lines) of ``name`` on its own card: one line when it fits at
    :data:`ONE_LINE_PT` or more, else wrapped; never wider than the card."""
    top, bottom = _NAME_BAND_WITH_SECOND if with_second_line else _NAME_BAND
    return fit_text(
        pdf,
        name,
        width=NAME_WIDTH_SHARE * PAGE_WIDTH,
        height=bottom - top,
        max_pt=MAX_NAME_PT,
        min_pt=MIN_NAME_PT,
        prefer_one_line_pt=ONE_LINE_PT,
    )


def _draw_marks(pdf: FPDF) -> None:
    """Light dashed fold line with short solid fold marks at both paper edges."""
    pdf.set_draw_color(170, 170, 170)
    pdf.set_line_width(0.2)
    # Fold marks (printers clip the outermost few millimetres, so start at 4 mm).
    pdf.line(4, FOLD_Y, 11, FOLD_Y)
    pdf.line(PAGE_WIDTH - 11, FOLD_Y, PAGE_WIDTH - 4, FOLD_Y)
    # Short vertical ticks at the paper edges, so the fold is found after trimming margins.
    for x in (4.0, PAGE_WIDTH - 4):
        pdf.line(x, FOLD_Y - 3, x, FOLD_Y + 3)
    pdf.set_draw_color(200, 200, 200)
    pdf.set_line_width(0.15)
    pdf.set_dash_pattern(dash=2.0, gap=2.0)
    pdf.line(14, FOLD_Y, PAGE_WIDTH - 14, FOLD_Y)
    pdf.set_dash_pattern()


def _draw_block(pdf: FPDF, fitted: FittedText, top: float, bottom: float, bold: bool) -> None:
    """Draw a fitted block centred in the band ``top`` … ``bottom`` (page millimetres)."""
    pdf.set_font(FONT, size=fitted.size_pt)
    size_mm = fitted.size_pt * PT_TO_MM
    y = top + (bottom - top - fitted.height_mm) / 2
    cx = PAGE_WIDTH / 2
    # The faces are Regular weight; a thin outline (fill + stroke) gives the bolder look of
    # printed name cards. local_context brackets it in q/Q so the render mode does not leak.
    with pdf.local_context(
        text_mode=TextMode.FILL_STROKE if bold else TextMode.FILL,
        line_width=_EMBOLDEN_EM * size_mm,
        draw_color=(0, 0, 0),
        text_color=(0, 0, 0),
    ):
        for line in fitted.lines:
            baseline = y + fitted.line_mm / 2 + 0.36 * size_mm
            pdf.text(cx - pdf.get_string_width(line) / 2, baseline, line)
            y += fitted.line_mm


def _draw_face(pdf: FPDF, name: FittedText, second: FittedText | None, fold: float, mark: str = "") -> None:
    """One face of the tent, drawn upright below the fold at page height ``fold``."""
    top, bottom = _NAME_BAND_WITH_SECOND if second else _NAME_BAND
    _draw_block(pdf, name, fold + top, fold + bottom, bold=True)
    if second is not None:
        _draw_block(pdf, second, fold + _SECOND_BAND[0], fold + _SECOND_BAND[1], bold=False)
    if mark:
        _draw_badge(pdf, mark, fold)


def _draw_badge(pdf: FPDF, mark: str, fold: float) -> None:
    """The role mark (译 / 记) in a small box at the outer right corner of a face, above the name band."""
    x, y, side = PAGE_WIDTH - _BADGE_MM - 12.0, fold + 1.5, _BADGE_MM
    pdf.set_draw_color(0, 0, 0)
    pdf.set_line_width(0.5)
    pdf.rect(x, y, side, side)
    pdf.set_font(FONT, size=_BADGE_PT)
    size_mm = _BADGE_PT * PT_TO_MM
    pdf.text(x + (side - pdf.get_string_width(mark)) / 2, y + side / 2 + 0.36 * size_mm, mark)


def _draw_note(pdf: FPDF, card: NameCard) -> None:
    """Staff note (seat, title, order) in small grey type at the bottom edge of the lower half."""
    role = f"（{card.mark}）" if card.mark else ""
    parts = [t.strip() for t in (card.seat_label + role, card.title, card.order_note) if t and t.strip()]
    if not parts:
        return
    text = "　".join(parts)
    pdf.set_font(FONT, size=_NOTE_PT)
    max_width = PAGE_WIDTH - 30
    while pdf.get_string_width(text) > max_width and len(text) > 1:
        text = text[:-2] + "…"
    pdf.set_text_color(150, 150, 150)
    width = pdf.get_string_width(text)
    pdf.text(PAGE_WIDTH / 2 - width / 2, PAGE_HEIGHT - _NOTE_FROM_EDGE_MM, text)
    pdf.set_text_color(0, 0, 0)


def render_name_cards(
    cards: Sequence[NameCard],
    *,
    serif: bool = True,
    space_two_char_names: bool = True,
    title: str = "",
    font: str | os.PathLike[str] | None = None,
) -> bytes:
    """Render name cards to PDF bytes; see :func:`write_name_cards`."""
    font_path = resolve_font(font, serif=serif)
    pdf = new_pdf(font_path, title=title or "桌签 name cards", subject="桌签 / name cards")
    _check_cards(cards, font_path)
    if not cards:
        pdf.add_page()
        pdf.set_font(FONT, size=24)
        message = CARD_WORDS
        width = pdf.get_string_width(message)
        pdf.text(PAGE_WIDTH / 2 - width / 2, FOLD_Y, message)
    for card in cards:
        name = space_two_char_name(card.name) if space_two_char_names else card.name.strip()
        back = card.back_name.strip()
        has_second = bool(card.second_line.strip())
        second = (
            fit_text(pdf, card.second_line, width=NAME_WIDTH_SHARE * PAGE_WIDTH, height=_SECOND_BAND[1] - _SECOND_BAND[0],
                     max_pt=SECOND_LINE_PT, min_pt=SECOND_LINE_MIN_PT, prefer_one_line_pt=SECOND_LINE_PT * 0.5)
            if has_second else None
        )
        front = fit_name(pdf, name, with_second_line=has_second)
        rear = fit_name(pdf, back, with_second_line=has_second) if back else front
        pdf.add_page()
        _draw_marks(pdf)
        if name:
            with pdf.rotation(180, x=PAGE_WIDTH / 2, y=FOLD_Y / 2):
                _draw_face(pdf, rear, second, 0.0, card.mark)
            _draw_face(pdf, front, second, FOLD_Y, card.mark)
        _draw_note(pdf, card)
    return pdf_bytes(pdf)


def _check_cards(cards: Sequence[NameCard], font_path: Path) -> None:
    """Refuse a card whose name, second line, title (staff note) or back name the face cannot print."""
    check_people(((c.name.strip() or "a name card", c.source,
                   {"姓名": c.name, "职务/单位": c.second_line, "职务": c.title, "外文名": c.back_name}) for c in cards),
                 font_path)


def write_name_cards(
    cards: Sequence[NameCard],
    path: str | os.PathLike[str],
    *,
    serif: bool = True,
    space_two_char_names: bool = True,
    title: str = "",
    font: str | os.PathLike[str] | None = None,
) -> None:
    """Write folded tent name cards (双面桌签), one A4 portrait page per card.

    Parameters
    ----------
    cards
        The cards in print order. With none, a one-page PDF saying
        ``"无桌签 / no name cards"`` is written, so the output always exists.
    path
        Output PDF file; parent directories are created.
    serif
        Noto Serif SC (宋体-like, default) or Noto Sans SC (黑体-like).
    space_two_char_names
        Print two-character Chinese names with a full-width space (``"王　伟"``).
    title
        Document title stored in the PDF metadata.
    font
        A font file (``[cards] font``: 方正小标宋, 黑体, 楷体...); ``None`` takes
        the bundled Noto face chosen by ``serif``.

    Raises
    ------
    ValidationError
        If a name (or second line, or back name) has a character the font has
        no glyph for; the message names the person and the list row.

    Notes
    -----
    The fold is the horizontal middle of the page (148.5 mm), drawn as a light
    dashed line with fold marks at the edges. The name is centred on both
    halves, the upper half rotated 180°, so each face of the folded tent reads
    upright from its side. Each name is sized to its own card (:func:`fit_name`):
    one line within 85 % of the 210 mm width, at most :data:`MAX_NAME_PT`, or
    wrapped over several lines when one line would be smaller than
    :data:`ONE_LINE_PT`. Seat label, title and order note are printed small and
    grey at the outer (table) edge of the lower half only, for the staff who
    put out the cards. Metadata dates are fixed, so the same cards give the
    same bytes.
    """
    data = render_name_cards(cards, serif=serif, space_two_char_names=space_two_char_names, title=title, font=font)
    atomic_write_bytes(path, data)
