/**
 * Long-running processes for the server e2e tests: n8n `start` / `worker` (through scripts/n8n.sh, like npm start),
 * Redis and a throwaway Postgres cluster, all bound to 127.0.0.1 and stopped by the test.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REPO = join(__dirname, '..', '..');
const N8N_SCRIPT = join(REPO, 'scripts', 'n8n.sh');

export function which(command: string): string | undefined {
	const found = spawnSync('bash', ['-lc', `command -v ${command}`], { encoding: 'utf8' });
	return found.status === 0 ? found.stdout.trim() : undefined;
}

/** A TCP port free on 127.0.0.1 right now. */
export async function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

/** The environment of a user's shell: without the npm_* variables that `npm test` sets for its scripts. */
export function userShellEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (!/^npm_/i.test(key) && key !== 'NODE_ENV' && key !== 'INIT_CWD') env[key] = value;
	}
	return { ...env, ...extra };
}

async function waitFor(
	check: () => Promise<boolean>,
	timeoutMs: number,
	what: string,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await check().catch(() => false)) return;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** One n8n process (main or worker) with its log kept for failure messages. */
export class N8nProcess {
	private child?: ChildProcess;
	log = '';

	constructor(
		readonly folder: string,
		readonly args: string[],
		readonly env: NodeJS.ProcessEnv,
	) {}

	start(): this {
		this.child = spawn('bash', [N8N_SCRIPT, this.folder, ...this.args], {
			env: { ...process.env, ...this.env },
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const keep = (chunk: Buffer) => {
			this.log = (this.log + chunk.toString('utf8')).slice(-20_000);
		};
		this.child.stdout!.on('data', keep);
		this.child.stderr!.on('data', keep);
		return this;
	}

	async waitForHttp(url: string, timeoutMs = 120_000): Promise<void> {
		await waitFor(async () => (await fetch(url)).ok, timeoutMs, `${url}\n${this.log.slice(-3000)}`);
	}

	async stop(): Promise<void> {
		if (!this.child?.pid || this.child.exitCode !== null) return;
		const exited = new Promise((resolve) => this.child!.once('exit', resolve));
		try {
			process.kill(-this.child.pid, 'SIGTERM');
		} catch {
			return;
		}
		const timer = setTimeout(() => {
			try {
				process.kill(-this.child!.pid!, 'SIGKILL');
			} catch {
				/* already gone */
			}
		}, 10_000);
		await exited;
		clearTimeout(timer);
	}
}

export interface Service {
	port: number;
	stop(): Promise<void>;
}

/** redis-server on 127.0.0.1 with no persistence; undefined when Redis is not installed. */
export async function startRedis(port: number): Promise<Service | undefined> {
	const binary = which('redis-server');
	if (!binary) return undefined;
	const child = spawn(
		binary,
		['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'],
		{ stdio: 'ignore' },
	);
	await waitFor(
		async () =>
			spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' }).stdout?.trim() ===
			'PONG',
		20_000,
		'redis',
	);
	return {
		port,
		stop: async () => {
			child.kill('SIGTERM');
			await new Promise((resolve) => child.once('exit', resolve));
		},
	};
}

/**
 * A throwaway Postgres cluster (Debian's postgresql) owned by the `postgres` user, listening on 127.0.0.1 only, with a
 * trust-authenticated `n8n` database. Undefined when Postgres is not installed.
 */
export async function startPostgres(
	port: number,
): Promise<(Service & { env: NodeJS.ProcessEnv }) | undefined> {
	// Debian keeps the server binaries in /usr/lib/postgresql/<version>/bin, off the PATH.
	const debianBin = spawnSync(
		'bash',
		['-c', 'ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1'],
		{
			encoding: 'utf8',
		},
	).stdout.trim();
	const initdb = which('initdb') ?? (debianBin ? `${debianBin}/initdb` : undefined);
	const pgCtl = which('pg_ctl') ?? `${debianBin}/pg_ctl`;
	if (!initdb || spawnSync('test', ['-x', initdb]).status !== 0) return undefined;
	const dir = mkdtempSync(join(tmpdir(), 'n8n-pg-'));
	chmodSync(dir, 0o777);
	const data = join(dir, 'data');
	mkdirSync(data);
	const asPostgres = (command: string) => {
		const isRoot = process.getuid?.() === 0;
		const result = isRoot
			? spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', command], { encoding: 'utf8' })
			: spawnSync('sh', ['-c', command], { encoding: 'utf8' });
		if (result.status !== 0) throw new Error(`${command}\n${result.stdout}\n${result.stderr}`);
	};
	spawnSync('chown', ['-R', 'postgres', dir]);
	asPostgres(`${initdb} -D ${data} -U postgres --auth=trust -E UTF8 >/dev/null`);
	asPostgres(
		`${pgCtl} -D ${data} -l ${dir}/log -o "-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir}" -w start >/dev/null`,
	);
	asPostgres(`psql -h 127.0.0.1 -p ${port} -U postgres -c "CREATE DATABASE n8n" >/dev/null`);
	return {
		port,
		env: {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(port),
			DB_POSTGRESDB_DATABASE: 'n8n',
			DB_POSTGRESDB_USER: 'postgres',
			DB_POSTGRESDB_PASSWORD: '',
		},
		stop: async () => {
			try {
				asPostgres(`${pgCtl} -D ${data} -m fast -w stop >/dev/null`);
			} finally {
				rmSync(dir, { recursive: true, force: true });
			}
		},
	};
}
