"""Tests of the seating diagram renderer (seatplan.render)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from seatplan.errors import UnknownIdError
from seatplan.fonts import find_cjk_font
from seatplan.model import (
    FACING_BACK,
    FACING_FRONT,
    Attendee,
    Door,
    Layout,
    Plan,
    Seat,
    SeatingProblem,
    Shape,
    ShapeKind,
    Venue,
    Zone,
)
from seatplan.render import draw_plan, save_plan_images, style
from seatplan.render.diagram import _em_width, _fit_name, _SeatStyle, _split_lines

# --------------------------------------------------------------------------- fixtures

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
_GIVEN = "建国伟芳秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华文辉力鹏红春梅海燕志强晓东丹玉兰德胜雪梅宏伟俊杰家豪子轩浩然欣怡思远"
_UNITS = (
    "县委办公室", "县政府办公室", "县人大办公室", "县政协办公室", "县纪委监委", "县委组织部", "县委宣传部",
    "县委统战部", "县委政法委", "县发展和改革局", "县教育局", "县科技局", "县工业和信息化局", "县公安局",
    "县民政局", "县司法局", "县财政局", "县人力资源和社会保障局", "县自然资源局", "县生态环境局",
    "县住房和城乡建设局", "县交通运输局", "县水利局", "县农业农村局", "县商务局", "县文化和旅游局",
    "县卫生健康委", "县退役军人事务局", "县应急管理局", "县审计局", "县市场监督管理局", "县统计局",
    "城关镇", "某某镇", "东关镇", "西河乡", "南山乡", "北岭镇", "清水镇", "柳树乡",
)


def _name(i: int) -> str:
    """Deterministic Chinese names: mostly 2-3 characters, some compound surnames and a long one."""
    if i % 97 == 13:
        return "欧阳" + _GIVEN[i % len(_GIVEN)] + _GIVEN[(i * 7 + 1) % len(_GIVEN)]
    if i % 211 == 50:
        return "阿卜杜热合曼·买买提"
    surname = _SURNAMES[i % len(_SURNAMES)]
    if i % 3 == 0:
        return surname + _GIVEN[(i * 5) % len(_GIVEN)]
    return surname + _GIVEN[(i * 5) % len(_GIVEN)] + _GIVEN[(i * 11 + 3) % len(_GIVEN)]


def make_hall(n_floor_people: int = 600) -> tuple[SeatingProblem, Plan]:
    """A county-level 礼堂 of 660 floor seats (12/20/12 × 15 rows) and a 8+7 dais.

    Room 30 m × 24 m, stage 5 m deep along the top wall, main door in the
    middle of the bottom wall, side doors on both side walls.
    """
    width, depth, stage = 30.0, 24.0, 5.0
    venue = Venue.rectangle(
        width,
        depth,
        stage_depth=stage,
        doors=(
            Door(15.0, 0.0, 2.0, main=True, name="正门"),
            Door(0.0, 8.0, 1.5, name="侧门"),
            Door(30.0, 8.0, 1.5, name="侧门"),
        ),
        obstacles=(((1.2, 1.2), (1.8, 1.2), (1.8, 1.8), (1.2, 1.8)), ((28.2, 1.2), (28.8, 1.2), (28.8, 1.8), (28.2, 1.8))),
        name="县委党校礼堂",
    )
    seats: list[Seat] = []
    # dais: row 1 (8 seats) at the stage front, row 2 (7 seats) behind it, 1.0 m pitch
    shapes: list[Shape] = [Shape(ShapeKind.STAGE, ((0, depth - stage), (width, depth - stage), (width, depth), (0, depth)))]
    for row, (n, y) in enumerate(((8, 20.4), (7, 21.8)), start=1):
        x0 = width / 2 - (n - 1) / 2
        for k in range(n):
            seats.append(Seat(f"dais-r{row}-s{k + 1}", "dais", row, k + 1, x0 + k, y, FACING_BACK))
        shapes.append(
            Shape(ShapeKind.TABLE, ((x0 - 0.5, y - 0.8), (x0 + n - 0.5, y - 0.8), (x0 + n - 0.5, y - 0.35), (x0 - 0.5, y - 0.35)))
        )
    shapes.append(Shape(ShapeKind.LECTERN, ((22.0, 19.3), (22.8, 19.3), (22.8, 19.9), (22.0, 19.9)), "发言席"))
    # floor: blocks 12 / 20 / 12 at 0.55 m, aisles 1.2 m, side aisles 1.0 m, rows 0.9 m from y = 17
    blocks = (12, 20, 12)
    pitch, aisle = 0.55, 1.2
    total = sum(blocks) * pitch + aisle * (len(blocks) - 1)
    left = (width - total) / 2 + pitch / 2
    xs: list[float] = []
    x = left
    for n in blocks:
        for _ in range(n):
            xs.append(round(x, 4))
            x += pitch
        x += aisle
    for row in range(1, 16):
        y = 17.0 - (row - 1) * 0.9
        for k, sx in enumerate(xs, start=1):
            seats.append(Seat(f"floor-r{row:02d}-s{k:02d}", "floor", row, k, sx, y, FACING_FRONT))
    for a, b in ((xs[11], xs[12]), (xs[31], xs[32])):
        x0, x1 = a + 0.35, b - 0.35
        shapes.append(Shape(ShapeKind.AISLE, ((x0, 3.5), (x1, 3.5), (x1, 17.6), (x0, 17.6))))

    attendees: list[Attendee] = []
    dais_units = ("县委", "县委", "县人大常委会", "县政府", "县政协", "县委", "县政府", "县委", "县人大常委会",
                  "县政府", "县政协", "县委", "县政府", "县纪委监委", "县人武部")
    for i, unit in enumerate(dais_units):
        attendees.append(Attendee(f"D{i + 1:02d}", _name(i + 1000), unit, rank=i + 1, section="dais"))
    sizes = [n_floor_people // len(_UNITS) + (1 if i < n_floor_people % len(_UNITS) else 0) for i in range(len(_UNITS))]
    sizes = [s + (3 if i % 5 == 0 else -3 if i % 5 == 1 else 0) for i, s in enumerate(sizes)]
    k = 0
    for u, (unit, size) in enumerate(zip(_UNITS, sizes), start=1):
        for r in range(size):
            k += 1
            attendees.append(Attendee(f"F{k:04d}", _name(k), unit, rank=r + 1, unit_order=u))
    dais_seats = tuple(s.id for s in seats if s.is_dais)
    floor_seats = tuple(s.id for s in seats if not s.is_dais)
    dais_people = tuple(a.id for a in attendees if a.section == "dais")
    floor_people = tuple(a.id for a in attendees if a.section != "dais")
    problem = SeatingProblem(
        Layout(venue, tuple(seats), tuple(shapes)),
        tuple(attendees),
        (Zone("dais", dais_seats, dais_people), Zone("floor", floor_seats, floor_people)),
        title="全县经济工作会议",
    )
    plan = Plan(seat_of={**dict(zip(dais_people, dais_seats)), **dict(zip(floor_people, floor_seats))})
    return problem, plan


def make_tiny() -> tuple[SeatingProblem, Plan]:
    """Two dais seats at y = 20 facing the audience and three floor seats at y = 10."""
    venue = Venue.rectangle(30, 24, stage_depth=5, doors=(Door(15, 0, 2.0, main=True, name="正门"),))
    seats = (
        Seat("d1", "dais", 1, 1, 14.5, 20.0, FACING_BACK),
        Seat("d2", "dais", 1, 2, 15.5, 20.0, FACING_BACK),
        Seat("f1", "floor", 1, 1, 14.45, 10.0, FACING_FRONT),
        Seat("f2", "floor", 1, 2, 15.0, 10.0, FACING_FRONT),
        Seat("f3", "floor", 1, 3, 15.55, 10.0, FACING_FRONT),
    )
    shapes = (Shape(ShapeKind.STAGE, ((0, 19), (30, 19), (30, 24), (0, 24)), "舞台"),)
    attendees = (
        Attendee("a1", "王建国", "县委", rank=1, section="dais"),
        Attendee("a2", "李明", "县政府", rank=2, section="dais"),
        Attendee("b1", "张伟", "某某镇"),
        Attendee("b2", "刘秀英", "县财政局"),
    )
    zones = (Zone("dais", ("d1", "d2"), ("a1", "a2")), Zone("floor", ("f1", "f2", "f3"), ("b1", "b2")))
    problem = SeatingProblem(Layout(venue, seats, shapes), attendees, zones, title="测试会议")
    plan = Plan(seat_of={"a1": "d1", "a2": "d2", "b1": "f1", "b2": "f3"})
    return problem, plan


def _seats(ax):
    """The collection of seat markers and the seat ids of its paths."""
    (seats,) = [c for c in ax.collections if c.get_gid() == "seats"]
    return seats, list(seats.seat_ids)


def _seat_path(ax, seat_id: str):
    seats, ids = _seats(ax)
    return seats.get_paths()[ids.index(seat_id)]


def _seat_face(ax, seat_id: str) -> str:
    from matplotlib.colors import to_hex

    seats, ids = _seats(ax)
    return to_hex(seats.get_facecolor()[ids.index(seat_id)])


def _seat_edge(ax, seat_id: str) -> str:
    from matplotlib.colors import to_hex

    seats, ids = _seats(ax)
    return to_hex(seats.get_edgecolor()[ids.index(seat_id)])


def _seat_centre_px(ax, seat_id: str) -> tuple[float, float]:
    v = _seat_path(ax, seat_id).vertices
    x, y = ax.transData.transform((v.max(axis=0) + v.min(axis=0)) / 2)
    return float(x), float(y)


def _labels(ax) -> list:
    """The labels of the seat label layer (names, seat numbers, row labels)."""
    (layer,) = [a for a in ax.get_children() if a.get_gid() == "seat-labels"]
    return list(layer.labels)


def _all_texts(ax) -> set[str]:
    return {t.get_text() for t in ax.texts} | {label.text for label in _labels(ax)}


def _extent(path) -> tuple[float, float]:
    """Width and height of a seat marker's path in data units."""
    v = path.vertices
    return float(v[:, 0].max() - v[:, 0].min()), float(v[:, 1].max() - v[:, 1].min())


