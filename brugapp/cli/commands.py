"""The command groups of ``brugapp``: each module's ``register(subparsers)`` adds its sub-commands.

A new group is imported here and added to ``COMMAND_MODULES``. ``cli/__init__.py`` imports this module only
when a sub-command (or ``--help``) is asked for: importing every group (services, printing) took a quarter of
the window's start-up (``brugapp bench``).
"""

from __future__ import annotations

from types import ModuleType

from brugapp.cli import (
    audit_commands,
    bench_command,
    init_command,
    kaart_commands,
    meeting_commands,
    notebook_commands,
    overview_commands,
    print_commands,
    privacy_commands,
    referral_commands,
    report_commands,
    selftest_command,
    situation_commands,
    store_commands,
)

COMMAND_MODULES: tuple[ModuleType, ...] = (
    init_command,
    store_commands,
    selftest_command,
    kaart_commands,
    bench_command,
    notebook_commands,
    meeting_commands,
    print_commands,
    referral_commands,
    report_commands,
    audit_commands,
    privacy_commands,
    overview_commands,
    situation_commands,
)
