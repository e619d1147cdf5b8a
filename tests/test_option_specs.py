"""Typed option specs: built in Python or read from a plan file, checked when they are made."""

from __future__ import annotations

import ast
import dataclasses
import inspect
import re
import typing
from dataclasses import replace
from enum import Enum
from pathlib import Path

import pytest

from seatplan import build_problem, load_meeting, solve
from seatplan.errors import PlanFileError, ValidationError
from seatplan.io.plan_file import SPECS
from seatplan.model import (
    BalconySpec,
    BanquetSpec,
    DaisSpec,
    FloorSpec,
    Meeting,
    MeetingRoomSpec,
    PhotoSpec,
    ReceptionSpec,
    RulesSpec,
    SigningSpec,
    TalksSpec,
)
from seatplan.model.banquet import Arrangement, BanquetVariant, MainPosition
from seatplan.model.enums import Choice, Convention, OccasionKind, coerce_choice
from seatplan.model.rooms import InterpreterSeats, TableOrientation, TableShape
from tests.conftest import write_small_meeting

ROOT = Path(__file__).resolve().parent.parent
ALL_SPECS = tuple(SPECS.values())  # every option table of the plan file, those added later included
CJK = re.compile(r"[\u3400-\u9fff]")


def _seating(meeting: Meeting) -> dict[str, str]:
    return dict(solve(build_problem(meeting)).require_plan().seat_of)


# --------------------------------------------------------------------------------------
# Python-built specs solve as the plan file does
# --------------------------------------------------------------------------------------


def test_python_banquet_spec_solves_as_the_plan_file() -> None:
    read = load_meeting(ROOT / "examples" / "banquet" / "plan.toml")
    spec = BanquetSpec(
        tables=12, seats_per_table=10, arrangement=Arrangement.STAGGERED, columns=5, table_gap=1.8, wall_gap=0.9,
        stage_gap=1.5, main_position=MainPosition.FAR, cohost=False, variant=BanquetVariant.CN_A,
    )
    assert spec == read.banquet
    built = Meeting(title=read.title, venue=read.venue, attendees=read.attendees, occasion="banquet", banquet=spec)
    assert _seating(built) == _seating(read)


def test_python_talks_spec_solves_as_the_plan_file() -> None:
    read = load_meeting(ROOT / "examples" / "talks" / "plan.toml")
    spec = TalksSpec(orientation="pointing", interpreters=InterpreterSeats.AT_TABLE, seat_pitch=0.8, table="rectangle")
    assert spec == read.talks and spec.orientation is TableOrientation.POINTING and spec.table is TableShape.RECTANGLE
    built = Meeting(title=read.title, venue=read.venue, attendees=read.attendees, convention="intl", occasion="talks", talks=spec)
    assert _seating(built) == _seating(read)


def test_default_spec_equals_no_table(tmp_path: Path) -> None:
    """An empty option table and no table at all seat the same (the spec's defaults)."""
    plan = write_small_meeting(tmp_path, extra="\n[rules]\n")
    meeting = load_meeting(plan)
    assert meeting.rules == RulesSpec() and meeting.banquet is None


# --------------------------------------------------------------------------------------
# bad values: the file, the key, the value and a fix, when the file is read
# --------------------------------------------------------------------------------------


def _wrong_value(kind: object) -> object:
    """A TOML value of the wrong type (or an unknown choice) for a field annotated ``kind``."""
    args = [a for a in typing.get_args(kind) if a is not type(None)]
    if typing.get_origin(kind) in (typing.Union, __import__("types").UnionType):
        kind = args[0]
    if typing.get_origin(kind) is tuple:
        return 7
    if kind is bool:
        return "yes"
    if kind in (int, float):
        return "three"
    if kind is str:
        return 5
    if isinstance(kind, type) and issubclass(kind, Enum):
        return "no-such-choice"
    return 7  # tables of names (pins, seat_tags, weights): a number is never right


