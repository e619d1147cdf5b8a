"""Seat cards (座位卡): one small card per attendee saying where to sit ("3排12号").

Eight cards per A4 page (2 × 4, 105 × 74.25 mm each) with light cut lines. The
cards are printed in the order given, which :func:`seatplan.export.build_seat_records`
makes the hand-out order: the main floor front row first, then further back, then
the upper floors (R-AUD-1, R-AUD-11). Every text is fitted to its own box on its
card (wrapped, then cut with "…"), so a long name never runs over a neighbouring card.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence

from fpdf import FPDF

from seatplan.export.cards import PAGE_HEIGHT, PAGE_WIDTH
from seatplan.export.records import SeatRecord
from seatplan.export.typeset import (
    FONT,
    FittedText,
    check_people,
    draw_fitted,
    fit_text,
    new_pdf,
    pdf_bytes,
    resolve_font,
    text_in_box,
)
from seatplan.files import atomic_write_bytes

COLUMNS = 2
ROWS = 4
CARD_WIDTH = PAGE_WIDTH / COLUMNS
CARD_HEIGHT = PAGE_HEIGHT / ROWS
_MARGIN = 6.0
#: Smallest type of the name and of the unit: a long one wraps over two or three lines before it gets smaller.
NAME_MIN_PT = 9.0
UNIT_MIN_PT = 8.0
#: Height of the unit's box: three lines at :data:`UNIT_MIN_PT`, two at 10 pt.
_UNIT_BOX_MM = 12.5


def _draw(pdf: FPDF, fitted: FittedText, x: float, y: float, height: float, grey: int = 0) -> None:
    """Draw a fitted block centred in the card's column from ``x`` and the band ``y`` … ``y + height``."""
    draw_fitted(pdf, fitted, cx=x + (CARD_WIDTH - 2 * _MARGIN) / 2, top=y, height=height, grey=grey)


def select_seat_cards(records: Iterable[SeatRecord], *, skip_sections: Sequence[str] = ("dais",)) -> list[SeatRecord]:
    """Records that get a seat card: everyone seated outside ``skip_sections`` (name cards cover those)."""
    return [r for r in records if not any(r.section.startswith(p) for p in skip_sections)]


def render_seat_cards(
    records: Sequence[SeatRecord], *, title: str = "", font: str | os.PathLike[str] | None = None
) -> bytes:
    """Render seat cards to PDF bytes; see :func:`write_seat_cards`."""
    font_path = resolve_font(font, serif=False)
    check_people(((r.name, r.source, {"姓名": r.name, "单位": r.unit}) for r in records), font_path)
    pdf = new_pdf(font_path, title=f"{title} 座位卡" if title else "座位卡 seat cards", subject="座位卡 / seat cards")
    per_page = COLUMNS * ROWS
    if not records:
        pdf.add_page()
        pdf.set_font(FONT, size=20)
        message = "无座位卡 / no seat cards"
        pdf.text(PAGE_WIDTH / 2 - pdf.get_string_width(message) / 2, PAGE_HEIGHT / 2, message)
    inner = CARD_WIDTH - 2 * _MARGIN
    heading = title or "座位卡"
    for k, record in enumerate(records):
        if k % per_page == 0:
            pdf.add_page()
            pdf.set_draw_color(190, 190, 190)
            pdf.set_line_width(0.15)
            pdf.set_dash_pattern(dash=1.5, gap=1.5)
            for c in range(1, COLUMNS):
                pdf.line(c * CARD_WIDTH, 0, c * CARD_WIDTH, PAGE_HEIGHT)
            for r in range(1, ROWS):
                pdf.line(0, r * CARD_HEIGHT, PAGE_WIDTH, r * CARD_HEIGHT)
            pdf.set_dash_pattern()
        slot = k % per_page
        x = (slot % COLUMNS) * CARD_WIDTH + _MARGIN
        y0 = (slot // COLUMNS) * CARD_HEIGHT
        label = f"{record.label}（{record.mark}）" if record.mark else record.label
        text_in_box(pdf, heading, x=x, y=y0 + 5, width=inner, height=8, max_pt=9, grey=110, max_lines=2)
        text_in_box(pdf, label, x=x, y=y0 + 14, width=inner, height=23, max_pt=30, min_pt=8, max_lines=2)
        _draw(pdf, fit_text(pdf, record.name, width=inner, height=13, max_pt=16, min_pt=NAME_MIN_PT, max_lines=2,
                            prefer_one_line_pt=12), x, y0 + 38, 13)
        if record.unit:
            _draw(pdf, fit_text(pdf, record.unit, width=inner, height=_UNIT_BOX_MM, max_pt=10, min_pt=UNIT_MIN_PT,
                                max_lines=3, prefer_one_line_pt=9), x, y0 + 51.5, _UNIT_BOX_MM, grey=80)
        text_in_box(pdf, f"座位卡 · {k + 1}/{len(records)}", x=x, y=y0 + CARD_HEIGHT - 8, width=inner, height=5,
                    max_pt=7, grey=150)
    pdf.set_text_color(0, 0, 0)
    return pdf_bytes(pdf)


def write_seat_cards(
    records: Sequence[SeatRecord],
    path: str | os.PathLike[str],
    *,
    title: str = "",
    font: str | os.PathLike[str] | None = None,
) -> None:
    """Write seat cards (座位卡), eight per A4 page, in the given (hand-out) order.

    Parameters
    ----------
    records
        Seat records in print order (see :func:`select_seat_cards`).
    path
        Output PDF; written atomically.
    title
        Meeting title printed at the top of every card.
    font
        Font file; ``None`` takes the bundled Noto Sans face.

    Raises
    ------
    ValidationError
        If a name has a character the font has no glyph for (naming the person and row).
    """
    atomic_write_bytes(path, render_seat_cards(records, title=title, font=font))
