"""A local site_url puts dead addresses into QR codes, the calendar and the exports:
a warning on one's own machine, a refusal when CI is set (build and export alike)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.site.site_url import Action, check_site_url, is_ci, local_reason
from tests.conftest import ROOT, TEST_SITE_URL, run_build

LOCAL = "http://127.0.0.1:8000/"


@pytest.mark.parametrize(
    "url",
    [
        LOCAL,
        "http://localhost:8000/",
        "http://[::1]:8000/dan-van/",
        "http://0.0.0.0:8000/",
        "http://192.168.1.10/",
        "http://may-thu.localhost/",
        "",
        None,
    ],
)
def test_local_addresses_are_recognised(url: str | None) -> None:
    assert local_reason(url) is not None


@pytest.mark.parametrize(
    "url", ["https://vi-du.github.io/dan-van-kheo/", TEST_SITE_URL, "https://8.8.8.8/"]
)
def test_public_addresses_pass(url: str) -> None:
    assert local_reason(url) is None
    assert check_site_url(url, {"CI": "true"}) is None


@pytest.mark.parametrize(
    ("value", "ci"), [("true", True), ("1", True), ("", False), ("false", False), ("0", False)]
)
def test_ci_is_set_by_any_value_but_an_empty_or_false_one(value: str, ci: bool) -> None:
    assert is_ci({"CI": value}) is ci
    assert is_ci({}) is False


def test_locally_a_warning_with_ci_a_refusal_in_vietnamese() -> None:
    warning = check_site_url(LOCAL, {})
    assert warning is not None and not warning.refused
    assert warning.message.startswith(f"Cảnh báo: địa chỉ trang “{LOCAL}” là địa chỉ của chính")
    assert "mã QR, lịch các hạn nộp (.ics)" in warning.message
    assert "SITE_URL=https://" in warning.message

    refusal = check_site_url(LOCAL, {"CI": "true"})
    assert refusal is not None and refusal.refused
    assert refusal.message.startswith("Không dựng trang: địa chỉ trang")
    assert "biến CI" in refusal.message

    export = check_site_url("", {"CI": "true"}, Action.EXPORT)
    assert export is not None and export.refused
    assert export.message.startswith("Không xuất tệp: chưa có địa chỉ trang")
    assert "--site-url" in export.message


def test_a_local_build_warns_and_still_builds(tmp_path: Path) -> None:
    result = run_build(tmp_path / "site", SITE_URL=LOCAL, CI="")
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Cảnh báo: địa chỉ trang “{LOCAL}”" in result.stderr
    assert (tmp_path / "site" / "index.html").is_file()


def test_a_local_build_is_refused_when_ci_is_set(tmp_path: Path) -> None:
    result = run_build(tmp_path / "site", SITE_URL=LOCAL, CI="true")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert f"Không dựng trang: địa chỉ trang “{LOCAL}” là địa chỉ của chính máy này" in output
    assert not (tmp_path / "site" / "tai-ve").exists()


def _export(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("CI", "SITE_URL")}
    return subprocess.run(
        [sys.executable, "-m", "scripts.cli", "export", "--as-of", "15/11/2022", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**environment, **env},
    )


def test_the_export_warns_locally_and_refuses_with_ci(tmp_path: Path) -> None:
    target = tmp_path / "ra.csv"
    result = _export(tmp_path, "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert f"Cảnh báo: địa chỉ trang “{LOCAL}”" in result.stderr
    assert "--site-url" in result.stderr
    assert target.is_file()

    target.unlink()
    result = _export(tmp_path, "-o", str(target), CI="true")
    assert result.returncode == 2
    assert result.stderr.startswith(f"Không xuất tệp: địa chỉ trang “{LOCAL}”")
    assert not target.exists()

    result = _export(tmp_path, "-o", str(target), CI="true", SITE_URL=TEST_SITE_URL)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert TEST_SITE_URL + "tinh-hinh/truong/" in target.read_text(encoding="utf-8-sig")
