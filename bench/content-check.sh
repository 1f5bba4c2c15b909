#!/usr/bin/env bash
# Content-based recommendations on the UCI Online Retail time split (docs/ml.md, "Content-based recommendations"):
# builds Release, runs bench/ActorSegments.MlCheck content (content-based, item-to-item and popularity, overall and by
# segment), then bench/ml/content_peer.py (scikit-learn) on the exact rows it exported. About a minute on 2 cores.
# Usage: bash bench/content-check.sh [--data PATH] [--out DIR]
#   --cost  instead: training and scoring cost on the retail-sized and a 100,000-item synthetic catalog, of the
#           content model (content-cost) and of the hybrid recommender (hybrid-cost, 10,000 customers; a few minutes)
set -euo pipefail
cd "$(dirname "$0")/.."

data="../shared/data/online-retail/online-retail.csv.gz"
out=""
cost=false
while [ $# -gt 0 ]; do
  case "$1" in
    --data) data="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --cost) cost=true; shift ;;
    *) echo "usage: bash bench/content-check.sh [--data PATH] [--out DIR] [--cost]" >&2; exit 2 ;;
  esac
done
[ -n "$out" ] || out=$(mktemp -d -t actorsegments-content-check.XXXXXX)

echo "[content-check] building" >&2
dotnet build -c Release -v quiet -nologo bench/ActorSegments.MlCheck >&2
dll=bench/ActorSegments.MlCheck/bin/Release/net10.0/ActorSegments.MlCheck.dll
if $cost; then
  for items in 3665 100000; do
    /usr/bin/time -f "peak resident memory %M KB" dotnet "$dll" content-cost "$items" 2000
  done
  for items in 3665 100000; do
    /usr/bin/time -f "peak resident memory %M KB" dotnet "$dll" hybrid-cost "$items" 10000
  done
  exit 0
fi

dotnet "$dll" content --data "$data" --out "$out"
echo "[content-check] scikit-learn peer on $out" >&2
/usr/bin/python3 -B bench/ml/content_peer.py "$out"
