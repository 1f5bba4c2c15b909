# Shared by bench scripts: a throwaway PostgreSQL and one durable server on it, 127.0.0.1 only, cleaned up at exit.
# Source it from the repository root, after scripts/lib/postgres.sh. Usage:
#   bench_server_start NAME [server arguments...]
# builds the server, starts PostgreSQL and the server (bootstrap key in BENCH_KEY, passed through the environment),
# waits until it is healthy and sets BENCH_GRPC (its gRPC port) and SERVER_PID; its log is $BENCH_WORK/server.log.

BENCH_WORK=""
SERVER_PID=""

bench__cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  pg_stop
  [ -n "$BENCH_WORK" ] && rm -rf "$BENCH_WORK"
}

bench_server_start() {
  local name=$1
  shift
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
  BENCH_WORK=$(mktemp -d "${TMPDIR:-/tmp}/actorsegments-$name.XXXXXX")
  trap bench__cleanup EXIT
  trap 'exit 143' INT TERM
  dotnet build -c Release src/ActorSegments.Server -o "$BENCH_WORK/server" >&2
  BENCH_KEY="$name-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  PG_EXTRA_OPTIONS="-c shared_buffers=512MB -c max_wal_size=4GB" pg_start >/dev/null
  local silo http
  BENCH_GRPC=$(pg__pick_port); silo=$(pg__pick_port); http=$((BENCH_GRPC + 1))
  # The key through the environment, not the command line (readable by any local user in ps and /proc/PID/cmdline).
  ActorSegments__Auth__BootstrapKey="$BENCH_KEY" dotnet "$BENCH_WORK/server/ActorSegments.Server.dll" \
    "--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:$BENCH_GRPC" "--Kestrel:Endpoints:Http:Url=http://127.0.0.1:$http" \
    "--ActorSegments:Cluster:SiloPort=$silo" "--ActorSegments:Postgres:ConnectionString=$PG_CONNECTION_STRING" \
    "--Logging:LogLevel:Default=Warning" "$@" >"$BENCH_WORK/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 240); do curl -sf "http://127.0.0.1:$http/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -sf "http://127.0.0.1:$http/healthz" >/dev/null || { tail -40 "$BENCH_WORK/server.log" >&2; exit 1; }
}
