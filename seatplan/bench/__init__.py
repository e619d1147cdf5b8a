"""Benchmarks: run the benchmark scenarios and report time, memory and solver figures.

``seatplan bench [NAME ...] [--json] [--quick]`` (or ``python -m seatplan.bench``)
runs named scenarios — all of them when no name is given, the fast set with
``--quick`` — and prints one row per scenario: size, median seconds, peak memory,
solver status, objective, bound and gap, and the same figures for the
scenario's baseline, measured in the same run on the same machine.

How figures are measured
------------------------
* **Isolation.** Every scenario runs in a fresh Python process, once for
  seatplan and once more for its baseline, so neither the memory nor the warm
  caches of one measurement leak into another.
* **seconds** is the median wall-clock time (``time.perf_counter``) of the
  timed call over several repeats: 5 when one call takes under a second, else 3,
  1 with ``--quick`` (or ``--repeats N``). A first call under a second is a
  warm-up and not counted (it pays for lazy imports); calls shorter than 10 ms
  are looped (as ``timeit`` does) and the time per call is reported. Building the instance
  (generating people and seats, writing input files) is not timed; what is timed
  is said per scenario in ``benchmarks/README.md``.
* **peak_mb** is the peak resident set size of that worker process: on Linux
  its ``VmHWM`` (``/proc/self/status``, the high-water mark of the worker's own
  address space), read by the worker after its last call; elsewhere the
  ``ru_maxrss`` of that one child, which the parent gets from ``os.wait4``.
  ``resource.getrusage(RUSAGE_CHILDREN)`` is not used: it is the maximum over
  *all* children waited for so far, so one large scenario would mask every
  smaller one after it. Linux's ``ru_maxrss`` is not used where ``VmHWM``
  exists: it keeps the parent's peak from before ``exec``, so every worker would
  weigh at least as much as the harness. ``tracemalloc`` is not used either: it
  sees Python allocations only, not OR-Tools' or shapely's. The figure includes
  the interpreter and the imported libraries; ``base_mb`` (JSON only) is the
  worker's peak after building the instance, before the first timed call.
* **ratio** is ``baseline_seconds / seconds``: how many times faster seatplan
  is than the baseline (below 1: slower).
* Seeds are fixed (``--seed`` overrides the scenarios' own), so repeated runs
  build the same instances.

Scenarios
---------
The scenarios ship with the package (``seatplan/bench/``), so ``seatplan bench``
works from an installed wheel as well as from the checkout; each is one entry in
:data:`seatplan.bench.catalogue.SCENARIOS`. ``benchmarks/README.md`` documents
them and keeps the latest results. A builder takes keyword arguments ``seed``
and ``quick`` (each optional) and returns a :class:`Case`; a
:class:`~seatplan.model.SeatingProblem` or a :class:`~seatplan.model.Meeting` is
accepted too (solved with :func:`seatplan.solve.solve` and checked with
:func:`seatplan.check.check_plan`).

Scenarios of one's own: set the environment variable ``SEATPLAN_BENCHMARKS`` to
a folder of Python files, each with a mapping ``SCENARIOS`` (name → builder) and
optionally a tuple ``QUICK`` of names; they run after the built-in ones.

A scenario that cannot be built (a builder raising :class:`Unavailable`, a
module that does not import) is reported as ``unavailable: <reason>`` and makes
the exit status 1, never a crash and never a silent success.
"""

from __future__ import annotations

import argparse
import importlib.util
import inspect
import json
import logging
import math
import os
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from types import ModuleType
from typing import Any, TextIO

__all__ = [
    "Case",
    "REQUIRED_KEYS",
    "Role",
    "Unavailable",
    "extra_dir",
    "configure_parser",
    "format_table",
    "main",
    "run_benchmarks",
    "run_command",
    "scenario_names",
]

