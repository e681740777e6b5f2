"""Mistakes in the knowledge-base data files are caught with a Vietnamese message and a line."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.load.datafile import KnowledgeDataError
from scripts.load.documents import load_documents
from scripts.load.glossary import load_glossary
from scripts.load.templates import load_templates
from tests.conftest import ROOT, copy_project, run_build
from tests.kb_pages import plan

SCHEMAS = ROOT / "schemas"
DOCUMENT = """\
documents:
  - id: chi-thi-33-ct-ttg
    number: 33/CT-TTg
    kind: Chỉ thị
    date: {date}
    issuer: Thủ tướng Chính phủ
    citations:
      - point: {point}
        quote: Tiếp tục quán triệt
    for_schools:
      - text: Điều trường cần làm.
        points: [I.1]
    relation: quan-triet
"""


def _documents(tmp_path: Path, text: str):
    path = tmp_path / "documents.yml"
    path.write_text(text, encoding="utf-8")
    return load_documents(path, SCHEMAS / "documents.schema.json")


def test_the_shipped_data_loads() -> None:
    plan_data = plan()
    assert load_templates(
        ROOT / "data" / "templates.yml", SCHEMAS / "templates.schema.json", plan_data
    )
    assert load_glossary(ROOT / "data" / "glossary.yml", SCHEMAS / "glossary.schema.json")


def test_valid_document(tmp_path: Path) -> None:
    (doc,) = _documents(tmp_path, DOCUMENT.format(date="2021-11-26", point="I.1"))
    assert doc.full_name == "Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ"


def test_impossible_date_is_reported_on_its_line(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeDataError) as caught:
        _documents(tmp_path, DOCUMENT.format(date="2021-02-31", point="I.1"))
    (problem,) = caught.value.problems
    assert (problem.file, problem.line) == ("data/documents.yml", 5)
    assert "không có thật" in problem.message


def test_a_duplicated_key_is_refused_not_merged(tmp_path: Path) -> None:
    text = DOCUMENT.format(date="2021-11-26", point="I.1")
    first = next(i for i, line in enumerate(text.splitlines()) if "date:" in line)
    doubled = text.splitlines()
    doubled.insert(first + 1, doubled[first].replace("2021-11-26", "2021-11-27"))
    with pytest.raises(KnowledgeDataError) as caught:
        _documents(tmp_path, "\n".join(doubled) + "\n")
    assert any(p.line == first + 2 for p in caught.value.problems)


def test_unknown_point_of_the_plan_is_reported(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeDataError) as caught:
        _documents(tmp_path, DOCUMENT.format(date="2021-11-26", point="IV.9"))
    (problem,) = caught.value.problems
    assert problem.line == 8
    assert "“IV.9” không đúng cách ghi. Ghi một mục của Kế hoạch: I.1 đến I.5" in problem.message


def test_how_the_plan_cites_a_document_is_one_of_four(tmp_path: Path) -> None:
    text = DOCUMENT.format(date="2021-11-26", point="I.1")
    with pytest.raises(KnowledgeDataError) as caught:
        _documents(tmp_path, text.replace("relation: quan-triet", "relation: can cu"))
    (problem,) = caught.value.problems
    assert problem.line == 13
    assert "“can cu” không hợp lệ. Có phải là “can-cu”?" in problem.message
    assert "Chọn một trong: can-cu, quan-triet, thuc-hien, nhac-den." in problem.message
    with pytest.raises(KnowledgeDataError) as caught:
        _documents(tmp_path, text.replace("    relation: quan-triet\n", ""))
    assert "Thiếu mục relation của văn bản. Thêm dòng “relation: …”" in str(caught.value)


def test_missing_field_and_yaml_error(tmp_path: Path) -> None:
    broken = DOCUMENT.format(date="2021-11-26", point="I.1").replace(
        "    issuer: Thủ tướng Chính phủ\n", ""
    )
    with pytest.raises(KnowledgeDataError) as caught:
        _documents(tmp_path, broken)
    assert "thiếu hoặc thừa mục" in str(caught.value)
    with pytest.raises(KnowledgeDataError) as caught:
        _documents(tmp_path, "documents:\n  - id: [x\n")
    assert "cú pháp YAML" in str(caught.value)


def test_raw_html_in_a_text_is_refused(tmp_path: Path) -> None:
    text = DOCUMENT.format(date="2021-11-26", point="I.1").replace(
        "Điều trường cần làm.", "<script>alert(1)</script>"
    )
    with pytest.raises(KnowledgeDataError) as caught:
        _documents(tmp_path, text)
    assert caught.value.problems[0].line == 11


def test_duplicate_id_is_reported(tmp_path: Path) -> None:
    one = DOCUMENT.format(date="2021-11-26", point="I.1")
    twice = one + one.split("documents:\n", 1)[1]
    with pytest.raises(KnowledgeDataError) as caught:
        _documents(tmp_path, twice)
    assert "bị trùng" in str(caught.value)


def test_unknown_placeholder_in_a_template_is_reported(tmp_path: Path) -> None:
    text = (ROOT / "data" / "templates.yml").read_text(encoding="utf-8")
    path = tmp_path / "templates.yml"
    path.write_text(text.replace("{due[bao-cao-nam]}", "{due[bao-cao-quy]}"), encoding="utf-8")
    with pytest.raises(KnowledgeDataError) as caught:
        load_templates(path, SCHEMAS / "templates.schema.json", plan())
    assert "bao-cao-quy" in str(caught.value)


def test_a_bad_edit_fails_the_build_with_the_line(tmp_path: Path) -> None:
    repo = copy_project(tmp_path / "repo")
    data = repo / "data" / "documents.yml"
    text = data.read_text(encoding="utf-8")
    data.write_text(text.replace("date: 2021-11-26", "date: 2021-11-31", 1), encoding="utf-8")
    line = text.splitlines().index("    date: 2021-11-26") + 1
    result = run_build(tmp_path / "site", repo / "mkdocs.yml")
    assert result.returncode != 0
    assert f"data/documents.yml:{line}:" in result.stdout + result.stderr
    assert "ngày “2021-11-31” không có thật" in result.stdout + result.stderr
