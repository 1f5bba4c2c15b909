#!/usr/bin/env bash
# Writes the database a released server leaves behind, as a test fixture: UpgradeFromReleaseTests restores it and
# starts the current server on it, which is how an existing deployment upgrades.
#
# What it does: builds the server of <commit> (default 9c9b44b, the release whose customers kept their snapshots in
# Orleans' grain storage, table orleans_grain_state) into a temporary directory, starts a throwaway PostgreSQL and
# that server on 127.0.0.1, and over the HTTP/JSON API creates workspace "shop", three segments and the events of 31
# customers with deterministic event ids ("<customer>-e0000", "-e0001", ...):
#   light-01..light-12  1 to 5 events: no snapshot (the release writes one only at >= 16 unsnapshotted events)
#   edge-15, edge-16    15 and 16 events: just below and at that threshold
#   heavy-01..heavy-16  20 to 300 events
#   huge-01             700 events (its event id index passes 512 entries and turns into a hash index)
# Events are sent 100 per customer per request, so every snapshot the release writes covers the customer's whole
# journal: a mid-run snapshot (at >= 256 unsnapshotted entries) falls on a request boundary, and whatever follows it
# is either none or at least 16 entries, which the shutdown snapshot covers. Every event happened 30 to 40 days
# before the run, so the time-based segment no longer changes on its own: the facts stay true whenever a test runs.
# It reads each customer's profile (total events, counts by type, segments with entry time) and each segment's member
# count from the release server, stops it with SIGTERM (customers write their snapshots on the way down), and writes
#   release-<commit>.sql            pg_dump --inserts of the whole database (plain SQL that Npgsql runs as one script)
#   release-<commit>.expected.json  the facts read from the API before the shutdown
# next to this script, then prints a summary of the rows the tests rely on.
# Usage: tests/ActorSegments.Server.Tests/Fixtures/make-release-db.sh [commit=9c9b44b]
# Needs: dotnet, PostgreSQL >= 15 (scripts/lib/postgres.sh), curl, jq. About 3 minutes, most of it the build.
set -euo pipefail
cd "$(dirname "$0")/../../.."
root=$(pwd)
# shellcheck source=../../../scripts/lib/postgres.sh
source scripts/lib/postgres.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

commit=$(git rev-parse --short=7 "${1:-9c9b44b}^{commit}")
fixtures=tests/ActorSegments.Server.Tests/Fixtures
dump="$fixtures/release-$commit.sql"
expected="$fixtures/release-$commit.expected.json"
WS=shop
KEY="fixture-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"

work=$(mktemp -d "${TMPDIR:-/tmp}/actorsegments-release-db.XXXXXX")
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  pg_stop
  git -C "$root" worktree remove --force "$work/src" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 143' INT TERM
fail() { echo "make-release-db: $*" >&2; [ -f "$work/server.log" ] && tail -50 "$work/server.log" >&2; exit 1; }

echo "building the server of $commit" >&2
git -C "$root" worktree add --detach "$work/src" "$commit" >/dev/null 2>&1
dotnet build -c Release "$work/src/src/ActorSegments.Server" -o "$work/server" >"$work/build.log" 2>&1 \
  || { tail -30 "$work/build.log" >&2; fail "the build of $commit failed"; }

pg_start >/dev/null
psql_() { "$PG_BIN/psql" -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -Atq "$@"; }

grpc=$(pg__pick_port); silo=$(pg__pick_port); http=$((grpc + 1))
# The key through the environment, not the command line (readable by any local user in ps and /proc/PID/cmdline).
ActorSegments__Auth__BootstrapKey="$KEY" dotnet "$work/server/ActorSegments.Server.dll" \
  "--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:$grpc" "--Kestrel:Endpoints:Http:Url=http://127.0.0.1:$http" \
  "--ActorSegments:Cluster:SiloPort=$silo" "--ActorSegments:Postgres:ConnectionString=$PG_CONNECTION_STRING" \
  "--Logging:LogLevel:Default=Warning" >"$work/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 240); do curl -sf "http://127.0.0.1:$http/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$http/healthz" >/dev/null || fail "the server did not become ready"

