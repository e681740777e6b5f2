"""The form "Ghi nhận nộp" on each school page: a clerk records a submission without YAML.

The form (folded away in a <details> block, for staff) builds the file
data/submissions/<deadline>/<school>.yml and opens GitHub's "create a new file" page with
the path and content filled in (`<repo_url>/new/<branch>?filename=…&value=…`), from which
the clerk proposes a pull request; a school that already has a submission for the deadline
gets a link to edit that file instead. With no repository address (a local build) the page
shows the path and content to copy.

The checks run in the browser (docs/assets/javascripts/submission-form.js) with the
validator's own rules and words: `rules` gathers them from the core, the patterns and
hints of schemas/submissions.schema.json, the message templates of scripts/common/dates.py
and scripts/validate/schools.py, the patterns of scripts/validate/text.py, and the
messages the validator itself gives on small probe files, and the build writes them as
assets/javascripts/submission-rules.js. The script re-types no rule and no message.

What is typed is kept as `as_typed` keeps it (invisible characters dropped, odd spaces made
plain ones, NFC), and the form shows the file it will write: a space pasted from Word
no longer gets the pull request refused.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from scripts.common import dates
from scripts.common.characters import INVISIBLE_RANGES, ODD_SPACES, as_typed
from scripts.common.schema.files import schema
from scripts.common.source import Source
from scripts.load.submissions import SUBMISSIONS_DIR
from scripts.model import Dataset, Deadline, School
from scripts.render import site_paths as paths
from scripts.render.board.common import escape, raw_block
from scripts.status.board import Board
from scripts.validate import schools as school_rules
from scripts.validate.plan import PlanFacts
from scripts.validate.submissions import Register, validate_submissions
from scripts.validate.text import (
    CURLY_QUOTES,
    MESSAGES,
    QUOTE_PLACES,
    browser_patterns,
    text_messages,
)

FIELDS = ("received", "number", "document_date", "model.name", "model.kind", "note", "link")
"""The fields of a submission, as the form names them (dotted: inside `model`)."""

LABELS = {
    "received": "Ngày nhận",
    "number": "Số văn bản",
    "document_date": "Ngày ký",
    "model.name": "Tên mô hình",
    "model.kind": "Mô hình mới/nhân rộng",
    "note": "Ghi chú",
    "link": "Đường dẫn",
}
"""The labels in the site's words (the school page says "Ngày nhận", "Số văn bản"…)."""

HINTS = {
    "received": "Ví dụ 28/5/2022 hoặc 2022-05-28.",
    "number": "Như trên văn bản, ví dụ 25/BC-THBT (không ghi chữ “Số”).",
    "document_date": "Ngày ghi trên văn bản (nếu có).",
    "note": "Một dòng ngắn (nếu cần).",
    "link": "Địa chỉ https:// tới văn bản (nếu có).",
}

BUTTON = "Mở GitHub để tạo yêu cầu hợp nhất"

CURLY_MESSAGE = MESSAGES["curly_quotes"].split(" Nếu cần", 1)[0] + " Xóa dấu ngoặc cong này."
"""The validator's words on a value in curly quotes, for the form, where straight quotes
typed around a value would stay part of it."""
_PROBE = "x"
_MARK = "§"


@dataclass(frozen=True)
class FormSettings:
    """Where the form sends the clerk: the repository on GitHub and its branch."""

    repo_url: str = ""
    """mkdocs.yml's repo_url ("https://github.com/owner/repo"); empty: show to copy."""
    branch: str = "main"


def submission_path(deadline_id: str, school_id: str) -> str:
    """The file the form writes for one school: data/submissions/<deadline>/<school>.yml."""
    return f"data/{SUBMISSIONS_DIR}/{deadline_id}/{school_id}.yml"


def _facts(dataset: Dataset) -> PlanFacts:
    deadlines = {d.id: (d.title, d.requires_model) for d in dataset.plan.deadlines}
    return PlanFacts(date=dataset.plan.date, deadlines=deadlines)


