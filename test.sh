#!/usr/bin/env bash
# Runs every test of the solution and ends with one line: "tests: N passed, N failed[, N skipped]".
# Installs what the tests need that the .NET SDK lacks: Debian's Chromium for the browser tests.
#   ./test.sh              every test, on SQLite
#   ./test.sh --postgres   the data, API, job, command and crash-recovery tests again, each on a fresh database of a
#                          private PostgreSQL server (scripts/postgres.sh installs and starts it, and stops it at the
#                          end); two app processes sharing one database; two instances on that server and a real
#                          Redis (redis-server, installed when missing)
# Further arguments go to dotnet test.
set -uo pipefail
cd "$(dirname "$0")"

postgres=0
if [ "${1:-}" = "--postgres" ]; then
    postgres=1
    shift
fi

# need <program> <Debian package>: apt-get installs the package when the program is missing.
need() {
    [ -x "$1" ] && return 0
    echo "Installing $2 for the tests (apt-get)…"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$2" >/dev/null \
        || { echo "Could not install $2 with apt-get"; echo "tests: 0 passed, 1 failed"; exit 1; }
}

if [ "$postgres" = 0 ]; then
    need /usr/bin/chromium chromium
else
    # The two-instance tests: a real Redis between the instances (started by the tests on a free loopback port),
    # Chromium for the browser on one of them, and nginx to check deploy/nginx.conf.
    need /usr/bin/redis-server redis-server
    need /usr/bin/chromium chromium
    need /usr/sbin/nginx nginx-light
fi

# epilot's published SDK clients, pinned by package-lock.json, for the compatibility test.
if [ "$postgres" = 0 ] && command -v npm >/dev/null 2>&1; then
    (cd Workflows.Tests/Compat && npm ci --no-audit --no-fund --loglevel=error) \
        || { echo "npm ci failed for the SDK compatibility test"; echo "tests: 0 passed, 1 failed"; exit 1; }
fi

results="$(pwd)/TestResults"
rm -rf "$results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

filter=()
if [ "$postgres" = 1 ]; then
    server="$(scripts/postgres.sh start | tail -n 1)" \
        || { echo "Could not start PostgreSQL for the provider tests"; echo "tests: 0 passed, 1 failed"; exit 1; }
    trap 'scripts/postgres.sh stop >/dev/null 2>&1' EXIT
    export WORKFLOWS_TEST_POSTGRES="$server"
    filter=(--filter "FullyQualifiedName~Workflows.Tests.Data.|FullyQualifiedName~Workflows.Tests.Api.|FullyQualifiedName~TwoInstanceLiveTests|FullyQualifiedName~TwoProcessJobTests|FullyQualifiedName~CrashRecoveryTests|FullyQualifiedName~Workflows.Tests.Hosting.|FullyQualifiedName~BehindNginxTests|FullyQualifiedName~NginxConfigTests")
fi

dotnet test Workflows.sln --logger "trx;LogFileName=results.trx" --results-directory "$results" "${filter[@]}" "$@"
status=$?

# The summary from the TRX files' <Counters …/> lines, with bash and grep only.
passed=0 failed=0 skipped=0
counter() { grep -o " $1=\"[0-9]*\"" <<<"$2" | grep -o "[0-9]*" || echo 0; }
while IFS= read -r line; do
    passed=$((passed + $(counter passed "$line")))
    failed=$((failed + $(counter failed "$line") + $(counter error "$line") + $(counter timeout "$line")))
    # Skipped tests are in total but not executed (TRX's notExecuted stays 0 for them).
    skipped=$((skipped + $(counter total "$line") - $(counter executed "$line")))
done < <(find "$results" -name '*.trx' -exec grep -ho '<Counters [^>]*>' {} + 2>/dev/null)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1 # the build or the test host failed before any test could report
fi
line="tests: $passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
exit $status
