"""Whether a change's author may make it, against data/editors.yml (scripts/load/editors.py).

An allow-list with three tiers (`Tier`): a school's clerk may change only their schools'
entries (in data/schools.yml, and submission files under data/submissions/ whose schools
are all theirs); office staff (`schools: all`) also the rest of data/ and the content of
docs/ (Markdown pages without raw active HTML, images); a maintainer (`role: maintainer`)
everything else: code, scripts, styles, templates, workflows, tests and build settings.
Any path not named here needs a maintainer; no path is open to an unlisted account.
Pure functions: the review passes what each commit changed (scripts/review/commits.py).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import IntEnum

from scripts.load.editors import EDITORS_FILE, Editor, Editors

SCHOOLS_FILE = "data/schools.yml"
_SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
SUBMISSION_FILE = re.compile(rf"data/submissions/{_SLUG}/[A-Za-z0-9_.-]+\.ya?ml")
"""data/submissions/<deadline id>/<file>.yml: one submission file, a mapping by school id."""


class Tier(IntEnum):
    """Who an account is, from least to most privileged."""

    NONE = 0
    """Not in data/editors.yml, or a commit with no GitHub account linked."""
    CLERK = 1
    """A school's clerk: a list of school ids."""
    OFFICE = 2
    """Office staff: `schools: all`."""
    MAINTAINER = 3
    """`role: maintainer`: the code and how the site is built and checked."""


TIER_WORDS = {
    Tier.NONE: "tài khoản không có trong danh sách",
    Tier.CLERK: "văn thư của trường",
    Tier.OFFICE: "người quản lý dữ liệu (ghi “schools: all”)",
    Tier.MAINTAINER: "người bảo trì (ghi “role: maintainer”)",
}

_CONTENT = (".md", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".pdf")
OFFICE_CONTENT = _CONTENT + tuple(ext.upper() for ext in _CONTENT)
"""What office staff may put in docs/: pages and pictures, nothing the browser runs.

SVG is left out on purpose: an SVG image can carry a script. Case matters, as in
CODEOWNERS (.github/CODEOWNERS lists the same endings, in both cases).
"""
MAINTAINER_DIRS = ("docs/assets/javascripts/", "docs/assets/stylesheets/", "docs/overrides/")
"""Folders of docs/ the browser runs or styles from: a maintainer's, whatever the file."""

_ACTIVE_HTML = re.compile(
    r"(?P<tag><\s*/?\s*(?:script|iframe|frame|object|embed|base|meta|link|style|form)\b)"
    # An event handler in a tag, or in Markdown's attribute list ({: onclick=… }); the
    # bounded gaps keep the search linear on long text.
    r"|<[a-z][^<>]{0,4000}?[\s/](?P<handler>on[a-z]{2,30}\s*=)"
    r"|\{[^{}\n]{0,4000}?\b(?P<attr>on[a-z]{2,30}\s*=)"
    r"|(?P<url>javascript\s*:)",
    re.IGNORECASE,
)


def active_html(text: str) -> str | None:
    """The first raw HTML in a page that the browser would run or load, or None.

    `<script`, `<iframe`, `<object`…, an `on…=` event handler or a `javascript:` address:
    a page with these needs a maintainer, since the site's security policy trusts the
    site's own pages.
    """
    found = _ACTIVE_HTML.search(text)
    if found is None:
        return None
    return next(v for v in found.groupdict().values() if v)


def path_tier(path: str) -> Tier:
    """The least tier that may change this path at all (content checks come on top)."""
    if path == SCHOOLS_FILE or SUBMISSION_FILE.fullmatch(path):
        return Tier.CLERK  # school by school: see refusals
    if path.startswith("data/"):
        return Tier.OFFICE
    if (
        path.startswith("docs/")
        and not path.startswith(MAINTAINER_DIRS)
        and path.endswith(OFFICE_CONTENT)
    ):
        return Tier.OFFICE
    return Tier.MAINTAINER


def tier_of(editor: Editor | None) -> Tier:
    if editor is None:
        return Tier.NONE
    if editor.is_maintainer:
        return Tier.MAINTAINER
    if editor.is_office:
        return Tier.OFFICE
    return Tier.CLERK


