/**
 * `evaluateEscalation(input, rules?, context?)`: does this item need a person, why, how urgently, who owns it,
 * by when, and the packet that person reads. Pure: the only state is the de-duplication ledger the caller passes.
 */
import { AsOfCalendar, dayNumber, toInstant } from '../dates';
import { formatMoney, toMinor } from '../money';
import type { Invoice } from '../invoice/schema';
import { isCsuiteContact } from '../state/check';
import { checkEscalationLedger, escalationKey, recordEscalation } from './dedup';
import { buildEscalationPacket } from './packet';
import { assignEscalationOwner } from './routing';
import {
	ESCALATION_PRIORITIES,
	ESCALATION_REASONS,
	EscalationRulesSchema,
	type EscalationContext,
	type EscalationInput,
	type EscalationPriority,
	type EscalationReasonCode,
	type EscalationReasonDetail,
	type EscalationResult,
	type EscalationRules,
	type EscalationRulesInput,
	type EscalationTriage,
} from './schema';
import { SlaClock } from './sla';

const COMPILED = Symbol('compiledEscalationRules');

/** Rules parsed once, with per-execution caches (thresholds per currency, SLA clock, as-of calendar). */
export interface CompiledEscalationRules {
	readonly [COMPILED]: true;
	readonly rules: EscalationRules;
	readonly finalStep: RegExp;
	readonly thresholds: Map<string, number | null>;
	clock?: SlaClock;
	calendar?: AsOfCalendar;
	lastAsOf?: { input: NonNullable<EscalationContext['asOf']>; millis: number; iso: string };
}

/** Readable one-line description of what is wrong with a rules object. */
export function describeEscalationRulesError(input: unknown): string | null {
	const parsed = EscalationRulesSchema.safeParse(input ?? {});
	if (parsed.success) return null;
	return parsed.error.issues
		.map((issue) => `${issue.path.join('.') || 'rules'}: ${issue.message}`)
		.join('; ');
}

/** Validates and fills in the rules once (throws with a readable message when they are invalid). */
export function compileEscalationRules(
	input?: EscalationRulesInput | CompiledEscalationRules,
): CompiledEscalationRules {
	if (input && (input as CompiledEscalationRules)[COMPILED])
		return input as CompiledEscalationRules;
	const parsed = EscalationRulesSchema.safeParse(input ?? {});
	if (!parsed.success)
		throw new Error(`invalid escalation rules: ${describeEscalationRulesError(input)}`);
	const rules = parsed.data;
	let finalStep: RegExp;
	try {
		finalStep = new RegExp(rules.strategicFinalNotice.finalStepPattern, 'i');
	} catch {
		finalStep = new RegExp(
			rules.strategicFinalNotice.finalStepPattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
			'i',
		);
	}
	return { [COMPILED]: true, rules, finalStep, thresholds: new Map() };
}

const defaultCompiled = new WeakMap<object, CompiledEscalationRules>();
let defaults: CompiledEscalationRules | undefined;

function compiledFor(
	rules: EscalationRulesInput | CompiledEscalationRules | undefined,
): CompiledEscalationRules {
	if (rules === undefined) return (defaults ??= compileEscalationRules());
	if ((rules as CompiledEscalationRules)[COMPILED]) return rules as CompiledEscalationRules;
	let compiled = defaultCompiled.get(rules);
	if (!compiled) {
		compiled = compileEscalationRules(rules);
		defaultCompiled.set(rules, compiled);
	}
	return compiled;
}

const PRIORITY_RANK: Record<EscalationPriority, number> = { P1: 0, P2: 1, P3: 2 };
const REASON_RANK = Object.fromEntries(
	ESCALATION_REASONS.map((code, index) => [code, index]),
) as Record<EscalationReasonCode, number>;

