"""``brugapp bench``: what a person waits for on a busy programme, each wait beside its floor."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from brugapp.i18n import _


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("bench", help=_("measure speed against the budgets on 10,000 families"))
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--families", type=int, default=10_000, help=_("number of synthetic families"))
    size.add_argument("--quick", action="store_true", help=_("a tenth of the data (1,000 families), for CI"))
    parser.add_argument("--json", metavar="OUT", type=Path, help=_("also write the results to this JSON file"))
    parser.add_argument("--markdown", action="store_true", help=_("print the table as Markdown"))
    parser.add_argument("--check", action="store_true", help=_("exit with 1 when a budget is not met"))
    parser.set_defaults(handler=run_bench)


def run_bench(args: argparse.Namespace) -> int:
    from brugapp.bench.base import QUICK_FAMILIES
    from brugapp.bench.runner import run_benchmarks
    from brugapp.bench.table import document, markdown_table, text_table

    families = QUICK_FAMILIES if args.quick else args.families
    started = time.perf_counter()
    results = run_benchmarks(families=families, progress=lambda line: print(line, file=sys.stderr, flush=True))
    seconds = time.perf_counter() - started
    print(markdown_table(results) if args.markdown else text_table(results))
    failed = [r for r in results if not r.within_budget]
    print(_("{failed} of {total} budgets not met; benchmark finished in {seconds:.0f} s").format(
        failed=len(failed), total=len(results), seconds=seconds))
    if args.json:
        args.json.write_text(json.dumps(document(results, families=families, seconds=seconds), indent=2,
                                        ensure_ascii=False), encoding="utf-8")
    return 1 if args.check and failed else 0
