"""``import seatplan`` is cheap: the public names load on first use and behave as if imported eagerly."""

from __future__ import annotations

import subprocess
import sys


def _run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def test_import_loads_no_layer_and_no_heavy_library() -> None:
    out = _run(
        "import sys, seatplan; "
        "print(sorted(m for m in sys.modules if m.startswith('seatplan.') or m.split('.')[0] in "
        "('numpy', 'matplotlib', 'ortools', 'shapely', 'fpdf', 'openpyxl', 'PIL', 'pypinyin')))"
    )
    assert out == "[]"


def test_every_public_name_resolves_and_solve_stays_the_function() -> None:
    import seatplan

    for name in seatplan.__all__:
        assert getattr(seatplan, name) is not None, name
    assert set(seatplan.__all__) <= set(dir(seatplan))
    out = _run(
        "import seatplan, seatplan.solve.engine, types; "
        "print(callable(seatplan.solve) and not isinstance(seatplan.solve, types.ModuleType), "
        "seatplan.protocol.__name__, seatplan.model.Attendee.__name__)"
    )
    assert out == "True seatplan.protocol Attendee"


def test_unknown_names_raise_attribute_error() -> None:
    import pytest

    import seatplan

    with pytest.raises(AttributeError, match="no_such_name"):
        _ = seatplan.no_such_name
    assert not hasattr(seatplan, "_private_thing")
