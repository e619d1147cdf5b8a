"""Protocol layer: precedence of seats and people, computed from geometry (rule book §1-§4).

Pure Python over :class:`~seatplan.model.Seat` geometry; no shapely, OR-Tools or
matplotlib. Sequences always state their frame (audience view / stage view / plan).
Banquets and meetings live in :mod:`seatplan.protocol.banquet` and
:mod:`seatplan.protocol.meetings`; Western long banquet tables (R-BNQ-12) in
:mod:`seatplan.protocol.long_table`.
"""

from seatplan.protocol import banquet, long_table, meetings
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
from seatplan.protocol.long_table import (
    long_table_sequence,
    rank_long_table,
    seat_long_table,
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
    "long_table",
    "long_table_sequence",
    "meetings",
    "number_floor",
    "number_row",
    "order_strips",
    "rank_dais",
    "rank_dais_row",
    "rank_floor_seats",
    "rank_long_table",
    "rotate_members",
    "rotate_strips",
    "seat_long_table",
    "split_strips",
]
