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
import re
import unicodedata
import weakref
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from seatplan.render import style

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    from matplotlib.artist import Artist
    from matplotlib.backend_bases import RendererBase

__all__ = [
    "HAlign", "Label", "VAlign", "label_box", "make_label_layer", "svg_attr", "svg_path_data", "svg_raw_writer",
    "text_width_em",
]

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
    note
        The text as the SVG comment of the label's group, where it is searched for
        (``""``: the text, its lines joined by spaces).
    """

    text: str
    x: float
    y: float
    size: float
    colour: str = style.TEXT
    ha: HAlign = HAlign.CENTER
    va: VAlign = VAlign.CENTER
    gid: str = ""
    note: str = ""


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
    """The outline and advance of ``ch``; control and format characters are empty and take no room,
    a character the face lacks is its "missing" box (as matplotlib draws it)."""
    import numpy as np
    from matplotlib import ft2font

    if unicodedata.category(ch) in ("Cc", "Cf", "Cs"):
        return _Glyph(0.0, np.zeros((0, 2)), np.zeros(0, dtype=np.uint8))
    flags = ft2font.LoadFlags.NO_HINTING if hasattr(ft2font, "LoadFlags") else getattr(ft2font, "LOAD_NO_HINTING")  # noqa: B009
    font = _font()
    info = font.load_glyph(font.get_char_index(ord(ch)), flags=flags)  # index 0: the missing-glyph box
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


def _placements(label: Label) -> tuple[tuple[str, float, float], ...]:
    """(character, x, baseline y) of each drawn character relative to the anchor, in points."""
    return _placed_text(label.text, label.size, label.ha, label.va)


@lru_cache(maxsize=16384)
def _placed_text(text: str, size: float, ha: HAlign, va: VAlign) -> tuple[tuple[str, float, float], ...]:
    lines = text.split("\n")
    pitch = LINE_PITCH_EM * size
    height = (len(lines) - 1) * pitch + (ASCENT_EM + DESCENT_EM) * size
    if va is VAlign.TOP:
        first = -ASCENT_EM * size
    elif va is VAlign.BOTTOM:
        first = height - ASCENT_EM * size
    else:
        first = height / 2 - ASCENT_EM * size
    out = []
    for k, line in enumerate(lines):
        glyphs = [_glyph(ch) for ch in line]
        width = sum(g.advance for g in glyphs) * size
        pen = -width / 2 if ha is HAlign.CENTER else -width if ha is HAlign.RIGHT else 0.0
        base = first - k * pitch
        for ch, g in zip(line, glyphs):
            if len(g.codes):
                out.append((ch, pen, base))
            pen += g.advance * size
    return tuple(out)


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

def svg_raw_writer(renderer: Any) -> Callable[[str], None] | None:
    """A function writing markup straight into the SVG that ``renderer`` writes, or ``None``.

    ``None`` when ``renderer`` is not matplotlib's SVG renderer (or its writer has no raw
    output): the caller then draws through the renderer's public methods instead.
    Writing the markup of a whole layer at once is many times faster than one writer
    call per element.
    """
    if not (hasattr(renderer, "writer") and hasattr(renderer, "_glyph_map")):
        return None
    writer = renderer.writer
    raw = getattr(writer, "_XMLWriter__write", None)
    if raw is None:  # pragma: no cover - another matplotlib
        return None

    def write(markup: str) -> None:
        writer.comment("seatplan")  # closes the writer's open start tag, if any
        raw(markup)

    return write


#: Characters XML 1.0 does not allow anywhere in a document.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def svg_attr(value: str) -> str:
    """``value`` escaped for a double-quoted XML attribute (characters XML forbids become U+FFFD)."""
    return html.escape(_NOT_XML.sub("\ufffd", value), quote=True)


def _escape_comment(text: str) -> str:
    text = html.escape(_NOT_XML.sub("\ufffd", text), quote=False).replace("--", "-&#45;")
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
            self._placed_cache: list[tuple[tuple[str, float, float], ...]] | None = None

        def _placed(self) -> list[tuple[tuple[str, float, float], ...]]:
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
            write = svg_raw_writer(renderer)
            if write is not None:
                write("".join(self._svg_markup(renderer)))
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

        def _svg_markup(self, renderer: Any) -> Iterator[str]:
            """The layer as SVG: a ``<g>`` per label with its text as a comment and a ``<use>`` per glyph."""
            import numpy as np

            if not self.labels:
                return
            defined = _svg_defined.setdefault(renderer, set())
            anchors = self.get_transform().transform(np.array([(lb.x, lb.y) for lb in self.labels], dtype=float))
            height = renderer.height
            yield f'<g id="{svg_attr(self.get_gid() or "labels")}">\n'
            for label, placed, (ax_, ay) in zip(self.labels, self._placed(), anchors):
                new = sorted({ch for ch, _, _ in placed} - defined)
                if new:
                    yield "<defs>\n"
                    for ch in new:
                        yield f'<path id="{_glyph_id(ch)}" d="{_svg_glyph_data(ch)}"/>\n'
                    yield "</defs>\n"
                    defined.update(new)
                gid = f' id="{svg_attr(label.gid)}"' if label.gid else ""
                note = _escape_comment(label.note or " ".join(label.text.split("\n")))
                yield f'<g{gid} style="fill: {label.colour}">\n<!-- {note} -->\n'
                k = f"{label.size / _SVG_UNITS:.6g}"
                for ch, x, base in placed:
                    yield (f'<use xlink:href="#{_glyph_id(ch)}" '
                           f'transform="translate({ax_ + x:.3f} {height - (ay + base):.3f}) scale({k} -{k})"/>\n')
                yield "</g>\n"
            yield "</g>\n"

    return LabelLayer


#: SVG renderer → characters whose outline it has written into ``<defs>``.
_svg_defined: weakref.WeakKeyDictionary[Any, set[str]] = weakref.WeakKeyDictionary()


def _glyph_id(ch: str) -> str:
    return f"seatplan-glyph-{ord(ch):x}"
