"""The Rapportage page: choose a school year and school, see the figures, print and export."""

from __future__ import annotations

import csv
import datetime as dt
import threading
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel

from brugapp.domain.clock import from_local
from brugapp.domain.schoolyear import SchoolYear
from brugapp.services.families.families import MemberInput, add_member
from brugapp.services.families.notebook import log_contact
from brugapp.services.reporting.signals import list_signals
from brugapp.ui.reports.page import ReportsPage, SignalDialog
from tests.factories import make_family, make_school


def _data(store) -> dict[str, str]:
    school = make_school(store, name="Basisschool De Vlieger")
    make_school(store, name="GO! Basisschool De Regenboog")
    family = make_family(store, display_name="Gezin Yılmaz")
    add_member(store, family_id=family, member=MemberInput("child", "Elif", "Yılmaz", school_id=school))
    for n in range(7):
        when = dt.datetime(2025, 10, 1 + n, 9).astimezone()
        log_contact(store, channel="telefoon", family_id=family, occurred_at=when)
    for n in range(2):
        when = dt.datetime(2026, 2, 2 + n, 9).astimezone()
        log_contact(store, channel="huisbezoek", family_id=family, occurred_at=when)
    return {"school": school}


def _cells(page: ReportsPage, key: str) -> list[list[str]]:
    model = page.card(key).model
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def _settle(qtbot, page) -> None:
    """The figures, the PDF and the CSV are made off the GUI thread; wait for the latest job."""
    qtbot.waitUntil(lambda: page.operation is None or not page.operation.is_running(), timeout=10_000)


def test_choose_year_and_school_then_print_and_export(qtbot, store, tmp_path: Path, monkeypatch) -> None:
    # GIVEN 7 calls and 2 home visits in 2025–2026 at one school, and the page opened in 2026–2027
    data = _data(store)
    page = ReportsPage(store, today=dt.date(2026, 11, 25))
    qtbot.addWidget(page)
    _settle(qtbot, page)
    assert page.year_combo.currentText() == "2026–2027"
    assert page.empty.isVisibleTo(page) and not page.pdf_button.isEnabled()
    # WHEN the coordinator picks 2025–2026 and the school
    page.select(school_year=SchoolYear(2025), school_id=data["school"])
    _settle(qtbot, page)
    # THEN the tables show the figures, small ones as "<5"
    assert not page.empty.isVisibleTo(page)
    assert ["Telefoon", "7"] in _cells(page, "channels")
    assert ["Huisbezoek", "<5"] in _cells(page, "channels")
    # AND the counts stand right under a right-aligned header, the labels left
    model = page.card("channels").model
    right, left = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), int(
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    assert model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) == right
    assert model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.TextAlignmentRole) == right
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.TextAlignmentRole) == left
    # WHEN "PDF afdrukken" is clicked (the file dialog answers with a path)
    target = tmp_path / "jaarrapport.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page.pdf_button.click()
    _settle(qtbot, page)
    # THEN the PDF is written with the school and the figures
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(target).pages).split())
    assert "Jaarrapport 2025–2026" in text and "Basisschool De Vlieger" in text and "Telefoon 7" in text
    assert "Yılmaz" not in text and "Elif" not in text
    # AND the CSV export reads back
    csv_target = tmp_path / "jaarrapport.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(csv_target), ""))
    page.csv_button.click()
    _settle(qtbot, page)
    with csv_target.open(encoding="utf-8-sig", newline="") as handle:
        assert ["Telefoon", "7"] in list(csv.reader(handle, delimiter=";"))
    assert str(csv_target) in page.status.text()


def test_signal_dialog_adds_a_signal(qtbot, store) -> None:
    school = make_school(store, name="Basisschool De Vlieger")
    dialog = SignalDialog(store, school_id=school)
    qtbot.addWidget(dialog)
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("poverty.housing"))
    qtbot.keyClicks(dialog.description_edit, "Huisjesmelker: vochtige woningen")
    dialog.families_spin.setValue(5)
    qtbot.keyClicks(dialog.passed_on_edit, "Lokaal Netwerk Kinderarmoede")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    [signal] = list_signals(store)
    assert (signal.theme, signal.families_concerned, signal.school_id) == ("poverty.housing", 5, school)


