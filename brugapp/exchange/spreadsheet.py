"""The spreadsheets people really have: CSV from Belgian Excel (semicolon; UTF-8 with BOM or cp1252)
and XLSX. One row is one service; a column mapping says which column holds which field.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from brugapp.domain.kaart import CATEGORIES, REFERRAL_ROUTES, STATUSES, format_time, parse_opening_hours
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

def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: len(re.sub(r'"[^"]*"', "", first).split(d)) - 1 for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ";"


def read_csv(path: Path) -> Table:
    text = _decode(path.read_bytes())
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    rows = list(reader)
    if not rows:
        raise file_problem(_("the file is empty."), file=path.name)
    headers = tuple(h.strip() for h in rows[0])
    body = tuple((number, tuple(c.strip() for c in row)) for number, row in enumerate(rows[1:], start=2)
                 if any(c.strip() for c in row))
    return Table(path.name, headers, body)


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


def read_xlsx(path: Path) -> Table:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise file_problem(_("this is not a readable Excel file ({reason}).").format(reason=type(exc).__name__),
                           file=path.name) from None
    sheet = workbook.worksheets[0]
    rows = [tuple(_xlsx_cell(v) for v in row) for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    if not rows:
        raise file_problem(_("the file is empty."), file=path.name)
    headers = rows[0]
    while headers and not headers[-1]:
        headers = headers[:-1]
    body = tuple((number, row[:len(headers)]) for number, row in enumerate(rows[1:], start=2) if any(row))
    return Table(path.name, headers, body)


def read_table(path: Path) -> Table:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return read_xlsx(path)
    return read_csv(path)


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


def _codes(value: str, vocabulary_words: Mapping[str, tuple[str, ...]], labels: Mapping[str, str]) -> list[str]:
    codes = []
    for part in re.split(r"[,;/|\n]+", value):
        word = _norm(part)
        if not word:
            continue
        found = next((code for code, label in labels.items() if word in (code, _norm(label), _norm(_(label)))), None)
        if found is None:
            found = next((code for code, words in vocabulary_words.items() if word in words), None)
        if found is None:
            found = next((code for code, words in vocabulary_words.items()
                          if any(w.startswith(word) or word.startswith(w) for w in words)), None)
        if found is None:
            raise ValueError(part.strip())
        if found not in codes:
            codes.append(found)
    return codes


def parse_date(value: str) -> dt.date | None:
    text = value.strip()
    if not text:
        return None
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%y", "%Y-%m-%d %H:%M:%S"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(text)


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


def records_from_table(table: Table, mapping: dict[str, str]) -> list[ServiceRecord]:
    """One service per row. Raises FileProblem at the first bad cell, naming file, row and column."""
    check_mapping(table, mapping)
    index = {key: table.headers.index(header) for key, header in mapping.items()}
    category_labels = {t.code: t.label for t in CATEGORIES}
    theme_labels = {t.code: t.label for t in THEMES}
    theme_words = {code: (fold(label), _norm(label)) for code, label in theme_labels.items()}
    route_labels = {t.code: t.label for t in REFERRAL_ROUTES}
    records = []
    for number, cells in table.rows:
        def get(key: str, cells: tuple[str, ...] = cells) -> str:
            position = index.get(key)
            return cells[position].strip() if position is not None and position < len(cells) else ""

        column = ""
        try:
            for key in ("organization", "service"):
                if not get(key):
                    column = mapping[key]
                    raise ValueError("")
            org = OrganizationRecord(name=get("organization"), website=get("website"))
            record = ServiceRecord(organization=org, name=get("service"), id=get("id"),
                                   description=get("description"), not_offered=get("not_offered"),
                                   url=get("website"), email=get("email"), target_group=get("target_group"),
                                   application_process=get("application_process"), wait_time=get("wait_time"),
                                   fees=get("fees"), after_hours_note=get("after_hours_note"),
                                   source=f"{table.file}, {number}")
            column = mapping.get("status", "")
            status = get("status").lower() or "active"
            if status not in STATUSES:
                raise ValueError(status)
            record.status = status
            column = mapping.get("categories", "")
            record.categories = _codes(get("categories"), CATEGORY_WORDS, category_labels)
            column = mapping.get("themes", "")
            record.themes = _codes(get("themes"), theme_words, theme_labels)
            column = mapping.get("referral_route", "")
            routes = _codes(get("referral_route"), ROUTE_WORDS, route_labels)
            record.referral_route = routes[0] if routes else ""
            column = mapping.get("minimum_age", "")
            record.minimum_age = _age(get("minimum_age"))
            column = mapping.get("maximum_age", "")
            record.maximum_age = _age(get("maximum_age"))
            column = mapping.get("comes_to_school", "")
            flag = fold(get("comes_to_school"))
            if flag not in _YES | _NO:
                raise ValueError(flag)
            record.comes_to_school = flag in _YES if "comes_to_school" in mapping else None
            column = mapping.get("assured_date", "")
            record.assured_date = parse_date(get("assured_date"))
            column = mapping.get("opening_hours", "")
            record.schedules = [ScheduleRecord(byday=s.byday, opens_at=format_time(s.opens),
                                               closes_at=format_time(s.closes))
                                for s in parse_opening_hours(get("opening_hours"))]
        except ValueError as exc:
            detail = str(exc)
            if not detail:
                message = _("this required value is empty.")
            else:
                message = _("'{value}' is not understood here.").format(value=detail)
            raise file_problem(message, file=table.file, row=number, column=column) from None
        if get("phone"):
            record.phones.append(PhoneRecord(get("phone")))
        if get("after_hours_phone"):
            record.phones.append(PhoneRecord(get("after_hours_phone"), purpose="after_hours"))
        record.areas = [p.strip() for p in re.split(r"[,;/\n]+", get("municipalities")) if p.strip()]
        if get("address") or get("city"):
            record.locations.append(LocationRecord(address_1=get("address"), postal_code=get("postal_code"),
                                                   city=get("city")))
            if not record.areas and get("city"):
                record.areas.append(get("city"))
        if get("contact_name"):
            record.contacts.append(ContactRecord(get("contact_name"), title=get("contact_role"),
                                                 phone=get("contact_phone"), email=get("contact_email")))
        if get("backup_name"):
            record.contacts.append(ContactRecord(get("backup_name"), phone=get("backup_phone"), is_backup=True))
        records.append(record)
    if not records:
        raise file_problem(_("no rows with data below the header row."), file=table.file)
    return records


__all__ = ["FIELDS", "FileProblem", "Table", "guess_mapping", "read_table", "records_from_table", "write_csv"]
