"""The detail pane of the sociale kaart: what a school needs to know about one service.

Its actions on top; below them one scrolling page: the public facts (name and the number to call now,
then the offer, how to reach them, area and themes), whether the contact person answers, and the
brugfiguur's own view in a card clearly marked private (Ken-je-buurt colour and experience notes).
"""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from brugapp.domain.clock import local_date, now_local
from brugapp.domain.followups import Channel
from brugapp.domain.kaart import CATEGORIES, REFERRAL_ROUTES, STATUSES, age_range_text, is_stale
from brugapp.domain.kaart_record import extra_lines
from brugapp.domain.themes import THEMES
from brugapp.i18n import N_, _, format_date, ngettext
from brugapp.services.kaart.detail import ContactRef, ServiceDetail
from brugapp.services.kaart.query import opening_hours_text
from brugapp.services.referrals.followups import Reachability
from brugapp.ui.kaart.private_card import PrivateCard, PrivateSlot
from brugapp.ui.style import ACCENT, MUTED, WARNING
from brugapp.ui.widgets.banner import restyle
from brugapp.ui.widgets.flow_layout import FlowLayout

# The quick attempts of "Poging loggen": how, and whether they answered.
ATTEMPTS = (
    (Channel.PHONE, False, N_("Called – no answer")),
    (Channel.EMAIL, False, N_("E-mailed – no answer")),
    (Channel.PHONE, True, N_("Called – reached them")),
    (Channel.EMAIL, True, N_("E-mailed – they answered")),
)


def _row(label: str, value: str) -> str:
    if not value:
        return ""
    cell = f"color:{MUTED}; padding:3px 12px 3px 0; vertical-align:top"
    return (f"<tr><td width='130' style='{cell}'>{escape(label)}</td>"
            f"<td style='padding:3px 0'>{escape(value).replace(chr(10), '<br>')}</td></tr>")


def _section(title: str, rows: list[str]) -> str:
    """A titled block of label / value rows; a block with nothing to say is left out."""
    body = "".join(rows)
    if not body:
        return ""
    heading = (f"<p style='margin:14px 0 4px 0; color:{ACCENT}; font-weight:bold; "
               f"font-size:10pt'>{escape(title.upper())}</p>")
    return heading + f"<table cellspacing='0' width='100%'>{body}</table>"


def _person(ref: ContactRef | None) -> str:
    if ref is None:
        return ""
    return " · ".join(p for p in (ref.name, ref.role, ref.phone, ref.email) if p)


def contact_to_try(detail: ServiceDetail) -> ContactRef | None:
    """The fixed face of the service, else the first contact person: whose reachability the card shows."""
    return detail.contact or (detail.contacts[0] if detail.contacts else None)


def reachability_text(reach: Reachability) -> str:
    """'Geen antwoord sinds …' with the count, or that the last try got through."""
    if reach.unanswered_since is not None:
        day = local_date(reach.unanswered_since)
        return ngettext("No answer since {date} ({count} attempt)", "No answer since {date} ({count} attempts)",
                        reach.unanswered_count).format(date=format_date(day, "EEE d MMM"), count=reach.unanswered_count)
    if reach.attempts:
        return _("Reached at the last attempt ({count} logged)").format(count=reach.attempts)
    return _("No attempts logged yet.")


def header_html(detail: ServiceDetail, *, now: dt.datetime) -> str:
    """Name, organisation, the number to call now (the after-hours one when closed), e-mail, a status."""
    open_now = any(slot.covers(now) for slot in detail.slots)
    call = detail.phone if open_now or not detail.after_hours_phone else detail.after_hours_phone
    parts = [
        f"<h2 style='margin:0'>{escape(detail.name)}</h2>",
        f"<div style='color:{MUTED}; margin-bottom:6px'>{escape(detail.organization_name)}</div>",
    ]
    if call:
        when = _("open now") if open_now else (_("after hours") if call == detail.after_hours_phone else "")
        parts.append(f"<p style='font-size:14pt; margin:6px 0'><b style='color:{ACCENT}'>{escape(call)}</b>"
                     f" <span style='color:{MUTED}; font-size:10pt'>{escape(when)}</span></p>")
    if detail.email:  # how to reach them stays in the first view, not below a dozen rows
        parts.append(f"<div style='margin-bottom:6px'><span style='color:{MUTED}'>{escape(_('E-mail'))}</span>"
                     f"&nbsp;&nbsp;{escape(detail.email)}</div>")
    if detail.status != "active":
        parts.append(f"<p style='color:{WARNING}'><b>{escape(STATUSES.label(detail.status))}</b></p>")
    return "".join(parts)


