"""The seating diagram: room, stage, doors and every seat with its occupant.

Frame
-----
Everything is drawn in the plan frame of the model (metres, x to the right, y
towards the stage) with +y pointing up on the page. That picture *is* the
audience view (台下视角): the audience faces +y, so audience-view left→right is
+x, the stage is at the top and the main door at the bottom. The frame is
written on every drawing.

Nothing here uses pyplot: figures are :class:`matplotlib.figure.Figure` objects
with an Agg canvas, and every matplotlib setting is applied through
``rc_context``, so no global state changes and no GUI is needed.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from seatplan.model import Attendee, Plan, Seat, SeatingProblem, Shape, ShapeKind
from seatplan.model.seats import SeatTag
from seatplan.model.venue import Door, Point
from seatplan.render import labels, style
from seatplan.render.markers import Marker, make_seat_collection
from seatplan.render.png import write_png
from seatplan.render.units import unit_block_labels

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["draw_plan", "save_plan_images"]

#: Nominal seat marker (width, height) in metres on the floor and on the dais.
FLOOR_BOX = (0.45, 0.6)
DAIS_BOX = (0.85, 0.6)
#: Figure scale for a drawing made by :func:`draw_plan` itself.
INCH_PER_METRE = 1.3
#: Upper bound of the PNG's long side, pixels.
MAX_PIXELS = 8000
#: Seat tag of a banquet table's host seat (主位, place 1), drawn with a red frame.
HOST_SEAT_TAG = SeatTag.HOST_SEAT
#: Seat tags with their own look: principals framed like the dais, standing places dashed,
#: reserved seats shaded and marked 留, chairs protocol keeps empty marked 空.
PRINCIPAL_TAG = SeatTag.PRINCIPAL
STANDING_TAG = SeatTag.STANDING
RESERVED_TAG = SeatTag.RESERVED
EMPTY_CHAIR_TAGS = frozenset({SeatTag.DAIS_EMPTY_CENTRE, SeatTag.DAIS_SPARE})
#: Default resolution, dots per inch.
DEFAULT_DPI = 150

_MARGIN_IN = 0.4
_PAD_SIDE_M = 1.6
_PAD_BOTTOM_M = 1.9
_PAD_TOP_M = 0.5

# z-orders
_Z_FLOOR, _Z_AISLE, _Z_STAGE, _Z_TABLE, _Z_WALL, _Z_DOOR, _Z_SEAT, _Z_TEXT = 0, 1, 2, 3, 4, 5, 6, 7


# --------------------------------------------------------------------------- public API


def draw_plan(
    problem: SeatingProblem,
    plan: Plan | None = None,
    *,
    ax: Axes | None = None,
    title: str = "",
    show_names: bool = True,
) -> Axes:
    """Draw the seating diagram of ``problem`` (and who sits where, from ``plan``).

    The drawing is in audience view (台下视角): the plan frame with +y up, the
    stage at the top and the main door at the bottom.

    Parameters
    ----------
    problem
        Layout (room, shapes, seats) and the attendees.
    plan
        Who sits where; ``None`` draws every seat empty.
    ax
        Axes to draw into. ``None`` makes a new Agg :class:`~matplotlib.figure.Figure`
        sized from the room (about 1.3 inch per metre, PNG long side at most
        8000 px at 150 dpi) with the unit legend in its own panel. With a given
        axes, fonts are sized from that axes and the legend is put to its right.
    title
        Title drawn above the plan; defaults to ``problem.title``.
    show_names
        False draws seat numbers and unit colours only.

    Returns
    -------
    matplotlib.axes.Axes
        The axes holding the room.

    Raises
    ------
    seatplan.errors.UnknownIdError
        If ``plan`` names a seat or attendee that is not in ``problem``.
    """
    return _draw(problem, plan, ax=ax, title=title, show_names=show_names, dpi=DEFAULT_DPI)


def save_plan_images(
    problem: SeatingProblem,
    plan: Plan | None,
    png_path: Path | None,
    svg_path: Path | None,
    *,
    title: str = "",
    dpi: int = DEFAULT_DPI,
) -> None:
    """Draw the diagram and write it as PNG and/or SVG.

    The same input gives byte-identical files: no dates or software versions
    are written, the SVG hash salt is fixed, and SVG text is stored as paths
    (so Chinese shows on any viewer without the font).

    Parameters
    ----------
    problem
        Layout and attendees.
    plan
        Who sits where; ``None`` for an empty plan.
    png_path, svg_path
        Output files; ``None`` skips that format. Parent folders are created.
    title
        Title drawn above the plan; defaults to ``problem.title``.
    dpi
        PNG resolution; the figure shrinks so the long side stays within 8000 px.
    """
    if png_path is None and svg_path is None:
        return
    from matplotlib import rc_context

    ax = _draw(problem, plan, ax=None, title=title, show_names=True, dpi=dpi)
    fig = cast("Figure", ax.figure)  # _draw makes a top-level figure, never a subfigure
    with rc_context(style.rc_params()):
        if png_path is not None:
            png_path = Path(png_path)
            png_path.parent.mkdir(parents=True, exist_ok=True)
            fig.set_dpi(dpi)
            fig.canvas.draw()
            write_png(fig.canvas.buffer_rgba(), png_path, dpi)  # type: ignore[attr-defined]
        if svg_path is not None:
            svg_path = Path(svg_path)
            svg_path.parent.mkdir(parents=True, exist_ok=True)
            fig.savefig(svg_path, format="svg", metadata={"Date": None})


# --------------------------------------------------------------------------- data gathering


@dataclass(frozen=True)
class _SeatStyle:
    """Marker size (metres) and font sizes (points) for the seats of one section."""

    w: float
    h: float
    name_fs: float
    number_fs: float
    avail_pt: float
    name_area_pt: float
    name_dy: float = 0.0  # offset of the name's centre below the marker centre, metres


@dataclass(frozen=True)
class _LegendEntry:
    text: str
    face: str
    edge: str
    lw: float = 0.8


@dataclass(frozen=True)
class _LegendGrid:
    ncols: int
    nrows: int
    col_w: float
    row_h: float
    header_h: float
    width: float
    height: float
    row_major: bool


def _occupants(problem: SeatingProblem, plan: Plan | None) -> dict[str, Attendee]:
    """Seat id → attendee sitting there."""
    if plan is None:
        return {}
    out: dict[str, Attendee] = {}
    for aid, sid in sorted(plan.seat_of.items(), key=lambda kv: kv[1]):
        problem.seat(sid)  # raises UnknownIdError for a stray seat id
        out[sid] = problem.attendee(aid)
    return out


def _seat_walk(problem: SeatingProblem) -> list[Seat]:
    """Seats in zone order (each zone most honoured first), then the rest in layout order."""
    seen: set[str] = set()
    out: list[Seat] = []
    for zone in problem.zones:
        for sid in zone.seat_ids:
            if sid not in seen:
                seen.add(sid)
                out.append(problem.seat(sid))
    for seat in problem.seats:
        if seat.id not in seen:
            seen.add(seat.id)
            out.append(seat)
    return out


def _unit_label(unit: str) -> str:
    return unit.strip() or style.NO_UNIT_LABEL


def _unit_order(problem: SeatingProblem, occupants: dict[str, Attendee]) -> list[str]:
    """Units in order of first appearance when walking the seats in precedence order."""
    units: list[str] = []
    seen: set[str] = set()
    for seat in _seat_walk(problem):
        person = occupants.get(seat.id)
        if person is None:
            continue
        unit = _unit_label(person.unit)
        if unit not in seen:
            seen.add(unit)
            units.append(unit)
    return units


def _median_nearest(points: Sequence[tuple[float, float]]) -> float | None:
    """Median distance from a point to its nearest other point (``None`` if < 2 points).

    Points closer than 1e-6 m to each other say nothing about the pitch and are skipped as
    neighbours. Exact: a grid of cells finds the nearest point in the 3×3 cells around
    each point; where that is farther than a cell, all points are searched.
    """
    if len(points) < 2:
        return None
    import numpy as np

    p = np.asarray(points, dtype=float)
    n = len(p)
    lo = p.min(axis=0)
    span = np.maximum(p.max(axis=0) - lo, 1e-9)
    cell = max(3.0 * float(np.sqrt(span[0] * span[1] / n)), float(max(span)) / n, 1e-3)  # about 9 points a cell
    keys = np.floor((p - lo) / cell).astype(np.int64)
    buckets: dict[tuple[int, int], list[int]] = {}
    for i, (kx, ky) in enumerate(keys.tolist()):
        buckets.setdefault((kx, ky), []).append(i)
    best = np.full(n, np.inf)
    for (kx, ky), members in buckets.items():
        near = [j for dx in (-1, 0, 1) for dy in (-1, 0, 1) for j in buckets.get((kx + dx, ky + dy), ())]
        mine, other = p[members], p[near]
        d = np.hypot(mine[:, None, 0] - other[None, :, 0], mine[:, None, 1] - other[None, :, 1])
        d[d < 1e-6] = np.inf  # itself, and coincident seats
        best[members] = d.min(axis=1)
    far = np.flatnonzero(best > cell)  # the nearest point may lie beyond the 3×3 cells
    for start in range(0, len(far), 512):
        idx = far[start : start + 512]
        d = np.hypot(p[idx, None, 0] - p[None, :, 0], p[idx, None, 1] - p[None, :, 1])
        d[d < 1e-6] = np.inf
        best[idx] = d.min(axis=1)
    best = best[np.isfinite(best)]
    return float(np.median(best)) if len(best) else None


def _median(values: Sequence[float]) -> float | None:
    if not values:
        return None
    v = sorted(values)
    mid = len(v) // 2
    return v[mid] if len(v) % 2 else (v[mid - 1] + v[mid]) / 2


def _axes(seat: Seat) -> tuple[Point, Point]:
    """The seat's own frame: (unit vector to its right-hand neighbour in the audience view, facing)."""
    f = math.radians(seat.facing)
    return (math.sin(f), -math.cos(f)), (math.cos(f), math.sin(f))


