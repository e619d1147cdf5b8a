"""The 签字仪式 (signing ceremony) occasion, R-MTG-6.

Two signers sit at a signing table across the room facing the main door (the
cameras and guests): the host signer on the signers' own left, the guest
signer on their own right. Each side's flag stands on the table directly in
front of its own signer; each assistant (助签人) stands on the outer side of his
signer. The other members of each delegation stand in rows behind their own
signer, from the centre line outward by rank (hosts to the signers' own left,
guests to their right), front row first (T23: signers' view
``H4 H3 H2 H1 ‖ G1 G2 G3 G4``). The convention does not change this.

Who signs: the person tagged 签字人 / signer on each side, else that side's
rank 1. Assistants are tagged 助签 / assistant. Everybody else of a side stands
(interpreters and note-takers too, by rank).

Plan file: ``occasion = "signing"`` and an optional ``[signing]`` table::

    [signing]
    per_row = 0            # standing places per side in a row; 0 = one row if it fits
    table_length = 2.4     # m (R-PHY-9)
    pitch = 0.6            # m between standing places (R-PHY-8)
    assistants = true      # lay out the assistants' places

Zones (strict): ``signer-host``, ``signer-guest``, ``host``, ``guest`` (standing,
nearest the centre first), ``assistant-host``, ``assistant-guest``.
"""

from __future__ import annotations

import math

from seatplan.errors import Location, ValidationError
from seatplan.layout.meeting_common import relabel_seats
from seatplan.layout.signing import lay_signing, mark_flags
from seatplan.model import Attendee, Meeting, Zone
from seatplan.model.rooms import SigningSpec
from seatplan.model.seats import SeatTag
from seatplan.occasions import Staging
from seatplan.occasions.reception import (
    Party,
    SideLists,
    check_capacity,
    number_zone,
    split_sides,
)
from seatplan.protocol.people import order_by_rank
from seatplan.protocol.signing import rank_signing

__all__ = ["FLAG_LABELS", "build"]

TABLE = "signing"

#: Labels of the two flags on the signing table.
FLAG_LABELS = {Party.HOST: "主方旗", Party.GUEST: "客方旗"}


def _signer_and_rest(meeting: Meeting, party: Party, lists: SideLists) -> tuple[Attendee, list[Attendee], list[Attendee]]:
    """The signer of a side, the people who stand, and the assistants."""
    if len(lists.signers) > 1:
        second = lists.signers[1]
        raise ValidationError(
            f"{party.value} side has {len(lists.signers)} people tagged as signer; each side has one signer",
            location=Location(file=second.source.file, row=second.source.row, field="标签/tags", value="签字人"),
            hint="tag only the signer of each side with 签字人",
        )
    standing = list(lists.members) + list(lists.interpreters) + list(lists.note_takers)
    if lists.signers:
        signer = lists.signers[0]
    else:
        ordered = order_by_rank(standing)
        signer = ordered[0]
        standing = ordered[1:]
    return signer, order_by_rank(standing), list(lists.assistants)


def build(meeting: Meeting) -> Staging:
    """Lay out a 签字仪式 and rank its places and people (R-MTG-6).

    Parameters
    ----------
    meeting
        A meeting with ``occasion = "signing"``; attendees carry ``side`` and ``rank``.

    Returns
    -------
    Staging
        Signing table, flags, signer chairs, assistants' and standing places,
        and the zones (module docstring).

    Raises
    ------
    ValidationError, GeometryError
        If someone has no side, a side has two signers or more than one
        assistant, or the rows do not fit the room.
    """
    opts = meeting.signing or SigningSpec()
    sides = split_sides(meeting, what="a signing ceremony (签字仪式)")
    parts = {p: _signer_and_rest(meeting, p, lists) for p, lists in sides.items()}
    with_assistants = opts.assistants
    for party, (_, _, assistants) in parts.items():
        limit = 1 if with_assistants else 0
        if len(assistants) > limit:
            extra = assistants[limit]
            raise ValidationError(
                f"{extra.name} is tagged as assistant (助签人), but the {party.value} side has "
                f"{'one assistant place' if limit else 'no assistant places (assistants = false)'}",
                location=Location(file=extra.source.file, row=extra.source.row, field="标签/tags", value="助签"),
                hint="tag one assistant per side, or set assistants = true in [signing]",
            )
    per_side = max(len(standing) for _, standing, _ in parts.values())
    room = lay_signing(
        meeting.venue,
        standing_per_side=per_side,
        per_row=opts.per_row,
        table_length=opts.table_length,
        pitch=opts.pitch,
        assistants=with_assistants,
        source=meeting.source or "",
        key=TABLE,
    )
    seats = {s.id: s for s in room.layout.seats}
    ranked_ids = [*room.groups["signers"], *room.groups.get("standing", ())]
    order = rank_signing([seats[sid] for sid in ranked_ids], signers=tuple(room.groups["signers"]))  # type: ignore[arg-type]
    room = mark_flags(
        room,
        {FLAG_LABELS[Party.HOST]: order.points["host_flag"], FLAG_LABELS[Party.GUEST]: order.points["guest_flag"]},
    )
    rows = {sid: s.row for sid, s in seats.items()}
    labels: dict[str, tuple[str, int, int]] = {}
    zones: list[Zone] = []
    assistant_ids = list(room.groups.get("assistants", ()))
    for party, signer_role, standing_ids, point in (
        (Party.HOST, "host_signer", order.hosts, "host_assistant"),
        (Party.GUEST, "guest_signer", order.guests, "guest_assistant"),
    ):
        signer, standing, assistants = parts[party]
        name = f"signer-{party.value}"
        zones.append(Zone(name, (order.roles[signer_role],), (signer.id,)))
        number_zone(labels, rows, name, [order.roles[signer_role]])
        check_capacity(meeting, party.value, standing, len(standing_ids), key=f"{TABLE}.per_row", value=opts.per_row)
        zones.append(Zone(party.value, tuple(standing_ids), tuple(a.id for a in standing)))
        number_zone(labels, rows, party.value, standing_ids)
        if assistant_ids:
            px, py = order.points[point]
            nearest = min(assistant_ids, key=lambda sid: (math.hypot(seats[sid].x - px, seats[sid].y - py), sid))
            name = f"assistant-{party.value}"
            zones.append(Zone(name, (nearest,), tuple(a.id for a in assistants)))
            number_zone(labels, rows, name, [nearest])
    principal = {order.roles["host_signer"]: (SeatTag.PRINCIPAL,), order.roles["guest_signer"]: (SeatTag.PRINCIPAL,)}
    return Staging(layout=relabel_seats(room.layout, labels, tags=principal), zones=tuple(zones))
