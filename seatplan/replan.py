"""Late changes: a new plan from a solved one that moves as few people as possible.

On the day, people cancel, send a substitute, turn up unannounced, change rank,
or a unit is renamed (``docs/replan.md``). :func:`replan` applies such changes
to a solved plan:

* a strict zone (the dais) follows protocol order, so it is merged again and
  whoever's place in the order changed moves (R-DAIS-3/4/10);
* elsewhere everyone keeps his seat if it is still valid; a substitute takes the
  seat of the person he replaces; an absent person's seat stays empty (the
  floor is not closed up: front-to-back fill and unit blocks are not demanded
  of a replan); a newcomer takes the free seat nearest to his unit (an absent
  colleague's seat first) — at banquet tables the free place nearest to his
  place in precedence; only when a rule cannot be met otherwise (a seat
  need, a keep-apart or keep-together rule, a pin) does anyone else move, and
  then as few people as possible (CP-SAT over the people in the way).

The :class:`ChangeReport` says who moved from which seat to which, who was
added or removed, and which name cards (桌签) and seat cards (座位卡) must be
printed again. :func:`run_replan` does it all for an output folder of
``seatplan solve`` (what ``seatplan replan PLAN_DIR CHANGES.csv --out DIR`` runs).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from seatplan.errors import Conflict, Location, PlanFileError, ValidationError
from seatplan.files import atomic_write_bytes, csv_bytes, restore_csv_cell
from seatplan.model import Attendee, Meeting, Plan, Result, SeatingProblem, SolveStatus, Zone
from seatplan.model.attendees import HOST_SIDE
from seatplan.solve.repair import assign_movers

if TYPE_CHECKING:
    from seatplan.export import NameCard, SeatRecord

__all__ = [
    "Change",
    "ChangeKind",
    "ChangeReport",
    "Move",
    "apply_changes",
    "find_plan_file",
    "read_changes_csv",
    "read_plan_folder",
    "reprint_cards",
    "write_reprint",
    "apply_hand_edits",
    "replan",
    "run_replan",
    "write_change_report",
]



class ChangeKind(StrEnum):
    """What happened to the list."""

    ABSENT = "absent"  # 缺席 / 请假: the person does not come
    SUBSTITUTE = "substitute"  # 替会 / 代替: another person comes in his place
    ADD = "add"  # 增加 / 补充: a late addition
    RANK = "rank"  # 排序变更: the person's rank changes
    UNIT = "unit"  # 单位更名: a unit is renamed
    MOVE = "move"  # 移座: a person to a seat (a hand edit, checked)
    SWAP = "swap"  # 互换: two people exchange seats (a hand edit, checked)


#: Changes that edit the plan by hand rather than the list; applied after the list changes.
HAND_EDITS = (ChangeKind.MOVE, ChangeKind.SWAP)


_KIND_WORDS = {
    ChangeKind.ABSENT: ("absent", "缺席", "请假", "不来", "取消"),
    ChangeKind.SUBSTITUTE: ("substitute", "替换", "代替", "替会", "替补", "代会"),
    ChangeKind.ADD: ("add", "增加", "新增", "补充", "临时增加", "加人"),
    ChangeKind.RANK: ("rank", "排序", "排序变更", "改排序", "名次"),
    ChangeKind.UNIT: ("unit", "rename", "单位更名", "更名", "改单位名"),
    ChangeKind.MOVE: ("move", "移座", "调座", "调整座位", "换到"),
    ChangeKind.SWAP: ("swap", "互换", "对调", "换座", "交换"),
}
#: Words in the change cell or the 强制/force column that force a hand edit past the rules.
_FORCE_WORDS = ("force", "forced", "强制", "是", "yes", "y", "true", "1", "x", "✓", "√")


@dataclass(frozen=True)
class Change:
    """One late change.

    Parameters
    ----------
    kind
        What happened.
    who
        Id or name of the person concerned (absent, substitute, rank); the old
        unit name for ``UNIT``.
    name
        The substitute's or the added person's name.
    new_id
        Id for the substitute or added person (default: generated).
    unit
        The added person's unit; the new unit name for ``UNIT``; a substitute
        keeps the unit of the person he replaces unless given.
    title
        Office of the substitute or added person.
    rank
        The added person's rank, or the new rank for ``RANK``.
    section
        ``"dais"`` for an addition to the 主席台; empty for the floor.
    seat
        The seat a ``MOVE`` goes to: its label as printed (``3排12号``) or its seat id.
    other
        Id or name of the person a ``SWAP`` exchanges seats with.
    force
        Do a ``MOVE`` or ``SWAP`` even if it breaks a rule (the broken rule is recorded).
    reason
        Why, in the secretary's words; carried into ``changes.csv``.
    source
        Where the change was read from, for messages.
    columns
        Field name (``"name"``, ``"seat"``...) → the header it was read from, so a
        message names the column where the bad value sits.
    """

    kind: ChangeKind
    who: str = ""
    name: str = ""
    new_id: str = ""
    unit: str = ""
    title: str = ""
    rank: int = 0
    section: str = ""
    seat: str = ""
    other: str = ""
    force: bool = False
    reason: str = ""
    source: Location = field(default_factory=Location, compare=False)
    columns: Mapping[str, str] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", ChangeKind(self.kind))


@dataclass(frozen=True)
class Move:
    """An existing attendee who changes seats."""

    attendee_id: str
    name: str
    from_seat: str
    from_label: str
    to_seat: str
    to_label: str
    reason: str = ""


@dataclass(frozen=True)
class ChangeReport:
    """What a replan changed and what must be printed again.

    Parameters
    ----------
    problem
        The problem after the changes (new list, same layout and rules).
    moves
        People who had a seat and now have another.
    added
        ``(id, name, seat label)`` of substitutes and late additions.
    removed
        ``(id, name, seat label)`` of people who no longer come.
    name_cards
        Ids whose name card (桌签) must be printed (new, moved, or renamed).
    seat_cards
        Ids whose seat card (座位卡) must be printed (new, moved, or unit renamed).
    withdrawn
        Ids whose cards must be taken away (absent or replaced).
    notes
        Plain-language remarks (relaxed rules, forced moves).
    why
        Id → why a person was added or removed (``substitute for 王伟``, ``absent``).
    """

    problem: SeatingProblem
    moves: tuple[Move, ...] = ()
    added: tuple[tuple[str, str, str], ...] = ()
    removed: tuple[tuple[str, str, str], ...] = ()
    name_cards: tuple[str, ...] = ()
    seat_cards: tuple[str, ...] = ()
    withdrawn: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    why: Mapping[str, str] = field(default_factory=dict)

    def lines(self) -> list[str]:
        """The report as short lines for a person at the desk."""
        p = self.problem
        out = [f"{len(self.moves)} people move, {len(self.added)} added, {len(self.removed)} removed"]
        out += [f"移座 {m.name}: {m.from_label} → {m.to_label}" for m in self.moves]
        out += [f"新增 {name}: {label}" for _, name, label in self.added]
        out += [f"取消 {name}: {label} 空出" for _, name, label in self.removed]
        if self.name_cards:
            out.append("重印桌签 name cards: " + "、".join(p.attendee(a).name for a in self.name_cards))
        if self.seat_cards:
            out.append("重印座位卡 seat cards: " + "、".join(p.attendee(a).name for a in self.seat_cards))
        out += list(self.notes)
        return out


# ------------------------------------------------------------------------------- changes → problem


def _fail(change: Change, message: str, hint: str, value: object = None, column: str = "") -> ValidationError:
    """An error at the change's row, naming the column where ``value`` sits (the change column by default)."""
    loc = change.source
    where = change.columns.get(column, loc.field) if column else loc.field
    return ValidationError(message, location=Location(file=loc.file, row=loc.row, field=where, value=loc.value if value is None else value), hint=hint)