def test_signal_dialog_shows_the_error(qtbot, store) -> None:
    dialog = SignalDialog(store)
    qtbot.addWidget(dialog)
    dialog.save()
    assert dialog.error.isVisibleTo(dialog)
    assert "zonder namen" in dialog.error.text()
    assert list_signals(store) == []


def test_subtitle_wraps_beside_the_header_buttons(qtbot, store) -> None:
    # GIVEN the page at the width it gets in a 1366 px window (minus the sidebar)
    page = ReportsPage(store)
    qtbot.addWidget(page)
    page.resize(1366 - 218, 700)
    page.show()
    qtbot.waitExposed(page)
    label = page.subtitle_label
    # THEN the whole subtitle is visible: it ends before the first button and has the height its text needs
    assert "werkgever" in label.text()
    assert label.geometry().right() < page.signal_button.geometry().left()
    wrapped = label.fontMetrics().boundingRect(0, 0, label.contentsRect().width(), 10_000,
                                               Qt.TextFlag.TextWordWrap, label.text())
    assert wrapped.height() <= label.contentsRect().height()
    assert label.fontMetrics().horizontalAdvance(label.text()) > label.width()  # so it really wraps here


def test_while_counting_the_page_does_not_say_there_are_no_figures(qtbot, store) -> None:
    # GIVEN figures in the school year shown
    _data(store)
    page = ReportsPage(store, today=dt.date(2025, 11, 25))
    qtbot.addWidget(page)
    page.show()
    _settle(qtbot, page)
    # WHEN a contact moment is logged and the page counts again (the work runs off the GUI thread)
    log_contact(store, channel="telefoon", occurred_at=from_local(dt.datetime(2025, 12, 1, 9)))
    running = page.refresh()
    assert running is not None and running.is_running()
    # THEN it says it is counting, and neither "no figures" nor half a grid is shown
    assert not page.empty.isVisible()
    assert page.status.isVisible() and "geteld" in page.status.text()
    _settle(qtbot, page)
    assert not page.status.isVisible()
    assert page.scroll.isVisible() and not page.empty.isVisible()


def test_a_return_visit_shows_the_kept_figures_until_something_is_written(qtbot, store) -> None:
    # GIVEN the page counted 2025–2026 for all schools
    _data(store)
    page = ReportsPage(store, today=dt.date(2025, 11, 25))
    qtbot.addWidget(page)
    _settle(qtbot, page)
    cards = list(page.cards)
    assert ["Telefoon", "7"] in _cells(page, "channels")
    # WHEN the page is shown again and nothing was written
    # THEN nothing is counted and the same cards stay on screen
    assert page.refresh() is None
    assert page.cards == cards and page.scroll.isVisibleTo(page)
    # WHEN a phone call is logged in the same school year
    log_contact(store, channel="telefoon", occurred_at=from_local(dt.datetime(2025, 12, 1, 9)))
    # THEN the page counts again and shows it
    assert page.refresh() is not None
    _settle(qtbot, page)
    assert page.cards != cards
    assert ["Telefoon", "8"] in _cells(page, "channels")


def test_a_first_visit_counts_once_while_the_page_is_built(qtbot, store, monkeypatch) -> None:
    # GIVEN figures in this school year, none kept yet
    from brugapp.services.reporting.kept import forget_kept_reports
    from brugapp.ui.reports import page as page_module

    _data(store)
    forget_kept_reports()
    counted: list[tuple[int, str | None]] = []
    real = page_module.counted_report
    counting_may_end = threading.Event()  # the count of a few records could end before the page is built

    def counting(store, *, school_year, school_id=None):  # type: ignore[no-untyped-def]
        counted.append((school_year.start_year, school_id))
        counting_may_end.wait(10)
        return real(store, school_year=school_year, school_id=school_id)

    monkeypatch.setattr(page_module, "counted_report", counting)
    # WHEN the page is opened
    page = ReportsPage(store, today=dt.date(2025, 11, 25))
    qtbot.addWidget(page)
    assert page.status.isVisibleTo(page) and "geteld" in page.status.text()
    counting_may_end.set()
    _settle(qtbot, page)
    # THEN this school year is counted once and shown, the status line gone
    assert counted == [(2025, None)]
    assert ["Telefoon", "7"] in _cells(page, "channels")
    assert not page.status.isVisibleTo(page) and page.scroll.isVisibleTo(page)
    # WHEN another page is opened with those figures kept THEN nothing is counted and they are shown at once
    again = ReportsPage(store, today=dt.date(2025, 11, 25))
    qtbot.addWidget(again)
    assert counted == [(2025, None)] and again.operation is None
    assert ["Telefoon", "7"] in _cells(again, "channels")


