"""Protocol layer: precedence of seats and people, computed from geometry (rule book §1-§4).

Pure Python over :class:`~seatplan.model.Seat` geometry; no shapely, OR-Tools or
matplotlib. Sequences always state their frame (audience view / stage view / plan).
Banquets and meetings live in :mod:`seatplan.protocol.banquet` and
:mod:`seatplan.protocol.meetings`.
"""

from seatplan.protocol import banquet, meetings
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
    number_floor,
    number_row,
    order_strips,
    rank_floor_seats,
    rotate_members,
    rotate_strips,
    split_strips,
)

__all__ = [
    "banquet",
    "check_dais_rows",
    "check_dais_sequence",
    "dais_offsets",
    "dais_order",
    "dais_row_sequences",
    "dais_slots",
    "fill_strips",
    "meetings",
    "number_floor",
    "number_row",
    "order_strips",
    "rank_dais",
    "rank_dais_row",
    "rank_floor_seats",
    "rotate_members",
    "rotate_strips",
    "split_strips",
]
