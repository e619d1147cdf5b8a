"""Lists an office hands out: sign-in sheets (签到表), unit notices (座位通知), notice texts, supplies.

Every sheet is A4 portrait with the face of :mod:`seatplan.export.typeset`; tables
repeat their header on every page, and every cell's text is fitted to its cell.
The unit notice and the per-attendee notice text are also written as csv for
mail-merge, SMS and messaging platforms.
"""

from __future__ import annotations

import math
import os
import re
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF

from seatplan.errors import Location, ValidationError
from seatplan.export.records import SeatRecord
from seatplan.export.typeset import (
    LINE_SPACING,
    PT_TO_MM,
    FittedText,
    check_people,
    draw_fitted,
    fit_text,
    new_pdf,
    pdf_bytes,
    resolve_font,
    text_in_box,
    text_width,
)
from seatplan.files import atomic_write_bytes, csv_bytes
from seatplan.model.seats import SeatTag, table_name

__all__ = [
    "NOTICE_COLUMNS",
    "NOTICE_TEXT_COLUMNS",
    "Supplies",
    "TEMPLATE_FIELDS",
    "UnitNotice",
    "build_unit_notices",
    "count_supplies",
    "render_notice_texts",
    "seat_ranges",
    "write_notice_texts_csv",
    "write_signin_sheets",
    "write_supplies_sheet",
    "write_table_lists",
    "write_unit_notices",
    "write_unit_notices_csv",
]

PAGE_W, PAGE_H = 210.0, 297.0
_MARGIN = 15.0
_ROW_H = 9.0  # room to sign
_HEAD_H = 8.0
#: Type of a table cell: largest size, the size kept on one line, and the smallest (a text wraps before it
#: goes below; about 2.8 mm per Chinese character, read at arm's length).
_CELL_PT = 11.0
_CELL_ONE_LINE_PT = 9.5
CELL_MIN_PT = 8.0
_CELL_PAD = 1.2
_CELL_VPAD = 0.8
#: Smallest width of the signature column (room for a signature in a hand of about 8 mm).
SIGN_MIN_MM = 40.0
#: Lowest y of a sign-in table (below it: the count line and the footer).
_SIGNIN_BOTTOM = PAGE_H - 26.0
#: Columns of notices.csv.
NOTICE_COLUMNS = ("unit", "people", "seats", "door", "text")
#: Columns of notice-texts.csv.
NOTICE_TEXT_COLUMNS = ("id", "name", "unit", "phone", "seat", "text")
#: Fields a notice template may use.
TEMPLATE_FIELDS = ("name", "unit", "title", "seat", "area", "door", "meeting", "date")
_NO_UNIT = "（未填单位）"


# --------------------------------------------------------------------------- seat ranges


def seat_ranges(records: Sequence[SeatRecord]) -> str:
    """Seats of a group written as an office writes them: ``"7排1–10号、8排1–4号"``.

    Consecutive numbers of one row (of one area, or one table) are joined with an
    en dash; the area is named when it is not the main floor (``"二楼 2排3–5号"``).
    """
    groups: dict[tuple[str, str, int], list[int]] = {}
    for r in records:
        groups.setdefault((r.area, _table_name(r), r.row), []).append(r.seat)
    parts: list[str] = []
    for (area, table, row), numbers in groups.items():
        numbers = sorted(set(numbers))
        runs: list[tuple[int, int]] = []
        for n in numbers:
            if runs and n == runs[-1][1] + 1:
                runs[-1] = (runs[-1][0], n)
            else:
                runs.append((n, n))
        nums = "、".join(f"{a}号" if a == b else f"{a}–{b}号" for a, b in runs)
        if table:
            parts.append(f"{table} {nums}")
        elif area in ("", "台下"):
            parts.append(f"{row}排{nums}")
        else:
            parts.append(f"{area} {row}排{nums}")
    return "、".join(parts)


# --------------------------------------------------------------------------- unit notices


@dataclass(frozen=True)
class UnitNotice:
    """What one unit is told: how many, where, which door.

    Parameters
    ----------
    unit
        The unit (单位) as on the list.
    records
        Its people, in seat order.
    door
        The door to come in by (its name as the plan gives it), or ``""``.
    """

    unit: str
    records: tuple[SeatRecord, ...]
    door: str = ""

    @property
    def seats(self) -> str:
        """The unit's seats as ranges (:func:`seat_ranges`)."""
        return seat_ranges(self.records)

    @property
    def text(self) -> str:
        """``"县公安局 10人 7排1–10号，请从东门入场"``."""
        text = f"{self.unit or _NO_UNIT} {len(self.records)}人 {self.seats}"
        return text + (f"，请从{self.door}入场" if self.door else "")


