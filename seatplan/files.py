"""Writing files and output folders safely: one atomic writer, one folder switch, one lock.

Every layer may import this module (like :mod:`seatplan.errors`); it uses the
standard library only.

* :func:`atomic_write_bytes` writes one file through a temporary file in the
  same folder (flushed, synced, then ``os.replace``): a reader sees the old file
  or the new one, never a part.
* :func:`output_folder` writes a whole set of files. The set is written into a
  temporary folder beside the target; only when every file is complete is the
  folder made live in one step, and the previous set stays in place until then.
* :func:`csv_bytes` is how every csv is written: each cell through
  :func:`neutralise_csv_cell`, so no cell runs as a formula in Excel or WPS.
* :func:`hold_lock` serialises runs that write into the same folder (or the same
  state file): a second run waits for the first, then goes on; after ``wait``
  seconds it stops with an error naming the process that holds the lock.

How the folder switch works
---------------------------
The target stays an ordinary folder (no symbolic link: Windows needs special
rights for those, and a meeting office opens the folder in Explorer or Finder).

* Linux (``renameat2`` with ``RENAME_EXCHANGE``) and macOS (``renamex_np`` with
  ``RENAME_SWAP``) exchange the new folder and the old one atomically: at every
  instant the target path holds the complete old set or the complete new set.
* Elsewhere (Windows, or a file system that cannot exchange) the old folder is
  first renamed aside (``.NAME.aside-*``), then the new one renamed into place.
  A run killed between the two renames leaves no target folder for that moment;
  the next run (or :func:`recover_folder`) renames the complete old set back.
  On Windows a folder in which a file is open (``seats.xlsx`` in Excel) cannot
  be renamed: the run stops with an error naming the file, and the old set stays.

Files in the target folder that a run does not write (an ``input`` folder, a
note) are carried into the new set (hard links where possible), so the switch
loses nothing. Temporary folders that a killed run leaves behind
(``.NAME.new-*``, ``.NAME.trash-*``) are removed by the next run, under the lock.
The lock file ``.NAME.lock`` beside the target exists only while a run holds
it (the holder removes it before unlocking; a waiter that locked a removed file
opens the new one again).

Fault tests
-----------
Each step of writing calls :func:`reach_stage`. When the environment variable
:data:`KILL_AT_ENV` names that stage, the process kills itself there (SIGKILL on
POSIX, ``os._exit`` on Windows), so a test can prove that a kill at every stage
leaves the complete old or the complete new set.
"""

from __future__ import annotations

import contextlib
import csv
import ctypes
import errno
import io
import logging
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from seatplan.errors import OutputError

__all__ = [
    "CONTROL_CHARACTERS",
    "FORMULA_STARTS",
    "FOLDER_STAGES",
    "KILL_AT_ENV",
    "SWITCH_ENV",
    "atomic_write_bytes",
    "check_output_folder",
    "clean_cell_text",
    "csv_bytes",
    "hold_lock",
    "lock_path",
    "neutralise_csv_cell",
    "output_folder",
    "reach_stage",
    "recover_folder",
    "restore_csv_cell",
]

#: Environment variable naming a stage at which the process kills itself (fault tests only).
KILL_AT_ENV = "SEATPLAN_KILL_AT"
#: Environment variable that, set to ``rename``, makes the folder switch use the two renames
#: of systems without an atomic exchange (Windows), so tests can exercise that path anywhere.
SWITCH_ENV = "SEATPLAN_FOLDER_SWITCH"
#: The stages :func:`output_folder` passes, in order (``aside`` only on the two-rename path);
#: :func:`seatplan.pipeline.write_outputs` adds ``wrote NAME`` after each file it writes.
FOLDER_STAGES = ("locked", "written", "carried", "switch", "aside", "switched", "done")
#: Seconds a second run waits for the lock by default before it stops with an error.
LOCK_WAIT = 600.0

_log = logging.getLogger("seatplan")


# --------------------------------------------------------------------------- stages


def reach_stage(stage: str) -> None:
    """Mark a step of writing; kill the process here if :data:`KILL_AT_ENV` names ``stage``."""
    if os.environ.get(KILL_AT_ENV) != stage:
        return
    if sys.platform == "win32":  # pragma: no cover
        os._exit(137)
    import signal

    os.kill(os.getpid(), signal.SIGKILL)


