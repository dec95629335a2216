"""Build every page and every dialog offscreen, render each to a PNG and look for cut-off text.

A smoke test users can run too (``brugapp self-test``). It saves nothing: no window position, no draft,
no record. Each view comes back with the texts it shows cut off (see ``brugapp.ui.clipping``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from brugapp.store import Store

SCREEN_SIZES = ((1366, 768), (1280, 720))


@dataclass(frozen=True)
class RenderedView:
    section: str
    png: Path
    clipped: tuple[str, ...] = ()


def settle(app: object) -> None:
    """Let background operations (report figures …) finish and their results reach the screen."""
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(15_000)
    for _round in range(3):
        app.processEvents()  # type: ignore[attr-defined]


def render_all_views(store: Store, out_dir: Path, *, language: str = "nl",
                     size: tuple[int, int] = SCREEN_SIZES[0]) -> list[RenderedView]:
    """Every page, then every dialog, at one screen size; PNGs in ``out_dir``."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Qt loads on demand here: the CLI starts without it for every other command.
    from PySide6.QtWidgets import QApplication

    from brugapp.ui.app import setup_application
    from brugapp.ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    setup_application(app, language)
    window = MainWindow(store, auto_lock_minutes=0)
    window.remembers_state = False  # the user's window position and last page stay as they were
    window.resize(*size)
    window.show()
    out_dir.mkdir(parents=True, exist_ok=True)
    try:
        rendered = _render_pages(app, window, out_dir)
        rendered += render_dialogs(app, store, window, out_dir, size=size)
    finally:
        window.close()
        window.deleteLater()
        settle(app)
    return rendered


def _render_pages(app: object, window: object, out_dir: Path) -> list[RenderedView]:
    from brugapp.ui.clipping import clipped_texts

    rendered = []
    for key in window.section_keys():  # type: ignore[attr-defined]
        window.show_section(key)  # type: ignore[attr-defined]
        settle(app)
        target = out_dir / f"{key}.png"
        if not window.grab().save(str(target)):  # type: ignore[attr-defined]
            raise RuntimeError(f"could not write {target}")
        rendered.append(RenderedView(key, target, tuple(clipped_texts(window))))  # type: ignore[arg-type]
        if _choose_first_row(window.stack.currentWidget()):  # type: ignore[attr-defined]
            settle(app)
            target = out_dir / f"{key}-chosen.png"
            if not window.grab().save(str(target)):  # type: ignore[attr-defined]
                raise RuntimeError(f"could not write {target}")
            rendered.append(RenderedView(f"{key}-chosen", target, tuple(clipped_texts(window))))  # type: ignore[arg-type]
        rendered += _render_tabs(app, window, key, out_dir)
    return rendered


def _render_tabs(app: object, window: object, key: str, out_dir: Path) -> list[RenderedView]:
    """Every tab of the page (nested ones too) shown once; the first tab is left current afterwards."""
    from PySide6.QtWidgets import QTabWidget

    from brugapp.ui.clipping import clipped_texts

    page = window.stack.currentWidget()  # type: ignore[attr-defined]
    rendered = []
    for number, tabs in enumerate(page.findChildren(QTabWidget)):
        for index in range(1, tabs.count()):
            _reveal(tabs)
            tabs.setCurrentIndex(index)
            settle(app)
            target = out_dir / f"{key}-tab{number}-{index}.png"
            if not window.grab().save(str(target)):  # type: ignore[attr-defined]
                raise RuntimeError(f"could not write {target}")
            rendered.append(RenderedView(target.stem, target, tuple(clipped_texts(window))))  # type: ignore[arg-type]
        tabs.setCurrentIndex(0)
    return rendered


def _reveal(widget: object) -> None:
    """Make every tab that holds ``widget`` the current one, so it is on screen."""
    from PySide6.QtWidgets import QTabWidget

    child = widget
    parent = child.parentWidget()  # type: ignore[attr-defined]
    while parent is not None:
        grand = parent.parentWidget()
        if isinstance(grand, QTabWidget) and grand.indexOf(child) >= 0:
            grand.setCurrentWidget(child)
        child, parent = parent, grand


def _choose_first_row(page: object) -> bool:
    """Choose the first record of the page's main list, as a person clicking it would (shows its detail)."""
    from PySide6.QtWidgets import QAbstractItemView, QWidget

    if not isinstance(page, QWidget):
        return False
    for view in page.findChildren(QAbstractItemView):
        model = view.model()
        if view.isVisible() and model is not None and model.rowCount() and view.selectionModel() is not None:
            view.setFocus()
            view.setCurrentIndex(model.index(0, 0))
            return True
    return False


def render_dialogs(app: object, store: Store, parent: object, out_dir: Path, *,
                   size: tuple[int, int] = SCREEN_SIZES[0]) -> list[RenderedView]:
    """Open, draw and close every dialog of the gallery (never accepting one: nothing is saved)."""
    from brugapp.ui.clipping import clipped_texts
    from brugapp.ui.shell.gallery import DIALOGS

    rendered = []
    for spec in DIALOGS:
        dialog = spec.build(store, parent)  # type: ignore[arg-type]
        dialog.adjustSize()
        dialog.resize(min(dialog.width(), size[0]), min(dialog.height(), size[1]))
        dialog.show()
        settle(app)
        target = out_dir / f"{spec.name}.png"
        try:
            if not dialog.grab().save(str(target)):
                raise RuntimeError(f"could not write {target}")
            rendered.append(RenderedView(spec.name, target, tuple(clipped_texts(dialog))))
        finally:
            dialog.hide()  # hidden, not closed: a close would store the quick log's (empty) draft
            dialog.deleteLater()
            settle(app)
    return rendered