def build_unit_notices(records: Sequence[SeatRecord], doors: Mapping[str, str] | None = None) -> list[UnitNotice]:
    """One notice per unit, in order of the unit's first seat (front first).

    ``doors`` maps a unit to the door its people should use (see
    :func:`seatplan.pipeline.unit_doors`); units not in it get no door sentence.
    """
    by_unit: dict[str, list[SeatRecord]] = {}
    for r in records:
        by_unit.setdefault(r.unit, []).append(r)
    return [UnitNotice(unit, tuple(members), (doors or {}).get(unit, "")) for unit, members in by_unit.items()]


def write_unit_notices_csv(notices: Sequence[UnitNotice], path: str | os.PathLike[str]) -> None:
    """Write notices.csv: unit, people, seats, door, text (UTF-8 with BOM, as the other csv files)."""
    rows = ([n.unit, str(len(n.records)), n.seats, n.door, n.text] for n in notices)
    atomic_write_bytes(path, csv_bytes(NOTICE_COLUMNS, rows))


def _heading(pdf: FPDF, title: str, subtitle: str, date: str) -> float:
    text_in_box(pdf, title, x=_MARGIN, y=12, width=PAGE_W - 2 * _MARGIN, height=10, max_pt=18, min_pt=8, max_lines=1)
    text_in_box(pdf, subtitle, x=_MARGIN, y=22, width=PAGE_W - 2 * _MARGIN, height=9, max_pt=15, min_pt=CELL_MIN_PT,
                max_lines=2)
    if date:
        text_in_box(pdf, date, x=_MARGIN, y=31, width=PAGE_W - 2 * _MARGIN, height=5, max_pt=9, grey=90, max_lines=1)
    return 38.0


def _footer(pdf: FPDF, page: int, pages: int, note: str) -> None:
    text_in_box(pdf, f"{note}　第 {page}/{pages} 页" if note else f"第 {page}/{pages} 页", x=_MARGIN,
                y=PAGE_H - 11, width=PAGE_W - 2 * _MARGIN, height=5, max_pt=8, min_pt=8, grey=120, max_lines=1)


def write_unit_notices(
    notices: Sequence[UnitNotice],
    path: str | os.PathLike[str],
    *,
    title: str = "",
    date: str = "",
    font: str | os.PathLike[str] | None = None,
) -> None:
    """Write one A4 page per unit (座位通知): the sentence in large type and the unit's people with seats."""
    font_path = resolve_font(font, serif=False)
    pdf = new_pdf(font_path, title=f"{title} 座位通知" if title else "座位通知", subject="座位通知")
    if not notices:
        pdf.add_page()
        text_in_box(pdf, "无座位通知", x=_MARGIN, y=120, width=PAGE_W - 2 * _MARGIN, height=20, max_pt=20)
    for notice in notices:
        _check_records(notice.records, font_path)
        sentence = f"贵单位参会 {len(notice.records)} 人，座位：{notice.seats}"
        sentence += f"，请从{notice.door}入场。" if notice.door else "。"
        fitted = fit_text(pdf, sentence, width=PAGE_W - 2 * _MARGIN, height=40, max_pt=18, min_pt=7,
                          prefer_one_line_pt=12)
        rows = [[str(i + 1), r.name, r.title, _seat_text(r)] for i, r in enumerate(notice.records)]
        columns = _fit_columns(pdf, [("序号", 11.0, 16.0), ("姓名", 22.0, 50.0), ("职务", 24.0, 70.0),
                                     ("座位", 26.0, 60.0)], rows)
        bottom = PAGE_H - 16.0
        counts = _paginate(_row_heights(pdf, columns, rows, _ROW_H),
                           [bottom - 38.0 - 16 - fitted.height_mm - 6 - _HEAD_H, bottom - 38.0 - _HEAD_H])
        chunks = [rows[sum(counts[:k]) : sum(counts[: k + 1])] for k in range(len(counts))]
        for k, chunk in enumerate(chunks, start=1):
            pdf.add_page()
            y = _heading(pdf, title or "座位通知", "座位通知", date)
            if k == 1:
                text_in_box(pdf, f"{notice.unit or _NO_UNIT}：", x=_MARGIN, y=y + 2, width=PAGE_W - 2 * _MARGIN,
                            height=12, max_pt=20, min_pt=8, max_lines=1)
                draw_fitted(pdf, fitted, cx=PAGE_W / 2, top=y + 16, height=fitted.height_mm)
                y += 16 + fitted.height_mm + 6
            _table(pdf, y, columns, chunk, row_h=_ROW_H)
            _footer(pdf, k, len(chunks), f"{notice.unit} {len(notice.records)}人")
    atomic_write_bytes(path, pdf_bytes(pdf))


