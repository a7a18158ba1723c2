import { z } from 'zod';

/** Payment states, in precedence order: the first that applies wins. */
export const PAYMENT_STATES = [
	'draft',
	'void',
	'paid',
	'disputed',
	'opted_out',
	'paused',
	'promised',
	'broken_promise',
	'failed_payment',
	'missing_po',
	'overdue',
	'due_today',
	'due_soon',
	'not_due',
] as const;
export type PaymentStateName = (typeof PAYMENT_STATES)[number];

export const ROUTES = ['follow_up', 'hold', 'closed', 'not_due'] as const;
export type Route = (typeof ROUTES)[number];

export const AGING_BUCKETS = ['not_due', '1-30', '31-60', '61-90', '91+'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

export const SIGNALS = [
	'partially_paid',
	'overpaid',
	'stale_reply',
	'high_value',
	'csuite_contact',
	'no_contact',
	'no_due_date',
	'written_off',
	'automation_paused',
	'promise_pending',
	'broken_promise_history',
	'failed_payment',
	'missing_po',
	'overdue',
] as const;
export type Signal = (typeof SIGNALS)[number];

export const PaymentStateSchema = z.object({
	state: z.enum(PAYMENT_STATES),
	route: z.enum(ROUTES),
	/** Items leave it out when there is none (see paymentStateOnItem). */
	signals: z.array(z.enum(SIGNALS)).default([]),
	daysPastDue: z.number().int().min(0),
	agingBucket: z.enum(AGING_BUCKETS),
	/** Sentences for people; compact items leave them out. */
	reasons: z.array(z.string()).default([]),
	/** The calendar day the check was made for, in the customer's zone. */
	asOfDate: z.string(),
	/** Days until the due date (negative once past due); null without a due date (compact items leave it out). */
	daysUntilDue: z.number().int().nullable().optional(),
});
export type PaymentState = z.infer<typeof PaymentStateSchema>;

/** High-value threshold in major units: one number for every currency, or one per currency ('*' for the rest). */
export type HighValueThreshold = number | Record<string, number>;

export interface PaymentStateOptions {
	/** The moment of the check: Date, ISO timestamp or `YYYY-MM-DD`. */
	asOf: Date | string | number;
	/** Zone used when the invoice's customer has none. Default UTC. */
	timezone?: string;
	/** Days before the due date that count as "due soon". Default 3. */
	dueSoonDays?: number;
	/** Days without an answer to our last touch that make a reply "stale". Default 5. */
	staleReplyDays?: number;
	highValue?: HighValueThreshold;
	/** Require a PO number on every invoice (in addition to invoices that say so themselves). */
	poRequired?: boolean;
	/** Days after a promised date before the promise counts as broken. Default 1. */
	promiseGraceDays?: number;
}
