"""The banquet occasion (宴会): round tables, table ranks (桌次) and place ranks (位次).

``build(meeting)`` reads the ``[banquet]`` option table, sizes the tables (R-BNQ-1), lays
them out (:func:`seatplan.layout.banquet.generate_banquet`: R-PHY-10/11, R-BNQ-2 … R-BNQ-8)
and seats people by precedence:

1. **People.** Attendees whose 主客 (side) is 主方/host are the *hosts*; attendees tagged
   ``interpreter`` / ``翻译`` / ``译员`` are *interpreters*; everyone else is a *guest*. Hosts
   and guests are each ordered by their 排序 (rank; equal ranks keep list order).
2. **Host seats** (R-BNQ-6, R-BNQ-8), in this order: the main table's host seat (主陪, place 1),
   the main table's co-host seat (副主陪, place 2, only with ``cohost = true``), the host seat
   of table 2, 3, … in table order, then (with ``cohost``) the co-host seats of table 2, 3, … .
   Host No.1 takes the first, host No.2 the second and so on: every table gets a host
   representative before any table but the main one gets a co-host. A table left without a
   host still ranks its places from the host seat; its place 1 goes to its first guest. A
   co-host seat left without a host is an ordinary guest place (the table is ranked as a
   single-host table).
3. **Guests** fill the remaining places by rank: the main table's places in place order
   (G1 at the host's right, R-BNQ-7/8), then table 2's, and so on. Host-side people beyond the
   host seats (陪同) follow the last guest: the host side yields the better places.
4. **R-BNQ-9.** When the guest of honour outranks the host (``guest_outranks_host = true``,
   or ``"auto"`` and the top guest's rank number is smaller than the top host's), the two
   exchange places at the main table: the guest takes place 1, the host place G1.
5. **Interpreters** (R-BNQ-10). A guest-side interpreter serves the main table's guests in
   order (the guest of honour first), a host-side one the main table's host, then co-host.
   ``"behind"`` (default): a stool behind the principal's chair, not at the table;
   ``"at-right"``: the first guest-side interpreter takes the place at the guest of
   honour's right (others still sit behind).

The whole banquet is one strict zone ``"banquet"``: its seats are the occupied seats in
precedence order — table by table in table rank, places by place number, interpreter stools
after their table's places — followed by the empty seats; its people are the occupants of
those seats in the same order, followed by anyone who did not fit. The merge solver thus
reproduces the seating above exactly, and :func:`seatplan.check.check_plan` finds no
violation.

Warnings (R-BNQ-1 odd or large tables, tables without a host representative, the R-BNQ-9
exchange, ...) never stop the plan: :func:`plan_banquet` returns them and :func:`build`
also issues each one as a :class:`BanquetWarning` (``warnings.warn``).

Western long table (``style = "french"`` or ``"english"``, R-BNQ-12)
--------------------------------------------------------------------
One rectangular table seats everybody (:func:`seatplan.layout.long_table.generate_long_table`).

1. **Host and hostess.** The host is host-side No.1 (主方, lowest 排序). The hostess is the
   person marked as his partner (配偶/partner column), whatever her side; without one, host-side
   No.2; without a second host-side person, the top guest takes the hostess's place (warning).
2. **Everyone else** in precedence order: the guests by rank, then the other host-side people
   (the host side yields the better places, as at round tables).
3. **Places** rank host's right, hostess's right, host's left, hostess's left, outward
   (:func:`seatplan.protocol.long_table.long_table_places`). Men and women alternate when every
   guest's gender is known (a blank one of the host or hostess takes the default of
   :func:`~seatplan.protocol.long_table.anchor_genders`) and the numbers fit: the senior woman
   at the host's right, the senior man at the hostess's right, and so on; otherwise plain
   precedence, with a warning. With an odd number of people the extra place goes to the long
   side that fits the list's men and women (``swap_sides`` of
   :func:`~seatplan.layout.long_table.generate_long_table`); an English table then has two
   people of one gender side by side, and a warning names them.
4. **Couples** (配偶/partner) are not seated next to or directly across from each other, unless
   one of them is tagged 新婚/订婚/newlywed/engaged (:func:`seatplan.protocol.long_table.seat_long_table`).
5. **Interpreters** (R-BNQ-10) sit on stools behind their principals (``interpreters =
   "behind"``): guest-side ones behind the guests in rank order, host-side ones behind the host,
   then the hostess.

The places are one strict zone ``"banquet"`` (requests leave it strict: an unmet request is
reported as a conflict, ``docs/rules.md``); every stool is a strict zone of its own
(:func:`stool_zone_name`), so only its interpreter ever sits there — a reserved place moves
the guests after it one place down and leaves the last one unseated, never on a stool.

R-BNQ-9 does not apply: the host and hostess keep their places and the guests of honour sit at
their right. ``convention`` does not mirror the table (R-BNQ-12 is international practice).
"""

