#!/usr/bin/env bash
# End-to-end benchmark of customers on a co-hosted silo against a throwaway PostgreSQL on 127.0.0.1.
# Usage: bench/cluster.sh [--scale 0.1]     (prints a markdown table; progress goes to stderr)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=../scripts/lib/postgres.sh
source scripts/lib/postgres.sh
# Durable settings for the benchmark: fsync and synchronous commit on, as in production.
PG_EXTRA_OPTIONS="-c shared_buffers=512MB -c max_wal_size=4GB" pg_start
trap pg_stop EXIT
dotnet run -c Release --project bench/ActorSegments.ClusterBench -- --postgres "$PG_CONNECTION_STRING" "$@"
