#!/usr/bin/env bash
# Recommendation training time and memory on synthetic catalogs (docs/benchmarks.md, "Recommendations: training
# time and memory"): item-kNN and EASE, 20 neighbors per item, λ 1000, one process per training. EASE is allowed up to
# EASE_LIMIT items (default 10000, to measure it there; the service's default limit is 5000), item-kNN above.
# Usage: [EASE_LIMIT=N] bash bench/recommendation-scale.sh [ITEMS ...]   (default 3700 10000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(3700 10000 100000)
dotnet build -c Release -v quiet -nologo bench/ActorSegments.RecommendationScale >&2
bench=bench/ActorSegments.RecommendationScale/bin/Release/net10.0/ActorSegments.RecommendationScale.dll
echo "| items | purchases | asked | trained | time | allocated | peak working set above start | model |"
echo "|---|---|---|---|---|---|---|---|"
for items in "${sizes[@]}"; do
  for method in knn ease; do
    dotnet "$bench" "$items" "$method" 20 1000 "${EASE_LIMIT:-10000}"
  done
done
