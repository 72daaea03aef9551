"""``python -m articlekit`` runs the command-line interface."""

from articlekit.cli import main

raise SystemExit(main())