#: Keys every result row (and every ``--json`` line) carries.
REQUIRED_KEYS: tuple[str, ...] = (
    "scenario",
    "attendees",
    "seats",
    "seconds",
    "peak_mb",
    "status",
    "objective",
    "bound",
    "gap",
    "baseline",
    "baseline_seconds",
    "baseline_objective",
    "ratio",
)

#: Seconds a worker may run before it is stopped and the scenario reported as an error.
DEFAULT_TIMEOUT = 1800.0

#: Timed calls shorter than this are looped; the time per call is reported.
_LOOP_BELOW = 0.01
_LOOP_TARGET = 0.05


class Role(StrEnum):
    """What a worker process measures."""

    MAIN = "main"  # seatplan's own run
    BASELINE = "baseline"  # the scenario's baseline


class Unavailable(Exception):
    """Raised by a builder when its scenario cannot be built with this version."""


@dataclass(frozen=True)
class Case:
    """A built scenario: what to time, and what to compare it with.

    Parameters
    ----------
    run
        The timed call (seatplan). Returns a mapping with any of ``status``,
        ``objective``, ``bound``, ``gap``, ``attendees``, ``seats``, ``note``, or a
        result object with ``status``/``objective``/``bound``/``gap`` attributes.
        It raises (``AssertionError``...) when the output fails its check; the
        scenario is then reported as an error.
    attendees, seats
        Size of the instance (a run's outcome may also report them).
    baseline
        The timed call of the baseline, same conventions; ``None`` for none.
    baseline_name
        Short name of the baseline (shown in the ``baseline`` column).
    note
        What the scenario could not use in this version, or other remarks.
    """

    run: Callable[[], Any]
    attendees: int | None = None
    seats: int | None = None
    baseline: Callable[[], Any] | None = None
    baseline_name: str = ""
    note: str = ""


# --------------------------------------------------------------------------------------
# locating scenarios
# --------------------------------------------------------------------------------------


def extra_dir() -> Path | None:
    """The folder of one's own scenario modules (``$SEATPLAN_BENCHMARKS``), or ``None``."""
    env = os.environ.get("SEATPLAN_BENCHMARKS")
    return Path(env) if env else None


def _module_key(path: Path) -> str:
    """``sys.modules`` name of a scenario file (two folders never share a module)."""
    import hashlib

    folder = hashlib.sha1(str(path.resolve().parent).encode()).hexdigest()[:8]
    return f"seatplan_benchmarks_{folder}_{path.stem}"


def _load_module(path: Path) -> ModuleType:
    """Import a scenario module by file path (its folder goes on ``sys.path`` for sibling imports)."""
    folder = str(path.parent)
    if folder not in sys.path:
        sys.path.insert(0, folder)
    name = _module_key(path)
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise Unavailable(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    return module


def _extra_scenarios() -> tuple[dict[str, Callable[..., Any]], set[str]]:
    """Builders and quick names of the modules in :func:`extra_dir` (a module that fails to import offers none)."""
    builders: dict[str, Callable[..., Any]] = {}
    quick: set[str] = set()
    folder = extra_dir()
    if folder is None or not folder.is_dir():
        return builders, quick
    for path in sorted(folder.glob("*.py")):
        if path.name.startswith("_"):
            continue
        try:
            module = _load_module(path)
        except Exception:
            continue
        scenarios = getattr(module, "SCENARIOS", None)
        if isinstance(scenarios, Mapping):
            builders.update({str(k): v for k, v in scenarios.items() if str(k) not in builders})
        quick.update(str(n) for n in getattr(module, "QUICK", ()))
    return builders, quick


def scenario_names(*, quick: bool = False) -> list[str]:
    """Every scenario name in report order (or the ``--quick`` set).

    The built-in scenarios (:data:`seatplan.bench.catalogue.SCENARIOS`) come
    first, then those of the modules in ``$SEATPLAN_BENCHMARKS``.
    """
    from seatplan.bench.catalogue import SCENARIOS

    extra, extra_quick = _extra_scenarios()
    names = [s.name for s in SCENARIOS if s.quick or not quick]
    names += [n for n in extra if n not in names and (n in extra_quick or not quick)]
    return names


def _find_builder(name: str) -> Callable[..., Any]:
    """The builder of scenario ``name``; :class:`Unavailable` with the reason if there is none."""
    from seatplan.bench.catalogue import SCENARIOS

    for scenario in SCENARIOS:
        if scenario.name == name:
            return scenario.load()
    extra, _ = _extra_scenarios()
    if name in extra:
        return extra[name]
    raise Unavailable(f"no scenario {name!r} in seatplan.bench.catalogue or $SEATPLAN_BENCHMARKS")


def _call_builder(builder: Callable[..., Any], *, seed: int | None, quick: bool) -> Any:
    try:
        params = inspect.signature(builder).parameters
    except (TypeError, ValueError):
        params = {}  # type: ignore[assignment]
    kwargs: dict[str, Any] = {}
    any_kw = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())
    if seed is not None and ("seed" in params or any_kw):
        kwargs["seed"] = seed
    if "quick" in params or any_kw:
        kwargs["quick"] = quick
    return builder(**kwargs)


