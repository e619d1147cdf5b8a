"""Furniture for multilateral 会谈 (R-MTG-5): a round or a square table in the middle of the room.

Both tables share the sizing, the room-fit check and the back chairs of each delegation
(:class:`_CentreTable`); bilateral talks sit at a long table (:func:`~seatplan.layout.meeting_room.lay_table_room`).
Door frame and sizes: :mod:`seatplan.layout.meeting_common`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from shapely.geometry import Point

from seatplan.layout.meeting_common import (
    _EPS,
    DELEGATION_GAP,
    FACE_AWAY,
    FACE_DOOR,
    FACE_LEFT,
    FACE_RIGHT,
    TALKS_SEAT_PITCH,
    RoomFrame,
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
from seatplan.model.rooms import MULTILATERAL_TABLE_SIZE, MultilateralTable
from seatplan.model.seats import SeatTag
from seatplan.protocol.talks import split_square_sides

__all__ = [
    "MULTILATERAL_TABLE_SIZE",
    "ROUND_TABLE_MIN_DIAMETER",
    "SQUARE_TABLE_MIN_SIDE",
    "MultilateralTable",
    "lay_round_table",
    "lay_square_table",
]


# --------------------------------------------------------------------------------------
# 多边会谈: a round table, no head (R-MTG-5)
# --------------------------------------------------------------------------------------

#: Smallest round table for multilateral talks, metres of diameter (assumption: a 1.2 m table seats 4).
ROUND_TABLE_MIN_DIAMETER = 1.2


@dataclass(frozen=True)
class _CentreTable:
    """What a round and a square talks table share: the counts, the distances, the room and its check.

    Parameters
    ----------
    venue, spacing, source, key
        As given to the generator.
    heads, behind
        Chairs at the table (one per delegation) and behind each of them.
    pitch
        Table length per head, metres (R-PHY-8).
    frame
        The room's door frame.
    back_off
        From a table chair's centre to its back chairs' centre, metres (0.60 m clear passage, R-PHY-9).
    back_pitch
        Between two back chairs of one delegation, metres.
    """

    venue: Venue
    spacing: Spacing
    source: str | Path
    key: str
    heads: int
    behind: int
    pitch: float
    frame: RoomFrame
    back_off: float
    back_pitch: float

    @classmethod
    def read(
        cls, venue: Venue, *, heads: int, behind: int, seat_pitch: float, spacing: Spacing | None,
        source: str | Path, key: str, what: str,
    ) -> _CentreTable:
        """Check the counts and the pitch, find the door frame (``what``: the table, for messages)."""
        sp = spacing or Spacing()
        n = _positive_count(heads, f"{key}.heads", source, minimum=2)
        m = _positive_count(behind, f"{key}.behind", source)
        pitch = _length(seat_pitch, f"{key}.seat_pitch", source, 0.6, 2.0, "R-PHY-8: at least 0.60 m per person")
        frame = room_frame(venue, source=source, what=what)
        return cls(
            venue, sp, source, key, n, m, pitch, frame,
            back_off=sp.chair_depth + sp.chair_back_to_table,
            back_pitch=sp.chair_width + sp.chair_side_gap,
        )

    def builder(self, extent: float, what: str) -> _Builder:
        """A builder for the room once the chairs, reaching ``extent`` from the centre, fit it.

        Raises
        ------
        GeometryError
            If the table, its chairs and a walkway round them (R-PHY-8, R-PHY-11) do not fit the room.
        """
        walk = self.spacing.wall_walkway
        need = 2 * (extent + walk)
        for have, side in ((self.frame.width, "width"), (self.frame.depth, "depth")):
            if need > have + _EPS:
                raise _too_small(
                    self.source, f"{self.key}.seat_pitch", self.pitch,
                    f"{what} with a {walk:.1f} m walkway round it (room {side}, R-PHY-8, R-PHY-11)",
                    need, have,
                    "use a larger room, a smaller seat_pitch (at least 0.6) or fewer people behind the heads",
                )
        return _Builder(self.venue, self.frame, self.spacing, self.source, "table")

    @property
    def centre(self) -> tuple[float, float]:
        """The middle of the room in the door frame, where the table stands."""
        return self.frame.centre_u, self.frame.depth / 2

    def back_chair(self, b: _Builder, head: int, j: int, sid: str, u: float, v: float, face: float) -> None:
        """The ``j``-th chair (from 0) behind table chair ``sid`` (the ``head``-th, from 1)."""
        b.seat(
            f"behind-{head:02d}-{j + 1:02d}", u, v, face, row=2, groups=(f"behind-{sid}",), tags=(SeatTag.STAFF,),
        )

    def finish(self, b: _Builder) -> RoomPlan:
        """The room plan, once no chair stands where it must not."""
        return b.finish(
            key=f"{self.key}.seat_pitch", value=self.pitch,
            hint="make the room larger or seat fewer people behind the heads",
        )


def lay_round_table(
    venue: Venue,
    *,
    heads: int,
    behind: int = 0,
    seat_pitch: float = TALKS_SEAT_PITCH,
    table_diameter: float | None = None,
    table_label: str = "",
    spacing: Spacing | None = None,
    source: str | Path = "",
    key: str = "talks",
) -> RoomPlan:
    """A round table in the middle of the room for multilateral talks (R-MTG-5).

    ``heads`` chairs stand round the table, equally spaced and facing its
    centre, the first at the far side (facing the main door) and the others
    clockwise on the plan. Behind each table chair an arc of ``behind`` chairs
    (0.60 m clear passage behind the table chairs, R-PHY-9) seats the rest of
    that delegation. The table is as large as ``seat_pitch`` per head
    (R-PHY-8) and the back arcs need, at least ``table_diameter``.

    Parameters
    ----------
    venue
        The room; needs a main door.
    heads
        Chairs at the table (one per delegation), at least 2.
    behind
        Chairs behind each table chair.
    seat_pitch
        Table circumference per head, metres (R-PHY-8: at least 0.60).
    table_diameter
        Minimum table diameter, metres, within :data:`MULTILATERAL_TABLE_SIZE`;
        ``None`` = as small as the chairs allow, at least
        :data:`ROUND_TABLE_MIN_DIAMETER`.
    table_label
        Text drawn on the table.
    spacing
        Chair size, passage and walkway distances.
    source, key
        Plan file and option table for error messages.

    Returns
    -------
    RoomPlan
        Groups ``"table"`` (table chairs, clockwise from the one facing the
        door) and ``"behind-<table seat id>"`` (the back chairs of that place,
        along the arc). Table chairs have row 1, back chairs row 2 and the tag
        ``"staff"``.

    Raises
    ------
    GeometryError
        If the table, its chairs and a 0.90 m walkway round them (R-PHY-11) do
        not fit the room.
    """
    ct = _CentreTable.read(
        venue, heads=heads, behind=behind, seat_pitch=seat_pitch, spacing=spacing, source=source, key=key,
        what="a round table",
    )
    n, m, cd = ct.heads, ct.behind, ct.spacing.chair_depth
    radius = max(n * ct.pitch / (2 * math.pi), ROUND_TABLE_MIN_DIAMETER / 2)
    if m:
        # the arc of each delegation's back chairs must fit its share of the back circle
        need_arc = m * ct.back_pitch + DELEGATION_GAP
        radius = max(radius, n * need_arc / (2 * math.pi) - cd / 2 - ct.back_off)
    if table_diameter is not None:
        want = _length(table_diameter, f"{key}.table_diameter", source, *MULTILATERAL_TABLE_SIZE) / 2
        radius = max(radius, want)
    radius = round(radius, 3)
    r_chair = radius + cd / 2
    r_back = r_chair + ct.back_off
    extent = r_chair + cd / 2 + (ct.back_off if m else 0.0)
    b = ct.builder(extent, f"a round table for {n} delegations ({m} behind each)")
    uc, vc = ct.centre
    circle = Point(uc, vc).buffer(radius, quad_segs=24)
    b.outline(ShapeKind.TABLE, circle, table_label)
    for k in range(n):
        theta = math.pi / 2 - 2 * math.pi * k / n  # far side first, then clockwise
        face = math.degrees(theta) + 180.0
        sid = b.seat(
            f"table-{k + 1:02d}", uc + r_chair * math.cos(theta), vc + r_chair * math.sin(theta), face, groups=("table",)
        )
        for j in range(m):
            # along the arc, clockwise side first
            phi = theta + (j - (m - 1) / 2) * ct.back_pitch / r_back
            ct.back_chair(
                b, k + 1, j, sid, uc + r_back * math.cos(phi), vc + r_back * math.sin(phi), math.degrees(phi) + 180.0
            )
    return ct.finish(b)


#: Smallest square table for multilateral talks, metres of side (assumption: as the round table's 1.2 m).
SQUARE_TABLE_MIN_SIDE = 1.2


def lay_square_table(
    venue: Venue,
    *,
    heads: int,
    behind: int = 0,
    seat_pitch: float = TALKS_SEAT_PITCH,
    table_side: float | None = None,
    table_label: str = "",
    spacing: Spacing | None = None,
    source: str | Path = "",
    key: str = "talks",
) -> RoomPlan:
    """A square table in the middle of the room for multilateral talks (R-MTG-5: no head).

    The ``heads`` chairs are shared among the four sides as evenly as
    possible (:func:`~seatplan.protocol.talks.split_square_sides`: the far
    side, facing the door, takes the first extra chair), spread evenly along
    each side, flush with the table edge (R-PHY-11) and facing the table.
    Behind each table chair a straight row of ``behind`` chairs, parallel to
    the side (0.60 m clear passage, R-PHY-9), seats the rest of that
    delegation. The table is square, as long on each side as the fullest side
    needs (``seat_pitch`` per head, R-PHY-8, or the width of a back row plus
    0.3 m between delegations), at least :data:`SQUARE_TABLE_MIN_SIDE` and
    ``table_side``.

    Parameters
    ----------
    venue
        The room; needs a main door.
    heads
        Chairs at the table (one per delegation), at least 2.
    behind
        Chairs behind each table chair.
    seat_pitch
        Table length per head, metres (R-PHY-8: at least 0.60).
    table_side
        Minimum side of the table, metres, within :data:`MULTILATERAL_TABLE_SIZE`;
        ``None`` = as small as the chairs allow.
    table_label, spacing, source, key
        As for :func:`lay_round_table`.

    Returns
    -------
    RoomPlan
        Groups ``"table"`` (table chairs clockwise on the plan, starting with
        the first chair of the far side as seen from the door) and
        ``"behind-<table seat id>"``. Table chairs have row 1, back chairs row
        2 and the tag ``"staff"``.

    Raises
    ------
    GeometryError
        If the table, its chairs and a 0.90 m walkway round them (R-PHY-11) do
        not fit the room.
    """
    ct = _CentreTable.read(
        venue, heads=heads, behind=behind, seat_pitch=seat_pitch, spacing=spacing, source=source, key=key,
        what="a square table",
    )
    n, m, cd = ct.heads, ct.behind, ct.spacing.chair_depth
    counts = split_square_sides(n)
    block = max(ct.pitch, m * ct.back_pitch + DELEGATION_GAP if m else 0.0)
    side = max(max(counts) * block, SQUARE_TABLE_MIN_SIDE)
    if table_side is not None:
        side = max(side, _length(table_side, f"{key}.table_side", source, *MULTILATERAL_TABLE_SIZE))
    side = round(side, 3)
    extent = side / 2 + cd + (ct.back_off if m else 0.0)
    b = ct.builder(extent, f"a square table for {n} delegations ({m} behind each)")
    uc, vc = ct.centre
    h = side / 2
    b.box(ShapeKind.TABLE, uc - h, vc - h, uc + h, vc + h, table_label)
    # sides clockwise on the plan from the far side: (outward normal, direction of travel, facing)
    sides = (
        ((0.0, 1.0), (1.0, 0.0), FACE_DOOR),  # far side, travelling towards +u
        ((1.0, 0.0), (0.0, -1.0), FACE_LEFT),  # the entrant's right side, towards the door
        ((0.0, -1.0), (-1.0, 0.0), FACE_AWAY),  # near side, towards -u
        ((-1.0, 0.0), (0.0, 1.0), FACE_RIGHT),  # the entrant's left side, away from the door
    )
    k = 0
    for count, (normal, along, face) in zip(counts, sides):
        for t in _centred(count, side / count) if count else []:
            k += 1
            r = h + cd / 2
            u, v = uc + normal[0] * r + along[0] * t, vc + normal[1] * r + along[1] * t
            sid = b.seat(f"table-{k:02d}", u, v, face, groups=("table",))
            rb = r + ct.back_off
            for j, s in enumerate(_centred(m, ct.back_pitch)):
                ct.back_chair(
                    b, k, j, sid, uc + normal[0] * rb + along[0] * (t + s), vc + normal[1] * rb + along[1] * (t + s), face
                )
    return ct.finish(b)
