#!/usr/bin/env bash
# Short fuzzing pass: each cargo-fuzz target for FUZZ_SECONDS (default 30) from the committed
# corpus. The fuzz crate builds without the GUI; RUSTC_BOOTSTRAP lets the stable toolchain take
# the sanitizer flags cargo-fuzz passes.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-30}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked --version 0.13.2
export RUSTC_BOOTSTRAP=1
cargo fuzz build -O
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for target in $(cargo fuzz list); do
    mkdir -p "$work/$target"
    # New inputs go to the scratch folder; the committed corpus is only read.
    if ! cargo fuzz run -O "$target" "$work/$target" "fuzz/corpus/$target" -- \
        -max_total_time="$seconds" -print_final_stats=1 >"$work/$target.log" 2>&1; then
        tail -50 "$work/$target.log"
        echo "fuzz: $target failed" >&2
        exit 1
    fi
    echo "fuzz: $target $(grep -o 'number_of_executed_units: *[0-9]*' "$work/$target.log" | grep -o '[0-9]*$') runs in ${seconds}s, no crash"
done
