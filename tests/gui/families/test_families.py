"""The Families page: list, family view, timeline edit/delete/undo, search hits, dialogs."""

from __future__ import annotations

from PySide6.QtCore import Qt

from brugapp.services.families.families import MemberInput, create_family, get_family, list_families
from brugapp.services.families.notebook import list_contacts, log_contact
from brugapp.services.families.rights import get_rights
from brugapp.ui.families.dialogs import FamilyDialog
from brugapp.ui.families.page import ID_ROLE, FamiliesPage


def _page(qtbot, store):
    page = FamiliesPage(store)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    page.refresh()
    return page


def test_search_hit_opens_family_and_selects_the_contact(qtbot, store):
    family = create_family(store, display_name="Gezin Haddad", preferred_language="ar", interpreter_needed=True,
                           preferred_channel="phone", reads_letters=False)
    contact = log_contact(store, family_id=family.id, channel="zitdag", themes=["admin.benefits"], note="Intake")
    page = _page(qtbot, store)
    page.show_record("contact", contact.id, family.id)
    assert page.family_view.family.id == family.id
    assert page.family_view.selected_entry().id == contact.id
    # scenario 10 is visible: interpreter and letters
    assert "Tolk nodig" in page.family_view.warning.text()
    assert "Leest geen brieven" in page.family_view.warning.text()
    assert "telefoon" in page.family_view.facts.text()


def test_delete_from_timeline_then_undo_restores_it(qtbot, store):
    family = create_family(store, display_name="Gezin Peeters")
    contact = log_contact(store, family_id=family.id, channel="telefoon", note="Belde over zwemles")
    page = _page(qtbot, store)
    page.show_record("family", family.id, family.id)
    view = page.family_view
    view.select_entry(contact.id)
    qtbot.keyClick(view.timeline, Qt.Key.Key_Delete)
    assert list_contacts(store) == []
    assert view.undo_bar.isVisibleTo(view)
    qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)
    assert [c.id for c in list_contacts(store)] == [contact.id]
    assert [e.id for e in view.timeline_model.entries] == [contact.id]


def test_theme_filter_narrows_the_timeline(qtbot, store):
    family = create_family(store, display_name="Gezin Kaya")
    log_contact(store, family_id=family.id, channel="telefoon", themes=["poverty.housing"])
    school = log_contact(store, family_id=family.id, channel="schoolpoort", themes=["education.homework"])
    page = _page(qtbot, store)
    page.open_family(family.id)
    view = page.family_view
    assert len(view.timeline_model.entries) == 2
    view.theme_filter.setCurrentIndex(view.theme_filter.findData("education"))
    assert [e.id for e in view.timeline_model.entries] == [school.id]


def test_filter_is_accent_insensitive_and_sorted_with_collation(qtbot, store):
    for name in ("Gezin Özdemir", "Gezin Çelik", "Gezin Peeters", "Gezin Demir"):
        create_family(store, display_name=name)
    page = _page(qtbot, store)
    names = [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]
    assert names == ["Gezin Çelik", "Gezin Demir", "Gezin Özdemir", "Gezin Peeters"]
    qtbot.keyClicks(page.filter, "ozdem")
    assert [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())] == ["Gezin Özdemir"]
    qtbot.keyClick(page.filter, Qt.Key.Key_Return)
    assert page.family_view.family.display_name == "Gezin Özdemir"
    assert page.proxy.index(0, 0).data(ID_ROLE) == page.family_view.family.id


def test_filter_and_sort_hold_when_the_list_reloads_and_by_children(qtbot, store):
    # GIVEN a filtered list
    create_family(store, display_name="Gezin Özdemir", members=[MemberInput(role="child", first_name="Ece")])
    create_family(store, display_name="Gezin Peeters")
    page = _page(qtbot, store)
    qtbot.keyClicks(page.filter, "gezin")
    # WHEN a family is added and the list reloads with more rows than before
    create_family(store, display_name="Gezin Öztürk", members=[
        MemberInput(role="child", first_name="Ali"), MemberInput(role="child", first_name="Can")])
    page.refresh()
    # THEN the filter still sees every name, the new one included, in the order people expect
    shown = [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]
    assert shown == ["Gezin Özdemir", "Gezin Öztürk", "Gezin Peeters"]
    page.filter.clear()
    qtbot.keyClicks(page.filter, "ozt")
    assert [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())] == ["Gezin Öztürk"]
    # AND a click on "Children" sorts by the number of children, most first when clicked again
    page.filter.clear()
    page.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert [page.proxy.index(r, 1).data() for r in range(page.proxy.rowCount())] == ["2", "1", ""]


