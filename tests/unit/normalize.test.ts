import {
	checkPaymentState,
	normalizeInvoice,
	parseInvoice,
	splitInvoiceRecords,
	type Invoice,
} from '../../src';
import { vendorFixture } from '../helpers/fixtures';

function ok(result: ReturnType<typeof normalizeInvoice>): Invoice {
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result.invoice;
}

describe('Stripe preset', () => {
	it('reads the current (dahlia) shape: minor units, lower-case currency, unix seconds', () => {
		const invoice = ok(
			normalizeInvoice(vendorFixture('stripe-invoice.json'), { source: 'stripe' }),
		);
		expect(invoice).toMatchObject({
			id: 'in_1Pgc6tB7WZ01zgkWu9fdqL6I',
			number: 'in_1Pgc6tB7WZ01zgkWu9fdqL6I',
			lifecycle: 'draft',
			currency: 'USD',
			totalMinor: 1000,
			amountDueMinor: 1000,
			amountDue: 10,
			dueOn: '2009-02-13',
			customer: { id: 'cus_QXg1o8vcGmoR32', name: 'cus_QXg1o8vcGmoR32' },
		});
		expect(checkPaymentState(invoice, { asOf: '2026-11-22' }).state).toBe('draft');
	});

	it('reads the pre-basil shape with `paid: false`', () => {
		const invoice = ok(
			normalizeInvoice(vendorFixture('stripe-invoice-pre-basil-2025-02.json'), {
				source: 'stripe',
			}),
		);
		expect(invoice.lifecycle).toBe('draft');
		expect(invoice.amountDueMinor).toBe(1000);
	});

	it('treats a pre-basil `paid: true` as paid even when the status says open', () => {
		const raw = {
			...vendorFixture('stripe-invoice-pre-basil-2025-02.json'),
			status: 'open',
			paid: true,
			amount_remaining: 0,
		};
		const invoice = ok(normalizeInvoice(raw, { source: 'stripe' }));
		expect(checkPaymentState(invoice, { asOf: '2026-11-22' }).state).toBe('paid');
	});

	it('paid, void and uncollectible docs examples', () => {
		const paid = ok(
			normalizeInvoice(vendorFixture('stripe-invoice-paid.json'), { source: 'stripe' }),
		);
		expect(checkPaymentState(paid, { asOf: '2026-11-22' })).toMatchObject({
			state: 'paid',
			route: 'closed',
		});
		expect(paid.paymentUrl).toMatch(/^https:\/\/invoice\.stripe\.com/);
		expect(paid.contact.email).toBe('jennyrosen@example.com');

		const voided = ok(
			normalizeInvoice(vendorFixture('stripe-invoice-void.json'), { source: 'stripe' }),
		);
		expect(checkPaymentState(voided, { asOf: '2026-11-22' })).toMatchObject({
			state: 'void',
			route: 'closed',
		});

		const written = ok(
			normalizeInvoice(vendorFixture('stripe-invoice-uncollectible.json'), { source: 'stripe' }),
		);
		expect(written.amountDueMinor).toBe(599);
		const state = checkPaymentState(written, { asOf: '2026-11-22' });
		expect(state).toMatchObject({ state: 'paused', route: 'hold' });
		expect(state.signals).toContain('written_off');
	});

	it('unwraps the Stripe Trigger event (`data.object`)', () => {
		const event = {
			id: 'evt_1',
			object: 'event',
			type: 'invoice.paid',
			data: { object: vendorFixture('stripe-invoice-paid.json') },
		};
		expect(ok(normalizeInvoice(event, { source: 'stripe' })).id).toBe(
			'in_1MtGmCLkdIwHu7ix6PgS6g8S',
		);
	});

	it('counts failed attempts only while money is still owed', () => {
		const raw = {
			...vendorFixture('stripe-invoice-paid.json'),
			status: 'open',
			amount_due: 5000,
			amount_remaining: 5000,
			total: 5000,
			attempt_count: 2,
		};
		const invoice = ok(normalizeInvoice(raw, { source: 'stripe' }));
		expect(invoice.failedPaymentAttempts).toBe(2);
		expect(checkPaymentState(invoice, { asOf: '2026-11-22' }).state).toBe('failed_payment');
	});

	it('JPY is zero-decimal in Stripe too', () => {
		const raw = {
			...vendorFixture('stripe-invoice-paid.json'),
			status: 'open',
			currency: 'jpy',
			total: 12345,
			amount_due: 12345,
			amount_remaining: 12345,
		};
		const invoice = ok(normalizeInvoice(raw, { source: 'stripe' }));
		expect(invoice).toMatchObject({
			currency: 'JPY',
			amountDueMinor: 12345,
			amountDue: 12345,
			amountDueFormatted: '¥12,345',
		});
	});
});

