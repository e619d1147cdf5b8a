"""The organisers' requests: the ``[rules]`` table and the request columns of the list.

:func:`apply_rules` turns the :class:`~seatplan.model.SeatingProblem` an
occasion built (protocol order only) into one that carries
:class:`~seatplan.model.problem.Constraints`: pins, reserved seats, seat tags
for needs, keep-apart / keep-together groups, unit blocks and the weights of
the soft goals. The format, with examples, is in ``docs/rules.md``.

Choices where the rule book is silent
-------------------------------------
* The floor (and a balcony, and the tables of a banquet) becomes a non-strict
  zone as soon as any request exists: protocol order is then the yardstick of
  the cost (``weights.order``), not a rule, while the dais stays strict
  (R-DAIS-3/4/10). At a banquet the hosts and interpreters keep their places and
  units are not kept in blocks by default (``docs/rules.md``). Without any request
  the problem is returned unchanged, so plans without rules are byte-identical
  to before.
* Seats at the end of a row run (next to an aisle or a wall) are tagged
  ``aisle``; seats within ``exit_distance`` metres of a door are tagged ``exit``.
  Wheelchair places and interpreter seats are named in ``[rules.seat_tags]``.
* Seats carrying the layout's ``reserved`` tag (R-AUD-8 blocks without people)
  that are still in a zone are kept empty too.
* A seat is named by its id (``floor-r03-s012``) or by its card label:
  ``3排12号``, ``第3排 12号``, ``主席台 第1排 2号``, ``楼上 2排5号``, ``8号桌 3号``, the main table
  ``主桌（1号桌） 3号`` / ``主桌 3号`` / ``1号桌 3号``.
* A person is named by his id or, when unambiguous, by his name.
"""

from __future__ import annotations

import difflib
import math
import re
import unicodedata
from dataclasses import replace
from pathlib import Path

from seatplan.errors import AttendeeFileError, Location, PlanFileError
from seatplan.model import Layout, Meeting, SeatingProblem, Zone
from seatplan.model.attendees import HOST_SIDE
from seatplan.model.problem import STOOL_TAG, Constraints, PeopleGroup
from seatplan.model.requests import RulesSpec
from seatplan.model.seats import SeatTag

__all__ = [
    "FLOW_ZONES",
    "NeedTag",
    "RULES_TABLE",
    "apply_rules",
    "find_person",
    "find_seat",
    "is_flow_zone",
]

#: Name of the option table in the plan file.
RULES_TABLE = "rules"
#: Zones that become non-strict (filled by the flow solver) when requests exist.
FLOW_ZONES = ("floor", "balcony", "banquet")
#: Seats whose occupant keeps his seat when a banquet zone is opened to requests: the
#: host of every table (R-BNQ-6/7), interpreters' places and stools (R-BNQ-10).
KEPT_SEAT_TAGS = frozenset({SeatTag.HOST_SEAT, SeatTag.INTERPRETER, SeatTag.STOOL})
#: The hostess's place at a Western long table (R-BNQ-12).
HOSTESS_SEAT_TAG = SeatTag.HOSTESS_SEAT
#: The layout's tag on seats of an empty reserved block (R-AUD-8).
RESERVED_TAG = SeatTag.RESERVED


#: Seat tags the library knows (any other tag may be used the same way): :class:`~seatplan.model.seats.SeatTag`.
NeedTag = SeatTag


_SECTION_WORDS = {
    "主席台": "dais",
    "台上": "dais",
    "dais": "dais",
    "楼上": "balcony",
    "二楼": "balcony",
    "balcony": "balcony",
    "台下": "floor",
    "会场": "floor",
    "floor": "floor",
}
_SEAT_LABEL = re.compile(r"^(?P<sec>主席台|台上|dais|楼上|二楼|balcony|台下|会场|floor)?\s*第?\s*(?P<row>\d+)\s*排\s*(?P<num>\d+)\s*号?$", re.I)
_TABLE_LABEL = re.compile(r"^(?:(?P<main>主桌)\s*(?:\(\s*(?P<numbered>[^\s()]+?)\s*号?桌\s*\))?|(?P<table>\S+?)\s*号?桌)"
                          r"\s*(?P<num>\d+)\s*号?$")


def _has_requests(meeting: Meeting) -> bool:
    return meeting.rules is not None or any(
        a.needs or a.pin or a.apart_from or a.together_with for a in meeting.attendees
    )


