/** Aggregation, currencies, skipped items, activity counts, stalled accounts, the trend and the renders. */
import {
	buildCollectionsReport,
	compareReportHeadlines,
	convertFxMinor,
	fxConversion,
	parseFxRate,
	reportCsvField,
	type FxConversion,
} from '../../src/report';
import { checkPaymentState } from '../../src/state';
import { invoice, usd } from '../helpers/reportFixtures';

const asOf = '2026-11-22';

function conversion(from: string, to: string, rate: unknown): FxConversion {
	const result = fxConversion(from, to, rate);
	if ('error' in result) throw new Error(result.error);
	return result;
}

describe('exact currency conversion', () => {
	it('reads the rate from its decimal text, not from binary floating point', () => {
		expect(parseFxRate(1.0834)).toEqual({ numerator: 5417, denominator: 5000, text: '1.0834' });
		expect(parseFxRate('0.1')).toMatchObject({ numerator: 1, denominator: 10 });
		expect(parseFxRate(1e-7)).toMatchObject({ numerator: 1, denominator: 10_000_000 });
		expect(parseFxRate(0)).toBeNull();
		expect(parseFxRate(-1)).toBeNull();
		expect(parseFxRate('abc')).toBeNull();
	});

	it('rounds once per amount, half away from zero, across currencies with 0, 2 and 3 decimals', () => {
		// 0.1 × 3 in floating point is 0.30000000000000004; here 3 cents at 0.1 is exactly 0.3 → 0 cents (half rounds up at 0.5 only).
		expect(convertFxMinor(3, conversion('EUR', 'USD', '0.1'))).toBe(0);
		expect(convertFxMinor(5, conversion('EUR', 'USD', '0.1'))).toBe(1); // 0.5 → 1
		expect(convertFxMinor(-5, conversion('EUR', 'USD', '0.1'))).toBe(-1); // −0.5 → −1
		// ¥1,235 (0 decimals) at 0.0067 USD = $8.2745 → 827 cents.
		expect(convertFxMinor(1235, conversion('JPY', 'USD', 0.0067))).toBe(827);
		// KWD 1.235 (3 decimals: 1235 fils) at 3.25 = $4.01375 → 401 cents.
		expect(convertFxMinor(1235, conversion('KWD', 'USD', 3.25))).toBe(401);
		// $10.00 into JPY at 151.37 = ¥1,513.7 → ¥1,514.
		expect(convertFxMinor(1000, conversion('USD', 'JPY', '151.37'))).toBe(1514);
	});

	it('stays exact past 2^53 with BigInt', () => {
		// 9,000,000,000,000 cents × 1.23456789: the product passes 2^53, so the BigInt path runs.
		const amount = 9_000_000_000_000;
		expect(convertFxMinor(amount, conversion('EUR', 'USD', '1.23456789'))).toBe(
			Number((BigInt(amount) * 123456789n + 50000000n) / 100000000n),
		);
	});
});

