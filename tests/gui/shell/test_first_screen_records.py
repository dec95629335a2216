"""The modules of the first screen define their records as NamedTuples, not frozen dataclasses: a frozen dataclass
is made in ~1.3 ms (its methods are generated and compiled one by one), a NamedTuple in ~0.2 ms, and the window
imports about a dozen of them before Vandaag is shown (``brugapp bench``, start-up). The settings stay a dataclass:
they are changed and saved. A fresh interpreter, as this one has imported every module long ago."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import TEST_PASSPHRASE

PROBE = """
import dataclasses, inspect, sys
from PySide6.QtWidgets import QApplication
from brugapp.store import open_store
from brugapp.ui.app import FUSION_ARGUMENTS, AppController, setup_application
app = QApplication(["brugapp", *FUSION_ARGUMENTS])
setup_application(app, "nl", fusion_given=True)
window = AppController(app, open_store(sys.argv[1], passphrase=sys.argv[2]), demo=False).show()
shown = []
window.when_first_page_filled(lambda: shown.append(True))
while not shown:
    app.processEvents()
found = set()
for name, module in list(sys.modules.items()):
    if name.startswith("brugapp"):
        for value in vars(module).values():
            if inspect.isclass(value) and value.__module__ == name and dataclasses.is_dataclass(value):
                found.add(f"{name}.{value.__qualname__}")
print(" ".join(sorted(found)))
"""


def test_the_first_screen_makes_no_dataclass_but_the_settings(tmp_path, encrypted_store) -> None:
    """An encrypted store, opened as every day (``store/unlock_file.py``), as the bench and a person open it."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BRUGAPP_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", PROBE, str(encrypted_store.path), TEST_PASSPHRASE],
                          capture_output=True, text=True, timeout=120, env=env, check=True)
    assert done.stdout.split() == ["brugapp.settings.Settings"], done.stderr[-2000:]
