"""Benchmark: the whole site with 100, 1,000 and 5,000 synthetic schools, against a plain build.

Run with `bash run.sh test -m benchmark -s`. Prints, for each size, the build time, the
time spent in the project's plugins, peak memory, output size, the overview page's size
gzipped and the search index's size, for
- the site: the real mkdocs.yml and plugins, with synthetic data/schools.yml (loaded and
  validated like the shipped data);
- a plain MkDocs build of the same pages: the same mkdocs.yml without the project's
  plugins, with every page the site has written out as a Markdown file (as MkDocs received
  it after the plugins, tests/benchmark_dump_hook.py) and the site's navigation written out.
Figures, not assertions: the machine is shared and timings are noisy. README, "Hiệu năng",
records what was seen.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from scripts.load.plan import load_plan
from tests.benchmark_dump_hook import OUT_ENV
from tests.conftest import ROOT, TEST_SITE_URL
from tests.synthetic import schools_yaml

SIZES = (100, 1000, 5000)
TIMED_BUILD = ROOT / "tests" / "benchmark_timed_build.py"
AS_OF = "2022-11-15"
OURS = "dvk-"
"""The project's plugins, by the names MkDocs knows them by."""
OUR_PLUGINS = re.compile(r"\n  - dvk-[\w-]+(?::\n(?:      .*\n)+)?")
"""An entry of the project's plugins in mkdocs.yml, with its options."""


@dataclass
class Figures:
    seconds: float
    cpu_seconds: float
    """User and system time of the build and its worker process: less noisy than the wall
    clock on a shared machine."""
    plugin_seconds: float
    """Time spent in the project's plugins (tests/benchmark_timed_build.py), wall clock."""
    handlers: dict[str, float]
    """Time by event handler: "dvk-status-board on_config" → seconds."""
    peak_mb: float
    output_mb: float
    files: int
    pages: frozenset[str]
    """The pages MkDocs built (…/index.html), by path in the site."""
    overview_gz_kb: float
    search_kb: float
    search_gz_kb: float


def _run_build(project: Path, env: dict[str, str] | None = None) -> Figures:
    environment = {k: v for k, v in os.environ.items() if k != "TRACKER_AS_OF"}
    environment.update(
        NO_MKDOCS_2_WARNING="1", TRACKER_AS_OF=AS_OF, SITE_URL=TEST_SITE_URL, **(env or {})
    )
    site = project / "site"
    timings = project / "hook-times.json"
    command = [sys.executable, str(TIMED_BUILD), str(timings), "--strict", "-q", "-d", str(site)]
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=project,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    output = process.stdout.read().decode() if process.stdout else ""
    process.returncode = os.waitstatus_to_exitcode(status)
    assert process.returncode == 0, output
    files = [p for p in site.rglob("*") if p.is_file()]
    overview = (site / "tinh-hinh" / "index.html").read_bytes()
    search = (site / "search" / "search_index.json").read_bytes()
    by_handler = json.loads(timings.read_text(encoding="utf-8"))
    return Figures(
        seconds=seconds,
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        plugin_seconds=sum(t for name, t in by_handler.items() if name.startswith(OURS)),
        handlers=by_handler,
        peak_mb=usage.ru_maxrss / 1024,
        output_mb=sum(p.stat().st_size for p in files) / 1e6,
        files=len(files),
        pages=frozenset(str(p.relative_to(site)) for p in files if p.name == "index.html"),
        overview_gz_kb=len(gzip.compress(overview)) / 1024,
        search_kb=len(search) / 1024,
        search_gz_kb=len(gzip.compress(search)) / 1024,
    )


