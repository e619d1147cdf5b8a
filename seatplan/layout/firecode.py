"""Fire-code questions and a theatre-seating checker (rule book §5, R-PHY-1..7).

Two families of pure functions answer the code questions:

* GB 50016 (建筑设计防火规范, cl. 5.5.19/5.5.20) with JGJ 57 (剧场建筑设计规范) for theatres —
  R-PHY-1 seats between aisles, R-PHY-2 rows between cross aisles, R-PHY-3 aisle widths,
  R-PHY-4 exit widths, R-PHY-5 seat width / row spacing;
* IBC (R-PHY-7) — seats between aisles and clear width between rows, standard and continental.

:func:`check_theatre` applies them to a description of a seating plan (:class:`RowSpec`,
:class:`AisleSpec`, doors) and returns :class:`CodeViolation` records; it never raises for a
code breach, only for malformed input.

Modality (R-PHY-1): GB 50016's 22/26 seats and 20 rows are "不宜" (advisory), the 50-seat cap
"不得" and the halving "应" (mandatory); :class:`Severity` keeps that distinction.

Caveats carried over from the rule book:

* GB 55037-2022 (建筑防火通用规范) is now the mandatory general code; its text was not
  retrieved — re-check before shipping (R-PHY-1 caveat).
* JGJ 57 figures come from secondary copies matching JGJ 57-2000; verify against JGJ 57-2016
  (R-PHY-5).
* IBC: only the "path through an adjacent row" rule (≤ 24 seats, 12 in + 0.6 in per seat above
  7) and the smoke-protected variant are quoted. The continental ("dual access") clear-width
  formula used here is **unverified** (rule book: "known from memory only"). IBC aisle, cross-
  aisle and exit widths are not in the rule book and are not checked.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from seatplan.errors import GeometryError, Location
from seatplan.model.venue import Door

__all__ = [
    "AisleKind",
    "AisleSpec",
    "CodeViolation",
    "ExitKind",
    "FireCode",
    "FireGrade",
    "FireProfile",
    "GB_MAX_ROWS_BETWEEN_CROSS_AISLES",
    "INCH",
    "MIN_EXIT_DOOR_WIDTH",
    "RowMethod",
    "RowSpec",
    "Severity",
    "SportsOneSide",
    "VenueKind",
    "ProfileName",
    "check_theatre",
    "door_width_per_100",
    "fire_profile",
    "max_seats_for_exits",
    "profile_name",
    "segment_limit",
    "max_rows_between_cross_aisles",
    "max_seats_between_aisles",
    "max_seats_for_grade",
    "max_seats_ibc",
    "max_seats_jgj57",
    "min_aisle_width",
    "min_exit_width_total",
    "min_row_clear_width_ibc",
    "min_row_clearance_jgj57",
    "min_row_pitch_jgj57",
    "min_seat_width_jgj57",
]

#: One inch in metres.
INCH = 0.0254

# GB 50016 (R-PHY-1..4)
_GB_SEATS = {"theatre": 22, "sports": 26}
_GB_DOUBLING_PITCH = 0.90
_GB_SEATS_CAP = 50
#: R-PHY-2: at most 20 rows between two cross aisles.
GB_MAX_ROWS_BETWEEN_CROSS_AISLES = 20
_GB_AISLE_PER_100 = 0.60
_GB_MIN_AISLE = 1.00
_GB_MIN_SIDE_AISLE = 0.80
#: R-PHY-4: every exit door of a hall at least 1.40 m clear (GB 50016 cl. 5.5.19).
MIN_EXIT_DOOR_WIDTH = 1.40

# JGJ 57 (R-PHY-5)
_JGJ_SEATS = {("short", 2): 22, ("short", 1): 11, ("long", 2): 50, ("long", 1): 25}
_JGJ_PITCH = {("short", False): 0.80, ("short", True): 0.90, ("long", False): 1.00, ("long", True): 1.10}
_JGJ_CLEARANCE = {"short": 0.30, "long": 0.50}
_JGJ_EXTRA_PER_SEAT = 0.025
_JGJ_LAST_ROW_WALL = 0.12

# IBC (R-PHY-7)
_IBC_SEATS = 24
_IBC_SEATS_SMOKE = 40
_IBC_SEATS_CONTINENTAL = 100
_IBC_CONTINENTAL_TO_AISLE = 49  # historic US practice "no more than 49 chairs to an aisle"

_EPS = 1e-9


class FireCode(StrEnum):
    """Which code family to check against."""

    GB50016 = "GB50016"  # with JGJ 57 for theatres
    IBC = "IBC"


class VenueKind(StrEnum):
    """GB 50016 venue class for R-PHY-1: 剧场/电影院/礼堂 vs 体育馆."""

    THEATRE = "theatre"
    SPORTS = "sports"


class SportsOneSide(StrEnum):
    """How to read R-PHY-1 for a sports hall, row pitch ≥ 0.90 m, aisle on one side only.

    The clause is ambiguous: ``CAP_THEN_HALVE`` doubles 26 to 52, caps at 50, halves → 25
    (default, the stricter reading); ``HALVE_THEN_DOUBLE`` halves 26 to 13, doubles → 26.
    For theatres both readings agree.
    """

    CAP_THEN_HALVE = "cap_then_halve"
    HALVE_THEN_DOUBLE = "halve_then_double"


class RowMethod(StrEnum):
    """JGJ 57 row layout method (R-PHY-5): 短排法 or 长排法."""

    SHORT = "short"
    LONG = "long"


class FireGrade(StrEnum):
    """Fire-resistance grade of the building (耐火等级), for the R-PHY-4 exit-width table."""

    ONE = "1"  # 一级
    TWO = "2"  # 二级
    THREE = "3"  # 三级

    @classmethod
    def coerce(cls, value: FireGrade | str | int) -> FireGrade:
        """Read a grade from ``FireGrade``, ``2``, ``"2"``, ``"二"``, ``"二级"`` or ``"II"``."""
        if isinstance(value, cls):
            return value
        text = str(value).strip().removesuffix("级").upper()
        table = {"1": cls.ONE, "一": cls.ONE, "I": cls.ONE, "2": cls.TWO, "二": cls.TWO, "II": cls.TWO,
                 "3": cls.THREE, "三": cls.THREE, "III": cls.THREE}
        try:
            return table[text]
        except KeyError:
            raise GeometryError(
                f"unknown fire-resistance grade {value!r}",
                location=Location(field="grade", value=value),
                hint="use 1, 2 or 3 (一级/二级/三级); the GB 50016 exit table (R-PHY-4) covers these",
            ) from None


class ExitKind(StrEnum):
    """Which line of the R-PHY-4 table: doors and corridors, or stairs."""

    DOOR = "door"  # 门和走道 (doors and corridors)
    STAIR = "stair"  # 楼梯


class AisleKind(StrEnum):
    """Aisles in a hall: longitudinal (纵走道), side (边走道, along a wall) or cross (横走道)."""

    LONGITUDINAL = "longitudinal"
    SIDE = "side"
    CROSS = "cross"


class Severity(StrEnum):
    """Code modality: 应/不应/不得 (mandatory) or 宜/不宜 (advisory)."""

    MANDATORY = "mandatory"
    ADVISORY = "advisory"


def _check_aisles(aisles: int) -> None:
    if aisles not in (1, 2):
        raise GeometryError(
            f"aisles must be 1 (aisle on one side of the row) or 2 (both sides), got {aisles!r}",
            location=Location(field="aisles", value=aisles),
            hint="a row segment opens onto an aisle at one end or at both ends",
        )


def _check_count(value: int, key: str, *, minimum: int = 0) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise GeometryError(
            f"{key} must be an integer >= {minimum}, got {value!r}", location=Location(field=key, value=value)
        )


def _check_length(value: float, key: str) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not (math.isfinite(value) and value > 0):
        raise GeometryError(
            f"{key} must be a positive number of metres, got {value!r}", location=Location(field=key, value=value)
        )


# ---------------------------------------------------------------------------------------------
# GB 50016 / JGJ 57
# ---------------------------------------------------------------------------------------------


def max_seats_between_aisles(
    *,
    row_pitch: float,
    aisles: int,
    venue_kind: VenueKind = VenueKind.THEATRE,
    code: FireCode = FireCode.GB50016,
    sports_one_side: SportsOneSide = SportsOneSide.CAP_THEN_HALVE,
    continental: bool = False,
    smoke_protected: bool = False,
) -> int:
    """Most seats allowed in one row between aisles (R-PHY-1; R-PHY-7 for IBC).

    GB 50016 cl. 5.5.20: 22 seats (theatre, cinema, auditorium) or 26 (sports hall) between two
    longitudinal aisles; doubled when the row pitch is ≥ 0.90 m, never above 50; halved with an
    aisle on one side only. Worked examples (T25/T26): theatre 0.85 m both sides → 22; 0.90 m
    → 44; 0.85 m one side → 11; 0.95 m one side → 22; sports 0.85 m → 26, 0.90 m → 50.

    Under IBC see :func:`max_seats_ibc` (``row_pitch`` and ``venue_kind`` are not used there).

    Parameters
    ----------
    row_pitch
        Row spacing (排距), metres.
    aisles
        1 if the row segment has an aisle at one end only, 2 if at both ends (a side aisle
        along the wall counts as an aisle).
    venue_kind
        Theatre-type hall or sports hall.
    code
        GB50016 (default) or IBC.
    sports_one_side
        Reading of the ambiguous sports-hall one-side case, see :class:`SportsOneSide`.
    continental, smoke_protected
        IBC options, see :func:`max_seats_ibc`.

    Returns
    -------
    int
        The largest permitted seat count.
    """
    _check_aisles(aisles)
    if code is FireCode.IBC:
        return max_seats_ibc(aisles=aisles, continental=continental, smoke_protected=smoke_protected)
    _check_length(row_pitch, "row_pitch")
    base = _GB_SEATS[VenueKind(venue_kind).value]
    doubled = row_pitch >= _GB_DOUBLING_PITCH - _EPS
    limit = min(base * (2 if doubled else 1), _GB_SEATS_CAP)
    if aisles == 2:
        return limit
    if SportsOneSide(sports_one_side) is SportsOneSide.HALVE_THEN_DOUBLE:
        return min((base // 2) * (2 if doubled else 1), _GB_SEATS_CAP)
    return limit // 2


def max_seats_jgj57(*, aisles: int, method: RowMethod = RowMethod.SHORT) -> int:
    """JGJ 57 seats per row (R-PHY-5): short-row 22 / 11, long-row 50 / 25 (both sides / one side).

    Under the short-row method the limit may be exceeded if the row pitch grows, see
    :func:`min_row_pitch_jgj57`; under the long-row method it is a hard limit.
    """
    _check_aisles(aisles)
    return _JGJ_SEATS[(RowMethod(method).value, aisles)]


def min_row_pitch_jgj57(
    seats: int,
    *,
    soft: bool,
    aisles: int,
    method: RowMethod | None = RowMethod.SHORT,
    against_wall: bool = False,
) -> float:
    """Smallest row spacing JGJ 57 allows for a row (R-PHY-5).

    Short-row method (短排法): 0.80 m hard / 0.90 m soft, plus 25 mm for every seat beyond 22
    (aisles both sides) or 11 (one side). Long-row method (长排法): 1.00 m hard / 1.10 m soft
    with at most 50 / 25 seats. A last row against a wall needs 0.12 m more.
    T28: 24 soft seats between two aisles, short-row → 0.90 + 2 × 0.025 = 0.95 m.

    Parameters
    ----------
    seats
        Seats in the row segment.
    soft
        Upholstered seats (软椅) rather than hard ones.
    aisles
        1 or 2 row ends opening onto an aisle.
    method
        SHORT (default), LONG, or ``None`` for whichever method needs the smaller pitch.
    against_wall
        The row is the last one, with its back against a wall.

    Returns
    -------
    float
        Metres; ``math.inf`` under the long-row method when the row has more seats than it
        allows (no pitch makes it legal).
    """
    _check_count(seats, "seats", minimum=1)
    _check_aisles(aisles)
    extra = _JGJ_LAST_ROW_WALL if against_wall else 0.0
    if method is None:
        return min(
            min_row_pitch_jgj57(seats, soft=soft, aisles=aisles, method=m, against_wall=against_wall)
            for m in RowMethod
        )
    method = RowMethod(method)
    base = _JGJ_PITCH[(method.value, bool(soft))]
    limit = _JGJ_SEATS[(method.value, aisles)]
    if method is RowMethod.LONG:
        return round(base + extra, 6) if seats <= limit else math.inf
    return round(base + _JGJ_EXTRA_PER_SEAT * max(0, seats - limit) + extra, 6)


def min_row_clearance_jgj57(*, method: RowMethod = RowMethod.SHORT) -> float:
    """Chair back to the most protruding part of the row behind (R-PHY-5): 0.30 m short-row, 0.50 m long-row."""
    return _JGJ_CLEARANCE[RowMethod(method).value]


def min_seat_width_jgj57(*, soft: bool) -> float:
    """Armrest centre distance (R-PHY-5): ≥ 0.55 m upholstered, ≥ 0.50 m hard."""
    return 0.55 if soft else 0.50


def min_aisle_width(persons_served: int, *, side: bool = False) -> float:
    """Clear width of an aisle inside the hall (R-PHY-3, GB 50016).

    0.60 m per 100 persons served, never less than 1.00 m; a side aisle (边走道) never less than
    0.80 m. T27: 250 persons → 1.50 m; 120 → 1.00 m.

    The rule book quotes the 0.80 m floor for side aisles but not whether the per-100 rule also
    applies to them; a side aisle is an evacuation aisle, so here it does:
    ``max(0.80, 0.006 × persons)``.

    Parameters
    ----------
    persons_served
        People whose way out runs along this aisle.
    side
        The aisle runs along a side wall.

    Returns
    -------
    float
        Metres.
    """
    _check_count(persons_served, "persons_served")
    floor = _GB_MIN_SIDE_AISLE if side else _GB_MIN_AISLE
    return round(max(floor, _GB_AISLE_PER_100 * persons_served / 100), 6)


def max_rows_between_cross_aisles() -> int:
    """At most 20 rows between two cross aisles (R-PHY-2, GB 50016; advisory "不宜")."""
    return GB_MAX_ROWS_BETWEEN_CROSS_AISLES


def max_seats_for_grade(grade: FireGrade | str | int) -> int:
    """Largest hall the R-PHY-4 exit table covers: 2500 seats (grade 一/二), 1200 (grade 三)."""
    return 1200 if FireGrade.coerce(grade) is FireGrade.THREE else 2500


def door_width_per_100(*, stepped: bool, grade: FireGrade | str | int, kind: ExitKind = ExitKind.DOOR) -> float:
    """Clear exit width per 100 persons (R-PHY-4, GB 50016 table for theatres/cinemas/auditoriums).

    ========================  ===========  ============  ======
    grade                     doors, flat  doors, steps  stairs
    ========================  ===========  ============  ======
    一/二级 (≤ 2500 seats)     0.65         0.75          0.75
    三级 (≤ 1200 seats)        0.85         1.00          1.00
    ========================  ===========  ============  ======

    Parameters
    ----------
    stepped
        Stepped (阶梯) floor rather than flat (平坡).
    grade
        Fire-resistance grade of the building.
    kind
        Doors and corridors, or stairs (stairs ignore ``stepped``).

    Returns
    -------
    float
        Metres per 100 persons.
    """
    third = FireGrade.coerce(grade) is FireGrade.THREE
    if ExitKind(kind) is ExitKind.STAIR:
        return 1.00 if third else 0.75
    if third:
        return 1.00 if stepped else 0.85
    return 0.75 if stepped else 0.65


def min_exit_width_total(
    seats: int,
    *,
    stepped: bool,
    grade: FireGrade | str | int,
    kind: ExitKind = ExitKind.DOOR,
) -> float:
    """Total clear width of the hall's exits (R-PHY-4), proportional to the seat count.

    Worked example: 1000 seats, grade 二级, stepped floor → 10 × 0.75 = 7.50 m. Every single
    exit door must also be at least :data:`MIN_EXIT_DOOR_WIDTH` (1.40 m).

    Raises
    ------
    GeometryError
        If the hall is larger than the table covers (2500 / 1200 seats, see
        :func:`max_seats_for_grade`).
    """
    _check_count(seats, "seats")
    limit = max_seats_for_grade(grade)
    if seats > limit:
        raise GeometryError(
            f"{seats} seats: the GB 50016 exit-width table covers at most {limit} seats for fire-resistance "
            f"grade {FireGrade.coerce(grade).value}",
            location=Location(field="seats", value=seats),
            hint="have the exits of a larger hall sized by a fire engineer",
        )
    return round(seats / 100 * door_width_per_100(stepped=stepped, grade=grade, kind=kind), 6)


# ---------------------------------------------------------------------------------------------
# IBC
# ---------------------------------------------------------------------------------------------


def max_seats_ibc(*, aisles: int, continental: bool = False, smoke_protected: bool = False) -> int:
    """Most seats in a row under IBC (R-PHY-7).

    * Standard (path through an adjacent row, IBC 1029.8.1): ≤ 24 seats between two aisles.
    * Smoke-protected assembly seating: ≤ 40.
    * Continental (aisles only at the row ends, wider rows, side exit doors): ≤ 100 per row.

    One aisle only: the rule book quotes no figure. Chosen here (**derived, unverified**):
    half the two-aisle figure, 12 (smoke-protected 20), as GB 50016 and JGJ 57 do; for
    continental rows 49, the historic US "no more than 49 chairs to an aisle".
    """
    _check_aisles(aisles)
    if continental:
        return _IBC_SEATS_CONTINENTAL if aisles == 2 else _IBC_CONTINENTAL_TO_AISLE
    limit = _IBC_SEATS_SMOKE if smoke_protected else _IBC_SEATS
    return limit if aisles == 2 else limit // 2


def min_row_clear_width_ibc(seats: int, *, continental: bool = False, smoke_protected: bool = False) -> float:
    """Minimum clear width between rows under IBC, in metres (R-PHY-7).

    * Standard: 12 in + 0.6 in per seat above 7. Example: 20 seats → 19.8 in ≈ 0.503 m.
    * Smoke-protected: 12 in + 0.3 in per seat above 7 (rule book: "+ 0.3 in per seat").
    * Continental ("dual access"): 12 in + 0.3 in per seat beyond 14, at most 22 in —
      **unverified**: the rule book records this formula as known from memory only.
    """
    _check_count(seats, "seats", minimum=1)
    if continental:
        inches = min(12 + 0.3 * max(0, seats - 14), 22.0)
    elif smoke_protected:
        inches = 12 + 0.3 * max(0, seats - 7)
    else:
        inches = 12 + 0.6 * max(0, seats - 7)
    return round(inches * INCH, 6)


# ---------------------------------------------------------------------------------------------
# the checker
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FireProfile:
    """Which code and which building facts to check a seating plan against.

    Parameters
    ----------
    code
        GB50016 (with JGJ 57 for theatres) or IBC.
    venue_kind
        Theatre-type hall (剧场/电影院/礼堂, also meeting halls) or sports hall (R-PHY-1).
    grade
        Fire-resistance grade (R-PHY-4); 二级 by default (the table is the same for 一级).
    stepped
        Stepped floor (R-PHY-4). Default flat: meeting halls laid out with loose chairs.
    soft_seats
        Upholstered seats (R-PHY-5 seat width and row pitch).
    apply_jgj57
        Also apply JGJ 57 (R-PHY-5) to theatre-type halls under GB50016.
    row_method
        JGJ 57 method: SHORT, LONG, or ``None`` (default) to accept a row that satisfies either.
    sports_one_side
        Reading of the ambiguous R-PHY-1 sports-hall one-side case.
    continental, smoke_protected
        IBC seating variants (R-PHY-7).
    chair_depth
        Depth a chair takes from the row pitch, metres, to derive the clear width between rows
        where a :class:`RowSpec` gives none (0.50 m: consistent with JGJ 57, 0.80 m hard
        short-row pitch − 0.30 m clearance). Not from the rule book.
    """

    code: FireCode = FireCode.GB50016
    venue_kind: VenueKind = VenueKind.THEATRE
    grade: FireGrade = FireGrade.TWO
    stepped: bool = False
    soft_seats: bool = True
    apply_jgj57: bool = True
    row_method: RowMethod | None = None
    sports_one_side: SportsOneSide = SportsOneSide.CAP_THEN_HALVE
    continental: bool = False
    smoke_protected: bool = False
    chair_depth: float = 0.50

    def __post_init__(self) -> None:
        object.__setattr__(self, "code", FireCode(self.code))
        object.__setattr__(self, "venue_kind", VenueKind(self.venue_kind))
        object.__setattr__(self, "grade", FireGrade.coerce(self.grade))
        object.__setattr__(self, "sports_one_side", SportsOneSide(self.sports_one_side))
        if self.row_method is not None:
            object.__setattr__(self, "row_method", RowMethod(self.row_method))
        if not (math.isfinite(self.chair_depth) and 0 <= self.chair_depth < 2):
            raise GeometryError(
                f"chair_depth {self.chair_depth} m is not plausible", location=Location(field="chair_depth")
            )


@dataclass(frozen=True)
class RowSpec:
    """One row segment between aisles, as a theatre generator lays it out.

    A generator emits one ``RowSpec`` per (row, block): the seats of row ``row`` that sit
    between two aisles (or between an aisle and a wall) in block ``block``.

    Parameters
    ----------
    row
        Row number, 1 = front row.
    block
        Block number, 1 = leftmost block in audience view.
    seats
        Seats in this segment.
    aisles
        Ends of the segment that open onto an aisle: 2 (both) or 1 (the other end is a wall
        or a closed end). A side aisle along a wall counts as an aisle.
    row_pitch
        Distance from this row to the row in front (排距), metres.
    seat_width
        Armrest centre distance, metres; ``None`` = not checked.
    clear_width
        Clear passage between this row and the next, metres (JGJ 57 clearance, IBC clear
        width); ``None`` = ``row_pitch - profile.chair_depth``.
    against_wall
        Last row with its back against a wall (JGJ 57: + 0.12 m pitch).
    part
        0 for a whole block; 1, 2, ... for the pieces of a block that a pillar cuts into
        (AV left to right), so each piece is checked on its own.
    """

    row: int
    block: int
    seats: int
    aisles: int
    row_pitch: float
    seat_width: float | None = None
    clear_width: float | None = None
    against_wall: bool = False
    part: int = 0

    def __post_init__(self) -> None:
        _check_count(self.row, "row", minimum=1)
        _check_count(self.block, "block", minimum=1)
        _check_count(self.seats, "seats", minimum=1)
        _check_count(self.part, "part")
        _check_aisles(self.aisles)
        _check_length(self.row_pitch, "row_pitch")
        if self.seat_width is not None:
            _check_length(self.seat_width, "seat_width")
        if self.clear_width is not None and not (math.isfinite(self.clear_width) and self.clear_width >= 0):
            raise GeometryError(
                f"clear_width must be >= 0, got {self.clear_width}", location=Location(field="clear_width")
            )

    @property
    def where(self) -> str:
        """``"row 3, block 2"`` (``"row 3, block 2, part 1"`` for a piece cut by a pillar)."""
        text = f"row {self.row}, block {self.block}"
        return f"{text}, part {self.part}" if self.part else text


@dataclass(frozen=True)
class AisleSpec:
    """One aisle of the hall.

    Parameters
    ----------
    width
        Clear width, metres.
    persons_served
        People whose way out runs along this aisle (a generator counts the seats that drain
        into it, e.g. half of each adjacent block, or all of a block with one aisle).
    kind
        Longitudinal (default), side (along a wall) or cross aisle.
    name
        Label for messages (``"aisle 中"``); default its 1-based position in the list.
    after_row
        Cross aisles only: the row number after which the aisle runs (a cross aisle behind
        row 12 has ``after_row=12``). Used for R-PHY-2.
    """

    width: float
    persons_served: int
    kind: AisleKind = AisleKind.LONGITUDINAL
    name: str = ""
    after_row: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", AisleKind(self.kind))
        _check_length(self.width, "aisle width")
        _check_count(self.persons_served, "persons_served")
        if self.kind is AisleKind.CROSS:
            if self.after_row is None:
                raise GeometryError(
                    "a cross aisle needs after_row (the row it runs behind)",
                    location=Location(field="after_row"),
                )
            _check_count(self.after_row, "after_row", minimum=1)
        elif self.after_row is not None:
            raise GeometryError(
                f"after_row is only for cross aisles, not a {self.kind.value} aisle",
                location=Location(field="after_row", value=self.after_row),
            )


@dataclass(frozen=True)
class CodeViolation:
    """One breach of a fire or building code.

    Parameters
    ----------
    rule
        Rule-book id, e.g. ``"R-PHY-1"``.
    where
        ``"row 3, block 2"``, ``"rows 1–24"``, ``"aisle 1"``, ``"door 正门"`` or ``"hall"``.
    message
        Plain-language sentence with the numbers.
    required
        The limit (a maximum for counts, a minimum for widths and pitches).
    actual
        The value found.
    severity
        Mandatory (应/不应/不得) or advisory (宜/不宜).
    """

    rule: str
    where: str
    message: str
    required: float
    actual: float
    severity: Severity = Severity.MANDATORY


def _sides(aisles: int) -> str:
    return "aisles on both sides" if aisles == 2 else "an aisle on one side only"


#: The default profile (frozen, so one shared instance is safe as a default argument).
_DEFAULT_PROFILE = FireProfile()


def check_theatre(
    rows: Sequence[RowSpec],
    aisles: Sequence[AisleSpec] = (),
    doors: Sequence[Door] | None = None,
    *,
    profile: FireProfile = _DEFAULT_PROFILE,
) -> list[CodeViolation]:
    """Check theatre-style seating against the fire code; return every breach found.

    Under GB50016: R-PHY-1 (seats per row segment), R-PHY-5 (JGJ 57 seat width, row pitch,
    clearance; theatre-type halls with ``apply_jgj57``), R-PHY-2 (rows between cross aisles),
    R-PHY-3 (aisle widths), R-PHY-4 (each exit door ≥ 1.40 m; total door width per 100
    persons for theatre-type halls — the sports-hall table is not in the rule book).
    Under IBC: R-PHY-7 (seats per row, clear width between rows); aisles and doors are not
    checked (no IBC figures in the rule book).

    Parameters
    ----------
    rows
        Every row segment (see :class:`RowSpec`); the seat count of the hall is their sum.
    aisles
        The hall's aisles, cross aisles included (see :class:`AisleSpec`).
    doors
        The hall's exit doors; ``None`` = do not check exits, ``()`` = the hall has none.
    profile
        Code and building facts.

    Returns
    -------
    list of CodeViolation
        Row breaches in row order, then cross-aisle spacing, aisles, doors.

    Raises
    ------
    GeometryError
        Only for malformed input (two specs for the same row and block).
    """
    seen: set[tuple[int, int, int]] = set()
    for r in rows:
        if (r.row, r.block, r.part) in seen:
            raise GeometryError(
                f"two row specs for {r.where}", location=Location(field="rows", value=(r.row, r.block))
            )
        seen.add((r.row, r.block, r.part))

    out: list[CodeViolation] = []
    gb = profile.code is FireCode.GB50016
    for r in sorted(rows, key=lambda r: (r.row, r.block, r.part)):
        if gb:
            out += _check_row_gb(r, profile)
        else:
            out += _check_row_ibc(r, profile)
    if gb:
        out += _check_cross_aisles(rows, aisles)
        out += _check_aisle_widths(aisles)
        if doors is not None:
            out += _check_doors(sum(r.seats for r in rows), doors, profile)
    return out


def _check_row_gb(r: RowSpec, p: FireProfile) -> list[CodeViolation]:
    out: list[CodeViolation] = []
    limit = max_seats_between_aisles(
        row_pitch=r.row_pitch, aisles=r.aisles, venue_kind=p.venue_kind, sports_one_side=p.sports_one_side
    )
    if r.seats > limit:
        hard = _GB_SEATS_CAP if r.aisles == 2 else _GB_SEATS_CAP // 2
        out.append(
            CodeViolation(
                "R-PHY-1",
                r.where,
                f"{r.seats} seats between aisles ({_sides(r.aisles)}, row pitch {r.row_pitch:.2f} m); "
                f"GB 50016 allows at most {limit}",
                limit,
                r.seats,
                Severity.MANDATORY if r.seats > hard else Severity.ADVISORY,
            )
        )
    if p.apply_jgj57 and p.venue_kind is VenueKind.THEATRE:
        out += _check_row_jgj57(r, p)
    return out


def _check_row_jgj57(r: RowSpec, p: FireProfile) -> list[CodeViolation]:
    out: list[CodeViolation] = []
    seat = "soft" if p.soft_seats else "hard"
    if r.seat_width is not None:
        need = min_seat_width_jgj57(soft=p.soft_seats)
        if r.seat_width < need - _EPS:
            out.append(
                CodeViolation(
                    "R-PHY-5",
                    r.where,
                    f"seat width {r.seat_width:.2f} m; JGJ 57 asks for at least {need:.2f} m ({seat} seats)",
                    need,
                    r.seat_width,
                )
            )
    if p.row_method is RowMethod.LONG and r.seats > max_seats_jgj57(aisles=r.aisles, method=RowMethod.LONG):
        limit = max_seats_jgj57(aisles=r.aisles, method=RowMethod.LONG)
        out.append(
            CodeViolation(
                "R-PHY-5",
                r.where,
                f"{r.seats} seats in a long-row (长排法) row with {_sides(r.aisles)}; JGJ 57 allows at most {limit}",
                limit,
                r.seats,
            )
        )
        return out
    need = min_row_pitch_jgj57(
        r.seats, soft=p.soft_seats, aisles=r.aisles, method=p.row_method, against_wall=r.against_wall
    )
    if r.row_pitch < need - _EPS:
        names = {None: "", RowMethod.SHORT: " short-row (短排法)", RowMethod.LONG: " long-row (长排法)"}
        how = names[p.row_method]
        wall = ", last row against a wall" if r.against_wall else ""
        out.append(
            CodeViolation(
                "R-PHY-5",
                r.where,
                f"row pitch {r.row_pitch:.2f} m for {r.seats} {seat} seats with {_sides(r.aisles)}{wall}; "
                f"JGJ 57{how} asks for at least {need:.3f} m",
                need,
                r.row_pitch,
            )
        )
    elif r.clear_width is not None:
        # the method in effect: short-row if its pitch is met (or forced), else long-row
        method = p.row_method
        if method is None:
            short = min_row_pitch_jgj57(
                r.seats, soft=p.soft_seats, aisles=r.aisles, method=RowMethod.SHORT, against_wall=r.against_wall
            )
            method = RowMethod.SHORT if r.row_pitch >= short - _EPS else RowMethod.LONG
        clearance = min_row_clearance_jgj57(method=method)
        if r.clear_width < clearance - _EPS:
            out.append(
                CodeViolation(
                    "R-PHY-5",
                    r.where,
                    f"clear width {r.clear_width:.2f} m between the chair backs and the row behind; JGJ 57 "
                    f"({method.value}-row) asks for at least {clearance:.2f} m",
                    clearance,
                    r.clear_width,
                )
            )
    return out


def _check_row_ibc(r: RowSpec, p: FireProfile) -> list[CodeViolation]:
    out: list[CodeViolation] = []
    limit = max_seats_ibc(aisles=r.aisles, continental=p.continental, smoke_protected=p.smoke_protected)
    if r.seats > limit:
        kind = "continental" if p.continental else "smoke-protected" if p.smoke_protected else "standard"
        out.append(
            CodeViolation(
                "R-PHY-7",
                r.where,
                f"{r.seats} seats in a row with {_sides(r.aisles)}; IBC ({kind} seating) allows at most {limit}",
                limit,
                r.seats,
            )
        )
    clear = r.clear_width if r.clear_width is not None else r.row_pitch - p.chair_depth
    need = min_row_clear_width_ibc(r.seats, continental=p.continental, smoke_protected=p.smoke_protected)
    if clear < need - _EPS:
        derived = (
            "" if r.clear_width is not None else f" (row pitch {r.row_pitch:.2f} m − chair {p.chair_depth:.2f} m)"
        )
        out.append(
            CodeViolation(
                "R-PHY-7",
                r.where,
                f"clear width between rows {clear:.3f} m{derived} for {r.seats} seats; IBC asks for at least "
                f"{need:.3f} m ({need / INCH:.1f} in)",
                need,
                round(clear, 6),
            )
        )
    return out


def _check_cross_aisles(rows: Sequence[RowSpec], aisles: Sequence[AisleSpec]) -> list[CodeViolation]:
    cuts = sorted({a.after_row for a in aisles if a.kind is AisleKind.CROSS and a.after_row is not None})
    banks: dict[int, list[int]] = {}
    for n in sorted({r.row for r in rows}):
        banks.setdefault(sum(1 for c in cuts if c < n), []).append(n)
    out: list[CodeViolation] = []
    limit = max_rows_between_cross_aisles()
    for bank in banks.values():
        if len(bank) > limit:
            out.append(
                CodeViolation(
                    "R-PHY-2",
                    f"rows {bank[0]}–{bank[-1]}",
                    f"{len(bank)} rows without a cross aisle; GB 50016 allows at most {limit} "
                    f"(add a cross aisle, e.g. after row {bank[0] + min(limit, len(bank) // 2 + len(bank) % 2) - 1})",
                    limit,
                    len(bank),
                    Severity.ADVISORY,
                )
            )
    return out


def _check_aisle_widths(aisles: Sequence[AisleSpec]) -> list[CodeViolation]:
    out: list[CodeViolation] = []
    for i, a in enumerate(aisles, start=1):
        where = f"aisle {a.name}" if a.name else f"aisle {i}"
        side = a.kind is AisleKind.SIDE
        need = min_aisle_width(a.persons_served, side=side)
        if a.width < need - _EPS:
            per_100 = _GB_AISLE_PER_100 * a.persons_served / 100
            advisory = side and a.width >= per_100 - _EPS  # only the 不宜 0.80 m side-aisle floor is missed
            out.append(
                CodeViolation(
                    "R-PHY-3",
                    where,
                    f"{a.kind.value} aisle {a.width:.2f} m wide serving {a.persons_served} persons; GB 50016 asks "
                    f"for at least {need:.2f} m (0.60 m per 100 persons, at least "
                    f"{_GB_MIN_SIDE_AISLE if side else _GB_MIN_AISLE:.2f} m)",
                    need,
                    a.width,
                    Severity.ADVISORY if advisory else Severity.MANDATORY,
                )
            )
    return out


def _check_doors(seats: int, doors: Sequence[Door], p: FireProfile) -> list[CodeViolation]:
    out: list[CodeViolation] = []
    for i, d in enumerate(doors, start=1):
        if d.width < MIN_EXIT_DOOR_WIDTH - _EPS:
            out.append(
                CodeViolation(
                    "R-PHY-4",
                    f"door {d.name}" if d.name else f"door {i}",
                    f"exit door {d.width:.2f} m wide; GB 50016 asks for at least {MIN_EXIT_DOOR_WIDTH:.2f} m clear",
                    MIN_EXIT_DOOR_WIDTH,
                    d.width,
                )
            )
    if p.venue_kind is not VenueKind.THEATRE:
        return out
    limit = max_seats_for_grade(p.grade)
    if seats > limit:
        out.append(
            CodeViolation(
                "R-PHY-4",
                "hall",
                f"{seats} seats: the GB 50016 exit-width table covers at most {limit} seats for fire-resistance "
                f"grade {p.grade.value}; the exits need a fire engineer's calculation",
                limit,
                seats,
            )
        )
        return out
    need = min_exit_width_total(seats, stepped=p.stepped, grade=p.grade)
    total = round(sum(d.width for d in doors), 6)
    if total < need - _EPS:
        per100 = door_width_per_100(stepped=p.stepped, grade=p.grade)
        floor = "stepped" if p.stepped else "flat"
        out.append(
            CodeViolation(
                "R-PHY-4",
                "hall",
                f"exit doors total {total:.2f} m for {seats} seats; GB 50016 asks for at least {need:.2f} m "
                f"({per100:.2f} m per 100 persons, {floor} floor, grade {p.grade.value})",
                need,
                total,
            )
        )
    return out


# ---------------------------------------------------------------------------------------------
# named profiles and limits for generators
# ---------------------------------------------------------------------------------------------


class ProfileName(StrEnum):
    """Named fire-code profiles, as ``seatplan fit --profile`` and room files spell them."""

    GB50016 = "gb50016"  # GB 50016 with JGJ 57 (R-PHY-1..5)
    IBC = "ibc"  # IBC standard seating (R-PHY-7)
    IBC_CONTINENTAL = "ibc-continental"  # IBC continental seating (R-PHY-7, unverified formula)


def fire_profile(name: ProfileName | str = ProfileName.GB50016, **facts: object) -> FireProfile:
    """Return the :class:`FireProfile` of a named profile, with building facts changed.

    Parameters
    ----------
    name
        ``"gb50016"`` (default), ``"ibc"`` or ``"ibc-continental"``.
    **facts
        Other :class:`FireProfile` fields (``grade``, ``stepped``, ``soft_seats``...).

    Raises
    ------
    GeometryError
        For an unknown name or field.
    """
    text = str(name).strip().lower().replace("_", "-").replace(" ", "")
    aliases = {"gb": ProfileName.GB50016, "gb-50016": ProfileName.GB50016, "continental": ProfileName.IBC_CONTINENTAL}
    try:
        pname = aliases.get(text) or ProfileName(text)
    except ValueError:
        allowed = ", ".join(repr(p.value) for p in ProfileName)
        raise GeometryError(
            f"unknown fire-code profile {name!r}",
            location=Location(field="profile", value=name),
            hint=f"use one of {allowed}",
        ) from None
    profiles: dict[ProfileName, dict[str, object]] = {
        ProfileName.GB50016: {"code": FireCode.GB50016},
        ProfileName.IBC: {"code": FireCode.IBC},
        ProfileName.IBC_CONTINENTAL: {"code": FireCode.IBC, "continental": True},
    }
    base = profiles[pname]
    known = {f for f in FireProfile.__dataclass_fields__}
    for key in facts:
        if key not in known:
            raise GeometryError(
                f"unknown fire-profile fact {key!r}",
                location=Location(field=key, value=facts[key]),
                hint=f"use one of {', '.join(sorted(known))}",
            )
    return FireProfile(**{**base, **facts})  # type: ignore[arg-type]


def profile_name(profile: FireProfile) -> str:
    """Short name of a profile for reports: ``"gb50016"``, ``"ibc"`` or ``"ibc-continental"``."""
    if profile.code is FireCode.GB50016:
        return ProfileName.GB50016.value
    return (ProfileName.IBC_CONTINENTAL if profile.continental else ProfileName.IBC).value


@lru_cache(maxsize=4096)
def segment_limit(
    *,
    aisles: int,
    row_pitch: float,
    clear_width: float,
    profile: FireProfile,
    seat_width: float | None = None,
) -> int:
    """Most seats a row segment may hold so that :func:`check_theatre` finds nothing (R-PHY-1/5/7).

    This is the number a generator builds to: the GB 50016 seats-between-aisles limit for the
    row pitch (doubling from 0.90 m, halving with one aisle), the JGJ 57 row-pitch and clearance
    rules for theatre-type halls, or the IBC seat count and clear width between rows. Advisory
    limits (不宜) count as limits: a generated layout breaks neither kind.

    Parameters
    ----------
    aisles
        1 or 2 row ends opening onto an aisle.
    row_pitch
        Row spacing, metres.
    clear_width
        Clear passage used by the row, metres.
    profile
        The code profile.
    seat_width
        Seat pitch along the row; ``None`` = not checked.

    Returns
    -------
    int
        0 when no seat count is legal (the row pitch or seat width is too small).
    """
    _check_aisles(aisles)

    def ok(n: int) -> bool:
        spec = RowSpec(
            row=1, block=1, seats=n, aisles=aisles, row_pitch=row_pitch, seat_width=seat_width,
            clear_width=clear_width,
        )
        return not check_theatre([spec], profile=profile)

    if not ok(1):
        return 0
    lo, hi = 1, 2
    while hi <= 256 and ok(hi):
        lo, hi = hi, hi * 2
    hi = min(hi, 257)
    while hi - lo > 1:  # ok(lo) and not ok(hi)
        mid = (lo + hi) // 2
        lo, hi = (mid, hi) if ok(mid) else (lo, mid)
    return lo


def max_seats_for_exits(total_width: float, *, profile: FireProfile) -> int | None:
    """Most seats the exit doors allow under R-PHY-4 (GB 50016, theatre-type halls).

    ``total_width / (width per 100 persons) × 100``, capped at the table's 2500 / 1200 seats
    (beyond the table the exits need a fire engineer, and no cap is given here: ``None``).
    ``None`` also under IBC and for sports halls (no figures in the rule book).
    """
    if profile.code is not FireCode.GB50016 or profile.venue_kind is not VenueKind.THEATRE:
        return None
    per100 = door_width_per_100(stepped=profile.stepped, grade=profile.grade)
    seats = math.floor(total_width / per100 * 100 + 1e-6)
    limit = max_seats_for_grade(profile.grade)
    return seats if seats <= limit else None
