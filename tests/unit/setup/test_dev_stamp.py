"""dev.py installs once: switching between app, test and bundle never reinstalls what is there."""

from __future__ import annotations

import importlib.util
import subprocess
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def dev(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[ModuleType, list[list[str]]]:
    """dev.py with its .venv in a temporary folder and pip calls recorded instead of run."""
    spec = importlib.util.spec_from_file_location("dev_under_test", ROOT / "dev.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    venv = tmp_path / ".venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "python").write_text("")
    monkeypatch.setattr(module, "VENV", venv)
    monkeypatch.setattr(module, "PYTHON", venv / "bin" / "python")
    monkeypatch.setattr(module, "STAMP", venv / ".brugapp-installed.json")
    calls: list[list[str]] = []

    def record(command: list[str], **_kwargs: object) -> subprocess.CompletedProcess[str]:
        calls.append([str(part) for part in command])
        return subprocess.CompletedProcess(command, 0)

    monkeypatch.setattr(module.subprocess, "run", record)
    return module, calls


def _installs(calls: list[list[str]]) -> list[str]:
    return [call[-1] for call in calls if "-e" in call]


def test_app_after_test_installs_nothing_more(dev) -> None:
    module, calls = dev
    module.ensure_environment(module.EXTRAS["test"])
    module.ensure_environment(module.EXTRAS["app"])
    module.ensure_environment(module.EXTRAS["test"])
    assert _installs(calls) == [".[test]"]


def test_a_new_extra_keeps_the_ones_installed_before(dev) -> None:
    module, calls = dev
    module.ensure_environment(module.EXTRAS["app"])
    module.ensure_environment(module.EXTRAS["test"])
    module.ensure_environment(module.EXTRAS["bundle"])
    module.ensure_environment(module.EXTRAS["test"])
    module.ensure_environment(module.EXTRAS["app"])
    assert _installs(calls) == [".", ".[test]", ".[bundle,test]"]


def test_a_changed_pyproject_reinstalls_once_with_everything_there_was(dev, monkeypatch) -> None:
    module, calls = dev
    module.ensure_environment(module.EXTRAS["test"])
    monkeypatch.setattr(module, "_requirements_digest", lambda: "changed")
    module.ensure_environment(module.EXTRAS["app"])
    module.ensure_environment(module.EXTRAS["test"])
    assert _installs(calls) == [".[test]", ".[test]"]
