"""The answer: who sits where, who could not be seated, and how the solve went."""

from __future__ import annotations

from dataclasses import dataclass, field

from seatplan.errors import Conflict, InfeasiblePlanError
from seatplan.model.enums import SolveStatus


@dataclass(frozen=True)
class Plan:
    """An assignment of attendees to seats.

    Parameters
    ----------
    seat_of
        Attendee id → seat id for everyone seated.
    unseated
        Attendee id → reason, for everyone not seated.
    """

    seat_of: dict[str, str] = field(default_factory=dict)
    unseated: dict[str, str] = field(default_factory=dict)

    def occupant_of(self) -> dict[str, str]:
        """Seat id → attendee id."""
        return {s: a for a, s in self.seat_of.items()}


@dataclass(frozen=True)
class Result:
    """Outcome of :func:`seatplan.solve`.

    Parameters
    ----------
    status
        OPTIMAL, FEASIBLE, INFEASIBLE or UNKNOWN.
    plan
        The assignment, or ``None`` when there is none.
    objective, bound, gap
        Objective value (lower is better), best proven bound and relative gap.
    seconds
        Wall-clock solve time.
    explanation
        Why the request is infeasible (or what was given up), in plain words.
    """

    status: SolveStatus
    plan: Plan | None
    objective: float = 0.0
    bound: float = 0.0
    gap: float = 0.0
    seconds: float = 0.0
    explanation: tuple[Conflict, ...] = ()

    def require_plan(self) -> Plan:
        """Return the plan, or raise :class:`InfeasiblePlanError` with the explanation."""
        if self.plan is None:
            raise InfeasiblePlanError(self.explanation)
        return self.plan
