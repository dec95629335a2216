"""Re-importing a big spreadsheet merges it a batch at a time, with the same map as a single merge.

A re-import of the regional partner's 230,000 rows matches every row to a service already in the map. The
rows that match are merged BATCH at a time, each batch's objects let go before the next, instead of holding
every row and the whole map as objects (20,000 rows took 1 GB). Here BATCH is small so a 120-row file makes
several batches; the map it leaves must be the one a single merge leaves, and a late bad row still leaves the
map as it was.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from brugapp.bench.exchange import write_big_csv
from brugapp.errors import ValidationError
from brugapp.services.kaart import bulk, importing
from brugapp.services.kaart.export import export_kaart
from brugapp.services.kaart.importing import ImportResult, import_kaart
from brugapp.store import Store, open_store
from brugapp.store.models.kaart import KaartContact, KaartLocation, KaartOrganization, KaartService

ROWS = 120


def changed_file(first: Path, path: Path) -> tuple[Path, int]:
    """The partner's next export: every third description changed; every tenth service moved to a new
    address with a new contact person, and at the end a new service of the same organisation at that address
    with that person (merged rows add them, later new rows must find them); and one row twice.
    Returns the file and how many services are new."""
    with first.open(encoding="utf-8-sig", newline="") as fh:
        header, *rows = list(csv.reader(fh, delimiter=";"))
    out, extra = [], []
    for n, row in enumerate(rows):
        if n % 3 == 0:
            row = [*row[:2], f"Nieuw aanbod {n}", *row[3:]]
        if n % 10 == 4:
            row = [*row[:6], f"Kerkstraat {n}", *row[7:12], f"Nieuwe Persoon {n}", *row[13:]]
            extra.append([row[0], f"Extra dienst {n}", "Nieuw", *row[3:]])
        out.append(row)
    out += [*extra, rows[5]]
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, delimiter=";", lineterminator="\r\n").writerows([header, *out])
    return path, len(extra)


def the_map(store: Store) -> list[tuple[Any, ...]]:
    """Every service as a person sees it (organisation, name, description, places, numbers, terms, hours),
    and every contact person and place of each organisation."""
    def service_view(s: KaartService) -> tuple[Any, ...]:
        return (s.organization.name, s.name, s.description, s.assured_date,
                sorted((a.location.address_1, a.location.city) for a in s.at_locations),
                sorted((p.number, p.purpose) for p in s.phones), sorted(a.name for a in s.areas),
                sorted((t.vocabulary, t.code) for t in s.terms),
                sorted((h.byday, h.opens_at, h.closes_at) for h in s.schedules))

    with store.read() as session:
        assert isinstance(session, Session)
        services = sorted(service_view(s) for s in session.scalars(select(KaartService)))
        people = sorted((c.organization.name, c.name, c.title, c.phone, c.is_backup)
                        for c in session.scalars(select(KaartContact)))
        places = sorted((p.organization.name, p.address_1, p.city) for p in session.scalars(select(KaartLocation)))
        orgs = sorted(session.scalars(select(KaartOrganization.name)))
    # nobody and no place twice in one organisation
    assert len({person[:2] for person in people}) == len(people) and len(set(places)) == len(places)
    return [*services, *people, *places, *orgs]


@pytest.fixture
def second_store(migrated_template: Path, tmp_path: Path):
    path = tmp_path / "second.db"
    shutil.copy(migrated_template, path)
    opened = open_store(path)
    yield opened
    opened.close()


def test_a_reimport_merges_in_batches_and_leaves_the_map_a_single_merge_leaves(
        store: Store, second_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # GIVEN two maps made from the same 120-row partner file, and the partner's next export of it
    first = write_big_csv(tmp_path / "partner.csv", ROWS)
    second, new = changed_file(first, tmp_path / "partner-next.csv")
    calls: list[tuple[int, int]] = []  # (rows merged, ORM objects the session held when the batch began)
    real_apply = importing.apply_records

    def watched_apply(session: Session, records: list, **options: Any) -> ImportResult:
        calls.append((len(records), len(session.identity_map)))
        return real_apply(session, records, **options)

    monkeypatch.setattr(importing, "apply_records", watched_apply)
    results = []
    for target, batch in ((store, 25), (second_store, 100_000)):
        monkeypatch.setattr(bulk, "BATCH", batch)
        import_kaart(target, path=first)
        results.append(import_kaart(target, path=second))
    # THEN the small batches made several merges, each of at most 25 rows with nothing held from the one before
    batched = calls[:-1]
    assert len(batched) >= ROWS // 25 and all(rows <= 25 and held == 0 for rows, held in batched), calls
    assert sum(rows for rows, _held in batched) == ROWS + 1  # every row of the map, and the one given twice
    # AND the counts and the map are those of one merge of everything
    assert results[0] == results[1] == ImportResult(created=new, updated=ROWS, organizations_created=0)
    assert the_map(store) == the_map(second_store)
    with store.read() as session:
        rows = session.execute(select(KaartService.name, KaartService.description))
        descriptions = {name: text for name, text in rows}
    assert descriptions["Onthaal 000000"] == "Nieuw aanbod 0" and len(descriptions) == ROWS + new


def test_a_bad_row_after_merged_batches_leaves_the_map_as_it_was(store: Store, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    # GIVEN a map from the partner file, and its next export with a date nobody can read in the last row
    monkeypatch.setattr(bulk, "BATCH", 20)
    first = write_big_csv(tmp_path / "partner.csv", ROWS)
    import_kaart(store, path=first)
    before = the_map(store)
    second, _new = changed_file(first, tmp_path / "partner-next.csv")
    with second.open("a", encoding="utf-8", newline="") as fh:
        fh.write("CAW Kortrijk 000000;Onthaal 000000;;;;;;;;;;;;;morgen\r\n")
    # WHEN it is imported (the batches before the bad row are merged and flushed)
    with pytest.raises(ValidationError) as error:
        import_kaart(store, path=second)
    # THEN the message names file, row and column, and the map is as it was
    assert "partner-next.csv, rij" in error.value.message and "Laatst gecontroleerd" in error.value.message
    assert the_map(store) == before


def test_a_renamed_service_in_brugapps_own_export_is_found_by_its_id(store: Store, tmp_path: Path) -> None:
    # GIVEN a map, exported as CSV (with an Id column), and in that export one service renamed
    import_kaart(store, path=write_big_csv(tmp_path / "partner.csv", 8))
    export_kaart(store, out=tmp_path / "kaart.csv", format="csv")
    text = (tmp_path / "kaart.csv").read_text(encoding="utf-8-sig").replace("Onthaal 000000", "Onthaal Kortrijk")
    (tmp_path / "kaart.csv").write_text(text, encoding="utf-8-sig")
    # WHEN the export is imported again
    result = import_kaart(store, path=tmp_path / "kaart.csv")
    # THEN the renamed service is the same service (found by its id), renamed, and nothing is added
    assert (result.created, result.updated) == (0, 8)
    with store.read() as session:
        names = set(session.scalars(select(KaartService.name)))
    assert "Onthaal Kortrijk" in names and "Onthaal 000000" not in names and len(names) == 8
