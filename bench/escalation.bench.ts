/**
 * Escalation Gate at volume, on 100k items shaped like the upstream nodes' output: every item carries invoice and
 * paymentState (Payment State Check); one in five carries a Reply Triage result with the reply; one in ten a
 * Cadence Step result (some with guardrail findings, some final notices to strategic accounts).
 *
 * Rows:
 * - evaluateEscalation over all items with a de-duplication ledger (packets rendered for every escalation: Slack
 *   blocks, approval mrkdwn, HTML and text), against the floor of the rules alone (escalationReasons: no owner,
 *   SLA, dedup or packet), so the difference is what the packet and bookkeeping cost;
 * - the same items a second time against the filled ledger (every escalation is a duplicate: the hot path of a
 *   daily schedule), against the same floor;
 * - the Escalation Gate node in the n8n engine on the same items (all four renders, then Slack blocks only), against
 *   the plain evaluateEscalation loop, with the pass-through node's time in the note.
 * No pass/fail goal: the figures say what an escalation costs (four renders of ~10 KB per escalated item).
 */
import type { IDataObject, IRun } from 'n8n-workflow';

import {
	checkPaymentState,
	compileEscalationRules,
	escalationReasons,
	evaluateEscalation,
	type EscalationInput,
	type EscalationLedger,
	type Invoice,
} from '../src';
import { NODE_UNDER_TEST, registerNodeType, runNode } from '../tests/helpers/engine';
import { PASS_THROUGH_TYPE, PassThrough } from './nodes/PassThrough.node';
import {
	benchRuns,
	collectGarbage,
	formatRatio,
	median,
	medianMs,
	ratio,
	usPerItem,
} from './stats';
import type { BenchRow } from './types';

const ITEMS = Number(process.env.BENCH_ITEMS) || 100_000;
const AS_OF = '2026-11-20T10:00:00Z';

registerNodeType(PASS_THROUGH_TYPE, new PassThrough());

const INTENTS = [
	'promise_to_pay',
	'question',
	'dispute',
	'legal_threat',
	'complaint',
	'payment_plan',
	'wrong_contact',
	'out_of_office',
	'bounce',
	'already_paid',
] as const;

/** Deterministic items; about a quarter escalate. */
export function makeEscalationInputs(count: number): EscalationInput[] {
	let seed = 5_2026;
	const random = () => {
		seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
		return seed / 4294967296;
	};
	const asOfDay = Date.UTC(2026, 10, 20) / 86_400_000;
	const dateOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
	const currencies = ['USD', 'USD', 'EUR', 'GBP', 'JPY', 'KWD'];
	const scales: Record<string, number> = { USD: 100, EUR: 100, GBP: 100, JPY: 1, KWD: 1000 };
	const tiers = ['strategic', 'standard', 'standard', 'transactional', 'friction'] as const;
	const inputs: EscalationInput[] = new Array(count);
	for (let index = 0; index < count; index++) {
		const currency = currencies[index % currencies.length];
		const scale = scales[currency];
		const dueMinor = Math.round(
			(50 + random() * (random() < 0.05 ? 40_000 : 6_000)) * (currency === 'JPY' ? 150 : 1) * scale,
		);
		const invoice: Invoice = {
			id: `inv_${index}`,
			number: `INV-${100000 + index}`,
			source: 'generic',
			status: 'open',
			lifecycle: 'open',
			currency,
			total: dueMinor / scale,
			amountPaid: 0,
			amountDue: dueMinor / scale,
			totalMinor: dueMinor,
			amountPaidMinor: 0,
			amountDueMinor: dueMinor,
			amountDueFormatted: `${currency} ${(dueMinor / scale).toFixed(2)}`,
			issuedOn: dateOf(asOfDay - 60),
			dueOn: dateOf(asOfDay - Math.floor(random() * (random() < 0.15 ? 90 : 30)) + 10),
			customer: {
				id: `cus_${index % 997}`,
				name: `Customer ${index % 997}`,
				tier: tiers[index % tiers.length],
				region: index % 2 ? 'EMEA' : 'AMER',
			},
			contact: {
				email: `ap${index % 997}@customer.test`,
				name: 'Accounts Payable',
				phone: '+1 415 555 0134',
				isBillingContact: true,
			},
			flags: { disputed: random() < 0.02 },
			...(random() < 0.03 ? { promise: { date: null, brokenCount: 2 } } : {}),
		};
		const input: EscalationInput = {
			invoice,
			paymentState: checkPaymentState(invoice, { asOf: AS_OF }),
		};
		if (index % 5 === 0) {
			const intent = INTENTS[Math.floor(random() * INTENTS.length)];
			input.triage = {
				intent,
				intents: [intent],
				confidence: 0.9,
				escalate: !['promise_to_pay', 'question', 'out_of_office'].includes(intent),
				stopCadence: true,
				extracted: { invoiceNumbers: [invoice.number] },
				evidence: [
					{ rule: `${intent}.phrase`, phrase: 'we will not pay this until it is fixed', intent },
				],
				summary: `Reply classified as ${intent}.`,
			};
			input.reply = {
				from: 'AP <ap@customer.test>',
				subject: `RE: ${invoice.number}`,
				receivedAt: AS_OF,
				text: 'Hello,\n\nwe will not pay this until it is fixed.\n\nRegards',
			};
		}
		if (index % 10 === 3) {
			const final = index % 20 === 3;
			input.cadence = {
				action: index % 40 === 13 ? 'escalate' : 'send',
				step: {
					id: final ? 'final-notice' : 'reminder-2',
					offsetDays: final ? 30 : 7,
					channel: 'email',
					tone: final ? 'final' : 'firm',
					template: final ? 'final_notice' : 'reminder',
					requiresApproval: false,
				},
				reason: 'step due',
				skippedSteps: [],
				...(index % 40 === 13
					? {
							findings: [
								{
									rule: 'collections_agency',
									phrase: 'collection agency',
									message: 'mentions a collection agency',
								},
							],
						}
					: {}),
				history: [
					{
						stepId: 'friendly-reminder',
						sentAt: '2026-10-02T09:00:00Z',
						channel: 'email',
						status: 'sent',
					},
					{
						stepId: 'reminder-2',
						sentAt: '2026-10-09T09:00:00Z',
						channel: 'email',
						status: 'sent',
					},
				],
			};
		}
		inputs[index] = input;
	}
	return inputs;
}

