"""Room files and the fit questions: fit_room, choose_room, size_room, choose_layout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from seatplan.errors import PlanFileError
from seatplan.fit import choose_layout, choose_room, fit_room, load_room, run_fit, size_room
from seatplan.io.room_file import LAYOUT_TABLES, SPACING_KEYS, load_room_file
from seatplan.layout.room import LayoutKind
from seatplan.layout.spacing import Spacing

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples" / "rooms").glob("*.toml"))

ROOM = """\
format_version = 1
title = "测试厅"

[venue]
name = "测试厅"
width = 12.0
depth = 9.0

[[venue.doors]]
x = 6.0
y = 0.0
width = 1.5
main = true
name = "正门"
{extra}
"""


def write_room(folder: Path, extra: str = "") -> Path:
    path = folder / "room.toml"
    path.write_text(ROOM.format(extra=extra), encoding="utf-8")
    return path


def test_every_example_room_fits_to_code() -> None:
    assert len(EXAMPLES) >= 7
    kinds = set()
    for path in EXAMPLES:
        report = fit_room(path)
        kinds.add(report.kind)
        assert report.seats > 0, path.name
        assert report.check.ok, (path.name, report.check.messages())
    assert kinds == set(LayoutKind)  # one example per generator


def test_an_example_with_an_irregular_room_and_pillars() -> None:
    setup = load_room(ROOT / "examples" / "rooms" / "irregular-hall.toml")
    assert len(setup.venue.obstacles) >= 2 and len(setup.venue.outline) > 4


def test_fit_writes_json_and_drawings_deterministically(tmp_path: Path) -> None:
    room = ROOT / "examples" / "rooms" / "oval-room.toml"
    first = fit_room(room, out_dir=tmp_path / "a")
    second = fit_room(room, out_dir=tmp_path / "b")
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names == ["fit.json", "plan.png", "plan.svg"]
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    data = json.loads((tmp_path / "a" / "fit.json").read_text(encoding="utf-8"))
    assert data["seats"] == first.seats == second.seats
    assert data["layout"] == "oval" and data["profile"] == "gb50016"
    assert data["check"]["ok"] is True and data["files"] == ["fit.json", "plan.png", "plan.svg"]
    assert data["spacing"]["meeting_table_per_person"] == 0.6
    assert (tmp_path / "a" / "plan.png").read_bytes()[:4] == b"\x89PNG"


def test_fit_json_of_a_theatre(tmp_path: Path) -> None:
    room = write_room(tmp_path, '[layout]\nkind = "theatre"\nprofile = "ibc"\n')
    report = fit_room(room)
    data = report.to_dict()
    assert data["layout"] == "theatre" and data["profile"] == "ibc"
    assert data["aisles"] and all(a["width"] >= 0.8 for a in data["aisles"])
    assert data["parameters"]["row_pitch"] >= 0.9
    assert data["limited_by"] in ("floor", "exits")
    summary = report.summary()
    assert "theatre (剧院式)" in summary and "check: no problems" in summary


def test_command_line_helper_prints_and_writes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    room = write_room(tmp_path, '[layout]\nkind = "boardroom"\n')
    report = run_fit(room, layout=None, profile="gb50016", out=tmp_path / "out")
    out = capsys.readouterr().out
    assert f"{report.seats} seats" in out and "wrote 3 files" in out
    assert (tmp_path / "out" / "fit.json").is_file()


def test_layout_and_profile_arguments_override_the_file(tmp_path: Path) -> None:
    room = write_room(tmp_path, '[layout]\nkind = "theatre"\n')
    report = fit_room(room, "u-shape", "ibc")
    assert report.kind is LayoutKind.U_SHAPE and report.profile == "ibc"


def test_layout_parameters_and_spacing_from_the_file(tmp_path: Path) -> None:
    extra = """
[layout]
kind = "classroom"

[layout.classroom]
table_length = 2.4
blocks = 2

[spacing]
chair_back_to_table = 0.65

