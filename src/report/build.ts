/**
 * `buildCollectionsReport(items, options)`: the options are read once (options.ts), the items once (items.ts:
 * validity, currencies, duplicates), then one pass feeds every counted invoice's facts (facts.ts) to the
 * accumulators, each of which owns one part of the report and its definitions:
 * - receivables.ts: open, overdue and disputed money, aging buckets, states, currencies, credits, write-offs;
 * - payments.ts: recovered money, paid within 7 days, promises;
 * - stalled.ts: stalled accounts; topOverdue.ts: the largest overdue invoices; openRows.ts: the CSV's rows;
 * - sales.ts: credit sales by month, and DSO, best possible DSO, ADD and CEI against the receivables;
 * - activity.ts: reminders, replies and escalations, from the ledger or from the items; owners.ts: per owner;
 * - lateFees.ts: late fees and interest a policy entitles to (when asked); statements.ts: statements of account.
 * Per invoice the pass allocates nothing but map entries for new owners, customers and months.
 *
 * Open receivables are invoices with lifecycle "open" and an amount due > 0. Drafts and voids are not
 * receivables; "uncollectible" invoices were written off and are reported apart. Overdue: open with daysPastDue
 * > 0 (in the customer's time zone, as Payment State Check ages them). Duplicates: the same invoice (source + id)
 * in several items counts once for money, from its most-informed record; each item's activity still counts.
 */
import { dateOfDay } from '../dates';
import { formatMoney, minorToMajor } from '../money';
import { ItemActivity, LedgerActivity, type ReportActivity } from './activity';
import { InvoiceFacts } from './facts';
import { LateFeeAccrual } from './lateFees';
import { namedMoney } from './format';
import { COUNTED, DUPLICATE, invoiceOfItem, itemJson, NOTHING_ELSE, readItems } from './items';
import { promiseKeptRate, share } from './metrics';
import { OpenRows } from './openRows';
import { DEFAULT_TOP_COUNT, moneySettings, readReportOptions } from './options';
import { Owners } from './owners';
import { Payments } from './payments';
import { dayCache } from './read';
import { Receivables } from './receivables';
import { renderAll } from './render';
import { Sales } from './sales';
import { StalledAccounts } from './stalled';
import { StatementRender } from './statements';
import { TopOverdue } from './topOverdue';
import { compareHeadlines, reportHeadline } from './trend';
import type { CollectionsReport, CollectionsReportOptions } from './types';

export { DEFAULT_PERIOD_MONTHS, DEFAULT_STALLED_DAYS, DEFAULT_TOP_COUNT } from './options';
export { invoiceOfItem, UNASSIGNED } from './items';

