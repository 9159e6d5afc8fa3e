#!/usr/bin/env bash
# Corpus-scale figures for the README: whole-process throughput of `sayso detect` on one and on
# every core, as files and as a JSONL stream, peak memory, and articles per hour. Needs a folder
# of articles (default: PolNeAR's training texts) and the release build.
#
#   scripts/corpus-scale.sh [DIR] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-../shared/data/polnear/train/text}
rounds=${2:-5}
sayso=target/release/sayso
[ -x "$sayso" ] || cargo build --release --locked
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$dir" "$work/in.jsonl" <<'PY'
import glob, json, os, sys
with open(sys.argv[2], "w", encoding="utf-8") as f:
    for p in sorted(glob.glob(os.path.join(sys.argv[1], "*.txt"))):
        f.write(json.dumps({"id": os.path.basename(p), "text": open(p, encoding="utf-8").read()}, ensure_ascii=False) + "\n")
PY
articles=$(wc -l < "$work/in.jsonl")
bytes=$(cat "$dir"/*.txt | wc -c)
best() { sort -n | head -1; }
measure() { # label, then the command; prints the best wall time of $rounds and the peak memory
    local label=$1; shift
    local times=() kb=0
    for _ in $(seq "$rounds"); do
        /usr/bin/time -f "%e %M" -o "$work/t" "$@" > /dev/null
        read -r t m < "$work/t"
        times+=("$t"); kb=$(( m > kb ? m : kb ))
    done
    local t; t=$(printf '%s\n' "${times[@]}" | best)
    python3 -c "b=$bytes; t=$t; n=$articles; print(f'$label: {t:.2f} s, {b/t/1e6:.1f} MB/s, {n/t*3600/1e6:.1f} M articles/hour, peak {$kb/1024:.0f} MB')"
}
echo "$articles articles, $((bytes / 1000)) KB"
measure "files, 1 thread " "$sayso" detect "$dir" --threads 1
measure "files, 2 threads" "$sayso" detect "$dir" --threads 2
measure "JSONL, 1 thread " sh -c "$sayso detect --jsonl --threads 1 < $work/in.jsonl"
measure "JSONL, 2 threads" sh -c "$sayso detect --jsonl --threads 2 < $work/in.jsonl"
