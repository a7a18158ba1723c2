/** Escalation Gate's adapter code: reading an item into the evaluator's input, and the rule parameters into rules. */
import {
	NodeOperationError,
	type INode,
	type IDataObject,
	type IExecuteFunctions,
} from 'n8n-workflow';

import {
	ESCALATION_REASONS,
	CadenceResultSchema,
	escalationReplyFromItem,
	TriageReadSchema,
	PaymentStateSchema,
	readPaymentState,
	type EscalationInput,
	type EscalationLedger,
	type EscalationPriority,
	type EscalationReasonCode,
	type EscalationResult,
	type EscalationRulesInput,
} from '../../src';
import { readInvoice, valueAt } from '../shared/items';

/** Reason code → key in the src rules object. */
export const RULE_KEY: Record<EscalationReasonCode, keyof EscalationRulesInput> = {
	legal_threat: 'legalThreat',
	high_value: 'highValue',
	dispute: 'dispute',
	complaint: 'complaint',
	refund_request: 'refundRequest',
	failed_payment: 'failedPayment',
	broken_promises: 'brokenPromises',
	guardrail: 'guardrail',
	csuite_contact: 'csuiteContact',
	strategic_final_notice: 'strategicFinalNotice',
	payment_plan: 'paymentPlan',
	wrong_contact: 'wrongContact',
	days_past_due: 'daysPastDue',
	upstream_request: 'upstreamRequest',
};

/** Where a row's threshold goes, for the rules that have one. */
const THRESHOLD_KEY: Partial<Record<EscalationReasonCode, string>> = {
	failed_payment: 'minAttempts',
	broken_promises: 'count',
	days_past_due: 'days',
};

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
	};
}

/** A copy of the item with `flags.automationPaused = true` on the invoice at `path`; nothing else changes. */
export function withPausedInvoice(json: IDataObject, path: string): IDataObject {
	const keys = path.split('.');
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

export function rulesFromParameters(
	ctx: IExecuteFunctions,
	options: IDataObject,
): EscalationRulesInput {
	const rows = ((ctx.getNodeParameter('rules', 0, {}) as IDataObject).rules ?? []) as Array<{
		rule: EscalationReasonCode;
		enabled?: boolean;
		priority?: EscalationPriority;
		threshold?: number;
	}>;
	const input: Record<string, IDataObject> = {};
	// A rule missing from the list is off; a listed rule takes its row's switch, priority and threshold.
	for (const code of ESCALATION_REASONS) input[RULE_KEY[code]] = { enabled: false };
	for (const row of rows) {
		if (!RULE_KEY[row.rule]) continue;
		const entry: IDataObject = { enabled: row.enabled !== false };
		if (row.priority) entry.priority = row.priority;
		const thresholdKey = THRESHOLD_KEY[row.rule];
		if (thresholdKey && typeof row.threshold === 'number' && row.threshold > 0)
			entry[thresholdKey] = row.threshold;
		input[RULE_KEY[row.rule]] = entry;
	}
	Object.assign(input.wrongContact, {
		includeBounce: options.includeBounce !== false,
		includeMissingContact: options.includeMissingContact !== false,
	});
	Object.assign(input.failedPayment, { detectLinkProblems: options.detectLinkProblems !== false });
	Object.assign(input.strategicFinalNotice, {
		tiers: (options.strategicTiers as string[] | undefined) ?? ['strategic'],
		finalStepPattern: (options.finalStepPattern as string) || 'final',
	});

	const thresholdRows = ((ctx.getNodeParameter('highValueThresholds', 0, {}) as IDataObject)
		.thresholds ?? []) as Array<{
		currency: string;
		amount: number;
	}>;
	const thresholds: Record<string, number> = {};
	for (const { currency, amount } of thresholdRows)
		if (currency && amount > 0) thresholds[currency.trim().toUpperCase()] = amount;
	Object.assign(input.highValue, {
		thresholds,
		...(Number(options.otherCurrencies) > 0
			? { otherCurrencies: Number(options.otherCurrencies) }
			: {}),
		trustSignal: options.trustHighValueSignal !== false,
	});

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
			timezone: ((options.slaTimezone as string) || ctx.getTimezone() || 'UTC').trim(),
			start: ((options.businessStart as string) || '09:00').trim(),
			end: ((options.businessEnd as string) || '17:00').trim(),
			workdays: ((options.workdays as number[] | undefined) ?? [1, 2, 3, 4, 5]).map(Number),
			holidays: String(options.holidays ?? '')
				.split(/[\s,;]+/)
				.filter(Boolean),
			hours: {
				P1: (options.slaP1 as number) ?? 4,
				P2: (options.slaP2 as number) ?? 8,
				P3: (options.slaP3 as number) ?? 24,
			},
		},
		dedup: { enabled: options.dedup !== false, withinDays: (options.dedupDays as number) ?? 7 },
		packet: {
			redactContact: options.redactContact === true,
			...(Array.isArray(options.formats) ? { formats: options.formats } : {}),
			title: (options.title as string) || 'Collections escalation',
			...(options.invoiceUrlTemplate
				? { invoiceUrlTemplate: String(options.invoiceUrlTemplate).replace(/\{ID\}/g, '{id}') }
				: {}),
		},
	} as EscalationRulesInput;
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
