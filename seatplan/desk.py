"""The arrival desk: seat cards handed out front to back as people arrive (R-AUD-11).

Without guidance people fill the back rows first ("后排现象"). The documented
remedy is to number every seat and hand each arrival a seat card in order from
the front row to the back, so the k-th arrival gets the k-th front-most free
seat. :class:`ArrivalDesk` does that:

* seats are handed section by section (floor before balcony, R-AUD-1), row by
  row from the front, and inside a row in the hall's printed numbering order
  (serpentine numbers continue from the row's far end, R-AUD-10; centre-out
  numbers start at the centre, R-AUD-9) — golden vector T14;
* reserved seats are never handed out; a pinned person and a person with a dais
  seat (strict protocol order) get their own seat when they give their name or
  id; anyone else — a named attendee, an unknown name, or an empty line for a
  walk-in — gets the next free seat;
* someone who arrives twice gets the same seat again;
* after every arrival the state file is written atomically (a temporary file in
  the same folder, flushed and synced, then ``os.replace``), *before* the card
  is printed. A crash or restart therefore resumes exactly where the last
  recorded arrival left off, and no seat is ever handed out twice: a seat
  counts as handed once it is in the state file, and only then is it printed.

``seatplan desk PLAN.toml --state FILE`` runs :func:`run_desk`.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from seatplan.errors import Location, ValidationError
from seatplan.model import Seat, SeatingProblem

__all__ = ["ArrivalDesk", "Handout", "desk_order", "run_desk", "seat_card_line"]

#: Identifies the state file format.
STATE_FORMAT = "seatplan-desk"
STATE_VERSION = 1
#: Order of sections when handing out seats (R-AUD-1: higher floors rank lower).
SECTION_ORDER = ("floor", "balcony")
_SECTION_LABELS = {"balcony": "楼上"}


def seat_card_line(seat: Seat) -> str:
    """The seat card text: ``第3排 12号``, ``主席台 第1排 2号``, ``楼上 第2排 5号``, ``8号桌 3号``."""
    if seat.table:
        return f"{seat.table}号桌 {seat.number}号"
    if seat.is_dais:
        return f"主席台 第{seat.row}排 {seat.number}号"
    prefix = _SECTION_LABELS.get(seat.section, "" if seat.section == "floor" else seat.section)
    line = f"第{seat.row}排 {seat.number}号"
    return f"{prefix} {line}" if prefix else line


def desk_order(problem: SeatingProblem) -> list[str]:
    """Seats handed to arrivals, in order: not on a dais, not reserved, not pinned.

    Sections in :data:`SECTION_ORDER` first (others after, by name), then row
    (front first), then the printed seat number — the hall's numbering order.
    """
    c = problem.constraints
    held = set(c.reserved) | set(c.pins.values())
    rank = {name: k for k, name in enumerate(SECTION_ORDER)}
    seats = [s for s in problem.seats if not s.is_dais and s.id not in held]
    seats.sort(key=lambda s: (rank.get(s.section, len(rank)), s.section, s.table, s.row, s.number, s.id))
    return [s.id for s in seats]


@dataclass(frozen=True)
class Handout:
    """What the desk hands to one arrival.

    Parameters
    ----------
    seat
        Seat id, or ``""`` when no seat is given.
    line
        The line printed for the arrival (the seat card text and a note).
    who
        Attendee id, or ``""`` for a walk-in or a name not on the list.
    name
        The name given (or the attendee's name).
    again
        True when this person already had a seat (the same seat is repeated).
    """

    seat: str
    line: str
    who: str = ""
    name: str = ""
    again: bool = False


class ArrivalDesk:
    """Hand out seats front to back as people arrive; survives crashes (see the module docstring).

    Parameters
    ----------
    problem
        The seating problem (layout, list, rules) of the meeting.
    state_path
        The state file; created on the first arrival, read if it exists.
    plan
        Name of the plan file, recorded in the state for the operator.

    Raises
    ------
    ValidationError
        The state file is unreadable or was made for another hall or list.
    """

    def __init__(self, problem: SeatingProblem, state_path: str | os.PathLike[str], *, plan: str = "") -> None:
        from seatplan.solve.merge import merge_zone

        self.problem = problem
        self.path = Path(state_path)
        self.order = desk_order(problem)
        self.fixed: dict[str, str] = dict(problem.constraints.pins)
        for zone in problem.zones:
            if zone.strict and all(problem.seat(s).is_dais for s in zone.seat_ids):
                self.fixed.update(merge_zone(problem, zone).seat_of)
        self.digest = hashlib.sha256("\n".join(self.order).encode()).hexdigest()[:16]
        self.plan = plan
        self.arrivals: list[dict[str, Any]] = []
        if self.path.exists():
            self._load()
        self._refresh()

    # ------------------------------------------------------------------ state

    def _load(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ValidationError(
                f"the desk state file cannot be read ({exc})",
                location=Location(file=self.path),
                hint="restore it from a backup, or start a new state file (seats handed so far will be handed again)",
            ) from None
        if not isinstance(data, dict) or data.get("format") != STATE_FORMAT or data.get("version") != STATE_VERSION:
            raise ValidationError("this is not a seatplan desk state file", location=Location(file=self.path), hint="give the --state file the desk wrote")
        if data.get("seats") != self.digest:
            raise ValidationError(
                "the state file was written for another hall or list (the seats to hand out differ)",
                location=Location(file=self.path, field="seats", value=data.get("seats")),
                hint="use the plan file the desk started with, or a new state file",
            )
        self.arrivals = list(data.get("arrivals", []))

    def _refresh(self) -> None:
        self.handed = {a["seat"] for a in self.arrivals if a.get("seat")}
        self.seat_of_person = {a["who"]: a["seat"] for a in self.arrivals if a.get("who") and a.get("seat")}
        self.next_index = 0

    def _write(self, arrivals: list[dict[str, Any]]) -> None:
        """Write the state atomically: temp file, flush, fsync, os.replace, sync the folder."""
        data = {"format": STATE_FORMAT, "version": STATE_VERSION, "plan": self.plan, "seats": self.digest, "arrivals": arrivals}
        text = json.dumps(data, ensure_ascii=False, indent=1)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        try:
            mask = os.umask(0)
            os.umask(mask)
            os.chmod(tmp, 0o666 & ~mask)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        try:
            folder = os.open(self.path.parent, os.O_RDONLY)
        except OSError:
            return
        try:
            os.fsync(folder)
        except OSError:
            pass
        finally:
            os.close(folder)

    # ------------------------------------------------------------------ arrivals

    @property
    def free(self) -> int:
        """Seats not yet handed out."""
        return sum(1 for s in self.order if s not in self.handed)

    def _next_seat(self) -> str:
        while self.next_index < len(self.order) and self.order[self.next_index] in self.handed:
            self.next_index += 1
        return self.order[self.next_index] if self.next_index < len(self.order) else ""

    def _identify(self, text: str) -> tuple[str, str, str]:
        """(attendee id or "", name, problem) for what was typed."""
        if not text:
            return "", "", ""
        if text in self.problem.attendee_index:
            return text, self.problem.attendee(text).name, ""
        same = [a for a in self.problem.attendees if a.name == text]
        if len(same) == 1:
            return same[0].id, text, ""
        if same:
            ids = ", ".join(a.id for a in same[:6])
            return "", text, f"有{len(same)}人名为『{text}』，请输入编号 ({ids}) / {len(same)} people are called {text}: type the id"
        return "", text, ""

    def arrive(self, text: str = "") -> Handout:
        """Record one arrival and return what to hand over.

        Parameters
        ----------
        text
            A name or id from the list, any other name, or ``""`` for a walk-in.

        Returns
        -------
        Handout
            The seat and the printed line. The state file already records it.
        """
        text = text.strip()
        who, name, problem_note = self._identify(text)
        if problem_note:
            return Handout("", problem_note, "", name)
        if who and who in self.seat_of_person:
            seat = self.seat_of_person[who]
            return Handout(seat, f"{seat_card_line(self.problem.seat(seat))}（{name}，已领，同一座位）", who, name, again=True)
        if who and who in self.fixed:
            seat = self.fixed[who]
        else:
            seat = self._next_seat()
        if not seat:
            return Handout("", "座位已满 / no seat left", who, name)
        record = {"n": len(self.arrivals) + 1, "who": who, "name": name, "seat": seat}
        self._write([*self.arrivals, record])  # recorded before anything is printed
        self.arrivals.append(record)
        self.handed.add(seat)
        if who:
            self.seat_of_person[who] = seat
        line = seat_card_line(self.problem.seat(seat))
        if name:
            line += f"（{name}）" if who else f"（{name}，名单外）"
        return Handout(seat, line, who, name)


def run_desk(plan_path: str | os.PathLike[str], state_path: str | os.PathLike[str], stdin: Iterable[str], stdout: IO[str]) -> int:
    """What ``seatplan desk PLAN.toml --state FILE`` does: one arrival per input line.

    Each line is a name, an id, or empty (a walk-in); for each, one line is
    printed: the seat card text (``第3排 12号``) and a note. The state file is
    written before each line is printed, so a restart after a crash resumes
    without handing a seat twice.

    Returns
    -------
    int
        0 (the exit status).
    """
    from seatplan.io.plan_file import load_meeting
    from seatplan.pipeline import build_problem

    meeting = load_meeting(Path(plan_path))
    problem = build_problem(meeting)
    desk = ArrivalDesk(problem, state_path, plan=str(plan_path))
    for raw in stdin:
        handout = desk.arrive(raw.rstrip("\r\n"))
        stdout.write(handout.line + "\n")
        stdout.flush()
    return 0
