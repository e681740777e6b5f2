"""How long the check takes on a district far larger than Bình Sơn: 10,000 schools.

Run with `bash run.sh test -m benchmark -s`. The limit set for it is 3 seconds and 500 MB on
the project's 2-core machine; the figures are printed, and only memory is asserted (timings
on a shared machine are too noisy to fail a build on).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.load.plan import load_plan
from scripts.model import (
    LEVEL_NAMES,
    LEVELS,
    Contact,
    DanVanModel,
    Dataset,
    ModelKind,
    School,
    Submission,
)
from tests.conftest import ROOT
from tests.dump import dump_plan, dump_schools
from tests.synthetic import communes as synthetic_communes

SCHOOLS = 10_000
TODAY = dt.date(2026, 11, 25)
LIMIT_SECONDS = 3.0
LIMIT_MB = 500

# Runs in a fresh interpreter, so that its peak memory is the check's own.
MEASURE = """
import datetime as dt, json, resource, sys, time, tracemalloc
from pathlib import Path
from scripts.load.dataset import load_dataset
from scripts.common.problems import DataError

def rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

data, today = Path(sys.argv[1]), dt.date.fromisoformat(sys.argv[2])
baseline = rss_mb()
times = []
for _ in range(3):
    started = time.perf_counter()
    dataset = load_dataset(data, today=today)
    times.append(time.perf_counter() - started)
    del dataset
peak = rss_mb()
broken = Path(sys.argv[3])
started = time.perf_counter()
try:
    load_dataset(broken, today=today)
    problems = 0
except DataError as error:
    problems = len(error.problems)
broken_seconds = time.perf_counter() - started
tracemalloc.start()
dataset = load_dataset(data, today=today)
heap = tracemalloc.get_traced_memory()[1] / 1024 / 1024
print(json.dumps({
    "first": times[0], "best": min(times), "baseline_mb": baseline, "peak_mb": peak,
    "heap_mb": heap, "schools": len(dataset.schools),
    "submissions": sum(len(s.submissions) for s in dataset.schools),
    "broken_seconds": broken_seconds, "problems": problems,
}))
"""


def synthetic(count: int) -> Dataset:
    """A valid dataset of `count` schools, with every kind of submission, reproducibly."""
    rng = random.Random(count)
    plan = load_plan(ROOT / "data" / "plan.yml")
    communes = synthetic_communes()
    schools = []
    for i in range(count):
        level = LEVELS[i % len(LEVELS)]
        submissions = []
        for deadline in plan.deadlines:
            if rng.random() < 0.2:
                continue
            received = deadline.due + dt.timedelta(days=rng.randint(-25, 20))
            submissions.append(
                Submission(
                    deadline_id=deadline.id,
                    received=received,
                    number=f"{rng.randint(1, 300)}/{'KH' if deadline.requires_model else 'BC'}-T{i}",  # noqa: E501
                    document_date=received - dt.timedelta(days=rng.randint(0, 3)),
                    model=DanVanModel(
                        f"Mô hình “Dân vận khéo” số {i} của trường",
                        rng.choice(list(ModelKind)),
                    )
                    if deadline.requires_model
                    else None,
                    note="Nộp bản giấy tại Phòng" if rng.random() < 0.1 else "",
                    link=f"https://example.org/van-ban/{i}.pdf" if rng.random() < 0.1 else "",
                )
            )
        schools.append(
            School(
                id=f"truong-{i:05d}",
                name=f"Trường {LEVEL_NAMES[level]} số {i}",
                level=level,
                commune=communes[i % len(communes)],
                contact=Contact("Nguyễn Văn A", "Phó Hiệu trưởng") if i % 5 == 0 else None,
                submissions=tuple(submissions),
            )
        )
    return Dataset(plan, tuple(schools), sample=True)


@pytest.mark.benchmark
def test_validating_ten_thousand_schools(tmp_path: Path) -> None:
    dataset = synthetic(SCHOOLS)
    good = tmp_path / "data"
    good.mkdir()
    (good / "plan.yml").write_text(dump_plan(dataset.plan), encoding="utf-8")
    text = dump_schools(dataset)
    (good / "schools.yml").write_text(text, encoding="utf-8")
    # The same file with one typing slip near the end: the messages still come at once.
    broken = tmp_path / "broken" / "data"
    broken.mkdir(parents=True)
    (broken / "plan.yml").write_text(dump_plan(dataset.plan), encoding="utf-8")
    head, tail = text.rsplit("    level: TH\n", 1)
    (broken / "schools.yml").write_text(head + "    level: Tiểu học\n" + tail, encoding="utf-8")

    result = subprocess.run(
        [sys.executable, "-c", MEASURE, str(good), TODAY.isoformat(), str(broken)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    figures = json.loads(result.stdout)
    size_mb = len(text.encode()) / 1024 / 1024
    print(
        f"\nKiểm tra {figures['schools']} trường, {figures['submissions']} lần nộp "
        f"(tệp {size_mb:.1f} MB):\n"
        f"  thời gian: lần đầu {figures['first']:.2f} s, nhanh nhất {figures['best']:.2f} s "
        f"(giới hạn {LIMIT_SECONDS:.0f} s)\n"
        f"  bộ nhớ: đỉnh {figures['peak_mb']:.0f} MB cả tiến trình "
        f"(lúc bắt đầu đo {figures['baseline_mb']:.0f} MB; đỉnh heap Python "
        f"{figures['heap_mb']:.0f} MB; giới hạn {LIMIT_MB} MB)\n"
        f"  tệp có 1 lỗi: báo {figures['problems']} lỗi sau {figures['broken_seconds']:.2f} s"
    )
    assert figures["schools"] == SCHOOLS
    assert figures["problems"] == 1
    assert figures["peak_mb"] < LIMIT_MB
