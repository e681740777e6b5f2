"""Benchmark only: `mkdocs build` that also measures the time spent in each hook and plugin.

Usage: python tests/benchmark_timed_build.py OUTPUT.json [mkdocs build options…]

Runs MkDocs' own command line unchanged, with every event handler and the import of every
hook file timed (wall clock); writes {"hooks/status_board.py on_config": seconds, …} to
OUTPUT.json at exit. The
benchmark reports the hooks' share of a build from it.
"""

from __future__ import annotations

import atexit
import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from mkdocs import plugins

_totals: dict[str, float] = defaultdict(float)


def _run_event(self: plugins.PluginCollection, name: str, item: Any = None, **kwargs: Any) -> Any:
    """PluginCollection.run_event of MkDocs 1.6, with a clock around each handler."""
    pass_item = item is not None
    for method in self.events[name]:
        origin = self._event_origins.get(method, "<unknown>")
        self._current_plugin = origin
        start = time.perf_counter()
        result = method(item, **kwargs) if pass_item else method(**kwargs)
        _totals[f"{origin} on_{name}"] += time.perf_counter() - start
        if result is not None:
            item = result
    self._current_plugin = None
    return item


def _timed_load_hook(load: Any) -> Any:
    """Hooks.run_validation imports each hook file: its imports count as the hook's time."""

    def timed(self: Any, name: str, path: str) -> Any:
        start = time.perf_counter()
        try:
            return load(self, name, path)
        finally:
            _totals[f"{name} import"] += time.perf_counter() - start

    return timed


def _write(target: Path) -> None:
    target.write_text(json.dumps(dict(_totals), indent=1), encoding="utf-8")


if __name__ == "__main__":  # not when a worker process re-imports this file
    from mkdocs.__main__ import cli
    from mkdocs.config.config_options import Hooks

    output, *options = sys.argv[1:]
    plugins.PluginCollection.run_event = _run_event  # type: ignore[method-assign]
    Hooks._load_hook = _timed_load_hook(Hooks._load_hook)  # type: ignore[method-assign]
    atexit.register(_write, Path(output))
    sys.argv = ["mkdocs", "build", *options]
    cli()
