import { defineEscalationRule } from '../rule';

/** Disputed flag, a dispute state, or a reply that disputes the invoice. */
export const dispute = defineEscalationRule({
	code: 'dispute',
	key: 'dispute',
	priority: 'P2',
	label: 'Dispute (Flag or Reply)',
	description: 'The invoice is flagged disputed, or a reply disputes it',
	reasonLabel: 'dispute',
	nextAction:
		'Confirm exactly what is disputed, fix or credit what is wrong, then resume or close the case; no reminders meanwhile.',
	intents: ['dispute'],
	answers: 'triage',
	settings: {},
	evaluate(context) {
		const flagged =
			context.invoice?.flags.disputed === true || context.input.paymentState?.state === 'disputed';
		if (context.intents.has('dispute'))
			return {
				message: 'The customer disputes the invoice.',
				evidence: [
					...(flagged ? ['invoice flagged as disputed'] : []),
					...context.evidence('dispute'),
				],
			};
		if (flagged)
			return {
				message: 'The invoice is flagged as disputed at the source.',
				evidence: ['flags.disputed'],
			};
		return null;
	},
});
