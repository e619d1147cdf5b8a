"""The one CP-SAT factory: parameters set in one place, the search log behind a switch."""

from __future__ import annotations

import logging

import pytest

from seatplan.solve import log_search_progress
from seatplan.solve.cpsat import SolverSettings, make_solver, run_model, search_log_enabled


def test_settings_reach_the_solver() -> None:
    solver = make_solver(SolverSettings(seed=7, workers=2, time_limit=3.5, work_limit=9.0, interleave=True))
    p = solver.parameters
    assert (p.random_seed, p.num_workers, p.max_time_in_seconds, p.max_deterministic_time) == (7, 2, 3.5, 9.0)
    assert p.interleave_search and not p.log_search_progress
    one = make_solver(SolverSettings(workers=1, interleave=True)).parameters
    assert not one.interleave_search  # interleaving only means something with several workers


def test_search_log_goes_to_the_logger(caplog: pytest.LogCaptureFixture) -> None:
    from ortools.sat.python import cp_model

    model = cp_model.CpModel()
    x = model.new_int_var(0, 5, "x")
    model.maximize(x)
    log_search_progress(True)
    try:
        assert search_log_enabled()
        with caplog.at_level(logging.INFO, logger="seatplan.solve.cpsat"):
            solver, status = run_model(model, SolverSettings())
    finally:
        log_search_progress(False)
    assert status == cp_model.OPTIMAL and solver.value(x) == 5
    assert any("CP-SAT" in r.getMessage() or "#Done" in r.getMessage() for r in caplog.records)
    quiet = make_solver(SolverSettings())
    assert not quiet.parameters.log_search_progress