describe('Xero preset', () => {
	const envelope = vendorFixture('xero-invoices.json');
	const invoices = splitInvoiceRecords(envelope, 'xero').map(({ record }) =>
		ok(normalizeInvoice(record, { source: 'xero' })),
	);

	it('splits the Invoices[] envelope and ignores the response-level Status "OK"', () => {
		expect(invoices.map((invoice) => invoice.status)).toEqual(['VOIDED', 'PAID', 'AUTHORISED']);
	});

	it('VOIDED with AmountDue 0 is void, not paid', () => {
		expect(checkPaymentState(invoices[0], { asOf: '2026-11-22' }).state).toBe('void');
		expect(checkPaymentState(invoices[1], { asOf: '2026-11-22' }).state).toBe('paid');
	});

	it('AUTHORISED is open, dated from DueDateString', () => {
		expect(invoices[2]).toMatchObject({
			lifecycle: 'open',
			dueOn: '2018-11-07',
			issuedOn: '2018-11-02',
			currency: 'NZD',
			amountDueMinor: 11500,
		});
		expect(checkPaymentState(invoices[2], { asOf: '2018-12-10' })).toMatchObject({
			state: 'overdue',
			daysPastDue: 33,
			agingBucket: '31-60',
		});
	});

	it('reads /Date(ms+0000)/ when the string twin is missing', () => {
		const raw = {
			...(envelope as { Invoices: Record<string, unknown>[] }).Invoices[2],
			DueDateString: undefined,
		};
		expect(ok(normalizeInvoice(raw, { source: 'xero' })).dueOn).toBe('2018-11-07');
	});

	it('SUBMITTED is awaiting approval (a draft), and the by-id PAID invoice is paid', () => {
		const submitted = ok(
			normalizeInvoice(vendorFixture('xero-invoice-submitted.json'), { source: 'xero' }),
		);
		expect(checkPaymentState(submitted, { asOf: '2026-11-22' }).state).toBe('draft');
		const byId = ok(normalizeInvoice(vendorFixture('xero-invoice-by-id.json'), { source: 'xero' }));
		expect(checkPaymentState(byId, { asOf: '2026-11-22' }).state).toBe('paid');
	});
});

describe('QuickBooks Online preset', () => {
	it('reads an open invoice: Balance is what is owed', () => {
		const invoice = ok(
			normalizeInvoice(vendorFixture('qbo-invoice.json'), {
				source: 'quickbooks',
				defaults: { currency: 'USD' },
			}),
		);
		expect(invoice).toMatchObject({
			id: '130',
			number: '1037',
			lifecycle: 'open',
			amountDueMinor: 36207,
			totalMinor: 36207,
		});
		expect(checkPaymentState(invoice, { asOf: '2026-11-22' }).route).toBe('follow_up');
	});

	it('TotalAmt 0 with "Voided" is void', () => {
		const invoice = ok(
			normalizeInvoice(vendorFixture('qbo-invoice-void.json'), {
				source: 'quickbooks',
				defaults: { currency: 'USD' },
			}),
		);
		expect(checkPaymentState(invoice, { asOf: '2026-11-22' }).state).toBe('void');
	});

	it('unwraps the QueryResponse.Invoice[] envelope', () => {
		const records = splitInvoiceRecords(vendorFixture('qbo-invoice-query.json'), 'quickbooks');
		expect(records).toHaveLength(1);
		expect(
			ok(
				normalizeInvoice(records[0].record, {
					source: 'quickbooks',
					defaults: { currency: 'USD' },
				}),
			).id,
		).toBe('239');
	});

	it('says what to fix when the currency is missing (multicurrency off) and no default is set', () => {
		const result = normalizeInvoice(vendorFixture('qbo-invoice.json'), { source: 'quickbooks' });
		expect(result).toEqual({
			ok: false,
			errors: [
				expect.objectContaining({ message: expect.stringContaining('currency is missing') }),
			],
		});
	});
});

describe('FreshBooks preset', () => {
	it('reads response.result.invoice with money objects and v3_status', () => {
		const invoice = ok(
			normalizeInvoice(vendorFixture('freshbooks-invoice.json'), { source: 'freshbooks' }),
		);
		expect(invoice).toMatchObject({
			id: '217506',
			number: 'SS007',
			lifecycle: 'draft',
			currency: 'USD',
			amountDueMinor: 122200,
			customer: { name: 'Hooli' },
			contact: { email: 'gavin.belson@domain.com', name: 'Gavin Belson' },
		});
	});
});

