import {
	checkPaymentState,
	formatMoney,
	normalizeInvoice,
	parseDecimalToMinor,
	toMinor,
	type Invoice,
} from '../../src';

function invoice(fields: Record<string, unknown>): Invoice {
	const result = normalizeInvoice(
		{ id: 'T-1', customer: 'Acme', email: 'ap@acme.test', currency: 'USD', ...fields },
		{ source: 'generic' },
	);
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result.invoice;
}

describe('money in integer minor units', () => {
	it.each([
		['USD', '1222.00', 122200],
		['USD', '0.105', 11],
		['JPY', '12345', 12345],
		['JPY', '12345.6', 12346],
		['KWD', '1.2345', 1235],
		['KWD', 12.5, 12500],
		['USD', 1.005, 101],
	])('%s %s is %i minor units', (currency, value, minor) => {
		expect(toMinor(value, currency)).toBe(minor);
	});

	it('rejects what is not a plain number', () => {
		expect(parseDecimalToMinor('12.3.4', 'USD')).toBeNull();
		expect(parseDecimalToMinor('$12', 'USD')).toBeNull();
		expect(toMinor(Number.NaN, 'USD')).toBeNull();
	});

	it('sums exactly where floating point would not', () => {
		const cents = Array.from({ length: 10 }, () => toMinor(0.1, 'USD')!).reduce((a, b) => a + b, 0);
		expect(cents).toBe(100);
	});

	it('formats per currency decimals', () => {
		expect(formatMoney(123456, 'USD')).toBe('$1,234.56');
		expect(formatMoney(1235, 'KWD')).toMatch(/1\.235/);
		expect(formatMoney(120000, 'JPY', 'ja-JP')).toMatch(/120,000/);
	});
});

