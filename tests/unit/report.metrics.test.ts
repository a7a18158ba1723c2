/**
 * The Credit Research Foundation formulas, on examples worked by hand (the arithmetic is in the comments), both
 * through the pure metric functions and end to end through buildCollectionsReport.
 */
import {
	averageDaysDelinquent,
	bestPossibleDso,
	buildCollectionsReport,
	collectionEffectivenessIndex,
	dsoCountback,
	dsoSimple,
	promiseKeptRate,
	type ReportMonthSales,
} from '../../src/report';
import { invoice, usd } from '../helpers/reportFixtures';

// Months most recent first, with their real calendar days: September 30, August 31, July 31.
const SEP_AUG_JUL: ReportMonthSales[] = [
	{ month: '2026-09', days: 30, salesMinor: usd(100_000) },
	{ month: '2026-08', days: 31, salesMinor: usd(80_000) },
	{ month: '2026-07', days: 31, salesMinor: usd(70_000) },
];

describe('DSO, countback', () => {
	it('walks back month by month: 212,000 against 100,000 / 80,000 / 70,000 is 75.17 days', () => {
		// 212,000 − 100,000 (September) = 112,000 → 30 days
		// 112,000 −  80,000 (August)    =  32,000 → 31 days (61 so far)
		//  32,000 <  70,000 (July): partial month → 32,000 ÷ 70,000 × 31 = 14.1714 days
		// DSO = 30 + 31 + 14.1714 = 75.1714 → 75.17
		const result = dsoCountback(usd(212_000), SEP_AUG_JUL);
		expect(result).toEqual({ days: 75.17, complete: true, monthsUsed: 3 });
	});

	it('uses each month’s real days: the same book ending in February counts 28 or 29 days', () => {
		// 2027-02 has 28 days, 2027-01 31, 2026-12 31: 28 + 31 + 32,000 ÷ 70,000 × 31 = 73.17
		const months = [
			{ month: '2027-02', days: 28, salesMinor: usd(100_000) },
			{ month: '2027-01', days: 31, salesMinor: usd(80_000) },
			{ month: '2026-12', days: 31, salesMinor: usd(70_000) },
		];
		expect(dsoCountback(usd(212_000), months).days).toBe(73.17);
		// 2028 is a leap year: 29 + 31 + 14.17 = 74.17
		expect(
			dsoCountback(usd(212_000), [
				{ ...months[0], month: '2028-02', days: 29 },
				months[1],
				months[2],
			]).days,
		).toBe(74.17);
	});

	it('stops inside the first month when receivables are smaller than its sales', () => {
		// 50,000 ÷ 100,000 × 30 = 15 days
		expect(dsoCountback(usd(50_000), SEP_AUG_JUL).days).toBe(15);
	});

	it('says when receivables outlast the sales data (a lower bound, not a number to trust)', () => {
		// 300,000 > 250,000 of sales: 30 + 31 + 31 = 92 days and still 50,000 left.
		expect(dsoCountback(usd(300_000), SEP_AUG_JUL)).toEqual({
			days: 92,
			complete: false,
			monthsUsed: 3,
		});
	});

	it('end to end: the as-of month counts its real days and the sales come from creditSalesByMonth', () => {
		// Invoices open on 2026-09-30 totalling 212,000; sales given per month in major units.
		const items = [
			invoice({ amountDueMinor: usd(112_000), issuedOn: '2026-09-10', dueOn: '2026-10-10' }),
			invoice({ amountDueMinor: usd(80_000), issuedOn: '2026-08-10', dueOn: '2026-09-09' }),
			invoice({ amountDueMinor: usd(20_000), issuedOn: '2026-07-10', dueOn: '2026-08-09' }),
		];
		const report = buildCollectionsReport(items, {
			asOf: '2026-09-30',
			currency: 'USD',
			creditSalesByMonth: { '2026-09': 100_000, '2026-08': 80_000, '2026-07': 70_000 },
			renders: false,
		});
		expect(report.summary.openAmountMinor).toBe(usd(212_000));
		// Money names: a sheet mapped to summary.openAmount gets 212000 for $212,000, not 21200000.
		expect(report.summary.openAmount).toBe(212_000);
		expect(report.summary.openAmountFormatted).toBe('$212,000.00');
		expect(report.metrics.dso.countback).toBe(75.17);
		// Simple: 212,000 ÷ 250,000 × 92 days (30 + 31 + 31) = 78.016 → 78.02
		expect(report.metrics.dso.simple).toBe(78.02);
		expect(report.metrics.period).toMatchObject({
			start: '2026-07-01',
			end: '2026-09-30',
			days: 92,
			creditSalesMinor: usd(250_000),
			creditSales: 250_000,
			creditSalesSource: 'given',
		});
	});

	it('a mid-month as-of date counts the days elapsed in that month only', () => {
		const report = buildCollectionsReport([invoice({ amountDueMinor: usd(10_000) })], {
			asOf: '2026-11-22',
			currency: 'USD',
			creditSalesByMonth: { '2026-11': 22_000, '2026-10': 31_000, '2026-09': 30_000 },
			renders: false,
		});
		// November counts 22 days (1st–22nd): 10,000 ÷ 22,000 × 22 = 10 days.
		expect(report.metrics.dso.countback).toBe(10);
		expect(report.metrics.period.days).toBe(22 + 31 + 30);
	});
});

