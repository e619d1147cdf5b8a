"""Read and write attendee lists (参会人员名单) as ``.xlsx`` or ``.csv``.

The reader accepts the tables meeting-service offices actually have: Chinese or
English headers, a title row above the header, CSV saved by Excel or WPS in
GB18030/GBK, UTF-8 with or without BOM, comma- or tab-separated, phone numbers
that Excel stored as numbers. Every problem raises
:class:`~seatplan.errors.AttendeeFileError` naming the file, the spreadsheet row
(the header is row 1 when the table starts at the top), the column header as
written in the file and the offending value, with a hint on how to fix it.

pandas is deliberately not used: it guesses types and turns ``13800138000`` into
``1.38e10`` and ``010...`` into ``10...``. Cells are read as text (CSV) or as
their stored value (xlsx) and converted here, field by field.

Choices beyond the plain rules, and why
---------------------------------------
- The header row is the first non-empty row that contains a name column among
  the first :data:`HEADER_SCAN_ROWS` non-empty rows, so a title row such as
  ``2024年工作会议参会人员名单`` above the header is skipped. Row numbers in
  errors stay the real spreadsheet row numbers, so they match what Excel shows.
- Headers are matched after NFKC normalisation (full-width letters and spaces
  become ASCII), case folding and removal of spaces, ``_`` and ``-``: ``姓　名``,
  ``Unit Order`` and ``ＩＤ`` are recognised.
- A CSV that starts with a UTF-16 byte order mark (Excel's "Unicode text") is
  decoded as UTF-16. The mark cannot start valid UTF-8 or GB18030 text, so
  checking for it first never changes how those files are read.
- An xlsx number cell whose number format is all zeros (``00000000000``, the way
  Excel shows fixed-width numbers) is padded with leading zeros, so a landline
  stored as a number keeps its ``0``.
- The list's language is that of its recognised headers (:func:`header_language`):
  English when more of them are in Latin letters than in Chinese (``ID`` counts
  for neither). seats.xlsx is written in it (docs/outputs.md).
- When a list has both 序号 (a running counter) and 排序 (or another rank
  header), 排序 is the rank and 序号 is only the list counter; likewise
  单位排序 wins over 单位序号.

Nothing dropped, merged or garbled silently
-------------------------------------------
- CSV: a cell may span lines only when it is a quoted cell of a column other
  than name, id, unit and rank, and its later lines hold no separator: anything
  else is what an unbalanced quote does (it swallows the following rows into one cell),
  so the list is refused, naming the row where the quote opens and the rows it
  swallowed. Every line of the file is accounted for: the lines read as rows
  plus the lines inside quoted cells equal the lines the file holds.
- CSV bytes that are not UTF-8 are decoded as GB18030/GBK or as Big5, whichever
  reads as ordinary Chinese text (characters of GB 2312 for simplified text, of
  Big5's common level for traditional text); when neither clearly does, the list
  is refused naming the first row the two readings differ in, showing both.
- xlsx: a formula without a saved value (a file written by a program and never
  opened in Excel) and a cell showing an error (``#N/A``, ``#REF!``) are refused,
  naming the cell. Cells merged over data rows (a unit written once for its
  people) give their value to every row they cover, as the sheet shows it; a
  header merged over two rows is refused.
- Rows hidden in Excel (often the cancelled people, or rows a filter hides) are
  refused by default, naming them: the office must delete or unhide them, so
  nobody is seated, or left out, without a word. ``read_attendees(...,
  hidden_rows=HiddenRows.SKIP)`` leaves them out with a warning naming them;
  ``HiddenRows.READ`` reads them like any other row, with a warning.
- A name that is a number, a date or a truth value (a shifted column) is refused.
- When the first sheet is empty and another one holds a list, the error names it.
"""

from __future__ import annotations

import codecs
import csv
import datetime as _dt
import io
import math
import os
import re
import unicodedata
import warnings
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

from seatplan.errors import AttendeeFileError, Location, SeatplanError
from seatplan.files import atomic_write_bytes, clean_cell_text, csv_bytes, restore_csv_cell
from seatplan.model.attendees import Attendee, ListLanguage, resolve_partners
from seatplan.model.seats import SeatTag

__all__ = [
    "HEADER_ALIASES",
    "NEED_WORDS",
    "AttendeeList",
    "HiddenRows",
    "header_key",
    "header_language",
    "read_attendee_list",
    "read_attendees",
    "read_table_rows",
    "resolve_partners",
    "write_attendees_csv",
]

#: Accepted header names for each :class:`~seatplan.model.Attendee` field.
#: Matching ignores case, spaces (ASCII and full-width), ``_`` and ``-``.
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("编号", "ID", "代码"),
    "name": ("姓名", "名字", "name"),
    "unit": ("单位", "工作单位", "代表团", "unit", "delegation", "organisation", "organization"),
    "title": ("职务", "职称", "title", "position"),
    "rank": ("排序", "序号", "顺序", "rank", "order"),
    "section": ("座区", "区域", "席位", "section", "zone"),
    "unit_order": ("单位排序", "单位序号", "unit_order"),
    "side": ("主客", "主客方", "方", "side", "party"),
    "category": ("身份", "类别", "代表类别", "category", "status"),
    "gender": ("性别", "gender", "sex"),
    "ethnicity": ("民族", "ethnicity"),
    "phone": ("电话", "手机", "联系电话", "phone", "mobile"),
    "note": ("备注", "note", "notes", "remark"),
    "foreign_name": ("外文名", "英文名", "英文姓名", "foreign_name", "name_en", "english_name"),
    "tags": ("标签", "tags"),
    "needs": ("需求", "无障碍", "特殊需求", "needs", "need"),
    "pin": ("指定座位", "座位", "座号", "seat", "pin"),
    "apart_from": ("不相邻", "避开", "apart", "apart-with", "apart_from"),
    "together_with": ("同座", "陪同", "together", "together-with", "together_with"),
    "partner": ("配偶", "伴侣", "partner", "spouse"),
}

