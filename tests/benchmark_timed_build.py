"""Benchmark only: `mkdocs build` that also measures the time spent in each plugin.

Usage: python tests/benchmark_timed_build.py OUTPUT.json [mkdocs build options…]

Runs MkDocs' own command line unchanged, with every event handler and the loading of every
plugin (its import included) timed (wall clock); writes
{"dvk-status-board on_config": seconds, …} to OUTPUT.json at exit. The benchmark reports
the project's plugins' share of a build from it.
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


def _timed_load_plugin(load: Any) -> Any:
    """Plugins.load_plugin imports each plugin's module: its imports count as its time."""

    def timed(self: Any, name: str, config: Any) -> Any:
        start = time.perf_counter()
        try:
            return load(self, name, config)
        finally:
            _totals[f"{name} import"] += time.perf_counter() - start

    return timed


def _write(target: Path) -> None:
    target.write_text(json.dumps(dict(_totals), indent=1), encoding="utf-8")


if __name__ == "__main__":  # not when a worker process re-imports this file
    from mkdocs.__main__ import cli
    from mkdocs.config.config_options import Plugins

    output, *options = sys.argv[1:]
    plugins.PluginCollection.run_event = _run_event  # type: ignore[method-assign]
    Plugins.load_plugin = _timed_load_plugin(Plugins.load_plugin)  # type: ignore[method-assign]
    atexit.register(_write, Path(output))
    sys.argv = ["mkdocs", "build", *options]
    cli()
