/**
 * The agencies kit (scripts/deploy): one n8n instance per client. Images cannot be pulled here, so this checks the
 * compose file's structure: with `docker compose config` when the compose CLI is available, and always with a YAML
 * parse plus schema checks (services, pinned images, env vars defined in the template, volumes, healthchecks, the
 * worker in queue mode). Test titles say which check ran. It also stamps a client folder with stamp-client.sh.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const DEPLOY = join(ROOT, 'scripts', 'deploy');
const COMPOSE = join(DEPLOY, 'docker-compose.yml');
const ENV_TEMPLATE = join(DEPLOY, 'client.env.example');
const YAML_PATH = join(ROOT, 'scripts', 'runtime', 'n8n', 'node_modules', 'yaml');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const YAML = require(YAML_PATH) as { parse(text: string, options?: { merge?: boolean }): unknown };

interface Service {
	image?: string;
	build?: unknown;
	profiles?: string[];
	command?: string | string[];
	entrypoint?: string | string[];
	environment?: Record<string, string | number | boolean>;
	volumes?: string[];
	healthcheck?: { test: string[] | string };
	depends_on?: Record<string, { condition: string }>;
	ports?: string[];
}
interface ComposeFile {
	name: string;
	services: Record<string, Service>;
	volumes: Record<string, unknown>;
}

const composeText = readFileSync(COMPOSE, 'utf8');
const compose = YAML.parse(composeText, { merge: true }) as ComposeFile;
const envTemplate = new Map(
	readFileSync(ENV_TEMPLATE, 'utf8')
		.split('\n')
		.filter((line) => /^[A-Z_][A-Z0-9_]*=/.test(line))
		.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as const),
);

/** `docker compose` when the CLI plugin answers (it needs no engine for `config`). */
const composeCli = (() => {
	const probe = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' });
	return probe.status === 0 ? probe.stdout.trim() : undefined;
})();

