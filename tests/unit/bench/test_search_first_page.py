"""Search answers from the first page of the index: names first, notes after, the prefix index kept on upgrade."""

from __future__ import annotations

from sqlalchemy import text

from brugapp.services.families.notebook import log_contact
from brugapp.services.search import search_everything
from brugapp.store import migrate as migrations
from brugapp.store import open_store
from brugapp.store.search_index import KIND_BITS, index_record, row_id, search
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
    # GIVEN a store at 0011 with a family and a member indexed the old way (rowid = the hash of the uuid)
    store = open_store(tmp_path / "old.db", create=True, migrate=False)
    migrations.upgrade(store, "0011")
    with store.engine.begin() as connection:
        for kind, ref, label in (("family", "f-1", "Gezin Özdemir"), ("member", "m-1", "Elif Özdemir")):
            connection.execute(text(
                "INSERT INTO search_index (rowid, kind, ref_uuid, family_uuid, label, body) "
                "VALUES (:rowid, :kind, :ref, 'f-1', :label, '')"),
                {"rowid": row_id(ref) % (1 << KIND_BITS), "kind": kind, "ref": ref, "label": f"{label}\n{label}"})
    # WHEN it is upgraded to 0012 and the member is renamed (its index row replaced)
    migrations.upgrade(store)
    with store.session() as session:
        index_record(session, kind="member", ref_uuid="m-1", label="Elif Özdemir-Yılmaz", family_uuid="f-1")
    with store.read() as session:
        found = search(session, "ozd")
    # THEN both are found through the prefix index, the family first, the member once with its new name
    assert [(h.kind, h.ref_uuid, h.label) for h in found] == [
        ("family", "f-1", "Gezin Özdemir"), ("member", "m-1", "Elif Özdemir-Yılmaz")]
    # AND the downgrade keeps the rows
    with store.engine.begin() as connection:
        from alembic import command

        config = migrations._config()
        config.attributes["connection"] = connection
        command.downgrade(config, "0011")
    with store.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM search_index")).scalar_one() == 2
    store.close()


def test_the_index_answers_families_first_without_ranking(store) -> None:
    # GIVEN many contact notes and members that mention Goossens, and one family of that name
    from brugapp.store.search_index import IndexEntry, index_many

    with store.session() as session:
        index_many(session, [IndexEntry("contact", f"c-{n}", f"Telefoon met Gezin Goossens, {n} maart") for n in
                             range(60)] + [IndexEntry("member", f"m-{n}", f"Kind Goossens {n}") for n in range(60)])
    family = make_family(store, display_name="Gezin Goossens")
    # WHEN "goo" is typed, THEN the family heads the page, members follow, notes last
    kinds = [h.kind for h in search_everything(store, text="goo", limit=30)]
    assert kinds[0] == "family" and set(kinds[1:]) == {"member"}
    assert search_everything(store, text="goo", limit=30)[0].id == family
