"""Many short labels (names, seat numbers, row labels) drawn as one layer of glyph outlines.

A matplotlib ``Text`` costs about a millisecond to lay out and again to draw, per
backend; a hall of 10,000 seats has 20,000 such labels. :class:`LabelLayer` draws
all of them at once instead: each character's outline is read from the CJK face
once, a label is the outlines of its characters side by side, and the layer is

- on a raster canvas (PNG), one filled path per colour;
- in SVG, one ``<g>`` per label holding the label's text as a comment and a
  ``<use>`` of a shared glyph outline per character, exactly as matplotlib writes
  text with ``svg.fonttype = "path"``, so the file stays small and searchable.

Matplotlib is imported when a layer is made, never when this module is imported.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import TYPE_CHECKING, Any

from seatplan.render import style

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    from matplotlib.artist import Artist
    from matplotlib.backend_bases import RendererBase

__all__ = ["Label", "HAlign", "VAlign", "make_label_layer", "text_width_em"]

#: Top and bottom of a line box in ems, above and below the baseline (the ideographic
#: em box of the CJK face: Chinese characters fill it, digits and Latin sit inside it).
ASCENT_EM = 0.88
DESCENT_EM = 0.12
#: Distance between the baselines of two lines, in ems, at line spacing 1.
LINE_PITCH_EM = 1.05
#: Units of the glyph outlines written into an SVG (font units per em).
_SVG_UNITS = 1000.0


class HAlign(Enum):
    """Horizontal anchor of a label."""

    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


class VAlign(Enum):
    """Vertical anchor of a label (the line box of its first or last line, or the middle)."""

    TOP = "top"
    CENTER = "center"
    BOTTOM = "bottom"


@dataclass(frozen=True)
class Label:
    """One label of a :class:`LabelLayer`: text anchored at a point in data coordinates.

    Attributes
    ----------
    text
        The text; ``\\n`` separates lines (each line aligned on its own like the first).
    x, y
        Anchor in data coordinates (metres).
    size
        Font size in points.
    colour
        Fill colour (hex).
    ha, va
        Which point of the text box sits at the anchor.
    gid
        Id of the label's group in an SVG (``""``: none).
    """

    text: str
    x: float
    y: float
    size: float
    colour: str = style.TEXT
    ha: HAlign = HAlign.CENTER
    va: VAlign = VAlign.CENTER
    gid: str = ""


@dataclass(frozen=True)
class _Glyph:
    advance: float  # ems
    vertices: np.ndarray  # ems, y up
    codes: np.ndarray


@cache
def _font() -> Any:
    """The CJK face as an FT2Font of its own (its state is changed by loading glyphs)."""
    from matplotlib.ft2font import FT2Font

    font = FT2Font(str(style.cjk_font_path()))
    font.set_size(100.0, 72)  # outlines in points at 100 pt: divide by 100 for ems
    return font


@cache
def _glyph(ch: str) -> _Glyph:
    import numpy as np
    from matplotlib.ft2font import LoadFlags

    font = _font()
    info = font.load_char(ord(ch), flags=LoadFlags.NO_HINTING)
    vertices, codes = font.get_path()
    vertices = np.asarray(vertices, dtype=float) / 100.0
    codes = np.asarray(codes, dtype=np.uint8)
    upm = font.units_per_EM
    advance = round(info.linearHoriAdvance / 65536.0 / 100.0 * upm) / upm  # whole font units
    return _Glyph(advance, vertices, codes)


@cache
def _svg_path_data(ch: str) -> str:
    """SVG path data of a character's outline in 1/1000 em, y up."""
    g = _glyph(ch)
    vertices, codes = (g.vertices * _SVG_UNITS).round(1).tolist(), g.codes.tolist()
    letters = {1: "M", 2: "L", 3: "Q", 4: "C"}
    out: list[str] = []
    i, n = 0, len(codes)
    while i < n:
        code = codes[i]
        if code == 79:  # CLOSEPOLY
            out.append("z")
            i += 1
            continue
        step = {1: 1, 2: 1, 3: 2, 4: 3}.get(code, 1)
        out.append(letters.get(code, "L") + " " + " ".join(f"{x:g} {y:g}" for x, y in vertices[i : i + step]))
        i += step
    return " ".join(out)


def text_width_em(text: str) -> float:
    """Width of one line of ``text`` in the CJK face, in ems (the sum of its advances)."""
    return sum(_glyph(ch).advance for ch in text)


def _line_starts(label: Label) -> list[tuple[str, float, float]]:
    """(line, x, baseline y) of each line relative to the anchor, in points."""
    lines = label.text.split("\n")
    size = label.size
    pitch = LINE_PITCH_EM * size
    height = (len(lines) - 1) * pitch + (ASCENT_EM + DESCENT_EM) * size
    if label.va is VAlign.TOP:
        first = -ASCENT_EM * size
    elif label.va is VAlign.BOTTOM:
        first = height - ASCENT_EM * size
    else:
        first = height / 2 - ASCENT_EM * size
    out = []
    for k, line in enumerate(lines):
        width = text_width_em(line) * size
        x = -width / 2 if label.ha is HAlign.CENTER else -width if label.ha is HAlign.RIGHT else 0.0
        out.append((line, x, first - k * pitch))
    return out


