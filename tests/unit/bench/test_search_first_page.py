"""Search answers from the first page of the index: names first, notes after, the prefix index kept on upgrade."""

from __future__ import annotations

from sqlalchemy import text

from brugapp.services.families.notebook import log_contact
from brugapp.services.search import search_everything
from brugapp.store import migrations, open_store
from brugapp.store.search_index import index_record, search
from tests.factories import make_family


def test_a_name_comes_before_a_note_that_mentions_it(store) -> None:
    # GIVEN a family and, in another family, a note that mentions the first family's name
    benali = make_family(store, display_name="Gezin Benali")
    other = make_family(store, display_name="Gezin Maes")
    log_contact(store, channel="telefoon", family_id=other, themes=["education.homework"],
                note="Buren van Benali helpen met huiswerk")
    # WHEN "benal" is typed
    hits = search_everything(store, text="benal")
    # THEN the family is the first hit and the note follows
    assert hits[0].id == benali and hits[0].kind == "family"
    assert [h.kind for h in hits[1:]] == ["contact"] and hits[1].family_id == other


def test_one_letter_finds_a_page_not_everything(store) -> None:
    # GIVEN 40 families whose names all start with G
    for n in range(40):
        make_family(store, display_name=f"Gezin Goossens {n}")
    # WHEN a single letter is typed, THEN one page of them comes back, families first
    hits = search_everything(store, text="g", limit=30)
    assert len(hits) == 30 and {h.kind for h in hits} == {"family"}


def test_upgrade_to_the_prefix_index_keeps_every_row(tmp_path) -> None:
    # GIVEN a store at 0007 with a searchable record
    store = open_store(tmp_path / "old.db", create=True, migrate=False)
    migrations.upgrade(store, "0007")
    with store.session() as session:
        index_record(session, kind="family", ref_uuid="f-1", label="Gezin Özdemir", family_uuid="f-1")
    # WHEN it is upgraded to 0010 and back down
    migrations.upgrade(store)
    with store.read() as session:
        found = search(session, "ozd")
    # THEN the record is found through the prefix index, and the downgrade keeps it too
    assert [(h.kind, h.ref_uuid, h.label) for h in found] == [("family", "f-1", "Gezin Özdemir")]
    with store.engine.begin() as connection:
        from alembic import command

        config = migrations._config()
        config.attributes["connection"] = connection
        command.downgrade(config, "0007")
    with store.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM search_index")).scalar_one() == 1
    store.close()
