#!/usr/bin/env bash
# The JSONL stream under GNU parallel: `parallel --pipe -k sayso detect --jsonl` must give exactly
# what one process gives. Uses the release build; installs GNU parallel when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
sayso=target/release/sayso
[ -x "$sayso" ] || cargo build --release --locked
command -v parallel >/dev/null || { apt-get update -qq && apt-get install -y -qq parallel >/dev/null; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# 300 articles: the sample under other names, one JSON line each, with fields to pass through.
python3 - "$work/in.jsonl" <<'PY'
import json, sys
sample = open("assets/sample-article.txt", encoding="utf-8").read()
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for i in range(300):
        text = sample.replace("Gessler", f"Gessler{i}")
        f.write(json.dumps({"id": f"a{i}", "outlet": "Wire", "text": text}, ensure_ascii=False) + "\n")
PY
"$sayso" detect --jsonl < "$work/in.jsonl" > "$work/one.jsonl"
parallel --will-cite --pipe -k "$sayso" detect --jsonl --threads 1 < "$work/in.jsonl" > "$work/parallel.jsonl"
cmp "$work/one.jsonl" "$work/parallel.jsonl"
[ "$(wc -l < "$work/one.jsonl")" -eq 300 ]
echo "stream: 300 articles, GNU parallel output identical to one process"
