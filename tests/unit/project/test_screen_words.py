"""The words on screen are the same for the same thing: one ellipsis, one verb per action."""

from __future__ import annotations

from babel.messages.pofile import read_po

from tests.paths import REPO_ROOT


def _dutch() -> list[tuple[str, str]]:
    with (REPO_ROOT / "translations" / "nl" / "LC_MESSAGES" / "brugapp.po").open("rb") as handle:
        catalog = read_po(handle)
    pairs = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        pairs += [(i, s) for i in ids for s in strings]
    return pairs


def test_one_ellipsis_character_with_a_space_before_it():
    wrong = [text for pair in _dutch() for text in pair
             if "..." in text or (text.endswith("…") and not text.endswith(" …") and not text.endswith("……"))]
    assert wrong == []


def test_one_verb_per_action():
    # "Bewaren" saves everywhere, "Gedaan" closes a follow-up everywhere
    wrong = [(i, s) for i, s in _dutch() if any(word in s for word in ("Opslaan", "opslaan", "Markeer", "markeer"))]
    assert wrong == []


def test_the_english_screen_has_no_dutch_leftovers():
    # Dutch names of things the field uses stay, but an English label or example is English
    dutch_only = ("Ken je buurt:", "schulden", "huiswerk", "Opvolging", "Gezin ")
    leftovers = [i for i, _s in _dutch() if any(word in i for word in dutch_only) and "(Ken je buurt)" not in i]
    assert leftovers == []
