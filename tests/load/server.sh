# Sourced by run.sh and clerk.sh: starts the API in Release on $BASE in its own process group (so stopping it stops
# exactly what was started), with the rate limiter lifted and the sweep stopped — the scripts measure the request
# path, not the limiter (which would answer 429 after 600 requests a minute) — and waits until /health/ready.
# Needs ROOT, BASE, LOG and DATABASE (a Database:ConnectionString setting); arguments are further settings for the
# server. Defines stop_server (also on EXIT).
start_server() {
  setsid dotnet run -c Release --no-build --no-launch-profile --project "$ROOT/src/StrategicCities.Api" -- --urls "$BASE" \
    --RateLimit:PermitLimit=1000000000 --Sweep:Enabled=false --Database:ConnectionString="$DATABASE" "$@" >"$LOG" 2>&1 &
  SERVER=$!
  trap stop_server EXIT
  for i in $(seq 1 240); do
    if curl -fsS "$BASE/health/ready" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$SERVER" 2>/dev/null; then echo "the API exited during start:" >&2; cat "$LOG" >&2; exit 1; fi
    sleep 0.5
  done
  echo "the API was not ready after 120 s" >&2; cat "$LOG" >&2; exit 1
}

stop_server() {
  if [[ -n "${SERVER:-}" ]] && kill -0 "$SERVER" 2>/dev/null; then
    kill -TERM -- "-$SERVER" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$SERVER" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$SERVER" 2>/dev/null || true
  fi
}
