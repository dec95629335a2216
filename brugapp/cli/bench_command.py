"""``brugapp bench``: measure the budgets on a synthetic busy programme (10,000 families)."""

from __future__ import annotations

import argparse
import time

from brugapp.cli.common import print_json
from brugapp.i18n import _


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("bench", help=_("measure speed against the budgets on 10,000 families"))
    parser.add_argument("--families", type=int, default=10_000, help=_("number of synthetic families"))
    parser.add_argument("--json", action="store_true", help=_("print one JSON array"))
    parser.set_defaults(handler=run_bench)


def run_bench(args: argparse.Namespace) -> int:
    from brugapp.bench.runner import run_benchmarks

    started = time.perf_counter()
    results = run_benchmarks(families=args.families)
    if args.json:
        print_json([{**r.__dict__, "within_budget": r.within_budget} for r in results])
    else:
        for r in results:
            verdict = _("ok") if r.within_budget else _("TOO SLOW")
            print(f"{r.median_ms:>9.1f} ms  / {r.budget_ms:>7.0f} ms  {verdict:<9} {r.name}")
        print(_("Benchmark finished in {seconds:.0f} s").format(seconds=time.perf_counter() - started))
    return 0 if all(r.within_budget for r in results) else 1
