"""Small helpers for the printing tests: PDF text as a reader gets it, and a computer in another zone."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import IndirectObject


def pdf_pages(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def pdf_text(path: Path) -> str:
    return "\n".join(pdf_pages(path))


@contextmanager
def computer_zone(zone: str) -> Iterator[None]:
    """Run as if the computer's clock were set to ``zone`` (what ``.astimezone()`` without a zone would use)."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = zone
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()


def _resolve(value):
    return value.get_object() if isinstance(value, IndirectObject) else value


def fonts_of(path) -> dict[str, bool]:
    """Every font named in the page resources -> is its program embedded (FontFile/2/3 in its descriptor)?"""
    found: dict[str, bool] = {}
    for page in PdfReader(path).pages:
        resources = _resolve(page.get("/Resources")) or {}
        for font in (_resolve(resources.get("/Font")) or {}).values():
            font = _resolve(font)
            fonts = [font] + [_resolve(f) for f in (_resolve(font.get("/DescendantFonts")) or [])]
            embedded = False
            for f in fonts:
                descriptor = _resolve(f.get("/FontDescriptor")) or {}
                embedded |= any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font.get("/BaseFont"))] = embedded
    return found
