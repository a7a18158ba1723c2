/**
 * A lean item's payment state has no reason sentence and no daysUntilDue; the contract derives them from the invoice
 * where a person reads them (Escalation Gate's packet). The derived sentence is the one checkPaymentState writes,
 * for every state and every branch that picks a sentence.
 */
import {
	checkPaymentState,
	normalizeInvoice,
	paymentStateChecker,
	restorePaymentState,
	type Invoice,
	type PaymentStateOptions,
} from '../../src';

const options: PaymentStateOptions = {
	asOf: '2026-11-22T09:00:00Z',
	timezone: 'America/New_York',
	poRequired: false,
};

function invoice(fields: Record<string, unknown>, index: number): Invoice {
	const result = normalizeInvoice(
		{ id: `R-${index}`, customer: 'Acme', currency: 'USD', amountDue: 100, ...fields },
		{ source: 'generic' },
	);
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result.invoice;
}

const DUE = [
	'2026-06-01',
	'2026-11-21',
	'2026-11-22',
	'2026-11-23',
	'2026-11-25',
	'2027-01-10',
	'',
];
const VARIANTS: Array<Record<string, unknown>> = [
	{},
	{ status: 'draft' },
	{ status: 'void' },
	{ status: 'paid', amountPaid: 100, amountDue: 0 },
	{ amountDue: 0, total: 100 },
	{ disputed: true },
	{ optedOut: true },
	{ paused: true },
	{ automationPaused: true },
	{ status: 'uncollectible' },
	{ promiseDate: '2026-11-25' },
	{ promiseDate: '2026-11-01' },
	{ failedPaymentAttempts: 2 },
	{ poRequired: true },
	{ email: 'ap@acme.test', timezone: 'Asia/Tokyo' },
	{ issueDate: '2026-10-01' },
];

describe('restorePaymentState: the sentence of a lean payment state, derived from its invoice', () => {
	const cases = DUE.flatMap((dueDate) => VARIANTS.map((fields) => ({ dueDate, ...fields })));

	it.each(cases.map((fields, index) => [JSON.stringify(fields), fields, index] as const))(
		'%s',
		(_, fields, index) => {
			const subject = invoice(fields, index);
			const full = checkPaymentState(subject, options);
			const lean = paymentStateChecker(options, 'compact')(subject);
			expect(lean).not.toHaveProperty('reasons');
			const restored = restorePaymentState(lean, subject);
			expect(restored.reasons).toEqual(full.reasons);
			expect(restored.daysUntilDue).toBe(full.daysUntilDue);
			// The item's own object is not touched; a state that has its sentence comes back as it is.
			expect(lean).not.toHaveProperty('reasons');
			expect(restorePaymentState(full, subject)).toBe(full);
		},
	);

	it('covers every state', () => {
		const states = new Set(
			cases.map((fields, index) => checkPaymentState(invoice(fields, index), options).state),
		);
		expect([...states].sort()).toEqual(
			[
				'broken_promise',
				'disputed',
				'draft',
				'due_soon',
				'due_today',
				'failed_payment',
				'missing_po',
				'not_due',
				'opted_out',
				'overdue',
				'paid',
				'paused',
				'promised',
				'void',
			].sort(),
		);
	});
});
