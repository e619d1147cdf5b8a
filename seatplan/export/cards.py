"""Name cards (桌签 / 席卡): A4 tent cards printed on both halves (R-DAIS-14, R-PHY-13).

Each A4 portrait page is one card. It is folded along the horizontal middle
(148.5 mm) into a tent; the name is printed centred on both halves, the upper
half turned 180° so that each face of the tent reads upright from its side.
All cards of one file share one type size (R-PHY-13: 字体格式统一), the size at
which the longest name fits the card width.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from fpdf import FPDF
from fpdf.enums import TextMode

from seatplan.export.records import SeatRecord
from seatplan.files import atomic_write_bytes
from seatplan.fonts import find_cjk_font

#: A4 portrait, millimetres.
PAGE_WIDTH = 210.0
PAGE_HEIGHT = 297.0
#: The fold line (horizontal middle of the page).
FOLD_Y = PAGE_HEIGHT / 2
#: Share of the page width the longest name may take.
NAME_WIDTH_SHARE = 0.85
#: Largest name size in points (about 41 mm per Chinese character).
MAX_NAME_PT = 115.0
#: Smallest name size in points; longer names are still shrunk to fit but never below this.
MIN_NAME_PT = 8.0
#: Height of the visual centre of CJK ideographs (and Latin capitals) above the baseline, in em.
_CENTRE_ABOVE_BASELINE_EM = 0.38
#: Stroke width used to embolden the (regular weight) name, in em.
_EMBOLDEN_EM = 0.025
#: Size and position of the staff note (seat label, order) on the lower half.
_NOTE_PT = 8.0
_NOTE_FROM_EDGE_MM = 9.0
#: Fixed metadata so that two runs give identical bytes.
FIXED_CREATION_DATE = _dt.datetime(2000, 1, 1, 0, 0, 0, tzinfo=_dt.UTC)
_PT_TO_MM = 25.4 / 72.0
_FONT_FAMILY = "seatplan-cjk"
_FULL_WIDTH_SPACE = "\u3000"
_PLAIN_SPACES = (" ", "\u3000", "\t", "\u00a0")


@dataclass(frozen=True)
class NameCard:
    """One name card.

    Parameters
    ----------
    name
        The name printed large on both faces.
    title
        Office held (职务); printed only in the small staff note.
    seat_label
        Where the card goes, e.g. ``"主席台 第1排 4号"`` (staff note).
    order_note
        Extra placing hint for staff, e.g. ``"排序 3"`` (staff note).
    """

    name: str
    title: str = ""
    seat_label: str = ""
    order_note: str = ""


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
                )
            )
    return cards


def _new_pdf(serif: bool, title: str) -> FPDF:
    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    pdf.set_margins(0, 0, 0)
    pdf.set_auto_page_break(False)
    pdf.c_margin = 0
    pdf.add_font(_FONT_FAMILY, "", str(find_cjk_font(serif=serif)))
    pdf.set_creation_date(FIXED_CREATION_DATE)
    pdf.set_producer("seatplan")
    pdf.set_creator("seatplan")
    pdf.set_title(title or "桌签 name cards")
    pdf.set_subject("桌签 / name cards")
    pdf.set_lang("zh-CN")
    return pdf


def _name_size_pt(pdf: FPDF, names: Sequence[str]) -> float:
    """Largest size (≤ :data:`MAX_NAME_PT`) at which every name fits the card width."""
    pdf.set_font(_FONT_FAMILY, size=100)
    widest = max((pdf.get_string_width(n) for n in names), default=0.0)
    if widest <= 0:
        return MAX_NAME_PT
    fit = 100.0 * NAME_WIDTH_SHARE * PAGE_WIDTH / widest
    return max(MIN_NAME_PT, min(MAX_NAME_PT, fit))


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


def _draw_name(pdf: FPDF, name: str, size_pt: float, centre_y: float, upside_down: bool) -> None:
    pdf.set_font(_FONT_FAMILY, size=size_pt)
    size_mm = size_pt * _PT_TO_MM
    width = pdf.get_string_width(name)
    cx = PAGE_WIDTH / 2
    x = cx - width / 2
    baseline = centre_y + _CENTRE_ABOVE_BASELINE_EM * size_mm
    # The faces are Regular weight; a thin outline (fill + stroke) gives the bolder look of
    # printed name cards. local_context brackets it in q/Q so the render mode does not leak.
    with pdf.local_context(
        text_mode=TextMode.FILL_STROKE,
        line_width=_EMBOLDEN_EM * size_mm,
        draw_color=(0, 0, 0),
        text_color=(0, 0, 0),
    ):
        if upside_down:
            with pdf.rotation(180, x=cx, y=centre_y):
                pdf.text(x, baseline, name)
        else:
            pdf.text(x, baseline, name)


def _draw_note(pdf: FPDF, card: NameCard) -> None:
    """Staff note (seat, title, order) in small grey type at the bottom edge of the lower half."""
    parts = [t.strip() for t in (card.seat_label, card.title, card.order_note) if t and t.strip()]
    if not parts:
        return
    text = "　".join(parts)
    pdf.set_font(_FONT_FAMILY, size=_NOTE_PT)
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
) -> bytes:
    """Render name cards to PDF bytes; see :func:`write_name_cards`."""
    pdf = _new_pdf(serif, title)
    names = [space_two_char_name(c.name) if space_two_char_names else c.name.strip() for c in cards]
    if not cards:
        pdf.add_page()
        pdf.set_font(_FONT_FAMILY, size=24)
        message = "无桌签 / no name cards"
        width = pdf.get_string_width(message)
        pdf.text(PAGE_WIDTH / 2 - width / 2, FOLD_Y, message)
    else:
        size_pt = _name_size_pt(pdf, names)
        for card, name in zip(cards, names):
            pdf.add_page()
            _draw_marks(pdf)
            if name:
                _draw_name(pdf, name, size_pt, FOLD_Y / 2, upside_down=True)
                _draw_name(pdf, name, size_pt, FOLD_Y + FOLD_Y / 2, upside_down=False)
            _draw_note(pdf, card)
    return bytes(pdf.output())


def write_name_cards(
    cards: Sequence[NameCard],
    path: str | os.PathLike[str],
    *,
    serif: bool = True,
    space_two_char_names: bool = True,
    title: str = "",
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

    Notes
    -----
    The fold is the horizontal middle of the page (148.5 mm), drawn as a light
    dashed line with fold marks at the edges. The name is centred on both
    halves, the upper half rotated 180°, so each face of the folded tent reads
    upright from its side. Every card of the file uses one type size: the size
    at which the longest name takes 85 % of the 210 mm width, at most
    :data:`MAX_NAME_PT`. Seat label, title and order note are printed small and
    grey at the outer (table) edge of the lower half only, for the staff who
    put out the cards. Metadata dates are fixed, so the same cards give the
    same bytes.
    """
    data = render_name_cards(cards, serif=serif, space_two_char_names=space_two_char_names, title=title)
    atomic_write_bytes(path, data)
