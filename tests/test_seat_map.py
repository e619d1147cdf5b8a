"""The offline seat map (map.html): self-contained, escaped, deterministic; search and edits in headless Chromium."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from seatplan.export import render_seat_map
from seatplan.model import Attendee, Layout, Plan, Seat, SeatingProblem, Venue, Zone
from tests.browser import ENTER, Browser, browser_missing, wait_for_file


def hall(rows: int, per_row: int, *, names: list[str] | None = None) -> tuple[SeatingProblem, Plan]:
    """A plain hall, seat k taken by person k (``names`` first, then 代表k), the last row empty."""
    seats = [Seat(f"r{r}s{k}", "floor", r, k, x=0.55 * k, y=-0.9 * r) for r in range(1, rows + 1) for k in range(1, per_row + 1)]
    taken = seats[: (rows - 1) * per_row]
    given = list(names or [])
    people = [Attendee(f"P{k}", given[k] if k < len(given) else f"代表{k}", unit=f"单位{k % 7}", title="科员") for k in range(len(taken))]
    problem = SeatingProblem(
        Layout(Venue.rectangle(0.55 * per_row + 2, 0.9 * rows + 3), tuple(seats)),
        tuple(people),
        (Zone("floor", tuple(s.id for s in seats), tuple(p.id for p in people), strict=False),),
    )
    return problem, Plan(seat_of={p.id: s.id for p, s in zip(people, taken)})


def test_the_page_is_self_contained_and_deterministic() -> None:
    problem, plan = hall(4, 6)
    page = render_seat_map(problem, plan, title="测试")
    assert page == render_seat_map(problem, plan, title="测试")
    assert '<meta name="viewport"' in page and "<svg" in page
    # nothing fetched: no external script, style, font or image; the only URL is the SVG namespace
    assert not re.search(r"<(link|img|iframe)\b|\bsrc=|@import|url\(", page)
    assert re.findall(r"https?://[^\s\"']+", page) == ["http://www.w3.org/2000/svg"] * page.count("http://www.w3.org/2000/svg")
    # names are real text in the SVG
    assert ">代表3</text>" in page and page.count('class="seat empty"') == 6


def test_hostile_names_are_text_not_markup() -> None:
    hostile = ["</script><script>alert(1)</script>", '<img src=x onerror="alert(1)">', "A&B \"quoted\" 'single'"]
    problem, plan = hall(2, 4, names=hostile)
    page = render_seat_map(problem, plan)
    assert "<script>alert" not in page and "<img" not in page
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in page
    data = re.search(r'<script id="data" type="application/json">(.*?)</script>', page, re.S)
    assert data is not None and "</script" not in data.group(1)


# ------------------------------------------------------------------------------ in Chromium

needs_browser = pytest.mark.skipif(bool(browser_missing()), reason=browser_missing() or "chromium available")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled demo, solved (inputs in OUT/input/, map.html among the outputs)."""
    from seatplan.demo import write_demo_inputs
    from seatplan.pipeline import run_plan_file

    out = tmp_path_factory.mktemp("demo") / "demo"
    run_plan_file(write_demo_inputs(out / "input"), out)
    return out


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))


@pytest.fixture
def browser(tmp_path: Path) -> Browser:
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    b = Browser(downloads)
    b.downloads = downloads  # type: ignore[attr-defined]
    yield b  # type: ignore[misc]
    b.close()


def _search(browser: Browser, text: str) -> str:
    browser.type("#q", text + ENTER)
    return str(browser.run("return document.body.getAttribute('data-hit')"))


@needs_browser
def test_search_highlights_and_scrolls_to_the_seat(demo: Path, browser: Browser) -> None:
    rows = _rows(demo / "seats.csv")
    person = next(r for r in rows if r["section"] == "floor" and int(r["row"]) >= 10)
    browser.get((demo / "map.html").as_uri())
    assert browser.run("return document.body.getAttribute('data-ready')") == "1"
    assert _search(browser, person["name"]) == person["seat_id"]
    state = browser.run(
        """const r = document.getElementById('seat-' + arguments[0]); const b = r.getBoundingClientRect();
        const v = document.getElementById('view').getBoundingClientRect();
        return {hit: r.classList.contains('hit'), hits: document.querySelectorAll('rect.hit').length,
                inside: b.left >= v.left && b.right <= v.right && b.top >= v.top && b.bottom <= v.bottom,
                width: b.width, tip: document.getElementById('tip').innerText, hidden: document.getElementById('tip').hidden}""",
        person["seat_id"],
    )
    assert state["hit"] and state["hits"] == 1 and state["inside"] and state["width"] > 20, state
    assert not state["hidden"] and all(person[k] in state["tip"] for k in ("name", "unit", "label"))
    # by seat label and by unit: the seat of that label; every person of the unit listed
    assert _search(browser, person["label"]) == person["seat_id"]
    unit_rows = [r for r in rows if r["unit"] == person["unit"]]
    listed = browser.run("return document.querySelectorAll('#results button').length")
    _search(browser, person["unit"])
    listed = browser.run("return document.querySelectorAll('#results button').length")
    assert listed == min(50, len(unit_rows))


