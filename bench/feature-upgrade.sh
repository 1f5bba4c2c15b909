#!/usr/bin/env bash
# How long a feature layout upgrade takes on this machine: fills a throwaway PostgreSQL through the real server
# (customers get events over gRPC, so each writes its feature row), stops the server, marks every row as written in
# the previous layout (as an upgraded release finds them), starts the server again and waits for the upgrade's "done"
# line, which names the rows rewritten and the time the pass took. Everything started here is stopped on exit.
# Usage: bench/feature-upgrade.sh [customers=100000]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
# shellcheck source=../scripts/lib/postgres.sh
source scripts/lib/postgres.sh
customers=${1:-100000}
log() { printf '[feature-upgrade] %s\n' "$*" >&2; }

KEY="bench-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
SERVER_PID=""
SERVER_LOG=$(mktemp "${TMPDIR:-/tmp}/actorsegments-upgrade-server.XXXXXX")
server_stop() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" && wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
cleanup() { server_stop; pg_stop; rm -f "$SERVER_LOG"; }
trap cleanup EXIT
trap 'exit 143' INT TERM

server_start() {
  local grpc silo http
  grpc=$(pg__pick_port); silo=$(pg__pick_port); http=$((grpc + 1))
  GRPC_URL="http://127.0.0.1:$grpc"
  ActorSegments__Auth__BootstrapKey="$KEY" dotnet "$root/src/ActorSegments.Server/bin/Release/net10.0/ActorSegments.Server.dll" \
    "--Kestrel:Endpoints:Grpc:Url=$GRPC_URL" "--Kestrel:Endpoints:Http:Url=http://127.0.0.1:$http" \
    "--ActorSegments:Cluster:SiloPort=$silo" "--Logging:LogLevel:Default=Warning" \
    "--Logging:LogLevel:ActorSegments.Grains.Features=Information" \
    "--ActorSegments:Postgres:ConnectionString=$PG_CONNECTION_STRING" >>"$SERVER_LOG" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 240); do
    curl -sf "http://127.0.0.1:$http/healthz" >/dev/null 2>&1 && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.5
  done
  log "server did not become healthy; its log:"; cat "$SERVER_LOG" >&2
  return 1
}
sql() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -Atq -c "$1"; }

dotnet build -c Release src/ActorSegments.Server -v quiet -nologo >&2
dotnet build -c Release bench/ActorSegments.Load -v quiet -nologo >&2
pg_start
server_start
log "filling: $customers customers, 5 events each"
ACTORSEGMENTS_API_KEY="$KEY" dotnet "$root/bench/ActorSegments.Load/bin/Release/net10.0/ActorSegments.Load.dll" --address "$GRPC_URL" \
  --customers "$customers" --runs 1 --mode batch --batch-size 500 --concurrency 8 --events $((customers * 5)) --duration 600 >/dev/null
server_stop
current=$(sql "SELECT max(version) FROM customer_features")
sql "UPDATE customer_features SET version = $((current - 1))"
log "$(sql "SELECT count(*) FROM customer_features") rows set to layout $((current - 1)); starting the server again"
server_start
for _ in $(seq 3600); do
  grep -q "Feature layout upgrade of workspace .* done" "$SERVER_LOG" && break
  sleep 1
done
grep "Feature layout upgrade of workspace .* done" "$SERVER_LOG" || { log "no upgrade finished; server log:"; cat "$SERVER_LOG" >&2; exit 1; }
echo "rows by layout after the pass: $(sql "SELECT string_agg(version || ': ' || n, ', ') FROM (SELECT version, count(*) n FROM customer_features GROUP BY 1 ORDER BY 1) v")"
