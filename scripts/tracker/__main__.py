"""`python -m scripts.tracker …`: see scripts/tracker/cli.py."""

from __future__ import annotations

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
