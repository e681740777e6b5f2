"""`python -m scripts.cli …`: see scripts/cli/validate.py."""

from __future__ import annotations

import sys

from scripts.cli.validate import main

if __name__ == "__main__":
    sys.exit(main())
