"""Pseudonymisation by records, not by substrings: the rule behind every network version of a sheet.

A sheet that may not name a family shows it as "Gezin A". The stand-in is decided per *family record*
(the family and all its members and participants map to one stand-in, the same on the agenda, the minutes
and the invitation), and free text is rewritten by **whole words only**: "Sara" never touches "Sarah",
"Ali" never touches "Alina", "Jan" never touches "Janssens". Staff (school, services, the regiehouder) are
never pseudonymised, even when a family member shares their first name.

- ``HiddenFamily``   one family that must not be named: its stand-in and every name it is known by
- ``Pseudonymiser``  rewrites text in one pass (a replaced name is never replaced again) and keeps staff names
- ``name_words``     the single words of a name that are worth replacing on their own
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# Words inside names that are also ordinary words (or prefixes of the family label): replacing them on their
# own would mangle the text around a name ("de school", "van het CLB"). They go only as part of a full name.
_NOT_ALONE = frozenset({
    "gezin", "familie", "family", "van", "de", "der", "den", "het", "ten", "ter", "te", "la", "le", "du", "da",
    "di", "del", "dos", "el", "al", "ben", "bin", "mama", "papa", "mevrouw", "meneer",
})
_PREFIXES = ("gezin", "familie", "family")
_STAFF_MARK = "\uE000{}\uE001"  # private-use characters: never in a name, never in the output
# Whole words: not inside a word, and not glued to a word by a hyphen ("Jean" in "Jean-Pierre").
_BEFORE = r"(?<![\w\uE000])(?<!\w-)"
_AFTER = r"(?![\w\uE001])(?!-\w)"


@dataclass(frozen=True)
class HiddenFamily:
    stand_in: str  # "Gezin A"
    names: tuple[str, ...]  # the family's display name, members' and participants' full names


def name_words(name: str) -> list[str]:
    """The single words of ``name`` that identify a person on their own (not "van", not "Gezin")."""
    return [w for w in re.split(r"\s+", name.strip()) if len(w) >= 2 and w.lower() not in _NOT_ALONE]


def _phrases(family: HiddenFamily) -> set[str]:
    phrases: set[str] = set()
    for name in family.names:
        name = " ".join(name.split())
        if not name:
            continue
        phrases.add(name)
        first, _space, rest = name.partition(" ")
        bare = rest if first.lower() in _PREFIXES and rest else name
        phrases.add(bare)
        phrases.update(f"{prefix} {bare}" for prefix in _PREFIXES)
        phrases.update(name_words(bare))
    return {p for p in phrases if len(p) >= 2}


def _pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    if not ordered:
        return None
    alternatives = "|".join(r"\s+".join(re.escape(part) for part in p.split()) for p in ordered)
    return re.compile(f"{_BEFORE}(?:{alternatives}){_AFTER}", re.IGNORECASE)


class Pseudonymiser:
    """Rewrites the text of one document for one audience; build it once per document."""

    def __init__(self, hidden: Sequence[HiddenFamily], staff: Iterable[str] = ()) -> None:
        self._stand_in: dict[str, str] = {}
        for family in hidden:
            for phrase in _phrases(family):
                # A phrase two hidden families share (a common surname) still names nobody: first one wins.
                self._stand_in.setdefault(phrase.casefold(), family.stand_in)
        self._names = _pattern(self._stand_in)
        self._staff = sorted({" ".join(s.split()) for s in staff if s.strip()}, key=len, reverse=True)
        self._staff_pattern = _pattern(self._staff)
        self._fallback = hidden[0].stand_in if hidden else ""
        stand_ins = sorted({f.stand_in for f in hidden})
        self._repeats = [(re.compile(rf"{re.escape(s)}(?:\s+{re.escape(s)})+"), s) for s in stand_ins]

    @property
    def active(self) -> bool:
        return self._names is not None

    def text(self, value: str) -> str:
        """``value`` with every name of a hidden family replaced by its stand-in, by whole words only."""
        if not value or self._names is None:
            return value
        kept: list[str] = []

        def keep_staff(match: re.Match[str]) -> str:
            kept.append(match.group(0))
            return _STAFF_MARK.format(len(kept) - 1)

        if self._staff_pattern is not None:
            value = self._staff_pattern.sub(keep_staff, value)
        value = self._names.sub(
            lambda m: self._stand_in.get(" ".join(m.group(0).split()).casefold(), self._fallback), value)
        for repeat, stand_in in self._repeats:  # "Amira Said" (two members side by side) → one "Gezin A"
            value = repeat.sub(lambda _m, s=stand_in: s, value)  # type: ignore[misc]
        for index, original in enumerate(kept):
            value = value.replace(_STAFF_MARK.format(index), original)
        return value
