"""The passphrase window, the first thing a person sees at every start, is drawn before PySide6 creates the
``Qt`` namespace's enums (12–25 ms here, ``ui/widgets/centred.py``; the main window's first page neither:
``test_first_screen_without_qt_enums.py``). A fresh interpreter, since this one created them long ago."""

from __future__ import annotations

import os
import subprocess
import sys

PROBE = """
import PySide6.QtCore as core
from PySide6.QtWidgets import QApplication
from brugapp.ui.app import FUSION_ARGUMENTS, setup_application
from brugapp.ui.shell.unlock import UnlockDialog
app = QApplication(["brugapp", *FUSION_ARGUMENTS])
setup_application(app, "nl", fusion_given=True)
dialog = UnlockDialog(lambda passphrase: None, create=False)
dialog.show()
app.processEvents()
print("Qt" in core.__dict__)
core.Qt.AlignmentFlag.AlignHCenter  # what one alignment flag in that window would do
print("Qt" in core.__dict__)
"""


def test_the_unlock_window_is_shown_without_creating_qts_enums(tmp_path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BRUGAPP_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120, env=env,
                          check=True)
    assert done.stdout.split() == ["False", "True"], done.stderr[-2000:]
