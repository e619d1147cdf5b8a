"""The 会见 (reception / courtesy call) occasion: armchairs side by side, R-MTG-1.

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
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from seatplan.errors import Location, ValidationError
from seatplan.io.plan_file import Key, PlanReader, plan_reader, read_options
from seatplan.layout.meeting_rooms import (
    ARMCHAIR_DEPTH,
    ARMCHAIR_WIDTH,
    TEA_TABLE_WIDTH,
    lay_reception,
    relabel_seats,
)
from seatplan.model import Attendee, Meeting, Zone
from seatplan.occasions import Staging
from seatplan.protocol.meetings import Hand, rank_reception
from seatplan.protocol.people import order_by_rank

__all__ = [
    "Party",
    "Role",
    "ROLE_TAGS",
    "SideLists",
    "build",
    "check_capacity",
    "check_range",
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


def check_range(reader: PlanReader, table: str, opts: Mapping[str, Any], key: str, lo: float, hi: float, why: str = "") -> None:
    """Raise PlanFileError if ``opts[key]`` (when given) is outside ``[lo, hi]``."""
    if key in opts and not lo <= opts[key] <= hi:
        raise reader.fail(
            f"{table}.{key}", opts[key], f"must be between {lo} and {hi}" + (f" ({why})" if why else ""),
            f"write e.g. {key} = {lo}",
        )


# --------------------------------------------------------------------------------------
# 会见
# --------------------------------------------------------------------------------------

TABLE = "reception"


def build(meeting: Meeting) -> Staging:
    """Lay out a 会见 and rank its seats and people (R-MTG-1).

    Parameters
    ----------
    meeting
        A meeting with ``occasion = "reception"``; attendees carry ``side`` and
        ``rank``; interpreters and note-takers are tagged (翻译 / 记录).

    Returns
    -------
    Staging
        The horseshoe of armchairs and the zones ``guest``, ``host`` (principal
        first, then the arm seats nearer him first, front arm row before the
        second), ``interpreter-…`` (the chair right behind each principal) and
        ``note-taker-…`` (the next chairs behind).

    Raises
    ------
    PlanFileError
        For a bad ``[reception]`` key or value.
    ValidationError, GeometryError
        If someone has no side, or the horseshoe does not fit the room.
    """
    r = plan_reader(meeting)
    opts = read_options(
        meeting,
        TABLE,
        {
            "guest_hand": Key(r.choice(Hand)),
            "seats_per_side": Key(r.integer),
            "back_chairs": Key(r.integer),
            "arm_spacing": Key(r.number),
            "armchair_width": Key(r.number),
            "armchair_depth": Key(r.number),
            "tea_table_width": Key(r.number),
        },
    )
    check_range(r, TABLE, opts, "seats_per_side", 0, 60)
    check_range(r, TABLE, opts, "back_chairs", 0, 10)
    check_range(r, TABLE, opts, "arm_spacing", 0.0, 30.0)
    check_range(r, TABLE, opts, "armchair_width", 0.5, 1.5, "armchairs are 0.8–0.9 m wide")
    check_range(r, TABLE, opts, "armchair_depth", 0.5, 1.5)
    check_range(r, TABLE, opts, "tea_table_width", 0.0, 1.5)
    sides = split_sides(meeting, what="a reception (会见)")
    host, guest = sides[Party.HOST], sides[Party.GUEST]
    # signer and assistant tags mean nothing at a reception: those people are members
    party_people = [order_by_rank([*lists.members, *lists.assistants, *lists.signers]) for lists in (host, guest)]
    need = max(len(p) - 1 for p in party_people)
    per_side = opts.get("seats_per_side", 0) or need
    staff_per_side = max(len(host.staff), len(guest.staff), opts.get("back_chairs", 0))
    room = lay_reception(
        meeting.venue,
        per_side=per_side,
        staff_per_side=staff_per_side,
        arm_spacing=opts.get("arm_spacing", 0.0),
        armchair=(opts.get("armchair_width", ARMCHAIR_WIDTH), opts.get("armchair_depth", ARMCHAIR_DEPTH)),
        tea_table=opts.get("tea_table_width", TEA_TABLE_WIDTH),
        source=meeting.source or "",
        key=TABLE,
    )
    seats = {s.id: s for s in room.layout.seats}
    hand = opts.get("guest_hand", Hand.RIGHT)
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
        front = [sid for sid in ranked if sid not in staff_ids]
        back = [order.roles[interp_role]] if interp_role in order.roles else []
        back += [sid for sid in ranked if sid in staff_ids]
        check_capacity(meeting, party.value, people, len(front), key=f"{TABLE}.seats_per_side", value=per_side)
        zones.append(Zone(party.value, tuple(front), tuple(p.id for p in people)))
        number_zone(labels, rows, party.value, front)
        k = len(lists.interpreters)
        for name, seat_ids, who in (
            (f"interpreter-{party.value}", back[:k], lists.interpreters),
            (f"note-taker-{party.value}", back[k:], lists.note_takers),
        ):
            if seat_ids:
                zones.append(Zone(name, tuple(seat_ids), tuple(p.id for p in who)))
                number_zone(labels, rows, name, seat_ids)
            elif who:
                check_capacity(meeting, name, who, 0, key=f"{TABLE}.back_chairs", value=staff_per_side)
                zones.append(Zone(name, (), tuple(p.id for p in who)))
    principal = {order.roles["host"]: ("principal",), order.roles["guest"]: ("principal",)}
    return Staging(layout=relabel_seats(room.layout, labels, tags=principal), zones=tuple(zones))
