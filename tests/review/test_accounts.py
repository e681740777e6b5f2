"""Each commit's accounts from GitHub's API answer, and what one commit changes."""

from __future__ import annotations

import json
from pathlib import Path

from scripts.review.accounts import accounts_from_api, logins_of, read_commits_json
from scripts.review.commits import commit_change, maintainer_logins, submission_ids
from tests.gitrepo import SCHOOLS, commit, git, init, school_yaml, schools_file


def _item(sha: str, author: str | None, committer: str | None) -> dict[str, object]:
    return {
        "sha": sha,
        "commit": {"author": {"name": "x", "email": "x@example.invalid"}},
        "author": {"login": author, "type": "User"} if author else None,
        "committer": {"login": committer, "type": "User"} if committer else None,
    }


def test_a_commit_is_judged_by_its_author_and_by_another_committer() -> None:
    accounts = accounts_from_api(
        [
            _item("a" * 40, "van-thu", "web-flow"),  # made in the browser: GitHub commits it
            _item("b" * 40, "van-thu", "Van-Thu"),  # the same person
            _item("c" * 40, "van-thu", "can-bo"),  # rebased or pushed by someone else
            _item("d" * 40, None, "web-flow"),  # an address linked to no account
            _item("e" * 40, "van-thu", None),
        ]
    )
    assert accounts == {
        "a" * 40: ("van-thu",),
        "b" * 40: ("van-thu",),
        "c" * 40: ("van-thu", "can-bo"),
        "d" * 40: (None,),
        "e" * 40: ("van-thu", None),
    }
    assert logins_of("c" * 40, accounts, None) == ["van-thu", "can-bo"]
    assert logins_of("f" * 40, accounts, None) == [None]  # not in the list: no rights
    assert logins_of("c" * 40, accounts, "ai-do") == ["ai-do"]  # --author: every commit
    assert logins_of("c" * 40, None, None) == []  # no permission check asked


def test_recorded_pages_of_the_api_are_read(tmp_path: Path) -> None:
    path = tmp_path / "commits.json"
    path.write_text(json.dumps([[_item("a" * 40, "x", "web-flow")], []]), encoding="utf-8")
    assert read_commits_json(path) == {"a" * 40: ("x",)}


def test_submission_files_and_the_list_of_maintainers_are_read_leniently() -> None:
    assert submission_ids(b"th-a:\n  received: 1/5/2022\nmn-b:\n  received: 2/5/2022\n") == {
        "th-a",
        "mn-b",
    }
    assert submission_ids(None) == frozenset()
    assert submission_ids(b"- th-a\n") is None
    assert submission_ids(b"th-a: [\n") is None
    text = b"editors:\n  - github: A\n    role: maintainer\n  - github: b\n"
    assert maintainer_logins(text) == {"a"}
    assert maintainer_logins(b"editors: [") is None


def test_a_merge_is_judged_only_by_what_it_wrote(tmp_path: Path) -> None:
    import git as gitpython

    repo = init(tmp_path / "repo")
    a = school_yaml("th-a", "Trường Tiểu học A")
    b = school_yaml("th-b", "Trường Tiểu học B")
    contact = "    contact:\n      name: Nguyễn Văn A\n      role: Hiệu trưởng\n"
    commit(repo, {SCHOOLS: schools_file([a, b])}, "Đầu")
    git(repo, "checkout", "-q", "-b", "pr")
    commit(repo, {SCHOOLS: schools_file([a + contact, b])}, "Sửa A")
    git(repo, "checkout", "-q", "main")
    commit(repo, {SCHOOLS: schools_file([a, b + contact]), "docs/x.md": "# X\n"}, "Sửa B")
    git(repo, "checkout", "-q", "pr")
    git(repo, "merge", "-q", "--no-edit", "main")  # what "Update branch" does
    with gitpython.Repo(repo) as handle:
        merge = handle.head.commit
        assert len(merge.parents) == 2
        change = commit_change(merge)
        # Both schools changed on one side only: the merge itself wrote neither.
        assert change.schools == () and not change.shared_part_changed
        assert change.paths == (SCHOOLS,)  # the file combines both sides; docs/x.md: main's
        first = commit_change(merge.parents[0])
        assert [s.school_id for s in first.schools] == ["th-a"]


def test_a_commit_repairing_a_broken_file_is_compared_with_the_last_readable_one(
    tmp_path: Path,
) -> None:
    import git as gitpython

    repo = init(tmp_path / "repo")
    a = school_yaml("th-a", "Trường Tiểu học A")
    b = school_yaml("th-b", "Trường Tiểu học B")
    contact = "    contact:\n      name: Nguyễn Văn A\n      role: Hiệu trưởng\n"
    commit(repo, {SCHOOLS: schools_file([a, b])}, "Đầu")
    commit(repo, {SCHOOLS: schools_file([a + contact + "  - id: [\n", b])}, "Lỡ tay")
    commit(repo, {SCHOOLS: schools_file([a + contact, b])}, "Sửa lại")
    with gitpython.Repo(repo) as handle:
        repaired = handle.head.commit
        broken = repaired.parents[0]
        inside = {repaired.hexsha, broken.hexsha}
        assert commit_change(broken, inside).schools == ()
        assert [s.school_id for s in commit_change(repaired, inside).schools] == ["th-a"]
