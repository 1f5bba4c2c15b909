#!/usr/bin/env bash
# Erasure benchmark on this machine, 127.0.0.1 only: a throwaway PostgreSQL (durable), the server on it, and
# bench/ActorSegments.ErasureBench, which per run seeds customers (5 events and an identify call each, in 3 segments)
# into a fresh workspace and erases every one of them with DeleteCustomer from a fixed number of callers, then checks
# the segment counts reached zero. Per run: erasures per second (first call to last answer) and per-call latency (p50,
# p99); the median run last.
# Usage: bench/erasures.sh [runs=3] [customers=2000] [extra arguments for the bench, e.g. --concurrency 16]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=../scripts/lib/postgres.sh
source scripts/lib/postgres.sh
runs=${1:-3}
customers=${2:-2000}
shift $(($# < 2 ? $# : 2))
# shellcheck source=lib/server.sh
source bench/lib/server.sh

dotnet build -c Release bench/ActorSegments.ErasureBench >&2
bench_server_start erasures
ACTORSEGMENTS_API_KEY="$KEY" dotnet bench/ActorSegments.ErasureBench/bin/Release/net10.0/ActorSegments.ErasureBench.dll \
  --address "http://127.0.0.1:$GRPC_PORT" --runs "$runs" --customers "$customers" "$@"
