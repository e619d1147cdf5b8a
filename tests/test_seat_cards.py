"""Seat cards (座位卡): eight per page, in seat order, reproducible."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from seatplan.export import SeatRecord, render_seat_cards, select_seat_cards, write_seat_cards


def record(k: int, section: str = "floor") -> SeatRecord:
    return SeatRecord(
        id=f"A{k}", name=f"代表{k}", unit="县财政局", rank=k, section=section, row=1 + k // 10, seat=1 + k % 10,
        table="", x=float(k), y=1.0, title="", label=f"{1 + k // 10}排{1 + k % 10}号", seat_id=f"s{k}",
        gender="", ethnicity="", phone="", note="",
    )


def pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


def test_eight_cards_per_page_and_dais_skipped() -> None:
    records = [record(0, "dais")] + [record(k) for k in range(1, 18)]
    chosen = select_seat_cards(records)
    assert [r.id for r in chosen] == [f"A{k}" for k in range(1, 18)]
    assert pages(render_seat_cards(chosen, title="会议")) == 3
    assert pages(render_seat_cards([], title="会议")) == 1


def test_deterministic(tmp_path: Path) -> None:
    records = [record(k) for k in range(5)]
    write_seat_cards(records, tmp_path / "a.pdf", title="会议")
    write_seat_cards(records, tmp_path / "b.pdf", title="会议")
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")
def test_cards_have_ink_in_every_slot(tmp_path: Path) -> None:
    from PIL import Image

    write_seat_cards([record(k) for k in range(8)], tmp_path / "c.pdf", title="会议")
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(tmp_path / "c.pdf"), str(tmp_path / "p")], check=True)
    image = Image.open(next(tmp_path.glob("p*.png"))).convert("L")
    w, h = image.size
    for col in range(2):
        for row in range(4):
            box = image.crop((col * w // 2 + 5, row * h // 4 + 5, (col + 1) * w // 2 - 5, (row + 1) * h // 4 - 5))
            assert box.getextrema()[0] < 100, f"card {row},{col} is blank"
