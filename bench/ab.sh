#!/usr/bin/env bash
# A/B of two server builds on this machine: builds each commit's server into a temporary directory, then alternates
# the same batch load against each (a fresh server, and for durable a fresh PostgreSQL, per run), so both see the
# same machine state. Each run prints the load generator's table row, with the CPU the server and PostgreSQL spent
# per event; compare the medians.
# Usage: bench/ab.sh <commit-a> <commit-b> [rounds=3] [modes="memory durable"] [seconds=15]
# Modes: memory, durable (batches of 500, 8 callers, 10,000 customers new to the run: mostly first calls);
# durable-warm, unary-warm (the same after one event per customer: known customers, steady ingest); memory-latency,
# durable-latency (a closed loop, then 10 s of open loop at half its rate: ack and watch p50/p99/p999 of known
# customers); unary (durable, one event per call, 256 callers); empty (the in-memory server resending batches it
# already applied: gRPC, validation and one grain call per customer that only recognizes its events — the empty-grain
# rate durable batches are read against. On PostgreSQL a resend also reads the stored ids back, so it is not empty);
# durable-warm-now (durable-warm with every event stamped now, after warming: as events arrive in production).
# AB_LOAD_ARGS_A / AB_LOAD_ARGS_B: extra load-generator arguments for one side only, to A/B a workload option on one
# build, e.g. AB_LOAD_ARGS_B=--experiment bench/ab.sh HEAD HEAD 3 durable-warm-now (a running experiment, or none).
# AB_SERVER_ARGS_A / AB_SERVER_ARGS_B: extra server command-line arguments for one side only, to A/B a server setting on
# one build, e.g. AB_SERVER_ARGS_A=--ActorSegments:Console:Enabled=false bench/ab.sh HEAD HEAD 3 durable-warm (console off
# against on).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
# shellcheck source=../scripts/lib/postgres.sh
source scripts/lib/postgres.sh
[ $# -ge 2 ] || { echo "usage: bench/ab.sh <commit-a> <commit-b> [rounds] [modes] [seconds]" >&2; exit 2; }
rounds=${3:-3}
modes=${4:-memory durable}
seconds=${5:-15}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

work=$(mktemp -d "${TMPDIR:-/tmp}/actorsegments-ab.XXXXXX")
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  pg_stop
  for side in a b; do git -C "$root" worktree remove --force "$work/src-$side" >/dev/null 2>&1 || true; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 143' INT TERM

build() { # side commit
  git -C "$root" worktree add --detach "$work/src-$2" "$1" >/dev/null 2>&1
  dotnet build -c Release "$work/src-$2/src/ActorSegments.Server" -o "$work/server-$2" >&2
}
build "$1" a
build "$2" b
dotnet build -c Release bench/ActorSegments.Load >&2
KEY="ab-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"

run() { # side label mode
  local extra=() watches=() shape=() side_extra=() side_server=() grpc http silo
  case "$3" in
    memory | durable) shape=(--mode batch --batch-size 500 --concurrency 8 --events 1000000) ;;
    durable-warm) shape=(--mode batch --batch-size 500 --concurrency 8 --events 1000000 --warm) ;;
    durable-warm-now) shape=(--mode batch --batch-size 500 --concurrency 8 --events 1000000 --warm --live-times) ;;
    unary-warm) shape=(--mode unary --concurrency 256 --events 200000 --warm) ;;
    memory-latency | durable-latency) shape=(--mode batch --batch-size 500 --concurrency 8 --events 1000000 --latency-at 0.5 --latency-duration 10) ;;
    unary) shape=(--mode unary --concurrency 256 --events 200000) ;;
    empty) shape=(--mode batch --batch-size 500 --concurrency 8 --events 50000 --duplicates) ;;
    *) echo "unknown mode $3 (memory, durable, durable-warm, durable-warm-now, unary-warm, memory-latency, durable-latency, unary, empty)" >&2; exit 2 ;;
  esac
  if [ "$3" != memory ] && [ "$3" != memory-latency ] && [ "$3" != empty ]; then
    PG_EXTRA_OPTIONS="-c shared_buffers=512MB -c max_wal_size=4GB" pg_start >/dev/null
    extra=("--ActorSegments:Postgres:ConnectionString=$PG_CONNECTION_STRING")
  fi
  grpc=$(pg__pick_port); silo=$(pg__pick_port); http=$((grpc + 1))
  local server_args="AB_SERVER_ARGS_${1^^}"
  read -r -a side_server <<<"${!server_args:-}"
  # The key through the environment, not the command line (readable by any local user in ps and /proc/PID/cmdline).
  ActorSegments__Auth__BootstrapKey="$KEY" dotnet "$work/server-$1/ActorSegments.Server.dll" "--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:$grpc" \
    "--Kestrel:Endpoints:Http:Url=http://127.0.0.1:$http" "--ActorSegments:Cluster:SiloPort=$silo" \
    "--Logging:LogLevel:Default=Warning" "${extra[@]}" "${side_server[@]}" >"$work/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 240); do curl -sf "http://127.0.0.1:$http/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
  watches=(--cpu "server=$SERVER_PID")
  local side_args="AB_LOAD_ARGS_${1^^}"
  read -r -a side_extra <<<"${!side_args:-}"
  [ ${#extra[@]} -gt 0 ] && watches+=(--cpu "postgres=$(head -1 "$PG_DIR/data/postmaster.pid")")
  ACTORSEGMENTS_API_KEY="$KEY" dotnet bench/ActorSegments.Load/bin/Release/net10.0/ActorSegments.Load.dll --address "http://127.0.0.1:$grpc" \
    "${watches[@]}" --customers 10000 --runs 1 --name "$2 $3" \
    "${shape[@]}" "${side_extra[@]}" --duration "$seconds" 2>"$work/load.err" | grep "^| $2 "
  grep "slow half-seconds" "$work/load.err" | sed "s/^ */$2 $3 /" || true
  kill "$SERVER_PID" && wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
  [ ${#extra[@]} -gt 0 ] && pg_stop
  return 0
}

echo "A = $1, B = $2; $rounds rounds of $modes, ${seconds} s each"
for _ in $(seq "$rounds"); do
  for mode in $modes; do
    run a A "$mode"
    run b B "$mode"
  done
done
