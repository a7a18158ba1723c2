/**
 * Payments: money recovered in the period, invoices paid within 7 days of their due date, and promises to pay.
 *
 * - Recovered: money received within the period on invoices that were past due when paid, or that had been sent a
 *   reminder before they were paid. Without a payment date, a paid invoice counts as recovered when a reminder
 *   was sent (`lastTouchAt` or a sent cadence step).
 * - Paid within 7 days: of the invoices that fell due within the period and at least 7 days before the as-of date,
 *   the share paid in full no later than 7 days after the due date; unpaid ones count as not paid within 7 days,
 *   paid ones without a payment date are left out (and counted).
 * - Promises: kept when paid on or before the promised day, broken when not (and each earlier broken promise the
 *   invoice records), pending until the day comes.
 */
import type { LedgerActivity } from './activity';
import type { InvoiceFacts } from './facts';
import type { ReportSettings } from './options';

export class Payments {
	recoveredCount = 0;
	recoveredAmount = 0;
	within7 = 0;
	within7Cohort = 0;
	paidDateKnown = 0;
	paidDateUnknown = 0;
	promisesKept = 0;
	promisesBroken = 0;
	promisesPending = 0;
	promisesUnknown = 0;

	constructor(
		private readonly settings: ReportSettings,
		/** The ledger's promises are kept by the invoices' own payment days too. */
		private readonly ledger: LedgerActivity | null,
	) {}

	add(facts: InvoiceFacts): void {
		const { lifecycle, paidDay, fullyPaid, dueDay } = facts;
		const { periodStartDay, asOfDay } = this.settings;
		if (this.ledger !== null && paidDay !== null && fullyPaid)
			this.ledger.paidOn(facts.invoice.id as string, paidDay);
		const voidOrDraft = lifecycle === 'void' || lifecycle === 'draft';
		if (facts.paidMinor > 0 && !voidOrDraft) {
			const touchDay = facts.touchDay();
			const recovered =
				paidDay !== null
					? paidDay >= periodStartDay &&
						paidDay <= asOfDay &&
						((dueDay !== null && paidDay > dueDay) ||
							(touchDay !== null && touchDay <= paidDay) ||
							facts.sent)
					: touchDay !== null || facts.sent;
			if (recovered) {
				this.recoveredCount++;
				this.recoveredAmount += facts.convert(facts.paidMinor);
			}
		}
		if (dueDay !== null && dueDay >= periodStartDay && dueDay + 7 <= asOfDay && !voidOrDraft) {
			if (!fullyPaid) this.within7Cohort++;
			else if (paidDay !== null) {
				this.paidDateKnown++;
				this.within7Cohort++;
				if (paidDay <= dueDay + 7) this.within7++;
			} else this.paidDateUnknown++;
		}
		this.promisesBroken += facts.brokenBefore;
		switch (facts.promise) {
			case 'kept':
				this.promisesKept++;
				break;
			case 'broken':
				this.promisesBroken++;
				break;
			case 'pending':
				this.promisesPending++;
				break;
			case 'unknown':
				this.promisesUnknown++;
				break;
		}
	}

	/** Why a payment figure should be read with care. */
	notes(): string[] {
		const notes: string[] = [];
		if (this.paidDateUnknown > 0)
			notes.push(
				`${this.paidDateUnknown} paid invoice(s) have no payment date (paidOn/paidAt) and are left out of "paid within 7 days"${this.paidDateKnown === 0 ? ', so the rate is not computed' : ''}.`,
			);
		if (this.promisesUnknown > 0)
			notes.push(
				`${this.promisesUnknown} promise(s) were paid on an unknown date after the promised day and are left out of the promise-kept rate.`,
			);
		return notes;
	}
}
