"""Hash every output of every example plan and of the demo, to prove a refactor changes nothing.

Usage::

    python tests/tools/snapshot_outputs.py OUT.json            # write the snapshot
    python tests/tools/snapshot_outputs.py OUT.json --against BASE.json   # compare, exit 1 on a difference

Each plan file under ``examples/`` (rooms excluded) and the bundled demo is solved
and written with :func:`seatplan.pipeline.run_plan_file`; every file written is
hashed (SHA-256). ``summary.json`` is hashed without ``solver.seconds`` (the one
value that differs between runs) and the plan file's path. A plan that fails records its error text, so a
changed message shows too.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _digest(path: Path) -> str:
    data = path.read_bytes()
    if path.name == "summary.json":
        summary = json.loads(data)
        summary.get("solver", {}).pop("seconds", None)
        summary.pop("plan", None)  # the plan file's path: the demo's lies in a temporary folder
        data = json.dumps(summary, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(data).hexdigest()


def snapshot_outputs() -> dict[str, dict[str, str]]:
    """Return ``{plan: {file: sha256}}`` for every example plan and the demo."""
    from seatplan.demo import write_demo_inputs
    from seatplan.pipeline import run_plan_file

    result: dict[str, dict[str, str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        plans = sorted(p for p in (ROOT / "examples").glob("*/plan*.toml") if p.parent.name != "rooms")
        plans.append(write_demo_inputs(Path(tmp) / "demo-input"))
        for i, plan in enumerate(plans):
            key = str(plan.relative_to(ROOT)) if plan.is_relative_to(ROOT) else "demo"
            out = Path(tmp) / f"out{i}"
            try:
                run_plan_file(plan, out)
            except Exception as exc:  # noqa: BLE001 - the error text is part of the snapshot
                result[key] = {"error": f"{type(exc).__name__}: {exc}"}
                continue
            result[key] = {f.name: _digest(f) for f in sorted(out.rglob("*")) if f.is_file()}
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--against", type=Path)
    args = parser.parse_args()
    snap = snapshot_outputs()
    args.out.write_text(json.dumps(snap, indent=1, sort_keys=True, ensure_ascii=False), encoding="utf-8")
    if args.against is None:
        print(f"{sum(len(v) for v in snap.values())} files from {len(snap)} plans -> {args.out}")
        return 0
    base = json.loads(args.against.read_text(encoding="utf-8"))
    diffs = [
        f"{plan}: {name}"
        for plan in sorted(set(base) | set(snap))
        for name in sorted(set(base.get(plan, {})) | set(snap.get(plan, {})))
        if base.get(plan, {}).get(name) != snap.get(plan, {}).get(name)
    ]
    print("\n".join(diffs) if diffs else f"identical: {sum(len(v) for v in snap.values())} files from {len(snap)} plans")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