describe('a mixed-currency book', () => {
	const book = [
		invoice({ currency: 'USD', amountDueMinor: usd(1000), dueOn: '2026-11-10' }), // 12 days past due
		invoice({ currency: 'EUR', amountDueMinor: 50_000, dueOn: '2026-09-01' }), // €500.00, 82 days
		invoice({ currency: 'JPY', amountDueMinor: 150_000, dueOn: '2026-12-15' }), // ¥150,000, not due
		invoice({ currency: 'KWD', amountDueMinor: 1_235, dueOn: '2026-06-01' }), // KWD 1.235, 174 days
		invoice({ currency: 'GBP', amountDueMinor: 99_999, dueOn: '2026-06-01' }), // no rate: skipped
	];
	const fxRates = { EUR: '1.0834', JPY: '0.0067', KWD: 3.25 };
	const report = buildCollectionsReport(book, { asOf, currency: 'USD', fxRates, renders: false });

	it('converts each invoice once and sums integers', () => {
		// USD 100,000 + EUR 500.00 × 1.0834 = 54,170 + ¥150,000 × 0.0067 = $1,005.00 → 100,500 + KWD 1.235 × 3.25 = 401.375 → 401
		expect(report.summary.openAmountMinor).toBe(100_000 + 54_170 + 100_500 + 401);
		expect(report.byBucket['1-30'].amountMinor).toBe(100_000);
		expect(report.byBucket['61-90'].amountMinor).toBe(54_170);
		expect(report.byBucket.not_due.amountMinor).toBe(100_500);
		expect(report.byBucket['91+'].amountMinor).toBe(401);
		expect(report.summary.openAmountFormatted).toBe('$2,550.71');
	});

	it('keeps per-currency totals in the original currency beside the converted ones', () => {
		const byCode = Object.fromEntries(report.byCurrency.map((cell) => [cell.currency, cell]));
		expect(byCode.EUR).toMatchObject({
			amountMinor: 50_000,
			amountFormatted: '€500.00',
			convertedAmountMinor: 54_170,
			rate: '1.0834',
		});
		expect(byCode.JPY).toMatchObject({
			amountMinor: 150_000,
			amountFormatted: '¥150,000',
			convertedAmountMinor: 100_500,
		});
		expect(byCode.KWD).toMatchObject({ amountMinor: 1_235, convertedAmountMinor: 401 });
		expect(byCode.GBP).toBeUndefined();
	});

	it('never sums a currency without a rate: it is skipped with a reason', () => {
		expect(report.summary.skippedCount).toBe(1);
		expect(report.skipped[0]).toMatchObject({
			item: 4,
			reason: expect.stringMatching(/no exchange rate for GBP/),
		});
	});

	it('is independent of the order of the items', () => {
		const reversed = buildCollectionsReport([...book].reverse(), {
			asOf,
			currency: 'USD',
			fxRates,
			renders: false,
		});
		expect(reversed.summary.openAmountMinor).toBe(report.summary.openAmountMinor);
		expect(reversed.byBucket).toEqual(report.byBucket);
	});

	it('refuses a malformed rate with a reason rather than guessing', () => {
		const bad = buildCollectionsReport(book.slice(0, 2), {
			asOf,
			currency: 'USD',
			fxRates: { EUR: 'one point oh eight' },
			renders: false,
		});
		expect(bad.skipped[0].reason).toMatch(
			/exchange rate for EUR .* is not a positive decimal number/,
		);
	});
});

describe('an empty book', () => {
	it('reports zeros and nulls, renders everything, and does not throw', () => {
		const report = buildCollectionsReport([], { asOf, currency: 'EUR' });
		expect(report.summary).toMatchObject({
			openCount: 0,
			openAmountMinor: 0,
			overdueAmountMinor: 0,
			skippedCount: 0,
		});
		expect(report.metrics.dso).toEqual({ simple: null, countback: 0, countbackComplete: true });
		expect(report.metrics.promiseKeptRate).toBeNull();
		expect(report.metrics.paidWithin7DaysRate).toBeNull();
		expect(report.renders.html).toContain('Collections report');
		expect(report.renders.markdown).toContain('€0.00');
		expect(report.renders.csv!.split('\r\n')).toHaveLength(2); // header + trailing line end
		expect(report.renders.slack!.blocks.length).toBeGreaterThan(0);
	});

	it('defaults the reporting currency to the first invoice’s currency', () => {
		expect(
			buildCollectionsReport([invoice({ currency: 'CHF' })], { asOf, renders: false }).currency,
		).toBe('CHF');
	});
});