def _seat_text(r: SeatRecord) -> str:
    return f"{r.label}（{r.mark}）" if r.mark else r.label


def _check_records(records: Sequence[SeatRecord], font_path: Path) -> None:
    """Refuse a name, unit or title the face cannot print, naming the person and the list row."""
    check_people(((r.name, r.source, {"姓名": r.name, "单位": r.unit, "职务": r.title}) for r in records), font_path)


def _fit_cell(pdf: FPDF, text: str, width: float) -> FittedText:
    """A cell's text: one line when it fits at :data:`_CELL_ONE_LINE_PT`, else wrapped (at most three lines)
    at the largest size down to :data:`CELL_MIN_PT`; cut with "…" only past that."""
    return fit_text(pdf, text, width=width - 2 * _CELL_PAD, height=3 * _CELL_ONE_LINE_PT * PT_TO_MM * LINE_SPACING,
                    max_pt=_CELL_PT, min_pt=CELL_MIN_PT, max_lines=3, prefer_one_line_pt=_CELL_ONE_LINE_PT)


def _row_heights(pdf: FPDF, columns: Sequence[tuple[str, float]], rows: Sequence[Sequence[str]],
                 row_h: float) -> list[float]:
    """Height of each row: ``row_h``, or more for a row whose text wraps over more lines."""
    return [max([row_h] + [_fit_cell(pdf, text, width).height_mm + 2 * _CELL_VPAD
                           for (_, width), text in zip(columns, row) if text]) for row in rows]


def _fit_columns(pdf: FPDF, spec: Sequence[tuple[str, float, float]], rows: Sequence[Sequence[str]],
                 *, rest: int = -1) -> list[tuple[str, float]]:
    """Column widths sized to their content, filling the page width.

    ``spec`` gives each column's header, smallest and largest width (mm). A column is as wide as its widest
    text on one line at the body size (within its bounds); column ``rest`` (the signature column) takes the
    room left, at least its smallest width: when the texts need more, the other columns narrow towards
    their smallest widths (their texts wrap). Without a ``rest`` column, the room left is shared out in
    proportion to the widths.
    """
    usable = PAGE_W - 2 * _MARGIN
    natural = []
    for k, (name, low, high) in enumerate(spec):
        texts = [name] + [row[k] for row in rows if row[k]]
        need = max(text_width(pdf, text, _CELL_PT) for text in texts) + 2 * _CELL_PAD + 0.5
        natural.append(min(max(need, low), high))
    widths = list(natural)
    others = [k for k in range(len(spec)) if k != rest % len(spec)] if rest >= 0 else list(range(len(spec)))
    room = usable - (spec[rest][1] if rest >= 0 else 0.0)
    excess = sum(widths[k] for k in others) - room
    if excess > 0:
        slack = sum(widths[k] - spec[k][1] for k in others)
        for k in others:
            widths[k] -= excess * (widths[k] - spec[k][1]) / slack if slack > 0 else 0.0
    if rest >= 0:
        widths[rest] = usable - sum(widths[k] for k in others)
    else:
        total = sum(widths)
        widths = [w * usable / total for w in widths]
    return [(name, width) for (name, _, _), width in zip(spec, widths)]


def _paginate(heights: Sequence[float], rooms: Sequence[float]) -> list[int]:
    """How many rows go on each page: rows of ``heights`` filled into pages of ``rooms`` mm (the last room
    repeats); every page takes at least one row."""
    counts: list[int] = []
    k = 0
    while k < len(heights) or not counts:
        room = rooms[min(len(counts), len(rooms) - 1)]
        n, used = 0, 0.0
        while k + n < len(heights) and (n == 0 or used + heights[k + n] <= room + 1e-6):
            used += heights[k + n]
            n += 1
        counts.append(n)
        k += n
        if n == 0:
            break
    return counts


