/**
 * In-engine benchmarks on 100k invoices: each of our nodes inside n8n-core's WorkflowExecute (the pinned n8n),
 * against its floor (the same src functions in a plain JS loop) and against a pass-through custom node run in the
 * same engine on the same items (n8n's own per-item cost). Also the stock-node build of Payment State Check.
 * Times are the node's own `executionTime` from the run data, medians of several runs.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject, IRun } from 'n8n-workflow';

import {
	buildCollectionsReport,
	checkPaymentState,
	compileEscalationRules,
	evaluateEscalation,
	normalizeInvoice,
	planCadenceStep,
	type Invoice,
	type PaymentState,
} from '../src';
import {
	NODE_UNDER_TEST,
	registerNodeType,
	runNode,
	runWorkflow,
	type RunNodeOptions,
	type RunResult,
} from '../tests/helpers/engine';
import { AS_OF, AS_OF_DATE, generateInvoiceRows } from './data';
import { PASS_THROUGH_TYPE, PassThrough } from './nodes/PassThrough.node';
import { BUILD, REPO } from './setup';
import { benchRuns, collectGarbage, formatRatio, median, out, ratio, usPerItem } from './stats';
import type { BenchRow } from './types';
import { STOCK_NODES, stockEquivalentWorkflow } from './workflows/stock';

export const ITEMS = Number(process.env.BENCH_ITEMS) || 100_000;
const PASS_THROUGH_GOAL = 1.5;
const STOCK_GOAL = 100;

registerNodeType(PASS_THROUGH_TYPE, new PassThrough());

function executionTime(run: IRun, node: string): number {
	const task = run.data.resultData.runData[node]?.[0];
	if (!task)
		throw new Error(`node "${node}" did not run: ${run.data.resultData.error?.message ?? ''}`);
	return task.executionTime;
}

/** True when a node's source and its compiled form (in .bench-build) both exist. */
export function nodeExists(name: string): boolean {
	return (
		existsSync(join(REPO, 'nodes', name, `${name}.node.ts`)) &&
		existsSync(join(BUILD, 'nodes', name, `${name}.node.js`))
	);
}

/** Median executionTime of a node and of the pass-through on the same items, interleaved runs. */
async function versusPassThrough(
	type: string,
	parameters: IDataObject,
	input: IDataObject[],
	runs: number,
	settings?: RunNodeOptions['settings'],
): Promise<{ nodeMs: number; passMs: number; check: RunResult }> {
	const node: number[] = [];
	const pass: number[] = [];
	let check: RunResult | undefined;
	for (let index = 0; index <= runs; index++) {
		collectGarbage();
		const result = await runNode({ type, parameters, input, settings });
		if (result.error)
			throw new Error(
				`${result.error.message} ${(result.error as { description?: string }).description ?? ''}`,
			);
		collectGarbage();
		const through = await runNode({ type: PASS_THROUGH_TYPE, input });
		// The first round warms up both (JIT, lazy requires) and is not counted.
		if (index > 0) {
			node.push(executionTime(result.run, NODE_UNDER_TEST));
			pass.push(executionTime(through.run, NODE_UNDER_TEST));
		}
		check = result;
	}
	return { nodeMs: median(node), passMs: median(pass), check: check! };
}

async function floorMs(runs: number, work: () => unknown): Promise<number> {
	const times: number[] = [];
	work();
	for (let index = 0; index < runs; index++) {
		collectGarbage();
		const start = performance.now();
		work();
		times.push(performance.now() - start);
	}
	return median(times);
}

function passThroughGoal(nodeMs: number, passMs: number): string {
	const value = ratio(nodeMs, passMs);
	return `≤ ${PASS_THROUGH_GOAL}× pass-through (${passMs.toFixed(0)} ms, ${usPerItem(passMs, ITEMS)}): ${formatRatio(value)} ${value <= PASS_THROUGH_GOAL ? 'MET' : 'NOT MET'}`;
}

/** Issue 15: each downstream node within 2× its plain-JS floor (the same src function in a loop), in the engine. */
const FLOOR_GOAL = 2;

function floorGoal(nodeMs: number, floor: number | undefined): string {
	if (floor === undefined) return `≤ ${FLOOR_GOAL}× floor: no floor`;
	const value = ratio(nodeMs, floor);
	return `≤ ${FLOOR_GOAL}× floor: ${formatRatio(value)} ${value <= FLOOR_GOAL ? 'MET' : 'NOT MET'}`;
}

