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

import html
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import TYPE_CHECKING, Any

from seatplan.render import style

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    from matplotlib.artist import Artist
    from matplotlib.backend_bases import RendererBase

__all__ = ["HAlign", "Label", "SvgEvent", "VAlign", "label_box", "make_label_layer", "svg_path_data", "text_width_em", "write_svg_events"]

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
    from matplotlib import ft2font

    flags = ft2font.LoadFlags.NO_HINTING if hasattr(ft2font, "LoadFlags") else getattr(ft2font, "LOAD_NO_HINTING")  # noqa: B009
    font = _font()
    info = font.load_char(ord(ch), flags=flags)
    vertices, codes = font.get_path()
    vertices = np.asarray(vertices, dtype=float).reshape(-1, 2) / 100.0
    codes = np.asarray(codes, dtype=np.uint8)
    upm = font.units_per_EM
    advance = round(info.linearHoriAdvance / 65536.0 / 100.0 * upm) / upm  # whole font units
    return _Glyph(advance, vertices, codes)


def svg_path_data(vertices: Sequence[Sequence[float]], codes: Sequence[int]) -> str:
    """SVG path data (``M``, ``L``, ``Q``, ``C``, ``z``) of a matplotlib path's vertices and codes."""
    letters = {1: "M", 2: "L", 3: "Q", 4: "C"}
    steps = {1: 1, 2: 1, 3: 2, 4: 3}
    out: list[str] = []
    i, n = 0, len(codes)
    while i < n:
        code = codes[i]
        if code == 79:  # CLOSEPOLY
            out.append("z")
            i += 1
            continue
        step = steps.get(code, 1)
        out.append(letters.get(code, "L") + " " + " ".join(f"{x:g} {y:g}" for x, y in vertices[i : i + step]))
        i += step
    return " ".join(out)


@cache
def _svg_glyph_data(ch: str) -> str:
    """SVG path data of a character's outline in 1/1000 em, y up."""
    g = _glyph(ch)
    return svg_path_data((g.vertices * _SVG_UNITS).round(1).tolist(), g.codes.tolist())


def text_width_em(text: str) -> float:
    """Width of one line of ``text`` in the CJK face, in ems (the sum of its advances)."""
    return sum(_glyph(ch).advance for ch in text)


def _placements(label: Label) -> list[tuple[str, float, float]]:
    """(character, x, baseline y) of each drawn character relative to the anchor, in points."""
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
        glyphs = [_glyph(ch) for ch in line]
        width = sum(g.advance for g in glyphs) * size
        pen = -width / 2 if label.ha is HAlign.CENTER else -width if label.ha is HAlign.RIGHT else 0.0
        base = first - k * pitch
        for ch, g in zip(line, glyphs):
            if len(g.codes):
                out.append((ch, pen, base))
            pen += g.advance * size
    return out


def label_box(label: Label, points_per_unit: float) -> tuple[float, float, float, float]:
    """The box (x0, y0, x1, y1) in data units that ``label``'s line boxes cover when drawn."""
    lines = label.text.split("\n")
    placed = _placements(label)
    size = label.size
    widths = [text_width_em(line) * size for line in lines]
    if label.ha is HAlign.CENTER:
        x0, x1 = -max(widths) / 2, max(widths) / 2
    elif label.ha is HAlign.RIGHT:
        x0, x1 = -max(widths), 0.0
    else:
        x0, x1 = 0.0, max(widths)
    bases = [base for _, _, base in placed] or [0.0]
    y0, y1 = min(bases) - DESCENT_EM * size, max(bases) + ASCENT_EM * size
    k = points_per_unit
    return (label.x + x0 / k, label.y + y0 / k, label.x + x1 / k, label.y + y1 / k)


# --------------------------------------------------------------------------- SVG

#: An SVG event: ("start", tag, attributes), ("element", tag, attributes), ("end", tag, {}) or
#: ("comment", text, {}).
SvgEvent = tuple[str, str, dict[str, str]]


