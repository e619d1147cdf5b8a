"""Small plan-geometry helpers shared by the banquet and meeting precedence modules.

Points are ``(x, y)`` pairs in metres (plan frame); anything with ``x`` and ``y``
(a :class:`~seatplan.model.Door` or :class:`~seatplan.model.Seat`) is accepted where
a :data:`PointLike` is asked for. Bad input raises
:class:`~seatplan.errors.ValidationError` naming the parameter.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from functools import cmp_to_key
from typing import Any, cast

from seatplan.errors import GeometryError, Location, ValidationError
from seatplan.model.seats import Seat
from seatplan.model.venue import Door

Point = tuple[float, float]
PointLike = Sequence[float] | Door | Seat


def _point(value: object, param: str) -> Point:
    """Return ``value`` (a pair of numbers, a Door or a Seat) as a finite ``(x, y)``."""
    if isinstance(value, (Door, Seat)):
        return (float(value.x), float(value.y))
    try:
        x, y = cast(Any, value)  # any pair of numbers; other values raise below
        pt = (float(x), float(y))
    except (TypeError, ValueError):
        raise ValidationError(
            f"{param} must be a point (x, y) in metres, got {value!r}",
            location=Location(field=param, value=value),
            hint="give two numbers, e.g. (4.0, 0.0)",
        ) from None
    if not (math.isfinite(pt[0]) and math.isfinite(pt[1])):
        raise ValidationError(f"{param} has a non-finite coordinate: {value!r}", location=Location(field=param))
    return pt


def _sub(a: Point, b: Point) -> Point:
    return (a[0] - b[0], a[1] - b[1])


def _dot(a: Point, b: Point) -> float:
    return a[0] * b[0] + a[1] * b[1]


def _norm(a: Point) -> float:
    return math.hypot(a[0], a[1])


def _unit(v: Point, what: str = "direction") -> Point:
    n = _norm(v)
    if n < 1e-9:
        raise GeometryError(f"the {what} is undefined (zero-length vector)", location=Location(field=what))
    return (v[0] / n, v[1] / n)


def _ccw(v: Point) -> Point:
    """``v`` turned 90° counter-clockwise."""
    return (-v[1], v[0])


def _angle_unit(deg: float) -> Point:
    a = math.radians(deg)
    return (math.cos(a), math.sin(a))


def _wrap_deg(a: float) -> float:
    """Angle in degrees wrapped to (-180, 180]."""
    a = math.fmod(a, 360.0)
    if a <= -180.0:
        a += 360.0
    elif a > 180.0:
        a -= 360.0
    return a


def _tolerant_order(
    items: Sequence[int], keys: Sequence[Callable[[int], float]], tol: float | Sequence[float]
) -> list[int]:
    """Sort ``items`` ascending by ``keys`` in turn; values within ``tol`` count as equal.

    The last resort is the item itself (its input index), so the order is
    deterministic. ``tol`` is one tolerance for every key or one per key.
    """
    tols = [float(tol)] * len(keys) if isinstance(tol, (int, float)) else [float(t) for t in tol]

    def cmp(a: int, b: int) -> int:
        for key, t in zip(keys, tols):
            ka, kb = key(a), key(b)
            if ka < kb - t:
                return -1
            if ka > kb + t:
                return 1
        return (a > b) - (a < b)

    return sorted(items, key=cmp_to_key(cmp))


def _tolerance(value: float, param: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
        raise ValidationError(
            f"{param} must be a non-negative number, got {value!r}", location=Location(field=param, value=value)
        )
    return float(value)
