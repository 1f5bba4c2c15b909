#!/usr/bin/env bash
# Regenerates the console's screenshots in docs/console/ (PNG, a laptop's width): runs the console's browser tests with
# ACTORSEGMENTS_CONSOLE_SCREENSHOTS set, and each test saves the pages it checks. Screenshots are made by this script
# only, never by hand, so they show what the tests saw.
# Usage: scripts/console-screenshots.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~CohortsTests]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/chromium.sh
source scripts/lib/chromium.sh
chromium_ensure
out="$(pwd)/docs/console"
mkdir -p "$out"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 CI=true
ACTORSEGMENTS_CONSOLE_SCREENSHOTS="$out" dotnet test tests/ActorSegments.Console.Tests -c Release "$@"
ls -1 "$out"/*.png
