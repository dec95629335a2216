"""The input fields every form uses: combo boxes and lines with an accessible name, and date fields that
show one date format per language in every dialog (not "04-12-2026" in one and "4/12/2026" in the next)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QComboBox, QDateEdit, QDateTimeEdit, QLineEdit

from brugapp.domain.vocabulary import Vocabulary
from brugapp.i18n import language

# Qt display formats per language: numeric day first, as a Flemish or British reader writes it.
DATE_FORMATS = {"nl": "dd-MM-yyyy", "en": "dd/MM/yyyy"}


def date_format() -> str:
    return DATE_FORMATS.get(language(), DATE_FORMATS["nl"])


def datetime_format() -> str:
    return f"{date_format()} HH:mm"


def qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def date_from_qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def use_date_format(edit: QDateTimeEdit) -> QDateTimeEdit:
    """Give a date (or date and time) field the one format of the language on screen."""
    has_time = not isinstance(edit, QDateEdit) and bool(
        edit.displayedSections() & (QDateTimeEdit.Section.HourSection | QDateTimeEdit.Section.MinuteSection))
    edit.setDisplayFormat(datetime_format() if has_time else date_format())
    return edit


def date_edit(value: dt.date | QDate, name: str = "") -> QDateEdit:
    edit = QDateEdit(value if isinstance(value, QDate) else qdate(value))
    edit.setCalendarPopup(True)
    if name:
        edit.setAccessibleName(name)
    use_date_format(edit)
    return edit


def datetime_edit(day: dt.date | QDate, time: dt.time | QTime, name: str = "") -> QDateTimeEdit:
    qday = day if isinstance(day, QDate) else qdate(day)
    qtime = time if isinstance(time, QTime) else QTime(time.hour, time.minute)
    edit = QDateTimeEdit(QDateTime(qday, qtime))
    edit.setCalendarPopup(True)
    if name:
        edit.setAccessibleName(name)
    edit.setDisplayFormat(datetime_format())
    return edit


def combo(name: str, items: Iterable[tuple[str, str]], current: str = "", *, none_text: str = "") -> QComboBox:
    """A choice of ``(label, code)`` items; ``none_text`` adds a first choice with the code ""."""
    box = QComboBox()
    box.setAccessibleName(name)
    if none_text:
        box.addItem(none_text, "")
    for label, code in items:
        box.addItem(label, code)
    index = box.findData(current)
    box.setCurrentIndex(max(index, 0))
    return box


def vocabulary_combo(vocabulary: Vocabulary, name: str, current: str = "") -> QComboBox:
    return combo(name, ((term.text(), term.code) for term in vocabulary), current)


def line(name: str, text: str = "", placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(text)
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    return edit