def _as_case(value: Any) -> Case:
    """Turn what a builder returned into a :class:`Case`."""
    if isinstance(value, Case):
        return value
    if isinstance(value, Mapping) and callable(value.get("run")):
        return Case(**{k: v for k, v in value.items() if k in Case.__dataclass_fields__})
    if callable(getattr(value, "run", None)) and not hasattr(value, "zones"):
        return Case(
            run=value.run,
            attendees=getattr(value, "attendees", None),
            seats=getattr(value, "seats", None),
            baseline=getattr(value, "baseline", None),
            baseline_name=getattr(value, "baseline_name", "") or "",
            note=getattr(value, "note", "") or "",
        )
    from seatplan.model import Meeting, SeatingProblem

    if isinstance(value, Meeting):
        meeting = value

        def run_meeting() -> dict[str, Any]:
            from seatplan.pipeline import build_problem

            return _solve_and_check(build_problem(meeting))

        return Case(run=run_meeting, attendees=len(meeting.attendees))
    if isinstance(value, SeatingProblem):
        problem = value
        return Case(run=lambda: _solve_and_check(problem), attendees=len(problem.attendees), seats=len(problem.seats))
    raise Unavailable(f"the builder returned {type(value).__name__}, not a Case, SeatingProblem or Meeting")


def _solve_and_check(problem: Any) -> dict[str, Any]:
    """Solve a SeatingProblem with seatplan's solver and check the plan independently."""
    from seatplan.check import check_plan
    from seatplan.solve import solve

    result = solve(problem)
    if result.plan is not None:
        violations = check_plan(problem, result.plan)
        if violations:
            raise AssertionError(f"check_plan: {len(violations)} violations, first: {violations[0].message}")
    return {
        "status": str(result.status),
        "objective": result.objective,
        "bound": result.bound,
        "gap": result.gap,
        "attendees": len(problem.attendees),
        "seats": len(problem.seats),
    }


# --------------------------------------------------------------------------------------
# the worker (one fresh process per scenario and role)
# --------------------------------------------------------------------------------------


def _outcome(value: Any) -> dict[str, Any]:
    """Normalise what a timed call returned."""
    if value is None:
        return {}
    if isinstance(value, Mapping):
        out = dict(value)
    else:
        out = {k: getattr(value, k) for k in ("status", "objective", "bound", "gap") if hasattr(value, k)}
    if "status" in out and out["status"] is not None:
        out["status"] = str(out["status"])
    for key in ("objective", "bound", "gap"):
        v = out.get(key)
        if isinstance(v, float) and not math.isfinite(v):
            out[key] = None
        elif isinstance(v, float) and v.is_integer() and key != "gap":
            out[key] = int(v)
    return out


