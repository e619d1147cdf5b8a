"""Seat precedence for 会见, 会谈, 签字, 合影 and small meeting rooms (R-MTG-1 … R-MTG-10).

A layout generator hands in :class:`~seatplan.model.Seat` objects (position and
facing) and gets back seat ids in precedence order, per party, in a
:class:`MeetingOrder`. Nothing here assumes where the door is: "facing the door",
"the entrant's right" and each sitter's own left/right are computed from the
seats' positions and facing vectors (architecture §3), so the same meeting room
drawn at any rotation gives the same answer.

Frames (rule book §0.1)
-----------------------
* *own*: a seated person's own hands — :attr:`Seat.left_vector` is his left.
  Sequences "in stage view" (:attr:`View.STAGE`) list a row left→right in the
  sitters' own frame.
* *plan* (:attr:`View.PLAN`): plan with the main door at the bottom; an entrant
  has the same left/right. A person facing the door has his right on PV-left.
* *audience / camera* (:attr:`View.AUDIENCE`): facing the sitters; the reverse of
  their own frame.

The ``*_sequence`` helpers build a small reference room (door at the bottom),
run the ranking functions on it and read the result back left→right in the
requested frame: they document the rules and are tested against the golden
vectors T21-T24 of the rule book.

Examples
--------
>>> reception_sequence(3, 3)                         # T21, plan view
['G3', 'G2', 'G1', 'H1', 'H2', 'H3']
>>> reception_centre_sequence(3, 3)                  # R-MTG-2 居中式, plan view round the U
['G3', 'G2', 'G1', 'H1', 'H2', 'H3']
>>> reception_chair_sequences(3, [2, 2])             # R-MTG-2 主席式, plan view: host row, visitors
(['H3', 'H1', 'H2'], ['A2', 'A1', 'B1', 'B2'])
>>> signing_sequence(4, 4)                           # T23, signers' own view
['H4', 'H3', 'H2', 'H1', '‖', 'G1', 'G2', 'G3', 'G4']
>>> photo_sequence(3, 2)                             # T24, camera view
['H2', 'G1', 'H1', 'G2', 'H3']
>>> small_room_sequence(7)                           # R-MTG-8, chair's own view
[6, 4, 2, 1, 3, 5, 7]
"""

from __future__ import annotations

import itertools
import math
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from seatplan.errors import GeometryError, Location, ValidationError
from seatplan.model.enums import Convention, EvenMode, View
from seatplan.model.rooms import RECEPTION_FORM_NAMES, Hand, ProtocolLanguage, ReceptionForm, TableOrientation
from seatplan.model.seats import Seat
from seatplan.protocol.banquet import (
    Point,
    PointLike,
    _angle_unit,
    _ccw,
    _coerce,
    _dot,
    _norm,
    _point,
    _sub,
    _tolerance,
    _tolerant_order,
    _unit,
)
from seatplan.protocol.dais import rank_dais

__all__ = [
    "FACE_TOLERANCE_DEG",
    "MEETING_TOLERANCE",
    "RECEPTION_FORM_NAMES",
    "ROW_TOLERANCE",
    "ChairRule",
    "Hand",
    "MeetingKind",
    "MeetingOrder",
    "ProtocolLanguage",
    "ReceptionForm",
    "TableOrientation",
    "TalksInterpreters",
    "face_to_face_sequences",
    "order_delegations",
    "party_block_offsets",
    "photo_sequence",
    "rank_behind",
    "rank_face_to_face",
    "rank_head_of_table",
    "rank_meeting_seats",
    "rank_photo",
    "rank_reception",
    "rank_reception_centre",
    "rank_reception_chair",
    "rank_round_table",
    "rank_signing",
    "rank_small_room",
    "rank_talks",
    "reception_centre_sequence",
    "reception_chair_sequences",
    "reception_sequence",
    "signing_sequence",
    "small_room_sequence",
    "split_square_sides",
    "talks_sequences",
]


# --------------------------------------------------------------------------------------
# enums and result
# --------------------------------------------------------------------------------------


class MeetingKind(StrEnum):
    """Kinds of meeting seating handled by :func:`rank_meeting_seats`."""

    RECEPTION = "reception"  # 会见, side by side (并列式), R-MTG-1
    RECEPTION_CENTRE = "reception-centre"  # 会见, 居中式, R-MTG-2
    RECEPTION_CHAIR = "reception-chair"  # 会见, 主席式, R-MTG-2
    TALKS = "talks"  # 会谈 at a long table, R-MTG-3 (across) / R-MTG-4 (pointing at the door)
    SIGNING = "signing"  # 签字仪式, R-MTG-6
    PHOTO = "photo"  # 合影, R-MTG-7
    SMALL_ROOM = "small-room"  # 面门设座 / 依景设座, R-MTG-8
    FACE_TO_FACE = "face-to-face"  # 对坐式 with a superior unit, R-MTG-9
    SAME_SIDE = "same-side"  # 同侧平坐式, R-MTG-9
    HEAD_OF_TABLE = "head-of-table"  # chair at the short end, R-MTG-10



class TalksInterpreters(StrEnum):
    """Where the interpreters sit at 会谈 (R-MTG-3)."""

    AT_TABLE = "at-table"  # Chinese practice: host interpreter at the host chief's right
    BEHIND = "behind"  # some countries: interpreters behind the chiefs, not at the table


class ChairRule(StrEnum):
    """How the chair of a small meeting is found (R-MTG-8)."""

    AUTO = "auto"  # facing the door if a seat does, else back to the feature wall
    FACE_DOOR = "face-door"  # 面门设座
    FEATURE_WALL = "feature-wall"  # 依景设座


#: Distances (metres) closer than this count as equal.
MEETING_TOLERANCE = 0.05
#: Seats whose depth along their facing differs by at most this (metres) are one row.
ROW_TOLERANCE = 0.3
#: A seat "faces" a point when its facing is within this angle of the direction to it.
FACE_TOLERANCE_DEG = 45.0
#: An interpreter's chair counts as "behind" a principal within this distance (metres).
_INTERPRETER_REACH = 2.0


@dataclass(frozen=True)
class MeetingOrder:
    """Seat ids in precedence order, per party.

    Parameters
    ----------
    hosts
        The host party (主方), No.1 first — or the only party of a one-party
        meeting (small room, head of table, 政务 photo).
    guests
        The guest party (客方; the superior unit at 对坐式 / 同侧平坐式), No.1 first.
    roles
        Seats with a named role: ``"host"``, ``"guest"`` (the two principals),
        ``"chair"``, ``"host_interpreter"``, ``"guest_interpreter"``,
        ``"host_signer"``, ``"guest_signer"``.
    others
        Seats not given to either party (table ends at 会谈, spare photo spots, …).
    points
        Named positions that are not seats: ``"host_flag"``, ``"guest_flag"``,
        ``"host_assistant"``, ``"guest_assistant"`` (签字).
    orientation
        For two-sided tables: how the table stands relative to the door.
    parties
        For a 主席式 reception (R-MTG-2): the seats of each visiting party's
        block, the most honoured block first, each block's chief first, then
        the block's back-row chairs (nearest the chief first).
    """

    hosts: tuple[str, ...]
    guests: tuple[str, ...] = ()
    roles: Mapping[str, str] = field(default_factory=dict)
    others: tuple[str, ...] = ()
    points: Mapping[str, Point] = field(default_factory=dict)
    orientation: TableOrientation | None = None
    parties: tuple[tuple[str, ...], ...] = ()


# --------------------------------------------------------------------------------------
# geometry helpers
# --------------------------------------------------------------------------------------


def _seat_list(seats: Sequence[Seat], what: str, minimum: int = 1) -> list[Seat]:
    out = list(seats)
    for s in out:
        if not isinstance(s, Seat):
            raise ValidationError(f"{what}: expected Seat objects, got {s!r}", location=Location(field="seats"))
    ids = [s.id for s in out]
    if len(set(ids)) != len(ids):
        dup = sorted({i for i in ids if ids.count(i) > 1})
        raise ValidationError(f"{what}: seat ids repeat: {dup}", location=Location(field="seats", value=dup))
    if len(out) < minimum:
        raise ValidationError(
            f"{what} needs at least {minimum} seat(s), got {len(out)}", location=Location(field="seats")
        )
    return out


def _p(s: Seat) -> Point:
    return (s.x, s.y)


def _f(s: Seat) -> Point:
    return _angle_unit(s.facing)


def _hand_vec(s: Seat, hand: Hand) -> Point:
    lv = s.left_vector
    return lv if hand is Hand.LEFT else (-lv[0], -lv[1])


def _other(hand: Hand) -> Hand:
    return Hand.RIGHT if hand is Hand.LEFT else Hand.LEFT


def _senior_hand(convention: Convention) -> Hand:
    """CN 以左为上 → own left first; INTL 以右为上 → own right first (rule book §0.2)."""
    return Hand.LEFT if convention is Convention.CN else Hand.RIGHT


def _mean_unit(vectors: Sequence[Point], what: str) -> Point:
    sx = sum(v[0] for v in vectors)
    sy = sum(v[1] for v in vectors)
    if math.hypot(sx, sy) < 1e-6 * max(1, len(vectors)):
        raise GeometryError(
            f"the seats of {what} face opposite ways, so they have no common front",
            location=Location(field="facing"),
            hint="rank seats that face the same way together",
        )
    return _unit((sx, sy))


def _centroid(seats: Sequence[Seat]) -> Point:
    return (sum(s.x for s in seats) / len(seats), sum(s.y for s in seats) / len(seats))


def _dist(a: Seat, b: Seat) -> float:
    return math.hypot(a.x - b.x, a.y - b.y)


def _interleave(first: list[Seat], second: list[Seat]) -> list[Seat]:
    out: list[Seat] = []
    for i in range(max(len(first), len(second))):
        if i < len(first):
            out.append(first[i])
        if i < len(second):
            out.append(second[i])
    return out


def _by_distance(anchor: Seat, seats: Sequence[Seat], tol: float = MEETING_TOLERANCE) -> list[Seat]:
    order = _tolerant_order(range(len(seats)), [lambda i: _dist(anchor, seats[i])], tol)
    return [seats[i] for i in order]


def _centre_out_from(anchor: Seat, others: Sequence[Seat], first: Hand, tol: float = MEETING_TOLERANCE) -> list[Seat]:
    """Seats of ``anchor``'s row in precedence order after the anchor (R-DAIS-3 style).

    Seats on the anchor's own ``first`` hand and on the other hand, each from the
    anchor outward, alternate *by seat count* (the k-th seat out on one side pairs
    with the k-th on the other); when one side runs out the other continues. Seats
    in line with the anchor (neither side) come last, nearer first.
    """
    hv = _hand_vec(anchor, first)
    a = _p(anchor)
    near = [s for s in others if _dot(_sub(_p(s), a), hv) > tol]
    far = [s for s in others if _dot(_sub(_p(s), a), hv) < -tol]
    inline = [s for s in others if abs(_dot(_sub(_p(s), a), hv)) <= tol]
    return _interleave(_by_distance(anchor, near), _by_distance(anchor, far)) + _by_distance(anchor, inline)


def _group_rows(seats: Sequence[Seat], front: Point, tol: float) -> list[list[Seat]]:
    """Split seats into rows by depth along ``front``; the row furthest along ``front`` first."""
    if not seats:
        return []
    keyed = sorted(seats, key=lambda s: -_dot(_p(s), front))
    rows: list[list[Seat]] = [[keyed[0]]]
    prev = _dot(_p(keyed[0]), front)
    for s in keyed[1:]:
        d = _dot(_p(s), front)
        if prev - d > tol:
            rows.append([])
        rows[-1].append(s)
        prev = d
    return rows


