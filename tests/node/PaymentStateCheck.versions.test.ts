/**
 * Node versioning (issue 15): version 1 keeps its items as they were (full by default), version 1.1 hands on lean
 * items by default. Both read every source the same way and route every record to the same output.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { PaymentStateCheck } from '../../nodes/PaymentStateCheck/PaymentStateCheck.node';
import { parseInvoice, restoreInvoice } from '../../src';
import { NODE_UNDER_TEST, runNode } from '../helpers/engine';
import { vendorFixture } from '../helpers/fixtures';
import { LEAN_ROWS } from '../helpers/leanRows';

const asOf = '2026-11-22T09:00:00Z';

const rows: IDataObject[] = [
	...LEAN_ROWS,
	// Not clean rows (text with spaces around it; no dates at all): the general path, not the fast one.
	{ id: 'V-1', customer: ' Initech ', currency: 'JPY', amountDue: '150000', dueDate: '2026-11-22' },
	{ id: 'V-2', customer: 'Hooli', currency: 'USD', amountDue: 80, status: 'paid', dueDate: '' },
];

async function run(typeVersion: number, options: IDataObject = {}, source = 'generic') {
	const input =
		source === 'generic'
			? rows
			: [
					vendorFixture<IDataObject>('xero-invoices.json'),
					vendorFixture<IDataObject>('xero-invoice-submitted.json'),
				];
	const result = await runNode({
		type: 'paymentStateCheck',
		parameters: { source, options: { asOf, timezone: 'UTC', ...options } },
		input,
		settings: { typeVersion },
	});
	expect(result.error).toBeUndefined();
	return result;
}

type Result = Awaited<ReturnType<typeof run>>;
/** Every output's items, with the audit entries' moment (the execution's) masked. */
const outputs = (result: Result) =>
	[0, 1, 2, 3, 4].map((output) =>
		result
			.items(NODE_UNDER_TEST, output)
			.map((item) =>
				JSON.parse(JSON.stringify(item, (key, value: unknown) => (key === 'at' ? 'AT' : value))),
			),
	);
const routed = (result: Result) =>
	[0, 1, 2, 3, 4].map((output) =>
		result
			.items(NODE_UNDER_TEST, output)
			.map((item) => [
				item.pairedItem,
				(item.json.invoice as IDataObject | undefined)?.id ?? item.json.id,
				(item.json.paymentState as IDataObject | undefined)?.state,
			]),
	);

describe('Payment State Check versions', () => {
	it('declares versions 1 and 1.1, 1.1 the default, and Output Detail per version', () => {
		const { description } = new PaymentStateCheck();
		expect(description.version).toEqual([1, 1.1]);
		expect(description.defaultVersion).toBe(1.1);
		const options = description.properties.find((property) => property.name === 'options')!
			.options as INodeProperties[];
		const details = options.filter((option) => option.name === 'outputDetail');
		expect(details.map((detail) => [detail.default, detail.displayOptions])).toEqual([
			['standard', { show: { '@version': [1] } }],
			['lean', { hide: { '@version': [1] } }],
		]);
	});

	it('version 1 keeps its full items: the Output Detail it had and Full in 1.1 give the same items', async () => {
		const v1 = await run(1);
		const first = v1.json(NODE_UNDER_TEST, 0)[0];
		expect(first.invoice).toMatchObject({
			amountDue: 1200,
			amountDueMinor: 120000,
			amountDueFormatted: '$1,200.00',
		});
		expect(first.paymentState).toHaveProperty('reasons');
		expect(first.audit).toEqual([expect.objectContaining({ rule: 'overdue' })]);
		const expected = outputs(v1);
		expect(outputs(await run(1, { outputDetail: 'standard' }))).toEqual(expected);
		expect(outputs(await run(1.1, { outputDetail: 'full' }))).toEqual(expected);
		// Version 1's Compact is version 1.1's Lean.
		expect(outputs(await run(1, { outputDetail: 'compact' }))).toEqual(outputs(await run(1.1)));
	});

	it('version 1.1 hands on lean items by default: the invoice in minor units, no sentences, no audit', async () => {
		const [full, lean] = [await run(1), await run(1.1)];
		expect(routed(lean)).toEqual(routed(full));
		const items = [0, 1, 2, 3].flatMap((output) => lean.json(NODE_UNDER_TEST, output));
		expect(items).toHaveLength(rows.length - 1);
		const whole = [0, 1, 2, 3].flatMap((output) =>
			full.json(NODE_UNDER_TEST, output).map((json) => json.invoice),
		);
		for (const json of items) {
			expect(Object.keys(json)).toEqual(['invoice', 'paymentState']);
			const invoice = json.invoice as IDataObject;
			for (const key of ['total', 'amountPaid', 'amountDue', 'amountDueFormatted'])
				expect(invoice).not.toHaveProperty(key);
			expect(invoice).toEqual(
				expect.objectContaining({
					totalMinor: expect.any(Number),
					amountPaidMinor: expect.any(Number),
					amountDueMinor: expect.any(Number),
				}),
			);
			expect(json.paymentState).not.toHaveProperty('reasons');
			expect(json.paymentState).not.toHaveProperty('daysUntilDue');
			expect(parseInvoice(invoice).ok).toBe(true);
		}
		// The contract gives every consumer the full invoice back.
		expect(items.map((json) => restoreInvoice(json.invoice))).toEqual(whole);
		// Invalid records carry the same field-level reason in both versions.
		const [invalid] = lean.json(NODE_UNDER_TEST, 4);
		expect((invalid.invalid as IDataObject).reason).toContain('amountDue');
		expect((invalid.invalid as IDataObject).reason).toBe(
			(full.json(NODE_UNDER_TEST, 4)[0].invalid as IDataObject).reason,
		);
	});

	it('both versions route a vendor envelope the same way, each invoice paired to its input item', async () => {
		const [full, lean] = [await run(1, {}, 'xero'), await run(1.1, {}, 'xero')];
		expect(routed(lean)).toEqual(routed(full));
		expect(lean.counts(NODE_UNDER_TEST).reduce((sum, count) => sum + count, 0)).toBeGreaterThan(2);
	});
});