from __future__ import annotations

import functools
import warnings as _warnings
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from seatplan.errors import Location, ValidationError
from seatplan.layout.banquet import SECTION, BanquetTable, generate_banquet
from seatplan.layout.long_table import (
    LongTableLayout,
    add_interpreter_stools,
    generate_long_table,
)
from seatplan.model import Attendee, Convention, Meeting, Zone
from seatplan.model.attendees import resolve_partners
from seatplan.model.banquet import (
    BanquetSpec,
    BanquetVariant,
    GuestOutranksHost,
    InterpreterPlacement,
)
from seatplan.occasions import Staging
from seatplan.protocol.banquet import table_sizes
from seatplan.protocol.long_table import (
    anchor_genders,
    long_table_places,
    parse_gender,
    seat_long_table,
)

__all__ = [
    "INTERPRETER_TAGS",
    "OPTION_TABLE",
    "STOOL_ZONE",
    "BanquetPlan",
    "BanquetSpec",
    "BanquetWarning",
    "GuestOutranksHost",
    "build",
    "plan_banquet",
    "stool_zone_name",
]

#: Name of the option table in the plan file.
OPTION_TABLE = "banquet"
#: Tags (标签 column) that mark an interpreter (R-BNQ-10).
INTERPRETER_TAGS = frozenset({"interpreter", "翻译", "译员"})
#: Zone of an interpreter's stool at a Western long table: ``"banquet:stool-1"``, … (R-BNQ-10).
STOOL_ZONE = "stool"
#: Largest table R-BNQ-1 accepts without a warning; the main table may be one pair larger.
RECOMMENDED_MAX = 10
MAIN_TABLE_MAX = 12


def stool_zone_name(number: int) -> str:
    """Zone name of the ``number``-th interpreter's stool at a Western long table (R-BNQ-10).

    Each stool is a strict zone of one seat and one interpreter, apart from the zone
    ``"banquet"`` of the places: a reserved or unused place never moves a guest onto a stool,
    nor an interpreter away from his principal. The name is not a flow zone
    (:func:`seatplan.rules.is_flow_zone`), so requests leave it strict.

    Examples
    --------
    >>> stool_zone_name(2)
    'banquet:stool-2'
    """
    return f"{SECTION}:{STOOL_ZONE}-{number}"


class BanquetWarning(UserWarning):
    """A banquet plan that works but breaks a recommendation (R-BNQ-1, R-BNQ-6, ...)."""


@dataclass(frozen=True)
class BanquetPlan:
    """What :func:`plan_banquet` produces.

    Parameters
    ----------
    staging
        Layout and zones, as :func:`build` returns it: the one zone ``"banquet"`` (at a long
        table followed by a zone per interpreter's stool, :func:`stool_zone_name`).
    tables
        The round tables by rank (centre, diameter, place seat ids by number); empty for a
        long table.
    occupant
        Seat id → attendee id of the intended seating (what the solver will reproduce).
    warnings
        Plain-language warnings, rule ids first.
    long_table
        The Western long table (style ``"french"`` / ``"english"``), else None.
    gendered
        For a long table: True when men and women alternate (R-BNQ-12).
    """

    staging: Staging
    tables: tuple[BanquetTable, ...]
    occupant: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    solver_notes: tuple[str, ...] = ()
    long_table: LongTableLayout | None = None
    gendered: bool = False


