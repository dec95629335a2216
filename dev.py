#!/usr/bin/env python3
"""The set-up commands of the README, with nothing but Python 3.11+ on the machine.

    python3 dev.py app      create .venv if needed, install BrugApp, start it on your own (encrypted) store
    python3 dev.py test     create .venv if needed, install BrugApp with test tools, run ruff, mypy and the whole suite
    python3 dev.py bundle   build the one-folder app with PyInstaller (dist/BrugApp/) and run its self-test

Extra arguments go to the app (``python3 dev.py app --demo``) or to pytest (``python3 dev.py test -k kaart``).
Each command installs once; switching between them never reinstalls (one stamp remembers what is installed).
"""

from __future__ import annotations

import gettext
import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".brugapp-installed.json"
SPEC = ROOT / "packaging" / "brugapp.spec"
BUNDLE = ROOT / "dist" / "BrugApp"
EXTRAS = {"app": frozenset(), "test": frozenset({"test"}), "bundle": frozenset({"bundle"})}


def _requirements_digest() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def _read_stamp() -> tuple[str, frozenset[str]]:
    try:
        data = json.loads(STAMP.read_text())
        return str(data["digest"]), frozenset(data["extras"])
    except (OSError, ValueError, KeyError, TypeError):
        return "", frozenset()


def ensure_environment(extras: frozenset[str]) -> None:
    """Create .venv and install BrugApp with ``extras``; only again when pyproject.toml changed.

    The stamp records every extra installed so far, so ``app`` after ``test`` (or the other way round)
    installs nothing, and a reinstall after a change keeps the extras that were there.
    """
    if sys.version_info < (3, 11):  # noqa: UP036 (dev.py must explain itself on an old Python)
        sys.exit("BrugApp needs Python 3.11 or newer.")
    if not PYTHON.exists():
        print("Creating .venv …", flush=True)
        venv.create(VENV, with_pip=True)
    digest, installed = _read_stamp()
    if digest == _requirements_digest() and extras <= installed:
        return
    wanted = extras | installed
    print("Installing BrugApp and its dependencies (only this once, a few minutes) …", flush=True)
    pip = [str(PYTHON), "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "install", "--upgrade", "pip"], check=True)
    target = f".[{','.join(sorted(wanted))}]" if wanted else "."
    subprocess.run([*pip, "install", "-e", target], check=True, cwd=ROOT)
    STAMP.write_text(json.dumps({"digest": _requirements_digest(), "extras": sorted(wanted)}))


def _desktop_check() -> ModuleType:
    """brugapp/desktop_check.py is standard library only: load it without importing the package's dependencies."""
    spec = importlib.util.spec_from_file_location("brugapp_desktop_check", ROOT / "brugapp" / "desktop_check.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _translate() -> gettext.NullTranslations:
    """Dutch like the app, English when the session's language is English."""
    language = "en" if os.environ.get("LANG", "").startswith("en") else "nl"
    return gettext.translation("brugapp", ROOT / "translations", languages=[language], fallback=True)


def run_app(arguments: list[str]) -> int:
    check = _desktop_check()
    problem = check.display_problem(_translate().gettext)
    if problem and not {"-h", "--help", "--version"} & set(arguments):
        print(problem, file=sys.stderr)
        return int(check.EXIT_NO_DISPLAY)
    ensure_environment(EXTRAS["app"])
    return subprocess.call([str(PYTHON), "-m", "brugapp", *arguments], cwd=ROOT)


def _closing(ok: bool, message: str) -> None:
    print(("PASSED: " if ok else "FAILED: ") + message, file=sys.stdout if ok else sys.stderr, flush=True)


def run_tests(arguments: list[str]) -> int:
    ensure_environment(EXTRAS["test"])
    lint = subprocess.call([str(PYTHON), "-m", "ruff", "check", "."], cwd=ROOT)
    if lint != 0:
        _closing(False, f"ruff found problems (see above), exit {lint}.")
        return lint
    types = subprocess.call([str(PYTHON), "-m", "mypy"], cwd=ROOT)  # what to check: [tool.mypy] in pyproject.toml
    if types != 0:
        _closing(False, f"mypy found type errors (see above), exit {types}.")
        return types
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    code = subprocess.call([str(PYTHON), "-m", "pytest", *arguments], cwd=ROOT, env=environment)
    _closing(code == 0, f"ruff, mypy and pytest (pytest exit {code}).")
    return code


def _folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def _largest_files(folder: Path, count: int = 6) -> str:
    """Where the size goes, so the next trim starts from a measurement."""
    files = sorted((path for path in folder.rglob("*") if path.is_file() and not path.is_symlink()),
                   key=lambda path: path.stat().st_size, reverse=True)[:count]
    return ", ".join(f"{path.relative_to(folder)} {path.stat().st_size / 1_000_000:.1f}" for path in files)


def _timed(command: list[str], environment: dict[str, str]) -> tuple[int, float, str]:
    started = time.perf_counter()
    result = subprocess.run(command, env=environment, capture_output=True, text=True)
    return result.returncode, time.perf_counter() - started, result.stdout + result.stderr


def run_bundle(arguments: list[str]) -> int:
    """Build dist/BrugApp with PyInstaller, then prove it starts: --version and self-test, offscreen."""
    ensure_environment(EXTRAS["bundle"])
    build = ROOT / "build" / "pyinstaller"
    code = subprocess.call([str(PYTHON), "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                            "--distpath", str(ROOT / "dist"), "--workpath", str(build), str(SPEC), *arguments],
                           cwd=ROOT)
    if code != 0:
        _closing(False, f"PyInstaller could not build the bundle (exit {code}).")
        return code
    executable = BUNDLE / ("BrugApp-cli.exe" if os.name == "nt" else "BrugApp")
    home = tempfile.mkdtemp(prefix="brugapp-bundle-home-")
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", BRUGAPP_HOME=home)
    environment.pop("BRUGAPP_PASSPHRASE", None)
    try:
        version_code, bundle_seconds, _output = _timed([str(executable), "--version"], environment)
        _code, python_seconds, _output = _timed([str(PYTHON), "-m", "brugapp", "--version"], environment)
        test_code, test_seconds, output = _timed([str(executable), "self-test"], environment)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    print(output.strip().splitlines()[-1] if output.strip() else "")
    size_mb = _folder_size(BUNDLE) / 1_000_000
    print(f"Bundle {BUNDLE.relative_to(ROOT)}: {size_mb:.0f} MB; --version {bundle_seconds:.2f} s "
          f"(python -m brugapp --version {python_seconds:.2f} s); self-test {test_seconds:.1f} s")
    print(f"Largest files (MB): {_largest_files(BUNDLE)}")
    if version_code != 0 or test_code != 0:
        print(output, file=sys.stderr)
        _closing(False, f"the bundle's self-test failed (exit {test_code or version_code}).")
        return test_code or version_code
    _closing(True, "the bundle starts and its self-test passes.")
    return 0


COMMANDS = {"app": run_app, "test": run_tests, "bundle": run_bundle}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(__doc__)
        return 2
    return COMMANDS[argv[0]](argv[1:])


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
