/**
 * The offline rules engine: deterministic, explainable, synchronous.
 * parse → normalise → weighted patterns per sentence with negation → intents by severity → extraction → decisions.
 */
import { DateTime } from 'luxon';

import { addDays, calendarDateIn, dayNumber, isValidTimeZone, toInstant } from '../dates';
import { findDates, type DateMention } from './dates';
import { promisedDateOf } from './promised';
import {
	dayOrderFor,
	documentsIn,
	findAmounts,
	findEmails,
	findInvoiceNumbers,
	guessLanguage,
} from './extract';
import { fuseLearned } from './fuse';
import { modelFlags, saidIn } from './learned/input';
import { addressOf, parseReply } from './parse';
import { PATTERNS, languagesPresent, type PatternLanguage } from './patterns';
import { Trigrams, requiredWords } from './prefilter';
import { DEFAULT_MAX_PROMISE_DAYS, routeTriage } from './route';
import {
	ESCALATING_INTENTS,
	INTENT_SEVERITY,
	type DocumentKind,
	type Evidence,
	type Extracted,
	type ReplyInput,
	type ReplyIntent,
	type TriageOptions,
	type TriageResult,
} from './schema';
import { normalise, sentenceSpans, snippet, spanAt, type Span } from './text';

/** Per pattern, the words it cannot match without (undefined: it always runs); see ./prefilter. */
const PATTERN_WORDS = PATTERNS.map((pattern) => requiredWords(pattern.re));

/** An intent counts once its evidence weighs this much. */
const INTENT_THRESHOLD = 1;
/** Intents an auto-reply can carry (its body is a template, not the customer speaking). */
const AUTO_REPLY_INTENTS: ReadonlySet<ReplyIntent> = new Set([
	'out_of_office',
	'wrong_contact',
	'acknowledged',
]);
/** Intents that mean "nothing for us to do"; listed only when nothing else is. */
const PASSIVE: ReadonlySet<ReplyIntent> = new Set(['acknowledged', 'other']);
const DEFAULT_PAID_PAUSE_DAYS = 5;
/** New text beyond this is not analysed; the reply escalates instead. */
export const MAX_ANALYSED_CHARS = 30_000;

const NEGATORS = new Set([
	'not',
	'no',
	'never',
	'without',
	'nothing',
	'nor',
	'nicht',
	'kein',
	'keine',
	'keinen',
	'keiner',
	'nie',
	'niemals',
	'ohne',
	'pas',
	'ne',
	'jamais',
	'sans',
	'aucun',
	'aucune',
	'nunca',
	'sin',
	'ningun',
	'ninguna',
	'tampoco',
	'niet',
	'geen',
	'nooit',
	'zonder',
	'non',
	'nessun',
	'nessuna',
	'nessuno',
	'senza',
	'nao',
	'nem',
	'nenhum',
	'nenhuma',
	'sem',
	'niks',
	'niets',
	'nulla',
	'niente',
	'nada',
	'dont',
	'cant',
	'wont',
	'isnt',
	'didnt',
	'havent',
	'arent',
	'wasnt',
	'doesnt',
	'werent',
	'hasnt',
	'shouldnt',
	'wouldnt',
]);
/** Negators of one language that are ordinary words in another: pt "no" (in the), it "ne" (of it), nl "pas" (only). */
const NOT_NEGATORS_IN: Partial<Record<PatternLanguage, ReadonlySet<string>>> = {
	pt: new Set(['no']),
	it: new Set(['ne']),
	nl: new Set(['pas']),
};
const CLAUSE_BREAK =
	/[,;:()]|\b(?:but|if|unless|otherwise|or|aber|sondern|falls|sonst|mais|sinon|si|pero|sino|o|maar|tenzij|anders|indien|ma|tuttavia|altrimenti|mas|porem|senao)\b/g;

