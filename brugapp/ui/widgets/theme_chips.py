"""Theme chips: one checkable chip per theme, toggled by keyboard.

With the chip row focused, a letter toggles a theme (the ``key`` in ``domain/themes.py``) and a digit
toggles a sub-theme of the theme chosen last; Alt+letter works from anywhere in the dialog.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from brugapp.domain.themes import THEMES, theme_key
from brugapp.i18n import _
from brugapp.ui.widgets.flow_layout import FlowLayout


class ThemeChips(QWidget):
    changed = Signal()
    # A letter that is no theme's key was meant for the note (the user started typing one row too early).
    typed_text = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ThemeChips")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(_("Themes"))
        self.setAccessibleDescription(_("Press a letter to choose a theme, then a digit for a sub-theme."))
        self._top: dict[str, QToolButton] = {}
        self._sub: dict[str, QToolButton] = {}
        self._by_key = {theme_key(t.code): t.code for t in THEMES.top_level() if theme_key(t.code)}
        self._current = ""
        self._run: list[str] = []  # theme letters typed in a row, undone if they turn out to be a word
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        top_flow = FlowLayout()  # chips wrap onto as many rows as the width needs; labels are never cut
        for term in THEMES.top_level():
            key = theme_key(term.code).upper()
            chip = self._chip(f"{key}  {term.text()}" if key else term.text(), term.code)
            chip.setAccessibleName(_("Theme {name} (key {key})").format(name=term.text(), key=key))
            self._top[term.code] = chip
            top_flow.addWidget(chip)
        layout.addLayout(top_flow)
        self._sub_hint = QLabel()
        self._sub_hint.setObjectName("Hint")
        layout.addWidget(self._sub_hint)
        self._sub_flow = FlowLayout()
        for term in THEMES:
            if term.parent:
                chip = self._chip(term.text(), term.code)
                chip.setAccessibleName(_("Sub-theme {name}").format(name=term.text()))
                chip.hide()
                self._sub[term.code] = chip
        layout.addLayout(self._sub_flow)
        self._show_subthemes("")

    def _chip(self, text: str, code: str) -> QToolButton:
        chip = QToolButton(self)
        chip.setText(text)
        chip.setCheckable(True)
        chip.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the row takes the keys, Tab skips the chips
        chip.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        chip.toggled.connect(lambda checked, c=code: self._toggled(c, checked))
        return chip

    def _toggled(self, code: str, checked: bool) -> None:
        term = THEMES.get(code)
        if term.parent and checked:
            self._top[term.parent].setChecked(True)
        if not term.parent:
            if checked:
                self._show_subthemes(code)
            else:
                for sub in THEMES.children(code):
                    self._sub[sub.code].setChecked(False)
        self.changed.emit()

    def _show_subthemes(self, code: str) -> None:
        self._current = code
        children = THEMES.children(code) if code else []
        for chip in self._sub.values():
            self._sub_flow.removeWidget(chip)
            chip.hide()
        for number, child in enumerate(children, start=1):
            chip = self._sub[child.code]
            chip.setText(f"{number}  {child.text()}")
            self._sub_flow.addWidget(chip)
            chip.show()
        self._base_hint = (_("Sub-theme: press a digit") if children
                           else _("Press the letter of a theme here, or Alt+letter from any field"))
        self._sub_hint.setText(self._base_hint)

    # -- keyboard ------------------------------------------------------------------------------
    def toggle_key(self, key: str) -> bool:
        code = self._by_key.get(key.lower())
        if code is None:
            return False
        self._top[code].toggle()
        if self._top[code].isChecked():
            self._show_subthemes(code)
        self._announce(code)
        return True

    def _announce(self, code: str) -> None:
        """Say what a key did, so a letter never changes the themes unnoticed."""
        name = THEMES.get(code).text()
        said = (_("Chosen: {theme}.").format(theme=name) if self._top[code].isChecked()
                else _("Removed: {theme}.").format(theme=name))
        self._sub_hint.setText(f"{said} {self._base_hint}")

    def toggle_digit(self, digit: int) -> bool:
        children = THEMES.children(self._current) if self._current else []
        if not 1 <= digit <= len(children):
            return False
        self._sub[children[digit - 1].code].toggle()
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text.isdigit() and self.toggle_digit(int(text)):
            self._run.clear()
            return
        if text.isalpha() and self._by_key.get(text.lower()):
            self.toggle_key(text)
            self._run.append(text)
            return
        if text.isprintable() and text.strip() and not event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            self._to_note(text)
            return
        self._run.clear()
        super().keyPressEvent(event)

    def _to_note(self, text: str) -> None:
        """The user is typing words, not choosing themes: undo the letters of this run and hand them on.

        "Afspraak" typed here first toggles A, then "f" chooses nothing: A is toggled back and the whole
        word goes to the note. A run of theme letters alone ("AS" then Tab) stays a choice of themes.
        """
        for letter in reversed(self._run):
            self.toggle_key(letter)
        word = "".join(self._run) + text
        self._run.clear()
        self.typed_text.emit(word)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._run.clear()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)

    # -- value ---------------------------------------------------------------------------------
    def codes(self) -> list[str]:
        chosen = [c for c, chip in self._top.items() if chip.isChecked()]
        chosen += [c for c, chip in self._sub.items() if chip.isChecked()]
        return [t.code for t in THEMES if t.code in chosen]

    def set_codes(self, codes: list[str] | tuple[str, ...]) -> None:
        for code, chip in {**self._top, **self._sub}.items():
            chip.blockSignals(True)
            chip.setChecked(code in codes)
            chip.blockSignals(False)
        last_top = next((c for c in reversed(codes) if c in self._top), "")
        self._show_subthemes(last_top)
        self.changed.emit()