@dataclass(frozen=True)
class SchoolTouched:
    """A school whose entry a change adds, removes or edits."""

    school_id: str
    name: str


@dataclass(frozen=True)
class Change:
    """What one commit (or a whole change) does, as the permission check needs it."""

    paths: tuple[str, ...] = ()
    """Every path added, removed, edited or renamed (both names of a rename)."""
    schools: tuple[SchoolTouched, ...] = ()
    """Schools whose entry in data/schools.yml changed."""
    shared_part_changed: bool = False
    """data/schools.yml changed outside any school's entry (`sample:`, `retired:`…)."""
    submission_schools: Mapping[str, frozenset[str] | None] = field(default_factory=dict)
    """Submission file → the school ids it holds before and after (None: not a mapping)."""
    active_pages: Mapping[str, str] = field(default_factory=dict)
    """Page in docs/ → the raw active HTML it contains after the change."""
    maintainers_changed: bool = False
    """data/editors.yml changes who is a maintainer."""


def account_label(login: str | None) -> str:
    return f"@{login.strip().lstrip('@')}" if login else "(không gắn tài khoản GitHub)"


def scope_of(login: str, editors: Editors) -> str:
    """What the account may change, in words: "chỉ được sửa các trường: a, b"."""
    editor = editors.find(login)
    if editor is None:
        return f"chưa có trong {EDITORS_FILE}, nên không được sửa dữ liệu trường nào"
    if editor.is_maintainer:
        return "là người bảo trì, được sửa mọi thứ"
    if editor.is_office:
        return "là người quản lý dữ liệu, được sửa mọi dữ liệu và nội dung trang (không sửa mã)"
    return "chỉ được sửa các trường: " + (", ".join(sorted(editor.schools)) or "không trường nào")


def _needs(account: str, tier: Tier, what: str) -> str:
    return f"{account} không phải {TIER_WORDS[tier]} trong {EDITORS_FILE}: không được sửa {what}."


def refusals(login: str | None, editors: Editors, change: Change) -> list[str]:
    """Why `login` may not make this change, one Vietnamese sentence per school or file.

    [] if allowed. `login` None is a commit with no linked GitHub account: no rights.
    """
    editor = editors.find(login) if login else None
    tier = tier_of(editor)
    account = account_label(login)
    if tier is Tier.MAINTAINER:
        return []

    def may_edit(school_id: str) -> bool:
        return editor is not None and editor.may_edit(school_id)

    reasons = [
        f"{account} không được sửa trường “{school.name}” (mã {school.school_id})."
        for school in change.schools
        if not may_edit(school.school_id)
    ]
    if change.shared_part_changed and tier < Tier.OFFICE:
        reasons.append(
            _needs(account, Tier.OFFICE, f"phần chung của {SCHOOLS_FILE}")[:-1]
            + " (ngoài mục của các trường), ví dụ “sample” hay “retired”."
        )
    for path in sorted(set(change.paths)):
        needed = path_tier(path)
        if path in change.active_pages or (path == EDITORS_FILE and change.maintainers_changed):
            needed = Tier.MAINTAINER
        if needed is Tier.CLERK and tier is Tier.CLERK and path in change.submission_schools:
            ids = change.submission_schools[path]
            if ids is not None:
                reasons += [
                    f"{account} không được sửa trường mã {school_id} (trong {path})."
                    for school_id in sorted(ids)
                    if not may_edit(school_id)
                ]
                continue
            needed = Tier.OFFICE
        if needed <= tier:
            continue
        what = path
        if path in change.active_pages:
            what += f" (trang có mã HTML chạy trên trình duyệt: “{change.active_pages[path]}”)"
        elif path == EDITORS_FILE and change.maintainers_changed:
            what += " (thay đổi ai là người bảo trì)"
        elif needed is Tier.OFFICE and path in change.submission_schools:
            what += " (tệp không đọc được thành các mục theo mã trường)"
        reasons.append(_needs(account, needed, what))
    return reasons
