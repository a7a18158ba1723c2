import { z } from 'zod';

import { defineEscalationRule } from '../rule';

export const wrongContact = defineEscalationRule({
	code: 'wrong_contact',
	key: 'wrongContact',
	priority: 'P3',
	label: 'Wrong Contact or Bounce',
	description: 'A wrong-contact reply, a bounce, or no contact email',
	reasonLabel: 'wrong contact',
	nextAction: 'Find the right billing contact, update the record, then resume the follow-up.',
	intents: ['wrong_contact', 'bounce'],
	answers: 'triage',
	settings: {
		/** A bounced reminder counts as a wrong contact. */
		includeBounce: z.boolean().default(true),
		/** An invoice with no contact email at all counts too: nobody can be reminded. */
		includeMissingContact: z.boolean().default(true),
	},
	fields: [
		{
			name: 'includeBounce',
			displayName: 'Bounce Counts as Wrong Contact',
			type: 'boolean',
			setting: 'includeBounce',
			description: 'Whether a bounced reminder escalates under the Wrong Contact rule',
		},
		{
			name: 'includeMissingContact',
			displayName: 'Missing Contact Email Counts as Wrong Contact',
			type: 'boolean',
			setting: 'includeMissingContact',
			description:
				'Whether an open invoice with no contact email escalates under the Wrong Contact rule',
		},
	],
	evaluate(context, settings) {
		const { invoice, triage } = context;
		if (context.intents.has('wrong_contact')) {
			const newContact = triage?.extracted.newContactEmail;
			return {
				message: 'The reply says this is the wrong contact.',
				evidence: [
					...(newContact ? [`new contact: ${newContact}`] : []),
					...context.evidence('wrong_contact'),
				],
			};
		}
		if (settings.includeBounce && context.intents.has('bounce'))
			return {
				message: 'The reminder bounced: the contact address does not work.',
				evidence: context.evidence('bounce'),
			};
		if (settings.includeMissingContact && invoice && context.collectible && !invoice.contact.email)
			return {
				message: 'The invoice has no contact email: nobody can be reminded.',
				evidence: ['contact.email is empty'],
			};
		return null;
	},
});
