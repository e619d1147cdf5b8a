"""Benchmark scenarios of seatplan: synthetic but realistic instances, fixed seeds, no network.

Run them with ``seatplan bench`` (or ``python -m seatplan.bench``); they are
registered in :mod:`seatplan.bench.catalogue` and what each one measures is in
``benchmarks/README.md``. Every builder takes ``seed`` and ``quick`` and returns
a :class:`seatplan.bench.Case`: the timed call (which also checks its own output
and raises when the check fails) and, where there is one, a baseline measured in
the same run. Baselines that are CP-SAT models live in
:mod:`seatplan.solve.baselines` (OR-Tools stays inside ``seatplan/solve``).
"""

from __future__ import annotations

import atexit
import dataclasses
import itertools
import random
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from seatplan.bench import Case, Unavailable

#: Default seed of every generated instance.
SEED = 2026

#: Proven optimal values of the Bellows & Peterson wedding (OR-Tools example objective).
WEDDING_OPTIMUM = {(5, 4): 276, (2, 10): 318}

_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔向汤"
)
_GIVEN = "建国伟军华明强平志勇敏静丽芳红英海涛斌鹏宇峰磊超杰文博俊晓东晨阳凯旭辉刚林波宁玉梅兰秀云霞亮浩然雪飞"


class _Names:
    """Unique synthetic Chinese names from a seeded generator (nobody real)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def __call__(self) -> str:
        while True:
            given = self.rng.choice(_GIVEN) + (self.rng.choice(_GIVEN) if self.rng.random() < 0.75 else "")
            name = self.rng.choice(_SURNAMES) + given
            if name not in self.used:
                self.used.add(name)
                return name


def _tempdir(tag: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix=f"seatplan-bench-{tag}-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def _supported(cls: type, notes: list[str], what: str, **kwargs: Any) -> Any:
    """Build dataclass ``cls`` with the keyword arguments this version knows; note the others."""
    known = {f.name for f in dataclasses.fields(cls)}
    dropped = sorted(k for k in kwargs if k not in known)
    if dropped:
        notes.append(f"{what} does not support {', '.join(dropped)} in this version")
    return cls(**{k: v for k, v in kwargs.items() if k in known})


def _check_plan(problem: Any, result: Any) -> dict[str, Any]:
    """Check a solved seating problem independently; the outcome of a meeting scenario."""
    from seatplan.check import check_plan

    plan = result.require_plan()
    violations = check_plan(problem, plan)
    if violations:
        raise AssertionError(f"check_plan found {len(violations)} violations, first: {violations[0].message}")
    return {
        "status": str(result.status),
        "objective": result.objective,
        "bound": result.bound,
        "gap": result.gap,
        "attendees": len(problem.attendees),
        "seats": len(problem.seats),
    }


def _solve_meeting(meeting: Any) -> dict[str, Any]:
    """build_problem → solve → check_plan (what is timed for a meeting given in Python)."""
    from seatplan.pipeline import build_problem
    from seatplan.solve import solve

    problem = build_problem(meeting)
    return _check_plan(problem, solve(problem))


# --------------------------------------------------------------------------------------
# dais (protocol only)
# --------------------------------------------------------------------------------------


def naive_dais_order(seats: Sequence[Any], *, convention: str = "cn", even: str = "V1") -> list[str]:
    """Baseline: rows by depth, seats by x, ranks read from the rule's sequence table.

    Assumes what the geometric ranking does not: a dais on the front wall facing
    the audience (facing 270°, front row = smallest y, audience view left→right =
    increasing x). Each row takes :func:`~seatplan.protocol.dais.dais_order`
    (R-DAIS-3/4/9) as printed in the rule book.
    """
    from seatplan.protocol.dais import dais_order

    rows: dict[float, list[Any]] = {}
    for s in seats:
        rows.setdefault(round(s.y, 6), []).append(s)
    out: list[str] = []
    for y in sorted(rows):
        row = sorted(rows[y], key=lambda s: s.x)
        ranks = dais_order(len(row), convention=convention, even=even, view="audience")
        out.extend(s.id for _, s in sorted(zip(ranks, row), key=lambda p: p[0]))
    return out


def _dais_case(rows: Sequence[int], *, seed: int) -> Case:
    from seatplan.model import Seat
    from seatplan.protocol.dais import dais_offsets, rank_dais

    seats = []
    for r, n in enumerate(rows, start=1):
        for k, dx in enumerate(dais_offsets(n, even="V1", pitch=1.0), start=1):
            seats.append(Seat(f"d{r}-{k:02d}", "dais", r, k, x=25.0 + dx, y=20.0 + (r - 1) * 1.2, facing=270.0))
    random.Random(seed).shuffle(seats)  # arbitrary input order
    expected = naive_dais_order(seats)

    def run() -> dict[str, Any]:
        got = rank_dais(seats, convention="cn", even="V1")
        if got != expected:
            first = next(i for i, (a, b) in enumerate(zip(got, expected)) if a != b)
            raise AssertionError(f"rank {first + 1}: rank_dais gives {got[first]}, the sequence table {expected[first]}")
        return {"status": "OK"}

    def baseline() -> dict[str, Any]:
        naive_dais_order(seats)
        return {"status": "OK"}

    return Case(
        run=run,
        attendees=len(seats),
        seats=len(seats),
        baseline=baseline,
        baseline_name="sequence-table",
        note="" if len(rows) == 1 else f"rows {'+'.join(map(str, rows))}, CN, V1",
    )


def build_dais_9(*, seed: int = SEED, quick: bool = False) -> Case:
    """One dais row of 9 (R-DAIS-3)."""
    return _dais_case((9,), seed=seed)


def build_dais_25_3rows(*, seed: int = SEED, quick: bool = False) -> Case:
    """A dais of 25 in rows of 9, 8 and 8 (R-DAIS-3/4/10: odd and even rows)."""
    return _dais_case((9, 8, 8), seed=seed)


def build_dais_51_4rows(*, seed: int = SEED, quick: bool = False) -> Case:
    """A presidium of 51 in rows of 13, 13, 13 and 12."""
    return _dais_case((13, 13, 13, 12), seed=seed)


# --------------------------------------------------------------------------------------
# meetings (layout + protocol + merge solver + independent check)
# --------------------------------------------------------------------------------------


def build_county_600(*, seed: int | None = None, quick: bool = False) -> Case:
    """The bundled demo meeting: read plan.toml + attendees.csv, lay out, rank, solve, check."""
    from seatplan.demo import write_demo_inputs

    plan = write_demo_inputs(_tempdir("county"))
    note = "the demo list has its own fixed seed" if seed is not None else ""

    def run() -> dict[str, Any]:
        from seatplan.io.plan_file import load_meeting
        from seatplan.pipeline import build_problem
        from seatplan.solve import solve

        meeting = load_meeting(plan)
        problem = build_problem(meeting)
        return _check_plan(problem, solve(problem))

    return Case(run=run, note=note)


_CITY_DELEGATIONS = (
    ("东城区代表团", 98), ("西城区代表团", 92), ("南湖区代表团", 85), ("北山区代表团", 80),
    ("高新区代表团", 76), ("经开区代表团", 72), ("江口县代表团", 68), ("青山县代表团", 64),
    ("石门县代表团", 60), ("临河县代表团", 56), ("云岭县代表团", 52), ("市直机关代表团", 45),
    ("驻市部队代表团", 22),
)
_CITY_OBSERVERS = (
    "市政府办公室", "市发展和改革委员会", "市教育局", "市公安局", "市财政局", "市自然资源和规划局",
    "市生态环境局", "市住房和城乡建设局", "市交通运输局", "市农业农村局", "市商务局", "市卫生健康委员会",
    "市中级人民法院", "市人民检察院", "市人大常委会机关", "市政协机关",
)


def build_city_1200(*, seed: int = SEED, quick: bool = False) -> Case:
    """A city 人民代表大会 plenary of 1,200: 33 on the dais, 13 delegations 竖排, 列席 upstairs."""
    from seatplan.model import Attendee, DaisSpec, Door, FloorSpec, Meeting, Venue

    rng = random.Random(seed)
    name = _Names(rng)
    notes: list[str] = []
    people: list[Attendee] = []

    def add(**kw: Any) -> None:
        people.append(Attendee(id=f"C{len(people) + 1:04d}", name=name(), gender="女" if rng.random() < 0.3 else "男", **kw))

    for k in range(1, 34):
        add(unit="大会主席团", title="主席团常务主席" if k <= 9 else "主席团成员", rank=k, section="dais", category="official")
    for order, (unit, size) in enumerate(_CITY_DELEGATIONS, start=1):
        for k in range(1, size + 1):
            add(unit=unit, title="代表团团长" if k == 1 else "代表", rank=k, unit_order=order, category="official")
    observers = 1200 - len(people)
    for k in range(observers):
        unit = _CITY_OBSERVERS[k % len(_CITY_OBSERVERS)]
        add(unit=unit, title="列席人员", rank=k // len(_CITY_OBSERVERS) + 1, unit_order=100 + k % len(_CITY_OBSERVERS), category="observer")
    venue = Venue.rectangle(
        36.0, 34.0, stage_depth=7.0, name="市人民会堂",
        doors=(Door(18.0, 0.0, 3.0, main=True, name="正门"), Door(0.0, 12.0, 1.8, name="安全出口"), Door(36.0, 12.0, 1.8, name="安全出口")),
    )
    dais = _supported(DaisSpec, notes, "the dais", rows=(9, 12, 12), row_pitch=1.1)
    floor = _supported(
        FloorSpec, notes, "the floor",
        blocks=(14, 22, 14), fill="columns", strip_order="centre-out", numbering="centre-out",
        unit_order=tuple(u for u, _ in _CITY_DELEGATIONS),
    )
    extra: dict[str, Any] = {}
    try:
        from seatplan.model.meeting import BalconySpec

        extra["balcony"] = _supported(BalconySpec, notes, "the balcony", blocks=(10, 16, 10), rows=12, categories=("observer",), label="二楼")
    except ImportError:
        notes.append("no balcony in this version: 列席 sit behind the deputies on the floor (R-AUD-2)")
    meeting = _supported(
        Meeting, notes, "the meeting",
        title="某市第十六届人民代表大会第二次会议 全体会议", venue=venue, attendees=tuple(people), dais=dais, floor=floor, **extra,
    )
    return Case(run=lambda: _solve_meeting(meeting), attendees=len(people), note="; ".join(notes))


def _npc_sizes(rng: random.Random, count: int, total: int) -> list[int]:
    """Delegation sizes like a national congress: a few large, many middle, some small."""
    raw = [rng.lognormvariate(4.3, 0.55) for _ in range(count)]
    scale = total / sum(raw)
    sizes = [max(10, round(r * scale)) for r in raw]
    k = 0
    while sum(sizes) != total:  # settle rounding on the largest delegations
        i = sorted(range(count), key=lambda j: -sizes[j])[k % 5]
        sizes[i] += 1 if sum(sizes) < total else -1
        k += 1
    return sizes


def build_hall_3000_35(*, seed: int = SEED, quick: bool = False) -> Case:
    """3,000 deputies in 35 delegations, 竖排 strips from the centre, NPC rotation year 1 (R-AUD-6)."""
    from seatplan.model import Attendee, DaisSpec, Door, FloorSpec, Meeting, Venue

    rng = random.Random(seed)
    name = _Names(rng)
    notes: list[str] = []
    people: list[Attendee] = []
    sizes = _npc_sizes(rng, 35, 3000 - 39)
    for k in range(1, 40):
        people.append(Attendee(id=f"N{len(people) + 1:04d}", name=name(), unit="主席团", title="执行主席" if k <= 13 else "主席团成员", rank=k, section="dais", category="official"))
    for order, size in enumerate(sizes, start=1):
        unit = f"第{order:02d}代表团"
        for k in range(1, size + 1):
            people.append(Attendee(id=f"N{len(people) + 1:04d}", name=name(), unit=unit, title="代表", rank=k, unit_order=order, category="official"))
    venue = Venue.rectangle(
        64.0, 46.0, stage_depth=10.0, name="大会堂",
        doors=(Door(32.0, 0.0, 4.0, main=True, name="正门"), Door(0.0, 16.0, 2.0, name="安全出口"), Door(64.0, 16.0, 2.0, name="安全出口")),
    )
    dais = _supported(DaisSpec, notes, "the dais", rows=(13, 13, 13), row_pitch=1.1)
    floor = _supported(
        FloorSpec, notes, "the floor",
        blocks=(18, 22, 22, 22, 18), fill="columns", strip_order="centre-out", rotation_year=1, rotation_groups=5,
    )
    meeting = _supported(Meeting, notes, "the meeting", title="全体会议（3000名代表）", venue=venue, attendees=tuple(people), dais=dais, floor=floor)
    return Case(run=lambda: _solve_meeting(meeting), attendees=len(people), note="; ".join(notes))


# --------------------------------------------------------------------------------------
# banquets
# --------------------------------------------------------------------------------------

_BANQUET_PLAN = """\
format_version = 1
title = "年度合作伙伴答谢晚宴（30桌）"
occasion = "banquet"
convention = "cn"
attendees = "attendees.csv"

