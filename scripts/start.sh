#!/usr/bin/env bash
# npm start: a local n8n 2.x with this package's nodes and the template workflows, on http://127.0.0.1:5678.
# One progress line per step; install, build and n8n output go to .n8n-local/*.log. Ctrl+C or SIGTERM stops n8n.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

USER_FOLDER="${N8N_LOCAL_FOLDER:-$ROOT/.n8n-local}"
PORT="${N8N_PORT:-5678}"
URL="http://127.0.0.1:$PORT"
OWNER_EMAIL="${N8N_OWNER_EMAIL:-owner@invoice-followup.local}"
OWNER_PASSWORD="${N8N_OWNER_PASSWORD:-Followup-Local-1}"
DEMO_ID="invoiceDemoOffline"
PID_FILE="$USER_FOLDER/n8n.pid"
N8N_LOG="$USER_FOLDER/n8n.log"
export RUNTIME_LOG="$USER_FOLDER/setup.log"
mkdir -p "$USER_FOLDER"

# --- Already running? Checked before anything is installed or built. ---
already_running() {
	printf '\n  n8n is already running: %s  (PID %s)\n' "$URL" "$1"
	printf '  Open %s/workflow/%s, log in as %s / %s.\n' "$URL" "$DEMO_ID" "$OWNER_EMAIL" "$OWNER_PASSWORD"
	printf '  To restart it: stop it with Ctrl+C in its terminal, or `kill %s`, then run npm start again.\n\n' "$1"
	exit 0
}
exec 9>"$USER_FOLDER/.npm-start.lock"
if ! flock -n 9; then
	other="$(cat "$USER_FOLDER/.npm-start.pid" 2>/dev/null || echo '?')"
	if [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then already_running "$(cat "$PID_FILE")"; fi
	echo "  Another npm start (PID $other) is still setting up in this folder; it prints the URL when n8n is ready."
	echo "  Stop it with Ctrl+C in its terminal, or \`kill $other\`."
	exit 1
fi
echo $$ >"$USER_FOLDER/.npm-start.pid"
if [ -f "$PID_FILE" ] && grep -qa n8n "/proc/$(cat "$PID_FILE")/cmdline" 2>/dev/null; then
	already_running "$(cat "$PID_FILE")"
fi
listener="$(ss -Hltnp "sport = :$PORT" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2 || true)"
if [ -n "$listener" ] || curl -fsS -o /dev/null --max-time 2 "$URL/healthz" 2>/dev/null; then
	if [ -n "$listener" ] && grep -qa n8n "/proc/$listener/cmdline" 2>/dev/null; then
		printf '\n  An n8n that npm start did not start from this folder is running on %s (PID %s).\n' "$URL" "$listener"
	else
		printf '\n  Port %s is taken%s.\n' "$PORT" "${listener:+ by PID $listener ($(tr '\0' ' ' <"/proc/$listener/cmdline" 2>/dev/null | cut -c1-60))}"
	fi
	printf '  Stop it%s, or start on another port: N8N_PORT=5679 npm start\n\n' "${listener:+ (kill $listener)}"
	exit 1
fi

started=$SECONDS
echo "npm start: n8n with n8n-nodes-invoice-followup (a first run installs n8n: 8-15 min on a quiet 2-core machine, longer on a busy one)"
echo "  Details of every step: $RUNTIME_LOG"
# Node 24, the pinned n8n, sqlite3 and the package's dependencies, each only when missing.
source scripts/runtime.sh
n8n() { N8N_PORT="$PORT" bash "$ROOT/scripts/n8n.sh" "$USER_FOLDER" "$@"; }

# Rebuilt only when a source changed since the last build from here (dist/ is what n8n loads).
built="$USER_FOLDER/.package-built"
build_package() { npm run --silent build && touch "$built"; }
if [ -f "$built" ] && [ -f dist/src/index.js ] &&
	[ -z "$(find src nodes credentials package.json tsconfig.json tsconfig.build.json gulpfile.js -newer "$built" -print -quit)" ]; then
	printf '  %-46s %-24s up to date\n' "Building the package" "" >&2
else
	runtime_step "Building the package" "about 15-40 s" build_package
fi

# Templates are imported on the first run and whenever a template file changes (same ids: they are updated in place).
stamp="$USER_FOLDER/.templates-imported"
if compgen -G "workflows/*.json" >/dev/null && { [ ! -f "$stamp" ] || [ -n "$(find workflows -name '*.json' -newer "$stamp")" ]; }; then
	runtime_step "Importing the template workflows" "about 10-20 s" \
		n8n import:workflow --separate --input="$ROOT/workflows"
	touch "$stamp"
fi

# --- Start n8n, and stop it on Ctrl+C, SIGTERM, SIGHUP or any exit of this script. ---
stop_n8n() {
	trap - INT TERM HUP EXIT
	[ -n "${watcher:-}" ] && kill "$watcher" 2>/dev/null
	if [ -n "${pid:-}" ] && kill -0 "$pid" 2>/dev/null; then
		printf '\n  Stopping n8n (PID %s)...' "$pid"
		kill -TERM "$pid" 2>/dev/null || true
		for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
		kill -KILL "$pid" 2>/dev/null || true
		printf ' stopped.\n'
	fi
	rm -f "$PID_FILE"
}
trap 'stop_n8n; exit 130' INT
trap 'stop_n8n; exit 143' TERM
trap 'stop_n8n; exit 129' HUP
trap 'stop_n8n' EXIT

start_n8n() {
	# `exec` makes $! the PID of n8n itself (n8n.sh execs node), not of a subshell that a signal would not reach.
	# setsid keeps n8n out of the terminal's process group: Ctrl+C reaches this script, which stops n8n once, cleanly.
	(exec setsid bash "$ROOT/scripts/n8n.sh" "$USER_FOLDER" start >>"$N8N_LOG" 2>&1 </dev/null 9>&-) &
	pid=$!
	echo "$pid" >"$PID_FILE"
	# If this script or npm is killed outright (SIGKILL, or a parent that does not pass SIGTERM on), no trap runs:
	# a watcher stops n8n when either is gone, so n8n is never left running on the port, re-parented to PID 1.
	(
		exec >/dev/null 2>&1 9>&-
		while kill -0 $$ && kill -0 $PPID; do sleep 1; done
		kill -TERM "$pid"
	) &
	watcher=$!
	for _ in $(seq 1 240); do
		curl -fsS -o /dev/null "$URL/healthz/readiness" 2>/dev/null && return 0
		kill -0 "$pid" 2>/dev/null || { echo "n8n exited during start-up; its log:"; tail -n 30 "$N8N_LOG"; return 1; }
		sleep 0.5
	done
	echo "n8n did not answer on $URL/healthz/readiness within 2 minutes; its log: $N8N_LOG"
	return 1
}
printf '\n== %s n8n start\n' "$(date -u +%FT%TZ)" >>"$N8N_LOG"
runtime_step "Starting n8n on $URL" "about 10-20 s" start_n8n

# Headless owner set-up, so a local user is never stuck on the first-run screen. A later run answers 400: fine.
owner_setup() {
	curl -sS -o /dev/null -X POST "$URL/rest/owner/setup" -H 'Content-Type: application/json' \
		-d "{\"email\":\"$OWNER_EMAIL\",\"firstName\":\"Local\",\"lastName\":\"Owner\",\"password\":\"$OWNER_PASSWORD\"}"
}
runtime_step "Owner account $OWNER_EMAIL" "about 1 s" owner_setup

# --- Set-up that needs the running instance and the owner (one runtime_step line each). ---
runtime_step "The collections_ledger Data Table" "about 2 s" \
	"$NODE24" scripts/ledger-table.js "$URL" "$OWNER_EMAIL" "$OWNER_PASSWORD" ||
	echo "  (the templates need the collections_ledger Data Table: see README)"

cat <<MSG

  Ready in $(elapsed_since "$started"). n8n with n8n-nodes-invoice-followup is running: $URL
  Log in as   $OWNER_EMAIL
  Password    $OWNER_PASSWORD
  The demo    $URL/workflow/$DEMO_ID  (click "Execute workflow": no accounts needed)

  Stop with Ctrl+C (or kill $$). Data lives in $USER_FOLDER (git-ignored); n8n's log: $N8N_LOG

MSG
wait "$pid" || true
