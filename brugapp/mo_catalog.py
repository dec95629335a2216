"""A compiled gettext catalogue (``.mo``) read in one pass: the first screen's translations (start-up time).

``gettext.translation`` looks for the file under every spelling of the language and parses it message by message:
~10 ms of every start on a slow laptop for BrugApp's ~1,900 messages (``brugapp bench``). The path is known here
and the file is read with a few slices per message, ~2 ms. Lookups behave as ``gettext.GNUTranslations``' do
(``tests/unit/project/test_mo_catalog.py`` compares every message and plural of both languages).
"""

from __future__ import annotations

import gettext
import struct
from collections.abc import Callable
from pathlib import Path

_MAGIC_LITTLE = 0x950412DE
_MAGIC_BIG = 0xDE120495


class MoCatalog(gettext.NullTranslations):
    """The messages of one ``.mo`` file (UTF-8, as Babel writes it)."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.messages, self.plurals, self._plural = read_mo(path)

    def gettext(self, message: str) -> str:
        return self.messages.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        forms = self.plurals.get(msgid1)
        index = self._plural(n)
        if forms is None or index >= len(forms):
            return msgid1 if n == 1 else msgid2
        return forms[index]


def read_mo(path: Path) -> tuple[dict[str, str], dict[str, tuple[str, ...]], Callable[[int], int]]:
    """(messages, plural forms by first message id, the plural rule of the header)."""
    data = path.read_bytes()
    magic = struct.unpack_from("<I", data)[0]
    if magic not in (_MAGIC_LITTLE, _MAGIC_BIG):
        raise OSError(f"not a gettext catalogue: {path}")
    order = "<" if magic == _MAGIC_LITTLE else ">"
    _version, count, originals_at, translations_at = struct.unpack_from(f"{order}4I", data, 4)
    originals = struct.unpack_from(f"{order}{2 * count}I", data, originals_at)  # (length, offset) pairs
    translations = struct.unpack_from(f"{order}{2 * count}I", data, translations_at)
    messages: dict[str, str] = {}
    plurals: dict[str, tuple[str, ...]] = {}
    for i in range(0, 2 * count, 2):
        key = data[originals[i + 1]:originals[i + 1] + originals[i]].decode("utf-8")
        value = data[translations[i + 1]:translations[i + 1] + translations[i]].decode("utf-8")
        if "\x00" in key:  # "singular\0plural": the forms, split the same way
            plurals[key.split("\x00", 1)[0]] = tuple(value.split("\x00"))
        else:
            messages[key] = value
    return messages, plurals, _plural_rule(messages.get("", ""))


def _plural_rule(header: str) -> Callable[[int], int]:
    for line in header.splitlines():
        name, _, value = line.partition(":")
        if name.strip().lower() == "plural-forms" and "plural=" in value:
            return gettext.c2py(value.split("plural=", 1)[1].strip().rstrip(";"))
    return lambda n: int(n != 1)  # gettext's own default (Germanic plural)


__all__ = ["MoCatalog", "read_mo"]
