"""When each phase of the app's start begins and ends: the median over N starts, beside the bare window's own.

    python tools/start_timeline.py STORE [N]

STORE is an encrypted store with the bench's passphrase (``brugapp.bench.base.BENCH_PASSPHRASE``; the bench builds
one with ``runner.build_bench_store``). The starts run as ``brugapp bench`` runs them (its launcher, offscreen, a
bytecode cache, the passphrase on stdin), alternating with the bare window, and the first of each is not counted.
Each app start runs this file as its child (``--child``): an import hook marks when a few modules start and end
loading, wrappers mark the phases of ``ui/app.py`` and the unlock worker's two steps (the key derived, the store
opened: "worker: …"), and everything is printed once Vandaag is filled. No BrugApp
code is changed for it; the marks cost a little time themselves. Times are ms since the interpreter was up.
"""

from __future__ import annotations

import sys
import time

MARKS: list[tuple[str, float]] = [("interpreter up", time.time())]
WATCHED = ("brugapp.cli", "PySide6.QtCore", "PySide6.QtWidgets", "brugapp.ui.app", "brugapp.ui.shell.main_window",
           "brugapp.ui.today.page")


def mark(name: str) -> None:
    MARKS.append((name, time.time()))


def _report(app: object, ready: object) -> None:
    mark("ready (Vandaag filled)")
    for name, at in MARKS:
        print(f"MARK {1000 * (at - MARKS[0][1]):.1f} {name}", flush=True)
    print(f"MARK {1000 * time.thread_time():.1f} (main thread CPU since the process began)", flush=True)
    ready(app)  # type: ignore[operator]


def _wrap(owner: object, attribute: str, label: str, *, once: bool = False) -> None:
    original = getattr(owner, attribute)
    calls: list[int] = []

    def wrapped(*args: object, **kwargs: object) -> object:
        calls.append(1)
        if once and len(calls) > 1:
            return original(*args, **kwargs)
        mark(f"{label} >")
        try:
            return original(*args, **kwargs)
        finally:
            mark(f"{label} <")

    setattr(owner, attribute, wrapped)


class _MarkingFinder:
    """Marks the start and end of loading each watched module; patches ``ui.app`` once it is loaded."""

    def find_spec(self, name: str, path: object, target: object = None) -> object:
        import importlib.machinery

        if name not in WATCHED:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)  # type: ignore[arg-type]
        if spec is None or spec.loader is None:
            return None
        load = spec.loader.exec_module

        def exec_module(module: object) -> None:
            mark(f"import {name} start")
            load(module)  # type: ignore[arg-type]
            mark(f"import {name} end")
            if name == "brugapp.ui.app":
                _patch_app(module)

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def _patch_app(app_module: object) -> None:
    import brugapp.store
    from brugapp.ui.unlock_ahead import Unlocking

    _wrap(brugapp.store, "open_store", "worker: store opened")  # looked up when the worker opens it

    _wrap(app_module, "import_window_modules", "window modules")
    _wrap(app_module, "setup_application", "setup_application")
    _wrap(Unlocking, "opened", "waiting for the store")
    _wrap(app_module.AppController, "show", "main window built, Vandaag filled, shown")  # type: ignore[attr-defined]
    ready = app_module._report_ready_and_quit  # type: ignore[attr-defined]
    app_module._report_ready_and_quit = lambda app: _report(app, ready)  # type: ignore[attr-defined]


def child(argv: list[str]) -> int:
    sys.meta_path.insert(0, _MarkingFinder())  # type: ignore[arg-type]
    sys.argv = ["brugapp", *argv]
    import brugapp.page_key

    _wrap(brugapp.page_key, "raw_key", "worker: key derived", once=True)  # later: open_store's look-up of it
    from brugapp.start import prepare_start  # as brugapp/__main__.py does

    prepare_start(argv)
    from brugapp.cli import main

    return main()


def parent(store: str, runs: int) -> None:
    import statistics
    import subprocess
    import tempfile
    from collections import defaultdict
    from pathlib import Path

    from brugapp.bench import processes
    from brugapp.bench.base import BENCH_PASSPHRASE

    home = Path(tempfile.mkdtemp(prefix="brugapp-timeline-")) / "home"
    home.mkdir()
    env = processes.child_env(home)
    commands = {"app": [sys.executable, __file__, "--child", "--db", store],
                "bare": [sys.executable, str(processes.BARE_WINDOW)]}
    marks: dict[str, dict[str, list[float]]] = {kind: defaultdict(list) for kind in commands}
    order: list[str] = []
    for run in range(runs + 1):
        for kind, command in commands.items():
            out = subprocess.run([sys.executable, str(processes.LAUNCHER), *command], input=BENCH_PASSPHRASE + "\n",
                                 capture_output=True, text=True, env=env, timeout=120, check=True).stdout
            lines = [line.split(None, 2) for line in out.splitlines() if line.startswith("BRUGAPP_") or
                     line.startswith("MARK ")]
            stamps = {words[0]: float(words[1]) for words in lines if words[0].startswith("BRUGAPP_")}
            if run == 0:
                continue  # the first start of each reads everything from disk
            marks[kind]["spawn to ready (whole process)"].append(
                1000 * (stamps["BRUGAPP_READY"] - stamps["BRUGAPP_SPAWNED"]))
            for _mark, at, name in (words for words in lines if words[0] == "MARK"):
                if name not in order:
                    order.append(name)
                marks[kind][name].append(float(at))
    print(f"median of {runs} starts, ms")
    for kind in commands:
        print(f"{statistics.median(marks[kind]['spawn to ready (whole process)']):8.1f}  {kind}: spawn to ready")
    for name in order:
        print(f"{statistics.median(marks['app'][name]):8.1f}  {name}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        raise SystemExit(child(sys.argv[2:]))
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    parent(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10)
