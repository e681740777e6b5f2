"""Shared fixtures: a strict build of the site, served on localhost."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "schemas", "overrides")
"""What the build reads from the project folder; the code (scripts/, dvk_mkdocs/) is the
installed project, whichever folder is built."""

TEST_SITE_URL = "https://vi-du.invalid/"
"""The public address test builds are made for: one that exists nowhere (`.invalid` is a
reserved domain), never the local default, which a build refuses when CI is set
(scripts/site/site_url.py). A test may give its own SITE_URL."""


def copy_project(dest: Path) -> Path:
    """A copy of what the build reads, for tests that change data or pages and rebuild."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, dest / part)
    return dest


def run_build(
    dest: Path, config: Path = ROOT / "mkdocs.yml", **env: str
) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` into dest and return what happened, pass or fail."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(dest)],
        cwd=config.parent,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": TEST_SITE_URL, **env},
    )


def build_site(dest: Path, config: Path = ROOT / "mkdocs.yml", **env: str) -> Path:
    """Run `mkdocs build --strict` into dest; fail the test with MkDocs' output if it fails."""
    result = run_build(dest, config, **env)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}")
    return dest


def build_in_process(dest: Path, config: Path = ROOT / "mkdocs.yml") -> Path:
    """`mkdocs build --strict` in this process, through MkDocs' Python API, as `mkdocs serve`
    rebuilds: plugins that persist across builds (those with on_startup or on_shutdown) are
    reused by the next build in the same process. For TEST_SITE_URL unless SITE_URL is set.
    Raises what the build raises."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site_url = os.environ.get("SITE_URL") or TEST_SITE_URL
    cfg = load_config(str(config), site_dir=str(dest), strict=True, site_url=site_url)
    cfg.plugins.on_startup(command="build", dirty=False)
    try:
        build(cfg)
    finally:
        cfg.plugins.on_shutdown()
    return dest


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as published: built once per test session."""
    return build_site(tmp_path_factory.mktemp("site") / "site")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(site_dir: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1, as a static host such as GitHub Pages would."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
