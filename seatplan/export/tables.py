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

from seatplan.export.records import SeatRecord, english_area, english_label
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
    "foreign_name": "外文名",
}

#: Columns of the unseated list.
UNSEATED_COLUMNS: tuple[str, ...] = ("id", "name", "unit", "rank", "reason")

#: Timestamp written into xlsx metadata so that output does not depend on the clock.
FIXED_TIMESTAMP = _dt.datetime(2000, 1, 1, 0, 0, 0)
#: Timestamp of every zip entry (the earliest a zip file can hold).
ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)

_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\\x00-\x1f]")
_TEXT_COLUMNS = frozenset({"id", "phone", "seat_id"})
_NUMBER_COLUMNS = frozenset({"rank", "row", "seat"})


# --------------------------------------------------------------------------- helpers


def _record_csv_row(record: SeatRecord, columns: Sequence[str] = SEAT_COLUMNS) -> list[str]:
    row: list[str] = []
    for column in columns:
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
    if text.isascii():
        return len(text)
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
    to 31 characters; ``History``, a name Excel keeps for itself, becomes ``History_``.
    """
    if section == "dais":
        name = "主席台"
    elif section.startswith("dais-") or section.startswith("dais_"):
        name = "主席台" + section[4:]
    else:
        name = _SECTION_NAMES.get(section, section) or "未分区"
    name = _SHEET_FORBIDDEN.sub("_", name).strip("'") or "_"
    if name.casefold() == "history":
        name += "_"
    return name[:31]


def _unique_sheet_name(name: str, taken: set[str]) -> str:
    candidate, n = name, 1
    while candidate.casefold() in taken:
        n += 1
        suffix = f"~{n}"
        candidate = name[: 31 - len(suffix)] + suffix
    taken.add(candidate.casefold())
    return candidate


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
    The column ``foreign_name`` (外文名) is added at the end only when some
    record has one. The header is the same whatever the language of the list.
    """
    columns = SEAT_COLUMNS + (("foreign_name",) if any(r.foreign_name for r in records) else ())
    atomic_write_bytes(path, csv_bytes(columns, (_record_csv_row(r, columns) for r in records)))


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


#: Columns of the printed seat list (seats.xlsx), in order; 外文名 after 姓名 when some
#: attendee has one, 电话 at the end only when the plan asks.
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
    "area": "Area", "mark": "Staff", "foreign_name": "Foreign name",
}
_SHEET_WORDS = {"all": ("全部", "All"), "tech": ("技术数据", "Technical"), "inventory": ("座位总表", "Seats")}
#: Chinese titles of the inventory columns.
INVENTORY_TITLES = {
    "seat_id": "座位编号", "area": "区域", "section": "区域代码", "table": "桌", "row": "排", "seat": "号",
    "label": "座位", "mark": "标记", "tags": "标签", "status": "状态", "id": "编号", "name": "姓名", "unit": "单位",
}
#: English titles of the inventory columns.
INVENTORY_TITLES_EN = {**SEAT_COLUMN_TITLES_EN, "tags": "Tags", "status": "Status"}
_STATUS_WORDS = {"occupied": ("有人", "occupied"), "empty": ("空", "empty")}
#: Chinese words of the seat tags in the 座位总表 sheet (other tags are shown as they are).
TAG_WORDS_ZH = {
    "aisle": "靠过道", "exit": "近出口", "wheelchair": "轮椅位", "interpreter": "同传", "stool": "译员凳",
    "reserved": "预留", "host-seat": "主人位", "hostess-seat": "女主人位", "main-table": "主桌", "principal": "主位",
    "staff": "工作人员", "standing": "站位", "armchair": "沙发", "dais-spare": "备用座", "dais-empty-centre": "空中位",
}
_MARK_WORDS_EN = {"译": "interpreter", "记": "note-taker"}
_FOOTERS = ("第 &amp;P 页 / 共 &amp;N 页", "Page &amp;P of &amp;N")

#: The most characters an Excel cell holds; a longer text is cut there with "…" (seats.csv keeps it whole).
CELL_LIMIT = 32767

