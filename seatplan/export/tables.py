"""Seat lists as csv (data), xlsx (printing) and json (summary), byte-for-byte reproducible."""

from __future__ import annotations

import datetime as _dt
import io
import json
import os
import re
import unicodedata
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from seatplan.export.records import SeatRecord
from seatplan.files import atomic_write_bytes, clean_cell_text, csv_bytes
from seatplan.model.attendees import Attendee

#: Columns of the seat list, in order (csv header and xlsx field order).
SEAT_COLUMNS: tuple[str, ...] = (
    "id",
    "name",
    "unit",
    "rank",
    "section",
    "row",
    "seat",
    "table",
    "x",
    "y",
    "title",
    "label",
    "seat_id",
    "gender",
    "ethnicity",
    "phone",
    "note",
    "area",
    "mark",
)

#: Chinese column titles of the xlsx seat list.
SEAT_COLUMN_TITLES: dict[str, str] = {
    "id": "编号",
    "name": "姓名",
    "unit": "单位",
    "rank": "排序",
    "section": "区域代码",
    "row": "排",
    "seat": "号",
    "table": "桌",
    "x": "x",
    "y": "y",
    "title": "职务",
    "label": "座位",
    "seat_id": "座位编号",
    "gender": "性别",
    "ethnicity": "民族",
    "phone": "电话",
    "note": "备注",
    "area": "区域",
    "mark": "标记",
}

#: Columns of the unseated list.
UNSEATED_COLUMNS: tuple[str, ...] = ("id", "name", "unit", "rank", "reason")

#: Timestamp written into xlsx metadata so that output does not depend on the clock.
FIXED_TIMESTAMP = _dt.datetime(2000, 1, 1, 0, 0, 0)
#: Timestamp of every zip entry (the earliest a zip file can hold).
ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)

_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_CORE_DATES = re.compile(r"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")
_TEXT_COLUMNS = frozenset({"id", "phone", "seat_id"})
_NUMBER_COLUMNS = frozenset({"rank", "row", "seat"})


# --------------------------------------------------------------------------- helpers


def _record_csv_row(record: SeatRecord) -> list[str]:
    row: list[str] = []
    for column in SEAT_COLUMNS:
        value = getattr(record, column)
        if column in ("x", "y"):
            row.append(f"{value:.2f}")
        elif column == "rank":
            row.append(str(value) if value else "")
        else:
            row.append(str(value))
    return row


def display_width(text: str) -> int:
    """Width of ``text`` in monospace cells: wide (CJK) characters count double.

    Parameters
    ----------
    text
        Any string.

    Returns
    -------
    int
        Number of half-width cells the text occupies.
    """
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


#: Chinese sheet names of the sections the occasions produce.
_SECTION_NAMES = {
    "floor": "台下",
    "balcony": "楼上",
    "banquet": "宴会",
    "host": "主方",
    "guest": "客方",
    "interpreter": "翻译",
}


def section_sheet_name(section: str) -> str:
    """Readable sheet name of a section: ``"dais"`` → ``"主席台"``, ``"dais-2"`` → ``"主席台-2"``.

    Other names are kept, with characters Excel forbids replaced by ``_`` and cut
    to 31 characters.
    """
    if section == "dais":
        name = "主席台"
    elif section.startswith("dais-") or section.startswith("dais_"):
        name = "主席台" + section[4:]
    else:
        name = _SECTION_NAMES.get(section, section) or "未分区"
    name = _SHEET_FORBIDDEN.sub("_", name).strip("'") or "_"
    return name[:31]


def _unique_sheet_name(name: str, taken: set[str]) -> str:
    candidate, n = name, 1
    while candidate.casefold() in taken:
        n += 1
        suffix = f"~{n}"
        candidate = name[: 31 - len(suffix)] + suffix
    taken.add(candidate.casefold())
    return candidate


