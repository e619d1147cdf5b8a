"""The layout check every solve runs: fire code, clearances, dais passages (R-PHY-*).

:func:`audit_layout` holds a layout built for a plan against the fire-code profile of the plan
(``[check] profile``, GB 50016 by default) and the spacing rules, for every occasion:

* **Rows** (meeting floors and balconies, laid out by the row engine): the full
  :func:`~seatplan.layout.check.check_layout` — seats between aisles (R-PHY-1), rows between cross
  aisles (R-PHY-2), aisle widths and chairs in aisles (R-PHY-3), exits and door clear zones
  (R-PHY-4), JGJ 57 / IBC row and seat sizes (R-PHY-5/7), seats that cannot reach an aisle.
* **Dais**: chairs clear of the desks, the lectern, each other, pillars and walls; the passage
  from each chair back to the desk behind it (R-PHY-9, 0.60 m).
* **Every other layout** (banquet, reception, talks, signing, photo, meeting room): chairs clear
  of each other, pillars and walls, and of the 1.40 m clear zone inside every door (R-PHY-4; GB
  50016 5.5.19 names crowded public places and auditoria: an error in a banquet hall, a warning in
  a meeting or reception room).
* **Pillars**: every chair keeps ``obstacle_gap`` (0.10 m) from a pillar face.

A breach of the fire code (R-PHY-1…5, R-PHY-7, mandatory clauses) and a chair where no chair
can stand (on a pillar, a desk, another chair, outside the room) are **errors**: the plan is
refused with the rule, the place and a fix, unless a :class:`~seatplan.model.check.Waiver` of the
plan covers it. Advisory clauses (宜/不宜) and spacing advice (R-PHY-8/9/11) are **warnings**.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import Polygon

from seatplan.errors import GeometryError, Location
from seatplan.layout.check import check_layout
from seatplan.layout.firecode import CodeViolation, FireProfile, Severity, fire_profile
from seatplan.layout.room import (
    GeneratedLayout,
    PlacementIssue,
    PlacementKind,
    chair_polygons,
    check_seats,
    door_label,
    door_zones,
    obstacle_polygons,
    room_polygon,
)
from seatplan.layout.spacing import Spacing
from seatplan.model import Layout, Seat, Shape, ShapeKind
from seatplan.model.check import CheckSpec, FindingLevel, LayoutFinding, Waiver

__all__ = ["FIRE_CODE_RULES", "audit_layout", "audit_seats", "raise_on_errors"]

#: Rules of the fire code proper: a mandatory breach is an error.
FIRE_CODE_RULES = frozenset({"R-PHY-1", "R-PHY-2", "R-PHY-3", "R-PHY-4", "R-PHY-5", "R-PHY-7"})

#: How to fix a breach of each rule (one sentence).
FIXES = {
    "R-PHY-1": "fewer seats per row between aisles (split the block) or a wider row pitch",
    "R-PHY-2": "fewer rows, or rows_per_bank ≤ 20 so a cross aisle (横走道) comes at least every 20 rows",
    "R-PHY-3": "widen the aisle or move the chairs out of it",
    "R-PHY-4": "widen the doors or add an exit ([[venue.doors]]), seat fewer people, and keep 1.40 m inside every door free",
    "R-PHY-5": "widen the row pitch or the seat width to the JGJ 57 minimum",
    "R-PHY-7": "fewer seats per row or a wider row pitch (IBC clear width)",
    "R-PHY-8": "give each person more table length",
    "R-PHY-9": "leave 0.60 m from each chair back to the next table (a wider row pitch)",
    "R-PHY-11": "keep the walkway to walls and pillars",
}
_PLACEMENT = {
    PlacementKind.SEAT: ("R-PHY-9", "move the chairs apart (a wider seat or row pitch)"),
    PlacementKind.TABLE: ("R-PHY-9", "move the chair off the table (a wider row pitch)"),
    PlacementKind.OBSTACLE: ("R-PHY-11", "move the seat off the pillar, or mark the pillar in [[venue.obstacles]] so the layout avoids it"),
    PlacementKind.STAGE: ("R-PHY-11", "move the seat off the stage (a larger front_gap)"),
    PlacementKind.WALL: ("R-PHY-11", "move the seat inside the room (narrower blocks or fewer rows)"),
}


def audit_layout(
    layout: Layout,
    *,
    spec: CheckSpec | None = None,
    sections: Sequence[tuple[str, GeneratedLayout]] = (),
    dais_tables: Sequence[Shape] = (),
    crowded: bool = True,
    source: str | Path = "",
) -> tuple[LayoutFinding, ...]:
    """Check a plan's layout; return the findings (errors waived by the plan, and warnings).

    Parameters
    ----------
    layout
        Every seat of the plan and the venue.
    spec
        The profile and the waivers of the plan (``[check]``).
    sections
        ``(section, generated)`` of the parts laid out by the row engine (meeting floor and
        balcony); their seats get the full row check.
    dais_tables
        The dais desks and the lectern (the dais seats are checked against them).
    crowded
        The room is a crowded public place (会场, 宴会厅: GB 50016 5.5.19, R-PHY-4): a chair in a
        door's clear zone is an error; in a meeting room or a reception room it is a warning.
    source
        Plan file, for the error message.

    Returns
    -------
    tuple of LayoutFinding
        Errors the plan waived (with the reason) and warnings, in check order.

    Raises
    ------
    GeometryError
        If an error is not waived: the message names each rule, place and fix.
    """
    spec = spec or CheckSpec()
    profile = fire_profile(spec.profile)
    findings: list[LayoutFinding] = []
    in_rows: set[str] = set()
    for section, generated in sections:
        findings += _row_findings(section, generated, profile)
        in_rows |= {s.id for s in generated.seats}
    dais = [s for s in layout.seats if s.is_dais]
    if dais:
        findings += _dais_findings(dais, layout, dais_tables)
    rest = [s for s in layout.seats if s.id not in in_rows and not s.is_dais]
    if rest:
        findings += audit_seats(rest, layout, where="seats", crowded=crowded)
    return raise_on_errors(_waive(findings, spec.waive, source), source)


def _row_findings(section: str, generated: GeneratedLayout, profile: FireProfile) -> list[LayoutFinding]:
    check = check_layout(generated, profile=profile)
    out = [_placement(section, p) for p in check.placement]
    doors = bool(generated.layout.venue.doors)
    out += [_violation(section, v) for v in check.violations if doors or v.rule != "R-PHY-4"]
    if not doors:
        out.append(LayoutFinding("R-PHY-4", FindingLevel.WARNING, f"{section}, hall",
                                 "the venue has no doors, so its exits are not checked", "add [[venue.doors]] (main = true for the main door)"))
    if check.unreachable:
        ids = ", ".join(check.unreachable[:4]) + (f" and {len(check.unreachable) - 4} more" if len(check.unreachable) > 4 else "")
        out.append(LayoutFinding("R-PHY-1", FindingLevel.ERROR, section, f"{len(check.unreachable)} seats cannot reach an aisle ({ids})",
                                 "open the row to an aisle, or leave those seats out"))
    out += _pillar_gap(section, list(generated.seats), generated.layout, generated.spacing)
    return out


def _placement(section: str, issue: PlacementIssue) -> LayoutFinding:
    rule, fix = _PLACEMENT[issue.kind]
    return LayoutFinding(rule, FindingLevel.ERROR, f"{section}, seat {issue.seat_ids[0]}", issue.message, fix)


def _violation(section: str, v: CodeViolation) -> LayoutFinding:
    error = v.rule in FIRE_CODE_RULES and v.severity is Severity.MANDATORY
    level = FindingLevel.ERROR if error else FindingLevel.WARNING
    return LayoutFinding(v.rule, level, f"{section}, {v.where}", v.message, FIXES.get(v.rule, ""))


def _dais_findings(seats: list[Seat], layout: Layout, tables: Sequence[Shape]) -> list[LayoutFinding]:
    """Dais chairs clear of desks, lectern, pillars and walls; the passage behind each chair (R-PHY-9)."""
    sp = Spacing()
    desks = [Polygon(t.points) for t in tables if t.kind in (ShapeKind.TABLE, ShapeKind.LECTERN) and len(t.points) >= 3]
    out = [_placement("dais", p) for p in check_seats(seats, layout.venue, seat_size=(sp.chair_width, sp.chair_depth), tables=desks,
                                                       table_labels=[t.label or "lectern" for t in tables])]
    out += _pillar_gap("dais", seats, layout, sp)
    if not desks:
        return out
    x = np.asarray([s.x for s in seats])
    y = np.asarray([s.y for s in seats])
    f = np.asarray([s.facing for s in seats])
    chairs = chair_polygons(x, y, f, width=sp.chair_width, depth=sp.chair_depth)
    back = np.column_stack((-np.cos(np.radians(f)), -np.sin(np.radians(f))))
    short: dict[int, float] = {}
    for i, s in enumerate(seats):
        for d in desks:
            c = d.centroid
            if (c.x - s.x) * back[i, 0] + (c.y - s.y) * back[i, 1] <= sp.chair_depth / 2:
                continue  # the desk in front of the chair (its own), or beside it
            gap = float(shapely.distance(chairs[i], d))
            if gap < sp.chair_back_to_table - 0.01:
                short[s.row] = min(short.get(s.row, gap), gap)
    for row, gap in sorted(short.items()):
        out.append(LayoutFinding(
            "R-PHY-9", FindingLevel.WARNING, f"dais, row {row}",
            f"{gap:.2f} m from the chair backs to the desk behind; {sp.chair_back_to_table:.2f} m is the passage",
            "a larger dais.row_pitch",
        ))
    return out


def audit_seats(seats: Sequence[Seat], layout: Layout, *, where: str, crowded: bool = True) -> list[LayoutFinding]:
    """Chairs clear of each other, pillars, walls and door clear zones (tables and sofas of any occasion).

    A chair in a door's clear zone is an error in a crowded public place (``crowded``), else a warning.
    """
    sp = Spacing()
    venue = layout.venue
    out = [_placement(where, p) for p in check_seats(seats, venue, seat_size=(sp.chair_width, sp.chair_depth))
           if p.kind is not PlacementKind.STAGE]
    out += _pillar_gap(where, list(seats), layout, sp)
    if venue.doors:
        room = room_polygon(venue)
        x = np.asarray([s.x for s in seats])
        y = np.asarray([s.y for s in seats])
        f = np.asarray([s.facing for s in seats])
        chairs = chair_polygons(x, y, f, width=sp.chair_width, depth=sp.chair_depth, shrink=0.005)
        for i, zone in enumerate(door_zones(venue, depth=sp.door_clear_depth, room=room), start=1):
            inside = np.flatnonzero(shapely.intersects(chairs, zone))
            if len(inside):
                ids = ", ".join(seats[j].id for j in inside[:4])
                out.append(LayoutFinding(
                    "R-PHY-4", FindingLevel.ERROR if crowded else FindingLevel.WARNING,
                    f"{where}, {door_label(venue.doors[i - 1], i)}",
                    f"chairs {ids} stand within {sp.door_clear_depth:.2f} m inside the door",
                    "keep the 1.40 m inside the door free (move the furniture away from the door, or a larger room)",
                ))
    return out


def _pillar_gap(where: str, seats: list[Seat], layout: Layout, sp: Spacing) -> list[LayoutFinding]:
    """Chairs nearer a pillar face than ``obstacle_gap`` (touching or overlapping is a placement error)."""
    obstacles = obstacle_polygons(layout.venue)
    if not obstacles or not seats:
        return []
    x = np.asarray([s.x for s in seats])
    y = np.asarray([s.y for s in seats])
    f = np.asarray([s.facing for s in seats])
    chairs = chair_polygons(x, y, f, width=sp.chair_width, depth=sp.chair_depth)
    out: list[LayoutFinding] = []
    for k, o in enumerate(obstacles, start=1):
        d = shapely.distance(chairs, o)
        near = np.flatnonzero((d > 0.005) & (d < sp.obstacle_gap - 0.005))
        if len(near):
            ids = ", ".join(seats[j].id for j in near[:4])
            out.append(LayoutFinding(
                "R-PHY-11", FindingLevel.WARNING, f"{where}, pillar {k}",
                f"chairs {ids} stand {float(d[near].min()):.2f} m from the pillar; keep {sp.obstacle_gap:.2f} m",
                "move the seats away from the pillar",
            ))
    return out


def _waive(findings: list[LayoutFinding], waivers: Sequence[Waiver], source: str | Path) -> list[LayoutFinding]:
    from dataclasses import replace

    out: list[LayoutFinding] = []
    used: set[int] = set()
    for finding in findings:
        hit = next((k for k, w in enumerate(waivers) if w.matches(finding)), None)
        if hit is not None and finding.level is FindingLevel.ERROR:
            used.add(hit)
            finding = replace(finding, waived=waivers[hit].reason)
        elif hit is not None:
            used.add(hit)
        out.append(finding)
    for k, w in enumerate(waivers):
        if k not in used:
            out.append(LayoutFinding(
                w.rule, FindingLevel.WARNING, f"check.waive[{k}]",
                f"the waiver of {w.rule}{f' at {w.where!r}' if w.where else ''} matches nothing the check found",
                "remove the waiver, or correct its rule and where",
            ))
    return out


def raise_on_errors(findings: Sequence[LayoutFinding], source: str | Path = "") -> tuple[LayoutFinding, ...]:
    """Raise for the errors nobody waived; return the rest.

    Raises
    ------
    GeometryError
        Naming every unwaived error (rule, place, fix) and how to waive one.
    """
    errors = [f for f in findings if f.level is FindingLevel.ERROR and not f.waived]
    if errors:
        first = errors[0]
        lines = "; ".join(f"[{f.rule}] {f.where}: {f.message}" for f in errors[:6]) + (f"; and {len(errors) - 6} more" if len(errors) > 6 else "")
        raise GeometryError(
            f"the layout breaks the fire code or a chair cannot stand where it is: {lines}",
            location=Location(file=source, field="check", value=f"{first.rule} at {first.where}"),
            hint=f"{first.fix or 'change the layout'}; or, if the breach is accepted on purpose, waive it in the plan: "
            f'[[check.waive]] rule = "{first.rule}", where = "{first.where}", reason = "..."',
        )
    return tuple(f for f in findings if f.level is not FindingLevel.ERROR or f.waived)
