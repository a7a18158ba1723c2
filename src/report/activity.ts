/**
 * Ledger activity for the report's period, read from the collections ledger (the memory across runs) rather than
 * from the items of one run: reminders sent, replies, escalations and approvals, promises kept and broken, time to
 * first response, and each invoice's last touch or reply (for stalled accounts).
 *
 * Definitions (the README repeats them):
 * - Reminders sent: `touch` events with status `sent` in the period, one per idempotency key.
 * - Replies: `reply` events in the period from a person (out-of-office and bounces are not replies).
 * - Escalations: `escalation` events in the period, one per key and reason; approvals: `approval` events by decision.
 * - Promises: `reply` events carrying a promised date that fell due within the period: kept when the invoice was
 *   paid (a `payment` event, or the invoice's own `paidOn`) on or before that date, broken when not; promises due
 *   after the as-of day are pending.
 * - Time to first response: per invoice, days from the first reminder sent in the period to the first reply after
 *   it; the median and the mean over invoices that got one.
 */
import type { LedgerEvent } from '../contract/ledger';
import { ownerOf, type ItemResults } from './items';
import type { Owners } from './owners';
import { dayOfInstant, isHumanReply, personName, type DayOf, type Json } from './read';

export interface ReportActivity {
	/** Where the counts come from: the collections ledger, or (without one) the items of this run. */
	source: 'ledger' | 'items';
	remindersSent: number;
	replies: number;
	escalations: number;
	approvals: { approved: number; rejected: number };
	promises: { kept: number; broken: number; pending: number };
	timeToFirstResponse: { count: number; medianDays: number | null; averageDays: number | null };
	/** Ledger rows that were not events (they were left out, never guessed at). */
	invalidRows: number;
}

export const MS_PER_DAY = 86_400_000;

export class LedgerActivity {
	private readonly sentKeys = new Set<string>();
	private replies = 0;
	private readonly escalationKeys = new Set<string>();
	private approved = 0;
	private rejected = 0;
	/** Invoice → day of its last touch or reply (any time up to the as-of day). */
	readonly lastTouchOrReply = new Map<string, number>();
	private readonly firstSent = new Map<string, number>();
	private readonly firstReplyAfter = new Map<string, number>();
	private readonly promised: Array<{ invoiceId: string; day: number }> = [];
	private readonly paidDay = new Map<string, number>();

	constructor(
		private readonly periodStartDay: number,
		private readonly asOfDay: number,
		private readonly dayOf: DayOf,
		readonly invalidRows = 0,
	) {}

	/** Reads every event once, in any order. */
	addAll(events: readonly LedgerEvent[]): this {
		const replies: Array<{ invoiceId: string; millis: number }> = [];
		for (const event of events) {
			const millis = Date.parse(event.at);
			if (!Number.isFinite(millis)) continue;
			const day = Math.floor(millis / MS_PER_DAY);
			if (day > this.asOfDay) continue;
			const inPeriod = day >= this.periodStartDay;
			switch (event.kind) {
				case 'touch':
					if (event.status !== 'sent') break;
					this.touched(event.invoiceId, day);
					if (inPeriod) {
						this.sentKeys.add(event.key);
						const first = this.firstSent.get(event.invoiceId);
						if (first === undefined || millis < first) this.firstSent.set(event.invoiceId, millis);
					}
					break;
				case 'reply':
					this.touched(event.invoiceId, day);
					if (event.promisedDate) {
						const promisedDay = this.dayOf(event.promisedDate);
						if (promisedDay !== null)
							this.promised.push({ invoiceId: event.invoiceId, day: promisedDay });
					}
					if (inPeriod && !(event.intent && !isHumanReply(event.intent))) {
						this.replies++;
						replies.push({ invoiceId: event.invoiceId, millis });
					}
					break;
				case 'escalation':
					if (inPeriod)
						for (const reason of event.reason.split(','))
							this.escalationKeys.add(`${event.key}#${reason.trim()}#${day}`);
					break;
				case 'approval':
					if (!inPeriod) break;
					if (event.decision === 'approved') this.approved++;
					else this.rejected++;
					break;
				case 'payment': {
					const paid = this.paidDay.get(event.invoiceId);
					if (paid === undefined || day < paid) this.paidDay.set(event.invoiceId, day);
					break;
				}
			}
		}
		for (const { invoiceId, millis } of replies) {
			const sent = this.firstSent.get(invoiceId);
			if (sent === undefined || millis < sent) continue;
			const first = this.firstReplyAfter.get(invoiceId);
			if (first === undefined || millis < first) this.firstReplyAfter.set(invoiceId, millis);
		}
		return this;
	}

