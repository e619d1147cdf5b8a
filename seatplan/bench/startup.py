"""Start-up: ``import seatplan`` in a fresh interpreter, against a bare interpreter in the same run.

The target is at most 0.3 s over bare Python (issue 13). The timed call starts
``python -c "import seatplan"``; the baseline starts ``python -c "pass"``; the
difference of the two medians is the import's own cost. The run also checks that
the import loaded none of the heavy libraries (they load when a function needs them).
"""

from __future__ import annotations

import subprocess
import sys
from typing import Any

from seatplan.bench import Case

__all__ = ["build_import_seatplan"]

#: Libraries ``import seatplan`` must not load.
HEAVY = ("matplotlib", "numpy", "ortools", "shapely", "fpdf", "openpyxl", "PIL", "pypinyin")

_PROBE = (
    "import sys, seatplan; "
    f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
)


def build_import_seatplan(*, seed: int | None = None, quick: bool = False) -> Case:
    """``import seatplan`` in a new process (target ≤ 0.3 s over ``python -c pass``)."""
    del seed, quick

    def run() -> dict[str, Any]:
        out = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True)
        loaded = out.stdout.split()
        if loaded:
            raise AssertionError(f"import seatplan loaded {', '.join(loaded)}")
        return {"status": "OK", "note": "heavy libraries loaded: none"}

    def baseline() -> dict[str, Any]:
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        return {"status": "OK"}

    return Case(run=run, baseline=baseline, baseline_name="python -c pass")
