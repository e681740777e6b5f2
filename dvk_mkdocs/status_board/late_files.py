"""The second process that makes the slow files (the Excel workbook, the schools' QR codes).

For a thousand schools they take seconds, so they are made and written straight into the
built site by a second process while MkDocs renders the pages. The plugin owns it: one per
build, waited for after the build, and stopped when the build fails or `mkdocs serve` ends,
so no process outlives the build it belongs to.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import traceback
from multiprocessing import get_context
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from scripts.model import Dataset
from scripts.render.board.generate import write_late_files

log = logging.getLogger("mkdocs.plugins.dvk_status_board")


def _work(
    results: Connection, dataset: Dataset, as_of: dt.date, site_url: str, site_dir: str
) -> None:
    """In the second process: make and write the files, send back their paths or the error."""
    try:
        results.send(("made", write_late_files(dataset, as_of, site_url, site_dir)))
    except BaseException:
        results.send(("failed", traceback.format_exc()))
    finally:
        results.close()


class LateFiles:
    """Makes the late files of one build, in a second process when the machine allows."""

    def __init__(self) -> None:
        self._process: BaseProcess | None = None
        self._results: Connection | None = None
        self._job: tuple[Dataset, dt.date, str, str] | None = None

    def start(
        self, dataset: Dataset, as_of: dt.date, site_url: str, site_dir: str, *, second: bool
    ) -> None:
        """Begin (MkDocs has emptied site_dir by now). Without a second process, or where
        none can be started, `finish` makes them in this one."""
        self.stop()
        self._job = (dataset, as_of, site_url, site_dir)
        if not second:
            return
        context = get_context("spawn")  # a clean interpreter: nothing of MkDocs' state
        receive, send = context.Pipe(duplex=False)
        process = context.Process(
            target=_work, args=(send, *self._job), name="dvk-late-files", daemon=True
        )
        try:
            process.start()
        except OSError as error:
            receive.close()
            log.info("Tệp Excel và mã QR được tạo trong cùng tiến trình (%s)", error)
            return
        finally:
            send.close()  # the child holds its own end: EOF here if it dies
        self._process, self._results = process, receive

    def finish(self) -> list[str]:
        """Wait for the files; their paths in the site. RuntimeError if they failed."""
        if self._job is None:
            raise RuntimeError("late files were never started")
        process, results, job = self._process, self._results, self._job
        self._process = self._results = self._job = None
        if process is None or results is None:
            return write_late_files(*job)
        try:
            outcome, value = results.recv()
        except EOFError:
            process.join()
            raise RuntimeError(
                f"tiến trình thứ hai (tạo tệp Excel và mã QR) dừng bất thường, mã thoát "
                f"{process.exitcode}."
            ) from None
        finally:
            results.close()
        process.join()
        if outcome != "made":
            raise RuntimeError(f"tiến trình tạo tệp Excel và mã QR gặp lỗi:\n{value}")
        written: list[str] = value  # the child sends the paths it wrote
        return written

    def stop(self) -> None:
        """Stop the process if it still runs (a failed build, the end of `mkdocs serve`)."""
        process, results = self._process, self._results
        self._process = self._results = self._job = None
        if results is not None:
            results.close()
        if process is None:
            return
        if process.is_alive():
            process.terminate()
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
        process.join()

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.is_alive()


def failed_build_message(cause: str, site_dir: str) -> str:
    """What the build says when the late files are not all there (in Vietnamese)."""
    return (
        f"Không tạo được tệp Excel và mã QR của các trường: {cause}\n"
        f"Trang không được dựng: đã xóa những gì đã dựng trong {site_dir}, để không xuất bản "
        "một trang thiếu tệp tải về và mã QR (trang đang công khai vẫn giữ nguyên). Dựng lại; "
        "nếu lỗi lặp lại, gửi thông báo này cho người bảo trì mã nguồn."
    )


def discard_site(site_dir: str) -> None:
    """Empty the built site: a site without its late files must never be published.

    MkDocs empties the same folder at the start of every build (it refuses a site_dir that
    holds the sources), so nothing else lives there."""
    folder = Path(site_dir)
    if not folder.is_dir():
        return
    for child in folder.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
