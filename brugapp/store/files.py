"""What a store file looks like from outside, and the settings every connection to it gets. No SQLAlchemy here
(start-up time: the first connection is made before the database layer is imported)."""

from __future__ import annotations

from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"
# How long a write waits for another window's transaction before the user is told BrugApp is busy.
BUSY_TIMEOUT_MS = 5000
# SQLite pages are at least 512 bytes, so a whole store file is a multiple of 512: anything else was cut off.
MIN_PAGE_SIZE = 512

def connection_pragmas() -> tuple[str, ...]:
    """What every connection to a store file is set to (the busy wait read now: tests shorten it)."""
    return (
        "PRAGMA foreign_keys=ON",
        "PRAGMA journal_mode=WAL",
        "PRAGMA synchronous=FULL",
        f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_MS)}",
        # 32 MB page cache (default 2 MB): SQLCipher decrypts every page that misses it, and on a busy programme
        # (10,000 families, ~100 MB) the Families page alone reads more than 2 MB of indexes (``brugapp bench``).
        "PRAGMA cache_size=-32768",
    )


def is_plain_sqlite(path: Path) -> bool:
    """A plain SQLite file starts with a readable header; an encrypted one is random bytes."""
    with path.open("rb") as fh:
        return fh.read(16) == SQLITE_HEADER


def looks_cut_or_wiped(path: Path) -> bool:
    """Damage a passphrase cannot explain: a file cut off mid-page, or a header overwritten with zeros.

    An encrypted file starts with 16 random bytes (the key salt); all zeros there means it was wiped.
    """
    size = path.stat().st_size
    if size < MIN_PAGE_SIZE or size % MIN_PAGE_SIZE:
        return True
    with path.open("rb") as fh:
        head = fh.read(16)
    return head == b"\x00" * 16