def apply_rules(meeting: Meeting, problem: SeatingProblem) -> SeatingProblem:
    """Add the organisers' requests to a problem built by an occasion.

    Parameters
    ----------
    meeting
        The meeting; its requests (``meeting.rules``, the ``[rules]`` table) and the
        request columns of its attendee list are read.
    problem
        The problem from :func:`seatplan.build_problem` (protocol order only).

    Returns
    -------
    SeatingProblem
        The same problem when there is no request (or it carries constraints
        already: the function is idempotent); otherwise a copy whose seats
        carry the ``aisle``/``exit``/named tags, whose floor-like zones are
        non-strict, and whose ``constraints`` hold the requests.

    Raises
    ------
    PlanFileError
        An unknown seat label or person in ``[rules]`` (file, ``rules.…`` key,
        value and a hint; the values themselves are checked when the plan is read).
    AttendeeFileError
        A request cell of the list naming an unknown seat or person (file, row,
        column, value and a hint).
    """
    if not _has_requests(meeting) or problem.constraints != Constraints():
        return problem  # nothing to add, or added already (applying twice changes nothing)
    source = meeting.source or ""
    opts = meeting.rules or RulesSpec()
    layout = _tag_seats(meeting, problem, opts)
    problem = replace(problem, layout=layout, constraints=Constraints())
    reserved: set[str] = set()
    for i, text in enumerate(opts.reserved):
        reserved.add(find_seat(problem, text, location=Location(file=source, field=f"rules.reserved[{i}]", value=text)))
    rows = set(opts.reserved_rows)
    zoned = {s for z in problem.zones for s in z.seat_ids}
    reserved |= {s.id for s in problem.seats if s.section == "floor" and s.row in rows}
    reserved |= {s.id for s in problem.seats if RESERVED_TAG in s.tags and s.id in zoned}
    for row in sorted(rows):
        if not any(s.section == "floor" and s.row == row for s in problem.seats):
            raise PlanFileError(
                f"floor row {row} does not exist",
                location=Location(file=source, field="rules.reserved_rows", value=row),
                hint="give row numbers of the floor, 1 = the front row",
            )
    pins: dict[str, str] = {}
    for name, text in opts.pins.items():
        aid = find_person(problem, name, location=Location(file=source, field=f"rules.pins.{name}", value=name))
        pins[aid] = find_seat(problem, text, location=Location(file=source, field=f"rules.pins.{name}", value=text))
    for a in problem.attendees:
        if a.pin:
            where = Location(file=a.source.file, row=a.source.row, field="指定座位/pin", value=a.pin)
            sid = find_seat(problem, a.pin, location=where, attendee_file=True)
            if a.id in pins and pins[a.id] != sid:
                raise AttendeeFileError(
                    f"{a.name} is pinned to {a.pin} in the list and to another seat in the plan file",
                    location=where,
                    hint="keep one of the two pins",
                )
            pins[a.id] = sid
    pinned_to: dict[str, str] = {}
    for aid, sid in pins.items():
        if sid in pinned_to:
            first, second = problem.attendee(pinned_to[sid]), problem.attendee(aid)
            raise PlanFileError(
                f"{first.name} and {second.name} are both pinned to seat {problem.seat(sid).describe()}",
                location=Location(file=source, field="rules.pins", value=problem.seat(sid).describe()),
                hint="pin each seat to one person only",
            )
        pinned_to[sid] = aid
    groups_apart: list[PeopleGroup] = []
    groups_together: list[PeopleGroup] = []
    apart_mode = opts.apart_mode
    together_mode = opts.together_mode
    for key, hard, mode, out in (
        ("keep_apart", True, apart_mode, groups_apart),
        ("prefer_apart", False, apart_mode, groups_apart),
        ("keep_together", True, together_mode, groups_together),
        ("prefer_together", False, together_mode, groups_together),
    ):
        for i, names in enumerate(getattr(opts, key)):
            field = f"rules.{key}[{i}]"
            members = tuple(find_person(problem, n, location=Location(file=source, field=field, value=n)) for n in names)
            if len(set(members)) != len(members):
                raise PlanFileError(
                    "names the same person twice",
                    location=Location(file=source, field=field, value=list(names)),
                    hint="list every person once (check ids of people with the same name)",
                )
            out.append(PeopleGroup(members, mode=mode, hard=hard, source=field))
    seen: set[tuple[str, frozenset[str]]] = set()
    for a in problem.attendees:
        for column, kind, others, mode, out in (
            ("不相邻/apart", "apart", a.apart_from, apart_mode, groups_apart),
            ("同座/together", "together", a.together_with, together_mode, groups_together),
        ):
            for text in others:
                where = Location(file=a.source.file, row=a.source.row, field=column, value=text)
                other = find_person(problem, text, location=where, attendee_file=True)
                if other == a.id:
                    raise AttendeeFileError(f"{a.name} names himself", location=where, hint="name another person")
                pair = frozenset((a.id, other))
                if (kind, pair) in seen:
                    continue
                seen.add((kind, pair))
                label = f"{a.source.file}, row {a.source.row}" if a.source.row else f"list entry of {a.name}"
                out.append(PeopleGroup((a.id, other), mode=mode, hard=True, source=label))
    for zone in problem.zones:
        if _opens(problem, zone) and any(problem.seat(s).table for s in zone.seat_ids):
            _keep_banquet_places(problem, zone, pins)
    tables_only = all(problem.seat(s).table for z in problem.zones if is_flow_zone(z.name) for s in z.seat_ids)
    constraints = Constraints(
        pins=pins,
        reserved=frozenset(reserved),
        keep_apart=tuple(groups_apart),
        keep_together=tuple(groups_together),
        # units sit in blocks on a floor; at banquet tables guests follow precedence across units
        contiguous=not tables_only if opts.keep_units_together is None else opts.keep_units_together,
        wrap=opts.wrap,
        weights=opts.weights,
    )
    for zone in problem.zones:
        if any(HOSTESS_SEAT_TAG in problem.seat(s).tags for s in zone.seat_ids):
            _check_long_table_reserved(problem, zone, constraints.reserved, source)
    zones = tuple(replace(z, strict=False) if _opens(problem, z) else z for z in problem.zones)
    return replace(problem, zones=zones, constraints=constraints)


