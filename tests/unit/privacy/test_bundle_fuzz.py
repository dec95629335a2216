"""Issue 14: hypothesis fuzzing of the bundle reader: never a crash, always a clear BundleError."""

from __future__ import annotations

import copy
import json
import shutil
import uuid
from unittest.mock import patch

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from brugapp.exchange import bundle as fmt
from brugapp.services.bundle import BundleError, load_payload, read_bundle
from brugapp.services.families.families import MemberInput, create_family
from brugapp.services.families.notebook import log_contact
from brugapp.store import open_store
from brugapp.store.models import Family

PASSPHRASE = "sleutel voor de fuzzer"
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture
def payload(store, tmp_path):
    """A real, small bundle payload (a family with a member and a contact)."""
    family = create_family(store, display_name="Gezin Peeters", members=[MemberInput("child", "Lotte")])
    log_contact(store, channel="schoolpoort", family_id=family.id, note="Vraag over de schoolfactuur")
    from brugapp.services.bundle import export_bundle

    export_bundle(store, out=tmp_path / "b.brugbundle", passphrase=PASSPHRASE)
    return read_bundle(tmp_path / "b.brugbundle", PASSPHRASE)


def _read(data: bytes, tmp_path) -> None:
    path = tmp_path / "fuzz.brugbundle"
    path.write_bytes(data)
    with patch.object(fmt, "SCRYPT_N", 2**4):  # the key derivation's cost is not under test
        try:
            read_bundle(path, PASSPHRASE)
        except BundleError as exc:
            assert exc.message and exc.field == "bundle"


@FUZZ
@given(data=st.binary(max_size=300))
def test_random_bytes_give_a_clear_message(tmp_path, data):
    _read(data, tmp_path)
    _read(fmt.MAGIC + data, tmp_path)


@FUZZ
@given(header=st.dictionaries(st.sampled_from(["container", "cipher", "kdf", "salt", "nonce", "x"]), JSON_VALUES),
       body=st.binary(max_size=64))
def test_hostile_headers_give_a_clear_message(tmp_path, header, body):
    raw = json.dumps(header).encode()
    _read(fmt.MAGIC + len(raw).to_bytes(4, "big") + raw + body, tmp_path)


@FUZZ
@given(cut=st.integers(min_value=0, max_value=400), flip=st.integers(min_value=0, max_value=10**6))
def test_truncated_or_flipped_bundles_give_a_clear_message(tmp_path, cut, flip):
    with patch.object(fmt, "SCRYPT_N", 2**4):
        data = bytearray(fmt.seal({"format": "brugapp-bundle"}, PASSPHRASE))
    damaged = bytes(data[: len(data) - cut % len(data)])
    _read(damaged, tmp_path)
    data[flip % len(data)] ^= 0x41
    _read(bytes(data), tmp_path)


@FUZZ
@given(value=JSON_VALUES)
def test_arbitrary_json_payloads_are_refused_clearly(value):
    try:
        fmt.check_payload(value)
    except fmt.BundleFormatError as exc:
        assert exc.kind in (fmt.INVALID, fmt.NEWER_VERSION)


@settings(FUZZ, max_examples=30)  # each example opens a fresh store
@given(choice=st.data(), value=JSON_VALUES)
def test_one_changed_value_anywhere_never_crashes_the_import(migrated_template, tmp_path, payload, choice, value):
    changed = copy.deepcopy(payload)
    tables = [name for name, rows in changed["tables"].items() if rows]
    table = choice.draw(st.sampled_from(tables))
    row = choice.draw(st.sampled_from(changed["tables"][table]))
    column = choice.draw(st.sampled_from([*row, "unknown_column"]))
    row[column] = value
    target = tmp_path / f"target-{uuid.uuid4().hex}.db"  # an empty store per example: each import is a first one
    shutil.copy(migrated_template, target)
    store = open_store(target)
    try:
        load_payload(store, fmt.check_payload(changed))
    except (BundleError, fmt.BundleFormatError):
        with store.read() as session:  # all or nothing: a refused import left no family behind
            assert session.scalar(select(func.count()).select_from(Family)) == 0
    finally:
        store.close()
        target.unlink()
