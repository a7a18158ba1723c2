/**
 * Late fees in the Collections Report (issue 16), against worked examples written out by hand, and the statement
 * render: one statement of account per customer, built by src/statement (the one home of statements).
 */
import { buildCollectionsReport, buildStatements, type Invoice } from '../../src';
import { invoice, usd } from '../helpers/reportFixtures';

const asOf = '2026-11-22';
const acme = { name: 'Acme', id: 'c1' };
const globex = { name: 'Globex', id: 'c2' };
const book = [
	// $2,500.00 due 2026-10-23: 30 days late on 2026-11-22.
	invoice({
		id: 'a1',
		number: 'A-1',
		amountDueMinor: usd(2500),
		dueOn: '2026-10-23',
		customer: acme,
	}),
	// $1,000.00 due 2026-11-12: 10 days late.
	invoice({
		id: 'a2',
		number: 'A-2',
		amountDueMinor: usd(1000),
		dueOn: '2026-11-12',
		customer: acme,
	}),
	// €500.00 due 2026-09-23: 60 days late; EUR 1 = USD 1.0834.
	invoice({
		id: 'g1',
		number: 'G-1',
		currency: 'EUR',
		amountDueMinor: 50_000,
		dueOn: '2026-09-23',
		customer: globex,
	}),
	// Not due yet, and a paid invoice: no fees on either.
	invoice({ id: 'i1', number: 'I-1', amountDueMinor: usd(800), dueOn: '2026-12-01' }),
	invoice({
		id: 'p1',
		lifecycle: 'paid',
		status: 'paid',
		totalMinor: usd(900),
		amountPaidMinor: usd(900),
		amountDueMinor: 0,
		dueOn: '2026-09-01',
		customer: acme,
	}),
];
const options = { asOf, currency: 'USD', fxRates: { EUR: '1.0834' } };

describe('late fees in the report, worked by hand', () => {
	it('statutory 4.25% reference + 8 points = 12.25% a year, per invoice and per customer', () => {
		// 2,500.00 × 12.25% × 30 / 365 = 918,750 / 365 cents = 2,517.12… → $25.17
		// 1,000.00 × 12.25% × 10 / 365 = 122,500 / 365 cents = 335.61… → $3.36
		// G-1: 500.00 × 12.25% × 60 / 365 = 367,500 / 365 cents = 1,006.84… → €10.07; × 1.0834 = 1,090.98… → $10.91
		// Acme: 25.17 + 3.36 = $28.53 on 2 invoices; Globex $10.91; total $39.44 on 3 invoices.
		const report = buildCollectionsReport(book, {
			...options,
			lateFees: { kind: 'statutory', referenceRatePercent: 4.25 },
		});
		const fees = report.lateFees!;
		expect(fees).toMatchObject({ invoiceCount: 3, amountMinor: 3944, amountFormatted: '$39.44' });
		expect(report.summary).toMatchObject({
			lateFeeInvoiceCount: 3,
			lateFeeAmountMinor: 3944,
			lateFeeAmount: 39.44,
			lateFeeAmountFormatted: '$39.44',
		});
		expect(fees.byCustomer).toEqual([
			expect.objectContaining({ customer: 'Acme', invoiceCount: 2, amountMinor: 2853 }),
			expect.objectContaining({ customer: 'Globex', invoiceCount: 1, amountMinor: 1091 }),
		]);
		expect(fees.invoices.map((line) => [line.number, line.daysLate, line.interestMinor])).toEqual([
			['A-1', 30, 2517],
			['G-1', 60, 1007],
			['A-2', 10, 336],
		]);
		expect(fees.invoices[1]).toMatchObject({
			currency: 'EUR',
			totalFormatted: '€10.07',
			convertedAmountMinor: 1091,
		});
		// Shown to people in every render, and said never to be posted.
		expect(report.renders.markdown).toContain('## Late fees and interest (3 invoices, $39.44)');
		expect(report.renders.markdown).toContain('never posted');
		expect(report.renders.html).toContain('Late fees and interest: $39.44');
		expect(JSON.stringify(report.renders.slack)).toContain('Late fees and interest: $39.44');
	});

	it('1.5% a month per started month', () => {
		// due 10-23, one month started by 11-22 (the anniversary is not reached): 2,500.00 × 1.5% = $37.50
		// due 11-12, one month started: 1,000.00 × 1.5% = $15.00
		// G-1: due 09-23, two months started: 500.00 × 3% = €15.00; × 1.0834 = 1,625.1 → $16.25
		// Total: 37.50 + 15.00 + 16.25 = $68.75.
		const report = buildCollectionsReport(book, {
			...options,
			renders: false,
			lateFees: { kind: 'monthly_percent', monthlyPercent: 1.5 },
		});
		expect(report.lateFees!.amountMinor).toBe(6875);
		expect(report.lateFees!.invoices.map((line) => line.totalMinor)).toEqual([3750, 1500, 1500]);
	});

	it('a fixed fee after 15 grace days, in the invoice currency', () => {
		// 30 − 15 = 15 days late: $25.00. A-2: 10 days, inside the grace: nothing.
		// G-1: €25.00 × 1.0834 = 2,708.5 → $27.09 (half away from zero). Total $52.09 on 2 invoices.
		const report = buildCollectionsReport(book, {
			...options,
			renders: false,
			lateFees: { kind: 'fixed', fixedMinor: 2500, graceDays: 15 },
		});
		expect(report.lateFees).toMatchObject({ invoiceCount: 2, amountMinor: 5209 });
		expect(report.lateFees!.invoices.map((line) => [line.number, line.daysLate])).toEqual([
			['G-1', 45],
			['A-1', 15],
		]);
	});

	it('does not depend on item order, and is absent without a policy', () => {
		const policy = { kind: 'statutory', referenceRatePercent: 4.25 } as const;
		const forward = buildCollectionsReport(book, { ...options, renders: false, lateFees: policy });
		const backward = buildCollectionsReport([...book].reverse(), {
			...options,
			renders: false,
			lateFees: policy,
		});
		const strip = (fees: typeof forward.lateFees) => ({
			...fees,
			invoices: fees!.invoices.map((line) => ({ ...line, item: 0 })),
		});
		expect(strip(backward.lateFees)).toEqual(strip(forward.lateFees));
		const none = buildCollectionsReport(book, options);
		expect(none.lateFees).toBeUndefined();
		expect(none.summary).not.toHaveProperty('lateFeeAmountMinor');
		expect(none.renders.markdown).not.toContain('Late fees');
	});

	it('a bad policy is refused with what to fix', () => {
		expect(() =>
			buildCollectionsReport(book, { ...options, lateFees: { kind: 'weekly' } as never }),
		).toThrow(/lateFees\.kind/);
	});
});

