"""The catalogue reader of the start (brugapp/mo_catalog.py) answers as gettext's own does, message by message."""

from __future__ import annotations

import gettext
from pathlib import Path

import pytest

from brugapp import i18n
from brugapp.mo_catalog import MoCatalog
from tests.paths import REPO_ROOT


def _mo(language: str) -> Path:
    return REPO_ROOT / "translations" / language / "LC_MESSAGES" / "brugapp.mo"


@pytest.mark.parametrize("language", sorted(i18n.LANGUAGES))
def test_every_message_and_plural_reads_as_gettext_reads_it(language: str) -> None:
    with _mo(language).open("rb") as fh:
        reference = gettext.GNUTranslations(fh)
    ours = MoCatalog(_mo(language))
    singular = [key for key in reference._catalog if isinstance(key, str)]
    plural = sorted({key[0] for key in reference._catalog if isinstance(key, tuple)})
    assert len(singular) > 1000 and len(plural) >= 10  # the real catalogue, not an empty one
    for message in singular:
        assert ours.gettext(message) == reference.gettext(message), message
    for message in plural:
        for n in range(4):
            assert ours.ngettext(message, message + " (more)", n) == \
                reference.ngettext(message, message + " (more)", n), (message, n)
    assert ours.gettext("a sentence nobody wrote") == "a sentence nobody wrote"
    assert ours.ngettext("one cat", "{n} cats", 3) == "{n} cats"


def test_a_dutch_plural_and_message_through_the_apps_own_functions() -> None:
    try:
        i18n.set_language("nl")
        assert i18n._("Families") == "Gezinnen"
        assert isinstance(i18n.catalog("nl"), MoCatalog)
    finally:
        i18n.set_language("nl")


def test_a_broken_catalogue_file_is_refused_with_its_name(tmp_path: Path) -> None:
    broken = tmp_path / "brugapp.mo"
    broken.write_bytes(b"not a catalogue at all")
    with pytest.raises(OSError, match=r"brugapp\.mo"):
        MoCatalog(broken)
