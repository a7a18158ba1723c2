/**
 * What one invoice's ledger says, folded once per plan: which steps went out (or count as out), failures, touches,
 * unconfirmed reservations, approvals, replies and the person-side events that clear them. Order-independent per
 * idempotency key (a `sent` row wins over its reservation whatever their instants), so clock skew between the plan's
 * as-of moment and Record's moment never reopens a step.
 */
import {
	toLedgerEvents,
	type ApprovalEvent,
	type EscalationEvent,
	type LedgerEvent,
	type LedgerEventInput,
	type LegacyHistoryEntry,
	type PauseEvent,
	type ReplyEvent,
	type TouchEvent,
} from '../contract/ledger';
import { CUSTOMER_CHANNELS, type CadencePolicy } from './policy';

/** What planCadenceStep's `history` takes: ledger events, or today's `{ stepId, at, status, confirmed? }` rows. */
export type HistoryInput = LedgerEvent | LedgerEventInput | LegacyHistoryEntry;

export interface LedgerView {
	events: LedgerEvent[];
	/** Steps sent, or counted as sent (a reservation without a timeout, a handled unknown outcome). */
	sent: Set<string>;
	failures: Map<string, number>;
	/** Customer touches so far. */
	touches: number;
	/** Highest policy index among sent or rejected steps. */
	lastIndex: number;
	lastTouchMs: number | null;
	handedOff: boolean;
	/** The latest reservation of each key that no sent/failed row answers. */
	unconfirmed: TouchEvent[];
	/** Latest approval decision per step. */
	decisions: Map<string, ApprovalEvent>;
	/** Latest approval request (escalation `requires_approval`) per step. */
	approvalRequests: Map<string, EscalationEvent>;
	escalations: EscalationEvent[];
	replies: ReplyEvent[];
	/** Instants of `resolved` and `resume` events (a person cleared what came before). */
	clearedAt: number[];
	paymentsAt: number[];
	pauses: PauseEvent[];
	resumesAt: number[];
}

export const APPROVAL_REQUEST = 'requires_approval';
export const OUTCOME_UNKNOWN = 'send_outcome_unknown';

export function millis(value: string | undefined | null): number | null {
	if (!value) return null;
	const parsed = Date.parse(value);
	return Number.isFinite(parsed) ? parsed : null;
}

interface KeyRows {
	stepId: string;
	reserved: TouchEvent[];
	sent: TouchEvent[];
	failed: number;
	firstAtMs: number | null;
}

/**
 * Folds the history. `reservationsExpire` false (no reservation timeout: the static-data ledger, where Record may
 * not be wired) counts an unconfirmed reservation as sent, as before the ledger had kinds.
 */
export function readHistory(
	history: readonly HistoryInput[],
	invoiceId: string,
	policy: CadencePolicy,
	indexOf: ReadonlyMap<string, number>,
	reservationsExpire: boolean,
): LedgerView {
	const events = toLedgerEvents(history, invoiceId);
	const view: LedgerView = {
		events,
		sent: new Set(),
		failures: new Map(),
		touches: 0,
		lastIndex: -1,
		lastTouchMs: null,
		handedOff: false,
		unconfirmed: [],
		decisions: new Map(),
		approvalRequests: new Map(),
		escalations: [],
		replies: [],
		clearedAt: [],
		paymentsAt: [],
		pauses: [],
		resumesAt: [],
	};
	const keys = new Map<string, KeyRows>();
	for (const event of events) {
		const at = millis(event.at);
		switch (event.kind) {
			case 'touch': {
				let rows = keys.get(event.key);
				if (!rows) {
					rows = { stepId: event.stepId, reserved: [], sent: [], failed: 0, firstAtMs: null };
					keys.set(event.key, rows);
				}
				if (event.status === 'reserved') rows.reserved.push(event);
				else if (event.status === 'sent') rows.sent.push(event);
				else rows.failed++;
				if (
					event.status !== 'failed' &&
					at !== null &&
					(rows.firstAtMs === null || at < rows.firstAtMs)
				)
					rows.firstAtMs = at;
				break;
			}
			case 'approval': {
				const known = view.decisions.get(event.stepId);
				if (!known || (millis(known.at) ?? 0) <= (at ?? 0)) view.decisions.set(event.stepId, event);
				break;
			}
			case 'escalation': {
				view.escalations.push(event);
				if (event.reason === APPROVAL_REQUEST && event.stepId) {
					const known = view.approvalRequests.get(event.stepId);
					if (!known || (millis(known.at) ?? 0) <= (at ?? 0))
						view.approvalRequests.set(event.stepId, event);
				}
				break;
			}
			case 'reply':
				view.replies.push(event);
				break;
			case 'resolved':
				if (at !== null) view.clearedAt.push(at);
				break;
			case 'resume':
				if (at !== null) {
					view.clearedAt.push(at);
					view.resumesAt.push(at);
				}
				break;
			case 'payment':
				if (at !== null) view.paymentsAt.push(at);
				break;
			case 'pause':
				view.pauses.push(event);
				break;
			default:
		}
	}
	for (const [key, rows] of keys) {
		if (rows.failed > 0) view.failures.set(rows.stepId, rows.failed);
		const answered = rows.sent.length + rows.failed;
		let countsAsSent = rows.sent.length > 0;
		if (!countsAsSent && rows.reserved.length > answered) {
			const latest = rows.reserved.reduce((a, b) =>
				(millis(b.at) ?? 0) >= (millis(a.at) ?? 0) ? b : a,
			);
			if (reservationsExpire) view.unconfirmed.push({ ...latest, key });
			else countsAsSent = true;
		}
		if (countsAsSent) markSent(view, policy, indexOf, rows.stepId, rows.firstAtMs);
	}
	// A rejected step is closed: never sent, and the cadence moves past it.
	for (const [stepId, decision] of view.decisions) {
		if (decision.decision !== 'rejected') continue;
		const index = indexOf.get(stepId);
		if (index !== undefined && index > view.lastIndex && !view.sent.has(stepId))
			view.lastIndex = index;
	}
	return view;
}

/** Counts a step as out: the last index, touches and the last touch move with it. */
export function markSent(
	view: LedgerView,
	policy: CadencePolicy,
	indexOf: ReadonlyMap<string, number>,
	stepId: string,
	atMs: number | null,
): void {
	if (view.sent.has(stepId)) return;
	view.sent.add(stepId);
	const index = indexOf.get(stepId);
	const step = index === undefined ? undefined : policy.steps[index];
	if (index !== undefined && index > view.lastIndex) view.lastIndex = index;
	if (step?.channel === 'human_handoff') view.handedOff = true;
	if (!step || CUSTOMER_CHANNELS.has(step.channel)) {
		view.touches++;
		if (atMs !== null && (view.lastTouchMs === null || atMs > view.lastTouchMs))
			view.lastTouchMs = atMs;
	}
}

/** Whether a person cleared (resolved / resume) at or after `atMs`, or a payment was seen after it. */
export function clearedSince(view: LedgerView, atMs: number): boolean {
	return view.clearedAt.some((at) => at >= atMs) || view.paymentsAt.some((at) => at > atMs);
}

/** The escalations recorded at or after `atMs` (optionally of one reason or key). */
export function escalatedSince(
	view: LedgerView,
	atMs: number,
	match: { reason?: string; key?: string } = {},
): EscalationEvent | undefined {
	return view.escalations.find(
		(event) =>
			(millis(event.at) ?? -Infinity) >= atMs &&
			(match.reason === undefined || event.reason === match.reason) &&
			(match.key === undefined || event.key === match.key),
	);
}
