"""The organisers' requests of the plan file: the ``[rules]`` table (``docs/rules.md``).

:class:`RulesSpec` holds what the organisers ask on top of protocol order: reserved
seats and rows, pins, keep-apart / keep-together groups, seat tags and the weights of
the soft goals. Seats and people are named as written (a card label such as
``3排12号``, a name or an id); :func:`seatplan.rules.apply_rules` finds them once the
room is laid out. The pattern is described in :mod:`seatplan.model.options`.

Examples
--------
>>> spec = RulesSpec(reserved=["1排1号"], keep_apart=[["张三", "李四"]], weights={"order": 2})
>>> spec.keep_apart, spec.weights.order
((('张三', '李四'),), 2)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, ClassVar

from seatplan.model.options import check_types, option_error, short_key
from seatplan.model.problem import PairMode, Weights

__all__ = ["EXIT_DISTANCE", "GROUP_KEYS", "RulesSpec"]

#: Default distance (metres) from a door within which a seat counts as near an exit.
EXIT_DISTANCE = 6.0
#: The keys of ``[rules]`` that list groups of people.
GROUP_KEYS = ("keep_apart", "keep_together", "prefer_apart", "prefer_together")

_EMPTY: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True)
class RulesSpec:
    """The ``[rules]`` table.

    Parameters
    ----------
    keep_units_together
        Seat each unit in one block (``None``: yes on a floor, no at banquet tables).
    wrap
        Let a unit's block wrap onto the next row.
    reserved
        Seats kept empty, by id or card label (``"3排12号"``).
    reserved_rows
        Floor rows kept empty (1 = front row).
    pins
        Person (name or id) → seat (id or card label).
    keep_apart, keep_together, prefer_apart, prefer_together
        Groups of two or more people (names or ids): hard or soft requests.
    apart_mode, together_mode
        What apart / together means: side by side or at one table.
    seat_tags
        Tag → seats carrying it (``{"wheelchair": ["1排1号"]}``).
    exit_distance
        Seats within this distance (m) of a door are tagged ``exit``.
    weights
        Costs of the soft goals (a :class:`~seatplan.model.problem.Weights` or a mapping).
    """

    TABLE: ClassVar[str] = "rules"

    keep_units_together: bool | None = None
    wrap: bool = True
    reserved: tuple[str, ...] = ()
    reserved_rows: tuple[int, ...] = ()
    pins: Mapping[str, str] = field(default_factory=lambda: _EMPTY)
    keep_apart: tuple[tuple[str, ...], ...] = ()
    keep_together: tuple[tuple[str, ...], ...] = ()
    prefer_apart: tuple[tuple[str, ...], ...] = ()
    prefer_together: tuple[tuple[str, ...], ...] = ()
    apart_mode: PairMode = PairMode.ADJACENT
    together_mode: PairMode = PairMode.ADJACENT
    seat_tags: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: _EMPTY)
    exit_distance: float = EXIT_DISTANCE
    weights: Weights = field(default_factory=Weights)

    def __post_init__(self) -> None:
        t = self.TABLE
        check_types(self, t, skip=("pins", "seat_tags", "weights", *GROUP_KEYS))
        for key in GROUP_KEYS:
            object.__setattr__(self, key, _groups(getattr(self, key), f"{t}.{key}"))
        object.__setattr__(self, "pins", _text_table(self.pins, f"{t}.pins", list_values=False))
        object.__setattr__(self, "seat_tags", _text_table(self.seat_tags, f"{t}.seat_tags", list_values=True))
        if self.exit_distance < 0:
            raise option_error(
                f"{t}.exit_distance", self.exit_distance, "must be zero or more",
                "write a distance in metres, e.g. exit_distance = 6.0",
            )
        if isinstance(self.weights, Mapping):
            unknown = sorted(set(self.weights) - {"order", "apart", "together"})
            if unknown:
                raise option_error(f"{t}.weights.{unknown[0]}", self.weights[unknown[0]], "is not a known key",
                                   "allowed keys here: apart, order, together")
            object.__setattr__(self, "weights", Weights(**self.weights))
        elif not isinstance(self.weights, Weights):
            raise option_error(f"{t}.weights", self.weights, "expected a table", "write it as [rules.weights] with keys below it")


def _texts(value: Any, key: str) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise option_error(key, value, "expected a list of texts", f'write e.g. {short_key(key)} = ["A", "B"]')
    for i, v in enumerate(value):
        if not isinstance(v, str):
            raise option_error(f"{key}[{i}]", v, "expected text in quotes", f'write e.g. {short_key(key)}[{i}] = "..."')
    return tuple(value)


def _groups(value: Any, key: str) -> tuple[tuple[str, ...], ...]:
    """Groups of people: a list of lists of two or more different names or ids."""
    if isinstance(value, str) or not isinstance(value, (list, tuple)) or not all(
        isinstance(g, (list, tuple)) for g in value
    ):
        raise option_error(
            key, value, "expected a list of groups, each a list of names or ids",
            f'write e.g. {short_key(key)} = [["张三", "李四"]]',
        )
    out = []
    for i, g in enumerate(value):
        members = _texts(g, f"{key}[{i}]")
        if len(members) < 2 or len(set(members)) != len(members):
            raise option_error(f"{key}[{i}]", list(g), "a group needs two or more different people", "list at least two names or ids")
        out.append(members)
    return tuple(out)


def _text_table(value: Any, key: str, *, list_values: bool) -> Mapping[str, Any]:
    """A table of texts (``pins``) or of lists of texts (``seat_tags``), read-only."""
    if not isinstance(value, Mapping):
        raise option_error(key, value, "expected a table", f"write it as [{key}] with keys below it")
    out: dict[str, Any] = {}
    for name, item in value.items():
        if list_values:
            out[name] = _texts(item, f"{key}.{name}")
        elif not isinstance(item, str):
            raise option_error(f"{key}.{name}", item, "expected text in quotes", f'write e.g. {name} = "..."')
        else:
            out[name] = item
    return MappingProxyType(out)

