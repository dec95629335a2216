"""One rule for all text a person types or imports, applied at the service boundary. Pure: no I/O.

- a NUL byte is refused: SQLite and every C library downstream would see the text cut off there;
- a lone surrogate is refused: it stands for bytes that were not valid UTF-8 (a command line or file in
  another encoding) and cannot be stored or printed;
- terminal escape sequences (ESC [ … m, OSC titles …) and other C0/C1 control characters are removed:
  printed in a terminal (``brugapp list``) they could recolour, hide or rewrite what is shown;
  newline and tab stay (notes have lines), a carriage return becomes a newline;
- bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) are removed: they make
  "Gezin Peeters" and a reversed spelling look the same on screen while being different records; so are
  the zero-width space, the word joiner and the byte order mark ("Pee​ters" would look like "Peeters");
- a text that holds characters but none a person can see (zero-width spaces, Hangul fillers …) is refused:
  a family named "​​​" cannot be found, told apart or printed;
- the result is normalised to NFC, so "é" typed two ways is one and the same name in search and sorting.

``clean_text`` raises ``UnsafeText`` with a ``kind`` code; the services turn it into a translated
``ValidationError`` naming the field.
"""

from __future__ import annotations

import re
import unicodedata

NUL = "nul"
INVISIBLE = "invisible"
ENCODING = "encoding"  # lone surrogates: bytes that were not valid UTF-8 (a file or terminal in another encoding)

# ESC followed by a CSI (ESC [ params final), an OSC/DCS/PM/APC string up to BEL or ST, or a single char;
# the 8-bit CSI (U+009B) likewise.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]?"
    r"|\x9b[0-?]*[ -/]*[@-~]"
    r"|[\x90\x98\x9d\x9e\x9f][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
)
_SURROGATES = re.compile("[\ud800-\udfff]")
# Bidi overrides and isolates, and the zero-width characters no script needs (zero-width space, word
# joiner, byte order mark): each makes two different names look the same. ZWJ/ZWNJ stay (Persian, emoji).
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff]")
# C0 and C1 controls except tab and newline (carriage returns are turned into newlines first).
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Letters that render as nothing although Unicode calls them letters or symbols.
_BLANK_LOOKING = frozenset("\u115f\u1160\u3164\uffa0\u2800\u180e\u17b4\u17b5")
_INVISIBLE_CATEGORIES = frozenset({"Zs", "Zl", "Zp", "Cc", "Cf", "Mn", "Me", "Cn", "Co", "Cs"})


class UnsafeText(ValueError):
    """The text cannot be stored as it is; ``kind`` is ``NUL``, ``ENCODING`` or ``INVISIBLE``."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


def is_visible(char: str) -> bool:
    return char not in _BLANK_LOOKING and unicodedata.category(char) not in _INVISIBLE_CATEGORIES


def _already_clean(value: str) -> bool:
    """The common case, decided without rewriting: one line of letters, digits, punctuation and spaces.

    ``isprintable`` is false for every control, format (bidi, zero-width) and separator character but the
    space, so what is left to rule out is a decomposed accent and a text of only blank-looking letters.
    """
    if value.isascii():
        return value.isprintable()
    return (value.isprintable() and unicodedata.is_normalized("NFC", value)
            and _BLANK_LOOKING.isdisjoint(value) and any(c.isalnum() for c in value))


def clean_text(value: str) -> str:
    """The stored form of ``value`` (see the module docstring), or ``UnsafeText``.

    Leading/trailing whitespace is left to the caller (names collapse it, notes keep inner lines).
    Only-whitespace text passes unchanged, so a required-field check can still say "fill this in".
    """
    if not value or _already_clean(value):
        return value
    if "\x00" in value:
        raise UnsafeText(NUL)
    if _SURROGATES.search(value):
        raise UnsafeText(ENCODING)
    text = _ESCAPES.sub("", value)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROLS.sub("", _BIDI_CONTROLS.sub("", text))
    text = unicodedata.normalize("NFC", text)
    if not any(is_visible(c) for c in text) and (text.strip() or not value.isspace()):
        # Something was typed, yet nothing would show: zero-width characters, fillers, only overrides.
        raise UnsafeText(INVISIBLE)
    return text