#: Words of the 需求/needs column and the seat tag each stands for (docs/rules.md).
NEED_WORDS: dict[str, str] = {
    "轮椅": SeatTag.WHEELCHAIR,
    "轮椅席": SeatTag.WHEELCHAIR,
    "轮椅位": SeatTag.WHEELCHAIR,
    "无障碍": SeatTag.WHEELCHAIR,
    "过道": SeatTag.AISLE,
    "靠过道": SeatTag.AISLE,
    "走道": SeatTag.AISLE,
    "出口": SeatTag.EXIT,
    "近出口": SeatTag.EXIT,
    "靠近出口": SeatTag.EXIT,
    "同传": SeatTag.INTERPRETER,
    "同声传译": SeatTag.INTERPRETER,
    "翻译": SeatTag.INTERPRETER,
}

#: Headers written by :func:`write_attendees_csv`, in column order.
CSV_HEADERS: dict[str, str] = {
    "id": "编号",
    "name": "姓名",
    "unit": "单位",
    "title": "职务",
    "rank": "排序",
    "section": "座区",
    "unit_order": "单位排序",
    "side": "主客",
    "category": "身份",
    "gender": "性别",
    "ethnicity": "民族",
    "phone": "电话",
    "note": "备注",
    "tags": "标签",
    "needs": "需求",
    "pin": "指定座位",
    "apart_from": "不相邻",
    "together_with": "同座",
    "partner": "配偶",
}

class HiddenRows(StrEnum):
    """What the reader does with rows hidden in Excel."""

    #: Refuse the list, naming the hidden rows (the default).
    REFUSE = "refuse"
    #: Leave them out, with a warning naming them.
    SKIP = "skip"
    #: Read them like any other row, with a warning naming them.
    READ = "read"


#: Headers that are only a running counter when another header of the same field is present.
COUNTER_HEADERS = frozenset({"序号", "单位序号"})

#: How many non-empty rows are searched for the header row (title rows above it are skipped).
HEADER_SCAN_ROWS = 10

#: CSV encodings tried, in order, with the name used in messages.
CSV_ENCODINGS: tuple[tuple[str, str], ...] = (
    ("utf-8-sig", "UTF-8 with BOM"),
    ("utf-8", "UTF-8"),
    ("gb18030", "GB18030/GBK"),
    ("big5", "Big5"),
)

_DAIS_WORDS = frozenset({"主席台", "台上", "dais"})
_FLOOR_WORDS = frozenset({"", "台下", "会场", "floor"})
_TAG_SPLIT = re.compile(r"[,，;；、\s]+")
_LIST_SPLIT = re.compile(r"[,，;；、/]+")
_INTEGER = re.compile(r"[+-]?\d+(?:\.0*)?")
_ZERO_FORMAT = re.compile(r"0+")
_NOT_A_NAME = re.compile(r"[\d\s.,:/+\-年月日时分秒]+")
# str.strip() already removes ASCII and Unicode spaces (U+3000, U+00A0); add the
# invisible characters that Excel/WPS and web copy-paste leave behind.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
_SUPPORTED = (".xlsx", ".xlsm", ".csv")


def _header_key(text: str) -> str:
    """Return the matching key of a header: NFKC, case-folded, without spaces, ``_``, ``-``."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\s_\-]+", "", text.strip(_INVISIBLE))


_COUNTER_KEYS = frozenset(_header_key(h) for h in COUNTER_HEADERS)

_ALIAS_TO_FIELD: dict[str, str] = {
    _header_key(alias): field_name for field_name, aliases in HEADER_ALIASES.items() for alias in aliases
}


@dataclass(frozen=True)
class _Row:
    """One non-empty row of the table: its spreadsheet row number and cell texts.

    ``lines`` is how many lines of a CSV file the row spans (more than one when a
    quoted cell holds a line break); ``kinds`` says per cell what an xlsx cell
    held (``"s"`` text, ``"n"`` number, ``"d"`` date, ``"b"`` truth value,
    ``"e"`` an error); ``merged_from`` is the first row of a vertical merge the
    row lies in; ``first_line`` is the CSV line the row starts on.
    """

    number: int
    cells: tuple[str, ...]
    lines: int = 1
    kinds: tuple[str, ...] = ()
    merged_from: int | None = None
    first_line: int = 0


def _clean(text: str) -> str:
    """Strip whitespace (including U+3000) and invisible characters around ``text``; drop control characters.

    Control characters (NUL, BEL, ...; not tab or line breaks) can be neither printed nor stored
    in a spreadsheet cell, so they are dropped as the cell is read: every output shows the same text.
    """
    text = clean_cell_text(text)
    previous = None
    while previous != text:
        previous = text
        text = text.strip().strip(_INVISIBLE)
    return text


def _cell_text(value: object, number_format: str | None = None) -> str:
    """Return an xlsx cell value as text.

    Integer-valued floats lose their ``.0`` (``13800138000.0`` → ``"13800138000"``);
    numbers shown with an all-zero format are padded to its width.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        text = str(value)
        if number_format and _ZERO_FORMAT.fullmatch(number_format) and value >= 0:
            text = text.zfill(len(number_format))
        return text
    if isinstance(value, _dt.datetime):
        if value.time() == _dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, (_dt.date, _dt.time)):
        return value.isoformat()
    return _clean(str(value))


def _fail(
    message: str, file: str, *, hint: str, row: int | None = None, field: str = "", value: object = None
) -> AttendeeFileError:
    """Build an :class:`AttendeeFileError` (returned, so callers write ``raise _fail(...)``)."""
    return AttendeeFileError(message, location=Location(file=file, row=row, field=field, value=value), hint=hint)


# --------------------------------------------------------------------------- reading files