describe('checkPaymentState', () => {
	const asOf = '2026-11-22T12:00:00Z';

	it('a partial payment leaves the rest overdue, with the signal', () => {
		const state = checkPaymentState(
			invoice({ total: 1000, amountPaid: 400, dueDate: '2026-11-01' }),
			{ asOf },
		);
		expect(state).toMatchObject({ state: 'overdue', daysPastDue: 21, agingBucket: '1-30' });
		expect(state.signals).toContain('partially_paid');
	});

	it('JPY and KWD amounts keep their own decimals', () => {
		expect(invoice({ currency: 'JPY', amountDue: '150000' })).toMatchObject({
			amountDueMinor: 150000,
			amountDue: 150000,
		});
		expect(invoice({ currency: 'KWD', amountDue: '75.125' })).toMatchObject({
			amountDueMinor: 75125,
			amountDue: 75.125,
		});
	});

	it('a missing due date is due on receipt from the issue date, and without either it is held', () => {
		const fromIssue = checkPaymentState(invoice({ amountDue: 10, issueDate: '2026-11-12' }), {
			asOf,
		});
		expect(fromIssue).toMatchObject({ state: 'overdue', daysPastDue: 10 });
		expect(fromIssue.signals).toContain('no_due_date');
		const neither = checkPaymentState(invoice({ amountDue: 10 }), { asOf });
		expect(neither).toMatchObject({ state: 'not_due', route: 'hold' });
	});

	it('counts days in the customer zone across a DST change (due 2026-03-08, New York springs forward)', () => {
		const due = invoice({ amountDue: 10, dueDate: '2026-03-08', timezone: 'America/New_York' });
		// 03:30 UTC on the 9th is still 23:30 on the 8th in New York (EDT, UTC-4): due today there, overdue in UTC.
		expect(checkPaymentState(due, { asOf: '2026-03-09T03:30:00Z' })).toMatchObject({
			state: 'due_today',
			daysPastDue: 0,
			asOfDate: '2026-03-08',
		});
		expect(
			checkPaymentState(
				{ ...due, customer: { ...due.customer, timezone: undefined } },
				{ asOf: '2026-03-09T03:30:00Z' },
			),
		).toMatchObject({ state: 'overdue', daysPastDue: 1 });
		// A week later the count is whole calendar days, not 24-hour blocks (the 23-hour day does not shift it).
		expect(checkPaymentState(due, { asOf: '2026-03-15T04:30:00Z' }).daysPastDue).toBe(7);
	});

	it('zones on both sides of midnight UTC', () => {
		const asOfMidnight = '2026-11-22T23:30:00Z';
		const tokyo = invoice({ amountDue: 10, dueDate: '2026-11-22', timezone: 'Asia/Tokyo' });
		const hawaii = invoice({ amountDue: 10, dueDate: '2026-11-22', timezone: 'Pacific/Honolulu' });
		expect(checkPaymentState(tokyo, { asOf: asOfMidnight })).toMatchObject({
			state: 'overdue',
			daysPastDue: 1,
		});
		expect(checkPaymentState(hawaii, { asOf: asOfMidnight })).toMatchObject({ state: 'due_today' });
	});

	it('Xero VOIDED with AmountDue 0 is void, not paid', () => {
		const result = normalizeInvoice(
			{
				InvoiceID: 'x',
				Status: 'VOIDED',
				Total: 40,
				AmountDue: 0,
				AmountPaid: 0,
				CurrencyCode: 'NZD',
				Contact: { Name: 'C' },
			},
			{ source: 'xero' },
		);
		expect(result.ok && checkPaymentState(result.invoice, { asOf }).state).toBe('void');
	});

	it.each([
		[{ disputed: true }, 'disputed', 'hold'],
		[{ paused: 'yes' }, 'paused', 'hold'],
		[{ optedOut: 1 }, 'opted_out', 'hold'],
		[{ automationPaused: true }, 'paused', 'hold'],
	])('flags %j hold the invoice as %s', (flags, state, route) => {
		expect(
			checkPaymentState(invoice({ amountDue: 10, dueDate: '2026-10-01', ...flags }), { asOf }),
		).toMatchObject({ state, route });
	});

	it('a pending promise holds until the promised date plus grace; then it is broken and followed up', () => {
		const pending = invoice({ amountDue: 10, dueDate: '2026-10-01', promiseDate: '2026-11-21' });
		expect(checkPaymentState(pending, { asOf })).toMatchObject({
			state: 'promised',
			route: 'hold',
		});
		expect(checkPaymentState(pending, { asOf, promiseGraceDays: 0 })).toMatchObject({
			state: 'broken_promise',
			route: 'follow_up',
		});
		const history = invoice({ amountDue: 10, dueDate: '2026-10-01', brokenPromises: 2 });
		expect(history.promise).toEqual({ date: null, brokenCount: 2 });
		expect(checkPaymentState(history, { asOf }).signals).toContain('broken_promise_history');
	});

	it('failed payment attempts are followed up as failed_payment', () => {
		expect(
			checkPaymentState(
				invoice({ amountDue: 10, dueDate: '2026-12-01', failedPaymentAttempts: 3 }),
				{ asOf },
			),
		).toMatchObject({ state: 'failed_payment', route: 'follow_up' });
	});

	it('a missing PO holds the invoice where one is required (on the invoice or by option)', () => {
		expect(
			checkPaymentState(invoice({ amountDue: 10, dueDate: '2026-12-01', poRequired: true }), {
				asOf,
			}).state,
		).toBe('missing_po');
		expect(
			checkPaymentState(invoice({ amountDue: 10, dueDate: '2026-12-01' }), {
				asOf,
				poRequired: true,
			}).state,
		).toBe('missing_po');
		expect(
			checkPaymentState(invoice({ amountDue: 10, dueDate: '2026-12-01', poNumber: 'PO-9' }), {
				asOf,
				poRequired: true,
			}).state,
		).toBe('not_due');
	});

	it('due soon within the window, not due beyond it; high value per currency', () => {
		expect(
			checkPaymentState(invoice({ amountDue: 10, dueDate: '2026-11-25' }), { asOf }),
		).toMatchObject({ state: 'due_soon', route: 'follow_up' });
		expect(
			checkPaymentState(invoice({ amountDue: 10, dueDate: '2026-11-26' }), { asOf }),
		).toMatchObject({ state: 'not_due', route: 'not_due' });
		const big = invoice({ currency: 'JPY', amountDue: 2_000_000, dueDate: '2026-11-01' });
		expect(
			checkPaymentState(big, { asOf, highValue: { USD: 10_000, JPY: 1_500_000 } }).signals,
		).toContain('high_value');
		expect(checkPaymentState(big, { asOf, highValue: { USD: 10_000 } }).signals).not.toContain(
			'high_value',
		);
	});

	it('aging buckets', () => {
		const at = (due: string) =>
			checkPaymentState(invoice({ amountDue: 10, dueDate: due }), { asOf }).agingBucket;
		expect([
			at('2026-11-22'),
			at('2026-10-23'),
			at('2026-10-22'),
			at('2026-09-23'),
			at('2026-08-24'),
			at('2026-08-23'),
		]).toEqual(['not_due', '1-30', '31-60', '31-60', '61-90', '91+']);
	});

	it('a C-suite contact who is not the billing contact is signalled; stale replies too', () => {
		const ceo = invoice({
			amountDue: 10,
			dueDate: '2026-11-01',
			contactTitle: 'Chief Financial Officer',
		});
		expect(checkPaymentState(ceo, { asOf }).signals).toContain('csuite_contact');
		expect(
			checkPaymentState({ ...ceo, contact: { ...ceo.contact, isBillingContact: true } }, { asOf })
				.signals,
		).not.toContain('csuite_contact');
		const quiet = invoice({
			amountDue: 10,
			dueDate: '2026-11-01',
			lastTouchAt: '2026-11-15T09:00:00Z',
		});
		expect(checkPaymentState(quiet, { asOf }).signals).toContain('stale_reply');
		expect(
			checkPaymentState({ ...quiet, lastReplyAt: '2026-11-16T09:00:00Z' }, { asOf }).signals,
		).not.toContain('stale_reply');
	});
});
