"""Seat precedence at 会谈 (talks): a long table (R-MTG-3/4) and multilateral talks (R-MTG-5).

Bilateral talks at a two-sided table (:func:`rank_talks`); multilateral talks at a
round or square table without a head (:func:`rank_round_table`,
:func:`split_square_sides`), the delegations in the protocol language's order
(:func:`order_delegations`) and each delegation's back row (:func:`rank_behind`).
Frames as in :mod:`seatplan.protocol.meeting_common`.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Mapping, Sequence

from seatplan.errors import Location, ValidationError
from seatplan.model.enums import Convention, EvenMode, View
from seatplan.model.enums import coerce_choice as _coerce
from seatplan.model.rooms import ProtocolLanguage
from seatplan.model.seats import Seat
from seatplan.protocol.geometry import (
    PointLike,
    _dot,
    _norm,
    _point,
    _sub,
    _tolerance,
    _tolerant_order,
)
from seatplan.protocol.meeting_common import (
    MEETING_TOLERANCE,
    MeetingOrder,
    TableOrientation,
    TalksInterpreters,
    _centred,
    _centroid,
    _count,
    _dist,
    _f,
    _frame,
    _hand_vec,
    _label,
    _line,
    _p,
    _rank_two_sided,
    _read,
    _seat_list,
    _senior_hand,
)

__all__ = [
    "ProtocolLanguage",
    "order_delegations",
    "rank_behind",
    "rank_round_table",
    "rank_talks",
    "split_square_sides",
    "talks_sequences",
]


# --------------------------------------------------------------------------------------
# 会谈 at a long table (R-MTG-3/4)
# --------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------
# reference sequences (documentation; golden vectors of the rule book)
# --------------------------------------------------------------------------------------


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