def _centre_px(artist, renderer=None) -> tuple[float, float]:
    bbox = artist.get_window_extent(renderer)
    return ((bbox.x0 + bbox.x1) / 2, (bbox.y0 + bbox.y1) / 2)


# --------------------------------------------------------------------------- tests


def test_draw_plan_returns_axes_on_agg_figure() -> None:
    from matplotlib.axes import Axes
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    problem, plan = make_tiny()
    ax = draw_plan(problem, plan)
    assert isinstance(ax, Axes)
    assert isinstance(ax.figure.canvas, FigureCanvasAgg)
    texts = _all_texts(ax)
    assert {"王建国", "李明", "张伟", "刘秀英"} <= texts
    assert {"1排", "主席台", "正门", "舞台"} <= texts


def test_draw_plan_accepts_existing_ax() -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    problem, plan = make_tiny()
    fig = Figure(figsize=(8, 6))
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    out = draw_plan(problem, plan, ax=ax, title="自定义标题")
    assert out is ax
    assert len(fig.axes) == 1
    assert any(t.get_text() == "自定义标题" for t in ax.texts)
    assert ax.get_legend() is not None
    fig.canvas.draw()


def test_frame_audience_view_stage_on_top() -> None:
    """Plan frame with +y up = audience view: larger x to the right, stage and dais at the top."""
    problem, plan = make_tiny()
    ax = draw_plan(problem, plan)
    ax.figure.canvas.draw()
    renderer = ax.figure.canvas.get_renderer()
    d1, d2 = _seat_centre_px(ax, "d1"), _seat_centre_px(ax, "d2")
    f1, f3 = _seat_centre_px(ax, "f1"), _seat_centre_px(ax, "f3")
    # display coordinates: x grows to the right, y grows upwards
    assert d2[0] > d1[0]
    assert f3[0] > f1[0]
    assert d1[1] > f1[1] and d2[1] > f3[1]
    # the names follow their seats
    names = {t.get_text(): _centre_px(t, renderer) for t in ax.texts}
    names |= {label.text: tuple(ax.transData.transform((label.x, label.y))) for label in _labels(ax)}
    assert names["李明"][0] > names["王建国"][0]
    assert names["刘秀英"][0] > names["张伟"][0]
    # the stage polygon is above every floor seat, and the main door label below them
    from matplotlib.colors import to_hex

    stages = [p for p in ax.patches if to_hex(p.get_facecolor()) == style.STAGE_FACE]
    assert stages
    stage_bottom = stages[0].get_window_extent(renderer).y0
    assert stage_bottom > f1[1]
    assert names["正门"][1] < f1[1]


