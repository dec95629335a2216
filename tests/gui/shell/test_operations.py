"""The operation helper: work on a pool thread, result or error back on the GUI thread, progress when slow."""

from __future__ import annotations

import datetime as dt
import logging
import time
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QThread, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from brugapp.errors import ValidationError
from brugapp.services.meetings import agenda as agenda_service
from brugapp.services.meetings.meetings import MeetingInput, create_meeting
from brugapp.store.backups import list_backups
from brugapp.ui.followups.page import FollowUpsPage
from brugapp.ui.kaart.page import KaartPage
from brugapp.ui.meetings import editor as module
from brugapp.ui.meetings.editor import MeetingEditor
from brugapp.ui.operations import run_operation
from brugapp.ui.shell.main_window import MainWindow
from tests.unit.referrals.test_referral_scenarios import kaart_service


def test_result_is_delivered_on_the_gui_thread(qtbot) -> None:
    # GIVEN work that notes the thread it runs on
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: dict[str, object] = {}

    def work() -> int:
        seen["worker"] = QThread.currentThread()
        return 42

    def on_done(result: int) -> None:
        seen["result"] = result
        seen["done_on_gui_thread"] = QThread.currentThread() is QApplication.instance().thread()

    # WHEN it runs as an operation
    op = run_operation(parent, label="Bezig …", work=work, on_done=on_done)
    with qtbot.waitSignal(op.done, timeout=5000):
        pass
    # THEN the work ran off the GUI thread and the result came back on it
    assert seen["worker"] is not QApplication.instance().thread()
    assert seen["result"] == 42 and seen["done_on_gui_thread"] is True
    assert op.dialog is None  # fast work: no progress dialog flashed


