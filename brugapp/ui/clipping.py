"""Find text a person cannot read in full: font metrics against the geometry each widget got.

Used by the GUI tests and by ``brugapp self-test``. It checks what is on screen now: labels, buttons,
check boxes, the chosen entry of drop-down lists, an empty field's hint, tabs, table headers, and table cells that
hold a phone number or a date (those must never be cut). Cells holding long names may be elided, but then their
tooltip must carry the full text.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStyle,
    QStyleOptionComboBox,
    QTabBar,
    QTableView,
    QToolButton,
    QWidget,
)

SLACK = 2  # pixels of rounding we forgive
CELL_PADDING = 8  # the item view draws a few pixels of margin around the text
HEADER_PADDING = 12  # the style sheet gives header sections 6 px padding on each side
FIELD_PADDING = 8  # a text field's frame and the style sheet's padding, on each side
ROWS_CHECKED = 40
PHONE = re.compile(r"(\+32|\b0)\d[\d /.]{6,}\d")
DATE = re.compile(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\b\d{1,2} \w{3,9}\.? \d{4}\b|\b\d{1,2}:\d{2}\b")


def _where(widget: QWidget) -> str:
    names = []
    current: QWidget | None = widget
    while current is not None and len(names) < 3:
        names.append(current.objectName() or type(current).__name__)
        current = current.parentWidget()
    return "/".join(reversed(names))


def _shown_text(label: QLabel) -> str:
    """A label with a buddy shows "&Naam" as "Naam" (the & underlines the N); "&&" is one "&"."""
    text = label.text()
    if label.buddy() is None or label.textFormat() == Qt.TextFormat.RichText:
        return text
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _label_problem(label: QLabel) -> str | None:
    text = _shown_text(label)
    if not text or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    rect = label.contentsRect()
    if label.wordWrap() or GuiQt.mightBeRichText(text):
        needed = label.heightForWidth(label.width()) if label.wordWrap() else label.sizeHint().height()
        if needed > label.height() + SLACK:
            return f"label {_where(label)} needs {needed}px height, has {label.height()}: {text[:60]!r}"
        if not label.wordWrap() and label.sizeHint().width() > label.width() + SLACK:
            return f"label {_where(label)} needs {label.sizeHint().width()}px, has {label.width()}: {text[:60]!r}"
        return None
    metrics = QFontMetrics(label.font())
    widest = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
    if widest > rect.width() - 2 * label.margin() + SLACK:
        return f"label {_where(label)} needs {widest}px, has {rect.width()}: {text!r}"
    return None


def _button_problem(button: QAbstractButton) -> str | None:
    if not button.text():
        return None
    wanted = button.sizeHint()
    if isinstance(button, QToolButton) and button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly:
        return None
    if wanted.width() > button.width() + SLACK:
        kind = type(button).__name__
        return f"{kind} {_where(button)} needs {wanted.width()}px, has {button.width()}: {button.text()!r}"
    return None


def _combo_problem(combo: QComboBox) -> str | None:
    """A drop-down list shows its chosen entry in full (a child's name, a school): the text beside its arrow."""
    text = combo.currentText()
    if not text or combo.isEditable():  # an editable one scrolls its text like any text field
        return None
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    wanted = QFontMetrics(combo.font()).horizontalAdvance(text)
    if wanted > field.width() + SLACK:
        return f"drop-down {_where(combo)} needs {wanted}px for its text, has {field.width()}: {text!r}"
    return None


def _placeholder_problem(field: QLineEdit) -> str | None:
    """An empty field's hint ("What has to be done?") is what tells a person what to type: it is read in full."""
    hint = field.placeholderText()
    if not hint or field.text():
        return None
    margins = field.textMargins()
    room = field.width() - margins.left() - margins.right() - 2 * FIELD_PADDING
    room -= sum(field.style().pixelMetric(field.style().PixelMetric.PM_SmallIconSize) + 4
                for action in field.actions() if action.isVisible())
    wanted = QFontMetrics(field.font()).horizontalAdvance(hint)
    if wanted > room + SLACK:
        return f"field {_where(field)} shows {room}px of its {wanted}px hint: {hint!r}"
    return None


def _tab_problems(bar: QTabBar) -> list[str]:
    problems = []
    for index in range(bar.count()):
        if not bar.isTabVisible(index):
            continue
        wanted = bar.tabSizeHint(index).width()
        if bar.elideMode() != Qt.TextElideMode.ElideNone or bar.usesScrollButtons():
            metrics = QFontMetrics(bar.font())
            wanted = metrics.horizontalAdvance(bar.tabText(index).replace("&", "")) + 2 * SLACK
        if wanted > bar.tabRect(index).width() + SLACK:
            problems.append(f"tab {_where(bar)} #{index} needs {wanted}px, has {bar.tabRect(index).width()}: "
                            f"{bar.tabText(index)!r}")
    return problems


def _header_problems(header: QHeaderView) -> list[str]:
    model = header.model()
    if model is None or header.orientation() != Qt.Orientation.Horizontal or not header.isVisible():
        return []
    font = QFont(header.font())
    font.setBold(True)  # the style sheet draws header text in bold
    metrics = QFontMetrics(font)
    problems = []
    for section in range(header.count()):
        if header.isSectionHidden(section) or header.sectionSize(section) == 0:
            continue
        text = str(model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
        wanted = metrics.horizontalAdvance(text) + HEADER_PADDING
        if text and wanted > header.sectionSize(section) + SLACK:
            problems.append(f"header {_where(header)} column {section} needs {wanted}px, "
                            f"has {header.sectionSize(section)}: {text!r}")
    return problems


def _wraps_within(view: QTableView, metrics: QFontMetrics, row: int, width: int, text: str) -> bool:
    """A word-wrapping view shows a long text on several lines when its row is tall enough."""
    if not view.wordWrap():
        return False
    box = metrics.boundingRect(QRect(0, 0, max(1, width - CELL_PADDING), 10_000), Qt.TextFlag.TextWordWrap, text)
    return box.height() <= view.rowHeight(row) + SLACK


def _cell_problems(view: QTableView) -> list[str]:
    model = view.model()
    if model is None or not view.isVisible():
        return []
    metrics = QFontMetrics(view.font())
    problems = []
    for column in range(model.columnCount()):
        if view.isColumnHidden(column):
            continue
        width = view.columnWidth(column)
        for row in range(min(model.rowCount(), ROWS_CHECKED)):
            index: QModelIndex = model.index(row, column)
            text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
            if not text or "\n" in text:
                continue
            needed = metrics.horizontalAdvance(text) + CELL_PADDING
            if needed <= width + SLACK or _wraps_within(view, metrics, row, width, text):
                continue
            if PHONE.search(text) or DATE.search(text):
                problems.append(f"cell {_where(view)} ({row}, {column}) needs {needed}px, has {width}: {text!r}")
                break
            tip = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
            if text.rstrip(" …") not in tip:  # a cell may shorten itself ("Kortrijk, Menen …")
                problems.append(f"cell {_where(view)} ({row}, {column}) is cut without a tooltip: {text!r}")
                break
    return problems


def _scroll_problem(area: QScrollArea) -> str | None:
    """A pane that never scrolls sideways but holds something wider cuts off the right side of all it shows."""
    content = area.widget()
    if content is None or area.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
        return None
    if content.width() > area.viewport().width() + 1:
        return (f"scroll area {_where(area)} is {area.viewport().width()} px wide but holds "
                f"{content.width()} px: its right side is cut")
    return None


def clipped_texts(root: QWidget) -> list[str]:
    """Every visible text under ``root`` (itself included) that shows less than its full text."""
    problems: list[str] = []
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if not widget.isVisible() or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel):
            problem = _label_problem(widget)
            problems += [problem] if problem else []
        elif isinstance(widget, QPushButton | QCheckBox | QRadioButton | QToolButton):
            problem = _button_problem(widget)
            problems += [problem] if problem else []
        elif isinstance(widget, QLineEdit):
            problem = _placeholder_problem(widget)
            problems += [problem] if problem else []
        elif isinstance(widget, QComboBox):
            problem = _combo_problem(widget)
            problems += [problem] if problem else []
        elif isinstance(widget, QTabBar):
            problems += _tab_problems(widget)
        elif isinstance(widget, QHeaderView):
            problems += _header_problems(widget)
        elif isinstance(widget, QTableView):
            problems += _cell_problems(widget)
        elif isinstance(widget, QScrollArea):
            problem = _scroll_problem(widget)
            problems += [problem] if problem else []
        elif isinstance(widget, QAbstractItemView):
            continue  # lists wrap their text (word wrap) or scroll; nothing is cut for good
    return problems
