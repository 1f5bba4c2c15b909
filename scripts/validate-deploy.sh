#!/usr/bin/env bash
# Validates the deployment artifacts offline, without a container engine or a cluster:
#   docker-compose.yml  with `docker-compose config` (Debian's docker-compose), then the project's rules for silos
#   k8s/**/*.yaml       against the Kubernetes API schemas and the project's rules (deploy/manifest-check)
# Installs docker-compose, Node.js and npm from Debian's packages when missing and running as root (as CI does).
# Prints one line on success; lists every problem and exits 1 otherwise.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

log() { printf '[validate-deploy] %s\n' "$*" >&2; }

ensure_command() { # command, Debian packages...
  local command=$1; shift
  command -v "$command" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" -ne 0 ]; then
    log "$command not found and not running as root: install the Debian package(s) $*"
    return 1
  fi
  log "$command not found; installing Debian's $*"
  if [ -z "${VALIDATE_DEPLOY_APT_UPDATED:-}" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    VALIDATE_DEPLOY_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

ensure_command docker-compose docker-compose
ensure_command node nodejs
ensure_command npm npm

cd "$root"
# Interpolation uses the same variables `docker-compose up` would; the file's defaults cover unset ones.
docker-compose -f docker-compose.yml config -q

cd "$root/deploy/manifest-check"
npm ci --no-audit --no-fund --loglevel=error >/dev/null
node validate.js "$root/k8s" "$root/docker-compose.yml"
