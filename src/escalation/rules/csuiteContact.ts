import { isCsuiteContact } from '../../state/check';
import { defineEscalationRule } from '../rule';

/** An executive contact who is not the billing contact. */
export const csuiteContact = defineEscalationRule({
	code: 'csuite_contact',
	key: 'csuiteContact',
	priority: 'P2',
	label: 'C-Suite Contact',
	description: 'The contact is an executive who is not the billing contact',
	reasonLabel: 'C-suite contact',
	nextAction:
		'Find the billing contact before any reminder: automation never writes to an executive who is not the billing contact.',
	answers: 'cadence',
	settings: {},
	evaluate(context) {
		const invoice = context.invoice;
		if (!invoice || !context.collectible) return null;
		if (!isCsuiteContact(invoice) && !context.signals.has('csuite_contact')) return null;
		return {
			message: 'The contact is an executive who is not the billing contact.',
			evidence: [
				invoice.contact.title ? `title "${invoice.contact.title}"` : 'csuite_contact signal',
			],
		};
	},
});