def _bad_cases() -> list[tuple[str, str, object]]:
    cases = []
    for spec in ALL_SPECS:
        hints = typing.get_type_hints(spec)
        for f in dataclasses.fields(spec):
            cases.append((spec.TABLE, f.name, _wrong_value(hints[f.name])))  # type: ignore[attr-defined]
    return cases


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return str(value)


@pytest.mark.parametrize(("table", "key", "value"), _bad_cases())
def test_every_key_of_every_spec_refuses_a_wrong_type_at_load_time(tmp_path: Path, table: str, key: str, value: object) -> None:
    plan = write_small_meeting(tmp_path, extra=f"\n[{table}]\n{key} = {_toml(value)}\n")
    with pytest.raises(PlanFileError) as info:
        load_meeting(plan)
    loc = info.value.location
    assert str(loc.file).endswith("plan.toml")
    assert loc.field == f"{table}.{key}" and loc.value == value
    assert "Fix:" in str(info.value)


@pytest.mark.parametrize(
    ("table", "body", "field", "words"),
    [
        ("banquet", "tables = -1", "banquet.tables", "0 or more"),
        ("banquet", "table_gap = 0.5", "banquet.table_gap", "R-PHY-10"),
        ("banquet", "rows = [3, 0]", "banquet.rows", "at least 1 table"),
        ("banquet", 'tie_break = ["far", "far"]', "banquet.tie_break", "repeats"),
        ("banquet", 'tie_break = ["far", "nearest"]', "banquet.tie_break[1]", "is not one of"),
        ("banquet", "rows = [3, 4]\ntables = 5", "banquet.rows", "add up"),
        ("banquet", 'style = "french"\ncohost = true', "banquet.cohost", "round tables only"),
        ("banquet", "long_table_width = 1.2", "banquet.long_table_width", "Western long table"),
        ("banquet", 'guest_outranks_host = "maybe"', "banquet.guest_outranks_host", '"auto"'),
        ("reception", 'form = "centre"\narm_spacing = 1.0', "reception.arm_spacing", "does not apply"),
        ("reception", "armchair_width = 3.0", "reception.armchair_width", "between"),
        ("talks", "multilateral = true\norientation = \"across\"", "talks.orientation", "does not apply"),
        ("talks", 'table = "round"', "talks.table", "multilateral"),
        ("talks", "table_side = 3.0", "talks.table_side", "multilateral talks only"),
        ("signing", "pitch = 3.0", "signing.pitch", "between"),
        ("photo", "rows = [5, 0]", "photo.rows[1]", "at least one place"),
        ("photo", "max_per_row = 0", "photo.max_per_row", "between"),
        ("meeting_room", "chair_side = 4", "meeting_room.chair_side", "odd"),
        ("meeting_room", 'feature_wall = "left"', "meeting_room.feature_wall", "feature-wall"),
        ("rules", 'keep_apart = [["甲"]]', "rules.keep_apart[0]", "two or more"),
        ("rules", "exit_distance = -1.0", "rules.exit_distance", "zero or more"),
        ("rules", "weights = { order = -1 }", "rules.weights.order", ">= 0"),
        ("rules", "weights = { orders = 1 }", "rules.weights.orders", "did you mean"),
        ("rules", "wrapp = true", "rules.wrapp", "did you mean 'wrap'"),
    ],
)
def test_bad_values_are_refused_when_the_file_is_read(tmp_path: Path, table: str, body: str, field: str, words: str) -> None:
    plan = write_small_meeting(tmp_path, extra=f"\n[{table}]\n{body}\n")
    with pytest.raises(PlanFileError) as info:
        load_meeting(plan)
    assert info.value.location.field == field and words in str(info.value)
    assert str(info.value.location.file).endswith("plan.toml") and "Fix:" in str(info.value)


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: BanquetSpec(tables=-2), "banquet.tables"),
        (lambda: BanquetSpec(style="english", tables=3), "banquet.tables"),
        (lambda: TalksSpec(seat_pitch="wide"), "talks.seat_pitch"),
        (lambda: ReceptionSpec(form="centre", arm_spacing=2.0), "reception.arm_spacing"),
        (lambda: PhotoSpec(rows=[3, -1]), "photo.rows[1]"),
        (lambda: MeetingRoomSpec(mode="圆桌"), "meeting_room.mode"),
        (lambda: SigningSpec(assistants="no"), "signing.assistants"),
        (lambda: RulesSpec(pins={"张三": 3}), "rules.pins.张三"),
    ],
)
def test_specs_built_in_python_are_checked_too(build: typing.Callable[[], object], field: str) -> None:
    with pytest.raises(ValidationError) as info:
        build()
    assert info.value.location.field == field and info.value.hint


