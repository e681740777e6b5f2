"""MkDocs adapter: pages that moved keep their old address (data/redirects.yml)."""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.site.addresses import read_redirects, write_redirects  # noqa: E402
from scripts.site.security import secure_page  # noqa: E402


def on_post_build(config: MkDocsConfig) -> None:
    data_dir = Path(config.config_file_path).parent / "data"
    site_dir = Path(config.site_dir)
    for page in write_redirects(
        site_dir, read_redirects(data_dir / "redirects.yml"), config.site_url or "/"
    ):
        page.write_text(secure_page(page.read_text(encoding="utf-8")), encoding="utf-8")
