/**
 * The report's options and result. Money names follow the package's rule: `…Minor` is integer minor units of the
 * reporting currency, the bare name (`openAmount`) the same amount as a major-unit number, `…Formatted` the text
 * people read. (A sheet mapped to `summary.openAmount` gets 212000 for $212,000.)
 */
import type { LedgerEvent } from '../contract/ledger';
import type { LateFeePolicy, LateFeePolicyInput } from '../fees/lateFee';
import type { AgingBucket, HighValueThreshold, PaymentStateName } from '../state';
import type { Statement } from '../statement/build';
import type { ReportActivity } from './activity';

export interface CollectionsReportOptions {
	/** The moment of the report: Date, ISO timestamp or `YYYY-MM-DD`. Default now. */
	asOf?: Date | string | number;
	/** Zone that decides the report's calendar day (and the aging of invoices whose customer has no zone). Default UTC. */
	timezone?: string;
	/** Reporting currency (ISO 4217). Default: the currency of the first valid invoice. */
	currency?: string;
	/** Currency → how many units of the reporting currency one unit buys ("EUR": 1.0834). Numbers or decimal text. */
	fxRates?: Record<string, number | string>;
	/** `'YYYY-MM'` → credit sales of that month in major units of the reporting currency. Default: derived from the invoices. */
	creditSalesByMonth?: Record<string, number | string>;
	/** Total receivables at the start of the DSO period, in major units of the reporting currency (for CEI). */
	beginningReceivables?: number | string;
	/** Months in the DSO / CEI period (N), the as-of month included. Default 3. */
	periodMonths?: number;
	/** Days without a touch, reply or payment after which an overdue account counts as stalled. Default 14. */
	stalledDays?: number;
	/** High-value threshold in major units (one number, or per currency), as for Payment State Check. */
	highValue?: HighValueThreshold;
	/** Rows in the top-overdue list and in rendered lists. Default 10. */
	topCount?: number;
	/** Locale for formatted amounts and dates. Default en-US. */
	locale?: string;
	/** Report title. Default "Collections report". */
	title?: string;
	/** The previous report's headline numbers (from `reportHeadline`), for the trend. */
	previous?: ReportHeadline | null;
	/**
	 * The collections ledger's events (Collections Report's Ledger input): activity for the period is counted from
	 * it (reminders, replies, escalations, approvals, promises, time to first response) and stalled accounts are
	 * measured from each invoice's last touch or reply in it. Without it, activity is what this run's items carry.
	 */
	ledger?: readonly LedgerEvent[];
	/** Rows of the Ledger input that were not events (reported in the notes). */
	ledgerInvalidRows?: number;
	/**
	 * Which renders to produce. Default all of REPORT_RENDER_NAMES. `false` produces none (the numbers only).
	 * `statements` (one statement of account per customer) only when asked for by name.
	 */
	renders?: boolean | Partial<Record<ReportRenderName | 'statements', boolean>>;
	/**
	 * A late-fee policy (src/fees: fixed, monthly percent or statutory): the report then shows what it entitles
	 * to on each open, overdue invoice as of the report's day, per customer and in total. Shown, never posted.
	 */
	lateFees?: LateFeePolicyInput | null;
	/** The CSV as bytes (`renders.csvBytes`, any size of book) rather than a string; `bom` puts a UTF-8 BOM first. */
	csvBytes?: boolean | { bom: boolean };
	/**
	 * The CSV as UTF-8 chunks made as they are read (`renders.csvChunks`; wins over `csvBytes`): for a consumer that
	 * writes them away (the node hands them to n8n's binary data store as a stream), so the whole CSV never exists in
	 * memory. `bom` puts a UTF-8 BOM first.
	 */
	csvChunks?: boolean | { bom: boolean };
}

export const REPORT_RENDER_NAMES = ['markdown', 'html', 'svg', 'csv', 'slack'] as const;
export type ReportRenderName = (typeof REPORT_RENDER_NAMES)[number];

export interface ReportAmountCell {
	count: number;
	/** Minor units of the reporting currency. */
	amountMinor: number;
	/** Major units of the reporting currency. */
	amount: number;
	amountFormatted: string;
}