def _table(pdf: FPDF, top: float, columns: Sequence[tuple[str, float]], rows: Sequence[Sequence[str]],
           *, row_h: float) -> float:
    """Draw a ruled table from ``top``; returns the y below it. Each cell's text fits its cell, a row
    growing taller for a text that wraps (:func:`_row_heights`)."""
    pdf.set_draw_color(90, 90, 90)
    pdf.set_line_width(0.2)
    heights = _row_heights(pdf, columns, rows, row_h)
    x0 = _MARGIN
    y = top
    pdf.set_fill_color(230, 230, 230)
    pdf.rect(x0, y, sum(w for _, w in columns), _HEAD_H, style="DF")
    x = x0
    for name, width in columns:
        text_in_box(pdf, name, x=x + 1, y=y + 1, width=width - 2, height=_HEAD_H - 2, max_pt=10, min_pt=5, max_lines=1)
        pdf.line(x, y, x, y + _HEAD_H + sum(heights))
        x += width
    pdf.line(x, y, x, y + _HEAD_H + sum(heights))
    y += _HEAD_H
    for row, height in zip(rows, heights):
        pdf.line(x0, y, x, y)
        cx = x0
        for (_, width), text in zip(columns, row):
            if text:
                draw_fitted(pdf, _fit_cell(pdf, text, width), cx=cx + width / 2, top=y, height=height)
            cx += width
        y += height
    pdf.line(x0, y, x, y)
    return y


# --------------------------------------------------------------------------- sign-in sheets


def write_signin_sheets(
    records: Sequence[SeatRecord],
    path: str | os.PathLike[str],
    *,
    title: str = "",
    date: str = "",
    per_unit: bool = True,
    font: str | os.PathLike[str] | None = None,
) -> None:
    """Write sign-in sheets (签到表): names in seat order, seat, a signature column, the head count.

    Parameters
    ----------
    records
        Seat records in seat (hand-out) order.
    path
        Output PDF.
    title, date
        Printed at the top of every page.
    per_unit
        One sheet per unit, each starting on a new page (units in order of
        their first seat); ``False`` writes the whole meeting as one list with
        a unit column.
    font
        Font file; ``None`` takes the bundled Noto Sans face.

    Notes
    -----
    Every page ends with the count line ``应到 N 人　实到 ____ 人`` of its
    sheet, so a page handed in alone still says how many were expected.
    """
    font_path = resolve_font(font, serif=False)
    _check_records(records, font_path)
    label = "签到表" if per_unit else "签到表（全体）"
    pdf = new_pdf(font_path, title=f"{title} {label}" if title else label, subject="签到表")
    groups: list[tuple[str, list[SeatRecord]]] = []
    if per_unit:
        by_unit: dict[str, list[SeatRecord]] = {}
        for r in records:
            by_unit.setdefault(r.unit, []).append(r)
        groups = list(by_unit.items())
    else:
        groups = [("全体参会人员", list(records))]
    if not groups:
        groups = [("全体参会人员", [])]
    usable = PAGE_W - 2 * _MARGIN
    middle = ("职务", 24.0, 60.0) if per_unit else ("单位", 30.0, 70.0)
    spec = [("序号", 11.0, 16.0), ("姓名", 22.0, 36.0), middle, ("座位", 26.0, 46.0), ("签名", SIGN_MIN_MM, usable)]
    for unit, members in groups:
        rows = [[str(i + 1), r.name, r.title if per_unit else r.unit, _seat_text(r), ""]
                for i, r in enumerate(members)]
        columns = _fit_columns(pdf, spec, rows, rest=len(spec) - 1)
        heights = _row_heights(pdf, columns, rows, _ROW_H)
        counts = _paginate(heights, [_SIGNIN_BOTTOM - 38.0 - _HEAD_H])
        start = 0
        for k, count in enumerate(counts, start=1):
            pdf.add_page()
            heading = f"{unit or _NO_UNIT}　应到 {len(members)} 人"
            y = _heading(pdf, f"{title} 签到表" if title else "签到表", heading, date)
            y = _table(pdf, y, columns, rows[start : start + count], row_h=_ROW_H)
            start += count
            text_in_box(pdf, f"应到 {len(members)} 人　　实到 ______ 人　　缺席 ______ 人", x=_MARGIN, y=y + 4,
                        width=usable, height=8, max_pt=12, max_lines=1)
            _footer(pdf, k, len(counts), unit)
    atomic_write_bytes(path, pdf_bytes(pdf))


