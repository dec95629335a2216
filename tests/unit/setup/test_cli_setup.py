"""``brugapp init`` and a command line that speaks the active language from "usage:" to its errors."""

from __future__ import annotations

import getpass
import io
from pathlib import Path

import pytest

from brugapp.cli import main
from brugapp.store import StoreError, open_store
from tests.conftest import TEST_PASSPHRASE


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _typed(monkeypatch: pytest.MonkeyPatch, *answers: str) -> list[str]:
    """Pretend a person types ``answers`` at the hidden passphrase prompts; returns the prompts shown."""
    prompts: list[str] = []
    queue = list(answers)

    def fake_getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return queue.pop(0)

    monkeypatch.setattr(getpass, "getpass", fake_getpass)
    monkeypatch.setattr("sys.stdin", _Terminal())
    return prompts


def test_init_asks_the_passphrase_twice_and_makes_an_empty_encrypted_store(tmp_path: Path, monkeypatch, capsys) -> None:
    # GIVEN a path where nothing exists yet, and a person typing the same strong passphrase twice
    path = tmp_path / "mijn.db"
    prompts = _typed(monkeypatch, TEST_PASSPHRASE, TEST_PASSPHRASE)
    # WHEN they run brugapp init
    assert main(["init", "--db", str(path)]) == 0
    # THEN they were asked twice, the file is encrypted and opens (empty) with that passphrase only
    assert len(prompts) == 2
    assert str(path) in capsys.readouterr().out
    assert not path.read_bytes().startswith(b"SQLite format 3")
    with pytest.raises(StoreError):
        open_store(path, passphrase="een andere lange zin")
    open_store(path, passphrase=TEST_PASSPHRASE).close()


def test_init_lists_no_families_in_the_new_store(tmp_path: Path, monkeypatch, capsys) -> None:
    path = tmp_path / "leeg.db"
    monkeypatch.setenv("BRUGAPP_PASSPHRASE", TEST_PASSPHRASE)
    assert main(["init", "--db", str(path)]) == 0
    capsys.readouterr()
    assert main(["list", "families", "--db", str(path), "--json"]) == 0
    assert capsys.readouterr().out.strip() == "[]"


def test_init_refuses_different_passphrases_and_leaves_no_file(tmp_path: Path, monkeypatch, capsys) -> None:
    path = tmp_path / "mijn.db"
    _typed(monkeypatch, TEST_PASSPHRASE, "correct paard batterij nietjes")
    assert main(["init", "--db", str(path)]) == 2
    assert "niet gelijk" in capsys.readouterr().err
    assert not path.exists()


def test_init_refuses_a_short_passphrase_with_the_rule_of_the_first_run_screen(tmp_path: Path, monkeypatch,
                                                                             capsys) -> None:
    path = tmp_path / "mijn.db"
    monkeypatch.setenv("BRUGAPP_PASSPHRASE", "kort")
    assert main(["init", "--db", str(path)]) == 2
    assert "minstens 10 tekens" in capsys.readouterr().err
    assert not path.exists()


def test_demo_create_refuses_a_short_passphrase_too(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("BRUGAPP_PASSPHRASE", "x")
    assert main(["demo", "create", str(tmp_path / "demo.db")]) == 2
    assert "minstens 10 tekens" in capsys.readouterr().err
    assert not (tmp_path / "demo.db").exists()


def test_init_never_overwrites_an_existing_file(tmp_path: Path, monkeypatch, capsys) -> None:
    path = tmp_path / "bestaat.db"
    path.write_bytes(b"mijn werk van vorig jaar")
    monkeypatch.setenv("BRUGAPP_PASSPHRASE", TEST_PASSPHRASE)
    assert main(["init", "--db", str(path)]) == 2
    assert "bestaat.db" in capsys.readouterr().err
    assert path.read_bytes() == b"mijn werk van vorig jaar"


def test_init_without_a_terminal_or_environment_says_how(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["init", "--db", str(tmp_path / "x.db")]) == 2
    assert "BRUGAPP_PASSPHRASE" in capsys.readouterr().err


def _help(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 0
    return capsys.readouterr().out


def test_help_is_entirely_dutch(capsys) -> None:
    text = _help(["-h"], capsys)
    assert text.startswith("gebruik: brugapp")
    assert "\nopties:" in text
    assert "toon deze hulp en stop" in text
    for english in ("usage:", "options:", "positional arguments", "show this help", "show program's version"):
        assert english not in text
    sub = _help(["list", "-h"], capsys)
    assert sub.startswith("gebruik: brugapp list") and "positionele argumenten:" in sub


def test_help_is_entirely_english_with_lang_en(capsys) -> None:
    text = _help(["--lang", "en", "-h"], capsys)
    assert text.startswith("usage: brugapp") and "\noptions:" in text
    assert "open a throwaway demo store" in text and "gebruik:" not in text


def test_argparse_errors_are_dutch(capsys) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["list", "fietsen"])
    assert stopped.value.code == 2
    error = capsys.readouterr().err
    assert "brugapp list: fout: argument kind: ongeldige keuze: 'fietsen'" in error
    assert "gebruik:" in error and "usage:" not in error
    with pytest.raises(SystemExit):
        main(["--onbestaand"])
    assert "onbekende argumenten: --onbestaand" in capsys.readouterr().err
