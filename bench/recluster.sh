#!/usr/bin/env bash
# AI-cohort recluster end to end (read features, cluster, assign, save, push to customers) against a throwaway
# PostgreSQL on 127.0.0.1 with durable settings. Usage: bench/recluster.sh [--customers 100000,1000000] [--runs 3]
# Per size and run: N synthetic feature rows are written (setup), then three refreshes are measured — the first
# (every customer pushed), one with no data changed, one after 5% of rows were rewritten. Prints a markdown table of
# medians and one of the stages; progress goes to stderr. Bounded: at most 2,000,000 customers per size, and the whole
# run stops after --timeout minutes (default 120).
set -euo pipefail
cd "$(dirname "$0")/.."
customers=100000,1000000
runs=3
timeout_minutes=120
while [ $# -gt 0 ]; do
  case "$1" in
    --customers) customers=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --timeout) timeout_minutes=$2; shift 2 ;;
    *) echo "unknown option $1 (--customers, --runs, --timeout)" >&2; exit 2 ;;
  esac
done
for n in ${customers//,/ }; do
  if ! [[ $n =~ ^[0-9]+$ ]] || [ "$n" -lt 100 ] || [ "$n" -gt 2000000 ]; then
    echo "--customers: each size must be a whole number from 100 to 2,000,000 (got '$n')" >&2; exit 2
  fi
done
# shellcheck source=../scripts/lib/postgres.sh
source scripts/lib/postgres.sh
# Durable settings, as in production and bench/cluster.sh: fsync and synchronous commit on.
PG_EXTRA_OPTIONS="-c shared_buffers=512MB -c max_wal_size=4GB" pg_start
trap pg_stop EXIT
dotnet build -c Release -v quiet --nologo bench/ActorSegments.ClusterBench >&2
timeout "${timeout_minutes}m" dotnet bench/ActorSegments.ClusterBench/bin/Release/net10.0/ActorSegments.ClusterBench.dll \
  --postgres "$PG_CONNECTION_STRING" --only recluster --customers "$customers" --runs "$runs"
