"""The one error line: a service's message in the error colour, later a note in the hint colour, hidden when empty."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from brugapp.errors import ValidationError
from brugapp.ui.reports.programme_dialog import ProgrammeDialog
from brugapp.ui.widgets.form_dialog import ErrorLine


def test_error_then_note_then_nothing(qtbot):
    holder = QWidget()
    qtbot.addWidget(holder)
    line = ErrorLine()
    QVBoxLayout(holder).addWidget(line)
    holder.show()
    assert line.isHidden()
    # WHEN a service refuses THEN its message shows in the error colour
    line.show_error(ValidationError("De datum 31-13-2026 bestaat niet.", field="when"))
    assert (line.text(), line.objectName(), line.isVisible()) == ("De datum 31-13-2026 bestaat niet.", "Error", True)
    assert line.palette().windowText().color() != holder.palette().windowText().color()
    # WHEN it then works THEN the same line says so in the hint colour
    line.show_note("Opgeslagen: /tmp/lijst.pdf")
    assert (line.text(), line.objectName()) == ("Opgeslagen: /tmp/lijst.pdf", "Hint")
    line.clear_message()
    assert line.isHidden() and line.text() == ""


def test_a_line_with_a_note_or_room_is_shown_from_the_start(qtbot):
    holder = QWidget()
    qtbot.addWidget(holder)
    noted, roomy = ErrorLine("Voeg de cijferbestanden toe."), ErrorLine(keep_room=True)
    layout = QVBoxLayout(holder)
    layout.addWidget(noted)
    layout.addWidget(roomy)
    holder.show()
    assert noted.isVisible() and noted.objectName() == "Hint"
    assert roomy.isVisible() and roomy.text() == ""


def test_a_refused_figures_file_is_named_on_the_dialog_s_line(qtbot, store, tmp_path):
    from brugapp.domain.schoolyear import SchoolYear

    bad = tmp_path / "cijfers.json"
    bad.write_text("{not json", encoding="utf-8")
    dialog = ProgrammeDialog(store, school_year=SchoolYear(2025))
    qtbot.addWidget(dialog)
    dialog.files = [bad]
    dialog.merge()
    assert dialog.status.objectName() == "Error" and "cijfers.json" in dialog.status.text()
