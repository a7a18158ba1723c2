/**
 * Lean items (issue 15): Payment State Check's items carry no empty lists, no undefined keys and no audit reason the
 * item already holds; the lean items (version 1.1's default, version 1's Compact) carry less still. Downstream nodes
 * read each through the same contract (src/contract), in the n8n engine, and decide exactly as they do on full items
 * (version 1's default).
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { readLedgerInput } from '../../nodes/ReplyTriage/ledger';
import { PaymentStateSchema, parseInvoice, readPaymentState, restoreInvoice } from '../../src';
import { NODE_UNDER_TEST, PACKAGE_NAME, runNode, runWorkflow } from '../helpers/engine';
import { LEAN_ROWS as rows } from '../helpers/leanRows';

const asOf = '2026-11-22T09:00:00Z';

const node = (name: string, type: string, parameters: IDataObject, x: number, typeVersion = 1) =>
	({ id: name, name, type, typeVersion, position: [x, 0], parameters }) as INode;

/** Full: version 1 as it was; Lean: version 1.1 as it comes; Compact: version 1 with Output Detail: Compact. */
type Detail = 'full' | 'lean' | 'compact';
const CHECK: Record<Detail, { typeVersion: number; options: IDataObject }> = {
	full: { typeVersion: 1, options: {} },
	lean: { typeVersion: 1.1, options: {} },
	compact: { typeVersion: 1, options: { outputDetail: 'compact' } },
};

/** Trigger → Payment State Check (one output) → Escalation Gate → Cadence Step (Plan), and → Collections Report. */
async function downstream(detail: Detail) {
	const to = (target: string) => ({ node: target, type: 'main' as const, index: 0 });
	return runWorkflow(
		{
			nodes: [
				node('Trigger', 'n8n-nodes-base.manualTrigger', {}, 0),
				node(
					'Check',
					`${PACKAGE_NAME}.paymentStateCheck`,
					{
						source: 'generic',
						singleOutput: true,
						options: { asOf, timezone: 'UTC', ...CHECK[detail].options },
					},
					200,
					CHECK[detail].typeVersion,
				),
				node('Gate', `${PACKAGE_NAME}.escalationGate`, { options: { asOf } }, 400),
				node('Plan', `${PACKAGE_NAME}.cadenceStep`, { operation: 'plan', options: { asOf } }, 600),
				node(
					'Report',
					`${PACKAGE_NAME}.collectionsReport`,
					{ options: { asOf, keepTrend: false } },
					400,
				),
			],
			connections: {
				Trigger: { main: [[to('Check')]] },
				Check: { main: [[to('Gate'), to('Report')]] },
				Gate: { main: [[], [to('Plan')]] },
			},
		},
		{ input: rows.filter((row) => row.id !== 'L-7') },
	);
}

type Result = Awaited<ReturnType<typeof downstream>>;
const counts = (result: Result, name: string) => result.counts(name);
/** Every item Payment State Check emitted, over its five outputs. */
const checked = (result: Result) =>
	[0, 1, 2, 3, 4].flatMap((output) => result.json('Check', output));

/** Every key of a JSON value, with a path, whose value is undefined or an empty list. */
function emptyFields(value: unknown, path = ''): string[] {
	if (value === undefined) return [path];
	if (Array.isArray(value))
		return value.length === 0
			? [path]
			: value.flatMap((entry, index) => emptyFields(entry, `${path}[${index}]`));
	if (value === null || typeof value !== 'object') return [];
	return Object.entries(value).flatMap(([key, entry]) =>
		emptyFields(entry, path ? `${path}.${key}` : key),
	);
}

