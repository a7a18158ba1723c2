/**
 * Cadence planning at volume: 100,000 invoices through planCadenceStep, against the plain-JS floor.
 *
 * Rows:
 * - decide only (render: false): payment state, ledger history, schedule, window, spacing, holds;
 * - decide, render the approved template (handlebars) and lint it, as the node does for every item;
 * - the ledger: reserve and record 100k steps in a plain object (what the node does to static data);
 * - floors: the raw operation (a plain loop that finds the step due today from the due date and the offsets, with
 *   the stop flags) and checkPaymentState alone (the src function the planner calls first).
 * Every invoice is planned at the same as-of moment, as in one workflow execution: luxon runs once per zone.
 */
import {
	ledgerHistory,
	planCadenceStep,
	PRESETS,
	recordSend,
	reserveStep,
	type HistoryEntry,
	type LedgerData,
	type PlanOptions,
} from '../src/cadence';
import { dayNumber } from '../src/dates';
import type { Invoice } from '../src/invoice/schema';
import { checkPaymentState } from '../src/state';
import { benchRuns, formatRatio, medianMs, out, ratio, usPerItem } from './stats';
import type { BenchRow } from './types';

const AS_OF = '2026-11-23T10:00:00Z';
const COUNT = Number(process.env.BENCH_CADENCE_COUNT) || 100_000;
/** Goal for the decision without rendering: at most this many µs per invoice. */
const GOAL_US = 10;

function makeInvoices(count: number): { invoices: Invoice[]; histories: HistoryEntry[][] } {
	let seed = 3_2026;
	const random = () => {
		seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
		return seed / 4294967296;
	};
	const asOfDay = Date.UTC(2026, 10, 23) / 86_400_000;
	const dateOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
	const zones = ['America/New_York', 'Europe/Berlin', 'Asia/Tokyo', 'Australia/Sydney', undefined];
	const tiers = [
		'strategic',
		'standard',
		'standard',
		'transactional',
		'friction',
		undefined,
	] as const;
	const invoices: Invoice[] = new Array(count);
	const histories: HistoryEntry[][] = new Array(count);
	for (let index = 0; index < count; index++) {
		const dueDay = asOfDay + Math.floor(random() * 75) - 60;
		const totalMinor = Math.round(100 + random() * 2_000_000);
		const kind = random();
		const customer = index % 7919;
		invoices[index] = {
			id: `inv_${index}`,
			number: `INV-${100000 + index}`,
			source: 'generic',
			status: 'open',
			lifecycle: kind < 0.04 ? 'paid' : 'open',
			currency: 'USD',
			total: totalMinor / 100,
			amountPaid: 0,
			amountDue: totalMinor / 100,
			totalMinor,
			amountPaidMinor: 0,
			amountDueMinor: kind < 0.04 ? 0 : totalMinor,
			amountDueFormatted: `$${(totalMinor / 100).toFixed(2)}`,
			issuedOn: dateOf(dueDay - 30),
			dueOn: dateOf(dueDay),
			customer: {
				id: `cus_${customer}`,
				name: `Customer ${customer}`,
				timezone: zones[customer % zones.length],
				tier: tiers[customer % tiers.length],
			},
			contact: { email: `ap${customer}@example.test`, name: `Pat ${customer}` },
			flags: { disputed: kind > 0.98, optedOut: kind > 0.97 && kind <= 0.98 },
			promise:
				kind > 0.94 && kind <= 0.96
					? { date: dateOf(asOfDay + Math.floor(random() * 10) - 5) }
					: undefined,
			paymentUrl: `https://pay.example.test/${index}`,
		} as Invoice;
		// Half the invoices already had a touch or two.
		const touched = random();
		histories[index] =
			touched < 0.25
				? [{ stepId: 'due', at: `${dateOf(dueDay)}T10:00:00Z`, status: 'sent' }]
				: touched < 0.5
					? [
							{ stepId: 'pre-due', at: `${dateOf(dueDay - 3)}T10:00:00Z`, status: 'sent' },
							{ stepId: 'overdue-7', at: `${dateOf(dueDay + 7)}T10:00:00Z`, status: 'sent' },
						]
					: [];
	}
	return { invoices, histories };
}

