"""Shared fixtures: an isolated BrugApp home, fast migrated stores, offscreen Qt."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

# Before anything imports Qt or reads paths: no display, and never the user's real data folder.
# Everything the suite writes (BrugApp home, pytest's tmp_path folders, tempfile users, subprocesses via
# TMPDIR) goes under one folder that is removed when the session ends: the suite leaves nothing in temp.
SUITE_FOLDER = Path(tempfile.mkdtemp(prefix="brugapp-test-home-"))
(SUITE_FOLDER / "tmp").mkdir()
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["BRUGAPP_HOME"] = str(SUITE_FOLDER)
os.environ["TMPDIR"] = str(SUITE_FOLDER / "tmp")
tempfile.tempdir = str(SUITE_FOLDER / "tmp")
os.environ.pop("BRUGAPP_PASSPHRASE", None)

import pytest  # noqa: E402  (after the environment above is set)

from brugapp import i18n  # noqa: E402
from brugapp.store import Store, open_store  # noqa: E402

TEST_PASSPHRASE = "correct paard batterij nietje"


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    """tmp_path folders under the suite folder (before pytest's own tmp_path factory reads the option)."""
    if not config.option.basetemp:
        config.option.basetemp = str(SUITE_FOLDER / "pytest")


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(SUITE_FOLDER, ignore_errors=True)


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One plain store migrated to head; each test gets a copy (migrating per test is slow)."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    store = open_store(path, create=True)
    store.close()
    return path


@pytest.fixture
def store(migrated_template: Path, tmp_path: Path) -> Iterator[Store]:
    path = tmp_path / "store.db"
    shutil.copy(migrated_template, path)
    opened = open_store(path)
    yield opened
    opened.close()


@pytest.fixture
def encrypted_store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "secret.db", passphrase=TEST_PASSPHRASE, create=True)
    yield opened
    opened.close()


@pytest.fixture(autouse=True)
def dutch_by_default() -> Iterator[None]:
    """Every test starts in Dutch (the default UI language) whatever the previous one switched to."""
    i18n.set_language("nl")
    yield
    i18n.set_language("nl")
