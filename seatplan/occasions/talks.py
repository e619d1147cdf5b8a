"""The 会谈 (talks / negotiation) occasion: a long table, R-MTG-3 / R-MTG-4.

The delegations sit on the two long sides of one table, the chief negotiators
directly opposite each other at the middle. Across the room (横桌式, a long side
facing the door) the guests take the side facing the door; pointing at the door
(竖桌式) they take the side on the entrant's right (R-MTG-4, T22). With
interpreters at the table (Chinese practice) the host interpreter sits at the
host chief's own right and the guest interpreter at the guest chief's own left,
facing each other; other members alternate outward from the chief, on his
senior hand first (``convention``: INTL 一右一左, the R-MTG-3 worked example;
CN left first), beyond the interpreter's seat (rule book §6 default).
Note-takers (and interpreters "behind") sit in a back row behind their chief.

Plan file: ``occasion = "talks"`` and an optional ``[talks]`` table::

    [talks]
    orientation = "across"      # or "pointing" (R-MTG-3 / R-MTG-4)
    interpreters = "at-table"   # "behind" or "none"
    seat_pitch = 0.8            # table length per person, m (R-PHY-8: >= 0.6)
    table_width = 1.2           # m; default 1.2 (<= 15 at the table) or 1.6
    table = "rectangle"         # or "oval"
    seats_per_side = 0          # chairs per side; 0 = as the larger delegation needs
    second_beside_chief = false # rule book §6 alternative: No.2 next to the chief

Multilateral talks (R-MTG-5): ``multilateral = true`` seats one delegation per
attendee unit (column 单位 / Delegation; no ``side`` needed) round a round or
square table with no head ("可把座位摆成圆形或正方形, 使其无尊卑可言"). Delegations are ordered alphabetically by name in the
protocol language (``language = "en"`` or ``"fr"``; write the units' names in
that language) or in an agreed ``delegation_order`` list; the first takes the
seat facing the door, the others follow clockwise on the plan (at a square
table: the middle chair of the side facing the door, wherever the door is
along its wall; with an even number of chairs on that side, its chair on the
left of the plan, so the numbering runs on clockwise along that side). Each
head of delegation (lowest rank of the unit) sits at the table, the rest of
the delegation on an arc (round) or row (square) of chairs behind him,
nearest first — the chair straight behind him, then outward, his senior
hand first at equal distance (R-DAIS-1: the centre above the sides)::

    [talks]
    multilateral = true
    table = "round"             # or "square": the heads shared among the four sides
    language = "en"             # or "fr"
    delegation_order = []       # optional agreed order (every unit once)
    seat_pitch = 0.8            # table circumference (round) or side length (square) per head, m
    table_diameter = 0          # round: m; 0 = as small as the chairs allow
    table_side = 0              # square: m; 0 = as small as the chairs allow

Zones (strict): ``heads`` (table seats clockwise from the door-facing seat,
heads in delegation order) and ``delegation-NN`` (the chairs behind head NN;
at a square table a straight row parallel to the head's side); sections carry
the same names.

Zones (strict): ``guest``, ``host`` (table seats, chief first),
``interpreter-guest``, ``interpreter-host``, ``note-taker-guest``,
``note-taker-host``; sections carry the same names.
"""

from __future__ import annotations

from seatplan.errors import Location, ValidationError
from seatplan.layout.meeting_common import relabel_seats
from seatplan.layout.meeting_room import lay_table_room
from seatplan.layout.talks import lay_round_table, lay_square_table
from seatplan.model import Meeting, Zone
from seatplan.model.rooms import InterpreterSeats, MultilateralTable, TalksSpec
from seatplan.model.seats import SeatTag
from seatplan.occasions import Staging, option_error
from seatplan.occasions.reception import Party, check_capacity, number_zone, split_sides
from seatplan.protocol.meeting_common import TalksInterpreters
from seatplan.protocol.people import order_by_rank
from seatplan.protocol.talks import order_delegations, rank_behind, rank_round_table, rank_talks

__all__ = ["InterpreterSeats", "TalksSpec", "build"]

TABLE = "talks"


