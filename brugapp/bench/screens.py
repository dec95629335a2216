"""What a person waits for in the real widgets (offscreen, 1366×768): every page shown and filled, a family with
a long history opened, the quick log saved, Vandaag built.

A wait ends when the screen is done: the page's own work, the work it started on the thread pool (the report
page computes its figures off the GUI thread) and the events that lay it out and paint it. The driver imports
PySide6 inside its functions: it is the one part of ``brugapp bench`` that stands above ``ui/``, as tests/gui does.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from brugapp.bench.base import BenchContext, BenchResult, percentile
from brugapp.bench.search import KEYSTROKE_MS
from brugapp.services.reporting.kept import forget_kept_reports
from brugapp.store import Store

if TYPE_CHECKING:
    from brugapp.ui.families.quick_log import QuickLogDialog
    from brugapp.ui.shell.main_window import MainWindow

PAGE_MS = 100.0
SAVE_MS = 50.0
ROUNDS = 5  # fresh windows: a first visit happens once per window (three let a slow spell move the median by 2x)


def application() -> Any:
    """The one QApplication of the bench process, set up as the app sets up its own."""
    from PySide6.QtWidgets import QApplication

    from brugapp.settings import load_settings
    from brugapp.ui.app import setup_application
    from brugapp.ui.none_guard import reserve_singleton_references

    app = QApplication.instance()
    if app is None:
        # Offscreen whatever the desktop: the measured windows are drawn, never shown (and a machine without a
        # display, as CI, would otherwise stop at Qt's platform plugin).
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QApplication(["brugapp-bench"])
        setup_application(app, load_settings().language)
        reserve_singleton_references()  # at once: the bench types thousands of keystrokes before its timer turns
    return app


def settle() -> None:
    """Let the screen finish: work on the thread pool, then the events that deliver it, lay out and paint."""
    from PySide6.QtCore import QThreadPool

    app = application()
    for _n in range(3):
        QThreadPool.globalInstance().waitForDone()
        app.processEvents()


def open_main_window(store: Store) -> MainWindow:
    from brugapp.ui.shell.main_window import MainWindow

    application()
    # The year reports an earlier round counted are kept in memory (until the store changes): a fresh window
    # starts without them, so Rapportage's first visit counts as it does after a start.
    forget_kept_reports()
    window = MainWindow(store, auto_lock_minutes=0)
    # Every round opens on Vandaag with the other pages unbuilt: the window would otherwise reopen on the page
    # an earlier round closed on, and that page's "first visit" would be a return visit.
    window.remembers_state = False
    window.resize(1366, 768)
    window.show()
    settle()
    from brugapp.ui.gc_guard import freeze_start_up_objects

    freeze_start_up_objects()  # as the app does once its first screen is shown (ui/app.py)
    return window


CPU_MS: list[float] = []  # CPU time of each ``timed`` call, in order (the rows report the median beside the wall time)


def timed(operation: Callable[[], object]) -> float:
    started, cpu_started = time.perf_counter(), time.process_time()
    operation()
    settle()
    CPU_MS.append((time.process_time() - cpu_started) * 1000)
    return (time.perf_counter() - started) * 1000


def _row(name: str, samples: list[float], budget: float, cpu: list[float] | None = None) -> BenchResult:
    return BenchResult(name, round(statistics.median(samples), 2), budget, len(samples), group="screen",
                       cpu_ms=round(statistics.median(cpu), 2) if cpu else None)


def _family_uuid(store: Store, pk: int) -> str:
    from brugapp.store.models import Family

    with store.read() as session:
        return str(session.scalar(select(Family.uuid).where(Family.id == pk)))


def page_benchmarks(store: Store) -> list[BenchResult]:
    """First visit (the page is built and filled) and a return visit (filled again) of every sidebar page."""
    from brugapp.ui.shell.sections import SECTIONS

    first: dict[str, list[float]] = {spec.key: [] for spec in SECTIONS}
    again: dict[str, list[float]] = {spec.key: [] for spec in SECTIONS}
    cpu: dict[str, list[float]] = {}
    vandaag: list[float] = []

    def run(series: list[float], key: str, operation: Callable[[], object]) -> None:
        series.append(timed(operation))
        cpu.setdefault(key, []).append(CPU_MS[-1])

    for _round in range(ROUNDS):
        # Each round reads as after a start: the pooled connections (and the pages SQLite decrypted into their
        # caches in an earlier round) are closed, so a first visit reads its rows from the file again.
        store.engine.dispose()
        window = open_main_window(store)
        run(vandaag, "vandaag", window.page("today").refresh)
        for spec in SECTIONS[1:]:
            run(first[spec.key], f"first {spec.key}", partial(window.show_section, spec.key))
        for spec in SECTIONS:
            window.show_section(SECTIONS[1].key if spec is SECTIONS[0] else SECTIONS[0].key)
            settle()
            run(again[spec.key], f"again {spec.key}", partial(window.show_section, spec.key))
        window.close()
        window.deleteLater()
        settle()
    from brugapp.i18n import _

    rows = [_row("Vandaag built: promises, follow-ups due, today's contacts (refresh)", vandaag, PAGE_MS,
                 cpu["vandaag"])]
    for spec in SECTIONS[1:]:
        rows.append(_row(f"page {_(spec.title)}: first visit, built and filled", first[spec.key], PAGE_MS,
                         cpu[f"first {spec.key}"]))
    for spec in SECTIONS:
        rows.append(_row(f"page {_(spec.title)}: shown again and filled", again[spec.key], PAGE_MS,
                         cpu[f"again {spec.key}"]))
    return rows


def family_and_quick_log(store: Store, context: BenchContext) -> list[BenchResult]:
    """Open the family with 100 contact moments from the Families page; save a quick log from Vandaag."""

    busy = _family_uuid(store, context.family_ids[0])
    window = open_main_window(store)
    families = window.show_section("families")
    settle()
    other = _family_uuid(store, context.family_ids[-1])
    opened, opened_cpu = [], []
    for _n in range(ROUNDS + 2):
        families.select_family(other)  # type: ignore[attr-defined]
        settle()
        opened.append(timed(lambda: families.select_family(busy)))  # type: ignore[attr-defined]
        opened_cpu.append(CPU_MS[-1])
    window.show_section("today")
    settle()
    saves, updates, saves_cpu, updates_cpu, opens, opens_cpu, typed = [], [], [], [], [], [], []
    opened_dialogs: list[QuickLogDialog | None] = []
    for n in range(ROUNDS + 2):
        opens.append(timed(lambda: opened_dialogs.append(window.open_quick_log())))
        opens_cpu.append(CPU_MS[-1])
        dialog = opened_dialogs[-1]
        assert dialog is not None  # the window is not locked
        typed.extend(_family_typed(dialog))
        dialog.family.clear()
        dialog.family.set_family(busy)
        dialog.note.setPlainText(f"Mama belt over de schoolfactuur ({n}); terugbellen volgende week.")
        dialog.follow_up.setText("+7")
        started, cpu_started = time.perf_counter(), time.process_time()
        dialog.save()  # stored, the dialog closed: the brugfiguur can go on
        closed, cpu_closed = time.perf_counter(), time.process_time()
        settle()  # Vandaag refreshes right after, with the new promise
        saves.append((closed - started) * 1000)
        updates.append((time.perf_counter() - closed) * 1000)
        saves_cpu.append((cpu_closed - cpu_started) * 1000)
        updates_cpu.append((time.process_time() - cpu_closed) * 1000)
    window.close()
    window.deleteLater()
    settle()
    return [_row("open a family with 100 contact moments", opened, PAGE_MS, opened_cpu),
            _row(f"quick log: opened (Ctrl+N) until shown, {context.families} families to choose from", opens,
                 PAGE_MS, opens_cpu),
            BenchResult(f"quick log: a family typed letter by letter ({len(FAMILY_TYPED)} names, every prefix)",
                        round(statistics.median(typed), 2), KEYSTROKE_MS, len(typed),
                        p95_ms=round(percentile(typed, 0.95), 2), group="screen"),
            _row("quick log: Save pressed until the dialog is closed", saves, SAVE_MS, saves_cpu),
            _row("Vandaag updated after a quick log", updates, PAGE_MS, updates_cpu)]


# Every family of the bench is "Gezin <surname>": the first letters match them all, as on a busy programme
FAMILY_TYPED = ["gezin", "ozdemir", "peeters", "el amrani"]


def _family_typed(dialog: QuickLogDialog) -> list[float]:
    """Each key of a name typed into the quick log's family field, until the list of families under it is drawn."""
    from PySide6.QtTest import QTest

    waits = []
    for word in FAMILY_TYPED:
        dialog.family.clear()
        for key in word:
            waits.append(timed(partial(QTest.keyClick, dialog.family, key)))
    completer = dialog.family.completer()
    popup = completer.popup() if completer is not None else None
    if popup is not None:  # the list of families under the field, open after the last key
        popup.hide()
    return waits


