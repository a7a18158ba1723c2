/**
 * The reply a triaged item still carries, read from the shapes n8n's mail triggers produce
 * (IMAP Email Trigger: from / subject / textPlain / date; Gmail Trigger: from.text or from.value[0], snippet;
 * Outlook: from.emailAddress) or from an explicit `reply` object.
 */
import type { EscalationReply } from './schema';

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function sender(value: unknown): string | undefined {
	if (typeof value === 'string') return text(value);
	if (!value || typeof value !== 'object') return undefined;
	const record = value as Record<string, unknown>;
	if (text(record.text)) return text(record.text);
	const first = Array.isArray(record.value)
		? (record.value[0] as Record<string, unknown> | undefined)
		: undefined;
	const address = first ?? (record.emailAddress as Record<string, unknown> | undefined) ?? record;
	const name = text(address.name);
	const email = text(address.address) ?? text(address.email);
	if (name && email) return `${name} <${email}>`;
	return email ?? name;
}

/** The reply on an item, or undefined when it carries none. */
export function escalationReplyFromItem(
	json: Record<string, unknown>,
): EscalationReply | undefined {
	const source =
		json.reply && typeof json.reply === 'object' ? (json.reply as Record<string, unknown>) : json;
	const body =
		source.body && typeof source.body === 'object'
			? (source.body as Record<string, unknown>).content
			: undefined;
	const reply: EscalationReply = {
		from: sender(source.from),
		subject: text(source.subject),
		receivedAt: text(source.receivedAt) ?? text(source.date) ?? text(source.receivedDateTime),
		text:
			text(source.text) ??
			text(source.textPlain) ??
			text(source.snippet) ??
			text(source.bodyPreview) ??
			text(body),
	};
	const present = Object.entries(reply).filter(([, value]) => value !== undefined);
	return present.length > 0 ? (Object.fromEntries(present) as EscalationReply) : undefined;
}