def _decode_csv(data: bytes, file: str) -> str:
    """Decode CSV bytes: UTF-16 (by BOM), else UTF-8 with BOM, UTF-8, then GB18030 or Big5, strictly."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise _undecodable(data, exc, file, "UTF-16") from None
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise _undecodable(data, exc, file, "UTF-8 with BOM") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    readings: dict[str, str] = {}
    errors: dict[str, UnicodeDecodeError] = {}
    for encoding in ("gb18030", "big5"):
        try:
            readings[encoding] = data.decode(encoding)
        except UnicodeDecodeError as exc:
            errors[encoding] = exc
    if not readings:
        last = max((utf8_error, *errors.values()), key=lambda e: e.start)
        raise _undecodable(data, last, file, ", ".join(label for _enc, label in CSV_ENCODINGS))
    if len(readings) == 1:
        (only,) = readings.values()
        return only
    gb, big5 = readings["gb18030"], readings["big5"]
    if gb == big5:
        return gb
    gb_score, big5_score = _ordinary_share(gb, "gb2312"), _ordinary_share(big5, "big5")
    if gb_score >= 0.9 and gb_score > big5_score:
        return gb
    if big5_score >= 0.9 and big5_score > gb_score:
        return big5
    line, gb_line, big5_line = next(
        (n, x, y) for n, (x, y) in enumerate(zip(gb.splitlines(), big5.splitlines(), strict=False), start=1) if x != y
    )
    raise _fail(
        f"the encoding cannot be told: the line reads {gb_line!r} as GB18030/GBK and {big5_line!r} as Big5",
        file,
        row=line,
        hint="in Excel or WPS use 'Save as' → 'CSV UTF-8' (or save the list as .xlsx), so every name is read as written",
    )


def _ordinary_share(text: str, encoding: str) -> float:
    """Share of the non-ASCII characters of ``text`` that are ordinary in ``encoding``'s world.

    For ``"gb2312"``: characters GB 2312 holds (simplified Chinese in daily use).
    For ``"big5"``: Big5 symbols and level-1 (frequent) characters, lead bytes
    0xA1–0xC6. Text decoded with the wrong one of GB18030 and Big5 is full of
    rare characters, kana and symbols, so its share is low.
    """
    wide = [ch for ch in text if ord(ch) > 0x7F and ch not in "\ufeff\u3000"]
    if not wide:
        return 1.0
    ordinary = 0
    for ch in wide:
        try:
            encoded = ch.encode(encoding)
        except UnicodeEncodeError:
            continue
        if encoding == "gb2312" or (len(encoded) == 2 and 0xA1 <= encoded[0] <= 0xC6):
            ordinary += 1
    return ordinary / len(wide)


def _undecodable(data: bytes, exc: UnicodeDecodeError, file: str, tried: str) -> AttendeeFileError:
    """Error for bytes that no tried encoding accepts; the row is the line of the bad byte."""
    line = data.count(b"\n", 0, exc.start) + 1
    bad = data[exc.start : min(exc.end, exc.start + 4)]
    return _fail(
        f"the file is not text in any supported encoding (tried {tried}) at byte {exc.start}",
        file,
        row=line,
        value=bad,
        hint="in Excel or WPS use 'Save as' → 'CSV UTF-8', or save the list as .xlsx",
    )


#: Fields whose cell never holds a line break; one there means rows were merged.
_ONE_LINE_FIELDS = frozenset({"name", "id", "unit", "rank"})


def _read_csv_rows(path: Path, file: str) -> list[_Row]:
    """Return the non-empty rows of a CSV file, numbered as a spreadsheet shows them.

    Every line is accounted for: a row that spans lines (a quoted cell with a line
    break) is kept only if the break cannot be an unbalanced quote swallowing rows
    (see the module notes; checked again against the header in :func:`_check_spans`).
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _fail(f"the file cannot be read ({exc.strerror})", file, hint="close the file in Excel or WPS, or check its permissions") from None
    text = _decode_csv(data, file)
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise _fail(
            "the file holds NUL characters (it is not a text table)",
            file,
            row=line,
            hint="save the list from Excel or WPS as CSV UTF-8 or as .xlsx",
        )
    header_line = next((line for line in text.splitlines() if line.strip()), "")
    try:
        delimiter = csv.Sniffer().sniff(header_line, delimiters=",\t").delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[_Row] = []
    number = 0
    try:
        while True:
            start = reader.line_num + 1
            try:
                record = next(reader)
            except StopIteration:
                break
            number += 1
            lines = reader.line_num - start + 1
            cells = tuple(restore_csv_cell(_clean(cell)) for cell in record)
            if lines > 1 and not any("\n" in cell or "\r" in cell for cell in record):
                lines = 1  # a lone CR line end counted as a line break by the reader
            if any(cells) or lines > 1:
                rows.append(_Row(number, cells, lines=lines, first_line=start))
    except csv.Error as exc:
        raise _fail(
            f"the CSV cannot be parsed ({exc})",
            file,
            row=reader.line_num + 1,
            hint="open the file in Excel or WPS and save it again as CSV, or as .xlsx",
        ) from None
    _check_quotes(rows, delimiter, file)
    return rows


def _check_quotes(rows: Sequence[_Row], delimiter: str, file: str) -> None:
    """Refuse a row whose quoted cell swallowed other rows (a stray or unbalanced quote)."""
    for row in rows:
        if row.lines == 1:
            continue
        for cell in row.cells:
            if any(delimiter in line for line in cell.splitlines()[1:]):
                last = row.first_line + row.lines - 1
                raise _fail(
                    f'a quote (") opened on line {row.first_line} of the file is closed only on line {last}, or never: '
                    f"lines {row.first_line}–{last} were read as one cell",
                    file,
                    row=row.number,
                    value=_preview(cell),
                    hint='remove the stray " (or close it in the same cell), or save the list again from Excel or WPS',
                )


def _preview(text: str, size: int = 40) -> str:
    """The start of a long cell, line breaks shown as ⏎."""
    flat = text.replace("\r\n", "⏎").replace("\n", "⏎").replace("\r", "⏎")
    return flat if len(flat) <= size else flat[:size] + "…"