[venue]
name = "国际会展中心宴会厅"
width = 40.0
depth = 34.0
stage_depth = 3.0

[[venue.doors]]
x = 20.0
y = 0.0
width = 3.0
main = true
name = "正门"

[banquet]
tables = 30
seats_per_table = 10
arrangement = "grid"
columns = 6
table_gap = 1.8
wall_gap = 0.9
stage_gap = 1.5
main_position = "far"
cohost = true
variant = "cn-a"
"""


def build_banquet_30(*, seed: int = SEED, quick: bool = False) -> Case:
    """30 tables of 10 with a host and a co-host at every table (R-BNQ-6/8), through the plan file."""
    rng = random.Random(seed)
    name = _Names(rng)
    lines = ["编号,姓名,单位,职务,排序,主客,性别"]
    for k in range(1, 61):
        lines.append(f"H{k:03d},{name()},主办单位,{'主陪' if k <= 30 else '副主陪'},{k},主方,{'女' if rng.random() < 0.3 else '男'}")
    for k in range(1, 241):
        lines.append(f"G{k:03d},{name()},合作单位{(k - 1) // 8 + 1:02d},嘉宾,{k},客方,{'女' if rng.random() < 0.3 else '男'}")
    folder = _tempdir("banquet")
    (folder / "attendees.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    plan = folder / "plan.toml"
    plan.write_text(_BANQUET_PLAN, encoding="utf-8")
    try:
        import seatplan.occasions.banquet  # noqa: F401
    except ImportError as exc:
        raise Unavailable(f"the banquet occasion is not in this version ({exc})") from exc

    def run() -> dict[str, Any]:
        import warnings

        from seatplan.io.plan_file import load_meeting
        from seatplan.pipeline import build_problem
        from seatplan.solve import solve

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            meeting = load_meeting(plan)
            problem = build_problem(meeting)
        return _check_plan(problem, solve(problem))

    return Case(run=run, attendees=300)


def naive_tables(problem: Any) -> dict[str, str]:
    """Baseline: groups in list order, each at the first table with room and no keep-apart clash."""
    group_of: dict[str, tuple[str, ...]] = {}
    for group in problem.keep_together:
        for g in group:
            group_of[g] = tuple(group)
    apart: dict[str, set[str]] = {}
    for a, b in problem.keep_apart:
        apart.setdefault(a, set()).add(b)
        apart.setdefault(b, set()).add(a)
    free = {t.id: t.capacity for t in problem.tables}
    seated: dict[str, str] = {}
    members: dict[str, set[str]] = {t.id: set() for t in problem.tables}
    for g in problem.guests:
        if g in seated:
            continue
        group = group_of.get(g, (g,))
        for t in free:
            if free[t] >= len(group) and not any(members[t] & apart.get(h, set()) for h in group):
                for h in group:
                    seated[h] = t
                    members[t].add(h)
                free[t] -= len(group)
                break
        else:
            raise AssertionError(f"the naive packing found no table for {group}")
    return seated


def make_banquet_guests(*, seed: int, guests: int = 1000, tables: int = 100, capacity: int = 10, groups: int = 300, apart: int = 200) -> Any:
    """A company banquet: circles of colleagues, couples and families, feuds.

    The list is in the order replies came in. Guests belong to circles of 12-40
    colleagues (weight 2 for every pair), some
    know people of other circles (weight 1); ``groups`` keep-together groups
    (couples, families of 3-4, weight 10 inside) are drawn inside circles;
    ``apart`` keep-apart pairs, mostly inside circles, carry no weight.
    """
    from seatplan.solve.table_assign import Table, TableProblem

    rng = random.Random(seed)
    ids = [f"G{i:04d}" for i in range(guests)]
    names = _Names(rng)
    label = {g: names() for g in ids}
    order = ids[:]
    rng.shuffle(order)  # the list is in reply order, not grouped by circle
    circles: list[list[str]] = []
    i = 0
    while i < guests:
        size = min(guests - i, rng.randint(12, 40))
        circles.append(sorted(order[i : i + size]))
        i += size
    circle_of = {g: c for c, members in enumerate(circles) for g in members}
    weights: dict[tuple[str, str], int] = {}
    for members in circles:
        for a, b in itertools.combinations(members, 2):
            weights[(a, b)] = 2
    for _ in range(guests):
        a, b = sorted(rng.sample(ids, 2))
        if circle_of[a] != circle_of[b]:
            weights[(a, b)] = 1
    pool: dict[int, list[str]] = {}
    shuffled = ids[:]
    rng.shuffle(shuffled)
    for g in shuffled:
        pool.setdefault(circle_of[g], []).append(g)
    sizes = [2] * (groups * 2 // 3) + [3] * (groups * 7 // 30) + [4] * (groups - groups * 2 // 3 - groups * 7 // 30)
    rng.shuffle(sizes)
    together: list[tuple[str, ...]] = []
    for size in sizes:
        circle = rng.choice(sorted(c for c, left in pool.items() if len(left) >= size))
        group = tuple(sorted(pool[circle].pop() for _ in range(size)))
        together.append(group)
        for a, b in itertools.combinations(group, 2):
            weights[(a, b)] = 10
    unit = {g: k for k, group in enumerate(together) for g in group}
    feuds: set[tuple[str, str]] = set()
    while len(feuds) < apart:
        a, b = sorted(rng.sample(ids, 2))
        if unit.get(a, a) == unit.get(b, b) or (circle_of[a] != circle_of[b] and rng.random() < 0.7):
            continue
        feuds.add((a, b))
    for pair in feuds:
        weights.pop(pair, None)
    return TableProblem(
        guests=tuple(ids),
        tables=tuple(Table(str(t + 1), capacity) for t in range(tables)),
        weights=weights,
        keep_together=tuple(together),
        keep_apart=tuple(sorted(feuds)),
        names=label,
    )


def _banquet_case(guests: int, *, seed: int, limit: float, baseline_limit: float) -> Case:
    """``guests`` at tables of 10 (circles, families, feuds); seatplan against the annealer of ``annealer.py``."""
    from seatplan.bench.annealer import anneal_tables
    from seatplan.solve.table_assign import assign_tables, check_tables, score_tables

    problem = make_banquet_guests(
        seed=seed, guests=guests, tables=guests // 10, groups=guests * 3 // 10, apart=guests // 5
    )

    def run() -> dict[str, Any]:
        result = assign_tables(problem, time_limit=limit, seed=0)
        broken = check_tables(problem, result.table_of)
        if broken:
            raise AssertionError(f"check_tables: {broken[0]}")
        # the search ends on deterministic budgets; ``limit`` is only its wall-clock cap, named when hit
        note = f"method {result.method}" + (f"; the {limit:g} s cap was hit (machine-dependent)" if result.capped else "")
        return {"status": str(result.status), "objective": result.objective, "bound": result.bound, "gap": result.gap, "note": note}

    def baseline() -> dict[str, Any]:
        table_of = anneal_tables(problem, time_limit=baseline_limit, seed=0)
        broken = check_tables(problem, table_of)
        if broken:
            raise AssertionError(f"check_tables: {broken[0]}")
        return {"status": "FEASIBLE", "objective": score_tables(problem, table_of)}

    return Case(
        run=run,
        attendees=len(problem.guests),
        seats=sum(t.capacity for t in problem.tables),
        baseline=baseline,
        baseline_name=f"greedy + annealing ({baseline_limit:g} s)",
        note=f"seatplan {limit:g} s against the annealer's {baseline_limit:g} s",
    )


def build_banquet_1000(*, seed: int = SEED, quick: bool = False) -> Case:
    """1,000 guests at 100 tables of 10, 300 keep-together groups, 200 keep-apart pairs: 10 s against 30 s."""
    if quick:
        return _banquet_case(200, seed=seed, limit=1.0, baseline_limit=1.0)
    return _banquet_case(1000, seed=seed, limit=10.0, baseline_limit=30.0)


def build_banquet_3000(*, seed: int = SEED, quick: bool = False) -> Case:
    """3,000 guests at 300 tables of 10, 900 groups, 600 keep-apart pairs: 30 s each."""
    if quick:
        return _banquet_case(300, seed=seed, limit=1.0, baseline_limit=1.0)
    return _banquet_case(3000, seed=seed, limit=30.0, baseline_limit=30.0)


def _wedding_case(tables: int, capacity: int) -> Case:
    from seatplan.solve.baselines import solve_wedding_example
    from seatplan.solve.table_assign import (
        BELLOWS_PETERSON_CONNECTIONS,
        assign_tables,
        bellows_peterson_problem,
        check_tables,
    )

    problem = bellows_peterson_problem(tables=tables, capacity=capacity, min_known=1)
    optimum = WEDDING_OPTIMUM[(tables, capacity)]

    def run() -> dict[str, Any]:
        result = assign_tables(problem, time_limit=300.0, seed=0)
        broken = check_tables(problem, result.table_of)
        if broken:
            raise AssertionError(f"check_tables: {broken[0]}")
        if str(result.status) != "OPTIMAL" or result.objective != optimum or result.bound != optimum:
            raise AssertionError(
                f"expected OPTIMAL {optimum} with bound {optimum}, got {result.status} {result.objective} (bound {result.bound})"
            )
        return {"status": str(result.status), "objective": result.objective, "bound": result.bound, "gap": result.gap}

    return Case(
        run=run,
        attendees=17,
        seats=tables * capacity,
        baseline=lambda: solve_wedding_example(BELLOWS_PETERSON_CONNECTIONS, tables=tables, capacity=capacity),
        baseline_name="or-tools-example",
        note=f"Bellows & Peterson 2012, {tables}×{capacity}, every guest knows one other at his table; optimum {optimum}",
    )


def build_wedding_bp_5x4(*, seed: int | None = None, quick: bool = False) -> Case:
    """The 17-guest wedding at 5 tables of 4: optimum 276, proven."""
    return _wedding_case(5, 4)


def build_wedding_bp_2x10(*, seed: int | None = None, quick: bool = False) -> Case:
    """The 17-guest wedding at 2 tables of 10: optimum 318, proven."""
    return _wedding_case(2, 10)
