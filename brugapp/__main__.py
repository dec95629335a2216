"""``python -m brugapp``: the command (``brugapp.cli``)."""

import sys

from brugapp.library_preload import preload_libraries
from brugapp.ui.unlock_ahead import start_bench_unlock_early

start_bench_unlock_early(sys.argv[1:])  # ``brugapp bench`` only: the key derivation starts first (start-up time)
if not sys.argv[1:] or sys.argv[1].startswith("-"):  # no sub-command: the window, so Qt (start-up time)
    preload_libraries()

from brugapp.cli import main  # noqa: E402  (after the lines above, on purpose)

raise SystemExit(main())