const FUTURE = new Set([
	'will',
	"'ll",
	'shall',
	'going',
	'gonna',
	'werden',
	'wird',
	'werde',
	'allons',
	'vais',
	'sera',
	'seront',
	'vamos',
	'voy',
	'va',
	'wordt',
	'worden',
	'zal',
	'zullen',
	'gaan',
	'ga',
	'sara',
	'saranno',
	'verra',
	'verranno',
	'vai',
	'iremos',
	'vou',
	'sera',
	'serao',
]);
const SUBJECTS = new Set([
	'we',
	'i',
	'they',
	'you',
	'wir',
	'ich',
	'nous',
	'je',
	'nosotros',
	'yo',
	'wij',
	'ik',
	'noi',
	'io',
	'eu',
]);
/** Negations that follow what they negate: "wir bestreiten die Rechnung nicht", "we betwisten de factuur niet". */
const AFTER_NEGATORS = new Set(['nicht', 'nie', 'niemals', 'niet', 'nooit', 'niks', 'niets']);
/** A conditional or a new clause after the match ends the words a trailing negation could belong to. */
const AFTER_BREAK =
	/[,;:]|\b(?:if|als|wenn|falls|sonst|anders|indien|tenzij|omdat|want|dass|weil|zodat|se|si)\b/;

/** The last `count` words before `start`, within the clause (stops at a comma, "but", "if", ...). */
function wordsBefore(text: string, sentenceStart: number, start: number, count: number): string[] {
	let clause = text.slice(Math.max(sentenceStart, start - 60), start);
	CLAUSE_BREAK.lastIndex = 0;
	let cut = -1;
	let match: RegExpExecArray | null;
	while ((match = CLAUSE_BREAK.exec(clause)) !== null) cut = match.index + match[0].length;
	if (cut !== -1) clause = clause.slice(cut);
	const words = clause.trim().split(/\s+/);
	// A new subject starts a new clause: in "if it is not withdrawn we will sue", the "not" belongs to "withdrawn".
	let from = 0;
	for (let index = words.length - 1; index >= 0; index--) {
		if (SUBJECTS.has(words[index])) {
			from = index + 1;
			break;
		}
	}
	return words.slice(Math.max(from, words.length - count));
}

/**
 * True when a negation sits in the last four words before the match, within the same clause ("we are not disputing"),
 * or, German word order, right after it ("wir bestreiten die Rechnung nicht").
 */
function isNegated(
	text: string,
	sentenceStart: number,
	sentenceEnd: number,
	start: number,
	end: number,
	language?: PatternLanguage,
): boolean {
	const before = wordsBefore(text, sentenceStart, start, 4);
	const notHere = language ? NOT_NEGATORS_IN[language] : undefined;
	if (
		before.some(
			(word) =>
				(NEGATORS.has(word) && !notHere?.has(word)) ||
				word.endsWith("n't") ||
				word.startsWith("n'"),
		)
	)
		return true;
	const after = text
		.slice(end, Math.min(sentenceEnd, end + 40))
		.split(AFTER_BREAK)[0]
		.trim()
		.split(/\s+/)
		.slice(0, 4);
	return after.some((word) => AFTER_NEGATORS.has(word.replace(/[.!?]$/, '')));
}

/** True when a future modal sits in the last five words before the match ("will be paid today" is a promise). */
function isFuture(text: string, sentenceStart: number, start: number): boolean {
	return wordsBefore(text, sentenceStart, start, 5).some(
		(word) => FUTURE.has(word) || word.endsWith("'ll"),
	);
}

interface Scored {
	score: number;
	evidence: Evidence[];
	spans: Span[];
}

const dayCache = new Map<string, string>();

/**
 * The day an instant falls on in a zone, memoised per zone and quarter hour: every zone's offset and every DST
 * change is a whole number of quarter hours, so one quarter hour never spans two local dates. Keeps luxon out of
 * the per-reply path.
 */