def _facing_key(seat: Seat) -> int:
    return round(seat.facing) % 360


def _mixed_facing(group: Sequence[Seat]) -> bool:
    """True when the seats of a group face different ways (round tables, horseshoes)."""
    return len({_facing_key(s) for s in group}) > 1


def _row_pitches(group: Sequence[Seat]) -> tuple[float | None, float | None]:
    """Median seat pitch along the rows and median distance between rows (``None`` if unknown).

    Both are measured in the seats' own frame (along = across the seat, between rows =
    along its facing), so a row on a side wall is measured like a row facing the stage.
    """
    rows: dict[tuple[int, int], list[Seat]] = {}
    for seat in group:
        if not seat.table:
            rows.setdefault((_facing_key(seat), seat.row), []).append(seat)
    along: list[float] = []
    depth: dict[int, list[float]] = {}
    for (facing, _), seats in rows.items():
        (tx, ty), (nx, ny) = _axes(seats[0])
        xs = sorted(s.x * tx + s.y * ty for s in seats)
        along.extend(b - a for a, b in itertools.pairwise(xs) if b - a > 1e-6)
        depth.setdefault(facing, []).append(_median([s.x * nx + s.y * ny for s in seats]) or 0.0)
    across: list[float] = []
    for values in depth.values():
        values.sort()
        across.extend(b - a for a, b in itertools.pairwise(values) if b - a > 1e-6)
    return _median(along), _median(across)


def _sections(seats: Iterable[Seat]) -> dict[str, list[Seat]]:
    """Seats grouped by section, sections in sorted order."""
    groups: dict[str, list[Seat]] = {}
    for seat in seats:
        groups.setdefault(seat.section, []).append(seat)
    return dict(sorted(groups.items()))


def _turned_sections(seats: Sequence[Seat]) -> set[str]:
    """Sections whose chairs are drawn turned, with a chair back.

    Every section when the seats of the room face three or more ways (a round or square
    table, a horseshoe, a head of table with two sides), else the sections whose own seats
    face different ways (curved rows) or face a side wall (a table pointing at the door).
    Rows facing the stage and a dais facing them stay plain boxes.
    """
    groups = _sections(seats)
    if len({_facing_key(s) for s in seats}) >= 3:
        return set(groups)
    return {
        section
        for section, group in groups.items()
        if _mixed_facing(group) or any(_facing_key(s) not in (90, 270) for s in group)
    }


