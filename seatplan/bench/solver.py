"""Solver benchmarks: a 10,000-seat hall with rules, the same hall in rank order, and seatplan against a dense model.

Scenarios (fixed seeds; seats built in plain Python, no layout code):

``hall-10000-200``
    10,000 attendees in 200 units (sizes 25–75) in a 10,400-seat hall of 80 rows
    × (36 | 58 | 36) with aisles, 横排 by unit with unit blocks, 50 people pinned
    to front-row seats, 60 reserved press seats, 30 wheelchair places at aisle
    ends (24 wheelchair users), 100 keep-apart pairs (half inside a unit).
``rank-10000``
    The same hall and people with no rule: the protocol fill (rank order) only.
``dense-400``
    400 attendees in 20 units in a 440-seat hall, 5 pins, 8 reserved seats, 6
    wheelchair places (4 users), 4 aisle needs, 12 keep-apart pairs, no unit
    blocks. Solved by seatplan and by the dense attendee × seat boolean CP-SAT
    model written the obvious way (:func:`seatplan.solve.baselines.solve_dense`),
    in the same run; both must reach the same optimal objective.

``seatplan bench hall-10000-200 dense-400`` runs the first and the last; ``python -m seatplan.bench.solver`` prints medians of solve time, status, objective,
bound, gap and peak memory (each run in a fresh process; ``ru_maxrss``).
``--repeats``, ``--only`` and ``--dense-limit`` adjust it.

``python -m seatplan.bench.solver --growth 1000,10000,30000,100000 --repeats 3`` measures
:func:`proportional_hall` at those sizes instead (with and without its requests, each run in
a fresh process) and prints a Markdown table of the medians with the exponent of a
least-squares fit of log time on log size.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import replace

from seatplan.bench import Case
from seatplan.check import check_plan, plan_cost
from seatplan.model import Attendee, Layout, Seat, SeatingProblem, Venue, Zone
from seatplan.model.problem import Constraints, PeopleGroup
from seatplan.model.seats import SeatTag
from seatplan.solve import solve
from seatplan.solve.baselines import solve_dense

SCENARIOS = ("hall-10000-200", "rank-10000", "dense-400")


def hall_seats(rows: int, blocks: Sequence[int], *, wheelchair: int = 0, seed: int = 0) -> list[Seat]:
    """Theatre rows in the plan frame: row 1 at the front (largest y), blocks split by 1.2 m aisles.

    ``wheelchair`` places are aisle-end seats of rows spread from the middle of
    the hall to the back (tag ``wheelchair``); every block-end seat is tagged ``aisle``.
    """
    rng = random.Random(seed)
    ends: list[tuple[int, int]] = []
    for r in range(rows // 4, rows + 1):
        k = 0
        for b, n in enumerate(blocks):
            if b > 0:
                ends.append((r, k + 1))
            if b < len(blocks) - 1:
                ends.append((r, k + n))
            k += n
    places = set(rng.sample(ends, min(wheelchair, len(ends))))
    seats = []
    for r in range(1, rows + 1):
        x, k = 0.0, 0
        for n in blocks:
            for j in range(n):
                k += 1
                tags = {SeatTag.AISLE} if j in (0, n - 1) else set()
                if (r, k) in places:
                    tags.add(SeatTag.WHEELCHAIR)
                seats.append(Seat(f"floor-r{r:02d}-s{k:03d}", "floor", r, k, x=round(x, 3), y=round(-0.9 * r, 3), tags=frozenset(tags)))
                x += 0.55
            x += 1.2
    return seats


def _people(n: int, units: int, rng: random.Random) -> tuple[list[Attendee], list[int]]:
    base = n // (2 * units)
    rest = n - base * units
    cuts = sorted(rng.sample(range(1, rest), units - 1))
    sizes = [base + b - a for a, b in zip([0, *cuts], [*cuts, rest])]
    people = []
    k = 0
    for u, size in enumerate(sizes):
        for j in range(size):
            k += 1
            people.append(Attendee(f"A{k:05d}", f"代表{k}", unit=f"单位{u + 1:03d}", rank=j + 1))
    return people, sizes


def hall_scenario(
    n: int = 10_000,
    units: int = 200,
    *,
    rows: int = 80,
    blocks: Sequence[int] = (36, 58, 36),
    pins: int = 50,
    reserved: int = 60,
    wheelchair_places: int = 30,
    wheelchair_users: int = 24,
    apart: int = 100,
    rules: bool = True,
    seed: int = 2024,
) -> SeatingProblem:
    """The ``hall-10000-200`` problem (or ``rank-10000`` with ``rules=False``); smaller with the keywords."""
    rng = random.Random(seed)
    seats = hall_seats(rows, blocks, wheelchair=wheelchair_places, seed=seed)
    people, sizes = _people(n, units, rng)
    constraints = Constraints()
    if rules:
        ids = [a.id for a in people]
        users = set(rng.sample(ids, wheelchair_users))
        people = [replace(a, needs=frozenset({SeatTag.WHEELCHAIR})) if a.id in users else a for a in people]
        front = [s.id for s in seats if s.row <= 2 and not s.tags]
        vips = rng.sample([i for i in ids if i not in users], pins)
        press_row = [s.id for s in seats if s.row == 3 and not s.tags]
        start = (len(press_row) - reserved) // 2
        groups = []
        starts = [sum(sizes[:u]) for u in range(units)]
        for i in range(apart):
            if i % 2 == 0:
                u = rng.randrange(units)
                a, b = rng.sample(ids[starts[u] : starts[u] + sizes[u]], 2)
            else:
                a, b = rng.sample(ids, 2)
            groups.append(PeopleGroup((a, b), source=f"apart[{i}]"))
        constraints = Constraints(
            pins=dict(zip(vips, rng.sample(front, pins))),
            reserved=frozenset(press_row[start : start + reserved]),
            keep_apart=tuple(groups),
        )
    zone = Zone("floor", tuple(s.id for s in seats), tuple(a.id for a in people), strict=False)
    return SeatingProblem(Layout(Venue.rectangle(100.0, 100.0), tuple(seats)), tuple(people), (zone,), constraints=constraints)


def dense_scenario(n: int = 400, units: int = 20, *, rows: int = 11, blocks: Sequence[int] = (12, 16, 12), seed: int = 7) -> SeatingProblem:
    """The ``dense-400`` problem (smaller with the keywords): rules a dense model can state plainly."""
    rng = random.Random(seed)
    seats = hall_seats(rows, blocks, wheelchair=max(2, n // 66), seed=seed)
    people, sizes = _people(n, units, rng)
    ids = [a.id for a in people]
    chosen = rng.sample(ids, max(2, n // 100) + max(2, n // 100))
    wheel, aisle = chosen[: len(chosen) // 2], chosen[len(chosen) // 2 :]
    people = [
        replace(a, needs=frozenset({SeatTag.WHEELCHAIR})) if a.id in wheel else replace(a, needs=frozenset({SeatTag.AISLE})) if a.id in aisle else a
        for a in people
    ]
    free_ids = [i for i in ids if i not in chosen]
    pins = dict(zip(rng.sample(free_ids, max(1, n // 80)), rng.sample([s.id for s in seats if s.row == 1 and not s.tags], max(1, n // 80))))
    press = set(rng.sample([s.id for s in seats if s.row == 2 and not s.tags], max(2, n // 50)))
    # the back of the hall is kept for staff: exactly as many open seats as people (a full hall)
    spare = len(seats) - len(press) - n  # pinned people are among the n and hold their own seats
    back = [s.id for s in sorted(seats, key=lambda s: (-s.row, s.number)) if s.id not in press and s.id not in pins.values() and not s.tags]
    reserved = frozenset(press | set(back[:spare]))
    groups = []
    starts = [sum(sizes[:u]) for u in range(units)]
    for i in range(max(3, n // 33)):
        u = rng.randrange(units)
        a, b = rng.sample(ids[starts[u] : starts[u] + sizes[u]], 2) if i % 2 == 0 else rng.sample(ids, 2)
        groups.append(PeopleGroup((a, b)))
    constraints = Constraints(pins=pins, reserved=reserved, keep_apart=tuple(groups), contiguous=False)
    zone = Zone("floor", tuple(s.id for s in seats), tuple(a.id for a in people), strict=False)
    return SeatingProblem(Layout(Venue.rectangle(60.0, 30.0), tuple(seats)), tuple(people), (zone,), constraints=constraints)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # kilobytes on Linux


def run_one(name: str, *, dense_limit: float = 300.0, dense: bool = True) -> dict[str, object]:
    """Run one scenario once in this process; return the figures (what a child process prints)."""
    built = time.perf_counter()
    if name == "hall-10000-200":
        problem = hall_scenario()
    elif name == "rank-10000":
        problem = hall_scenario(rules=False)
    elif name == "dense-400":
        problem = dense_scenario()
    else:
        raise SystemExit(f"unknown scenario {name!r}; choose from {', '.join(SCENARIOS)}")
    build = time.perf_counter() - built
    result = solve(problem)
    plan = result.require_plan()
    out: dict[str, object] = {
        "scenario": name,
        "attendees": len(problem.attendees),
        "seats": len(problem.seats),
        "build_s": round(build, 3),
        "solve_s": round(result.seconds, 3),
        "status": str(result.status),
        "objective": result.objective,
        "bound": result.bound,
        "gap": result.gap,
        "violations": len(check_plan(problem, plan)),
        "cost_rechecked": plan_cost(problem, plan) == result.objective,
    }
    if name == "dense-400" and dense:
        status, objective, bound, seconds, dense_plan, hit = solve_dense(problem, time_limit=dense_limit, target=result.objective)
        out.update(
            dense_status=status,
            dense_objective=objective,
            dense_bound=bound,
            dense_s=round(seconds, 3),
            dense_same_objective_s=None if hit is None else round(hit, 3),
            dense_violations=len(check_plan(problem, dense_plan)) if dense_plan else None,
        )
    out["peak_mb"] = round(_peak_mb(), 1)
    return out


def main(argv: list[str] | None = None) -> int:
    """Run every scenario ``--repeats`` times in fresh processes and print medians."""
    parser = argparse.ArgumentParser(prog="python -m seatplan.bench.solver", description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--only", choices=SCENARIOS, action="append")
    parser.add_argument("--dense-limit", type=float, default=300.0, help="time limit of the dense model, seconds")
    parser.add_argument("--child", choices=SCENARIOS, help=argparse.SUPPRESS)
    parser.add_argument("--skip-dense", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--growth", help="comma-separated sizes of proportional_hall to measure (a growth curve)")
    parser.add_argument("--growth-child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--rank", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.growth_child:
        print(json.dumps(run_growth_point(args.growth_child, rules=not args.rank)))
        return 0
    if args.growth:
        print_growth([int(x) for x in args.growth.split(",")], args.repeats)
        return 0
    if args.child:
        print(json.dumps(run_one(args.child, dense_limit=args.dense_limit, dense=not args.skip_dense)))
        return 0
    print(f"seatplan solver benchmarks ({args.repeats} runs each, medians; fresh process per run)")
    for name in args.only or SCENARIOS:
        runs = []
        for k in range(args.repeats):
            skip = ["--skip-dense"] if k > 0 else []  # the dense model runs once (it is slow)
            proc = subprocess.run(
                [sys.executable, "-m", "seatplan.bench.solver", "--child", name, "--dense-limit", str(args.dense_limit), *skip],
                capture_output=True,
                text=True,
                check=True,
            )
            runs.append(json.loads(proc.stdout.strip().splitlines()[-1]))
        first = runs[0]
        med = {k: statistics.median(float(r[k]) for r in runs) for k in ("solve_s", "build_s", "peak_mb")}
        line = (
            f"{name:16} {first['attendees']:>6} people {first['seats']:>6} seats  solve {med['solve_s']:.3f} s "
            f"(build {med['build_s']:.3f} s)  {first['status']} objective {first['objective']:.0f} bound {first['bound']:.0f} "
            f"gap {float(first['gap']):.4f}  violations {first['violations']}  peak {med['peak_mb']:.0f} MB"
        )
        print(line)
        if name == "dense-400":
            dense_s = float(first["dense_s"])
            hits = [r["dense_same_objective_s"] for r in runs[:1] if r["dense_same_objective_s"] is not None]
            proved = first["dense_status"] == "OPTIMAL"
            if proved:
                what, dense_time = "to prove the same optimum", dense_s
            elif hits:
                what, dense_time = f"to first hold objective {first['objective']:.0f} (never proved: bound {first['dense_bound']})", statistics.median(hits)
            else:
                what, dense_time = f"without reaching objective {first['objective']:.0f} (at least)", dense_s
            print(
                f"{'':16} dense model (1 run, 2 workers, limit {args.dense_limit:.0f} s): {first['dense_status']} "
                f"objective {first['dense_objective']} bound {first['dense_bound']} in {dense_s:.1f} s; "
                f"it takes {dense_time / med['solve_s']:.0f}× seatplan's time {what}"
            )
        if len({(r["status"], r["objective"]) for r in runs}) > 1:
            print(f"{'':16} WARNING: runs differ: {[(r['status'], r['objective']) for r in runs]}")
    return 0


def run_growth_point(n: int, *, rules: bool = True) -> dict[str, object]:
    """Solve :func:`proportional_hall` ``(n)`` once (after a small warm-up solve) and check it."""
    problem = proportional_hall(n, rules=rules)
    solve(proportional_hall(200, rules=rules))  # imports and first-call costs are not the hall's
    wall, cpu = time.perf_counter(), time.process_time()
    result = solve(problem)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    violations = len(check_plan(problem, result.require_plan()))
    c = problem.constraints
    requests = f"{len(c.pins)} / {sum(1 for a in problem.attendees if a.needs)} / {len(c.keep_apart)}"
    return {"n": n, "rules": rules, "wall_s": wall, "cpu_s": cpu, "status": str(result.status), "gap": result.gap,
            "violations": violations, "peak_mb": _peak_mb(), "requests": requests}


def print_growth(sizes: Sequence[int], repeats: int) -> None:
    """Medians of :func:`run_growth_point` in fresh processes, a Markdown table and the fitted exponents."""
    med: dict[tuple[int, bool], dict[str, float]] = {}
    first: dict[int, dict[str, object]] = {}
    for n in sizes:
        for rules in (True, False):
            runs = []
            for _ in range(repeats if rules else 1):
                cmd = [sys.executable, "-m", "seatplan.bench.solver", "--growth-child", str(n), *([] if rules else ["--rank"])]
                proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
                runs.append(json.loads(proc.stdout.strip().splitlines()[-1]))
            med[n, rules] = {k: statistics.median(float(r[k]) for r in runs) for k in ("wall_s", "cpu_s", "peak_mb")}
            if rules:
                first[n] = runs[0]
    print("| people | pins / wheelchair users / keep-apart pairs | wall s | CPU s | status | gap | violations | peak MB | rank-only wall s (CPU s) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for n in sizes:
        m, r, f = med[n, True], med[n, False], first[n]
        print(
            f"| {n:,} | {f['requests']} | {m['wall_s']:.3g} | {m['cpu_s']:.3g} | {f['status']} | {float(f['gap']):.2g} | "  # type: ignore[arg-type]
            f"{f['violations']} | {m['peak_mb']:.0f} | {r['wall_s']:.3g} ({r['cpu_s']:.3g}) |"
        )
    for rules, what in ((True, "with requests"), (False, "rank-only")):
        for key in ("wall_s", "cpu_s"):
            print(f"exponent {what}, {key[:-2]}: {fit_exponent(sizes, [med[n, rules][key] for n in sizes]):.2f}")


def fit_exponent(sizes: Sequence[int], seconds: Sequence[float]) -> float:
    """The slope of the least-squares line of log ``seconds`` on log ``sizes``."""
    xs = [math.log(n) for n in sizes]
    ys = [math.log(max(t, 1e-9)) for t in seconds]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)




# ------------------------------------------------------------------ builders for `seatplan bench`


def _timed_case(problem: SeatingProblem, *, baseline: Callable[[], object] | None = None, baseline_name: str = "") -> Case:
    """A :class:`seatplan.bench.Case` that solves ``problem`` and checks the plan."""
    def run() -> object:
        result = solve(problem)
        assert check_plan(problem, result.require_plan()) == []
        return result

    return Case(run=run, attendees=len(problem.attendees), seats=len(problem.seats), baseline=baseline, baseline_name=baseline_name)


def build_hall_10000_200(*, seed: int = 0, quick: bool = False) -> Case:
    """``hall-10000-200`` with rules; baseline: the same hall in rank order only (target ≤ 1 s)."""
    del seed, quick
    rank = hall_scenario(rules=False)
    return _timed_case(hall_scenario(), baseline=lambda: solve(rank), baseline_name="rank-fill")


def build_dense_400(*, seed: int = 0, quick: bool = False) -> Case:
    """``dense-400``: seatplan against the dense attendee × seat CP-SAT model, same instance."""
    del seed
    problem = dense_scenario()
    target = solve(problem).objective
    limit = 20.0 if quick else 300.0

    def dense() -> dict[str, object]:
        status, objective, bound, *_ = solve_dense(problem, time_limit=limit, target=target)
        return {"status": status, "objective": objective, "bound": bound}

    return _timed_case(problem, baseline=dense, baseline_name=f"dense-cp-sat ({limit:.0f} s limit)")


def proportional_hall(n: int, *, rules: bool = True, seed: int = 2024) -> SeatingProblem:
    """A hall of ``n`` people with requests in proportion to its size.

    0.5 % pinned to the front rows, 0.3 % wheelchair users (0.4 % wheelchair places),
    1 % keep-apart pairs, units of about 50; the rows widen with the square root of
    the size (130 seats a row at 10,000) so a hall of 100,000 stays a hall.
    """
    scale = max(1.0, (n / 10_000) ** 0.5)
    blocks = tuple(max(4, round(b * scale)) for b in (36, 58, 36))
    rows = -(-round(n * 1.04) // sum(blocks))
    return hall_scenario(
        n,
        max(20, n // 50),
        rows=rows,
        blocks=blocks,
        pins=n // 200,
        reserved=min(60, n // 170),
        wheelchair_places=n * 4 // 1000,
        wheelchair_users=n * 3 // 1000,
        apart=n // 100,
        rules=rules,
        seed=seed,
    )


def _proportional_case(n: int, quick_n: int, quick: bool) -> Case:
    size = quick_n if quick else n
    problem = proportional_hall(size)
    rank = proportional_hall(size, rules=False)
    return _timed_case(problem, baseline=lambda: solve(rank), baseline_name="rank-fill (same hall, no requests)")


def build_hall_30000_prop(*, seed: int = 0, quick: bool = False) -> Case:
    """``hall-30000-prop``: 30,000 people, requests in proportion (2,000 with ``--quick``)."""
    del seed
    return _proportional_case(30_000, 2_000, quick)


def build_hall_100000_prop(*, seed: int = 0, quick: bool = False) -> Case:
    """``hall-100000-prop``: 100,000 people, requests in proportion (3,000 with ``--quick``)."""
    del seed
    return _proportional_case(100_000, 3_000, quick)


if __name__ == "__main__":
    sys.exit(main())