# ---------------------------------------------------------------------------------------------
# build
# ---------------------------------------------------------------------------------------------


def build(meeting: Meeting) -> Staging:
    """Lay out the banquet and rank tables, places and people (the occasion entry point).

    Warnings are issued as :class:`BanquetWarning`; see :func:`plan_banquet` for the rest.
    """
    plan = plan_banquet(meeting)
    for text in plan.warnings:
        _warnings.warn(text, BanquetWarning, stacklevel=2)
    return replace(plan.staging, notes=plan.solver_notes) if plan.solver_notes else plan.staging


def plan_banquet(meeting: Meeting) -> BanquetPlan:
    """Lay out the banquet and seat everyone by precedence (module docstring, steps 1-5).

    Parameters
    ----------
    meeting
        A meeting whose occasion is a banquet; ``meeting.banquet`` holds the options
        (``[banquet]`` of the plan file; the defaults when ``None``).

    Returns
    -------
    BanquetPlan
        The staging (layout and the zone ``"banquet"``), the tables by rank, the intended
        seating and the warnings.

    Raises
    ------
    ValidationError
        Attendees marked for a 座区 (a banquet has none), more interpreters than principals,
        more people than places (unless ``allow_unseated``); the message names the file, row
        or key.
    GeometryError
        The tables do not fit the room (the message says how many fit).
    """
    options = meeting.banquet or BanquetSpec()
    if options.long_table:
        return _plan_long_table(meeting, options)
    return _plan_rounds(meeting, options)


@dataclass(frozen=True)
class _Party:
    """The people of a round-table banquet, each side by rank (step 1)."""

    hosts: list[Attendee]
    guests: list[Attendee]
    guest_interpreters: list[Attendee]
    host_interpreters: list[Attendee]


@dataclass(frozen=True)
class _HostSeats:
    """Who takes the host (H) and co-host (CO) seats, by (table rank, role) (step 2, R-BNQ-6/8)."""

    seated: dict[tuple[int, str], Attendee]
    extra: list[Attendee]  # host-side people beyond the host seats (陪同)
    cohost_tables: set[int]
    host_tables: set[int]


