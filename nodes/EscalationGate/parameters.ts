/** Escalation Gate's adapter code: reading an item into the evaluator's input, and the rule parameters into rules. */
import {
	NodeOperationError,
	type INode,
	type IDataObject,
	type IExecuteFunctions,
} from 'n8n-workflow';

import {
	ESCALATION_RULES,
	highValueRuleSettings,
	CadenceResultSchema,
	escalationReplyFromItem,
	TriageReadSchema,
	PaymentStateSchema,
	readPaymentState,
	pathKeys,
	type EscalationInput,
	type EscalationLedger,
	type EscalationPriority,
	type EscalationResult,
	type EscalationRulesInput,
} from '../../src';
import { highValueOf } from '../shared/highValue';
import { holidayPlaceOf } from '../shared/options';
import { readInvoice, valueAt } from '../shared/items';

export function plainLedger(stored: unknown): EscalationLedger {
	if (!stored || typeof stored !== 'object') return {};
	return JSON.parse(JSON.stringify(stored)) as EscalationLedger;
}

/** The four upstream keys of one item, validated leniently; a present but broken invoice is an item error. */
export function readInput(
	node: INode,
	json: IDataObject,
	invoiceField: string,
	itemIndex: number,
): EscalationInput {
	const fail = (message: string) =>
		new NodeOperationError(node, message, {
			itemIndex,
			description:
				'Put Payment State Check (for invoices) or Reply Triage (for replies) before this node, or set "Invoice Field" to where the invoice is',
		});
	const input: EscalationInput = {};
	const rawInvoice = valueAt(json, invoiceField);
	if (rawInvoice !== undefined && rawInvoice !== null) {
		const read = readInvoice(json, invoiceField);
		if (!read.ok) throw fail(read.errors.map((error) => error.message).join('; '));
		input.invoice = read.invoice;
	}
	if (json.paymentState && typeof json.paymentState === 'object') {
		const paymentState = readPaymentState(json.paymentState);
		if (!paymentState) {
			const parsed = PaymentStateSchema.safeParse(json.paymentState);
			throw fail(
				`paymentState: ${parsed.success ? 'not as Payment State Check writes it' : parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`,
			);
		}
		input.paymentState = paymentState;
	}
	if (json.triage && typeof json.triage === 'object') {
		const triage = TriageReadSchema.safeParse(json.triage);
		if (!triage.success)
			throw fail(
				`triage: ${triage.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`,
			);
		input.triage = triage.data;
		input.reply = escalationReplyFromItem(json);
	}
	if (json.cadence && typeof json.cadence === 'object') {
		const cadence = CadenceResultSchema.safeParse(json.cadence);
		if (!cadence.success)
			throw fail(
				`cadence: ${cadence.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`,
			);
		input.cadence = cadence.data;
	}
	if (!input.invoice && !input.triage && !input.cadence && !input.paymentState) {
		throw fail(
			`no invoice at "${invoiceField}" and no triage, cadence or paymentState on the item`,
		);
	}
	return input;
}

export function auditReason(result: EscalationResult): string {
	if (result.details.length === 0) return 'no escalation rule applies';
	const text = result.details.map((detail) => `${detail.priority} ${detail.message}`).join(' ');
	return result.alreadyEscalated ? `already escalated within the window: ${text}` : text;
}

export function continueSummary(result: EscalationResult): IDataObject {
	return {
		escalate: false,
		alreadyEscalated: result.alreadyEscalated,
		reasons: result.reasons,
		repeatedReasons: result.repeatedReasons,
		priority: result.priority,
		key: result.key,
		evaluatedAt: result.evaluatedAt,
		...(result.case ? { case: result.case as unknown as IDataObject } : {}),
	};
}

/** A copy of the item with `flags.automationPaused = true` on the invoice at `path`; nothing else changes. */
export function withPausedInvoice(json: IDataObject, path: string): IDataObject {
	const keys = pathKeys(path);
	const copy = (node: IDataObject, depth: number): IDataObject => {
		const key = keys[depth];
		const child = (node[key] as IDataObject) ?? {};
		if (depth < keys.length - 1) return { ...node, [key]: copy(child, depth + 1) };
		return {
			...node,
			[key]: {
				...child,
				flags: { ...((child.flags as IDataObject) ?? {}), automationPaused: true },
			},
		};
	};
	return copy(json, 0);
}

const DAYS_PAST_DUE_DEFAULT = ESCALATION_RULES.find((rule) => rule.code === 'days_past_due')
	?.threshold?.default;