def _normalised_zip(data: bytes) -> bytes:
    """A zip rewritten with fixed entry times and fixed core-property dates.

    The entries keep their order and compression.
    """
    fixed = FIXED_TIMESTAMP.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _CORE_DATES.sub(lambda m: f"{m.group(1)}{fixed}{m.group(3)}", content.decode("utf-8")).encode(
                    "utf-8"
                )
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIMESTAMP)
            entry.compress_type = info.compress_type
            entry.external_attr = 0o600 << 16
            entry.create_system = 0
            dst.writestr(entry, content)
    return out.getvalue()


# --------------------------------------------------------------------------- csv / json


def write_seats_csv(records: Sequence[SeatRecord], path: str | os.PathLike[str]) -> None:
    """Write the seat list as csv for Excel and scripts.

    Parameters
    ----------
    records
        Seat records, usually from :func:`build_seat_records`, in the order to write.
    path
        Output file; parent directories are created.

    Notes
    -----
    UTF-8 with a byte-order mark (Excel recognises the encoding), ``\\r\\n`` line
    ends, header :data:`SEAT_COLUMNS`. ``x``/``y`` have exactly two decimals,
    ``rank`` is empty when not given, ``table`` is empty outside banquets. All
    values are written as text as they are (a phone number keeps its leading zero),
    except that a cell a spreadsheet would run as a formula (``=``, ``+``, ``-``,
    ``@``, tab, carriage return first) gets a leading ``'`` and control
    characters are dropped, as in ``seats.xlsx`` (:func:`seatplan.files.csv_bytes`).
    """
    atomic_write_bytes(path, csv_bytes(SEAT_COLUMNS, (_record_csv_row(r) for r in records)))


def write_unseated_csv(attendees_with_reasons: Sequence[tuple[Attendee, str]], path: str | os.PathLike[str]) -> None:
    """Write who could not be seated and why.

    Parameters
    ----------
    attendees_with_reasons
        ``(attendee, reason)`` pairs, written in the given order.
    path
        Output file. With no pairs only the header line is written.

    Notes
    -----
    Columns ``id,name,unit,rank,reason``; UTF-8 with BOM, ``\\r\\n`` line ends,
    cells neutralised like ``seats.csv``.
    """
    rows = ([a.id, a.name, a.unit, str(a.rank) if a.rank else "", reason] for a, reason in attendees_with_reasons)
    atomic_write_bytes(path, csv_bytes(UNSEATED_COLUMNS, rows))


def _json_default(value: object) -> Any:
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=str)
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} to json")


def write_summary_json(summary: dict[str, Any], path: str | os.PathLike[str]) -> None:
    """Write a summary dictionary as pretty json.

    Parameters
    ----------
    summary
        Json-compatible data; keys keep their insertion order. Paths, sets and
        dates are converted (to text, sorted lists and ISO text).
    path
        Output file (UTF-8, Chinese written as is, two-space indent, ends with a newline).
    """
    text = json.dumps(summary, indent=2, ensure_ascii=False, default=_json_default) + "\n"
    atomic_write_bytes(path, text.encode("utf-8"))


# --------------------------------------------------------------------------- xlsx


#: Columns of the printed seat list (seats.xlsx), in order; 电话 only when the plan asks.
LIST_COLUMNS: tuple[str, ...] = (
    "id", "name", "unit", "title", "rank", "area", "row", "seat", "table", "label", "mark",
    "gender", "ethnicity", "note",
)
#: Columns of the technical sheet (seat ids and positions, for scripts and replans).
TECH_COLUMNS: tuple[str, ...] = ("id", "name", "section", "seat_id", "x", "y")
#: English column titles, used when the attendee list had English headers.
SEAT_COLUMN_TITLES_EN: dict[str, str] = {
    "id": "ID", "name": "Name", "unit": "Unit", "rank": "Rank", "section": "Section code", "row": "Row",
    "seat": "Seat", "table": "Table", "x": "x (m)", "y": "y (m)", "title": "Title", "label": "Seat label",
    "seat_id": "Seat id", "gender": "Gender", "ethnicity": "Ethnicity", "phone": "Phone", "note": "Note",
    "area": "Area", "mark": "Staff",
}
_SHEET_WORDS = {"all": ("全部", "All"), "tech": ("技术数据", "Technical"), "inventory": ("座位总表", "Seats")}
#: Chinese titles of the inventory columns.
INVENTORY_TITLES = {
    "seat_id": "座位编号", "area": "区域", "section": "区域代码", "table": "桌", "row": "排", "seat": "号",
    "label": "座位", "mark": "标记", "tags": "标签", "status": "状态", "id": "编号", "name": "姓名", "unit": "单位",
}
_STATUS_WORDS = {"occupied": "有人", "empty": "空"}


