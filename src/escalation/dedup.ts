/**
 * De-duplication over a plain JSON ledger (the node keeps it in the workflow's static data):
 * the same invoice with the same reason is not escalated again within N days.
 */
import type { Invoice } from '../invoice/schema';
import type { EscalationLedger, EscalationTriage } from './schema';

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
