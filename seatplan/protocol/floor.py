"""Audience floor (台下): seat numbering and fill order (R-AUD-2/3/4/9/10/11).

Floor seats face the dais, so a seated person's own left is the audience-view
(AV) left: "左/右" on the floor read the same from a seat and from the hall, and
the mirror of the dais (R-AUD-4). All left→right lists in this module are AV
(台下视角) unless they say otherwise.

Examples
--------
>>> number_row(7, numbering="centre-out")              # R-AUD-9, odd numbers AV-right
[6, 4, 2, 1, 3, 5, 7]
>>> number_floor([4, 4, 4], numbering="serpentine")     # R-AUD-10, T14
[[1, 2, 3, 4], [8, 7, 6, 5], [9, 10, 11, 12]]
>>> order_strips(4, centre_out=True)                    # R-AUD-3, AV strips D4 D2 D1 D3
[4, 2, 1, 3]
"""

from __future__ import annotations

from collections.abc import Sequence

from seatplan.errors import Location, ValidationError
from seatplan.model.enums import Convention, EvenMode, FillMethod, Numbering, Side, View
from seatplan.model.seats import Seat
from seatplan.protocol.dais import (
    _centre_out,
    _coerce,
    _group_rows,
    _mean_vector,
    _require_count,
    dais_order,
)

__all__ = [
    "FLOOR_ROW_TOLERANCE",
    "number_floor",
    "number_row",
    "order_strips",
    "rank_floor_seats",
    "split_strips",
]

#: Seats whose depth along the facing direction differs by at most this much
#: (metres) are in the same floor row.
FLOOR_ROW_TOLERANCE = 0.01


# --------------------------------------------------------------------------------------
# numbering (R-AUD-9, R-AUD-10)
# --------------------------------------------------------------------------------------


def number_row(
    count: int,
    *,
    numbering: Numbering | str,
    odd_side: Side | str = Side.RIGHT,
    start: int = 1,
    reverse: bool = False,
) -> list[int]:
    """Printed seat numbers of one row, listed AV left→right (R-AUD-9/10).

    Parameters
    ----------
    count
        Seats in the row (0 gives ``[]``).
    numbering
        ``SEQUENTIAL``: ``start, start+1, …`` from the AV-left end.
        ``SERPENTINE``: a single row of a serpentine plan is a sequential run;
        :func:`number_floor` chooses ``start`` and ``reverse`` per row.
        ``CENTRE_OUT`` (单双号, R-AUD-9): 1 at the centre, odd numbers going out
        on ``odd_side``, even numbers on the other side. For an even ``count``
        the 1 takes the seat of the central pair on ``odd_side`` and the 2 the
        other one, so each half of the row carries one parity (``6`` seats,
        odd side right → ``6 4 2 1 3 5``); for an odd ``count`` the odd side has
        the centre seat 1 plus as many seats as the even side.
    odd_side
        AV side that carries the odd numbers (CENTRE_OUT only). Venues differ
        (R-AUD-9), so state it.
    start
        First number (SEQUENTIAL/SERPENTINE); must be 1 for CENTRE_OUT, whose
        numbers are odd/even by construction.
    reverse
        Number from the other end: the returned list (still AV left→right) is
        reversed.

    Returns
    -------
    list of int
        ``count`` distinct numbers, AV left→right.

    Raises
    ------
    ValidationError
        Negative ``count``, ``start < 1``, ``start != 1`` with CENTRE_OUT, or a
        bad option value.

    Examples
    --------
    >>> number_row(5, numbering="sequential", start=27, reverse=True)
    [31, 30, 29, 28, 27]
    >>> number_row(17, numbering="centre-out", odd_side="left")[6:11]
    [5, 3, 1, 2, 4]
    """
    count = _require_count(count, "count", minimum=0)
    scheme = _coerce(Numbering, numbering, "numbering")
    side = _coerce(Side, odd_side, "odd_side")
    start = _require_count(start, "start")
    if scheme is Numbering.CENTRE_OUT:
        if start != 1:
            raise ValidationError(
                f"centre-out numbering (单双号) starts at 1, got start={start}",
                location=Location(field="start", value=start),
                hint="leave start at 1, or use sequential numbering for a run that continues",
            )
        odd_out = list(range(1, count + 1, 2))  # 1 at the centre (seat), then outward
        even_out = list(range(2, count + 1, 2))
        # AV left→right: one side reversed (outer end first), then the other side outward.
        nums = [*even_out[::-1], *odd_out] if side is Side.RIGHT else [*odd_out[::-1], *even_out]
    else:
        nums = list(range(start, start + count))
    return nums[::-1] if reverse else nums