# --------------------------------------------------------------------------- notice texts


def render_notice_texts(
    records: Sequence[SeatRecord],
    template: str,
    *,
    meeting: str,
    date: str,
    doors: Mapping[str, str] | None = None,
    source: str = "",
) -> list[str]:
    """Fill the plan's notice template for every attendee.

    ``template`` uses ``{name}``, ``{unit}``, ``{title}``, ``{seat}``, ``{area}``,
    ``{door}``, ``{meeting}`` and ``{date}`` (:data:`TEMPLATE_FIELDS`).

    Raises
    ------
    ValidationError
        If the template names another field or is not a valid template; the
        message names the field and lists the ones that exist.
    """
    where = Location(file=source, field="outputs.notice_template", value=template)
    try:
        fields = [f for _, f, _, _ in string.Formatter().parse(template) if f is not None]
    except ValueError as exc:
        raise ValidationError(f"the notice template cannot be read ({exc})", location=where,
                              hint="write fields in braces, e.g. {name}; a literal brace is {{ or }}") from None
    for name in fields:
        if name not in TEMPLATE_FIELDS or not re.fullmatch(r"[a-z]+", name):
            raise ValidationError(f"the notice template uses the unknown field {{{name}}}", location=where,
                                  hint="use " + ", ".join("{" + f + "}" for f in TEMPLATE_FIELDS))
    doors = doors or {}
    return [
        template.format(name=r.name, unit=r.unit, title=r.title, seat=r.label, area=r.area,
                        door=doors.get(r.unit, ""), meeting=meeting, date=date)
        for r in records
    ]


def write_notice_texts_csv(records: Sequence[SeatRecord], texts: Sequence[str], path: str | os.PathLike[str]) -> None:
    """Write notice-texts.csv: id, name, unit, phone, seat, text (one row per attendee)."""
    rows = ([r.id, r.name, r.unit, r.phone, r.label, t] for r, t in zip(records, texts))
    atomic_write_bytes(path, csv_bytes(NOTICE_TEXT_COLUMNS, rows))


# --------------------------------------------------------------------------- supplies


@dataclass(frozen=True)
class Supplies:
    """What to put out (R-PHY-13, R-PHY-14).

    Parameters
    ----------
    people
        Seated attendees.
    name_cards, seat_cards
        Cards printed.
    half_days
        Half-day sessions of the meeting.
    winter
        Thermoses and cups are put out in winter (R-PHY-14).
    dais_seats
        Seats on the dais (one microphone each).
    """

    people: int
    name_cards: int
    seat_cards: int
    half_days: int = 1
    winter: bool = False
    dais_seats: int = 0

    @property
    def water(self) -> int:
        """Bottles of water: one per person per half day."""
        return self.people * self.half_days

    @property
    def thermoses(self) -> int:
        """Thermoses in winter, one per 6 people (R-PHY-14: one per 5–8)."""
        return math.ceil(self.people / 6) if self.winter else 0

    @property
    def cups(self) -> int:
        """Cups in winter, one per person."""
        return self.people if self.winter else 0

    @property
    def microphones(self) -> int:
        """Microphones on the dais, one per seat."""
        return self.dais_seats

    def as_dict(self) -> dict[str, int | bool]:
        """For summary.json."""
        return {
            "people": self.people, "half_days": self.half_days, "winter": self.winter,
            "name_cards": self.name_cards, "seat_cards": self.seat_cards, "water_bottles": self.water,
            "thermoses": self.thermoses, "cups": self.cups, "dais_microphones": self.microphones,
        }


def count_supplies(
    records: Sequence[SeatRecord], *, name_cards: int, seat_cards: int, half_days: int, date: str
) -> Supplies:
    """Count supplies for the seated people; winter is a meeting dated November to March."""
    month = re.match(r"\s*\d{4}[-/.年]\s*(\d{1,2})", date or "")
    winter = bool(month) and int(month.group(1)) in (11, 12, 1, 2, 3)  # type: ignore[union-attr]
    dais = sum(1 for r in records if r.section.startswith("dais"))
    return Supplies(len(records), name_cards, seat_cards, max(1, half_days), winter, dais)


