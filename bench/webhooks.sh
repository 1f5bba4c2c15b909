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
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

work=$(mktemp -d "${TMPDIR:-/tmp}/actorsegments-webhooks.XXXXXX")
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  pg_stop
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 143' INT TERM

dotnet build -c Release src/ActorSegments.Server -o "$work/server" >&2
dotnet build -c Release bench/ActorSegments.WebhookBench >&2
KEY="hooks-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"

PG_EXTRA_OPTIONS="-c shared_buffers=512MB -c max_wal_size=4GB" pg_start >/dev/null
grpc=$(pg__pick_port); silo=$(pg__pick_port); http=$((grpc + 1))
# The key through the environment, not the command line (readable by any local user in ps and /proc/PID/cmdline).
ActorSegments__Auth__BootstrapKey="$KEY" dotnet "$work/server/ActorSegments.Server.dll" "--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:$grpc" \
  "--Kestrel:Endpoints:Http:Url=http://127.0.0.1:$http" "--ActorSegments:Cluster:SiloPort=$silo" \
  "--ActorSegments:Postgres:ConnectionString=$PG_CONNECTION_STRING" \
  "--ActorSegments:Webhooks:AllowHttp=true" "--ActorSegments:Webhooks:AllowedNetworks:0=127.0.0.0/8" \
  "--Logging:LogLevel:Default=Warning" >"$work/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 240); do curl -sf "http://127.0.0.1:$http/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$http/healthz" >/dev/null || { tail -40 "$work/server.log" >&2; exit 1; }

ACTORSEGMENTS_API_KEY="$KEY" dotnet bench/ActorSegments.WebhookBench/bin/Release/net10.0/ActorSegments.WebhookBench.dll \
  --address "http://127.0.0.1:$grpc" --cpu "server=$SERVER_PID" --runs "$runs" --duration "$seconds" "$@"
