"""Plan files: every key read, every error names file, key and value."""

from __future__ import annotations

from pathlib import Path

import pytest

from seatplan import Convention, EvenMode, FillMethod, Numbering, PlanFileError, Side, load_meeting
from seatplan.errors import AttendeeFileError
from tests.conftest import ROOT, write_small_meeting


def test_reads_small_plan(small_plan: Path) -> None:
    m = load_meeting(small_plan)
    assert m.title == "测试会议"
    assert m.convention is Convention.CN
    assert m.venue.bounds == (0.0, 0.0, 16.0, 14.0)
    assert m.venue.main_door is not None and m.venue.main_door.name == "正门"
    assert m.dais is not None and m.dais.rows == (7,) and m.dais.even_mode is EvenMode.V1
    assert m.floor is not None and m.floor.blocks == (6, 8, 6)
    assert len(m.attendees) == 5 + 21
    assert m.source == small_plan


def test_reads_every_key(tmp_path: Path) -> None:
    plan = write_small_meeting(tmp_path)
    text = plan.read_text(encoding="utf-8").replace("[dais]", '[dais]\neven_mode = "V2"\nseat_pitch = 0.9\nrow_pitch = 1.1')
    text = text.replace('title = "测试会议"', 'title = "测试会议"\ndate = "2026-12-01"\nconvention = "intl"\nallow_unseated = true')
    text += (
        'seat_width = 0.5\nrow_pitch = 0.95\naisle_width = 1.1\nside_aisle = 0.9\nfront_gap = 1.5\nback_gap = 1.0\n'
        'fill = "centre-out"\nnumbering = "centre-out"\nodd_side = "left"\nunit_order = ["乙单位", "甲单位"]\n'
        '[cards]\nsections = ["dais", "floor"]\nserif = false\nspace_two_char_names = false\n'
        '[[venue.obstacles]]\npoints = [[1, 1], [1.5, 1], [1.5, 1.5], [1, 1.5]]\nname = "柱"\n'
    )
    plan.write_text(text, encoding="utf-8")
    m = load_meeting(plan)
    assert m.convention is Convention.INTL and m.allow_unseated and m.date == "2026-12-01"
    assert m.dais is not None and m.dais.even_mode is EvenMode.V2 and m.dais.seat_pitch == 0.9 and m.dais.row_pitch == 1.1
    f = m.floor
    assert f is not None
    assert (f.seat_width, f.row_pitch, f.aisle_width, f.side_aisle, f.front_gap, f.back_gap) == (0.5, 0.95, 1.1, 0.9, 1.5, 1.0)
    assert f.fill is FillMethod.CENTRE_OUT and f.numbering is Numbering.CENTRE_OUT and f.odd_side is Side.LEFT
    assert f.unit_order == ("乙单位", "甲单位")
    assert m.cards.sections == ("dais", "floor") and not m.cards.serif and not m.cards.space_two_char_names
    assert len(m.venue.obstacles) == 1


def test_outline_instead_of_size(tmp_path: Path) -> None:
    plan = write_small_meeting(tmp_path)
    text = plan.read_text(encoding="utf-8").replace("width = 16.0\ndepth = 14.0", "outline = [[0, 0], [16, 0], [16, 14], [0, 14]]")
    plan.write_text(text, encoding="utf-8")
    assert load_meeting(plan).venue.bounds == (0.0, 0.0, 16.0, 14.0)


def _error(tmp_path: Path, old: str, new: str) -> PlanFileError:
    plan = write_small_meeting(tmp_path)
    text = plan.read_text(encoding="utf-8")
    assert old in text
    plan.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(PlanFileError) as info:
        load_meeting(plan)
    return info.value


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError, match="file not found") as info:
        load_meeting(tmp_path / "nope.toml")
    assert "nope.toml" in str(info.value)


def test_bad_toml_names_line(tmp_path: Path) -> None:
    err = _error(tmp_path, 'title = "测试会议"', "title = 测试会议")
    assert "line 2" in str(err) and "plan.toml" in str(err)


def test_unknown_key_suggests(tmp_path: Path) -> None:
    err = _error(tmp_path, "stage_depth", "stage_dept")
    assert err.location.field == "venue.stage_dept"
    assert "did you mean 'stage_depth'" in str(err)


def test_bad_type_names_key_and_value(tmp_path: Path) -> None:
    err = _error(tmp_path, "width = 16.0", 'width = "16 m"')
    assert err.location.field == "venue.width" and err.location.value == "16 m"
    assert "plan.toml" in str(err) and "number" in str(err)


def test_bad_choice_lists_allowed(tmp_path: Path) -> None:
    err = _error(tmp_path, "[dais]", '[dais]\neven_mode = "V4"')
    assert err.location.field == "dais.even_mode" and "'V1', 'V2', 'V3'" in str(err)


def test_bad_value_from_model_is_relocated(tmp_path: Path) -> None:
    err = _error(tmp_path, "rows = 0", "rows = 0\nseat_width = -0.5")
    assert err.location.field == "floor.seat_width" and "plan.toml" in str(err)


def test_newer_format_version(tmp_path: Path) -> None:
    err = _error(tmp_path, "format_version = 1", "format_version = 2")
    assert err.location.field == "format_version" and err.location.value == 2


def test_missing_attendees_key_and_file(tmp_path: Path) -> None:
    err = _error(tmp_path, 'attendees = "attendees.csv"', "")
    assert err.location.field == "attendees" and "missing" in str(err)
    err = _error(tmp_path, 'attendees = "attendees.csv"', 'attendees = "list.xlsx"')
    assert err.location.value == "list.xlsx" and "does not exist" in str(err)


def test_missing_room_size(tmp_path: Path) -> None:
    err = _error(tmp_path, "width = 16.0\n", "")
    assert err.location.field == "venue" and "size" in str(err)


def test_bad_door(tmp_path: Path) -> None:
    err = _error(tmp_path, "x = 8.0\n", "")
    assert err.location.field == "venue.doors[0].x"


def test_attendee_errors_pass_through(tmp_path: Path) -> None:
    plan = write_small_meeting(tmp_path)
    csv = tmp_path / "attendees.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace("领导3,", ",", 1), encoding="utf-8")
    with pytest.raises(AttendeeFileError) as info:
        load_meeting(plan)
    assert info.value.location.row == 4


def test_bundled_examples_load() -> None:
    for plan in sorted((ROOT / "examples").glob("*/plan.toml")):
        assert load_meeting(plan).attendees