def _plan_rounds(meeting: Meeting, options: BanquetSpec) -> BanquetPlan:
    """Round tables (module docstring, steps 1-5)."""
    source = str(meeting.source or "")
    notes: list[str] = []
    party = _split_party(meeting, source)
    hosts, guests = party.hosts, party.guests
    swap = _exchange(options, hosts, guests, notes)
    at_right = _interpreter_at_right(options, party, swap, notes)
    sizes = _table_sizes(options, len(hosts) + len(guests) + (1 if at_right else 0), notes, source)
    seats = _seat_hosts(options, hosts, sizes, notes)

    # principals at the main table, by place number (known before the layout: places are
    # numbered H, [CO], G1, G2, ...)
    first_guest_place = 2 + (1 if 1 in seats.cohost_tables else 0) if 1 in seats.host_tables else 1
    host_places = [1] + ([2] if 1 in seats.cohost_tables else []) if 1 in seats.host_tables else []
    main_guests = min(len(guests), sizes[0] - (1 if at_right else 0) - len(host_places))
    main_guest_places = [first_guest_place + k for k in range(main_guests)]
    if swap and host_places and main_guest_places:
        main_guest_places[0], host_places[0] = 1, first_guest_place
    guest_principals = party.guest_interpreters[1:] if at_right else party.guest_interpreters
    _check_principals(guest_principals, main_guests, "guest", source)
    _check_principals(party.host_interpreters, len(host_places), "host", source)
    stools = [main_guest_places[k] for k in range(len(guest_principals))]
    stools += [host_places[k] for k in range(len(party.host_interpreters))]
    stool_people = list(guest_principals) + list(party.host_interpreters)

    variant = options.variant or (BanquetVariant.INTL if meeting.convention is Convention.INTL else BanquetVariant.CN_A)
    banquet = generate_banquet(
        meeting.venue,
        sizes=sizes,
        rows=options.rows,
        arrangement=options.arrangement,
        columns=options.columns,
        table_gap=options.table_gap,
        wall_gap=options.wall_gap,
        stage_gap=options.stage_gap,
        main_position=options.main_position,
        tie_break=options.tie_break,
        right_of=options.right_of,
        table_handedness=options.table_handedness,
        host_facing=options.host_facing,
        variant=variant,
        cohost_tables=seats.cohost_tables,
        stools_behind=stools,
        reserve_right_of=main_guest_places[0] if at_right else None,
        source=source,
        key_prefix=OPTION_TABLE,
    )
    notes += banquet.warnings
    stream = list(guests) + list(seats.extra)
    solver_notes: list[str] = []
    by_affinity = None
    if meeting.affinity is not None:  # [affinity]: the tables after the main one, by who knows whom
        by_affinity = functools.partial(_by_affinity, meeting, banquet.tables, seats.seated, solver_notes)
    occupant, order = _fill_tables(
        banquet.tables, seats.seated, stream, swap=swap, interpreter=party.guest_interpreters[:1],
        stools=stool_people, notes=notes, by_affinity=by_affinity,
    )
    overflow = stream  # what _fill_tables left
    if overflow and not meeting.allow_unseated:
        _refuse_overflow(options, banquet.tables, overflow, len(hosts) + len(guests), source, n_tables=len(sizes))
    empty = [s.id for s in banquet.layout.seats if s.id not in occupant]
    zone = Zone(
        name=SECTION,
        seat_ids=tuple(order + empty),
        attendee_ids=tuple([occupant[s] for s in order] + [a.id for a in overflow]),
        strict=True,
    )
    return BanquetPlan(
        staging=Staging(layout=banquet.layout, zones=(zone,)),
        tables=banquet.tables,
        occupant=occupant,
        warnings=(*notes, *solver_notes),
        solver_notes=tuple(solver_notes),
    )


def _split_party(meeting: Meeting, source: str) -> _Party:
    """Hosts, guests and the interpreters of each side (step 1)."""
    _reject_sections(meeting.attendees)
    interpreters = [a for a in meeting.attendees if _is_interpreter(a)]
    hosts = _by_rank([a for a in meeting.attendees if a.side == "host" and not _is_interpreter(a)])
    guests = _by_rank([a for a in meeting.attendees if a.side != "host" and not _is_interpreter(a)])
    if not hosts and not guests:
        raise ValidationError(
            "the attendee list has nobody to seat at the tables",
            location=Location(file=source, field="attendees"),
            hint="list the hosts (主客 = 主方) and guests of the banquet",
        )
    return _Party(
        hosts=hosts,
        guests=guests,
        guest_interpreters=[a for a in interpreters if a.side != "host"],
        host_interpreters=[a for a in interpreters if a.side == "host"],
    )


def _exchange(options: BanquetSpec, hosts: Sequence[Attendee], guests: Sequence[Attendee], notes: list[str]) -> bool:
    """R-BNQ-9: True when the guest of honour outranks the host and they exchange places."""
    if not hosts or not guests:
        return False
    if options.guest_outranks_host is GuestOutranksHost.YES:
        return True
    if options.guest_outranks_host is GuestOutranksHost.AUTO and guests[0].rank < hosts[0].rank:
        notes.append(
            f"R-BNQ-9: the guest of honour {guests[0].name} (rank {guests[0].rank}) outranks the host "
            f"{hosts[0].name} (rank {hosts[0].rank}): they exchange places at the main table; set "
            "guest_outranks_host = false to keep the host in his seat"
        )
        return True
    return False


