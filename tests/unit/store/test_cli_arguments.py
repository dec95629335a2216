"""Arguments that are not valid text (bytes that are not UTF-8, lone surrogates) get a message, not a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from brugapp.cli import main


@pytest.mark.parametrize("argument", ["Gezin \udcff\udcfe", "Gezin \ud800 Peeters"])
def test_unreadable_argument_is_named(argument: str, capsys) -> None:
    code = main(["family", "add", argument])
    err = capsys.readouterr().err
    assert code == 2
    assert "argument 3" in err and "geen geldige tekst (UTF-8)" in err


def test_invalid_utf8_bytes_from_the_shell(tmp_path: Path) -> None:
    # GIVEN a real command line with bytes that are not UTF-8 (a file name from an old USB stick)
    root = Path(__file__).resolve().parents[3]
    env = {**os.environ, "PYTHONPATH": str(root), "LC_ALL": "C.UTF-8"}
    result = subprocess.run([sys.executable, "-m", "brugapp", "list", "families", "--db",
                             os.fsencode(str(tmp_path)) + b"/gezin-\xff.db"],
                            capture_output=True, env=env, timeout=60, check=False)
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 2
    assert "Traceback" not in err and "UnicodeEncodeError" not in err
    assert "argument 4" in err and "\\xff" in err
