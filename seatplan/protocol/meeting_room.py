"""Seat precedence in a small meeting room: R-MTG-8, 对坐式 (R-MTG-9), head of a long table (R-MTG-10).

The chair faces the door or has his back to the feature wall (:func:`rank_small_room`),
sits at the short end (:func:`rank_head_of_table`), or two units face each other
across the table (:func:`rank_face_to_face`). Frames as in
:mod:`seatplan.protocol.meeting_common`.

Examples
--------
>>> small_room_sequence(7)                           # R-MTG-8, chair's own view
[6, 4, 2, 1, 3, 5, 7]
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from enum import StrEnum

from seatplan.errors import GeometryError, Location, ValidationError
from seatplan.model.enums import Convention, EvenMode, View
from seatplan.model.enums import coerce_choice as _coerce
from seatplan.model.seats import Seat
from seatplan.protocol.geometry import (
    Point,
    PointLike,
    _ccw,
    _dot,
    _norm,
    _point,
    _sub,
    _tolerance,
    _tolerant_order,
    _unit,
)
from seatplan.protocol.meeting_common import (
    FACE_TOLERANCE_DEG,
    MEETING_TOLERANCE,
    ROW_TOLERANCE,
    Hand,
    MeetingOrder,
    TableOrientation,
    TalksInterpreters,
    _by_id,
    _centre_out_from,
    _centred,
    _centroid,
    _count,
    _dist,
    _f,
    _faces_score,
    _frame,
    _hand_vec,
    _ids,
    _label,
    _line,
    _p,
    _rank_two_sided,
    _read,
    _seat_list,
    _senior_hand,
)

__all__ = [
    "ChairRule",
    "face_to_face_sequences",
    "rank_face_to_face",
    "rank_head_of_table",
    "rank_small_room",
    "small_room_sequence",
]


class ChairRule(StrEnum):
    """How the chair of a small meeting is found (R-MTG-8)."""

    AUTO = "auto"  # facing the door if a seat does, else back to the feature wall
    FACE_DOOR = "face-door"  # 面门设座
    FEATURE_WALL = "feature-wall"  # 依景设座


# --------------------------------------------------------------------------------------
# 对坐式 (R-MTG-9): two units face each other across the table
# --------------------------------------------------------------------------------------


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
# reference sequences (documentation; golden vectors of the rule book)
# --------------------------------------------------------------------------------------


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
