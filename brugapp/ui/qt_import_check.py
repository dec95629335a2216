"""A faster answer to PySide6's question "does this module use PySide6?", asked on every import.

PySide6's ``__feature__`` support (``shibokensupport.feature._mod_uses_pyside``) reads the source of each module
imported after it through ``inspect.getsource`` (tokenize, linecache) to look for the word "PySide6": ~0.5 ms a
module, some sixty modules before the first window and hundreds more as pages are first opened (``brugapp bench``:
start-up). The same question is answered here by reading the file's bytes once, and for a module of Python's own
library without reading anything: none of it imports PySide6 (some thirty such modules at each start, ~1.8 ms of
reading them). Importing this module installs it; a PySide6 without that function is left alone.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from types import ModuleType

import PySide6  # noqa: F401  (the feature support below is loaded with PySide6)

_FEATURE_MODULE = "shibokensupport.feature"
# Python's own library: a module named as one of its top-level modules and loaded from its folder (a file of the
# same name elsewhere, or an installed package inside that folder, is read as any other)
STANDARD_LIBRARY = os.path.dirname(os.__file__) + os.sep
SITE_PACKAGES = f"{os.sep}site-packages{os.sep}"


def in_standard_library(module: ModuleType) -> bool:
    name, path = getattr(module, "__name__", None), getattr(module, "__file__", None)
    return (isinstance(name, str) and name.partition(".")[0] in sys.stdlib_module_names
            and isinstance(path, str) and path.startswith(STANDARD_LIBRARY) and SITE_PACKAGES not in path)


def _fast_check(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        if in_standard_library(module):
            return False
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return original(module)

    uses_pyside.brugapp_fast = True  # type: ignore[attr-defined]
    return uses_pyside


def install() -> bool:
    """Replace the check once; True when it is in place."""
    feature = sys.modules.get(_FEATURE_MODULE)
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original):
        return False
    if not getattr(original, "brugapp_fast", False):
        feature._mod_uses_pyside = _fast_check(original)  # type: ignore[attr-defined]
    return True


install()
