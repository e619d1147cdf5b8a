"""Protocol layer: precedence of seats and people, computed from geometry (rule book §1-§4).

Pure Python over :class:`~seatplan.model.Seat` geometry; no shapely, OR-Tools or
matplotlib. Sequences always state their frame (audience view / stage view / plan).
Banquets live in :mod:`seatplan.protocol.banquet`, Western long banquet tables (R-BNQ-12) in
:mod:`seatplan.protocol.long_table`. Each meeting occasion has its own module:
:mod:`~seatplan.protocol.reception` (会见), :mod:`~seatplan.protocol.talks` (会谈),
:mod:`~seatplan.protocol.signing` (签字), :mod:`~seatplan.protocol.photo` (合影) and
:mod:`~seatplan.protocol.meeting_room` (small meeting rooms), sharing
:mod:`~seatplan.protocol.meeting_common`; :func:`rank_meeting_seats` dispatches to any of them.
"""

from seatplan.protocol import banquet, long_table
from seatplan.protocol.dais import (
    check_dais_rows,
    check_dais_sequence,
    dais_offsets,
    dais_order,
    dais_row_sequences,
    dais_slots,
    rank_dais,
    rank_dais_row,
)
from seatplan.protocol.floor import (
    fill_strips,
    order_strips,
    rank_floor_seats,
    rotate_members,
    rotate_strips,
    split_strips,
)
from seatplan.protocol.long_table import (
    long_table_sequence,
    rank_long_table,
    seat_long_table,
)
from seatplan.protocol.meeting_common import (
    FACE_TOLERANCE_DEG,
    MEETING_TOLERANCE,
    ROW_TOLERANCE,
    Hand,
    MeetingOrder,
    TableOrientation,
    TalksInterpreters,
)
from seatplan.protocol.meeting_kinds import (
    MeetingKind,
    rank_meeting_seats,
)
from seatplan.protocol.meeting_room import (
    ChairRule,
    face_to_face_sequences,
    rank_face_to_face,
    rank_head_of_table,
    rank_small_room,
    small_room_sequence,
)
from seatplan.protocol.photo import (
    photo_sequence,
    rank_photo,
)
from seatplan.protocol.reception import (
    RECEPTION_FORM_NAMES,
    ReceptionForm,
    party_block_offsets,
    rank_reception,
    rank_reception_centre,
    rank_reception_chair,
    reception_centre_sequence,
    reception_chair_sequences,
    reception_sequence,
)
from seatplan.protocol.signing import (
    rank_signing,
    signing_sequence,
)
from seatplan.protocol.talks import (
    ProtocolLanguage,
    order_delegations,
    rank_behind,
    rank_round_table,
    rank_talks,
    split_square_sides,
    talks_sequences,
)

__all__ = [
    "FACE_TOLERANCE_DEG",
    "MEETING_TOLERANCE",
    "RECEPTION_FORM_NAMES",
    "ROW_TOLERANCE",
    "ChairRule",
    "Hand",
    "MeetingKind",
    "MeetingOrder",
    "ProtocolLanguage",
    "ReceptionForm",
    "TableOrientation",
    "TalksInterpreters",
    "banquet",
    "check_dais_rows",
    "check_dais_sequence",
    "dais_offsets",
    "dais_order",
    "dais_row_sequences",
    "dais_slots",
    "face_to_face_sequences",
    "fill_strips",
    "long_table",
    "long_table_sequence",
    "order_delegations",
    "order_strips",
    "party_block_offsets",
    "photo_sequence",
    "rank_behind",
    "rank_dais",
    "rank_dais_row",
    "rank_face_to_face",
    "rank_floor_seats",
    "rank_head_of_table",
    "rank_long_table",
    "rank_meeting_seats",
    "rank_photo",
    "rank_reception",
    "rank_reception_centre",
    "rank_reception_chair",
    "rank_round_table",
    "rank_signing",
    "rank_small_room",
    "rank_talks",
    "reception_centre_sequence",
    "reception_chair_sequences",
    "reception_sequence",
    "rotate_members",
    "rotate_strips",
    "seat_long_table",
    "signing_sequence",
    "small_room_sequence",
    "split_square_sides",
    "split_strips",
    "talks_sequences",
]