def _offer_rows(detail: ServiceDetail) -> list[str]:
    """What a school needs to decide whether this is the right door."""
    ages = age_range_text(detail.minimum_age, detail.maximum_age)
    route = REFERRAL_ROUTES.label(detail.referral_route) if detail.referral_route else ""
    return [
        _row(_("What they do"), detail.description),
        _row(_("What they do not do"), detail.not_offered),
        _row(_("For whom"), ", ".join(p for p in (detail.target_group, ages) if p)),
        _row(_("How to refer"), ". ".join(p for p in (route, detail.application_process) if p)),
        _row(_("Waiting time"), detail.wait_time),
        _row(_("Cost"), detail.fees),
        _row(_("Comes to the school"), _("yes") if detail.comes_to_school else ""),
    ]


def _reach_rows(detail: ServiceDetail) -> list[str]:
    """Numbers, hours and faces: how and when to reach them."""
    return [
        _row(_("Phone"), ", ".join(detail.phones)),
        _row(_("Opening hours"), opening_hours_text(detail.slots)),
        _row(_("After-hours number"), detail.after_hours_phone),
        _row(_("When closed"), detail.after_hours_note),
        _row(_("Fixed contact person"), _person(detail.contact)),
        _row(_("Backup"), _person(detail.backup)),
        _row(_("Address"), "\n".join(detail.addresses)),
        _row(_("Website"), detail.url),
    ]


def _scope_rows(detail: ServiceDetail) -> list[str]:
    return [
        _row(_("Municipalities"), ", ".join(detail.municipalities)),
        _row(_("Categories"), ", ".join(CATEGORIES.label(c) for c in detail.categories)),
        _row(_("Themes"), ", ".join(THEMES.label(c) for c in detail.themes)),
        *(_row(_(label), value) for label, value in extra_lines(detail)),  # fields added to the record
    ]


def _verified_html(detail: ServiceDetail, *, today: dt.date) -> str:
    verified = format_date(detail.assured_date, "long") if detail.assured_date else _("never")
    stale = is_stale(detail.assured_date, today)
    colour = f"color:{WARNING}; font-weight:bold" if stale else f"color:{MUTED}"
    stale_text = " – " + _("not verified for more than 12 months") if stale else ""
    text = _("Last verified: {date}").format(date=verified) + stale_text
    return f"<p style='{colour}; margin-top:12px'>{escape(text)}</p>"


def facts_html(detail: ServiceDetail, *, today: dt.date) -> str:
    """The public facts of one service in three titled sections, and when they were last checked."""
    return "".join((
        _section(_("Offer"), _offer_rows(detail)),
        _section(_("How to reach them"), _reach_rows(detail)),
        _section(_("Area and themes"), _scope_rows(detail)),
        _verified_html(detail, today=today),
    ))


def detail_html(detail: ServiceDetail, *, today: dt.date, now: dt.datetime) -> str:
    """Everything public about one service, as the pane shows it (name and number first)."""
    return header_html(detail, now=now) + facts_html(detail, today=today)


