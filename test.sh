#!/usr/bin/env bash
# The one test command (README.md): installs what the tests need, builds with warnings as errors,
# runs every suite and the legal-staff checks, and ends with one line "total: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")"

log_dir=artifacts/test-logs
mkdir -p "$log_dir"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

passed=0 failed=0 skipped=0
count() { # add the counts of every "Passed!/Failed!  - Failed: a, Passed: b, Skipped: c" line of a dotnet test log
  while read -r f p s; do
    failed=$((failed + f)); passed=$((passed + p)); skipped=$((skipped + s))
  done < <(sed -nE 's/.*Failed:[[:space:]]+([0-9]+), Passed:[[:space:]]+([0-9]+), Skipped:[[:space:]]+([0-9]+).*/\1 \2 \3/p' "$1")
}

status=0
echo "== build (warnings are errors)"
dotnet build StrategicCities.sln -c Release --nologo -v minimal

echo "== rules: permits lint, permits test"
dotnet run -c Release --no-build --project src/StrategicCities.Cli -- lint || status=1
if dotnet run -c Release --no-build --project src/StrategicCities.Cli -- test | tee "$log_dir/permits-test.log"; then :; else status=1; fi
line=$(tail -n 1 "$log_dir/permits-test.log")
if [[ $line =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed ]]; then
  passed=$((passed + BASH_REMATCH[1])); failed=$((failed + BASH_REMATCH[2]))
fi

echo "== PostgreSQL for the storage and API suites (installed from Debian's packages and started on 127.0.0.1 if needed)"
export "$(bash scripts/ci/postgres.sh)"

echo "== Chromium for the widget's browser tests (Debian's package, headless)"
bash scripts/ci/chromium.sh

echo "== unit, integration, browser and legal-case tests (NUnit)"
if dotnet test StrategicCities.sln -c Release --no-build --nologo -v minimal | tee "$log_dir/dotnet-test.log"; then :; else status=1; fi
count "$log_dir/dotnet-test.log"

echo "== cross-implementation check: Ajv (strict) against the server's verdicts on every form example"
if (cd tests/ajv && npm ci --no-audit --no-fund --loglevel=error && node check.mjs) | tee "$log_dir/ajv.log"; then
  passed=$((passed + 1))
else
  failed=$((failed + 1)); status=1
fi

echo
echo "total: $passed passed, $failed failed, $skipped skipped"
if [[ $status -ne 0 || $failed -ne 0 || $passed -eq 0 ]]; then exit 1; fi