def _fill_inventory(ws: Any, columns: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """The seat inventory sheet: plain text cells, one row per seat, header frozen and filtered."""
    from openpyxl.utils import get_column_letter

    ws.append([INVENTORY_TITLES.get(c, c) for c in columns])
    status = list(columns).index("status") if "status" in columns else -1
    for row in rows:
        cells = [clean_cell_text(str(v)) for v in row]
        if status >= 0:
            cells[status] = _STATUS_WORDS.get(cells[status], cells[status])
        ws.append(cells)
    ws.freeze_panes = "A2"
    if rows:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"
    for j, column in enumerate(columns, start=1):
        width = max([display_width(INVENTORY_TITLES.get(column, column))]
                    + [display_width(str(r[j - 1])) for r in rows[:2000]])
        ws.column_dimensions[get_column_letter(j)].width = min(max(width + 2, 4), 40)



def _cell_value(record: SeatRecord, column: str) -> tuple[object, str]:
    """Value to store and the text shown, for one cell."""
    value = getattr(record, column)
    if column in ("x", "y"):
        return float(value), f"{value:.2f}"
    if column in _NUMBER_COLUMNS:
        return (int(value) if value else None), (str(value) if value else "")
    text = clean_cell_text(str(value))
    return (text or None), text


def _fill_sheet(ws: Any, records: Sequence[SeatRecord], title: str, columns: Sequence[str],
                titles: dict[str, str]) -> None:
    """Fill one sheet; every body cell shares one style object per kind (fast for large lists)."""
    from copy import copy

    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    ncols = len(columns)
    last_col = get_column_letter(ncols)
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    header_row = 1
    if title:
        ws.cell(row=1, column=1, value=clean_cell_text(title)).data_type = "s"
        ws.cell(row=1, column=1).font = Font(bold=True, size=14)
        ws.cell(row=1, column=1).alignment = Alignment(horizontal="center", vertical="center")
        ws.merge_cells(f"A1:{last_col}1")
        ws.row_dimensions[1].height = 24
        header_row = 2

    widths = [display_width(titles[c]) for c in columns]
    header_style = None
    for j, column in enumerate(columns, start=1):
        cell = ws.cell(row=header_row, column=j, value=titles[column])
        if header_style is None:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(horizontal="center", vertical="center")
            cell.fill = PatternFill("solid", fgColor="D9D9D9")
            cell.border = border
            header_style = cell._style
        else:
            cell._style = copy(header_style)

    # One style per kind of cell, made once and copied: openpyxl hashes every style set by attribute.
    styles: dict[str, Any] = {}

    def style_of(kind: str, cell: Any) -> None:
        if kind in styles:
            cell._style = copy(styles[kind])
            return
        cell.border = border
        if kind == "float":
            cell.number_format = "0.00"
        elif kind == "text":
            cell.number_format = "@"
        styles[kind] = cell._style

    kinds = ["float" if c in ("x", "y") else "text" if c in _TEXT_COLUMNS else "plain" for c in columns]
    for i, record in enumerate(records, start=header_row + 1):
        for j, column in enumerate(columns, start=1):
            value, shown = _cell_value(record, column)
            cell = ws.cell(row=i, column=j)
            if value is not None:
                cell.value = value
                if isinstance(value, str):
                    cell.data_type = "s"  # never a formula, even if it starts with "="
            style_of(kinds[j - 1], cell)
            if len(shown) > widths[j - 1] // 2:
                widths[j - 1] = max(widths[j - 1], display_width(shown))

    total = 0.0
    for j, width in enumerate(widths, start=1):
        fitted = min(max(width + 2, 4), 60)
        ws.column_dimensions[get_column_letter(j)].width = fitted
        total += fitted

    ws.freeze_panes = ws.cell(row=header_row + 1, column=1).coordinate
    ws.print_title_rows = f"{header_row}:{header_row}"
    if records:
        ws.auto_filter.ref = f"A{header_row}:{last_col}{header_row + len(records)}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE if total > 95 else ws.ORIENTATION_PORTRAIT
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.center.text = "第 &P 页 / 共 &N 页"


def write_seats_xlsx(
    records: Sequence[SeatRecord],
    path: str | os.PathLike[str],
    *,
    title: str = "",
    phones: bool = False,
    english: bool = False,
    inventory: tuple[Sequence[str], Sequence[Sequence[str]]] | None = None,
) -> None:
    """Write the seat list as an Excel workbook laid out for printing.

    Parameters
    ----------
    records
        Seat records in the order to list them.
    path
        Output ``.xlsx`` file; parent directories are created.
    title
        Printed above the header of every sheet when given (the meeting title).
    phones
        Add the 电话 column (only when the plan asks: phone numbers are personal data).
    english
        English column and sheet titles (when the attendee list had English headers).
    inventory
        Column names and rows of the seat inventory (every seat, occupied or
        empty, with its tags), written as the sheet ``座位总表`` after the others.

    Notes
    -----
    Sheet ``全部`` holds every record, followed by one sheet per section in
    order of first appearance, named as the section is printed on the cards
    (``主席台``, ``台下``, ``二楼``), then the sheet ``技术数据`` with the seat
    ids, section codes and positions (x, y in metres). The printed sheets have
    the columns :data:`LIST_COLUMNS` (区域 as printed, 标记 译/记 for staff
    seats); each has a bold header row, frozen below the header and repeated on
    every printed page, column widths fitted to the content (CJK characters
    count double), A4 fitted to the page width (landscape when wide). Ids and
    phone numbers are text cells, so leading zeros survive. The file is
    byte-for-byte the same for the same input: metadata dates and zip entry
    times are fixed.
    """
    from openpyxl import Workbook

    wb = Workbook()
    wb.properties.created = FIXED_TIMESTAMP
    wb.properties.modified = FIXED_TIMESTAMP
    wb.properties.creator = "seatplan"
    wb.properties.lastModifiedBy = "seatplan"
    if title:
        wb.properties.title = clean_cell_text(title)

    titles = SEAT_COLUMN_TITLES_EN if english else SEAT_COLUMN_TITLES
    columns = LIST_COLUMNS + (("phone",) if phones else ())
    lang = 1 if english else 0
    taken: set[str] = set()
    ws_all = wb.active
    ws_all.title = _unique_sheet_name(_SHEET_WORDS["all"][lang], taken)
    _fill_sheet(ws_all, records, title, columns, titles)

    sections: dict[str, list[SeatRecord]] = {}
    for record in records:
        sections.setdefault(record.area or section_sheet_name(record.section), []).append(record)
    for area, members in sections.items():
        ws = wb.create_sheet(_unique_sheet_name(section_sheet_name(area), taken))
        _fill_sheet(ws, members, title, columns, titles)
    ws = wb.create_sheet(_unique_sheet_name(_SHEET_WORDS["tech"][lang], taken))
    _fill_sheet(ws, records, "", TECH_COLUMNS, {**titles, "section": "区域代码" if not english else "Section code"})
    if inventory is not None:
        _fill_inventory(wb.create_sheet(_unique_sheet_name(_SHEET_WORDS["inventory"][lang], taken)), *inventory)

    target = Path(path)
    buffer = io.BytesIO()
    wb.save(buffer)
    atomic_write_bytes(target, _normalised_zip(buffer.getvalue()))
