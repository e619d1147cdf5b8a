"""Spacing between chairs, rows, tables and walls, with the rule book's defaults.

Every default cites the rule (``../reference/protocol-rules.md`` §5) it comes from; the few
that no rule gives (chair footprint) say so. Fire-code *limits* (how many seats between aisles,
how wide an aisle must be for a given crowd) are not here but in
:mod:`seatplan.layout.firecode`; this module holds the *layout* distances a generator uses.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields

from seatplan.errors import GeometryError, Location

__all__ = [
    "ASHTRAY_EVERY",
    "CHAIR_BACK_TO_TABLE_STRICT",
    "CLASSROOM_TABLE_DEPTH_WIDE",
    "COMMERCIAL_NAME_CARD_CM",
    "CUP_FROM_TABLE_EDGE",
    "CUP_FROM_TABLE_EDGE_HOTEL",
    "HARD_SEAT_WIDTH",
    "MICROPHONE_HEIGHT",
    "NAME_CARD_HEIGHT_CM",
    "NAME_CARD_LENGTH_CM",
    "SOFT_SEAT_WIDTH",
    "TABLE_ITEMS_LEFT_TO_RIGHT",
    "Spacing",
    "check_name_card",
    "supplies",
]

#: JGJ 57 minimum armrest centre distance for hard seats (R-PHY-5).
HARD_SEAT_WIDTH = 0.50
#: JGJ 57 minimum armrest centre distance for upholstered seats (R-PHY-5).
SOFT_SEAT_WIDTH = 0.55
#: The stricter hotel standard for chair back to the next table, 65 cm (R-PHY-9, §6 "60 / 65 cm").
CHAIR_BACK_TO_TABLE_STRICT = 0.65
#: The deeper classroom table option, 0.50 m (R-PHY-9: tables 45–60 cm deep).
CLASSROOM_TABLE_DEPTH_WIDE = 0.50

#: Teacup from the front table edge, metres (R-PHY-12: 5 cm, 盘锦 人代会 standard and a hotel standard).
CUP_FROM_TABLE_EDGE = 0.05
#: The alternative hotel standard, 3–3.5 cm (R-PHY-12, §"Disagreement"); metres, (low, high).
CUP_FROM_TABLE_EDGE_HOTEL = (0.03, 0.035)
#: Microphone head above the table, metres (R-PHY-12).
MICROPHONE_HEIGHT = 0.20
#: One ashtray per this many seats, in the middle one (R-PHY-12, old hotel standard).
ASHTRAY_EVERY = 3
#: What stands in front of a place, left to right as the sitter sees it (R-PHY-12, R-PHY-13):
#: the microphone left of the name card, the teacup right of it (top right of the place).
TABLE_ITEMS_LEFT_TO_RIGHT = ("microphone", "name card", "teacup")
#: Tent name card (席卡) length and height range, cm (R-PHY-13: 15–20 × 7.5–10 cm).
NAME_CARD_LENGTH_CM = (15.0, 20.0)
NAME_CARD_HEIGHT_CM = (7.5, 10.0)
#: The common commercial name-card size, cm (R-PHY-13: 210 × 140 mm).
COMMERCIAL_NAME_CARD_CM = (21.0, 14.0)


def check_name_card(length_cm: float, height_cm: float) -> list[str]:
    """Check a tent name card's size against R-PHY-13.

    Parameters
    ----------
    length_cm, height_cm
        The card's printed face, centimetres.

    Returns
    -------
    list of str
        Warnings (empty when the card is 15–20 cm long and 7.5–10 cm high). A
        size outside the standard is only a warning: the common commercial
        210 × 140 mm card is outside it and is named as such.

    Raises
    ------
    GeometryError
        If a size is not a positive finite number.

    Examples
    --------
    >>> check_name_card(18, 9)
    []
    >>> len(check_name_card(21, 14))
    1
    """
    for name, value in (("length_cm", length_cm), ("height_cm", height_cm)):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value <= 0:
            raise GeometryError(
                f"name card {name} must be a positive number of centimetres, got {value!r}",
                location=Location(field=name, value=value),
                hint="give the card size in cm, e.g. 20 × 10",
            )
    (l_lo, l_hi), (h_lo, h_hi) = NAME_CARD_LENGTH_CM, NAME_CARD_HEIGHT_CM
    if l_lo <= length_cm <= l_hi and h_lo <= height_cm <= h_hi:
        return []
    text = (
        f"name card {length_cm:g} × {height_cm:g} cm is outside the standard {l_lo:g}–{l_hi:g} × "
        f"{h_lo:g}–{h_hi:g} cm (R-PHY-13)"
    )
    if (float(length_cm), float(height_cm)) == COMMERCIAL_NAME_CARD_CM:
        text += "; it is the common commercial 210 × 140 mm card, acceptable if all cards match"
    return [text]


def supplies(attendees: int, *, winter: bool, thermos_ratio: int = 6) -> dict[str, int]:
    """Drinking water per half-day session (R-PHY-14).

    One small bottle of water per attendee per half day; in winter also one
    small thermos per ``thermos_ratio`` attendees (the seed gives 5–8, default
    6, rounded up) and one cup per attendee.

    Parameters
    ----------
    attendees
        People at the session.
    winter
        Add thermoses and cups.
    thermos_ratio
        Attendees per thermos, 5–8.

    Returns
    -------
    dict
        ``{"bottles": n, "thermoses": n, "cups": n}`` (thermoses and cups 0 outside winter).

    Raises
    ------
    GeometryError
        If ``attendees`` is negative or ``thermos_ratio`` is outside 5–8.

    Examples
    --------
    >>> supplies(300, winter=True)
    {'bottles': 300, 'thermoses': 50, 'cups': 300}
    """
    if isinstance(attendees, bool) or not isinstance(attendees, int) or attendees < 0:
        raise GeometryError(
            f"attendees must be a whole number >= 0, got {attendees!r}",
            location=Location(field="attendees", value=attendees),
        )
    if isinstance(thermos_ratio, bool) or not isinstance(thermos_ratio, int) or not 5 <= thermos_ratio <= 8:
        raise GeometryError(
            f"thermos_ratio must be a whole number from 5 to 8, got {thermos_ratio!r}",
            location=Location(field="thermos_ratio", value=thermos_ratio),
            hint="R-PHY-14: one thermos per 5–8 attendees",
        )
    thermoses = -(-attendees // thermos_ratio) if winter else 0
    return {"bottles": attendees, "thermoses": thermoses, "cups": attendees if winter else 0}


# Plausible range per field, metres: values outside are typing errors (cm for m, a sign),
# not design choices. Values below a code minimum but inside the range are *allowed* here;
# the fire-code checker reports them.
_RANGES: dict[str, tuple[float, float]] = {
    "seat_width": (0.30, 1.50),
    "row_pitch": (0.50, 3.00),
    "chair_width": (0.30, 1.50),
    "chair_depth": (0.30, 1.50),
    "chair_side_gap": (0.0, 2.0),
    "meeting_table_per_person": (0.30, 3.0),
    "dais_per_person": (0.30, 3.0),
    "chair_back_to_table": (0.0, 3.0),
    "seat_to_table_gap": (0.0, 1.0),
    "occupied_zone": (0.0, 2.0),
    "round_table_gap": (0.0, 10.0),
    "wall_walkway": (0.0, 10.0),
    "aisle_width": (0.30, 20.0),
    "side_aisle": (0.0, 20.0),
    "classroom_table_depth": (0.20, 2.0),
    "classroom_table_length": (0.40, 6.0),
    "classroom_table_gap": (0.0, 5.0),
    "front_table_to_screen": (0.0, 20.0),
    "last_row_wall_extra": (0.0, 1.0),
    "wheelchair_width": (0.50, 3.0),
    "wheelchair_depth": (0.50, 3.0),
    "obstacle_gap": (0.0, 5.0),
    "door_clear_depth": (0.0, 10.0),
    "meeting_table_depth": (0.30, 3.0),
    "boardroom_table_depth": (0.50, 5.0),
    "dais_table_depth": (0.30, 3.0),
    "dais_edge_gap": (0.0, 5.0),
    "hollow_min": (0.0, 20.0),
}


@dataclass(frozen=True)
class Spacing:
    """Layout distances in metres, defaults from the rule book.

    Validated when made (:meth:`validate` runs in ``__post_init__``), so a ``Spacing`` that
    exists is sane; use :func:`dataclasses.replace` to change a value.

    Parameters
    ----------
    seat_width
        Seat pitch along a row = armrest centre distance. 0.55 m: JGJ 57 minimum for upholstered
        seats (R-PHY-5); hard seats may use :data:`HARD_SEAT_WIDTH` = 0.50 m.
    row_pitch
        Row spacing (排距) of theatre rows. 0.90 m: JGJ 57 short-row minimum for soft seats
        (R-PHY-5), and the pitch from which GB 50016 allows doubling the seats per row (R-PHY-1).
    chair_width, chair_depth
        Chair footprint, 0.50 × 0.50 m. Not from the rule book: an assumption consistent with
        R-PHY-5 (a 0.50 m hard-seat pitch fits a 0.50 m chair; 0.80 m hard short-row pitch minus
        0.50 m leaves the 0.30 m back-to-front clearance JGJ 57 asks for).
    chair_side_gap
        Gap between neighbouring chairs at a table, 0.20 m (R-PHY-11, related dimensions:
        "椅子左右分隔尺寸宜為0.2m").
    meeting_table_per_person
        Table length per person at a meeting table, 0.60 m minimum (R-PHY-8; 0.75 m with laptops).
    dais_per_person
        Table length per person on a dais, 1.0 m (R-PHY-15: ≈ 1.06 m in the Panjin example).
    chair_back_to_table
        Clear passage from a chair back to the next table behind, 0.60 m (R-PHY-9; some hotels
        65 cm, :data:`CHAIR_BACK_TO_TABLE_STRICT`; rule book §6 default 60 cm).
    seat_to_table_gap
        Seat front edge to table edge in the *set* position, 0 (flush, "轻靠"; R-PHY-11, T30).
    occupied_zone
        Depth in front of a table taken by a seated person and chair, 0.50 m (R-PHY-11, used for
        clearance calculations).
    round_table_gap
        Clear distance between round-table edges, 1.0 m (R-PHY-10; US practice 5 ft).
    wall_walkway
        Walkway between chairs and a wall, 0.90 m (R-PHY-11 related dimensions, R-PHY-9 side
        aisles ≥ 0.9 m).
    aisle_width
        Longitudinal aisle width, 1.00 m: the GB 50016 floor (R-PHY-3). The width an aisle
        actually needs grows with the people it serves, see ``firecode.min_aisle_width``.
    side_aisle
        Side aisle (边走道) width, 0.80 m (R-PHY-3).
    classroom_table_depth
        Classroom (课桌式) table depth, 0.45 m (R-PHY-9: 45–60 cm, 18 in standard;
        :data:`CLASSROOM_TABLE_DEPTH_WIDE` = 0.50 m option).
    classroom_table_length
        Classroom table length, 1.80 m (R-PHY-9: 1.8 m / 2.4 m; R-PHY-8: a 1.8 m table takes 3).
    classroom_table_gap
        Table edge to table edge front to back, 0.90 m (R-PHY-9: ≥ 0.9–1.0 m).
    front_table_to_screen
        First table to the screen / presenter, 1.80 m (R-PHY-9: ≥ 1.2–1.8 m).
    last_row_wall_extra
        Extra row spacing for a last row against a wall, 0.12 m (R-PHY-5).
    wheelchair_width, wheelchair_depth
        Wheelchair place, 0.80 × 1.10 m (R-PHY-5).
    obstacle_gap
        Gap kept between a chair or table and a pillar that stands clear of every aisle,
        0.10 m. Not from the rule book (a chair may not touch a pillar; a pillar standing in an
        aisle keeps the aisle's full width round it instead, see ``seatplan.layout.theatre``).
    door_clear_depth
        Depth of the floor kept clear inside every door, 1.40 m: R-PHY-4 (GB 50016 cl. 5.5.19,
        "紧靠门口内外各1.40m范围内不应设置踏步"); seats are not put where the steps may not go.
    meeting_table_depth
        Depth of the tables of a U-shape or hollow square, 0.60 m (R-PHY-9: 45–60 cm tables;
        the upper end, as conference tables are used, not training tables).
    boardroom_table_depth
        Width of a boardroom or oval table, 1.20 m. Not from the rule book (common 1.2–1.5 m
        boardroom tables).
    dais_table_depth
        Depth of the dais tables, 0.60 m (the meeting-hall layout's ``DAIS_TABLE_DEPTH``).
    dais_edge_gap
        Stage front edge to the front dais table, 0.60 m (the meeting-hall layout's
        ``DAIS_EDGE_GAP``).
    hollow_min
        Smallest clear width of the hollow inside a U-shape or hollow square, 1.0 m. Not from
        the rule book (room for a person to walk in, as in the 0.9–1.0 m of R-PHY-9).
    """

    seat_width: float = SOFT_SEAT_WIDTH
    row_pitch: float = 0.90
    chair_width: float = 0.50
    chair_depth: float = 0.50
    chair_side_gap: float = 0.20
    meeting_table_per_person: float = 0.60
    dais_per_person: float = 1.0
    chair_back_to_table: float = 0.60
    seat_to_table_gap: float = 0.0
    occupied_zone: float = 0.50
    round_table_gap: float = 1.0
    wall_walkway: float = 0.90
    aisle_width: float = 1.00
    side_aisle: float = 0.80
    classroom_table_depth: float = 0.45
    classroom_table_length: float = 1.80
    classroom_table_gap: float = 0.90
    front_table_to_screen: float = 1.80
    last_row_wall_extra: float = 0.12
    wheelchair_width: float = 0.80
    wheelchair_depth: float = 1.10
    obstacle_gap: float = 0.10
    door_clear_depth: float = 1.40
    meeting_table_depth: float = 0.60
    boardroom_table_depth: float = 1.20
    dais_table_depth: float = 0.60
    dais_edge_gap: float = 0.60
    hollow_min: float = 1.0

    def __post_init__(self) -> None:
        self.validate()

    @property
    def classroom_row_pitch(self) -> float:
        """Front edge of one classroom table to the front edge of the next, metres (R-PHY-9).

        Table depth + seat-to-table gap + chair depth + chair back to the next table, and never
        less than table depth + the table-to-table gap: 0.45 + 0 + 0.50 + 0.60 = 1.55 m by default
        (the table edges are then 1.10 m apart, above the 0.9–1.0 m of R-PHY-9).
        """
        behind = self.seat_to_table_gap + self.chair_depth + self.chair_back_to_table
        return round(self.classroom_table_depth + max(behind, self.classroom_table_gap), 6)

    @property
    def seats_per_classroom_table(self) -> int:
        """Chairs at one classroom table: table length // length per person (R-PHY-8: 1.8 m → 3)."""
        return max(1, int(self.classroom_table_length / self.meeting_table_per_person + 1e-9))

    def validate(self) -> None:
        """Raise :class:`GeometryError` for a non-finite, negative or absurd value.

        Each field must lie in a plausible range (a 5.5 m seat width is 55 cm typed in the
        wrong unit). Values below a code minimum but plausible are accepted; the fire-code
        checks report those. Also rejects combinations that make chairs overlap: a chair wider
        than the seat pitch or the table length per person, or deeper than the row pitch.

        Raises
        ------
        GeometryError
            Naming the field, its value and the accepted range.
        """
        for f in fields(self):
            value = getattr(self, f.name)
            lo, hi = _RANGES[f.name]
            if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value):
                raise GeometryError(
                    f"spacing.{f.name} must be a finite number of metres, got {value!r}",
                    location=Location(field=f"spacing.{f.name}", value=value),
                )
            if value < 0:
                raise GeometryError(
                    f"spacing.{f.name} is negative ({value} m)",
                    location=Location(field=f"spacing.{f.name}", value=value),
                    hint=f"give a distance in metres between {lo} and {hi}",
                )
            if not lo <= value <= hi:
                raise GeometryError(
                    f"spacing.{f.name} = {value} m is outside the plausible range {lo}–{hi} m",
                    location=Location(field=f"spacing.{f.name}", value=value),
                    hint="distances are in metres (55 cm is 0.55)",
                )
        for wide, narrow in (
            ("chair_width", "seat_width"),
            ("chair_width", "meeting_table_per_person"),
            ("chair_width", "dais_per_person"),
            ("chair_depth", "row_pitch"),
        ):
            if getattr(self, wide) > getattr(self, narrow) + 1e-9:
                raise GeometryError(
                    f"spacing.{wide} = {getattr(self, wide)} m is larger than spacing.{narrow} = "
                    f"{getattr(self, narrow)} m, so neighbouring chairs would overlap",
                    location=Location(field=f"spacing.{narrow}", value=getattr(self, narrow)),
                    hint=f"make {narrow} at least {wide}",
                )