def _find(problem: SeatingProblem, people: Mapping[str, Attendee], change: Change, key: str | None = None, column: str = "who") -> str:
    """The id of the person a change names (``change.who``, or ``key`` read from ``column``)."""
    key = (change.who if key is None else key).strip()
    if key in people:
        return key
    same = [a for a in people.values() if a.name == key]
    if len(same) == 1:
        return same[0].id
    if same:
        units = "、".join(f"{a.unit or '-'} ({a.id})" for a in same[:6])
        raise _fail(change, f"{len(same)} people are called {key!r}: {units}", "give the id (编号) instead of the name", key, column)
    raise _fail(change, f"nobody on the list is {key!r}", "give the id (编号) or the exact name from seats.csv", key, column)


def _new_id(people: Mapping[str, Attendee], wanted: str, base: str, change: Change) -> str:
    if wanted:
        if wanted in people:
            raise _fail(change, f"id {wanted!r} is already used by {people[wanted].name}", "choose another id", wanted)
        return wanted
    k = 1
    while f"{base}-{k}" in people:
        k += 1
    return f"{base}-{k}"


def _insert(order: list[str], people: Mapping[str, Attendee], new: Attendee, *, by_rank: bool, by_side: bool = False) -> None:
    """Put ``new`` into a precedence list: by rank (strict zones), by rank among his side
    (hosts or guests at banquet tables), or after his unit's members of lower rank."""
    if by_rank:
        k = next((i for i, a in enumerate(order) if people[a].rank > new.rank), len(order))
        order.insert(k, new.id)
        return
    if by_side:
        same = [i for i, a in enumerate(order) if _is_host(people[a]) == _is_host(new)]
        before = [i for i in same if people[order[i]].rank <= new.rank]
        order.insert((before[-1] + 1) if before else (same[0] if same else len(order)), new.id)
        return
    same = [i for i, a in enumerate(order) if people[a].unit == new.unit and people[a].category == new.category]
    if not same:
        order.append(new.id)
        return
    before = [i for i in same if people[order[i]].rank <= new.rank]
    order.insert((before[-1] + 1) if before else same[0], new.id)


def _is_host(person: Attendee) -> bool:
    return person.side == HOST_SIDE


def _ranked(order: list[str], people: Mapping[str, Attendee]) -> bool:
    ranks = [people[a].rank for a in order]
    return ranks == sorted(ranks)