def map_first_letter(store: Store) -> list[BenchResult]:
    """After the map's first visit (which read the list's first page only): the rest of the map, read in parts
    while the page is shown and idle, each part's search words folded in a step of its own (a key pressed
    meanwhile waits for the step being done), then the first letter typed half a second after the page was shown,
    as a person who clicks into the search box first (filtering the whole map; the page's 60 ms pause for the next
    letter is not timed)."""
    rest: list[float] = []
    letters: list[float] = []
    rest_cpu: list[float] = []
    letter_cpu: list[float] = []
    for _round in range(ROUNDS):
        store.engine.dispose()  # as after a start (see page_benchmarks)
        window = open_main_window(store)
        page: Any = window.show_section("kaart")
        settle()
        page._rest_timer.stop()  # the reads the timer would start, part by part, timed here instead
        parts: list[float] = []
        parts_cpu: list[float] = []
        more = [True]
        while more[-1]:  # each idle step: a part read, or a part's search words folded
            parts.append(timed(partial(_idle_step, page, more)))
            parts_cpu.append(CPU_MS[-1])
        rest.append(max(parts))  # what a key pressed at the worst moment waits
        rest_cpu.append(max(parts_cpu))
        window.close()
        window.deleteLater()
        settle()
        store.engine.dispose()
        window = open_main_window(store)
        page = window.show_section("kaart")
        settle()
        _wait(500)  # a person reads the list and clicks into the search box
        letters.append(timed(partial(_type_a_letter, page)))
        letter_cpu.append(CPU_MS[-1])
        window.close()
        window.deleteLater()
        settle()
    return [_row("page Sociale kaart: the rest of the map read in parts while its first page is shown (the "
                 "longest part: what a key pressed meanwhile waits)", rest, KEYSTROKE_MS, rest_cpu),
            _row("page Sociale kaart: the first letter typed, 0.5 s after a first visit", letters, KEYSTROKE_MS,
                 letter_cpu)]


