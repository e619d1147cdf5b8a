"""End to end: `seatplan solve` and `seatplan demo`, outputs and error handling."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import pytest

from seatplan.cli import main
from seatplan.pipeline import OUTPUT_FILES
from seatplan.protocol import dais_order
from tests.conftest import write_small_meeting

HEADER = ["id", "name", "unit", "rank", "section", "row", "seat", "table", "x", "y"]


def read_seats(folder: Path) -> list[dict[str, str]]:
    raw = (folder / "seats.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "seats.csv must start with a UTF-8 BOM for Excel/WPS"
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][: len(HEADER)] == HEADER
    return [dict(zip(rows[0], r)) for r in rows[1:]]


def test_solve_writes_every_output(small_plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["solve", str(small_plan), "--out", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    for name in OUTPUT_FILES:
        assert (out / name).stat().st_size > 0, name
    seats = read_seats(out)
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["attendees"] == 26 == len(seats) == summary["seated"] + summary["unseated"]
    assert summary["unseated"] == 0 and summary["solver"]["status"] == "OPTIMAL"
    assert summary["seats"] == summary["seated"] + summary["empty_seats"]
    assert len({r["id"] for r in seats}) == 26
    dais = [r for r in seats if r["section"].startswith("dais")]
    assert len(dais) == 5 and all(r["table"] == "" for r in seats)
    assert not list(tmp_path.glob(".out.*")), "the temporary folder must be removed"


def test_outputs_are_deterministic(small_plan: Path, tmp_path: Path) -> None:
    digests = []
    for k in range(2):
        out = tmp_path / f"run{k}"
        assert main(["solve", str(small_plan), "--out", str(out)]) == 0
        summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
        summary["solver"]["seconds"] = 0
        digests.append(
            {n: hashlib.sha256((out / n).read_bytes()).hexdigest() for n in OUTPUT_FILES if n != "summary.json"}
            | {"summary": json.dumps(summary, sort_keys=True)}
        )
    assert digests[0] == digests[1]


@pytest.mark.parametrize("n", range(1, 13))
def test_dais_order_in_output(tmp_path: Path, n: int) -> None:
    plan = write_small_meeting(tmp_path, dais=n, dais_rows=str(n), floor=[("甲", 3)])
    out = tmp_path / "out"
    assert main(["solve", str(plan), "--out", str(out)]) == 0
    dais = sorted((r for r in read_seats(out) if r["section"] == "dais"), key=lambda r: float(r["x"]))
    # x grows to the audience's right: sorting by x gives the audience view (台下视角).
    assert [int(r["rank"]) for r in dais] == dais_order(n)
    assert [int(r["seat"]) for r in dais] == dais_order(n), "dais seats are numbered by precedence (1号 = No.1 seat)"


def test_floor_fills_front_to_back_by_unit(tmp_path: Path) -> None:
    units = [("甲单位", 7), ("乙单位", 15), ("丙单位", 9), ("丁单位", 4)]
    plan = write_small_meeting(tmp_path, floor=units, blocks="4, 6, 4")
    out = tmp_path / "out"
    assert main(["solve", str(plan), "--out", str(out)]) == 0
    floor = [r for r in read_seats(out) if r["section"] == "floor"]
    order = sorted(floor, key=lambda r: (int(r["row"]), float(r["x"])))
    # Reading the seats row by row, audience view left to right, gives the list order.
    assert [r["unit"] for r in order] == [u for u, c in units for _ in range(c)]
    assert [int(r["rank"]) for r in order] == [k for _, c in units for k in range(1, c + 1)]
    rows = [int(r["row"]) for r in order]
    assert rows == sorted(rows) and set(rows) == {1, 2, 3}
    assert sum(1 for r in rows if r == 1) == 14 and sum(1 for r in rows if r == 2) == 14


def test_demo(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    assert main(["demo", "--out", str(out)]) == 0
    assert (out / "input" / "plan.toml").is_file() and (out / "input" / "attendees.csv").is_file()
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["attendees"] == summary["seated"] == 610
    assert summary["sections"]["dais"]["seated"] == 15
    seats = read_seats(out)
    assert len({r["unit"] for r in seats if r["section"] == "floor"}) == 44


def _fails(argv: list[str], capsys: pytest.CaptureFixture[str], *needles: str) -> str:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("seatplan: error: ") and "Traceback" not in err
    for needle in needles:
        assert needle in err, (needle, err)
    return err


def test_error_missing_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _fails(["solve", str(tmp_path / "none.toml"), "--out", str(tmp_path / "o")], capsys, "none.toml", "file not found")
    assert not (tmp_path / "o").exists()


def test_error_bad_key(small_plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    small_plan.write_text(small_plan.read_text(encoding="utf-8").replace("blocks", "block"), encoding="utf-8")
    _fails(["solve", str(small_plan), "--out", str(tmp_path / "o")], capsys, "plan.toml", "floor.block", "blocks")
    assert not (tmp_path / "o").exists()


def test_error_row_without_name(small_plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv_path = small_plan.parent / "attendees.csv"
    csv_path.write_text(csv_path.read_text(encoding="utf-8").replace("甲单位2号", ""), encoding="utf-8")
    _fails(["solve", str(small_plan), "--out", str(tmp_path / "o")], capsys, "attendees.csv", "row 8", "姓名")
    assert not (tmp_path / "o").exists()


def test_error_too_many_people_keeps_old_outputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = write_small_meeting(tmp_path, floor=[("甲", 30)], blocks="4, 4", rows=3)
    out = tmp_path / "o"
    out.mkdir()
    (out / "seats.csv").write_text("old", encoding="utf-8")
    err = _fails(["solve", str(plan), "--out", str(out)], capsys, "plan.toml", "floor", "24 seats for 30", "甲25号", "row 31")
    assert "allow_unseated" in err
    assert (out / "seats.csv").read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in out.iterdir()) == ["seats.csv"]
    assert not list(tmp_path.glob(".o.*"))


def test_error_too_many_on_dais(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = write_small_meeting(tmp_path, dais=9, dais_rows="4, 3")
    _fails(["solve", str(plan), "--out", str(tmp_path / "o")], capsys, "dais", "7 seats for 9", "领导8")


def test_allow_unseated_reports_overflow(tmp_path: Path) -> None:
    plan = write_small_meeting(tmp_path, floor=[("甲", 30)], blocks="4, 4", rows=3, extra="")
    plan.write_text(plan.read_text(encoding="utf-8").replace('title = "测试会议"', 'title = "测试会议"\nallow_unseated = true'), encoding="utf-8")
    out = tmp_path / "o"
    assert main(["solve", str(plan), "--out", str(out)]) == 0
    unseated = list(csv.DictReader((out / "unseated.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert [u["name"] for u in unseated] == [f"甲{k}号" for k in range(25, 31)]
    assert all("24 seats for 30" in u["reason"] for u in unseated)
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert (summary["attendees"], summary["seated"], summary["unseated"]) == (35, 29, 6)


def test_error_unknown_zone(small_plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv_path = small_plan.parent / "attendees.csv"
    csv_path.write_text(csv_path.read_text(encoding="utf-8").replace("乙单位,,1,", "乙单位,,1,楼上"), encoding="utf-8")
    _fails(["solve", str(small_plan), "--out", str(tmp_path / "o")], capsys, "attendees.csv", "楼上")


def test_examples_solve(tmp_path: Path) -> None:
    examples = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*/plan.toml"))
    assert len(examples) >= 3
    for plan in examples:
        out = tmp_path / plan.parent.name
        assert main(["solve", str(plan), "--out", str(out)]) == 0, plan
        summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
        assert summary["attendees"] == summary["seated"] + summary["unseated"]


def test_county_example_is_the_demo(tmp_path: Path) -> None:
    from seatplan.demo import write_demo_inputs

    root = Path(__file__).resolve().parent.parent / "examples" / "county"
    write_demo_inputs(tmp_path)
    for name in ("plan.toml", "attendees.csv"):
        assert (tmp_path / name).read_bytes() == (root / name).read_bytes(), f"examples/county/{name} is stale: rerun write_demo_inputs"


def test_warnings_are_one_plain_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = Path(__file__).resolve().parent.parent / "examples" / "banquet"
    plan = tmp_path / "plan.toml"
    text = (root / "plan.toml").read_text(encoding="utf-8").replace("tables = 12", "tables = 13")
    plan.write_text(text.replace('attendees = "attendees.csv"', f'attendees = "{(root / "attendees.csv").as_posix()}"'), encoding="utf-8")
    assert main(["solve", str(plan), "--out", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert "seatplan: warning: R-BNQ-6: table 13 has no host" in err
    assert ".py:" not in err and "module.build" not in err
