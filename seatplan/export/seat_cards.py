"""Seat cards (座位卡): one small card per attendee saying where to sit ("3排12号").

Eight cards per A4 page (2 × 4, 105 × 74.25 mm each) with light cut lines. The
cards are printed in seat order, front row first, so a desk that hands them out
from the top of the pile seats people front to back (R-AUD-11).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence

from fpdf import FPDF

from seatplan.export.cards import FIXED_CREATION_DATE, PAGE_HEIGHT, PAGE_WIDTH
from seatplan.export.records import SeatRecord
from seatplan.files import atomic_write_bytes
from seatplan.fonts import find_cjk_font

COLUMNS = 2
ROWS = 4
CARD_WIDTH = PAGE_WIDTH / COLUMNS
CARD_HEIGHT = PAGE_HEIGHT / ROWS
_FONT = "seatplan-sans"
_MARGIN = 6.0


def select_seat_cards(records: Iterable[SeatRecord], *, skip_sections: Sequence[str] = ("dais",)) -> list[SeatRecord]:
    """Records that get a seat card: everyone seated outside ``skip_sections`` (name cards cover those)."""
    return [r for r in records if not any(r.section.startswith(p) for p in skip_sections)]


def _fit(pdf: FPDF, text: str, size: float, width: float) -> float:
    pdf.set_font(_FONT, size=size)
    w = pdf.get_string_width(text)
    return size if w <= width else max(6.0, size * width / w)


def render_seat_cards(records: Sequence[SeatRecord], *, title: str = "") -> bytes:
    """Render seat cards to PDF bytes; see :func:`write_seat_cards`."""
    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    pdf.set_margins(0, 0, 0)
    pdf.set_auto_page_break(False)
    pdf.add_font(_FONT, "", str(find_cjk_font(serif=False)))
    pdf.set_creation_date(FIXED_CREATION_DATE)
    pdf.set_producer("seatplan")
    pdf.set_creator("seatplan")
    pdf.set_title(f"{title} 座位卡" if title else "座位卡 seat cards")
    pdf.set_lang("zh-CN")
    per_page = COLUMNS * ROWS
    if not records:
        pdf.add_page()
        pdf.set_font(_FONT, size=20)
        message = "无座位卡 / no seat cards"
        pdf.text(PAGE_WIDTH / 2 - pdf.get_string_width(message) / 2, PAGE_HEIGHT / 2, message)
    inner = CARD_WIDTH - 2 * _MARGIN
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
        x0 = (slot % COLUMNS) * CARD_WIDTH
        y0 = (slot // COLUMNS) * CARD_HEIGHT
        cx = x0 + CARD_WIDTH / 2

        def centred(text: str, size: float, baseline: float, grey: int = 0) -> None:
            pdf.set_text_color(grey, grey, grey)
            pdf.set_font(_FONT, size=_fit(pdf, text, size, inner))
            pdf.text(cx - pdf.get_string_width(text) / 2, y0 + baseline, text)  # noqa: B023 - called only within this iteration

        centred(title or "座位卡", 9, 11, grey=110)
        centred(record.label, 30, 35)
        centred(record.name, 16, 50)
        if record.unit:
            centred(record.unit, 10, 58, grey=80)
        centred(f"座位卡 · {k + 1}/{len(records)}", 7, CARD_HEIGHT - 5, grey=150)
    pdf.set_text_color(0, 0, 0)
    return bytes(pdf.output())


def write_seat_cards(records: Sequence[SeatRecord], path: str | os.PathLike[str], *, title: str = "") -> None:
    """Write seat cards (座位卡), eight per A4 page, in the given (seat) order.

    Parameters
    ----------
    records
        Seat records in print order (see :func:`select_seat_cards`).
    path
        Output PDF; written atomically.
    title
        Meeting title printed at the top of every card.
    """
    atomic_write_bytes(path, render_seat_cards(records, title=title))
