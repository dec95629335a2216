"""First start: choose a passphrase. Later starts: unlock with it. No access without it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from brugapp.domain.passphrase import passphrase_strength
from brugapp.i18n import _
from brugapp.store import DamagedStoreError, Store, StoreError
from brugapp.ui.icons import icon
from brugapp.ui.style import ACCENT
from brugapp.ui.widgets.centred import centred
from brugapp.ui.widgets.form_dialog import ErrorLine

OpenStore = Callable[[str], Store]
RestoreStore = Callable[[Path, str], Store]  # (backup, passphrase) -> the restored, opened store


def store_folder_message(error: OSError) -> str:
    where = error.filename or ""
    return _("The store cannot be written in “{folder}” ({reason}). Choose another place with --db, or ask "
             "whoever manages this computer.").format(folder=where, reason=error.strerror or type(error).__name__)


class UnlockDialog(QDialog):
    """``create=True`` asks for a new passphrase twice; otherwise for the existing one.

    ``open_store`` is called with the passphrase and must raise ``StoreError`` when it is wrong;
    the dialog stays open with the message and nothing is created or overwritten.
    """

    def __init__(self, open_store: OpenStore, *, create: bool, restore: RestoreStore | None = None,
                 checks_every_page: Callable[[], bool] = lambda: False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._open_store = open_store
        self._checks_every_page = checks_every_page  # True after an unclean stop: opening then takes seconds
        self._restore = restore
        self._good_backup: Path | None = None
        self._create = create
        self.store: Store | None = None
        self.setWindowTitle(_("BrugApp – choose a passphrase") if create else _("BrugApp – unlock"))
        self.setMinimumWidth(440)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(10)
        picture = QLabel()
        picture.setPixmap(icon("lock", ACCENT, 48).pixmap(48, 48))
        picture.setFixedSize(48, 48)
        layout.addLayout(centred(picture))
        heading = QLabel(_("Choose a passphrase") if create else _("Welcome back"))
        heading.setObjectName("EmptyTitle")
        layout.addLayout(centred(heading))
        intro = QLabel(
            _("Your notes are about vulnerable families. BrugApp keeps them encrypted on this "
              "computer; the passphrase is the only key.")
            if create
            else _("Type your passphrase to open your notebook.")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(_("Passphrase"))
        self.passphrase.setAccessibleName(_("Passphrase"))
        layout.addWidget(self.passphrase)

        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setPlaceholderText(_("Type the passphrase again"))
        self.repeat.setAccessibleName(_("Repeat passphrase"))
        self.strength = QProgressBar()
        self.strength.setRange(0, 3)
        self.strength.setTextVisible(False)
        self.strength.setMaximumHeight(6)
        self.strength_hint = QLabel()
        self.strength_hint.setObjectName("Hint")
        warning = QLabel(
            _("Write it down somewhere safe. A lost passphrase cannot be recovered: "
              "not by you, not by us, not by anyone.")
        )
        warning.setObjectName("Warning")
        warning.setWordWrap(True)
        if create:
            layout.addWidget(self.repeat)
            layout.addWidget(self.strength)
            layout.addWidget(self.strength_hint)
            layout.addWidget(warning)
            self.passphrase.textChanged.connect(self._update_strength)
            self._update_strength("")
        else:
            for widget in (self.repeat, self.strength, self.strength_hint, warning):
                widget.hide()

        self.error = ErrorLine()
        layout.addWidget(self.error)
        # What the seconds of a slow opening are for, shown only while it lasts (``_show_wait``)
        self.checking, self.upgrading = (
            _wait_hint(_("BrugApp was not closed properly last time, so it first checks your whole notebook. On a "
                         "busy year this takes a few seconds …")),
            _wait_hint(_("BrugApp was updated: your notebook is first backed up, then brought up to date for this "
                         "version. On a busy year this takes a few seconds …")))
        for hint in (self.checking, self.upgrading):
            layout.addWidget(hint)
        self._waiting = False  # the wait cursor is shown (checking or upgrading)
        # Offered only when the data file is damaged and a backup opens and checks clean.
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("Primary")
        self.restore_button.setAccessibleName(_("Restore the newest good backup"))
        self.restore_button.setAutoDefault(False)  # Return still means "Unlock"
        self.restore_button.clicked.connect(self._restore_backup)
        self.restore_button.hide()
        layout.addWidget(self.restore_button)

        buttons = QDialogButtonBox()  # buttons given to the constructor would create Qt's enums (widgets/centred.py)
        buttons.setStandardButtons(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_("Create notebook") if create else _("Unlock"))
        self.ok_button.setDefault(True)
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # The dialog grows with its wrapped texts (an error line appearing must not squeeze the intro).
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)

    def _update_strength(self, text: str) -> None:
        strength = passphrase_strength(text)
        self.strength.setValue(max(strength.score, 1 if text else 0))
        self.strength.setProperty("strength", str(strength.score))
        self.strength.style().unpolish(self.strength)
        self.strength.style().polish(self.strength)
        self.strength_hint.setText(_(strength.hint))
        self._mark_hint(error=False)
        if strength.score > 0 and self.error.isVisible():
            self.error.hide()  # a long enough passphrase answers the "too short" message
        self._fit()

    def _mark_hint(self, *, error: bool) -> None:
        """The strength line itself turns red when it is the reason for refusing: said once, where it applies."""
        self.strength_hint.setObjectName("Error" if error else "Hint")
        self.strength_hint.style().unpolish(self.strength_hint)
        self.strength_hint.style().polish(self.strength_hint)

    def _fit(self) -> None:
        layout = self.layout()
        if layout is not None and self.isVisible():
            layout.activate()
            needed = layout.totalHeightForWidth(self.width())
            if needed > self.height():
                self.resize(self.width(), needed)

    def show_error(self, message: str) -> None:
        self.error.show_error(message)
        self._fit()

    def _submit(self) -> None:
        passphrase = self.passphrase.text()
        if self._create:
            if passphrase_strength(passphrase).score == 0:
                self.error.hide()
                self._mark_hint(error=True)
                self.passphrase.setFocus()
                return
            if passphrase != self.repeat.text():
                self.show_error(_("The two passphrases are not the same."))
                self.repeat.clear()
                self.repeat.setFocus()
                return
        elif not passphrase:
            self.show_error(_("Type your passphrase."))
            return
        try:
            with self._checking_shown():
                self.store = self._open_store(passphrase)
        except DamagedStoreError as exc:
            self._offer_backup(exc)
            return
        except StoreError as exc:
            self.show_error(str(exc))
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            return
        except OSError as exc:  # the folder cannot be created or written: say where, not "something went wrong"
            self.show_error(store_folder_message(exc))
            return
        self.accept()

    def show_upgrading(self) -> None:
        """Called by the opener (``store.open_store``'s ``before_upgrade``) just before an older notebook is backed up
        and brought up to date for a new version of the app: seconds on a busy year, said and painted first."""
        self._show_wait(self.upgrading)

    @contextmanager
    def _checking_shown(self) -> Iterator[None]:
        """After an unclean stop every page is read before the notebook opens: said, and painted, first. The wait
        (this one or an upgrade's, ``show_upgrading``) ends with the opening, however it ends."""
        if not self._create and self._checks_every_page():
            self._show_wait(self.checking)
        try:
            yield
        finally:
            self._end_wait()

    def _show_wait(self, hint: QLabel) -> None:
        self.error.hide()
        hint.show()
        self.ok_button.setEnabled(False)
        self._fit()
        if not self._waiting:
            from PySide6.QtCore import Qt  # start-up time (ui/widgets/centred.py): made here beside seconds of work

            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            self._waiting = True
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)  # painted before the wait

    def _end_wait(self) -> None:
        if self._waiting:
            QApplication.restoreOverrideCursor()
            self._waiting = False
            self.ok_button.setEnabled(True)
        self.checking.hide()
        self.upgrading.hide()

    def _offer_backup(self, damage: DamagedStoreError) -> None:
        from brugapp.ui.shell.unlock_offer import backup_offer_text  # start-up time: only for a damaged store

        self._good_backup = damage.good_backup if self._restore is not None else None
        message, button = backup_offer_text(str(damage), self._good_backup)
        self.restore_button.setText(button)
        self.restore_button.setVisible(self._good_backup is not None)
        self.show_error(message)  # last: it sizes the dialog to what is now shown

    def _restore_backup(self) -> None:
        if self._good_backup is None or self._restore is None:
            return
        try:
            self.store = self._restore(self._good_backup, self.passphrase.text())
        except StoreError as exc:
            self.restore_button.hide()
            self.show_error(str(exc))
            return
        finally:
            self._end_wait()  # a backup of an earlier version was brought up to date (``show_upgrading``)
        self.accept()


def _wait_hint(text: str) -> QLabel:
    hint = QLabel(text)
    hint.setObjectName("Hint")
    hint.setWordWrap(True)
    hint.hide()
    return hint
