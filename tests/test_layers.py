"""Dependencies point down only, each third-party package stays in its layer, no file grows too long.

Every module of ``seatplan`` belongs to a layer: a sub-package (``seatplan/layout/...``) or a
top-level module (``seatplan/cli.py``). :data:`LAYERS` lists, for each, the layers it may
import; a module in no layer fails the test, so a new module is classified when it is added.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "seatplan"

#: Base-level modules every layer may import: the one error tree, the one atomic-write/lock helper and
#: the progress line of long steps (standard library only).
BASE = frozenset({"errors", "files", "progress"})

#: Layer → the seatplan layers it may import (besides itself, and :data:`BASE` for the layers above it).
LAYERS: dict[str, frozenset[str]] = {
    # base
    "errors": frozenset(),
    "files": frozenset({"errors"}),
    "progress": frozenset(),
    # the data model, and what sits right on it
    "model": frozenset(),
    "fonts": frozenset(),  # finds the CJK font for render/ and export/
    "check": frozenset({"model"}),  # plan cost and plan checks, shared by solve/ and the API
    # the working layers
    "protocol": frozenset({"model"}),
    "layout": frozenset({"model", "protocol"}),
    "solve": frozenset({"model", "check"}),
    "io": frozenset({"model"}),
    "render": frozenset({"model", "fonts"}),
    "export": frozenset({"model", "fonts"}),
    # building a problem from a plan file: one module per occasion, the requests
    # (a banquet's tables after the main one may be filled by affinity: solve.affinity)
    "occasions": frozenset({"model", "protocol", "layout", "solve"}),
    "rules": frozenset({"model"}),
    # the application: pipelines, tools and entry points
    "pipeline": frozenset({"model", "fonts", "check", "io", "occasions", "rules", "solve", "layout", "render", "export"}),
    "replan": frozenset({"model", "check", "io", "rules", "solve", "render", "export", "pipeline"}),
    "desk": frozenset({"model", "check", "io", "solve", "render", "export", "pipeline", "replan"}),
    "fit": frozenset({"model", "io", "layout", "render", "export"}),
    "demo": frozenset({"model", "io"}),
    "bench": frozenset(
        {"__init__", "model", "fonts", "check", "protocol", "layout", "solve", "io", "render", "export", "occasions",
         "rules", "pipeline", "demo"}
    ),
    "cli": frozenset(
        {"__init__", "model", "fonts", "check", "protocol", "layout", "solve", "io", "render", "export", "occasions",
         "rules", "pipeline", "replan", "desk", "fit", "demo", "bench"}
    ),
    # the public API
    "__init__": frozenset(
        {"model", "fonts", "check", "protocol", "layout", "solve", "io", "render", "export", "occasions", "rules",
         "pipeline"}
    ),
    "__main__": frozenset({"cli"}),
}

#: (layer, imported layer) pairs the rules forbid that are still being removed, each with its task.
#: Remove an entry when its last import goes (a stale entry fails :func:`test_layers`).
#: (occasions/ and rules/ import nothing from io/: they receive typed option specs from model/, read
#: and checked when the plan file is read.)
PENDING_IMPORTS: dict[tuple[str, str], str] = {}

#: Third-party package → the only seatplan layers allowed to import it.
CONFINED = {
    "ortools": {"solve"},
    "shapely": {"layout"},
    "matplotlib": {"render"},
    "fpdf": {"export"},
    "openpyxl": {"io", "export"},
    "pypinyin": {"protocol"},
}

#: No source file is longer than this (lines).
MAX_LINES = 1200

#: Files still over :data:`MAX_LINES`, each with the task that splits it. Empty it; a file that has
#: dropped under the limit must leave the list (a stale entry fails :func:`test_file_length`).
LONG_FILES: dict[str, str] = {
    "solve/table_assign.py": "table assignment on the shared CP-SAT factory (issue 15, solver)",
}


def imports_of(path: Path) -> set[str]:
    """Absolute module names imported anywhere in ``path`` (``from seatplan import x`` gives ``seatplan.x``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: relative import (use absolute seatplan.… imports)"
            if node.module == "seatplan":
                names.update(f"seatplan.{a.name}" for a in node.names)
            elif node.module:
                names.add(node.module)
    return names


def layer_of(path: Path, package: Path = PACKAGE) -> str:
    """The layer of a module: its sub-package, or its own name for a top-level module."""
    rel = path.relative_to(package)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def target_layer(name: str, package: Path = PACKAGE) -> str:
    """The layer a ``seatplan.…`` import reaches (an attribute of the package itself: ``__init__``)."""
    parts = name.split(".")
    if len(parts) == 1:
        return "__init__"
    head = parts[1]
    if (package / head).is_dir() or (package / f"{head}.py").is_file() or head in LAYERS:
        return head
    return "__init__"


def layer_problems(files: Iterable[Path], package: Path = PACKAGE) -> tuple[list[str], set[tuple[str, str]]]:
    """Rule breaches of ``files``, and the :data:`PENDING_IMPORTS` entries they still need."""
    problems: list[str] = []
    used_pending: set[tuple[str, str]] = set()
    for path in files:
        rel = path.relative_to(package)
        layer = layer_of(path, package)
        if layer not in LAYERS:
            problems.append(f"{rel}: layer {layer!r} is not classified; add it to LAYERS in tests/test_layers.py")
            continue
        allowed = LAYERS[layer] | {layer} | (frozenset() if layer in BASE else BASE)
        for name in sorted(imports_of(path)):
            top = name.split(".")[0]
            if top in CONFINED and layer not in CONFINED[top]:
                problems.append(f"{rel} imports {name}: {top} belongs to {sorted(CONFINED[top])} only")
            if top != "seatplan":
                continue
            target = target_layer(name, package)
            if target in allowed:
                continue
            if (layer, target) in PENDING_IMPORTS:
                used_pending.add((layer, target))
                continue
            problems.append(f"{rel} ({layer}) imports {name}: {layer} may import {sorted(LAYERS[layer])} and the base")
    return problems, used_pending


def test_layers() -> None:
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 50
    problems, used_pending = layer_problems(files)
    assert problems == []
    stale = sorted(set(PENDING_IMPORTS) - used_pending)
    assert stale == [], f"no module imports these any more; remove them from PENDING_IMPORTS: {stale}"


def test_layer_table_points_down() -> None:
    """The allowed imports form no cycle, and only name known layers."""
    for layer, targets in LAYERS.items():
        unknown = targets - set(LAYERS)
        assert not unknown, f"LAYERS[{layer!r}] names unknown layers {sorted(unknown)}"
    for layer, target in PENDING_IMPORTS:
        assert target in LAYERS and target not in LAYERS[layer], f"PENDING_IMPORTS entry {(layer, target)} is no exception"
    state: dict[str, int] = {}

    def visit(layer: str, path: list[str]) -> None:
        if state.get(layer) == 1:
            raise AssertionError(f"import cycle in LAYERS: {' -> '.join([*path, layer])}")
        if state.get(layer) == 2:
            return
        state[layer] = 1
        for target in sorted(LAYERS[layer] | (frozenset() if layer in BASE else BASE)):
            visit(target, [*path, layer])
        state[layer] = 2

    for layer in sorted(LAYERS):
        visit(layer, [])


def test_every_layer_exists() -> None:
    """Each entry of LAYERS is a package or module of seatplan."""
    missing = [
        name for name in LAYERS
        if not (PACKAGE / name).is_dir() and not (PACKAGE / f"{name}.py").is_file()
    ]
    assert missing == []


def _fake_package(tmp_path: Path, files: dict[str, str]) -> tuple[Path, list[Path]]:
    root = tmp_path / "seatplan"
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for sub in ("model", "layout", "protocol", "io", "occasions"):
        (root / sub).mkdir(exist_ok=True)
    return root, sorted(root.rglob("*.py"))


@pytest.mark.parametrize(
    ("rel", "source", "expected"),
    [
        ("protocol/x.py", "import shapely\n", "shapely belongs to"),
        ("protocol/x.py", "from seatplan.layout.room import room_polygon\n", "(protocol) imports seatplan.layout"),
        ("model/x.py", "from seatplan import io\n", "(model) imports seatplan.io"),
        ("io/x.py", "def f():\n    from seatplan.pipeline import run_plan_file\n", "(io) imports seatplan.pipeline"),
        ("pipeline.py", "import seatplan.cli\n", "(pipeline) imports seatplan.cli"),
        ("rules.py", "from seatplan.render.diagram import draw_plan\n", "(rules) imports seatplan.render"),
        ("newthing.py", "import math\n", "layer 'newthing' is not classified"),
        ("widgets/x.py", "import math\n", "layer 'widgets' is not classified"),
    ],
)
def test_layer_rules_catch(tmp_path: Path, rel: str, source: str, expected: str) -> None:
    """The rules are not vacuous: each kind of breach is reported, naming the file."""
    root, files = _fake_package(tmp_path, {rel: source, "errors.py": ""})
    problems, _ = layer_problems(files, root)
    assert len(problems) == 1 and problems[0].startswith(rel) and expected in problems[0], problems


def test_layer_rules_allow(tmp_path: Path) -> None:
    root, files = _fake_package(
        tmp_path,
        {
            "errors.py": "",
            "layout/x.py": "import shapely\nfrom seatplan.protocol import dais\nfrom seatplan.errors import GeometryError\n",
            "cli.py": "from seatplan import __version__\nfrom seatplan.pipeline import run_plan_file\n",
        },
    )
    assert layer_problems(files, root)[0] == []


def line_counts(package: Path = PACKAGE) -> dict[str, int]:
    """Lines of every source file, keyed by its path inside the package."""
    return {
        str(path.relative_to(package).as_posix()): len(path.read_text(encoding="utf-8").splitlines())
        for path in sorted(package.rglob("*.py"))
    }


def test_file_length() -> None:
    counts = line_counts()
    too_long = {rel: n for rel, n in counts.items() if n > MAX_LINES and rel not in LONG_FILES}
    assert too_long == {}, f"split these files (at most {MAX_LINES} lines each): {too_long}"
    done = sorted(rel for rel in LONG_FILES if counts.get(rel, 0) <= MAX_LINES)
    assert done == [], f"these files are now short enough; remove them from LONG_FILES: {done}"
