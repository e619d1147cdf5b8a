"""Attendee precedence: dais rank lists and the unit order on the floor (R-AUD-1/2/3/5/6, R-DAIS-10/12/13).

The rank list is an input (R-DAIS-13, R-BNQ-13: the library does not infer who
outranks whom, e.g. the 四套班子 order of 县委书记, 县长, 人大主任, 政协主席 is
the user's 排序 column); these functions only turn the list into an order.

Pinyin comes from ``pypinyin``; stroke counts from ``data/strokes.txt`` (Unihan
kTotalStrokes, simplified forms), read on first use; pypinyin is imported only
when a pinyin order is asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from seatplan.errors import Location, ValidationError
from seatplan.model import Attendee
from seatplan.model.meeting import ListOrder

__all__ = [
    "CATEGORY_ORDER",
    "PRESIDER_TAGS",
    "find_presider",
    "order_by_rank",
    "order_by_unit",
    "order_dais_people",
    "order_members",
    "order_units",
    "pinyin_key",
    "stroke_key",
    "text_key",
]

#: Standing at a plenary, first to last (R-AUD-2: 正式 before 候补, then 列席, 旁听).
CATEGORY_ORDER = {"": 0, "official": 0, "alternate": 1, "observer": 2, "auditor": 3}

#: Tags (标签) that mark the presider (主持人) of a meeting (R-DAIS-12).
PRESIDER_TAGS = frozenset({"主持人", "主持", "presider"})

#: Stroke count given to characters without one (letters, digits): after every Han character.
_NO_STROKES = 99


def _as_order(value: ListOrder | str, param: str) -> ListOrder:
    if isinstance(value, ListOrder):
        return value
    for member in ListOrder:
        if isinstance(value, str) and value.strip().lower() == member.value:
            return member
    allowed = ", ".join(repr(m.value) for m in ListOrder)
    raise ValidationError(
        f"{param} must be one of {allowed}, got {value!r}",
        location=Location(field=param, value=value),
        hint=f"use one of {allowed}",
    )


@lru_cache(maxsize=4096)
def _syllables(text: str) -> tuple[str, ...]:
    from pypinyin import Style, lazy_pinyin

    return tuple(s.lower() for s in lazy_pinyin(text, style=Style.TONE3, neutral_tone_with_five=True))


@lru_cache(maxsize=1)
def _stroke_table() -> dict[int, int]:
    """Code point → total strokes, from ``data/strokes.txt`` (Unihan kTotalStrokes, see its header)."""
    table: dict[int, int] = {}
    text = (Path(__file__).parent / "data" / "strokes.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            start, counts = line.split(" ", 1)
            first = int(start, 16)
            table.update((first + k, ord(c) - 33) for k, c in enumerate(counts))
    return table


def _strokes(char: str) -> int:
    return _stroke_table().get(ord(char), _NO_STROKES) if len(char) == 1 else _NO_STROKES


def pinyin_key(text: str) -> tuple[str, ...]:
    """Sort key by pinyin, syllable by syllable, tone last (R-AUD-5 criterion 3).

    Syllables are compared letter by letter (``li`` before ``liang``), then by
    tone 1–4, neutral tone last; ``ü`` sorts after ``u``. Polyphonic
    characters take their most common reading (a surname such as 曾 zēng may be
    read céng): check such names by hand.

    Examples
    --------
    >>> sorted(["王", "李", "安"], key=pinyin_key)
    ['安', '李', '王']
    """
    return _syllables(text.strip())


def stroke_key(text: str) -> tuple[tuple[int, tuple[str, ...], str], ...]:
    """Sort key by stroke count, character by character (姓氏笔画, R-AUD-5 criterion 4).

    Each character compares by its stroke count (simplified form, Unihan
    kTotalStrokes), then, among characters with the same count, by pinyin, so
    people with the same surname stay together and are ordered by the next
    character. The official tie-break among different characters of equal
    count is the first stroke (横竖撇点折); no stroke-order data is shipped, so
    pinyin stands in for it — state it in the notice when it matters.

    Examples
    --------
    >>> sorted(["李四", "王五", "丁一"], key=stroke_key)     # 丁 2, 王 4, 李 7
    ['丁一', '王五', '李四']
    """
    text = text.strip()
    return tuple((_strokes(ch), _syllables(ch), ch) for ch in text)


def text_key(text: str, by: ListOrder | str) -> tuple[object, ...]:
    """Sort key of a unit or person name for ``by`` (``LIST`` gives an empty key)."""
    order = _as_order(by, "by")
    if order is ListOrder.PINYIN:
        return (pinyin_key(text), stroke_key(text))
    if order is ListOrder.STROKES:
        return (stroke_key(text),)
    return ()


def order_units(
    attendees: Sequence[Attendee],
    *,
    published: Sequence[str] = (),
    by: ListOrder | str = ListOrder.LIST,
) -> list[str]:
    """Return the units in seating order (R-AUD-1, R-AUD-5).

    Parameters
    ----------
    attendees
        The people, in list order.
    published
        The published unit order (R-AUD-5 criterion 1). Units it names come first
        in that order; the others follow.
    by
        Order of the units not in ``published``: ``LIST`` (their 单位排序 column
        when given (>0), then first appearance in the list), ``PINYIN`` (pinyin
        of the unit name) or ``STROKES`` (stroke count of its first character,
        then the next); ties keep list order.

    Returns
    -------
    list of str
        Every unit once.

    Examples
    --------
    >>> from seatplan.model import Attendee
    >>> people = [Attendee(f"a{i}", "某", unit=u) for i, u in enumerate(["王庄镇", "李集乡", "丁楼村"])]
    >>> order_units(people, by="strokes"), order_units(people, by="pinyin")
    (['丁楼村', '王庄镇', '李集乡'], ['丁楼村', '李集乡', '王庄镇'])
    """
    order = _as_order(by, "unit_order_by")
    first_seen: dict[str, int] = {}
    declared: dict[str, int] = {}
    for i, a in enumerate(attendees):
        first_seen.setdefault(a.unit, i)
        if a.unit_order > 0:
            declared.setdefault(a.unit, a.unit_order)
    listed = {u: k for k, u in enumerate(published)}
    missing_order = float("inf")

    def key(unit: str) -> tuple[object, ...]:
        if unit in listed:
            return (0, listed[unit], (), 0)
        if order is ListOrder.LIST:
            return (1, declared.get(unit, missing_order), (), first_seen[unit])
        return (1, 0, text_key(unit, order), first_seen[unit])

    return sorted(first_seen, key=key)


def order_by_rank(attendees: Sequence[Attendee]) -> list[Attendee]:
    """Order people by their rank number; ties keep list order (a stable sort)."""
    return sorted(attendees, key=lambda a: a.rank)


def order_members(attendees: Sequence[Attendee], *, by: ListOrder | str = ListOrder.LIST) -> list[Attendee]:
    """Order the members of one unit: by standing, then by 排序 or by name (R-AUD-2/3/5).

    Official members come before alternates, observers and auditors; inside a
    standing ``LIST`` keeps the 排序 (rank) column, ``PINYIN``/``STROKES`` sort by
    the name (姓名笔画 as at the NPC, R-AUD-3), ties by rank.
    """
    order = _as_order(by, "member_order_by")
    last = len(CATEGORY_ORDER)
    return sorted(attendees, key=lambda a: (CATEGORY_ORDER.get(a.category, last), text_key(a.name, order), a.rank))


def order_by_unit(
    attendees: Sequence[Attendee],
    *,
    published: Sequence[str] = (),
    by: ListOrder | str = ListOrder.LIST,
    members: ListOrder | str = ListOrder.LIST,
) -> list[Attendee]:
    """Order people by standing, then unit by unit, then inside each unit (R-AUD-2).

    Official members (正式) of every unit come before alternates (候补), who come
    before observers (列席) and auditors (旁听); other categories follow, in list
    order. Units follow :func:`order_units`; inside a unit people follow
    ``members`` (see :func:`order_members`).
    """
    position = {u: k for k, u in enumerate(order_units(attendees, published=published, by=by))}
    member_order = _as_order(members, "member_order_by")
    last = len(CATEGORY_ORDER)
    return sorted(
        attendees,
        key=lambda a: (CATEGORY_ORDER.get(a.category, last), position[a.unit], text_key(a.name, member_order), a.rank),
    )


def find_presider(attendees: Sequence[Attendee]) -> Attendee | None:
    """The one person tagged 主持人/主持/presider, or None (R-DAIS-12).

    Raises
    ------
    ValidationError
        If more than one person carries a presider tag.
    """
    tagged = [a for a in attendees if a.tags & PRESIDER_TAGS]
    if len(tagged) > 1:
        second = tagged[1]
        raise ValidationError(
            f"{len(tagged)} people are tagged as presider ({', '.join(a.name for a in tagged)}); a meeting has one",
            location=Location(file=second.source.file, row=second.source.row, field="标签/tags", value="主持人"),
            hint="keep the 主持人 tag on one person only",
        )
    return tagged[0] if tagged else None


def order_dais_people(
    attendees: Sequence[Attendee],
    *,
    front_tags: Sequence[str] = (),
    front_seats: int | None = None,
    presider_in_front: bool = True,
) -> list[Attendee]:
    """The dais list in seat-precedence order (R-DAIS-1, R-DAIS-10, R-DAIS-12).

    Parameters
    ----------
    attendees
        The people on the dais.
    front_tags
        Role tags that reserve the front row (R-DAIS-10: 执行主席 in front of
        higher ranks): people with any of them come first, by rank.
    front_seats
        Seats in the front row, for the checks below; None = no limit.
    presider_in_front
        Keep the presider (:data:`PRESIDER_TAGS`) in the front row: if his rank
        would put him further back, he takes the last front-row place
        (R-DAIS-12: "不宜令其坐于后排").

    Returns
    -------
    list of Attendee
        Everyone once: role holders by rank, then the others by rank.

    Raises
    ------
    ValidationError
        If more people hold a front-row role than the front row has seats.
    """
    people = order_by_rank(attendees)
    tags = frozenset(front_tags)
    role = [a for a in people if a.tags & tags]
    rest = [a for a in people if not a.tags & tags]
    if front_seats is not None and len(role) > front_seats:
        extra = role[front_seats]
        raise ValidationError(
            f"{len(role)} people hold a front-row role ({'/'.join(sorted(tags))}) but the front dais row has "
            f"{front_seats} seats (R-DAIS-10)",
            location=Location(file=extra.source.file, row=extra.source.row, field="标签/tags", value="/".join(sorted(tags))),
            hint="widen the front row (dais.rows = [n, ...]) or remove the role tag from some people",
        )
    ordered = role + rest
    presider = find_presider(attendees)
    if presider_in_front and presider is not None and front_seats is not None:
        index = ordered.index(presider)
        if index >= front_seats and len(role) >= front_seats:
            raise ValidationError(
                f"the presider {presider.name} must sit in the front row (R-DAIS-12) but its {front_seats} seats "
                f"all go to role holders ({'/'.join(sorted(tags))}, R-DAIS-10)",
                location=Location(file=presider.source.file, row=presider.source.row, field="标签/tags", value="主持人"),
                hint="widen the front row, or give the presider the front-row role tag too",
            )
        if index >= front_seats:
            ordered.remove(presider)
            ordered.insert(max(front_seats - 1, 0), presider)
    return ordered
