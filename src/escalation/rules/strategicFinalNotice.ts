import { z } from 'zod';

import { CUSTOMER_TIERS } from '../../invoice/schema';
import { defineEscalationRule } from '../rule';

const TIER_OPTIONS = CUSTOMER_TIERS.map((tier) => ({
	name: tier.charAt(0).toUpperCase() + tier.slice(1),
	value: tier,
}));

/** A strategic account about to get the final notice: the account owner reviews it first. */
export const strategicFinalNotice = defineEscalationRule({
	code: 'strategic_final_notice',
	key: 'strategicFinalNotice',
	priority: 'P2',
	label: 'Strategic Account Before Final Notice',
	description: 'A strategic account is about to get the final notice',
	reasonLabel: 'strategic account, final notice',
	nextAction:
		'Review before the final notice goes to this strategic account: the account owner decides whether and how it is sent.',
	answers: 'cadence',
	settings: {
		tiers: z.array(z.enum(CUSTOMER_TIERS)).default(['strategic']),
		/** Matched (case-insensitive) against the planned step's id, template and tone. */
		finalStepPattern: z.string().min(1).default('final'),
	},
	fields: [
		{
			name: 'finalStepPattern',
			displayName: 'Final Notice Step Pattern',
			type: 'string',
			setting: 'finalStepPattern',
			description:
				"Matched (case-insensitive) against the planned step's ID, template and tone to recognise the final notice",
		},
		{
			name: 'strategicTiers',
			displayName: 'Review Final Notice for Tiers',
			type: 'multiOptions',
			setting: 'tiers',
			options: TIER_OPTIONS,
			description: 'Customer tiers whose final notice the account owner reviews first',
		},
	],
	compile(settings) {
		try {
			return new RegExp(settings.finalStepPattern, 'i');
		} catch {
			return new RegExp(settings.finalStepPattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
		}
	},
	evaluate(context, settings, finalStep) {
		const { invoice, cadence } = context;
		const tier = invoice?.customer.tier;
		if (!tier || !context.collectible || !cadence?.step) return null;
		const step = cadence.step;
		const planned = cadence.action === 'send' || cadence.action === 'escalate';
		const isFinal = [step.id, step.template, step.tone].some(
			(text) => typeof text === 'string' && finalStep.test(text),
		);
		if (!planned || !isFinal || !settings.tiers.includes(tier)) return null;
		return {
			message: `A ${tier} account is about to get the final notice (step "${step.id}").`,
			evidence: [`step ${step.id}`],
		};
	},
});
