"""Search for large table assignments: construction, local search, then CP-SAT neighbourhoods.

Used by :func:`seatplan.solve.table_assign.assign_tables` when the exact model
would be too large (1,000 guests at 100 tables and more). Keep-together groups
are merged into *units*; every step keeps capacities, keep-apart pairs and pins.

1. **Construction** (:meth:`UnitSearch.construct`): pinned units first, then the
   others, largest first and most connected first; each goes to the table with
   room and no keep-apart partner where it adds most weight.
2. **Local search** (:meth:`UnitSearch.anneal`): steps that move one unit to a
   table with room, or exchange it for one or two units of another table whose
   sizes fit (exchanges of one to three units), accepted by the Metropolis rule
   under a geometric cooling. The target table is drawn mostly from the tables
   where the unit's acquaintances sit; every step costs O(1) with the table
   weights of each unit kept up to date (``pull``). The best assignment is kept.
3. **Large neighbourhoods** (:func:`seatplan.solve.table_assign` calls back with
   the exact model): a few tables linked by the most weight are re-seated
   optimally by CP-SAT; a change is kept only if it gains.

Every random choice comes from one ``random.Random(seed)`` and every loop is
counted in steps, so the same seed gives the same assignment on any machine and
under any load. A ``deadline`` is only a safety cap: when it stops a loop before
its step budget, :attr:`UnitSearch.capped` is set (the result then depends on
the machine's speed, and the caller says so).
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Mapping, Sequence

__all__ = ["UnitSearch"]

#: Steps of the annealing per unit when no budget is given.
STEPS_PER_UNIT = 1200
#: Starting and final temperature of the annealing (in units of connection weight).
HOT, COLD = 1.0, 0.15


class UnitSearch:
    """Units at tables, with the weights each unit has to every table (``pull``).

    Parameters
    ----------
    sizes
        Guests in each unit.
    weights
        Connection weight between units ``(a, b)`` with ``a < b``.
    capacities
        Places at each table.
    apart
        Pairs of units that must not share a table.
    pinned
        Unit → table it must sit at.
    seed
        Seed of every random choice.
    """

    def __init__(
        self,
        sizes: Sequence[int],
        weights: Mapping[tuple[int, int], int],
        capacities: Sequence[int],
        apart: Sequence[tuple[int, int]],
        pinned: Mapping[int, int],
        *,
        seed: int = 0,
    ) -> None:
        self.n = len(sizes)
        self.size = list(sizes)
        self.cap = list(capacities)
        self.nt = len(capacities)
        self.nbr: list[dict[int, int]] = [{} for _ in range(self.n)]
        for (a, b), w in weights.items():
            self.nbr[a][b] = self.nbr[a].get(b, 0) + w
            self.nbr[b][a] = self.nbr[b].get(a, 0) + w
        self.apart: list[set[int]] = [set() for _ in range(self.n)]
        for a, b in apart:
            self.apart[a].add(b)
            self.apart[b].add(a)
        self.pinned = dict(pinned)
        self.is_pinned = [u in self.pinned for u in range(self.n)]
        self.free_units = [u for u in range(self.n) if u not in self.pinned]
        self.known = [list(d) for d in self.nbr]  # acquaintances of each unit, for drawing target tables
        self.rng = random.Random(seed)
        self.tab = [-1] * self.n
        self.load = [0] * self.nt
        self.at: list[set[int]] = [set() for _ in range(self.nt)]
        self.pull: list[list[int]] = [[0] * self.nt for _ in range(self.n)]  # unit → table → weight there
        self.score = 0
        #: Set when a wall-clock deadline stopped a loop before its step budget.
        self.capped = False

    # ------------------------------------------------------------------ state

    def place(self, u: int, k: int) -> None:
        """Put unit ``u`` at table ``k`` (from wherever it sits), keeping ``pull`` and ``score``."""
        old = self.tab[u]
        if old == k:
            return
        pull = self.pull
        if old >= 0:
            self.at[old].discard(u)
            self.load[old] -= self.size[u]
            self.score -= pull[u][old]
            for v, w in self.nbr[u].items():
                p = pull[v]
                p[old] -= w
                p[k] += w
        else:
            for v, w in self.nbr[u].items():
                pull[v][k] += w
        self.score += pull[u][k]
        self.tab[u] = k
        self.at[k].add(u)
        self.load[k] += self.size[u]

    def set_tables(self, tab: Sequence[int]) -> None:
        """Seat every unit at ``tab[u]``."""
        for u, k in enumerate(tab):
            self.place(u, k)

    def fits(self, u: int, k: int, leaving: Sequence[int] = ()) -> bool:
        """Whether ``u`` may join table ``k`` once ``leaving`` left it (room and keep-apart)."""
        room = self.cap[k] - self.load[k] + sum(self.size[v] for v in leaving)
        if self.size[u] > room:
            return False
        clash = self.apart[u]
        return not clash or not any(v in clash and v not in leaving for v in self.at[k])

    def tables_known(self, u: int) -> set[int]:
        """Tables where acquaintances of ``u`` sit."""
        tab = self.tab
        return {tab[v] for v in self.known[u] if tab[v] >= 0}

    # ------------------------------------------------------------------ construction

    def construct(self) -> bool:
        """Greedy start (see the module docstring); False when a unit finds no table.

        When the tables are nearly full the affinity greedy can leave the room in
        pieces too small for the last groups; the start is then packed by size
        instead (largest group first, each at the fullest table it fits), which the
        annealing improves.
        """
        if self._greedy(by_affinity=True):
            return True
        for u in range(self.n):
            if self.tab[u] >= 0:
                old = self.tab[u]
                self.at[old].discard(u)
                self.load[old] -= self.size[u]
                self.tab[u] = -1
        self.pull = [[0] * self.nt for _ in range(self.n)]
        self.score = 0
        return self._greedy(by_affinity=False)

    def _greedy(self, *, by_affinity: bool) -> bool:
        strength = [sum(self.nbr[u].values()) for u in range(self.n)]
        order = sorted(range(self.n), key=lambda u: (u not in self.pinned, -self.size[u], -strength[u], u))
        for u in order:
            if u in self.pinned:
                k = self.pinned[u]
                if not self.fits(u, k):
                    return False
                self.place(u, k)
                continue
            best: tuple[int, int, int] | None = None
            if not by_affinity:  # best fit: the fullest table with room
                for k in range(self.nt):
                    key = (0, self.load[k] - self.cap[k], -k)
                    if self.fits(u, k) and (best is None or key > best):
                        best = key
            for k in self.tables_known(u) if by_affinity else ():
                w = self.pull[u][k]
                if self.fits(u, k) and (best is None or (w, self.cap[k] - self.load[k], -k) > best):
                    best = (w, self.cap[k] - self.load[k], -k)
            if best is None:
                # nobody he knows has room: the emptiest table he may join
                for k in range(self.nt):
                    key = (0, self.cap[k] - self.load[k], -k)
                    if self.fits(u, k) and (best is None or key > best):
                        best = key
            if best is None:
                return False
            self.place(u, -best[2])
        return True

    # ------------------------------------------------------------------ local search

    def _partners(self, u: int, a: int, k: int) -> tuple[int, ...] | None:
        """Units of table ``k`` to send to ``a`` so that ``u`` fits at ``k`` (one or two; None if none drawn fit)."""
        need = self.load[k] + self.size[u] - self.cap[k]
        if need <= 0:
            return ()
        pinned = self.is_pinned
        pool = [v for v in self.at[k] if not pinned[v]]
        if not pool:
            return None
        first = pool[int(self.rng.random() * len(pool))]
        if self.size[first] >= need:
            chosen: tuple[int, ...] = (first,)
        else:
            rest = [v for v in pool if v != first and self.size[v] >= need - self.size[first]]
            if not rest:
                return None
            chosen = (first, rest[self.rng.randrange(len(rest))])
        back = sum(self.size[v] for v in chosen)
        if self.load[a] - self.size[u] + back > self.cap[a]:
            return None
        return chosen

    def delta(self, u: int, k: int, others: Sequence[int]) -> int:
        """Gain of moving ``u`` to table ``k`` and ``others`` (at ``k``) to ``u``'s table."""
        a = self.tab[u]
        nu = self.nbr[u]
        pu = self.pull[u]
        gain = pu[k] - pu[a]
        for v in others:
            gain -= nu.get(v, 0)
            pv = self.pull[v]
            nv = self.nbr[v]
            gain += pv[a] - nv.get(u, 0) - pv[k]
            for x in others:
                if x != v:
                    gain += nv.get(x, 0)
        return gain

    def legal(self, u: int, k: int, others: Sequence[int]) -> bool:
        """Keep-apart pairs hold after the exchange."""
        a = self.tab[u]
        if self.apart[u] and any(v in self.apart[u] and v not in others for v in self.at[k]):
            return False
        for v in others:
            clash = self.apart[v]
            if clash and any(x in clash and x != u for x in self.at[a]):
                return False
        return True

    def anneal(self, steps: int, *, deadline: float = math.inf, hot: float = HOT, cold: float = COLD) -> list[int]:
        """Simulated annealing; returns the best table of every unit seen.

        The temperature falls geometrically from ``hot`` to ``cold`` over ``steps``
        steps. ``deadline`` (a :func:`time.perf_counter` value) is a safety cap: if
        it comes first the run stops there and :attr:`capped` is set.
        """
        best_score, best_tab = self.score, self.tab[:]
        free = self.free_units
        if not free or self.nt < 2 or steps <= 0:
            return best_tab
        rng = self.rng
        temp = hot
        ratio = cold / hot
        for step in range(steps):
            if step % 512 == 0:
                if time.perf_counter() >= deadline:
                    self.capped = True
                    break
                temp = hot * ratio ** (step / steps)
            u = free[int(rng.random() * len(free))]
            a = self.tab[u]
            known = self.known[u]
            if known and rng.random() < 0.85:
                k = self.tab[known[int(rng.random() * len(known))]]
                if k == a:
                    continue
            else:
                k = rng.randrange(self.nt - 1)
                k += k >= a
            others = self._partners(u, a, k)
            if others is None or not self.legal(u, k, others):
                continue
            gain = self.delta(u, k, others)
            if gain >= 0 or rng.random() < math.exp(gain / temp):
                self.place(u, k)
                for v in others:
                    self.place(v, a)
                if self.score > best_score:
                    best_score, best_tab = self.score, self.tab[:]
        return best_tab

    def descend(self, *, deadline: float = math.inf) -> bool:
        """Best-improvement moves and exchanges of one unit until none gains; True if anything changed.

        ``deadline`` is a safety cap (:attr:`capped` is set when it stops the descent).
        """
        changed = False
        improved = True
        while improved:
            if time.perf_counter() >= deadline:
                self.capped = True
                break
            improved = False
            for u in self.free_units:
                a = self.tab[u]
                best: tuple[int, int, tuple[int, ...]] | None = None
                for k in sorted(self.tables_known(u)):
                    if k == a:
                        continue
                    if self.fits(u, k):
                        g = self.delta(u, k, ())
                        if g > 0 and (best is None or g > best[0]):
                            best = (g, k, ())
                    for v in sorted(self.at[k]):
                        if v in self.pinned:
                            continue
                        if self.load[k] - self.size[v] + self.size[u] > self.cap[k]:
                            continue
                        if self.load[a] - self.size[u] + self.size[v] > self.cap[a]:
                            continue
                        if not self.legal(u, k, (v,)):
                            continue
                        g = self.delta(u, k, (v,))
                        if g > 0 and (best is None or g > best[0]):
                            best = (g, k, (v,))
                if best is not None:
                    _, k, others = best
                    self.place(u, k)
                    for v in others:
                        self.place(v, a)
                    improved = changed = True
        return changed

    # ------------------------------------------------------------------ neighbourhoods

    def linked_tables(self, first: int, count: int) -> list[int]:
        """``first`` and the ``count − 1`` tables its units are most connected to (ties: random)."""
        weight: dict[int, int] = {}
        for u in self.at[first]:
            for k in self.tables_known(u):
                if k != first:
                    weight[k] = weight.get(k, 0) + self.pull[u][k]
        ranked = sorted(weight, key=lambda k: (-weight[k], k))[: count - 1]
        while len(ranked) < count - 1 and len(ranked) < self.nt - 1:
            k = self.rng.randrange(self.nt)
            if k != first and k not in ranked:
                ranked.append(k)
        return [first, *ranked]
