/**
 * HTML to plain text, once for the package. Two readers use it, and differ on purpose, so each difference is an
 * option rather than a second copy:
 * - the guardrail lint (`READER_TEXT`) reads the words a person sees: inline tags join (`law<b>yer</b>` is one
 *   word), every other tag separates words, comments and scripts are gone, every HTML5 entity is decoded, and a `<`
 *   that opens no tag stays as text (the reader sees it);
 * - Reply Triage (`REPLY_TEXT`) reads paragraphs: quoted history cut, block tags become line breaks, other tags
 *   nothing, the common entities decoded, white space tidied; anything from `<` to `>` is markup.
 */

/** Tags that sit inside a word without breaking it (`law<b>yer</b>`); every other tag separates words. */
const INLINE_TAGS = new Set([
	'a',
	'abbr',
	'b',
	'bdi',
	'bdo',
	'big',
	'cite',
	'code',
	'data',
	'del',
	'dfn',
	'em',
	'font',
	'i',
	'ins',
	'kbd',
	'mark',
	'q',
	's',
	'samp',
	'small',
	'span',
	'strike',
	'strong',
	'sub',
	'sup',
	'time',
	'tt',
	'u',
	'var',
	'wbr',
	'o:p',
]);

/** Tags that end a line of a reply. */
const BLOCK_TAGS = new Set([
	'br',
	'p',
	'div',
	'li',
	'tr',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'table',
	'ul',
	'ol',
	'hr',
	'blockquote',
	'pre',
]);

/** Markers after which an HTML reply is quoted history (Gmail, Outlook, Apple Mail, Thunderbird). */
const QUOTE_MARKERS = [
	'<blockquote',
	'class="gmail_quote',
	"class='gmail_quote",
	'id="divrplyfwdmsg"',
	'id="appendonsend"',
	'class="moz-cite-prefix"',
	'id="mail-editor-reference-message-container"',
];

export interface HtmlTextOptions {
	/**
	 * What a tag reads as. `words`: inline tags nothing, any other tag (and a hidden element) a space. `lines`: block
	 * tags a line break, any other tag (and a hidden element) nothing.
	 */
	layout: 'words' | 'lines';
	/**
	 * Which markup is a tag. `strict`: `<name …>` or `</name …>` with a letter first (comments removed before); any
	 * other `<` is text. `loose`: everything from `<` to the next `>`, and the rest of the text when no `>` follows.
	 */
	markup: 'strict' | 'loose';
	/** Elements removed with their content (lower case). */
	hidden: readonly string[];
	/** `html5`: every named and numeric reference (`html-entities`, loaded on first use); `common`: see COMMON. */
	entities: 'html5' | 'common';
	/** Cut at the first quoted-history marker (a reply's own words only). */
	cutQuotedHistory?: boolean;
	/** Runs of spaces and tabs as one space, at most one blank line, trimmed. */
	tidy?: boolean;
}

/** The text a reader sees, for the guardrail lint. */
export const READER_TEXT: HtmlTextOptions = {
	layout: 'words',
	markup: 'strict',
	hidden: ['script', 'style'],
	entities: 'html5',
};

/** A reply's own paragraphs, for Reply Triage. */
export const REPLY_TEXT: HtmlTextOptions = {
	layout: 'lines',
	markup: 'loose',
	hidden: ['script', 'style', 'head', 'title'],
	entities: 'common',
	cutQuotedHistory: true,
	tidy: true,
};

/** `htmlToText(html, options)`: the plain text of an HTML part (see READER_TEXT and REPLY_TEXT). */
export function htmlToText(html: string, options: HtmlTextOptions): string {
	const end = options.cutQuotedHistory ? quotedHistoryStart(html) : html.length;
	const text =
		options.markup === 'strict'
			? strictTags(end < html.length ? html.slice(0, end) : html, options)
			: looseTags(html, end, options);
	const decoded = decodeEntities(text, options.entities);
	return options.tidy
		? decoded
				.replace(/[ \t\u00a0]+/g, ' ')
				.replace(/ ?\n ?/g, '\n')
				.replace(/\n{3,}/g, '\n\n')
				.trim()
		: decoded;
}

function tagText(name: string, options: HtmlTextOptions): string {
	return options.layout === 'words'
		? INLINE_TAGS.has(name)
			? ''
			: ' '
		: BLOCK_TAGS.has(name)
			? '\n'
			: '';
}

