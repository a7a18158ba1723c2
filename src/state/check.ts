/**
 * `checkPaymentState(invoice, options)`: what state an invoice is in today, where it should be routed, and why.
 * Pure and allocation-light: per invoice it does integer day arithmetic only; the as-of date per zone is memoised.
 */
import { AsOfCalendar, dayNumber, toInstant } from '../dates';
import { majorToMinor } from '../money';
import type { Invoice } from '../invoice/schema';
import { paymentStateOnItem, type OutputDetail, type PaymentStateOnItem } from './output';
import {
	AGING_BUCKETS,
	PAYMENT_STATES,
	ROUTES,
	type AgingBucket,
	type HighValueThreshold,
	type PaymentState,
	type PaymentStateName,
	type PaymentStateOptions,
	type Route,
	type Signal,
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

/** Signals in the order they appear in `signals` (each at most once). */
const SIGNAL_ORDER: readonly Signal[] = [
	'no_due_date',
	'partially_paid',
	'overpaid',
	'high_value',
	'csuite_contact',
	'no_contact',
	'written_off',
	'automation_paused',
	'stale_reply',
	'broken_promise_history',
	'promise_pending',
	'failed_payment',
	'missing_po',
	'overdue',
];
const BIT = Object.fromEntries(SIGNAL_ORDER.map((signal, index) => [signal, 1 << index])) as Record<
	Signal,
	number
>;

/** Which sentence explains the state; its argument is in `Decision.reasonArg`. */
const enum Reason {
	Draft,
	Void,
	PaidAtSource,
	NothingToPay,
	Disputed,
	OptedOut,
	Uncollectible,
	AutomationPaused,
	PausedByOwner,
	Promised,
	BrokenPromise,
	FailedPayment,
	MissingPo,
	NoDates,
	Overdue,
	DueToday,
	DueIn,
}

/** One invoice's decision, before any list or sentence is built (filled in place: no allocation per invoice). */
interface Decision {
	state: PaymentStateName;
	route: Route;
	/** Signals as bits of SIGNAL_ORDER. */
	signals: number;
	daysPastDue: number;
	daysUntilDue: number | null;
	agingBucket: AgingBucket;
	asOfDate: string;
	reason: Reason;
	/** What the sentence names besides the days: the status, the promise date, the attempts; '' otherwise. */
	reasonArg: string;
	effectiveDue: string | null;
}

function newDecision(): Decision {
	return {
		state: 'not_due',
		route: 'not_due',
		signals: 0,
		daysPastDue: 0,
		daysUntilDue: null,
		agingBucket: 'not_due',
		asOfDate: '',
		reason: Reason.DueIn,
		reasonArg: '',
		effectiveDue: null,
	};
}

/** The decision for one invoice, written into `out`. The rules live here, once. */
function decide(invoice: Invoice, options: PaymentStateOptions, out: Decision): Decision {
	const calendar = calendarFor(options);
	const asOfDate = calendar.dateIn(invoice.customer.timezone);
	const today = dayNumber(asOfDate)!;
	const dueSoonDays = options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
	const graceDays = options.promiseGraceDays ?? DEFAULT_PROMISE_GRACE_DAYS;
	let signals = 0;

	// No due date (Stripe charge_automatically, some sheets): treat it as due on receipt, from the issue date.
	const effectiveDue = invoice.dueOn ?? invoice.issuedOn;
	const dueDay = effectiveDue === null ? null : dayNumber(effectiveDue);
	if (invoice.dueOn === null) signals |= BIT.no_due_date;
	const daysUntilDue = dueDay === null ? null : dueDay - today;
	const daysPastDue = daysUntilDue === null || daysUntilDue >= 0 ? 0 : -daysUntilDue;

	const owed = invoice.amountDueMinor > 0;
	if (owed && invoice.amountPaidMinor > 0) signals |= BIT.partially_paid;
	if (invoice.amountDueMinor < 0) signals |= BIT.overpaid;
	const threshold = highValueMinor(options.highValue, invoice.currency);
	if (threshold !== null && invoice.amountDueMinor >= threshold) signals |= BIT.high_value;
	if (isCsuiteContact(invoice)) signals |= BIT.csuite_contact;
	if (!invoice.contact.email) signals |= BIT.no_contact;
	if (invoice.lifecycle === 'uncollectible') signals |= BIT.written_off;
	if (invoice.flags.automationPaused) signals |= BIT.automation_paused;
	if (owed && isStaleReply(invoice, options, calendar.asOfMillis)) signals |= BIT.stale_reply;

	const promiseDay = invoice.promise?.date ? dayNumber(invoice.promise.date) : null;
	const promisePending = promiseDay !== null && today <= promiseDay + graceDays;
	const promiseBroken = promiseDay !== null && !promisePending;
	if ((invoice.promise?.brokenCount ?? 0) > 0) signals |= BIT.broken_promise_history;

	let state: PaymentStateName;
	let reason: Reason;
	if (invoice.lifecycle === 'draft') {
		state = 'draft';
		reason = Reason.Draft;
	} else if (invoice.lifecycle === 'void') {
		state = 'void';
		reason = Reason.Void;
	} else if (invoice.lifecycle === 'paid' || !owed) {
		state = 'paid';
		reason = paidReason(invoice);
	} else if (invoice.flags.disputed) {
		state = 'disputed';
		reason = Reason.Disputed;
	} else if (invoice.flags.optedOut) {
		state = 'opted_out';
		reason = Reason.OptedOut;
	} else if (
		invoice.flags.paused ||
		invoice.flags.automationPaused ||
		invoice.lifecycle === 'uncollectible'
	) {
		state = 'paused';
		reason = pausedReason(invoice);
	} else if (promisePending) {
		state = 'promised';
		signals |= BIT.promise_pending;
		reason = Reason.Promised;
	} else if (promiseBroken && daysPastDue > 0) {
		state = 'broken_promise';
		reason = Reason.BrokenPromise;
	} else if ((invoice.failedPaymentAttempts ?? 0) > 0) {
		state = 'failed_payment';
		signals |= BIT.failed_payment;
		reason = Reason.FailedPayment;
	} else if ((invoice.poRequired || options.poRequired) && !invoice.poNumber) {
		state = 'missing_po';
		signals |= BIT.missing_po;
		reason = Reason.MissingPo;
	} else if (dueDay === null) {
		state = 'not_due';
		reason = Reason.NoDates;
	} else if (daysPastDue > 0) {
		state = 'overdue';
		reason = Reason.Overdue;
	} else if (daysUntilDue === 0) {
		state = 'due_today';
		reason = Reason.DueToday;
	} else if (daysUntilDue! <= dueSoonDays) {
		state = 'due_soon';
		reason = Reason.DueIn;
	} else {
		state = 'not_due';
		reason = Reason.DueIn;
	}
	if (daysPastDue > 0 && state !== 'overdue' && owed) signals |= BIT.overdue;

	out.state = state;
	// An invoice that cannot be aged needs a person, not the "not due" path where nobody looks.
	out.route = dueDay === null && state === 'not_due' ? 'hold' : ROUTE_OF[state];
	out.signals = signals;
	out.daysPastDue = daysPastDue;
	out.daysUntilDue = daysUntilDue;
	out.agingBucket = owed ? agingBucketOf(daysPastDue) : 'not_due';
	out.asOfDate = asOfDate;
	out.reason = reason;
	out.reasonArg = reasonArgOf(invoice, reason);
	out.effectiveDue = effectiveDue;
	return out;
}

/** The sentence for people that says why. */
function reasonText(decision: Decision): string {
	const { reasonArg: arg, effectiveDue: due } = decision;
	switch (decision.reason) {
		case Reason.Draft:
			return `draft at the source (status "${arg}"): not issued to the customer yet`;
		case Reason.Void:
			return `voided at the source (status "${arg}")`;
		case Reason.PaidAtSource:
			return `paid at the source (status "${arg}")`;
		case Reason.NothingToPay:
			return 'nothing left to pay';
		case Reason.Disputed:
			return 'the invoice is disputed: a person resolves it before any reminder';
		case Reason.OptedOut:
			return 'the contact opted out of automated reminders';
		case Reason.Uncollectible:
			return 'marked uncollectible at the source: automation stops, a person decides';
		case Reason.AutomationPaused:
			return 'automation paused: the case is with a person';
		case Reason.PausedByOwner:
			return 'paused by the account owner';
		case Reason.Promised:
			return `promise to pay by ${arg} is pending`;
		case Reason.BrokenPromise:
			return `promised payment by ${arg} did not arrive`;
		case Reason.FailedPayment:
			return `${arg} payment attempt(s) failed`;
		case Reason.MissingPo:
			return 'a PO number is required and the invoice has none';
		case Reason.NoDates:
			return 'no due date and no issue date: the invoice cannot be aged';
		case Reason.Overdue:
			return `${decision.daysPastDue} day(s) past due (due ${due})`;
		case Reason.DueToday:
			return `due today (${due})`;
		case Reason.DueIn:
			return `due in ${decision.daysUntilDue} day(s) (${due})`;
	}
}

function materialize(decision: Decision): PaymentState {
	const signals: Signal[] = [];
	for (let index = 0; index < SIGNAL_ORDER.length; index++)
		if (decision.signals & (1 << index)) signals.push(SIGNAL_ORDER[index]);
	return {
		state: decision.state,
		route: decision.route,
		signals,
		daysPastDue: decision.daysPastDue,
		agingBucket: decision.agingBucket,
		reasons: [reasonText(decision)],
		asOfDate: decision.asOfDate,
		daysUntilDue: decision.daysUntilDue,
	};
}

/** The sentence of each state, where the state alone decides it (see reasonFor). */
const REASON_OF_STATE: Readonly<Record<PaymentStateName, Reason>> = {
	draft: Reason.Draft,
	void: Reason.Void,
	paid: Reason.PaidAtSource,
	disputed: Reason.Disputed,
	opted_out: Reason.OptedOut,
	paused: Reason.PausedByOwner,
	promised: Reason.Promised,
	broken_promise: Reason.BrokenPromise,
	failed_payment: Reason.FailedPayment,
	missing_po: Reason.MissingPo,
	overdue: Reason.Overdue,
	due_today: Reason.DueToday,
	due_soon: Reason.DueIn,
	not_due: Reason.DueIn,
};

function paidReason(invoice: Invoice): Reason {
	return invoice.lifecycle === 'paid' ? Reason.PaidAtSource : Reason.NothingToPay;
}

function pausedReason(invoice: Invoice): Reason {
	if (invoice.lifecycle === 'uncollectible') return Reason.Uncollectible;
	return invoice.flags.automationPaused ? Reason.AutomationPaused : Reason.PausedByOwner;
}

/** Which sentence a state has on this invoice: the branch decide() took, read back from the state and the invoice. */
function reasonFor(invoice: Invoice, state: PaymentStateName, dueDay: number | null): Reason {
	if (state === 'paid') return paidReason(invoice);
	if (state === 'paused') return pausedReason(invoice);
	if (state === 'not_due' && dueDay === null) return Reason.NoDates;
	return REASON_OF_STATE[state];
}

/** What the sentence names besides the days: the status, the promise date, the attempts; '' otherwise. */
function reasonArgOf(invoice: Invoice, reason: Reason): string {
	switch (reason) {
		case Reason.Draft:
		case Reason.Void:
		case Reason.PaidAtSource:
			return invoice.status;
		case Reason.Promised:
		case Reason.BrokenPromise:
			return invoice.promise?.date ?? '';
		case Reason.FailedPayment:
			return String(invoice.failedPaymentAttempts);
		default:
			return '';
	}
}

/**
 * The sentence and daysUntilDue of a payment state that an item carries without them (a lean item), from the
 * invoice it was judged on: what checkPaymentState wrote, derived from the state, the day it was judged for and the
 * invoice's own fields (status, dates, promise, attempts). For the consumers that show them to a person.
 */
export function reasonOf(
	invoice: Invoice,
	paymentState: Pick<PaymentState, 'state' | 'daysPastDue' | 'asOfDate'>,
): { reason: string; daysUntilDue: number | null } {
	const effectiveDue = invoice.dueOn ?? invoice.issuedOn;
	const dueDay = effectiveDue === null ? null : dayNumber(effectiveDue);
	const today = dayNumber(paymentState.asOfDate);
	const daysUntilDue = dueDay === null || today === null ? null : dueDay - today;
	const decision = newDecision();
	decision.state = paymentState.state;
	decision.daysPastDue = paymentState.daysPastDue;
	decision.daysUntilDue = daysUntilDue;
	decision.effectiveDue = effectiveDue;
	decision.reason = reasonFor(invoice, paymentState.state, dueDay);
	decision.reasonArg = reasonArgOf(invoice, decision.reason);
	return { reason: reasonText(decision), daysUntilDue };
}

export function checkPaymentState(invoice: Invoice, options: PaymentStateOptions): PaymentState {
	return materialize(decide(invoice, options, newDecision()));
}

const STATE_INDEX = new Map<string, number>(PAYMENT_STATES.map((state, index) => [state, index]));
const ROUTE_INDEX = new Map<string, number>(ROUTES.map((route, index) => [route, index]));
const BUCKET_INDEX = new Map<string, number>(AGING_BUCKETS.map((bucket, index) => [bucket, index]));
/** Past this many distinct payment states in one batch, new ones are not shared any more. */
const MAX_SHARED_STATES = 100_000;

/**
 * checkPaymentState for a batch (a node's execution), as items carry it (paymentStateOnItem): equal results are one
 * object, which every item with that result holds. A book has few distinct results (a state, an age, a day, a few
 * signals, one sentence), so the lists and sentences are built once per distinct result, not per invoice, and n8n
 * saves a shared object once (flatted). No node edits a paymentState in place.
 */
export function paymentStateChecker(
	options: PaymentStateOptions,
	detail: OutputDetail = 'standard',
): (invoice: Invoice) => PaymentStateOnItem {
	const scratch = newDecision();
	const standard = detail !== 'compact';
	// (state, route, bucket, signals) → days until due → as-of day → what the sentence names.
	const known = new Map<number, Map<number, Map<string, Map<string, PaymentStateOnItem>>>>();
	let size = 0;
	return (invoice) => {
		const decision = decide(invoice, options, scratch);
		const head =
			((STATE_INDEX.get(decision.state)! * 4 + ROUTE_INDEX.get(decision.route)!) * 8 +
				BUCKET_INDEX.get(decision.agingBucket)!) *
				32768 +
			decision.signals;
		let byDays = known.get(head);
		if (byDays === undefined) known.set(head, (byDays = new Map()));
		// Standard items carry daysUntilDue (null without a date, kept apart from every count); compact ones only
		// daysPastDue, which follows from it, so every invoice not yet due shares one compact object per state.
		const days = standard
			? (decision.daysUntilDue ?? Number.MIN_SAFE_INTEGER)
			: decision.daysPastDue;
		let byDay = byDays.get(days);
		if (byDay === undefined) byDays.set(days, (byDay = new Map()));
		let byArg = byDay.get(decision.asOfDate);
		if (byArg === undefined) byDay.set(decision.asOfDate, (byArg = new Map()));
		// Compact items carry no sentence, so what it names does not tell them apart.
		const arg = standard ? decision.reason + '\u0001' + decision.reasonArg : '';
		let shared = byArg.get(arg);
		if (shared === undefined) {
			shared = paymentStateOnItem(materialize(decision), detail);
			if (size < MAX_SHARED_STATES) {
				byArg.set(arg, shared);
				size++;
			}
		}
		return shared;
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
