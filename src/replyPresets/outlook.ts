import { defineReplyPreset, headersOf, instant, sender, text, type Json } from './preset';

/**
 * Microsoft Outlook / Outlook Trigger: Graph messages (`from.emailAddress`, `body.content`, `receivedDateTime`,
 * `internetMessageHeaders[]`), or `bodyPreview` when the node simplified the output.
 */
export const outlook = defineReplyPreset({
	key: 'outlook',
	name: 'Microsoft Outlook',
	read(json, _mapping, notes) {
		const body = json.body as Json | undefined;
		const isHtml = text(body?.contentType).toLowerCase() === 'html';
		const content = text(body?.content);
		if (!content && json.bodyPreview)
			notes.push(
				'Outlook gave only bodyPreview: add "body" to the fields the Outlook node returns for full replies',
			);
		return {
			subject: text(json.subject),
			text: isHtml ? '' : content || text(json.bodyPreview),
			html: isHtml ? content : undefined,
			from: sender(json.from ?? json.sender),
			receivedAt: instant(json.receivedDateTime ?? json.sentDateTime),
			headers: headersOf(json.internetMessageHeaders),
		};
	},
});
