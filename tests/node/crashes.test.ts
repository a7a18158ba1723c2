/**
 * Issue 17, "A whole run stops, or items are lost": one test per node-level crash the attack found, each named after
 * it, in the real n8n engine. Every run must end without an error, and every input item must leave paired.
 */
import type { IDataObject, INode } from 'n8n-workflow';

import type { Invoice } from '../../src';
import { NODE_UNDER_TEST, runNode, type RunResult } from '../helpers/engine';
import { sampleInvoice } from '../helpers/invoices';

const invoice = (overrides: Partial<Invoice> = {}): IDataObject =>
	sampleInvoice({
		customer: { id: 'cus_1', name: 'Acme GmbH', timezone: 'Europe/Berlin' },
		...overrides,
	}) as unknown as IDataObject;

/** Every input index that left on some output (sorted). */
function leftPaired(result: RunResult): number[] {
	return result
		.counts(NODE_UNDER_TEST)
		.flatMap((_, output) =>
			result
				.items(NODE_UNDER_TEST, output)
				.flatMap((item) =>
					(Array.isArray(item.pairedItem) ? item.pairedItem : [item.pairedItem]).map((paired) =>
						typeof paired === 'number' ? paired : (paired as { item: number }).item,
					),
				),
		)
		.sort((a, b) => a - b);
}

function deep(depth: number): unknown {
	let value: unknown = 'bottom';
	for (let level = 0; level < depth; level++) value = [value];
	return value;
}

// eslint-disable-next-line no-sparse-arrays
const sparse = () => [, , { Amount: 5, Date: '2026-11-01' }, ,] as unknown[];

const plan = { policy: 'standard-5', options: { asOf: '2026-03-10T10:00:00Z' } };
const parametersOf = (type: string): IDataObject =>
	type === 'paymentStateCheck'
		? { source: 'generic', options: { asOf: '2026-11-22' } }
		: type === 'cadenceStep'
			? plan
			: {};
/** A record no node can read, next to a good invoice. */
const oneBadRecord = () => [
	{ invoice: 'not an invoice', id: null, text: 42, from: 7 },
	{ invoice: invoice({ id: 'ok' }) },
];

