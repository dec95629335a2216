"""The item data roles every list and table uses: one definition, so a row's id is found the same way
everywhere (a search hit, a family, a follow-up, a service)."""

from __future__ import annotations

from PySide6.QtCore import Qt

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the record's id (a UUID, or a vocabulary code)
FAMILY_ROLE = Qt.ItemDataRole.UserRole + 2  # the id of the family a row belongs to ("" = anonymous)
SORT_ROLE = Qt.ItemDataRole.UserRole + 3  # what a column sorts by (dates as ISO text, names folded)
RECORD_ROLE = Qt.ItemDataRole.UserRole + 4  # the row's whole record (a frozen dataclass from a service)
