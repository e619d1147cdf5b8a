"""The meeting pack: the sheets an office prints and hands out, beyond the seat list and cards.

:func:`write_pack` writes, into the folder :func:`seatplan.pipeline.write_outputs`
is filling, the sign-in sheets, the unit notices (PDF and csv), the per-attendee
notice texts (when the plan has a template), the supplies sheet, the seat
inventory and the hall plan on paper. :data:`PACK_FILES` names them; the plan's
``[outputs]`` table may turn any of them off.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from seatplan.export.records import SeatRecord
from seatplan.model import Meeting, OutputSpec, Plan, Seat, SeatingProblem
from seatplan.model.seats import SeatTag
from seatplan.model.venue import Door

if TYPE_CHECKING:
    from seatplan.export.cards import NameCard

#: Files of the pack, in the order they are written.
PACK_FILES = (
    "plan.pdf",
    "dais.pdf",
    "tables.pdf",
    "table-lists.pdf",
    "table-cards.pdf",
    "signin.pdf",
    "signin-all.pdf",
    "notices.pdf",
    "notices.csv",
    "notice-texts.csv",
    "supplies.pdf",
    "inventory.csv",
)

_EXIT_WORDS = ("安全出口", "疏散", "应急", "emergency", "exit")


def door_word(door: Door, bounds: tuple[float, float, float, float]) -> str:
    """What to call a door in a notice: its name, else where it is in audience view (后门, 左侧门...)."""
    if door.name:
        return door.name
    x0, y0, x1, y1 = bounds
    sides = {"后门": abs(door.y - y0), "前门": abs(door.y - y1), "左侧门": abs(door.x - x0), "右侧门": abs(door.x - x1)}
    return min(sides, key=lambda k: sides[k])


def unit_doors(problem: SeatingProblem, records: Sequence[SeatRecord]) -> dict[str, str]:
    """The entrance nearest to each unit's seats (emergency exits are not entrances)."""
    venue = problem.layout.venue
    entrances = [d for d in venue.doors if not any(w in d.name.lower() for w in _EXIT_WORDS)]
    if not entrances:
        entrances = [d for d in venue.doors if d.main] or list(venue.doors)
    if not entrances:
        return {}
    bounds = venue.bounds
    centres: dict[str, list[tuple[float, float]]] = {}
    for r in records:
        centres.setdefault(r.unit, []).append((r.x, r.y))
    out: dict[str, str] = {}
    for unit, points in centres.items():
        cx = sum(p[0] for p in points) / len(points)
        cy = sum(p[1] for p in points) / len(points)
        door = min(entrances, key=lambda d: ((d.x - cx) ** 2 + (d.y - cy) ** 2, not d.main))
        out[unit] = door_word(door, bounds)
    return out


def _close_up(meeting: Meeting, problem: SeatingProblem) -> tuple[str, Callable[[Seat], bool] | None]:
    """Which seats the A4 close-up sheet shows, and its heading.

    The dais at a meeting (主席台座次图); the head table at a banquet (主桌座次图);
    every seat at talks, receptions, signings and in meeting rooms (座次图), where
    the furniture is the whole plan. Halls without a dais get none.
    """
    if any(s.is_dais for s in problem.seats):
        return "主席台座次图", lambda s: s.is_dais
    if any(SeatTag.MAIN_TABLE in s.tags for s in problem.seats):
        return "主桌座次图", lambda s: SeatTag.MAIN_TABLE in s.tags
    if any(s.table for s in problem.seats):
        first = min((s.table for s in problem.seats if s.table), key=lambda t: (len(t), t))
        return "主桌座次图", lambda s: s.table == first
    if len(problem.seats) <= 80:
        return "座次图", lambda s: True
    return "", None


def pack_texts(meeting: Meeting, problem: SeatingProblem, records: Sequence[SeatRecord]) -> list[str]:
    """Every data text the pack's PDFs may print (for one shared font subset)."""
    texts = [meeting.title, meeting.date, *(d.name for d in problem.layout.venue.doors)]
    texts += [meeting.balcony.label if meeting.balcony is not None else ""]
    texts += [s.label for s in problem.layout.shapes]
    for a in problem.attendees:
        texts += [a.name, a.unit, a.title, a.foreign_name]
    for r in records:
        texts += [r.label, r.area, r.mark, r.table]
    texts += [s.describe() for s in problem.seats]
    return texts


#: Columns of inventory.csv (and the 座位总表 sheet of seats.xlsx).
INVENTORY_COLUMNS = ("seat_id", "area", "section", "table", "row", "seat", "label", "mark", "tags", "status", "id",
                     "name", "unit")


