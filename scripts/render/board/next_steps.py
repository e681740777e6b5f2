"""What a school does about a deadline it has not met: the guide and the Word template.

Nothing here is typed by hand: a deadline's point of the plan (data/plan.yml, "III.5")
finds the guidance page that serves it first (its front matter, `points: [III.5]`) and
the Word templates made for it (data/templates.yml, `points: [III.5]`); where a point has
several templates (the six-month and the year report), the one named like the deadline.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from scripts.load.guides import Guide, guides_for
from scripts.load.templates import Template
from scripts.model import Plan
from scripts.render import site_paths as paths


@dataclass(frozen=True)
class NextStep:
    guide: Guide | None
    """The guidance page for the deadline's point of the plan, if there is one."""
    templates: tuple[tuple[str, str], ...] = ()
    """(path in the site, label) of each Word template for it."""


def next_steps(
    plan: Plan, guides: Iterable[Guide], templates: Iterable[Template]
) -> dict[str, NextStep]:
    """Deadline id → its guide and templates; deadlines with neither are left out."""
    guide_list, template_list = list(guides), list(templates)
    steps = {}
    for deadline in plan.deadlines:
        serving = guides_for(guide_list, deadline.section)
        made = [t for t in template_list if deadline.section in t.points]
        named = [t for t in made if t.file == deadline.id]
        chosen = named or made
        if serving or chosen:
            steps[deadline.id] = NextStep(
                guide=serving[0] if serving else None,
                templates=tuple((paths.template(t.filename), t.label) for t in chosen),
            )
    return steps


NO_STEPS: Mapping[str, NextStep] = {}