def apply_changes(problem: SeatingProblem, changes: Sequence[Change]) -> tuple[SeatingProblem, dict[str, str], list[str]]:
    """The problem after the changes, who replaces whom (new id → old id), and who left.

    Raises
    ------
    ValidationError
        A change naming nobody, a duplicate id, an addition to a zone the plan
        does not have; the message names the file, row and field of the change.
    """
    people: dict[str, Attendee] = {a.id: a for a in problem.attendees}
    orders: dict[str, list[str]] = {z.name: list(z.attendee_ids) for z in problem.zones}
    by_rank = {z.name: z.strict and _ranked(list(z.attendee_ids), people) for z in problem.zones}
    by_side = {z.name: all(problem.seat(s).table for s in z.seat_ids) for z in problem.zones}
    zone_of = {a: z.name for z in problem.zones for a in z.attendee_ids}
    replaced: dict[str, str] = {}
    gone: list[str] = []
    placed: dict[str, str] = {}
    for change in changes:
        if change.kind in HAND_EDITS:
            continue
        if change.kind is ChangeKind.UNIT:
            old = change.who.strip()
            if not any(a.unit == old for a in people.values()):
                raise _fail(change, f"no attendee is in unit {old!r}", "write the unit name exactly as in the list", old, "unit")
            if not change.unit.strip():
                raise _fail(change, "the new unit name is missing", "fill in 新单位/new_unit")
            for aid, a in list(people.items()):
                if a.unit == old:
                    people[aid] = replace(a, unit=change.unit.strip())
            continue
        if change.kind is ChangeKind.ADD:
            if not change.name.strip():
                raise _fail(change, "a late addition needs a name", "fill in 姓名/name")
            section = "dais" if change.section in ("dais", "主席台", "台上") else ""
            zone = "dais" if section else next((z.name for z in problem.zones if not z.name.startswith("dais")), "")
            if zone not in orders:
                raise _fail(change, f"this plan has no zone for {change.section or 'the floor'!r}", "use 主席台 or leave 座区 empty", change.section)
            aid = _new_id(people, change.new_id.strip(), "ADD", change)
            if change.seat.strip():  # seated already (a walk-in at the desk): that seat
                found = _seat_keys(problem).get(_seat_key(change.seat), [])
                owner = [z for z in problem.zones if found and found[0] in z.seat_ids]
                if len(found) != 1 or not owner:
                    raise _fail(change, f"no seat {change.seat!r} in this layout", "write the seat as seats.csv prints it or its seat_id", change.seat, "seat")
                if problem.seat(found[0]).is_dais:
                    raise _fail(change, f"{change.seat} is in zone {owner[0].name}, seated by protocol order", "leave 座位 empty and give 座区 and 排序", change.seat, "seat")
                zone, section = owner[0].name, ""
                placed[aid] = found[0]
            rank = change.rank or 1 + max((people[a].rank for a in orders[zone] if people[a].unit == change.unit), default=0)
            new = Attendee(id=aid, name=change.name.strip(), unit=change.unit.strip(), title=change.title.strip(), rank=rank, section=section, source=change.source)
            people[aid] = new
            _insert(orders[zone], people, new, by_rank=by_rank[zone], by_side=by_side[zone])
            zone_of[aid] = zone
            continue
        aid = _find(problem, people, change)
        person = people[aid]
        zone = zone_of[aid]
        if change.kind is ChangeKind.ABSENT:
            orders[zone].remove(aid)
            del people[aid]
            gone.append(aid)
        elif change.kind is ChangeKind.SUBSTITUTE:
            if not change.name.strip():
                raise _fail(change, "the substitute's name is missing", "fill in 新姓名/new_name")
            new_id = _new_id(people, change.new_id.strip(), aid, change)
            new = replace(
                person,
                id=new_id,
                name=change.name.strip(),
                title=change.title.strip() or person.title,
                unit=change.unit.strip() or person.unit,
                needs=frozenset(),
                pin="",
                apart_from=(),
                together_with=(),
                source=change.source,
            )
            orders[zone][orders[zone].index(aid)] = new_id
            del people[aid]
            people[new_id] = new
            zone_of[new_id] = zone
            replaced[new_id] = replaced.pop(aid, aid)
            gone.append(aid)
        elif change.kind is ChangeKind.RANK:
            if change.rank < 1:
                raise _fail(change, "the new rank is missing or not a whole number from 1 up", "fill in 排序/rank")
            people[aid] = replace(person, rank=change.rank)
            order = orders[zone]
            order.remove(aid)
            _insert(order, people, people[aid], by_rank=by_rank[zone], by_side=by_side[zone])
    from seatplan.rules import is_flow_zone

    # the floor keeps its seats in a replan (minimal moves); the dais follows protocol order
    zones = tuple(replace(z, attendee_ids=tuple(orders[z.name]), strict=z.strict and not is_flow_zone(z.name)) for z in problem.zones)
    listed = {a.id: k for k, a in enumerate(problem.attendees)}
    attendees = tuple(sorted((people[a] for z in zones for a in z.attendee_ids), key=lambda a: listed.get(a.id, len(listed))))
    c = problem.constraints
    pins = {}
    for aid, sid in c.pins.items():
        if aid in people:
            pins[aid] = sid
    for new_id, old_id in replaced.items():
        if old_id in c.pins:
            pins[new_id] = c.pins[old_id]
    pins.update((a, s) for a, s in placed.items() if a in people)

    def alive(groups: Sequence[object]) -> tuple[object, ...]:
        out = []
        for g in groups:
            members = tuple(m for m in g.members if m in people)  # type: ignore[attr-defined]
            if len(members) >= 2:
                out.append(replace(g, members=members))  # type: ignore[type-var]
        return tuple(out)

    constraints = replace(
        c,
        pins=pins,
        keep_apart=alive(c.keep_apart),  # type: ignore[arg-type]
        keep_together=alive(c.keep_together),  # type: ignore[arg-type]
        front_to_back=False,
        contiguous=False,
    )
    return replace(problem, attendees=attendees, zones=zones, constraints=constraints), replaced, gone


# ------------------------------------------------------------------------------- minimal moves


def replan(
    problem: SeatingProblem,
    old_plan: Plan,
    changes: Sequence[Change],
    *,
    card_sections: Sequence[str] = ("dais",),
    seed: int = 0,
) -> tuple[Result, ChangeReport]:
    """Apply late changes to a solved plan, moving as few people as possible.

    Parameters
    ----------
    problem
        The problem the old plan solves (layout, list, rules).
    old_plan
        The plan in use.
    changes
        What happened, in order.
    card_sections
        Sections whose seats have name cards (the others get seat cards), as in
        ``[cards] sections``.
    seed
        CP-SAT seed (one worker; the result depends on nothing else).

    Returns
    -------
    tuple of Result and ChangeReport
        The result's ``objective`` is the number of people moved and ``bound``
        the number that had to move at least; the report's ``problem`` is the
        changed problem (front-to-back fill and unit blocks switched off: empty
        seats of absent people stay empty). INFEASIBLE with an explanation if a
        rule cannot be met without a new plan.

    Raises
    ------
    ValidationError
        A change that names nobody or clashes with the list.
    """
    import time

    from seatplan.solve.merge import merge_zone

    started = time.perf_counter()
    new, replaced, gone = apply_changes(problem, changes)
    inherit = {new_id: old_plan.seat_of.get(old_id) for new_id, old_id in replaced.items()}
    old_seat = {a: old_plan.seat_of.get(a) for a in (x.id for x in new.attendees)}
    for new_id, seat in inherit.items():
        old_seat[new_id] = seat
    seat_of: dict[str, str] = {}
    unseated: dict[str, str] = {}
    conflicts: list[Conflict] = []
    forced: set[str] = set()
    proven_extra = 0
    for zone in new.zones:
        if zone.strict:
            out = merge_zone(new, zone)
            conflicts += out.conflicts
            seat_of.update(out.seat_of)
            unseated.update(out.unseated)
    if not conflicts:
        for zone in new.zones:
            if zone.strict:
                continue
            placed, lost, needed, trouble, extra = _repair_zone(new, zone, old_seat, seat_of, seed=seed)
            seat_of.update(placed)
            unseated.update(lost)
            forced |= needed
            conflicts += trouble
            proven_extra += extra
    if conflicts:
        seconds = time.perf_counter() - started
        result = Result(SolveStatus.INFEASIBLE, None, seconds=seconds, explanation=tuple(conflicts))
        return result, ChangeReport(problem=new, notes=tuple(x.message for x in conflicts))
    planned = [a for a, s in seat_of.items() if old_seat.get(a) and old_seat[a] != s and a not in inherit]
    edits = [c for c in changes if c.kind in HAND_EDITS]
    plan, why, edit_notes = apply_hand_edits(new, Plan(seat_of=seat_of, unseated=unseated), edits)
    seconds = time.perf_counter() - started
    moved = [a for a, s in plan.seat_of.items() if old_seat.get(a) and old_seat[a] != s and a not in inherit]
    moved += [a for a in why if a not in moved and a in plan.seat_of and a in inherit and inherit[a] != plan.seat_of[a]]
    strict_moves = sum(1 for a in planned if new.zone_of_attendee[a].strict)
    bound = strict_moves + len(forced & set(planned)) + proven_extra + len([a for a in why if a not in planned])
    status = SolveStatus.OPTIMAL if len(moved) == bound else SolveStatus.FEASIBLE
    gap = 0.0 if status is SolveStatus.OPTIMAL else (len(moved) - bound) / max(1, len(moved))
    result = Result(status, plan, objective=float(len(moved)), bound=float(bound), gap=gap, seconds=seconds)
    report = _report(problem, old_plan, new, plan, replaced, gone, moved, card_sections, why)
    return result, replace(report, notes=(*report.notes, *edit_notes))


