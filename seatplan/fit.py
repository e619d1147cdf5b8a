"""Fit layouts into rooms: the questions behind ``seatplan fit``.

* :func:`fit_room` — how many seats fit in this room in layout X under profile P: generate the
  best layout (:func:`seatplan.layout.capacity.max_seats`), check it
  (:func:`seatplan.layout.check.check_layout`: placement and fire code), draw it (PNG and SVG,
  empty numbered seats) and write ``fit.json``.
* :func:`choose_room` / :func:`size_room` — which of my rooms, or how big a room, for N people
  in layout X.
* :func:`choose_layout` — which layout seats everyone best in a room (the score is documented
  in :func:`seatplan.layout.capacity.best_layout`).

Room files are read by :mod:`seatplan.io.room_file`; every error names the file, the dotted
key and the value.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from seatplan.errors import Location, PlanFileError, SeatplanError
from seatplan.io.room_file import RoomFile, load_room_file
from seatplan.layout.capacity import (
    CapacityAnswer,
    LayoutChoice,
    Options,
    RoomAnswer,
    best_layout,
    max_seats,
    room_for,
)
from seatplan.layout.check import LayoutCheck, check_layout
from seatplan.layout.classroom import ClassroomOptions
from seatplan.layout.dais_block import DaisOptions, LecternPlace
from seatplan.layout.firecode import (
    FireProfile,
    ProfileName,
    fire_profile,
    profile_name,
)
from seatplan.layout.room import LayoutKind
from seatplan.layout.spacing import Spacing
from seatplan.layout.tables import OpenEnd, Orientation, TableOptions
from seatplan.layout.theatre import TheatreOptions
from seatplan.model import Layout, SeatingProblem, Venue

__all__ = [
    "KIND_LABELS",
    "FitReport",
    "RoomSetup",
    "choose_layout",
    "choose_room",
    "fit_room",
    "load_room",
    "run_fit",
    "size_room",
]

#: Chinese names of the layouts, used in titles.
KIND_LABELS: dict[LayoutKind, str] = {
    LayoutKind.THEATRE: "剧院式",
    LayoutKind.CLASSROOM: "课桌式",
    LayoutKind.DAIS: "主席台",
    LayoutKind.BOARDROOM: "会议桌",
    LayoutKind.OVAL: "椭圆会议桌",
    LayoutKind.U_SHAPE: "U形",
    LayoutKind.HOLLOW_SQUARE: "回字形",
}

_OPTION_TYPES: dict[LayoutKind, type] = {
    LayoutKind.THEATRE: TheatreOptions,
    LayoutKind.CLASSROOM: ClassroomOptions,
    LayoutKind.DAIS: DaisOptions,
    LayoutKind.BOARDROOM: TableOptions,
    LayoutKind.OVAL: TableOptions,
    LayoutKind.U_SHAPE: TableOptions,
    LayoutKind.HOLLOW_SQUARE: TableOptions,
}
_TEXT_CHOICES: dict[str, type[Enum]] = {"lectern": LecternPlace, "orientation": Orientation, "open_to": OpenEnd}


def _relocate(exc: SeatplanError, source: Path | str, *, prefix: str = "") -> PlanFileError:
    """Turn a layout-layer error into a room-file error naming the file and the full key."""
    loc: Location = getattr(exc, "location", Location())
    key = loc.field
    if prefix and key.startswith("layout.") and not key.startswith(prefix):
        key = prefix + key[len("layout."):]
    return PlanFileError(
        getattr(exc, "message", str(exc)),
        location=Location(file=source, row=loc.row, field=key, value=loc.value),
        hint=getattr(exc, "hint", "") or "see docs/layouts.md for the allowed values",
    )


@dataclass(frozen=True)
class RoomSetup:
    """A room file turned into layout-layer objects.

    Parameters
    ----------
    file
        What the file says.
    spacing
        Distances (defaults changed by ``[spacing]``).
    profile
        Fire-code profile (``[layout] profile`` or the one asked for, facts from ``[fire]``).
    """

    file: RoomFile
    spacing: Spacing
    profile: FireProfile

    @property
    def venue(self) -> Venue:
        """The room."""
        return self.file.venue

    @property
    def source(self) -> Path | str:
        """The room file's path (for messages)."""
        return self.file.source or ""

    def kind(self, layout_kind: LayoutKind | str | None = None) -> LayoutKind:
        """The layout asked for, else the file's ``[layout] kind``, else theatre."""
        value = layout_kind or self.file.kind or LayoutKind.THEATRE
        try:
            return LayoutKind.coerce(value)
        except SeatplanError as exc:
            raise _relocate(exc, self.source) from None

    def options(self, kind: LayoutKind) -> Options:
        """The generator options for a layout from ``[layout.<kind>]`` (defaults otherwise).

        Raises
        ------
        PlanFileError
            Naming ``layout.<kind>.<key>`` and the value.
        """
        values = dict(self.file.layout_options(kind.value))
        prefix = f"layout.{kind.value}."
        for key, enum in _TEXT_CHOICES.items():
            if key in values:
                try:
                    values[key] = enum(str(values[key]).strip().lower())
                except ValueError:
                    allowed = ", ".join(repr(m.value) for m in enum)
                    raise PlanFileError(
                        f"is not one of {allowed}", location=Location(file=self.source, field=prefix + key, value=values[key]),
                        hint=f'write e.g. {key} = "{next(iter(enum)).value}"',
                    ) from None
        cls = _OPTION_TYPES[kind]
        known = {f.name for f in dataclasses.fields(cls)}
        for key in values:
            if key not in known:
                raise PlanFileError(
                    f"is not a parameter of the {kind.value} layout",
                    location=Location(file=self.source, field=prefix + key, value=values[key]),
                    hint=f"allowed here: {', '.join(sorted(known))}",
                )
        try:
            return cls(**values)
        except SeatplanError as exc:
            raise _relocate(exc, self.source, prefix=prefix) from None