export interface ReportBucketCell extends ReportAmountCell {
	/** Share of open receivables, 0…1. */
	share: number;
}

export interface ReportCurrencyCell {
	currency: string;
	count: number;
	/** Open amount in the invoice currency: minor units, major units, text. */
	amountMinor: number;
	amount: number;
	amountFormatted: string;
	/** The same amount in the reporting currency, converted per invoice. */
	convertedAmountMinor: number;
	convertedAmount: number;
	convertedAmountFormatted: string;
	rate: string;
}

export interface ReportOwnerCell extends ReportAmountCell {
	owner: string;
	overdueCount: number;
	overdueAmountMinor: number;
	overdueAmount: number;
	overdueAmountFormatted: string;
	/** What needs this owner: escalations raised to them, disputes and broken promises on their open invoices. */
	actions: {
		escalations: number;
		disputes: number;
		brokenPromises: number;
		stalledAccounts: number;
	};
}

export interface ReportInvoiceLine {
	item: number;
	id: string;
	number: string;
	customer: string;
	owner: string;
	currency: string;
	amountDueMinor: number;
	amountDueFormatted: string;
	/** The amount due in the reporting currency. */
	convertedAmountMinor: number;
	convertedAmount: number;
	convertedAmountFormatted: string;
	dueOn: string | null;
	daysPastDue: number;
	bucket: AgingBucket;
	state: PaymentStateName;
	highValue: boolean;
}

/** One invoice's late fees and interest as of the report's day (invoice currency, and converted). */
export interface ReportLateFeeInvoice {
	item: number;
	id: string;
	number: string;
	customer: string;
	currency: string;
	/** The open amount the fees are computed on. */
	amountDueMinor: number;
	/** Calendar days late, after the policy's grace days. */
	daysLate: number;
	/** The fixed fee or statutory compensation, the interest, and both (minor units of the invoice currency). */
	feeMinor: number;
	interestMinor: number;
	totalMinor: number;
	totalFormatted: string;
	/** The total in the reporting currency (minor units). */
	convertedAmountMinor: number;
	/** How the amount was reached, for the person who reads it. */
	basis: string;
}

export interface ReportLateFeeCustomer {
	customer: string;
	customerId: string | null;
	invoiceCount: number;
	/** Late fees and interest of the customer's open invoices, in the reporting currency. */
	amountMinor: number;
	amount: number;
	amountFormatted: string;
}

/** What the late-fee policy entitles to as of the report's day: shown to people, never posted to the books. */
export interface ReportLateFees {
	policy: LateFeePolicy;
	asOf: string;
	/** Open invoices that accrue a fee or interest. */
	invoiceCount: number;
	/** The total in the reporting currency. */
	amountMinor: number;
	amount: number;
	amountFormatted: string;
	/** Every customer with an accrual, the largest first. */
	byCustomer: ReportLateFeeCustomer[];
	/** The largest accruals (as many as topCount). */
	invoices: ReportLateFeeInvoice[];
}

export interface ReportStalledAccount {
	customer: string;
	customerId: string | null;
	owner: string;
	overdueCount: number;
	overdueAmountMinor: number;
	overdueAmount: number;
	overdueAmountFormatted: string;
	oldestDaysPastDue: number;
	/** The latest touch, reply or payment we know of (YYYY-MM-DD), or null when there was none. */
	lastActivityOn: string | null;
	daysIdle: number;
	reason: string;
}

export interface ReportSkippedItem {
	/** Index of the input item. */
	item: number;
	invoice: string | null;
	reason: string;
}

export interface ReportHeadline {
	asOf: string;
	currency: string;
	openCount: number;
	openAmountMinor: number;
	overdueCount: number;
	overdueAmountMinor: number;
	dsoSimple: number | null;
	dsoCountback: number | null;
	cei: number | null;
	buckets: Record<AgingBucket, { count: number; amountMinor: number }>;
}

export interface ReportTrend {
	previousAsOf: string;
	dsoChange: { simple: number | null; countback: number | null };
	openAmountChangeMinor: number;
	overdueAmountChangeMinor: number;
	overdueCountChange: number;
	buckets: Record<AgingBucket, { countChange: number; amountChangeMinor: number }>;
	/** A one-line description of the movement, for people. */
	text: string;
}

