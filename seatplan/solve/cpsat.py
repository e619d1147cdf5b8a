"""The one place where CP-SAT solvers are made and run.

Every model of :mod:`seatplan.solve` is built as variables → constraints →
objective and handed to :func:`run_model` with a :class:`SolverSettings`; the
parameters (seed, workers, limits, deterministic interleaving, search log) are
set here and nowhere else.

The CP-SAT search log goes to the ``seatplan.solve.cpsat`` logger (level INFO)
when :func:`log_search_progress` switched it on (the command line's ``-v``) or a
:class:`SolverSettings` asks for it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ortools.sat.python import cp_model

__all__ = ["SolverSettings", "log_search_progress", "make_solver", "run_model", "search_log_enabled"]

LOGGER = logging.getLogger("seatplan.solve.cpsat")

_search_log = False


def log_search_progress(enabled: bool = True) -> None:
    """Send (or stop sending) CP-SAT's search log to the ``seatplan.solve.cpsat`` logger.

    Parameters
    ----------
    enabled
        True to log every later search (the command line's ``-v`` calls this).
    """
    global _search_log
    _search_log = bool(enabled)


def search_log_enabled() -> bool:
    """Whether :func:`log_search_progress` switched the search log on."""
    return _search_log


@dataclass(frozen=True)
class SolverSettings:
    """Parameters of one CP-SAT search.

    Parameters
    ----------
    seed
        CP-SAT's ``random_seed``.
    workers
        Search threads (``num_workers``); 1 gives the same answer on any machine.
    time_limit
        Wall-clock limit in seconds (``max_time_in_seconds``), ``None`` for none.
    work_limit
        Deterministic-time limit (``max_deterministic_time``, CP-SAT's work units),
        ``None`` for none.
    interleave
        With several workers, interleave them deterministically (``interleave_search``).
    log
        Log this search's progress; ``None`` follows :func:`log_search_progress`.
    """

    seed: int = 0
    workers: int = 1
    time_limit: float | None = None
    work_limit: float | None = None
    interleave: bool = False
    log: bool | None = None


def make_solver(settings: SolverSettings) -> cp_model.CpSolver:
    """A CP-SAT solver with ``settings`` applied (the only place parameters are set)."""
    from ortools.sat.python import cp_model

    solver = cp_model.CpSolver()
    p = solver.parameters
    p.random_seed = settings.seed
    p.num_workers = settings.workers
    if settings.workers > 1 and settings.interleave:
        p.interleave_search = True
    if settings.time_limit is not None:
        p.max_time_in_seconds = max(0.0, float(settings.time_limit))
    if settings.work_limit is not None:
        p.max_deterministic_time = float(settings.work_limit)
    if _search_log if settings.log is None else settings.log:
        p.log_search_progress = True
        p.log_to_stdout = False
        solver.log_callback = _log_line
    return solver


def run_model(model: cp_model.CpModel, settings: SolverSettings) -> tuple[cp_model.CpSolver, Any]:
    """Solve ``model`` with a solver made by :func:`make_solver`; returns the solver and its status."""
    solver = make_solver(settings)
    status = solver.solve(model)
    return solver, status


def _log_line(line: str) -> None:
    LOGGER.info("%s", line)