describe('crashes that stopped a whole run or lost items (issue 17, items 10–14)', () => {
	it.each([
		['continue on fail', { onError: 'continueRegularOutput' }],
		['no continue on fail', {}],
	])(
		'Cadence Plan crashes on an invoice id such as constructor, __proto__, toString or hasOwnProperty (%s); every step stays reserved',
		async (_setting, settings) => {
			const ids = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'in_ok'];
			const staticData: IDataObject = {};
			const input = ids.map((id) => ({ invoice: invoice({ id }) }));
			const first = await runNode({
				type: 'cadenceStep',
				parameters: plan,
				input,
				staticData,
				settings: settings as Partial<INode>,
			});
			expect(first.error).toBeUndefined();
			expect(first.counts(NODE_UNDER_TEST)).toEqual([5, 0, 0, 0]);
			// Reserved, all five: the rerun sends none of them again.
			const again = await runNode({
				type: 'cadenceStep',
				parameters: plan,
				input,
				staticData,
				settings: settings as Partial<INode>,
			});
			expect(again.counts(NODE_UNDER_TEST)).toEqual([0, 5, 0, 0]);
			expect(Object.prototype).not.toHaveProperty('polluted');
		},
	);

	it('a lone surrogate in an id, with an invoice link template, crashes Escalation Gate', async () => {
		const result = await runNode({
			type: 'escalationGate',
			parameters: {
				options: {
					asOf: '2026-11-20T10:00:00Z',
					invoiceUrlTemplate: 'https://books.example.com/invoices/{ID}',
				},
			},
			input: [
				{ invoice: invoice({ id: 'in_\ud800', flags: { disputed: true } } as Partial<Invoice>) },
				{ invoice: invoice({ id: 'a\udfffb' }) },
			],
		});
		expect(result.error).toBeUndefined();
		expect(leftPaired(result)).toEqual([0, 1]);
	});

	it.each([
		['contact.name', { contact: { name: 42 as unknown as string, email: 'ap@acme.test' } }],
		['contact.name', { contact: { name: { first: 'A' } as unknown as string } }],
		['messageId', { messageId: { id: 'x' } as unknown as string }],
		['messageId', { messageId: 12345 as unknown as string }],
	])('a non-string %s crashes Cadence Step', async (_field, overrides) => {
		const result = await runNode({
			type: 'cadenceStep',
			parameters: plan,
			input: [
				{ invoice: invoice(overrides as Partial<Invoice>) },
				{ invoice: invoice({ id: 'ok' }) },
			],
		});
		expect(result.error).toBeUndefined();
		expect(leftPaired(result)).toEqual([0, 1]);
	});

	const notCallable = { toString: 'not callable', valueOf: 1 };

	it('an object with a non-callable toString crashes Payment State Check', async () => {
		const result = await runNode({
			type: 'paymentStateCheck',
			parameters: { source: 'generic', options: { asOf: '2026-11-22' } },
			input: [
				{
					id: notCallable,
					number: notCallable,
					total: notCallable,
					amountDue: 10,
					currency: 'USD',
				},
				{
					id: 'ok',
					number: 'INV-1',
					total: 10,
					amountDue: 10,
					currency: 'USD',
					dueDate: '2026-11-01',
					customer: { name: notCallable },
				},
			],
		});
		expect(result.error).toBeUndefined();
		expect(leftPaired(result)).toEqual([0, 1]);
	});

	it('an object with a non-callable toString crashes the report', async () => {
		const result = await runNode({
			type: 'collectionsReport',
			parameters: { options: { asOf: '2026-11-22' } },
			input: [
				{ invoice: { ...invoice(), customer: { id: notCallable, name: notCallable } } },
				{ invoice: invoice({ id: 'ok' }) },
			],
		});
		expect(result.error).toBeUndefined();
		expect(new Set(leftPaired(result))).toEqual(new Set([0, 1]));
	});

	it.each([
		['paymentStateCheck', { source: 'generic', options: { asOf: '2026-11-22' } }],
		['cadenceStep', plan],
		['escalationGate', { options: { asOf: '2026-11-20T10:00:00Z' } }],
		['replyTriage', { engine: 'rules' }],
		['collectionsReport', { options: { asOf: '2026-11-22' } }],
	])('arrays nested 5,000 deep overflow the stack (%s)', async (type, parameters) => {
		const nested = deep(5000) as IDataObject;
		const result = await runNode({
			type,
			parameters,
			input: [
				{ id: nested, invoice: nested, text: nested, subject: nested, customer: nested },
				{ invoice: invoice({ id: 'ok' }), id: 'ok', text: 'Thanks, paid yesterday.' },
			],
		});
		expect(result.error).toBeUndefined();
		expect(new Set(leftPaired(result))).toEqual(new Set([0, 1]));
	});

	it('sparse arrays from Xero crash Payment State Check', async () => {
		const xero = (id: string) => ({
			InvoiceID: id,
			InvoiceNumber: `INV-${id}`,
			Type: 'ACCREC',
			Status: 'AUTHORISED',
			CurrencyCode: 'USD',
			Total: 100,
			AmountDue: 100,
			AmountPaid: 0,
			DueDateString: '2026-11-01T00:00:00',
			Contact: { Name: 'Acme', ContactPersons: sparse() },
			Payments: sparse(),
			LineItems: sparse(),
			CreditNotes: sparse(),
		});
		const result = await runNode({
			type: 'paymentStateCheck',
			parameters: { source: 'xero', options: { asOf: '2026-11-22' } },
			// eslint-disable-next-line no-sparse-arrays
			input: [xero('x1'), { Invoices: [xero('x2'), , xero('x3')] as unknown as IDataObject[] }],
		});
		expect(result.error).toBeUndefined();
		expect(new Set(leftPaired(result))).toEqual(new Set([0, 1]));
	});

	it.each([
		'paymentStateCheck',
		'replyTriage',
		'collectionsReport',
		'cadenceStep',
		'escalationGate',
	])('without Continue On Fail, one bad record stops the whole execution (%s)', async (type) => {
		const result = await runNode({ type, parameters: parametersOf(type), input: oneBadRecord() });
		expect(result.error).toBeUndefined();
		expect(new Set(leftPaired(result))).toEqual(new Set([0, 1]));
	});

	// Payment State Check and Reply Triage read raw records: a bad one is a record for their Invalid output, not a
	// failure; the nodes that read normalised invoices fail the item, and it must reach the error output.
	it.each(['cadenceStep', 'escalationGate'])(
		'with Continue On Fail set to the error output, no failed item reaches the error output (%s)',
		async (type) => {
			const result = await runNode({
				type,
				parameters: parametersOf(type),
				input: oneBadRecord(),
				settings: { onError: 'continueErrorOutput' } as Partial<INode>,
			});
			expect(result.error).toBeUndefined();
			const counts = result.counts(NODE_UNDER_TEST);
			const errors = result.items(NODE_UNDER_TEST, counts.length - 1);
			expect(errors.map((item) => (item.pairedItem as { item: number }).item)).toContain(0);
			for (const item of errors)
				expect(Object.keys(item.json).sort()).toEqual(expect.arrayContaining(['error']));
		},
	);
});
