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
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from fpdf import FPDF
from fpdf.enums import TextMode
from fpdf.fonts import TTFFont
from fpdf.output import OutputProducer

from seatplan.errors import Location, ValidationError
from seatplan.fonts import find_cjk_font, font_characters

#: Family name of the one registered face.
FONT = "seatplan-cjk"
#: Fixed metadata so that two runs give identical bytes.
FIXED_CREATION_DATE = _dt.datetime(2000, 1, 1, 0, 0, 0, tzinfo=_dt.UTC)
PT_TO_MM = 25.4 / 72.0
#: Line advance as a share of the type size.
LINE_SPACING = 1.2
#: Separators of a text's parts: spaces and the dots of transliterated names (阿不都热合曼·买买提).
PART_SEPARATORS = frozenset(" \u3000·•・‧")
#: Characters that never start a line (they stay with the character before them).
_CLOSE = frozenset("·•・‧、，。,.;；:：!！?？)）]】》」』”’%％-/…")  # noqa: RUF001 - full-width punctuation
#: Characters that never end a line (they stay with the character after them).
_OPEN = frozenset("（(【《「『“‘")  # noqa: RUF001 - full-width punctuation
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


#: Characters of the faces in use inside :func:`shared_font_subset` (innermost last).
_SHARED: list[dict[Path, frozenset[str]]] = []
_SUBSETS: dict[tuple[Path, frozenset[str]], Path] = {}
#: Tables no sheet uses: dropped before subsetting (the layout tables alone cost a tenth of a second to read).
_UNUSED_TABLES = ("GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "VORG", "vhea", "vmtx", "FFTM", "meta", "SVG ",
                  "COLR", "CPAL", "DSIG")
#: Punctuation of Chinese text, always in a subset.
_PUNCTUATION = "，。：；、（）《》“”‘’—–…·　！？％"  # noqa: RUF001 - full-width punctuation of Chinese text


def _source_characters() -> set[str]:
    """Every character written in the export modules: the fixed words of every sheet."""
    chars: set[str] = set()
    for module in Path(__file__).parent.glob("*.py"):
        chars.update(module.read_text(encoding="utf-8"))
    return chars


@contextlib.contextmanager
def shared_font_subset(
    texts: Iterable[str], faces: Mapping[Path, Iterable[str]] | None = None
) -> Iterator[None]:
    """Within the block, :func:`new_pdf` embeds one subset of each face, made once for all the PDFs.

    Subsetting a CJK face costs time per glyph; a pack of many PDFs that share
    their names pays it once for the whole set, then each file either embeds
    that subset whole (when it prints most of it) or a small subset of it.

    Parameters
    ----------
    texts
        Every data text the sheets print in the bundled sans face (names,
        units, titles, labels); the fixed words of the sheets, ASCII and the
        usual punctuation are added here.
    faces
        Other faces and the texts printed in them (the name cards' face:
        names, second lines, staff notes); only those characters, ASCII and
        the punctuation are put in their subset. A face named here that is the
        sans face gets the union.
    """
    base = set(string.printable) | set(_PUNCTUATION)
    sans = find_cjk_font(serif=False)
    chars: dict[Path, set[str]] = {sans: base | _source_characters()}
    for text in texts:
        chars[sans].update(text)
    for path, more in (faces or {}).items():
        target = chars.setdefault(path, set(base))
        for text in more:
            target.update(text)
    _SHARED.append({path: frozenset(c) for path, c in chars.items()})
    try:
        yield
    finally:
        _SHARED.pop()
        if not _SHARED:
            for path in _SUBSETS.values():
                path.unlink(missing_ok=True)
            _SUBSETS.clear()