def write_supplies_sheet(supplies: Supplies, path: str | os.PathLike[str], *, title: str = "", date: str = "") -> None:
    """Write the supplies sheet (物品清单): one line per item with the count and how it was counted."""
    pdf = new_pdf(resolve_font(None, serif=False), title=f"{title} 物品清单" if title else "物品清单", subject="物品清单")
    pdf.add_page()
    y = _heading(pdf, f"{title} 物品清单" if title else "物品清单", f"参会 {supplies.people} 人", date)
    season = "冬季" if supplies.winter else "非冬季"
    rows = [
        ["桌签（席卡）", str(supplies.name_cards), "每张 A4 对折，双面印名"],
        ["座位卡", str(supplies.seat_cards), "每页 8 张，按发放顺序"],
        ["瓶装水", str(supplies.water), f"每人每半天 1 瓶 × {supplies.half_days} 个半天"],
        ["保温壶（暖壶）", str(supplies.thermoses), f"{season}：冬季每 5–8 人 1 个（按 6 人计）"],
        ["茶杯", str(supplies.cups), f"{season}：冬季每人 1 个"],
        ["主席台话筒", str(supplies.microphones), "主席台每座 1 个"],
    ]
    _table(pdf, y, [("物品", 50.0), ("数量", 30.0), ("计算方法", PAGE_W - 2 * _MARGIN - 80.0)], rows, row_h=12.0)
    atomic_write_bytes(path, pdf_bytes(pdf))


# --------------------------------------------------------------------------- banquet lists


def _table_name(r: SeatRecord) -> str:
    """The record's table as the guests read it: ``"5号桌"``, ``"主桌（1号桌）"`` (``""`` off tables)."""
    return table_name(r.table, main=SeatTag.MAIN_TABLE in r.tags) if r.table else ""


def _place_row(r: SeatRecord) -> list[str]:
    """A row of the list per table: place (with its 译 / 记 mark), name, unit, title."""
    return [f"{r.seat}" + (f"（{r.mark}）" if r.mark else ""), r.name, r.unit, r.title]


def write_table_lists(
    records: Sequence[SeatRecord],
    path: str | os.PathLike[str],
    *,
    title: str = "",
    date: str = "",
    font: str | os.PathLike[str] | None = None,
) -> int:
    """Write the list per table (每桌名单): tables in number order, each in place order (1 = the host's place).

    Tables flow down the pages; a table never breaks across two pages. Returns the number of tables.
    """
    font_path = resolve_font(font, serif=False)
    _check_records(records, font_path)
    tables: dict[str, list[SeatRecord]] = {}
    for r in records:
        if r.table:
            tables.setdefault(r.table, []).append(r)
    pdf = new_pdf(font_path, title=f"{title} 每桌名单" if title else "每桌名单", subject="每桌名单")
    usable = PAGE_W - 2 * _MARGIN
    spec = [("位次", 14.0, 22.0), ("姓名", 22.0, 50.0), ("单位", 30.0, 80.0), ("职务", 24.0, 70.0)]
    row_h = 7.5
    # one set of widths for every table, sized to all of them
    columns = _fit_columns(pdf, spec, [_place_row(r) for members in tables.values() for r in members])
    y = PAGE_H
    bottom = PAGE_H - 16
    if not tables:
        pdf.add_page()
        _heading(pdf, f"{title} 每桌名单" if title else "每桌名单", "无桌次", date)
    for members in tables.values():
        members.sort(key=lambda r: r.seat)
        rows = [_place_row(r) for r in members]
        need = 10 + _HEAD_H + sum(_row_heights(pdf, columns, rows, row_h)) + 6
        if y + need > bottom:
            pdf.add_page()
            y = _heading(pdf, f"{title} 每桌名单" if title else "每桌名单", "每桌名单（按位次）", date)
        host = members[0].name if members and members[0].seat == 1 else ""
        heading = f"{_table_name(members[0])}　{len(members)}人" + (f"　主人：{host}" if host else "")
        text_in_box(pdf, heading, x=_MARGIN, y=y, width=usable, height=8, max_pt=13, min_pt=7, max_lines=1)
        y = _table(pdf, y + 9, columns, rows, row_h=row_h) + 6
    atomic_write_bytes(path, pdf_bytes(pdf))
    return len(tables)