def test_save_plan_images_deterministic(tmp_path: Path) -> None:
    problem, plan = make_tiny()
    png1, svg1 = tmp_path / "a" / "p.png", tmp_path / "a" / "p.svg"
    png2, svg2 = tmp_path / "b" / "p.png", tmp_path / "b" / "p.svg"
    save_plan_images(problem, plan, png1, svg1, title="标题")
    save_plan_images(problem, plan, png2, svg2, title="标题")
    assert png1.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png1.read_bytes() == png2.read_bytes()
    assert svg1.read_bytes() == svg2.read_bytes()
    svg = svg1.read_text(encoding="utf-8")
    assert "<text" not in svg  # text is stored as glyph paths
    assert "<path" in svg
    assert "Software" not in png1.read_bytes()[:2000].decode("latin-1")


def test_save_plan_images_one_format(tmp_path: Path) -> None:
    problem, plan = make_tiny()
    save_plan_images(problem, plan, None, tmp_path / "only.svg")
    assert (tmp_path / "only.svg").is_file()
    assert not list(tmp_path.glob("*.png"))
    save_plan_images(problem, plan, None, None)  # nothing to do, no error


def test_empty_plan_draws_empty_seats() -> None:
    problem, _ = make_tiny()
    ax = draw_plan(problem, None)
    for seat in problem.seats:
        assert _seat_face(ax, seat.id) == style.EMPTY_FACE
    texts = _all_texts(ax)
    assert "王建国" not in texts
    assert {"1", "2", "3"} <= texts  # seat numbers still shown


