"""Seating plans on paper: the hall plan (plan.pdf), the dais sheet (主席台座次图) and the table plan (桌次图).

One drawer serves every sheet: it takes the seats to show, fits them to the
printable area of the page (A4 or A3, landscape) in audience view (台下视角:
the stage at the top, the main door at the bottom), and writes on every seat
the occupant's name when it fits at :data:`NAME_MIN_PT` or more (a cap height
of at least 2.5 mm on paper), otherwise the seat number. Every unit's block
carries its name and head count on the drawing itself; the key repeats them.
A hall too big for one page gets an overview page with the key, then one page
per section or block of seats between aisles. Every page has the title, the
date, the frame, a scale bar and the doors and exits.
"""

from __future__ import annotations

import itertools
import math
import os
import re
import warnings
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from fpdf import FPDF

from seatplan.export.records import handout_key, section_area
from seatplan.export.typeset import (
    FONT,
    PAPER_MM,
    PT_TO_MM,
    FittedText,
    check_people,
    draw_fitted,
    fit_text,
    new_pdf,
    pdf_bytes,
    resolve_font,
    text_in_box,
    text_width,
    wrap_text,
)
from seatplan.files import atomic_write_bytes
from seatplan.model import Plan, Seat, SeatingProblem, ShapeKind
from seatplan.model.attendees import Attendee
from seatplan.model.seats import SeatTag

__all__ = ["NAME_FLOOR_PT", "NAME_MIN_PT", "write_dais_sheet", "write_plan_pdf", "write_table_plan"]

#: Smallest type for names and numbers on a plan: 9 pt has a CJK glyph height of about 2.7 mm.
NAME_MIN_PT = 9.0
#: Smallest type for a name on a close-up sheet (dais, head table, talks) before it is flagged: a CJK glyph of
#: about 2.5 mm, the readable minimum.
NAME_FLOOR_PT = 8.0
#: Largest type for names (dais sheet).
NAME_MAX_PT = 40.0
#: A close-up of rows may be scaled up to this many times more in one direction than the other.
_STRETCH = 2.5
_MARGIN = 10.0
_NEAR_M = 1.0  # metres around a close-up's seats within which furniture belongs to it
_HEADER = 20.0
_FOOTER = 10.0
#: Pastel fills for units (a unit is never told by colour alone: its block is labelled).
_FILLS = (
    (255, 224, 204), (204, 229, 255), (214, 245, 214), (255, 245, 204), (235, 220, 250), (204, 245, 240),
    (250, 214, 230), (230, 230, 204), (220, 235, 250), (245, 230, 214), (214, 240, 230), (240, 220, 220),
)
_DAIS_EDGE = (200, 30, 30)
#: Shapes a close-up draws with its seats (and fits to the page with them).
_FURNITURE = (ShapeKind.TABLE, ShapeKind.LECTERN, ShapeKind.OBSTACLE)
#: Size of the unit numbers on an overview, where the rows' pitch allows it.
_NUMBER_PT = 8.5
#: Key: column width and line height (mm).
_KEY_COL_W = 62.0
_KEY_LINE = 6.0
_EXIT_WORDS = ("安全出口", "疏散", "应急", "exit", "emergency")
#: Sections laid out in theatre rows: their units are labelled over (or above) their runs of seats.
_ROW_SECTIONS = ("floor", "balcony", "gallery")


@dataclass(frozen=True)
class _View:
    """Plan metres → page millimetres (audience view: +y up the page)."""

    scale: float  # mm per metre across the page
    x0: float
    y1: float
    left: float
    top: float
    yscale: float = 0.0  # mm per metre up the page; 0: the same as ``scale`` (drawn to scale)

    @property
    def sy(self) -> float:
        """Millimetres per metre up the page."""
        return self.yscale or self.scale

    @property
    def to_scale(self) -> bool:
        """True when both directions have the same scale (a scale bar means something)."""
        return abs(self.sy - self.scale) < 1e-9

    def at(self, x: float, y: float) -> tuple[float, float]:
        return self.left + (x - self.x0) * self.scale, self.top + (self.y1 - y) * self.sy


def _fit_view(bounds: tuple[float, float, float, float], area: tuple[float, float, float, float],
              stretch: float = 1.0) -> _View:
    """Fit ``bounds`` (metres) to ``area`` (mm); ``stretch`` > 1 lets one direction be scaled up to that
    many times the other, so a wide, shallow dais fills the page height too (a schematic, not to scale)."""
    xmin, ymin, xmax, ymax = bounds
    left, top, width, height = area
    fit_x, fit_y = width / max(xmax - xmin, 0.5), height / max(ymax - ymin, 0.5)
    scale = min(fit_x, fit_y)
    sx, sy = min(fit_x, scale * stretch), min(fit_y, scale * stretch)
    pad_x = (width - (xmax - xmin) * sx) / 2
    pad_y = (height - (ymax - ymin) * sy) / 2
    return _View(sx, xmin, ymax, left + pad_x, top + pad_y, 0.0 if abs(sx - sy) < 1e-9 else sy)