def _seat_keys(problem: SeatingProblem) -> dict[str, list[str]]:
    """Seat ids by the ways a person writes a seat: its id, its printed label (spaces and 第 ignored)."""
    out: dict[str, list[str]] = {}
    for seat in problem.seats:
        for key in {_seat_key(seat.id), *(_seat_key(label) for label in seat.labels())}:
            out.setdefault(key, []).append(seat.id)
    return out


def _seat_key(text: str) -> str:
    return re.sub(r"[\s第]+", "", unicodedata.normalize("NFKC", text)).lower()


def apply_hand_edits(problem: SeatingProblem, plan: Plan, edits: Sequence[Change]) -> tuple[Plan, dict[str, str], list[str]]:
    """Apply ``MOVE`` and ``SWAP`` lines to a plan, in order, each checked with :func:`seatplan.check_plan`.

    An edit that breaks a rule the plan kept before (a dais order, a pinned
    seat, a keep-apart or keep-together rule, a seat need, a reserved seat, a
    banquet table's order...) is refused with the rule's own words, unless its
    line says force; then it is done and the broken rule is recorded.

    Returns
    -------
    tuple
        The plan after the edits, attendee id → why he moved (for ``changes.csv``),
        and notes on the forced edits.

    Raises
    ------
    ValidationError
        Every refused edit, and any edit naming an unknown person or seat, a
        taken seat (write a swap) or an unseated person in a swap; the message
        names the rows, the columns and the values.
    """
    from seatplan.check import check_plan

    seat_of = dict(plan.seat_of)
    unseated = dict(plan.unseated)
    why: dict[str, str] = {}
    notes: list[str] = []
    refused: list[tuple[Change, str]] = []
    if not edits:
        return plan, why, notes
    keys = _seat_keys(problem)
    people = problem.attendee_index

    def broken(candidate: dict[str, str], left: dict[str, str]) -> set[tuple[str, str]]:
        return {(str(v.kind), v.message) for v in check_plan(problem, Plan(seat_of=candidate, unseated=left))}

    before = broken(seat_of, unseated)
    for change in edits:
        row = f"row {change.source.row}" if change.source.row else "a hand edit"
        aid = _find(problem, people, change)
        person = problem.attendee(aid)
        candidate, left = dict(seat_of), dict(unseated)
        if change.kind is ChangeKind.MOVE:
            found = keys.get(_seat_key(change.seat), [])
            if not found:
                raise _fail(change, f"no seat {change.seat!r} in this layout", "write the seat as seats.csv prints it (label, e.g. 3排12号) or its seat_id", change.seat, "seat")
            if len(found) > 1:
                raise _fail(change, f"{len(found)} seats are printed {change.seat!r}", "write the seat_id from seats.csv instead", change.seat, "seat")
            target = found[0]
            holder = next((a for a, s in seat_of.items() if s == target), None)
            if holder == aid:
                continue
            if holder is not None:
                raise _fail(
                    change,
                    f"{problem.seat(target).describe()} is taken by {problem.attendee(holder).name} ({holder})",
                    f"write a swap of {person.name} with {problem.attendee(holder).name} instead, or move {problem.attendee(holder).name} first",
                    change.seat,
                    "seat",
                )
            candidate[aid] = target
            left.pop(aid, None)
            what = f"moved by hand to {problem.seat(target).describe()} ({row})"
            moved = {aid: what}
        else:
            other = _find(problem, people, change, change.other, "other")
            for x in (aid, other):
                if x not in seat_of:
                    raise _fail(change, f"{problem.attendee(x).name} ({x}) has no seat to swap", "write a move to a free seat instead", x, "who" if x == aid else "other")
            if other == aid:
                raise _fail(change, "a person cannot swap with himself", "name two people", change.other, "other")
            candidate[aid], candidate[other] = seat_of[other], seat_of[aid]
            moved = {
                aid: f"swapped by hand with {problem.attendee(other).name} ({row})",
                other: f"swapped by hand with {person.name} ({row})",
            }
        after = broken(candidate, left)
        new_faults = sorted(after - before)
        text = "; ".join(message for _, message in new_faults)
        if new_faults and not change.force:
            refused.append((change, text))
            continue
        if new_faults:
            notes.append(f"forced ({row}): {text}")
        for a, note in moved.items():
            reason = f"{note}: {change.reason}" if change.reason else note
            why[a] = f"{reason}; forced although: {text}" if new_faults else reason
        seat_of, unseated, before = candidate, left, after
    if refused:
        first = refused[0][0]
        listed = " | ".join(f"row {c.source.row} ({c.kind.value} {c.who}{' ↔ ' + c.other if c.other else ' → ' + c.seat}): {t}" for c, t in refused)
        raise ValidationError(
            f"{len(refused)} hand edit(s) refused, they break the rules: {listed}",
            location=Location(file=first.source.file, row=first.source.row, field=first.source.field, value=first.source.value),
            hint="choose other seats, or write 强制/force in the line to do it anyway (the broken rule is then recorded in changes.csv)",
        )
    return Plan(seat_of=seat_of, unseated=unseated), why, notes


def _valid_seat(problem: SeatingProblem, zone_seats: set[str], aid: str, sid: str | None, taken: Mapping[str, str]) -> bool:
    c = problem.constraints
    if sid is None or sid not in zone_seats or sid in c.reserved:
        return False
    if aid in c.pins:
        return c.pins[aid] == sid
    if sid in taken:
        return False
    return problem.attendee(aid).needs <= problem.seat(sid).tags


