#!/usr/bin/env bash
# How far collaborative filtering can go on the Online Retail time split (docs/ml.md, "What limits precision here"):
# numpy/scipy re-implementations of EASE, RP3beta, user-kNN and implicit ALS, each at the settings chosen on the
# validation split (bench/ml/exploration/chosen.json, from the grids in the same folder), a rank fusion of the best
# two, each compared customer by customer with the service's model; then ceilings (an oracle limited to items sold
# before the split, hindsight popularity). Python only: nothing of the service runs. About 2 minutes on 2 cores.
# Usage: bash bench/recommendation-ceiling.sh [--data PATH]   (intermediate files in $RECOMMENDATION_EXPLORATION_DIR)
#   --grids  instead: rerun the validation grids that chose the settings (an hour or more)
set -euo pipefail
cd "$(dirname "$0")/.."

export ONLINE_RETAIL_CSV="$PWD/../shared/data/online-retail/online-retail.csv.gz"
grids=false
while [ $# -gt 0 ]; do
  case "$1" in
    --data) ONLINE_RETAIL_CSV="$(realpath "$2")"; shift 2 ;;
    --grids) grids=true; shift ;;
    *) echo "usage: bash bench/recommendation-ceiling.sh [--data PATH] [--grids]" >&2; exit 2 ;;
  esac
done
export RECOMMENDATION_EXPLORATION_DIR="${RECOMMENDATION_EXPLORATION_DIR:-$(mktemp -d -t actorsegments-recommendation-exploration.XXXXXX)}"
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
python=/usr/bin/python3
cd bench/ml/exploration
if $grids; then
  for script in ease_grid.py ease_kept.py rp3_uknn.py rp3_ext.py; do "$python" -B "$script"; done
  "$python" -B als.py val 64,50,10,120,12 128,50,10,120,12 200,50,10,120,12
  exit 0
fi

for script in baseline_check.py final.py ceiling.py hindsight.py recentpop.py; do
  echo "## $script" && "$python" -B "$script"
done
