"""The spreadsheets people really have: CSV from Belgian Excel (semicolon; UTF-8 with BOM or cp1252)
and XLSX. One row is one service; a column mapping says which column holds which field.
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, TypeVar

from brugapp.domain.kaart import CATEGORIES, REFERRAL_ROUTES, STATUSES, format_time, parse_opening_hours
from brugapp.domain.kaart_record import EXTRA_FACTS
from brugapp.domain.themes import THEMES
from brugapp.exchange.records import (
    ContactRecord,
    FileProblem,
    LocationRecord,
    OrganizationRecord,
    PhoneRecord,
    ScheduleRecord,
    ServiceRecord,
    file_problem,
)
from brugapp.exchange.spreadsheet_read import Formula, RowStream, stream_table
from brugapp.i18n import N_, _
from brugapp.store.search_index import fold


@dataclass(frozen=True)
class Table:
    file: str
    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]  # (row number as the user sees it, cells)


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str  # N_-marked
    synonyms: tuple[str, ...]  # folded header words that mean this field
    required: bool = False


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("id", N_("Id"), ("id", "hsds id", "dienst id", "service id")),
    FieldSpec("organization", N_("Organisation"), ("organisatie", "organization", "organisation", "naam organisatie",
                                                   "organisatienaam", "org"), required=True),
    FieldSpec("service", N_("Service"), ("dienst", "service", "naam dienst", "dienstnaam", "aanbod", "naam", "name"),
              required=True),
    FieldSpec("description", N_("What they do"), ("beschrijving", "wat doen ze", "omschrijving", "description")),
    FieldSpec("not_offered", N_("What they do not do"), ("wat doen ze niet", "niet", "not offered", "wat niet")),
    FieldSpec("categories", N_("Categories"), ("categorie", "categorieen", "category", "categories", "rubriek")),
    FieldSpec("themes", N_("Themes"), ("thema", "themas", "theme", "themes")),
    FieldSpec("municipalities", N_("Municipalities"), ("gemeente", "gemeenten", "werkgebied", "municipality",
                                                      "municipalities", "regio")),
    FieldSpec("address", N_("Address"), ("adres", "straat", "address", "straat en nummer")),
    FieldSpec("postal_code", N_("Postal code"), ("postcode", "postal code", "zip")),
    FieldSpec("city", N_("City"), ("plaats", "woonplaats", "city", "stad")),
    FieldSpec("phone", N_("Phone"), ("telefoon", "tel", "telefoonnummer", "phone", "nummer")),
    FieldSpec("after_hours_phone", N_("After-hours number"), ("noodnummer", "buiten de uren", "permanentie",
                                                             "after hours", "after-hours number", "na de uren",
                                                             "nummer buiten de uren")),
    FieldSpec("after_hours_note", N_("When closed"), ("als gesloten", "when closed", "buiten de uren info")),
    FieldSpec("email", N_("E-mail"), ("e-mail", "email", "mail", "e mail")),
    FieldSpec("website", N_("Website"), ("website", "url", "site", "webstek")),
    FieldSpec("target_group", N_("Target group"), ("doelgroep", "voor wie", "target group")),
    FieldSpec("minimum_age", N_("Minimum age"), ("leeftijd van", "min leeftijd", "minimum leeftijd", "minimum age")),
    FieldSpec("maximum_age", N_("Maximum age"), ("leeftijd tot", "max leeftijd", "maximum leeftijd", "maximum age")),
    FieldSpec("referral_route", N_("How to refer"), ("aanmelding", "hoe aanmelden", "how to refer", "toegang")),
    FieldSpec("application_process", N_("Referral procedure"), ("procedure", "werkwijze", "referral procedure")),
    FieldSpec("wait_time", N_("Waiting time"), ("wachttijd", "wachtlijst", "waiting time")),
    FieldSpec("fees", N_("Cost"), ("kostprijs", "kost", "prijs", "kosten", "cost")),
    FieldSpec("comes_to_school", N_("Comes to the school"), ("komt naar school", "komen naar school",
                                                            "comes to the school", "op school")),
    FieldSpec("opening_hours", N_("Opening hours"), ("openingsuren", "openingstijden", "uren", "opening hours")),
    FieldSpec("contact_name", N_("Contact person"), ("contactpersoon", "vast gezicht", "contact person", "contact")),
    FieldSpec("contact_role", N_("Contact role"), ("functie", "rol", "contact role")),
    FieldSpec("contact_phone", N_("Contact phone"), ("tel contactpersoon", "telefoon contactpersoon",
                                                    "contact phone", "gsm")),
    FieldSpec("contact_email", N_("Contact e-mail"), ("e-mail contactpersoon", "mail contactpersoon",
                                                     "contact e-mail", "contact email")),
    FieldSpec("backup_name", N_("Backup contact"), ("backup", "vervanger", "back-up", "backup contact")),
    FieldSpec("backup_phone", N_("Backup phone"), ("tel backup", "telefoon backup", "backup phone")),
    FieldSpec("assured_date", N_("Last verified"), ("laatst gecontroleerd", "gecontroleerd op", "assured date",
                                                   "last verified", "gecontroleerd")),
    FieldSpec("status", N_("Status"), ("status",)),
    # A field added to the record: its column is found by its English or Dutch label or its name.
    *(FieldSpec(f.name, f.label, ()) for f in EXTRA_FACTS),
)
FIELD_KEYS = tuple(f.key for f in FIELDS)

# Words people write in a "category" column, folded, for each category code.
CATEGORY_WORDS: dict[str, tuple[str, ...]] = {
    "welfare": ("welzijn", "eerstelijn", "ocmw", "caw", "sociaal huis"),
    "parenting": ("opvoeding", "gezinsondersteuning", "opvoedingsondersteuning", "gezin"),
    "education": ("onderwijs", "leren", "school", "huiswerk"),
    "youth_care": ("jeugdhulp", "jeugdzorg"),
    "health": ("gezondheid", "geestelijke gezondheid", "ggz", "zorg"),
    "housing": ("wonen", "huisvesting", "woning"),
    "legal": ("juridisch", "recht", "advocaat", "pro deo"),
    "debt": ("schulden", "geld", "budget", "schuldhulp", "schulden en geld"),
    "material": ("materiele hulp", "materieel", "voedsel", "kleding"),
    "leisure": ("vrije tijd", "vrijetijd", "sport", "cultuur"),
    "integration": ("integratie", "taal", "inburgering", "nederlands"),
    "crisis": ("crisis", "nood", "dringend"),
}
ROUTE_WORDS: dict[str, tuple[str, ...]] = {
    "via_clb": ("clb", "via clb", "via het clb"),
    "direct": ("direct", "rechtstreeks", "door professional", "doorverwijzing"),
    "self": ("zelf", "zelfaanmelding", "vrij", "self"),
    "online_form": ("online", "formulier", "webformulier", "online form"),
    "phone": ("telefoon", "bellen", "telefonisch", "phone"),
}
_YES = {"ja", "yes", "x", "1", "true", "waar", "j", "y"}
_NO = {"nee", "no", "0", "false", "onwaar", "n", ""}


def _norm(header: str) -> str:
    return re.sub(r"[^\w@+-]+", " ", fold(header)).replace("_", " ").strip()


# -- reading files ---------------------------------------------------------------------------

def read_table(path: Path, *, limit: int | None = None) -> Table:
    """The header and the rows (the first ``limit`` only, for a preview) of a CSV or XLSX file."""
    stream = stream_table(path)
    rows = tuple(itertools.islice(stream.rows, limit)) if limit is not None else tuple(stream.rows)
    return Table(stream.file, stream.headers, rows)


def count_rows(path: Path) -> int:
    """How many data rows a file has (one pass, nothing kept); raises FileProblem like the import would."""
    return sum(1 for _row in stream_table(path).rows)


def write_csv(path: Path, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """CSV that Belgian Excel opens right on a double-click: semicolons, UTF-8 with BOM, CRLF."""
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=";", lineterminator="\r\n")
        writer.writerow(headers)
        writer.writerows(rows)


# -- mapping ---------------------------------------------------------------------------------

def guess_mapping(headers: Sequence[str]) -> dict[str, str]:
    """field key -> column header, for the headers we recognise (Dutch, English, BrugApp's own export)."""
    mapping: dict[str, str] = {}
    for spec in FIELDS:
        words = {_norm(s) for s in spec.synonyms} | {_norm(spec.label), _norm(_(spec.label)), spec.key}
        for header in headers:
            if _norm(header) in words and header not in mapping.values():
                mapping[spec.key] = header
                break
    return mapping


def check_mapping(table: Table, mapping: dict[str, str]) -> None:
    for key, header in mapping.items():
        if key not in FIELD_KEYS:
            raise file_problem(_("unknown field '{field}' in the column mapping.").format(field=key), file=table.file)
        if header not in table.headers:
            raise file_problem(_("there is no column '{column}'.").format(column=header), file=table.file,
                               column=header)
    for spec in FIELDS:
        if spec.required and spec.key not in mapping:
            raise file_problem(_("say which column holds '{field}'.").format(field=_(spec.label)), file=table.file)


@cache
def _vocabularies() -> dict[str, tuple[Mapping[str, tuple[str, ...]], dict[str, str]]]:
    theme_labels = {t.code: t.label for t in THEMES}
    return {"categories": (CATEGORY_WORDS, {t.code: t.label for t in CATEGORIES}),
            "themes": ({code: (fold(label), _norm(label)) for code, label in theme_labels.items()}, theme_labels),
            "referral_route": (ROUTE_WORDS, {t.code: t.label for t in REFERRAL_ROUTES})}


def _code(word: str, vocabulary_words: Mapping[str, tuple[str, ...]], labels: Mapping[str, str]) -> str | None:
    found = next((code for code, label in labels.items() if word in (code, _norm(label), _norm(_(label)))), None)
    if found is None:
        found = next((code for code, words in vocabulary_words.items() if word in words), None)
    if found is None:
        found = next((code for code, words in vocabulary_words.items()
                      if any(w.startswith(word) or word.startswith(w) for w in words)), None)
    return found


@lru_cache(maxsize=4096)
def _codes(value: str, vocabulary: str) -> tuple[str, ...]:
    """The codes a cell names ("Welzijn, schulden"); a big file repeats the same few cells, hence the cache."""
    words, labels = _vocabularies()[vocabulary]
    codes: list[str] = []
    for part in re.split(r"[,;/|\n]+", value):
        word = _norm(part)
        if not word:
            continue
        found = _code(word, words, labels)
        if found is None:
            raise ValueError(part.strip())
        if found not in codes:
            codes.append(found)
    return tuple(codes)


DUTCH_MONTHS = {"januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3, "april": 4, "apr": 4,
                "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8, "september": 9,
                "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11, "december": 12, "dec": 12}
_WRITTEN_DATE = re.compile(r"^(?:[a-z]+dag\s+)?(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$")


@lru_cache(maxsize=4096)
def parse_date(value: str) -> dt.date | None:
    """ISO, Belgian numeric (12/09/2026) or written Dutch ("12 september 2026", "zaterdag 12 sept. 2026")."""
    text = value.strip()
    if not text:
        return None
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%y", "%Y-%m-%d %H:%M:%S"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    match = _WRITTEN_DATE.match(fold(text).replace(",", " ").strip())
    if match and match.group(2) in DUTCH_MONTHS:
        try:
            return dt.date(int(match.group(3)), DUTCH_MONTHS[match.group(2)], int(match.group(1)))
        except ValueError:
            pass
    raise ValueError(text)


def normalise_website(value: str) -> str:
    """"www.caw.be" -> "https://www.caw.be": a web address without a scheme is not a valid URI."""
    text = value.strip()
    if not text or re.match(r"^[a-z][a-z0-9+.-]*://", text, re.IGNORECASE) or "@" in text:
        return text
    return f"https://{text.lstrip('/')}"


def _age(value: str) -> int | None:
    text = value.strip().lower().replace("jaar", "").replace("j", "").strip()
    if not text:
        return None
    try:
        age = int(float(text.replace(",", ".")))
    except ValueError:
        raise ValueError(value.strip()) from None
    if not 0 <= age <= 120:
        raise ValueError(value)
    return age


@lru_cache(maxsize=1024)
def _schedules(text: str) -> tuple[tuple[str, str, str], ...]:
    return tuple((s.byday, format_time(s.opens), format_time(s.closes)) for s in parse_opening_hours(text))


_T = TypeVar("_T")


class _Cell(ValueError):
    """A cell that cannot be read; ``column`` is the header it sits under."""

    def __init__(self, column: str, value: str = "", formula: str = "") -> None:
        super().__init__(value)
        self.column, self.value, self.formula = column, value, formula


class _Row:
    """One spreadsheet row, read through the column mapping."""

    def __init__(self, index: dict[str, int], mapping: dict[str, str], cells: tuple[str, ...]) -> None:
        self.index, self.mapping, self.cells = index, mapping, cells

    def get(self, key: str) -> str:
        position = self.index.get(key)
        if position is None or position >= len(self.cells):
            return ""
        cell = self.cells[position]
        if isinstance(cell, Formula):
            raise _Cell(self.mapping[key], formula=cell.formula)
        return cell.strip()

    def parsed(self, key: str, parse: Callable[[str], _T]) -> _T:
        """``parse(text)``; a ValueError becomes a _Cell naming the column."""
        try:
            return parse(self.get(key))
        except _Cell:
            raise
        except ValueError as exc:
            raise _Cell(self.mapping.get(key, ""), str(exc)) from None


def _required(row: _Row) -> None:
    for key in ("organization", "service"):
        if not row.get(key):
            raise _Cell(row.mapping[key])


def _status(text: str) -> str:
    status = text.lower() or "active"
    if status not in STATUSES:
        raise ValueError(status)
    return status


def _flag(text: str) -> bool:
    flag = fold(text)
    if flag not in _YES | _NO:
        raise ValueError(text)
    return flag in _YES


def _text_values(row: _Row) -> dict[str, Any]:
    """The cells taken as they are: free text, and the web address made whole."""
    website = normalise_website(row.get("website"))
    values: dict[str, Any] = {key: row.get(key) for key in _TEXT_KEYS}
    values.update({"url": website, **{f.name: row.get(f.name) for f in EXTRA_FACTS}})
    return values


_TEXT_KEYS = ("description", "not_offered", "email", "target_group", "application_process", "wait_time", "fees",
              "after_hours_note")


def _checked_values(row: _Row) -> dict[str, Any]:
    """The cells that must be understood (codes, ages, yes/no, dates, hours); a wrong one raises a _Cell."""
    routes = row.parsed("referral_route", lambda t: _codes(t, "referral_route"))
    comes = row.parsed("comes_to_school", _flag)
    return {
        "status": row.parsed("status", _status),
        "categories": list(row.parsed("categories", lambda t: _codes(t, "categories"))),
        "themes": list(row.parsed("themes", lambda t: _codes(t, "themes"))),
        "referral_route": routes[0] if routes else "",
        "minimum_age": row.parsed("minimum_age", _age), "maximum_age": row.parsed("maximum_age", _age),
        "comes_to_school": comes if "comes_to_school" in row.mapping else None,
        "assured_date": row.parsed("assured_date", parse_date),
        "schedules": [ScheduleRecord(byday=b, opens_at=o, closes_at=c)
                      for b, o, c in row.parsed("opening_hours", _schedules)],
    }


def _parts(row: _Row) -> dict[str, Any]:
    """Numbers, municipalities, the address and the two contact people of one row."""
    phones = []
    if row.get("phone"):
        phones.append(PhoneRecord(row.get("phone")))
    if row.get("after_hours_phone"):
        phones.append(PhoneRecord(row.get("after_hours_phone"), purpose="after_hours"))
    areas = [p.strip() for p in re.split(r"[,;/\n]+", row.get("municipalities")) if p.strip()]
    # A sheet with an address but no town column: its "Gemeente" (the first one) is the address town too.
    city = row.get("city") or (areas[0] if row.get("address") and areas else "")
    locations = []
    if row.get("address") or city:
        locations.append(LocationRecord(address_1=row.get("address"), postal_code=row.get("postal_code"), city=city))
        if not areas and city:
            areas.append(city)
    contacts = []
    if row.get("contact_name"):
        contacts.append(ContactRecord(row.get("contact_name"), title=row.get("contact_role"),
                                      phone=row.get("contact_phone"), email=row.get("contact_email")))
    if row.get("backup_name"):
        contacts.append(ContactRecord(row.get("backup_name"), phone=row.get("backup_phone"), is_backup=True))
    return {"phones": phones, "areas": areas, "locations": locations, "contacts": contacts}


def record_from_row(file: str, number: int, row: _Row) -> ServiceRecord:
    """One service from one row; FileProblem naming file, row and column for a cell it cannot read."""
    try:
        _required(row)
        values = _text_values(row)
        record = ServiceRecord(
            organization=OrganizationRecord(name=row.get("organization"), website=values["url"]),
            name=row.get("service"), id=row.get("id"), source=f"{file}, {number}",
            **values, **_checked_values(row), **_parts(row))
    except _Cell as problem:
        if problem.formula:
            message = _("this cell holds the formula '{formula}' without a calculated value; open the file in "
                        "Excel and save it again, or type the value.").format(formula=problem.formula)
        elif not problem.value:
            message = _("this required value is empty.")
        else:
            message = _("'{value}' is not understood here.").format(value=problem.value)
        raise file_problem(message, file=file, row=number, column=problem.column) from None
    return record


def iter_records(stream: RowStream | Table, mapping: dict[str, str]) -> Iterator[ServiceRecord]:
    """One service per row, as the rows come (a big file is never held whole)."""
    table = stream if isinstance(stream, Table) else Table(stream.file, stream.headers, ())
    check_mapping(table, mapping)
    index = {key: table.headers.index(header) for key, header in mapping.items()}
    found = False
    for number, cells in stream.rows:
        found = True
        yield record_from_row(table.file, number, _Row(index, mapping, cells))
    if not found:
        raise file_problem(_("no rows with data below the header row."), file=table.file)


def records_from_table(table: Table, mapping: dict[str, str]) -> list[ServiceRecord]:
    """One service per row. Raises FileProblem at the first bad cell, naming file, row and column."""
    return list(iter_records(table, mapping))


__all__ = ["FIELDS", "FileProblem", "Table", "count_rows", "guess_mapping", "iter_records", "read_table",
           "records_from_table", "stream_table", "write_csv"]
