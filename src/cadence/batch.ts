/**
 * Decisions Cadence Step takes over a whole batch (one execution), kept here so the node only reads parameters and
 * routes items: the tier → preset map with the user's tuning, the pilot cohort, de-duplication within a run, a plan
 * that a reservation refused, AI drafts becoming approvals, the triage on an item as a reply event, and the ledger
 * rows Plan and Record hand to the Data Table.
 */
import { idempotencyKey, type LedgerEventInput, type LedgerMessage } from '../contract/ledger';
import { TriageReadSchema } from '../contract/triage';
import type { CustomerTier, Invoice } from '../invoice/schema';
import { parseIdempotencyKey } from './ledger';
import type { CadenceMessage, CadencePlan, PlanOptions } from './plan';
import {
	DEFAULT_TIER_POLICY,
	PRESETS,
	resolvePolicy,
	type CadencePolicy,
	type CadencePolicyInput,
	type PolicyRef,
} from './policy';
import { APPROVAL_REQUEST } from './history';

/**
 * The policy for a run with the user's tuning (spacing, window, limits…) applied. For 'by-tier', the tuning applies
 * to whichever preset each tier picks (DEFAULT_TIER_POLICY), so the tier map lives in one place.
 */
export function tunePolicy(
	policy: PolicyRef,
	tuning: Partial<CadencePolicyInput>,
): { policy: PolicyRef; tierPolicies?: PlanOptions['tierPolicies'] } {
	const custom = typeof policy !== 'string';
	if (Object.keys(tuning).length === 0) return { policy: custom ? resolvePolicy(policy) : policy };
	const apply = (resolved: CadencePolicy): CadencePolicy =>
		resolvePolicy({
			...resolved,
			...tuning,
			sendWindow: { ...resolved.sendWindow, ...((tuning.sendWindow as object) ?? {}) },
			// Message options the user set join the policy's own (a custom policy keeps the rest).
			messages: { ...resolved.messages, ...((tuning.messages as object) ?? {}) },
		} as CadencePolicyInput);
	if (policy === 'by-tier') {
		const tierPolicies = Object.fromEntries(
			(Object.keys(DEFAULT_TIER_POLICY) as CustomerTier[]).map((tier) => [
				tier,
				apply(PRESETS[DEFAULT_TIER_POLICY[tier]]),
			]),
		) as PlanOptions['tierPolicies'];
		return { policy: 'by-tier', tierPolicies };
	}
	return { policy: apply(resolvePolicy(policy)) };
}

export const PILOT_MODES = ['off', 'firstN', 'filter'] as const;
export type PilotMode = (typeof PILOT_MODES)[number];

/** The pilot cohort of one run: everyone, the first N invoices, or those a filter expression selects. */
export class PilotCohort {
	private taken = 0;

	constructor(
		private readonly mode: PilotMode,
		private readonly size = 10,
	) {}

	/** Whether this invoice is in the cohort (`selected`: the filter's answer for it, in filter mode). */
	includes(selected: () => boolean): boolean {
		if (this.mode === 'off') return true;
		if (this.mode === 'firstN') return this.taken++ < this.size;
		return selected();
	}
}

/** The plan when its step must not go out after all (already planned in this run, or a reservation refused it). */
export function heldBack(plan: CadencePlan, reason: string): CadencePlan {
	return {
		...plan,
		action: 'wait',
		rule: 'send',
		reason,
		message: undefined,
		idempotencyKey: undefined,
		ledger: undefined,
	};
}

/** Idempotency keys planned in this run: the same invoice twice in one input goes out once. */
export class RunKeys {
	private readonly keys = new Set<string>();

	/** The plan itself, or a Wait when its key was already planned in this run. */
	claim(plan: CadencePlan): CadencePlan {
		const key = plan.idempotencyKey;
		if (!key) return plan;
		if (this.keys.has(key))
			return heldBack(
				plan,
				`step "${plan.step?.id}" is already planned for this invoice in this run`,
			);
		this.keys.add(key);
		return plan;
	}
}

