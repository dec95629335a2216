from brugapp.cli import main

raise SystemExit(main())
