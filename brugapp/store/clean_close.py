"""A store closed cleanly need not be checked again at the next unlock.

``PRAGMA quick_check`` reads every page: about 4 s on a 110 MB store, most of the start-up on a busy programme
(``brugapp bench``). After a clean close (the integrity check passed or was rightly skipped at open, and the
connections are closed, so the write-ahead log is folded in) a small stamp beside the store records the file's
identity: size, modification and change times in nanoseconds, inode. At the next unlock the check is skipped
only when the file still matches the stamp and no write-ahead log is left; the stamp is removed at that moment,
so a session that crashes leaves none and the next start checks the whole file again.

The stamp holds file metadata only (no content, nothing personal). It is written to a temporary file and moved in
place, so a crash while writing leaves either the old state or no stamp, never a half one. A change to the file
by anything but a clean close changes its change time (which no ordinary tool can set back), so a restored,
copied or damaged file is checked.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

STAMP_SUFFIX = ".clean-close"
_WAL_SUFFIX = "-wal"


def stamp_path(path: Path) -> Path:
    return path.with_name(path.name + STAMP_SUFFIX)


def _identity(path: Path) -> dict[str, int]:
    info = path.stat()
    return {"size": info.st_size, "mtime_ns": info.st_mtime_ns, "ctime_ns": info.st_ctime_ns, "inode": info.st_ino}


def _wal_has_content(path: Path) -> bool:
    wal = path.with_name(path.name + _WAL_SUFFIX)
    return wal.exists() and wal.stat().st_size > 0


def record_clean_close(path: Path) -> None:
    """Called once every connection is closed: the file as it is now may be trusted at the next unlock."""
    if not path.exists() or _wal_has_content(path):
        return
    target = stamp_path(path)
    partial = target.with_name(target.name + ".partial")
    try:
        partial.write_text(json.dumps(_identity(path)), encoding="utf-8")
        os.replace(partial, target)
    except OSError:  # a read-only folder: the next unlock simply checks the file
        partial.unlink(missing_ok=True)


def clean_close_recorded(path: Path) -> bool:
    """True when the file is unchanged since a clean close, so the next unlock skips the check. Asking leaves the
    stamp in place: the unlock window asks, to say beforehand when opening will read every page (seconds)."""
    try:
        recorded = json.loads(stamp_path(path).read_text(encoding="utf-8"))
        return bool(recorded == _identity(path) and not _wal_has_content(path))
    except (OSError, ValueError):
        return False


def take_clean_close(path: Path) -> bool:
    """True when the file is unchanged since a clean close. The stamp is used up either way: from now on the file
    is open, and only the next clean close may vouch for it again."""
    try:
        return clean_close_recorded(path)
    finally:
        stamp_path(path).unlink(missing_ok=True)
