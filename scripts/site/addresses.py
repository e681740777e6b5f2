"""Addresses once published stay served: a checked-in list, and redirects for moved pages.

Links to the site are printed in official notices and QR codes, so an address that has
been published must keep working. `data/published-addresses.txt` lists them; a page that
moves gets a line in `data/redirects.yml` (old address: new address) and the build writes
a small Vietnamese page at the old address that sends the reader on.

Why not the mkdocs-redirects plugin: its redirect page is in English and runs an inline
script; this one is Vietnamese and needs no script (meta refresh and a plain link).
"""

from __future__ import annotations

import argparse
import html
import sys
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urljoin

from scripts.common.problems import DataError
from scripts.common.yamlread import parse
from scripts.common.source import read_source

LIST_HEADER = """\
# Mọi địa chỉ của trang đã được công bố (in trong văn bản, mã QR, gửi qua tin nhắn).
# Mỗi dòng một địa chỉ, tính từ gốc trang (“/” là trang chủ). Không xóa dòng nào: khi một trang đổi địa chỉ,
# khai báo chuyển hướng trong data/redirects.yml. Kiểm thử báo lỗi nếu một địa chỉ dưới đây
# không còn mở được. Thêm các địa chỉ mới sau khi dựng trang bằng:
#   .venv/bin/python -m scripts.site.addresses update site
"""

# Kinds of address that are public: pages, and files offered for download.
DOWNLOADS = "tai-ve/"  # relative to the site folder
NOT_PUBLIC = {"/404.html", "/search/"}


def read_list(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def read_redirects(path: Path) -> dict[str, str]:
    """Old address → new address, both from the site's root ("/ke-hoach/").

    Read by the project's strict YAML reader: a duplicated old address is refused, not
    silently merged. Raises DataError with the file, line and column of each mistake.
    """
    if not path.exists():
        return {}
    doc = parse(read_source(path, f"data/{path.name}"))
    problems = list(doc.problems)
    data = doc.data if isinstance(doc.data, dict) else {}
    if doc.usable and not isinstance(doc.data, dict):
        problems.append(doc.problem([], _REDIRECT_FORM))
    for old, new in data.items():
        if not (old.startswith("/") and isinstance(new, str) and new.startswith("/")):
            problems.append(doc.problem([old], _REDIRECT_FORM, key=True))
    if problems:
        raise DataError(problems)
    return data


_REDIRECT_FORM = (
    "Mỗi dòng có dạng “/địa-chỉ-cũ/: /địa-chỉ-mới/”, cả hai bắt đầu bằng “/”, tính từ gốc trang."
)


def served_file(site_dir: Path, address: str) -> Path | None:
    """The file a static host serves for an address ("/ke-hoach/"), if there is one."""
    candidate = site_dir / address.lstrip("/")
    if address.endswith("/"):
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def current_addresses(site_dir: Path) -> list[str]:
    """The public addresses of a built site: every page, and every download."""
    found = []
    for path in site_dir.rglob("*"):
        if not path.is_file():
            continue
        rel = path.relative_to(site_dir).as_posix()
        if rel.endswith("index.html"):
            address = "/" + rel[: -len("index.html")]
        elif rel.startswith(DOWNLOADS):
            address = "/" + rel
        else:
            continue
        if address not in NOT_PUBLIC and not address.startswith("/assets/"):
            found.append(address)
    return sorted(found)


def unserved(site_dir: Path, published: Iterable[str], redirects: dict[str, str]) -> list[str]:
    """Published addresses the build no longer serves, with why, in Vietnamese."""
    problems = []
    for address in published:
        if served_file(site_dir, address):
            continue
        target = redirects.get(address)
        if target is None:
            problems.append(
                f"{address}: không còn trên trang. Nếu trang đã chuyển, khai báo trong "
                f"data/redirects.yml: “{address}: /địa-chỉ-mới/”"
            )
        elif served_file(site_dir, target) is None:
            problems.append(f"{address}: chuyển hướng tới {target}, nhưng địa chỉ đó cũng không có")
    return problems


def redirect_page(target: str) -> str:
    """A page that sends the reader from an old address to `target` (an absolute URL)."""
    url = html.escape(target, quote=True)
    return (
        '<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        f"<title>Trang đã chuyển địa chỉ</title>\n"
        f'<link rel="canonical" href="{url}">\n'
        f'<meta http-equiv="refresh" content="0; url={url}">\n'
        '<meta name="robots" content="noindex">\n</head>\n<body>\n'
        f'<p>Trang này đã chuyển sang địa chỉ mới: <a href="{url}">{url}</a></p>\n'
        "</body>\n</html>\n"
    )


def write_redirects(site_dir: Path, redirects: dict[str, str], site_url: str) -> list[Path]:
    """Write a redirect page at each old address that the build does not itself serve."""
    written = []
    for old, new in sorted(redirects.items()):
        if served_file(site_dir, old):
            continue  # a real page came back at the old address: it wins
        path = site_dir / old.lstrip("/")
        if old.endswith("/"):
            path = path / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(redirect_page(urljoin(site_url, new.lstrip("/"))), encoding="utf-8")
        written.append(path)
    return written


def update_list(list_path: Path, site_dir: Path) -> list[str]:
    """Add the site's new addresses to the list; never remove one. Returns those added."""
    known = read_list(list_path)
    added = [a for a in current_addresses(site_dir) if a not in set(known)]
    if added or not list_path.exists():
        lines = [LIST_HEADER.rstrip("\n"), *sorted(set(known) | set(added))]
        list_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return added


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.site.addresses",
        description="Thêm các địa chỉ mới của trang đã dựng vào danh sách địa chỉ đã công bố.",
    )
    parser.add_argument("command", choices=["update"])
    parser.add_argument("site_dir", type=Path, help="thư mục trang đã dựng (site)")
    parser.add_argument("--list", type=Path, default=Path("data/published-addresses.txt"))
    args = parser.parse_args(argv)
    added = update_list(args.list, args.site_dir)
    print(f"Đã thêm {len(added)} địa chỉ vào {args.list}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
