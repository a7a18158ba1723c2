/**
 * Guardrail lint: wording an automated reminder must never carry, and content it must carry.
 * Runs on every rendered message (and every AI draft); one finding blocks the send and escalates the item.
 * Threat wording is matched in seven languages (lexicons.ts) on a normalised text, so markup, look-alike letters,
 * invisible characters and spacing tricks hide nothing.
 */
import type Handlebars from 'handlebars';

import type { Invoice } from '../invoice/schema';
import { CONFUSABLES } from './confusables';
import {
	BENIGN_MENTIONS,
	FEE_NEGATION,
	FEE_NEGATION_AFTER,
	LEXICONS,
	THREAT_CONTEXT,
} from './lexicons';
import type { RenderedMessage } from './render';
import { READER_TEXT, decodeEntities, htmlToText } from '../htmlText';
import { requiredWords } from '../triage/prefilter';

export const LINT_STAGES = ['reminder', 'handoff'] as const;
/** `reminder`: automated messages before the handoff stage (all rules). `handoff`: a note to a person. */
export type LintStage = (typeof LINT_STAGES)[number];

export interface LintFinding {
	rule: string;
	/** The words that matched, in the lint's normalised spelling (lower case, no accents, look-alikes folded). */
	phrase: string;
	message: string;
}

/**
 * Rules outside the lexicons (English wording the first version shipped with). They run on the normalised text;
 * `internal_notes` runs on the raw text, since template braces and markers are what it looks for.
 */
const EXTRA_RULES: ReadonlyArray<Omit<Rule, 'required'>> = [
	{
		rule: 'failure_to_pay',
		patterns: [
			/\b(?:failure to (?:pay|make payment|remit)|fail(?:s|ed)? to pay|non ?payment|refus\w* to pay)\b/g,
		],
		message: 'uses "failure to pay" wording',
	},
	{
		rule: 'threat',
		patterns: [
			/\b(?:or else|(?:final|last|letzte|dernier|ultima|ultimo|laatste) (?:warning|warnung|avertissement|advertencia|avvertimento|waarschuwing)|consequences|konsequenzen|consequences|consecuencias|consequenties|conseguenze|consequencias|we will be forced|have no choice but|blacklist\w*)\b/g,
		],
		message: 'uses threatening wording',
	},
];

const INTERNAL_NOTES: readonly RegExp[] = [
	/(?:\[internal\]|\binternal (?:note|notes|only|use only|comment|comments)\b|\bnote to self\b|\bdo not (?:share|send|forward)\b|\bnot for (?:the )?(?:client|customer)\b|\bconfidential(?::| internal| only| note| - internal)|\bbad payer\b|\bslow payer\b|\bdeadbeat\b|\brisk score\b|\bwrite[- ]off\b|\{\{|\}\})/i,
	/\b(?:TODO|FIXME)\b/,
];
const INTERNAL_MESSAGE = 'contains internal notes or unrendered template text';

interface Rule {
	rule: string;
	/** Tried in turn: V8 scans for one short pattern far faster than for a long alternation of them. */
	patterns: readonly RegExp[];
	/**
	 * Per pattern, the ids (in REQUIRED) of the words one of which a match must contain (src/triage/prefilter), or
	 * undefined when it always runs: most of the 560 patterns cannot match a given reminder, and one pass over the
	 * text says which words it holds, so those patterns are skipped without a scan.
	 */
	required: ReadonlyArray<readonly number[] | undefined>;
	message: string;
}

/** Every rule's required words, indexed by a hash of their first three characters (each word has at least three). */
class RequiredWords {
	private readonly ids = new Map<string, number>();
	private readonly buckets: Array<Array<{ word: string; id: number }> | undefined> = new Array(
		HEADS,
	);

	idsOf(words: readonly string[]): number[] {
		return words.map((word) => {
			let id = this.ids.get(word);
			if (id === undefined) {
				id = this.ids.size;
				this.ids.set(word, id);
				(this.buckets[headOf(word, 0)] ??= []).push({ word, id });
			}
			return id;
		});
	}