describe('what comes in', () => {
	it('accepts node output items and plain invoices, and says why anything else is skipped', () => {
		const plain = invoice({ amountDueMinor: usd(100), dueOn: '2026-11-01' });
		const withState = invoice({ amountDueMinor: usd(200), dueOn: '2026-11-01' });
		const items = [
			plain,
			{ invoice: withState, paymentState: checkPaymentState(withState, { asOf }) },
			{ json: { invoice: invoice({ amountDueMinor: usd(300) }) } }, // an n8n item, unwrapped
			{ something: 'else' },
			{ invoice: { ...invoice(), amountDueMinor: 12.5 } },
			{ invoice: { ...invoice(), dueOn: '2026-02-31' } },
			'not even an object',
		];
		const report = buildCollectionsReport(items, { asOf, currency: 'USD', renders: false });
		expect(report.summary.openCount).toBe(3);
		expect(report.skipped.map((entry) => [entry.item, entry.reason])).toEqual([
			[3, expect.stringMatching(/no invoice on the item/)],
			[4, 'invoice.amountDueMinor: must be an integer amount in minor units'],
			[5, expect.stringMatching(/invoice.dueOn: "2026-02-31" is not a calendar date/)],
			[6, expect.stringMatching(/no invoice on the item/)],
		]);
		expect(report.summary.skippedCount).toBe(4);
	});

	it('re-ages an invoice whose payment state was computed for another day', () => {
		const stale = invoice({ amountDueMinor: usd(100), dueOn: '2026-11-01' });
		const report = buildCollectionsReport(
			[{ invoice: stale, paymentState: checkPaymentState(stale, { asOf: '2026-10-01' }) }],
			{
				asOf,
				currency: 'USD',
				renders: false,
			},
		);
		expect(report.summary.overdueCount).toBe(1);
		expect(report.byBucket['1-30'].count).toBe(1);
	});

	it('counts an invoice that appears in several items once for money, and every item’s activity', () => {
		const one = invoice({ amountDueMinor: usd(100), dueOn: '2026-11-01' });
		const report = buildCollectionsReport(
			[
				{
					invoice: one,
					cadence: {
						action: 'send',
						step: { id: 'first' },
						reason: 'due',
						recorded: { status: 'sent' },
					},
				},
				{
					invoice: one,
					triage: { intent: 'question', intents: ['question'], escalate: false, extracted: {} },
				},
			],
			{ asOf, currency: 'USD', renders: false },
		);
		expect(report.summary).toMatchObject({
			openCount: 1,
			openAmountMinor: usd(100),
			duplicateCount: 1,
			remindersSent: 1,
			repliesReceived: 1,
		});
	});
});

