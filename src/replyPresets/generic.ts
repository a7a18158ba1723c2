import { defineReplyPreset, headersOf, instant, sender, text } from './preset';

/** Any other shape: each field mapped by an expression in the node. */
export const generic = defineReplyPreset({
	key: 'generic',
	name: 'Generic Mapping',
	read: (_json, mapping) => ({
		subject: text(mapping.subject),
		text: text(mapping.text),
		html: text(mapping.html) || undefined,
		from: typeof mapping.from === 'string' ? mapping.from : sender(mapping.from),
		receivedAt: instant(mapping.receivedAt),
		headers: headersOf(mapping.headers),
	}),
});
