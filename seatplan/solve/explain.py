"""Plain-language reasons why a request cannot be met, found before any search.

Most impossible requests are simple to see and simple to say: two people pinned
to one seat, three wheelchair users for two wheelchair places, a group of 14
that must sit side by side in a hall whose longest run of seats is 12. These
checks find them in linear time and name the people, seats and numbers; only
what they cannot see is left to the CP-SAT assumptions of
:mod:`seatplan.solve.flow`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from seatplan.errors import Conflict
from seatplan.model import SeatingProblem, Zone
from seatplan.model.problem import PairMode
from seatplan.solve.cpsat import SolverSettings, run_model

if TYPE_CHECKING:
    from ortools.sat.python import cp_model

#: How many names a message lists before "and N more".
MAX_NAMES = 8


def _names(problem: SeatingProblem, ids: Sequence[str]) -> str:
    names = [problem.attendee(a).name for a in ids[:MAX_NAMES]]
    more = f" and {len(ids) - MAX_NAMES} more" if len(ids) > MAX_NAMES else ""
    return "、".join(names) + more


def _labels(problem: SeatingProblem, seats: Sequence[str]) -> str:
    shown = [problem.seat(s).describe() for s in seats[:MAX_NAMES]]
    more = f" and {len(seats) - MAX_NAMES} more" if len(seats) > MAX_NAMES else ""
    return ", ".join(shown) + more


def precheck(problem: SeatingProblem) -> list[Conflict]:
    """Conflicts visible without search: pins, seat needs, group sizes.

    Returns
    -------
    list of Conflict
        Empty when nothing obvious is wrong (the solver may still find a conflict).
    """
    out = _check_pins(problem)
    for zone in problem.zones:
        if not zone.strict:
            out += _check_needs(problem, zone)
    out += _check_groups(problem)
    return out


def _check_pins(problem: SeatingProblem) -> list[Conflict]:
    c = problem.constraints
    out: list[Conflict] = []
    holders: dict[str, list[str]] = {}
    for aid, sid in c.pins.items():
        holders.setdefault(sid, []).append(aid)
    for sid, aids in holders.items():
        if len(aids) > 1:
            out.append(Conflict("pin", f"{_names(problem, aids)} are all pinned to {problem.seat(sid).describe()}", tuple(aids)))
    for aid, sid in c.pins.items():
        person = problem.attendee(aid)
        seat = problem.seat(sid)
        if sid in c.reserved:
            out.append(Conflict("pin", f"{person.name} is pinned to {seat.describe()}, which is reserved (kept empty)", (aid,)))
        zone = problem.zone_of_attendee[aid]
        seat_zone = problem.zone_of_seat.get(sid)
        if seat_zone is not zone:
            where = f"zone '{seat_zone.name}'" if seat_zone is not None else "no zone"
            out.append(
                Conflict(
                    "pin",
                    f"{person.name} is seated in zone '{zone.name}' but pinned to {seat.describe()}, which belongs to {where}",
                    (aid,),
                )
            )
        if not person.needs <= seat.tags:
            missing = ", ".join(sorted(person.needs - seat.tags))
            out.append(Conflict("needs", f"{person.name} needs a seat marked {missing} but is pinned to {seat.describe()}, which is not", (aid,)))
    return out


def _match(people: list[str], options: dict[str, list[int]]) -> dict[str, int]:
    """Maximum matching of people to seat positions (augmenting paths; few people)."""
    owner: dict[int, str] = {}

    def augment(a: str, seen: set[int]) -> bool:
        for p in options[a]:  # a free position first: people with the same options take them in turn
            if p not in owner:
                owner[p] = a
                return True
        for p in options[a]:
            if p in seen:
                continue
            seen.add(p)
            if augment(owner[p], seen):
                owner[p] = a
                return True
        return False

    for a in people:
        augment(a, set())
    return {a: p for p, a in owner.items()}


def _check_needs(problem: SeatingProblem, zone: Zone) -> list[Conflict]:
    """People with needs against the open seats carrying the tags (Hall's condition)."""
    c = problem.constraints
    ref = problem.reference(zone)
    seats = list(ref.open_seats)
    tags = [problem.seat(s).tags for s in seats]
    needers = [a for a in ref.free if problem.attendee(a).needs]
    if not needers:
        return []
    out: list[Conflict] = []
    if c.wrap:
        blocks = [(needers, list(range(len(seats))), "")]
    else:
        blocks = []
        for run in ref.runs:
            inside = [a for a in run if problem.attendee(a).needs]
            placed = sorted(ref.position[a] for a in run if a in ref.position)
            if inside and placed:
                unit = problem.attendee(run[0]).unit or "(no unit)"
                where = f"{problem.seat(seats[placed[0]]).describe()}–{problem.seat(seats[placed[-1]]).describe()}"
                blocks.append((inside, placed, f" in the block of unit 『{unit}』 ({where}; wrap = false keeps a unit in its rows)"))
    for people, positions, where in blocks:
        by_needs: dict[frozenset[str], list[int]] = {}
        for a in people:
            needs = problem.attendee(a).needs
            if needs not in by_needs:
                by_needs[needs] = [p for p in positions if needs <= tags[p]]
        options = {a: by_needs[problem.attendee(a).needs] for a in people}
        matched = _match(people, options)
        if len(matched) == len(people):
            continue
        for tag in sorted({t for a in people for t in problem.attendee(a).needs}):
            wanting = [a for a in people if tag in problem.attendee(a).needs]
            having = [seats[p] for p in positions if tag in tags[p]]
            if len(wanting) > len(having):
                listed = f" ({_labels(problem, having)})" if having else ""
                who = "1 person needs" if len(wanting) == 1 else f"{len(wanting)} people need"
                such = "1 such seat" if len(having) == 1 else f"{len(having)} such seats"
                out.append(
                    Conflict(
                        "needs",
                        f"{who} a seat marked '{tag}' ({_names(problem, wanting)}); "
                        f"zone '{zone.name}' has {such}{where} left after the reserved and pinned seats{listed}",
                        tuple(wanting),
                    )
                )
        if not out:
            short = [a for a in people if a not in matched]
            out.append(
                Conflict(
                    "needs",
                    f"zone '{zone.name}': the seats with the tags needed{where} cannot serve everyone at once; "
                    f"{_names(problem, short)} would be left without one",
                    tuple(short),
                )
            )
    return out


def _longest_runs(problem: SeatingProblem, zone: Zone, extra: set[str]) -> int:
    """Longest chain of neighbouring seats of a zone open to a group: its open seats and ``extra``
    (the group's own pinned seats); reserved seats and other people's pins cut chains."""
    ref = problem.reference(zone) if not zone.strict else None
    seats = set(ref.open_seats) if ref is not None else {s for s in zone.seat_ids if s not in problem.constraints.reserved}
    seats |= extra
    best = 0
    seen: set[str] = set()
    for s in sorted(seats):
        if s in seen:
            continue
        stack, size = [s], 0
        seen.add(s)
        while stack:
            x = stack.pop()
            size += 1
            for y in problem.neighbours.get(x, ()):
                if y in seats and y not in seen:
                    seen.add(y)
                    stack.append(y)
        best = max(best, size)
    return best


def _check_groups(problem: SeatingProblem) -> list[Conflict]:
    c = problem.constraints
    out: list[Conflict] = []
    for kind, group in c.groups:
        if not group.hard:
            continue
        zones = {problem.zone_of_attendee[m].name for m in group.members}
        names = _names(problem, list(group.members))
        if kind == "together" and len(zones) > 1:
            out.append(
                Conflict(
                    "keep-together",
                    f"{names} must sit together ({group.source or 'keep-together'}) but are in different zones "
                    f"({', '.join(sorted(zones))})",
                    group.members,
                )
            )
            continue
        if kind == "together" and group.mode is PairMode.ADJACENT:
            zone = problem.zone_of_attendee[group.members[0]]
            longest = _longest_runs(problem, zone, {c.pins[m] for m in group.members if m in c.pins})
            if len(group.members) > longest:
                out.append(
                    Conflict(
                        "keep-together",
                        f"the keep-together group {names} has {len(group.members)} people; the largest block of seats side by "
                        f"side left in zone '{zone.name}' after the reserved seats is {longest}",
                        group.members,
                    )
                )
        if kind == "together" and group.mode is PairMode.TABLE:
            zone = problem.zone_of_attendee[group.members[0]]
            tables: dict[str, int] = {}
            for s in zone.seat_ids:
                t = problem.seat(s).table
                if t and s not in c.reserved:
                    tables[t] = tables.get(t, 0) + 1
            largest = max(tables.values(), default=0)
            if len(group.members) > largest:
                out.append(
                    Conflict(
                        "keep-together",
                        f"the keep-together group {names} has {len(group.members)} people; the largest table left in zone "
                        f"'{zone.name}' after the reserved seats has {largest} seats",
                        group.members,
                    )
                )
    return out


def explain_assumptions(
    model: cp_model.CpModel,
    assumptions: Sequence[tuple[Any, Conflict]],
    settings: SolverSettings,
    zone_name: str,
    actives: Sequence[str],
) -> list[Conflict]:
    """Name the rules of an infeasible model that cannot hold together.

    Every rule of ``model`` is put under an assumption literal (``assumptions``: literal and
    the conflict it stands for). The core CP-SAT reports is shrunk by deletion (drop a
    request, solve again; keep it out while the rest stay infeasible), then requests of one
    unit are told together (:func:`merge_unit_conflicts`).
    """
    from ortools.sat.python import cp_model

    lits = [lit for lit, _ in assumptions]

    def infeasible(chosen: list[Any]) -> tuple[bool, set[int]]:
        model.clear_assumptions()
        model.add_assumptions(chosen)
        solver, code = run_model(model, settings)
        if code != cp_model.INFEASIBLE:
            return False, set()
        return True, set(solver.sufficient_assumptions_for_infeasibility())

    ok, core = infeasible(lits)
    if ok and core:
        chosen = [lit for lit in lits if lit.index in core]
        if len(chosen) <= 40:
            for lit in list(chosen):
                rest = [x for x in chosen if x is not lit]
                if rest and infeasible(rest)[0]:
                    chosen = rest
        index = {lit.index for lit in chosen}
        found = merge_unit_conflicts([conflict for lit, conflict in assumptions if lit.index in index])
        if found:
            head = (
                f"zone '{zone_name}': these {len(found)} requests cannot all hold together: "
                if len(found) > 1
                else f"zone '{zone_name}': this request cannot hold with the protocol order and the fixed places: "
            )
            found[0] = Conflict(found[0].rule, head + found[0].message, found[0].people)
            return found
    return [
        Conflict(
            "rules",
            f"zone '{zone_name}': the requests on {len(actives)} people cannot all be met "
            "(pins, reserved seats, seat needs, keep-apart/keep-together, unit blocks)",
            tuple(actives),
        )
    ]


def merge_unit_conflicts(conflicts: list[Conflict]) -> list[Conflict]:
    """One conflict per rule and unit: 'unit 『乙』 … 乙8, 乙9 must stay in it'."""
    out: list[Conflict] = []
    units: dict[str, int] = {}
    for c in conflicts:
        if c.rule == "unit-block" and "; " in c.message:
            key, who = c.message.split("; ", 1)
            if key in units:
                k = units[key]
                prev = out[k]
                names = prev.message.split("; ", 1)[1].removesuffix(" must stay in it")
                who_name = who.removesuffix(" must stay in it")
                out[k] = Conflict(c.rule, f"{key}; {names}, {who_name} must stay in it", prev.people + c.people)
                continue
            units[key] = len(out)
        out.append(c)
    return out
