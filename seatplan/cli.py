"""Command line: a thin layer over the library.

Exit status: 0 on success, 2 on a user error (bad input, infeasible request),
with a one-paragraph message on standard error and nothing half-written.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path
from typing import Any

from seatplan.errors import SeatplanError


def _report(outputs: object) -> None:
    from seatplan.pipeline import Outputs

    assert isinstance(outputs, Outputs)
    print(f"seatplan: wrote {len(outputs.files)} files to {outputs.folder}/")
    for path in outputs.files:
        print(f"  {path}")


def cmd_solve(args: argparse.Namespace) -> None:
    """``seatplan solve PLAN.toml --out DIR``."""
    from seatplan.pipeline import run_plan_file

    _report(run_plan_file(args.plan, args.out))


def cmd_demo(args: argparse.Namespace) -> None:
    """``seatplan demo --out DIR``: write the bundled example's inputs, then solve them."""
    from seatplan.demo import write_demo_inputs
    from seatplan.pipeline import run_plan_file

    out = Path(args.out)
    plan = write_demo_inputs(out / "input")
    print(f"seatplan: demo inputs in {plan.parent}/ (plan.toml, attendees.csv)")
    _report(run_plan_file(plan, out))


def cmd_replan(args: argparse.Namespace) -> None:
    """``seatplan replan PLAN_DIR CHANGES.csv --out DIR [--plan PLAN.toml]``."""
    from seatplan.replan import run_replan

    outputs, report = run_replan(args.plan_dir, args.changes, args.out, plan_path=args.plan)
    _report(outputs)
    for line in report.lines():
        print(f"  {line}")


def cmd_desk(args: argparse.Namespace) -> None:
    """``seatplan desk PLAN --state FILE [--plan PLAN.toml]``: arrivals on standard input, seats out."""
    from seatplan.desk import run_desk

    run_desk(args.plan, args.state, sys.stdin, sys.stdout, plan_file=args.plan_file)


def cmd_fit(args: argparse.Namespace) -> None:
    """``seatplan fit ROOM.toml [--layout KIND] [--profile NAME] --out DIR``."""
    from seatplan.fit import run_fit

    run_fit(args.room, layout=args.layout, profile=args.profile, out=args.out)


def cmd_bench(args: argparse.Namespace) -> None:
    """``seatplan bench [NAME ...] [--json] [--quick]``: the benchmark scenarios (benchmarks/README.md)."""
    from seatplan.bench import run_command

    status = run_command(args)
    if status:
        raise SystemExit(status)


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``seatplan`` command."""
    parser = argparse.ArgumentParser(prog="seatplan", description="Formal seating plans: seat order, layout, cards, lists.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("solve", help="seat the attendees of a plan file and write all outputs")
    p.add_argument("plan", type=Path, help="plan file (.toml); see docs/plan-format.md")
    p.add_argument("--out", type=Path, required=True, help="output folder (created if missing)")
    p.set_defaults(func=cmd_solve)
    p = sub.add_parser("demo", help="run the bundled county meeting example")
    p.add_argument("--out", type=Path, default=Path("out/demo"), help="output folder (default out/demo)")
    p.set_defaults(func=cmd_demo)
    p = sub.add_parser("replan", help="apply late changes to a solved plan, moving as few people as possible")
    p.add_argument("plan_dir", type=Path, help="an output folder of seatplan solve")
    p.add_argument("changes", type=Path, help="changes.csv: absent, substitute, add, rank, unit (docs/replan.md)")
    p.add_argument("--out", type=Path, required=True, help="output folder for the new plan and changes.csv")
    p.add_argument("--plan", type=Path, default=None, help="the plan file, if PLAN_DIR does not record it")
    p.set_defaults(func=cmd_replan)
    p = sub.add_parser("desk", help="arrival desk: the seat on the card (assigned) or front to back (free, R-AUD-11)")
    p.add_argument("plan", type=Path, help="plan file (.toml) or an output folder of seatplan solve/replan (docs/replan.md)")
    p.add_argument("--state", type=Path, required=True, help="state file, written after every arrival (resumes after a crash)")
    p.add_argument("--plan", dest="plan_file", type=Path, default=None, help="the plan file, if the output folder does not record it")
    p.set_defaults(func=cmd_desk)
    p = sub.add_parser("fit", help="how many seats fit in a room in a layout, to code; draws the layout")
    p.add_argument("room", type=Path, help="room file (.toml); see docs/layouts.md")
    p.add_argument(
        "--layout", default=None, help="theatre, classroom, dais, boardroom, oval, u-shape or hollow-square (default: the room file's)"
    )
    p.add_argument("--profile", default=None, help="fire-code profile: gb50016, ibc or ibc-continental (default: the room file's)")
    p.add_argument("--out", type=Path, required=True, help="output folder (created if missing)")
    p.set_defaults(func=cmd_fit)
    from seatplan.bench import configure_parser  # standard library only: cheap

    p = sub.add_parser("bench", help="run the benchmark scenarios (see benchmarks/README.md)")
    configure_parser(p)
    p.set_defaults(func=cmd_bench)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    with warnings.catch_warnings():
        # a warning is a line for the meeting office, not a Python source location
        warnings.showwarning = _show_warning
        try:
            args.func(args)
        except SeatplanError as exc:
            print(f"seatplan: error: {exc}", file=sys.stderr)
            return 2
    return 0


def _show_warning(message: Warning | str, category: type[Warning], filename: str, lineno: int, file: Any = None, line: str | None = None) -> None:
    print(f"seatplan: warning: {message}", file=sys.stderr if file is None else file)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
