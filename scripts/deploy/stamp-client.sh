#!/usr/bin/env bash
# Stamps out one client's n8n instance folder: docker-compose.yml, a filled-in .env with fresh secrets, and the
# template workflows with the client's cadence preset, ready for `docker compose up -d` and the template import.
#
#   bash scripts/deploy/stamp-client.sh --slug acme --name "Acme Corp" --domain acme.n8n.example-agency.com \
#        --timezone Europe/Berlin [--preset by-tier|standard-5|policy-4|strategic|transactional] [--queue] [--port 5678] [--package-version 0.1.0] [--out ~/n8n-clients]
#
# Never overwrites an existing client's .env (it holds the encryption key of the client's credentials).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PRESETS="by-tier standard-5 policy-4 strategic transactional"

slug="" name="" domain="" timezone="" preset="by-tier" queue="false" port="5678" out="${HOME}/n8n-clients"
version="$(node -p "require('$ROOT/package.json').version" 2>/dev/null || echo 0.1.0)"
usage() { sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
die() { echo "stamp-client: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
	case "$1" in
		--slug) slug="$2"; shift 2 ;;
		--name) name="$2"; shift 2 ;;
		--domain) domain="$2"; shift 2 ;;
		--timezone) timezone="$2"; shift 2 ;;
		--preset) preset="$2"; shift 2 ;;
		--queue) queue="true"; shift ;;
		--port) port="$2"; shift 2 ;;
		--package-version) version="$2"; shift 2 ;;
		--out) out="$2"; shift 2 ;;
		-h|--help) usage ;;
		*) echo "stamp-client: unknown argument $1" >&2; usage ;;
	esac
done

command -v node >/dev/null || die "needs node (to check the time zone, generate secrets and set the preset)"
[[ "$slug" =~ ^[a-z0-9][a-z0-9-]{0,40}$ ]] || die "--slug must be lower-case letters, digits and dashes (got '$slug')"
[ -n "$name" ] || die "--name is required (the client's name)"
[[ "$domain" =~ ^[A-Za-z0-9.-]+\.[A-Za-z]{2,}$ ]] || die "--domain must be a host name such as acme.n8n.example.com (got '$domain')"
node -e 'new Intl.DateTimeFormat("en", { timeZone: process.argv[1] })' "$timezone" 2>/dev/null \
	|| die "--timezone must be an IANA time zone such as Europe/Berlin (got '$timezone')"
[[ " $PRESETS " == *" $preset "* ]] || die "--preset must be one of: $PRESETS (got '$preset')"
[[ "$port" =~ ^[0-9]{2,5}$ ]] || die "--port must be a port number (got '$port')"

target="$out/$slug"
[ -e "$target/.env" ] && die "$target/.env exists: a client is stamped once (edit its .env instead)"
mkdir -p "$target/templates"
cp "$HERE/docker-compose.yml" "$target/docker-compose.yml"

secret() { node -e "process.stdout.write(require('crypto').randomBytes(Number(process.argv[1])).toString('hex'))" "$1"; }
mode="regular" profiles=""
if [ "$queue" = "true" ]; then mode="queue" profiles="queue"; fi

# The template with this client's values; every other line is kept as documented.
CLIENT_NAME="$name" CLIENT_SLUG="$slug" N8N_HOST="$domain" GENERIC_TIMEZONE="$timezone" POLICY_PRESET="$preset" \
PACKAGE_VERSION="$version" N8N_ENCRYPTION_KEY="$(secret 32)" POSTGRES_PASSWORD="$(secret 24)" \
N8N_PUBLISHED_PORT="$port" EXECUTIONS_MODE="$mode" COMPOSE_PROFILES="$profiles" \
node -e '
const fs = require("fs");
const keys = ["CLIENT_NAME", "CLIENT_SLUG", "N8N_HOST", "GENERIC_TIMEZONE", "POLICY_PRESET", "PACKAGE_VERSION",
	"N8N_ENCRYPTION_KEY", "POSTGRES_PASSWORD", "N8N_PUBLISHED_PORT", "EXECUTIONS_MODE", "COMPOSE_PROFILES"];
const quote = (value) => (/^[A-Za-z0-9_./:@-]*$/.test(value) ? value : JSON.stringify(value));
const text = fs.readFileSync(process.argv[1], "utf8").split("\n").map((line) => {
	const key = line.split("=")[0];
	return keys.includes(key) && !line.startsWith("#") ? `${key}=${quote(process.env[key])}` : line;
}).join("\n");
fs.writeFileSync(process.argv[2], text, { mode: 0o600 });
' "$HERE/client.env.example" "$target/.env"

# The templates, with the client's preset wherever a Cadence Step names one.
count=0
if compgen -G "$ROOT/workflows/*.json" >/dev/null; then
	count=$(node -e '
const fs = require("fs"), path = require("path");
const [from, to, preset] = process.argv.slice(1);
const presets = ["by-tier", "standard-5", "policy-4", "strategic", "transactional"];
let count = 0;
for (const file of fs.readdirSync(from).filter((name) => name.endsWith(".json"))) {
	const workflow = JSON.parse(fs.readFileSync(path.join(from, file), "utf8"));
	for (const node of workflow.nodes ?? []) {
		if (!String(node.type).endsWith(".cadenceStep")) continue;
		// The policy parameter of a Plan step: a preset name, or by-tier (a preset per customer tier).
		for (const [key, value] of Object.entries(node.parameters ?? {}))
			if (presets.includes(value)) node.parameters[key] = preset;
	}
	fs.writeFileSync(path.join(to, file), JSON.stringify(workflow, null, "\t") + "\n");
	count += 1;
}
process.stdout.write(String(count));
' "$ROOT/workflows" "$target/templates" "$preset")
fi

cat <<MSG
Stamped $name ($slug) in $target
  domain $domain, time zone $timezone, preset $preset, mode $mode, package $version, port $port
  $count template workflow(s) in $target/templates

Next:
  cd $target
  docker compose up -d
  docker compose exec n8n n8n import:workflow --separate --input=/templates
Then open https://$domain, create the owner account, add the client's credentials and activate the templates.
Keep N8N_ENCRYPTION_KEY from $target/.env in the agency's password manager.
MSG
