"""The item data roles every list and table uses: one definition, so a row's id is found the same way
everywhere (a search hit, a family, a follow-up, a service)."""

from __future__ import annotations

# Qt's roles as their numbers: importing ``Qt`` here would create the enums of its namespace while the first window
# is built (ui/widgets/centred.py). tests/gui/shell/test_first_screen_without_qt_enums.py checks them against Qt.
FOREGROUND_ROLE = 9  # Qt.ItemDataRole.ForegroundRole: a row's text colour (a QColor; QBrush(colour) creates Qt)
USER_ROLE = 0x0100  # Qt.ItemDataRole.UserRole: the first role Qt leaves to applications

ID_ROLE = USER_ROLE + 1  # the record's id (a UUID, or a vocabulary code)
FAMILY_ROLE = USER_ROLE + 2  # the id of the family a row belongs to ("" = anonymous)
SORT_ROLE = USER_ROLE + 3  # what a column sorts by (dates as ISO text, names folded)
RECORD_ROLE = USER_ROLE + 4  # the row's whole record (a frozen dataclass from a service)