	/** Which words occur in the text, by id: one table look-up per position, then an exact comparison. */
	present(text: string): Uint8Array {
		const found = new Uint8Array(this.ids.size);
		for (let index = 0; index + 3 <= text.length; index++) {
			const bucket = this.buckets[headOf(text, index)];
			if (bucket === undefined) continue;
			for (const { word, id } of bucket)
				if (found[id] === 0 && text.startsWith(word, index)) found[id] = 1;
		}
		return found;
	}
}

const HEADS = 4096;
function headOf(text: string, at: number): number {
	return (
		(text.charCodeAt(at) * 961 + text.charCodeAt(at + 1) * 31 + text.charCodeAt(at + 2)) &
		(HEADS - 1)
	);
}

function anyPresent(ids: readonly number[], present: Uint8Array): boolean {
	for (const id of ids) if (present[id] === 1) return true;
	return false;
}

const REQUIRED = new RequiredWords();

function withRequiredWords(rule: Omit<Rule, 'required'>): Rule {
	return {
		...rule,
		required: rule.patterns.map((pattern) => {
			const words = requiredWords(pattern);
			return words && REQUIRED.idsOf(words);
		}),
	};
}

let compiled: Rule[] | undefined;
/** The lexicons and the extra rules as regular expressions, compiled on first use. */
function lintRules(): Rule[] {
	compiled ??= [
		...LEXICONS.map((lexicon) =>
			withRequiredWords({
				rule: lexicon.rule,
				message: lexicon.message,
				patterns: lexicon.patterns.map((pattern) => new RegExp(pattern, 'g')),
			}),
		),
		...EXTRA_RULES.map(withRequiredWords),
	];
	return compiled;
}

const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi;

export interface LintOptions {
	stage?: LintStage;
	/** Addresses the message may contain (the recipient, the sender); any other address counts as another client's data. */
	allowedEmails?: readonly string[];
	/** Names of other customers (for example the rest of the batch) that must not appear. */
	otherCustomers?: readonly string[];
	/**
	 * A late-fee policy lets this message state fees. With `approvedWording`, only those sentences may (the `late_fee`
	 * rule reads the rest of the text); without it the rule is off.
	 */
	allowLateFees?: boolean;
	/** The approved late-fee sentences as rendered for this message (see lintStep). */
	approvedWording?: readonly string[];
}

// ---------------------------------------------------------------------------------------------------------------
// Normalisation: what a reader sees, in one spelling
// ---------------------------------------------------------------------------------------------------------------

/** Plain text of HTML as a reader sees it: scripts, styles and comments gone, inline tags joined, entities decoded. */
export function htmlReaderText(html: string): string {
	return htmlToText(html, READER_TEXT);
}

const FOLD = new Map<string, string>();
for (const [letter, characters] of Object.entries(CONFUSABLES))
	for (const character of characters) FOLD.set(character, letter);
const LOOK_ALIKE = new RegExp(`[${[...FOLD.keys()].join('').replace(/[\]\\^-]/g, '\\$&')}]`, 'gu');
/** Invisible characters: format controls (zero-width, soft hyphen, bidi), joiners, variation selectors, fillers. */
// eslint-disable-next-line no-misleading-character-class -- each of these is removed on its own, never combined
const INVISIBLE = /[\p{Cf}\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u3164\ufe00-\ufe0f\uffa0]/gu;
const LETTERS: Readonly<Record<string, string>> = {
	ß: 'ss',
	æ: 'ae',
	œ: 'oe',
	ø: 'o',
	ł: 'l',
	đ: 'd',
	ð: 'd',
	þ: 'th',
	ı: 'i',
	ĸ: 'k',
};
const LEET: Readonly<Record<string, string>> = {
	'0': 'o',
	'1': 'i',
	'3': 'e',
	'4': 'a',
	'5': 's',
	'7': 't',
	'@': 'a',
	$: 's',
	'|': 'l',
};

/**
 * The text the lexicons read: HTML as text, Unicode NFKC, invisible characters removed, look-alike letters folded
 * to Latin, lower case, accents removed, digits inside words read as letters (`l4wyer`), spaced-out letters joined
 * (`l a w y e r`, `c-o-u-r-t`, `I.N.K.A.S.S.O`; where the separator changes, as with two spaces, a word ends), and punctuation other than `' . ! ? ; : %` turned into single spaces. Linear in the text.
 */
