"""The quick log (Snel noteren): a contact moment in under ten seconds, keyboard only.

Family type-ahead (empty = anonymous) → channel (last used) → theme chips (letters) → note →
Enter / Ctrl+Enter saves. Every change is kept as a draft in the encrypted store (debounced) and on
a lock, so a crash or an auto-lock loses nothing; the draft is cleared once the contact is saved.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QResizeEvent, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from brugapp.domain.notebook import CHANNELS, has_content
from brugapp.domain.sharing import SHARING_LEVELS
from brugapp.domain.themes import THEMES, theme_key
from brugapp.errors import ValidationError
from brugapp.i18n import _, format_date
from brugapp.services.families.choices import family_choices
from brugapp.services.families.drafts import clear_draft, load_draft, save_draft
from brugapp.services.families.notebook import ContactInfo, get_contact, log_contact, update_contact
from brugapp.settings import load_settings, save_settings
from brugapp.store import Store
from brugapp.ui.widgets.family_picker import FamilyPicker
from brugapp.ui.widgets.form_dialog import ErrorLine
from brugapp.ui.widgets.theme_chips import ThemeChips

DRAFT_KEY = "quick_log"
DRAFT_DELAY_MS = 400


class NoteEdit(QPlainTextEdit):
    """A note field where Enter saves (as everywhere in the dialog), Shift+Enter starts a new line and Tab
    moves on (a note never needs a tab character)."""

    submit = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.insertPlainText("\n")
            else:
                self.submit.emit()
            return
        if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            event.ignore()
            self.focusNextPrevChild(event.key() == Qt.Key.Key_Tab)
            return
        super().keyPressEvent(event)


class QuickLogDialog(QDialog):
    """New contact (with a draft), or editing an existing one when ``contact_id`` is given."""

    saved = Signal(object)  # ContactInfo

    def __init__(self, store: Store, parent: QWidget | None = None, *, contact_id: str = "",
                 family_id: str = "") -> None:
        super().__init__(parent)
        self.store = store
        self.contact_id = contact_id
        self.result_contact: ContactInfo | None = None
        self._restoring = False
        self.setWindowTitle(_("Edit contact moment") if contact_id else _("Quick log"))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(720)  # grows with the theme chips (layout minimum)

        self.family = FamilyPicker(family_choices(store))
        self.family.setPlaceholderText(_("Type a family name – leave empty for an anonymous contact"))
        self.family.setAccessibleName(_("Family"))
        self.channel = QComboBox()
        self.channel.setAccessibleName(_("Channel"))
        for term in CHANNELS:
            self.channel.addItem(term.text(), term.code)
        self.themes = ThemeChips()
        self.note = NoteEdit()
        self.note.setAccessibleName(_("Note"))
        self.note.setPlaceholderText(_("What was asked or agreed? A few words are enough."))
        self.note.setFixedHeight(96)
        self.follow_up = QLineEdit()
        self.follow_up.setAccessibleName(_("Follow-up promised on"))
        self.follow_up.setPlaceholderText(_("dd-mm-yyyy, or +7 for a week from now; empty = nothing promised"))
        self.sharing = QComboBox()
        self.sharing.setAccessibleName(_("Sharing"))
        for term in SHARING_LEVELS:
            self.sharing.addItem(term.text(), term.code)
        self.error = ErrorLine()

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(_("Family"), self.family)
        form.addRow(_("Channel"), self.channel)
        form.addRow(_("Themes"), self.themes)
        form.addRow(_("Note"), self.note)
        form.addRow(_("Follow-up on"), self.follow_up)
        form.addRow(_("Sharing"), self.sharing)
        for row_field in (self.family, self.channel, self.themes, self.note, self.follow_up, self.sharing):
            label = form.labelForField(row_field)
            if isinstance(label, QLabel):
                label.setBuddy(row_field)

        self.save_button = QPushButton(_("Save"))
        self.save_button.setDefault(True)
        self.save_button.setAccessibleName(_("Save contact moment"))
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(_("Close"))
        self.cancel_button.setAccessibleName(_("Close; the draft is kept"))
        self.cancel_button.clicked.connect(self.reject)
        self.clear_button = QPushButton(_("Empty the form"))
        self.clear_button.setAccessibleName(_("Empty the form and discard the draft"))
        self.clear_button.clicked.connect(self.discard)
        self.clear_button.setVisible(not contact_id)
        hint = QLabel(_("Enter saves · Shift+Enter starts a new line in the note · Esc closes (the draft is kept)"))
        hint.setObjectName("Hint")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        for widget in (self.clear_button, self.cancel_button, self.save_button):
            widget.setAutoDefault(False)
        self.setTabOrder(self.family, self.channel)
        self.setTabOrder(self.channel, self.themes)
        self.setTabOrder(self.themes, self.note)
        self.setTabOrder(self.note, self.follow_up)
        self.setTabOrder(self.follow_up, self.sharing)
        self.setTabOrder(self.sharing, self.clear_button)  # the buttons as they stand: Enter saves from anywhere
        self.setTabOrder(self.clear_button, self.cancel_button)
        self.setTabOrder(self.cancel_button, self.save_button)

        for term in THEMES.top_level():
            key = theme_key(term.code)
            if key:
                shortcut = QShortcut(QKeySequence(f"Alt+{key.upper()}"), self)
                shortcut.activated.connect(lambda k=key: self.themes.toggle_key(k))
        self.note.submit.connect(self.save)
        self.themes.typed_text.connect(self._continue_in_note)

        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft_now)
        if contact_id:
            self._load_contact(contact_id)
        else:
            self._set_channel(load_settings().last_channel)
            self.restore_draft()
            if family_id and not self.family.text():
                self.family.set_family(family_id)
            for signal in (self.family.textChanged, self.channel.currentIndexChanged, self.themes.changed,
                           self.note.textChanged, self.follow_up.textChanged, self.sharing.currentIndexChanged):
                signal.connect(self._changed)
            host = parent.window() if parent is not None else None
            locked = getattr(host, "locked", None)
            if locked is not None:  # the main window: flush the draft before its lock screen covers us
                locked.connect(self.save_draft_now)
        self.family.setFocus()

    # -- size ----------------------------------------------------------------------------------
    # The theme chips wrap (their height depends on the width): the dialog is as tall as that needs,
    # grows when sub-theme chips appear, and cannot be made so small that rows overlap.
    def sizeHint(self) -> QSize:
        width = max(self.minimumWidth(), super().sizeHint().width())
        layout = self.layout()
        return QSize(width, layout.totalHeightForWidth(width) if layout is not None else super().sizeHint().height())

    def _fit_height(self) -> None:
        layout = self.layout()
        if layout is not None:
            self.setMinimumHeight(layout.totalHeightForWidth(self.width()))

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            self._fit_height()
        return handled

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_height()

    # -- draft ---------------------------------------------------------------------------------
    def _set_channel(self, code: str) -> None:
        index = self.channel.findData(code)
        self.channel.setCurrentIndex(max(index, 0))

    def draft_payload(self) -> dict[str, Any]:
        return {
            "family": self.family.text(), "channel": self.channel.currentData(), "themes": self.themes.codes(),
            "note": self.note.toPlainText(), "follow_up": self.follow_up.text(), "sharing": self.sharing.currentData(),
        }

    def _is_empty(self) -> bool:
        payload = self.draft_payload()
        return not (payload["family"] or payload["themes"] or payload["note"].strip() or payload["follow_up"])

    def _changed(self, *_args: object) -> None:
        if not self._restoring:
            self._draft_timer.start()

    def save_draft_now(self) -> None:
        """Flush the draft (also called when the window locks)."""
        self._draft_timer.stop()
        if self.contact_id or self.result_contact is not None:
            return
        if self._is_empty():
            clear_draft(self.store, key=DRAFT_KEY)
        else:
            save_draft(self.store, key=DRAFT_KEY, payload=self.draft_payload())

    def restore_draft(self) -> bool:
        payload = load_draft(self.store, key=DRAFT_KEY)
        if not payload:
            return False
        self._restoring = True
        try:
            self.family.setText(str(payload.get("family", "")))
            self._set_channel(str(payload.get("channel", "")))
            self.themes.set_codes([c for c in payload.get("themes", []) if c in THEMES])
            self.note.setPlainText(str(payload.get("note", "")))
            self.follow_up.setText(str(payload.get("follow_up", "")))
            self.sharing.setCurrentIndex(max(self.sharing.findData(payload.get("sharing", "private")), 0))
        finally:
            self._restoring = False
        self.show_message(_("Your unsaved note was restored."), error=False)
        return True

    def discard(self) -> None:
        self._restoring = True
        self.family.clear()
        self.themes.set_codes([])
        self.note.clear()
        self.follow_up.clear()
        self.sharing.setCurrentIndex(0)
        self._restoring = False
        clear_draft(self.store, key=DRAFT_KEY)
        self.error.hide()
        self.family.setFocus()

    # -- edit mode -----------------------------------------------------------------------------
    def _load_contact(self, contact_id: str) -> None:
        contact = get_contact(self.store, contact_id=contact_id)
        self.family.set_family(contact.family_id)
        self._set_channel(contact.channel)
        self.themes.set_codes(list(contact.themes))
        self.note.setPlainText(contact.note)
        self.follow_up.setText(contact.follow_up_on.strftime("%d-%m-%Y") if contact.follow_up_on else "")
        self.sharing.setCurrentIndex(max(self.sharing.findData(contact.sharing), 0))

    # -- saving --------------------------------------------------------------------------------
    def show_message(self, text: str, *, error: bool = True) -> None:
        if error:
            self.error.show_error(text)
        else:
            self.error.show_note(text)

    def save(self) -> None:
        family_id = self.family.family_id()
        if family_id is None:
            self._refuse_family()
            return
        if not has_content(self.themes.codes(), self.note.toPlainText()):
            self.show_message(_("Nothing to save yet: choose a theme (press its letter) or write a note."))
            self.themes.setFocus()
            return
        fields = dict(channel=self.channel.currentData(), themes=self.themes.codes(), note=self.note.toPlainText(),
                      sharing=self.sharing.currentData(), follow_up_on=self.follow_up.text().strip() or None)
        try:
            if self.contact_id:
                contact = update_contact(self.store, contact_id=self.contact_id, family_id=family_id or None,
                                         **fields)
            else:
                contact = log_contact(self.store, family_id=family_id or None, **fields)
        except ValidationError as exc:
            self.show_message(exc.message)
            target = {"note": self.note, "follow_up_on": self.follow_up, "themes": self.themes,
                      "channel": self.channel}.get(exc.field, self.family)
            target.setFocus()
            return
        self.result_contact = contact
        self._draft_timer.stop()
        if not self.contact_id:
            clear_draft(self.store, key=DRAFT_KEY)
            settings = load_settings()
            if settings.last_channel != contact.channel:
                settings.last_channel = contact.channel
                save_settings(settings)
        self.saved.emit(contact)
        self.accept()

    def _continue_in_note(self, text: str) -> None:
        """Letters typed on the theme row that choose no theme were meant for the note: put them there."""
        self.note.setFocus()
        self.note.moveCursor(QTextCursor.MoveOperation.End)
        self.note.insertPlainText(text)

    def _refuse_family(self) -> None:
        self.show_message(self.family.refusal(_("Family: “{text}” matches no single family. Choose one from the "
                                                "list, or empty the field for an anonymous contact.")))

    def reject(self) -> None:
        self.save_draft_now()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_draft_now()
        super().closeEvent(event)


def saved_message(contact: ContactInfo) -> str:
    who = contact.family_name or _("anonymous")
    text = _("Contact moment saved ({who}).").format(who=who)
    if contact.follow_up_on:
        text += " " + _("Follow-up on {date}.").format(date=format_date(contact.follow_up_on, "full_day"))
    return text

