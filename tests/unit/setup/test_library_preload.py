"""Qt's and SQLCipher's libraries loaded on a helper thread at start (brugapp/library_preload.py): they end up
loaded once, and Qt still takes the main thread for its own."""

from __future__ import annotations

import json
import subprocess
import sys

from brugapp.library_preload import libraries_to_preload
from tests.paths import REPO_ROOT

CHILD = """
import json, os
from brugapp.library_preload import libraries_to_preload, preload_libraries
thread = preload_libraries()
thread.join()
from PySide6.QtCore import QThread, qInstallMessageHandler
messages = []
qInstallMessageHandler(lambda mode, context, text: messages.append(text))
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel("BrugApp")
label.show()
app.processEvents()
import sqlcipher3
connection = sqlcipher3.connect(":memory:")
maps = open("/proc/self/maps").read()
print(json.dumps({
    "qt_main_is_main": QThread.currentThread() == app.thread(),
    "mapped": [p.name for p in libraries_to_preload() if p.name in maps],
    "files": {p.name: sorted({line.split()[-1] for line in maps.splitlines() if line.endswith(p.name)
                              or line.endswith(str(p.resolve()))}) for p in libraries_to_preload()},
    "version": connection.execute("select sqlite_version()").fetchone()[0] != "",
    "messages": messages,
}))
"""


def test_the_libraries_of_a_linux_install_are_found() -> None:
    names = [path.name for path in libraries_to_preload()]
    if sys.platform.startswith("linux"):
        assert names[:3] == ["libQt6Core.so.6", "libQt6Gui.so.6", "libQt6Widgets.so.6"]
        assert any(name.startswith("_sqlite3") for name in names)
    else:
        assert names == []


def test_after_the_preload_qt_and_sqlcipher_work_on_the_main_thread() -> None:
    if not sys.platform.startswith("linux"):
        return  # nothing is preloaded elsewhere: the ordinary imports are the whole story
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=120, check=True,
                          cwd=REPO_ROOT, env=env)
    seen = json.loads(done.stdout.splitlines()[-1])
    assert seen["qt_main_is_main"] is True
    assert seen["mapped"] == [path.name for path in libraries_to_preload()]
    assert all(len(files) == 1 for files in seen["files"].values()), seen["files"]  # each loaded once
    assert seen["version"]
    assert seen["messages"] == []
