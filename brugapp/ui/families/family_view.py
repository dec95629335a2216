"""One family: who they are, how to reach them, the rights check and one timeline of everything."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from brugapp.domain.notebook import LANGUAGES, LITERACY, MEMBER_ROLES, PREFERRED_CHANNELS
from brugapp.domain.sharing import SHARING_LEVELS
from brugapp.domain.themes import THEMES
from brugapp.i18n import _
from brugapp.services.families.families import FamilyDetail, MemberInfo, get_family, remove_member
from brugapp.services.families.notebook import delete_contact, restore_contact
from brugapp.services.families.timeline import family_timeline
from brugapp.services.records import TimelineEntry
from brugapp.store import Store
from brugapp.ui.families.access_export_action import access_export_button, export_access_for
from brugapp.ui.families.consent_panel import ConsentPanel
from brugapp.ui.families.dialogs import FamilyDialog, MemberDialog
from brugapp.ui.families.quick_log import QuickLogDialog
from brugapp.ui.families.rights_panel import RightsPanel
from brugapp.ui.families.situations_panel import SituationsPanel
from brugapp.ui.families.timeline_view import TimelineList, TimelineModel, when_text
from brugapp.ui.referrals.dialogs import NewReferralDialog
from brugapp.ui.widgets.table_model import Column, RecordTableModel


class FamilyView(QWidget):
    """Shown on the Families page for the chosen family."""

    changed = Signal()  # something was saved: the list may need a refresh
    status_message = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.family: FamilyDetail | None = None
        self._deleted_contact = ""

        self.name = QLabel()
        self.name.setObjectName("SectionTitle")
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.warning = QLabel()
        self.warning.setObjectName("Warning")
        self.warning.setWordWrap(True)
        self.log_button = QPushButton(_("Log a contact"))
        self.log_button.setObjectName("Primary")
        self.log_button.setAccessibleName(_("Log a contact with this family"))
        self.log_button.clicked.connect(self.log_contact)
        self.edit_button = QPushButton(_("Edit details"))
        self.edit_button.setAccessibleName(_("Edit the family's details"))
        self.edit_button.clicked.connect(self.edit_family)
        self.refer_button = QPushButton(_("Refer …"))
        self.refer_button.setAccessibleName(_("Make a warm referral for this family"))
        self.refer_button.setToolTip(_("Refer this family warmly to a service on the social map"))
        self.refer_button.clicked.connect(self.refer)
        top = QVBoxLayout()
        title_row = QHBoxLayout()
        title_row.addWidget(self.name, 1)
        title_row.addWidget(self.edit_button)
        title_row.addWidget(self.refer_button)
        title_row.addWidget(self.log_button)
        top.addLayout(title_row)
        top.addWidget(self.facts)
        top.addWidget(self.warning)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Family tabs"))
        self.tabs.addTab(self._build_timeline(), _("Timeline"))
        self.tabs.addTab(self._build_members(), _("Family and school"))
        self.rights = RightsPanel(store)
        self.tabs.addTab(self.rights, _("Rights check"))
        # The consent a referral rests on is recorded where the family is, before the referral is made.
        self.consent = ConsentPanel(store)
        self.consent.changed.connect(self.changed.emit)
        consent_page = QWidget()
        consent_layout = QVBoxLayout(consent_page)
        consent_layout.addWidget(self.consent)
        consent_layout.addStretch(1)
        self.consent_tab = self.tabs.addTab(consent_page, _("Consent"))
        self.situations = SituationsPanel(store)  # situations, who may know them, school change (issue 17)
        self.situations_tab = self.tabs.addTab(self.situations, _("Situations and school"))
        # Consent and situations are read when their tab is shown, not every time a family is opened on its
        # timeline (a quarter of the time to open a family, for tabs most visits never look at).
        self._waiting_tabs: dict[int, Callable[[], None]] = {}
        self.tabs.currentChanged.connect(self._load_waiting_tab)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

    # -- building ------------------------------------------------------------------------------
    def _build_timeline(self) -> QWidget:
        page = QWidget()
        self.theme_filter = QComboBox()
        self.theme_filter.setAccessibleName(_("Show only the theme"))
        self.theme_filter.addItem(_("All themes"), "")
        for term in THEMES.top_level():
            self.theme_filter.addItem(term.text(), term.code)
        self.theme_filter.currentIndexChanged.connect(lambda _i: self.load_timeline())
        self.open_button = QPushButton(_("Edit"))
        self.open_button.setAccessibleName(_("Edit the chosen contact moment"))
        self.open_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(_("Delete"))
        self.delete_button.setAccessibleName(_("Delete the chosen contact moment"))
        self.delete_button.clicked.connect(self.delete_selected)
        bar = QHBoxLayout()
        filter_label = QLabel(_("Theme:"))
        filter_label.setBuddy(self.theme_filter)
        bar.addWidget(filter_label)
        bar.addWidget(self.theme_filter)
        bar.addStretch(1)
        bar.addWidget(self.open_button)
        bar.addWidget(self.delete_button)
        self.timeline_model = TimelineModel(self)
        self.timeline = TimelineList()
        self.timeline.setModel(self.timeline_model)
        self.timeline.setAccessibleName(_("Timeline of the family"))
        self.timeline.doubleClicked.connect(lambda _index: self.edit_selected())
        self.empty_timeline = QLabel(_("Nothing logged yet for this family. “Log a contact” (Ctrl+N) starts the "
                                       "timeline."))
        self.empty_timeline.setObjectName("Hint")
        self.undo_bar = QFrame()
        self.undo_bar.setObjectName("Card")
        undo_layout = QHBoxLayout(self.undo_bar)
        undo_layout.setContentsMargins(10, 4, 10, 4)
        self.undo_label = QLabel(_("Contact moment deleted."))
        self.undo_button = QPushButton(_("Undo (Ctrl+Z)"))
        self.undo_button.setAccessibleName(_("Undo the delete"))
        self.undo_button.clicked.connect(self.undo_delete)
        undo_layout.addWidget(self.undo_label, 1)
        undo_layout.addWidget(self.undo_button)
        self.undo_bar.hide()
        QShortcut(QKeySequence.StandardKey.Undo, page, activated=self.undo_delete)
        self.timeline.delete_pressed.connect(self.delete_selected)
        self.timeline.undo_pressed.connect(self.undo_delete)
        self.timeline.open_pressed.connect(self.edit_selected)
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(self.undo_bar)
        layout.addWidget(self.timeline, 1)
        layout.addWidget(self.empty_timeline)
        return page

    def _build_members(self) -> QWidget:
        page = QWidget()
        # Members as a table (name, role, school, class …), sortable; Enter or a double click edits one.
        self.member_model: RecordTableModel[MemberInfo] = RecordTableModel([
            Column(_("Name"), lambda m: m.full_name),
            Column(_("Role"), lambda m: MEMBER_ROLES.label(m.role)),
            Column(_("Born"), lambda m: str(m.birth_year or ""), sort=lambda m: m.birth_year or 0),
            Column(_("School"), lambda m: m.school_label),
            Column(_("Class"), lambda m: " ".join(p for p in (m.class_name, f"({m.school_year})" if m.school_year
                                                               else "") if p)),
            Column(_("Phone or e-mail"), lambda m: " · ".join(p for p in (m.phone, m.email) if p)),
        ], parent=self)
        self.members = QTableView()
        self.members.setModel(self.member_model)
        self.members.setAccessibleName(_("Family members"))
        self.members.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.members.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.members.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.members.verticalHeader().hide()
        self.members.setAlternatingRowColors(True)
        header = self.members.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)  # the school's long name; full in its tooltip
        self.members.activated.connect(lambda _index: self.edit_member())
        add = QPushButton(_("Add member"))
        add.setAccessibleName(_("Add a family member"))
        add.clicked.connect(self.add_member)
        edit = QPushButton(_("Edit member"))
        edit.setAccessibleName(_("Edit the chosen member"))
        edit.clicked.connect(self.edit_member)
        remove = QPushButton(_("Remove member"))
        remove.setAccessibleName(_("Remove the chosen member"))
        remove.clicked.connect(self.remove_member)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(edit)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        self.access_button = access_export_button(  # GDPR art. 15, kept off the crowded title row
            lambda: self.family and export_access_for(self, self.store, self.family.id))
        buttons.addWidget(self.access_button)
        self.extra = QLabel()
        self.extra.setWordWrap(True)
        self.extra.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(page)
        layout.addLayout(buttons)
        layout.addWidget(self.members, 1)
        layout.addWidget(self.extra)
        return page

    # -- loading -------------------------------------------------------------------------------
    def show_family(self, family_id: str) -> None:
        self.family = get_family(self.store, family_id=family_id)
        f = self.family
        self.name.setText(f.display_name)
        facts = [_("Language: {language}").format(language=LANGUAGES.label(f.preferred_language))]
        if f.preferred_channel:
            facts.append(_("best reached by {channel}").format(
                channel=PREFERRED_CHANNELS.label(f.preferred_channel).lower()))
        if f.reference_person:
            facts.append(_("reference person: {name}").format(name=f.reference_person))
        self.facts.setText(" · ".join(facts))
        warnings = []
        if f.interpreter_needed:
            warnings.append(_("Interpreter needed"))
        if not f.reads_letters:
            warnings.append(_("Does not read letters: call or talk in person"))
        if f.literacy in ("limited", "does_not_read"):
            warnings.append(LITERACY.label(f.literacy))
        self.warning.setText(" · ".join(warnings))
        self.warning.setVisible(bool(warnings))
        self.member_model.set_rows(list(f.members))
        extra = []
        if f.other_services:
            extra.append(_("Other services involved: {services}").format(services=", ".join(f.other_services)))
        if f.note:
            extra.append(_("Note ({sharing}): {note}").format(sharing=SHARING_LEVELS.label(f.note_sharing),
                                                                note=f.note))
        self.extra.setText("\n".join(extra))
        self.rights.load(f.id)
        self._when_shown(self.consent_tab, lambda: self.consent.set_family(f.id))
        self._when_shown(self.situations_tab, lambda: self.situations.show_family(f.id))
        self.undo_bar.hide()
        self.load_timeline()

    def _when_shown(self, tab: int, load: Callable[[], None]) -> None:
        """Load a tab's panel now if it is the one on screen, else when it is first chosen."""
        if self.tabs.currentIndex() == tab:
            self._waiting_tabs.pop(tab, None)
            load()
        else:
            self._waiting_tabs[tab] = load

    def _load_waiting_tab(self, index: int) -> None:
        load = self._waiting_tabs.pop(index, None)
        if load is not None:
            load()

    def load_timeline(self) -> None:
        if self.family is None:
            return
        entries = family_timeline(self.store, family_id=self.family.id, theme=self.theme_filter.currentData() or None)
        self.timeline_model.set_entries(entries)
        self.empty_timeline.setVisible(not entries)

    def select_entry(self, entry_id: str) -> bool:
        row = self.timeline_model.row_of(entry_id)
        if row < 0:
            return False
        self.tabs.setCurrentIndex(0)
        self.timeline.select_row(row)
        self.timeline.setFocus()
        return True

    def selected_entry(self) -> TimelineEntry | None:
        chosen = self.timeline.selectionModel().selectedIndexes()
        row = self.timeline_model.row_at(chosen[0].row()) if chosen else None
        return row.entry if row is not None else None

    # -- actions -------------------------------------------------------------------------------
    def log_contact(self) -> None:
        if self.family is None:
            return
        dialog = QuickLogDialog(self.store, self, family_id=self.family.id)
        if dialog.exec():
            self.after_change()
            if dialog.result_contact:
                self.select_entry(dialog.result_contact.id)

    def referral_dialog(self) -> NewReferralDialog:
        assert self.family is not None
        return NewReferralDialog(self.store, self, family_id=self.family.id)

    def refer(self) -> None:
        """Doorverwijzen from the family: the family is chosen already; the timeline shows the result."""
        if self.family is None:
            return
        dialog = self.referral_dialog()
        if dialog.exec() and dialog.created_id:
            self.after_change()
            self.select_entry(dialog.created_id)
            self.status_message.emit(_("Referral saved; the check date is in Follow-up."))

    def edit_selected(self) -> None:
        entry = self.selected_entry()
        if entry is not None and entry.kind in ("referral", "meeting"):
            self.open_elsewhere(entry)
            return
        if entry is None or entry.kind != "contact":
            return
        dialog = QuickLogDialog(self.store, self, contact_id=entry.id)
        if dialog.exec():
            self.after_change()
            self.select_entry(entry.id)

    def open_elsewhere(self, entry: TimelineEntry) -> None:
        """A referral or meeting on the timeline opens on its own page, as a search hit would."""
        window = self.window()
        show_section = getattr(window, "show_section", None)
        if show_section is None or self.family is None:
            return
        page = show_section("referrals" if entry.kind == "referral" else "meetings")
        opener = getattr(page, "show_record", None)
        if opener is not None:
            opener(entry.kind, entry.id, self.family.id)

    def delete_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None or entry.kind != "contact":
            return
        delete_contact(self.store, contact_id=entry.id)
        self._deleted_contact = entry.id
        self.undo_label.setText(_("Contact moment of {when} deleted.").format(when=when_text(entry.at)))
        self.undo_bar.show()
        self.status_message.emit(_("Contact moment deleted. Ctrl+Z brings it back."))
        self.after_change(keep_undo=True)

    def undo_delete(self) -> None:
        if not self._deleted_contact:
            return
        restore_contact(self.store, contact_id=self._deleted_contact)
        restored, self._deleted_contact = self._deleted_contact, ""
        self.undo_bar.hide()
        self.status_message.emit(_("Contact moment restored."))
        self.after_change()
        self.select_entry(restored)

    def edit_family(self) -> None:
        if self.family and FamilyDialog(self.store, self, family=self.family).exec():
            self.after_change()

    def add_member(self) -> None:
        if self.family and MemberDialog(self.store, self, family_id=self.family.id).exec():
            self.after_change()

    def _chosen_member(self) -> object:
        index = self.members.currentIndex()
        return self.member_model.row_at(index.row()) if index.isValid() else None

    def edit_member(self) -> None:
        member = self._chosen_member()
        if self.family and member and MemberDialog(self.store, self, family_id=self.family.id,
                                                   member=member).exec():  # type: ignore[arg-type]
            self.after_change()

    def remove_member(self) -> None:
        member = self._chosen_member()
        if not member:
            return
        answer = QMessageBox.question(
            self, _("Remove member"),
            _("Remove {name} from this family? This cannot be undone.").format(name=member.full_name))  # type: ignore[attr-defined]
        if answer == QMessageBox.StandardButton.Yes:
            remove_member(self.store, member_id=member.id)  # type: ignore[attr-defined]
            self.after_change()

    def after_change(self, *, keep_undo: bool = False) -> None:
        if self.family is None:
            return
        pending = self._deleted_contact if keep_undo else ""
        self.show_family(self.family.id)
        self._deleted_contact = pending
        self.undo_bar.setVisible(bool(pending))
        self.changed.emit()
