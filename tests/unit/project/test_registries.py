"""Every entry of the non-GUI registries works: list kinds, timeline sources, demo loaders, commands, prints."""

from __future__ import annotations

import argparse

import brugapp.services.families.timeline as timeline
from brugapp.cli import build_parser
from brugapp.cli.commands import COMMAND_MODULES
from brugapp.cli.print_commands import PRINT_TARGETS
from brugapp.demo.region import DEMO_LOADERS
from brugapp.services.families.timeline import TIMELINE_SOURCES, family_timeline
from brugapp.services.listing import LIST_KINDS, list_records
from tests.factories import make_family


def test_every_list_kind_lists_from_an_empty_and_a_filled_store(store):
    for kind in LIST_KINDS:
        assert list_records(store, kind=kind) == [], kind
    family = make_family(store, display_name="Gezin Peeters")
    assert [r.id for r in list_records(store, kind="families")] == [family]


def test_every_timeline_source_is_asked(store, monkeypatch):
    family = make_family(store, display_name="Gezin Peeters")
    asked: list[str] = []
    def spy(source):
        def wrapped(session, family_pk):
            asked.append(source.__name__)
            return source(session, family_pk)
        return wrapped

    monkeypatch.setattr(timeline, "TIMELINE_SOURCES", tuple(spy(s) for s in TIMELINE_SOURCES))
    assert family_timeline(store, family_id=family) == []
    assert asked == [s.__name__ for s in TIMELINE_SOURCES]


def test_demo_loaders_are_functions_in_the_demo_package():
    assert DEMO_LOADERS and all(loader.__module__.startswith("brugapp.demo.") for loader in DEMO_LOADERS)


def test_every_command_module_and_print_target_registers():
    parser = build_parser()
    groups = {a.dest: a for a in parser._actions if isinstance(a, argparse._SubParsersAction)}
    commands = groups["command"].choices
    assert all(callable(module.register) for module in COMMAND_MODULES)
    printers = next(a for a in commands["print"]._actions if isinstance(a, argparse._SubParsersAction))
    assert len(printers.choices) == len(PRINT_TARGETS)
