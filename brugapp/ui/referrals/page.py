"""*Doorverwijzingen*: the list with status and next check; the chosen one with its history, the
status steps it allows, and the family's consent."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from brugapp.domain.clock import BRUSSELS
from brugapp.domain.referrals import (
    ACTION_LABELS,
    EVENT_KINDS,
    INTENSITIES,
    OUTCOMES,
    STATUSES,
    EventKind,
    is_closed,
    no_show_advice,
)
from brugapp.domain.themes import THEMES
from brugapp.i18n import _, format_date, format_datetime, ngettext
from brugapp.services.referrals.followups import contact_reachability
from brugapp.services.referrals.referrals import (
    ReferralDetail,
    ReferralView,
    get_referral,
    list_referrals,
    record_no_show,
    short_service_label,
)
from brugapp.store import Store
from brugapp.ui.families.consent_panel import ConsentPanel
from brugapp.ui.followups.page import AttemptDialog
from brugapp.ui.referrals.dialogs import FeedbackDialog, NewReferralDialog, PrintSheetDialog, StatusDialog
from brugapp.ui.shell.section_page import SectionPage
from brugapp.ui.style import DANGER, MUTED
from brugapp.ui.widgets.empty_state import EmptyState
from brugapp.ui.widgets.fitting_scroll import FittingScrollArea
from brugapp.ui.widgets.freshness import ListFreshness
from brugapp.ui.widgets.glossary import explain
from brugapp.ui.widgets.table_model import Column, RecordTableModel
from brugapp.ui.widgets.table_sizes import fitted_widths
from brugapp.ui.widgets.table_view import record_table

LOCAL_ZONE = BRUSSELS  # the one time rule: domain/clock.py
PAGE_ROWS = 200  # rows read at once; the next 200 when the list is scrolled to its end
FITTED_COLUMNS = (0, 3)  # the family and the check date: as wide as their texts


def _status_text(view: ReferralView) -> str:
    text = STATUSES.label(view.status)
    if view.urgent and not is_closed(view.status):
        text = _("Urgent") + " · " + text
    if view.outcome:
        text += f" · {OUTCOMES.label(view.outcome)}"
    return text


def _check_text(view: ReferralView) -> str:
    return format_date(view.next_check, "EEE d MMM") if view.next_check else "–"


class ReferralsPage(SectionPage):
    fills_itself = True  # filled when built: the window does not fill it a second time on the first visit

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.set_titles(_("Referrals"), _("Warm referrals, the consent they rest on and the next check."))
        self.current: ReferralDetail | None = None
        self._freshness = ListFreshness(store)
        self.new_button = QPushButton(_("New referral"), self)
        self.new_button.setObjectName("Primary")
        self.new_button.setShortcut("Ctrl+Shift+R")
        self.new_button.setAccessibleName(_("New referral"))
        self.new_button.clicked.connect(self.new_referral)
        self.header.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignTop)

        self.filter_combo = QComboBox(self)
        self.filter_combo.setAccessibleName(_("Show"))
        self.filter_combo.addItem(_("Open referrals"), "open")
        self.filter_combo.addItem(_("All referrals"), "all")
        self.filter_combo.currentIndexChanged.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.filter_combo)
        top.addStretch(1)
        self.body.addLayout(top)

        self.model: RecordTableModel[ReferralView] = RecordTableModel([
            Column(_("Family"), lambda v: v.family_name),
            Column(_("Service"), lambda v: short_service_label(v.service_label)),
            Column(_("Status"), _status_text),
            Column(_("Check on"), _check_text),
        ], colour=lambda v: DANGER if v.urgent and not is_closed(v.status) else "")
        # Built from the outside in, each widget made inside its parent: a finished subtree moved into the page is
        # styled again, widget by widget (``brugapp bench``: "page Doorverwijzingen: first visit")
        self.splitter = QSplitter(self)
        self.body.addWidget(self.splitter, 1)
        self.table = record_table(self.model, _("Referrals"), grid=False, parent=self.splitter)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the service gets the room
        for column in FITTED_COLUMNS:  # fitted to the first rows when they are read (``_fit_columns``)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)  # a long status is cut; the tooltip has it
        header.resizeSection(2, 110)
        self._fitted: dict[int, int] = {}  # the fitted widths of FITTED_COLUMNS, before the family is capped
        self.table.viewport().installEventFilter(self)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        scroll = FittingScrollArea(self.splitter)  # its buttons are never cut: the list gives way
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.detail = self._build_detail(scroll.viewport())
        scroll.hold(self.detail)
        self.splitter.setSizes([560, 520])  # the list gets the room for a family and a service side by side
        self.empty = EmptyState(icon_name="referral", title=_("No referrals yet"),
                                text=_("Warm referrals to services, with their status, the consent they rest on "
                                       "and the next check."), action_text=_("New referral"))
        self.empty.action_clicked.connect(self.new_referral)
        self.body.addWidget(self.empty, 1)
        self.refresh()

    # -- building -------------------------------------------------------------------------
    def _build_detail(self, parent: QWidget) -> QWidget:
        panel = QWidget(parent)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(12, 0, 0, 0)
        layout.setSpacing(10)
        card = QFrame(panel)
        card.setObjectName("Card")
        inner = QVBoxLayout(card)
        inner.setContentsMargins(16, 12, 16, 12)
        self.detail_title = QLabel(card)
        self.detail_title.setObjectName("EmptyTitle")
        self.detail_title.setWordWrap(True)
        self.detail_sub = QLabel(card)
        self.detail_sub.setObjectName("Hint")
        self.detail_sub.setWordWrap(True)
        self.facts = QLabel(card)
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.advice = QLabel(card)
        self.advice.setWordWrap(True)
        self.advice.setObjectName("Warning")
        self.status_row = QGridLayout()
        self.status_row.setSpacing(6)
        self._step_buttons: list[QPushButton] = []
        more = QGridLayout()
        more.setSpacing(6)
        # made in the order they stand (Tab follows it): the title row first
        self.print_button = QPushButton(_("Print sheet …"), card)
        self.print_button.setAccessibleName(_("Print the referral sheet for a recipient"))
        self.print_button.clicked.connect(self.print_sheet)
        self.no_show_button = QPushButton(_("Missed appointment"), card)
        self.no_show_button.setAccessibleName(_("Log a missed appointment"))
        self.no_show_button.clicked.connect(self.no_show)
        self.feedback_button = QPushButton(_("Feedback received …"), card)
        self.feedback_button.clicked.connect(self.feedback)
        explain(self.feedback_button, "stavaza")
        self.attempt_button = QPushButton(_("Log an attempt …"), card)
        self.attempt_button.setAccessibleName(_("Log a call or e-mail to the contact person, answered or not"))
        self.attempt_button.clicked.connect(self.log_attempt)
        for number, button in enumerate((self.no_show_button, self.feedback_button, self.attempt_button)):
            more.addWidget(button, 0, number)
        self.print_button.setObjectName("Primary")
        steps_label = QLabel(_("Next step"), card)
        steps_label.setObjectName("Hint")
        title_row = QHBoxLayout()
        title_row.addWidget(self.detail_title, 1)
        title_row.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignTop)
        inner.addLayout(title_row)
        inner.addWidget(self.detail_sub)
        inner.addWidget(self.facts)
        inner.addWidget(self.advice)
        inner.addWidget(steps_label)
        inner.addLayout(self.status_row)
        inner.addLayout(more)
        layout.addWidget(card)
        history_title = QLabel(_("History"), panel)
        history_title.setObjectName("EmptyTitle")
        self.history = QListWidget(panel)
        self.history.setAccessibleName(_("History of the referral"))
        self.history.setWordWrap(True)
        self.history.setMinimumHeight(110)
        layout.addWidget(history_title)
        layout.addWidget(self.history)
        self.consent_panel = ConsentPanel(self.store, panel)
        layout.addWidget(self.consent_panel)
        layout.addStretch(1)
        return panel

    # -- data -----------------------------------------------------------------------------
    def refresh(self) -> None:
        open_only = self.filter_combo.currentData() == "open"
        if not self._freshness.stale(open_only):
            return  # nothing saved since: the list and the chosen referral are current
        keep = self.current.id if self.current else ""

        def page(offset: int) -> list[ReferralView]:  # 200 at a time: a busy programme has 5,000 open
            return list_referrals(self.store, open_only=open_only, offset=offset, limit=PAGE_ROWS)

        try:
            views = page(0)
        except BaseException:
            self._freshness.forget()
            raise
        self.model.set_rows(views, more=page if len(views) == PAGE_ROWS else None)
        self._fit_columns()
        self.splitter.setVisible(bool(views))
        self.empty.setVisible(not views)
        row = self.model.fetch_until(lambda view: view.id == keep) if keep else -1
        row = row if row >= 0 else (0 if views else -1)
        self.current = None
        if row >= 0:
            self.table.selectRow(row)
            if self.current is None:
                self._show(self.model.rows[row].id)

    def _fit_columns(self) -> None:
        """The family and the check date as wide as the widest of the first 100 rows (and the header)."""
        self._fitted = fitted_widths(self.table, self.model, FITTED_COLUMNS)
        self._share_room()

    def _share_room(self) -> None:
        """The family column never takes more than the service keeps: a long family name is cut (its tooltip has
        it whole), not the service, which a narrow list otherwise squeezed to a few letters."""
        header = self.table.horizontalHeader()
        family, check = (self._fitted.get(column, header.sectionSize(column)) for column in FITTED_COLUMNS)
        room = self.table.viewport().width() - header.sectionSize(2) - check
        least = header.sectionSizeFromContents(0).width()
        header.resizeSection(0, max(least, min(family, room // 2)))
        header.resizeSection(3, check)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._share_room()
        return False

    def show_record(self, kind: str, uuid: str, family_uuid: str) -> None:
        """Opened from the global search."""
        if kind != "referral":
            return
        self.filter_combo.setCurrentIndex(1)
        row = self.model.row_of(uuid)  # reads on until the referral is in the list
        if row >= 0:
            self.table.selectRow(row)

    def _selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        view = self.model.row_at(rows[0].row()) if rows else None
        if view is not None and (self.current is None or self.current.id != view.id):
            self._show(view.id)

    @staticmethod
    def _facts_html(facts: list[tuple[str, str]]) -> str:
        rows = "".join(
            f"<tr><td style='color:{MUTED}; padding:2px 14px 2px 0'>{escape(k)}</td>"
            f"<td style='padding:2px 0'>{escape(v).replace(chr(10), '<br/>')}</td></tr>" for k, v in facts)
        return f"<table>{rows}</table>"

    def _show(self, referral_id: str) -> None:
        detail = get_referral(self.store, referral_id=referral_id)
        self.current = detail
        self.detail_title.setText(detail.service_label)
        need = THEMES.label(detail.theme) if detail.theme else ""
        self.detail_sub.setText(" · ".join(p for p in (detail.family_name, need) if p))
        self.facts.setText(self._facts_html(self._facts(detail)))
        self._show_advice(detail)
        self._show_steps(detail)
        self._show_history(detail)
        self.consent_panel.set_family(detail.family_id)

    def _facts(self, detail: ReferralDetail) -> list[tuple[str, str]]:
        """What the card tells at a glance, in the order a worker reads it before calling."""
        facts = [
            (_("Status"), STATUSES.label(detail.status)
             + (f" · {OUTCOMES.label(detail.outcome)}" if detail.outcome else "")),
            (_("How warm"), INTENSITIES.label(detail.intensity)
             + (" · " + _("urgent") if detail.urgent else "")
             + (" · " + _("service warned in advance") if detail.warned_in_advance else "")),
        ]
        if detail.contact_name:
            facts.append((_("Contact person"), " · ".join(
                p for p in (detail.contact_name, detail.contact_phone, detail.contact_email) if p)))
        if detail.contact_id:
            facts += self._reachability(detail.contact_id)
        if detail.receiving_worker:
            facts.append((_("Received by"), detail.receiving_worker))
        if detail.appointment_at:
            facts.append((_("Appointment"), format_datetime(detail.appointment_at.astimezone(LOCAL_ZONE),
                                                            "short_day")))
        facts.append((_("Next check"), format_date(detail.next_check, "full_day") if detail.next_check else "–"))
        if detail.feedback_on:
            facts.append((_("Latest stavaza"), f"{format_date(detail.feedback_on, 'd MMM')}: {detail.feedback_text}"))
        if detail.decline_reason:
            facts.append((_("Why declined"), detail.decline_reason))
        if detail.mandated:
            facts.append((_("Mandated"), _("One-way: nothing from this service is passed on.")))
        return facts

    def _reachability(self, contact_id: str) -> list[tuple[str, str]]:
        """Unanswered calls to the contact person, and who else to try."""
        reach = contact_reachability(self.store, contact_id=contact_id)
        facts: list[tuple[str, str]] = []
        if reach.unanswered_since is not None:
            since = format_date(reach.unanswered_since.astimezone(LOCAL_ZONE).date(), "EEE d MMM")
            facts.append((_("Reachable?"), ngettext(
                "No answer since {date} ({count} attempt)", "No answer since {date} ({count} attempts)",
                reach.unanswered_count).format(date=since, count=reach.unanswered_count)))
        if reach.suggestions:
            facts.append((_("Try instead"), "\n".join(reach.suggestions)))
        return facts

    def _show_advice(self, detail: ReferralDetail) -> None:
        advice = no_show_advice(detail.no_show_count)
        self.advice.setText(ngettext(
            "{count} missed appointment: families often drop out now. Consider going along next time, or stop "
            "the referral.",
            "{count} missed appointments: families often drop out now. Consider going along next time, or stop "
            "the referral.", advice.count).format(count=advice.count) if advice.warn else "")
        self.advice.setVisible(advice.warn)

    def _show_steps(self, detail: ReferralDetail) -> None:
        """One button per status the referral may go to next, three to a row."""
        for button in self._step_buttons:
            button.setParent(None)
            button.deleteLater()
        self._step_buttons = []
        for number, target in enumerate(detail.allowed_next):
            button = QPushButton(_(ACTION_LABELS[target]))
            button.setObjectName(f"step_{target}")
            button.setAccessibleName(_("Status: {status}").format(status=STATUSES.label(target)))
            button.clicked.connect(lambda _checked=False, t=target: self.step(t))
            self.status_row.addWidget(button, number // 3, number % 3)
            self._step_buttons.append(button)
        previous = self.print_button  # Tab reads the new step buttons where they stand: under the title
        for button in self._step_buttons:
            QWidget.setTabOrder(previous, button)
            previous = button
        QWidget.setTabOrder(previous, self.no_show_button)
        self.no_show_button.setEnabled(not is_closed(detail.status))

    def _show_history(self, detail: ReferralDetail) -> None:
        self.history.clear()
        for event in reversed(detail.events):
            when = format_datetime(event.at.astimezone(LOCAL_ZONE), "short_day")
            what = EVENT_KINDS.label(event.kind)
            if event.kind == EventKind.STATUS:
                what = f"{STATUSES.label(event.from_status)} → {STATUSES.label(event.to_status)}"
            elif event.kind == EventKind.CREATED:
                what = f"{what} · {STATUSES.label(event.to_status)}"
            self.history.addItem(f"{when}   {what}" + (f"\n{event.text}" if event.text else ""))

    # -- actions --------------------------------------------------------------------------
    def new_referral(self) -> None:
        dialog = NewReferralDialog(self.store, self)
        if dialog.exec():
            self.current = None
            self.refresh()
            row = self.model.row_of(dialog.created_id)  # reads on until the new referral is in the list
            if row >= 0:
                self.table.selectRow(row)

    def step(self, target: str) -> None:
        if self.current is not None and StatusDialog(self.store, self.current, target, self).exec():
            self.refresh()

    def no_show(self) -> None:
        if self.current is None:
            return
        advice = record_no_show(self.store, referral_id=self.current.id)
        self.refresh()
        if advice.warn:
            QMessageBox.information(self, _("Missed appointment"), self.advice.text())

    def log_attempt(self) -> None:
        if self.current is None:
            return
        title = self.current.contact_name or self.current.service_label
        dialog = AttemptDialog(self.store, title, self, referral_id=self.current.id,
                               contact_id=self.current.contact_id or None)
        if dialog.exec():
            self.refresh()

    def feedback(self) -> None:
        if self.current is not None and FeedbackDialog(self.store, self.current, self).exec():
            self.refresh()

    def print_sheet(self) -> None:
        if self.current is None:
            return
        dialog = PrintSheetDialog(self.store, self.current, self)
        if dialog.exec() and dialog.printed_path is not None:
            status_bar = getattr(self.window(), "statusBar", None)
            if status_bar is not None:
                status_bar().showMessage(_("Referral sheet saved: {path}").format(path=dialog.printed_path), 8000)