_EXCEL_ERRORS = frozenset({"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!", "#GETTING_DATA", "#SPILL!", "#CALC!"})
_SHEET_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


@dataclass(frozen=True)
class _SheetFacts:
    """What the values alone do not show: hidden rows, merged ranges, formulas without a saved value."""

    hidden: frozenset[int]
    merged: tuple[tuple[int, int, int, int], ...]  # min_row, min_col, max_row, max_col (1-based)
    unsaved_formulas: tuple[str, ...]  # cell references, sheet order


def _scan_sheet(archive: zipfile.ZipFile, member: str) -> _SheetFacts:
    """Read the facts of one worksheet part straight from its XML."""
    import xml.etree.ElementTree as ET

    from openpyxl.utils.cell import range_boundaries

    hidden: set[int] = set()
    merged: list[tuple[int, int, int, int]] = []
    unsaved: list[str] = []
    with archive.open(member) as stream:
        for _event, element in ET.iterparse(stream, events=("end",)):
            tag = element.tag.removeprefix(_SHEET_NS)
            if tag == "row":
                if element.get("hidden") in ("1", "true") and (element.get("r") or "").isdigit():
                    hidden.add(int(element.get("r") or 0))
                element.clear()
            elif tag == "c":
                formula = element.find(f"{_SHEET_NS}f")
                value = element.find(f"{_SHEET_NS}v")
                inline = element.find(f"{_SHEET_NS}is")
                if formula is not None and inline is None and (value is None or not (value.text or "")):
                    unsaved.append(element.get("r") or "?")
            elif tag == "mergeCell":
                ref = element.get("ref") or ""
                try:
                    min_col, min_row, max_col, max_row = range_boundaries(ref)
                except (TypeError, ValueError):
                    continue
                if None not in (min_col, min_row, max_col, max_row):
                    merged.append((int(min_row or 0), int(min_col or 0), int(max_row or 0), int(max_col or 0)))
    return _SheetFacts(frozenset(hidden), tuple(merged), tuple(unsaved))


def _read_xlsx_rows(path: Path, file: str, sheet: str | None, hidden_rows: HiddenRows = HiddenRows.REFUSE) -> list[_Row]:
    """Return the non-empty rows of one worksheet, with their sheet row numbers (see the module notes)."""
    import openpyxl  # imported here: reading CSV must not need it
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with warnings.catch_warnings():
            # "Workbook contains no default style" and similar noise from WPS/other writers.
            warnings.simplefilter("ignore", UserWarning)
            workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, EOFError, SyntaxError, zlib.error) as exc:
        reason = str(exc) or type(exc).__name__
        raise _fail(
            f"the workbook cannot be opened ({reason})",
            file,
            hint="check that the file is a real .xlsx (not .xls or .et renamed) by opening it in Excel or WPS "
            "and saving it again as .xlsx",
        ) from None
    try:
        names = [ws.title for ws in workbook.worksheets]
        if sheet is None:
            if not names:
                raise _fail("the workbook has no worksheet", file, hint="put the attendee list on the first sheet")
            worksheet = workbook.worksheets[0]
        else:
            matches = [ws for ws in workbook.worksheets if ws.title == sheet]
            if not matches:
                matches = [ws for ws in workbook.worksheets if _header_key(ws.title) == _header_key(sheet)]
            if len(matches) != 1:
                raise _fail(
                    f"the workbook has no sheet named {sheet!r}",
                    file,
                    field="sheet",
                    value=sheet,
                    hint=f"use one of the sheets {', '.join(repr(n) for n in names)}",
                )
            worksheet = matches[0]
        rows = _sheet_rows(worksheet)
        if not rows and sheet is None:
            others = [ws.title for ws in workbook.worksheets[1:] if _sheet_rows(ws)]
            if others:
                raise _fail(
                    f"the first sheet {worksheet.title!r} is empty; the sheet {others[0]!r} has data",
                    file,
                    field="sheet",
                    value=worksheet.title,
                    hint=f"give sheet = {others[0]!r} in the plan file's [attendees] table, or move the list to the first sheet",
                )
        try:
            with zipfile.ZipFile(path) as archive:
                facts = _scan_sheet(archive, worksheet._worksheet_path)
        except (KeyError, AttributeError, zipfile.BadZipFile, SyntaxError) as exc:
            raise _fail(
                f"the workbook cannot be read ({exc})",
                file,
                hint="open the file in Excel or WPS and save it again as .xlsx",
            ) from None
    except SeatplanError:
        raise
    except (TypeError, ValueError, KeyError, AttributeError, IndexError, SyntaxError, zipfile.BadZipFile, EOFError, zlib.error) as exc:
        # a damaged sheet part: read-only workbooks parse each sheet only when its rows are read
        raise _fail(
            f"the workbook cannot be read ({str(exc) or type(exc).__name__})",
            file,
            hint="open the file in Excel or WPS and save it again as .xlsx",
        ) from None
    finally:
        workbook.close()
    return _apply_facts(rows, facts, file, worksheet.title, hidden_rows)


def _sheet_rows(worksheet: object) -> list[_Row]:
    rows: list[_Row] = []
    # Some writers store a wrong size ("dimension") in the sheet; read every row instead.
    worksheet.reset_dimensions()  # type: ignore[attr-defined]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        for number, cells in enumerate(worksheet.iter_rows(), start=1):  # type: ignore[attr-defined]
            texts = tuple(_cell_text(cell.value, getattr(cell, "number_format", None)) for cell in cells)
            kinds = tuple(_cell_kind(cell) for cell in cells)
            if any(texts) or "e" in kinds:
                rows.append(_Row(number, texts, kinds=kinds))
    return rows


