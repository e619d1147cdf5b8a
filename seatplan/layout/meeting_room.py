"""Furniture for a meeting room with one long table: 会谈 (R-MTG-3/4) and small meetings (R-MTG-8/9/10).

Door frame and sizes: :mod:`seatplan.layout.meeting_common`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from shapely.geometry import LineString

from seatplan.errors import GeometryError, Location
from seatplan.layout.meeting_common import (
    _EPS,
    FACE_AWAY,
    FACE_DOOR,
    FACE_LEFT,
    FACE_RIGHT,
    TALKS_SEAT_PITCH,
    Point2,
    RoomFrame,
    RoomPlan,
    _Builder,
    _centred,
    _length,
    _positive_count,
    _too_small,
    default_table_width,
    room_frame,
)
from seatplan.layout.spacing import Spacing
from seatplan.model import ShapeKind, Venue
from seatplan.model.rooms import ROOM_SEAT_PITCH, TableShape
from seatplan.model.seats import SeatTag
from seatplan.protocol.meeting_common import TableOrientation

__all__ = [
    "ROOM_SEAT_PITCH",
    "TableShape",
    "lay_table_room",
]


def lay_table_room(
    venue: Venue,
    *,
    axis: TableOrientation | str,
    side_a: int,
    side_b: int,
    head: bool = False,
    back_a: int = 0,
    back_b: int = 0,
    foot: int = 0,
    seat_pitch: float = TALKS_SEAT_PITCH,
    table_width: float | None = None,
    shape: TableShape | str = TableShape.RECTANGLE,
    table_label: str = "",
    spacing: Spacing | None = None,
    source: str | Path = "",
    key: str = "talks",
) -> RoomPlan:
    """A long table in the middle of the room with chairs on both long sides.

    The table stands across the room (``axis="across"``: long sides parallel
    to the door wall) or points at the door (``"pointing"``). Side *a* is the
    far side (its chairs face the door) across the room, the entrant's left
    side (facing his right) when the table points at the door; side *b* is the
    other. Chairs are spaced ``seat_pitch`` apart along the table (R-PHY-8) and
    set flush with its edge (R-PHY-11); the table is as long as the longer
    side needs. Optional: a head chair at the far end facing the door
    (R-MTG-10, ``axis="pointing"`` only), back-row chairs behind each side
    (note-takers, interpreters "behind": 0.60 m clear passage behind the table
    chairs, R-PHY-9), and ``foot`` chairs in a row beyond the door end of a
    pointing table (or behind side *b* of a table across the room).

    Parameters
    ----------
    venue
        The room; needs a main door.
    axis
        ``"across"`` or ``"pointing"``.
    side_a, side_b
        Chairs on each long side.
    head
        A chair at the far end, facing along the table towards the door.
    back_a, back_b
        Back-row chairs behind side a / side b, centred on the table.
    foot
        Extra chairs for staff (see above).
    seat_pitch
        Table length per person, metres (R-PHY-8: at least 0.60).
    table_width
        Table width, metres; ``None`` = :func:`default_table_width`.
    shape
        ``"rectangle"`` or ``"oval"`` (round ends beyond the end chairs).
    table_label
        Text drawn on the table.
    spacing
        Chair size, passage and walkway distances.
    source, key
        Plan file and option table (``talks``, ``meeting_room``) for error messages.

    Returns
    -------
    RoomPlan
        Groups ``"side-a"``, ``"side-b"`` (each ordered along +u across the
        room / +v pointing), ``"head"``, ``"back-a"``, ``"back-b"``, ``"foot"``;
        ``"table"`` = all chairs at the table. Table chairs have row 1,
        back-row chairs row 2; back-row and foot chairs carry the tag ``"staff"``.

    Raises
    ------
    GeometryError
        If the table and chairs with a 0.90 m walkway round them (R-PHY-11)
        do not fit the room, naming the option to change.
    """
    sp = spacing or Spacing()
    ax = TableOrientation(axis)
    shp = TableShape(shape)
    na = _positive_count(side_a, f"{key}.side_a", source)
    nb = _positive_count(side_b, f"{key}.side_b", source)
    for name, value in (("back_a", back_a), ("back_b", back_b), ("foot", foot)):
        _positive_count(value, f"{key}.{name}", source)
    if head and ax is not TableOrientation.POINTING:
        raise GeometryError(
            "a head chair needs a table pointing at the door", location=Location(file=source, field=f"{key}.mode")
        )
    pitch = _length(seat_pitch, f"{key}.seat_pitch", source, 0.6, 2.0, "R-PHY-8: at least 0.60 m per person")
    people = na + nb + (1 if head else 0)
    width = _length(
        default_table_width(people) if table_width is None else table_width, f"{key}.table_width", source, 0.5, 4.0
    )
    frame = room_frame(venue, source=source, what="a meeting table")
    b = _Builder(venue, frame, sp, source, "table")
    n = max(na, nb, 1)
    straight = n * pitch
    length = straight + (width if shp is TableShape.OVAL else 0.0)
    centre = _centre_table(
        frame, sp, ax, width, length, head=head, back_a=back_a, back_b=back_b, foot=foot, n=n, pitch=pitch,
        source=source, key=key,
    )
    table = _LongTable(ax, width, length, centre, sp)
    if shp is TableShape.OVAL:
        p0, p1 = table.place(-straight / 2, 0.0), table.place(straight / 2, 0.0)
        poly = LineString([p0, p1]).buffer(width / 2, quad_segs=12)
        b.outline(ShapeKind.TABLE, poly, table_label)
    else:
        c0, c1 = table.place(-table.length / 2, -width / 2), table.place(table.length / 2, width / 2)
        b.box(ShapeKind.TABLE, min(c0[0], c1[0]), min(c0[1], c1[1]), max(c0[0], c1[0]), max(c0[1], c1[1]), table_label)
    _seat_table(b, table, na=na, nb=nb, head=head, back_a=back_a, back_b=back_b, foot=foot, pitch=pitch)
    return b.finish(key=f"{key}.seat_pitch", value=pitch, hint="make the room larger or seat fewer people at the table")


@dataclass(frozen=True)
class _LongTable:
    """A long table in the door frame: its sizes, where its centre stands, its chairs' sizes.

    ``along`` runs from the door end to the far end of a table pointing at the door, towards the
    entrant's right for a table across the room; ``across`` runs towards side *a*.
    """

    axis: TableOrientation
    width: float
    length: float  # round ends of an oval included
    centre: Point2
    spacing: Spacing

    def place(self, along: float, across: float) -> Point2:
        """Door-frame point at ``along`` the table axis and ``across`` it (towards side a)."""
        uc, vc = self.centre
        if self.axis is TableOrientation.ACROSS:
            return (uc + along, vc + across)
        return (uc - across, vc + along)


def _back_off(sp: Spacing) -> float:
    """From a table chair's centre to the centre of the back-row chair behind it, metres."""
    return sp.chair_depth + sp.chair_back_to_table