def _section_boxes(seats: Sequence[Seat]) -> dict[str, tuple[float, float]]:
    """Section → (width, depth) of its seat markers in the seat's own frame, metres.

    The nominal chair shrinks to the seat and row pitch; where the seats of a section face
    different ways (round tables, horseshoes) the marker is square, so a name written
    upright fits it at any rotation.
    """
    out: dict[str, tuple[float, float]] = {}
    for section, group in _sections(seats).items():
        nom_w, nom_h = DAIS_BOX if group[0].is_dais else FLOOR_BOX
        nn = _median_nearest([(s.x, s.y) for s in group])
        if nn is None:
            out[section] = (nom_w, nom_h)
            continue
        along, across = _row_pitches(group)
        has_tables = any(s.table for s in group)
        w = min(nom_w, 0.85 * (along if along and not has_tables else nn))
        h = min(nom_h, 0.72 * across if across and not has_tables else 0.85 * nn)
        # a row pitch far larger than the nearest neighbour means the seats are not in
        # straight rows (staggered, curved): fall back to the nearest-neighbour distance
        if along is not None and along > 1.5 * nn:
            w = min(nom_w, 0.85 * nn)
        if across is not None and across > 2.5 * nn and not has_tables:
            h = min(h, max(0.85 * nn, w))
        if _mixed_facing(group):
            w = h = min(max(w, h), 0.85 * nn, max(nom_w, nom_h))
        out[section] = (w, h)
    if len({_facing_key(s) for s in seats}) >= 3 and out:
        # a room of turned chairs: one square size for all, so no side looks smaller
        side = min(min(w, h) for w, h in out.values())
        out = {k: (side, side) for k in out}
    return out


def _em_width(text: str) -> float:
    """Width of ``text`` set in the CJK face, in ems (one em = the font size)."""
    return labels.text_width_em(text)


def _split_lines(name: str, k: int) -> list[str]:
    """Split a long name into ``k`` lines, at middle dots or spaces first, then in halves."""
    parts: list[str] = []
    current = ""
    for ch in name:
        current += ch
        if ch in "·•・ ":
            parts.append(current)
            current = ""
    if current:
        parts.append(current)
    # merge the dot-separated parts down to k lines, joining the narrowest neighbours
    while len(parts) > k:
        i = min(range(len(parts) - 1), key=lambda j: (_em_width(parts[j] + parts[j + 1]), j))
        parts[i : i + 2] = [parts[i] + parts[i + 1]]
    # split the widest line until there are k lines
    while len(parts) < k:
        i = max(range(len(parts)), key=lambda j: (_em_width(parts[j]), -j))
        line = parts[i]
        if len(line) < 2 or all(ord(ch) < 0x2E80 for ch in line):
            break  # never cut inside a Latin word ("Wen-hua"): shrink instead
        cut = min(range(1, len(line)), key=lambda c: (max(_em_width(line[:c]), _em_width(line[c:])), -c))
        parts[i : i + 1] = [line[:cut], line[cut:]]
    return [p.strip() for p in parts]


def _fit_name(name: str, st: _SeatStyle) -> tuple[str, float]:
    """Return the text (on 1 to 3 lines) and font size that fit a seat marker.

    Names of up to three characters use the section's name size, so the common
    2- and 3-character names all look alike; longer names shrink, and very long
    ones (minority names with a middle dot) wrap onto two or three lines.
    """
    width = _em_width(name)
    if width <= 3.0 + 1e-6:
        return name, st.name_fs
    best_text, best_fs = name, min(st.name_fs, st.avail_pt / width)
    if width <= 4.6:
        return best_text, best_fs
    for k in (2, 3):
        lines = _split_lines(name, k)
        line_w = max(max(_em_width(line) for line in lines), 1.0)
        fs = min(st.name_fs, st.avail_pt / line_w, st.name_area_pt / (len(lines) * 1.25))
        if fs > best_fs * 1.05:
            best_text, best_fs = "\n".join(lines), fs
    return best_text, best_fs


def _clamp(value: float, lo: float, hi: float) -> float:
    return max(lo, min(hi, value))


# --------------------------------------------------------------------------- geometry


def _signed_area(poly: Sequence[Point]) -> float:
    return 0.5 * sum(
        poly[i][0] * poly[(i + 1) % len(poly)][1] - poly[(i + 1) % len(poly)][0] * poly[i][1]
        for i in range(len(poly))
    )


def _nearest_wall(
    outline: Sequence[Point], px: float, py: float
) -> tuple[tuple[float, float], tuple[float, float], tuple[float, float]]:
    """Foot point, unit tangent and outward unit normal of the wall nearest to (px, py)."""
    ccw = _signed_area(outline) >= 0
    best: tuple[float, tuple[float, float], tuple[float, float], tuple[float, float]] | None = None
    for i, (ax_, ay) in enumerate(outline):
        bx, by = outline[(i + 1) % len(outline)]
        dx, dy = bx - ax_, by - ay
        length2 = dx * dx + dy * dy
        if length2 <= 0:
            continue
        t = _clamp(((px - ax_) * dx + (py - ay) * dy) / length2, 0.0, 1.0)
        fx, fy = ax_ + t * dx, ay + t * dy
        dist = math.hypot(px - fx, py - fy)
        length = math.sqrt(length2)
        tangent = (dx / length, dy / length)
        normal = (tangent[1], -tangent[0]) if ccw else (-tangent[1], tangent[0])
        if best is None or dist < best[0] - 1e-9:
            best = (dist, (fx, fy), tangent, normal)
    if best is None:  # degenerate outline
        return (px, py), (1.0, 0.0), (0.0, -1.0)
    return best[1], best[2], best[3]


def _bounds_of(points: Iterable[Point]) -> tuple[float, float, float, float] | None:
    pts = list(points)
    if not pts:
        return None
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    return (min(xs), min(ys), max(xs), max(ys))


def _data_limits(
    problem: SeatingProblem, boxes: dict[str, tuple[float, float]]
) -> tuple[tuple[float, float], tuple[float, float]]:
    """x and y limits of the drawing in metres: room, shapes and seats plus margins for labels."""
    pts: list[Point] = list(problem.layout.venue.outline)
    for shape in problem.layout.shapes:
        pts.extend(shape.points)
    for seat in problem.seats:
        w, h = boxes[seat.section]
        pts.append((seat.x - w / 2, seat.y - h / 2))
        pts.append((seat.x + w / 2, seat.y + h / 2))
    b = _bounds_of(pts)
    assert b is not None  # the outline has at least 3 points
    x0, y0, x1, y1 = b
    return (x0 - _PAD_SIDE_M, x1 + _PAD_SIDE_M), (y0 - _PAD_BOTTOM_M, y1 + _PAD_TOP_M)


# --------------------------------------------------------------------------- figure layout


def _header_sizes(ppm: float) -> tuple[float, float]:
    """Title and note font sizes (points) for a drawing at ``ppm`` points per metre."""
    return _clamp(0.36 * ppm, 12.0, 40.0), _clamp(0.17 * ppm, 8.0, 18.0)


