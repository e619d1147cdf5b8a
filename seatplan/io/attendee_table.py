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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from seatplan.errors import AttendeeFileError, Location
from seatplan.model.attendees import Attendee, resolve_partners

__all__ = [
    "HEADER_ALIASES",
    "NEED_WORDS",
    "header_key",
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
    "轮椅": "wheelchair",
    "轮椅席": "wheelchair",
    "轮椅位": "wheelchair",
    "无障碍": "wheelchair",
    "过道": "aisle",
    "靠过道": "aisle",
    "走道": "aisle",
    "出口": "exit",
    "近出口": "exit",
    "靠近出口": "exit",
    "同传": "interpreter",
    "同声传译": "interpreter",
    "翻译": "interpreter",
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

#: How many non-empty rows are searched for the header row (title rows above it are skipped).
HEADER_SCAN_ROWS = 10

#: CSV encodings tried, in order, with the name used in messages.
CSV_ENCODINGS: tuple[tuple[str, str], ...] = (
    ("utf-8-sig", "UTF-8 with BOM"),
    ("utf-8", "UTF-8"),
    ("gb18030", "GB18030/GBK"),
)

_DAIS_WORDS = frozenset({"主席台", "台上", "dais"})
_FLOOR_WORDS = frozenset({"", "台下", "会场", "floor"})
_TAG_SPLIT = re.compile(r"[,，;；、\s]+")
_LIST_SPLIT = re.compile(r"[,，;；、/]+")
_INTEGER = re.compile(r"[+-]?\d+(?:\.0*)?")
_ZERO_FORMAT = re.compile(r"0+")
# str.strip() already removes ASCII and Unicode spaces (U+3000, U+00A0); add the
# invisible characters that Excel/WPS and web copy-paste leave behind.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
_SUPPORTED = (".xlsx", ".xlsm", ".csv")


def _header_key(text: str) -> str:
    """Return the matching key of a header: NFKC, case-folded, without spaces, ``_``, ``-``."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\s_\-]+", "", text.strip(_INVISIBLE))


_ALIAS_TO_FIELD: dict[str, str] = {
    _header_key(alias): field_name for field_name, aliases in HEADER_ALIASES.items() for alias in aliases
}


@dataclass(frozen=True)
class _Row:
    """One non-empty row of the table: its spreadsheet row number and cell texts."""

    number: int
    cells: tuple[str, ...]


def _clean(text: str) -> str:
    """Strip whitespace (including U+3000) and invisible characters around ``text``."""
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
    """Decode CSV bytes: UTF-16 (by BOM), else UTF-8 with BOM, UTF-8, GB18030, strictly."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise _undecodable(data, exc, file, "UTF-16") from None
    last: UnicodeDecodeError | None = None
    for encoding, _label in CSV_ENCODINGS:
        if encoding == "utf-8-sig" and not data.startswith(codecs.BOM_UTF8):
            continue
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            last = exc
    assert last is not None
    tried = ", ".join(label for _enc, label in CSV_ENCODINGS)
    raise _undecodable(data, last, file, tried)


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


def _read_csv_rows(path: Path, file: str) -> list[_Row]:
    """Return the non-empty rows of a CSV file, numbered as a spreadsheet shows them."""
    text = _decode_csv(path.read_bytes(), file)
    header_line = next((line for line in text.splitlines() if line.strip()), "")
    try:
        delimiter = csv.Sniffer().sniff(header_line, delimiters=",\t").delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[_Row] = []
    number = 0
    try:
        for number, record in enumerate(reader, start=1):
            cells = tuple(_clean(cell) for cell in record)
            if any(cells):
                rows.append(_Row(number, cells))
    except csv.Error as exc:
        raise _fail(
            f"the CSV cannot be parsed ({exc})",
            file,
            row=number + 1,
            hint="open the file in Excel or WPS and save it again as CSV, or as .xlsx",
        ) from None
    return rows


def _read_xlsx_rows(path: Path, file: str, sheet: str | None) -> list[_Row]:
    """Return the non-empty rows of one worksheet, with their sheet row numbers."""
    import openpyxl  # imported here: reading CSV must not need it
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with warnings.catch_warnings():
            # "Workbook contains no default style" and similar noise from WPS/other writers.
            warnings.simplefilter("ignore", UserWarning)
            workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, EOFError) as exc:
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
        # Some writers store a wrong size ("dimension") in the sheet; read every row instead.
        worksheet.reset_dimensions()
        rows: list[_Row] = []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            for number, cells in enumerate(worksheet.iter_rows(), start=1):
                texts = tuple(_cell_text(cell.value, getattr(cell, "number_format", None)) for cell in cells)
                if any(texts):
                    rows.append(_Row(number, texts))
        return rows
    finally:
        workbook.close()


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
    columns: dict[str, int] = {}
    written: dict[str, str] = {}
    for column, cell in enumerate(header.cells):
        field_name = _ALIAS_TO_FIELD.get(_header_key(cell)) if cell else None
        if field_name is None:
            continue  # unknown or empty header: the column is ignored
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


def _build_attendees(rows: Sequence[_Row], file: str) -> tuple[Attendee, ...]:
    """Turn table rows (header first) into attendees, validating every cell."""
    header_index, columns, written = _find_header(rows, file)
    data = rows[header_index + 1 :]
    width = max(4, len(str(len(data))))
    attendees: list[Attendee] = []
    first_row_of_id: dict[str, int] = {}

    for position, row in enumerate(data, start=1):

        def cell(field_name: str, row: _Row = row) -> str:
            column = columns.get(field_name)
            if column is None or column >= len(row.cells):
                return ""
            return row.cells[column]

        def error(field_name: str, message: str, hint: str, row: _Row = row) -> AttendeeFileError:
            field_text = written.get(field_name, field_name)
            return _fail(message, file, row=row.number, field=field_text, value=cell(field_name), hint=hint)

        name = cell("name")
        if not name:
            raise error("name", "the row has data but no name", "fill in the name or delete the row")

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
    return tuple(attendees)


# --------------------------------------------------------------------------- public API


def header_key(text: str) -> str:
    """Normalise a header for matching: NFKC, case-folded, without spaces, ``_`` and ``-``."""
    return _header_key(text)


def read_table_rows(path: str | os.PathLike[str], *, sheet: str | None = None) -> list[tuple[int, tuple[str, ...]]]:
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
    rows = _read_csv_rows(path, file) if suffix == ".csv" else _read_xlsx_rows(path, file, sheet)
    return [(r.number, r.cells) for r in rows]



def read_attendees(path: str | os.PathLike[str], *, sheet: str | None = None) -> tuple[Attendee, ...]:
    """Read an attendee list from an ``.xlsx`` or ``.csv`` file.

    Parameters
    ----------
    path
        The list. ``.xlsx``/``.xlsm`` is read with openpyxl (values, not formulas);
        ``.csv`` may be UTF-8 (with or without BOM) or GB18030/GBK, comma- or
        tab-separated.
    sheet
        Worksheet to read (xlsx only; ignored for CSV). Default: the first sheet.

    Returns
    -------
    tuple of Attendee
        In file order. Empty rows are skipped. A missing 排序/rank becomes the
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
        rows = _read_csv_rows(path, file) if suffix == ".csv" else _read_xlsx_rows(path, file, sheet)
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
    headers (:data:`CSV_HEADERS`). The dais section is written as ``主席台``, the
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
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        for attendee in attendees:
            row = [
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
            writer.writerow(row)
