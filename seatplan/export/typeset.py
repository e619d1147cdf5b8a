"""What every PDF of the pack shares: one typeface, fixed metadata, text that fits its box.

Every sheet is an :class:`fpdf.FPDF` made by :func:`new_pdf`: millimetres, no
automatic page breaks, the CJK face registered as :data:`FONT`, fixed dates (the
same input gives the same bytes). :func:`fit_text` finds the largest type size at
which a text fits a box, wrapping it over several lines when it must, so no text
ever runs over its neighbours; :func:`check_glyphs` refuses a name the face cannot
print, naming the person and the list row.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import os
import string
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fpdf import FPDF

from seatplan.errors import Location, ValidationError
from seatplan.fonts import find_cjk_font

#: Family name of the one registered face.
FONT = "seatplan-cjk"
#: Fixed metadata so that two runs give identical bytes.
FIXED_CREATION_DATE = _dt.datetime(2000, 1, 1, 0, 0, 0, tzinfo=_dt.UTC)
PT_TO_MM = 25.4 / 72.0
#: Line advance as a share of the type size.
LINE_SPACING = 1.2
#: Characters a line may break after (besides between any two ideographs).
_BREAK_AFTER = frozenset(" \u3000·・-/、，,（(")
#: Paper sizes, portrait width × height in millimetres.
PAPER_MM = {"A4": (210.0, 297.0), "A3": (297.0, 420.0)}


def resolve_font(font: str | os.PathLike[str] | None, *, serif: bool = True) -> Path:
    """The font file to use: ``font`` when given (checked to exist), else the bundled Noto face."""
    if font:
        path = Path(font).expanduser()
        if not path.is_file():
            raise ValidationError(
                "the card font file does not exist",
                location=Location(field="cards.font", value=str(font)),
                hint="give the path of a .ttf/.otf file (e.g. 方正小标宋, 黑体, 楷体), or leave cards.font out "
                "for the bundled Noto face",
            )
        return path
    return find_cjk_font(serif=serif)


_SHARED: list[frozenset[str]] = []
_SUBSETS: dict[tuple[Path, frozenset[str]], Path] = {}


def _source_characters() -> set[str]:
    """Every character written in the export modules: the fixed words of every sheet."""
    chars: set[str] = set()
    for module in Path(__file__).parent.glob("*.py"):
        chars.update(module.read_text(encoding="utf-8"))
    return chars


@contextlib.contextmanager
def shared_font_subset(texts: Iterable[str]) -> Iterator[None]:
    """Within the block, :func:`new_pdf` embeds one subset of the face made once for all ``texts``.

    Subsetting a CJK face costs time per glyph; a pack of many PDFs that share
    their names pays it once for the whole set, then a small subset per file.
    ``texts`` must hold every data text the PDFs print (names, units, titles,
    labels); the fixed words of the sheets, ASCII and the usual punctuation
    are added here.
    """
    punctuation = set("，。：；、（）《》“”‘’—–…·　！？％")  # noqa: RUF001 - full-width punctuation of Chinese text
    chars = set(string.printable) | punctuation | _source_characters()
    for text in texts:
        chars.update(text)
    _SHARED.append(frozenset(chars))
    try:
        yield
    finally:
        _SHARED.pop()
        if not _SHARED:
            for path in _SUBSETS.values():
                path.unlink(missing_ok=True)
            _SUBSETS.clear()


def _shared_subset(font_path: Path) -> Path:
    """The face cut down to the characters of the enclosing :func:`shared_font_subset` (made once)."""
    chars = _SHARED[-1]
    key = (font_path, chars)
    if key not in _SUBSETS:
        from fontTools import subset
        from fontTools.ttLib import TTFont

        font = TTFont(str(font_path), lazy=True, recalcBBoxes=False, recalcTimestamp=False, fontNumber=0)
        options = subset.Options()
        options.notdef_outline = True
        options.recommended_glyphs = True
        options.desubroutinize = True
        options.layout_features = []
        options.drop_tables += ["GSUB", "GPOS", "GDEF", "FFTM", "meta", "SVG ", "COLR", "CPAL"]
        subsetter = subset.Subsetter(options)
        have = font_charset(font_path)
        subsetter.populate(unicodes=sorted(ord(c) for c in chars if ord(c) in have))
        subsetter.subset(font)
        fd, name = tempfile.mkstemp(prefix="seatplan-font-", suffix=font_path.suffix or ".otf")
        os.close(fd)
        font.save(name)
        _SUBSETS[key] = Path(name)
    return _SUBSETS[key]


def new_pdf(font_path: Path, *, title: str, subject: str = "", orientation: str = "portrait", paper: str = "A4") -> FPDF:
    """A fresh PDF with the face registered as :data:`FONT` and fixed metadata."""
    pdf = FPDF(orientation=orientation, unit="mm", format=paper)
    pdf.set_margins(0, 0, 0)
    pdf.set_auto_page_break(False)
    pdf.c_margin = 0
    try:
        pdf.add_font(FONT, "", str(_shared_subset(font_path) if _SHARED else font_path))
    except Exception as exc:
        raise ValidationError(
            f"cannot read the font file ({type(exc).__name__})",
            location=Location(field="cards.font", value=str(font_path)),
            hint="give a TrueType/OpenType font file (.ttf, .otf)",
        ) from None
    for face in pdf.fonts.values():
        ttfont = getattr(face, "ttfont", None)
        if ttfont is not None:
            # The subset keeps the font's own bounding box: recomputing it from every glyph
            # outline costs seconds for a CJK face and changes nothing printed.
            ttfont.recalcBBoxes = False
    pdf.set_creation_date(FIXED_CREATION_DATE)
    pdf.set_producer("seatplan")
    pdf.set_creator("seatplan")
    pdf.set_title(title)
    if subject:
        pdf.set_subject(subject)
    pdf.set_lang("zh-CN")
    return pdf


@cache
def font_charset(font_path: Path) -> frozenset[int]:
    """Code points the font file has glyphs for."""
    from fontTools.ttLib import TTFont

    with TTFont(str(font_path), lazy=True, fontNumber=0) as font:
        return frozenset(font.getBestCmap() or {})


_IGNORABLE = frozenset(" \t\u3000\u00a0\u200b\u200c\u200d\ufeff\n")


def missing_glyphs(text: str, font_path: Path) -> list[str]:
    """Characters of ``text`` the font has no glyph for (spaces and joiners ignored), in order, once each."""
    have = font_charset(font_path)
    missing: list[str] = []
    for ch in text:
        if ch not in _IGNORABLE and ord(ch) not in have and ch not in missing:
            missing.append(ch)
    return missing


def check_glyphs(text: str, font_path: Path, *, who: str, source: Location, field: str) -> None:
    """Refuse a text the face cannot print.

    Raises
    ------
    ValidationError
        Naming the person, the list file and row, the field and the characters
        (with their code points), and what to do.
    """
    missing = missing_glyphs(text, font_path)
    if not missing:
        return
    chars = ", ".join(f"'{ch}' (U+{ord(ch):04X})" for ch in missing[:5])
    raise ValidationError(
        f"{who}: the font {font_path.name} has no glyph for {chars}; the card would print a blank",
        location=Location(file=source.file, row=source.row, field=field, value=text),
        hint="choose a font that has the character with [cards] font = \"/path/to/font.ttf\", "
        "or write the name as the person's ID card does",
    )


def pdf_bytes(pdf: FPDF) -> bytes:
    """The finished PDF; refuses one that would print a blank for a character its face lacks.

    Names are checked with :func:`check_glyphs` before drawing, with a message
    naming the person; this catches the rest (a fixed word missing from a
    chosen font), so a sheet with a hole in it is never written.
    """
    data = bytes(pdf.output())
    missing = sorted({chr(c) for face in pdf.fonts.values() for c in getattr(face, "missing_glyphs", ())})
    if missing:
        raise ValidationError(
            "the font has no glyph for " + ", ".join(f"'{ch}' (U+{ord(ch):04X})" for ch in missing[:8]),
            location=Location(field="cards.font"),
            hint="choose a font with the full GB 2312 repertoire, or leave cards.font out for the bundled face",
        )
    return data


@dataclass(frozen=True)
class FittedText:
    """A text set in a box: its size in points and its lines."""

    size_pt: float
    lines: tuple[str, ...]

    @property
    def line_mm(self) -> float:
        """Line advance in millimetres."""
        return self.size_pt * PT_TO_MM * LINE_SPACING

    @property
    def height_mm(self) -> float:
        """Height of the block in millimetres."""
        return self.line_mm * len(self.lines)


def _tokens(text: str) -> list[str]:
    """Pieces a line may break between: runs of Latin letters/digits stay whole."""
    tokens: list[str] = []
    for ch in text:
        if (tokens and ch.isascii() and ch.isalnum() and tokens[-1][-1:].isascii() and tokens[-1][-1:].isalnum()) or (tokens and tokens[-1][-1:] in _BREAK_AFTER and ch in _BREAK_AFTER):
            tokens[-1] += ch
        else:
            tokens.append(ch)
    return tokens


def wrap_text(pdf: FPDF, text: str, width: float) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` at the current font size.

    Lines break between ideographs, after spaces and punctuation, and inside a
    Latin word only when the word alone is wider than the line.
    """
    lines: list[str] = []
    line = ""
    for token in _tokens(text):
        candidate = line + token
        if not line or pdf.get_string_width(candidate.rstrip()) <= width:
            line = candidate
            if pdf.get_string_width(line.rstrip()) > width:  # one token wider than the line
                pieces = list(line)
                line = ""
                for ch in pieces:
                    if line and pdf.get_string_width(line + ch) > width:
                        lines.append(line)
                        line = ch
                    else:
                        line += ch
            continue
        lines.append(line.rstrip())
        line = token.lstrip()
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


