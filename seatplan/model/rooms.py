"""Options of the meeting-room occasions: 会见, 会谈, 签字仪式, 合影 and the small meeting room.

One frozen spec per plan-file table (``[reception]``, ``[talks]``, ``[signing]``,
``[photo]``, ``[meeting_room]``), with the enums and default sizes they use. The
pattern (types, ranges, keys that depend on each other) is described in
:mod:`seatplan.model.options`.

Examples
--------
>>> TalksSpec(orientation="竖桌式", seats_per_side=6).orientation
<TableOrientation.POINTING: 'pointing'>
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import ClassVar

from seatplan.model.enums import Choice, EvenMode, find_choice
from seatplan.model.options import check_range, check_types, given_fields, option_error

__all__ = [
    "ARMCHAIR_DEPTH",
    "ARMCHAIR_WIDTH",
    "DEFAULT_MAX_PER_ROW",
    "MULTILATERAL_TABLE_SIZE",
    "PERSON_PITCH",
    "RECEPTION_FORM_NAMES",
    "ROOM_SEAT_PITCH",
    "SIGNING_TABLE_LENGTH",
    "TALKS_SEAT_PITCH",
    "TEA_TABLE_WIDTH",
    "FeatureWall",
    "Hand",
    "InterpreterSeats",
    "MeetingRoomSpec",
    "MultilateralTable",
    "PartyOrder",
    "PhotoSpec",
    "ProtocolLanguage",
    "ReceptionForm",
    "ReceptionSpec",
    "RoomMode",
    "SigningSpec",
    "TableOrientation",
    "TableShape",
    "TalksSpec",
]

# --------------------------------------------------------------------------------------
# sizes (metres)
# --------------------------------------------------------------------------------------

#: Reception armchair (单人沙发) width, metres (minshenggouwu.com: 0.8–0.9 m).
ARMCHAIR_WIDTH = 0.80
#: Reception armchair depth, metres (assumption: square).
ARMCHAIR_DEPTH = 0.80
#: Tea table (茶几) between two armchairs, metres (assumption).
TEA_TABLE_WIDTH = 0.50
#: Table length per person at 会谈, metres (R-PHY-8, upper end of 0.6–0.8 m).
TALKS_SEAT_PITCH = 0.80
#: Table length per person in a small meeting room, metres (R-PHY-8, middle of 0.6–0.8 m).
ROOM_SEAT_PITCH = 0.70
#: Signing table length, metres (R-PHY-9: 2.4 m long).
SIGNING_TABLE_LENGTH = 2.4
#: Distance between standing / photo places, metres (R-PHY-8: 0.6 m per person; 2 ft).
PERSON_PITCH = 0.60
#: Accepted range (metres) of a requested round-table diameter or square-table side at multilateral
#: talks (``[talks] table_diameter`` / ``table_side``; 0 there means "as small as the chairs allow").
#: Below 0.8 m is not a table for talks; above 12 m is a hall, not a table (assumptions).
MULTILATERAL_TABLE_SIZE: tuple[float, float] = (0.8, 12.0)
#: Longest photo row when ``rows`` is not given (odd: R-MTG-7 prefers odd rows).
DEFAULT_MAX_PER_ROW = 11

# --------------------------------------------------------------------------------------
# enums
# --------------------------------------------------------------------------------------


class Hand(Choice):
    """A seated person's own hand."""

    LEFT = "left", "左", "左手"
    RIGHT = "right", "右", "右手"


class ReceptionForm(Choice):
    """How a 会见 is seated (R-MTG-1, R-MTG-2); the Chinese names are aliases."""

    SIDE_BY_SIDE = "side-by-side", "并列式"  # host and guest side by side facing the door, R-MTG-1
    CENTRE = "centre", "居中式"  # the senior principal alone at the centre, R-MTG-2
    CHAIR = "chair", "主席式"  # host faces the door, visiting parties opposite, R-MTG-2
    FACE_TO_FACE = "face-to-face", "相对式"  # guests face the door, hosts opposite (面门为上)


#: Chinese names of the reception forms (R-MTG-2: 并列式, 居中式, 主席式, 相对式).
RECEPTION_FORM_NAMES: Mapping[str, ReceptionForm] = {alias: form for form in ReceptionForm for alias in form.aliases}


