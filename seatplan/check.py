"""An independent validator of plans: the solver never grades itself.

:func:`check_plan` lists every broken rule of a plan, :func:`plan_cost` computes
its objective (the sum of the soft costs). Neither uses the solver: they read
the rules straight from the problem, with the seat geometry helpers of
:mod:`seatplan.model.problem` that define "neighbour", "line" and "the plain
protocol fill" (``docs/rules.md``).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from seatplan.model import Plan, SeatingProblem, Zone
from seatplan.model.problem import PairMode, PeopleGroup


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
    PIN = "pin"  # a pinned person is not on his seat
    RESERVED = "reserved"  # someone sits on a reserved seat
    NEED = "need"  # a seat lacks a tag its occupant needs
    APART = "apart"  # a keep-apart rule is broken
    TOGETHER = "together"  # a keep-together rule is broken
    UNIT_BLOCK = "unit-block"  # a unit is not in consecutive seats of the fill order
    UNIT_ORDER = "unit-order"  # units do not follow the published order
    WRAP = "wrap"  # a unit continues on the next row although wrap = false
    FILL = "fill"  # an open seat is empty in front of someone (R-AUD-11)
    TABLE_ORDER = "table-order"  # guests at a banquet table are not in precedence order (R-BNQ-7)


@dataclass(frozen=True)
class Violation:
    """One broken rule in a plan."""

    kind: ViolationKind
    message: str
    attendees: tuple[str, ...] = ()
    seats: tuple[str, ...] = ()


def _label(problem: SeatingProblem, seat_id: str) -> str:
    seat = problem.seat_index.get(seat_id)
    return seat.describe() if seat is not None else seat_id


def _name(problem: SeatingProblem, aid: str) -> str:
    a = problem.attendee_index.get(aid)
    return f"{a.name} ({aid})" if a is not None else aid


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
        unseated, no seat is shared, everyone sits in his zone, strict zones put
        the k-th person on the k-th seat (reserved seats skipped) with no
        honoured seat left empty, pins, reserved seats, seat needs and the hard
        keep-apart / keep-together groups hold, and non-strict zones fill front
        to back with units in blocks in the published order (``docs/rules.md``).
    """
    out: list[Violation] = []
    for aid in list(plan.seat_of) + list(plan.unseated):
        if aid not in problem.attendee_index:
            out.append(Violation(ViolationKind.UNKNOWN_ATTENDEE, f"unknown attendee {aid!r} in the plan", (aid,)))
    for aid in sorted(set(plan.seat_of) & set(plan.unseated)):
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
    c = problem.constraints
    for zone in problem.zones:
        zone_seats = set(zone.seat_ids)
        for aid in zone.attendee_ids:
            held = plan.seat_of.get(aid)
            if held is not None and held not in zone_seats:
                out.append(
                    Violation(ViolationKind.WRONG_ZONE, f"{aid!r} belongs to zone {zone.name} but sits on {held}", (aid,), (held,))
                )
        if zone.strict:
            out += _check_strict(problem, plan, zone)
        else:
            out += _check_flow(problem, plan, zone)
    for aid, sid in c.pins.items():
        if plan.seat_of.get(aid) != sid:
            where = _label(problem, plan.seat_of[aid]) if aid in plan.seat_of else "no seat"
            out.append(
                Violation(
                    ViolationKind.PIN,
                    f"{_name(problem, aid)} is pinned to {_label(problem, sid)} but has {where}",
                    (aid,),
                    (sid,),
                )
            )
    for aid, sid in plan.seat_of.items():
        if sid in c.reserved:
            out.append(Violation(ViolationKind.RESERVED, f"{_name(problem, aid)} sits on reserved seat {_label(problem, sid)}", (aid,), (sid,)))
        person = problem.attendee_index.get(aid)
        seat = problem.seat_index.get(sid)
        if person is not None and seat is not None and not person.needs <= seat.tags:
            missing = ", ".join(sorted(person.needs - seat.tags))
            out.append(
                Violation(ViolationKind.NEED, f"{_name(problem, aid)} needs {missing} but {seat.describe()} lacks it", (aid,), (sid,))
            )
    for kind, group in c.groups:
        if not group.hard:
            continue
        bad = group_cost(problem, plan, kind, group)
        if bad:
            names = ", ".join(_name(problem, m) for m in group.members)
            what = "must not sit side by side" if group.mode is PairMode.ADJACENT else "must not share a table"
            if kind == "together":
                what = "must sit side by side" if group.mode is PairMode.ADJACENT else "must share a table"
            out.append(
                Violation(
                    ViolationKind.APART if kind == "apart" else ViolationKind.TOGETHER,
                    f"{names} {what} ({group.source or kind})",
                    group.members,
                    tuple(plan.seat_of[m] for m in group.members if m in plan.seat_of),
                )
            )
    return out


