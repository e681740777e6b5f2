"""The history of the data in words: per school, the recent changes page, the Atom feed.

Pure functions from scripts.history.gitlog.History (what git says changed) and the plan
(deadline titles and due dates) to Markdown and feed bytes. The school pages (built
elsewhere) take `school_section(...)` for a school id and append it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from scripts.common.markdown import escape
from scripts.common.vietnamese import format_date
from scripts.history.changes import SchoolDiff, compare_school
from scripts.history.commits import CommitInfo, History
from scripts.load.publisher import Publisher
from scripts.model import Plan

SECTION_ID = "lich-su-cap-nhat"
RECENT_LIMIT = 100
"""Commits shown on the recent changes page; each school's page keeps its whole history."""
FEED_LIMIT = 100
SCHOOLS_PER_COMMIT = 10
"""A commit that changes more schools lists the first ones and counts the rest."""
SAMPLE_NOTICE = (
    "Tên trường, ngày nộp và các thay đổi ở đây là dữ liệu minh họa để thử trang, "
    "không phải tình hình thật của các trường."
)


@dataclass(frozen=True)
class Entry:
    """One commit's change to one school, in words."""

    commit: CommitInfo
    diff: SchoolDiff

    @property
    def school_id(self) -> str:
        return self.diff.school_id


def when(commit: CommitInfo) -> str:
    """ "28/5/2022 lúc 14:05", in Vietnam's time."""
    local = commit.local_date
    return f"{format_date(local.date())} lúc {local:%H:%M}"


def describe(history: History, plan: Plan | None) -> list[Entry]:
    """Every change to every school, newest first, in words.

    Status is judged as of the day of each commit: what the change meant when it was made.
    """
    entries = []
    for commit_changes in history.commits:
        commit = commit_changes.commit
        as_of = commit.local_date.date()
        for change in commit_changes.changes:
            diff = compare_school(change.before, change.after, plan, as_of)
            if diff is not None:
                entries.append(Entry(commit, diff))
    return entries


def by_school(entries: Iterable[Entry]) -> dict[str, list[Entry]]:
    """Entries grouped by school id, newest first (the order of `entries`)."""
    result: dict[str, list[Entry]] = {}
    for entry in entries:
        result.setdefault(entry.school_id, []).append(entry)
    return result


def _commit_line(commit: CommitInfo, commit_url: Callable[[str], str] | None) -> str:
    summary = escape(commit.summary) if commit.summary else "(không có lời nhắn)"
    text = f"**{when(commit)}** — {escape(commit.author)}: “{summary}”"
    if commit_url is not None:
        text += f" ([{commit.short}]({commit_url(commit.sha)}))"
    return text


def _notices(notices: Iterable[str]) -> str:
    notices = list(dict.fromkeys(notices))
    if not notices:
        return ""
    body = "\n".join(f"    - {escape(n)}" for n in notices)
    return f'!!! warning "Lịch sử có thể chưa đầy đủ"\n\n{body}\n\n'


def school_section(
    entries: Sequence[Entry],
    notices: Iterable[str] = (),
    commit_url: Callable[[str], str] | None = None,
) -> str:
    """The "Lịch sử cập nhật" section of one school's page (Markdown), newest first."""
    out = [f"## Lịch sử cập nhật {{#{SECTION_ID}}}\n"]
    if entries:
        latest = entries[0].commit
        out.append(f"**Cập nhật lần cuối:** {when(latest)}, bởi {escape(latest.author)}.\n")
    out.append(_notices(notices))
    if not entries:
        out.append("Chưa có thay đổi nào được ghi nhận cho trường này trong lịch sử dữ liệu.\n")
        return "\n".join(part for part in out if part)
    items = []
    for entry in entries:
        lines = "".join(f"    - {escape(line)}\n" for line in entry.diff.lines)
        items.append(f"- {_commit_line(entry.commit, commit_url)}\n{lines}")
    out.append("".join(items))
    return "\n".join(part for part in out if part)


def last_updated(entries: Sequence[Entry]) -> dt.datetime | None:
    return entries[0].commit.local_date if entries else None


def page_updated(
    iso_date: str | None, from_git: bool, shallow: bool = False, has_git: bool = True
) -> str:
    """The "last updated" line of a hand-written page, from its last commit's date.

    Without a commit for the page the plugin's date is the build date, which is not when
    the page changed: say why there is no date instead of showing that one.
    """
    if not has_git:
        return (
            "Ngày cập nhật: chưa rõ (bản sao mã nguồn này không có lịch sử git; "
            "trang web chính thức ghi ngày theo lịch sử đầy đủ)."
        )
    if not from_git or not iso_date:
        return "Ngày cập nhật: chưa rõ (trang này chưa được lưu vào lịch sử git)."
    text = f"Cập nhật lần cuối: ngày {format_date(dt.date.fromisoformat(iso_date))}"
    if shallow:
        text += " (bản sao chỉ có một phần lịch sử git: ngày thật có thể sớm hơn)"
    return text + "."


