"""Western long banquet tables: French and English style, couples split (R-BNQ-12).

One rectangular table seats everybody. The host and the hostess are the two anchors:

* **French style** — host and hostess face each other at the middle of the two long sides;
* **English style** — host and hostess sit at the two ends, facing each other down the table.

Places rank by closeness to an anchor, counted in places round the table, and at equal
closeness in the order *host's right, hostess's right, host's left, hostess's left*. With men and
women this gives the rule of the US Navy source quoted in R-BNQ-12: the senior woman at the
host's right, the senior man at the hostess's right, the next woman at the host's left, the
next man at the hostess's left, and outward alternately, so that men and women alternate along
each side (in French style also across the table; an English table of 8, 12, 16 … people has one
pair of women and one of men side by side in the middle). Spouses and partners are not seated
next to or directly across from each other, unless the couple is marked as newly-wed or engaged.

Everything is computed from seat geometry (position and facing, architecture §3): the places
are ordered round the table by angle, and each anchor's right hand is his own, from his facing.
A table rotated or moved in the room therefore gets the same ranks.

Place names (used by :func:`long_table_sequence` and in ``docs/banquet.md``):
``H`` the host, ``S`` the hostess, ``R1``, ``R2``, … the places at the host's right counted
from him, ``L1``… at his left, ``SR1``… and ``SL1``… at the hostess's right and left.

Choices where R-BNQ-12 is silent
--------------------------------
* The places are meant for the opposite gender of the nearer anchor at odd distances and the
  same gender at even ones; the host is taken as a man unless his 性别 says otherwise, and the
  hostess as the other gender. So with a woman host and her husband as the "hostess", the senior
  man sits at her right. A blank 性别 of the host or the hostess takes this default (a blank
  host whose hostess is marked a man is a woman) and does not stop the alternation
  (:func:`anchor_genders`).
* An English table of an odd number cannot alternate all the way round; the seating is kept
  and a warning names the two people of one gender who sit side by side.
* ``convention`` (``cn`` / ``intl``) does not mirror a Western table: its right-hand precedence is
  the international one, which Chinese practice also follows at table (R-BNQ-7).
* Newly-wed or engaged couples (tag ``新婚``, ``订婚``, ``newlywed``, ``engaged``) may sit
  together; they are not placed together on purpose.

Examples
--------
>>> long_table_sequence(10, style="french")[:6]
[('H', 'H'), ('S', 'S'), ('R1', 'W1'), ('SR1', 'M1'), ('L1', 'W2'), ('SL1', 'M2')]
>>> [p for p, _ in long_table_sequence(6, style="english", genders=False)]
['H', 'S', 'R1', 'SR1', 'L1', 'SL1']
>>> parse_gender("女"), parse_gender("M"), parse_gender("?")
(<Gender.FEMALE: 'female'>, <Gender.MALE: 'male'>, None)
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from seatplan.errors import GeometryError, Location, ValidationError
from seatplan.model.attendees import Attendee
from seatplan.model.banquet import BanquetStyle
from seatplan.model.enums import coerce_choice
from seatplan.model.seats import Seat

__all__ = [
    "GENDER_WORDS",
    "NEWLYWED_TAGS",
    "Anchor",
    "BanquetStyle",
    "Gender",
    "Hand",
    "LongTableNeighbours",
    "LongTablePlace",
    "LongTableSeating",
    "LongTableSlot",
    "anchor_genders",
    "long_table_neighbours",
    "long_table_places",
    "long_table_sequence",
    "long_table_slots",
    "parse_gender",
    "rank_long_table",
    "seat_long_table",
]


class Gender(StrEnum):
    """Gender as far as the Western table needs it (the 性别 column, read by :func:`parse_gender`)."""

    MALE = "male"
    FEMALE = "female"

    @property
    def other(self) -> Gender:
        """The other gender."""
        return Gender.FEMALE if self is Gender.MALE else Gender.MALE


class Anchor(StrEnum):
    """The two people the places of a long table are counted from."""

    HOST = "host"
    HOSTESS = "hostess"


class Hand(StrEnum):
    """An anchor's own hand."""

    RIGHT = "right"
    LEFT = "left"


#: Words of the 性别/gender column (compared after NFKC and lower-casing).
GENDER_WORDS: dict[Gender, frozenset[str]] = {
    Gender.MALE: frozenset({"男", "男性", "男士", "先生", "m", "male", "man", "mr", "mr.", "h", "homme"}),
    Gender.FEMALE: frozenset(
        {"女", "女性", "女士", "夫人", "f", "w", "female", "woman", "mrs", "mrs.", "ms", "ms.", "femme"}
    ),
}
#: Tags (标签) that exempt a couple from being split (R-BNQ-12: newly-weds and the engaged).
NEWLYWED_TAGS = frozenset({"新婚", "订婚", "newlywed", "newly-wed", "newlyweds", "engaged"})

#: Places farther apart than this fraction of the pitch, measured along the table, are not
#: "directly across" from each other.
_ACROSS_FRACTION = 0.5
#: Default search budget (tried placements) before the couple search falls back to swaps.
_SEARCH_LIMIT = 20000