def _interpreter_at_right(options: BanquetSpec, party: _Party, swap: bool, notes: list[str]) -> bool:
    """R-BNQ-10: True when the first guest-side interpreter takes the place at the guest of honour's right."""
    at_right = options.interpreters is InterpreterPlacement.AT_RIGHT and bool(party.guest_interpreters) and bool(party.guests)
    if at_right and swap:
        notes.append(
            "R-BNQ-10: the guest of honour sits in the host's place (R-BNQ-9), whose right-hand place is "
            "the host's: his interpreter sits behind him instead"
        )
        return False
    return at_right


def _seat_hosts(options: BanquetSpec, hosts: Sequence[Attendee], sizes: Sequence[int], notes: list[str]) -> _HostSeats:
    """R-BNQ-6/8: the host seats in precedence order, and who takes them (step 2)."""
    n_tables = len(sizes)
    slots: list[tuple[int, str]] = [(1, "H")]
    if options.cohost:
        slots.append((1, "CO"))
    slots += [(t, "H") for t in range(2, n_tables + 1)]
    if options.cohost:
        slots += [(t, "CO") for t in range(2, n_tables + 1)]
    if sizes[0] < 2 and options.cohost:
        slots.remove((1, "CO"))
    seated = dict(zip(slots, hosts))
    extra = list(hosts[len(slots):])
    cohost_tables = {t for (t, role) in seated if role == "CO"}
    host_tables = {t for (t, role) in seated if role == "H"}
    if extra:
        notes.append(
            f"R-BNQ-6: {len(hosts)} host-side people for {len(slots)} host seats: "
            f"{len(extra)} ({', '.join(a.name for a in extra[:5])}{' ...' if len(extra) > 5 else ''}) "
            "take the places left after the guests" + ("" if options.cohost else "; cohost = true seats a co-host at each table")
        )
    no_host = [t for t in range(1, n_tables + 1) if t not in host_tables]
    if no_host and n_tables > 1:
        notes.append(
            f"R-BNQ-6: {_tables_text(no_host)} no host representative; place 1 there goes to the table's first guest"
        )
    return _HostSeats(seated=seated, extra=extra, cohost_tables=cohost_tables, host_tables=host_tables)


def _fill_tables(
    tables: Sequence[BanquetTable],
    host_of: dict[tuple[int, str], Attendee],
    stream: list[Attendee],
    *,
    swap: bool,
    interpreter: Sequence[Attendee],
    stools: Sequence[Attendee],
    notes: list[str],
    by_affinity: Callable[[list[Attendee]], dict[int, list[Attendee]]] | None = None,
) -> tuple[dict[str, str], list[str]]:
    """Fill the places table by table (steps 2-5): seat id → attendee id, and the occupied seats in order.

    ``stream`` (guests, then the host-side people without a host seat) is consumed; what is
    left did not fit. ``interpreter`` is the one at the guest of honour's right (R-BNQ-10
    ``"at-right"``), if any; ``stools`` the interpreters on the main table's stools.
    ``by_affinity`` takes the guests of the tables after the main one off ``stream`` and
    says which table each goes to (``[affinity]``); inside a table they keep their order.
    """
    occupant: dict[str, str] = {}
    order: list[str] = []  # occupied seats in precedence order
    assigned: dict[int, list[Attendee]] | None = None
    for table in tables:
        if table.rank > 1 and by_affinity is not None and assigned is None:
            assigned = by_affinity(stream)
        places = list(table.places)
        filled: list[tuple[str, Attendee]] = []
        start = 0
        if (table.rank, "H") in host_of:
            filled.append((places[0], host_of[(table.rank, "H")]))
            start = 1
            if (table.rank, "CO") in host_of:
                filled.append((places[1], host_of[(table.rank, "CO")]))
                start = 2
        first_guest = len(filled)
        queue = stream if assigned is None else assigned[table.rank]
        for sid in places[start:]:
            if not queue:
                break
            filled.append((sid, queue.pop(0)))
        if table.rank == 1 and swap and first_guest > 0 and len(filled) > first_guest:
            (h_seat, host), (g_seat, guest) = filled[0], filled[first_guest]
            filled[0], filled[first_guest] = (h_seat, guest), (g_seat, host)
        if table.rank == 1 and table.interpreter_place is not None:
            filled.append((table.interpreter_place, interpreter[0]))
        if table.rank == 1:
            filled += list(zip(table.stools, stools))
        for sid, person in filled:
            occupant[sid] = person.id
            order.append(sid)
        if table.rank > 1 and len(filled) * 2 < len(places) and filled:
            notes.append(f"table {table.label} has only {len(filled)} of {len(places)} places taken")
    return occupant, order


