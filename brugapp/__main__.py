"""``python -m brugapp``: the command (``brugapp.cli``)."""

import sys

from brugapp.start import prepare_start

prepare_start(sys.argv[1:])  # before the command line module is imported, on purpose (start-up time)

from brugapp.cli import main  # noqa: E402

raise SystemExit(main())
