"""The seating problem in numbers: seats and people in precedence order, per zone, and the rules.

A :class:`SeatingProblem` is what the solver sees and what the checker grades:
the layout, the people, the zones in precedence order and the organisers'
:class:`Constraints` (pins, reserved seats, keep-apart / keep-together groups,
unit blocks). The helper functions at the end of this module *define* those rules
on seats (who is a neighbour of whom, which seats form a line, where the
reference fill puts everyone); the solver and the independent checker both use
them, so both read a rule the same way (``docs/rules.md``).
"""

from __future__ import annotations

import itertools
import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from seatplan.errors import Location, UnknownIdError, ValidationError
from seatplan.model.attendees import Attendee
from seatplan.model.check import LayoutFinding
from seatplan.model.enums import Choice
from seatplan.model.seats import Seat, SeatTag
from seatplan.model.venue import Shape, Venue

#: Two seats of one row are neighbours when their gap is at most this many times
#: the usual seat pitch of their section (an aisle is wider, so it separates).
NEIGHBOUR_GAP_FACTOR = 1.5
#: Seats closer than this (metres) along the row are in the same column (竖排 lines).
LINE_TOLERANCE = 0.05


@dataclass(frozen=True)
class Zone:
    """A group of seats filled by a group of people in precedence order.

    Parameters
    ----------
    name
        Zone name (``"dais"``, ``"floor"``).
    seat_ids
        Seat ids, most honoured first (seat precedence from the protocol layer);
        for the floor this is the fill order (R-AUD-2/3/4).
    attendee_ids
        Attendee ids, most senior first (attendee precedence).
    strict
        True where protocol fixes the order: the k-th person must take the k-th
        seat (reserved seats skipped). False where the solver may deviate from
        the order to meet the rules, at a cost (``docs/rules.md``).
    """

    name: str
    seat_ids: tuple[str, ...]
    attendee_ids: tuple[str, ...]
    strict: bool = True


@dataclass(frozen=True)
class Layout:
    """Seats and drawable outlines produced by the layout layer.

    ``findings`` are what the layout check found (warnings, and errors the plan waived with
    a reason): ``summary.json`` lists them and the diagram notes the waived ones.
    """

    venue: Venue
    seats: tuple[Seat, ...]
    shapes: tuple[Shape, ...] = ()
    findings: tuple[LayoutFinding, ...] = ()


class PairMode(Choice):
    """What "together" and "apart" mean for a group of people."""

    ADJACENT = "adjacent", "相邻"  # side by side: neighbouring seats of one row (or around one table)
    TABLE = "table", "同桌"  # at the same table


@dataclass(frozen=True)
class PeopleGroup:
    """A keep-apart or keep-together request.

    Parameters
    ----------
    members
        Attendee ids (two or more).
    mode
        ``ADJACENT``: keep-apart = no two members side by side; keep-together =
        the members sit in a connected run of neighbouring seats. ``TABLE``:
        keep-apart = no two members at one table; keep-together = one table.
    hard
        True: a rule (the plan is invalid without it). False: a preference that
        costs :attr:`Weights.apart` / :attr:`Weights.together` when missed.
    source
        Where the request came from, for messages (``"rules.keep_apart[0]"``,
        ``"attendees.csv row 7"``).
    """

    members: tuple[str, ...]
    mode: PairMode = PairMode.ADJACENT
    hard: bool = True
    source: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "mode", PairMode(self.mode))
        if len(self.members) < 2 or len(set(self.members)) != len(self.members):
            raise ValidationError(
                f"a keep-apart/keep-together group needs two or more different people, got {list(self.members)}",
                location=Location(field=self.source or "group", value=list(self.members)),
                hint="list at least two different people in each group",
            )


