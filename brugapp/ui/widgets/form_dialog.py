"""The frame every small editing dialog shares: a form, an error line, Bewaren / Annuleren.

Subclasses add rows with ``add`` and implement ``save``; ``show_error`` puts a service's
``ValidationError`` under the form and the cursor in the field it names. ``ErrorLine`` is that line on
its own, for the dialogs and panels that are not a plain form (the unlock screen, a print dialog).
Keyboard: Ctrl+Enter saves from any field, also from a text box where Enter is a new line (Tab leaves
a text box through ``ui/accessibility.TabLeavesControls``).
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from brugapp.errors import ValidationError
from brugapp.i18n import _
from brugapp.ui.widgets.banner import restyle

COMBO_CHARACTERS = 28


class ErrorLine(QLabel):
    """What went wrong, in the error colour, hidden while nothing is wrong. The same line may afterwards say
    what went well (``show_note``, in the hint colour): "Saved: …" where the error stood."""

    def __init__(self, note: str = "", parent: QWidget | None = None, *, keep_room: bool = False) -> None:
        """``note`` is a hint shown from the start (what the dialog will do), until an error takes its place;
        ``keep_room`` keeps the empty line in the layout (a line beside a button, or at the foot of a panel)."""
        super().__init__(note, parent)
        self.setObjectName("Hint" if note else "Error")
        self.setWordWrap(True)
        if not (note or keep_room):
            self.hide()

    def show_error(self, error: Exception | str) -> None:
        """A ``UserError``'s message (what and where), or the text given."""
        self._say(error if isinstance(error, str) else str(getattr(error, "message", error)), "Error")

    def show_note(self, text: str) -> None:
        self._say(text, "Hint")

    def clear_message(self) -> None:
        self.clear()
        self.hide()

    def _say(self, text: str, look: str) -> None:
        if self.objectName() != look:
            self.setObjectName(look)
            restyle(self)
        self.setText(text)
        self.show()


class FormDialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None = None, *, min_width: int = 560) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(min_width)
        self.form = QFormLayout()
        self.error = ErrorLine()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(self.buttons)
        self.fields: dict[str, QWidget] = {}
        save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), self, save_button.click)

    def add(self, key: str, label: str, widget: QWidget) -> QWidget:
        if isinstance(widget, QComboBox):
            # A long choice (an organisation's full name) must not push the dialog off the screen or
            # squeeze the labels: the box keeps a sensible width and shows the whole text when opened.
            widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            widget.setMinimumContentsLength(COMBO_CHARACTERS)
        self.form.addRow(label, widget)
        self.fields[key] = widget
        if len(self.fields) == 1:  # the dialog opens on its first field, not on Save (Qt's default button)
            widget.setFocus()
        # The buttons were made first; Tab reaches them after the last field, as they are read.
        QWidget.setTabOrder(widget, self.buttons.button(QDialogButtonBox.StandardButton.Save))
        QWidget.setTabOrder(self.buttons.button(QDialogButtonBox.StandardButton.Save),
                            self.buttons.button(QDialogButtonBox.StandardButton.Cancel))
        return widget

    def show_error(self, exc: ValidationError) -> None:
        self.error.show_error(exc)
        widget = self.fields.get(exc.field)
        if widget is not None:
            widget.setFocus()

    def save(self) -> None:
        raise NotImplementedError
