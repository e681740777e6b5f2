"""The knowledge base plugin, over scripts/load (documents, glossary, templates) and
scripts/render/knowledge.

It loads the data once per build, adds the generated pages and files (a page per cited
document, the Word templates), replaces the `<!-- kb:… -->` markers of hand-written pages,
runs the pure HTML rewriter that links document numbers and explains abbreviations on
every page, and gives headings anchors that keep "đ" ("#bat-dau-tu-dau").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data

from scripts.common.vietnamese import format_date, slugify
from scripts.load.documents import CitedDocument, load_documents
from scripts.load.glossary import Glossary, load_glossary
from scripts.load.guides import Guide, guide_from
from scripts.load.plan import load_plan
from scripts.load.templates import Template, load_templates
from scripts.model import Plan
from scripts.render.knowledge.annotate import Annotator, annotate
from scripts.render.knowledge.documents import INDEX, document_page, nav_entries, page_src
from scripts.render.knowledge.docx import render_docx
from scripts.render.knowledge.markers import MarkerError, expand
from scripts.render.knowledge.nav import expand_section

from ..errors import stop_on_data_error
from .config import KnowledgeConfig
from .markers import TEMPLATE_DIR, handlers

# Produced by the status board; linked only when this build has them.
STATUS_URL = "tinh-hinh/han/{id}/"
ICS = "tai-ve/han-nop.ics"


@dataclass
class KnowledgeBuild:
    """What one build knows: the data (on_config), then where things are (on_nav)."""

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


class KnowledgePlugin(BasePlugin[KnowledgeConfig]):
    def __init__(self) -> None:
        self._build: KnowledgeBuild | None = None

    @property
    def build(self) -> KnowledgeBuild:
        if self._build is None:
            raise PluginError("dvk-knowledge: on_config has not run for this build")
        return self._build

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._build = None
        # Heading anchors that keep "đ": "#bat-dau-tu-dau", not Python-Markdown's "#bat-au-tu-au".
        config.mdx_configs.setdefault("toc", {})["slugify"] = slugify
        data, schemas = Path(self.config.data_dir), Path(self.config.schemas_dir)
        with stop_on_data_error():
            plan = load_plan(data / "plan.yml", schema_dir=schemas)
            documents = load_documents(data / "documents.yml", schemas / "documents.schema.json")
            glossary = load_glossary(data / "glossary.yml", schemas / "glossary.schema.json")
            templates = load_templates(
                data / "templates.yml", schemas / "templates.schema.json", plan
            )
        self._build = KnowledgeBuild(
            plan=plan,
            documents=documents,
            glossary=glossary,
            templates=templates,
            plan_text=(data / self.config.plan_text).read_text(encoding="utf-8"),
            annotator=Annotator.build(documents, glossary),
        )
        if config.nav:
            config.nav = expand_section(config.nav, INDEX, nav_entries(documents))
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        state = self.build
        plan_name = f"Kế hoạch ngày {format_date(state.plan.date)}"
        generated: list[tuple[str, str | bytes]] = [
            (page_src(d), document_page(d, plan_name)) for d in state.documents
        ]
        generated += [(TEMPLATE_DIR + t.filename, render_docx(t)) for t in state.templates]
        for src, content in generated:
            if files.get_file_from_path(src) is not None:
                raise PluginError(
                    f"{src} được dựng từ dữ liệu; xóa tệp viết tay cùng tên trong docs/."
                )
            files.append(File.generated(config, src, content=content))
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        state = self.build
        # Guides in the order of the navigation, which is the order a school works in.
        state.guides = []
        for page in nav.pages:
            guide = guide_from(page.file.src_uri, get_data(page.file.content_string)[1])
            if guide:
                state.guides.append(guide)
        by_url = {f.url: f for f in files.documentation_pages()}
        state.status_pages = {}
        for deadline in state.plan.deadlines:
            status_file = by_url.get(STATUS_URL.format(id=deadline.id))
            if status_file is not None:
                state.status_pages[deadline.id] = status_file.src_uri
        ics = files.get_file_from_path(ICS)
        state.ics = ics.src_uri if ics else None
        state.doc_urls = {}
        for doc in state.documents:
            file = files.get_file_from_path(page_src(doc))
            if file is not None:
                state.doc_urls[doc.id] = file.url
        return nav

    def on_page_markdown(self, markdown: str, page: Page, **_: object) -> str:
        if "kb:" not in markdown:
            return markdown
        try:
            return expand(markdown, handlers(self.build, page.file.src_uri))
        except MarkerError as exc:
            raise PluginError(f"{page.file.src_uri}: {exc}") from exc

    def on_page_content(self, html: str, page: Page, **_: object) -> str:
        state = self.build
        hrefs = {doc_id: get_relative_url(url, page.url) for doc_id, url in state.doc_urls.items()}
        own = next((d.id for d in state.documents if page_src(d) == page.file.src_uri), None)
        return annotate(html, state.annotator, hrefs, skip=own)
