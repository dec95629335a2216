#!/usr/bin/env python3
"""The two set-up commands of the README, with nothing but Python 3.11+ on the machine.

    python3 dev.py app      create .venv if needed, install BrugApp, start it on your own (encrypted) store
    python3 dev.py test     create .venv if needed, install BrugApp with test tools, run ruff, mypy and the whole suite

Extra arguments go to the app (``python3 dev.py app --demo``) or to pytest (``python3 dev.py test -k kaart``).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".brugapp-installed"


def _requirements_digest(extras: str) -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()


def ensure_environment(extras: str) -> None:
    """Create the virtual environment and (re)install only when pyproject.toml changed."""
    if sys.version_info < (3, 11):  # noqa: UP036 (dev.py must explain itself on an old Python)
        sys.exit("BrugApp needs Python 3.11 or newer.")
    if not PYTHON.exists():
        print("Creating .venv …", flush=True)
        venv.create(VENV, with_pip=True)
    digest = _requirements_digest(extras)
    if STAMP.exists() and STAMP.read_text() == digest:
        return
    print("Installing BrugApp and its dependencies (first time takes a few minutes) …", flush=True)
    pip = [str(PYTHON), "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "install", "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "install", "-e", f".{extras}"], check=True, cwd=ROOT)
    STAMP.write_text(digest)


def run_app(arguments: list[str]) -> int:
    ensure_environment("")
    return subprocess.call([str(PYTHON), "-m", "brugapp", *arguments], cwd=ROOT)


def run_tests(arguments: list[str]) -> int:
    ensure_environment("[test]")
    lint = subprocess.call([str(PYTHON), "-m", "ruff", "check", "."], cwd=ROOT)
    if lint != 0:
        print("ruff found problems (see above).", file=sys.stderr)
        return lint
    types = subprocess.call([str(PYTHON), "-m", "mypy"], cwd=ROOT)  # what to check: [tool.mypy] in pyproject.toml
    if types != 0:
        print("mypy found type errors (see above).", file=sys.stderr)
        return types
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.call([str(PYTHON), "-m", "pytest", *arguments], cwd=ROOT, env=environment)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"app", "test"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    return run_app(rest) if command == "app" else run_tests(rest)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
