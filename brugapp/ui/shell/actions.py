"""Actions defined once (text, shortcut, icon, accessible name) and reused in menus and toolbars."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from brugapp.ui.icons import icon


def make_action(
    parent: QWidget,
    text: str,
    slot: Callable[[], object],
    *,
    shortcuts: tuple[QKeySequence | str | QKeySequence.StandardKey, ...] = (),
    icon_name: str = "",
    tip: str = "",
) -> QAction:
    action = QAction(text, parent)
    if shortcuts:
        action.setShortcuts([s if isinstance(s, QKeySequence) else QKeySequence(s) for s in shortcuts])
    if icon_name:
        action.setIcon(icon(icon_name))
    hint = tip or text.replace("&", "")
    shortcut_text = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{hint} ({shortcut_text})" if shortcut_text else hint)
    action.setStatusTip(hint)
    # triggered(checked) would otherwise land in a slot's first default argument
    action.triggered.connect(lambda _checked=False: slot())
    parent.addAction(action)
    return action
