"""What shiboken compiles at each import of PySide6 comes from a cache at the second start
(``ui/pyside_import_cache.py``): the code and the regular expressions are exactly what compiling would give,
anything else compiled meanwhile passes through, and a damaged, foreign or unwritable cache only means compiling as
before."""

from __future__ import annotations
import __future__

import _sre
import builtins
import marshal
import os
import re
import subprocess
import sys
from importlib.util import MAGIC_NUMBER, source_hash
from pathlib import Path
from types import CodeType

import pytest

from brugapp.ui import pyside_import_cache
from brugapp.ui.pyside_import_cache import (
    FORMAT,
    Compiled,
    cached_compile,
    cached_pattern_compile,
    pattern_arguments,
    read_cache,
    write_cache,
)

EMBEDDED = "shibokensupport/signature/example.py"
SOURCE = "def greet(name: Undefined) -> str:\n    return 'dag ' + name\n"


class CountingCompile:
    def __init__(self) -> None:
        self.calls: list[tuple[object, ...]] = []

    def __call__(self, *args: object, **kwargs: object) -> CodeType:
        self.calls.append(args)
        return compile(*args, **kwargs)  # type: ignore[call-overload,no-any-return]


def _greeting(code: CodeType) -> str:
    namespace: dict[str, object] = {}
    exec(code, namespace)
    return namespace["greet"]("Nour")  # type: ignore[operator,no-any-return]


def test_an_embedded_file_is_compiled_once_then_served_from_the_cache() -> None:
    original, used = CountingCompile(), {}
    first = cached_compile(original, {}, used)(SOURCE, EMBEDDED, "exec")
    again = cached_compile(original, dict(used), {})(SOURCE, EMBEDDED, "exec")
    assert len(original.calls) == 1
    assert again is first and _greeting(again) == "dag Nour"


def test_another_source_under_the_same_name_is_compiled_afresh() -> None:
    original, used = CountingCompile(), {}
    cached_compile(original, {}, used)(SOURCE, EMBEDDED, "exec")
    changed = cached_compile(original, dict(used), {})(SOURCE.replace("dag", "hallo"), EMBEDDED, "exec")
    assert len(original.calls) == 2 and _greeting(changed) == "hallo Nour"


def test_every_other_compile_passes_through_untouched() -> None:
    original = CountingCompile()
    wrapped = cached_compile(original, {}, {})
    wrapped("1 + 1", "/home/x/brugapp/page.py", "eval")
    wrapped(SOURCE, "/usr/lib/python3/shibokensupport/x.py", "exec", 0, True)
    wrapped(SOURCE, EMBEDDED, "exec", dont_inherit=True)
    assert [call[1] for call in original.calls] == ["/home/x/brugapp/page.py", "/usr/lib/python3/shibokensupport/x.py",
                                                     EMBEDDED]


def test_the_callers_future_statements_apply_as_with_the_built_in() -> None:
    # shiboken's importer has "from __future__ import annotations", so a file without it still gets lazy
    # annotations (the name 'Undefined' above is never looked up); a caller without the future would not
    annotations = __future__.annotations.compiler_flag
    wrapped = cached_compile(compile, {}, {})
    plain_caller = compile("code = wrapped(source, name, 'exec')", "caller.py", "exec", dont_inherit=True)
    scope = {"wrapped": wrapped, "source": SOURCE, "name": EMBEDDED}
    exec(plain_caller, scope)
    assert not scope["code"].co_flags & annotations  # type: ignore[attr-defined]
    assert wrapped(SOURCE, EMBEDDED, "exec").co_flags & annotations  # this module has the future