@needs_browser
def test_unit_filter_and_tooltip_on_click(demo: Path, browser: Browser) -> None:
    rows = _rows(demo / "seats.csv")
    unit = rows[-1]["unit"]
    browser.get((demo / "map.html").as_uri())
    browser.run("const s = document.getElementById('unit'); s.value = arguments[0]; s.dispatchEvent(new Event('change'));", unit)
    on = browser.run("return Array.from(document.querySelectorAll('rect.seat.on')).map(r => r.id.slice(5))")
    assert sorted(on) == sorted(r["seat_id"] for r in rows if r["unit"] == unit)
    person = rows[-1]
    _search(browser, person["name"])
    browser.click(f"#seat-{person['seat_id']}")
    assert person["name"] in browser.run("return document.getElementById('tip').innerText")


@needs_browser
def test_two_swaps_in_the_page_are_applied_by_replan(demo: Path, browser: Browser, tmp_path: Path) -> None:
    from seatplan.replan import run_replan

    rows = _rows(demo / "seats.csv")
    floor = [r for r in rows if r["section"] == "floor"]
    by_unit: dict[str, list[dict[str, str]]] = {}
    for r in floor:
        by_unit.setdefault(r["unit"], []).append(r)
    pairs = [(g[0], g[-1]) for g in by_unit.values() if len(g) >= 2][:2]
    browser.get((demo / "map.html").as_uri())
    browser.click("#edit")
    for a, b in pairs:
        for person in (a, b):
            _search(browser, person["id"])
            browser.click(f"#seat-{person['seat_id']}")
    assert browser.run("return document.body.getAttribute('data-edits')") == "2"
    listed = browser.run("return document.getElementById('edit-list').innerText")
    assert all(p["name"] in listed for pair in pairs for p in pair)
    # the page swapped the names it shows, and claims nothing about validity
    shown = browser.run("return window.seatMap.seat(arguments[0])", pairs[0][0]["seat_id"])
    assert shown[2] == pairs[0][1]["id"]
    assert "valid" not in browser.run("return document.body.innerText").lower().replace("invalid", "")
    browser.click("#download")
    downloaded = wait_for_file(browser.downloads / "CHANGES.csv")  # type: ignore[attr-defined]
    lines = downloaded.read_bytes().decode("utf-8-sig").splitlines()
    assert lines[0].startswith("变更,编号,姓名,座位,对方") and len(lines) == 3
    run_replan(demo, downloaded, tmp_path / "after")
    after = {r["id"]: r for r in _rows(tmp_path / "after" / "seats.csv")}
    for a, b in pairs:
        assert after[a["id"]]["seat_id"] == b["seat_id"] and after[b["id"]]["seat_id"] == a["seat_id"]
    moved = {r["id"] for r in rows if after[r["id"]]["seat_id"] != r["seat_id"]}
    assert moved == {p["id"] for pair in pairs for p in pair}
    assert (tmp_path / "after" / "reprint.pdf").is_file() and (tmp_path / "after" / "map.html").is_file()


@needs_browser
def test_move_to_an_empty_seat_in_the_page(tmp_path: Path) -> None:
    from seatplan.export import write_seat_map

    problem, plan = hall(3, 5)
    write_seat_map(problem, plan, tmp_path / "map.html")
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    b = Browser(downloads, width=390, height=844, mobile=True)
    try:
        b.get((tmp_path / "map.html").as_uri())
        layout = b.run("return {scroll: document.documentElement.scrollWidth, width: innerWidth, q: document.getElementById('q').getBoundingClientRect().width}")
        assert layout["scroll"] <= layout["width"] and layout["q"] > 100, layout
        b.click("#edit")
        b.click("#seat-r1s1")
        b.click("#seat-r3s5")
        b.click("#download")
        text = wait_for_file(downloads / "CHANGES.csv").read_bytes().decode("utf-8-sig")
        assert text.splitlines()[1].startswith("移座,P0,代表0,r3s5,")
        assert b.run("return window.seatMap.seat('r3s5')")[2] == "P0" and b.run("return window.seatMap.seat('r1s1')")[2] == ""
    finally:
        b.close()


@needs_browser
def test_ten_thousand_seats_load_and_search(tmp_path: Path) -> None:
    from seatplan.export import write_seat_map

    problem, plan = hall(100, 100)
    write_seat_map(problem, plan, tmp_path / "map.html")
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    b = Browser(downloads)
    try:
        b.get((tmp_path / "map.html").as_uri())
        nodes = b.run("return document.getElementsByTagName('*').length")
        assert nodes < 2.1 * 10_000 + 100, "one rect per seat and one text per person, nothing more"
        assert _search(b, "代表9876") == "r99s77"
    finally:
        b.close()
