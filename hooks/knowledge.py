"""MkDocs adapter for the knowledge base in scripts/knowledge (cited documents, glossary,
guidance, calendar, Word templates).

Thin on purpose: it loads the data once per build, adds the generated pages and files,
replaces the `<!-- kb:… -->` markers of hand-written pages, and runs the pure HTML rewriter
that links document numbers and explains abbreviations on every page.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.knowledge import points  # noqa: E402
from scripts.knowledge.annotate import Annotator, annotate  # noqa: E402
from scripts.knowledge.datafile import KnowledgeDataError  # noqa: E402
from scripts.knowledge.documents import CitedDocument, load_documents  # noqa: E402
from scripts.knowledge.glossary import Glossary, load_glossary, used_in  # noqa: E402
from scripts.knowledge.guides import Guide, guide_from  # noqa: E402
from scripts.knowledge.markers import MarkerError, expand  # noqa: E402
from scripts.knowledge.nav import expand_section  # noqa: E402
from scripts.knowledge.paths import relative  # noqa: E402
from scripts.knowledge.render.calendar import calendar_table, deadline_note  # noqa: E402
from scripts.knowledge.render.documents import (  # noqa: E402
    INDEX,
    document_page,
    documents_index,
    nav_entries,
    page_src,
)
from scripts.knowledge.render.docx import render_docx  # noqa: E402
from scripts.knowledge.render.glossary import glossary_page  # noqa: E402
from scripts.knowledge.templates import Template, load_templates  # noqa: E402
from scripts.tracker.load import load_plan  # noqa: E402
from scripts.tracker.model import Plan  # noqa: E402
from scripts.tracker.render.markdown import escape  # noqa: E402
from scripts.tracker.status import DUE_RULE  # noqa: E402
from scripts.tracker.vietnamese import format_date  # noqa: E402

PLAN_TEXT = "ke-hoach-dan-van-2022.txt"
CALENDAR = "lich/index.md"
TEMPLATE_DIR = "tai-ve/mau/"
# Produced by the status board (issue 4); linked only when this build has them.
STATUS_URL = "tinh-hinh/han/{id}/"
ICS = "tai-ve/han-nop.ics"


@dataclass
class _Build:
    plan: Plan
    documents: tuple[CitedDocument, ...]
    glossary: Glossary
    templates: tuple[Template, ...]
    plan_text: str
    annotator: Annotator
    guides: list[Guide] = field(default_factory=list)
    status_pages: dict[str, str] = field(default_factory=dict)
    ics: str | None = None
    doc_urls: dict[str, str] = field(default_factory=dict)


_build: list[_Build] = []


def _state() -> _Build:
    return _build[-1]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    data, schemas = root / "data", root / "schemas"
    try:
        plan = load_plan(data / "plan.yml")
        documents = load_documents(data / "documents.yml", schemas / "documents.schema.json")
        glossary = load_glossary(data / "glossary.yml", schemas / "glossary.schema.json")
        templates = load_templates(data / "templates.yml", schemas / "templates.schema.json", plan)
    except KnowledgeDataError as exc:
        raise PluginError(f"Dữ liệu chưa đúng:\n{exc}") from exc
    _build[:] = [
        _Build(
            plan=plan,
            documents=documents,
            glossary=glossary,
            templates=templates,
            plan_text=(data / PLAN_TEXT).read_text(encoding="utf-8"),
            annotator=Annotator.build(documents, glossary),
        )
    ]
    if config.nav:
        config.nav = expand_section(config.nav, INDEX, nav_entries(documents))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    state = _state()
    plan_name = f"Kế hoạch ngày {format_date(state.plan.date)}"
    generated = [(page_src(d), document_page(d, plan_name)) for d in state.documents]
    generated += [(TEMPLATE_DIR + t.filename, render_docx(t)) for t in state.templates]
    for src, content in generated:
        if files.get_file_from_path(src) is not None:
            raise PluginError(f"{src} được dựng từ dữ liệu; xóa tệp viết tay cùng tên trong docs/.")
        files.append(File.generated(config, src, content=content))
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    state = _state()
    # Guides in the order of the navigation, which is the order a school works in.
    state.guides = []
    for page in nav.pages:
        guide = guide_from(page.file.src_uri, get_data(page.file.content_string)[1])
        if guide:
            state.guides.append(guide)
    by_url = {f.url: f for f in files.documentation_pages()}
    state.status_pages = {}
    for deadline in state.plan.deadlines:
        page = by_url.get(STATUS_URL.format(id=deadline.id))
        if page is not None:
            state.status_pages[deadline.id] = page.src_uri
    ics = files.get_file_from_path(ICS)
    state.ics = ics.src_uri if ics else None
    state.doc_urls = {}
    for doc in state.documents:
        file = files.get_file_from_path(page_src(doc))
        if file is not None:
            state.doc_urls[doc.id] = file.url
    return nav


def _handlers(src: str) -> dict:
    state = _state()
    plan = state.plan

    def deadline(arg: str | None):
        found = plan.deadline(arg or "")
        if found is None:
            ids = ", ".join(d.id for d in plan.deadlines)
            raise MarkerError(f"không có hạn nộp “{arg}” trong data/plan.yml (có: {ids})")
        return found

    def date(arg: str | None) -> str:
        return format_date(plan.date) if arg == "ke-hoach" else format_date(deadline(arg).due)

    def template(arg: str | None) -> str:
        found = next((t for t in state.templates if t.file == arg), None)
        if found is None:
            raise MarkerError(f"không có mẫu “{arg}” trong data/templates.yml")
        link = relative(src, TEMPLATE_DIR + found.filename)
        return f"[Tải mẫu: {escape(found.label)} (Word)]({link})"

    def guides_index(_: str | None) -> str:
        lines = ["| Việc | Theo Kế hoạch |", "| --- | --- |"]
        for guide in state.guides:
            cited = ", ".join(
                f"[{p}]({relative(src, points.PLAN_PAGE)}#{points.anchor(p)})" for p in guide.points
            )
            lines.append(f"| [{escape(guide.title)}]({relative(src, guide.src)}) | {cited} |")
        return "\n".join(lines) + "\n"

    def ics(_: str | None) -> str:
        if not state.ics:
            return ""
        return f"[Tải các hạn nộp vào lịch của điện thoại (.ics)]({relative(src, state.ics)})\n"

    return {
        "van-ban": lambda _: documents_index(state.documents, src),
        "thuat-ngu": lambda _: glossary_page(
            state.glossary, used_in(state.glossary, state.plan_text)
        ),
        "lich": lambda _: calendar_table(plan, src, state.guides, state.status_pages),
        "tai-lich": ics,
        "huong-dan": guides_index,
        "ngay": date,
        "nam": lambda _: str(plan.date.year),  # the plan's year ("năm 2022"), not its date
        "han": lambda arg: deadline_note(
            deadline(arg), src, CALENDAR, state.status_pages.get(deadline(arg).id)
        ),
        "mau": template,
        "quy-tac-han": lambda _: escape(DUE_RULE),
    }


def on_page_markdown(markdown: str, page: Page, **_: object) -> str:
    if "kb:" not in markdown:
        return markdown
    try:
        return expand(markdown, _handlers(page.file.src_uri))
    except MarkerError as exc:
        raise PluginError(f"{page.file.src_uri}: {exc}") from exc


def on_page_content(html: str, page: Page, **_: object) -> str:
    state = _state()
    hrefs = {doc_id: get_relative_url(url, page.url) for doc_id, url in state.doc_urls.items()}
    own = next((d.id for d in state.documents if page_src(d) == page.file.src_uri), None)
    return annotate(html, state.annotator, hrefs, skip=own)
