/**
 * `evaluateEscalation(input, rules?, context?)`: does this item need a person, why, how urgently, who owns it,
 * by when, and the packet that person reads. Pure: the only state is the de-duplication ledger the caller passes.
 */
import { AsOfCalendar, dayNumber, toInstant } from '../dates';
import { z } from 'zod';

import { formatMoney } from '../money';
import type { Invoice } from '../invoice/schema';
import { checkEscalationLedger, escalationKey, recordEscalation } from './dedup';
import { buildEscalationPacket } from './packet';
import { assignEscalationOwner } from './routing';
import {
	ESCALATION_PRIORITIES,
	ESCALATION_REASONS,
	ESCALATION_RULES,
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
import type { EscalationRuleContext, EscalationRuleDefinition, RuleSettings } from './rule';
import { SlaClock, slaHolidayPlace } from './sla';

const COMPILED = Symbol('compiledEscalationRules');

/** Rules parsed once, with per-execution caches (each rule's compiled state, SLA clock, as-of calendar). */
export interface CompiledEscalationRules {
	readonly [COMPILED]: true;
	readonly rules: EscalationRules;
	/** The enabled rules in registry order, with their settings and compiled state. */
	readonly active: ReadonlyArray<{
		rule: AnyEscalationRule;
		settings: RuleSettings<z.ZodRawShape>;
		state: unknown;
	}>;
	clock?: SlaClock;
	calendar?: AsOfCalendar;
	lastAsOf?: { input: NonNullable<EscalationContext['asOf']>; millis: number; iso: string };
}

type AnyEscalationRule = EscalationRuleDefinition<
	EscalationReasonCode,
	string,
	z.ZodRawShape,
	unknown
>;

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
	const settingsOf = rules as unknown as Record<string, RuleSettings<z.ZodRawShape>>;
	const active = (ESCALATION_RULES as readonly AnyEscalationRule[])
		.filter((rule) => settingsOf[rule.key].enabled)
		.map((rule) => {
			const settings = settingsOf[rule.key];
			return { rule, settings, state: rule.compile?.(settings) };
		});
	return { [COMPILED]: true, rules, active };
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

function triageEvidence(
	triage: EscalationTriage,
	intent: string | undefined,
	limit: number,
): string[] {
	const out: string[] = [];
	for (const entry of triage.evidence) {
		if (out.length >= limit) break;
		const read = evidenceText(entry);
		if (read && (intent === undefined || !read.intent || read.intent === intent))
			out.push(read.text);
	}
	return out;
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

/** The reasons this item needs a person, highest priority first: every enabled rule of the registry, in order. */
export function escalationReasons(
	input: EscalationInput,
	compiled: CompiledEscalationRules,
	asOfMillis: number,
): { details: EscalationReasonDetail[]; daysPastDue: number | null } {
	const { rules } = compiled;
	const { invoice, triage } = input;
	const details: EscalationReasonDetail[] = [];
	const maxEvidence = rules.packet.maxEvidence;
	const intents = new Set<string>();
	if (triage) {
		intents.add(triage.intent);
		for (const intent of triage.intents) intents.add(intent);
	}
	const answered = { triage: false, cadence: false };
	const context: EscalationRuleContext = {
		input,
		invoice,
		triage,
		cadence: input.cadence,
		intents,
		signals: new Set(input.paymentState?.signals ?? []),
		collectible: isCollectible(invoice, input),
		daysPastDue: daysPastDueOf(input, compiled, asOfMillis),
		maxEvidence,
		evidence: (intent) => (triage ? triageEvidence(triage, intent, maxEvidence) : []),
		answered: (source) => answered[source],
		locale: rules.packet.locale,
	};
	for (const { rule, settings, state } of compiled.active) {
		const finding = rule.evaluate(context, settings, state);
		if (finding === null) continue;
		details.push({
			code: rule.code,
			priority: settings.priority,
			message: finding.message,
			evidence: finding.evidence,
		});
		if (rule.answers) answered[rule.answers] = true;
	}
	details.sort(
		(a, b) =>
			PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] ||
			REASON_RANK[a.code] - REASON_RANK[b.code],
	);
	return { details, daysPastDue: context.daysPastDue };
}

/** One item assessed: the result without its packet, and what the packet needs. */
interface Assessed {
	input: EscalationInput;
	result: EscalationResult;
	daysPastDue: number | null;
}

/** Everything but the packet: reasons, de-duplication against open cases, owner, priority and SLA. */
function assessEscalation(
	input: EscalationInput,
	compiled: CompiledEscalationRules,
	context: EscalationContext,
): Assessed {
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
	let openedAt: string | null = null;
	let alreadyEscalated = false;
	const { dedup } = compiled.rules;
	if (reasons.length > 0 && context.ledger && key && dedup.enabled && dedup.withinDays > 0) {
		const seen = checkEscalationLedger(context.ledger, key, reasons, asOfMillis, dedup.withinDays);
		repeatedReasons = seen.repeated;
		openedAt = seen.lastEscalatedAt;
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
	// A duplicate of an open case is added to that case, and says so.
	if (alreadyEscalated && key)
		result.case = {
			key,
			openedAt: openedAt ?? evaluatedAt,
			reasons: repeatedReasons,
			joined: true,
		};
	if (!escalate) return { input, result, daysPastDue };

	if (!compiled.clock || compiled.clock.asOfMillis !== asOfMillis)
		compiled.clock = new SlaClock(asOfMillis, compiled.rules.sla);
	const sla = compiled.clock.dueBy(
		priority!,
		slaHolidayPlace(compiled.rules.sla, input.invoice?.customer),
	);
	result.dueBy = sla.dueBy;
	result.slaHours = sla.hours;
	if (key) result.case = { key, openedAt: evaluatedAt, reasons, joined: false };
	if (context.ledger && key && dedup.enabled && dedup.withinDays > 0)
		recordEscalation(context.ledger, key, reasons, evaluatedAt);
	return { input, result, daysPastDue };
}

/**
 * Evaluates one item. `rules` is a rules object (defaults filled in) or a compiled one; omitted for the defaults.
 * With `context.ledger` (open cases, e.g. from the collections ledger), reasons already in an open case for the
 * same invoice within `dedup.withinDays` are not escalated again: the result says `alreadyEscalated` and names the
 * case it joined; new escalations are recorded in the ledger.
 */
export function evaluateEscalation(
	input: EscalationInput,
	rules?: EscalationRulesInput | CompiledEscalationRules,
	context: EscalationContext = {},
): EscalationResult {
	const compiled = compiledFor(rules);
	const assessed = assessEscalation(input, compiled, context);
	if (assessed.result.escalate)
		assessed.result.packet = buildEscalationPacket(
			input,
			assessed.result,
			compiled.rules,
			assessed.daysPastDue,
		);
	return assessed.result;
}

/**
 * Evaluates a batch with one compiled rule set and one SLA clock (what the node and the benchmark do). With
 * `group.byCustomer` (the node's default), new escalations of one customer for the same main reason become one
 * case: the first item carries the packet, listing every invoice; the others join that case (`case.joined`,
 * `escalate: false`), so 200 invoices of one customer make one escalation, not 200.
 */
export function evaluateEscalations(
	inputs: readonly EscalationInput[],
	rules?: EscalationRulesInput | CompiledEscalationRules,
	context: EscalationContext = {},
): EscalationResult[] {
	const compiled = compiledFor(rules);
	const shared: EscalationContext = { ...context, asOf: context.asOf ?? Date.now() };
	const assessed = inputs.map((input) => assessEscalation(input, compiled, shared));
	if (context.groupByCustomer) groupByCustomer(assessed, compiled.rules.packet.locale);
	for (const { input, result, daysPastDue } of assessed)
		if (result.escalate)
			result.packet = buildEscalationPacket(input, result, compiled.rules, daysPastDue);
	return assessed.map((entry) => entry.result);
}

const GROUP_LISTED = 20;

/** Folds new escalations of one customer with the same main reason into the first one's case. */
function groupByCustomer(assessed: Assessed[], locale: string): void {
	const leaders = new Map<string, Assessed[]>();
	for (const entry of assessed) {
		const { result, input } = entry;
		const customer = input.invoice?.customer;
		if (!result.escalate || !customer) continue;
		const caseKey = `customer:${customer.id ?? customer.name}#${result.details[0].code}`;
		const members = leaders.get(caseKey);
		if (members) members.push(entry);
		else leaders.set(caseKey, [entry]);
	}
	for (const [caseKey, members] of leaders) {
		if (members.length < 2) continue;
		const [leader, ...rest] = members;
		const invoices = members.map(({ input }) => input.invoice!);
		const totals = new Map<string, number>();
		for (const invoice of invoices)
			totals.set(invoice.currency, (totals.get(invoice.currency) ?? 0) + invoice.amountDueMinor);
		const total = [...totals].map(([currency, minor]) => formatMoney(minor, currency, locale));
		const numbers = invoices.slice(0, GROUP_LISTED).map((invoice) => invoice.number);
		const more =
			invoices.length > GROUP_LISTED ? ` and ${invoices.length - GROUP_LISTED} more` : '';
		const main = leader.result.details[0];
		leader.result.details[0] = {
			...main,
			message: `${main.message} ${invoices.length} invoices of this customer share this reason (${total.join(' + ')} due): one case for all of them.`,
			evidence: [...main.evidence, `invoices ${numbers.join(', ')}${more}`],
		};
		const reasons = [...new Set(members.flatMap(({ result }) => result.reasons))];
		leader.result.reasons = reasons.filter((code) => leader.result.reasons.includes(code));
		leader.result.case = {
			key: caseKey,
			openedAt: leader.result.evaluatedAt,
			reasons: leader.result.reasons,
			joined: false,
			invoices: invoices.map((invoice) => invoice.number),
		};
		for (const { result } of rest) {
			result.escalate = false;
			result.case = {
				key: caseKey,
				openedAt: result.evaluatedAt,
				reasons: result.reasons,
				joined: true,
			};
		}
	}
}
