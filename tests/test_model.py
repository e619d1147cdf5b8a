"""Model rules: seat labels, validation in __post_init__."""

from __future__ import annotations

import pytest

from seatplan.errors import ValidationError
from seatplan.model import Attendee, DaisSpec, FloorSpec, Seat, Venue


@pytest.mark.parametrize(
    ("section", "row", "table", "label"),
    [
        ("floor", 3, "", "3排12号"),
        ("dais", 1, "", "主席台 第1排 12号"),
        ("banquet", 2, "5", "5号桌 12号"),
        ("balcony", 2, "", "楼上 2排12号"),
        ("photo-row-2", 2, "", "合影 2排12号"),
        ("host", 1, "", "主方 12号"),
        ("interpreter-guest", 1, "", "客方翻译 12号"),
        ("signer-host", 1, "", "主方签字人 12号"),
        ("participant", 1, "", "座位 12号"),
    ],
)
def test_seat_labels(section: str, row: int, table: str, label: str) -> None:
    assert Seat(id="s", section=section, row=row, number=12, x=0.0, y=0.0, table=table).describe() == label


def test_own_left_of_dais_seat_is_audience_right() -> None:
    lx, ly = Seat(id="s", section="dais", row=1, number=1, x=0.0, y=0.0, facing=270.0).left_vector
    assert lx == pytest.approx(1.0) and ly == pytest.approx(0.0, abs=1e-12)


@pytest.mark.parametrize(
    "make",
    [
        lambda: Seat(id="", section="floor", row=1, number=1, x=0.0, y=0.0),
        lambda: Seat(id="s", section="floor", row=0, number=1, x=0.0, y=0.0),
        lambda: Seat(id="s", section="floor", row=1, number=1, x=float("nan"), y=0.0),
        lambda: Attendee(id="a", name="  "),
        lambda: Attendee(id="a", name="x", rank=-1),
        lambda: Venue(outline=((0.0, 0.0), (1.0, 0.0))),
        lambda: Venue.rectangle(0, 5),
        lambda: DaisSpec(rows=(3, 0)),
        lambda: FloorSpec(blocks=()),
        lambda: FloorSpec(row_pitch=0.0),
    ],
)
def test_invalid_data_is_rejected(make: object) -> None:
    with pytest.raises(ValidationError):
        make()  # type: ignore[operator]
