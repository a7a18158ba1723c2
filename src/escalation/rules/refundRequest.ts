import { replyIntentRule } from '../rule';

export const refundRequest = replyIntentRule({
	code: 'refund_request',
	key: 'refundRequest',
	intent: 'refund_request',
	priority: 'P2',
	label: 'Refund Request',
	description: 'A reply asks for a refund',
	reasonLabel: 'refund request',
	nextAction:
		'Check the refund request against the contract and payments received, then approve or explain in writing.',
	message: 'The customer asks for a refund.',
});