# Patterns of every kind the regular expression compiler treats apart: shiboken's own verbose ones, named groups and
# back references, bytes, flags set inline and passed, look-arounds, repeats, character classes, non-ASCII text
PATTERNS: list[tuple[str | bytes, int]] = [
    (r"""
        \b                      # edge of a word
        (typing\.Optional |
         typing\.Union) \[
    """, re.VERBOSE),
    (r"(?P<year>\d{4})-(?P<month>\d\d)-(?P=month)?", 0),
    (rb"^[ \t\f]*(?:[#\r\n]|$)", 0),
    (r"(?i)gezin\s+(\w+)", 0),
    ("école|ÇA|straße", re.IGNORECASE),
    (r"(?<=\$)\d+(?:\.\d\d)?(?!%)", re.ASCII),
    (r"[^\W\d_]{2,}?|a*+b", re.MULTILINE | re.DOTALL),
    ("", 0),
]


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_a_pattern_built_from_its_kept_program_is_the_one_re_compiles(pattern: str | bytes, flags: int) -> None:
    # Patterns compare equal only when their programs, flags and texts do: a check of the whole compiled result
    arguments = pattern_arguments(pattern, flags)
    fresh = re._compiler.compile(pattern, flags)  # type: ignore[attr-defined]  (not re.compile: that one caches)
    assert _sre.compile(*arguments) == fresh
    kept = marshal.loads(marshal.dumps(arguments))  # as the cache file stores it
    assert _sre.compile(*kept) == fresh and _sre.compile(*kept).groupindex == fresh.groupindex


def test_a_kept_pattern_is_built_without_parsing_it_again(monkeypatch) -> None:
    pattern, parses = r"(?P<name>\w+) (\d+)", []
    real_parse = re._parser.parse  # type: ignore[attr-defined]

    def counting_parse(text: str | bytes, *args: object) -> object:
        parses.extend([text] if text == pattern else [])
        return real_parse(text, *args)

    monkeypatch.setattr(re._parser, "parse", counting_parse)  # type: ignore[attr-defined]
    used: dict = {}
    first = cached_pattern_compile(_unused, {}, used)(pattern, 0)
    again = cached_pattern_compile(_unused, dict(used), {})(pattern, 0)
    assert parses == [pattern]  # the first time only
    assert again == first and again.match("Nour 12").group("name") == "Nour"  # type: ignore[union-attr]


def test_a_wrong_pattern_is_refused_as_re_refuses_it() -> None:
    with pytest.raises(re.error) as ours:
        cached_pattern_compile(_unused, {}, {})("(?P<x>a", 0)
    with pytest.raises(re.error) as theirs:
        re._compiler.compile("(?P<x>a", 0)  # type: ignore[attr-defined]
    assert str(ours.value) == str(theirs.value)


def test_a_kept_program_that_does_not_check_out_is_compiled_afresh() -> None:
    pattern, flags, program, groups, group_index, index_group = pattern_arguments(r"(a+)b", 0)
    broken = (pattern, flags, [*program[:-3], 99, *program[-2:]], groups, group_index, index_group)
    used: dict = {}
    compiled = cached_pattern_compile(_unused, {(pattern, flags): broken}, used)(pattern, flags)
    assert compiled == re._compiler.compile(pattern, flags)  # type: ignore[attr-defined]
    assert used[(pattern, flags)] != broken


def test_parsed_patterns_and_debugging_go_to_re_itself() -> None:
    calls: list[object] = []

    def original(pattern: object, flags: int = 0) -> re.Pattern[str]:
        calls.append(pattern)
        return re.compile("x")

    wrapped = cached_pattern_compile(original, {}, {})
    parsed = re._parser.parse("a|b", 0)  # type: ignore[attr-defined]  (re.Scanner compiles parsed patterns)
    wrapped(parsed)
    wrapped("a", re.DEBUG)
    assert calls == [parsed, "a"]


def _unused(*args: object, **kwargs: object) -> re.Pattern[str]:
    raise AssertionError("not expected to be called")


def _filled() -> Compiled:
    filled = Compiled()
    cached_compile(compile, {}, filled.code)(SOURCE, EMBEDDED, "exec")
    cached_pattern_compile(_unused, {}, filled.patterns)(*PATTERNS[0])
    return filled


