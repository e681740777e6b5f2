"""`python -m scripts.cli export`: the site's download files, without building the site.

For the office and for maintainers: the same CSV, Excel, JSON and calendar files as the
site's "Tải về" page (same code), for any as-of date, from the data in a folder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from scripts.common.dates import DateError, parse_date
from scripts.common.vietnamese import format_date
from scripts.load.publisher import Publisher
from scripts.site.site_url import SITE_URL_ENV, Action, check_site_url
from scripts.status.board import Board

FORMATS = ("csv", "xlsx", "json", "ics")
TEXT_FORMATS = ("csv", "json", "ics")
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"
"""Without --site-url or SITE_URL: the address of `bash run.sh serve` (a warning says so)."""


def exporter(kind: str, publisher: Publisher) -> Callable[[Board, str], bytes]:
    """The function that writes one format (imported on demand: openpyxl is slow to load).

    The calendar names `publisher` (data/site.yml) as its producer, as on the site."""
    if kind == "csv":
        from scripts.export.csv_file import csv_bytes

        return csv_bytes
    if kind == "xlsx":
        from scripts.export.xlsx_file import xlsx_bytes

        return xlsx_bytes
    if kind == "json":
        from scripts.export.json_file import json_bytes

        return json_bytes
    if kind == "ics":
        from scripts.export.ics_file import ics_bytes

        return lambda board, site_url: ics_bytes(board, site_url, publisher)
    raise ValueError(kind)


def format_of(output: Path | None, given: str | None) -> str | None:
    """The format asked for, else the output file's extension; None if neither says."""
    if given:
        return given
    if output is not None and output.suffix.lower().lstrip(".") in FORMATS:
        return output.suffix.lower().lstrip(".")
    return None


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from scripts.common.clock import today_in_vietnam
    from scripts.common.problems import DataError, UnreadableFileError
    from scripts.load.dataset import load_dataset
    from scripts.load.publisher import load_publisher, read_site_name
    from scripts.status.as_of import AS_OF_ENV, resolve_as_of
    from scripts.status.board import make_board

    kind = format_of(args.output, args.format)
    if kind is None:
        print(
            "Chưa rõ định dạng: ghi --format csv|xlsx|json|ics, hoặc tên tệp ra có đuôi "
            ".csv, .xlsx, .json, .ics.",
            file=err,
        )
        return 2
    if kind not in TEXT_FORMATS and args.output is None:
        print("Tệp Excel cần tên tệp ra: thêm -o TÊN.xlsx.", file=err)
        return 2
    try:
        as_of = args.as_of or resolve_as_of(os.environ.get(AS_OF_ENV), None, today_in_vietnam())
    except ValueError as error:
        print(str(error), file=err)
        return 2
    site_url = args.site_url or os.environ.get(SITE_URL_ENV) or DEFAULT_SITE_URL
    if not site_url.endswith("/"):
        site_url += "/"
    verdict = check_site_url(site_url, os.environ, Action.EXPORT)
    if verdict is not None:
        print(verdict.message, file=err)
        if verdict.refused:
            return 2
    try:
        dataset = load_dataset(args.data)  # checked as of today, like the build
    except UnreadableFileError as error:
        for problem in error.problems:
            print(str(problem), file=err)
        return 2
    except DataError as error:
        for problem in error.problems:
            print(str(problem), file=err)
        print(
            f"Có {len(error.problems)} lỗi trong dữ liệu: chưa xuất tệp. "
            "Sửa các dòng trên rồi chạy lại.",
            file=err,
        )
        return 1
    try:
        publisher = load_publisher(args.data, read_site_name())
    except DataError as error:
        for problem in error.problems:
            print(str(problem), file=err)
        return 1
    content = exporter(kind, publisher)(make_board(dataset, as_of), site_url)
    if args.output is None:
        out.flush()
        buffer = getattr(out, "buffer", None)
        if buffer is not None:
            buffer.write(content)
            buffer.flush()
        else:  # a text-only stream (tests): the text formats are UTF-8
            out.write(content.decode("utf-8-sig"))
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(content)
    print(
        f"Đã ghi {args.output} ({kind.upper()}, {len(dataset.schools)} trường, "
        f"tình hình tính đến hết ngày {format_date(as_of)}).",
        file=out,
    )
    return 0


def add_command(commands: Any, data_dir: Path) -> None:
    """Register `export` on the CLI's subcommands (argparse)."""
    command = commands.add_parser(
        "export",
        help="xuất tệp CSV, Excel, JSON hoặc lịch (.ics) như trang “Tải về”",
        description=(
            "Xuất tình hình nộp của mọi trường ra tệp, giống hệt các tệp tải về trên trang, "
            "không cần dựng trang. Dữ liệu được kiểm tra trước; có lỗi thì không xuất. "
            "Địa chỉ trang trên máy này (127.0.0.1, localhost) chỉ được cảnh báo, nhưng bị "
            "từ chối khi biến CI được đặt. "
            "Mã thoát: 0 đã xuất, 1 dữ liệu có lỗi, 2 thiếu tham số, địa chỉ trang không dùng "
            "được hoặc không đọc được tệp."
        ),
    )
    command.add_argument("--format", choices=FORMATS, help="định dạng (mặc định: theo đuôi tệp ra)")
    command.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="TỆP",
        help="tệp ra; không ghi thì in ra màn hình (trừ Excel)",
    )
    command.add_argument(
        "--as-of",
        type=_date,
        metavar="NGÀY",
        help="tính tình hình đến hết ngày này, dạng 15/11/2022 hoặc 2022-11-15 (mặc định: "
        "TRACKER_AS_OF, nếu không thì hôm nay)",
    )
    command.add_argument(
        "--site-url",
        metavar="ĐỊA_CHỈ",
        help=f"địa chỉ trang, cho đường dẫn tới trang từng trường (mặc định: {SITE_URL_ENV} "
        f"hoặc {DEFAULT_SITE_URL})",
    )
    command.add_argument(
        "--data",
        type=Path,
        default=data_dir,
        metavar="THƯ_MỤC",
        help="thư mục có plan.yml, schools.yml và site.yml (mặc định: data/)",
    )
    command.set_defaults(handler=_run)


def _date(text: str) -> dt.date:
    """15/5/2022 or 2022-05-15, as in the data files."""
    try:
        return parse_date(text.strip())
    except DateError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