export function normalizeForLint(text: string): string {
	let out = /<[a-z!/]/i.test(text) ? htmlReaderText(text) : decodeEntities(text, 'html5');
	// eslint-disable-next-line no-control-regex
	const unicode = /[^\x00-\x7f]/.test(out);
	if (unicode) {
		out = out.normalize('NFKC').replace(INVISIBLE, '');
		out = out.replace(LOOK_ALIKE, (character) => FOLD.get(character) ?? character);
	}
	out = out.toLowerCase();
	if (unicode) {
		out = out
			.normalize('NFD')
			.replace(/\p{Mn}/gu, '')
			.replace(/[ßæœøłđðþıĸ]/g, (character) => LETTERS[character] ?? character)
			.replace(/[’‘`´ʼ′]/g, "'")
			.replace(/(?![\p{L}\p{N}])[\u0080-\u{10ffff}]/gu, ' ');
	}
	out = out
		.replace(/(?<=[a-z])[0134579@$|](?=[a-z])/g, (character) => LEET[character] ?? character)
		// Single letters with one separator repeated (`l e g a l`, `c-o-u-r-t`, `i.n.k.a.s.s.o`) are one word; where the
		// separator changes (`l e g a l  a c t i o n`, `a b-a-i-l`) a word ends. The backreference keeps this linear.
		.replace(
			/(?<![a-z0-9\u0080-\uffff])[a-z]([ .\-_*/|+~]{1,3})[a-z](?![a-z0-9\u0080-\uffff])(?:\1[a-z](?![a-z0-9\u0080-\uffff]))+/g,
			(letters) => letters.replace(/[^a-z]/g, ''),
		);
	// Punctuation other than sentence ends, apostrophes and per cent separates words; a single space between them.
	return out
		.replace(/[^a-z0-9\u0080-\uffff'.!?;:% ]/g, ' ')
		.replace(/ {2,}/g, ' ')
		.replace(/ (?=[.!?;:])/g, '')
		.trim();
}

/** The text without the approved sentences (each normalised as the text is): what else speaks of fees. */
function withoutApproved(normalized: string, approved: readonly string[]): string {
	let out = normalized;
	for (const sentence of approved) {
		const plain = normalizeForLint(sentence);
		if (plain) out = out.split(plain).join(' ');
	}
	return out;
}

/** The whole words around a match, for a finding's phrase. */
function phraseAt(text: string, start: number, end: number): string {
	while (start > 0 && /[\p{L}\p{N}']/u.test(text[start - 1])) start--;
	while (end < text.length && /[\p{L}\p{N}']/u.test(text[end])) end++;
	return text.slice(start, Math.min(end, start + 120)).trim();
}

function isNegatedFee(text: string, start: number, end: number): boolean {
	const matched = text.slice(start, end);
	return (
		FEE_NEGATION.test(text.slice(Math.max(0, start - 60), start)) ||
		/\b(?:no|not|kein\w*|aucun\w*|sin|ningun\w*|geen|nessun\w*|sem|nenhum\w*)\b/.test(matched) ||
		FEE_NEGATION_AFTER.test(text.slice(end, end + 60))
	);
}

/** The sentence around a match (between sentence ends), for the benign-mention cues. */
function sentenceAt(
	text: string,
	start: number,
	end: number,
): { before: string; sentence: string } {
	// At most 300 characters each side: text without sentence ends must not make every match scan all of it.
	const floor = Math.max(0, start - 300);
	const ceiling = Math.min(text.length, end + 300);
	const head = text.slice(floor, start);
	const ends = head.match(/[.!?;][^.!?;]*$/);
	const from = ends ? start - ends[0].length + 1 : floor;
	const next = text.slice(end, ceiling).search(/[.!?;]/);
	const to = next === -1 ? ceiling : end + next;
	return { before: text.slice(from, start).trimEnd(), sentence: text.slice(from, to) };
}

/**
 * Whether a match is an ordinary mention (see BENIGN_MENTIONS): a bare noun or verb with a benign cue and no threat
 * in its sentence ("your lawyer sent the contract", "as you asked, we paused your subscription").
 */
function isOrdinaryMention(rule: string, text: string, start: number, end: number): boolean {
	const mentions = BENIGN_MENTIONS[rule];
	if (!mentions) return false;
	const phrase = phraseAt(text, start, end);
	const { before, sentence } = sentenceAt(text, start, end);
	return (
		!THREAT_CONTEXT.test(sentence) &&
		mentions.some(
			(mention) =>
				mention.phrase.test(phrase) &&
				(!mention.before || mention.before.test(before)) &&
				(!mention.sentence || mention.sentence.test(sentence)),
		)
	);
}

/** The first match of a rule's patterns that counts (a negated fee does not), or undefined. */
function firstMatch(rule: Rule, text: string, present: Uint8Array): RegExpExecArray | undefined {
	// A text that is mostly "ordinary mentions" is not ordinary: after this many, a mention counts.
	let mentions = 32;
	for (let index = 0; index < rule.patterns.length; index++) {
		const words = rule.required[index];
		if (words && !anyPresent(words, present)) continue;
		const pattern = rule.patterns[index];
		pattern.lastIndex = 0;
		for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
			if (match[0].length === 0) {
				pattern.lastIndex++;
				continue;
			}
			const end = match.index + match[0].length;
			if (
				rule.rule === 'late_fee'
					? isNegatedFee(text, match.index, end)
					: mentions-- > 0 && isOrdinaryMention(rule.rule, text, match.index, end)
			)
				continue;
			return match;
		}
	}
	return undefined;
}

/**
 * `lintMessage(text, { stage })` (or `lintMessage(text, stage)`): guardrail findings, empty when the text is clean.
 * The text is normalised first (see `normalizeForLint`), so HTML, look-alike letters and invisible characters hide
 * nothing; a finding's phrase is the matched words in that normalised spelling. Before the handoff stage every rule
 * applies; at the handoff stage only the internal-data rules do.
 */
export function lintMessage(
	text: string,
	stageOrOptions: LintStage | LintOptions = {},
): LintFinding[] {
	const options: LintOptions =
		typeof stageOrOptions === 'string' ? { stage: stageOrOptions } : stageOrOptions;
	const stage = options.stage ?? 'reminder';
	const findings: LintFinding[] = [];
	if (typeof text !== 'string' || text.length === 0) return findings;
	if (stage !== 'handoff') {
		const normalized = normalizeForLint(text);
		const feeText = options.allowLateFees
			? options.approvedWording && withoutApproved(normalized, options.approvedWording)
			: normalized;
		const rules = lintRules();
		const present = REQUIRED.present(normalized);
		const feePresent =
			feeText === normalized || feeText === undefined ? present : REQUIRED.present(feeText);
		for (const rule of rules) {
			const late = rule.rule === 'late_fee';
			const read = late ? feeText : normalized;
			if (read === undefined) continue;
			const match = firstMatch(rule, read, late ? feePresent : present);
			if (match)
				findings.push({
					rule: rule.rule,
					phrase: phraseAt(read, match.index, match.index + match[0].length),
					message: rule.message,
				});
		}
	}
	for (const pattern of INTERNAL_NOTES) {
		const match = pattern.exec(text);
		if (match) {
			findings.push({ rule: 'internal_notes', phrase: match[0].trim(), message: INTERNAL_MESSAGE });
			break;
		}
	}
	const lower = text.toLowerCase();
	if (options.allowedEmails && text.includes('@')) {
		const allowed = new Set(options.allowedEmails.map((address) => address.toLowerCase()));
		for (const address of text.match(EMAIL) ?? []) {
			if (!allowed.has(address.toLowerCase())) {
				findings.push({
					rule: 'other_client_data',
					phrase: address,
					message: 'contains an e-mail address that is neither the recipient nor the sender',
				});
				break;
			}
		}
	}
	for (const name of options.otherCustomers ?? []) {
		if (name.length >= 3 && lower.includes(name.toLowerCase())) {
			findings.push({
				rule: 'other_client_data',
				phrase: name,
				message: "names another customer: a message may only carry its own customer's data",
			});
			break;
		}
	}
	return findings;
}

/** Lints every part of a rendered message (subject, text, and HTML as the reader sees it). One finding per rule. */
export function lintRendered(message: RenderedMessage, options: LintOptions = {}): LintFinding[] {
	const parts = [
		message.subject ?? '',
		message.text,
		message.html ? htmlReaderText(message.html) : '',
	];
	const seen = new Set<string>();
	const findings: LintFinding[] = [];
	for (const part of parts) {
		if (!part) continue;
		for (const finding of lintMessage(part, options)) {
			if (seen.has(finding.rule)) continue;
			seen.add(finding.rule);
			findings.push(finding);
		}
	}
	return findings;
}

export interface RequiredContentOptions {
	/** Formatted amount and due date as the templates render them. */
	amountDue: string;
	dueDate?: string;
}

/**
 * Content a customer-facing reminder must carry: invoice number, amount due, due date, and the payment link when
 * the invoice has one. Checked on the plain text (the part every client shows).
 */
export function checkRequiredContent(
	text: string,
	invoice: Invoice,
	expected: RequiredContentOptions,
): LintFinding[] {
	const findings: LintFinding[] = [];
	const missing = (what: string, phrase: string) =>
		findings.push({
			rule: 'missing_required',
			phrase,
			message: `the message does not state the ${what}`,
		});
	if (!text.includes(invoice.number)) missing('invoice number', invoice.number);
	if (!text.includes(expected.amountDue) && !text.includes(invoice.amountDueFormatted))
		missing('amount due', expected.amountDue);
	if (
		invoice.dueOn &&
		!text.includes(invoice.dueOn) &&
		!(expected.dueDate && text.includes(expected.dueDate))
	)
		missing('due date', expected.dueDate ?? invoice.dueOn);
	if (invoice.paymentUrl && !text.includes(invoice.paymentUrl))
		missing('payment link', invoice.paymentUrl);
	return findings;
}

// ---------------------------------------------------------------------------------------------------------------
// Templates: output forms a message must never use
// ---------------------------------------------------------------------------------------------------------------

/** Names on Object.prototype and the callable parts of functions: a path through them renders blank or reaches code. */
const PROTOTYPE_NAMES = new Set([
	...Object.getOwnPropertyNames(Object.prototype),
	'prototype',
	'__proto__',
	'apply',
	'bind',
	'call',
	'caller',
	'arguments',
]);
/** The render view's objects: `{{invoice}}` alone would print "[object Object]". */
const VIEW_OBJECTS = new Set([
	'invoice',
	'invoices',
	'customer',
	'contact',
	'sender',
	'step',
	'totals',
	'extra',
	'root',
]);
/** Built-in helpers that print nothing useful or look properties up by a computed name. */
const REFUSED_HELPERS = new Set(['lookup', 'log']);

type HbsNode = { type: string; [key: string]: unknown };

const templateFinding = (phrase: string, message: string): LintFinding => ({
	rule: 'unsafe_template',
	phrase,
	message,
});

function pathFindings(node: HbsNode, findings: LintFinding[]): void {
	if (node.type === 'SubExpression') {
		expressionFindings(node, findings, false);
		return;
	}
	if (node.type !== 'PathExpression') return;
	const parts = node.parts as string[];
	const original = String(node.original);
	if (parts.some((part) => PROTOTYPE_NAMES.has(part)))
		findings.push(
			templateFinding(
				original,
				`{{${original}}} reaches a prototype property: it renders blank or nothing useful; name a field of the invoice instead`,
			),
		);
}

/** A mustache, block or subexpression: its helper or path, its parameters and hash values. */
function expressionFindings(node: HbsNode, findings: LintFinding[], output: boolean): void {
	const path = node.path as HbsNode;
	const params = (node.params as HbsNode[] | undefined) ?? [];
	const hashPairs = ((node.hash as { pairs?: { value: HbsNode }[] } | undefined)?.pairs ?? []).map(
		(pair) => pair.value,
	);
	const name = path.type === 'PathExpression' ? String(path.original) : '';
	if (REFUSED_HELPERS.has(name)) {
		findings.push(
			templateFinding(
				name,
				`the {{${name}}} helper is not allowed in messages: it ${name === 'log' ? 'prints nothing' : 'looks properties up by a computed name and can render blank'}`,
			),
		);
	}
	pathFindings(path, findings);
	for (const param of [...params, ...hashPairs]) pathFindings(param, findings);
	if (output && params.length === 0 && hashPairs.length === 0 && path.type === 'PathExpression') {
		const parts = path.parts as string[];
		if (parts.length === 0)
			findings.push(
				templateFinding(
					name,
					`{{${name}}} prints the whole current object ("[object Object]"); name a field instead, e.g. {{invoice.number}}`,
				),
			);
		else if (parts.length === 1 && VIEW_OBJECTS.has(parts[0]) && !/^\.\.\//.test(name))
			findings.push(
				templateFinding(
					name,
					`{{${name}}} prints an object ("[object Object]"); name one of its fields, e.g. {{invoice.number}}`,
				),
			);
	}
}

function walkTemplate(node: HbsNode | undefined, findings: LintFinding[]): void {
	if (!node) return;
	switch (node.type) {
		case 'Program':
			for (const child of node.body as HbsNode[]) walkTemplate(child, findings);
			return;
		case 'MustacheStatement':
			if (node.escaped === false) {
				const name = String((node.path as HbsNode).original ?? '');
				findings.push(
					templateFinding(
						`{{{${name}}}}`,
						`{{{${name}}}} (or {{& ${name}}}, with or without ~) prints unescaped HTML: messages only use escaped {{${name}}}`,
					),
				);
			}
			expressionFindings(node, findings, true);
			return;
		case 'BlockStatement':
			expressionFindings(node, findings, false);
			walkTemplate(node.program as HbsNode | undefined, findings);
			walkTemplate(node.inverse as HbsNode | undefined, findings);
			return;
		case 'PartialStatement':
		case 'PartialBlockStatement':
		case 'Decorator':
		case 'DecoratorBlock':
			findings.push(
				templateFinding(
					node.type,
					'partials and decorators are not allowed in messages: write the text in the template',
				),
			);
			return;
		default:
			return;
	}
}

/**
 * `lintTemplate(source, part)`: the output forms a message template must never use, with the reason each is
 * refused: unescaped output in any spelling (`{{{x}}}`, `{{~{x}~}}`, `{{& x}}`, `{{~& x}}`), prototype paths
 * (`{{constructor}}`), computed lookups (`{{lookup this "constructor"}}`), whole objects (`{{this}}`,
 * `{{invoice}}`), partials, and in HTML a value in an unquoted attribute or an event handler. A template that does
 * not parse yields no finding here: rendering reports the syntax error.
 */
export function lintTemplate(
	source: string,
	part: 'subject' | 'text' | 'html' = 'html',
): LintFinding[] {
	const findings: LintFinding[] = [];
	if (!source.includes('{{')) return findings;
	let ast: HbsNode;
	try {
		// Loaded on first use (see render.ts): most workflows never lint a template.
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		ast = (require('handlebars') as typeof Handlebars).parse(source) as unknown as HbsNode;
	} catch {
		return findings;
	}
	walkTemplate(ast, findings);
	if (part === 'html') {
		const unquoted = /<[^>]*\s[\w:-]+\s*=\s*\{\{/.exec(source);
		if (unquoted)
			findings.push(
				templateFinding(
					unquoted[0],
					'a value in an unquoted HTML attribute can add attributes of its own: quote the attribute ("{{...}}")',
				),
			);
		const handler = /<[^>]*\son[a-z]+\s*=\s*["']?[^"'>]*\{\{/i.exec(source);
		if (handler)
			findings.push(
				templateFinding(
					handler[0],
					'a value inside an event-handler attribute (onclick, onerror ...) runs as script: remove it',
				),
			);
	}
	return findings;
}
