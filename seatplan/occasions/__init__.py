"""Occasions: each kind of event turns a meeting into seats, outlines and zones.

An occasion module exposes ``build(meeting) -> Staging``: it lays out the room
(layout/), ranks seats and people (protocol/) and groups them into zones in
precedence order. Adding a kind means adding a module and one line to
``_MODULES``; nothing else in the pipeline changes.
"""

from __future__ import annotations

import importlib
import warnings
from dataclasses import dataclass, replace

from seatplan.errors import Location, PlanFileError
from seatplan.layout.audit import audit_layout
from seatplan.layout.hall import HallLayout
from seatplan.model import Layout, Meeting, OccasionKind, Zone


@dataclass(frozen=True)
class Staging:
    """What an occasion produces: the layout and the zones in precedence order.

    ``hall`` is the meeting hall as the row engine built it (the layout check reads its
    aisles and rows); ``None`` for the other occasions. ``notes`` are remarks of the
    solver for ``summary.json`` (e.g. an affinity search stopped by its time cap).
    """

    layout: Layout
    zones: tuple[Zone, ...]
    hall: HallLayout | None = None
    notes: tuple[str, ...] = ()


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
    staging: Staging = module.build(meeting)
    return check_staging(meeting, staging)


class LayoutWarning(UserWarning):
    """Spacing advice from the layout check, or a breach the plan waived (R-PHY-*)."""


def check_staging(meeting: Meeting, staging: Staging) -> Staging:
    """Hold the layout against the plan's fire-code profile and spacing rules (every occasion).

    Warnings and waived breaches are issued as :class:`LayoutWarning` and kept on the layout
    (``Layout.findings``, for ``summary.json`` and the diagram).

    Raises
    ------
    GeometryError
        For a breach of the fire code the plan does not waive (rule, place, fix).
    """
    hall = staging.hall
    findings = audit_layout(
        staging.layout, spec=meeting.check, sections=hall.sections if hall else (),
        dais_tables=hall.dais_tables if hall else (), source=meeting.source or "",
        crowded=meeting.occasion in (OccasionKind.MEETING, OccasionKind.BANQUET),
    )
    for finding in findings:
        warnings.warn(finding.describe(), LayoutWarning, stacklevel=3)
    return replace(staging, layout=replace(staging.layout, findings=findings))