def test_a_count_ended_before_the_page_was_built_is_shown_once(qtbot, store, monkeypatch) -> None:
    # GIVEN figures in this school year, none kept yet, and a count that ends while the page is still being built
    from PySide6.QtCore import QThreadPool

    from brugapp.services.reporting.kept import forget_kept_reports
    from brugapp.ui.reports import page as page_module

    _data(store)
    forget_kept_reports()
    fill_schools = page_module.ReportsPage._fill_schools

    def fill_schools_late(self):  # type: ignore[no-untyped-def]
        QThreadPool.globalInstance().waitForDone()  # the count started first has ended
        fill_schools(self)

    grids: list[object] = []
    card_grid = page_module.CardGrid

    def counted_grid(*args, **kwargs):  # type: ignore[no-untyped-def]
        grids.append(card_grid(*args, **kwargs))
        return grids[-1]

    monkeypatch.setattr(page_module.ReportsPage, "_fill_schools", fill_schools_late)
    monkeypatch.setattr(page_module, "CardGrid", counted_grid)
    # WHEN the page is opened
    page = ReportsPage(store, today=dt.date(2025, 11, 25))
    qtbot.addWidget(page)
    # THEN the figures are there at once, not "counting", and stay the same cards once the count's answer arrives
    assert not page.status.isVisibleTo(page) and page.scroll.isVisibleTo(page)
    _settle(qtbot, page)
    qtbot.wait(50)
    assert len(grids) == 1 and page.grid is grids[0]
    assert ["Telefoon", "7"] in _cells(page, "channels")


def test_the_first_cards_are_built_while_counting_and_filled_when_the_figures_arrive(qtbot, store,
                                                                                   monkeypatch) -> None:
    # GIVEN figures at one school in 2025–2026, none kept, and a count held until the page is built
    from brugapp.services.reporting.kept import forget_kept_reports
    from brugapp.ui.reports import page as page_module

    data = _data(store)
    forget_kept_reports()
    real = page_module.counted_report
    counting_may_end = threading.Event()

    def counting(store, *, school_year, school_id=None):  # type: ignore[no-untyped-def]
        counting_may_end.wait(10)
        return real(store, school_year=school_year, school_id=school_id)

    monkeypatch.setattr(page_module, "counted_report", counting)
    # WHEN the page is opened
    page = ReportsPage(store, today=dt.date(2025, 11, 25))
    qtbot.addWidget(page)
    # THEN while it counts, the first four cards wait without rows (out of sight)
    assert page.grid is not None and page.grid.waiting and not page.scroll.isVisibleTo(page)
    waiting = page.grid.findChildren(page_module.ReportTableCard)
    assert sorted(card.key for card in waiting) == ["channels", "families", "summary", "themes"]
    assert all(card.model.rowCount() == 0 for card in waiting)
    # WHEN the figures arrive THEN those same cards show them, counts right-aligned, the notes under them
    counting_may_end.set()
    _settle(qtbot, page)
    assert not page.grid.waiting and page.scroll.isVisibleTo(page)
    assert page.cards[:4] == [page.card(key) for key in ("summary", "families", "channels", "themes")]
    assert {id(card) for card in page.cards[:4]} == {id(card) for card in waiting}
    assert ["Telefoon", "7"] in _cells(page, "channels")
    channels = page.card("channels").model
    right = Qt.AlignmentFlag.AlignRight
    assert channels.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) & right
    assert channels.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.TextAlignmentRole) & right
    families_note = page.card("families").findChildren(QLabel, "Hint")
    assert any("1 september" in label.text() for label in families_note)
    # WHEN a school is chosen (its key figures carry a note) THEN its cards are built for it and filled too
    page.select(school_id=data["school"])
    _settle(qtbot, page)
    assert ["Telefoon", "7"] in _cells(page, "channels")
    assert any("schoolkoppeling" in label.text() for label in page.card("summary").findChildren(QLabel, "Hint"))
