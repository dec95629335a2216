"""The programme report: three workers' figures whose small counts only pass 5 together."""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

import jsonschema
import pytest
from pypdf import PdfReader
from sqlalchemy import select

from brugapp.cli import main
from brugapp.domain.programme import FiguresError, figures_payload
from brugapp.domain.schoolyear import SchoolYear
from brugapp.services.families.notebook import log_contact
from brugapp.services.reporting.programme import (
    export_figures,
    merge_figures,
    write_programme_csv,
    write_programme_pdf,
)
from brugapp.store import open_store
from brugapp.store.audit_chain import verify_chain
from brugapp.store.models import AuditEntry
from tests.factories import make_family
from tests.paths import REPO_ROOT

YEAR = SchoolYear(2025)
BRUSSELS = ZoneInfo("Europe/Brussels")
SCHEMA = json.loads((REPO_ROOT / "docs" / "programme-report.schema.json").read_text(encoding="utf-8"))


def worker_file(template: Path, tmp_path: Path, name: str, *, families: int, phone_calls: int,
                year: SchoolYear = YEAR) -> Path:
    """One worker's store: ``families`` families, each with one home visit about debts, plus phone calls."""
    db = tmp_path / f"{name}.db"
    shutil.copy(template, db)
    store = open_store(db)
    try:
        day = dt.datetime(year.start_year, 10, 6, 9, tzinfo=BRUSSELS)
        for n in range(families):
            family = make_family(store, display_name=f"Gezin {name}-{n} Vandenbroucke")
            log_contact(store, channel="huisbezoek", family_id=family, themes=["admin.debts"],
                        note="Brief van de deurwaarder", occurred_at=day + dt.timedelta(days=n))
        for n in range(phone_calls):
            log_contact(store, channel="telefoon", themes=["education"], occurred_at=day + dt.timedelta(days=n))
        out = tmp_path / f"{name}.json"
        export_figures(store, school_year=year, path=out, on=dt.date(year.start_year + 1, 6, 30))
    finally:
        store.close()
    return out


@pytest.fixture
def three_files(migrated_template, tmp_path):
    return [worker_file(migrated_template, tmp_path, "a", families=2, phone_calls=1),
            worker_file(migrated_template, tmp_path, "b", families=2, phone_calls=1),
            worker_file(migrated_template, tmp_path, "c", families=2, phone_calls=2)]


def test_figures_file_follows_the_schema_and_names_nobody(three_files):
    for path in three_files:
        raw = path.read_text(encoding="utf-8")
        jsonschema.validate(json.loads(raw), SCHEMA)
        assert "Vandenbroucke" not in raw and "deurwaarder" not in raw
    payload = json.loads(three_files[0].read_text(encoding="utf-8"))
    assert payload["school_year"] == "2025–2026" and len(payload["checksum"]["value"]) == 64


def test_merge_applies_small_counts_after_adding_up(three_files, store):
    # GIVEN three workers with 2, 2 and 2 home visits (each alone "<5")
    alone = merge_figures(store, paths=three_files[:1])
    assert {r[0]: r[1] for r in alone.table("channels").shown_rows()} == {"Huisbezoek": "<5", "Telefoon": "<5"}
    # WHEN the coordinator merges the three files
    merged = merge_figures(store, paths=three_files)
    channels = {r[0]: r[1] for r in merged.table("channels").shown_rows()}
    # THEN 6 home visits pass the rule; the 4 phone calls together still do not
    assert channels["Huisbezoek"] == "6"
    assert channels["Telefoon"] == "<5"
    assert merged.table("summary").raw_count("Families reached") == 6
    assert merged.table("channels").raw_count("Phone call") == 4
    themes = {r[0]: r[1] for r in merged.table("themes").shown_rows()}
    assert themes["– Schulden en deurwaarder"] == "6"


def coordinator_db(template: Path, tmp_path: Path) -> Path:
    db = tmp_path / "coordinator.db"
    shutil.copy(template, db)
    return db


def audit_entries(db: Path) -> list[tuple[str, str, str, str]]:
    store = open_store(db)
    try:
        with store.read() as session:
            assert verify_chain(session) is None  # every entry is a link of the hash chain
            return [tuple(row) for row in session.execute(
                select(AuditEntry.action, AuditEntry.subject_kind, AuditEntry.audience, AuditEntry.detail)
                .order_by(AuditEntry.id)).all()]
    finally:
        store.close()


def test_merge_outputs_pdf_csv_and_json(three_files, tmp_path, capsys, migrated_template):
    pdf, csv_path = tmp_path / "programma.pdf", tmp_path / "programma.csv"
    db = coordinator_db(migrated_template, tmp_path)
    code = main(["report", "merge", *map(str, three_files), "--pdf", str(pdf), "--csv", str(csv_path), "--json",
                 "--db", str(db)])
    assert code == 0
    out = capsys.readouterr()
    shown = json.loads(out.out)  # standard output is one JSON document; what was written is said on stderr
    assert "programma.pdf" in out.err and "programma.csv" in out.err
    channels = next(t for t in shown["tables"] if t["title"] == "Contactmomenten per kanaal")
    assert ["Huisbezoek", "6"] in channels["rows"]
    text = "\n".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
    assert "Programmarapport 2025–2026" in text and "3 medewerkers" in text and "Huisbezoek" in text
    assert "Vandenbroucke" not in text
    with csv_path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert ["Huisbezoek", "6"] in rows and ["Telefoon", "<5"] in rows


