"""Seat markers: every chair of a drawing as one collection of rounded boxes.

On a raster canvas the markers are one matplotlib ``PathCollection`` (one call into
Agg for all seats). In SVG each marker is a ``<use id="seat-ID">`` of a shared outline
(one per marker size and turn) with the seat's colours, so a seat is found by its id
and the file does not repeat the outline for every chair.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from seatplan.render.labels import svg_attr, svg_path_data, svg_raw_writer

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.backend_bases import RendererBase
    from matplotlib.collections import PathCollection

__all__ = ["Marker", "make_seat_collection"]

#: Dash pattern of a standing place's outline, in line widths (matplotlib's "--").
_DASH = (3.7, 1.6)


@dataclass(frozen=True)
class Marker:
    """One seat marker.

    Attributes
    ----------
    seat_id
        The seat's id (``seat-ID`` in an SVG).
    x, y
        Centre in data coordinates (metres).
    width, height
        Box size in metres, before turning.
    turn
        Counter-clockwise turn in degrees about the centre.
    face, edge
        Fill and outline colours (hex).
    linewidth
        Outline width in points.
    dashed
        Dashed outline (a standing place).
    """

    seat_id: str
    x: float
    y: float
    width: float
    height: float
    turn: float
    face: str
    edge: str
    linewidth: float
    dashed: bool = False


@cache
def _outline(width: float, height: float, turn: float) -> tuple[Any, Any]:
    """Vertices (centred on the origin) and codes of a rounded box turned by ``turn`` degrees."""
    import numpy as np
    from matplotlib.patches import BoxStyle

    rounding = 0.18 * min(width, height)
    box = BoxStyle.Round(pad=0, rounding_size=rounding)(-width / 2, -height / 2, width, height, 1.0)
    vertices = np.asarray(box.vertices, dtype=float)
    if abs(turn) > 1e-9:
        c, s = math.cos(math.radians(turn)), math.sin(math.radians(turn))
        vertices = vertices @ np.array(((c, s), (-s, c)))
    return vertices, np.asarray(box.codes)


def make_seat_collection(markers: Sequence[Marker], *, zorder: float, gid: str = "seats") -> PathCollection:
    """The markers as one collection (gid ``seats``); its ``seat_ids`` attribute lists the seats in order.

    Parameters
    ----------
    markers
        The seats to draw.
    zorder, gid
        Of the collection.
    """
    return _collection_class()(markers, zorder=zorder, gid=gid)


@cache
def _collection_class() -> Callable[..., PathCollection]:
    """The collection class, made once on first use (so importing this module imports no matplotlib)."""
    import numpy as np
    from matplotlib.collections import PathCollection
    from matplotlib.path import Path

    class SeatCollection(PathCollection):
        """Seat markers; written as ``<use>`` of shared outlines in SVG (see the module docstring)."""

        def __init__(self, markers: Sequence[Marker], *, zorder: float, gid: str) -> None:
            paths = []
            for m in markers:
                vertices, codes = _outline(m.width, m.height, round(m.turn % 360.0, 6))
                paths.append(Path(vertices + np.array((m.x, m.y)), codes))
            super().__init__(
                paths,
                facecolors=[m.face for m in markers],
                edgecolors=[m.edge for m in markers],
                linewidths=[m.linewidth for m in markers],
                linestyles=["--" if m.dashed else "-" for m in markers],
                zorder=zorder,
                gid=gid,
            )
            self.markers: tuple[Marker, ...] = tuple(markers)
            self.seat_ids: tuple[str, ...] = tuple(m.seat_id for m in markers)

        def draw(self, renderer: RendererBase) -> None:
            if not self.get_visible():
                return
            write = svg_raw_writer(renderer)
            if write is None:
                super().draw(renderer)
                return
            write("".join(self._svg_markup(renderer)))
            self.stale = False

        def _svg_markup(self, renderer: Any) -> Iterator[str]:
            """The markers as SVG: shared outlines in ``<defs>``, a ``<use id="seat-ID">`` per seat."""
            if not self.markers:
                return
            transform = self.get_transform()
            linear = transform.get_affine().get_matrix()[:2, :2]
            centres = transform.transform(np.array([(m.x, m.y) for m in self.markers], dtype=float))
            height = renderer.height
            outlines: dict[tuple[float, float, float], str] = {}
            styles: dict[tuple[str, str, float, bool], str] = {}
            yield f'<g id="{svg_attr(self.get_gid() or "seats")}">\n<defs>\n'
            for m in self.markers:
                key = (m.width, m.height, round(m.turn % 360.0, 6))
                if key not in outlines:
                    outlines[key] = f"seat-outline-{len(outlines)}"
                    vertices, codes = _outline(*key)
                    shown = vertices @ linear.T * (1.0, -1.0)  # display units, y down
                    yield f'<path id="{outlines[key]}" d="{svg_path_data(shown.round(3).tolist(), codes.tolist())}"/>\n'
            yield "</defs>\n"
            for m, (cx, cy) in zip(self.markers, centres):
                key = (m.width, m.height, round(m.turn % 360.0, 6))
                look = (m.face, m.edge, m.linewidth, m.dashed)
                if look not in styles:
                    css = f"fill: {m.face}; stroke: {m.edge}; stroke-width: {m.linewidth:.3g}"
                    if m.dashed:
                        css += f"; stroke-dasharray: {_DASH[0] * m.linewidth:.3g},{_DASH[1] * m.linewidth:.3g}"
                    styles[look] = css
                yield (f'<use id="seat-{svg_attr(m.seat_id)}" xlink:href="#{outlines[key]}" x="{cx:.3f}" '
                       f'y="{height - cy:.3f}" style="{styles[look]}"/>\n')
            yield "</g>\n"

    return SeatCollection