Point = tuple[float, float]


def parse_gender(text: str) -> Gender | None:
    """Read a 性别/gender cell: 男/女, M/F, male/female, 先生/女士 …; ``None`` if empty or unknown.

    Examples
    --------
    >>> parse_gender(" Male "), parse_gender("女士"), parse_gender("")
    (<Gender.MALE: 'male'>, <Gender.FEMALE: 'female'>, None)
    """
    word = unicodedata.normalize("NFKC", str(text)).strip().lower()
    for gender, words in GENDER_WORDS.items():
        if word in words:
            return gender
    return None


def anchor_genders(host: Attendee, hostess: Attendee) -> tuple[Gender, Gender]:
    """The genders the places of a long table are counted from: the host's and the hostess's.

    R-BNQ-12 as ``docs/banquet.md`` reads it: the host is taken as a man unless his 性别 says
    otherwise, and the hostess as the other gender. A blank (or unrecognised) cell therefore
    never stops men and women alternating: a blank host is a man — or a woman when the
    hostess's 性别 says he is a man — and a blank hostess is the host's other gender. Only
    when both are given may they be equal (the caller then falls back to plain precedence).

    Examples
    --------
    >>> from seatplan.model import Attendee
    >>> anchor_genders(Attendee(id="H", name="Host"), Attendee(id="S", name="Hostess"))
    (<Gender.MALE: 'male'>, <Gender.FEMALE: 'female'>)
    >>> anchor_genders(Attendee(id="H", name="Host"), Attendee(id="S", name="Husband", gender="男"))
    (<Gender.FEMALE: 'female'>, <Gender.MALE: 'male'>)
    """
    hg, sg = parse_gender(host.gender), parse_gender(hostess.gender)
    if hg is None:
        hg = sg.other if sg is not None else Gender.MALE
    return hg, sg if sg is not None else hg.other


# --------------------------------------------------------------------------------------
# slots: where the places of a regular table are (shared by the layout and the examples)
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LongTableSlot:
    """One place of a regular long table, in the table's own frame.

    The frame: ``x`` along the table in seat pitches (0 = the middle of the table), ``y``
    across it: ``+1`` the far long side, ``-1`` the near long side, ``0`` an end. In French
    style the host sits on the ``+1`` side facing ``-y`` (his right hand is ``-x``); in English
    style he sits at the ``-x`` end facing ``+x`` (his right hand is the ``-1`` side).

    Parameters
    ----------
    x
        Position along the table, in pitches from the middle; for an end place, the
        table's end (the chair stands beyond it).
    side
        ``1``, ``-1`` (long sides) or ``0`` (an end).
    role
        ``"host"``, ``"hostess"`` or ``""``.
    """

    x: float
    side: int
    role: str = ""


def long_table_slots(n_seats: int, *, style: BanquetStyle | str, swap_sides: bool = False) -> list[LongTableSlot]:
    """The places of a regular long table for ``n_seats`` people (R-BNQ-12).

    French style: the long sides hold ``ceil(n/2)`` (the host's) and ``floor(n/2)`` places on
    the same columns, the host and the hostess on the same column, directly across. A side
    of an odd number of places has its anchor in the middle; with an even number the anchor
    sits one column off the middle, the extra place at his right. With an odd total the
    hostess's side lacks the column at the host's-right end.

    English style: one place at each end (host at ``-x``, hostess at ``+x``), the rest on the
    long sides on common columns, ``ceil`` on the host's right side; with an odd total the
    other side leaves its middle column empty (of two columns, the one at the hostess's end).

    Parameters
    ----------
    n_seats
        Places, host and hostess included (>= 2).
    style
        ``"french"`` or ``"english"``.
    swap_sides
        With an odd total, give the extra place to the other long side: the hostess's (French,
        the host's side then lacks the column at the hostess's-right end) or the one at the
        host's left (English). With genders this decides whether the places meant for men or
        those meant for women are one more. No effect with an even total.

    Returns
    -------
    list of LongTableSlot
        Host first, hostess second, then the other places side by side.

    Raises
    ------
    ValidationError
        ``n_seats < 2`` or an unknown style.

    Examples
    --------
    >>> [(s.x, s.side, s.role) for s in long_table_slots(4, style="french")]
    [(0.5, 1, 'host'), (0.5, -1, 'hostess'), (-0.5, 1, ''), (-0.5, -1, '')]
    >>> [(s.x, s.side) for s in long_table_slots(5, style="french", swap_sides=True)[2:]]
    [(-1.0, 1), (1.0, -1), (-1.0, -1)]
    """
    kind = coerce_choice(BanquetStyle, style, "style")
    if isinstance(n_seats, bool) or not isinstance(n_seats, int) or n_seats < 2:
        raise ValidationError(
            f"a long table needs at least 2 places (host and hostess), got {n_seats!r}",
            location=Location(field="n_seats", value=n_seats),
            hint="list at least the host and one more person",
        )
    odd = n_seats % 2 == 1
    swap = bool(swap_sides) and odd
    if kind is BanquetStyle.FRENCH:
        m = (n_seats + 1) // 2
        more = m // 2  # places at the longer side's anchor's right
        less = m - 1 - more
        # the host's right is -x, the hostess's right +x: the longer side's anchor has ``more`` there
        sign = 1.0 if swap else -1.0
        cols = [sign * c for c in range(1, more + 1)] + [-sign * c for c in range(1, less + 1)]
        centre = -(min([0.0, *cols]) + max([0.0, *cols])) / 2 + 0.0  # centre the table on x = 0
        drop = sign * more if odd else None  # the shorter side lacks this column
        out = [LongTableSlot(centre, 1, "host"), LongTableSlot(centre, -1, "hostess")]
        host_side = [LongTableSlot(c + centre, 1) for c in cols if not (swap and c == drop)]
        other = [LongTableSlot(c + centre, -1) for c in cols if not (odd and not swap and c == drop)]
        return out + _interleave(host_side, other)
    if kind is BanquetStyle.ENGLISH:
        rest = n_seats - 2
        m = (rest + 1) // 2
        half = max(m, 1) / 2  # the table ends half a pitch beyond the outer columns
        cols = [j - (m + 1) / 2 for j in range(1, m + 1)]
        out = [LongTableSlot(-half, 0, "host"), LongTableSlot(half, 0, "hostess")]
        skip = m // 2 if rest % 2 else -1  # the shorter side's middle column stays empty
        near = [LongTableSlot(c, -1) for j, c in enumerate(cols) if not (swap and j == skip)]
        far = [LongTableSlot(c, 1) for j, c in enumerate(cols) if not (not swap and j == skip)]
        return out + _interleave(near, far)
    raise ValidationError(
        "round tables have no long-table slots", location=Location(field="style", value=kind.value),
        hint='use style "french" or "english"',
    )