def test_a_service_error_shows_its_translated_message(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def work() -> None:
        raise ValidationError("Er is geen toestemming van het gezin voor de school.")

    op = run_operation(parent, label="Bezig …", work=work, on_done=lambda _r: None)
    with qtbot.waitSignal(op.failed, timeout=5000):
        pass
    assert op.message_box is not None and op.message_box.isVisible()
    assert op.message_box.text() == "Er is geen toestemming van het gezin voor de school."
    op.message_box.close()


def test_an_unexpected_error_is_logged_without_its_message_and_shown_calmly(qtbot, caplog) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    errors: list[Exception] = []

    def work() -> None:
        name = "Ilyas El Amrani"
        raise KeyError(name)

    op = run_operation(parent, label="Bezig …", work=work, on_done=lambda _r: None, on_error=errors.append)
    with qtbot.waitSignal(op.done, timeout=5000):
        pass
    assert isinstance(errors[0], KeyError)
    assert "onverwacht" in op.error_text
    logged = [r for r in caplog.records if r.name == "brugapp.ui"]
    assert logged and "KeyError" in logged[0].getMessage() and "Ilyas" not in logged[0].getMessage()


def test_slow_work_shows_a_progress_dialog_and_the_gui_stays_responsive(qtbot) -> None:
    # GIVEN a timer ticking on the GUI thread
    parent = QWidget()
    qtbot.addWidget(parent)
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    # WHEN work of half a second runs
    op = run_operation(parent, label="Bezig met afdrukken …", work=lambda: time.sleep(0.5) or "klaar",
                       on_done=lambda _r: None)
    # THEN the busy dialog shows while it runs, the timer keeps firing, and the dialog goes when it is done
    qtbot.waitUntil(lambda: op.dialog is not None and op.dialog.isVisible(), timeout=2000)
    assert op.dialog.labelText() == "Bezig met afdrukken …"
    during = len(ticks)
    with qtbot.waitSignal(op.done, timeout=5000):
        pass
    timer.stop()
    assert during >= 5 and op.result == "klaar" and op.dialog is None


@pytest.mark.parametrize("kind", ["plain", "encrypted"])
def test_meeting_print_button_writes_the_pdf_on_a_worker(qtbot, kind, request, tmp_path: Path, monkeypatch) -> None:
    # GIVEN a meeting open in the editor (in a plain and in an encrypted store), and a save dialog with a path
    store = request.getfixturevalue("store" if kind == "plain" else "encrypted_store")
    meeting_id = create_meeting(store, data=MeetingInput(
        title="Rondetafel Ilyas", meeting_type="rondetafel",
        starts_at=dt.datetime.now().astimezone() + dt.timedelta(days=3)))
    editor = MeetingEditor(store)
    qtbot.addWidget(editor)
    editor.load(meeting_id)
    target = tmp_path / "agenda.pdf"
    monkeypatch.setattr(module, "choose_pdf_path", lambda *_a, **_k: target)
    printed_on: list[QThread] = []
    real_print = agenda_service.print_agenda

    def spy(*args, **kwargs):
        printed_on.append(QThread.currentThread())
        return real_print(*args, **kwargs)

    monkeypatch.setattr(agenda_service, "print_agenda", spy)
    # WHEN the print button's menu item for the own team is triggered
    action = next(a for a in editor.print_menus["agenda"].actions() if a.data() == ("agenda", "internal"))
    action.trigger()
    op = editor.operation
    assert op is not None
    with qtbot.waitSignal(op.done, timeout=10000):
        pass
    # THEN the PDF was written on a worker thread, carries the title, and the editor says where it went
    assert printed_on and printed_on[0] is not QApplication.instance().thread()
    assert target.exists() and editor.last_output == target
    assert "Rondetafel Ilyas" in PdfReader(target).pages[0].extract_text()
    assert str(target) in editor.message.text()


class StatusBarHost:
    """The one part of the main window a page uses here: its status line."""

    def __init__(self, window: QMainWindow) -> None:
        self.main = window

    def show_status(self, text: str, msecs: int = 8000) -> None:
        self.main.statusBar().showMessage(text, msecs)


def test_social_map_export_runs_as_an_operation_and_reports_in_the_status_bar(qtbot, store, tmp_path) -> None:
    # GIVEN one service on the social map page, inside a window with a status bar
    window = QMainWindow()
    qtbot.addWidget(window)
    kaart_service(store)
    page = KaartPage(store)
    page.attach(StatusBarHost(window))
    window.setCentralWidget(page)
    page.refresh()
    # WHEN it is exported as CSV
    op = page.export("csv", "csv", path=tmp_path / "kaart.csv")
    with qtbot.waitSignal(op.finished, timeout=10000):
        pass
    # THEN the file is written and the status bar says where
    assert (tmp_path / "kaart.csv").exists()
    assert str(tmp_path / "kaart.csv") in window.statusBar().currentMessage()


def test_calendar_export_runs_as_an_operation(qtbot, store, tmp_path) -> None:
    page = FollowUpsPage(store)
    qtbot.addWidget(page)
    op = page.export_calendar(tmp_path / "brugapp.ics")
    with qtbot.waitSignal(op.done, timeout=10000):
        pass
    assert (tmp_path / "brugapp.ics").read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    assert page.saved_box is not None and str(tmp_path / "brugapp.ics") in page.saved_box.text()
    page.saved_box.close()


def test_backup_now_copies_the_store_on_a_worker(qtbot, store) -> None:
    window = MainWindow(store, auto_lock_minutes=0)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.backup_now().done, timeout=10000):
        pass
    assert [p.name for p in list_backups(store.path)][-1].endswith(".manual.db")
    assert window.statusBar().currentMessage().startswith("Back-up gemaakt: ")


def test_closing_the_window_while_the_work_runs_loses_nothing_but_the_report(qtbot, caplog) -> None:
    # GIVEN slow work started from a window
    caplog.set_level(logging.INFO, logger="brugapp.ui")
    parent = QWidget()
    op = run_operation(parent, label="Bezig …", work=lambda: time.sleep(0.2) or "klaar", on_done=lambda _r: None)
    # WHEN the window is deleted before it finishes
    parent.deleteLater()
    qtbot.wait(50)
    # THEN the worker finishes quietly (no exception in the pool thread)
    assert QThreadPool.globalInstance().waitForDone(5000)
    qtbot.waitUntil(lambda: "operation finished after its window closed" in caplog.text, timeout=2000)
    assert not op.is_running()
    del op
