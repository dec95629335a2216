"""Reading the spreadsheets people really have, row by row, in bounded memory.

CSV: the encoding is found first (UTF-8 with or without BOM, UTF-16 with BOM, else cp1252, the Belgian
Excel default), by a pass over the bytes that keeps nothing; a binary file (a PNG renamed ``.csv``) is
refused as "not a text file". Then rows stream from the file: a 50 MB export never sits in memory whole.
XLSX: read-only; a formula without a cached value (a file written by a tool that does not calculate)
arrives as a ``Formula`` cell so the reader can name it instead of calling it empty.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from brugapp.exchange.records import file_problem
from brugapp.i18n import _

_CHUNK = 1 << 20
_BINARY_SIGNATURES = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\xd0\xcf\x11\xe0")
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")


class Formula(str):
    """An empty cell that holds a formula Excel never calculated; ``formula`` is its text."""

    formula: str

    def __new__(cls, formula: str) -> Formula:
        cell = super().__new__(cls, "")
        cell.formula = formula
        return cell


@dataclass
class RowStream:
    file: str
    headers: tuple[str, ...]
    rows: Iterator[tuple[int, tuple[str, ...]]]  # (row number as the user sees it, cells)


def detect_encoding(path: Path) -> str:
    """The encoding of a text file, or FileProblem "not a text file" (file named)."""
    with path.open("rb") as fh:
        head = fh.read(4096)
        if head.startswith(codecs.BOM_UTF8):
            encoding = "utf-8-sig"
        elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        else:
            encoding = "utf-8"
        if head.startswith(_BINARY_SIGNATURES) or _CONTROL.search(head):
            raise file_problem(_("this is not a text file (CSV); is it an image or another kind of document?"),
                               file=path.name)
        fh.seek(0)
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            while chunk := fh.read(_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            if encoding == "utf-8-sig":
                raise file_problem(_("the file says it is UTF-8 but is not: save it again as 'CSV UTF-8'."),
                                   file=path.name) from None
            return "cp1252"
    return encoding


def _delimiter(first_line: str) -> str:
    counts = {d: len(re.sub(r'"[^"]*"', "", first_line).split(d)) - 1 for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ";"


def _csv_rows(fh: IO[str], file: str, width: int, delimiter: str) -> Iterator[tuple[int, tuple[str, ...]]]:
    reader = csv.reader(fh, delimiter=delimiter)
    try:
        for number, row in enumerate(reader, start=2):
            cells = tuple(c.strip() for c in row)
            if not any(cells):
                continue
            if len(cells) > width:
                if any(cells[width:]):
                    raise file_problem(_("this row has {cells} cells but the header has {columns} columns; "
                                         "is there a separator too many?").format(cells=len(cells), columns=width),
                                       file=file, row=number)
                cells = cells[:width]
            yield number, cells
    except csv.Error as exc:
        raise file_problem(_("this is not a readable CSV file ({reason}).").format(reason=exc), file=file) from None
    finally:
        fh.close()


def stream_csv(path: Path) -> RowStream:
    encoding = detect_encoding(path)
    fh = path.open(encoding=encoding, errors="replace" if encoding == "cp1252" else "strict", newline="")
    first = fh.readline()
    while first and not first.strip():
        first = fh.readline()
    if not first.strip():
        fh.close()
        raise file_problem(_("the file is empty."), file=path.name)
    delimiter = _delimiter(first)
    header = next(csv.reader(io.StringIO(first), delimiter=delimiter), [])
    headers = tuple(h.strip() for h in header)
    while headers and not headers[-1]:
        headers = headers[:-1]
    return RowStream(path.name, headers, _csv_rows(fh, path.name, len(headers), delimiter))


def _xlsx_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time(0) else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _xlsx_rows(path: Path) -> Iterator[tuple[str, ...]]:
    """Per row: the cached values, and where a cached value is missing, the formula."""
    from openpyxl import load_workbook

    try:
        values = load_workbook(path, read_only=True, data_only=True)
        formulas = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise file_problem(_("this is not a readable Excel file ({reason}).").format(reason=type(exc).__name__),
                           file=path.name) from None
    try:
        pairs = zip(values.worksheets[0].iter_rows(values_only=True),
                    formulas.worksheets[0].iter_rows(values_only=True), strict=False)
        for cached, written in pairs:
            yield tuple(Formula(str(w)) if c is None and isinstance(w, str) and w.startswith("=") else _xlsx_cell(c)
                        for c, w in zip(cached, written, strict=False))
    finally:
        values.close()
        formulas.close()


def stream_xlsx(path: Path) -> RowStream:
    rows = _xlsx_rows(path)
    headers = next(rows, ())
    while headers and not headers[-1]:
        headers = headers[:-1]
    if not headers:
        raise file_problem(_("the file is empty."), file=path.name)
    width = len(headers)

    def body() -> Iterator[tuple[int, tuple[str, ...]]]:
        for number, row in enumerate(rows, start=2):
            if any(row) or any(isinstance(c, Formula) for c in row):
                yield number, tuple(row[:width])
    return RowStream(path.name, tuple(str(h) for h in headers), body())


def stream_table(path: Path) -> RowStream:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return stream_xlsx(path)
    return stream_csv(path)
