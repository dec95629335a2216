"""``brugapp kaart import|export|find``: the sociale kaart from the command line."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from brugapp.cli.common import CommandError, open_cli_store, print_json, print_rows
from brugapp.domain.clock import now_local
from brugapp.domain.kaart import CATEGORIES
from brugapp.errors import ValidationError
from brugapp.i18n import _
from brugapp.settings import load_settings


def register(subparsers: argparse._SubParsersAction) -> None:
    kaart = subparsers.add_parser("kaart", help=_("the social map: import, export and find services"))
    commands = kaart.add_subparsers(dest="kaart_command", required=True)

    importing = commands.add_parser("import", help=_("import an HSDS package or JSON, CSV or XLSX file"))
    importing.add_argument("path", type=Path)
    importing.add_argument("--mapping", metavar="JSON",
                           help=_('column mapping for CSV/XLSX, e.g. \'{"organization": "Organisatie"}\' or a file'))
    importing.set_defaults(handler=run_import)

    exporting = commands.add_parser("export", help=_("export the social map (never your private notes)"))
    exporting.add_argument("out", type=Path)
    exporting.add_argument("--format", required=True, choices=("hsds", "json", "csv", "vcard", "pdf"))
    exporting.add_argument("--vcard-version", choices=("3.0", "4.0"), default="3.0")
    exporting.add_argument("--audience", choices=("school", "parents"), default="school",
                           help=_("who the printed guide (pdf) is for"))
    exporting.add_argument("--municipality", default="", help=_("printed guide (pdf): only services working here"))
    exporting.add_argument("--theme", default="", help=_("printed guide (pdf): only services for this theme code"))
    exporting.set_defaults(handler=run_export)

    finding = commands.add_parser("find", help=_("who do I call for X in Y"))
    finding.add_argument("text", nargs="?", default="")
    finding.add_argument("--open-now", action="store_true", help=_("only what can be reached now"))
    finding.add_argument("--after-hours", action="store_true", help=_("only what can be reached after hours"))
    finding.add_argument("--category", choices=CATEGORIES.codes())
    finding.add_argument("--at", metavar="YYYY-MM-DDTHH:MM", help=_("the moment for --open-now (default: now)"))
    finding.add_argument("--json", action="store_true", help=_("print one JSON array"))
    finding.set_defaults(handler=run_find)


def _mapping(text: str | None) -> dict[str, str] | None:
    if not text:
        return None
    source = Path(text)
    raw = source.read_text(encoding="utf-8") if source.exists() else text
    try:
        value = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise CommandError(_("The column mapping is not valid JSON: {reason}").format(reason=exc.msg)) from None
    if not isinstance(value, dict):
        raise CommandError(_("The column mapping must be a JSON object: field -> column."))
    return {str(k): str(v) for k, v in value.items()}


def run_import(args: argparse.Namespace) -> int:
    # start-up time: loaded when this command runs, not with every command
    from brugapp.services.kaart.importing import import_kaart

    if not args.path.exists():
        raise CommandError(_("No file at {path}.").format(path=args.path))
    store = open_cli_store(args)

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\r{done}/{total}", end="", file=sys.stderr)

    try:
        result = import_kaart(store, path=args.path, mapping=_mapping(args.mapping), progress=progress)
    except ValidationError as exc:
        raise CommandError(exc.message) from None
    finally:
        store.close()
    print(_("Imported: {created} new, {updated} updated services.").format(created=result.created,
                                                                           updated=result.updated))
    return 0


def run_export(args: argparse.Namespace) -> int:
    # start-up time: loaded when this command runs, not with every command
    from brugapp.services.kaart.export import export_kaart

    store = open_cli_store(args)
    try:
        if args.format == "pdf":
            # start-up time: loaded when this command runs, not with every command
            from brugapp.services.kaart.wegwijzer import export_wegwijzer

            result = export_wegwijzer(store, out=args.out, audience=args.audience, municipality=args.municipality,
                                      theme=args.theme, author=load_settings().worker_name)
        else:
            result = export_kaart(store, out=args.out, format=args.format, audience=args.audience,
                                  vcard_version=args.vcard_version)
    except ValidationError as exc:
        raise CommandError(exc.message) from None
    finally:
        store.close()
    if args.format == "pdf":
        message = _("Wegwijzer with {count} services written to {path}")
    elif args.format == "vcard":
        message = _("{count} contact cards written to {path}")
    elif args.format == "csv":
        message = _("{count} services written to {path}")
    else:
        message = _("Exported {count} records to {path}")
    print(message.format(count=result.count, path=result.path))
    return 0


def run_find(args: argparse.Namespace) -> int:
    # start-up time: loaded when this command runs, not with every command
    from brugapp.services.kaart.query import KaartFilter, find_services

    moment = now_local().replace(tzinfo=None)
    if args.at:
        try:
            moment = dt.datetime.fromisoformat(args.at)
        except ValueError:
            raise CommandError(_("--at needs a moment like 2026-11-25T17:30.")) from None
    criteria = KaartFilter(text=args.text, category=args.category or "",
                           open_at=moment if args.open_now else None, after_hours=args.after_hours)
    store = open_cli_store(args)
    try:
        found = find_services(store, criteria=criteria)
    finally:
        store.close()
    rows = [{"id": s.id, "service": s.name, "organization": s.organization_name,
             "call_now": s.number_now(moment), "phone": s.phone, "after_hours_phone": s.after_hours_phone,
             "municipalities": list(s.municipalities), "categories": list(s.categories)} for s in found]
    if args.json:
        print_json(rows)
    else:
        print_rows((r["call_now"] or "-", f"{r['service']} – {r['organization']}", r["id"]) for r in rows)
    return 0