class TableOrientation(Choice):
    """How a two-sided table stands relative to the door (R-MTG-3 / R-MTG-4)."""

    ACROSS = "across", "横桌式"  # a long side faces the door
    POINTING = "pointing", "竖桌式"  # one end points at the door


class TableShape(Choice):
    """Outline of a meeting table."""

    RECTANGLE = "rectangle", "长方形", "长方桌"  # boardroom table
    OVAL = "oval", "椭圆形", "椭圆桌"  # straight sides with round ends (stadium)


class MultilateralTable(Choice):
    """Table of multilateral talks: "可把座位摆成圆形或正方形" (R-MTG-5)."""

    ROUND = "round", "圆形", "圆桌"  # :func:`seatplan.layout.talks.lay_round_table`
    SQUARE = "square", "正方形", "方桌"  # :func:`seatplan.layout.talks.lay_square_table`


class ProtocolLanguage(Choice):
    """Language whose state names set the order of delegations (R-MTG-5)."""

    EN = "en", "英文", "英语"  # UN practice: English short names
    FR = "fr", "法文", "法语"  # Francophonie events


class PartyOrder(Choice):
    """Order of the visiting parties of a 主席式 reception (R-MTG-2)."""

    LIST = "list", "名单顺序"  # the 单位序号 column when filled, else the order of first appearance in the list
    ALPHABETICAL = "alphabetical", "字母顺序"  # names in the protocol language (R-MTG-5, order_delegations)


class InterpreterSeats(Choice):
    """Where the interpreters of a 会谈 sit (R-MTG-3)."""

    AT_TABLE = "at-table"  # Chinese practice: at the chief's right (host) / left (guest)
    BEHIND = "behind"  # some countries: a chair right behind the chief
    NONE = "none"  # no interpreter places (domestic talks)


class RoomMode(Choice):
    """How a small meeting room is seated (R-MTG-8/9/10)."""

    FACE_DOOR = "face-door", "面门设座"
    FEATURE_WALL = "feature-wall", "依景设座"
    FACE_TO_FACE = "face-to-face", "双方对坐式", "对坐式"
    SAME_SIDE = "same-side", "同侧平坐式"
    HEAD_OF_TABLE = "head-of-table"  # chair at the short end


class FeatureWall(Choice):
    """The wall with the main backdrop, as seen by someone entering by the main door."""

    FAR = "far"
    LEFT = "left"
    RIGHT = "right"


# --------------------------------------------------------------------------------------
# specs
# --------------------------------------------------------------------------------------

#: Keys of ``[reception]`` that each form reads (``form`` itself is always allowed).
RECEPTION_FORM_KEYS: Mapping[ReceptionForm, frozenset[str]] = {
    ReceptionForm.SIDE_BY_SIDE: frozenset(
        {"guest_hand", "seats_per_side", "back_chairs", "arm_spacing", "armchair_width", "armchair_depth", "tea_table_width"}
    ),
    ReceptionForm.CENTRE: frozenset({"guest_hand", "seats_per_side", "back_chairs", "seat_pitch", "table_width"}),
    ReceptionForm.CHAIR: frozenset(
        {
            "guest_hand", "back_chairs", "seat_pitch", "table_width", "parties_per_row", "party_order", "language",
            "delegation_order",
        }
    ),
    ReceptionForm.FACE_TO_FACE: frozenset({"seats_per_side", "back_chairs", "seat_pitch", "table_width"}),
}


