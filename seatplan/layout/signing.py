"""Furniture for a 签字 (signing ceremony, R-MTG-6): the signing table, standing rows and flags.

Door frame and sizes: :mod:`seatplan.layout.meeting_common`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from seatplan.layout.meeting_common import (
    _EPS,
    FACE_DOOR,
    PERSON_PITCH,
    STANDING_ROW_DEPTH,
    Point2,
    RoomPlan,
    _Builder,
    _length,
    _positive_count,
    _too_small,
    room_frame,
)
from seatplan.layout.spacing import Spacing
from seatplan.model import Shape, ShapeKind, Venue
from seatplan.model.rooms import SIGNING_TABLE_LENGTH
from seatplan.model.seats import SeatTag

__all__ = [
    "FLAG_SIZE",
    "SIGNING_TABLE_DEPTH",
    "SIGNING_TABLE_LENGTH",
    "lay_signing",
    "mark_flags",
]

#: Signing table depth, metres (R-PHY-9: 45–60 cm deep).
SIGNING_TABLE_DEPTH = 0.6
#: Side of the square drawn for a table flag, metres (a drawing size only).
FLAG_SIZE = 0.16
#: Flag in front of a signer and assistant beside him, metres (rank_signing defaults).
FLAG_OFFSET = 0.45
ASSISTANT_OFFSET = 0.70


# --------------------------------------------------------------------------------------
# 签字 (R-MTG-6)
# --------------------------------------------------------------------------------------


def lay_signing(
    venue: Venue,
    *,
    standing_per_side: int,
    per_row: int = 0,
    table_length: float = SIGNING_TABLE_LENGTH,
    table_depth: float = SIGNING_TABLE_DEPTH,
    pitch: float = PERSON_PITCH,
    assistants: bool = True,
    spacing: Spacing | None = None,
    source: str | Path = "",
    key: str = "signing",
) -> RoomPlan:
    """A signing table across the room, two signer chairs and the standing rows behind (R-MTG-6).

    The signers sit behind the table facing the main door (the cameras and
    guests stand on the door side), each at the middle of his half of the
    table. The standing rows are behind the signers, the last one against the
    far wall (the backdrop); each side of the centre line takes
    ``standing_per_side`` places, ``per_row`` per row, so both delegations line
    up symmetrically. An assistant's (助签人) place stands at the outer side of
    each signer, 0.70 m out (the default of
    :func:`~seatplan.protocol.signing.rank_signing`).

    Parameters
    ----------
    venue
        The room (without a door the bottom wall is taken as the camera side).
    standing_per_side
        Standing places on each side of the centre line.
    per_row
        Places per side in one row; 0 = as many as the room width allows.
    table_length, table_depth
        Signing table size, metres (R-PHY-9).
    pitch
        Distance between standing places, metres.
    assistants
        Lay out the two assistants' places.
    spacing, source, key
        As for the other generators.

    Returns
    -------
    RoomPlan
        Groups ``"signers"``, ``"standing"``, ``"assistants"``; the signer chairs
        have row 1, standing places rows 1… (front first) and the tag
        ``"standing"``, assistants the tag ``"standing"`` too.
    """
    sp = spacing or Spacing()
    n = _positive_count(standing_per_side, f"{key}.standing_per_side", source)
    per = _positive_count(per_row, f"{key}.per_row", source)
    tl = _length(table_length, f"{key}.table_length", source, 1.2, 6.0)
    td = _length(table_depth, f"{key}.table_depth", source, 0.3, 2.0)
    pp = _length(pitch, f"{key}.pitch", source, 0.5, 1.5)
    frame = room_frame(venue, source=source, need_door=False, what="a signing ceremony")
    b = _Builder(venue, frame, sp, source, "signing")
    uc, depth = frame.centre_u, frame.depth
    cw, cd = sp.chair_width, sp.chair_depth
    half_w = min(uc - frame.u_min, frame.u_max - uc)
    fit = math.floor((half_w - sp.last_row_wall_extra - cw / 2 - pp / 2) / pp + 1e-9) + 1 if half_w > pp else 0
    if per == 0:
        per = max(1, min(n, fit))
    if per > fit:
        raise _too_small(
            source, f"{key}.per_row", per, f"{per} standing places per side in one row", 2 * (per * pp + sp.last_row_wall_extra), frame.width,
            "use fewer places per row (more rows) or a wider room",
        )
    rows = math.ceil(n / per) if n else 0
    signer_u = tl / 4
    assistant_u = signer_u + ASSISTANT_OFFSET
    if assistants and assistant_u + cw / 2 > half_w - sp.last_row_wall_extra + _EPS:
        raise _too_small(
            source, f"{key}.table_length", tl, "the signing table with the assistants beside it",
            2 * (assistant_u + cw / 2), frame.width, "use a shorter table_length or a wider room",
        )
    v_last = depth - sp.last_row_wall_extra - STANDING_ROW_DEPTH / 2
    v_first = v_last - (rows - 1) * STANDING_ROW_DEPTH if rows else depth - sp.last_row_wall_extra
    v_chair = (v_first - STANDING_ROW_DEPTH / 2 if rows else depth - sp.last_row_wall_extra) - sp.chair_back_to_table - cd / 2
    v_table = v_chair - cd / 2 - td / 2
    front = v_table - td / 2
    if front < sp.wall_walkway - _EPS:
        raise _too_small(
            source, f"{key}.per_row", per, f"{rows} standing rows, the signers and the table with a walkway at the door",
            depth - front + sp.wall_walkway, depth, "put more places in a row (per_row) or use a deeper room",
        )
    b.box(ShapeKind.TABLE, uc - tl / 2, v_table - td / 2, uc + tl / 2, v_table + td / 2, "签字桌")
    for side, name in ((-1, "left"), (1, "right")):
        b.seat(f"signer-{name}", uc + side * signer_u, v_chair, FACE_DOOR, groups=("signers",))
    if assistants:
        for side, name in ((-1, "left"), (1, "right")):
            b.seat(
                f"assistant-{name}", uc + side * assistant_u, v_chair, FACE_DOOR, groups=("assistants",),
                tags=(SeatTag.STANDING,),
            )
    for r in range(rows):
        count = min(per, n - r * per)
        v = v_first + r * STANDING_ROW_DEPTH
        for side, name in ((-1, "left"), (1, "right")):
            for k in range(count):
                b.seat(
                    f"stand-{name}-r{r + 1}-{k + 1:02d}", uc + side * (k + 0.5) * pp, v, FACE_DOOR, row=r + 1,
                    groups=("standing",), tags=(SeatTag.STANDING,),
                )
    return b.finish(key=f"{key}.per_row", value=per, hint="make the room larger or put fewer people in a row")


def mark_flags(plan: RoomPlan, flags: Mapping[str, Point2], *, size: float = FLAG_SIZE) -> RoomPlan:
    """Add a small square for each flag (R-MTG-6: each side's flag in front of its own signer).

    Parameters
    ----------
    plan
        A signing room from :func:`lay_signing`.
    flags
        Label → plan point, e.g. ``{"主方旗": (x, y), "客方旗": (x, y)}``
        (:attr:`MeetingOrder.points` of :func:`rank_signing`).
    size
        Side of the square, metres.

    Returns
    -------
    RoomPlan
        The plan with one :attr:`ShapeKind.OBSTACLE` outline per flag, labelled.
    """
    h = size / 2
    shapes = [
        Shape(ShapeKind.OBSTACLE, ((x - h, y - h), (x + h, y - h), (x + h, y + h), (x - h, y + h)), label)
        for label, (x, y) in flags.items()
    ]
    return replace(plan, layout=replace(plan.layout, shapes=(*plan.layout.shapes, *shapes)))