def _check_long_table_reserved(problem: SeatingProblem, zone: Zone, reserved: frozenset[str], source: str | Path) -> None:
    """A place kept free inside a Western long table's pattern would shift everyone after it.

    The men/women alternation and the split couples (R-BNQ-12) are laid out place by
    place; only the last places of the order may be reserved (their diners are left over).
    """
    n = len(zone.attendee_ids)
    inside = [k for k, s in enumerate(zone.seat_ids[:n]) if s in reserved and STOOL_TAG not in problem.seat(s).tags]
    # the last places of the order may be kept free (their diners are then left over); any other would shift
    if inside and inside != list(range(n - len(inside), n)):
        first = zone.seat_ids[inside[0]]
        free = [problem.seat(s).describe() for s in zone.seat_ids[len(zone.attendee_ids) :] if STOOL_TAG not in problem.seat(s).tags]
        raise PlanFileError(
            f"{problem.seat(first).describe()} is a diner's place at the Western long table: keeping it free would "
            "move everyone after it one place on and undo the men/women order and the split couples (R-BNQ-12)",
            location=Location(file=source, field="rules.reserved", value=problem.seat(first).describe()),
            hint=("reserve one of the free places at the end (" + "、".join(free[:4]) + ")") if free
            else "add places (long_table seats) or take a person off the list instead of reserving a place",
        )


def _keep_banquet_places(problem: SeatingProblem, zone: Zone, pins: dict[str, str]) -> None:
    """Pin the hosts and interpreters of a banquet zone opened to requests to their places.

    The hosts and co-hosts (side 主方) keep the places protocol gave them (R-BNQ-6/7/8),
    as do interpreters, and so does a principal with an interpreter on a stool behind
    him (R-BNQ-10: the stool stays where it is); the guests flow around them, table by
    table and place by place (R-BNQ-5/7; the table rules of the flow are in
    :mod:`seatplan.solve.flow`).
    """
    taken = set(pins.values())
    occupant = dict(zip(zone.seat_ids, zone.attendee_ids))
    kept = {sid for sid, aid in occupant.items() if KEPT_SEAT_TAGS & problem.seat(sid).tags or problem.attendee(aid).side == HOST_SIDE}
    for stool in [problem.seat(sid) for sid in kept if STOOL_TAG in problem.seat(sid).tags]:
        # the principal in front of an interpreter's stool keeps his place too (R-BNQ-10)
        places = [problem.seat(sid) for sid in occupant if problem.seat(sid).table == stool.table and STOOL_TAG not in problem.seat(sid).tags]
        if places:
            kept.add(min(places, key=lambda p: ((p.x - stool.x) ** 2 + (p.y - stool.y) ** 2, p.id)).id)
    for sid in zone.seat_ids:
        aid = occupant.get(sid)
        if sid in kept and aid is not None and aid not in pins and sid not in taken:
            pins[aid] = sid
            taken.add(sid)


def _opens(problem: SeatingProblem, zone: Zone) -> bool:
    """True for a strict zone that requests open to the flow solver.

    A Western long table (R-BNQ-12) stays strict: its places alternate men and women
    and split couples, which a flow in precedence order would undo; a request its
    seating does not meet is reported as a conflict instead.
    """
    if not zone.strict or not is_flow_zone(zone.name):
        return False
    return not any(HOSTESS_SEAT_TAG in problem.seat(s).tags for s in zone.seat_ids)


