"""Occasions: each kind of event turns a meeting into seats, outlines and zones.

An occasion module exposes ``build(meeting) -> Staging``: it lays out the room
(layout/), ranks seats and people (protocol/) and groups them into zones in
precedence order. Adding a kind means adding a module and one line to
``_MODULES``; nothing else in the pipeline changes.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from seatplan.errors import Location, PlanFileError
from seatplan.model import Layout, Meeting, OccasionKind, Zone


@dataclass(frozen=True)
class Staging:
    """What an occasion produces: the layout and the zones in precedence order."""

    layout: Layout
    zones: tuple[Zone, ...]


def option_error(meeting: Meeting, key: str, value: object, message: str, hint: str) -> PlanFileError:
    """An error about an option of the meeting's plan file found while building (it names the file)."""
    return PlanFileError(message, location=Location(file=meeting.source or "", field=key, value=value), hint=hint)


#: Occasion kind → module in this package that builds it.
_MODULES: dict[OccasionKind, str] = {
    OccasionKind.MEETING: "hall",
    OccasionKind.BANQUET: "banquet",
    OccasionKind.RECEPTION: "reception",
    OccasionKind.TALKS: "talks",
    OccasionKind.SIGNING: "signing",
    OccasionKind.PHOTO: "photo",
    OccasionKind.MEETING_ROOM: "meeting_room",
}


def stage_meeting(meeting: Meeting) -> Staging:
    """Build the layout and zones of ``meeting`` with the module of its occasion.

    Raises
    ------
    PlanFileError
        If the occasion kind has no builder.
    """
    name = _MODULES.get(meeting.occasion)
    if name is None:
        raise PlanFileError(
            f"occasion {meeting.occasion.value!r} cannot be laid out by this version",
            location=Location(file=meeting.source or "", field="occasion", value=meeting.occasion.value),
            hint=f"use one of: {', '.join(k.value for k in _MODULES)}",
        )
    module = importlib.import_module(f"seatplan.occasions.{name}")
    return module.build(meeting)
