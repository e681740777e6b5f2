"""Options of the status board plugin (`dvk-status-board` in mkdocs.yml)."""

from __future__ import annotations

import datetime as dt

from mkdocs.config import config_options as c
from mkdocs.config.base import BaseConfigOption, Config, ValidationError


class AsOfDate(BaseConfigOption[dt.date]):
    """A date written YYYY-MM-DD (YAML reads it as a date)."""

    def run_validation(self, value: object) -> dt.date:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        raise ValidationError(
            f"Ngày tính tình hình “{value}” không hợp lệ: ghi dạng NĂM-THÁNG-NGÀY, "
            "ví dụ 2022-06-01, hoặc để trống để tính đến ngày dựng trang."
        )


class StatusBoardConfig(Config):
    data_dir = c.Dir(exists=True, default="data")
    """plan.yml, schools.yml and commit-notes.yml; relative to mkdocs.yml."""
    schemas_dir = c.Dir(exists=True, default="schemas")
    """The JSON Schemas the data is checked against (read again at every build)."""
    cache_dir = c.Dir(default=".cache")
    """Where the history read from git is kept between builds, by commit (git-ignored)."""
    as_of = c.Optional(AsOfDate())
    """The date the status is judged against; none: the build date in Vietnam. The
    environment variable TRACKER_AS_OF wins over it."""
    second_process = c.Type(bool, default=True)
    """Make the Excel workbook and the QR codes in a second process while MkDocs renders
    the pages (false: in the build's own process, after the pages)."""
    submission_branch = c.Type(str, default="main")
    """The branch the form "Ghi nhận nộp" proposes new files on (GitHub's new-file page
    `<repo_url>/new/<branch>`); the repository is mkdocs.yml's repo_url."""
    feed_title = c.Type(
        str, default="Tình hình nộp văn bản “Dân vận khéo” — ngành Giáo dục huyện Bình Sơn"
    )
    """The title of the Atom feed of status changes (tai-ve/cap-nhat.atom)."""
