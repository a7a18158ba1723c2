/**
 * Reads a reply from the item shapes n8n's own e-mail nodes emit, so Reply Triage can sit right after them:
 * - Gmail / Gmail Trigger with Simplify on: `From`, `Subject`, `snippet`, `internalDate` (no body: the snippet is all);
 * - Gmail / Gmail Trigger with Simplify off, and Email Trigger (IMAP) "Resolved": the mailparser shape
 *   (`from.value[0].address`, `subject`, `text`, `html`, `date`, `headers` whose values are whole header lines);
 * - Microsoft Outlook / Outlook Trigger: Graph messages (`from.emailAddress`, `body.content`, `receivedDateTime`,
 *   `internetMessageHeaders[]`), or `bodyPreview` when the node simplified the output;
 * - Email Trigger (IMAP) "Simple": `from`, `subject`, `date`, `textPlain`, `textHtml`, other headers in `metadata`;
 * - Email Trigger (IMAP) "Raw" and Gmail `raw`: the message source, parsed first by `expandRawMessage`.
 */
import type { IDataObject } from 'n8n-workflow';

import type { ReplyInput } from '../../src';
import { parseRawMime } from '../../src/triage/mime';

export const INPUT_PRESETS = ['gmail', 'gmailRaw', 'outlook', 'imap', 'generic'] as const;
export type InputPreset = (typeof INPUT_PRESETS)[number];

export const PRESET_NAMES: Record<InputPreset, string> = {
	gmail: 'Gmail (Simplify On)',
	gmailRaw: 'Gmail (Simplify Off)',
	outlook: 'Microsoft Outlook',
	imap: 'Email Trigger (IMAP)',
	generic: 'Generic Mapping',
};

export interface GenericMapping {
	subject?: unknown;
	text?: unknown;
	html?: unknown;
	from?: unknown;
	receivedAt?: unknown;
	headers?: unknown;
}

export type ReplyRead =
	| { ok: true; reply: ReplyInput; notes: string[] }
	| { ok: false; reason: string };

function text(value: unknown): string {
	if (typeof value === 'string') return value;
	if (typeof value === 'number') return String(value);
	return '';
}

/** "Name <a@b>" from the mailparser / Graph address shapes, or the string itself. */
function sender(value: unknown): string {
	if (typeof value === 'string') return value;
	if (value && typeof value === 'object') {
		const object = value as IDataObject;
		const first = Array.isArray(object.value)
			? (object.value[0] as IDataObject | undefined)
			: undefined;
		if (first?.address)
			return first.name ? `${text(first.name)} <${text(first.address)}>` : text(first.address);
		const email = object.emailAddress as IDataObject | undefined;
		if (email?.address)
			return email.name ? `${text(email.name)} <${text(email.address)}>` : text(email.address);
		if (typeof object.text === 'string') return object.text;
		if (typeof object.address === 'string') return object.address;
	}
	return '';
}

function headersOf(value: unknown): Record<string, string | string[]> | undefined {
	if (Array.isArray(value)) {
		// Graph: [{ name, value }]
		const headers: Record<string, string> = {};
		for (const entry of value as IDataObject[])
			if (entry && typeof entry.name === 'string') headers[entry.name] = text(entry.value);
		return headers;
	}
	if (value && typeof value === 'object') {
		const headers: Record<string, string | string[]> = {};
		for (const [key, entry] of Object.entries(value as IDataObject)) {
			if (typeof entry === 'string') headers[key] = entry;
			else if (Array.isArray(entry)) headers[key] = entry.map(text);
		}
		return headers;
	}
	return undefined;
}

function instant(value: unknown): string | number | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value === 'string' && value.trim() !== '') {
		// Gmail internalDate is epoch milliseconds as a string.
		return /^\d{12,14}$/.test(value.trim()) ? Number(value.trim()) : value.trim();
	}
	if (value instanceof Date) return value.toISOString();
	return undefined;
}

