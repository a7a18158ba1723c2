/**
 * Drives a real n8n 2.x (the pinned install) through its CLI, with this package loaded by the community-package
 * route, exactly as `npm start` runs it: import workflows, execute them, read each node's outputs.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { IDataObject, INodeExecutionData, IRun } from 'n8n-workflow';

const REPO = join(__dirname, '..', '..');
const N8N_SCRIPT = join(REPO, 'scripts', 'n8n.sh');

export interface CliRun {
	status: string;
	run: IRun;
	items(nodeName: string, outputIndex?: number, runIndex?: number): INodeExecutionData[];
	json(nodeName: string, outputIndex?: number, runIndex?: number): IDataObject[];
	counts(nodeName: string, runIndex?: number): number[];
	ran(nodeName: string): boolean;
}

/** A local n8n user folder (SQLite) under .n8n-test/, fresh per test file. */
export class LocalN8n {
	readonly folder: string;

	constructor(
		name: string,
		private readonly env: NodeJS.ProcessEnv = {},
	) {
		this.folder = join(REPO, '.n8n-test', name);
		rmSync(this.folder, { recursive: true, force: true });
		mkdirSync(this.folder, { recursive: true });
	}

	cli(
		args: string[],
		timeoutMs = 180_000,
	): { code: number | null; stdout: string; stderr: string } {
		const result = spawnSync('bash', [N8N_SCRIPT, this.folder, ...args], {
			encoding: 'utf8',
			timeout: timeoutMs,
			maxBuffer: 512 * 1024 * 1024,
			env: { ...process.env, ...this.env },
		});
		return { code: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
	}

	/** Imports workflow objects (as the editor exports them) in one CLI call. */
	importWorkflows(workflows: object[]): void {
		const dir = mkdtempSync(join(tmpdir(), 'n8n-import-'));
		workflows.forEach((workflow, index) =>
			writeFileSync(join(dir, `${index}.json`), JSON.stringify(workflow)),
		);
		const result = this.cli(['import:workflow', '--separate', `--input=${dir}`]);
		rmSync(dir, { recursive: true, force: true });
		if (result.code !== 0 || !/Successfully imported/.test(result.stdout + result.stderr)) {
			throw new Error(
				`n8n import:workflow failed (exit ${result.code}):\n${tail(result.stdout + result.stderr)}`,
			);
		}
	}

	/** The CLI without blocking this process, for tests whose fake servers run in it. */
	cliAsync(
		args: string[],
		timeoutMs = 180_000,
	): Promise<{ code: number | null; stdout: string; stderr: string }> {
		return new Promise((resolve, reject) => {
			const child = spawn('bash', [N8N_SCRIPT, this.folder, ...args], {
				env: { ...process.env, ...this.env },
			});
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
			child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
			const timer = setTimeout(() => {
				child.kill('SIGKILL');
				reject(
					new Error(
						`n8n ${args.join(' ')} timed out after ${timeoutMs} ms\n${tail(stdout + stderr)}`,
					),
				);
			}, timeoutMs);
			child.on('close', (code) => {
				clearTimeout(timer);
				resolve({ code, stdout, stderr });
			});
		});
	}

	/** `execute` without blocking this process (fake servers in the test keep answering). */
	async executeAsync(workflowId: string): Promise<CliRun> {
		const result = await this.cliAsync(['execute', `--id=${workflowId}`, '--rawOutput']);
		const run = parseRawOutput(result.stdout);
		if (!run)
			throw new Error(
				`n8n execute --id=${workflowId} printed no result (exit ${result.code}):\n${tail(result.stdout + result.stderr)}`,
			);
		return cliRun(run);
	}

	/** `n8n execute --id=… --rawOutput`, parsed. Throws with n8n's own output when it did not produce a result. */
	execute(workflowId: string): CliRun {
		const result = this.cli(['execute', `--id=${workflowId}`, '--rawOutput']);
		const run = parseRawOutput(result.stdout);
		if (!run)
			throw new Error(
				`n8n execute --id=${workflowId} printed no result (exit ${result.code}):\n${tail(result.stdout + result.stderr)}`,
			);
		return cliRun(run);
	}
}

/** Log lines come before the JSON on stdout: the result is the block from a line `{` to the last line `}`. */
export function parseRawOutput(stdout: string): IRun | undefined {
	const lines = stdout.split('\n');
	const start = lines.indexOf('{');
	const end = lines.lastIndexOf('}');
	if (start < 0 || end < start) return undefined;
	return JSON.parse(lines.slice(start, end + 1).join('\n')) as IRun;
}

export function cliRun(run: IRun): CliRun {
	const runData = run.data.resultData.runData;
	const main = (nodeName: string, runIndex: number) => {
		const task = runData[nodeName]?.[runIndex];
		if (!task)
			throw new Error(
				`Node "${nodeName}" did not run (${JSON.stringify(run.data.resultData.error ?? {}).slice(0, 500)})`,
			);
		return task.data?.main ?? [];
	};
	return {
		status: run.status,
		run,
		items: (nodeName, outputIndex = 0, runIndex = 0) => main(nodeName, runIndex)[outputIndex] ?? [],
		json: (nodeName, outputIndex = 0, runIndex = 0) =>
			(main(nodeName, runIndex)[outputIndex] ?? []).map((item) => item.json),
		counts: (nodeName, runIndex = 0) =>
			main(nodeName, runIndex).map((output) => output?.length ?? 0),
		ran: (nodeName) => runData[nodeName] !== undefined,
	};
}

function tail(text: string, lines = 40): string {
	return text
		.split('\n')
		.filter((line) => !/^\s+at /.test(line))
		.slice(-lines)
		.join('\n');
}
