"""A cache file of the start (``ui/pyside_import_cache.py``, ``ui/icon_cache.py``): values ``marshal`` can hold,
behind Python's bytecode magic and a hash of what follows.

A missing, damaged or foreign file (another Python writes another magic) reads as nothing; a file is written whole,
a temporary file renamed over it, so a second app starting meanwhile reads all or nothing. It is only a shortcut:
when it cannot be read or written, the caller computes what it would have held, as without it.
"""

from __future__ import annotations

import marshal
import os
from importlib.util import MAGIC_NUMBER, source_hash
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from marshal import _Marshallable  # typeshed's name for what marshal can hold

HEADER_BYTES = len(MAGIC_NUMBER) + 8  # the magic, then the 8-byte hash of what follows


def read_marshalled(cache_file: Path) -> object | None:
    """What was written, or None when the file is missing, damaged or made by another Python."""
    try:
        data = cache_file.read_bytes()
    except OSError:
        return None
    magic, digest, payload = data[:len(MAGIC_NUMBER)], data[len(MAGIC_NUMBER):HEADER_BYTES], data[HEADER_BYTES:]
    if magic != MAGIC_NUMBER or digest != source_hash(payload):
        return None
    try:
        return marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None


def write_marshalled(cache_file: Path, content: _Marshallable) -> None:
    """Write ``content`` whole; a read-only folder or something marshal cannot hold (not expected) writes nothing."""
    try:
        payload = marshal.dumps(content)
    except ValueError:
        return
    import tempfile  # start-up time: only when something new is written (cache_patterns_from_start comes first)

    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=cache_file.parent, prefix=cache_file.name, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(MAGIC_NUMBER + source_hash(payload) + payload)
            os.replace(temporary, cache_file)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        pass  # a read-only cache folder: the next start computes again