def _repair_zone(
    problem: SeatingProblem,
    zone: Zone,
    old_seat: Mapping[str, str | None],
    fixed: Mapping[str, str],
    *,
    seed: int,
) -> tuple[dict[str, str], dict[str, str], set[str], list[Conflict], int]:
    """Seats of one non-strict zone after the changes, moving as few people as possible.

    Returns the seats, the unseated, the people who had to move whatever
    happens (invalid seat), conflicts, and how many more moves were proven
    necessary (1 when nobody else moving was infeasible, else 0).
    """
    c = problem.constraints
    zone_seats = set(zone.seat_ids)
    pinned_here = {c.pins[a]: a for a in zone.attendee_ids if a in c.pins}
    stay: dict[str, str] = {}
    movers: list[str] = []
    for a in zone.attendee_ids:
        s = old_seat.get(a)
        owner = pinned_here.get(s or "")
        if a in c.pins:
            stay[a] = c.pins[a]
        elif _valid_seat(problem, zone_seats, a, s, pinned_here) and owner in (None, a):
            stay[a] = s  # type: ignore[assignment]
        else:
            movers.append(a)
    forced = {a for a in movers if old_seat.get(a)}
    order = {s: k for k, s in enumerate(zone.seat_ids)}
    # level 0: only the people who must move; 1: also those in the way; 2: anyone not pinned
    for level in (0, 1, 2):
        if level == 0:
            optional: set[str] = set()
        elif level == 1:
            optional = _in_the_way(problem, zone, movers, stay, fixed)
        else:
            optional = set(stay) - set(c.pins)
            if len(optional) > 3000:
                break
        if level and not optional:
            continue
        result = assign_movers(problem, zone, movers, optional, stay, fixed, order, seed=seed)
        if result is not None:
            seat_of, unseated = result
            # level > 0: keeping everyone else in place was infeasible, so one more move was needed at least
            return seat_of, unseated, forced, [], int(level > 0)
    names = "、".join(problem.attendee(a).name for a in movers[:8])
    return {}, {}, forced, [
        Conflict(
            "replan",
            f"zone '{zone.name}': no seating keeps the rules for {names or 'the changed people'} without a new plan; "
            "run seatplan solve on the changed list",
            tuple(movers),
        )
    ], 0


def _in_the_way(problem: SeatingProblem, zone: Zone, movers: list[str], stay: Mapping[str, str], fixed: Mapping[str, str]) -> set[str]:
    """People who may have to make room: on seats with a tag a mover needs, or in a group with a mover or next to one's partners."""
    c = problem.constraints
    out: set[str] = set()
    needs = set().union(*(problem.attendee(a).needs for a in movers)) if movers else set()
    for a, s in stay.items():
        if a in c.pins:
            continue
        if needs & problem.seat(s).tags:
            out.add(a)
    occupant = {s: a for a, s in stay.items()}
    for _, g in c.groups:
        if not any(m in movers for m in g.members):
            continue
        for m in g.members:
            if m in stay and m not in c.pins:
                out.add(m)
            seat = stay.get(m) or fixed.get(m)
            for t in problem.neighbours.get(seat or "", ()):
                if t in occupant and occupant[t] not in c.pins:
                    out.add(occupant[t])
    return out


# ------------------------------------------------------------------------------- the report


def _report(
    old: SeatingProblem,
    old_plan: Plan,
    new: SeatingProblem,
    plan: Plan,
    replaced: Mapping[str, str],
    gone: Sequence[str],
    moved: Sequence[str],
    card_sections: Sequence[str],
    why: Mapping[str, str] | None = None,
) -> ChangeReport:
    def carded(seat_id: str) -> bool:
        return any(new.seat(seat_id).section.startswith(p) for p in card_sections)

    moves = []
    for a in moved:
        f, t = old_plan.seat_of.get(a) or old_plan.seat_of.get(replaced.get(a, ""), ""), plan.seat_of[a]
        if not f:
            continue
        reason = (why or {}).get(a) or ("protocol order" if new.zone_of_attendee[a].strict else "rules")
        moves.append(Move(a, new.attendee(a).name, f, new.seat(f).describe(), t, new.seat(t).describe(), reason))
    added = []
    for a in new.attendee_index:
        if a not in old.attendee_index and a in plan.seat_of:
            added.append((a, new.attendee(a).name, new.seat(plan.seat_of[a]).describe()))
    removed = []
    for a in gone:
        s = old_plan.seat_of.get(a)
        removed.append((a, old.attendee(a).name, old.seat(s).describe() if s else "no seat"))
    name_cards, seat_cards = [], []
    for a, s in sorted(plan.seat_of.items(), key=lambda kv: (new.seat(kv[1]).section, new.seat(kv[1]).row, new.seat(kv[1]).x)):
        person = new.attendee(a)
        before = old.attendee_index.get(a)
        s_old = old_plan.seat_of.get(a)
        if carded(s):
            if before is None or s_old != s or (before.name, before.title) != (person.name, person.title):
                name_cards.append(a)
        elif before is None or s_old != s or (before.name, before.unit) != (person.name, person.unit):
            seat_cards.append(a)
    notes = [
        "a replan keeps seats: absent people's seats stay empty and late additions take the free seat nearest to their unit "
        "(at banquet tables: to their place in precedence; front-to-back fill and unit blocks are not enforced)"
    ]
    because: dict[str, str] = {}
    for new_id, old_id in replaced.items():
        if new_id in new.attendee_index and old_id in old.attendee_index:
            because[new_id] = f"substitute for {old.attendee(old_id).name}"
            because[old_id] = f"replaced by {new.attendee(new_id).name}"
    for a, _, _ in added:
        because.setdefault(a, "late addition")
    for a, _, _ in removed:
        because.setdefault(a, "absent")
    return ChangeReport(
        problem=new,
        why=because,
        moves=tuple(moves),
        added=tuple(added),
        removed=tuple(removed),
        name_cards=tuple(name_cards),
        seat_cards=tuple(seat_cards),
        withdrawn=tuple(gone),
        notes=tuple(notes),
    )


#: Columns of ``changes.csv`` (the report) in order.
REPORT_COLUMNS = ("change", "id", "name", "unit", "from", "to", "name_card", "seat_card", "why")


