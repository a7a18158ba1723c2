/**
 * The trend between two reports: the node keeps the previous report's headline numbers in the workflow's static
 * data and the next report shows the deltas (DSO change, overdue change, money moving between aging buckets).
 * Only headline totals are kept, so the static data stays a few hundred bytes whatever the size of the book;
 * bucket movement is the change of each bucket's total, not a per-invoice roll rate.
 */
import { AGING_BUCKETS, type AgingBucket } from '../state';
import { round } from './metrics';
import type { CollectionsReport, ReportHeadline, ReportTrend } from './types';
import { isRecord } from './read';

export function reportHeadline(
	report: Pick<CollectionsReport, 'asOf' | 'currency' | 'summary' | 'metrics' | 'byBucket'>,
): ReportHeadline {
	const buckets = {} as ReportHeadline['buckets'];
	for (const bucket of AGING_BUCKETS)
		buckets[bucket] = {
			count: report.byBucket[bucket].count,
			amountMinor: report.byBucket[bucket].amountMinor,
		};
	return {
		asOf: report.asOf,
		currency: report.currency,
		openCount: report.summary.openCount,
		openAmountMinor: report.summary.openAmountMinor,
		overdueCount: report.summary.overdueCount,
		overdueAmountMinor: report.summary.overdueAmountMinor,
		dsoSimple: report.metrics.dso.simple,
		dsoCountback: report.metrics.dso.countback,
		cei: report.metrics.cei,
		buckets,
	};
}

/**
 * A stored headline, when it is one (static data can hold anything an older version wrote). A headline stored
 * before 0.x renamed its amounts (`openAmount` then held minor units) is read under the new names.
 */
export function readHeadline(value: unknown): ReportHeadline | null {
	if (!isRecord(value) || typeof value.asOf !== 'string' || typeof value.currency !== 'string')
		return null;
	const minor = (record: Record<string, unknown>, name: string) =>
		typeof record[`${name}Minor`] === 'number' ? record[`${name}Minor`] : record[name];
	const openAmountMinor = minor(value, 'openAmount');
	const overdueAmountMinor = minor(value, 'overdueAmount');
	if (
		typeof openAmountMinor !== 'number' ||
		typeof overdueAmountMinor !== 'number' ||
		!isRecord(value.buckets)
	)
		return null;
	const buckets = {} as ReportHeadline['buckets'];
	for (const bucket of AGING_BUCKETS) {
		const cell = value.buckets[bucket];
		const amountMinor = isRecord(cell) ? minor(cell, 'amount') : undefined;
		if (!isRecord(cell) || typeof amountMinor !== 'number' || typeof cell.count !== 'number')
			return null;
		buckets[bucket] = { count: cell.count, amountMinor };
	}
	return {
		...(value as unknown as ReportHeadline),
		openAmountMinor,
		overdueAmountMinor,
		buckets,
	};
}

function change(now: number | null, before: number | null): number | null {
	return now === null || before === null ? null : round(now - before, 2);
}

function signed(value: number, text: string): string {
	return value > 0 ? `+${text}` : value < 0 ? `−${text.replace(/^-/, '')}` : text;
}

/**
 * Deltas from the previous headline to this one; null when the previous report was in another currency (the
 * numbers would not be comparable) or is not a headline.
 */
export function compareHeadlines(
	now: ReportHeadline,
	previous: unknown,
	format: (minor: number) => string,
): ReportTrend | null {
	const before = readHeadline(previous);
	if (!before || before.currency !== now.currency) return null;
	const buckets = {} as ReportTrend['buckets'];
	for (const bucket of AGING_BUCKETS) {
		buckets[bucket] = {
			countChange: now.buckets[bucket].count - before.buckets[bucket].count,
			amountChangeMinor: now.buckets[bucket].amountMinor - before.buckets[bucket].amountMinor,
		};
	}
	const dsoChange = {
		simple: change(now.dsoSimple, before.dsoSimple),
		countback: change(now.dsoCountback, before.dsoCountback),
	};
	const overdueAmountChangeMinor = now.overdueAmountMinor - before.overdueAmountMinor;
	const parts: string[] = [];
	const dsoDelta = dsoChange.countback ?? dsoChange.simple;
	if (dsoDelta !== null) parts.push(`DSO ${signed(dsoDelta, `${Math.abs(dsoDelta)} days`)}`);
	parts.push(
		`overdue ${signed(overdueAmountChangeMinor, format(Math.abs(overdueAmountChangeMinor)))}`,
	);
	const moved = largestMove(buckets);
	if (moved)
		parts.push(
			`${moved.bucket === 'not_due' ? 'not yet due' : `${moved.bucket} days`} ${signed(moved.amount, format(Math.abs(moved.amount)))}`,
		);
	return {
		previousAsOf: before.asOf,
		dsoChange,
		openAmountChangeMinor: now.openAmountMinor - before.openAmountMinor,
		overdueAmountChangeMinor,
		overdueCountChange: now.overdueCount - before.overdueCount,
		buckets,
		text: `Since ${before.asOf}: ${parts.join(', ')}.`,
	};
}

function largestMove(
	buckets: ReportTrend['buckets'],
): { bucket: AgingBucket; amount: number } | null {
	let best: { bucket: AgingBucket; amount: number } | null = null;
	for (const bucket of AGING_BUCKETS) {
		if (bucket === 'not_due') continue;
		const amount = buckets[bucket].amountChangeMinor;
		if (amount !== 0 && (!best || Math.abs(amount) > Math.abs(best.amount)))
			best = { bucket, amount };
	}
	return best;
}