def _shared_subset(font_path: Path) -> Path:
    """The face cut down to the characters the enclosing :func:`shared_font_subset` gives it (made once).

    A face the block does not name is used whole.
    """
    chars = _SHARED[-1].get(font_path)
    if chars is None:
        return font_path
    key = (font_path, chars)
    if key not in _SUBSETS:
        from fontTools import subset
        from fontTools.ttLib import TTFont

        font = TTFont(str(font_path), lazy=True, recalcBBoxes=False, recalcTimestamp=False, fontNumber=0)
        for tag in _UNUSED_TABLES:
            if tag in font:
                del font[tag]
        options = subset.Options()
        options.notdef_outline = True
        options.recommended_glyphs = True
        options.layout_features = []
        subsetter = subset.Subsetter(options)
        have = font_charset(font_path)
        subsetter.populate(unicodes=sorted(ord(c) for c in chars if ord(c) in have))
        subsetter.subset(font)
        fd, name = tempfile.mkstemp(prefix="seatplan-font-", suffix=font_path.suffix or ".otf")
        os.close(fd)
        font.save(name)
        _SUBSETS[key] = Path(name)
    return _SUBSETS[key]


class _NoCut:
    """A subsetter that keeps every glyph (see :class:`_SheetOutput`)."""

    def __init__(self, options: object) -> None:
        del options

    def populate(self, **kwargs: object) -> None:
        del kwargs

    def subset(self, font: object) -> None:
        del font


class _SheetOutput(OutputProducer):
    """Writes the PDF; a CFF face the document prints a quarter or more of is embedded without cutting it again.

    The face is then the shared subset as it is (:func:`shared_font_subset`):
    compiled once more (milliseconds) instead of cut again glyph by glyph (a
    third of a millisecond per glyph), and at most four times the size a new
    cut would have.
    """

    def _add_fonts(self, *args: Any, **kwargs: Any) -> Any:
        import types

        import fpdf.output
        from fontTools import subset

        keep = all(
            face.is_cff and 4 * len(face.subset.get_all_glyph_names()) >= len(face.ttfont.getGlyphOrder())
            for face in self.fpdf.fonts.values() if isinstance(face, TTFFont)
        )
        if not keep or not hasattr(fpdf.output, "ftsubset"):
            return super()._add_fonts(*args, **kwargs)
        real = fpdf.output.ftsubset
        fpdf.output.ftsubset = types.SimpleNamespace(Options=subset.Options, Subsetter=_NoCut)
        try:
            return super()._add_fonts(*args, **kwargs)
        finally:
            fpdf.output.ftsubset = real


