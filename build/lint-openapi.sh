#!/usr/bin/env bash
# Lints openapi.yaml with Redocly's recommended rules, as an integrator's tooling would see it.
# Any warning fails: Redocly itself fails only on errors. The pinned @redocly/cli
# (build/tools/package.json) is installed into build/tools on first use; node and npm must exist.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tools="$root/build/tools"

if [ ! -x "$tools/node_modules/.bin/redocly" ]; then
  npm ci --prefix "$tools" --no-audit --no-fund >&2
fi

report=$("$tools/node_modules/.bin/redocly" lint "$root/openapi.yaml" --format=json 2>/dev/null) || true
node -e '
  const report = JSON.parse(process.argv[1]);
  for (const p of report.problems) {
    const at = p.location[0];
    console.log(`openapi.yaml:${at.start?.line ?? "?"} ${p.severity} ${p.ruleId}: ${p.message} (${at.pointer})`);
  }
  const { errors, warnings } = report.totals;
  console.log(`redocly lint: ${errors} errors, ${warnings} warnings`);
  process.exit(errors + warnings > 0 ? 1 : 0);
' "$report"