describe('the statement render: one statement of account per customer', () => {
	it('only when asked for by name; every open invoice with aging and total, as HTML and CSV', () => {
		expect(buildCollectionsReport(book, options).renders.statements).toBeUndefined();
		const report = buildCollectionsReport(book, { ...options, renders: { statements: true } });
		const statements = report.renders.statements!;
		expect(statements.map((statement) => [statement.customerName, statement.rows.length])).toEqual([
			['Acme', 2],
			['Customer 4', 1],
			['Globex', 1],
		]);
		const acmeStatement = statements[0];
		expect(acmeStatement.totals).toEqual([{ currency: 'USD', amountDueMinor: usd(3500) }]);
		expect(acmeStatement.rows.map((row) => [row.number, row.daysPastDue, row.bucket])).toEqual([
			['A-1', 30, '1-30'],
			['A-2', 10, '1-30'],
		]);
		expect(acmeStatement.message.html).toContain('A-1');
		expect(acmeStatement.csv.split('\r\n')).toHaveLength(4);
		// The same statements src/statement builds (one home), from the counted open invoices.
		const direct = buildStatements(book as Invoice[], { asOf, fallbackLocale: 'en-US' });
		expect(direct.find((statement) => statement.customerKey === 'c1')).toEqual(acmeStatement);
		// Only the renders asked for.
		expect(report.renders.markdown).toBeUndefined();
	});

	it('a duplicated invoice is listed once, whatever the order', () => {
		const twice = [...book, { ...book[0] }];
		const forward = buildCollectionsReport(twice, { ...options, renders: { statements: true } });
		const backward = buildCollectionsReport([...twice].reverse(), {
			...options,
			renders: { statements: true },
		});
		expect(forward.renders.statements![0].rows).toHaveLength(2);
		expect(forward.renders.statements).toEqual(backward.renders.statements);
	});
});
