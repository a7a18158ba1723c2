/**
 * Escaping and clipping, once for the package: text from customers and sources goes into HTML, Slack mrkdwn,
 * Markdown tables and e-mail headers, and each medium has its own special characters. The escalation packet and the
 * report's renders use these.
 */
const HTML_ESCAPES: Readonly<Record<string, string>> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
};
const HTML_SPECIAL = /[&<>"']/;
const HTML_SPECIALS = /[&<>"']/g;
const MRKDWN_SPECIAL = /[&<>]/;
const MRKDWN_SPECIALS = /[&<>]/g;

/** Escapes text for HTML element content and attribute values (no allocation when nothing needs escaping). */
export function escapeHtml(text: string): string {
	return HTML_SPECIAL.test(text) ? text.replace(HTML_SPECIALS, (char) => HTML_ESCAPES[char]) : text;
}

/** Escapes the three characters Slack mrkdwn reserves (&, <, >): `<!channel>` and `<url|text>` stay text. */
export function escapeSlackMrkdwn(text: string): string {
	return MRKDWN_SPECIAL.test(text)
		? text.replace(MRKDWN_SPECIALS, (char) => HTML_ESCAPES[char])
		: text;
}

/** For Markdown table cells: pipes and line breaks would break the table; backslashes and markup are neutralised. */
export function escapeMarkdown(text: string): string {
	return text
		.replace(/\\/g, '\\\\')
		.replace(/([|*_`[\]<>#])/g, '\\$1')
		.replace(/\r?\n|\r/g, ' ');
}

/** Control characters and line breaks (CR, LF, U+2028/9) folded to single spaces: text for one line or header. */
export function oneLine(text: string): string {
	// eslint-disable-next-line no-control-regex -- control characters are exactly what it removes
	return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
}

/** Shortens text to `max` characters (counting the ellipsis). */
export function clipText(text: string, max: number): string {
	return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}
