"""Printed seat numbers of an audience floor, row by row (R-AUD-9, R-AUD-10).

Numbers are what a seat card and the floor plan show ("3排12号"); they do not rank
anyone (precedence lives in :mod:`seatplan.protocol`). All left→right lists are
audience view (AV, 台下视角): floor seats face the dais, so a seated person's own
left is the AV left.

Examples
--------
>>> number_row(7, numbering="centre-out")              # R-AUD-9, odd numbers AV-right
[6, 4, 2, 1, 3, 5, 7]
>>> number_floor([4, 4, 4], numbering="serpentine")     # R-AUD-10, T14
[[1, 2, 3, 4], [8, 7, 6, 5], [9, 10, 11, 12]]
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from seatplan.errors import Location, ValidationError
from seatplan.model.enums import Numbering, Side
from seatplan.protocol.dais import _coerce, _require_count

__all__ = [
    "number_floor",
    "number_row",
]


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


def _centre_out_numbers(xs: Sequence[float], centre: float, side: Side) -> list[int]:
    """单双号 from geometry: 1 nearest the centre line on ``side``, odds outward there, evens on the other side."""
    order = sorted(range(len(xs)), key=lambda i: (xs[i], i))
    sx = [xs[i] for i in order]
    gaps = [b - a for a, b in pairwise(sx) if b - a > 1e-9]
    tol = 0.25 * min(gaps) if gaps else 1e-9
    on_axis = [i for i in order if abs(xs[i] - centre) <= tol][:1]
    left = sorted((i for i in order if i not in on_axis and xs[i] < centre), key=lambda i: (centre - xs[i], i))
    right = sorted((i for i in order if i not in on_axis and xs[i] > centre), key=lambda i: (xs[i] - centre, i))
    odd, even = (right, left) if side is Side.RIGHT else (left, right)
    odd = on_axis + odd
    out = [0] * len(xs)
    for k, i in enumerate(odd):
        out[i] = 2 * k + 1
    for k, i in enumerate(even):
        out[i] = 2 * k + 2
    return out


def number_floor(
    rows: Sequence[int | Sequence[float]],
    *,
    numbering: Numbering | str,
    odd_side: Side | str = Side.RIGHT,
    centre: float | None = None,
) -> list[list[int]]:
    """Printed seat numbers of a whole floor, row by row (R-AUD-9/10).

    Parameters
    ----------
    rows
        Seats per row, front row first: a count per row, or the lateral
        positions of the row's seats (metres, AV left→right ascending) — then
        centre-out numbering is measured from ``centre``, so a row cut short on
        one side by a wall or a pillar keeps 1 next to the hall's centre line.
    numbering
        ``SEQUENTIAL`` and ``CENTRE_OUT`` restart in every row (seat cards read
        "3排12号"). ``SERPENTINE`` (R-AUD-10) numbers continue from row to row:
        row 1 left→right ``1..n1``, row 2 right→left ``n1+1..n1+n2``, row 3
        left→right again, …, so consecutive numbers are neighbours and numbered
        cards handed out in order fill the hall front to back (R-AUD-11).
    odd_side
        For CENTRE_OUT, as in :func:`number_row`.
    centre
        Lateral position of the hall's centre line (with positions in
        ``rows``); default the middle of each row.

    Returns
    -------
    list of list of int
        One list per row, each AV left→right.

    Examples
    --------
    >>> number_floor([3, 3], numbering="sequential")
    [[1, 2, 3], [1, 2, 3]]
    >>> number_floor([[-1.1, -0.55, 0.0, 0.55]], numbering="centre-out", centre=0.0)   # a row cut on the right
    [[4, 2, 1, 3]]
    """
    scheme = _coerce(Numbering, numbering, "numbering")
    side = _coerce(Side, odd_side, "odd_side")
    out: list[list[int]] = []
    next_number = 1
    for i, entry in enumerate(rows):
        if isinstance(entry, (int, bool)):
            count = _require_count(entry, f"rows[{i}]", minimum=0)
            positions: list[float] | None = None
        else:
            positions = sorted(float(v) for v in entry)
            count = len(positions)
        if scheme is Numbering.CENTRE_OUT and positions:
            c = centre if centre is not None else (positions[0] + positions[-1]) / 2
            out.append(_centre_out_numbers(positions, c, side))
        elif scheme is Numbering.SERPENTINE:
            out.append(number_row(count, numbering=scheme, start=next_number, reverse=i % 2 == 1))
            next_number += count
        else:
            out.append(number_row(count, numbering=scheme, odd_side=side))
    return out
