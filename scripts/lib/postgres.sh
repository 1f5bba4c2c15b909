# shellcheck shell=bash
# Throwaway PostgreSQL for tests, benchmarks and local clusters. Source this file, then:
#   pg_start            -> starts a private server; sets PG_PORT, PG_HOST, PG_DIR, PG_CONNECTION_STRING
#   pg_stop             -> stops it and removes its files (safe to call twice; call it from a trap)
#   pg_halt             -> stops it the way an operator would (fast shutdown: sessions ended, a checkpoint), keeping
#                          its data; pg_resume starts it again on the same port with the same settings
#   pg_attach DIR       -> sets the variables above for a server another shell started (its PG_DIR), so a later
#                          process can halt, resume or stop it
# PG_START_PORT=<port> pg_start listens on that port instead of a random one (a caller that claimed a port itself).
# The server listens on 127.0.0.1 on a free port picked at random (never a port another process holds) and keeps
# its socket in its own directory. It runs as an unprivileged user because initdb refuses root.

PG_MIN_MAJOR=15

pg__log() { printf '[postgres] %s\n' "$*" >&2; }

pg__find_bin() {
  local dir best="" best_major=0 major
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] || continue
    major=$(basename "$(dirname "$dir")")
    if [ "${major%%.*}" -ge "$best_major" ] 2>/dev/null; then best="$dir"; best_major=${major%%.*}; fi
  done
  if [ -z "$best" ] && command -v pg_config >/dev/null 2>&1; then
    dir=$(pg_config --bindir)
    [ -x "$dir/initdb" ] && best="$dir" && best_major=$("$dir/postgres" --version | sed -E 's/[^0-9]*([0-9]+).*/\1/')
  fi
  [ -n "$best" ] && [ "$best_major" -ge "$PG_MIN_MAJOR" ] && echo "$best"
}

pg__ensure_installed() {
  PG_BIN=$(pg__find_bin || true)
  if [ -n "$PG_BIN" ]; then return 0; fi
  if [ "$(id -u)" -ne 0 ]; then
    pg__log "PostgreSQL >= $PG_MIN_MAJOR not found and not running as root: install the 'postgresql' package."
    return 1
  fi
  pg__log "PostgreSQL >= $PG_MIN_MAJOR not found; installing Debian's postgresql package"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  PG_BIN=$(pg__find_bin || true)
  [ -n "$PG_BIN" ] || { pg__log "installation did not provide initdb"; return 1; }
}

pg__port_is_free() {
  # A connect that fails means nothing listens there.
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pg__pick_port() {
  local port tries=0
  while [ $tries -lt 200 ]; do
    port=$(( 20000 + RANDOM % 20000 ))
    if pg__port_is_free "$port" && pg__port_is_free $((port + 1)); then echo "$port"; return 0; fi
    tries=$((tries + 1))
  done
  pg__log "no free port found"; return 1
}

# Runs a command as the server's owner (the owner of its data when PG_OWNER was not passed down, e.g. to a child
# shell that inherited only the exported PG_DIR).
pg__as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    local owner=${PG_OWNER:-$(stat -c %U "$PG_DIR/data" 2>/dev/null || echo postgres)}
    # From /, which the owner can always enter (the caller's directory may be private to root).
    (cd / && runuser -u "$owner" -- "$@")
  else
    "$@"
  fi
}

pg_start() {
  pg__ensure_installed || return 1
  PG_OWNER=$(id -un)
  if [ "$(id -u)" -eq 0 ]; then
    PG_OWNER=postgres
    id "$PG_OWNER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_OWNER"
  fi
  PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/actorsegments-pg.XXXXXX")
  chmod 755 "$PG_DIR"
  [ "$(id -u)" -eq 0 ] && chown "$PG_OWNER" "$PG_DIR"
  PG_PORT=${PG_START_PORT:-}
  [ -n "$PG_PORT" ] || PG_PORT=$(pg__pick_port) || return 1
  PG_HOST=127.0.0.1
  pg__as_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C --no-sync >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; return 1; }
  # Durability settings are relaxed for throwaway data (tests never crash the machine); everything else is stock.
  PG_SERVER_OPTIONS="-p $PG_PORT -k $PG_DIR -c listen_addresses=$PG_HOST -c max_connections=${PG_MAX_CONNECTIONS:-400} ${PG_EXTRA_OPTIONS:--c fsync=off -c synchronous_commit=off -c full_page_writes=off}"
  PG_CONNECTION_STRING="Host=$PG_HOST;Port=$PG_PORT;Username=postgres;Database=postgres"
  pg__save_state
  pg__server_up || return 1
  pg__log "started PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on $PG_HOST:$PG_PORT (data in $PG_DIR)"
  export PG_BIN PG_DIR PG_PORT PG_HOST PG_CONNECTION_STRING
}

# Starts the server of PG_DIR with PG_SERVER_OPTIONS; its log goes on in the same file.
pg__server_up() {
  pg__as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 start -o "$PG_SERVER_OPTIONS" >/dev/null \
    || { cat "$PG_DIR/server.log" >&2; return 1; }
}

# What pg_attach needs to take over the server from another shell, quoted for `source`.
pg__save_state() {
  local name
  for name in PG_BIN PG_OWNER PG_PORT PG_HOST PG_SERVER_OPTIONS PG_CONNECTION_STRING; do
    printf '%s=%q\n' "$name" "${!name}"
  done >"$PG_DIR/state.env"
}

pg_attach() {
  local dir=${1:?pg_attach needs the directory of the server (its PG_DIR)}
  [ -f "$dir/state.env" ] || { pg__log "no server state in $dir"; return 1; }
  # shellcheck source=/dev/null
  source "$dir/state.env"
  PG_DIR=$dir
  export PG_BIN PG_DIR PG_PORT PG_HOST PG_CONNECTION_STRING
}

pg_halt() {
  [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR" ] || { pg__log "no server to halt"; return 1; }
  pg__as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w -t 60 stop >/dev/null || { cat "$PG_DIR/server.log" >&2; return 1; }
  pg__log "halted (fast shutdown; data kept in $PG_DIR)"
}

pg_resume() {
  [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR" ] || { pg__log "no server to resume"; return 1; }
  pg__server_up || return 1
  pg__log "resumed on $PG_HOST:$PG_PORT"
}

pg_stop() {
  [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR" ] || return 0
  pg__as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  pg__log "stopped and removed"
  PG_DIR=""
}
