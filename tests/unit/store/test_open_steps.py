"""Opening is three visible steps in three modules, imported one way: open → migrate, backups → engine."""

from __future__ import annotations

import ast
from pathlib import Path

import brugapp.store as store_package

STORE = Path(store_package.__file__).parent


def imported_store_modules(module: str) -> set[str]:
    tree = ast.parse((STORE / f"{module}.py").read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("brugapp.store."):
            found.add(node.module.split(".")[2])
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[2] for a in node.names if a.name.startswith("brugapp.store."))
    return found


def test_imports_point_one_way() -> None:
    later_steps = {"open", "migrate", "backups", "migrations", "database", "backup"}
    assert imported_store_modules("engine") & later_steps == set()
    assert imported_store_modules("backups") & {"open", "migrate", "migrations", "database"} == set()
    assert imported_store_modules("migrate") & {"open", "backups", "backup", "database"} == set()
    assert {"engine", "backups", "migrate"} <= imported_store_modules("open")


def test_callers_keep_their_imports(tmp_path: Path) -> None:
    from brugapp.store import Store, open_store
    from brugapp.store.models.referrals import Consent, FollowUp, Referral  # renamed from models/care.py

    opened = open_store(tmp_path / "s.db", create=True)
    try:
        assert isinstance(opened, Store)
        assert {Consent.__tablename__, FollowUp.__tablename__, Referral.__tablename__} == {
            "consents", "followups", "referrals"}
    finally:
        opened.close()
    assert not (STORE / "models" / "care.py").exists()
