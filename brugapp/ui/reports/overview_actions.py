"""The *Rapportage* "More …" menu: questions per school (one page for a staff meeting) and the programme report.

The dialogs are imported when chosen (they import this page's table card; importing them here at start-up would
go round in a circle).
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog, QLabel, QMenu, QWidget

from brugapp.domain.schoolyear import SchoolYear
from brugapp.i18n import _
from brugapp.services.reporting.school_questions import SchoolQuestions, print_school_questions
from brugapp.store import Store
from brugapp.ui.operations import Operation, run_operation


class ReportsPageLike(Protocol):
    """What the menu needs from the page: the store, the chosen year and school, a status line."""

    store: Store
    status: QLabel
    school_combo: QComboBox

    def school_year(self) -> SchoolYear: ...

    def school_id(self) -> str | None: ...


def _status(page: ReportsPageLike, text: str) -> None:
    page.status.setText(text)
    page.status.show()


def print_questions(page: ReportsPageLike, path: str | None = None) -> Operation[SchoolQuestions] | None:
    school = page.school_id()
    if not school:
        _status(page, _("Choose a school first: the page of questions is made per school."))
        return None
    year = page.school_year()
    if not path:
        path, _filter = QFileDialog.getSaveFileName(page, _("Questions at our school"),  # type: ignore[arg-type]
                                                    f"vragen-{year.start_year}-{year.start_year + 1}.pdf",
                                                    _("PDF (*.pdf)"))
    if not path:
        return None
    target = Path(path)
    return run_operation(page, label=_("Printing …"),  # type: ignore[arg-type]
                         on_done=lambda _q: _status(page, _("Saved: {path}").format(path=target)),
                         work=lambda: print_school_questions(page.store, school_id=school, school_year=year,
                                                             path=target))


def open_programme(page: ReportsPageLike) -> QDialog:
    from brugapp.ui.reports.programme_dialog import ProgrammeDialog  # start-up time: loaded when first opened

    dialog = ProgrammeDialog(page.store, page, school_year=page.school_year())  # type: ignore[arg-type]
    dialog.open()
    return dialog


def overview_menu(page: QWidget) -> QMenu:
    menu = QMenu(page)
    questions = menu.addAction(_("Questions at this school (one page, PDF) …"))
    questions.triggered.connect(lambda: print_questions(page))  # type: ignore[arg-type]
    programme = menu.addAction(_("Programme report: export or merge figures …"))
    programme.triggered.connect(lambda: open_programme(page))  # type: ignore[arg-type]
    return menu
