import { replyIntentRule } from '../rule';

export const legalThreat = replyIntentRule({
	code: 'legal_threat',
	key: 'legalThreat',
	intent: 'legal_threat',
	priority: 'P1',
	label: 'Legal Threat',
	description: 'A reply mentions legal action',
	reasonLabel: 'legal threat',
	nextAction:
		'Stop all automated contact and hand the thread to legal or the finance lead today; reply only through them.',
	message: 'The reply mentions legal action.',
});
