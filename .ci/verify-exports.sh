#!/usr/bin/env bash
# Checks every export of the fixture project, and of the seed article's two wire reports as a
# two-document project with its statements reported twice, with the real readers (spaCy, a strict
# brat parser, Python's csv module, the Label Studio rules of formats.md). See
# scripts/verify_exports.py.
#
# Environment:
#   SAYSO_BIN          the sayso binary (default: build and use `target/release/sayso`)
#   SAYSO_VERIFY_VENV  where the Python venv lives (default: target/verify-venv, reused if present)
set -euo pipefail
cd "$(dirname "$0")/.."

venv="${SAYSO_VERIFY_VENV:-target/verify-venv}"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check -r scripts/requirements-verify.txt

if [ -z "${SAYSO_BIN:-}" ]; then
    cargo build --release --quiet --bin sayso
    SAYSO_BIN="target/release/sayso"
fi

two="$(mktemp -d)"
trap 'rm -rf "$two"' EXIT
csplit --quiet --prefix "$two/report" tests/fixtures/aleppo-lavrov.txt '/^Russia, US military experts/'
mv "$two/report00" "$two/sputnik.txt"
mv "$two/report01" "$two/tass.txt"
"$SAYSO_BIN" annotate --quiet --out "$two/two-reports.ron" "$two/sputnik.txt" "$two/tass.txt"
grep -q 'statement: Some(' "$two/two-reports.ron" || { echo "the two reports share no statement" >&2; exit 1; }

"$venv/bin/python" scripts/verify_exports.py \
    --fixture tests/fixtures/export_project.ron \
    --fixture "$two/two-reports.ron" \
    --export-cmd "$SAYSO_BIN export"