[fire]
grade = 2
stepped = true
"""
    setup = load_room(write_room(tmp_path, extra))
    assert setup.spacing.chair_back_to_table == 0.65 and setup.profile.stepped
    options = setup.options(LayoutKind.CLASSROOM)
    assert options.table_length == 2.4 and options.blocks == 2  # type: ignore[union-attr]
    report = fit_room(tmp_path / "room.toml")
    assert dict(report.answer.generated.params)["seats_per_table"] == 4
    assert report.answer.generated.row_pitch == pytest.approx(0.45 + 0.5 + 0.65)


@pytest.mark.parametrize(
    ("extra", "key", "text"),
    [
        ("colour = 1\n", "venue.doors[0].colour", "not a known key"),
        ('[layout]\nkind = "banquet"\n', "layout.kind", "is not one of"),
        ('[layout]\nprofile = "nfpa"\n', "layout.profile", "unknown fire-code profile"),
        ("[layout.theatre]\nrowpitch = 0.9\n", "layout.theatre.rowpitch", "did you mean 'row_pitch'"),
        ('[layout.theatre]\nrow_pitch = "wide"\n', "layout.theatre.row_pitch", "expected a number"),
        ("[layout.theatre]\nblock_seats = [10, 0]\n", "layout.theatre.block_seats[1]", "at least 1"),
        ('[layout.dais]\nlectern = "middle"\n', "layout.dais.lectern", "is not one of"),
        ('[layout.u_shape]\nopen_to = "left"\n', "layout.u-shape.open_to", "is not one of"),
        ("[layout.stadium]\nrows = 3\n", "layout.stadium", "not a known layout table"),
        ("[spacing]\nseat_width = 5.5\n", "spacing.seat_width", "plausible range"),
        ("[spacing]\nseatwidth = 0.5\n", "spacing.seatwidth", "did you mean 'seat_width'"),
        ("[fire]\ngrade = 7\n", "fire.grade", "grade"),
        ("[fire]\ngrade = true\n", "fire.grade", "1, 2 or 3"),
    ],
)
def test_room_file_errors_name_file_key_and_value(tmp_path: Path, extra: str, key: str, text: str) -> None:
    room = write_room(tmp_path, extra)
    kind = "u-shape" if "u_shape" in extra else "dais" if "dais" in extra else "theatre"
    with pytest.raises(PlanFileError) as info:
        setup = load_room(room)
        setup.options(LayoutKind.coerce(kind))
    err = info.value
    assert str(room) in str(err.location.file)
    assert err.location.field == key
    assert text in err.describe()


def test_generator_errors_are_relocated_to_the_room_file(tmp_path: Path) -> None:
    room = write_room(tmp_path, "[layout.theatre]\nblock_seats = [30]\nrow_pitch = 0.9\n")
    with pytest.raises(PlanFileError) as info:
        fit_room(room)
    assert info.value.location.field == "layout.theatre.block_seats"
    assert str(room) == str(info.value.location.file)


def test_missing_and_broken_files(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError, match="file not found"):
        load_room_file(tmp_path / "nope.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[venue\nwidth = 3", encoding="utf-8")
    with pytest.raises(PlanFileError, match="not valid TOML"):
        load_room_file(bad)
    no_venue = tmp_path / "novenue.toml"
    no_venue.write_text("title = 'x'\n", encoding="utf-8")
    with pytest.raises(PlanFileError, match="missing"):
        load_room_file(no_venue)


def test_room_file_schema_matches_the_layout_layer() -> None:
    assert set(SPACING_KEYS) == {f for f in Spacing.__dataclass_fields__}
    assert set(LAYOUT_TABLES) == {k.value for k in LayoutKind}


def test_choose_room_size_room_and_choose_layout(tmp_path: Path) -> None:
    rooms = [ROOT / "examples" / "rooms" / n for n in ("boardroom.toml", "training-room.toml", "auditorium.toml")]
    answer = choose_room(100, "classroom", rooms)
    assert answer.venue is not None and answer.venue.name == "培训室"
    assert [r[3] for r in answer.ranking] == [True, True, False]
    sized = size_room(40, "classroom", aspect=1.2)
    assert sized.answer is not None and sized.answer.seats >= 40
    ranking = choose_layout(ROOT / "examples" / "rooms" / "u-shape-room.toml", 24)
    assert ranking[0].fits and LayoutKind.DAIS not in {c.kind for c in ranking}