def _interleave(a: Sequence[LongTableSlot], b: Sequence[LongTableSlot]) -> list[LongTableSlot]:
    return [s for pair in zip(a, b) for s in pair] + list(a[len(b):]) + list(b[len(a):])


# --------------------------------------------------------------------------------------
# geometry: the order round the table, hands, neighbours
# --------------------------------------------------------------------------------------


class _Table:
    """Seats of one long table in counter-clockwise order (= each inward-facing sitter's right)."""

    def __init__(self, seats: Sequence[Seat]) -> None:
        if len(seats) < 2:
            raise ValidationError(
                f"a long table needs at least 2 seats, got {len(seats)}", location=Location(field="seats")
            )
        self.seats = list(seats)
        self.index: dict[str, int] = {}
        for i, s in enumerate(self.seats):
            if not isinstance(s, Seat):
                raise ValidationError(f"expected Seat objects, got {s!r}", location=Location(field="seats"))
            if s.id in self.index:
                raise ValidationError(f"seat id {s.id!r} is used twice", location=Location(field="seats", value=s.id))
            self.index[s.id] = i
        n = len(self.seats)
        cx = sum(s.x for s in self.seats) / n
        cy = sum(s.y for s in self.seats) / n
        self.centre = (cx, cy)
        self.facing = [(math.cos(math.radians(s.facing)), math.sin(math.radians(s.facing))) for s in self.seats]
        spread = max(abs((a.x - cx) * (b.y - cy) - (a.y - cy) * (b.x - cx)) for a in self.seats for b in self.seats)
        if n > 2 and spread < 1e-9:
            raise GeometryError(
                "the seats stand on one line: they do not surround a table",
                location=Location(field="seats"),
                hint="seat people on both sides (or the ends) of the table",
            )
        angle: list[float] = []
        for i, s in enumerate(self.seats):
            v = (cx - s.x, cy - s.y)
            if math.hypot(*v) < 1e-9:
                raise GeometryError(f"seat {s.id!r} is at the middle of the table", location=Location(field="seats", value=s.id))
            f = self.facing[i]
            if f[0] * v[0] + f[1] * v[1] <= 1e-9:
                raise GeometryError(
                    f"seat {s.id!r} does not face the table (facing {s.facing:g}°)",
                    location=Location(field="seats", value=s.id),
                    hint="every chair at a long table faces the table",
                )
            angle.append(math.atan2(s.y - cy, s.x - cx))
        for i, a in enumerate(self.seats):
            for b in self.seats[i + 1:]:
                if math.hypot(a.x - b.x, a.y - b.y) < 1e-6:
                    raise GeometryError(
                        f"seats {a.id!r} and {b.id!r} are at the same place",
                        location=Location(field="seats", value=b.id),
                        hint="give every place its own position",
                    )
        self.cycle = sorted(range(n), key=lambda i: (angle[i], i))
        self.pos = {i: k for k, i in enumerate(self.cycle)}
        self.n = n

    def seat_index(self, seat_id: str, param: str) -> int:
        if seat_id not in self.index:
            raise ValidationError(
                f"{param} {seat_id!r} is not one of the table's seats",
                location=Location(field=param, value=seat_id),
                hint="give the id of one of the seats passed in",
            )
        return self.index[seat_id]

    def step(self, i: int, k: int) -> int:
        """The seat ``k`` places counter-clockwise of seat ``i`` (negative: clockwise)."""
        return self.cycle[(self.pos[i] + k) % self.n]

    def right_sign(self, i: int) -> int:
        """``+1`` if counter-clockwise is seat ``i``'s own right hand, else ``-1`` (from his facing)."""
        f = self.facing[i]
        right = (f[1], -f[0])
        s = self.seats[i]
        nxt, prv = self.seats[self.step(i, 1)], self.seats[self.step(i, -1)]
        d_next = (nxt.x - s.x) * right[0] + (nxt.y - s.y) * right[1]
        d_prev = (prv.x - s.x) * right[0] + (prv.y - s.y) * right[1]
        return 1 if d_next >= d_prev else -1


