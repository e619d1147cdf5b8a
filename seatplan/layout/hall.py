"""Meeting hall layout: a dais on the stage and theatre rows on the floor.

The generator works in the plan frame (x to the right, y towards the stage). The
stage runs along the front wall (largest y); dais rows stand on it facing the
audience (facing 270°), the floor rows face the stage (facing 90°). Seats that
would stick out of an irregular outline or touch an obstacle are left out.
"""

from __future__ import annotations

import math
import shapely

from seatplan.errors import GeometryError, Location
from seatplan.model import (
    FACING_BACK,
    FACING_FRONT,
    DaisSpec,
    FloorSpec,
    Layout,
    Seat,
    Shape,
    ShapeKind,
    Venue,
)
from seatplan.protocol.dais import dais_offsets
from seatplan.protocol.floor import number_floor

#: Footprint of a chair used to test that a seat fits the room, metres.
CHAIR_SIZE = 0.5
#: Dais table depth and the gap from the stage edge to the front dais table, metres.
DAIS_TABLE_DEPTH = 0.6
DAIS_EDGE_GAP = 0.6


def generate_hall(
    venue: Venue,
    *,
    dais: DaisSpec | None,
    floor: FloorSpec | None,
    dais_people: int = 0,
    source: str = "",
) -> Layout:
    """Lay out a dais and theatre rows in a room.

    Parameters
    ----------
    venue
        The room; its top edge (largest y) is the front wall with the stage.
    dais
        Dais rows, or ``None`` for no dais. With no explicit rows, one row of
        ``dais_people`` seats is laid out.
    floor
        Floor blocks and rows, or ``None`` for no audience seating.
    dais_people
        Number of people on the dais (sizes an implicit single row).
    source
        Plan-file name for error messages.

    Returns
    -------
    Layout
        Seats (dais first, then the floor front to back) and outlines to draw.

    Raises
    ------
    GeometryError
        If the dais or the floor blocks do not fit the room; the message says
        how much space is needed and which key to change.
    """
    room = shapely.Polygon(venue.outline)
    if not room.is_valid or room.area <= 0:
        raise GeometryError(
            f"the room outline is not a simple polygon ({shapely.is_valid_reason(room)})",
            location=Location(file=source, field="venue.outline"),
            hint="list the corners in order around the room without crossing lines",
        )
    xmin, ymin, xmax, ymax = venue.bounds
    if venue.stage_depth >= ymax - ymin:
        raise GeometryError(
            f"the stage ({venue.stage_depth} m) is as deep as the room ({ymax - ymin} m)",
            location=Location(file=source, field="venue.stage_depth", value=venue.stage_depth),
            hint="make the stage shallower than the room",
        )
    free = room.difference(shapely.union_all([shapely.Polygon(o) for o in venue.obstacles])) if venue.obstacles else room
    centre_x = (xmin + xmax) / 2.0
    stage_front = ymax - venue.stage_depth
    seats: list[Seat] = []
    shapes: list[Shape] = [Shape(ShapeKind.ROOM, tuple(venue.outline), venue.name)]
    if venue.stage_depth > 0:
        stage = room.intersection(shapely.box(xmin, stage_front, xmax, ymax))
        shapes.append(Shape(ShapeKind.STAGE, _exterior(stage), "舞台 / stage"))
    for i, obstacle in enumerate(venue.obstacles, start=1):
        shapes.append(Shape(ShapeKind.OBSTACLE, tuple(obstacle), f"障碍 {i}"))
    for door in venue.doors:
        shapes.append(Shape(ShapeKind.DOOR, _door_outline(room, door.x, door.y, door.width), door.name or ("正门" if door.main else "门")))
    if dais is not None:
        dais_seats, tables = _lay_dais(dais, dais_people, centre_x, stage_front, ymax, xmax - xmin, source)
        seats += dais_seats
        shapes += tables
    if floor is not None:
        seats += _lay_floor(floor, free, centre_x, stage_front, ymin, xmax - xmin, source)
    return Layout(venue=venue, seats=tuple(seats), shapes=tuple(shapes))


def _exterior(geom: shapely.Geometry) -> tuple[tuple[float, float], ...]:
    if isinstance(geom, shapely.MultiPolygon):
        geom = max(geom.geoms, key=lambda g: g.area)
    return tuple((float(x), float(y)) for x, y in geom.exterior.coords[:-1])


def _door_outline(room: shapely.Polygon, x: float, y: float, width: float) -> tuple[tuple[float, float], ...]:
    """A thin rectangle along the wall nearest to the door centre."""
    ring = room.exterior
    d = ring.project(shapely.Point(x, y))
    a = ring.interpolate(max(d - width / 2, 0.0))
    b = ring.interpolate(min(d + width / 2, ring.length))
    dx, dy = b.x - a.x, b.y - a.y
    norm = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / norm * 0.15, dx / norm * 0.15
    return ((a.x - nx, a.y - ny), (b.x - nx, b.y - ny), (b.x + nx, b.y + ny), (a.x + nx, a.y + ny))


