"""Seat precedence at a 会见 (reception): R-MTG-1, R-MTG-2 and 同侧平坐式 (R-MTG-9).

Side by side (并列式, :func:`rank_reception`), the principal alone at the centre
(居中式, :func:`rank_reception_centre`) and the host facing visiting parties
(主席式, :func:`rank_reception_chair`). Frames as in :mod:`seatplan.protocol.meeting_common`.

Examples
--------
>>> reception_sequence(3, 3)                         # T21, plan view
['G3', 'G2', 'G1', 'H1', 'H2', 'H3']
>>> reception_centre_sequence(3, 3)                  # R-MTG-2 居中式, plan view round the U
['G3', 'G2', 'G1', 'H1', 'H2', 'H3']
>>> reception_chair_sequences(3, [2, 2])             # R-MTG-2 主席式, plan view: host row, visitors
(['H3', 'H1', 'H2'], ['A2', 'A1', 'B1', 'B2'])
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from seatplan.errors import GeometryError, Location, ValidationError
from seatplan.model.enums import Convention, View
from seatplan.model.enums import coerce_choice as _coerce
from seatplan.model.rooms import RECEPTION_FORM_NAMES, ReceptionForm
from seatplan.model.seats import Seat, SeatTag
from seatplan.protocol.geometry import (
    Point,
    PointLike,
    _dot,
    _point,
    _sub,
    _tolerance,
    _tolerant_order,
    _unit,
)
from seatplan.protocol.meeting_common import (
    _INTERPRETER_REACH,
    FACE_TOLERANCE_DEG,
    MEETING_TOLERANCE,
    ROW_TOLERANCE,
    Hand,
    MeetingOrder,
    _by_distance,
    _by_id,
    _centre_out_from,
    _centred,
    _count,
    _dist,
    _f,
    _faces_score,
    _frame,
    _group_rows,
    _hand_vec,
    _ids,
    _label,
    _line,
    _mean_unit,
    _p,
    _pick_anchor,
    _read,
    _seat_list,
    _senior_hand,
)

__all__ = [
    "RECEPTION_FORM_NAMES",
    "ReceptionForm",
    "party_block_offsets",
    "rank_reception",
    "rank_reception_centre",
    "rank_reception_chair",
    "reception_centre_sequence",
    "reception_chair_sequences",
    "reception_sequence",
]


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
        back = [s for s in rest if s.row > front_row or SeatTag.INTERPRETER in s.tags]
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
        return s.row > front_row or SeatTag.INTERPRETER in s.tags

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


def _visitor_blocks(visitors: Sequence[Seat], blocks: Sequence[Sequence[str]] | None) -> list[list[Seat]]:
    """The visitors' seats of each block (主席式); every visitor seat in exactly one block."""
    if blocks is None:
        return [list(visitors)]
    by_id = {s.id: s for s in visitors}
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
    return groups


@dataclass(frozen=True)
class _Axis:
    """The line through the host chief along his facing ("主人面对…来宾"), 主席式.

    ``facing`` is the chief's facing, ``side`` his own ``guest_hand``.
    """

    origin: Point
    facing: Point
    side: Point

    def depth(self, s: Seat) -> float:
        """How far ``s`` is from the chief along his facing."""
        return _dot(_sub(_p(s), self.origin), self.facing)

    def lateral(self, s: Seat) -> float:
        """How far ``s`` is from the axis, positive on the chief's ``guest_hand`` side."""
        return _dot(_sub(_p(s), self.origin), self.side)


#: A visitor block, ordered: (depth of its front row, distance of its front row from the axis,
#: 0 on the host's guest_hand side or across the axis / 1 on the other side, its seats in order).
_Block = tuple[float, float, int, list[Seat]]


def _order_block(group: Sequence[Seat], axis: _Axis, senior: Hand, tol: float) -> _Block:
    """One visitor block's seats in precedence order (chief first) and where the block stands.

    Beside the axis, the chief sits at the axis end and the others follow outward; across the
    axis, the front row is ordered centre-out like the host row. The back-row chairs follow,
    nearest the chief first.
    """
    depth, lateral = axis.depth, axis.lateral
    near = min(depth(s) for s in group)
    front = [s for s in group if depth(s) <= near + ROW_TOLERANCE]
    rear = [s for s in group if depth(s) > near + ROW_TOLERANCE]
    lats = [lateral(s) for s in front]
    across = max(lats) > tol and min(lats) < -tol
    reach = 0.0 if across else min(abs(x) for x in lats)
    side = 0 if across or sum(lats) > 0 else 1  # 0: on the host's guest_hand side
    if across:
        anchor = _pick_anchor(front, senior, axis.origin)
        row = [anchor, *_centre_out_from(anchor, [s for s in front if s.id != anchor.id], senior, tol)]
    else:
        idx = _tolerant_order(
            range(len(front)), [lambda i: abs(lateral(front[i])), lambda i: depth(front[i])], tol
        )
        row = [front[i] for i in idx]
    head = row[0]
    idx = _tolerant_order(
        range(len(rear)), [lambda i: _dist(head, rear[i]), lambda i: abs(lateral(rear[i]))], tol
    )
    return (near, reach, side, [*row, *(rear[i] for i in idx)])


def _order_parties(blocks: list[_Block], tol: float) -> list[tuple[str, ...]]:
    """Seat ids of each block, blocks in precedence order.

    Rows of blocks: nearest the host first. Within a row the blocks are counted outward from
    the axis on each side: the first on the host's guest_hand side, then the first on the other
    side, then the second on the guest_hand side, and so on.
    """
    blocks = sorted(blocks, key=lambda t: t[0])
    bands: list[list[_Block]] = []
    for info in blocks:
        if bands and info[0] - bands[-1][0][0] <= ROW_TOLERANCE:
            bands[-1].append(info)
        else:
            bands.append([info])
    return [_ids(block[3]) for band in bands for block in _order_band(band, tol)]


def _order_band(band: list[_Block], tol: float) -> list[_Block]:
    """The blocks of one row, counted outward from the axis on each side, guest_hand side first."""
    ring: dict[int, int] = {}
    for side in (0, 1):
        mine = [i for i in range(len(band)) if band[i][2] == side]
        for k, i in enumerate(_tolerant_order(mine, [lambda i: band[i][1]], tol)):
            ring[i] = k
    return [band[i] for i in sorted(range(len(band)), key=lambda i: (ring[i], band[i][2], i))]


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
    axis = _Axis(_p(chief), _f(chief), _hand_vec(chief, hand))
    ordered = [_order_block(group, axis, senior, tol) for group in _visitor_blocks(visitors, blocks)]
    parties = _order_parties(ordered, tol)
    roles["guest"] = parties[0][0]
    return MeetingOrder(
        hosts=(chief.id, *_ids(h_row), *_ids(h_back)),
        guests=tuple(sid for p in parties for sid in p),
        roles=roles,
        parties=tuple(parties),
    )


# --------------------------------------------------------------------------------------
# reference sequences (documentation; golden vectors of the rule book)
# --------------------------------------------------------------------------------------


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
