import {
	builtInLibraries,
	computeLateFees,
	evaluateEscalation,
	LateFeePolicySchema,
	lintRendered,
	planCadenceStep,
	renderMessage,
	SHIPPED_LANGUAGES,
	type CadencePolicyInput,
	type EscalationInput,
	type LateFeePolicyInput,
} from '../../src';
import { sampleInvoice } from '../helpers/invoices';

const policy = (input: LateFeePolicyInput) => LateFeePolicySchema.parse(input);
const invoice = (amountDueMinor: number, currency: string, dueOn: string | null) => ({
	amountDueMinor,
	currency,
	dueOn,
});

describe('late fees and interest, against worked examples written out by hand', () => {
	it('UK statutory: £2,500.00 30 days late at 4% base + 8 = 12% a year, plus £70 compensation', () => {
		// 2,500.00 × 12% × 30 / 365 = 24.6575… → £24.66; £1,000–£9,999.99 carries £70. Total £94.66.
		const fees = computeLateFees(
			invoice(250_000, 'GBP', '2026-10-01'),
			policy({ kind: 'statutory', referenceRatePercent: 4, compensation: 'uk' }),
			'2026-10-31',
		);
		expect(fees).toMatchObject({
			daysLate: 30,
			interestMinor: 2466,
			feeMinor: 7000,
			totalMinor: 9466,
			ratePercent: 12,
		});
	});

	it('UK compensation steps at £1,000 and £10,000', () => {
		const uk = policy({ kind: 'statutory', referenceRatePercent: 4, compensation: 'uk' });
		const fee = (minor: number) =>
			computeLateFees(invoice(minor, 'GBP', '2026-10-01'), uk, '2026-10-02').feeMinor;
		expect([fee(99_999), fee(100_000), fee(999_999), fee(1_000_000)]).toEqual([
			4000, 7000, 7000, 10_000,
		]);
	});

	it('EU directive: €10,000.00 45 days late at 2.15% + 8 = 10.15% a year, plus €40', () => {
		// 10,000.00 × 10.15% × 45 / 365 = 125.1369… → €125.14; + €40.00 = €165.14.
		const fees = computeLateFees(
			invoice(1_000_000, 'EUR', '2026-09-15'),
			policy({ kind: 'statutory', referenceRatePercent: 2.15, compensation: 'eu' }),
			'2026-10-30',
		);
		expect(fees).toMatchObject({
			daysLate: 45,
			interestMinor: 12_514,
			feeMinor: 4000,
			totalMinor: 16_514,
			ratePercent: 10.15,
		});
	});

	it('1.5% a month per started month: $1,200.00 44 days late is 2 months, $36.00', () => {
		// Due 2 March; 15 April is in the second month after it: 1,200.00 × 1.5% × 2 = 36.00.
		const fees = computeLateFees(
			invoice(120_000, 'USD', '2026-03-02'),
			policy({ kind: 'monthly_percent', monthlyPercent: 1.5 }),
			'2026-04-15',
		);
		expect(fees).toMatchObject({ daysLate: 44, interestMinor: 3600, totalMinor: 3600 });
		// Exactly one month later is still the first month: $18.00.
		expect(
			computeLateFees(
				invoice(120_000, 'USD', '2026-03-02'),
				policy({ kind: 'monthly_percent', monthlyPercent: 1.5 }),
				'2026-04-02',
			).interestMinor,
		).toBe(1800);
	});

	it('1.5% a month pro rata: $1,200.00 × 18% a year × 44 / 365 = 26.0383… → $26.04', () => {
		expect(
			computeLateFees(
				invoice(120_000, 'USD', '2026-03-02'),
				policy({ kind: 'monthly_percent', monthlyPercent: 1.5, accrual: 'daily' }),
				'2026-04-15',
			).interestMinor,
		).toBe(2604);
	});

	it('a fixed fee of $25.00 once late, never within the grace days', () => {
		const fixed = policy({ kind: 'fixed', fixedMinor: 2500, graceDays: 5 });
		const on = (date: string) =>
			computeLateFees(invoice(50_000, 'USD', '2026-03-02'), fixed, date).totalMinor;
		expect([on('2026-03-02'), on('2026-03-07'), on('2026-03-08'), on('2026-06-30')]).toEqual([
			0, 0, 2500, 2500,
		]);
	});

	it('zero decimals: ¥150,000 100 days late at 0.5% + 8 = 8.5% is ¥3,493 (3,493.15…)', () => {
		expect(
			computeLateFees(
				invoice(150_000, 'JPY', '2026-01-01'),
				policy({ kind: 'statutory', referenceRatePercent: 0.5 }),
				'2026-04-11',
			),
		).toMatchObject({ daysLate: 100, interestMinor: 3493, feeMinor: 0 });
	});

	it('nothing before the due date, on a paid invoice, or without a due date', () => {
		const statutory = policy({ kind: 'statutory', referenceRatePercent: 4, compensation: 'uk' });
		expect(
			computeLateFees(invoice(10_000, 'GBP', '2026-12-10'), statutory, '2026-12-02').totalMinor,
		).toBe(0);
		expect(
			computeLateFees(invoice(0, 'GBP', '2026-01-10'), statutory, '2026-12-02').totalMinor,
		).toBe(0);
		expect(computeLateFees(invoice(10_000, 'GBP', null), statutory, '2026-12-02').totalMinor).toBe(
			0,
		);
	});

	it('refuses a rate with more than four decimals', () => {
		expect(() => policy({ kind: 'statutory', referenceRatePercent: 4.123456 })).toThrow(
			/four decimals/,
		);
	});
});