def _peak_mb() -> float | None:
    """Peak resident set size of this process's own address space, in MB (Linux ``VmHWM``).

    ``None`` where ``/proc/self/status`` does not exist; the parent then uses the
    child's ``ru_maxrss``.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _time_calls(fn: Callable[[], Any], *, repeats: int | None, quick: bool) -> tuple[list[float], int, Any]:
    """Times of ``fn`` (seconds per call), the loop count and the outcome of the median run.

    The first call sizes the measurement. When it takes under a second it is a
    warm-up only (it pays for lazy imports and cold caches) and ``repeats``
    further calls are timed: 5 by default, 1 with ``quick``; calls under 10 ms
    are looped. A first call of a second or more counts as the first of 3 (1
    with ``quick``).
    """
    started = time.perf_counter()
    outcome = fn()
    first = time.perf_counter() - started
    short = first < 1.0
    if repeats is None:
        repeats = 1 if quick else (5 if short else 3)
    loops = min(10_000, max(1, math.ceil(_LOOP_TARGET / max(first, 1e-7)))) if first < _LOOP_BELOW else 1
    times: list[float] = [] if short else [first]
    outcomes: list[Any] = [] if short else [outcome]
    while len(times) < repeats:
        t0 = time.perf_counter()
        for _ in range(loops):
            outcome = fn()
        times.append((time.perf_counter() - t0) / loops)
        outcomes.append(outcome)
    median = statistics.median(times)
    closest = min(range(len(times)), key=lambda i: abs(times[i] - median))
    return times, loops, outcomes[closest]


def _worker(name: str, role: Role, *, seed: int | None, quick: bool, repeats: int | None) -> dict[str, Any]:
    """Build scenario ``name`` and time its ``role`` call; never raises."""
    out: dict[str, Any] = {"scenario": name, "role": str(role)}
    try:
        builder = _find_builder(name)
        case = _as_case(_call_builder(builder, seed=seed, quick=quick))
    except (Unavailable, ImportError, NotImplementedError) as exc:
        out["status"] = f"unavailable: {exc}"
        return out
    except Exception as exc:
        out["status"] = f"error: building failed: {type(exc).__name__}: {exc}"
        return out
    out.update(attendees=case.attendees, seats=case.seats, note=case.note, baseline=case.baseline_name or None)
    fn = case.run if role is Role.MAIN else case.baseline
    if fn is None:
        out["status"] = "none"
        return out
    out["base_mb"] = _peak_mb()
    try:
        times, loops, outcome = _time_calls(fn, repeats=repeats, quick=quick)
    except Exception as exc:
        out["status"] = f"error: {type(exc).__name__}: {exc}"
        return out
    result = _outcome(outcome)
    out["peak_mb"] = _peak_mb()
    out["seconds"] = statistics.median(times)
    out["runs"] = [round(t, 6) for t in times]
    out["loops"] = loops
    out["status"] = result.get("status") or "OK"
    for key in ("objective", "bound", "gap"):
        out[key] = result.get(key)
    for key in ("attendees", "seats"):
        if result.get(key) is not None:
            out[key] = result[key]
    if result.get("note"):
        out["note"] = "; ".join(n for n in (out.get("note"), result["note"]) if n)
    return out


# --------------------------------------------------------------------------------------
# the parent: spawn workers, collect rows
# --------------------------------------------------------------------------------------


def _spawn(args: Sequence[str], *, timeout: float) -> tuple[dict[str, Any] | None, float | None, str]:
    """Run one worker; return its JSON report, its peak RSS in MB and its stderr tail."""
    cmd = [sys.executable, "-m", "seatplan.bench", *args]
    env = dict(os.environ)
    env.setdefault("PYTHONHASHSEED", "0")
    env["PYTHONIOENCODING"] = "utf-8"  # the report may name people in Chinese, whatever the console's code page
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8", env=env)
    err_chunks: list[str] = []
    reader = threading.Thread(target=lambda: err_chunks.append(proc.stderr.read() if proc.stderr else ""), daemon=True)
    reader.start()
    killer = threading.Timer(timeout, proc.kill)
    killer.start()
    try:
        stdout = proc.stdout.read() if proc.stdout else ""
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    finally:
        killer.cancel()
        reader.join(timeout=5)
    peak = usage.ru_maxrss / (1024 * 1024) if sys.platform == "darwin" else usage.ru_maxrss / 1024
    stderr = "".join(err_chunks).strip()
    report = None
    for line in reversed(stdout.splitlines()):
        line = line.strip()
        if line.startswith("{"):
            try:
                report = json.loads(line)
                break
            except json.JSONDecodeError:
                continue
    if report is None:
        reason = "timed out" if proc.returncode and proc.returncode < 0 else f"exit status {proc.returncode}"
        tail = stderr.splitlines()[-1] if stderr else "no output"
        return None, peak, f"{reason}: {tail}"
    return report, peak, stderr


def _worker_args(name: str, role: Role, *, seed: int | None, quick: bool, repeats: int | None) -> list[str]:
    args = ["--worker", name, "--role", str(role)]
    if seed is not None:
        args += ["--seed", str(seed)]
    if quick:
        args.append("--quick")
    if repeats is not None:
        args += ["--repeats", str(repeats)]
    return args


def _row(name: str, main: dict[str, Any], main_peak: float | None, base: dict[str, Any] | None, base_peak: float | None, *, quick: bool, seed: int | None) -> dict[str, Any]:
    status = str(main.get("status", "error: no report"))
    measured = not status.startswith(("unavailable", "error"))
    row: dict[str, Any] = {
        "scenario": name,
        "attendees": main.get("attendees"),
        "seats": main.get("seats"),
        "seconds": main.get("seconds") if measured else None,
        "peak_mb": round(main_peak, 1) if measured and main_peak is not None else None,
        "status": status,
        "objective": main.get("objective"),
        "bound": main.get("bound"),
        "gap": main.get("gap"),
        "baseline": None,
        "baseline_seconds": None,
        "baseline_objective": None,
        "ratio": None,
    }
    if base is not None and str(base.get("status")) != "none" and main.get("baseline"):
        bstatus = str(base.get("status"))
        row["baseline"] = main.get("baseline")
        row["baseline_status"] = bstatus
        if not bstatus.startswith(("unavailable", "error")):
            row["baseline_seconds"] = base.get("seconds")
            row["baseline_objective"] = base.get("objective")
            row["baseline_peak_mb"] = round(base_peak, 1) if base_peak is not None else None
            if row["seconds"] and row["baseline_seconds"]:
                row["ratio"] = row["baseline_seconds"] / row["seconds"]
    row["repeats"] = len(main.get("runs", [])) or None
    row["loops"] = main.get("loops")
    row["base_mb"] = round(main["base_mb"], 1) if main.get("base_mb") else None
    row["note"] = main.get("note") or ""
    row["quick"] = quick
    row["seed"] = seed
    return row


def run_benchmarks(
    names: Sequence[str] | None = None,
    *,
    json_lines: bool = False,
    quick: bool = False,
    repeats: int | None = None,
    seed: int | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    markdown: bool = False,
    out: TextIO | None = None,
) -> list[dict[str, Any]]:
    """Run scenarios, each in fresh worker processes, and print their rows as they finish.

    Parameters
    ----------
    names
        Scenario names; empty or ``None`` = all (with ``quick``: the quick set).
    json_lines
        Print one JSON object per scenario (keys :data:`REQUIRED_KEYS` and more)
        instead of a table.
    quick
        One repeat per figure (and the scenarios' short time limits).
    repeats
        Fixed number of repeats per figure (default: 5 under a second, else 3).
    seed
        Override the scenarios' own fixed seeds.
    timeout
        Seconds after which a worker is stopped (reported as an error).
    markdown
        Print a Markdown table (for ``benchmarks/README.md``) instead.
    out
        Where to print (default standard output).

    Returns
    -------
    list of dict
        One row per scenario, in the order asked.

    Raises
    ------
    ValidationError
        If a name is not a known scenario.
    """
    from seatplan.errors import Location, ValidationError

    stream = out if out is not None else sys.stdout
    known = scenario_names()
    chosen = list(names) if names else scenario_names(quick=quick)
    unknown = [n for n in chosen if n not in known]
    if unknown:
        raise ValidationError(
            f"unknown benchmark scenario {unknown[0]!r}",
            location=Location(field="NAME", value=unknown[0]),
            hint=f"use one of: {', '.join(known)}",
        )
    rows: list[dict[str, Any]] = []
    if not json_lines:
        _print_header(stream, markdown=markdown)
    from seatplan.progress import timed_step

    log = logging.getLogger(__name__)
    for k, name in enumerate(chosen, start=1):
        with timed_step(log, f"bench {name} ({k}/{len(chosen)})"):
            row = _run_scenario(name, seed=seed, quick=quick, repeats=repeats, timeout=timeout)
        rows.append(row)
        if json_lines:
            print(json.dumps(row, ensure_ascii=False, sort_keys=False), file=stream, flush=True)
        else:
            print(_format_row(row, markdown=markdown), file=stream, flush=True)
    if not json_lines:
        notes = [(r["scenario"], r["note"]) for r in rows if r.get("note")]
        for scenario, note in notes:
            print(f"{'- ' if markdown else '  '}{scenario}: {note}", file=stream)
    return rows


def _run_scenario(name: str, *, seed: int | None, quick: bool, repeats: int | None, timeout: float) -> dict[str, Any]:
    """One result row: the scenario's worker, then its baseline's worker if it has one."""
    report, peak, err = _spawn(_worker_args(name, Role.MAIN, seed=seed, quick=quick, repeats=repeats), timeout=timeout)
    main: dict[str, Any] = report if report is not None else {"status": f"error: worker failed ({err})"}
    peak = main.get("peak_mb") or peak
    base: dict[str, Any] | None = None
    base_peak = None
    measured = not str(main.get("status", "")).startswith(("unavailable", "error"))
    if measured and main.get("baseline"):
        report_b, base_peak, err_b = _spawn(
            _worker_args(name, Role.BASELINE, seed=seed, quick=quick, repeats=repeats), timeout=timeout
        )
        base = report_b if report_b is not None else {"status": f"error: worker failed ({err_b})"}
        base_peak = base.get("peak_mb") or base_peak
    return _row(name, main, peak, base, base_peak, quick=quick, seed=seed)


# --------------------------------------------------------------------------------------
# printing
# --------------------------------------------------------------------------------------

_COLUMNS: tuple[tuple[str, str, int], ...] = (
    # key, header, width
    ("scenario", "scenario", 16),
    ("attendees", "attendees", 9),
    ("seats", "seats", 6),
    ("seconds", "seconds", 9),
    ("peak_mb", "peak_mb", 7),
    ("status", "status", 11),
    ("objective", "objective", 9),
    ("bound", "bound", 9),
    ("gap", "gap", 7),
    ("baseline", "baseline", 16),
    ("baseline_seconds", "baseline_seconds", 16),
    ("baseline_objective", "baseline_objective", 18),
    ("ratio", "ratio", 7),
)


def _cell(key: str, value: Any) -> str:
    if value is None:
        return "-"
    if key in ("seconds", "baseline_seconds"):
        return f"{value:.3g}" if value >= 0.001 else f"{value:.2e}"
    if key == "peak_mb":
        return f"{value:.0f}"
    if key == "gap":
        return f"{value:.2%}" if value else "0"
    if key == "ratio":
        return f"{value:.3g}"
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)


def _format_row(row: Mapping[str, Any], *, markdown: bool = False) -> str:
    cells = [_cell(k, row.get(k)) for k, _, _ in _COLUMNS]
    if markdown:
        return "| " + " | ".join(c.replace("|", "/") for c in cells) + " |"
    status = cells[5]
    if len(status) > 11:  # long 'unavailable: …' / 'error: …' texts go last, unclipped
        cells[5] = status.split(":")[0]
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, (_, _, w)) in enumerate(zip(cells, _COLUMNS))) + f"  ({status})"
    return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, (_, _, w)) in enumerate(zip(cells, _COLUMNS)))


def _print_header(stream: TextIO, *, markdown: bool) -> None:
    if markdown:
        print("| " + " | ".join(h for _, h, _ in _COLUMNS) + " |", file=stream)
        print("|" + "|".join("---" for _ in _COLUMNS) + "|", file=stream)
        return
    print("  ".join(h.ljust(w) if i == 0 else h.rjust(w) for i, (_, h, w) in enumerate(_COLUMNS)), file=stream)


def format_table(rows: Iterable[Mapping[str, Any]], *, markdown: bool = False) -> str:
    """Rows as the table ``seatplan bench`` prints (or as Markdown)."""
    import io

    buf = io.StringIO()
    _print_header(buf, markdown=markdown)
    for row in rows:
        print(_format_row(row, markdown=markdown), file=buf)
    return buf.getvalue()


# --------------------------------------------------------------------------------------
# command line
# --------------------------------------------------------------------------------------


def configure_parser(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add the ``bench`` arguments to ``parser`` (used by ``seatplan bench`` and ``python -m seatplan.bench``)."""
    parser.add_argument("names", nargs="*", metavar="NAME", help="scenarios to run (default: all; --list shows them)")
    parser.add_argument("--json", action="store_true", help="one JSON object per line instead of a table")
    parser.add_argument("--quick", action="store_true", help="the fast set (or the names given), one repeat each")
    parser.add_argument("--repeats", type=int, default=None, help="repeats per figure (default: 5 under 1 s, else 3)")
    parser.add_argument("--seed", type=int, default=None, help="override the scenarios' fixed seeds")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds before a worker is stopped")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table (for benchmarks/README.md)")
    parser.add_argument("--list", action="store_true", help="list the scenario names and exit")
    parser.add_argument("--worker", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--role", default=str(Role.MAIN), choices=[str(r) for r in Role], help=argparse.SUPPRESS)
    return parser


def run_command(args: argparse.Namespace) -> int:
    """Run ``seatplan bench`` from parsed arguments; return the exit status.

    0 when every scenario ran and passed its check; 1 when one failed (an error
    or a failed check) or could not be built (``unavailable``); 2 for an
    unknown name.
    """
    from seatplan.errors import SeatplanError

    if args.worker:
        report = _worker(args.worker, Role(args.role), seed=args.seed, quick=args.quick, repeats=args.repeats)
        print(json.dumps(report, ensure_ascii=False), flush=True)
        return 0
    if args.list:
        quick = set(scenario_names(quick=True))
        for name in scenario_names():
            print(f"{name}{'  (quick)' if name in quick else ''}")
        return 0
    if args.repeats is not None and args.repeats < 1:
        print("seatplan bench: error: --repeats must be at least 1", file=sys.stderr)
        return 2
    try:
        rows = run_benchmarks(
            args.names,
            json_lines=args.json,
            quick=args.quick,
            repeats=args.repeats,
            seed=args.seed,
            timeout=args.timeout,
            markdown=args.markdown,
        )
    except SeatplanError as exc:
        print(f"seatplan bench: error: {exc}", file=sys.stderr)
        return 2
    return 1 if any(str(r["status"]).startswith(("error", "unavailable")) for r in rows) else 0


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m seatplan.bench [NAME ...] [--json] [--quick] ...``; return the exit status."""
    parser = configure_parser(
        argparse.ArgumentParser(prog="seatplan bench", description="Run the benchmark scenarios (benchmarks/README.md).")
    )
    return run_command(parser.parse_args(argv))