# api METHOD PATH [BODY]: the response body on stdout; a status other than 2xx fails, except the ones in $ALLOW.
api() {
  local status
  status=$(curl -sS -o "$work/response" -w '%{http_code}' -X "$1" "http://127.0.0.1:$http$2" \
    -H "authorization: Bearer $KEY" -H "content-type: application/json" ${3:+--data-binary "$3"})
  case "$status" in
    2??) cat "$work/response" ;;
    *) [[ " ${ALLOW:-} " == *" $status "* ]] || fail "$1 $2 answered $status: $(cat "$work/response")" ;;
  esac
}

ALLOW=409 api POST /v1/workspaces "{\"workspaceId\":\"$WS\",\"displayName\":\"Release fixture\"}" >/dev/null
declare -A rules=(
  [buyers]='did(purchase)'
  [lapsed-home-buyers]='did(purchase where category = "Home") and not did(purchase, within 7d)'
  [heavy-viewers]='count(product_viewed) >= 100'
)
for segment in "${!rules[@]}"; do
  api POST "/v1/workspaces/$WS/segments" "$(jq -cn --arg s "$segment" --arg r "${rules[$segment]}" '{segmentId: $s, rule: $r}')" >/dev/null
done
for segment in "${!rules[@]}"; do
  for _ in $(seq 120); do
    [ "$(api GET "/v1/workspaces/$WS/segments/$segment" | jq -r .status)" = SEGMENT_STATUS_LIVE ] && continue 2
    sleep 0.5
  done
  fail "segment $segment did not become live"
done

# Customers and their event counts, in the order they are sent; k (the position) varies their times and categories.
customers=()
counts=()
add() { customers+=("$1"); counts+=("$2"); }
for i in $(seq 1 12); do add "$(printf 'light-%02d' "$i")" $(( 1 + (i - 1) % 5 )); done
add edge-15 15
add edge-16 16
heavy=(20 24 31 40 57 64 80 99 128 150 180 200 240 256 270 300)
for i in "${!heavy[@]}"; do add "$(printf 'heavy-%02d' $((i + 1)))" "${heavy[$i]}"; done
add huge-01 700

# Whole hours, 40 days ago: event i of customer k happens k hours + 10 i minutes later (at most 41 days, so every
# event is 30 to 40 days old).
T0=$(( $(date -u +%s) / 3600 * 3600 - 40 * 86400 ))
# events CUSTOMER K FIRST COUNT: a TrackBatch body with that customer's events FIRST .. FIRST+COUNT-1.
events() {
  jq -cn --arg ws "$WS" --arg c "$1" --argjson k "$2" --argjson first "$3" --argjson n "$4" --argjson t0 "$T0" '
    ["product_viewed", "product_viewed", "cart_added", "product_viewed", "purchase", "product_viewed", "page_viewed"] as $types
    | ["Home", "Garden", "Toys", "Books"] as $categories
    | {events: [range($first; $first + $n) as $i | $types[$i % 7] as $type | {
        workspaceId: $ws, customerId: $c, eventId: ($c + "-e" + ("000" + ($i | tostring))[-4:]), type: $type,
        occurredAt: ($t0 + $k * 3600 + $i * 600 | todate),
        properties: (
          if $type == "purchase" then {revenue: (5 + ($k * 31 + $i * 17) % 200), items: (1 + $i % 3), category: $categories[$k % 4]}
          elif $type == "page_viewed" then {path: "/p/\($i % 13)"}
          elif $type == "cart_added" then {product_id: "sku-\(($k * 7 + $i) % 40)", category: $categories[($k + $i) % 4], price: (3 + $i % 50), quantity: 1}
          else {product_id: "sku-\(($k * 7 + $i) % 40)", category: $categories[($k + $i) % 4], price: (3 + $i % 50)} end)}]}'
}

echo "sending the events of ${#customers[@]} customers" >&2
for k in "${!customers[@]}"; do
  for (( first = 0; first < counts[k]; first += 100 )); do
    n=$(( counts[k] - first < 100 ? counts[k] - first : 100 ))
    applied=$(api POST /v1/events:batch "$(events "${customers[$k]}" "$k" "$first" "$n")" | jq -r '.applied // 0')
    [ "$applied" -eq "$n" ] || fail "${customers[$k]}: $applied of $n events applied"
  done
