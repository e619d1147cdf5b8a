"""Affinity seating is reproducible byte for byte whatever the machine's load.

The search runs on deterministic budgets (annealing steps, CP-SAT work units,
rounds); the wall-clock ``time_limit`` is only a safety cap, and a run it cuts
short says so (warning and ``summary.json``). These tests slow the process down
(a clock that runs fast, a busy thread) and check that the seats do not move.
"""

from __future__ import annotations

import dataclasses
import importlib
import json
import shutil
import threading
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from seatplan.pipeline import run_plan_file
from seatplan.solve.table_assign import TableMethod, assign_tables, check_tables

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "banquet-affinity"
affinity_module = importlib.import_module("seatplan.solve.affinity")  # seatplan.solve is also a function


@contextmanager
def slowed(monkeypatch: pytest.MonkeyPatch, factor: float) -> Iterator[None]:
    """``time.perf_counter`` runs ``factor`` times fast and a thread keeps a core busy: a loaded machine."""
    real = time.perf_counter
    origin = real()
    monkeypatch.setattr(time, "perf_counter", lambda: origin + (real() - origin) * factor)
    stop = threading.Event()

    def spin() -> None:
        x = 0
        while not stop.is_set():
            x = (x * 31 + 7) % 1_000_003

    busy = threading.Thread(target=spin, daemon=True)
    busy.start()
    try:
        yield
    finally:
        stop.set()
        busy.join()
        monkeypatch.setattr(time, "perf_counter", real)


def _solve_example(tmp_path: Path, name: str) -> tuple[bytes, dict[str, object]]:
    folder = tmp_path / name
    shutil.copytree(EXAMPLE, folder)
    run_plan_file(folder / "plan.toml", folder / "out")
    summary = json.loads((folder / "out" / "summary.json").read_text(encoding="utf-8"))
    return (folder / "out" / "seats.csv").read_bytes(), summary


def test_example_seats_are_identical_on_a_loaded_machine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    quiet, summary = _solve_example(tmp_path, "quiet")
    with slowed(monkeypatch, 2.0):
        loaded, loaded_summary = _solve_example(tmp_path, "loaded")
    assert loaded == quiet
    assert summary["solver"]["notes"] == loaded_summary["solver"]["notes"] == []  # type: ignore[index]


def test_neighbourhood_search_ignores_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """The search for large plans used to anneal until the clock said stop: a slow clock changed the seats."""
    from seatplan.bench.scenarios import make_banquet_guests

    problem = make_banquet_guests(seed=7, guests=120, tables=12, groups=36, apart=24)
    first = assign_tables(problem, time_limit=30, method=TableMethod.NEIGHBOURHOOD, seed=2)
    with slowed(monkeypatch, 3.0):
        second = assign_tables(problem, time_limit=30, method=TableMethod.NEIGHBOURHOOD, seed=2)
    assert not first.capped and not second.capped
    assert second.table_of == first.table_of
    assert check_tables(problem, first.table_of) == []


def test_a_hit_cap_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    """A clock far too fast hits the cap: the result still keeps every rule and says it is machine-dependent."""
    from seatplan.bench.scenarios import make_banquet_guests

    problem = make_banquet_guests(seed=7, guests=120, tables=12, groups=36, apart=24)
    with slowed(monkeypatch, 1e6):
        result = assign_tables(problem, time_limit=5, method=TableMethod.NEIGHBOURHOOD, seed=2)
    assert result.capped
    assert check_tables(problem, result.table_of) == []


def test_a_capped_affinity_solve_is_a_warning_and_in_the_summary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = affinity_module.assign_tables

    def cut_short(*args: object, **kwargs: object) -> object:
        return dataclasses.replace(real(*args, **kwargs), capped=True)

    monkeypatch.setattr(affinity_module, "assign_tables", cut_short)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _, summary = _solve_example(tmp_path, "capped")
    notes = summary["solver"]["notes"]  # type: ignore[index]
    assert len(notes) == 1 and "time cap of 3 s" in notes[0] and "affinity.time_limit" in notes[0]
    assert any("time cap of 3 s" in str(w.message) for w in caught)
