#!/usr/bin/env bash
# Mixed clerk workload against the intake API (issue: intake API, speed): CLERKS concurrent clerks, each walking
# create draft → put data (If-Match) → file (presentazione) → read → list, on a fresh database. Starts the API in
# Release on 127.0.0.1 only, creates an office and a clerk key with the permits CLI, runs wrk, stops the server and
# prints requests/s and latency p50/p99. Speed is reported, not asserted: non-zero exit only on errors.
#
# Needs wrk (Debian: apt-get install -y wrk). Settings (environment): PORT (5098), DURATION (15s), CLERKS (4),
# CONNECTION (database setting; default a temporary SQLite file, e.g. "postgres:Host=127.0.0.1;…" for PostgreSQL).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PORT="${PORT:-5098}"
DURATION="${DURATION:-15s}"
CLERKS="${CLERKS:-4}"
CONNECTION="${CONNECTION:-sqlite:Data Source=$(mktemp -d)/clerk-load.db}"
BODY="$ROOT/tests/StrategicCities.Benchmarks/Data/scia-milano.json"
BASE="http://127.0.0.1:$PORT"
LOG="$(mktemp -t sc-clerk-load.XXXXXX.log)"
command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install -y wrk)" >&2; exit 2; }

echo "Building (Release)…"
dotnet build -c Release -v q --nologo "$ROOT/src/StrategicCities.Api" >/dev/null
dotnet build -c Release -v q --nologo "$ROOT/src/StrategicCities.Cli" >/dev/null
permits() { (cd "$ROOT" && dotnet run -c Release --no-build --project src/StrategicCities.Cli -- "$@"); }

echo "Preparing the database, an office serving Milano and a clerk key…"
permits db migrate --connection "$CONNECTION" >/dev/null
office="$(permits offices create --name "Load test desk" --municipalities 015146 --connection "$CONNECTION" | grep -oE '[0-9a-f]{8}-[0-9a-f-]{27}' | head -n 1)"
key="$(permits keys create --role clerk --office "$office" --name load --connection "$CONNECTION" 2>/dev/null | grep -oE 'sck_[A-Za-z0-9_-]+' | head -n 1)"
[[ -n "$office" && -n "$key" ]] || { echo "could not create the office or the key" >&2; exit 1; }

echo "Starting the API on $BASE (log: $LOG)…"
DATABASE="$CONNECTION"
# shellcheck source=server.sh
source "$ROOT/tests/load/server.sh"
start_server

echo "Warming up (5s), then measuring ($DURATION, $CLERKS clerks)…"
API_KEY="$key" BODY_FILE="$BODY" wrk -t"$CLERKS" -c"$CLERKS" -d5s -s "$ROOT/tests/load/clerk.lua" "$BASE" >/dev/null
result="$(API_KEY="$key" BODY_FILE="$BODY" wrk -t"$CLERKS" -c"$CLERKS" -d"$DURATION" --latency -s "$ROOT/tests/load/clerk.lua" "$BASE" | grep '^RESULT')"
stop_server
field() { sed -E "s/.* $2=([^ ]+).*/\1/" <<<"$1"; }
printf '\n%-40s %12s %10s %10s %10s %8s\n' "workload" "requests/s" "p50 ms" "p99 ms" "requests" "errors"
printf '%-40s %12s %10s %10s %10s %8s\n' "clerk cycle (create/put/file/get/list)" "$(field "$result" rps)" \
  "$(field "$result" p50_ms)" "$(field "$result" p99_ms)" "$(field "$result" requests)" \
  "$(( $(field "$result" socket_errors) + $(field "$result" non2xx) ))"
echo "database: ${CONNECTION%%:*}; server log: $LOG"
errors=$(( $(field "$result" socket_errors) + $(field "$result" non2xx) ))
if [[ $errors -gt 0 ]]; then echo "errors during the run: $errors" >&2; exit 1; fi