interface Downstream {
	title: string;
	folder: string;
	type: string;
	parameters: IDataObject;
	/**
	 * The pure src function the node calls, in a plain loop over the same invoices, keeping each result as the node
	 * does (a loop that drops them would leave their garbage collection to the node alone).
	 */
	floor(items: IDataObject[]): () => unknown;
}

const DOWNSTREAM: Downstream[] = [
	{
		title: 'Cadence Step (plan)',
		folder: 'CadenceStep',
		type: 'cadenceStep',
		parameters: { operation: 'plan', options: { asOf: AS_OF, timezone: 'UTC' } },
		floor: (items) => {
			const invoices = items.map((json) => json.invoice as unknown as Invoice);
			return () => {
				const plans = new Array(invoices.length);
				for (let index = 0; index < invoices.length; index++)
					plans[index] = planCadenceStep(invoices[index], 'by-tier', {
						asOf: AS_OF,
						timezone: 'UTC',
					});
				return plans;
			};
		},
	},
	{
		title: 'Escalation Gate',
		folder: 'EscalationGate',
		type: 'escalationGate',
		parameters: { options: { asOf: AS_OF } },
		floor: (items) => {
			const rules = compileEscalationRules(undefined);
			const inputs = items.map((json) => ({
				invoice: json.invoice as unknown as Invoice,
				paymentState: json.paymentState as unknown as PaymentState,
			}));
			return () => {
				const results = new Array(inputs.length);
				for (let index = 0; index < inputs.length; index++)
					results[index] = evaluateEscalation(inputs[index], rules, { asOf: AS_OF });
				return results;
			};
		},
	},
	{
		title: 'Collections Report',
		folder: 'CollectionsReport',
		type: 'collectionsReport',
		parameters: { options: { asOf: AS_OF, timezone: 'UTC' } },
		floor: (items) => () => {
			buildCollectionsReport(items, { asOf: AS_OF, timezone: 'UTC' });
		},
	},
];

const OUR_ROUTES = ['follow_up', 'hold', 'closed', 'not_due'];
const STOCK_ROUTES = ['closed', 'hold', 'follow_up', 'not_due'];

/** How many invoices the stock build routes differently from Payment State Check, by (ours → stock). */
function disagreementsWithStock(ours: RunResult, stock: RunResult): string {
	const routeOf = new Map<string, string>();
	OUR_ROUTES.forEach((route, output) => {
		for (const json of ours.json(NODE_UNDER_TEST, output))
			routeOf.set(String((json.invoice as IDataObject).id), route);
	});
	const pairs = new Map<string, number>();
	let differ = 0;
	STOCK_ROUTES.forEach((route, output) => {
		for (const json of stock.json('Route', output)) {
			const mine = routeOf.get(String(json.id));
			if (mine === route) continue;
			differ += 1;
			const key = `${mine} → ${route}`;
			pairs.set(key, (pairs.get(key) ?? 0) + 1);
		}
	});
	const top = [...pairs].sort((a, b) => b[1] - a[1]).map(([key, count]) => `${key} ${count}`);
	return `routed differently from ours: ${differ} (${top.join(', ')})`;
}

