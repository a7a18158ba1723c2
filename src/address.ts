/**
 * E-mail addresses, message ids and links as they may reach a message header or an href. Anything that could
 * carry a line break (header injection), a second address or a script URL is refused here, once, for the invoice
 * schema, the normaliser, the renderer and the MIME builder.
 */

const MAX_ADDRESS = 254;
const MAX_MESSAGE_ID = 998;
const MAX_URL = 2048;

/** RFC 5322 dot-atom local part and domain (letters of any script allowed, as RFC 6531 does); no quoted forms. */
const ATOM = "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+";
const EMAIL = new RegExp(
	`^${ATOM}(?:\\.${ATOM})*@(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+[\\p{L}]{2,63}$`,
	'u',
);
/** RFC 5322 msg-id: id-left "@" id-right, printable ASCII, optionally in angle brackets. */
const ID_TEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+";
const MESSAGE_ID = new RegExp(
	`^(<)?${ID_TEXT}@(?:${ID_TEXT}|\\[[\\x21-\\x5a\\x5e-\\x7e]*\\])(>)?$`,
);

/** One plain address (`ap@acme.test`): no display name, no list, no whitespace or control characters. */
export function isEmailAddress(value: unknown): value is string {
	return typeof value === 'string' && value.length <= MAX_ADDRESS && EMAIL.test(value);
}

/** A Message-ID for In-Reply-To/References (`<abc@mail.test>` or `abc@mail.test`), with no room for a header. */
export function isMessageId(value: unknown): value is string {
	if (typeof value !== 'string' || value.length > MAX_MESSAGE_ID) return false;
	const match = MESSAGE_ID.exec(value);
	return match !== null && (match[1] === undefined) === (match[2] === undefined);
}

/** The message id in angle brackets, as headers carry it. */
export function bracketMessageId(value: string): string {
	return value.startsWith('<') ? value : `<${value}>`;
}

/** An absolute http(s) link with a host: `javascript:`, `data:`, `vbscript:` and relative links are refused. */
export function isHttpUrl(value: unknown): value is string {
	// eslint-disable-next-line no-control-regex
	if (typeof value !== 'string' || value.length > MAX_URL || /[\s\x00-\x1f\x7f<>"]/.test(value))
		return false;
	if (!/^https?:\/\//i.test(value)) return false;
	try {
		const url = new URL(value);
		return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
	} catch {
		return false;
	}
}

export const EMAIL_RULE =
	'is not one e-mail address (name@domain, without display name, spaces or line breaks)';
export const MESSAGE_ID_RULE =
	'is not a message id (<id@domain>, printable characters only, without spaces or line breaks)';
export const URL_RULE = 'is not an http(s) link (only https:// or http:// links are sent)';
