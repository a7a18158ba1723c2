import { defineReplyPreset, instant, sender, text } from './preset';

/** Gmail / Gmail Trigger with Simplify on: `From`, `Subject`, `snippet`, `internalDate` (no body: the snippet is all). */
export const gmail = defineReplyPreset({
	key: 'gmail',
	name: 'Gmail (Simplify On)',
	read(json, _mapping, notes) {
		if (!json.text && json.snippet)
			notes.push(
				'Gmail with Simplify on gives only a snippet of the body: turn Simplify off for full replies',
			);
		return {
			subject: text(json.Subject ?? json.subject),
			text: text(json.text) || text(json.snippet),
			from: sender(json.From ?? json.from),
			receivedAt: instant(json.internalDate ?? json.date),
		};
	},
});