def write_change_report(report: ChangeReport, old: SeatingProblem, path: str | os.PathLike[str]) -> None:
    """Write ``changes.csv``: one line per person affected (UTF-8 with BOM, CRLF), atomically."""
    new = report.problem
    rows: list[list[str]] = []
    names = set(report.name_cards)
    seats = set(report.seat_cards)
    for m in report.moves:
        person = new.attendee(m.attendee_id)
        rows.append(
            ["move", m.attendee_id, m.name, person.unit, m.from_label, m.to_label, _yes(m.attendee_id in names), _yes(m.attendee_id in seats), m.reason]
        )
    for a, name, label in report.added:
        rows.append(["add", a, name, new.attendee(a).unit, "", label, _yes(a in names), _yes(a in seats), report.why.get(a, "")])
    for a, name, label in report.removed:
        rows.append(["remove", a, name, old.attendee(a).unit, label, "", "withdraw", "withdraw", report.why.get(a, "")])
    listed = {r[1] for r in rows}
    for a in sorted(names | seats):
        if a not in listed:
            rows.append(["reprint", a, new.attendee(a).name, new.attendee(a).unit, "", "", _yes(a in names), _yes(a in seats), "name, office or unit changed"])
    atomic_write_bytes(path, csv_bytes(REPORT_COLUMNS, rows))


def _yes(flag: bool) -> str:
    return "reprint" if flag else ""


# ------------------------------------------------------------------------------- files and the CLI

_CHANGE_HEADERS: dict[str, tuple[str, ...]] = {
    "kind": ("变更", "变更类型", "类型", "change", "kind"),
    "id": ("编号", "id"),
    "name": ("姓名", "name"),
    "new_name": ("新姓名", "替会人", "new_name", "substitute"),
    "new_id": ("新编号", "new_id"),
    "unit": ("单位", "unit"),
    "new_unit": ("新单位", "新单位名", "new_unit"),
    "title": ("职务", "title"),
    "rank": ("排序", "序号", "rank"),
    "section": ("座区", "section"),
    "seat": ("座位", "新座位", "目标座位", "seat", "to", "to_seat", "seat_id"),
    "other": ("对方", "交换对象", "换座对象", "other", "with"),
    "force": ("强制", "force"),
    "reason": ("原因", "理由", "说明", "reason", "why"),
}


def read_changes_csv(path: str | os.PathLike[str]) -> list[Change]:
    """Read a list of late changes (``.csv`` or ``.xlsx``, Chinese or English headers).

    Columns: 变更/change (缺席 absent, 替会 substitute, 增加 add, 排序 rank,
    单位更名 unit), 编号/id and 姓名/name of the person concerned, 新姓名/new_name
    (substitute), 新编号/new_id, 单位/unit, 新单位/new_unit, 职务/title, 排序/rank,
    座区/section (``docs/replan.md``).

    Raises
    ------
    ValidationError
        The file cannot be read, a column is missing, a row has an unknown
        change or a bad value; the error names the file, row, column and value.
    """
    from seatplan.io.attendee_table import header_key, read_table_rows

    file = os.fspath(path)
    rows = read_table_rows(path)
    if not rows:
        raise ValidationError("the change list is empty", location=Location(file=file), hint="put a header row such as 变更,编号,姓名,新姓名 on the first line")
    number, header = rows[0]
    aliases = {header_key(alias): key for key, names in _CHANGE_HEADERS.items() for alias in names}
    columns: dict[str, int] = {}
    written: dict[str, str] = {}
    for i, heading in enumerate(header):
        key = aliases.get(header_key(heading)) if heading else None
        if key is not None and key not in columns:
            columns[key] = i
            written[key] = heading
    if "kind" not in columns:
        raise ValidationError(
            "no 变更/change column in the header",
            location=Location(file=file, row=number, value=", ".join(c for c in header if c) or None),
            hint="name the column of change types 变更 (缺席, 替会, 增加, 排序, 单位更名)",
        )
    words = {unicodedata.normalize("NFKC", w).lower(): kind for kind, ws in _KIND_WORDS.items() for w in ws}
    force_words = {unicodedata.normalize("NFKC", w).lower() for w in _FORCE_WORDS}
    out: list[Change] = []
    for number, cells in rows[1:]:
        values = {key: cells[i].strip() if i < len(cells) else "" for key, i in columns.items()}
        if not any(values.values()):
            continue  # a blank line
        kind_text = values.get("kind", "")
        folded = unicodedata.normalize("NFKC", kind_text).lower()
        # "move force", "强制移座", "swap!" say force in the change cell itself
        bare = re.sub(r"[\s!\uff01]+|force|forced|强制", "", folded)
        forced_here = bare != re.sub(r"\s+", "", folded)
        kind = words.get(bare)
        if kind is None:
            raise ValidationError(
                f"unknown change {kind_text!r}",
                location=Location(file=file, row=number, field=written["kind"], value=kind_text or None),
                hint="write 缺席 (absent), 替会 (substitute), 增加 (add), 排序 (rank), 单位更名 (unit), 移座 (move) or 互换 (swap)",
            )
        force_text = unicodedata.normalize("NFKC", values.get("force", "")).lower()
        if force_text and force_text not in force_words and force_text not in ("否", "no", "n", "false", "0"):
            raise ValidationError(
                f"force {values['force']!r} is neither yes nor no",
                location=Location(file=file, row=number, field=written["force"], value=values["force"]),
                hint="write 强制 (or yes) to do the edit even if it breaks a rule; leave it empty otherwise",
            )
        out.append(_read_change(file, number, kind, values, written, kind_text, forced_here or force_text in force_words))
    return out