def validator_messages(
    dataset: Dataset, deadline_id: str, fields: dict[str, str], today: dt.date
) -> dict[str, list[str]]:
    """What the validator says about one submission typed in the form: field → messages.

    The form's own file, checked by the real validator (used to gather the messages the
    page shows, and by the tests of the shared cases)."""
    fields = {name: as_typed(value) for name, value in fields.items()}
    lines = [f"{_PROBE}:"]
    model = {k.split(".", 1)[1]: v for k, v in fields.items() if k.startswith("model.") and v}
    for name, value in fields.items():
        if value and not name.startswith("model."):
            lines.append(f"  {name}: {json.dumps(value, ensure_ascii=False)}")
    if model:
        lines.append("  model:")
        lines += [f"    {k}: {json.dumps(v, ensure_ascii=False)}" for k, v in model.items()]
    text = "\n".join(lines) + "\n"
    where = {1: "", **{i + 2: _line_field(line) for i, line in enumerate(lines[1:])}}
    register = Register(names={_PROBE: _PROBE}, retired=frozenset(), embedded={})
    source = Source(f"data/{SUBMISSIONS_DIR}/{deadline_id}/{_PROBE}.yml", text.encode())
    _, problems = validate_submissions([source], _facts(dataset), register, today=today)
    found: dict[str, list[str]] = {}
    for problem in problems:
        found.setdefault(where.get(problem.line, ""), []).append(problem.message)
    return found


def _line_field(line: str) -> str:
    key = line.strip().split(":", 1)[0]
    return f"model.{key}" if line.startswith("    ") else key


def _one(messages: dict[str, list[str]], field: str, contains: str = "") -> str:
    found = [m for m in messages.get(field, []) if contains in m]
    if not found:
        raise RuntimeError(f"the validator gave no message for {field} ({contains})")
    return found[0]


def _any(messages: dict[str, list[str]], contains: str) -> str:
    return _one({"": [m for found in messages.values() for m in found]}, "", contains)


