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
import tempfile
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

from seatplan.errors import Conflict, Location, PlanFileError, ValidationError
from seatplan.model import Attendee, Plan, Result, SeatingProblem, SolveStatus, Zone
from seatplan.model.attendees import HOST_SIDE
from seatplan.solve.repair import assign_movers

__all__ = [
    "Change",
    "apply_changes",
    "read_plan_folder",
    "ChangeKind",
    "ChangeReport",
    "Move",
    "read_changes_csv",
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


_KIND_WORDS = {
    ChangeKind.ABSENT: ("absent", "缺席", "请假", "不来", "取消"),
    ChangeKind.SUBSTITUTE: ("substitute", "替换", "代替", "替会", "替补", "代会"),
    ChangeKind.ADD: ("add", "增加", "新增", "补充", "临时增加", "加人"),
    ChangeKind.RANK: ("rank", "排序", "排序变更", "改排序", "名次"),
    ChangeKind.UNIT: ("unit", "rename", "单位更名", "更名", "改单位名"),
}


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
    source
        Where the change was read from, for messages.
    """

    kind: ChangeKind
    who: str = ""
    name: str = ""
    new_id: str = ""
    unit: str = ""
    title: str = ""
    rank: int = 0
    section: str = ""
    source: Location = field(default_factory=Location, compare=False)

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
    """

    problem: SeatingProblem
    moves: tuple[Move, ...] = ()
    added: tuple[tuple[str, str, str], ...] = ()
    removed: tuple[tuple[str, str, str], ...] = ()
    name_cards: tuple[str, ...] = ()
    seat_cards: tuple[str, ...] = ()
    withdrawn: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

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


def _fail(change: Change, message: str, hint: str, value: object = None) -> ValidationError:
    loc = change.source
    return ValidationError(message, location=Location(file=loc.file, row=loc.row, field=loc.field, value=loc.value if value is None else value), hint=hint)


def _find(problem: SeatingProblem, people: Mapping[str, Attendee], change: Change) -> str:
    key = change.who.strip()
    if key in people:
        return key
    same = [a for a in people.values() if a.name == key]
    if len(same) == 1:
        return same[0].id
    if same:
        raise _fail(change, f"{len(same)} people are called {key!r}", "give the id (编号) instead of the name", key)
    raise _fail(change, f"nobody on the list is {key!r}", "give the id (编号) or the exact name from seats.csv", key)


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
    for change in changes:
        if change.kind is ChangeKind.UNIT:
            old = change.who.strip()
            if not any(a.unit == old for a in people.values()):
                raise _fail(change, f"no attendee is in unit {old!r}", "write the unit name exactly as in the list", old)
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
    seconds = time.perf_counter() - started
    moved = [a for a, s in seat_of.items() if old_seat.get(a) and old_seat[a] != s and a not in inherit]
    if conflicts:
        result = Result(SolveStatus.INFEASIBLE, None, seconds=seconds, explanation=tuple(conflicts))
        return result, ChangeReport(problem=new, notes=tuple(x.message for x in conflicts))
    plan = Plan(seat_of=seat_of, unseated=unseated)
    strict_moves = sum(1 for a in moved if new.zone_of_attendee[a].strict)
    bound = strict_moves + len(forced & set(moved)) + proven_extra
    status = SolveStatus.OPTIMAL if len(moved) == bound else SolveStatus.FEASIBLE
    gap = 0.0 if status is SolveStatus.OPTIMAL else (len(moved) - bound) / max(1, len(moved))
    result = Result(status, plan, objective=float(len(moved)), bound=float(bound), gap=gap, seconds=seconds)
    return result, _report(problem, old_plan, new, plan, replaced, gone, moved, card_sections)


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
) -> ChangeReport:
    def carded(seat_id: str) -> bool:
        return any(new.seat(seat_id).section.startswith(p) for p in card_sections)

    moves = []
    for a in moved:
        f, t = old_plan.seat_of[a], plan.seat_of[a]
        moves.append(Move(a, new.attendee(a).name, f, new.seat(f).describe(), t, new.seat(t).describe(), "protocol order" if new.zone_of_attendee[a].strict else "rules"))
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
    return ChangeReport(
        problem=new,
        moves=tuple(moves),
        added=tuple(added),
        removed=tuple(removed),
        name_cards=tuple(name_cards),
        seat_cards=tuple(seat_cards),
        withdrawn=tuple(gone),
        notes=tuple(notes),
    )


#: Columns of ``changes.csv`` (the report) in order.
REPORT_COLUMNS = ("change", "id", "name", "unit", "from", "to", "name_card", "seat_card")