def number_floor(
    rows: Sequence[int],
    *,
    numbering: Numbering | str,
    odd_side: Side | str = Side.RIGHT,
) -> list[list[int]]:
    """Printed seat numbers of a whole floor, row by row (R-AUD-9/10).

    Parameters
    ----------
    rows
        Seats per row, front row first.
    numbering
        ``SEQUENTIAL`` and ``CENTRE_OUT`` restart in every row (seat cards read
        "3排12号"). ``SERPENTINE`` (R-AUD-10) numbers continue from row to row:
        row 1 left→right ``1..n1``, row 2 right→left ``n1+1..n1+n2``, row 3
        left→right again, …, so consecutive numbers are neighbours and numbered
        cards handed out in order fill the hall front to back (R-AUD-11).
    odd_side
        For CENTRE_OUT, as in :func:`number_row`.

    Returns
    -------
    list of list of int
        One list per row, each AV left→right.

    Examples
    --------
    >>> number_floor([3, 3], numbering="sequential")
    [[1, 2, 3], [1, 2, 3]]
    """
    scheme = _coerce(Numbering, numbering, "numbering")
    side = _coerce(Side, odd_side, "odd_side")
    out: list[list[int]] = []
    next_number = 1
    for i, count in enumerate(rows):
        _require_count(count, f"rows[{i}]", minimum=0)
        if scheme is Numbering.SERPENTINE:
            out.append(number_row(count, numbering=scheme, start=next_number, reverse=i % 2 == 1))
            next_number += count
        else:
            out.append(number_row(count, numbering=scheme, odd_side=side))
    return out


# --------------------------------------------------------------------------------------
# fill order (R-AUD-2/3/4)
# --------------------------------------------------------------------------------------


def _lateral(seats: Sequence[Seat]) -> dict[str, float]:
    """Each seat's position along the occupants' own left→right (AV left→right)."""
    left = _mean_vector([s.left_vector for s in seats], "these floor seats")
    return {s.id: -(s.x * left[0] + s.y * left[1]) for s in seats}


def _rows(seats: Sequence[Seat]) -> tuple[list[list[Seat]], dict[str, float]]:
    """Rows front→back, each sorted AV left→right, and the lateral coordinate."""
    seats = list(seats)
    if not seats:
        return [], {}
    lat = _lateral(seats)
    rows = _group_rows(seats, FLOOR_ROW_TOLERANCE, "these floor seats")
    return [sorted(row, key=lambda s: (lat[s.id], s.id)) for row in rows], lat


def order_strips(k: int, *, centre_out: bool, hand: Convention | str = Convention.CN) -> list[int]:
    """Which delegation gets which column strip in 竖排法 (R-AUD-3).

    Parameters
    ----------
    k
        Number of delegations (= strips).
    centre_out
        False: delegations left→right in their fixed order. True: from the
        hall's centre outward, alternating, starting on the delegation No.1's
        own senior hand (CN: own left = AV-left on the floor; INTL: AV-right);
        an even ``k`` is centred like R-DAIS-4 V1 (No.2 at No.1's senior hand).
    hand
        CN (以左为上, default) or INTL (以右为上), for ``centre_out``.

    Returns
    -------
    list of int
        Delegation numbers (1 = first in the unit order), listed strip by strip
        AV left→right; strip ``i`` of :func:`split_strips` goes to delegation
        ``order_strips(...)[i]``.

    Examples
    --------
    >>> order_strips(4, centre_out=False)
    [1, 2, 3, 4]
    >>> order_strips(5, centre_out=True), order_strips(5, centre_out=True, hand="intl")
    ([4, 2, 1, 3, 5], [5, 3, 1, 2, 4])
    """
    k = _require_count(k, "k")
    conv = _coerce(Convention, hand, "hand")
    if not centre_out:
        return list(range(1, k + 1))
    # Floor occupants face the dais: their own left→right is AV left→right, which is
    # what the dais calls its stage view (the occupants' own view).
    return dais_order(k, convention=conv, even=EvenMode.V1, view=View.STAGE)


