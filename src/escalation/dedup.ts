/**
 * De-duplication over open cases: a plain JSON ledger (key → reason → when escalated), read from the collections
 * ledger's `escalation` events (or kept in static data for single-workflow use). The same invoice with the same
 * reason is not escalated again within N days while its case is open.
 */
import type { EscalationEvent, LedgerEvent } from '../contract/ledger';
import type { Invoice } from '../invoice/schema';
import type { EscalationLedger, EscalationResult, EscalationTriage } from './schema';

const MS_PER_DAY = 86_400_000;

/** `source:id` of the invoice, else the first invoice number a reply names, else null (no de-duplication). */
export function escalationKey(
	invoice: Invoice | undefined,
	triage?: EscalationTriage,
): string | null {
	if (invoice) return `${invoice.source}:${invoice.id}`;
	const number = triage?.extracted.invoiceNumbers?.[0];
	return number ? `number:${number}` : null;
}

/** Splits reasons into those not escalated within the window (fresh) and those that were (repeated). */
export function checkEscalationLedger<Reason extends string>(
	ledger: EscalationLedger,
	key: string,
	reasons: readonly Reason[],
	atMillis: number,
	withinDays: number,
): { fresh: Reason[]; repeated: Reason[]; lastEscalatedAt: string | null } {
	const seen = ledger[key];
	const fresh: Reason[] = [];
	const repeated: Reason[] = [];
	let lastEscalatedAt: string | null = null;
	for (const reason of reasons) {
		const at = seen?.[reason];
		const millis = at ? Date.parse(at) : NaN;
		if (
			Number.isFinite(millis) &&
			atMillis - millis < withinDays * MS_PER_DAY &&
			atMillis >= millis
		) {
			repeated.push(reason);
			if (lastEscalatedAt === null || at! > lastEscalatedAt) lastEscalatedAt = at!;
		} else {
			fresh.push(reason);
		}
	}
	return { fresh, repeated, lastEscalatedAt };
}

/** Records that these reasons were escalated now (mutates the ledger object it is given). */
export function recordEscalation(
	ledger: EscalationLedger,
	key: string,
	reasons: readonly string[],
	atIso: string,
): void {
	const seen = (ledger[key] ??= {});
	for (const reason of reasons) seen[reason] = atIso;
}

/** Drops entries older than the window so static data does not grow without bound. Returns how many were removed. */
export function pruneEscalationLedger(
	ledger: EscalationLedger,
	atMillis: number,
	withinDays: number,
): number {
	let removed = 0;
	for (const key of Object.keys(ledger)) {
		const seen = ledger[key];
		for (const reason of Object.keys(seen)) {
			const millis = Date.parse(seen[reason]);
			if (!Number.isFinite(millis) || atMillis - millis >= withinDays * MS_PER_DAY) {
				delete seen[reason];
				removed += 1;
			}
		}
		if (Object.keys(seen).length === 0) delete ledger[key];
	}
	return removed;
}

/**
 * The open cases the collections ledger holds, as a de-duplication ledger: the latest `escalation` event per key
 * and reason (a row may list several reasons, comma-separated). A `resolved` event of the invoice closes every case
 * escalated before it; other kinds (and reasons Cadence Step records, such as `requires_approval`) are kept apart
 * by their own keys.
 */
export function escalationLedgerFromEvents(events: readonly LedgerEvent[]): EscalationLedger {
	const resolvedAt = new Map<string, number>();
	for (const event of events) {
		if (event.kind !== 'resolved') continue;
		const millis = Date.parse(event.at);
		if (millis > (resolvedAt.get(event.invoiceId) ?? -Infinity))
			resolvedAt.set(event.invoiceId, millis);
	}
	const ledger: EscalationLedger = {};
	for (const event of events) {
		if (event.kind !== 'escalation') continue;
		const millis = Date.parse(event.at);
		if (!Number.isFinite(millis) || millis <= (resolvedAt.get(event.invoiceId) ?? -Infinity))
			continue;
		const at = new Date(millis).toISOString();
		const seen = (ledger[event.key] ??= {});
		for (const reason of event.reason.split(',')) {
			const code = reason.trim();
			if (code && !(seen[code] && seen[code] >= at)) seen[code] = at;
		}
	}
	return ledger;
}

/**
 * The `escalation` ledger event for an item that opened a case or was grouped into one (null for an item that
 * did not, or that names no invoice): append it to the collections ledger, so the next run, in any execution
 * mode, sees the case.
 */
export function escalationLedgerEvent(
	invoice: Invoice | undefined,
	result: EscalationResult,
): EscalationEvent | null {
	if (!invoice || !result.key || !result.case || result.reasons.length === 0) return null;
	if (result.alreadyEscalated) return null;
	const grouped = result.case.key !== result.key;
	return {
		kind: 'escalation',
		invoiceId: invoice.id,
		at: result.evaluatedAt,
		reason: result.reasons.join(','),
		priority: result.priority ?? 'P3',
		key: result.key,
		...(grouped ? { note: `case ${result.case.key}` } : {}),
	};
}