def write_change_report(report: ChangeReport, old: SeatingProblem, path: str | os.PathLike[str]) -> None:
    """Write ``changes.csv``: one line per person affected (UTF-8 with BOM, CRLF), atomically."""
    new = report.problem
    rows: list[list[str]] = []
    names = set(report.name_cards)
    seats = set(report.seat_cards)
    for m in report.moves:
        person = new.attendee(m.attendee_id)
        rows.append(["move", m.attendee_id, m.name, person.unit, m.from_label, m.to_label, _yes(m.attendee_id in names), _yes(m.attendee_id in seats)])
    for a, name, label in report.added:
        rows.append(["add", a, name, new.attendee(a).unit, "", label, _yes(a in names), _yes(a in seats)])
    for a, name, label in report.removed:
        rows.append(["remove", a, name, old.attendee(a).unit, label, "", "withdraw", "withdraw"])
    listed = {r[1] for r in rows}
    for a in sorted(names | seats):
        if a not in listed:
            rows.append(["reprint", a, new.attendee(a).name, new.attendee(a).unit, "", "", _yes(a in names), _yes(a in seats)])
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(REPORT_COLUMNS)
    writer.writerows(rows)
    _atomic_write(Path(path), ("\ufeff" + buffer.getvalue()).encode("utf-8"))


def _yes(flag: bool) -> str:
    return "reprint" if flag else ""


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)  # like any other output file, not mkstemp's 0600
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
    out: list[Change] = []
    for number, cells in rows[1:]:

        def cell(key: str, cells: tuple[str, ...] = cells) -> str:
            i = columns.get(key)
            return cells[i].strip() if i is not None and i < len(cells) else ""

        def where(key: str, number: int = number) -> Location:
            return Location(file=file, row=number, field=written.get(key, key), value=cell(key) or None)

        kind_text = cell("kind")
        kind = words.get(unicodedata.normalize("NFKC", kind_text).lower())
        if kind is None:
            raise ValidationError(
                f"unknown change {kind_text!r}",
                location=where("kind"),
                hint="write 缺席 (absent), 替会 (substitute), 增加 (add), 排序 (rank) or 单位更名 (unit)",
            )
        rank_text = cell("rank")
        rank = 0
        if rank_text:
            digits = unicodedata.normalize("NFKC", rank_text)
            if not digits.isdigit() or int(digits) < 1:
                raise ValidationError(f"rank {rank_text!r} is not a whole number from 1 up", location=where("rank"), hint="write 1 for the most senior")
            rank = int(digits)
        who = cell("id") or (cell("name") if kind is not ChangeKind.ADD else "")
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
        out.append(
            Change(
                kind=kind,
                who=who,
                name=cell("new_name") if kind is ChangeKind.SUBSTITUTE else (cell("name") if kind is ChangeKind.ADD else ""),
                new_id=cell("new_id") or (cell("id") if kind is ChangeKind.ADD else ""),
                unit=cell("new_unit") if kind is ChangeKind.UNIT else cell("unit"),
                title=cell("title"),
                rank=rank,
                section=section,
                source=Location(file=file, row=number, field=written["kind"], value=kind_text),
            )
        )
    return out


def _plan_path(plan_dir: Path, plan_path: str | os.PathLike[str] | None) -> Path:
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
    """The plan in an output folder of ``seatplan solve`` (``seats.csv``, ``unseated.csv``).

    Raises
    ------
    ValidationError
        A missing ``seats.csv``, or a person or seat the plan file no longer has
        (the list or the layout changed since the plan was made).
    """
    folder = Path(plan_dir)
    seats_csv = folder / "seats.csv"
    if not seats_csv.is_file():
        raise ValidationError("no seats.csv here", location=Location(file=folder), hint="give the output folder of seatplan solve")
    text = seats_csv.read_bytes().decode("utf-8-sig")
    reader = csv.DictReader(io.StringIO(text))
    seat_of: dict[str, str] = {}
    for row, record in enumerate(reader, start=2):
        aid, sid = (record.get("id") or "").strip(), (record.get("seat_id") or "").strip()
        if aid not in problem.attendee_index:
            raise ValidationError(
                f"{record.get('name')} ({aid}) is not on the attendee list of the plan file",
                location=Location(file=seats_csv, row=row, field="id", value=aid),
                hint="replan from the list the plan was made with; put list changes into CHANGES.csv",
            )
        if sid not in problem.seat_index:
            raise ValidationError(
                f"seat {sid!r} is not in the layout of the plan file",
                location=Location(file=seats_csv, row=row, field="seat_id", value=sid),
                hint="the room or the [floor]/[dais] tables changed since the plan was made; solve again instead",
            )
        seat_of[aid] = sid
    unseated: dict[str, str] = {}
    unseated_csv = folder / "unseated.csv"
    if unseated_csv.is_file():
        for record in csv.DictReader(io.StringIO(unseated_csv.read_bytes().decode("utf-8-sig"))):
            aid = (record.get("id") or "").strip()
            if aid in problem.attendee_index and aid not in seat_of:
                unseated[aid] = (record.get("reason") or "").strip()
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
    from seatplan.pipeline import Outputs, build_problem, write_outputs

    folder = Path(plan_dir)
    meeting = load_meeting(_plan_path(folder, plan_path))
    problem = build_problem(meeting)
    old_plan = read_plan_folder(problem, folder)
    changes = read_changes_csv(changes_csv)
    result, report = replan(problem, old_plan, changes, card_sections=meeting.cards.sections)
    if result.plan is None:
        raise InfeasiblePlanError(result.explanation)
    changed = replace(meeting, attendees=report.problem.attendees)
    outputs = write_outputs(changed, report.problem, result, Path(out_dir))
    target = Path(out_dir) / "changes.csv"
    write_change_report(report, problem, target)
    return Outputs(folder=outputs.folder, files=(*outputs.files, target)), report

