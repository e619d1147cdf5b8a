"""A dais (主席台) generator: rows of tables behind each other on a raised area, with a lectern.

:func:`build_dais` lays a dais out anywhere in the plan, facing any way: give the point on the
centre axis at the front edge of the raised area and the direction the seated leaders face
(270° = towards an audience at the bottom of the plan). Each row is a line of tables with the
chairs behind them (seat fronts flush with the table edge, R-PHY-11), the seats placed by
:func:`seatplan.protocol.dais.dais_offsets`:

* V1/V2 and odd rows: a uniform pitch centred on the axis (R-DAIS-3/4/5);
* V3 with an even number (R-DAIS-6): No.1 on the axis, one side a little tighter and the other
  a little looser so both ends line up; with ``fixed_chairs`` the row keeps one chair more at a
  uniform pitch and the chair at the junior end stays empty (T7).

Rows stand ``row_pitch`` apart (default: table depth + chair depth + the chair-back-to-next-table
passage of R-PHY-9). Seats are numbered within each row by precedence
(:func:`seatplan.protocol.dais.rank_dais_row`), so seat 1 of row 1 is No.1's seat. The lectern
(发言席, R-DAIS-12) stands either centred in front of the front table or at the dais's front
right or left; "right" is the dais's own right (the seated leaders' right hand, i.e. the
audience's left), as every "right" in the rule book is the seated person's own hand unless
stated — the rule book leaves the frame of "右前方" open, so the side is an option.

:func:`generate_dais` places a dais in a room (on the stage, or against the front wall as its
own raised area) for ``seatplan fit --layout dais``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from shapely.geometry import Polygon

from seatplan.errors import GeometryError, Location
from seatplan.layout.firecode import FireProfile
from seatplan.layout.room import (
    GeneratedLayout,
    LayoutKind,
    RowAccess,
    obstacle_polygons,
    room_polygon,
    stage_polygon,
    validate_venue,
)
from seatplan.layout.spacing import Spacing
from seatplan.model import Convention, EvenMode, Layout, Seat, Shape, ShapeKind, Venue
from seatplan.model.seats import SeatTag
from seatplan.protocol.dais import dais_offsets, rank_dais_row

__all__ = [
    "LECTERN_SIZE",
    "DaisBlock",
    "DaisOptions",
    "LecternPlace",
    "build_dais",
    "dais_size",
    "generate_dais",
]

#: Lectern footprint ``(width, depth)``, metres. Not from the rule book.
LECTERN_SIZE = (0.6, 0.5)
#: Free margin at each end of the dais tables on the raised area, metres. Not from the rule book.
END_MARGIN = 0.6


class LecternPlace(StrEnum):
    """Where the lectern (发言席) stands (R-DAIS-12)."""

    NONE = "none"
    FRONT = "front"  # 主席团正前方: centred in front of the front table
    OWN_RIGHT = "own-right"  # 主席台右前方, the dais's own right = the audience's left
    OWN_LEFT = "own-left"  # the dais's own left = the audience's right


@dataclass(frozen=True)
class DaisOptions:
    """Parameters of a dais.

    Parameters
    ----------
    rows
        Seats per row, front row first; empty = ``row_count`` rows as wide as the room allows.
    row_count
        Rows when ``rows`` is empty.
    even_mode
        Centring of even rows (R-DAIS-4/5/6); V3 puts No.1 on the axis.
    convention
        CN (以左为上) or INTL (以右为上); decides the longer side of a V3 row.
    seat_pitch
        Table length per person, metres; ``None`` = ``spacing.dais_per_person`` (R-PHY-15: ≈ 1.0 m).
    row_pitch
        Front of one row's table to the next, metres; ``None`` = table depth + chair depth +
        ``spacing.chair_back_to_table``.
    fixed_chairs
        Fixed furniture (R-DAIS-6): an even V3 row gets one chair more, the junior end one empty.
    lectern
        Where the lectern stands.
    """

    rows: tuple[int, ...] = ()
    row_count: int = 1
    even_mode: EvenMode = EvenMode.V1
    convention: Convention = Convention.CN
    seat_pitch: float | None = None
    row_pitch: float | None = None
    fixed_chairs: bool = False
    lectern: LecternPlace = LecternPlace.OWN_RIGHT

    def __post_init__(self) -> None:
        object.__setattr__(self, "rows", tuple(self.rows))
        object.__setattr__(self, "even_mode", EvenMode(self.even_mode))
        object.__setattr__(self, "convention", Convention(self.convention))
        object.__setattr__(self, "lectern", LecternPlace(self.lectern))
        for i, n in enumerate(self.rows, start=1):
            if isinstance(n, bool) or not isinstance(n, int) or n < 1:
                raise GeometryError(
                    f"dais row {i} has {n!r} seats; every row needs at least 1",
                    location=Location(field="layout.rows", value=list(self.rows)),
                )
        if isinstance(self.row_count, bool) or not isinstance(self.row_count, int) or self.row_count < 1:
            raise GeometryError(
                f"row_count must be a whole number >= 1, got {self.row_count!r}",
                location=Location(field="layout.row_count", value=self.row_count),
            )
        for key in ("seat_pitch", "row_pitch"):
            value = getattr(self, key)
            if value is not None and not (isinstance(value, (int, float)) and math.isfinite(value) and value > 0):
                raise GeometryError(
                    f"{key} must be a positive number of metres, got {value!r}",
                    location=Location(field=f"layout.{key}", value=value),
                )


@dataclass(frozen=True)
class DaisBlock:
    """A laid-out dais.

    Parameters
    ----------
    seats
        Dais seats (section ``dais``), row 1 at the front, numbered by precedence in each row.
    shapes
        Tables, the lectern and the raised area (``STAGE``), to draw.
    tables
        Table outlines (shapely), for placement checks.
    platform
        The raised area (shapely).
    lectern
        The lectern outline, or ``None``.
    width, depth
        Size of the raised area, metres.
    """

    seats: tuple[Seat, ...]
    shapes: tuple[Shape, ...]
    tables: tuple[Polygon, ...]
    platform: Polygon
    lectern: Polygon | None
    width: float
    depth: float


def _pitches(options: DaisOptions, spacing: Spacing) -> tuple[float, float]:
    seat_pitch = options.seat_pitch if options.seat_pitch is not None else spacing.dais_per_person
    row_pitch = options.row_pitch if options.row_pitch is not None else (
        spacing.dais_table_depth + spacing.seat_to_table_gap + spacing.chair_depth + spacing.chair_back_to_table
    )
    return seat_pitch, row_pitch


def _row_offsets(n: int, options: DaisOptions, pitch: float) -> list[float]:
    slots = n + 1 if options.fixed_chairs and options.even_mode is EvenMode.V3 and n % 2 == 0 else None
    if slots is not None:
        return dais_offsets(n, even=EvenMode.V3, pitch=pitch, slots=slots, convention=options.convention)
    return dais_offsets(n, even=options.even_mode, pitch=pitch, convention=options.convention)


#: The default options (frozen, so one shared instance is safe as a default argument).
_DEFAULT_OPTIONS = DaisOptions()


def dais_size(rows: Sequence[int], *, options: DaisOptions = _DEFAULT_OPTIONS, spacing: Spacing = Spacing()) -> tuple[float, float]:
    """Width and depth of the raised area a dais with these rows needs, metres."""
    seat_pitch, row_pitch = _pitches(options, spacing)
    spans = [max(o) - min(o) + seat_pitch for o in (_row_offsets(n, options, seat_pitch) for n in rows)] or [0.0]
    lectern_side = options.lectern in (LecternPlace.OWN_LEFT, LecternPlace.OWN_RIGHT)
    extra = LECTERN_SIZE[0] + END_MARGIN if lectern_side else 0.0
    width = max(spans) + 2 * (END_MARGIN + extra)
    depth = (
        spacing.dais_edge_gap + (len(rows) - 1) * row_pitch + spacing.dais_table_depth + spacing.seat_to_table_gap
        + spacing.chair_depth + spacing.chair_back_to_table
    )
    if options.lectern is LecternPlace.FRONT and spacing.dais_edge_gap < LECTERN_SIZE[1] + 0.1:
        depth += LECTERN_SIZE[1] + 0.1 - spacing.dais_edge_gap
    return round(width, 6), round(depth, 6)


def build_dais(
    rows: Sequence[int],
    *,
    front_centre: tuple[float, float],
    facing: float = 270.0,
    options: DaisOptions = _DEFAULT_OPTIONS,
    spacing: Spacing = Spacing(),
    section: str = "dais",
) -> DaisBlock:
    """Lay out a dais: rows of tables and chairs, the lectern and the raised area.

    Parameters
    ----------
    rows
        Seats per row, front row first.
    front_centre
        Point on the dais's centre axis at the front edge of the raised area, plan frame.
    facing
        Direction the leaders face, degrees CCW from +x (270 = the audience at the bottom).
    options
        Even mode, convention, pitches, fixed chairs, lectern.
    spacing
        Table depth, chair size, edge gap, chair-back passage.
    section
        Section name of the seats (``"dais"``).

    Returns
    -------
    DaisBlock

    Raises
    ------
    GeometryError
        For an empty row list or a non-finite point or facing.
    """
    if not rows or any(n < 1 for n in rows):
        raise GeometryError(
            f"a dais needs rows of at least one seat, got {list(rows)}",
            location=Location(field="layout.rows", value=list(rows)),
        )
    x0, y0 = front_centre
    if not all(math.isfinite(v) for v in (x0, y0, facing)):
        raise GeometryError("the dais position and facing must be finite numbers", location=Location(field="front_centre"))
    seat_pitch, row_pitch = _pitches(options, spacing)
    a = math.radians(facing)
    fx, fy = math.cos(a), math.sin(a)
    lx, ly = -fy, fx  # the leaders' own left = audience-view left to right for a dais facing down

    def at(u: float, v: float) -> tuple[float, float]:
        return (x0 + u * lx - v * fx, y0 + u * ly - v * fy)

    def rect(u0: float, u1: float, v0: float, v1: float) -> tuple[tuple[float, float], ...]:
        return tuple((round(px, 4), round(py, 4)) for px, py in (at(u0, v0), at(u1, v0), at(u1, v1), at(u0, v1)))

    td, gap, cd = spacing.dais_table_depth, spacing.seat_to_table_gap, spacing.chair_depth
    e = spacing.dais_edge_gap
    width, depth = dais_size(rows, options=options, spacing=spacing)
    if options.lectern is LecternPlace.FRONT and e < LECTERN_SIZE[1] + 0.1:
        e = LECTERN_SIZE[1] + 0.1
    seats: list[Seat] = []
    shapes: list[Shape] = [Shape(ShapeKind.STAGE, rect(-width / 2, width / 2, 0.0, depth), "主席台")]
    tables: list[Polygon] = []
    front_half = 0.0
    for r, n in enumerate(rows, start=1):
        offsets = sorted(_row_offsets(n, options, seat_pitch))
        v_table = e + (r - 1) * row_pitch
        u0, u1 = min(offsets) - seat_pitch / 2, max(offsets) + seat_pitch / 2
        if r == 1:
            front_half = max(-u0, u1)
        t = rect(u0, u1, v_table, v_table + td)
        shapes.append(Shape(ShapeKind.TABLE, t, ""))
        tables.append(Polygon(t))
        v_chair = v_table + td + gap + cd / 2
        row_seats = []
        for k, off in enumerate(offsets, start=1):
            px, py = at(off, v_chair)
            row_seats.append(
                Seat(id=f"{section}-r{r}-s{k:02d}", section=section, row=r, number=k, x=round(px, 4),
                     y=round(py, 4), facing=round(facing % 360.0, 6))
            )
        ranked = rank_dais_row(row_seats, convention=options.convention, even=options.even_mode)
        number = {sid: i for i, sid in enumerate(ranked, start=1)}
        spare = len(offsets) > n  # fixed chairs: the last-ranked chair stays empty (R-DAIS-6, T7)
        seats += [
            replace(s, number=number[s.id], tags=frozenset({SeatTag.DAIS_SPARE}) if spare and number[s.id] > n else s.tags)
            for s in row_seats
        ]
    lectern: Polygon | None = None
    lw, ld = LECTERN_SIZE
    if options.lectern is LecternPlace.FRONT:
        pts = rect(-lw / 2, lw / 2, (e - ld) / 2, (e + ld) / 2)
    elif options.lectern in (LecternPlace.OWN_RIGHT, LecternPlace.OWN_LEFT):
        # the leaders' own right is -u (their left is +u)
        sign = -1.0 if options.lectern is LecternPlace.OWN_RIGHT else 1.0
        inner = front_half + END_MARGIN
        near_u, far_u = sorted((sign * inner, sign * (inner + lw)))
        pts = rect(near_u, far_u, e, e + ld)
    else:
        pts = ()
    if pts:
        lectern = Polygon(pts)
        shapes.append(Shape(ShapeKind.LECTERN, pts, "发言席"))
    platform = Polygon(shapes[0].points)
    return DaisBlock(tuple(seats), tuple(shapes), tuple(tables), platform, lectern, width, depth)


def generate_dais(
    venue: Venue,
    *,
    spacing: Spacing = Spacing(),
    profile: FireProfile = FireProfile(),
    options: DaisOptions = _DEFAULT_OPTIONS,
    source: str | Path = "",
) -> GeneratedLayout:
    """Place a dais in a room: on the stage, or as a raised area against the front wall.

    The dais faces the audience (270°), centred on the stage (or the front wall). With
    ``options.rows`` empty, ``options.row_count`` rows are laid out, each as long as the stage
    (or room) allows with ``END_MARGIN`` and the lectern beside the tables.

    Raises
    ------
    GeometryError
        If the dais does not fit the stage or the room (names the size needed), or it would
        stand on a pillar.
    """
    validate_venue(venue, source=source)
    room = room_polygon(venue, source=source)
    _xmin, _ymin, _xmax, ymax = room.bounds
    stage = stage_polygon(venue, room=room)
    area = stage if stage is not None and not stage.is_empty else room
    ax0, ay0, ax1, ay1 = area.bounds
    seat_pitch, _ = _pitches(options, spacing)
    rows = options.rows
    if not rows:
        width_room = ax1 - ax0
        side = 2 * (END_MARGIN + (LECTERN_SIZE[0] + END_MARGIN if options.lectern in (LecternPlace.OWN_LEFT, LecternPlace.OWN_RIGHT) else 0.0))
        n = math.floor((width_room - side) / seat_pitch + 1e-9)
        if options.fixed_chairs and options.even_mode is EvenMode.V3 and n % 2 == 1 and n > 1:
            n -= 1  # keep room for the extra fixed chair of an even V3 row
        if n < 1:
            raise GeometryError(
                f"the {'stage' if area is stage else 'room'} is {width_room:.2f} m wide; a dais seat needs "
                f"{seat_pitch + side:.2f} m", location=Location(file=source, field="venue.width"),
                hint="use a smaller dais seat pitch or a wider stage",
            )
        rows = (n,) * options.row_count
    width, depth = dais_size(rows, options=options, spacing=spacing)
    cx = (ax0 + ax1) / 2
    if area is stage:
        front_y = ay0
        if depth > ay1 - ay0 + 1e-9:
            raise GeometryError(
                f"{len(rows)} dais rows need a stage {depth:.2f} m deep; it is {ay1 - ay0:.2f} m",
                location=Location(file=source, field="venue.stage_depth", value=venue.stage_depth),
                hint="make the stage deeper, use fewer rows, or a smaller row pitch",
            )
    else:
        front_y = ymax - depth
    block = build_dais(rows, front_centre=(cx, front_y), options=options, spacing=spacing)
    platform = block.platform
    if not platform.buffer(-1e-6).within(room) or (area is stage and not platform.buffer(-1e-6).within(stage)):
        raise GeometryError(
            f"a dais {width:.2f} m wide and {depth:.2f} m deep does not fit the {'stage' if area is stage else 'room'} "
            f"({ax1 - ax0:.2f} m wide)",
            location=Location(file=source, field="layout.rows", value=list(rows)),
            hint="use fewer seats per row, a smaller seat pitch, or put the lectern in front",
        )
    for i, o in enumerate(obstacle_polygons(venue), start=1):
        if o.intersects(platform):
            raise GeometryError(
                f"the dais would stand on obstacle {i}",
                location=Location(file=source, field="venue.obstacles"),
                hint="move the pillar out of the dais area or use fewer seats per row",
            )
    shapes: list[Shape] = [Shape(ShapeKind.ROOM, tuple(venue.outline), venue.name)]
    if stage is not None and not stage.is_empty:
        shapes += [Shape(ShapeKind.STAGE, tuple((round(a, 4), round(b, 4)) for a, b in stage.exterior.coords[:-1]), "舞台")]
        shapes += [s for s in block.shapes if s.kind is not ShapeKind.STAGE]
    else:
        shapes += list(block.shapes)
    for i, pts in enumerate(venue.obstacles, start=1):
        shapes.append(Shape(ShapeKind.OBSTACLE, tuple(pts), f"柱 {i}"))
    furniture = [*block.tables, *( [block.lectern] if block.lectern is not None else [])]
    layout = Layout(venue=venue, seats=block.seats, shapes=tuple(shapes))
    return GeneratedLayout(
        kind=LayoutKind.DAIS,
        layout=layout,
        spacing=spacing,
        profile=profile,
        seat_pitch=seat_pitch,
        row_pitch=_pitches(options, spacing)[1],
        row_access=RowAccess.NONE,
        tables=tuple(furniture),
        table_labels=tuple([f"dais table {i}" for i in range(1, len(block.tables) + 1)]
                           + (["lectern"] if block.lectern is not None else [])),
        front_line=ymax - venue.stage_depth,
        params=(
            ("rows", list(rows)),
            ("even_mode", options.even_mode.value),
            ("convention", options.convention.value),
            ("seat_pitch", seat_pitch),
            ("fixed_chairs", options.fixed_chairs),
            ("lectern", options.lectern.value),
            ("dais_size", (width, depth)),
        ),
    )