class SheetPDF(FPDF):
    """An :class:`fpdf.FPDF` that measures and sets plain text fast, with the same bytes as fpdf's own.

    ``get_string_width`` is the sum of the advances times the size, each text
    summed once; ``text`` writes the same ``BT … Tj ET`` fpdf writes, each text
    encoded once (layout measures and sets the same strings many times). Any
    text feature the sheets do not use (shaping, spacing, stretching,
    underline, a text render mode) takes fpdf's own path.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._advances: dict[tuple[str, str], float] = {}
        self._encoded: dict[tuple[str, str], str] = {}
        self._fits: dict[tuple[object, ...], FittedText] = {}

    def _plain(self) -> TTFFont | None:
        """The current face when text is set plainly (no feature that changes widths or drawing), else None."""
        font = self.current_font
        if (not isinstance(font, TTFFont) or self.text_shaping or self.char_spacing or self.font_stretching != 100):
            return None
        return font

    def get_string_width(self, s: str, normalized: bool = False, markdown: bool = False) -> float:
        font = self._plain()
        if font is None or markdown:
            return super().get_string_width(s, normalized, markdown)
        return self.advance(s, font) * self.font_size_pt * 0.001 / self.k

    def advance(self, text: str, font: TTFFont | None = None) -> float:
        """Advance width of ``text`` in thousandths of an em, in ``font`` (default the face :data:`FONT`)."""
        face = font if font is not None else self.fonts[FONT]
        assert isinstance(face, TTFFont)
        key = (face.fontkey, text)
        units = self._advances.get(key)
        if units is None:
            widths = face.cw
            units = self._advances[key] = sum(widths[ord(c)] for c in text)
        return units

    def text(self, x: float, y: float, text: str = "") -> None:
        font = self._plain()
        if (font is None or not self.page or self.text_mode != TextMode.FILL or self.underline or self.strikethrough
                or getattr(self, "_record_text_quad_points", True) or not hasattr(self, "_set_font_for_page")):
            super().text(x, y, text)
            return
        if not self.current_font_is_set_on_page:
            self._out(self._set_font_for_page(font, self.font_size_pt))
        key = (font.fontkey, text)
        encoded = self._encoded.get(key)
        if encoded is None:
            encoded = self._encoded[key] = font.encode_text(text)
        line = f"BT {x * self.k:.2f} {(self.h - y) * self.k:.2f} Td {encoded} ET"
        if self.fill_color != self.text_color:
            assert self.text_color is not None
            line = f"q {self.text_color.serialize().lower()} {line} Q"
        self._out(line)

    def output(self, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("output_producer_class", _SheetOutput)
        return super().output(*args, **kwargs)


def new_pdf(font_path: Path, *, title: str, subject: str = "", orientation: str = "portrait", paper: str = "A4") -> FPDF:
    """A fresh PDF with the face registered as :data:`FONT` and fixed metadata."""
    pdf = SheetPDF(orientation=orientation, unit="mm", format=paper)
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


def font_charset(font_path: Path) -> frozenset[int]:
    """Code points the font file has glyphs for."""
    return font_characters(font_path)


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
    bundled = font_path in (find_cjk_font(serif=False), find_cjk_font(serif=True))
    raise ValidationError(
        f"{who}: the font {font_path.name} has no glyph for {chars}; the sheet would print a blank",
        location=Location(file=source.file, row=source.row, field=field, value=text),
        hint=("write the character as a common variant in the list (the sheets print in the bundled Noto face"
              + (", the name cards too unless [cards] font = \"/path/to/font.ttf\" names a face that has it)"
                 if bundled else ")"))
        if bundled or field not in CARD_FIELDS else
        "choose a font that has the character with [cards] font = \"/path/to/font.ttf\", "
        "or write the name as the person's ID card does",
    )


#: Columns of the list a name card prints (the face of ``[cards] font``).
CARD_FIELDS = ("姓名", "职务", "单位", "职务/单位", "外文名")


def check_people(people: Iterable[tuple[str, Location, Mapping[str, str]]], font_path: Path) -> None:
    """Refuse the first person whose texts the face cannot print.

    ``people`` gives, for each person, the name (to name them), the place in
    the list, and the texts printed for them by column (``{"姓名": ..., "单位": ...}``).
    """
    for who, source, texts in people:
        for column, text in texts.items():
            if text:
                check_glyphs(text, font_path, who=who.strip() or "a person without a name", source=source,
                             field=column)


def pdf_bytes(pdf: FPDF) -> bytes:
    """The finished PDF; refuses one that would print a blank for a character its face lacks.

    Names are checked with :func:`check_glyphs` before drawing, with a message
    naming the person; this catches the rest (a fixed word missing from a
    chosen font), so a sheet with a hole in it is never written.
    """
    data = bytes(pdf.output())
    missing = sorted({chr(c) for face in pdf.fonts.values() for c in getattr(face, "missing_glyphs", ())})
    if missing:
        title = pdf.title or "a sheet"
        raise ValidationError(
            f"{title}: the font has no glyph for " + ", ".join(f"'{ch}' (U+{ord(ch):04X})" for ch in missing[:8])
            + "; the sheet would print a blank",
            location=Location(field="title" if any(ch in title for ch in missing) else "cards.font",
                              value=title if any(ch in title for ch in missing) else ""),
            hint="write the meeting title and the plan's labels with characters of the GB 18030 basic set; a "
            "card font given with [cards] font needs the full GB 2312 repertoire",
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


@lru_cache(maxsize=4096)
def _parts(text: str) -> tuple[tuple[str, ...], ...]:
    """The parts of ``text`` (runs ending at a name separator or space), each as the pieces a line may break
    between.

    A piece is one ideograph, or a run of Latin letters/digits; closing punctuation and separators stay with
    the piece before them (a line never starts with "·" or "，"), opening brackets with the piece after them.
    """
    parts: list[tuple[str, ...]] = []
    tokens: list[str] = []
    opening = False
    for ch in text:
        last = tokens[-1][-1:] if tokens else ""
        if opening or (tokens and ch in _CLOSE) or (ch.isascii() and ch.isalnum() and last.isascii() and last.isalnum()):
            tokens[-1] += ch
        else:
            tokens.append(ch)
        opening = ch in _OPEN
        if ch in PART_SEPARATORS:
            parts.append(tuple(tokens))
            tokens = []
    if tokens:
        parts.append(tuple(tokens))
    return tuple(parts)


def text_width(pdf: FPDF, text: str, size_pt: float) -> float:
    """Width in millimetres of ``text`` set in :data:`FONT` at ``size_pt`` (the font state is left alone)."""
    if isinstance(pdf, SheetPDF):
        return pdf.advance(text) * size_pt * 0.001 / pdf.k
    pdf.set_font(FONT, size=size_pt)
    return pdf.get_string_width(text)


def _greedy(pieces: Sequence[str], fits: Callable[[str], bool]) -> list[list[str]]:
    """Pieces filled into lines, each line as long as ``fits`` allows (a piece too wide alone gets its own line)."""
    lines: list[list[str]] = []
    line: list[str] = []
    for piece in pieces:
        if line and not fits("".join(line) + piece):
            lines.append(line)
            line = [piece]
        else:
            line.append(piece)
    if line:
        lines.append(line)
    return lines


def _split_part(pdf: FPDF, part: Sequence[str], width: float, size: float, break_words: bool) -> list[str]:
    """A part wider than the line, broken into as few lines as it takes, of balanced widths, with no lone
    character on the last line when the line before can spare one."""
    def w(s: str) -> float:
        return text_width(pdf, s.rstrip(), size)

    pieces: list[str] = []
    for token in part:
        if break_words and w(token) > width and len(token.rstrip()) > 1:  # a word wider than the line
            pieces.extend("".join(line) for line in _greedy(list(token), lambda s: w(s) <= width))
        else:
            pieces.append(token)
    lines = _greedy(pieces, lambda s: w(s) <= width)
    if len(lines) < 2:
        return ["".join(line) for line in lines]
    low, high = w("".join(pieces)) / len(lines), width
    def within(limit: float) -> Callable[[str], bool]:
        return lambda s: w(s) <= limit

    for _ in range(12):  # the narrowest measure that still gives as many lines: lines of even width
        mid = (low + high) / 2
        if len(_greedy(pieces, within(mid))) == len(lines):
            high = mid
        else:
            low = mid
    lines = _greedy(pieces, within(high + 1e-9))
    if len(lines[-1]) == 1 and len(lines[-2]) >= 3 and w(lines[-2][-1] + lines[-1][0]) <= width:
        lines[-1].insert(0, lines[-2].pop())
    return ["".join(line) for line in lines]


def wrap_text(pdf: FPDF, text: str, width: float, size_pt: float | None = None, *, break_words: bool = True,
              break_parts: bool = True) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` at ``size_pt`` (default: the current font size).

    Lines break first between parts (at spaces and at the separators of transliterated names "·", "•",
    "・"), then inside a part that is wider than a line alone: between ideographs, in lines of balanced
    widths, never before closing punctuation or after an opening bracket. A Latin word is broken only
    when it alone is wider than the line (with ``break_words=False`` it is left whole, on a line too
    wide); with ``break_parts=False`` a text of several parts keeps every part whole.
    """
    size = pdf.font_size_pt if size_pt is None else size_pt
    parts = _parts(text)
    whole = not break_parts and len(parts) > 1

    def w(s: str) -> float:
        return text_width(pdf, s.rstrip(), size)

    lines: list[str] = []
    line = ""
    for part in parts:
        piece = "".join(part)
        if w(line + piece) <= width:
            line += piece
            continue
        if line.strip():
            lines.append(line.rstrip())
        if whole or w(piece) <= width:
            line = piece
            continue
        split = _split_part(pdf, part, width, size, break_words)
        lines.extend(s.rstrip() for s in split[:-1])
        line = split[-1]
    if line.strip():
        lines.append(line.rstrip())
    return [line.lstrip() for line in lines] or [""]


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
    memo = pdf._fits if isinstance(pdf, SheetPDF) else None
    key = (text, width, height, max_pt, min_pt, max_lines, prefer_one_line_pt)
    if memo is not None and key in memo:
        return memo[key]
    fitted = _fit_text(pdf, text, width=width, height=height, max_pt=max_pt, min_pt=min_pt, max_lines=max_lines,
                       prefer_one_line_pt=prefer_one_line_pt)
    if memo is not None:
        memo[key] = fitted
    return fitted


