/**
 * Late-fee wording leaves only when the policy enables fees, and only in the approved sentence (issue 17): lintStep
 * hands the lint the approved sentences filled with this message's figures, and the late_fee rule reads the rest.
 */
import {
	lintStep,
	planCadenceStep,
	type CadencePolicyInput,
	type MessageLibrary,
	DEFAULT_LIBRARY,
} from '../../src';
import { sampleInvoice } from '../helpers/invoices';

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
const asOf = '2026-10-30T10:00:00Z';
const fee = { totalMinor: 9384, currency: 'GBP', asOfDate: '2026-10-30' };

/** The shipped overdue-firm e-mail with one more sentence of the operator's own. */
function withSentence(sentence: string): MessageLibrary {
	const firm = DEFAULT_LIBRARY['overdue-firm'].email!;
	return {
		...DEFAULT_LIBRARY,
		'overdue-firm': {
			email: { ...firm, text: `${firm.text}\n${sentence}`, html: undefined },
		},
	};
}

describe('lintStep passes allowLateFees only through the approved wording', () => {
	const message = (text: string) => ({ subject: 'Invoice', text, cc: [] as string[] });
	const approved =
		'Under our payment terms, late-payment interest and fees of £93.84 have accrued on this invoice as of October 30, 2026.';

	it('late fee wording without a fee policy is refused', () => {
		const findings = lintStep(overdue(), { channel: 'email' }, message(approved), {});
		expect(findings.map((finding) => finding.rule)).toContain('late_fee');
	});

	it('late fee wording in the approved sentence passes when the policy enables fees', () => {
		const findings = lintStep(overdue(), { channel: 'email' }, message(approved), {}, fee);
		expect(findings.filter((finding) => finding.rule === 'late_fee')).toEqual([]);
	});

	it('late fee wording of the operator own passes no more when the policy enables fees', () => {
		const own = `${approved} A late fee of 10% will be charged every week from now on.`;
		const findings = lintStep(overdue(), { channel: 'email' }, message(own), {}, fee);
		expect(findings.map((finding) => finding.rule)).toContain('late_fee');
	});

	it('the approved sentence with other figures than the plan computed is refused', () => {
		const other = approved.replace('£93.84', '£930.84');
		const findings = lintStep(overdue(), { channel: 'email' }, message(other), {}, fee);
		expect(findings.map((finding) => finding.rule)).toContain('late_fee');
	});

	it('a German customer: the approved German sentence passes (non-breaking spaces and all)', () => {
		const plan = planCadenceStep(
			overdue('de-DE'),
			{ steps, lateFees: { ...uk, inCustomerText: true } },
			{ asOf },
		);
		expect(plan.action).toBe('send');
		expect(plan.message!.text).toContain('Verzugszinsen');
	});

	it('a custom template that adds its own fee threat under a fee policy is escalated, not sent', () => {
		const plan = planCadenceStep(
			overdue(),
			{ steps, lateFees: { ...uk, inCustomerText: true } },
			{
				asOf,
				templates: withSentence('A late fee of £50 will be charged if you do not pay by Friday.'),
			},
		);
		expect(plan.action).toBe('escalate');
		expect(plan.rule).toBe('guardrail');
		expect(plan.findings?.map((finding) => finding.rule)).toContain('late_fee');
	});
});