def test_the_cache_file_is_read_back_whole(tmp_path) -> None:
    written = _filled()
    write_cache(tmp_path / "cache" / "pyside-import.cache", written)
    read = read_cache(tmp_path / "cache" / "pyside-import.cache")
    assert read.code.keys() == written.code.keys() and _greeting(next(iter(read.code.values()))) == "dag Nour"
    assert read.patterns == written.patterns
    assert [p.name for p in (tmp_path / "cache").iterdir()] == ["pyside-import.cache"]  # no temporary file left


def _with_header(payload: bytes) -> bytes:
    return MAGIC_NUMBER + source_hash(payload) + payload


def test_a_damaged_or_foreign_cache_file_is_ignored(tmp_path) -> None:
    good = tmp_path / "good"
    filled = _filled()
    write_cache(good, filled)
    data = good.read_bytes()
    flipped = bytearray(data)
    flipped[len(data) // 2] ^= 0x01
    cases = {"truncated": data[: len(data) // 2], "one bit flipped": bytes(flipped), "empty": b"",
             "another Python": b"\x00\x00" + data[2:], "random bytes": os.urandom(4096),
             "the first version (code only)": _with_header(marshal.dumps(filled.code)),
             "another format": _with_header(marshal.dumps(("something else", _sre.MAGIC, {}, {})))}
    for name, content in cases.items():
        (tmp_path / name).write_bytes(content)
        assert read_cache(tmp_path / name) == Compiled(), name
    assert read_cache(tmp_path / "missing") == Compiled()
    # the regular expressions of another re (its programs differ) are dropped; the code is kept
    (tmp_path / "other re").write_bytes(_with_header(marshal.dumps((FORMAT, 1, filled.code, filled.patterns))))
    assert read_cache(tmp_path / "other re") == Compiled(code=filled.code)


def test_an_unwritable_cache_folder_is_no_error(tmp_path) -> None:
    (tmp_path / "a file").write_text("not a folder", encoding="utf-8")
    write_cache(tmp_path / "a file" / "pyside-import.cache", _filled())
    assert (tmp_path / "a file").read_text(encoding="utf-8") == "not a folder"


PROBE = """
import builtins, re, sys
from pathlib import Path
from brugapp.ui.pyside_import_cache import import_pyside
compiled, parsed = [], []
real_compile, real_parse, real_pattern_compile = builtins.compile, re._parser.parse, re._compiler.compile
def counting(source, filename, *args, **kwargs):
    if isinstance(filename, str) and filename.startswith("shibokensupport/"):
        compiled.append(filename)
    return real_compile(source, filename, *args, **kwargs)
def parsing(pattern, *args, **kwargs):
    parsed.append(pattern)
    return real_parse(pattern, *args, **kwargs)
builtins.compile, re._parser.parse = counting, parsing
import_pyside(Path(sys.argv[1]))
restored = builtins.compile is counting and re._compiler.compile is real_pattern_compile
count = f"{len(compiled)},{len(parsed)}"
from PySide6.QtCore import QObject
from PySide6.support.signature import get_signature
try:
    QObject().setObjectName(1)  # shiboken's error handler explains a wrong argument with the signatures it parsed
except TypeError as error:
    mistake = str(error).replace(chr(10), " ")
print(count, restored, get_signature(QObject.setProperty), mistake)
"""


def _start(cache: Path) -> tuple[tuple[int, int], str]:
    done = subprocess.run([sys.executable, "-c", PROBE, str(cache)], capture_output=True, text=True, timeout=120,
                          check=True)
    count, restored, signatures = done.stdout.strip().split(" ", 2)
    assert restored == "True"  # the built-in compile and re's compiler are given back once PySide6 is imported
    files, patterns = count.split(",")
    return (int(files), int(patterns)), signatures


def test_a_second_start_compiles_nothing_of_shibokens_and_pyside_works_the_same(tmp_path) -> None:
    # GIVEN no cache yet
    cache = tmp_path / "cache" / "pyside-import.cache"
    # WHEN PySide6 is imported through the cache twice, then once more after the file was damaged
    first, signature = _start(cache)
    second, signature_again = _start(cache)
    cache.write_bytes(cache.read_bytes()[:1000])
    damaged, _ = _start(cache)
    # THEN the first start compiled shiboken's files and parsed its regular expressions and wrote them, the second
    # compiled and parsed none, and PySide6's signatures (read by that code, with those expressions) are the same;
    # a damaged file is compiled over and written again
    (files, patterns), (files_again, patterns_again) = first, second
    assert files >= 10 and patterns >= 3 and (files_again, patterns_again) == (0, 0) and damaged == first
    assert signature == signature_again
    assert "name: str" in signature and "setObjectName" in signature
    kept = read_cache(cache)
    assert sum(key.startswith("shibokensupport/") for key in kept.code) == files and len(kept.patterns) >= patterns


def test_pyside_imported_before_is_left_alone(tmp_path) -> None:
    import PySide6.QtCore  # noqa: F401  (as in this test session)

    original = builtins.compile
    pyside_import_cache.import_pyside(tmp_path / "cache")
    assert builtins.compile is original and not (tmp_path / "cache").exists()


def test_something_marshal_cannot_hold_is_not_written_and_no_error(tmp_path) -> None:
    odd = Compiled(patterns={("a", 0): ("a", 0, [object()], 0, {}, (None,))})  # type: ignore[list-item]
    write_cache(tmp_path / "pyside-import.cache", odd)
    assert list(tmp_path.iterdir()) == []


# ``python -m brugapp`` starting the window, with a stand-in for the window itself: which regular expressions are
# parsed (not taken from the cache), by which file, and whether re's compiler is given back once PySide6 is in.
WINDOW_START = """
import re, runpy, sys, types
real_parse, real_pattern_compile = re._parser.parse, re._compiler.compile
parsed_by = []
def parsing(pattern, *args, **kwargs):
    caller = sys._getframe(1)
    while caller is not None and ("/re/" in caller.f_code.co_filename
                                  or caller.f_code.co_filename.endswith("pyside_import_cache.py")):
        caller = caller.f_back
    parsed_by.append(caller.f_code.co_filename if caller is not None else "?")
    return real_parse(pattern, *args, **kwargs)
re._parser.parse = parsing
def run_gui(**options):
    assert "PySide6.QtCore" in sys.modules
    given_back = re._compiler.compile is real_pattern_compile
    print(given_back, "|".join(parsed_by))
    return 0
sys.modules["brugapp.ui.app"] = types.SimpleNamespace(run_gui=run_gui)  # the window, standing in
sys.argv = ["brugapp", *sys.argv[1:]]
runpy.run_module("brugapp", run_name="__main__", alter_sys=True)
"""


def _window_start(home: Path, *arguments: str) -> tuple[bool, list[str]]:
    environment = {**os.environ, "BRUGAPP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", WINDOW_START, *arguments], capture_output=True, text=True,
                          timeout=120, env=environment)
    assert done.returncode == 0, done.stderr[-2000:]
    given_back, _separator, parsed_by = done.stdout.strip().partition(" ")
    return given_back == "True", [name for name in parsed_by.split("|") if name]


def test_the_window_starts_regular_expressions_come_from_the_cache_from_the_first_import_on(tmp_path) -> None:
    home = tmp_path / "home"
    # GIVEN a first start of the window, which compiles the command line's, the settings' and PySide6's patterns
    given_back, first = _window_start(home, "--db", str(tmp_path / "notebook.db"))
    assert given_back
    assert any(name.endswith("json/scanner.py") for name in first)  # read by the settings
    assert any(name.endswith("argparse.py") for name in first)  # the command line
    # WHEN the window starts again
    given_back, second = _window_start(home, "--db", str(tmp_path / "notebook.db"), "--lang", "en")
    # THEN re's compiler is given back once PySide6 is imported, and the only patterns parsed again are those of the
    # module that finds the cache folder (platformdirs, imported before the cache can be opened)
    assert given_back
    assert all("/platformdirs/" in name for name in second), second
    assert len(second) < len(first) // 4
