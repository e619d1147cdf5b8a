"""The 会见 (reception / courtesy call) occasion: R-MTG-1 and its variants R-MTG-2.

The host and the principal guest sit side by side in the middle of the far
wall facing the main door, the guest at the host's own right (PV-left with the
door at the bottom; someone walking in sees the host side on his right). The
others sit in the two arms of the horseshoe, guests on the guest's side, hosts
on the host's side, each nearer their principal by rank; interpreters and
note-takers sit behind the principals (R-MTG-1). The convention does not change
this: 外事 and INTL agree (R-MTG-1).

This module also holds the helpers the other meeting-room occasions share
(``talks``, ``signing``, ``photo``, ``meeting_room``): who is an interpreter or a
note-taker (attendee tags), splitting the list into host and guest side, and the
capacity check.

Plan file: ``occasion = "reception"`` and an optional ``[reception]`` table::

    [reception]
    form = "side-by-side"    # 并列式 (default), "centre" 居中式, "chair" 主席式, "face-to-face" 相对式
    guest_hand = "right"     # host's own hand the guest sits at (R-MTG-1)
    seats_per_side = 0       # armchairs per arm; 0 = as many as the larger side needs
    back_chairs = 0          # at least this many chairs behind each principal
    arm_spacing = 0.0        # metres between the arms; 0 = tight
    armchair_width = 0.8
    armchair_depth = 0.8
    tea_table_width = 0.5

Zones (each strict, k-th person on the k-th seat): ``guest``, ``host``,
``interpreter-guest``, ``interpreter-host``, ``note-taker-guest``,
``note-taker-host``; the seat sections carry the same names.

The other forms (R-MTG-2; keys and diagrams in ``docs/meetings.md``):

* ``form = "centre"`` (居中式): the host chief (主方 rank 1) alone at the head
  of a long table pointing at the door, facing it; the guests in a row along
  the side on his own right (``guest_hand``), the other hosts along the other
  side, the two rows facing each other, the seat nearest him most senior.
  His interpreter sits right behind him, the guest interpreter behind the
  guest principal; note-takers in the back rows behind each side.
* ``form = "chair"`` (主席式): the host side in a row facing the door behind a
  table placed across the room, the chief in the middle and the others
  alternating by ``convention``; the visiting parties opposite with their
  backs to the door, one block per unit (column 单位) of the guest side, in
  the order of the list (``party_order = "list"``: the 单位序号 column when
  filled, else first appearance), alphabetically (``"alphabetical"``, with
  ``language``) or as ``delegation_order`` says. ``parties_per_row`` blocks
  per row. Zones ``guest-1``, ``guest-2``… (and ``interpreter-guest-1``…)
  when there are several parties.
* ``form = "face-to-face"`` (相对式): a table across the room, the guests on the
  side facing the door (面门为上, as R-MTG-3), the hosts opposite, the two
  principals face to face in the middle, the others alternating outward by
  ``convention``; interpreters and note-takers behind their side.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from seatplan.errors import GeometryError, Location, ValidationError
from seatplan.layout.meeting_common import RoomPlan, relabel_seats
from seatplan.layout.meeting_room import lay_table_room
from seatplan.layout.reception import lay_reception, lay_reception_centre, lay_reception_chair
from seatplan.model import Attendee, Meeting, Zone
from seatplan.model.rooms import (
    Hand,
    PartyOrder,
    ReceptionForm,
    ReceptionSpec,
    TableOrientation,
)
from seatplan.model.seats import SeatTag
from seatplan.occasions import Staging, option_error
from seatplan.protocol.meeting_common import MeetingOrder, TalksInterpreters
from seatplan.protocol.people import order_by_rank
from seatplan.protocol.reception import rank_reception, rank_reception_centre, rank_reception_chair
from seatplan.protocol.talks import order_delegations, rank_talks

__all__ = [
    "ROLE_TAGS",
    "Party",
    "PartyOrder",
    "Role",
    "SideLists",
    "build",
    "check_capacity",
    "number_zone",
    "role_of",
    "split_sides",
]


# --------------------------------------------------------------------------------------
# shared by the meeting-room occasions
# --------------------------------------------------------------------------------------


class Party(StrEnum):
    """The two parties of a 会见, 会谈, 签字 or 合影 (column 主客 of the attendee list)."""

    HOST = "host"  # 主方
    GUEST = "guest"  # 客方


class Role(StrEnum):
    """What a person does at a meeting, read from the 标签/tags column."""

    MEMBER = "member"  # a principal or a member of a delegation
    INTERPRETER = "interpreter"  # 翻译 / 译员
    NOTE_TAKER = "note-taker"  # 记录 / 记录员
    ASSISTANT = "assistant"  # 助签 / 助签人 (签字仪式)
    SIGNER = "signer"  # 签字人 / 主签人 (签字仪式)


#: Tag words (case-insensitive) that give a person a role; the first match in this order wins.
ROLE_TAGS: Mapping[Role, frozenset[str]] = {
    Role.SIGNER: frozenset({"签字人", "主签人", "签字", "signer", "signatory"}),
    Role.ASSISTANT: frozenset({"助签", "助签人", "assistant"}),
    Role.INTERPRETER: frozenset({"翻译", "译员", "interpreter", "translator"}),
    Role.NOTE_TAKER: frozenset({"记录", "记录员", "记录人", "note-taker", "notetaker", "note taker", "recorder"}),
}


def role_of(attendee: Attendee) -> Role:
    """The role of ``attendee`` from his tags (:data:`ROLE_TAGS`), else :attr:`Role.MEMBER`."""
    tags = {t.strip().lower() for t in attendee.tags}
    for role, words in ROLE_TAGS.items():
        if tags & words:
            return role
    return Role.MEMBER


@dataclass(frozen=True)
class SideLists:
    """The people of one party, each list in rank order (rank 1 first)."""

    members: tuple[Attendee, ...]
    interpreters: tuple[Attendee, ...] = ()
    note_takers: tuple[Attendee, ...] = ()
    assistants: tuple[Attendee, ...] = ()
    signers: tuple[Attendee, ...] = ()

    @property
    def staff(self) -> tuple[Attendee, ...]:
        """Interpreters, then note-takers."""
        return self.interpreters + self.note_takers


def _by_role(people: Iterable[Attendee]) -> SideLists:
    ordered = order_by_rank(list(people))
    pick = {role: tuple(a for a in ordered if role_of(a) is role) for role in Role}
    return SideLists(
        members=pick[Role.MEMBER],
        interpreters=pick[Role.INTERPRETER],
        note_takers=pick[Role.NOTE_TAKER],
        assistants=pick[Role.ASSISTANT],
        signers=pick[Role.SIGNER],
    )


def split_sides(meeting: Meeting, *, what: str) -> dict[Party, SideLists]:
    """Split the attendees into host and guest side, each by role and rank.

    Parameters
    ----------
    meeting
        The meeting; every attendee needs ``side`` = host or guest (column 主客).
    what
        The occasion, for error messages (``"a reception (会见)"``).

    Returns
    -------
    dict
        :class:`Party` → :class:`SideLists`.

    Raises
    ------
    ValidationError
        If someone has no side, or a side has no member (principal); the
        message names the file, row and column.
    """
    missing = [a for a in meeting.attendees if a.side not in (Party.HOST, Party.GUEST)]
    if missing:
        first = missing[0]
        raise ValidationError(
            f"{first.name} has no side: {what} seats the host side (主方) and the guest side (客方) apart "
            f"({len(missing)} people without a side)",
            location=Location(file=first.source.file, row=first.source.row, field="主客/side", value=first.side),
            hint="fill the 主客 column with 主 or 客 (host or guest) for everyone",
        )
    out = {p: _by_role(a for a in meeting.attendees if a.side == p) for p in Party}
    for party, lists in out.items():
        if not lists.members and not lists.signers:
            word = "主方 (host)" if party is Party.HOST else "客方 (guest)"
            raise ValidationError(
                f"{what} needs at least one {word} principal; the list has none besides staff",
                location=Location(file=meeting.source or "", field="主客/side", value=party.value),
                hint=f"mark the {party.value} principal with 主客 = {'主' if party is Party.HOST else '客'}",
            )
    return out


def check_capacity(
    meeting: Meeting,
    zone: str,
    people: Sequence[Attendee],
    seats: int,
    *,
    key: str,
    value: object,
) -> None:
    """Raise ValidationError if ``people`` do not fit ``seats`` (unless ``allow_unseated``)."""
    if len(people) <= seats or meeting.allow_unseated:
        return
    first = people[seats]
    where = f"{first.source.file}, row {first.source.row}" if first.source.row else first.id
    raise ValidationError(
        f"zone '{zone}' has {seats} places for {len(people)} people: {len(people) - seats} cannot be placed "
        f"(the first is {first.name}, {where})",
        location=Location(file=meeting.source or "", field=key, value=value),
        hint=f"raise {key}, remove people from the list, or set allow_unseated = true",
    )


def number_zone(
    labels: dict[str, tuple[str, int, int]],
    seat_rows: Mapping[str, int],
    section: str,
    seat_ids: Sequence[str],
    *,
    start: int = 1,
) -> None:
    """Name the seats of a zone: section, their row, and number = precedence (``start`` = most honoured)."""
    for k, sid in enumerate(seat_ids, start=start):
        labels[sid] = (section, seat_rows[sid], k)


# --------------------------------------------------------------------------------------
# 会见
# --------------------------------------------------------------------------------------

TABLE = "reception"


def build(meeting: Meeting) -> Staging:
    """Lay out a 会见 and rank its seats and people (R-MTG-1, R-MTG-2).

    Parameters
    ----------
    meeting
        A meeting with ``occasion = "reception"``; attendees carry ``side`` and
        ``rank``; interpreters and note-takers are tagged (翻译 / 记录).

    Returns
    -------
    Staging
        Side by side (default): the horseshoe of armchairs and the zones
        ``guest``, ``host`` (principal first, then the arm seats nearer him
        first, front arm row before the second), ``interpreter-…`` (the chair
        right behind each principal) and ``note-taker-…`` (the next chairs
        behind). The other forms: see the module docstring.

    Raises
    ------
    PlanFileError
        A ``delegation_order`` that does not name the visiting parties.
    ValidationError, GeometryError
        If someone has no side, or the furniture does not fit the room.
    """
    opts = meeting.reception or ReceptionSpec()
    form = opts.form
    if form is ReceptionForm.CENTRE:
        return _build_centre(meeting, opts)
    if form is ReceptionForm.CHAIR:
        return _build_chair(meeting, opts)
    if form is ReceptionForm.FACE_TO_FACE:
        return _build_face_to_face(meeting, opts)
    sides = split_sides(meeting, what="a reception (会见)")
    host, guest = sides[Party.HOST], sides[Party.GUEST]
    # signer and assistant tags mean nothing at a reception: those people are members
    party_people = [_members(lists) for lists in (host, guest)]
    need = max(len(p) - 1 for p in party_people)
    per_side = opts.seats_per_side or need
    staff_per_side = max(len(host.staff), len(guest.staff), opts.back_chairs)
    room = lay_reception(
        meeting.venue,
        per_side=per_side,
        staff_per_side=staff_per_side,
        arm_spacing=opts.arm_spacing,
        armchair=(opts.armchair_width, opts.armchair_depth),
        tea_table=opts.tea_table_width,
        source=meeting.source or "",
        key=TABLE,
    )
    seats = {s.id: s for s in room.layout.seats}
    hand = opts.guest_hand
    a, b = room.groups["principals"]
    pair = rank_reception([seats[a], seats[b]], door=room.door, guest_hand=hand, interpreters=False)
    order = rank_reception(
        list(seats.values()),
        door=room.door,
        guest_hand=hand,
        interpreters=staff_per_side > 0,
        principals=(pair.roles["host"], pair.roles["guest"]),
    )
    staff_ids = set(room.groups.get("staff", ()))
    rows = {sid: s.row for sid, s in seats.items()}
    labels: dict[str, tuple[str, int, int]] = {}
    zones: list[Zone] = []
    for party, lists, people, ranked, interp_role in (
        (Party.GUEST, guest, party_people[1], order.guests, "guest_interpreter"),
        (Party.HOST, host, party_people[0], order.hosts, "host_interpreter"),
    ):
        _add_party(
            meeting, zones, labels, rows, name=party.value, lists=lists, people=people,
            front=[sid for sid in ranked if sid not in staff_ids],
            back=([order.roles[interp_role]] if interp_role in order.roles else [])
            + [sid for sid in ranked if sid in staff_ids],
            key="seats_per_side", value=per_side, staff_value=staff_per_side,
        )
    principal = {order.roles["host"]: (SeatTag.PRINCIPAL,), order.roles["guest"]: (SeatTag.PRINCIPAL,)}
    return Staging(layout=relabel_seats(room.layout, labels, tags=principal), zones=tuple(zones))


def _members(lists: SideLists) -> list[Attendee]:
    """Members of one party by rank; signer and assistant tags mean nothing at a reception."""
    return order_by_rank([*lists.members, *lists.assistants, *lists.signers])


def _add_party(
    meeting: Meeting,
    zones: list[Zone],
    labels: dict[str, tuple[str, int, int]],
    rows: Mapping[str, int],
    *,
    name: str,
    lists: SideLists,
    people: Sequence[Attendee],
    front: Sequence[str],
    back: Sequence[str],
    key: str,
    value: object,
    staff_value: object,
) -> None:
    """Add the zones of one party: ``name`` (front seats), ``interpreter-name``, ``note-taker-name``.

    The interpreters take the first ``back`` seats (the one nearest behind the
    principal first), the note-takers the rest (R-MTG-1).
    """
    check_capacity(meeting, name, people, len(front), key=f"{TABLE}.{key}", value=value)
    zones.append(Zone(name, tuple(front), tuple(p.id for p in people)))
    number_zone(labels, rows, name, front)
    k = len(lists.interpreters)
    for zone, seat_ids, who in (
        (f"interpreter-{name}", list(back[:k]), lists.interpreters),
        (f"note-taker-{name}", list(back[k:]), lists.note_takers),
    ):
        if seat_ids:
            zones.append(Zone(zone, tuple(seat_ids), tuple(p.id for p in who)))
            number_zone(labels, rows, zone, seat_ids)
        elif who:
            check_capacity(meeting, zone, who, 0, key=f"{TABLE}.back_chairs", value=staff_value)
            zones.append(Zone(zone, (), tuple(p.id for p in who)))


def _build_centre(meeting: Meeting, opts: ReceptionSpec) -> Staging:
    """居中式 (R-MTG-2): the host chief alone at the head, the two rows along the sides."""
    sides = split_sides(meeting, what="a reception (会见, 居中式)")
    host, guest = sides[Party.HOST], sides[Party.GUEST]
    hosts, guests = _members(host), _members(guest)
    hand = opts.guest_hand
    want = opts.seats_per_side
    back = opts.back_chairs
    # the centre person's interpreter (or note-taker) sits right behind him, everybody else's staff
    # in the back row behind his own side
    back_centre = 1 if host.staff or back else 0
    row_g, row_h = max(want, len(guests)), max(want, len(hosts) - 1)
    back_g, back_h = max(back, len(guest.staff)), max(back, len(host.staff) - back_centre)
    per_side = max(row_g, row_h)
    n_back = max(back_g, back_h)
    # facing the door, the centre person's right hand is on the entrant's left (side a)
    a_is_guest = hand is Hand.RIGHT
    room = lay_reception_centre(
        meeting.venue,
        side_a=row_g if a_is_guest else row_h,
        side_b=row_h if a_is_guest else row_g,
        back_a=back_g if a_is_guest else back_h,
        back_b=back_h if a_is_guest else back_g,
        back_centre=back_centre,
        seat_pitch=opts.seat_pitch,
        table_width=opts.table_width,
        source=meeting.source or "",
        key=TABLE,
    )
    seats = {s.id: s for s in room.layout.seats}
    order = rank_reception_centre(list(seats.values()), door=room.door, guest_hand=hand)
    staff_ids = {s.id for s in room.layout.seats if SeatTag.STAFF in s.tags}
    rows = {sid: s.row for sid, s in seats.items()}
    labels: dict[str, tuple[str, int, int]] = {}
    zones: list[Zone] = []
    for party, lists, people, ranked, interp_role in (
        (Party.GUEST, guest, guests, order.guests, "guest_interpreter"),
        (Party.HOST, host, hosts, order.hosts, "host_interpreter"),
    ):
        _add_party(
            meeting, zones, labels, rows, name=party.value, lists=lists, people=people,
            front=[sid for sid in ranked if sid not in staff_ids],
            back=([order.roles[interp_role]] if interp_role in order.roles else [])
            + [sid for sid in ranked if sid in staff_ids],
            key="seats_per_side", value=per_side, staff_value=n_back,
        )
    principal = {order.roles["host"]: (SeatTag.PRINCIPAL,), order.roles["guest"]: (SeatTag.PRINCIPAL,)}
    return Staging(layout=relabel_seats(room.layout, labels, tags=principal), zones=tuple(zones))


def _visiting_parties(meeting: Meeting, opts: ReceptionSpec) -> list[tuple[str, list[Attendee]]]:
    """The guest side split by unit (column 单位), in the order of :class:`PartyOrder` (R-MTG-2)."""
    source = meeting.source or ""
    guests = [a for a in meeting.attendees if a.side == Party.GUEST]
    named = [a for a in guests if a.unit.strip()]
    if named and len(named) < len(guests):
        a = next(a for a in guests if not a.unit.strip())
        raise ValidationError(
            f"{a.name} has no unit: 主席式 seats each visiting party (单位) in its own block",
            location=Location(file=a.source.file or source, row=a.source.row, field="unit", value=a.unit),
            hint="fill the 单位 column of every guest, or of none (one visiting party)",
        )
    units: dict[str, list[Attendee]] = {}
    for a in guests:
        units.setdefault(a.unit.strip(), []).append(a)
    names = list(units)
    given = opts.delegation_order
    if given:
        try:
            names = order_delegations(names, order=list(given))
        except ValidationError as exc:
            raise option_error(meeting, f"{TABLE}.delegation_order", ", ".join(given), exc.message, exc.hint or "") from None
    elif opts.party_order is PartyOrder.ALPHABETICAL:
        names = order_delegations(names, language=opts.language)
    else:
        first = {u: k for k, u in enumerate(names)}
        rank = {u: min((a.unit_order for a in people if a.unit_order > 0), default=0) for u, people in units.items()}
        names.sort(key=lambda u: (rank[u] == 0, rank[u], first[u]))
    return [(u, units[u]) for u in names]


def _build_chair(meeting: Meeting, opts: ReceptionSpec) -> Staging:
    """主席式 (R-MTG-2): the host row facing the door, the visiting parties opposite in blocks."""
    sides = split_sides(meeting, what="a reception (会见, 主席式)")
    host = sides[Party.HOST]
    hosts = _members(host)
    parties = []
    for unit, people in _visiting_parties(meeting, opts):
        lists = _by_role(people)
        if not _members(lists):
            raise ValidationError(
                f"the visiting party {unit or '(客方)'} has only interpreters and note-takers",
                location=Location(file=meeting.source or "", field="unit", value=unit),
                hint="list the party's members too, or tag fewer people 翻译/记录",
            )
        parties.append((unit, lists))
    back = opts.back_chairs
    hand = opts.guest_hand
    per_row = opts.parties_per_row
    def lay(axis_at: float) -> tuple[RoomPlan, MeetingOrder]:
        room = lay_reception_chair(
            meeting.venue,
            hosts=len(hosts),
            blocks=[len(_members(lists)) for _, lists in parties],
            block_staff=[max(len(lists.staff), back) for _, lists in parties],
            host_staff=max(len(host.staff), back),
            axis_at=axis_at,
            blocks_per_row=per_row,
            first=hand,
            seat_pitch=opts.seat_pitch,
            table_width=opts.table_width,
            source=meeting.source or "",
            key=TABLE,
        )
        blocks = [room.groups[f"block-{k:02d}"] for k in range(1, len(parties) + 1)]
        order = rank_reception_chair(
            list(room.layout.seats), door=room.door, blocks=blocks, convention=meeting.convention, guest_hand=hand
        )
        return room, order

    room, order = lay(0.0)
    # an even host row has its chief beside the middle line: lay the visitors and his staff again,
    # about the line through him (the first party's chief then sits at his right, R-MTG-1)
    chief = next(s for s in room.layout.seats if s.id == order.roles["host"])
    at = round(room.frame.to_local(chief.x, chief.y)[0] - room.frame.centre_u, 6)
    if at:
        room, order = lay(at)
    seats = {s.id: s for s in room.layout.seats}
    blocks = [room.groups[f"block-{k:02d}"] for k in range(1, len(parties) + 1)]
    for k, (laid, ranked) in enumerate(zip(blocks, order.parties), start=1):
        if set(laid) != set(ranked):
            raise GeometryError(
                f"the block of visiting party {k} does not stand where its precedence puts it",
                location=Location(file=meeting.source or "", field=f"{TABLE}.parties_per_row", value=per_row),
                hint="use a room whose main door is on the middle of a wall, or change parties_per_row",
            )
    staff_ids = {s.id for s in room.layout.seats if SeatTag.STAFF in s.tags}
    rows = {sid: s.row for sid, s in seats.items()}
    labels: dict[str, tuple[str, int, int]] = {}
    zones: list[Zone] = []
    _add_party(
        meeting, zones, labels, rows, name=Party.HOST.value, lists=host, people=hosts,
        front=[sid for sid in order.hosts if sid not in staff_ids],
        back=([order.roles["host_interpreter"]] if "host_interpreter" in order.roles else [])
        + [sid for sid in order.hosts if sid in staff_ids],
        key="back_chairs", value=back, staff_value=back,
    )
    principal = {order.roles["host"]: (SeatTag.PRINCIPAL,)}
    for k, ((_, lists), ranked) in enumerate(zip(parties, order.parties), start=1):
        name = Party.GUEST.value if len(parties) == 1 else f"{Party.GUEST.value}-{k}"
        front = [sid for sid in ranked if sid not in staff_ids]
        _add_party(
            meeting, zones, labels, rows, name=name, lists=lists, people=_members(lists), front=front,
            back=[sid for sid in ranked if sid in staff_ids],
            key="parties_per_row", value=per_row, staff_value=back,
        )
        principal[front[0]] = (SeatTag.PRINCIPAL,)
    return Staging(layout=relabel_seats(room.layout, labels, tags=principal), zones=tuple(zones))


def _build_face_to_face(meeting: Meeting, opts: ReceptionSpec) -> Staging:
    """相对式: a table across the room, guests facing the door, hosts opposite (面门为上, as R-MTG-3)."""
    sides = split_sides(meeting, what="a reception (会见, 相对式)")
    members = {p: _members(lists) for p, lists in sides.items()}
    per_side = opts.seats_per_side or max(len(m) for m in members.values())
    n_back = max(max(len(lists.staff) for lists in sides.values()), opts.back_chairs)
    room = lay_table_room(
        meeting.venue,
        axis=TableOrientation.ACROSS,
        side_a=per_side,
        side_b=per_side,
        back_a=n_back,
        back_b=n_back,
        seat_pitch=opts.seat_pitch,
        table_width=opts.table_width,
        table_label="会见桌",
        source=meeting.source or "",
        key=TABLE,
    )
    seats = {s.id: s for s in room.layout.seats}
    order = rank_talks(
        list(seats.values()),
        door=room.door,
        convention=meeting.convention,
        interpreters=TalksInterpreters.BEHIND,
        orientation=TableOrientation.ACROSS,
    )
    rows = {sid: s.row for sid, s in seats.items()}
    labels: dict[str, tuple[str, int, int]] = {}
    zones: list[Zone] = []
    for party, ranked in ((Party.GUEST, order.guests), (Party.HOST, order.hosts)):
        _add_party(
            meeting, zones, labels, rows, name=party.value, lists=sides[party], people=members[party],
            front=[sid for sid in ranked if rows[sid] == 1], back=[sid for sid in ranked if rows[sid] > 1],
            key="seats_per_side", value=per_side, staff_value=n_back,
        )
    principal = {order.roles["host"]: (SeatTag.PRINCIPAL,), order.roles["guest"]: (SeatTag.PRINCIPAL,)}
    return Staging(layout=relabel_seats(room.layout, labels, tags=principal), zones=tuple(zones))
