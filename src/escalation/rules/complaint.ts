import { replyIntentRule } from '../rule';

/** Complaint or angry reply. */
export const complaint = replyIntentRule({
	code: 'complaint',
	key: 'complaint',
	intent: 'complaint',
	priority: 'P2',
	label: 'Complaint or Angry Reply',
	description: 'A reply complains or is angry',
	reasonLabel: 'complaint',
	nextAction:
		'Acknowledge the complaint personally and resolve the service issue before any mention of payment.',
	message: 'The reply is a complaint or an angry message.',
});