def load_room(
    path: str | Path,
    *,
    profile: ProfileName | str | None = None,
    spacing: Spacing | None = None,
) -> RoomSetup:
    """Read a room file and build its spacing and fire-code profile.

    Parameters
    ----------
    path
        The room file (TOML).
    profile
        Profile name overriding the file's ``[layout] profile`` (default ``gb50016``).
    spacing
        Spacing to start from (the file's ``[spacing]`` changes it); default :class:`Spacing`.

    Raises
    ------
    PlanFileError
        For a bad file, key or value (including spacing values out of range).
    """
    file = load_room_file(path)
    source = file.source or path
    base = spacing or Spacing()
    try:
        sp = dataclasses.replace(base, **dict(file.spacing)) if file.spacing else base
    except SeatplanError as exc:
        raise _relocate(exc, source) from None
    name = profile or file.profile or ProfileName.GB50016
    facts = dict(file.fire)
    try:
        prof = fire_profile(name, **facts)
    except SeatplanError as exc:
        err = _relocate(exc, source)
        field = "layout.profile" if err.location.field == "profile" else f"fire.{err.location.field}"
        raise PlanFileError(err.message, location=Location(file=source, field=field, value=err.location.value),
                            hint=err.hint) from None
    except ValueError as exc:
        raise PlanFileError(str(exc), location=Location(file=source, field="fire"),
                            hint="see docs/layouts.md for the [fire] keys") from None
    return RoomSetup(file, sp, prof)


