"""An independent validator of plans: the solver never grades itself."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from seatplan.model import Plan, SeatingProblem


class ViolationKind(StrEnum):
    """What a violation is about."""

    UNKNOWN_ATTENDEE = "unknown-attendee"
    UNKNOWN_SEAT = "unknown-seat"
    LOST = "lost"  # neither seated nor reported unseated
    BOTH = "seated-and-unseated"
    SHARED_SEAT = "shared-seat"
    WRONG_ZONE = "wrong-zone"
    ORDER = "order"  # a strict zone is not filled in precedence order
    GAP = "gap"  # an honoured seat is empty while someone sits further down


@dataclass(frozen=True)
class Violation:
    """One broken rule in a plan."""

    kind: ViolationKind
    message: str
    attendees: tuple[str, ...] = ()
    seats: tuple[str, ...] = ()


def check_plan(problem: SeatingProblem, plan: Plan) -> list[Violation]:
    """Check a plan against the problem without using the solver.

    Parameters
    ----------
    problem
        The seating problem.
    plan
        The assignment to check.

    Returns
    -------
    list of Violation
        Empty when the plan is valid: everyone is seated exactly once or reported
        unseated, no seat is shared, everyone sits in his zone, and strict zones
        put the k-th person on the k-th seat with no honoured seat left empty.
    """
    out: list[Violation] = []
    for aid in list(plan.seat_of) + list(plan.unseated):
        if aid not in problem.attendee_index:
            out.append(Violation(ViolationKind.UNKNOWN_ATTENDEE, f"unknown attendee {aid!r} in the plan", (aid,)))
    for aid in set(plan.seat_of) & set(plan.unseated):
        out.append(Violation(ViolationKind.BOTH, f"{aid!r} is both seated and unseated", (aid,)))
    for a in problem.attendees:
        if a.id not in plan.seat_of and a.id not in plan.unseated:
            out.append(Violation(ViolationKind.LOST, f"{a.name} ({a.id}) is neither seated nor reported unseated", (a.id,)))
    holders: dict[str, list[str]] = {}
    for aid, sid in plan.seat_of.items():
        if sid not in problem.seat_index:
            out.append(Violation(ViolationKind.UNKNOWN_SEAT, f"{aid!r} is on unknown seat {sid!r}", (aid,), (sid,)))
        holders.setdefault(sid, []).append(aid)
    for sid, aids in holders.items():
        if len(aids) > 1:
            out.append(Violation(ViolationKind.SHARED_SEAT, f"seat {sid} is given to {len(aids)} people", tuple(aids), (sid,)))
    for zone in problem.zones:
        rank_of_seat = {sid: k for k, sid in enumerate(zone.seat_ids)}
        placed: list[int] = []
        for aid in zone.attendee_ids:
            sid = plan.seat_of.get(aid)
            if sid is None:
                continue
            if sid not in rank_of_seat:
                out.append(Violation(ViolationKind.WRONG_ZONE, f"{aid!r} belongs to zone {zone.name} but sits on {sid}", (aid,), (sid,)))
                continue
            placed.append(rank_of_seat[sid])
        if not zone.strict:
            continue
        if placed != sorted(placed):
            out.append(Violation(ViolationKind.ORDER, f"zone {zone.name} is not filled in precedence order"))
        if placed and sorted(placed) != list(range(len(placed))):
            out.append(Violation(ViolationKind.GAP, f"zone {zone.name} leaves an honoured seat empty while a later seat is used"))
    return out
