"""The bundled example meeting: a county-level 三级干部大会, synthetic data.

A hall of 30 m × 24 m with a 5 m stage, a two-row dais of 15 leaders (9 + 6) and
about 600 attendees from 44 units of the categories a county office uses
(常委领导 on the dais; 四大班子领导, 乡镇/苏木镇, 党群单位, 行政单位, 事业单位,
公司企业 on the floor), seated front to back by unit order (R-AUD-2).

Every name, phone number and unit is generated from a fixed seed; nothing refers
to a real person.
"""

from __future__ import annotations

import random
from pathlib import Path

from seatplan.io.attendee_table import write_attendees_csv
from seatplan.model import Attendee

PLAN_TOML = """\
# 2026年全县三级干部大会 — the bundled example meeting (synthetic data).
# Every key is documented in docs/plan-format.md.
format_version = 1
title = "2026年全县三级干部大会"
date = "2026-12-18"
convention = "cn"              # 以左为上 (Chinese convention)
attendees = "attendees.csv"    # relative to this file; .xlsx works too

[venue]
name = "县会议中心大礼堂"
width = 30.0                   # metres, x to the right
depth = 24.0                   # metres, y towards the stage
stage_depth = 5.0

[[venue.doors]]
x = 15.0
y = 0.0
width = 2.4
main = true
name = "正门"

[[venue.doors]]
x = 0.0
y = 9.0
width = 1.5
name = "安全出口"

[[venue.doors]]
x = 30.0
y = 9.0
width = 1.5
name = "安全出口"

[dais]
rows = [9, 6]                  # front row first
even_mode = "V1"               # R-DAIS-4: No.2 at No.1's own left
seat_pitch = 1.0
row_pitch = 1.7                 # desk 0.6 + chair 0.5 + passage 0.6 (R-PHY-9)

[floor]
blocks = [12, 20, 12]          # seats per row between aisles, audience view
seat_width = 0.55
row_pitch = 0.90
aisle_width = 1.2
side_aisle = 1.0
front_gap = 2.0
back_gap = 1.5
fill = "rows"                  # 横排法, R-AUD-2
numbering = "sequential"

[cards]
sections = ["dais"]
serif = true
"""

_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔向汤"
)
_GIVEN = "建国伟军华明强平志勇敏静丽芳红英海涛斌鹏宇峰磊超杰文博俊晓东晨阳凯旭辉刚林波宁玉梅兰秀云霞亮浩然雪飞"

_DAIS = (
    ("县委书记", "县委"),
    ("县委副书记、县长", "县政府"),
    ("县人大常委会主任", "县人大常委会"),
    ("县政协主席", "县政协"),
    ("县委副书记", "县委"),
    ("县委常委、常务副县长", "县政府"),
    ("县委常委、县纪委书记、县监委主任", "县纪委监委"),
    ("县委常委、组织部部长", "县委组织部"),
    ("县委常委、宣传部部长", "县委宣传部"),
    ("县委常委、政法委书记", "县委政法委"),
    ("县委常委、统战部部长", "县委统战部"),
    ("县委常委、县委办公室主任", "县委办公室"),
    ("县委常委、副县长", "县政府"),
    ("县委常委、县人武部政委", "县人武部"),
    ("县人民法院院长", "县人民法院"),
)

_LEADERS = ("县人大常委会副主任",) * 4 + ("副县长",) * 5 + ("县政协副主席",) * 4 + ("县人民检察院检察长", "县公安局局长")
_TOWN_ROLES = (
    "党委书记", "镇长", "人大主席", "党委副书记", "纪委书记", "组织委员", "宣传委员", "武装部部长", "副镇长", "副镇长", "副镇长",
)
_TOWNS = (
    "城关镇", "东关镇", "西河镇", "南山镇", "北岭镇", "柳树镇", "石桥镇", "白塔镇",
    "新安乡", "永丰乡", "红旗乡", "太平乡", "巴音苏木镇", "乌兰苏木镇",
)
_PARTY = ("县委办公室", "县委组织部", "县委宣传部", "县委统战部", "县委政法委", "县纪委监委", "县总工会", "团县委", "县妇联")
_ADMIN = (
    "县政府办公室", "县发展和改革局", "县教育局", "县公安局", "县财政局", "县人力资源和社会保障局",
    "县自然资源局", "县住房和城乡建设局", "县交通运输局", "县农业农村局", "县卫生健康委员会", "县市场监督管理局",
)
_INSTITUTIONS = ("县人民医院", "县第一中学", "县融媒体中心", "县疾病预防控制中心")
_COMPANIES = ("县城市建设投资有限公司", "县供电公司", "县农村信用合作联社", "县自来水公司")


def make_demo_attendees(seed: int = 2026) -> tuple[Attendee, ...]:
    """Generate the demo attendee list (deterministic for a given seed).

    Returns
    -------
    tuple of Attendee
        15 dais leaders (座区 = 主席台, rank 1..15), then the floor units in
        published order, each with its members ranked 1..k.
    """
    rng = random.Random(seed)
    used: set[str] = set()

    def name() -> str:
        while True:
            given = rng.choice(_GIVEN) + (rng.choice(_GIVEN) if rng.random() < 0.7 else "")
            full = rng.choice(_SURNAMES) + given
            if full not in used:
                used.add(full)
                return full

    def phone() -> str:
        return "13" + "".join(rng.choice("0123456789") for _ in range(9))

    people: list[Attendee] = []

    def add(unit: str, title: str, rank: int, unit_order: int, section: str = "") -> None:
        people.append(
            Attendee(
                id=f"A{len(people) + 1:04d}",
                name=name(),
                unit=unit,
                title=title,
                rank=rank,
                section=section,
                unit_order=unit_order,
                gender="女" if rng.random() < 0.3 else "男",
                ethnicity="蒙古族" if "苏木" in unit or rng.random() < 0.05 else "汉族",
                phone=phone(),
            )
        )

    for rank, (title, unit) in enumerate(_DAIS, start=1):
        add(unit, title, rank, 0, section="dais")
    order = 1
    for k, title in enumerate(_LEADERS, start=1):
        add("县四大班子领导", title, k, order)
    groups = (
        (_TOWNS, _TOWN_ROLES + ("村党组织书记",) * 9),
        (_PARTY, ("主要负责人", "副职", "副职", "副职", "科室负责人", "科室负责人", "科室负责人", "科室负责人")),
        (_ADMIN, ("局长", "副局长", "副局长", "副局长") + ("股室负责人",) * 6),
        (_INSTITUTIONS, ("主要负责人", "副职", "副职") + ("中层干部",) * 9),
        (_COMPANIES, ("董事长", "总经理", "副总经理", "副总经理") + ("部门负责人",) * 11),
    )
    for units, roles in groups:
        for unit in units:
            order += 1
            for k, title in enumerate(roles, start=1):
                add(unit, title, k, order)
    return tuple(people)


def write_demo_inputs(folder: str | Path) -> Path:
    """Write the demo plan file and attendee list into ``folder``.

    Returns
    -------
    Path
        The plan file (``plan.toml``), ready for ``seatplan solve``.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    plan = folder / "plan.toml"
    plan.write_text(PLAN_TOML, encoding="utf-8")
    write_attendees_csv(make_demo_attendees(), folder / "attendees.csv")
    return plan