# ---------------------------------------------------------------------------------------------
# fit_room
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FitReport:
    """The answer to "how many seats fit in this room in layout X under profile P".

    Parameters
    ----------
    room
        Room name (or the file name).
    kind
        The layout.
    profile
        Profile name (``gb50016``, ``ibc``, ``ibc-continental``).
    answer
        The capacity answer (layout, parameters, exit limit).
    check
        The independent check of the layout.
    files
        Files written (``fit.json``, ``plan.png``, ``plan.svg``), or ``()``.
    title
        Diagram title.
    """

    room: str
    kind: LayoutKind
    profile: str
    answer: CapacityAnswer
    check: LayoutCheck
    files: tuple[Path, ...] = ()
    title: str = ""

    @property
    def seats(self) -> int:
        """Seats laid out."""
        return self.answer.seats

    def to_dict(self) -> dict[str, Any]:
        """Everything in ``fit.json``, as plain JSON values (deterministic order)."""
        g = self.answer.generated
        return {
            "room": self.room,
            "layout": self.kind.value,
            "profile": self.profile,
            "seats": self.answer.seats,
            "floor_seats": self.answer.floor_seats,
            "exit_limit": self.answer.exit_limit,
            "limited_by": self.answer.limited_by,
            "parameters": {k: _plain(v) for k, v in g.params},
            "aisles": [
                {"name": a.name, "kind": a.kind.value, "width": round(a.width, 3), "persons_served": a.persons_served,
                 "after_row": a.after_row}
                for a in self.check.aisles
            ],
            "rows": len({(s.section, s.row) for s in g.seats if not s.table}),
            "check": {
                "ok": self.check.ok,
                "placement": [p.message for p in self.check.placement],
                "violations": [
                    {"rule": v.rule, "where": v.where, "message": v.message, "required": _plain(v.required),
                     "actual": _plain(v.actual), "severity": v.severity.value}
                    for v in self.check.violations
                ],
                "unreachable_seats": len(self.check.unreachable),
            },
            "notes": list(self.answer.notes),
            "search": {"layouts_built": self.answer.tried},
            "spacing": {f.name: getattr(g.spacing, f.name) for f in dataclasses.fields(g.spacing)},
            "files": [p.name for p in self.files],
        }

    def summary(self) -> str:
        """A few plain lines for the command line."""
        a = self.answer
        head = f"{self.room}: {self.kind.value} ({KIND_LABELS[self.kind]}), profile {self.profile}: {a.seats} seats"
        if a.limited_by == "exits":
            head += f" (the floor holds {a.floor_seats}; the exit doors allow {a.exit_limit}, R-PHY-4)"
        lines = [head]
        params = ", ".join(f"{k} = {_plain(v)}" for k, v in a.generated.params)
        if params:
            lines.append(f"  parameters: {params}")
        if self.check.aisles:
            lines.append("  aisles: " + "; ".join(
                f"{x.name} {x.width:.2f} m for {x.persons_served} persons" for x in self.check.aisles))
        problems = self.check.messages()
        lines.append("  check: no problems" if not problems else f"  check: {len(problems)} problems")
        lines += [f"    - {m}" for m in problems]
        lines += [f"  note: {n}" for n in a.notes]
        return "\n".join(lines)


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def fit_room(
    room_path: str | Path,
    layout_kind: LayoutKind | str | None = None,
    profile: ProfileName | str | None = None,
    out_dir: str | Path | None = None,
) -> FitReport:
    """How many seats fit in a room in a layout under a profile; draw it and write ``fit.json``.

    Parameters
    ----------
    room_path
        The room file.
    layout_kind
        The layout; default the file's ``[layout] kind``, else theatre.
    profile
        ``gb50016`` (default), ``ibc`` or ``ibc-continental``; default the file's profile.
    out_dir
        Folder for ``fit.json``, ``plan.png`` and ``plan.svg`` (created); ``None`` writes nothing.
        Files are written only when everything else has succeeded.

    Returns
    -------
    FitReport

    Raises
    ------
    PlanFileError
        For a bad room file.
    GeometryError
        For a room that is not a simple polygon, a pillar outside it...
    """
    setup = load_room(room_path, profile=profile)
    kind = setup.kind(layout_kind)
    options = setup.options(kind)
    try:
        answer = max_seats(setup.venue, kind, spacing=setup.spacing, profile=setup.profile, options=options,
                           source=setup.source)
    except SeatplanError as exc:
        if isinstance(exc, PlanFileError) or not hasattr(exc, "location"):
            raise
        raise _relocate(exc, setup.source, prefix=f"layout.{kind.value}.") from None
    check = check_layout(answer.generated, profile=setup.profile)
    room = setup.venue.name or Path(room_path).stem
    label = KIND_LABELS[kind]
    head = setup.file.title or room
    title = f"{head} · {answer.seats} 座" if label in head else f"{head} · {label} · {answer.seats} 座"
    report = FitReport(room, kind, profile_name(setup.profile), answer, check, (), title)
    if out_dir is None:
        return report
    out = Path(out_dir)
    names = ("fit.json", "plan.png", "plan.svg")
    report = dataclasses.replace(report, files=tuple(out / n for n in names))
    _write_outputs(report, out, names)
    return report


