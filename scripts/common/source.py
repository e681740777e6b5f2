"""Reading a data file's bytes: refused at once when missing, a folder, or far too large.

A file over MAX_BYTES is never read into memory: its size alone is reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from scripts.common.problems import Problem, UnreadableFileError

MAX_BYTES = 10 * 1024 * 1024
"""Largest data file accepted (10 MiB). The shipped data is about 40 kB; the benchmark's
10,000 schools with their submissions take about 5 MB."""


@dataclass(frozen=True)
class Source:
    """The raw bytes of a data file, with the name to show in messages."""

    name: str
    data: bytes
    unread_size: int = 0
    """The size of a file too large to read (then `data` is empty)."""


def read_source(path: Path, name: str | None = None) -> Source:
    """Read a data file; a missing or unreadable file raises UnreadableFileError."""
    shown = name or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            # Never read a huge file into memory: report it from its size alone.
            return Source(shown, b"", unread_size=size)
        data = path.read_bytes()
    except IsADirectoryError:
        raise UnreadableFileError(
            [Problem(shown, 1, 1, "Đây là một thư mục, không phải tệp dữ liệu YAML.")]
        ) from None
    except FileNotFoundError:
        raise UnreadableFileError(
            [Problem(shown, 1, 1, "Không tìm thấy tệp. Kiểm tra lại tên và đường dẫn tệp.")]
        ) from None
    except OSError as error:
        raise UnreadableFileError(
            [Problem(shown, 1, 1, f"Không đọc được tệp ({error.strerror or error}).")]
        ) from None
    return Source(shown, data)