def _by_affinity(
    meeting: Meeting, tables: Sequence[BanquetTable], host_of: dict[tuple[int, str], Attendee], solver_notes: list[str],
    stream: list[Attendee],
) -> dict[int, list[Attendee]]:
    """Guests of the tables after the main one, chosen by ``[affinity]`` (taken off ``stream``, precedence kept).

    When the time cap stopped the search, a note saying so goes to ``solver_notes``
    (a warning, and ``summary.json``).
    """
    from seatplan.solve.affinity import assign_by_affinity, describe_cap, explain_failure

    rest = [t for t in tables if t.rank > 1]
    pins = {host_of[t.rank, role].id: str(t.rank) for t in rest for role in ("H", "CO") if (t.rank, role) in host_of}
    room = sum(len(t.places) for t in rest) - len(pins)
    seated = stream[: max(0, room)]
    spec = meeting.affinity
    assert spec is not None
    result = assign_by_affinity(
        [(str(t.rank), len(t.places)) for t in rest], [a.id for a in seated], spec, pins=pins,
        names={a.id: a.name for a in meeting.attendees}, known={a.id for a in meeting.attendees},
    )
    if not result.table_of:
        raise explain_failure(result, str(meeting.source or ""))
    if result.capped:
        solver_notes.append(describe_cap(spec))
    del stream[: len(seated)]
    out: dict[int, list[Attendee]] = {t.rank: [] for t in rest}
    for a in seated:
        out[int(result.table_of[a.id])].append(a)
    return out


def _refuse_overflow(
    options: BanquetSpec, tables: Sequence[BanquetTable], overflow: Sequence[Attendee], people: int, source: str,
    *, n_tables: int,
) -> None:
    """More people than places, without ``allow_unseated``: say who and how to fix it."""
    first = overflow[0]
    where = f"{first.source.file}, row {first.source.row}" if first.source.row else first.id
    seats = sum(len(t.places) for t in tables)
    key, value = ("rows", list(options.rows)) if options.rows else ("tables", options.tables)
    raise ValidationError(
        f"{n_tables} tables hold {seats} places for {people} people: {len(overflow)} cannot be "
        f"seated (the first is {first.name}, {where})",
        location=Location(file=source, field=f"{OPTION_TABLE}.{key}", value=value),
        hint="add tables (tables = 0 sizes them from the list) or places (seats_per_table), "
        "or set allow_unseated = true to list the overflow in unseated.csv",
    )


