"""A wrapped list item is as tall as its text measured whole, whether the delegate measured it or only its lines."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QListView, QStyleOptionViewItem

from brugapp.ui.widgets.wrapping_delegate import WrappingDelegate

TEXTS = [
    "di 3 dec 14:00 · MDO Peeters\nMDO · Basisschool De Regenboog · 2 open actiepunten",
    "wo 4 dec 09:30 · Cliëntoverleg\nOnline",  # Latin with accents: one line each
    "do 5 dec 10:00 · Lokaal Netwerk Kinderarmoede Kortrijk – voorbereiding van het jaarverslag met alle partners"
    "\nnetwerkoverleg · Sociaal Huis Kortrijk, zaal 2 (tweede verdieping) · 4 open actiepunten · ⚠ 1 waarschuwing",
    "vr 6 dec 13:00 · اجتماع مع العائلة\nMDO · Thuis",  # another script: a fallback font may be taller
    "za 7 dec 08:00 · Eén regel",
    "ma 9 dec 11:00 · Lege tweede regel\n",
    "di 10 dec 15:00 · 😀 met emoji\nMDO",
    "wo 11 dec 16:00 · 会议 met de ouders\nMDO",  # a script the bundled font lacks
    "x" * 400,  # one word longer than the room: cut into pieces
]


@pytest.mark.parametrize("list_width", [240, 420, 900])
def test_item_heights_equal_the_whole_text_measured(qtbot, list_width):
    # GIVEN a word-wrapping list with the delegate, texts that fit, wrap, repeat lines and use other scripts
    view = QListView()
    qtbot.addWidget(view)
    model = QStandardItemModel(view)
    for text in TEXTS * 2:  # the second round reads the lines the delegate kept
        model.appendRow(QStandardItem(text))
    view.setModel(model)
    view.setWordWrap(True)
    delegate = WrappingDelegate(view, text_of=lambda row: model.item(row).text())
    view.setItemDelegate(delegate)
    view.resize(list_width, 400)
    view.show()
    qtbot.waitExposed(view)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    for row in range(model.rowCount()):
        index = model.index(row, 0, QModelIndex())
        hint = delegate.sizeHint(option, index)
        # THEN the height is the whole text's, word-wrapped in the room the style gives the text
        room = max(delegate._text_width[1] - 2, 40)
        whole = option.fontMetrics.boundingRect(QRect(0, 0, room, 100_000), int(Qt.TextFlag.TextWordWrap),
                                                model.item(row).text()).height()
        assert hint.height() == whole + 2 * WrappingDelegate.MARGIN, model.item(row).text()
        assert hint.width() <= view.viewport().width()
    # AND the delegate took the short path for the lines that surely fit (else the test proves nothing)
    assert delegate._fitting_heights