def _cell_kind(cell: object) -> str:
    value = getattr(cell, "value", None)
    if getattr(cell, "data_type", "") == "e" or (isinstance(value, str) and value.strip() in _EXCEL_ERRORS):
        return "e"
    if isinstance(value, bool):
        return "b"
    if isinstance(value, (_dt.date, _dt.time, _dt.datetime)):
        return "d"
    if isinstance(value, (int, float)):
        return "n"
    return "s"


def _apply_facts(rows: list[_Row], facts: _SheetFacts, file: str, title: str, hidden_rows: HiddenRows) -> list[_Row]:
    """Refuse unsaved formulas and error cells, fill merged ranges, and treat hidden rows as asked."""
    from openpyxl.utils.cell import coordinate_from_string

    if facts.unsaved_formulas:
        first = facts.unsaved_formulas[0]
        letters, number = coordinate_from_string(first)
        more = f" (and {len(facts.unsaved_formulas) - 1} more)" if len(facts.unsaved_formulas) > 1 else ""
        raise _fail(
            f"cell {first}{more} of sheet {title!r} holds a formula with no saved value: the file was written by a "
            "program and never calculated",
            file,
            row=number,
            field=letters,
            hint="open the list in Excel or WPS and save it (the values are then stored), or replace the formulas by values",
        )
    for row in rows:
        if "e" in row.kinds:
            column = row.kinds.index("e")
            from openpyxl.utils import get_column_letter

            raise _fail(
                f"cell {get_column_letter(column + 1)}{row.number} shows an Excel error",
                file,
                row=row.number,
                value=row.cells[column] or "#error",
                hint="correct the formula or type the value in that cell",
            )
    by_number = {row.number: row for row in rows}
    for min_row, min_col, max_row, max_col in facts.merged:
        top = by_number.get(min_row)
        if top is None or max_row == min_row:
            continue  # a merge inside one row (a title over the columns) hides no value
        value = top.cells[min_col - 1] if min_col - 1 < len(top.cells) else ""
        kind = top.kinds[min_col - 1] if min_col - 1 < len(top.kinds) else "s"
        for number in range(min_row + 1, max_row + 1):
            row = by_number.get(number) or _Row(number, ())
            width = max(len(row.cells), max_col)
            cells = list(row.cells) + [""] * (width - len(row.cells))
            kinds = list(row.kinds) + ["s"] * (width - len(row.kinds))
            for column in range(min_col - 1, max_col):
                cells[column] = value if column == min_col - 1 else ""
                kinds[column] = kind
            by_number[number] = _Row(number, tuple(cells), kinds=tuple(kinds))
    merged_rows = {number: min_row for min_row, _c, max_row, _d in facts.merged for number in range(min_row, max_row + 1) if max_row > min_row}
    rows = [by_number[n] for n in sorted(by_number) if any(by_number[n].cells)]
    hidden = [row.number for row in rows if row.number in facts.hidden]
    if hidden:
        shown = ", ".join(str(n) for n in hidden[:12]) + (", ..." if len(hidden) > 12 else "")
        if hidden_rows is HiddenRows.REFUSE:
            raise _fail(
                f"rows {shown} of sheet {title!r} are hidden in Excel ({len(hidden)} rows, often cancelled people)",
                file,
                row=hidden[0],
                hint="delete the rows of people who do not come and unhide the others (Home → Format → Unhide rows), then save",
            )
        what = "left out" if hidden_rows is HiddenRows.SKIP else "read like the others"
        warnings.warn(f"{file}: rows {shown} of sheet {title!r} are hidden in Excel; they are {what}", stacklevel=4)
        if hidden_rows is HiddenRows.SKIP:
            rows = [row for row in rows if row.number not in facts.hidden]
    return [_mark_merged(row, merged_rows.get(row.number)) for row in rows]


def _mark_merged(row: _Row, merged_from: int | None) -> _Row:
    """``row`` marked with the first row of the vertical merge it lies in (for the header check)."""
    if merged_from is None:
        return row
    return _Row(row.number, row.cells, lines=row.lines, kinds=row.kinds, merged_from=merged_from)


# --------------------------------------------------------------------------- parsing values


def _parse_int(text: str) -> int | None:
    """Return ``text`` as an integer (full-width digits and ``3.0`` accepted), else ``None``."""
    text = unicodedata.normalize("NFKC", text).strip()
    if not _INTEGER.fullmatch(text):
        return None
    return int(text.split(".")[0])


def _parse_section(text: str) -> str:
    """Map a 座区 cell to a section id: ``"dais"``, ``""`` (floor) or the zone as given."""
    text = unicodedata.normalize("NFKC", text).strip()
    lowered = "".join(ch.lower() if ch.isascii() else ch for ch in text)
    if lowered in _DAIS_WORDS:
        return "dais"
    if lowered in _FLOOR_WORDS:
        return ""
    return lowered


_SIDES = {
    "host": ("主", "主方", "我方", "东道主", "host"),
    "guest": ("客", "客方", "外方", "来宾", "宾", "guest", "visitor"),
}
_CATEGORIES = {
    "official": ("正式", "正式代表", "正式委员", "代表", "委员", "出席", "official", "member", "delegate"),
    "alternate": ("候补", "候补代表", "候补委员", "alternate"),
    "observer": ("列席", "列席代表", "observer", "non-voting"),
    "auditor": ("旁听", "auditor"),
}
#: Written back by :func:`write_attendees_csv`.
_SIDE_WORDS = {"host": "主方", "guest": "客方"}
_CATEGORY_WORDS = {"official": "正式", "alternate": "候补", "observer": "列席", "auditor": "旁听"}


def _parse_word(text: str, words: dict[str, tuple[str, ...]]) -> str | None:
    """Map a cell to the key of ``words`` whose aliases contain it; ``""`` for empty, None if unknown."""
    text = unicodedata.normalize("NFKC", text).strip()
    if not text:
        return ""
    lowered = text.lower()
    for key, aliases in words.items():
        if lowered in aliases:
            return key
    return None


