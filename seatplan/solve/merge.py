"""Exact assignment where protocol fixes the order: a merge of two precedence lists.

In a strict zone the k-th most senior person takes the k-th most honoured seat
that is not reserved. The optimal plan is the merge of the attendee precedence
list onto the seat precedence list: O(n) per zone after the sorts done by the
protocol layer, optimal by construction (nothing may deviate, the objective is
0). A pin, a seat need or a keep-apart / keep-together rule that the protocol
order does not meet cannot be repaired inside a strict zone: it is reported as
a conflict naming the person, his place in the order and the seat protocol
gives him.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from seatplan.errors import Conflict
from seatplan.model import SeatingProblem, Zone


@dataclass
class ZoneOutcome:
    """Seats, unseated people and conflicts of one zone."""

    seat_of: dict[str, str] = field(default_factory=dict)
    unseated: dict[str, str] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    objective: int = 0
    bound: int = 0
    optimal: bool = True


def capacity_conflict(
    problem: SeatingProblem, zone: Zone, overflow: list[str] | tuple[str, ...], open_seats: int, note: str = "", *, pinned: int = 0
) -> Conflict:
    """The plain-language capacity message (names the first eight who do not fit).

    ``open_seats`` are the seats left for the ``len(zone.attendee_ids) − pinned``
    people who are not pinned (the pinned have their seats: both sides lose them).
    """
    names = ", ".join(problem.attendee(a).name for a in overflow[:8])
    more = f" and {len(overflow) - 8} more" if len(overflow) > 8 else ""
    people = len(zone.attendee_ids) - pinned
    held = len(zone.seat_ids) - pinned - open_seats
    total = len(zone.seat_ids) - pinned
    seats = f"{total} seats, {held} of them reserved, so {open_seats} open" if held > 0 else f"{open_seats} seats"
    who = "people" if people != 1 else "person"
    pinned_text = f" (besides {pinned} pinned)" if pinned else ""
    return Conflict(
        rule="capacity",
        message=f"zone '{zone.name}' has {seats}{note} for {people} {who}{pinned_text}; {len(overflow)} cannot be seated ({names}{more})",
        people=tuple(overflow),
    )


def merge_zone(problem: SeatingProblem, zone: Zone) -> ZoneOutcome:
    """Seat a strict zone by merging people onto seats (reserved seats skipped).

    Returns
    -------
    ZoneOutcome
        The seats, or conflicts: capacity (unless ``allow_unseated``), a pin the
        order contradicts, a seat lacking a tag its occupant needs.
    """
    c = problem.constraints
    out = ZoneOutcome()
    seats = [s for s in zone.seat_ids if s not in c.reserved]
    people = zone.attendee_ids
    for aid, placed in zip(people, seats):
        out.seat_of[aid] = placed
    overflow = list(people[len(seats):])
    if overflow:
        conflict = capacity_conflict(problem, zone, overflow, len(seats))
        if problem.allow_unseated:
            reason = "no seat left: " + conflict.message.split(";")[0]
            for aid in overflow:
                out.unseated[aid] = reason
        else:
            out.conflicts.append(conflict)
    for k, aid in enumerate(people, start=1):
        taken = out.seat_of.get(aid)
        person = problem.attendee(aid)
        pin = c.pins.get(aid)
        if pin is not None and pin != taken:
            given = problem.seat(taken).describe() if taken else "no seat"
            out.conflicts.append(
                Conflict(
                    rule="pin",
                    message=f"zone '{zone.name}' follows strict protocol order: {person.name} is No.{k} there and takes "
                    f"{given}, but is pinned to {problem.seat(pin).describe()}",
                    people=(aid,),
                )
            )
        if taken is not None and not person.needs <= problem.seat(taken).tags:
            missing = ", ".join(sorted(person.needs - problem.seat(taken).tags))
            out.conflicts.append(
                Conflict(
                    rule="needs",
                    message=f"zone '{zone.name}' follows strict protocol order: {person.name} is No.{k} there and takes "
                    f"{problem.seat(taken).describe()}, which is not marked {missing}",
                    people=(aid,),
                )
            )
    return out
