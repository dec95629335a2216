"""Build every page and every dialog offscreen, render each to a PNG and look for cut-off text.

A smoke test users can run too (``brugapp self-test``). It saves nothing: no window position, no draft,
no record. Each view comes back with the texts it shows cut off at any of the screen sizes checked
(see ``brugapp.ui.clipping``); the PNG shows the first size.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Qt at the top is fine here: this module loads only for `brugapp self-test` (cli/selftest_command imports it
# when the command runs), so the CLI still starts without Qt for every other command.
from PySide6.QtCore import QEvent, Qt, QThreadPool
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDateTimeEdit,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from brugapp.store import Store
from brugapp.ui.app import setup_application
from brugapp.ui.clipping import clipped_texts
from brugapp.ui.icons import undrawable_icons
from brugapp.ui.shell.gallery import DIALOGS
from brugapp.ui.shell.main_window import MainWindow
from brugapp.ui.shell.selftest_overviews import render_overviews  # the overview dialogs (issue 17)
from brugapp.ui.widgets.fields import date_format, datetime_format

SCREEN_SIZES: tuple[tuple[int, int], ...] = ((1366, 768), (1280, 720))


@dataclass(frozen=True)
class RenderedView:
    section: str
    png: Path | None  # None when no folder was asked for: rendered in memory only
    clipped: tuple[str, ...] = ()  # cut-off texts, and date fields in another format than the language's


def settle(app: Any) -> None:
    """Let background operations (report figures …) finish and their results reach the screen."""
    QThreadPool.globalInstance().waitForDone(15_000)
    for _round in range(3):
        app.processEvents()
    # processEvents() leaves deleteLater() to the next event loop; the self-test has none, so delete now
    # (otherwise every closed dialog stays alive and each later style change re-polishes them all).
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def render_all_views(store: Store, out_dir: Path | None, *, language: str = "nl",
                     sizes: tuple[tuple[int, int], ...] = SCREEN_SIZES) -> list[RenderedView]:
    """Every page (with a record chosen, every tab), then every dialog; PNGs in ``out_dir``."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication([])
    setup_application(app, language)
    window = MainWindow(store, auto_lock_minutes=0)
    window.remembers_state = False  # the user's window position and last page stay as they were
    window.resize(*sizes[0])
    window.show()
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    missing = undrawable_icons()  # Qt's SVG image plugin left out of an installation: icons would be blank
    try:
        rendered = [RenderedView("icons", None, tuple(f"icon {name} cannot be drawn" for name in missing))] \
            if missing else []
        rendered += _render_pages(app, window, out_dir, sizes)
        rendered += render_dialogs(app, store, window, out_dir, sizes=sizes)
        overviews_dir = out_dir / "overviews" if out_dir else None
        rendered += [RenderedView(name, png)
                     for name, png in render_overviews(store, overviews_dir, lambda: settle(app))]
    finally:
        window.close()
        window.deleteLater()
        settle(app)
    return rendered


def _snapshot(app: Any, widget: QWidget, name: str, out_dir: Path | None,
              sizes: tuple[tuple[int, int], ...]) -> RenderedView:
    """Check the widget at every size (smallest last), then draw it at the first size."""
    problems: list[str] = []
    for width, height in (*sizes[1:], sizes[0]):
        widget.resize(width, height)
        app.processEvents()
        problems += [f"{width}×{height}: {problem}" for problem in clipped_texts(widget)]
    return RenderedView(name, _save_png(widget, out_dir, name), tuple(dict.fromkeys(problems)))


def _save_png(widget: QWidget, out_dir: Path | None, name: str) -> Path | None:
    if out_dir is None:  # checking only (the tests): drawing to a file is the slow part
        return None
    target = out_dir / f"{name}.png"
    if not widget.grab().save(str(target)):
        raise RuntimeError(f"could not write {target}")
    return target


def _render_pages(app: Any, window: MainWindow, out_dir: Path | None,
                  sizes: tuple[tuple[int, int], ...]) -> list[RenderedView]:
    rendered = []
    for key in window.section_keys():
        window.show_section(key)
        settle(app)
        rendered.append(_snapshot(app, window, key, out_dir, sizes))
        if _choose_first_row(window.stack.currentWidget()):
            settle(app)
            rendered.append(_snapshot(app, window, f"{key}-chosen", out_dir, sizes))
        rendered += _render_tabs(app, window, key, out_dir, sizes)
    return rendered


def _choose_first_row(page: QWidget) -> bool:
    """Choose the first record of the page's main list, as a person clicking it would (shows its detail)."""
    for view in page.findChildren(QAbstractItemView):
        model = view.model()
        if view.isVisible() and model is not None and model.rowCount() and view.selectionModel() is not None:
            view.setFocus()
            view.setCurrentIndex(model.index(0, 0))
            return True
    return False


def _render_tabs(app: Any, window: MainWindow, key: str, out_dir: Path | None,
                 sizes: tuple[tuple[int, int], ...]) -> list[RenderedView]:
    """Every tab of the page (nested ones too) shown once; the first tab is left current afterwards."""
    page = window.stack.currentWidget()
    rendered = []
    for number, tabs in enumerate(page.findChildren(QTabWidget)):
        for index in range(1, tabs.count()):
            _reveal(tabs)
            tabs.setCurrentIndex(index)
            settle(app)
            rendered.append(_snapshot(app, window, f"{key}-tab{number}-{index}", out_dir, sizes))
        tabs.setCurrentIndex(0)
    return rendered


def _reveal(widget: QWidget) -> None:
    """Make every tab (and stacked page, e.g. Overleg's event beside its meetings) that holds ``widget`` the
    current one, so it is on screen."""
    child = widget
    parent = child.parentWidget()
    while parent is not None:
        grand = parent.parentWidget()
        if isinstance(grand, QTabWidget) and grand.indexOf(child) >= 0:
            grand.setCurrentWidget(child)
        elif isinstance(parent, QStackedWidget) and parent.indexOf(child) >= 0 and grand is not None \
                and not isinstance(grand, QTabWidget):
            parent.setCurrentWidget(child)
        child, parent = parent, grand


def render_dialogs(app: Any, store: Store, parent: QWidget, out_dir: Path | None, *,
                   sizes: tuple[tuple[int, int], ...] = SCREEN_SIZES) -> list[RenderedView]:
    """Open, draw and close every dialog of the gallery (never accepting one: nothing is saved)."""
    smallest = min(sizes)
    rendered = []
    for spec in DIALOGS:
        dialog = spec.build(store, parent)
        # A dialog opens at the size it gave itself (the user guide 900×640), else at its size hint, as Qt's show()
        # does; never larger than the smallest screen
        if not dialog.testAttribute(Qt.WidgetAttribute.WA_Resized):
            dialog.adjustSize()
        dialog.resize(min(dialog.width(), smallest[0]), min(dialog.height(), smallest[1]))
        dialog.show()
        settle(app)
        try:
            problems = clipped_texts(dialog) + _other_date_formats(dialog)
            rendered.append(RenderedView(spec.name, _save_png(dialog, out_dir, spec.name), tuple(problems)))
        finally:
            dialog.hide()  # hidden, not closed: a close would store the quick log's (empty) draft
            dialog.deleteLater()
            settle(app)
    return rendered


def _other_date_formats(dialog: QWidget) -> list[str]:
    """One date format per language in every dialog: a date field showing another one is a problem."""
    allowed = {date_format(), datetime_format()}
    return [f"date field {edit.accessibleName() or edit.objectName()!r} shows {edit.displayFormat()!r}"
            for edit in dialog.findChildren(QDateTimeEdit) if edit.displayFormat() not in allowed]