function receivedDate(receivedAt: ReplyInput['receivedAt'], zone: string): string {
	const millis =
		receivedAt instanceof Date
			? receivedAt.getTime()
			: typeof receivedAt === 'number'
				? receivedAt
				: /^\d{4}-\d{2}-\d{2}T/.test(receivedAt)
					? Date.parse(receivedAt)
					: Number.NaN;
	if (!Number.isFinite(millis)) return calendarDateIn(receivedAt, zone);
	const key = `${zone}|${Math.floor(millis / 900_000)}`;
	let date = dayCache.get(key);
	if (date === undefined) {
		if (dayCache.size > 10_000) dayCache.clear();
		date = calendarDateIn(millis, zone);
		dayCache.set(key, date);
	}
	return date;
}

/** The calendar date relative dates resolve against: `referenceDate`, else the day `receivedAt` falls on in the zone. */
export function referenceDateFor(
	receivedAt: ReplyInput['receivedAt'],
	options: TriageOptions,
): string {
	return resolveReference(receivedAt, options).reference;
}

/**
 * `receivedAt` as epoch milliseconds: ISO, epoch numbers, a Date, or an e-mail Date header (RFC 2822, as IMAP and
 * mailparser pass it on). Null when it is none of these.
 */
export function receivedInstant(receivedAt: unknown): number | null {
	if (receivedAt instanceof Date || typeof receivedAt === 'number') return toInstant(receivedAt);
	if (typeof receivedAt !== 'string' || receivedAt.trim() === '') return null;
	const text = receivedAt.trim().slice(0, 200);
	const iso = toInstant(text);
	if (iso !== null) return iso;
	// "Mon, 23 Nov 2026 10:00:00 -0500 (EST)": the comment is legal in a header, not in RFC 2822 parsing.
	const rfc = DateTime.fromRFC2822(text.replace(/\s*\([^()]*\)\s*$/, ''), { setZone: true });
	if (rfc.isValid) return rfc.toMillis();
	const http = DateTime.fromHTTP(text, { setZone: true });
	return http.isValid ? http.toMillis() : null;
}

function resolveReference(
	receivedAt: ReplyInput['receivedAt'],
	options: TriageOptions,
): { zone: string; reference: string; fallback?: string } {
	const zone = options.timezone && isValidTimeZone(options.timezone) ? options.timezone : 'UTC';
	if (options.referenceDate) {
		const reference = /^\d{4}-\d{2}-\d{2}$/.test(options.referenceDate)
			? options.referenceDate
			: calendarDateIn(options.referenceDate, zone);
		if (dayNumber(reference) === null)
			throw new RangeError(`referenceDate "${options.referenceDate}" is not a calendar date`);
		return { zone, reference };
	}
	const millis = receivedInstant(receivedAt);
	if (millis === null) {
		// A reply with a broken Date header is still triaged (issue 17): its dates are read against today.
		const now = Date.now();
		return {
			zone,
			reference: receivedDate(now, zone),
			fallback: `received date ${JSON.stringify(String(receivedAt).slice(0, 80))} is not a date: relative dates were read against ${new Date(now).toISOString()}`,
		};
	}
	return { zone, reference: receivedDate(millis, zone) };
}

const LABEL: Readonly<Record<ReplyIntent, string>> = {
	promise_to_pay: 'Promise to pay',
	already_paid: 'Says already paid',
	dispute: 'Dispute',
	missing_documents: 'Asks for documents',
	wrong_contact: 'Wrong contact',
	out_of_office: 'Out of office',
	payment_plan: 'Asks for a payment plan or other terms',
	refund_request: 'Refund request',
	legal_threat: 'Legal threat',
	complaint: 'Complaint',
	opt_out: 'Opt-out',
	question: 'Question',
	acknowledged: 'Acknowledged',
	bounce: 'Bounce (not delivered)',
	other: 'No clear intent',
};

