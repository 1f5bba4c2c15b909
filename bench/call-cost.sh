#!/usr/bin/env bash
# What one API call costs, A/B of two server builds on this machine, 127.0.0.1 only: builds each commit's server into a
# temporary directory, then per round starts a fresh in-memory server of each (order alternating between rounds, so
# both see the same machine state) and runs bench/ActorSegments.CallCost against it: sequential unary calls with a
# stored workspace key (gRPC Track, gRPC and JSON GetRetention), one after another, on servers whose thread pool does
# not spin: calls per second, latency, the server's CPU time and bytes allocated per call. Prints every run's rows,
# then per build and call the medians over the rounds and B/A.
# Usage: bench/call-cost.sh <commit-a> <commit-b> [rounds=5] [calls=5000]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
# shellcheck source=../scripts/lib/postgres.sh
source scripts/lib/postgres.sh # pg__pick_port
[ $# -ge 2 ] || { echo "usage: bench/call-cost.sh <commit-a> <commit-b> [rounds] [calls]" >&2; exit 2; }
rounds=${3:-5}
calls=${4:-5000}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

work=$(mktemp -d "${TMPDIR:-/tmp}/actorsegments-call-cost.XXXXXX")
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  for side in a b; do git -C "$root" worktree remove --force "$work/src-$side" >/dev/null 2>&1 || true; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 143' INT TERM

for side in a b; do
  commit=$([ "$side" = a ] && echo "$1" || echo "$2")
  git -C "$root" worktree add --detach "$work/src-$side" "$commit" >/dev/null 2>&1
  dotnet build -c Release "$work/src-$side/src/ActorSegments.Server" -o "$work/server-$side" >&2
done
dotnet build -c Release bench/ActorSegments.CallCost >&2
KEY="call-cost-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"

run() { # side label
  local grpc http silo
  grpc=$(pg__pick_port); silo=$(pg__pick_port); http=$((grpc + 1))
  # The key through the environment, not the command line (readable by any local user in ps and /proc/PID/cmdline).
  # No spinning thread pool workers: between sequential calls they would spin, and the server's CPU per call would
  # measure the spinning (which varies with timing) more than the call.
  DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0 ActorSegments__Auth__BootstrapKey="$KEY" dotnet "$work/server-$1/ActorSegments.Server.dll" "--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:$grpc" \
    "--Kestrel:Endpoints:Http:Url=http://127.0.0.1:$http" "--ActorSegments:Cluster:SiloPort=$silo" \
    "--Logging:LogLevel:Default=Warning" >"$work/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 240); do curl -sf "http://127.0.0.1:$http/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
  ACTORSEGMENTS_API_KEY="$KEY" dotnet bench/ActorSegments.CallCost/bin/Release/net10.0/ActorSegments.CallCost.dll \
    --address "http://127.0.0.1:$grpc" --http-address "http://127.0.0.1:$http" --server-pid "$SERVER_PID" \
    --calls "$calls" --name "$2" | grep "^| $2 " | tee -a "$work/rows"
  kill "$SERVER_PID" && wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

echo "A = $1, B = $2; $rounds rounds of $calls sequential calls per kind, in-memory servers"
echo "| build | call | calls | calls/s | p50 µs | p99 µs | server CPU µs/call | server bytes/call |"
echo "|---|---|---|---|---|---|---|---|"
for round in $(seq "$rounds"); do
  if [ $((round % 2)) = 1 ]; then run a A; run b B; else run b B; run a A; fi
done

echo
echo "Medians over $rounds rounds, B/A"
echo "| call | calls/s A | calls/s B | B/A | p50 µs A | p50 µs B | B/A | server CPU µs/call A | B | B/A | server bytes/call A | B | B/A |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
awk -F'|' '
  function median(list,   n, v, i, j, t) {
    n = split(list, v, " ")
    for (i = 2; i <= n; i++) { t = v[i]; for (j = i - 1; j >= 1 && v[j] + 0 > t + 0; j--) v[j + 1] = v[j]; v[j + 1] = t }
    return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
  }
  { b = $2; c = $3; gsub(/^ +| +$/, "", b); gsub(/^ +| +$/, "", c); rate[b, c] = rate[b, c] " " $5; p50[b, c] = p50[b, c] " " $6; cpu[b, c] = cpu[b, c] " " $8; mem[b, c] = mem[b, c] " " $9; if (!(c in seen)) { seen[c] = 1; order[++kinds] = c } }
  END {
    for (k = 1; k <= kinds; k++) {
      c = order[k]
      ra = median(rate["A", c]); rb = median(rate["B", c]); la = median(p50["A", c]); lb = median(p50["B", c]); ca = median(cpu["A", c]); cb = median(cpu["B", c]); ma = median(mem["A", c]); mb = median(mem["B", c])
      printf "| %s | %.0f | %.0f | %.3f | %.0f | %.0f | %.3f | %.0f | %.0f | %.3f | %.0f | %.0f | %.3f |\n", c, ra, rb, rb / ra, la, lb, lb / la, ca, cb, cb / ca, ma, mb, mb / ma
    }
  }' "$work/rows"
