"""Every case of the bad-input catalogue (tests/bad_catalogue.py): one clear message, exit status 2, nothing left behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from seatplan.cli import main
from tests.bad_catalogue import Case, cases

CASES = cases()


def test_the_catalogue_is_large_enough() -> None:
    assert len(CASES) >= 60
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_gives_one_clear_error(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case.build(tmp_path)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    status = main(["solve", str(tmp_path / "plan.toml"), "--out", str(tmp_path / case.argv_out)])
    captured = capsys.readouterr()
    assert status == 2, f"exit {status}; stderr: {captured.err}"
    errors = [line for line in captured.err.splitlines() if line.startswith("seatplan: error:")]
    assert len(errors) == 1, captured.err
    message = errors[0]
    assert "Traceback" not in captured.err
    for text in case.expect:
        assert text in message, f"{text!r} not in {message!r}"
    assert "Fix:" in message, message
    after = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    assert after == before, "the run left files behind"
