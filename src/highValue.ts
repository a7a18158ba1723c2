/**
 * "High value", configured one way on every node: one amount for every currency, and amounts per currency that
 * override it. Amounts are major units of the invoice currency; consumers compare in minor units
 * (src/state highValueMinor, the escalation high_value rule).
 */
import type { HighValueThreshold } from './state/schema';

/** One row of the per-currency table, as a form or a JSON option writes it. */
export interface HighValueRow {
	currency?: unknown;
	amount?: unknown;
}

/**
 * The threshold from a single amount (0 or unset: none) and per-currency rows. Rows without a currency or with an
 * amount of 0 or less are ignored, so such a currency falls back to the single amount. With rows, the single
 * amount is the `'*'` entry (currencies not in the table).
 */
export function parseHighValue(
	amount: unknown,
	rows: readonly HighValueRow[] = [],
): HighValueThreshold | undefined {
	const general = positive(amount);
	const byCurrency: Record<string, number> = {};
	for (const row of rows) {
		const currency = typeof row?.currency === 'string' ? row.currency.trim().toUpperCase() : '';
		const value = positive(row?.amount);
		if (currency !== '' && value !== undefined) byCurrency[currency] = value;
	}
	if (Object.keys(byCurrency).length === 0) return general;
	return general === undefined ? byCurrency : { '*': general, ...byCurrency };
}

/** The escalation high_value rule's settings for a threshold: the table, and the amount for other currencies. */
export function highValueRuleSettings(threshold: HighValueThreshold | undefined): {
	thresholds: Record<string, number>;
	otherCurrencies?: number;
} {
	if (threshold === undefined) return { thresholds: {} };
	if (typeof threshold === 'number') return { thresholds: {}, otherCurrencies: threshold };
	const { '*': other, ...thresholds } = threshold;
	return other === undefined ? { thresholds } : { thresholds, otherCurrencies: other };
}

function positive(value: unknown): number | undefined {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof number === 'number' && Number.isFinite(number) && number > 0 ? number : undefined;
}
