"""Small meeting rooms without a dais: 座谈会, 汇报会, 工作会 (R-MTG-8, R-MTG-9, R-MTG-10).

One table in the middle of the room, arranged by ``mode``:

* ``face-door`` (面门设座, R-MTG-8, default): a table across the room; the chair
  takes the middle seat of the side facing the main door; the others follow
  on his side, first his own left then his right under CN (chair's own
  left→right ``6 4 2 1 3 5 7``), then the opposite side, nearer the chair first.
* ``feature-wall`` (依景设座, R-MTG-8): the chair sits with his back to the main
  backdrop (字画, 背景墙) named by ``feature_wall`` (the wall far from the door,
  or the wall on the entrant's left or right); the table stands parallel to it.
* ``face-to-face`` (双方对坐式, R-MTG-9): a superior unit (column 主客 = 客,
  "guest") faces the door, the host unit sits opposite; No.1 opposite No.1,
  each side ordered like a dais row.
* ``same-side`` (同侧平坐式, R-MTG-9): the superior No.1 and the host No.1 sit
  side by side facing the door, the superior at the host's own right; each
  party continues on its own side; the opposite side (``opposite_side`` chairs)
  comes last.
* ``head-of-table`` (R-MTG-10, low confidence): a table pointing at the door,
  the chair at the far end facing the door, the others along both sides
  alternating (CN: No.2 at the chair's own left).

Interpreters and note-takers (tags 翻译 / 记录) sit on a row of chairs behind the
side nearest the door (or beyond the door end of a pointing table).

Plan file: ``occasion = "meeting-room"`` and an optional ``[meeting_room]`` table::

    [meeting_room]
    mode = "face-door"        # feature-wall, face-to-face, same-side, head-of-table
    feature_wall = "far"      # feature-wall mode: "far", "left" or "right" (entrant's view)
    table = "oval"            # or "rectangle"
    seat_pitch = 0.7          # m of table per person (R-PHY-8: >= 0.6)
    table_width = 1.2         # m; default 1.2 (<= 15 at the table) or 1.6
    chair_side = 0            # chairs on the chair's side (odd); 0 = about half
    opposite_side = 0         # chairs opposite; 0 = the rest
    even_mode = "V1"          # face-to-face rows of even length (R-DAIS-4/5/6)
    guest_hand = "right"      # same-side: the host's hand the superior sits at

Zones (strict): one party: ``chair`` then ``participant``; two parties
(face-to-face, same-side): ``guest`` (the superior unit) and ``host``; staff:
``interpreter`` and ``note-taker``.
"""

from __future__ import annotations

import math
from dataclasses import replace

from seatplan.errors import Location, ValidationError
from seatplan.layout.meeting_common import RoomPlan, relabel_seats
from seatplan.layout.meeting_room import lay_table_room
from seatplan.model import Attendee, Meeting, Zone
from seatplan.model.rooms import FeatureWall, MeetingRoomSpec, RoomMode, TableOrientation
from seatplan.model.seats import SeatTag
from seatplan.occasions import Staging
from seatplan.occasions.reception import (
    Party,
    Role,
    check_capacity,
    number_zone,
    role_of,
    split_sides,
)
from seatplan.protocol.meeting_room import ChairRule, rank_face_to_face, rank_head_of_table, rank_small_room
from seatplan.protocol.people import order_by_rank
from seatplan.protocol.reception import rank_reception

__all__ = ["FeatureWall", "RoomMode", "build"]

TABLE = "meeting_room"


_TWO_PARTY = (RoomMode.FACE_TO_FACE, RoomMode.SAME_SIDE)


def _one_list(meeting: Meeting) -> list[Attendee]:
    """Everyone but staff in one precedence list: by rank, the guest first at equal rank."""
    side_key = {Party.GUEST.value: 0, Party.HOST.value: 1}
    people = [a for a in meeting.attendees if role_of(a) not in (Role.INTERPRETER, Role.NOTE_TAKER)]
    return sorted(people, key=lambda a: (a.rank, side_key.get(a.side, 2)))


def _staff(meeting: Meeting) -> tuple[list[Attendee], list[Attendee]]:
    people = list(meeting.attendees)
    return (
        order_by_rank([a for a in people if role_of(a) is Role.INTERPRETER]),
        order_by_rank([a for a in people if role_of(a) is Role.NOTE_TAKER]),
    )


