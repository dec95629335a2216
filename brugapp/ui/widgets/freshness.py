"""Whether a page's list must be read again: only when something was saved since (or its filter, the day or the
language changed). A page shown again with nothing new keeps what it shows instead of reading 10,000 rows.

``ListFreshness.stale(*what_else)`` compares the store's data version (``services/changes.py``: every commit in
this process and every write to the file) and whatever else the list depends on with what the page last read.
The version is taken *before* the read, so a save while reading makes the next visit read again.
"""

from __future__ import annotations

from brugapp.domain.clock import today_local
from brugapp.i18n import language
from brugapp.services.changes import data_version
from brugapp.store import Store


class ListFreshness:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._read: tuple[object, ...] | None = None

    def stale(self, *depends_on: object) -> bool:
        """True (and remembered as read) when the list must be read now; False when what it shows is current."""
        version = (data_version(self.store), today_local(), language(), *depends_on)
        if version == self._read:
            return False
        self._read = version
        return True

    def forget(self) -> None:
        """The next ``stale`` says True: for a reload the user asked for, or after a read that failed."""
        self._read = None
