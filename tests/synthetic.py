"""Synthetic schools for the benchmark: as many as asked, in the data files' own format.

Deterministic (a fixed seed), so every run measures the same work. Names, communes and
numbers are made up for measuring only; the shipped sample data is in data/.
"""

from __future__ import annotations

import datetime as dt
import random

from scripts.load.communes import CURRENT_COMMUNES, load_communes
from scripts.model import LEVEL_NAMES, LEVELS, Plan


def communes() -> list[str]:
    """The communes of data/communes.yml: the validator accepts no other."""
    return list(load_communes(CURRENT_COMMUNES).names)


def _date(day: dt.date) -> str:
    return f"{day.day}/{day.month}/{day.year}"


def schools_yaml(plan: Plan, n_schools: int, *, seed: int = 2022) -> str:
    """data/schools.yml with n_schools schools; about 3 in 4 deadlines have a submission."""
    rnd = random.Random(seed)
    places = communes()
    lines = ["sample: true", "retired: []", "schools:"]
    for k in range(n_schools):
        level = LEVELS[k % len(LEVELS)]
        commune = places[k % len(places)]
        slug = level.lower().replace("&", "-")
        lines += [
            f"  - id: {slug}-{k:05d}",
            f"    name: Trường {LEVEL_NAMES[level]} số {k + 1} {commune}",
            f"    level: {level}",
            f"    commune: {commune}",
        ]
        if k % 3 == 0:
            lines += [
                "    contact:",
                f"      name: Nguyễn Văn {k + 1}",
                "      role: Phó Hiệu trưởng",
            ]
        subs = []
        for deadline in plan.deadlines:
            if rnd.random() < 0.75:
                received = deadline.due + dt.timedelta(days=rnd.randint(-12, 6))
                subs += [
                    f"      {deadline.id}:",
                    f"        received: {_date(received)}",
                    f"        number: {k + 1}/BC-{slug.upper()}",
                    f"        document_date: {_date(received - dt.timedelta(days=1))}",
                ]
                if deadline.requires_model:
                    kind = "xây dựng mới" if rnd.random() < 0.6 else "nhân rộng"
                    subs += [
                        "        model:",
                        f"          name: Dân vận khéo trong công tác số {k + 1}",
                        f"          kind: {kind}",
                    ]
        if subs:
            lines += ["    submissions:", *subs]
    return "\n".join(lines) + "\n"