export function buildCollectionsReport(
	items: readonly unknown[],
	options: CollectionsReportOptions = {},
): CollectionsReport {
	const settings = readReportOptions(options);
	const { asOfDay, periodStartDay, locale } = settings;
	const dayOf = dayCache();
	const book = readItems(items, settings, dayOf);
	const currency = book.currency ?? 'USD';
	const money = moneySettings(settings, currency);

	const owners = new Owners();
	const ledger = options.ledger
		? new LedgerActivity(periodStartDay, asOfDay, dayOf, options.ledgerInvalidRows ?? 0).addAll(
				options.ledger,
			)
		: null;
	const itemActivity = new ItemActivity(periodStartDay, asOfDay, dayOf, owners);
	const receivables = new Receivables(owners);
	const payments = new Payments(settings, ledger);
	const stalled = new StalledAccounts(settings, dayOf, ledger);
	const top = new TopOverdue(settings.topCount);
	const sales = new Sales(settings);
	const openRows = new OpenRows(settings.wanted('csv') ? items.length : 0);
	const lateFees = settings.lateFees ? new LateFeeAccrual(settings, settings.lateFees) : null;
	const statements =
		options.renders !== false && settings.wanted('statements')
			? new StatementRender(settings)
			: null;

	// The one pass: every usable item's activity, every counted invoice's facts to each accumulator.
	const facts = new InvoiceFacts(settings, dayOf);
	let invoiceCount = 0;
	let duplicateCount = 0;
	for (let index = 0; index < items.length; index++) {
		const role = book.role[index];
		if (role !== COUNTED && role !== DUPLICATE) continue;
		const json = itemJson(items[index])!;
		const invoice = invoiceOfItem(items[index])!;
		const results = book.results.get(index) ?? NOTHING_ELSE;
		itemActivity.add(invoice, results);
		if (role === DUPLICATE) {
			duplicateCount++;
			continue;
		}
		invoiceCount++;
		facts.load(index, invoice, json, book.currencies.get(invoice.currency as string)!, results);
		receivables.add(facts);
		payments.add(facts);
		sales.add(facts);
		stalled.add(facts);
		top.add(facts);
		openRows.add(facts);
		lateFees?.add(facts);
		statements?.add(facts);
	}

	const named = namedMoney(currency, locale);
	const fmt = (minor: number) => formatMoney(minor, currency, locale);
	const notes: string[] = [];
	const dso = sales.finish(
		{
			net: receivables.netReceivables,
			current: receivables.currentReceivables,
			openCredits: receivables.openCredits,
		},
		money,
		items.length > 0,
		fmt,
		notes,
	);
	notes.push(...payments.notes());

	const ledgerActivity = ledger?.result();
	const activity: ReportActivity = ledgerActivity ?? {
		source: 'items',
		remindersSent: itemActivity.remindersSent,
		replies: itemActivity.replies,
		escalations: itemActivity.escalations,
		approvals: { approved: 0, rejected: 0 },
		promises: {
			kept: payments.promisesKept,
			broken: payments.promisesBroken,
			pending: payments.promisesPending,
		},
		timeToFirstResponse: { count: 0, medianDays: null, averageDays: null },
		invalidRows: 0,
	};
	// The ledger remembers every run of the period; this run's items are one day of it.
	if (ledgerActivity && ledgerActivity.invalidRows > 0)
		notes.push(
			`${ledgerActivity.invalidRows} ledger row(s) are not ledger events and were left out of the activity counts.`,
		);

	const stalledAccounts = stalled.finish(owners, named);
	const open = receivables.summary();
	const accrued = lateFees?.finish(named);
	const report: CollectionsReport = {
		title: options.title || 'Collections report',
		asOf: settings.asOfDate,
		generatedAt: new Date().toISOString(),
		currency,
		locale,
		stalledDays: settings.stalledDays,
		summary: {
			openCount: open.openCount,
			overdueCount: open.overdueCount,
			remindersSent: activity.remindersSent,
			repliesReceived: activity.replies,
			escalations: activity.escalations,
			skippedCount: book.skipped.length,
			invoiceCount,
			disputedCount: open.disputedCount,
			recoveredCount: payments.recoveredCount,
			duplicateCount,
			highValueOverdueCount: open.highValueOverdueCount,
			...(accrued
				? {
						lateFeeInvoiceCount: accrued.invoiceCount,
						...named('lateFeeAmount', accrued.amountMinor),
					}
				: {}),
			...named('openAmount', open.openAmountMinor),
			...named('overdueAmount', open.overdueAmountMinor),
			...named('disputedAmount', open.disputedAmountMinor),
			...named('recoveredAmount', payments.recoveredAmount),
			...named('writtenOffAmount', open.writtenOffAmountMinor),
			...named('unappliedCreditAmount', open.unappliedCreditAmountMinor),
		},
		byBucket: receivables.byBucket(named),
		byCurrency: Receivables.byCurrency(book.currencies, named, locale),
		byOwner: owners.finish(named),
		byState: receivables.byState(named),
		metrics: {
			dso: dso.dso,
			bestPossibleDso: dso.bestPossibleDso,
			add: dso.add,
			cei: dso.cei,
			paidWithin7DaysRate:
				payments.paidDateKnown === 0 && payments.paidDateUnknown > 0
					? null
					: share(payments.within7, payments.within7Cohort),
			promiseKeptRate: promiseKeptRate(payments.promisesKept, payments.promisesBroken),
			period: {
				start: dateOfDay(periodStartDay),
				end: settings.asOfDate,
				months: settings.periodMonths,
				days: dso.periodDays,
				...named('creditSales', dso.creditSalesMinor),
				creditSalesSource: dso.creditSalesSource,
				beginningReceivables:
					dso.beginningReceivablesMinor === null
						? null
						: minorToMajor(dso.beginningReceivablesMinor, currency),
				beginningReceivablesMinor: dso.beginningReceivablesMinor,
			},
			counts: {
				paidWithin7Days: payments.within7,
				paidWithin7DaysCohort: payments.within7Cohort,
				paidDateUnknown: payments.paidDateUnknown,
				promisesKept: payments.promisesKept,
				promisesBroken: payments.promisesBroken,
				promisesPending: payments.promisesPending,
				promisesUnknown: payments.promisesUnknown,
			},
			notes,
		},
		activity,
		stalled: stalledAccounts,
		topOverdue: top.finish(items, book.currencies, currency, locale),
		...(accrued ? { lateFees: accrued } : {}),
		skipped: book.skipped,
		trend: null,
		headline: undefined as unknown as CollectionsReport['headline'],
		renders: {},
	};
	report.headline = reportHeadline(report);
	report.trend = options.previous ? compareHeadlines(report.headline, options.previous, fmt) : null;
	if (options.renders !== false) {
		const topCount = settings.topCount;
		report.renders = renderAll(report, {
			// Rendered lists (largest overdue, stalled, owners, skipped) show this many rows, and say how many more.
			listLimit: topCount > 0 ? Math.min(topCount, 25) : DEFAULT_TOP_COUNT,
			wanted: settings.wanted,
			csvRows: () => openRows.rows(),
			csvBytes: bytesPrefix(options.csvBytes),
			csvChunks: bytesPrefix(options.csvChunks),
		});
		if (statements) report.renders.statements = statements.finish();
	}
	return report;
}

/** The byte-order mark (or nothing) a `csvBytes` or `csvChunks` option asks for; false when it is off. */
function bytesPrefix(option: boolean | { bom: boolean } | undefined): false | { prefix: string } {
	if (!option) return false;
	return { prefix: option !== true && option.bom ? '\uFEFF' : '' };
}