def test_new_family_dialog_keeps_nothing_on_a_bad_phone_in_members(qtbot, store):
    dialog = FamilyDialog(store)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name, "   ")
    dialog.save()
    assert "Naam van het gezin" in dialog.error.text()
    assert list_families(store) == []
    dialog.name.clear()
    dialog.name.setText("Gezin Şahin")  # QTest.keyClicks only types ASCII
    dialog.language.setCurrentIndex(dialog.language.findData("tr"))
    dialog.interpreter.setChecked(True)
    dialog.save()
    [family] = list_families(store)
    assert (family.display_name, family.preferred_language, family.interpreter_needed) == ("Gezin Şahin", "tr", True)


def test_rights_panel_saves_and_names_a_bad_date(qtbot, store):
    family = create_family(store, display_name="Gezin Aziz", members=[MemberInput(role="parent", first_name="Nadia")])
    page = _page(qtbot, store)
    page.open_family(family.id)
    rights = page.family_view.rights
    status, when = rights.rows["schooltoeslag"]
    status.setCurrentIndex(status.findData("requested"))
    qtbot.keyClicks(when, "31-13-2026")
    rights.save()
    assert "31-13-2026" in rights.message.text()
    assert get_rights(store, family_id=family.id)[0].status == "unknown"  # nothing half-saved
    when.clear()
    qtbot.keyClicks(when, "20-11-2026")
    rights.save()
    assert get_rights(store, family_id=family.id)[0].status == "requested"
    assert get_family(store, family_id=family.id).members[0].first_name == "Nadia"


def test_search_hit_scrolls_the_family_into_view(qtbot, store):
    # GIVEN 40 families, the chosen one sorting last (far below the visible rows)
    for n in range(39):
        create_family(store, display_name=f"Gezin A{n:02d}")
    last = create_family(store, display_name="Gezin Zeeman")
    page = FamiliesPage(store)
    qtbot.addWidget(page)
    page.resize(1366 - 218, 700)
    # WHEN a search hit opens it on a page that is only just shown (as from the global search)
    page.show()
    page.show_record("family", last.id, last.id)
    qtbot.wait(20)
    # THEN its row is selected and inside the visible part of the list
    [selected] = page.table.selectionModel().selectedRows()
    assert selected.data(ID_ROLE) == last.id
    assert page.table.viewport().rect().contains(page.table.visualRect(selected))


def test_family_names_fit_beside_the_fixed_columns_at_1366(qtbot, store):
    create_family(store, display_name="Gezin Vandenbroucke")
    page = FamiliesPage(store)
    qtbot.addWidget(page)
    page.resize(1366 - 218, 700)  # the page beside the sidebar
    page.show()
    page.refresh()
    qtbot.waitExposed(page)
    header = page.table.horizontalHeader()
    name_width = page.table.fontMetrics().horizontalAdvance("Gezin Vandenbroucke")
    assert header.sectionSize(0) >= name_width + 12
    assert sum(header.sectionSize(c) for c in range(3)) <= page.table.viewport().width()
    index = page.proxy.index(0, 0)
    assert index.data(Qt.ItemDataRole.ToolTipRole).startswith("Gezin Vandenbroucke")


def test_a_narrow_list_keeps_the_names_readable(qtbot, store):
    # GIVEN families with long names, the list beside an opened family at 1280×720 (the smallest screen we serve)
    for first in ("Amina", "Fatma"):
        create_family(store, display_name=f"Gezin Al-Hassan ({first})")
    page = FamiliesPage(store)
    qtbot.addWidget(page)
    page.resize(1280 - 218, 620)
    page.show()
    page.refresh()
    header = page.table.horizontalHeader()
    page.table.selectRow(0)  # the family view opens beside the list and takes its room
    qtbot.wait(10)
    # THEN the fixed columns stepped aside and the name column shows whole names
    assert page.table.isColumnHidden(1) and page.table.isColumnHidden(2)
    metrics = page.table.fontMetrics()
    assert header.sectionSize(0) >= metrics.horizontalAdvance("Gezin Al-Hassan (Fatma)")
    # WHEN the window is wider again, they come back, the name keeping its room
    page.resize(1920 - 218, 900)
    qtbot.wait(10)
    assert not page.table.isColumnHidden(1) and not page.table.isColumnHidden(2)
    assert header.sectionSize(0) >= metrics.horizontalAdvance("Gezin Al-Hassan (Fatma)")