def _lay_dais(
    dais: DaisSpec, people: int, centre_x: float, stage_front: float, ymax: float, width: float, source: str
) -> tuple[list[Seat], list[Shape]]:
    rows = dais.rows or ((people,) if people else ())
    need_depth = DAIS_EDGE_GAP + DAIS_TABLE_DEPTH + 0.4 + (len(rows) - 1) * dais.row_pitch + 0.5
    if rows and stage_front + need_depth > ymax + 1e-9:
        raise GeometryError(
            f"{len(rows)} dais rows need a stage {need_depth:.1f} m deep; it is {ymax - stage_front:.1f} m",
            location=Location(file=source, field="venue.stage_depth", value=round(ymax - stage_front, 2)),
            hint="make the stage deeper, use fewer dais rows, or reduce dais.row_pitch",
        )
    seats: list[Seat] = []
    shapes: list[Shape] = []
    for r, count in enumerate(rows, start=1):
        offsets = dais_offsets(count, even=dais.even_mode, pitch=dais.seat_pitch)
        span = max(offsets) - min(offsets) + dais.seat_pitch
        if span > width - 1.0:
            raise GeometryError(
                f"dais row {r} has {count} seats at {dais.seat_pitch} m = {span:.1f} m; the room is {width:.1f} m wide",
                location=Location(file=source, field="dais.rows", value=list(rows)),
                hint="split the row (dais.rows = [9, 8]) or reduce dais.seat_pitch",
            )
        y = stage_front + DAIS_EDGE_GAP + DAIS_TABLE_DEPTH + 0.4 + (r - 1) * dais.row_pitch
        for k, off in enumerate(sorted(offsets), start=1):
            seats.append(Seat(id=f"dais-r{r}-s{k:02d}", section="dais", row=r, number=k, x=round(centre_x + off, 4), y=round(y, 4), facing=FACING_BACK))
        table_y = y - 0.4 - DAIS_TABLE_DEPTH / 2
        x0, x1 = centre_x + min(offsets) - dais.seat_pitch / 2, centre_x + max(offsets) + dais.seat_pitch / 2
        shapes.append(Shape(ShapeKind.TABLE, ((x0, table_y - 0.3), (x1, table_y - 0.3), (x1, table_y + 0.3), (x0, table_y + 0.3)), f"主席台第{r}排"))
    return seats, shapes


def _lay_floor(
    floor: FloorSpec, free: shapely.Geometry, centre_x: float, stage_front: float, ymin: float, width: float, source: str
) -> list[Seat]:
    row_width = sum(floor.blocks) * floor.seat_width + (len(floor.blocks) - 1) * floor.aisle_width
    if row_width + 2 * floor.side_aisle > width + 1e-9:
        raise GeometryError(
            f"floor blocks {list(floor.blocks)} need {row_width + 2 * floor.side_aisle:.1f} m with aisles; the room is {width:.1f} m wide",
            location=Location(file=source, field="floor.blocks", value=list(floor.blocks)),
            hint="use fewer seats per block, narrower aisles, or a smaller seat_width",
        )
    first_y = stage_front - floor.front_gap - CHAIR_SIZE / 2
    last_allowed = ymin + floor.back_gap + CHAIR_SIZE / 2
    fit = int(math.floor((first_y - last_allowed) / floor.row_pitch + 1e-9)) + 1 if first_y >= last_allowed else 0
    if floor.rows > fit:
        raise GeometryError(
            f"{floor.rows} floor rows need {(floor.rows - 1) * floor.row_pitch + floor.front_gap + floor.back_gap + CHAIR_SIZE:.1f} m "
            f"in front of the stage; there is {stage_front - ymin:.1f} m",
            location=Location(file=source, field="floor.rows", value=floor.rows),
            hint=f"use at most {fit} rows, a smaller row_pitch, or smaller front_gap/back_gap",
        )
    n_rows = floor.rows or fit
    xs: list[float] = []
    left = centre_x - row_width / 2
    for count in floor.blocks:
        xs += [left + (k + 0.5) * floor.seat_width for k in range(count)]
        left += count * floor.seat_width + floor.aisle_width
    ys = [first_y - i * floor.row_pitch for i in range(n_rows)]
    grid_x = [gx for _ in ys for gx in xs]
    grid_y = [gy for gy in ys for _ in xs]
    half = CHAIR_SIZE / 2
    boxes = shapely.box(
        [gx - half for gx in grid_x], [gy - half for gy in grid_y], [gx + half for gx in grid_x], [gy + half for gy in grid_y]
    )
    inside = shapely.contains(free, boxes)
    rows: list[tuple[float, list[float]]] = []
    for r, y in enumerate(ys):
        row_xs = [xs[k] for k in range(len(xs)) if inside[r * len(xs) + k]]
        if row_xs:
            rows.append((y, row_xs))
    numbers = number_floor([len(row_xs) for _, row_xs in rows], numbering=floor.numbering, odd_side=floor.odd_side)
    return [
        Seat(
            id=f"floor-r{r:02d}-s{k:03d}",
            section="floor",
            row=r,
            number=num,
            x=round(sx, 4),
            y=round(y, 4),
            facing=FACING_FRONT,
        )
        for r, ((y, row_xs), row_numbers) in enumerate(zip(rows, numbers), start=1)
        for k, (sx, num) in enumerate(zip(row_xs, row_numbers), start=1)
    ]
