"""The family timeline reads as a timeline: planned apart from history, a header per Brussels day, the kind
said by icon and colour (not by a word on every row), the note in full, and the keyboard still works."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics

from brugapp.services.families.families import create_family
from brugapp.services.families.notebook import list_contacts, log_contact
from brugapp.services.records import TimelineEntry
from brugapp.ui.families.page import FamiliesPage
from brugapp.ui.families.timeline_view import TimelineModel, timeline_rows
from tests.gui.conftest import shown_page

NOW = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)


def _entries() -> list[TimelineEntry]:
    return [
        TimelineEntry("meeting", "m1", NOW + dt.timedelta(days=10), "Rondetafel Ilyas"),
        TimelineEntry("followup", "f1", NOW + dt.timedelta(days=3), "Terugbellen over de brief"),
        TimelineEntry("contact", "c1", NOW - dt.timedelta(hours=1), "Schoolpoort", detail="Vraag over kamp",
                      themes=("leisure", "leisure.camps")),
        # 23:30 UTC on 30 November is 00:30 on 1 December in Kortrijk: the same Brussels day as c1
        TimelineEntry("contact", "c2", dt.datetime(2026, 11, 30, 23, 30, tzinfo=dt.UTC), "Telefoon",
                      detail="Brief deurwaarder"),
        TimelineEntry("referral", "r1", NOW - dt.timedelta(days=2), "Doorverwijzing naar CAW", status="Lopend"),
    ]


def test_planned_comes_first_soonest_on_top_then_history_newest_first_under_brussels_day_headers():
    rows = timeline_rows(_entries(), now=NOW, today=dt.date(2026, 12, 1))
    shown = [row.id or f"[{row.text}]" for row in rows]
    assert shown == [
        "[Gepland]", "[vrijdag 4 december 2026]", "f1", "[vrijdag 11 december 2026]", "m1",
        "[Verloop]", "[Vandaag · dinsdag 1 december 2026]", "c1", "c2", "[zondag 29 november 2026]", "r1",
    ]
    assert all(row.upcoming for row in rows[:5]) and not any(row.upcoming for row in rows[5:])


def test_without_anything_planned_there_is_no_part_header():
    rows = timeline_rows(_entries()[2:], now=NOW, today=dt.date(2026, 12, 1))
    assert rows[0].text == "Vandaag · dinsdag 1 december 2026"


def test_rows_say_the_kind_in_the_tooltip_and_to_a_screen_reader_but_not_in_the_text(qtbot):
    model = TimelineModel()
    model.set_entries(_entries(), now=NOW)
    row = model.row_of("c1")
    text = model.index(row).data()
    assert text == "12:00 Schoolpoort — Vraag over kamp"  # Brussels time, no "Contactmoment:" in front
    assert model.index(row).data(Qt.ItemDataRole.ToolTipRole).startswith("Contactmoment · di 1 dec 2026 12:00")
    assert "Contactmoment" in model.index(row).data(Qt.ItemDataRole.AccessibleTextRole)
    # a follow-up is due on a day: no made-up time
    assert model.index(model.row_of("f1")).data() == "Terugbellen over de brief"
    # headers can be read but not chosen
    assert not model.flags(model.index(0)) & Qt.ItemFlag.ItemIsSelectable
    assert model.flags(model.index(row)) & Qt.ItemFlag.ItemIsSelectable
    assert [e.id for e in model.entries] == ["f1", "m1", "c1", "c2", "r1"]


def _family_page(qtbot, store) -> FamiliesPage:
    return shown_page(qtbot, FamiliesPage(store), (1366 - 218, 700))


def test_the_whole_note_is_readable_in_its_row(qtbot, store):
    # GIVEN a contact with a long note
    family = create_family(store, display_name="Gezin Haddad")
    note = ("Mama toont brief van deurwaarder, begrijpt hem niet. Belt morgen de school en het OCMW over de "
            "rekening, en vraagt of de school de uitstap van volgende week kan spreiden.")
    log_contact(store, family_id=family.id, channel="zitdag", note=note, themes=["admin.debts"])
    page = _family_page(qtbot, store)
    page.show_record("family", family.id, family.id)
    qtbot.wait(20)
    view = page.family_view.timeline
    index = view.model().index(page.family_view.timeline_model.row_of(list_contacts(store)[0].id))
    # THEN the row is as tall as the note wrapped at the width it is drawn in
    rect = view.visualRect(index)
    delegate = view.itemDelegate()
    width = delegate._text_width(rect.width())
    assert width > 300
    needed = QFontMetrics(QFont(view.font())).boundingRect(QRect(0, 0, width, 10_000),
                                                          Qt.TextFlag.TextWordWrap, note).height()
    assert rect.height() >= needed + 2 * delegate.PAD
    # and when the list gets narrower the row grows
    before = rect.height()
    page.family_view.resize(page.family_view.width() - 250, page.family_view.height())
    view.resize(view.width() - 250, view.height())
    qtbot.waitUntil(lambda: view.visualRect(index).height() > before, timeout=2000)


def test_arrow_keys_pass_over_the_day_headers_and_delete_undo_still_work(qtbot, store):
    # GIVEN two contacts on two different days
    family = create_family(store, display_name="Gezin Peeters")
    older = log_contact(store, family_id=family.id, channel="telefoon", note="Belde over zwemles",
                        occurred_at=dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC))
    newer = log_contact(store, family_id=family.id, channel="schoolpoort", note="Vraag over kamp",
                        occurred_at=dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC))
    page = _family_page(qtbot, store)
    page.open_family(family.id)
    view = page.family_view
    assert view.select_entry(newer.id)
    # WHEN Down is pressed THEN the older contact is chosen, not the day header between them
    qtbot.keyClick(view.timeline, Qt.Key.Key_Down)
    assert view.selected_entry() is not None and view.selected_entry().id == older.id
    # WHEN Delete, then Ctrl+Z THEN it is gone and back again
    qtbot.keyClick(view.timeline, Qt.Key.Key_Delete)
    assert [c.id for c in list_contacts(store)] == [newer.id]
    qtbot.keyClick(view.timeline, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert {c.id for c in list_contacts(store)} == {older.id, newer.id}
    assert view.selected_entry().id == older.id