def test_occupied_seats_take_unit_colours_in_order() -> None:
    problem, plan = make_tiny()
    ax = draw_plan(problem, plan)
    # units in order of first appearance walking the zones: 县委, 县政府, 某某镇, 县财政局
    assert _seat_face(ax, "d1") == style.PALETTE[0]
    assert _seat_face(ax, "d2") == style.PALETTE[1]
    assert _seat_face(ax, "f1") == style.PALETTE[2]
    assert _seat_face(ax, "f3") == style.PALETTE[3]
    assert _seat_face(ax, "f2") == style.EMPTY_FACE
    assert _seat_edge(ax, "d1") == style.DAIS_EDGE


def test_unit_colours_cycle() -> None:
    units = [f"u{i}" for i in range(45)]
    colours = style.unit_colours([*units, "u0"])
    assert len(colours) == 45
    assert colours["u0"] == colours["u20"] == colours["u40"] == style.PALETTE[0]
    assert len(set(style.PALETTE)) == len(style.PALETTE) == 20


def test_every_text_uses_the_cjk_font() -> None:
    from matplotlib.text import Text

    problem, plan = make_tiny()
    ax = draw_plan(problem, plan, title="测试")
    font = str(find_cjk_font())
    texts = [t for t in ax.figure.findobj(Text) if t.get_text()]
    assert texts
    for t in texts:
        assert t.get_fontproperties().get_file() == font, t.get_text()
    # the seat labels are outlines of the same face
    from seatplan.render import labels

    assert labels._font().fname == font and _labels(ax)


def test_show_names_false_hides_names() -> None:
    problem, plan = make_tiny()
    ax = draw_plan(problem, plan, show_names=False)
    texts = _all_texts(ax)
    assert "王建国" not in texts and "1" in texts


def test_stray_seat_in_plan_raises() -> None:
    problem, _ = make_tiny()
    with pytest.raises(UnknownIdError):
        draw_plan(problem, Plan(seat_of={"a1": "nowhere"}))


def test_big_room_is_capped_in_pixels() -> None:
    venue = Venue.rectangle(120, 40)
    seats = (Seat("s1", "floor", 1, 1, 60, 20), Seat("s2", "floor", 1, 2, 60.55, 20))
    problem = SeatingProblem(Layout(venue, seats), (Attendee("a", "王伟"),), (Zone("floor", ("s1", "s2"), ("a",)),))
    ax = draw_plan(problem, Plan(seat_of={"a": "s1"}))
    w, h = ax.figure.get_size_inches()
    assert max(w, h) * 150 <= 8000 + 1


def test_long_names_shrink_or_wrap() -> None:
    st = _SeatStyle(w=0.45, h=0.6, name_fs=12.0, number_fs=8.0, avail_pt=36.0, name_area_pt=40.0)
    assert _fit_name("王伟", st) == ("王伟", 12.0)
    assert _fit_name("王建国", st) == ("王建国", 12.0)
    text, fs = _fit_name("欧阳建国", st)
    assert text == "欧阳建国" and fs == pytest.approx(9.0)
    text, fs = _fit_name("阿卜杜热合曼·买买提", st)
    lines = text.split("\n")
    assert len(lines) in (2, 3) and "".join(lines) == "阿卜杜热合曼·买买提"
    assert all(_em_width(line) * fs <= 36.0 + 1e-6 for line in lines)
    assert fs > 36.0 / _em_width("阿卜杜热合曼·买买提")  # better than one shrunken line