def _seat_box(seats: Sequence[Seat], *, big: bool = False) -> dict[str, tuple[float, float]]:
    """Marker width × depth (metres) per section: nominal, narrowed to the spacing of neighbours.

    ``big`` (a close-up sheet): as wide as the spacing allows, deeper, so each name can be large.
    """
    out: dict[str, tuple[float, float]] = {}
    by_section: dict[str, list[Seat]] = {}
    for s in seats:
        by_section.setdefault(s.section, []).append(s)
    for section, members in by_section.items():
        dais = members[0].is_dais
        w, h = (0.85, 0.6) if dais else (0.6, 0.55)
        gaps = []
        if members[0].section.partition("-")[0] in _ROW_SECTIONS or dais:
            # seats in rows: the spacing of neighbours in a row (sorting by x alone would pair the seats one
            # behind the other, a row pitch apart, and boxes wider than the seat pitch would overlap)
            rows: dict[int, list[float]] = {}
            for s in members:
                rows.setdefault(s.row, []).append(s.x)
            for xs in rows.values():
                xs.sort()
                gaps += [b - a for a, b in itertools.pairwise(xs) if b - a > 1e-6]
        else:
            pts = sorted((s.x, s.y) for s in members)
            for (ax, ay), (bx, by) in itertools.pairwise(pts):
                d = math.hypot(bx - ax, by - ay)
                if d > 1e-6:
                    gaps.append(d)
        square = big and all(abs(s.facing % 90.0) < 1e-6 for s in members)
        if square:  # a close-up of chairs in rows: a box as deep as a chair with its desk, for a large name
            w, h = w * 1.1, 1.0
            ys = sorted({round(s.y, 3) for s in members})
            spacing = min((b - a for a, b in itertools.pairwise(ys)), default=0.0)
            if spacing > 0:  # rows close together (a photo's rows): boxes do not run into the next row
                h = min(h, 0.9 * spacing)
        if gaps:
            gaps.sort()
            w = min(w, 0.92 * gaps[len(gaps) // 4])
            h = min(h, max(0.4, w * (1.6 if square else 1.0)))
        out[section] = (w, h)
    return out


def _bounds(problem: SeatingProblem, seats: Sequence[Seat], whole_room: bool) -> tuple[float, float, float, float]:
    """Extent (metres) of a page's drawing: the room, or the seats of a close-up with their own furniture."""
    xs = [s.x for s in seats]
    ys = [s.y for s in seats]
    if whole_room:
        for x, y in problem.layout.venue.outline:
            xs.append(x)
            ys.append(y)
    elif seats:
        for shape in problem.layout.shapes:
            if shape.kind in _FURNITURE and len(shape.points) > 1 and _Drawer._near(shape.points, seats):
                xs += [x for x, _ in shape.points]
                ys += [y for _, y in shape.points]
    pad = 0.6 if not whole_room else 0.3
    if not xs:
        return (0.0, 0.0, 1.0, 1.0)
    return (min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad)


@dataclass(frozen=True)
class _Page:
    """What one page shows."""

    heading: str
    seats: tuple[Seat, ...]
    whole_room: bool
    texts: bool = True


class _Drawer:
    """Draws pages of one plan; keeps the occupants and unit fills."""

    def __init__(self, pdf: FPDF, problem: SeatingProblem, plan: Plan | None, *, title: str, date: str,
                 paper: str, labels: dict[str, str] | None, frame: str) -> None:
        self.pdf = pdf
        self.problem = problem
        occupant = plan.occupant_of() if plan is not None else {}
        self.people: dict[str, Attendee] = {sid: problem.attendee(aid) for sid, aid in occupant.items()}
        seated = set(occupant.values())
        check_people(((p.name, p.source, {"姓名": p.name, "单位": p.unit}) for p in problem.attendees if p.id in seated),
                     resolve_font(None, serif=False))
        self.title, self.date, self.labels, self.frame = title, date, labels or {}, frame
        self.page_w, self.page_h = PAPER_MM[paper][1], PAPER_MM[paper][0]  # landscape
        units: list[str] = []
        for seat in sorted(problem.seats, key=handout_key):
            person = self.people.get(seat.id)
            if person is not None and person.unit not in units:
                units.append(person.unit)
        self.units = units
        self.fill = {u: _FILLS[k % len(_FILLS)] for k, u in enumerate(units)}
        self.counts = Counter(p.unit for p in self.people.values())
        self.pages = 0
        self.name_cap = NAME_MAX_PT
        self.warned: set[str] = set()
        self.pending: list[tuple[str, list[tuple[float, float]]]] = []  # shape labels drawn after the seats

    # ---------------------------------------------------------------- page frame
    def begin(self, heading: str, portrait: bool = False) -> tuple[float, float, float, float]:
        pdf = self.pdf
        long_side, short_side = max(self.page_w, self.page_h), min(self.page_w, self.page_h)
        self.page_w, self.page_h = (short_side, long_side) if portrait else (long_side, short_side)
        pdf.add_page(orientation="P" if portrait else "L")
        self.pages += 1
        w = self.page_w - 2 * _MARGIN
        text_in_box(pdf, f"{self.title}　{heading}" if self.title else heading, x=_MARGIN, y=4, width=w, height=9,
                    max_pt=16, min_pt=8, max_lines=1)
        sub = "　".join(t for t in (self.date, self.frame) if t)
        text_in_box(pdf, sub, x=_MARGIN, y=13, width=w, height=6, max_pt=10, min_pt=6, grey=60, max_lines=1)
        return (_MARGIN, _MARGIN + _HEADER - 6, w, self.page_h - 2 * _MARGIN - _HEADER - _FOOTER + 6)

    def footer(self, note: str) -> None:
        text_in_box(self.pdf, note, x=_MARGIN, y=self.page_h - _MARGIN - 4, width=self.page_w - 2 * _MARGIN,
                    height=5, max_pt=8, min_pt=6, grey=110, max_lines=1)

    # ---------------------------------------------------------------- drawing
    def draw(self, page: _Page, area: tuple[float, float, float, float], *, big: bool = False,
             rank_badges: bool = False, stretch: float = 1.0, locator_room: float = 0.0) -> _View:
        seats = page.seats
        whole_area = area
        area = (area[0], area[1], area[2], area[3] - locator_room)  # a strip at the foot for the small plan
        boxes = _seat_box(seats, big=big)
        notes_h = 0.0
        for _ in range(2):  # a second pass leaves room under the drawing for the note of key numbers
            view = _fit_view(_bounds(self.problem, seats, page.whole_room), area, stretch)
            runs = self._unit_runs(seats, boxes, with_dais=not page.texts) if not big else []
            gap = self._row_gap(seats) * view.sy
            band = min(gap * 0.85, 2 * NAME_MIN_PT * PT_TO_MM * 1.2 + 0.6)
            above = band >= NAME_MIN_PT * PT_TO_MM * 1.2 + 0.1
            if page.texts and not above:  # no room between the rows: each unit's longest run carries its label
                longest: dict[str, list[Seat]] = {}
                for run in runs:
                    unit = self.people[run[0].id].unit
                    if len(run) > len(longest.get(unit, [])):
                        longest[unit] = run
                runs = [r for r in runs if longest[self.people[r[0].id].unit] is r]
            limits = (area[0] - 10.0, area[0] + area[2] + 10.0)
            if notes_h or not page.texts or not runs:
                break
            notes = self._label_runs(runs, view, boxes, band if above else 0.0, limits, dry=True)
            if not notes:
                break
            notes_h = len(self._note_lines(notes, area[2])) * NAME_MIN_PT * PT_TO_MM * 1.2 + 1.0
            area = (area[0], area[1], area[2], area[3] - notes_h)
        self._room(view, page.whole_room, seats)
        hidden = set() if above or not page.texts else {s.id for run in runs for s in run}
        self.name_cap = NAME_MAX_PT
        if big:  # one size for the names of a close-up (the lower quartile of their own sizes): a longer name is smaller
            sizes = sorted(self._name_fit(s, *self._marker(s, view, boxes[s.section])[2:4], big).size_pt
                           for s in seats if s.id in self.people)
            self.name_cap = sizes[len(sizes) // 4] if sizes else NAME_MAX_PT
        for seat in seats:
            self._seat(seat, view, boxes[seat.section], page.texts and seat.id not in hidden, big, rank_badges)
        self._shape_labels()
        if page.texts:
            self._notes(self._label_runs(runs, view, boxes, band if above else 0.0, limits), area)
        else:
            self._number_runs(runs, view, boxes)
        if page.texts:
            self._row_labels(seats, view, boxes, big)
        self._scale_bar(view, area)
        if not page.whole_room:
            self._locator(seats, view, whole_area, below=area[1] + area[3] if locator_room else 0.0)
        return view

    def doors_text(self, seats: Sequence[Seat]) -> str:
        """Where the doors are from these seats, as the page shows them (正门：下方；安全出口：左侧 …)."""
        doors = self.problem.layout.venue.doors
        if not doors or not seats:
            return ""
        if all(s.section.partition("-")[0] in ("balcony", "gallery") for s in seats):
            # the plan draws an upper level beside the hall: "below" on the page is not where its doors are
            return "楼座：经楼梯进出　一楼出入口：" + "、".join(dict.fromkeys(
                d.name or ("正门" if d.main else "门") for d in doors))
        xmin, xmax = min(s.x for s in seats), max(s.x for s in seats)
        ymin, ymax = min(s.y for s in seats), max(s.y for s in seats)
        where: dict[str, list[str]] = {}
        for door in doors:
            side = "".join(t for t, hit in (("上方", door.y > ymax + 0.5), ("下方", door.y < ymin - 0.5),
                                            ("左侧", door.x < xmin - 0.5), ("右侧", door.x > xmax + 0.5)) if hit)
            name = door.name or ("正门" if door.main else "门")
            sides = where.setdefault(name, [])
            if (side or "本区内") not in sides:
                sides.append(side or "本区内")
        return "出入口：" + "；".join(f"{name} {'、'.join(sides)}" for name, sides in where.items())

    def _locator(self, seats: Sequence[Seat], view: _View, area: tuple[float, float, float, float], *,
                 below: float = 0.0) -> None:
        """A small plan of the whole hall in a free corner of the page: the seats of this page in red, the
        other seats in grey, the stage and the doors with their names (位置示意). ``below``: the top of
        a strip kept for it at the foot of the page (under the scale bar)."""
        pdf = self.pdf
        hall = _bounds(self.problem, self.problem.seats, True)
        hw, hd = hall[2] - hall[0], hall[3] - hall[1]
        extent = _bounds(self.problem, seats, False)  # the seats with their desks
        left, _top = view.at(extent[0], extent[3])
        right, bottom = view.at(extent[2], extent[1])
        margin_x, margin_y = 16.0, 8.0  # room for the door names beside and under the small plan
        free = [  # (x, y, w, h) of the empty strips right, left and below the drawing
            (right + 16.0, area[1], area[0] + area[2] + 10.0 - right - 16.0, area[3]),
            (area[0] - 10.0, area[1], left - 16.0 - area[0] + 10.0, area[3]),
            (area[0], max(bottom, below) + 8.0, area[2], area[1] + area[3] - max(bottom, below) - 8.0),
        ]
        best = None
        for x, y, w, h in free:
            scale = min((w - 2 * margin_x) / hw, (h - margin_y - 6.0) / hd, 60.0 / max(hw, hd))
            if scale * max(hw, hd) >= 24.0 and (best is None or scale > best[0]):
                best = (scale, x, y, w, h)
        if best is None:
            return
        scale, x, y, w, h = best
        ox = x + (w - hw * scale) / 2
        oy = y + 6.0 if y > bottom else y + (h - hd * scale) / 2

        def at(px: float, py: float) -> tuple[float, float]:
            return ox + (px - hall[0]) * scale, oy + (hall[3] - py) * scale

        text_in_box(pdf, "位置示意", x=ox, y=oy - 5.5, width=hw * scale, height=5, max_pt=NAME_MIN_PT,
                    min_pt=NAME_MIN_PT, grey=60, max_lines=1)
        venue = self.problem.layout.venue
        pdf.set_draw_color(80, 80, 80)
        pdf.set_line_width(0.3)
        pdf.polygon([at(px, py) for px, py in venue.outline], style="D")
        for shape in self.problem.layout.shapes:
            if shape.kind is ShapeKind.STAGE and len(shape.points) > 2:
                pdf.set_fill_color(230, 230, 230)
                pdf.polygon([at(px, py) for px, py in shape.points], style="DF")
        mine = {s.id for s in seats}
        parts: dict[tuple[int, str, str], list[Seat]] = {}
        for group, members in _groups(self.problem.seats):
            for s in members:  # the other seats by block or table, grey; this page's on top, red
                parts.setdefault((int(s.id in mine), group, s.table), []).append(s)
        for key in sorted(parts):
            part = parts[key]
            a = at(min(s.x for s in part) - 0.3, max(s.y for s in part) + 0.3)
            b = at(max(s.x for s in part) + 0.3, min(s.y for s in part) - 0.3)
            pdf.set_fill_color(*((230, 60, 60) if key[0] else (215, 215, 215)))
            pdf.set_draw_color(*((160, 20, 20) if key[0] else (170, 170, 170)))
            pdf.rect(a[0], a[1], b[0] - a[0], b[1] - a[1], style="DF")
        x0, y0, _x1, y1 = venue.bounds
        for door in venue.doors:
            horizontal = abs(door.y - y0) < 0.3 or abs(door.y - y1) < 0.3
            half = door.width / 2
            a = at(door.x - half, door.y) if horizontal else at(door.x, door.y - half)
            b = at(door.x + half, door.y) if horizontal else at(door.x, door.y + half)
            exit_ = any(word in door.name.lower() for word in _EXIT_WORDS)
            colour = (0, 140, 60) if exit_ else (30, 80, 200)
            pdf.set_draw_color(*colour)
            pdf.set_line_width(1.2)
            pdf.line(*a, *b)
            label = door.name or ("正门" if door.main else "门")
            tw = text_width(pdf, label, NAME_MIN_PT)
            px, py = at(door.x, door.y)
            if horizontal:
                tx, ty = px - tw / 2, (py + 4.2 if abs(door.y - y0) < 0.3 else py - 1.5)
            else:
                tx, ty = (px - tw - 1.5 if abs(door.x - x0) < 0.3 else px + 1.5), py + 1.2
            pdf.set_font(FONT, size=NAME_MIN_PT)
            pdf.set_text_color(*colour)
            pdf.text(max(tx, 1.0), ty, label)
            pdf.set_text_color(0, 0, 0)

    def _room(self, view: _View, whole_room: bool, seats: Sequence[Seat]) -> None:
        pdf = self.pdf
        venue = self.problem.layout.venue
        if whole_room:
            pdf.set_draw_color(60, 60, 60)
            pdf.set_line_width(0.6)
            pdf.polygon([view.at(x, y) for x, y in venue.outline], style="D")
        for shape in self.problem.layout.shapes:
            if shape.kind in (ShapeKind.ROOM, ShapeKind.AISLE, ShapeKind.DOOR) or len(shape.points) < 2:
                continue
            if not whole_room and shape.kind is ShapeKind.STAGE:
                continue  # a close-up shows the furniture, not the stage running off the page
            pts = [view.at(x, y) for x, y in shape.points]
            if not whole_room and not self._near(shape.points, seats):
                continue
            fill = {ShapeKind.STAGE: (238, 238, 238), ShapeKind.TABLE: (250, 250, 245),
                    ShapeKind.OBSTACLE: (200, 200, 200), ShapeKind.LECTERN: (225, 225, 225)}.get(shape.kind)
            pdf.set_draw_color(110, 110, 110)
            pdf.set_line_width(0.3)
            if fill:
                pdf.set_fill_color(*fill)
            pdf.polygon(pts, style="DF" if fill else "D")
            table = self._table_at(shape.points) if shape.kind is ShapeKind.TABLE else ""
            if table:
                self._table_label(shape.label or table, table, shape.points, view)
            elif shape.label and shape.kind is ShapeKind.TABLE:
                self.pending.append((shape.label, pts))
            elif shape.label and shape.kind is ShapeKind.STAGE and whole_room:
                xs = [p[0] for p in pts]
                ys = [p[1] for p in pts]
                text_in_box(pdf, shape.label, x=min(xs), y=min(ys), width=max(xs) - min(xs), height=6, max_pt=10,
                            min_pt=6, grey=90, max_lines=1)
        if whole_room:
            for door in venue.doors:
                self._door(door.x, door.y, door.width, door.name, door.main, view)

    def _shape_labels(self) -> None:
        """The labels of desks, signs and bands (主席台第1排, 预留：工作人员, 二楼（楼座）· 前沿栏杆) at the readable
        size, drawn after the seats so none covers them: inside the outline when they fit it, else on a white
        tag on its lower edge (a thin band's label reaches over it), on two lines when it is long."""
        pdf = self.pdf
        for label, pts in self.pending:
            xs = [p[0] for p in pts]
            ys = [p[1] for p in pts]
            width, height = max(xs) - min(xs), max(ys) - min(ys)
            cx = (min(xs) + max(xs)) / 2
            fitted = fit_text(pdf, label, width=width * 0.96, height=height * 0.9, max_pt=11, min_pt=NAME_MIN_PT,
                              max_lines=2, prefer_one_line_pt=NAME_MIN_PT)
            if (fitted.size_pt >= NAME_MIN_PT - 1e-6 and not fitted.lines[-1].endswith("…")
                    and fitted.height_mm <= height * 0.9 + 1e-6):
                # at the outline's front (lower) edge: chairs behind a desk overlap its back edge
                draw_fitted(pdf, fitted, cx=cx, top=max(ys) - height * 0.05 - fitted.height_mm,
                            height=fitted.height_mm, grey=90)
                continue
            lines = wrap_text(pdf, label, max(width * 0.96, 50.0), NAME_MIN_PT)
            fitted = FittedText(NAME_MIN_PT, tuple(lines[:2]) if len(lines) <= 2 else tuple(lines))
            tw = max(text_width(pdf, ln, NAME_MIN_PT) for ln in fitted.lines) + 1.6
            th = fitted.height_mm + 0.4
            pdf.set_fill_color(255, 255, 255)
            pdf.set_draw_color(150, 150, 150)
            pdf.set_line_width(0.15)
            top = max(ys) - th + 0.3  # on the outline's lower edge: seats stand behind (above) a desk
            pdf.rect(cx - tw / 2, top, tw, th, style="DF")
            draw_fitted(pdf, fitted, cx=cx, top=top + 0.2, height=fitted.height_mm, grey=70)
        self.pending = []

    @staticmethod
    def _near(points: Sequence[tuple[float, float]], seats: Sequence[Seat]) -> bool:
        """True if the outline's centre lies among ``seats`` (a close-up draws only its own furniture).

        The margin, 1 m, reaches the centre of a desk in front of the front row (chair 0.5 m + desk 0.6 m
        deep) but not the centre of a neighbouring table."""
        cx = sum(p[0] for p in points) / len(points)
        cy = sum(p[1] for p in points) / len(points)
        return (min(s.x for s in seats) - _NEAR_M <= cx <= max(s.x for s in seats) + _NEAR_M
                and min(s.y for s in seats) - _NEAR_M <= cy <= max(s.y for s in seats) + _NEAR_M)

    def _door(self, x: float, y: float, width: float, name: str, main: bool, view: _View) -> None:
        pdf = self.pdf
        venue = self.problem.layout.venue
        x0, y0, _x1, y1 = venue.bounds
        horizontal = abs(y - y0) < 0.3 or abs(y - y1) < 0.3
        a = (x - width / 2, y) if horizontal else (x, y - width / 2)
        b = (x + width / 2, y) if horizontal else (x, y + width / 2)
        exit_ = any(w in name.lower() for w in _EXIT_WORDS)
        colour = (0, 140, 60) if exit_ else (30, 80, 200)
        pdf.set_draw_color(*colour)
        pdf.set_line_width(1.6)
        pdf.line(*view.at(*a), *view.at(*b))
        label = name or ("正门" if main else "门")
        px, py = view.at(x, y)
        pdf.set_font(FONT, size=9)
        pdf.set_text_color(*colour)
        tw = pdf.get_string_width(label)
        if horizontal:
            ty = py + 4.5 if abs(y - y0) < 0.3 else py - 2
            pdf.text(px - tw / 2, ty, label)
        else:
            tx = px - tw - 2 if abs(x - x0) < 0.3 else px + 2
            tx = min(max(tx, 1.0), self.page_w - tw - 1.0)
            pdf.text(tx, py + 1.2, label)
        pdf.set_text_color(0, 0, 0)

    def _table_at(self, points: Sequence[tuple[float, float]]) -> str:
        """The table label of the seats around a table outline ("" when no labelled seat is near)."""
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
        reach = max(max(xs) - min(xs), max(ys) - min(ys)) / 2 + 1.0
        near: dict[str, int] = {}
        for s in self.problem.seats:
            if s.table and abs(s.x - cx) <= reach and abs(s.y - cy) <= reach:
                near[s.table] = near.get(s.table, 0) + 1
        return max(near, key=lambda t: near[t]) if near else ""

    def _table_label(self, label: str, table: str, points: Sequence[tuple[float, float]], view: _View) -> None:
        cx = sum(p[0] for p in points) / len(points)
        cy = sum(p[1] for p in points) / len(points)
        xs = [p[0] for p in points]
        r = (max(xs) - min(xs)) / 2 * view.scale
        px, py = view.at(cx, cy)
        host = self._host_of(table)
        text = f"{label}号桌" if label.isdigit() else label
        if host:
            fitted = fit_text(self.pdf, text, width=1.4 * r, height=0.55 * r, max_pt=22, min_pt=6)
            draw_fitted(self.pdf, fitted, cx=px, top=py - 0.6 * r, height=0.6 * r)
            sub = fit_text(self.pdf, f"主人：{host}", width=1.5 * r, height=0.5 * r, max_pt=12, min_pt=5, max_lines=2)
            draw_fitted(self.pdf, sub, cx=px, top=py + 0.02 * r, height=0.5 * r, grey=60)
        else:
            text_in_box(self.pdf, text, x=px - 0.7 * r, y=py - 0.35 * r, width=1.4 * r, height=0.7 * r, max_pt=22,
                        min_pt=6, max_lines=1)

    def _host_of(self, table: str) -> str:
        for seat in self.problem.seats:
            if seat.table == table and SeatTag.HOST_SEAT in seat.tags and seat.id in self.people:
                return self.people[seat.id].name
        return ""

    @staticmethod
    def _marker(seat: Seat, view: _View, box: tuple[float, float]) -> tuple[float, float, float, float, float]:
        """Centre, width and height (mm) of a seat's marker, and the angle it is turned by."""
        cx, cy = view.at(seat.x, seat.y)
        turn = (seat.facing - 90.0) % 360.0
        if abs(turn % 180.0 - 90.0) < 1e-6:  # a chair turned a quarter: its row runs up the page
            w, h, turn = box[1] * view.scale, box[0] * view.sy, 0.0
        else:
            w, h = box[0] * view.scale, box[1] * view.sy
        if not view.to_scale:  # a spread close-up: boxes no taller than 1.6 times their width
            h = min(h, 1.6 * w)
        return cx, cy, w, h, turn

    def _name_fit(self, seat: Seat, w: float, h: float, big: bool) -> FittedText:
        """The occupant's name fitted to the lower part of the marker (below the rank number on a close-up)."""
        person = self.people[seat.id]
        mark = seat.mark
        name = f"{person.name.strip()}（{mark}）" if mark and not big else person.name.strip()
        if abs((seat.facing - 90.0) % 180.0) > 1e-6 and abs((seat.facing - 90.0) % 90.0) > 1e-6:
            w = h = min(w, h)  # a turned marker: the name stays upright inside it
        top_h = h * (0.34 if big else 0.0)
        if big:
            return _close_up_name(self.pdf, name, w * 0.94, (h - top_h) * 0.9, self.name_cap)
        return fit_text(self.pdf, name, width=w * 0.92, height=h * 0.9, max_pt=14, min_pt=NAME_MIN_PT, max_lines=2,
                        prefer_one_line_pt=NAME_MIN_PT)

    def _seat(self, seat: Seat, view: _View, box: tuple[float, float], texts: bool, big: bool,
              rank_badges: bool) -> None:
        pdf = self.pdf
        cx, cy, w, h, turn = self._marker(seat, view, box)
        person = self.people.get(seat.id)
        if person is not None:
            pdf.set_fill_color(*self.fill[person.unit])
        elif SeatTag.RESERVED in seat.tags:
            pdf.set_fill_color(225, 225, 225)
        else:
            pdf.set_fill_color(255, 255, 255)
        if seat.is_dais or SeatTag.HOST_SEAT in seat.tags:
            pdf.set_draw_color(*_DAIS_EDGE)
            pdf.set_line_width(0.45)
        else:
            pdf.set_draw_color(120, 120, 120)
            pdf.set_line_width(0.2)
        if abs(turn) > 1e-6 and abs(turn - 180) > 1e-6:
            with pdf.rotation(-turn, x=cx, y=cy):
                pdf.rect(cx - w / 2, cy - h / 2, w, h, style="DF")
            w = h = min(w, h)
        else:
            pdf.rect(cx - w / 2, cy - h / 2, w, h, style="DF")
        if not texts:
            return
        mark = seat.mark
        if person is not None:
            top_h = h * (0.34 if big else 0.0)
            if big or rank_badges:
                order = seat.number if seat.table else person.rank  # place number at a table, else 排序
                badge = f"{order}" if rank_badges and order else ""
                head = " ".join(t for t in (badge, f"{seat.number}号" if not rank_badges else "", mark) if t)
                if head:
                    text_in_box(pdf, head, x=cx - w / 2, y=cy - h / 2 + 0.5, width=w, height=max(top_h - 1, 2),
                                max_pt=22 if big else 16, min_pt=5, color=_DAIS_EDGE if rank_badges else (90, 90, 90), max_lines=1)
            fitted = self._name_fit(seat, w, h, big)
            if big:  # a close-up always prints the name (the leaders approve names, not seat numbers)
                if (fitted.size_pt < NAME_FLOOR_PT - 1e-6 or len(fitted.lines) > 3) and seat.id not in self.warned:
                    self.warned.add(seat.id)
                    where = person.source.describe() or "the list"
                    warnings.warn(f"{where}: the name {person.name!r} does not fit its seat on the close-up sheet "
                                  f"in 3 lines at {NAME_FLOOR_PT:g} pt; it is printed in {len(fitted.lines)} lines "
                                  f"at {fitted.size_pt:.1f} pt. Check the printed sheet, or shorten the name in the "
                                  "list (a short form the leaders accept)", stacklevel=2)
                draw_fitted(pdf, fitted, cx=cx, top=cy - h / 2 + top_h + (h - top_h) * 0.05, height=(h - top_h) * 0.9)
                return
            if fitted.size_pt >= NAME_MIN_PT - 1e-6 and not fitted.lines[-1].endswith("…"):
                draw_fitted(pdf, fitted, cx=cx, top=cy - h / 2 + top_h + (h - top_h) * 0.05, height=(h - top_h) * 0.9)
                return
        label = f"{seat.number}{mark}"
        if SeatTag.RESERVED in seat.tags and person is None:
            label = f"留{seat.number}"
        pdf.set_font(FONT, size=NAME_MIN_PT)
        if pdf.get_string_width(label) <= w * 0.95:
            text_in_box(pdf, label, x=cx - w / 2, y=cy - h / 2, width=w, height=h, max_pt=min(12, h / PT_TO_MM / 1.3),
                        min_pt=NAME_MIN_PT * 0.7, grey=40, max_lines=1)

    def _unit_runs(self, seats: Sequence[Seat], boxes: dict[str, tuple[float, float]], *,
                   with_dais: bool = False) -> list[list[Seat]]:
        """Every run of one unit's seats next to each other in a row (rows sections, and the dais
        ``with_dais``), row by row, left to right on the page: a unit split by an aisle, a block or a page
        boundary has one run per part."""
        rows: dict[tuple[str, int], list[Seat]] = {}
        for s in seats:
            if ((s.section.partition("-")[0] in _ROW_SECTIONS or (with_dais and s.is_dais)) and not s.table
                    and s.id in self.people):
                rows.setdefault((s.section, s.row), []).append(s)
        runs: list[list[Seat]] = []
        for key in sorted(rows):
            members = sorted(rows[key], key=lambda s: s.x)
            for k, s in enumerate(members):
                pitch = boxes[s.section][0] * 2.2
                prev = members[k - 1] if k else None
                if prev is not None and self.people[prev.id].unit == self.people[s.id].unit and s.x - prev.x <= pitch:
                    runs[-1].append(s)
                else:
                    runs.append([s])
        return runs

    def unit_label(self, unit: str) -> str:
        """The unit's label: its name and head count."""
        return f"{unit or '未填单位'} {self.counts[unit]}人"

    def unit_number(self, unit: str) -> int:
        """The unit's number in the key (1 for the first unit in hand-out order)."""
        return self.units.index(unit) + 1

    def _label_runs(self, runs: Sequence[Sequence[Seat]], view: _View, boxes: dict[str, tuple[float, float]],
                    band: float, limits: tuple[float, float], *, dry: bool = False) -> dict[int, str]:
        """Label every run: in the gap above its row (``band`` mm high) or, with ``band`` 0, over its seats.

        The label is the unit's name and head count at :data:`NAME_MIN_PT` or more (on two lines when the
        band holds two); it may run beyond its own seats over the part of the row its neighbours' labels
        leave free. When even that is too narrow, the label is the unit's key number and head count
        (“（12）10人”), or the key number alone; the page then lists those numbers in a note. Returns the
        key numbers used that way with the units' labels.
        """
        pdf = self.pdf
        notes: dict[int, str] = {}
        line = NAME_MIN_PT * PT_TO_MM * 1.2
        by_row: dict[tuple[str, int], list[Sequence[Seat]]] = {}
        for run in runs:
            by_row.setdefault((run[0].section, run[0].row), []).append(run)
        for row_runs in by_row.values():
            spans = []
            for run in row_runs:
                w, h = boxes[run[0].section]
                xa, ya = view.at(min(s.x for s in run) - w / 2, max(s.y for s in run) + h / 2)
                xb, yb = view.at(max(s.x for s in run) + w / 2, min(s.y for s in run) - h / 2)
                spans.append((xa, xb, ya, yb))
            end = limits[0]
            for k, (run, (xa, xb, ya, yb)) in enumerate(zip(row_runs, spans, strict=True)):
                unit = self.people[run[0].id].unit
                lo = max(end + 0.6, xa - (3.0 if k == 0 else 0.0), limits[0])
                hi = min(spans[k + 1][0] + 0.3 if k + 1 < len(spans) else xb + 3.0, limits[1])
                if k + 1 < len(spans):  # leave the next run at least its own seats' width... or its number
                    nxt = spans[k + 1]
                    hi = min(max(hi, nxt[0] + (nxt[1] - nxt[0]) / 2 - 4.0), (nxt[0] + nxt[1]) / 2 - 4.0) \
                        if nxt[1] - nxt[0] < 8.0 else hi
                    hi = max(hi, xb)
                top, height = (ya - band - 0.3, band) if band else (ya, yb - ya)
                room = max(hi - lo, xb - xa) - 1.0
                full = self.unit_label(unit)
                size = min(12.0, height * 0.96 / (PT_TO_MM * 1.2))
                fitted = fit_text(pdf, full, width=room, height=height * 0.96, max_pt=max(size, NAME_MIN_PT),
                                  min_pt=NAME_MIN_PT, max_lines=2 if height >= 2 * line else 1,
                                  prefer_one_line_pt=NAME_MIN_PT)
                if fitted.size_pt < NAME_MIN_PT - 1e-6 or fitted.lines[-1].endswith("…"):
                    number = self.unit_number(unit)
                    notes[number] = full
                    for short in (f"（{number}）{self.counts[unit]}人", f"（{number}）"):
                        fitted = FittedText(NAME_MIN_PT, (short,))
                        if text_width(pdf, short, NAME_MIN_PT) <= room:
                            break
                width = max(text_width(pdf, ln, fitted.size_pt) for ln in fitted.lines) + 1.0
                width = max(width, min(xb - xa, hi - lo))
                left = min(max((xa + xb) / 2 - width / 2, lo), max(hi - width, lo))
                end = left + width
                if dry:
                    continue
                pdf.set_fill_color(255, 255, 255)
                pdf.set_draw_color(40, 40, 40)
                pdf.set_line_width(0.3)
                pdf.rect(left, top, width, height, style="DF")
                draw_fitted(pdf, fitted, cx=left + width / 2, top=top + height * 0.02, height=height * 0.96)
        return notes

    def _number_runs(self, runs: Sequence[Sequence[Seat]], view: _View, boxes: dict[str, tuple[float, float]]) -> None:
        """An overview: each unit's key number on every run of two seats or more (on its longest run when
        it has none), so no block is told by colour alone."""
        pdf = self.pdf
        longest: dict[str, Sequence[Seat]] = {}
        for run in runs:
            unit = self.people[run[0].id].unit
            if len(run) > len(longest.get(unit, ())):
                longest[unit] = run
        chosen = [r for r in runs if len(r) >= 2 or longest[self.people[r[0].id].unit] is r]
        pitch = (self._row_gap(self.problem.seats) + min(h for _, h in boxes.values())) * view.sy
        for run in chosen:
            w, h = boxes[run[0].section]
            xa, ya = view.at(min(s.x for s in run) - w / 2, max(s.y for s in run) + h / 2)
            xb, yb = view.at(max(s.x for s in run) + w / 2, min(s.y for s in run) - h / 2)
            text = str(self.unit_number(self.people[run[0].id].unit))
            fitted = fit_text(pdf, text, width=(xb - xa) * 0.9, height=(yb - ya) * 0.95, max_pt=10, min_pt=5.5,
                              max_lines=1)
            if fitted.size_pt < _NUMBER_PT and pitch >= _NUMBER_PT * PT_TO_MM * 1.2:
                fitted = FittedText(_NUMBER_PT, (text,))  # a tag a little larger than the seats, within the rows' pitch
            tw = text_width(pdf, text, fitted.size_pt) + 0.8
            cx, cy = (xa + xb) / 2, (ya + yb) / 2
            th = fitted.line_mm
            pdf.set_fill_color(255, 255, 255)
            pdf.set_draw_color(60, 60, 60)
            pdf.set_line_width(0.15)
            pdf.rect(cx - tw / 2, cy - th / 2, tw, th, style="DF")
            draw_fitted(pdf, fitted, cx=cx, top=cy - th / 2, height=th)

    def _note_lines(self, notes: dict[int, str], width: float) -> list[str]:
        text = "图中编号： " + "； ".join(f"（{k}）{notes[k]}" for k in sorted(notes))
        return wrap_text(self.pdf, text, width, NAME_MIN_PT)

    def _notes(self, notes: dict[int, str], area: tuple[float, float, float, float]) -> None:
        """The units this page labels by their key number only, under the drawing and its scale bar (the
        drawing was made smaller to leave them room)."""
        if not notes:
            return
        fitted = FittedText(NAME_MIN_PT, tuple(self._note_lines(notes, area[2])))
        draw_fitted(self.pdf, fitted, cx=0.0, left=area[0], top=area[1] + area[3] + 7.0, height=fitted.height_mm)

    def _row_gap(self, seats: Sequence[Seat]) -> float:
        """Clear space between the rows of the floor sections, metres (0 when there are none)."""
        boxes = _seat_box(seats)
        gaps = []
        rows: dict[str, dict[int, float]] = {}
        for s in seats:
            if not s.is_dais and not s.table:
                rows.setdefault(s.section, {}).setdefault(s.row, s.y)
        for section, ys in rows.items():
            ordered = [ys[r] for r in sorted(ys)]
            for a, b in itertools.pairwise(ordered):
                gaps.append(abs(a - b) - boxes[section][1])
        return min(gaps) if gaps else 0.0

    def _label_run(self, run: tuple[str, ...], text: str, view: _View, boxes: dict[str, tuple[float, float]],
                   above: float = 0.0) -> None:
        """The unit's label over its run of seats, or in the gap just above it (``above`` mm high)."""
        pdf = self.pdf
        seats = [self.problem.seat(sid) for sid in run]
        w, h = boxes[seats[0].section]
        xa, ya = view.at(min(s.x for s in seats) - w / 2, max(s.y for s in seats) + h / 2)
        xb, yb = view.at(max(s.x for s in seats) + w / 2, min(s.y for s in seats) - h / 2)
        if above:
            ya, yb = ya - above - 0.3, ya - 0.3
        fitted = fit_text(pdf, text, width=(xb - xa) * 0.96, height=(yb - ya) * 0.96, max_pt=12, min_pt=5,
                          max_lines=1 if above else 2, prefer_one_line_pt=6)
        pdf.set_fill_color(255, 255, 255)
        pdf.set_draw_color(40, 40, 40)
        pdf.set_line_width(0.3)
        pdf.rect(xa, ya, xb - xa, yb - ya, style="DF")
        draw_fitted(pdf, fitted, cx=(xa + xb) / 2, top=ya + (yb - ya) * 0.02, height=(yb - ya) * 0.96)

    def _row_labels(self, seats: Sequence[Seat], view: _View, boxes: dict[str, tuple[float, float]],
                    big: bool = False) -> None:
        rows: dict[tuple[str, int], list[Seat]] = {}
        for s in seats:
            if not s.table and (s.section.partition("-")[0] in ("floor", "balcony", "gallery") or s.is_dais):
                rows.setdefault((s.section, s.row), []).append(s)
        pdf = self.pdf
        dais_rows = {r for (sec, r) in rows if sec.startswith("dais")}
        for (section, row), members in rows.items():
            w, h = boxes[section]
            left = min(members, key=lambda s: s.x)
            right = max(members, key=lambda s: s.x)
            if section.startswith("dais"):
                text = "主席台" if len(dais_rows) == 1 else f"第{row}排"
            else:
                text = f"{row}排"
            size = min(16.0 if big else 10.0, max(6.0, h * view.sy / PT_TO_MM * (0.3 if big else 0.8)))
            pdf.set_font(FONT, size=size)
            pdf.set_text_color(90, 90, 90)
            lx, ly = view.at(left.x - w / 2, left.y)
            rx, ry = view.at(right.x + w / 2, right.y)
            tw = pdf.get_string_width(text)
            pdf.text(max(lx - tw - 1.0, 1.0), ly + size * PT_TO_MM * 0.36, text)
            pdf.text(min(rx + 1.0, self.page_w - tw - 1.0), ry + size * PT_TO_MM * 0.36, text)
        pdf.set_text_color(0, 0, 0)

    def _scale_bar(self, view: _View, area: tuple[float, float, float, float]) -> None:
        pdf = self.pdf
        if not view.to_scale:
            text_in_box(pdf, "示意图：左右次序和前后排次如实，尺寸不按比例", x=area[0], y=area[1] + area[3] + 0.5,
                        width=area[2] / 2, height=5, max_pt=8, min_pt=6, grey=90, max_lines=1)
            return
        target = 40.0  # mm of paper
        metres = max(1, round(target / view.scale)) if view.scale < target else 1
        for nice in (1, 2, 5, 10, 20, 50, 100):
            if nice >= metres:
                metres = nice
                break
        length = metres * view.scale
        x = area[0] + 2
        y = area[1] + area[3] + 3
        pdf.set_draw_color(0, 0, 0)
        pdf.set_line_width(0.5)
        pdf.line(x, y, x + length, y)
        pdf.line(x, y - 1.2, x, y + 1.2)
        pdf.line(x + length, y - 1.2, x + length, y + 1.2)
        pdf.set_font(FONT, size=8)
        pdf.text(x + length + 2, y + 1, f"{metres} 米　(1:{round(1000 / view.scale)})")

    def _key_entry(self, k: int) -> FittedText:
        """The ``k``-th unit's key entry (number, name, head count) at 9 pt, on as many lines as it takes."""
        unit = self.units[k]
        text = f"{unit or '未填单位'} {self.counts[unit]}人"
        return FittedText(NAME_MIN_PT, tuple(wrap_text(self.pdf, text, _KEY_COL_W - 14, NAME_MIN_PT)))

    def key_rows(self, width: float, start: int = 0) -> list[tuple[int, int, float]]:
        """The key from the ``start``-th unit in rows of columns across ``width`` mm: (first, end, height)."""
        cols = max(1, int(width // _KEY_COL_W))
        rows = []
        for first in range(start, len(self.units), cols):
            end = min(len(self.units), first + cols)
            lines = max(len(self._key_entry(k).lines) for k in range(first, end))
            rows.append((first, end, max(_KEY_LINE, lines * NAME_MIN_PT * PT_TO_MM * 1.2 + 1.8)))
        return rows

    def key(self, area: tuple[float, float, float, float], start: int = 0) -> int:
        """The units from the ``start``-th on, numbered, with their fill and head count, in columns filling
        ``area``; a long name takes more lines, never cut.

        Returns the index of the first unit that did not fit (the number of units when all did).
        """
        pdf = self.pdf
        x0, y = area[0], area[1]
        end = start
        for first, last, height in self.key_rows(area[2], start):
            if y + height > area[1] + area[3] + 1e-6 and end > start:
                break
            for k in range(first, last):
                x = x0 + (k - first) * _KEY_COL_W
                pdf.set_fill_color(*self.fill[self.units[k]])
                pdf.set_draw_color(120, 120, 120)
                pdf.set_line_width(0.2)
                pdf.rect(x, y + 1, 5, 4, style="DF")
                fitted = self._key_entry(k)
                number = FittedText(NAME_MIN_PT, (str(k + 1),))
                draw_fitted(pdf, number, cx=x + 9.5, top=y + 0.6, height=number.height_mm)
                draw_fitted(pdf, fitted, cx=0.0, left=x + 12.5, top=y + 0.6, height=fitted.height_mm)
            y += height
            end = last
        return end

    def key_pages(self, start: int) -> None:
        """The rest of the key from the ``start``-th unit, on as many pages as it takes (单位一览)."""
        total = len(self.units)
        more = start > 0
        while start < total:
            self.begin("单位一览（续）" if more else "单位一览")
            more = True
            end = self.key(_plan_area(self), start)
            self.footer(f"单位一览：第 {start + 1}–{end} 个单位，共 {total} 个")
            start = end


_HANG = " ·・\u3000"  # a word mark at the end of a line may hang into the margin


def _pack_words(pdf: FPDF, words: Sequence[str], width: float, size: float, *, split: bool = False) -> list[str] | None:
    """``words`` packed greedily into lines no wider than ``width`` at ``size`` (a word mark ending a line
    hangs); None if one word is wider, unless ``split``, which breaks such a word between its characters."""
    lines: list[str] = []

    def fits(text: str) -> bool:
        return text_width(pdf, text.rstrip(_HANG), size) <= width + 1e-6

    for word in words:
        pieces = [word]
        if not fits(word):
            if not split:
                return None
            pieces = list(word)
        for piece in pieces:
            if lines and fits(lines[-1] + piece):
                lines[-1] += piece
            else:
                lines.append(piece)
    return [line.rstrip(" \u3000") for line in lines]


def _close_up_name(pdf: FPDF, name: str, width: float, height: float, max_pt: float) -> FittedText:
    """A name set for a close-up sheet: always the whole name, never cut.

    In order: the largest size (``max_pt`` down to :data:`NAME_MIN_PT`) at which
    the name fits one line, or up to three lines broken after its word marks
    ("阿不都热合曼·" / "买买提·" / "艾力江", "Rui " / "Carvalho"); then the same
    down to :data:`NAME_FLOOR_PT`; then broken inside a too-long word at the
    floor; and when even that does not fit the box, the size at which it does
    (the caller warns about a name below the floor).
    """
    words = [w for w in re.split(r"(?<=[ ·・\u3000])", name) if w]
    line_mm = PT_TO_MM * 1.2
    size = max(max_pt, NAME_MIN_PT)
    one = text_width(pdf, name, 100.0)
    one_pt = min(size, 100.0 * width * 0.9 / one if one > 0 else size, height / line_mm)  # a margin each side
    if one_pt >= min(size, 18.0):  # one line reads better than a larger name broken in two
        return FittedText(one_pt, (name,))
    while size >= NAME_FLOOR_PT - 1e-6:
        lines = _pack_words(pdf, words, width, size)
        if lines is not None and len(lines) == 1 and text_width(pdf, lines[0], size) > width * 0.9:
            lines = None
        if lines is not None and len(lines) <= 3 and len(lines) * size * line_mm <= height + 1e-6:
            return FittedText(size, tuple(lines))
        size = size * 0.95 if size * 0.95 >= NAME_FLOOR_PT else (NAME_FLOOR_PT if size > NAME_FLOOR_PT else 0.0)
    size = NAME_FLOOR_PT
    while True:
        lines = _pack_words(pdf, words, width, size, split=True) or [name]
        if len(lines) * size * line_mm <= height + 1e-6 or size <= 3.0:
            return FittedText(size, tuple(lines))
        size *= 0.94


def _groups(seats: Sequence[Seat]) -> list[tuple[str, list[Seat]]]:
    """Seats by section, and floor/balcony sections by block between aisles."""
    groups: dict[str, list[Seat]] = {}
    for s in sorted(seats, key=handout_key):
        block = next((t for t in sorted(s.tags) if t.startswith("block-")), "")
        groups.setdefault(f"{s.section}|{block}", []).append(s)

    def order(item: tuple[str, list[Seat]]) -> tuple[object, ...]:
        first = item[1][0]
        block = item[0].partition("|")[2].removeprefix("block-")
        return (handout_key(first)[0], first.section, int(block) if block.isdigit() else 0)

    return sorted(groups.items(), key=order)


def _fits(drawer: _Drawer, seats: Sequence[Seat], area: tuple[float, float, float, float], whole: bool) -> bool:
    """True if every seat number fits its marker at :data:`NAME_MIN_PT` on one page of ``area``."""
    view = _fit_view(_bounds(drawer.problem, seats, whole), area)
    boxes = _seat_box(seats)
    drawer.pdf.set_font(FONT, size=NAME_MIN_PT)
    widest = drawer.pdf.get_string_width("88译")
    return all(boxes[s.section][0] * view.scale >= widest and boxes[s.section][1] * view.scale >= 4.0 for s in seats)


def write_plan_pdf(
    problem: SeatingProblem,
    plan: Plan | None,
    path: str | os.PathLike[str],
    *,
    title: str = "",
    date: str = "",
    paper: str = "A3",
    labels: dict[str, str] | None = None,
) -> int:
    """Write the hall plan (plan.pdf) on ``paper`` (A4 or A3, landscape); returns the number of pages.

    One page when every seat number fits at :data:`NAME_MIN_PT` (names are
    written where they fit too); otherwise an overview page with the key,
    then one page per section or block of seats.
    """
    pdf = new_pdf(resolve_font(None, serif=False), title=f"{title} 座次图" if title else "座次图", subject="座次图",
                  orientation="landscape", paper=paper)
    frame = "台下视角：主席台（台上）在上方，正门在下方" if any(s.is_dais for s in problem.seats) else "平面图：正门在下方"
    drawer = _Drawer(pdf, problem, plan, title=title, date=date, paper=paper, labels=labels, frame=frame)
    seats = tuple(problem.seats)
    area = _plan_area(drawer)
    key_h = sum(h for _, _, h in drawer.key_rows(area[2])) + 2
    if key_h < area[3] * 0.3:
        room_area = (area[0], area[1], area[2], area[3] - key_h - 6)
    else:  # a long key goes on pages of its own after the drawing
        room_area = area
    keyed = 0
    if _fits(drawer, seats, room_area, True):
        drawer.begin("座次图")
        drawer.draw(_Page("座次图", seats, True), room_area)
        if room_area is not area:
            keyed = drawer.key((area[0], room_area[1] + room_area[3] + 6, area[2], key_h))
        rows = any(s.section.partition("-")[0] in _ROW_SECTIONS for s in seats)
        where = "见图下方图例" if keyed else "见单位一览"
        drawer.footer(f"共 {len(drawer.people)} 人" + ("　各单位区块上注明单位和人数" if rows else f"　各单位{where}"))
        drawer.key_pages(keyed)
    else:
        drawer.begin("座次图 总图")
        drawer.draw(_Page("总图", seats, True, texts=False), room_area)
        # the overview names the units in its key; the block pages label them on the drawing
        if room_area is not area:
            keyed = drawer.key((area[0], room_area[1] + room_area[3] + 6, area[2], key_h))
        drawer.footer("总图：各区块见后页" + ("" if keyed == len(drawer.units) else "　单位一览见下页"))
        drawer.key_pages(keyed)
        for group, members in _groups(seats):
            section = members[0]
            name = section_area(section, labels)
            block = group.partition("|")[2]
            heading = f"{name}" + (f" 第{block.removeprefix('block-')}区" if block else "")
            tiles = _tiles(drawer, members)
            for k, tile in enumerate(tiles, start=1):
                title = heading if len(tiles) == 1 else f"{heading}（{k}/{len(tiles)}）"
                b = _bounds(problem, tile, False)
                drawer.begin(title, portrait=(b[3] - b[1]) > (b[2] - b[0]))
                drawer.draw(_Page(title, tuple(tile), False), _plan_area(drawer))
                drawer.footer("　".join(t for t in (f"{title}　{sum(1 for s in tile if s.id in drawer.people)} 人",
                                                    drawer.doors_text(tile)) if t))
    atomic_write_bytes(path, pdf_bytes(pdf))
    return drawer.pages


def _tiles(drawer: _Drawer, seats: Sequence[Seat]) -> list[list[Seat]]:
    """``seats`` cut into pieces that each fit one page with every seat number readable.

    A group that fits (in either orientation) is one piece; a larger one is cut
    into a grid of equal rectangles in the plan, rows kept whole where they can.
    """
    long_side, short_side = max(drawer.page_w, drawer.page_h), min(drawer.page_w, drawer.page_h)
    land = (0.0, 0.0, long_side - 2 * _MARGIN - 24, short_side - 2 * _MARGIN - _HEADER - _FOOTER)
    port = (0.0, 0.0, short_side - 2 * _MARGIN - 24, long_side - 2 * _MARGIN - _HEADER - _FOOTER)
    if _fits(drawer, seats, land, False) or _fits(drawer, seats, port, False):
        return [list(seats)]
    boxes = _seat_box(seats)
    drawer.pdf.set_font(FONT, size=NAME_MIN_PT)
    need = max(drawer.pdf.get_string_width("88译") / min(b[0] for b in boxes.values()), 4.0 / min(b[1] for b in boxes.values()))
    tile_w, tile_h = land[2] / need * 0.95, land[3] / need * 0.95  # metres that fit a landscape page
    xmin, ymin, xmax, ymax = _bounds(drawer.problem, seats, False)
    nx = max(1, math.ceil((xmax - xmin) / tile_w))
    ny = max(1, math.ceil((ymax - ymin) / tile_h))
    grid: dict[tuple[int, int], list[Seat]] = {}
    for s in seats:
        i = min(nx - 1, int((s.x - xmin) / (xmax - xmin) * nx)) if xmax > xmin else 0
        j = min(ny - 1, int((ymax - s.y) / (ymax - ymin) * ny)) if ymax > ymin else 0
        grid.setdefault((j, i), []).append(s)
    return [grid[key] for key in sorted(grid)]


def _plan_area(drawer: _Drawer) -> tuple[float, float, float, float]:
    top = _MARGIN + _HEADER - 4
    return (_MARGIN + 12, top, drawer.page_w - 2 * _MARGIN - 24, drawer.page_h - top - _MARGIN - _FOOTER - 2)


def write_dais_sheet(
    problem: SeatingProblem,
    plan: Plan | None,
    path: str | os.PathLike[str],
    *,
    title: str = "",
    date: str = "",
    heading: str = "主席台座次图",
    select: Callable[[Seat], bool] | None = None,
) -> bool:
    """Write the dais sheet (主席台座次图, 领导审定) on A4 landscape; returns False when there is no such seat.

    Audience view, rows front to back (the front row nearest the bottom of the
    page, as the audience sees it), large names with their rank numbers and row
    labels. ``select`` chooses the seats (default: the dais); a banquet passes
    its head table, talks and signings every seat, so the furniture fills the page.
    """
    chosen = tuple(s for s in problem.seats if (select or (lambda s: s.is_dais))(s))
    if not chosen:
        return False
    pdf = new_pdf(resolve_font(None, serif=False), title=f"{title} {heading}" if title else heading, subject=heading,
                  orientation="landscape")
    frame = "台下视角：面向主席台，左右以观众为准" if any(s.is_dais for s in chosen) else "俯视图：正门在下方"
    drawer = _Drawer(pdf, problem, plan, title=title, date=date, paper="A4", labels=None, frame=frame)
    xmin, ymin, xmax, ymax = _bounds(problem, chosen, False)
    drawer.begin(heading, portrait=(ymax - ymin) > (xmax - xmin))
    x, y, w, h = _plan_area(drawer)
    # Seats in straight rows (a dais, a signing, the sides of a talks table) may be spread to fill the page: the
    # order left to right and front to back is what the leaders approve; chairs about a round table keep the
    # plan's proportions.
    upright = all(abs(s.facing % 90.0) < 1e-6 for s in chosen)
    drawer.draw(_Page(heading, chosen, False), (x + 8, y, w - 16, h), big=True, rank_badges=True, locator_room=50.0,
                stretch=_STRETCH if upright else 1.0)
    drawer.footer("　".join(t for t in ("红字为排序号　请领导审定", drawer.doors_text(chosen)) if t))
    atomic_write_bytes(path, pdf_bytes(pdf))
    return True


def write_table_plan(
    problem: SeatingProblem,
    plan: Plan | None,
    path: str | os.PathLike[str],
    *,
    title: str = "",
    date: str = "",
    paper: str = "A3",
) -> None:
    """Write the banquet table plan (桌次图): every table with its number and host, the doors and the key."""
    pdf = new_pdf(resolve_font(None, serif=False), title=f"{title} 桌次图" if title else "桌次图", subject="桌次图",
                  orientation="landscape", paper=paper)
    drawer = _Drawer(pdf, problem, plan, title=title, date=date, paper=paper, labels=None,
                     frame="平面图：正门在下方，桌号和主人见各桌")
    drawer.begin("桌次图")
    area = _plan_area(drawer)
    drawer.draw(_Page("桌次图", tuple(problem.seats), True), area)
    drawer.footer(f"共 {len({s.table for s in problem.seats if s.table})} 桌 {len(drawer.people)} 人")
    atomic_write_bytes(path, pdf_bytes(pdf))
