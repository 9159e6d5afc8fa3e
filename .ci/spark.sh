#!/usr/bin/env bash
# The JSONL stream under Apache Spark: `rdd.pipe("sayso detect --jsonl")` over a corpus must give
# every article back once, with the same result as one direct run. Uses the release build;
# installs a headless JRE and PySpark when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
sayso=$PWD/target/release/sayso
[ -x "$sayso" ] || cargo build --release --locked
command -v java >/dev/null || { apt-get update -qq && apt-get install -y -qq default-jre-headless >/dev/null; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q pyspark
# 400 articles: the sample under other names, and saved pages, with fields to pass through.
python3 - "$work/in.jsonl" <<'PY'
import glob, json, sys
sample = open("assets/sample-article.txt", encoding="utf-8").read()
pages = [open(p, encoding="utf-8").read() for p in sorted(glob.glob("tests/fixtures/web/*-*.html")) if "latin1" not in p]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for i in range(400):
        line = {"id": f"a{i}", "outlet": "Wire"}
        if i % 10 == 0:
            line["html"] = pages[i // 10 % len(pages)]
        else:
            line["text"] = sample.replace("Gessler", f"Gessler{i}")
        f.write(json.dumps(line, ensure_ascii=False) + "\n")
PY
"$sayso" detect --jsonl < "$work/in.jsonl" > "$work/direct.jsonl"
"$work/venv/bin/python" pkg/spark/sayso_spark.py "$work/in.jsonl" "$work/out" --master 'local[2]' \
    --partitions 4 --sayso "$sayso" 2> "$work/spark.log" || { tail -40 "$work/spark.log"; exit 1; }
python3 - "$work/direct.jsonl" "$work"/out/part-* <<'PY'
import json, sys
direct = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
spark = [json.loads(l) for p in sys.argv[2:] for l in open(p, encoding="utf-8")]
ids = [r["id"] for r in spark]
assert len(ids) == len(set(ids)) == len(direct) == 400, (len(ids), len(set(ids)), len(direct))
by_id = {r["id"]: r for r in spark}
# An error line's "line" counts lines of the input one process read: under Spark, its partition's.
same = lambda a, b: {k: v for k, v in a.items() if k != "line"} == {k: v for k, v in b.items() if k != "line"}
different = [r["id"] for r in direct if not same(by_id[r["id"]], r)]
assert not different, f"results differ for {different[:5]}"
errors = sum("error" in r for r in spark)
print(f"spark: {len(spark)} articles over 4 partitions on local[2], each once, identical to a direct run ({errors} refused pages)")
PY