def make_label_layer(labels: Sequence[Label], points_per_unit: float, *, zorder: float = 0.0,
                     gid: str = "labels") -> Artist:
    """An artist drawing ``labels`` in data coordinates of the axes it is added to.

    Parameters
    ----------
    labels
        The labels, drawn in order.
    points_per_unit
        Points per data unit of the axes (with equal aspect), so sizes given in points
        come out in points on the page.
    zorder, gid
        Of the layer as a whole.

    Returns
    -------
    matplotlib.artist.Artist
        Add it with ``ax.add_artist``; its ``labels`` attribute holds the labels.
    """
    layer = _layer_class()(labels, points_per_unit)
    layer.set_zorder(zorder)
    layer.set_gid(gid)
    return layer


@cache
def _layer_class() -> Callable[[Sequence[Label], float], Artist]:
    """The artist class, made once on first use (so importing this module imports no matplotlib)."""
    from matplotlib.artist import Artist

    class LabelLayer(Artist):
        """The labels of a drawing as glyph outlines (see the module docstring)."""

        def __init__(self, labels: Sequence[Label], points_per_unit: float) -> None:
            super().__init__()
            self.labels: tuple[Label, ...] = tuple(labels)
            self._ppu = points_per_unit
            self._by_colour: dict[str, tuple[np.ndarray, np.ndarray]] | None = None

        def _outlines(self) -> dict[str, tuple[np.ndarray, np.ndarray]]:
            """Colour → (vertices in data units, codes) of every label of that colour."""
            if self._by_colour is None:
                import numpy as np

                parts: dict[str, tuple[list[np.ndarray], list[np.ndarray]]] = {}
                for label in self.labels:
                    verts, codes = parts.setdefault(label.colour, ([], []))
                    scale = label.size / self._ppu
                    for line, x, base in _line_starts(label):
                        pen = x / label.size
                        for ch in line:
                            g = _glyph(ch)
                            if len(g.codes):
                                verts.append((g.vertices + np.array((pen, base / label.size))) * scale + np.array((label.x, label.y)))
                                codes.append(g.codes)
                            pen += g.advance
                self._by_colour = {
                    colour: (np.concatenate(v), np.concatenate(c)) for colour, (v, c) in parts.items() if v
                }
            return self._by_colour

        def draw(self, renderer: RendererBase) -> None:
            if not self.get_visible():
                return
            if hasattr(renderer, "writer") and hasattr(renderer, "_glyph_map"):  # the SVG renderer
                self._draw_svg(renderer)
            else:
                self._draw_outlines(renderer)
            self.stale = False

        def _draw_outlines(self, renderer: RendererBase) -> None:
            from matplotlib.colors import to_rgba
            from matplotlib.path import Path
            from matplotlib.transforms import IdentityTransform

            transform = self.get_transform()
            renderer.open_group("labels", gid=self.get_gid())
            for colour, (verts, codes) in self._outlines().items():
                path = Path(transform.transform(verts), codes, readonly=True)
                path.should_simplify = False
                gc = renderer.new_gc()
                gc.set_linewidth(0.0)
                gc.set_antialiased(True)
                renderer.draw_path(gc, path, IdentityTransform(), to_rgba(colour))
                gc.restore()
            renderer.close_group("labels")

        def _draw_svg(self, renderer: Any) -> None:
            import numpy as np

            writer = renderer.writer
            defined = _svg_defined.setdefault(renderer, set())
            if not self.labels:
                return
            anchors = self.get_transform().transform(np.array([(lb.x, lb.y) for lb in self.labels], dtype=float))
            writer.start("g", id=self.get_gid())
            for label, (ax_, ay) in zip(self.labels, anchors):
                new = sorted({ch for ch in label.text if ch != "\n"} - defined)
                if new:
                    writer.start("defs")
                    for ch in new:
                        writer.element("path", id=_glyph_id(ch), d=_svg_path_data(ch))
                    writer.end("defs")
                    defined.update(new)
                attrs = {"id": label.gid} if label.gid else {}
                writer.start("g", style=f"fill: {label.colour}", **attrs)
                writer.comment(label.text)
                k = label.size / _SVG_UNITS
                for line, x, base in _line_starts(label):
                    pen = x
                    for ch in line:
                        gx, gy = ax_ + pen, renderer.height - (ay + base)
                        writer.element("use", attrib={"xlink:href": f"#{_glyph_id(ch)}"},
                                       transform=f"translate({gx:.3f} {gy:.3f}) scale({k:.6g} -{k:.6g})")
                        pen += _glyph(ch).advance * label.size
                writer.end("g")
            writer.end("g")

    return LabelLayer


#: SVG renderer → characters whose outline it has written into ``<defs>``.
_svg_defined: weakref.WeakKeyDictionary[Any, set[str]] = weakref.WeakKeyDictionary()


def _glyph_id(ch: str) -> str:
    return f"seatplan-glyph-{ord(ch):x}"