/** Triage one reply with the offline rules engine. Synchronous and deterministic. */
export function triageReply(input: ReplyInput, options: TriageOptions = {}): TriageResult {
	const { zone, reference, fallback } = resolveReference(input.receivedAt, options);
	const headers = input.headers as Record<string, string | string[]> | undefined;
	const parsed = parseReply({
		subject: input.subject,
		text: input.text,
		html: input.html,
		from: input.from,
		headers,
	});
	const sender = addressOf(input.from ?? '');
	const evidence: Evidence[] = [];
	if (fallback)
		evidence.push({ intent: null, rule: 'input.received-at', snippet: fallback, weight: 0 });

	if (parsed.bounce) {
		evidence.push({ intent: 'bounce', rule: 'bounce.dsn', snippet: parsed.bounce, weight: 3 });
		return finish(
			['bounce'],
			0.97,
			evidence,
			emptyExtracted(findInvoiceNumbers(input.subject ?? '')),
			reference,
			options,
			parsed.bounce,
		);
	}

	// The customer's own subject line is part of what they said; "Re: <our subject>" is not.
	const said = saidIn(parsed);
	// No customer writes 30 000 characters of new text; a body that long is read in part and escalated to a person.
	const overlong = said.length > MAX_ANALYSED_CHARS;
	const spoken = overlong ? said.slice(0, MAX_ANALYSED_CHARS) : said;
	const text = normalise(spoken);
	const original = text.length === spoken.length ? spoken : text;
	const spans = sentenceSpans(text);
	const scores = new Map<ReplyIntent, Scored>();
	/** Adds a reading of `intent` in `span`, with its evidence, to that intent's score. */
	const credit = (intent: ReplyIntent, weight: number, item: Evidence, span: Span) => {
		let scored = scores.get(intent);
		if (!scored) scores.set(intent, (scored = { score: 0, evidence: [], spans: [] }));
		scored.score += weight;
		scored.evidence.push(item);
		scored.spans.push(span);
	};
	let paymentLinkFailed = false;
	let injection = false;
	let insolvency = false;
	// Sentences that address an automated system are instructions, not the customer's words: they score nothing.
	const injected = new Set<number>();
	let injectionSeen = false;
	// Intents the reply names only to deny them ("we are not disputing"): the learned model may not add them back.
	const negated = new Set<ReplyIntent>();
	for (const pattern of PATTERNS) {
		if (pattern.id !== 'signal.injection') continue;
		pattern.re.lastIndex = 0;
		let match: RegExpExecArray | null;
		while ((match = pattern.re.exec(text)) !== null && injected.size < 50) {
			injectionSeen = true;
			const span = spanAt(spans, match.index);
			if (span) injected.add(span.start);
			if (match[0].length === 0) pattern.re.lastIndex++;
		}
	}

	const languages = languagesPresent(text);
	const trigrams = new Trigrams(text);
	for (let index = 0; index < PATTERNS.length; index++) {
		const pattern = PATTERNS[index];
		if (parsed.autoReply && pattern.intent && !AUTO_REPLY_INTENTS.has(pattern.intent)) continue;
		if (pattern.language && !languages.has(pattern.language)) continue;
		// The injection pattern already ran over this text above: no match there, none here.
		if (pattern.id === 'signal.injection' && !injectionSeen) continue;
		// None of the words the pattern needs is in the text: it cannot match.
		const words = PATTERN_WORDS[index];
		if (words && !trigrams.mayContainAny(words)) continue;
		pattern.re.lastIndex = 0;
		let match: RegExpExecArray | null;
		let hits = 0;
		// A real reply never repeats one pattern fifty times; the cap bounds the work on a hostile body.
		let examined = 0;
		while (hits < 3 && examined++ < 50 && (match = pattern.re.exec(text)) !== null) {
			if (match[0].length === 0) {
				pattern.re.lastIndex++;
				continue;
			}
			const span = spanAt(spans, match.index) ?? { start: 0, end: text.length };
			if (pattern.intent !== null && injected.has(span.start)) continue;
			// A dropped match may hide a later one inside it ("don't email me. Use ap@…"): look again one character on.
			if (
				pattern.negatable &&
				isNegated(
					text,
					span.start,
					span.end,
					match.index,
					match.index + match[0].length,
					pattern.language,
				)
			) {
				if (pattern.intent) negated.add(pattern.intent);
				pattern.re.lastIndex = match.index + 1;
				continue;
			}
			if (pattern.past && isFuture(text, span.start, match.index)) {
				pattern.re.lastIndex = match.index + 1;
				continue;
			}
			hits++;
			const item: Evidence = {
				intent: pattern.intent,
				rule: pattern.id,
				snippet: snippet(original, match.index, match.index + match[0].length),
				weight: pattern.weight,
			};
			if (pattern.intent === null) {
				if (pattern.id === 'signal.payment-link') {
					paymentLinkFailed = true;
					// A failed payment link is a customer asking how to pay.
					credit('question', 1, { ...item, intent: 'question' }, span);
				}
				if (pattern.id === 'signal.injection') injection = true;
				if (pattern.id === 'signal.insolvency') insolvency = true;
				evidence.push(item);
				break;
			}
			// The same rule counts once at full weight; repeats add a little.
			credit(pattern.intent, hits === 1 ? pattern.weight : pattern.weight * 0.25, item, span);
		}
	}

	// Anger in capitals, in any language: "THIS IS THE THIRD TIME I TELL YOU".
	const shouted = shoutedSpan(original, spans);
	if (shouted && !parsed.autoReply && !injected.has(shouted.start)) {
		const weight = 1.2;
		const item: Evidence = {
			intent: 'complaint',
			rule: 'complaint.caps',
			snippet: snippet(original, shouted.start, shouted.end, 0),
			weight,
		};
		credit('complaint', weight, item, shouted);
	}

	// Questions: sentences of the customer's own words that end with a question mark.
	let questions = 0;
	for (const span of spans) {
		if (text[span.end - 1] === '?' && questions < 4) {
			questions++;
			const item: Evidence = {
				intent: 'question',
				rule: 'question.mark',
				snippet: snippet(original, span.start, span.end, 0),
				weight: 1,
			};
			credit('question', 1, item, span);
		}
	}

	if (parsed.autoReply) {
		evidence.push({ intent: null, rule: 'auto-reply', snippet: parsed.autoReply, weight: 0 });
		// An auto-reply that says nothing else is an out-of-office notice, or a ticket-system receipt.
		const counts = (intent: ReplyIntent) => (scores.get(intent)?.score ?? 0) >= INTENT_THRESHOLD;
		if (!counts('out_of_office') && !counts('wrong_contact')) {
			const receipt =
				/\b(?:ticket|case|request|reference) (?:number|no|#|id)|we (?:have )?received your (?:email|message|request|invoice)|hemos recibido|nous avons bien recu|wir haben ihre (?:e-?mail|nachricht) erhalten|(?:wij hebben|we hebben) (?:uw|je) (?:e-?mail|bericht) (?:in goede orde )?ontvangen|abbiamo ricevuto (?:la sua|il suo|la vostra|il vostro) (?:e-?mail|mail|messaggio|richiesta)|recebemos (?:a sua|o seu|sua|seu) (?:e-?mail|mensagem|contato|contacto)/.test(
					text,
				);
			const intent: ReplyIntent = receipt ? 'acknowledged' : 'out_of_office';
			scores.set(intent, {
				score: 1.5,
				evidence: [{ intent, rule: 'auto-reply.default', snippet: parsed.autoReply, weight: 1.5 }],
				spans: [],
			});
		} else {
			const ooo = scores.get('out_of_office');
			if (ooo) ooo.score += 1.5;
			// "For urgent matters contact ap@…" in an out-of-office notice names a stand-in, not a new contact.
			const contact = scores.get('wrong_contact');
			if (
				ooo &&
				contact &&
				contact.evidence.every((item) => item.rule.startsWith('contact.redirect'))
			)
				scores.delete('wrong_contact');
		}
	}

	// Documents requested: from the sentences that ask for documents.
	const documents = new Set<DocumentKind>();
	for (const span of scores.get('missing_documents')?.spans ?? []) {
		for (const kind of documentsIn(text.slice(span.start, span.end))) documents.add(kind);
	}
	// "Reissue the invoice with the PO" asks for the PO; an invoice copy only when a copy is what they ask for.
	if (documents.size > 1 && documents.has('invoice_copy')) {
		const asksCopy = (scores.get('missing_documents')?.spans ?? []).some((span) =>
			/\b(?:copy|copie|kopie|copia|pdf|attachment|duplicat\w*|re-?send|renvoyer|reenviar|erneut|nochmal|again)\b/.test(
				text.slice(span.start, span.end),
			),
		);
		if (!asksCopy) documents.delete('invoice_copy');
	}

	let intents = INTENT_SEVERITY.filter(
		(intent) => (scores.get(intent)?.score ?? 0) >= INTENT_THRESHOLD,
	);
	if (intents.some((intent) => !PASSIVE.has(intent)))
		intents = intents.filter((intent) => !PASSIVE.has(intent));
	// "Thanks, what is the bank account?" is a question, however polite.
	if (intents.length === 0) intents = ['other'];
	for (const intent of intents)
		for (const item of scores.get(intent)?.evidence ?? []) evidence.push(item);

	const rulesPrimary = intents[0];
	const rulesScore = scores.get(rulesPrimary)?.score ?? 0;
	let rulesConfidence = rulesPrimary === 'other' ? 0.3 : 1 - Math.exp(-rulesScore);
	// Competing action intents (not counting the passive ones) lower confidence a little.
	if (intents.length > 2) rulesConfidence -= 0.05 * (intents.length - 2);
	// The learned classifier reads the same words: it adds recall, the rules keep their evidence.
	const fused =
		options.learned === false
			? null
			: fuseLearned({
					intents,
					confidence: rulesConfidence,
					// A question mark alone is weak evidence: "bank details?" asks for a document.
					negated,
					questionMarkOnly:
						intents[0] === 'question' &&
						(scores.get('question')?.evidence ?? []).every((item) => item.rule === 'question.mark'),
					text,
					flags: modelFlags(parsed),
					autoReply: parsed.autoReply !== null,
				});
	if (fused) {
		intents = fused.intents;
		if (fused.evidence) evidence.push(fused.evidence);
	}

	// Extraction.
	const language = guessLanguage(text);
	const dates = findDates(text, reference, dayOrderFor(language, zone));
	const emails = findEmails(spoken).filter(
		(email) =>
			email.address !== sender &&
			!/^(?:no-?reply|do-?not-?reply|mailer-daemon|postmaster)@/.test(email.address),
	);
	const amounts = findAmounts(original);
	const invoiceNumbers = findInvoiceNumbers(`${input.subject ?? ''}\n${spoken}`);
	const extracted: Extracted = { invoiceNumbers, documentsRequested: [...documents] };
	if (emails.length > 0) extracted.newContactEmail = emails[0].address;

	const promiseSpans = [
		...(scores.get('promise_to_pay')?.spans ?? []),
		...(scores.get('payment_plan')?.spans ?? []),
	];
	// A commitment to a date counts whatever the reply's label: "send the VAT invoice; we pay Friday regardless".
	// Which date, and whether there is one: src/triage/promised.ts (triage-dates).
	const promiseIntent = intents.includes('promise_to_pay') || intents.includes('payment_plan');
	const promised = promisedDateOf({
		text,
		spans,
		dates,
		promiseSpans:
			promiseIntent || (!intents.includes('opt_out') && !intents.includes('legal_threat'))
				? promiseSpans
				: [],
		reference,
		promiseIntent,
		paidReading: intents.includes('already_paid'),
		readCommitments: !intents.includes('bounce'),
	});
	if (promised) extracted.promisedDate = promised;
	if (intents.includes('out_of_office')) {
		const back = returnDate(dates, text, reference);
		if (back) extracted.returnDate = back;
	}
	const paidOrPromised = [
		...promiseSpans,
		...(scores.get('already_paid')?.spans ?? []),
		...(scores.get('refund_request')?.spans ?? []),
	];
	const amount =
		amounts.find((candidate) =>
			paidOrPromised.some((span) => candidate.start >= span.start && candidate.start < span.end),
		) ?? amounts[0];
	if (amount)
		extracted.amount = {
			text: amount.text,
			value: amount.value,
			currency: amount.currency,
			minor: amount.minor,
		};

	const primary = intents[0];
	let confidence = fused ? fused.confidence : rulesConfidence;
	confidence = Math.max(0.05, Math.min(0.99, Math.round(confidence * 100) / 100));

	if (overlong) {
		evidence.push({
			intent: null,
			rule: 'signal.overlong',
			snippet: `${said.length} characters of new text; the first ${MAX_ANALYSED_CHARS} were analysed`,
			weight: 1,
		});
	}
	const firstSentence =
		scores.get(primary)?.evidence[0]?.snippet ??
		scores.get(rulesPrimary)?.evidence[0]?.snippet ??
		(text.trim() === ''
			? '(empty reply)'
			: snippet(original, 0, Math.min(original.length, 100), 0));
	const result = finish(
		intents,
		confidence,
		evidence,
		extracted,
		reference,
		options,
		firstSentence,
		{
			paymentLink: paymentLinkFailed,
			injection,
			insolvency,
			overlong,
		},
	);
	if (fused?.trace) result.learned = { ...fused.trace, rulesIntent: rulesPrimary };
	if (fused?.review && !result.escalate) {
		result.review = [...(result.review ?? []), fused.review];
		result.route = routeTriage(result, options);
	}
	return result;
}

