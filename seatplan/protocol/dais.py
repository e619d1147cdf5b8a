"""Seat order on the 主席台 (dais / rostrum): R-DAIS-1 … R-DAIS-10 and R-DAIS-15.

Two kinds of functions live here:

* **Sequence functions** (:func:`dais_order`, :func:`dais_slots`,
  :func:`check_dais_sequence`) speak in rank numbers listed left to right in a
  stated viewing frame (rule book §0.1): audience view (AV, 台下视角) or stage view
  (SV, 台上视角, the seated leaders' own left to right). AV is the reverse of SV.
* **Geometry functions** (:func:`rank_dais_row`, :func:`rank_dais`) take
  :class:`~seatplan.model.Seat` objects anywhere in the plan and return seat ids
  in precedence order (rank 1 first). They use each seat's facing, so a dais on a
  side wall or at an angle is ranked correctly (architecture §3).

The handedness is always the seated leader's own hand (R-DAIS-2). Under
:attr:`Convention.CN` (以左为上) his own left is the *senior hand*; under
:attr:`Convention.INTL` (以右为上) his own right is. Every INTL sequence is the
mirror image of the CN one for the same even mode (R-DAIS-9).

Examples
--------
>>> dais_order(7)                      # R-DAIS-3, AV
[7, 5, 3, 1, 2, 4, 6]
>>> dais_order(7, view="stage")        # same dais, SV
[6, 4, 2, 1, 3, 5, 7]
>>> dais_order(6, even="V2")           # R-DAIS-5, AV
[6, 4, 2, 1, 3, 5]
>>> dais_slots(7, equal_top_pair=True, view="stage")   # R-DAIS-7, None = empty seat
[7, 5, 3, 1, None, 2, 4, 6]
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from enum import Enum
from itertools import pairwise, product
from typing import Any, TypeVar, cast

from seatplan.errors import Location, ValidationError
from seatplan.model.enums import Convention, EvenMode, View
from seatplan.model.enums import coerce_choice as _coerce
from seatplan.model.seats import Seat

__all__ = [
    "DAIS_ROW_TOLERANCE",
    "check_dais_rows",
    "check_dais_sequence",
    "dais_offsets",
    "dais_order",
    "dais_row_sequences",
    "dais_slots",
    "rank_dais",
    "rank_dais_row",
]

#: Seats whose depth along the facing direction differs by at most this much
#: (metres, single linkage) are in the same dais row (R-DAIS-10).
DAIS_ROW_TOLERANCE = 0.10

#: A seat counts as *on* the centre line of its row when it is closer to it than
#: this fraction of the smallest gap between neighbouring seats of the row.
_CENTRE_FRACTION = 0.25

E = TypeVar("E", bound=Enum)


# --------------------------------------------------------------------------------------
# boundary helpers (shared with seatplan.protocol.floor)
# --------------------------------------------------------------------------------------


def _require_count(value: object, param: str, *, minimum: int = 1) -> int:
    """Return ``value`` if it is an int ``>= minimum``, else raise ValidationError."""
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ValidationError(
            f"{param} must be a whole number >= {minimum}, got {value!r}",
            location=Location(field=param, value=value),
            hint=f"give {param} as an integer of at least {minimum}",
        )
    return value


def _unit(angle_deg: float) -> tuple[float, float]:
    a = math.radians(angle_deg)
    return (math.cos(a), math.sin(a))


def _mean_vector(vectors: Sequence[tuple[float, float]], what: str) -> tuple[float, float]:
    """Normalised mean of unit vectors; ValidationError if they cancel out."""
    sx = sum(v[0] for v in vectors)
    sy = sum(v[1] for v in vectors)
    norm = math.hypot(sx, sy)
    if norm < 1e-6 * max(1, len(vectors)):
        raise ValidationError(
            f"the seats of {what} face opposite ways, so they have no common front",
            location=Location(field="facing"),
            hint="rank seats that face the same way together (one call per dais or block)",
        )
    return (sx / norm, sy / norm)


def _interleave(first: list[int], second: list[int]) -> list[int]:
    """first[0], second[0], first[1], second[1], …, then the rest of the longer list."""
    out: list[int] = []
    for i in range(max(len(first), len(second))):
        if i < len(first):
            out.append(first[i])
        if i < len(second):
            out.append(second[i])
    return out


def _centre_out(
    coords: Sequence[float],
    *,
    no1_on_senior_seat: bool = False,
    empty_centre: bool = False,
    centre: float | None = None,
) -> tuple[list[int], int | None]:
    """Centre-out alternating precedence of points on a line (R-DAIS-3/4/5/7, R-AUD-4).

    Parameters
    ----------
    coords
        Position of each seat along the row, measured towards the *senior hand*
        (the occupants' own left under CN, own right under INTL).
    no1_on_senior_seat
        Only used when no seat lies on the centre line (even rows): False puts
        No.1 on the junior-hand seat of the central pair with No.2 at his senior
        hand (V1, R-DAIS-4); True puts No.1 on the senior-hand seat with No.2 at
        his junior hand (V2, R-DAIS-5).
    empty_centre
        R-DAIS-7: the seat on the centre line stays empty; No.1 takes the first
        seat on the senior hand of it, No.2 the first on the junior hand, ….
    centre
        Position of the centre line; default the middle of the row's extent.

    Returns
    -------
    order, empty
        Indices into ``coords`` in precedence order (without the empty centre
        seat) and the index of the empty centre seat (or None).

    Notes
    -----
    After No.1 the ranks alternate between the two sides *by seat count*, not
    by distance: the k-th seat out on one side pairs with the k-th seat out on
    the other. This keeps V3 rows (one side tighter, R-DAIS-6) correct. When a
    side runs out, the other continues.
    """
    n = len(coords)
    if n == 0:
        return [], None
    idx = sorted(range(n), key=lambda i: (coords[i], i))  # junior end → senior end
    xs = [coords[i] for i in idx]
    c = (xs[0] + xs[-1]) / 2 if centre is None else centre
    gaps = [b - a for a, b in pairwise(xs) if b - a > 1e-9]
    tol = _CENTRE_FRACTION * min(gaps) if gaps else 1e-9
    j = min(range(n), key=lambda k: (abs(xs[k] - c), k))
    at_centre = abs(xs[j] - c) <= tol or n == 1
    if empty_centre:
        if not at_centre or n < 3:
            raise ValidationError(
                "an empty centre seat (equal-rank top pair, R-DAIS-7) needs a seat on the centre line "
                f"of the row with seats on both sides; this row of {n} seats has no such seat",
                location=Location(field="equal_top_pair", value=True),
                hint="lay out an odd number of seats (n + 2 for an odd number n of leaders) centred on the dais axis",
            )
        senior = idx[j + 1 :]
        junior = idx[:j][::-1]
        return _interleave(senior, junior), idx[j]
    no1: int | None
    if at_centre:
        no1, senior_first = j, True
    else:
        below = [k for k in range(n) if xs[k] < c]
        above = [k for k in range(n) if xs[k] > c]
        lo = below[-1] if below else None
        hi = above[0] if above else None
        if no1_on_senior_seat:
            no1 = hi if hi is not None else lo
            senior_first = False
        else:
            no1 = lo if lo is not None else hi
            senior_first = True
        assert no1 is not None
    senior = idx[no1 + 1 :]
    junior = idx[:no1][::-1]
    rest = _interleave(senior, junior) if senior_first else _interleave(junior, senior)
    return [idx[no1], *rest], None


# --------------------------------------------------------------------------------------
# sequences
# --------------------------------------------------------------------------------------


def _sides(n: int, even: EvenMode, equal_top_pair: bool) -> tuple[list[int], int | None, list[int]]:
    """Ranks on the senior side (outward), the centre rank (None = empty), the junior side (outward).

    Stated for the senior hand; the caller turns it into SV/AV for a convention.
    """
    if equal_top_pair:  # R-DAIS-7: 1 senior of centre, 2 junior of centre, 3 senior, ...
        return list(range(1, n + 1, 2)), None, list(range(2, n + 1, 2))
    if n % 2 == 1 or even in (EvenMode.V1, EvenMode.V3):
        # odd (R-DAIS-3) and V1 (R-DAIS-4): 2, 4, 6 ... at the senior hand of No.1.
        # V3 (R-DAIS-6) has the same order, No.1 on the axis (a geometric matter).
        return list(range(2, n + 1, 2)), 1, list(range(3, n + 1, 2))
    # V2 (R-DAIS-5): the central pair is ordered senior-hand first: No.1 then No.2 at
    # his junior hand; 3 beyond No.1, 4 beyond No.2, ...
    return list(range(3, n + 1, 2)), 1, list(range(2, n + 1, 2))


def _to_frame(senior_to_junior: list[int | None], convention: Convention, view: View) -> list[int | None]:
    """Turn a list running from the senior-hand end to the junior-hand end into ``view``.

    Under CN the senior hand is the leaders' own left, so senior→junior *is* SV;
    under INTL it is the reverse of SV. AV (and plan view of a dais on the front
    wall) is the reverse of SV.
    """
    sv = senior_to_junior if convention is Convention.CN else senior_to_junior[::-1]
    return sv if view is View.STAGE else sv[::-1]


def dais_order(
    n: int,
    *,
    convention: Convention | str = Convention.CN,
    even: EvenMode | str = EvenMode.V1,
    view: View | str = View.AUDIENCE,
) -> list[int]:
    """Rank numbers of ``n`` dais seats, left to right in ``view`` (R-DAIS-3/4/5/8/9).

    Parameters
    ----------
    n
        Number of leaders in the row (>= 1).
    convention
        ``"cn"`` (以左为上: No.2 at No.1's own left) or ``"intl"`` (以右为上: No.2
        at No.1's own right, R-DAIS-9). INTL is the mirror image of CN for every
        even mode.
    even
        How an even ``n`` is centred: ``"V1"`` No.1 and No.2 share the centre,
        No.2 at No.1's senior hand (R-DAIS-4, default); ``"V2"`` the pair itself
        is ordered senior-hand first, No.2 at No.1's junior hand (R-DAIS-5);
        ``"V3"`` is the same *order* as V1 with No.1 on the axis (R-DAIS-6, see
        :func:`dais_offsets`). ``n = 2`` follows the mode (R-DAIS-8). Ignored for
        odd ``n``.
    view
        ``"audience"`` (AV, 台下视角), ``"stage"`` (SV, the leaders' own left to
        right) or ``"plan"`` (plan view with the dais on the front wall facing the
        door; equal to AV).

    Returns
    -------
    list of int
        A permutation of ``1..n``.

    Raises
    ------
    ValidationError
        If ``n < 1`` or an option is not one of its allowed values.

    Examples
    --------
    >>> dais_order(6)                                  # R-DAIS-4 (V1), AV
    [5, 3, 1, 2, 4, 6]
    >>> dais_order(7, convention="intl")               # R-DAIS-9, AV
    [6, 4, 2, 1, 3, 5, 7]
    >>> dais_order(2, even="V2"), dais_order(2)        # R-DAIS-8
    ([2, 1], [1, 2])
    """
    n = _require_count(n, "n")
    conv = _coerce(Convention, convention, "convention")
    mode = _coerce(EvenMode, even, "even")
    frame = _coerce(View, view, "view")
    seq = dais_slots(n, convention=conv, even=mode, view=frame)
    return [r for r in seq if r is not None]


def dais_slots(
    n: int,
    *,
    convention: Convention | str = Convention.CN,
    even: EvenMode | str = EvenMode.V1,
    view: View | str = View.AUDIENCE,
    fixed_chairs: bool = False,
    equal_top_pair: bool = False,
) -> list[int | None]:
    """Like :func:`dais_order` but with the empty seats of R-DAIS-6/7 as ``None``.

    Parameters
    ----------
    n, convention, even, view
        As in :func:`dais_order`.
    fixed_chairs
        R-DAIS-6 with fixed furniture: with ``even="V3"`` and an even ``n`` the
        row has ``n + 1`` chairs, No.1 on the centre chair, and the chair at the
        junior-hand end stays empty (AV-left end under CN). No effect otherwise.
    equal_top_pair
        R-DAIS-7 (No.1 and No.2 平级): the centre seat stays empty, No.1 sits in
        the first seat at the senior hand of it (SV-left under CN), No.2 in the
        first seat at the junior hand, then 3, 4, … alternating. ``n + 1`` slots;
        for odd ``n`` the senior side is one seat longer (asymmetric, as the rule
        says).

    Returns
    -------
    list of int or None
        One entry per slot, left to right in ``view``; ``None`` = empty seat.

    Examples
    --------
    >>> dais_slots(6, even="V3", fixed_chairs=True)      # T7, AV
    [None, 5, 3, 1, 2, 4, 6]
    >>> dais_slots(7, equal_top_pair=True)               # T8, AV
    [6, 4, 2, None, 1, 3, 5, 7]
    """
    n = _require_count(n, "n")
    conv = _coerce(Convention, convention, "convention")
    mode = _coerce(EvenMode, even, "even")
    frame = _coerce(View, view, "view")
    if equal_top_pair and n < 2:
        raise ValidationError(
            f"an equal-rank top pair (R-DAIS-7) needs at least 2 leaders, got n={n}",
            location=Location(field="equal_top_pair", value=True),
            hint="turn equal_top_pair off for a single leader",
        )
    senior, centre, junior = _sides(n, mode, equal_top_pair)
    jun: list[int | None] = list(junior)
    if fixed_chairs and mode is EvenMode.V3 and n % 2 == 0 and not equal_top_pair:
        jun.append(None)
    line: list[int | None] = [*senior[::-1], centre, *jun]
    return _to_frame(line, conv, frame)


def dais_offsets(
    n: int,
    *,
    even: EvenMode | str,
    pitch: float,
    slots: int | None = None,
    convention: Convention | str = Convention.CN,
    aisle: float = 0.0,
) -> list[float]:
    """Seat positions of one dais row, relative to the dais centre axis (R-DAIS-4/5/6/11).

    Parameters
    ----------
    n
        Number of leaders in the row.
    even
        Even mode. V1/V2 (and every odd ``n``): uniform ``pitch`` centred on 0, so
        an even row has the central pair half a pitch either side of the axis.
        V3 with an even ``n`` (R-DAIS-6, movable chairs): No.1's seat is at 0;
        the side that carries one more person (No.1's senior hand: AV-right under
        CN, AV-left under INTL) gets ``n/2`` seats at the tighter pitch
        ``(n-1)/n * pitch`` and the other side ``n/2 - 1`` seats at the looser
        pitch ``(n-1)/(n-2) * pitch``, so both ends line up at
        ``±(n-1)/2 * pitch``. For ``n = 2`` (no short side) No.2 sits one full
        pitch from No.1.
    pitch
        Nominal distance between neighbouring seats, metres (R-PHY-15: ~1.0 m).
    slots
        Fixed chairs (R-DAIS-6, 固定桌椅): return ``slots >= n`` uniform offsets
        centred on 0. The extra chairs are *not* marked here: rank the seats with
        :func:`rank_dais_row` and give the first ``n`` ids to the leaders; the
        rest stay empty at the ends. With ``even="V3"`` and ``slots = n + 1`` for
        an even ``n``, No.1 gets the centre chair and the chair at the junior-hand
        end (AV-left under CN) is the empty one (T7).
    convention
        Decides which side of a V3 row is the longer one.
    aisle
        Width of a centre aisle on the axis, metres (R-DAIS-11: only for rows
        behind the first). The row is split into two halves at uniform
        ``pitch``; for an odd count the half at the *junior* hand (AV-left
        under CN) takes the extra seat, so the rank order read across the
        aisle is still the odd sequence of R-DAIS-3 (AV ``7 5 3 1 ‖ 2 4 6``).
        Overrides the V3 geometry (no seat can be on an aisle).

    Returns
    -------
    list of float
        Offsets in metres along the audience's left→right direction (AV, +x for a
        dais facing the audience), ascending; ``n`` values, or ``slots`` values.

    Examples
    --------
    >>> dais_offsets(3, even="V1", pitch=1.0)
    [-1.0, 0.0, 1.0]
    >>> [round(x, 3) for x in dais_offsets(4, even="V3", pitch=1.0)]
    [-1.5, 0.0, 0.75, 1.5]
    >>> dais_offsets(6, even="V3", pitch=1.0, slots=7)
    [-3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0]
    >>> dais_offsets(3, even="V1", pitch=1.0, aisle=1.0)
    [-2.0, -1.0, 1.0]
    """
    n = _require_count(n, "n")
    mode = _coerce(EvenMode, even, "even")
    conv = _coerce(Convention, convention, "convention")
    if isinstance(pitch, bool) or not isinstance(pitch, (int, float)) or not math.isfinite(pitch) or pitch <= 0:
        raise ValidationError(
            f"pitch must be a positive number of metres, got {pitch!r}",
            location=Location(field="pitch", value=pitch),
            hint="use the table length per person, about 1.0 m (R-PHY-15)",
        )
    if isinstance(aisle, bool) or not isinstance(aisle, (int, float)) or not math.isfinite(aisle) or aisle < 0:
        raise ValidationError(
            f"aisle must be a width >= 0 in metres, got {aisle!r}",
            location=Location(field="aisle", value=aisle),
            hint="give the aisle width, e.g. 1.0, or 0 for no aisle",
        )
    if aisle > 0:
        m = n if slots is None else max(_require_count(slots, "slots"), n)
        junior = (m + 1) // 2
        senior = m - junior
        half = aisle / 2
        left = [-(half + pitch / 2 + k * pitch) for k in range(junior)]  # CN: junior hand = AV-left
        right = [half + pitch / 2 + k * pitch for k in range(senior)]
        offsets = sorted(left + right)
        if conv is Convention.INTL:
            offsets = sorted(-x + 0.0 for x in offsets)
        return offsets
    if slots is not None:
        _require_count(slots, "slots")
        if slots < n:
            raise ValidationError(
                f"slots ({slots}) must be at least the number of leaders ({n})",
                location=Location(field="slots", value=slots),
                hint="give the number of fixed chairs in the row, or leave slots out for movable chairs",
            )
        m = slots
        return [(i - (m - 1) / 2) * pitch for i in range(m)]
    if mode is not EvenMode.V3 or n % 2 == 1:
        return [(i - (n - 1) / 2) * pitch for i in range(n)]
    half = (n - 1) / 2 * pitch
    long_count = n // 2
    short_count = n // 2 - 1
    long_side = [half * k / long_count for k in range(1, long_count + 1)] if short_count else [pitch]
    short_side = [-half * k / short_count for k in range(short_count, 0, -1)]
    offsets = [*short_side, 0.0, *long_side]  # CN: the senior (longer) side is AV-right (+x)
    if conv is Convention.INTL:
        offsets = sorted(-x + 0.0 for x in offsets)
    return offsets


# --------------------------------------------------------------------------------------
# geometry
# --------------------------------------------------------------------------------------


def _senior_vector(seats: Sequence[Seat], convention: Convention, what: str) -> tuple[float, float]:
    left = _mean_vector([s.left_vector for s in seats], what)
    return left if convention is Convention.CN else (-left[0], -left[1])


def _rank_row(
    seats: Sequence[Seat],
    convention: Convention,
    even: EvenMode,
    equal_top_pair: bool,
    axis: tuple[float, float] | None = None,
) -> tuple[list[str], str | None]:
    if not seats:
        return [], None
    sv = _senior_vector(seats, convention, "this dais row")
    coords = [s.x * sv[0] + s.y * sv[1] for s in seats]
    centre = None if axis is None else axis[0] * sv[0] + axis[1] * sv[1]
    # V2 orders a central *pair*; an odd row split by an aisle (R-DAIS-11) has no seat on
    # the axis but keeps the odd sequence (R-DAIS-3), which ignores the even mode.
    v2 = even is EvenMode.V2 and len(seats) % 2 == 0
    order, empty = _centre_out(coords, no1_on_senior_seat=v2, empty_centre=equal_top_pair, centre=centre)
    return [seats[i].id for i in order], (seats[empty].id if empty is not None else None)


def _check_axis(axis: object) -> tuple[float, float] | None:
    if axis is None:
        return None
    try:
        x, y = cast(Any, axis)  # any pair of numbers; other values raise below
        point = (float(x), float(y))
    except (TypeError, ValueError):
        point = None
    if point is None or not all(math.isfinite(v) for v in point):
        raise ValidationError(
            f"axis must be a point (x, y) on the dais centre line, got {axis!r}",
            location=Location(field="axis", value=axis),
            hint="give a point in metres, plan frame, e.g. axis=(15.0, 20.0), or leave it out",
        )
    return point


def rank_dais_row(
    seats: Sequence[Seat],
    *,
    convention: Convention | str = Convention.CN,
    even: EvenMode | str = EvenMode.V1,
    equal_top_pair: bool = False,
    axis: tuple[float, float] | None = None,
) -> list[str]:
    """Seat ids of one dais row in precedence order, computed from geometry (R-DAIS-3…9).

    Parameters
    ----------
    seats
        The seats of one straight row, facing (roughly) the same way. Any
        direction works: positions are projected on the occupants' own left
        vector (:attr:`Seat.left_vector`, averaged over the row).
    convention
        CN (No.2 at No.1's own left) or INTL (own right), R-DAIS-2/9.
    even
        Used when no seat lies on the row's centre line (an even row of
        uniformly spaced seats): V1/V3 put No.1 on the central seat at his own
        right (CN), so No.2 is at his left (R-DAIS-4); V2 the other one
        (R-DAIS-5). When a seat lies on the centre line (odd rows, V3 rows from
        :func:`dais_offsets`, fixed chairs ``slots = n + 1``) No.1 takes it and
        No.2 goes to his senior hand (R-DAIS-3/6).
    equal_top_pair
        R-DAIS-7: the seat on the centre line stays empty and is **left out of
        the result**; No.1 takes the first seat at its senior hand (SV-left under
        CN), No.2 the first at its junior hand, then alternating. The row needs a
        seat on its centre line (an odd number of uniformly spaced seats).
    axis
        A point on the dais centre line (plan frame, metres). Default: the
        middle of the row's extent. Give it for rows that are not symmetric
        about the axis: an odd row split by an aisle (R-DAIS-11), a V3 row
        with an empty end chair.

    Returns
    -------
    list of str
        Seat ids, rank 1 first. The centre of the row is the axis (default the
        middle of its extent); ranks alternate between the sides seat by seat outward, so when
        a row has more seats than people the first ``k`` ids leave the *ends*
        empty.

    Raises
    ------
    ValidationError
        Bad option values; seats facing opposite ways; ``equal_top_pair`` on a
        row without a centre seat.

    Examples
    --------
    >>> from seatplan.model import Seat
    >>> row = [Seat(f"d{k}", "dais", 1, k, x=float(k), y=20.0, facing=270.0) for k in range(1, 6)]
    >>> rank_dais_row(row)       # AV positions d1..d5 carry 5 3 1 2 4
    ['d3', 'd4', 'd2', 'd5', 'd1']
    """
    conv = _coerce(Convention, convention, "convention")
    mode = _coerce(EvenMode, even, "even")
    ids, _ = _rank_row(list(seats), conv, mode, bool(equal_top_pair), _check_axis(axis))
    return ids


def _group_rows(seats: Sequence[Seat], tolerance: float, what: str) -> list[list[Seat]]:
    """Split seats into rows by depth along their common facing; front row first.

    The front row is the one furthest along the facing vector (for a dais: the
    row nearest the audience; for the floor: the row nearest the stage).
    """
    if not seats:
        return []
    f = _mean_vector([_unit(s.facing) for s in seats], what)
    keyed = sorted(seats, key=lambda s: -(s.x * f[0] + s.y * f[1]))
    rows: list[list[Seat]] = [[keyed[0]]]
    prev = keyed[0].x * f[0] + keyed[0].y * f[1]
    for s in keyed[1:]:
        d = s.x * f[0] + s.y * f[1]
        if prev - d > tolerance:
            rows.append([])
        rows[-1].append(s)
        prev = d
    return rows


def rank_dais(
    seats: Sequence[Seat],
    *,
    convention: Convention | str = Convention.CN,
    even: EvenMode | str = EvenMode.V1,
    equal_top_pair: bool = False,
    axis: tuple[float, float] | None = None,
) -> list[str]:
    """Seat ids of a whole dais in precedence order (R-DAIS-1, R-DAIS-10).

    Seats are grouped into rows by their depth along the (mean) facing
    direction, within :data:`DAIS_ROW_TOLERANCE`. The front row — the one
    nearest the audience, i.e. furthest along the facing vector — is ranked
    completely before the next row back (前为上、后为下); each row is ranked
    centre-out with :func:`rank_dais_row`, with the same handedness. Rows may
    differ in length.

    Parameters
    ----------
    seats
        All seats of one dais (any facing, all facing the same way).
    convention, even
        As in :func:`rank_dais_row`.
    equal_top_pair
        R-DAIS-7 for the **front row** (where ranks 1 and 2 sit): its centre seat
        is left empty and is **not in the result**, so no one is ever assigned to
        it. Back rows are ranked normally.
    axis
        A point on the dais centre line, as in :func:`rank_dais_row`; used
        for every row.

    Returns
    -------
    list of str
        Seat ids, rank 1 first; every seat exactly once except the empty centre
        seat of R-DAIS-7.

    Examples
    --------
    >>> from seatplan.model import Seat
    >>> front = [Seat(f"f{k}", "dais", 1, k, x=float(k), y=20.0, facing=270.0) for k in range(1, 4)]
    >>> back = [Seat(f"b{k}", "dais", 2, k, x=float(k), y=21.2, facing=270.0) for k in range(1, 4)]
    >>> rank_dais(front + back)
    ['f2', 'f3', 'f1', 'b2', 'b3', 'b1']
    """
    conv = _coerce(Convention, convention, "convention")
    mode = _coerce(EvenMode, even, "even")
    point = _check_axis(axis)
    out: list[str] = []
    for i, row in enumerate(_group_rows(list(seats), DAIS_ROW_TOLERANCE, "this dais")):
        ids, _ = _rank_row(row, conv, mode, bool(equal_top_pair) and i == 0, point)
        out.extend(ids)
    return out


# --------------------------------------------------------------------------------------
# validation of proposed sequences (R-DAIS-15)
# --------------------------------------------------------------------------------------


def _fmt(seq: Sequence[object]) -> str:
    return " ".join("∅" if r is None else str(r) for r in seq)


def check_dais_sequence(
    seq: Sequence[int],
    *,
    convention: Convention | str = Convention.CN,
    even: EvenMode | str = EvenMode.V1,
    view: View | str = View.AUDIENCE,
) -> list[str]:
    """Problems with a proposed left-to-right rank sequence for a dais row (R-DAIS-15).

    Parameters
    ----------
    seq
        Rank numbers seat by seat, left to right in ``view`` (e.g. copied from a
        document or a hand-made seat chart).
    convention, even, view
        What the sequence is supposed to follow; see :func:`dais_order`.

    Returns
    -------
    list of str
        Human-readable problems; empty when ``seq`` equals
        ``dais_order(len(seq), ...)``. Checks, in order: ranks form ``1..n``
        exactly once; No.1 on the centre seat (or the right seat of the central
        pair); ranks grow outward on each side (中央高于两侧, R-DAIS-1); each side
        holds ranks of one parity (no "mixed parity" such as ``8 6 4 1 2 3 5 7``,
        R-DAIS-15a); No.2 at the right hand of No.1; sides balanced; and whether
        the sequence is the right one in another frame, convention or even mode
        (a frame mix-up, R-DAIS-2, R-DAIS-15b). The last entry always gives the
        expected sequence.

    Raises
    ------
    ValidationError
        If an option is not one of its allowed values.

    Examples
    --------
    >>> check_dais_sequence([7, 5, 3, 1, 2, 4, 6])
    []
    >>> problems = check_dais_sequence([8, 6, 4, 1, 2, 3, 5, 7])
    >>> any("mixed parity" in p for p in problems)
    True
    """
    conv = _coerce(Convention, convention, "convention")
    mode = _coerce(EvenMode, even, "even")
    frame = _coerce(View, view, "view")
    frame_name = "stage view (SV)" if frame is View.STAGE else "audience view (AV)"
    items = list(seq)
    n = len(items)
    if n == 0:
        return ["the sequence is empty; a dais row needs at least one leader"]
    bad = [r for r in items if isinstance(r, bool) or not isinstance(r, int)]
    if bad:
        return [f"entries {bad!r} are not whole rank numbers; list ranks 1..{n} left to right"]
    problems: list[str] = []
    missing = sorted(set(range(1, n + 1)) - set(items))
    extra = sorted({r for r in items if not 1 <= r <= n})
    dupes = sorted({r for r in items if items.count(r) > 1})
    if dupes:
        problems.append(f"ranks {dupes} appear more than once")
    if missing:
        problems.append(f"ranks {missing} are missing (a row of {n} needs ranks 1..{n})")
    if extra:
        problems.append(f"ranks {extra} are outside 1..{n}")
    expected = dais_order(n, convention=conv, even=mode, view=frame)
    if problems:
        problems.append(f"expected {_fmt(expected)} ({conv.value}, {mode.value}, {frame_name})")
        return problems
    if items == expected:
        return []

    p1 = items.index(1)
    e1 = expected.index(1)
    if p1 != e1:
        if n % 2 == 1:
            problems.append(f"No.1 is at position {p1 + 1}, not on the centre seat (position {e1 + 1})")
        else:
            problems.append(
                f"No.1 is at position {p1 + 1}; with {mode.value} he takes position {e1 + 1} of the central pair"
            )
    left = items[:p1][::-1]  # outward from No.1, towards the frame's left
    right = items[p1 + 1 :]
    for name, side in (("left", left), ("right", right)):
        if any(b < a for a, b in pairwise(side)):
            problems.append(
                f"ranks do not grow outward on the {name} of No.1 ({_fmt(side)}); "
                "the centre outranks the sides (R-DAIS-1)"
            )
        if len({r % 2 for r in side}) > 1:
            problems.append(
                f"mixed parity: the {name} of No.1 holds both even and odd ranks ({_fmt(side)}); "
                "ranks must alternate from side to side (R-DAIS-15)"
            )
    if abs(len(left) - len(right)) > 1:
        problems.append(
            f"unbalanced sides: {len(left)} seats left of No.1 and {len(right)} right of him; "
            "the sides may differ by at most one seat"
        )
    if n >= 2:
        p2, e2 = items.index(2), expected.index(2)
        if (p2 < p1) != (e2 < e1):
            problems.append(
                f"No.2 should sit {'left' if e2 < e1 else 'right'} of No.1 in {frame_name} "
                f"({conv.value}, {mode.value}; R-DAIS-2/4/5/9)"
            )
    alt_frame = View.AUDIENCE if frame is View.PLAN else frame
    modes = [EvenMode.V1, EvenMode.V2] if n % 2 == 0 else [mode]  # V3 has the order of V1
    matches: list[str] = []
    for alt_conv, alt_mode, alt_view in product(Convention, modes, (View.AUDIENCE, View.STAGE)):
        if items != dais_order(n, convention=alt_conv, even=alt_mode, view=alt_view):
            continue
        what = []
        if alt_view is not alt_frame:
            what.append(f"{alt_view.value} view")
        if alt_conv is not conv:
            what.append(f"convention {alt_conv.value}")
        if alt_mode is not mode and not (mode is EvenMode.V3 and alt_mode is EvenMode.V1):
            what.append(f"even mode {alt_mode.value}")
        if what:
            matches.append(" and ".join(what))
    if matches:
        problems.append(
            f"this is the correct sequence for {'; or for '.join(matches)}: "
            "check the frame and the options (R-DAIS-2, R-DAIS-15)"
        )
    problems.append(f"expected {_fmt(expected)} ({conv.value}, {mode.value}, {frame_name}), got {_fmt(items)}")
    return problems


# --------------------------------------------------------------------------------------
# reading back a ranked dais (R-DAIS-1, R-DAIS-15)
# --------------------------------------------------------------------------------------


def dais_row_sequences(
    seats: Sequence[Seat],
    ranked_ids: Sequence[str],
    *,
    view: View | str = View.AUDIENCE,
) -> list[list[int | None]]:
    """Rank numbers of a ranked dais, row by row, left to right in ``view``.

    Parameters
    ----------
    seats
        All seats of one dais (any facing, all facing the same way).
    ranked_ids
        Seat ids in precedence order, e.g. from :func:`rank_dais` (seats not
        listed are empty chairs).
    view
        ``"audience"`` (AV, default) or ``"stage"`` (SV, the leaders' own left
        to right); ``"plan"`` is AV.

    Returns
    -------
    list of list of int or None
        One list per row, front row first; each entry is the rank *inside its
        row* (1 = the row's most honoured seat), ``None`` for a seat that is
        not in ``ranked_ids``.

    Examples
    --------
    >>> from seatplan.model import Seat
    >>> row = [Seat(f"d{k}", "dais", 1, k, x=float(k), y=20.0, facing=270.0) for k in range(1, 6)]
    >>> dais_row_sequences(row, rank_dais(row))
    [[5, 3, 1, 2, 4]]
    """
    frame = _coerce(View, view, "view")
    position = {sid: k for k, sid in enumerate(ranked_ids)}
    out: list[list[int | None]] = []
    for row in _group_rows(list(seats), DAIS_ROW_TOLERANCE, "this dais"):
        left = _mean_vector([s.left_vector for s in row], "this dais row")
        # the occupants face the audience: their own left is the audience's right
        av = sorted(row, key=lambda s: (s.x * left[0] + s.y * left[1], s.id))
        in_row = sorted((position[s.id], s.id) for s in row if s.id in position)
        rank = {sid: k for k, (_, sid) in enumerate(in_row, start=1)}
        seq = [rank.get(s.id) for s in av]
        out.append(seq if frame is not View.STAGE else seq[::-1])
    return out


def check_dais_rows(
    seats: Sequence[Seat],
    ranked_ids: Sequence[str],
    *,
    convention: Convention | str = Convention.CN,
    even: EvenMode | str = EvenMode.V1,
    equal_top_pair: bool = False,
) -> list[str]:
    """Problems with a ranked dais, checked row by row (R-DAIS-1, R-DAIS-7, R-DAIS-15).

    Every row is read in audience view and checked with
    :func:`check_dais_sequence` (empty chairs left out); the front row with
    ``equal_top_pair`` is compared with :func:`dais_slots`. Across rows, every
    seat of a row must come before every seat of the row behind it (前为上、
    后为下, R-DAIS-1/10).

    Parameters
    ----------
    seats
        All seats of one dais.
    ranked_ids
        Seat ids in precedence order (a seat not listed is an empty chair).
    convention, even, equal_top_pair
        What the order is supposed to follow.

    Returns
    -------
    list of str
        Problems, each starting with the row ("row 2: ..."); empty when the
        order is right.

    Examples
    --------
    >>> from seatplan.model import Seat
    >>> row = [Seat(f"d{k}", "dais", 1, k, x=float(k), y=20.0, facing=270.0) for k in range(1, 6)]
    >>> check_dais_rows(row, rank_dais(row))
    []
    >>> check_dais_rows(row, ["d1", "d2", "d3", "d4", "d5"])[0]
    'row 1: No.1 is at position 1, not on the centre seat (position 3)'
    """
    conv = _coerce(Convention, convention, "convention")
    mode = _coerce(EvenMode, even, "even")
    problems: list[str] = []
    rows = _group_rows(list(seats), DAIS_ROW_TOLERANCE, "this dais")
    row_of = {s.id: i for i, row in enumerate(rows) for s in row}
    unknown = [sid for sid in ranked_ids if sid not in row_of]
    if unknown:
        problems.append(f"seat ids {unknown[:5]} are not seats of this dais")
        return problems
    last_row = 0
    for k, sid in enumerate(ranked_ids, start=1):
        if row_of[sid] < last_row:
            problems.append(
                f"rank {k} is in row {row_of[sid] + 1} after a lower rank in row {last_row + 1}: "
                "the front row is filled before the next (R-DAIS-1, R-DAIS-10)"
            )
            break
        last_row = row_of[sid]
    for i, seq in enumerate(dais_row_sequences(seats, ranked_ids, view=View.AUDIENCE)):
        ranks = [r for r in seq if r is not None]
        if not ranks:
            continue
        if i == 0 and equal_top_pair:
            expected = [r for r in dais_slots(len(ranks), convention=conv, equal_top_pair=True) if r is not None]
            if ranks != expected:
                problems.append(
                    f"row 1: with an equal-rank top pair (R-DAIS-7) the audience view is "
                    f"{_fmt(dais_slots(len(ranks), convention=conv, equal_top_pair=True))}, got {_fmt(seq)}"
                )
            continue
        problems += [f"row {i + 1}: {p}" for p in check_dais_sequence(ranks, convention=conv, even=mode)]
    return problems