def _legend_size(ppm: float) -> float:
    """Legend font size (points) for a drawing at ``ppm`` points per metre."""
    return _clamp(0.15 * ppm, 9.0, 16.0)


def _header_height_in(title_fs: float, note_fs: float, has_title: bool, n_waivers: int = 0) -> float:
    lines = note_fs * 1.5 * (2 + n_waivers) + (title_fs * 1.6 if has_title else 0.0)
    return lines / 72 + 0.15


def _waiver_lines(problem: SeatingProblem) -> list[str]:
    """One line per fire-code breach the plan waived (``[[check.waive]]``), to be printed on the drawing."""
    return [f"已豁免 [{f.rule}] {f.where}: {f.message} — 理由: {f.waived}" for f in problem.layout.findings if f.waived]


def _legend_grid(entries: Sequence[_LegendEntry], fs: float, avail_in: float, below: bool) -> _LegendGrid:
    """Columns and rows of the legend panel (inches) for the available width or height."""
    n = max(1, len(entries))
    swatch = fs * 2.2 / 72
    widest = max((_em_width(e.text) for e in entries), default=4.0)
    col_w = swatch + 0.12 + widest * fs / 72 + 0.4
    row_h = fs * 1.9 / 72
    header_h = fs * 2.6 / 72
    if below:
        ncols = max(1, min(n, int((avail_in + 0.4) // col_w)))
        nrows = math.ceil(n / ncols)
        ncols = math.ceil(n / nrows)  # balance the last row
    else:
        rows_max = max(1, int((avail_in - header_h) // row_h))
        ncols = math.ceil(n / rows_max)
        nrows = math.ceil(n / ncols)
    return _LegendGrid(
        ncols=ncols,
        nrows=nrows,
        col_w=col_w,
        row_h=row_h,
        header_h=header_h,
        width=ncols * col_w,
        height=header_h + nrows * row_h,
        row_major=below,
    )


def _make_figure(
    xlim: tuple[float, float],
    ylim: tuple[float, float],
    entries: Sequence[_LegendEntry],
    has_title: bool,
    dpi: int,
    n_waivers: int = 0,
) -> tuple[Figure, Axes, Axes, _LegendGrid]:
    """Create an Agg figure sized from the room: room axes, legend axes and legend grid."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    xr, yr = xlim[1] - xlim[0], ylim[1] - ylim[0]
    limit_in = MAX_PIXELS / dpi
    scale = INCH_PER_METRE
    m = _MARGIN_IN
    gap = 0.3
    for _ in range(40):
        title_fs, note_fs = _header_sizes(72 * scale)
        header = _header_height_in(title_fs, note_fs, has_title, n_waivers)
        room_w, room_h = xr * scale, yr * scale
        legend_fs = _legend_size(72 * scale)
        below = _legend_grid(entries, legend_fs, room_w, below=True)
        right = _legend_grid(entries, legend_fs, room_h, below=False)
        size_below = (2 * m + max(room_w, below.width), 2 * m + header + room_h + gap + below.height)
        size_right = (2 * m + room_w + gap + right.width, 2 * m + header + max(room_h, right.height))
        use_below = size_below[0] * size_below[1] <= size_right[0] * size_right[1] * 1.05
        grid, (fig_w, fig_h) = (below, size_below) if use_below else (right, size_right)
        longest = max(fig_w, fig_h)
        if longest <= limit_in + 1e-9 or scale <= 0.15:
            break
        scale = max(0.15, scale * min(0.98, limit_in / longest))

    fig = Figure(figsize=(fig_w, fig_h), dpi=dpi, facecolor="white")
    FigureCanvasAgg(fig)
    if grid.row_major:
        room_rect = (m, m + grid.height + gap, room_w, room_h)
        legend_rect = (m, m, grid.width, grid.height)
    else:
        room_rect = (m, fig_h - m - header - room_h, room_w, room_h)
        legend_rect = (m + room_w + gap, fig_h - m - header - grid.height, grid.width, grid.height)
    ax = fig.add_axes(_to_fraction(room_rect, fig_w, fig_h))
    legend_ax = fig.add_axes(_to_fraction(legend_rect, fig_w, fig_h))
    return fig, ax, legend_ax, grid


def _to_fraction(rect: tuple[float, float, float, float], fig_w: float, fig_h: float) -> tuple[float, float, float, float]:
    x, y, w, h = rect
    return (x / fig_w, y / fig_h, w / fig_w, h / fig_h)


def _points_per_metre(ax: Axes, xlim: tuple[float, float], ylim: tuple[float, float]) -> float:
    """Points per metre of the axes after equal aspect is applied."""
    ax.apply_aspect()
    dpi = ax.figure.dpi
    w_in = ax.bbox.width / dpi
    h_in = ax.bbox.height / dpi
    return 72.0 * min(w_in / (xlim[1] - xlim[0]), h_in / (ylim[1] - ylim[0]))


# --------------------------------------------------------------------------- drawing


def _draw(
    problem: SeatingProblem,
    plan: Plan | None,
    *,
    ax: Axes | None,
    title: str,
    show_names: bool,
    dpi: int,
) -> Axes:
    from matplotlib import rc_context

    with rc_context(style.rc_params()):
        occupants = _occupants(problem, plan)
        units = _unit_order(problem, occupants)
        colours = style.unit_colours(units)
        counts: dict[str, int] = {}
        for person in occupants.values():
            unit = _unit_label(person.unit)
            counts[unit] = counts.get(unit, 0) + 1
        boxes = _section_boxes(problem.seats)
        xlim, ylim = _data_limits(problem, boxes)
        entries = _legend_entries(problem, occupants, units, colours, counts)
        title_text = title or problem.title

        legend_ax = None
        grid = None
        if ax is None:
            n_waivers = len(_waiver_lines(problem))
            _, ax, legend_ax, grid = _make_figure(xlim, ylim, entries, bool(title_text), dpi, n_waivers)
        ax.set_xlim(*xlim)
        ax.set_ylim(*ylim)
        ax.set_aspect("equal", adjustable="box")
        ax.set_axis_off()
        ppm = _points_per_metre(ax, xlim, ylim)

        turned = _turned_sections(problem.seats)
        styles = _seat_styles(boxes, ppm, turned)
        _draw_room(ax, problem, ppm)
        seat_labels = _draw_seats(ax, problem, occupants, colours, styles, turned, show_names, ppm)
        seat_labels += _draw_row_labels(ax, problem, styles, ppm)
        ax.add_artist(labels.make_label_layer(seat_labels, ppm, zorder=_Z_TEXT, gid="seat-labels"))
        _draw_unit_blocks(ax, problem, occupants, counts, boxes, ppm)
        _draw_scale_bar(ax, problem, ppm)
        _draw_header(ax, problem, plan, occupants, title_text, ppm)
        if legend_ax is not None and grid is not None:
            _draw_legend_panel(legend_ax, entries, grid, _legend_size(ppm))
        else:
            _draw_legend_inline(ax, entries, ppm)
    return ax


def _draw_unit_blocks(
    ax: Axes,
    problem: SeatingProblem,
    occupants: dict[str, Attendee],
    counts: dict[str, int],
    boxes: dict[str, tuple[float, float]],
    ppm: float,
) -> None:
    """Label every unit block of the rows facing the stage with its name and head count (gid ``unit-labels``)."""
    from matplotlib.collections import LineCollection

    pitches = {section: _row_pitches(group) for section, group in _sections(problem.seats).items()}
    texts, brackets = unit_block_labels(problem.seats, occupants, counts, boxes, pitches, ppm, _unit_label)
    if not texts:
        return
    ax.add_collection(LineCollection(brackets, linewidths=_clamp(0.012 * ppm, 0.5, 1.2), colors=style.TEXT,
                                     capstyle="butt", zorder=_Z_TEXT, gid="unit-brackets"), autolim=False)
    ax.add_artist(labels.make_label_layer(texts, ppm, zorder=_Z_TEXT, gid="unit-labels"))


def _seat_styles(boxes: dict[str, tuple[float, float]], ppm: float, turned: set[str]) -> dict[str, _SeatStyle]:
    """Font sizes per section; names in ``turned`` sections (markers rotated to the seat's
    facing, names upright) keep inside the circle the marker's corners may swing through."""
    out: dict[str, _SeatStyle] = {}
    for section, (w, h) in boxes.items():
        w_pt, h_pt = w * ppm, h * ppm
        avail = (0.74 if section in turned else 0.86) * w_pt
        number_fs = max(1.0, 0.18 * min(w_pt, h_pt))
        # the number sits at the top; the name fills the rest of the marker
        top_pad, bottom_pad = 0.04 * h_pt, 0.06 * h_pt
        name_area = max(1.0, h_pt - top_pad - 1.25 * number_fs - bottom_pad)
        name_centre_pt = h_pt / 2 - (top_pad + 1.25 * number_fs + name_area / 2)
        name_fs = min(avail / 3.0, name_area / 1.3)
        out[section] = _SeatStyle(
            w=w,
            h=h,
            name_fs=max(1.0, name_fs),
            number_fs=number_fs,
            avail_pt=avail,
            name_area_pt=name_area,
            name_dy=-name_centre_pt / ppm,
        )
    return out


def _legend_entries(
    problem: SeatingProblem,
    occupants: dict[str, Attendee],
    units: Sequence[str],
    colours: dict[str, str],
    counts: dict[str, int],
) -> list[_LegendEntry]:
    entries = [_LegendEntry(f"{u}  {counts[u]}人", colours[u], style.SEAT_EDGE) for u in units]
    empty = sum(1 for s in problem.seats if s.id not in occupants)
    if empty:
        entries.append(_LegendEntry(f"空座  {empty}", style.EMPTY_FACE, style.EMPTY_EDGE))
    if any(s.is_dais for s in problem.seats):
        entries.append(_LegendEntry(f"{style.DAIS_LABEL}座位（红框）", style.EMPTY_FACE, style.DAIS_EDGE, 1.6))
    if any(HOST_SEAT_TAG in s.tags for s in problem.seats):
        hosts = {s.table for s in problem.seats if HOST_SEAT_TAG in s.tags}
        per_table = all(sum(1 for s in problem.seats if HOST_SEAT_TAG in s.tags and s.table == t) == 1 for t in hosts)
        entries.append(_LegendEntry("主位：各桌1号（红框）" if per_table and len(hosts) > 1 else "主位（红框）", style.EMPTY_FACE, style.DAIS_EDGE, 1.6))
    return entries


def _polygon(ax: Axes, points: Sequence[Point], **kwargs: object) -> None:
    from matplotlib.patches import Polygon

    ax.add_patch(Polygon([tuple(p) for p in points], closed=True, **kwargs))


def _centroid(points: Sequence[Point]) -> tuple[float, float]:
    b = _bounds_of(points)
    assert b is not None
    return ((b[0] + b[2]) / 2, (b[1] + b[3]) / 2)


def _inside(points: Sequence[Point], x: float, y: float) -> bool:
    """True if (x, y) lies inside the polygon (even-odd rule)."""
    inside = False
    n = len(points)
    for i in range(n):
        (x1, y1), (x2, y2) = points[i], points[(i + 1) % n]
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _seated_table(problem: SeatingProblem, shape: Shape) -> bool:
    """True if ``shape`` is a table whose seats carry a table label (a banquet table)."""
    groups: dict[str, list[Seat]] = {}
    for seat in problem.seats:
        if seat.table:
            groups.setdefault(seat.table, []).append(seat)
    return any(
        _inside(shape.points, sum(s.x for s in g) / len(g), sum(s.y for s in g) / len(g)) for g in groups.values()
    )


def _text(ax: Axes, x: float, y: float, s: str, fs: float, **kwargs: object) -> None:
    ax.text(x, y, s, fontproperties=style.cjk_font(fs), **kwargs)  # type: ignore[arg-type]


def _draw_room(ax: Axes, problem: SeatingProblem, ppm: float) -> None:
    venue = problem.layout.venue
    shapes = problem.layout.shapes
    wall_lw = _clamp(0.035 * ppm, 1.2, 3.5)
    label_fs = _clamp(0.16 * ppm, 6.0, 16.0)

    _polygon(ax, venue.outline, facecolor="#fdfdfd", edgecolor="none", zorder=_Z_FLOOR)
    _polygon(ax, venue.outline, fill=False, edgecolor=style.WALL, linewidth=wall_lw, zorder=_Z_WALL)

    kinds = {k: [s for s in shapes if s.kind is k] for k in ShapeKind}
    for shape in kinds[ShapeKind.ROOM]:
        if tuple(shape.points) != tuple(venue.outline) and len(shape.points) >= 3:
            _polygon(ax, shape.points, fill=False, edgecolor=style.WALL, linewidth=wall_lw * 0.5, zorder=_Z_WALL)
    for shape in kinds[ShapeKind.AISLE]:
        if len(shape.points) >= 3:
            _polygon(ax, shape.points, facecolor=style.AISLE_FACE, edgecolor="none", zorder=_Z_AISLE)

    stages = [s.points for s in kinds[ShapeKind.STAGE] if len(s.points) >= 3]
    stage_labels = [s.label for s in kinds[ShapeKind.STAGE] if len(s.points) >= 3]
    if not stages and venue.stage_depth > 0:
        x0, _, x1, y1 = venue.bounds
        stages = [((x0, y1 - venue.stage_depth), (x1, y1 - venue.stage_depth), (x1, y1), (x0, y1))]
        stage_labels = [""]
    for points, label in zip(stages, stage_labels):
        _polygon(
            ax, points, facecolor=style.STAGE_FACE, edgecolor=style.STAGE_EDGE, linewidth=wall_lw * 0.5,
            zorder=_Z_STAGE,
        )
        _draw_stage_label(ax, problem, points, label or "舞  台", ppm)

    for shape in kinds[ShapeKind.TABLE]:
        if len(shape.points) >= 3:
            _polygon(
                ax, shape.points, facecolor=style.TABLE_FACE, edgecolor=style.TABLE_EDGE,
                linewidth=_clamp(0.012 * ppm, 0.6, 1.5), zorder=_Z_TABLE,
            )
            if shape.label:
                cx, cy = _centroid(shape.points)
                if _seated_table(problem, shape):
                    # a banquet table: its number large enough to read across the room (R-BNQ-11)
                    b = _bounds_of(shape.points)
                    assert b is not None
                    inner = 0.7 * min(b[2] - b[0], b[3] - b[1]) * ppm
                    fs = _clamp(min(inner / max(_em_width(shape.label), 1.0), 0.3 * ppm), 6.0, 40.0)
                    _text(ax, cx, cy, shape.label, fs, ha="center", va="center", color=style.TEXT,
                          zorder=_Z_TABLE + 0.1)
                else:
                    _text(ax, cx, cy, shape.label, label_fs, ha="center", va="center", color=style.MUTED_TEXT,
                          zorder=_Z_TABLE + 0.1)
    for shape in kinds[ShapeKind.LECTERN]:
        if len(shape.points) >= 3:
            _polygon(ax, shape.points, facecolor=style.LECTERN_FACE, edgecolor=style.TABLE_EDGE,
                     linewidth=0.8, zorder=_Z_TABLE)
            cx, cy = _centroid(shape.points)
            _text(ax, cx, cy, shape.label or "讲台", label_fs * 0.8, ha="center", va="center",
                  color=style.TEXT, zorder=_Z_TEXT)

    obstacles: list[tuple[Sequence[Point], str]] = [(s.points, s.label) for s in kinds[ShapeKind.OBSTACLE]]
    drawn = {tuple(p) for p, _ in obstacles}
    obstacles += [(o, "") for o in venue.obstacles if tuple(o) not in drawn]
    for outline, label in obstacles:
        if len(outline) < 3:
            continue
        _polygon(ax, outline, facecolor=style.OBSTACLE_FACE, edgecolor=style.OBSTACLE_EDGE, hatch="///",
                 linewidth=0.8, zorder=_Z_TABLE)
        if label:
            cx, cy = _centroid(outline)
            _text(ax, cx, cy, label, label_fs * 0.8, ha="center", va="center", color=style.TEXT,
                  zorder=_Z_TEXT, bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8})

    _draw_doors(ax, problem, kinds[ShapeKind.DOOR], wall_lw, ppm)


def _draw_stage_label(ax: Axes, problem: SeatingProblem, points: Sequence[Point], label: str, ppm: float) -> None:
    """Write the stage label in the free band behind the dais rows, else in the top-left corner."""
    b = _bounds_of(points)
    assert b is not None
    x0, y0, x1, y1 = b
    fs = _clamp(0.3 * ppm, 7.0, 30.0)
    text_h = fs / ppm
    inside = [s for s in problem.seats if x0 <= s.x <= x1 and y0 <= s.y <= y1]
    top_of_seats = max((s.y + 0.35 for s in inside), default=y0)
    band = y1 - top_of_seats
    if band >= text_h + 0.2:
        y = top_of_seats + band / 2
        _text(ax, (x0 + x1) / 2, y, label, fs, ha="center", va="center", color=style.STAGE_EDGE, zorder=_Z_TEXT)
    else:
        _text(ax, x0 + 0.3, y1 - 0.2, label, fs, ha="left", va="top", color=style.STAGE_EDGE, zorder=_Z_TEXT)


def _door_is_main(problem: SeatingProblem, cx: float, cy: float, half: float) -> bool:
    main = problem.layout.venue.main_door
    return main is not None and math.hypot(main.x - cx, main.y - cy) <= max(half, main.width / 2) + 0.5


def _draw_doors(ax: Axes, problem: SeatingProblem, door_shapes: Sequence[Shape], wall_lw: float, ppm: float) -> None:
    venue = problem.layout.venue
    doors: list[tuple[float, float, float | None, str, bool]] = []  # cx, cy, width or None, label, main
    for shape in door_shapes:
        if not shape.points:
            continue
        cx, cy = _centroid(shape.points)
        b = _bounds_of(shape.points)
        assert b is not None
        extent = max(b[2] - b[0], b[3] - b[1]) or None
        is_main = _door_is_main(problem, cx, cy, (extent or 0) / 2)
        if not venue.doors and len(door_shapes) == 1:
            is_main = True
        label = shape.label or (style.MAIN_DOOR_LABEL if is_main else "门")
        doors.append((cx, cy, extent, label, is_main))
    for door in venue.doors:
        if any(math.hypot(door.x - d[0], door.y - d[1]) <= door.width / 2 + 0.5 for d in doors):
            continue
        doors.append((door.x, door.y, door.width, _door_label(door), door.main))

    from matplotlib.patches import FancyArrowPatch

    fs = _clamp(0.18 * ppm, 7.0, 18.0)
    for cx, cy, width, label, is_main in doors:
        (fx, fy), (tx, ty), (nx, ny) = _nearest_wall(venue.outline, cx, cy)
        half = (width or 1.5) / 2
        colour = style.DOOR_COLOUR if is_main else style.MUTED_TEXT
        p0 = (fx - tx * half, fy - ty * half)
        p1 = (fx + tx * half, fy + ty * half)
        ax.plot([p0[0], p1[0]], [p0[1], p1[1]], color="white", linewidth=wall_lw * 1.6,
                solid_capstyle="butt", zorder=_Z_DOOR)
        ax.plot([p0[0], p1[0]], [p0[1], p1[1]], color=colour, linewidth=wall_lw * 0.4,
                linestyle=(0, (3, 2)), zorder=_Z_DOOR)
        for px, py in (p0, p1):
            ax.plot([px - nx * 0.25, px + nx * 0.25], [py - ny * 0.25, py + ny * 0.25], color=style.WALL,
                    linewidth=wall_lw, solid_capstyle="butt", zorder=_Z_DOOR)
        ax.add_patch(
            FancyArrowPatch(
                (fx + nx * 1.0, fy + ny * 1.0), (fx + nx * 0.15, fy + ny * 0.15), arrowstyle="-|>",
                mutation_scale=_clamp(0.2 * ppm, 5.0, 20.0), color=colour, linewidth=wall_lw * 0.6,
                zorder=_Z_DOOR,
            )
        )
        lx, ly = fx + nx * 1.1, fy + ny * 1.1
        if abs(ny) >= abs(nx):
            ha, va = "center", ("top" if ny < 0 else "bottom")
        else:
            ha, va = ("left" if nx > 0 else "right"), "center"
        _text(ax, lx, ly, label, fs if is_main else fs * 0.85, ha=ha, va=va, color=colour, zorder=_Z_TEXT)


def _door_label(door: Door) -> str:
    return door.name or (style.MAIN_DOOR_LABEL if door.main else "门")


def _draw_seats(
    ax: Axes,
    problem: SeatingProblem,
    occupants: dict[str, Attendee],
    colours: dict[str, str],
    styles: dict[str, _SeatStyle],
    turned: set[str],
    show_names: bool,
    ppm: float,
) -> list[labels.Label]:
    """Draw every seat marker (one collection, gid ``seats``) and return the seats' labels.

    The collection's ``seat_ids`` attribute lists the seat ids in the order of its paths.
    """
    from matplotlib.collections import LineCollection

    markers: list[Marker] = []
    backs: list[tuple[Point, Point]] = []
    back_widths: list[float] = []
    out: list[labels.Label] = []
    for seat in problem.seats:
        st = styles[seat.section]
        person = occupants.get(seat.id)
        w_pt = st.w * ppm
        if person is not None:
            face = colours[_unit_label(person.unit)]
            edge = style.SEAT_EDGE
        elif RESERVED_TAG in seat.tags:
            face, edge = style.RESERVED_FACE, style.EMPTY_EDGE
        else:
            face, edge = style.EMPTY_FACE, style.EMPTY_EDGE
        lw = _clamp(0.025 * w_pt, 0.4, 1.2)
        if seat.is_dais or HOST_SEAT_TAG in seat.tags or PRINCIPAL_TAG in seat.tags:
            edge, lw = style.DAIS_EDGE, _clamp(0.03 * w_pt, 1.0, 2.5)
        markers.append(Marker(seat.id, seat.x, seat.y, st.w, st.h, (seat.facing - 90.0) % 360.0, face, edge, lw,
                              STANDING_TAG in seat.tags))
        if seat.section in turned:
            # the chair back, on the side away from where the seat faces
            (tx, ty), (nx, ny) = _axes(seat)
            half, back = st.w / 2 - 0.18 * min(st.w, st.h), st.h / 2
            bx, by = seat.x - nx * back, seat.y - ny * back
            backs.append(((bx - tx * half, by - ty * half), (bx + tx * half, by + ty * half)))
            back_widths.append(2.5 * lw)

        if person is not None and show_names:
            out.append(labels.Label(f"{seat.number}{seat.mark}", seat.x, seat.y + st.h * 0.46, st.number_fs,
                                    style.MUTED_TEXT, va=labels.VAlign.TOP, gid=f"number-{seat.id}"))
            text, fs = _fit_name(person.name, st)
            out.append(labels.Label(text, seat.x, seat.y - st.name_dy, fs, style.TEXT, gid=f"name-{seat.id}",
                                    note=person.name))
        else:
            if EMPTY_CHAIR_TAGS & seat.tags:
                label = "空"  # a chair protocol keeps empty (R-DAIS-6/7): never a number to fill
            elif RESERVED_TAG in seat.tags:
                label = f"留{seat.number}"
            else:
                label = f"{seat.number}{seat.mark}"
            out.append(labels.Label(label, seat.x, seat.y, min(st.number_fs * 1.5, st.avail_pt / 2.0),
                                    style.MUTED_TEXT, gid=f"number-{seat.id}"))
    ax.add_collection(make_seat_collection(markers, zorder=_Z_SEAT), autolim=False)
    if backs:
        ax.add_collection(LineCollection(backs, linewidths=back_widths, colors=style.SEAT_EDGE, capstyle="butt",
                                         zorder=_Z_SEAT, gid="chair-backs"), autolim=False)
    return out


#: Sections whose rows get "N排" labels at both ends.
ROW_LABELLED_SECTIONS = ("dais", "floor", "balcony", "photo")


def _draw_row_labels(
    ax: Axes, problem: SeatingProblem, styles: dict[str, _SeatStyle], ppm: float
) -> list[labels.Label]:
    """Return "N排" (floor) or "主席台" (dais) labels for both ends of every row; write table labels at tables."""
    rows: dict[tuple[str, int], list[Seat]] = {}
    tables: dict[str, list[Seat]] = {}
    for seat in problem.seats:
        if seat.table:
            tables.setdefault(seat.table, []).append(seat)
        else:
            rows.setdefault((seat.section, seat.row), []).append(seat)
    floor_fs = [st.name_fs for sec, st in styles.items() if not sec.startswith("dais")]
    base_fs = min(floor_fs) if floor_fs else _clamp(0.12 * ppm, 5.0, 14.0)
    row_fs = _clamp(0.85 * base_fs, 4.0, 14.0)
    dais_rows = {row for (sec, row) in rows if sec.startswith("dais")}
    out: list[labels.Label] = []
    for (section, row), seats in sorted(rows.items()):
        if not section.startswith(ROW_LABELLED_SECTIONS):
            continue  # sofas, talks tables and signing places are not rows: no "N排" clutter
        st = styles[section]
        left = min(seats, key=lambda s: (s.x, s.y))
        right = max(seats, key=lambda s: (s.x, -s.y))
        if section.startswith("dais"):
            text = style.DAIS_LABEL if len(dais_rows) == 1 else f"{style.DAIS_LABEL}{row}排"
            colour = style.DAIS_EDGE
        else:
            text, colour = f"{row}排", style.MUTED_TEXT
        gap = 0.12
        out.append(labels.Label(text, left.x - st.w / 2 - gap, left.y, row_fs, colour, ha=labels.HAlign.RIGHT))
        out.append(labels.Label(text, right.x + st.w / 2 + gap, right.y, row_fs, colour, ha=labels.HAlign.LEFT))
    labelled = [s for s in problem.layout.shapes if s.kind is ShapeKind.TABLE and s.label and len(s.points) >= 3]
    for table, seats in sorted(tables.items()):
        cx = sum(s.x for s in seats) / len(seats)
        cy = sum(s.y for s in seats) / len(seats)
        if any(shape.label == table or _inside(shape.points, cx, cy) for shape in labelled):
            continue  # the table outline already carries its label
        _text(ax, cx, cy, f"{table}桌", row_fs * 1.2, ha="center", va="center", color=style.MUTED_TEXT,
              zorder=_Z_TEXT)
    return out


def _draw_scale_bar(ax: Axes, problem: SeatingProblem, ppm: float) -> None:
    """A 5 m (or shorter, for small rooms) bar in the bottom corner away from the doors."""
    from matplotlib.patches import Rectangle

    x0, y0, x1, _ = problem.layout.venue.bounds
    bottom_doors = [d.x for d in problem.layout.venue.doors if abs(d.y - y0) < 0.5]
    for shape in problem.layout.shapes:
        if shape.kind is ShapeKind.DOOR and shape.points:
            cx, cy = _centroid(shape.points)
            if abs(cy - y0) < 0.5:
                bottom_doors.append(cx)
    # Keep clear of the door and its label below the wall: 1.6 m either side of a door centre.
    left_span = (x0 + 0.2, min([x1 - 0.2] + [d - 1.6 for d in bottom_doors]))
    right_span = (max([x0 + 0.2] + [d + 1.6 for d in bottom_doors]), x1 - 0.2)
    span_lo, span_hi = max((left_span, right_span), key=lambda s: s[1] - s[0])
    free = span_hi - span_lo
    length = next((n for n in (5, 2, 1) if n <= free), 1)
    start = span_lo if (span_lo, span_hi) == left_span else span_hi - length
    y = y0 - 1.0
    h = 0.12
    for i in range(length):
        ax.add_patch(Rectangle((start + i, y), 1, h, facecolor=style.WALL if i % 2 == 0 else "white",
                               edgecolor=style.WALL, linewidth=0.8, zorder=_Z_TEXT))
    fs = _clamp(0.13 * ppm, 5.0, 12.0)
    _text(ax, start, y - 0.08, "0", fs, ha="center", va="top", color=style.TEXT, zorder=_Z_TEXT)
    _text(ax, start + length, y - 0.08, f"{length} m", fs, ha="center", va="top", color=style.TEXT,
          zorder=_Z_TEXT)
    _text(ax, start + length / 2, y + h + 0.08, "比例尺", fs, ha="center", va="bottom", color=style.MUTED_TEXT,
          zorder=_Z_TEXT)


def _draw_header(
    ax: Axes,
    problem: SeatingProblem,
    plan: Plan | None,
    occupants: dict[str, Attendee],
    title: str,
    ppm: float,
) -> None:
    """Title, viewing frame, head counts and waived fire-code breaches above the axes."""
    title_fs, note_fs = _header_sizes(ppm)
    n_seats = len(problem.seats)
    summary = f"座位 {n_seats} 个 · 已安排 {len(occupants)} 人 · 空座 {n_seats - len(occupants)} 个"
    if plan is not None and plan.unseated:
        summary += f" · 未安排座位 {len(plan.unseated)} 人"
    if problem.layout.venue.name:
        summary = f"会场：{problem.layout.venue.name} · " + summary
    frame = style.FRAME_NOTE if problem.layout.venue.stage_depth > 0 else style.FRAME_NOTE_NO_STAGE
    lines = [(text, note_fs, style.WAIVER_TEXT) for text in _waiver_lines(problem)]
    lines += [(summary, note_fs, style.MUTED_TEXT), (frame, note_fs, style.TEXT)]
    if title:
        lines.append((title, title_fs, style.TEXT))
    offset = 0.3 * note_fs
    for text, fs, colour in lines:
        ax.annotate(
            text, xy=(0.5, 1.0), xycoords="axes fraction", xytext=(0, offset), textcoords="offset points",
            ha="center", va="bottom", fontproperties=style.cjk_font(fs), color=colour, annotation_clip=False,
        )
        offset += fs * 1.45


def _draw_legend_panel(ax: Axes, entries: Sequence[_LegendEntry], grid: _LegendGrid, fs: float) -> None:
    """Legend in its own axes whose data units are inches (0..width, -height..0)."""
    from matplotlib.patches import FancyBboxPatch

    ax.set_xlim(0, grid.width)
    ax.set_ylim(-grid.height, 0)
    ax.set_axis_off()
    texts = [labels.Label("图例：单位及人数（颜色 = 单位）", 0.0, -grid.header_h * 0.35, fs * 1.05,
                          ha=labels.HAlign.LEFT, gid="legend-title")]
    sw, sh = fs * 2.2 / 72, fs * 1.4 / 72
    for i, entry in enumerate(entries):
        if grid.row_major:
            r, c = divmod(i, grid.ncols)
        else:
            c, r = divmod(i, grid.nrows)
        x = c * grid.col_w
        y = -(grid.header_h + (r + 0.5) * grid.row_h)
        ax.add_patch(
            FancyBboxPatch((x, y - sh / 2), sw, sh, boxstyle=f"round,pad=0,rounding_size={sh * 0.25:.4f}",
                           facecolor=entry.face, edgecolor=entry.edge, linewidth=entry.lw)
        )
        texts.append(labels.Label(entry.text, x + sw + 0.12, y, fs, ha=labels.HAlign.LEFT, gid=f"legend-{i + 1}"))
    ax.add_artist(labels.make_label_layer(texts, 72.0, zorder=_Z_TEXT, gid="legend-labels"))  # data units: inches


def _draw_legend_inline(ax: Axes, entries: Sequence[_LegendEntry], ppm: float) -> None:
    """Legend to the right of a caller-supplied axes."""
    if not entries:
        return
    from matplotlib.patches import Patch

    fs = _clamp(0.12 * ppm, 5.0, 11.0)
    handles = [Patch(facecolor=e.face, edgecolor=e.edge, linewidth=e.lw, label=e.text) for e in entries]
    ax.legend(
        handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False,
        prop=style.cjk_font(fs), ncol=max(1, math.ceil(len(entries) / 30)),
        title="单位及人数", title_fontproperties=style.cjk_font(fs * 1.1),
    )