def _row_coords(row: Sequence[Seat]) -> tuple[Point, list[float]]:
    lv = _mean_unit([s.left_vector for s in row], "this row")
    return lv, [_dot(_p(s), lv) for s in row]


def _has_centre_seat(row: Sequence[Seat]) -> bool:
    _, xs = _row_coords(row)
    c = (min(xs) + max(xs)) / 2
    srt = sorted(xs)
    gaps = [b - a for a, b in itertools.pairwise(srt) if b - a > 1e-9]
    tol = 0.25 * min(gaps) if gaps else 1e-9
    return len(row) == 1 or min(abs(x - c) for x in xs) <= tol


def _pick_anchor(row: Sequence[Seat], mate: Hand, centre: Point | None = None) -> Seat:
    """The seat of ``row`` nearest its centre line (or nearest ``centre``).

    When no seat is on that line (an even row), the two seats either side of it
    form the central pair and No.1 takes the one that has the other at his own
    ``mate`` hand (R-DAIS-4 V1 with ``mate`` = the senior hand).
    """
    lv, xs = _row_coords(row)
    c = (min(xs) + max(xs)) / 2 if centre is None else _dot(centre, lv)
    srt = sorted(xs)
    gaps = [b - a for a, b in itertools.pairwise(srt) if b - a > 1e-9]
    tol = 0.25 * min(gaps) if gaps else 1e-9
    j = min(range(len(row)), key=lambda k: (abs(xs[k] - c), k))
    if abs(xs[j] - c) <= tol:
        return row[j]
    below = [k for k in range(len(row)) if xs[k] < c]
    above = [k for k in range(len(row)) if xs[k] > c]
    lo = max(below, key=lambda k: xs[k]) if below else None
    hi = min(above, key=lambda k: xs[k]) if above else None
    # xs grow towards the row's own left: the mate on the left means No.1 is the lower one
    pick = (lo if lo is not None else hi) if mate is Hand.LEFT else (hi if hi is not None else lo)
    assert pick is not None
    return row[pick]


def _faces_score(s: Seat, target: Point) -> float:
    """Cosine between the seat's facing and the direction from the seat to ``target``."""
    v = _sub(target, _p(s))
    n = _norm(v)
    if n < 1e-9:
        return 1.0
    return _dot(_f(s), (v[0] / n, v[1] / n))


def _by_id(seats: Sequence[Seat], sid: str, param: str) -> Seat:
    for s in seats:
        if s.id == sid:
            return s
    raise ValidationError(f"{param}: no seat with id {sid!r}", location=Location(field=param, value=sid))


def _ids(seats: Sequence[Seat]) -> tuple[str, ...]:
    return tuple(s.id for s in seats)


# --------------------------------------------------------------------------------------
# 会见 (R-MTG-1) and 同侧平坐式 (R-MTG-9)
# --------------------------------------------------------------------------------------


def rank_reception(
    seats: Sequence[Seat],
    *,
    door: PointLike,
    guest_hand: Hand | str = Hand.RIGHT,
    interpreters: bool = True,
    principals: tuple[str, str] | None = None,
    tolerance: float = MEETING_TOLERANCE,
) -> MeetingOrder:
    """会见 side by side (并列式, R-MTG-1); also 同侧平坐式 (R-MTG-9).

    The host and the principal guest sit side by side facing the door, the guest
    at the host's own right (PV-left with the door at the bottom; the entrant
    sees the host side on his right). Other guests continue on the guest's side,
    host-side attendees on the host's side, each nearer their principal first and
    front row before back row. Interpreters (and note-takers) sit behind the two
    principals.

    Parameters
    ----------
    seats
        All seats of the reception (sofas along the far wall, the horseshoe arms,
        back-row chairs with ``row > 1``).
    door
        The main door.
    guest_hand
        The host's hand on which the guest sits: ``"right"`` (default; 外事 and
        INTL agree). ``"left"`` is the low-confidence domestic variant "上级领导坐
        在主方领导的左面" (R-MTG-1 disagreement).
    interpreters
        Reserve the back-row chair nearest behind each principal for his
        interpreter (roles ``host_interpreter`` / ``guest_interpreter``).
    principals
        ``(host seat id, guest seat id)`` to override the search. By default the
        principals are the two front-row seats (lowest ``row``) that face the door
        most directly, then have it farthest in front of them, then least off to
        their side (i.e. the seats on the door's axis). Pass ``principals`` when
        the door is far off the room's axis.
    tolerance
        Metres within which distances count as equal.

    Returns
    -------
    MeetingOrder
        ``hosts`` (host principal first) and ``guests`` (guest principal first);
        seats on the centre line behind the principals other than interpreters'
        go to ``others``.

    Examples
    --------
    >>> from seatplan.model import Seat
    >>> row = [Seat(f"s{k}", "reception", 1, k, x=float(k), y=5.0, facing=270.0) for k in range(1, 7)]
    >>> order = rank_reception(row, door=(3.5, 0.0))
    >>> order.guests, order.hosts                    # T21: PV G3 G2 G1 H1 H2 H3
    (('s3', 's2', 's1'), ('s4', 's5', 's6'))
    """
    ss = _seat_list(seats, "a reception", minimum=2)
    d = _point(door, "door")
    hand = _coerce(Hand, guest_hand, "guest_hand")
    tol = _tolerance(tolerance, "tolerance")
    front_row = min(s.row for s in ss)
    if principals is not None:
        host = _by_id(ss, principals[0], "principals")
        guest = _by_id(ss, principals[1], "principals")
        if host.id == guest.id:
            raise ValidationError("the two principals need two different seats", location=Location(field="principals"))
    else:
        cands = [s for s in ss if s.row == front_row]
        if len(cands) < 2:
            raise ValidationError(
                "a reception needs two front-row seats for the principals", location=Location(field="seats")
            )
        # in each seat's own frame: how squarely it faces the door, how far the door
        # is in front of it, how far the door is off to its side
        order = _tolerant_order(
            range(len(cands)),
            [
                lambda i: -_faces_score(cands[i], d),
                lambda i: -_dot(_sub(d, _p(cands[i])), _f(cands[i])),
                lambda i: abs(_dot(_sub(d, _p(cands[i])), cands[i].left_vector)),
            ],
            [0.05, tol, tol],
        )
        a, b = cands[order[0]], cands[order[1]]
        if _dot(_sub(_p(b), _p(a)), _hand_vec(a, hand)) > 0:
            host, guest = a, b
        elif _dot(_sub(_p(a), _p(b)), _hand_vec(b, hand)) > 0:
            host, guest = b, a
        else:
            raise GeometryError(
                f"the principal seats {a.id!r} and {b.id!r} are not side by side",
                location=Location(field="seats"),
                hint="give principals=(host_id, guest_id)",
            )
    rest = [s for s in ss if s.id not in (host.id, guest.id)]
    roles = {"host": host.id, "guest": guest.id}
    if interpreters:
        back = [s for s in rest if s.row > front_row or "interpreter" in s.tags]
        for role, who in (("guest_interpreter", guest), ("host_interpreter", host)):
            behind = [
                s
                for s in back
                if s.id not in roles.values()
                and _dot(_sub(_p(s), _p(who)), _f(who)) < -tol
                and _dist(s, who) <= _INTERPRETER_REACH
            ]
            if behind:
                roles[role] = _by_distance(who, behind)[0].id
        rest = [s for s in rest if s.id not in roles.values()]
    mid = ((host.x + guest.x) / 2, (host.y + guest.y) / 2)
    g_dir = _unit(_sub(_p(guest), _p(host)))
    g_side = [s for s in rest if _dot(_sub(_p(s), mid), g_dir) > tol]
    h_side = [s for s in rest if _dot(_sub(_p(s), mid), g_dir) < -tol]
    others = [s for s in rest if abs(_dot(_sub(_p(s), mid), g_dir)) <= tol]

    def side(principal: Seat, group: list[Seat]) -> list[Seat]:
        idx = _tolerant_order(
            range(len(group)), [lambda i: group[i].row, lambda i: _dist(principal, group[i])], [0.0, tol]
        )
        return [group[i] for i in idx]

    return MeetingOrder(
        hosts=(host.id, *_ids(side(host, h_side))),
        guests=(guest.id, *_ids(side(guest, g_side))),
        roles=roles,
        others=_ids(others),
    )


# --------------------------------------------------------------------------------------
# 会见 variants (R-MTG-2): 居中式 and 主席式
# --------------------------------------------------------------------------------------


def _seat_behind(who: Seat, pool: Sequence[Seat], tol: float) -> Seat | None:
    """The chair of ``pool`` nearest behind ``who`` (within :data:`_INTERPRETER_REACH`), else None."""
    lv = who.left_vector
    behind = [
        s for s in pool if _dot(_sub(_p(s), _p(who)), _f(who)) < -tol and _dist(s, who) <= _INTERPRETER_REACH
    ]
    idx = _tolerant_order(
        range(len(behind)),
        [lambda i: _dist(who, behind[i]), lambda i: abs(_dot(_sub(_p(behind[i]), _p(who)), lv))],
        tol,
    )
    return behind[idx[0]] if idx else None


def _front_seat_facing(cands: Sequence[Seat], door: Point, tol: float) -> Seat:
    """The seat of ``cands`` that faces the door most squarely, then has it farthest in front, then on its axis."""
    order = _tolerant_order(
        range(len(cands)),
        [
            lambda i: -_faces_score(cands[i], door),
            lambda i: -_dot(_sub(door, _p(cands[i])), _f(cands[i])),
            lambda i: abs(_dot(_sub(door, _p(cands[i])), cands[i].left_vector)),
        ],
        [0.05, tol, tol],
    )
    return cands[order[0]]