def _odd_half(n: int) -> int:
    """About half of ``n``, odd, so the chair sits in the middle of his side (R-MTG-8)."""
    c = max(1, math.ceil(n / 2))
    if c % 2 == 0:
        c = c + 1 if c + 1 <= n else c - 1
    return c


def build(meeting: Meeting) -> Staging:
    """Lay out a small meeting room and rank its seats and people (R-MTG-8/9/10).

    Parameters
    ----------
    meeting
        A meeting with ``occasion = "meeting-room"``; for ``face-to-face`` and
        ``same-side`` every attendee needs a side (主客: 客 = the superior unit).

    Returns
    -------
    Staging
        The table and chairs and the zones (module docstring).

    Raises
    ------
    ValidationError, GeometryError
        If people are missing a side, do not fit the chairs asked for, or the
        table does not fit the room.
    """
    opts = meeting.meeting_room or MeetingRoomSpec()
    mode = opts.mode
    interpreters, note_takers = _staff(meeting)
    staff = len(interpreters) + len(note_takers)
    common: dict[str, object] = dict(
        seat_pitch=opts.seat_pitch,
        table_width=opts.table_width,
        shape=opts.table,
        foot=staff,
        source=meeting.source or "",
        key=TABLE,
    )
    if mode in _TWO_PARTY:
        room, zones, labels = _two_parties(meeting, mode, opts, common)
    else:
        room, zones, labels = _one_party(meeting, mode, opts, common)
    # staff: the chairs behind the door side, nearest the middle first
    foot = [s for s in room.layout.seats if s.id in set(room.groups.get("foot", ()))]
    mid = (sum(s.x for s in foot) / len(foot), sum(s.y for s in foot) / len(foot)) if foot else (0.0, 0.0)
    foot.sort(key=lambda s: (round(math.hypot(s.x - mid[0], s.y - mid[1]), 6), s.id))
    rows = {s.id: s.row for s in room.layout.seats}
    k = len(interpreters)
    for name, seat_ids, who in (
        ("interpreter", [s.id for s in foot[:k]], interpreters),
        ("note-taker", [s.id for s in foot[k:]], note_takers),
    ):
        if who:
            zones.append(Zone(name, tuple(seat_ids), tuple(a.id for a in who)))
            number_zone(labels, rows, name, seat_ids)
    principal = {z.seat_ids[0]: (SeatTag.PRINCIPAL,) for z in zones if z.name in ("chair", "guest", "host") and z.seat_ids}
    return Staging(layout=relabel_seats(room.layout, labels, tags=principal), zones=tuple(zones))