def test_split_lines_prefers_word_breaks() -> None:
    assert _split_lines("阿依古丽·吐尔逊", 2) == ["阿依古丽·", "吐尔逊"]
    assert _split_lines("John Smith Junior", 2) == ["John Smith", "Junior"]
    assert len(_split_lines("阿卜杜热合曼·买买提", 3)) == 3


def test_legend_panel_does_not_cover_the_room() -> None:
    problem, plan = make_tiny()
    ax = draw_plan(problem, plan)
    fig = ax.figure
    assert len(fig.axes) == 2
    legend_ax = next(a for a in fig.axes if a is not ax)
    assert not ax.get_position().overlaps(legend_ax.get_position())
    texts = {label.text for label in _layer(legend_ax, "legend-labels").labels}
    assert any(t.startswith("县委") and t.endswith("1人") for t in texts)


def test_import_does_not_import_matplotlib() -> None:
    code = "import sys, seatplan.render; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def make_round_table(n: int = 8) -> tuple[SeatingProblem, Plan]:
    """One round table of ``n`` chairs facing its centre (seat 1 at the top, facing down)."""
    import math

    venue = Venue.rectangle(8, 8, doors=(Door(4, 0, 1.5, main=True, name="正门"),))
    seats = []
    for k in range(n):
        angle = 90.0 + 360.0 * k / n
        x, y = 4 + 1.3 * math.cos(math.radians(angle)), 4 + 1.3 * math.sin(math.radians(angle))
        seats.append(Seat(f"t{k + 1}", "banquet", 1, k + 1, round(x, 4), round(y, 4), (angle + 180.0) % 360.0, table="1"))
    circle = tuple((4 + 0.9 * math.cos(2 * math.pi * i / 48), 4 + 0.9 * math.sin(2 * math.pi * i / 48)) for i in range(48))
    shapes = (Shape(ShapeKind.TABLE, circle, "主桌"),)
    attendees = tuple(Attendee(f"p{k}", _name(k), "甲单位", rank=k) for k in range(1, n + 1))
    zones = (Zone("banquet", tuple(s.id for s in seats), tuple(a.id for a in attendees)),)
    problem = SeatingProblem(Layout(venue, tuple(seats), shapes), attendees, zones, title="圆桌")
    return problem, Plan(seat_of={a.id: s.id for a, s in zip(attendees, seats)})


def test_round_table_chairs_turn_to_the_table() -> None:
    """Chairs are drawn turned to where they face, with their backs away from the table."""
    import numpy as np

    problem, plan = make_round_table()
    ax = draw_plan(problem, plan)
    ax.figure.canvas.draw()
    for seat in problem.seats:
        path = _seat_path(ax, seat.id)
        # turning it back by the seat's turn gives an upright marker (its extents are its sides)
        turn = np.radians(seat.facing - 90.0)
        back = (path.vertices - (seat.x, seat.y)) @ np.array([[np.cos(turn), -np.sin(turn)], [np.sin(turn), np.cos(turn)]])
        width, height = back.max(axis=0) - back.min(axis=0)
        assert width == pytest.approx(height, abs=1e-9)  # chairs round a table are square
        # turned about the seat itself
        assert back.max(axis=0) == pytest.approx(-back.min(axis=0), abs=1e-9)
    backs = [c for c in ax.collections if c.get_gid() == "chair-backs"]
    assert len(backs) == 1
    segments = backs[0].get_segments()
    assert len(segments) == len(problem.seats)
    for seat, seg in zip(problem.seats, segments):
        mid = np.mean(seg, axis=0)
        # the back lies farther from the table centre than the seat itself
        assert np.hypot(*(mid - 4.0)) > np.hypot(seat.x - 4.0, seat.y - 4.0) + 0.1
        # and runs square to the seat's facing
        direction = seg[1] - seg[0]
        facing = np.array([np.cos(np.radians(seat.facing)), np.sin(np.radians(seat.facing))])
        assert abs(float(direction @ facing)) < 1e-6


def test_rows_facing_one_way_are_not_turned_and_have_no_backs() -> None:
    problem, plan = make_hall(60)
    ax = draw_plan(problem, plan)
    assert not [c for c in ax.collections if c.get_gid() == "chair-backs"]
    floor = next(s for s in problem.seats if s.section == "floor")
    width, height = _extent(_seat_path(ax, floor.id))
    assert height > width  # upright: deeper than wide, as seen from the audience