def _write_outputs(report: FitReport, out: Path, names: Sequence[str]) -> None:
    from seatplan.files import atomic_write_bytes, output_folder
    from seatplan.render import save_plan_images

    with output_folder(out) as tmp:
        layout: Layout = report.answer.generated.layout
        problem = SeatingProblem(layout=layout, attendees=(), zones=(), title=report.title)
        save_plan_images(problem, None, tmp / "plan.png", tmp / "plan.svg", title=report.title)
        text = json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
        atomic_write_bytes(tmp / "fit.json", text.encode("utf-8"))


def run_fit(
    room: str | Path,
    *,
    layout: LayoutKind | str | None = None,
    profile: ProfileName | str | None = None,
    out: str | Path,
    echo: bool = True,
) -> FitReport:
    """``seatplan fit ROOM.toml --layout theatre [--profile gb50016|ibc] --out DIR``.

    Fits the layout, writes ``DIR/fit.json``, ``DIR/plan.png`` and ``DIR/plan.svg`` and, with
    ``echo``, prints the summary and the files written to standard output.
    """
    report = fit_room(room, layout, profile, out)
    if echo:
        print(report.summary())
        print(f"seatplan: wrote {len(report.files)} files to {Path(out)}/")
        for path in report.files:
            print(f"  {path}")
    return report


# ---------------------------------------------------------------------------------------------
# which room, how big a room, which layout
# ---------------------------------------------------------------------------------------------


def choose_room(
    n: int,
    layout_kind: LayoutKind | str,
    room_paths: Sequence[str | Path],
    *,
    profile: ProfileName | str | None = None,
) -> RoomAnswer:
    """Which of these rooms seats ``n`` people in a layout: the smallest that does.

    Each room file brings its own ``[spacing]``, ``[fire]`` and layout parameters; the rooms are
    compared with the spacing and profile of the first file (``profile`` overrides it).
    """
    setups = [load_room(p, profile=profile) for p in room_paths]
    if not setups:
        raise PlanFileError("no room files given", location=Location(field="rooms"), hint="give one or more ROOM.toml files")
    kind = setups[0].kind(layout_kind)
    return room_for(n, kind, rooms=[s.venue for s in setups], spacing=setups[0].spacing, profile=setups[0].profile,
                    options=setups[0].options(kind))


def size_room(
    n: int,
    layout_kind: LayoutKind | str,
    *,
    aspect: float = 1.5,
    profile: ProfileName | str = ProfileName.GB50016,
    spacing: Spacing | None = None,
    stage_depth: float = 0.0,
) -> RoomAnswer:
    """How big a rectangular room (width / depth = ``aspect``) ``n`` people need in a layout."""
    return room_for(n, layout_kind, aspect=aspect, spacing=spacing or Spacing(), profile=fire_profile(profile),
                    stage_depth=stage_depth)


def choose_layout(
    room_path: str | Path,
    n_people: int,
    candidates: Sequence[LayoutKind | str] | None = None,
    *,
    profile: ProfileName | str | None = None,
) -> list[LayoutChoice]:
    """Which layout seats ``n_people`` best in a room (ranked, best first; see ``best_layout``)."""
    setup = load_room(room_path, profile=profile)
    kinds = candidates or [k for k in LayoutKind if k is not LayoutKind.DAIS]
    return best_layout(setup.venue, n_people, kinds, spacing=setup.spacing, profile=setup.profile)

