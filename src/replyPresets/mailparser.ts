import { defineReplyPreset, headersOf, instant, sender, text, type Json } from './preset';

/**
 * Gmail with Simplify off and Email Trigger (IMAP) "Resolved": the mailparser shape (`from.value[0].address`,
 * `subject`, `text`, `html`, `date`, `headers` whose values are whole header lines); also IMAP "Simple": `from`,
 * `subject`, `date`, `textPlain`, `textHtml`, other headers in `metadata`.
 */
function readMailparser(json: Json) {
	if ('textPlain' in json || 'textHtml' in json)
		return {
			subject: text(json.subject),
			text: text(json.textPlain),
			html: text(json.textHtml) || undefined,
			from: sender(json.from),
			receivedAt: instant(json.date),
			headers: headersOf((json.metadata as Json | undefined) ?? {}),
		};
	return {
		subject: text(json.subject),
		text: text(json.text),
		html: typeof json.html === 'string' ? json.html : undefined,
		from: sender(json.from),
		receivedAt: instant(json.date ?? json.internalDate),
		headers: headersOf(json.headers),
	};
}

export const gmailRaw = defineReplyPreset({
	key: 'gmailRaw',
	name: 'Gmail (Simplify Off)',
	read: readMailparser,
});

export const imap = defineReplyPreset({
	key: 'imap',
	name: 'Email Trigger (IMAP)',
	read: readMailparser,
});
