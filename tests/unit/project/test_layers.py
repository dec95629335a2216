"""Imports point one way: the GUI holds a Store handle and asks services; nothing below ui/ touches Qt."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.paths import REPO_ROOT

PACKAGE = REPO_ROOT / "brugapp"


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_the_gui_reaches_the_store_only_through_its_handle_and_never_sql():
    offenders = {
        str(path.relative_to(REPO_ROOT)): sorted(m for m in imported_modules(path)
                                                 if m.startswith(("brugapp.store.", "sqlalchemy", "alembic")))
        for path in (PACKAGE / "ui").rglob("*.py")
    }
    assert {path: mods for path, mods in offenders.items() if mods} == {}


def test_nothing_below_the_gui_imports_qt():
    layers = ("domain", "services", "store", "printing", "exchange", "demo")
    offenders = [str(path.relative_to(REPO_ROOT)) for layer in layers for path in (PACKAGE / layer).rglob("*.py")
                 if any(m.startswith(("PySide6", "shiboken6")) for m in imported_modules(path))]
    assert offenders == []


def test_services_and_lower_layers_never_import_the_gui():
    offenders = [str(path.relative_to(REPO_ROOT))
                 for layer in ("domain", "services", "store", "printing", "exchange")
                 for path in (PACKAGE / layer).rglob("*.py")
                 if any(m.startswith("brugapp.ui") for m in imported_modules(path))]
    assert offenders == []
