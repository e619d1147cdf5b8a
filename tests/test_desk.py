"""The arrival desk (R-AUD-11): front to back in numbering order, named arrivals, crash safety."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from seatplan.desk import ArrivalDesk, desk_order, run_desk, seat_card_line
from seatplan.errors import ValidationError
from seatplan.model import Attendee, Layout, Seat, SeatingProblem, Venue, Zone
from seatplan.model.problem import Constraints
from tests.conftest import ROOT, write_small_meeting


def serpentine_hall(rows: int = 3, per_row: int = 4, *, people: int = 6, constraints: Constraints | None = None) -> SeatingProblem:
    """Rows numbered serpentine (R-AUD-10): row 1 is 1..4 left→right, row 2 is 8..5, row 3 is 9..12."""
    seats = []
    for r in range(1, rows + 1):
        for k in range(per_row):
            number = (r - 1) * per_row + (k + 1 if r % 2 else per_row - k)
            seats.append(Seat(f"r{r}s{k + 1}", "floor", r, number, x=0.55 * k, y=-0.9 * r))
    dais = [Seat("dais-1", "dais", 1, 1, x=1.0, y=3.0, facing=270.0), Seat("dais-2", "dais", 1, 2, x=2.0, y=3.0, facing=270.0)]
    folk = [Attendee(f"P{k}", f"代表{k}", unit="甲") for k in range(1, people + 1)]
    folk += [Attendee("S1", "王伟", unit="乙"), Attendee("S2", "王伟", unit="丙")]
    leaders = [Attendee("D1", "领导1", rank=1, section="dais"), Attendee("D2", "领导2", rank=2, section="dais")]
    zones = (Zone("dais", ("dais-1", "dais-2"), ("D1", "D2")), Zone("floor", tuple(s.id for s in seats), tuple(a.id for a in folk)))
    return SeatingProblem(Layout(Venue.rectangle(10, 10), tuple(dais + seats)), tuple(leaders + folk), zones, constraints=constraints or Constraints())


def test_t14_serpentine_front_to_back(tmp_path: Path) -> None:
    problem = serpentine_hall()
    desk = ArrivalDesk(problem, tmp_path / "state.json")
    lines = [desk.arrive("").line for _ in range(6)]
    # seats 1–4 (row 1), then 5, 6 from the right end of row 2 (golden vector T14)
    assert lines == ["第1排 1号", "第1排 2号", "第1排 3号", "第1排 4号", "第2排 5号", "第2排 6号"]
    seats = [a["seat"] for a in json.loads((tmp_path / "state.json").read_text(encoding="utf-8"))["arrivals"]]
    assert seats == ["r1s1", "r1s2", "r1s3", "r1s4", "r2s4", "r2s3"]


def test_named_arrivals(tmp_path: Path) -> None:
    desk = ArrivalDesk(serpentine_hall(), tmp_path / "state.json")
    first = desk.arrive("代表3")
    assert first.line == "第1排 1号（代表3）" and first.who == "P3"
    again = desk.arrive("P3")
    assert again.again and again.seat == first.seat and "已领" in again.line
    assert desk.arrive("领导2").line == "主席台 第1排 2号（领导2）"
    assert desk.arrive("无名氏").line == "第1排 2号（无名氏，名单外）"
    ambiguous = desk.arrive("王伟")
    assert ambiguous.seat == "" and "S1" in ambiguous.line and "S2" in ambiguous.line
    assert desk.arrive("S2").seat == "r1s3"
    assert desk.free == 12 - 3


def test_reserved_and_pinned_seats_are_not_handed(tmp_path: Path) -> None:
    problem = serpentine_hall(constraints=Constraints(reserved=frozenset({"r1s2"}), pins={"P6": "r1s1"}))
    assert desk_order(problem)[:3] == ["r1s3", "r1s4", "r2s4"]
    desk = ArrivalDesk(problem, tmp_path / "s.json")
    assert desk.arrive("").seat == "r1s3"
    assert desk.arrive("代表6").seat == "r1s1"


def test_full_hall(tmp_path: Path) -> None:
    desk = ArrivalDesk(serpentine_hall(rows=1, per_row=2), tmp_path / "s.json")
    assert [desk.arrive("").seat for _ in range(3)] == ["r1s1", "r1s2", ""]


def test_restart_resumes(tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    problem = serpentine_hall()
    first = ArrivalDesk(problem, state)
    handed = [first.arrive(t).seat for t in ("", "代表1", "")]
    second = ArrivalDesk(problem, state)
    assert second.arrive("代表1").again
    handed += [second.arrive("").seat for _ in range(2)]
    assert handed == ["r1s1", "r1s2", "r1s3", "r1s4", "r2s4"]


def test_crash_while_writing_keeps_the_last_good_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    state = tmp_path / "state.json"
    problem = serpentine_hall()
    desk = ArrivalDesk(problem, state)
    assert [desk.arrive("").seat for _ in range(2)] == ["r1s1", "r1s2"]
    real_replace = os.replace

    def crash(src: str, dst: str) -> None:
        raise OSError("power cut between writing the temporary file and replacing the state")

    monkeypatch.setattr("seatplan.desk.os.replace", crash)
    with pytest.raises(OSError, match="power cut"):
        desk.arrive("代表5")
    monkeypatch.setattr("seatplan.desk.os.replace", real_replace)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")], "the temporary file is removed"
    saved = json.loads(state.read_text(encoding="utf-8"))
    assert [a["seat"] for a in saved["arrivals"]] == ["r1s1", "r1s2"]  # the crashed arrival was never printed
    again = ArrivalDesk(problem, state)
    assert again.arrive("代表5").seat == "r1s3"  # handed now, once


def test_state_for_another_hall_is_refused(tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    ArrivalDesk(serpentine_hall(), state).arrive("")
    with pytest.raises(ValidationError, match="another hall"):
        ArrivalDesk(serpentine_hall(rows=2), state)
    state.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValidationError, match="cannot be read"):
        ArrivalDesk(serpentine_hall(), state)


def test_seat_card_lines() -> None:
    assert seat_card_line(Seat("a", "floor", 3, 12, 0, 0)) == "第3排 12号"
    assert seat_card_line(Seat("b", "balcony", 2, 5, 0, 0)) == "楼上 第2排 5号"
    assert seat_card_line(Seat("c", "dais", 1, 2, 0, 0, facing=270)) == "主席台 第1排 2号"


def test_run_desk_on_a_plan_file(tmp_path: Path) -> None:
    plan = write_small_meeting(tmp_path)
    out = io.StringIO()
    assert run_desk(plan, tmp_path / "desk.json", io.StringIO("\n甲单位2号\n领导1\n\n"), out) == 0
    lines = out.getvalue().splitlines()
    assert lines[0] == "第1排 1号" and lines[1] == "第1排 2号（甲单位2号）"
    assert lines[2].startswith("主席台 第1排 ") and lines[3] == "第1排 3号"


DESK_SCRIPT = """
import sys
from seatplan.desk import run_desk
sys.exit(run_desk(sys.argv[1], sys.argv[2], sys.stdin, sys.stdout))
"""


def _desk_process(plan: Path, state: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", DESK_SCRIPT, str(plan), str(state)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=env,
    )


def test_killed_between_two_arrivals_resumes_without_a_double_seat(tmp_path: Path) -> None:
    plan = write_small_meeting(tmp_path)
    state = tmp_path / "desk.json"
    proc = _desk_process(plan, state)
    assert proc.stdin is not None and proc.stdout is not None
    printed = []
    for name in ("", "甲单位2号", ""):
        proc.stdin.write(name + "\n")
        proc.stdin.flush()
        printed.append(proc.stdout.readline().strip())
    proc.send_signal(signal.SIGKILL)  # between two arrivals: no goodbye, no cleanup
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    proc = _desk_process(plan, state)
    output, _ = proc.communicate("甲单位2号\n\n\n", timeout=60)
    printed += output.splitlines()
    assert printed[:3] == ["第1排 1号", "第1排 2号（甲单位2号）", "第1排 3号"]
    assert printed[3] == "第1排 2号（甲单位2号，已领，同一座位）"
    assert printed[4:] == ["第1排 4号", "第1排 5号"]
    seats = [a["seat"] for a in json.loads(state.read_text(encoding="utf-8"))["arrivals"]]
    assert len(seats) == len(set(seats)) == 5