describe('DSO simple, best possible DSO and ADD', () => {
	// Period July–September 2026 = 31 + 31 + 30 = 92 days, credit sales 92,000, so 1,000 of receivables = 1 day.
	const months = [
		{ month: '2026-09', days: 30, salesMinor: usd(31_000) },
		{ month: '2026-08', days: 31, salesMinor: usd(31_000) },
		{ month: '2026-07', days: 31, salesMinor: usd(30_000) },
	];

	it('ADD = DSO − best possible DSO: 45 − 12 = 33 days', () => {
		// Total receivables 45,000 → DSO = 45,000 ÷ 92,000 × 92 = 45 days.
		// Current (not yet due) 12,000 → BPDSO = 12,000 ÷ 92,000 × 92 = 12 days.
		// ADD = 45 − 12 = 33 days.
		const dso = dsoSimple(usd(45_000), months);
		const best = bestPossibleDso(usd(12_000), months);
		expect(dso).toBe(45);
		expect(best).toBe(12);
		expect(averageDaysDelinquent(dso, best)).toBe(33);
	});

	it('ADD end to end from a book: 12,000 not yet due, 33,000 overdue', () => {
		const items = [
			invoice({ amountDueMinor: usd(12_000), issuedOn: '2026-09-15', dueOn: '2026-10-15' }),
			invoice({ amountDueMinor: usd(20_000), issuedOn: '2026-08-01', dueOn: '2026-08-31' }),
			invoice({ amountDueMinor: usd(13_000), issuedOn: '2026-07-01', dueOn: '2026-07-31' }),
		];
		const report = buildCollectionsReport(items, {
			asOf: '2026-09-30',
			currency: 'USD',
			creditSalesByMonth: { '2026-09': 31_000, '2026-08': 31_000, '2026-07': 30_000 },
			renders: false,
		});
		expect(report.metrics.dso.simple).toBe(45);
		expect(report.metrics.bestPossibleDso).toBe(12);
		expect(report.metrics.add).toBe(33);
		expect(report.byBucket.not_due.amountMinor).toBe(usd(12_000));
	});

	it('is null, not zero or Infinity, without credit sales', () => {
		expect(dsoSimple(usd(1000), [])).toBeNull();
		expect(averageDaysDelinquent(null, 12)).toBeNull();
	});
});

