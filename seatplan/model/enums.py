"""Enumerations used across seatplan (no magic strings)."""

from __future__ import annotations

import difflib
import os
from enum import Enum, StrEnum
from typing import Any, TypeVar

E = TypeVar("E", bound=Enum)


class Choice(StrEnum):
    """An option enum whose members may carry aliases, such as their Chinese names.

    Write a member as ``ROWS = "rows", "横排法"``: the first string is the value
    (what seatplan writes), the others are aliases every reader accepts
    (:func:`coerce_choice`, and ``FillMethod("横排法")``).
    """

    aliases: tuple[str, ...]

    def __new__(cls, value: str, *aliases: str) -> Choice:
        member = str.__new__(cls, value)
        member._value_ = value
        member.aliases = aliases
        return member

    @classmethod
    def _missing_(cls, value: object) -> Any:
        return find_choice(cls, value)


class Convention(Choice):
    """Handedness convention (rule book §0.2).

    ``CN`` is 以左为上 (the senior person's own left outranks his right);
    ``INTL`` is 以右为上 (international / foreign-affairs / business).
    """

    CN = "cn", "以左为上"
    INTL = "intl", "以右为上"


class EvenMode(Choice):
    """How an even number of leaders is centred on a dais (R-DAIS-4/5/6).

    ``V1``: No.1 and No.2 share the centre, No.2 at No.1's own left (default).
    ``V2``: the central pair itself is ordered left-first, No.2 at No.1's own right.
    ``V3``: single centre, No.1 on the axis, one side a seat longer.
    """

    V1 = "V1"
    V2 = "V2"
    V3 = "V3"


class View(Choice):
    """Viewing frame in which a left-to-right sequence is stated (rule book §0.1)."""

    AUDIENCE = "audience", "台下视角"  # AV
    STAGE = "stage", "台上视角"  # SV
    PLAN = "plan"  # plan view, main door at the bottom


class FillMethod(Choice):
    """How units fill the floor (R-AUD-2/3/4)."""

    ROWS = "rows", "横排法"  # along a row, then the next row back
    COLUMNS = "columns", "竖排法"  # a column strip per unit
    CENTRE_OUT = "centre-out", "左右排列法"  # from the hall's centre, alternating


class Numbering(Choice):
    """How seats in a row get their printed number (R-AUD-9/10)."""

    SEQUENTIAL = "sequential"  # 1..n left to right in audience view, every row
    SERPENTINE = "serpentine"  # row 1 left to right, row 2 right to left, numbers continue
    CENTRE_OUT = "centre-out", "单双号"  # 1 at the centre, odd numbers on one side, even on the other


class DeskSeating(Choice):
    """How the arrival desk gives seats (``[cards] seating``, docs/replan.md)."""

    ASSIGNED = "assigned", "对号入座"  # the seat printed on the person's card
    FREE = "free", "自由入座", "按到场顺序"  # the k-th arrival gets the k-th front-most free seat (R-AUD-11)


class Side(Choice):
    """A side as seen from the audience (audience view)."""

    LEFT = "left", "左"
    RIGHT = "right", "右"


class ShapeKind(StrEnum):
    """Kinds of drawn outlines in a layout."""

    ROOM = "room"
    STAGE = "stage"
    TABLE = "table"
    DOOR = "door"
    OBSTACLE = "obstacle"
    LECTERN = "lectern"
    AISLE = "aisle"


class OccasionKind(Choice):
    """What kind of event a plan seats; each kind has its own layout and rules."""

    MEETING = "meeting", "会议"  # a 主席台 (dais) and the floor (台下), R-DAIS, R-AUD
    BANQUET = "banquet", "宴会"  # round tables, R-BNQ
    RECEPTION = "reception", "会见"  # sofas side by side, R-MTG-1/2
    TALKS = "talks", "会谈"  # a long table, R-MTG-3/4/5
    SIGNING = "signing", "签字仪式", "签字"  # R-MTG-6
    PHOTO = "photo", "合影"  # R-MTG-7
    MEETING_ROOM = "meeting-room", "小会议室"  # small meeting room without a dais, R-MTG-8/9/10


class SolveStatus(StrEnum):
    """Outcome of a solve."""

    OPTIMAL = "OPTIMAL"
    FEASIBLE = "FEASIBLE"
    INFEASIBLE = "INFEASIBLE"
    UNKNOWN = "UNKNOWN"


def find_choice(enum_cls: type[E] | tuple[type[Enum], ...], value: object) -> Any:
    """The member of ``enum_cls`` that ``value`` names, or ``None``.

    A member matches itself, its value, its name (``_`` and ``-`` alike) or one
    of its aliases (:class:`Choice`), ignoring case and surrounding blanks.
    ``enum_cls`` may be a tuple of enums, searched in turn.
    """
    classes = enum_cls if isinstance(enum_cls, tuple) else (enum_cls,)
    for cls in classes:
        if isinstance(value, cls):
            return value
    if not isinstance(value, str):
        return None
    wanted = _normal(value)
    for cls in classes:
        for member in cls:
            names = (str(member.value), member.name, *getattr(member, "aliases", ()))
            if any(_normal(n) == wanted for n in names):
                return member
    return None


def _normal(text: str) -> str:
    """A spelling compared case-blind, ``_`` and blanks read as ``-``."""
    return "-".join(text.strip().lower().replace("_", "-").split())


def printable(text: str) -> str:
    """``text`` with control and invisible (zero-width, bidi) characters escaped: ``'a\\u200b'``."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def coerce_choice(
    enum_cls: type[E] | tuple[type[Enum], ...], value: object, key: str, *, source: str | os.PathLike[str] = ""
) -> E:
    """``value`` as a member of ``enum_cls``: the member itself, or its value, name or alias in any case.

    The one enum coercion of seatplan: specs, plan files and function arguments
    all use it, so every option accepts the same spellings (``"rows"``,
    ``"ROWS"``, ``"横排法"``).

    Parameters
    ----------
    enum_cls
        The enumeration (or a tuple of them, for an option that takes either).
    value
        A member, or a string such as ``"french"`` / ``"FRENCH"`` / ``"cn_a"`` / ``"居中式"``.
    key
        The option's name, for the error (``banquet.style``).
    source
        The file the value was read from, for the error.

    Raises
    ------
    ValidationError
        Naming the file, key and value, listing the allowed values, with a
        "did you mean" when the value is close to one of them.
    """
    from seatplan.errors import Location, ValidationError

    member: E | None = find_choice(enum_cls, value)
    if member is not None:
        return member
    classes = enum_cls if isinstance(enum_cls, tuple) else (enum_cls,)
    members = [m for cls in classes for m in cls]
    allowed = ", ".join(repr(m.value) for m in members)
    aliases = [a for m in members for a in getattr(m, "aliases", ())]
    if aliases:
        allowed += f" (or {', '.join(aliases)})"
    close = difflib.get_close_matches(value.strip().lower(), [str(m.value) for m in members], n=1) if isinstance(value, str) else []
    example = f'did you mean "{close[0]}"?' if close else f'write e.g. {key.rsplit(".", 1)[-1]} = "{members[0].value}"'
    raise ValidationError(
        f"is not one of {allowed}",
        location=Location(file=os.fspath(source), field=key, value=value),
        hint=example,
    )