def test_meeting_refuses_a_spec_of_the_wrong_kind(tmp_path: Path) -> None:
    meeting = load_meeting(write_small_meeting(tmp_path))
    with pytest.raises(ValidationError, match="TalksSpec"):
        replace(meeting, talks=BanquetSpec())


# --------------------------------------------------------------------------------------
# enums: every Chinese name is accepted, everywhere
# --------------------------------------------------------------------------------------


def _option_enums() -> list[type[Enum]]:
    """Every enum a spec field (or the plan's top level) takes."""
    found: dict[str, type[Enum]] = {"Convention": Convention, "OccasionKind": OccasionKind}
    for spec in (*ALL_SPECS, DaisSpec, FloorSpec, BalconySpec):
        for kind in typing.get_type_hints(spec).values():
            stack = [kind]
            while stack:
                k = stack.pop()
                stack += typing.get_args(k)
                if isinstance(k, type) and issubclass(k, Enum):
                    found[k.__name__] = k
    return sorted(found.values(), key=lambda e: e.__name__)


OPTION_ENUMS = _option_enums()


@pytest.mark.parametrize("enum", OPTION_ENUMS, ids=lambda e: e.__name__)
def test_every_option_enum_accepts_its_chinese_names(enum: type[Enum]) -> None:
    assert issubclass(enum, Choice), f"{enum.__name__} is an option: make it a Choice so aliases are accepted"
    source = inspect.getsource(enum)
    for member in enum:
        line = next(ln for ln in source.splitlines() if re.match(rf"\s+{member.name}\s*=", ln))
        names = CJK.findall(line.split("#")[0])
        if CJK.search(line.split("#", 1)[-1]) and "#" in line:
            # a Chinese word in the comment of a member is its name: it must be an alias too
            assert names, f"{enum.__name__}.{member.name}: the Chinese name in its comment is not an alias"
        for alias in getattr(member, "aliases", ()):
            assert coerce_choice(enum, alias, "key") is member
            assert coerce_choice(enum, f"  {alias} ", "key") is member
            assert enum(alias) is member
        assert coerce_choice(enum, member.name.lower(), "key") is member
        assert coerce_choice(enum, str(member.value).upper(), "key") is member


def test_option_enums_are_found() -> None:
    names = {e.__name__ for e in OPTION_ENUMS}
    assert {"FillMethod", "ReceptionForm", "RoomMode", "BanquetStyle", "PairMode", "Numbering"} <= names


