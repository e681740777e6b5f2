"""Lenient reading of any version of data/schools.yml, for history and review.

The validating loader (scripts.load.dataset) judges the current file and refuses what is
wrong. History must instead read every old version, including versions that were invalid or
of an older shape, and never fail: this module turns a version's text into plain,
JSON-friendly records (scripts/history/records.py), and says what it could not read.

Speed: a version is split into one text block per school, and a block is parsed only the
first time its exact text is seen (`BlockCache`). Consecutive versions share all but a few
blocks, so reading 2,000 versions of a 1,000-school file parses about 3,000 small blocks
instead of two million.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import yaml

from scripts.history.records import Record, flatten, index_records, records_from_schools

try:  # libyaml is much faster; PyYAML's wheels ship it.
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - pure-Python PyYAML
    _Loader = yaml.SafeLoader


SCHOOLS_KEY = "schools"

_SCHOOLS_LINE = re.compile(rb"^schools[ \t]*:[ \t]*(?:#[^\n]*)?\r?$", re.M)
# A line with content (not blank, not only a comment): its indentation and first character.
_CONTENT_LINE = re.compile(rb"^([ \t]*)([^ \t\r\n#])", re.M)
# The start of the next top-level key, which ends the list of schools.
_NEXT_TOP_KEY = re.compile(rb"\n(?=[A-Za-z_][\w-]*[ \t]*:)")


class Snapshot:
    """What one version of the file says about its schools.

    Read from blocks (see split_blocks), the records are built only when asked for, so
    that comparing two versions touches only the blocks that differ (changed_schools).
    """

    def __init__(
        self,
        schools: dict[str, Record] | None = None,
        problems: list[str] | None = None,
        readable: bool = True,
        blocks: list[bytes] | None = None,
        layout: bytes = b"",
        cache: BlockCache | None = None,
        text: bytes = b"",
        meta: dict[str, str] | None = None,
    ) -> None:
        self._schools = schools if schools is not None or blocks is not None else {}
        self.problems: list[str] = problems or []
        """What could not be read, in Vietnamese, for the notice on the site."""
        self.readable = readable
        """False when nothing could be read (e.g. broken YAML): the version is skipped."""
        self.blocks = blocks
        self.layout = layout
        """The prefix every block's item starts with, e.g. b"  - "."""
        self._cache = cache
        self._text = text
        self.meta: dict[str, str] = meta or {}
        """The file's other top-level keys (sample, retired…), read by parse_whole only."""

    @property
    def schools(self) -> dict[str, Record]:
        if self._schools is None:
            self._schools = self._from_blocks()
        return self._schools

    def _from_blocks(self) -> dict[str, Record]:
        assert self.blocks is not None and self._cache is not None
        records = []
        for block in self.blocks:
            parsed = self._cache.record(self.layout, block)
            if isinstance(parsed, str):
                whole = parse_whole(self._text)
                self.readable, self.problems, self.blocks = whole.readable, whole.problems, None
                return whole.schools
            records.append(parsed)
        return index_records(records, self.problems)


def parse_whole(text: bytes | str) -> Snapshot:
    """Read a whole version with YAML: the slow path, used when splitting is not possible."""
    try:
        raw = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (dòng {mark.line + 1})" if mark is not None else ""
        return Snapshot(readable=False, problems=[f"lỗi cú pháp YAML{where}"])
    meta: dict[str, str] = {}
    if isinstance(raw, list):  # an early shape: the file was just the list of schools
        schools_raw: Any = raw
    elif isinstance(raw, Mapping) and SCHOOLS_KEY in raw:
        schools_raw = raw[SCHOOLS_KEY]
        meta = flatten({k: v for k, v in raw.items() if k != SCHOOLS_KEY})
    elif raw is None:
        return Snapshot()
    else:
        return Snapshot(readable=False, problems=["không tìm thấy danh sách trường"])
    records, problems = records_from_schools(schools_raw)
    return Snapshot(schools=index_records(records, problems), problems=problems, meta=meta)


