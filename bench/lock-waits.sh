#!/usr/bin/env bash
# Lock waits of concurrent journal writers: several journals in one process (a connection pool each, as each silo has)
# take commits of 10 events and 3 membership changes from many customers, against a throwaway PostgreSQL on 127.0.0.1
# with durable settings (fsync and synchronous commit on, as bench/cluster.sh), while a sampler reads what the journal
# sessions wait on every 50 ms (pg_stat_activity, and pg_locks for requests not granted).
# Usage: bench/lock-waits.sh [--compare REV] [--runs 5] [--journals 3] [--writers 2] [--callers 256] [--seconds 15]
#   --compare REV   also run the same load on REV's source (e.g. the parent commit), alternating with this tree's run by
#                   run, each in a database of its own on the same server
# Prints the runs and, per source, the medians. Shares are of journal session samples inside a transaction: row lock
# waits are Lock/transactionid and Lock/tuple; lock waits any Lock/*; WAL flush IO/WALSync and LWLock/WALWrite.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
# shellcheck source=../scripts/lib/postgres.sh
source scripts/lib/postgres.sh

compare=""
runs=5
load_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --compare) compare="${2:?--compare needs a revision}"; shift 2 ;;
    --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
    --journals|--writers|--callers|--seconds) load_args+=("$1" "${2:?$1 needs a number}"); shift 2 ;;
    *) echo "unknown argument: $1 (usage: bench/lock-waits.sh [--compare REV] [--runs N] [--journals N] [--writers N] [--callers N] [--seconds N])" >&2; exit 2 ;;
  esac
done
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log() { printf '[lock-waits] %s\n' "$*" >&2; }

base_dir=""
cleanup() { pg_stop; [ -z "$base_dir" ] || rm -rf "$base_dir"; }
trap cleanup EXIT

tool=bench/ActorSegments.LockWaits
log "building this tree"
dotnet build -c Release -v quiet -nologo "$tool" >&2
sources=("head:$root")
if [ -n "$compare" ]; then
  # REV's source with this tool copied in: the tool uses only the journal's public surface, which REV has too.
  base_dir=$(mktemp -d "${TMPDIR:-/tmp}/actorsegments-lock-waits.XXXXXX")
  git archive "$compare" | tar -x -C "$base_dir"
  rm -rf "${base_dir:?}/$tool" && cp -r "$tool" "$base_dir/$tool" && rm -rf "$base_dir/$tool/bin" "$base_dir/$tool/obj"
  log "building $compare"
  dotnet build -c Release -v quiet -nologo "$base_dir/$tool" >&2
  sources=("base:$base_dir" "${sources[@]}")
fi

PG_EXTRA_OPTIONS="-c shared_buffers=512MB -c max_wal_size=4GB" pg_start

results=$(mktemp)
for run in $(seq "$runs"); do
  for source in "${sources[@]}"; do
    name=${source%%:*}
    dir=${source#*:}
    log "run $run of $runs: $name"
    dotnet "$dir/$tool/bin/Release/net10.0/ActorSegments.LockWaits.dll" --postgres "$PG_CONNECTION_STRING" \
      --database "lw_$name" --label "$name" "${load_args[@]}" | tail -n 1 >>"$results"
  done
done

header="label	commits_per_s	row_lock_wait_share	lock_wait_share	not_granted_share	wal_flush_share	in_transaction_per_sample	samples"
echo "Runs:"
{ echo "$header"; cat "$results"; } | column -t -s $'\t'
echo
echo "Medians of $runs runs each:"
{
  echo "$header"
  for source in "${sources[@]}"; do
    name=${source%%:*}
    printf '%s' "$name"
    for column in 2 3 4 5 6 7 8; do
      printf '\t%s' "$(awk -F'\t' -v n="$name" -v c="$column" '$1 == n { print $c }' "$results" | sort -g \
        | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')"
    done
    echo
  done
} | column -t -s $'\t'
rm -f "$results"
