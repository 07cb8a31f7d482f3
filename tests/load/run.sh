#!/usr/bin/env bash
# Load check of POST /api/v1/forms/scia/validate against a trivial endpoint (/health) of the same server.
# Starts the API in Release on 127.0.0.1 only, waits for /health/ready, warms each endpoint up to its steady state,
# measures each for DURATION, stops the server and prints requests/s, latency p50/p99, the server's CPU time per
# request and the ratio validate/trivial.
#
# Warm-up: the runtime compiles hot code again, optimised, while it serves (tiered compilation, dynamic PGO); on a
# busy 2-core machine that takes the validate path 30–40 s, passing through plateaus (two windows alike at 11k
# requests/s, then 17k, then 21k), during which it serves a fraction of its steady rate. So each endpoint is
# driven in WARMUP windows, at least WARMUP_MIN seconds and then until two consecutive windows agree within 5% (at
# most WARMUP_MAX), and the windows are printed: how long a fresh server takes to reach its steady state is part
# of the result.
# Measuring: ROUNDS rounds, each the trivial endpoint, the refused request and the validate endpoint for DURATION;
# the ratios are taken within each round and the median round (by validate / trivial) is reported. A shared VM drifts
# by ±15% over a minute: endpoints measured side by side, several times, compare better than one long run of each.
# The refused request is the same POST with the same form wrapped in a JSON array: the endpoint resolves the schema,
# reads and parses the whole body, finds no object and answers 400 (body.not-object) without validating. Its rate is
# what the endpoint would reach if validating and writing the report took no time: the ceiling of the ratio for this
# body on this machine, so the run shows how much of the gap is validation and how much is the request itself.
# Speed is reported, not asserted: the exit code is non-zero only on errors (server does not start, socket
# errors, non-2xx responses, the document not being a valid SCIA).
#
# Needs wrk (Debian: apt-get install -y wrk). Settings (environment): PORT (5099), DURATION (10s), ROUNDS (5),
# WARMUP (5s, one window), WARMUP_MIN (40), WARMUP_MAX (90), THREADS (2), CONNECTIONS (32),
# BODY (tests/StrategicCities.Benchmarks/Data/scia-milano.json), REFUSED (1; 0 leaves the refused request out).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PORT="${PORT:-5099}"
DURATION="${DURATION:-10s}"
ROUNDS="${ROUNDS:-5}"
WARMUP="${WARMUP:-5s}"
WARMUP_MIN="${WARMUP_MIN:-40}"
WARMUP_MAX="${WARMUP_MAX:-90}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
BODY="${BODY:-$ROOT/tests/StrategicCities.Benchmarks/Data/scia-milano.json}"
REFUSED="${REFUSED:-1}"
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
# Every refused request is logged (Information, event 2000): the refused request measures the request path, not the
# console, so that one line is left out here.
start_server --Logging:LogLevel:StrategicCities.Api.Problems.ProblemFactory=Warning

expect() { # body-file status text complaint → exits with the complaint unless validating the file answers that status with the text
  local answer status
  answer="$(curl -sS -w '\n%{http_code}' -H 'Content-Type: application/json' --data-binary "@$1" "$VALIDATE")"
  status="${answer##*$'\n'}"
  if [[ "$status" != "$2" || "${answer%$'\n'*}" != *"$3"* ]]; then
    echo "$4 (HTTP $status):" >&2; echo "${answer%$'\n'*}" | head -c 2000 >&2; exit 1
  fi
}

# Each request must be what the run claims to measure: a complete, valid SCIA; the same form refused unvalidated.
expect "$BODY" 200 '"valid":true' "the load document is not accepted as a valid SCIA"
if [[ "$REFUSED" == 1 ]]; then
  REFUSED_BODY="$(mktemp -t sc-load-refused.XXXXXX.json)"
  trap 'stop_server; rm -f "$REFUSED_BODY"' EXIT
  { printf '['; cat "$BODY"; printf ']'; } >"$REFUSED_BODY"
  expect "$REFUSED_BODY" 400 'body.not-object' "the refused request is not answered 400 body.not-object"
fi

run() { # name url body-file duration → prints the RESULT line
  BODY_FILE="$3" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$4" --latency -s "$LUA" "$2" | grep '^RESULT'
}
field() { sed -E "s/.* $2=([^ ]+).*/\1/" <<<"$1"; }
failures() { # RESULT line, 1 when every answer should be a 4xx → socket errors plus answers of the wrong kind
  local wrong; wrong="$(field "$1" non2xx)"; [[ "$2" == 1 ]] && wrong=$(( $(field "$1" requests) - wrong ))
  echo $(( $(field "$1" socket_errors) + wrong ))
}
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$APP/stat"; } # user + system time of the server, in clock ticks
warm() { # name url body-file [minimum seconds] → windows of WARMUP until two agree within 5%
  local previous=0 elapsed=0 seconds="${WARMUP%s}" minimum="${4:-$WARMUP_MIN}" rps line="  $1:"
  while (( elapsed < WARMUP_MAX )); do
    rps="$(field "$(run "$1" "$2" "$3" "$WARMUP")" rps)"
    elapsed=$(( elapsed + seconds )); line+=" ${rps%.*}"
    if (( elapsed >= minimum )) && awk -v a="$previous" -v b="$rps" 'BEGIN { exit !(a > 0 && b <= a * 1.05 && b >= a * 0.95) }'; then break; fi
    previous="$rps"
  done
  echo "$line requests/s per ${WARMUP} window (steady after ${elapsed} s)"
}
measure() { # name url body-file → RESULT line with cpu_us (server CPU per request) appended
  local before after result
  before="$(cpu_ticks)"; result="$(run "$1" "$2" "$3" "$DURATION")"; after="$(cpu_ticks)"
  echo "$result cpu_us=$(awk -v t="$(( after - before ))" -v hz="$(getconf CLK_TCK)" -v n="$(field "$result" requests)" 'BEGIN { printf "%.1f", (n > 0 ? t / hz / n * 1e6 : 0) }')"
}
over() { awk -v a="$(field "$1" rps)" -v b="$(field "$2" rps)" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }'; } # a's requests/s ÷ b's