def rules(dataset: Dataset) -> dict[str, Any]:
    """Everything the page's checks need, from the core (see the module docstring)."""
    definition = schema("submissions")["$defs"]["submission"]["properties"]
    model_props = definition["model"]["properties"]
    props = {**{k: v for k, v in definition.items() if k != "model"}}
    props.update({f"model.{k}": v for k, v in model_props.items()})
    far = dt.date(9999, 1, 1)
    first = next(iter(dataset.plan.deadlines))
    field_rules: dict[str, Any] = {}
    base = {"received": dates.show(dataset.plan.date)}
    for field in FIELDS:
        spec = props[field]
        rule: dict[str, Any] = {"label": LABELS[field]}
        if "pattern" in spec and field not in ("model.name", "note"):
            probe = validator_messages(
                dataset, first.id, {"received": "1/5/2022", field: _MARK}, far
            )
            message = _one(probe, field, "không đúng cách ghi")
            rule["pattern"] = spec["pattern"]
            rule["pattern_message"] = message.replace(f"“{_MARK}”", "“{value}”")
        if "maxLength" in spec:
            long = "A" * (spec["maxLength"] + 1)
            probe = validator_messages(
                dataset, first.id, {"received": "1/5/2022", field: long}, far
            )
            rule["max_length"] = spec["maxLength"]
            rule["max_message"] = _one(probe, field, "dài quá")
        if "enum" in spec:
            rule["choices"] = spec["enum"]
        field_rules[field] = rule
    missing = validator_messages(dataset, first.id, {"number": "1/BC"}, far)
    model_deadline = next((d for d in dataset.plan.deadlines if d.requires_model), None)
    model_rules: dict[str, str] = {}
    if model_deadline is not None:
        model_rules["missing"] = _one(validator_messages(dataset, model_deadline.id, base, far), "")
        only_name = validator_messages(dataset, model_deadline.id, {**base, "model.name": "A"}, far)
        only_kind = validator_messages(
            dataset, model_deadline.id, {**base, "model.kind": "nhân rộng"}, far
        )
        model_rules["kind_missing"] = _any(only_name, "(kind)")
        model_rules["name_missing"] = _any(only_kind, "(name)")
    html = next(text_messages("<b>"))
    personal = next(m for m in text_messages("0905123456", "note") if "điện thoại" in m)
    return {
        "plan_date": dataset.plan.date.isoformat(),
        "plan_date_shown": dates.show(dataset.plan.date),
        "date_pattern": dates.DATE_PATTERN,
        "date_forms": dates.DATE_FORMS,
        "templates": {
            "no_such_month": dates.NO_SUCH_MONTH,
            "year_too_early": dates.YEAR_TOO_EARLY,
            "no_such_day": dates.NO_SUCH_DAY,
            "before_plan": school_rules.BEFORE_PLAN,
            "after_today": school_rules.AFTER_TODAY,
            "signed_after_received": school_rules.SIGNED_AFTER_RECEIVED,
        },
        "date_names": school_rules.DATE_NAMES,
        "required_received": _any(missing, "(received)"),
        "model": model_rules,
        "fields": field_rules,
        "text": {
            "patterns": browser_patterns(),
            "html": html.replace("“<b>”", "“{match}”"),
            "markdown_link": next(text_messages("[a](b)")),
            "personal": personal,
            "personal_fields": ["note", "model.name"],
            # What the form keeps of a value (scripts/common/characters.as_typed).
            "invisible_ranges": [list(r) for r in INVISIBLE_RANGES],
            "odd_spaces": [list(r) for r in ODD_SPACES],
            # A value in curly quotes (scripts/validate/text.wrapping_quote), said for a
            # form: there, straight quotes would be kept as part of the text.
            "curly": {
                "pairs": CURLY_QUOTES,
                "places": QUOTE_PLACES,
                "message": CURLY_MESSAGE,
            },
        },
        "deadlines": {
            d.id: {"title": d.title, "requires_model": d.requires_model}
            for d in dataset.plan.deadlines
        },
        "schema_line": "# yaml-language-server: $schema=../../../schemas/submissions.schema.json",
        "max_url": 8000,
    }


def rules_script(dataset: Dataset) -> bytes:
    """assets/javascripts/submission-rules.js: the rules as data for the form's script."""
    data = json.dumps(rules(dataset), ensure_ascii=False, sort_keys=True)
    return (
        "// Sinh tự động khi dựng trang, từ bộ kiểm tra dữ liệu (scripts/render/board/"
        "submission_form.py): không sửa tay.\n"
        f"window.dvkSubmissionRules = {data};\n"
    ).encode()


def _field(field: str, prefix: str, *, model: bool = False) -> str:
    name = f"{prefix}-{field.replace('.', '-').replace('_', '-')}"
    label = LABELS[field]
    hint = HINTS.get(field, "")
    described = f"{name}-hint {name}-error" if hint else f"{name}-error"
    wrapper = ' data-model-field=""' if model else ""
    if field == "model.kind":
        control = (
            f'<select id="{name}" name="{field}" aria-describedby="{name}-error">'
            '<option value="">— chọn —</option>'
            '<option value="xây dựng mới">Mô hình xây dựng mới</option>'
            '<option value="nhân rộng">Nhân rộng mô hình đã có</option>'
            "</select>"
        )
    else:
        required = ' required aria-required="true"' if field == "received" else ""
        mode = ' inputmode="url"' if field == "link" else ""
        control = (
            f'<input id="{name}" name="{field}" type="text" autocomplete="off"{mode}{required} '
            f'aria-describedby="{described}">'
        )
    return (
        f'<p class="tracker-form__field"{wrapper}><label for="{name}">{escape(label)}'
        + (" (bắt buộc)" if field == "received" else "")
        + f"</label>{control}"
        + (
            f'<span class="tracker-form__hint" id="{name}-hint">{escape(hint)}</span>'
            if hint
            else ""
        )
        + f'<span class="tracker-form__error" id="{name}-error" aria-live="polite"></span></p>'
    )


