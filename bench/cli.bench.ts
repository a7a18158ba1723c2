/**
 * The Code-node alternative against Payment State Check, both inside a real n8n (the pinned CLI with this package
 * loaded as a community package, `n8n execute --rawOutput`), on the same generated invoices, same execution.
 *
 * Why not 100k items here: the Code node needs n8n's task runner, which only the real n8n has, and
 * `n8n execute --rawOutput` prints the whole run data (every node's items) as one JSON document through the logger.
 * At 100k invoices that is several hundred MB on stdout. So this comparison runs on BENCH_CLI_ITEMS (default 5,000)
 * and compares per-item cost (µs/item, both nodes' own executionTime); the in-process rows show ours at 100k.
 */
import { spawnSync } from 'node:child_process';
import {
	closeSync,
	existsSync,
	openSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { IRun } from 'n8n-workflow';

import { parseRawOutput } from '../tests/helpers/n8nCli';
import { AS_OF } from './data';
import { BUILD, REPO } from './setup';
import { benchRuns, formatRatio, median, out, ratio, usPerItem } from './stats';
import type { BenchRow } from './types';
import { CODE_NODE, OUR_NODE, codeNodeWorkflow } from './workflows/codeNode';

const GOAL = 20;
const WORKFLOW_ID = 'benchCodeVsNode';

/**
 * The package as n8n loads it, for nodes that are built: n8n refuses the whole package when one node file listed in
 * package.json is missing from dist/, so while nodes are still being written the benchmark loads a copy of
 * package.json that lists only the built ones (dist/ and node_modules/ are links to the real ones).
 */
export function stagePackage(): { dir: string; missing: string[] } {
	const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
		n8n: { nodes: string[] };
	};
	const missing = manifest.n8n.nodes.filter((file) => !existsSync(join(REPO, file)));
	if (missing.length === 0) return { dir: REPO, missing };
	const dir = join(BUILD, 'package');
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	manifest.n8n.nodes = manifest.n8n.nodes.filter((file) => existsSync(join(REPO, file)));
	writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, '\t'));
	symlinkSync(join(REPO, 'dist'), join(dir, 'dist'), 'dir');
	symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
	return { dir, missing };
}

let packageDir = REPO;

/** The package folder n8n loads (see stagePackage). */
export function usePackage(dir: string): void {
	packageDir = dir;
}

/**
 * Runs the pinned n8n CLI. Its stdout goes to a file, not a pipe: n8n exits right after printing the run, and a large
 * `--rawOutput` written to a pipe is cut short at exit, while writes to a file are synchronous and complete.
 */
export function n8n(
	folder: string,
	args: string[],
	wrapper: string[] = [],
): { code: number | null; stdout: string; stderr: string } {
	const file = join(folder, 'stdout.txt');
	const fd = openSync(file, 'w');
	try {
		const command = [...wrapper, 'bash', join(REPO, 'scripts', 'n8n.sh'), folder, ...args];
		const result = spawnSync(command[0], command.slice(1), {
			cwd: REPO,
			encoding: 'utf8',
			timeout: 600_000,
			maxBuffer: 64 * 1024 * 1024,
			stdio: ['ignore', fd, 'pipe'],
			env: {
				...process.env,
				N8N_PACKAGE_DIR: packageDir,
				NODE_OPTIONS: '--max-old-space-size=4096',
			},
		});
		return { code: result.status, stdout: readFileSync(file, 'utf8'), stderr: result.stderr ?? '' };
	} finally {
		closeSync(fd);
		rmSync(file, { force: true });
	}
}

function executionTime(run: IRun, node: string): number {
	const task = run.data.resultData.runData[node]?.[0];
	if (!task)
		throw new Error(
			`node "${node}" did not run: ${JSON.stringify(run.data.resultData.error ?? {}).slice(0, 300)}`,
		);
	return task.executionTime;
}

const OUR_ROUTES = ['follow_up', 'hold', 'closed', 'not_due'];