describe('Lean items from Payment State Check, read by the downstream nodes in the engine', () => {
	it('full items: no empty lists or undefined keys, an audit entry without the reason paymentState already holds', async () => {
		const result = await downstream('full');
		expect(result.error).toBeUndefined();
		const items = checked(result);
		expect(items).toHaveLength(rows.length - 1);
		for (const json of items) {
			expect(emptyFields(json)).toEqual([]);
			expect(parseInvoice(json.invoice).ok).toBe(true);
			expect(PaymentStateSchema.safeParse(json.paymentState).success).toBe(true);
			expect(json.audit).toEqual([
				{
					node: 'Payment State Check',
					rule: (json.paymentState as IDataObject).state,
					outcome: (json.paymentState as IDataObject).route,
					at: expect.any(String),
				},
			]);
			expect((json.paymentState as IDataObject).reasons).toEqual(
				expect.arrayContaining([expect.any(String)]),
			);
		}
		const bad = await runNode({
			type: 'paymentStateCheck',
			parameters: { source: 'generic', options: { asOf } },
			input: rows.filter((row) => row.id === 'L-7'),
		});
		const [invalid] = bad.json(NODE_UNDER_TEST, 4);
		expect((invalid.invalid as IDataObject).reason).toContain('amountDue');
		expect(invalid.audit).toEqual([
			{ node: 'Payment State Check', rule: 'validate', outcome: 'invalid', at: expect.any(String) },
		]);
	});

	it.each(['lean', 'compact'] as const)(
		'%s items are smaller, still a valid invoice and payment state, and the downstream nodes decide the same',
		async (detail) => {
			const [standard, compact] = [await downstream('full'), await downstream(detail)];
			expect(compact.error).toBeUndefined();
			const lean = checked(compact);
			for (const json of lean) {
				expect(emptyFields(json)).toEqual([]);
				expect(json.audit).toBeUndefined();
				expect(parseInvoice(json.invoice).ok).toBe(true);
				expect(readPaymentState(json.paymentState)).not.toBeNull();
				expect(PaymentStateSchema.safeParse(json.paymentState).success).toBe(true);
			}
			const bytes = (items: IDataObject[]) => JSON.stringify(items).length;
			expect(bytes(lean)).toBeLessThan(bytes(checked(standard)));
			// The routes, the gate's and the plan's decisions and the report's numbers do not depend on the detail.
			const routes = (result: Result) =>
				result
					.json('Check')
					.map((json) => (json.paymentState as IDataObject | undefined)?.route ?? 'invalid');
			expect(routes(compact)).toEqual(routes(standard));
			for (const name of ['Gate', 'Plan'])
				expect(counts(compact, name)).toEqual(counts(standard, name));
			const rules = (result: Result) =>
				result.json('Plan', 1).map((json) => (json.cadence as IDataObject).rule);
			expect(rules(compact)).toEqual(rules(standard));
			// What a person reads is the same too: the gate's reasons, priority and packet, and every planned message.
			const gate = (result: Result) =>
				[0, 1].flatMap((output) =>
					result.json('Gate', output).map((json) => {
						const escalation = json.escalation as IDataObject;
						return [
							escalation.escalate,
							escalation.reasons,
							escalation.priority,
							escalation.packet,
						];
					}),
				);
			expect(gate(compact)).toEqual(gate(standard));
			const messages = (result: Result) =>
				[0, 1, 2, 3].flatMap((output) =>
					result.json('Plan', output).map((json) => {
						const cadence = json.cadence as IDataObject;
						const message = cadence.message as IDataObject | undefined;
						return [cadence.action, cadence.reason, message?.subject, message?.text];
					}),
				);
			expect(messages(compact)).toEqual(messages(standard));
			// The packet a person reads shows the amount formatted, from the restored invoice on lean items.
			expect(JSON.stringify(gate(compact))).toContain('$1,200.00 due, 52 days past due');
			const summary = (result: Result) => result.json('Report')[0].summary;
			expect(summary(compact)).toEqual(summary(standard));
			// A compact invoice leaves out what is derivable (the major amounts, amountDueFormatted), and the shared
			// contract puts it back: restored, it is the standard item's invoice.
			const whole = checked(standard).map((json) => json.invoice);
			for (const json of lean) {
				expect(json.invoice).not.toHaveProperty('amountDue');
				expect(json.invoice).not.toHaveProperty('amountDueFormatted');
			}
			expect(lean.map((json) => restoreInvoice(json.invoice))).toEqual(whole);
			expect(
				lean.map((json) => (parseInvoice(json.invoice) as { invoice: unknown }).invoice),
			).toEqual(whole);
			// Reply Triage's matcher (its Ledger input) sees the same invoices, open or not, from either.
			const matched = (result: Result) => [
				...readLedgerInput(result.items('Check'), 'invoice').index.invoices.values(),
			];
			expect(matched(compact)).toEqual(matched(standard));
		},
	);
});
