"""Places for a 合影 (group photo, R-MTG-7): rows of chairs and standing rows before a camera mark.

Door frame and sizes: :mod:`seatplan.layout.meeting_common`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from seatplan.errors import GeometryError, Location
from seatplan.layout.meeting_common import (
    _EPS,
    FACE_DOOR,
    PERSON_PITCH,
    STANDING_ROW_DEPTH,
    RoomPlan,
    _Builder,
    _centred,
    _length,
    _positive_count,
    _too_small,
    room_frame,
)
from seatplan.layout.spacing import Spacing
from seatplan.model import ShapeKind, Venue
from seatplan.model.seats import SeatTag

__all__ = [
    "CAMERA_DISTANCE",
    "lay_photo",
]


#: Camera mark in front of the front photo row, metres (a mark only).
CAMERA_DISTANCE = 3.0


# --------------------------------------------------------------------------------------
# 合影 (R-MTG-7)
# --------------------------------------------------------------------------------------


def lay_photo(
    venue: Venue,
    *,
    rows: Sequence[int],
    seated_rows: int = 1,
    pitch: float = PERSON_PITCH,
    spacing: Spacing | None = None,
    source: str | Path = "",
    key: str = "photo",
) -> RoomPlan:
    """Photo rows on a riser against the far wall, facing the camera (R-MTG-7).

    Row 1 is the front row (nearest the camera); the first ``seated_rows`` rows
    sit on chairs (rows ``Spacing.row_pitch`` apart), the others stand on the
    riser steps behind, one step (0.50 m) per row; behind the back row a
    0.60 m passage (R-PHY-9) stays free before the far wall. Places are ``pitch`` apart and centred on the room's middle line, so
    every row is symmetric about the camera axis. A camera mark is drawn
    :data:`CAMERA_DISTANCE` in front of the front row.

    Parameters
    ----------
    venue
        The room (without a door, the camera is towards the bottom wall).
    rows
        Places per row, front row first.
    seated_rows
        How many front rows sit on chairs.
    pitch
        Distance between neighbours in a row, metres (R-PHY-8 0.6 m).
    spacing, source, key
        As for the other generators.

    Returns
    -------
    RoomPlan
        Groups ``"row-1"``, ``"row-2"``…; seats have row = photo row, number 1…
        in camera view left to right; standing places carry the tag ``"standing"``.
    """
    sp = spacing or Spacing()
    counts = [_positive_count(c, f"{key}.rows", source, 1) for c in rows]
    if not counts:
        raise GeometryError("a photo needs at least one row", location=Location(file=source, field=f"{key}.rows"))
    seated = _positive_count(seated_rows, f"{key}.seated_rows", source)
    pp = _length(pitch, f"{key}.pitch", source, 0.5, 1.5)
    frame = room_frame(venue, source=source, need_door=False, what="a group photo")
    b = _Builder(venue, frame, sp, source, "photo")
    uc, depth = frame.centre_u, frame.depth
    widest = max(counts) * pp
    if widest + 2 * sp.last_row_wall_extra > frame.width + _EPS:
        raise _too_small(
            source, f"{key}.rows", list(counts), f"a photo row of {max(counts)} at {pp:.2f} m",
            widest + 2 * sp.last_row_wall_extra, frame.width, "split the row (rows = [9, 9, 8]) or use a wider room",
        )
    # row centres from the far wall forward: riser steps, then the seated rows; a 0.60 m
    # passage (R-PHY-9) stays free behind the back row so people can reach their places
    v_back = depth - sp.last_row_wall_extra - sp.chair_back_to_table
    centres: list[float] = []
    for r in range(len(counts) - 1, -1, -1):
        if not centres:
            centres.append(v_back - (sp.chair_depth if r < seated else STANDING_ROW_DEPTH) / 2)
            continue
        behind_seated = (r + 1) < seated
        if r < seated and behind_seated:
            step = sp.row_pitch
        elif r < seated:
            step = sp.chair_depth / 2 + STANDING_ROW_DEPTH / 2
        else:
            step = STANDING_ROW_DEPTH
        centres.append(centres[-1] - step)
    vs = centres[::-1]
    v_front = vs[0] - sp.chair_depth / 2
    camera_v = max(sp.wall_walkway + 0.2, v_front - CAMERA_DISTANCE)
    if v_front - 0.3 < camera_v + 0.15 or v_front < sp.wall_walkway:
        raise _too_small(
            source, f"{key}.rows", list(counts), f"{len(counts)} photo rows and room for the camera in front",
            depth - v_front + sp.wall_walkway + 0.6, depth, "use fewer rows (more people per row) or a deeper room",
        )
    standing = [vs[r] for r in range(seated, len(counts))]
    if standing:
        half = widest / 2 + 0.15
        b.box(ShapeKind.STAGE, uc - half, min(standing) - STANDING_ROW_DEPTH / 2, uc + half, depth, "合影台阶 / riser")
    for r, (count, v) in enumerate(zip(counts, vs), start=1):
        tags = () if r <= seated else (SeatTag.STANDING,)
        # numbered 1… from the camera's left (-u: the camera looks along +v) to its right
        for k, du in enumerate(_centred(count, pp)):
            b.seat(f"photo-r{r}-{k + 1:02d}", uc + du, v, FACE_DOOR, row=r, groups=(f"row-{r}",), tags=tags)
    b.box(ShapeKind.LECTERN, uc - 0.25, camera_v - 0.15, uc + 0.25, camera_v + 0.15, "相机")
    return b.finish(key=f"{key}.rows", value=list(counts), hint="use fewer places per row or a larger room")
