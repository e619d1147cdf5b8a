"""Colours, fixed texts and the CJK font for the diagram renderer.

Nothing here imports matplotlib at import time: the helpers that need it import
it inside the function, so ``import seatplan.render`` stays cheap.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from seatplan.fonts import find_cjk_font

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.font_manager import FontProperties
    from matplotlib.typing import RcKeyType

#: Light qualitative palette for units (black text stays readable on every entry).
#: Neighbouring entries differ strongly in hue, because units next to each other
#: in the unit order also sit next to each other on the floor. Cycled after 20.
PALETTE: tuple[str, ...] = (
    "#8dd3c7",  # teal
    "#fdb462",  # orange
    "#bebada",  # lavender
    "#b3de69",  # lime
    "#fb8072",  # salmon
    "#80b1d3",  # steel blue
    "#ffed6f",  # yellow
    "#fccde5",  # light pink
    "#c49c94",  # brown
    "#9edae5",  # light cyan
    "#bc80bd",  # purple
    "#ccebc5",  # mint
    "#e7cb94",  # sand
    "#aec7e8",  # light blue
    "#f4a6a6",  # rose
    "#66c2a5",  # sea green
    "#dbdb8d",  # olive
    "#e78ac3",  # magenta
    "#b0b0b0",  # grey
    "#9c9ede",  # periwinkle
)

#: Fill and outline of an empty seat.
EMPTY_FACE = "#ffffff"
EMPTY_EDGE = "#9a9a9a"
#: Face of a seat reserved and left empty (R-AUD-8).
RESERVED_FACE = "#e6e6e6"
#: Outline of an occupied floor seat.
SEAT_EDGE = "#555555"
#: Outline of a dais (主席台) seat and colour of dais labels.
DAIS_EDGE = "#c00000"
#: Walls, stage, tables, obstacles.
WALL = "#333333"
STAGE_FACE = "#efe4d6"
STAGE_EDGE = "#8c6d4f"
TABLE_FACE = "#fbf7f0"
TABLE_EDGE = "#6b5a48"
OBSTACLE_FACE = "#e6e6e6"
OBSTACLE_EDGE = "#777777"
AISLE_FACE = "#f6f6f6"
LECTERN_FACE = "#c9b08f"
DOOR_COLOUR = "#c00000"
TEXT = "#111111"
MUTED_TEXT = "#555555"
WAIVER_TEXT = "#b00000"  # waived fire-code breaches printed on the drawing

#: The viewing frame, written on every diagram (rule book §0.1).
FRAME_NOTE = "台下视角 (seen from the audience) · 舞台在上 / stage at the top"
#: Frame note for rooms without a stage: plan view with the main door at the bottom.
FRAME_NOTE_NO_STAGE = "平面图 (plan view) · 正门在下 / main door at the bottom · 上方为里侧 / far side at the top"
#: Label of dais rows.
DAIS_LABEL = "主席台"
#: Label of the main door when it has no name.
MAIN_DOOR_LABEL = "正门"
#: Legend entry for people without a unit.
NO_UNIT_LABEL = "（未填单位）"

#: Fixed salt so SVG ids are the same on every run.
SVG_HASHSALT = "seatplan"


def unit_colours(units: Iterable[str]) -> dict[str, str]:
    """Map units to palette colours, cycling in the given order.

    Parameters
    ----------
    units
        Units in order of first appearance; duplicates are ignored.

    Returns
    -------
    dict of str to str
        Unit → hex colour.
    """
    out: dict[str, str] = {}
    for unit in units:
        if unit not in out:
            out[unit] = PALETTE[len(out) % len(PALETTE)]
    return out


@cache
def cjk_font_path() -> Path:
    """Register the bundled Noto Sans SC with matplotlib and return its path.

    Returns
    -------
    Path
        The ``.otf`` file from :func:`seatplan.fonts.find_cjk_font`.
    """
    from matplotlib import font_manager

    path = find_cjk_font()
    known = {str(Path(f.fname)) for f in font_manager.fontManager.ttflist}
    if str(path) not in known:
        font_manager.fontManager.addfont(str(path))
    return path


def cjk_font(size: float) -> FontProperties:
    """Return font properties for the CJK face at ``size`` points.

    Parameters
    ----------
    size
        Font size in points.
    """
    from matplotlib.font_manager import FontProperties

    return FontProperties(fname=str(cjk_font_path()), size=size)


def rc_params() -> dict[RcKeyType, Any]:
    """The matplotlib settings used while drawing and saving (via ``rc_context``).

    Fixed SVG hash salt, text as paths in SVG, and the CJK face as the default
    family so that no text can fall back to a font without Chinese glyphs.
    """
    from matplotlib.font_manager import FontProperties

    family = FontProperties(fname=str(cjk_font_path())).get_name()
    return {
        "svg.hashsalt": SVG_HASHSALT,
        "svg.fonttype": "path",
        "font.family": [family],
        "axes.unicode_minus": False,
        "text.parse_math": False,  # names are plain text: "$x^$" is drawn as typed, never as mathtext
        "hatch.linewidth": 0.6,
        "savefig.facecolor": "white",
        "figure.facecolor": "white",
    }
