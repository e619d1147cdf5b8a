"""The arrival desk: free seating front to back (R-AUD-11), assigned seating as printed, crash safety, two desks."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from seatplan.desk import (
    ArrivalDesk,
    DeskSeating,
    HandoutKind,
    desk_order,
    desk_seating,
    open_desk,
    run_desk,
    seat_card_line,
)
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
    folk += [Attendee("S1", "王伟", unit="乙", phone="13800000001"), Attendee("S2", "王伟", unit="丙")]
    leaders = [Attendee("D1", "领导1", rank=1, section="dais"), Attendee("D2", "领导2", rank=2, section="dais")]
    zones = (Zone("dais", ("dais-1", "dais-2"), ("D1", "D2")), Zone("floor", tuple(s.id for s in seats), tuple(a.id for a in folk)))
    return SeatingProblem(Layout(Venue.rectangle(10, 10), tuple(dais + seats)), tuple(leaders + folk), zones, constraints=constraints or Constraints())


def test_t14_serpentine_front_to_back(tmp_path: Path) -> None:
    problem = serpentine_hall()
    desk = ArrivalDesk(problem, tmp_path / "state.json")
    lines = [desk.arrive("").line for _ in range(6)]
    # seats 1–4 (row 1), then 5, 6 from the right end of row 2 (golden vector T14)
    assert lines == ["1排1号", "1排2号", "1排3号", "1排4号", "2排5号", "2排6号"]
    seats = [a["seat"] for a in json.loads((tmp_path / "state.json").read_text(encoding="utf-8"))["arrivals"]]
    assert seats == ["r1s1", "r1s2", "r1s3", "r1s4", "r2s4", "r2s3"]


def test_named_arrivals(tmp_path: Path) -> None:
    desk = ArrivalDesk(serpentine_hall(), tmp_path / "state.json")
    first = desk.arrive("代表3")
    assert first.line == "1排1号（代表3）" and first.who == "P3"
    again = desk.arrive("P3")
    assert again.again and again.seat == first.seat and "已签到" in again.line
    assert desk.arrive("领导2").line == "主席台 第1排 2号（领导2）"
    assert desk.arrive("无名氏").line == "1排2号（无名氏，名单外）"
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


def test_seat_card_lines_are_the_cards_words() -> None:
    for seat in (Seat("a", "floor", 3, 12, 0, 0), Seat("b", "balcony", 2, 5, 0, 0), Seat("c", "dais", 1, 2, 0, 0, facing=270)):
        assert seat_card_line(seat) == seat.describe()
    assert seat_card_line(Seat("a", "floor", 3, 12, 0, 0)) == "3排12号"


FREE = "\n[cards]\nseating = \"free\"\n"


def test_run_desk_on_a_plan_file_in_free_seating(tmp_path: Path) -> None:
    plan = write_small_meeting(tmp_path, extra=FREE)
    out, err = io.StringIO(), io.StringIO()
    assert run_desk(plan, tmp_path / "desk.json", io.StringIO("\n甲单位2号\n领导1\n\n"), out, stderr=err) == 0
    assert "free seating" in err.getvalue()
    lines = out.getvalue().splitlines()
    assert lines[0] == "1排1号" and lines[1] == "1排2号（甲单位2号）"
    assert lines[2].startswith("主席台 第1排 ") and lines[3] == "1排3号"


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
    plan = write_small_meeting(tmp_path, extra=FREE)
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
    assert printed[:3] == ["1排1号", "1排2号（甲单位2号）", "1排3号"]
    assert printed[3].startswith("1排2号（甲单位2号，已签到，第2位")
    assert printed[4:] == ["1排4号", "1排5号"]
    seats = [a["seat"] for a in json.loads(state.read_text(encoding="utf-8"))["arrivals"]]
    assert len(seats) == len(set(seats)) == 5


# ------------------------------------------------------------------------------ assigned seating


def assigned_desk(tmp_path: Path, **kw: object) -> ArrivalDesk:
    """Serpentine hall with a printed plan: P1..P4 in row 1 (right to left), S1/S2 in row 2, P5 without a seat."""
    problem = serpentine_hall()
    seat_of = {"P1": "r1s4", "P2": "r1s3", "P3": "r1s2", "P4": "r1s1", "S1": "r2s1", "S2": "r2s2", "D1": "dais-1", "D2": "dais-2"}
    return ArrivalDesk(
        problem,
        tmp_path / "state.json",
        seating=DeskSeating.ASSIGNED,
        seat_of=seat_of,
        absent={"代表6": "请假"},
        unseated={"P5": "no seat fits"},
        **kw,  # type: ignore[arg-type]
    )


def _saved(state: Path) -> list[dict[str, object]]:
    return list(json.loads(state.read_text(encoding="utf-8"))["arrivals"])


def test_assigned_seating_answers_the_printed_seat(tmp_path: Path) -> None:
    desk = assigned_desk(tmp_path)
    first = desk.arrive("代表1")
    assert (first.seat, first.line, first.kind) == ("r1s4", "1排4号（代表1）", HandoutKind.SEAT)
    assert desk.arrive("P2").line == "1排3号（代表2）"  # by id
    assert desk.arrive("".join(chr(ord(c) + 0xFEE0) for c in "13800000001")).seat == "r2s1"  # by phone, full-width digits
    assert desk.arrive("领导2").line == "主席台 第1排 2号（领导2）"
    # the seat is the printed one whatever the order of arrival: nobody takes the front-most seat by coming first
    assert desk.arrive("代表4").seat == "r1s1"
    assert [a["seat"] for a in _saved(tmp_path / "state.json")] == ["r1s4", "r1s3", "r2s1", "dais-2", "r1s1"]


def test_assigned_seating_namesakes_are_asked_for_the_unit(tmp_path: Path) -> None:
    problem = serpentine_hall()
    seat_of = {"S1": "r2s1", "S2": "r2s2"}
    desk = ArrivalDesk(problem, tmp_path / "s.json", seating=DeskSeating.ASSIGNED, seat_of=seat_of)
    asked = desk.arrive("王伟")
    assert asked.kind is HandoutKind.AMBIGUOUS and asked.seat == ""
    assert "乙" in asked.line and "丙" in asked.line and not (tmp_path / "s.json").exists()
    assert desk.arrive("王伟 丙").seat == "r2s2"
    assert desk.arrive("王伟，乙").seat == "r2s1"
    wrong_unit = desk.arrive("王伟 丁")
    assert wrong_unit.kind is HandoutKind.AMBIGUOUS and wrong_unit.seat == ""


def test_assigned_seating_never_gives_a_wrong_seat(tmp_path: Path) -> None:
    desk = assigned_desk(tmp_path)
    state = tmp_path / "state.json"
    unknown = desk.arrive("无名氏")
    assert unknown.kind is HandoutKind.UNKNOWN and unknown.seat == "" and "+无名氏" in unknown.line
    absent = desk.arrive("代表6")
    assert absent.kind is HandoutKind.ABSENT and absent.seat == "" and "请假" in absent.line
    no_seat = desk.arrive("代表5")
    assert no_seat.kind is HandoutKind.NO_SEAT and no_seat.seat == "" and "no seat fits" in no_seat.line
    ask = desk.arrive("")
    assert ask.kind is HandoutKind.ASK and ask.seat == ""
    assert not state.exists(), "nothing is recorded for an answer without a seat"
    desk.arrive("代表2")
    again = desk.arrive("代表2")
    assert again.kind is HandoutKind.AGAIN and again.seat == "r1s3" and "已签到" in again.line
    assert len(_saved(state)) == 1


def test_assigned_seating_walk_ins_take_free_seats_front_first(tmp_path: Path) -> None:
    desk = assigned_desk(tmp_path)
    # free seats in hand-out order: row 1 is taken by name; row 2 numbered 8..5 from the left: r2s4 (5) is next
    first = desk.arrive("+李四 丁单位")
    assert (first.seat, first.kind) == ("r2s4", HandoutKind.WALK_IN) and "补印" in first.line
    assert desk.arrive("+赵六").seat == "r2s3"
    assert desk.arrive("+").seat == ""
    walk = desk.walk_ins()
    assert [(w["name"], w["unit"], w["seat"], w["label"]) for w in walk] == [("李四", "丁单位", "r2s4", "2排5号"), ("赵六", "", "r2s3", "2排6号")]
    # a walk-in is never given a seat printed on someone's card
    while (h := desk.arrive("+某人")).seat:
        assert h.seat not in desk.assigned.values()
    assert h.kind is HandoutKind.FULL


def test_free_seating_absent_walk_in_and_repeat(tmp_path: Path) -> None:
    desk = ArrivalDesk(serpentine_hall(), tmp_path / "s.json", absent={"代表6": "请假"})
    assert desk.arrive("代表6").kind is HandoutKind.ABSENT
    assert desk.arrive("+代表6").seat == "r1s1"  # came after all: a walk-in
    assert desk.arrive("代表1").seat == "r1s2"
    assert desk.arrive("代表1").kind is HandoutKind.AGAIN
    assert desk.arrive("").seat == "r1s3"


def test_mode_default_and_state_of_another_mode(tmp_path: Path) -> None:
    problem = serpentine_hall()
    assert desk_seating(problem) is DeskSeating.ASSIGNED  # people on the floor are seated by name
    bare = SeatingProblem(problem.layout, problem.attendees[:2], (problem.zones[0], Zone("floor", problem.zones[1].seat_ids, ())))
    assert desk_seating(bare) is DeskSeating.FREE
    assert desk_seating(problem, DeskSeating.FREE) is DeskSeating.FREE
    ArrivalDesk(problem, tmp_path / "state.json").arrive("")
    with pytest.raises(ValidationError, match="free seating"):
        assigned_desk(tmp_path)


def test_two_desks_on_one_state_file_in_one_process(tmp_path: Path) -> None:
    state = tmp_path / "s.json"
    left, right = ArrivalDesk(serpentine_hall(), state), ArrivalDesk(serpentine_hall(), state)
    seats = [(left if k % 2 else right).arrive("").seat for k in range(8)]
    assert seats == ["r1s1", "r1s2", "r1s3", "r1s4", "r2s4", "r2s3", "r2s2", "r2s1"]
    assert right.arrive("代表1").seat == "r3s1"
    assert left.arrive("代表1").again  # the other desk's arrival is known
    assert len(_saved(state)) == 9


TWO_DESKS_SCRIPT = """
import sys
from seatplan.desk import ArrivalDesk
from tests.test_desk import serpentine_hall
desk = ArrivalDesk(serpentine_hall(rows=10, per_row=10, people=0), sys.argv[1])
for k in range(int(sys.argv[2])):
    print(desk.arrive("").seat, flush=True)