@dataclass(frozen=True)
class LongTablePlace:
    """A place of a long table and why it ranks where it does.

    Parameters
    ----------
    seat_id
        The seat.
    label
        ``"H"``, ``"S"``, ``"R2"`` (host's right, 2nd), ``"SL1"`` (hostess's left, 1st) …
    anchor
        The anchor the place is counted from (for ``"H"``/``"S"`` the anchor itself).
    hand
        The anchor's hand the place is on; ``None`` for the anchors.
    step
        Places between the anchor and this place, counted round the table (0 = the anchor).
    gender
        The gender the place is meant for when men and women alternate (R-BNQ-12).
    """

    seat_id: str
    label: str
    anchor: Anchor
    hand: Hand | None
    step: int
    gender: Gender


def long_table_places(
    seats: Sequence[Seat],
    *,
    host_seat: str,
    hostess_seat: str,
    host_gender: Gender | str = Gender.MALE,
) -> list[LongTablePlace]:
    """Every place of a long table, in precedence order, with its name and gender (R-BNQ-12).

    The seats are put in order round the table (by angle about their centroid). From each
    anchor the places are counted round the table on his own right hand and on his left
    (his right from his facing). Round ``k`` = 1, 2, … takes, if not taken yet, the ``k``-th
    place at the host's right, at the hostess's right, at the host's left, at the hostess's
    left. A place ``k`` steps from its anchor is meant for the anchor's own gender when ``k``
    is even and for the other gender when ``k`` is odd.

    Parameters
    ----------
    seats
        The places of one table (:class:`~seatplan.model.Seat`, position and facing); every
        chair faces the table.
    host_seat, hostess_seat
        Seat ids of the host and the hostess.
    host_gender
        The host's gender (default a man); the hostess is taken as the other.

    Returns
    -------
    list of LongTablePlace
        Host, hostess, then the other places by rank.

    Raises
    ------
    ValidationError
        Unknown or equal anchor seats, fewer than two seats.
    GeometryError
        Seats on one line, at the same point, or facing away from the table.
    """
    table = _Table(seats)
    h = table.seat_index(host_seat, "host_seat")
    s = table.seat_index(hostess_seat, "hostess_seat")
    if h == s:
        raise ValidationError(
            "the host and the hostess cannot share a seat", location=Location(field="hostess_seat", value=hostess_seat)
        )
    hg = _gender(host_gender, "host_gender")
    anchors = ((Anchor.HOST, h, hg, ""), (Anchor.HOSTESS, s, hg.other, "S"))
    out = [
        LongTablePlace(table.seats[h].id, "H", Anchor.HOST, None, 0, hg),
        LongTablePlace(table.seats[s].id, "S", Anchor.HOSTESS, None, 0, hg.other),
    ]
    taken = {h, s}
    for k in range(1, table.n):
        for hand in (Hand.RIGHT, Hand.LEFT):
            for anchor, i, gender, prefix in anchors:
                sign = table.right_sign(i) * (1 if hand is Hand.RIGHT else -1)
                j = table.step(i, sign * k)
                if j in taken:
                    continue
                taken.add(j)
                out.append(
                    LongTablePlace(
                        table.seats[j].id,
                        f"{prefix}{'R' if hand is Hand.RIGHT else 'L'}{k}",
                        anchor,
                        hand,
                        k,
                        gender if k % 2 == 0 else gender.other,
                    )
                )
        if len(taken) == table.n:
            break
    return out


def _gender(value: Gender | str, param: str) -> Gender:
    if isinstance(value, Gender):
        return value
    g = parse_gender(value) if isinstance(value, str) else None
    if g is None:
        raise ValidationError(
            f"{param} must be a gender (male/female, 男/女), got {value!r}",
            location=Location(field=param, value=value),
            hint='use Gender.MALE / Gender.FEMALE or "male" / "female"',
        )
    return g


