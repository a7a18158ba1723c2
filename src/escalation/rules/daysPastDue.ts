import { z } from 'zod';

import { defineEscalationRule } from '../rule';

/**
 * The handoff: past this many days overdue automation gives the case to a person. Strategic accounts have their own
 * age, the strategic cadence's own handoff step (day 60): a 30-day handoff would take them before their day-45 final
 * notice, which needs the account owner's approval, is ever planned. An invoice without a tier takes the plain age.
 */
export const daysPastDue = defineEscalationRule({
	code: 'days_past_due',
	key: 'daysPastDue',
	priority: 'P3',
	label: 'Days Past Due Handoff',
	description: 'The invoice is past the handoff age (strategic accounts: their own, later age)',
	reasonLabel: 'days past due',
	nextAction:
		'Call the customer: the invoice is past the automated window. Agree a payment date or a plan and record it.',
	threshold: {
		setting: 'days',
		label: 'Days Past Due',
		default: 30,
		description:
			'Days past due from which automation hands the invoice to a person. Strategic accounts use "Strategic Accounts: Days Past Due" in Options instead.',
	},
	settings: {
		days: z.number().int().min(1).default(30),
		strategicDays: z.number().int().min(1).default(60),
	},
	fields: [
		{
			name: 'strategicDaysPastDue',
			displayName: 'Strategic Accounts: Days Past Due',
			type: 'number',
			setting: 'strategicDays',
			zeroIsUnset: true,
			description:
				"Days past due from which a strategic account is handed to a person, in place of the Days Past Due Handoff's threshold: the strategic cadence runs to its own handoff at day 60, with the final notice at day 45 for the owner to approve",
		},
	],
	evaluate(context, settings) {
		const days = context.daysPastDue;
		if (!context.collectible || days === null) return null;
		const strategic = context.invoice?.customer.tier === 'strategic';
		const handoff = strategic ? settings.strategicDays : settings.days;
		if (days < handoff) return null;
		const invoice = context.invoice;
		return {
			message: `${days} days past due: past the ${handoff}-day ${strategic ? 'strategic-account ' : ''}handoff.`,
			evidence: [`due ${invoice?.dueOn ?? invoice?.issuedOn ?? '?'}`],
		};
	},
});