/** What of a rendered message the ledger keeps (no HTML: the text is what a person reads). */
export function ledgerMessage(message: CadenceMessage): LedgerMessage {
	return {
		channel: message.channel,
		to: message.to,
		...(message.cc.length > 0 ? { cc: message.cc } : {}),
		...(message.subject !== undefined ? { subject: message.subject } : {}),
		text: message.text,
		template: message.template,
		tone: message.tone,
		...(Object.keys(message.threadHeaders).length > 0
			? { threadHeaders: message.threadHeaders }
			: {}),
	};
}

/** An AI draft is never sent unreviewed: the plan becomes an approval request carrying the draft. */
export function asApprovalDraft(
	plan: CadencePlan,
	draft: Pick<CadenceMessage, 'subject' | 'text' | 'html'>,
	invoiceId: string,
	at: string,
	executionId?: string,
): CadencePlan {
	const message: CadenceMessage = { ...plan.message!, ...draft, requiresApproval: true };
	return {
		...plan,
		action: 'escalate',
		rule: 'requires_approval',
		reason: 'AI-personalised draft: a person approves it before it is sent',
		requiresApproval: true,
		message,
		ledger: [
			{
				kind: 'escalation',
				invoiceId,
				at,
				reason: APPROVAL_REQUEST,
				priority: 'P2',
				key: plan.idempotencyKey ?? idempotencyKey(invoiceId, plan.step?.id ?? 'draft'),
				...(plan.step ? { stepId: plan.step.id } : {}),
				...(executionId ? { executionId } : {}),
				message: ledgerMessage(message),
			},
		],
	};
}

/**
 * The one reservation of a consolidated e-mail: its key joins every invoice's key (`a:s1+b:s2`), so one Data Table
 * row covers the send and the codec files it under each invoice.
 */
export function consolidatedReservation(
	message: CadenceMessage,
	at: string,
	executionId?: string,
): LedgerEventInput | undefined {
	const touch = touchFor(message.idempotencyKey, 'reserved', at, {
		executionId,
		channel: message.channel,
	});
	return touch && { ...touch, message: ledgerMessage(message) };
}

/** The row Record appends after the send node: sent or failed, for a key (or a consolidated `key+key`). */
export function recordedTouch(
	key: string,
	status: 'sent' | 'failed',
	at: string,
	extra: TouchExtra = {},
): LedgerEventInput | undefined {
	return touchFor(key, status, at, extra);
}

interface TouchExtra {
	executionId?: string;
	messageId?: string;
	error?: string;
	channel?: string;
}

/** A touch row for a key; a consolidated key is filed under its first invoice (the codec splits it on reading). */
function touchFor(
	key: string,
	status: 'reserved' | 'sent' | 'failed',
	at: string,
	extra: TouchExtra,
): Extract<LedgerEventInput, { kind: 'touch' }> | undefined {
	const [first] = parseIdempotencyKey(key);
	if (!first) return undefined;
	return {
		kind: 'touch',
		invoiceId: first.invoiceId,
		at,
		stepId: first.stepId,
		status,
		key,
		...(extra.channel ? { channel: extra.channel } : {}),
		...(extra.executionId ? { executionId: extra.executionId } : {}),
		...(extra.messageId ? { messageId: extra.messageId } : {}),
		...(extra.error ? { error: extra.error.slice(0, 500) } : {}),
	};
}

/**
 * The triage an upstream Reply Triage put on the item, read with the producer's schema (src/contract/triage), as a
 * reply event (it never releases a hold by itself). A triage that breaks the contract gives no event.
 */
export function replyFromTriage(
	triage: unknown,
	invoice: Invoice,
	at: string,
): LedgerEventInput | undefined {
	if (!triage || typeof triage !== 'object') return undefined;
	const parsed = TriageReadSchema.safeParse(triage);
	if (!parsed.success) return undefined;
	const read = parsed.data;
	const receivedAt = [read.receivedAt, invoice.lastReplyAt].find(
		(value): value is string => typeof value === 'string' && Number.isFinite(Date.parse(value)),
	);
	const { promisedDate, returnDate, newContactEmail } = read.extracted;
	return {
		kind: 'reply',
		invoiceId: invoice.id,
		at: receivedAt ?? at,
		intent: read.intent,
		...(read.route ? { route: read.route } : {}),
		...(promisedDate ? { promisedDate } : {}),
		...(returnDate ? { returnDate } : {}),
		...(newContactEmail ? { newContact: newContactEmail } : {}),
	};
}
