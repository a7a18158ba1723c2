/**
 * The payment-state slice: Payment State Check produces `$json.paymentState`; Escalation Gate and Collections
 * Report read it instead of computing it again. `readPaymentState` checks by hand what the schema says about the
 * fields a consumer relies on (no allocation per item, for the report's million invoices).
 */
import type { Invoice } from '../invoice/schema';
import { reasonOf } from '../state/check';
import {
	AGING_BUCKETS,
	PAYMENT_STATES,
	PaymentStateSchema,
	ROUTES,
	SIGNALS,
	type PaymentState,
} from '../state/schema';

export { PaymentStateSchema, type PaymentState } from '../state/schema';

const STATE_SET = new Set<string>(PAYMENT_STATES);
const BUCKET_SET = new Set<string>(AGING_BUCKETS);
const ROUTE_SET = new Set<string>(ROUTES);
const SIGNAL_SET = new Set<string>(SIGNALS);

/**
 * The payment state an upstream node put on an item, when it is well formed (state, route, signals, age and
 * bucket as PaymentStateSchema has them; reasons and dates are not read); null otherwise, so the consumer
 * computes it.
 */
export function readPaymentState(value: unknown): PaymentState | null {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
	const state = value as Record<string, unknown>;
	if (!STATE_SET.has(state.state as string)) return null;
	if (state.route !== undefined && !ROUTE_SET.has(state.route as string)) return null;
	if (!Number.isInteger(state.daysPastDue) || (state.daysPastDue as number) < 0) return null;
	if (!BUCKET_SET.has(state.agingBucket as string)) return null;
	const signals = state.signals;
	if (signals !== undefined) {
		if (!Array.isArray(signals)) return null;
		for (const signal of signals) if (!SIGNAL_SET.has(signal as string)) return null;
	}
	return value as PaymentState;
}

/**
 * The payment state with what a lean item leaves out put back: the reason sentence and daysUntilDue, derived from
 * the invoice it was judged on (reasonOf), in a new object (the item's own is not touched). A state that has its
 * reasons, or has no day to derive them from, comes back as it is.
 */
export function restorePaymentState<T extends Partial<PaymentState>>(
	state: T,
	invoice: Invoice | undefined,
): T {
	if (
		invoice === undefined ||
		state.reasons !== undefined ||
		state.state === undefined ||
		typeof state.daysPastDue !== 'number' ||
		typeof state.asOfDate !== 'string'
	)
		return state;
	const { reason, daysUntilDue } = reasonOf(invoice, {
		state: state.state,
		daysPastDue: state.daysPastDue,
		asOfDate: state.asOfDate,
	});
	return { ...state, reasons: [reason], daysUntilDue };
}

/** Full field-level validation, for a consumer that wants every error (not on the report's hot path). */
export function parsePaymentState(value: unknown) {
	return PaymentStateSchema.safeParse(value);
}