/** Where quoted history starts: the `<` of the tag that carries the first marker (the text's length when none). */
function quotedHistoryStart(html: string): number {
	const lower = html.toLowerCase();
	let end = html.length;
	for (const marker of QUOTE_MARKERS) {
		const at = lower.indexOf(marker);
		if (at !== -1 && at < end)
			end = lower.lastIndexOf('<', at) === -1 ? at : Math.min(at, lower.lastIndexOf('<', at));
	}
	return end;
}

const hiddenPatterns = new WeakMap<HtmlTextOptions, { test: RegExp; element: RegExp }>();

/** Strict markup, in three passes (comments, hidden elements, tags), each a regular expression. */
function strictTags(html: string, options: HtmlTextOptions): string {
	let text = html;
	if (text.includes('<!--')) text = text.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
	let hidden = hiddenPatterns.get(options);
	if (!hidden) {
		const names = options.hidden.join('|');
		hidden = {
			test: new RegExp(`<(?:${names})`, 'i'),
			element: new RegExp(`<(${names})\\b[^>]*>[\\s\\S]*?(?:<\\/\\1\\s*>|$)`, 'gi'),
		};
		hiddenPatterns.set(options, hidden);
	}
	if (options.hidden.length > 0 && hidden.test.test(text))
		text = text.replace(hidden.element, options.layout === 'words' ? ' ' : '');
	return text.replace(/<\/?([a-z][a-z0-9:]*)\b[^>]*>/gi, (_tag, name: string) =>
		tagText(name.toLowerCase(), options),
	);
}

/** Loose markup, in one left-to-right pass of indexOf scans up to `end`. */
function looseTags(html: string, end: number, options: HtmlTextOptions): string {
	const lower = html.toLowerCase();
	const out: string[] = [];
	let position = 0;
	while (position < end) {
		const open = html.indexOf('<', position);
		if (open === -1 || open >= end) {
			out.push(html.slice(position, end));
			break;
		}
		out.push(html.slice(position, open));
		const close = html.indexOf('>', open + 1);
		if (close === -1) break;
		const tag = tagName(lower, open + 1, close);
		if (options.hidden.includes(tag)) {
			const endTag = lower.indexOf(`</${tag}`, close);
			position = endTag === -1 ? end : lower.indexOf('>', endTag) + 1 || end;
			if (options.layout === 'words') out.push(' ');
			continue;
		}
		out.push(tagText(tag, options));
		position = close + 1;
	}
	return out.join('');
}

function tagName(lower: string, from: number, to: number): string {
	let start = from;
	if (lower[start] === '/') start++;
	let stop = start;
	while (stop < to && /[a-z0-9]/.test(lower[stop])) stop++;
	return lower.slice(start, stop);
}

/** The references `common` decodes by name (case-insensitively, `&nbsp;` as a plain space), besides numeric ones. */
const COMMON: Readonly<Record<string, string>> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
	euro: '€',
	pound: '£',
	yen: '¥',
	eacute: 'é',
	egrave: 'è',
	agrave: 'à',
	ccedil: 'ç',
	uuml: 'ü',
	ouml: 'ö',
	auml: 'ä',
	szlig: 'ß',
	ntilde: 'ñ',
	rsquo: '’',
	lsquo: '‘',
	ldquo: '“',
	rdquo: '”',
	ndash: '–',
	mdash: '—',
	hellip: '…',
};

let decodeHtml5: ((text: string) => string) | undefined;

/** Character references (`&#108;awyer`, `&eacute;`) as characters; see HtmlTextOptions.entities. */
export function decodeEntities(text: string, entities: HtmlTextOptions['entities']): string {
	if (entities === 'common') {
		return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, code: string) => {
			if (code[0] === '#') {
				const point =
					code[1] === 'x' || code[1] === 'X'
						? parseInt(code.slice(2), 16)
						: parseInt(code.slice(1), 10);
				return point > 0 && point < 0x110000 ? String.fromCodePoint(point) : whole;
			}
			return COMMON[code.toLowerCase()] ?? whole;
		});
	}
	if (!/&(?:#|[a-z])/i.test(text)) return text;
	if (!decodeHtml5) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { decode } = require('html-entities') as typeof import('html-entities');
		decodeHtml5 = (value) => decode(value, { level: 'html5' });
	}
	return decodeHtml5(text);
}
