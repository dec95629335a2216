"""``python -m brugapp``: the command (``brugapp.cli``)."""

import sys

from brugapp.ui.unlock_ahead import start_bench_unlock_early

start_bench_unlock_early(sys.argv[1:])  # ``brugapp bench`` only: the key derivation starts first (start-up time)

from brugapp.cli import main  # noqa: E402  (after the line above, on purpose)

raise SystemExit(main())