const LINK_PROBLEM =
	/\b(?:(?:payment\s+)?link\s+(?:(?:does\s*n[o']t|did\s*n[o']t|does not|did not|won'?t|is\s*n[o']t|is not)\s+work|(?:is\s+|was\s+)?(?:broken|expired|invalid|dead))|(?:card|payment)\s+(?:was\s+)?(?:declined|rejected|failed)|can(?:no|')t\s+pay\s+(?:online|through|via|with)\s+the\s+link)/i;

/** A readable quote from one triage evidence entry (strings or `{ phrase | text | quote, rule?, intent? }`). */
function evidenceText(entry: unknown): { text: string; intent?: string } | null {
	if (typeof entry === 'string') return entry.trim() ? { text: entry.trim() } : null;
	if (!entry || typeof entry !== 'object') return null;
	const record = entry as Record<string, unknown>;
	const quote = [record.phrase, record.text, record.quote, record.match, record.snippet].find(
		(value): value is string => typeof value === 'string' && value.trim() !== '',
	);
	const label = [record.intent, record.label].find(
		(value): value is string => typeof value === 'string',
	);
	const rule = typeof record.rule === 'string' ? record.rule : undefined;
	if (!quote && !rule) return null;
	const text = quote ? (rule ? `"${quote}" (${rule})` : `"${quote}"`) : rule!;
	return { text, intent: label };
}

function triageEvidence(triage: EscalationTriage, intent: string, limit: number): string[] {
	const out: string[] = [];
	for (const entry of triage.evidence) {
		const read = evidenceText(entry);
		if (read && (!read.intent || read.intent === intent)) out.push(read.text);
		if (out.length >= limit) break;
	}
	return out;
}

function thresholdMinor(compiled: CompiledEscalationRules, currency: string): number | null {
	let minor = compiled.thresholds.get(currency);
	if (minor === undefined) {
		const { thresholds, otherCurrencies } = compiled.rules.highValue;
		const major = thresholds[currency] ?? otherCurrencies;
		minor = major === undefined ? null : toMinor(major, currency);
		compiled.thresholds.set(currency, minor);
	}
	return minor;
}

/** The as-of instant and its ISO text; a batch passes the same as-of for every item, so it is parsed once. */
function asOfOf(
	compiled: CompiledEscalationRules,
	asOf: EscalationContext['asOf'],
): { millis: number; iso: string } {
	if (asOf === undefined) {
		const millis = Date.now();
		return { millis, iso: new Date(millis).toISOString() };
	}
	const last = compiled.lastAsOf;
	if (last && last.input === asOf) return last;
	const millis = asOf instanceof Date ? asOf.getTime() : toInstant(asOf as string | number);
	if (millis === null || Number.isNaN(millis))
		throw new Error(`"${String(asOf)}" is not a date or timestamp (as of)`);
	compiled.lastAsOf = { input: asOf, millis, iso: new Date(millis).toISOString() };
	return compiled.lastAsOf;
}

function daysPastDueOf(
	input: EscalationInput,
	compiled: CompiledEscalationRules,
	asOfMillis: number,
): number | null {
	if (typeof input.paymentState?.daysPastDue === 'number') return input.paymentState.daysPastDue;
	const invoice = input.invoice;
	const due = invoice?.dueOn ?? invoice?.issuedOn;
	if (!invoice || !due) return null;
	if (!compiled.calendar || compiled.calendar.asOf !== asOfMillis) {
		compiled.calendar = new AsOfCalendar(asOfMillis, 'UTC');
	}
	const today = dayNumber(compiled.calendar.dateIn(invoice.customer.timezone))!;
	const dueDay = dayNumber(due);
	return dueDay === null ? null : Math.max(0, today - dueDay);
}

function isCollectible(invoice: Invoice | undefined, input: EscalationInput): boolean {
	if (!invoice) return false;
	if (input.paymentState?.route === 'closed') return false;
	return (
		(invoice.lifecycle === 'open' || invoice.lifecycle === 'uncollectible') &&
		invoice.amountDueMinor > 0
	);
}

/** The reasons this item needs a person, highest priority first. Pure and allocation-light. */
export function escalationReasons(
	input: EscalationInput,
	compiled: CompiledEscalationRules,
	asOfMillis: number,
): { details: EscalationReasonDetail[]; daysPastDue: number | null } {
	const { rules } = compiled;
	const { invoice, paymentState, triage, cadence } = input;
	const details: EscalationReasonDetail[] = [];
	const maxEvidence = rules.packet.maxEvidence;
	const add = (
		code: EscalationReasonCode,
		priority: EscalationPriority,
		message: string,
		evidence: string[] = [],
	) => {
		details.push({ code, priority, message, evidence });
	};

	const intents = new Set<string>();
	if (triage) {
		intents.add(triage.intent);
		for (const intent of triage.intents) intents.add(intent);
	}
	const replyRule = (
		intent: string,
		code: EscalationReasonCode,
		enabled: boolean,
		priority: EscalationPriority,
		message: string,
	) => {
		if (enabled && intents.has(intent))
			add(code, priority, message, triageEvidence(triage!, intent, maxEvidence));
	};
	const collectible = isCollectible(invoice, input);
	const signals = new Set(paymentState?.signals ?? []);

	replyRule(
		'legal_threat',
		'legal_threat',
		rules.legalThreat.enabled,
		rules.legalThreat.priority,
		'The reply mentions legal action.',
	);

	const daysPastDue = daysPastDueOf(input, compiled, asOfMillis);

	if (rules.highValue.enabled && invoice && collectible) {
		const threshold = thresholdMinor(compiled, invoice.currency);
		const overThreshold = threshold !== null && invoice.amountDueMinor >= threshold;
		if (overThreshold || (rules.highValue.trustSignal && signals.has('high_value'))) {
			add(
				'high_value',
				rules.highValue.priority,
				overThreshold
					? `High-value balance: ${invoice.amountDueFormatted} due (threshold ${formatMoney(threshold!, invoice.currency, rules.packet.locale)}).`
					: `High-value balance: ${invoice.amountDueFormatted} due (flagged by Payment State Check).`,
				[`amount due ${invoice.amountDueFormatted}`],
			);
		}
	}

	if (rules.dispute.enabled) {
		const flagged = invoice?.flags.disputed === true || paymentState?.state === 'disputed';
		if (intents.has('dispute')) {
			add('dispute', rules.dispute.priority, 'The customer disputes the invoice.', [
				...(flagged ? ['invoice flagged as disputed'] : []),
				...triageEvidence(triage!, 'dispute', maxEvidence),
			]);
		} else if (flagged) {
			add('dispute', rules.dispute.priority, 'The invoice is flagged as disputed at the source.', [
				'flags.disputed',
			]);
		}
	}

	replyRule(
		'complaint',
		'complaint',
		rules.complaint.enabled,
		rules.complaint.priority,
		'The reply is a complaint or an angry message.',
	);
	replyRule(
		'refund_request',
		'refund_request',
		rules.refundRequest.enabled,
		rules.refundRequest.priority,
		'The customer asks for a refund.',
	);

	if (rules.failedPayment.enabled && (collectible || !invoice)) {
		const attempts = invoice?.failedPaymentAttempts ?? 0;
		const evidence: string[] = [];
		if (attempts >= rules.failedPayment.minAttempts)
			evidence.push(`${attempts} failed payment attempt(s)`);
		else if (paymentState?.state === 'failed_payment' || signals.has('failed_payment'))
			evidence.push('payment state: failed payment');
		if (rules.failedPayment.detectLinkProblems && triage) {
			const texts = [
				triage.summary ?? '',
				...triage.evidence.map((entry) => evidenceText(entry)?.text ?? ''),
				input.reply?.text?.slice(0, 4000) ?? '',
			];
			for (const text of texts) {
				const match = LINK_PROBLEM.exec(text);
				if (match) {
					evidence.push(`"${match[0]}"`);
					break;
				}
			}
		}
		if (evidence.length > 0) {
			add(
				'failed_payment',
				rules.failedPayment.priority,
				attempts >= rules.failedPayment.minAttempts
					? `A payment failed (${attempts} attempt(s)).`
					: 'The payment or the payment link failed.',
				evidence,
			);
		}
	}

	if (rules.brokenPromises.enabled && invoice && collectible) {
		const current = paymentState?.state === 'broken_promise' ? 1 : 0;
		const broken = (invoice.promise?.brokenCount ?? 0) + current;
		if (broken >= rules.brokenPromises.count) {
			add(
				'broken_promises',
				rules.brokenPromises.priority,
				`${broken} promises to pay were broken.`,
				[
					`promise.brokenCount ${invoice.promise?.brokenCount ?? 0}${current ? ' + the current promise' : ''}`,
				],
			);
		}
	}

	const findings = cadence?.findings ?? [];
	if (rules.guardrail.enabled && findings.length > 0) {
		add(
			'guardrail',
			rules.guardrail.priority,
			`The planned message failed the guardrail check (${findings.map((finding) => finding.rule).join(', ')}).`,
			findings
				.slice(0, maxEvidence)
				.map((finding) =>
					finding.phrase ? `"${finding.phrase}": ${finding.message}` : finding.message,
				),
		);
	}

	if (
		rules.csuiteContact.enabled &&
		invoice &&
		collectible &&
		(isCsuiteContact(invoice) || signals.has('csuite_contact'))
	) {
		add(
			'csuite_contact',
			rules.csuiteContact.priority,
			'The contact is an executive who is not the billing contact.',
			[invoice.contact.title ? `title "${invoice.contact.title}"` : 'csuite_contact signal'],
		);
	}

	if (
		rules.strategicFinalNotice.enabled &&
		invoice?.customer.tier &&
		collectible &&
		cadence?.step
	) {
		const step = cadence.step;
		const planned = cadence.action === 'send' || cadence.action === 'escalate';
		const isFinal = [step.id, step.template, step.tone].some(
			(text) => typeof text === 'string' && compiled.finalStep.test(text),
		);
		if (planned && isFinal && rules.strategicFinalNotice.tiers.includes(invoice.customer.tier)) {
			add(
				'strategic_final_notice',
				rules.strategicFinalNotice.priority,
				`A ${invoice.customer.tier} account is about to get the final notice (step "${step.id}").`,
				[`step ${step.id}`],
			);
		}
	}

	replyRule(
		'payment_plan',
		'payment_plan',
		rules.paymentPlan.enabled,
		rules.paymentPlan.priority,
		'The customer asks for a payment plan, an extension or custom terms.',
	);

	if (rules.wrongContact.enabled) {
		const newContact = triage?.extracted.newContactEmail;
		if (intents.has('wrong_contact')) {
			add(
				'wrong_contact',
				rules.wrongContact.priority,
				'The reply says this is the wrong contact.',
				[
					...(newContact ? [`new contact: ${newContact}`] : []),
					...triageEvidence(triage!, 'wrong_contact', maxEvidence),
				],
			);
		} else if (rules.wrongContact.includeBounce && intents.has('bounce')) {
			add(
				'wrong_contact',
				rules.wrongContact.priority,
				'The reminder bounced: the contact address does not work.',
				triageEvidence(triage!, 'bounce', maxEvidence),
			);
		} else if (
			rules.wrongContact.includeMissingContact &&
			invoice &&
			collectible &&
			!invoice.contact.email
		) {
			add(
				'wrong_contact',
				rules.wrongContact.priority,
				'The invoice has no contact email: nobody can be reminded.',
				['contact.email is empty'],
			);
		}
	}

	if (
		rules.daysPastDue.enabled &&
		collectible &&
		daysPastDue !== null &&
		daysPastDue >= rules.daysPastDue.days
	) {
		add(
			'days_past_due',
			rules.daysPastDue.priority,
			`${daysPastDue} days past due: past the ${rules.daysPastDue.days}-day handoff.`,
			[`due ${invoice?.dueOn ?? invoice?.issuedOn ?? '?'}`],
		);
	}

	if (rules.upstreamRequest.enabled) {
		const fromTriage = new Set<EscalationReasonCode>([
			'legal_threat',
			'dispute',
			'complaint',
			'refund_request',
			'payment_plan',
			'wrong_contact',
			'failed_payment',
		]);
		const fromCadence = new Set<EscalationReasonCode>([
			'guardrail',
			'strategic_final_notice',
			'csuite_contact',
		]);
		const asks: string[] = [];
		if (triage?.escalate && !details.some((detail) => fromTriage.has(detail.code))) {
			asks.push(`Reply Triage flagged a "${triage.intent}" reply for a person`);
		}
		if (cadence?.action === 'escalate' && !details.some((detail) => fromCadence.has(detail.code))) {
			asks.push(`Cadence Step asked for a person${cadence.reason ? `: ${cadence.reason}` : ''}`);
		}
		if (asks.length > 0)
			add('upstream_request', rules.upstreamRequest.priority, `${asks.join('; ')}.`, asks);
	}

	details.sort(
		(a, b) =>
			PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] ||
			REASON_RANK[a.code] - REASON_RANK[b.code],
	);
	return { details, daysPastDue };
}

