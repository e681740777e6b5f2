"""The site's public address (site_url) must be one that other people can open.

QR codes, the calendar (.ics), the exports and the feed carry absolute addresses built from
site_url. Built with a local address (http://127.0.0.1:8000/, localhost, a LAN address or
none), they send every reader to a dead address. So:
- building or exporting on one's own machine with such an address only warns (looking at the
  site locally is fine);
- when the environment variable CI is set (a check or the publishing workflow), it is
  refused: nothing with dead addresses can be published.
A test build gives a test address that exists nowhere, e.g. https://vi-du.invalid/ (the
`.invalid` domain is reserved and never resolves). Pure functions: the caller reads the
environment and reports.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from urllib.parse import urlsplit

CI_ENV = "CI"
"""Set by GitHub Actions (and .ci/run) to "true"."""
SITE_URL_ENV = "SITE_URL"
"""mkdocs.yml reads site_url from it; the publishing workflow sets it from GitHub Pages."""
EXAMPLE = "https://vi-du.github.io/dan-van-kheo/"


class Action(Enum):
    """What is being made with the address: says what is refused and how to fix it."""

    BUILD = "dựng trang"
    EXPORT = "xuất tệp"

    @property
    def fix(self) -> str:
        if self is Action.BUILD:
            return (
                f"đặt biến môi trường {SITE_URL_ENV} là địa chỉ công khai của trang, ví dụ "
                f"{SITE_URL_ENV}={EXAMPLE} (quy trình xuất bản lấy địa chỉ này từ GitHub Pages)"
            )
        return (
            f"ghi --site-url (hoặc đặt biến {SITE_URL_ENV}) là địa chỉ công khai của trang, "
            f"ví dụ --site-url {EXAMPLE}"
        )


@dataclass(frozen=True)
class Verdict:
    refused: bool
    """True: stop (CI is set). False: go on, after showing the warning."""
    message: str
    """In Vietnamese: what is wrong, why it matters, how to fix it."""


def local_reason(site_url: str | None) -> str | None:
    """Why the address cannot be opened from another machine; None if it can."""
    url = (site_url or "").strip()
    if not url:
        return "chưa có địa chỉ trang (site_url để trống)"
    host = (urlsplit(url if "//" in url else "//" + url).hostname or "").rstrip(".").lower()
    if not host:
        return f"địa chỉ trang “{url}” không có tên máy chủ"
    if host == "localhost" or host.endswith(".localhost"):
        return f"địa chỉ trang “{url}” là địa chỉ của chính máy này"
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return None
    if ip.is_loopback or ip.is_unspecified:
        return f"địa chỉ trang “{url}” là địa chỉ của chính máy này"
    if ip.is_private or ip.is_link_local:
        return f"địa chỉ trang “{url}” là địa chỉ trong mạng nội bộ"
    return None


def is_ci(env: Mapping[str, str]) -> bool:
    """CI is set: any value but empty, "0", "false" or "no"."""
    return env.get(CI_ENV, "").strip().lower() not in ("", "0", "false", "no")


def check_site_url(
    site_url: str | None, env: Mapping[str, str], action: Action = Action.BUILD
) -> Verdict | None:
    """None when the address is public; else a warning, or a refusal when CI is set."""
    reason = local_reason(site_url)
    if reason is None:
        return None
    consequence = (
        "mã QR, lịch các hạn nộp (.ics), các tệp tải về và nguồn tin sẽ ghi những địa chỉ "
        "không mở được từ máy khác"
    )
    if is_ci(env):
        return Verdict(
            True,
            f"Không {action.value}: {reason}, trong khi biến {CI_ENV} cho biết đây là lần chạy "
            f"tự động (kiểm tra hoặc xuất bản): {consequence}. Sửa: {action.fix}. Bản dựng để "
            f"kiểm thử dùng một địa chỉ thử không có thật, ví dụ "
            f"{SITE_URL_ENV}=https://vi-du.invalid/.",
        )
    return Verdict(
        False,
        f"Cảnh báo: {reason}: {consequence}. Xem thử trên máy này thì không sao; trước khi "
        f"xuất bản hay gửi tệp cho người khác, {action.fix}.",
    )
