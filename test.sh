#!/usr/bin/env bash
# Runs every test of the solution and ends with one line: "tests: N passed, N failed[, N skipped]".
# Installs what the tests need that the .NET SDK lacks: Debian's Chromium for the browser tests.
set -uo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ]; then
    echo "Installing Chromium for the browser tests (apt-get)…"
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null \
        || { echo "Could not install chromium with apt-get"; echo "tests: 0 passed, 1 failed"; exit 1; }
fi

# epilot's published SDK clients, pinned by package-lock.json, for the compatibility test.
if command -v npm >/dev/null 2>&1; then
    (cd Workflows.Tests/Compat && npm ci --no-audit --no-fund --loglevel=error) \
        || { echo "npm ci failed for the SDK compatibility test"; echo "tests: 0 passed, 1 failed"; exit 1; }
fi

results="$(pwd)/TestResults"
rm -rf "$results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet test Workflows.sln --logger "trx;LogFileName=results.trx" --results-directory "$results" "$@"
status=$?

python3 - "$results" "$status" <<'PY' 2>/dev/null || summarize_failed=1
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
files = glob.glob(f"{sys.argv[1]}/**/*.trx", recursive=True)
for f in files:
    counters = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
    skipped += int(counters.get("notExecuted", 0))
if int(sys.argv[2]) != 0 and failed == 0:
    failed = 1  # the build or the test host failed before any test could report
line = f"tests: {passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
PY
if [ "${summarize_failed:-0}" = 1 ]; then
    echo "tests: 0 passed, 1 failed"
    exit 1
fi
exit $status
