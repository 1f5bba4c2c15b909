#!/usr/bin/env bash
# Verifies the project's ML on the UCI Online Retail data against scikit-learn (docs/ml.md, "Verification on the
# Online Retail data"): builds Release, runs bench/ActorSegments.MlCheck (cohorts, propensity, recommendations), then
# bench/ml/sklearn_peer.py on the exact rows it exported. The check takes a few minutes on 2 cores (EASE's inverses among
# them); the peer, which fits scikit-learn's models many times and inverts with Debian's reference BLAS, several more.
# Usage: bash bench/ml-check.sh [--data PATH] [--out DIR] [--quick]
#   --data  the Online Retail CSV (default ../shared/data/online-retail/online-retail.csv.gz beside the repository)
#   --out   where the rows for scikit-learn go (default a fresh temporary directory)
#   --quick one customer in eight (a smoke test)
set -euo pipefail
cd "$(dirname "$0")/.."

data="../shared/data/online-retail/online-retail.csv.gz"
out=""
quick=()
while [ $# -gt 0 ]; do
  case "$1" in
    --data) data="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --quick) quick=(--quick); shift ;;
    *) echo "usage: bash bench/ml-check.sh [--data PATH] [--out DIR] [--quick]" >&2; exit 2 ;;
  esac
done
[ -n "$out" ] || out=$(mktemp -d -t actorsegments-ml-check.XXXXXX)

python=/usr/bin/python3
if ! "$python" -c "import sklearn, pandas" 2>/dev/null; then
  echo "[ml-check] scikit-learn and pandas are needed: apt-get install -y python3-sklearn python3-pandas" >&2
  exit 1
fi

echo "[ml-check] building" >&2
dotnet build -c Release -v quiet -nologo bench/ActorSegments.MlCheck >&2
dotnet bench/ActorSegments.MlCheck/bin/Release/net10.0/ActorSegments.MlCheck.dll --data "$data" --out "$out" "${quick[@]}"
echo "[ml-check] scikit-learn peer on $out" >&2
"$python" -B bench/ml/sklearn_peer.py "$out" --data "$data"
