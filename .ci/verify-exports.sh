#!/usr/bin/env bash
# Checks every export of the fixture project with the real readers (spaCy, a strict brat parser,
# Python's csv module, the Label Studio rules of formats.md). See scripts/verify_exports.py.
#
# Environment:
#   SAYSO_EXPORT_CMD   the export command (default: build and use `target/release/sayso export`)
#   SAYSO_VERIFY_VENV  where the Python venv lives (default: target/verify-venv, reused if present)
set -euo pipefail
cd "$(dirname "$0")/.."

venv="${SAYSO_VERIFY_VENV:-target/verify-venv}"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check -r scripts/requirements-verify.txt

if [ -z "${SAYSO_EXPORT_CMD:-}" ]; then
    cargo build --release --quiet --bin sayso
    SAYSO_EXPORT_CMD="target/release/sayso export"
fi

"$venv/bin/python" scripts/verify_exports.py \
    --fixture tests/fixtures/export_project.ron \
    --export-cmd "$SAYSO_EXPORT_CMD"