def _plan_long_table(meeting: Meeting, options: BanquetSpec) -> BanquetPlan:
    """One Western long table (module docstring, "Western long table", R-BNQ-12)."""
    source = str(meeting.source or "")
    notes: list[str] = []
    _reject_sections(meeting.attendees)
    partners = resolve_partners(meeting.attendees)
    interpreters = [a for a in meeting.attendees if _is_interpreter(a)]
    diners = [a for a in meeting.attendees if not _is_interpreter(a)]
    hosts = _by_rank([a for a in diners if a.side == "host"])
    guests = _by_rank([a for a in diners if a.side != "host"])
    if not hosts:
        raise ValidationError(
            "a Western long table needs a host: nobody on the list is 主方/host",
            location=Location(file=source, field="主客/side"),
            hint="mark the host (and the hostess) with 主客 = 主方 / side = host",
        )
    if len(diners) < 2:
        raise ValidationError(
            "a Western long table needs at least two people at the table (host and hostess)",
            location=Location(file=source, field="attendees"),
            hint='list more people, or use style = "rounds"',
        )
    host = hosts[0]
    by_id = {a.id: a for a in meeting.attendees}
    mate = by_id.get(partners.get(host.id, ""))
    if mate is not None and _is_interpreter(mate):
        raise ValidationError(
            f"the host's partner {mate.name} is tagged as an interpreter",
            location=Location(file=mate.source.file, row=mate.source.row, field="标签/tags", value=", ".join(sorted(mate.tags))),
            hint="remove the interpreter tag, or the partner entry",
        )
    if mate is not None:
        hostess = mate
    elif len(hosts) > 1:
        hostess = hosts[1]
    else:
        hostess = guests[0]
        notes.append(
            f"R-BNQ-12: no hostess (the host {host.name} has no partner marked and no other host-side person is "
            f"listed): the guest of honour {hostess.name} takes the place opposite the host"
        )
    people = [a for a in guests + hosts[1:] if a.id not in (host.id, hostess.id)]

    def lay(swap_sides: bool) -> LongTableLayout:
        return generate_long_table(
            meeting.venue,
            n_seats=len(people) + 2,
            style=options.style,
            seat_pitch=options.long_table_seat_pitch,
            table_width=options.long_table_width,
            axis=options.long_table_axis,
            wall_gap=options.wall_gap,
            stage_gap=options.stage_gap,
            swap_sides=swap_sides,
            source=source,
            key_prefix=OPTION_TABLE,
        )

    table = lay(False)
    if len(people) % 2 == 1 and _gender_counts(table, host, hostess, people) is False:
        # an odd number: the extra place on the other long side may fit the list's men and women
        other = lay(True)
        if _gender_counts(other, host, hostess, people):
            table = other
    notes += table.warnings
    seating = seat_long_table(
        table.layout.seats,
        people,
        host=host,
        hostess=hostess,
        host_seat=table.host_seat,
        hostess_seat=table.hostess_seat,
        partners=partners,
    )
    notes += seating.warnings
    occupant = dict(seating.occupant)
    seat_of = {aid: sid for sid, aid in occupant.items()}

    # R-BNQ-10: interpreters on stools behind their principals
    guest_side = [a for a in interpreters if a.side != "host"]
    host_side = [a for a in interpreters if a.side == "host"]
    _check_principals(guest_side, len(guests) - (1 if hostess in guests else 0), "guest", source)
    _check_principals(host_side, 2, "host", source)
    served = [a for a in guests if a.id != hostess.id][: len(guest_side)] + [host, hostess][: len(host_side)]
    stool_people = guest_side + host_side
    n_places = len(table.layout.seats)
    table = add_interpreter_stools(table, [seat_of[a.id] for a in served], source=source, key_prefix=OPTION_TABLE)
    stools = [s.id for s in table.layout.seats[n_places:]]
    occupant.update(zip(stools, (a.id for a in stool_people)))

    # the places are one zone; every stool is a zone of its own, so that nobody but its
    # interpreter ever sits there (a reserved place shifts the guests, never onto a stool)
    order = [s.id for s in table.layout.seats[:n_places] if s.id in occupant]
    zones = [Zone(name=SECTION, seat_ids=tuple(order), attendee_ids=tuple(occupant[s] for s in order), strict=True)]
    zones += [
        Zone(name=stool_zone_name(k), seat_ids=(sid,), attendee_ids=(occupant[sid],), strict=True)
        for k, sid in enumerate(stools, start=1)
    ]
    return BanquetPlan(
        staging=Staging(layout=table.layout, zones=tuple(zones)),
        tables=(),
        occupant=occupant,
        warnings=tuple(notes),
        long_table=table,
        gendered=seating.gendered,
    )


