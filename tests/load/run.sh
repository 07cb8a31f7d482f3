#!/usr/bin/env bash
# Load check of POST /api/v1/forms/scia/validate against a trivial endpoint (/health) of the same server.
# Starts the API in Release on 127.0.0.1 only, waits for /health/ready, runs wrk against both (warm-up, then
# DURATION each), stops the server and prints requests/s, latency p50/p99 and the ratio validate/trivial.
# Speed is reported, not asserted: the exit code is non-zero only on errors (server does not start, socket
# errors, non-2xx responses, the document not being a valid SCIA).
#
# Needs wrk (Debian: apt-get install -y wrk). Settings (environment): PORT (5099), DURATION (10s),
# WARMUP (8s), THREADS (2), CONNECTIONS (32), BODY (tests/StrategicCities.Benchmarks/Data/scia-milano.json).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PORT="${PORT:-5099}"
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-8s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
BODY="${BODY:-$ROOT/tests/StrategicCities.Benchmarks/Data/scia-milano.json}"
BASE="http://127.0.0.1:$PORT"
VALIDATE="$BASE/api/v1/forms/scia/validate?municipality=015146&date=2025-06-01"
TRIVIAL="$BASE/health"
LUA="$ROOT/tests/load/report.lua"
LOG="$(mktemp -t sc-load-server.XXXXXX.log)"

command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install -y wrk)" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is not installed" >&2; exit 2; }
[[ -f "$BODY" ]] || { echo "no such body file: $BODY" >&2; exit 2; }

echo "Building the API (Release)…"
dotnet build -c Release -v q --nologo "$ROOT/src/StrategicCities.Api" >/dev/null

echo "Starting the API on $BASE (log: $LOG)…"
DATABASE="sqlite:Data Source=$(mktemp -d)/load.db"
# shellcheck source=server.sh
source "$ROOT/tests/load/server.sh"
start_server

# The document must be what the run claims to measure: a complete, valid SCIA.
answer="$(curl -sS -w '\n%{http_code}' -H 'Content-Type: application/json' --data-binary "@$BODY" "$VALIDATE")"
status="${answer##*$'\n'}"
if [[ "$status" != "200" || "${answer%$'\n'*}" != *'"valid":true'* ]]; then
  echo "the load document is not accepted as a valid SCIA (HTTP $status):" >&2; echo "${answer%$'\n'*}" | head -c 2000 >&2; exit 1
fi

run() { # name url body-file duration → prints the RESULT line
  BODY_FILE="$3" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$4" --latency -s "$LUA" "$2" | grep '^RESULT'
}
field() { sed -E "s/.* $2=([^ ]+).*/\1/" <<<"$1"; }

echo "Warming up ($WARMUP each)…"
run trivial "$TRIVIAL" "" "$WARMUP" >/dev/null
run validate "$VALIDATE" "$BODY" "$WARMUP" >/dev/null

echo "Measuring ($DURATION each, $THREADS threads, $CONNECTIONS connections)…"
trivial="$(run trivial "$TRIVIAL" "" "$DURATION")"
validate="$(run validate "$VALIDATE" "$BODY" "$DURATION")"
stop_server

printf '\n%-34s %12s %10s %10s %10s %8s\n' "endpoint" "requests/s" "p50 ms" "p99 ms" "requests" "errors"
for pair in "GET /health|$trivial" "POST /api/v1/forms/scia/validate|$validate"; do
  name="${pair%%|*}"; r="${pair#*|}"
  printf '%-34s %12s %10s %10s %10s %8s\n' "$name" "$(field "$r" rps)" "$(field "$r" p50_ms)" "$(field "$r" p99_ms)" \
    "$(field "$r" requests)" "$(( $(field "$r" socket_errors) + $(field "$r" non2xx) ))"
done
ratio="$(awk -v v="$(field "$validate" rps)" -v t="$(field "$trivial" rps)" 'BEGIN { printf "%.2f", (t > 0 ? v / t : 0) }')"
echo
echo "validate / trivial requests/s: $ratio (target ≥ 0.5; reported, not asserted)"
echo "body: $BODY ($(wc -c <"$BODY") bytes); server log: $LOG"

errors=0
for r in "$trivial" "$validate"; do
  errors=$(( errors + $(field "$r" socket_errors) + $(field "$r" non2xx) ))
done
if [[ $errors -gt 0 ]]; then echo "errors during the run: $errors" >&2; exit 1; fi