def _one_party(
    meeting: Meeting, mode: RoomMode, opts: MeetingRoomSpec, common: dict[str, object]
) -> tuple[RoomPlan, list[Zone], dict[str, tuple[str, int, int]]]:
    people = _one_list(meeting)
    if not people:
        raise ValidationError(
            "the meeting room has nobody to seat besides interpreters and note-takers",
            location=Location(file=meeting.source or "", field="attendees"),
        )
    n = len(people)
    wall = opts.feature_wall
    if mode is RoomMode.HEAD_OF_TABLE:
        per = math.ceil((n - 1) / 2)
        room = lay_table_room(meeting.venue, axis=TableOrientation.POINTING, side_a=per, side_b=per, head=True, **common)  # type: ignore[arg-type]
        chair = room.groups["head"][0]
        seats = [s for s in room.layout.seats if s.id in set(room.groups["table"])]
        order = rank_head_of_table(seats, door=room.door, convention=meeting.convention, chair=chair)
        key, value = f"{TABLE}.mode", mode.value  # type: str, object
    else:
        chair_side = opts.chair_side or _odd_half(n)
        opposite = opts.opposite_side or max(0, n - chair_side)
        pointing = mode is RoomMode.FEATURE_WALL and wall is not FeatureWall.FAR
        on_a = not (pointing and wall is FeatureWall.RIGHT)
        room = lay_table_room(
            meeting.venue,
            axis=TableOrientation.POINTING if pointing else TableOrientation.ACROSS,
            side_a=chair_side if on_a else opposite,
            side_b=opposite if on_a else chair_side,
            **common,  # type: ignore[arg-type]
        )
        own = room.groups["side-a" if on_a else "side-b"]
        chair = own[len(own) // 2]
        seats = [s for s in room.layout.seats if s.id in set(room.groups["table"])]
        frame = room.frame
        backdrop = {
            FeatureWall.FAR: frame.to_plan(frame.centre_u, frame.depth),
            FeatureWall.LEFT: frame.to_plan(frame.u_min, frame.depth / 2),
            FeatureWall.RIGHT: frame.to_plan(frame.u_max, frame.depth / 2),
        }[wall]
        order = rank_small_room(
            seats,
            door=room.door,
            convention=meeting.convention,
            chair=chair,
            chair_rule=ChairRule.FEATURE_WALL if mode is RoomMode.FEATURE_WALL else ChairRule.FACE_DOOR,
            feature_wall=backdrop,
        )
        key, value = f"{TABLE}.chair_side", chair_side
    check_capacity(meeting, "participant", people, len(order.hosts), key=key, value=value)
    rows = {s.id: s.row for s in room.layout.seats}
    labels: dict[str, tuple[str, int, int]] = {}
    number_zone(labels, rows, "chair", order.hosts[:1])
    number_zone(labels, rows, "participant", order.hosts[1:], start=2)  # numbers continue from the chair's 1
    zones = [
        Zone("chair", order.hosts[:1], (people[0].id,)),
        Zone("participant", tuple(order.hosts[1:]), tuple(a.id for a in people[1:])),
    ]
    return room, zones, labels


def _two_parties(
    meeting: Meeting, mode: RoomMode, opts: MeetingRoomSpec, common: dict[str, object]
) -> tuple[RoomPlan, list[Zone], dict[str, tuple[str, int, int]]]:
    what = "face-to-face seating (双方对坐式)" if mode is RoomMode.FACE_TO_FACE else "same-side seating (同侧平坐式)"
    sides = split_sides(meeting, what=what)
    members = {p: order_by_rank([*s.members, *s.signers, *s.assistants]) for p, s in sides.items()}
    g, h = len(members[Party.GUEST]), len(members[Party.HOST])
    if mode is RoomMode.FACE_TO_FACE:
        per = opts.chair_side or max(g, h)
        room = lay_table_room(meeting.venue, axis=TableOrientation.ACROSS, side_a=per, side_b=per, **common)  # type: ignore[arg-type]
        seats = [s for s in room.layout.seats if s.id in set(room.groups["table"])]
        order = rank_face_to_face(
            seats, door=room.door, convention=meeting.convention, even=opts.even_mode
        )
        key, value = f"{TABLE}.chair_side", per
    else:
        per = opts.chair_side or 2 * max(g, h)
        if per % 2:
            per += 1
        opposite = opts.opposite_side
        room = lay_table_room(meeting.venue, axis=TableOrientation.ACROSS, side_a=per, side_b=opposite, **common)  # type: ignore[arg-type]
        # the opposite side comes after the principals' side: give it row 2 for the ranking
        back = set(room.groups.get("side-b", ()))
        seats = [replace(s, row=2) if s.id in back else s for s in room.layout.seats if s.id in set(room.groups["table"])]
        a_side = room.groups["side-a"]
        pair_ids = (a_side[per // 2 - 1], a_side[per // 2])
        by_id = {s.id: s for s in seats}
        hand = opts.guest_hand
        pair = rank_reception([by_id[i] for i in pair_ids], door=room.door, guest_hand=hand, interpreters=False)
        order = rank_reception(
            seats,
            door=room.door,
            guest_hand=hand,
            interpreters=False,
            principals=(pair.roles["host"], pair.roles["guest"]),
        )
        key, value = f"{TABLE}.chair_side", per
    rows = {s.id: s.row for s in room.layout.seats}
    labels: dict[str, tuple[str, int, int]] = {}
    zones: list[Zone] = []
    for party, seat_ids in ((Party.GUEST, order.guests), (Party.HOST, order.hosts)):
        check_capacity(meeting, party.value, members[party], len(seat_ids), key=key, value=value)
        zones.append(Zone(party.value, tuple(seat_ids), tuple(a.id for a in members[party])))
        number_zone(labels, rows, party.value, seat_ids)
    return room, zones, labels