def _wait(ms: int) -> None:
    """Let the application run (its timers too) for ``ms``, as while a person looks at the screen."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _idle_step(page: Any, more: list[bool]) -> None:
    page.read_rest()
    more.append(page._rest_timer.isActive())  # a step after this one, which is timed on its own
    page._rest_timer.stop()


def _type_a_letter(page: Any) -> None:
    page.search.setText("s")
    page.apply_filters()


def dialog_benchmarks(store: Store) -> list[BenchResult]:
    """The dialogs of the day's work opened over the window, each on every family and the whole map (a family is
    typed, not chosen from a list: ``ui/widgets/family_picker.py``; the recipients of a consent or a referral
    sheet are every school and everyone on the map), and a need chosen in a new referral (the map's services
    ordered again)."""
    from brugapp.services.referrals.referrals import get_referral
    from brugapp.store.models import Family
    from brugapp.store.models.referrals import Referral
    from brugapp.ui.families.consent_panel import ConsentDialog
    from brugapp.ui.followups.page import NewFollowUpDialog
    from brugapp.ui.meetings.dialogs import NewMeetingDialog, ParticipantDialog
    from brugapp.ui.referrals.dialogs import NewReferralDialog, PrintSheetDialog
    from brugapp.ui.today.anonymous_contacts import AnonymousContactsDialog

    with store.read() as session:
        referral_id, family_id = session.execute(select(Referral.uuid, Family.uuid).join(Family).limit(1)).one()
    referral = get_referral(store, referral_id=referral_id)
    kinds: dict[str, Callable[[Store, Any], Any]] = {
        "New referral": NewReferralDialog, "New meeting": NewMeetingDialog,
        "Add a participant (meeting)": ParticipantDialog, "New follow-up": NewFollowUpDialog,
        "Consent of a family": lambda store, window: ConsentDialog(store, family_id, window),
        "Print a referral sheet": lambda store, window: PrintSheetDialog(store, referral, window),
        "Anonymous contacts (from Vandaag)": AnonymousContactsDialog}
    opened: dict[str, list[float]] = {name: [] for name in kinds}
    opened_cpu: dict[str, list[float]] = {name: [] for name in kinds}
    needs: list[float] = []
    window = open_main_window(store)
    shown: list[Any] = []
    for _round in range(ROUNDS):
        for name, make in kinds.items():
            opened[name].append(timed(partial(_show_dialog, make, store, window, shown)))
            opened_cpu[name].append(CPU_MS[-1])
            dialog = shown[-1]
            if isinstance(dialog, NewReferralDialog):
                for row in range(1, 5):  # the arrow keys through the first needs
                    needs.append(timed(partial(dialog.theme_combo.setCurrentIndex, row)))
            dialog.reject()
            dialog.deleteLater()
            settle()
    window.close()
    window.deleteLater()
    settle()
    return [*(_row(f"dialog {name}: opened until shown", opened[name], PAGE_MS, opened_cpu[name]) for name in kinds),
            _row("dialog New referral: a need chosen (the services for it first)", needs, KEYSTROKE_MS)]


def _show_dialog(make: Callable[[Store, Any], Any], store: Store, window: Any, shown: list[Any]) -> None:
    dialog = make(store, window)
    dialog.show()
    shown.append(dialog)


def screen_benchmarks(store: Store, context: BenchContext) -> list[BenchResult]:
    return [*page_benchmarks(store), *map_first_letter(store), *family_and_quick_log(store, context),
            *dialog_benchmarks(store)]