"""


def test_two_desk_processes_share_one_state_file(tmp_path: Path) -> None:
    state = tmp_path / "s.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen([sys.executable, "-c", TWO_DESKS_SCRIPT, str(state), "25"], stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
        for _ in range(2)
    ]
    printed = [line for p in procs for line in p.communicate(timeout=120)[0].split()]
    assert all(p.returncode == 0 for p in procs)
    saved = [a["seat"] for a in _saved(state)]
    assert len(printed) == len(saved) == 50, "no arrival is lost"
    assert len(set(saved)) == 50 and sorted(printed) == sorted(saved), "no seat is handed twice"
    order = desk_order(serpentine_hall(rows=10, per_row=10, people=0))
    assert saved == order[:50], "the shared pile is still handed front to back"


@pytest.fixture(scope="module")
def solved_small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small meeting solved into OUT, its plan file in OUT/input/ (as the demo lays it out)."""
    from seatplan.pipeline import run_plan_file

    out = tmp_path_factory.mktemp("solved")
    (out / "input").mkdir()
    plan = write_small_meeting(out / "input")
    run_plan_file(plan, out)
    return out


def _printed_labels(folder: Path) -> dict[str, str]:
    import csv

    rows = csv.DictReader(io.StringIO((folder / "seats.csv").read_bytes().decode("utf-8-sig")))
    return {r["name"]: r["label"] for r in rows}


