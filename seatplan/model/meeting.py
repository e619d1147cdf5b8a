"""A meeting as described by a plan file: venue, dais, floor, cards, attendees."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any
from pathlib import Path

from seatplan.errors import Location, ValidationError
from seatplan.model.attendees import Attendee
from seatplan.model.enums import Convention, EvenMode, FillMethod, Numbering, OccasionKind, Side
from seatplan.model.venue import Venue

#: The plan-file format version this library writes and reads.
FORMAT_VERSION = 1


def _require_positive(value: float, key: str) -> None:
    if not value > 0:
        raise ValidationError(f"{key} must be positive, got {value}", location=Location(field=key, value=value))


@dataclass(frozen=True)
class DaisSpec:
    """The 主席台: rows of seats on the stage, facing the audience.

    Parameters
    ----------
    rows
        Seats per row, front row first. Empty = one row sized to the dais list.
    even_mode
        How an even row is centred (R-DAIS-4/5/6); V1 by default.
    seat_pitch
        Table length per person on the dais, metres (R-PHY-15: about 1.0 m).
    row_pitch
        Distance between dais rows, metres.
    """

    rows: tuple[int, ...] = ()
    even_mode: EvenMode = EvenMode.V1
    seat_pitch: float = 1.0
    row_pitch: float = 1.2

    def __post_init__(self) -> None:
        for i, n in enumerate(self.rows, start=1):
            if n < 1:
                raise ValidationError(
                    f"dais row {i} has {n} seats; every row needs at least 1",
                    location=Location(field="dais.rows", value=list(self.rows)),
                )
        _require_positive(self.seat_pitch, "dais.seat_pitch")
        _require_positive(self.row_pitch, "dais.row_pitch")


@dataclass(frozen=True)
class FloorSpec:
    """The audience floor (台下): theatre rows split into blocks by aisles.

    Parameters
    ----------
    blocks
        Seats per row in each block between aisles, audience view left to right.
    rows
        Number of rows; 0 = as many as fit the room.
    seat_width
        Seat width (armrest centre distance), metres (JGJ 57: >= 0.50/0.55).
    row_pitch
        Row spacing (排距), metres.
    aisle_width
        Width of the aisles between blocks, metres (GB 50016: >= 1.00).
    side_aisle
        Clear width between the outer blocks and the side walls, metres (>= 0.80).
    front_gap
        Clear distance from the stage edge to the first row, metres.
    back_gap
        Clear distance kept free at the back wall, metres.
    fill
        How units fill the floor; rows (横排法) by default.
    numbering
        How seats are numbered within a row.
    odd_side
        For centre-out numbering: the audience-view side that carries odd numbers.
    unit_order
        Published unit order; units not listed follow in list order.
    """

    blocks: tuple[int, ...] = (12, 20, 12)
    rows: int = 0
    seat_width: float = 0.55
    row_pitch: float = 0.90
    aisle_width: float = 1.2
    side_aisle: float = 1.0
    front_gap: float = 2.0
    back_gap: float = 1.5
    fill: FillMethod = FillMethod.ROWS
    numbering: Numbering = Numbering.SEQUENTIAL
    odd_side: Side = Side.RIGHT
    unit_order: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.blocks or any(b < 1 for b in self.blocks):
            raise ValidationError(
                "floor.blocks needs at least one block of at least one seat",
                location=Location(field="floor.blocks", value=list(self.blocks)),
            )
        if self.rows < 0:
            raise ValidationError(
                f"floor.rows is {self.rows}; use 0 for 'as many as fit'", location=Location(field="floor.rows")
            )
        for key in ("seat_width", "row_pitch", "aisle_width", "side_aisle"):
            _require_positive(getattr(self, key), f"floor.{key}")
        for key in ("front_gap", "back_gap"):
            if getattr(self, key) < 0:
                raise ValidationError(f"floor.{key} must be >= 0", location=Location(field=f"floor.{key}"))


@dataclass(frozen=True)
class CardSpec:
    """Name cards (桌签/席卡): which sections get one, and the typeface.

    Parameters
    ----------
    sections
        Section name prefixes whose seats get a name card (``"dais"`` by default).
    serif
        True for a serif (宋体-like) face, False for sans (黑体-like).
    space_two_char_names
        Put a full-width space inside two-character Chinese names (王　伟), the
        usual practice on name cards.
    """

    sections: tuple[str, ...] = ("dais",)
    serif: bool = True
    space_two_char_names: bool = True


@dataclass(frozen=True)
class Meeting:
    """Everything a plan file says, with the attendee list read in.

    Parameters
    ----------
    title
        Meeting title printed on diagrams and lists.
    venue
        The room.
    attendees
        The people to seat.
    convention
        CN (以左为上, default) or INTL (以右为上).
    dais
        The 主席台, or ``None`` for no dais.
    floor
        The audience floor, or ``None``.
    cards
        Name-card options.
    date
        Free text date shown on outputs.
    allow_unseated
        List people who do not fit in ``unseated.csv`` instead of failing.
    occasion
        The kind of event (meeting with dais and floor by default).
    options
        Option tables of the occasion (``[banquet]``, ``[reception]``...) as read
        from the plan file; each occasion validates its own table.
    source
        Path of the plan file, if read from one.
    """

    title: str
    venue: Venue
    attendees: tuple[Attendee, ...]
    convention: Convention = Convention.CN
    dais: DaisSpec | None = None
    floor: FloorSpec | None = None
    cards: CardSpec = field(default_factory=CardSpec)
    date: str = ""
    allow_unseated: bool = False
    occasion: OccasionKind = OccasionKind.MEETING
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=lambda: MappingProxyType({}))
    source: Path | None = None

    def __post_init__(self) -> None:
        seen: dict[str, Attendee] = {}
        for a in self.attendees:
            if a.id in seen:
                raise ValidationError(
                    f"attendee id {a.id!r} is used twice ({seen[a.id].name} and {a.name})",
                    location=a.source,
                    hint="give every attendee a unique id",
                )
            seen[a.id] = a
