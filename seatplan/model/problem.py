"""The seating problem in numbers: seats and people in precedence order, per zone."""

from __future__ import annotations

from dataclasses import dataclass, field

from seatplan.errors import UnknownIdError, ValidationError
from seatplan.model.attendees import Attendee
from seatplan.model.seats import Seat
from seatplan.model.venue import Shape, Venue


@dataclass(frozen=True)
class Zone:
    """A group of seats filled by a group of people in precedence order.

    Parameters
    ----------
    name
        Zone name (``"dais"``, ``"floor"``).
    seat_ids
        Seat ids, most honoured first (seat precedence from the protocol layer).
    attendee_ids
        Attendee ids, most senior first (attendee precedence).
    strict
        True where protocol fixes the order: the k-th person must take the k-th seat.
    """

    name: str
    seat_ids: tuple[str, ...]
    attendee_ids: tuple[str, ...]
    strict: bool = True


@dataclass(frozen=True)
class Layout:
    """Seats and drawable outlines produced by the layout layer."""

    venue: Venue
    seats: tuple[Seat, ...]
    shapes: tuple[Shape, ...] = ()


@dataclass(frozen=True)
class SeatingProblem:
    """What the solver sees: a layout, the people, and zones in precedence order.

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
    """

    layout: Layout
    attendees: tuple[Attendee, ...]
    zones: tuple[Zone, ...]
    allow_unseated: bool = False
    title: str = ""
    seat_index: dict[str, Seat] = field(init=False, repr=False, compare=False)
    attendee_index: dict[str, Attendee] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "seat_index", {s.id: s for s in self.layout.seats})
        object.__setattr__(self, "attendee_index", {a.id: a for a in self.attendees})
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
