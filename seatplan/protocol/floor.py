"""Audience floor (台下): fill order (R-AUD-2/3/4/11).

Floor seats face the dais, so a seated person's own left is the audience-view
(AV) left: "左/右" on the floor read the same from a seat and from the hall, and
the mirror of the dais (R-AUD-4). All left→right lists in this module are AV
(台下视角) unless they say otherwise. The printed seat numbers of a floor
(R-AUD-9/10) are layout, not precedence: :mod:`seatplan.layout.numbering`.

Examples
--------
>>> order_strips(4, centre_out=True)                    # R-AUD-3, AV strips D4 D2 D1 D3
[4, 2, 1, 3]
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from typing import TypeVar

from seatplan.errors import Location, ValidationError
from seatplan.model.enums import Convention, EvenMode, FillMethod, View
from seatplan.model.meeting import FloorHand
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
    "fill_strips",
    "floor_hand_convention",
    "order_strips",
    "rank_floor_seats",
    "rotate_members",
    "rotate_strips",
    "split_strips",
]

_T = TypeVar("_T")

#: Seats whose depth along the facing direction differs by at most this much
#: (metres) are in the same floor row.
FLOOR_ROW_TOLERANCE = 0.01


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
    follow_numbers: bool = False,
    centre: float | None = None,
) -> list[str]:
    """Floor seat ids in fill order (precedence), computed from geometry (R-AUD-2/3/4/11).

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
        Number of strips for COLUMNS (equal shares of every row); to give each
        unit a strip wide enough for its members use :func:`fill_strips`.
    follow_numbers
        ROWS only: inside a row, take the seats in the order of their printed
        numbers instead of AV left→right, so seat cards handed out in number
        order fill the hall (R-AUD-11). With serpentine numbering (R-AUD-10)
        row 2 is then filled from its AV-right end (T14).
    centre
        CENTRE_OUT only: lateral position (AV left→right, metres, along the
        occupants' own right) of the hall's centre line; default the middle
        of the seats' lateral extent.

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
        if follow_numbers:
            return [s.id for row in rows for s in sorted(row, key=lambda s: (s.number, lat[s.id], s.id))]
        return [s.id for row in rows for s in row]
    if method is FillMethod.COLUMNS:
        groups = split_strips(seats, k=strips) if strips is not None else _columns(rows, lat)
        return [sid for group in groups for sid in group]
    # CENTRE_OUT: coordinates towards the senior hand (CN: own left = AV-left).
    sign = -1.0 if conv is Convention.CN else 1.0
    values = [sign * v for v in lat.values()]
    mid = (min(values) + max(values)) / 2 if centre is None else sign * centre
    out: list[str] = []
    for row in rows:
        order, _ = _centre_out([sign * lat[s.id] for s in row], centre=mid)
        out.extend(row[i].id for i in order)
    return out


# --------------------------------------------------------------------------------------
# 竖排法 strips sized per unit, floor hand, rotation (R-AUD-3/4/6)
# --------------------------------------------------------------------------------------


def floor_hand_convention(convention: Convention | str, floor_hand: FloorHand | str) -> Convention:
    """The handedness to rank floor seats with, for a convention and a floor hand rule (R-AUD-4).

    Parameters
    ----------
    convention
        CN (以左为上) or INTL (以右为上).
    floor_hand
        ``"own-left"``: the senior hand is the seated person's own hand (floor
        seats face the dais, so under CN No.2 sits at AV-left); ``"av-right"``:
        the dais picture seen from the audience is copied (under CN No.2 sits
        at AV-right).

    Returns
    -------
    Convention
        The value to pass as ``hand`` to :func:`rank_floor_seats` and
        :func:`order_strips`.

    Examples
    --------
    >>> floor_hand_convention("cn", "own-left"), floor_hand_convention("cn", "av-right")
    (<Convention.CN: 'cn'>, <Convention.INTL: 'intl'>)
    """
    conv = _coerce(Convention, convention, "convention")
    rule = _coerce(FloorHand, floor_hand, "floor_hand")
    if rule is FloorHand.OWN_LEFT:
        return conv
    return Convention.INTL if conv is Convention.CN else Convention.CN


def rotate_strips(
    sequence: Sequence[int],
    *,
    year: int,
    groups: int = 5,
    hand: Convention | str = Convention.CN,
) -> list[int]:
    """Move delegation strips outward by one group per year (R-AUD-6, NPC model).

    Strip positions are ranked by closeness to the hall's centre the way
    :func:`order_strips` ranks them (1 = the centre strip, then alternately
    the senior and the junior side). The delegations are taken in ``groups``
    groups of ``ceil(k / groups)`` consecutive positions in that ranking; each
    year every group moves one group outward and the outermost group returns
    to the centre (35 delegations in 5 groups of 7: after 5 years each has sat
    in the centre once).

    Parameters
    ----------
    sequence
        Unit numbers strip by strip, AV left→right, for the base year (e.g.
        from :func:`order_strips`).
    year
        Years since the base year (0 = unchanged).
    groups
        Number of groups (R-AUD-6: 5).
    hand
        Handedness of the centre-out ranking of positions (as in
        :func:`order_strips`).

    Returns
    -------
    list of int
        The same unit numbers in their new AV left→right order.

    Examples
    --------
    >>> base = order_strips(5, centre_out=True)          # AV: 4 2 1 3 5
    >>> base, rotate_strips(base, year=1, groups=5)       # 1 moves out, 5 comes to the centre
    ([4, 2, 1, 3, 5], [3, 1, 5, 2, 4])
    """
    seq = list(sequence)
    k = len(seq)
    _require_count(year, "year", minimum=0)
    _require_count(groups, "groups")
    if k == 0 or year == 0:
        return seq
    centrality = order_strips(k, centre_out=True, hand=hand)  # centrality rank of each AV position
    position_of = {c: p for p, c in enumerate(centrality)}
    shift = year * math.ceil(k / groups)
    out = [0] * k
    for p, unit in enumerate(seq):
        c = (centrality[p] - 1 + shift) % k + 1
        out[position_of[c]] = unit
    return out


def rotate_members(members: Sequence[_T], *, year: int, fraction: float = 0.2) -> list[_T]:
    """Move the front fifth of a delegation to its back, ``year`` times (R-AUD-6).

    Each year the first ``ceil(fraction * m)`` of the ``m`` members go to the
    back and everybody else moves up (30 deputies: 1–6 to the back, 7–30 up by
    six).

    Parameters
    ----------
    members
        The members in their base-year order, front first.
    year
        Years since the base year.
    fraction
        Share that moves each year (R-AUD-6: about one fifth).

    Returns
    -------
    list
        The members in this year's order.

    Examples
    --------
    >>> rotate_members(list(range(1, 11)), year=1)
    [3, 4, 5, 6, 7, 8, 9, 10, 1, 2]
    """
    items = list(members)
    _require_count(year, "year", minimum=0)
    if not 0 < fraction <= 1:
        raise ValidationError(
            f"fraction must be in (0, 1], got {fraction!r}", location=Location(field="fraction", value=fraction),
            hint="use 0.2 for the NPC's one fifth",
        )
    m = len(items)
    if m < 2 or year == 0:
        return items
    shift = (year * math.ceil(fraction * m)) % m
    return items[shift:] + items[:shift]


def fill_strips(
    seats: Sequence[Seat],
    sizes: Sequence[int],
    *,
    sequence: Sequence[int] | None = None,
    centre_out: bool = False,
    hand: Convention | str = Convention.CN,
    centre: float | None = None,
) -> list[list[str]]:
    """One contiguous column strip per unit, wide enough for its members (竖排法, R-AUD-3).

    The seat columns of the floor (seats at the same lateral position, AV
    left→right, counted across aisles) are shared out so that every unit gets
    a run of neighbouring columns holding all its members within the first
    ``D`` rows, with ``D`` as small as possible: units sit as far forward as
    they can, and a large unit simply gets more columns. Inside a strip the
    members run front→back (row 1 of the strip AV left→right, then row 2...).
    A strip that would run across an aisle starts beyond it instead when the
    block there holds the whole unit and this costs at most one more row; a
    unit larger than a block spans the aisle.

    Parameters
    ----------
    seats
        The seats to share out (reserved seats already removed), all facing
        the same way.
    sizes
        Members per unit, in unit order (unit 1 first).
    sequence
        Unit numbers (1-based) strip by strip AV left→right; default
        :func:`order_strips` for ``centre_out`` and ``hand`` (possibly rotated
        with :func:`rotate_strips`).
    centre_out
        False: strips are laid from the AV-left end of the floor. True: the
        strip with centrality 1 is centred on the hall's centre line and the
        others are added outward on their side of it (R-AUD-3's "以会场中心座位
        为基点，向两边交错扩展").
    hand
        Handedness of the centre-out order (see :func:`floor_hand_convention`).
    centre
        Lateral position of the centre line (AV left→right, metres); default
        the middle of the seats' lateral extent.

    Returns
    -------
    list of list of str
        For each unit, in unit order: every seat id of its strip in fill order.
        The first ``sizes[i]`` are its members' seats; the rest of the strip
        stays empty.

    Raises
    ------
    ValidationError
        If the units do not fit side by side even using every row.

    Examples
    --------
    >>> from seatplan.model import Seat
    >>> hall = [Seat(f"r{r}c{c}", "floor", r, c, x=c * 0.55, y=-r * 0.9) for r in (1, 2, 3) for c in range(1, 7)]
    >>> [s[:n] for s, n in zip(fill_strips(hall, [5, 2, 3]), [5, 2, 3])]
    [['r1c1', 'r1c2', 'r1c3', 'r2c1', 'r2c2'], ['r1c4', 'r2c4'], ['r1c5', 'r1c6', 'r2c5']]
    """
    conv = _coerce(Convention, hand, "hand")
    k = len(sizes)
    for i, n in enumerate(sizes):
        _require_count(n, f"sizes[{i}]", minimum=0)
    if sequence is None:
        seq = order_strips(k, centre_out=centre_out, hand=conv) if k else []
    else:
        seq = list(sequence)
        if sorted(seq) != list(range(1, k + 1)):
            raise ValidationError(
                f"sequence {seq} is not a permutation of the units 1..{k}",
                location=Location(field="sequence", value=seq),
                hint="list every unit number once, strip by strip from the audience-view left",
            )
    if k == 0:
        return []
    rows, lat = _rows(seats)
    need = sum(sizes)
    if need > len(seats):
        raise ValidationError(
            f"{need} people in {k} units but only {len(seats)} seats",
            location=Location(field="sizes", value=need),
            hint="add rows or seats, or seat some people elsewhere",
        )
    row_of = {s.id: i for i, row in enumerate(rows) for s in row}
    cols = _columns(rows, lat)
    col_lat = [sum(lat[sid] for sid in col) / len(col) for col in cols]
    axis = centre if centre is not None else ((min(lat.values()) + max(lat.values())) / 2 if lat else 0.0)
    block = _column_blocks(col_lat)

    def first_fit(blocks: list[int] | None) -> tuple[int, list[tuple[int, int]]] | None:
        for depth in range(1, len(rows) + 1):
            cap = [sum(1 for sid in col if row_of[sid] < depth) for col in cols]
            spans = _place_strips(
                cap, col_lat, sizes, seq, centre_out=centre_out, senior_left=conv is Convention.CN, axis=axis, block=blocks
            )
            if spans is not None:
                return depth, spans
        return None

    crossing = first_fit(None)
    # Keep a unit out of an aisle when that costs at most one more row.
    apart = first_fit(block) if crossing is not None and max(block) > 0 else None
    best = apart if apart is not None and crossing is not None and apart[0] <= crossing[0] + 1 else crossing
    if best is not None:
        spans = best[1]
    else:
        raise ValidationError(
            f"{k} units of {', '.join(map(str, sizes))} people do not fit side by side in {len(cols)} seat columns "
            f"of {len(rows)} rows (竖排法, R-AUD-3)",
            location=Location(field="fill", value="columns"),
            hint='use more rows or wider blocks, fill = "rows", or a balcony for the units that do not fit',
        )
    out: list[list[str]] = []
    for start, stop in spans:
        strip = [sid for col in cols[start:stop] for sid in col]
        out.append(sorted(strip, key=lambda sid: (row_of[sid], lat[sid], sid)))
    return out


def _column_blocks(col_lat: list[float]) -> list[int]:
    """Block number (0, 1, ...) of every seat column: a gap over 1.5 pitches is an aisle."""
    gaps = [b - a for a, b in itertools.pairwise(col_lat)]
    if not gaps:
        return [0] * len(col_lat)
    pitch = sorted(gaps)[len(gaps) // 2]
    out, b = [0], 0
    for g in gaps:
        if g > 1.5 * pitch:
            b += 1
        out.append(b)
    return out


def _place_strips(
    cap: list[int],
    col_lat: list[float],
    sizes: Sequence[int],
    seq: Sequence[int],
    *,
    centre_out: bool,
    senior_left: bool,
    axis: float,
    block: list[int] | None = None,
) -> list[tuple[int, int]] | None:
    """Column spans ``(start, stop)`` per unit (unit order), or None if they do not fit.

    With ``block`` (the block number of every column), a strip that would run
    across an aisle starts beyond the aisle instead when the block there can
    hold the whole unit; the columns skipped stay empty.
    """
    n = len(cap)
    spans: list[tuple[int, int]] = [(0, 0)] * len(sizes)

    def run(start: int, step: int, size: int, stay: bool) -> int | None:
        """Index past the last column needed from ``start`` going ``step``; with ``stay``, only inside one block."""
        got, i = 0, start
        while got < size:
            if not 0 <= i < n or (stay and block is not None and block[i] != block[start]):
                return None
            got += cap[i]
            i += step
        return i

    def grow(start: int, step: int, size: int) -> tuple[int, int] | None:
        """(first column, index past the last) of a strip grown from ``start`` in direction ``step``."""
        if size == 0 or block is None or not 0 <= start < n:
            end = run(start, step, size, False)
            return None if end is None else (start, end)
        end = run(start, step, size, True)
        if end is not None:
            return start, end
        nxt = start
        while 0 <= nxt < n and block[nxt] == block[start]:
            nxt += step
        if 0 <= nxt < n:
            jumped = run(nxt, step, size, True)
            if jumped is not None:
                return nxt, jumped
        end = run(start, step, size, False)
        return None if end is None else (start, end)

    if not centre_out:
        pointer = 0
        for unit in seq:
            got = grow(pointer, 1, sizes[unit - 1])
            if got is None:
                return None
            spans[unit - 1] = got
            pointer = got[1]
        return spans
    # centre-out: the strip of the most central position is laid as close to the axis as the
    # other strips allow, then the others are added outward on their side of it
    k = len(seq)
    centrality = order_strips(k, centre_out=True, hand=Convention.CN if senior_left else Convention.INTL)
    middle = centrality.index(1)
    first = seq[middle]
    size = sizes[first - 1]
    candidates: list[tuple[float, int, int, int]] = []
    for start in range(n):
        end = run(start, 1, size, False)
        if end is None:
            break
        mid = (col_lat[start] + col_lat[max(end - 1, start)]) / 2
        candidates.append((abs(mid - axis), 0 if (mid <= axis) == senior_left else 1, start, end))
    by_centrality = sorted(range(k), key=lambda p: centrality[p])[1:]
    for _, _, lo, hi in sorted(candidates):
        trial = list(spans)
        trial[first - 1] = (lo, hi)
        left_edge, right_edge = lo, hi
        for p in by_centrality:
            unit = seq[p]
            if p < middle:
                placed = grow(left_edge - 1, -1, sizes[unit - 1])
                if placed is None:
                    break
                trial[unit - 1] = (placed[1] + 1, placed[0] + 1)
                left_edge = placed[1] + 1
            else:
                placed = grow(right_edge, 1, sizes[unit - 1])
                if placed is None:
                    break
                trial[unit - 1] = placed
                right_edge = placed[1]
        else:
            return trial
    return None
