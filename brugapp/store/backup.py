"""Kept so older imports keep working: backups live in ``backups.py``."""

from brugapp.store.backups import backup_store, list_backups, restore_backup

__all__ = ["backup_store", "list_backups", "restore_backup"]
