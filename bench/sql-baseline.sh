#!/usr/bin/env bash
# The status-quo baseline (issue 6, item 7): the workload's events through an ActorSegments server with the 50 sample
# segments live, and into a plain PostgreSQL table whose segments are SQL queries recomputed by full refresh.
# Everything runs on 127.0.0.1: a throwaway PostgreSQL and the server as a separate process on free ports.
# Usage: bench/sql-baseline.sh [--scale 0.1] [--repeats 3]   (markdown report on stdout; progress on stderr)
# Default: 20,000 customers, 1,000,000 history events over 365 days, then 100,000 live events.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=../scripts/lib/postgres.sh
source scripts/lib/postgres.sh

log() { printf '[sql-baseline] %s\n' "$*" >&2; }

free_port() {
  local port
  for _ in $(seq 200); do
    port=$(( 20000 + RANDOM % 20000 ))
    pg__port_is_free "$port" && { echo "$port"; return 0; }
  done
  log "no free port"; return 1
}

log "building"
dotnet build -c Release -v quiet -nologo src/ActorSegments.Server >&2
dotnet build -c Release -v quiet -nologo bench/ActorSegments.SqlBaseline >&2

# Durable settings for the benchmark: fsync and synchronous commit on, as in production (as bench/cluster.sh).
PG_EXTRA_OPTIONS="-c shared_buffers=512MB -c max_wal_size=4GB" pg_start
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  pg_stop
}
trap cleanup EXIT

"$PG_BIN/psql" -q -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -c "CREATE DATABASE baseline" >&2
SERVER_DB="$PG_CONNECTION_STRING"
BASELINE_DB="Host=$PG_HOST;Port=$PG_PORT;Username=postgres;Database=baseline"
POSTMASTER_PID=$(head -1 "$PG_DIR/data/postmaster.pid")

KEY="sqlbaseline-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
GRPC_PORT=$(free_port); HTTP_PORT=$(free_port); SILO_PORT=$(free_port)
log "starting the server (gRPC 127.0.0.1:$GRPC_PORT)"
# The key through the server's environment, not its command line (readable by any local user in /proc/PID/cmdline).
ActorSegments__Auth__BootstrapKey="$KEY" dotnet src/ActorSegments.Server/bin/Release/net10.0/ActorSegments.Server.dll \
  "--ActorSegments:Postgres:ConnectionString=$SERVER_DB" \
  "--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:$GRPC_PORT" \
  "--Kestrel:Endpoints:Http:Url=http://127.0.0.1:$HTTP_PORT" \
  "--ActorSegments:Cluster:SiloPort=$SILO_PORT" \
  "--Logging:LogLevel:Default=Warning" >"$PG_DIR/server.out" 2>&1 &
SERVER_PID=$!
for _ in $(seq 120); do
  curl -fs "http://127.0.0.1:$HTTP_PORT/healthz" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$PG_DIR/server.out" >&2; exit 1; }
  sleep 0.5
done
curl -fs "http://127.0.0.1:$HTTP_PORT/healthz" >/dev/null || { log "server not healthy"; cat "$PG_DIR/server.out" >&2; exit 1; }

# A full run stays under 10 minutes on 2 cores; the whole script is bounded at 20.
ACTORSEGMENTS_API_KEY="$KEY" timeout 1200 dotnet bench/ActorSegments.SqlBaseline/bin/Release/net10.0/ActorSegments.SqlBaseline.dll \
  --server "http://127.0.0.1:$GRPC_PORT" --server-pid "$SERVER_PID" \
  --server-db "$SERVER_DB" --baseline-db "$BASELINE_DB" --postmaster-pid "$POSTMASTER_PID" "$@"
