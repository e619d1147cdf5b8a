"""Pure helpers of the staged solve of large zones (:mod:`seatplan.solve.flow`).

* :func:`ordered_matching`: the people of one seat-need class on suitable places, in order,
  at the least displacement (dynamic programming); its value is a lower bound of the zone.
* :func:`split_parts`: movers whose candidate spans (joined by their groups) do not overlap
  never meet in the model; each part is solved on its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

__all__ = ["ordered_matching", "split_parts"]


def ordered_matching(suitable: Sequence[int], refs: Sequence[int], passive: int) -> tuple[int, list[int]]:
    """The cheapest assignment of people, in order, to suitable places, in order.

    Parameters
    ----------
    suitable
        Flow positions of the suitable places, ascending.
    refs
        Reference positions of the people, ascending (precedence order); no more than
        ``len(suitable)`` of them.
    passive
        ``Q``, the number of the other people of the zone (they fill the rest in order).

    Returns
    -------
    tuple
        The least value of ``Σ_i |p_i − r_i| + |min(p_i, Q) − min(r_i, Q)|`` over positions
        ``p_1 < p_2 < …`` taken from ``suitable`` (each person's own displacement and the
        passive people who cross each boundary up to ``Q``), and for each person the index
        into ``suitable`` of his place in it. Person ``i`` takes one of the indices
        ``i … i + len(suitable) − len(refs)``; the programme runs in ``O(k · (n − k + 1))``.
    """
    k, n_s = len(refs), len(suitable)
    if k == 0:
        return 0, []
    if n_s < k:
        raise ValueError(f"{k} people cannot take {n_s} places")
    width = n_s - k + 1
    inf = float("inf")
    prev: list[float] = []
    choice: list[list[int]] = []
    for i, r in enumerate(refs):
        row: list[float] = []
        back: list[int] = []
        best, arg = inf, -1
        for d in range(width):
            if i > 0:  # the best of the previous person at j' < j: his d' ≤ d
                if prev[d] < best:
                    best, arg = prev[d], d
                base = best
            else:
                base = 0.0
            p = suitable[i + d]
            row.append(base + abs(p - r) + abs(min(p, passive) - min(r, passive)))
            back.append(arg)
        prev = row
        choice.append(back)
    d = min(range(width), key=prev.__getitem__)
    value = round(prev[d])
    picked = [0] * k
    for i in range(k - 1, -1, -1):
        picked[i] = i + d
        d = choice[i][d]
    return value, picked


def split_parts(cand: Mapping[str, Sequence[int]], links: Iterable[Sequence[str]]) -> list[list[str]]:
    """Movers in parts that share no candidate span.

    Parameters
    ----------
    cand
        Each mover's candidate positions (non-empty), in the order the parts should list them.
    links
        Groups of movers that must be in one part (the members of a group that may bind).

    Returns
    -------
    list
        The parts in the order of their spans; within a part, movers in the order of ``cand``
        by cluster. Two parts' spans ``[min, max]`` of candidates never overlap.
    """
    parent = {a: a for a in cand}

    def root(a: str) -> str:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for members in links:
        inside = [m for m in members if m in parent]
        for m in inside[1:]:
            parent[root(m)] = root(inside[0])
    clusters: dict[str, list[str]] = {}
    for a in cand:
        clusters.setdefault(root(a), []).append(a)
    spans = sorted((min(min(cand[a]) for a in ms), max(max(cand[a]) for a in ms), ms) for ms in clusters.values())
    parts: list[list[str]] = []
    end = -1
    for lo, hi, ms in spans:
        if parts and lo <= end:
            parts[-1].extend(ms)
            end = max(end, hi)
        else:
            parts.append(list(ms))
            end = hi
    return parts