/**
 * The Email Trigger (IMAP) "Raw" format and Gmail's `raw` carry the whole message source (often base64): it is
 * parsed into the mailparser shape the IMAP and Gmail presets read. Items that already have a body pass unchanged.
 */
export async function expandRawMessage(
	json: IDataObject,
	preset: InputPreset,
): Promise<{ json: IDataObject; note?: string }> {
	if (preset !== 'imap' && preset !== 'gmailRaw') return { json };
	if (typeof json.raw !== 'string' || json.raw.trim() === '') return { json };
	if (['text', 'html', 'textPlain', 'textHtml'].some((field) => typeof json[field] === 'string'))
		return { json };
	const parsed = await parseRawMime(json.raw);
	return {
		json: { ...json, ...parsed } as unknown as IDataObject,
		note: 'the raw message source was parsed (MIME, base64 and quoted-printable bodies)',
	};
}

export function readReply(
	json: IDataObject,
	preset: InputPreset,
	mapping: GenericMapping = {},
): ReplyRead {
	let reply: {
		subject: string;
		text: string;
		html?: string;
		from: string;
		receivedAt?: string | number;
		headers?: Record<string, string | string[]>;
	};
	const notes: string[] = [];
	switch (preset) {
		case 'gmail': {
			reply = {
				subject: text(json.Subject ?? json.subject),
				text: text(json.text) || text(json.snippet),
				from: sender(json.From ?? json.from),
				receivedAt: instant(json.internalDate ?? json.date),
			};
			if (!json.text && json.snippet)
				notes.push(
					'Gmail with Simplify on gives only a snippet of the body: turn Simplify off for full replies',
				);
			break;
		}
		case 'gmailRaw':
		case 'imap': {
			const simple = 'textPlain' in json || 'textHtml' in json;
			const metadata = (json.metadata as IDataObject | undefined) ?? {};
			reply = simple
				? {
						subject: text(json.subject),
						text: text(json.textPlain),
						html: text(json.textHtml) || undefined,
						from: sender(json.from),
						receivedAt: instant(json.date),
						headers: headersOf(metadata),
					}
				: {
						subject: text(json.subject),
						text: text(json.text),
						html: typeof json.html === 'string' ? json.html : undefined,
						from: sender(json.from),
						receivedAt: instant(json.date ?? json.internalDate),
						headers: headersOf(json.headers),
					};
			break;
		}
		case 'outlook': {
			const body = json.body as IDataObject | undefined;
			const isHtml = text(body?.contentType).toLowerCase() === 'html';
			const content = text(body?.content);
			reply = {
				subject: text(json.subject),
				text: isHtml ? '' : content || text(json.bodyPreview),
				html: isHtml ? content : undefined,
				from: sender(json.from ?? json.sender),
				receivedAt: instant(json.receivedDateTime ?? json.sentDateTime),
				headers: headersOf(json.internetMessageHeaders),
			};
			if (!content && json.bodyPreview)
				notes.push(
					'Outlook gave only bodyPreview: add "body" to the fields the Outlook node returns for full replies',
				);
			break;
		}
		default: {
			reply = {
				subject: text(mapping.subject),
				text: text(mapping.text),
				html: text(mapping.html) || undefined,
				from: typeof mapping.from === 'string' ? mapping.from : sender(mapping.from),
				receivedAt: instant(mapping.receivedAt),
				headers: headersOf(mapping.headers),
			};
		}
	}
	if (!reply.text && !reply.html && !reply.subject && !reply.from) {
		return {
			ok: false,
			reason: `no e-mail fields found for the "${PRESET_NAMES[preset]}" preset (subject, body and sender are all empty)`,
		};
	}
	let receivedAt: string | number = reply.receivedAt ?? '';
	if (receivedAt === '') {
		receivedAt = new Date().toISOString();
		notes.push('the item has no received date: relative dates were read against now');
	}
	return { ok: true, reply: { ...reply, receivedAt }, notes };
}
