/**
 * Receivables metrics as the Credit Research Foundation (CRF) defines them. Pure functions over integer minor
 * units and calendar months; the aggregation in build.ts feeds them.
 *
 * A "period" is a list of calendar months, most recent first. Each month carries its credit sales (minor units of
 * the reporting currency) and its days: the real number of calendar days (28, 29, 30 or 31), except the month
 * that contains the as-of date, which counts only the days elapsed up to and including the as-of date (its sales
 * are month-to-date too). So "as of 2026-11-22" gives November 22 days, October 31, September 30.
 *
 * - DSO, simple (CRF "DSO"):       ending total receivables ÷ credit sales of the period × days in the period.
 * - DSO, countback (CRF "true DSO"): start from ending total receivables and walk back month by month; while the
 *   remainder exceeds the month's credit sales, subtract them and add the month's days; the last, partial month adds
 *   (remainder ÷ that month's sales) × its days.
 * - Best possible DSO (BPDSO):      current (not yet due) receivables ÷ credit sales of the period × days.
 * - Average days delinquent (ADD):  DSO − BPDSO (both simple, over the same period).
 * - CEI (collection effectiveness index), over N months:
 *       (beginning receivables + credit sales ÷ N − ending total receivables)
 *     ÷ (beginning receivables + credit sales ÷ N − ending current receivables) × 100
 * - Promise-kept rate: kept ÷ (kept + broken); kept = paid on or before the promised date.
 *
 * Days are rounded to 2 decimals and CEI to 2 decimals only at the end (ADD is computed before rounding);
 * rates are fractions 0…1 rounded to 4 decimals. A metric that cannot be computed is null, never 0 or Infinity.
 */

export interface MonthSales {
	/** `YYYY-MM`. */
	month: string;
	/** Days the month contributes: its calendar days, or the days elapsed for the as-of month. */
	days: number;
	/** Credit sales of the month in minor units of the reporting currency. */
	salesMinor: number;
}

export function round(value: number, decimals: number): number {
	const scale = 10 ** decimals;
	return Math.round(value * scale) / scale + 0;
}

function roundOrNull(value: number | null, decimals: number): number | null {
	return value === null || !Number.isFinite(value) ? null : round(value, decimals);
}

function totals(period: readonly MonthSales[]): { sales: number; days: number } {
	let sales = 0;
	let days = 0;
	for (const month of period) {
		sales += month.salesMinor;
		days += month.days;
	}
	return { sales, days };
}

/** DSO, simple: ending total receivables ÷ credit sales of the period × days in the period (unrounded). */
export function dsoSimpleRaw(
	endingReceivablesMinor: number,
	period: readonly MonthSales[],
): number | null {
	const { sales, days } = totals(period);
	if (sales <= 0) return null;
	return (endingReceivablesMinor / sales) * days;
}

export function dsoSimple(
	endingReceivablesMinor: number,
	period: readonly MonthSales[],
): number | null {
	return roundOrNull(dsoSimpleRaw(endingReceivablesMinor, period), 2);
}

export interface CountbackResult {
	/** Days, rounded to 2 decimals; null when there are no receivables to count back or no sales at all. */
	days: number | null;
	/** False when the receivables outlast every month of sales data: `days` is then a lower bound. */
	complete: boolean;
	/** How many months the walk used (the partial one included). */
	monthsUsed: number;
}

/**
 * DSO, countback. `months` is most recent first and may run further back than the DSO period: the walk goes as
 * far as the receivables need. Worked example (tests/unit/report.metrics.test.ts): ending AR 212,000 on
 * 2026-09-30 against September 100,000, August 80,000, July 70,000:
 * 212,000 − 100,000 = 112,000 (+30 days) − 80,000 = 32,000 (+31 days); 32,000 < 70,000 so July adds
 * 32,000 ÷ 70,000 × 31 = 14.17 days: DSO = 75.17 days.
 */
export function dsoCountback(
	endingReceivablesMinor: number,
	months: readonly MonthSales[],
): CountbackResult {
	if (endingReceivablesMinor <= 0)
		return { days: endingReceivablesMinor === 0 ? 0 : null, complete: true, monthsUsed: 0 };
	let remainder = endingReceivablesMinor;
	let days = 0;
	for (let index = 0; index < months.length; index++) {
		const month = months[index];
		if (remainder <= month.salesMinor) {
			days += (remainder / month.salesMinor) * month.days;
			return { days: round(days, 2), complete: true, monthsUsed: index + 1 };
		}
		remainder -= month.salesMinor;
		days += month.days;
	}
	const anySales = months.some((month) => month.salesMinor > 0);
	return { days: anySales ? round(days, 2) : null, complete: false, monthsUsed: months.length };
}

/** Best possible DSO: current (not yet due) receivables ÷ credit sales × days, unrounded. */
export function bestPossibleDsoRaw(
	currentReceivablesMinor: number,
	period: readonly MonthSales[],
): number | null {
	return dsoSimpleRaw(currentReceivablesMinor, period);
}

export function bestPossibleDso(
	currentReceivablesMinor: number,
	period: readonly MonthSales[],
): number | null {
	return roundOrNull(bestPossibleDsoRaw(currentReceivablesMinor, period), 2);
}

/** Average days delinquent: DSO − best possible DSO (e.g. 45 − 12 = 33 days). */
export function averageDaysDelinquent(
	dso: number | null,
	bestPossible: number | null,
): number | null {
	if (dso === null || bestPossible === null) return null;
	return round(dso - bestPossible, 2);
}

export interface CeiInput {
	/** Total receivables at the start of the period (minor units). */
	beginningReceivablesMinor: number;
	/** Credit sales of the whole period (minor units). */
	creditSalesMinor: number;
	/** Number of months in the period (N). */
	months: number;
	endingTotalReceivablesMinor: number;
	endingCurrentReceivablesMinor: number;
}

/**
 * CEI = (beginning + sales ÷ N − ending total) ÷ (beginning + sales ÷ N − ending current) × 100, in percent.
 * 100 means everything collectable was collected. Null when the denominator is not positive.
 */
export function collectionEffectivenessIndex(input: CeiInput): number | null {
	if (!(input.months > 0)) return null;
	const available = input.beginningReceivablesMinor + input.creditSalesMinor / input.months;
	const denominator = available - input.endingCurrentReceivablesMinor;
	if (denominator <= 0) return null;
	return round(((available - input.endingTotalReceivablesMinor) / denominator) * 100, 2);
}

/** Promise-kept rate: kept ÷ (kept + broken), a fraction 0…1; null when no promise has come due. */
export function promiseKeptRate(kept: number, broken: number): number | null {
	const total = kept + broken;
	return total > 0 ? round(kept / total, 4) : null;
}

/** A share as a fraction 0…1 rounded to 4 decimals; null for an empty cohort. */
export function share(part: number, whole: number): number | null {
	return whole > 0 ? round(part / whole, 4) : null;
}
