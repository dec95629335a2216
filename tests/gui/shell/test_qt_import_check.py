"""PySide6 asks of every module imported after it whether it uses PySide6 (``ui/qt_import_check.py``): the app's
faster answer is PySide6's own answer (the word "PySide6" in the module's source), and for Python's own library it
is given without reading a file."""

from __future__ import annotations

import builtins
import sys
from pathlib import Path
from types import ModuleType

import pytest

import brugapp.ui.app  # noqa: F401  (installs the check, as the app's start does)
from brugapp.ui.qt_import_check import STANDARD_LIBRARY, in_standard_library


def installed_check() -> object:
    return sys.modules["shibokensupport.feature"]._mod_uses_pyside  # type: ignore[attr-defined]


def source_says(module: ModuleType) -> bool:
    """PySide6's own rule, read the slow way: the word in the module's source file."""
    return b"PySide6" in Path(module.__file__).read_bytes()  # type: ignore[arg-type]


def test_the_app_installs_its_check() -> None:
    assert getattr(installed_check(), "brugapp_fast", False)


def test_every_loaded_module_of_the_standard_library_gets_the_answer_its_source_gives() -> None:
    library = [module for module in list(sys.modules.values())
               if isinstance(module, ModuleType) and in_standard_library(module)
               and str(getattr(module, "__file__", "")).endswith(".py")]
    assert len(library) > 50  # typing, json, logging, ... (the test would prove nothing on a handful)
    check = installed_check()
    assert [m.__name__ for m in library if check(m) != source_says(m)] == []  # type: ignore[operator]
    assert not any(source_says(m) for m in library)


def test_a_module_of_the_standard_library_is_answered_without_reading_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import json.decoder
    import typing

    opened: list[object] = []
    real_open = builtins.open
    monkeypatch.setattr(builtins, "open", lambda *args, **kwargs: opened.append(args) or real_open(*args, **kwargs))
    check = installed_check()
    assert check(typing) is False  # type: ignore[operator]
    assert check(json.decoder) is False  # type: ignore[operator]
    assert opened == []


@pytest.mark.parametrize(("name", "uses"), [("brugapp.ui.style", True), ("brugapp.ui.shell.main_window", True),
                                            ("brugapp.domain.clock", False), ("brugapp.i18n", False)])
def test_the_apps_own_modules_are_read(name: str, uses: bool) -> None:
    __import__(name)
    module = sys.modules[name]
    assert installed_check()(module) is uses  # type: ignore[operator]
    assert source_says(module) is uses


def test_a_file_named_as_the_standard_library_but_outside_it_is_read(tmp_path: Path) -> None:
    source = tmp_path / "json.py"
    source.write_text("import PySide6.QtCore\n", encoding="utf-8")
    stand_in = ModuleType("json")
    stand_in.__file__ = str(source)
    assert not in_standard_library(stand_in)
    assert installed_check()(stand_in) is True  # type: ignore[operator]


def test_an_installed_package_inside_the_library_folder_is_not_taken_for_the_library() -> None:
    stand_in = ModuleType("json")
    stand_in.__file__ = f"{STANDARD_LIBRARY}site-packages/json/__init__.py"
    assert not in_standard_library(stand_in)
    stand_in.__file__ = f"{STANDARD_LIBRARY}json/__init__.py"
    assert in_standard_library(stand_in)