def _board_project(base: Path, n: int) -> Path:
    """The real site (config, docs, plugins) with n synthetic schools in its data/."""
    project = base / f"site-{n}"
    project.mkdir()
    for name in ("docs", "overrides", "schemas"):
        if (ROOT / name).exists():
            (project / name).symlink_to(ROOT / name)
    shutil.copyfile(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    data = project / "data"
    shutil.copytree(ROOT / "data", data)
    plan = load_plan(data / "plan.yml")
    (data / "schools.yml").write_text(schools_yaml(plan, n), encoding="utf-8")
    return project


def _plain_project(base: Path, board: Path, n: int) -> Path:
    """The same pages and navigation as the site, as Markdown files, built by MkDocs alone.

    A build of the site with tests/benchmark_dump_hook.py as a hook writes out each page as
    MkDocs received it after every plugin (Markdown and front matter), every generated
    file, and the navigation; the plain project is those files with the same mkdocs.yml,
    its navigation written out and without the project's plugins.
    """
    dump = base / f"dump-{n}"
    dump.mkdir()
    for entry in board.iterdir():
        if entry.name not in ("mkdocs.yml", "site", ".cache"):
            (dump / entry.name).symlink_to(entry.resolve())
    config = (board / "mkdocs.yml").read_text(encoding="utf-8")
    hook = ROOT / "tests" / "benchmark_dump_hook.py"
    assert "\nhooks:" not in config
    config += f"\nhooks:\n  - {hook}\n"
    (dump / "mkdocs.yml").write_text(config, encoding="utf-8")
    out = base / f"plain-{n}"
    _run_build(dump, env={OUT_ENV: str(out)})
    shutil.rmtree(dump)

    written = out / "docs"
    for source in (ROOT / "docs").rglob("*"):  # assets; pages come from the dump
        target = written / source.relative_to(ROOT / "docs")
        if source.is_file() and not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    for name in ("overrides", "data", "schemas"):  # theme, watched paths
        if (ROOT / name).exists():
            (out / name).symlink_to(ROOT / name)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = OUR_PLUGINS.sub("\n", config)
    nav = (out / "nav.yml").read_text(encoding="utf-8")
    config = config[: config.index("\nnav:\n")] + "\nnav:\n" + nav
    assert not re.search(r"\n  - dvk-", config)
    (out / "mkdocs.yml").write_text(config, encoding="utf-8")
    return out


@pytest.mark.benchmark
@pytest.mark.timeout(3600)
def test_build_scales_with_the_number_of_schools(tmp_path: Path) -> None:
    rows = []
    for n in SIZES:
        site_project = _board_project(tmp_path, n)
        plain_project = _plain_project(tmp_path, site_project, n)
        runs = 2 if n <= 1000 else 1
        site, plain = (
            min((_run_build(project) for _ in range(runs)), key=lambda f: f.seconds)
            for project in (site_project, plain_project)
        )
        rows.append((n, site, plain))
        for project in (site_project, plain_project):
            shutil.rmtree(project / "site")

    print("\n\nDựng toàn bộ trang (mkdocs build --strict), dữ liệu tổng hợp:")
    header = (
        f"{'số trường':>9} | {'bản dựng':<10} | {'thời gian':>9} | {'trong plugin':>12} | "
        f"{'CPU':>7} | {'bộ nhớ đỉnh':>11} | {'kích thước':>10} | {'số tệp':>6} | "
        f"{'tổng quan (gzip)':>16} | {'chỉ mục tìm kiếm':>22}"
    )
    print(header)
    print("-" * len(header))
    for n, site, plain in rows:
        for label, f in (("mọi plugin", site), ("thuần", plain)):
            print(
                f"{n:>9,} | {label:<10} | {f.seconds:>7.1f} s | {f.plugin_seconds:>10.1f} s | "
                f"{f.cpu_seconds:>5.1f} s | {f.peak_mb:>8.0f} MB | "
                f"{f.output_mb:>7.1f} MB | {f.files:>6,} | {f.overview_gz_kb:>13.1f} KB | "
                f"{f.search_kb:>8.0f} KB ({f.search_gz_kb:>5.0f} KB gzip)"
            )
        print(
            f"{'':>9} | mọi plugin / thuần: thời gian {site.seconds / plain.seconds:.2f}, "
            f"CPU {site.cpu_seconds / plain.cpu_seconds:.2f}"
        )
    print("\nThời gian trong từng plugin của dự án, 1.000 trường:")
    slowest = sorted(rows[1][1].handlers.items(), key=lambda kv: -kv[1])
    for name, seconds in [kv for kv in slowest if kv[0].startswith(OURS)][:8]:
        print(f"  {seconds:6.2f} s  {name}")
    per_school = [(site.output_mb / n) * 1e3 for n, site, _ in rows]
    print("kích thước trên mỗi trường: " + ", ".join(f"{kb:.1f} KB" for kb in per_school))
    for n, site, plain in rows:
        assert len(site.pages) > n  # a page for every school
        assert site.pages == plain.pages  # the plain build made the same pages
