"""Mirror the gettext language into Qt: its own dialogs (qtbase_*.qm) and QLocale."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from brugapp import i18n

_qt_translator: QTranslator | None = None


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
