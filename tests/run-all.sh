#!/usr/bin/env bash
# The test command (README.md, .ci/run): builds everything, runs every .NET test project and the Pester suite,
# and ends with one line "N passed, N failed" over all suites. Exits non-zero when anything failed.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

results="$root/artifacts/test-results"
rm -rf "$results" && mkdir -p "$results"
status=0

dotnet tool restore || { echo "dotnet tool restore failed"; exit 1; }
dotnet build EksAdvisories.sln -c Release || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }

dotnet test EksAdvisories.sln -c Release --no-build \
  --logger "trx;LogFilePrefix=dotnet" --logger "console;verbosity=minimal" \
  --results-directory "$results" || status=1

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
echo ".NET: $passed passed, $failed failed"
if [ "$passed" -eq 0 ]; then echo "no .NET test ran"; status=1; fi

if [ -f tests/EksAdvisories.PowerShell.Tests/run-pester.ps1 ]; then
  pester_out="$results/pester-summary.txt"
  dotnet pwsh -NoLogo -NoProfile -NonInteractive -File tests/EksAdvisories.PowerShell.Tests/run-pester.ps1 \
    -Configuration Release -SummaryPath "$pester_out" || status=1
  if [ -f "$pester_out" ]; then
    read -r pp pf < "$pester_out"
    echo "Pester: $pp passed, $pf failed"
    passed=$((passed + pp)); failed=$((failed + pf))
  else
    echo "Pester wrote no summary"; status=1
  fi
fi

[ "$failed" -eq 0 ] || status=1
echo "$passed passed, $failed failed"
exit $status
