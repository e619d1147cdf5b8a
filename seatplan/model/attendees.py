"""Attendees: the people to seat."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from seatplan.errors import AttendeeFileError, Location, ValidationError
from seatplan.model.enums import Choice


class ListLanguage(Choice):
    """The language of an attendee list's headers, which the printed seat list (seats.xlsx) follows."""

    ZH = "zh", "中文", "chinese"
    EN = "en", "英文", "english"


#: ``Attendee.side`` of the hosting party (主方).
HOST_SIDE = "host"


@dataclass(frozen=True)
class Attendee:
    """One person on the attendee list.

    Parameters
    ----------
    id
        Unique id (from the list's id column, else ``"A0001"``... in list order).
    name
        Full name as printed on cards (姓名).
    unit
        Unit / delegation (单位).
    title
        Office held (职务), printed on seat lists.
    rank
        Precedence number from the list (排序/序号): 1 is the most senior. Within a
        unit on the floor it orders members; on the dais it is the protocol rank.
    section
        Requested zone: ``"dais"`` for the 主席台, ``""`` for the floor.
    unit_order
        Position of the unit in the published unit order (1 = first); 0 = unknown
        (then the order in which units first appear in the list is used).
    side
        ``"host"`` (主方) or ``"guest"`` (客方) at receptions, talks, signings and
        photos; ``""`` elsewhere.
    category
        Standing at a plenary (R-AUD-2): ``"official"`` (正式代表/委员),
        ``"alternate"`` (候补), ``"observer"`` (列席), ``"auditor"`` (旁听), or ``""``.
    gender, ethnicity, phone, note
        Carried through to the outputs (性别, 民族, 电话, 备注).
    foreign_name
        The name in a second language (外文名), printed on the back of the name card.
    tags
        Free tags (``"vip"``...), used by occasions (reserved blocks for a tag).
    needs
        Seat tags this person needs (``"wheelchair"``, ``"aisle"``, ``"exit"``,
        ``"interpreter"``): he may only sit on a seat carrying every one of them
        (see ``docs/rules.md``).
    pin
        A seat fixed by the organisers, as written in the list (seat id or a
        label such as ``"3排12号"``); resolved by :func:`seatplan.rules.apply_rules`.
    apart_from, together_with
        Ids or names of people this person must not sit next to / must sit next
        to, as written in the list; resolved by :func:`seatplan.rules.apply_rules`.
    partner
        Id or name of this person's spouse or partner (配偶), as written in the
        list; ``""`` for none. Western long tables seat partners apart (R-BNQ-12)
        and make the host's partner the hostess. Resolved, checked and made
        mutual by :func:`resolve_partners`.
    source
        Where the attendee was read from, for error messages.
    """

    id: str
    name: str
    unit: str = ""
    title: str = ""
    rank: int = 0
    section: str = ""
    unit_order: int = 0
    side: str = ""
    category: str = ""
    gender: str = ""
    ethnicity: str = ""
    phone: str = ""
    note: str = ""
    foreign_name: str = ""
    tags: frozenset[str] = field(default_factory=frozenset)
    needs: frozenset[str] = field(default_factory=frozenset)
    pin: str = ""
    apart_from: tuple[str, ...] = ()
    together_with: tuple[str, ...] = ()
    partner: str = ""
    source: Location = field(default_factory=Location, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.id.strip():
            raise ValidationError(
                "an attendee needs an id", location=self.source, hint="give every row an id or leave the id column out"
            )
        if not self.name.strip():
            raise ValidationError(
                "an attendee has no name",
                location=self.source,
                hint="fill in the 姓名/name cell or delete the row",
            )
        if self.rank < 0:
            raise ValidationError(
                f"rank {self.rank} of {self.name} is negative",
                location=self.source,
                hint="use 1 for the most senior, 2 for the next, ...",
            )


_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"


def _clean(text: str) -> str:
    """Strip whitespace (including U+3000) and invisible characters around ``text``."""
    previous = None
    while previous != text:
        previous = text
        text = text.strip().strip(_INVISIBLE)
    return text


#: Field name used for the partner column in errors raised after reading (the header as
#: written is no longer known then), in the style of the request columns.
PARTNER_FIELD = "配偶/partner"


def resolve_partners(attendees: Sequence[Attendee]) -> dict[str, str]:
    """Resolve the 配偶/partner cells into a mutual map of attendee ids (R-BNQ-12).

    A cell names the partner by id (编号) or, if no id matches, by a name that exactly
    one attendee has. One side of a couple is enough: the other is filled in. Like the
    request columns, partners are checked when an occasion needs them (Western long
    tables), so a list read for a meeting never fails on this column.

    Parameters
    ----------
    attendees
        The attendee list (e.g. ``meeting.attendees``).

    Returns
    -------
    dict
        ``{attendee id: partner id}``, with both directions of every couple.

    Raises
    ------
    AttendeeFileError
        A partner who is not on the list, a name that several attendees share, a
        person naming himself, or two different partners for one person; the error
        names the file, row, column (``配偶/partner``) and value, with a hint.

    Examples
    --------
    >>> a = Attendee(id="1", name="Anna", partner="Ben")
    >>> b = Attendee(id="2", name="Ben")
    >>> resolve_partners([a, b])
    {'1': '2', '2': '1'}
    """
    ids = {a.id for a in attendees}
    by_name: dict[str, list[str]] = {}
    for a in attendees:
        by_name.setdefault(a.name.strip(), []).append(a.id)
    named: dict[str, str] = {}
    row_of = {a.id: a for a in attendees}
    for a in attendees:
        text = _clean(a.partner)
        if not text:
            continue
        where = Location(file=a.source.file, row=a.source.row, field=PARTNER_FIELD, value=a.partner)
        if text in ids:
            other = text
        elif len(by_name.get(text, [])) == 1:
            other = by_name[text][0]
        elif by_name.get(text):
            raise AttendeeFileError(
                f"{a.name}: {len(by_name[text])} attendees are called {text!r}",
                location=where,
                hint="write the partner's id (编号 column) instead of the name",
            )
        else:
            raise AttendeeFileError(
                f"{a.name}: partner {text!r} is not on the attendee list",
                location=where,
                hint="write the partner's id (编号) or the name exactly as in the 姓名 column, or leave the cell empty",
            )
        if other == a.id:
            raise AttendeeFileError(
                f"{a.name} is named as his or her own partner",
                location=where,
                hint="write the id or name of the spouse or partner, or leave the cell empty",
            )
        named[a.id] = other
    out: dict[str, str] = {}
    for aid, other in named.items():
        back = named.get(other)
        if back is not None and back != aid:
            b = row_of[other]
            raise AttendeeFileError(
                f"{row_of[aid].name} names {b.name} as partner, but {b.name}'s partner is {row_of[back].name}",
                location=Location(file=b.source.file, row=b.source.row, field=PARTNER_FIELD, value=b.partner),
                hint="a person has one partner: correct one of the two cells",
            )
        claimed = out.get(other)
        if claimed is not None and claimed != aid:
            a = row_of[aid]
            raise AttendeeFileError(
                f"{a.name} and {row_of[claimed].name} both name {row_of[other].name} as partner",
                location=Location(file=a.source.file, row=a.source.row, field=PARTNER_FIELD, value=a.partner),
                hint="a person has one partner: correct one of the two cells",
            )
        out[aid] = other
        out[other] = aid
    return out