def _fit_text(pdf: FPDF, text: str, *, width: float, height: float, max_pt: float, min_pt: float, max_lines: int,
              prefer_one_line_pt: float) -> FittedText:
    """:func:`fit_text` without the memo."""
    text = " ".join(text.split())
    one = text_width(pdf, text, 100.0)
    one_pt = max_pt if one <= 0 else min(max_pt, 100.0 * width / one, height / (PT_TO_MM * LINE_SPACING))
    if one_pt >= max(prefer_one_line_pt, min_pt) and (prefer_one_line_pt > 0 or one_pt >= max_pt):
        return FittedText(one_pt, (text,))
    # a part of a name (阿不都热合曼 of 阿不都热合曼·买买提) is broken only when keeping the parts whole would
    # make the text small (below the one-line size, or half the largest); a Latin word only as a last resort
    whole_parts_pt = max(min_pt, prefer_one_line_pt or max_pt / 2)
    for break_parts, floor in ((False, whole_parts_pt), (True, min_pt)):
        size = max_pt
        while size >= floor:
            lines = wrap_text(pdf, text, width, size, break_words=False, break_parts=break_parts)
            fitted = FittedText(size, tuple(lines))
            if ((not max_lines or len(lines) <= max_lines) and fitted.height_mm <= height + 1e-6
                    and all(text_width(pdf, line, size) <= width + 1e-6 for line in lines)):
                return FittedText(one_pt, (text,)) if one_pt >= size else fitted
            size = size * 0.94 if size > floor and size * 0.94 >= floor else (floor if size > floor else 0.0)
        if len(_parts(text)) < 2:
            break
    if one_pt >= min_pt:
        return FittedText(one_pt, (text,))
    lines = wrap_text(pdf, text, width, min_pt)
    room = max(1, int((height + 1e-6) // (min_pt * PT_TO_MM * LINE_SPACING)))
    if max_lines:
        room = min(room, max_lines)
    kept = lines[:room]
    if len(lines) > room:
        last = kept[-1]
        while last and text_width(pdf, last + "…", min_pt) > width:
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
    left: float | None = None,
) -> None:
    """Draw a fitted block centred horizontally at ``cx`` (or its lines starting at ``left``) and vertically
    in ``top`` … ``top + height``."""
    if pdf.font_family != FONT or pdf.font_size_pt != fitted.size_pt or pdf.font_style:
        pdf.set_font(FONT, size=fitted.size_pt)
    ink = color or (grey, grey, grey)
    if ink != (0, 0, 0):
        pdf.set_text_color(*ink)
    size_mm = fitted.size_pt * PT_TO_MM
    y = top + (height - fitted.height_mm) / 2
    for line in fitted.lines:
        baseline = y + fitted.line_mm / 2 + 0.36 * size_mm
        pdf.text(left if left is not None else cx - text_width(pdf, line, fitted.size_pt) / 2, baseline, line)
        y += fitted.line_mm
    if ink != (0, 0, 0):
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