def test_a_tampered_file_is_refused_by_name(three_files, capsys, store, migrated_template, tmp_path):
    payload = json.loads(three_files[1].read_text(encoding="utf-8"))
    payload["tables"][0]["rows"][0]["counts"][0] += 40  # someone "corrects" a figure by hand
    three_files[1].write_text(json.dumps(payload), encoding="utf-8")
    with pytest.raises(FiguresError, match=r"b.json") as refused:
        merge_figures(store, paths=three_files)
    assert "controlegetal" in str(refused.value)
    db = coordinator_db(migrated_template, tmp_path)
    assert main(["report", "merge", *map(str, three_files), "--db", str(db)]) == 2
    assert "b.json" in capsys.readouterr().err
    assert audit_entries(db) == []  # a refused merge leaves no trace of a merge


def test_a_file_of_another_school_year_is_refused(migrated_template, tmp_path, three_files, store):
    older = worker_file(migrated_template, tmp_path, "old", families=1, phone_calls=0, year=SchoolYear(2024))
    with pytest.raises(FiguresError, match=r"old.json") as refused:
        merge_figures(store, paths=[*three_files, older])
    assert "2024–2025" in str(refused.value)
    with pytest.raises(FiguresError, match=r"a.json"):
        merge_figures(store, paths=three_files, school_year=SchoolYear(2024))


def test_the_same_export_counts_once(three_files, tmp_path, store):
    copy = tmp_path / "a-kopie.json"
    shutil.copy(three_files[0], copy)
    with pytest.raises(FiguresError, match=r"a-kopie.json"):
        merge_figures(store, paths=[*three_files, copy])


def test_not_json_names_the_file_and_line(tmp_path, store):
    broken = tmp_path / "kapot.json"
    broken.write_text('{"format": "brugapp-programme-figures",\n  "version": 1,,}', encoding="utf-8")
    with pytest.raises(FiguresError, match=r"kapot.json.*regel 2"):
        merge_figures(store, paths=[broken])


def test_csv_writer_alone(three_files, tmp_path, store):
    out = write_programme_csv(store, merge_figures(store, paths=three_files), tmp_path / "x.csv")
    assert out.read_text(encoding="utf-8-sig").startswith("Programmarapport 2025–2026")


def test_a_sub_theme_only_one_worker_has_stays_under_its_theme():
    from brugapp.domain.programme import merge, read_payload
    from brugapp.domain.reporting import Count, Label, ReportTable, SchoolYearReport

    def figures(name, rows):
        table = ReportTable("themes", "Contact moments by theme", ("Theme", "Contact moments"),
                            tuple((Label(text, level=level), Count(n)) for text, level, n in rows))
        report = SchoolYearReport(YEAR, "", "", dt.date(2026, 6, 30), (table,))
        return read_payload(name, figures_payload(report, file_id=name, made_on=dt.date(2026, 6, 30)))

    one = figures("a", [("Money, material and paperwork", 0, 3), ("Debts and bailiff", 1, 3),
                        ("Barriers to and within education", 0, 2)])
    two = figures("b", [("Money, material and paperwork", 0, 2), ("Letters and forms", 1, 2),
                        ("Barriers to and within education", 0, 4)])
    merged = merge([one, two], made_on=dt.date(2026, 7, 1)).table("themes")
    assert [(row[0].text, row[1].value) for row in merged.rows] == [
        ("Money, material and paperwork", 5), ("Letters and forms", 2), ("Debts and bailiff", 3),
        ("Barriers to and within education", 6)]


def test_a_merge_is_noted_in_the_audit_trail_without_names_or_figures(three_files, migrated_template, tmp_path):
    # GIVEN the coordinator's own store
    db = coordinator_db(migrated_template, tmp_path)
    store = open_store(db)
    try:
        # WHEN Els merges the three workers' files and prints the result
        report = merge_figures(store, paths=three_files, merged_by="Els Coördinator")
        write_programme_pdf(store, report, tmp_path / "p.pdf", workers=3)
    finally:
        store.close()
    # THEN the trail says who merged how many files of which year, and the print; no file name, no figure
    assert audit_entries(db) == [
        ("merge", "programme_report", "coordinator", "files=3; school_year=2025–2026; by=Els Coördinator"),
        ("print", "programme_report", "coordinator", "2025–2026")]


def test_a_refused_merge_writes_no_audit_entry(three_files, migrated_template, tmp_path):
    older = worker_file(migrated_template, tmp_path, "old", families=1, phone_calls=0, year=SchoolYear(2024))
    tampered = json.loads(three_files[2].read_text(encoding="utf-8"))
    tampered["tables"][0]["rows"][0]["counts"][0] = 1
    three_files[2].write_text(json.dumps(tampered), encoding="utf-8")
    db = coordinator_db(migrated_template, tmp_path)
    store = open_store(db)
    try:
        with pytest.raises(FiguresError, match=r"old\.json"):  # another school year
            merge_figures(store, paths=[three_files[0], older], merged_by="Els")
        with pytest.raises(FiguresError, match=r"c\.json"):  # changed by hand
            merge_figures(store, paths=three_files, merged_by="Els")
    finally:
        store.close()
    assert audit_entries(db) == []


def test_the_worker_export_is_a_link_of_the_audit_chain(migrated_template, tmp_path):
    worker_file(migrated_template, tmp_path, "w", families=1, phone_calls=0)
    assert audit_entries(tmp_path / "w.db") == [("export", "programme_figures", "coordinator", "2025–2026")]
