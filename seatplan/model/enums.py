"""Enumerations used across seatplan (no magic strings)."""

from __future__ import annotations

import os
from enum import Enum, StrEnum
from typing import TypeVar

E = TypeVar("E", bound=Enum)


class Convention(StrEnum):
    """Handedness convention (rule book §0.2).

    ``CN`` is 以左为上 (the senior person's own left outranks his right);
    ``INTL`` is 以右为上 (international / foreign-affairs / business).
    """

    CN = "cn"
    INTL = "intl"


class EvenMode(StrEnum):
    """How an even number of leaders is centred on a dais (R-DAIS-4/5/6).

    ``V1``: No.1 and No.2 share the centre, No.2 at No.1's own left (default).
    ``V2``: the central pair itself is ordered left-first, No.2 at No.1's own right.
    ``V3``: single centre, No.1 on the axis, one side a seat longer.
    """

    V1 = "V1"
    V2 = "V2"
    V3 = "V3"


class View(StrEnum):
    """Viewing frame in which a left-to-right sequence is stated (rule book §0.1)."""

    AUDIENCE = "audience"  # 台下视角, AV
    STAGE = "stage"  # 台上视角, SV
    PLAN = "plan"  # plan view, main door at the bottom


class FillMethod(StrEnum):
    """How units fill the floor (R-AUD-2/3/4)."""

    ROWS = "rows"  # 横排法: along a row, then the next row back
    COLUMNS = "columns"  # 竖排法: a column strip per unit
    CENTRE_OUT = "centre-out"  # 左右排列法: from the hall's centre, alternating


class Numbering(StrEnum):
    """How seats in a row get their printed number (R-AUD-9/10)."""

    SEQUENTIAL = "sequential"  # 1..n left to right in audience view, every row
    SERPENTINE = "serpentine"  # row 1 left to right, row 2 right to left, numbers continue
    CENTRE_OUT = "centre-out"  # 单双号: 1 at the centre, odd numbers on one side, even on the other


class DeskSeating(StrEnum):
    """How the arrival desk gives seats (``[cards] seating``, docs/replan.md)."""

    ASSIGNED = "assigned"  # 对号入座: the seat printed on the person's card
    FREE = "free"  # 按到场顺序: the k-th arrival gets the k-th front-most free seat (R-AUD-11)


class Side(StrEnum):
    """A side as seen from the audience (audience view)."""

    LEFT = "left"
    RIGHT = "right"


class ShapeKind(StrEnum):
    """Kinds of drawn outlines in a layout."""

    ROOM = "room"
    STAGE = "stage"
    TABLE = "table"
    DOOR = "door"
    OBSTACLE = "obstacle"
    LECTERN = "lectern"
    AISLE = "aisle"


class OccasionKind(StrEnum):
    """What kind of event a plan seats; each kind has its own layout and rules."""

    MEETING = "meeting"  # 会议: a 主席台 (dais) and the floor (台下), R-DAIS, R-AUD
    BANQUET = "banquet"  # 宴会: round tables, R-BNQ
    RECEPTION = "reception"  # 会见: sofas side by side, R-MTG-1/2
    TALKS = "talks"  # 会谈: a long table, R-MTG-3/4/5
    SIGNING = "signing"  # 签字仪式, R-MTG-6
    PHOTO = "photo"  # 合影, R-MTG-7
    MEETING_ROOM = "meeting-room"  # small meeting room without a dais, R-MTG-8/9/10


class SolveStatus(StrEnum):
    """Outcome of a solve."""

    OPTIMAL = "OPTIMAL"
    FEASIBLE = "FEASIBLE"
    INFEASIBLE = "INFEASIBLE"
    UNKNOWN = "UNKNOWN"


def coerce_choice(enum_cls: type[E], value: object, key: str, *, source: str | os.PathLike[str] = "") -> E:
    """``value`` as a member of ``enum_cls``: the member itself, or its value or name in any case.

    Parameters
    ----------
    enum_cls
        The enumeration.
    value
        A member, or a string such as ``"french"`` / ``"FRENCH"`` / ``"cn_a"``.
    key
        The option's name, for the error (``banquet.style``).
    source
        The file the value was read from, for the error.

    Raises
    ------
    ValidationError
        Naming the file, key and value and listing the allowed values.
    """
    from seatplan.errors import Location, ValidationError

    if isinstance(value, enum_cls):
        return value
    if isinstance(value, str):
        wanted = value.strip().lower().replace("_", "-")
        for member in enum_cls:
            if str(member.value).lower() == wanted or member.name.lower().replace("_", "-") == wanted:
                return member
    allowed = ", ".join(repr(m.value) for m in enum_cls)
    raise ValidationError(
        f"{key} must be one of {allowed}, got {value!r}",
        location=Location(file=os.fspath(source), field=key, value=value),
        hint=f"use one of {allowed}",
    )
