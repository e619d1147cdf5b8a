"""Time the seat map (map.html) in headless Chromium: 1,000 seats (the baseline) against 10,000.

Run from the repository root (needs chromium and chromium-driver)::

    python -m tests.tools.map_timing [--runs 5]

For each size it prints the file size, the DOM node count and the medians of:
load (navigation start to the page being ready), a search (name → highlighted
and zoomed), and a pan/zoom frame (viewBox change to the next painted frame).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from tests.browser import Browser, browser_missing
from tests.test_seat_map import hall

FRAME = """
const done = arguments[arguments.length - 1];
const svg = document.getElementById('map');
const vb = svg.getAttribute('viewBox').split(' ').map(Number);
const t0 = performance.now();
svg.setAttribute('viewBox', [vb[0] + 1, vb[1] + 1, vb[2] * 0.9, vb[3] * 0.9].join(' '));
requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)));
"""


def measure(rows: int, runs: int) -> dict[str, float]:
    from seatplan.export import write_seat_map

    problem, plan = hall(rows, 100)
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "map.html"
        write_seat_map(problem, plan, page)
        b = Browser(Path(folder))
        try:
            loads, searches, frames = [], [], []
            for k in range(runs):
                b.get(page.as_uri())
                loads.append(float(b.run("return performance.now()")))  # the page is ready when get() returns
                name = f"代表{(k * 37) % (len(plan.seat_of))}"
                searches.append(float(b.run("const t = performance.now(); window.seatMap.search(arguments[0]); return performance.now() - t", name)))
                frames.append(float(b._call("POST", b._s("/execute/async"), {"script": FRAME, "args": []})))
            nodes = int(b.run("return document.getElementsByTagName('*').length"))
        finally:
            b.close()
        size = page.stat().st_size
    return {
        "seats": rows * 100,
        "bytes": size,
        "nodes": nodes,
        "load_ms": statistics.median(loads),
        "search_ms": statistics.median(searches),
        "frame_ms": statistics.median(frames),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if browser_missing():
        raise SystemExit(browser_missing())
    base, big = measure(10, args.runs), measure(100, args.runs)
    for row in (base, big):
        print(
            f"{row['seats']:>6} seats  {row['bytes'] / 1e6:5.2f} MB  {row['nodes']:>6} nodes  "
            f"load {row['load_ms']:7.1f} ms  search {row['search_ms']:6.1f} ms  pan/zoom frame {row['frame_ms']:6.1f} ms"
        )
    print(
        f"ratio 10,000 / 1,000: load {big['load_ms'] / base['load_ms']:.1f}x  search {big['search_ms'] / base['search_ms']:.1f}x  "
        f"frame {big['frame_ms'] / base['frame_ms']:.1f}x"
    )


if __name__ == "__main__":
    main()
