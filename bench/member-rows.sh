#!/usr/bin/env bash
# What membership rows cost per change (issue 17): the real journal (PostgresCustomerJournal, group commit) takes commits
# of 10 events from many customers with 0, 1 or 3 membership changes each, with and without a wake-up move, and the
# same transactions are run in plain SQL (the journal's own statement text, in a scratch schema) with the membership_log
# insert, the segment_members upsert/delete or the count slot update left out. Against a throwaway PostgreSQL on
# 127.0.0.1 with durable settings (fsync and synchronous commit on, as bench/lock-waits.sh); CPU of the PostgreSQL
# instance (postmaster and backends) and of the bench process from /proc.
# Usage: bench/member-rows.sh [--rounds 3] [--seconds 10] [--warmup 3] [--callers 256] [--writers 2] [--segments 50]
#                             [--variants events,m1,m3,m1-wake,m3-wake,sql-events,sql-m3,sql-m3-no-log,...|none] [--split-changes 3]
# After each round, a statement split: the backend CPU of each statement of the transaction (see StatementSplit.cs).
# Prints markdown tables on stdout (runs, medians by variant, marginal costs, split); progress on stderr. With the defaults
# the 10 variants x 3 rounds and the splits take about 10 minutes (more on a loaded machine).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=../scripts/lib/postgres.sh
source scripts/lib/postgres.sh

bench_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds|--seconds|--warmup|--callers|--writers|--segments|--variants|--split-changes) bench_args+=("$1" "${2:?$1 needs a value}"); shift 2 ;;
    *) echo "unknown argument: $1 (usage: bench/member-rows.sh [--rounds N] [--seconds N] [--warmup N] [--callers N] [--writers N] [--segments N] [--variants a,b])" >&2; exit 2 ;;
  esac
done
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

tool=bench/ActorSegments.MemberRows
printf '[member-rows] building\n' >&2
dotnet build -c Release -v quiet -nologo "$tool" >&2

trap pg_stop EXIT
PG_EXTRA_OPTIONS="-c shared_buffers=512MB -c max_wal_size=4GB" pg_start
dotnet "$tool/bin/Release/net10.0/ActorSegments.MemberRows.dll" --postgres "$PG_CONNECTION_STRING" \
  --postmaster "$(head -1 "$PG_DIR/data/postmaster.pid")" "${bench_args[@]}"
