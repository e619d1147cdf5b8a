"""A meeting as described by a plan file: venue, dais, floor, balcony, cards, attendees.

The option enums of the meeting occasion (presider seat, lectern, strip order,
floor hand, list order) live here with the specs that use them; every spec
accepts either the enum member or its string value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from seatplan.errors import Location, ValidationError
from seatplan.model.affinity import AffinitySpec
from seatplan.model.attendees import Attendee, ListLanguage
from seatplan.model.banquet import BanquetSpec
from seatplan.model.check import CheckSpec
from seatplan.model.enums import (
    Choice,
    Convention,
    DeskSeating,
    EvenMode,
    FillMethod,
    Numbering,
    OccasionKind,
    Side,
    View,
    coerce_choice,
)
from seatplan.model.outputs import OutputSpec
from seatplan.model.requests import RulesSpec
from seatplan.model.rooms import (
    MeetingRoomSpec,
    PhotoSpec,
    ReceptionSpec,
    SigningSpec,
    TalksSpec,
)
from seatplan.model.venue import Venue

#: The plan-file format version this library writes and reads.
FORMAT_VERSION = 1

class Presider(Choice):
    """Where the 主持人 (presider) sits on the dais (R-DAIS-12).

    ``RANK``: by his rank in the list, but never in a back row (default);
    ``CENTRE``: the front-row centre seat (主席台 1号); ``END``: the end seat of
    the front row on the side given by ``DaisSpec.presider_end``.
    """

    RANK = "rank"
    CENTRE = "centre"
    END = "end"


class Lectern(Choice):
    """Where the speaker's lectern (发言席) stands (R-DAIS-12).

    ``FRONT``: directly in front of the presidium, on the dais axis;
    ``FRONT_RIGHT`` / ``FRONT_LEFT``: at the front corner of the dais on that
    side, "right" read in ``DaisSpec.side_view`` (the dais's own right by default);
    ``NONE``: no lectern drawn (default).
    """

    NONE = "none"
    FRONT = "front"
    FRONT_RIGHT = "front-right"
    FRONT_LEFT = "front-left"


class StripOrder(Choice):
    """How delegation strips are placed in 竖排法 (R-AUD-3)."""

    LEFT_TO_RIGHT = "left-to-right"  # in unit order, audience view left to right
    CENTRE_OUT = "centre-out"  # first unit at the hall's centre, then alternating outward


class FloorHand(Choice):
    """Which side of No.1 takes No.2 in 左右排列法 on the floor (R-AUD-4).

    ``OWN_LEFT`` (default): the senior hand of the convention is the seated
    person's *own* hand; floor seats face the dais, so under CN No.2 sits at
    No.1's own left = audience-view left (rule book §6). ``AV_RIGHT``: the
    dais picture as seen from the audience is copied to the floor, so under CN
    No.2 sits at audience-view right. INTL mirrors both.
    """

    OWN_LEFT = "own-left"
    AV_RIGHT = "av-right"


class ListOrder(Choice):
    """How units (or the members of a unit) are ordered (R-AUD-5)."""

    LIST = "list", "名单顺序"  # the published list / 排序 column / order of the list
    PINYIN = "pinyin", "拼音"  # by the pinyin of the name, syllable by syllable
    STROKES = "strokes", "姓氏笔画", "笔画"  # by the stroke count of the first character, then the next


def _set_enums(obj: object, prefix: str, **enums: type[StrEnum]) -> None:
    for name, enum_cls in enums.items():
        object.__setattr__(obj, name, coerce_choice(enum_cls, getattr(obj, name), f"{prefix}.{name}"))


def _set_tuple(obj: object, *names: str) -> None:
    for name in names:
        value = getattr(obj, name)
        if isinstance(value, str):
            value = (value,)
        object.__setattr__(obj, name, tuple(value))


#: Category words accepted in plan files (身份), mapped to :attr:`Attendee.category` values.
CATEGORY_WORDS: dict[str, str] = {
    "official": "official", "正式": "official", "正式代表": "official", "正式委员": "official", "代表": "official",
    "委员": "official", "出席": "official", "alternate": "alternate", "候补": "alternate", "候补代表": "alternate",
    "候补委员": "alternate", "observer": "observer", "列席": "observer", "列席代表": "observer",
    "auditor": "auditor", "旁听": "auditor",
}


def normalise_category(word: str, key: str) -> str:
    """Map a category word (``"列席"``, ``"observer"``...) to the attendee category value.

    Raises
    ------
    ValidationError
        For a word that is not a category.
    """
    value = CATEGORY_WORDS.get(word.strip().lower())
    if value is None:
        raise ValidationError(
            f"{key}: {word!r} is not a category",
            location=Location(field=key, value=word),
            hint="use official/正式, alternate/候补, observer/列席 or auditor/旁听",
        )
    return value


def _require_positive(value: float, key: str) -> None:
    if not value > 0:
        raise ValidationError(f"{key} must be positive, got {value}", location=Location(field=key, value=value))


def _require_non_negative(value: float, key: str) -> None:
    if not value >= 0:
        raise ValidationError(f"{key} must be >= 0, got {value}", location=Location(field=key, value=value))


@dataclass(frozen=True)
class DaisSpec:
    """The 主席台: rows of seats on the stage, facing the audience.

    Parameters
    ----------
    rows
        Seats for people per row, front row first. Empty = one row sized to the
        dais list. Chairs that must stay empty (the centre of R-DAIS-7, the end
        chair of fixed furniture, R-DAIS-6) are added to these counts.
    even_mode
        How an even row is centred (R-DAIS-4/5/6); V1 by default.
    seat_pitch
        Table length per person on the dais, metres (R-PHY-15: about 1.0 m).
    row_pitch
        Distance between dais rows, metres: desk 0.60 + chair 0.50 + passage 0.60
        (R-PHY-9) at least.
    fixed_chairs
        The chairs are fixed furniture at a uniform pitch (R-DAIS-6): with
        ``even_mode = V3`` an even row gets one more chair so No.1 sits on the
        axis, and the chair at the junior-hand end stays empty (T7). With
        movable chairs (default) V3 packs one side tighter instead.
    equal_top_pair
        No.1 and No.2 are of equal grade (平级, R-DAIS-7): the front-row centre
        chair stays empty, No.1 sits at its senior hand, No.2 at its junior hand.
    front_tags
        Tags (标签) that reserve the front row by role (R-DAIS-10, e.g.
        ``("执行主席",)``): people with any of them sit in the front row, in
        rank order, before everybody else.
    presider
        Seat of the person tagged 主持人/主持/presider (R-DAIS-12).
    presider_end
        With ``presider = END``: the end of the front row, read in ``side_view``.
    lectern
        Position of the speaker's lectern (发言席, R-DAIS-12); drawn as a
        :attr:`~seatplan.model.ShapeKind.LECTERN` shape.
    side_view
        The frame in which ``lectern`` and ``presider_end`` say left/right:
        ``STAGE`` (the dais's own hands, R-DAIS-2; default) or ``AUDIENCE``.
    aisle_width
        Width of a centre aisle through the dais rows from ``aisle_from_row``
        on, metres; 0 = no aisle (R-DAIS-11).
    aisle_from_row
        First dais row split by the aisle; at least 2, the front row is never
        split (R-DAIS-11).
    """

    rows: tuple[int, ...] = ()
    even_mode: EvenMode = EvenMode.V1
    seat_pitch: float = 1.0
    row_pitch: float = 1.7
    fixed_chairs: bool = False
    equal_top_pair: bool = False
    front_tags: tuple[str, ...] = ()
    presider: Presider = Presider.RANK
    presider_end: Side = Side.RIGHT
    lectern: Lectern = Lectern.NONE
    side_view: View = View.STAGE
    aisle_width: float = 0.0
    aisle_from_row: int = 2

    def __post_init__(self) -> None:
        _set_tuple(self, "rows", "front_tags")
        _set_enums(self, "dais", even_mode=EvenMode, presider=Presider, presider_end=Side, lectern=Lectern, side_view=View)
        for i, n in enumerate(self.rows, start=1):
            if isinstance(n, bool) or not isinstance(n, int) or n < 1:
                raise ValidationError(
                    f"dais row {i} has {n} seats; every row needs at least 1",
                    location=Location(field="dais.rows", value=list(self.rows)),
                    hint="list the seats per row as whole numbers, front row first, e.g. rows = [9, 6]",
                )
        _require_positive(self.seat_pitch, "dais.seat_pitch")
        _require_positive(self.row_pitch, "dais.row_pitch")
        _require_non_negative(self.aisle_width, "dais.aisle_width")
        if self.aisle_from_row < 2:
            raise ValidationError(
                f"dais.aisle_from_row is {self.aisle_from_row}: the front dais row is never split by an aisle (R-DAIS-11)",
                location=Location(field="dais.aisle_from_row", value=self.aisle_from_row),
                hint="use aisle_from_row = 2 (or later); row 1 stays one unbroken row",
            )
        if self.equal_top_pair and self.front_tags:
            raise ValidationError(
                "dais.equal_top_pair and dais.front_tags cannot be combined: the empty centre seat is for "
                "No.1 and No.2 of the whole dais",
                location=Location(field="dais.equal_top_pair", value=True),
                hint="use one of the two",
            )


@dataclass(frozen=True)
class ReservedBlock:
    """Seats set aside before units are placed (R-AUD-8).

    Parameters
    ----------
    rows
        First and last row (1 = front row of the section), inclusive.
    block
        Block between aisles, counted 1, 2, … from the audience-view left;
        0 = the whole row across all blocks.
    seats
        First and last seat position inside the block (or row), counted 1, 2, …
        from the audience-view left end; negative positions count from the
        right end (-1 = the last seat). Empty = every seat of the block.
    tag
        Only people carrying this tag (标签) sit here, in precedence order.
    category
        Only people of this category (身份: official, alternate, observer,
        auditor) sit here. With neither ``tag`` nor ``category`` the seats stay
        empty (late guests, press, award winners).
    label
        What the block is for, drawn beside it on the diagram when there is room.
    """

    rows: tuple[int, int]
    block: int = 0
    seats: tuple[int, ...] = ()
    tag: str = ""
    category: str = ""
    label: str = ""

    def __post_init__(self) -> None:
        rows = (self.rows, self.rows) if isinstance(self.rows, int) else tuple(self.rows)
        if len(rows) == 1:
            rows = (rows[0], rows[0])
        object.__setattr__(self, "rows", rows)
        _set_tuple(self, "seats")
        where = Location(field="reserved.rows", value=list(rows))
        if len(rows) != 2 or any(isinstance(r, bool) or not isinstance(r, int) for r in rows) or not 1 <= rows[0] <= rows[1]:
            raise ValidationError(
                f"reserved rows {list(rows)} are not a range of rows", location=where,
                hint="write rows = [1, 2] (first and last row, front row = 1) or rows = 1",
            )
        if isinstance(self.block, bool) or not isinstance(self.block, int) or self.block < 0:
            raise ValidationError(
                f"reserved block {self.block!r} is not a block number", location=Location(field="reserved.block", value=self.block),
                hint="count blocks 1, 2, 3 from the audience-view left; 0 = the whole row",
            )
        s = self.seats
        if s and (len(s) != 2 or any(isinstance(v, bool) or not isinstance(v, int) or v == 0 for v in s)
                  or ((s[0] > 0) == (s[1] > 0) and s[0] > s[1])):
            raise ValidationError(
                f"reserved seats {list(s)} are not a range of positions", location=Location(field="reserved.seats", value=list(s)),
                hint="write seats = [1, 6] (1st to 6th from the audience-view left) or [-6, -1] (the last six)",
            )
        if self.category:
            object.__setattr__(self, "category", normalise_category(self.category, "reserved.category"))
        if self.tag and self.category:
            raise ValidationError(
                "a reserved block is for a tag or for a category, not both",
                location=Location(field="reserved.tag", value=self.tag),
                hint="split it into two blocks",
            )

    @property
    def empty(self) -> bool:
        """True when nobody may sit here (no tag, no category)."""
        return not self.tag and not self.category

    def admits(self, attendee: Attendee) -> bool:
        """True when ``attendee`` belongs in this block."""
        if self.tag:
            return self.tag in attendee.tags
        return bool(self.category) and attendee.category == self.category


def _check_reserved(reserved: tuple[ReservedBlock, ...], prefix: str) -> tuple[ReservedBlock, ...]:
    out = tuple(reserved)
    for i, block in enumerate(out):
        if not isinstance(block, ReservedBlock):
            raise ValidationError(
                f"{prefix}.reserved[{i}] is not a ReservedBlock", location=Location(field=f"{prefix}.reserved"),
                hint="build it with seatplan.model.meeting.ReservedBlock(rows=(1, 1), ...)",
            )
    return out


@dataclass(frozen=True)
class FloorSpec:
    """The audience floor (台下): theatre rows split into blocks by aisles.

    Parameters
    ----------
    blocks
        Seats per row in each block between aisles, audience view left to right.
    rows
        Number of rows; 0 = as many as fit the room.
    seat_width
        Seat width (armrest centre distance), metres (JGJ 57: >= 0.50/0.55).
    row_pitch
        Row spacing (排距), metres.
    aisle_width
        Width of the aisles between blocks, metres (GB 50016: >= 1.00).
    side_aisle
        Clear width between the outer blocks and the side walls, metres (>= 0.80).
    front_gap
        Clear distance from the stage edge to the first row, metres.
    back_gap
        Clear distance kept free at the back wall, metres.
    fill
        How units fill the floor: rows (横排法, R-AUD-2, default), columns
        (竖排法, R-AUD-3) or centre-out (左右排列法, R-AUD-4).
    numbering
        How seats are numbered within a row (R-AUD-9/10).
    odd_side
        For centre-out numbering: the audience-view side that carries odd numbers.
    unit_order
        Published unit order; units not listed follow (R-AUD-5 criterion 1).
    strip_order
        With ``fill = COLUMNS``: strips in unit order from the audience-view
        left, or from the hall's centre outward (R-AUD-3).
    floor_hand
        With centre-out fill or strips: which side of No.1 takes No.2 (R-AUD-4).
    unit_order_by
        Order of the units not named in ``unit_order`` (R-AUD-5).
    member_order_by
        Order of the people inside a unit: the 排序 column (``LIST``), pinyin
        or strokes of the name (R-AUD-3/5).
    reserved
        Reserved blocks (R-AUD-8).
    rotation_year
        Years of NPC-style rotation to apply (R-AUD-6, ``fill = COLUMNS`` only):
        delegations move outward by one group per year (the outermost group
        returns to the centre) and the front fifth of each delegation moves
        to the back.
    rotation_groups
        Number of groups the delegations rotate in (R-AUD-6: 35 delegations in
        5 groups of 7).
    """

    blocks: tuple[int, ...] = (12, 20, 12)
    rows: int = 0
    seat_width: float = 0.55
    row_pitch: float = 0.90
    aisle_width: float = 1.2
    side_aisle: float = 1.0
    front_gap: float = 2.0
    back_gap: float = 1.5
    fill: FillMethod = FillMethod.ROWS
    numbering: Numbering = Numbering.SEQUENTIAL
    odd_side: Side = Side.RIGHT
    unit_order: tuple[str, ...] = ()
    strip_order: StripOrder = StripOrder.LEFT_TO_RIGHT
    floor_hand: FloorHand = FloorHand.OWN_LEFT
    unit_order_by: ListOrder = ListOrder.LIST
    member_order_by: ListOrder = ListOrder.LIST
    reserved: tuple[ReservedBlock, ...] = ()
    rotation_year: int = 0
    rotation_groups: int = 5

    def __post_init__(self) -> None:
        _set_tuple(self, "blocks", "unit_order")
        _set_enums(
            self, "floor", fill=FillMethod, numbering=Numbering, odd_side=Side, strip_order=StripOrder,
            floor_hand=FloorHand, unit_order_by=ListOrder, member_order_by=ListOrder,
        )
        object.__setattr__(self, "reserved", _check_reserved(self.reserved, "floor"))
        if not self.blocks or any(b < 1 for b in self.blocks):
            raise ValidationError(
                "floor.blocks needs at least one block of at least one seat",
                location=Location(field="floor.blocks", value=list(self.blocks)),
            )
        if self.rows < 0:
            raise ValidationError(
                f"floor.rows is {self.rows}; use 0 for 'as many as fit'", location=Location(field="floor.rows")
            )
        for key in ("seat_width", "row_pitch", "aisle_width", "side_aisle"):
            _require_positive(getattr(self, key), f"floor.{key}")
        for key in ("front_gap", "back_gap"):
            if getattr(self, key) < 0:
                raise ValidationError(f"floor.{key} must be >= 0", location=Location(field=f"floor.{key}"))
        if self.rotation_year < 0:
            raise ValidationError(
                f"floor.rotation_year is {self.rotation_year}", location=Location(field="floor.rotation_year", value=self.rotation_year),
                hint="give the number of years since the base year: 0, 1, 2, ...",
            )
        if self.rotation_groups < 1:
            raise ValidationError(
                f"floor.rotation_groups is {self.rotation_groups}", location=Location(field="floor.rotation_groups", value=self.rotation_groups),
                hint="use the number of groups the delegations rotate in, e.g. 5",
            )
        if self.rotation_year and self.fill is not FillMethod.COLUMNS:
            raise ValidationError(
                f"floor.rotation_year moves delegation strips (竖排法, R-AUD-6) but fill is {self.fill.value!r}",
                location=Location(field="floor.rotation_year", value=self.rotation_year),
                hint='set fill = "columns", or remove rotation_year',
            )


@dataclass(frozen=True)
class BalconySpec:
    """A second seating block upstairs (楼上 / 二楼), filled after the main floor (R-AUD-1, R-AUD-7).

    People whose category is in ``categories`` sit here (列席 and 旁听 by
    default); so do the people who do not fit on the main floor, lowest
    precedence first. The balcony uses the floor's fill, unit order and
    numbering unless it sets its own numbering.

    Parameters
    ----------
    blocks
        Seats per row in each block between aisles, audience view left to right.
    rows
        Number of balcony rows (at least 1).
    seat_width, row_pitch, aisle_width
        As on the floor, metres.
    numbering
        Printed seat numbers (R-AUD-9/10); the floor's numbering when ``None``.
    odd_side
        For centre-out numbering: the audience-view side with the odd numbers.
    categories
        Categories (身份) seated here.
    label
        Name of the level on the diagram and in ``summary.json`` (``"二楼"``).
    reserved
        Reserved blocks on the balcony (R-AUD-8).
    """

    blocks: tuple[int, ...] = (12, 20, 12)
    rows: int = 4
    seat_width: float = 0.55
    row_pitch: float = 0.90
    aisle_width: float = 1.2
    numbering: Numbering | None = None
    odd_side: Side = Side.RIGHT
    categories: tuple[str, ...] = ("observer", "auditor")
    label: str = "二楼"
    reserved: tuple[ReservedBlock, ...] = ()

    def __post_init__(self) -> None:
        _set_tuple(self, "blocks", "categories")
        object.__setattr__(
            self, "categories", tuple(normalise_category(c, "balcony.categories") for c in self.categories)
        )
        _set_enums(self, "balcony", odd_side=Side)
        if self.numbering is not None:
            _set_enums(self, "balcony", numbering=Numbering)
        object.__setattr__(self, "reserved", _check_reserved(self.reserved, "balcony"))
        if not self.blocks or any(b < 1 for b in self.blocks):
            raise ValidationError(
                "balcony.blocks needs at least one block of at least one seat",
                location=Location(field="balcony.blocks", value=list(self.blocks)),
            )
        if self.rows < 1:
            raise ValidationError(
                f"balcony.rows is {self.rows}; a balcony needs at least one row",
                location=Location(field="balcony.rows", value=self.rows),
                hint="give the number of balcony rows, e.g. rows = 4",
            )
        for key in ("seat_width", "row_pitch", "aisle_width"):
            _require_positive(getattr(self, key), f"balcony.{key}")


class CardLine(StrEnum):
    """What a name card prints under the name (``[cards] second_line``)."""

    NONE = "none"
    TITLE = "title"  # 职务
    UNIT = "unit"  # 单位


@dataclass(frozen=True)
class CardSpec:
    """Name cards (桌签/席卡): which sections get one, and the typeface.

    Parameters
    ----------
    sections
        Section name prefixes whose seats get a name card (``"dais"`` by default).
    serif
        True for a serif (宋体-like) face, False for sans (黑体-like).
    space_two_char_names
        Put a full-width space inside two-character Chinese names (王　伟), the
        usual practice on name cards.
    font
        Path of a font file for the cards (方正小标宋, 黑体, 楷体...); ``""`` takes
        the bundled Noto face (serif or sans as ``serif`` says).
    second_line
        Printed under the name on the name cards: nothing, the title (职务) or the unit (单位).
    seating
        How the arrival desk gives seats: ``ASSIGNED`` (the seat on the card),
        ``FREE`` (front to back as people arrive), or ``None``: assigned whenever
        people have seats by name (``seatplan.desk.desk_seating``).
    """

    sections: tuple[str, ...] = ("dais",)
    serif: bool = True
    space_two_char_names: bool = True
    font: str = ""
    second_line: CardLine = CardLine.NONE
    seating: DeskSeating | None = None

    def __post_init__(self) -> None:
        _set_enums(self, "cards", second_line=CardLine)


@dataclass(frozen=True)
class Meeting:
    """Everything a plan file says, with the attendee list read in.

    Parameters
    ----------
    title
        Meeting title printed on diagrams and lists.
    venue
        The room.
    attendees
        The people to seat.
    convention
        CN (以左为上, default) or INTL (以右为上).
    dais
        The 主席台, or ``None`` for no dais.
    floor
        The audience floor, or ``None``.
    cards
        Name-card options.
    date
        Free text date shown on outputs.
    allow_unseated
        List people who do not fit in ``unseated.csv`` instead of failing.
    occasion
        The kind of event (meeting with dais and floor by default).
    source
        Path of the plan file, if read from one.
    balcony
        A second seating level (楼上/二楼, R-AUD-7), or ``None``.
    check
        The fire-code profile every layout is checked against and the breaches waived (``[check]``).
    banquet, reception, talks, signing, photo, meeting_room
        The options of the occasion (``[banquet]``...), or ``None`` for its defaults.
    rules
        The organisers' requests (``[rules]``), or ``None`` when there are none.
    affinity
        Who sits with whom at the banquet tables after the main one (``[affinity]``,
        :class:`~seatplan.model.affinity.AffinitySpec`), or ``None`` to fill them by precedence.
    language
        The language of the attendee list's headers (recorded by the reader): seats.xlsx
        is written in it.
    """

    title: str
    venue: Venue
    attendees: tuple[Attendee, ...]
    convention: Convention = Convention.CN
    dais: DaisSpec | None = None
    floor: FloorSpec | None = None
    cards: CardSpec = field(default_factory=CardSpec)
    date: str = ""
    allow_unseated: bool = False
    occasion: OccasionKind = OccasionKind.MEETING
    source: Path | None = None
    balcony: BalconySpec | None = None
    banquet: BanquetSpec | None = None
    reception: ReceptionSpec | None = None
    talks: TalksSpec | None = None
    signing: SigningSpec | None = None
    photo: PhotoSpec | None = None
    meeting_room: MeetingRoomSpec | None = None
    rules: RulesSpec | None = None
    outputs: OutputSpec | None = None
    affinity: AffinitySpec | None = None
    check: CheckSpec = field(default_factory=CheckSpec)
    language: ListLanguage = ListLanguage.ZH

    def __post_init__(self) -> None:
        object.__setattr__(self, "convention", coerce_choice(Convention, self.convention, "convention"))
        object.__setattr__(self, "language", coerce_choice(ListLanguage, self.language, "language"))
        object.__setattr__(self, "occasion", coerce_choice(OccasionKind, self.occasion, "occasion"))
        for name, spec in OPTION_SPECS.items():
            value = getattr(self, name)
            if value is not None and not isinstance(value, spec):
                raise ValidationError(
                    f"{name} is a {type(value).__name__}, not a {spec.__name__}",
                    location=Location(field=name),
                    hint=f"build it with seatplan.{spec.__name__}(...)",
                )
        seen: dict[str, Attendee] = {}
        for a in self.attendees:
            if a.id in seen:
                raise ValidationError(
                    f"attendee id {a.id!r} is used twice ({seen[a.id].name} and {a.name})",
                    location=a.source,
                    hint="give every attendee a unique id",
                )
            seen[a.id] = a


#: Meeting fields that hold the options of an occasion or the requests, and their spec class; the plan
#: file reads each from the table of the same name (:data:`seatplan.io.plan_file.SPECS`).
OPTION_SPECS: dict[str, type] = {
    "banquet": BanquetSpec,
    "reception": ReceptionSpec,
    "talks": TalksSpec,
    "signing": SigningSpec,
    "photo": PhotoSpec,
    "meeting_room": MeetingRoomSpec,
    "rules": RulesSpec,
    "outputs": OutputSpec,
    "affinity": AffinitySpec,
}