function executionTime(run: IRun): number {
	const task = run.data.resultData.runData[NODE_UNDER_TEST]?.[0];
	if (!task) throw new Error(`the node did not run: ${run.data.resultData.error?.message ?? ''}`);
	return task.executionTime;
}

export async function run(): Promise<BenchRow[]> {
	const runs = benchRuns();
	const inputs = makeEscalationInputs(ITEMS);
	const rules = compileEscalationRules();
	const asOfMillis = Date.parse(AS_OF);
	const rows: BenchRow[] = [];

	const floor = await medianMs(runs, () => {
		for (const input of inputs) escalationReasons(input, rules, asOfMillis);
	});

	let escalated = 0;
	const fresh = await medianMs(runs, () => {
		const ledger: EscalationLedger = {};
		const context = { asOf: AS_OF, ledger };
		escalated = 0;
		for (const input of inputs)
			if (evaluateEscalation(input, rules, context).escalate) escalated += 1;
	});
	rows.push({
		name: 'evaluateEscalation, fresh ledger (packets for every escalation)',
		items: ITEMS,
		ms: fresh.ms,
		floorMs: floor.ms,
		goal: `${usPerItem(fresh.ms, ITEMS)}; ${escalated.toLocaleString('en-US')} escalated (${((100 * escalated) / ITEMS).toFixed(0)}%)`,
		note: 'floor: escalationReasons alone (the rules, no owner, SLA, dedup or packet); the gap is the four packet renders',
	});

	const filled: EscalationLedger = {};
	for (const input of inputs) evaluateEscalation(input, rules, { asOf: AS_OF, ledger: filled });
	let duplicates = 0;
	const repeat = await medianMs(runs, () => {
		const context = { asOf: '2026-11-21T10:00:00Z', ledger: filled };
		duplicates = 0;
		for (const input of inputs)
			if (evaluateEscalation(input, rules, context).alreadyEscalated) duplicates += 1;
	});
	rows.push({
		name: 'evaluateEscalation, next day (every escalation a duplicate)',
		items: ITEMS,
		ms: repeat.ms,
		floorMs: floor.ms,
		goal: `${usPerItem(repeat.ms, ITEMS)}; ${duplicates.toLocaleString('en-US')} held as already escalated`,
	});

	// The node in the engine on the same items (JSON as the upstream nodes hand them over): all four renders
	// (the default), then Slack blocks only, to show what the renders cost inside n8n.
	const json = inputs as unknown as IDataObject[];
	const variants = [
		{ name: 'Escalation Gate node in the engine (dedup on, all four renders)', formats: undefined },
		{
			name: 'Escalation Gate node in the engine (dedup on, Slack blocks only)',
			formats: ['slack'],
		},
	];
	for (const variant of variants) {
		const node: number[] = [];
		const pass: number[] = [];
		let counts: number[] = [];
		for (let index = 0; index <= Math.min(runs, 3); index++) {
			collectGarbage();
			const result = await runNode({
				type: 'escalationGate',
				parameters: {
					options: {
						asOf: AS_OF,
						slaTimezone: 'UTC',
						...(variant.formats ? { formats: variant.formats } : {}),
					},
				},
				input: json,
			});
			if (result.error) throw new Error(result.error.message);
			counts = result.counts(NODE_UNDER_TEST);
			collectGarbage();
			const through = await runNode({ type: PASS_THROUGH_TYPE, input: json });
			if (index > 0) {
				node.push(executionTime(result.run));
				pass.push(executionTime(through.run));
			}
		}
		const nodeMs = median(node);
		const passMs = median(pass);
		rows.push({
			name: variant.name,
			items: ITEMS,
			ms: nodeMs,
			floorMs: fresh.ms,
			goal: `${usPerItem(nodeMs, ITEMS)}; ${formatRatio(ratio(nodeMs, passMs))} pass-through`,
			note: `pass-through node on the same items ${passMs.toFixed(0)} ms (${usPerItem(passMs, ITEMS)}); Escalate ${counts[0]?.toLocaleString('en-US')} / Continue ${counts[1]?.toLocaleString('en-US')}; floor: the evaluateEscalation loop (all renders); the engine also reads each invoice and keeps every output item`,
		});
	}
	return rows;
}
