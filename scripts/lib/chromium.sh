# shellcheck shell=bash
# Chromium for the console's browser tests (tests/ActorSegments.Console.Tests drive it through Playwright). Browsers
# are not downloaded: the tests use Debian's chromium package. Source this file, then:
#   chromium_ensure   -> installs it when missing and running as root; otherwise says what is missing (the browser
#                        tests then skip on a developer's machine and fail under CI=true)
# ACTORSEGMENTS_TEST_CHROMIUM names another executable (default /usr/bin/chromium).

chromium__log() { printf '[chromium] %s\n' "$*" >&2; }

chromium_ensure() {
  local path=${ACTORSEGMENTS_TEST_CHROMIUM:-/usr/bin/chromium}
  if [ -x "$path" ]; then return 0; fi
  if [ "$(id -u)" -ne 0 ]; then
    chromium__log "$path not found and not running as root: install Debian's 'chromium' package for the console's browser tests."
    return 0
  fi
  chromium__log "$path not found; installing Debian's chromium package"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2 || chromium__log "installing chromium failed; the browser tests will say so"
}