def is_flow_zone(name: str) -> bool:
    """True for zones the flow solver fills when requests exist (floor, balcony)."""
    return any(name == z or name.startswith(f"{z}-") for z in FLOW_ZONES)


def _tag_seats(meeting: Meeting, problem: SeatingProblem, opts: RulesSpec) -> Layout:
    """Seats with the automatic ``aisle``/``exit`` tags and the tags named in ``[rules.seat_tags]``."""
    extra: dict[str, set[str]] = {s.id: set() for s in problem.seats}
    for sid, nbrs in problem.neighbours.items():
        seat = problem.seat(sid)
        if not seat.table and len(nbrs) < 2:
            extra[sid].add(SeatTag.AISLE)
    distance = opts.exit_distance
    doors = meeting.venue.doors
    for s in problem.seats:
        if doors and min(math.hypot(s.x - d.x, s.y - d.y) for d in doors) <= distance:
            extra[s.id].add(SeatTag.EXIT)
    for tag, labels in opts.seat_tags.items():
        for i, text in enumerate(labels):
            where = Location(file=meeting.source or "", field=f"rules.seat_tags.{tag}[{i}]", value=text)
            extra[find_seat(problem, text, location=where)].add(tag)
    seats = tuple(replace(s, tags=s.tags | frozenset(extra[s.id])) if extra[s.id] - s.tags else s for s in problem.seats)
    return replace(problem.layout, seats=seats)


def find_seat(problem: SeatingProblem, text: str, *, location: Location, attendee_file: bool = False) -> str:
    """The id of the seat named ``text`` (an id or a card label, see the module docstring).

    Raises
    ------
    PlanFileError, AttendeeFileError
        No such seat, or a label that fits several seats; the error names the
        location and lists the accepted forms.
    """
    error = AttendeeFileError if attendee_file else PlanFileError
    raw = text.strip()
    if raw in problem.seat_index:
        return raw
    norm = unicodedata.normalize("NFKC", raw).replace(" ", " ").strip()
    found: list[str] = []
    m = _SEAT_LABEL.match(norm)
    if m:
        section = _SECTION_WORDS.get((m.group("sec") or "").lower(), "")
        row, number = int(m.group("row")), int(m.group("num"))
        for s in problem.seats:
            if s.table or s.row != row or s.number != number:
                continue
            if section == "dais" and not s.is_dais:
                continue
            if section and section != "dais" and s.section != section:
                continue
            if not section and s.is_dais:
                continue
            found.append(s.id)
    else:
        t = _TABLE_LABEL.match(norm)
        if t and t.group("main"):  # 主桌 3号, 主桌（1号桌）3号
            found = [s.id for s in problem.seats if SeatTag.MAIN_TABLE in s.tags and s.number == int(t.group("num"))
                     and t.group("numbered") in (None, s.table)]
        elif t:
            found = [s.id for s in problem.seats if s.table == t.group("table") and s.number == int(t.group("num"))]
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        where = ", ".join(f"{problem.seat(s).section} {problem.seat(s).describe()}" for s in found[:4])
        raise error(
            f"seat {raw!r} fits {len(found)} seats ({where})",
            location=location,
            hint="name the section too, e.g. '楼上 3排12号', or give the seat id",
        )
    raise error(
        f"there is no seat {raw!r}",
        location=location,
        hint="write a seat label such as '3排12号', '主席台 第1排 2号', '8号桌 3号' or a seat id from seats.csv",
    )


def find_person(problem: SeatingProblem, text: str, *, location: Location, attendee_file: bool = False) -> str:
    """The id of the person named ``text`` (an id, or a name that only one person has).

    Raises
    ------
    PlanFileError, AttendeeFileError
        Nobody has that id or name, or several people share the name.
    """
    error = AttendeeFileError if attendee_file else PlanFileError
    key = text.strip()
    if key in problem.attendee_index:
        return key
    same = [a.id for a in problem.attendees if a.name == key]
    if len(same) == 1:
        return same[0]
    if same:
        raise error(
            f"{len(same)} people are called {key!r} (ids {', '.join(same[:6])})",
            location=location,
            hint="use the id instead of the name",
        )
    names = [a.name for a in problem.attendees]
    close = difflib.get_close_matches(key, names, n=3)
    raise error(
        f"nobody on the list is called {key!r}",
        location=location,
        hint=f"did you mean {', '.join(close)}?" if close else "check the spelling against the attendee list, or use the id",
    )