const CAPS_WORD = /\p{Lu}{3,}/gu;
const WORD = /\p{L}{3,}/gu;

/**
 * The first sentence written in capitals: at least four words of three or more letters, three in five of them in
 * capitals, and an exclamation mark or more shouting elsewhere (acronyms such as PO, IBAN or BTW alone do not count).
 */
function shoutedSpan(original: string, spans: readonly Span[]): Span | undefined {
	CAPS_WORD.lastIndex = 0;
	let capitals = 0;
	while (CAPS_WORD.exec(original) !== null && capitals < 8) capitals++;
	if (capitals < 4) return undefined;
	for (const span of spans.slice(0, 200)) {
		const sentence = original.slice(span.start, span.end);
		const words = sentence.match(WORD) ?? [];
		if (words.length < 4) continue;
		const loud = words.filter((word) => word === word.toUpperCase() && word !== word.toLowerCase());
		if (
			loud.length >= 4 &&
			loud.length >= 0.6 * words.length &&
			(sentence.includes('!') || capitals >= 8)
		)
			return span;
	}
	return undefined;
}

function emptyExtracted(invoiceNumbers: string[]): Extracted {
	return { invoiceNumbers, documentsRequested: [] };
}

const RETURN_CUE =
	/\b(?:back|return|returning|until|till|through|thru|bis|zuruck|wieder|retour|jusqu'au|jusqu'a|hasta|regreso|vuelta|volvere|ab dem|ab)\b/g;

