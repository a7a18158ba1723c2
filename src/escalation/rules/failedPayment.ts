import { z } from 'zod';

import { defineEscalationRule } from '../rule';

const LINK_PROBLEM =
	/\b(?:(?:payment\s+)?link\s+(?:(?:does\s*n[o']t|did\s*n[o']t|does not|did not|won'?t|is\s*n[o']t|is not)\s+work|(?:is\s+|was\s+)?(?:broken|expired|invalid|dead))|(?:card|payment)\s+(?:was\s+)?(?:declined|rejected|failed)|can(?:no|')t\s+pay\s+(?:online|through|via|with)\s+the\s+link)/i;

export const failedPayment = defineEscalationRule({
	code: 'failed_payment',
	key: 'failedPayment',
	priority: 'P2',
	label: 'Failed Payment or Payment Link',
	description: 'Failed payment attempts, or a reply about a broken payment link',
	reasonLabel: 'failed payment',
	nextAction:
		'Check why the payment or payment link failed and send a working link or another payment method.',
	answers: 'triage',
	threshold: {
		setting: 'minAttempts',
		label: 'Failed Attempts',
		default: 1,
		description: 'Failed payment attempts from which the invoice escalates',
	},
	settings: {
		minAttempts: z.number().int().min(1).default(1),
		/** A reply that says the payment link does not work, or the payment was declined. */
		detectLinkProblems: z.boolean().default(true),
	},
	fields: [
		{
			name: 'detectLinkProblems',
			displayName: 'Detect Payment Link Problems in Replies',
			type: 'boolean',
			setting: 'detectLinkProblems',
			description:
				'Whether "the link does not work" or "card declined" in a reply escalates under the Failed Payment rule',
		},
	],
	evaluate(context, settings) {
		const { invoice, triage } = context;
		if (invoice && !context.collectible) return null;
		const attempts = invoice?.failedPaymentAttempts ?? 0;
		const evidence: string[] = [];
		if (attempts >= settings.minAttempts) evidence.push(`${attempts} failed payment attempt(s)`);
		else if (
			context.input.paymentState?.state === 'failed_payment' ||
			context.signals.has('failed_payment')
		)
			evidence.push('payment state: failed payment');
		if (settings.detectLinkProblems && triage) {
			const texts = [
				triage.summary ?? '',
				...context.evidence(),
				context.input.reply?.text?.slice(0, 4000) ?? '',
			];
			for (const text of texts) {
				const match = LINK_PROBLEM.exec(text);
				if (match) {
					evidence.push(`"${match[0]}"`);
					break;
				}
			}
		}
		if (evidence.length === 0) return null;
		return {
			message:
				attempts >= settings.minAttempts
					? `A payment failed (${attempts} attempt(s)).`
					: 'The payment or the payment link failed.',
			evidence,
		};
	},
});
