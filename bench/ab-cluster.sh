#!/usr/bin/env bash
# A/B of two commits on the in-process cluster benchmark: builds each commit's bench/ActorSegments.ClusterBench into a
# temporary directory, then alternates the same scenario against each, every run on a fresh throwaway PostgreSQL
# (durable settings, as bench/cluster.sh), so both see the same machine state. Prints each run's table rows prefixed
# with A or B; compare the medians.
# Usage: bench/ab-cluster.sh <commit-a> <commit-b> [rounds=3] -- <ClusterBench arguments, e.g. --only million --scale 0.02>
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
# shellcheck source=../scripts/lib/postgres.sh
source scripts/lib/postgres.sh
[ $# -ge 2 ] || { echo "usage: bench/ab-cluster.sh <commit-a> <commit-b> [rounds] -- <bench arguments>" >&2; exit 2; }
a=$1 b=$2; shift 2
rounds=3
if [ $# -gt 0 ] && [ "$1" != "--" ]; then rounds=$1; shift; fi
[ "${1:-}" = "--" ] && shift
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

work=$(mktemp -d "${TMPDIR:-/tmp}/actorsegments-ab-cluster.XXXXXX")
cleanup() {
  pg_stop
  for side in a b; do git -C "$root" worktree remove --force "$work/src-$side" >/dev/null 2>&1 || true; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 143' INT TERM

build() { # commit side
  git -C "$root" worktree add --detach "$work/src-$2" "$1" >/dev/null 2>&1
  dotnet build -c Release "$work/src-$2/bench/ActorSegments.ClusterBench" -o "$work/bench-$2" >&2
}
build "$a" a
build "$b" b

run() { # side label bench-arguments...
  local side=$1 label=$2
  shift 2
  PG_EXTRA_OPTIONS="-c shared_buffers=512MB -c max_wal_size=4GB" pg_start >/dev/null
  dotnet "$work/bench-$side/ActorSegments.ClusterBench.dll" --postgres "$PG_CONNECTION_STRING" "$@" 2>"$work/stderr-$side" \
    | grep '^|' | grep -v '^| Measurement\|^|---' | sed "s/^/$label /" || true
  pg_stop
}

echo "A = $a, B = $b; $rounds rounds of: $*"
for _ in $(seq "$rounds"); do
  run a A "$@"
  run b B "$@"
done