def rank_long_table(seats: Sequence[Seat], *, host_seat: str, hostess_seat: str) -> list[str]:
    """Seat ids of a long table in precedence order (R-BNQ-12).

    Host, hostess, then the places nearest them: the host's right, the hostess's right,
    the host's left, the hostess's left, and so on outward (see :func:`long_table_places`).
    The order depends only on the seats' positions and facings relative to each other:
    moving or rotating the table does not change it.

    Examples
    --------
    A French table of six, the host on the far side facing the door (``-y``):

    >>> from seatplan.model import Seat
    >>> far = [Seat(f"a{k}", "banquet", 1, k + 1, x=0.6 * k - 0.6, y=0.7, facing=270) for k in range(3)]
    >>> near = [Seat(f"b{k}", "banquet", 1, k + 4, x=0.6 * k - 0.6, y=-0.7, facing=90) for k in range(3)]
    >>> rank_long_table(far + near, host_seat="a1", hostess_seat="b1")
    ['a1', 'b1', 'a0', 'b2', 'a2', 'b0']
    """
    return [p.seat_id for p in long_table_places(seats, host_seat=host_seat, hostess_seat=hostess_seat)]


@dataclass(frozen=True)
class LongTableNeighbours:
    """Who sits next to and directly across from whom at a long table (seat ids)."""

    next_to: dict[str, frozenset[str]]
    across: dict[str, frozenset[str]]

    def near(self, seat_id: str) -> frozenset[str]:
        """Seats next to or directly across from ``seat_id``."""
        return self.next_to.get(seat_id, frozenset()) | self.across.get(seat_id, frozenset())


def long_table_neighbours(seats: Sequence[Seat], *, tolerance: float | None = None) -> LongTableNeighbours:
    """Seats next to each other and directly across the table from each other.

    *Next to*: neighbours round the table that do not face each other (the same side, or
    round a corner between an end and a side). *Directly across*: two seats facing each
    other whose sideways offset is at most ``tolerance`` metres (default half the smallest
    distance between two seats facing the same way, 0.3 m for a lone pair).

    Examples
    --------
    >>> from seatplan.model import Seat
    >>> seats = [Seat("a", "b", 1, 1, 0.0, 0.7, 270), Seat("b", "b", 1, 2, 0.6, 0.7, 270),
    ...          Seat("c", "b", 1, 3, 0.0, -0.7, 90), Seat("d", "b", 1, 4, 0.6, -0.7, 90)]
    >>> nb = long_table_neighbours(seats)
    >>> sorted(nb.next_to["a"]), sorted(nb.across["a"])
    (['b'], ['c'])
    """
    table = _Table(seats)
    n = table.n
    tol = tolerance
    if tol is None:
        same = [
            math.hypot(a.x - b.x, a.y - b.y)
            for i, a in enumerate(table.seats)
            for j, b in enumerate(table.seats)
            if i < j and _dot(table.facing[i], table.facing[j]) > 0.999
        ]
        tol = _ACROSS_FRACTION * min(same) if same else 0.3
    elif isinstance(tol, bool) or not isinstance(tol, (int, float)) or not math.isfinite(tol) or tol < 0:
        raise ValidationError(f"tolerance must be a distance >= 0, got {tol!r}", location=Location(field="tolerance", value=tol))
    across: dict[str, set[str]] = {s.id: set() for s in table.seats}
    for i in range(n):
        for j in range(i + 1, n):
            fi, fj = table.facing[i], table.facing[j]
            if _dot(fi, fj) > -0.999:
                continue
            a, b = table.seats[i], table.seats[j]
            d = (b.x - a.x, b.y - a.y)
            if _dot(fi, d) <= 0:
                continue
            sideways = abs(d[0] * fi[1] - d[1] * fi[0])
            if sideways <= tol + 1e-9:
                across[a.id].add(b.id)
                across[b.id].add(a.id)
    next_to: dict[str, set[str]] = {s.id: set() for s in table.seats}
    for k in range(n if n > 2 else 1):
        i, j = table.cycle[k], table.cycle[(k + 1) % n]
        if _dot(table.facing[i], table.facing[j]) > -0.5:  # not facing each other
            next_to[table.seats[i].id].add(table.seats[j].id)
            next_to[table.seats[j].id].add(table.seats[i].id)
    return LongTableNeighbours(
        next_to={k: frozenset(v) for k, v in next_to.items()},
        across={k: frozenset(v) for k, v in across.items()},
    )


def _dot(a: Point, b: Point) -> float:
    return a[0] * b[0] + a[1] * b[1]


# --------------------------------------------------------------------------------------
# people onto places
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LongTableSeating:
    """What :func:`seat_long_table` decides.

    Parameters
    ----------
    occupant
        Seat id → attendee id, host and hostess included.
    places
        The places in precedence order (:func:`long_table_places`).
    gendered
        True when men and women alternate (R-BNQ-12); False for the plain-precedence fallback.
    unsplit
        Couples (attendee id pairs) left next to or across from each other because no
        arrangement separates them.
    warnings
        Plain-language notes, rule id first.
    """

    occupant: dict[str, str]
    places: tuple[LongTablePlace, ...]
    gendered: bool
    unsplit: tuple[tuple[str, str], ...] = ()
    warnings: tuple[str, ...] = field(default=())