/**
 * Evaluates one item. `rules` is a rules object (defaults filled in) or a compiled one; omitted for the defaults.
 * With `context.ledger`, reasons escalated for the same invoice within `dedup.withinDays` are not escalated again
 * (the result says `alreadyEscalated`), and new escalations are recorded in the ledger.
 */
export function evaluateEscalation(
	input: EscalationInput,
	rules?: EscalationRulesInput | CompiledEscalationRules,
	context: EscalationContext = {},
): EscalationResult {
	const compiled = compiledFor(rules);
	const { millis: asOfMillis, iso: evaluatedAt } = asOfOf(compiled, context.asOf);
	const { details, daysPastDue } = escalationReasons(input, compiled, asOfMillis);
	const key = escalationKey(input.invoice, input.triage);
	const { owner, ownerSource } = assignEscalationOwner(
		input.invoice,
		compiled.rules.routing,
		compiled.rules.fallbackOwner,
	);

	let reasons = details.map((detail) => detail.code);
	let repeatedReasons: EscalationReasonCode[] = [];
	let alreadyEscalated = false;
	const { dedup } = compiled.rules;
	if (reasons.length > 0 && context.ledger && key && dedup.enabled && dedup.withinDays > 0) {
		const seen = checkEscalationLedger(context.ledger, key, reasons, asOfMillis, dedup.withinDays);
		repeatedReasons = seen.repeated;
		if (seen.fresh.length === 0) alreadyEscalated = true;
	}
	reasons = [...new Set(reasons)];
	const priority =
		details.length > 0
			? ESCALATION_PRIORITIES[Math.min(...details.map((detail) => PRIORITY_RANK[detail.priority]))]
			: null;
	const escalate = reasons.length > 0 && !alreadyEscalated;

	const result: EscalationResult = {
		escalate,
		alreadyEscalated,
		reasons,
		details,
		repeatedReasons,
		priority,
		...(owner ? { owner } : {}),
		ownerSource,
		key,
		evaluatedAt,
		packet: null,
	};
	if (!escalate) return result;

	if (!compiled.clock || compiled.clock.asOfMillis !== asOfMillis)
		compiled.clock = new SlaClock(asOfMillis, compiled.rules.sla);
	const sla = compiled.clock.dueBy(priority!);
	result.dueBy = sla.dueBy;
	result.slaHours = sla.hours;
	if (context.ledger && key && dedup.enabled && dedup.withinDays > 0)
		recordEscalation(context.ledger, key, reasons, evaluatedAt);
	result.packet = buildEscalationPacket(input, result, compiled.rules, daysPastDue);
	return result;
}

/** Evaluates a batch with one compiled rule set and one SLA clock (what the node and the benchmark do). */
export function evaluateEscalations(
	inputs: readonly EscalationInput[],
	rules?: EscalationRulesInput | CompiledEscalationRules,
	context: EscalationContext = {},
): EscalationResult[] {
	const compiled = compiledFor(rules);
	const shared: EscalationContext = { ...context, asOf: context.asOf ?? Date.now() };
	return inputs.map((input) => evaluateEscalation(input, compiled, shared));
}
