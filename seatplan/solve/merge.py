"""Exact assignment where protocol fixes the order: a merge of two precedence lists.

When every zone is strict (the k-th most senior person takes the k-th most
honoured seat), the optimal plan is the merge of the attendee precedence list
onto the seat precedence list. It is computed in O(n) per zone after the
O(n log n) sorts done by the protocol layer, and it is optimal by construction:
the objective (rank inversions inside zones) is 0, which is also the bound.
"""

from __future__ import annotations

import time

from seatplan.errors import Conflict
from seatplan.model import Plan, Result, SeatingProblem, SolveStatus


def solve(problem: SeatingProblem, *, time_limit: float | None = None, seed: int = 0) -> Result:
    """Assign attendees to seats.

    Parameters
    ----------
    problem
        Seats and people in precedence order, per zone.
    time_limit
        Upper bound on solve time in seconds (unused by the exact merge).
    seed
        Random seed (unused by the exact merge; kept for a stable signature).

    Returns
    -------
    Result
        OPTIMAL with a plan, or INFEASIBLE with an explanation naming the zone
        and the people who do not fit (unless ``problem.allow_unseated``, in
        which case they are listed in ``plan.unseated`` with the reason).
    """
    del time_limit, seed
    started = time.perf_counter()
    seat_of: dict[str, str] = {}
    unseated: dict[str, str] = {}
    conflicts: list[Conflict] = []
    for zone in problem.zones:
        seats = zone.seat_ids
        people = zone.attendee_ids
        for aid, sid in zip(people, seats):
            seat_of[aid] = sid
        overflow = people[len(seats):]
        if not overflow:
            continue
        reason = f"zone '{zone.name}' has {len(seats)} seats for {len(people)} people"
        if problem.allow_unseated:
            for aid in overflow:
                unseated[aid] = f"no seat left: {reason}"
        else:
            names = ", ".join(problem.attendee(a).name for a in overflow[:8])
            more = f" and {len(overflow) - 8} more" if len(overflow) > 8 else ""
            conflicts.append(
                Conflict(
                    rule="capacity",
                    message=f"{reason}; {len(overflow)} cannot be seated ({names}{more})",
                    people=tuple(overflow),
                )
            )
    seconds = time.perf_counter() - started
    if conflicts:
        return Result(status=SolveStatus.INFEASIBLE, plan=None, seconds=seconds, explanation=tuple(conflicts))
    return Result(
        status=SolveStatus.OPTIMAL,
        plan=Plan(seat_of=seat_of, unseated=unseated),
        objective=0.0,
        bound=0.0,
        gap=0.0,
        seconds=seconds,
    )
