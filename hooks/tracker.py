"""MkDocs adapter for the tracker core in scripts/.

Thin on purpose: it finds the data, asks scripts.tracker for Markdown, and hands it to
MkDocs. All logic lives in scripts/, which does not import MkDocs.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.tracker.dataset_cache import load_dataset_once  # noqa: E402
from scripts.tracker.problems import DataError  # noqa: E402
from scripts.tracker.render.page_markers import expand_markers  # noqa: E402

_state: dict[str, object] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    data_dir = Path(config.config_file_path).parent / "data"
    try:
        dataset = load_dataset_once(data_dir)  # shared with the other hooks
    except DataError as error:
        # The same messages as `python -m scripts.tracker validate`; the build stops.
        raise PluginError(
            f"Dữ liệu chưa hợp lệ ({len(error.problems)} lỗi), trang không được dựng:\n"
            + "\n".join(map(str, error.problems))
        ) from None
    _state["dataset"] = dataset
    return config


def on_page_markdown(markdown: str, page: Page, **_: object) -> str:
    return expand_markers(markdown, _state["dataset"])
