"""The bundled fonts are added (and Qt's SVG drawing loaded) on a thread while the start goes on."""

from __future__ import annotations

import threading

from PySide6.QtGui import QFontDatabase

import brugapp.ui.icons as icons
import brugapp.ui.style as style
from brugapp.ui.app import setup_application


def test_the_fonts_added_on_a_thread_are_the_applications_font(qapp, monkeypatch):
    # GIVEN the fonts being added by ThemeLoading, on a thread of its own
    threads: list[str] = []
    load = style.load_fonts

    def recorded() -> str:
        threads.append(threading.current_thread().name)
        return load()

    monkeypatch.setattr(style, "load_fonts", recorded)
    load_svg = icons.load_svg_drawing

    def svg_recorded() -> None:
        threads.append("svg on " + threading.current_thread().name)
        load_svg()

    monkeypatch.setattr(icons, "load_svg_drawing", svg_recorded)
    loading = style.ThemeLoading()
    # WHEN the application is set up with them
    setup_application(qapp, "nl", loading=loading)
    # THEN they were added off the main thread, once, and the application draws with the bundled family
    assert threads == ["brugapp-fonts", "svg on brugapp-fonts"]
    assert qapp.font().family() == "DejaVu Sans"
    assert "DejaVu Sans" in QFontDatabase.families()
    assert loading.family() == "DejaVu Sans"  # asked again: the same answer, nothing added twice