/** How many invoices the Code node routes differently from Payment State Check, by (ours → Code node). */
function disagreementsWithCode(run: IRun): string {
	const runData = run.data.resultData.runData;
	const routeOf = new Map<string, string>();
	(runData[`${OUR_NODE} 1`][0].data?.main ?? []).forEach((items, output) => {
		for (const item of items ?? [])
			routeOf.set(
				String((item.json.invoice as { id: string }).id),
				OUR_ROUTES[output] ?? 'invalid',
			);
	});
	const pairs = new Map<string, number>();
	let differ = 0;
	for (const item of runData[`${CODE_NODE} 1`][0].data?.main[0] ?? []) {
		const mine = routeOf.get(String(item.json.id));
		if (mine === item.json.route) continue;
		differ += 1;
		const key = `${mine} → ${String(item.json.route)}`;
		pairs.set(key, (pairs.get(key) ?? 0) + 1);
	}
	const top = [...pairs].sort((a, b) => b[1] - a[1]).map(([key, count]) => `${key} ${count}`);
	return `routed differently from ours: ${differ} (${top.join(', ')})`;
}

export async function run(): Promise<BenchRow[]> {
	const items = Number(process.env.BENCH_CLI_ITEMS) || 5_000;
	const copies = 4;
	const runs = Math.max(1, Math.min(benchRuns(), Number(process.env.BENCH_CLI_RUNS) || 3));
	const staged = stagePackage();
	packageDir = staged.dir;
	if (staged.missing.length > 0)
		out(`  not built yet, left out of the package n8n loads: ${staged.missing.join(', ')}`);
	const folder = join(REPO, '.n8n-test', 'bench');
	rmSync(folder, { recursive: true, force: true });
	mkdirSync(folder, { recursive: true });
	const input = mkdtempSync(join(tmpdir(), 'bench-workflows-'));
	writeFileSync(
		join(input, 'code.json'),
		JSON.stringify(codeNodeWorkflow(WORKFLOW_ID, items, AS_OF, copies)),
	);
	const imported = n8n(folder, ['import:workflow', '--separate', `--input=${input}`]);
	rmSync(input, { recursive: true, force: true });
	if (imported.code !== 0)
		throw new Error(
			`n8n import:workflow failed: ${(imported.stdout + imported.stderr).slice(-800)}`,
		);

	const warm = { ours: [] as number[], code: [] as number[] };
	const cold = { ours: [] as number[], code: [] as number[] };
	let routes = '';
	let disagreements = '';
	for (let index = 1; index <= runs; index++) {
		const result = n8n(folder, ['execute', `--id=${WORKFLOW_ID}`, '--rawOutput']);
		const parsed = parseRawOutput(result.stdout);
		if (!parsed)
			throw new Error(
				`n8n execute printed no result (exit ${result.code}): ${(result.stdout + result.stderr).slice(-800)}`,
			);
		for (let copy = 1; copy <= copies; copy++) {
			const target = copy === 1 ? cold : warm;
			target.ours.push(executionTime(parsed, `${OUR_NODE} ${copy}`));
			target.code.push(executionTime(parsed, `${CODE_NODE} ${copy}`));
		}
		if (index === 1) disagreements = disagreementsWithCode(parsed);
		const task = parsed.data.resultData.runData[`${OUR_NODE} 1`][0];
		routes = (task.data?.main ?? []).map((output) => output?.length ?? 0).join('/');
		out(
			`  real n8n execution ${index}: ours ${cold.ours.at(-1)} ms cold, then ${warm.ours.slice(-(copies - 1)).join('/')} ms; Code node ${cold.code.at(-1)} ms cold, then ${warm.code.slice(-(copies - 1)).join('/')} ms`,
		);
	}
	const oursMs = median(warm.ours);
	const codeMs = median(warm.code);
	const speedup = ratio(codeMs, oursMs);
	const coldSpeedup = ratio(median(cold.code), median(cold.ours));
	return [
		{
			name: 'Payment State Check in a real n8n (CLI), warm',
			items,
			ms: oursMs,
			note: `${usPerItem(oursMs, items)}; cold (first in a fresh process) ${median(cold.ours).toFixed(0)} ms; outputs follow-up/hold/closed/not-due/invalid ${routes}; median over ${runs} executions × ${copies - 1} warm copies`,
		},
		{
			name: 'Code node doing the same classification (CLI), warm',
			items,
			ms: codeMs,
			goal: `ours ≥ ${GOAL}× faster: ${formatRatio(speedup)} ${speedup >= GOAL ? 'MET' : 'NOT MET'}`,
			note: `${usPerItem(codeMs, items)}; cold ${median(cold.code).toFixed(0)} ms  (ours ${formatRatio(coldSpeedup)} faster cold); ${disagreements}; "Run Once for All Items" in n8n's JavaScript task runner: items travel to the runner process and back`,
		},
	];
}
