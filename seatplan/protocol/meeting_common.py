"""What the meeting precedence modules share: hands, the result type, seat geometry.

The occasions live in :mod:`~seatplan.protocol.reception` (会见),
:mod:`~seatplan.protocol.talks` (会谈), :mod:`~seatplan.protocol.signing` (签字),
:mod:`~seatplan.protocol.photo` (合影) and :mod:`~seatplan.protocol.meeting_room`
(small meeting rooms), with one entry point for all of them in
:mod:`~seatplan.protocol.meeting_kinds`.

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

The ``*_sequence`` helpers of each occasion build a small reference room (door at
the bottom), run the ranking functions on it and read the result back left→right
in the requested frame (with :func:`_line`, :func:`_read` and :func:`_frame`
below): they document the rules and are tested against the golden vectors
T21-T24 of the rule book.

Two-sided tables (会谈 R-MTG-3/4, 对坐式 R-MTG-9) share :func:`_rank_two_sided`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import pairwise

from seatplan.errors import GeometryError, Location, ValidationError
from seatplan.model.enums import Convention, EvenMode, View
from seatplan.model.enums import coerce_choice as _coerce
from seatplan.model.rooms import Hand, TableOrientation
from seatplan.model.seats import Seat
from seatplan.protocol.geometry import (
    Point,
    _angle_unit,
    _ccw,
    _dot,
    _norm,
    _sub,
    _tolerant_order,
    _unit,
)

__all__ = [
    "FACE_TOLERANCE_DEG",
    "MEETING_TOLERANCE",
    "ROW_TOLERANCE",
    "Hand",
    "MeetingOrder",
    "TableOrientation",
    "TalksInterpreters",
]


# --------------------------------------------------------------------------------------
# hands, tolerances and the result
# --------------------------------------------------------------------------------------


class TalksInterpreters(StrEnum):
    """Where the interpreters sit at 会谈 (R-MTG-3)."""

    AT_TABLE = "at-table"  # Chinese practice: host interpreter at the host chief's right
    BEHIND = "behind"  # some countries: interpreters behind the chiefs, not at the table


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
    gaps = [b - a for a, b in pairwise(srt) if b - a > 1e-9]
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
    gaps = [b - a for a, b in pairwise(srt) if b - a > 1e-9]
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


# --------------------------------------------------------------------------------------
# building and reading the reference rooms of the ``*_sequence`` helpers
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
