"""Notebook sub-commands: ``family add/show``, ``log`` (the quick log), ``link`` and ``search``.

Every command is all-or-nothing: a bad field stops it with a Dutch message naming the field (exit 2).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from brugapp.cli.common import CommandError, open_cli_store, print_json
from brugapp.domain.clock import local_date
from brugapp.domain.notebook import CHANNELS, LANGUAGES, MEMBER_ROLES
from brugapp.errors import NotFoundError, ValidationError
from brugapp.i18n import _, format_date
from brugapp.services.families.families import MemberInput, create_family, get_family
from brugapp.services.families.notebook import link_contact, log_contact
from brugapp.services.families.rights import get_rights
from brugapp.services.families.timeline import family_timeline
from brugapp.services.search import search_everything
from brugapp.store import Store


def register(subparsers: argparse._SubParsersAction) -> None:
    family = subparsers.add_parser("family", help=_("families: add one, or show one with its timeline"))
    family_commands = family.add_subparsers(dest="family_command", required=True)
    add = family_commands.add_parser("add", help=_("add a family"))
    add.add_argument("name", help=_("the family's name, e.g. “the Benali family”"))
    add.add_argument("--language", default="nl", help=_("preferred language code, e.g. nl, ar, tr"))
    add.add_argument("--interpreter", action="store_true", help=_("an interpreter is needed"))
    add.add_argument("--no-letters", action="store_true", help=_("does not read letters"))
    add.add_argument("--channel", default="", help=_("best reached by: phone, in_person, message, letter"))
    add.add_argument("--reference", default="", help=_("reference person"))
    add.add_argument("--member", action="append", default=[], metavar="ROLE:NAME[:PHONE]",
                     help=_("a member, e.g. parent:Samira Benali:0470 12 34 56 (repeatable)"))
    add.add_argument("--json", action="store_true", help=_("print the new family as JSON"))
    add.set_defaults(handler=run_family_add)
    show = family_commands.add_parser("show", help=_("show a family with its timeline"))
    show.add_argument("family_id")
    show.add_argument("--json", action="store_true", help=_("print JSON"))
    show.set_defaults(handler=run_family_show)

    log = subparsers.add_parser("log", help=_("quick log: note a contact moment"))
    log.add_argument("--family", default="", metavar="ID",
                     help=_("the family's id; leave out for an anonymous contact"))
    log.add_argument("--channel", required=True, help=_("schoolpoort, koffiemoment, zitdag, huisbezoek, telefoon …"))
    log.add_argument("--theme", action="append", default=[], help=_("a theme code, e.g. admin.debts (repeatable)"))
    log.add_argument("--note", default="", help=_("a short note"))
    log.add_argument("--follow-up", default="", metavar="DATE", help=_("follow-up promised on (dd-mm-yyyy or +7)"))
    log.add_argument("--sharing", default="private", help=_("private, status_only or shareable"))
    log.add_argument("--initiative", default="parent", help=_("who took the initiative: parent, brugfiguur, school …"))
    log.add_argument("--json", action="store_true", help=_("print the new id as JSON"))
    log.set_defaults(handler=run_log)

    link = subparsers.add_parser("link", help=_("link an (anonymous) contact moment to a family"))
    link.add_argument("contact_id")
    link.add_argument("family_id")
    link.add_argument("--json", action="store_true", help=_("print JSON"))
    link.set_defaults(handler=run_link)

    search = subparsers.add_parser("search", help=_("search families, members, notes and schools"))
    search.add_argument("text")
    search.add_argument("--limit", type=int, default=50)
    search.add_argument("--json", action="store_true", help=_("print one JSON array"))
    search.set_defaults(handler=run_search)


def _with_store(args: argparse.Namespace, work: Callable[[Store], Any]) -> Any:
    store = open_cli_store(args)
    try:
        return work(store)
    except ValidationError as exc:
        raise CommandError(exc.message) from None
    except NotFoundError as exc:
        raise CommandError(str(exc)) from None
    finally:
        store.close()


def parse_member(text: str) -> MemberInput:
    role, _sep, rest = text.partition(":")
    if role not in MEMBER_ROLES or not rest.strip():
        raise CommandError(_("--member: write ROLE:NAME[:PHONE] with ROLE one of {roles}, not “{text}”.").format(
            roles=", ".join(MEMBER_ROLES.codes()), text=text))
    name, _sep, phone = rest.partition(":")
    first, _sep, last = name.strip().partition(" ")
    return MemberInput(role=role, first_name=first, last_name=last, phone=phone)


def run_family_add(args: argparse.Namespace) -> int:
    members = [parse_member(m) for m in args.member]  # checked before the store is touched
    family = _with_store(args, lambda store: create_family(
        store, display_name=args.name, preferred_language=args.language, interpreter_needed=args.interpreter,
        reads_letters=not args.no_letters, preferred_channel=args.channel, reference_person=args.reference,
        members=members))
    if args.json:
        print_json(family)
    else:
        print(family.id)
    return 0


def run_family_show(args: argparse.Namespace) -> int:
    def work(store: Store) -> tuple[Any, Any, Any]:
        family = get_family(store, family_id=args.family_id)
        return family, get_rights(store, family_id=family.id), family_timeline(store, family_id=family.id)

    family, rights, timeline = _with_store(args, work)
    if args.json:
        print_json({"family": family, "rights": rights, "timeline": timeline})
        return 0
    print(family.display_name)
    print(_("Language: {language}").format(language=LANGUAGES.label(family.preferred_language))
          + (" · " + _("Interpreter needed") if family.interpreter_needed else ""))
    for member in family.members:
        print(f"  {member.full_name} ({MEMBER_ROLES.label(member.role)}) {member.school_label} {member.class_name}")
    for entry in timeline:
        day = format_date(local_date(entry.at), "medium")
        print(f"  {day}  {entry.title}: {entry.detail[:80]}  {entry.status}".rstrip())
    return 0


def run_log(args: argparse.Namespace) -> int:
    contact = _with_store(args, lambda store: log_contact(
        store, family_id=args.family or None, channel=args.channel, themes=args.theme, note=args.note,
        follow_up_on=args.follow_up or None, sharing=args.sharing, initiative=args.initiative))
    if args.json:
        print_json({"id": contact.id, "family_id": contact.family_id})
    else:
        print(contact.id)
        print(_("Contact moment saved ({who}).").format(who=contact.family_name or _("anonymous")),
              CHANNELS.label(contact.channel))
    return 0


def run_link(args: argparse.Namespace) -> int:
    contact = _with_store(args, lambda store: link_contact(store, contact_id=args.contact_id,
                                                           family_id=args.family_id))
    if args.json:
        print_json({"id": contact.id, "family_id": contact.family_id})
    else:
        print(_("Linked to {family}.").format(family=contact.family_name))
    return 0


def run_search(args: argparse.Namespace) -> int:
    hits = _with_store(args, lambda store: search_everything(store, text=args.text, limit=args.limit))
    if args.json:
        # the screen's snippet (note words) stays on screen: the JSON keeps its documented four fields
        print_json([{"kind": h.kind, "id": h.id, "label": h.label, "family_id": h.family_id} for h in hits])
    else:
        for hit in hits:
            print("\t".join((hit.kind, hit.id, hit.label, hit.family_id)))
    return 0