@dataclass(frozen=True)
class Weights:
    """Costs of the soft goals (integers; the solver minimises their sum).

    Parameters
    ----------
    order
        Per seat of displacement: a person seated ``d`` open seats away from the
        seat the plain protocol fill gives him costs ``order × d`` (non-strict
        zones only; strict zones allow no displacement at all).
    apart
        Per pair of a keep-apart preference seated side by side (or at one table).
    together
        Per missing link of a keep-together preference: a group split into
        ``k`` pieces costs ``together × (k − 1)``.
    """

    order: int = 1
    apart: int = 100
    together: int = 100

    def __post_init__(self) -> None:
        for name in ("order", "apart", "together"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValidationError(
                    f"weight {name} must be a whole number >= 0, got {value!r}",
                    location=Location(field=f"rules.weights.{name}", value=value),
                    hint="write e.g. order = 1",
                )


@dataclass(frozen=True)
class Constraints:
    """The organisers' requests on top of protocol order (``docs/rules.md``).

    Parameters
    ----------
    pins
        Attendee id → seat id fixed by the organisers.
    reserved
        Seat ids kept empty (late guests, press, security; R-AUD-8).
    keep_apart, keep_together
        Groups of people (rules or preferences).
    contiguous
        Non-strict zones keep each unit together: every run of one unit in the
        precedence list sits in consecutive seats of the fill order (R-AUD-2/3),
        and the runs follow the published unit order. Seats that are reserved
        or held by people placed individually (pinned, or with a seat need) are
        skipped over.
    wrap
        A unit may continue on the next row (line of the fill order). With
        ``False`` a unit that does not fit in what is left of a row starts the
        next row, and a unit longer than a row starts at the beginning of one.
    front_to_back
        Non-strict zones fill from the front: no open seat is left empty before
        the last person of the fill (R-AUD-11). Only replans switch it off
        (an absent person's seat then stays empty).
    weights
        Costs of the soft goals.
    """

    pins: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    reserved: frozenset[str] = frozenset()
    keep_apart: tuple[PeopleGroup, ...] = ()
    keep_together: tuple[PeopleGroup, ...] = ()
    contiguous: bool = True
    wrap: bool = True
    front_to_back: bool = True
    weights: Weights = field(default_factory=Weights)

    def __post_init__(self) -> None:
        object.__setattr__(self, "pins", MappingProxyType(dict(self.pins)))
        object.__setattr__(self, "reserved", frozenset(self.reserved))
        object.__setattr__(self, "keep_apart", tuple(self.keep_apart))
        object.__setattr__(self, "keep_together", tuple(self.keep_together))

    @property
    def groups(self) -> tuple[tuple[str, PeopleGroup], ...]:
        """``("apart", group)`` and ``("together", group)`` pairs, keep-apart first."""
        return tuple(("apart", g) for g in self.keep_apart) + tuple(("together", g) for g in self.keep_together)


@dataclass(frozen=True)
class SeatingProblem:
    """What the solver sees: a layout, the people, zones in precedence order, the rules.

    Parameters
    ----------
    layout
        Seats and outlines.
    attendees
        Everyone to seat.
    zones
        Zones; every attendee is in exactly one zone; seats are in at most one.
    allow_unseated
        If True, people that do not fit are reported unseated instead of failing.
    title
        Meeting title, carried to the outputs.
    constraints
        Pins, reserved seats, groups, unit blocks (default: none).
    notes
        Remarks of the staging's solvers for ``summary.json`` (e.g. an affinity search
        stopped by its time cap, so the seating depends on the machine).
    """

    layout: Layout
    attendees: tuple[Attendee, ...]
    zones: tuple[Zone, ...]
    allow_unseated: bool = False
    title: str = ""
    constraints: Constraints = field(default_factory=Constraints)
    notes: tuple[str, ...] = ()
    seat_index: dict[str, Seat] = field(init=False, repr=False, compare=False)
    attendee_index: dict[str, Attendee] = field(init=False, repr=False, compare=False)
    _cache: dict[str, object] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "seat_index", {s.id: s for s in self.layout.seats})
        object.__setattr__(self, "attendee_index", {a.id: a for a in self.attendees})
        object.__setattr__(self, "_cache", {})
        if len(self.seat_index) != len(self.layout.seats):
            raise ValidationError("two seats share an id in the layout")
        zoned: set[str] = set()
        for zone in self.zones:
            for sid in zone.seat_ids:
                if sid not in self.seat_index:
                    raise UnknownIdError("seat", sid)
            for aid in zone.attendee_ids:
                if aid not in self.attendee_index:
                    raise UnknownIdError("attendee", aid)
                if aid in zoned:
                    raise ValidationError(f"attendee {aid!r} is in two zones")
                zoned.add(aid)
        missing = [a.id for a in self.attendees if a.id not in zoned]
        if missing:
            raise ValidationError(f"attendees without a zone: {', '.join(missing[:10])}")
        c = self.constraints
        for aid, sid in c.pins.items():
            if aid not in self.attendee_index:
                raise UnknownIdError("attendee", aid, hint="pins may only name people of the list")
            if sid not in self.seat_index:
                raise UnknownIdError("seat", sid, hint="pin people to seats of the layout")
        for sid in c.reserved:
            if sid not in self.seat_index:
                raise UnknownIdError("seat", sid, hint="reserve seats of the layout")
        for _, group in c.groups:
            for aid in group.members:
                if aid not in self.attendee_index:
                    raise UnknownIdError("attendee", aid, hint=f"{group.source or 'a group'} names someone not on the list")

    @property
    def seats(self) -> tuple[Seat, ...]:
        """All seats of the layout."""
        return self.layout.seats

    def seat(self, seat_id: str) -> Seat:
        """Return the seat with this id."""
        try:
            return self.seat_index[seat_id]
        except KeyError:
            raise UnknownIdError("seat", seat_id) from None

    def attendee(self, attendee_id: str) -> Attendee:
        """Return the attendee with this id."""
        try:
            return self.attendee_index[attendee_id]
        except KeyError:
            raise UnknownIdError("attendee", attendee_id) from None

    # ---------------------------------------------------------------- derived, cached

    def _cached(self, key: str, make: object) -> object:
        if key not in self._cache:
            self._cache[key] = make()  # type: ignore[operator]
        return self._cache[key]

    @property
    def neighbours(self) -> Mapping[str, tuple[str, ...]]:
        """Seat id → ids of the seats side by side with it (:func:`seat_neighbours`)."""
        return self._cached("neighbours", lambda: seat_neighbours(self.layout.seats))  # type: ignore[return-value]

    @property
    def zone_of_attendee(self) -> Mapping[str, Zone]:
        """Attendee id → his zone."""
        return self._cached("zone_of_attendee", lambda: {a: z for z in self.zones for a in z.attendee_ids})  # type: ignore[return-value]

    @property
    def zone_of_seat(self) -> Mapping[str, Zone]:
        """Seat id → the zone that lists it (seats of no zone are absent)."""
        return self._cached("zone_of_seat", lambda: {s: z for z in self.zones for s in z.seat_ids})  # type: ignore[return-value]

    @property
    def individually_placed(self) -> frozenset[str]:
        """People exempt from unit blocks: pinned people and, when units may wrap,
        people with a seat need and everyone in a keep-together rule with one of them.

        Their seats are skipped over when the blocks of the others are judged.
        With ``wrap = False`` people with needs stay in their unit's block (the
        block is fixed by the rows) and only pinned people are exempt.
        """
        return self._cached("individual", lambda: _individually_placed(self))  # type: ignore[return-value]

    def reference(self, zone: Zone) -> FillReference:
        """The plain protocol fill of a non-strict zone (:func:`reference_fill`)."""
        return self._cached(f"reference:{zone.name}", lambda: reference_fill(self, zone))  # type: ignore[return-value]