def write_svg_events(renderer: Any, events: Iterable[SvgEvent]) -> None:
    """Write SVG elements through matplotlib's SVG renderer.

    Large layers are written as text straight to the renderer's output, which is many
    times faster than the writer's element calls; a matplotlib whose writer does not
    offer that falls back to the element calls (same file).
    """
    writer = renderer.writer
    raw = getattr(writer, "_XMLWriter__write", None)
    if raw is None:  # pragma: no cover - another matplotlib
        for kind, tag, attrib in events:
            if kind == "start":
                writer.start(tag, attrib=attrib)
            elif kind == "element":
                writer.element(tag, attrib=attrib)
            elif kind == "end":
                writer.end(tag)
            else:
                writer.comment(tag)
        return
    writer.comment("seatplan")  # closes the writer's open tag, if any
    parts: list[str] = []
    for kind, tag, attrib in events:
        if kind == "comment":
            parts.append(f"<!-- {_escape_comment(tag)} -->\n")
            continue
        if kind == "end":
            parts.append(f"</{tag}>\n")
            continue
        attrs = "".join(f' {k}="{html.escape(v, quote=True)}"' for k, v in attrib.items() if v)
        parts.append(f"<{tag}{attrs}/>\n" if kind == "element" else f"<{tag}{attrs}>\n")
    raw("".join(parts))


def _escape_comment(text: str) -> str:
    text = html.escape(text, quote=False).replace("--", "-&#45;")
    return text + " " if text.endswith("-") else text


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
            self.points_per_unit = points_per_unit
            self._by_colour: dict[str, tuple[np.ndarray, np.ndarray]] | None = None
            self._placed_cache: list[list[tuple[str, float, float]]] | None = None

        def _placed(self) -> list[list[tuple[str, float, float]]]:
            if self._placed_cache is None:
                self._placed_cache = [_placements(label) for label in self.labels]
            return self._placed_cache

        def _outlines(self) -> dict[str, tuple[np.ndarray, np.ndarray]]:
            """Colour → (vertices in data units, codes) of every label of that colour."""
            if self._by_colour is None:
                import numpy as np

                groups: dict[str, list[int]] = {}
                for k, label in enumerate(self.labels):
                    groups.setdefault(label.colour, []).append(k)
                self._by_colour = {}
                for colour, members in groups.items():
                    verts: list[np.ndarray] = []
                    codes: list[np.ndarray] = []
                    counts: list[int] = []
                    moves: list[tuple[float, float, float]] = []  # scale, dx, dy per glyph
                    for k in members:
                        label = self.labels[k]
                        scale = label.size / self.points_per_unit
                        for ch, x, base in self._placed()[k]:
                            g = _glyph(ch)
                            verts.append(g.vertices)
                            codes.append(g.codes)
                            counts.append(len(g.codes))
                            moves.append((scale, label.x + x / self.points_per_unit, label.y + base / self.points_per_unit))
                    if not verts:
                        continue
                    per_vertex = np.repeat(np.asarray(moves), counts, axis=0)
                    placed = np.concatenate(verts) * per_vertex[:, :1] + per_vertex[:, 1:]
                    self._by_colour[colour] = (placed, np.concatenate(codes))
            return self._by_colour

        def draw(self, renderer: RendererBase) -> None:
            if not self.get_visible():
                return
            if hasattr(renderer, "writer") and hasattr(renderer, "_glyph_map"):  # the SVG renderer
                write_svg_events(renderer, self._svg_events(renderer))
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

        def _svg_events(self, renderer: Any) -> Iterator[SvgEvent]:
            import numpy as np

            if not self.labels:
                return
            defined = _svg_defined.setdefault(renderer, set())
            anchors = self.get_transform().transform(np.array([(lb.x, lb.y) for lb in self.labels], dtype=float))
            height = renderer.height
            yield ("start", "g", {"id": self.get_gid() or ""})
            for label, placed, (ax_, ay) in zip(self.labels, self._placed(), anchors):
                new = sorted({ch for ch, _, _ in placed} - defined)
                if new:
                    yield ("start", "defs", {})
                    for ch in new:
                        yield ("element", "path", {"id": _glyph_id(ch), "d": _svg_glyph_data(ch)})
                    yield ("end", "defs", {})
                    defined.update(new)
                yield ("start", "g", {"id": label.gid, "style": f"fill: {label.colour}"})
                yield ("comment", label.text, {})
                k = f"{label.size / _SVG_UNITS:.6g}"
                for ch, x, base in placed:
                    yield ("element", "use", {
                        "xlink:href": f"#{_glyph_id(ch)}",
                        "transform": f"translate({ax_ + x:.3f} {height - (ay + base):.3f}) scale({k} -{k})",
                    })
                yield ("end", "g", {})
            yield ("end", "g", {})

    return LabelLayer


#: SVG renderer → characters whose outline it has written into ``<defs>``.
_svg_defined: weakref.WeakKeyDictionary[Any, set[str]] = weakref.WeakKeyDictionary()


def _glyph_id(ch: str) -> str:
    return f"seatplan-glyph-{ord(ch):x}"
