"""MkDocs adapter: the service worker (sw.js at the site root) and the offline page."""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.site.offline import write_offline_files  # noqa: E402
from scripts.site.security import secure_page  # noqa: E402


def on_post_build(config: MkDocsConfig) -> None:
    """After every build (mkdocs serve included): the version follows the built assets."""
    info = config.extra.get("site_info") or {}  # hooks/site_info.py: the note about time
    write_offline_files(
        Path(config.site_dir), config.site_name, secure_page, info.get("time_note", "")
    )
