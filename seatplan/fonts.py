"""Where the CJK typefaces come from: the one place that knows font files.

seatplan depends on the ``pylopdf-fonts-zh-cn`` wheel (Noto Sans SC and Noto Serif
SC, SIL OFL), so Chinese text renders as real glyphs on a fresh machine with pip
only. The renderer (matplotlib) and the card writer (fpdf2) both take paths from here.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from seatplan.errors import SeatplanError


@cache
def find_cjk_font(*, serif: bool = False) -> Path:
    """Return the path of the bundled Noto Sans SC (or Serif SC) OpenType file.

    Parameters
    ----------
    serif
        True for Noto Serif SC (宋体-like), False for Noto Sans SC (黑体-like).

    Raises
    ------
    SeatplanError
        If the font package is not installed.
    """
    try:
        import pylopdf_fonts_zh_cn as fonts
    except ImportError as exc:  # pragma: no cover - the package is a hard dependency
        raise SeatplanError(
            "the CJK font package is missing; run: pip install pylopdf-fonts-zh-cn"
        ) from exc
    path = Path(fonts.serif_path() if serif else fonts.sans_path())
    if not path.is_file():  # pragma: no cover
        raise SeatplanError(f"CJK font file not found at {path}; reinstall pylopdf-fonts-zh-cn")
    return path


@cache
def font_characters(path: Path) -> frozenset[int]:
    """Code points the font file has glyphs for (read once per file)."""
    from fontTools.ttLib import TTFont

    with TTFont(str(path), lazy=True, fontNumber=0) as font:
        return frozenset(font.getBestCmap() or {})


@cache
def _printable() -> frozenset[int]:
    """Code points both bundled faces (sans and serif) have glyphs for."""
    return font_characters(find_cjk_font()) & font_characters(find_cjk_font(serif=True))


def missing_characters(text: str) -> str:
    """The characters of ``text`` that the bundled CJK typefaces (sans or serif) cannot draw.

    Spaces and control characters are not counted. Such characters print as a
    blank box on the diagram and the cards (Extension-B ideographs, emoji).
    """
    have = _printable()
    seen: dict[str, None] = {}
    for ch in text:
        if ord(ch) >= 0x20 and not ch.isspace() and ord(ch) not in have:
            seen.setdefault(ch)
    return "".join(seen)