def seat_long_table(
    seats: Sequence[Seat],
    people: Sequence[Attendee],
    *,
    host: Attendee,
    hostess: Attendee,
    host_seat: str,
    hostess_seat: str,
    partners: Mapping[str, str] | None = None,
    together_ok: Collection[str] | None = None,
    alternate: bool = True,
    search_limit: int = _SEARCH_LIMIT,
) -> LongTableSeating:
    """Seat people at a long table by R-BNQ-12.

    1. Places are ranked by :func:`long_table_places` (the host's gender from
       :func:`anchor_genders`: his 性别, default a man).
    2. **Men and women alternate** when ``alternate`` is true, host and hostess are not
       both marked as one gender (a blank 性别 of either takes the default of
       :func:`anchor_genders`), everybody else's gender is known and there are as many men
       and women as places meant for them: the men take the men's places in precedence order
       (the senior man at the hostess's right), the women the women's places (the senior
       woman at the host's right). Otherwise **plain precedence**: the k-th person takes the
       k-th place (host's right, hostess's right, host's left, hostess's left, …) and a
       warning says why. An odd number of places in one ring (English style) cannot
       alternate all the way round: a warning names the two people of one gender who sit
       side by side.
    3. **Couples are split**: nobody sits next to or directly across from his or her partner
       (:func:`long_table_neighbours`), except the host and hostess themselves and couples in
       ``together_ok``. Of all the arrangements that split every couple the one chosen is the
       first in precedence order (each place, best first, gets the most senior person who
       may sit there); when none is found, the fewest couples are left together, with a
       warning.

    Parameters
    ----------
    seats
        All places of the table, host's and hostess's included.
    people
        Everybody else, in precedence order (the first is the most senior).
    host, hostess
        The two anchors.
    host_seat, hostess_seat
        Their seat ids.
    partners
        Attendee id → partner id (both directions); default from :attr:`Attendee.partner`
        where it holds an id of someone at the table.
    together_ok
        Attendee ids whose couple may sit together; default the people tagged with one of
        :data:`NEWLYWED_TAGS` (either partner's tag exempts the couple).
    alternate
        Alternate men and women where the list allows; False always uses plain precedence.
    search_limit
        Placements tried before giving up the exact search for a couple-free arrangement.

    Returns
    -------
    LongTableSeating

    Raises
    ------
    ValidationError
        More or fewer people than places, somebody listed twice, bad seats.
    """
    places = long_table_places(
        seats,
        host_seat=host_seat,
        hostess_seat=hostess_seat,
        host_gender=anchor_genders(host, hostess)[0],
    )
    everyone = [host, hostess, *people]
    ids = [a.id for a in everyone]
    if len(set(ids)) != len(ids):
        dup = next(i for i in ids if ids.count(i) > 1)
        raise ValidationError(f"attendee {dup!r} is listed twice for the table", location=Location(field="people", value=dup))
    if len(people) != len(places) - 2:
        raise ValidationError(
            f"{len(people) + 2} people for {len(places)} places at the long table",
            location=Location(field="people", value=len(people) + 2),
            hint="lay one place per person",
        )
    at_table = set(ids)
    if partners is None:
        partners = {}
        for a in everyone:
            if a.partner in at_table and a.partner != a.id:
                partners = {**partners, a.id: a.partner, a.partner: a.id}
    if together_ok is None:
        together_ok = {a.id for a in everyone if {t.strip().lower() for t in a.tags} & NEWLYWED_TAGS}
    exempt = set(together_ok)
    couples: set[frozenset[str]] = set()
    for one, other in partners.items():
        if one in at_table and other in at_table and one != other and not ({one, other} & exempt) and {one, other} != {host.id, hostess.id}:
            couples.add(frozenset((one, other)))
    partner_of = {a: b for pair in couples for a, b in (tuple(pair), tuple(pair)[::-1])}

    notes: list[str] = []
    gendered = False
    if alternate:
        gendered, why = _can_alternate(places, host, hostess, people)
        if why:
            notes.append(why)
    classes = [p.gender if gendered else None for p in places[2:]]
    near = long_table_neighbours(seats)
    guest_places = [p.seat_id for p in places[2:]]
    fixed = {places[0].seat_id: host.id, places[1].seat_id: hostess.id}
    streams: dict[Gender | None, list[str]] = {}
    for a in people:
        key = parse_gender(a.gender) if gendered else None
        streams.setdefault(key, []).append(a.id)

    occupant = _search(guest_places, classes, streams, fixed, partner_of, near, search_limit)
    if occupant is None:
        occupant = _repair(guest_places, classes, streams, fixed, partner_of, near)
    occupant = {**fixed, **occupant}
    seat_of = {aid: sid for sid, aid in occupant.items()}
    unsplit: list[tuple[str, str]] = []
    for pair in couples:
        one, other = sorted(pair)
        if seat_of[one] in near.near(seat_of[other]):
            unsplit.append((one, other))
    unsplit.sort()
    if gendered and len(places) % 2:
        notes += _same_gender_neighbours(occupant, everyone, near)
    if unsplit:
        name = {a.id: a.name for a in everyone}
        text = "; ".join(f"{name[a]} and {name[b]}" for a, b in unsplit)
        notes.append(
            f"R-BNQ-12: no arrangement splits every couple: {text} sit next to or across from each other "
            "(tag a couple 新婚/newlywed if they may sit together, or ask the couple)"
        )
    return LongTableSeating(
        occupant=occupant,
        places=tuple(places),
        gendered=gendered,
        unsplit=tuple(unsplit),
        warnings=tuple(notes),
    )


