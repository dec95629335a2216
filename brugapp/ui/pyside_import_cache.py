"""PySide6 imported with what shiboken compiles at every start taken from a cache: its Python code and the regular
expressions that code builds.

shiboken6 carries its support code (``shibokensupport``: signatures, the ``__feature__`` switch, a .pyi generator;
~130 kB of Python) as source in a zip inside its library, and its importer
(``signature_bootstrap.EmbeddableZipImporter``) compiles each of those files with the built-in ``compile`` at every
import of PySide6, in any PySide6 program (~15 ms of each start on this machine, ``brugapp bench``). Running that
code then compiles some sixteen regular expressions, three of them large verbose ones (~15 ms more). Python keeps the
bytecode of ordinary modules in ``__pycache__`` and regular expressions in memory only; this keeps both for PySide6's
import, in the app's cache folder.

While PySide6 is imported:
- ``builtins.compile`` is wrapped: a call for one of shiboken's embedded files (relative names such as
  "shibokensupport/signature/parser.py", which no file on disk has) returns the code compiled earlier from exactly
  that source (the key holds the name, a hash of the source and the compiler flags, so another PySide6 compiles
  afresh); every other call passes through untouched;
- ``re``'s compiler is wrapped: a pattern compiled at an earlier start is built from the matcher's program kept
  then (what ``re._compiler.compile`` hands to ``_sre.compile``, which checks that program again), skipping the
  parsing and code generation; the program is kept per pattern text and flags, for the ``_sre`` version that made it.

Both wrappers are in place on every thread, and only for the import; a window's start (``python -m brugapp``,
``cache_patterns_from_start``) begins the regular expressions' earlier, before the command line's modules are
imported. The cache file (``cache_file.py``) starts with Python's bytecode magic and a hash of its contents: a
damaged or foreign file is ignored, then rewritten. The cache is only a shortcut: when it cannot be read or written,
PySide6 is imported as usual.
"""

from __future__ import annotations
import __future__

import _sre
import builtins
import functools
import operator
import re
import sys
from collections.abc import Callable
from importlib.util import source_hash
from pathlib import Path
from types import CodeType
from typing import Any

from brugapp.cache_file import read_marshalled, write_marshalled

EMBEDDED_NAMES = ("shibokensupport/", "signature_bootstrap.py")
FORMAT = "brugapp pyside import cache 2"  # the first version held only code, as a bare dict
# The future statements in effect in a caller's code, which compile() inherits (CPython's PyCF_MASK, 0x1fe0000);
# nested_scopes and generators, always on in Python 3, are not among them
FUTURE_FLAGS = functools.reduce(operator.or_, (getattr(__future__, name).compiler_flag
                                               for name in __future__.all_feature_names
                                               if name not in ("nested_scopes", "generators")))
DEBUG_FLAG = int(re.DEBUG)  # prints the program as it is compiled, so such a pattern is always compiled

Compile = Callable[..., CodeType]
PatternCompile = Callable[..., re.Pattern[Any]]
PatternKey = tuple[str | bytes, int]
# what re._compiler.compile passes to _sre.compile: text, flags, program, groups, group index, index group
PatternArguments = tuple[str | bytes, int, list[int], int, dict[str, int], tuple[str | None, ...]]


class Compiled:
    """Code by key and patterns' programs by text and flags (a plain class: this module is imported before the
    start's first regular expression, dataclasses and its imports would compile theirs before it)."""

    def __init__(self, code: dict[str, CodeType] | None = None,
                 patterns: dict[PatternKey, PatternArguments] | None = None) -> None:
        self.code = {} if code is None else code
        self.patterns = {} if patterns is None else patterns

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Compiled) and (self.code, self.patterns) == (other.code, other.patterns)

    def __repr__(self) -> str:
        return f"Compiled({len(self.code)} code objects, {len(self.patterns)} patterns)"

    def adds_to(self, other: Compiled) -> bool:
        return bool(self.code.keys() - other.code.keys() or self.patterns.keys() - other.patterns.keys())


class _Caching:
    """Regular expressions served from a cache file until PySide6 has been imported (``import_pyside``)."""

    def __init__(self, cache_file: Path) -> None:
        self.cache_file = cache_file
        self.cached, self.used = read_cache(cache_file), Compiled()
        self.original_pattern_compile = re._compiler.compile  # type: ignore[attr-defined]
        re._compiler.compile = cached_pattern_compile(  # type: ignore[attr-defined]
            self.original_pattern_compile, self.cached.patterns, self.used.patterns)

    def end(self) -> None:
        re._compiler.compile = self.original_pattern_compile  # type: ignore[attr-defined]