# The API process itself (dotnet run starts it as a child in the same process group).
APP="$(pgrep -g "$SERVER" -f 'StrategicCities.Api' | grep -vx "$SERVER" | head -1 || true)"
APP="${APP:-$SERVER}"

echo "Warming up to steady state…"
warm trivial "$TRIVIAL" ""
warm validate "$VALIDATE" "$BODY"
# The refused request runs the validate path's first half, already warm: a shorter minimum is enough.
if [[ "$REFUSED" == 1 ]]; then warm refused "$VALIDATE" "$REFUSED_BODY" 15; fi

echo "Measuring ($ROUNDS rounds of $DURATION per endpoint, $THREADS threads, $CONNECTIONS connections)…"
trivials=(); refuseds=(); validates=(); ratios=()
for round in $(seq 1 "$ROUNDS"); do
  t="$(measure trivial "$TRIVIAL" "")"
  f=""; if [[ "$REFUSED" == 1 ]]; then f="$(measure refused "$VALIDATE" "$REFUSED_BODY")"; fi
  v="$(measure validate "$VALIDATE" "$BODY")"
  trivials+=("$t"); refuseds+=("$f"); validates+=("$v")
  ratio="$(over "$v" "$t")"
  ratios+=("$ratio $((round - 1))")
  line="$(printf '  round %d: trivial %s requests/s (%s µs/req)' "$round" "$(field "$t" rps)" "$(field "$t" cpu_us)")"
  if [[ -n "$f" ]]; then line+="$(printf ', refused %s (%s µs/req)' "$(field "$f" rps)" "$(field "$f" cpu_us)")"; fi
  printf '%s, validate %s (%s µs/req), ratio %s\n' "$line" "$(field "$v" rps)" "$(field "$v" cpu_us)" "$ratio"
done
stop_server

# The median round (by its ratio) is the result.
median="$(printf '%s\n' "${ratios[@]}" | sort -n | sed -n "$(( (ROUNDS + 1) / 2 ))p")"
pick="${median#* }"
trivial="${trivials[$pick]}"; refused="${refuseds[$pick]}"; validate="${validates[$pick]}"

printf '\n%-38s %12s %10s %10s %10s %8s %14s\n' "endpoint (median round)" "requests/s" "p50 ms" "p99 ms" "requests" "errors" "server µs/req"
rows=("GET /health|$trivial|0")
if [[ -n "$refused" ]]; then rows+=("POST .../validate, refused (400)|$refused|1"); fi
rows+=("POST /api/v1/forms/scia/validate|$validate|0")
for row in "${rows[@]}"; do
  IFS='|' read -r name r expect4xx <<<"$row"
  printf '%-38s %12s %10s %10s %10s %8s %14s\n' "$name" "$(field "$r" rps)" "$(field "$r" p50_ms)" "$(field "$r" p99_ms)" \
    "$(field "$r" requests)" "$(failures "$r" "$expect4xx")" "$(field "$r" cpu_us)"
done
echo
echo "validate / trivial requests/s: ${median% *} (median of $ROUNDS rounds; target ≥ 0.5; reported, not asserted)"
if [[ -n "$refused" ]]; then
  echo "refused / trivial requests/s: $(over "$refused" "$trivial") (same round: the same request answered after reading and parsing the"
  echo "  body, without validating or writing a report — the most validate / trivial could reach for this body here)"
fi
cpu_ratio="$(awk -v v="$(field "$validate" cpu_us)" -v t="$(field "$trivial" cpu_us)" 'BEGIN { printf "%.2f", (v > 0 ? t / v : 0) }')"
echo "trivial / validate server CPU per request: $cpu_ratio (the requests/s ratio a server with its CPU to itself would see:"
echo "  wrk runs on the same machine, and with few cores its own CPU caps the trivial endpoint more than the other)"
echo "body: $BODY ($(wc -c <"$BODY") bytes); server log: $LOG"

errors=0
for r in "${trivials[@]}" "${validates[@]}"; do errors=$(( errors + $(failures "$r" 0) )); done
for r in "${refuseds[@]}"; do [[ -z "$r" ]] || errors=$(( errors + $(failures "$r" 1) )); done
if [[ $errors -gt 0 ]]; then echo "errors during the run: $errors" >&2; exit 1; fi