# Cell styles (indexes into cellXfs of _STYLES_XML).
_TITLE, _HEADER, _TEXT, _PLAIN, _FLOAT = 1, 2, 3, 4, 5
_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_STYLES_XML = (
    f'{_DECL}<styleSheet xmlns="{_MAIN_NS}">'
    '<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FFD9D9D9"/><bgColor indexed="64"/></patternFill></fill></fills>'
    '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>'
    '<border><left style="thin"><color rgb="FF808080"/></left><right style="thin"><color rgb="FF808080"/></right>'
    '<top style="thin"><color rgb="FF808080"/></top><bottom style="thin"><color rgb="FF808080"/></bottom>'
    "<diagonal/></border></borders>"
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">'
    '<alignment horizontal="center" vertical="center"/></xf>'
    '<xf numFmtId="0" fontId="2" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1"'
    ' applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>'
    '<xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"/>'
    '<xf numFmtId="2" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    '<dxfs count="0"/><tableStyles count="0"/></styleSheet>'
)
# Characters XML 1.0 cannot hold (controls are already dropped by clean_cell_text).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _escape(text: str) -> str:
    """``text`` as XML character data (also safe inside a double-quoted attribute)."""
    text = _NOT_XML.sub("", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    return text.replace("\r", "&#13;")  # a bare CR would be read back as LF


def _column_letter(number: int) -> str:
    """Spreadsheet column name of a 1-based column number (1 → A, 27 → AA)."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class _Cells:
    """Builds the XML of cells (everything after ``<c r="A1"``), remembering repeated ones and text widths."""

    def __init__(self) -> None:
        self._tails: dict[tuple[int, str], str] = {}
        self._widths: dict[str, int] = {}

    def text(self, style: int, text: str) -> tuple[str, int]:
        """A text cell (never a formula) and its display width; an empty text leaves the cell blank."""
        key = (style, text)
        tail = self._tails.get(key)
        if tail is None:
            shown = clean_cell_text(text)
            if len(shown) > CELL_LIMIT:  # Excel repairs (and empties) a file with a longer cell
                shown = shown[: CELL_LIMIT - 1] + "…"
            if not shown:
                tail = f' s="{style}"/>'
            else:
                space = ' xml:space="preserve"' if shown != shown.strip() else ""
                tail = f' s="{style}" t="inlineStr"><is><t{space}>{_escape(shown)}</t></is></c>'
            self._tails[key] = tail
        width = self._widths.get(text)
        if width is None:
            width = self._widths[text] = display_width(clean_cell_text(text))
        return tail, width

    def number(self, style: int, value: float, shown: str) -> tuple[str, int]:
        """A number cell showing ``shown``."""
        return f' s="{style}"><v>{value!r}</v></c>', len(shown)


def _record_cells(record: SeatRecord, columns: Sequence[str], cells: _Cells, english: bool) -> dict[str, tuple[str, int]]:
    """Cell XML and display width of each column of one record."""
    out: dict[str, tuple[str, int]] = {}
    for column in columns:
        value = getattr(record, column)
        if column in ("x", "y"):
            out[column] = cells.number(_FLOAT, float(value), f"{value:.2f}")
        elif column in _NUMBER_COLUMNS:
            out[column] = cells.number(_PLAIN, int(value), str(value)) if value else cells.text(_PLAIN, "")
        else:
            text = str(value)
            if english and column == "area":
                text = english_area(record.section, text)
            elif english and column == "label":
                text = english_label(record.section, record.area, record.table, record.row, record.seat, text)
            elif english and column == "mark":
                text = _MARK_WORDS_EN.get(text, text)
            out[column] = cells.text(_TEXT if column in _TEXT_COLUMNS else _PLAIN, text)
    return out


class _Sheet:
    """One worksheet: a title row (optional), a header row and the body, laid out for A4."""

    def __init__(self, name: str, header: Sequence[str], rows: Sequence[Sequence[tuple[str, int]]], cells: _Cells,
                 *, title: str = "", english: bool = False) -> None:
        self.name = name
        self.columns = len(header)
        self.title = clean_cell_text(title)
        self.header_row = 2 if self.title else 1
        self.rows = len(rows)
        self.last = _column_letter(self.columns)
        self.english = english
        heads = [cells.text(_HEADER, h) for h in header]
        widths = [w for _, w in heads]
        for row in rows:
            for j, (_, w) in enumerate(row):
                if w > widths[j]:
                    widths[j] = w
        self.widths = [min(max(w + 2, 4), 60) for w in widths]
        self._heads = [t for t, _ in heads]
        self._body = rows

    def defined_names(self, index: int) -> str:
        """Print titles (the header on every page) and the filter range, as workbook defined names."""
        quoted = "'" + _escape(self.name).replace("'", "''") + "'"
        names = ""
        if self.rows:
            names += (f'<definedName name="_xlnm._FilterDatabase" localSheetId="{index}" hidden="1">'
                      f"{quoted}!$A${self.header_row}:${self.last}${self.header_row + self.rows}</definedName>")
        return names + (f'<definedName name="_xlnm.Print_Titles" localSheetId="{index}">'
                        f"{quoted}!${self.header_row}:${self.header_row}</definedName>")

    def xml(self, selected: bool) -> bytes:
        """The worksheet part."""
        h = self.header_row
        letters = [_column_letter(j) for j in range(1, self.columns + 1)]
        last_row = h + self.rows
        out = [
            f'{_DECL}<worksheet xmlns="{_MAIN_NS}" xmlns:r="{_REL_NS}">',
            f'<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:{self.last}{last_row}"/>',
            '<sheetViews><sheetView workbookViewId="0"' + (' tabSelected="1"' if selected else "") + ">",
            f'<pane ySplit="{h}" topLeftCell="A{h + 1}" activePane="bottomLeft" state="frozen"/>',
            f'<selection pane="bottomLeft" activeCell="A{h + 1}" sqref="A{h + 1}"/></sheetView></sheetViews>',
            '<sheetFormatPr defaultRowHeight="15"/><cols>',
            *(f'<col min="{j}" max="{j}" width="{w}" customWidth="1"/>' for j, w in enumerate(self.widths, start=1)),
            "</cols><sheetData>",
        ]
        if self.title:
            out.append(f'<row r="1" ht="24" customHeight="1"><c r="A1" s="{_TITLE}" t="inlineStr"><is><t>'
                       f"{_escape(self.title)}</t></is></c></row>")
        out.append(f'<row r="{h}">' + "".join(f'<c r="{c}{h}"{t}' for c, t in zip(letters, self._heads)) + "</row>")
        for i, row in enumerate(self._body, start=h + 1):
            out.append(f'<row r="{i}">' + "".join([f'<c r="{c}{i}"{t}' for c, (t, _) in zip(letters, row)]) + "</row>")
        out.append("</sheetData>")
        if self.rows:
            out.append(f'<autoFilter ref="A{h}:{self.last}{last_row}"/>')
        if self.title and self.columns > 1:
            out.append(f'<mergeCells count="1"><mergeCell ref="A1:{self.last}1"/></mergeCells>')
        orientation = "landscape" if sum(self.widths) > 95 else "portrait"
        out.append(
            '<printOptions horizontalCentered="1"/>'
            '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.5" footer="0.5"/>'
            f'<pageSetup paperSize="9" orientation="{orientation}" fitToWidth="1" fitToHeight="0"/>'
            f"<headerFooter><oddFooter>&amp;C{_FOOTERS[self.english]}</oddFooter></headerFooter></worksheet>"
        )
        return "".join(out).encode("utf-8")


def _workbook_parts(sheets: Sequence[_Sheet], title: str) -> list[tuple[str, bytes]]:
    """Every part of the package, in the order they are stored."""
    n = len(sheets)
    sheet_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
    types = (
        f'{_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        + "".join(f'<Override PartName="/xl/worksheets/sheet{k}.xml" ContentType="{sheet_type}"/>'
                  for k in range(1, n + 1))
        + '<Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '<Override PartName="/docProps/core.xml" '
        'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        '<Override PartName="/docProps/app.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>'
    )
    rels = (
        f'{_DECL}<Relationships xmlns="{_PKG_REL_NS}">'
        f'<Relationship Id="rId1" Type="{_REL_NS}/officeDocument" Target="xl/workbook.xml"/>'
        f'<Relationship Id="rId2" Type="{_PKG_REL_NS}/metadata/core-properties" Target="docProps/core.xml"/>'
        f'<Relationship Id="rId3" Type="{_REL_NS}/extended-properties" Target="docProps/app.xml"/></Relationships>'
    )
    stamp = FIXED_TIMESTAMP.strftime("%Y-%m-%dT%H:%M:%SZ")
    core = (
        f'{_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        + (f"<dc:title>{_escape(clean_cell_text(title))}</dc:title>" if title else "")
        + "<dc:creator>seatplan</dc:creator><cp:lastModifiedBy>seatplan</cp:lastModifiedBy>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified></cp:coreProperties>'
    )
    app = (
        f'{_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        "<Application>seatplan</Application></Properties>"
    )
    workbook = (
        f'{_DECL}<workbook xmlns="{_MAIN_NS}" xmlns:r="{_REL_NS}"><workbookPr/>'
        '<bookViews><workbookView activeTab="0"/></bookViews><sheets>'
        + "".join(f'<sheet name="{_escape(s.name)}" sheetId="{k}" r:id="rId{k}"/>' for k, s in enumerate(sheets, 1))
        + "</sheets><definedNames>"
        + "".join(s.defined_names(k) for k, s in enumerate(sheets))
        + '</definedNames><calcPr calcId="191029"/></workbook>'
    )
    workbook_rels = (
        f'{_DECL}<Relationships xmlns="{_PKG_REL_NS}">'
        + "".join(f'<Relationship Id="rId{k}" Type="{_REL_NS}/worksheet" Target="worksheets/sheet{k}.xml"/>'
                  for k in range(1, n + 1))
        + f'<Relationship Id="rId{n + 1}" Type="{_REL_NS}/styles" Target="styles.xml"/></Relationships>'
    )
    parts = [("[Content_Types].xml", types), ("_rels/.rels", rels), ("docProps/app.xml", app),
             ("docProps/core.xml", core), ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", workbook_rels),
             ("xl/styles.xml", _STYLES_XML)]
    encoded = [(name, text.encode("utf-8")) for name, text in parts]
    return encoded + [(f"xl/worksheets/sheet{k}.xml", s.xml(k == 1)) for k, s in enumerate(sheets, 1)]


def _zip_bytes(parts: Sequence[tuple[str, bytes]]) -> bytes:
    """A zip of ``parts`` with fixed entry times and attributes (the same bytes for the same parts)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts:
            entry = zipfile.ZipInfo(name, date_time=ZIP_TIMESTAMP)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            entry.create_system = 0
            archive.writestr(entry, data)
    return out.getvalue()


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
        Printed above the header of every printed sheet when given (the meeting title).
    phones
        Add the 电话 column (only when the plan asks: phone numbers are personal data).
    english
        English sheet names, column titles, section names, staff marks and
        inventory status (when the attendee list had English headers).
    inventory
        Column names and rows of the seat inventory (every seat, occupied or
        empty, with its tags), written as the sheet ``座位总表`` after the others;
        its tags in Chinese words (:data:`TAG_WORDS_ZH`) unless ``english``.

    Notes
    -----
    Sheet ``全部`` holds every record, followed by one sheet per section in
    order of first appearance, named as the section is printed on the cards
    (``主席台``, ``台下``, ``二楼``), then the sheet ``技术数据`` with the seat
    ids, section codes and positions (x, y in metres). The printed sheets have
    the columns :data:`LIST_COLUMNS` (区域 as printed, 标记 译/记 for staff
    seats; 外文名 after 姓名 when some record has a foreign name); each sheet has
    a bold header row, frozen below the header and repeated on every printed
    page, an auto-filter, column widths fitted to the content (CJK characters
    count double), A4 fitted to the page width (landscape when wide), page
    numbers in the footer. Ids and phone numbers are text cells, so leading
    zeros survive; every text is a text cell, never a formula. A text longer
    than an Excel cell holds (:data:`CELL_LIMIT`) is cut with "…" (seats.csv
    keeps it whole).

    The sheet XML is written directly (one shared style per kind of cell), so a
    10,000-seat list takes about a second. The file is byte-for-byte the same
    for the same input: metadata dates and zip entry times are fixed.
    """
    lang = 1 if english else 0
    titles = SEAT_COLUMN_TITLES_EN if english else SEAT_COLUMN_TITLES
    columns = list(LIST_COLUMNS) + (["phone"] if phones else [])
    if any(r.foreign_name for r in records):
        columns.insert(columns.index("name") + 1, "foreign_name")
    cells = _Cells()
    per_record = [_record_cells(r, [*columns, "section", "seat_id", "x", "y"], cells, english) for r in records]
    header = [titles[c] for c in columns]
    taken: set[str] = set()

    def sheet(word: str, rows: Sequence[dict[str, tuple[str, int]]], cols: Sequence[str], head: Sequence[str],
              sheet_title: str) -> _Sheet:
        return _Sheet(_unique_sheet_name(word, taken), head, [[r[c] for c in cols] for r in rows], cells,
                      title=sheet_title, english=english)

    sheets = [sheet(_SHEET_WORDS["all"][lang], per_record, columns, header, title)]
    sections: dict[str, list[dict[str, tuple[str, int]]]] = {}
    for record, row in zip(records, per_record):
        area = (english_area(record.section, record.area) if english else record.area) or section_sheet_name(record.section)
        sections.setdefault(area, []).append(row)
    for area, rows in sections.items():
        sheets.append(sheet(section_sheet_name(area), rows, columns, header, title))
    sheets.append(sheet(_SHEET_WORDS["tech"][lang], per_record, TECH_COLUMNS, [titles[c] for c in TECH_COLUMNS], ""))
    if inventory is not None:
        sheets.append(_inventory_sheet(_unique_sheet_name(_SHEET_WORDS["inventory"][lang], taken), *inventory,
                                       cells=cells, english=english))
    atomic_write_bytes(Path(path), _zip_bytes(_workbook_parts(sheets, title)))


def _inventory_sheet(name: str, columns: Sequence[str], rows: Sequence[Sequence[str]], *, cells: _Cells,
                     english: bool) -> _Sheet:
    """The seat inventory: one row per seat (row and seat numbers as numbers), header frozen and filtered."""
    titles = INVENTORY_TITLES_EN if english else INVENTORY_TITLES
    lang = 1 if english else 0
    body = []
    for row in rows:
        line = []
        fields = dict(zip(columns, (str(v) for v in row)))
        for column, value in zip(columns, row):
            text = str(value)
            if column in ("row", "seat") and text.isdigit():
                line.append(cells.number(_PLAIN, int(text), text))
                continue
            if column == "status":
                text = _STATUS_WORDS.get(text, (text, text))[lang]
            elif column == "tags" and not english:
                text = "、".join(TAG_WORDS_ZH.get(tag, tag) for tag in text.split())
            elif english and column == "area" and "section" in fields:
                text = english_area(fields["section"], text)
            elif english and column == "label" and {"section", "area", "table", "row", "seat"} <= fields.keys():
                row_number, seat_number = (int(fields[k]) if fields[k].isdigit() else 0 for k in ("row", "seat"))
                text = english_label(fields["section"], fields["area"], fields["table"], row_number, seat_number, text)
            elif english and column == "mark":
                text = _MARK_WORDS_EN.get(text, text)
            line.append(cells.text(_TEXT if column in _TEXT_COLUMNS else _PLAIN, text))
        body.append(line)
    return _Sheet(name, [titles.get(c, c) for c in columns], body, cells, english=english)
