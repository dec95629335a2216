"""The handover bundle: the notebook as one encrypted file with its own passphrase. No store access here.

File layout (container version 1), documented in ``docs/formats.md``:

    8 bytes   magic ``BRUGBND1``
    4 bytes   header length N (big-endian)
    N bytes   header, UTF-8 JSON: {"container": 1, "cipher": "AES-256-GCM", "kdf": "scrypt",
              "salt": base64 (16 bytes), "nonce": base64 (12 bytes)}
    rest      AES-256-GCM ciphertext of the gzip-compressed payload JSON; the header is the associated data,
              so a changed header fails like a changed ciphertext

The key is scrypt(passphrase, salt, n=2**15, r=8, p=1), fixed per container version (a header cannot ask
for a cost that would hang the reader). The payload follows ``docs/bundle.schema.json``: ``format``,
``format_version``, ``exported_at``, ``tables`` (table name -> list of rows, column -> JSON value; links
between records as the linked record's UUID) and ``search_index``.

Every failure is a ``BundleFormatError`` with a ``kind`` and, where it applies, where (table, row, column):
the service turns it into a translated message. Nothing here crashes on hostile input.
"""

from __future__ import annotations

import base64
import binascii
import gzip
import json
import os
import struct
import zlib
from functools import cache
from typing import Any

import jsonschema
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from brugapp.paths import SOURCE_ROOT

MAGIC = b"BRUGBND1"
CONTAINER_VERSION = 1
FORMAT = "brugapp-bundle"
FORMAT_VERSION = 1
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
MAX_HEADER = 4096
MAX_PAYLOAD = 512 * 1024 * 1024  # a bundle that unpacks beyond this is refused (gzip bomb)
SCHEMA_PATH = SOURCE_ROOT / "docs" / "bundle.schema.json"  # documented and read: one file

# Failure kinds (the service has a message for each).
NOT_A_BUNDLE = "not_a_bundle"
WRONG_PASSPHRASE = "wrong_passphrase"
DAMAGED = "damaged"
NEWER_VERSION = "newer_version"
INVALID = "invalid"


class BundleFormatError(ValueError):
    def __init__(self, kind: str, *, where: str = "", detail: str = "", version: int = 0) -> None:
        super().__init__(kind)
        self.kind = kind
        self.where = where  # "families, row 3, column display_name"
        self.detail = detail  # for the log and the developer; never personal data
        self.version = version


def _key(passphrase: str, salt: bytes) -> bytes:
    return Scrypt(salt=salt, length=32, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P).derive(passphrase.encode("utf-8"))


def seal(payload: dict[str, Any], passphrase: str) -> bytes:
    """The bundle file's bytes for ``payload`` (already valid against the schema)."""
    salt, nonce = os.urandom(16), os.urandom(12)
    header = json.dumps({"container": CONTAINER_VERSION, "cipher": "AES-256-GCM", "kdf": "scrypt",
                         "salt": base64.b64encode(salt).decode(), "nonce": base64.b64encode(nonce).decode()},
                        sort_keys=True).encode()
    plain = gzip.compress(json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6)
    sealed = AESGCM(_key(passphrase, salt)).encrypt(nonce, plain, header)
    return MAGIC + struct.pack(">I", len(header)) + header + sealed


def _header(data: bytes) -> tuple[dict[str, Any], bytes, bytes]:
    if len(data) < len(MAGIC) + 4 or not data.startswith(MAGIC[:7]):
        raise BundleFormatError(NOT_A_BUNDLE)
    if data[:8] != MAGIC:
        raise BundleFormatError(NEWER_VERSION, version=data[7] - ord("0"))
    (length,) = struct.unpack(">I", data[8:12])
    if not 0 < length <= MAX_HEADER or len(data) < 12 + length + 16:
        raise BundleFormatError(DAMAGED, detail="header length")
    header_bytes = data[12:12 + length]
    try:
        header = json.loads(header_bytes.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise BundleFormatError(DAMAGED, detail="header json") from None
    if not isinstance(header, dict):
        raise BundleFormatError(DAMAGED, detail="header type")
    container = header.get("container")
    if isinstance(container, int) and not isinstance(container, bool) and container > CONTAINER_VERSION:
        raise BundleFormatError(NEWER_VERSION, version=container)
    if container != CONTAINER_VERSION or header.get("cipher") != "AES-256-GCM" or header.get("kdf") != "scrypt":
        raise BundleFormatError(DAMAGED, detail="header fields")
    return header, header_bytes, data[12 + length:]


def _b64(value: object, size: int) -> bytes:
    try:
        raw = base64.b64decode(str(value), validate=True)
    except (binascii.Error, ValueError):
        raise BundleFormatError(DAMAGED, detail="header base64") from None
    if len(raw) != size:
        raise BundleFormatError(DAMAGED, detail="header sizes")
    return raw


def _inflate(plain: bytes) -> bytes:
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)  # gzip wrapper
    try:
        out = inflater.decompress(plain, MAX_PAYLOAD + 1)
    except zlib.error:
        raise BundleFormatError(DAMAGED, detail="gzip") from None
    if len(out) > MAX_PAYLOAD or inflater.unconsumed_tail:
        raise BundleFormatError(DAMAGED, detail="payload too large")
    return out


def open_sealed(data: bytes, passphrase: str) -> dict[str, Any]:
    """Decrypt and parse a bundle; the payload is checked against the schema and the format version."""
    header, header_bytes, sealed = _header(data)
    salt, nonce = _b64(header.get("salt"), 16), _b64(header.get("nonce"), 12)
    try:
        plain = AESGCM(_key(passphrase, salt)).decrypt(nonce, sealed, header_bytes)
    except InvalidTag:
        raise BundleFormatError(WRONG_PASSPHRASE) from None
    try:
        payload = json.loads(_inflate(plain).decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise BundleFormatError(DAMAGED, detail="payload json") from None
    return check_payload(payload)


@cache
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return loaded


def check_payload(payload: object) -> dict[str, Any]:
    """A decoded payload, checked: a newer format is refused before anything else, then the schema."""
    if isinstance(payload, dict) and payload.get("format") == FORMAT:
        version = payload.get("format_version")
        if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
            raise BundleFormatError(NEWER_VERSION, version=version)
    error = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(schema()).iter_errors(payload))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path)
        raise BundleFormatError(INVALID, where=where, detail=error.validator if isinstance(error.validator, str)
                                else "")
    assert isinstance(payload, dict)
    return payload
