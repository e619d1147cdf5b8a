"""The arrival desk: the seat on the person's card, or seat cards front to back (R-AUD-11).

A meeting is run one of two ways (``[cards] seating`` in the plan file):

* **assigned seating** (对号入座, :attr:`DeskSeating.ASSIGNED`): people were seated
  by name and their cards printed. The desk looks the person up — by name, id
  or phone; a name two people share asks for the unit — and answers the seat
  printed on the card, in the card's own words (:meth:`Seat.describe`,
  ``1排1号``). An unknown name, a person already checked in, a name on the
  absent list, or a person the plan left without a seat gets a clear answer and
  never a seat. A walk-in (a substitute or an added person, typed ``+NAME``)
  gets the front-most free seat in hand-out order; the state records him for
  the reprint list (:meth:`ArrivalDesk.walk_ins`).
* **free seating** (按到场顺序, :attr:`DeskSeating.FREE`): without guidance
  people fill the back rows first ("后排现象"); each arrival gets a seat card in
  order from the front, so the k-th arrival gets the k-th front-most free seat.
  A pinned person and a person with a dais seat get their own seat.

Either way seats are handed section by section (floor before balcony, R-AUD-1),
row by row from the front, and inside a row in the hall's printed numbering
order (serpentine numbers continue from the row's far end, R-AUD-10;
centre-out numbers start at the centre, R-AUD-9) — golden vector T14. Reserved
seats are never handed out; someone who arrives twice is told his seat again.

After every arrival the state file is written atomically, *before* the line is
printed: a crash or restart resumes where the last recorded arrival left off,
and no seat is ever handed out twice. Every arrival holds the state file's lock
(:func:`seatplan.files.hold_lock`) and reads the file again first, so two desks
(two terminals at two doors) can share one state file: they take turns, never
hand one seat twice and never lose an arrival.

``seatplan desk PLAN --state FILE`` runs :func:`run_desk`.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import IO, Any

from seatplan.errors import Location, ValidationError
from seatplan.files import atomic_write_bytes, hold_lock
from seatplan.model import DeskSeating, Plan, Seat, SeatingProblem

__all__ = [
    "ArrivalDesk",
    "DeskSeating",
    "Handout",
    "HandoutKind",
    "desk_order",
    "desk_seating",
    "open_desk",
    "run_desk",
    "seat_card_line",
]

#: Identifies the state file format.
STATE_FORMAT = "seatplan-desk"
STATE_VERSION = 2
#: Order of sections when handing out seats (R-AUD-1: higher floors rank lower).
SECTION_ORDER = ("floor", "balcony")
#: Typed before a name for a walk-in (a substitute or a person not on the list).
WALK_IN_MARK = "+"
#: Seconds a desk waits for another desk that holds the state file.
LOCK_WAIT = 30.0


def seat_card_line(seat: Seat) -> str:
    """The seat as the seat card and name card print it (:meth:`Seat.describe`): ``3排12号``, ``主席台 第1排 2号``."""
    return seat.describe()


def desk_order(problem: SeatingProblem) -> list[str]:
    """Seats the desk hands out, in order: not on a dais, not reserved, not pinned.

    Sections in :data:`SECTION_ORDER` first (others after, by name), then row
    (front first), then the printed seat number — the hall's numbering order.
    """
    c = problem.constraints
    held = set(c.reserved) | set(c.pins.values())
    rank = {name: k for k, name in enumerate(SECTION_ORDER)}
    seats = [s for s in problem.seats if not s.is_dais and s.id not in held]
    seats.sort(key=lambda s: (rank.get(s.section, len(rank)), s.section, s.table, s.row, s.number, s.id))
    return [s.id for s in seats]


def desk_seating(problem: SeatingProblem, wanted: DeskSeating | None = None) -> DeskSeating:
    """The desk's mode: ``wanted``, else assigned whenever people have seats by name.

    People have seats by name when the list names anyone for a zone off the
    dais; a list of the dais alone leaves the floor to free seating.
    """
    if wanted is not None:
        return DeskSeating(wanted)
    named = any(zone.attendee_ids and not all(problem.seat(s).is_dais for s in zone.seat_ids) for zone in problem.zones)
    return DeskSeating.ASSIGNED if named else DeskSeating.FREE


class HandoutKind(StrEnum):
    """What the desk answered."""

    SEAT = "seat"  # a seat was handed (recorded in the state)
    AGAIN = "again"  # already checked in: the same seat, nothing new handed
    WALK_IN = "walk-in"  # a walk-in got a free seat (recorded, on the reprint list)
    AMBIGUOUS = "ambiguous"  # a name several people share: the desk asks for the unit
    UNKNOWN = "unknown"  # nobody on the list by that name, id or phone
    ABSENT = "absent"  # on the absent list
    NO_SEAT = "no-seat"  # on the list but without a seat in the plan
    FULL = "full"  # no free seat left
    ASK = "ask"  # nothing typed where a name is needed


@dataclass(frozen=True)
class Handout:
    """What the desk answers one arrival.

    Parameters
    ----------
    seat
        Seat id, or ``""`` when no seat is given.
    line
        The line printed: the seat in the card's words and a note, or the answer.
    who
        Attendee id, or ``""`` for a walk-in or a name not on the list.
    name
        The name given (or the attendee's name).
    kind
        What happened (:class:`HandoutKind`).
    """

    seat: str
    line: str
    who: str = ""
    name: str = ""
    kind: HandoutKind = HandoutKind.SEAT

    @property
    def again(self) -> bool:
        """True when this person had already checked in (his seat is repeated)."""
        return self.kind is HandoutKind.AGAIN


def _fold(text: str) -> str:
    """Text as compared at the desk: NFKC (full-width digits), no spaces, lower case."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


class ArrivalDesk:
    """The arrival desk in one of two modes; survives crashes and shares its state file (module docstring).

    Parameters
    ----------
    problem
        The seating problem (layout, list, rules) of the meeting.
    state_path
        The state file; created on the first arrival, read if it exists.
    plan
        Name of the plan file (or output folder), recorded in the state for the operator.
    seating
        :attr:`DeskSeating.FREE` (default) or :attr:`DeskSeating.ASSIGNED`.
    seat_of
        Attendee id → seat id of the printed plan; required for assigned seating.
    absent
        Names or ids on the absent list → the note to show (缺席, 替会...).
    unseated
        Attendee id → reason, for people on the list the plan left without a seat.
    lock_wait
        Seconds to wait for another desk holding the state file.

    Raises
    ------
    ValidationError
        The state file is unreadable or was made for another hall, list, plan or mode.
    """

    def __init__(
        self,
        problem: SeatingProblem,
        state_path: str | os.PathLike[str],
        *,
        plan: str = "",
        seating: DeskSeating = DeskSeating.FREE,
        seat_of: Mapping[str, str] | None = None,
        absent: Mapping[str, str] | None = None,
        unseated: Mapping[str, str] | None = None,
        lock_wait: float = LOCK_WAIT,
    ) -> None:
        self.problem = problem
        self.path = Path(state_path)
        self.seating = DeskSeating(seating)
        self.plan = plan
        self.lock_wait = lock_wait
        self.absent = {_fold(k): v for k, v in (absent or {}).items()}
        self.unseated = dict(unseated or {})
        self.assigned: dict[str, str] = dict(seat_of or {})
        if self.seating is DeskSeating.ASSIGNED and seat_of is None:
            raise ValueError("assigned seating needs the printed plan (seat_of)")
        taken = set(self.assigned.values()) if self.seating is DeskSeating.ASSIGNED else set()
        self.order = [s for s in desk_order(problem) if s not in taken]
        self.fixed: dict[str, str] = dict(problem.constraints.pins)
        if self.seating is DeskSeating.FREE:
            from seatplan.solve.merge import merge_zone

            for zone in problem.zones:
                if zone.strict and all(problem.seat(s).is_dais for s in zone.seat_ids):
                    self.fixed.update(merge_zone(problem, zone).seat_of)
        basis = [str(self.seating), *self.order]
        if self.seating is DeskSeating.ASSIGNED:
            basis += [f"{a}={s}" for a, s in sorted(self.assigned.items())]
        self.digest = hashlib.sha256("\n".join(basis).encode()).hexdigest()[:16]
        self.arrivals: list[dict[str, Any]] = []
        self._seen: tuple[int, int, int] | None = None
        self._phones: dict[str, list[str]] = {}
        for a in problem.attendees:
            if a.phone.strip():
                self._phones.setdefault(_fold(a.phone), []).append(a.id)
        self._load()

    # ------------------------------------------------------------------ state

    def _load(self) -> None:
        """Read the state file if it changed since it was last read (another desk may write it)."""
        try:
            st = self.path.stat()
        except FileNotFoundError:
            self.arrivals, self._seen = [], None
            self._refresh()
            return
        seen = (st.st_ino, st.st_size, st.st_mtime_ns)
        if seen == self._seen:
            return
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ValidationError(
                f"the desk state file cannot be read ({exc})",
                location=Location(file=self.path),
                hint="restore it from a backup, or start a new state file (seats handed so far will be handed again)",
            ) from None
        if not isinstance(data, dict) or data.get("format") != STATE_FORMAT or data.get("version") not in (1, STATE_VERSION):
            raise ValidationError("this is not a seatplan desk state file", location=Location(file=self.path), hint="give the --state file the desk wrote")
        mode = data.get("seating", str(DeskSeating.FREE))
        if mode != str(self.seating):
            raise ValidationError(
                f"the state file was written by a desk in {mode} seating, this desk runs {self.seating} seating",
                location=Location(file=self.path, field="seating", value=mode),
                hint=f"set [cards] seating = {mode!r} in the plan file as before, or start a new state file",
            )
        if data.get("seats") != self.digest:
            raise ValidationError(
                "the state file was written for another hall or list (the seats to hand out differ)",
                location=Location(file=self.path, field="seats", value=data.get("seats")),
                hint="use the plan file (or output folder) the desk started with, or a new state file",
            )
        self.arrivals = list(data.get("arrivals", []))
        self._seen = seen
        self._refresh()

    def _refresh(self) -> None:
        self.handed = {a["seat"] for a in self.arrivals if a.get("seat")}
        self.seat_of_person = {a["who"]: a["seat"] for a in self.arrivals if a.get("who") and a.get("seat")}
        self.next_index = 0

    def _write(self, arrivals: list[dict[str, Any]]) -> None:
        """Write the state atomically (:func:`seatplan.files.atomic_write_bytes`)."""
        data = {
            "format": STATE_FORMAT,
            "version": STATE_VERSION,
            "plan": self.plan,
            "seating": str(self.seating),
            "seats": self.digest,
            "arrivals": arrivals,
        }
        text = json.dumps(data, ensure_ascii=False, indent=1)
        atomic_write_bytes(self.path, text.encode("utf-8"))
        st = self.path.stat()
        self._seen = (st.st_ino, st.st_size, st.st_mtime_ns)

    # ------------------------------------------------------------------ arrivals

    @property
    def free(self) -> int:
        """Seats not yet handed out (in assigned seating: seats nobody has by name)."""
        return sum(1 for s in self.order if s not in self.handed)

    def walk_ins(self) -> list[dict[str, Any]]:
        """The walk-ins recorded so far (name, unit, seat): their cards are to be printed."""
        self._load()
        return [a for a in self.arrivals if a.get("walk_in")]

    def walk_in_changes(self) -> bytes:
        """The walk-ins as a ``CHANGES.csv`` for ``seatplan replan``: an ``增加`` line each, with the seat he was given.

        The replan then seats each walk-in where the desk did and prints his seat
        card in ``reprint.pdf``. Ids are ``WALK-n`` (n = his place in the arrivals).
        """
        from seatplan.files import csv_bytes

        rows = []
        for a in self.walk_ins():
            aid = f"WALK-{a['n']}"
            rows.append(["增加", aid, a["name"], a.get("unit", ""), a["seat"], "临时到场 walk-in at the desk"])
        return csv_bytes(("变更", "编号", "姓名", "单位", "座位", "原因"), rows)

    def _next_seat(self) -> str:
        while self.next_index < len(self.order) and self.order[self.next_index] in self.handed:
            self.next_index += 1
        return self.order[self.next_index] if self.next_index < len(self.order) else ""

    def _label(self, seat_id: str) -> str:
        return seat_card_line(self.problem.seat(seat_id))

    def _identify(self, text: str) -> tuple[list[str], str, bool]:
        """Attendee ids matching what was typed (id, phone, name, or name and unit), the name part,
        and whether to ask for the unit (a name and a unit that no one with that name has)."""
        p = self.problem
        if text in p.attendee_index:
            return [text], p.attendee(text).name, False
        key = _fold(text)
        by_id = [a.id for a in p.attendees if _fold(a.id) == key]
        if by_id:
            return by_id, p.attendee(by_id[0]).name, False
        if key in self._phones:
            ids = self._phones[key]
            return ids, p.attendee(ids[0]).name, False
        same = [a.id for a in p.attendees if _fold(a.name) == key]
        if same:
            return same, text, False
        parts = [x for x in re.split(r"[\s,，/、（）()]+", unicodedata.normalize("NFKC", text)) if x]
        if len(parts) >= 2:
            name, unit = parts[0], _fold("".join(parts[1:]))
            named = [a for a in p.attendees if _fold(a.name) == _fold(name)]
            exact = [a.id for a in named if _fold(a.unit) == unit]
            inside = [a.id for a in named if unit and unit in _fold(a.unit)]
            return (exact or inside or [a.id for a in named]), name, not (exact or inside) and bool(named)
        return [], text, False

    def arrive(self, text: str = "") -> Handout:
        """Record one arrival and return what to answer.

        Parameters
        ----------
        text
            A name, id or phone from the list; a name and unit (``王伟 县委办``)
            when two people share the name; ``+NAME`` (optionally ``+NAME UNIT``)
            for a walk-in; ``""`` for a walk-in in free seating.

        Returns
        -------
        Handout
            The seat and the line to print. A seat handed is already in the state file.
        """
        text = unicodedata.normalize("NFC", text.strip())
        with hold_lock(self.path, wait=self.lock_wait, what="using the desk state"):
            self._load()
            return self._arrive(text)

    def _arrive(self, text: str) -> Handout:
        walk_in = text.startswith((WALK_IN_MARK, "\uff0b"))
        if walk_in or (not text and self.seating is DeskSeating.FREE):
            parts = text[1:].split(None, 1) if walk_in else []
            name = parts[0] if parts else ""
            unit = parts[1].strip() if len(parts) > 1 else ""
            if walk_in and not name:
                return Handout("", "请在 + 后输入姓名 / type the walk-in's name after +", kind=HandoutKind.ASK)
            return self._hand_next("", name, walk_in=walk_in, unit=unit)
        if not text:
            return Handout(
                "",
                "请输入姓名、编号或手机号；临时增加或替会的人输入 +姓名 / type a name, id or phone; a walk-in as +NAME",
                kind=HandoutKind.ASK,
            )
        ids, name, ask = self._identify(text)
        if len(ids) > 1 or ask:
            people = [self.problem.attendee(a) for a in ids]
            units = "、".join(f"{a.unit or '无单位'}（{a.id}）" for a in people[:8])
            return Handout(
                "",
                f"{'单位不符，' if ask else ''}有{len(ids)}人名为『{name}』：{units}。请输入『{name} 单位』或编号 / "
                f"{len(ids)} people are called {name}: type the name and the unit, or the id",
                "",
                name,
                HandoutKind.AMBIGUOUS,
            )
        keys = [ids[0], self.problem.attendee(ids[0]).name] if ids else [text, name]
        note = next((self.absent[_fold(k)] for k in keys if _fold(k) in self.absent), None)
        if note is not None:
            return Handout(
                "",
                f"『{name}』在缺席名单上（{note}），不发座位；如确已到场，请按临时增加输入 +{name} / "
                f"{name} is on the absent list: no seat given; if he came after all, type +{name}",
                ids[0] if ids else "",
                name,
                HandoutKind.ABSENT,
            )
        if not ids:
            if self.seating is DeskSeating.FREE:
                return self._hand_next("", name, walk_in=False, note="名单外")
            return Handout(
                "",
                f"名单上没有『{name}』，不发座位：请核对姓名、编号或手机号；临时增加或替会的人输入 +{name} / "
                f"{name} is not on the list: check the spelling, or type +{name} for a walk-in",
                "",
                name,
                HandoutKind.UNKNOWN,
            )
        who = ids[0]
        name = self.problem.attendee(who).name
        if who in self.seat_of_person:
            seat = self.seat_of_person[who]
            n = next((a.get("n") for a in self.arrivals if a.get("who") == who), "")
            return Handout(
                seat,
                f"{self._label(seat)}（{name}，已签到，第{n}位，同一座位 / already checked in）",
                who,
                name,
                HandoutKind.AGAIN,
            )
        if self.seating is DeskSeating.ASSIGNED:
            seat = self.assigned.get(who, "")
            if not seat:
                reason = self.unseated.get(who, "")
                return Handout(
                    "",
                    f"『{name}』在名单上，但本方案没有给他座位（{reason or '见 unseated.csv'}），请联系会务组 / "
                    f"{name} has no seat in this plan",
                    who,
                    name,
                    HandoutKind.NO_SEAT,
                )
            return self._record(who, name, seat, "")
        if who in self.fixed:
            return self._record(who, name, self.fixed[who], "")
        return self._hand_next(who, name, walk_in=False)

    def _hand_next(self, who: str, name: str, *, walk_in: bool, unit: str = "", note: str = "") -> Handout:
        seat = self._next_seat()
        if not seat:
            return Handout("", "座位已满，请联系会务组 / no seat left", who, name, HandoutKind.FULL)
        if walk_in:
            note = "临时增加，请补印座位卡"
        return self._record(who, name, seat, note, walk_in=walk_in, unit=unit)

    def _record(self, who: str, name: str, seat: str, note: str, *, walk_in: bool = False, unit: str = "") -> Handout:
        record: dict[str, Any] = {"n": len(self.arrivals) + 1, "who": who, "name": name, "seat": seat}
        if walk_in:
            record.update(walk_in=True, unit=unit, label=self._label(seat))
        self._write([*self.arrivals, record])  # recorded before anything is printed
        self.arrivals.append(record)
        self.handed.add(seat)
        if who:
            self.seat_of_person[who] = seat
        line = self._label(seat)
        if name or note:
            line += f"（{'，'.join(x for x in (name, note) if x)}）"
        return Handout(seat, line, who, name, HandoutKind.WALK_IN if walk_in else HandoutKind.SEAT)


# ---------------------------------------------------------------------------- the command


def _absent_list(folder: Path) -> dict[str, str]:
    """Names and ids a plan folder lists as not coming: ``unseated.csv`` reasons and ``changes.csv`` removals."""
    out: dict[str, str] = {}
    changes = folder / "changes.csv"
    if changes.is_file():
        for record in csv.DictReader(io.StringIO(changes.read_bytes().decode("utf-8-sig"))):
            if (record.get("change") or "").strip() == "remove":
                note = "已撤下 / removed in the replan"
                for key in ("id", "name"):
                    if (record.get(key) or "").strip():
                        out[(record.get(key) or "").strip()] = note
    return out


def _sibling_folder(plan_path: Path) -> Path | None:
    """The output folder a plan file was solved into, when it sits in that folder's ``input/`` (as the demo does)."""
    folder = plan_path.resolve().parent.parent
    summary = folder / "summary.json"
    if plan_path.resolve().parent.name != "input" or not (folder / "seats.csv").is_file() or not summary.is_file():
        return None
    try:
        recorded = json.loads(summary.read_text(encoding="utf-8")).get("plan", "")
    except (OSError, ValueError, AttributeError):
        return None
    return folder if recorded and Path(recorded).resolve() == plan_path.resolve() else None


def open_desk(
    target: str | os.PathLike[str],
    state_path: str | os.PathLike[str],
    *,
    plan_path: str | os.PathLike[str] | None = None,
) -> tuple[ArrivalDesk, str]:
    """The desk for a plan file or an output folder of ``seatplan solve``/``replan``, and the line that states its mode.

    Assigned seating takes the seats printed on the cards: from the folder's
    ``seats.csv`` (checked against the plan file: every person once, every seat
    once), from the output folder the plan file sits in (``OUT/input/plan.toml``),
    or else by solving the plan file exactly as ``seatplan solve`` does.
    """
    from seatplan.io.plan_file import load_meeting
    from seatplan.pipeline import build_problem
    from seatplan.replan import find_plan_file, read_plan_folder

    path = Path(target)
    folder: Path | None = path if path.is_dir() else None
    plan_file = find_plan_file(path, plan_path) if folder is not None else path
    meeting = load_meeting(plan_file)
    problem = build_problem(meeting)
    if folder is None:
        folder = _sibling_folder(plan_file)
    seating = desk_seating(problem, meeting.cards.seating)
    absent: dict[str, str] = {}
    seat_of: dict[str, str] | None = None
    if folder is not None:
        printed = read_plan_folder(problem, folder)
        present = {_fold(a.name) for a in problem.attendees} | {_fold(a.id) for a in problem.attendees}
        absent = {k: v for k, v in _absent_list(folder).items() if _fold(k) not in present}
        source = f"{folder / 'seats.csv'}"
    else:
        printed = Plan()
        source = ""
    if seating is DeskSeating.ASSIGNED:
        if folder is None:
            from seatplan.solve import solve

            printed = solve(problem).require_plan()
            source = f"{plan_file} solved as seatplan solve does (give the output folder if the plan was replanned)"
        seat_of = dict(printed.seat_of)
    desk = ArrivalDesk(
        problem,
        state_path,
        plan=str(folder or plan_file),
        seating=seating,
        seat_of=seat_of,
        absent=absent,
        unseated=printed.unseated,
    )
    if seating is DeskSeating.ASSIGNED:
        head = (
            f"对号入座 assigned seating: the seat printed on each card, from {source}. "
            f"Type a name, id or phone (name and unit when two share a name); +NAME for a walk-in "
            f"({desk.free} free seats for walk-ins)."
        )
    else:
        head = (
            f"按到场顺序 free seating (R-AUD-11): the k-th arrival gets the k-th front-most free seat "
            f"({desk.free} seats to hand out). Type a name or id, or press Enter for the next seat."
        )
    return desk, head


def run_desk(
    plan_path: str | os.PathLike[str],
    state_path: str | os.PathLike[str],
    stdin: Iterable[str],
    stdout: IO[str],
    *,
    stderr: IO[str] | None = None,
    plan_file: str | os.PathLike[str] | None = None,
    walk_ins: str | os.PathLike[str] | None = None,
) -> int:
    """What ``seatplan desk PLAN --state FILE`` does: one arrival per input line.

    ``PLAN`` is a plan file or an output folder of ``seatplan solve``/``replan``.
    With ``walk_ins``, writes the walk-ins recorded so far as a CHANGES.csv
    (:meth:`ArrivalDesk.walk_in_changes`) instead of reading arrivals. The mode is stated on ``stderr`` at the start; for each input line one line
    is printed on ``stdout``: the seat in the card's words (``3排12号``) and a
    note, or the answer when no seat is given. The state file is written before
    each seat is printed, so a restart after a crash resumes without handing a
    seat twice.

    Returns
    -------
    int
        0 (the exit status).
    """
    import sys

    desk, head = open_desk(plan_path, state_path, plan_path=plan_file)
    err = stderr if stderr is not None else sys.stderr
    if walk_ins is not None:
        atomic_write_bytes(walk_ins, desk.walk_in_changes())
        err.write(f"seatplan desk: {len(desk.walk_ins())} walk-in(s) written to {walk_ins}: seatplan replan PLAN_DIR {walk_ins} --out DIR\n")
        return 0
    err.write(f"seatplan desk: {head}\n")
    err.flush()
    for raw in stdin:
        handout = desk.arrive(raw.rstrip("\r\n"))
        stdout.write(handout.line + "\n")
        stdout.flush()
    return 0