def _individually_placed(problem: SeatingProblem) -> frozenset[str]:
    c = problem.constraints
    placed = set(c.pins)
    if c.wrap:
        placed |= {a.id for a in problem.attendees if a.needs}
        changed = True
        while changed:
            changed = False
            for group in c.keep_together:
                if group.hard and any(m in placed for m in group.members) and not set(group.members) <= placed:
                    placed |= set(group.members)
                    changed = True
    return frozenset(placed)


# ------------------------------------------------------------------------------ seat geometry


def _lateral(seat: Seat) -> float:
    """Position along the seated person's own left→right (audience view for the floor)."""
    a = math.radians(seat.facing + 90.0)
    return -(seat.x * math.cos(a) + seat.y * math.sin(a))


#: Seats at a table whose facings differ by more than this (degrees) are across, not side by side.
SIDE_BY_SIDE_TURN = 135.0
#: Tag of a stool behind a table place (an interpreter behind his principal, R-BNQ-10).
STOOL_TAG = SeatTag.STOOL


def seat_neighbours(seats: Sequence[Seat]) -> dict[str, tuple[str, ...]]:
    """Which seats are side by side (the meaning of "adjacent" in keep-apart/keep-together).

    * Seats at a table (``Seat.table``) neighbour the seats next to them around
      the table (ordered by angle about the table's centre; a cycle), unless the
      two face away from each other by more than :data:`SIDE_BY_SIDE_TURN`
      degrees (the two corner chairs at the end of a French long table face each
      other across it; two chairs at a table of two are opposite). Stools behind
      the table (tag :data:`STOOL_TAG`, an interpreter behind his principal,
      R-BNQ-10) are nobody's neighbour.
    * Other seats neighbour the seats next to them in the same row (same section
      and row number, ordered along the occupants' own left→right) when the gap
      is at most :data:`NEIGHBOUR_GAP_FACTOR` × the section's usual seat pitch:
      an aisle, a missing seat or a pillar separates.

    Parameters
    ----------
    seats
        Seats of a layout.

    Returns
    -------
    dict
        Seat id → neighbour ids (0, 1 or 2 of them), for every seat.
    """
    out: dict[str, list[str]] = {s.id: [] for s in seats}
    tables: dict[tuple[str, str], list[Seat]] = {}
    rows: dict[tuple[str, int], list[Seat]] = {}
    for s in seats:
        if s.table and STOOL_TAG in s.tags:
            continue
        if s.table:
            tables.setdefault((s.section, s.table), []).append(s)
        else:
            rows.setdefault((s.section, s.row), []).append(s)
    for group in tables.values():
        if len(group) < 2:
            continue
        cx = sum(s.x for s in group) / len(group)
        cy = sum(s.y for s in group) / len(group)
        ring = sorted(group, key=lambda s: (math.atan2(s.y - cy, s.x - cx), s.id))
        n = len(ring)
        for i, s in enumerate(ring):
            for t in (ring[(i - 1) % n], ring[(i + 1) % n]):
                turn = abs((t.facing - s.facing + 180.0) % 360.0 - 180.0)
                if t.id != s.id and t.id not in out[s.id] and turn <= SIDE_BY_SIDE_TURN:
                    out[s.id].append(t.id)
    pitch_by_section: dict[str, list[float]] = {}
    ordered_rows: dict[tuple[str, int], list[tuple[float, Seat]]] = {}
    for key, group in rows.items():
        line = sorted(((_lateral(s), s) for s in group), key=lambda p: (p[0], p[1].id))
        ordered_rows[key] = line
        gaps = [b[0] - a[0] for a, b in itertools.pairwise(line)]
        pitch_by_section.setdefault(key[0], []).extend(g for g in gaps if g > 1e-9)
    pitch = {sec: statistics.median(g) for sec, g in pitch_by_section.items() if g}
    for (section, _), line in ordered_rows.items():
        limit = pitch.get(section, 0.0) * NEIGHBOUR_GAP_FACTOR + 1e-9
        for (la, a), (lb, b) in itertools.pairwise(line):
            if lb - la <= limit:
                out[a.id].append(b.id)
                out[b.id].append(a.id)
    return {k: tuple(v) for k, v in out.items()}


