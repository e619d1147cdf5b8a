"""Command line: a thin layer over the library.

Exit status: 0 on success, 2 on a user error (bad input, infeasible request, a
file that cannot be read or written), with a one-paragraph message on standard
error and nothing half-written.

Global options (before or after the command): ``-v`` shows every step and, with
the solver, CP-SAT's search log; ``-q`` hides the progress lines of long steps;
``--version``.
"""

from __future__ import annotations

import argparse
import io
import logging
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
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

    run_desk(args.plan, args.state, sys.stdin, sys.stdout, plan_file=args.plan_file, walk_ins=args.walk_ins)


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


def _add_verbosity(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "-v", "--verbose", action="count", default=default, help="more output: every step, the solver's search log"
    )
    parser.add_argument("-q", "--quiet", action="count", default=default, help="less output: warnings and errors only")


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``seatplan`` command."""
    from seatplan import __version__

    parser = argparse.ArgumentParser(prog="seatplan", description="Formal seating plans: seat order, layout, cards, lists.")
    parser.add_argument("--version", action="version", version=f"seatplan {__version__}")
    _add_verbosity(parser, 0)
    common = argparse.ArgumentParser(add_help=False)
    _add_verbosity(common, argparse.SUPPRESS)  # also after the command; SUPPRESS keeps a count given before it
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("solve", parents=[common], help="seat the attendees of a plan file and write all outputs")
    p.add_argument("plan", type=Path, help="plan file (.toml); see docs/plan-format.md")
    p.add_argument("--out", type=Path, required=True, help="output folder (created if missing)")
    p.set_defaults(func=cmd_solve)
    p = sub.add_parser("demo", parents=[common], help="run the bundled county meeting example")
    p.add_argument("--out", type=Path, default=Path("out/demo"), help="output folder (default out/demo)")
    p.set_defaults(func=cmd_demo)
    p = sub.add_parser("replan", parents=[common], help="apply late changes to a solved plan, moving as few people as possible")
    p.add_argument("plan_dir", type=Path, help="an output folder of seatplan solve")
    p.add_argument("changes", type=Path, help="changes.csv: absent, substitute, add, rank, unit (docs/replan.md)")
    p.add_argument("--out", type=Path, required=True, help="output folder for the new plan and changes.csv")
    p.add_argument("--plan", type=Path, default=None, help="the plan file, if PLAN_DIR does not record it")
    p.set_defaults(func=cmd_replan)
    p = sub.add_parser(
        "desk", parents=[common], help="arrival desk: the seat on the card (assigned) or front to back (free, R-AUD-11)"
    )
    p.add_argument("plan", type=Path, help="plan file (.toml) or an output folder of seatplan solve/replan (docs/replan.md)")
    p.add_argument("--state", type=Path, required=True, help="state file, written after every arrival (resumes after a crash)")
    p.add_argument("--plan", dest="plan_file", type=Path, default=None, help="the plan file, if the output folder does not record it")
    p.add_argument("--walk-ins", type=Path, default=None, help="write the walk-ins recorded in the state as a CHANGES.csv for seatplan replan, and stop")
    p.set_defaults(func=cmd_desk)
    p = sub.add_parser("fit", parents=[common], help="how many seats fit in a room in a layout, to code; draws the layout")
    p.add_argument("room", type=Path, help="room file (.toml); see docs/layouts.md")
    p.add_argument(
        "--layout", default=None, help="theatre, classroom, dais, boardroom, oval, u-shape or hollow-square (default: the room file's)"
    )
    p.add_argument("--profile", default=None, help="fire-code profile: gb50016, ibc or ibc-continental (default: the room file's)")
    p.add_argument("--out", type=Path, required=True, help="output folder (created if missing)")
    p.set_defaults(func=cmd_fit)
    from seatplan.bench import configure_parser  # standard library only: cheap

    p = sub.add_parser("bench", parents=[common], help="run the benchmark scenarios (see benchmarks/README.md)")
    configure_parser(p)
    p.set_defaults(func=cmd_bench)
    return parser


@contextmanager
def _logging_to_stderr(verbose: int, quiet: int) -> Iterator[None]:
    """While a command runs, log the ``seatplan`` loggers to standard error: INFO by default, DEBUG with ``-v``."""
    from seatplan.solve.cpsat import log_search_progress, search_log_enabled

    logger = logging.getLogger("seatplan")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("seatplan: %(message)s"))
    level, search_log = logger.level, search_log_enabled()
    logger.setLevel(logging.DEBUG if verbose > quiet else logging.INFO if verbose == quiet else logging.WARNING)
    logger.addHandler(handler)
    log_search_progress(verbose > quiet)  # CP-SAT's search log, through the seatplan.solve.cpsat logger
    try:
        yield
    finally:
        log_search_progress(search_log)
        logger.removeHandler(handler)
        logger.setLevel(level)


def _file_error(exc: OSError) -> str:
    """One line for a file the system refused: which file, why, what to do."""
    file = exc.filename2 or exc.filename  # os.replace(temporary, target): the target is filename2
    name = f" {file}" if file else ""
    if isinstance(exc, PermissionError):
        return (
            f"cannot write or read{name}: permission denied; if the file is open in another program "
            "(Excel, a PDF viewer), close it and run the command again"
        )
    return f"{exc.strerror or exc}:{name}" if name else str(exc)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    for stream in (sys.stdout, sys.stderr):  # a console that cannot show a character gets an escape, not a crash
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    with warnings.catch_warnings(), _logging_to_stderr(args.verbose, args.quiet):
        # a warning is a line for the meeting office, not a Python source location
        warnings.showwarning = _show_warning
        try:
            args.func(args)
        except SeatplanError as exc:
            print(f"seatplan: error: {exc}", file=sys.stderr)
            return 2
        except OSError as exc:
            print(f"seatplan: error: {_file_error(exc)}", file=sys.stderr)
            return 2
    return 0


def _show_warning(message: Warning | str, category: type[Warning], filename: str, lineno: int, file: Any = None, line: str | None = None) -> None:
    print(f"seatplan: warning: {message}", file=sys.stderr if file is None else file)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