def _same_gender_neighbours(
    occupant: Mapping[str, str], everyone: Sequence[Attendee], near: LongTableNeighbours
) -> list[str]:
    """A warning naming the people of one gender who sit side by side (an odd English table).

    An odd number of places in one ring round the table (English style: the ends join the
    sides) cannot alternate all the way round: somewhere two people of one gender sit next to
    each other (from 7 places up, in the middle of a long side). A French table has no such
    ring (the end places are empty), so it never warns.
    """
    by_id = {a.id: a for a in everyone}
    host, hostess = everyone[0], everyone[1]
    anchors = dict(zip((host.id, hostess.id), anchor_genders(host, hostess)))

    def gender(sid: str) -> Gender | None:
        aid = occupant[sid]
        return anchors.get(aid) or parse_gender(by_id[aid].gender)

    order = {sid: k for k, sid in enumerate(occupant)}
    pairs = sorted(
        {tuple(sorted((a, b), key=order.__getitem__)) for a in near.next_to for b in near.next_to[a]
         if a in occupant and b in occupant and gender(a) is gender(b)},
        key=lambda p: (order[p[0]], order[p[1]]),
    )
    if not pairs:
        return []
    texts = [
        f"{by_id[occupant[a]].name} and {by_id[occupant[b]].name} (both {'men' if gender(a) is Gender.MALE else 'women'})"
        for a, b in pairs
    ]
    n = len(occupant)
    return [
        f"R-BNQ-12: {n} people round the table cannot alternate men and women all the way round (an odd "
        f"number): {'; '.join(texts)} sit side by side; a French table, or an English one of 6, 10, 14, … "
        "people, alternates all round"
    ]


def _can_alternate(
    places: Sequence[LongTablePlace], host: Attendee, hostess: Attendee, people: Sequence[Attendee]
) -> tuple[bool, str]:
    """Whether men and women can alternate, and a warning when they cannot."""
    fallback = "places follow plain precedence (host's right, hostess's right, host's left, hostess's left, …)"
    # a blank gender of the host or the hostess takes the default (anchor_genders)
    missing = [a for a in people if parse_gender(a.gender) is None]
    if missing:
        names = ", ".join(f"{a.name} ({a.gender!r})" if a.gender else a.name for a in missing[:5])
        more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
        return False, (
            f"R-BNQ-12: the gender of {len(missing)} {'person' if len(missing) == 1 else 'people'} is missing or not recognised ({names}{more}): {fallback}; "
            "write 男/女 or M/F in the 性别/gender column to alternate men and women"
        )
    hg, sg = anchor_genders(host, hostess)
    if hg is sg:
        return False, (
            f"R-BNQ-12: host {host.name} and hostess {hostess.name} are both {'men' if hg is Gender.MALE else 'women'}: "
            f"{fallback}; mark the host's partner in the 配偶/partner column to make her (or him) the hostess"
        )
    want = {g: sum(1 for p in places[2:] if p.gender is g) for g in Gender}
    have = {g: sum(1 for a in people if parse_gender(a.gender) is g) for g in Gender}
    if want != have:
        return False, (
            f"R-BNQ-12: {have[Gender.MALE]} men and {have[Gender.FEMALE]} women besides host and hostess, but the "
            f"table alternates {want[Gender.MALE]} men's and {want[Gender.FEMALE]} women's places: {fallback}"
        )
    return True, ""


def _search(
    places: Sequence[str],
    classes: Sequence[Gender | None],
    streams: Mapping[Gender | None, Sequence[str]],
    fixed: Mapping[str, str],
    partner_of: Mapping[str, str],
    near: LongTableNeighbours,
    limit: int,
) -> dict[str, str] | None:
    """The first couple-free arrangement in precedence order (depth-first); None if none within ``limit``."""
    seat_of: dict[str, str] = {aid: sid for sid, aid in fixed.items()}
    used: set[str] = set()
    chosen: list[str] = []
    budget = [max(0, int(limit))]

    def allowed(aid: str, sid: str) -> bool:
        other = partner_of.get(aid)
        return other is None or other not in seat_of or seat_of[other] not in near.near(sid)

    def place(k: int) -> bool:
        if k == len(places):
            return True
        sid = places[k]
        for aid in streams.get(classes[k], ()):
            if aid in used or not allowed(aid, sid):
                continue
            budget[0] -= 1
            if budget[0] < 0:
                return False
            used.add(aid)
            seat_of[aid] = sid
            chosen.append(aid)
            if place(k + 1):
                return True
            used.discard(aid)
            del seat_of[aid]
            chosen.pop()
        return False

    if place(0):
        return dict(zip(places, chosen))
    return None


