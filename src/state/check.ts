/**
 * `checkPaymentState(invoice, options)`: what state an invoice is in today, where it should be routed, and why.
 * Pure and allocation-light: per invoice it does integer day arithmetic only; the as-of date per zone is memoised.
 */
import { AsOfCalendar, dayNumber, toInstant } from '../dates';
import { majorToMinor } from '../money';
import type { Invoice } from '../invoice/schema';
import type {
	AgingBucket,
	HighValueThreshold,
	PaymentState,
	PaymentStateName,
	PaymentStateOptions,
	Route,
	Signal,
} from './schema';

export const DEFAULT_DUE_SOON_DAYS = 3;
export const DEFAULT_STALE_REPLY_DAYS = 5;
export const DEFAULT_PROMISE_GRACE_DAYS = 1;

const ROUTE_OF: Readonly<Record<PaymentStateName, Route>> = {
	draft: 'hold',
	void: 'closed',
	paid: 'closed',
	disputed: 'hold',
	opted_out: 'hold',
	paused: 'hold',
	promised: 'hold',
	broken_promise: 'follow_up',
	failed_payment: 'follow_up',
	missing_po: 'hold',
	overdue: 'follow_up',
	due_today: 'follow_up',
	due_soon: 'follow_up',
	not_due: 'not_due',
};

/** Titles that mark an executive contact, who is never messaged unless they are the billing contact. */
const CSUITE_TITLE =
	/\b(chief|ceo|cfo|coo|cto|cio|cmo|president|founder|owner|managing director|general manager)\b/i;

export function routeOf(state: PaymentStateName): Route {
	return ROUTE_OF[state];
}

export function agingBucketOf(daysPastDue: number): AgingBucket {
	if (daysPastDue <= 0) return 'not_due';
	if (daysPastDue <= 30) return '1-30';
	if (daysPastDue <= 60) return '31-60';
	if (daysPastDue <= 90) return '61-90';
	return '91+';
}

export function isCsuiteContact(invoice: Pick<Invoice, 'contact'>): boolean {
	const { title, isBillingContact } = invoice.contact;
	return !!title && CSUITE_TITLE.test(title) && isBillingContact !== true;
}

/** Threshold for this invoice's currency in minor units, or null when none applies. */
export function highValueMinor(
	threshold: HighValueThreshold | undefined,
	currency: string,
): number | null {
	if (threshold === undefined) return null;
	const major = typeof threshold === 'number' ? threshold : (threshold[currency] ?? threshold['*']);
	if (major === undefined || !Number.isFinite(major) || major <= 0) return null;
	return majorToMinor(major, currency);
}

/**
 * Reuses one AsOfCalendar across calls that share an as-of instant and default zone: batch callers (the node,
 * the benchmark) pass the same options object for every item, so luxon runs once per zone, not once per invoice.
 */
const calendars = new WeakMap<PaymentStateOptions, AsOfCalendar>();
function calendarFor(options: PaymentStateOptions): AsOfCalendar {
	let calendar = calendars.get(options);
	if (
		!calendar ||
		calendar.asOf !== options.asOf ||
		calendar.defaultZone !== (options.timezone ?? 'UTC')
	) {
		calendar = new AsOfCalendar(options.asOf, options.timezone ?? 'UTC');
		calendars.set(options, calendar);
	}
	return calendar;
}

