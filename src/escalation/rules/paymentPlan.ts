import { replyIntentRule } from '../rule';

/** Installments, extensions or custom terms asked for in a reply. */
export const paymentPlan = replyIntentRule({
	code: 'payment_plan',
	key: 'paymentPlan',
	intent: 'payment_plan',
	priority: 'P3',
	label: 'Payment Plan or Custom Terms',
	description: 'A reply asks for installments, an extension or custom terms',
	reasonLabel: 'payment plan / terms',
	nextAction:
		'Decide on the requested plan or terms (amounts and dates) and confirm them in writing; automation stays paused meanwhile.',
	message: 'The customer asks for a payment plan, an extension or custom terms.',
});
