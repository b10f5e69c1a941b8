#!/usr/bin/env bash
# Runs every test: unit, integration against a real Azurite, end-to-end through the real Playground
# and headless Chromium. Installs what the tests need first. The suite starts and stops Azurite and
# the Playground itself, on free ports. Ends with a line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_npm_tools
ensure_browser

results=TestResults
rm -rf "$results"
status=0
dotnet test SupervisionBot.sln --nologo -v q --logger "trx;LogFileName=tests.trx" --logger "console;verbosity=normal" \
  --results-directory "$results" "$@" || status=$?

summary=$(node -e '
  const fs = require("fs"), path = require("path");
  const dir = process.argv[1];
  let passed = 0, failed = 0, skipped = 0;
  for (const f of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (!f.endsWith(".trx")) continue;
    const c = /<Counters[^>]*>/.exec(fs.readFileSync(path.join(dir, f), "utf8"));
    if (!c) continue;
    const n = k => Number((new RegExp(k + "=\"(\\d+)\"").exec(c[0]) || [0, 0])[1]);
    passed += n("passed"); failed += n("failed") + n("error") + n("timeout") + n("aborted"); skipped += n("notExecuted");
    // The console log is long; name each failure again here, next to the count, so it is never lost.
    const xml = fs.readFileSync(path.join(dir, f), "utf8");
    for (const m of xml.matchAll(/<UnitTestResult [^>]*testName="([^"]*)"[^>]*outcome="(Failed|Error|Timeout|Aborted)"[^>]*>([\s\S]*?)<\/UnitTestResult>/g)) {
      const text = t => t.replace(/&#xD;/g, "").replace(/&quot;/g, "\"").replace(/&apos;/g, "\u0027").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
      const message = text((/<Message>([\s\S]*?)<\/Message>/.exec(m[3]) || [, ""])[1]);
      console.error(`FAILED ${text(m[1])}\n  ${message.slice(0, 2000).replace(/\n/g, "\n  ")}`);
    }
  }
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exitCode = (failed > 0 || passed === 0) ? 1 : 0;
' "$results") || status=1
echo "$summary"
exit "$status"