def _check_strict(problem: SeatingProblem, plan: Plan, zone: Zone) -> list[Violation]:
    reserved = problem.constraints.reserved
    rank_of_seat = {sid: k for k, sid in enumerate(s for s in zone.seat_ids if s not in reserved)}
    placed = [rank_of_seat[plan.seat_of[a]] for a in zone.attendee_ids if plan.seat_of.get(a) in rank_of_seat]
    out: list[Violation] = []
    if placed != sorted(placed):
        out.append(Violation(ViolationKind.ORDER, f"zone {zone.name} is not filled in precedence order"))
    if placed and sorted(placed) != list(range(len(placed))):
        out.append(Violation(ViolationKind.GAP, f"zone {zone.name} leaves an honoured seat empty while a later seat is used"))
    return out


def _check_flow(problem: SeatingProblem, plan: Plan, zone: Zone) -> list[Violation]:
    """Fill order, unit blocks, unit order and wrap of a non-strict zone."""
    c = problem.constraints
    ref = problem.reference(zone)
    index = {sid: p for p, sid in enumerate(ref.open_seats)}
    individual = problem.individually_placed
    occupant = {sid: aid for aid, sid in plan.seat_of.items() if sid in index}
    out: list[Violation] = []
    run_of = {aid: k for k, run in enumerate(ref.runs) for aid in run}
    size = [sum(1 for a in run if a in plan.seat_of and a not in individual) for run in ref.runs]
    line_start: dict[int, int] = {}
    line_end: dict[int, int] = {}
    for p, ln in enumerate(ref.lines):
        line_start.setdefault(ln, p)
        line_end[ln] = p + 1
    body = sorted(index[sid] for sid, aid in occupant.items() if aid not in individual)
    if c.front_to_back and body:
        last = body[-1]
        p = 0
        while p < last:
            if ref.open_seats[p] in occupant:
                p += 1
                continue
            ln = ref.lines[p]
            tail_ok = False
            if not c.wrap and all(ref.open_seats[q] not in occupant for q in range(p, line_end[ln])):
                tail = line_end[ln] - p
                nxt = next((q for q in range(line_end[ln], len(ref.open_seats)) if ref.open_seats[q] in occupant), None)
                if nxt is not None and p != line_start[ln]:
                    aid = occupant[ref.open_seats[nxt]]
                    k = run_of.get(aid)
                    starts = k is not None and not any(
                        index.get(plan.seat_of.get(b, ""), len(index)) < nxt for b in ref.runs[k] if b not in individual
                    )
                    tail_ok = nxt == line_start[ref.lines[nxt]] and starts and size[k] > tail  # type: ignore[index]
            if tail_ok:
                p = line_end[ln]
                continue
            out.append(
                Violation(
                    ViolationKind.FILL,
                    f"zone {zone.name}: seat {_label(problem, ref.open_seats[p])} is empty while "
                    f"{_name(problem, occupant[ref.open_seats[last]])} sits further back (R-AUD-11)",
                    (occupant[ref.open_seats[last]],),
                    (ref.open_seats[p],),
                )
            )
            break
    out += _check_table_order(problem, plan, zone)
    if c.contiguous:
        skipped = {sid for sid, aid in occupant.items() if aid in individual}
        seq = {sid: k for k, sid in enumerate(s for s in ref.open_seats if s not in skipped)}
        runs_seen: list[tuple[int, int, int]] = []  # (first, last, run)
        for k, run in enumerate(ref.runs):
            pos = sorted(seq[plan.seat_of[a]] for a in run if a not in individual and plan.seat_of.get(a) in seq)
            if not pos:
                continue
            if pos[-1] - pos[0] + 1 != len(pos):
                who = problem.attendee(run[0]).unit or "(no unit)"
                out.append(
                    Violation(
                        ViolationKind.UNIT_BLOCK,
                        f"zone {zone.name}: unit 『{who}』 is not in one block of consecutive seats",
                        tuple(a for a in run if a in plan.seat_of),
                    )
                )
            runs_seen.append((pos[0], pos[-1], k))
            if not c.wrap:
                lines = {ref.lines[index[plan.seat_of[a]]] for a in run if a not in individual and plan.seat_of.get(a) in index}
                first = min(index[plan.seat_of[a]] for a in run if a not in individual and plan.seat_of.get(a) in index)
                if len(lines) > 1 and first != line_start[ref.lines[first]]:
                    who = problem.attendee(run[0]).unit or "(no unit)"
                    out.append(
                        Violation(
                            ViolationKind.WRAP,
                            f"zone {zone.name}: unit 『{who}』 continues on the next row although wrap = false",
                            tuple(a for a in run if a in plan.seat_of),
                        )
                    )
        runs_seen.sort()
        for (_, l1, k1), (f2, _, k2) in itertools.pairwise(runs_seen):
            if k1 > k2 or l1 >= f2:
                a, b = ref.runs[k1][0], ref.runs[k2][0]
                out.append(
                    Violation(
                        ViolationKind.UNIT_ORDER,
                        f"zone {zone.name}: units 『{problem.attendee(a).unit}』 and 『{problem.attendee(b).unit}』 "
                        "are out of the published order or interleaved",
                        (a, b),
                    )
                )
    return out


