"""The style sheet: dropdowns draw a finished chevron, not a separate bordered box."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QComboBox

from brugapp.ui.style import CHEVRON_DOWN, STYLE_SHEET


def test_combo_arrow_is_a_borderless_chevron_icon_that_exists():
    drop_down = re.search(r"QComboBox::drop-down[^{]*\{([^}]*)\}", STYLE_SHEET).group(1)
    assert "border: none" in drop_down
    arrow = re.search(r"QComboBox::down-arrow[^{]*\{([^}]*)\}", STYLE_SHEET).group(1)
    assert f'url("{CHEVRON_DOWN}")' in arrow
    assert Path(CHEVRON_DOWN).is_absolute() and "\\" not in CHEVRON_DOWN
    renderer = QSvgRenderer(CHEVRON_DOWN)
    assert renderer.isValid() and renderer.defaultSize() == QSize(24, 24)


def test_combo_draws_the_chevron_without_a_box_line(qtbot):
    combo = QComboBox()
    combo.addItems(["Schoolpoort", "Koffiemoment"])
    qtbot.addWidget(combo)
    combo.resize(220, 34)
    combo.show()
    qtbot.waitExposed(combo)
    image = combo.grab().toImage()
    height = image.height()
    # the chevron is drawn (muted ink pixels near the right edge) …
    right = [QColor(image.pixel(x, y)) for x in range(image.width() - 24, image.width() - 6)
             for y in range(4, height - 4)]
    assert any(c.red() < 150 for c in right)
    # … and no vertical separator line runs down the whole height left of it (the old "box")
    for x in range(image.width() - 40, image.width() - 2):  # the frame itself is the last 2 px
        column = [QColor(image.pixel(x, y)) for y in range(6, height - 6)]
        assert not all(c.lightness() < 235 for c in column), x
