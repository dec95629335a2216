"""SQLCipher's page key of an encrypted store file, derived from the passphrase (no other BrugApp import here).

A store made by BrugApp derives its key with **Argon2id** (19 MiB, 2 passes, 1 lane: OWASP's first recommended
setting for passwords; memory-hard, so a stolen file's guesser gains less from graphics cards than against
PBKDF2). Its salt, the file's first 16 bytes (SQLCipher keeps them unencrypted), starts with ``ARGON2_TAG``:
that is how a file says which derivation it needs, before anything is decrypted. A file without the tag (a
store made before, or by another SQLCipher program) keeps SQLCipher 4's own derivation, PBKDF2-HMAC-SHA512 with
256,000 rounds, and the passphrase itself goes to SQLCipher (``cipher_key``); ``raw_key`` can derive that one
too, for the start-up's fast path. OWASP counts both settings as the same minimum strength; Argon2id takes
~25 ms on a fast laptop where PBKDF2 takes ~0.15 s, and that wait is most of the time between Enter in the
unlock window and Vandaag (``brugapp bench``).

Both derivations let go of the interpreter lock while they work, so a start can run them on a second core from
its first moment, before even the store package is imported (``ui/unlock_ahead.py``). The last key is kept, for
that one file and passphrase and salt, so ``store/unlock_file.py`` finds it instead of deriving it twice; like
the passphrase, keys are never logged. It lives outside ``brugapp/store`` because importing that package is
itself work the key need not wait for.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

KDF_ROUNDS = 256_000  # SQLCipher 4's default (``PRAGMA kdf_iter``): files without the tag
KEY_BYTES = 32
SALT_BYTES = 16
ARGON2_TAG = b"BRUGA2"  # the first 6 salt bytes of a file keyed with Argon2id; 10 random bytes (80 bits) follow
ARGON2_MEMORY_KIB = 19 * 1024
ARGON2_PASSES = 2
ARGON2_LANES = 1

_lock = threading.Lock()
_last: tuple[tuple[str, bytes, str], str] | None = None


def file_salt(path: Path) -> bytes:
    """The salt SQLCipher keeps unencrypted at the start of the file."""
    with path.open("rb") as fh:
        return fh.read(SALT_BYTES)


def derive(passphrase: str, salt: bytes) -> bytes:
    """The 32-byte page key: Argon2id for a tagged salt, SQLCipher 4's PBKDF2 otherwise."""
    secret = passphrase.encode("utf-8")
    if salt.startswith(ARGON2_TAG):
        return _argon2id(secret, salt)
    import hashlib  # start-up time: a store made before December 2026 only

    return hashlib.pbkdf2_hmac("sha512", secret, salt, KDF_ROUNDS, KEY_BYTES)


def _argon2id(secret: bytes, salt: bytes) -> bytes:
    """Argon2id through the reference implementation's bindings (argon2-cffi's own): they import in ~2 ms where
    ``cryptography``'s took 10-15 ms of the start, on the interpreter lock the window's imports wait for. CFFI
    lets go of the lock while the hash runs."""
    from _argon2_cffi_bindings import ffi, lib  # start-up time: imported when a tagged file is opened

    key = ffi.new("uint8_t[]", KEY_BYTES)
    status = lib.argon2_hash(ARGON2_PASSES, ARGON2_MEMORY_KIB, ARGON2_LANES, ffi.from_buffer(secret), len(secret),
                             ffi.from_buffer(salt), len(salt), key, KEY_BYTES, ffi.NULL, 0, lib.Argon2_id,
                             lib.ARGON2_VERSION_NUMBER)
    if status != lib.ARGON2_OK:
        raise ValueError(ffi.string(lib.argon2_error_message(status)).decode("ascii"))
    return bytes(key)


# A known answer (computed with ``cryptography``'s Argon2id, an implementation of its own) for ``brugapp self-test``:
# an installation whose Argon2id is missing or wrong cannot open the stores it makes.
_KNOWN_ANSWER = ("self-test", ARGON2_TAG + bytes(SALT_BYTES - len(ARGON2_TAG)),
                 "a47f52e100818f22080c24f0f0dc95020309ba741b550d784e5c7e75018c14c6")


def derivation_works() -> bool:
    """Does this installation derive a store's key as BrugApp does everywhere?"""
    passphrase, salt, expected = _KNOWN_ANSWER
    try:
        return derive(passphrase, salt).hex() == expected
    except (ImportError, OSError, ValueError):  # the bindings (or their C part) missing from an installation
        return False


def raw_key(path: Path, passphrase: str) -> str:
    """SQLCipher's raw-key form of the passphrase for this file: ``x'<64 hex digits>'``."""
    return _raw_key_with_salt(path, file_salt(path), passphrase)


def _raw_key_with_salt(path: Path, salt: bytes, passphrase: str) -> str:
    global _last
    wanted = (str(path), salt, passphrase)
    with _lock:
        if _last is not None and _last[0] == wanted:
            return _last[1]
    derived = f"x'{derive(passphrase, salt).hex()}'"
    with _lock:
        _last = (wanted, derived)
    return derived


def cipher_key(path: Path, passphrase: str) -> str:
    """What ``PRAGMA key`` gets for an existing file: the Argon2id raw key for a tagged file, the passphrase
    itself otherwise (SQLCipher then derives the key with the settings it was made with)."""
    salt = file_salt(path)  # read once: it also says how the file derives its key
    return _raw_key_with_salt(path, salt, passphrase) if salt.startswith(ARGON2_TAG) else passphrase


def new_file_key(passphrase: str) -> str:
    """``PRAGMA key`` for a file about to be made: the Argon2id key and the tagged salt SQLCipher writes into
    the file's first bytes (``x'<64 hex digits of key><32 of salt>'``)."""
    salt = ARGON2_TAG + os.urandom(SALT_BYTES - len(ARGON2_TAG))
    return f"x'{derive(passphrase, salt).hex()}{salt.hex()}'"


def new_passphrase_key(path: Path, passphrase: str) -> str:
    """``PRAGMA rekey`` for a new passphrase: the same derivation as the file has now (the salt stays)."""
    salt = file_salt(path)
    return f"x'{derive(passphrase, salt).hex()}'" if salt.startswith(ARGON2_TAG) else passphrase
