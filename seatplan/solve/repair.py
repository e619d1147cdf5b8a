"""Repair a plan after late changes: CP-SAT over the people who must or may move.

Used by :mod:`seatplan.replan`; the model minimises moves first (a large weight
per person moved), then the distance of each person from his protocol target.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from seatplan.model import SeatingProblem, Zone
from seatplan.solve.cpsat import SolverSettings, run_model

#: Weight of one moved person against one seat of distance in the repair model.
MOVE_WEIGHT = 1_000_000

#: Above this many free seats a mover only considers the nearest ones.
NEAREST_SEATS = 400


def assign_movers(
    problem: SeatingProblem,
    zone: Zone,
    movers: list[str],
    optional: set[str],
    stay: Mapping[str, str],
    fixed: Mapping[str, str],
    order: Mapping[str, int],
    *,
    seed: int,
) -> tuple[dict[str, str], dict[str, str]] | None:
    """CP-SAT over the movers and the optional movers; None when infeasible."""
    from ortools.sat.python import cp_model

    c = problem.constraints
    keep = {a: s for a, s in stay.items() if a not in optional}
    free = [s for s in zone.seat_ids if s not in c.reserved and s not in keep.values()]
    people = movers + sorted(optional, key=lambda a: order[stay[a]])
    if not people:
        return dict(stay), {}
    precedence = {a: k for k, a in enumerate(zone.attendee_ids)}
    target: dict[str, int] = {}
    placed = {a: order[s] for a, s in keep.items()}
    # on a floor a newcomer sits with his unit; at banquet tables by precedence (R-BNQ-5/7)
    by_unit = not all(problem.seat(s).table for s in zone.seat_ids)
    for a in people:
        if a in stay:
            target[a] = order[stay[a]]
            continue
        k = precedence[a]
        near = [] if not by_unit else [
            x for x in zone.attendee_ids[max(0, k - 3) : k + 4] if x in placed and problem.attendee(x).unit == problem.attendee(a).unit
        ]
        near = near or [x for x in zone.attendee_ids[:k][::-1] if x in placed][:1] or [x for x in zone.attendee_ids[k:] if x in placed][:1]
        target[a] = placed[near[0]] if near else 0
    model = cp_model.CpModel()
    x: dict[str, dict[str, Any]] = {}
    terms = []
    for a in people:
        person = problem.attendee(a)
        options = [s for s in free if person.needs <= problem.seat(s).tags]
        if len(options) > NEAREST_SEATS:
            options = sorted(options, key=lambda s: (abs(order[s] - target[a]), order[s]))[:NEAREST_SEATS]
            if a in stay and stay[a] not in options:
                options.append(stay[a])
        x[a] = {s: model.new_bool_var(f"x_{a}_{s}") for s in sorted(options, key=order.__getitem__)}
        for s, v in x[a].items():
            moved = a in stay and s != stay[a]
            terms.append((MOVE_WEIGHT * moved + abs(order[s] - target[a])) * v)
    lost: dict[str, str] = {}
    for a in people:
        if problem.allow_unseated and a not in stay:
            out = model.new_bool_var(f"out_{a}")
            model.add_exactly_one([*x[a].values(), out])
            terms.append(MOVE_WEIGHT * 10 * out)
            x[a]["\0unseated"] = out
        else:
            model.add_exactly_one(x[a].values())
    by_seat: dict[str, list[Any]] = {}
    for a in people:
        for s, v in x[a].items():
            by_seat.setdefault(s, []).append(v)
    for s, vs in by_seat.items():
        if len(vs) > 1 and not s.startswith("\0"):
            model.add_at_most_one(vs)
    seat_known = {**fixed, **keep}
    for kind, g in c.groups:
        if not g.hard or not any(m in x for m in g.members):
            continue
        _group_rule(problem, model, kind, g, x, seat_known)
    model.minimize(sum(terms))
    solver, code = run_model(model, SolverSettings(seed=seed, workers=1, work_limit=30.0))
    if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    seat_of = dict(keep)
    for a in people:
        chosen = next(s for s, v in x[a].items() if solver.boolean_value(v))
        if chosen == "\0unseated":
            lost[a] = "no seat left after the changes"
        else:
            seat_of[a] = chosen
    return seat_of, lost


def _group_rule(problem: SeatingProblem, model: Any, kind: str, group: Any, x: Mapping[str, Mapping[str, Any]], known: Mapping[str, str]) -> None:
    """A hard keep-apart / keep-together group in the repair model (adjacent or same table)."""
    from seatplan.model.problem import PairMode

    members = list(group.members)
    table = group.mode is PairMode.TABLE

    def close(s: str, t: str) -> bool:
        if table:
            ts = problem.seat(s).table
            return bool(ts) and ts == problem.seat(t).table
        return t in problem.neighbours.get(s, ())

    def where(m: str) -> dict[str, Any]:
        if m in x:
            return {s: v for s, v in x[m].items() if not s.startswith("\0")}
        if m in known:
            return {known[m]: 1}
        return {}

    links = []
    for i, a in enumerate(members):
        for b in members[i + 1 :]:
            wa, wb = where(a), where(b)
            if not wa or not wb:
                continue
            if kind == "apart":
                for s, va in wa.items():
                    near = [vb for t, vb in wb.items() if close(s, t)]
                    if near:
                        model.add(va + sum(near) <= 1)
            else:
                link = model.new_bool_var(f"link_{a}_{b}")
                for s, va in wa.items():
                    near = [vb for t, vb in wb.items() if close(s, t)]
                    model.add(link <= sum(near) + 1 - va)
                links.append(link)
    if kind == "together":
        seated = [m for m in members if where(m)]
        if table:
            # every pair linked: one table for all
            model.add(sum(links) >= len(seated) * (len(seated) - 1) // 2)
        else:
            model.add(sum(links) >= len(seated) - 1)