def start_cache_file() -> Path:
    """The app's cache of this module, beside its other rebuildable files."""
    from brugapp.paths import user_cache_dir  # start-up time: platformdirs, only when the window starts

    return user_cache_dir() / "pyside-import.cache"


_caching: _Caching | None = None  # begun by a window's start (``cache_patterns_from_start``), ended by import_pyside


def cache_patterns_from_start(cache_file: Path) -> None:
    """``python -m brugapp`` starting the window: the regular expressions compiled from now on (the command line's,
    the translations', the settings' modules as they are imported) are taken from ``cache_file`` too, until
    ``import_pyside`` has imported PySide6 with the same file. Only module-level patterns of the start: nothing
    reads the notebook before then, so no text of a person is ever kept in the file."""
    global _caching
    if _caching is None and "shiboken6" not in sys.modules:
        _caching = _Caching(cache_file)


def import_pyside(cache_file: Path) -> None:
    """Import PySide6 (QtCore), taking what shiboken compiles from ``cache_file``; write the file when something
    was compiled now (a first start, or another PySide6 or Python)."""
    global _caching
    caching, _caching = _caching, None
    if caching is not None and caching.cache_file != cache_file:
        caching.end()
        caching = None
    if "shiboken6" in sys.modules:
        if caching is not None:
            caching.end()
        return  # imported before: shiboken's code is already loaded
    caching = caching or _Caching(cache_file)
    original_compile = builtins.compile
    builtins.compile = cached_compile(original_compile, caching.cached.code, caching.used.code)
    try:
        import PySide6.QtCore  # noqa: F401  (start-up time: the import this module makes faster)
    finally:
        builtins.compile = original_compile
        caching.end()
    if caching.used.adds_to(caching.cached):
        write_cache(cache_file, caching.used)


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


def cached_pattern_compile(original: PatternCompile, cached: dict[PatternKey, PatternArguments],
                           used: dict[PatternKey, PatternArguments]) -> PatternCompile:
    """``re._compiler.compile`` that builds a pattern kept in ``cached`` from its program and records the program
    of each pattern in ``used``."""

    def compile_pattern(pattern: object, flags: int = 0) -> re.Pattern[Any]:
        if type(pattern) not in (str, bytes) or int(flags) & DEBUG_FLAG:
            return original(pattern, flags)  # a parsed pattern (re.Scanner), or a debugging print wanted
        key = (pattern, int(flags))
        arguments = cached.get(key)
        compiled = _pattern_from(arguments) if arguments is not None else None
        if compiled is None:
            arguments = pattern_arguments(*key)
            compiled = _sre.compile(*arguments)
        used[key] = arguments  # type: ignore[assignment]
        return compiled

    return compile_pattern


def pattern_arguments(pattern: str | bytes, flags: int) -> PatternArguments:
    """What ``re._compiler.compile`` (Python 3.11 to 3.13) hands to ``_sre.compile`` for ``pattern``; a pattern that
    is not valid raises ``re.error`` as ``re.compile`` does."""
    flags = int(flags)  # a flag of re.RegexFlag, which the file cannot hold, as its number
    parsed = re._parser.parse(pattern, flags)  # type: ignore[attr-defined]
    program = [int(word) for word in re._compiler._code(parsed, flags)]  # type: ignore[attr-defined]  (opcodes are named)
    group_index = parsed.state.groupdict
    index_group: list[str | None] = [None] * parsed.state.groups
    for name, index in group_index.items():
        index_group[index] = name
    return pattern, flags | parsed.state.flags, program, parsed.state.groups - 1, group_index, tuple(index_group)


def _pattern_from(arguments: PatternArguments) -> re.Pattern[Any] | None:
    try:
        return _sre.compile(*arguments)  # checks the program: a wrong one raises, it is never run
    except (TypeError, ValueError, RuntimeError, OverflowError):
        return None


def read_cache(cache_file: Path) -> Compiled:
    """What was compiled before; nothing when the file is missing, damaged or made by another Python."""
    content = read_marshalled(cache_file)
    if not (isinstance(content, tuple) and len(content) == 4 and content[0] == FORMAT
            and isinstance(content[2], dict) and isinstance(content[3], dict)):
        return Compiled()
    _format, sre_magic, code, patterns = content
    return Compiled(
        {key: value for key, value in code.items() if isinstance(key, str) and isinstance(value, CodeType)},
        {key: value for key, value in patterns.items() if sre_magic == _sre.MAGIC and isinstance(key, tuple)
         and len(key) == 2 and isinstance(value, tuple) and len(value) == 6 and value[0] == key[0]})


def write_cache(cache_file: Path, compiled: Compiled) -> None:
    """Write the file whole; when it cannot be, the next start compiles again, as any PySide6 program does."""
    write_marshalled(cache_file, (FORMAT, _sre.MAGIC, compiled.code, compiled.patterns))
