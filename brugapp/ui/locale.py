"""Mirror the gettext language into Qt: its own dialogs (qtbase_*.qm) and QLocale."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from brugapp import i18n
from brugapp.i18n import N_

_qt_translator: QTranslator | None = None
_button_words: QTranslator | None = None


class ButtonWords(QTranslator):
    """Qt's own buttons (a dialog's Save, a message box's Yes) in BrugApp's words: "Bewaren", never
    also "Opslaan" from Qt's catalogue. Asked before Qt's translator because it is installed last."""

    WORDS = {"Save": N_("Save"), "&Save": N_("Save"), "Cancel": N_("Cancel"), "&Cancel": N_("Cancel"),
             "Close": N_("Close"), "&Close": N_("Close"), "&Yes": N_("Yes"), "&No": N_("No"),
             "Discard": N_("Discard"), "Apply": N_("Apply"), "&OK": N_("OK"), "OK": N_("OK")}

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        if context in ("QPlatformTheme", "QGnomeTheme", "QDialogButtonBox", "QMessageBox") and source in self.WORDS:
            return i18n._(self.WORDS[source])
        return None  # not ours: Qt asks its own catalogue ("" would blank every other Qt text, "Ctrl+" too)


def apply_language(app: QApplication, language: str) -> None:
    global _qt_translator
    i18n.set_language(language)
    locale_name = i18n.LANGUAGES[i18n.language()]
    QLocale.setDefault(QLocale(locale_name))
    if _qt_translator is not None:
        app.removeTranslator(_qt_translator)
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{i18n.language()}", folder):
        app.installTranslator(translator)
        _qt_translator = translator
    else:
        _qt_translator = None
    global _button_words
    if _button_words is None:
        _button_words = ButtonWords(app)
    app.removeTranslator(_button_words)
    app.installTranslator(_button_words)