def rank_reception_centre(
    seats: Sequence[Seat],
    *,
    door: PointLike,
    guest_hand: Hand | str = Hand.RIGHT,
    interpreters: bool = True,
    centre: str | None = None,
    tolerance: float = MEETING_TOLERANCE,
) -> MeetingOrder:
    """会见 in the centre form (居中式, R-MTG-2).

    The senior principal (the host chief) sits alone at the centre, facing the
    door; the guests sit in a row on his own right, the hosts in a row on his
    left, the two rows facing each other across the room (the pattern of the
    Chinese top-leader receptions since 2018: "习近平坐在中间主席位, 国务卿布林肯坐在
    习近平右手边的位置 … 习近平左手边为中方代表", udn.com 2024; the rule book's
    "桌子的左側是鄭義溶" is the same arrangement read in the camera's frame). Guest
    at the centre person's right agrees with R-MTG-1 (guest at the host's
    right) under both conventions. In each row the seat nearest the centre
    person is the most senior, then outward towards the door (R-MTG-1:
    "nearer the principal first"); back-row chairs come after the row. The
    interpreter of the centre person takes the chair nearest behind him, the
    guest interpreter the chair nearest behind the guest principal (R-MTG-1).

    Parameters
    ----------
    seats
        The centre seat, the two rows and any back-row chairs (``row > 1``).
    door
        The main door.
    guest_hand
        The centre person's own hand on which the guests sit: ``"right"``
        (default, R-MTG-1) or ``"left"``.
    interpreters
        Reserve the chair nearest behind the centre person and behind the guest
        principal for the interpreters (roles ``host_interpreter`` /
        ``guest_interpreter``).
    centre
        Seat id of the centre seat, to override the search. By default: among
        the front-row seats (lowest ``row``) the one facing the door most
        squarely, then with the door farthest in front, then on the door's axis.
    tolerance
        Metres within which distances count as equal.

    Returns
    -------
    MeetingOrder
        ``hosts`` = the centre seat, then the host row (nearest the centre
        first), then the host side's back chairs; ``guests`` = the guest row
        (the guest principal first), then the guest side's back chairs. Roles
        ``host`` (the centre seat), ``guest``, ``host_interpreter``,
        ``guest_interpreter``. Chairs on the centre line behind the centre seat
        that are not the interpreter's go to ``others``.

    Raises
    ------
    ValidationError
        If ``centre`` names no seat or there are fewer than two seats.
    GeometryError
        If no front-row seat faces the door or no seat lies on the guests' side.

    Examples
    --------
    >>> reception_centre_sequence(3, 3)                   # PV, read round the U
    ['G3', 'G2', 'G1', 'H1', 'H2', 'H3']
    """
    ss = _seat_list(seats, "a centre-form reception", minimum=2)
    d = _point(door, "door")
    hand = _coerce(Hand, guest_hand, "guest_hand")
    tol = _tolerance(tolerance, "tolerance")
    front_row = min(s.row for s in ss)
    if centre is not None:
        c = _by_id(ss, centre, "centre")
    else:
        c = _front_seat_facing([s for s in ss if s.row == front_row], d, tol)
        if _faces_score(c, d) < math.cos(math.radians(FACE_TOLERANCE_DEG)):
            raise GeometryError(
                "no front-row seat faces the door, so the centre seat (居中式) is unknown",
                location=Location(field="seats"),
                hint="give centre= (the centre seat's id)",
            )
    gv = _hand_vec(c, hand)
    rest = [s for s in ss if s.id != c.id]
    off = {s.id: _dot(_sub(_p(s), _p(c)), gv) for s in rest}
    g_side = [s for s in rest if off[s.id] > tol]
    h_side = [s for s in rest if off[s.id] < -tol]
    inline = [s for s in rest if abs(off[s.id]) <= tol]

    def is_back(s: Seat) -> bool:
        return s.row > front_row or "interpreter" in s.tags

    g_front = [s for s in g_side if not is_back(s)]
    h_front = [s for s in h_side if not is_back(s)]
    if not g_front:
        raise GeometryError(
            f"no seat on the centre person's {hand.value} for the guests (居中式)",
            location=Location(field="seats"),
            hint="lay a row of seats on each side of the centre seat",
        )

    def nearest_first(anchor: Seat, group: list[Seat]) -> list[Seat]:
        idx = _tolerant_order(
            range(len(group)),
            [lambda i: _dist(anchor, group[i]), lambda i: -_dot(_sub(_p(group[i]), _p(anchor)), _f(c))],
            tol,
        )
        return [group[i] for i in idx]

    g_row = nearest_first(c, g_front)
    h_row = nearest_first(c, h_front)
    guest = g_row[0]
    roles = {"host": c.id, "guest": guest.id}
    g_back = [s for s in g_side if is_back(s)]
    h_back = [s for s in h_side if is_back(s)]
    if interpreters:
        hi = _seat_behind(c, [s for s in ss if s.id != c.id and is_back(s)], tol)
        if hi is not None:
            roles["host_interpreter"] = hi.id
        gi = _seat_behind(guest, [s for s in g_back if s.id not in roles.values()], tol)
        if gi is not None:
            roles["guest_interpreter"] = gi.id
    taken = set(roles.values())
    g_back = nearest_first(guest, [s for s in g_back if s.id not in taken])
    h_back = nearest_first(h_row[0] if h_row else c, [s for s in h_back if s.id not in taken])
    return MeetingOrder(
        hosts=(c.id, *_ids(h_row), *_ids(h_back)),
        guests=(*_ids(g_row), *_ids(g_back)),
        roles=roles,
        others=tuple(s.id for s in inline if s.id not in taken),
    )


def party_block_offsets(sizes: Sequence[int], *, pitch: float, gap: float = 0.3) -> list[list[float]]:
    """Lateral offsets of the seats of visiting parties in one row (主席式, R-MTG-2).

    One party is centred on the axis. Several parties take blocks side by side,
    alternately on the *first* side of the axis and on the other, each block
    starting at the axis end (where its chief sits) and growing outward, with
    ``gap`` metres between neighbouring blocks.

    Parameters
    ----------
    sizes
        Seats per block, in precedence order.
    pitch
        Distance between neighbouring seats, metres.
    gap
        Extra space between two blocks (and across the axis), metres.

    Returns
    -------
    list of list of float
        For each block, its seats' offsets from the axis (positive = the first
        side), the chief's seat first, then outward (a centred block: left to
        right along the first side's direction).

    Examples
    --------
    >>> party_block_offsets([3], pitch=1.0)
    [[-1.0, 0.0, 1.0]]
    >>> party_block_offsets([2, 1, 1], pitch=1.0, gap=0.0)
    [[0.5, 1.5], [-0.5], [2.5]]
    """
    counts = [_count(n, "sizes", 1) for n in sizes]
    if len(counts) == 1:
        return [_centred(counts[0], pitch)]
    edge = {1: gap / 2, -1: gap / 2}
    out: list[list[float]] = []
    for k, n in enumerate(counts):
        side = 1 if k % 2 == 0 else -1
        out.append([side * (edge[side] + (j + 0.5) * pitch) for j in range(n)])
        edge[side] += n * pitch + gap
    return out


def rank_reception_chair(
    seats: Sequence[Seat],
    *,
    door: PointLike,
    blocks: Sequence[Sequence[str]] | None = None,
    convention: Convention | str = Convention.CN,
    guest_hand: Hand | str = Hand.RIGHT,
    interpreters: bool = True,
    tolerance: float = MEETING_TOLERANCE,
) -> MeetingOrder:
    """会见 in the chair form (主席式, R-MTG-2).

    "主人面对正门而坐, 其他各方来宾则在其对面背门而坐": the host side sits in a row
    facing the door, the visiting parties opposite with their backs to the
    door, each party in its own block of seats.

    * Host side: the host chief takes the middle of his row; the others
      alternate outward, on his senior hand first (``convention``: CN own left
      first, INTL own right first, like a dais row R-DAIS-3); then his back-row
      chairs (his interpreter in the chair nearest behind him).
    * Visiting parties: blocks in the row nearest the host come before blocks
      further back. In a row, blocks are counted outward from the axis (the
      line through the host chief along his facing) on each side: the
      first block on the host's ``guest_hand`` side (guest at the host's
      right, R-MTG-1), then the first on his other side, then the second on
      the ``guest_hand`` side, and so on. In a block beside the axis the
      chief sits at the axis end and the others follow outward; a block
      across the axis (a single party) is ordered centre-out like the host
      row, its chief the seat on the axis (of an even block, the one of the
      central pair with No.2 at his senior hand, R-DAIS-4 V1). The block's
      back-row chairs follow, nearest the chief first.

    Parameters
    ----------
    seats
        All seats: the host row and its back chairs (facing the door's half of
        the room), the visitors' blocks (facing away from it).
    door
        The main door.
    blocks
        Seat ids of each visitor block, in any order (the layout knows which
        chairs belong together); ``None`` = all visitor seats form one block.
    convention
        ``"cn"`` (default) or ``"intl"``: the senior hand inside a row.
    guest_hand
        The host's own hand on whose side the first block is counted
        (default ``"right"``, R-MTG-1).
    interpreters
        Reserve the chair nearest behind the host chief (role ``host_interpreter``).
    tolerance
        Metres within which distances count as equal.

    Returns
    -------
    MeetingOrder
        ``hosts`` (chief first, then his row centre-out, then the back chairs);
        ``parties`` (each block's seats, blocks in precedence order);
        ``guests`` = the blocks' seats one after the other; roles ``host``,
        ``guest`` (the first block's chief), ``host_interpreter``.

    Raises
    ------
    ValidationError
        If a block names an unknown seat, a seat is in two blocks, or a seat
        facing away from the door is in no block.
    GeometryError
        If no seat faces the door or none faces away from it.

    Examples
    --------
    >>> reception_chair_sequences(5, [3, 2])           # PV: host row, visitors' row
    (['H5', 'H3', 'H1', 'H2', 'H4'], ['A3', 'A2', 'A1', 'B1', 'B2'])
    """
    ss = _seat_list(seats, "a chair-form reception", minimum=2)
    d = _point(door, "door")
    conv = _coerce(Convention, convention, "convention")
    hand = _coerce(Hand, guest_hand, "guest_hand")
    tol = _tolerance(tolerance, "tolerance")
    senior = _senior_hand(conv)
    score = {s.id: _faces_score(s, d) for s in ss}
    host_side = [s for s in ss if score[s.id] > 1e-6]
    visitors = [s for s in ss if score[s.id] < -1e-6]
    sideways = [s for s in ss if abs(score[s.id]) <= 1e-6]
    if not host_side or not visitors or sideways:
        raise GeometryError(
            "主席式 needs the host row facing the door and the visitors facing away from it"
            + (f"; seat {sideways[0].id!r} faces across" if sideways else ""),
            location=Location(field="facing"),
        )
    f_host = _mean_unit([_f(s) for s in host_side], "the host side")
    host_rows = _group_rows(host_side, f_host, ROW_TOLERANCE)
    chief = _pick_anchor(host_rows[0], senior)
    h_row = _centre_out_from(chief, [s for s in host_rows[0] if s.id != chief.id], senior, tol)
    back = [s for row in host_rows[1:] for s in row]
    roles = {"host": chief.id}
    if interpreters:
        hi = _seat_behind(chief, back, tol)
        if hi is not None:
            roles["host_interpreter"] = hi.id
    h_back = _by_distance(chief, [s for s in back if s.id not in roles.values()], tol)
    # visiting blocks
    by_id = {s.id: s for s in visitors}
    if blocks is None:
        groups = [list(visitors)]
    else:
        seen: set[str] = set()
        groups = []
        for k, block in enumerate(blocks):
            group = []
            for sid in block:
                if sid not in by_id:
                    raise ValidationError(
                        f"block {k + 1}: {sid!r} is not a visitor's seat (facing away from the door)",
                        location=Location(field="blocks", value=sid),
                    )
                if sid in seen:
                    raise ValidationError(
                        f"seat {sid!r} is in two blocks", location=Location(field="blocks", value=sid)
                    )
                seen.add(sid)
                group.append(by_id[sid])
            if group:
                groups.append(group)
        loose = [s.id for s in visitors if s.id not in seen]
        if loose:
            raise ValidationError(
                f"visitor seats in no block: {loose}",
                location=Location(field="blocks", value=loose),
                hint="list every seat facing away from the door in one block",
            )
    # the axis: the line through the host chief along his facing ("主人面对…来宾")
    fv = _f(chief)
    gv = _hand_vec(chief, hand)
    origin = _p(chief)

    def depth(s: Seat) -> float:
        return _dot(_sub(_p(s), origin), fv)

    def lateral(s: Seat) -> float:
        return _dot(_sub(_p(s), origin), gv)

    infos = []
    for group in groups:
        near = min(depth(s) for s in group)
        front = [s for s in group if depth(s) <= near + ROW_TOLERANCE]
        rear = [s for s in group if depth(s) > near + ROW_TOLERANCE]
        lats = [lateral(s) for s in front]
        across = max(lats) > tol and min(lats) < -tol
        reach = 0.0 if across else min(abs(x) for x in lats)
        side = 0 if across or sum(lats) > 0 else 1  # 0: on the host's guest_hand side
        if across:
            anchor = _pick_anchor(front, senior, origin)
            row = [anchor, *_centre_out_from(anchor, [s for s in front if s.id != anchor.id], senior, tol)]
        else:
            idx = _tolerant_order(
                range(len(front)), [lambda i, fr=front: abs(lateral(fr[i])), lambda i, fr=front: depth(fr[i])], tol
            )
            row = [front[i] for i in idx]
        head = row[0]
        idx = _tolerant_order(
            range(len(rear)), [lambda i, rr=rear, hd=head: _dist(hd, rr[i]), lambda i, rr=rear: abs(lateral(rr[i]))], tol
        )
        infos.append((near, reach, side, [*row, *(rear[i] for i in idx)]))
    # rows of blocks: nearest the host first; within a row, nearest the axis, guest_hand side first
    infos.sort(key=lambda t: t[0])
    bands: list[list[tuple[float, float, int, list[Seat]]]] = []
    for info in infos:
        if bands and info[0] - bands[-1][0][0] <= ROW_TOLERANCE:
            bands[-1].append(info)
        else:
            bands.append([info])
    parties: list[tuple[str, ...]] = []
    for band in bands:
        # count the blocks outward from the axis on each side: the k-th on the guest_hand side,
        # then the k-th on the other side, then the (k+1)-th …
        ring: dict[int, int] = {}
        for side in (0, 1):
            mine = [i for i in range(len(band)) if band[i][2] == side]
            for k, i in enumerate(_tolerant_order(mine, [lambda i, bb=band: bb[i][1]], tol)):
                ring[i] = k
        idx = sorted(range(len(band)), key=lambda i, bb=band: (ring[i], bb[i][2], i))
        parties += [_ids(band[i][3]) for i in idx]
    roles["guest"] = parties[0][0]
    return MeetingOrder(
        hosts=(chief.id, *_ids(h_row), *_ids(h_back)),
        guests=tuple(sid for p in parties for sid in p),
        roles=roles,
        parties=tuple(parties),
    )


