"""Qt's and SQLCipher's shared libraries loaded on a helper thread while the command line is read (start-up time).

Importing PySide6 first maps and links Qt's libraries (QtCore, QtGui, QtWidgets: tens of megabytes) into the
process, and the store's first connection SQLCipher's, each with the interpreter lock held. ``ctypes`` loads a
library without holding it, so a thread started first thing does that part on a second core while the main thread
imports the command line, the translations and the settings; the imports then find the libraries in place
(``brugapp bench``: start-up). Only libraries that run no Python when loaded; where they are not where the wheels
of PySide6 and sqlcipher3 put them on Linux (another platform, another layout), nothing happens and the imports
load them as before.
"""

from __future__ import annotations

import importlib.util
import sys
import threading
from pathlib import Path

QT_LIBRARIES = ("libQt6Core.so.6", "libQt6Gui.so.6", "libQt6Widgets.so.6", "libQt6Svg.so.6")


def libraries_to_preload() -> list[Path]:
    """The shared libraries of Qt and SQLCipher in the order the start needs them (empty off Linux)."""
    if not sys.platform.startswith("linux"):
        return []
    found: list[Path] = []
    pyside = _package_folder("PySide6")
    if pyside is not None:
        found += [pyside / "Qt" / "lib" / name for name in QT_LIBRARIES]
    sqlcipher = _package_folder("sqlcipher3")
    if sqlcipher is not None:
        found += sorted(sqlcipher.glob("_sqlite3*.so"))
    return [path for path in found if path.is_file()]


def preload_libraries() -> threading.Thread | None:
    """Start loading them on a daemon thread; None when there is nothing to load."""
    paths = libraries_to_preload()
    if not paths:
        return None
    thread = threading.Thread(target=_load, args=(paths,), name="brugapp-preload", daemon=True)
    thread.start()
    return thread


def _package_folder(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)  # finds the package without importing it
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    return Path(locations[0]) if locations else None


def _load(paths: list[Path]) -> None:
    import ctypes  # start-up time: on the helper thread

    for path in paths:
        try:
            ctypes.CDLL(str(path))  # kept loaded by the handle ctypes keeps; the import reuses it
        except OSError:
            return  # the import itself will say what is missing