def _option(deadline: Deadline, school: School) -> str:
    sent = school.submission(deadline.id)
    edit = f' data-file="{escape(sent.file)}"' if sent and sent.file else ""
    model = ' data-model="true"' if deadline.requires_model else ""
    state = " (đã ghi nhận)" if sent else ""
    return (
        f'<option value="{escape(deadline.id)}"{model}{edit}>'
        f"{escape(deadline.title)}{state}</option>"
    )


def submission_form(board: Board, school: School, src: str, settings: FormSettings | None) -> str:
    """The folded "Ghi nhận nộp" block of a school page, with its two scripts."""
    if settings is None:
        return ""
    prefix = f"ghi-nhan-{school.id}"
    deadlines = list(board.deadlines)
    options = "".join(_option(d, school) for d in deadlines)
    fields = "".join(_field(f, prefix, model=f.startswith("model.")) for f in FIELDS)
    repo = settings.repo_url.rstrip("/")
    assets = json.dumps(
        {
            "style": paths.relative(src, paths.FORM_STYLE),
            "scripts": [paths.relative(src, p) for p in (paths.FORM_RULES, paths.FORM_SCRIPT)],
        }
    )
    scripts = f'<script src="{paths.relative(src, paths.FORM_LOADER)}" defer></script>'
    no_repo = (
        ""
        if repo
        else '<p class="tracker-form__note">Trang này được dựng không kèm địa chỉ kho GitHub '
        "(mục repo_url trong mkdocs.yml), nên không có nút mở GitHub: sao chép đường dẫn và "
        "nội dung tệp dưới đây, tạo tệp đó trong kho rồi gửi đề nghị hợp nhất.</p>"
    )
    html = (
        f'<details class="tracker-form" id="ghi-nhan-nop" data-school="{escape(school.id)}" '
        f'data-school-name="{escape(school.name)}" data-repo="{escape(repo)}" '
        f'data-branch="{escape(settings.branch)}" data-assets="{escape(assets)}">'
        "<summary>Ghi nhận nộp (dành cho cán bộ)</summary>"
        '<p class="tracker-form__intro">Dành cho cán bộ ghi nhận việc nộp văn bản: điền các '
        "ô dưới đây, xem trước tệp sẽ tạo, rồi mở GitHub để gửi đề nghị hợp nhất (pull "
        "request). Trang tự kiểm tra theo đúng quy tắc của bộ kiểm tra dữ liệu.</p>"
        f"{no_repo}"
        f'<form class="tracker-form__form" novalidate>'
        f'<p class="tracker-form__field"><label for="{prefix}-deadline">Hạn nộp</label>'
        f'<select id="{prefix}-deadline" name="deadline">{options}</select></p>'
        f'<div class="tracker-form__existing" hidden><p>Trường đã có ghi nhận cho hạn nộp '
        'này. Muốn sửa, mở tệp đã có: <a class="tracker-form__edit" target="_blank" '
        'rel="noopener"></a></p></div>'
        f'<div class="tracker-form__fields">{fields}'
        '<p class="tracker-form__summary" role="alert" aria-live="assertive"></p>'
        '<div class="tracker-form__preview"><p>Tệp sẽ tạo: <code class="tracker-form__path">'
        "</code></p>"
        '<pre class="tracker-form__content" tabindex="0" aria-label="Nội dung tệp sẽ tạo">'
        "<code></code></pre></div>"
        + (
            f'<p><button type="submit" class="md-button md-button--primary">{BUTTON}</button></p>'
            if repo
            else ""
        )
        + "</div></form>"
        "<noscript><p>Biểu mẫu này cần JavaScript. Không có JavaScript: xem hướng dẫn ghi "
        "nhận bằng tệp YAML trên trang Cập nhật dữ liệu.</p></noscript>"
        f"</details>{scripts}"
    )
    return raw_block(html)


