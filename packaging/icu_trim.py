"""A smaller ICU data library for the bundle: Qt's ``libicudata`` (32 MB) with only what BrugApp can use.

Qt links ICU for collation (the family list sorts "Émile" beside "Emma"), time zones, normalisation and case
rules. ICU's data for 800 locales, 200 legacy code pages, transliteration and Thai/CJK word dictionaries is
never read by an app that speaks Dutch and English and reads its files through Python. This keeps the root,
``nl*`` and ``en*`` locales and every item that is not per locale (properties, normalisation, time zones,
collation root, break rules), and writes the same symbol (``icudtNN_dat``) in a library with the same soname,
so Qt's ``libicuuc`` loads it unchanged. Standard library only, plus ``as`` and ``ld`` from binutils (which
PyInstaller needs on Linux anyway).

    python packaging/icu_trim.py IN.so OUT.so     (the spec calls ``trimmed_library``)
"""

from __future__ import annotations

import re
import struct
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

KEPT_LANGUAGES = ("root", "nl", "en")
# A per-locale item: "nl.res", "zone/en_GB.res", "coll/sr_Latn.res" …; not "pool.res", "supplementalData.res".
LOCALE_ITEM = re.compile(r"^(?:[a-z]+/)?(?P<locale>[a-z]{2,3}(?:_[A-Za-z0-9]*)*|root)\.res$")
DROPPED_FOLDERS = ("translit/",)  # transliteration rules: Qt never asks for them
DROPPED_SUFFIXES = (".cnv", ".dict")  # legacy code pages (Python reads the files); Thai/CJK word dictionaries
SHT_DYNSYM = 11


def keep_item(name: str) -> bool:
    """``name`` is an item's path inside the package, without the ``icudt73l/`` prefix."""
    if name.startswith(DROPPED_FOLDERS) or name.endswith(DROPPED_SUFFIXES):
        return False
    match = LOCALE_ITEM.match(name)
    if match is None:
        return True
    return match.group("locale").split("_")[0] in KEPT_LANGUAGES


def _sections(elf: bytes) -> list[tuple[int, ...]]:
    (offset,) = struct.unpack_from("<Q", elf, 0x28)
    entry_size, count = struct.unpack_from("<HH", elf, 0x3A)
    return [struct.unpack_from("<IIQQQQIIQQ", elf, offset + i * entry_size) for i in range(count)]


def common_data(elf: bytes) -> tuple[str, bytes]:
    """The ICU package inside a 64-bit little-endian ``libicudata``: its symbol name and its bytes."""
    if elf[:4] != b"\x7fELF" or elf[4] != 2 or elf[5] != 1:
        raise ValueError("not a 64-bit little-endian ELF library")
    sections = _sections(elf)
    for section in sections:
        if section[1] != SHT_DYNSYM:
            continue
        strings = sections[section[6]][4]
        for offset in range(section[4], section[4] + section[5], 24):
            name_at, _info, _other, index, value, size = struct.unpack_from("<IBBHQQ", elf, offset)
            name = elf[strings + name_at:elf.index(b"\0", strings + name_at)].decode()
            if name.startswith("icudt") and name.endswith("_dat"):
                home = sections[index]
                start = value - home[3] + home[4]
                return name, elf[start:start + size]
    raise ValueError("no icudt*_dat symbol: not an ICU data library")


def items(package: bytes) -> list[tuple[str, bytes]]:
    """The (name, bytes) items of an ICU common data package (format "CmnD", offset table of contents)."""
    (header_size,) = struct.unpack_from("<H", package, 0)
    if package[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    (count,) = struct.unpack_from("<I", package, header_size)
    table = [struct.unpack_from("<II", package, header_size + 4 + 8 * i) for i in range(count)]
    found = []
    for number, (name_at, data_at) in enumerate(table):
        start = header_size + name_at
        name = package[start:package.index(b"\0", start)].decode("ascii")
        end = table[number + 1][1] if number + 1 < count else len(package) - header_size
        found.append((name, package[header_size + data_at:header_size + end]))
    return found


def _pad(size: int) -> int:
    return (16 - size % 16) % 16


def trimmed_package(package: bytes, keep: Callable[[str], bool] = keep_item) -> bytes:
    """The same package with only the items ``keep`` accepts (names sorted as before, data 16-byte aligned)."""
    (header_size,) = struct.unpack_from("<H", package, 0)
    kept = [(name, data) for name, data in items(package) if keep(name.split("/", 1)[1])]
    names = b"".join(name.encode("ascii") + b"\0" for name, _data in kept)
    table_size = 4 + 8 * len(kept)
    data_start = table_size + len(names)
    data_start += _pad(header_size + data_start)
    table, blobs, name_at, data_at = [struct.pack("<I", len(kept))], [], table_size, data_start
    for name, data in kept:
        table.append(struct.pack("<II", name_at, data_at))
        name_at += len(name) + 1
        blobs.append(data + b"\0" * _pad(len(data)))
        data_at += len(data) + _pad(len(data))
    head = package[:header_size] + b"".join(table) + names
    return head + b"\0" * (header_size + data_start - len(head)) + b"".join(blobs)


def build_library(symbol: str, package: bytes, soname: str, target: Path) -> None:
    """A shared library exporting ``symbol`` = ``package``, as ICU's own data library does."""
    with tempfile.TemporaryDirectory(prefix="brugapp-icu-") as folder:
        work = Path(folder)
        (work / "data.dat").write_bytes(package)
        (work / "data.s").write_text(
            f'.section .rodata\n.globl {symbol}\n.type {symbol}, @object\n.balign 16\n{symbol}:\n'
            f'.incbin "{work / "data.dat"}"\n.size {symbol}, .-{symbol}\n.section .note.GNU-stack,"",@progbits\n')
        subprocess.run(["as", "-o", str(work / "data.o"), str(work / "data.s")], check=True)
        subprocess.run(["ld", "-shared", "-soname", soname, "-o", str(target), str(work / "data.o")], check=True)


def trimmed_library(source: Path, target: Path) -> tuple[int, int]:
    """Write the trimmed copy of ``source`` to ``target``; returns (bytes before, bytes after)."""
    symbol, package = common_data(source.read_bytes())
    build_library(symbol, trimmed_package(package), source.name, target)
    return source.stat().st_size, target.stat().st_size


if __name__ == "__main__":
    before, after = trimmed_library(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"{before / 1e6:.1f} MB → {after / 1e6:.1f} MB")