@dataclass(frozen=True)
class ReceptionSpec:
    """The ``[reception]`` table: a 会见 (R-MTG-1, R-MTG-2; ``docs/meetings.md``).

    Parameters
    ----------
    form
        Side by side (并列式, default), centre (居中式), chair (主席式) or face to face (相对式).
    guest_hand
        The host's hand at which the guest of honour sits (right by default, R-MTG-1).
    seats_per_side
        Chairs per side; 0 = as the larger party needs.
    back_chairs
        Chairs behind each side for interpreters and note-takers (at least as many as needed).
    arm_spacing, armchair_width, armchair_depth, tea_table_width
        Side by side: extra room between the arms of the horseshoe, the armchairs, the tea tables (m).
    seat_pitch, table_width
        The forms with a table: table length per person and the table's width (``None`` = by size).
    parties_per_row, party_order, language, delegation_order
        主席式: visiting parties per row (0 = all in one), their order (list or alphabetical in
        ``language``) or an agreed order of the units.

    Every key except ``form`` applies to some forms only; setting one that the
    chosen form does not read is an error.
    """

    TABLE: ClassVar[str] = "reception"

    form: ReceptionForm = ReceptionForm.SIDE_BY_SIDE
    guest_hand: Hand = Hand.RIGHT
    seats_per_side: int = 0
    back_chairs: int = 0
    arm_spacing: float = 0.0
    armchair_width: float = ARMCHAIR_WIDTH
    armchair_depth: float = ARMCHAIR_DEPTH
    tea_table_width: float = TEA_TABLE_WIDTH
    seat_pitch: float = TALKS_SEAT_PITCH
    table_width: float | None = None
    parties_per_row: int = 0
    party_order: PartyOrder = PartyOrder.LIST
    language: ProtocolLanguage = ProtocolLanguage.EN
    delegation_order: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        t = self.TABLE
        form = find_choice(ReceptionForm, self.form)
        if form is None:
            names = ", ".join(f'"{m.value}" ({"/".join(m.aliases)})' for m in ReceptionForm)
            raise option_error(
                f"{t}.form", self.form, f"is not a reception form; use one of {names}", 'write e.g. form = "centre" or form = "居中式"'
            )
        object.__setattr__(self, "form", form)
        check_types(self, t)
        check_range(self, t, "seats_per_side", 0, 60)
        check_range(self, t, "back_chairs", 0, 10)
        check_range(self, t, "arm_spacing", 0.0, 30.0)
        check_range(self, t, "armchair_width", 0.5, 1.5, "armchairs are 0.8–0.9 m wide")
        check_range(self, t, "armchair_depth", 0.5, 1.5)
        check_range(self, t, "tea_table_width", 0.0, 1.5)
        check_range(self, t, "seat_pitch", 0.6, 2.0, "R-PHY-8: at least 0.6 m per person")
        check_range(self, t, "table_width", 0.6, 4.0)
        check_range(self, t, "parties_per_row", 0, 20)
        self.check_keys(given_fields(self, [f.name for f in dataclasses.fields(self)]))

    def check_keys(self, keys: Collection[str]) -> None:
        """Raise ValidationError for a key set (``keys``) that the chosen form does not read.

        A plan file passes the keys it writes; a spec built in Python, those that
        differ from their default.
        """
        t, form = self.TABLE, self.form
        for name in sorted(set(keys) - RECEPTION_FORM_KEYS[form] - {"form"}):
            users = [f.value for f, names in RECEPTION_FORM_KEYS.items() if name in names]
            raise option_error(
                f"{t}.{name}", getattr(self, name), f"does not apply to form = {form.value!r}",
                f"remove {name}, or use form = " + " / ".join(repr(u) for u in users),
            )
        if "language" in keys and not self.delegation_order and self.party_order is not PartyOrder.ALPHABETICAL:
            raise option_error(
                f"{t}.language", self.language, 'applies to party_order = "alphabetical" only',
                'add party_order = "alphabetical" or remove language',
            )


#: Keys of ``[talks]`` that only bilateral talks read, and those only multilateral talks read.
TALKS_BILATERAL_KEYS = ("orientation", "interpreters", "seats_per_side", "second_beside_chief", "table_width")
TALKS_MULTILATERAL_KEYS = ("language", "delegation_order", "table_diameter", "table_side")


