#!/usr/bin/env bash
# Runs every test of the solution against a throwaway PostgreSQL that this script starts and always removes.
#   scripts/test.sh                      all tests
#   scripts/test.sh --filter Category!=Slow   extra arguments go to `dotnet test`
# Tests that need PostgreSQL read ACTORSEGMENTS_TEST_POSTGRES; each test class creates its own database in it.
# The console's browser tests need Chromium (installed here when missing and running as root; under CI=true its
# absence fails them rather than skipping them).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lib/postgres.sh
source "$root/scripts/lib/postgres.sh"
# shellcheck source=lib/chromium.sh
source "$root/scripts/lib/chromium.sh"
bash "$root/scripts/validate-deploy.sh"  # docker-compose.yml and k8s/ validated offline; fails fast

chromium_ensure  # the console's browser tests drive the system's Chromium
trap pg_stop EXIT INT TERM
pg_start
export ACTORSEGMENTS_TEST_POSTGRES="$PG_CONNECTION_STRING"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

cd "$root"
# The whole solution first: `dotnet test` builds only the test projects and what they reference, so a benchmark or
# tool that no longer compiles (warnings are errors) would otherwise go unnoticed.
dotnet build ActorSegments.sln -c Release
status=0
dotnet test --solution ActorSegments.sln -c Release "$@" || status=$?
exit $status
