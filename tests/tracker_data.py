"""Hand-built Datasets for the status board's tests, independent of the data loader.

`hostile_dataset` holds what the validator would refuse (markup, script links,
spreadsheet formulas in names and notes): tests/plugins/test_status_board.py builds the site from
it in-process, with the status board plugin's loader patched to return it.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

from scripts.load.plan import load_plan
from scripts.model import Contact, DanVanModel, Dataset, ModelKind, School, Submission
from scripts.render.board.generate import GeneratedSite, generate, late_files

ROOT = Path(__file__).resolve().parent.parent
D = dt.date

AS_OF = D(2022, 6, 1)
"""Between the six-month report (30/5) and the annual report (30/10): all four states occur."""


def plan():
    return load_plan(ROOT / "data" / "plan.yml")


def small_dataset() -> Dataset:
    """Five schools, chosen so that as of AS_OF every state occurs, and one retired id."""
    schools = (
        School(
            id="th-binh-thanh",
            name="Trường Tiểu học Bình Thạnh",
            level="TH",
            commune="Bình Thạnh",
            contact=Contact("Nguyễn Thị Hoa", "Phó Hiệu trưởng"),
            submissions=(
                Submission(
                    "dang-ky-mo-hinh",
                    D(2022, 5, 15),
                    "15/KH-THBT",
                    D(2022, 5, 14),
                    DanVanModel("Nhà trường thân thiện với phụ huynh", ModelKind.NEW),
                ),
                Submission("bao-cao-6-thang", D(2022, 6, 1), "20/BC-THBT", D(2022, 5, 31)),
            ),
        ),
        School(
            id="mn-binh-thanh",
            name="Trường Mầm non Bình Thanh",
            level="MN",
            commune="Bình Thanh",
            submissions=(
                Submission(
                    "dang-ky-mo-hinh",
                    D(2022, 5, 16),
                    "07/KH-MNBT",
                    model=DanVanModel("Góc dinh dưỡng cùng cha mẹ", ModelKind.REPLICATED),
                ),
            ),
        ),
        School(
            id="thcs-chau-o",
            name="Trường THCS Châu Ổ",
            level="THCS",
            commune="Châu Ổ",
            submissions=(
                Submission("bao-cao-6-thang", D(2022, 5, 30), "31/BC-THCSCO", D(2022, 5, 30)),
            ),
        ),
        School(
            id="mg-binh-dong", name="Trường Mẫu giáo Bình Đông", level="MG", commune="Bình Đông"
        ),
        School(
            id="th-thcs-binh-hoa",
            name="Trường TH&THCS Bình Hòa",
            level="TH&THCS",
            commune="Bình Hòa",
            submissions=(
                Submission(
                    "dang-ky-mo-hinh",
                    D(2022, 5, 10),
                    "12/KH-BH",
                    model=DanVanModel("Dân vận khéo trong vận động học sinh", ModelKind.NEW),
                    note="Nộp bản giấy",
                    link="https://example.org/van-ban/12-kh-bh.pdf",
                ),
                # Received after AS_OF: not yet received as of that date.
                Submission("bao-cao-nam", D(2022, 10, 20), "40/BC-BH"),
            ),
        ),
    )
    return Dataset(plan=plan(), schools=schools, sample=True, retired_ids=(RETIRED,))


RETIRED = "th-binh-thanh-cu"
"""A school taken off the list: its address must keep opening."""

SCRIPT = "<script>alert('x')</script>"
MD_LINK = "[x](javascript:alert(1))"
FORMULA = '=HYPERLINK("https://evil.example/","bấm")'


def hostile_dataset() -> Dataset:
    """Names, communes, numbers and notes that would inject markup, links or formulas."""
    schools = (
        School(
            id="hostile-script",
            name=f"Trường {SCRIPT}",
            level="TH",
            commune=f"Xã {MD_LINK}",
            contact=Contact(FORMULA, SCRIPT),
            submissions=(
                Submission(
                    "dang-ky-mo-hinh",
                    D(2022, 5, 10),
                    FORMULA,
                    model=DanVanModel(MD_LINK, ModelKind.NEW),
                    note=SCRIPT,
                ),
            ),
        ),
        School(
            id="hostile-formula",
            name=FORMULA,
            level="THCS",
            commune=SCRIPT,
            submissions=(Submission("bao-cao-6-thang", D(2022, 5, 20), MD_LINK, note=FORMULA),),
        ),
        School(
            id="hostile-link",
            name=MD_LINK,
            level="MN",
            commune=FORMULA,
            submissions=(
                Submission(
                    "dang-ky-mo-hinh",
                    D(2022, 5, 20),
                    SCRIPT,
                    model=DanVanModel(FORMULA, ModelKind.REPLICATED),
                    note=MD_LINK,
                    link="javascript:alert(1)",
                ),
            ),
        ),
    )
    return Dataset(plan=plan(), schools=schools, sample=True)


BOARD_SITE_URL = "https://so-gd.example.github.io/dan-van-kheo/"
"""The public address the status board's pages and files are generated for in unit tests."""


@functools.cache
def generated_board() -> GeneratedSite:
    """The status board of `small_dataset` as of AS_OF: pages and files, made once."""
    return generate(small_dataset(), AS_OF, BOARD_SITE_URL)


@functools.cache
def generated_hostile_board() -> GeneratedSite:
    """The status board of `hostile_dataset`: what an attacker's text would become."""
    return generate(hostile_dataset(), AS_OF, BOARD_SITE_URL)


def late(site: GeneratedSite) -> dict[str, bytes]:
    """The files the second process makes (the Excel workbook, the schools' QR codes)."""
    return late_files(site.dataset, site.as_of, site.site_url)