@dataclass(frozen=True)
class TalksSpec:
    """The ``[talks]`` table: 会谈 at a long table (R-MTG-3/4) or multilateral talks (R-MTG-5).

    Parameters
    ----------
    orientation
        Across the room (横桌式, default) or pointing at the door (竖桌式).
    interpreters
        At the table (default), behind the chief, or none.
    seat_pitch
        Table length per person (m, R-PHY-8: at least 0.6); per head at a multilateral table.
    table_width
        Width of the long table (m); ``None`` = by the number of people.
    table
        Rectangle (default) or oval long table; multilateral: round (default) or square.
    seats_per_side
        Chairs per side; 0 = as the larger delegation needs.
    second_beside_chief
        Rule book §6 alternative: No.2 next to the chief.
    multilateral
        One delegation per unit round a round or square table (R-MTG-5).
    language, delegation_order
        Multilateral: order delegations alphabetically in this language, or as agreed.
    table_diameter, table_side
        Multilateral: the round table's diameter / the square table's side (m); 0 = as small
        as the chairs allow.
    """

    TABLE: ClassVar[str] = "talks"

    orientation: TableOrientation = TableOrientation.ACROSS
    interpreters: InterpreterSeats = InterpreterSeats.AT_TABLE
    seat_pitch: float = TALKS_SEAT_PITCH
    table_width: float | None = None
    table: TableShape | MultilateralTable | None = None
    seats_per_side: int = 0
    second_beside_chief: bool = False
    multilateral: bool = False
    language: ProtocolLanguage = ProtocolLanguage.EN
    delegation_order: tuple[str, ...] = ()
    table_diameter: float = 0.0
    table_side: float = 0.0

    def __post_init__(self) -> None:
        t = self.TABLE
        check_types(self, t)
        check_range(self, t, "seat_pitch", 0.6, 2.0, "R-PHY-8: at least 0.6 m of table per person")
        if self.multilateral:
            for name in ("table_diameter", "table_side"):  # the layout's own range: one range, one error
                check_range(self, t, name, *MULTILATERAL_TABLE_SIZE, "metres", zero_means="as small as the chairs allow")
        else:
            check_range(self, t, "table_width", 0.6, 4.0)
            check_range(self, t, "seats_per_side", 0, 60)
        self.check_keys(given_fields(self, [f.name for f in dataclasses.fields(self)]))

    def check_keys(self, keys: Collection[str]) -> None:
        """Raise ValidationError for a key set (``keys``) that this kind of talks does not read.

        A plan file passes the keys it writes; a spec built in Python, those that
        differ from their default.
        """
        t = self.TABLE
        if not self.multilateral:
            for name in TALKS_MULTILATERAL_KEYS:
                if name in keys:
                    raise option_error(f"{t}.{name}", getattr(self, name), "applies to multilateral talks only", "add multilateral = true")
            if isinstance(self.table, MultilateralTable):
                raise option_error(
                    f"{t}.table", self.table.value, "a round or square table is for multilateral talks (R-MTG-5)",
                    'add multilateral = true, or use table = "rectangle" / "oval"',
                )
            return
        for name in TALKS_BILATERAL_KEYS:
            if name in keys:
                raise option_error(
                    f"{t}.{name}", getattr(self, name), "does not apply to multilateral talks (a round or square table, R-MTG-5)",
                    f"remove {name} or set multilateral = false",
                )
        shape = self.shape
        if not isinstance(shape, MultilateralTable):
            raise option_error(
                f"{t}.table", shape.value, "multilateral talks sit at a round or square table with no head (R-MTG-5)",
                'write table = "round" or table = "square"',
            )
        other = "table_side" if shape is MultilateralTable.ROUND else "table_diameter"
        if other in keys:
            raise option_error(
                f"{t}.{other}", getattr(self, other), f"does not apply to a {shape.value} table",
                "use table_diameter with a round table, table_side with a square one",
            )

    @property
    def shape(self) -> TableShape | MultilateralTable:
        """The table: ``table``, or the default of the kind of talks (rectangle; multilateral: round)."""
        if self.table is not None:
            return self.table
        return MultilateralTable.ROUND if self.multilateral else TableShape.RECTANGLE


@dataclass(frozen=True)
class SigningSpec:
    """The ``[signing]`` table: a 签字仪式 (R-MTG-6).

    Parameters
    ----------
    per_row
        Standing places per row behind each signer; 0 = one row.
    table_length
        Length of the signing table (m, R-PHY-9: 1.8 or 2.4).
    pitch
        Distance between standing places (m, R-PHY-8: 0.6).
    assistants
        An assistant (助签人) place beside each signer.
    """

    TABLE: ClassVar[str] = "signing"

    per_row: int = 0
    table_length: float = SIGNING_TABLE_LENGTH
    pitch: float = PERSON_PITCH
    assistants: bool = True

    def __post_init__(self) -> None:
        t = self.TABLE
        check_types(self, t)
        check_range(self, t, "per_row", 0, 40)
        check_range(self, t, "table_length", 1.2, 6.0, "R-PHY-9: tables are 1.8 or 2.4 m long")
        check_range(self, t, "pitch", 0.5, 1.5, "R-PHY-8: 0.6 m per person")


