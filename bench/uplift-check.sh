#!/usr/bin/env bash
# The uplift model on the synthetic randomized campaign (docs/ml.md, "## Uplift"): builds Release, runs
# bench/ActorSegments.UpliftCheck (generate the trial, train on 70% of its customers, evaluate on the rest against a
# plain propensity model and random targeting, measure the scoring cost), then bench/ml/qini_peer.py recomputes the
# Qini coefficient and uplift at k from the exported scores with numpy and fails on any difference above 1e-9.
# About a minute on 2 cores with the default 20,000 customers.
# Usage: bash bench/uplift-check.sh [--out DIR] [-- options of the check: --seed N --customers N --days N --treated-share X]
set -euo pipefail
cd "$(dirname "$0")/.."

out=""
if [ "${1:-}" = "--out" ]; then out="$2"; shift 2; fi
if [ "${1:-}" = "--" ]; then shift; fi
[ -n "$out" ] || out=$(mktemp -d -t actorsegments-uplift-check.XXXXXX)

python=/usr/bin/python3
if ! "$python" -c "import numpy" 2>/dev/null; then
  echo "[uplift-check] numpy is needed: apt-get install -y python3-numpy" >&2
  exit 1
fi

echo "[uplift-check] building" >&2
dotnet build -c Release -v quiet -nologo bench/ActorSegments.UpliftCheck >&2
dotnet bench/ActorSegments.UpliftCheck/bin/Release/net10.0/ActorSegments.UpliftCheck.dll --out "$out" "$@"
echo
echo "[uplift-check] numpy peer on $out" >&2
"$python" -B bench/ml/qini_peer.py "$out"
