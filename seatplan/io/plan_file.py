"""Plan files: TOML in, :class:`~seatplan.model.Meeting` out.

The format is documented key by key in ``docs/plan-format.md``. Every error names
the file, the dotted key and the value, and says how to fix it. Unknown keys are
errors (a typo must not be silently ignored), with a "did you mean" suggestion.
"""

from __future__ import annotations

import dataclasses
import difflib
import itertools
import math
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from seatplan.errors import Location, PlanFileError, SeatplanError, ValidationError
from seatplan.model import (
    FORMAT_VERSION,
    CardSpec,
    Convention,
    DaisSpec,
    DeskSeating,
    Door,
    EvenMode,
    FillMethod,
    FloorSpec,
    Meeting,
    Numbering,
    OccasionKind,
    RulesSpec,
    Side,
    Venue,
    View,
)
from seatplan.model.check import CheckSpec, Waiver
from seatplan.model.enums import coerce_choice
from seatplan.model.meeting import (
    OPTION_SPECS,
    BalconySpec,
    CardLine,
    FloorHand,
    Lectern,
    ListOrder,
    Presider,
    ReservedBlock,
    StripOrder,
)

#: Option tables read into typed specs (:mod:`seatplan.model.options` describes the pattern): the
#: table name is also the :class:`~seatplan.model.Meeting` field that holds the spec.
SPECS: dict[str, type] = OPTION_SPECS


#: Bounds of a sane plan, checked as the file is read (so an absurd file is refused at once,
#: before any layout work): lengths in metres, counts, entries of one array of tables.
MAX_LENGTH = 500.0
MAX_COUNT = 10_000
MAX_ENTRIES = 1_000
#: How far (metres) a door centre may lie from the nearest wall of the outline.
DOOR_TOLERANCE = 1.0


@dataclass(frozen=True)
class Key:
    """One allowed key: its converter and whether it must be present."""

    convert: Callable[[Any, str], Any]
    required: bool = False