describe('late fees in the plan, the packet and the customer text', () => {
	const steps: CadencePolicyInput['steps'] = [
		{ id: 'firm', offsetDays: 14, channel: 'email', tone: 'firm', template: 'overdue-firm' },
	];
	const uk = { kind: 'statutory', referenceRatePercent: 4, compensation: 'uk' } as const;
	const overdue = (locale?: string) =>
		sampleInvoice({
			currency: 'GBP',
			totalMinor: 250_000,
			amountDueMinor: 250_000,
			dueOn: '2026-10-01',
			customer: { id: 'c1', name: 'Hooli Ltd', ...(locale ? { locale } : {}) },
		});
	// A Friday, 29 days late: 2,500.00 × 12% × 29 / 365 = 23.8356… → £23.84, + £70 = £93.84.
	const asOf = '2026-10-30T10:00:00Z';

	it('the plan shows them to a person; the customer text stays silent unless the policy enables it', () => {
		const plan = planCadenceStep(overdue(), { steps, lateFees: uk }, { asOf });
		expect(plan.action).toBe('send');
		expect(plan.lateFees).toMatchObject({ totalMinor: 9384, daysLate: 29 });
		expect(plan.message!.text).not.toMatch(/interest|fee/i);
		const packet = evaluateEscalation(
			{
				invoice: overdue(),
				// The cadence hands the invoice to a person: the packet is what that person reads.
				cadence: { ...plan, action: 'escalate' } as unknown as EscalationInput['cadence'],
			},
			{ packet: { formats: ['text'] } },
			{ asOf },
		).packet;
		expect(packet?.facts.lateFees).toBe(
			'£93.84 (12% a year (4% reference + 8 points) for 29 days plus the fixed compensation)',
		);
	});

	it('with inCustomerText the approved sentence states them, in the customer language, and passes the lint', () => {
		const policy = { steps, lateFees: { ...uk, inCustomerText: true } };
		const english = planCadenceStep(overdue(), policy, { asOf });
		expect(english.action).toBe('send');
		expect(english.message!.text).toContain(
			'late-payment interest and fees of £93.84 have accrued on this invoice as of October 30, 2026',
		);
		const german = planCadenceStep(overdue('de-DE'), policy, { asOf });
		expect(german.action).toBe('send');
		expect(german.message!.text.replace(/\u00a0/g, ' ')).toContain(
			'bis zum 30. Oktober 2026 Verzugszinsen und Gebühren in Höhe von 93,84 £ angefallen',
		);
	});

	it.each([
		['en-GB', '£93.84'],
		['de-DE', '93,84 £'],
		['fr-FR', '93,84 £GB'],
		['es-ES', '93,84 GBP'],
		['nl-NL', '£ 93,84'],
	])(
		'%s: the approved sentence goes out only with inCustomerText, and the invoice itself is never changed',
		(locale, fee) => {
			const invoice = overdue(locale);
			const before = JSON.stringify(invoice);
			const silent = planCadenceStep(invoice, { steps, lateFees: uk }, { asOf });
			const stated = planCadenceStep(
				invoice,
				{ steps, lateFees: { ...uk, inCustomerText: true } },
				{ asOf },
			);
			expect([silent.action, stated.action]).toEqual(['send', 'send']);
			const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
			expect(spaced(silent.message!.text)).not.toContain(fee);
			expect(spaced(stated.message!.text)).toContain(fee);
			// Shown and stated, never posted: the amounts on the invoice stay the source's own.
			expect(JSON.stringify(invoice)).toBe(before);
			expect(stated.lateFees).toMatchObject({ totalMinor: 9384 });
			expect(invoice.amountDueMinor).toBe(250_000);
		},
	);

	it('the same sentence without the policy is refused by the guardrail lint, in every language', () => {
		for (const language of SHIPPED_LANGUAGES) {
			const out = renderMessage(builtInLibraries()[language]['overdue-firm'].email!, overdue(), {
				asOfDate: '2026-10-31',
				lateFee: { totalMinor: 9466, currency: 'GBP', asOfDate: '2026-10-31' },
			});
			expect({ language, rules: lintRendered(out).map((finding) => finding.rule) }).toEqual({
				language,
				rules: ['late_fee'],
			});
			expect(lintRendered(out, { allowLateFees: true })).toEqual([]);
		}
	});
});
