#!/usr/bin/env bash
# The whole set-up on a fresh machine (Debian, Python 3.11):
#   bash run.sh serve   install what is missing into .venv, serve at http://127.0.0.1:8000
#   bash run.sh test    install what is missing, lint, type-check, build strictly, run every test
#   bash run.sh validate [--format github] [FILE …]   check the data files only
#   bash run.sh review BASE HEAD [--author LOGIN | --pr N | --commits-json FILE] [--summary FILE]
#                 [--repo DIR]   the pull-request check, with BASE's checker (see below)
#   bash run.sh properdocs   build the site with ProperDocs instead of MkDocs (.venv-properdocs)
# .ci/run calls `bash run.sh test`.
set -euo pipefail

CALLER_DIR=$PWD  # where the command was typed: file names given to `review` are relative to it
cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$PWD
VENV="$ROOT/.venv"
PY="${PYTHON:-python3}"
export NO_MKDOCS_2_WARNING=1 PIP_DISABLE_PIP_VERSION_CHECK=1

say() { printf '\n==> %s\n' "$*"; }

ensure_venv() {
  if [ ! -x "$VENV/bin/python" ]; then
    say "Tạo môi trường Python (.venv)"
    if ! "$PY" -m venv "$VENV"; then
      echo "Không tạo được .venv. Trên Debian, cài gói python3-venv: apt-get install python3-venv" >&2
      exit 1
    fi
  fi
  # Reinstall only when a requirements file or pyproject.toml (the plugins' entry points)
  # changed since the last install.
  local stamp="$VENV/.requirements.sha256" want
  want=$(cat requirements.txt requirements-dev.txt constraints.txt pyproject.toml | sha256sum | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    say "Cài các gói Python (requirements-dev.txt, constraints.txt)"
    "$VENV/bin/python" -m pip install --quiet -r requirements-dev.txt -c constraints.txt
    # The project itself, editable: its MkDocs plugins (dvk_mkdocs/) and the core (scripts/)
    # are imported from this folder, so an edit needs no reinstall (only a restart of serve).
    say "Cài plugin của dự án (pip install -e . --no-deps)"
    "$VENV/bin/python" -m pip install --quiet --no-deps -e .
    echo "$want" >"$stamp"
  fi
}

ensure_chromium() {
  export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
  [ -x "$CHROMIUM" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "Cài Chromium của Debian cho các kiểm thử trên trình duyệt"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    cat >&2 <<MSG
Thiếu trình duyệt Chromium cho các kiểm thử trên trình duyệt.
Cài bằng quyền quản trị:  sudo apt-get install chromium
(hoặc đặt biến CHROMIUM trỏ tới tệp chạy Chromium đã có).
MSG
    exit 1
  fi
}

case "${1:-}" in
  serve)
    ensure_venv
    say "Mở http://127.0.0.1:8000 — trang tự tải lại khi sửa docs/ hoặc data/ (Ctrl+C để dừng)"
    exec "$VENV/bin/mkdocs" serve --dev-addr 127.0.0.1:8000 "${@:2}"
    ;;
  test)
    ensure_venv
    ensure_chromium
    say "Kiểm tra mã (ruff)"
    "$VENV/bin/ruff" check .
    "$VENV/bin/ruff" format --check .
    say "Kiểm tra kiểu (mypy: scripts/, dvk_mkdocs/)"
    "$VENV/bin/mypy"
    say "Dựng trang (mkdocs build --strict)"
    # A test build, for a test address that exists nowhere (.invalid): with CI set, a build
    # for a local address (127.0.0.1) is refused, since its QR codes and exports would point
    # to a dead address. The publishing workflow gives the real address in SITE_URL.
    SITE_URL="${SITE_URL:-https://vi-du.invalid/}" "$VENV/bin/mkdocs" build --strict --quiet
    say "Chạy kiểm thử (pytest)"
    set +e
    "$VENV/bin/python" -m pytest "${@:2}"
    status=$?
    set -e
    # pytest's 5 means "no test ran": that is a failure here, never a pass.
    exit "$status"
    ;;
  properdocs)
    # ProperDocs, the maintained fork of MkDocs 1.x, in a venv of its own: the same
    # mkdocs.yml, plugins and theme must build the same site (README, "ProperDocs").
    PD="$ROOT/.venv-properdocs"
    [ -x "$PD/bin/python" ] || "$PY" -m venv "$PD"
    "$PD/bin/python" -m pip install --quiet -r requirements-properdocs.txt -c constraints.txt
    "$PD/bin/python" -m pip install --quiet --no-deps -e .
    say "Dựng trang bằng ProperDocs (properdocs build --strict) vào site-properdocs/"
    exec "$PD/bin/properdocs" build --strict --quiet -d site-properdocs "${@:2}"
    ;;
  validate)
    ensure_venv
    exec "$VENV/bin/python" -m scripts.cli validate "${@:2}"
    ;;
  review)
    # The pull-request check, as the workflow runs it: BASE's own checker (its scripts/ and
    # schemas/, from a separate export of the BASE commit) reads HEAD's files from git, so a
    # change that edits the checker is judged by the checker as it was before the change.
    ensure_venv
    if [ $# -lt 3 ]; then
      echo "Cách dùng: bash run.sh review BASE HEAD [--author TÀI_KHOẢN | --pr SỐ | --commits-json TỆP] [--summary TỆP] [--repo THƯ_MỤC]" >&2
      exit 2
    fi
    base=$2 head=$3
    shift 3
    repo=$(cd "$CALLER_DIR" && git rev-parse --show-toplevel 2>/dev/null || echo "$ROOT")
    args=()
    while [ $# -gt 0 ]; do
      case "$1" in
        # Named relative to where the command was typed: the checker runs elsewhere.
        --repo) repo=$(cd "$CALLER_DIR" && cd "$2" && pwd); shift 2 ;;
        --summary | --commits-json) args+=("$1" "$(cd "$CALLER_DIR" && realpath -m -- "$2")"); shift 2 ;;
        *) args+=("$1"); shift ;;
      esac
    done
    if ! base_sha=$(git -C "$repo" rev-parse --verify --quiet "$base^{commit}"); then
      echo "Không tìm thấy phiên bản “$base” trong git ($repo)." >&2
      exit 2
    fi
    checker=$(mktemp -d)
    trap 'rm -rf "$checker"' EXIT
    git -C "$repo" archive --format=tar "$base_sha" scripts schemas | tar -x -C "$checker"
    cd "$checker"
    set +e
    # Only the exported checker: the editable install of this folder (pip install -e .)
    # is taken off the import machinery, so no module can come from the working tree.
    DVK_CHECKER="$checker" PYTHONPATH="$checker" "$VENV/bin/python" -c '
import os, runpy, sys
sys.meta_path[:] = [f for f in sys.meta_path if not getattr(f, "__module__", "").startswith("__editable__")]
import scripts
assert os.path.dirname(os.path.dirname(scripts.__file__)) == os.environ["DVK_CHECKER"], scripts.__file__
runpy.run_module("scripts.cli", run_name="__main__", alter_sys=True)
' diff --repo "$repo" "$base_sha" "$head" "${args[@]}"
    status=$?
    set -e
    exit "$status"
    ;;
  *)
    echo "Cách dùng: bash run.sh serve | bash run.sh test [tham số pytest] | bash run.sh validate [TỆP …] | bash run.sh review BASE HEAD [--author TÀI_KHOẢN] | bash run.sh properdocs" >&2
    exit 2
    ;;
esac