describe('activity, disputes, owners, recovered money and stalled accounts', () => {
	const ana = { name: 'Ana Ruiz', email: 'ana@example.com' };
	const ben = { name: 'Ben Okafor' };
	const items = [
		// Reminder sent today on an overdue invoice: active, not stalled.
		{
			invoice: invoice({
				amountDueMinor: usd(5000),
				dueOn: '2026-10-01',
				owner: ana,
				customer: { name: 'Acme', id: 'c1' },
			}),
			cadence: { action: 'send', reason: 'step due', recorded: { status: 'sent' } },
		},
		// Failed send does not count as a reminder.
		{
			invoice: invoice({ amountDueMinor: usd(700), dueOn: '2026-11-20', owner: ana }),
			cadence: { action: 'send', reason: 'x', recorded: { status: 'failed' } },
		},
		// A dispute reply, escalated to Ben.
		{
			invoice: invoice({
				amountDueMinor: usd(3000),
				dueOn: '2026-10-15',
				owner: ana,
				customer: { name: 'Globex', id: 'c2' },
			}),
			triage: { intent: 'dispute', intents: ['dispute'], escalate: true, extracted: {} },
			escalation: { escalate: true, reasons: ['dispute'], priority: 'P2', owner: ben },
		},
		// An out-of-office is not a reply.
		{
			invoice: invoice({ amountDueMinor: usd(100), dueOn: '2026-12-01' }),
			triage: {
				intent: 'out_of_office',
				intents: ['out_of_office'],
				escalate: false,
				extracted: {},
			},
		},
		// Overdue 60 days, last touched 30 days ago, never answered: stalled.
		invoice({
			amountDueMinor: usd(8000),
			dueOn: '2026-09-23',
			owner: ben,
			customer: { name: 'Initech', id: 'c3' },
			lastTouchAt: '2026-10-23T09:00:00Z',
		}),
		// Same customer, newer overdue invoice, no touch: still one stalled account.
		invoice({
			amountDueMinor: usd(1000),
			dueOn: '2026-11-05',
			owner: ben,
			customer: { name: 'Initech', id: 'c3' },
		}),
		// Overdue 10 days, no touch: not stalled yet (14 days).
		invoice({
			amountDueMinor: usd(400),
			dueOn: '2026-11-12',
			customer: { name: 'Hooli', id: 'c4' },
		}),
		// Overdue with a pending promise: waiting is the plan, not stalled.
		invoice({
			amountDueMinor: usd(900),
			dueOn: '2026-09-01',
			customer: { name: 'Umbrella', id: 'c5' },
			promise: { date: '2026-11-25' },
		}),
		// Paid late (after due) in the period: recovered.
		invoice({
			lifecycle: 'paid',
			status: 'paid',
			amountDueMinor: 0,
			amountPaidMinor: usd(2500),
			totalMinor: usd(2500),
			dueOn: '2026-10-01',
			paidOn: '2026-10-20',
		}),
		// Paid on time without a reminder: an ordinary collection.
		invoice({
			lifecycle: 'paid',
			status: 'paid',
			amountDueMinor: 0,
			amountPaidMinor: usd(999),
			totalMinor: usd(999),
			dueOn: '2026-11-01',
			paidOn: '2026-10-30',
		}),
		// Paid, no payment date, but we had reminded them: recovered.
		invoice({
			lifecycle: 'paid',
			status: 'paid',
			amountDueMinor: 0,
			amountPaidMinor: usd(300),
			totalMinor: usd(300),
			dueOn: '2026-11-01',
			lastTouchAt: '2026-11-03T10:00:00Z',
		}),
		// Written off: not a receivable.
		invoice({
			lifecycle: 'uncollectible',
			status: 'uncollectible',
			amountDueMinor: usd(640),
			dueOn: '2026-03-01',
		}),
		// A draft and a void: not receivables, but counted by state.
		invoice({ lifecycle: 'draft', status: 'draft', amountDueMinor: usd(50) }),
		invoice({ lifecycle: 'void', status: 'void', amountDueMinor: 0, totalMinor: usd(50) }),
	];
	const report = buildCollectionsReport(items, { asOf, currency: 'USD', renders: false });

	it('counts reminders, human replies and escalations', () => {
		expect(report.summary).toMatchObject({ remindersSent: 1, repliesReceived: 1, escalations: 1 });
	});

	it('sums disputed, recovered and written-off money apart from the open book', () => {
		expect(report.summary.disputedAmountMinor).toBe(usd(3000));
		expect(report.summary.recoveredAmountMinor).toBe(usd(2500) + usd(300));
		expect(report.summary.recoveredCount).toBe(2);
		expect(report.summary.writtenOffAmountMinor).toBe(usd(640));
		expect(report.summary.openAmountMinor).toBe(
			usd(5000 + 700 + 3000 + 100 + 8000 + 1000 + 400 + 900),
		);
		expect(report.byState).toMatchObject({
			draft: { count: 1 },
			void: { count: 1 },
			paid: { count: 3 },
		});
		// The dispute came in a reply: the money counts as disputed before anyone flags it at the source.
		expect(report.byState.disputed).toBeUndefined();
	});

	it('lists stalled accounts with the reason, one per customer', () => {
		expect(report.stalled.map((account) => account.customer)).toEqual(['Initech']);
		expect(report.stalled[0]).toMatchObject({
			overdueCount: 2,
			overdueAmountMinor: usd(9000),
			lastActivityOn: '2026-10-23',
			daysIdle: 30,
			owner: 'Ben Okafor',
		});
		expect(report.stalled[0].reason).toBe(
			'no touch, reply or payment for 30 days (last on 2026-10-23)',
		);
	});

	it('gives each owner their open money and what needs them', () => {
		const byName = Object.fromEntries(report.byOwner.map((cell) => [cell.owner, cell]));
		expect(byName['Ana Ruiz']).toMatchObject({
			count: 3,
			amountMinor: usd(8700),
			actions: { disputes: 1, escalations: 0 },
		});
		expect(byName['Ben Okafor']).toMatchObject({
			overdueAmountMinor: usd(9000),
			actions: { escalations: 1, stalledAccounts: 1 },
		});
		expect(byName.Unassigned).toBeDefined();
	});

	it('ranks the largest overdue invoices', () => {
		expect(report.topOverdue.map((line) => line.convertedAmountMinor)).toEqual([
			usd(8000),
			usd(5000),
			usd(3000),
			usd(1000),
			usd(900),
			usd(700),
			usd(400),
		]);
		expect(report.topOverdue[0]).toMatchObject({
			customer: 'Initech',
			daysPastDue: 60,
			bucket: '31-60',
			convertedAmountFormatted: '$8,000.00',
		});
	});

	it('respects stalledDays', () => {
		const strict = buildCollectionsReport(items, {
			asOf,
			currency: 'USD',
			stalledDays: 7,
			renders: false,
		});
		expect(strict.stalled.map((account) => account.customer).sort()).toEqual(['Hooli', 'Initech']);
	});
});

