"""The date the status is judged against ("as of"): fixed, configured, or today in Vietnam.

The environment variable wins over the configured date, which wins over the build date:
the same data and the same as-of date give the same site.
"""

from __future__ import annotations

import datetime as dt

AS_OF_ENV = "TRACKER_AS_OF"
"""Environment variable that fixes the "as of" date of a build: YYYY-MM-DD."""


def _parse_as_of(value: object, where: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValueError(
            f"{where}: “{value}” không phải là ngày hợp lệ. "
            "Viết ngày theo dạng NĂM-THÁNG-NGÀY, ví dụ 2022-06-01."
        ) from None


def resolve_as_of(
    env_value: str | None,
    config_value: object,
    today: dt.date,
    config_source: str = "mkdocs.yml, mục as_of",
) -> dt.date:
    """The date a build judges the status against.

    The environment variable wins over the configured date (`config_source` names it in
    messages), which wins over the build date: the same data and the same as-of date give
    the same site.
    """
    if env_value is not None and env_value.strip():
        return _parse_as_of(env_value, f"Biến môi trường {AS_OF_ENV}")
    if config_value is not None and str(config_value).strip():
        return _parse_as_of(config_value, config_source)
    return today