@pytest.mark.parametrize(
    ("table", "body", "attr", "expected"),
    [
        ("floor", 'fill = "横排法"', ("floor", "fill"), "rows"),
        ("floor", 'fill = "竖排法"', ("floor", "fill"), "columns"),
        ("floor", 'numbering = "单双号"', ("floor", "numbering"), "centre-out"),
        ("floor", 'unit_order_by = "姓氏笔画"', ("floor", "unit_order_by"), "strokes"),
        ("reception", 'form = "居中式"', ("reception", "form"), "centre"),
        ("talks", 'orientation = "竖桌式"', ("talks", "orientation"), "pointing"),
        ("meeting_room", 'mode = "依景设座"', ("meeting_room", "mode"), "feature-wall"),
        ("banquet", 'arrangement = "梅花"', ("banquet", "arrangement"), "staggered"),
    ],
)
def test_chinese_names_in_plan_files(tmp_path: Path, table: str, body: str, attr: tuple[str, str], expected: str) -> None:
    plan = write_small_meeting(tmp_path)
    text = plan.read_text(encoding="utf-8")
    if f"[{table}]" in text:
        text = text.replace(f"[{table}]\n", f"[{table}]\n{body}\n", 1)
    else:
        text += f"\n[{table}]\n{body}\n"
    plan.write_text(text, encoding="utf-8")
    meeting = load_meeting(plan)
    assert getattr(getattr(meeting, attr[0]), attr[1]).value == expected


def test_top_level_choices_accept_chinese(tmp_path: Path) -> None:
    plan = write_small_meeting(tmp_path)
    plan.write_text('convention = "以右为上"\n' + plan.read_text(encoding="utf-8"), encoding="utf-8")
    assert load_meeting(plan).convention is Convention.INTL


@pytest.mark.parametrize("invisible", ["\u200b", "\u200e", "\x07", "\ufeff"])
def test_invisible_characters_are_shown_escaped(tmp_path: Path, invisible: str) -> None:
    escaped = f"\\u{ord(invisible):04x}"  # written as a TOML escape: the file itself stays valid
    plan = write_small_meeting(tmp_path, extra=f'\n[photo]\n"rows{escaped}" = [3]\n')
    with pytest.raises(PlanFileError) as info:
        load_meeting(plan)
    text = str(info.value)
    assert invisible not in text and repr(invisible)[1:-1] in text and "did you mean 'rows'" in text
    plan = write_small_meeting(tmp_path, extra=f'\n[talks]\norientation = "across{escaped}x"\n')
    with pytest.raises(PlanFileError) as info:
        load_meeting(plan)
    text = str(info.value)
    assert invisible not in text and 'did you mean "across"' in text


# --------------------------------------------------------------------------------------
# layers: the occasions and the requests read typed specs, not the plan reader
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", [*sorted((ROOT / "seatplan" / "occasions").glob("*.py")), ROOT / "seatplan" / "rules.py"], ids=lambda p: p.name
)
def test_occasions_and_rules_do_not_import_io(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    modules += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    assert not [m for m in modules if m == "seatplan.io" or m.startswith("seatplan.io.")]


def test_every_spec_is_a_meeting_field_and_a_plan_table() -> None:
    fields = {f.name: f for f in dataclasses.fields(Meeting)}
    for name, spec in SPECS.items():
        assert name == spec.TABLE and name in fields  # type: ignore[attr-defined]
        assert dataclasses.is_dataclass(spec) and spec.__dataclass_params__.frozen  # type: ignore[attr-defined]


# --------------------------------------------------------------------------------------
# seat tags: one enum
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "example", ["county", "banquet", "banquet-western", "reception", "reception-chair", "talks", "signing", "photo", "meeting-room"]
)
def test_seat_tags_of_every_occasion_are_seat_tag_members(example: str) -> None:
    from seatplan.model.seats import SeatTag

    meeting = load_meeting(ROOT / "examples" / example / "plan.toml")
    problem = build_problem(replace(meeting, rules=RulesSpec(exit_distance=3.0)))  # requests add aisle / exit tags
    if example == "county":
        assert any(SeatTag.AISLE in s.tags for s in problem.seats) and any(SeatTag.EXIT in s.tags for s in problem.seats)
    numbered = re.compile(r"^(block|reserved)-\d+$")  # the block / reserved block a seat is in
    for seat in problem.seats:
        for tag in seat.tags:
            assert isinstance(tag, SeatTag) or numbered.match(tag), f"{seat.id}: bare tag {tag!r}"