def recent_page(
    history: History,
    entries: Sequence[Entry],
    school_link: Callable[[str], str | None],
    feed_link: str,
    commit_url: Callable[[str], str] | None = None,
    limit: int = RECENT_LIMIT,
    sample: bool = False,
) -> str:
    """The "Cập nhật gần đây" page (Markdown): the latest commits, school by school.

    `school_link(id)` gives a link to the school's page relative to this page, or None when
    the school has no page (a removed school).
    """
    out = [
        "# Cập nhật gần đây\n",
        f'!!! warning "Dữ liệu minh họa"\n\n    {SAMPLE_NOTICE}\n' if sample else "",
        "Những thay đổi mới nhất đối với dữ liệu các trường, đọc từ lịch sử lưu (git) của "
        "tệp `data/schools.yml`: ai sửa, lúc nào, lời nhắn kèm theo và điều gì thay đổi. "
        f"Theo dõi các thay đổi tình hình nộp văn bản bằng [nguồn tin Atom]({feed_link}).\n",
        _notices(history.notices),
    ]
    if not history.available:
        return "\n".join(p for p in out if p)
    grouped: dict[str, list[Entry]] = {}
    order: list[CommitInfo] = []
    for entry in entries:
        if entry.commit.sha not in grouped:
            grouped[entry.commit.sha] = []
            order.append(entry.commit)
        grouped[entry.commit.sha].append(entry)
    if not order:
        out.append("Chưa có thay đổi nào trong lịch sử dữ liệu.\n")
        return "\n".join(p for p in out if p)
    day = None
    for commit in order[:limit]:
        local_day = commit.local_date.date()
        if local_day != day:
            day = local_day
            out.append(f"## Ngày {format_date(day)}\n")
        lines = [f"- {_commit_line(commit, commit_url)}"]
        changed = grouped[commit.sha]
        for entry in changed[:SCHOOLS_PER_COMMIT]:
            link = school_link(entry.school_id)
            name = escape(entry.diff.name)
            title = f"[{name}]({link})" if link else name
            changes = "; ".join(escape(line) for line in entry.diff.lines)
            lines.append(f"    - {title}: {changes}")
        if len(changed) > SCHOOLS_PER_COMMIT:
            lines.append(
                f"    - … và {len(changed) - SCHOOLS_PER_COMMIT} trường khác "
                "(xem mục Lịch sử cập nhật trên trang của từng trường)."
            )
        out.append("\n".join(lines) + "\n")
    if len(order) > limit:
        out.append(
            f"Trang này chỉ liệt kê {limit} lần cập nhật gần nhất; lịch sử đầy đủ của mỗi "
            "trường có ở cuối trang của trường đó.\n"
        )
    return "\n".join(p for p in out if p)


def status_feed(
    entries: Sequence[Entry],
    page_url: str,
    feed_url: str,
    school_url: Callable[[str], str | None],
    title: str,
    limit: int = FEED_LIMIT,
    updated: dt.datetime | None = None,
    sample: bool = False,
    publisher: Publisher | None = None,
) -> bytes:
    """An Atom feed of status changes: a submission recorded, deleted or re-dated.

    One feed entry per school and commit; URLs are absolute. The feed's author is whoever
    runs the site (`publisher`, from data/site.yml); without one, the feed's own title.
    """
    from feedgen.feed import FeedGenerator

    status_entries = [e for e in entries if e.diff.status_changes][:limit]
    feed = FeedGenerator()
    feed.id(page_url)
    feed.title(title)
    subtitle = "Các thay đổi về tình hình nộp đăng ký, báo cáo của các trường."
    feed.subtitle(f"Dữ liệu minh họa. {SAMPLE_NOTICE} {subtitle}" if sample else subtitle)
    feed.language("vi")
    feed.link(href=page_url, rel="alternate")
    feed.link(href=feed_url, rel="self")
    author = {"name": publisher.name if publisher else title}
    if publisher and publisher.contact_url:
        author["uri"] = publisher.contact_url
    feed.author(author)
    latest = status_entries[0].commit.date if status_entries else None
    feed.updated(latest or updated or dt.datetime(2022, 4, 12, tzinfo=dt.UTC))
    # feedgen lists entries in reverse order of addition: add the oldest first.
    for entry in reversed(status_entries):
        item = feed.add_entry()
        item.id(f"{page_url}#{entry.commit.sha[:12]}-{entry.school_id}")
        changes = "; ".join(c.text for c in entry.diff.status_changes)
        item.title(f"{entry.diff.name} — {changes}")
        item.link(href=school_url(entry.school_id) or page_url, rel="alternate")
        item.author({"name": entry.commit.author})
        item.updated(entry.commit.date)
        item.published(entry.commit.date)
        summary = [*entry.diff.lines, f"Lời nhắn: “{entry.commit.summary}”"]
        item.content("\n".join(summary), type="text")
    atom: bytes = feed.atom_str(pretty=True)
    return atom
