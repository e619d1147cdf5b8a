"""Test-run progress: one line per test file when its last test has finished.

``make test`` runs the suite in parallel (pytest-xdist), where a row of dots says
little; instead each file reports when done, with its count, outcome and the
test time it took, and how far the run is::

    tests/test_check.py                      31 passed              4.2 s   [12/50 files, 1:37]

Dots for passing tests are dropped (failures, skips and errors keep their
letter). With ``-v`` pytest prints a line per test and this plugin stays quiet.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable
from typing import Any

import pytest


class FileProgress:
    """Counts the tests of every file and prints a line when a file is complete."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.total: Counter[str] = Counter()
        self.done: Counter[str] = Counter()
        self.outcomes: dict[str, Counter[str]] = {}
        self.seconds: Counter[str] = Counter()
        self.files_done = 0
        self.started = time.monotonic()

    @staticmethod
    def file_of(nodeid: str) -> str:
        return nodeid.split("::", 1)[0]

    def expect(self, nodeids: Iterable[str]) -> None:
        if not self.total:  # every xdist worker collects the same tests: count them once
            self.total.update(self.file_of(n) for n in nodeids)

    @pytest.hookimpl(trylast=True)
    def pytest_collection_finish(self, session: pytest.Session) -> None:
        self.expect(item.nodeid for item in session.items)

    @pytest.hookimpl(optionalhook=True)
    def pytest_xdist_node_collection_finished(self, node: Any, ids: list[str]) -> None:
        self.expect(ids)

    @pytest.hookimpl(tryfirst=True)
    def pytest_report_teststatus(self, report: pytest.TestReport, config: pytest.Config) -> tuple[str, str, str] | None:
        if report.when == "call" and report.passed and not hasattr(report, "wasxfail"):
            return "passed", "", "PASSED"
        return None

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        name = self.file_of(report.nodeid)
        self.seconds[name] += report.duration
        outcomes = self.outcomes.setdefault(name, Counter())
        if report.failed:
            outcomes["error" if report.when != "call" else "failed"] += 1
        elif report.skipped and report.when in ("setup", "call"):
            outcomes["skipped"] += 1
        elif report.passed and report.when == "call":
            outcomes["passed"] += 1
        if report.when != "teardown":
            return
        self.done[name] += 1
        if self.done[name] == self.total.get(name, -1):
            self.files_done += 1
            self.report_file(name)

    def report_file(self, name: str) -> None:
        outcomes = self.outcomes.get(name, Counter())
        summary = ", ".join(f"{n} {kind}" for kind in ("failed", "error", "passed", "skipped") if (n := outcomes[kind]))
        elapsed = int(time.monotonic() - self.started)
        reporter = self.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line(
                f"{name:<44} {summary:<24} {self.seconds[name]:7.1f} s   "
                f"[{self.files_done}/{len(self.total)} files, {elapsed // 60}:{elapsed % 60:02d}]"
            )


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("verbose") <= 0 and not hasattr(config, "workerinput"):  # the xdist controller or a plain run
        config.pluginmanager.register(FileProgress(config), "seatplan-file-progress")
