"""The one error tree of seatplan.

Every error a user can trigger derives from :class:`SeatplanError`. Errors about
input data carry *where* the problem is (file, row, field, value) and *how to fix
it*, so the command line can print one readable paragraph and exit with status 2.
"""

from __future__ import annotations

import reprlib
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

#: Values in messages are shortened: a hostile file may hold a huge or deeply nested value.
_SHORT = reprlib.Repr()
_SHORT.maxstring = 80
_SHORT.maxother = 80
_SHORT.maxlist = 8
_SHORT.maxdict = 8
_SHORT.maxlevel = 3


class SeatplanError(Exception):
    """Base class of every error raised by seatplan on purpose."""


@dataclass(frozen=True)
class Location:
    """Where a piece of bad input sits.

    Parameters
    ----------
    file
        Path of the file, or ``""`` for data built in Python.
    row
        1-based row number in a table (the header is row 1), or ``None``.
    field
        Column header or TOML key (dotted), or ``""``.
    value
        The offending value as text, or ``None`` when the value is missing.
    """

    file: str | Path = ""
    row: int | None = None
    field: str = ""
    value: object = None

    def describe(self) -> str:
        """Return the location as ``file, row 3, field '姓名', value 'x'``."""
        parts: list[str] = []
        if self.file:
            parts.append(f"{self.file}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.field:
            # an unknown key is echoed as written: escape invisible characters (zero-width, controls)
            field = "".join(c if c.isprintable() else repr(c)[1:-1] for c in str(self.field))
            parts.append(f"field '{field}'")
        if self.value is not None:
            value = self.value.value if isinstance(self.value, Enum) else self.value  # 'en', not <Lang.EN: 'en'>
            parts.append(f"value {_SHORT.repr(value)}")
        return ", ".join(parts)


class ValidationError(SeatplanError, ValueError):
    """Input data that breaks a rule of the model.

    Parameters
    ----------
    message
        What is wrong, in one sentence.
    location
        Where it is (file, row, field, value).
    hint
        How to fix it, in one sentence.
    """

    def __init__(self, message: str, *, location: Location | None = None, hint: str = "") -> None:
        self.message = message
        self.location = location or Location()
        self.hint = hint
        super().__init__(self.describe())

    def describe(self) -> str:
        """Return the one-paragraph message shown to users."""
        where = self.location.describe()
        text = f"{where}: {self.message}" if where else self.message
        if not text.endswith((".", "。", "?", "!")):
            text += "."
        if self.hint:
            text += f" Fix: {self.hint}"
        return text


class PlanFileError(ValidationError):
    """A plan file (TOML) that cannot be read or has a bad key or value."""


class AttendeeFileError(ValidationError):
    """An attendee list (xlsx/csv) that cannot be read or has a bad row."""


class GeometryError(ValidationError):
    """Room or furniture geometry that is invalid (outside the room, overlapping, ...)."""


class OutputError(SeatplanError, OSError):
    """An output file or folder that cannot be written (open in another program, a file
    where a folder is wanted, another run writing into the same folder, disk full).

    Parameters
    ----------
    message
        What went wrong, naming the file or folder.
    path
        The file or folder concerned.
    hint
        How to fix it, in one sentence.
    """

    def __init__(self, message: str, *, path: str | Path = "", hint: str = "") -> None:
        self.message = message
        self.path = path
        self.hint = hint
        text = message if message.endswith((".", "。")) else message + "."
        super().__init__(text + (f" Fix: {hint}" if hint else ""))

    def __str__(self) -> str:  # OSError would format its arguments as a tuple
        return str(self.args[0])


class UnknownIdError(SeatplanError, KeyError):
    """An id (attendee, seat, unit, table) that does not exist."""

    def __init__(self, kind: str, key: str, *, hint: str = "") -> None:
        self.kind = kind
        self.key = key
        self.hint = hint
        super().__init__(f"unknown {kind} {key!r}" + (f". Fix: {hint}" if hint else ""))

    def __str__(self) -> str:  # KeyError would add quotes around the message
        return str(self.args[0])


@dataclass(frozen=True)
class Conflict:
    """One reason a seating request cannot be met.

    Parameters
    ----------
    rule
        The rule or constraint involved (e.g. ``"capacity"``, ``"R-DAIS-10"``, ``"pin"``).
    message
        Plain-language explanation naming the people and seats involved.
    people
        Ids of the attendees involved.
    """

    rule: str
    message: str
    people: tuple[str, ...] = ()


class InfeasiblePlanError(SeatplanError):
    """A request that no seating can satisfy; ``conflicts`` says why."""

    def __init__(self, conflicts: list[Conflict] | tuple[Conflict, ...]) -> None:
        self.conflicts = tuple(conflicts)
        lines = "; ".join(c.message for c in self.conflicts) or "no reason recorded"
        if "Fix:" not in lines:
            lines += (
                ". Fix: drop or change one of the requests named above in the plan file "
                "([rules], the list's 座位 column or [affinity]), or give the zone more seats, then solve again"
            )
        super().__init__(f"no seating satisfies the request: {lines}")


class SolverError(SeatplanError):
    """The solver failed for a reason other than infeasibility (model invalid, crashed)."""
