"""The one way the plugins stop a build on bad data."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from mkdocs.exceptions import PluginError

from scripts.common.problems import DataError


def data_error_message(error: DataError) -> str:
    """Every problem on its own line, `FILE:LINE:COL: message`, as the CLI prints them."""
    count = len(error.problems)
    return f"Dữ liệu chưa hợp lệ ({count} lỗi), trang không được dựng:\n" + "\n".join(
        map(str, error.problems)
    )


@contextmanager
def stop_on_data_error() -> Iterator[None]:
    """Turn the core's DataError into MkDocs' PluginError: a message, not a traceback."""
    try:
        yield
    except DataError as error:
        raise PluginError(data_error_message(error)) from None
