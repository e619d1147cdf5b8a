"""Classroom layout (课桌式): rows of tables with chairs facing the front (R-PHY-8/9/11).

Each row is a line of tables (``spacing.classroom_table_length`` × ``classroom_table_depth``,
R-PHY-9: 1.8 m × 0.45 m) with the chairs behind them, seat fronts flush with the table edge
(R-PHY-11, T30: 0 cm in the set position), ``seats_per_table`` to a table (R-PHY-8: a 1.8 m
table takes 3). Behind every chair the next table stands ``spacing.chair_back_to_table`` away
(R-PHY-9: 0.60 m; 0.65 m in the stricter hotel standard,
:data:`~seatplan.layout.spacing.CHAIR_BACK_TO_TABLE_STRICT`), which also keeps the tables
≥ 0.9–1.0 m apart. The first table stands ``spacing.front_table_to_screen`` (1.8 m) from the
screen wall or the stage edge (R-PHY-9).

The rows are laid out by the theatre row engine (:func:`seatplan.layout.theatre.lay_rows`):
tables are grouped in blocks between longitudinal aisles whose seats per row stay within the
fire-code limit for the row pitch (R-PHY-1), with side walkways of at least
``spacing.wall_walkway`` (0.9 m, R-PHY-9/R-PHY-11), cross aisles every ≤ 20 rows (R-PHY-2)
and aisle widths sized from the persons served (R-PHY-3). People reach their chairs from the
passage *behind* the chairs, so a row's clear width is the chair-back-to-table distance.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from seatplan.errors import GeometryError, Location
from seatplan.layout.firecode import GB_MAX_ROWS_BETWEEN_CROSS_AISLES, FireProfile
from seatplan.layout.room import GeneratedLayout, LayoutKind
from seatplan.layout.row_plan import RowPlan
from seatplan.layout.spacing import Spacing
from seatplan.layout.theatre import _positive, _validate_common, lay_rows
from seatplan.model import Numbering, Side, Venue

__all__ = ["ClassroomOptions", "classroom_plan", "generate_classroom"]


@dataclass(frozen=True)
class ClassroomOptions:
    """Parameters of the classroom generator (课桌式); ``None`` means "choose".

    Parameters
    ----------
    blocks
        Number of table blocks across the room (``None``: the fewest that seat the most).
    block_tables
        Tables per row in each block, AV left to right; overrides ``blocks``.
    table_length
        Table length, metres; ``None`` = ``spacing.classroom_table_length`` (1.8 m; 2.4 m is
        the other common size, R-PHY-9).
    seats_per_table
        Chairs per table; ``None`` = table length // ``spacing.meeting_table_per_person``.
    chair_back_to_table
        Chair back to the next table, metres; ``None`` = ``spacing.chair_back_to_table``
        (0.60 m; use 0.65 for the stricter hotel standard).
    side_aisles
        Keep walkways along the side walls (``None`` = True).
    rows_per_bank
        Most rows between cross aisles (``None`` = 20, R-PHY-2).
    max_rows
        At most this many rows (0 = as many as fit).
    numbering, odd_side
        Seat numbers within a row (R-AUD-9/10).
    """

    blocks: int | None = None
    block_tables: tuple[int, ...] = ()
    table_length: float | None = None
    seats_per_table: int | None = None
    chair_back_to_table: float | None = None
    side_aisles: bool | None = None
    rows_per_bank: int | None = None
    max_rows: int = 0
    numbering: Numbering = Numbering.SEQUENTIAL
    odd_side: Side = Side.RIGHT

    def __post_init__(self) -> None:
        object.__setattr__(self, "numbering", Numbering(self.numbering))
        object.__setattr__(self, "odd_side", Side(self.odd_side))
        object.__setattr__(self, "block_tables", tuple(self.block_tables))
        _validate_common(self.blocks, self.block_tables, self.rows_per_bank, self.max_rows, "block_tables")
        _positive(self.table_length, "layout.table_length", "")
        _positive(self.chair_back_to_table, "layout.chair_back_to_table", "", allow_zero=True)
        if self.seats_per_table is not None and (
            isinstance(self.seats_per_table, bool) or not isinstance(self.seats_per_table, int) or self.seats_per_table < 1
        ):
            raise GeometryError(
                f"seats_per_table must be a whole number >= 1, got {self.seats_per_table!r}",
                location=Location(field="layout.seats_per_table", value=self.seats_per_table),
            )


def classroom_plan(options: ClassroomOptions, spacing: Spacing) -> RowPlan:
    """The row-engine plan of a classroom layout.

    Raises
    ------
    GeometryError
        If the chairs do not fit along the table (seats × chair width > table length).
    """
    length = options.table_length if options.table_length is not None else spacing.classroom_table_length
    per_person = spacing.meeting_table_per_person
    n = options.seats_per_table or max(1, int(length / per_person + 1e-9))
    pitch = length / n
    if pitch < spacing.chair_width - 1e-9:
        raise GeometryError(
            f"{n} chairs of {spacing.chair_width:.2f} m do not fit along a {length:.2f} m table",
            location=Location(field="layout.seats_per_table", value=n),
            hint=f"use at most {int(length / spacing.chair_width)} seats per table or a longer table",
        )
    back = options.chair_back_to_table if options.chair_back_to_table is not None else spacing.chair_back_to_table
    td, cd, gap = spacing.classroom_table_depth, spacing.chair_depth, spacing.seat_to_table_gap
    row_pitch = td + max(gap + cd + back, spacing.classroom_table_gap)
    side = True if options.side_aisles is None else options.side_aisles
    return RowPlan(
        kind=LayoutKind.CLASSROOM,
        unit_width=length,
        chair_offsets=tuple((j + 0.5) * pitch for j in range(n)),
        row_pitch=round(row_pitch, 6),
        clear_width=round(row_pitch - td - gap - cd, 6),
        front_gap=spacing.front_table_to_screen,
        unit_depth=td + gap + cd,
        chair_back=td + gap + cd / 2,
        table_depth=td,
        lateral=(0.0, length),
        ring_min=max(spacing.wall_walkway, spacing.side_aisle),
        side_aisles=side,
        curved=False,
        curve_radius=None,
        rows_per_bank=min(options.rows_per_bank or GB_MAX_ROWS_BETWEEN_CROSS_AISLES, GB_MAX_ROWS_BETWEEN_CROSS_AISLES),
        max_rows=options.max_rows,
        numbering=options.numbering,
        odd_side=options.odd_side,
        blocks=options.blocks,
        block_units=options.block_tables,
        seat_width_rule=False,
        params=(
            ("table_length", round(length, 6)),
            ("seats_per_table", n),
            ("chair_back_to_table", round(back, 6)),
            ("front_table_to_screen", spacing.front_table_to_screen),
        ),
    )


#: The default options (frozen, so one shared instance is safe as a default argument).
_DEFAULT_OPTIONS = ClassroomOptions()


def generate_classroom(
    venue: Venue,
    *,
    spacing: Spacing = Spacing(),
    profile: FireProfile = FireProfile(),
    options: ClassroomOptions = _DEFAULT_OPTIONS,
    seat_cap: int | None = None,
    source: str | Path = "",
) -> GeneratedLayout:
    """Lay out classroom tables (课桌式) in a room, to code by construction (R-PHY-1/2/3/8/9/11).

    Parameters
    ----------
    venue
        The room; the front (screen or stage) is the largest y.
    spacing
        Table size, chair size, chair-back-to-table, screen distance, walkway.
    profile
        Fire-code profile for the seats between aisles and aisle widths.
    options
        Blocks, table length, chairs per table... (:class:`ClassroomOptions`).
    seat_cap
        Lay out at most this many seats (back rows dropped first).
    source
        File the venue came from, for error messages.

    Returns
    -------
    GeneratedLayout
        Seats ``floor-rNNN-sNNN`` facing the front, tables as outlines; row access behind the
        chairs.
    """
    if options.block_tables and options.blocks is not None and options.blocks != len(options.block_tables):
        raise GeometryError(
            f"blocks = {options.blocks} but block_tables lists {len(options.block_tables)} blocks",
            location=Location(file=source, field="layout.blocks", value=options.blocks),
            hint="give either blocks or block_tables",
        )
    plan = classroom_plan(options, spacing)
    if math.isclose(plan.clear_width, 0.0, abs_tol=1e-9):
        raise GeometryError(
            "no passage is left behind the chairs",
            location=Location(file=source, field="layout.chair_back_to_table", value=options.chair_back_to_table),
            hint="give a chair-back-to-table distance of 0.60 m or more (R-PHY-9)",
        )
    return lay_rows(venue, plan, spacing=spacing, profile=profile, seat_cap=seat_cap, source=source)