# --------------------------------------------------------------------------------------
# two-sided tables: 会谈 (R-MTG-3/4), 对坐式 (R-MTG-9)
# --------------------------------------------------------------------------------------


@dataclass
class _Sides:
    guest_rows: list[list[Seat]]
    host_rows: list[list[Seat]]
    ends: list[Seat]
    orientation: TableOrientation
    axis: Point  # facing axis of the host side (unit)


def _two_sides(ss: list[Seat], door: Point, orientation: TableOrientation | None, what: str) -> _Sides:
    """Split the seats of a two-sided table into the guest side and the host side.

    Guests sit on the side facing the door if a long side faces the door
    (R-MTG-3); if the table points at the door, on the side at the entrant's
    right (R-MTG-4). Seats facing along the table (its ends) are set apart.
    """
    c2 = sum(math.cos(2 * math.radians(s.facing)) for s in ss)
    s2 = sum(math.sin(2 * math.radians(s.facing)) for s in ss)
    if math.hypot(c2, s2) < 0.3 * len(ss):
        raise GeometryError(
            f"{what}: the seats do not form two rows facing each other", location=Location(field="facing")
        )
    phi = math.atan2(s2, c2) / 2
    a = (math.cos(phi), math.sin(phi))
    side_a = [s for s in ss if _dot(_f(s), a) > 0.5]
    side_b = [s for s in ss if _dot(_f(s), a) < -0.5]
    ends = [s for s in ss if abs(_dot(_f(s), a)) <= 0.5]
    if not side_a or not side_b:
        raise GeometryError(
            f"{what}: needs seats on both long sides, facing each other", location=Location(field="facing")
        )
    na = (-a[0], -a[1])
    rows_a = _group_rows(side_a, a, ROW_TOLERANCE)
    rows_b = _group_rows(side_b, na, ROW_TOLERANCE)
    cen = _centroid(rows_a[0] + rows_b[0])
    to_door = _unit(_sub(door, cen), "direction from the table to the door")
    orient = orientation or (
        TableOrientation.ACROSS if abs(_dot(a, to_door)) >= math.cos(math.radians(45)) else TableOrientation.POINTING
    )
    if orient is TableOrientation.ACROSS:
        a_is_guest = _dot(a, to_door) > 0
    else:
        inward = (-to_door[0], -to_door[1])
        entrant_right = (inward[1], -inward[0])
        off = _dot(_sub(_centroid(side_a), cen), entrant_right)
        if abs(off) < 1e-9:
            raise GeometryError(f"{what}: cannot tell which side is on the entrant's right")
        a_is_guest = off > 0
    if a_is_guest:
        return _Sides(rows_a, rows_b, ends, orient, na)
    return _Sides(rows_b, rows_a, ends, orient, a)


def _side_members(
    chief: Seat,
    reserved: set[str],
    rows: list[list[Seat]],
    first: Hand,
    by_distance: bool,
    tol: float,
) -> list[Seat]:
    front = [s for s in rows[0] if s.id != chief.id and s.id not in reserved]
    if by_distance:
        hv = _hand_vec(chief, first)
        idx = _tolerant_order(
            range(len(front)),
            [lambda i: _dist(chief, front[i]), lambda i: -_dot(_sub(_p(front[i]), _p(chief)), hv)],
            tol,
        )
        out = [front[i] for i in idx]
    else:
        out = _centre_out_from(chief, front, first, tol)
    for row in rows[1:]:
        out += _by_distance(chief, [s for s in row if s.id not in reserved], tol)
    return out


def _adjacent(chief: Seat, row: Sequence[Seat], hand: Hand, tol: float) -> Seat | None:
    hv = _hand_vec(chief, hand)
    cands = [s for s in row if s.id != chief.id and _dot(_sub(_p(s), _p(chief)), hv) > tol]
    return _by_distance(chief, cands)[0] if cands else None


def _rank_two_sided(
    ss: list[Seat],
    *,
    door: Point,
    convention: Convention,
    interpreters: TalksInterpreters,
    second_beside_chief: bool,
    even: EvenMode,
    orientation: TableOrientation | None,
    tol: float,
    what: str,
) -> MeetingOrder:
    sides = _two_sides(ss, door, orientation, what)
    senior = _senior_hand(convention)
    g_front, h_front = sides.guest_rows[0], sides.host_rows[0]
    t = _ccw(sides.axis)  # along the table
    xs = [_dot(_p(s), t) for s in g_front + h_front]
    ct = (min(xs) + max(xs)) / 2
    centre_pt = (ct * t[0], ct * t[1])

    def hand_for(row: list[Seat]) -> Hand:
        # R-DAIS-5 (V2): a central pair is ordered the other way round
        return _other(senior) if even is EvenMode.V2 and not _has_centre_seat(row) else senior

    at_table = interpreters is TalksInterpreters.AT_TABLE
    g_hand, h_hand = hand_for(g_front), hand_for(h_front)
    g_chief = _pick_anchor(g_front, Hand.LEFT if at_table else g_hand, centre_pt)
    h_chief = _pick_anchor(h_front, Hand.RIGHT if at_table else h_hand, _p(g_chief))
    roles = {"guest": g_chief.id, "host": h_chief.id}
    reserved: set[str] = set()
    if at_table:
        hi = _adjacent(h_chief, h_front, Hand.RIGHT, tol)
        gi = _adjacent(g_chief, g_front, Hand.LEFT, tol)
        if hi is not None:
            roles["host_interpreter"] = hi.id
            reserved.add(hi.id)
        if gi is not None:
            roles["guest_interpreter"] = gi.id
            reserved.add(gi.id)
    guests = [g_chief, *_side_members(g_chief, reserved, sides.guest_rows, g_hand, second_beside_chief, tol)]
    hosts = [h_chief, *_side_members(h_chief, reserved, sides.host_rows, h_hand, second_beside_chief, tol)]
    return MeetingOrder(
        hosts=_ids(hosts),
        guests=_ids(guests),
        roles=roles,
        others=_ids(sides.ends),
        orientation=sides.orientation,
    )


def rank_talks(
    seats: Sequence[Seat],
    *,
    door: PointLike,
    convention: Convention | str = Convention.INTL,
    interpreters: TalksInterpreters | str = TalksInterpreters.AT_TABLE,
    second_beside_chief: bool = False,
    orientation: TableOrientation | str | None = None,
    tolerance: float = MEETING_TOLERANCE,
) -> MeetingOrder:
    """会谈 at a long (or oval) table (R-MTG-3, R-MTG-4).

    * Table across the room (a long side faces the door): the guests sit on the
      side facing the door, the hosts with their backs to it.
    * Table pointing at the door: the guests sit on the side at the entrant's
      right (seen from inside facing the door: the left), the hosts opposite.

    The two chief negotiators sit directly opposite each other at the middle of
    the table (for an even side, the central pair: see below). With
    ``interpreters="at-table"`` (Chinese practice) the host interpreter takes the
    seat at the host chief's own right and the guest interpreter the seat at the
    guest chief's own left, so the two interpreters face each other; the guest
    chief is placed so that this works on an even side. Other members alternate
    outward, one on the senior hand then one on the other (一右一左 under INTL,
    the default), skipping the interpreter's seat — so No.2 sits beyond the
    interpreter (rule book §6 default). Back rows (note-takers) come after the
    table row.

    Parameters
    ----------
    seats
        Seats on both long sides (and any back-row chairs behind them; seats at
        the table ends go to ``others``).
    door
        The main door.
    convention
        ``"intl"`` (default, 以右为上: No.2 on the chief's right) or ``"cn"``.
    interpreters
        ``"at-table"`` (default) or ``"behind"`` (no interpreter seat at the table;
        an even side then puts No.1 so that No.2 is at his senior hand).
    second_beside_chief
        Rule book §6 alternative: members take the free seats nearest the chief
        first (so No.2 sits on the chief's other side, next to him), senior hand
        first at equal distance.
    orientation
        Override the detected :class:`TableOrientation`.
    tolerance
        Metres within which distances count as equal.

    Returns
    -------
    MeetingOrder
        ``guests``/``hosts`` chief first; roles ``guest``, ``host``,
        ``guest_interpreter``, ``host_interpreter``; ``orientation``.

    Examples
    --------
    >>> talks_sequences(5, 5)                   # R-MTG-3 worked example, plan view
    (['G4', 'G2', 'G1', 'GI', 'G3', 'G5'], ['H5', 'H3', 'H1', 'HI', 'H2', 'H4'])
    """
    ss = _seat_list(seats, "talks", minimum=2)
    return _rank_two_sided(
        ss,
        door=_point(door, "door"),
        convention=_coerce(Convention, convention, "convention"),
        interpreters=_coerce(TalksInterpreters, interpreters, "interpreters"),
        second_beside_chief=bool(second_beside_chief),
        even=EvenMode.V1,
        orientation=None if orientation is None else _coerce(TableOrientation, orientation, "orientation"),
        tol=_tolerance(tolerance, "tolerance"),
        what="talks",
    )


