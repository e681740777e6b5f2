"""Heading anchors that keep "đ": "#bat-dau-tu-dau", not Python-Markdown's "#bat-au-tu-au"."""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.tracker.vietnamese import slugify  # noqa: E402


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.mdx_configs.setdefault("toc", {})["slugify"] = slugify
    return config
