#!/usr/bin/env bash
# `sayso agree` checked against the reference implementations: Cohen's κ (scikit-learn) and
# Krippendorff's α (the `krippendorff` package) computed from the token labels `--units` writes,
# for two PolNeAR annotators of the same texts. Uses the release build; installs the Python
# packages into a venv under target/.
set -euo pipefail
cd "$(dirname "$0")/.."
sayso=$PWD/target/release/sayso
[ -x "$sayso" ] || cargo build --release --locked
polnear=../shared/data/polnear/train
[ -d "$polnear" ] || { echo "agree: no PolNeAR at $polnear, check skipped"; exit 0; }
venv=target/agree-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q krippendorff scikit-learn
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$sayso" -q import "$polnear" --format brat --out "$work/train.ron"
"$sayso" agree "$work/train.4b22.ron" "$work/train.4e07.ron" --json --units "$work/units.jsonl" > "$work/agree.json"
"$venv/bin/python" - "$work/agree.json" "$work/units.jsonl" <<'PY'
import json, sys
import krippendorff
from sklearn.metrics import cohen_kappa_score
report = json.load(open(sys.argv[1]))
ours = {k["kind"]: k for k in report["overall"]["kinds"]}
checked = 0
for line in open(sys.argv[2]):
    u = json.loads(line)
    kappa = cohen_kappa_score(u["a"], u["b"])
    alpha = krippendorff.alpha(reliability_data=[u["a"], u["b"]], level_of_measurement="nominal")
    mine = ours[u["kind"]]
    assert abs(mine["kappa"] - kappa) < 1e-9, (u["kind"], mine["kappa"], kappa)
    assert abs(mine["alpha"] - alpha) < 1e-9, (u["kind"], mine["alpha"], alpha)
    print(f"agree: {u['kind']}: κ {kappa:.4f}, α {alpha:.4f} over {len(u['a'])} tokens — the same as sayso's")
    checked += 1
assert checked >= 3, checked
PY
