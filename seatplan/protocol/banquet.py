"""Banquet protocol: table ranks (桌次) and place ranks (位次), R-BNQ-1 … R-BNQ-14.

Everything here is a pure function over plan geometry (architecture §3): tables
are centre points, places are points (or angles) around a table centre, the door
is a point. Nothing assumes the door is at the bottom of the plan; "far from the
door", "facing the door" and "the host's right" are computed from positions and
facing vectors, so a banquet hall rotated by any angle gets the same ranks.

Frames used in this module
--------------------------
*Inward direction* ``u``
    Unit vector from the main door into the room (towards the far wall). Default:
    from the door towards the centroid of the tables; pass ``inward=`` (e.g. from
    :func:`door_inward`) to measure along the wall normal instead.
*Depth*
    ``(p - door) · u``: how far a table is from the door *along* ``u``
    (以远为上 compares depths, not straight-line distances, so the three tables of
    a far row are equally far).
*Host's right*
    A person at the far wall facing the door faces ``-u``; his own right hand
    points along ``rot90(u)`` (counter-clockwise). With the door at the bottom
    of a plan (``u = +y``) that is PV-left, as the rule book says (R-BNQ-2).
*Places at a round table*
    Everybody faces the table centre, so "his right" is the counter-clockwise
    direction around the table for every seated person. ``R1…`` are the seats
    counter-clockwise from the host, ``L1…`` clockwise, ``O`` the seat opposite
    (R-BNQ-7 seat names).

Examples
--------
>>> rank_tables([(0.0, 0.0), (3.0, 0.0)], door=(1.5, -6.0))      # T15: PV `1 2`
[1, 2]
>>> rank_tables([(-3.0, 0.0), (0.0, 0.0), (3.0, 0.0)], door=(0.0, -6.0))   # T16: `2 1 3`
[2, 1, 3]
>>> place_sequence(10)                                             # T18
['H', 'R1', 'L1', 'R2', 'L2', 'R3', 'L3', 'R4', 'L4', 'O']
>>> table_sizes(48)
([10, 10, 10, 10, 8], [])
>>> table_diameter(10)
1.8
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Sequence
from enum import StrEnum
from typing import NamedTuple

from seatplan.errors import GeometryError, Location, ValidationError
from seatplan.model.banquet import (
    DEFAULT_TIE_BREAK,
    BanquetVariant,
    HostFacing,
    InterpreterPlacement,
    RightOf,
    TableHandedness,
    TieBreak,
)
from seatplan.model.enums import coerce_choice as _coerce
from seatplan.model.seats import Seat
from seatplan.protocol.geometry import (
    Point,
    PointLike,
    _angle_unit,
    _ccw,
    _dot,
    _norm,
    _point,
    _sub,
    _tolerance,
    _tolerant_order,
    _unit,
    _wrap_deg,
)

__all__ = [
    "DEFAULT_TIE_BREAK",
    "TABLE_TOLERANCE",
    "BanquetVariant",
    "HostFacing",
    "InterpreterPlacement",
    "InterpreterSpot",
    "MainRule",
    "RightOf",
    "TableHandedness",
    "TieBreak",
    "choose_main_table",
    "door_inward",
    "interpreter_position",
    "label_places",
    "place_sequence",
    "rank_banquet_seats",
    "rank_places",
    "rank_tables",
    "table_diameter",
    "table_sizes",
]


# --------------------------------------------------------------------------------------
# enums (module-local; model/enums.py belongs to the data model)
# --------------------------------------------------------------------------------------


class MainRule(StrEnum):
    """How the main table (主桌) is chosen when it is not given (R-BNQ-2).

    ``FAR`` (default without a stage): 以远为上 first — the row farthest from the
    door —, then 居中为上 inside that row, then 以右为上.
    ``CENTRE``: 居中为上 in two dimensions — the table nearest the middle of the
    whole arrangement (quincunx, 3×3 with the main table in the centre) —, then
    far, then right.
    ``STAGE`` (default when a stage point is given): 临台为上 — nearest the
    stage —, then centred, then far, then right.
    """

    FAR = "far"
    CENTRE = "centre"
    STAGE = "stage"


#: Distances (metres) closer than this count as equal when ranking tables.
TABLE_TOLERANCE = 0.05


# --------------------------------------------------------------------------------------
# room frame
# --------------------------------------------------------------------------------------


def door_inward(outline: Sequence[PointLike], door: PointLike) -> Point:
    """Unit vector from ``door`` into the room, normal to the wall the door is in.

    Parameters
    ----------
    outline
        Room polygon (either orientation), plan frame, metres.
    door
        Door point (usually on an edge of ``outline``).

    Returns
    -------
    (float, float)
        The inward normal of the outline edge nearest to the door. Pass it as
        ``inward=`` to :func:`rank_tables` when the door is off-centre, so that
        "far from the door" is measured perpendicular to the door's wall.

    Raises
    ------
    GeometryError
        If the outline has fewer than 3 points or no area.

    Examples
    --------
    >>> door_inward([(0, 0), (10, 0), (10, 8), (0, 8)], (2.0, 0.0))
    (0.0, 1.0)
    """
    pts = [_point(p, "outline") for p in outline]
    d = _point(door, "door")
    if len(pts) < 3:
        raise GeometryError("the room outline needs at least 3 points", location=Location(field="outline"))
    area2 = sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(pts, pts[1:] + pts[:1]))
    if abs(area2) < 1e-12:
        raise GeometryError("the room outline has no area", location=Location(field="outline"))
    best: tuple[float, Point] | None = None
    for a, b in zip(pts, pts[1:] + pts[:1]):
        ab = _sub(b, a)
        L2 = _dot(ab, ab)
        if L2 < 1e-18:
            continue
        t = max(0.0, min(1.0, _dot(_sub(d, a), ab) / L2))
        q = (a[0] + t * ab[0], a[1] + t * ab[1])
        dist = _norm(_sub(d, q))
        if best is None or dist < best[0] - 1e-12:
            n = _unit(_ccw(ab))  # left of the edge = inside for a counter-clockwise outline
            if area2 < 0:
                n = (-n[0], -n[1])
            best = (dist, (n[0] + 0.0, n[1] + 0.0))
    assert best is not None
    return best[1]


def _room_frame(door: Point, points: Sequence[Point], inward: PointLike | None) -> tuple[Point, Point]:
    """Return ``(u, host_right)``: inward unit vector and the door-facing host's right hand."""
    if inward is not None:
        u = _unit(_point(inward, "inward"), "inward")
    else:
        cx = sum(p[0] for p in points) / len(points)
        cy = sum(p[1] for p in points) / len(points)
        v = (cx - door[0], cy - door[1])
        if _norm(v) < 1e-6:
            raise GeometryError(
                "the door is at the middle of the tables, so 'far from the door' is undefined",
                location=Location(field="door", value=door),
                hint="give inward= (the direction from the door into the room), e.g. door_inward(outline, door)",
            )
        u = _unit(v)
    return u, _ccw(u)


