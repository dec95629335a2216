"""The Families page: a searchable list (model/view, up to 10,000 families) and the chosen family."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from brugapp.domain.clock import local_date
from brugapp.domain.folding import fold
from brugapp.domain.notebook import LANGUAGES
from brugapp.i18n import N_, _, format_date, format_number, ngettext
from brugapp.services.families.families import (
    FamilySummary,
    family_summaries,
    list_families,
    list_family_names,
)
from brugapp.services.families.notebook import count_anonymous_contacts
from brugapp.store import Store
from brugapp.ui.accessibility import name_line_edit_buttons
from brugapp.ui.families.dialogs import FamilyDialog
from brugapp.ui.families.family_view import FamilyView
from brugapp.ui.families.quick_log import QuickLogDialog
from brugapp.ui.families.school_view import SchoolView
from brugapp.ui.shell.section_page import SectionPage
from brugapp.ui.today.anonymous_contacts import AnonymousContactsDialog
from brugapp.ui.widgets.empty_state import EmptyState
from brugapp.ui.widgets.freshness import ListFreshness
from brugapp.ui.widgets.roles import ID_ROLE
from brugapp.ui.widgets.step_aside import StepAsideColumns
from brugapp.ui.widgets.table_model import Column, RecordTableModel
from brugapp.ui.widgets.table_view import record_table

FAMILY_HEADERS = (N_("Family"), N_("Children"), N_("Last contact"))
PAGE_ROWS = 200  # whole rows read at once; the next 200 when the list is scrolled to its end


def _name_tip(family: FamilySummary) -> str:
    """The whole name, also when the column cuts it, and the language to speak with the family."""
    language = LANGUAGES.label(family.preferred_language)
    language = f"{language} · {_('interpreter')}" if family.interpreter_needed else language
    return f"{family.display_name}\n{language}"


def _last_contact(family: FamilySummary) -> float:
    return family.last_contact.timestamp() if family.last_contact else 0.0


def family_model(parent: QWidget | None = None) -> RecordTableModel[FamilySummary]:
    """Names sorted in the model with ``QCollator`` (see ``RecordTableModel``): 10,000 families in milliseconds."""
    name, children, last_contact = (_(header) for header in FAMILY_HEADERS)
    return RecordTableModel([
        Column(name, lambda f: f.display_name, tooltip=_name_tip),
        Column(children, lambda f: str(f.children) if f.children else "", sort=lambda f: f.children),
        Column(last_contact, lambda f: format_date(local_date(f.last_contact), "d MMM y") if f.last_contact else "",
               sort=_last_contact),
    ], parent=parent, sort_in_model=True)


class FamilyFilterModel(QSortFilterProxyModel):
    """Accent-insensitive filter on the name. Sorting is left to the source model (see ``sort``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._folded: list[str] | None = None  # the names folded once per list, not once per keystroke

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        super().setSourceModel(model)
        model.modelAboutToBeReset.connect(self._forget_names)  # before the proxy filters the new rows
        model.rowsAboutToBeInserted.connect(self._forget_names)  # the next page of the list

    def _forget_names(self) -> None:
        self._folded = None

    def set_needle(self, text: str) -> None:
        self._needle = fold(text.strip())
        if self._needle:  # the filter covers every family, not the first page
            model: RecordTableModel[FamilySummary] = self.sourceModel()  # type: ignore[assignment]
            model.fetch_all()
        self.invalidate()

    def filtering(self) -> bool:
        return bool(self._needle)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._needle:
            return True
        if self._folded is None:
            model: RecordTableModel[FamilySummary] = self.sourceModel()  # type: ignore[assignment]
            self._folded = [fold(family.display_name) for family in model.rows]
        return self._needle in self._folded[source_row]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # A Python lessThan would be called ~10^5 times for 10,000 families (seconds); sorting the
        # source list once with QCollator takes a few milliseconds.
        self.sourceModel().sort(column, order)


NAME_LEAST = 190  # px: "Gezin Al-Hassan (Fatma)", enough to tell two families apart


class FamiliesPage(SectionPage):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.set_titles(_("Families"), _("Everyone you work with, their school and the whole timeline of contacts."))
        self.new_button = QPushButton(_("New family"))
        self.new_button.setObjectName("Primary")
        self.new_button.setAccessibleName(_("New family"))
        self.new_button.clicked.connect(self.new_family)
        self.anonymous_button = QPushButton()
        self.anonymous_button.setAccessibleName(_("Anonymous contacts to link to a family"))
        self.anonymous_button.clicked.connect(self.show_anonymous)
        self.rights_button = QPushButton(_("Rights and consent …"))
        self.rights_button.setAccessibleName(_("Families that miss a benefit, and who may hear about them"))
        self.rights_button.clicked.connect(self.show_rights_overview)
        self.header.addWidget(self.rights_button, 0, Qt.AlignmentFlag.AlignTop)
        self.header.addWidget(self.anonymous_button, 0, Qt.AlignmentFlag.AlignTop)
        self.header.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignTop)

        self.filter = QLineEdit()
        self.filter.setPlaceholderText(_("Filter by name …"))
        self.filter.setAccessibleName(_("Filter families by name"))
        self.filter.setClearButtonEnabled(True)
        name_line_edit_buttons(self.filter)
        self.model = family_model(self)
        self._freshness = ListFreshness(store)
        self.proxy = FamilyFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.filter.textChanged.connect(self.proxy.set_needle)
        self.table = record_table(self.proxy, _("Families"), grid=False)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Fixed (ResizeToContents would read all 10,000 rows), just wide enough for the header and a date,
        # so the family name keeps the room.
        bold = QFont(self.table.font())
        bold.setBold(True)  # the header is bold (theme style sheet), with 6 px padding each side
        header_width = QFontMetrics(bold).horizontalAdvance
        date_width = self.table.fontMetrics().horizontalAdvance(format_date(dt.date(2026, 11, 30), "d MMM y")) + 16
        # Beside an opened family on a small screen the children, then the last contact, step aside for the name
        self.columns = StepAsideColumns(self.table, least=NAME_LEAST, order=(1, 2))
        for column, width in ((1, header_width(_(FAMILY_HEADERS[1])) + 18),
                              (2, max(header_width(_(FAMILY_HEADERS[2])) + 18, date_width))):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.columns.set_width(column, width)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.filter.returnPressed.connect(self._open_first)
        self.count_label = QLabel()
        self.count_label.setObjectName("Hint")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filter)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)

        self.detail = QStackedWidget()
        self.placeholder = EmptyState(
            icon_name="families", title=_("Choose a family"),
            text=_("Pick a family on the left to see its timeline, members and rights check, or make a new one."),
            action_text=_("New family"))
        self.placeholder.action_clicked.connect(self.new_family)
        self.no_families = EmptyState(
            icon_name="families", title=_("No families yet"),
            text=_("Start with a quick note (Ctrl+N) – a family can come later – or add the first family now."),
            action_text=_("New family"))
        self.no_families.action_clicked.connect(self.new_family)
        # The family and school views are built when a family or school is first opened (half the page's
        # widgets, ~50 ms a first visit did not need).
        self._family_view: FamilyView | None = None
        self._school_view: SchoolView | None = None
        for widget in (self.placeholder, self.no_families):
            self.detail.addWidget(widget)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setSizes([470, 650])  # room for a long family name ("Gezin Al-Hassan (Fatma)") beside two columns
        splitter.setChildrenCollapsible(False)
        self.body.addWidget(splitter, 1)

    @property
    def family_view(self) -> FamilyView:
        if self._family_view is None:
            self._family_view = FamilyView(self.store)
            self._family_view.changed.connect(self._reload_keep_selection)
            self._family_view.status_message.connect(self._status)
            self.detail.addWidget(self._family_view)
        return self._family_view

    @property
    def school_view(self) -> SchoolView:
        if self._school_view is None:
            self._school_view = SchoolView(self.store)
            self.detail.addWidget(self._school_view)
        return self._school_view

    def _open_family_id(self) -> str:
        view = self._family_view
        return view.family.id if view is not None and view.family else ""

    # -- data ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        if not self._freshness.stale():
            return  # nothing saved since the list was read: what is shown (list, open family) is current
        try:
            self._read_list()
        except BaseException:
            self._freshness.forget()
            raise
        current = self._open_family_id()
        count = self.model.rowCount()  # 0 only when there is no family at all (a first page is never empty)
        shown = self.detail.currentWidget()
        if current and shown is self._family_view:
            self.select_family(current)
        elif self._school_view is None or shown is not self._school_view:
            self.detail.setCurrentWidget(self.placeholder if count else self.no_families)

    def _read_list(self) -> None:
        """The families and the anonymous contacts, read from the store.

        In name order (the usual one) every name is read, but only the first 200 are put in order and read
        whole (children, last contact); the rest is put in order when the list is scrolled to its end (the next
        200 read then), or before a filter or another order (``FamilyFilterModel``, ``RecordTableModel.sort``)."""
        names = list_family_names(self.store)
        first = self.model.first_by_name(names, PAGE_ROWS)
        if first is None:  # sorted on children or last contact: every row is needed to order them
            self.model.set_rows(list_families(self.store))
        else:
            first_page, direction = first, self.model.name_direction()
            order: list[str] = []  # the whole order, made when the list is scrolled past the first page

            def page(offset: int) -> list[FamilySummary]:
                if not offset:
                    return family_summaries(self.store, first_page)
                if not order:  # in the order of the first page, also when a sort asks for every row
                    order.extend(self.model.name_order(names, order=direction) or ())
                return family_summaries(self.store, order[offset:offset + PAGE_ROWS])

            self.model.set_rows(page(0), more=page if len(names) > PAGE_ROWS else None)
            if self.proxy.filtering():  # a filter still typed in covers every family, not the first page
                self.model.fetch_all()
        count = len(names)
        self.count_label.setText(ngettext("{count} family", "{count} families", count).format(
            count=format_number(count)))
        anonymous = count_anonymous_contacts(self.store)
        self.anonymous_button.setText(_("Anonymous contacts: {count}").format(count=format_number(anonymous)))
        self.anonymous_button.setVisible(bool(anonymous))

    def _reload_keep_selection(self) -> None:
        current = self._open_family_id()
        self._freshness.stale()  # the family view saved: read now, and remember it was read
        self._read_list()
        self._select_row(current)

    def _select_row(self, family_id: str) -> bool:
        source_row = self.model.row_of(family_id)
        index = self.proxy.mapFromSource(self.model.index(source_row, 0)) if source_row >= 0 else QModelIndex()
        if not index.isValid():  # not in the list, or hidden by the filter
            return False
        self.table.selectionModel().blockSignals(True)
        self.table.selectRow(index.row())
        self.table.selectionModel().blockSignals(False)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        # A page that was only just shown has no laid-out viewport yet: scroll again once it has.
        target = QPersistentModelIndex(index)
        QTimer.singleShot(0, self.table, lambda t=target: self._scroll_to(t))
        return True

    def _scroll_to(self, target: QPersistentModelIndex) -> None:
        if target.isValid():
            self.table.scrollTo(self.proxy.index(target.row(), 0), QAbstractItemView.ScrollHint.PositionAtCenter)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.open_family(current.data(ID_ROLE))

    def _open_first(self) -> None:
        if self.proxy.rowCount():
            self.table.selectRow(0)
            self.table.setFocus()

    def _status(self, text: str) -> None:
        self.show_status(text, 10000)

    # -- opening -------------------------------------------------------------------------------
    def open_family(self, family_id: str) -> None:
        self.family_view.show_family(family_id)
        self.detail.setCurrentWidget(self.family_view)

    def select_family(self, family_id: str) -> None:
        if not self._select_row(family_id):
            self.filter.clear()
            self._select_row(family_id)
        self.open_family(family_id)

    def show_record(self, kind: str, uuid: str, family_uuid: str) -> None:
        """Open a global-search hit: the family (and the contact in its timeline), or a school."""
        if kind in ("school", "school_contact"):
            self.school_view.show_school(uuid if kind == "school" else "", contact_id=uuid)
            self.detail.setCurrentWidget(self.school_view)
            return
        if not family_uuid:
            if kind == "contact":
                self.open_anonymous_contact(uuid)
            return
        self.refresh()
        self.select_family(family_uuid)
        if kind == "contact":
            self.family_view.select_entry(uuid)

    def open_anonymous_contact(self, contact_id: str) -> None:
        """An anonymous contact opens in the editor, where choosing a family links it."""
        dialog = QuickLogDialog(self.store, self, contact_id=contact_id)
        if dialog.exec() and dialog.result_contact and dialog.result_contact.family_id:
            self.refresh()
            self.select_family(dialog.result_contact.family_id)
            self.family_view.select_entry(contact_id)

    def show_anonymous(self) -> None:
        dialog = AnonymousContactsDialog(self.store, self)
        dialog.exec()
        self.refresh()
        if dialog.linked_family:
            self.select_family(dialog.linked_family)

    def show_rights_overview(self) -> QWidget:
        from brugapp.ui.families.rights_overview_dialog import RightsOverviewDialog  # start-up time: on first use

        dialog = RightsOverviewDialog(self.store, self)
        dialog.open()
        return dialog

    def new_family(self) -> None:
        dialog = FamilyDialog(self.store, self)
        if dialog.exec() and dialog.result_family:
            self.refresh()
            self.select_family(dialog.result_family.id)
