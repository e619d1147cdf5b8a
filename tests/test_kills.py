"""Fault tests: ``seatplan solve`` killed at every stage of writing, runs into one folder at once, and
byte-identical outputs across processes.

Every ``reach_stage("...")`` call in seatplan/pipeline.py and seatplan/files.py is a stage; the
test finds them in the source, so a stage added later is killed too. A run killed at a stage must
leave the output folder holding exactly the complete old set or exactly the complete new set, and
what the next run does first (under the lock) must leave nothing beside the folder; on a few
stages a whole next run is made too.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import seatplan.files
import seatplan.pipeline
from seatplan.files import KILL_AT_ENV, SWITCH_ENV, hold_lock, recover_folder
from tests.bad_catalogue import PEOPLE, csv_text, plan_text

STAGE_CALL = re.compile(r'reach_stage\(\s*"([^"]+)"\s*\)')


def _stages(module: object) -> list[str]:
    return STAGE_CALL.findall(Path(module.__file__).read_text(encoding="utf-8"))  # type: ignore[attr-defined]


#: Stages of one solve, in order; "wrote extra" belongs to a replan and "aside" to the two-rename switch.
SOLVE_STAGES = list(
    dict.fromkeys([s for s in _stages(seatplan.pipeline) if s != "wrote extra"] + [s for s in _stages(seatplan.files) if s != "aside"])
)
RENAME_STAGES = ["switch", "aside", "switched"]


def _snapshot(folder: Path) -> dict[str, str]:
    """Hash of every file in ``folder`` (summary.json without the solver's seconds, the one value that varies)."""
    out: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.name == "summary.json":
            summary = json.loads(data)
            summary.get("solver", {}).pop("seconds", None)
            data = json.dumps(summary, sort_keys=True).encode()
        out[path.relative_to(folder).as_posix()] = hashlib.sha256(data).hexdigest()
    return out


def _write_inputs(folder: Path, version: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    people = [p.replace("王建国", f"王建国{version}").replace("吴刚", f"吴刚{version}") for p in PEOPLE]
    (folder / "attendees.csv").write_text(csv_text(people), encoding="utf-8")
    plan = folder / "plan.toml"
    plan.write_text(plan_text().replace("全县工作会议", f"全县工作会议{version}"), encoding="utf-8")
    return plan


def _solve_forked(plan: Path, out: Path, **env: str) -> int:
    """Run ``seatplan solve`` in a forked child (no interpreter start-up); return its wait status."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        status = 70
        try:
            os.environ.update(env)
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            from seatplan.cli import main

            status = main(["solve", str(plan), "--out", str(out)])
        finally:
            os._exit(status)
    _pid, status = os.waitpid(pid, 0)
    return status


def _solve(plan: Path, out: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, **env}
    return subprocess.run(
        [sys.executable, "-m", "seatplan", "solve", str(plan), "--out", str(out)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def sets(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    root = tmp_path_factory.mktemp("kills")
    plans = {v: _write_inputs(root / f"in-{v}", v) for v in ("old", "new")}
    snapshots = {}
    for version, plan in plans.items():
        done = _solve(plan, root / f"ref-{version}")
        assert done.returncode == 0, done.stderr
        snapshots[version] = _snapshot(root / f"ref-{version}")
    assert snapshots["old"] != snapshots["new"]
    differing = {name for name in snapshots["old"] if snapshots["old"][name] != snapshots["new"].get(name)}
    assert {"seats.csv", "seats.xlsx", "cards.pdf", "seatcards.pdf", "plan.png", "summary.json"} <= differing
    return {"root": root, "plans": plans, "snapshots": snapshots}


def test_every_stage_is_found() -> None:
    assert SOLVE_STAGES[0].startswith("wrote ") and "locked" in SOLVE_STAGES and "switched" in SOLVE_STAGES
    assert len(SOLVE_STAGES) >= 12


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and fork are POSIX")
@pytest.mark.parametrize(
    ("switch", "stage"),
    [("exchange", s) for s in SOLVE_STAGES] + [("rename", s) for s in RENAME_STAGES],
)
def test_a_kill_at_any_stage_leaves_the_old_or_the_new_set(sets: dict[str, object], switch: str, stage: str) -> None:
    root: Path = sets["root"]  # type: ignore[assignment]
    plans: dict[str, Path] = sets["plans"]  # type: ignore[assignment]
    snapshots: dict[str, dict[str, str]] = sets["snapshots"]  # type: ignore[assignment]
    work = root / f"{switch}-{stage.replace(' ', '-')}"
    out = work / "out"
    work.mkdir()
    shutil.copytree(root / "ref-old", out)  # the complete old set, as a finished run left it

    env = {KILL_AT_ENV: stage}
    if switch == "rename":
        env[SWITCH_ENV] = "rename"
    status = _solve_forked(plans["new"], out, **env)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, f"the run was not killed at {stage!r}"
    if out.exists():
        assert _snapshot(out) in (snapshots["old"], snapshots["new"]), f"mixed set after a kill at {stage!r}"
    else:  # only between the two renames of the fallback switch; the next run restores the old set first
        assert switch == "rename" and stage == "aside"

    # what the next run does first, under the lock: restore a set renamed aside, remove temporaries
    with hold_lock(out, wait=30):
        recover_folder(out)
    assert _snapshot(out) in (snapshots["old"], snapshots["new"])
    assert sorted(p.name for p in work.iterdir()) == ["out"], "a killed run left something behind"
    if stage in ("wrote seats.xlsx", "aside", "switched"):  # and a whole next run, on a few stages
        status = _solve_forked(plans["new"], out, **({SWITCH_ENV: "rename"} if switch == "rename" else {}))
        assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
        assert _snapshot(out) == snapshots["new"]
        assert sorted(p.name for p in work.iterdir()) == ["out"]


def test_runs_into_one_folder_take_turns(sets: dict[str, object]) -> None:
    root: Path = sets["root"]  # type: ignore[assignment]
    plans: dict[str, Path] = sets["plans"]  # type: ignore[assignment]
    snapshots: dict[str, dict[str, str]] = sets["snapshots"]  # type: ignore[assignment]
    work = root / "concurrent"
    out = work / "out"
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "seatplan", "solve", str(plans[v]), "--out", str(out)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for v in ("old", "new", "old")
    ]
    for run in runs:
        _stdout, stderr = run.communicate(timeout=600)
        assert run.returncode == 0, stderr
    assert _snapshot(out) in (snapshots["old"], snapshots["new"])
    assert sorted(p.name for p in work.iterdir()) == ["out"]


def test_same_input_gives_byte_identical_outputs_across_processes(sets: dict[str, object], tmp_path: Path) -> None:
    plans: dict[str, Path] = sets["plans"]  # type: ignore[assignment]
    first = _solve(plans["old"], tmp_path / "a")
    second = _solve(plans["old"], tmp_path / "b", PYTHONHASHSEED="12345")
    assert first.returncode == second.returncode == 0
    a, b = tmp_path / "a", tmp_path / "b"
    names = sorted(p.name for p in a.iterdir())
    assert names == sorted(p.name for p in b.iterdir())
    for name in names:
        if name == "summary.json":
            continue
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    assert _snapshot(a) == _snapshot(b)
