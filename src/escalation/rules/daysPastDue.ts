import { z } from 'zod';

import { defineEscalationRule } from '../rule';

/** The handoff: past this many days overdue automation gives the case to a person. */
export const daysPastDue = defineEscalationRule({
	code: 'days_past_due',
	key: 'daysPastDue',
	priority: 'P3',
	label: 'Days Past Due Handoff',
	description: 'The invoice is past the handoff age',
	reasonLabel: 'days past due',
	nextAction:
		'Call the customer: the invoice is past the automated window. Agree a payment date or a plan and record it.',
	threshold: {
		setting: 'days',
		label: 'Days Past Due',
		default: 30,
		description: 'Days past due from which automation hands the invoice to a person',
	},
	settings: { days: z.number().int().min(1).default(30) },
	evaluate(context, settings) {
		const days = context.daysPastDue;
		if (!context.collectible || days === null || days < settings.days) return null;
		const invoice = context.invoice;
		return {
			message: `${days} days past due: past the ${settings.days}-day handoff.`,
			evidence: [`due ${invoice?.dueOn ?? invoice?.issuedOn ?? '?'}`],
		};
	},
});
