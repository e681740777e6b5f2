from __future__ import annotations

from pathlib import Path

from scripts.site.comments import own_files, strip_comments, without_comments

SCRIPT = """/*
 * What this does.
 */
(function () {
  "use strict"

  // a whole-line comment
  var url = "https://example.invalid/*not a comment*/" // kept: after code
  var words = /[a-z]+\\/\\*/g
    /* indented block */
  return url + words
})()
"""


def test_whole_line_comments_go_and_code_stays() -> None:
    lean = without_comments(SCRIPT, line_comments=True)
    assert "What this does" not in lean
    assert "whole-line comment" not in lean
    assert "indented block" not in lean
    assert '"https://example.invalid/*not a comment*/" // kept: after code' in lean
    assert "var words = /[a-z]+\\/\\*/g" in lean
    assert "\n\n" not in lean
    assert lean.startswith("(function () {")


def test_css_keeps_double_slashes(tmp_path: Path) -> None:
    css = "/* head */\na { background: url(//x.invalid/a.png); }\n"
    assert without_comments(css, line_comments=False) == "a { background: url(//x.invalid/a.png); }\n"


def test_material_files_are_left_alone(tmp_path: Path) -> None:
    assets = tmp_path / "assets" / "javascripts"
    assets.mkdir(parents=True)
    (assets / "bundle.1234abcd.min.js").write_text("/* x */\n1\n", encoding="utf-8")
    (assets / "own.js").write_text("/* x */\n1\n", encoding="utf-8")
    assert [p.name for p in own_files(tmp_path)] == ["own.js"]
    assert strip_comments(own_files(tmp_path)) == len("/* x */\n")
    assert (assets / "own.js").read_text(encoding="utf-8") == "1\n"
    assert (assets / "bundle.1234abcd.min.js").read_text(encoding="utf-8") == "/* x */\n1\n"


def test_indentation_goes_except_where_a_template_string_may_span_lines() -> None:
    assert without_comments("a {\n  color: red;\n}\n", line_comments=False) == (
        "a {\ncolor: red;\n}\n"
    )
    template = "var t = `one\n  two`;\n"
    assert without_comments(template, line_comments=True) == template