	/** The invoice's own payment day, when the source told us (the report's items): counts for promises. */
	paidOn(invoiceId: string, day: number): void {
		const paid = this.paidDay.get(invoiceId);
		if (paid === undefined || day < paid) this.paidDay.set(invoiceId, day);
	}

	private touched(invoiceId: string, day: number): void {
		const last = this.lastTouchOrReply.get(invoiceId);
		if (last === undefined || day > last) this.lastTouchOrReply.set(invoiceId, day);
	}

	result(): ReportActivity {
		let kept = 0;
		let broken = 0;
		let pending = 0;
		for (const { invoiceId, day } of this.promised) {
			if (day < this.periodStartDay) continue;
			const paid = this.paidDay.get(invoiceId);
			if (paid !== undefined && paid <= day) kept++;
			else if (day < this.asOfDay) broken++;
			else pending++;
		}
		const waits: number[] = [];
		for (const [invoiceId, reply] of this.firstReplyAfter)
			waits.push((reply - this.firstSent.get(invoiceId)!) / MS_PER_DAY);
		waits.sort((a, b) => a - b);
		const middle = waits.length >> 1;
		const median =
			waits.length === 0
				? null
				: waits.length % 2 === 1
					? waits[middle]
					: (waits[middle - 1] + waits[middle]) / 2;
		const average =
			waits.length === 0 ? null : waits.reduce((sum, days) => sum + days, 0) / waits.length;
		return {
			source: 'ledger',
			remindersSent: this.sentKeys.size,
			replies: this.replies,
			escalations: this.escalationKeys.size,
			approvals: { approved: this.approved, rejected: this.rejected },
			promises: { kept, broken, pending },
			timeToFirstResponse: {
				count: waits.length,
				medianDays: median === null ? null : Math.round(median * 10) / 10,
				averageDays: average === null ? null : Math.round(average * 10) / 10,
			},
			invalidRows: this.invalidRows,
		};
	}
}

/**
 * Activity the items of this run carry, for a report without a ledger (every usable item counts, duplicates of an
 * invoice included):
 * - reminders sent: items whose cadence result records a sent step;
 * - replies: items carrying a triaged reply from a person (out-of-office and bounces excluded); without triage, an
 *   invoice whose `lastReplyAt` falls within the period counts one reply;
 * - escalations: items whose escalation says escalate (counted on the escalation's owner, else the invoice's).
 */
export class ItemActivity {
	remindersSent = 0;
	replies = 0;
	escalations = 0;

	constructor(
		private readonly periodStartDay: number,
		private readonly asOfDay: number,
		private readonly dayOf: DayOf,
		private readonly owners: Owners,
	) {}

	add(invoice: Json, results: ItemResults): void {
		if (results.sent) this.remindersSent++;
		const triage = results.triage;
		if (triage !== undefined) {
			if (isHumanReply(triage.intent)) this.replies++;
		} else if (typeof invoice.lastReplyAt === 'string') {
			const replyDay = dayOfInstant(invoice.lastReplyAt, this.dayOf);
			if (replyDay !== null && replyDay >= this.periodStartDay && replyDay <= this.asOfDay)
				this.replies++;
		}
		const escalation = results.escalation;
		if (escalation?.escalate === true) {
			this.escalations++;
			this.owners.cell(personName(escalation.owner) ?? ownerOf(invoice)).escalations++;
		}
	}
}
