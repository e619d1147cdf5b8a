"""Dependencies point down only, and each third-party package stays in its layer."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "seatplan"

#: Third-party package → the only seatplan sub-packages allowed to import it.
CONFINED = {
    "ortools": {"solve"},
    "shapely": {"layout"},
    "matplotlib": {"render"},
    "fpdf": {"export"},
    "openpyxl": {"io", "export"},
}

#: seatplan sub-package → seatplan sub-packages it must not import.
FORBIDDEN = {
    "model": {"io", "layout", "protocol", "solve", "render", "export", "cli", "pipeline", "check"},
    "protocol": {"io", "layout", "solve", "render", "export", "cli", "pipeline"},
    "solve": {"io", "layout", "render", "export", "cli", "pipeline"},
    "layout": {"io", "solve", "render", "export", "cli", "pipeline"},
    "render": {"io", "layout", "solve", "export", "cli", "pipeline"},
    "export": {"io", "layout", "solve", "render", "cli", "pipeline"},
    "io": {"layout", "protocol", "solve", "render", "export", "cli", "pipeline"},
}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def layer_of(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def test_layers() -> None:
    problems = []
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 10
    for path in files:
        layer = layer_of(path)
        for name in imports_of(path):
            top = name.split(".")[0]
            if top in CONFINED and layer not in CONFINED[top]:
                problems.append(f"{path.relative_to(PACKAGE)} imports {name}")
            if top == "seatplan" and "." in name:
                target = name.split(".")[1]
                if target in FORBIDDEN.get(layer, set()):
                    problems.append(f"{path.relative_to(PACKAGE)} ({layer}) imports {name}")
    assert problems == []