def test_chairs_facing_a_side_wall_are_turned() -> None:
    venue = Venue.rectangle(8, 8, doors=(Door(4, 0, 1.5, main=True, name="正门"),))
    seats = (Seat("w1", "west", 1, 1, 3.0, 4.0, 0.0), Seat("w2", "west", 1, 2, 3.0, 4.6, 0.0))
    attendees = (Attendee("a1", "王建国", "县委", rank=1),)
    problem = SeatingProblem(Layout(venue, seats, ()), attendees, (Zone("west", ("w1", "w2"), ("a1",)),), title="侧向")
    ax = draw_plan(problem, Plan(seat_of={"a1": "w1"}))
    width, height = _extent(_seat_path(ax, "w1"))
    assert width > height  # facing the west wall: the marker's depth runs along x
    (backs,) = [c for c in ax.collections if c.get_gid() == "chair-backs"]
    assert all(seg[0][0] < 3.0 and seg[1][0] < 3.0 for seg in backs.get_segments())  # behind, to the west


# --------------------------------------------------------------------------- unit blocks


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] - 1e-9 and b[0] < a[2] - 1e-9 and a[1] < b[3] - 1e-9 and b[1] < a[3] - 1e-9


def _layer(ax, gid: str):
    (layer,) = [a for a in ax.get_children() if a.get_gid() == gid]
    return layer


def test_every_unit_block_is_labelled_with_name_and_head_count() -> None:
    """Each unit's block on the floor carries "unit N人" on the drawing, above its front row."""
    from seatplan.render.labels import label_box
    from seatplan.render.units import find_unit_blocks

    problem, plan = make_hall(600)
    ax = draw_plan(problem, plan)
    layer = _layer(ax, "unit-labels")
    texts = [label.text for label in layer.labels]
    people = {sid: problem.attendee(aid) for aid, sid in plan.seat_of.items()}
    counts: dict[str, int] = {}
    for person in people.values():
        counts[person.unit] = counts.get(person.unit, 0) + 1
    floor_units = {people[s.id].unit for s in problem.seats if s.id in people and not s.is_dais}
    for unit in floor_units:
        assert f"{unit} {counts[unit]}人" in texts, unit
    # one label per connected block, and no block without one
    unit_of = {sid: p.unit for sid, p in people.items()}
    blocks = find_unit_blocks(problem.seats, unit_of, {"floor": 0.55})
    assert len(texts) == len(blocks) >= len(floor_units)
    # a label never covers a name, a seat number, another unit label or a seat marker
    seats_layer = _layer(ax, "seat-labels")
    others = [label_box(lb, seats_layer.points_per_unit) for lb in seats_layer.labels]
    seats, _ = _seats(ax)
    markers = [tuple(p.vertices.min(axis=0)) + tuple(p.vertices.max(axis=0)) for p in seats.get_paths()]
    mine = [label_box(lb, layer.points_per_unit) for lb in layer.labels]
    for k, box in enumerate(mine):
        assert not any(_overlap(box, other) for other in others), layer.labels[k].text
        assert not any(_overlap(box, m) for m in markers), layer.labels[k].text
        assert not any(_overlap(box, o) for j, o in enumerate(mine) if j != k), layer.labels[k].text
    # readable: not smaller than the seat numbers
    number = min(lb.size for lb in seats_layer.labels if lb.gid.startswith("number-"))
    assert min(lb.size for lb in layer.labels) >= number