def fit_text(
    pdf: FPDF,
    text: str,
    *,
    width: float,
    height: float,
    max_pt: float,
    min_pt: float,
    max_lines: int = 0,
    prefer_one_line_pt: float = 0.0,
) -> FittedText:
    """The largest size (``min_pt`` … ``max_pt``) at which ``text`` fits a ``width`` × ``height`` mm box.

    One line is kept when it fits at ``prefer_one_line_pt`` or more (a name on
    one line reads better than a larger name broken in two); otherwise the text
    is wrapped over as many lines as the box takes (at most ``max_lines`` when
    given). Text that does not fit even at ``min_pt`` is cut with ``…`` on its
    last line: it never leaves the box.
    """
    text = " ".join(text.split())
    pdf.set_font(FONT, size=100.0)
    one = pdf.get_string_width(text)
    one_pt = max_pt if one <= 0 else min(max_pt, 100.0 * width / one, height / (PT_TO_MM * LINE_SPACING))
    if one_pt >= max(prefer_one_line_pt, min_pt) and (prefer_one_line_pt > 0 or one_pt >= max_pt):
        return FittedText(one_pt, (text,))
    size = max_pt
    while size >= min_pt:
        pdf.set_font(FONT, size=size)
        lines = wrap_text(pdf, text, width)
        fitted = FittedText(size, tuple(lines))
        if (not max_lines or len(lines) <= max_lines) and fitted.height_mm <= height + 1e-6:
            return FittedText(one_pt, (text,)) if one_pt >= size else fitted
        size = size * 0.94 if size > min_pt and size * 0.94 >= min_pt else (min_pt if size > min_pt else 0.0)
    if one_pt >= min_pt:
        return FittedText(one_pt, (text,))
    pdf.set_font(FONT, size=min_pt)
    lines = wrap_text(pdf, text, width)
    room = max(1, int((height + 1e-6) // (min_pt * PT_TO_MM * LINE_SPACING)))
    if max_lines:
        room = min(room, max_lines)
    kept = lines[:room]
    if len(lines) > room:
        last = kept[-1]
        while last and pdf.get_string_width(last + "…") > width:
            last = last[:-1]
        kept[-1] = last + "…"
    return FittedText(min_pt, tuple(kept))


def draw_fitted(
    pdf: FPDF,
    fitted: FittedText,
    *,
    cx: float,
    top: float,
    height: float,
    grey: int = 0,
    color: tuple[int, int, int] | None = None,
) -> None:
    """Draw a fitted block centred horizontally at ``cx`` and vertically in ``top`` … ``top + height``."""
    pdf.set_font(FONT, size=fitted.size_pt)
    pdf.set_text_color(*(color or (grey, grey, grey)))
    size_mm = fitted.size_pt * PT_TO_MM
    y = top + (height - fitted.height_mm) / 2
    for line in fitted.lines:
        baseline = y + fitted.line_mm / 2 + 0.36 * size_mm
        pdf.text(cx - pdf.get_string_width(line) / 2, baseline, line)
        y += fitted.line_mm
    pdf.set_text_color(0, 0, 0)


def text_in_box(
    pdf: FPDF,
    text: str,
    *,
    x: float,
    y: float,
    width: float,
    height: float,
    max_pt: float,
    min_pt: float = 5.0,
    grey: int = 0,
    max_lines: int = 0,
    color: tuple[int, int, int] | None = None,
) -> FittedText:
    """Fit ``text`` to the box at ``(x, y)`` (top left) and draw it centred; returns the fitted block."""
    fitted = fit_text(pdf, text, width=width, height=height, max_pt=max_pt, min_pt=min_pt, max_lines=max_lines,
                      prefer_one_line_pt=max_pt * 0.6)
    draw_fitted(pdf, fitted, cx=x + width / 2, top=y, height=height, grey=grey, color=color)
    return fitted
