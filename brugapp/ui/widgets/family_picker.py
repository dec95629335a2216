"""A family chosen by typing part of its name (``FamilyPicker``): the quick log, a meeting, a participant.

A busy programme holds 10,000 families whose names all begin with "Gezin": a list to scroll through would be of
no use, so the field offers the twenty best matches as a name is typed, accents and case aside ("ozdemir" offers
"Gezin Özdemir"). An empty field means no family; what it then stands for is the dialog's to say.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from brugapp.i18n import ngettext
from brugapp.services.families.choices import FamilyChoices

SHOWN_MATCHES = 20  # families offered under the field as a name is typed


class FamilyPicker(QLineEdit):
    """Type-ahead over family names, accent-insensitive ("ozdemir" offers "Gezin Özdemir").

    Leaving the field with a text that fits one family writes that family's full name, so what is saved
    is what is shown; a text that fits several opens the list to choose from.
    """

    def __init__(self, choices: FamilyChoices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = choices  # the names it offers (each with its family's id), and how a text matches them
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setMaxVisibleItems(8)
        self.setCompleter(completer)
        self.textEdited.connect(self._filter)
        self.editingFinished.connect(self.complete_name)

    def _filter(self, text: str) -> None:
        self._model.setStringList(self.choices.matching(text, limit=SHOWN_MATCHES))

    def family_id(self) -> str | None:
        """The chosen family's id, "" for none (anonymous), or None when the text matches no single family."""
        name = self.choices.resolved(self.text())
        if name is None:
            return None
        return self.choices.ids[name] if name else ""

    def complete_name(self) -> None:
        """Show the full name of the family the text fits (so "ozd" becomes "Gezin Özdemir")."""
        name = self.choices.resolved(self.text())
        if name and name != self.text():
            self.setText(name)

    def offer_matches(self) -> int:
        """Open the list of families the text fits; returns how many there are."""
        names = self.choices.matching(self.text())
        self._model.setStringList(names[:SHOWN_MATCHES])
        if len(names) > 1:
            self.setFocus()
            completer = self.completer()
            completer.setCompletionPrefix("")
            completer.complete()
        return len(names)

    def set_family(self, family_id: str) -> None:
        for name, uuid in self.choices.ids.items():
            if uuid == family_id:
                self.setText(name)
                return

    def refusal(self, no_single_family: str) -> str:
        """Why the text was refused, with the list of the families it fits opened to choose from;
        ``no_single_family`` (translated, with ``{text}``) when it fits none, saying what an empty field means."""
        text = self.text()
        fitting = self.offer_matches()
        if fitting > 1:
            return ngettext("Family: “{text}” fits {count} family. Choose one from the list.",
                            "Family: “{text}” fits {count} families. Choose one from the list.",
                            fitting).format(text=text, count=fitting)
        self.setFocus()
        return no_single_family.format(text=text)
