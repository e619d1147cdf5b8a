"""One entry point for layout generators: any :class:`MeetingKind` → :func:`rank_meeting_seats`.

It dispatches to the ``rank_*`` function of :mod:`~seatplan.protocol.reception`,
:mod:`~seatplan.protocol.talks`, :mod:`~seatplan.protocol.signing`,
:mod:`~seatplan.protocol.photo` or :mod:`~seatplan.protocol.meeting_room`.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from seatplan.errors import Location, ValidationError
from seatplan.model.enums import Convention, EvenMode
from seatplan.model.enums import coerce_choice as _coerce
from seatplan.model.seats import Seat
from seatplan.protocol.geometry import (
    PointLike,
)
from seatplan.protocol.meeting_common import Hand, MeetingOrder, TalksInterpreters
from seatplan.protocol.meeting_room import (
    rank_face_to_face,
    rank_head_of_table,
    rank_small_room,
)
from seatplan.protocol.photo import rank_photo
from seatplan.protocol.reception import (
    rank_reception,
    rank_reception_centre,
    rank_reception_chair,
)
from seatplan.protocol.signing import rank_signing
from seatplan.protocol.talks import rank_talks

__all__ = [
    "MeetingKind",
    "rank_meeting_seats",
]


class MeetingKind(StrEnum):
    """Kinds of meeting seating handled by :func:`rank_meeting_seats`."""

    RECEPTION = "reception"  # 会见, side by side (并列式), R-MTG-1
    RECEPTION_CENTRE = "reception-centre"  # 会见, 居中式, R-MTG-2
    RECEPTION_CHAIR = "reception-chair"  # 会见, 主席式, R-MTG-2
    TALKS = "talks"  # 会谈 at a long table, R-MTG-3 (across) / R-MTG-4 (pointing at the door)
    SIGNING = "signing"  # 签字仪式, R-MTG-6
    PHOTO = "photo"  # 合影, R-MTG-7
    SMALL_ROOM = "small-room"  # 面门设座 / 依景设座, R-MTG-8
    FACE_TO_FACE = "face-to-face"  # 对坐式 with a superior unit, R-MTG-9
    SAME_SIDE = "same-side"  # 同侧平坐式, R-MTG-9
    HEAD_OF_TABLE = "head-of-table"  # chair at the short end, R-MTG-10


def rank_meeting_seats(
    seats: Sequence[Seat],
    *,
    kind: MeetingKind | str,
    door: PointLike | None = None,
    convention: Convention | str | None = None,
    even: EvenMode | str = EvenMode.V1,
    n_hosts: int | None = None,
    n_guests: int = 0,
    chair: str | None = None,
    feature_wall: PointLike | None = None,
    interpreters: TalksInterpreters | str = TalksInterpreters.AT_TABLE,
    second_beside_chief: bool = False,
    guest_hand: Hand | str = Hand.RIGHT,
) -> MeetingOrder:
    """Seat precedence for any :class:`MeetingKind` (dispatches to the ``rank_*`` functions).

    Parameters
    ----------
    seats
        The seats of the meeting (:class:`~seatplan.model.Seat`, with facing).
    kind
        :class:`MeetingKind` or its value.
    door
        The main door; required for every kind except SIGNING and PHOTO (and a
        small room / head of table with ``chair`` or ``feature_wall``).
    convention
        Handedness; default per kind: INTL for TALKS, INTL for a PHOTO with
        guests, CN otherwise. Not used by RECEPTION / RECEPTION_CENTRE /
        SAME_SIDE (see ``guest_hand``) and SIGNING.
    even
        Even-row mode for FACE_TO_FACE and a CN PHOTO (R-DAIS-4/5/6).
    n_hosts, n_guests
        Party sizes for PHOTO.
    chair, feature_wall
        For SMALL_ROOM and HEAD_OF_TABLE.
    interpreters, second_beside_chief
        For TALKS.
    guest_hand
        For RECEPTION and SAME_SIDE: the host's hand the guest (superior) sits
        at; RECEPTION_CENTRE: the centre person's hand on which the guests'
        row is; RECEPTION_CHAIR: the host's hand whose side comes first.

    Returns
    -------
    MeetingOrder
    """
    k = _coerce(MeetingKind, kind, "kind")
    needs_door = k not in (MeetingKind.SIGNING, MeetingKind.PHOTO) and not (
        k in (MeetingKind.SMALL_ROOM, MeetingKind.HEAD_OF_TABLE) and (chair is not None or feature_wall is not None)
    )
    if needs_door and door is None:
        raise ValidationError(
            f"meeting kind {k.value!r} needs the main door", location=Location(field="door"),
            hint="give door=(x, y)",
        )
    if k in (MeetingKind.RECEPTION, MeetingKind.SAME_SIDE):
        assert door is not None
        return rank_reception(seats, door=door, guest_hand=guest_hand)
    if k is MeetingKind.RECEPTION_CENTRE:
        assert door is not None
        return rank_reception_centre(seats, door=door, guest_hand=guest_hand)
    if k is MeetingKind.RECEPTION_CHAIR:
        assert door is not None
        return rank_reception_chair(
            seats, door=door, convention=Convention.CN if convention is None else convention, guest_hand=guest_hand
        )
    if k is MeetingKind.TALKS:
        assert door is not None
        return rank_talks(
            seats,
            door=door,
            convention=Convention.INTL if convention is None else convention,
            interpreters=interpreters,
            second_beside_chief=second_beside_chief,
        )
    if k is MeetingKind.FACE_TO_FACE:
        assert door is not None
        return rank_face_to_face(
            seats, door=door, convention=Convention.CN if convention is None else convention, even=even
        )
    if k is MeetingKind.SIGNING:
        return rank_signing(seats)
    if k is MeetingKind.PHOTO:
        return rank_photo(seats, convention=convention, n_hosts=n_hosts, n_guests=n_guests, even=even)
    conv = Convention.CN if convention is None else convention
    if k is MeetingKind.SMALL_ROOM:
        return rank_small_room(seats, door=door, convention=conv, chair=chair, feature_wall=feature_wall)
    return rank_head_of_table(seats, door=door, convention=conv, chair=chair, feature_wall=feature_wall)
