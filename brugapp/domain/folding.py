"""Accent- and case-free text for matching what people type ("ozdemir" finds "Özdemir"): one rule for the
search index, the lists that filter as you type and the pickers."""

from __future__ import annotations

import re
import unicodedata

# Letters that do not decompose into base letter + accent under NFKD.
_SPECIAL_LETTERS = {"ı": "i", "İ": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d",
                    "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th"}
_SPECIAL_FOLDS = str.maketrans(_SPECIAL_LETTERS)
# ``translate`` looks up every character of a text that is not all ASCII (~30 µs for a service's words): only a
# text that holds one of these letters needs it, which one search in C tells (~2 µs).
_HAS_SPECIAL = re.compile(f"[{''.join(_SPECIAL_LETTERS)}]")


class _CombiningMarks(dict[int, int | None]):
    """``str.translate`` table that drops combining marks; filled per code point on first sight."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_DROP_COMBINING = _CombiningMarks()


def fold(value: str) -> str:
    """Lower-case, accent-free form used on both sides of a search ("Şükrü" -> "sukru").

    Runs for every service of the map on each load, so it avoids a Python loop per character: plain ASCII
    is only lower-cased, anything else is decomposed and loses its combining marks in one ``translate``.
    """
    if value.isascii():
        return value.lower()
    if _HAS_SPECIAL.search(value):
        value = value.translate(_SPECIAL_FOLDS)
    decomposed = unicodedata.normalize("NFKD", value)
    return decomposed.translate(_DROP_COMBINING).casefold()
