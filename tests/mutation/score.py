#!/usr/bin/env python3
"""Prints one area's figures from a Stryker mutation-report.json: per file and in total, and the survivors."""
import json
import sys

report_path, area, elapsed = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(report_path, encoding="utf-8") as f:
    report = json.load(f)

DETECTED = {"Killed", "Timeout"}
UNDETECTED = {"Survived", "NoCoverage"}

lines = []
totals = {"detected": 0, "undetected": 0, "ignored": 0}
survivors = []
for path, file in sorted(report["files"].items()):
    detected = sum(1 for m in file["mutants"] if m["status"] in DETECTED)
    undetected = sum(1 for m in file["mutants"] if m["status"] in UNDETECTED)
    ignored = sum(1 for m in file["mutants"] if m["status"] == "Ignored" and "mutate filter" not in m.get("statusReason", ""))
    if detected + undetected == 0:
        continue
    totals["detected"] += detected
    totals["undetected"] += undetected
    totals["ignored"] += ignored
    valid = detected + undetected
    score = 100.0 * detected / valid if valid else 100.0
    name = path.split("StrategicCities.Core/")[-1]
    lines.append(f"  {name}: {score:.1f}% ({detected} killed, {undetected} survived or not covered, {ignored} ignored)")
    for m in file["mutants"]:
        if m["status"] in UNDETECTED:
            loc = m["location"]["start"]
            survivors.append(f"    {name}:{loc['line']} {m['mutatorName']}: {m.get('replacement', '')[:80]} [{m['status']}]")

valid = totals["detected"] + totals["undetected"]
score = 100.0 * totals["detected"] / valid if valid else 100.0
print(f"{area}: {score:.1f}% ({totals['detected']}/{valid}, {totals['ignored']} ignored) in {elapsed // 60} min {elapsed % 60} s")
print("\n".join(lines))
if survivors:
    print("  left:")
    print("\n".join(survivors))
