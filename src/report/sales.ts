/**
 * Credit sales by month of issue (drafts and voids were never sales), or the months the options give, and what
 * they measure against receivables: DSO simple and countback, best possible DSO, ADD and CEI (metrics.ts has the
 * formulas).
 */
import { dayNumber, daysInMonth } from '../dates';
import type { InvoiceFacts } from './facts';
import {
	averageDaysDelinquent,
	bestPossibleDsoRaw,
	collectionEffectivenessIndex,
	dsoCountback,
	dsoSimpleRaw,
	round,
	type MonthSales,
} from './metrics';
import type { MoneySettings, ReportSettings } from './options';
import { monthIndexOf, monthText } from './read';
import type { ReportMetrics } from './types';

/** What the metrics read of the receivables (minor units of the reporting currency). */
export interface ReceivablesAtEnd {
	/** Open receivables net of open credit notes. */
	net: number;
	/** Not yet due receivables net of open credit notes. */
	current: number;
	openCredits: number;
}

export type SalesMetrics = Pick<ReportMetrics, 'dso' | 'bestPossibleDso' | 'add' | 'cei'> & {
	periodDays: number;
	creditSalesMinor: number;
	creditSalesSource: 'given' | 'derived';
	beginningReceivablesMinor: number | null;
};

export class Sales {
	private readonly byMonth = new Map<number, number>();

	constructor(private readonly settings: ReportSettings) {}

	add(facts: InvoiceFacts): void {
		const { lifecycle, invoice } = facts;
		if (
			lifecycle !== 'draft' &&
			lifecycle !== 'void' &&
			typeof invoice.issuedOn === 'string' &&
			invoice.issuedOn <= this.settings.asOfDate
		) {
			const month = monthIndexOf(invoice.issuedOn);
			this.byMonth.set(
				month,
				(this.byMonth.get(month) ?? 0) + facts.convert(invoice.totalMinor as number),
			);
		}
	}

	/**
	 * The metrics against receivables at the end of the period; `notes` gets why a metric is null or a bound.
	 * `anyItems`: whether derived sales rest on any invoice at all (a note says how to make them exact).
	 */
	finish(
		receivables: ReceivablesAtEnd,
		money: MoneySettings,
		anyItems: boolean,
		fmt: (minor: number) => string,
		notes: string[],
	): SalesMetrics {
		const { asOfMonth, asOfDay, periodMonths } = this.settings;
		const sales = money.creditSales ?? this.byMonth;
		for (const month of money.missingMonths)
			notes.push(`creditSalesByMonth has no ${month}: counted as no sales`);
		if (money.creditSales === null && anyItems)
			notes.push(
				'Credit sales were derived from the issue dates and totals of the invoices given (paid ones included): feed every invoice of the period, or set creditSalesByMonth, for exact DSO.',
			);
		let earliest = this.settings.firstMonth;
		for (const [month, minor] of sales) if (month < earliest && minor > 0) earliest = month;
		const months: MonthSales[] = [];
		for (let month = asOfMonth; month >= earliest; month--) {
			const days =
				month === asOfMonth
					? asOfDay - dayNumber(`${monthText(month)}-01`)! + 1
					: daysInMonth(Math.floor(month / 12), (month % 12) + 1);
			months.push({ month: monthText(month), days, salesMinor: sales.get(month) ?? 0 });
		}
		const period = months.slice(0, periodMonths);
		let periodSales = 0;
		let periodDays = 0;
		for (const month of period) {
			periodSales += month.salesMinor;
			periodDays += month.days;
		}

		if (receivables.openCredits > 0)
			notes.push(
				`Open credit notes (${fmt(receivables.openCredits)}) net the receivables DSO, best possible DSO and CEI use, as they net credit sales.`,
			);
		const simpleRaw = dsoSimpleRaw(receivables.net, period);
		const bestRaw = bestPossibleDsoRaw(receivables.current, period);
		const countback = dsoCountback(receivables.net, months);
		if (periodSales <= 0 && receivables.net > 0)
			notes.push(
				'No credit sales in the period: DSO, best possible DSO and ADD cannot be computed.',
			);
		if (!countback.complete)
			notes.push(
				`Receivables outlast the sales data: countback DSO (${countback.days ?? '—'} days) is a lower bound.`,
			);
		const beginning = money.beginningMinor;
		const cei =
			beginning === null
				? null
				: collectionEffectivenessIndex({
						beginningReceivablesMinor: beginning,
						creditSalesMinor: periodSales,
						months: periodMonths,
						endingTotalReceivablesMinor: receivables.net,
						endingCurrentReceivablesMinor: receivables.current,
					});
		if (beginning === null)
			notes.push('CEI needs beginningReceivables (total receivables at the start of the period).');
		return {
			dso: {
				simple: simpleRaw === null ? null : round(simpleRaw, 2),
				countback: countback.days,
				countbackComplete: countback.complete,
			},
			bestPossibleDso: bestRaw === null ? null : round(bestRaw, 2),
			add:
				simpleRaw === null || bestRaw === null ? null : averageDaysDelinquent(simpleRaw, bestRaw),
			cei,
			periodDays,
			creditSalesMinor: periodSales,
			creditSalesSource: money.creditSales === null ? 'derived' : 'given',
			beginningReceivablesMinor: beginning,
		};
	}
}
