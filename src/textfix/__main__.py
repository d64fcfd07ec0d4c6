"""``python -m textfix``: the same as the ``textfix`` console script."""

from textfix.cli.main import main

raise SystemExit(main())
