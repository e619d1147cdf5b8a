"""Fuzzing the readers (plan TOML, csv, xlsx): any input gives a result or a SeatplanError, never another
exception and never a hang.

Quick by default (about 12 s per reader, so the three stay under a minute in ``make test``); set
``SEATPLAN_FUZZ_SECONDS=600`` for a long run (tests/README.md). Each input also runs under an alarm:
one that takes more than :data:`HANG_SECONDS` fails as a hang.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import io
import os
import signal
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seatplan.errors import SeatplanError
from seatplan.io.attendee_table import read_attendees
from seatplan.io.plan_file import load_meeting
from tests.bad_catalogue import PEOPLE, csv_text, plan_text

SECONDS = float(os.environ.get("SEATPLAN_FUZZ_SECONDS", "12"))
HANG_SECONDS = 20
#: Inputs run per reader in this process (printed at the end of a long run).
RUN: dict[str, int] = {"toml": 0, "csv": 0, "xlsx": 0}
_STARTED: dict[str, float] = {}

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGALRM"), reason="the hang alarm needs SIGALRM")


class Hang(Exception):
    """An input the reader did not finish within HANG_SECONDS."""


@contextmanager
def _alarm() -> Iterator[None]:
    def ring(_signum: int, _frame: object) -> None:
        raise Hang

    previous = signal.signal(signal.SIGALRM, ring)
    signal.alarm(HANG_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _budget_left(reader: str) -> bool:
    started = _STARTED.setdefault(reader, time.monotonic())
    return time.monotonic() - started < SECONDS


def _examples() -> int:
    return 10**6 if SECONDS > 12 else 400


def _read(reader: str, call: Callable[[], object]) -> None:
    if not _budget_left(reader):
        return
    RUN[reader] += 1
    try:
        with _alarm():
            call()
    except SeatplanError:
        pass
    except Hang:
        pytest.fail(f"the {reader} reader hung for {HANG_SECONDS} s")


def _edits(base: bytes, alphabet: bytes) -> st.SearchStrategy[bytes]:
    """``base`` with random insertions, deletions and replacements drawn from ``alphabet``."""
    edit = st.tuples(
        st.sampled_from(["insert", "delete", "replace"]),
        st.integers(0, 2**20),
        st.binary(min_size=1, max_size=6).map(lambda b: bytes(alphabet[x % len(alphabet)] for x in b)),
    )

    def apply(edits: list[tuple[str, int, bytes]]) -> bytes:
        data = bytearray(base)
        for kind, at, chunk in edits:
            at %= len(data) + 1
            if kind == "insert":
                data[at:at] = chunk
            elif kind == "delete":
                del data[at : at + len(chunk)]
            else:
                data[at : at + len(chunk)] = chunk
        return bytes(data)

    return st.lists(edit, min_size=1, max_size=8).map(apply)


CSV_ALPHABET = b'",\n\r\t=+-@\x00\xff\xfe\xef\xbb\xbf ' + "张三王县委排序主席台".encode() + b"0123456789"
TOML_ALPHABET = b'[]{}"\'=.,\n#-+0123456789naif eutrs' + "主席台".encode()

_ENCODINGS = [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("gb18030", b""), ("utf-16-le", codecs.BOM_UTF16_LE)]


@st.composite
def csv_inputs(draw: st.DrawFn) -> bytes:
    if draw(st.booleans()):
        return draw(st.binary(max_size=400))
    encoding, bom = draw(st.sampled_from(_ENCODINGS))
    base = bom + csv_text(PEOPLE).encode(encoding)
    return draw(_edits(base, CSV_ALPHABET))


@settings(max_examples=_examples(), deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(csv_inputs())
def test_fuzz_csv_reader(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "list.csv"
        path.write_bytes(data)
        _read("csv", lambda: read_attendees(path))


@st.composite
def toml_inputs(draw: st.DrawFn) -> bytes:
    if draw(st.integers(0, 4)) == 0:
        return draw(st.text(max_size=300)).encode("utf-8", "surrogatepass")
    return draw(_edits(plan_text().encode("utf-8"), TOML_ALPHABET))


@settings(max_examples=_examples(), deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(toml_inputs())
def test_fuzz_plan_reader(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "attendees.csv").write_text(csv_text(), encoding="utf-8")
        (folder / "plan.toml").write_bytes(data)
        _read("toml", lambda: load_meeting(folder / "plan.toml"))


_CELLS = st.one_of(
    st.none(),
    st.text(max_size=8),
    st.sampled_from(["张三", "主席台", "排序", "姓名", "=A1+1", "=SUM(B:B)", "#N/A", "'=x", "序号"]),
    st.integers(-5, 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(min_value=_dt.date(1990, 1, 1), max_value=_dt.date(2040, 1, 1)),
)


@st.composite
def xlsx_inputs(draw: st.DrawFn) -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    rows = draw(st.lists(st.lists(_CELLS, max_size=6), max_size=8))
    if draw(st.booleans()):
        rows = [["编号", "姓名", "单位", "排序", "座区"], *rows]
    for row in rows:
        try:
            sheet.append(row)
        except Exception:
            sheet.append([None])
    for number in draw(st.lists(st.integers(1, 10), max_size=3)):
        sheet.row_dimensions[number].hidden = True
    if draw(st.booleans()):
        top = draw(st.integers(1, 8))
        sheet.merge_cells(start_row=top, start_column=1, end_row=top + draw(st.integers(0, 2)), end_column=draw(st.integers(1, 3)))
    buffer = io.BytesIO()
    workbook.save(buffer)
    data = buffer.getvalue()
    if draw(st.integers(0, 3)) == 0:  # damage the zip or the XML inside it
        data = draw(_edits(data, bytes(range(256))))
    elif draw(st.integers(0, 3)) == 0:
        with zipfile.ZipFile(io.BytesIO(data)) as src:
            parts = {name: src.read(name) for name in src.namelist()}
        sheet_xml = parts["xl/worksheets/sheet1.xml"]
        parts["xl/worksheets/sheet1.xml"] = draw(_edits(sheet_xml, b'<>/="rchfv1 '))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as dst:
            for name, content in parts.items():
                dst.writestr(name, content)
        data = out.getvalue()
    return data


@settings(max_examples=_examples() // 4, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(xlsx_inputs())
def test_fuzz_xlsx_reader(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "list.xlsx"
        path.write_bytes(data)
        _read("xlsx", lambda: read_attendees(path))


def test_fuzz_ran_inputs() -> None:
    """Every reader was given inputs (the counts are printed with ``-s``)."""
    print(f"\nfuzz inputs run: {RUN}")
    assert all(RUN[reader] > 0 for reader in RUN) or os.environ.get("PYTEST_XDIST_WORKER")