def _back_pitch(sp: Spacing) -> float:
    """Between two back-row chairs, metres."""
    return sp.chair_width + sp.chair_side_gap


def _centre_table(
    frame: RoomFrame, sp: Spacing, ax: TableOrientation, width: float, length: float, *, head: bool, back_a: int,
    back_b: int, foot: int, n: int, pitch: float, source: str | Path, key: str,
) -> Point2:
    """Where the centre of a long table stands: its chairs and a walkway round them must fit the room.

    Across the room the furniture is centred between the door walkway and the far wall.

    Raises
    ------
    GeometryError
        Naming the option to change when the room is too narrow or too shallow (R-PHY-8, R-PHY-11).
    """
    cd = sp.chair_depth
    back_off = _back_off(sp)
    across_ext = width / 2 + cd  # from the table axis to the back of a table chair
    extent_a = across_ext + (back_off if back_a > 0 else 0.0)
    extent_b = across_ext + (back_off if back_b > 0 else 0.0)
    along_ext = length / 2 + (cd if head else 0.0)
    foot_ext = along_ext + ((sp.chair_back_to_table + cd) if foot and ax is TableOrientation.POINTING else 0.0)
    walk = sp.wall_walkway
    back_span = max(back_a, back_b, foot if ax is TableOrientation.ACROSS else 0) * _back_pitch(sp)
    if ax is TableOrientation.ACROSS:
        need_w = max(length, back_span) + 2 * walk
        need_d = extent_a + extent_b + (back_off if foot else 0.0) + 2 * walk
    else:
        need_w = extent_a + extent_b + 2 * walk
        need_d = along_ext + foot_ext + 2 * walk
    have_w, have_d = frame.width, frame.depth
    along_key = f"{key}.seat_pitch"
    if need_w > have_w + _EPS:
        raise _too_small(
            source, along_key if ax is TableOrientation.ACROSS else f"{key}.table_width",
            pitch if ax is TableOrientation.ACROSS else width,
            f"a table for {n} per side with a {walk:.1f} m walkway round it (R-PHY-8, R-PHY-11)",
            need_w, have_w,
            "use a wider room, turn the table (orientation/mode), a smaller seat_pitch (at least 0.6) "
            "or fewer back-row chairs",
        )
    if need_d > have_d + _EPS:
        raise _too_small(
            source, f"{key}.table_width" if ax is TableOrientation.ACROSS else along_key,
            width if ax is TableOrientation.ACROSS else pitch,
            f"a table for {n} per side with a {walk:.1f} m walkway round it (R-PHY-8, R-PHY-11)",
            need_d, have_d,
            "use a deeper room, turn the table (orientation/mode), fewer back-row chairs, or a smaller seat_pitch",
        )
    if ax is TableOrientation.ACROSS:
        lo, hi = walk + extent_b + (back_off if foot else 0.0), frame.depth - walk - extent_a
    else:
        lo, hi = walk + foot_ext, frame.depth - walk - along_ext
    return (frame.centre_u, (lo + hi) / 2)


