"""Where the project's own files are: the folder of mkdocs.yml, its data/ and schemas/.

Defaults only: the build passes the folders its plugins are configured with, and the
command line takes --data; nothing here reads the environment.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
"""The project folder (the one holding mkdocs.yml, data/, schemas/ and scripts/)."""
DATA_DIR = ROOT / "data"
SCHEMA_DIR = ROOT / "schemas"