class PlanReader:
    """Converts TOML values while remembering the file for error messages.

    Occasion modules use it to validate their own option tables, so every
    plan-file error has the same form: file, dotted key, value, fix.
    """

    def __init__(self, source: Path | str) -> None:
        self.source = source

    def fail(self, key: str, value: object, message: str, hint: str) -> PlanFileError:
        return PlanFileError(message, location=Location(file=self.source, field=key, value=value), hint=hint)

    def number(self, value: Any, key: str) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(key, value, "expected a number (metres)", f"write e.g. {key.rsplit('.', 1)[-1]} = 1.5")
        if not math.isfinite(value):
            raise self.fail(key, value, f"is {'not a number (nan)' if math.isnan(value) else 'infinite'}", f"write a length in metres, e.g. {key.rsplit('.', 1)[-1]} = 1.5")
        if abs(value) > MAX_LENGTH:
            raise self.fail(key, value, f"is beyond the {MAX_LENGTH:g} m a plan may measure", "write the length in metres (not millimetres or centimetres)")
        return float(value)

    def integer(self, value: Any, key: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(key, value, "expected a whole number", f"write e.g. {key.rsplit('.', 1)[-1]} = 3")
        if abs(value) > MAX_COUNT:
            raise self.fail(key, value, f"is beyond the bound of {MAX_COUNT} for a count in a plan", "check the number")
        return value

    def text(self, value: Any, key: str) -> str:
        if not isinstance(value, str):
            raise self.fail(key, value, "expected text in quotes", f'write e.g. {key.rsplit(".", 1)[-1]} = "..."')
        return value

    def flag(self, value: Any, key: str) -> bool:
        if not isinstance(value, bool):
            raise self.fail(key, value, "expected true or false", f"write {key.rsplit('.', 1)[-1]} = true")
        return value

    def int_list(self, value: Any, key: str) -> tuple[int, ...]:
        if not isinstance(value, list):
            raise self.fail(key, value, "expected a list of whole numbers", f"write e.g. {key.rsplit('.', 1)[-1]} = [8, 7]")
        return tuple(self.integer(v, f"{key}[{i}]") for i, v in enumerate(value))

    def text_list(self, value: Any, key: str) -> tuple[str, ...]:
        if not isinstance(value, list):
            raise self.fail(key, value, "expected a list of texts", f'write e.g. {key.rsplit(".", 1)[-1]} = ["A", "B"]')
        return tuple(self.text(v, f"{key}[{i}]") for i, v in enumerate(value))

    def points(self, value: Any, key: str) -> tuple[tuple[float, float], ...]:
        if not isinstance(value, list) or not all(isinstance(p, list) and len(p) == 2 for p in value):
            raise self.fail(key, value, "expected a list of [x, y] points", f"write e.g. {key.rsplit('.', 1)[-1]} = [[0, 0], [30, 0], [30, 24]]")
        return tuple((self.number(p[0], f"{key}[{i}][0]"), self.number(p[1], f"{key}[{i}][1]")) for i, p in enumerate(value))

    def choice(self, enum: type[StrEnum]) -> Callable[[Any, str], Any]:
        """A converter to a member of ``enum`` (:func:`~seatplan.model.enums.coerce_choice`: value, name or alias)."""

        def convert(value: Any, key: str) -> Any:
            try:
                return coerce_choice(enum, value, key, source=self.source)
            except ValidationError as exc:
                raise PlanFileError(exc.message, location=exc.location, hint=exc.hint) from None

        return convert

    def raw_table(self, data: Any, key: str) -> dict[str, Any]:
        """Accept any TOML table, unchecked (an occasion validates it later)."""
        if not isinstance(data, dict):
            raise self.fail(key, data, "expected a table", f"write it as [{key}] with keys below it")
        return data

    def table(self, data: Any, key: str, schema: dict[str, Key]) -> dict[str, Any]:
        """Check a TOML table against ``schema`` and convert its values."""
        if not isinstance(data, dict):
            raise self.fail(key, data, "expected a table", f"write it as [{key}] with keys below it")
        out: dict[str, Any] = {}
        for name, value in data.items():
            full = f"{key}.{name}" if key else name
            if name not in schema:
                close = difflib.get_close_matches(name, list(schema), n=1)
                hint = f"did you mean '{close[0]}'?" if close else f"allowed keys here: {', '.join(sorted(schema))}"
                raise self.fail(full, value, "is not a known key", hint)
            out[name] = schema[name].convert(value, full)
        for name, spec in schema.items():
            if spec.required and name not in out:
                full = f"{key}.{name}" if key else name
                raise self.fail(full, None, "is missing", f"add the key {name} (see docs/plan-format.md)")
        return out

    def table_list(self, data: Any, key: str, schema: dict[str, Key]) -> list[dict[str, Any]]:
        if not isinstance(data, list):
            raise self.fail(key, data, "expected an array of tables", f"write each entry as [[{key}]]")
        if len(data) > MAX_ENTRIES:
            raise self.fail(key, len(data), f"has {len(data)} entries, beyond the bound of {MAX_ENTRIES}", "check the file: a room has tens of these at most")
        return [self.table(item, f"{key}[{i}]", schema) for i, item in enumerate(data)]


def load_meeting(path: str | Path) -> Meeting:
    """Read a plan file and the attendee list it names.

    Parameters
    ----------
    path
        The TOML plan file. Relative paths inside it are relative to its folder.

    Returns
    -------
    Meeting
        The validated meeting, attendees included.

    Raises
    ------
    PlanFileError
        If the file is missing, not TOML, or has a bad key or value (in any
        table, the option tables of occasions and ``[rules]`` included).
    AttendeeFileError
        If the attendee list cannot be read.
    """
    path = Path(path)
    if not path.is_file():
        raise PlanFileError(
            "file not found",
            location=Location(file=path),
            hint="check the path; a plan file is a .toml file (see examples/ and docs/plan-format.md)",
        )
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise PlanFileError(f"is not UTF-8 text ({exc.reason})", location=Location(file=path), hint="save the plan file as UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise PlanFileError(f"is not valid TOML: {exc}", location=Location(file=path), hint="fix the syntax at the line given (strings need quotes, tables [name])") from None
    except RecursionError:
        raise PlanFileError("nests arrays or tables too deeply to be a plan", location=Location(file=path), hint="a plan nests lists two levels deep at most ([[x, y], ...]); remove the extra brackets") from None
    return meeting_from_dict(data, base_dir=path.parent, source=path)


def meeting_from_dict(data: dict[str, Any], *, base_dir: str | Path = ".", source: str | Path = "") -> Meeting:
    """Build a :class:`Meeting` from plan-file data already parsed into a dict.

    Parameters
    ----------
    data
        The plan as nested dicts (what ``tomllib`` returns).
    base_dir
        Folder against which the ``attendees`` path is resolved.
    source
        Name of the plan file, for error messages.
    """
    from seatplan.io.attendee_table import read_attendee_list

    r = PlanReader(source)
    version = data.get("format_version", FORMAT_VERSION)
    if version != FORMAT_VERSION:
        raise r.fail(
            "format_version",
            version,
            f"this seatplan reads format_version = {FORMAT_VERSION}",
            "upgrade seatplan, or set format_version = 1 if the file was written by hand for this version",
        )
    top = r.table(
        data,
        "",
        {
            "format_version": Key(r.integer),
            "title": Key(r.text),
            "date": Key(r.text),
            "convention": Key(r.choice(Convention)),
            "attendees": Key(r.text, required=True),
            "sheet": Key(r.text),
            "allow_unseated": Key(r.flag),
            "venue": Key(r.raw_table, required=True),
            "dais": Key(r.raw_table),
            "floor": Key(r.raw_table),
            "balcony": Key(r.raw_table),
            "cards": Key(r.raw_table),
            "check": Key(r.raw_table),
            "occasion": Key(r.choice(OccasionKind)),
            **{name: Key(r.raw_table) for name in SPECS},
        },
    )
    venue = _read_venue(r, top["venue"])
    try:
        dais = _read_dais(r, top["dais"]) if "dais" in top else None
        floor = _read_floor(r, top["floor"]) if "floor" in top else None
        balcony = _read_balcony(r, top["balcony"]) if "balcony" in top else None
        specs = {name: _read_spec(r, top[name], SPECS[name]) for name in SPECS if name in top}
        cards = CardSpec(**r.table(top["cards"], "cards", {
            "sections": Key(r.text_list),
            "serif": Key(r.flag),
            "space_two_char_names": Key(r.flag),
            "font": Key(r.text),
            "second_line": Key(r.choice(CardLine)),
            "seating": Key(r.choice(DeskSeating)),
        })) if "cards" in top else CardSpec()
        check = _read_check(r, top["check"]) if "check" in top else CheckSpec()
        if cards.font and not Path(cards.font).expanduser().is_absolute():
            cards = replace(cards, font=str(Path(base_dir) / cards.font))
    except PlanFileError:
        raise
    except SeatplanError as exc:  # a model rule (positive sizes...) broken by a plan value
        raise _relocate(exc, source) from None
    attendees_path = Path(base_dir) / top["attendees"]
    if not attendees_path.is_file():
        raise r.fail(
            "attendees",
            top["attendees"],
            f"the attendee list {attendees_path} does not exist",
            "give the path of the .xlsx or .csv list, relative to the plan file",
        )
    attendees, language = read_attendee_list(attendees_path, sheet=top.get("sheet") or None)
    return Meeting(
        title=top.get("title", ""),
        date=top.get("date", ""),
        venue=venue,
        attendees=attendees,
        convention=top.get("convention", Convention.CN),
        dais=dais,
        floor=floor,
        cards=cards,
        allow_unseated=top.get("allow_unseated", False),
        occasion=top.get("occasion", OccasionKind.MEETING),
        source=Path(source) if source else None,
        balcony=balcony,
        check=check,
        language=language,
        **specs,
    )


def _read_check(r: PlanReader, data: Any) -> CheckSpec:
    """Read the [check] table: the fire-code profile and the [[check.waive]] entries (docs/plan-format.md)."""
    values = r.table(data, "check", {"profile": Key(r.text), "waive": Key(lambda value, key: tuple(
        Waiver(**entry) for entry in r.table_list(value, key, {
            "rule": Key(r.text, required=True), "where": Key(r.text), "reason": Key(r.text, required=True),
        })
    ))})
    return CheckSpec(**values)


def _read_dais(r: PlanReader, data: Any) -> DaisSpec:
    """Read the [dais] table (R-DAIS-1…15; docs/plan-format.md)."""
    return DaisSpec(**r.table(data, "dais", {
        "rows": Key(r.int_list),
        "even_mode": Key(r.choice(EvenMode)),
        "seat_pitch": Key(r.number),
        "row_pitch": Key(r.number),
        "fixed_chairs": Key(r.flag),
        "equal_top_pair": Key(r.flag),
        "front_tags": Key(r.text_list),
        "presider": Key(r.choice(Presider)),
        "presider_end": Key(r.choice(Side)),
        "lectern": Key(r.choice(Lectern)),
        "side_view": Key(r.choice(View)),
        "aisle_width": Key(r.number),
        "aisle_from_row": Key(r.integer),
    }))


def _int_range(r: PlanReader) -> Callable[[Any, str], tuple[int, ...]]:
    """A whole number or a list of two whole numbers (a range)."""

    def convert(value: Any, key: str) -> tuple[int, ...]:
        if isinstance(value, list):
            if len(value) not in (1, 2):
                raise r.fail(key, value, "expected one number or a range [first, last]", f"write e.g. {key.rsplit('.', 1)[-1]} = [1, 2]")
            return tuple(r.integer(v, f"{key}[{i}]") for i, v in enumerate(value))
        return (r.integer(value, key),)

    return convert


def _read_reserved(r: PlanReader, data: Any, key: str) -> tuple[ReservedBlock, ...]:
    """Read [[floor.reserved]] / [[balcony.reserved]] entries (R-AUD-8)."""
    out = []
    for i, entry in enumerate(r.table_list(data, key, {
        "rows": Key(_int_range(r), required=True),
        "block": Key(r.integer),
        "seats": Key(_int_range(r)),
        "tag": Key(r.text),
        "category": Key(r.text),
        "label": Key(r.text),
    })):
        try:
            out.append(ReservedBlock(**entry))
        except SeatplanError as exc:
            loc = getattr(exc, "location", Location())
            field = str(loc.field).replace("reserved.", f"{key}[{i}].", 1) if loc.field else f"{key}[{i}]"
            raise PlanFileError(
                getattr(exc, "message", str(exc)),
                location=Location(file=r.source, field=field, value=loc.value),
                hint=getattr(exc, "hint", "") or "see docs/plan-format.md",
            ) from None
    return tuple(out)


def _read_floor(r: PlanReader, data: Any) -> FloorSpec:
    """Read the [floor] table and its [[floor.reserved]] blocks (R-AUD-1…11)."""
    values = r.table(data, "floor", {
        "blocks": Key(r.int_list),
        "rows": Key(r.integer),
        "seat_width": Key(r.number),
        "row_pitch": Key(r.number),
        "aisle_width": Key(r.number),
        "side_aisle": Key(r.number),
        "front_gap": Key(r.number),
        "back_gap": Key(r.number),
        "fill": Key(r.choice(FillMethod)),
        "numbering": Key(r.choice(Numbering)),
        "odd_side": Key(r.choice(Side)),
        "unit_order": Key(r.text_list),
        "strip_order": Key(r.choice(StripOrder)),
        "floor_hand": Key(r.choice(FloorHand)),
        "unit_order_by": Key(r.choice(ListOrder)),
        "member_order_by": Key(r.choice(ListOrder)),
        "reserved": Key(lambda value, key: _read_reserved(r, value, key)),
        "rotation_year": Key(r.integer),
        "rotation_groups": Key(r.integer),
    })
    return FloorSpec(**values)


def _read_balcony(r: PlanReader, data: Any) -> BalconySpec:
    """Read the [balcony] table (楼上/二楼, R-AUD-1, R-AUD-7) and its reserved blocks."""
    values = r.table(data, "balcony", {
        "blocks": Key(r.int_list),
        "rows": Key(r.integer),
        "seat_width": Key(r.number),
        "row_pitch": Key(r.number),
        "aisle_width": Key(r.number),
        "numbering": Key(r.choice(Numbering)),
        "odd_side": Key(r.choice(Side)),
        "categories": Key(r.text_list),
        "label": Key(r.text),
        "reserved": Key(lambda value, key: _read_reserved(r, value, key)),
    })
    return BalconySpec(**values)


def _relocate(exc: SeatplanError, source: str | Path) -> PlanFileError:
    """Turn a model validation error into a plan-file error naming the file."""
    loc = getattr(exc, "location", Location())
    return PlanFileError(
        getattr(exc, "message", str(exc)),
        location=Location(file=source, row=loc.row, field=loc.field, value=loc.value),
        hint=getattr(exc, "hint", "") or "see docs/plan-format.md for the allowed values",
    )


def _read_venue(r: PlanReader, data: Any) -> Venue:
    """Read the [venue] table: a width × depth rectangle or an explicit outline."""
    v = r.table(data, "venue", {
        "name": Key(r.text),
        "width": Key(r.number),
        "depth": Key(r.number),
        "outline": Key(r.points),
        "stage_depth": Key(r.number),
        "doors": Key(lambda value, key: value),  # checked entry by entry below
        "obstacles": Key(lambda value, key: value),
    })
    doors = tuple(
        Door(x=d["x"], y=d["y"], width=d.get("width", 1.8), main=d.get("main", False), name=d.get("name", ""))
        for d in r.table_list(v.get("doors", []), "venue.doors", {
            "x": Key(r.number, required=True),
            "y": Key(r.number, required=True),
            "width": Key(r.number),
            "main": Key(r.flag),
            "name": Key(r.text),
        })
    )
    obstacles = tuple(
        o["points"]
        for o in r.table_list(v.get("obstacles", []), "venue.obstacles", {
            "points": Key(r.points, required=True),
            "name": Key(r.text),
        })
    )
    common = dict(doors=doors, stage_depth=v.get("stage_depth", 0.0), obstacles=obstacles, name=v.get("name", ""))
    try:
        if "outline" in v:
            if "width" in v or "depth" in v:
                raise r.fail("venue.outline", None, "give either outline or width and depth, not both", "delete width/depth or outline")
            venue = Venue(outline=v["outline"], **common)
        elif "width" not in v or "depth" not in v:
            raise r.fail("venue", None, "the room size is missing", "add width = 30.0 and depth = 24.0 (metres) or an outline")
        else:
            venue = Venue.rectangle(v["width"], v["depth"], **common)
    except PlanFileError:
        raise
    except SeatplanError as exc:
        raise _relocate(exc, r.source) from None
    _check_doors_on_walls(r, venue)
    return venue


def _check_doors_on_walls(r: PlanReader, venue: Venue) -> None:
    """Refuse a door whose centre is not on a wall of the outline (within :data:`DOOR_TOLERANCE`)."""
    ring = [*venue.outline, venue.outline[0]]
    for k, door in enumerate(venue.doors):
        gap = min(_distance_to_segment((door.x, door.y), a, b) for a, b in itertools.pairwise(ring))
        if gap > DOOR_TOLERANCE:
            xmin, ymin, xmax, ymax = venue.bounds
            raise r.fail(
                f"venue.doors[{k}]",
                f"x = {door.x:g}, y = {door.y:g}",
                f"the door is {gap:.1f} m from the nearest wall of the room ({xmin:g}–{xmax:g} m × {ymin:g}–{ymax:g} m)",
                "give the centre of the door opening on a wall, e.g. y = 0 for the back wall",
            )


def _distance_to_segment(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def spec_from_table(name: str, data: dict[str, Any], *, source: str | Path = "") -> Any:
    """The spec of the option table ``[name]`` (``"banquet"``, ``"rules"``...) from its TOML data.

    Errors name ``source`` as the file, as when the table is read from a plan file.

    Examples
    --------
    >>> spec_from_table("banquet", {"tables": 3}).tables
    3
    """
    return _read_spec(PlanReader(source), data, SPECS[name])


def _read_spec(r: PlanReader, data: Any, spec: type) -> Any:
    """Read an option table into its spec: unknown keys refused, values checked by the spec.

    ``[rules.weights]`` is a table inside ``[rules]``: its keys are checked here too.
    """
    table = spec.TABLE  # type: ignore[attr-defined]
    values = r.table(data, table, {f.name: Key(lambda value, key: value) for f in dataclasses.fields(spec)})
    if spec is RulesSpec and "weights" in values:
        values["weights"] = r.table(values["weights"], f"{table}.weights", {
            "order": Key(r.integer), "apart": Key(r.integer), "together": Key(r.integer),
        })
    try:
        out = spec(**values)
        if hasattr(out, "check_keys"):  # keys that apply only with some other value, as written
            out.check_keys(values.keys())
        return out
    except PlanFileError:
        raise
    except SeatplanError as exc:  # a value of the wrong type or out of range
        raise _relocate(exc, r.source) from None
