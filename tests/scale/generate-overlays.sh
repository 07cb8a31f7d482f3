#!/usr/bin/env bash
# A copy of rules/ with a municipal overlay for every municipality of the ISTAT registry (7,896), for the catalog
# measurement only (never shipped): Roma's determination overlay with the jurisdiction changed.
# Usage: bash tests/scale/generate-overlays.sh /tmp/sc-rules-national   (prints the folder)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-/tmp/sc-rules-national}
rm -rf "$out" && mkdir -p "$out"
cp -r rules "$out/rules" && cp -r schemas "$out/schemas"
template=rules/municipalities/058091/determination/2025-01-01.json
tail -n +2 rules/registry/municipalities.csv | cut -d, -f1 | while read -r istat; do
  dir="$out/rules/municipalities/$istat/determination"
  if [[ ! -e $dir/2025-01-01.json ]]; then
    mkdir -p "$dir"
    sed "s/\"jurisdiction\": \"058091\"/\"jurisdiction\": \"$istat\"/" "$template" >"$dir/2025-01-01.json"
  fi
done
echo "$out/rules"
