"""`python -m scripts.cli …`: see scripts/cli/main.py."""

from __future__ import annotations

import sys

from scripts.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
