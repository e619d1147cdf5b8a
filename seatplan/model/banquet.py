"""Options of the banquet occasion (宴会): the ``[banquet]`` table.

:class:`BanquetSpec` holds every key of ``[banquet]`` (round tables, R-BNQ-1 … R-BNQ-11, or
one Western long table, R-BNQ-12), with the enums and default distances it uses; the layout
(:mod:`seatplan.layout.banquet`, :mod:`seatplan.layout.long_table`) and the ranking
(:mod:`seatplan.protocol.banquet`) take them from here. The pattern is described in
:mod:`seatplan.model.options`.

Examples
--------
>>> spec = BanquetSpec(tables=3, seats_per_table=10, cohost=True)
>>> spec.style, spec.tie_break[0]
(<BanquetStyle.ROUNDS: 'rounds'>, <TieBreak.SAME_ROW: 'same-row'>)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection
from dataclasses import dataclass
from typing import ClassVar

from seatplan.model.enums import Choice
from seatplan.model.options import check_types, given_fields, option_error, short_key

__all__ = [
    "DEFAULT_SEAT_PITCH",
    "DEFAULT_STAGE_GAP",
    "DEFAULT_TABLE_GAP",
    "DEFAULT_TABLE_WIDTH",
    "DEFAULT_TIE_BREAK",
    "DEFAULT_WALL_GAP",
    "MAX_TABLE_WIDTH",
    "MIN_SEAT_PITCH",
    "MIN_TABLE_GAP",
    "MIN_TABLE_WIDTH",
    "Arrangement",
    "BanquetSpec",
    "BanquetStyle",
    "BanquetVariant",
    "GuestOutranksHost",
    "HostFacing",
    "InterpreterPlacement",
    "MainPosition",
    "RightOf",
    "TableAxis",
    "TableHandedness",
    "TieBreak",
]

# --------------------------------------------------------------------------------------
# distances (metres)
# --------------------------------------------------------------------------------------

#: Smallest clear distance between table edges (R-PHY-10: "keep ≥ 1 m between table edges").
MIN_TABLE_GAP = 1.0
#: Default clear distance between table edges: two 0.45 m chairs set flush with their tables
#: (R-PHY-11) leave a 0.6 m passage between their backs (R-PHY-9: 60 cm chair back to the next
#: table); US practice asks 5 ft = 1.52 m (R-PHY-10).
DEFAULT_TABLE_GAP = 1.5
#: Default walkway between chairs and walls, obstacles and doors (R-PHY-11 related dimensions:
#: "椅子與墻面的中間過道不應少0.9m").
DEFAULT_WALL_GAP = 0.9
#: Default clear distance between the stage front and the nearest chair backs (not in the rule
#: book: room for speakers and performers in front of the stage).
DEFAULT_STAGE_GAP = 1.5
#: Default long-table length per place (R-PHY-8: 0.6 m per person is the comfortable minimum).
DEFAULT_SEAT_PITCH = 0.6
#: Chairs cannot stand closer than their own width (``seatplan.layout.banquet.CHAIR_WIDTH``).
MIN_SEAT_PITCH = 0.45
#: Default long-table width: a banquet long table is about 1 m wide (two 0.45–0.5 m covers).
DEFAULT_TABLE_WIDTH = 1.0
#: A long table narrower than one place cannot take a chair at its end; wider than the maximum
#: nobody can talk across it.
MIN_TABLE_WIDTH = 0.6
MAX_TABLE_WIDTH = 3.0

# --------------------------------------------------------------------------------------
# enums
# --------------------------------------------------------------------------------------


class BanquetVariant(Choice):
    """Where guests 2-4 sit when a co-host (副主陪) faces the host (R-BNQ-8).

    ``CN_A``: G1 host's right, G2 host's left, G3 co-host's right, G4 co-host's
    left, the rest by closeness to the host (Chinese common practice).
    ``INTL``: G1 host's right, G2 co-host's right, G3 host's left, G4 co-host's
    left, continuing host-right, co-host-right, host-left, co-host-left outward.
    """

    CN_A = "cn-a"
    INTL = "intl"


class TieBreak(Choice):
    """Tie-break steps between tables equally far from the main table (R-BNQ-5 steps 3-5)."""

    SAME_ROW = "same-row"  # same row as the main table (smaller depth difference) first
    FAR = "far", "以远为上"  # farther from the door first
    RIGHT = "right", "以右为上"  # on the preferred hand first (see RightOf / TableHandedness)


#: The R-BNQ-5 default: same row, then far, then the host's right.
DEFAULT_TIE_BREAK: tuple[TieBreak, ...] = (TieBreak.SAME_ROW, TieBreak.FAR, TieBreak.RIGHT)


class RightOf(Choice):
    """Whose right hand "以右为上" refers to when ranking tables (R-BNQ-2 disagreement).

    ``HOST`` (default): a person facing the door (面门为据), i.e. PV-left with the
    door at the bottom. ``ENTRANT``: a person walking in, i.e. PV-right.
    """

    HOST = "host"
    ENTRANT = "entrant"


class TableHandedness(Choice):
    """Which hand ranks first among tables (R-BNQ-5 disagreement).

    ``RIGHT`` (default): 以右为上. ``LEFT``: the folk description "左边依次2、4、6席,
    右边为3、5、7席" — the same side vector, reversed.
    """

    RIGHT = "right"
    LEFT = "left"


class HostFacing(Choice):
    """Which seat of a table is the host's (主陪) seat (R-BNQ-6/7).

    ``DOOR``: the seat facing the door from this table (面门为主).
    ``SAME_AS_MAIN``: the seat facing the same direction as the main host (各桌同向).
    ``MAIN_TABLE``: the seat facing the main table ("有时也可以面向主桌主人").
    """

    DOOR = "door", "面门为主"
    SAME_AS_MAIN = "same-as-main", "各桌同向"
    MAIN_TABLE = "main-table"


class InterpreterPlacement(Choice):
    """Where a banquet interpreter goes (R-BNQ-10)."""

    BEHIND = "behind"  # behind the principal, not at the table (state banquets, default)
    AT_RIGHT = "at-right"  # in the seat at the principal's right (small foreign-affairs banquets)


class Arrangement(Choice):
    """How the tables are set out in rows (head row = the row of the main table, at the front).

    ``GRID``: rows of ``columns`` tables, columns aligned; the last row holds the rest, centred.
    ``STAGGERED``: rows of ``columns`` and ``columns - 1`` tables alternate, each row offset by
    half a pitch from the next (梅花 / brick pattern); rows stand closer (pitch × √3/2).
    """

    GRID = "grid"
    STAGGERED = "staggered", "梅花"


class MainPosition(Choice):
    """Where the main table (主桌) stands (R-BNQ-2).

    ``FAR``: in the middle of the head row, at the front of the hall (farthest from the main
    door, nearest the stage: 以远为上, 居中为上, 临台为上). ``CENTRE``: in the middle of the
    arrangement, the block centred in the hall (居中为上 in two dimensions; 3 × 3 with the main
    table in the centre, quincunx).
    """

    FAR = "far"
    CENTRE = "centre"


class BanquetStyle(Choice):
    """Table style of a banquet (``[banquet] style``).

    ``ROUNDS``: round tables ranked by R-BNQ-2 … R-BNQ-11. ``FRENCH`` / ``ENGLISH``: one long
    table, host and hostess at the middle of the long sides / at the ends (R-BNQ-12).
    """

    ROUNDS = "rounds", "圆桌"
    FRENCH = "french", "法式"
    ENGLISH = "english", "英式"


class GuestOutranksHost(Choice):
    """When the guest of honour and the host exchange places (R-BNQ-9).

    ``AUTO``: when the top guest's rank number is smaller than the top host's (one rank list
    for both sides). ``YES`` / ``NO``: always / never. In the plan file: ``"auto"``, ``true``
    or ``false``.
    """

    AUTO = "auto"
    YES = "yes"
    NO = "no"


class TableAxis(Choice):
    """How the long table stands in the room (``[banquet] long_table_axis``).

    ``ACROSS``: the long sides parallel to the wall of the main door (the table across the
    room, seen from the door). ``ALONG``: the long sides pointing from the door to the far wall.
    """

    ACROSS = "across"
    ALONG = "along"


# --------------------------------------------------------------------------------------
# the [banquet] table
# --------------------------------------------------------------------------------------

#: Keys of ``[banquet]`` that only round tables use, and those only the long table uses.
ROUND_KEYS = (
    "tables",
    "seats_per_table",
    "main_seats",
    "rows",
    "arrangement",
    "columns",
    "table_gap",
    "main_position",
    "tie_break",
    "right_of",
    "table_handedness",
    "host_facing",
    "variant",
    "cohost",
    "guest_outranks_host",
)
LONG_TABLE_KEYS = ("long_table_seat_pitch", "long_table_width", "long_table_axis")


@dataclass(frozen=True)
class BanquetSpec:
    """The ``[banquet]`` option table (see ``docs/banquet.md``).

    Parameters
    ----------
    tables
        Number of tables; 0 = as few as hold everyone at ``seats_per_table`` (R-BNQ-1).
    seats_per_table
        Places per table (the largest size when ``tables`` is 0). R-BNQ-1: ≤ 10, even.
    main_seats
        Places at the main table; 0 = ``seats_per_table`` (R-BNQ-1: it may be larger).
    rows
        Tables per row, head row first; empty = from ``arrangement`` and ``columns``.
    arrangement, columns, table_gap, wall_gap, stage_gap, main_position
        Layout options of :func:`seatplan.layout.banquet.generate_banquet`.
    style
        ``"rounds"`` (default) or one Western long table, ``"french"`` / ``"english"``
        (R-BNQ-12); the round-table keys do not apply to a long table and vice versa.
    long_table_seat_pitch, long_table_width, long_table_axis
        The long table: metres of table per place (R-PHY-8, 0.6), its width (1.0 m), and
        ``"across"`` / ``"along"`` the room (:class:`TableAxis`).
    tie_break, right_of, table_handedness
        Table ranking options (R-BNQ-2/5).
    host_facing
        Which seat is each table's host seat (R-BNQ-6).
    variant
        Guest order with a co-host (R-BNQ-8); ``None`` = ``"intl"`` for an international
        meeting (``convention = "intl"``), else ``"cn-a"``.
    cohost
        Seat a co-host (副主陪) opposite the host at every table that has one (R-BNQ-8).
    guest_outranks_host
        R-BNQ-9 exchange at the main table: ``"auto"`` (compare ranks), ``True`` or ``False``.
    interpreters
        R-BNQ-10 placement of interpreters.

    Raises
    ------
    ValidationError
        A value of the wrong type or out of range, a round-table key with a long table or a
        ``long_table_*`` key with round tables, ``interpreters = "at-right"`` at a long table,
        or ``rows`` that do not add up to ``tables``; the error names the key and the value.
    """

    TABLE: ClassVar[str] = "banquet"

    tables: int = 0
    seats_per_table: int = 10
    main_seats: int = 0
    rows: tuple[int, ...] = ()
    arrangement: Arrangement = Arrangement.GRID
    columns: int = 0
    table_gap: float = DEFAULT_TABLE_GAP
    wall_gap: float = DEFAULT_WALL_GAP
    stage_gap: float = DEFAULT_STAGE_GAP
    main_position: MainPosition = MainPosition.FAR
    tie_break: tuple[TieBreak, ...] = DEFAULT_TIE_BREAK
    right_of: RightOf = RightOf.HOST
    table_handedness: TableHandedness = TableHandedness.RIGHT
    host_facing: HostFacing = HostFacing.SAME_AS_MAIN
    variant: BanquetVariant | None = None
    cohost: bool = False
    guest_outranks_host: GuestOutranksHost = GuestOutranksHost.AUTO
    interpreters: InterpreterPlacement = InterpreterPlacement.BEHIND
    style: BanquetStyle = BanquetStyle.ROUNDS
    long_table_seat_pitch: float = DEFAULT_SEAT_PITCH
    long_table_width: float = DEFAULT_TABLE_WIDTH
    long_table_axis: TableAxis = TableAxis.ACROSS

    def __post_init__(self) -> None:
        self._set_outranks()
        check_types(self, self.TABLE, skip=("guest_outranks_host",))
        self._check_sizes()
        self.check_keys(given_fields(self, [f.name for f in dataclasses.fields(self)]))
        if self.rows and self.tables and sum(self.rows) != self.tables:
            raise option_error(
                f"{self.TABLE}.rows", list(self.rows), f"holds {sum(self.rows)} tables but tables = {self.tables}",
                "make the rows add up to tables, or leave tables out (rows then fix the number of tables)",
            )

    def _set_outranks(self) -> None:
        """``guest_outranks_host``: true, false, ``"auto"`` (or a member)."""
        value = self.guest_outranks_host
        if isinstance(value, bool):
            member = GuestOutranksHost.YES if value else GuestOutranksHost.NO
        elif isinstance(value, GuestOutranksHost) or (isinstance(value, str) and value.strip().lower() == "auto"):
            member = GuestOutranksHost(value.strip().lower())
        else:
            raise option_error(
                f"{self.TABLE}.guest_outranks_host", value, 'expected true, false or "auto"',
                'write guest_outranks_host = "auto" (compare ranks), true or false',
            )
        object.__setattr__(self, "guest_outranks_host", member)

    def _check_sizes(self) -> None:
        t = self.TABLE
        for name, minimum in (("tables", 0), ("seats_per_table", 1), ("main_seats", 0), ("columns", 0)):
            if getattr(self, name) < minimum:
                raise option_error(
                    f"{t}.{name}", getattr(self, name), f"must be {minimum} or more", f"write e.g. {name} = {max(minimum, 10)}"
                )
        for name, low in (("table_gap", MIN_TABLE_GAP), ("wall_gap", 0.0), ("stage_gap", 0.0)):
            if getattr(self, name) < low:
                why = " (R-PHY-10: at least 1 m between table edges)" if low > 0 else ""
                raise option_error(f"{t}.{name}", getattr(self, name), f"must be {low:g} m or more{why}", f"write e.g. {name} = 1.5")
        if any(n < 1 for n in self.rows):
            raise option_error(
                f"{t}.rows", list(self.rows), "needs at least one row and every row at least 1 table",
                "write e.g. rows = [3, 4] (head row first)",
            )
        if len(set(self.tie_break)) != len(self.tie_break):
            raise option_error(
                f"{t}.tie_break", [s.value for s in self.tie_break], "repeats a step",
                'list each of "same-row", "far", "right" at most once',
            )
        for name, low, high, example, why in (
            ("long_table_seat_pitch", MIN_SEAT_PITCH, 2.0, "0.6", "table length per place; R-PHY-8 asks 0.6 or more"),
            ("long_table_width", MIN_TABLE_WIDTH, MAX_TABLE_WIDTH, "1.0", "the table's width"),
        ):
            if not low <= getattr(self, name) <= high:
                raise option_error(
                    f"{t}.{name}", getattr(self, name), f"must be from {low:g} to {high:g} m ({why})",
                    f"write e.g. {short_key(name)} = {example}",
                )

    def check_keys(self, keys: Collection[str]) -> None:
        """Raise ValidationError for keys set (``keys``) that the style does not read.

        A plan file passes the keys it writes; a spec built in Python, those that
        differ from their default.
        """
        t, style = self.TABLE, self.style
        if "rows" in keys and not self.rows:
            raise option_error(
                f"{t}.rows", [], "needs at least one row and every row at least 1 table",
                "write e.g. rows = [3, 4] (head row first)",
            )
        if style is BanquetStyle.ROUNDS:
            wrong = [k for k in LONG_TABLE_KEYS if k in keys]
            if wrong:
                raise option_error(
                    f"{t}.{wrong[0]}", getattr(self, wrong[0]),
                    f"is a key of the Western long table, but style is \"rounds\" (keys: {', '.join(wrong)})",
                    'add style = "french" or "english" (R-BNQ-12), or delete these keys',
                )
            return
        wrong = [k for k in ROUND_KEYS if k in keys]
        if wrong:
            raise option_error(
                f"{t}.{wrong[0]}", getattr(self, wrong[0]),
                f"applies to round tables only, but style = \"{style.value}\" lays one long table (keys: {', '.join(wrong)})",
                'delete these keys, or use style = "rounds"',
            )
        if self.interpreters is not InterpreterPlacement.BEHIND:
            raise option_error(
                f"{t}.interpreters", self.interpreters.value,
                "at a long table interpreters sit behind their principals (R-BNQ-10)",
                'write interpreters = "behind" or leave it out',
            )

    @property
    def long_table(self) -> bool:
        """True for one Western long table (``style`` french or english, R-BNQ-12)."""
        return self.style is not BanquetStyle.ROUNDS
