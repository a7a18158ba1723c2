import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort, userShellEnv } from '../helpers/n8nServer';

/**
 * `npm start` as a user runs it: it leaves every tracked file as it was, a second `npm start` says n8n is already
 * running before it builds anything, and SIGTERM (to npm) or Ctrl+C (SIGINT to the terminal's process group) stops
 * n8n: nothing stays on the port.
 */
const ROOT = join(__dirname, '..', '..');

const gitStatus = () =>
	spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], {
		cwd: ROOT,
		encoding: 'utf8',
	}).stdout;

const alive = (pid: number) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
};

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

describe('npm start', () => {
	const folder = mkdtempSync(join(tmpdir(), 'invoice-followup-start-'));
	let env: NodeJS.ProcessEnv;
	let port: number;
	const trackedBefore = gitStatus();

	beforeAll(async () => {
		port = await freePort();
		env = userShellEnv({ N8N_PORT: String(port), N8N_LOCAL_FOLDER: folder });
	});

	afterAll(() => rmSync(folder, { recursive: true, force: true }));

	/** npm start in its own process group, like a terminal's foreground job; resolves when it prints "Ready". */
	async function start(): Promise<{ npm: ChildProcess; n8nPid: number; output: () => string }> {
		let output = '';
		const npm = spawn('npm', ['start'], {
			cwd: ROOT,
			env,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		npm.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
		npm.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
		await until(
			() => /Ready in/.test(output) || npm.exitCode !== null,
			400_000,
			`npm start to print "Ready"\n${output}`,
		);
		expect(output).toMatch(/Ready in/);
		return {
			npm,
			n8nPid: Number(readFileSync(join(folder, 'n8n.pid'), 'utf8')),
			output: () => output,
		};
	}

	async function expectStopped(n8nPid: number) {
		await until(() => !alive(n8nPid), 20_000, `n8n (PID ${n8nPid}) to stop`);
		const probe = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
		expect(probe).toBeUndefined();
	}

	it('a second npm start says n8n is running (URL, PID, how to stop it) before building; SIGTERM to npm stops n8n', async () => {
		const { npm, n8nPid, output } = await start();
		expect(output()).toMatch(/^ {2}Building the package/m);
		expect(existsSync(join(folder, 'setup.log'))).toBe(true);

		const second = spawnSync('npm', ['start'], {
			cwd: ROOT,
			env,
			encoding: 'utf8',
			timeout: 60_000,
		});
		expect(second.status).toBe(0);
		expect(second.stdout).toContain(`n8n is already running: http://127.0.0.1:${port}`);
		expect(second.stdout).toContain(`kill ${n8nPid}`);
		expect(second.stdout + second.stderr).not.toMatch(/Building|Starting n8n/);

		process.kill(npm.pid!, 'SIGTERM');
		await expectStopped(n8nPid);
	}, 600_000);

	it('Ctrl+C (SIGINT to the process group) stops n8n the same way, and no tracked file changed', async () => {
		const { npm, n8nPid } = await start();
		process.kill(-npm.pid!, 'SIGINT');
		await expectStopped(n8nPid);
		expect(gitStatus()).toBe(trackedBefore);
	}, 600_000);
});