def _parse_tags(text: str) -> frozenset[str]:
    """Split a 标签 cell on commas, semicolons, 、 and spaces (ASCII or full-width)."""
    return frozenset(tag for tag in _TAG_SPLIT.split(text) if tag)


def _parse_needs(text: str) -> frozenset[str]:
    """Split a 需求 cell into seat tags: 轮椅 → wheelchair, 靠过道 → aisle, ... (others kept, ASCII lower-cased)."""
    out = set()
    for word in _TAG_SPLIT.split(unicodedata.normalize("NFKC", text)):
        if word:
            out.add(NEED_WORDS.get(word, word.lower() if word.isascii() else word))
    return frozenset(out)


def _parse_people(text: str) -> tuple[str, ...]:
    """Split a 不相邻/同座 cell into names or ids (separated by 、 , ; /; spaces stay inside names)."""
    return tuple(part for part in (_clean(p) for p in _LIST_SPLIT.split(text)) if part)


def _find_header(rows: Sequence[_Row], file: str) -> tuple[int, dict[str, int], dict[str, str]]:
    """Locate the header row and map fields to column indexes.

    Returns
    -------
    tuple
        Index of the header in ``rows``, ``{field: column}`` and ``{field: header as written}``.
    """
    if not rows:
        raise _fail(
            "the file is empty (no header row)",
            file,
            hint="put a header row such as 姓名,单位,职务,排序 on the first line, then one attendee per row",
        )
    header_index = 0
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        if any(_ALIAS_TO_FIELD.get(_header_key(cell)) == "name" for cell in row.cells):
            header_index = index
            break
    else:
        found = ", ".join(repr(cell) for cell in rows[0].cells if cell) or "none"
        accepted = ", ".join(HEADER_ALIASES["name"])
        raise _fail(
            f"no name column in the header (headers found: {found})",
            file,
            row=rows[0].number,
            field="name",
            hint=f"name the column of names one of {accepted} (case and spaces do not matter)",
        )
    header = rows[header_index]
    below = rows[header_index + 1] if header_index + 1 < len(rows) else None
    if below is not None and below.merged_from is not None and below.merged_from <= header.number:
        raise _fail(
            f"the header is merged over rows {header.number} and {below.number}",
            file,
            row=header.number,
            hint="make the header one row: unmerge the cells and give every column its own title in one row",
        )
    columns: dict[str, int] = {}
    written: dict[str, str] = {}
    for column, cell in enumerate(header.cells):
        field_name = _ALIAS_TO_FIELD.get(_header_key(cell)) if cell else None
        if field_name is None:
            continue  # unknown or empty header: the column is ignored
        if field_name in columns and _header_key(cell) in _COUNTER_KEYS:
            continue  # 序号 beside 排序: a running counter, not the rank
        if field_name in columns and _header_key(written[field_name]) in _COUNTER_KEYS:
            columns[field_name] = column  # 排序 after 序号: 排序 is the rank
            written[field_name] = cell
            continue
        if field_name in columns:
            raise _fail(
                f"columns {written[field_name]!r} and {cell!r} both mean the {field_name} field",
                file,
                row=header.number,
                field=cell,
                value=cell,
                hint="rename or delete one of the two columns",
            )
        columns[field_name] = column
        written[field_name] = cell
    return header_index, columns, written


class AttendeeList(NamedTuple):
    """An attendee list as read: the people, and the language its headers are written in."""

    attendees: tuple[Attendee, ...]
    language: ListLanguage


_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")


def header_language(headers: Iterable[str]) -> ListLanguage:
    """The language of a list from its recognised headers as written.

    English when more headers are written in Latin letters (``name``, ``Unit``)
    than in Chinese (``姓名``); ``ID`` counts for neither, as Chinese lists use it
    too. A tie (or no header but ``ID``) is Chinese.
    """
    chinese = latin = 0
    for text in headers:
        if _CJK.search(text):
            chinese += 1
        elif _LATIN.search(unicodedata.normalize("NFKC", text)) and _header_key(text) != "id":
            latin += 1
    return ListLanguage.EN if latin > chinese else ListLanguage.ZH