@dataclass(frozen=True)
class PhotoSpec:
    """The ``[photo]`` table: a 合影 (R-MTG-7).

    Parameters
    ----------
    rows
        Places per row, front row first; empty = rows of at most ``max_per_row``.
    max_per_row
        Longest row when ``rows`` is empty.
    seated_rows
        Front rows that sit (chairs); the rest stand on risers.
    pitch
        Distance between places (m, R-PHY-8: 0.6).
    even_mode
        How an even row is centred (R-DAIS-4/5/6).
    """

    TABLE: ClassVar[str] = "photo"

    rows: tuple[int, ...] = ()
    max_per_row: int = DEFAULT_MAX_PER_ROW
    seated_rows: int = 1
    pitch: float = PERSON_PITCH
    even_mode: EvenMode = EvenMode.V1

    def __post_init__(self) -> None:
        t = self.TABLE
        check_types(self, t)
        check_range(self, t, "max_per_row", 1, 60)
        check_range(self, t, "seated_rows", 0, 10)
        check_range(self, t, "pitch", 0.5, 1.5, "R-PHY-8: 0.6 m per person")
        for i, count in enumerate(self.rows):
            if count < 1:
                raise option_error(f"{t}.rows[{i}]", count, "every row needs at least one place", "write e.g. rows = [7, 9]")


@dataclass(frozen=True)
class MeetingRoomSpec:
    """The ``[meeting_room]`` table: a small meeting room without a dais (R-MTG-8/9/10).

    Parameters
    ----------
    mode
        面门设座 (default), 依景设座, 双方对坐式, 同侧平坐式 or head of table.
    feature_wall
        With ``mode = "feature-wall"``: the wall with the backdrop, seen from the main door.
    table
        Oval (default) or rectangle.
    seat_pitch, table_width
        Table length per person and the table's width (m; ``None`` = by size).
    chair_side, opposite_side
        Chairs on the chair's (or the principals') side and opposite; 0 = by the list.
        With one party the chair's side is odd: he sits in its middle (R-MTG-8).
    even_mode
        Face to face: how an even side is centred.
    guest_hand
        Same side: the host's hand at which the guest sits.
    """

    TABLE: ClassVar[str] = "meeting_room"

    mode: RoomMode = RoomMode.FACE_DOOR
    feature_wall: FeatureWall = FeatureWall.FAR
    table: TableShape = TableShape.OVAL
    seat_pitch: float = ROOM_SEAT_PITCH
    table_width: float | None = None
    chair_side: int = 0
    opposite_side: int = 0
    even_mode: EvenMode = EvenMode.V1
    guest_hand: Hand = Hand.RIGHT

    def __post_init__(self) -> None:
        t = self.TABLE
        check_types(self, t)
        check_range(self, t, "seat_pitch", 0.6, 2.0, "R-PHY-8: at least 0.6 m of table per person")
        check_range(self, t, "table_width", 0.6, 4.0)
        check_range(self, t, "chair_side", 0, 60)
        check_range(self, t, "opposite_side", 0, 60)
        self.check_keys(given_fields(self, ["feature_wall"]))
        if self.chair_side % 2 == 0 and self.chair_side and self.mode in (RoomMode.FACE_DOOR, RoomMode.FEATURE_WALL):
            raise option_error(
                f"{t}.chair_side", self.chair_side, "must be odd: the chair sits in the middle of his side (R-MTG-8)",
                f"write chair_side = {self.chair_side + 1}",
            )

    def check_keys(self, keys: Collection[str]) -> None:
        """Raise ValidationError for ``feature_wall`` set (in ``keys``) with another mode."""
        if "feature_wall" in keys and self.mode is not RoomMode.FEATURE_WALL:
            raise option_error(
                f"{self.TABLE}.feature_wall", self.feature_wall.value,
                f'is only used with mode = "feature-wall", not {self.mode.value!r}',
                'delete feature_wall or set mode = "feature-wall"',
            )
