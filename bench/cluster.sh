#!/usr/bin/env bash
# End-to-end benchmark of customers on a co-hosted silo against a throwaway PostgreSQL on 127.0.0.1.
# Usage: bench/cluster.sh [--scale 0.1] [--runs 3] [--segments true|false]
#                         [--only journal,heap,batched,unary,wake,backfill,memory,million,experiments] [--customers N]
# Prints a markdown table; progress goes to stderr. Throughput rows are the median (min–max) of --runs runs, each on
# fresh customers; ingest runs with the workload's 50 segments live unless --segments false. The million scenario
# runs only when --only names it: a million customers at --scale 1 need about 8 GB of heap and, extrapolated from
# --scale 0.02, some 20 minutes on two cores (two thirds of it the ingest); --scale 0.02 for a smoke run. The
# experiments scenario (also only when named) writes the totals of --customers customers and times reading the results.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=../scripts/lib/postgres.sh
source scripts/lib/postgres.sh
# Durable settings for the benchmark: fsync and synchronous commit on, as in production.
PG_EXTRA_OPTIONS="-c shared_buffers=512MB -c max_wal_size=4GB" pg_start
trap pg_stop EXIT
dotnet run -c Release --project bench/ActorSegments.ClusterBench -- --postgres "$PG_CONNECTION_STRING" "$@"