describe('trend', () => {
	it('shows DSO change, overdue change and bucket movement against the previous headline', () => {
		const sales = { '2026-09': 30_000, '2026-10': 31_000, '2026-11': 22_000 };
		const before = buildCollectionsReport(
			[invoice({ amountDueMinor: usd(10_000), dueOn: '2026-11-10' })],
			{
				asOf: '2026-11-15',
				currency: 'USD',
				creditSalesByMonth: sales,
				renders: false,
			},
		);
		const after = buildCollectionsReport(
			[invoice({ amountDueMinor: usd(10_000), dueOn: '2026-10-10' })],
			{
				asOf,
				currency: 'USD',
				creditSalesByMonth: sales,
				previous: before.headline,
			},
		);
		expect(after.trend).toMatchObject({
			previousAsOf: '2026-11-15',
			overdueAmountChangeMinor: 0,
			buckets: {
				'1-30': { amountChangeMinor: -usd(10_000) },
				'31-60': { amountChangeMinor: usd(10_000) },
			},
		});
		expect(after.trend!.text).toMatch(/^Since 2026-11-15: DSO [+−]/);
		expect(after.renders.html).toContain(after.trend!.text.replace(/:/, ':'));
		// Another currency is not comparable.
		expect(
			compareReportHeadlines({ ...after.headline, currency: 'EUR' }, before.headline, String),
		).toBeNull();
		expect(compareReportHeadlines(after.headline, { nonsense: true }, String)).toBeNull();
	});
});

