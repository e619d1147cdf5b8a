"""Baseline for the table-assignment scenarios: a plain greedy start and simulated annealing.

What a careful programmer writes in an afternoon (about 130 lines), kept independent of
seatplan's solver: keep-together groups are merged into units, every unit goes greedily
to the table (with room, no keep-apart partner) where it adds most weight, then random
steps — a unit moves to a table with room, or is exchanged for one or two units of
another table whose sizes add up to the room it leaves (moves of one guest, exchanges
of one to three) — are accepted by the Metropolis rule under a geometric cooling over
the time limit. Pins are respected; ``min_known`` is not. The best assignment seen is
returned.
"""

from __future__ import annotations

import itertools
import math
import random
import time
from typing import Any


def anneal_tables(problem: Any, *, time_limit: float = 30.0, seed: int = 0) -> dict[str, str]:
    """Guest id → table id for a ``seatplan.solve.table_assign.TableProblem``."""
    rng = random.Random(seed)
    parent = {g: g for g in problem.guests}

    def find(g: str) -> str:
        while parent[g] != g:
            parent[g] = parent[parent[g]]
            g = parent[g]
        return g

    for group in problem.keep_together:
        for a, b in itertools.pairwise(group):
            parent[find(b)] = find(a)
    roots: dict[str, int] = {}
    members: list[list[str]] = []
    for g in problem.guests:
        r = find(g)
        if r not in roots:
            roots[r] = len(members)
            members.append([])
        members[roots[r]].append(g)
    unit = {g: roots[find(g)] for g in problem.guests}
    n = len(members)
    size = [len(m) for m in members]
    nbr: list[dict[int, int]] = [{} for _ in range(n)]
    for (a, b), w in problem.pair_weight.items():
        if unit[a] != unit[b]:
            nbr[unit[a]][unit[b]] = nbr[unit[a]].get(unit[b], 0) + w
            nbr[unit[b]][unit[a]] = nbr[unit[b]].get(unit[a], 0) + w
    apart: list[set[int]] = [set() for _ in range(n)]
    for a, b in problem.keep_apart:
        apart[unit[a]].add(unit[b])
        apart[unit[b]].add(unit[a])
    ids = [t.id for t in problem.tables]
    cap = [t.capacity for t in problem.tables]
    index = {t: k for k, t in enumerate(ids)}
    pinned = {unit[g]: index[t] for g, t in problem.pins.items()}
    nt = len(ids)
    tab = [-1] * n
    load = [0] * nt
    at: list[set[int]] = [set() for _ in range(nt)]

    def place(u: int, k: int) -> None:
        if tab[u] >= 0:
            at[tab[u]].discard(u)
            load[tab[u]] -= size[u]
        tab[u] = k
        at[k].add(u)
        load[k] += size[u]

    def gain(u: int, k: int, away: tuple[int, ...] = ()) -> int:
        return sum(w for v, w in nbr[u].items() if tab[v] == k and v not in away)

    for u in sorted(range(n), key=lambda u: (u not in pinned, -size[u], u)):
        options = [pinned[u]] if u in pinned else range(nt)
        best = max(
            (k for k in options if load[k] + size[u] <= cap[k] and not apart[u] & at[k]),
            key=lambda k: (gain(u, k), cap[k] - load[k], -k),
            default=None,
        )
        if best is None:
            raise ValueError("the greedy start found no table for a group; the baseline gives up")
        place(u, best)
    score = sum(w for (a, b), w in problem.pair_weight.items() if tab[unit[a]] == tab[unit[b]])
    best_score, best_tab = score, tab[:]
    free = [u for u in range(n) if u not in pinned]
    started = time.perf_counter()
    t_hot, t_cold = 4.0, 0.05
    step = 0
    temp = t_hot
    while free:
        step += 1
        if step % 200 == 0:
            done = (time.perf_counter() - started) / time_limit
            if done >= 1:
                break
            temp = t_hot * (t_cold / t_hot) ** done
        u = rng.choice(free)
        a = tab[u]
        k = rng.randrange(nt - 1)
        k += k >= a
        if load[k] + size[u] <= cap[k]:
            others: tuple[int, ...] = ()
        else:
            room = load[k] + size[u] - cap[k]  # places the exchanged units must free at table k
            pool = [v for v in at[k] if v not in pinned]
            if not pool:
                continue
            first = rng.choice(pool)
            others = (first,)
            if size[first] < room:
                rest = [v for v in pool if v != first and size[v] >= room - size[first]]
                if not rest:
                    continue
                others = (first, rng.choice(rest))
            if load[a] - size[u] + sum(size[v] for v in others) > cap[a]:
                continue
        if apart[u] & (at[k] - set(others)) or any(apart[v] & (at[a] - {u}) for v in others):
            continue
        if any(apart[v] & set(others) - {v} for v in others):
            continue
        delta = gain(u, k, others) - gain(u, a)
        for v in others:
            delta += gain(v, a, (u,)) - gain(v, k, others)
        if delta >= 0 or rng.random() < math.exp(delta / temp):
            place(u, k)
            for v in others:
                place(v, a)
            score += delta
            if score > best_score:
                best_score, best_tab = score, tab[:]
    return {g: ids[best_tab[unit[g]]] for g in problem.guests}
