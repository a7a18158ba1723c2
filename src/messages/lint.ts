/**
 * Guardrail lint: wording an automated reminder must never carry, and content it must carry.
 * Runs on every rendered message (and every AI draft); one finding blocks the send and escalates the item.
 */
import type { Invoice } from '../invoice/schema';
import type { RenderedMessage } from './render';

export const LINT_STAGES = ['reminder', 'handoff'] as const;
/** `reminder`: automated messages before the handoff stage (all rules). `handoff`: a note to a person. */
export type LintStage = (typeof LINT_STAGES)[number];

export interface LintFinding {
	rule: string;
	/** The words that matched, as they appear in the text. */
	phrase: string;
	message: string;
}

interface Rule {
	rule: string;
	/** Lower-case fragments, one of which must occur before the (costlier) pattern runs. */
	hints: readonly string[];
	pattern: RegExp;
	message: string;
	/** Applies at the handoff stage too (internal data never leaves, whoever writes). */
	always?: boolean;
}

const SERVICE =
	'(?:service|services|account|access|subscription|supply|supplies|deliveries|delivery|support|license|licence)';

const RULES: readonly Rule[] = [
	{
		rule: 'legal_action',
		hints: [
			'legal',
			'lawyer',
			'attorney',
			'solicitor',
			'litigation',
			'lawsuit',
			'sue',
			'court',
			'claims',
		],
		pattern:
			/\b(?:legal (?:action|proceedings?|steps|measures|remed(?:y|ies))|lawyers?|attorneys?|solicitors?|litigation|lawsuits?|sue you|take you to court|court action|small claims|legal department|legal team)\b/i,
		message:
			'mentions legal action, lawyers or attorneys: automated reminders never threaten legal steps',
	},
	{
		rule: 'collection_agency',
		hints: ['collect'],
		pattern:
			/\b(?:collections? agenc(?:y|ies)|debt collect(?:or|ors|ion|ing)|collections? (?:firm|company|partner)|third[- ]party collect\w*|sent (?:it )?to collections?|refer(?:red)? (?:it )?to collections?)\b/i,
		message: 'mentions a collection agency or debt collection',
	},
	{
		rule: 'credit_report',
		hints: ['credit', 'experian', 'equifax', 'transunion', 'bradstreet'],
		pattern:
			/\b(?:credit (?:report|reports|reporting|bureaus?|agenc(?:y|ies)|rating|score|file|history)|experian|equifax|transunion|dun (?:&|and) bradstreet)\b/i,
		message: 'mentions credit reports or credit bureaus',
	},
	{
		rule: 'service_suspension',
		hints: [
			'suspen',
			'terminat',
			'cut',
			'disconnect',
			'deactivat',
			'discontinu',
			'cancel',
			'block',
			'restrict',
			'withh',
			'stop',
		],
		pattern: new RegExp(
			`\\b(?:(?:suspend|suspension|suspended|suspending|terminate|terminated|termination|terminating|cut off|disconnect\\w*|deactivat\\w*|discontinu\\w*|cancel\\w*|block\\w*|restrict\\w*|withhold\\w*|stop\\w*)\\W+(?:\\w+\\W+){0,4}${SERVICE}|${SERVICE}\\W+(?:\\w+\\W+){0,4}(?:suspended|terminated|cut off|disconnected|deactivated|discontinued|cancell?ed|blocked|restricted|withheld|stopped))\\b`,
			'i',
		),
		message: 'threatens to suspend or terminate service',
	},
	{
		rule: 'failure_to_pay',
		hints: ['fail', 'nonpayment', 'non-payment', 'non payment', 'refus'],
		pattern:
			/\b(?:failure to (?:pay|make payment|remit)|fail(?:s|ed)? to pay|non[- ]?payment|refus\w* to pay)\b/i,
		message: 'uses "failure to pay" wording',
	},
	{
		rule: 'threat',
		hints: ['else', 'warning', 'consequence', 'penalt', 'forced', 'choice', 'blacklist'],
		pattern:
			/\b(?:or else|final warning|last warning|consequences|penalt(?:y|ies)|we will be forced|have no choice but|blacklist\w*)\b/i,
		message: 'uses threatening wording',
	},
	{
		rule: 'internal_notes',
		hints: [
			'internal',
			'note',
			'do not',
			'not for',
			'todo',
			'fixme',
			'confidential',
			'payer',
			'deadbeat',
			'risk',
			'write',
			'{{',
			'}}',
		],
		pattern:
			/(?:\[internal\]|\binternal (?:note|notes|only|use only|comment|comments)\b|\bnote to self\b|\bdo not (?:share|send|forward)\b|\bnot for (?:the )?(?:client|customer)\b|\bTODO\b|\bFIXME\b|\bconfidential\b|\bbad payer\b|\bslow payer\b|\bdeadbeat\b|\brisk score\b|\bwrite[- ]off\b|\{\{|\}\})/i,
		message: 'contains internal notes or unrendered template text',
		always: true,
	},
];

/** Every hint of every rule in one pattern: a clean text (the usual case) is scanned once. */
const ANY_HINT = new RegExp(
	[...new Set(RULES.flatMap((rule) => rule.hints))]
		.map((hint) => hint.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
		.join('|'),
	'i',
);

const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi;

export interface LintOptions {
	stage?: LintStage;
	/** Addresses the message may contain (the recipient, the sender); any other address counts as another client's data. */
	allowedEmails?: readonly string[];
	/** Names of other customers (for example the rest of the batch) that must not appear. */
	otherCustomers?: readonly string[];
}

/** Plain text of an HTML part, for linting what the reader will see. */
function htmlText(html: string): string {
	return html
		.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
		.replace(/<br\s*\/?>/gi, '\n')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&nbsp;/g, ' ')
		.replace(/&amp;/g, '&')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#x27;|&#39;/g, "'")
		.replace(/&#x60;/g, '`')
		.replace(/&#x3D;/g, '=');
}

/**
 * `lintMessage(text, { stage })` (or `lintMessage(text, stage)`): guardrail findings, empty when the text is clean.
 * Before the handoff stage every rule applies; at the handoff stage only the internal-data rules do.
 */
export function lintMessage(
	text: string,
	stageOrOptions: LintStage | LintOptions = {},
): LintFinding[] {
	const options: LintOptions =
		typeof stageOrOptions === 'string' ? { stage: stageOrOptions } : stageOrOptions;
	const stage = options.stage ?? 'reminder';
	const findings: LintFinding[] = [];
	const lower = text.toLowerCase();
	let normalized: string | undefined;
	const suspicious = ANY_HINT.test(text);
	for (const rule of suspicious ? RULES : []) {
		if (stage === 'handoff' && !rule.always) continue;
		if (!rule.hints.some((hint) => lower.includes(hint))) continue;
		normalized ??= text.replace(/\s+/g, ' ');
		const match = rule.pattern.exec(normalized);
		if (match) findings.push({ rule: rule.rule, phrase: match[0].trim(), message: rule.message });
	}
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
	const parts = [message.subject ?? '', message.text, message.html ? htmlText(message.html) : ''];
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