describe('CSV of open invoices', () => {
	it('quotes commas, quotes and line breaks (RFC 4180)', () => {
		expect(reportCsvField('Smith, Jones & Co')).toBe('"Smith, Jones & Co"');
		expect(reportCsvField('The "Best" Ltd')).toBe('"The ""Best"" Ltd"');
		expect(reportCsvField('Line one\nLine two')).toBe('"Line one\nLine two"');
		expect(reportCsvField('CR\rLF')).toBe('"CR\rLF"');
		expect(reportCsvField('plain')).toBe('plain');
		expect(reportCsvField(null)).toBe('');
		expect(reportCsvField(42)).toBe('42');
	});

	it('defuses spreadsheet formulas: cells starting with = + - @ tab or CR get a leading quote', () => {
		expect(reportCsvField('=HYPERLINK("http://evil.example","click")')).toBe(
			`"'=HYPERLINK(""http://evil.example"",""click"")"`,
		);
		expect(reportCsvField('+1-555-0100')).toBe("'+1-555-0100");
		expect(reportCsvField('-2+3')).toBe("'-2+3");
		expect(reportCsvField('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
		expect(reportCsvField('\t=1+1')).toBe("'\t=1+1");
		expect(reportCsvField('\r=1+1')).toBe(`"'\r=1+1"`);
		expect(reportCsvField('a=b')).toBe('a=b');
	});

	it('writes the open invoices, CRLF-terminated, with hostile customer names made safe', () => {
		const report = buildCollectionsReport(
			[
				invoice({
					number: '=1+1',
					amountDueMinor: usd(12.5),
					dueOn: '2026-11-01',
					customer: { name: 'Smith, "Jones"\nand Co' },
				}),
				invoice({ amountDueMinor: usd(7), dueOn: '2026-12-01', customer: { name: '@risk GmbH' } }),
				invoice({
					lifecycle: 'paid',
					status: 'paid',
					amountDueMinor: 0,
					amountPaidMinor: usd(5),
					totalMinor: usd(5),
				}),
			],
			{ asOf, currency: 'USD' },
		);
		const csv = report.renders.csv!;
		expect(csv.endsWith('\r\n')).toBe(true);
		const lines = csv.split('\r\n');
		expect(lines[0]).toBe(
			'invoice_number,invoice_id,customer,customer_id,owner,state,aging_bucket,days_past_due,issued_on,due_on,currency,amount_due,amount_due_USD,disputed,promised_on,contact_email,payment_url',
		);
		expect(lines[1]).toMatch(
			/^'=1\+1,inv_\d+,"Smith, ""Jones""\nand Co",,Unassigned,overdue,1-30,21,2026-08-01,2026-11-01,USD,12\.50,12\.50,false,,ap@example\.com,$/,
		);
		expect(lines[2]).toMatch(/^INV-\d+,inv_\d+,'@risk GmbH,/);
		expect(lines).toHaveLength(4); // header, two open invoices, and the empty string after the final CRLF
	});
});

describe('renders', () => {
	const report = buildCollectionsReport(
		[
			invoice({
				amountDueMinor: usd(1200),
				dueOn: '2026-10-01',
				customer: { name: '<script>alert(1)</script> Corp' },
			}),
			invoice({ amountDueMinor: usd(800), dueOn: '2026-12-01' }),
		],
		{ asOf, currency: 'USD' },
	);

	it('HTML is email-safe: tables and inline styles, no script, no flexbox or grid, no external resources', () => {
		const html = report.renders.html!;
		expect(html).not.toMatch(/<script/i);
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Corp');
		expect(html).not.toMatch(/display:\s*(flex|grid)/i);
		expect(html).not.toMatch(/<style|<link|<img|url\(|https?:\/\//i);
		expect(html).toMatch(/<table role="presentation"/);
		expect(html).toMatch(/bgcolor="#d9573f"|bgcolor="#e8873a"|bgcolor="#a3303f"|bgcolor="#e8b73a"/);
	});

	it('SVG is standalone and escaped', () => {
		expect(report.renders.svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
		expect(report.renders.svg).not.toMatch(/<script|href=/i);
	});

	it('Slack blocks stay inside Block Kit limits', () => {
		const { blocks, text } = report.renders.slack!;
		expect(text).toMatch(/overdue of \$2,000\.00 open/);
		expect(blocks.length).toBeLessThanOrEqual(50);
		expect(blocks[0]).toMatchObject({ type: 'header' });
		expect(JSON.stringify(blocks)).toContain('&lt;script&gt;');
		for (const block of blocks as Array<{ fields?: unknown[]; text?: { text: string } }>) {
			if (block.fields) expect(block.fields.length).toBeLessThanOrEqual(10);
			if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
		}
	});

	it('Markdown escapes table-breaking characters', () => {
		const md = buildCollectionsReport(
			[invoice({ amountDueMinor: usd(5), dueOn: '2026-11-01', customer: { name: 'A | B' } })],
			{ asOf, currency: 'USD' },
		).renders.markdown!;
		expect(md).toContain('A \\| B');
	});

	it('rendered lists follow List Length and say how many more there are', () => {
		const many = Array.from({ length: 12 }, (_, at) =>
			invoice({
				amountDueMinor: usd(100 + at),
				dueOn: '2026-09-01',
				customer: { name: `Stalled ${at}`, id: `s${at}` },
			}),
		);
		const md = buildCollectionsReport(many, {
			asOf,
			currency: 'USD',
			topCount: 3,
			renders: { markdown: true },
		}).renders.markdown!;
		expect(md).toContain('## Stalled accounts (12)');
		expect(md).toContain('…and 9 more.');
		expect(md.match(/^\| Stalled \d+ \|/gm)).toHaveLength(3);
	});

	it('produces only the renders asked for', () => {
		const only = buildCollectionsReport([invoice()], {
			asOf,
			currency: 'USD',
			renders: { markdown: true },
		});
		expect(Object.keys(only.renders)).toEqual(['markdown']);
	});
});

describe('options are checked, with a reason', () => {
	it.each([
		[{ currency: 'dollars' }, /reporting currency "dollars"/],
		[{ creditSalesByMonth: { 'Nov 2026': 1 } }, /"Nov 2026" is not a month/],
		[{ creditSalesByMonth: { '2026-11': -5 } }, /is not an amount ≥ 0/],
		[{ beginningReceivables: 'lots' }, /beginningReceivables "lots"/],
		[{ stalledDays: 0 }, /stalledDays/],
		[{ periodMonths: 0 }, /periodMonths/],
		[{ timezone: 'Mars/Olympus' }, /time zone "Mars\/Olympus"/],
	])('%j', (options, message) => {
		expect(() => buildCollectionsReport([invoice()], { asOf, ...options })).toThrow(message);
	});
});