describe('Generic preset', () => {
	const row = {
		id: 'INV-1',
		customer: 'Acme',
		email: 'ap@acme.test',
		currency: 'usd',
		total: '1,200.50',
		amountPaid: 200,
		dueDate: '2026-11-01',
	};

	it('reads canonical names and flat aliases with no mapping', () => {
		const invoice = ok(normalizeInvoice(row, { source: 'generic' }));
		expect(invoice).toMatchObject({
			totalMinor: 120050,
			amountPaidMinor: 20000,
			amountDueMinor: 100050,
			dueOn: '2026-11-01',
			customer: { name: 'Acme' },
		});
		expect(checkPaymentState(invoice, { asOf: '2026-11-22' }).signals).toContain('partially_paid');
	});

	it('reports an impossible date with the field and the value', () => {
		const result = normalizeInvoice(
			{ ...row, dueDate: '31/02/2026' },
			{ source: 'generic', defaults: { dateOrder: 'DD/MM/YYYY' } },
		);
		expect(result).toEqual({
			ok: false,
			errors: [{ path: 'dueDate', message: 'dueDate "31/02/2026" is not a date' }],
		});
	});

	it('a value no JSON can hold is named in the error, not a crash', () => {
		const result = normalizeInvoice(
			{ ...row, amountDue: BigInt(5) as unknown as number },
			{ source: 'generic' },
		);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.errors[0].message).toMatch(/^amountDue .* is not an amount$/);
	});

	it('a mapping names the source columns', () => {
		const invoice = ok(
			normalizeInvoice(
				{ Ref: 'X-9', Client: 'Initech', Owed: 99.99, Cur: 'KWD', Due: '2026-12-01' },
				{
					source: 'generic',
					mapping: {
						id: 'Ref',
						customerName: 'Client',
						amountDue: 'Owed',
						currency: 'Cur',
						dueOn: 'Due',
					},
				},
			),
		);
		expect(invoice).toMatchObject({ id: 'X-9', amountDueMinor: 99990, currency: 'KWD' });
	});
});

describe('parseInvoice (what downstream nodes read from $json.invoice)', () => {
	const invoice = ok(
		normalizeInvoice(
			{ id: 'P-1', customer: 'Acme', currency: 'EUR', amountDue: 10, dueDate: '2026-11-01' },
			{ source: 'generic' },
		),
	);

	it('accepts a normalised invoice as it is, without copying it', () => {
		const parsed = parseInvoice(invoice);
		expect(parsed.ok && parsed.invoice).toBe(invoice);
	});

	it.each([
		['amountDueMinor', 10.5],
		['dueOn', '2026-02-31'],
		['currency', 'eur'],
		['customer', { name: '' }],
		['lifecycle', 'overdue'],
	])('sends a broken %s through the full schema, with the field in the message', (field, value) => {
		const result = parseInvoice({ ...invoice, [field]: value });
		expect(result.ok).toBe(false);
		expect(!result.ok && result.errors[0].path).toContain(`invoice.${field}`);
	});
});

describe('paidOn, the payment date the report needs for "paid within 7 days" and kept promises', () => {
	it('Stripe status_transitions.paid_at, Xero FullyPaidOnDate, FreshBooks date_paid, a sheet paidOn', () => {
		expect(
			ok(normalizeInvoice(vendorFixture('stripe-invoice-paid.json'), { source: 'stripe' })).paidOn,
		).toBe('2023-04-04');
		const [, paid] = splitInvoiceRecords(vendorFixture('xero-invoices.json'), 'xero');
		expect(ok(normalizeInvoice(paid.record, { source: 'xero' })).paidOn).toBe('2018-11-29');
		const freshbooks = vendorFixture<{ response: { result: { invoice: object } } }>(
			'freshbooks-invoice.json',
		);
		const paidFreshBooks = {
			...freshbooks.response.result.invoice,
			v3_status: 'paid',
			date_paid: '2019-11-20',
		};
		expect(ok(normalizeInvoice(paidFreshBooks, { source: 'freshbooks' })).paidOn).toBe(
			'2019-11-20',
		);
		expect(
			ok(
				normalizeInvoice(
					{ id: 'S', customer: 'C', currency: 'USD', total: 5, amountDue: 0, paidOn: '2026-11-02' },
					{ source: 'generic' },
				),
			).paidOn,
		).toBe('2026-11-02');
	});
});
