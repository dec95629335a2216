"""A vocabulary: stable codes stored in the database, labels translated when shown."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from brugapp.i18n import _


class Term(NamedTuple):  # not a frozen dataclass: made in a fifth of the time (start-up)
    code: str
    label: str  # N_-marked English msgid
    parent: str = ""  # code of the broader term, "" at the top
    key: str = ""  # one-letter shortcut where a screen offers one (theme chips)

    def text(self) -> str:
        return _(self.label)


class Vocabulary:
    """An ordered set of terms; unknown codes are a programming error, not user input."""

    def __init__(self, name: str, terms: list[Term]) -> None:
        self.name = name
        self._terms = {t.code: t for t in terms}
        if len(self._terms) != len(terms):
            raise ValueError(f"duplicate code in vocabulary {name}")

    def __iter__(self) -> Iterator[Term]:
        return iter(self._terms.values())

    def __contains__(self, code: object) -> bool:
        return code in self._terms

    def __len__(self) -> int:
        return len(self._terms)

    def get(self, code: str) -> Term:
        return self._terms[code]

    def label(self, code: str) -> str:
        """The translated label; an unknown code shows as itself rather than crashing a screen."""
        term = self._terms.get(code)
        return term.text() if term else code

    def codes(self) -> list[str]:
        return list(self._terms)

    def top_level(self) -> list[Term]:
        return [t for t in self._terms.values() if not t.parent]

    def children(self, code: str) -> list[Term]:
        return [t for t in self._terms.values() if t.parent == code]
