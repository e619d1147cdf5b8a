"""seatplan.files: the atomic writer, the folder switch, the lock and the clean-up of killed runs."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from seatplan import files
from seatplan.errors import OutputError, SeatplanError
from seatplan.files import atomic_write_bytes, check_output_folder, hold_lock, lock_path, output_folder, recover_folder


def _set(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_atomic_write_replaces_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "a.csv"
    atomic_write_bytes(target, b"one")
    atomic_write_bytes(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in target.parent.iterdir()] == ["a.csv"]
    assert target.stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_file_open_in_excel_is_a_clear_error_naming_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "seats.xlsx"
    target.write_bytes(b"old")

    def refuse(src: object, dst: object) -> None:  # what Windows does to a file Excel holds open
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(files.os, "replace", refuse)
    with pytest.raises(OutputError) as caught:
        atomic_write_bytes(target, b"new")
    message = str(caught.value)
    assert str(target) in message and "Excel" in message and "Fix:" in message
    assert isinstance(caught.value, SeatplanError)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["seats.xlsx"]


def test_out_naming_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "plan.toml").write_text("x")
    with pytest.raises(OutputError, match="is a file, not a folder"):
        check_output_folder(tmp_path / "plan.toml")
    with pytest.raises(OutputError, match=r"plan\.toml is a file"):
        check_output_folder(tmp_path / "plan.toml" / "out")
    assert check_output_folder(tmp_path / "new") == tmp_path / "new"


@pytest.mark.parametrize("exchange", [True, False], ids=["exchange", "two-renames"])
def test_output_folder_switches_whole_sets_and_keeps_other_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exchange: bool
) -> None:
    if not exchange:
        monkeypatch.setattr(files, "_exchange", lambda a, b: False)
    out = tmp_path / "out"
    with output_folder(out) as tmp:
        (tmp / "a.csv").write_bytes(b"1")
        (tmp / "b.pdf").write_bytes(b"1")
    (out / "input").mkdir()
    (out / "input" / "plan.toml").write_text("kept")
    (out / "note.txt").write_text("kept")
    with output_folder(out) as tmp:
        assert (out / "a.csv").read_bytes() != b"2"
        (tmp / "a.csv").write_bytes(b"2")
        (tmp / "b.pdf").write_bytes(b"2")
    assert _set(out) == {"a.csv": b"2", "b.pdf": b"2", "input/plan.toml": b"kept", "note.txt": b"kept"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_failure_while_writing_changes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with output_folder(out) as tmp:
        (tmp / "a.csv").write_bytes(b"1")
    with pytest.raises(RuntimeError), output_folder(out) as tmp:
        (tmp / "a.csv").write_bytes(b"2")
        raise RuntimeError("render failed")
    assert _set(out) == {"a.csv": b"1"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_leftovers_of_a_killed_run_are_cleaned_and_an_aside_set_restored(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (tmp_path / ".out.new-abc").mkdir()
    (tmp_path / ".out.new-abc" / "a.csv").write_bytes(b"half")
    (tmp_path / ".out.trash-x").mkdir()
    (tmp_path / ".out.aside-old").mkdir()  # killed between the two renames: out is missing
    (tmp_path / ".out.aside-old" / "a.csv").write_bytes(b"old")
    recover_folder(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert _set(out) == {"a.csv": b"old"}
    with output_folder(out) as tmp:
        (tmp / "a.csv").write_bytes(b"new")
    assert _set(out) == {"a.csv": b"new"}


def test_lock_refuses_at_once_with_wait_zero_and_names_the_holder(tmp_path: Path) -> None:
    target = tmp_path / "out"
    script = textwrap.dedent(
        f"""
        import sys, time
        from seatplan.files import hold_lock
        with hold_lock({str(target)!r}):
            print("held", flush=True)
            time.sleep(30)
        """
    )
    holder = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, env=os.environ.copy())
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(OutputError) as caught, hold_lock(target, wait=0):
            pass
        assert f"process {holder.pid}" in str(caught.value) and str(target) in str(caught.value)
        started = time.monotonic()
        with pytest.raises(OutputError), hold_lock(target, wait=0.3):
            pass
        assert time.monotonic() - started >= 0.3
    finally:
        holder.kill()
        holder.wait()
    with hold_lock(target, wait=5) as path:  # the operating system dropped the killed holder's lock
        assert path == lock_path(target) and path.exists()
    assert not lock_path(target).exists()
