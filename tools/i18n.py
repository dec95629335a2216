"""Maintain the gettext catalogs with Babel.

    python tools/i18n.py update          extract strings, update nl/en .po, compile .mo
    python tools/i18n.py missing [nl]    list msgids without a translation
    python tools/i18n.py add FILE.json   merge {"English msgid": "Nederlandse vertaling"} into nl, then update

English is the source language: ``en`` gets identity translations, ``nl`` must translate every string.
A file lock keeps two people (or helpers) from writing the catalogs at the same time.
"""

from __future__ import annotations

import fcntl
import json
import sys
from contextlib import contextmanager
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "brugapp"
TRANSLATIONS = ROOT / "translations"
LANGUAGES = ("nl", "en")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "tr": None}


def extract() -> Catalog:
    template = Catalog(project="BrugApp", charset="utf-8")
    method_map = [("**.py", "python")]
    for filename, lineno, message, comments, context in extract_from_dir(
        str(PACKAGE), method_map=method_map, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
    ):
        template.add(
            message, None, [(f"brugapp/{filename}", lineno)],
            auto_comments=comments, context=context,
        )
    return template


def po_path(lang: str) -> Path:
    return TRANSLATIONS / lang / "LC_MESSAGES" / "brugapp.po"


def load(lang: str) -> Catalog:
    path = po_path(lang)
    if not path.exists():
        return Catalog(locale=lang, project="BrugApp", charset="utf-8")
    with path.open("rb") as fh:
        return read_po(fh, locale=lang)


def save(lang: str, catalog: Catalog) -> None:
    path = po_path(lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        write_po(fh, catalog, width=100, omit_header=False, sort_output=True)
    with path.with_suffix(".mo").open("wb") as fh:
        write_mo(fh, catalog, use_fuzzy=False)


@contextmanager
def locked():
    TRANSLATIONS.mkdir(exist_ok=True)
    with (TRANSLATIONS / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def update() -> None:
    template = extract()
    TRANSLATIONS.mkdir(exist_ok=True)
    with (TRANSLATIONS / "brugapp.pot").open("wb") as fh:
        write_po(fh, template, width=100, sort_output=True, omit_header=True)
    for lang in LANGUAGES:
        catalog = load(lang)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        if lang == "en":
            for message in catalog:
                if message.id and not message.string:
                    message.string = message.id
        save(lang, catalog)


def missing(lang: str = "nl") -> list[str]:
    catalog = load(lang)
    return [
        m.id if isinstance(m.id, str) else m.id[0]
        for m in catalog
        if m.id and (not m.string or (isinstance(m.string, tuple) and not all(m.string)))
    ]


def add(path: Path) -> None:
    translations = json.loads(path.read_text(encoding="utf-8"))
    update()
    catalog = load("nl")
    for msgid, msgstr in translations.items():
        message = catalog.get(msgid)
        if message is None:
            continue  # not in the code (any more): nothing to translate
        message.string = tuple(msgstr) if isinstance(msgstr, list) else msgstr
    save("nl", catalog)


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "update"
    with locked():
        if command == "update":
            update()
        elif command == "missing":
            for msgid in missing(argv[1] if len(argv) > 1 else "nl"):
                print(json.dumps(msgid, ensure_ascii=False))
        elif command == "add":
            add(Path(argv[1]))
            left = missing()
            print(f"{len(left)} string(s) still without Dutch translation")
        else:
            print(__doc__)
            return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
