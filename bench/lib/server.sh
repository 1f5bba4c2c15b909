#!/usr/bin/env bash
# Shared by the benchmark scripts that drive one server on a throwaway PostgreSQL, 127.0.0.1 only. Source it from the
# repository root after scripts/lib/postgres.sh, then:
#   bench_server_start NAME [server settings...]  -> builds the server, starts PostgreSQL and the server on free
#                                                    loopback ports with a random bootstrap key; sets WORK (a scratch
#                                                    directory), KEY, SERVER_PID, GRPC_PORT and HTTP_PORT, and stops
#                                                    everything (and removes WORK) when the script exits.
bench_server_start() {
  local name=$1
  shift
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/actorsegments-$name.XXXXXX")
  SERVER_PID=""
  trap bench__cleanup EXIT
  trap 'exit 143' INT TERM
  dotnet build -c Release src/ActorSegments.Server -o "$WORK/server" >&2
  KEY="$name-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  PG_EXTRA_OPTIONS="-c shared_buffers=512MB -c max_wal_size=4GB" pg_start >/dev/null
  GRPC_PORT=$(pg__pick_port)
  HTTP_PORT=$((GRPC_PORT + 1))
  local silo
  silo=$(pg__pick_port)
  # The key through the environment, not the command line (readable by any local user in ps and /proc/PID/cmdline).
  ActorSegments__Auth__BootstrapKey="$KEY" dotnet "$WORK/server/ActorSegments.Server.dll" "--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:$GRPC_PORT" \
    "--Kestrel:Endpoints:Http:Url=http://127.0.0.1:$HTTP_PORT" "--ActorSegments:Cluster:SiloPort=$silo" \
    "--ActorSegments:Postgres:ConnectionString=$PG_CONNECTION_STRING" "--Logging:LogLevel:Default=Warning" "$@" >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 240); do curl -sf "http://127.0.0.1:$HTTP_PORT/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -sf "http://127.0.0.1:$HTTP_PORT/healthz" >/dev/null || { tail -40 "$WORK/server.log" >&2; return 1; }
}

bench__cleanup() {
  [ -n "${SERVER_PID:-}" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  pg_stop
  rm -rf "$WORK"
}
