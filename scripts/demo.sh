#!/usr/bin/env bash
# npm run demo: runs the offline demo template headless through the real n8n (import + execute, no server needed)
# and prints what would be sent, what was held and escalated, the reply triage, and the report.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/runtime.sh
npm run --silent build >/dev/null
FOLDER="$ROOT/.n8n-local/demo-cli"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
echo "Importing and running workflows/demo-offline.json in n8n $(node -p "require('./scripts/runtime/n8n/package.json').dependencies.n8n") ..." >&2
N8N_LOG_LEVEL=warn bash scripts/n8n.sh "$FOLDER" import:workflow --input="$ROOT/workflows/demo-offline.json" >/dev/null 2>&1
bash scripts/n8n.sh "$FOLDER" execute --id=invoiceDemoOffline --rawOutput >"$out" 2>/dev/null || true
node scripts/print-demo.js "$out"