def split_blocks(data: bytes) -> tuple[bytes, list[bytes]] | None:
    """Split the list under `schools:` into one block per school; None if unusual.

    Returns the item prefix (e.g. b"  - ") and each block's bytes after it. A block runs
    to the next item at the same indentation: comments and blank lines go with the block
    above them. Flow style, tabs, a mapping keyed by id, or anything unexpected gives
    None, and the caller reads the whole file with YAML instead. Only C-level string
    operations: no Python loop over lines, so a 1,000-school file splits in a blink.
    """
    head = _SCHOOLS_LINE.search(data)
    if head is None:
        return None
    first = _CONTENT_LINE.search(data, head.end())
    if first is None:
        return b"", []
    spaces, marker = first.group(1), first.group(2)
    if marker != b"-" or b"\t" in spaces:
        return None if spaces else (b"", [])  # col. 0: another top-level key, no school
    end = _NEXT_TOP_KEY.search(data, first.end())
    body = b"\n" + data[first.start() : end.start() if end else len(data)]
    prefix = spaces + b"- "
    if re.search(b"\n" + spaces + b"-[^ ]", body):
        return None  # an item marker followed by a newline or a tab: read it all instead
    blocks = body.split(b"\n" + prefix)
    if blocks[0].strip():
        return None
    return prefix, blocks[1:]


class BlockCache:
    """Parsed school blocks keyed by their exact bytes, shared across versions."""

    def __init__(self) -> None:
        self._parsed: dict[tuple[bytes, bytes], Record | str] = {}
        self.parsed_count = 0

    def record(self, prefix: bytes, block: bytes) -> Record | str:
        """The block's record, or a Vietnamese reason why it cannot be read."""
        key = (prefix, block)
        found = self._parsed.get(key)
        if found is None:
            found = self._parse(prefix, block)
            self._parsed[key] = found
            self.parsed_count += 1
        return found

    @staticmethod
    def _parse(prefix: bytes, block: bytes) -> Record | str:
        try:
            raw = yaml.load(b"schools:\n" + prefix + block, Loader=_Loader)
        except yaml.YAMLError:
            return "lỗi cú pháp YAML"
        value = raw.get(SCHOOLS_KEY) if isinstance(raw, Mapping) else None
        records, problems = records_from_schools(value)
        if len(records) != 1 or problems:
            return "không đọc được thành một trường"
        return records[0]


def read_version(data: bytes | str, cache: BlockCache | None = None) -> Snapshot:
    """Read one version leniently; with a cache, records are built only when needed."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    data = data.removeprefix(b"\xef\xbb\xbf")
    split = split_blocks(data) if cache is not None else None
    if split is None:
        return parse_whole(data)
    prefix, blocks = split
    return Snapshot(blocks=blocks, layout=prefix, cache=cache, text=data)


def changed_schools(
    old: Snapshot, new: Snapshot, cache: BlockCache | None = None
) -> list[tuple[str, Record | None, Record | None]]:
    """(id, before, after) for every school that differs, in the newer file's order.

    When both versions were split alike, only the blocks whose bytes differ are parsed.
    """
    if (
        cache is not None
        and old.blocks is not None
        and new.blocks is not None
        and old.layout == new.layout
    ):
        old_set, new_set = set(old.blocks), set(new.blocks)
        if len(old_set) == len(old.blocks) and len(new_set) == len(new.blocks):
            gone = [cache.record(old.layout, b) for b in old.blocks if b not in new_set]
            came = [cache.record(new.layout, b) for b in new.blocks if b not in old_set]
            if not any(isinstance(r, str) for r in (*gone, *came)):
                before = {r["id"]: r for r in gone if isinstance(r, dict)}
                after = {r["id"]: r for r in came if isinstance(r, dict)}
                if len(before) == len(gone) and len(after) == len(came):
                    return _pairs(before, after)
    return _pairs(old.schools, new.schools)


def _pairs(
    before: dict[str, Record], after: dict[str, Record]
) -> list[tuple[str, Record | None, Record | None]]:
    result = []
    for school_id in dict.fromkeys([*after, *before]):
        old, new = before.get(school_id), after.get(school_id)
        if old is not new and old != new:
            result.append((school_id, old, new))
    return result
