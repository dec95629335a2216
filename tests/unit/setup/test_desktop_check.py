"""Without a screen (or with Qt's X11 libraries missing) BrugApp says what is missing, not Qt's abort."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from brugapp import desktop_check
from brugapp.desktop_check import EXIT_NO_DISPLAY, display_problem
from brugapp.i18n import _

ROOT = Path(__file__).resolve().parents[3]


def _without_screen() -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items()
                   if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}}
    environment["PYTHONPATH"] = str(ROOT)
    return environment


def test_no_display_is_explained_in_dutch() -> None:
    message = display_problem(_, environment={}, platform="linux")
    assert message is not None
    assert "DISPLAY" in message and "brugapp self-test" in message and "ssh -X" in message
    assert "scherm" in message


def test_a_chosen_qt_platform_or_another_system_is_left_alone() -> None:
    assert display_problem(environment={"QT_QPA_PLATFORM": "offscreen"}, platform="linux") is None
    assert display_problem(environment={}, platform="win32") is None
    assert display_problem(environment={}, platform="darwin") is None


def test_missing_x11_libraries_name_the_packages_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(desktop_check, "library_present", lambda soname: soname != "libxcb-cursor.so.0")
    message = display_problem(environment={"DISPLAY": ":0"}, platform="linux")
    assert message is not None
    assert "libxcb-cursor.so.0" in message and "sudo apt-get install libxcb-cursor0" in message


def test_wayland_needs_no_x11_libraries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(desktop_check, "library_present", lambda soname: not soname.startswith("libxcb"))
    assert display_problem(environment={"WAYLAND_DISPLAY": "wayland-0"}, platform="linux") is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the display check is for Linux desktops")
def test_the_gui_start_without_a_screen_explains_instead_of_aborting(tmp_path: Path) -> None:
    environment = _without_screen() | {"BRUGAPP_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "brugapp", "--demo"], env=environment, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == EXIT_NO_DISPLAY
    assert "brugapp self-test" in result.stderr and "qt.qpa" not in result.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the display check is for Linux desktops")
def test_dev_py_app_without_a_screen_explains_before_installing_anything() -> None:
    environment = _without_screen() | {"LANG": "en_GB.UTF-8"}
    result = subprocess.run([sys.executable, str(ROOT / "dev.py"), "app"], env=environment, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == EXIT_NO_DISPLAY
    assert "this session has no screen" in result.stderr
    assert "Installing" not in result.stdout
