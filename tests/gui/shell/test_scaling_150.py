"""Usable at 150 % scaling on a 1920×1080 screen: the window gets 1280×720 logical pixels at a device pixel
ratio of 1.5. A child process (Qt reads the scale factor once, at start) opens every page, tab and dialog of
the demo and each page of the first-run wizard there, and no text may be cut off (``ui/clipping.py``).
Set BRUGAPP_SCALED_PNGS=/tmp/folder to keep the pictures."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.paths import REPO_ROOT

LANGUAGES = ("nl", "en")
SCREEN = {"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1920, "height": 1080,
                       "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1.0}]}


def scaled_run(tmp_path: Path) -> dict:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps(SCREEN))
    pictures = os.environ.get("BRUGAPP_SCALED_PNGS", "")
    environment = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", QT_SCALE_FACTOR="1.5",
                       BRUGAPP_HOME=str(tmp_path / "home"), PYTHONPATH=str(REPO_ROOT))
    command = [sys.executable, "-m", "tests.gui.shell.scaled_views", ",".join(LANGUAGES)]
    command += [pictures] if pictures else []
    done = subprocess.run(command, env=environment, cwd=REPO_ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_every_view_is_whole_at_150_percent_on_1920x1080(tmp_path: Path) -> None:
    result = scaled_run(tmp_path)
    # the child really ran scaled: 1920×1080 physical pixels are 1280×720 logical ones
    assert result["ratio"] == 1.5 and result["screen"] == [1280, 720]
    for language in LANGUAGES:
        views = result["views"][language]
        assert {"today", "families", "kaart", "wizard-1", "wizard-5", "dialog-quick-log"} <= set(views)
        assert [f"{language} {name}: {problem}" for name, problems in views.items() for problem in problems] == []
