"""The first start: a new encrypted store with the schools you serve, and "Mijn gegevens" in the settings.

All or nothing: when anything fails, no store file stays behind and the settings are not touched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from brugapp.domain.contact_details import normalize_email, normalize_phone
from brugapp.domain.passphrase import passphrase_strength
from brugapp.domain.worker import WORKER_ROLES
from brugapp.errors import ValidationError
from brugapp.i18n import _
from brugapp.services.schools import MySchoolsChange, add_schools_by_name, update_my_schools
from brugapp.settings import Settings, load_settings, save_settings
from brugapp.store import Store, StoreError, open_store

NAME_MAX = 120
SCHOOL_MAX = 200


@dataclass(frozen=True)
class MyDetails:
    """What the wizard's "Mijn gegevens" page (and Instellingen) collect; cleaned by ``clean_details``."""

    name: str = ""
    organisation: str = ""
    role: str = ""
    phone: str = ""
    email: str = ""
    schools: list[str] = field(default_factory=list)
    region: list[str] = field(default_factory=list)


def check_passphrase(passphrase: str, repeat: str) -> None:
    strength = passphrase_strength(passphrase)
    if strength.score == 0:
        raise ValidationError(_(strength.hint), field="passphrase")
    if passphrase != repeat:
        raise ValidationError(_("The two passphrases are not the same."), field="repeat")


def clean_details(details: MyDetails) -> MyDetails:
    """Trimmed text, phone as +32 …, a checked e-mail and a known role; ValidationError names the field."""
    if details.role and details.role not in WORKER_ROLES:
        raise ValidationError(_("Choose your role from the list."), field="role")
    for label, value, name in ((_("Your name"), details.name, "name"),
                               (_("Your organisation"), details.organisation, "organisation")):
        if len(value.strip()) > NAME_MAX:
            raise ValidationError(_("{field}: at most {count} characters.").format(field=label, count=NAME_MAX),
                                  field=name)
    try:
        phone = normalize_phone(details.phone)
    except ValueError:
        raise ValidationError(_("The phone number is not valid. Write it as 056 00 00 00 or +32 470 00 00 00."),
                              field="phone") from None
    try:
        email = normalize_email(details.email)
    except ValueError:
        raise ValidationError(_("The e-mail address is not valid. Write it as name@example.be."),
                              field="email") from None
    too_long = next((s for s in details.schools if len(s) > SCHOOL_MAX), None)
    if too_long is not None:
        raise ValidationError(_("School name too long (at most {count} characters): {name}").format(
            count=SCHOOL_MAX, name=too_long[:40] + "…"), field="schools")
    return MyDetails(" ".join(details.name.split()), " ".join(details.organisation.split()), details.role,
                     phone, email, list(details.schools), list(details.region))


def apply_details(settings: Settings, details: MyDetails) -> Settings:
    settings.worker_name = details.name
    settings.worker_organisation = details.organisation
    settings.worker_role = details.role
    settings.worker_phone = details.phone
    settings.worker_email = details.email
    settings.my_schools = list(details.schools)
    settings.region_municipalities = list(details.region)
    return settings


def add_my_schools(store: Store, names: list[str]) -> list[str]:
    """Add each school served that the store does not have yet (same name, any case); returns their names."""
    with store.session() as session:
        return add_schools_by_name(session, names)


def save_my_details(store: Store | None, details: MyDetails, *,
                    auto_lock_minutes: int | None = None) -> MySchoolsChange:
    """Instellingen → Mijn gegevens: the settings and the schools served, as one action.

    A new school line becomes a school record (as in the first-run wizard); a line taken off deletes only a
    bare school nothing refers to, one with pupils stays (``MySchoolsChange.kept``). The settings file is
    written inside the store's unit of work: when the store cannot commit, the previous settings come back.
    Without a store (no notebook open) only the settings change.
    """
    cleaned = clean_details(details)
    previous = load_settings()
    before = list(previous.my_schools)
    wanted = apply_details(load_settings(), cleaned)
    if auto_lock_minutes is not None:
        wanted.auto_lock_minutes = auto_lock_minutes
    if store is None:
        save_settings(wanted)
        return MySchoolsChange()
    written = False
    try:
        with store.session() as session:
            change = update_my_schools(session, before=before, after=cleaned.schools)
            save_settings(wanted)
            written = True
    except BaseException:
        if written:
            save_settings(previous)
        raise
    return change


def create_own_store(location: Path, *, passphrase: str, repeat: str, details: MyDetails) -> Store:
    """The first start's one action: checks everything, then creates the store, its schools and the settings."""
    check_passphrase(passphrase, repeat)
    cleaned = clean_details(details)
    if location.exists():
        raise ValidationError(_("There is already a data file at {path}; BrugApp never overwrites it.").format(
            path=location), field="passphrase")
    try:
        store = open_store(location, passphrase=passphrase, create=True)
    except StoreError:
        _remove_store_files(location)
        raise
    try:
        add_my_schools(store, cleaned.schools)
        save_settings(apply_details(load_settings(), cleaned))
    except BaseException:
        store.close()
        _remove_store_files(location)
        raise
    return store


def _remove_store_files(location: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{location}{suffix}").unlink(missing_ok=True)
