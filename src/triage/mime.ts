/**
 * Raw MIME messages (the Email Trigger (IMAP) "Raw" format, Gmail's `raw`), base64 or not, read with `mailparser`:
 * multipart bodies, base64 and quoted-printable parts and encoded headers are its job, not ours. Loaded lazily, on
 * the first raw message, so requiring the package stays as fast as before.
 */

/** What the Reply Triage presets read: the mailparser shape (`from.value[0]`, whole header lines). */
export interface ParsedMime {
	subject: string;
	text: string;
	html?: string;
	from: { value: Array<{ address?: string; name?: string }> };
	date?: string;
	headers: Record<string, string>;
}

interface MailparserModule {
	simpleParser(
		source: Buffer,
		options?: { skipImageLinks?: boolean; skipTextToHtml?: boolean },
	): Promise<{
		subject?: string;
		text?: string;
		html?: string | false;
		from?: { value: Array<{ address?: string; name?: string }> };
		date?: Date;
		headerLines?: Array<{ key: string; line: string }>;
	}>;
}

let mailparser: MailparserModule | undefined;

/** base64 (or base64url) of a message, as IMAP raw and Gmail raw give it: only base64 characters and line breaks. */
function looksBase64(raw: string): boolean {
	const compact = raw.replace(/\s+/g, '');
	return compact.length >= 16 && /^[A-Za-z0-9+/_-]+=*$/.test(compact);
}

/** The message source: decoded when it is base64 of something with headers, else the text itself. */
export function mimeSource(raw: string): Buffer {
	if (looksBase64(raw)) {
		const decoded = Buffer.from(
			raw.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/'),
			'base64',
		);
		if (/^[\x21-\x39\x3b-\x7e]+:/m.test(decoded.subarray(0, 2000).toString('latin1')))
			return decoded;
	}
	return Buffer.from(raw, 'utf8');
}

export async function parseRawMime(raw: string): Promise<ParsedMime> {
	// Lazy: the package loads without it; the first raw message pays the cost once.
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	mailparser ??= require('mailparser') as MailparserModule;
	const parsed = await mailparser.simpleParser(mimeSource(raw), {
		skipImageLinks: true,
		skipTextToHtml: true,
	});
	const headers: Record<string, string> = {};
	for (const { key, line } of parsed.headerLines ?? []) headers[key] = line;
	return {
		subject: parsed.subject ?? '',
		text: parsed.text ?? '',
		...(typeof parsed.html === 'string' ? { html: parsed.html } : {}),
		from: parsed.from ?? { value: [] },
		...(parsed.date && !Number.isNaN(parsed.date.getTime())
			? { date: parsed.date.toISOString() }
			: {}),
		headers,
	};
}

/**
 * The Email Trigger (IMAP) "Raw" format and Gmail's `raw` carry the whole message source (often base64): for the
 * IMAP and Gmail (Simplify Off) presets it is parsed into the mailparser shape they read. Items that already have a
 * body, and other presets, pass unchanged.
 */
export async function expandRawMessage(
	json: Record<string, unknown>,
	preset: string,
): Promise<{ json: Record<string, unknown>; note?: string }> {
	if (preset !== 'imap' && preset !== 'gmailRaw') return { json };
	if (typeof json.raw !== 'string' || json.raw.trim() === '') return { json };
	if (['text', 'html', 'textPlain', 'textHtml'].some((field) => typeof json[field] === 'string'))
		return { json };
	const parsed = await parseRawMime(json.raw);
	return {
		json: { ...json, ...parsed },
		note: 'the raw message source was parsed (MIME, base64 and quoted-printable bodies)',
	};
}