def split_strips(seats: Sequence[Seat], *, k: int) -> list[list[str]]:
    """Split floor seats into ``k`` vertical strips, AV left→right (竖排法, R-AUD-3).

    Every row (front→back) is cut into ``k`` contiguous runs of nearly equal
    length: the ``j``-th of the ``m`` seats of a row (0-based, AV left→right,
    counted across aisles) goes to strip ``floor((j + 1/2) * k / m)``, the strip
    under the middle of that seat's share of the row. Rows of equal length thus
    give straight strips; longer back rows give proportionally wider strips, and
    a row shorter than ``k`` spreads over the strips instead of piling up left.

    Parameters
    ----------
    seats
        Floor seats facing (roughly) the same way.
    k
        Number of strips (one per delegation).

    Returns
    -------
    list of list of str
        ``k`` lists of seat ids, AV left→right; inside a strip front row first,
        AV left→right within a row. A strip may be empty in rows shorter than
        ``k`` seats.

    Examples
    --------
    >>> from seatplan.model import Seat
    >>> hall = [Seat(f"r{r}s{c}", "floor", r, c, x=c * 0.55, y=-r * 0.9) for r in (1, 2) for c in (1, 2, 3, 4)]
    >>> split_strips(hall, k=2)
    [['r1s1', 'r1s2', 'r2s1', 'r2s2'], ['r1s3', 'r1s4', 'r2s3', 'r2s4']]
    """
    k = _require_count(k, "k")
    rows, _ = _rows(seats)
    strips: list[list[str]] = [[] for _ in range(k)]
    for row in rows:
        m = len(row)
        for j, s in enumerate(row):
            strips[((2 * j + 1) * k) // (2 * m)].append(s.id)
    return strips


def _columns(rows: list[list[Seat]], lat: dict[str, float]) -> list[list[str]]:
    """Seat columns (same lateral position within the row tolerance), AV left→right."""
    order = sorted((s for row in rows for s in row), key=lambda s: lat[s.id])
    row_of = {s.id: i for i, row in enumerate(rows) for s in row}
    cols: list[list[Seat]] = []
    prev: float | None = None
    for s in order:
        if prev is None or lat[s.id] - prev > FLOOR_ROW_TOLERANCE:
            cols.append([])
        cols[-1].append(s)
        prev = lat[s.id]
    return [[s.id for s in sorted(col, key=lambda s: (row_of[s.id], lat[s.id]))] for col in cols]


def rank_floor_seats(
    seats: Sequence[Seat],
    *,
    fill: FillMethod | str,
    hand: Convention | str = Convention.CN,
    strips: int | None = None,
) -> list[str]:
    """Floor seat ids in fill order (precedence), computed from geometry (R-AUD-2/3/4).

    Rows are groups of seats at the same depth along the (mean) facing
    direction, within :data:`FLOOR_ROW_TOLERANCE` (1 cm); the front row is the
    one furthest along the facing vector (largest ``y`` for seats facing +y).
    "AV left→right" is the occupants' own left→right, whatever way they face.

    Parameters
    ----------
    seats
        Floor seats, all facing (roughly) the same way.
    fill
        ``ROWS`` (横排法, R-AUD-2): front row first, AV left→right along the row
        (across aisles), then the next row back.
        ``CENTRE_OUT`` (左右排列法, R-AUD-4): row by row from the front; in each
        row No.1 is the seat on the hall's centre line (the middle of the
        lateral extent of *all* given seats), then alternately outward starting
        at his own senior hand: own left = AV-left under CN (7 seats → AV
        ``6 4 2 1 3 5 7``, T13), AV-right under INTL. A row with no seat on the
        centre line is centred like R-DAIS-4 V1 (No.2 at No.1's senior hand).
        ``COLUMNS`` (竖排法, R-AUD-3): strip by strip AV left→right; inside a
        strip front→back, then AV left→right. With ``strips=k`` the strips are
        those of :func:`split_strips`; with ``strips=None`` every seat column
        (seats at the same lateral position) is its own strip. Use
        :func:`order_strips` to decide which delegation takes which strip.
    hand
        Handedness for CENTRE_OUT (R-AUD-4); ignored by ROWS and COLUMNS, which
        are stated in AV by their sources.
    strips
        Number of strips for COLUMNS.

    Returns
    -------
    list of str
        Every seat id exactly once, most honoured first.

    Raises
    ------
    ValidationError
        Bad option values; seats facing opposite ways; ``strips < 1``.

    Examples
    --------
    >>> from seatplan.model import Seat
    >>> row = [Seat(f"s{c}", "floor", 1, c, x=float(c), y=5.0) for c in range(1, 6)]
    >>> rank_floor_seats(row, fill="centre-out")      # AV ranks 4 2 1 3 5
    ['s3', 's2', 's4', 's1', 's5']
    """
    method = _coerce(FillMethod, fill, "fill")
    conv = _coerce(Convention, hand, "hand")
    if strips is not None:
        _require_count(strips, "strips")
    rows, lat = _rows(seats)
    if not rows:
        return []
    if method is FillMethod.ROWS:
        return [s.id for row in rows for s in row]
    if method is FillMethod.COLUMNS:
        groups = split_strips(seats, k=strips) if strips is not None else _columns(rows, lat)
        return [sid for group in groups for sid in group]
    # CENTRE_OUT: coordinates towards the senior hand (CN: own left = AV-left).
    sign = -1.0 if conv is Convention.CN else 1.0
    values = [sign * v for v in lat.values()]
    centre = (min(values) + max(values)) / 2
    out: list[str] = []
    for row in rows:
        order, _ = _centre_out([sign * lat[s.id] for s in row], centre=centre)
        out.extend(row[i].id for i in order)
    return out
