"""The icons Qt's SVG image plugin draws are the pixels a QSvgRenderer paints, in every colour the app uses."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray, QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from brugapp.paths import ICONS
from brugapp.ui.icons import icon, tinted_svg
from brugapp.ui.style import ACCENT, SIDEBAR_TEXT


def _painted(name: str, color: str, size: int) -> QImage:
    """The way icons were drawn before: the SVG rendered by QSvgRenderer onto a transparent pixmap."""
    svg = (ICONS / f"{name}.svg").read_text(encoding="utf-8").replace("currentColor", color)
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    QSvgRenderer(QByteArray(svg.encode("utf-8"))).render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32)


@pytest.mark.parametrize("color", ["#243b53", SIDEBAR_TEXT, ACCENT, "white"])
def test_every_icon_is_drawn_as_the_svg_renderer_paints_it(qapp, color: str) -> None:
    names = sorted(path.stem for path in ICONS.glob("*.svg"))
    assert len(names) >= 10
    for name in names:
        for size in (48, 64):
            drawn = icon(name, color, size).pixmap(size, size).toImage().convertToFormat(QImage.Format.Format_ARGB32)
            assert drawn.size() == _painted(name, color, size).size()
            assert drawn == _painted(name, color, size), (name, color, size)
            assert not drawn.isNull() and drawn.pixelColor(0, 0).alpha() == 0  # transparent around the lines


def test_an_svg_that_states_its_own_size_is_drawn_at_the_size_asked(qapp) -> None:
    # chevron-down.svg says width="24" height="24" (it is also used by the style sheet at that size)
    assert b'width="24"' in (ICONS / "chevron-down.svg").read_bytes()
    svg = tinted_svg("chevron-down", "#000000", 40)
    assert svg.count(b' width="') == 1 and b' width="40"' in svg  # not "stroke-width"
    assert icon("chevron-down", "#000000", 40).pixmap(40, 40).size().width() == 40


def test_without_svg_drawing_the_icons_are_blank_and_the_self_test_names_them(qapp, monkeypatch, tmp_path) -> None:
    import brugapp.ui.icons as icons
    from brugapp.demo.region import create_demo_store
    from brugapp.ui.shell.selftest import render_all_views

    assert icons.undrawable_icons() == []  # this installation draws every icon
    # GIVEN an installation where Qt cannot draw SVG (its image plugin left out of a bundle)
    icons.icon.cache_clear()
    monkeypatch.setattr(icons, "tinted_svg", lambda name, color, size: b"not an svg")
    try:
        # THEN the app still gets its icons, blank, and the self-test says which ones cannot be drawn
        assert icons.icon("lock").isNull()
        store = create_demo_store(tmp_path / "demo.db", passphrase=None)  # what the self-test renders
        try:
            views = render_all_views(store, None, sizes=((1366, 768),))
        finally:
            store.close()
        problems = [problem for view in views if view.section == "icons" for problem in view.clipped]
        assert "icon lock cannot be drawn" in problems and len(problems) == len(list(ICONS.glob("*.svg")))
    finally:
        icons.icon.cache_clear()  # the icons drawn blank above are not kept for the tests after this one
