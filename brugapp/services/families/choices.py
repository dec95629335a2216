"""The families the quick log offers as a name is typed: every active family once, in alphabetical order.

The quick log is opened many times a day, on a busy programme over 10,000 families. It reads their ids and names
only (not the Families page's counts of children and last contacts), and each name is folded (accents and case
away, ``domain/folding.py``) once: the list is kept per store and given out again while the families read are the
same ones under the same names, so opening the quick log again costs the one read.
"""

from __future__ import annotations

import threading
import weakref
from typing import NamedTuple

from brugapp.domain.folding import fold
from brugapp.services.families.families import list_family_names
from brugapp.store import Store


class FamilyChoices(NamedTuple):
    ids: dict[str, str]  # the name as offered -> the family's id; a second "Gezin Peeters" is "Gezin Peeters (2)"
    # (folded name, its words after one space each: " gezin ozdemir", name as offered), in alphabetical order of the
    # folded name; the words let a picker find where a typed text begins a word with one substring search
    folded: list[tuple[str, str, str]]

    def matching(self, text: str, limit: int | None = None) -> list[str]:
        """Names in which the text begins a word first, then names that merely contain it, accents and case aside;
        with ``limit`` at most that many. One pass over the names, ending as soon as ``limit`` names begin with the
        text: on a busy programme every name begins with "Gezin", and "g" to "gezin" each took 0.4 s when every
        pair of names was compared (``brugapp bench``)."""
        needle = fold(text.strip())
        if not needle:
            return []
        word_start = " " + " ".join(needle.split())
        starts: list[str] = []
        contains: list[str] = []
        for folded, words, name in self.folded:
            if word_start in words:
                starts.append(name)
                if limit is not None and len(starts) >= limit:
                    break
            elif needle in folded:
                contains.append(name)
        return (starts + contains)[:limit]

    def resolved(self, text: str) -> str | None:
        """The one name ``text`` stands for: itself or the one name it equals or fits, accents and case aside; ""
        for no text; None when it fits none or several."""
        text = text.strip()
        if not text or text in self.ids:
            return text
        needle = fold(text)
        exact = [name for folded, _words, name in self.folded if folded == needle]
        if len(exact) == 1:
            return exact[0]
        matches = self.matching(text, limit=2)  # one, or more than one
        return matches[0] if len(matches) == 1 else None


_lock = threading.Lock()
_kept: weakref.WeakKeyDictionary[Store, tuple[list[tuple[str, str]], FamilyChoices]] = weakref.WeakKeyDictionary()


def family_choices(store: Store) -> FamilyChoices:
    """Every active family, once each, alphabetically without regard to accents or case; families of the same name
    are numbered in the order they were made (the oldest keeps the plain name)."""
    rows = list_family_names(store)  # in the order the families were made
    with _lock:
        kept = _kept.get(store)
    if kept is not None and kept[0] == rows:
        return kept[1]
    choices = _choices(rows)
    with _lock:
        _kept[store] = (rows, choices)
    return choices


def _choices(rows: list[tuple[str, str]]) -> FamilyChoices:
    ordered = sorted(((fold(name), name, family_id) for family_id, name in rows), key=lambda row: row[0])
    ids: dict[str, str] = {}
    folded: list[tuple[str, str, str]] = []
    for folded_name, name, family_id in ordered:
        offered, number = name, 2
        while offered in ids:
            offered = f"{name} ({number})"
            number += 1
        ids[offered] = family_id
        folded_offered = folded_name if offered == name else fold(offered)
        folded.append((folded_offered, " " + " ".join(folded_offered.split()), offered))
    return FamilyChoices(ids, folded)