done

# Member counts follow the members within about a second: wait until they agree with the profiles.
profiles="$work/profiles.jsonl"
for c in "${customers[@]}"; do api GET "/v1/workspaces/$WS/customers/$c"; echo; done >"$profiles"
for segment in "${!rules[@]}"; do
  want=$(jq -s --arg s "$segment" '[.[] | select(any(.segments[]?; .segmentId == $s))] | length' "$profiles")
  for _ in $(seq 120); do
    [ "$(api GET "/v1/workspaces/$WS/segments/$segment" | jq -r '.members // 0 | tonumber')" -eq "$want" ] && continue 2
    sleep 0.5
  done
  fail "segment $segment: the member count did not reach $want (the customers whose profile lists it)"
done
segments_json=$(api GET "/v1/workspaces/$WS/segments")
for i in "${!customers[@]}"; do [ "$(sed -n "$((i + 1))p" "$profiles" | jq -r '.totalEvents | tonumber')" -eq "${counts[$i]}" ] \
  || fail "${customers[$i]}: the profile does not count ${counts[$i]} events"; done

echo "stopping the server (SIGTERM); customers with >= 16 unsnapshotted events write their snapshots" >&2
kill -TERM "$SERVER_PID"
status=0; wait "$SERVER_PID" || status=$?
SERVER_PID=""
[ "$status" -eq 0 ] || fail "the server exited with $status on SIGTERM"

# Every customer with at least 16 events has a snapshot row, and no other does.
snapshotted=$(psql_ -c "SELECT string_agg(substr(grain_id_string, length('cust:$WS/') + 1), ' ' ORDER BY grain_id_string)
  FROM orleans_grain_state WHERE grain_type = 'customer-state-v2'")
want_snapshotted=$(for i in "${!customers[@]}"; do [ "${counts[$i]}" -ge 16 ] && echo "${customers[$i]}"; done | LC_ALL=C sort | paste -sd' ')
[ "$snapshotted" = "$want_snapshotted" ] || fail "snapshot rows for [$snapshotted], expected [$want_snapshotted]"

jq -s --arg commit "$commit" --arg ws "$WS" --arg snapshotted "$snapshotted" --argjson segments "$segments_json" '{
  release: $commit,
  workspace: $ws,
  segments: [$segments.segments[] | {id: .segmentId, rule, members: (.members // 0 | tonumber)}] | sort_by(.id),
  customers: [.[] | {
    id: .customerId,
    totalEvents: (.totalEvents | tonumber),
    eventTypes: ([.eventTypes[] | {key: .type, value: (.count | tonumber)}] | from_entries),
    segments: [.segments[]? | {id: .segmentId, since}] | sort_by(.id),
    legacySnapshot: (.customerId as $c | $snapshotted | split(" ") | any(.[]; . == $c))}]
}' "$profiles" >"$expected"

# pg_dump writes \restrict / \unrestrict lines (psql meta-commands against a malicious server); this file is only
# ever restored by the tests through Npgsql, which runs SQL, so they go.
PGHOST=$PG_HOST PGPORT=$PG_PORT PGUSER=postgres "$PG_BIN/pg_dump" --inserts --no-owner --no-privileges -d postgres \
  | grep -v '^\\\(un\)\?restrict ' >"$dump"
! grep -q '^\\' "$dump" || fail "$dump holds a psql meta-command the tests cannot run"

echo "fixture: $dump ($(du -h "$dump" | cut -f1)), $expected"
psql_ -F ' ' -c "SELECT 'orleans_grain_state (customer-state-v2):', count(*) FROM orleans_grain_state WHERE grain_type = 'customer-state-v2'" \
  -c "SELECT 'customer_journal:', count(*), 'entries of', count(DISTINCT customer_id), 'customers' FROM customer_journal" \
  -c "SELECT 'segment_members:', sum(n), '=', string_agg(segment_id || ' ' || n, ', ' ORDER BY segment_id)
        FROM (SELECT segment_id, count(*) AS n FROM segment_members GROUP BY segment_id) s"
