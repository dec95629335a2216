"""PySide6 imported with shiboken's own Python code read from a bytecode cache instead of compiled at every start.

shiboken6 carries its support code (``shibokensupport``: signatures, the ``__feature__`` switch, a .pyi generator;
~130 kB of Python) as source in a zip inside its library, and its importer
(``signature_bootstrap.EmbeddableZipImporter``) compiles each of those files with the built-in ``compile`` at every
import of PySide6, in any PySide6 program: ~15 ms of each start on this machine (``brugapp bench``). Python keeps
the bytecode of ordinary modules in ``__pycache__``; this keeps it for those files, in the app's cache folder.

While PySide6 is imported, ``builtins.compile`` is wrapped: a call for one of shiboken's embedded files (relative
names such as "shibokensupport/signature/parser.py", which no file on disk has) returns the code compiled earlier
from exactly that source (the key holds the name, a hash of the source and the compiler flags, so another PySide6
compiles afresh); every other call, on any thread, passes through untouched. The cache file starts with Python's
bytecode magic and a hash of its contents: a damaged or foreign file is ignored, then rewritten. The cache is only a
shortcut: when it cannot be read or written, PySide6 is imported as usual.
"""

from __future__ import annotations
import __future__

import builtins
import functools
import marshal
import operator
import os
import sys
import tempfile
from collections.abc import Callable
from importlib.util import MAGIC_NUMBER, source_hash
from pathlib import Path
from types import CodeType

EMBEDDED_NAMES = ("shibokensupport/", "signature_bootstrap.py")
HEADER_BYTES = len(MAGIC_NUMBER) + 8  # the magic, then the 8-byte hash of what follows
# The future statements in effect in a caller's code, which compile() inherits (CPython's PyCF_MASK, 0x1fe0000);
# nested_scopes and generators, always on in Python 3, are not among them
FUTURE_FLAGS = functools.reduce(operator.or_, (getattr(__future__, name).compiler_flag
                                               for name in __future__.all_feature_names
                                               if name not in ("nested_scopes", "generators")))

Compile = Callable[..., CodeType]


def import_pyside(cache_file: Path) -> None:
    """Import PySide6 (QtCore), taking shiboken's support code from ``cache_file``; write the file when that code
    was compiled now (a first start, or another PySide6)."""
    if "shiboken6" in sys.modules:
        return  # imported before: shiboken's code is already loaded
    cached = read_cache(cache_file)
    used: dict[str, CodeType] = {}
    original = builtins.compile
    builtins.compile = cached_compile(original, cached, used)
    try:
        import PySide6.QtCore  # noqa: F401  (start-up time: the import this module makes faster)
    finally:
        builtins.compile = original
    if used.keys() - cached.keys():
        write_cache(cache_file, used)


def cached_compile(original: Compile, cached: dict[str, CodeType], used: dict[str, CodeType]) -> Compile:
    """``compile`` that serves shiboken's embedded files from ``cached`` and records each such code in ``used``."""

    def compile_embedded(source: object, filename: object, mode: str, *args: object, **kwargs: object) -> CodeType:
        if (args or kwargs or mode != "exec" or not isinstance(source, str | bytes)
                or not isinstance(filename, str) or not filename.startswith(EMBEDDED_NAMES)):
            return original(source, filename, mode, *args, **kwargs)
        # As the built-in does: the caller's future statements apply (shiboken's importer has annotations on)
        flags = sys._getframe(1).f_code.co_flags & FUTURE_FLAGS
        text = source.encode() if isinstance(source, str) else source
        key = f"{filename}\0{source_hash(text).hex()}\0{flags}"
        code = cached.get(key)
        if code is None:
            code = original(source, filename, mode, flags, True)
        used[key] = code
        return code

    return compile_embedded


def read_cache(cache_file: Path) -> dict[str, CodeType]:
    """The cached code by key; empty when the file is missing, damaged or made by another Python."""
    try:
        data = cache_file.read_bytes()
    except OSError:
        return {}
    magic, digest, payload = data[:len(MAGIC_NUMBER)], data[len(MAGIC_NUMBER):HEADER_BYTES], data[HEADER_BYTES:]
    if magic != MAGIC_NUMBER or digest != source_hash(payload):
        return {}
    try:
        entries = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return {}
    if not isinstance(entries, dict):
        return {}
    return {key: code for key, code in entries.items() if isinstance(key, str) and isinstance(code, CodeType)}


def write_cache(cache_file: Path, entries: dict[str, CodeType]) -> None:
    """Write the file whole (a temporary file renamed over it, so a second app starting reads all or nothing)."""
    payload = marshal.dumps(entries)
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
        pass  # a read-only cache folder: the next start compiles again, as any PySide6 program does