function returnDate(dates: DateMention[], text: string, reference: string): string | undefined {
	const refDay = dayNumber(reference) as number;
	const future = dates.filter((mention) => (dayNumber(mention.date) as number) >= refDay);
	RETURN_CUE.lastIndex = 0;
	let match: RegExpExecArray | null;
	while ((match = RETURN_CUE.exec(text)) !== null) {
		const cueEnd = match.index + match[0].length;
		const after = future.find((mention) => mention.start >= cueEnd && mention.start - cueEnd < 40);
		if (after) return after.date;
	}
	// "Out from 1 to 12 December": the last date mentioned is the end of the absence.
	return future.length > 0 ? future[future.length - 1].date : undefined;
}

/** Facts that escalate whatever the intent: a failed payment link, an injection attempt, insolvency, a huge body. */
interface Signals {
	paymentLink?: boolean;
	injection?: boolean;
	insolvency?: boolean;
	overlong?: boolean;
}

function finish(
	intents: ReplyIntent[],
	confidence: number,
	evidence: Evidence[],
	extracted: Extracted,
	reference: string,
	options: TriageOptions,
	lead: string,
	signals: Signals = {},
): TriageResult {
	const intent = intents[0];
	const escalate =
		intentsEscalate(intents) ||
		Boolean(signals.paymentLink || signals.injection || signals.insolvency || signals.overlong);
	const stopCadence = intentsStopCadence(intents);
	const paidDays = options.paidPauseDays ?? DEFAULT_PAID_PAUSE_DAYS;
	const pauseUntil = stopCadence
		? undefined
		: pauseUntilFor(intent, extracted, paidDays > 0 ? addDays(reference, paidDays) : undefined);
	const review = reviewReasons(extracted, reference, options);
	const result: TriageResult = {
		intent,
		intents,
		confidence,
		route: 'none',
		escalate,
		stopCadence,
		...(pauseUntil ? { pauseUntil } : {}),
		extracted,
		evidence,
		summary: summarise(intent, extracted, lead, signals),
		...(review.length > 0 ? { review } : {}),
	};
	result.route = routeTriage(result, options);
	return result;
}