def _gender_counts(table: LongTableLayout, host: Attendee, hostess: Attendee, people: Sequence[Attendee]) -> bool | None:
    """Whether the table's places for men and women match the people's genders (None: unknown)."""
    genders = [parse_gender(a.gender) for a in people]
    if None in genders:
        return None
    host_gender, _ = anchor_genders(host, hostess)
    places = long_table_places(
        table.layout.seats, host_seat=table.host_seat, hostess_seat=table.hostess_seat, host_gender=host_gender
    )
    return Counter(p.gender for p in places[2:]) == Counter(genders)


# ---------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------


def _is_interpreter(a: Attendee) -> bool:
    return any(t.strip().lower() in INTERPRETER_TAGS for t in a.tags)


def _by_rank(people: Sequence[Attendee]) -> list[Attendee]:
    """By rank number (1 first); a rank of 0 (not given) after the ranked; ties keep list order."""
    return sorted(people, key=lambda a: (a.rank <= 0, a.rank))


def _reject_sections(attendees: Sequence[Attendee]) -> None:
    for a in attendees:
        if a.section:
            raise ValidationError(
                f"{a.name} is marked for zone {a.section!r}, but a banquet has no zones: tables are given by rank",
                location=Location(file=a.source.file, row=a.source.row, field="座区/section", value=a.section),
                hint="leave the 座区 cells empty; order people with 排序 and 主客 (主方/客方)",
            )


def _tables_text(tables: Sequence[int]) -> str:
    if len(tables) == 1:
        return f"table {tables[0]} has"
    return "tables " + ", ".join(str(t) for t in tables) + " have"


def _table_sizes(options: BanquetSpec, people: int, notes: list[str], source: str) -> list[int]:
    """Places per table, main table first (R-BNQ-1)."""
    per = options.seats_per_table
    main = options.main_seats or per
    n_tables = options.tables or (sum(options.rows) if options.rows else 0)
    if n_tables:
        sizes = [main] + [per] * (n_tables - 1)
    else:
        even = per % 2 == 0
        if options.main_seats:
            rest, extra = table_sizes(max(0, people - main), max_size=per, even=even)
            sizes = [main, *rest]
        else:
            sizes, extra = table_sizes(people, max_size=per, even=even)
        notes += extra
        if not sizes:
            sizes = [main]
    for i, size in enumerate(sizes):
        limit = MAIN_TABLE_MAX if i == 0 else RECOMMENDED_MAX
        if size > limit and (i == 0 or n_tables or per <= RECOMMENDED_MAX):  # else table_sizes said it
            notes.append(
                f"R-BNQ-1: {'the main table' if i == 0 else 'a table'} seats {size}; keep tables at "
                f"{RECOMMENDED_MAX} or fewer (the main table may be a little larger)"
            )
            break
    odd = sorted({s for s in sizes if s % 2})
    if odd and not any("cannot fill every table with an even number" in n for n in notes):
        notes.append(
            f"R-BNQ-1: tables of {', '.join(map(str, odd))} places; an even number at every table is customary (好事成双)"
        )
    return sizes


def _check_principals(interpreters: Sequence[Attendee], principals: int, side: str, source: str) -> None:
    if len(interpreters) <= principals:
        return
    first = interpreters[principals]
    raise ValidationError(
        f"{len(interpreters)} {side}-side interpreters for {principals} {side}-side principals at the main table "
        f"({first.name} has nobody to serve)",
        location=Location(file=first.source.file, row=first.source.row, field="标签/tags", value=", ".join(sorted(first.tags))),
        hint="an interpreter serves someone at the main table: remove the interpreter tag or mark the 主客 side",
    )
