"""SQLCipher's page key of an encrypted store file, derived from the passphrase (no other BrugApp import here).

SQLCipher 4 derives it with PBKDF2-HMAC-SHA512, 256,000 rounds, 32 bytes, the salt being the file's first 16
bytes. ``hashlib`` lets go of the interpreter lock while it works, so the ~0.1 s it takes (slow on purpose: a
stolen file must resist guessing) can run on a second core from the first moment of a start, before even the
store package is imported (``ui/unlock_ahead.py``). The last key is kept, for that one file and passphrase and
salt, so ``store/unlock_file.py`` finds it instead of deriving it twice; like the passphrase, it is never logged.
It lives outside ``brugapp/store`` because importing that package is itself work the key need not wait for.
"""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

KDF_ROUNDS = 256_000  # SQLCipher 4's default (``PRAGMA kdf_iter``)
KEY_BYTES = 32
SALT_BYTES = 16

_lock = threading.Lock()
_last: tuple[tuple[str, bytes, str], str] | None = None


def raw_key(path: Path, passphrase: str) -> str:
    """SQLCipher's raw-key form of the passphrase for this file: ``x'<64 hex digits>'``."""
    global _last
    with path.open("rb") as fh:
        salt = fh.read(SALT_BYTES)
    wanted = (str(path), salt, passphrase)
    with _lock:
        if _last is not None and _last[0] == wanted:
            return _last[1]
    key = hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, KDF_ROUNDS, KEY_BYTES)
    derived = f"x'{key.hex()}'"
    with _lock:
        _last = (wanted, derived)
    return derived
