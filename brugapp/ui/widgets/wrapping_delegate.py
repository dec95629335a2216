"""List items as tall as their word-wrapped text at the list's width, so nothing is cut.

Qt asks every item's height when a list is laid out (500 meetings on Overleg's first visit). Measuring each
text word-wrapped took ~0.1 ms an item, a third of the page's first visit; most lines fit the list's width
anyway, and a text whose lines all fit is as tall as any other text of as many lines. So a line is measured
wrapped only when it may wrap: its plain width (kept per line: the second lines repeat) does not clearly fit.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

# Beyond Latin script a glyph may come from a fallback font with a taller line: a text with a character the font
# itself lacks is measured whole.
_OTHER_SCRIPT = re.compile(r"[^\x00-\u024f]")
FIT_SLACK = 4  # px: a line this much narrower than the room stays on one line whatever the rounding
_WRAP = int(Qt.TextFlag.TextWordWrap)
_TALL = 100_000


class WrappingDelegate(QStyledItemDelegate):
    """``text_of(row)``: the item's text without a round trip through the model's ``data`` (optional)."""

    MARGIN = 4

    def __init__(self, view: QListView, text_of: Callable[[int], str] | None = None) -> None:
        super().__init__(view)
        self.view = view
        self._text_of = text_of
        self._text_width = (-1, 0)  # (list width, width of the text inside an item at that width)
        self._font = QFont()
        self._advances: dict[str, int] = {}  # a line's width unwrapped, in _font
        self._in_font: dict[str, bool] = {}  # a character beyond Latin: drawn with _font itself
        self._fitting_heights: dict[int, int] = {}  # lines that all fit -> the text's height

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        width = max(self.view.viewport().width() - 2 * self.view.spacing(), 80)
        text = self._text_of(index.row()) if self._text_of is not None else str(index.data() or "")
        if self._text_width[0] != width:
            # measure at the width the style really draws the text in (a guess left a blank line under some
            # items); every item of the list is laid out alike, so once per list width, not once per item
            styled = QStyleOptionViewItem(option)
            self.initStyleOption(styled, index)
            styled.rect = QRect(0, 0, width, _TALL)
            element = QStyle.SubElement.SE_ItemViewItemText
            self._text_width = (width, self.view.style().subElementRect(element, styled, self.view).width())
            self._fitting_heights.clear()
        room = max(self._text_width[1] - 2, 40)
        metrics = option.fontMetrics
        if option.font != self._font:
            self._font = QFont(option.font)
            self._advances.clear()
            self._in_font.clear()
            self._fitting_heights.clear()
        return QSize(width, self._text_height(metrics, room, text) + 2 * self.MARGIN)

    def _text_height(self, metrics: QFontMetrics, room: int, text: str) -> int:
        lines = text.split("\n")
        if self._in_own_font(metrics, text) and all(line and self._advance(metrics, line) <= room - FIT_SLACK
                                                    for line in lines):
            height = self._fitting_heights.get(len(lines))
            if height is None:
                sample = "\n".join("M" * len(lines))
                height = self._fitting_heights[len(lines)] = self._wrapped_height(metrics, room, sample)
            return height
        return self._wrapped_height(metrics, room, text)

    def _in_own_font(self, metrics: QFontMetrics, text: str) -> bool:
        if _OTHER_SCRIPT.search(text) is None:
            return True
        for character in _OTHER_SCRIPT.findall(text):
            known = self._in_font.get(character)
            if known is None:
                known = self._in_font[character] = metrics.inFontUcs4(ord(character))
            if not known:
                return False
        return True

    def _advance(self, metrics: QFontMetrics, line: str) -> int:
        advance = self._advances.get(line)
        if advance is None:
            advance = self._advances[line] = metrics.horizontalAdvance(line)
        return advance

    @staticmethod
    def _wrapped_height(metrics: QFontMetrics, room: int, text: str) -> int:
        return metrics.boundingRect(QRect(0, 0, room, _TALL), _WRAP, text).height()
