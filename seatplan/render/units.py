"""Unit blocks on the floor: each block of a unit's seats labelled with the unit's name and head count.

A block is a connected group of seats of one unit in rows facing the stage: seats
next to each other in a row, or in the rows just in front or behind within a seat's
width. The label ("县公安局 10人", the unit's whole head count) is written in the clear
band between the block's front row and the row in front of it, over a thin bracket
spanning the block's seats in that row, so it never covers a name, and the block is
told by its label and never by colour alone.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from seatplan.model import Attendee, Seat
from seatplan.render import labels, style

__all__ = ["UnitBlock", "find_unit_blocks", "unit_block_labels"]

#: Facing of a seat whose row faces the stage (degrees).
_FACING_STAGE = 90
#: Smallest font size a unit label is written at (points).
_MIN_PT = 4.0


@dataclass(frozen=True)
class UnitBlock:
    """A connected block of one unit's seats.

    Attributes
    ----------
    unit
        The unit's name as shown (``（未填单位）`` for none).
    section
        The section of its seats.
    seat_ids
        Its seats, in seat order.
    front
        The seats of its front row (nearest the stage), left to right.
    """

    unit: str
    section: str
    seat_ids: tuple[str, ...]
    front: tuple[Seat, ...]


def _faces_stage(seat: Seat) -> bool:
    return round(seat.facing) % 360 == _FACING_STAGE and not seat.table and not seat.is_dais


def find_unit_blocks(
    seats: Sequence[Seat], unit_of: Mapping[str, str], pitch: Mapping[str, float]
) -> list[UnitBlock]:
    """Connected blocks of each unit's seats in the rows facing the stage.

    Parameters
    ----------
    seats
        The seats of the room.
    unit_of
        Seat id → unit label of the person sitting there (empty seats absent).
    pitch
        Section → seat pitch along its rows, metres.

    Returns
    -------
    list of UnitBlock
        In seat order of each block's first seat.
    """
    rows: dict[tuple[str, int], list[Seat]] = {}
    for seat in seats:
        if seat.id in unit_of and _faces_stage(seat):
            rows.setdefault((seat.section, seat.row), []).append(seat)
    for members in rows.values():
        members.sort(key=lambda s: (s.x, s.id))
    parent: dict[str, str] = {s.id: s.id for members in rows.values() for s in members}

    def find(a: str) -> str:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    def join(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for (section, row), members in rows.items():
        step = pitch.get(section, 0.55)
        for a, b in itertools.pairwise(members):
            if unit_of[a.id] == unit_of[b.id] and b.x - a.x <= 1.6 * step:
                join(a.id, b.id)
        behind = rows.get((section, row + 1), [])
        xs = [s.x for s in behind]
        for a in members:
            lo = bisect.bisect_left(xs, a.x - 0.75 * step)
            hi = bisect.bisect_right(xs, a.x + 0.75 * step)
            for b in behind[lo:hi]:
                if unit_of[a.id] == unit_of[b.id]:
                    join(a.id, b.id)
    groups: dict[str, list[Seat]] = {}
    for members in rows.values():
        for s in members:
            groups.setdefault(find(s.id), []).append(s)
    order = {s.id: k for k, s in enumerate(seats)}
    blocks = []
    for members in groups.values():
        members.sort(key=lambda s: order[s.id])
        first_row = min(s.row for s in members)
        front = tuple(sorted((s for s in members if s.row == first_row), key=lambda s: (s.x, s.id)))
        blocks.append(UnitBlock(unit_of[members[0].id], members[0].section, tuple(s.id for s in members), front))
    blocks.sort(key=lambda b: order[b.seat_ids[0]])
    return blocks


@dataclass(frozen=True)
class _Placed:
    block: UnitBlock
    left: float  # x of the block's front row, outer edges of its seats (metres)
    right: float
    y: float  # centre of the clear band above the front row (metres)


def unit_block_labels(
    seats: Sequence[Seat],
    occupants: Mapping[str, Attendee],
    counts: Mapping[str, int],
    boxes: Mapping[str, tuple[float, float]],
    row_pitch: Mapping[str, tuple[float | None, float | None]],
    ppm: float,
    unit_label: Callable[[str], str],
) -> tuple[list[labels.Label], list[tuple[tuple[float, float], tuple[float, float]]]]:
    """The labels of every unit block and the bracket lines under them.

    Parameters
    ----------
    seats, occupants
        The room's seats and who sits where.
    counts
        Unit label → head count.
    boxes
        Section → (width, depth) of its seat markers, metres.
    row_pitch
        Section → (pitch along rows, distance between rows) in metres (``None`` if unknown).
    ppm
        Points per metre of the drawing.
    unit_label
        Function turning an attendee's unit into its label.

    Returns
    -------
    (labels, segments)
        One label per block (gid ``unit-N``) and the bracket segments in data coordinates.
    """
    unit_of = {sid: unit_label(p.unit) for sid, p in occupants.items()}
    along = {sec: (p[0] or boxes[sec][0] / 0.85) for sec, p in row_pitch.items() if sec in boxes}
    blocks = find_unit_blocks(seats, unit_of, along)
    gaps: dict[tuple[str, int], list[_Placed]] = {}
    for block in blocks:
        w, h = boxes[block.section]
        across = row_pitch.get(block.section, (None, None))[1] or (h / 0.72)
        band = max(across - h, 0.28 * across)
        top = max(s.y for s in block.front) + h / 2
        gaps.setdefault((block.section, block.front[0].row), []).append(
            _Placed(block, block.front[0].x - w / 2, block.front[-1].x + w / 2, top + band / 2)
        )
    out: list[labels.Label] = []
    segments: list[tuple[tuple[float, float], tuple[float, float]]] = []
    for (section, _row), placed in sorted(gaps.items()):
        w, h = boxes[section]
        across = row_pitch.get(section, (None, None))[1] or (h / 0.72)
        band_pt = max(across - h, 0.28 * across) * ppm
        size = min(band_pt * 0.62, 14.0)
        placed.sort(key=lambda p: p.left)
        for k, p in enumerate(placed):
            unit, count = p.block.unit, f"{counts.get(p.block.unit, len(p.block.seat_ids))}人"
            # room along the band: up to half way to the neighbouring labels
            lo = (placed[k - 1].right + p.left) / 2 if k else p.left - 2 * w
            hi = (p.right + placed[k + 1].left) / 2 if k + 1 < len(placed) else p.right + 2 * w
            room_pt = (hi - lo) * ppm * 0.96
            text, width_em = f"{unit} {count}", max(labels.text_width_em(f"{unit} {count}"), 1.0)
            fs = min(size, room_pt / width_em)
            # a long name over a short block: the count on a second line, if that reads larger
            two_em = max(labels.text_width_em(unit), labels.text_width_em(count), 1.0)
            two_fs = min(band_pt * 0.78 / (1.0 + labels.LINE_PITCH_EM), room_pt / two_em)
            if two_fs > fs * 1.15:
                text, width_em, fs = f"{unit}\n{count}", two_em, two_fs
            fs = max(fs, _MIN_PT)
            half = width_em * fs / ppm / 2
            cx = min(max((p.left + p.right) / 2, lo + half), hi - half) if hi - lo >= 2 * half else (lo + hi) / 2
            lines = text.count("\n") + 1
            height_pt = ((lines - 1) * labels.LINE_PITCH_EM + 1.0) * fs
            cy = p.y + (height_pt / 2 - band_pt * 0.30) / ppm  # its bottom just above the bracket
            out.append(labels.Label(text, cx, cy, fs, style.TEXT, gid=f"unit-{len(out) + 1}"))
            base = p.y - band_pt * 0.36 / ppm
            tick = band_pt * 0.14 / ppm
            segments.append(((p.left + 0.05, base), (p.right - 0.05, base)))
            segments.append(((p.left + 0.05, base), (p.left + 0.05, base - tick)))
            segments.append(((p.right - 0.05, base), (p.right - 0.05, base - tick)))
    return out, segments