def fill_lines(seats: Sequence[Seat]) -> list[int]:
    """Line number of each seat of a fill order (what ``wrap`` is about).

    Consecutive seats of the fill order are on one line when they are in the
    same section, at the same table (or none) and in the same row (横排, 左右)
    or the same column (竖排, within :data:`LINE_TOLERANCE`).
    """
    lines: list[int] = []
    prev: Seat | None = None
    n = -1
    for s in seats:
        if prev is None or not (
            s.section == prev.section
            and s.table == prev.table
            and (s.row == prev.row or abs(_lateral(s) - _lateral(prev)) <= LINE_TOLERANCE)
        ):
            n += 1
        lines.append(n)
        prev = s
    return lines


def unit_runs(people: Sequence[Attendee]) -> list[tuple[str, ...]]:
    """Split a precedence list into runs of one unit (officials and alternates of a
    unit are separate runs when the list puts them apart, R-AUD-2)."""
    runs: list[list[str]] = []
    prev: str | None = None
    for a in people:
        if prev is None or a.unit != prev or not runs:
            runs.append([])
        runs[-1].append(a.id)
        prev = a.unit
    return [tuple(r) for r in runs]


@dataclass(frozen=True)
class FillReference:
    """The plain protocol fill of a non-strict zone, the yardstick of ``Weights.order``.

    Parameters
    ----------
    open_seats
        The zone's seats in fill order without reserved seats and seats pinned
        to someone: the seats the fill flows over ("open positions").
    lines
        Line number of each open seat (:func:`fill_lines`).
    free
        The zone's people who are not pinned, in precedence order.
    runs
        ``free`` split into unit runs when units are kept together, else one run.
    position
        Open position (index into ``open_seats``) the plain fill gives each free
        person who fits: the k-th free person takes the k-th open seat; with
        ``wrap = False`` a run that does not fit in what is left of a line
        starts the next line.
    overflow
        Free people for whom the plain fill has no seat, last in precedence.
    """

    open_seats: tuple[str, ...]
    lines: tuple[int, ...]
    free: tuple[str, ...]
    runs: tuple[tuple[str, ...], ...]
    position: Mapping[str, int]
    overflow: tuple[str, ...]


