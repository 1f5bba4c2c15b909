#!/usr/bin/env bash
# End-to-end load test of the real server, as separate processes on 127.0.0.1: builds, starts a throwaway PostgreSQL
# (durable settings: fsync and synchronous commit on), starts the server on it, drives it over gRPC with
# bench/ActorSegments.Load, then does the same batch scenario against a dev-mode (in-memory) server. On PostgreSQL,
# in this order: the raw binary COPY of the batch scenario's events as journal rows and the duplicates-only run (the
# two baselines every later durable row is read against, passed on in a small JSON file), durable batch with
# open-loop latency at 50% of its maximum, stream, unary, batch again with two followers tailing a busy segment's
# change feed (lag), and an export of the largest segment's members. Everything started here is stopped on exit.
# Markdown tables go to stdout, progress to stderr.
# Usage: bench/load.sh [--quick] [--export-customers N] [--overload]
#   --quick                 every scenario kind once and small, to check the script works
#   --export-customers N    also fill a fresh segment with N customers (one event each, at most 10 minutes) on the
#                           durable server and export it (e.g. 1000000)
#   --overload              only the overload comparison (about 30 minutes; with --quick a few): on PostgreSQL, the
#                           server with admission control off (every call queued, as before it existed), then a fresh
#                           server with it on (the defaults), each offered 1x, 2x and 5x the capacity measured on the
#                           first (TrackBatch of 200 events over 40 HTTP/2 connections, 30 s deadline, no retries) and
#                           a burst of 3,000 calls at once
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
# shellcheck source=../scripts/lib/postgres.sh
source scripts/lib/postgres.sh

quick=false
export_customers=0
overload=false
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=true; shift ;;
    --export-customers) export_customers="${2:?--export-customers needs a number}"; shift 2 ;;
    --overload) overload=true; shift ;;
    *) echo "unknown argument: $1 (usage: bench/load.sh [--quick] [--export-customers N] [--overload])" >&2; exit 2 ;;
  esac
done
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log() { printf '[load] %s\n' "$*" >&2; }

# A fresh bootstrap key for this run only: it may create workspaces, which every run of the generator does.
KEY="load-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
SERVER_PID=""
SERVER_LOG=""
# The baseline medians (raw COPY, empty grain) the durable invocations pass on to each other.
BASELINES=$(mktemp "${TMPDIR:-/tmp}/actorsegments-load-baselines.XXXXXX")

server_stop() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" && wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}

cleanup() { server_stop; pg_stop; rm -f "$BASELINES"; }
trap cleanup EXIT
trap 'exit 143' INT TERM

# Starts the built server with the given extra settings and waits until /healthz answers; sets GRPC_URL.
server_start() {
  local ports silo http
  ports=$(pg__pick_port)
  silo=$(pg__pick_port)
  http=$((ports + 1))
  GRPC_URL="http://127.0.0.1:$ports"
  SERVER_LOG=$(mktemp "${TMPDIR:-/tmp}/actorsegments-load-server.XXXXXX")
  # The key through the environment, not the command line (readable by any local user in ps and /proc/PID/cmdline).
  ActorSegments__Auth__BootstrapKey="$KEY" dotnet "$root/src/ActorSegments.Server/bin/Release/net10.0/ActorSegments.Server.dll" \
    "--Kestrel:Endpoints:Grpc:Url=$GRPC_URL" "--Kestrel:Endpoints:Http:Url=http://127.0.0.1:$http" \
    "--ActorSegments:Cluster:SiloPort=$silo" "--Logging:LogLevel:Default=Warning" "$@" >"$SERVER_LOG" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 240); do
    if curl -sf "http://127.0.0.1:$http/healthz" >/dev/null 2>&1; then
      log "server $SERVER_PID healthy: gRPC $GRPC_URL"
      return 0
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.5
  done
  log "server did not become healthy; its log:"; cat "$SERVER_LOG" >&2
  return 1
}

