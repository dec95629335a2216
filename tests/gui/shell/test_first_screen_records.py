"""The modules of the first screen define their records as NamedTuples, not frozen dataclasses: a frozen dataclass
is made in ~1.3 ms (its methods are generated and compiled one by one), a NamedTuple in ~0.2 ms, and the window
imports about a dozen of them before Vandaag is shown (``brugapp bench``, start-up). The settings stay a dataclass:
they are changed and saved. A fresh interpreter, as this one has imported every module long ago."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import TEST_PASSPHRASE
from tests.gui.first_screen_probe import first_screen_probe

PROBE = first_screen_probe("True", """
import dataclasses, inspect
found = set()
for name, module in list(sys.modules.items()):
    if name.startswith("brugapp"):
        for value in vars(module).values():
            if inspect.isclass(value) and value.__module__ == name and dataclasses.is_dataclass(value):
                found.add(f"{name}.{value.__qualname__}")
print(" ".join(sorted(found)))
""", passphrase=True)


def test_the_first_screen_makes_no_dataclass_but_the_settings(tmp_path, encrypted_store) -> None:
    """An encrypted store, opened as every day (``store/unlock_file.py``), as the bench and a person open it."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BRUGAPP_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", PROBE, str(encrypted_store.path), TEST_PASSPHRASE],
                          capture_output=True, text=True, timeout=120, env=env, check=True)
    assert done.stdout.split() == ["brugapp.settings.Settings"], done.stderr[-2000:]
