"""Benchmark: generate and check a 10,000-seat theatre in an irregular polygon with pillars.

Target (issue 5): generating and checking at least 10,000 seats take at most 2 s on the
reference machine. The hall (eight sides, 150 m across, twelve pillars) holds about 13,000
seats in straight rows. The script reports the median of 5 runs (after one warm-up run), the
seat count and whether the check found anything, and exits with status 1 if the median misses
the target (``--curved`` times curved rows in the same hall, informational).

    python -m seatplan.bench.layout [--runs 5] [--curved]

``seatplan bench layout-great-hall`` times the same call (:func:`build_layout_great_hall`).

Deterministic: the room is fixed, the generator has no randomness.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tracemalloc

from seatplan.bench import Case
from seatplan.layout.check import check_layout
from seatplan.layout.firecode import FireProfile
from seatplan.layout.spacing import Spacing
from seatplan.layout.theatre import TheatreOptions, generate_theatre
from seatplan.model import Door, Venue

TARGET_SECONDS = 2.0


def great_hall() -> Venue:
    """An eight-sided hall, 150 m across and 110 m deep, with a stage and 12 pillars."""
    outline = ((0.0, 0.0), (134.0, 0.0), (150.0, 40.0), (134.0, 100.0), (86.0, 110.0), (48.0, 110.0), (0.0, 100.0),
               (-16.0, 40.0))
    pillars = tuple(
        ((x, y), (x + 0.8, y), (x + 0.8, y + 0.8), (x, y + 0.8))
        for x in (20.0, 52.0, 82.0, 114.0)
        for y in (18.0, 44.0, 70.0)
    )
    doors = tuple(
        Door(x, 0.0, width=3.0, main=(x == 67.0), name=f"门{i}") for i, x in enumerate((12.0, 39.0, 67.0, 95.0, 122.0), 1)
    )
    return Venue(outline=outline, doors=doors, stage_depth=10.0, obstacles=pillars, name="大会堂")


def run_once(venue: Venue, options: TheatreOptions) -> tuple[float, float, int, int]:
    t0 = time.perf_counter()
    generated = generate_theatre(venue, spacing=Spacing(), profile=FireProfile(), options=options)
    t1 = time.perf_counter()
    check = check_layout(generated)
    t2 = time.perf_counter()
    problems = len(check.placement) + len(check.unreachable) + sum(
        1 for v in check.violations if v.rule != "R-PHY-4"  # a hall this size is beyond the exit table
    )
    return t1 - t0, t2 - t1, generated.seat_count, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--curved", action="store_true", help="curved rows instead of straight ones")
    args = parser.parse_args(argv)
    venue = great_hall()
    options = TheatreOptions(curved=args.curved)
    run_once(venue, options)  # warm-up (imports, caches)
    gens, checks, totals = [], [], []
    seats = problems = 0
    for _ in range(args.runs):
        g, c, seats, problems = run_once(venue, options)
        gens.append(g)
        checks.append(c)
        totals.append(g + c)
    tracemalloc.start()
    run_once(venue, options)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    median = statistics.median(totals)
    print(f"| layout | seats | generate (s) | check (s) | total median of {args.runs} (s) | target (s) | peak memory (MB) | problems |")
    print("|---|---|---|---|---|---|---|---|")
    print(
        f"| theatre{' curved' if args.curved else ''} | {seats} | {statistics.median(gens):.2f} | "
        f"{statistics.median(checks):.2f} | {median:.2f} | {TARGET_SECONDS:.1f} | {peak / 1e6:.0f} | {problems} |"
    )
    return 0 if median <= TARGET_SECONDS and (args.curved or seats >= 10_000) else 1


def build_layout_great_hall(*, seed: int | None = None, quick: bool = False) -> Case:
    """Generate and check the great hall theatre (no people seated)."""
    venue = great_hall()
    options = TheatreOptions()

    def run() -> dict[str, object]:
        _, _, seats, problems = run_once(venue, options)
        if problems:
            raise AssertionError(f"the layout check found {problems} problems")
        return {"status": "OK", "seats": seats, "attendees": 0}

    return Case(run=run, attendees=0, note="generate_theatre + check_layout (target 2 s)")


if __name__ == "__main__":
    sys.exit(main())
