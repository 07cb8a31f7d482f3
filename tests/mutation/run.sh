#!/usr/bin/env bash
# Mutation testing of the legal core with Stryker.NET (dotnet-stryker, pinned in .config/dotnet-tools.json).
# Not part of ./test.sh: one area takes minutes here (figures in tests/mutation/README.md).
#
#   tests/mutation/run.sh [area ...]      areas: formats clock catalog determination guards (default: all, one at a time)
#   tests/mutation/run.sh --since [area]  only the files changed since main (Stryker's --since)
#   CONCURRENCY=2 tests/mutation/run.sh clock   two test sessions at once (default 1: the machine is shared)
#
# Each area mutates one set of files (--mutate) and runs only the Core tests that exercise it
# (--test-case-filter): a smaller initial run, and coverage per test ("perTest") then runs, for each
# mutant, only the tests that reach it. One test session at a time (--concurrency 1): the machine is shared.
#
# What is not mutated (stryker-config.json), and why:
# - ignore-methods ArgumentNullException.ThrowIfNull, ArgumentException.ThrowIfNull*, ArgumentOutOfRangeException.ThrowIf*:
#   argument guard clauses. They reject a programming error, not an input of the law; removing one only changes
#   which exception a bug raises.
# - ignore-methods *Exception.ctor: the text of an exception. Exceptions are faults (STYLE.md C4); the test
#   pins that the fault is raised, not its wording.
# - ignore-methods LocalizedText.ctor: the Italian and English texts of a message (problem details, refusals).
#   Their codes and pointers are contracts and stay mutated; their wording is not logic.
# - ignore-methods *Log.*: source-generated log calls (STYLE.md C5); a log line has no effect on an outcome.
# - ignore-mutations "string" is NOT set: problem codes and event names are strings with meaning, so string
#   mutants are kept; interpolated refusal messages of the catalog (CatalogProblem) stay mutated too, and the
#   tests assert that they name the file, the rule and the reason.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

since=()
if [[ "${1:-}" == "--since" ]]; then
  since=(--since:main)
  shift
fi

areas=("$@")
if [[ ${#areas[@]} -eq 0 ]]; then
  areas=(formats clock catalog determination guards)
fi

core=src/StrategicCities.Core

# The files of each area (globs relative to the project), and the tests that exercise them.
mutate_formats=("$core/Forms/Formats/CodiceFiscale.cs" "$core/Forms/Formats/PartitaIva.cs")
filter_formats="FullyQualifiedName~Forms.Formats"

mutate_clock=("$core/Procedures/Clock/LegalClock.cs" "$core/Procedures/Clock/ItalianCalendar.cs" "$core/Legal/RomeCalendar.cs")
filter_clock="FullyQualifiedName~Procedures|FullyQualifiedName~RomeCalendar"

mutate_catalog=("$core/Catalog/RuleCatalog.cs" "$core/Catalog/OverlayComposer.cs" "$core/Catalog/Revisions.cs" "$core/Catalog/Validity.cs"
  "$core/Law/LawCatalog.cs" "$core/Law/LawInForce.cs")
filter_catalog="FullyQualifiedName~OverlayComposerTests|FullyQualifiedName~RevisionsTests|FullyQualifiedName~RuleCatalogSelectionTests|FullyQualifiedName~ResolveTests|FullyQualifiedName~LawCatalogTests"

mutate_determination=("$core/Determination/DeterminationEngine.cs")
filter_determination="FullyQualifiedName~Determination"

mutate_guards=("$core/Procedures/ProcedureMachine.cs")
filter_guards="FullyQualifiedName~Procedures"

dotnet tool restore >/dev/null

summary=()
for area in "${areas[@]}"; do
  mutate_var="mutate_${area}[@]"
  filter_var="filter_${area}"
  if [[ -z "${!filter_var:-}" ]]; then
    echo "unknown area '$area' (formats clock catalog determination guards)" >&2
    exit 2
  fi

  args=()
  for file in "${!mutate_var}"; do
    args+=(--mutate "**/${file#"$core/"}")
  done

  out="$root/tests/mutation/out/$area"
  rm -rf "$out"
  started=$(date +%s)
  echo "== $area: ${!mutate_var}"
  (cd tests/StrategicCities.Core.Tests && dotnet dotnet-stryker \
    --config-file ../mutation/stryker-config.json \
    --output "$out" \
    --test-case-filter "${!filter_var}" \
    --skip-version-check \
    --concurrency "${CONCURRENCY:-1}" \
    "${since[@]}" "${args[@]}")
  elapsed=$(( $(date +%s) - started ))

  report="$out/reports/mutation-report.json"
  if [[ -f "$report" ]]; then
    line=$(python3 "$root/tests/mutation/score.py" "$report" "$area" "$elapsed")
    summary+=("$line")
  else
    summary+=("$area: no report (see $out/logs)")
  fi
done

echo
echo "Mutation score by area (killed + timeout) / (killed + timeout + survived + no coverage):"
printf '%s\n' "${summary[@]}"