def many_page_path(deadline_id: str) -> str:
    """The page to record many schools for one deadline (kept out of the main menu)."""
    return f"{paths.SECTION}/ghi-nhan/{deadline_id}.md"


def _assets(src: str) -> str:
    return f'<link rel="stylesheet" href="{paths.relative(src, paths.FORM_STYLE)}">' + "".join(
        f'<script src="{paths.relative(src, path)}" defer></script>'
        for path in (paths.FORM_RULES, paths.FORM_SCRIPT)
    )


def many_schools_page(board: Board, deadline: Deadline, settings: FormSettings) -> str:
    """One row of fields for each school without a submission for `deadline`; the script
    puts the filled rows into one file (several when an address would pass 8,000
    characters) and opens GitHub's new-file page for each."""
    from scripts.render.board.common import front_matter, header, md_link

    src = many_page_path(deadline.id)
    waiting = [s for s in board.schools if s.submission(deadline.id) is None]
    fields = [f for f in FIELDS if deadline.requires_model or not f.startswith("model.")]
    rows = []
    for school in waiting:
        prefix = f"nhieu-{deadline.id}-{school.id}"
        school_link = paths.relative(src, paths.school_page(school.id))
        cells = "".join(_field(f, prefix) for f in fields)
        rows.append(
            f'<fieldset class="tracker-many__row" data-school="{escape(school.id)}">'
            f'<legend><a href="{escape(school_link)}">{escape(school.name)}</a> '
            f"<code>{escape(school.id)}</code></legend>{cells}</fieldset>"
        )
    repo = settings.repo_url.rstrip("/")
    copy = (
        ""
        if repo
        else '<p class="tracker-form__note">Trang này được dựng không kèm địa chỉ kho GitHub '
        "(repo_url trong mkdocs.yml): sao chép đường dẫn và nội dung tệp hiện ra dưới đây.</p>"
    )
    body = (
        f'<div class="tracker-many" data-deadline="{escape(deadline.id)}" '
        f'data-repo="{escape(repo)}" data-branch="{escape(settings.branch)}" '
        f'data-button="{escape(BUTTON)}">{copy}'
        '<form class="tracker-form__form" novalidate>'
        + "".join(rows)
        + '<p class="tracker-form__summary" role="alert" aria-live="assertive"></p>'
        '<p><button type="submit" class="md-button">Kiểm tra các dòng đã điền</button></p>'
        "</form>"
        '<div class="tracker-many__files" aria-live="polite"></div>'
        "<noscript><p>Trang này cần JavaScript.</p></noscript></div>" + _assets(src)
    )
    return "".join(
        [
            front_matter(
                f"Ghi nhận nhiều trường: {deadline.title}",
                f"Dành cho cán bộ: ghi nhận cùng lúc nhiều trường đã nộp “{deadline.title}”.",
            ),
            f"# Ghi nhận nhiều trường: {escape(deadline.title)}\n\n",
            header(board, rule=False),
            "Dành cho cán bộ, khi nhận nhiều văn bản cùng lúc. Dưới đây là "
            f"{len(waiting)} trường chưa có ghi nhận cho hạn này: điền các dòng của những "
            "trường đã nộp (bỏ trống các trường khác), xem trước tệp sẽ tạo, rồi bấm nút để "
            "mở GitHub và gửi đề nghị hợp nhất. Nếu nhiều trường quá, trang chia thành vài "
            "tệp (Phần 1/2, Phần 2/2…), mỗi tệp một nút. Cách làm từng bước: "
            f"[Cập nhật dữ liệu]({md_link(src, 'huong-dan/cap-nhat-du-lieu.md')}); về "
            f"[{escape(deadline.title)}]({md_link(src, paths.deadline_page(deadline.id))}).\n\n",
            raw_block(body),
        ]
    )