def _side_vector(host_right: Point, right_of: RightOf, handedness: TableHandedness) -> Point:
    """The vector along which tables rank first (R-BNQ-2 以右为上, with the two flags)."""
    sign = 1.0
    if right_of is RightOf.ENTRANT:
        sign = -sign
    if handedness is TableHandedness.LEFT:
        sign = -sign
    return (sign * host_right[0], sign * host_right[1])


# --------------------------------------------------------------------------------------
# tables: sizes, diameters, ranks
# --------------------------------------------------------------------------------------


def table_sizes(n_guests: int, *, max_size: int = 10, even: bool = True) -> tuple[list[int], list[str]]:
    """Split ``n_guests`` into banquet tables (R-BNQ-1).

    Uses the fewest tables of at most ``max_size`` people and spreads people as
    evenly as possible (in pairs when ``even``), the larger tables first — so the
    main table, listed first, is the one that may be "slightly larger" and no two
    tables differ by more than one pair.

    Parameters
    ----------
    n_guests
        Number of people to seat (hosts included), ``>= 0``.
    max_size
        Largest table, people. With ``even`` an odd ``max_size`` is rounded down
        to the next even number. R-BNQ-1 recommends at most 10.
    even
        Keep every table at an even head count (好事成双).

    Returns
    -------
    sizes, warnings
        People per table, largest first; and plain-language warnings (an odd total
        that cannot make every table even — one table, a larger one where sizes
        differ, gets one person less; tables above 10). Warnings never fail the
        call.

    Raises
    ------
    ValidationError
        ``n_guests < 0`` or ``max_size`` too small (< 1, or < 2 with ``even``).

    Examples
    --------
    >>> table_sizes(48)
    ([10, 10, 10, 10, 8], [])
    >>> table_sizes(42)[0]
    [10, 8, 8, 8, 8]
    >>> sizes, warnings = table_sizes(47)
    >>> sizes, len(warnings)
    ([10, 10, 10, 9, 8], 1)
    """
    for name, value in (("n_guests", n_guests), ("max_size", max_size)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(f"{name} must be a whole number, got {value!r}", location=Location(field=name))
    if n_guests < 0:
        raise ValidationError(
            f"n_guests must be >= 0, got {n_guests}", location=Location(field="n_guests", value=n_guests)
        )
    warnings: list[str] = []
    if max_size > 10:
        warnings.append(f"R-BNQ-1: tables of up to {max_size} people; keep each table at 10 or fewer where possible")
    if even:
        cap = max_size - max_size % 2
        if cap < 2:
            raise ValidationError(
                f"max_size {max_size} leaves no even table size",
                location=Location(field="max_size", value=max_size),
                hint="use max_size >= 2, or even=False",
            )
        if n_guests == 0:
            return [], warnings
        odd = n_guests % 2 == 1
        pairs = (n_guests + 1) // 2
        per = cap // 2
        k = -(-pairs // per)
        q, r = divmod(pairs, k)
        sizes = [2 * (q + 1)] * r + [2 * q] * (k - r)
        if odd:
            # one table gets one person less: a larger one if sizes differ (keeps the spread <= 2)
            j = r - 1 if r else k - 1
            sizes[j] -= 1
            warnings.append(
                f"R-BNQ-1: {n_guests} people cannot fill every table with an even number; "
                f"one table seats {sizes[j]} (or lay {sizes[j] + 1} places and leave one empty)"
            )
            sizes.sort(reverse=True)
        return sizes, warnings
    if max_size < 1:
        raise ValidationError(
            f"max_size must be >= 1, got {max_size}", location=Location(field="max_size", value=max_size)
        )
    if n_guests == 0:
        return [], warnings
    k = -(-n_guests // max_size)
    q, r = divmod(n_guests, k)
    return [q + 1] * r + [q] * (k - r), warnings


def table_diameter(seats: int) -> float:
    """Round-table diameter in metres for ``seats`` places (R-PHY-10, Chinese hotel practice).

    ``0.8 + 0.1 × seats``: 8 → 1.6, 10 → 1.8, 12 → 2.0, 14 → 2.2, 16 → 2.4.

    Out of the quoted range: tables for 1-6 people are 1.4 m (the source gives
    "4—6人1.4m"; smaller round banquet tables are not made); above 16 the same
    0.1 m per seat is extrapolated (18 → 2.6, 20 → 2.8), which matches the large
    banquet rounds on the market but is not in the source.

    Raises
    ------
    ValidationError
        ``seats < 1`` or not an integer.

    Examples
    --------
    >>> [table_diameter(n) for n in (4, 8, 10, 12, 16, 20)]
    [1.4, 1.6, 1.8, 2.0, 2.4, 2.8]
    """
    if isinstance(seats, bool) or not isinstance(seats, int) or seats < 1:
        raise ValidationError(
            f"seats must be a whole number >= 1, got {seats!r}", location=Location(field="seats", value=seats)
        )
    return round(max(1.4, 0.8 + 0.1 * seats), 2)


def _table_points(centres: Sequence[PointLike], tolerance: float) -> list[Point]:
    pts = [_point(c, f"centres[{i}]") for i, c in enumerate(centres)]
    for i in range(len(pts)):
        for j in range(i + 1, len(pts)):
            if _norm(_sub(pts[i], pts[j])) <= max(tolerance, 1e-9):
                raise GeometryError(
                    f"tables {i} and {j} are at the same place {pts[i]}",
                    location=Location(field="centres", value=pts[i]),
                    hint="give every table its own centre point",
                )
    return pts


def choose_main_table(
    centres: Sequence[PointLike],
    *,
    door: PointLike,
    stage: PointLike | None = None,
    inward: PointLike | None = None,
    main_rule: MainRule | str | None = None,
    right_of: RightOf | str = RightOf.HOST,
    table_handedness: TableHandedness | str = TableHandedness.RIGHT,
    tolerance: float = TABLE_TOLERANCE,
) -> int:
    """Index of the main table (主桌) chosen by R-BNQ-2.

    The four principles are applied lexicographically (each comparison treats
    values within ``tolerance`` metres as equal):

    * ``FAR`` (default): largest depth (以远为上), then nearest the lateral middle
      of the whole arrangement (居中为上), then furthest towards the preferred
      hand (以右为上).
    * ``CENTRE``: nearest the middle of the arrangement's bounding box in the room
      frame (居中为上 in two dimensions), then far, then right.
    * ``STAGE`` (default when ``stage`` is given): nearest the stage point
      (临台为上), then centred, then far, then right.

    Parameters
    ----------
    centres, door, stage, inward, right_of, table_handedness, tolerance
        As in :func:`rank_tables`.
    main_rule
        :class:`MainRule` or its value; None picks STAGE with a stage, FAR without.

    Returns
    -------
    int
        Index into ``centres``.
    """
    rule = _main_rule(main_rule, stage)
    tol = _tolerance(tolerance, "tolerance")
    pts = _table_points(centres, tol)
    if not pts:
        raise ValidationError("there are no tables to choose from", location=Location(field="centres"))
    d = _point(door, "door")
    if len(pts) == 1:
        return 0
    u, hr = _room_frame(d, pts, inward)
    side = _side_vector(
        hr,
        _coerce(RightOf, right_of, "right_of"),
        _coerce(TableHandedness, table_handedness, "table_handedness"),
    )
    return _choose_main(pts, d, u, hr, side, rule, None if stage is None else _point(stage, "stage"), tol)


def _main_rule(main_rule: MainRule | str | None, stage: object) -> MainRule:
    if main_rule is None:
        return MainRule.STAGE if stage is not None else MainRule.FAR
    rule = _coerce(MainRule, main_rule, "main_rule")
    if rule is MainRule.STAGE and stage is None:
        raise ValidationError(
            "main_rule 'stage' (临台为上) needs the stage position",
            location=Location(field="stage"),
            hint="give stage=(x, y), the middle of the stage front edge",
        )
    return rule


def _choose_main(
    pts: Sequence[Point],
    door: Point,
    u: Point,
    hr: Point,
    side: Point,
    rule: MainRule,
    stage: Point | None,
    tol: float,
) -> int:
    depth = [_dot(_sub(p, door), u) for p in pts]
    lat = [_dot(p, hr) for p in pts]
    sv = [_dot(p, side) for p in pts]
    lat_mid = (min(lat) + max(lat)) / 2
    dep_mid = (min(depth) + max(depth)) / 2

    def far(i: int) -> float:
        return -depth[i]

    def centred(i: int) -> float:
        return abs(lat[i] - lat_mid)

    def right(i: int) -> float:
        return -sv[i]

    if rule is MainRule.FAR:
        keys = [far, centred, right]
    elif rule is MainRule.CENTRE:
        keys = [lambda i: math.hypot(lat[i] - lat_mid, depth[i] - dep_mid), far, right]
    else:
        assert stage is not None
        keys = [lambda i: _norm(_sub(pts[i], stage)), centred, far, right]
    return _tolerant_order(range(len(pts)), keys, tol)[0]


def rank_tables(
    centres: Sequence[PointLike],
    *,
    door: PointLike,
    main: int | None = None,
    stage: PointLike | None = None,
    inward: PointLike | None = None,
    main_rule: MainRule | str | None = None,
    tie_break: Sequence[TieBreak | str] = DEFAULT_TIE_BREAK,
    right_of: RightOf | str = RightOf.HOST,
    table_handedness: TableHandedness | str = TableHandedness.RIGHT,
    tolerance: float = TABLE_TOLERANCE,
) -> list[int]:
    """Table ranks (桌次, 1 = main table) from table positions (R-BNQ-2 … R-BNQ-5).

    1. The main table is ``main`` if given, else :func:`choose_main_table`
       (R-BNQ-2: far / centred / right / near the stage, see :class:`MainRule`).
    2. The other tables rank by straight-line distance to the main table, nearer
       first (R-BNQ-4).
    3. Equal distances (within ``tolerance``) are broken by the steps of
       ``tie_break`` in order (R-BNQ-5 steps 3-5, default: same row as the main
       table first, then farther from the door, then the preferred hand), and
       finally by input order.

    Parameters
    ----------
    centres
        Table centre points (plan frame, metres), any order, any rotation.
    door
        The main door (正门): a point or a :class:`~seatplan.model.Door`.
    main
        Index of the main table, if fixed by the organisers.
    stage
        Middle of the stage front, if there is a stage (临台为上).
    inward
        Direction from the door into the room; default door → centroid of the
        tables. Depth ("far"), rows ("same row") and hands are measured in this
        frame.
    main_rule
        :class:`MainRule`; default STAGE when ``stage`` is given, else FAR.
    tie_break
        Sequence of :class:`TieBreak` steps (or their values), each at most once;
        an empty sequence leaves ties in input order.
    right_of
        Whose right hand 以右为上 means: the host facing the door (default, PV-left
        with the door at the bottom) or the entrant (PV-right), R-BNQ-2.
    table_handedness
        ``"right"`` (以右为上, default) or ``"left"`` (the folk 2/4/6 on the left
        variant of R-BNQ-5). Applies to the main-table choice and the tie-break.
    tolerance
        Metres within which distances, depths and offsets count as equal.

    Returns
    -------
    list of int
        ``ranks[i]`` is the rank of table ``i``: a permutation of ``1..n``.

    Raises
    ------
    ValidationError
        Bad options, ``main`` out of range, a repeated tie-break step.
    GeometryError
        Two tables at the same point; the door at the middle of the tables
        without ``inward``.

    Examples
    --------
    R-BNQ-5, five tables: the main table at the top centre, four in a row below
    (door at the bottom; PV bottom row ``4 2 3 5``):

    >>> rank_tables([(0, 3), (-4.5, 0), (-1.5, 0), (1.5, 0), (4.5, 0)], door=(0, -5))
    [1, 4, 2, 3, 5]
    """
    tol = _tolerance(tolerance, "tolerance")
    pts = _table_points(centres, tol)
    n = len(pts)
    if main is not None and (isinstance(main, bool) or not isinstance(main, int) or not 0 <= main < n):
        raise ValidationError(
            f"main must be a table index 0..{n - 1}, got {main!r}",
            location=Location(field="main", value=main),
            hint="give the position of the main table in the centres list",
        )
    steps = [_coerce(TieBreak, t, "tie_break") for t in tie_break]
    if len(set(steps)) != len(steps):
        raise ValidationError(
            f"tie_break repeats a step: {[s.value for s in steps]}",
            location=Location(field="tie_break", value=[s.value for s in steps]),
            hint="list each of 'same-row', 'far', 'right' at most once",
        )
    rule = _main_rule(main_rule, stage)
    rof = _coerce(RightOf, right_of, "right_of")
    hand = _coerce(TableHandedness, table_handedness, "table_handedness")
    d = _point(door, "door")
    if n == 0:
        return []
    if n == 1:
        return [1]
    u, hr = _room_frame(d, pts, inward)
    side = _side_vector(hr, rof, hand)
    stage_pt = None if stage is None else _point(stage, "stage")
    m = main if main is not None else _choose_main(pts, d, u, hr, side, rule, stage_pt, tol)
    depth = [_dot(_sub(p, d), u) for p in pts]
    sv = [_dot(p, side) for p in pts]
    step_key: dict[TieBreak, Callable[[int], float]] = {
        TieBreak.SAME_ROW: lambda i: abs(depth[i] - depth[m]),
        TieBreak.FAR: lambda i: -depth[i],
        TieBreak.RIGHT: lambda i: -sv[i],
    }
    keys = [lambda i: _norm(_sub(pts[i], pts[m])), *(step_key[s] for s in steps)]
    order = [m, *_tolerant_order([i for i in range(n) if i != m], keys, tol)]
    ranks = [0] * n
    for r, i in enumerate(order, start=1):
        ranks[i] = r
    return ranks


# --------------------------------------------------------------------------------------
# places at one round table
# --------------------------------------------------------------------------------------


class _Ring:
    """Seats of one round table in counter-clockwise order (= each sitter's right)."""

    def __init__(self, seats: Sequence[PointLike | float], centre: Point) -> None:
        self.centre = centre
        self.points: list[Point] = []
        for i, s in enumerate(seats):
            if isinstance(s, (int, float)) and not isinstance(s, bool):
                if not math.isfinite(s):
                    raise ValidationError(f"seats[{i}] angle is not finite", location=Location(field="seats"))
                v = _angle_unit(float(s))
                self.points.append((centre[0] + v[0], centre[1] + v[1]))
            else:
                self.points.append(_point(s, f"seats[{i}]"))
        self.n = len(self.points)
        self.angle: list[float] = []
        for i, p in enumerate(self.points):
            v = _sub(p, centre)
            if _norm(v) < 1e-9:
                raise GeometryError(
                    f"seat {i} is at the table centre", location=Location(field="seats", value=p)
                )
            self.angle.append(math.degrees(math.atan2(v[1], v[0])))
        self.ccw = sorted(range(self.n), key=lambda i: (self.angle[i], i))
        for a, b in zip(self.ccw, self.ccw[1:]):
            if abs(self.angle[a] - self.angle[b]) < 1e-9:
                raise GeometryError(
                    f"seats {a} and {b} are in the same direction from the table centre",
                    location=Location(field="seats"),
                    hint="give every place its own position around the table",
                )
        self.pos = {s: k for k, s in enumerate(self.ccw)}

    def at(self, seat: int, steps: int) -> int:
        """The seat ``steps`` places to the right (counter-clockwise) of ``seat``; negative = left."""
        return self.ccw[(self.pos[seat] + steps) % self.n]

    def steps(self, a: int, b: int) -> int:
        """Counter-clockwise steps from ``a`` to ``b``."""
        return (self.pos[b] - self.pos[a]) % self.n

    def by_host_closeness(self, host: int) -> list[int]:
        """R1, L1, R2, L2, …, O (R-BNQ-7): nearer the host first, his right first."""
        out: list[int] = []
        for k in range(1, self.n // 2 + 1):
            for s in (self.at(host, k), self.at(host, -k)):
                if s != host and s not in out:
                    out.append(s)
        return out

    def facing_seat(self, facing: Point, tol_deg: float) -> int:
        """The seat whose sitter (facing the centre) faces most nearly along ``facing``.

        A tie (e.g. ``facing`` points between two seats) goes to the seat that has
        the other candidate at its right, so the guest of honour (R1) also nearly
        faces that way.
        """
        ideal = math.degrees(math.atan2(-facing[1], -facing[0]))
        off = {i: _wrap_deg(self.angle[i] - ideal) for i in range(self.n)}
        best = min(abs(o) for o in off.values())
        cands = [i for i in range(self.n) if abs(off[i]) <= best + tol_deg]
        return min(cands, key=lambda i: (off[i], i))


def _index(value: object, n: int, param: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < n:
        raise ValidationError(
            f"{param} must be a seat index 0..{n - 1}, got {value!r}", location=Location(field=param, value=value)
        )
    return value


def _host_direction(
    centre: Point, door: Point, host_facing: HostFacing, main_centre: Point | None
) -> Point:
    if host_facing is not HostFacing.DOOR and main_centre is None:
        raise ValidationError(
            f"host_facing {host_facing.value!r} (R-BNQ-6) needs main_centre, the main table's centre",
            location=Location(field="main_centre"),
            hint="pass main_centre=(x, y) or use host_facing='door'",
        )
    if host_facing is HostFacing.SAME_AS_MAIN:
        assert main_centre is not None
        return _unit(_sub(door, main_centre), "direction from the main table to the door")
    if host_facing is HostFacing.MAIN_TABLE:
        assert main_centre is not None
        v = _sub(main_centre, centre)
        if _norm(v) > 1e-9:
            return _unit(v)
    return _unit(_sub(door, centre), "direction from the table to the door")


def _find_host(
    ring: _Ring,
    centre: Point,
    door: Point,
    host_seat: int | None,
    host_facing: HostFacing,
    main_centre: Point | None,
    tol_deg: float,
) -> int:
    if host_seat is not None:
        return _index(host_seat, ring.n, "host_seat")
    return ring.facing_seat(_host_direction(centre, door, host_facing, main_centre), tol_deg)


def label_places(
    seats: Sequence[PointLike | float],
    *,
    table_centre: PointLike,
    door: PointLike | None = None,
    host_seat: int | None = None,
    tolerance_deg: float = 1.0,
) -> list[str]:
    """Name every place relative to the host (R-BNQ-7 seat names).

    Parameters
    ----------
    seats
        Places around one table: ``(x, y)`` points, :class:`Seat` objects or
        angles in degrees (counter-clockwise from +x, seen from the centre).
    table_centre
        Centre of the table.
    door
        Main door; needed unless ``host_seat`` is given (the host seat is the one
        facing the door).
    host_seat
        Index of the host's seat.
    tolerance_deg
        Angular tolerance when two seats face the door equally well.

    Returns
    -------
    list of str
        ``"H"`` for the host, ``"R1"…`` counter-clockwise (his right), ``"L1"…``
        clockwise (his left), ``"O"`` for the seat exactly opposite (even tables).

    Examples
    --------
    >>> label_places([90, 135, 180, 225, 270, 315, 0, 45], table_centre=(0, 0), door=(0, -9))
    ['H', 'R1', 'R2', 'R3', 'O', 'L3', 'L2', 'L1']
    """
    c = _point(table_centre, "table_centre")
    ring = _Ring(seats, c)
    if host_seat is None and door is None:
        raise ValidationError("give door= or host_seat= to find the host's place", location=Location(field="door"))
    host = (
        _index(host_seat, ring.n, "host_seat")
        if host_seat is not None
        else ring.facing_seat(_unit(_sub(_point(door, "door"), c), "direction to the door"), tolerance_deg)
    )
    out = []
    for i in range(ring.n):
        k = ring.steps(host, i)
        if k == 0:
            out.append("H")
        elif k < ring.n - k:
            out.append(f"R{k}")
        elif k > ring.n - k:
            out.append(f"L{ring.n - k}")
        else:
            out.append("O")
    return out


def rank_places(
    seats: Sequence[PointLike | float],
    *,
    table_centre: PointLike,
    door: PointLike,
    host_seat: int | None = None,
    cohost: bool = False,
    cohost_seat: int | None = None,
    variant: BanquetVariant | str = BanquetVariant.CN_A,
    guest_outranks_host: bool = False,
    host_facing: HostFacing | str = HostFacing.DOOR,
    same_direction: bool = False,
    main_centre: PointLike | None = None,
    reserved: Collection[int] = (),
    tolerance_deg: float = 1.0,
) -> list[int]:
    """Places at one round table in precedence order (R-BNQ-6 … R-BNQ-9).

    Parameters
    ----------
    seats
        Places around the table: ``(x, y)`` points, :class:`Seat` objects or
        angles in degrees (counter-clockwise from +x, seen from the centre). Every
        sitter faces the centre, so each sitter's right hand points
        counter-clockwise.
    table_centre
        Centre of the table.
    door
        The main door (point or :class:`~seatplan.model.Door`).
    host_seat
        Index of the host's (主陪) seat; default: the seat facing the door, i.e.
        the far side of the table on the line door → centre (面门为主, R-BNQ-7),
        or as ``host_facing`` says.
    cohost
        Seat a co-host (副主陪) opposite the host (R-BNQ-8). On a table with an
        odd number of places there is no exact opposite: the co-host takes the
        one of the two nearly-opposite places on the host's *left* (so the host's
        right keeps one more guest place), unless ``cohost_seat`` is given.
    cohost_seat
        Index of the co-host's seat (implies ``cohost``).
    variant
        ``"cn-a"`` or ``"intl"``: guests 2-4 with a co-host (:class:`BanquetVariant`).
        Beyond G4 (not stated by the sources, derived): CN-A continues by
        closeness to the host, his right first (G5=R2, G6=L2, G7=R3, G8=L3 on
        10 places); INTL keeps alternating host-right, co-host-right, host-left,
        co-host-left one place further out each round.
    guest_outranks_host
        R-BNQ-9: the guest of honour takes the host's seat and the host takes the
        guest of honour's seat (the two entries are swapped).
    host_facing
        :class:`HostFacing`: DOOR (default), SAME_AS_MAIN (R-BNQ-6 各桌同向: the
        host seat faces the same way as the main host, who faces the door) or
        MAIN_TABLE; the last two need ``main_centre``.
    same_direction
        Shorthand for ``host_facing="same-as-main"`` (R-BNQ-6).
    main_centre
        Centre of the main table (for R-BNQ-6). On the main table itself all
        three ``host_facing`` choices give the door-facing seat.
    reserved
        Seat indices not given to guests (e.g. an interpreter's seat from
        :func:`interpreter_position`); they are left out of the result.
    tolerance_deg
        Angular tolerance when two seats face the door equally well; the tie goes
        to the seat that has the other one at its right.

    Returns
    -------
    list of int
        Seat indices by role: the host's seat, then the co-host's (if any), then
        the seats of guests G1, G2, … . Every seat not in ``reserved`` appears
        exactly once.

    Raises
    ------
    ValidationError
        Bad options or indices; the host or co-host seat reserved.
    GeometryError
        A seat at the centre, two seats in the same direction, door at the centre.

    Examples
    --------
    T18 (10 places, single host, door at the bottom; index 0 = top):

    >>> seats = [90 + 36 * k for k in range(10)]
    >>> order = rank_places(seats, table_centre=(0, 0), door=(0, -10))
    >>> labels = label_places(seats, table_centre=(0, 0), door=(0, -10))
    >>> [labels[i] for i in order]
    ['H', 'R1', 'L1', 'R2', 'L2', 'R3', 'L3', 'R4', 'L4', 'O']
    """
    c = _point(table_centre, "table_centre")
    d = _point(door, "door")
    ring = _Ring(seats, c)
    var = _coerce(BanquetVariant, variant, "variant")
    facing = HostFacing.SAME_AS_MAIN if same_direction else _coerce(HostFacing, host_facing, "host_facing")
    mc = None if main_centre is None else _point(main_centre, "main_centre")
    tol_deg = _tolerance(tolerance_deg, "tolerance_deg")
    if ring.n == 0:
        return []
    res = {_index(r, ring.n, "reserved") for r in reserved}
    host = _find_host(ring, c, d, host_seat, facing, mc, tol_deg)
    roles = [host]
    co: int | None = None
    if cohost or cohost_seat is not None:
        if ring.n < 2:
            raise ValidationError(
                "a co-host needs a table of at least 2 places", location=Location(field="cohost", value=True)
            )
        if cohost_seat is not None:
            co = _index(cohost_seat, ring.n, "cohost_seat")
            if co == host:
                raise ValidationError(
                    "the co-host cannot sit in the host's seat", location=Location(field="cohost_seat", value=co)
                )
        else:
            co = ring.at(host, -((ring.n - 1) // 2)) if ring.n % 2 else ring.at(host, ring.n // 2)
        roles.append(co)
    if res & set(roles):
        raise ValidationError(
            "the host's or co-host's seat is in reserved", location=Location(field="reserved", value=sorted(res))
        )
    if co is None:
        prefs = ring.by_host_closeness(host)
    elif var is BanquetVariant.CN_A:
        prefs = [ring.at(host, 1), ring.at(host, -1), ring.at(co, 1), ring.at(co, -1), *ring.by_host_closeness(host)]
    else:
        prefs = []
        for k in range(1, ring.n):
            prefs += [ring.at(host, k), ring.at(co, k), ring.at(host, -k), ring.at(co, -k)]
    guests: list[int] = []
    taken = set(roles) | res
    for s in prefs:
        if s not in taken:
            guests.append(s)
            taken.add(s)
    out = roles + guests
    if guest_outranks_host and guests:
        g1 = len(roles)
        out[0], out[g1] = out[g1], out[0]
    return out


def place_sequence(
    n_seats: int,
    *,
    cohost: bool = False,
    variant: BanquetVariant | str = BanquetVariant.CN_A,
    guest_outranks_host: bool = False,
) -> list[str]:
    """Seat names (R-BNQ-7) by role for a table of ``n_seats`` — documentation helper.

    Computed through :func:`rank_places` on a regular table with the door at the
    bottom, so it shows exactly what the geometry gives.

    Returns
    -------
    list of str
        Seat name of the host, the co-host (if any), then G1, G2, … .

    Examples
    --------
    >>> place_sequence(10, cohost=True)[:6]             # T19 (CN-A)
    ['H', 'O', 'R1', 'L1', 'L4', 'R4']
    >>> place_sequence(10, cohost=True, variant="intl")[:6]   # T20
    ['H', 'O', 'R1', 'L4', 'L1', 'R4']
    """
    if isinstance(n_seats, bool) or not isinstance(n_seats, int) or n_seats < 1:
        raise ValidationError(
            f"n_seats must be a whole number >= 1, got {n_seats!r}", location=Location(field="n_seats", value=n_seats)
        )
    seats = [90.0 + 360.0 * k / n_seats for k in range(n_seats)]
    order = rank_places(
        seats,
        table_centre=(0.0, 0.0),
        door=(0.0, -10.0),
        host_seat=0,
        cohost=cohost,
        variant=variant,
        guest_outranks_host=guest_outranks_host,
    )
    labels = label_places(seats, table_centre=(0.0, 0.0), host_seat=0)
    return [labels[i] for i in order]


class InterpreterSpot(NamedTuple):
    """Where an interpreter goes: a point, and the seat index if it is a place at the table."""

    x: float
    y: float
    seat: int | None


def interpreter_position(
    seats: Sequence[PointLike | float],
    *,
    table_centre: PointLike,
    principal: int,
    placement: InterpreterPlacement | str = InterpreterPlacement.BEHIND,
    distance: float = 0.6,
) -> InterpreterSpot:
    """Where the interpreter of the person in seat ``principal`` goes (R-BNQ-10).

    Parameters
    ----------
    seats, table_centre
        As in :func:`rank_places`.
    principal
        Index of the seat of the person interpreted for (usually the guest of
        honour, ``rank_places(...)[1]`` without a co-host).
    placement
        ``"behind"`` (default; state banquets: behind the principal, not at the
        table) or ``"at-right"`` (smaller 外事 banquets: the place at the
        principal's right). For ``"at-right"`` pass the returned ``seat`` as
        ``reserved`` to :func:`rank_places` so no guest is put there.
    distance
        For ``"behind"``: metres from the principal's place, radially outward.

    Returns
    -------
    InterpreterSpot
        ``(x, y, seat)``; ``seat`` is None for ``"behind"``.

    Examples
    --------
    >>> interpreter_position([90, 180, 270, 0], table_centre=(0, 0), principal=1, placement="at-right")
    InterpreterSpot(x=0.0, y=-1.0, seat=2)
    """
    c = _point(table_centre, "table_centre")
    ring = _Ring(seats, c)
    p = _index(principal, ring.n, "principal")
    place = _coerce(InterpreterPlacement, placement, "placement")
    if place is InterpreterPlacement.AT_RIGHT:
        if ring.n < 2:
            raise ValidationError("a table of one place has no place at the principal's right")
        s = ring.at(p, 1)
        x, y = ring.points[s]
        return InterpreterSpot(round(x, 12) + 0.0, round(y, 12) + 0.0, s)
    dist = _tolerance(distance, "distance")
    out = _unit(_sub(ring.points[p], c))
    x, y = ring.points[p]
    return InterpreterSpot(x + dist * out[0], y + dist * out[1], None)


# --------------------------------------------------------------------------------------
# whole banquet from Seat objects
# --------------------------------------------------------------------------------------


def rank_banquet_seats(
    seats: Sequence[Seat],
    *,
    door: PointLike,
    main: str | None = None,
    stage: PointLike | None = None,
    inward: PointLike | None = None,
    main_rule: MainRule | str | None = None,
    tie_break: Sequence[TieBreak | str] = DEFAULT_TIE_BREAK,
    right_of: RightOf | str = RightOf.HOST,
    table_handedness: TableHandedness | str = TableHandedness.RIGHT,
    cohost: bool = False,
    variant: BanquetVariant | str = BanquetVariant.CN_A,
    host_facing: HostFacing | str = HostFacing.SAME_AS_MAIN,
    tolerance: float = TABLE_TOLERANCE,
) -> list[tuple[str, list[str]]]:
    """Rank a whole banquet given its seats: tables by rank, each with its places in order.

    Seats are grouped by :attr:`Seat.table`; a table's centre is the mean of its
    seats' positions (places are laid evenly round the table). Tables are ranked
    by :func:`rank_tables`, places by :func:`rank_places` — the main table's
    host faces the door; every other table's host seat follows ``host_facing``
    (default R-BNQ-6 各桌同向: the same direction as the main host).

    Parameters
    ----------
    seats
        Banquet seats; every one needs a non-empty ``table`` label.
    main
        Label of the main table, if fixed.
    door, stage, inward, main_rule, tie_break, right_of, table_handedness, tolerance
        As in :func:`rank_tables`.
    cohost, variant, host_facing
        As in :func:`rank_places` (applied to every table).

    Returns
    -------
    list of (str, list of str)
        ``(table label, seat ids by role)`` for table rank 1, 2, …; the seat ids
        are the host's, the co-host's (if ``cohost``), then G1, G2, … .

    Raises
    ------
    ValidationError
        A seat without a table label, an unknown ``main`` label, bad options.
    """
    groups: dict[str, list[Seat]] = {}
    for s in seats:
        if not isinstance(s, Seat):
            raise ValidationError(f"expected Seat objects, got {s!r}", location=Location(field="seats"))
        if not s.table:
            raise ValidationError(
                f"seat {s.id!r} has no table label", location=Location(field="table"),
                hint="set Seat.table for every banquet seat",
            )
        groups.setdefault(s.table, []).append(s)
    labels = list(groups)
    centres = [
        (sum(s.x for s in g) / len(g), sum(s.y for s in g) / len(g)) for g in (groups[t] for t in labels)
    ]
    main_idx: int | None = None
    if main is not None:
        if main not in groups:
            raise ValidationError(
                f"main table {main!r} is not among the tables {labels}", location=Location(field="main", value=main)
            )
        main_idx = labels.index(main)
    ranks = rank_tables(
        centres,
        door=door,
        main=main_idx,
        stage=stage,
        inward=inward,
        main_rule=main_rule,
        tie_break=tie_break,
        right_of=right_of,
        table_handedness=table_handedness,
        tolerance=tolerance,
    )
    by_rank = sorted(range(len(labels)), key=lambda i: ranks[i])
    mc = centres[by_rank[0]] if by_rank else None
    out: list[tuple[str, list[str]]] = []
    for i in by_rank:
        g = groups[labels[i]]
        order = rank_places(
            g,
            table_centre=centres[i],
            door=door,
            cohost=cohost and len(g) > 1,
            variant=variant,
            host_facing=HostFacing.DOOR if i == by_rank[0] else host_facing,
            main_centre=mc,
        )
        out.append((labels[i], [g[k].id for k in order]))
    return out
