/**
 * The whole workflow in a real n8n (issue 15): what a user pays for Payment State Check against what they would
 * build instead. Each workflow is Start → Generate Invoices (a Code node) → one classifier, executed by the pinned
 * n8n CLI (`n8n execute --rawOutput`) in a fresh process per execution:
 * - Payment State Check (Generic source, default output; and with Output Detail: Compact);
 * - the same classification as a Code node ("Run Once for All Items", in n8n's JavaScript task runner);
 * - a pass-through (n8n's No Operation node), the least any node costs.
 * Per workflow: wall time of the whole process (start-up included), peak RSS of the largest process (the n8n main
 * process; /usr/bin/time's %M), the saved execution's size (the run data n8n prints with --rawOutput, as JSON) and
 * the classifier's own executionTime. Sizes: BENCH_WORKFLOW_ITEMS (default 20000,100000).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { IRun } from 'n8n-workflow';

import { parseRawOutput } from '../tests/helpers/n8nCli';
import { n8n, stagePackage, usePackage } from './cli.bench';
import { AS_OF, generateInvoiceRows } from './data';
import { REPO } from './setup';
import { formatRatio, median, out, ratio } from './stats';
import type { BenchRow } from './types';
import { classifyInCodeNode } from './workflows/codeNode';

const CLASSIFY = 'Classify';

interface Variant {
	key: string;
	label: string;
	node: object;
}

const VARIANTS: Variant[] = [
	{
		key: 'psc',
		label: 'Payment State Check workflow',
		node: {
			type: 'n8n-nodes-invoice-followup.paymentStateCheck',
			typeVersion: 1,
			parameters: { source: 'generic', options: { asOf: AS_OF, timezone: 'UTC' } },
		},
	},
	{
		key: 'compact',
		label: 'Payment State Check workflow, Output Detail: Compact',
		node: {
			type: 'n8n-nodes-invoice-followup.paymentStateCheck',
			typeVersion: 1,
			parameters: {
				source: 'generic',
				options: { asOf: AS_OF, timezone: 'UTC', outputDetail: 'compact' },
			},
		},
	},
	{
		key: 'code',
		label: 'Code-node workflow (same classification)',
		node: {
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			parameters: { mode: 'runOnceForAllItems', jsCode: classifyInCodeNode(AS_OF) },
		},
	},
	{
		key: 'noop',
		label: 'pass-through workflow (No Operation node)',
		node: { type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} },
	},
];

function workflow(id: string, items: number, variant: Variant): object {
	const generate = `${generateInvoiceRows.toString()}\nreturn generateInvoiceRows(${items}).map((json) => ({ json }));`;
	return {
		id,
		name: `Whole workflow: ${variant.label} (benchmark)`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 't',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'g',
				name: 'Generate Invoices',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [220, 0],
				parameters: { mode: 'runOnceForAllItems', jsCode: generate },
			},
			{ id: 'c', name: CLASSIFY, position: [440, 0], ...variant.node },
		],
		connections: {
			Start: { main: [[{ node: 'Generate Invoices', type: 'main', index: 0 }]] },
			'Generate Invoices': { main: [[{ node: CLASSIFY, type: 'main', index: 0 }]] },
		},
	};
}

interface Measure {
	wallS: number;
	peakMiB: number;
	savedMB: number;
	nodeMs: number;
	outputs: string;
}

const MARK = 'BENCH_PEAK_RSS_KB=';

function execute(folder: string, id: string): Measure {
	const started = Date.now();
	const result = n8n(
		folder,
		['execute', `--id=${id}`, '--rawOutput'],
		['/usr/bin/time', '-f', `${MARK}%M`],
	);
	const wallS = (Date.now() - started) / 1000;
	const peakKb = Number(new RegExp(`${MARK}(\\d+)`).exec(result.stderr)?.[1] ?? NaN);
	const run: IRun | undefined = parseRawOutput(result.stdout) ?? undefined;
	const task = run?.data.resultData.runData[CLASSIFY]?.[0];
	if (!run || !task)
		throw new Error(
			`n8n execute failed (exit ${result.code}): ${(result.stdout + result.stderr).slice(-600)}`,
		);
	return {
		wallS,
		peakMiB: peakKb / 1024,
		savedMB: Buffer.byteLength(JSON.stringify(run.data)) / 1e6,
		nodeMs: task.executionTime,
		outputs: (task.data?.main ?? []).map((output) => output?.length ?? 0).join('/'),
	};
}

const mid = (list: Measure[], pick: (entry: Measure) => number) => median(list.map(pick));

export async function run(): Promise<BenchRow[]> {
	const sizes = (process.env.BENCH_WORKFLOW_ITEMS ?? '20000,100000')
		.split(',')
		.map((size) => Number(size.trim()))
		.filter((size) => size > 0);
	const runs = Math.max(1, Math.min(Number(process.env.BENCH_RUNS) || 1, 3));
	const wanted = (process.env.BENCH_WORKFLOW_VARIANTS ?? 'psc,compact,code,noop').split(',');
	const variants = VARIANTS.filter((variant) => wanted.includes(variant.key));
	usePackage(stagePackage().dir);
	// On a loaded machine the task runner can take more than n8n's default 60 s to accept the Code node's task.
	process.env.N8N_RUNNERS_TASK_REQUEST_TIMEOUT ??= '600';
	const folder = join(REPO, '.n8n-test', 'bench-workflow');
	rmSync(folder, { recursive: true, force: true });
	mkdirSync(folder, { recursive: true });
	const input = mkdtempSync(join(tmpdir(), 'bench-whole-'));
	for (const items of sizes)
		for (const variant of variants)
			writeFileSync(
				join(input, `${variant.key}${items}.json`),
				JSON.stringify(workflow(`bench${variant.key}${items}`, items, variant)),
			);
	const imported = n8n(folder, ['import:workflow', '--separate', `--input=${input}`]);
	rmSync(input, { recursive: true, force: true });
	if (imported.code !== 0)
		throw new Error(
			`n8n import:workflow failed: ${(imported.stdout + imported.stderr).slice(-800)}`,
		);

	const rows: BenchRow[] = [];
	for (const items of sizes) {
		const measured = new Map<string, Measure[]>();
		// Interleaved, so a change in the machine's load falls on every workflow alike.
		for (let index = 0; index < runs; index++)
			for (const variant of variants) {
				const measure = execute(folder, `bench${variant.key}${items}`);
				measured.set(variant.key, [...(measured.get(variant.key) ?? []), measure]);
				out(
					`  ${items.toLocaleString('en-US')} invoices, ${variant.label}: wall ${measure.wallS.toFixed(1)} s, peak RSS ${measure.peakMiB.toFixed(0)} MiB, saved execution ${measure.savedMB.toFixed(1)} MB, node ${measure.nodeMs} ms`,
				);
			}
		const code = measured.get('code');
		const noop = measured.get('noop');
		for (const variant of variants) {
			const list = measured.get(variant.key)!;
			const wall = mid(list, (entry) => entry.wallS);
			const peak = mid(list, (entry) => entry.peakMiB);
			const saved = mid(list, (entry) => entry.savedMB);
			const nodeMs = mid(list, (entry) => entry.nodeMs);
			let goal: string | undefined;
			if ((variant.key === 'psc' || variant.key === 'compact') && code) {
				const wallRatio = ratio(
					wall,
					mid(code, (entry) => entry.wallS),
				);
				const peakRatio = ratio(
					peak,
					mid(code, (entry) => entry.peakMiB),
				);
				const savedRatio = ratio(
					saved,
					mid(code, (entry) => entry.savedMB),
				);
				const speedup = ratio(
					mid(code, (entry) => entry.nodeMs),
					nodeMs,
				);
				const verdict = (value: number, limit: number) => (value <= limit ? 'MET' : 'NOT MET');
				goal = `vs Code-node workflow: wall ${formatRatio(wallRatio)} ${verdict(wallRatio, 1)}, peak RSS ${formatRatio(peakRatio)} ${verdict(peakRatio, 1)}, saved ${formatRatio(savedRatio)} ${verdict(savedRatio, 1)}; node ${formatRatio(speedup)} faster than the Code node ${speedup >= 10 ? 'MET' : 'NOT MET'} (goal ≥ 10×)`;
				if (noop) {
					const passRatio = ratio(
						nodeMs,
						mid(noop, (entry) => entry.nodeMs),
					);
					goal += `; node vs pass-through ${formatRatio(passRatio)} ${passRatio <= 2 ? 'MET' : 'NOT MET'} (goal ≤ 2×)`;
				}
			}
			rows.push({
				name: `${variant.label}, ${items.toLocaleString('en-US')} invoices`,
				items,
				ms: nodeMs,
				goal,
				note: `wall ${wall.toFixed(1)} s (whole n8n process), peak RSS ${peak.toFixed(0)} MiB, saved execution ${saved.toFixed(1)} MB (${((saved * 1e6) / items).toFixed(0)} B per invoice, input rows included); the node's executionTime ${nodeMs} ms; outputs ${list[0].outputs}; median of ${list.length}`,
			});
		}
	}
	return rows;
}
