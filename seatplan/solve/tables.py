"""Guests at tables: the problem, the result, and the checks that grade any assignment.

:class:`TableProblem` (guests, tables, weights, keep-together, keep-apart, pins,
``min_known``) and :class:`TableResult` are what :func:`seatplan.solve.table_assign.assign_tables`
takes and returns; :func:`score_tables` and :func:`check_tables` grade an assignment
without the solver's model (the solver never grades itself).
:data:`BELLOWS_PETERSON_CONNECTIONS` is the 17-guest wedding of the OR-Tools example.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from seatplan.errors import Conflict, Location, UnknownIdError, ValidationError
from seatplan.model.enums import SolveStatus

__all__ = [
    "BELLOWS_PETERSON_CONNECTIONS",
    "BELLOWS_PETERSON_NAMES",
    "Table",
    "TableMethod",
    "TableProblem",
    "TableResult",
    "bellows_peterson_problem",
    "check_tables",
    "score_tables",
]

#: The 17 × 17 connection matrix of Bellows & Peterson (2012) as given in the
#: OR-Tools example ``wedding_optimal_chart_sat.py`` (guests 0-8 the bride's side,
#: 9-16 the groom's; 50 = couple, 10 = close, 1 = know each other, 0 = strangers).
BELLOWS_PETERSON_CONNECTIONS: tuple[tuple[int, ...], ...] = (
    (1, 50, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0),
    (50, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0),
    (1, 1, 1, 50, 1, 1, 1, 1, 10, 0, 0, 0, 0, 0, 0, 0, 0),
    (1, 1, 50, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0),
    (1, 1, 1, 1, 1, 50, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0),
    (1, 1, 1, 1, 50, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0),
    (1, 1, 1, 1, 1, 1, 1, 50, 1, 0, 0, 0, 0, 0, 0, 0, 0),
    (1, 1, 1, 1, 1, 1, 50, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0),
    (1, 1, 10, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0),
    (0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 50, 1, 1, 1, 1, 1, 1),
    (0, 0, 0, 0, 0, 0, 0, 0, 0, 50, 1, 1, 1, 1, 1, 1, 1),
    (0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1),
    (0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1),
    (0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1),
    (0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1),
    (0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1),
    (0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1),
)

#: Guest names of the same example (B = bride's side, G = groom's side).
BELLOWS_PETERSON_NAMES: tuple[str, ...] = (
    "Deb (B)", "John (B)", "Martha (B)", "Travis (B)", "Allan (B)", "Lois (B)", "Jayne (B)", "Brad (B)",
    "Abby (B)", "Mary Helen (G)", "Lee (G)", "Annika (G)", "Carl (G)", "Colin (G)", "Shirley (G)",
    "DeAnn (G)", "Lori (G)",
)


# --------------------------------------------------------------------------------------
# data
# --------------------------------------------------------------------------------------


class TableMethod(StrEnum):
    """How :func:`assign_tables` searched."""

    EXACT = "exact"  # one CP-SAT model of the whole problem; OPTIMAL when proven
    NEIGHBOURHOOD = "neighbourhood"  # greedy start, then a few tables at a time re-seated exactly


@dataclass(frozen=True)
class Table:
    """A table and the number of guests it seats.

    Parameters
    ----------
    id
        Table label (``"1"``, ``"主桌"``...).
    capacity
        Places at the table (R-BNQ-1: at most 10 and even, normally).
    """

    id: str
    capacity: int

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id.strip():
            raise ValidationError("a table needs a non-empty id", location=Location(field="tables.id", value=self.id))
        if isinstance(self.capacity, bool) or not isinstance(self.capacity, int) or self.capacity < 1:
            raise ValidationError(
                f"table {self.id!r} has capacity {self.capacity!r}; it must be a whole number >= 1",
                location=Location(field="tables.capacity", value=self.capacity),
                hint="give the number of places at the table",
            )


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


@dataclass(frozen=True)
class TableProblem:
    """Guests to seat at tables.

    Parameters
    ----------
    guests
        Guest ids, in list order (explanations and ties follow this order).
    tables
        The tables.
    weights
        Connection weight of unordered guest pairs (integers; negative = rather
        not together). ``(a, b)`` and ``(b, a)`` name the same pair and may not
        both be given. Pairs not listed weigh 0 and count as strangers.
    keep_together
        Groups whose members must share a table (a couple, a family).
    keep_apart
        Pairs who must not share a table (R-BNQ-11).
    pins
        Guest id → table id fixed by the organisers (the host of each table,
        R-BNQ-6; the main table's guests).
    min_known
        Every guest shares his table with at least this many guests he knows
        (weight > 0); 1 is the "knows at least one other" rule of the wedding
        example, 0 switches it off.
    min_known_for
        The same rule per guest (guest id → count), overriding ``min_known`` for him
        (e.g. 0 for a table's host, 1 for a guest who comes alone).
    names
        Guest id → display name, for explanations (default: the id).

    Raises
    ------
    ValidationError
        Duplicate ids, a non-integer weight, a pair of a guest with himself, a
        negative ``min_known``.
    UnknownIdError
        A weight, group, pair or pin naming a guest or table that does not exist.
    """

    guests: tuple[str, ...]
    tables: tuple[Table, ...]
    weights: Mapping[tuple[str, str], int] = field(default_factory=lambda: MappingProxyType({}))
    keep_together: tuple[tuple[str, ...], ...] = ()
    keep_apart: tuple[tuple[str, str], ...] = ()
    pins: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    min_known: int = 0
    names: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    min_known_for: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    pair_weight: dict[tuple[str, str], int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "guests", tuple(self.guests))
        object.__setattr__(self, "tables", tuple(self.tables))
        object.__setattr__(self, "keep_together", tuple(tuple(g) for g in self.keep_together))
        object.__setattr__(self, "keep_apart", tuple(tuple(p) for p in self.keep_apart))
        known = set()
        for g in self.guests:
            if not isinstance(g, str) or not g:
                raise ValidationError(f"guest id {g!r} must be a non-empty string", location=Location(field="guests", value=g))
            if g in known:
                raise ValidationError(
                    f"guest id {g!r} is listed twice", location=Location(field="guests", value=g),
                    hint="give every guest a unique id",
                )
            known.add(g)
        table_ids = set()
        for t in self.tables:
            if not isinstance(t, Table):
                raise ValidationError(f"expected Table objects, got {t!r}", location=Location(field="tables"))
            if t.id in table_ids:
                raise ValidationError(
                    f"table id {t.id!r} is listed twice", location=Location(field="tables.id", value=t.id),
                    hint="give every table a unique label",
                )
            table_ids.add(t.id)
        if not self.tables:
            raise ValidationError("there are no tables", location=Location(field="tables"), hint="add at least one table")
        merged: dict[tuple[str, str], int] = {}
        for key, w in self.weights.items():
            a, b = key
            for g in (a, b):
                if g not in known:
                    raise UnknownIdError("guest", g, hint="weights may only name guests of the list")
            if a == b:
                raise ValidationError(
                    f"weight given for guest {a!r} with himself", location=Location(field="weights", value=key),
                    hint="give weights for pairs of two different guests",
                )
            if isinstance(w, bool) or not isinstance(w, int):
                raise ValidationError(
                    f"weight of ({a}, {b}) is {w!r}; weights must be whole numbers",
                    location=Location(field="weights", value=w),
                    hint="scale the weights to integers (e.g. × 10) before building the problem",
                )
            p = _pair(a, b)
            if p in merged:
                raise ValidationError(
                    f"the pair ({a}, {b}) has two weights", location=Location(field="weights", value=key),
                    hint="give each unordered pair once",
                )
            if w:
                merged[p] = w
        object.__setattr__(self, "pair_weight", merged)
        for group in self.keep_together:
            for g in group:
                if g not in known:
                    raise UnknownIdError("guest", g, hint="keep-together groups may only name guests of the list")
        for pair in self.keep_apart:
            if len(pair) != 2:
                raise ValidationError(
                    f"keep-apart entry {pair!r} must name exactly two guests", location=Location(field="keep_apart", value=pair)
                )
            for g in pair:
                if g not in known:
                    raise UnknownIdError("guest", g, hint="keep-apart pairs may only name guests of the list")
            if pair[0] == pair[1]:
                raise ValidationError(
                    f"keep-apart pair names {pair[0]!r} twice", location=Location(field="keep_apart", value=pair)
                )
        for g, pin in self.pins.items():
            if g not in known:
                raise UnknownIdError("guest", g, hint="pins may only name guests of the list")
            if pin not in table_ids:
                raise UnknownIdError("table", pin, hint=f"use one of: {', '.join(sorted(table_ids)[:10])}")
        for g, k in self.min_known_for.items():
            if g not in known:
                raise UnknownIdError("guest", g, hint="min_known_for may only name guests of the list")
            if isinstance(k, bool) or not isinstance(k, int) or k < 0:
                raise ValidationError(
                    f"min_known_for[{g!r}] must be a whole number >= 0, got {k!r}",
                    location=Location(field="min_known_for", value=k),
                )
        if isinstance(self.min_known, bool) or not isinstance(self.min_known, int) or self.min_known < 0:
            raise ValidationError(
                f"min_known must be a whole number >= 0, got {self.min_known!r}",
                location=Location(field="min_known", value=self.min_known),
            )

    @classmethod
    def from_matrix(
        cls,
        matrix: Sequence[Sequence[int]],
        *,
        tables: Sequence[Table | int],
        names: Sequence[str] | None = None,
        min_known: int = 0,
        keep_together: Sequence[Sequence[str]] = (),
        keep_apart: Sequence[tuple[str, str]] = (),
    ) -> TableProblem:
        """Build a problem from a square, symmetric connection matrix.

        Guest ids are ``"g0"``, ``"g1"``, …; each unordered pair ``g < h`` weighs
        ``matrix[g][h]`` (the diagonal is ignored), as in the OR-Tools example.
        ``tables`` may be plain capacities (ids ``"1"``, ``"2"``, …).

        Raises
        ------
        ValidationError
            A non-square or asymmetric matrix, or names of the wrong length.
        """
        n = len(matrix)
        for i, row in enumerate(matrix):
            if len(row) != n:
                raise ValidationError(
                    f"row {i} of the connection matrix has {len(row)} entries, expected {n}",
                    location=Location(field="matrix", row=i + 1),
                    hint="the matrix must be square: one row and one column per guest",
                )
        for i, j in itertools.combinations(range(n), 2):
            if matrix[i][j] != matrix[j][i]:
                raise ValidationError(
                    f"the connection matrix is not symmetric: [{i}][{j}] = {matrix[i][j]} but [{j}][{i}] = {matrix[j][i]}",
                    location=Location(field="matrix", row=i + 1, value=matrix[i][j]),
                    hint="a connection is mutual: give both entries the same weight",
                )
        ids = tuple(f"g{i}" for i in range(n))
        if names is not None and len(names) != n:
            raise ValidationError(
                f"{len(names)} names for {n} guests", location=Location(field="names", value=len(names))
            )
        table_objs = tuple(
            t if isinstance(t, Table) else Table(str(k), int(t))
            for k, t in enumerate(tables, start=1)
        )
        weights = {(ids[i], ids[j]): matrix[i][j] for i, j in itertools.combinations(range(n), 2) if matrix[i][j]}
        return cls(
            guests=ids,
            tables=table_objs,
            weights=weights,
            keep_together=tuple(tuple(g) for g in keep_together),
            keep_apart=tuple(keep_apart),
            min_known=min_known,
            names=dict(zip(ids, names)) if names is not None else {},
        )

    @property
    def has_min_known(self) -> bool:
        """Whether some guest must know somebody at his table."""
        return bool(self.min_known) or any(self.min_known_for.values())

    def needed(self, guest: str) -> int:
        """How many people ``guest`` must know at his table (``min_known_for``, else ``min_known``)."""
        return self.min_known_for.get(guest, self.min_known)

    def name(self, guest: str) -> str:
        """Display name of a guest (the id when no name was given)."""
        return self.names.get(guest, guest)

    def weight(self, a: str, b: str) -> int:
        """Connection weight of two guests (0 for strangers)."""
        return self.pair_weight.get(_pair(a, b), 0)


@dataclass(frozen=True)
class TableResult:
    """Outcome of :func:`assign_tables`.

    Parameters
    ----------
    status
        OPTIMAL (objective proven best), FEASIBLE (best found, ``gap`` open),
        INFEASIBLE (see ``explanation``) or UNKNOWN (nothing found in time).
    table_of
        Guest id → table id; empty unless a solution was found.
    objective
        Summed connection weight of the guests at the same table.
    bound
        Best proven upper bound of the objective (== objective when OPTIMAL).
    gap
        ``(bound − objective) / max(1, |objective|)``.
    seconds
        Wall-clock time of the whole call.
    explanation
        Why there is no assignment (or why the search gave up).
    method
        How the search ran (:class:`TableMethod`): ``"exact"`` or ``"neighbourhood"``.
    capped
        The wall-clock ``time_limit`` (a safety cap) stopped the search before its
        deterministic budget was spent: the assignment depends on the machine's
        speed and load. False means the same input gives the same assignment anywhere.
    """

    status: SolveStatus
    table_of: dict[str, str]
    objective: int = 0
    bound: int = 0
    gap: float = 0.0
    seconds: float = 0.0
    explanation: tuple[Conflict, ...] = ()
    method: TableMethod = TableMethod.EXACT
    capped: bool = False

    def by_table(self) -> dict[str, list[str]]:
        """Table id → guest ids, in the order of the assignment."""
        out: dict[str, list[str]] = {}
        for g, t in self.table_of.items():
            out.setdefault(t, []).append(g)
        return out


def bellows_peterson_problem(*, tables: int, capacity: int, min_known: int = 1) -> TableProblem:
    """The 17-guest wedding of Bellows & Peterson (2012), as in the OR-Tools example.

    ``bellows_peterson_problem(tables=5, capacity=4)`` has the optimal value 276,
    ``tables=2, capacity=10`` has 318.
    """
    return TableProblem.from_matrix(
        BELLOWS_PETERSON_CONNECTIONS,
        tables=[capacity] * tables,
        names=BELLOWS_PETERSON_NAMES,
        min_known=min_known,
    )


# --------------------------------------------------------------------------------------
# independent evaluation (the solver never grades itself)
# --------------------------------------------------------------------------------------


def score_tables(problem: TableProblem, table_of: Mapping[str, str]) -> int:
    """Summed weight of the guest pairs that share a table (the objective)."""
    return sum(w for (a, b), w in problem.pair_weight.items() if a in table_of and table_of.get(a) == table_of.get(b))


def check_tables(problem: TableProblem, table_of: Mapping[str, str]) -> list[str]:
    """Every rule the assignment breaks, in plain words; empty when it is valid.

    Checks: everyone seated at a known table, capacities, keep-together,
    keep-apart, pins and ``min_known``; written without the solver's model.
    """
    out: list[str] = []
    capacity = {t.id: t.capacity for t in problem.tables}
    for g in problem.guests:
        if g not in table_of:
            out.append(f"{problem.name(g)} has no table")
        elif table_of[g] not in capacity:
            out.append(f"{problem.name(g)} is at unknown table {table_of[g]!r}")
    guests = set(problem.guests)
    for g in table_of:
        if g not in guests:
            out.append(f"unknown guest {g!r} in the assignment")
    count: dict[str, int] = {}
    for t in table_of.values():
        count[t] = count.get(t, 0) + 1
    for t, n in count.items():
        if t in capacity and n > capacity[t]:
            out.append(f"table {t} has {n} guests for {capacity[t]} places")
    for group in problem.keep_together:
        tables = {table_of.get(g) for g in group}
        if len(tables) > 1:
            out.append(f"keep-together group {', '.join(problem.name(g) for g in group)} is split over tables {sorted(map(str, tables))}")
    for a, b in problem.keep_apart:
        if table_of.get(a) is not None and table_of.get(a) == table_of.get(b):
            out.append(f"{problem.name(a)} and {problem.name(b)} must be kept apart but share table {table_of[a]}")
    for g, t in problem.pins.items():
        if table_of.get(g) != t:
            out.append(f"{problem.name(g)} is pinned to table {t} but sits at {table_of.get(g)}")
    if problem.has_min_known:
        at: dict[str, list[str]] = {}
        for g, t in table_of.items():
            at.setdefault(t, []).append(g)
        for g in problem.guests:
            seat_table = table_of.get(g)
            if seat_table is None:
                continue
            known = sum(1 for h in at[seat_table] if h != g and problem.weight(g, h) > 0)
            if known < problem.needed(g):
                out.append(
                    f"{problem.name(g)} knows {known} of the guests at table {seat_table}, fewer than {problem.needed(g)}"
                )
    return out