def rank_face_to_face(
    seats: Sequence[Seat],
    *,
    door: PointLike,
    convention: Convention | str = Convention.CN,
    even: EvenMode | str = EvenMode.V1,
    orientation: TableOrientation | str | None = None,
    tolerance: float = MEETING_TOLERANCE,
) -> MeetingOrder:
    """对坐式 with a superior unit (R-MTG-9).

    The superiors take the side facing the door (or the entrant's right when the
    table points at the door), the host unit the other side; "1号对1号": the
    host No.1 sits directly opposite the superior No.1, who takes the centre of
    his side. Each side is ordered like a dais row (R-DAIS-3/4/5): CN puts No.2
    at No.1's own left, then alternates.

    Returns
    -------
    MeetingOrder
        ``guests`` = the superiors (S1 first), ``hosts`` = the host unit (H1 first).

    Examples
    --------
    >>> face_to_face_sequences(5, 5)         # each row in its sitters' own view
    (['S4', 'S2', 'S1', 'S3', 'S5'], ['H4', 'H2', 'H1', 'H3', 'H5'])
    """
    ss = _seat_list(seats, "face-to-face seating", minimum=2)
    return _rank_two_sided(
        ss,
        door=_point(door, "door"),
        convention=_coerce(Convention, convention, "convention"),
        interpreters=TalksInterpreters.BEHIND,
        second_beside_chief=False,
        even=_coerce(EvenMode, even, "even"),
        orientation=None if orientation is None else _coerce(TableOrientation, orientation, "orientation"),
        tol=_tolerance(tolerance, "tolerance"),
        what="face-to-face seating",
    )


# --------------------------------------------------------------------------------------
# 签字 (R-MTG-6)
# --------------------------------------------------------------------------------------


def rank_signing(
    seats: Sequence[Seat],
    *,
    signers: tuple[str, str] | None = None,
    flag_offset: float = 0.45,
    assistant_offset: float = 0.7,
    tolerance: float = ROW_TOLERANCE,
) -> MeetingOrder:
    """签字仪式 (R-MTG-6): signers, flags, assistants and the standing rows.

    The two signers sit at the signing table facing the door / the cameras: the
    host signer on the signers' own left, the guest signer on their own right.
    Each flag stands directly in front of its own signer; each assistant (助签人)
    stands on the outer side of his own signer. The standing members line up
    behind their own signer: hosts from the centre line outward to the (own)
    left, guests outward to the right, nearer the centre first, front row before
    back row. The convention does not matter here.

    Parameters
    ----------
    seats
        The two signer chairs and the standing spots behind them (all facing the
        same way).
    signers
        ``(id, id)`` of the two signer chairs (either order); default: the two
        seats furthest forward.
    flag_offset, assistant_offset
        Metres from a signer to his flag (forward) and to his assistant (outward).
    tolerance
        Depth (metres) within which spots form one standing row.

    Returns
    -------
    MeetingOrder
        ``hosts``/``guests``: standing spots H1…/G1… ; roles ``host_signer``,
        ``guest_signer``; points ``host_flag``, ``guest_flag``, ``host_assistant``,
        ``guest_assistant``.
    """
    ss = _seat_list(seats, "a signing ceremony", minimum=2)
    tol = _tolerance(tolerance, "tolerance")
    f = _mean_unit([_f(s) for s in ss], "a signing ceremony")
    lv = _ccw(f)
    if signers is not None:
        pair = [_by_id(ss, signers[0], "signers"), _by_id(ss, signers[1], "signers")]
        if pair[0].id == pair[1].id:
            raise ValidationError("the two signers need two different seats", location=Location(field="signers"))
    else:
        top = max(_dot(_p(s), f) for s in ss)
        pair = [s for s in ss if top - _dot(_p(s), f) <= tol]
        if len(pair) != 2:
            raise ValidationError(
                f"expected 2 signer chairs in the front row, found {len(pair)}",
                location=Location(field="seats"),
                hint="give signers=(id, id)",
            )
    host, guest = sorted(pair, key=lambda s: -_dot(_p(s), lv))
    mid = ((host.x + guest.x) / 2, (host.y + guest.y) / 2)
    standing = [s for s in ss if s.id not in (host.id, guest.id)]
    hosts: list[Seat] = []
    guests: list[Seat] = []
    others: list[Seat] = []
    for row in _group_rows(standing, f, tol):
        off = {s.id: _dot(_sub(_p(s), mid), lv) for s in row}
        hosts += sorted((s for s in row if off[s.id] > MEETING_TOLERANCE), key=lambda s: off[s.id])
        guests += sorted((s for s in row if off[s.id] < -MEETING_TOLERANCE), key=lambda s: -off[s.id])
        others += [s for s in row if abs(off[s.id]) <= MEETING_TOLERANCE]
    fo = _tolerance(flag_offset, "flag_offset")
    ao = _tolerance(assistant_offset, "assistant_offset")
    points = {
        "host_flag": (host.x + fo * f[0], host.y + fo * f[1]),
        "guest_flag": (guest.x + fo * f[0], guest.y + fo * f[1]),
        "host_assistant": (host.x + ao * lv[0], host.y + ao * lv[1]),
        "guest_assistant": (guest.x - ao * lv[0], guest.y - ao * lv[1]),
    }
    return MeetingOrder(
        hosts=_ids(hosts),
        guests=_ids(guests),
        roles={"host_signer": host.id, "guest_signer": guest.id},
        others=_ids(others),
        points=points,
    )


# --------------------------------------------------------------------------------------
# 合影 (R-MTG-7)
# --------------------------------------------------------------------------------------


