"""The ``[outputs]`` table: which files a solve writes, on which paper, with which notice text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from seatplan.model.attendees import ListLanguage
from seatplan.model.enums import Choice
from seatplan.model.options import check_types, option_error

#: Every file a solve can write, in the order it is written (docs/outputs.md).
OUTPUT_NAMES: tuple[str, ...] = (
    "seats.csv", "seats.xlsx", "unseated.csv", "plan.png", "plan.svg", "cards.pdf", "seatcards.pdf", "map.html",
    "plan.pdf", "dais.pdf", "tables.pdf", "table-lists.pdf", "table-cards.pdf", "signin.pdf", "signin-all.pdf",
    "notices.pdf", "notices.csv", "notice-texts.csv", "supplies.pdf", "inventory.csv", "summary.json",
)
#: Files that are always written: the seat list the other tools read, and the summary.
ALWAYS_WRITTEN: tuple[str, ...] = ("seats.csv", "unseated.csv", "summary.json")


class Paper(Choice):
    """Paper of the plans on paper (plan.pdf, tables.pdf)."""

    A3 = "A3", "a3"
    A4 = "A4", "a4"


@dataclass(frozen=True)
class OutputSpec:
    """The ``[outputs]`` table.

    Parameters
    ----------
    files
        The files to write (names from :data:`OUTPUT_NAMES`); empty = every one.
        seats.csv, unseated.csv and summary.json are always written.
    skip
        Files to leave out of the full set.
    paper
        A3 (default) or A4 for the hall plan and the banquet table plan.
    phones
        Put the 电话 column in seats.xlsx (phone numbers are personal data: off by default).
    notice_template
        Text of the notice each attendee gets (notice-texts.csv), with the fields
        ``name, unit, title, seat, area, door, meeting, date`` in braces: ``"{name}同志：请于{date}出席{meeting}，座位{seat}。"``.
    half_days
        Half-day sessions of the meeting (water: one bottle per person per half day, R-PHY-14).
    language
        Language of seats.xlsx (``"zh"`` 中文 or ``"en"`` English); ``None`` (the default):
        the language of the attendee list's headers.
    """

    TABLE: ClassVar[str] = "outputs"

    files: tuple[str, ...] = ()
    skip: tuple[str, ...] = ()
    paper: Paper = Paper.A3
    phones: bool = False
    notice_template: str = ""
    half_days: int = 1
    language: ListLanguage | None = None

    def __post_init__(self) -> None:
        t = self.TABLE
        check_types(self, t)
        for key in ("files", "skip"):
            for i, name in enumerate(getattr(self, key)):
                if name not in OUTPUT_NAMES:
                    raise option_error(f"{t}.{key}[{i}]", name, "is not a file seatplan writes",
                                       "choose from " + ", ".join(OUTPUT_NAMES))
        if self.half_days < 1:
            raise option_error(f"{t}.half_days", self.half_days, "must be 1 or more",
                               "write the number of half-day sessions, e.g. half_days = 2")

    def wanted(self) -> tuple[str, ...]:
        """The files to write, in writing order."""
        chosen = set(self.files or OUTPUT_NAMES) - set(self.skip) | set(ALWAYS_WRITTEN)
        return tuple(n for n in OUTPUT_NAMES if n in chosen)
