/**
 * The Code-node alternative against Payment State Check, both inside a real n8n (the pinned CLI with this package
 * loaded as a community package, `n8n execute --rawOutput`), on the same generated invoices, same execution.
 *
 * Why not 100k items here: the Code node needs n8n's task runner, which only the real n8n has, and
 * `n8n execute --rawOutput` prints the whole run data (every node's items) as one JSON document through the logger.
 * At 100k invoices that is several hundred MB on stdout. So this comparison runs on BENCH_CLI_ITEMS (default 10,000)
 * and compares per-item cost (µs/item, both nodes' own executionTime); the in-process rows show ours at 100k.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { IRun } from 'n8n-workflow';

import { parseRawOutput } from '../tests/helpers/n8nCli';
import { AS_OF } from './data';
import { REPO } from './setup';
import { benchRuns, formatRatio, median, out, ratio, usPerItem } from './stats';
import type { BenchRow } from './types';
import { CODE_NODE, GENERATE_NODE, OUR_NODE, codeNodeWorkflow } from './workflows/codeNode';

const GOAL = 20;
const WORKFLOW_ID = 'benchCodeVsNode';

function n8n(
	folder: string,
	args: string[],
): { code: number | null; stdout: string; stderr: string } {
	const result = spawnSync('bash', [join(REPO, 'scripts', 'n8n.sh'), folder, ...args], {
		cwd: REPO,
		encoding: 'utf8',
		timeout: 600_000,
		maxBuffer: 1024 * 1024 * 1024,
		env: { ...process.env, N8N_PACKAGE_DIR: REPO, NODE_OPTIONS: '--max-old-space-size=4096' },
	});
	return { code: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

function executionTime(run: IRun, node: string): number {
	const task = run.data.resultData.runData[node]?.[0];
	if (!task)
		throw new Error(
			`node "${node}" did not run: ${JSON.stringify(run.data.resultData.error ?? {}).slice(0, 300)}`,
		);
	return task.executionTime;
}

export async function run(): Promise<BenchRow[]> {
	const items = Number(process.env.BENCH_CLI_ITEMS) || 10_000;
	const runs = Math.max(1, Math.min(benchRuns(), Number(process.env.BENCH_CLI_RUNS) || 3));
	const folder = join(REPO, '.n8n-test', 'bench');
	rmSync(folder, { recursive: true, force: true });
	mkdirSync(folder, { recursive: true });
	const input = mkdtempSync(join(tmpdir(), 'bench-workflows-'));
	writeFileSync(
		join(input, 'code.json'),
		JSON.stringify(codeNodeWorkflow(WORKFLOW_ID, items, AS_OF)),
	);
	const imported = n8n(folder, ['import:workflow', '--separate', `--input=${input}`]);
	rmSync(input, { recursive: true, force: true });
	if (imported.code !== 0)
		throw new Error(
			`n8n import:workflow failed: ${(imported.stdout + imported.stderr).slice(-800)}`,
		);

	const ours: number[] = [];
	const code: number[] = [];
	const generate: number[] = [];
	let routes = '';
	for (let index = 0; index <= runs; index++) {
		const result = n8n(folder, ['execute', `--id=${WORKFLOW_ID}`, '--rawOutput']);
		const parsed = parseRawOutput(result.stdout);
		if (!parsed)
			throw new Error(
				`n8n execute printed no result (exit ${result.code}): ${(result.stdout + result.stderr).slice(-800)}`,
			);
		// The first execution warms up the task runner and n8n's caches; it is not counted.
		if (index === 0) continue;
		ours.push(executionTime(parsed, OUR_NODE));
		code.push(executionTime(parsed, CODE_NODE));
		generate.push(executionTime(parsed, GENERATE_NODE));
		const task = parsed.data.resultData.runData[OUR_NODE][0];
		routes = (task.data?.main ?? []).map((output) => output?.length ?? 0).join('/');
		out(`  real n8n run ${index}: ours ${ours.at(-1)} ms, Code node ${code.at(-1)} ms`);
	}
	const oursMs = median(ours);
	const codeMs = median(code);
	const speedup = ratio(codeMs, oursMs);
	return [
		{
			name: 'Payment State Check in a real n8n (CLI)',
			items,
			ms: oursMs,
			note: `${usPerItem(oursMs, items)}; outputs follow-up/hold/closed/not-due/invalid ${routes}; median of ${runs} executions after a warm-up`,
		},
		{
			name: 'Code node doing the same classification (CLI)',
			items,
			ms: codeMs,
			goal: `ours ≥ ${GOAL}× faster: ${formatRatio(speedup)} ${speedup >= GOAL ? 'MET' : 'NOT MET'}`,
			note: `${usPerItem(codeMs, items)}; "Run Once for All Items" in n8n's JavaScript task runner (items travel to the runner and back); the generating Code node took ${median(generate).toFixed(0)} ms`,
		},
	];
}