/** The raw operation: find the standard-5 step due today from the due date and the offsets, honouring the stop flags. */
function floorLoop(invoices: Invoice[], histories: HistoryEntry[][]): number {
	const today = dayNumber(AS_OF.slice(0, 10))!;
	const steps = PRESETS['standard-5'].steps;
	let due = 0;
	for (let index = 0; index < invoices.length; index++) {
		const invoice = invoices[index];
		if (
			invoice.amountDueMinor <= 0 ||
			invoice.flags.disputed ||
			invoice.flags.optedOut ||
			invoice.promise
		)
			continue;
		const dueDay = dayNumber(invoice.dueOn!)!;
		const history = histories[index];
		const done = history.length > 0 ? history[history.length - 1].stepId : '';
		let chosen = -1;
		for (let step = 0; step < steps.length; step++) {
			if (steps[step].id === done) chosen = -1;
			else if (dueDay + steps[step].offsetDays <= today) chosen = step;
		}
		if (chosen >= 0) due++;
	}
	return due;
}

export async function run(): Promise<BenchRow[]> {
	const runs = benchRuns();
	const { invoices, histories } = makeInvoices(COUNT);
	const base: PlanOptions = { asOf: AS_OF, timezone: 'UTC' };

	const decide = () => {
		let sends = 0;
		for (let index = 0; index < invoices.length; index++) {
			const plan = planCadenceStep(invoices[index], 'by-tier', {
				...base,
				history: histories[index],
				render: false,
			});
			if (plan.action === 'send') sends++;
		}
		return sends;
	};
	const full = () => {
		let sends = 0;
		for (let index = 0; index < invoices.length; index++) {
			const plan = planCadenceStep(invoices[index], 'by-tier', {
				...base,
				history: histories[index],
			});
			if (plan.message) sends++;
		}
		return sends;
	};
	const stateOptions = { asOf: AS_OF, timezone: 'UTC' };
	const stateOnly = () => {
		let overdue = 0;
		for (const invoice of invoices)
			if (checkPaymentState(invoice, stateOptions).daysPastDue > 0) overdue++;
		return overdue;
	};
	const ledgerWork = () => {
		const ledger: LedgerData = {};
		for (const invoice of invoices) {
			reserveStep(ledger, invoice.id, 'due', AS_OF);
			recordSend(ledger, invoice.id, 'due', 'sent', AS_OF);
			ledgerHistory(ledger, invoice.id);
		}
		return ledger;
	};

	const sends = decide();
	const floor = await medianMs(runs, () => floorLoop(invoices, histories));
	const state = await medianMs(runs, stateOnly);
	const decision = await medianMs(runs, decide);
	const rendered = await medianMs(Math.max(1, Math.min(runs, 3)), full);
	const ledger = await medianMs(runs, ledgerWork);
	const perItem = (decision.ms * 1000) / COUNT;

	const rows: BenchRow[] = [
		{
			name: 'cadence: planCadenceStep, decide only (100k, by tier)',
			items: COUNT,
			ms: decision.ms,
			floorMs: floor.ms,
			goal: `≤ ${GOAL_US} µs/invoice: ${perItem.toFixed(2)} µs ${perItem <= GOAL_US ? 'pass' : 'FAIL'}`,
			note: `${usPerItem(decision.ms, COUNT)}, ${formatRatio(ratio(decision.ms, floor.ms))} the raw-loop floor; ${sends} sends`,
		},
		{
			name: 'cadence: planCadenceStep + render + lint',
			items: COUNT,
			ms: rendered.ms,
			floorMs: decision.ms,
			note: `${usPerItem(rendered.ms, COUNT)}; floor here is the decision without rendering (${sends} messages rendered and linted)`,
		},
		{
			name: 'cadence: checkPaymentState alone (reference)',
			items: COUNT,
			ms: state.ms,
			floorMs: floor.ms,
			note: usPerItem(state.ms, COUNT),
		},
		{
			name: 'cadence: ledger reserve + record + history',
			items: COUNT,
			ms: ledger.ms,
			note: usPerItem(ledger.ms, COUNT),
		},
	];
	for (const row of rows)
		out(
			`${row.name}: ${row.ms.toFixed(1)} ms${row.floorMs !== undefined ? ` (floor ${row.floorMs.toFixed(1)} ms)` : ''}${row.goal ? `, ${row.goal}` : ''}${row.note ? ` — ${row.note}` : ''}`,
		);
	return rows;
}

if (require.main === module) {
	void run();
}
