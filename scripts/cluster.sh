#!/usr/bin/env bash
# A local cluster: N server processes (silos) on 127.0.0.1 against one PostgreSQL, in the foreground until Ctrl-C.
#   scripts/cluster.sh                          3 silos on a throwaway PostgreSQL started here (removed on exit)
#   scripts/cluster.sh --silos 2 --postgres "Host=...;Port=5432;Username=...;Password=...;Database=..."
#   scripts/cluster.sh --clock-start 2025-12-01T00:00:00Z    every silo's clock starts there (the demo data's end)
# Options:
#   --silos N            how many silos (default 3)
#   --postgres CS        use this database instead of a throwaway one (it is migrated, never removed)
#   --clock-start ISO    passed to each silo as ActorSegments:Clock:StartAt (replaying history; never in production)
#   --base-port P        silo i (0-based) listens for gRPC on P+i, HTTP on P+100+i, silo-to-silo on P+200+i
#                        (default 5000: the first silo is where the CLI looks by default, 127.0.0.1:5000)
#   --no-build           use the existing Release build of the server
# Each silo logs to its own file in a directory named at start (kept after exit). Ctrl-C or SIGTERM stops the silos
# the way an orchestrator would (SIGTERM, then SIGKILL after a grace period) and removes the throwaway PostgreSQL.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lib/postgres.sh
source "$root/scripts/lib/postgres.sh"

# The header above, as help: usage 0 on request, usage 2 after a bad argument.
usage() { sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit "$1"; }
log() { printf '[cluster] %s\n' "$*" >&2; }

silos=3
postgres=""
clock_start=""
base_port=5000
build=true
while [ $# -gt 0 ]; do
  case "$1" in
    --silos) silos="${2:?--silos needs a number}"; shift 2 ;;
    --postgres) postgres="${2:?--postgres needs a connection string}"; shift 2 ;;
    --clock-start) clock_start="${2:?--clock-start needs an ISO 8601 instant}"; shift 2 ;;
    --base-port) base_port="${2:?--base-port needs a port}"; shift 2 ;;
    --no-build) build=false; shift ;;
    -h|--help) usage 0 ;;
    *) log "unknown argument: $1"; usage 2 ;;
  esac
