"""Furniture for a 会见 (reception): side by side (R-MTG-1), centre and chair forms (R-MTG-2).

Armchairs and tea tables facing the door (:func:`lay_reception`), the principal alone at
the centre of a U (:func:`lay_reception_centre`), the host facing visiting parties
(:func:`lay_reception_chair`). Door frame and sizes: :mod:`seatplan.layout.meeting_common`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

from seatplan.errors import GeometryError, Location
from seatplan.layout.meeting_common import (
    _EPS,
    DELEGATION_GAP,
    FACE_AWAY,
    FACE_DOOR,
    FACE_LEFT,
    FACE_RIGHT,
    TALKS_SEAT_PITCH,
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
from seatplan.model.rooms import ARMCHAIR_DEPTH, ARMCHAIR_WIDTH, TEA_TABLE_WIDTH
from seatplan.model.seats import SeatTag
from seatplan.protocol.meeting_common import Hand
from seatplan.protocol.reception import party_block_offsets

__all__ = [
    "ARMCHAIR_DEPTH",
    "ARMCHAIR_WIDTH",
    "TEA_TABLE_WIDTH",
    "lay_reception",
    "lay_reception_centre",
    "lay_reception_chair",
]


# --------------------------------------------------------------------------------------
# 会见: armchairs in a horseshoe (R-MTG-1)
# --------------------------------------------------------------------------------------


def lay_reception(
    venue: Venue,
    *,
    per_side: int,
    staff_per_side: int = 0,
    arm_spacing: float = 0.0,
    armchair: tuple[float, float] = (ARMCHAIR_WIDTH, ARMCHAIR_DEPTH),
    tea_table: float = TEA_TABLE_WIDTH,
    spacing: Spacing | None = None,
    source: str | Path = "",
    key: str = "reception",
) -> RoomPlan:
    """Armchairs for a 会见 in a horseshoe open towards the main door (R-MTG-1).

    The two principals' armchairs stand side by side in the middle of the far
    wall, facing the door, with a tea table between them and one at each outer
    side. The other armchairs form two arms running from beside the principals
    towards the door, facing inwards, a tea table between every two armchairs;
    when an arm reaches the walkway kept in front of the door wall, a second arm
    row stands behind the first ("add back-row chairs if short"). Chairs for
    interpreters and note-takers (``staff_per_side`` per side) stand behind the
    principals, the first directly behind each principal, the next outward.

    Parameters
    ----------
    venue
        The room; needs a main door.
    per_side
        Armchairs in each arm (the same on both sides, so the horseshoe is
        symmetric).
    staff_per_side
        Chairs behind each principal.
    arm_spacing
        Distance between the two arms' centre lines, metres; 0 = as close to
        the principals as the tea tables allow.
    armchair
        ``(width, depth)`` of an armchair, metres.
    tea_table
        Width of a tea table between armchairs, metres (0 = none).
    spacing
        Chair size, passage and walkway distances.
    source, key
        Plan file and option table, for error messages.

    Returns
    -------
    RoomPlan
        Groups ``"principals"`` (the two armchairs, entrant's left first),
        ``"members"`` (arm armchairs), ``"staff"`` (chairs behind the
        principals); seat tags ``"armchair"`` and ``"staff"``. Arm armchairs
        have row 1 (first arm row) or 2; staff chairs row 2.

    Raises
    ------
    GeometryError
        If the horseshoe does not fit the room, naming the option to change.
    """
    sp = spacing or Spacing()
    n = _positive_count(per_side, f"{key}.seats_per_side", source)
    staff = _positive_count(staff_per_side, f"{key}.staff", source)
    aw = _length(armchair[0], f"{key}.armchair_width", source, 0.4, 2.0)
    ad = _length(armchair[1], f"{key}.armchair_depth", source, 0.4, 2.0)
    tea = _length(tea_table, f"{key}.tea_table_width", source, 0.0, 2.0)
    frame = room_frame(venue, source=source, what="a reception (会见)")
    b = _Builder(venue, frame, sp, source, "reception")
    uc, depth = frame.centre_u, frame.depth
    off = sp.last_row_wall_extra
    cw, cd = sp.chair_width, sp.chair_depth
    staff_depth = cd + sp.chair_back_to_table if staff else 0.0
    v_p = depth - off - staff_depth - ad / 2
    # principals and the tea tables beside them
    half_pair = tea / 2 + aw / 2
    for side, sid in ((-1, "sofa-left"), (1, "sofa-right")):
        b.seat(sid, uc + side * half_pair, v_p, FACE_DOOR, groups=("principals",), size=(aw, ad), tags=(SeatTag.ARMCHAIR,))
    if tea > 0:
        th = min(tea, ad) / 2
        for centre in (uc, uc - 2 * half_pair, uc + 2 * half_pair):
            b.box(ShapeKind.TABLE, centre - tea / 2, v_p - th, centre + tea / 2, v_p + th, "茶几")
    # staff chairs behind the principals
    v_s = v_p + ad / 2 + sp.chair_back_to_table + cd / 2
    pitch_s = cw + sp.chair_side_gap
    for side, name in ((-1, "left"), (1, "right")):
        for k in range(staff):
            u = uc + side * (half_pair + k * pitch_s)
            b.seat(f"back-{name}-{k + 1:02d}", u, v_s, FACE_DOOR, row=2, groups=("staff",), tags=(SeatTag.STAFF,))
    # the two arms
    outer_pair = half_pair + aw / 2 + tea
    arm_a = max(outer_pair + ad / 2, arm_spacing / 2)
    pitch = aw + tea
    v_first = v_p - ad / 2 - aw / 2
    v_low = sp.wall_walkway + aw / 2
    fit = math.floor((v_first - v_low) / pitch + 1e-9) + 1 if v_first >= v_low else 0
    rows = 1 if n <= fit else 2
    if n and (fit == 0 or n > 2 * fit):
        m = math.ceil(n / 2)
        need = off + staff_depth + ad + aw + (m - 1) * pitch + sp.wall_walkway
        raise _too_small(
            source, f"{key}.seats_per_side", n, f"a reception with {n} armchairs per side (in two arm rows at most)",
            need, depth, "make the room deeper, seat fewer people per side, or set tea_table_width = 0",
        )
    arm_b = arm_a + ad + sp.chair_back_to_table
    outer = (arm_b if rows == 2 else arm_a) + ad / 2 + off
    half_width = min(uc - frame.u_min, frame.u_max - uc)
    if n and outer > half_width + _EPS:
        raise _too_small(
            source, f"{key}.arm_spacing" if arm_spacing else f"{key}.seats_per_side", arm_spacing or n,
            "the horseshoe of armchairs", 2 * outer, 2 * half_width,
            "use a wider room, a smaller arm_spacing, or fewer people per side (fewer arm rows)",
        )
    per_row = [min(n, fit), max(0, n - fit)] if rows == 2 else [n, 0]
    for side, name, face in ((-1, "left", FACE_RIGHT), (1, "right", FACE_LEFT)):
        for r, (a, count) in enumerate(zip((arm_a, arm_b), per_row), start=1):
            for k in range(count):
                v = v_first - k * pitch
                b.seat(
                    f"arm-{name}-r{r}-{k + 1:02d}", uc + side * a, v, face, row=r, groups=("members",),
                    size=(aw, ad), tags=(SeatTag.ARMCHAIR,),
                )
                if tea > 0 and k + 1 < count:
                    tv = v - pitch / 2
                    th = min(tea, ad) / 2
                    b.box(ShapeKind.TABLE, uc + side * a - th, tv - tea / 2, uc + side * a + th, tv + tea / 2, "茶几")
    return b.finish(key=f"{key}.seats_per_side", value=n, hint="make the room larger or seat fewer people per side")


# --------------------------------------------------------------------------------------
# 会见 variants (R-MTG-2): 居中式 and 主席式
# --------------------------------------------------------------------------------------


def _alternating(count: int, pitch: float) -> list[float]:
    """Offsets ``0, +p, -p, +2p, -2p, …`` (the first directly on the line)."""
    return [((k + 1) // 2) * pitch * (1 if k % 2 else -1) if k else 0.0 for k in range(count)]


def lay_reception_centre(
    venue: Venue,
    *,
    side_a: int,
    side_b: int,
    back_a: int = 0,
    back_b: int = 0,
    back_centre: int = 0,
    seat_pitch: float = TALKS_SEAT_PITCH,
    table_width: float | None = None,
    table_label: str = "会见桌",
    spacing: Spacing | None = None,
    source: str | Path = "",
    key: str = "reception",
) -> RoomPlan:
    """A 会见 in the centre form (居中式, R-MTG-2): one seat at the head, two rows facing each other.

    A long table points from the far wall towards the main door. The centre
    seat stands at its far end on the room's middle line, facing the door; a
    row of chairs runs along each long side from the far end towards the door
    (``side_a`` on the entrant's left, ``side_b`` on his right), the two rows
    facing each other across the table (the pattern of the receptions in the
    Great Hall of the People since 2018: one person at the head, the two
    delegations along the sides). Chairs are ``seat_pitch`` apart (R-PHY-8)
    and flush with the table (R-PHY-11); the table is as long as the longer
    row. ``back_a`` / ``back_b`` chairs stand in a back row behind each side
    row (0.60 m clear passage, R-PHY-9), the first behind the seat nearest the
    centre; ``back_centre`` chairs stand behind the centre seat against the
    far wall, the first directly behind it (interpreters, note-takers: R-MTG-1).

    Parameters
    ----------
    venue
        The room; needs a main door.
    side_a, side_b
        Chairs in the row on the entrant's left / right (together at least 1).
    back_a, back_b, back_centre
        Back-row chairs behind each side row / behind the centre seat.
    seat_pitch
        Table length per person, metres (R-PHY-8: at least 0.60).
    table_width
        Table width, metres; ``None`` = :func:`default_table_width`.
    table_label
        Text drawn on the table.
    spacing, source, key
        As for the other generators.

    Returns
    -------
    RoomPlan
        Groups ``"centre"``, ``"side-a"`` (the entrant's left row) and
        ``"side-b"`` (each nearest the centre first), ``"back-a"``,
        ``"back-b"``, ``"back-centre"`` (tag ``"staff"``, row 2); ``"table"``
        = the centre seat and both side rows (row 1).

    Raises
    ------
    GeometryError
        If the table, its chairs and a 0.90 m walkway (R-PHY-11) do not fit.
    """
    sp = spacing or Spacing()
    counts = {"a": _positive_count(side_a, f"{key}.seats_per_side", source), "b": _positive_count(side_b, f"{key}.seats_per_side", source)}
    backs = {"a": _positive_count(back_a, f"{key}.back_chairs", source), "b": _positive_count(back_b, f"{key}.back_chairs", source)}
    nc = _positive_count(back_centre, f"{key}.back_chairs", source)
    n = max(counts.values())
    nb = max(backs.values())
    if n < 1:
        raise GeometryError(
            "a centre-form reception needs at least one chair beside the table",
            location=Location(file=source, field=f"{key}.seats_per_side", value=0),
        )
    pitch = _length(seat_pitch, f"{key}.seat_pitch", source, 0.6, 2.0, "R-PHY-8: at least 0.60 m per person")
    tw = _length(
        default_table_width(sum(counts.values()) + 1) if table_width is None else table_width,
        f"{key}.table_width", source, 0.5, 4.0,
    )
    frame = room_frame(venue, source=source, what="a reception (会见)")
    b = _Builder(venue, frame, sp, source, "reception")
    uc, depth = frame.centre_u, frame.depth
    cw, cd = sp.chair_width, sp.chair_depth
    walk, off = sp.wall_walkway, sp.last_row_wall_extra
    back_off = cd + sp.chair_back_to_table
    pitch_back = cw + sp.chair_side_gap
    v_c = depth - off - (back_off if nc else 0.0) - cd / 2
    v_end = v_c - cd / 2
    length = n * pitch
    v_near = v_end - length
    v_last_back = v_end - pitch / 2 - (nb - 1) * pitch_back - cd / 2 if nb else v_near
    low = min(v_near, v_last_back)
    if low < walk - _EPS:
        raise _too_small(
            source, f"{key}.seats_per_side", n,
            f"a centre-form reception with {n} chairs per side (the table from the far wall towards the door, "
            f"a {walk:.1f} m walkway at the door, R-PHY-8, R-PHY-11)",
            depth - low + walk, depth,
            "use a deeper room, fewer people per side or a smaller seat_pitch (at least 0.6)",
        )
    half = tw / 2 + cd + (back_off if nb else 0.0)
    have = min(uc - frame.u_min, frame.u_max - uc)
    if half + walk > have + _EPS:
        raise _too_small(
            source, f"{key}.table_width", tw,
            f"the table ({tw:.2f} m wide) with chairs on both sides"
            + (" and back rows" if nb else "") + f" and a {walk:.1f} m walkway",
            2 * (half + walk), 2 * have, "use a wider room, a narrower table_width or fewer back-row chairs",
        )
    b.box(ShapeKind.TABLE, uc - tw / 2, v_near, uc + tw / 2, v_end, table_label)
    b.seat("centre", uc, v_c, FACE_DOOR, groups=("centre", "table"))
    for name, sign, face in (("a", -1, FACE_RIGHT), ("b", 1, FACE_LEFT)):
        for k in range(counts[name]):
            b.seat(
                f"side-{name}-{k + 1:02d}", uc + sign * (tw / 2 + cd / 2), v_end - (k + 0.5) * pitch, face,
                groups=(f"side-{name}", "table"),
            )
    for name, sign, face in (("a", -1, FACE_RIGHT), ("b", 1, FACE_LEFT)):
        for k in range(backs[name]):
            b.seat(
                f"back-{name}-{k + 1:02d}", uc + sign * (tw / 2 + cd / 2 + back_off), v_end - pitch / 2 - k * pitch_back,
                face, row=2, groups=(f"back-{name}",), tags=(SeatTag.STAFF,),
            )
    for k, du in enumerate(_alternating(nc, pitch_back)):
        b.seat(f"back-centre-{k + 1:02d}", uc + du, depth - off - cd / 2, FACE_DOOR, row=2, groups=("back-centre",), tags=(SeatTag.STAFF,))
    return b.finish(key=f"{key}.seats_per_side", value=n, hint="make the room larger or seat fewer people per side")


def _block_offsets(
    bands: list[list[int]], sizes: list[int], staff: list[int], *, pitch: float, axis_at: float, sign: float
) -> tuple[dict[int, list[float]], dict[int, list[float]]]:
    """Lateral offsets (door frame ``u`` from the room's centre) of every visitor chair, 主席式.

    Returns the offsets of each block's front-row chairs and of its back-row chairs. A band of
    one block is centred on the axis (``axis_at``); the blocks of a fuller band stand side by
    side (:func:`~seatplan.protocol.reception.party_block_offsets`), ``sign`` -1 counting them
    towards the entrant's left.
    """
    member_u: dict[int, list[float]] = {}
    staff_u: dict[int, list[float]] = {}
    for band in bands:
        if len(band) == 1:
            k = band[0]
            member_u[k] = [axis_at + sign * x for x in _centred(sizes[k], pitch)]
            staff_u[k] = [axis_at + sign * x for x in _alternating(staff[k], pitch)]
            continue
        slots = party_block_offsets([max(sizes[k], staff[k]) for k in band], pitch=pitch, gap=DELEGATION_GAP)
        for k, offs in zip(band, slots):
            member_u[k] = [axis_at + sign * x for x in offs[: sizes[k]]]
            staff_u[k] = [axis_at + sign * x for x in offs[: staff[k]]]
    return member_u, staff_u


#: A band of visitor blocks, the ``v`` of its front row and of its back row (``None``: no back row).
_VisitorRow = tuple[list[int], float, float | None]


def _visitor_rows(bands: list[list[int]], staff: list[int], v_first: float, back_off: float) -> list[_VisitorRow]:
    """Where each band of visitor blocks sits, 主席式: the first band at ``v_first``, each further
    band (and its back row, if a block of it has back-row chairs) ``back_off`` nearer the door."""
    rows_v: list[_VisitorRow] = []
    v = v_first
    for band in bands:
        v_staff = v - back_off if any(staff[k] for k in band) else None
        rows_v.append((band, v, v_staff))
        v = (v_staff if v_staff is not None else v) - back_off
    return rows_v


def _seat_visitors(
    b: _Builder, rows_v: list[_VisitorRow], member_u: dict[int, list[float]], staff_u: dict[int, list[float]], uc: float
) -> None:
    """The visitors' chairs, 主席式: block by block, front rows at the table first."""
    for r, (band, vf, vs) in enumerate(rows_v):
        front_row = 1 + 2 * r
        for k in band:
            name = f"block-{k + 1:02d}"
            on_table = ("table",) if r == 0 else ()
            for j, du in enumerate(member_u[k]):
                b.seat(f"{name}-{j + 1:02d}", uc + du, vf, FACE_AWAY, row=front_row, groups=(name, *on_table))
            for j, du in enumerate(staff_u[k]):
                assert vs is not None
                b.seat(f"{name}-back-{j + 1:02d}", uc + du, vs, FACE_AWAY, row=front_row + 1, groups=(name,), tags=(SeatTag.STAFF,))


def lay_reception_chair(
    venue: Venue,
    *,
    hosts: int,
    blocks: Sequence[int],
    block_staff: Sequence[int] = (),
    host_staff: int = 0,
    axis_at: float = 0.0,
    blocks_per_row: int = 0,
    first: Hand | str = Hand.RIGHT,
    seat_pitch: float = TALKS_SEAT_PITCH,
    table_width: float | None = None,
    table_label: str = "会见桌",
    spacing: Spacing | None = None,
    source: str | Path = "",
    key: str = "reception",
) -> RoomPlan:
    """A 会见 in the chair form (主席式, R-MTG-2): one row facing the door, blocks of visitors opposite.

    The ``hosts`` chairs stand in a row along the far side of a long table
    placed across the room, facing the door, centred on the room's middle
    line. The *axis* is the line ``axis_at`` metres towards the entrant's
    right of that middle line, where the host chief sits (beside the middle
    when the host row is even). ``host_staff`` chairs stand behind the host
    row (0.60 m passage, R-PHY-9), the first on the axis, right behind the
    chief, the others alternately beside it. The visitors sit opposite with
    their backs to the door, each block of ``blocks[k]`` chairs together: in
    one row at the table, or ``blocks_per_row`` blocks per row with further
    rows behind. In a row with one block the block is centred on the axis;
    with several, the blocks stand side by side
    (:func:`~seatplan.protocol.reception.party_block_offsets`), the first on
    the ``first`` hand of a person in the far row facing the door, the next on
    the other hand, and so on outward, each starting at the axis (where its
    chief sits). ``block_staff[k]`` chairs stand in a back row right behind
    block ``k``, the first behind its chief (behind the middle of a centred
    block). The table is as long as the host row or the first visitors' row,
    centred on the room's middle line.

    Parameters
    ----------
    venue
        The room; needs a main door.
    hosts
        Chairs in the far row (at least 1).
    blocks
        Chairs of each visitors' block, in precedence order.
    block_staff
        Back chairs of each block (missing entries: 0).
    host_staff
        Chairs behind the far row.
    axis_at
        Door-frame offset (metres, + = the entrant's right) of the axis from
        the room's middle line: give the host chief's offset when the host
        row is even (the chief then sits beside the middle).
    blocks_per_row
        Blocks in one row; 0 = all in one row.
    first
        ``"right"`` (default) or ``"left"``: the hand (of a person in the far
        row facing the door) on whose side the first block stands.
    seat_pitch
        Distance between chairs in a row, metres (R-PHY-8: at least 0.60).
    table_width
        Table width, metres; ``None`` = :func:`default_table_width`.
    table_label, spacing, source, key
        As for the other generators.

    Returns
    -------
    RoomPlan
        Groups ``"host"`` (far row, along the entrant's right), ``"host-back"``,
        ``"block-01"`` … (the block's chairs, chief first, then its back
        chairs), ``"table"`` (chairs at the table). Back chairs carry the tag
        ``"staff"``; rows count from the table (far row 1, its back row 2;
        visitors' first row 1, its back row 2, the next row of blocks 3 …).

    Raises
    ------
    GeometryError
        If the rows do not fit the room with a 0.90 m walkway round them
        (R-PHY-11), naming the option to change.
    """
    sp = spacing or Spacing()
    nh = _positive_count(hosts, f"{key}.hosts", source, minimum=1)
    sizes = [_positive_count(k, f"{key}.blocks", source, minimum=1) for k in blocks]
    if not sizes:
        raise GeometryError("a chair-form reception needs at least one visiting party", location=Location(file=source, field=key))
    staff = [_positive_count(k, f"{key}.back_chairs", source) for k in block_staff] + [0] * len(sizes)
    staff = staff[: len(sizes)]
    ns = _positive_count(host_staff, f"{key}.back_chairs", source)
    per_row = _positive_count(blocks_per_row, f"{key}.parties_per_row", source) or len(sizes)
    pitch = _length(seat_pitch, f"{key}.seat_pitch", source, 0.6, 2.0, "R-PHY-8: at least 0.60 m per person")
    hand = Hand(first)
    frame = room_frame(venue, source=source, what="a reception (会见)")
    b = _Builder(venue, frame, sp, source, "reception")
    uc, depth = frame.centre_u, frame.depth
    cw, cd = sp.chair_width, sp.chair_depth
    walk, off = sp.wall_walkway, sp.last_row_wall_extra
    back_off = cd + sp.chair_back_to_table
    pitch_back = cw + sp.chair_side_gap
    sign = -1.0 if hand is Hand.RIGHT else 1.0  # facing the door, one's right hand is towards -u
    bands = [list(range(i, min(i + per_row, len(sizes)))) for i in range(0, len(sizes), per_row)]
    member_u, staff_u = _block_offsets(bands, sizes, staff, pitch=pitch, axis_at=axis_at, sign=sign)
    host_u = _centred(nh, pitch)
    first_band = [u for k in bands[0] for u in member_u[k]]
    table_half = max(abs(u) for u in host_u + first_band) + pitch / 2
    tw = _length(
        default_table_width(nh + len(first_band)) if table_width is None else table_width,
        f"{key}.table_width", source, 0.5, 4.0,
    )
    widest = max(
        [table_half]
        + [abs(u) + cw / 2 for k in member_u for u in member_u[k] + staff_u[k]]
        + [abs(axis_at + u) + cw / 2 for u in _alternating(ns, pitch_back)]
    )
    have = min(uc - frame.u_min, frame.u_max - uc)
    if widest + walk > have + _EPS:
        raise _too_small(
            source, f"{key}.parties_per_row" if len(sizes) > 1 else f"{key}.seat_pitch",
            blocks_per_row if len(sizes) > 1 else pitch,
            f"a row of {len(first_band)} visitors' chairs ({len(bands[0])} parties) with a {walk:.1f} m walkway "
            "(R-PHY-8, R-PHY-11)",
            2 * (widest + walk), 2 * have,
            "set parties_per_row to put fewer parties in a row, use a wider room or a smaller seat_pitch",
        )
    v_h = depth - off - (back_off if ns else 0.0) - cd / 2
    v_table_top = v_h - cd / 2
    v_table_bottom = v_table_top - tw
    rows_v = _visitor_rows(bands, staff, v_table_bottom - cd / 2, back_off)
    low = min(vv for _, vf, vs in rows_v for vv in (vf, vs) if vv is not None) - cd / 2
    if low < walk - _EPS:
        raise _too_small(
            source, f"{key}.parties_per_row", blocks_per_row,
            f"{len(bands)} row(s) of visitors opposite the host row, the table and a {walk:.1f} m walkway at the door",
            depth - low + walk, depth, "put more parties in a row (parties_per_row), use a deeper room or a narrower table",
        )
    b.box(ShapeKind.TABLE, uc - table_half, v_table_bottom, uc + table_half, v_table_top, table_label)
    for j, du in enumerate(host_u):
        b.seat(f"host-{j + 1:02d}", uc + du, v_h, FACE_DOOR, groups=("host", "table"))
    for j, du in enumerate(sorted(_alternating(ns, pitch_back))):
        b.seat(
            f"host-back-{j + 1:02d}", uc + axis_at + du, depth - off - cd / 2, FACE_DOOR, row=2,
            groups=("host-back",), tags=(SeatTag.STAFF,),
        )
    _seat_visitors(b, rows_v, member_u, staff_u, uc)
    return b.finish(
        key=f"{key}.parties_per_row", value=blocks_per_row, hint="make the room larger or put fewer parties in a row"
    )
