#!/usr/bin/env bash
# npm start: a local n8n 2.x with this package's nodes and the template workflows, on http://127.0.0.1:5678.
# First run: installs Node 24 (if the system Node is older) and the pinned n8n (about 5-7 min), then starts in ~10 s.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/runtime.sh

USER_FOLDER="${N8N_LOCAL_FOLDER:-$ROOT/.n8n-local}"
PORT="${N8N_PORT:-5678}"
URL="http://127.0.0.1:$PORT"
OWNER_EMAIL="${N8N_OWNER_EMAIL:-owner@invoice-followup.local}"
OWNER_PASSWORD="${N8N_OWNER_PASSWORD:-Followup-Local-1}"
DEMO_ID="invoiceDemoOffline"
n8n() { N8N_PORT="$PORT" bash "$ROOT/scripts/n8n.sh" "$USER_FOLDER" "$@"; }

echo "Building the package..."
npm run --silent build >/dev/null

# Templates are imported on the first run and whenever a template file changes (same ids: they are updated in place).
stamp="$USER_FOLDER/.templates-imported"
if compgen -G "workflows/*.json" >/dev/null && { [ ! -f "$stamp" ] || [ -n "$(find workflows -name '*.json' -newer "$stamp")" ]; }; then
	echo "Importing the template workflows from workflows/..."
	n8n import:workflow --separate --input="$ROOT/workflows" 2>&1 | grep -E "Importing|imported|rror" || true
	touch "$stamp"
fi

echo "Starting n8n..."
n8n start &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null; exit 0' INT TERM

for _ in $(seq 1 180); do
	curl -fsS "$URL/healthz/readiness" >/dev/null 2>&1 && break
	kill -0 $pid 2>/dev/null || { echo "n8n exited during start-up"; exit 1; }
	sleep 1
done

# Headless owner setup, so a local user is never stuck on the first-run screen. A second run answers 400: fine.
curl -fsS -o /dev/null -X POST "$URL/rest/owner/setup" -H 'Content-Type: application/json' \
	-d "{\"email\":\"$OWNER_EMAIL\",\"firstName\":\"Local\",\"lastName\":\"Owner\",\"password\":\"$OWNER_PASSWORD\"}" 2>/dev/null || true
"$NODE24" scripts/ledger-table.js "$URL" "$OWNER_EMAIL" "$OWNER_PASSWORD" || echo "  (the templates need the collections_ledger Data Table: see README)"

cat <<MSG

  n8n with n8n-nodes-invoice-followup is running: $URL
  Log in as   $OWNER_EMAIL
  Password    $OWNER_PASSWORD
  The demo    $URL/workflow/$DEMO_ID  (click "Execute workflow": no accounts needed)

  Stop with Ctrl+C. Data lives in $USER_FOLDER (git-ignored).

MSG
wait $pid
