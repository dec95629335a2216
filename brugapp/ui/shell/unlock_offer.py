"""The words of the unlock dialog's offer when the data file is damaged: which backup, from when."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from brugapp.i18n import _, format_datetime
from brugapp.services.backups import taken_at

LOCAL_ZONE = ZoneInfo("Europe/Brussels")


def backup_offer_text(damage: str, backup: Path | None) -> tuple[str, str]:
    """(message, button text). Without a good backup there is no button and the file is left alone."""
    if backup is None:
        return (damage + " " + _("No backup that opens with this passphrase was found. Keep the file and ask "
                                 "for help; nothing was changed."), "")
    moment = taken_at(backup)
    when = format_datetime(moment.astimezone(LOCAL_ZONE), "short_day") if moment else backup.name
    message = damage + " " + _("Your newest good backup is from {when}. Restoring it puts the damaged file "
                               "aside (it is not deleted); what you entered after {when} is not in the backup."
                               ).format(when=when)
    return message, _("Restore the backup from {when}").format(when=when)
