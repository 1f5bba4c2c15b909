#!/usr/bin/env bash
# Identity links benchmark on this machine, 127.0.0.1 only: a throwaway PostgreSQL (durable), the server on it, and
# bench/ActorSegments.AliasBench, which per run fills a fresh workspace (each anonymous id with N purchases, each known
# id with one purchase and an identify call; two segments) and then links every pair with Alias from a closed loop of
# callers. Per run: customers merged per second, Alias latency p50/p99, links applied and events moved; medians last.
# Usage: bench/alias.sh [runs=3] [pairs=1000] [extra arguments for the bench, e.g. --concurrency 16 --events 20]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=../scripts/lib/postgres.sh
source scripts/lib/postgres.sh
runs=${1:-3}
pairs=${2:-1000}
shift $(($# < 2 ? $# : 2))
# shellcheck source=lib/server.sh
source bench/lib/server.sh
bench_server_start alias
dotnet build -c Release bench/ActorSegments.AliasBench >&2

ACTORSEGMENTS_API_KEY="$KEY" dotnet bench/ActorSegments.AliasBench/bin/Release/net10.0/ActorSegments.AliasBench.dll \
  --address "http://127.0.0.1:$GRPC_PORT" --runs "$runs" --pairs "$pairs" "$@"