describe(`docker-compose.yml: structure (YAML parse with the yaml package + schema checks${composeCli ? '' : '; docker compose is not installed here'})`, () => {
	it('has Postgres, the package installer and n8n by default, and Redis plus a worker in the "queue" profile', () => {
		expect(Object.keys(compose.services).sort()).toEqual(
			['install-package', 'n8n', 'n8n-worker', 'postgres', 'redis'].sort(),
		);
		const byDefault = Object.entries(compose.services)
			.filter(([, service]) => !service.profiles)
			.map(([name]) => name);
		expect(byDefault.sort()).toEqual(['install-package', 'n8n', 'postgres']);
		expect(compose.services.redis.profiles).toEqual(['queue']);
		expect(compose.services['n8n-worker'].profiles).toEqual(['queue']);
		expect(compose.name).toContain('${CLIENT_SLUG');
	});

	it('pins every image to an exact version, n8n to n8nio/n8n:2.41.1', () => {
		for (const [name, service] of Object.entries(compose.services)) {
			expect({ name, image: service.image }).toEqual({
				name,
				image: expect.stringMatching(/^[\w./-]+:\d+(\.\d+){1,2}(-[\w.]+)?$/),
			});
		}
		for (const name of ['n8n', 'n8n-worker', 'install-package'])
			expect(compose.services[name].image).toBe('n8nio/n8n:2.41.1');
	});

	it('installs n8n-nodes-invoice-followup as a community package into /home/node/.n8n/nodes, before n8n and the worker start', () => {
		const installer = compose.services['install-package'];
		expect(String(installer.command)).toContain('npm install');
		expect(String(installer.command)).toContain('n8n-nodes-invoice-followup@$${PACKAGE_VERSION}');
		expect(String(installer.command)).toContain('chown -R node:node /home/node/.n8n/nodes');
		expect(installer.volumes).toContain('n8n_nodes:/home/node/.n8n/nodes');
		for (const name of ['n8n', 'n8n-worker']) {
			expect(compose.services[name].volumes).toContain('n8n_nodes:/home/node/.n8n/nodes');
			expect(compose.services[name].depends_on?.['install-package']).toEqual({
				condition: 'service_completed_successfully',
			});
			expect(compose.services[name].depends_on?.postgres).toEqual({ condition: 'service_healthy' });
		}
		expect(compose.services.n8n.volumes).toEqual(
			expect.arrayContaining([expect.stringMatching(/:\/templates:ro$/)]),
		);
	});

	it('every ${VAR} the compose file reads is defined in client.env.example', () => {
		const referenced = new Set(
			[...composeText.matchAll(/(?<!\$)\$\{([A-Z_][A-Z0-9_]*)/g)].map((match) => match[1]),
		);
		const missing = [...referenced].filter((name) => !envTemplate.has(name));
		expect(missing).toEqual([]);
		// The client's identity, domain, zone, preset and the encryption key are all asked for.
		for (const name of [
			'CLIENT_NAME',
			'CLIENT_SLUG',
			'N8N_HOST',
			'GENERIC_TIMEZONE',
			'POLICY_PRESET',
			'N8N_ENCRYPTION_KEY',
			'PACKAGE_VERSION',
		])
			expect(referenced.has(name)).toBe(true);
		expect(envTemplate.get('N8N_ENCRYPTION_KEY')).toMatch(/^replace-with/);
	});

	it('declares every named volume it mounts', () => {
		const named = new Set<string>();
		for (const service of Object.values(compose.services))
			for (const volume of service.volumes ?? []) {
				const source = volume.split(':')[0];
				if (/^[a-z][\w-]*$/.test(source)) named.add(source);
			}
		expect([...named].sort()).toEqual(Object.keys(compose.volumes).sort());
	});

	it('has a healthcheck on every long-running service', () => {
		for (const name of ['postgres', 'n8n', 'redis', 'n8n-worker'])
			expect({ name, test: compose.services[name].healthcheck?.test }).toEqual({
				name,
				test: expect.anything(),
			});
	});

	it('runs the worker in queue mode against Redis with the same database and encryption key as n8n', () => {
		const worker = compose.services['n8n-worker'];
		const main = compose.services.n8n;
		expect(worker.command).toEqual(['worker', expect.stringMatching(/^--concurrency=/)]);
		expect(worker.environment).toMatchObject({
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: 'redis',
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			DB_TYPE: 'postgresdb',
		});
		expect(worker.depends_on?.redis).toEqual({ condition: 'service_healthy' });
		expect(worker.environment?.N8N_ENCRYPTION_KEY).toBe(main.environment?.N8N_ENCRYPTION_KEY);
		expect(main.environment).toMatchObject({
			DB_TYPE: 'postgresdb',
			QUEUE_BULL_REDIS_HOST: 'redis',
		});
		expect(String(main.environment?.EXECUTIONS_MODE)).toContain('EXECUTIONS_MODE');
		expect(String(main.environment?.GENERIC_TIMEZONE)).toContain('GENERIC_TIMEZONE');
	});
});

(composeCli ? describe : describe.skip)(
	`docker-compose.yml: docker compose config (${composeCli ?? 'docker compose is not installed: skipped'})`,
	() => {
		it.each([[[]], [['--profile', 'queue']]])(
			'resolves with the env template %j',
			(extra: string[]) => {
				const result = spawnSync(
					'docker',
					['compose', '-f', COMPOSE, '--env-file', ENV_TEMPLATE, ...extra, 'config', '--quiet'],
					{ encoding: 'utf8' },
				);
				expect(result.stderr).toBe('');
				expect(result.status).toBe(0);
			},
		);
	},
);

describe('stamp-client.sh', () => {
	let out: string;
	beforeAll(() => {
		out = mkdtempSync(join(tmpdir(), 'stamp-client-'));
	});
	afterAll(() => rmSync(out, { recursive: true, force: true }));
	const stamp = (...args: string[]) =>
		spawnSync('bash', [join(DEPLOY, 'stamp-client.sh'), '--out', out, ...args], {
			encoding: 'utf8',
		});

	it('stamps a client folder with its values, fresh secrets and the compose file', () => {
		const result = stamp(
			'--slug',
			'acme',
			'--name',
			'Acme & Sons GmbH',
			'--domain',
			'acme.n8n.example.com',
			'--timezone',
			'Europe/Berlin',
			'--preset',
			'strategic',
			'--queue',
		);
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		const folder = join(out, 'acme');
		const env = readFileSync(join(folder, '.env'), 'utf8');
		expect(env).toContain('CLIENT_NAME="Acme & Sons GmbH"');
		expect(env).toContain('CLIENT_SLUG=acme\n');
		expect(env).toContain('N8N_HOST=acme.n8n.example.com\n');
		expect(env).toContain('GENERIC_TIMEZONE=Europe/Berlin\n');
		expect(env).toContain('POLICY_PRESET=strategic\n');
		expect(env).toContain('EXECUTIONS_MODE=queue\n');
		expect(env).toContain('COMPOSE_PROFILES=queue\n');
		expect(env).toMatch(/^N8N_ENCRYPTION_KEY=[0-9a-f]{64}$/m);
		expect(env).toMatch(/^POSTGRES_PASSWORD=[0-9a-f]{48}$/m);
		expect(env).not.toContain('replace-with');
		expect(statSync(join(folder, '.env')).mode & 0o777).toBe(0o600);
		expect(readFileSync(join(folder, 'docker-compose.yml'), 'utf8')).toBe(composeText);
		expect(existsSync(join(folder, 'templates'))).toBe(true);
	});

	it('writes the client preset into every Cadence Step (plan) of the templates', () => {
		const templates = readdirSync(join(ROOT, 'workflows')).filter((name) => name.endsWith('.json'));
		const stamped = readdirSync(join(out, 'acme', 'templates'));
		expect(stamped.sort()).toEqual(templates.sort());
		const plans = stamped.flatMap((name) =>
			(
				JSON.parse(readFileSync(join(out, 'acme', 'templates', name), 'utf8')) as {
					nodes: Array<{ type: string; parameters: Record<string, unknown> }>;
				}
			).nodes.filter(
				(node) => node.type.endsWith('.cadenceStep') && node.parameters.operation === 'plan',
			),
		);
		expect(plans.length).toBeGreaterThan(0);
		for (const plan of plans) expect(plan.parameters.policy).toBe('strategic');
	});

	it('never overwrites a stamped client, and refuses a bad time zone, preset or slug', () => {
		const again = stamp(
			'--slug',
			'acme',
			'--name',
			'Acme',
			'--domain',
			'acme.n8n.example.com',
			'--timezone',
			'Europe/Berlin',
		);
		expect(again.status).not.toBe(0);
		expect(again.stderr).toContain('a client is stamped once');
		const zone = stamp(
			'--slug',
			'zone',
			'--name',
			'Z',
			'--domain',
			'z.example.com',
			'--timezone',
			'Mars/Olympus',
		);
		expect(zone.stderr).toContain('IANA time zone');
		const preset = stamp(
			'--slug',
			'preset',
			'--name',
			'P',
			'--domain',
			'p.example.com',
			'--timezone',
			'UTC',
			'--preset',
			'aggressive',
		);
		expect(preset.stderr).toContain('--preset must be one of');
		const slug = stamp(
			'--slug',
			'Bad Slug',
			'--name',
			'B',
			'--domain',
			'b.example.com',
			'--timezone',
			'UTC',
		);
		expect(slug.stderr).toContain('--slug');
	});
});
