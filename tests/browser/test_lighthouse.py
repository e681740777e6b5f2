"""Lighthouse 12 in its mobile mode (slow 4G, a 4× slower CPU, simulated) on the home page, a
deadline page and a school page, served as GitHub Pages serves them (gzip, 10-minute cache,
tests/static_server.py), driving Debian's Chromium.

A benchmark (bash run.sh test -m benchmark -s -k lighthouse): it prints performance,
accessibility, largest contentful paint (LCP) and total blocking time (TBT) per page; the
README ("Hiệu năng") records them. Targets: performance ≥ 95, accessibility 100, LCP ≤ 2.5 s.
Timings are printed, not asserted (the machine is shared); accessibility does not depend on
the machine's speed, and is asserted.

Lighthouse comes from the npm registry at the exact version of tools/lighthouse/package.json
and package-lock.json, installed into tools/lighthouse/node_modules on the first run
(`npm ci`); without node and npm the benchmark is skipped, saying so.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.conftest import CHROMIUM
from tests.conftest import ROOT
from tests.static_server import Traffic, serve

TOOL = ROOT / "tools" / "lighthouse"
PAGES = {
    "Trang chủ": "",
    "Một hạn nộp": "tinh-hinh/han/bao-cao-6-thang/",
    "Trang một trường": "tinh-hinh/truong/th-binh-thanh/",
}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"
RUNS = 3
"""Runs per page: the median is printed, with the lowest and highest (the machine is shared)."""


def _lighthouse() -> Path:
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.skip("Lighthouse cần node và npm (Debian: apt-get install nodejs npm)")
    binary = TOOL / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"],
            cwd=TOOL,
            check=True,
            timeout=600,
        )
    return binary


@pytest.fixture(scope="module")
def pages_server(site_dir: Path) -> Iterator[tuple[str, Traffic]]:
    with serve(site_dir) as server:
        yield server


def _audit(binary: Path, url: str, report: Path) -> dict:
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    subprocess.run(
        [
            str(binary),
            url,
            "--quiet",
            "--only-categories=performance,accessibility",
            "--output=json",
            f"--output-path={report}",
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        env=env,
        check=True,
        timeout=300,
    )
    result: dict = json.loads(report.read_text(encoding="utf-8"))
    return result


@pytest.mark.benchmark
def test_lighthouse_mobile(pages_server: tuple[str, Traffic], tmp_path: Path) -> None:
    binary = _lighthouse()
    url, _ = pages_server
    failures = {}
    print(
        f"\nLighthouse {_version(binary)}, chế độ điện thoại (mô phỏng 4G chậm, CPU chậm 4 lần); "
        f"trung vị của {RUNS} lần (thấp nhất–cao nhất)"
    )
    for label, path in PAGES.items():
        runs = []
        for _ in range(RUNS):
            result = _audit(binary, url + path, tmp_path / "report.json")
            settings = result["configSettings"]
            assert settings["formFactor"] == "mobile"
            assert settings["throttlingMethod"] == "simulate"
            categories, audits = result["categories"], result["audits"]
            runs.append(
                (
                    round(categories["performance"]["score"] * 100),
                    round(categories["accessibility"]["score"] * 100),
                    audits["largest-contentful-paint"]["numericValue"] / 1000,
                    audits["total-blocking-time"]["numericValue"],
                )
            )
            failed = [
                ref["id"]
                for ref in categories["accessibility"]["auditRefs"]
                if audits[ref["id"]]["score"] is not None and audits[ref["id"]]["score"] < 1
            ]
            if failed:
                failures[path or "/"] = failed
        performance, accessibility, lcp, tbt = (
            sorted(column) for column in zip(*runs, strict=True)
        )
        mid = RUNS // 2
        print(
            f"  {label:17} /{path:32} hiệu năng {performance[mid]} ({performance[0]}–"
            f"{performance[-1]}), tiếp cận {accessibility[mid]}, LCP {lcp[mid]:.1f} s "
            f"({lcp[0]:.1f}–{lcp[-1]:.1f}), TBT {tbt[mid]:.0f} ms ({tbt[0]:.0f}–{tbt[-1]:.0f})"
        )
    assert failures == {}, f"accessibility audits failed: {failures}"


def _version(binary: Path) -> str:
    done = subprocess.run([str(binary), "--version"], capture_output=True, text=True, timeout=60)
    return done.stdout.strip()