export async function run(): Promise<BenchRow[]> {
	const runs = benchRuns();
	const rows: BenchRow[] = [];
	const records = generateInvoiceRows(ITEMS) as unknown as IDataObject[];

	// Payment State Check: floor, engine, pass-through.
	const stateOptions = { asOf: AS_OF, timezone: 'UTC' };
	const defaults = { timezone: 'UTC', dateOrder: 'iso' as const };
	const pscFloor = await floorMs(runs, () => {
		for (const record of records) {
			const result = normalizeInvoice(record, { source: 'generic', defaults });
			if (result.ok) checkPaymentState(result.invoice, stateOptions);
		}
	});
	out(
		`  Payment State Check floor (normalizeInvoice + checkPaymentState, plain loop): ${pscFloor.toFixed(0)} ms`,
	);
	const pscParameters = { source: 'generic', options: { asOf: AS_OF, timezone: 'UTC' } };
	// Version 1.1, as a new node comes: lean items.
	const psc = await versusPassThrough('paymentStateCheck', pscParameters, records, runs, {
		typeVersion: 1.1,
	});
	const counts = psc.check.counts(NODE_UNDER_TEST);
	rows.push({
		name: 'Payment State Check in the engine (Generic)',
		items: ITEMS,
		ms: psc.nodeMs,
		floorMs: pscFloor,
		goal: passThroughGoal(psc.nodeMs, psc.passMs),
		note: `${usPerItem(psc.nodeMs, ITEMS)}; outputs follow-up/hold/closed/not-due/invalid ${counts.join('/')}`,
	});
	out(
		`  Payment State Check in the engine: ${psc.nodeMs.toFixed(0)} ms, pass-through ${psc.passMs.toFixed(0)} ms`,
	);

	// Stock-node build on the same invoices: the sum of its nodes' executionTime.
	const stockRuns = Math.max(1, Math.min(runs, Number(process.env.BENCH_STOCK_RUNS) || 3));
	const stockTimes: number[] = [];
	const perNode: Record<string, number[]> = {};
	let stockCounts: number[] = [];
	let disagreements = '';
	for (let index = 0; index < stockRuns; index++) {
		collectGarbage();
		const result = await runWorkflow(stockEquivalentWorkflow(AS_OF, AS_OF_DATE), {
			input: records,
		});
		if (result.error) throw new Error(`stock build failed: ${result.error.message}`);
		let total = 0;
		for (const node of STOCK_NODES) {
			const time = executionTime(result.run, node);
			(perNode[node] ??= []).push(time);
			total += time;
		}
		stockTimes.push(total);
		stockCounts = result.counts('Route');
		if (index === 0) disagreements = disagreementsWithStock(psc.check, result);
	}
	const stockMs = median(stockTimes);
	const stockRatio = ratio(stockMs, psc.nodeMs);
	rows.push({
		name: 'Stock-node build (Date & Time → Edit Fields → Switch)',
		items: ITEMS,
		ms: stockMs,
		goal: `ours ≥ ${STOCK_GOAL}× faster: ${formatRatio(stockRatio)} ${stockRatio >= STOCK_GOAL ? 'MET' : 'NOT MET'}`,
		note: `${usPerItem(stockMs, ITEMS)}; ${STOCK_NODES.map((node) => `${node} ${median(perNode[node]).toFixed(0)} ms`).join(', ')}; routes closed/hold/follow-up/not-due ${stockCounts.join('/')}; ${disagreements}; median of ${stockRuns}`,
	});
	out(`  Stock-node build: ${stockMs.toFixed(0)} ms`);

	// The downstream nodes, fed what Payment State Check produced (one output with a route field).
	const downstreamInput = await (async () => {
		const result = await runNode({
			type: 'paymentStateCheck',
			parameters: { ...pscParameters, singleOutput: true },
			input: records,
		});
		return result.json(NODE_UNDER_TEST, 0);
	})();
	for (const spec of DOWNSTREAM) {
		if (!nodeExists(spec.folder)) {
			rows.push({
				name: `${spec.title} in the engine`,
				items: 0,
				ms: Number.NaN,
				note: `skipped: nodes/${spec.folder}/${spec.folder}.node.ts does not exist (yet)`,
			});
			continue;
		}
		try {
			let floor: number | undefined;
			try {
				floor = await floorMs(runs, spec.floor(downstreamInput));
			} catch (error) {
				out(`  ${spec.title} floor failed: ${(error as Error).message}`);
			}
			const measured = await versusPassThrough(spec.type, spec.parameters, downstreamInput, runs);
			rows.push({
				name: `${spec.title} in the engine`,
				items: ITEMS,
				ms: measured.nodeMs,
				floorMs: floor,
				goal: `${floorGoal(measured.nodeMs, floor)}; ${passThroughGoal(measured.nodeMs, measured.passMs)}`,
				note: `${usPerItem(measured.nodeMs, ITEMS)}; outputs ${measured.check.counts(NODE_UNDER_TEST).join('/')}; input: Payment State Check's items`,
			});
			out(
				`  ${spec.title} in the engine: ${measured.nodeMs.toFixed(0)} ms, pass-through ${measured.passMs.toFixed(0)} ms`,
			);
		} catch (error) {
			rows.push({
				name: `${spec.title} in the engine`,
				items: ITEMS,
				ms: Number.NaN,
				note: `failed: ${(error as Error).message.split('\n')[0].slice(0, 160)}`,
			});
		}
	}
	return rows;
}
