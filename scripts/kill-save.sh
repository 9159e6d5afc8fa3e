#!/usr/bin/env bash
# Crash safety, measured: starts headless saves of a large project and kills them with SIGKILL
# at random moments. After every kill the project file must be the complete old version or the
# complete new one, and must load.
#
# Usage: scripts/kill-save.sh [RUNS] (default 100). Needs target/release/sayso (built if absent).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-100}
[ -x target/release/sayso ] || cargo build --release --locked --quiet
sayso=$PWD/target/release/sayso
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Two large articles that differ, so the old and new project differ too.
for _ in $(seq 40); do cat assets/sample-article.txt; echo; done >"$work/a.txt"
{ cat "$work/a.txt"; echo "A closing paragraph, added later."; } >"$work/b.txt"
"$sayso" annotate "$work/a.txt" --out "$work/old.ron" >/dev/null
"$sayso" annotate "$work/b.txt" --out "$work/new.ron" >/dev/null
old=$(sha256sum <"$work/old.ron" | cut -d' ' -f1)
new=$(sha256sum <"$work/new.ron" | cut -d' ' -f1)
[ "$old" != "$new" ]

# How long one save takes; kills land in its later part, where the file is written.
start=$(date +%s%N)
cp "$work/old.ron" "$work/p.ron"
"$sayso" annotate "$work/b.txt" --out "$work/p.ron" >/dev/null
span_us=$((($(date +%s%N) - start) / 1000 * 11 / 10))

kept_old=0 got_new=0 mid_write=0 bad=0
for i in $(seq "$runs"); do
    cp "$work/old.ron" "$work/p.ron"
    "$sayso" annotate "$work/b.txt" --out "$work/p.ron" >/dev/null 2>&1 &
    pid=$!
    delay_us=$((span_us * 3 / 10 + (RANDOM * 32768 + RANDOM) % (span_us * 7 / 10)))
    sleep "$(printf '0.%06d' "$delay_us")"
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    if compgen -G "$work/.p.ron.*.tmp" >/dev/null; then
        mid_write=$((mid_write + 1))
        rm -f "$work"/.p.ron.*.tmp
    fi
    got=$(sha256sum <"$work/p.ron" | cut -d' ' -f1)
    if [ "$got" = "$old" ]; then
        kept_old=$((kept_old + 1))
    elif [ "$got" = "$new" ]; then
        got_new=$((got_new + 1))
    else
        bad=$((bad + 1))
        echo "run $i: project file is neither version" >&2
    fi
    if ! "$sayso" check "$work/p.ron" >/dev/null 2>&1; then
        bad=$((bad + 1))
        echo "run $i: project file does not load" >&2
    fi
done
echo "kill-save: $runs SIGKILLs over ${span_us} us saves ($(wc -c <"$work/new.ron") bytes): old version $kept_old, new version $got_new, killed mid-write $mid_write, damaged $bad"
[ "$bad" -eq 0 ]
