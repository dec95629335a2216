"""The one picker for "who receives it": consent, the rights × consent list and the referral sheet share it.

Its choices are ``services.referrals.consent.recipient_choices`` (schools, organisations, their services and
contact persons), each labelled with its kind so an organisation and its service are told apart. The item
data is ``(kind, id)``, the pair the consent rule asks about.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from brugapp.domain.consent import RECIPIENT_KINDS
from brugapp.services.referrals.consent import recipient_choices
from brugapp.store import Store
from brugapp.ui.widgets.form_dialog import COMBO_CHARACTERS


class RecipientPicker(QComboBox):
    """``none_text`` adds a first choice without a recipient ("nobody: only my own overview")."""

    def __init__(self, store: Store, *, accessible_name: str, none_text: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        # Sized by a number of characters, not by its longest item: Qt measured all of a busy map's ~4,500 names
        # when the dialog was first shown (60 ms of the referral sheet's dialog, ``brugapp bench``).
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(COMBO_CHARACTERS)
        if none_text:
            self.addItem(none_text, None)
        for choice in recipient_choices(store):
            kind = RECIPIENT_KINDS.label(choice.kind).lower()
            self.addItem(f"{choice.label} ({kind})", (choice.kind, choice.id))

    def recipient(self) -> tuple[str, str] | None:
        """The chosen ``(kind, id)``, or None for the first choice without a recipient."""
        data = self.currentData()
        return (str(data[0]), str(data[1])) if data else None

    def recipient_id(self) -> str:
        chosen = self.recipient()
        return chosen[1] if chosen else ""

    def choose(self, recipient_id: str, kind: str | None = None) -> bool:
        """Choose the recipient with this id (and kind, when one id could be read as two); False if absent."""
        for row in range(self.count()):
            data = self.itemData(row)
            if data and data[1] == recipient_id and kind in (None, data[0]):
                self.setCurrentIndex(row)
                return True
        return False