describe('CEI', () => {
	it('matches a hand-worked quarter', () => {
		// Beginning receivables 200,000; credit sales over N = 3 months 300,000 → 100,000 per month.
		// Ending total receivables 180,000; ending current receivables 120,000.
		// Collectable  = 200,000 + 100,000 − 120,000 = 180,000
		// Collected    = 200,000 + 100,000 − 180,000 = 120,000
		// CEI = 120,000 ÷ 180,000 × 100 = 66.67%
		expect(
			collectionEffectivenessIndex({
				beginningReceivablesMinor: usd(200_000),
				creditSalesMinor: usd(300_000),
				months: 3,
				endingTotalReceivablesMinor: usd(180_000),
				endingCurrentReceivablesMinor: usd(120_000),
			}),
		).toBe(66.67);
	});

	it('the same quarter end to end, with beginningReceivables and creditSalesByMonth in major units', () => {
		const items = [
			invoice({ amountDueMinor: usd(120_000), issuedOn: '2026-09-20', dueOn: '2026-10-20' }), // current
			invoice({ amountDueMinor: usd(60_000), issuedOn: '2026-07-20', dueOn: '2026-08-19' }), // overdue
		];
		const report = buildCollectionsReport(items, {
			asOf: '2026-09-30',
			currency: 'USD',
			beginningReceivables: 200_000,
			creditSalesByMonth: { '2026-07': 100_000, '2026-08': 100_000, '2026-09': 100_000 },
			renders: false,
		});
		expect(report.summary.openAmountMinor).toBe(usd(180_000));
		expect(report.metrics.cei).toBe(66.67);
		expect(report.metrics.period.beginningReceivablesMinor).toBe(usd(200_000));
		// beginningReceivables goes in and comes out in the same unit (major).
		expect(report.metrics.period.beginningReceivables).toBe(200_000);
	});

	it('is null without beginning receivables, with a note that says what to add', () => {
		const report = buildCollectionsReport([invoice()], {
			asOf: '2026-09-30',
			currency: 'USD',
			renders: false,
		});
		expect(report.metrics.cei).toBeNull();
		expect(report.metrics.notes.join(' ')).toMatch(/beginningReceivables/);
	});
});

describe('promise-kept rate', () => {
	it('kept ÷ (kept + broken)', () => {
		expect(promiseKeptRate(3, 1)).toBe(0.75);
		expect(promiseKeptRate(0, 0)).toBeNull();
	});

	it('kept = paid on or before the promised date; a promise past its date and unpaid is broken; earlier broken promises count', () => {
		const asOf = '2026-11-22';
		const items = [
			// Paid on the promised day: kept.
			invoice({
				lifecycle: 'paid',
				status: 'paid',
				amountDueMinor: 0,
				amountPaidMinor: usd(100),
				totalMinor: usd(100),
				promise: { date: '2026-11-10' },
				paidOn: '2026-11-10',
			}),
			// Paid a day late: broken.
			invoice({
				lifecycle: 'paid',
				status: 'paid',
				amountDueMinor: 0,
				amountPaidMinor: usd(100),
				totalMinor: usd(100),
				promise: { date: '2026-11-10' },
				paidOn: '2026-11-11',
			}),
			// Unpaid after the promised date: broken; plus one broken before.
			invoice({ amountDueMinor: usd(100), promise: { date: '2026-11-15', brokenCount: 1 } }),
			// Promised for next week: pending, not counted.
			invoice({ amountDueMinor: usd(100), promise: { date: '2026-11-28' } }),
		];
		const report = buildCollectionsReport(items, { asOf, currency: 'USD', renders: false });
		expect(report.metrics.counts).toMatchObject({
			promisesKept: 1,
			promisesBroken: 3,
			promisesPending: 1,
		});
		// 1 ÷ (1 + 3) = 0.25
		expect(report.metrics.promiseKeptRate).toBe(0.25);
	});
});

describe('paid within 7 days of the due date', () => {
	it('counts the cohort due in the period at least 7 days ago; unpaid ones count as not paid in time', () => {
		const paid = {
			lifecycle: 'paid' as const,
			status: 'paid',
			amountDueMinor: 0,
			amountPaidMinor: usd(100),
			totalMinor: usd(100),
		};
		const items = [
			invoice({ ...paid, dueOn: '2026-11-01', paidOn: '2026-11-08' }), // day 7: within
			invoice({ ...paid, dueOn: '2026-11-01', paidOn: '2026-11-09' }), // day 8: not within
			invoice({ ...paid, dueOn: '2026-10-01', paidOn: '2026-09-28' }), // early: within
			invoice({ amountDueMinor: usd(100), dueOn: '2026-10-20' }), // still unpaid: not within
			invoice({ amountDueMinor: usd(100), dueOn: '2026-11-20' }), // due 2 days ago: its 7 days are not over, not in the cohort
			invoice({ ...paid, dueOn: '2026-10-05' }), // paid, date unknown: left out and counted
		];
		const report = buildCollectionsReport(items, {
			asOf: '2026-11-22',
			currency: 'USD',
			renders: false,
		});
		expect(report.metrics.counts).toMatchObject({
			paidWithin7Days: 2,
			paidWithin7DaysCohort: 4,
			paidDateUnknown: 1,
		});
		expect(report.metrics.paidWithin7DaysRate).toBe(0.5);
		expect(report.metrics.notes.join(' ')).toMatch(/1 paid invoice\(s\) have no payment date/);
	});
});
