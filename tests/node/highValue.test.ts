import type { IDataObject } from 'n8n-workflow';

import { runNode, NODE_UNDER_TEST } from '../helpers/engine';
import { sampleInvoice } from '../helpers/invoices';

const asOf = '2026-11-22T09:00:00Z';

/** Overdue invoices of three customers (one case each): 1,200 USD, 900 EUR and 50,000 JPY. */
const book = [
	sampleInvoice({ id: 'usd', number: 'USD-1', dueOn: '2026-10-01' }),
	sampleInvoice({
		id: 'eur',
		customer: { id: 'cus_eur', name: 'Euro SA' },
		number: 'EUR-1',
		currency: 'EUR',
		total: 900,
		amountDue: 900,
		totalMinor: 90000,
		amountDueMinor: 90000,
		amountDueFormatted: '€900.00',
		dueOn: '2026-10-01',
	}),
	sampleInvoice({
		id: 'jpy',
		customer: { id: 'cus_jpy', name: 'Yen KK' },
		number: 'JPY-1',
		currency: 'JPY',
		total: 50000,
		amountDue: 50000,
		totalMinor: 50000,
		amountDueMinor: 50000,
		amountDueFormatted: '¥50,000',
		dueOn: '2026-10-01',
	}),
];

/** The one high-value shape: 1,000 for every currency, 800 for EUR, 100,000 for JPY. */
const highValue = 1000;
const highValueByCurrency = {
	thresholds: [
		{ currency: 'eur ', amount: 800 },
		{ currency: 'JPY', amount: 100000 },
	],
};
const HIGH = ['usd', 'eur'];

describe('high value, configured one way on every node', () => {
	it('Payment State Check sets the high_value signal from the shared fields', async () => {
		const result = await runNode({
			type: 'paymentStateCheck',
			parameters: {
				source: 'generic',
				singleOutput: true,
				options: { asOf, highValue, highValueByCurrency },
			},
			input: book.map((invoice) => ({ ...invoice })),
		});
		const flagged = result
			.json(NODE_UNDER_TEST)
			.filter((item) =>
				(((item.paymentState as IDataObject).signals as string[]) ?? []).includes('high_value'),
			)
			.map((item) => (item.invoice as IDataObject).id);
		expect(flagged).toEqual(HIGH);
	});

	it('Collections Report counts the same invoices high value (its single amount alone still works)', async () => {
		const count = async (options: IDataObject) => {
			const result = await runNode({
				type: 'collectionsReport',
				parameters: {
					currency: 'USD',
					fxRates: {
						rates: [
							{ currency: 'EUR', rate: '1.08' },
							{ currency: 'JPY', rate: '0.0067' },
						],
					},
					options: { asOf, keepTrend: false, ...options },
				},
				input: book.map((invoice) => ({ invoice })),
			});
			return (result.json(NODE_UNDER_TEST)[0].summary as IDataObject).highValueOverdueCount;
		};
		expect(await count({ highValue, highValueByCurrency })).toBe(2);
		// A saved workflow with only the single amount: every currency against 1,000.
		expect(await count({ highValue })).toBe(2);
		expect(await count({ highValue: 800 })).toBe(3);
	});

	const escalated = async (version: number, parameters: IDataObject) => {
		const result = await runNode({
			type: 'escalationGate',
			parameters: {
				rules: { rules: [{ rule: 'high_value', enabled: true, priority: 'P1' }] },
				...parameters,
				options: { asOf, ...(parameters.options as IDataObject) },
			},
			settings: { typeVersion: version },
			input: book.map((invoice) => ({ invoice })),
		});
		return result.json(NODE_UNDER_TEST, 0).map((item) => (item.invoice as IDataObject).id);
	};

	it('Escalation Gate 1.1 reads the shared fields', async () => {
		expect(await escalated(1.1, { highValue, highValueByCurrency })).toEqual(HIGH);
		// Its defaults: the per-currency table of the rule book, nothing for other currencies.
		expect(await escalated(1.1, {})).toEqual([]);
	});

	it('Escalation Gate 1 keeps its table and Other Currencies option, as saved', async () => {
		expect(
			await escalated(1, {
				highValueThresholds: highValueByCurrency,
				options: { otherCurrencies: highValue },
			}),
		).toEqual(HIGH);
		expect(await escalated(1, {})).toEqual([]);
	});
});
