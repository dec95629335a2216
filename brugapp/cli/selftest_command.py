"""``brugapp self-test``: open the store, render every page and dialog offscreen, exit 0 or say why (a view
that cannot be built, or text cut off at 1366×768 or 1280×720)."""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

from brugapp.cli.common import CommandError, open_cli_store
from brugapp.i18n import _, language, ngettext
from brugapp.page_key import derivation_works


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("self-test", help=_("render every view offscreen to check the installation"))
    parser.add_argument("--out", type=Path, help=_("folder for the PNG files (default: none are written)"))
    parser.set_defaults(handler=run_self_test)


def run_self_test(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    if not derivation_works():
        raise CommandError(_("This installation cannot derive the key of an encrypted store (Argon2id)."))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder: Path | None = None
    try:
        if args.db:
            store = open_cli_store(args)
            source = args.db
        else:
            # start-up time: Qt and the demo load only for the self-test
            from brugapp.demo.region import create_demo_store

            folder = Path(tempfile.mkdtemp(prefix="brugapp-selftest-"))
            store = create_demo_store(folder / "selftest.db", passphrase=None)
            source = _("a new demo store")
        try:
            # start-up time: Qt and the demo load only for the self-test
            from brugapp.ui.shell.selftest import render_all_views

            # Without --out nothing is written: the screens may show real families.
            views = render_all_views(store, args.out, language=language())
        except Exception as exc:  # the self-test reports any failure as its result
            raise CommandError(_("a view could not be built: {error}").format(error=exc)) from exc
        finally:
            store.close()
    finally:
        if folder is not None:  # the throwaway demo store goes, also after an error
            shutil.rmtree(folder, ignore_errors=True)
    for view in views:
        print(f"{view.section}\t{view.png}" if view.png is not None else view.section)
    problems = [f"{view.section}: {problem}" for view in views for problem in view.clipped]
    if problems:
        raise CommandError(ngettext("{count} problem on screen (cut-off text, another date format):",
                                    "{count} problems on screen (cut-off text, another date format):",
                                    len(problems)).format(count=len(problems)) + "\n" + "\n".join(problems))
    seconds = time.perf_counter() - started
    print(_("Self-test passed on {source}: {count} views in {seconds:.2f} s").format(
        source=source, count=len(views), seconds=seconds))
    return 0
