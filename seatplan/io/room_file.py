"""Room files: TOML describing a room and the layouts to try in it (``seatplan fit``).

A room file has the same ``[venue]`` table as a plan file (read by the plan-file reader), a
``[layout]`` table naming the default layout and fire-code profile, one sub-table of generator
parameters per layout (``[layout.theatre]``, ``[layout.classroom]``, ``[layout.dais]``,
``[layout.boardroom]``, ``[layout.oval]``, ``[layout.u-shape]``, ``[layout.hollow-square]``),
and optional ``[spacing]`` (distances, metres) and ``[fire]`` (building facts) tables::

    format_version = 1
    title = "礼堂容量测算"

    [venue]
    name = "礼堂"
    width = 30.0
    depth = 24.0
    stage_depth = 4.0

    [[venue.doors]]
    x = 15.0
    y = 0.0
    width = 1.8
    main = true

    [layout]
    kind = "theatre"
    profile = "gb50016"

    [layout.theatre]
    curved = true

    [spacing]
    row_pitch = 0.95

    [fire]
    grade = 2

Every key and value is checked here for its type (errors name the file, the dotted key and the
value, with a "did you mean" for typos); values that only the layout layer can judge (a
lectern place, an orientation, a spacing name) are checked when the layout is built, with the
same kind of message. The format is documented in ``docs/layouts.md``.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from seatplan.errors import Location, PlanFileError
from seatplan.io.plan_file import Key, PlanReader, _read_venue
from seatplan.model import FORMAT_VERSION, Convention, EvenMode, Numbering, Side, Venue

__all__ = ["LAYOUT_TABLES", "SPACING_KEYS", "RoomFile", "load_room_file", "room_from_dict"]

#: Layout kinds and the name of their table under ``[layout]`` (dashes; underscores accepted).
LAYOUT_TABLES = ("theatre", "classroom", "dais", "boardroom", "oval", "u-shape", "hollow-square")

#: Keys of ``[spacing]`` (the fields of ``seatplan.layout.spacing.Spacing``), all in metres.
SPACING_KEYS = (
    "seat_width", "row_pitch", "chair_width", "chair_depth", "chair_side_gap", "meeting_table_per_person",
    "dais_per_person", "chair_back_to_table", "seat_to_table_gap", "occupied_zone", "round_table_gap",
    "wall_walkway", "aisle_width", "side_aisle", "classroom_table_depth", "classroom_table_length",
    "classroom_table_gap", "front_table_to_screen", "last_row_wall_extra", "wheelchair_width", "wheelchair_depth",
    "obstacle_gap", "door_clear_depth", "meeting_table_depth", "boardroom_table_depth", "dais_table_depth",
    "dais_edge_gap", "hollow_min",
)


@dataclass(frozen=True)
class RoomFile:
    """What a room file says.

    Parameters
    ----------
    venue
        The room.
    title
        Free title for the diagram.
    kind
        Default layout (``[layout] kind``), or ``None``.
    profile
        Fire-code profile name (``[layout] profile``), or ``None``.
    layouts
        Layout name (as in :data:`LAYOUT_TABLES`) → its parameters, converted to Python values.
    spacing
        ``[spacing]`` values, metres.
    fire
        ``[fire]`` values (``grade``, ``stepped``, ``soft_seats``, ``venue_kind``, ``row_method``).
    source
        The file.
    """

    venue: Venue
    title: str = ""
    kind: str | None = None
    profile: str | None = None
    layouts: Mapping[str, Mapping[str, Any]] = field(default_factory=lambda: MappingProxyType({}))
    spacing: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))
    fire: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    source: Path | None = None

    def layout_options(self, kind: str) -> Mapping[str, Any]:
        """Parameters of one layout (empty if the file has none)."""
        return self.layouts.get(kind, MappingProxyType({}))


def load_room_file(path: str | Path) -> RoomFile:
    """Read a room file.

    Raises
    ------
    PlanFileError
        If the file is missing, not UTF-8 TOML, or has a bad key or value (file, key, value, fix).
    """
    path = Path(path)
    if not path.is_file():
        raise PlanFileError(
            "file not found", location=Location(file=path),
            hint="check the path; a room file is a .toml file (see examples/rooms/ and docs/layouts.md)",
        )
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise PlanFileError(f"is not UTF-8 text ({exc.reason})", location=Location(file=path),
                            hint="save the room file as UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise PlanFileError(f"is not valid TOML: {exc}", location=Location(file=path),
                            hint="fix the syntax at the line given (strings need quotes, tables [name])") from None
    return room_from_dict(data, source=path)


def _positive_int(r: PlanReader) -> Any:
    def convert(value: Any, key: str) -> int:
        n = r.integer(value, key)
        if n < 1:
            raise r.fail(key, value, "must be at least 1", f"write e.g. {key.rsplit('.', 1)[-1]} = 3")
        return n

    return convert


def _count(r: PlanReader) -> Any:
    def convert(value: Any, key: str) -> int:
        n = r.integer(value, key)
        if n < 0:
            raise r.fail(key, value, "must not be negative", f"write e.g. {key.rsplit('.', 1)[-1]} = 0")
        return n

    return convert


def _metres(r: PlanReader) -> Any:
    def convert(value: Any, key: str) -> float:
        x = r.number(value, key)
        if not x > 0:
            raise r.fail(key, value, "must be a positive number of metres", f"write e.g. {key.rsplit('.', 1)[-1]} = 0.9")
        return x

    return convert


def _counts(r: PlanReader) -> Any:
    def convert(value: Any, key: str) -> tuple[int, ...]:
        items = r.int_list(value, key)
        for i, n in enumerate(items):
            if n < 1:
                raise r.fail(f"{key}[{i}]", n, "must be at least 1", "every block or row needs at least one seat")
        return items

    return convert


def _grade(r: PlanReader) -> Any:
    def convert(value: Any, key: str) -> int | str:
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            raise r.fail(key, value, "expected the fire-resistance grade 1, 2 or 3", "write grade = 2")
        return value

    return convert


def _schemas(r: PlanReader) -> dict[str, dict[str, Key]]:
    rows = {
        "blocks": Key(_positive_int(r)),
        "side_aisles": Key(r.flag),
        "rows_per_bank": Key(_positive_int(r)),
        "max_rows": Key(_count(r)),
        "numbering": Key(r.choice(Numbering)),
        "odd_side": Key(r.choice(Side)),
    }
    table = {
        "seats": Key(_positive_int(r)),
        "orientation": Key(r.text),
        "table_depth": Key(_metres(r)),
    }
    return {
        "theatre": {
            **rows,
            "block_seats": Key(_counts(r)),
            "row_pitch": Key(_metres(r)),
            "curved": Key(r.flag),
            "curve_radius": Key(_metres(r)),
            "front_gap": Key(r.number),
        },
        "classroom": {
            **rows,
            "block_tables": Key(_counts(r)),
            "table_length": Key(_metres(r)),
            "seats_per_table": Key(_positive_int(r)),
            "chair_back_to_table": Key(r.number),
        },
        "dais": {
            "rows": Key(_counts(r)),
            "row_count": Key(_positive_int(r)),
            "even_mode": Key(r.choice(EvenMode)),
            "convention": Key(r.choice(Convention)),
            "seat_pitch": Key(_metres(r)),
            "row_pitch": Key(_metres(r)),
            "fixed_chairs": Key(r.flag),
            "lectern": Key(r.text),
        },
        "boardroom": {**table, "end_seats": Key(r.flag)},
        "oval": {**table, "end_seats": Key(r.flag)},
        "u-shape": {**table, "open_to": Key(r.text)},
        "hollow-square": dict(table),
    }


def room_from_dict(data: dict[str, Any], *, source: str | Path = "") -> RoomFile:
    """Build a :class:`RoomFile` from TOML data already parsed into a dict.

    Raises
    ------
    PlanFileError
        For a bad key or value, naming the file, the dotted key and the value.
    """
    r = PlanReader(source)
    version = data.get("format_version", FORMAT_VERSION)
    if version != FORMAT_VERSION:
        raise r.fail("format_version", version, f"this seatplan reads format_version = {FORMAT_VERSION}",
                     "set format_version = 1")
    top = r.table(data, "", {
        "format_version": Key(r.integer),
        "title": Key(r.text),
        "venue": Key(r.raw_table, required=True),
        "layout": Key(r.raw_table),
        "spacing": Key(r.raw_table),
        "fire": Key(r.raw_table),
    })
    venue = _read_venue(r, top["venue"])
    schemas = _schemas(r)
    layouts: dict[str, Mapping[str, Any]] = {}
    kind: str | None = None
    profile: str | None = None
    if "layout" in top:
        raw = dict(top["layout"])
        sub = {name: raw.pop(name) for name in list(raw) if isinstance(raw[name], dict)}
        head = r.table(raw, "layout", {"kind": Key(r.text), "profile": Key(r.text)})
        kind = head.get("kind")
        profile = head.get("profile")
        if kind is not None and kind.replace("_", "-").lower() not in LAYOUT_TABLES:
            raise r.fail("layout.kind", kind, f"is not one of {', '.join(map(repr, LAYOUT_TABLES))}",
                         'write e.g. kind = "theatre"')
        for name, table in sub.items():
            canonical = name.replace("_", "-").lower()
            if canonical not in schemas:
                close = difflib.get_close_matches(canonical, list(schemas), n=1)
                hint = f"did you mean [layout.{close[0]}]?" if close else f"layout tables: {', '.join(LAYOUT_TABLES)}"
                raise r.fail(f"layout.{name}", None, "is not a known layout table", hint)
            layouts[canonical] = MappingProxyType(r.table(table, f"layout.{name}", schemas[canonical]))
    spacing: dict[str, float] = {}
    if "spacing" in top:
        spacing = r.table(top["spacing"], "spacing", {k: Key(r.number) for k in SPACING_KEYS})
    fire: dict[str, Any] = {}
    if "fire" in top:
        fire = r.table(top["fire"], "fire", {
            "grade": Key(_grade(r)),
            "stepped": Key(r.flag),
            "soft_seats": Key(r.flag),
            "venue_kind": Key(r.text),
            "row_method": Key(r.text),
            "continental": Key(r.flag),
            "smoke_protected": Key(r.flag),
        })
    return RoomFile(
        venue=venue,
        title=top.get("title", ""),
        kind=None if kind is None else kind.replace("_", "-").lower(),
        profile=profile,
        layouts=MappingProxyType(layouts),
        spacing=MappingProxyType(spacing),
        fire=MappingProxyType(fire),
        source=Path(source) if source else None,
    )
