"""Benchmark only: write out the site's pages as hand-written Markdown, and its navigation.

Added as a hook of a build of the real site (tests/plugins/test_benchmark_build.py), its handlers
run last (event_priority -100), so it records what MkDocs was given after every plugin had
its say: each page's final Markdown and front matter, every generated file, and the
navigation. The benchmark's plain build then builds exactly these pages, with this
navigation, without the project's plugins.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from scripts.render.board.common import RAW_END, RAW_START

OUT_ENV = "BENCHMARK_DUMP_DIR"
_TOKEN = re.compile(r"^TRACKERRAWHTML(\d+)X\d+$", re.M)
"""dvk-status-board hands blocks of HTML past Markdown under these placeholders."""


def _out() -> Path:
    return Path(os.environ[OUT_ENV])


@event_priority(-100)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    for file in files:
        if file.generated_by is not None:
            target = _out() / "docs" / file.src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(file.content_bytes)
    return files


def _entry(item: Any) -> Any:
    if isinstance(item, Section):
        return {item.title: [_entry(child) for child in item.children]}
    if isinstance(item, Link):
        return {item.title: item.url}
    assert isinstance(item, Page)
    return {item.title: item.file.src_uri} if "title" in vars(item) else item.file.src_uri


@event_priority(-100)
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    entries = [_entry(item) for item in nav.items]
    (_out() / "nav.yml").write_text(yaml.safe_dump(entries, allow_unicode=True), "utf-8")
    return nav


def _raw_blocks(source: str) -> list[str]:
    return [part.partition(RAW_END)[0] for part in source.split(RAW_START)[1:]]


def _plain(value: object) -> bool:
    """Front matter can hold it: text, numbers, lists and mappings of them."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return True
    if isinstance(value, list):
        return all(map(_plain, value))
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    return False


@event_priority(-100)
def on_page_markdown(markdown: str, page: Page, **_: object) -> str:
    blocks = _raw_blocks(page.file.content_string)
    written = _TOKEN.sub(lambda m: f"{RAW_START}{blocks[int(m.group(1))]}{RAW_END}", markdown)
    meta = {k: v for k, v in page.meta.items() if _plain(v)}
    front = f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n\n" if meta else ""
    target = _out() / "docs" / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(front + written, encoding="utf-8")
    return markdown
