import { z } from 'zod';

import { defineEscalationRule } from '../rule';

export const brokenPromises = defineEscalationRule({
	code: 'broken_promises',
	key: 'brokenPromises',
	priority: 'P2',
	label: 'Broken Promises',
	description: 'Promises to pay broken (history plus the current one)',
	reasonLabel: 'broken promises',
	nextAction:
		'Talk to the customer about the broken promises and agree a firm date or a written plan; record it as a promise.',
	threshold: {
		setting: 'count',
		label: 'Broken Promises',
		default: 2,
		description:
			'Broken promises to pay (history plus the current one) from which the invoice escalates',
	},
	settings: { count: z.number().int().min(1).default(2) },
	evaluate(context, settings) {
		const invoice = context.invoice;
		if (!invoice || !context.collectible) return null;
		const current = context.input.paymentState?.state === 'broken_promise' ? 1 : 0;
		const before = invoice.promise?.brokenCount ?? 0;
		const broken = before + current;
		if (broken < settings.count) return null;
		return {
			message: `${broken} promises to pay were broken.`,
			evidence: [`promise.brokenCount ${before}${current ? ' + the current promise' : ''}`],
		};
	},
});
