"""The scenarios of ``seatplan bench``: one entry each, in report order.

Adding a scenario is one entry here: write a builder (keyword arguments ``seed``
and ``quick``, returns a :class:`seatplan.bench.Case`) in a module of this
package — ``scenarios.py`` for meetings, banquets and protocol, ``solver.py``
for solver scale, ``layout.py`` for layouts, or a new module — and name it
below as ``"module:function"``. The module is imported only in the worker
process that runs the scenario, so one scenario's imports never weigh on
another's memory figure. ``quick=True`` puts it in
the ``--quick`` set that ``make test`` runs (keep those to a few seconds each).
What each scenario builds, times and compares with is listed in
``benchmarks/README.md``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["SCENARIOS", "Scenario"]


@dataclass(frozen=True)
class Scenario:
    """A benchmark scenario: its name, its builder (``"module:function"`` in ``seatplan.bench``), whether ``--quick`` runs it."""

    name: str
    builder: str
    quick: bool = False

    def load(self) -> Callable[..., Any]:
        """Import and return the builder function."""
        module, _, function = self.builder.partition(":")
        builder: Callable[..., Any] = getattr(importlib.import_module(f"seatplan.bench.{module}"), function)
        return builder


SCENARIOS: tuple[Scenario, ...] = (
    Scenario("dais-9", "scenarios:build_dais_9", quick=True),
    Scenario("dais-25-3rows", "scenarios:build_dais_25_3rows", quick=True),
    Scenario("dais-51-4rows", "scenarios:build_dais_51_4rows", quick=True),
    Scenario("county-600", "scenarios:build_county_600", quick=True),
    Scenario("city-1200", "scenarios:build_city_1200"),
    Scenario("hall-3000-35", "scenarios:build_hall_3000_35"),
    Scenario("hall-10000-200", "solver:build_hall_10000_200"),
    Scenario("hall-30000-prop", "solver:build_hall_30000_prop", quick=True),
    Scenario("hall-100000-prop", "solver:build_hall_100000_prop"),
    Scenario("dense-400", "solver:build_dense_400"),
    Scenario("banquet-30", "scenarios:build_banquet_30", quick=True),
    Scenario("banquet-1000", "scenarios:build_banquet_1000", quick=True),
    Scenario("banquet-3000", "scenarios:build_banquet_3000"),
    Scenario("wedding-bp-5x4", "scenarios:build_wedding_bp_5x4", quick=True),
    Scenario("wedding-bp-2x10", "scenarios:build_wedding_bp_2x10", quick=True),
    Scenario("layout-great-hall", "layout:build_layout_great_hall"),
    Scenario("outputs-600", "outputs:build_outputs_600"),
    Scenario("outputs-10000", "outputs:build_outputs_10000"),
    Scenario("cards-1000", "outputs:build_cards_1000"),
    Scenario("import-seatplan", "startup:build_import_seatplan"),
)