# Each run reports the CPU the server, PostgreSQL (when running) and the generator spent per event: on one machine
# they share the cores, so that is where the limit shows.
load() {
  local watches=(--cpu "server=$SERVER_PID")
  if [ -n "${PG_DIR:-}" ] && [ -f "$PG_DIR/data/postmaster.pid" ]; then
    watches+=(--cpu "postgres=$(head -1 "$PG_DIR/data/postmaster.pid")")
  fi
  ACTORSEGMENTS_API_KEY="$KEY" dotnet "$root/bench/ActorSegments.Load/bin/Release/net10.0/ActorSegments.Load.dll" --address "$GRPC_URL" "${watches[@]}" "$@"
}

log "building"
dotnet build -c Release src/ActorSegments.Server >&2
dotnet build -c Release bench/ActorSegments.Load >&2

echo "## Load test $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB RAM; $(dotnet --version) SDK; commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo

PG_EXTRA_OPTIONS="-c shared_buffers=512MB -c max_wal_size=4GB" pg_start
if $overload; then
  # The first invocation measures the capacity (closed loop on known customers, 50 callers of 200 events: the 10,000
  # events in flight the default admission bound allows) and passes it on in the baselines file, so both servers are
  # offered the same load.
  if $quick; then
    offered=(--customers 1000 --runs 1 --overload 1,5 --duration 5 --deadline 10 --connections 8 --burst 300)
  else
    offered=(--customers 10000 --runs 3 --overload 1,2,5 --duration 15 --deadline 30 --connections 40 --burst 3000)
  fi
  offered+=(--scenario overload --batch-size 200 --concurrency 50 --events 100000000 --baseline-file "$BASELINES")
  echo "### Overload (PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on the same machine, fsync on)"
  echo
  server_start "--ActorSegments:Postgres:ConnectionString=$PG_CONNECTION_STRING" "--ActorSegments:Admission:Enabled=false"
  # Without admission control an overloaded server can fail its next calls for minutes; whatever happens there, the
  # comparison goes on to the server with it.
  load "${offered[@]}" --name "admission off (every call queued)" || log "the run without admission control failed (above)"
  server_stop
  server_start "--ActorSegments:Postgres:ConnectionString=$PG_CONNECTION_STRING"
  load "${offered[@]}" --name "admission on (defaults)"
  server_stop
  exit 0
fi
server_start "--ActorSegments:Postgres:ConnectionString=$PG_CONNECTION_STRING"
echo "### Durable (PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on the same machine, fsync on)"
echo
if $quick; then
  load --quick --postgres "$PG_CONNECTION_STRING"
else
  common=(--customers 10000 --runs 3 --baseline-file "$BASELINES")
  batch=(--mode batch --batch-size 500 --concurrency 8 --events 400000 --duration 20)
  # The baselines first: the raw COPY of the batch scenario's own events, then the empty grain.
  load "${common[@]}" "${batch[@]}" --scenario raw-copy --postgres "$PG_CONNECTION_STRING"
  echo
  load "${common[@]}" --name "duplicates only (empty grain)" --mode batch --batch-size 500 --concurrency 8 --events 50000 --duration 10 --duplicates
  echo
  load "${common[@]}" "${batch[@]}" --name "durable batch" --latency-at 0.5 --latency-duration 10
  echo
  load "${common[@]}" --name "durable stream" --mode stream --batch-size 500 --concurrency 4 --events 400000 --duration 15
  echo
  # Each unary call waits for a group commit (an fsync), so the rate follows the calls in flight: 256 callers.
  load "${common[@]}" --name "durable unary" --mode unary --concurrency 256 --events 200000 --duration 15
  echo
  # cart-abandoners changes at a steady rate all through the workload's history (see QuickRun.FollowedSegment).
  load "${common[@]}" "${batch[@]}" --name "durable batch, feed followed" --follow cart-abandoners
  echo
  # The segment with the most members of all the workspaces above.
  load --runs 3 --scenario export
fi
if [ "$export_customers" -gt 0 ]; then
  echo
  load --runs 3 --scenario export --export-customers "$export_customers" --batch-size 500 --concurrency 8 --duration 600
fi
server_stop
pg_stop
echo

server_start
echo "### In memory (dev mode, no PostgreSQL)"
echo
if $quick; then
  load --quick
else
  load --customers 10000 --runs 3 --name "in-memory batch" --mode batch --batch-size 500 --concurrency 8 --events 1000000 --duration 15 --latency-at 0.5 --latency-duration 10
fi
server_stop