def test_unit_labels_are_in_the_svg(tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    problem, plan = make_hall(120)
    save_plan_images(problem, plan, None, tmp_path / "p.svg")
    svg = (tmp_path / "p.svg").read_text(encoding="utf-8")
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    (group,) = [g for g in root.iter(f"{ns}g") if g.get("id") == "unit-labels"]
    labelled = [g for g in group if g.get("id", "").startswith("unit-")]
    assert labelled and all(list(g) for g in labelled)  # each label has glyphs
    comments = set()
    for unit in {problem.attendee(a).unit for a in plan.seat_of if not problem.attendee(a).section}:
        n = sum(1 for a in plan.seat_of if problem.attendee(a).unit == unit)
        comments.add(f"<!-- {unit} {n}人 -->")
    assert all(c in svg for c in comments)
    # every seat is an element of its own, found by its id
    for seat in problem.seats:
        assert f'id="seat-{seat.id}"' in svg


def test_unit_blocks_split_by_aisles_and_joined_across_rows() -> None:
    from seatplan.render.units import find_unit_blocks

    seats = []
    for row, y in ((1, 10.0), (2, 9.1)):
        for k, x in enumerate((0.0, 0.55, 1.1, 3.0, 3.55), start=1):  # an aisle between 1.1 and 3.0
            seats.append(Seat(f"r{row}s{k}", "floor", row, k, x, y, FACING_FRONT))
    unit_of = {s.id: "甲" for s in seats}
    unit_of["r1s3"] = "乙"
    blocks = find_unit_blocks(seats, unit_of, {"floor": 0.55})
    by_unit = sorted((b.unit, b.seat_ids) for b in blocks)
    # 甲 left of the aisle (rows 1 and 2 joined), 甲 right of it, 乙 alone
    assert by_unit == [
        ("乙", ("r1s3",)),
        ("甲", ("r1s1", "r1s2", "r2s1", "r2s2", "r2s3")),
        ("甲", ("r1s4", "r1s5", "r2s4", "r2s5")),
    ]
    # every occupied seat is in exactly one block, and a block holds one unit
    seen = [sid for b in blocks for sid in b.seat_ids]
    assert sorted(seen) == sorted(unit_of)
    assert all(len({unit_of[sid] for sid in b.seat_ids}) == 1 for b in blocks)
    front = next(b for b in blocks if b.seat_ids[0] == "r1s1").front
    assert [s.id for s in front] == ["r1s1", "r1s2"]


# --------------------------------------------------------------------------- the glyph layer and the PNG writer


def test_names_are_inked_where_their_labels_are() -> None:
    """The label layer really draws: dark pixels at each name, none in an empty part of the floor."""
    import numpy as np

    problem, plan = make_tiny()
    ax = draw_plan(problem, plan)
    fig = ax.figure
    fig.canvas.draw()
    pixels = np.asarray(fig.canvas.buffer_rgba())
    height = pixels.shape[0]

    def dark_pixels(x: float, y: float, r: int) -> int:
        px, py = ax.transData.transform((x, y))
        col, row = round(float(px)), round(float(height - py))
        window = pixels[row - r : row + r, col - r : col + r, :3].astype(int)
        return int((window.sum(axis=2) < 200).sum())

    names = [label for label in _labels(ax) if label.gid.startswith("name-")]
    assert {label.text for label in names} == {"王建国", "李明", "张伟", "刘秀英"}
    for label in names:
        assert dark_pixels(label.x, label.y, 6) > 5, label.text
    assert dark_pixels(5.0, 5.0, 6) == 0


def test_svg_names_are_searchable_and_reference_defined_glyphs(tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    problem, plan = make_tiny()
    save_plan_images(problem, plan, None, tmp_path / "p.svg")
    svg = (tmp_path / "p.svg").read_text(encoding="utf-8")
    for name in ("王建国", "李明", "张伟", "刘秀英"):
        assert f"<!-- {name} -->" in svg
    # a long name drawn on two or three lines is still found whole
    long_problem, long_plan = make_hall(600)
    long_names = [a.name for a in long_problem.attendees if len(a.name) > 6]
    assert long_names
    save_plan_images(long_problem, long_plan, None, tmp_path / "long.svg")
    long_svg = (tmp_path / "long.svg").read_text(encoding="utf-8")
    assert all(f"<!-- {name} -->" in long_svg for name in long_names)
    root = ET.fromstring(svg)
    ids = {e.get("id") for e in root.iter() if e.get("id")}
    hrefs = {e.get("{http://www.w3.org/1999/xlink}href") for e in root.iter()} - {None}
    assert hrefs and {h[1:] for h in hrefs} <= ids  # every <use> points at a definition
    assert {"name-d1", "name-f3", "seat-f2", "number-f2"} <= ids


def test_hostile_names_and_ids_stay_well_formed_svg(tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    venue = Venue.rectangle(10, 8, doors=(Door(5, 0, 1.5, main=True),))
    seats = (Seat('a"&<b>', "floor", 1, 1, 4.5, 4.0, FACING_FRONT), Seat("s--2", "floor", 1, 2, 5.05, 4.0, FACING_FRONT))
    attendees = (Attendee("p1", "<!-- x -->&\"李\"", "A&B--"), Attendee("p2", "Wen-hua-\x01", "县委"))
    problem = SeatingProblem(Layout(venue, seats, ()), attendees, (Zone("floor", tuple(s.id for s in seats), ("p1", "p2")),))
    save_plan_images(problem, Plan(seat_of={"p1": 'a"&<b>', "p2": "s--2"}), None, tmp_path / "p.svg")
    root = ET.parse(tmp_path / "p.svg").getroot()  # parses: nothing breaks out of its comment or attribute
    ids = {e.get("id") for e in root.iter() if e.get("id")}
    assert 'seat-a"&<b>' in ids and "seat-s--2" in ids


def test_png_writer_round_trips(tmp_path: Path) -> None:
    import numpy as np
    from PIL import Image

    from seatplan.render.png import write_png

    rng = np.random.default_rng(1)
    pixels = rng.integers(0, 256, size=(37, 53, 4), dtype=np.uint8)
    write_png(pixels, tmp_path / "x.png", 150)
    with Image.open(tmp_path / "x.png") as im:
        assert im.mode == "RGBA" and im.size == (53, 37)
        assert np.array_equal(np.asarray(im), pixels)
        assert round(im.info["dpi"][0]) == 150


def test_characters_the_face_lacks_or_cannot_show_do_not_break_the_drawing() -> None:
    from seatplan.render.labels import Label, label_box, text_width_em

    assert text_width_em("李\x01\u200d明") == text_width_em("李明")  # controls and joiners take no room
    assert text_width_em("\U0001F600") > 0  # a character the face lacks: its missing-glyph box
    box = label_box(Label("王\x01", 0.0, 0.0, 10.0), 72.0)
    assert box[2] > box[0]


#: Random halls tried by the unit-label property test; ``SEATPLAN_RANDOM_HALLS=200`` searches longer.
RANDOM_HALLS = int(os.environ.get("SEATPLAN_RANDOM_HALLS", "6"))


def _random_hall(unit_sizes: list[int], name_lengths: list[int], rows: int, blocks: tuple[int, ...]) -> tuple[SeatingProblem, Plan]:
    """A hall of ``rows`` rows split by aisles into ``blocks``, filled front to back by units in order."""
    width = sum(blocks) * 0.55 + 1.2 * (len(blocks) - 1) + 4.0
    venue = Venue.rectangle(width, rows * 0.9 + 8.0, stage_depth=3.0, doors=(Door(width / 2, 0.0, 2.0, main=True),))
    seats: list[Seat] = []
    for row in range(1, rows + 1):
        x, k = 2.0, 0
        for n in blocks:
            for _ in range(n):
                k += 1
                seats.append(Seat(f"r{row}s{k}", "floor", row, k, round(x, 4), rows * 0.9 + 3.0 - row * 0.9, FACING_FRONT))
                x += 0.55
            x += 1.2
    attendees: list[Attendee] = []
    for u, (size, length) in enumerate(zip(unit_sizes, name_lengths)):
        unit = ("某" * length)[: max(1, length - 1)] + f"{u}"
        attendees.extend(Attendee(f"u{u}p{i}", "王" + "建国"[: 1 + i % 2], unit, rank=i + 1, unit_order=u + 1) for i in range(size))
    attendees = attendees[: len(seats)]
    plan = Plan(seat_of={a.id: s.id for a, s in zip(attendees, seats)})
    zones = (Zone("floor", tuple(s.id for s in seats), tuple(a.id for a in attendees)),)
    return SeatingProblem(Layout(venue, tuple(seats), ()), tuple(attendees), zones, title="随机"), plan


@pytest.mark.parametrize("seed", range(RANDOM_HALLS))
def test_unit_labels_never_cover_names_or_each_other_in_random_halls(seed: int) -> None:
    import random

    from seatplan.render.labels import label_box

    rng = random.Random(seed)
    blocks = tuple(rng.choice((4, 8, 12, 20)) for _ in range(rng.randint(1, 3)))
    rows = rng.randint(2, 12)
    n_units = rng.randint(1, 40)
    problem, plan = _random_hall([rng.choice((1, 1, 2, 3, 5, 9, 20)) for _ in range(n_units)],
                                 [rng.randint(2, 16) for _ in range(n_units)], rows, blocks)
    ax = draw_plan(problem, plan)
    units_layer, seats_layer = _layer(ax, "unit-labels"), _layer(ax, "seat-labels")
    mine = [label_box(lb, units_layer.points_per_unit) for lb in units_layer.labels]
    names = [label_box(lb, seats_layer.points_per_unit) for lb in seats_layer.labels]
    seats, _ = _seats(ax)
    markers = [tuple(p.vertices.min(axis=0)) + tuple(p.vertices.max(axis=0)) for p in seats.get_paths()]
    units = {problem.attendee(a).unit for a in plan.seat_of}
    assert {lb.text.replace("\n", " ").rsplit(" ", 1)[0] for lb in units_layer.labels} == units
    for k, box in enumerate(mine):
        text = units_layer.labels[k].text
        assert not any(_overlap(box, other) for other in names), text
        assert not any(_overlap(box, m) for m in markers), text
        assert not any(_overlap(box, o) for j, o in enumerate(mine) if j != k), text