done
[[ "$silos" =~ ^[0-9]+$ ]] && [ "$silos" -ge 1 ] && [ "$silos" -le 100 ] || { log "--silos must be 1 to 100"; exit 2; }
[[ "$base_port" =~ ^[0-9]+$ ]] && [ "$base_port" -ge 1024 ] && [ $((base_port + 200 + silos)) -le 65535 ] \
  || { log "--base-port must leave room for 3 x 100 ports below 65536"; exit 2; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

server_dll="$root/src/ActorSegments.Server/bin/Release/net10.0/ActorSegments.Server.dll"
# Stopping a silo drains its calls (up to 30 s by default) and then stops Orleans; this bounds the whole of it.
stop_grace_seconds=75
# Only a PostgreSQL this script starts is ever stopped by it: a PG_DIR exported by the caller's shell is not ours.
PG_DIR=""
own_postgres=false
pids=()
declare -A silo_of=() # process id -> silo number, for messages
log_dir=""

grpc_port() { echo $((base_port + $1)); }
http_port() { echo $((base_port + 100 + $1)); }
silo_port() { echo $((base_port + 200 + $1)); }

stop_silos() {
  local pid waited=0 alive
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  while :; do
    alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=$((alive + 1)); done
    [ "$alive" -eq 0 ] && break
    if [ "$waited" -ge $((stop_grace_seconds * 10)) ]; then
      log "$alive silo(s) still running after ${stop_grace_seconds} s; killing them"
      for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
      break
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  for pid in "${pids[@]}"; do
    local code=0
    wait "$pid" 2>/dev/null || code=$?
    log "silo ${silo_of[$pid]} (process $pid) exited with code $code"
  done
  pids=()
}

cleanup() {
  trap - EXIT INT TERM
  [ "${#pids[@]}" -gt 0 ] && log "stopping ${#pids[@]} silo(s)" && stop_silos
  $own_postgres && pg_stop
  [ -n "$log_dir" ] && log "logs kept in $log_dir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# 0 when http://127.0.0.1:<port>/healthz answers 200.
healthy() {
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$1/healthz" 2>/dev/null || true)
  [ "$status" = 200 ]
}

for ((i = 0; i < silos; i++)); do
  for port in "$(grpc_port "$i")" "$(http_port "$i")" "$(silo_port "$i")"; do
    if port_in_use "$port"; then log "port $port is in use; pick another --base-port"; exit 1; fi
  done
done

if $build; then
  log "building the server (Release)"
  dotnet build "$root/src/ActorSegments.Server/ActorSegments.Server.csproj" -c Release -v quiet -nologo >&2
fi
[ -f "$server_dll" ] || { log "no server build at $server_dll (run without --no-build)"; exit 1; }

if [ -z "$postgres" ]; then
  own_postgres=true
  pg_start
  postgres=$PG_CONNECTION_STRING
fi

# Secrets (the bootstrap key, a connection string that may hold a password) reach the server processes through their
# environment, never their command line: any local user can read a process's arguments (ps, /proc/PID/cmdline), its
# environment only its owner and root. The server reads ActorSegments__X__Y as the setting ActorSegments:X:Y.
log_dir=$(mktemp -d "${TMPDIR:-/tmp}/actorsegments-cluster.XXXXXX")
log "migrating the schema"
ActorSegments__Postgres__ConnectionString="$postgres" dotnet "$server_dll" migrate >"$log_dir/migrate.log" 2>&1 \
  || { cat "$log_dir/migrate.log" >&2; exit 1; }

bootstrap_key="cluster-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
common=(
  "--ActorSegments:Postgres:MigrateOnStart=false"
  "--Logging:Console:FormatterName=simple"
  "--Logging:Console:FormatterOptions:TimestampFormat=HH:mm:ss.fff "
)
[ -n "$clock_start" ] && common+=("--ActorSegments:Clock:StartAt=$clock_start")

for ((i = 0; i < silos; i++)); do
  # A session of its own, so a Ctrl-C at the terminal reaches this script only, which then stops silos in order.
  ActorSegments__Postgres__ConnectionString="$postgres" ActorSegments__Auth__BootstrapKey="$bootstrap_key" \
    setsid dotnet "$server_dll" "${common[@]}" \
    "--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:$(grpc_port "$i")" \
    "--Kestrel:Endpoints:Http:Url=http://127.0.0.1:$(http_port "$i")" \
    "--ActorSegments:Cluster:SiloPort=$(silo_port "$i")" \
    >"$log_dir/silo-$((i + 1)).log" 2>&1 </dev/null &
  pids+=("$!")
  silo_of[$!]=$((i + 1))
  log "silo $((i + 1)): process $!, gRPC http://127.0.0.1:$(grpc_port "$i"), HTTP http://127.0.0.1:$(http_port "$i"), silo port $(silo_port "$i"), log $log_dir/silo-$((i + 1)).log"
done

# Bounds a start that went wrong; a healthy silo usually answers within seconds.
for ((i = 0; i < silos; i++)); do
  for ((tries = 0; ; tries++)); do
    if healthy "$(http_port "$i")"; then
      log "silo $((i + 1)) ready: http://127.0.0.1:$(http_port "$i")/healthz answers"
      break
    fi
    if ! kill -0 "${pids[$i]}" 2>/dev/null || [ "$tries" -ge 240 ]; then
      log "silo $((i + 1)) did not become healthy; the end of its log:"
      tail -n 40 "$log_dir/silo-$((i + 1)).log" >&2
      exit 1
    fi
    sleep 0.5
  done
done

cat <<EOF
Cluster of $silos silo(s) ready. Logs: $log_dir
Bootstrap key (every scope on every workspace): $bootstrap_key
Use it from the CLI:
  export ACTORSEGMENTS_SERVER=http://127.0.0.1:$(grpc_port 0) ACTORSEGMENTS_API_KEY=$bootstrap_key
Press Ctrl-C to stop.
EOF

# Reports a silo that exits on its own; the others keep serving until Ctrl-C.
while :; do
  code=0
  wait -n "${pids[@]}" || code=$?
  running=()
  for pid in "${pids[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      running+=("$pid")
    else
      log "silo ${silo_of[$pid]} (process $pid) exited on its own (code $code); see $log_dir/silo-${silo_of[$pid]}.log"
    fi
  done
  pids=("${running[@]}")
  [ "${#pids[@]}" -eq 0 ] && { log "no silo left"; exit 1; }
done