def reference_fill(problem: SeatingProblem, zone: Zone) -> FillReference:
    """Compute :class:`FillReference` for ``zone`` (see there)."""
    c = problem.constraints
    pinned_seats = {c.pins[a] for a in zone.attendee_ids if a in c.pins}
    open_seats = tuple(s for s in zone.seat_ids if s not in c.reserved and s not in pinned_seats)
    lines = tuple(fill_lines([problem.seat(s) for s in open_seats]))
    free_people = [problem.attendee(a) for a in zone.attendee_ids if a not in c.pins]
    free = tuple(a.id for a in free_people)
    runs = tuple(unit_runs(free_people)) if c.contiguous else ((free,) if free else ())
    position: dict[str, int] = {}
    overflow: list[str] = []
    m = len(open_seats)
    if c.wrap:
        for k, aid in enumerate(free):
            if k < m:
                position[aid] = k
            else:
                overflow.append(aid)
    else:
        line_start: dict[int, int] = {}
        line_end: dict[int, int] = {}
        for p, ln in enumerate(lines):
            line_start.setdefault(ln, p)
            line_end[ln] = p + 1
        p = 0
        for run in runs:
            if p < m and p != line_start[lines[p]] and len(run) > line_end[lines[p]] - p:
                p = line_end[lines[p]]  # does not fit in the rest of this line: next line
            for aid in run:
                if p < m:
                    position[aid] = p
                    p += 1
                else:
                    overflow.append(aid)
    return FillReference(
        open_seats=open_seats,
        lines=lines,
        free=free,
        runs=runs,
        position=MappingProxyType(position),
        overflow=tuple(overflow),
    )