def _build_attendees(rows: Sequence[_Row], file: str) -> AttendeeList:
    """Turn table rows (header first) into attendees, validating every cell."""
    header_index, columns, written = _find_header(rows, file)
    data = rows[header_index + 1 :]
    width = max(4, len(str(len(data))))
    attendees: list[Attendee] = []
    first_row_of_id: dict[str, int] = {}
    first_row_of_person: dict[tuple[str, str], int] = {}
    dais_rank_row: dict[int, int] = {}
    ranked_rows = [r.number for r in data if "rank" in columns and columns["rank"] < len(r.cells) and r.cells[columns["rank"]]]

    for position, row in enumerate(data, start=1):

        def cell(field_name: str, row: _Row = row) -> str:
            column = columns.get(field_name)
            if column is None or column >= len(row.cells):
                return ""
            return row.cells[column]

        def error(field_name: str, message: str, hint: str, row: _Row = row) -> AttendeeFileError:
            field_text = written.get(field_name, field_name)
            return _fail(message, file, row=row.number, field=field_text, value=cell(field_name), hint=hint)

        if row.lines > 1:
            broken = next((f for f in _ONE_LINE_FIELDS if "\n" in cell(f) or "\r" in cell(f)), None)
            if broken is not None:
                last = row.first_line + row.lines - 1
                raise _fail(
                    f"the cell spans lines {row.first_line}–{last} of the file: a quote opened here swallowed the rows after it",
                    file,
                    row=row.number,
                    field=written.get(broken, broken),
                    value=_preview(cell(broken)),
                    hint='remove the stray " or the line break inside the cell, then save the list again',
                )
        name = cell("name")
        if not name:
            raise error("name", "the row has data but no name", "fill in the name or delete the row")
        kind = row.kinds[columns["name"]] if columns["name"] < len(row.kinds) else "s"
        if kind in ("n", "d", "b") or _NOT_A_NAME.fullmatch(unicodedata.normalize("NFKC", name)):
            raise error(
                "name",
                "the name is a number or a date, not a name",
                "check that the columns are not shifted and that the 姓名 column holds names",
            )

        rank_text = cell("rank")
        if rank_text:
            rank = _parse_int(rank_text)
            if rank is None or rank < 1:
                raise error(
                    "rank",
                    f"the rank of {name} is not a whole number from 1 up",
                    "write 1 for the most senior, 2 for the next, ... or leave it empty to use the list order",
                )
        else:
            rank = position
            if ranked_rows and _parse_section(cell("section")) == "dais":
                raise error(
                    "rank",
                    f"the rank of {name}, on the dais, is blank while {len(ranked_rows)} other rows have one "
                    f"(row {ranked_rows[0]} first)",
                    "give every person on the dais a rank: the dais order follows it seat by seat",
                )

        unit_order_text = cell("unit_order")
        if unit_order_text:
            unit_order = _parse_int(unit_order_text)
            if unit_order is None or unit_order < 0:
                raise error(
                    "unit_order",
                    f"the unit order of {name} is not a whole number",
                    "write 1 for the first unit, 2 for the next, ... or leave it empty",
                )
        else:
            unit_order = 0

        attendee_id = cell("id") or f"A{position:0{width}d}"
        if attendee_id in first_row_of_id:
            raise _fail(
                f"id {attendee_id!r} is used twice, in rows {first_row_of_id[attendee_id]} and {row.number}",
                file,
                row=row.number,
                field=written.get("id", "id"),
                value=attendee_id,
                hint="give every attendee a different id"
                + ("" if "id" in columns else " (ids are generated as A0001, A0002, ... without an id column)"),
            )
        first_row_of_id[attendee_id] = row.number
        person = (name, cell("unit"))
        if person in first_row_of_person and "id" not in columns:
            raise error(
                "name",
                f"{name} of {cell('unit') or 'no unit'} is on the list twice, in rows {first_row_of_person[person]} and {row.number}",
                "delete the row entered twice; if they are two people of the same name, add an 编号 column to tell them apart",
            )
        if person in first_row_of_person:
            warnings.warn(
                f"{file}, row {row.number}: {name} of {cell('unit') or 'no unit'} is on the list twice "
                f"(rows {first_row_of_person[person]} and {row.number}, ids differ): read as two people",
                stacklevel=3,
            )
        first_row_of_person.setdefault(person, row.number)
        if _parse_section(cell("section")) == "dais" and rank_text:
            if rank in dais_rank_row:
                raise error(
                    "rank",
                    f"rank {rank} on the dais is given to two people, in rows {dais_rank_row[rank]} and {row.number}",
                    "give every person on the dais a different rank: the dais order follows it seat by seat",
                )
            dais_rank_row[rank] = row.number

        side = _parse_word(cell("side"), _SIDES)
        if side is None:
            raise AttendeeFileError(
                f"{name}: side {cell('side')!r} is neither host nor guest",
                location=Location(file=file, row=row.number, field=written.get("side", "side"), value=cell("side")),
                hint="write 主方/host or 客方/guest, or leave the cell empty",
            )
        category = _parse_word(cell("category"), _CATEGORIES)
        if category is None:
            raise AttendeeFileError(
                f"{name}: category {cell('category')!r} is not known",
                location=Location(file=file, row=row.number, field=written.get("category", "category"), value=cell("category")),
                hint="write 正式, 候补, 列席 or 旁听 (official/alternate/observer/auditor), or leave the cell empty",
            )
        attendees.append(
            Attendee(
                id=attendee_id,
                name=name,
                unit=cell("unit"),
                title=cell("title"),
                rank=rank,
                section=_parse_section(cell("section")),
                unit_order=unit_order,
                side=side,
                category=category,
                gender=cell("gender"),
                ethnicity=cell("ethnicity"),
                phone=cell("phone"),
                note=cell("note"),
                foreign_name=cell("foreign_name"),
                tags=_parse_tags(cell("tags")),
                needs=_parse_needs(cell("needs")),
                pin=cell("pin"),
                apart_from=_parse_people(cell("apart_from")),
                together_with=_parse_people(cell("together_with")),
                partner=cell("partner"),
                source=Location(file=file, row=row.number),
            )
        )
    return AttendeeList(tuple(attendees), header_language(written.values()))


# --------------------------------------------------------------------------- public API


def header_key(text: str) -> str:
    """Normalise a header for matching: NFKC, case-folded, without spaces, ``_`` and ``-``."""
    return _header_key(text)


def read_table_rows(
    path: str | os.PathLike[str], *, sheet: str | None = None, hidden_rows: HiddenRows = HiddenRows.REFUSE
) -> list[tuple[int, tuple[str, ...]]]:
    """The non-empty rows of a ``.csv`` or ``.xlsx`` table as text, with their spreadsheet row numbers.

    The same decoding as :func:`read_attendees` (UTF-8 with or without BOM,
    GB18030, UTF-16; comma or tab; xlsx numbers without ``.0``), for other
    tables such as a list of late changes.

    Raises
    ------
    AttendeeFileError
        A missing, unsupported or undecodable file (file and hint).
    """
    file = os.fspath(path)
    path = Path(path)
    if not path.is_file():
        raise _fail("file not found", file, hint="check the path")
    suffix = path.suffix.lower()
    if suffix not in _SUPPORTED:
        raise _fail(f"unsupported table type {path.suffix or '(no extension)'!r}", file, value=path.suffix or None, hint="save it as .csv or .xlsx")
    rows = _read_csv_rows(path, file) if suffix == ".csv" else _read_xlsx_rows(path, file, sheet, hidden_rows)
    return [(r.number, r.cells) for r in rows]



def read_attendees(
    path: str | os.PathLike[str], *, sheet: str | None = None, hidden_rows: HiddenRows = HiddenRows.REFUSE
) -> tuple[Attendee, ...]:
    """The attendees of :func:`read_attendee_list` (the list without its language)."""
    return read_attendee_list(path, sheet=sheet, hidden_rows=hidden_rows).attendees


