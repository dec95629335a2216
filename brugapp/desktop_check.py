"""Can a window open here? Asked before Qt starts, so a missing screen or library gets a clear answer.

Without it Qt aborts with "could not load the Qt platform plugin" (exit 250), which blames a library that
is installed. Pure standard library: ``dev.py`` uses this module before any dependency is installed.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

EXIT_NO_DISPLAY = 3

# What Qt's X11 (xcb) and Wayland platform plugins load, and the Debian/Ubuntu package that brings it.
X11_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11-xcb.so.1": "libx11-xcb1",
}
WAYLAND_LIBRARIES = {
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}
COMMON_LIBRARIES = {
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}


def _identity(message: str) -> str:
    return message


def library_present(soname: str) -> bool:
    """True when the dynamic loader finds ``soname`` (or a frozen bundle ships it)."""
    bundled = getattr(sys, "_MEIPASS", None)
    if bundled and any((Path(bundled) / sub / soname).exists() for sub in ("", "PySide6/Qt/lib")):
        return True
    import ctypes  # start-up time: only on a Linux desktop (not when Qt's platform is given), ~1 ms

    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_libraries(environment: dict[str, str]) -> dict[str, str]:
    """The libraries (soname -> package) the platform plugin Qt will pick needs and cannot find."""
    wanted = dict(COMMON_LIBRARIES)
    wanted.update(WAYLAND_LIBRARIES if environment.get("WAYLAND_DISPLAY") else X11_LIBRARIES)
    return {soname: package for soname, package in wanted.items() if not library_present(soname)}


def display_problem(translate: Callable[[str], str] = _identity, environment: dict[str, str] | None = None,
                    platform: str = sys.platform) -> str | None:
    """None when a window can open; otherwise what is missing and how to get it, for the person at the screen."""
    _ = translate
    env = dict(os.environ) if environment is None else environment
    if not platform.startswith("linux") or env.get("QT_QPA_PLATFORM"):
        return None  # Windows and macOS always have a screen; an explicit Qt platform is the user's choice
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return _(
            "BrugApp opens a window, but this session has no screen (DISPLAY and WAYLAND_DISPLAY are empty). "
            "Start it from your desktop, or over SSH with 'ssh -X'. Without a screen, 'brugapp self-test' "
            "checks the installation and every other brugapp command works as usual."
        )
    missing = missing_libraries(env)
    if missing:
        return _(
            "BrugApp's window needs system libraries that are missing: {libraries}. Install them, on "
            "Debian or Ubuntu with: sudo apt-get install {packages}"
        ).format(libraries=", ".join(missing), packages=" ".join(sorted(set(missing.values()))))
    return None
