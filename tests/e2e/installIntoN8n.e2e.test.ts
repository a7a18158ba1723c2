import { execFileSync, spawnSync } from 'node:child_process';
import {
	existsSync,
	lstatSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

import { freePort, N8nProcess, userShellEnv } from '../helpers/n8nServer';

/**
 * An admin installs the published package into an existing n8n the way the README says:
 * `cd ~/.n8n/nodes && npm install n8n-nodes-invoice-followup` (here the tarball `npm pack` makes), then restarts n8n.
 * Checked with the npm of Node 20 (the system Node on many servers) and of Node 24 (what n8n 2.x runs on): the install
 * must not pull the n8n-workflow peer (and with it isolated-vm, whose native build needs Node 24), and n8n must then
 * list the five nodes and the credential.
 */
const ROOT = join(__dirname, '..', '..');
const PACKAGE = 'n8n-nodes-invoice-followup';
const nodeTypes = readdirSync(join(ROOT, 'nodes'), { withFileTypes: true })
	.filter((entry) => entry.isDirectory())
	.flatMap((entry) =>
		readdirSync(join(ROOT, 'nodes', entry.name))
			.filter((file) => file.endsWith('.node.json'))
			.map(
				(file) =>
					(
						JSON.parse(readFileSync(join(ROOT, 'nodes', entry.name, file), 'utf8')) as {
							node: string;
						}
					).node,
			),
	);

/** An admin's shell (no npm_* variables, so no Node 24 headers either) whose `node` is the system's or Node 24. */
function shellWithNode(
	major: 'system' | 'node24',
): { env: NodeJS.ProcessEnv; version: string } | undefined {
	const node24Dir = dirname(process.env.NODE24 ?? process.execPath);
	const env = userShellEnv();
	const path = (process.env.PATH ?? '').split(delimiter).filter((dir) => dir !== node24Dir);
	env.PATH = (major === 'node24' ? [node24Dir, ...path] : path).join(delimiter);
	const version = spawnSync('node', ['--version'], { env, encoding: 'utf8' }).stdout?.trim();
	if (!version) return undefined;
	const isOlder = Number(version.slice(1).split('.')[0]) < 24;
	if (major === 'system' && !isOlder) return undefined;
	return { env, version };
}

/** fetch, tried again when a loaded machine drops the connection; the n8n log is in the error when it keeps failing. */
async function request(url: string, init: RequestInit, log: () => string): Promise<Response> {
	let failure: unknown;
	for (let attempt = 1; attempt <= 3; attempt++) {
		const response = await fetch(url, init).catch((error: unknown) => {
			failure = error;
			return undefined;
		});
		if (response) return response;
		await new Promise((resolve) => setTimeout(resolve, 2_000));
	}
	throw new Error(`${url}: ${String(failure)}\n${log().slice(-3000)}`);
}

describe('installing the npm package into an existing n8n (~/.n8n/nodes, as the README says)', () => {
	const work = mkdtempSync(join(tmpdir(), 'invoice-followup-install-'));
	const installed = new Map<string, { home: string; tree: string[] }>();
	let tarball: string;

	beforeAll(() => {
		const packed = execFileSync(
			'npm',
			['pack', '--json', '--ignore-scripts', '--pack-destination', work],
			{ cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
		);
		tarball = join(work, (JSON.parse(packed) as Array<{ filename: string }>)[0].filename);
	}, 60_000);

	afterAll(() => rmSync(work, { recursive: true, force: true }));

	it.each([
		['system', "Node 20's npm (the system Node, older than 24)"],
		['node24', "Node 24's npm"],
	] as Array<['system' | 'node24', string]>)(
		'%s: `npm install <package>` in ~/.n8n/nodes works with %s, without the n8n-workflow peer or isolated-vm',
		(major) => {
			const shell = shellWithNode(major);
			if (!shell) {
				process.stderr.write(`no ${major} Node on PATH here: this install variant was not run\n`);
				return;
			}
			const home = join(work, major);
			const nodesDir = join(home, '.n8n', 'nodes');
			mkdirSync(nodesDir, { recursive: true });
			const install = spawnSync('npm', ['install', tarball, '--no-audit', '--no-fund'], {
				cwd: nodesDir,
				env: shell.env,
				encoding: 'utf8',
			});
			if (install.status !== 0) {
				throw new Error(
					`npm install failed under Node ${shell.version}:\n${install.stderr.slice(-3000)}`,
				);
			}
			const modules = join(nodesDir, 'node_modules');
			expect(lstatSync(join(modules, PACKAGE)).isDirectory()).toBe(true);
			// The optional peer stays out: n8n provides n8n-workflow, and isolated-vm would need Node 24 to build.
			expect(existsSync(join(modules, 'n8n-workflow'))).toBe(false);
			expect(existsSync(join(modules, 'isolated-vm'))).toBe(false);
			expect(existsSync(join(modules, PACKAGE, 'workflows', 'demo-offline.json'))).toBe(true);
			const lock = JSON.parse(readFileSync(join(modules, '.package-lock.json'), 'utf8')) as {
				packages: Record<string, { version?: string }>;
			};
			const tree = Object.entries(lock.packages).map(([path, { version }]) => `${path}@${version}`);
			installed.set(major, { home, tree: tree.sort() });
		},
		180_000,
	);

	it('n8n started on that folder loads the five nodes and the credential from the installed copy', async () => {
		const [first, ...others] = [...installed.values()];
		if (!first) throw new Error('no install succeeded: see the tests above');
		// Both npms install the same tree, so one n8n start proves both.
		for (const other of others) expect(other.tree).toEqual(first.tree);

		const port = await freePort();
		const url = `http://127.0.0.1:${port}`;
		const n8n = new N8nProcess(first.home, ['start'], { N8N_PORT: String(port) }).start();
		const log = () => n8n.log;
		try {
			// A fresh user folder runs every migration first: about 10 s on a quiet machine, minutes on a loaded one.
			await n8n.waitForHttp(`${url}/healthz/readiness`, 300_000);
			const setup = await request(
				`${url}/rest/owner/setup`,
				{
					method: 'POST',
					headers: { 'Content-Type': 'application/json' },
					body: JSON.stringify({
						email: 'owner@install.test',
						firstName: 'Install',
						lastName: 'Test',
						password: 'Install-Test-1',
					}),
				},
				log,
			);
			expect(setup.status).toBe(200);
			const cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0];
			const types = async (file: string) =>
				(await (
					await request(`${url}/types/${file}`, { headers: { cookie } }, log)
				).json()) as Array<{
					name: string;
				}>;
			const nodes = new Set((await types('nodes.json')).map((type) => type.name));
			expect(nodeTypes).toHaveLength(5);
			expect(nodeTypes.filter((type) => !nodes.has(type))).toEqual([]);
			const credentials = (await types('credentials.json')).map((type) => type.name);
			expect(credentials).toContain('openAiCompatibleApi');
			// The nodes came from the installed copy, not from a link to this repository.
			expect(
				lstatSync(join(first.home, '.n8n', 'nodes', 'node_modules', PACKAGE)).isSymbolicLink(),
			).toBe(false);
		} finally {
			await n8n.stop();
		}
	}, 420_000);
});
