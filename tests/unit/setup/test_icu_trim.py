"""The bundle's ICU data: Qt's own library trimmed to root/nl/en, every kept item byte for byte as it was."""

from __future__ import annotations

import importlib.util
import struct
from pathlib import Path

import PySide6

from tests.paths import REPO_ROOT

_spec = importlib.util.spec_from_file_location("icu_trim", REPO_ROOT / "packaging" / "icu_trim.py")
assert _spec is not None and _spec.loader is not None
icu_trim = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(icu_trim)

QT_LIB = Path(PySide6.__file__).parent / "Qt" / "lib"


def _qt_icu_data() -> Path:
    found = sorted(QT_LIB.glob("libicudata.so.*"))
    assert found, f"PySide6 ships its ICU data library in {QT_LIB}"
    return found[0]


def test_only_root_dutch_and_english_locales_stay_and_nothing_else_changes(tmp_path: Path) -> None:
    source = _qt_icu_data()
    symbol, package = icu_trim.common_data(source.read_bytes())
    target = tmp_path / source.name
    before, after = icu_trim.trimmed_library(source, target)
    assert after < before / 4  # 32 MB → about 4.5 MB
    # read the new library back: same symbol, a package whose items are the kept ones, unchanged
    new_symbol, trimmed = icu_trim.common_data(target.read_bytes())
    assert new_symbol == symbol
    original = dict(icu_trim.items(package))
    kept = dict(icu_trim.items(trimmed))
    short = {name.split("/", 1)[1] for name in kept}
    assert {"root.res", "nl.res", "nl_BE.res", "en.res", "en_GB.res", "pool.res", "coll/root.res",
            "coll/ucadata.icu", "zoneinfo64.res", "metaZones.res", "nfkc.nrm", "brkitr/word.brk",
            "zone/nl.res", "curr/nl.res"} <= short
    assert not short & {"fr.res", "de_BE.res", "coll/fr.res", "zone/zh_Hant.res", "coll/de.res"}
    assert not [n for n in short if n.startswith("translit/") or n.endswith((".cnv", ".dict"))]
    assert all(kept[name] == original[name] for name in kept)
    # every item starts on 16 bytes, as ICU's own tool writes them
    (header_size,) = struct.unpack_from("<H", trimmed, 0)
    (count,) = struct.unpack_from("<I", trimmed, header_size)
    offsets = [struct.unpack_from("<II", trimmed, header_size + 4 + 8 * i)[1] for i in range(count)]
    assert count == len(kept) and all((header_size + offset) % 16 == 0 for offset in offsets)


def test_the_keep_rule_reads_locale_names_not_other_items() -> None:
    keep = icu_trim.keep_item
    assert keep("nl_BE.res") and keep("root.res") and keep("supplementalData.res") and keep("pool.res")
    assert keep("lang/pool.res") and keep("coll/ucadata.icu") and keep("cnvalias.icu")
    assert not keep("sr_Latn_BA.res") and not keep("coll/de_.res") and not keep("ibm-1252_P100-2000.cnv")
    assert not keep("translit/root.res") and not keep("brkitr/thaidict.dict")