export function checkPaymentState(invoice: Invoice, options: PaymentStateOptions): PaymentState {
	const asOfDate = calendarFor(options).dateIn(invoice.customer.timezone);
	const today = dayNumber(asOfDate)!;
	const dueSoonDays = options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
	const graceDays = options.promiseGraceDays ?? DEFAULT_PROMISE_GRACE_DAYS;

	const signals: Signal[] = [];
	const reasons: string[] = [];

	// No due date (Stripe charge_automatically, some sheets): treat it as due on receipt, from the issue date.
	const effectiveDue = invoice.dueOn ?? invoice.issuedOn;
	const dueDay = effectiveDue === null ? null : dayNumber(effectiveDue);
	if (invoice.dueOn === null) signals.push('no_due_date');
	const daysUntilDue = dueDay === null ? null : dueDay - today;
	const daysPastDue = daysUntilDue === null || daysUntilDue >= 0 ? 0 : -daysUntilDue;

	const owed = invoice.amountDueMinor > 0;
	if (owed && invoice.amountPaidMinor > 0) signals.push('partially_paid');
	if (invoice.amountDueMinor < 0) signals.push('overpaid');
	const threshold = highValueMinor(options.highValue, invoice.currency);
	if (threshold !== null && invoice.amountDueMinor >= threshold) signals.push('high_value');
	if (isCsuiteContact(invoice)) signals.push('csuite_contact');
	if (!invoice.contact.email) signals.push('no_contact');
	if (invoice.lifecycle === 'uncollectible') signals.push('written_off');
	if (invoice.flags.automationPaused) signals.push('automation_paused');
	if (owed && isStaleReply(invoice, options, calendarFor(options).asOfMillis))
		signals.push('stale_reply');

	const promiseDay = invoice.promise?.date ? dayNumber(invoice.promise.date) : null;
	const promisePending = promiseDay !== null && today <= promiseDay + graceDays;
	const promiseBroken = promiseDay !== null && !promisePending;
	if ((invoice.promise?.brokenCount ?? 0) > 0) signals.push('broken_promise_history');

	let state: PaymentStateName;
	if (invoice.lifecycle === 'draft') {
		state = 'draft';
		reasons.push(
			`draft at the source (status "${invoice.status}"): not issued to the customer yet`,
		);
	} else if (invoice.lifecycle === 'void') {
		state = 'void';
		reasons.push(`voided at the source (status "${invoice.status}")`);
	} else if (invoice.lifecycle === 'paid' || !owed) {
		state = 'paid';
		reasons.push(
			invoice.lifecycle === 'paid'
				? `paid at the source (status "${invoice.status}")`
				: 'nothing left to pay',
		);
	} else if (invoice.flags.disputed) {
		state = 'disputed';
		reasons.push('the invoice is disputed: a person resolves it before any reminder');
	} else if (invoice.flags.optedOut) {
		state = 'opted_out';
		reasons.push('the contact opted out of automated reminders');
	} else if (
		invoice.flags.paused ||
		invoice.flags.automationPaused ||
		invoice.lifecycle === 'uncollectible'
	) {
		state = 'paused';
		reasons.push(
			invoice.lifecycle === 'uncollectible'
				? 'marked uncollectible at the source: automation stops, a person decides'
				: invoice.flags.automationPaused
					? 'automation paused: the case is with a person'
					: 'paused by the account owner',
		);
	} else if (promisePending) {
		state = 'promised';
		signals.push('promise_pending');
		reasons.push(`promise to pay by ${invoice.promise!.date} is pending`);
	} else if (promiseBroken && daysPastDue > 0) {
		state = 'broken_promise';
		reasons.push(`promised payment by ${invoice.promise!.date} did not arrive`);
	} else if ((invoice.failedPaymentAttempts ?? 0) > 0) {
		state = 'failed_payment';
		signals.push('failed_payment');
		reasons.push(`${invoice.failedPaymentAttempts} payment attempt(s) failed`);
	} else if ((invoice.poRequired || options.poRequired) && !invoice.poNumber) {
		state = 'missing_po';
		signals.push('missing_po');
		reasons.push('a PO number is required and the invoice has none');
	} else if (dueDay === null) {
		state = 'not_due';
		reasons.push('no due date and no issue date: the invoice cannot be aged');
	} else if (daysPastDue > 0) {
		state = 'overdue';
		reasons.push(`${daysPastDue} day(s) past due (due ${effectiveDue})`);
	} else if (daysUntilDue === 0) {
		state = 'due_today';
		reasons.push(`due today (${effectiveDue})`);
	} else if (daysUntilDue! <= dueSoonDays) {
		state = 'due_soon';
		reasons.push(`due in ${daysUntilDue} day(s) (${effectiveDue})`);
	} else {
		state = 'not_due';
		reasons.push(`due in ${daysUntilDue} day(s) (${effectiveDue})`);
	}
	if (daysPastDue > 0 && state !== 'overdue' && owed) signals.push('overdue');

	// An invoice that cannot be aged needs a person, not the "not due" path where nobody looks.
	const route = dueDay === null && state === 'not_due' ? 'hold' : ROUTE_OF[state];
	return {
		state,
		route,
		signals,
		daysPastDue,
		agingBucket: owed ? agingBucketOf(daysPastDue) : 'not_due',
		reasons,
		asOfDate,
		daysUntilDue,
	};
}

function isStaleReply(
	invoice: Invoice,
	options: PaymentStateOptions,
	asOf: number | null,
): boolean {
	if (!invoice.lastTouchAt) return false;
	const touched = toInstant(invoice.lastTouchAt);
	if (touched === null || asOf === null) return false;
	const replied = invoice.lastReplyAt ? toInstant(invoice.lastReplyAt) : null;
	if (replied !== null && replied >= touched) return false;
	const staleDays = options.staleReplyDays ?? DEFAULT_STALE_REPLY_DAYS;
	return asOf - touched >= staleDays * 86_400_000;
}
