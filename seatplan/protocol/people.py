"""Attendee precedence: dais rank lists and the unit order on the floor (R-AUD-1/2/5, R-DAIS-13).

The rank list is an input (R-BNQ-13: the library does not infer who outranks
whom); these functions only turn the list into an order.
"""

from __future__ import annotations

from collections.abc import Sequence

from seatplan.model import Attendee


def order_units(attendees: Sequence[Attendee], *, published: Sequence[str] = ()) -> list[str]:
    """Return the units in seating order.

    Parameters
    ----------
    attendees
        The people, in list order.
    published
        The published unit order (R-AUD-5 criterion 1). Units it names come first
        in that order; the others follow.

    Returns
    -------
    list of str
        Units not in ``published`` are ordered by their ``unit_order`` column when
        given (>0), then by first appearance in the list.
    """
    first_seen: dict[str, int] = {}
    declared: dict[str, int] = {}
    for i, a in enumerate(attendees):
        first_seen.setdefault(a.unit, i)
        if a.unit_order > 0:
            declared.setdefault(a.unit, a.unit_order)
    listed = {u: k for k, u in enumerate(published)}
    missing_order = float("inf")

    def key(unit: str) -> tuple[int, float, float]:
        if unit in listed:
            return (0, listed[unit], 0)
        return (1, declared.get(unit, missing_order), first_seen[unit])

    return sorted(first_seen, key=key)


def order_by_rank(attendees: Sequence[Attendee]) -> list[Attendee]:
    """Order people by their rank number; ties keep list order (a stable sort)."""
    return sorted(attendees, key=lambda a: a.rank)


#: Standing at a plenary, first to last (R-AUD-2: 正式 before 候补, then 列席, 旁听).
CATEGORY_ORDER = {"": 0, "official": 0, "alternate": 1, "observer": 2, "auditor": 3}


def order_by_unit(attendees: Sequence[Attendee], *, published: Sequence[str] = ()) -> list[Attendee]:
    """Order people by standing, then unit by unit, then by rank inside each unit (R-AUD-2).

    Official members (正式) of every unit come before alternates (候补), who come
    before observers (列席) and auditors (旁听); other categories follow, in list order.
    """
    position = {u: k for k, u in enumerate(order_units(attendees, published=published))}
    last = len(CATEGORY_ORDER)
    return sorted(attendees, key=lambda a: (CATEGORY_ORDER.get(a.category, last), position[a.unit], a.rank))
