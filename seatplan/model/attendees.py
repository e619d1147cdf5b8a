"""Attendees: the people to seat."""

from __future__ import annotations

from dataclasses import dataclass, field

from seatplan.errors import Location, ValidationError


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
        mutual by :func:`seatplan.io.attendee_table.resolve_partners`.
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