def _repair(
    places: Sequence[str],
    classes: Sequence[Gender | None],
    streams: Mapping[Gender | None, Sequence[str]],
    fixed: Mapping[str, str],
    partner_of: Mapping[str, str],
    near: LongTableNeighbours,
) -> dict[str, str]:
    """Precedence order, then swaps within a class while they leave fewer couples together."""
    queues = {k: list(v) for k, v in streams.items()}
    occupant = {sid: queues[c].pop(0) for sid, c in zip(places, classes)}
    occupant.update(fixed)
    rank = {sid: k for k, sid in enumerate(places)}

    def together() -> int:
        seat_of = {aid: sid for sid, aid in occupant.items()}
        return sum(1 for a, b in partner_of.items() if a < b and seat_of[b] in near.near(seat_of[a]))

    current = together()
    while current:
        best: tuple[int, int, str, str] | None = None
        for i, si in enumerate(places):
            for sj in places[i + 1:]:
                if classes[rank[si]] != classes[rank[sj]]:
                    continue
                if occupant[si] not in partner_of and occupant[sj] not in partner_of:
                    continue
                occupant[si], occupant[sj] = occupant[sj], occupant[si]
                after = together()
                occupant[si], occupant[sj] = occupant[sj], occupant[si]
                key = (after, abs(rank[si] - rank[sj]), si, sj)
                if after < current and (best is None or key < best):
                    best = key
        if best is None:
            break
        _, _, si, sj = best
        occupant[si], occupant[sj] = occupant[sj], occupant[si]
        current = best[0]
    return {sid: occupant[sid] for sid in places}


# --------------------------------------------------------------------------------------
# documentation helper
# --------------------------------------------------------------------------------------


def long_table_sequence(
    n_seats: int, *, style: BanquetStyle | str, genders: bool = True, swap_sides: bool = False
) -> list[tuple[str, str]]:
    """Place names by rank and who takes them at a regular table — documentation helper.

    Lays :func:`long_table_slots` out with a 0.6 m pitch and ranks them with
    :func:`long_table_places`, so it shows exactly what the geometry gives.

    Parameters
    ----------
    n_seats
        People at the table, host and hostess included.
    style
        ``"french"`` or ``"english"``.
    genders
        True: the guests are ``W1``, ``W2``, … (women) and ``M1``, … (men), each in
        precedence order on the places meant for them (host a man); False: ``G1``, ``G2``, …
        in plain precedence.
    swap_sides
        As in :func:`long_table_slots` (odd totals only).

    Returns
    -------
    list of (str, str)
        ``(place name, occupant)`` in place rank order: ``("H", "H")``, ``("S", "S")``,
        then ``("R1", "W1")``, ``("SR1", "M1")``, … .

    Examples
    --------
    >>> long_table_sequence(8, style="english")[2:6]
    [('R1', 'W1'), ('SR1', 'M1'), ('L1', 'W2'), ('SL1', 'M2')]
    """
    seats, host_id, hostess_id = _regular_seats(n_seats, coerce_choice(BanquetStyle, style, "style"), swap_sides=swap_sides)
    places = long_table_places(seats, host_seat=host_id, hostess_seat=hostess_id)
    out = [("H", "H"), ("S", "S")]
    count = {Gender.MALE: 0, Gender.FEMALE: 0}
    for k, p in enumerate(places[2:], start=1):
        if genders:
            count[p.gender] += 1
            out.append((p.label, f"{'M' if p.gender is Gender.MALE else 'W'}{count[p.gender]}"))
        else:
            out.append((p.label, f"G{k}"))
    return out


def _regular_seats(
    n_seats: int, style: BanquetStyle, pitch: float = 0.6, width: float = 1.0, *, swap_sides: bool = False
) -> tuple[list[Seat], str, str]:
    """Seats of a regular table (centre at the origin, long axis along x) with host and hostess ids."""
    half_w = width / 2 + 0.225
    seats = []
    host_id = hostess_id = ""
    for k, slot in enumerate(long_table_slots(n_seats, style=style, swap_sides=swap_sides), start=1):
        if slot.side:
            x, y, facing = slot.x * pitch, slot.side * half_w, 270.0 if slot.side > 0 else 90.0
        else:  # an end: the chair beyond the table's end, facing along it
            x, y, facing = slot.x * pitch + math.copysign(0.225, slot.x), 0.0, 0.0 if slot.x < 0 else 180.0
        sid = f"p{k:02d}"
        seats.append(Seat(sid, "banquet", 1, k, x=x, y=y, facing=facing, table="1"))
        if slot.role == "host":
            host_id = sid
        elif slot.role == "hostess":
            hostess_id = sid
    return seats, host_id, hostess_id
