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


def _fit_band(
    placed: Sequence[_Placed], counts: Mapping[str, int], band_pt: float, ppm: float, bounds: tuple[float, float]
) -> tuple[list[str], list[float], list[float]]:
    """Texts, sizes (points) and centres (metres) of the labels sharing one band, left to right.

    Each label fits the room over its block and half way to the next labels (one line, or the
    head count on a second line where that reads larger), at most as large as the band allows.
    Where the labels of the band together still do not fit its length, the largest common size
    that fits caps them all. Each label is centred over its block and pushed aside just enough
    that none touches the next.
    """
    one_cap = min(band_pt * 0.62, 14.0)
    two_cap = band_pt * 0.78 / (1.0 + labels.LINE_PITCH_EM)
    gap_pt = 0.4 * one_cap
    length_pt = (bounds[1] - bounds[0]) * ppm - gap_pt * (len(placed) - 1)
    forms = []
    for k, p in enumerate(placed):
        unit, count = p.block.unit, f"{counts.get(p.block.unit, len(p.block.seat_ids))}人"
        lo = (placed[k - 1].right + p.left) / 2 if k else bounds[0]
        hi = (p.right + placed[k + 1].left) / 2 if k + 1 < len(placed) else bounds[1]
        room = (hi - lo) * ppm - gap_pt
        one = max(labels.text_width_em(f"{unit} {count}"), 1.0)
        two = max(labels.text_width_em(unit), labels.text_width_em(count), 1.0)
        fit_one, fit_two = min(one_cap, room / one), min(two_cap, room / two)
        if fit_two > fit_one * 1.15:
            forms.append((f"{unit}\n{count}", two, fit_two))
        else:
            forms.append((f"{unit} {count}", one, max(fit_one, 0.5)))

    def layout(limit: float) -> list[tuple[str, float, float]]:
        """(text, size, width in points) of each label with sizes capped at ``limit``."""
        return [(text, min(cap, limit), em * min(cap, limit)) for text, em, cap in forms]

    limit = one_cap
    if sum(c[2] for c in layout(limit)) > length_pt:
        low, high = 0.5, one_cap
        for _ in range(30):
            mid = (low + high) / 2
            low, high = (mid, high) if sum(c[2] for c in layout(mid)) <= length_pt else (low, mid)
        limit = low
    chosen = layout(limit)
    # a label over its own block, then pushed right past its left neighbour and left off the band's end
    widths = [c[2] / ppm for c in chosen]
    gap = gap_pt / ppm
    left = [(p.left + p.right) / 2 - wd / 2 for p, wd in zip(placed, widths)]
    for k in range(len(left)):
        floor = bounds[0] if k == 0 else left[k - 1] + widths[k - 1] + gap
        left[k] = max(left[k], floor)
    for k in reversed(range(len(left))):
        ceiling = bounds[1] - widths[k] if k == len(left) - 1 else left[k + 1] - gap - widths[k]
        left[k] = min(left[k], ceiling)
    return [c[0] for c in chosen], [c[1] for c in chosen], [x + wd / 2 for x, wd in zip(left, widths)]


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
    extent: dict[tuple[str, int], tuple[float, float]] = {}
    for seat in seats:
        if _faces_stage(seat) and seat.section in boxes:
            half = boxes[seat.section][0] / 2
            lo, hi = extent.get((seat.section, seat.row), (seat.x - half, seat.x + half))
            extent[(seat.section, seat.row)] = (min(lo, seat.x - half), max(hi, seat.x + half))
    out: list[labels.Label] = []
    segments: list[tuple[tuple[float, float], tuple[float, float]]] = []
    for key, placed in sorted(gaps.items()):
        w, h = boxes[key[0]]
        across = row_pitch.get(key[0], (None, None))[1] or (h / 0.72)
        band_pt = max(across - h, 0.28 * across) * ppm
        placed.sort(key=lambda p: p.left)
        lo, hi = extent[key]
        texts, sizes, centres = _fit_band(placed, counts, band_pt, ppm, (lo - w / 2, hi + w / 2))
        for p, text, fs, cx in zip(placed, texts, sizes, centres):
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
