"""Exports: seat lists (csv, xlsx, json), name cards and seat cards (PDF), reproducible byte for byte."""

from seatplan.export.cards import (
    NameCard,
    cards_from_records,
    render_name_cards,
    space_two_char_name,
    write_name_cards,
)
from seatplan.export.records import SeatRecord, build_seat_records
from seatplan.export.seat_cards import render_seat_cards, select_seat_cards, write_seat_cards
from seatplan.export.seat_map import render_seat_map, write_seat_map
from seatplan.export.tables import (
    SEAT_COLUMN_TITLES,
    SEAT_COLUMNS,
    UNSEATED_COLUMNS,
    display_width,
    section_sheet_name,
    write_seats_csv,
    write_seats_xlsx,
    write_summary_json,
    write_unseated_csv,
)

__all__ = [
    "SEAT_COLUMNS",
    "SEAT_COLUMN_TITLES",
    "UNSEATED_COLUMNS",
    "NameCard",
    "SeatRecord",
    "build_seat_records",
    "cards_from_records",
    "display_width",
    "render_name_cards",
    "render_seat_cards",
    "render_seat_map",
    "section_sheet_name",
    "select_seat_cards",
    "space_two_char_name",
    "write_name_cards",
    "write_seat_cards",
    "write_seat_map",
    "write_seats_csv",
    "write_seats_xlsx",
    "write_summary_json",
    "write_unseated_csv",
]
