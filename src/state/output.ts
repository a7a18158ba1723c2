/**
 * What Payment State Check puts on each item. n8n keeps, copies and saves every byte of every item, so the item
 * carries what a downstream node or a person needs and nothing it can derive: no empty lists, no undefined keys.
 */
import type { PaymentState } from './schema';

/**
 * How much detail each item carries: `standard` (the full item: version 1's default, named Full since version 1.1)
 * or `compact` (the lean item: version 1.1's default, named Lean there; Compact in version 1).
 */
export const OUTPUT_DETAILS = ['standard', 'compact'] as const;
export type OutputDetail = (typeof OUTPUT_DETAILS)[number];

/**
 * Payment State Check's Output Detail option to the detail: version 1's values (`standard`, `compact`) and version
 * 1.1's (`full`, `lean`) mean the same in every version; unset, the version decides (version 1 full, later lean).
 */
export function outputDetailOf(option: unknown, leanByDefault: boolean): OutputDetail {
	if (option === 'standard' || option === 'full') return 'standard';
	if (option === 'compact' || option === 'lean') return 'compact';
	return leanByDefault ? 'compact' : 'standard';
}

/** The paymentState slice as items carry it (PaymentStateSchema, with the lists and dates optional). */
export type PaymentStateOnItem = Pick<
	PaymentState,
	'state' | 'route' | 'daysPastDue' | 'agingBucket' | 'asOfDate'
> &
	Partial<Pick<PaymentState, 'signals' | 'reasons' | 'daysUntilDue'>>;

/**
 * Standard: the whole result, `signals` only when there is one. Compact: what downstream nodes read (state, route,
 * signals, days past due, bucket, and the day it was judged for, which Collections Report checks against its own);
 * the sentences in `reasons` and daysUntilDue (derivable from dueOn) are left out.
 * Each branch builds one object literal of a fixed shape (cheap for V8, and no copy of the result).
 */
export function paymentStateOnItem(
	result: PaymentState,
	detail: OutputDetail = 'standard',
): PaymentStateOnItem {
	const withSignals = result.signals.length > 0;
	if (detail === 'compact') {
		return withSignals
			? {
					state: result.state,
					route: result.route,
					signals: result.signals,
					daysPastDue: result.daysPastDue,
					agingBucket: result.agingBucket,
					asOfDate: result.asOfDate,
				}
			: {
					state: result.state,
					route: result.route,
					daysPastDue: result.daysPastDue,
					agingBucket: result.agingBucket,
					asOfDate: result.asOfDate,
				};
	}
	if (withSignals) return result;
	return {
		state: result.state,
		route: result.route,
		daysPastDue: result.daysPastDue,
		agingBucket: result.agingBucket,
		reasons: result.reasons,
		asOfDate: result.asOfDate,
		daysUntilDue: result.daysUntilDue,
	};
}