def _check_table_order(problem: SeatingProblem, plan: Plan, zone: Zone) -> list[Violation]:
    """At every table of a banquet zone, the guests who move freely sit in precedence order (R-BNQ-7).

    Pinned people, people with seat needs and members of a request that names
    neighbouring places (``adjacent`` groups) are left out: their places are what the
    request is about. Like the front-to-back fill it is not demanded of a replan
    (``front_to_back`` off), where people keep their places.
    """
    c = problem.constraints
    if not c.front_to_back:
        return []
    ref = problem.reference(zone)
    if not ref.open_seats or not all(problem.seat(s).table for s in ref.open_seats):
        return []
    placed_by_request = {m for _, g in c.groups if g.mode is PairMode.ADJACENT for m in g.members}
    index = {sid: p for p, sid in enumerate(ref.open_seats)}
    at: dict[str, list[tuple[int, int, str]]] = {}
    for aid, p in ref.position.items():
        sid = plan.seat_of.get(aid)
        if sid in index and aid not in c.pins and not problem.attendee(aid).needs and aid not in placed_by_request:
            at.setdefault(problem.seat(sid).table, []).append((index[sid], p, aid))
    out: list[Violation] = []
    for table in sorted(at):
        people = sorted(at[table])
        for (_, p1, a1), (_, p2, a2) in itertools.pairwise(people):
            if p1 > p2:
                out.append(
                    Violation(
                        ViolationKind.TABLE_ORDER,
                        f"zone {zone.name}: at table {table} {_name(problem, a1)} has a better place than "
                        f"{_name(problem, a2)}, who comes first in precedence (R-BNQ-7)",
                        (a1, a2),
                        (plan.seat_of[a1], plan.seat_of[a2]),
                    )
                )
                break
    return out


def _components(problem: SeatingProblem, seats: list[str]) -> int:
    """Number of connected pieces of ``seats`` under the neighbour relation."""
    parent = {s: s for s in seats}

    def find(s: str) -> str:
        while parent[s] != s:
            parent[s] = parent[parent[s]]
            s = parent[s]
        return s

    for s in seats:
        for t in problem.neighbours.get(s, ()):
            if t in parent:
                parent[find(s)] = find(t)
    return len({find(s) for s in seats})


def group_cost(problem: SeatingProblem, plan: Plan, kind: str, group: PeopleGroup) -> int:
    """How badly a group request is missed (0 = met), over its seated members.

    keep-apart: the number of member pairs side by side (``ADJACENT``) or at one
    table (``TABLE``). keep-together: the number of pieces minus one — pieces of
    neighbouring seats (``ADJACENT``) or tables (``TABLE``).
    """
    seats = [plan.seat_of[m] for m in group.members if m in plan.seat_of and plan.seat_of[m] in problem.seat_index]
    if len(seats) < 2:
        return 0
    if group.mode is PairMode.TABLE:
        tables = [problem.seat(s).table or f"\0{s}" for s in seats]
        if kind == "apart":
            return sum(1 for i in range(len(tables)) for j in range(i + 1, len(tables)) if tables[i] == tables[j])
        return len(set(tables)) - 1
    if kind == "apart":
        taken = set(seats)
        return sum(1 for s in seats for t in problem.neighbours.get(s, ()) if t in taken) // 2
    return _components(problem, seats) - 1


def plan_cost(problem: SeatingProblem, plan: Plan) -> int:
    """The objective of a plan, computed from the rules (what the solver minimises).

    ``order`` × the displacement of every free person of a non-strict zone from
    his seat in the plain protocol fill (counted in open seats of the fill
    order), plus ``apart`` / ``together`` × how badly each soft group request is
    missed (:func:`group_cost`). Strict zones and hard rules add nothing.
    """
    c = problem.constraints
    total = 0
    for zone in problem.zones:
        if zone.strict:
            continue
        ref = problem.reference(zone)
        index = {sid: p for p, sid in enumerate(ref.open_seats)}
        for aid, p in ref.position.items():
            sid = plan.seat_of.get(aid)
            if sid in index:
                total += c.weights.order * abs(index[sid] - p)
    for kind, group in c.groups:
        if not group.hard:
            total += (c.weights.apart if kind == "apart" else c.weights.together) * group_cost(problem, plan, kind, group)
    return total


def summarise_violations(violations: Iterable[Violation]) -> str:
    """One line per violation, for error messages and test output."""
    return "\n".join(f"[{v.kind}] {v.message}" for v in violations)