def _seat_table(
    b: _Builder, table: _LongTable, *, na: int, nb: int, head: bool, back_a: int, back_b: int, foot: int, pitch: float
) -> None:
    """The chairs of a long table: both sides, the head, the back rows and the foot chairs."""
    sp, ax = table.spacing, table.axis
    cd, back_off, pitch_back = sp.chair_depth, _back_off(sp), _back_pitch(sp)
    face_a = FACE_DOOR if ax is TableOrientation.ACROSS else FACE_RIGHT
    face_b = FACE_AWAY if ax is TableOrientation.ACROSS else FACE_LEFT
    chair_across = table.width / 2 + cd / 2
    for name, count, sign, face in (("a", na, 1, face_a), ("b", nb, -1, face_b)):
        for k, along in enumerate(_centred(count, pitch)):
            u, v = table.place(along, sign * chair_across)
            b.seat(f"table-{name}-{k + 1:02d}", u, v, face, groups=(f"side-{name}", "table"))
    if head:
        u, v = table.place(table.length / 2 + cd / 2, 0.0)
        b.seat("table-head", u, v, FACE_DOOR, groups=("head", "table"))
    for name, count, sign, face in (("a", back_a, 1, face_a), ("b", back_b, -1, face_b)):
        for k, along in enumerate(_centred(count, pitch_back)):
            u, v = table.place(along, sign * (chair_across + back_off))
            b.seat(f"back-{name}-{k + 1:02d}", u, v, face, row=2, groups=(f"back-{name}",), tags=(SeatTag.STAFF,))
    if not foot:
        return
    if ax is TableOrientation.POINTING:
        for k, across in enumerate(_centred(foot, pitch_back)):
            u, v = table.place(-(table.length / 2 + sp.chair_back_to_table + cd / 2), across)
            b.seat(f"foot-{k + 1:02d}", u, v, FACE_AWAY, row=2, groups=("foot",), tags=(SeatTag.STAFF,))
    else:
        has_back_b = back_b > 0
        dist = chair_across + back_off * (2 if has_back_b else 1)
        for k, along in enumerate(_centred(foot, pitch_back)):
            u, v = table.place(along, -dist)
            b.seat(f"foot-{k + 1:02d}", u, v, face_b, row=3 if has_back_b else 2, groups=("foot",), tags=(SeatTag.STAFF,))