# --------------------------------------------------------------------------- errors


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _output_error(exc: OSError, path: Path) -> OutputError:
    """Turn an operating-system error while writing ``path`` into a clear :class:`OutputError`."""
    if isinstance(exc, OutputError):
        return exc
    if isinstance(exc, PermissionError):
        return OutputError(
            f"cannot write {path}: permission denied (the file is open in another program such as Excel or WPS, "
            "or the folder is read-only)",
            path=path,
            hint=f"close {path.name} in every program that has it open, check the folder may be written, and run again",
        )
    if exc.errno == errno.ENOSPC:
        return OutputError(f"cannot write {path}: the disk is full", path=path, hint="free some space and run again")
    reason = exc.strerror or str(exc)
    return OutputError(f"cannot write {path}: {reason}", path=path, hint="check the path and the folder, then run again")


# --------------------------------------------------------------------------- one file


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` so that a reader sees the old file or the new one, never a part.

    Parameters
    ----------
    path
        Target file; its folder is created if missing.
    data
        The complete contents.

    Raises
    ------
    OutputError
        If the file cannot be written (open in Excel on Windows, read-only
        folder, disk full); the message names the file.

    Notes
    -----
    A temporary file in the same folder is written, flushed and synced, given
    the usual file mode (``0666`` less the umask), then moved over the target
    with ``os.replace``; the folder is synced after the move on POSIX.
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise _output_error(exc, target) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_current_umask())  # mkstemp makes 0600; give the usual file mode
        os.replace(tmp, target)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _output_error(exc, target) from exc
        raise
    _sync_folder(target.parent)


def _sync_folder(folder: Path) -> None:
    if sys.platform == "win32":  # pragma: no cover - folders cannot be opened for syncing on Windows
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# --------------------------------------------------------------------------- the lock


def lock_path(target: str | os.PathLike[str]) -> Path:
    """The lock file of a folder or file: ``.NAME.lock`` beside it."""
    path = Path(target).absolute()
    return path.parent / f".{path.name}.lock"


def _try_lock(fd: int) -> bool:
    try:
        if sys.platform == "win32":  # pragma: no cover
            import msvcrt

            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK, errno.EDEADLK):
            return False
        raise
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


def _holder(fd: int) -> str:
    """The process id the holder wrote after byte 0 (byte 0 is the one Windows locks)."""
    try:
        os.lseek(fd, 1, os.SEEK_SET)
        text = os.read(fd, 64).decode("ascii", "replace").strip()
    except OSError:
        return ""
    return text if text.isdigit() else ""


@contextlib.contextmanager
def hold_lock(target: str | os.PathLike[str], *, wait: float = LOCK_WAIT, what: str = "writing into") -> Iterator[Path]:
    """Hold the inter-process lock of ``target`` (a folder or a file) for the ``with`` block.

    Parameters
    ----------
    target
        The folder or file to protect; the lock file is :func:`lock_path` of it.
    wait
        Seconds to wait for another process that holds the lock; ``0`` refuses at once.
    what
        Words for the message, e.g. ``"writing into"`` or ``"using the desk state"``.

    Yields
    ------
    Path
        The lock file.

    Raises
    ------
    OutputError
        If another process still holds the lock after ``wait`` seconds; the
        message names the target and that process.

    Notes
    -----
    ``fcntl.flock`` on POSIX, ``msvcrt.locking`` on Windows. The operating
    system drops the lock when its process ends, however it ends, so a killed
    run never leaves the target locked (only an empty ``.NAME.lock`` file, which
    the next run takes over and removes). The lock is per process and not
    re-entrant: a second ``hold_lock`` on the same target in one process waits.
    """
    path = lock_path(target)
    fd = _acquire(path, Path(target), wait, what)
    try:
        stamp = f"{os.getpid()}\n".encode("ascii")
        os.lseek(fd, 1, os.SEEK_SET)
        os.write(fd, stamp)
        os.ftruncate(fd, 1 + len(stamp))
        yield path
    finally:
        _release(fd, path)


def _acquire(path: Path, target: Path, wait: float, what: str) -> int:
    """Open and lock ``path``; retry when the file was removed by the holder meanwhile."""
    deadline = time.monotonic() + max(wait, 0.0)
    told = False
    while True:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as exc:
            raise _output_error(exc, path) from exc
        if _try_lock(fd):
            if sys.platform == "win32" or _same_file(fd, path):  # pragma: no branch
                return fd
            os.close(fd)  # locked a file the previous holder had already removed
            continue
        holder = _holder(fd)
        os.close(fd)
        who = f"process {holder}" if holder else "another process"
        if time.monotonic() >= deadline:
            raise OutputError(
                f"another seatplan run ({who}) is {what} {target}",
                path=target,
                hint="wait until it has finished, or give a different folder or file",
            )
        if not told:
            _log.warning("waiting: another seatplan run (%s) is %s %s", who, what, target)
            told = True
        time.sleep(0.05)


def _same_file(fd: int, path: Path) -> bool:
    try:
        here, there = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def _release(fd: int, path: Path) -> None:
    """Remove the lock file and unlock it (POSIX: remove first, while still holding it)."""
    if sys.platform == "win32":  # pragma: no cover - an open file cannot be removed on Windows
        _unlock(fd)
        os.close(fd)
        with contextlib.suppress(OSError):
            path.unlink()
        return
    with contextlib.suppress(OSError):
        path.unlink()
    _unlock(fd)
    os.close(fd)


# --------------------------------------------------------------------------- the folder switch


def check_output_folder(out: str | os.PathLike[str]) -> Path:
    """Refuse an output path that names a file (or lies under one), before any work is done.

    Returns
    -------
    Path
        ``out`` as a :class:`~pathlib.Path`.

    Raises
    ------
    OutputError
        If ``out`` or one of its parents exists and is not a folder.
    """
    path = Path(out)
    for part in (path, *path.parents):
        if part.exists() and not part.is_dir():
            raise OutputError(
                f"the output folder {path} cannot be made: {part} is a file, not a folder",
                path=part,
                hint="give --out a folder name (a new one is created), not a file",
            )
    return path


def _temporaries(out: Path, kind: str) -> list[Path]:
    prefix = f".{out.name}.{kind}-"
    try:
        return sorted(p for p in out.parent.iterdir() if p.name.startswith(prefix) and p.is_dir())
    except OSError:
        return []


def recover_folder(out: str | os.PathLike[str]) -> None:
    """Repair what a killed run left beside ``out``; call it holding the lock of ``out``.

    If ``out`` is missing but a complete old set was renamed aside (a kill between the
    two renames of the fallback switch), it is renamed back. Temporary folders of
    killed runs are removed.
    """
    path = Path(out)
    aside = _temporaries(path, "aside")
    if aside and not path.exists():
        os.rename(aside[-1], path)
        aside = aside[:-1]
    for stale in (*aside, *_temporaries(path, "new"), *_temporaries(path, "trash")):
        shutil.rmtree(stale, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders atomically; ``False`` where the system or file system cannot."""
    try:
        if sys.platform.startswith("linux"):
            libc = ctypes.CDLL(None, use_errno=True)
            fn = libc.renameat2
            fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
            at_fdcwd, rename_exchange = -100, 2
            result = fn(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
        elif sys.platform == "darwin":  # pragma: no cover
            libc = ctypes.CDLL(None, use_errno=True)
            fn = libc.renamex_np
            fn.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_uint]
            rename_swap = 2
            result = fn(os.fsencode(a), os.fsencode(b), rename_swap)
        else:  # pragma: no cover
            return False
    except (AttributeError, OSError):  # an old C library without the call
        return False
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _open_file_in(folder: Path) -> Path | None:
    """The first file in ``folder`` that another program holds open for writing (Windows), if any."""
    for item in sorted(folder.rglob("*")):
        if item.is_file():
            try:
                with open(item, "r+b"):
                    pass
            except PermissionError:
                return item
            except OSError:
                continue
    return None


def _link_or_copy(src: str, dst: str) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def _carry_over(out: Path, new: Path) -> None:
    """Bring into ``new`` what ``out`` holds that the new set does not write."""
    if not out.is_dir():
        return
    for item in sorted(out.iterdir()):
        dest = new / item.name
        if dest.exists() or dest.is_symlink():
            continue
        if item.is_symlink():
            os.symlink(os.readlink(item), dest)
        elif item.is_dir():
            shutil.copytree(item, dest, symlinks=True, copy_function=_link_or_copy)
        else:
            _link_or_copy(str(item), str(dest))


def _switch(out: Path, new: Path) -> None:
    """Make ``new`` live at ``out`` and remove the previous set."""
    if not out.exists():
        reach_stage("switch")
        os.rename(new, out)
        reach_stage("switched")
        return
    reach_stage("switch")
    if os.environ.get(SWITCH_ENV) != "rename" and _exchange(new, out):
        reach_stage("switched")
        shutil.rmtree(new, ignore_errors=True)  # holds the previous set now
        return
    aside = Path(tempfile.mkdtemp(prefix=f".{out.name}.aside-", dir=out.parent))
    aside.rmdir()
    try:
        os.rename(out, aside)
    except PermissionError as exc:
        culprit = _open_file_in(out)
        raise _output_error(exc, culprit or out) from exc
    reach_stage("aside")
    os.rename(new, out)
    reach_stage("switched")
    trash = aside.with_name(aside.name.replace(".aside-", ".trash-", 1))
    os.rename(aside, trash)
    shutil.rmtree(trash, ignore_errors=True)


@contextlib.contextmanager
def output_folder(out: str | os.PathLike[str], *, wait: float = LOCK_WAIT) -> Iterator[Path]:
    """Write a complete set of files into ``out`` in one step.

    Parameters
    ----------
    out
        The output folder; created if missing, its parents too.
    wait
        Seconds to wait for another run writing into the same folder (see :func:`hold_lock`).

    Yields
    ------
    Path
        A new empty folder beside ``out``; write every file of the set into it.
        When the ``with`` block ends normally the folder becomes ``out`` (see the
        module notes); when it raises, the folder is removed and ``out`` is unchanged.

    Raises
    ------
    OutputError
        If ``out`` names a file, another run holds the folder too long, or the
        switch fails (a file open in another program on Windows; the message names it).
    """
    target = check_output_folder(out).absolute()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _output_error(exc, target.parent) from exc
    with hold_lock(target, wait=wait):
        reach_stage("locked")
        try:
            recover_folder(target)
            new = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
        except OSError as exc:
            raise _output_error(exc, target) from exc
        try:
            yield new
            reach_stage("written")
            _carry_over(target, new)
            os.chmod(new, 0o777 & ~_current_umask())  # mkdtemp makes 0700; give the usual folder mode
            reach_stage("carried")
            _switch(target, new)
            _sync_folder(target.parent)
        except OSError as exc:
            shutil.rmtree(new, ignore_errors=True)
            raise _output_error(exc, target) from exc
        except BaseException:
            shutil.rmtree(new, ignore_errors=True)
            raise
        reach_stage("done")


# --------------------------------------------------------------------------- csv cells

#: First characters that make Excel, WPS or LibreOffice read a csv cell as a formula (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
#: Control characters no spreadsheet cell can hold (tab, line feed and carriage return are kept).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def clean_cell_text(text: str) -> str:
    """``text`` without the control characters (NUL included) a spreadsheet cell cannot hold.

    The same cleaning is used for csv and xlsx outputs, so both show the same text.
    """
    return CONTROL_CHARACTERS.sub("", text)


def neutralise_csv_cell(text: str) -> str:
    """A csv cell that no spreadsheet runs as a formula, reading the same to a person.

    Parameters
    ----------
    text
        The cell as it should read.

    Returns
    -------
    str
        ``text`` cleaned of control characters (:func:`clean_cell_text`); when it
        starts (after spaces) with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
        return and is not a plain number (``-1.25`` stays a number), a single
        quote is put in front, as OWASP advises. Excel and WPS treat a leading
        ``'`` as the mark of a text cell; :func:`restore_csv_cell` removes it again
        (a text that itself starts with ``'`` before such a character gets one more).
    """
    text = clean_cell_text(text)
    return "'" + text if _runs_as_formula(text) else text


def _runs_as_formula(text: str) -> bool:
    """Whether ``text``, with any leading quotes removed, starts like a formula (and is not a plain number)."""
    core = text.lstrip("'").lstrip(" ")
    return core.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(core)


def restore_csv_cell(text: str) -> str:
    """Undo :func:`neutralise_csv_cell`: ``'=x`` → ``=x`` (any other text is returned as is)."""
    if text.startswith("'") and _runs_as_formula(text[1:]):
        return text[1:]
    return text


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """A csv file as the project writes every csv: UTF-8 with BOM, ``\\r\\n``, cells neutralised.

    Every cell goes through :func:`neutralise_csv_cell`, so no csv the project
    writes can run a formula when opened in Excel or WPS.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralise_csv_cell(str(cell)) for cell in header])
    writer.writerows([neutralise_csv_cell("" if cell is None else str(cell)) for cell in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")
