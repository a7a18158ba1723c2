/**
 * Claim-and-reread: two runs that read the ledger at the same instant both see no reservation and both plan the
 * same step, because a read followed by an insert is not atomic. So each run inserts its reservation, reads that
 * key's touch rows back, and only the earliest live reservation (by the table's row id, then by execution id) goes
 * on to the send node. The other run waits and appends a `released` touch for its own reservation, so the ledger
 * never mistakes it for an unconfirmed send. Pure: the node hands in the rows a Data Table node read.
 *
 * Why this holds: row ids grow with every insert. Of two overlapping runs, the one that inserted second reads after
 * its own insert, so it always sees the first run's row, whose id is lower, and loses; the first run wins whether or
 * not it saw the second row. A rival that already sent (a `sent` row from its execution) wins outright.
 */
import type { LedgerEventInput } from '../contract/ledger';
import { millis } from './history';
import { parseIdempotencyKey } from './ledger';

/** A touch row as the Data Table returns it (its `id`, then the ledger columns); anything else is ignored. */
export interface ClaimRow {
	id?: unknown;
	kind?: unknown;
	key?: unknown;
	status?: unknown;
	executionId?: unknown;
	at?: unknown;
	[column: string]: unknown;
}

export type ClaimDecision =
	| { won: true; key: string; reason: string; rivals: number }
	| {
			won: false;
			key: string;
			reason: string;
			/** The reservation that goes out instead (row id, execution). */
			winner: { id: string | null; executionId: string | null };
			/** The row to append for this run's own reservation (status `released`), or none when it cannot be built. */
			release?: LedgerEventInput;
	  };

export interface ClaimOptions {
	/** A rival reservation older than this (before our own) is another run's unknown outcome, not a live rival. */
	reservationTimeoutMinutes?: number;
	/** When the release happens (an ISO instant). */
	at: string;
}

const text = (value: unknown): string | null =>
	typeof value === 'string' && value !== ''
		? value
		: typeof value === 'number'
			? String(value)
			: null;

/** Row ids sort as numbers when they are numbers (the Data Table's), else as text. */
function compareIds(a: unknown, b: unknown): number {
	const x = Number(a);
	const y = Number(b);
	if (Number.isFinite(x) && Number.isFinite(y)) return x - y;
	if (text(a) === null) return text(b) === null ? 0 : 1;
	if (text(b) === null) return -1;
	return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/**
 * The touch rows by key, as `decideClaim` matches them, built once per run: each item's claim then reads its own key's
 * rows instead of every row the Ledger input holds (linear, not items × rows).
 */
export function touchRowsByKey(rows: readonly ClaimRow[]): Map<string, ClaimRow[]> {
	const byKey = new Map<string, ClaimRow[]>();
	for (const row of rows) {
		if (!row || typeof row !== 'object' || row.kind !== 'touch') continue;
		const key = text(row.key);
		if (key === null) continue;
		const list = byKey.get(key);
		if (list) list.push(row);
		else byKey.set(key, [row]);
	}
	return byKey;
}

/** Earliest row id first; on a tie (or no ids), the execution id decides, so both runs agree on one winner. */
function before(a: ClaimRow, b: ClaimRow): number {
	return (
		compareIds(a.id, b.id) ||
		(text(a.executionId) ?? '\uffff').localeCompare(text(b.executionId) ?? '\uffff')
	);
}

/**
 * Decides whether this run's reservation (`own`, the row its insert returned) may send, given the touch rows of that
 * key read back after the insert (`rows`; other keys and kinds are ignored, and `own` need not be among them).
 */
export function decideClaim(
	own: ClaimRow,
	rows: readonly ClaimRow[],
	options: ClaimOptions,
): ClaimDecision {
	const key = text(own.key) ?? '';
	const mine = text(own.executionId);
	const touches = rows.filter(
		(row) => row && typeof row === 'object' && row.kind === 'touch' && text(row.key) === key,
	);
	// Given the row to insert rather than the inserted one: its id is the one the table gave this run's reservation.
	if (own.id === undefined && mine !== null) {
		const stored = touches.find(
			(row) => row.status === 'reserved' && text(row.executionId) === mine,
		);
		if (stored) own = { ...own, id: stored.id };
	}
	// Each execution's answer to its reservation of this key: sent, failed or released.
	const answers = new Map<string, string>();
	for (const row of touches) {
		const execution = text(row.executionId);
		if (execution && row.status !== 'reserved' && typeof row.status === 'string')
			if (answers.get(execution) !== 'sent') answers.set(execution, row.status);
	}
	const ownAt = millis(text(own.at)) ?? millis(options.at) ?? 0;
	const timeoutMs = (options.reservationTimeoutMinutes ?? 30) * 60_000;
	const rivals: ClaimRow[] = [];
	for (const row of touches) {
		if (row.status !== 'reserved') continue;
		const execution = text(row.executionId);
		if (execution !== null && execution === mine) continue;
		if (row.id !== undefined && own.id !== undefined && compareIds(row.id, own.id) === 0) continue;
		const answer = execution ? answers.get(execution) : undefined;
		if (answer === 'sent') {
			return lost(`execution ${execution} already sent ${key}`, row);
		}
		// Failed or released: that run is not sending. Older than the timeout: an unknown outcome Plan already handled.
		if (answer === 'failed' || answer === 'released') continue;
		if ((millis(text(row.at)) ?? ownAt) < ownAt - timeoutMs) continue;
		rivals.push(row);
	}
	const self = own;
	const winner = [self, ...rivals].sort(before)[0];
	if (winner === self)
		return {
			won: true,
			key,
			rivals: rivals.length,
			reason:
				rivals.length === 0
					? `${key}: this run's reservation is the only live one`
					: `${key}: this run's reservation came first of ${rivals.length + 1} overlapping runs`,
		};
	return lost(
		`execution ${text(winner.executionId) ?? '(unknown)'} reserved ${key} first (row ${text(winner.id) ?? '?'})`,
		winner,
	);

	function lost(reason: string, by: ClaimRow): ClaimDecision {
		const [target] = parseIdempotencyKey(key);
		return {
			won: false,
			key,
			reason: `claim lost: ${reason}; this run does not send it`,
			winner: { id: text(by.id), executionId: text(by.executionId) },
			...(target
				? {
						release: {
							kind: 'touch',
							invoiceId: target.invoiceId,
							stepId: target.stepId,
							key,
							status: 'released',
							at: options.at,
							...(mine ? { executionId: mine } : {}),
							note: `claim lost to ${text(by.executionId) ?? 'another execution'}`,
						},
					}
				: {}),
		};
	}
}