export interface ReportMetrics {
	dso: {
		simple: number | null;
		countback: number | null;
		/** False when receivables outlast the sales data: countback is then a lower bound. */
		countbackComplete: boolean;
	};
	bestPossibleDso: number | null;
	add: number | null;
	cei: number | null;
	paidWithin7DaysRate: number | null;
	promiseKeptRate: number | null;
	period: {
		start: string;
		end: string;
		months: number;
		days: number;
		creditSalesMinor: number;
		creditSales: number;
		creditSalesFormatted: string;
		creditSalesSource: 'given' | 'derived';
		/** As given in the options (major units), and in minor units; null when not given. */
		beginningReceivables: number | null;
		beginningReceivablesMinor: number | null;
	};
	/** Counts behind the rates, so nobody has to trust a bare percentage. */
	counts: {
		paidWithin7Days: number;
		paidWithin7DaysCohort: number;
		paidDateUnknown: number;
		promisesKept: number;
		promisesBroken: number;
		promisesPending: number;
		promisesUnknown: number;
	};
	/** Why a metric is null or should be read with care. */
	notes: string[];
}

/** The report's money totals, each three ways: minor units, major units, text. */
export const REPORT_SUMMARY_AMOUNTS = [
	'openAmount',
	'overdueAmount',
	'disputedAmount',
	'recoveredAmount',
	'writtenOffAmount',
	'unappliedCreditAmount',
] as const;
type SummaryAmount = (typeof REPORT_SUMMARY_AMOUNTS)[number];

export type ReportSummary = {
	openCount: number;
	overdueCount: number;
	remindersSent: number;
	repliesReceived: number;
	escalations: number;
	skippedCount: number;
	/** Beyond the list. */
	invoiceCount: number;
	disputedCount: number;
	recoveredCount: number;
	duplicateCount: number;
	highValueOverdueCount: number;
	/** With a late-fee policy: open invoices accruing fees, and the total in the reporting currency. */
	lateFeeInvoiceCount?: number;
	lateFeeAmountMinor?: number;
	lateFeeAmount?: number;
	lateFeeAmountFormatted?: string;
} & { [Name in SummaryAmount as `${Name}Minor`]: number } & { [Name in SummaryAmount]: number } & {
	[Name in SummaryAmount as `${Name}Formatted`]: string;
};

export interface ReportRenders {
	markdown?: string;
	html?: string;
	svg?: string;
	csv?: string;
	/**
	 * The same CSV as UTF-8 bytes, instead of `csv`: when `csvBytes` asks for it (the node does), and always when the
	 * CSV is longer than a JavaScript string can be (about 5M invoices).
	 */
	csvBytes?: Buffer;
	/**
	 * The same CSV as UTF-8 chunks of about 37 KB, instead of `csv`, when `csvChunks` asks for it: each chunk is made
	 * as it is read, from the report's input items (read it before they change); each iteration starts again.
	 */
	csvChunks?: Iterable<Buffer>;
	slack?: { text: string; blocks: unknown[] };
	/** One statement of account per customer with open invoices (HTML, text and CSV), when asked for. */
	statements?: Statement[];
}

export interface CollectionsReport {
	title: string;
	asOf: string;
	generatedAt: string;
	currency: string;
	locale: string;
	/** The stalled-account threshold the report used. */
	stalledDays: number;
	summary: ReportSummary;
	byBucket: Record<AgingBucket, ReportBucketCell>;
	byCurrency: ReportCurrencyCell[];
	byOwner: ReportOwnerCell[];
	byState: Partial<Record<PaymentStateName, ReportAmountCell>>;
	metrics: ReportMetrics;
	/** Reminders, replies, escalations, approvals, promises and response time in the period. */
	activity: ReportActivity;
	stalled: ReportStalledAccount[];
	topOverdue: ReportInvoiceLine[];
	/** With a late-fee policy (options.lateFees) only. */
	lateFees?: ReportLateFees;
	skipped: ReportSkippedItem[];
	trend: ReportTrend | null;
	headline: ReportHeadline;
	renders: ReportRenders;
}
