/**
 * The whole workflow in a real n8n (issue 15): what a user pays for Payment State Check against what they would
 * build instead. Each workflow is Start → Generate Invoices (a Code node) → one classifier, executed by the pinned
 * n8n CLI (`n8n execute --rawOutput`) in a fresh process per execution:
 * - Payment State Check (Generic source): version 1.1 as it comes (Output Detail: Lean), version 1 as it comes (its
 *   full items, Output Detail: Full in 1.1), and on request version 1.1 with Output Detail: Compact (the same items
 *   as Lean, so not run by default);
 * - the same classification as a Code node ("Run Once for All Items", in n8n's JavaScript task runner);
 * - two pass-throughs, the least any node costs: n8n's No Operation node, and a custom node that pairs each input
 *   item to an output item (bench/nodes/PassThrough.node.ts, staged into the package n8n loads for this bench
 *   only, never shipped).
 * Per workflow, judged on what a user pays (a running n8n does not print the run data, which here costs more than
 * the execution itself): the execution (n8n's startedAt to stoppedAt) in wall time and in CPU seconds of n8n and its
 * task runner; the peak RSS summed over n8n and its task runner during the execution (a Code node's items also live
 * in the runner; sampled every 100 ms, see treeRss.ts); the execution as n8n saved it in its database; and the
 * classifier's executionTime, with the CPU seconds spent meanwhile. Printed beside them: the whole process (start-up
 * and printing included) in wall time, CPU seconds and peak RSS (all processes, and the largest alone, /usr/bin/time's
 * %M), and the saved run data as JSON. Sizes: BENCH_WORKFLOW_ITEMS (default 20000,100000).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { IRun } from 'n8n-workflow';

import {
	compileFastGenericReader,
	formatMoney,
	paymentStateChecker,
	type Invoice,
	type OutputDetail,
} from '../src';
import { parseRawOutput } from '../tests/helpers/n8nCli';
import { n8n, stagePackage, usePackage } from './cli.bench';
import { AS_OF, generateInvoiceRows } from './data';
import { BUILD, N8N_MODULES, REPO } from './setup';
import { formatRatio, loadLine, median, out, ratio } from './stats';
import type { BenchRow } from './types';
import { classifyInCodeNode } from './workflows/codeNode';

const CLASSIFY = 'Classify';

interface Variant {
	key: string;
	label: string;
	node: object;
}

const PSC = 'n8n-nodes-invoice-followup.paymentStateCheck';
/** The bench's pass-through node, as n8n names it in the staged package (see stageWithPassThrough). */
const PASS_THROUGH = 'n8n-nodes-invoice-followup.passThrough';
const pscParameters = (options: object = {}) => ({
	source: 'generic',
	options: { asOf: AS_OF, timezone: 'UTC', ...options },
});

const VARIANTS: Variant[] = [
	{
		key: 'psc',
		label: 'Payment State Check workflow (version 1.1 default: Lean)',
		node: { type: PSC, typeVersion: 1.1, parameters: pscParameters() },
	},
	{
		key: 'full',
		label: 'Payment State Check workflow, Full (version 1 default)',
		node: { type: PSC, typeVersion: 1, parameters: pscParameters() },
	},
	{
		key: 'compact',
		label: 'Payment State Check workflow, Output Detail: Compact',
		node: { type: PSC, typeVersion: 1.1, parameters: pscParameters({ outputDetail: 'compact' }) },
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
	{
		key: 'passthrough',
		label: 'pass-through workflow (a trivial custom node)',
		node: { type: PASS_THROUGH, typeVersion: 1, parameters: {} },
	},
];
const OURS = new Set(['psc', 'full', 'compact']);

/**
 * The package n8n loads for this bench: the one the other CLI benches load, plus the bench's pass-through node
 * (compiled into .bench-build/bench/nodes by scripts/bench.sh), listed in a copy of package.json. The published
 * package never lists it.
 */
function stageWithPassThrough(): string {
	const base = stagePackage().dir;
	const dir = join(BUILD, 'package-workflow');
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const manifest = JSON.parse(readFileSync(join(base, 'package.json'), 'utf8')) as {
		n8n: { nodes: string[] };
	};
	manifest.n8n.nodes = [...manifest.n8n.nodes, 'bench-nodes/PassThrough.node.js'];
	writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, '\t'));
	symlinkSync(join(REPO, 'dist'), join(dir, 'dist'), 'dir');
	symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
	symlinkSync(join(BUILD, 'bench', 'nodes'), join(dir, 'bench-nodes'), 'dir');
	return dir;
}

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
	/** The execution itself, as n8n records it (startedAt to stoppedAt): no start-up, no printing of the run data. */
	executionS: number;
	/** CPU seconds (user + system) of n8n and its task runner during the execution: the load-robust figure. */
	executionCpuS: number;
	/** CPU seconds of n8n and its task runner while the classifier ran (its executionTime window). */
	nodeCpuS: number;
	/** CPU seconds (user + system) of the whole process tree, start-up included. */
	cpuS: number;
	/** Peak of the sum over n8n and its task runner between startedAt and stoppedAt. */
	executionTreeMiB: number;
	peakMiB: number;
	/** Peak of the sum over n8n and its children (the task runner), sampled every 100 ms. */
	treeMiB: number;
	savedMB: number;
	/** The execution as n8n saved it in its database (flatted JSON in execution_data.data). */
	dbMB: number;
	nodeMs: number;
	outputs: string;
}

