"""Typed option specs: the pattern every option table of a plan file follows.

An option table of the plan file (``[banquet]``, ``[talks]``, ``[rules]``...) is a
frozen dataclass in ``seatplan/model/`` (one small module per occasion or group:
:mod:`seatplan.model.banquet`, :mod:`seatplan.model.rooms`,
:mod:`seatplan.model.requests`). To add one:

1. Write ``@dataclass(frozen=True) class XSpec`` with a ``TABLE: ClassVar[str]``
   naming its plan-file table, one annotated field per key (the field name is
   the key) and the default as the field default. Field types are ``bool``,
   ``int``, ``float``, ``str``, an enum (:class:`~seatplan.model.enums.Choice`
   with its Chinese aliases), ``X | None`` or ``tuple[X, ...]`` of those.
2. Start ``__post_init__`` with :func:`check_types` (types, enums from text,
   lists to tuples, ints to floats; the same messages a plan file gets), then
   check ranges (:func:`check_range`) and keys that depend on each other, each
   error a :class:`~seatplan.errors.ValidationError` whose ``field`` is the
   dotted key (``"banquet.tables"``) and whose hint says how to fix it.
3. Add a field of that type to :class:`~seatplan.model.Meeting` and the table to
   ``OPTION_SPECS`` in :mod:`seatplan.model.meeting` (or the field to the spec that uses it).
   The reader refuses unknown keys with a "did you mean", builds the spec and
   adds the file name to its errors: errors appear when the file is read.

A Python user builds the same object directly, e.g. ``BanquetSpec(tables=3)``,
and gets the same checks.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from enum import Enum
from typing import Any

from seatplan.errors import Location, ValidationError
from seatplan.model.enums import coerce_choice

__all__ = ["check_range", "check_types", "given_fields", "option_error", "short_key"]


def short_key(key: str) -> str:
    """The last part of a dotted key (``"banquet.rows[1]"`` → ``"rows[1]"``)."""
    return key.rsplit(".", 1)[-1]


def option_error(key: str, value: object, message: str, hint: str) -> ValidationError:
    """The error of one option value: dotted key, value, what is wrong, how to fix it."""
    return ValidationError(message, location=Location(field=key, value=value), hint=hint)


def _convert(value: Any, kind: Any, key: str) -> Any:
    """``value`` checked against the type ``kind`` (see :func:`check_types`)."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [k for k in typing.get_args(kind) if k is not type(None)]
        if value is None and len(options) < len(typing.get_args(kind)):
            return None
        if len(options) == 1:
            return _convert(value, options[0], key)
        if all(isinstance(k, type) and issubclass(k, Enum) for k in options):
            return coerce_choice(tuple(options), value, key)
        raise TypeError(f"{key}: no check for {kind}")  # a spec field type this module does not know
    if origin is tuple:
        item = typing.get_args(kind)[0]
        noun = {int: "whole numbers", float: "numbers", str: "texts"}.get(item, "values")
        example = {int: "[8, 7]", float: "[1.0, 2.0]", str: '["A", "B"]'}.get(item, '["a"]')
        if isinstance(value, (str, bytes)) or not isinstance(value, (list, tuple)):
            raise option_error(key, value, f"expected a list of {noun}", f"write e.g. {short_key(key)} = {example}")
        return tuple(_convert(v, item, f"{key}[{i}]") for i, v in enumerate(value))
    if kind is bool:
        if not isinstance(value, bool):
            raise option_error(key, value, "expected true or false", f"write {short_key(key)} = true")
        return value
    if kind is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise option_error(key, value, "expected a whole number", f"write e.g. {short_key(key)} = 3")
        return value
    if kind is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise option_error(key, value, "expected a number (metres)", f"write e.g. {short_key(key)} = 1.5")
        return float(value)
    if kind is str:
        if not isinstance(value, str):
            raise option_error(key, value, "expected text in quotes", f'write e.g. {short_key(key)} = "..."')
        return value
    if isinstance(kind, type) and issubclass(kind, Enum):
        return coerce_choice(kind, value, key)
    raise TypeError(f"{key}: no check for {kind}")


def check_types(spec: object, table: str, *, skip: tuple[str, ...] = ()) -> None:
    """Check and normalise every field of a frozen spec against its annotation.

    Enum fields accept the member, its value, name or alias (Chinese name) in
    any case; tuple fields accept lists; float fields accept whole numbers.

    Parameters
    ----------
    spec
        The dataclass instance (in its ``__post_init__``).
    table
        Its plan-file table, the prefix of the keys in errors (``"banquet"``).
    skip
        Fields the spec checks itself (types this function does not know).

    Raises
    ------
    ValidationError
        The first field of the wrong type, with its dotted key, value and a fix.
    """
    hints = typing.get_type_hints(type(spec))
    for f in dataclasses.fields(spec):  # type: ignore[arg-type]
        if f.name in skip:
            continue
        value = getattr(spec, f.name)
        converted = _convert(value, hints[f.name], f"{table}.{f.name}")
        if converted is not value:
            object.__setattr__(spec, f.name, converted)


def given_fields(spec: object, names: typing.Iterable[str]) -> list[str]:
    """The fields among ``names`` whose value differs from the default (keys a user set)."""
    defaults: dict[str, Any] = {}
    for f in dataclasses.fields(spec):  # type: ignore[arg-type]
        factory: Any = f.default_factory
        defaults[f.name] = factory() if f.default is dataclasses.MISSING else f.default
    return [n for n in names if getattr(spec, n) != defaults[n]]


def check_range(
    spec: object,
    table: str,
    name: str,
    lo: float,
    hi: float,
    why: str = "",
    *,
    zero_means: str = "",
) -> None:
    """Raise ValidationError if the field ``name`` (when set) is outside ``[lo, hi]``.

    Parameters
    ----------
    spec, table, name
        The spec, its table and the field to check; ``None`` is not checked.
    lo, hi
        The accepted range (inclusive).
    why
        Reason for the range, quoted in the message (a rule id).
    zero_means
        When given, 0 is accepted as well and means this (e.g. "as small as
        the chairs allow"); the message names both.
    """
    value = getattr(spec, name)
    if value is None or lo <= value <= hi or (zero_means and value == 0):
        return
    allowed = f"must be 0 ({zero_means}) or between {lo} and {hi}" if zero_means else f"must be between {lo} and {hi}"
    raise option_error(f"{table}.{name}", value, allowed + (f" ({why})" if why else ""), f"write e.g. {name} = {lo}")
