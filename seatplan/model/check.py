"""The layout check of a plan: the fire-code profile, waivers, and what the check found.

Every ``seatplan solve`` holds each layout against the fire code and the spacing rules
(R-PHY-*). A breach of the fire code is an error unless the plan waives it explicitly, with a
reason (``[[check.waive]]``); softer spacing advice is a warning. Both are recorded as
:class:`LayoutFinding` on the layout, for ``summary.json`` and the diagram.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from seatplan.errors import Location, ValidationError

#: Fire-code profiles a plan may name (``seatplan.layout.firecode`` builds them).
PROFILES = ("gb50016", "ibc", "ibc-continental")


class FindingLevel(StrEnum):
    """How much a finding of the layout check weighs."""

    ERROR = "error"  # a breach of the fire code (or a chair where no chair can stand): refused unless waived
    WARNING = "warning"  # spacing advice: printed and stored, the plan goes ahead


@dataclass(frozen=True)
class LayoutFinding:
    """One thing the layout check found.

    Parameters
    ----------
    rule
        Rule-book id (``"R-PHY-4"``).
    level
        Error (fire code) or warning (spacing advice).
    where
        The place: ``"floor, row 3, block 2"``, ``"floor, door 2 (安全出口)"``, ``"dais, row 1"``.
    message
        What is wrong, with the numbers.
    fix
        How to fix it, in one sentence.
    waived
        The reason given by the plan's waiver, or ``""`` when not waived.
    """

    rule: str
    level: FindingLevel
    where: str
    message: str
    fix: str = ""
    waived: str = ""

    def describe(self) -> str:
        """One line: ``[R-PHY-4] floor, door 2: ... Fix: ...`` (and the waiver's reason)."""
        text = f"[{self.rule}] {self.where}: {self.message}"
        if self.waived:
            return f"{text} (waived: {self.waived})"
        return f"{text}. Fix: {self.fix}" if self.fix else text

    def as_dict(self) -> dict[str, str]:
        """The finding as plain data (``summary.json``)."""
        out = {"rule": self.rule, "level": self.level.value, "where": self.where, "message": self.message, "fix": self.fix}
        if self.waived:
            out["waived"] = self.waived
        return out


@dataclass(frozen=True)
class Waiver:
    """A breach of the fire code the organisers accept on purpose, with the reason.

    Parameters
    ----------
    rule
        Rule-book id of the breach (``"R-PHY-4"``).
    where
        Part of the place the finding names (``"door 2"``, ``"balcony"``); ``""`` waives the rule
        everywhere.
    reason
        Why it is accepted (who approved it, what makes it safe); printed on the diagram and in
        ``summary.json``. Required.
    """

    rule: str
    reason: str
    where: str = ""

    def __post_init__(self) -> None:
        rule = str(self.rule).strip().upper()
        object.__setattr__(self, "rule", rule)
        object.__setattr__(self, "where", str(self.where).strip())
        object.__setattr__(self, "reason", str(self.reason).strip())
        if not rule.startswith("R-"):
            raise ValidationError(
                f"a waiver names rule {self.rule!r}, which is not a rule-book id",
                location=Location(field="check.waive.rule", value=self.rule),
                hint='name the rule as the check reports it, e.g. rule = "R-PHY-4"',
            )
        if not self.reason:
            raise ValidationError(
                f"the waiver of {rule} gives no reason",
                location=Location(field="check.waive.reason", value=self.reason),
                hint='say why the breach is accepted and who approved it, e.g. reason = "fire officer approved 2026-12-01"',
            )

    def matches(self, finding: LayoutFinding) -> bool:
        """True if this waiver covers ``finding`` (same rule, and ``where`` part of its place)."""
        return finding.rule == self.rule and self.where.lower() in finding.where.lower()


@dataclass(frozen=True)
class CheckSpec:
    """How the layouts of a plan are checked (``[check]``).

    Parameters
    ----------
    profile
        Fire-code profile: ``gb50016`` (default, GB 50016 + JGJ 57), ``ibc`` or ``ibc-continental``.
    waive
        Breaches accepted on purpose, each with its reason.
    """

    profile: str = "gb50016"
    waive: tuple[Waiver, ...] = ()

    def __post_init__(self) -> None:
        profile = str(self.profile).strip().lower()
        object.__setattr__(self, "profile", profile)
        object.__setattr__(self, "waive", tuple(self.waive))
        if profile not in PROFILES:
            raise ValidationError(
                f"unknown fire-code profile {self.profile!r}",
                location=Location(field="check.profile", value=self.profile),
                hint=f"use one of {', '.join(repr(p) for p in PROFILES)}",
            )
