"""Protocol layer: precedence of seats computed from geometry (rule book §1-§2).

Pure Python over :class:`~seatplan.model.Seat` geometry; no shapely, OR-Tools or
matplotlib. Sequences always state their frame (audience view / stage view).
"""

from seatplan.protocol.dais import (
    check_dais_sequence,
    dais_offsets,
    dais_order,
    dais_slots,
    rank_dais,
    rank_dais_row,
)
from seatplan.protocol.floor import (
    number_floor,
    number_row,
    order_strips,
    rank_floor_seats,
    split_strips,
)

__all__ = [
    "check_dais_sequence",
    "dais_offsets",
    "dais_order",
    "dais_slots",
    "number_floor",
    "number_row",
    "order_strips",
    "rank_dais",
    "rank_dais_row",
    "rank_floor_seats",
    "split_strips",
]