export function rulesFromParameters(
	ctx: IExecuteFunctions,
	options: IDataObject,
): EscalationRulesInput {
	const rows = ((ctx.getNodeParameter('rules', 0, {}) as IDataObject).rules ?? []) as Array<{
		rule: string;
		enabled?: boolean;
		priority?: EscalationPriority;
		threshold?: number;
	}>;
	// A rule missing from the list is off; a listed rule takes its row's switch, priority and threshold, and the
	// options its registry entry declares. Unset values stay unset: the defaults live in the src rule book only.
	const byCode = new Map(rows.map((row) => [row.rule, row]));
	const input: Record<string, IDataObject> = {};
	for (const rule of ESCALATION_RULES) {
		const row = byCode.get(rule.code);
		const entry: IDataObject = { enabled: row ? row.enabled !== false : false };
		if (row?.priority) entry.priority = row.priority;
		if (rule.threshold && typeof row?.threshold === 'number' && row.threshold > 0)
			entry[rule.threshold.setting] = row.threshold;
		for (const field of rule.fields ?? []) {
			const value = options[field.name];
			if (value === undefined || value === null || value === '') continue;
			if (field.zeroIsUnset && !(Number(value) > 0)) continue;
			entry[field.setting] = field.type === 'number' ? Number(value) : value;
		}
		input[rule.key] = entry;
	}

	// Before 1.2 one handoff age held for every tier: a saved workflow keeps it for strategic accounts too, unless
	// "Strategic Accounts: Days Past Due" is set (from 1.2 strategic accounts default to their cadence's day 60).
	if (ctx.getNode().typeVersion < 1.2 && input.daysPastDue.strategicDays === undefined)
		input.daysPastDue.strategicDays = input.daysPastDue.days ?? DAYS_PAST_DUE_DEFAULT;

	// 1 named the shared high-value fields its own way: a table, and an option for other currencies.
	const threshold =
		ctx.getNode().typeVersion >= 1.1
			? highValueOf(
					ctx.getNodeParameter('highValue', 0, 0),
					ctx.getNodeParameter('highValueByCurrency', 0, {}),
				)
			: highValueOf(options.otherCurrencies, ctx.getNodeParameter('highValueThresholds', 0, {}));
	Object.assign(input.highValue, highValueRuleSettings(threshold));

	const routeRows = ((ctx.getNodeParameter('routing', 0, {}) as IDataObject).routes ??
		[]) as IDataObject[];
	const routing = routeRows.map((row) => ({
		tier: (row.tier as 'any') || undefined,
		region: (row.region as string) || undefined,
		currency: (row.currency as string) || undefined,
		minAmount: typeof row.minAmount === 'number' && row.minAmount > 0 ? row.minAmount : undefined,
		maxAmount: typeof row.maxAmount === 'number' && row.maxAmount > 0 ? row.maxAmount : undefined,
		owner: compact({ name: row.ownerName, email: row.ownerEmail, slackId: row.ownerSlackId }) ?? {},
	}));
	const fallbackOwner = compact(ctx.getNodeParameter('fallbackOwner', 0, {}) as IDataObject);

	return {
		...input,
		routing,
		...(fallbackOwner ? { fallbackOwner } : {}),
		sla: {
			timezone: (text(options.slaTimezone) ?? ctx.getTimezone()) || undefined,
			start: text(options.businessStart),
			end: text(options.businessEnd),
			workdays: Array.isArray(options.workdays) ? options.workdays.map(Number) : undefined,
			holidays: String(options.holidays ?? '')
				.split(/[\s,;]+/)
				.filter(Boolean),
			publicHolidays: {
				fromCustomer: options.holidaysFromCustomer === true,
				...holidayPlaceOf(options),
			},
			hours: { P1: number(options.slaP1), P2: number(options.slaP2), P3: number(options.slaP3) },
		},
		dedup: { enabled: options.dedup !== false, withinDays: number(options.dedupDays) },
		packet: {
			redactContact: options.redactContact === true,
			...(Array.isArray(options.formats) ? { formats: options.formats } : {}),
			title: text(options.title),
			...(options.invoiceUrlTemplate
				? { invoiceUrlTemplate: String(options.invoiceUrlTemplate).replace(/\{ID\}/g, '{id}') }
				: {}),
		},
	} as EscalationRulesInput;
}

/** A set text option, trimmed; undefined when empty, so the rule book's default applies. */
function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function number(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function compact(
	fields: IDataObject,
): { name?: string; email?: string; slackId?: string } | undefined {
	const out: Record<string, string> = {};
	for (const key of ['name', 'email', 'slackId']) {
		const value = typeof fields[key] === 'string' ? (fields[key] as string).trim() : '';
		if (value) out[key] = value;
	}
	return Object.keys(out).length > 0 ? out : undefined;
}
