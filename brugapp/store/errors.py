"""What can go wrong with a store, as messages for the user. No SQLAlchemy here: the window's start-up imports
this before the database layer (``brugapp bench``: start-up)."""

from __future__ import annotations

from pathlib import Path

from brugapp.errors import UserError


class StoreError(UserError):
    """A store could not be opened or used; the message is for the user (already translated)."""


class WrongPassphraseError(StoreError):
    pass


class DamagedStoreError(StoreError):
    """The file itself is broken (truncated, overwritten, failing its integrity check).

    ``path`` is the damaged file; ``good_backup`` the newest backup that opens and checks clean, when one
    was looked for and found (``open.py`` fills it in), so the user can be offered it.
    """

    def __init__(self, message: str, *, path: Path | None = None, good_backup: Path | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.good_backup = good_backup


class StoreBusyError(StoreError):
    """Another BrugApp window (or process) holds the store for longer than ``BUSY_TIMEOUT_MS``."""


def busy_error() -> StoreBusyError:
    from brugapp.i18n import _

    return StoreBusyError(_("BrugApp is busy with this notebook in another window. Finish or close what is "
                            "open there and try again; nothing was saved here."))


def damaged_error(path: Path | None, good_backup: Path | None = None) -> DamagedStoreError:
    from brugapp.i18n import _

    message = _("The data file is damaged (not a wrong passphrase). BrugApp will not use it nor repair it "
                "in place.")
    return DamagedStoreError(message, path=path, good_backup=good_backup)


def is_busy_message(message: str) -> bool:
    lowered = message.lower()
    return "locked" in lowered or "busy" in lowered
