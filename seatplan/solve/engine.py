"""``seatplan.solve``: decompose the problem, solve each part exactly, assemble the result.

Decomposition (architecture §5)
-------------------------------
1. Pre-checks (:mod:`seatplan.solve.explain`) name the obvious conflicts.
2. Strict zones (dais, head table): the exact merge of :mod:`seatplan.solve.merge`.
3. Pinned people take their seats.
4. Non-strict zones (the floor): the protocol fill, bent by a CP-SAT model over
   the people with requests only (:mod:`seatplan.solve.flow`); everyone else
   follows in precedence order. Seats fixed by steps 2–3 are anchors for the
   groups that reach into these zones.
5. Groups whose members are all fixed are checked (a hard one broken is a
   conflict naming the people and seats).

The objective is recomputed from the finished plan (displacement from the plain
fill and the soft group costs, ``docs/rules.md``); every part being optimal
makes the whole optimal, since the parts share no cost.
"""

from __future__ import annotations

import time

from seatplan.check import group_cost, plan_cost
from seatplan.errors import Conflict
from seatplan.model import Plan, Result, SeatingProblem, SolveStatus
from seatplan.model.problem import PairMode
from seatplan.solve.explain import precheck
from seatplan.solve.flow import DEFAULT_WORK_LIMIT, FlowSettings, solve_flow
from seatplan.solve.merge import ZoneOutcome, merge_zone


def solve(problem: SeatingProblem, *, time_limit: float | None = None, seed: int = 0) -> Result:
    """Assign attendees to seats.

    Parameters
    ----------
    problem
        Seats and people in precedence order, per zone, and the rules
        (``problem.constraints``).
    time_limit
        Upper bound on the search time in seconds. Without it the search is
        bounded by a deterministic work budget, so the same input always gives
        the same plan; with it, a search cut short by the clock may differ
        between machines (the result then says FEASIBLE with its gap).
    seed
        Random seed of CP-SAT (one worker: the result depends on nothing else).

    Returns
    -------
    Result
        OPTIMAL (or FEASIBLE with bound and gap) with a plan; or INFEASIBLE with
        an explanation naming the rules, people and numbers involved (unless
        ``problem.allow_unseated`` lets people who do not fit be listed in
        ``plan.unseated``); UNKNOWN if the search ran out of time.
    """
    started = time.perf_counter()
    deadline = None if time_limit is None else started + time_limit

    def elapsed() -> float:
        return time.perf_counter() - started

    def fail(conflicts: list[Conflict], status: SolveStatus = SolveStatus.INFEASIBLE) -> Result:
        return Result(status=status, plan=None, seconds=elapsed(), explanation=tuple(_unique(conflicts)))

    conflicts = precheck(problem)
    if conflicts:
        return fail(conflicts)
    c = problem.constraints
    outcomes: list[ZoneOutcome] = []
    fixed: dict[str, str] = dict(c.pins)
    for zone in problem.zones:
        if zone.strict:
            out = merge_zone(problem, zone)
            outcomes.append(out)
            fixed.update(out.seat_of)
    if any(o.conflicts for o in outcomes):
        return fail([x for o in outcomes for x in o.conflicts])
    for zone in problem.zones:
        if zone.strict:
            continue
        remaining = None if deadline is None else max(0.05, deadline - time.perf_counter())
        settings = FlowSettings(seed=seed, time_limit=remaining, work_limit=DEFAULT_WORK_LIMIT)
        out = solve_flow(problem, zone, fixed, settings)
        if out.conflicts:
            status = SolveStatus.UNKNOWN if all(x.rule == "time-limit" for x in out.conflicts) else SolveStatus.INFEASIBLE
            return fail(out.conflicts, status)
        outcomes.append(out)
    seat_of: dict[str, str] = dict(c.pins)
    unseated: dict[str, str] = {}
    for o in outcomes:
        seat_of.update(o.seat_of)
        unseated.update(o.unseated)
    conflicts = _fixed_groups(problem, seat_of)
    if conflicts:
        return fail(conflicts)
    plan = Plan(seat_of=seat_of, unseated=unseated)
    objective = float(objective_of(problem, plan))
    optimal = all(o.optimal for o in outcomes)
    if optimal:
        bound = objective
    else:
        bound = float(min(objective, sum(o.bound for o in outcomes)))
    gap = 0.0 if objective == bound else (objective - bound) / max(1.0, abs(objective))
    return Result(
        status=SolveStatus.OPTIMAL if optimal else SolveStatus.FEASIBLE,
        plan=plan,
        objective=objective,
        bound=bound,
        gap=gap,
        seconds=elapsed(),
    )


def _unique(conflicts: list[Conflict]) -> list[Conflict]:
    seen: set[tuple[str, str]] = set()
    out = []
    for x in conflicts:
        if (x.rule, x.message) not in seen:
            seen.add((x.rule, x.message))
            out.append(x)
    return out


def _fixed_groups(problem: SeatingProblem, seat_of: dict[str, str]) -> list[Conflict]:
    """Hard groups broken by seats that no search could change (pins, strict zones)."""
    out = []
    movable = {a for z in problem.zones if not z.strict for a in z.attendee_ids if a not in problem.constraints.pins}
    seated = Plan(seat_of=seat_of)
    for kind, group in problem.constraints.groups:
        if not group.hard or any(m in movable for m in group.members):
            continue
        if group_cost(problem, seated, kind, group):
            where = ", ".join(
                f"{problem.attendee(m).name} {problem.seat(seat_of[m]).describe()}" for m in group.members if m in seat_of
            )
            what = "must not sit side by side" if kind == "apart" else "must sit side by side"
            if group.mode is PairMode.TABLE:
                what = "must not share a table" if kind == "apart" else "must share a table"
            out.append(
                Conflict(
                    "keep-apart" if kind == "apart" else "keep-together",
                    f"{'、'.join(problem.attendee(m).name for m in group.members)} {what} ({group.source or kind}), "
                    f"but protocol order and pins fix their seats: {where}",
                    group.members,
                )
            )
    return out


def objective_of(problem: SeatingProblem, plan: Plan) -> int:
    """The objective of a finished plan (``docs/rules.md``): order displacement plus soft group costs.

    The same formula the checker states (:func:`seatplan.check.plan_cost`).
    """
    return plan_cost(problem, plan)
