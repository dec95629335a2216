"""The "Sociale kaart" page: who do I call for X in Y, in one search, with filters and a detail pane."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QWidget,
)

from brugapp.domain.clock import now_local
from brugapp.domain.kaart import CATEGORIES, COLOURS
from brugapp.domain.themes import THEMES
from brugapp.errors import NotFoundError, ValidationError
from brugapp.i18n import N_, _, format_number, ngettext
from brugapp.services.kaart.detail import get_service
from brugapp.services.kaart.edit import merge_services, save_service, set_colour, set_private_notes, verify_service
from brugapp.services.kaart.query import (
    KaartFilter,
    MapRest,
    ServiceSummary,
    first_services,
    list_services,
    prepare_search,
)
from brugapp.services.referrals.followups import contact_reachability, log_attempt
from brugapp.settings import load_settings
from brugapp.store import Store
from brugapp.ui.accessibility import name_line_edit_buttons
from brugapp.ui.kaart.detail import KaartDetail, contact_to_try
from brugapp.ui.kaart.legend import KaartLegend
from brugapp.ui.kaart.model import KaartColumns, KaartFilterProxy, KaartTableModel, colour_icon
from brugapp.ui.operations import Operation, run_operation
from brugapp.ui.shell.section_page import SectionPage
from brugapp.ui.widgets.empty_state import EmptyState
from brugapp.ui.widgets.freshness import ListFreshness
from brugapp.ui.widgets.table_view import Selection, record_table

if TYPE_CHECKING:
    from brugapp.services.kaart.export import ExportResult

FIRST_PAGE = 200  # services read on a first visit in list order; the rest when the list needs them
REST_AFTER_MS = 150  # after a first page is shown: a person reads it before typing
REST_PART = 300  # services read at a time while the page is idle (~15 ms: what a key pressed meanwhile waits)
LIST_ORDER = (None, (2, Qt.SortOrder.AscendingOrder))  # the model's sort that is list_services' own order
MY_REGION = "\x00my-region"  # the place box entry for the municipalities of "my region"
EXPORTS = (
    ("hsds", N_("HSDS data package (zip) …"), "zip"),
    ("json", N_("HSDS JSON …"), "json"),
    ("csv", N_("CSV for Excel …"), "csv"),
    ("vcard", N_("Contact persons as vCard …"), "vcf"),
    ("pdf", N_("Print a wegwijzer for parents (PDF) …"), "pdf"),
    ("pdf-school", N_("Print a wegwijzer for the school team (PDF) …"), "pdf"),
)


class KaartPage(SectionPage):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.set_titles(_("Social map"), _("Who do I call for what, where? Type for example “debts Kortrijk”."))
        self.now_override: dt.datetime | None = None  # tests pin the clock
        self.operation: Operation[ExportResult] | None = None  # the export running now, if any
        self._loaded = False
        self._rest: MapRest | None = None  # the services after the first page
        self._in_parts = False  # the idle reader asks the model for one part of the rest at a time
        self._folded = 0  # the rows whose search words are folded (read_rest), in the model's order
        self._total = 0  # services on the whole map
        self._places: set[str] = set()  # every place the map names (the place filter's choices)
        self._freshness = ListFreshness(store)
        self._shown_at: dt.datetime | None = None  # the minute the list was last shown at
        self._build_header_buttons()
        self._build_filters()
        self.model = KaartTableModel(self)
        self.proxy = KaartFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        # Built from the outside in, each widget made inside its parent: a finished subtree moved into the page
        # is polished again, widget by widget (``brugapp bench``: "page Sociale kaart: first visit").
        splitter = self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.body.addWidget(splitter, 1)
        # a splitter takes in its children as they are made: the list, then the detail pane
        self.table = record_table(self.proxy, _("Services"), selection=Selection.ExtendedSelection, parent=splitter)
        self.table.setObjectName("KaartTable")
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.columns = KaartColumns.install(self.table)  # the name stretches, the rest fits: no scrollbar
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(lambda _index: self.edit(self.current_id()))  # Enter or double-click
        self.detail = KaartDetail(splitter)
        self.detail.verify_requested.connect(self.verify)
        self.detail.edit_requested.connect(self.edit)
        self.detail.merge_requested.connect(self.merge)
        self.detail.colour_chosen.connect(self._set_colour)
        self.detail.notes_saved.connect(self._save_notes)
        self.detail.attempt_logged.connect(self.log_attempt)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([660, 430])
        self.legend = KaartLegend(self)
        self.body.addWidget(self.legend)
        self.empty_map: EmptyState | None = None  # made when a map without any service is first shown
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(60)
        self._filter_timer.timeout.connect(self.apply_filters)
        # The rest of the map is read while the person looks at the first page, so the first letter typed only
        # filters; not when the page was left meanwhile (the page then shown is not held up by it)
        self._rest_timer = QTimer(self)
        self._rest_timer.setSingleShot(True)
        self._rest_timer.setInterval(REST_AFTER_MS)
        self._rest_timer.timeout.connect(self.read_rest)

    # -- building ---------------------------------------------------------------------------
    def _build_header_buttons(self) -> None:
        # Made in the order they stand (Tab follows the order widgets are made in their parent)
        self.import_button = QPushButton(_("Import …"), self)
        self.import_button.setAccessibleName(_("Import services from a file"))
        self.import_button.clicked.connect(self.import_file)
        self.export_button = QPushButton(_("Export / print"), self)
        self.export_button.setAccessibleName(_("Export or print the social map"))
        menu = QMenu(self.export_button)
        for code, label, suffix in EXPORTS:
            action = menu.addAction(_(label))
            action.triggered.connect(lambda _checked=False, c=code, s=suffix: self.export(c, s))
        self.export_button.setMenu(menu)
        self.new_button = QPushButton(_("New service"), self)
        self.new_button.setObjectName("Primary")
        self.new_button.setAccessibleName(_("Add a new service"))
        self.new_button.clicked.connect(lambda: self.edit(""))
        for widget in (self.import_button, self.export_button, self.new_button):
            self.header.addWidget(widget, 0, Qt.AlignmentFlag.AlignTop)

    def _build_filters(self) -> None:
        self.search = QLineEdit(self)
        self.search.setObjectName("KaartSearch")
        self.search.setPlaceholderText(_("Who do I call for … in …?  e.g. debts Kortrijk, crisis, homework"))
        self.search.setAccessibleName(_("Search services"))
        self.search.setClearButtonEnabled(True)
        name_line_edit_buttons(self.search)
        self.search.textChanged.connect(lambda _text: self._filter_timer.start())
        search_row = QHBoxLayout()
        search_row.setSpacing(12)
        search_row.addWidget(self.search, 1)
        self.body.addLayout(search_row)
        # the checkboxes beside the search, made before the boxes of the row below it: Tab reads the rows in order
        self.open_now = QCheckBox(_("&Open now"), self)
        self.open_now.setAccessibleName(_("Only services reachable now"))
        self.after_hours = QCheckBox(_("&After hours"), self)
        self.after_hours.setAccessibleName(_("Only services reachable after hours"))
        self.stale = QCheckBox(_("Not verified > 12 months"), self)
        self.stale.setAccessibleName(_("Only services not verified for more than 12 months"))

        row = QHBoxLayout()
        row.setSpacing(8)
        self.category_box = QComboBox(self)
        self.category_box.setAccessibleName(_("Theme or category"))
        self.category_box.addItem(_("All themes and categories"), "")
        for term in CATEGORIES:
            self.category_box.addItem(term.text(), term.code)
        self.category_box.insertSeparator(self.category_box.count())
        for term in THEMES.top_level():
            self.category_box.addItem(_("Theme: {theme}").format(theme=term.text()), f"theme:{term.code}")
        self.place_box = QComboBox(self)
        self.place_box.setAccessibleName(_("Municipality"))
        self.colour_box = QComboBox(self)
        self.colour_box.setAccessibleName(_("Neighbourhood colour"))
        self.colour_box.addItem(_("All colours"), "")
        for term in COLOURS:
            self.colour_box.addItem(colour_icon(term.code), term.text(), term.code)
        self.colour_box.addItem(colour_icon(""), _("No colour yet"), "none")
        for combo, chars in ((self.category_box, 22), (self.place_box, 12), (self.colour_box, 12)):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(chars)
            combo.currentIndexChanged.connect(self.apply_filters)
            row.addWidget(combo)
        for box in (self.open_now, self.after_hours, self.stale):
            box.toggled.connect(self.apply_filters)
            search_row.addWidget(box)
        row.addStretch(1)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("Hint")
        row.addWidget(self.count_label)
        self.body.addLayout(row)

    # -- data -------------------------------------------------------------------------------
    def now(self) -> dt.datetime:
        return self.now_override or now_local().replace(tzinfo=None)

    def refresh(self) -> None:
        now = self.now()
        region = load_settings().region_municipalities
        read = self._freshness.stale(tuple(region))
        minute = now.replace(second=0, microsecond=0)
        if not read and minute == self._shown_at:
            return  # nothing saved, same minute: "call now" and the filters show what they showed
        selected = self.current_id()
        try:
            # not read: nothing saved, but the clock moved on: the rows in memory, shown at the new moment
            rows = self._read_map() if read else self.model.rows
        except BaseException:
            self._freshness.forget()
            raise
        self._shown_at = minute
        self._fill_places(self._places, region)
        # The rows are filtered once, as they are set, on what the filters now say (``apply_filters`` then finds
        # the same criteria and only counts and chooses)
        self.proxy.criteria = criteria = self.criteria()
        more = self._more if self._rest is not None and (read or self.model.canFetchMore()) else None
        if more is not None and not criteria.filters_nothing():  # "my region" from the start: the whole map
            rows, more = [*rows, *self._more(len(rows))], None
        self.model.set_rows(rows, now=now, more=more)
        self._folded = 0
        self._loaded = True
        self._show_empty_map(self._total == 0)
        self.apply_filters()
        if selected:
            self.select(selected)
        self._rest_timer.start(REST_AFTER_MS)

    def _show_empty_map(self, empty: bool) -> None:
        """A map without any service yet: the first step (import the region's services, or add one) instead of
        an empty list, its filters and its legend."""
        if empty and self.empty_map is None:
            self.empty_map = EmptyState(
                icon_name="map", title=_("Your social map is still empty"),
                text=_("Import the services of your region: an HSDS data package or a list from Excel (.xlsx or "
                       "CSV). Or add a service yourself with “New service”. Everything stays on this laptop."),
                action_text=_("Import …"), parent=self)
            self.empty_map.action_clicked.connect(self.import_file)
            self.body.addWidget(self.empty_map, 1)
        if self.empty_map is not None:
            self.empty_map.setVisible(empty)
        for widget in (self.splitter, self.legend, self.search, self.open_now, self.after_hours, self.stale,
                       self.category_box, self.place_box, self.colour_box, self.count_label):
            widget.setVisible(not empty)

    def read_rest(self) -> None:
        """While the page is shown and idle, one step at a time: the search words of a part of the rows folded
        (``prepare_search``), or the next part of the services after the first page read. A key pressed meanwhile
        waits for one step (~15 ms), not for the whole map, and the first letter typed only filters."""
        if not self.isVisible():
            return
        rows = self.model.rows
        if self._folded < len(rows):
            prepare_search(rows[self._folded:self._folded + REST_PART])
            self._folded = min(len(rows), self._folded + REST_PART)
        elif self.model.canFetchMore():
            self._in_parts = True
            try:
                self.model.fetchMore()
            finally:
                self._in_parts = False
            if not self.model.canFetchMore():
                self.apply_filters()
        else:
            return
        self._rest_timer.start(0)  # the next step once what the person did meanwhile is handled

    def _more(self, _offset: int) -> list[ServiceSummary]:
        """The model's next rows: a part while idle, else all that is left in one read (the list scrolled to its
        end, searched, filtered, sorted otherwise, exported; ``fetch_all`` then reads once)."""
        rest = self._rest
        if rest is None:
            return []
        if not self._in_parts:
            return rest.everything()
        while not rest.done:
            part = rest.next_part()
            if part:  # (a part of services deleted since is empty: read on)
                return part
        return []

    def _read_map(self) -> list[ServiceSummary]:
        """The whole map, or in the list's own order its first page and the rest when the list needs it (scrolled
        to its end, filtered, sorted otherwise, searched): a first visit reads 200 services, not 2,000."""
        if self.model.key_order not in LIST_ORDER:
            rows = list_services(self.store)
            self._rest, self._total = None, len(rows)
            self._places = {place for row in rows for place in row.municipalities}
            return rows
        page = first_services(self.store, count=FIRST_PAGE)
        self._total, self._places = page.total, page.places
        self._rest = MapRest(self.store, page, part=REST_PART) if page.rest else None
        return page.services

    def _fill_places(self, places: set[str], region: list[str]) -> None:
        # The first fill starts on "my region" (settings, first-run wizard) when there is one.
        current_place = (self.place_box.currentData() or "") if self._loaded else MY_REGION
        self.place_box.blockSignals(True)
        self.place_box.clear()
        self.place_box.addItem(_("All municipalities"), "")
        if region:
            self.place_box.addItem(_("My region: {places}").format(places=", ".join(region)), MY_REGION)
            self.place_box.setItemData(1, tuple(region), Qt.ItemDataRole.UserRole + 1)
        for place in sorted(places):
            self.place_box.addItem(place, place)
        self.place_box.setCurrentIndex(max(0, self.place_box.findData(current_place)))
        self.place_box.blockSignals(False)

    def criteria(self) -> KaartFilter:
        now = self.now()
        place = self.place_box.currentData() or ""
        region = tuple(self.place_box.currentData(Qt.ItemDataRole.UserRole + 1) or ()) if place == MY_REGION else ()
        return KaartFilter(
            text=self.search.text(), category=self.category_box.currentData() or "",
            municipality=place if place != MY_REGION else "", municipalities=region,
            colour=self.colour_box.currentData() or "",
            open_at=now if self.open_now.isChecked() else None, after_hours=self.after_hours.isChecked(),
            stale_only=self.stale.isChecked(), today=now.date(),
        )

    def apply_filters(self) -> None:
        criteria = self.criteria()
        if not criteria.filters_nothing():
            self.model.fetch_all()  # a filter looks at every service, not the first page
        self.proxy.set_criteria(criteria)
        complete = not self.model.canFetchMore()
        total = self.model.rowCount() if complete else self._total
        shown = self.proxy.rowCount() if complete else total  # nothing filtered: every service is in the list
        self.count_label.setText(ngettext("{shown} of {total} service", "{shown} of {total} services", total).format(
            shown=format_number(shown), total=format_number(total)))
        if shown and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        elif not shown:
            self.detail.show_detail(None)

    def visible_summaries(self) -> list[ServiceSummary]:
        self.model.fetch_all()  # what is printed or exported is the whole list, not its first page
        return [self.model.rows[self.proxy.mapToSource(self.proxy.index(r, 0)).row()]
                for r in range(self.proxy.rowCount())]

    def current_id(self) -> str:
        index = self.table.currentIndex()
        if not index.isValid():
            return ""
        return self.model.rows[self.proxy.mapToSource(index).row()].id

    def selected_ids(self) -> list[str]:
        rows = {self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows()}
        return [self.model.rows[r].id for r in sorted(rows)]

    def select(self, service_id: str) -> bool:
        row = self.model.row_of(service_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():  # filtered out: clear the filters so the record can be shown
            self.clear_filters()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.setCurrentIndex(index)
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def clear_filters(self) -> None:
        for widget in (self.category_box, self.place_box, self.colour_box, self.open_now, self.after_hours,
                       self.stale, self.search):
            widget.blockSignals(True)
        self.search.clear()
        for combo in (self.category_box, self.place_box, self.colour_box):
            combo.setCurrentIndex(0)
        for box in (self.open_now, self.after_hours, self.stale):
            box.setChecked(False)
        for widget in (self.category_box, self.place_box, self.colour_box, self.open_now, self.after_hours,
                       self.stale, self.search):
            widget.blockSignals(False)
        self.apply_filters()

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        service_id = self.current_id()
        if not service_id:
            rows = self.table.selectionModel().selectedRows()
            service_id = self.model.rows[self.proxy.mapToSource(rows[0]).row()].id if rows else ""
        self.show_service(service_id)

    def show_service(self, service_id: str) -> None:
        if not service_id:
            self.detail.show_detail(None)
            return
        try:
            detail = get_service(self.store, service_id=service_id)
        except NotFoundError:
            self.detail.show_detail(None)
            return
        self.detail.show_detail(detail, now=self.now())
        person = contact_to_try(detail)
        self.detail.show_reachability(contact_reachability(self.store, contact_id=person.id) if person else None)

    def show_record(self, kind: str, uuid: str, family_uuid: str = "") -> None:
        """Opened from the global search: a service, or the first service of an organisation."""
        if not self._loaded:
            self.refresh()
        if kind == "organization":
            row = self.model.fetch_until(lambda summary: summary.organization_id == uuid)
            if row < 0:
                return
            uuid = self.model.rows[row].id
        if self.select(uuid):
            self.table.setFocus()

    def focus_search(self) -> bool:
        """False when the map is empty: no search field then (Ctrl+F searches everywhere instead)."""
        if self.search.isHidden():
            return False
        self.search.setFocus()
        self.search.selectAll()
        return True

    # -- actions ----------------------------------------------------------------------------
    def verify(self, service_id: str) -> None:
        verify_service(self.store, service_id=service_id, today=self.now().date())
        self.refresh()

    def log_attempt(self, contact_id: str, channel: str, answered: bool) -> None:
        """One click from the contact card: the try is logged and the card says at once where it stands."""
        log_attempt(self.store, channel=channel, answered=answered, contact_id=contact_id)
        reach = contact_reachability(self.store, contact_id=contact_id)
        self.detail.show_reachability(reach)
        self._status(_("Attempt logged for {name}.").format(name=reach.contact_name))

    def _set_colour(self, organization_id: str, colour: str) -> None:
        set_colour(self.store, organization_id=organization_id, colour=colour)
        self.refresh()

    def _save_notes(self, service_id: str, notes: str) -> None:
        set_private_notes(self.store, service_id=service_id, notes=notes)
        self._status(_("Your notes are saved."))

    def edit(self, service_id: str) -> None:
        from brugapp.ui.kaart.dialogs import ServiceDialog  # start-up time: loaded when first opened

        detail = get_service(self.store, service_id=service_id) if service_id else None
        dialog = ServiceDialog(detail, self)
        while dialog.exec():
            data = dialog.value()
            if data is None:
                return
            try:
                new_id = save_service(self.store, service_id=service_id or None, data=data)
            except ValidationError as exc:
                dialog.show_error(exc)
                continue
            self.refresh()
            self.select(new_id)
            return

    def merge(self, service_id: str) -> None:
        from brugapp.ui.kaart.dialogs import MergeDialog  # start-up time: loaded when first opened

        self.model.fetch_all()  # the duplicate may be any service of the map
        keep = next((s for s in self.model.rows if s.id == service_id), None)
        if keep is None:
            return
        dialog = MergeDialog(keep, self.model.rows, self)
        if dialog.exec() and dialog.chosen:
            merge_services(self.store, keep_id=service_id, duplicate_id=dialog.chosen)
            self.refresh()
            self.select(service_id)
            self._status(_("The duplicate is merged."))

    def import_file(self) -> None:
        # start-up time: the import code (HSDS, spreadsheets) loads only when a file is imported
        from brugapp.services.kaart.importing import preview_import
        from brugapp.ui.kaart.import_dialog import ImportDialog

        name, _filter = QFileDialog.getOpenFileName(
            self, _("Import into the social map"), "",
            _("Social map files (*.csv *.xlsx *.zip *.json);;All files (*)"))
        if not name:
            return
        try:
            preview = preview_import(path=Path(name))
        except ValidationError as exc:
            QMessageBox.warning(self, _("Import"), exc.message)
            return
        dialog = ImportDialog(self.store, Path(name), preview, self)
        if dialog.exec() and dialog.result is not None:
            self.refresh()
            self._status(_("Imported: {created} new, {updated} updated services.").format(
                created=dialog.result.created, updated=dialog.result.updated))

    def export(self, code: str, suffix: str, path: Path | None = None) -> Operation[ExportResult] | None:
        """Export off the GUI thread; returns the running operation (the status bar says where it went)."""
        from brugapp.services.kaart.export import export_kaart  # start-up time: loaded on the first export

        if path is None:
            name, _filter = QFileDialog.getSaveFileName(self, _("Export the social map"), f"sociale-kaart.{suffix}")
            if not name:
                return None
            path = Path(name)
        chosen = self.selected_ids() if code.startswith("pdf") and len(self.selected_ids()) > 1 else None
        if code.startswith("pdf") and chosen is None:
            chosen = [s.id for s in self.visible_summaries()]
        store, out, kind = self.store, path, code.split("-")[0]
        audience = "school" if code == "pdf-school" else "parents"

        def on_done(result: ExportResult) -> None:
            self._status(ngettext("Exported {count} record to {path}", "Exported {count} records to {path}",
                                  result.count).format(count=format_number(result.count), path=result.path))

        # The guide follows the page's filter: the municipality and theme chosen there name it on paper.
        # Read on the GUI thread, before the work goes to the worker thread.
        category, place = self.category_box.currentData() or "", self.place_box.currentData() or ""
        theme = category[6:] if category.startswith("theme:") else ""

        def work() -> ExportResult:
            if kind != "pdf":
                return export_kaart(store, out=out, format=kind, service_ids=chosen, audience=audience)
            from brugapp.services.kaart.wegwijzer import export_wegwijzer  # start-up time: reportlab, on first use

            return export_wegwijzer(store, out=out, audience=audience, service_ids=chosen, municipality=place,
                                    theme=theme)

        self.operation = run_operation(self, label=_("Exporting …"), work=work, on_done=on_done)
        return self.operation

    def _status(self, text: str) -> None:
        self.show_status(text, 6000)
