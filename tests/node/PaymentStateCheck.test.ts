import { runNode, NODE_UNDER_TEST } from '../helpers/engine';
import { vendorFixture } from '../helpers/fixtures';

const FOLLOW_UP = 0;
const HOLD = 1;
const CLOSED = 2;
const NOT_DUE = 3;
const INVALID = 4;

const asOf = '2026-11-22T09:00:00Z';

describe('Payment State Check in the n8n engine', () => {
	it('routes a Xero Invoices[] envelope: one input item, three invoices, each paired to it', async () => {
		const result = await runNode({
			type: 'paymentStateCheck',
			parameters: { source: 'xero', options: { asOf } },
			input: [vendorFixture('xero-invoices.json')],
		});
		expect(result.error).toBeUndefined();
		expect(result.counts(NODE_UNDER_TEST)).toEqual([1, 0, 2, 0, 0]);
		const [overdue] = result.items(NODE_UNDER_TEST, FOLLOW_UP);
		expect(overdue.pairedItem).toEqual({ item: 0 });
		expect(overdue.json.invoice).toMatchObject({
			number: 'INV-0003',
			amountDueMinor: 11500,
			currency: 'NZD',
		});
		expect(overdue.json.paymentState).toMatchObject({
			state: 'overdue',
			route: 'follow_up',
			agingBucket: '91+',
		});
		expect(overdue.json.audit).toEqual([
			expect.objectContaining({
				node: 'Payment State Check',
				rule: 'overdue',
				outcome: 'follow_up',
			}),
		]);
		expect(
			result
				.json(NODE_UNDER_TEST, CLOSED)
				.map((json) => (json.paymentState as { state: string }).state),
		).toEqual(['void', 'paid']);
	});

	it('reads Stripe Trigger events and keeps every fixture on some output', async () => {
		const fixtures = [
			'stripe-invoice.json',
			'stripe-invoice-pre-basil-2025-02.json',
			'stripe-invoice-paid.json',
			'stripe-invoice-void.json',
			'stripe-invoice-uncollectible.json',
		];
		const input = fixtures.map((name) => ({
			id: 'evt_test',
			object: 'event',
			type: 'invoice.updated',
			data: { object: vendorFixture(name) },
		}));
		const result = await runNode({
			type: 'paymentStateCheck',
			parameters: { source: 'stripe', options: { asOf } },
			input,
		});
		const counts = result.counts(NODE_UNDER_TEST);
		expect(counts.reduce((sum, count) => sum + count, 0)).toBe(5);
		// Two drafts and the written-off invoice are held; paid and void are closed.
		expect(counts).toEqual([0, 3, 2, 0, 0]);
	});

	it('sends a bad row to Invalid with a field-level reason, and the good rows on', async () => {
		const rows = [
			{
				id: 'A-1',
				customer: 'Acme',
				email: 'ap@acme.test',
				currency: 'EUR',
				amountDue: 120,
				dueDate: '2026-11-01',
			},
			{
				id: 'A-2',
				customer: 'Acme',
				email: 'ap@acme.test',
				currency: 'EUR',
				amountDue: 80,
				dueDate: '31/02/2026',
			},
			{
				id: 'A-3',
				customer: 'Acme',
				email: 'ap@acme.test',
				currency: 'EUR',
				amountDue: 50,
				dueDate: '2027-01-15',
			},
		];
		const result = await runNode({
			type: 'paymentStateCheck',
			parameters: {
				source: 'generic',
				options: { asOf, dateOrder: 'DD/MM/YYYY', timezone: 'Europe/Berlin' },
			},
			input: rows,
		});
		expect(result.counts(NODE_UNDER_TEST)).toEqual([1, 0, 0, 1, 1]);
		const [invalid] = result.items(NODE_UNDER_TEST, INVALID);
		expect(invalid.pairedItem).toEqual({ item: 1 });
		expect(invalid.json.invalid).toEqual({
			reason: 'dueDate "31/02/2026" is not a date',
			errors: [{ path: 'dueDate', message: 'dueDate "31/02/2026" is not a date' }],
		});
		expect(result.hints(NODE_UNDER_TEST).join(' ')).toContain('1 record(s) were invalid');
	});

	it('resolves field-mapping expressions per item', async () => {
		const result = await runNode({
			type: 'paymentStateCheck',
			parameters: {
				source: 'generic',
				mapping: {
					id: '={{ $json.Ref }}',
					customerName: '={{ $json.Client.toUpperCase() }}',
					amountDue: '={{ $json.Owed }}',
					currency: 'GBP',
					dueOn: '={{ $json.Due }}',
				},
				options: { asOf, keepSourceFields: true },
			},
			input: [{ Ref: 'S-77', Client: 'Initech', Owed: '1,250.00', Due: '2026-11-22' }],
		});
		const [item] = result.json(NODE_UNDER_TEST, FOLLOW_UP);
		expect(item).toMatchObject({
			Ref: 'S-77',
			invoice: {
				id: 'S-77',
				customer: { name: 'INITECH' },
				amountDueMinor: 125000,
				currency: 'GBP',
			},
			paymentState: { state: 'due_today' },
		});
	});

	it('holds disputed, paused, opted-out and promised invoices', async () => {
		const base = {
			customer: 'Globex',
			email: 'ap@globex.test',
			currency: 'USD',
			amountDue: 500,
			dueDate: '2026-10-01',
		};
		const result = await runNode({
			type: 'paymentStateCheck',
			parameters: { source: 'generic', options: { asOf } },
			input: [
				{ ...base, id: 'D', disputed: true },
				{ ...base, id: 'P', paused: 'yes' },
				{ ...base, id: 'O', optedOut: 'TRUE' },
				{ ...base, id: 'PR', promiseDate: '2026-11-25' },
				{ ...base, id: 'BR', promiseDate: '2026-11-10' },
			],
		});
		expect(
			result
				.json(NODE_UNDER_TEST, HOLD)
				.map((json) => (json.paymentState as { state: string }).state),
		).toEqual(['disputed', 'paused', 'opted_out', 'promised']);
		expect(
			result
				.json(NODE_UNDER_TEST, FOLLOW_UP)
				.map((json) => (json.paymentState as { state: string }).state),
		).toEqual(['broken_promise']);
	});

	it('one output with a route field when the toggle is on', async () => {
		const result = await runNode({
			type: 'paymentStateCheck',
			parameters: { source: 'xero', singleOutput: true, options: { asOf } },
			input: [vendorFixture('xero-invoices.json')],
		});
		expect(result.counts(NODE_UNDER_TEST)).toEqual([3]);
		expect(
			result.json(NODE_UNDER_TEST).map((json) => (json.paymentState as { route: string }).route),
		).toEqual(['follow_up', 'closed', 'closed']);
	});

	it('a non-object item goes to Invalid, never crashes the run', async () => {
		const result = await runNode({
			type: 'paymentStateCheck',
			parameters: { source: 'quickbooks', options: { asOf, defaultCurrency: 'USD' } },
			input: [
				{
					QueryResponse: {
						Invoice: [null, 42, vendorFixture<{ Invoice: object }>('qbo-invoice.json').Invoice],
					},
				},
			],
		});
		expect(result.counts(NODE_UNDER_TEST)).toEqual([1, 0, 0, 0, 2]);
		expect(result.json(NODE_UNDER_TEST, INVALID)[0].invalid).toMatchObject({
			reason: 'expected an invoice object, got null',
		});
	});

	it('not-due invoices wait on their own output', async () => {
		const result = await runNode({
			type: 'paymentStateCheck',
			parameters: { source: 'generic', options: { asOf } },
			input: [
				{
					id: 'N',
					customer: 'Umbrella',
					currency: 'JPY',
					amountDue: 120000,
					dueDate: '2027-02-01',
				},
			],
		});
		expect(result.json(NODE_UNDER_TEST, NOT_DUE)[0].invoice).toMatchObject({
			amountDueMinor: 120000,
			amountDueFormatted: '¥120,000',
		});
	});
});

describe('Payment State Check errors', () => {
	const rows = [
		{ id: 'E-1', customer: 'Acme', currency: 'USD', amountDue: 5, dueDate: '2026-11-01' },
	];

	it('a bad As-Of Date is a configuration error, reported once with what to enter', async () => {
		const result = await runNode({
			type: 'paymentStateCheck',
			parameters: { source: 'generic', options: { asOf: 'next tuesday' } },
			input: rows,
		});
		expect(result.error?.message).toBe('As-Of Date "next tuesday" is not a date');
		expect((result.error as unknown as { description?: string }).description).toMatch(/2026-11-22/);
	});

	it('a value no JSON can hold (a BigInt from an expression) is an Invalid record, not a crash', async () => {
		const result = await runNode({
			type: 'paymentStateCheck',
			parameters: { source: 'generic', mapping: { amountDue: '={{ 5n }}' }, options: { asOf } },
			input: rows,
		});
		expect(result.error).toBeUndefined();
		expect(result.counts(NODE_UNDER_TEST)).toEqual([0, 0, 0, 0, 1]);
		expect((result.json(NODE_UNDER_TEST, INVALID)[0].invalid as { reason: string }).reason).toMatch(
			/^amountDue .*5.* is not an amount$/,
		);
	});
});
