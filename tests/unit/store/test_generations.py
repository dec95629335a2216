"""Backups are kept in generations (daily for a week, weekly for a month, monthly for a year), not the last ten."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from brugapp.store import open_store
from brugapp.store.backups import KEEP_ALL_AT_MOST, Backup, backup_store, generations_to_keep, list_backup_infos

NOW = dt.datetime(2026, 12, 1, 18, 0, tzinfo=dt.UTC)


def _daily_for(days: int, per_day: int = 1) -> list[Backup]:
    return [Backup(Path(f"b-{d}-{n}"), NOW - dt.timedelta(days=d, hours=n))
            for d in range(days) for n in range(per_day)]


def test_a_year_of_daily_backups_thins_to_generations() -> None:
    backups = _daily_for(400)
    kept = sorted((b for b in backups if b.path in generations_to_keep(backups, NOW)), key=lambda b: b.taken_at)
    ages = [(NOW - b.taken_at).days for b in kept]
    assert [a for a in ages if a < 7] == [6, 5, 4, 3, 2, 1, 0]  # one per day for a week
    assert 3 <= len([a for a in ages if 7 <= a < 31]) <= 5  # one per week for a month
    assert 10 <= len([a for a in ages if 31 <= a < 365]) <= 12  # one per month for a year
    assert max(ages) < 365  # nothing older than a year
    assert len(kept) < 30


def test_a_burst_of_backups_today_does_not_push_out_the_older_ones() -> None:
    older = _daily_for(40)[1:]  # yesterday back to 40 days ago
    burst = [Backup(Path(f"today-{n}"), NOW - dt.timedelta(minutes=n)) for n in range(50)]
    keep = generations_to_keep(older + burst, NOW)
    assert all(b.path in keep for b in older if (NOW - b.taken_at).days < 7)
    assert any(b.path in keep for b in older if (NOW - b.taken_at).days >= 31)
    assert 1 <= len([b for b in burst if b.path in keep]) <= KEEP_ALL_AT_MOST + 1  # + the day's own slot


def test_backup_files_are_thinned_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "s.db"  # plain: the thinning is the point here, not the key derivation of each check
    store = open_store(path, create=True)
    try:
        for days_ago in (0, 1, 2, 3, 10, 11, 12, 13, 100, 101, 500):
            backup_store(store, reason="on-close", now=NOW - dt.timedelta(days=days_ago))
        backup_store(store, reason="manual", now=NOW)
    finally:
        store.close()
    left = [(NOW - b.taken_at).days for b in list_backup_infos(path)]
    assert 500 not in left and 0 in left and 1 in left and 100 in left
    assert left.count(10) + left.count(11) + left.count(12) + left.count(13) <= 2  # one per ISO week
