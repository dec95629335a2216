"""Anonieme contacten: every contact moment logged without a family, newest first, as the notebook holds them."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from brugapp.services.families.notebook import delete_contact, link_contact, list_contacts, log_contact
from brugapp.services.today import anonymous_contacts
from brugapp.ui.today.anonymous_contacts import AnonymousContactsDialog
from brugapp.ui.widgets.roles import ID_ROLE
from tests.factories import make_family


def _log(store, note: str, day: int, family_id: str | None = None) -> str:
    return log_contact(store, family_id=family_id, channel="schoolpoort", themes=["admin"], note=note,
                       occurred_at=dt.datetime(2026, 11, day, 8, 30).astimezone()).id


def test_the_anonymous_contacts_are_listed_newest_first_and_linked_or_deleted_ones_leave_the_list(qtbot, store):
    family = make_family(store, display_name="Gezin Benali")
    older = _log(store, "Vraagt naar de schoolfactuur", 2)
    newest = _log(store, "Brief van de deurwaarder", 26)
    linked = _log(store, "Zoekt huiswerkklas", 20)
    deleted = _log(store, "Per vergissing", 25)
    _log(store, "Met een gezin", 27, family_id=family)
    link_contact(store, contact_id=linked, family_id=family)
    delete_contact(store, contact_id=deleted)
    # THEN the plain read holds what the notebook lists as anonymous, in the same order
    read = anonymous_contacts(store)
    assert [c.id for c in read] == [c.id for c in list_contacts(store, anonymous_only=True)] == [newest, older]
    assert (read[0].channel, read[0].note, read[0].occurred_at.utcoffset()) == (
        "schoolpoort", "Brief van de deurwaarder", dt.timedelta(0))
    # and the dialog, opened twice, shows them with their day, channel and note, the newest chosen
    for _turn in range(2):
        dialog = AnonymousContactsDialog(store)
        qtbot.addWidget(dialog)
        dialog.show()
        items = [dialog.list.item(row) for row in range(dialog.list.count())]
        assert [item.data(ID_ROLE) for item in items] == [newest, older]
        assert items[0].text().startswith("26 nov 2026 · Schoolpoort\n") and "deurwaarder" in items[0].text()
        assert dialog.list.currentRow() == 0
        dialog.reject()


def test_a_long_list_shows_the_newest_first_and_the_older_ones_when_asked(qtbot, store, monkeypatch):
    monkeypatch.setattr("brugapp.ui.today.anonymous_contacts.SHOWN_FIRST", 2)
    made = [_log(store, f"Gesprek {day}", day) for day in (3, 4, 5)]  # the newest last
    dialog = AnonymousContactsDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    # THEN the two newest are listed, and a last line offers all three
    texts = [dialog.list.item(row).text() for row in range(dialog.list.count())]
    assert [dialog.list.item(row).data(ID_ROLE) for row in range(2)] == [made[2], made[1]]
    assert texts[2] == "Toon alle 3 anonieme contacten (ook de oudere) …"
    # WHEN that line is chosen with Enter
    dialog.list.setFocus()
    dialog.list.setCurrentRow(2)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    # THEN all three are listed, the first of the older ones chosen
    assert [dialog.list.item(row).data(ID_ROLE) for row in range(dialog.list.count())] == made[::-1]
    assert dialog.list.currentItem().data(ID_ROLE) == made[0]
