"""save_my_details: settings and schools change together or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import event

from brugapp.services import first_run
from brugapp.services.first_run import MyDetails, save_my_details
from brugapp.services.schools import list_schools
from brugapp.settings import Settings, load_settings, save_settings
from tests.factories import make_school


@pytest.fixture(autouse=True)
def own_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRUGAPP_HOME", str(tmp_path / "home"))


def test_a_settings_file_that_cannot_be_written_leaves_no_school(store, monkeypatch) -> None:
    def disk_full(_settings: Settings) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(first_run, "save_settings", disk_full)
    with pytest.raises(OSError):
        save_my_details(store, MyDetails(name="Sarah", schools=["De Regenboog"]))
    assert list_schools(store) == []


def test_a_store_that_cannot_commit_brings_the_old_settings_back(store) -> None:
    save_settings(Settings(worker_name="Sarah", my_schools=["Het Anker"]))

    def refuse(_connection) -> None:
        raise RuntimeError("disk I/O error")

    event.listen(store.engine, "commit", refuse)  # the disk fails when the schools are committed
    with pytest.raises(RuntimeError):
        save_my_details(store, MyDetails(name="Sarah Vandamme", schools=["Het Anker", "De Regenboog"]))
    assert (load_settings().worker_name, load_settings().my_schools) == ("Sarah", ["Het Anker"])
    assert list_schools(store) == []


def test_a_school_with_a_site_is_kept_even_without_pupils(store) -> None:
    make_school(store, name="De Vlieger", site_name="Vestiging Heule")
    save_settings(Settings(my_schools=["De Vlieger"]))
    change = save_my_details(store, MyDetails(schools=[]))
    assert change.removed == () and [k.name for k in change.kept] == ["De Vlieger – Vestiging Heule"]
    assert [s.label for s in list_schools(store)] == ["De Vlieger – Vestiging Heule"]


def test_without_a_notebook_only_the_settings_change(tmp_path: Path) -> None:
    change = save_my_details(None, MyDetails(schools=["De Regenboog"]), auto_lock_minutes=4)
    assert change.added == () and load_settings().my_schools == ["De Regenboog"]
    assert load_settings().auto_lock_minutes == 4
