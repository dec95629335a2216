"""Shiboken's support code comes from a bytecode cache at the second start (``ui/shiboken_bytecode.py``): the code
is exactly what compiling would give, anything else compiled meanwhile passes through, and a damaged, foreign or
unwritable cache only means compiling as before."""

from __future__ import annotations
import __future__

import builtins
import os
import subprocess
import sys
from pathlib import Path
from types import CodeType

from brugapp.ui import shiboken_bytecode
from brugapp.ui.shiboken_bytecode import cached_compile, read_cache, write_cache

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


def test_the_cache_file_is_read_back_whole(tmp_path) -> None:
    used: dict[str, CodeType] = {}
    cached_compile(compile, {}, used)(SOURCE, EMBEDDED, "exec")
    write_cache(tmp_path / "cache" / "support.bytecode", used)
    read = read_cache(tmp_path / "cache" / "support.bytecode")
    assert read.keys() == used.keys() and _greeting(next(iter(read.values()))) == "dag Nour"
    assert [p.name for p in (tmp_path / "cache").iterdir()] == ["support.bytecode"]  # no temporary file left


def test_a_damaged_or_foreign_cache_file_is_ignored(tmp_path) -> None:
    used: dict[str, CodeType] = {}
    cached_compile(compile, {}, used)(SOURCE, EMBEDDED, "exec")
    good = tmp_path / "good"
    write_cache(good, used)
    data = good.read_bytes()
    flipped = bytearray(data)
    flipped[len(data) // 2] ^= 0x01
    cases = {"truncated": data[: len(data) // 2], "one bit flipped": bytes(flipped), "empty": b"",
             "another Python": b"\x00\x00" + data[2:], "random bytes": os.urandom(4096)}
    for name, content in cases.items():
        (tmp_path / name).write_bytes(content)
        assert read_cache(tmp_path / name) == {}, name
    assert read_cache(tmp_path / "missing") == {}


def test_an_unwritable_cache_folder_is_no_error(tmp_path) -> None:
    (tmp_path / "a file").write_text("not a folder", encoding="utf-8")
    write_cache(tmp_path / "a file" / "support.bytecode", {})
    assert (tmp_path / "a file").read_text(encoding="utf-8") == "not a folder"


PROBE = """
import builtins, sys
from pathlib import Path
compiled = []
real = builtins.compile
def counting(source, filename, *args, **kwargs):
    if isinstance(filename, str) and filename.startswith("shibokensupport/"):
        compiled.append(filename)
    return real(source, filename, *args, **kwargs)
builtins.compile = counting
from brugapp.ui.shiboken_bytecode import import_pyside
import_pyside(Path(sys.argv[1]))
from PySide6.QtCore import QObject
from PySide6.support.signature import get_signature
try:
    QObject().setObjectName(1)  # shiboken's error handler explains a wrong argument with the signatures it parsed
except TypeError as error:
    mistake = str(error).replace(chr(10), " ")
print(len(compiled), builtins.compile is counting, get_signature(QObject.setProperty), mistake)
"""


def _start(cache: Path) -> tuple[int, str]:
    done = subprocess.run([sys.executable, "-c", PROBE, str(cache)], capture_output=True, text=True, timeout=120,
                          check=True)
    count, restored, signatures = done.stdout.strip().split(" ", 2)
    assert restored == "True"  # the built-in compile is given back once PySide6 is imported
    return int(count), signatures


def test_a_second_start_compiles_none_of_shibokens_files_and_pyside_works_the_same(tmp_path) -> None:
    # GIVEN no cache yet
    cache = tmp_path / "cache" / "shiboken-support.bytecode"
    # WHEN PySide6 is imported through the cache twice, then once more after the file was damaged
    first, signature = _start(cache)
    second, signature_again = _start(cache)
    cache.write_bytes(cache.read_bytes()[:1000])
    damaged, _ = _start(cache)
    # THEN the first start compiled shiboken's files and wrote them, the second compiled none, and PySide6's
    # signatures (read by that code) are the same; a damaged file is compiled over and written again
    assert first >= 10 and second == 0 and damaged == first
    assert signature == signature_again
    assert "name: str" in signature and "setObjectName" in signature
    assert sum(key.startswith("shibokensupport/") for key in read_cache(cache)) == first


def test_pyside_imported_before_is_left_alone(tmp_path) -> None:
    import PySide6.QtCore  # noqa: F401  (as in this test session)

    original = builtins.compile
    shiboken_bytecode.import_pyside(tmp_path / "cache")
    assert builtins.compile is original and not (tmp_path / "cache").exists()