def read_attendee_list(
    path: str | os.PathLike[str], *, sheet: str | None = None, hidden_rows: HiddenRows = HiddenRows.REFUSE
) -> AttendeeList:
    """Read an attendee list from an ``.xlsx`` or ``.csv`` file.

    Parameters
    ----------
    path
        The list. ``.xlsx``/``.xlsm`` is read with openpyxl (values, not formulas);
        ``.csv`` may be UTF-8 (with or without BOM) or GB18030/GBK, comma- or
        tab-separated.
    sheet
        Worksheet to read (xlsx only; ignored for CSV). Default: the first sheet.
    hidden_rows
        What to do with rows hidden in Excel: refuse the list naming them (the
        default), leave them out or read them (both with a warning naming them).

    Returns
    -------
    AttendeeList
        ``attendees`` in file order and the ``language`` of the headers
        (:func:`header_language`: English headers give an English seats.xlsx).
        Empty rows are skipped. A missing 排序/rank becomes the
        1-based position of the row among the data rows, a missing id becomes
        ``A0001``, ``A0002``... (wider beyond 9999 rows).

    Raises
    ------
    AttendeeFileError
        When the file is missing, of an unsupported type, undecodable, empty,
        has no name column or two columns for one field, or a row has no name,
        a bad rank or unit order, or an id used twice. The error names the file,
        row, header and value and says how to fix it.

    Notes
    -----
    Accepted headers are listed in :data:`HEADER_ALIASES`; other columns are
    ignored. The request columns (``docs/rules.md``) are read as written and
    resolved later by :func:`seatplan.rules.apply_rules`: 需求 (seat needs;
    轮椅 → ``wheelchair``, 靠过道 → ``aisle``, 近出口 → ``exit``, 同传 →
    ``interpreter``, see :data:`NEED_WORDS`), 指定座位 (a seat id or label such as
    ``3排12号``), 不相邻 and 同座 (names or ids separated by 、). The 配偶/partner
    cell (one id or name) is kept as written and checked by
    :func:`resolve_partners` when a Western long table needs it. Section cells ``主席台``/``台上``/``dais`` become ``"dais"``,
    ``台下``/``会场``/``floor``/empty become ``""``, anything else is kept
    (ASCII lower-cased).
    """
    file = os.fspath(path)
    path = Path(path)
    if not path.is_file():
        raise _fail(
            "file not found" if not path.exists() else "not a file",
            file,
            hint="check the attendee list path in the plan file (relative paths start at the plan file's folder)",
        )
    suffix = path.suffix.lower()
    if suffix not in _SUPPORTED:
        raise _fail(
            f"unsupported attendee list type {path.suffix or '(no extension)'!r}",
            file,
            value=path.suffix or None,
            hint="save the list as .xlsx or .csv (old .xls/.et files: open and 'Save as' .xlsx)",
        )
    try:
        rows = _read_csv_rows(path, file) if suffix == ".csv" else _read_xlsx_rows(path, file, sheet, hidden_rows)
    except PermissionError as exc:
        raise _fail(
            f"the file cannot be read ({exc.strerror})",
            file,
            hint="close the file in Excel or WPS, or check its permissions",
        ) from None
    return _build_attendees(rows, file)


#: Request columns of :data:`CSV_HEADERS`; written only when some attendee has a request.
REQUEST_FIELDS = ("needs", "pin", "apart_from", "together_with")


def write_attendees_csv(attendees: Iterable[Attendee], path: str | os.PathLike[str]) -> None:
    """Write attendees as a CSV that Excel opens and :func:`read_attendees` reads back.

    Parameters
    ----------
    attendees
        The attendees, written in the given order.
    path
        Target file; overwritten if present.

    Notes
    -----
    UTF-8 with BOM (so Excel shows Chinese correctly), CRLF line ends, Chinese
    headers (:data:`CSV_HEADERS`), written atomically; a cell that a
    spreadsheet would run as a formula gets a leading ``'``
    (:func:`seatplan.files.neutralise_csv_cell`), which the reader removes again. The dais section is written as ``主席台``, the
    floor as an empty cell, a unit order of 0 and a rank of 0 as empty cells,
    tags and needs sorted and joined with ``、``, the 不相邻/同座 lists joined
    with ``、``. The request columns (需求, 指定座位, 不相邻, 同座) are written
    only when some attendee has a request, and 配偶 only when some attendee
    has a partner, so older lists keep their columns. Reading the file back gives equal attendees, except that a
    rank of 0 becomes the row position and tags containing separators split.
    Excel itself may show long phone numbers as numbers; import as text there
    if needed.
    """
    attendees = list(attendees)
    requests = any(a.needs or a.pin or a.apart_from or a.together_with for a in attendees)
    partners = any(a.partner for a in attendees)
    headers = [
        h
        for key, h in CSV_HEADERS.items()
        if (requests or key not in REQUEST_FIELDS) and (partners or key != "partner")
    ]
    rows: list[list[object]] = []
    for attendee in attendees:
        row: list[object] = [
            attendee.id,
            attendee.name,
            attendee.unit,
            attendee.title,
            attendee.rank or "",
            "主席台" if attendee.section == "dais" else attendee.section,
            attendee.unit_order or "",
            _SIDE_WORDS.get(attendee.side, attendee.side),
            _CATEGORY_WORDS.get(attendee.category, attendee.category),
            attendee.gender,
            attendee.ethnicity,
            attendee.phone,
            attendee.note,
            "、".join(sorted(attendee.tags)),
        ]
        if requests:
            row += [
                "、".join(sorted(attendee.needs)),
                attendee.pin,
                "、".join(attendee.apart_from),
                "、".join(attendee.together_with),
            ]
        if partners:
            row.append(attendee.partner)
        rows.append(row)
    atomic_write_bytes(path, csv_bytes(headers, rows))