def _photo_types(k: int, hosts: int, guests: int) -> list[str]:
    """Party of each of ``k`` centre-out slots ``[c, r1, l1, r2, l2, …]`` (INTL photo).

    Centre: a host. Ring 1 (r1, l1): guests; ring 2: hosts; … alternating
    (主客双方间隔排列). A party that runs out is replaced by the other. Then each
    end of the row is handed to a host if a host stands further in on that side
    (两端均由主方人员把边).
    """
    types: list[str] = []
    left = {"H": hosts, "G": guests}
    for j in range(k):
        want = "H" if j == 0 or ((j + 1) // 2) % 2 == 0 else "G"
        if left[want] == 0:
            want = "G" if want == "H" else "H"
        types.append(want)
        left[want] -= 1
    for parity in (1, 0):  # right side slots 1, 3, 5…; left side 2, 4, 6…
        side = [j for j in range(1, k) if j % 2 == parity]
        if side and types[side[-1]] == "G":
            inner = [j for j in side[:-1] if types[j] == "H"]
            if inner:
                types[inner[-1]], types[side[-1]] = "G", "H"
    return types


def rank_photo(
    seats: Sequence[Seat],
    *,
    convention: Convention | str | None = None,
    n_hosts: int | None = None,
    n_guests: int = 0,
    even: EvenMode | str = EvenMode.V1,
) -> MeetingOrder:
    """合影 group photo positions (R-MTG-7).

    Rows are found by depth along the common facing (towards the camera); the
    front row is filled first.

    * INTL with guests (涉外): in each row the host (No.1 of the remaining hosts)
      stands in the centre, the first guest at his own right (camera-left), the
      second at his left, then hosts and guests alternate ring by ring, and both
      ends go to hosts where possible. The party of every spot is decided in the
      row; people of each party fill their spots centre-out, right first.
    * CN (政务) or one party: every row is ordered like a dais row (R-DAIS-3/4/5,
      via :func:`seatplan.protocol.dais.rank_dais`), front row first; host and
      guest lists are not separated (give one merged rank list).

    Parameters
    ----------
    seats
        Photo spots (chairs or standing marks), all facing the camera.
    convention
        Default: ``"intl"`` when ``n_guests > 0``, else ``"cn"``.
    n_hosts, n_guests
        Party sizes. ``n_hosts`` is required for an INTL photo with guests; for
        one party it limits the spots used (default: all).
    even
        Even-row mode for the CN order (R-DAIS-4/5/6).

    Returns
    -------
    MeetingOrder
        ``hosts`` (and ``guests`` for INTL) in precedence order; unused spots in
        ``others``.

    Examples
    --------
    >>> photo_sequence(3, 2)                             # T24, camera view
    ['H2', 'G1', 'H1', 'G2', 'H3']
    >>> photo_sequence(7, convention="cn")               # R-MTG-7 CN, camera view
    ['7', '5', '3', '1', '2', '4', '6']
    """
    ss = _seat_list(seats, "a group photo")
    for name, value in (("n_hosts", n_hosts), ("n_guests", n_guests)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
            raise ValidationError(f"{name} must be a whole number >= 0, got {value!r}", location=Location(field=name))
    conv = (
        (Convention.INTL if n_guests else Convention.CN)
        if convention is None
        else _coerce(Convention, convention, "convention")
    )
    mode = _coerce(EvenMode, even, "even")
    if conv is Convention.CN or not n_guests:
        ids = rank_dais(ss, convention=conv, even=mode)
        k = len(ids) if n_hosts is None else min(len(ids), n_hosts + n_guests)
        return MeetingOrder(hosts=tuple(ids[:k]), others=tuple(ids[k:]))
    if n_hosts is None or n_hosts < 1:
        raise ValidationError(
            "an international group photo with guests needs n_hosts >= 1 (a host stands in the centre)",
            location=Location(field="n_hosts", value=n_hosts),
        )
    f = _mean_unit([_f(s) for s in ss], "a group photo")
    h_left, g_left = n_hosts, n_guests
    hosts: list[Seat] = []
    guests: list[Seat] = []
    others: list[Seat] = []
    for row in _group_rows(ss, f, ROW_TOLERANCE):
        anchor = _pick_anchor(row, Hand.RIGHT)
        slots = [anchor, *_centre_out_from(anchor, [s for s in row if s.id != anchor.id], Hand.RIGHT)]
        k = min(len(slots), h_left + g_left)
        types = _photo_types(k, h_left, g_left)
        for s, t in zip(slots, types):
            (hosts if t == "H" else guests).append(s)
        h_left -= types.count("H")
        g_left -= types.count("G")
        others += slots[k:]
    return MeetingOrder(hosts=_ids(hosts), guests=_ids(guests), others=_ids(others))


# --------------------------------------------------------------------------------------
# small meeting rooms (R-MTG-8) and the head of a long table (R-MTG-10)
# --------------------------------------------------------------------------------------


def _choose_chair(
    cands: Sequence[Seat],
    all_seats: Sequence[Seat],
    *,
    door: Point | None,
    rule: ChairRule,
    feature_wall: Point | None,
    senior: Hand,
    face_cos: float,
    tol: float,
) -> Seat:
    """The chair's seat: 面门设座, else 依景设座 (R-MTG-8)."""

    def tie_key(s: Seat) -> float:
        # between two equally good seats take the one with the other at its senior hand
        return _dot(_p(s), _hand_vec(s, senior))

    if rule is not ChairRule.FEATURE_WALL and door is not None:
        facing = [s for s in cands if _faces_score(s, door) >= face_cos]
        if facing:
            u = _unit(_sub(_centroid(all_seats), door), "direction from the door into the room")
            r = _ccw(u)
            lats = [_dot(_p(s), r) for s in facing]
            mid = (min(lats) + max(lats)) / 2
            idx = _tolerant_order(
                range(len(facing)),
                [
                    lambda i: -_dot(_sub(_p(facing[i]), door), u),
                    lambda i: abs(_dot(_p(facing[i]), r) - mid),
                    lambda i: tie_key(facing[i]),
                ],
                [ROW_TOLERANCE, tol, 0.0],
            )
            return facing[idx[0]]
        if rule is ChairRule.FACE_DOOR:
            raise GeometryError(
                "no seat faces the door (面门设座 impossible)",
                location=Location(field="door", value=door),
                hint="give feature_wall= (依景设座) or chair=",
            )
    if rule is ChairRule.FACE_DOOR and door is None:
        raise ValidationError("chair_rule 'face-door' needs door=", location=Location(field="door"))
    if feature_wall is not None:
        w = feature_wall
        backed = [s for s in cands if _faces_score(s, (2 * s.x - w[0], 2 * s.y - w[1])) >= face_cos]
        if backed:
            idx = _tolerant_order(
                range(len(backed)),
                [lambda i: _norm(_sub(_p(backed[i]), w)), lambda i: tie_key(backed[i])],
                [tol, 0.0],
            )
            return backed[idx[0]]
        raise GeometryError(
            "no seat has its back to the feature wall (依景设座 impossible)",
            location=Location(field="feature_wall", value=w),
            hint="give chair= (the chair's seat id)",
        )
    raise ValidationError(
        "no seat faces the door and no feature wall is given, so the chair's seat is unknown",
        location=Location(field="feature_wall"),
        hint="give feature_wall=(x, y) (the backdrop) or chair= (a seat id)",
    )


def rank_small_room(
    seats: Sequence[Seat],
    *,
    door: PointLike | None = None,
    convention: Convention | str = Convention.CN,
    chair: str | None = None,
    chair_rule: ChairRule | str = ChairRule.AUTO,
    feature_wall: PointLike | None = None,
    face_tolerance_deg: float = FACE_TOLERANCE_DEG,
    tolerance: float = MEETING_TOLERANCE,
) -> MeetingOrder:
    """Small meeting room without a dais (R-MTG-8).

    The chair takes the seat facing the main door (面门设座): among the seats
    whose facing is within ``face_tolerance_deg`` of the direction to the door,
    the one in the row farthest from the door, nearest the middle of that row. If
    no seat faces the door, the seat with its back to the feature wall (依景设座):
    the backed seat nearest ``feature_wall``. The others on the chair's row
    alternate outward, CN: first the chair's own left, then his right (R-MTG-8
    worked example: own left→right ``6 4 2 1 3 5 7``); seats on other rows (the
    opposite side of the table, …) follow, nearer the chair first, the chair's
    senior hand first at equal distance.

    Parameters
    ----------
    seats
        All seats of the room.
    door
        The main door (needed unless ``chair`` or ``feature_wall`` decides).
    convention
        ``"cn"`` (default; 以左为上) or ``"intl"`` (own right first).
    chair
        Seat id of the chair, to override the search.
    chair_rule
        ``"auto"`` (door, then feature wall), ``"face-door"``, ``"feature-wall"``.
    feature_wall
        A point on the main backdrop (字画, 背景墙), e.g. the middle of that wall.
    face_tolerance_deg
        How far off the exact direction a seat may point and still "face" the
        door (or have its back to the wall).
    tolerance
        Metres within which distances count as equal.

    Returns
    -------
    MeetingOrder
        ``hosts`` = everyone, chair first; role ``chair``.
    """
    ss = _seat_list(seats, "a meeting room")
    conv = _coerce(Convention, convention, "convention")
    rule = _coerce(ChairRule, chair_rule, "chair_rule")
    tol = _tolerance(tolerance, "tolerance")
    senior = _senior_hand(conv)
    if chair is not None:
        anchor = _by_id(ss, chair, "chair")
    else:
        anchor = _choose_chair(
            ss,
            ss,
            door=None if door is None else _point(door, "door"),
            rule=rule,
            feature_wall=None if feature_wall is None else _point(feature_wall, "feature_wall"),
            senior=senior,
            face_cos=math.cos(math.radians(_tolerance(face_tolerance_deg, "face_tolerance_deg"))),
            tol=tol,
        )
    fa = _f(anchor)
    rest = [s for s in ss if s.id != anchor.id]
    row = [
        s
        for s in rest
        if _dot(_f(s), fa) >= math.cos(math.radians(30))
        and abs(_dot(_sub(_p(s), _p(anchor)), fa)) <= ROW_TOLERANCE
    ]
    row_ids = {s.id for s in row}
    other = [s for s in rest if s.id not in row_ids]
    hv = _hand_vec(anchor, senior)
    idx = _tolerant_order(
        range(len(other)),
        [lambda i: _dist(anchor, other[i]), lambda i: -_dot(_sub(_p(other[i]), _p(anchor)), hv)],
        tol,
    )
    order = [anchor, *_centre_out_from(anchor, row, senior, tol), *(other[i] for i in idx)]
    return MeetingOrder(hosts=_ids(order), roles={"chair": anchor.id})


def rank_head_of_table(
    seats: Sequence[Seat],
    *,
    door: PointLike | None = None,
    convention: Convention | str = Convention.CN,
    chair: str | None = None,
    feature_wall: PointLike | None = None,
    face_tolerance_deg: float = FACE_TOLERANCE_DEG,
    tolerance: float = MEETING_TOLERANCE,
) -> MeetingOrder:
    """Chair at the head (short end) of a long table (R-MTG-10, low confidence).

    The chair is ``chair``, or the end seat (facing along the table) found as in
    :func:`rank_small_room` (facing the door, else back to the feature wall).
    The others sit along both long sides, alternating from the head: CN No.2 on
    the chair's own left, No.3 on his right, …; INTL the person of honour on
    his right first. A seat at the far end (in line with the chair) comes last —
    the rule book says it is usually left empty.

    Returns
    -------
    MeetingOrder
        ``hosts`` = everyone, chair first; role ``chair``.
    """
    ss = _seat_list(seats, "a long table", minimum=1)
    conv = _coerce(Convention, convention, "convention")
    tol = _tolerance(tolerance, "tolerance")
    senior = _senior_hand(conv)
    if chair is not None:
        anchor = _by_id(ss, chair, "chair")
    else:
        c2 = sum(math.cos(2 * math.radians(s.facing)) for s in ss)
        s2 = sum(math.sin(2 * math.radians(s.facing)) for s in ss)
        phi = math.atan2(s2, c2) / 2
        a = (math.cos(phi), math.sin(phi))
        ends = [s for s in ss if abs(_dot(_f(s), a)) <= 0.5]
        if not ends:
            raise GeometryError(
                "no seat at a short end of the table (head)",
                location=Location(field="seats"),
                hint="give chair= (the head seat's id)",
            )
        anchor = _choose_chair(
            ends,
            ss,
            door=None if door is None else _point(door, "door"),
            rule=ChairRule.AUTO,
            feature_wall=None if feature_wall is None else _point(feature_wall, "feature_wall"),
            senior=senior,
            face_cos=math.cos(math.radians(_tolerance(face_tolerance_deg, "face_tolerance_deg"))),
            tol=tol,
        )
    rest = [s for s in ss if s.id != anchor.id]
    order = [anchor, *_centre_out_from(anchor, rest, senior, ROW_TOLERANCE)]
    return MeetingOrder(hosts=_ids(order), roles={"chair": anchor.id})


# --------------------------------------------------------------------------------------
# one entry point for layout generators
# --------------------------------------------------------------------------------------


def rank_meeting_seats(
    seats: Sequence[Seat],
    *,
    kind: MeetingKind | str,
    door: PointLike | None = None,
    convention: Convention | str | None = None,
    even: EvenMode | str = EvenMode.V1,
    n_hosts: int | None = None,
    n_guests: int = 0,
    chair: str | None = None,
    feature_wall: PointLike | None = None,
    interpreters: TalksInterpreters | str = TalksInterpreters.AT_TABLE,
    second_beside_chief: bool = False,
    guest_hand: Hand | str = Hand.RIGHT,
) -> MeetingOrder:
    """Seat precedence for any :class:`MeetingKind` (dispatches to the ``rank_*`` functions).

    Parameters
    ----------
    seats
        The seats of the meeting (:class:`~seatplan.model.Seat`, with facing).
    kind
        :class:`MeetingKind` or its value.
    door
        The main door; required for every kind except SIGNING and PHOTO (and a
        small room / head of table with ``chair`` or ``feature_wall``).
    convention
        Handedness; default per kind: INTL for TALKS, INTL for a PHOTO with
        guests, CN otherwise. Not used by RECEPTION / RECEPTION_CENTRE /
        SAME_SIDE (see ``guest_hand``) and SIGNING.
    even
        Even-row mode for FACE_TO_FACE and a CN PHOTO (R-DAIS-4/5/6).
    n_hosts, n_guests
        Party sizes for PHOTO.
    chair, feature_wall
        For SMALL_ROOM and HEAD_OF_TABLE.
    interpreters, second_beside_chief
        For TALKS.
    guest_hand
        For RECEPTION and SAME_SIDE: the host's hand the guest (superior) sits
        at; RECEPTION_CENTRE: the centre person's hand on which the guests'
        row is; RECEPTION_CHAIR: the host's hand whose side comes first.

    Returns
    -------
    MeetingOrder
    """
    k = _coerce(MeetingKind, kind, "kind")
    needs_door = k not in (MeetingKind.SIGNING, MeetingKind.PHOTO) and not (
        k in (MeetingKind.SMALL_ROOM, MeetingKind.HEAD_OF_TABLE) and (chair is not None or feature_wall is not None)
    )
    if needs_door and door is None:
        raise ValidationError(
            f"meeting kind {k.value!r} needs the main door", location=Location(field="door"),
            hint="give door=(x, y)",
        )
    if k in (MeetingKind.RECEPTION, MeetingKind.SAME_SIDE):
        assert door is not None
        return rank_reception(seats, door=door, guest_hand=guest_hand)
    if k is MeetingKind.RECEPTION_CENTRE:
        assert door is not None
        return rank_reception_centre(seats, door=door, guest_hand=guest_hand)
    if k is MeetingKind.RECEPTION_CHAIR:
        assert door is not None
        return rank_reception_chair(
            seats, door=door, convention=Convention.CN if convention is None else convention, guest_hand=guest_hand
        )
    if k is MeetingKind.TALKS:
        assert door is not None
        return rank_talks(
            seats,
            door=door,
            convention=Convention.INTL if convention is None else convention,
            interpreters=interpreters,
            second_beside_chief=second_beside_chief,
        )
    if k is MeetingKind.FACE_TO_FACE:
        assert door is not None
        return rank_face_to_face(
            seats, door=door, convention=Convention.CN if convention is None else convention, even=even
        )
    if k is MeetingKind.SIGNING:
        return rank_signing(seats)
    if k is MeetingKind.PHOTO:
        return rank_photo(seats, convention=convention, n_hosts=n_hosts, n_guests=n_guests, even=even)
    conv = Convention.CN if convention is None else convention
    if k is MeetingKind.SMALL_ROOM:
        return rank_small_room(seats, door=door, convention=conv, chair=chair, feature_wall=feature_wall)
    return rank_head_of_table(seats, door=door, convention=conv, chair=chair, feature_wall=feature_wall)


# --------------------------------------------------------------------------------------
# golden sequences for documentation (computed through the geometry above)
# --------------------------------------------------------------------------------------


def _count(value: object, name: str, minimum: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ValidationError(
            f"{name} must be a whole number >= {minimum}, got {value!r}", location=Location(field=name, value=value)
        )
    return value


def _line(prefix: str, xs: Sequence[float], y: float, facing: float, row: int = 1) -> list[Seat]:
    return [
        Seat(f"{prefix}{k}", "meeting", row, k + 1, x=float(x), y=float(y), facing=facing) for k, x in enumerate(xs)
    ]


def _centred(n: int, pitch: float = 1.0) -> list[float]:
    return [(k - (n - 1) / 2) * pitch for k in range(n)]


def _read(seats: Sequence[Seat], labels: Mapping[str, str], *, reverse: bool) -> list[str]:
    ordered = sorted(seats, key=lambda s: s.x, reverse=reverse)
    return [labels[s.id] for s in ordered if s.id in labels]


def _label(order: Sequence[str], prefix: str) -> dict[str, str]:
    return {sid: f"{prefix}{k}" for k, sid in enumerate(order, start=1)}


def _frame(view: View | str, allowed: Sequence[View]) -> View:
    v = _coerce(View, view, "view")
    if v not in allowed:
        raise ValidationError(
            f"view {v.value!r} is not meaningful here; use one of {[a.value for a in allowed]}",
            location=Location(field="view", value=v.value),
        )
    return v


def reception_sequence(n_hosts: int, n_guests: int, *, view: View | str = View.PLAN) -> list[str]:
    """会见 row along the far wall, door at the bottom (R-MTG-1, T21).

    ``view="plan"`` (= the entrant's view): ``G3 G2 G1 H1 H2 H3``;
    ``view="stage"`` (the sitters' own left→right, facing the door): reversed.
    """
    h, g = _count(n_hosts, "n_hosts", 1), _count(n_guests, "n_guests", 1)
    v = _frame(view, (View.PLAN, View.AUDIENCE, View.STAGE))
    xs = [float(k) for k in range(-g, h)]
    seats = _line("s", xs, 5.0, 270.0)
    order = rank_reception(seats, door=(-0.5, 0.0))
    labels = {**_label(order.hosts, "H"), **_label(order.guests, "G")}
    return _read(seats, labels, reverse=v is View.STAGE)


def talks_sequences(
    n_hosts: int,
    n_guests: int,
    *,
    convention: Convention | str = Convention.INTL,
    interpreters: TalksInterpreters | str = TalksInterpreters.AT_TABLE,
    view: View | str = View.PLAN,
) -> tuple[list[str], list[str]]:
    """会谈 across the room, door at the bottom (R-MTG-3): ``(guest row, host row)``.

    ``GI``/``HI`` mark the interpreters. ``view="plan"``: both rows in plan
    left→right; ``view="stage"``: each row in its own sitters' left→right.
    """
    h, g = _count(n_hosts, "n_hosts", 1), _count(n_guests, "n_guests", 1)
    v = _frame(view, (View.PLAN, View.STAGE))
    it = _coerce(TalksInterpreters, interpreters, "interpreters")
    extra = 1 if it is TalksInterpreters.AT_TABLE else 0
    gs = _line("g", _centred(g + extra), 1.2, 270.0)
    hs = _line("h", _centred(h + extra), 0.0, 90.0)
    order = rank_talks(gs + hs, door=(0.0, -6.0), convention=convention, interpreters=it)
    labels = {**_label(order.hosts, "H"), **_label(order.guests, "G")}
    if "host_interpreter" in order.roles:
        labels[order.roles["host_interpreter"]] = "HI"
    if "guest_interpreter" in order.roles:
        labels[order.roles["guest_interpreter"]] = "GI"
    return _read(gs, labels, reverse=v is View.STAGE), _read(hs, labels, reverse=False)


def face_to_face_sequences(
    n_superiors: int,
    n_hosts: int,
    *,
    convention: Convention | str = Convention.CN,
    even: EvenMode | str = EvenMode.V1,
    view: View | str = View.STAGE,
) -> tuple[list[str], list[str]]:
    """对坐式 across the room, door at the bottom (R-MTG-9): ``(superior row, host row)``.

    ``view="stage"`` (default): each row in its own sitters' left→right
    (``S4 S2 S1 S3 S5`` / ``H4 H2 H1 H3 H5``); ``view="plan"``: plan left→right.
    """
    s_n, h = _count(n_superiors, "n_superiors", 1), _count(n_hosts, "n_hosts", 1)
    v = _frame(view, (View.PLAN, View.STAGE))
    ss = _line("s", _centred(s_n), 1.2, 270.0)
    hs = _line("h", _centred(h), 0.0, 90.0)
    order = rank_face_to_face(ss + hs, door=(0.0, -6.0), convention=convention, even=even)
    labels = {**_label(order.hosts, "H"), **_label(order.guests, "S")}
    return _read(ss, labels, reverse=v is View.STAGE), _read(hs, labels, reverse=False)


def signing_sequence(n_hosts: int, n_guests: int, *, view: View | str = View.STAGE) -> list[str]:
    """Standing row at a 签字仪式 (R-MTG-6, T23), with ``‖`` at the centre line.

    ``view="stage"`` (the signers' own left→right): ``H4 H3 H2 H1 ‖ G1 G2 G3 G4``;
    ``view="audience"`` (cameras): reversed.
    """
    h, g = _count(n_hosts, "n_hosts", 0), _count(n_guests, "n_guests", 0)
    v = _frame(view, (View.STAGE, View.AUDIENCE, View.PLAN))
    chairs = _line("c", [-0.8, 0.8], 1.0, 270.0)
    spots = _line("p", [k + 0.5 for k in range(-g, h)], 2.0, 270.0, row=2)  # facing -y: own left is +x
    order = rank_signing(chairs + spots)
    labels = {**_label(order.hosts, "H"), **_label(order.guests, "G")}
    seq = _read(spots, labels, reverse=v is View.STAGE)
    cut = sum(1 for x in seq if x[0] == ("H" if v is View.STAGE else "G"))
    return [*seq[:cut], "‖", *seq[cut:]]


def photo_sequence(
    n_hosts: int,
    n_guests: int = 0,
    *,
    convention: Convention | str | None = None,
    even: EvenMode | str = EvenMode.V1,
    view: View | str = View.AUDIENCE,
) -> list[str]:
    """One row of a 合影 (R-MTG-7, T24) in camera view (``"audience"``) or own view (``"stage"``).

    With guests (INTL): labels ``H1…``/``G1…``; one party: rank numbers as text.
    """
    h, g = _count(n_hosts, "n_hosts", 0), _count(n_guests, "n_guests", 0)
    v = _frame(view, (View.AUDIENCE, View.STAGE, View.PLAN))
    spots = _line("p", _centred(h + g), 0.0, 270.0)  # facing the camera at -y; own left is +x
    order = rank_photo(spots, convention=convention, n_hosts=h, n_guests=g, even=even)
    if order.guests:
        labels = {**_label(order.hosts, "H"), **_label(order.guests, "G")}
    else:
        labels = {sid: str(k) for k, sid in enumerate(order.hosts, start=1)}
    return _read(spots, labels, reverse=v is View.STAGE)


def small_room_sequence(
    n: int, *, convention: Convention | str = Convention.CN, view: View | str = View.STAGE
) -> list[int]:
    """Ranks along the chair's side of a small-room table (R-MTG-8), chair facing the door.

    ``view="stage"`` (the sitters' own left→right, default): ``6 4 2 1 3 5 7``
    for 7 (CN); ``view="plan"``/``"audience"`` (door at the bottom): reversed.
    """
    m = _count(n, "n", 1)
    v = _frame(view, (View.STAGE, View.PLAN, View.AUDIENCE))
    seats = _line("s", _centred(m, 0.7), 2.0, 270.0)
    order = rank_small_room(seats, door=(0.0, -3.0), convention=convention)
    labels = {sid: str(k) for k, sid in enumerate(order.hosts, start=1)}
    return [int(x) for x in _read(seats, labels, reverse=v is View.STAGE)]


def reception_centre_sequence(
    n_hosts: int, n_guests: int, *, guest_hand: Hand | str = Hand.RIGHT, view: View | str = View.PLAN
) -> list[str]:
    """会见 in the centre form, door at the bottom (R-MTG-2), read round the U.

    The centre person (``H1``) sits at the far wall facing the door; the guest
    row runs from beside him towards the door on his ``guest_hand``, the host
    row on the other side. ``view="plan"`` (= the entrant's view, and the
    camera's at the door): up the PV-left row, the centre, down the PV-right
    row — ``G3 G2 G1 H1 H2 H3``; ``view="stage"`` (the centre person's own
    left→right): reversed.
    """
    h, g = _count(n_hosts, "n_hosts", 1), _count(n_guests, "n_guests", 1)
    v = _frame(view, (View.PLAN, View.AUDIENCE, View.STAGE))
    hand = _coerce(Hand, guest_hand, "guest_hand")
    centre = Seat("c", "meeting", 1, 1, x=0.0, y=5.0, facing=270.0)
    g_x, h_x = (-1.0, 1.0) if hand is Hand.RIGHT else (1.0, -1.0)  # facing the door, his right is -x
    gs = [Seat(f"g{k}", "meeting", 1, k + 1, x=g_x, y=4.2 - 0.8 * k, facing=0.0 if g_x < 0 else 180.0) for k in range(g)]
    hs = [
        Seat(f"h{k}", "meeting", 1, k + 1, x=h_x, y=4.2 - 0.8 * k, facing=0.0 if h_x < 0 else 180.0) for k in range(h - 1)
    ]
    order = rank_reception_centre([centre, *gs, *hs], door=(0.0, 0.0), guest_hand=hand)
    labels = {**_label(order.hosts, "H"), **_label(order.guests, "G")}
    west = sorted((s for s in gs + hs if s.x < 0), key=lambda s: s.y)
    east = sorted((s for s in gs + hs if s.x > 0), key=lambda s: -s.y)
    seq = [labels[s.id] for s in (*west, centre, *east)]
    return seq[::-1] if v is View.STAGE else seq


def reception_chair_sequences(
    n_hosts: int,
    parties: Sequence[int],
    *,
    convention: Convention | str = Convention.CN,
    guest_hand: Hand | str = Hand.RIGHT,
    view: View | str = View.PLAN,
) -> tuple[list[str], list[str]]:
    """会见 in the chair form, door at the bottom (R-MTG-2): ``(host row, visitors' row)``.

    The host row sits at the far side facing the door, the visiting parties
    (labels ``A1…``, ``B1…`` in precedence order) in one row opposite, backs to
    the door, laid out as :func:`party_block_offsets` does about the line
    through the host chief (the first party on the host's ``guest_hand``). ``view="plan"``: both rows in plan
    left→right; ``view="stage"``: each row in its own sitters' left→right.
    """
    h = _count(n_hosts, "n_hosts", 1)
    sizes = [_count(n, "parties", 1) for n in parties]
    if not sizes:
        raise ValidationError("parties: give the size of at least one visiting party", location=Location(field="parties"))
    v = _frame(view, (View.PLAN, View.STAGE))
    hand = _coerce(Hand, guest_hand, "guest_hand")
    hs = _line("h", _centred(h, 0.8), 2.0, 270.0)
    first = -1.0 if hand is Hand.RIGHT else 1.0  # the host faces -y: his right is -x

    def scene(axis: float) -> tuple[list[Seat], MeetingOrder]:
        # the visitors' blocks are laid about the line through the host chief (as the layout does)
        blocks: list[list[str]] = []
        vs: list[Seat] = []
        for k, offsets in enumerate(party_block_offsets(sizes, pitch=0.8)):
            row = [
                Seat(f"v{k}-{j}", "meeting", 1, j + 1, x=round(axis + first * o, 9) + 0.0, y=0.0, facing=90.0)
                for j, o in enumerate(offsets)
            ]
            vs += row
            blocks.append([s.id for s in row])
        return vs, rank_reception_chair(
            hs + vs, door=(0.0, -5.0), blocks=blocks, convention=convention, guest_hand=hand
        )

    vs, order = scene(0.0)
    chief_x = next(s.x for s in hs if s.id == order.roles["host"])
    if chief_x:
        vs, order = scene(chief_x)
    labels = _label(order.hosts, "H")
    for k, block in enumerate(order.parties):
        labels.update(_label(block, chr(ord("A") + k)))
    return _read(hs, labels, reverse=v is View.STAGE), _read(vs, labels, reverse=False)


# --------------------------------------------------------------------------------------
# 多边会谈: multilateral talks at a round or square table (R-MTG-5)
# --------------------------------------------------------------------------------------


#: Leading articles ignored when state names are sorted ("the Netherlands" under N, "la France" under F).
_ARTICLES: Mapping[ProtocolLanguage, tuple[str, ...]] = {
    ProtocolLanguage.EN: ("the ",),
    ProtocolLanguage.FR: ("les ", "la ", "le ", "l'", "l’"),
}


def _collation_key(name: str, language: ProtocolLanguage) -> tuple[str, str]:
    folded = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold().strip()
    for article in _ARTICLES[language]:
        if folded.startswith(article):
            folded = folded[len(article) :].lstrip()
            break
    return (folded, name)


def order_delegations(
    names: Sequence[str],
    *,
    language: ProtocolLanguage | str = ProtocolLanguage.EN,
    order: Sequence[str] | None = None,
) -> list[str]:
    """Order delegations of a multilateral meeting (R-MTG-5).

    Precedence among states follows the alphabetical order of their names in the
    host's protocol language (Convention on Special Missions art. 16; UN practice:
    English, French at Francophonie events). Sorting ignores case, accents and a
    leading article ("the", "le/la/les/l'"). The names are compared as given:
    write them in the protocol language.

    Parameters
    ----------
    names
        Delegation (state) names; duplicates are dropped.
    language
        ``"en"`` (default) or ``"fr"``.
    order
        An agreed order given explicitly (every name must appear in it); it
        replaces the alphabetical order.

    Returns
    -------
    list of str
        The names, most senior first.

    Raises
    ------
    ValidationError
        If ``language`` is unknown or ``order`` misses or repeats a name.

    Examples
    --------
    >>> order_delegations(["Viet Nam", "the Netherlands", "Ägypten", "Brazil"])
    ['Ägypten', 'Brazil', 'the Netherlands', 'Viet Nam']
    """
    try:
        lang = ProtocolLanguage(language)
    except ValueError:
        raise ValidationError(
            f"unknown protocol language {language!r}",
            location=Location(field="language", value=language),
            hint="use " + " or ".join(repr(v.value) for v in ProtocolLanguage),
        ) from None
    unique = list(dict.fromkeys(names))
    if order is None:
        return sorted(unique, key=lambda n: _collation_key(n, lang))
    given = list(order)
    repeated = sorted({n for n in given if given.count(n) > 1})
    missing = [n for n in unique if n not in given]
    if repeated or missing:
        what = f"repeats {repeated}" if repeated else f"does not name {missing}"
        raise ValidationError(
            f"the delegation order {what}",
            location=Location(field="delegation_order", value=", ".join(given)),
            hint="list every delegation exactly once, as written in the attendee list",
        )
    return [n for n in given if n in unique]


#: Facing scores (cosines) within this of each other count as "facing the door alike".
_FACE_TIE = 1e-4


#: Chairs whose facings differ by less than this (degrees) sit on one side of a square table.
_SIDE_ANGLE_DEG = 1.0


def _table_sides(seats: Sequence[Seat]) -> list[list[Seat]]:
    """Group chairs that face the same way (one side of a square table; a single chair at a round one)."""
    cos_tol = math.cos(math.radians(_SIDE_ANGLE_DEG))
    sides: list[list[Seat]] = []
    for s in seats:
        for side in sides:
            if _dot(_f(side[0]), _f(s)) >= cos_tol:
                side.append(s)
                break
        else:
            sides.append([s])
    return sides


def rank_round_table(seats: Sequence[Seat], *, door: PointLike) -> list[str]:
    """Order the chairs round a round or square table for multilateral talks (R-MTG-5).

    A round or square table has no head; the seats are numbered from the
    place that faces the main door, then **clockwise as seen on the plan**
    (door at the bottom: from the far side of the table to the right, down,
    and back up the left), i.e. towards that first sitter's own left.
    Delegations in :func:`order_delegations` order take the seats in this
    order.

    Seat 1 is found in three steps:

    1. The table's *sides* are the groups of chairs facing the same way: the
       four sides of a square table, each chair of a round table on its own.
       The side that faces the door is the one whose facing points most
       directly from the middle of its chairs to the door (ties: the side
       nearer the door). It is the whole side that faces the door, so a door
       off the table's axis does not move seat 1 along the far side.
    2. On that side, the chair in the middle; when two chairs share the
       middle (an even number on the far side of a square table), the one
       from which the other follows clockwise — on the left of the plan, the
       sitters' own right.
    3. When two sides face the door alike (a round table with the door
       between two chairs), the same rule picks among their chairs.

    Parameters
    ----------
    seats
        The chairs at the table (all facing the table centre).
    door
        The main door (plan point).

    Returns
    -------
    list of str
        Seat ids, seat 1 first.

    Raises
    ------
    ValidationError
        If ``seats`` is empty or repeats an id.

    Examples
    --------
    >>> from seatplan.model import Seat
    >>> far = [Seat(f"f{k}", "t", 1, k + 1, x=x, y=1.0, facing=270.0) for k, x in enumerate((-0.5, 0.5))]
    >>> near = [Seat(f"n{k}", "t", 1, k + 1, x=x, y=-1.0, facing=90.0) for k, x in enumerate((-0.5, 0.5))]
    >>> rank_round_table(far + near, door=(0.0, -5.0))      # far side PV-left first, then clockwise
    ['f0', 'f1', 'n1', 'n0']
    >>> rank_round_table(far + near, door=(0.8, -5.0))      # the door off the axis: the same far side, the same seat 1
    ['f0', 'f1', 'n1', 'n0']
    """
    ss = _seat_list(seats, "rank_round_table")
    d = _point(door, "door")
    cx, cy = _centroid(ss)

    def clockwise(a: Seat, b: Seat) -> float:
        """Clockwise angle (plan) from seat ``a`` to seat ``b`` round the centre, in [0, 2π)."""
        ta, tb = math.atan2(a.y - cy, a.x - cx), math.atan2(b.y - cy, b.x - cx)
        return round((ta - tb) % (2 * math.pi), 9) % (2 * math.pi)

    def lead(cands: Sequence[Seat]) -> Seat:
        """Of chairs tied for seat 1, the one from which the others follow clockwise."""
        return min(cands, key=lambda a: (round(max(clockwise(a, b) for b in cands), 6), a.id))

    def faces(side: Sequence[Seat]) -> float:
        """How squarely the side faces the door: cosine of its facing and the direction to the door."""
        mid = _centroid(side)
        v = _sub(d, mid)
        n = _norm(v)
        return 1.0 if n < 1e-9 else _dot(_f(side[0]), (v[0] / n, v[1] / n))

    def middle(side: Sequence[Seat]) -> Seat:
        """The chair in the middle of a side; of a central pair, the one the other follows clockwise."""
        mid = _centroid(side)
        near = min(math.hypot(s.x - mid[0], s.y - mid[1]) for s in side)
        return lead([s for s in side if math.hypot(s.x - mid[0], s.y - mid[1]) <= near + MEETING_TOLERANCE])

    sides = _table_sides(ss)
    best = max(faces(side) for side in sides)
    cands = [side for side in sides if faces(side) >= best - _FACE_TIE]
    nearest = min(_norm(_sub(d, _centroid(side))) for side in cands)
    cands = [side for side in cands if _norm(_sub(d, _centroid(side))) <= nearest + MEETING_TOLERANCE]
    first = lead([middle(side) for side in cands])
    return [s.id for s in sorted(ss, key=lambda s: (clockwise(first, s), s.id))]


def split_square_sides(n: int) -> tuple[int, int, int, int]:
    """Chairs on each side of a square table for ``n`` delegations (R-MTG-5: no head).

    The sides are given clockwise on the plan from the far side (the side
    facing the door): ``(far, right, near, left)``, "right"/"left" as seen by
    someone walking in. Every side gets ``n // 4``; the remainder goes first to
    the far side, then to the near side (two left over: the table stays
    symmetric about the door's axis), and with three left over to the far,
    right and left sides.

    Parameters
    ----------
    n
        Number of chairs at the table, at least 2.

    Returns
    -------
    tuple of int
        ``(far, right, near, left)``.

    Examples
    --------
    >>> split_square_sides(5), split_square_sides(6), split_square_sides(7), split_square_sides(8)
    ((2, 1, 1, 1), (2, 1, 2, 1), (2, 2, 1, 2), (2, 2, 2, 2))
    """
    m = _count(n, "n", 2)
    q, r = divmod(m, 4)
    extra = {0: (0, 0, 0, 0), 1: (1, 0, 0, 0), 2: (1, 0, 1, 0), 3: (1, 1, 0, 1)}[r]
    far, right, near, left = (q + e for e in extra)
    return (far, right, near, left)


def rank_behind(
    head: Seat,
    seats: Sequence[Seat],
    *,
    convention: Convention | str = Convention.INTL,
    tolerance: float = MEETING_TOLERANCE,
) -> list[str]:
    """Order the chairs behind one head of delegation (R-MTG-5, R-MTG-3 back row).

    Nearest to the head first, so the chair straight behind him (in line with
    his chair) is the most senior — the centre above the sides, as on a dais
    (R-DAIS-1). At equal distance (within ``tolerance``) the chair on the
    head's senior hand comes first (own right under ``intl``, own left under
    ``cn``, rule book §0.2). A row or arc centred on the head is thus read
    from the middle outward, senior hand first — in the head's own view
    ``4 2 1 3 5`` (``cn``) or ``5 3 1 2 4`` (``intl``); with an even number of
    chairs the two either side of his line come first.

    Parameters
    ----------
    head
        The head of delegation's chair at the table.
    seats
        The chairs behind him.
    convention
        ``"intl"`` or ``"cn"``.
    tolerance
        Distances (metres) closer than this count as equal.

    Returns
    -------
    list of str
        Seat ids, most senior first.

    Raises
    ------
    ValidationError
        If ``seats`` repeats an id, ``convention`` is unknown or ``tolerance``
        is negative.

    Examples
    --------
    >>> from seatplan.model import Seat
    >>> head = Seat("h", "t", 1, 1, x=0.0, y=1.0, facing=270.0)  # faces the door: own right is -x
    >>> row = [Seat(f"b{k}", "t", 2, k + 1, x=x, y=2.1, facing=270.0) for k, x in enumerate((-1.4, -0.7, 0.0, 0.7, 1.4))]
    >>> rank_behind(head, row, convention="intl")
    ['b2', 'b1', 'b3', 'b0', 'b4']
    >>> rank_behind(head, row, convention="cn")
    ['b2', 'b3', 'b1', 'b4', 'b0']
    """
    ss = _seat_list(seats, "rank_behind", minimum=0)
    tol = _tolerance(tolerance, "tolerance")
    hv = _hand_vec(head, _senior_hand(_coerce(Convention, convention, "convention")))
    a = _p(head)

    def senior_side(i: int) -> float:
        """0 on the senior hand, 1 in line with the head, 2 on the other hand."""
        d = _dot(_sub(_p(ss[i]), a), hv)
        return 0.0 if d > tol else 2.0 if d < -tol else 1.0

    order = _tolerant_order(range(len(ss)), [lambda i: _dist(head, ss[i]), senior_side], [tol, 0.5])
    return [ss[i].id for i in order]
