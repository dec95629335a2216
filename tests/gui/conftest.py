"""GUI tests share pytest-qt's single session QApplication, themed and in Dutch."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from brugapp.ui.app import setup_application
from brugapp.ui.none_guard import reserve_singleton_references


@pytest.fixture(autouse=True)
def brugapp_qt(qapp: QApplication) -> Iterator[QApplication]:
    setup_application(qapp, "nl")
    reserve_singleton_references()  # at once: a test may quit the event loop before the app's timer turns
    yield qapp
    # No background operation may outlive its test: its store and widgets are torn down next.
    QThreadPool.globalInstance().waitForDone(15_000)
    qapp.processEvents()
    gc.collect()  # no worker runs now: collect here, then let the non-GUI tests collect as usual
    gc.enable()


def show_active(qtbot, widget) -> None:
    """Show a top-level widget and make it the active window, so shortcuts reach it offscreen."""
    widget.show()

    def activated() -> bool:
        # The offscreen platform sometimes drops one request (e.g. right after another window closed): ask again.
        if not widget.isActiveWindow():
            widget.raise_()
            widget.activateWindow()
            widget.windowHandle().requestActivate()
        return widget.isActiveWindow()

    qtbot.waitUntil(activated, timeout=10_000)


def shown_page(qtbot, page, size: tuple[int, int]):
    """A section page on its own at ``size`` (the window less its sidebar and toolbar), shown and filled."""
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    page.refresh()
    qtbot.waitExposed(page)
    return page