/** Facts that need a person although nothing escalates: a promise too far away to accept without one. */
export function reviewReasons(
	extracted: Extracted,
	reference: string,
	options: Pick<TriageOptions, 'maxPromiseDays'>,
): string[] {
	const reasons: string[] = [];
	const limit = options.maxPromiseDays ?? DEFAULT_MAX_PROMISE_DAYS;
	const promised = extracted.promisedDate ? dayNumber(extracted.promisedDate) : null;
	const today = dayNumber(reference);
	if (promised !== null && today !== null && promised - today > limit)
		reasons.push(
			`promised ${extracted.promisedDate}, more than ${limit} days after the reply: a person agrees or not`,
		);
	return reasons;
}

function summarise(
	intent: ReplyIntent,
	extracted: Extracted,
	lead: string,
	signals: Signals,
): string {
	const parts: string[] = [LABEL[intent]];
	if (extracted.promisedDate) parts.push(`for ${extracted.promisedDate}`);
	if (extracted.amount) parts.push(`amount ${extracted.amount.text}`);
	if (extracted.returnDate) parts.push(`back ${extracted.returnDate}`);
	if (extracted.newContactEmail) parts.push(`contact ${extracted.newContactEmail}`);
	if (extracted.documentsRequested.length > 0)
		parts.push(`wants ${extracted.documentsRequested.join(', ').replace(/_/g, ' ')}`);
	if (extracted.invoiceNumbers.length > 0)
		parts.push(`re ${extracted.invoiceNumbers.slice(0, 3).join(', ')}`);
	let summary = parts.join(', ');
	if (signals.paymentLink) summary += '; the payment link failed for them';
	if (signals.injection) summary += '; the reply tries to instruct an automated system';
	if (signals.insolvency) summary += '; mentions insolvency or administration';
	if (signals.overlong)
		summary += `; longer than ${MAX_ANALYSED_CHARS} characters, read only in part`;
	const quote = lead.replace(/\s+/g, ' ').trim().slice(0, 160);
	return `${summary}: "${quote}"`;
}

/** Intents that stop the cadence for good: the client said stop, or a person must take over. */
const STOPPING_INTENTS: readonly ReplyIntent[] = ['opt_out', 'legal_threat', 'dispute', 'bounce'];

/**
 * The decisions that follow from the intents, shared by the rules engine and the AI classifier so both engines
 * route a reply the same way: which intents escalate (a wrong contact too: a person makes the update),
 * which stop the cadence, and how long a promise, an absence or a paid claim pauses it.
 */
export function intentsEscalate(intents: readonly ReplyIntent[]): boolean {
	return intents.some((candidate) => ESCALATING_INTENTS.includes(candidate));
}

export function intentsStopCadence(intents: readonly ReplyIntent[]): boolean {
	return intents.some((candidate) => STOPPING_INTENTS.includes(candidate));
}

export function pauseUntilFor(
	intent: ReplyIntent,
	extracted: TriageResult['extracted'],
	paidPauseUntil: string | undefined,
): string | undefined {
	if (intent === 'promise_to_pay') return extracted.promisedDate;
	if (intent === 'out_of_office') return extracted.returnDate;
	if (intent === 'already_paid') return paidPauseUntil;
	return undefined;
}
