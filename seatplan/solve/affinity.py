"""Fill banquet tables by affinity (``[affinity]``): relationships → a :class:`TableProblem`.

:func:`assign_by_affinity` turns an :class:`~seatplan.model.affinity.AffinitySpec`
(groups with weights, must-share and must-not-share groups, "knows at least one")
into the guests-to-tables problem of :mod:`seatplan.solve.table_assign` and solves
it, band by band when the spec asks for rank bands. Used by
:mod:`seatplan.occasions.banquet` for the tables after the main one; usable from
Python on its own::

    >>> from seatplan.model.affinity import AffinitySpec
    >>> spec = AffinitySpec(groups=[["a", "b"], ["c", "d"]], weights=[5, 5], apart=[["a", "c"]])
    >>> result = assign_by_affinity([("2", 2), ("3", 2)], ["a", "c", "b", "d"], spec)
    >>> sorted(result.by_table().values())
    [['a', 'b'], ['c', 'd']]
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

from seatplan.errors import Conflict, Location, UnknownIdError, ValidationError
from seatplan.model.affinity import AffinitySpec
from seatplan.model.enums import SolveStatus
from seatplan.solve.table_assign import Table, TableProblem, TableResult, assign_tables

__all__ = ["affinity_problem", "assign_by_affinity", "describe_cap", "explain_failure", "rank_bands"]


def affinity_problem(
    tables: Sequence[tuple[str, int]],
    guests: Sequence[str],
    spec: AffinitySpec,
    *,
    pins: Mapping[str, str] | None = None,
    names: Mapping[str, str] | None = None,
) -> TableProblem:
    """The table problem of ``guests`` at ``tables`` (label, places) under ``spec``.

    Relationships that name someone outside ``guests`` (seated elsewhere, e.g. at
    the main table) only count among those who are in it.

    Raises
    ------
    ValidationError
        Relationships that cannot be stated (see :class:`TableProblem`).
    """
    inside = set(guests)
    weights: dict[tuple[str, str], int] = {}
    for i, group in enumerate(spec.groups):
        w = spec.weight_of(i)
        members = sorted({g for g in group if g in inside})
        for a, b in itertools.combinations(members, 2):
            weights[(a, b)] = weights.get((a, b), 0) + w
    together = tuple(tuple(dict.fromkeys(g for g in group if g in inside)) for group in spec.together)
    apart = {
        (a, b)
        for group in spec.apart
        for a, b in itertools.combinations(sorted({g for g in group if g in inside}), 2)
    }
    rule = {g: 0 for g in pins or {}}
    rule.update({g: max(1, spec.min_known) for g in spec.must_know if g in inside})
    return TableProblem(
        guests=tuple(guests),
        tables=tuple(Table(label, size) for label, size in tables),
        weights={k: w for k, w in weights.items() if w},
        keep_together=tuple(g for g in together if len(g) > 1),
        keep_apart=tuple(sorted(apart)),
        pins=dict(pins or {}),
        min_known=spec.min_known,
        names=dict(names or {}),
        min_known_for=rule,
    )


def rank_bands(tables: Sequence[tuple[str, int]], guests: Sequence[str], bands: int) -> list[tuple[list[tuple[str, int]], list[str]]]:
    """Cut tables (in precedence order) into ``bands`` runs and the guests (in precedence order) to fill them.

    Band ``k`` holds about ``len(tables) / bands`` consecutive tables and the next
    guests in order as many as its places; 0 or 1 band is everything at once.
    """
    if bands <= 1 or len(tables) <= 1:
        return [(list(tables), list(guests))]
    bands = min(bands, len(tables))
    out = []
    start = 0
    rest = list(guests)
    for k in range(bands):
        end = round((k + 1) * len(tables) / bands)
        chunk = list(tables[start:end])
        places = sum(size for _, size in chunk)
        out.append((chunk, rest[:places]))
        rest = rest[places:]
        start = end
    if rest:  # more guests than places: the last band lists them (assign_tables reports it)
        out[-1][1].extend(rest)
    return out


def assign_by_affinity(
    tables: Sequence[tuple[str, int]],
    guests: Sequence[str],
    spec: AffinitySpec,
    *,
    pins: Mapping[str, str] | None = None,
    names: Mapping[str, str] | None = None,
    known: set[str] | None = None,
) -> TableResult:
    """Seat ``guests`` (ids, precedence order) at ``tables`` (label, places, precedence order) by affinity.

    Parameters
    ----------
    tables
        The tables to fill and their free places.
    guests
        Who to seat there, most honoured first.
    spec
        The relationships (``[affinity]``).
    pins
        Guest → table label fixed beforehand (a table's host when he is listed).
    names
        Display names for explanations.
    known
        Every attendee id of the meeting: a relationship naming someone else is an
        error (a typo). Default: the guests and the pins.

    Returns
    -------
    TableResult
        The tables of all bands together (status the worst of the bands, objective and
        bound summed); INFEASIBLE with an explanation when a band has no seating.

    Raises
    ------
    UnknownIdError
        A relationship names somebody who is not an attendee.
    """
    everyone = known if known is not None else set(guests) | set(pins or {})
    for key in ("groups", "together", "apart"):
        for i, group in enumerate(getattr(spec, key)):
            for g in group:
                if g not in everyone:
                    raise UnknownIdError(
                        "attendee", g, hint=f"affinity.{key}[{i}] must list attendee ids of the attendee list"
                    )
    for g in spec.must_know:
        if g not in everyone:
            raise UnknownIdError("attendee", g, hint="affinity.must_know must list attendee ids of the attendee list")
    pins = dict(pins or {})
    size = dict(tables)
    pinned_at: dict[str, int] = {}
    for t in pins.values():
        pinned_at[t] = pinned_at.get(t, 0) + 1
    free = [(label, n - pinned_at.get(label, 0)) for label, n in tables]
    results: list[TableResult] = []
    for band_free, band_guests in rank_bands(free, guests, spec.bands):
        band_tables = [(label, size[label]) for label, _ in band_free]
        band_pins = {g: t for g, t in pins.items() if t in size and any(t == label for label, _ in band_free)}
        problem = affinity_problem(band_tables, [*band_guests, *band_pins], spec, pins=band_pins, names=names)
        result = assign_tables(problem, time_limit=spec.time_limit, seed=spec.seed, workers=1)
        if result.status in (SolveStatus.INFEASIBLE, SolveStatus.UNKNOWN):
            return result
        results.append(result)
    table_of = {g: t for r in results for g, t in r.table_of.items()}
    objective = sum(r.objective for r in results)
    bound = sum(r.bound for r in results)
    optimal = all(r.status is SolveStatus.OPTIMAL for r in results)
    return TableResult(
        status=SolveStatus.OPTIMAL if optimal else SolveStatus.FEASIBLE,
        table_of=table_of,
        objective=objective,
        bound=bound,
        gap=(bound - objective) / max(1, abs(objective)),
        seconds=sum(r.seconds for r in results),
        method=results[-1].method if results else TableResult(SolveStatus.OPTIMAL, {}).method,
        capped=any(r.capped for r in results),
    )


def describe_cap(spec: AffinitySpec) -> str:
    """The note a plan gets when ``time_limit`` stopped the affinity search (``TableResult.capped``)."""
    return (
        f"affinity seating: the time cap of {spec.time_limit:g} s (affinity.time_limit) stopped the search before "
        "its fixed budget was spent, so the tables depend on this machine's speed and load and another run may "
        "differ; raise affinity.time_limit (or run on a less busy machine) for a reproducible seating"
    )


def explain_failure(result: TableResult, source: str = "") -> ValidationError:
    """The error a plan gets when the affinity requests cannot all hold (names the rule and people)."""
    first: Conflict | None = result.explanation[0] if result.explanation else None
    message = first.message if first is not None else "no seating meets the affinity requests in time"
    more = f" ({len(result.explanation) - 1} more)" if len(result.explanation) > 1 else ""
    return ValidationError(
        f"affinity seating: {message}{more}",
        location=Location(file=source, field="affinity"),
        hint="loosen the affinity requests (together, apart, min_known) or add tables or places",
    )
