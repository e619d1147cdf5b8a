"""Shared fixtures: small plan files written into tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

SMALL_PLAN = """\
format_version = 1
title = "测试会议"
attendees = "attendees.csv"

[venue]
width = 16.0
depth = 14.0
stage_depth = 4.0

[[venue.doors]]
x = 8.0
y = 0.0
main = true
name = "正门"

[dais]
rows = [{dais_rows}]

[floor]
blocks = [{blocks}]
rows = {rows}
"""


def write_small_meeting(
    folder: Path,
    *,
    dais: int = 5,
    floor: list[tuple[str, int]] | None = None,
    dais_rows: str = "7",
    blocks: str = "6, 8, 6",
    rows: int = 0,
    extra: str = "",
) -> Path:
    """Write a plan file and a UTF-8 csv list; return the plan path.

    ``floor`` is a list of (unit, head count) in unit order.
    """
    floor = floor if floor is not None else [("甲单位", 7), ("乙单位", 5), ("丙单位", 9)]
    lines = ["编号,姓名,单位,职务,排序,座区"]
    n = 0
    for k in range(1, dais + 1):
        n += 1
        lines.append(f"D{k:02d},领导{k},县委,职务{k},{k},主席台")
    for unit, count in floor:
        for k in range(1, count + 1):
            n += 1
            lines.append(f"P{n:03d},{unit}{k}号,{unit},,{k},")
    (folder / "attendees.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    plan = folder / "plan.toml"
    plan.write_text(SMALL_PLAN.format(dais_rows=dais_rows, blocks=blocks, rows=rows) + extra, encoding="utf-8")
    return plan


@pytest.fixture
def small_plan(tmp_path: Path) -> Path:
    """A 5-leader dais and 21 people in 3 units on a 3-block floor."""
    return write_small_meeting(tmp_path)
