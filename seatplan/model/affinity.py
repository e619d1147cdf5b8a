"""Who sits with whom at a banquet: the ``[affinity]`` option table (see ``docs/banquet.md``).

Protocol fixes the main table and each table's host places (R-BNQ-5/6); which guest
sits at which of the other tables it leaves open. An :class:`AffinitySpec` lists the
relationships that decide it: groups of people who know each other, each with a
weight (a family, a company, old classmates), people who must share a table, people
who must not (R-BNQ-11), and optionally "everyone knows at least one person at his
table". The tables are then filled to maximise the summed weight of the pairs that
share a table (:mod:`seatplan.solve.affinity`); inside each table the places still
follow precedence (R-BNQ-7).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from seatplan.model.options import check_range, check_types, option_error

__all__ = ["AffinitySpec"]


@dataclass(frozen=True)
class AffinitySpec:
    """The ``[affinity]`` option table.

    Parameters
    ----------
    groups
        Groups of attendee ids who know each other (a family, a company's delegation,
        old classmates). Every pair inside a group gains the group's weight when the two
        share a table; a pair in several groups gains each weight.
    weights
        One whole-number weight per group (higher = more important to seat together);
        empty = 1 for every group. A negative weight means "rather not together".
    together
        Groups who must share a table (a couple, an interpreter and his principal).
    apart
        Groups of which no two may share a table (R-BNQ-11: people on bad terms).
    min_known
        Every guest seated by affinity shares his table with at least this many people he
        knows (a pair in some group with a positive weight); 0 = no such rule. The hosts
        of the tables are not held to it.
    must_know
        Guests who must know at least one person at their table even when ``min_known``
        is 0 (someone who comes alone).
    bands
        0: every table after the main table is filled by affinity alone. ``k > 0``: those
        tables are cut into ``k`` bands in precedence order and the guests, in precedence
        order, fill the bands in turn (rank keeps the more honoured tables), affinity
        choosing the table inside each band.
    time_limit
        Safety cap in seconds. The search ends on fixed budgets sized from the problem
        (annealing steps, CP-SAT deterministic work units, rounds; the exact model's work is
        also held to ``0.1 × time_limit`` units), never on the clock, so the same plan and
        seed give byte-identical seats on any machine under any load. Only if a machine is
        so slow that the cap is hit does the clock end the search: the plan is still valid,
        a warning and ``summary.json`` (``solver.notes``) say it depends on the machine.
        See ``docs/banquet.md``, "Reproducible seating".
    seed
        Seed of the search (the same seed gives the same plan).

    Raises
    ------
    ValidationError
        A value of the wrong type, a weight count that does not match the groups, a group
        of fewer than two people, or a negative ``min_known``, ``bands`` or ``time_limit``.
    """

    TABLE: ClassVar[str] = "affinity"

    groups: tuple[tuple[str, ...], ...] = ()
    weights: tuple[int, ...] = ()
    together: tuple[tuple[str, ...], ...] = ()
    apart: tuple[tuple[str, ...], ...] = ()
    min_known: int = 0
    must_know: tuple[str, ...] = ()
    bands: int = 0
    time_limit: float = 10.0
    seed: int = 0

    def __post_init__(self) -> None:
        check_types(self, self.TABLE)
        if self.weights and len(self.weights) != len(self.groups):
            raise option_error(
                f"{self.TABLE}.weights", list(self.weights),
                f"gives {len(self.weights)} weights for {len(self.groups)} groups",
                "give one weight per group, in the order of groups (or leave weights out: 1 each)",
            )
        for key in ("groups", "together", "apart"):
            for i, group in enumerate(getattr(self, key)):
                if len(set(group)) < 2:
                    raise option_error(
                        f"{self.TABLE}.{key}[{i}]", list(group), "names fewer than two different people",
                        "list at least two attendee ids in every group",
                    )
        check_range(self, self.TABLE, "min_known", 0, 9)
        for key in ("bands", "seed"):
            if getattr(self, key) < 0:
                raise option_error(f"{self.TABLE}.{key}", getattr(self, key), "must be 0 or more", f"write {key} = 0")
        if self.time_limit <= 0:
            raise option_error(
                f"{self.TABLE}.time_limit", self.time_limit, "must be more than 0 seconds", "write e.g. time_limit = 10"
            )

    def weight_of(self, index: int) -> int:
        """The weight of ``groups[index]`` (1 when ``weights`` is empty)."""
        return self.weights[index] if self.weights else 1

    def people(self) -> set[str]:
        """Every attendee id the relationships name."""
        named = {a for key in ("groups", "together", "apart") for group in getattr(self, key) for a in group}
        return named | set(self.must_know)
