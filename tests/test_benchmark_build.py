"""Benchmark: the whole site with 100, 1,000 and 5,000 synthetic schools, against a plain build.

Run with `bash run.sh test -m benchmark -s`. Prints, for each size, the build time, peak
memory, output size, the overview page's size gzipped and the search index's size, for
- the site: the real mkdocs.yml and hooks, with synthetic data/schools.yml (loaded and
  validated like the shipped data);
- the same with the status board's hook alone (hooks/status_board.py, no other hook);
- a plain MkDocs build: the same mkdocs.yml without any hook, of the same pages written
  out by hand as Markdown files (the hand-written docs, the overview and one page per
  school, with the same content the hooks would generate).
Figures, not assertions: the machine is shared and timings are noisy. README, "Hiệu năng",
records what was seen.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from scripts.tracker import site_paths as paths
from scripts.tracker.load import load_plan
from tests.conftest import ROOT
from tests.synthetic import schools_yaml

SIZES = (100, 1000, 5000)
AS_OF = "2022-11-15"


@dataclass
class Figures:
    seconds: float
    cpu_seconds: float
    """User and system time of the build and its worker process: less noisy than the wall
    clock on a shared machine."""
    peak_mb: float
    output_mb: float
    files: int
    overview_gz_kb: float
    search_kb: float
    search_gz_kb: float


def _run_build(project: Path) -> Figures:
    env = {
        k: v for k, v in os.environ.items() if k not in ("TRACKER_TEST_DATASET", "TRACKER_AS_OF")
    }
    env.update(NO_MKDOCS_2_WARNING="1", TRACKER_AS_OF=AS_OF)
    site = project / "site"
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
        cwd=project,
        env=env,
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
    return Figures(
        seconds=seconds,
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        peak_mb=usage.ru_maxrss / 1024,
        output_mb=sum(p.stat().st_size for p in files) / 1e6,
        files=len(files),
        overview_gz_kb=len(gzip.compress(overview)) / 1024,
        search_kb=len(search) / 1024,
        search_gz_kb=len(gzip.compress(search)) / 1024,
    )


def _board_project(base: Path, n: int, *, only_board: bool = False) -> Path:
    """The real site (config, docs, hooks) with n synthetic schools in its data/.

    only_board: the status board's hook alone (no other hook), to tell its share apart.
    """
    project = base / f"site-{n}{'-board' if only_board else ''}"
    project.mkdir()
    for name in ("docs", "overrides", "hooks", "scripts", "schemas"):
        if (ROOT / name).exists():
            (project / name).symlink_to(ROOT / name)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if only_board:
        config = re.sub(r"\nhooks:\n(?:  - .*\n)+", "\nhooks:\n  - hooks/status_board.py\n", config)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    data = project / "data"
    shutil.copytree(ROOT / "data", data)
    plan = load_plan(data / "plan.yml")
    (data / "schools.yml").write_text(schools_yaml(plan, n), encoding="utf-8")
    return project


def _plain_project(base: Path, board: Path, n: int) -> Path:
    """The same pages as Markdown files, built by MkDocs alone (no hook)."""
    import datetime as dt

    from scripts.tracker.dataset import load_dataset
    from scripts.tracker.status_site import generate

    project = base / f"plain-{n}"
    shutil.copytree(ROOT / "docs", project / "docs")
    for name in ("overrides", "data", "schemas", "scripts", "hooks"):  # theme, watched paths
        if (ROOT / name).exists():
            (project / name).symlink_to(ROOT / name)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\nhooks:\n(?:  - .*\n)+", "\n", config)
    assert "\nhooks:" not in config
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    dataset = load_dataset(board / "data", today=dt.date.fromisoformat(AS_OF))
    generated = generate(dataset, dt.date.fromisoformat(AS_OF), "http://127.0.0.1:8000/")
    for src, markdown in generated.pages.items():
        if src == paths.OVERVIEW or "/truong/" in src:
            target = project / "docs" / src
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(markdown, encoding="utf-8")
    return project


@pytest.mark.benchmark
@pytest.mark.timeout(3600)
def test_build_scales_with_the_number_of_schools(tmp_path: Path) -> None:
    rows = []
    for n in SIZES:
        board = _board_project(tmp_path, n)
        alone = _board_project(tmp_path, n, only_board=True)
        plain = _plain_project(tmp_path, board, n)
        runs = 2 if n <= 1000 else 1
        figures = [
            min((_run_build(project) for _ in range(runs)), key=lambda f: f.seconds)
            for project in (board, alone, plain)
        ]
        rows.append((n, *figures))
        for project in (board, alone, plain):
            shutil.rmtree(project / "site")

    print("\n\nDựng toàn bộ trang (mkdocs build --strict), dữ liệu tổng hợp:")
    header = (
        f"{'số trường':>9} | {'bản dựng':<9} | {'thời gian':>9} | {'CPU':>7} | "
        f"{'bộ nhớ đỉnh':>11} | {'kích thước':>10} | {'số tệp':>6} | {'tổng quan (gzip)':>16} | "
        f"{'chỉ mục tìm kiếm':>22}"
    )
    print(header)
    print("-" * len(header))
    for n, site, alone, base in rows:
        for label, f in (("mọi hook", site), ("chỉ hook", alone), ("thuần", base)):
            print(
                f"{n:>9,} | {label:<9} | {f.seconds:>7.1f} s | {f.cpu_seconds:>5.1f} s | "
                f"{f.peak_mb:>8.0f} MB | "
                f"{f.output_mb:>7.1f} MB | {f.files:>6,} | {f.overview_gz_kb:>13.1f} KB | "
                f"{f.search_kb:>8.0f} KB ({f.search_gz_kb:>5.0f} KB gzip)"
            )
        for label, f in (("mọi hook", site), ("chỉ hook tình hình", alone)):
            print(
                f"{'':>9} | {label} / thuần: thời gian {f.seconds / base.seconds:.2f}, "
                f"CPU {f.cpu_seconds / base.cpu_seconds:.2f}"
            )
    (_, s100, *_), (_, s1000, *_), (_, s5000, *_) = rows
    per_school = [(f.output_mb / n) * 1e3 for n, f in ((100, s100), (1000, s1000), (5000, s5000))]
    print("kích thước trên mỗi trường: " + ", ".join(f"{kb:.1f} KB" for kb in per_school))
    for n, site, alone, base in rows:
        assert min(site.files, alone.files, base.files) > n  # every build made every page
