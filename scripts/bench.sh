#!/usr/bin/env bash
# npm run bench: every performance figure in one run, printed as a table with the goals beside the figures.
# Builds the package (the Code-node comparison and the package-load figure use dist/, as n8n does), compiles the
# benchmark with tsc into the git-ignored .bench-build/ (a mirror of the repo layout) and runs it under Node 24.
# Environment: BENCH_RUNS (default 5), BENCH_ITEMS (default 100000), BENCH_CLI_ITEMS (default 5000),
# BENCH_WORKFLOW_ITEMS (default 20000,100000), BENCH_WORKFLOW_VARIANTS (default psc,compact,code,noop),
# BENCH_REPORT_LARGE (default 5000000; 0 skips it), BENCH_DAILY_ITEMS (default 10000),
# BENCH_ONLY=load,engine,code,workflow,triage,report,report-large,cadence,escalation,daily (default all).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/runtime.sh

mkdir -p "$ROOT/.bench-build"
echo "Building the package (dist/)..." >&2
if ! npm run --silent build >/dev/null 2>"$ROOT/.bench-build/build.log"; then
	echo "warning: npm run build reported errors (see .bench-build/build.log); benchmarking what was built" >&2
fi
echo "Compiling the benchmark (.bench-build/)..." >&2
if ! node node_modules/typescript/bin/tsc -p bench/tsconfig.json >>"$ROOT/.bench-build/build.log" 2>&1; then
	echo "warning: tsc reported type errors (see .bench-build/build.log); the emitted JavaScript is used anyway" >&2
fi
# The shipped triage model is a data file tsc does not copy.
mkdir -p "$ROOT/.bench-build/src/triage/learned"
cp "$ROOT/src/triage/learned/reply-intents.model.json" "$ROOT/.bench-build/src/triage/learned/"
exec node --expose-gc --max-old-space-size=8192 .bench-build/bench/run.js
