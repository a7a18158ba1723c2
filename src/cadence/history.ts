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

// Shared empties: write only through `list` / `writable` (the array is frozen, so a stray push fails loudly).
const NONE = Object.freeze([]) as unknown as never[];
const NO_MAP = new Map() as Map<string, never>;

/** The list itself, or a fresh one in place of the shared empty. */
function list<T>(current: T[]): T[] {
	return (current as unknown) === NONE ? [] : current;
}

function writable<V>(current: Map<string, V>): Map<string, V> {
	return (current as unknown) === NO_MAP ? new Map() : current;
}

export function millis(value: string | undefined | null): number | null {
	if (!value) return null;
	const parsed = Date.parse(value);
	return Number.isFinite(parsed) ? parsed : null;
}

interface KeyRows {
	stepId: string;
	reserved: number;
	/** The latest reservation of the key. */
	latest: TouchEvent | undefined;
	sent: number;
	failed: number;
	/** Reservations that lost a claim to another run: answered, neither sent nor failed. */
	released: number;
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
	// Most invoices have a few touches and nothing else: the other collections are shared empties until written.
	const view: LedgerView = {
		sent: new Set(),
		failures: new Map(),
		touches: 0,
		lastIndex: -1,
		lastTouchMs: null,
		handedOff: false,
		unconfirmed: NONE,
		decisions: NO_MAP,
		approvalRequests: NO_MAP,
		escalations: NONE,
		replies: NONE,
		clearedAt: NONE,
		paymentsAt: NONE,
		pauses: NONE,
		resumesAt: NONE,
	};
	if (history.length === 0) return view;
	if (plainTouches(history)) {
		// Today's rows, all answered (sent or failed): counted in place, as before the ledger had kinds.
		for (const entry of history as readonly LegacyHistoryEntry[]) {
			if (entry.status === 'failed')
				view.failures.set(entry.stepId, (view.failures.get(entry.stepId) ?? 0) + 1);
			else markSent(view, policy, indexOf, entry.stepId, millis(entry.at));
		}
		return view;
	}
	const events = toLedgerEvents(history, invoiceId);
	const keys = new Map<string, KeyRows>();
	for (const event of events) {
		const at = millis(event.at);
		switch (event.kind) {
			case 'touch': {
				let rows = keys.get(event.key);
				if (!rows) {
					rows = {
						stepId: event.stepId,
						reserved: 0,
						latest: undefined,
						sent: 0,
						failed: 0,
						released: 0,
						firstAtMs: null,
					};
					keys.set(event.key, rows);
				}
				if (event.status === 'reserved') {
					rows.reserved++;
					if (!rows.latest || (millis(rows.latest.at) ?? 0) <= (at ?? 0)) rows.latest = event;
				} else if (event.status === 'sent') rows.sent++;
				else if (event.status === 'released') rows.released++;
				else rows.failed++;
				if (
					(event.status === 'reserved' || event.status === 'sent') &&
					at !== null &&
					(rows.firstAtMs === null || at < rows.firstAtMs)
				)
					rows.firstAtMs = at;
				break;
			}
			case 'approval': {
				const known = view.decisions.get(event.stepId);
				if (!known || (millis(known.at) ?? 0) <= (at ?? 0))
					(view.decisions = writable(view.decisions)).set(event.stepId, event);
				break;
			}
			case 'escalation': {
				(view.escalations = list(view.escalations)).push(event);
				if (event.reason === APPROVAL_REQUEST && event.stepId) {
					const known = view.approvalRequests.get(event.stepId);
					if (!known || (millis(known.at) ?? 0) <= (at ?? 0))
						(view.approvalRequests = writable(view.approvalRequests)).set(event.stepId, event);
				}
				break;
			}
			case 'reply':
				(view.replies = list(view.replies)).push(event);
				break;
			case 'resolved':
				if (at !== null) (view.clearedAt = list(view.clearedAt)).push(at);
				break;
			case 'resume':
				if (at !== null) {
					(view.clearedAt = list(view.clearedAt)).push(at);
					(view.resumesAt = list(view.resumesAt)).push(at);
				}
				break;
			case 'payment':
				if (at !== null) (view.paymentsAt = list(view.paymentsAt)).push(at);
				break;
			case 'pause':
				(view.pauses = list(view.pauses)).push(event);
				break;
			default:
		}
	}
	for (const [key, rows] of keys) {
		if (rows.failed > 0) view.failures.set(rows.stepId, rows.failed);
		const answered = rows.sent + rows.failed + rows.released;
		let countsAsSent = rows.sent > 0;
		if (!countsAsSent && rows.reserved > answered) {
			if (reservationsExpire)
				(view.unconfirmed = list(view.unconfirmed)).push({ ...rows.latest!, key });
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

/** Whether every entry is a legacy row that needs no pairing (no kind, no unconfirmed reservation). */
function plainTouches(history: readonly HistoryInput[]): boolean {
	for (const entry of history) {
		const raw = entry as Partial<LegacyHistoryEntry> & { kind?: unknown };
		if (
			raw.kind !== undefined ||
			raw.confirmed === false ||
			typeof raw.stepId !== 'string' ||
			raw.stepId === ''
		)
			return false;
	}
	return true;
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
