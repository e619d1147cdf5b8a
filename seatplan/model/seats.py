"""Seats: numbered places with a position and a facing direction."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import StrEnum

from seatplan.errors import Location, ValidationError

#: Facing of an audience seat (towards the stage, +y), degrees counter-clockwise from +x.
FACING_FRONT = 90.0
#: Facing of a dais seat (towards the audience, -y).
FACING_BACK = 270.0


class SeatTag(StrEnum):
    """Tags seatplan puts on seats (:attr:`Seat.tags`); a plan may add its own (``[rules.seat_tags]``).

    A tag compares equal to its text (``SeatTag.AISLE == "aisle"``), so an attendee's needs
    read from the list (``"wheelchair"``) match it.
    """

    AISLE = "aisle"  # end of a row run, next to an aisle or wall (requests, automatic)
    EXIT = "exit"  # within exit_distance of a door (requests, automatic)
    WHEELCHAIR = "wheelchair"  # a wheelchair place (named in [rules.seat_tags])
    INTERPRETER = "interpreter"  # an interpreter's place or stool, reached by the headsets
    STOOL = "stool"  # an interpreter's stool behind a principal, not a place at the table (R-BNQ-10)
    RESERVED = "reserved"  # a seat of a reserved block without people (R-AUD-8)
    HOST_SEAT = "host-seat"  # place 1 of a banquet table (and the hostess's place at a long table)
    HOSTESS_SEAT = "hostess-seat"  # the hostess's place at a Western long table (R-BNQ-12)
    MAIN_TABLE = "main-table"  # every place of the main table
    PRINCIPAL = "principal"  # the principal of a party at a reception, talks, signing, photo
    STAFF = "staff"  # a back-row chair for interpreters and note-takers
    STANDING = "standing"  # a standing place (signing, photo)
    ARMCHAIR = "armchair"  # a reception armchair
    DAIS_SPARE = "dais-spare"  # an extra fixed dais chair left empty (R-DAIS-6/7)
    DAIS_EMPTY_CENTRE = "dais-empty-centre"  # the empty centre chair of an equal pair (R-DAIS-7)


#: Sections laid out in rows, and the word printed before "N排M号".
_ROW_SECTIONS = {"balcony": "楼上", "photo": "合影", "gallery": "楼座"}
#: Words for the parts of section names used by receptions, talks, signings and meeting rooms.
_SIDES = {"host": "主方", "guest": "客方"}
_ROLES = {
    "interpreter": "翻译",
    "note": "记录",
    "taker": "",
    "signer": "签字人",
    "assistant": "助签",
    "chair": "主席位",
    "participant": "座位",
    "row": "",
    "delegation": "代表团",
    "heads": "团长席",
}


#: What guests call the main table (R-BNQ-2); its number follows in brackets: ``"主桌（1号桌）"``.
MAIN_TABLE_NAME = "主桌"


def table_name(table: str, *, main: bool = False) -> str:
    """A table as every sheet a guest reads names it: ``"5号桌"``, the main table ``"主桌（1号桌）"``.

    The diagrams write ``主桌`` on the main table; the cards, lists and notices add its number, so that
    a guest who reads either finds the same table. A label that already ends in 桌 is kept.
    """
    numbered = table if table.endswith("桌") else f"{table}号桌"
    if main and numbered != MAIN_TABLE_NAME:
        return f"{MAIN_TABLE_NAME}（{numbered}）"
    return numbered


@dataclass(frozen=True)
class Seat:
    """One place a person can sit.

    Parameters
    ----------
    id
        Unique id, stable for a given layout (e.g. ``"floor-r03-s12"``).
    section
        Zone name: ``"dais"`` (and ``"dais-2"``...) for the 主席台, ``"floor"`` for the hall.
    row
        Row number, 1 = front row of its section.
    number
        The seat number printed on seat cards (号), as given by the numbering scheme.
    x, y
        Position in metres, plan frame (x to the right, y towards the front).
    facing
        Direction the seated person faces, degrees counter-clockwise from +x
        (90 = towards the stage, 270 = from the dais towards the audience).
    table
        Table label at banquets, ``""`` elsewhere.
    tags
        Free tags (``"aisle"``, ``"wheelchair"``, ``"reserved"``...).
    """

    id: str
    section: str
    row: int
    number: int
    x: float
    y: float
    facing: float = FACING_FRONT
    table: str = ""
    tags: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        if not self.id:
            raise ValidationError("a seat needs a non-empty id", location=Location(field="id"))
        if self.row < 1 or self.number < 1:
            raise ValidationError(
                f"seat {self.id!r} has row {self.row} and number {self.number}; both must be >= 1",
                location=Location(field="row/number"),
            )
        if not (math.isfinite(self.x) and math.isfinite(self.y) and math.isfinite(self.facing)):
            raise ValidationError(f"seat {self.id!r} has a non-finite position or facing")

    @property
    def is_dais(self) -> bool:
        """True for seats on the 主席台 (section name starts with ``dais``)."""
        return self.section.startswith("dais")

    @property
    def left_vector(self) -> tuple[float, float]:
        """Unit vector towards the seated person's own left hand."""
        a = math.radians(self.facing + 90.0)
        return (math.cos(a), math.sin(a))

    @property
    def mark(self) -> str:
        """``"译"`` on an interpreter's seat, ``"记"`` on a note-taker's, ``""`` otherwise.

        An interpreter's seat carries the ``interpreter`` tag or a section naming
        interpreters (``interpreter-guest``); a note-taker's a section naming
        note-takers (``note-taker-host``). Written wherever seats are drawn or listed.
        """
        parts = self.section.split("-")
        if SeatTag.INTERPRETER in self.tags or "interpreter" in parts:
            return "译"
        if "note" in parts:
            return "记"
        return ""

    @property
    def table_name(self) -> str:
        """The seat's table as guests read it (:func:`table_name`): ``"5号桌"``, ``"主桌（1号桌）"``; ``""`` off tables."""
        return table_name(self.table, main=SeatTag.MAIN_TABLE in self.tags) if self.table else ""

    def labels(self) -> tuple[str, ...]:
        """Every way a person writes this seat: :meth:`describe`, and at the main table also
        ``"1号桌 3号"`` and ``"主桌 3号"``."""
        if not self.table or SeatTag.MAIN_TABLE not in self.tags:
            return (self.describe(),)
        return (self.describe(), f"{table_name(self.table)} {self.number}号", f"{MAIN_TABLE_NAME} {self.number}号")

    def describe(self) -> str:
        """Seat-card text in the section's own words.

        ``"3排12号"`` (floor), ``"主席台 第1排 4号"``, ``"5号桌 3号"``, ``"主桌（1号桌） 2号"``, ``"楼上 2排7号"``,
        ``"合影 第2排 4号"``, ``"主方翻译 12号"``, ``"客方 2号"``...
        """
        if self.table:
            return f"{self.table_name} {self.number}号"
        if self.is_dais:
            return f"主席台 第{self.row}排 {self.number}号"
        if self.section in ("", "floor"):
            return f"{self.row}排{self.number}号"
        head, _, _ = self.section.partition("-")
        if head in _ROW_SECTIONS:
            return f"{_ROW_SECTIONS[head]} {self.row}排{self.number}号"
        parts = self.section.split("-")
        side = "".join(_SIDES[p] for p in parts if p in _SIDES)
        role = "".join(_ROLES.get(p, p) for p in parts if p not in _SIDES)
        return f"{side}{role} {self.number}号".strip()