def inventory_rows(problem: SeatingProblem, plan: Plan, labels: Mapping[str, str]) -> list[list[str]]:
    """Every seat, occupied or empty, with its tags, in hand-out order."""
    from seatplan.export.records import handout_key, seat_label, section_area

    occupant = plan.occupant_of()
    rows = []
    for seat in sorted(problem.seats, key=handout_key):
        aid = occupant.get(seat.id, "")
        person = problem.attendee(aid) if aid else None
        rows.append([
            seat.id, section_area(seat, labels), seat.section, seat.table, str(seat.row), str(seat.number),
            seat_label(seat, labels), seat.mark, " ".join(sorted(seat.tags)),
            "occupied" if person else "empty", aid, person.name if person else "", person.unit if person else "",
        ])
    return rows


def write_inventory_csv(rows: Sequence[Sequence[str]], path: Path) -> None:
    """Write inventory.csv (:data:`INVENTORY_COLUMNS`)."""
    from seatplan.files import atomic_write_bytes, csv_bytes

    atomic_write_bytes(path, csv_bytes(INVENTORY_COLUMNS, rows))


def _table_card(name: str) -> NameCard:
    """The table-number card (桌号牌) of a table named ``name``: ``"5号桌"``; the main table ``"主桌"`` with its
    number ``"1号桌"`` under it (:func:`seatplan.model.seats.table_name`)."""
    from seatplan.export.cards import NameCard

    main, _, numbered = name.partition("（")
    return NameCard(main, second_line=numbered.rstrip("）")) if numbered else NameCard(name)


def write_pack(
    meeting: Meeting,
    problem: SeatingProblem,
    plan: Plan,
    records: Sequence[SeatRecord],
    folder: Path,
    *,
    labels: Mapping[str, str],
    name_cards: int,
    seat_cards: int,
    enabled: Sequence[str] = PACK_FILES,
    timings: dict[str, float] | None = None,
) -> tuple[list[str], dict[str, int | bool]]:
    """Write the pack files named in ``enabled`` into ``folder``.

    ``timings``, when given, receives the CPU seconds of each file written (``seatplan bench``).

    Returns
    -------
    tuple
        The file names written, and the supplies counts for summary.json.
    """
    from seatplan.export.cards import write_name_cards
    from seatplan.export.plan_sheet import write_dais_sheet, write_plan_pdf, write_table_plan
    from seatplan.export.sheets import (
        build_unit_notices,
        count_supplies,
        render_notice_texts,
        write_notice_texts_csv,
        write_signin_sheets,
        write_supplies_sheet,
        write_table_lists,
        write_unit_notices,
        write_unit_notices_csv,
    )

    written: list[str] = []
    doors = unit_doors(problem, records)
    title, date = meeting.title, meeting.date
    spec = meeting.outputs or OutputSpec()
    template, half_days = spec.notice_template, spec.half_days
    notices = build_unit_notices(records, doors)
    supplies = count_supplies(records, name_cards=name_cards, seat_cards=seat_cards, half_days=half_days, date=date)
    is_banquet = any(s.table for s in problem.seats)
    paper = str(spec.paper)
    for name in PACK_FILES:
        if name not in enabled:
            continue
        path = folder / name
        start = time.process_time()
        if name == "plan.pdf":
            write_plan_pdf(problem, plan, path, title=title, date=date, paper=paper, labels=dict(labels))
        elif name == "dais.pdf":
            heading, select = _close_up(meeting, problem)
            if select is None or not write_dais_sheet(problem, plan, path, title=title, date=date, heading=heading,
                                                       select=select):
                continue
        elif name == "tables.pdf":
            if not is_banquet:
                continue
            write_table_plan(problem, plan, path, title=title, date=date, paper=paper)
        elif name == "table-lists.pdf":
            if not is_banquet:
                continue
            write_table_lists(records, path, title=title, date=date)
        elif name == "table-cards.pdf":
            if not is_banquet:
                continue
            tables = sorted({(s.table, s.table_name) for s in problem.seats if s.table},
                            key=lambda t: (len(t[0]), t[0]))
            write_name_cards([_table_card(name) for _, name in tables], path,
                             space_two_char_names=False, title=f"{title} 桌号牌", serif=meeting.cards.serif,
                             font=meeting.cards.font or None)
        elif name == "signin.pdf":
            write_signin_sheets(records, path, title=title, date=date, per_unit=True)
        elif name == "signin-all.pdf":
            write_signin_sheets(records, path, title=title, date=date, per_unit=False)
        elif name == "notices.pdf":
            write_unit_notices(notices, path, title=title, date=date)
        elif name == "notices.csv":
            write_unit_notices_csv(notices, path)
        elif name == "notice-texts.csv":
            if not template:
                continue
            texts = render_notice_texts(records, template, meeting=title, date=date, doors=doors,
                                        source=str(meeting.source or ""))
            write_notice_texts_csv(records, texts, path)
        elif name == "supplies.pdf":
            write_supplies_sheet(supplies, path, title=title, date=date)
        elif name == "inventory.csv":
            write_inventory_csv(inventory_rows(problem, plan, labels), path)
        if timings is not None:
            timings[name] = time.process_time() - start
        written.append(name)
    return written, supplies.as_dict()
