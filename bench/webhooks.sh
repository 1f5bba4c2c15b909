#!/usr/bin/env bash
# Webhook delivery benchmark on this machine, 127.0.0.1 only: a throwaway PostgreSQL (durable), the server on it with
# webhooks allowed to reach 127.0.0.1 over http (every other webhook setting at its default: PollInterval 1 s,
# MessagesPerPass 20), and bench/ActorSegments.WebhookBench, which alternates runs of the same ingest in fresh
# workspaces without and with a destination for every segment delivering to a receiver in its own process (verifying
# every signature). Per run: events/s and the server's CPU per 1,000 events (the cost of webhooks is the difference),
# and with the destination the changes and messages delivered per second (first event to last receipt), the lag of
# each change from its commit (the feed's logged_at, its transaction's start, read back with ListChanges) to its first
# receipt (p50, p99, max), and how long the backlog took to drain after ingest stopped. Medians in the last two rows.
# Usage: bench/webhooks.sh [runs=3] [seconds=20] [extra arguments for the bench, e.g. --concurrency 2 --webhook-batch 50]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=../scripts/lib/postgres.sh
source scripts/lib/postgres.sh
runs=${1:-3}
seconds=${2:-20}
shift $(($# < 2 ? $# : 2))
# shellcheck source=lib/server.sh
source bench/lib/server.sh

dotnet build -c Release bench/ActorSegments.WebhookBench >&2
bench_server_start hooks "--ActorSegments:Webhooks:AllowHttp=true" "--ActorSegments:Webhooks:AllowedNetworks:0=127.0.0.0/8"
ACTORSEGMENTS_API_KEY="$KEY" dotnet bench/ActorSegments.WebhookBench/bin/Release/net10.0/ActorSegments.WebhookBench.dll \
  --address "http://127.0.0.1:$GRPC_PORT" --cpu "server=$SERVER_PID" --runs "$runs" --duration "$seconds" "$@"