class FittedBrowser(QTextBrowser):
    """Rich text as tall as its document at the current width: the pane around it scrolls, not this box."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(lambda _size: self._fit())

    def _fit(self) -> None:
        height = int(self.document().size().height()) + 2 * self.frameWidth() + 4
        if height != self.height():
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()


class KaartDetail(QWidget):
    """Shows one service; emits what the user wants to do with it."""

    verify_requested = Signal(str)
    edit_requested = Signal(str)
    merge_requested = Signal(str)
    colour_chosen = Signal(str, str)  # organisation id, colour code
    notes_saved = Signal(str, str)  # service id, notes
    attempt_logged = Signal(str, str, bool)  # contact id, channel code, answered

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: ServiceDetail | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(self._build_actions())
        # One scroll for the whole pane: the facts take the height they need (no box scrolling inside a box),
        # then whether the contact person answers, then the brugfiguur's own view.
        # Built from the outside in, each widget made inside its parent: a finished subtree moved into a styled
        # parent is polished again, widget by widget (~15 ms of the map's first visit, ``brugapp bench``).
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setAccessibleName(_("Service details"))
        layout.addWidget(self.scroll, 1)
        content = QWidget(self.scroll)
        content.setAutoFillBackground(True)
        content.setBackgroundRole(QPalette.ColorRole.Base)
        self.scroll.setWidget(content)
        body = QVBoxLayout(content)
        body.setContentsMargins(12, 10, 12, 12)
        body.setSpacing(10)
        # name and the number to call, then at once whether that person answers (scenario 6), then the facts
        self.heading = FittedBrowser(content)
        self.heading.setAccessibleName(_("Service and the number to call"))
        body.addWidget(self.heading)
        body.addWidget(self._build_reach(content))
        self.browser = FittedBrowser(content)
        self.browser.setAccessibleName(_("Service details"))
        body.addWidget(self.browser)
        for text in (self.heading, self.browser):
            text.setOpenExternalLinks(False)
            text.setObjectName("KaartDetailText")
        # the brugfiguur's own view, built when it first comes into sight (``private_card.py``)
        self.private_slot = PrivateSlot(content, make=self._make_private_card, built=self._private_card_built)
        body.addWidget(self.private_slot)
        body.addStretch(1)
        self.show_detail(None)

    def _build_actions(self) -> FlowLayout:
        """What to do with the chosen service, above its facts so it never scrolls away."""
        buttons = FlowLayout()  # wraps in a narrow pane, so the service list beside it keeps its room
        self.verify_button = QPushButton(_("Checked today"), self)
        self.verify_button.setAccessibleName(_("Mark as checked today"))
        self.verify_button.setToolTip(_("The details are still right: set the last verified date to today"))
        self.verify_button.clicked.connect(lambda: self._emit(self.verify_requested))
        self.edit_button = QPushButton(_("Edit …"), self)
        self.edit_button.setAccessibleName(_("Edit this service"))
        self.edit_button.clicked.connect(lambda: self._emit(self.edit_requested))
        self.merge_button = QPushButton(_("Merge duplicate …"), self)
        self.merge_button.setAccessibleName(_("Merge a duplicate into this service"))
        self.merge_button.clicked.connect(lambda: self._emit(self.merge_requested))
        for button in (self.verify_button, self.edit_button, self.merge_button):
            buttons.addWidget(button)
        return buttons

    def plain_text(self) -> str:
        """What the pane says about the service, top to bottom (for a copy, and for the tests)."""
        return "\n".join(text.toPlainText() for text in (self.heading, self.browser) if text.toPlainText())

    def _build_reach(self, parent: QWidget) -> QWidget:
        """Scenario 6: is the contact person reachable, and whom to try instead."""
        self.reach_card = QFrame(parent)
        self.reach_card.setObjectName("Card")
        card = QVBoxLayout(self.reach_card)
        card.setContentsMargins(12, 8, 12, 8)
        card.setSpacing(4)
        row = QHBoxLayout()
        self.reach_title = QLabel(self.reach_card)
        self.reach_title.setWordWrap(True)
        self.reach_title.setTextFormat(Qt.TextFormat.PlainText)
        self.reach_title.setObjectName("CardTitle")
        self.reach_card.setAccessibleName(_("Is the contact person reachable?"))
        self.attempt_button = QToolButton(self.reach_card)
        self.attempt_button.setText(_("Log an attempt"))
        self.attempt_button.setAccessibleName(_("Log a call or e-mail to the contact person, answered or not"))
        self.attempt_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.attempt_button.setObjectName("MenuToolButton")  # room for the menu's arrow beside the words
        self.attempt_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        menu = QMenu(self.attempt_button)
        self.attempt_actions = []
        for channel, answered, label in ATTEMPTS:
            action = menu.addAction(_(label))
            action.triggered.connect(lambda _checked=False, c=channel, a=answered: self._attempt(c, a))
            self.attempt_actions.append(action)
        self.attempt_button.setMenu(menu)
        self.reach_status = QLabel(self.reach_card)
        self.reach_status.setWordWrap(True)
        self.reach_status.setTextFormat(Qt.TextFormat.PlainText)
        row.addWidget(self.reach_title)
        row.addWidget(self.reach_status, 1)
        row.addWidget(self.attempt_button, 0, Qt.AlignmentFlag.AlignTop)
        self.reach_suggestions = QLabel(self.reach_card)
        self.reach_suggestions.setWordWrap(True)
        self.reach_suggestions.setTextFormat(Qt.TextFormat.PlainText)
        self.reach_suggestions.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        card.addLayout(row)
        card.addWidget(self.reach_suggestions)
        self.reach_contact_id = ""
        self.reach_card.hide()
        return self.reach_card

    def show_reachability(self, reach: Reachability | None) -> None:
        """Shown under the service: the contact person's last tries, and the backup and CLB when they go unanswered."""
        self.reach_contact_id = reach.contact_id if reach else ""
        self.reach_card.setVisible(reach is not None)
        if reach is None:
            return
        self.reach_title.setText(reach.contact_name)
        self.reach_status.setText(reachability_text(reach))
        self.reach_status.setObjectName("Warning" if reach.unanswered_since is not None else "Hint")
        restyle(self.reach_status)
        if reach.suggestions:
            self.reach_suggestions.setText(_("Try instead:") + " " + "  ·  ".join(reach.suggestions))
        self.reach_suggestions.setVisible(bool(reach.suggestions))

    def _attempt(self, channel: str, answered: bool) -> None:
        if self.reach_contact_id:
            self.attempt_logged.emit(self.reach_contact_id, channel, answered)

    def _emit(self, signal: Signal) -> None:
        if self.detail is not None:
            signal.emit(self.detail.id)  # type: ignore[attr-defined]

    # -- the brugfiguur's own view ----------------------------------------------------------------
    def _make_private_card(self, parent: QWidget) -> PrivateCard:
        return PrivateCard(parent, colour_chosen=self._colour_changed, save=self._save_notes)

    def _private_card_built(self, card: PrivateCard) -> None:
        detail = self.detail
        card.show_values(detail.colour if detail else None, detail.private_notes if detail else "")
        # in the keyboard order where it stands on screen: after the facts
        QWidget.setTabOrder(self.browser, card.colour_box)
        QWidget.setTabOrder(card.colour_box, card.notes)
        QWidget.setTabOrder(card.notes, card.save_notes_button)

    @property
    def private_card(self) -> PrivateCard:
        return self.private_slot.ensure_card()

    @property
    def colour_box(self) -> QComboBox:
        return self.private_card.colour_box

    @property
    def notes(self) -> QPlainTextEdit:
        return self.private_card.notes

    @property
    def save_notes_button(self) -> QPushButton:
        return self.private_card.save_notes_button

    def _colour_changed(self) -> None:
        if self.detail is not None:
            self.colour_chosen.emit(self.detail.organization_id, self.colour_box.currentData() or "")

    def _save_notes(self) -> None:
        if self.detail is not None:
            self.notes_saved.emit(self.detail.id, self.notes.toPlainText())

    def show_detail(self, detail: ServiceDetail | None, *, now: dt.datetime | None = None) -> None:
        self.detail = detail
        enabled = detail is not None
        for widget in (self.verify_button, self.edit_button, self.merge_button):
            widget.setEnabled(enabled)
        card = self.private_slot.card  # not built yet: it shows this service's colour and notes when it is
        if card is not None:
            card.show_values(detail.colour if detail else None, detail.private_notes if detail else "")
        if detail is None:
            self.show_reachability(None)
            hint = _("Choose a service in the list.")
            self.heading.setHtml(f"<p style='color:{MUTED}'>{escape(hint)}</p>")
            self.browser.clear()
            return
        moment = now or now_local().replace(tzinfo=None)
        self.heading.setHtml(header_html(detail, now=moment))
        self.browser.setHtml(facts_html(detail, today=moment.date()))
        self.scroll.verticalScrollBar().setValue(0)  # a new service is read from its name down
