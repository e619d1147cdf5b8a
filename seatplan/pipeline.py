"""The whole pipeline: meeting → layout → precedence → problem → plan → files.

``build_problem`` turns a :class:`~seatplan.model.Meeting` into a
:class:`~seatplan.model.SeatingProblem` (layout + protocol); ``write_outputs``
writes every output file as one set: all files are written to a temporary folder
beside the target, which becomes the output folder in one step only when all of
them are complete (:func:`seatplan.files.output_folder`), so a failure or a kill
never leaves a half-written or mixed output folder behind, and two runs into one
folder take turns.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from seatplan.errors import AttendeeFileError, InfeasiblePlanError, Location, OutputError, SolverError
from seatplan.files import check_output_folder, output_folder, reach_stage
from seatplan.model import CardSpec, ListLanguage, Meeting, OccasionKind, OutputSpec, Plan, Result, Seat, SeatingProblem
from seatplan.model.seats import SeatTag
from seatplan.progress import timed_step

if TYPE_CHECKING:
    from seatplan.export import NameCard

_LOG = logging.getLogger(__name__)

#: File names written by :func:`write_outputs`, in the order they are produced.
OUTPUT_FILES = (
    "seats.csv",
    "seats.xlsx",
    "unseated.csv",
    "plan.png",
    "plan.svg",
    "cards.pdf",
    "seatcards.pdf",
    "map.html",
    "summary.json",
)

def build_problem(meeting: Meeting) -> SeatingProblem:
    """Lay out the room and rank seats and people, as the meeting's occasion says.

    Parameters
    ----------
    meeting
        The meeting read from a plan file (or built in Python).

    Returns
    -------
    SeatingProblem
        The layout and the zones in precedence order (for a meeting: ``dais``
        in strict protocol order, R-DAIS-3/4/10, and ``floor`` filled front to
        back by unit order, R-AUD-2), with the organisers' requests of the
        ``[rules]`` table and the request columns added (:func:`seatplan.rules.apply_rules`).

    Raises
    ------
    ValidationError
        If people are marked for a zone the plan does not have, or do not fit and
        ``allow_unseated`` is false; the message names the file, row and field.
    """
    from seatplan.occasions import stage_meeting
    from seatplan.rules import apply_rules

    staging = stage_meeting(meeting)
    problem = SeatingProblem(
        layout=staging.layout,
        attendees=meeting.attendees,
        zones=staging.zones,
        allow_unseated=meeting.allow_unseated,
        title=meeting.title,
        notes=staging.notes,
    )
    return apply_rules(meeting, problem)


@dataclass(frozen=True)
class Outputs:
    """Paths of the files written by :func:`write_outputs`."""

    folder: Path
    files: tuple[Path, ...]


class _Clock:
    """Adds the CPU seconds of each named stage to ``timings`` (when given)."""

    def __init__(self, timings: dict[str, float] | None) -> None:
        self.timings = timings

    @contextlib.contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        start = time.process_time()
        try:
            yield
        finally:
            if self.timings is not None:
                self.timings[stage] = self.timings.get(stage, 0.0) + time.process_time() - start



@contextlib.contextmanager
def _aside(job: Callable[[], None], *, enabled: bool = True) -> Iterator[Callable[[], float]]:
    """Run ``job`` on the machine's second core while the body of the ``with`` goes on.

    Where ``os.fork`` exists and more than one core is available, ``job`` runs in a
    forked child (it inherits the solved plan, nothing is copied); otherwise, or with
    ``enabled`` false, it runs at once in this process. The context yields a *join*:
    call it before the files are switched in; it waits for the child, re-issues its
    warnings here, raises its error here, and returns the CPU seconds ``job`` took.
    Leaving the ``with`` by an error kills the child first, so it never writes into a
    folder that is being removed; on Linux the child also dies with this process.
    """
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if not enabled or not hasattr(os, "fork") or cores < 2:
        start = time.process_time()
        job()
        spent = time.process_time() - start
        yield lambda: spent
        return
    read_end, write_end = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child's lines are measured in the child
        os.close(read_end)
        _run_child(job, write_end)
    os.close(write_end)
    done = False

    def join() -> float:
        nonlocal done
        with os.fdopen(read_end, "rb") as pipe:
            data = pipe.read()
        os.waitpid(pid, 0)
        done = True
        try:
            outcome, spent, caught = pickle.loads(data)
        except Exception:  # the child died before it could answer
            raise OutputError("drawing plan.png / plan.svg stopped without an answer; no output was written") from None
        for message, category in caught:
            warnings.warn(message, category, stacklevel=2)
        if isinstance(outcome, BaseException):
            raise outcome
        return float(spent)

    try:
        yield join
    finally:
        if not done:
            with contextlib.suppress(OSError):
                os.kill(pid, 9)
                os.waitpid(pid, 0)
            with contextlib.suppress(OSError):
                os.close(read_end)


def _run_child(job: Callable[[], None], write_end: int) -> None:  # pragma: no cover - runs in the child
    """The forked child of :func:`_aside`: run ``job``, send (error or None, CPU seconds, warnings), exit."""
    try:
        import ctypes
        import signal

        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: die with the parent (Linux)
    except (OSError, AttributeError):
        pass
    outcome: BaseException | None = None
    start = time.process_time()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            job()
        except BaseException as exc:  # sent to the parent, raised there
            outcome = exc
    answer = (outcome, time.process_time() - start, [(str(w.message), w.category) for w in caught])
    try:
        data = pickle.dumps(answer)
        pickle.loads(data)
    except Exception:
        data = pickle.dumps((OutputError(f"drawing plan.png / plan.svg failed: {outcome!r}"), answer[1], answer[2]))
    with contextlib.suppress(OSError), os.fdopen(write_end, "wb") as pipe:
        pipe.write(data)
    os._exit(0)


def write_outputs(
    meeting: Meeting,
    problem: SeatingProblem,
    result: Result,
    out_dir: str | Path,
    *,
    extra: Callable[[Path], tuple[str, ...]] | None = None,
    timings: dict[str, float] | None = None,
) -> Outputs:
    """Write the seat list, diagram, name cards and summary into ``out_dir``.

    Parameters
    ----------
    meeting
        The meeting (title, card options).
    problem
        The problem that was solved.
    result
        The solve result; it must hold a plan.
    out_dir
        Target folder, created if missing. The new set replaces the old one in
        one step; other files in the folder are kept. Nothing is changed if any
        file fails to be written; a second run into the same folder waits.
        The plan's ``[outputs]`` table chooses the files (docs/outputs.md).
    extra
        Writes more files of the same set (``changes.csv`` of a replan) into the
        folder it is given, before the switch; returns their names.
    timings
        When given, the CPU seconds of each stage (csv, xlsx, diagram, cards,
        map, sheets) are added to it, and those of cards.pdf and of each file of
        the sheets stage under the file's name (``seatplan bench``).

    Returns
    -------
    Outputs
        The folder and the files written.

    Raises
    ------
    InfeasiblePlanError
        If the result has no plan.
    OutputError
        If the folder cannot be written (a file where the folder should be, a
        file open in another program); the message names it.

    Notes
    -----
    Where the machine has a second core and ``os.fork`` (Linux, macOS), plan.png and
    plan.svg are drawn in a forked child while this process writes the PDFs; the
    files are the same bytes as when drawn in line (Windows, one core).
    Each file written calls :func:`seatplan.files.reach_stage` with
    ``"wrote NAME"`` so fault tests can stop the run between any two files.
    """
    from seatplan.export import (
        build_seat_records,
        select_seat_cards,
        write_name_cards,
        write_seat_cards,
        write_seat_map,
        write_seats_csv,
        write_seats_xlsx,
        write_summary_json,
        write_unseated_csv,
    )
    from seatplan.export.cards import NameCard, card_texts
    from seatplan.export.pack import INVENTORY_COLUMNS, inventory_rows, pack_texts, write_pack
    from seatplan.export.typeset import resolve_font, shared_font_subset
    from seatplan.render import save_plan_images

    plan = result.require_plan()
    spec = meeting.outputs or OutputSpec()
    wanted = spec.wanted()
    clock = _Clock(timings)
    out = check_output_folder(out_dir)
    lost = _lost(problem, plan)
    if lost:
        raise SolverError(
            "the plan loses people (neither seated once nor listed unseated with a reason): "
            + ", ".join(f"{problem.attendee(a).name} ({a})" if a in problem.attendee_index else a for a in lost)
            + "; no output was written"
        )
    warn_unprintable(problem)
    with output_folder(out) as tmp:
        labels = section_labels(meeting)
        with clock("csv"):
            records = build_seat_records(problem, plan, labels)
            write_seats_csv(records, tmp / "seats.csv")
            reach_stage("wrote seats.csv")
            unseated = [(problem.attendee(aid), reason) for aid, reason in plan.unseated.items()]
            write_unseated_csv(unseated, tmp / "unseated.csv")
            reach_stage("wrote unseated.csv")
        if "seats.xlsx" in wanted:
            with clock("xlsx"):
                write_seats_xlsx(records, tmp / "seats.xlsx", title=meeting.title, phones=spec.phones,
                                 english=(spec.language or meeting.language) is ListLanguage.EN,
                                 inventory=(INVENTORY_COLUMNS, inventory_rows(problem, plan, labels)))
            reach_stage("wrote seats.xlsx")
        png = tmp / "plan.png" if "plan.png" in wanted else None
        svg = tmp / "plan.svg" if "plan.svg" in wanted else None
        with _aside(lambda: save_plan_images(problem, plan, png, svg, title=meeting.title),
                    enabled=png is not None or svg is not None) as drawn:
            name_cards = _name_cards(meeting, problem, result)
            seat_cards = select_seat_cards(records, skip_sections=meeting.cards.sections)
            on_cards = card_texts([*name_cards, *(NameCard(s.table_name) for s in problem.seats if s.table)])
            faces: dict[Path, list[str]] = {}
            if "cards.pdf" in wanted or "table-cards.pdf" in wanted:
                faces[resolve_font(meeting.cards.font or None, serif=meeting.cards.serif)] = on_cards
            with shared_font_subset(pack_texts(meeting, problem, records) + on_cards, faces):
                with clock("cards"):
                    if "cards.pdf" in wanted:
                        with clock("cards.pdf"):
                            write_name_cards(
                                name_cards,
                                tmp / "cards.pdf",
                                serif=meeting.cards.serif,
                                space_two_char_names=meeting.cards.space_two_char_names,
                                title=meeting.title,
                                font=meeting.cards.font or None,
                            )
                        reach_stage("wrote cards.pdf")
                    if "seatcards.pdf" in wanted:
                        write_seat_cards(seat_cards, tmp / "seatcards.pdf", title=meeting.title)
                        reach_stage("wrote seatcards.pdf")
                if "map.html" in wanted:
                    with clock("map"):
                        write_seat_map(problem, plan, tmp / "map.html", title=meeting.title)
                    reach_stage("wrote map.html")
                with clock("sheets"):
                    pack, supplies = write_pack(meeting, problem, plan, records, tmp, labels=labels,
                                                name_cards=len(name_cards), seat_cards=len(seat_cards), enabled=wanted,
                                                timings=timings)
            diagram_cpu = drawn()
        if timings is not None:
            timings["diagram"] = timings.get("diagram", 0.0) + diagram_cpu
        reach_stage("wrote plan.svg")
        reach_stage("wrote sheets")
        names = tuple(n for n in OUTPUT_FILES[:-1] if n in wanted) + tuple(pack) + (OUTPUT_FILES[-1],)
        write_summary_json({**summarise(meeting, problem, result), "supplies": supplies, "files": list(names)},
                           tmp / "summary.json")
        reach_stage("wrote summary.json")
        if extra is not None:
            names += extra(tmp)
            reach_stage("wrote extra")
    return Outputs(folder=out, files=tuple(out / name for name in names))


def _lost(problem: SeatingProblem, plan: Plan) -> list[str]:
    """Ids of the list not seated exactly once nor listed unseated with a reason (must be none).

    Also names a seat given to two people, an id the list does not have, and an
    unseated entry without a reason. ``summary.json`` records how many (``lost``).
    """
    lost: list[str] = []
    seats_taken: dict[str, str] = {}
    for aid, sid in plan.seat_of.items():
        if aid not in problem.attendee_index or aid in plan.unseated or sid in seats_taken:
            lost.append(aid)
        seats_taken.setdefault(sid, aid)
    for aid, reason in plan.unseated.items():
        if aid not in problem.attendee_index or not str(reason).strip():
            lost.append(aid)
    lost += [a.id for a in problem.attendees if a.id not in plan.seat_of and a.id not in plan.unseated]
    return sorted(set(lost))


def warn_unprintable(problem: SeatingProblem) -> None:
    """Warn, naming the person and the row of the list, about characters no bundled font can print.

    Names, titles and units are drawn on the diagram and printed on the cards; a
    character the fonts lack (an Extension-B ideograph, an emoji) comes out blank.
    """
    import warnings

    from seatplan.fonts import missing_characters

    for person in problem.attendees:
        for what, text in (("name", person.name), ("title", person.title), ("unit", person.unit)):
            missing = missing_characters(text)
            if missing:
                where = person.source.describe() or "the list"
                codes = ", ".join(f"U+{ord(ch):04X}" for ch in missing)
                warnings.warn(
                    f"{where}: the {what} {text!r} of {person.name} has {missing!r} ({codes}), which no bundled font "
                    "can print; it comes out blank on the diagram and the cards. Write it by hand on the printed "
                    "card, or use a common variant of the character in the list",
                    stacklevel=3,
                )


def section_labels(meeting: Meeting) -> dict[str, str]:
    """Printed names of sections the plan labels itself (``[balcony] label = "二楼"`` → ``{"balcony": "二楼"}``)."""
    labels: dict[str, str] = {}
    if meeting.balcony is not None and meeting.balcony.label:
        labels["balcony"] = meeting.balcony.label
    return labels


def _carded_seats(meeting: Meeting, problem: SeatingProblem, occupant: dict[str, str]) -> list[Seat]:
    """Occupied seats that get a name card, in print order.

    ``[cards] sections`` chooses them by section prefix. Left at its default, the
    occasion decides: the dais at a meeting (R-DAIS-14), the main table at a
    banquet, everyone at receptions, talks, signings, photos and meeting rooms.
    Interpreters' stools never get one. Dais cards come front row first and left
    to right as the audience sees them; other cards by table, row and seat number.
    """
    sections = meeting.cards.sections
    if meeting.occasion is OccasionKind.MEETING or sections != CardSpec().sections:
        chosen = [s for s in problem.seats if any(s.section.startswith(p) for p in sections)]
    elif meeting.occasion is OccasionKind.BANQUET:
        chosen = [s for s in problem.seats if SeatTag.MAIN_TABLE in s.tags]
    else:
        chosen = list(problem.seats)
    chosen = [s for s in chosen if s.id in occupant and SeatTag.STOOL not in s.tags]

    def order(seat: Seat) -> tuple[object, ...]:
        table = int(seat.table) if seat.table.isdigit() else seat.table
        return (seat.section, (0, table) if isinstance(table, int) else (1, table), seat.row, seat.x if seat.is_dais else seat.number)

    return sorted(chosen, key=order)


def _name_cards(meeting: Meeting, problem: SeatingProblem, result: Result) -> list[NameCard]:
    """Name cards (桌签) for the carded seats, in print order (see :func:`_carded_seats`)."""
    from seatplan.export import NameCard
    from seatplan.model.meeting import CardLine

    occupant = result.require_plan().occupant_of()
    seats = _carded_seats(meeting, problem, occupant)
    cards = []
    for k, seat in enumerate(seats, start=1):
        person = problem.attendee(occupant[seat.id])
        where = "台下视角自左至右" if seat.is_dais else ""
        second = {CardLine.TITLE: person.title, CardLine.UNIT: person.unit}.get(meeting.cards.second_line, "")
        cards.append(
            NameCard(
                name=person.name,
                title=person.title,
                seat_label=seat.describe(),
                order_note=f"第{k}/{len(seats)}张" + (f" · {where}" if where else ""),
                second_line=second,
                back_name=person.foreign_name,
                mark=seat.mark,
                source=person.source,
            )
        )
    return cards


def summarise(meeting: Meeting, problem: SeatingProblem, result: Result) -> dict[str, object]:
    """Counts and solver figures for ``summary.json``.

    ``attendees == seated + unseated`` always holds; ``seconds`` is the only value
    that changes between two runs on the same input.
    """
    plan = result.require_plan()
    sections: dict[str, dict[str, int]] = {}
    for seat in problem.seats:
        entry = sections.setdefault(seat.section, {"seats": 0, "seated": 0})
        entry["seats"] += 1
    occupant = plan.occupant_of()
    for sid in occupant:
        sections[problem.seat(sid).section]["seated"] += 1
    return {
        "title": meeting.title,
        "date": meeting.date,
        "plan": str(meeting.source.resolve()) if meeting.source else "",
        "convention": str(meeting.convention),
        "attendees": len(problem.attendees),
        "seated": len(plan.seat_of),
        "unseated": len(plan.unseated),
        "lost": len(_lost(problem, plan)),
        "seats": len(problem.seats),
        "empty_seats": len(problem.seats) - len(plan.seat_of),
        "sections": sections,
        "solver": {
            "status": str(result.status),
            "objective": result.objective,
            "bound": result.bound,
            "gap": result.gap,
            "seconds": round(result.seconds, 3),
            "notes": list(problem.notes),
        },
        "layout_check": {
            "profile": meeting.check.profile,
            "errors_waived": [f.as_dict() for f in problem.layout.findings if f.waived],
            "warnings": [f.as_dict() for f in problem.layout.findings if not f.waived],
        },
        "frame": "x,y in metres, plan frame: x to the right, y towards the stage; diagram drawn in audience view (台下视角)",
        "files": list(OUTPUT_FILES),
    }


def run_plan_file(plan_path: str | Path, out_dir: str | Path) -> Outputs:
    """Read a plan file, solve it and write every output (what ``seatplan solve`` does)."""
    from seatplan.io.plan_file import load_meeting
    from seatplan.solve import solve

    check_output_folder(out_dir)
    with timed_step(_LOG, f"reading {plan_path}"):
        meeting = load_meeting(plan_path)
    if not meeting.attendees:
        raise AttendeeFileError(
            "the attendee list it names has no attendee rows",
            location=Location(file=plan_path, field="attendees"),
            hint="put one attendee per row below the header row, and save the list",
        )
    with timed_step(_LOG, f"laying out and ranking {len(meeting.attendees)} people"):
        problem = build_problem(meeting)
    with timed_step(_LOG, f"solving {len(problem.attendees)} people on {len(problem.seats)} seats"):
        result = solve(problem)
    if result.plan is None:
        raise InfeasiblePlanError(result.explanation)
    with timed_step(_LOG, f"writing the outputs to {out_dir}"):
        return write_outputs(meeting, problem, result, out_dir)