const MARK = 'BENCH_PEAK_RSS_KB=';
/** User + system CPU seconds of n8n and every child it waited for (the task runner): unlike wall time, hardly moved by the other processes on a shared machine. */
const CPU_MARK = 'BENCH_CPU_S=';

function execute(folder: string, id: string): Measure {
	const series = join(folder, 'rss.txt');
	process.env.BENCH_RSS_SERIES = series;
	const started = Date.now();
	const result = n8n(
		folder,
		['execute', `--id=${id}`, '--rawOutput'],
		[
			'/usr/bin/time',
			'-f',
			`${MARK}%M ${CPU_MARK}%U+%S`,
			process.execPath,
			join(BUILD, 'bench', 'treeRss.js'),
		],
	);
	const wallS = (Date.now() - started) / 1000;
	const peakKb = Number(new RegExp(`${MARK}(\\d+)`).exec(result.stderr)?.[1] ?? NaN);
	const cpu = new RegExp(`${CPU_MARK}([\\d.]+)\\+([\\d.]+)`).exec(result.stderr);
	const treeKb = Number(/BENCH_TREE_PEAK_KB=(\d+)/.exec(result.stderr)?.[1] ?? NaN);
	const run: IRun | undefined = parseRawOutput(result.stdout) ?? undefined;
	const task = run?.data.resultData.runData[CLASSIFY]?.[0];
	if (!run || !task)
		throw new Error(
			`n8n execute failed (exit ${result.code}): ${(result.stdout + result.stderr).slice(-600)}`,
		);
	const from = new Date(run.startedAt).getTime();
	const to = new Date(run.stoppedAt ?? run.startedAt).getTime();
	const samples = readFileSync(series, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((line) => line.split(' ').map(Number));
	// CPU ticks the tree spent between two instants (one 100 ms sample either side, so a short span has a figure).
	const ticksBetween = (start: number, end: number) => {
		const inside = samples.filter(([at]) => at >= start - 100 && at <= end + 100);
		return inside.length < 2 ? NaN : inside[inside.length - 1][3] - inside[0][3];
	};
	let executionTreeKb = 0;
	for (const [at, sumKb] of samples)
		if (at >= from - 100 && at <= to + 100) executionTreeKb = Math.max(executionTreeKb, sumKb);
	return {
		wallS,
		executionS: (to - from) / 1000,
		cpuS: cpu ? Number(cpu[1]) + Number(cpu[2]) : NaN,
		executionCpuS: ticksBetween(from, to) / 100,
		nodeCpuS: ticksBetween(task.startTime, task.startTime + task.executionTime) / 100,
		executionTreeMiB: executionTreeKb / 1024,
		peakMiB: peakKb / 1024,
		treeMiB: treeKb / 1024,
		savedMB: Buffer.byteLength(JSON.stringify(run.data)) / 1e6,
		dbMB: savedInDatabase(folder) / 1e6,
		nodeMs: task.executionTime,
		outputs: (task.data?.main ?? []).map((output) => output?.length ?? 0).join('/'),
	};
}

/** Bytes of the newest execution n8n saved in its SQLite database (NaN when it saved none). */
function savedInDatabase(folder: string): number {
	// node:sqlite ships with Node 24; required here so the rest of the bench does not depend on it.
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { DatabaseSync } = require('node:sqlite') as {
		DatabaseSync: new (
			path: string,
			options: { readOnly: boolean },
		) => {
			prepare(sql: string): { get(): { bytes: number } | undefined };
			close(): void;
		};
	};
	const db = new DatabaseSync(join(folder, '.n8n', 'database.sqlite'), { readOnly: true });
	try {
		return (
			db
				.prepare(
					'SELECT length(data) AS bytes FROM execution_data ORDER BY executionId DESC LIMIT 1',
				)
				.get()?.bytes ?? NaN
		);
	} finally {
		db.close();
	}
}

/**
 * What each item shape costs in the saved execution, without starting n8n: the input rows and one classifier's
 * items, stringified with flatted as n8n stores run data (a shared object and an equal string once), against the
 * Code node's items (its script run here, its items copied as the task runner hands them back). Sizes do not move
 * with the load; they match the database figures below within 1%. The shapes are Lean, Full and what Lean could
 * add (the formatted amount, the sentences, a shared audit entry): how the lean default was chosen.
 */
function itemBudget(count: number): void {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const flatted = require(join(N8N_MODULES, 'flatted')) as { stringify(value: unknown): string };
	const rows = generateInvoiceRows(count);
	const input = rows.map((json, index) => ({ json, pairedItem: { item: index } }));
	const codeNode = new Function('$input', classifyInCodeNode(AS_OF)) as (input: object) => object[];
	const code = JSON.parse(JSON.stringify(codeNode({ all: () => input }))) as object[];
	const bytes = (items: object[]) => flatted.stringify({ input, items }).length;
	const codeBytes = bytes(code.map((item, index) => ({ ...item, pairedItem: { item: index } })));
	/** Items as the node builds them: the invoice lean or full, the payment state's detail, the shared audit list. */
	const shape = (lean: boolean, detail: OutputDetail, audit: boolean, formatted = false) => {
		const read = compileFastGenericReader({
			defaults: { timezone: 'UTC' },
			share: true,
			compact: lean,
		});
		const check = paymentStateChecker({ asOf: AS_OF, timezone: 'UTC' }, detail);
		const audits = new Map<string, object[]>();
		return rows.map((row, index) => {
			let invoice: Invoice = read(row)!;
			if (formatted)
				invoice = {
					...invoice,
					amountDueFormatted: formatMoney(invoice.amountDueMinor, invoice.currency),
				};
			const paymentState = check(invoice);
			const json: Record<string, unknown> = { invoice, paymentState };
			if (audit) {
				const key = `${paymentState.state} ${paymentState.route}`;
				if (!audits.has(key))
					audits.set(key, [
						{
							node: 'Payment State Check',
							rule: paymentState.state,
							outcome: paymentState.route,
							at: AS_OF,
						},
					]);
				json.audit = audits.get(key);
			}
			return { json, pairedItem: index === 0 ? { item: 0 } : index };
		});
	};
	const shapes: Array<[string, Array<{ json: object }>]> = [
		['Full (version 1 default)', shape(false, 'standard', true)],
		['Lean (version 1.1 default)', shape(true, 'compact', false)],
		['Lean + amountDueFormatted', shape(true, 'compact', false, true)],
		['Lean + amountDueFormatted, reasons, daysUntilDue', shape(true, 'standard', false, true)],
		['Lean + a shared audit entry', shape(true, 'compact', true)],
	];
	for (const [label, items] of shapes) {
		const json = items.reduce(
			(sum, item) => sum + JSON.stringify((item as { json: object }).json).length,
			0,
		);
		out(
			`  item budget, ${count.toLocaleString('en-US')} invoices, ${label}: saved (flatted, input rows included) ${(bytes(items) / count).toFixed(0)} B per invoice, ${formatRatio(ratio(bytes(items), codeBytes))} the Code node's ${(codeBytes / count).toFixed(0)} B; ${(json / count).toFixed(0)} B of JSON per item`,
		);
	}
}

const mid = (list: Measure[], pick: (entry: Measure) => number) => median(list.map(pick));

export async function run(): Promise<BenchRow[]> {
	const sizes = (process.env.BENCH_WORKFLOW_ITEMS ?? '20000,100000')
		.split(',')
		.map((size) => Number(size.trim()))
		.filter((size) => size > 0);
	const runs = Math.max(1, Math.min(Number(process.env.BENCH_RUNS) || 1, 3));
	const wanted = (process.env.BENCH_WORKFLOW_VARIANTS ?? 'psc,full,code,noop,passthrough').split(
		',',
	);
	const variants = VARIANTS.filter((variant) => wanted.includes(variant.key));
	itemBudget(sizes[0] ?? 20_000);
	usePackage(stageWithPassThrough());
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
					`  ${items.toLocaleString('en-US')} invoices, ${variant.label}: execution ${measure.executionS.toFixed(2)} s and ${measure.executionCpuS.toFixed(2)} CPU s (whole process ${measure.wallS.toFixed(1)} s, CPU ${measure.cpuS.toFixed(1)} s), peak RSS ${measure.executionTreeMiB.toFixed(0)} MiB during the execution, ${measure.treeMiB.toFixed(0)} MiB whole process, all processes (largest ${measure.peakMiB.toFixed(0)} MiB), saved execution ${measure.dbMB.toFixed(1)} MB in the database (${measure.savedMB.toFixed(1)} MB as JSON), node ${measure.nodeMs} ms and ${measure.nodeCpuS.toFixed(2)} CPU s (${loadLine()})`,
				);
			}
		const code = measured.get('code');
		const passes = (['noop', 'passthrough'] as const)
			.map((key) => ({ key, list: measured.get(key) }))
			.filter((pass): pass is { key: 'noop' | 'passthrough'; list: Measure[] } => !!pass.list);
		for (const variant of variants) {
			const list = measured.get(variant.key)!;
			const wall = mid(list, (entry) => entry.wallS);
			const execution = mid(list, (entry) => entry.executionS);
			const executionCpu = mid(list, (entry) => entry.executionCpuS);
			const cpuS = mid(list, (entry) => entry.cpuS);
			const executionTree = mid(list, (entry) => entry.executionTreeMiB);
			const tree = mid(list, (entry) => entry.treeMiB);
			const peak = mid(list, (entry) => entry.peakMiB);
			const db = mid(list, (entry) => entry.dbMB);
			const saved = mid(list, (entry) => entry.savedMB);
			const nodeMs = mid(list, (entry) => entry.nodeMs);
			const nodeCpu = mid(list, (entry) => entry.nodeCpuS);
			let goal: string | undefined;
			if (OURS.has(variant.key) && code) {
				const against = (pick: (entry: Measure) => number, ours: number) =>
					ratio(ours, mid(code, pick));
				const verdict = (value: number, limit = 1) =>
					`${formatRatio(value)} ${value <= limit ? 'MET' : 'NOT MET'}`;
				const speedup = ratio(
					mid(code, (entry) => entry.nodeMs),
					nodeMs,
				);
				goal = `vs Code-node workflow: execution ${verdict(against((entry) => entry.executionS, execution))}, its CPU time ${verdict(against((entry) => entry.executionCpuS, executionCpu))}; whole process (start-up and the CLI printing the run data) wall ${verdict(against((entry) => entry.wallS, wall))}, its CPU time ${formatRatio(against((entry) => entry.cpuS, cpuS))}; peak RSS during the execution ${verdict(against((entry) => entry.executionTreeMiB, executionTree))}, whole process, all processes ${verdict(against((entry) => entry.treeMiB, tree))} (largest process ${formatRatio(against((entry) => entry.peakMiB, peak))}), saved in the database ${verdict(against((entry) => entry.dbMB, db))} (as JSON ${formatRatio(against((entry) => entry.savedMB, saved))}); node ${formatRatio(speedup)} faster than the Code node ${speedup >= 10 ? 'MET' : 'NOT MET'} (goal ≥ 10×), in CPU seconds of n8n and its runner while each ran ${formatRatio(
					ratio(
						mid(code, (entry) => entry.nodeCpuS),
						nodeCpu,
					),
				)}`;
				for (const pass of passes) {
					const passMs = mid(pass.list, (entry) => entry.nodeMs);
					goal += `; node vs ${pass.key === 'noop' ? 'No Operation' : 'the custom pass-through'} (${passMs} ms) ${verdict(ratio(nodeMs, passMs), 2)} (goal ≤ 2×)`;
				}
			}
			rows.push({
				name: `${variant.label}, ${items.toLocaleString('en-US')} invoices`,
				items,
				ms: nodeMs,
				goal,
				note: `execution ${execution.toFixed(2)} s (n8n's startedAt to stoppedAt) using ${executionCpu.toFixed(2)} CPU s over n8n and its task runner, whole process ${wall.toFixed(1)} s (start-up and printing the run data included) and ${cpuS.toFixed(1)} CPU s; peak RSS over n8n and its task runner ${executionTree.toFixed(0)} MiB during the execution, ${tree.toFixed(0)} MiB over the whole process (largest process ${peak.toFixed(0)} MiB); saved execution ${db.toFixed(1)} MB in n8n's database (${((db * 1e6) / items).toFixed(0)} B per invoice, input rows included; ${saved.toFixed(1)} MB as JSON); the node's executionTime ${nodeMs} ms (${nodeCpu.toFixed(2)} CPU s of n8n and its runner meanwhile); outputs ${list[0].outputs}; median of ${list.length}`,
			});
		}
	}
	return rows;
}