@pytest.mark.parametrize("target", ["folder", "plan file"])
def test_run_desk_answers_what_seats_csv_prints(solved_small: Path, tmp_path: Path, target: str) -> None:
    printed = _printed_labels(solved_small)
    names = ["丙单位9号", "甲单位1号", "领导3", "乙单位2号"]
    out, err = io.StringIO(), io.StringIO()
    where = solved_small if target == "folder" else solved_small / "input" / "plan.toml"
    run_desk(where, tmp_path / "d.json", io.StringIO("\n".join(names) + "\n"), out, stderr=err)
    assert "assigned seating" in err.getvalue() and "seats.csv" in err.getvalue()
    assert out.getvalue().splitlines() == [f"{printed[n]}（{n}）" for n in names]


def test_open_desk_refuses_a_hand_edited_seat_list(solved_small: Path, tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "edited"
    shutil.copytree(solved_small, folder)
    lines = (folder / "seats.csv").read_text(encoding="utf-8-sig").splitlines()
    lines.append(lines[-1])  # one person twice
    (folder / "seats.csv").write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    with pytest.raises(ValidationError, match="has two seats"):
        open_desk(folder, tmp_path / "d.json")


def test_killed_between_two_arrivals_in_assigned_seating(solved_small: Path, tmp_path: Path) -> None:
    state = tmp_path / "desk.json"
    printed_labels = _printed_labels(solved_small)
    proc = _desk_process(solved_small, state)
    assert proc.stdin is not None and proc.stdout is not None
    printed = []
    for name in ("甲单位3号", "+张三"):
        proc.stdin.write(name + "\n")
        proc.stdin.flush()
        printed.append(proc.stdout.readline().strip())
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    proc = _desk_process(solved_small, state)
    output, _ = proc.communicate("甲单位3号\n+李四\n", timeout=120)
    printed += output.splitlines()
    assert printed[0] == f"{printed_labels['甲单位3号']}（甲单位3号）"
    assert "已签到" in printed[2]
    seats = [a["seat"] for a in _saved(state)]
    assert len(seats) == len(set(seats)) == 3
    assert printed[1].split("（")[0] != printed[3].split("（")[0]


@pytest.mark.parametrize(("written", "mode"), [("free", DeskSeating.FREE), ("自由入座", DeskSeating.FREE), ("对号入座", DeskSeating.ASSIGNED)])
def test_plan_file_says_the_desk_mode(tmp_path: Path, written: str, mode: DeskSeating) -> None:
    from seatplan.io.plan_file import load_meeting

    plan = write_small_meeting(tmp_path, extra=f'\n[cards]\nseating = "{written}"\n')
    assert load_meeting(plan).cards.seating is mode
    bad = write_small_meeting(tmp_path, extra='\n[cards]\nseating = "sometimes"\n')
    with pytest.raises(ValidationError, match=r"cards\.seating"):
        load_meeting(bad)


def test_walk_ins_go_to_replan_on_the_seats_they_were_given(solved_small: Path, tmp_path: Path) -> None:
    from seatplan.replan import run_replan

    state = tmp_path / "d.json"
    out = io.StringIO()
    run_desk(solved_small, state, io.StringIO("+张三 丁单位\n甲单位1号\n+李四\n"), out, stderr=io.StringIO())
    given = [line.split("（")[0] for line in out.getvalue().splitlines()]
    changes = tmp_path / "walk-ins.csv"
    run_desk(solved_small, state, io.StringIO(), io.StringIO(), stderr=io.StringIO(), walk_ins=changes)
    text = changes.read_bytes().decode("utf-8-sig").splitlines()
    assert text[0] == "变更,编号,姓名,单位,座位,原因" and len(text) == 3
    run_replan(solved_small, changes, tmp_path / "after")
    seats = {r["name"]: r["label"] for r in csv.DictReader(io.StringIO((tmp_path / "after" / "seats.csv").read_bytes().decode("utf-8-sig")))}
    assert (seats["张三"], seats["李四"]) == (given[0], given[2])
    before = _printed_labels(solved_small)
    assert all(seats[n] == before[n] for n in before), "nobody else moves"