def _read_change(file: str, number: int, kind: ChangeKind, values: Mapping[str, str], written: Mapping[str, str], kind_text: str, force: bool) -> Change:
    """One row of the change list as a :class:`Change`, checked for the columns its kind needs."""

    def cell(key: str) -> str:
        return values.get(key, "")

    def where(key: str) -> Location:
        return Location(file=file, row=number, field=written.get(key, key), value=cell(key) or None)

    rank_text = cell("rank")
    rank = 0
    if rank_text:
        digits = unicodedata.normalize("NFKC", rank_text)
        if not digits.isdigit() or int(digits) < 1:
            raise ValidationError(f"rank {rank_text!r} is not a whole number from 1 up", location=where("rank"), hint="write 1 for the most senior")
        rank = int(digits)
    who = cell("id") or (cell("name") if kind is not ChangeKind.ADD else "")
    who_column = "id" if cell("id") else "name"
    if kind is ChangeKind.MOVE and not cell("seat"):
        raise ValidationError("a move needs the seat to move to", location=where("seat"), hint="fill in 座位/seat with the seat as printed (3排12号) or its seat_id")
    if kind is ChangeKind.SWAP and not cell("other"):
        raise ValidationError("a swap needs the other person", location=where("other"), hint="fill in 对方/other with the other person's 编号 or 姓名")
    if kind is ChangeKind.UNIT:
        who = cell("unit")
        if not who or not cell("new_unit"):
            raise ValidationError("a unit renaming needs 单位 (old name) and 新单位 (new name)", location=where("new_unit"), hint="fill in both columns")
    elif kind is not ChangeKind.ADD and not who:
        raise ValidationError(f"a {kind.value} change needs the person's 编号 or 姓名", location=where("id"), hint="fill in 编号/id or 姓名/name")
    if kind is ChangeKind.SUBSTITUTE and not cell("new_name"):
        raise ValidationError("a substitution needs the substitute's name", location=where("new_name"), hint="fill in 新姓名/new_name")
    if kind is ChangeKind.ADD and not cell("name"):
        raise ValidationError("a late addition needs a name", location=where("name"), hint="fill in 姓名/name")
    if kind is ChangeKind.RANK and not rank:
        raise ValidationError("a rank change needs the new rank", location=where("rank"), hint="fill in 排序/rank")
    section = cell("section")
    section = "dais" if section in ("主席台", "台上", "dais") else ""
    columns = {key: header for key, header in written.items()}
    columns["who"] = written.get(who_column, who_column)
    return Change(
        kind=kind,
        who=who,
        name=cell("new_name") if kind is ChangeKind.SUBSTITUTE else (cell("name") if kind is ChangeKind.ADD else ""),
        new_id=cell("new_id") or (cell("id") if kind is ChangeKind.ADD else ""),
        unit=cell("new_unit") if kind is ChangeKind.UNIT else cell("unit"),
        title=cell("title"),
        rank=rank,
        section=section,
        seat=cell("seat"),
        other=cell("other"),
        force=force,
        reason=cell("reason"),
        source=Location(file=file, row=number, field=written["kind"], value=kind_text),
        columns=columns,
    )


def find_plan_file(plan_dir: Path, plan_path: str | os.PathLike[str] | None = None) -> Path:
    """Where the plan file of a solved output folder is (see docs/replan.md)."""
    if plan_path is not None:
        return Path(plan_path)
    summary = plan_dir / "summary.json"
    if summary.is_file():
        try:
            recorded = json.loads(summary.read_text(encoding="utf-8")).get("plan")
        except (ValueError, AttributeError):
            recorded = None
        if recorded:
            path = Path(recorded)
            for candidate in (path, plan_dir / path):
                if candidate.is_file():
                    return candidate
    for candidate in (plan_dir / "input" / "plan.toml", plan_dir / "plan.toml"):
        if candidate.is_file():
            return candidate
    raise PlanFileError(
        "cannot tell which plan file this output folder was made from",
        location=Location(file=plan_dir),
        hint="pass the plan file: seatplan replan PLAN_DIR CHANGES.csv --plan PLAN.toml --out DIR",
    )


def read_plan_folder(problem: SeatingProblem, plan_dir: str | os.PathLike[str]) -> Plan:
    """The plan in an output folder of ``seatplan solve`` (``seats.csv``, ``unseated.csv``), checked.

    A seat list edited by hand is not trusted: every person must be listed once,
    every seat given once, and each row must match the plan file (the id is on
    its list with the same name, the seat is in its layout and the printed
    label is that seat's).

    Raises
    ------
    ValidationError
        A missing ``seats.csv``, or an inconsistent seat list: the message names
        every problem found (file, row, field, value) and how to fix it.
    """
    folder = Path(plan_dir)
    seats_csv = folder / "seats.csv"
    if not seats_csv.is_file():
        raise ValidationError("no seats.csv here", location=Location(file=folder), hint="give the output folder of seatplan solve")
    text = seats_csv.read_bytes().decode("utf-8-sig")
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in ("id", "seat_id") if c not in (reader.fieldnames or [])]
    if missing:
        raise ValidationError(
            f"seats.csv has no {' or '.join(missing)} column",
            location=Location(file=seats_csv, row=1, value=", ".join(reader.fieldnames or []) or None),
            hint="give the seats.csv that seatplan wrote (its header starts id,name,unit,...)",
        )
    seat_of: dict[str, str] = {}
    row_of: dict[str, int] = {}
    holder: dict[str, tuple[str, int]] = {}
    problems: list[tuple[Location, str]] = []
    for row, record in enumerate(reader, start=2):
        aid, sid = restore_csv_cell((record.get("id") or "").strip()), restore_csv_cell((record.get("seat_id") or "").strip())
        name = restore_csv_cell((record.get("name") or "").strip())
        if aid not in problem.attendee_index:
            problems.append((Location(file=seats_csv, row=row, field="id", value=aid), f"{name or aid} ({aid}) is not on the attendee list of the plan file"))
            continue
        if sid not in problem.seat_index:
            problems.append((Location(file=seats_csv, row=row, field="seat_id", value=sid), f"seat {sid!r} is not in the layout of the plan file"))
            continue
        person = problem.attendee(aid)
        if "name" in record and name != person.name.strip():
            problems.append((Location(file=seats_csv, row=row, field="name", value=name), f"{aid} is {person.name} in the plan file's list, not {name}"))
        label = (record.get("label") or "").strip()
        if "label" in record and label != problem.seat(sid).describe():
            problems.append(
                (Location(file=seats_csv, row=row, field="label", value=label), f"seat {sid} is printed {problem.seat(sid).describe()}, not {label}")
            )
        if aid in seat_of:
            problems.append(
                (
                    Location(file=seats_csv, row=row, field="id", value=aid),
                    (
                        f"{person.name} ({aid}) has two seats: {problem.seat(seat_of[aid]).describe()} (row {row_of[aid]}) "
                        f"and {problem.seat(sid).describe()} (row {row})"
                    ),
                )
            )
            continue
        if sid in holder:
            other, other_row = holder[sid]
            problems.append(
                (
                    Location(file=seats_csv, row=row, field="seat_id", value=sid),
                    (
                        f"seat {problem.seat(sid).describe()} is given twice: to {problem.attendee(other).name} (row {other_row}) "
                        f"and to {person.name} (row {row})"
                    ),
                )
            )
            continue
        seat_of[aid] = sid
        row_of[aid] = row
        holder[sid] = (aid, row)
    unseated: dict[str, str] = {}
    unseated_csv = folder / "unseated.csv"
    if unseated_csv.is_file():
        for row, record in enumerate(csv.DictReader(io.StringIO(unseated_csv.read_bytes().decode("utf-8-sig"))), start=2):
            aid = restore_csv_cell((record.get("id") or "").strip())
            if aid in seat_of:
                problems.append(
                    (Location(file=unseated_csv, row=row, field="id", value=aid), f"{problem.attendee(aid).name} ({aid}) is both seated and listed unseated")
                )
            elif aid in problem.attendee_index:
                unseated[aid] = (record.get("reason") or "").strip()
    for a in problem.attendees:
        if a.id not in seat_of and a.id not in unseated and not any(p[0].value == a.id for p in problems):
            problems.append((Location(file=seats_csv, field="id", value=a.id), f"{a.name} ({a.id}) of the plan file's list is neither in seats.csv nor in unseated.csv"))
    if problems:
        first = problems[0][0]
        listed = "; ".join(f"row {loc.row}: {text}" if loc.row else text for loc, text in problems[:10])
        more = f" (and {len(problems) - 10} more)" if len(problems) > 10 else ""
        raise ValidationError(
            f"the seat list is not consistent with the plan file, {len(problems)} problem(s): {listed}{more}",
            location=first,
            hint="undo the hand edits of seats.csv (put moves and swaps into CHANGES.csv instead), "
            "or replan from the list and layout the plan was made with",
        )
    return Plan(seat_of=seat_of, unseated=unseated)