def build(meeting: Meeting) -> Staging:
    """Lay out a 会谈 table and rank its seats and people (R-MTG-3/4).

    Parameters
    ----------
    meeting
        A meeting with ``occasion = "talks"``; attendees carry ``side`` and
        ``rank``; interpreters and note-takers are tagged (翻译 / 记录).

    Returns
    -------
    Staging
        The table, its chairs and back-row chairs, and the zones (module docstring).

    Raises
    ------
    PlanFileError
        Multilateral talks with fewer than two delegations, or a ``delegation_order``
        that does not name them.
    ValidationError, GeometryError
        If someone has no side, a side is too large for ``seats_per_side``, or
        the table does not fit the room.
    """
    opts = meeting.talks or TalksSpec()
    if opts.multilateral:
        return _build_multilateral(meeting, opts)
    orientation = opts.orientation
    mode = opts.interpreters
    sides = split_sides(meeting, what="talks (会谈)")
    members = {p: order_by_rank([*s.members, *s.signers, *s.assistants]) for p, s in sides.items()}
    at_table = 1 if mode is InterpreterSeats.AT_TABLE else 0
    per_side = opts.seats_per_side or max(len(m) for m in members.values()) + at_table
    # back row: interpreters who find no table seat, then note-takers; "behind" keeps one chair behind each chief
    back = {
        p: max(0, len(s.interpreters) - at_table) + len(s.note_takers) for p, s in sides.items()
    }
    n_back = max(max(back.values()), 1 if mode is InterpreterSeats.BEHIND else 0)
    room = lay_table_room(
        meeting.venue,
        axis=orientation,
        side_a=per_side,
        side_b=per_side,
        back_a=n_back,
        back_b=n_back,
        seat_pitch=opts.seat_pitch,
        table_width=opts.table_width,
        shape=opts.shape,
        table_label="会谈桌",
        source=meeting.source or "",
        key=TABLE,
    )
    seats = {s.id: s for s in room.layout.seats}
    order = rank_talks(
        list(seats.values()),
        door=room.door,
        convention=meeting.convention,
        interpreters=TalksInterpreters.AT_TABLE if at_table else TalksInterpreters.BEHIND,
        second_beside_chief=opts.second_beside_chief,
        orientation=orientation,
    )
    rows = {sid: s.row for sid, s in seats.items()}
    labels: dict[str, tuple[str, int, int]] = {}
    zones: list[Zone] = []
    for party, ranked, interp_role in (
        (Party.GUEST, order.guests, "guest_interpreter"),
        (Party.HOST, order.hosts, "host_interpreter"),
    ):
        lists = sides[party]
        front = [sid for sid in ranked if rows[sid] == 1]
        behind = [sid for sid in ranked if rows[sid] > 1]
        people = members[party]
        check_capacity(meeting, party.value, people, len(front), key=f"{TABLE}.seats_per_side", value=per_side)
        zones.append(Zone(party.value, tuple(front), tuple(p.id for p in people)))
        number_zone(labels, rows, party.value, front)
        interp_seats = [order.roles[interp_role]] if interp_role in order.roles else []
        k = max(0, len(lists.interpreters) - len(interp_seats))
        interp_seats += behind[:k]
        note_seats = behind[k:]
        for name, seat_ids, who in (
            (f"interpreter-{party.value}", interp_seats, lists.interpreters),
            (f"note-taker-{party.value}", note_seats, lists.note_takers),
        ):
            if seat_ids or who:
                check_capacity(meeting, name, who, len(seat_ids), key=f"{TABLE}.interpreters", value=mode.value)
                zones.append(Zone(name, tuple(seat_ids), tuple(p.id for p in who)))
                number_zone(labels, rows, name, seat_ids)
    principal = {order.roles["host"]: (SeatTag.PRINCIPAL,), order.roles["guest"]: (SeatTag.PRINCIPAL,)}
    return Staging(layout=relabel_seats(room.layout, labels, tags=principal), zones=tuple(zones))


def _build_multilateral(meeting: Meeting, opts: TalksSpec) -> Staging:
    """Multilateral talks at a round or square table (R-MTG-5); see the module docstring."""
    shape = opts.shape
    source = meeting.source or ""
    units: dict[str, list] = {}
    for a in meeting.attendees:
        if not a.unit.strip():
            raise ValidationError(
                f"{a.name} has no delegation: multilateral talks seat people by delegation (R-MTG-5)",
                location=Location(file=a.source.file or source, row=a.source.row, field="unit", value=a.unit),
                hint="fill the unit / delegation column (单位) with the state's name",
            )
        units.setdefault(a.unit.strip(), []).append(a)
    if len(units) < 2:
        raise option_error(
            meeting, f"{TABLE}.multilateral", True, f"needs at least two delegations, the list has {len(units)}",
            "fill the unit column with each delegation's name, or use bilateral talks",
        )
    given = opts.delegation_order
    try:
        names = order_delegations(list(units), language=opts.language, order=list(given) if given else None)
    except ValidationError as exc:
        raise option_error(meeting, f"{TABLE}.delegation_order", ", ".join(given or ()), str(exc), exc.hint or "") from None
    people = {u: order_by_rank(units[u]) for u in names}
    behind = max(len(p) for p in people.values()) - 1
    if shape is MultilateralTable.SQUARE:
        room = lay_square_table(
            meeting.venue,
            heads=len(names),
            behind=behind,
            seat_pitch=opts.seat_pitch,
            table_side=opts.table_side or None,
            table_label="多边会谈",
            source=source,
            key=TABLE,
        )
    else:
        room = lay_round_table(
            meeting.venue,
            heads=len(names),
            behind=behind,
            seat_pitch=opts.seat_pitch,
            table_diameter=opts.table_diameter or None,
            table_label="多边会谈",
            source=source,
            key=TABLE,
        )
    seats = {s.id: s for s in room.layout.seats}
    table = rank_round_table([seats[sid] for sid in room.groups["table"]], door=room.door)
    rows = {sid: s.row for sid, s in seats.items()}
    labels: dict[str, tuple[str, int, int]] = {}
    zones = [Zone("heads", tuple(table), tuple(people[u][0].id for u in names))]
    number_zone(labels, rows, "heads", table)
    for k, (unit, sid) in enumerate(zip(names, table), start=1):
        back = rank_behind(
            seats[sid], [seats[b] for b in room.groups.get(f"behind-{sid}", ())], convention=meeting.convention
        )
        rest = people[unit][1:]
        name = f"delegation-{k:02d}"
        if back:
            zones.append(Zone(name, tuple(back), tuple(p.id for p in rest)))
            number_zone(labels, rows, name, back)
    principal = {sid: (SeatTag.PRINCIPAL,) for sid in table}
    return Staging(layout=relabel_seats(room.layout, labels, tags=principal), zones=tuple(zones))
