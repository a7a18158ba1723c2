/**
 * Stalled accounts: a customer with an overdue open balance, no pending promise, and no touch, reply or payment
 * for at least `stalledDays` since the later of its last activity and the due date of its oldest overdue
 * invoice. Disputed and paused accounts can stall too: someone has to act on them. An account is keyed by the
 * customer's id (else its name), and named and owned as its oldest overdue invoice is.
 */
import { dateOfDay } from '../dates';
import type { LedgerActivity } from './activity';
import type { InvoiceFacts } from './facts';
import type { NamedMoney } from './format';
import type { ReportSettings } from './options';
import type { Owners } from './owners';
import { dayOfInstant, type DayOf, type Json } from './read';
import type { ReportStalledAccount } from './types';

const NO_DAY = -2_147_483_648;

interface Account {
	name: string;
	id: string | null;
	owner: string;
	overdueCount: number;
	overdueAmount: number;
	oldestDaysPastDue: number;
	oldestDueDay: number;
	lastActivityDay: number;
	promisePending: boolean;
}

export class StalledAccounts {
	private readonly accounts = new Map<string, Account>();

	constructor(
		private readonly settings: ReportSettings,
		private readonly dayOf: DayOf,
		/** Each invoice's last touch or reply in the ledger, whichever run it came from. */
		private readonly ledger: LedgerActivity | null,
	) {}

	/** Reads the overdue open invoices; ignores the rest. */
	add(facts: InvoiceFacts): void {
		if (!facts.isOpen || facts.daysPastDue <= 0) return;
		const { invoice, daysPastDue } = facts;
		const asOfDay = this.settings.asOfDay;
		const customer = invoice.customer as Json;
		const customerId = typeof customer.id === 'string' && customer.id !== '' ? customer.id : null;
		const key = customerId ?? (customer.name as string);
		let account = this.accounts.get(key);
		if (account === undefined) {
			account = {
				name: customer.name as string,
				id: customerId,
				owner: facts.owner,
				overdueCount: 0,
				overdueAmount: 0,
				oldestDaysPastDue: 0,
				oldestDueDay: NO_DAY,
				lastActivityDay: NO_DAY,
				promisePending: false,
			};
			this.accounts.set(key, account);
		}
		account.overdueCount++;
		account.overdueAmount += facts.amount;
		// The account is named and owned as its oldest overdue invoice is (the lower name on a tie), whatever the
		// order of the items.
		if (
			daysPastDue > account.oldestDaysPastDue ||
			(daysPastDue === account.oldestDaysPastDue &&
				(facts.owner < account.owner ||
					(facts.owner === account.owner && (customer.name as string) < account.name)))
		) {
			account.oldestDaysPastDue = daysPastDue;
			account.oldestDueDay = asOfDay - daysPastDue;
			account.owner = facts.owner;
			account.name = customer.name as string;
		}
		if (facts.state === 'promised') account.promisePending = true;
		let lastActivity = facts.touchDay() ?? NO_DAY;
		if (facts.paidDay !== null && facts.paidDay > lastActivity) lastActivity = facts.paidDay;
		if (typeof invoice.lastReplyAt === 'string') {
			const replyDay = dayOfInstant(invoice.lastReplyAt, this.dayOf);
			if (replyDay !== null && replyDay > lastActivity) lastActivity = replyDay;
		}
		const ledgerDay = this.ledger?.lastTouchOrReply.get(invoice.id as string);
		if (ledgerDay !== undefined && ledgerDay > lastActivity) lastActivity = ledgerDay;
		// A reminder, a reply or an escalation on this run is activity today: someone is on it.
		if (facts.sent || facts.intent !== null || facts.escalated) lastActivity = asOfDay;
		if (lastActivity > account.lastActivityDay) account.lastActivityDay = lastActivity;
	}

	/** The stalled accounts, the most overdue money first; each is counted on its owner. */
	finish(owners: Owners, money: NamedMoney): ReportStalledAccount[] {
		const { asOfDay, stalledDays } = this.settings;
		const stalled: ReportStalledAccount[] = [];
		for (const account of this.accounts.values()) {
			if (account.promisePending) continue;
			const idle = asOfDay - Math.max(account.lastActivityDay, account.oldestDueDay);
			if (idle < stalledDays) continue;
			const lastActivityOn =
				account.lastActivityDay === NO_DAY ? null : dateOfDay(account.lastActivityDay);
			stalled.push({
				customer: account.name,
				customerId: account.id,
				owner: account.owner,
				overdueCount: account.overdueCount,
				...money('overdueAmount', account.overdueAmount),
				oldestDaysPastDue: account.oldestDaysPastDue,
				lastActivityOn,
				daysIdle: idle,
				reason:
					lastActivityOn === null
						? `no touch, reply or payment since it fell overdue ${idle} days ago`
						: `no touch, reply or payment for ${idle} days (last on ${lastActivityOn})`,
			});
			owners.cell(account.owner).stalledAccounts++;
		}
		return stalled.sort(
			(a, b) =>
				b.overdueAmountMinor - a.overdueAmountMinor ||
				b.daysIdle - a.daysIdle ||
				(a.customerId ?? a.customer).localeCompare(b.customerId ?? b.customer),
		);
	}
}