def run_replan(
    plan_dir: str | os.PathLike[str],
    changes_csv: str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    *,
    plan_path: str | os.PathLike[str] | None = None,
) -> tuple[object, ChangeReport]:
    """What ``seatplan replan PLAN_DIR CHANGES.csv --out DIR [--plan PLAN.toml]`` does.

    Reads the plan file (``plan_path``, else the ``plan`` recorded in
    ``PLAN_DIR/summary.json``, else ``PLAN_DIR/input/plan.toml``), rebuilds the
    problem, reads the plan in use from ``PLAN_DIR/seats.csv``, applies the
    changes with :func:`replan` and writes every output of ``seatplan solve``
    plus ``changes.csv`` (who moves, who is added or removed, which cards to
    reprint) into ``out_dir``.

    Returns
    -------
    tuple
        The :class:`~seatplan.pipeline.Outputs` (``changes.csv`` included) and the report.

    Raises
    ------
    SeatplanError
        Bad input anywhere (file, row, field, value and a hint), or an
        :class:`~seatplan.errors.InfeasiblePlanError` when the changes cannot be
        met without a new plan.
    """
    from seatplan.errors import InfeasiblePlanError
    from seatplan.io.plan_file import load_meeting
    from seatplan.pipeline import build_problem, write_outputs

    folder = Path(plan_dir)
    meeting = load_meeting(find_plan_file(folder, plan_path))
    problem = build_problem(meeting)
    old_plan = read_plan_folder(problem, folder)
    changes = read_changes_csv(changes_csv)
    result, report = replan(problem, old_plan, changes, card_sections=meeting.cards.sections)
    if result.plan is None:
        raise InfeasiblePlanError(result.explanation)
    changed = replace(meeting, attendees=report.problem.attendees)
    plan = result.plan

    def write_changes(folder: Path) -> tuple[str, ...]:
        write_change_report(report, problem, folder / "changes.csv")
        write_reprint(changed, report, plan, folder / "reprint.pdf")
        return ("changes.csv", "reprint.pdf")

    return write_outputs(changed, report.problem, result, Path(out_dir), extra=write_changes), report


def reprint_cards(meeting: Meeting, report: ChangeReport, plan: Plan) -> tuple[list[NameCard], list[SeatRecord]]:
    """The name cards and seat cards to print again, each in the order of the full set (the hand-out order).

    A card is due when its person is new, moved, or renamed (the report's
    ``name_cards`` and ``seat_cards``); the cards are the very ones ``cards.pdf``
    and ``seatcards.pdf`` hold, so a reprinted card matches the full set.
    """
    from seatplan.export import build_seat_records, select_seat_cards
    from seatplan.pipeline import _name_cards, section_labels

    problem = report.problem
    due = set(report.name_cards) | set(report.seat_cards)
    result = Result(SolveStatus.FEASIBLE, plan)
    labels = {problem.seat(plan.seat_of[a]).describe() for a in due if a in plan.seat_of}
    names = {problem.attendee(a).name for a in due}
    name_cards = [c for c in _name_cards(meeting, problem, result) if c.seat_label in labels and c.name in names]
    records = select_seat_cards(build_seat_records(problem, plan, section_labels(meeting)),
                                skip_sections=meeting.cards.sections)
    return name_cards, [r for r in records if r.id in due]


def write_reprint(meeting: Meeting, report: ChangeReport, plan: Plan, path: str | os.PathLike[str]) -> tuple[int, int]:
    """Write ``reprint.pdf``: only the name cards, then only the seat cards, that changed (:func:`reprint_cards`).

    The pages are those of ``cards.pdf`` and ``seatcards.pdf`` (the same card
    writers), joined into one file. With nothing to reprint, one page says so.

    Returns
    -------
    tuple of int
        The number of name cards and of seat cards in the file.
    """
    from pypdf import PdfReader, PdfWriter

    from seatplan.export import render_name_cards, render_seat_cards

    name_cards, seat_cards = reprint_cards(meeting, report, plan)
    parts: list[bytes] = []
    if name_cards or not seat_cards:
        parts.append(
            render_name_cards(name_cards, serif=meeting.cards.serif, space_two_char_names=meeting.cards.space_two_char_names, title=f"{meeting.title} 重印")
        )
    if seat_cards:
        parts.append(render_seat_cards(seat_cards, title=meeting.title))
    writer = PdfWriter()
    for part in parts:
        writer.append(PdfReader(io.BytesIO(part)))
    writer.add_metadata({"/Title": f"{meeting.title} 重印 reprint", "/Producer": "seatplan", "/Creator": "seatplan"})
    buffer = io.BytesIO()
    writer.write(buffer)
    atomic_write_bytes(path, buffer.getvalue())
    return len(name_cards), len(seat_cards)

