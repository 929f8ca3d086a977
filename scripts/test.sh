#!/usr/bin/env bash
# Sets up everything the tests need (npm packages, shells, the real local cloud), checks lint and
# formatting, and runs every test tier (unit, integration, packaging: see vitest.config.ts).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
[ -f scripts/install-test-deps.sh ] && bash scripts/install-test-deps.sh
# Lint and format first; the tests still run, so one run shows every problem, but the run fails.
lint_status=0
npm run --silent lint || lint_status=$?
npx tsc --noEmit
bash scripts/local-cloud.sh up

results=$(mktemp)
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json="$results" "$@" || status=$?
# Each tier's count and time, then a plain closing line any CI can read.
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const tiers = {};
  for (const file of r.testResults) {
    const tier = (/\/test\/([^/]+)\//.exec(file.name) ?? [, "other"])[1];
    const t = (tiers[tier] ??= { passed: 0, failed: 0, start: Infinity, end: 0 });
    for (const a of file.assertionResults) if (a.status === "passed") t.passed++; else if (a.status === "failed") t.failed++;
    t.start = Math.min(t.start, file.startTime);
    t.end = Math.max(t.end, file.endTime);
  }
  for (const [tier, t] of Object.entries(tiers)) console.log(`tier ${tier}: ${t.passed} tests passed, ${t.failed} failed, ${((t.end - t.start) / 1000).toFixed(1)} s`);
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
  if (r.numTotalTests === 0) { console.error("no test ran"); process.exit(1); }
' "$results" || status=1
rm -f "$results"
# vitest also fails a run for errors outside any test (an unhandled rejection, an EPIPE): say so.
[ "$status" -eq 0 ] || echo "test run failed (exit $status): see the failures or 'Unhandled Errors' above"
if [ "$lint_status" -ne 0 ]; then
  echo "lint or format check failed (npm run lint; npm run format writes the formatting)"
  status=1
fi
exit "$status"
