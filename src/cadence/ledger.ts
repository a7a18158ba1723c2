/**
 * The send ledger: what was reserved, sent or failed, per invoice and step. Pure functions over a plain object,
 * so the node can hand it the workflow's static data and the tests can hand it `{}`.
 *
 * Plan reserves a step (idempotency key invoiceId:stepId) before the item leaves on Send; Record confirms it as
 * sent or failed once the send node has run. A reservation counts as sent until Record says otherwise, so a rerun
 * on the same day never emits the same step twice, even when nobody wired the Record operation.
 */
import { z } from 'zod';

import { idempotencyKey } from '../contract/ledger';
import { toInstant } from '../dates';

export const LEDGER_STATUSES = ['reserved', 'sent', 'failed'] as const;
export type LedgerStatus = (typeof LEDGER_STATUSES)[number];

export const HistoryEntrySchema = z.object({
	stepId: z.string().min(1),
	at: z.string().min(1),
	status: z.enum(['sent', 'failed']),
	/** False for a reservation Record has not confirmed yet. */
	confirmed: z.boolean().optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export interface LedgerEntry {
	stepId: string;
	key: string;
	status: LedgerStatus;
	/** When it was reserved (the plan's as-of instant). */
	at: string;
	/** When Record confirmed it. */
	recordedAt?: string;
	error?: string;
	/** Earlier steps that latest_only skipped when this one was chosen. */
	skipped?: string[];
	[key: string]: unknown;
}

export interface LedgerInvoice {
	entries: LedgerEntry[];
	updatedAt: string;
	[key: string]: unknown;
}

/** The plain object the ledger lives in (the node passes its static-data namespace). */
export interface LedgerData {
	invoices?: Record<string, LedgerInvoice>;
	[key: string]: unknown;
}

export { idempotencyKey };

function bucket(ledger: LedgerData): Record<string, LedgerInvoice> {
	if (!ledger.invoices || typeof ledger.invoices !== 'object') ledger.invoices = {};
	// Invoice ids key this object: without a prototype, ids such as "constructor" or "__proto__" are plain keys.
	if (Object.getPrototypeOf(ledger.invoices) !== null) Object.setPrototypeOf(ledger.invoices, null);
	return ledger.invoices;
}

function iso(at: Date | string | number): string {
	if (typeof at === 'string') return at;
	return new Date(at).toISOString();
}

/** History for planCadenceStep, from the ledger (reservations count as sent, unconfirmed). */
export function ledgerHistory(ledger: LedgerData, invoiceId: string): HistoryEntry[] {
	const record =
		ledger.invoices && Object.hasOwn(ledger.invoices, invoiceId)
			? ledger.invoices[invoiceId]
			: undefined;
	if (!record || !Array.isArray(record.entries)) return [];
	return record.entries.map((entry) => ({
		stepId: entry.stepId,
		// When the step was emitted (the plan's moment): spacing counts from there, not from when Record ran.
		at: entry.at,
		status: entry.status === 'failed' ? 'failed' : 'sent',
		...(entry.status === 'reserved' ? { confirmed: false } : {}),
	}));
}

export type ReserveResult = { ok: true; key: string } | { ok: false; key: string; reason: string };

/**
 * Reserves a step for an invoice. Refuses when the same key is already reserved or sent (the step was emitted
 * before); a failed entry can be retried, which adds a new reservation and keeps the failure for counting.
 */
export function reserveStep(
	ledger: LedgerData,
	invoiceId: string,
	stepId: string,
	at: Date | string | number,
	skipped: readonly string[] = [],
): ReserveResult {
	const key = idempotencyKey(invoiceId, stepId);
	const invoices = bucket(ledger);
	const record = (invoices[invoiceId] ??= { entries: [], updatedAt: iso(at) });
	const existing = record.entries.find((entry) => entry.key === key && entry.status !== 'failed');
	if (existing)
		return {
			ok: false,
			key,
			reason: `step "${stepId}" was already ${existing.status} at ${existing.recordedAt ?? existing.at}`,
		};
	const entry: LedgerEntry = { stepId, key, status: 'reserved', at: iso(at) };
	if (skipped.length > 0) entry.skipped = [...skipped];
	record.entries.push(entry);
	record.updatedAt = iso(at);
	return { ok: true, key };
}

/** Takes back a reservation that was never handed to a send node (for example a consolidated message the lint blocked). */
export function releaseReservation(ledger: LedgerData, invoiceId: string, stepId: string): boolean {
	const record =
		ledger.invoices && Object.hasOwn(ledger.invoices, invoiceId)
			? ledger.invoices[invoiceId]
			: undefined;
	if (!record) return false;
	const key = idempotencyKey(invoiceId, stepId);
	const index = record.entries.findIndex(
		(entry) => entry.key === key && entry.status === 'reserved',
	);
	if (index < 0) return false;
	record.entries.splice(index, 1);
	if (record.entries.length === 0) delete ledger.invoices![invoiceId];
	return true;
}

/** Splits an idempotency key (or a consolidated "key+key") back into invoice and step ids. */
export function parseIdempotencyKey(key: string): Array<{ invoiceId: string; stepId: string }> {
	return key
		.split('+')
		.map((part) => part.trim())
		.filter((part) => part.lastIndexOf(':') > 0)
		.map((part) => ({
			invoiceId: part.slice(0, part.lastIndexOf(':')),
			stepId: part.slice(part.lastIndexOf(':') + 1),
		}));
}

export type RecordResult =
	| { ok: true; key: string; failures: number }
	| { ok: false; key: string; reason: string };

/**
 * Confirms a reserved step as sent or failed (Record, after the send node). Recording without a reservation
 * (a ledger that was reset, or history kept elsewhere) adds the entry, so the ledger still tells the truth.
 */
export function recordSend(
	ledger: LedgerData,
	invoiceId: string,
	stepId: string,
	status: 'sent' | 'failed',
	at: Date | string | number,
	error?: string,
): RecordResult {
	const key = idempotencyKey(invoiceId, stepId);
	const invoices = bucket(ledger);
	const record = (invoices[invoiceId] ??= { entries: [], updatedAt: iso(at) });
	let entry = [...record.entries]
		.reverse()
		.find((candidate) => candidate.key === key && candidate.status === 'reserved');
	if (!entry) {
		const sent = record.entries.find(
			(candidate) => candidate.key === key && candidate.status === 'sent',
		);
		if (sent && status === 'sent') return { ok: true, key, failures: failuresOf(record, key) };
		if (sent && status === 'failed')
			return {
				ok: false,
				key,
				reason: `step "${stepId}" is already recorded as sent; a later failure report is ignored`,
			};
		entry = { stepId, key, status: 'reserved', at: iso(at) };
		record.entries.push(entry);
	}
	entry.status = status;
	entry.recordedAt = iso(at);
	if (error) entry.error = error.slice(0, 500);
	record.updatedAt = iso(at);
	return { ok: true, key, failures: failuresOf(record, key) };
}

function failuresOf(record: LedgerInvoice, key: string): number {
	return record.entries.filter((entry) => entry.key === key && entry.status === 'failed').length;
}

/** Drops closed invoices (paid, void) from the ledger. Returns how many were removed. */
export function pruneLedger(ledger: LedgerData, closedInvoiceIds: Iterable<string>): number {
	const invoices = ledger.invoices;
	if (!invoices) return 0;
	let removed = 0;
	for (const id of closedInvoiceIds) {
		if (id in invoices) {
			delete invoices[id];
			removed++;
		}
	}
	return removed;
}

/** Drops invoices untouched for `days` (records that left the source without a closing event). */
export function pruneStale(ledger: LedgerData, asOf: Date | string | number, days: number): number {
	const invoices = ledger.invoices;
	const now = toInstant(asOf);
	if (!invoices || now === null) return 0;
	let removed = 0;
	for (const [id, record] of Object.entries(invoices)) {
		// Our own ISO timestamps: Date.parse is enough and keeps luxon out of the per-invoice loop.
		const updated = Date.parse(record.updatedAt);
		if (Number.isFinite(updated) && now - updated > days * 86_400_000) {
			delete invoices[id];
			removed++;
		}
	}
	return removed;
}

/**
 * History from input fields, for ledgers kept in a sheet or CRM: the last step sent and when.
 * Everything before the last step in the policy counts as done.
 */
export function historyFromFields(lastStepId: unknown, lastTouchAt: unknown): HistoryEntry[] {
	if (typeof lastStepId !== 'string' || lastStepId.trim() === '') return [];
	const at =
		typeof lastTouchAt === 'string' && lastTouchAt.trim() !== ''
			? lastTouchAt.trim()
			: lastTouchAt instanceof Date
				? lastTouchAt.toISOString()
				: '';
	return [{ stepId: lastStepId.trim(), at, status: 'sent' }];
}
