"""Build every main view offscreen and render each to a PNG: a smoke test users can run too."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from brugapp.store import Store


@dataclass(frozen=True)
class RenderedView:
    section: str
    png: Path | None  # None when no folder was asked for: rendered in memory only


def settle(app: object) -> None:
    """Let background operations (report figures …) finish and their results reach the screen."""
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(15_000)
    for _round in range(3):
        app.processEvents()  # type: ignore[attr-defined]


def render_all_views(store: Store, out_dir: Path | None, *, language: str = "nl") -> list[RenderedView]:
    """Render every section; write PNGs only into ``out_dir`` (screens of real families never go to temp)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from brugapp.ui.app import setup_application
    from brugapp.ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    setup_application(app, language)
    window = MainWindow(store, auto_lock_minutes=0)
    window.resize(1366, 768)
    window.show()
    rendered: list[RenderedView] = []
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    try:
        for key in window.section_keys():
            window.show_section(key)
            settle(app)
            picture = window.grab()
            if picture.isNull() or picture.width() < 100:
                raise RuntimeError(f"the {key} view did not render")
            target = out_dir / f"{key}.png" if out_dir is not None else None
            if target is not None and not picture.save(str(target)):
                raise RuntimeError(f"could not write {target}")
            rendered.append(RenderedView(key, target))
        from brugapp.ui.shell.selftest_overviews import render_overviews  # the overview dialogs (issue 17)

        overviews_dir = out_dir / "overviews" if out_dir else None
        rendered += [RenderedView(name, png)
                     for name, png in render_overviews(store, overviews_dir, lambda: settle(app))]
    finally:
        window.close()
        window.deleteLater()
    return rendered
