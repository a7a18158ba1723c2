#!/usr/bin/env bash
# Runs the pinned n8n CLI against a local user folder with this package loaded as a community package:
#   bash scripts/n8n.sh <user-folder> <n8n arguments...>
# The one home of the local n8n environment: npm start, npm run demo and the e2e tests all go through it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/runtime.sh"

USER_FOLDER="$(mkdir -p "$1" && cd "$1" && pwd)"
shift

# The community-package route: node types are named n8n-nodes-invoice-followup.<node>, as in the templates.
# A package installed there with npm (a real folder, as the install e2e test does) is left as it is.
NODES_DIR="$USER_FOLDER/.n8n/nodes/node_modules"
mkdir -p "$NODES_DIR"
if [ -L "$NODES_DIR/n8n-nodes-invoice-followup" ] || [ ! -e "$NODES_DIR/n8n-nodes-invoice-followup" ]; then
	ln -sfn "${N8N_PACKAGE_DIR:-$ROOT}" "$NODES_DIR/n8n-nodes-invoice-followup"
fi

# Test runners set NODE_ENV=test, which silences n8n's logger and with it `execute --rawOutput`.
unset NODE_ENV
export N8N_USER_FOLDER="$USER_FOLDER"
export DB_TYPE="${DB_TYPE:-sqlite}"
export N8N_LISTEN_ADDRESS="${N8N_LISTEN_ADDRESS:-127.0.0.1}"
export N8N_HOST="${N8N_HOST:-127.0.0.1}"
export N8N_PORT="${N8N_PORT:-5678}"
export N8N_DIAGNOSTICS_ENABLED=false
export N8N_PERSONALIZATION_ENABLED=false
export N8N_VERSION_NOTIFICATIONS_ENABLED=false
export N8N_TEMPLATES_ENABLED=false
export N8N_SECURE_COOKIE=false
export N8N_COMMUNITY_PACKAGES_ENABLED=true
export N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS=false
# The default expression engine crashed `n8n execute` at exit in 5 of 8 runs here; the legacy one in 0 of 13.
# The Code node's task broker listens on 5679 by default; a free port lets several n8n processes run side by side.
if [ -z "${N8N_RUNNERS_BROKER_PORT:-}" ]; then
	N8N_RUNNERS_BROKER_PORT="$("$NODE24" -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
	export N8N_RUNNERS_BROKER_PORT
fi
export N8N_EXPRESSION_ENGINE="${N8N_EXPRESSION_ENGINE:-legacy}"
# `n8n execute --rawOutput` prints its result through the logger, at level info.
export N8N_LOG_LEVEL="${N8N_LOG_LEVEL:-info}"
export GENERIC_TIMEZONE="${GENERIC_TIMEZONE:-UTC}"
exec "$NODE24" "$N8N_BIN" "$@"
