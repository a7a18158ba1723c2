/**
 * Cadence Step in the engine: a statement step sends one statement per customer (HTML table, CSV attached to the
 * MIME message and as a binary), holds a customer with a disputed invoice, and never sends a step twice; the
 * receipt check, the thank-you and the billing contact as node options.
 */
import type { IDataObject } from 'n8n-workflow';

import { runNode, NODE_UNDER_TEST } from '../helpers/engine';
import { sampleInvoice } from '../helpers/invoices';
import type { Invoice } from '../../src';

const policyJson = JSON.stringify({
	name: 'with-statement',
	steps: [
		{ id: 'due', offsetDays: 0, channel: 'email', tone: 'neutral', template: 'due-today' },
		{
			id: 'statement-14',
			offsetDays: 14,
			channel: 'email',
			tone: 'neutral',
			template: 'statement',
			type: 'statement',
		},
	],
});

const invoice = (id: string, customer: string, overrides: Partial<Invoice> = {}) =>
	({
		invoice: sampleInvoice({
			id,
			number: id.toUpperCase(),
			customer: { id: customer, name: `${customer} Ltd`, locale: 'de-DE' },
			contact: { email: `ap@${customer}.test`, name: 'Jana' },
			paymentUrl: `https://pay.test/${id}`,
			...overrides,
		}),
	}) as unknown as IDataObject;

const parameters = (options: IDataObject = {}) => ({
	policy: 'json',
	policyJson,
	options: { asOf: '2026-03-20T15:00:00Z', ...options },
});

describe('Cadence Step: the statement step', () => {
	it('one statement per customer, a held customer on Wait, and nothing twice on a rerun', async () => {
		const input = [
			invoice('in_a1', 'alpha'),
			invoice('in_a2', 'alpha', { dueOn: '2026-03-01' }),
			invoice('in_b1', 'beta'),
			invoice('in_c1', 'gamma'),
			invoice('in_c2', 'gamma', { flags: { disputed: true } }),
		];
		// Every invoice already had its due-date reminder (static-data ledger, as Plan and Record keep it).
		const staticData: IDataObject = {};
		await runNode({
			type: 'cadenceStep',
			parameters: parameters({ asOf: '2026-03-02T15:00:00Z' }),
			input,
			staticData,
		});
		const first = await runNode({
			type: 'cadenceStep',
			parameters: parameters(),
			input,
			staticData,
		});
		// Send: alpha (2 invoices in one e-mail), beta. Wait: gamma's open invoice (held). Stop: the dispute.
		expect(first.counts(NODE_UNDER_TEST)).toEqual([2, 1, 1, 0]);
		const [alpha, beta] = first.items(NODE_UNDER_TEST, 0);
		const cadence = alpha.json.cadence as IDataObject & { message: IDataObject };
		expect(cadence.statement).toEqual({
			step: 'statement-14',
			customer: 'alpha',
			invoices: ['IN_A1', 'IN_A2'],
			csvFileName: 'statement-alpha-ltd-2026-03-20.csv',
		});
		expect(cadence.message.subject).toBe('Kontoauszug für alpha Ltd zum 20. März 2026');
		expect(alpha.pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
		const raw = Buffer.from(String(cadence.message.mimeBase64Url), 'base64url').toString('utf8');
		expect(raw).toContain('Content-Type: text/csv; charset=utf-8');
		expect(raw).toContain('filename=statement-alpha-ltd-2026-03-20.csv');
		expect(alpha.binary?.statement).toMatchObject({
			fileName: 'statement-alpha-ltd-2026-03-20.csv',
			mimeType: 'text/csv',
		});
		const csv = Buffer.from(alpha.binary!.statement.data, 'base64').toString('utf8');
		expect(csv.trim().split('\r\n')).toHaveLength(3);
		expect((beta.json.cadence as IDataObject).statement).toMatchObject({ invoices: ['IN_B1'] });
		const held = first.json(NODE_UNDER_TEST, 1)[0].cadence as IDataObject;
		expect(held).toMatchObject({ action: 'wait', rule: 'statement_held' });
		expect(held.reason).toContain('invoice IN_C2 of this customer is disputed');

		const rerun = await runNode({
			type: 'cadenceStep',
			parameters: parameters(),
			input,
			staticData,
		});
		expect(rerun.counts(NODE_UNDER_TEST)[0]).toBe(0);
	});

	it('the receipt check, the thank-you and the billing contact are options of the node', async () => {
		const open = invoice('in_1', 'alpha', {
			customer: { id: 'alpha', name: 'Alpha' },
			contact: { email: 'ceo@alpha.test', title: 'CEO' },
			contacts: [
				{ email: 'ceo@alpha.test', title: 'CEO' },
				{ email: 'ap@alpha.test', name: 'Ana', isBillingContact: true },
			],
		});
		const receipt = await runNode({
			type: 'cadenceStep',
			parameters: {
				policy: 'standard-5',
				options: { asOf: '2026-02-03T15:00:00Z', receiptCheck: true },
			},
			input: [open],
		});
		const check = receipt.json(NODE_UNDER_TEST, 0)[0].cadence as IDataObject & {
			message: IDataObject;
		};
		expect(check).toMatchObject({ action: 'send', step: { id: 'receipt-check' } });
		expect(check.message.to).toBe('ap@alpha.test');
		// The option off: the executive main contact, so a person decides.
		const notPreferred = await runNode({
			type: 'cadenceStep',
			parameters: {
				policy: 'standard-5',
				options: { asOf: '2026-03-02T15:00:00Z', preferBillingContact: false },
			},
			input: [open],
		});
		expect(notPreferred.json(NODE_UNDER_TEST, 3)[0].cadence).toMatchObject({
			rule: 'csuite_contact',
		});

		const paid = invoice('in_2', 'alpha', {
			lifecycle: 'paid',
			status: 'paid',
			amountDueMinor: 0,
			amountDue: 0,
			amountPaidMinor: 120000,
			amountPaid: 1200,
			paidOn: '2026-03-10',
		});
		const staticData: IDataObject = {};
		await runNode({
			type: 'cadenceStep',
			parameters: { policy: 'standard-5', options: { asOf: '2026-03-02T15:00:00Z' } },
			input: [invoice('in_2', 'alpha')],
			staticData,
		});
		const run = (asOf: string) =>
			runNode({
				type: 'cadenceStep',
				parameters: { policy: 'standard-5', options: { asOf, thankYou: true } },
				input: [paid],
				staticData,
			});
		const thanks = await run('2026-03-11T15:00:00Z');
		expect(thanks.counts(NODE_UNDER_TEST)).toEqual([1, 0, 0, 0]);
		expect(thanks.json(NODE_UNDER_TEST, 0)[0].cadence).toMatchObject({
			step: { id: 'thank-you' },
			message: { subject: 'Vielen Dank für Ihre Zahlung zu Rechnung IN_2' },
		});
		expect((await run('2026-03-12T15:00:00Z')).counts(NODE_UNDER_TEST)).toEqual([0, 0, 1, 0]);
	});
});
