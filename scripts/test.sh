#!/usr/bin/env bash
# npm test: the whole suite, from a fresh clone. Installs what is missing (Node 24 when the system Node is older,
# the pinned n8n, the package's dependencies), builds, checks types, lint and format, then runs the three layers:
# unit (src), node (workflows in the n8n engine, in-process) and e2e (a real n8n instance).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/runtime.sh
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "type check"
node node_modules/typescript/bin/tsc --noEmit -p tsconfig.json
step "build"
npm run --silent build >/dev/null
step "lint (n8n-node lint, without cloud support)"
node node_modules/eslint/bin/eslint.js . --max-warnings=0
step "format (prettier)"
node node_modules/prettier/bin/prettier.cjs --check . --log-level=warn

results="$(mktemp -d)"
step "unit and node tests"
status=0
node node_modules/jest/bin/jest.js --ci --selectProjects unit node --json --outputFile="$results/fast.json" || status=$?
step "e2e tests (real n8n $(node -p "require('./scripts/runtime/n8n/package.json').dependencies.n8n"), one at a time)"
node node_modules/jest/bin/jest.js --ci --selectProjects e2e --runInBand --json --outputFile="$results/e2e.json" || status=$?

node -e '
const fs = require("fs");
let passed = 0, failed = 0, skipped = 0;
for (const file of process.argv.slice(1)) {
	if (!fs.existsSync(file)) { failed += 1; continue; }
	const r = JSON.parse(fs.readFileSync(file, "utf8"));
	passed += r.numPassedTests; failed += r.numFailedTests + r.numRuntimeErrorTestSuites; skipped += r.numPendingTests;
}
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
' "$results/fast.json" "$results/e2e.json"
exit "$status"
