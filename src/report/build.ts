/**
 * `buildCollectionsReport(items, options)`: one pass over the items, integer sums per bucket, currency, owner and
 * state, then the CRF metrics (metrics.ts) and the renders. Per item the pass allocates nothing but map entries for
 * new currencies, owners and overdue customers; per-invoice detail needed later (the CSV of open invoices, the top
 * overdue list) is kept as item indexes in typed arrays.
 *
 * Definitions (the README repeats them):
 * - Open receivables: invoices with lifecycle "open" and an amount due > 0 (disputed, paused and promised
 *   included: they are still owed). Drafts and voids are not receivables; "uncollectible" invoices were written off
 *   and are reported apart (writtenOffAmount), outside receivables and DSO.
 * - Overdue: open with daysPastDue > 0 (in the customer's time zone, as Payment State Check ages them).
 * - Disputed: open and flagged disputed at the source, in the dispute state, or a reply triaged as a dispute.
 * - Recovered payments: money received within the DSO period on invoices that were past due when paid, or that
 *   had been sent a reminder before they were paid. A payment that arrives on time without any reminder is an
 *   ordinary collection, not a recovery. Without a payment date (`paidOn`/`paidAt`), a paid invoice counts as
 *   recovered when a reminder was sent (`lastTouchAt` or a sent cadence step).
 * - Paid within 7 days: of the invoices that fell due within the period and at least 7 days before the as-of date
 *   (so every one had its full 7 days), the share paid in full no later than 7 days after the due date. Invoices
 *   still unpaid count as not paid within 7 days; paid invoices without a payment date are left out (and counted).
 * - Stalled account: a customer with an overdue open balance, no pending promise, and no touch, reply or payment
 *   for at least `stalledDays` (default 14) since the later of its last activity and the due date of its oldest
 *   overdue invoice. Disputed and paused accounts can stall too: someone has to act on them.
 * - Reminders sent: items whose cadence result records a sent step. Replies received: items carrying a triaged
 *   reply from a person (out-of-office and bounces excluded); without triage, an invoice whose `lastReplyAt` falls
 *   within the period counts one reply. Escalations: items whose escalation says escalate.
 * - Duplicates: the same invoice (source + id) in several items counts once for money; each item's reminder,
 *   reply and escalation still counts.
 */
import {
	calendarDateIn,
	dateOfDay,
	dayNumber,
	daysInMonth,
	isValidTimeZone,
	AsOfCalendar,
} from '../dates';
import { formatMoney, minorToMajor, toMinor } from '../money';
import {
	agingBucketOf,
	checkPaymentState,
	highValueMinor,
	AGING_BUCKETS,
	type AgingBucket,
	type PaymentStateName,
	type PaymentStateOptions,
} from '../state';
import type { Invoice } from '../invoice/schema';
import { conversionOf, convertMinor, requireCurrency, type Conversion } from './fx';
import {
	averageDaysDelinquent,
	bestPossibleDsoRaw,
	collectionEffectivenessIndex,
	dsoCountback,
	dsoSimpleRaw,
	promiseKeptRate,
	round,
	share,
	type MonthSales,
} from './metrics';
import {
	BUCKET_INDEX,
	BUCKET_OF_INDEX,
	STATE_INDEX,
	STATE_OF_INDEX,
	dayCache,
	dayOfInstant,
	InvoiceKeys,
	isHumanReply,
	isPlainInvoice,
	isRecord,
	monthIndexOf,
	monthText,
	paidDayOf,
	parseMonthKey,
	personName,
	type Json,
} from './read';
import { cadenceWasSent } from '../contract/cadence';
import { EscalationReadSchema, type EscalationRead } from '../contract/escalation';
import { invoiceProblem } from '../contract/invoice';
import { readPaymentState } from '../contract/paymentState';
import { TriageReadSchema, type TriageRead } from '../contract/triage';
import { LedgerActivity, type ReportActivity } from './activity';
import { renderAll } from './render';
import type { OpenInvoiceRow, OpenInvoiceRows } from './csv';
import { compareHeadlines, reportHeadline } from './trend';
import type {
	ReportAmountCell,
	ReportBucketCell,
	CollectionsReport,
	CollectionsReportOptions,
	ReportCurrencyCell,
	ReportInvoiceLine,
	ReportOwnerCell,
	ReportSkippedItem,
	ReportStalledAccount,
} from './types';

export const DEFAULT_STALLED_DAYS = 14;
export const DEFAULT_PERIOD_MONTHS = 3;
export const DEFAULT_TOP_COUNT = 10;
export const UNASSIGNED = 'Unassigned';

interface CurrencyState {
	conversion: Conversion | null;
	error: string | null;
	highValueMinor: number | null;
	count: number;
	amountMinor: number;
	amount: number;
}

interface OwnerState {
	count: number;
	amount: number;
	overdueCount: number;
	overdueAmount: number;
	escalations: number;
	disputes: number;
	brokenPromises: number;
	stalledAccounts: number;
}

interface CustomerState {
	name: string;
	id: string | null;
	owner: string;
	overdueCount: number;
	overdueAmount: number;
	oldestDaysPastDue: number;
	oldestDueDay: number;
	lastActivityDay: number;
	promisePending: boolean;
}

/** Open invoices kept for the CSV and the top list: item index and what the pass computed, no objects. */
interface OpenRows {
	count: number;
	item: Int32Array;
	amount: Float64Array;
	days: Int32Array;
	state: Uint8Array;
}

const NO_DAY = -2_147_483_648;

/** The invoice an item carries: `$json.invoice` of a node output, or the item itself when it is a plain invoice. */
export function invoiceOfItem(item: unknown): Json | null {
	const json = itemJson(item);
	if (json === null) return null;
	if (isRecord(json.invoice)) return json.invoice;
	if (isPlainInvoice(json)) return json;
	return null;
}

/** The item's JSON: the object itself, or `.json` of an n8n item (`{ json, pairedItem }`). */
function itemJson(item: unknown): Json | null {
	if (!isRecord(item)) return null;
	return isRecord(item.json) && item.invoice === undefined && !isPlainInvoice(item)
		? item.json
		: item;
}

function ownerOf(invoice: Json): string {
	return personName(invoice.owner) ?? UNASSIGNED;
}

export function buildCollectionsReport(
	items: readonly unknown[],
	options: CollectionsReportOptions = {},
): CollectionsReport {
	const timezone = options.timezone && isValidTimeZone(options.timezone) ? options.timezone : 'UTC';
	if (options.timezone && timezone !== options.timezone)
		throw new RangeError(
			`time zone "${options.timezone}" is not an IANA zone (e.g. Europe/Berlin)`,
		);
	const asOf = options.asOf ?? new Date();
	const asOfDate = calendarDateIn(asOf, timezone);
	const asOfDay = dayNumber(asOfDate)!;
	const locale = options.locale || 'en-US';
	const stalledDays = options.stalledDays ?? DEFAULT_STALLED_DAYS;
	if (!(Number.isInteger(stalledDays) && stalledDays >= 1))
		throw new RangeError(`stalledDays must be a whole number ≥ 1 (got ${stalledDays})`);
	const periodMonths = options.periodMonths ?? DEFAULT_PERIOD_MONTHS;
	if (!(Number.isInteger(periodMonths) && periodMonths >= 1 && periodMonths <= 60)) {
		throw new RangeError(`periodMonths must be a whole number from 1 to 60 (got ${periodMonths})`);
	}
	const topCount = Math.max(0, Math.min(options.topCount ?? DEFAULT_TOP_COUNT, 1000));
	const fxRates = options.fxRates ?? {};

	// The period: the as-of month (days elapsed, as-of day included) and the N − 1 months before it.
	const asOfMonth = monthIndexOf(asOfDate);
	const firstMonth = asOfMonth - periodMonths + 1;
	const periodStartDay = dayNumber(`${monthText(firstMonth)}-01`)!;

	let currency = options.currency ? requireCurrency(options.currency) : null;
	const currencies = new Map<string, CurrencyState>();
	const stateOptions: PaymentStateOptions = { asOf, timezone, highValue: options.highValue };
	const calendar = new AsOfCalendar(asOf, timezone);
	const dayOf = dayCache();

	// Sums, all integers in minor units of the reporting currency.
	let invoiceCount = 0;
	let openCount = 0;
	let openAmount = 0;
	let overdueCount = 0;
	let overdueAmount = 0;
	let disputedCount = 0;
	let disputedAmount = 0;
	let recoveredCount = 0;
	let recoveredAmount = 0;
	let writtenOffAmount = 0;
	let openCredits = 0;
	let remindersSent = 0;
	let repliesReceived = 0;
	let escalations = 0;
	let duplicateCount = 0;
	let highValueOverdueCount = 0;
	let within7 = 0;
	let within7Cohort = 0;
	let paidDateUnknown = 0;
	let paidDateKnown = 0;
	let promisesKept = 0;
	let promisesBroken = 0;
	let promisesPending = 0;
	let promisesUnknown = 0;
	const bucketCount = new Float64Array(AGING_BUCKETS.length);
	const bucketAmount = new Float64Array(AGING_BUCKETS.length);
	const stateCount = new Float64Array(STATE_OF_INDEX.length);
	const stateAmount = new Float64Array(STATE_OF_INDEX.length);
	const salesByMonth = new Map<number, number>();
	const owners = new Map<string, OwnerState>();
	const customers = new Map<string, CustomerState>();
	const seen = new InvoiceKeys(items.length, (at) => invoiceOfItem(items[at]) as Json);
	const skipped: ReportSkippedItem[] = [];
	const wantCsv = renderWanted(options, 'csv');
	const rows: OpenRows = {
		count: 0,
		item: new Int32Array(wantCsv ? items.length : 0),
		amount: new Float64Array(wantCsv ? items.length : 0),
		days: new Int32Array(wantCsv ? items.length : 0),
		state: new Uint8Array(wantCsv ? items.length : 0),
	};
	// Top overdue: item indexes kept sorted by converted amount (largest first), at most topCount.
	const topItem: number[] = [];
	const topAmount: number[] = [];
	const topDays: number[] = [];
	const topState: number[] = [];

	const ownerState = (name: string): OwnerState => {
		let state = owners.get(name);
		if (!state) {
			state = {
				count: 0,
				amount: 0,
				overdueCount: 0,
				overdueAmount: 0,
				escalations: 0,
				disputes: 0,
				brokenPromises: 0,
				stalledAccounts: 0,
			};
			owners.set(name, state);
		}
		return state;
	};

	// Pass 1: which items carry a usable invoice, and which record of a duplicated invoice counts for money (the
	// most-informed one, whatever the item order: see moreInformed).
	const problems = new Map<number, string | null>();
	const superseded = new Uint8Array(items.length);
	for (let index = 0; index < items.length; index++) {
		const invoice = invoiceOfItem(items[index]);
		const problem = invoice === null ? null : invoiceProblem(invoice, dayOf);
		if (invoice === null || problem !== null) {
			problems.set(index, problem);
			continue;
		}
		const source = typeof invoice.source === 'string' ? invoice.source : '';
		const earlier = seen.add(source, invoice.id as string, index);
		if (earlier === -1) continue;
		if (moreInformed(invoice, invoiceOfItem(items[earlier])!)) {
			superseded[earlier] = 1;
			seen.replace(source, invoice.id as string, index);
		} else superseded[index] = 1;
	}

	const activity = options.ledger
		? new LedgerActivity(periodStartDay, asOfDay, dayOf, options.ledgerInvalidRows ?? 0).addAll(
				options.ledger,
			)
		: null;

	for (let index = 0; index < items.length; index++) {
		const item = items[index];
		const invoice = invoiceOfItem(item);
		if (invoice === null) {
			skipped.push(withoutInvoice(index, itemJson(item)));
			continue;
		}
		const problem = problems.get(index);
		if (problem) {
			skipped.push({ item: index, invoice: invoiceLabel(invoice), reason: problem });
			continue;
		}
		const json = itemJson(item)!;
		const invoiceCurrency = invoice.currency as string;
		currency ??= requireCurrency(invoiceCurrency);
		let money = currencies.get(invoiceCurrency);
		if (money === undefined) {
			const conversion = /^[A-Z]{3}$/.test(invoiceCurrency)
				? conversionOf(invoiceCurrency, currency, fxRates[invoiceCurrency])
				: { error: `invoice.currency: "${invoiceCurrency}" is not a 3-letter ISO 4217 code` };
			money = {
				conversion: 'error' in conversion ? null : conversion,
				error: 'error' in conversion ? conversion.error : null,
				highValueMinor: highValueMinor(options.highValue, invoiceCurrency),
				count: 0,
				amountMinor: 0,
				amount: 0,
			};
			currencies.set(invoiceCurrency, money);
		}
		if (money.conversion === null) {
			skipped.push({ item: index, invoice: invoiceLabel(invoice), reason: money.error! });
			continue;
		}
		const conversion = money.conversion;

		// What the other nodes left on the item, read with their own schemas (src/contract).
		const read = json === invoice ? NOTHING_ELSE : readResults(json);
		if (typeof read === 'string') {
			skipped.push({ item: index, invoice: invoiceLabel(invoice), reason: read });
			continue;
		}
		const { triage, escalation } = read;

		// Activity: counted for every usable item, duplicates included.
		const sent = read.sent;
		if (sent) remindersSent++;
		const intent = triage === undefined ? null : triage.intent;
		if (intent !== null) {
			if (isHumanReply(intent)) repliesReceived++;
		} else if (typeof invoice.lastReplyAt === 'string') {
			const replyDay = dayOfInstant(invoice.lastReplyAt, dayOf);
			if (replyDay !== null && replyDay >= periodStartDay && replyDay <= asOfDay) repliesReceived++;
		}
		const escalated = escalation?.escalate === true;
		if (escalated) {
			escalations++;
			ownerState(personName(escalation!.owner) ?? ownerOf(invoice)).escalations++;
		}

		// Money: once per invoice, from its most-informed record.
		if (superseded[index] === 1) {
			duplicateCount++;
			continue;
		}
		invoiceCount++;

		let paymentState = json === invoice ? null : readPaymentState(json.paymentState);
		if (paymentState !== null && paymentState.asOfDate !== undefined) {
			const customer = invoice.customer as Json;
			if (paymentState.asOfDate !== calendar.dateIn(customer.timezone as string | undefined))
				paymentState = null;
		}
		if (paymentState === null) paymentState = stateOf(invoice, stateOptions);
		const stateIndex = STATE_INDEX[paymentState.state];

		const lifecycle = invoice.lifecycle as string;
		const dueMinor = invoice.amountDueMinor as number;
		const paidMinor = invoice.amountPaidMinor as number;
		const dueOn = invoice.dueOn as string | null | undefined;
		const dueDay = typeof dueOn === 'string' ? dayOf(dueOn) : null;
		const isOpen = lifecycle === 'open' && dueMinor > 0;
		stateCount[stateIndex]++;

		if (lifecycle === 'uncollectible' && dueMinor > 0)
			writtenOffAmount += convertMinor(dueMinor, conversion);

		// Credit sales by month of issue (drafts and voids were never sales).
		if (
			lifecycle !== 'draft' &&
			lifecycle !== 'void' &&
			typeof invoice.issuedOn === 'string' &&
			invoice.issuedOn <= asOfDate
		) {
			const month = monthIndexOf(invoice.issuedOn);
			salesByMonth.set(
				month,
				(salesByMonth.get(month) ?? 0) + convertMinor(invoice.totalMinor as number, conversion),
			);
		}

		// Payments: recovered, paid within 7 days, promises.
		const fullyPaid = lifecycle === 'paid' || (lifecycle === 'open' && dueMinor <= 0);
		const paidDay = paidMinor > 0 ? paidDayOf(invoice, dayOf) : null;
		if (activity !== null && paidDay !== null && fullyPaid)
			activity.paidOn(invoice.id as string, paidDay);
		// Parsed only where it is needed (recovered payments, stalled accounts): most invoices never need it.
		let touchDay: number | null | undefined;
		if (paidMinor > 0 && lifecycle !== 'void' && lifecycle !== 'draft') {
			touchDay = dayOfInstant(invoice.lastTouchAt, dayOf);
			let recovered: boolean;
			if (paidDay !== null) {
				recovered =
					paidDay >= periodStartDay &&
					paidDay <= asOfDay &&
					((dueDay !== null && paidDay > dueDay) ||
						(touchDay !== null && touchDay <= paidDay) ||
						sent);
			} else recovered = touchDay !== null || sent;
			if (recovered) {
				recoveredCount++;
				recoveredAmount += convertMinor(paidMinor, conversion);
			}
		}
		if (
			dueDay !== null &&
			dueDay >= periodStartDay &&
			dueDay + 7 <= asOfDay &&
			lifecycle !== 'draft' &&
			lifecycle !== 'void'
		) {
			if (fullyPaid) {
				if (paidDay !== null) {
					paidDateKnown++;
					within7Cohort++;
					if (paidDay <= dueDay + 7) within7++;
				} else paidDateUnknown++;
			} else within7Cohort++;
		}
		const promise = invoice.promise;
		const brokenBefore =
			isRecord(promise) && typeof promise.brokenCount === 'number' ? promise.brokenCount : 0;
		promisesBroken += brokenBefore;
		const promisedOn =
			isRecord(promise) && typeof promise.date === 'string'
				? promise.date
				: (triage?.extracted.promisedDate ?? null);
		let promiseBroken = brokenBefore > 0 && isOpen;
		if (promisedOn !== null && lifecycle !== 'void' && lifecycle !== 'draft') {
			const promisedDay = dayOf(promisedOn);
			if (promisedDay !== null) {
				if (fullyPaid) {
					if (paidDay !== null) {
						if (paidDay <= promisedDay) promisesKept++;
						else promisesBroken++;
					} else if (asOfDay <= promisedDay) promisesKept++;
					else promisesUnknown++;
				} else if (asOfDay > promisedDay) {
					promisesBroken++;
					promiseBroken = true;
				} else promisesPending++;
			}
		}

		// An open credit note (a negative amount due) is owed to the customer: it nets receivables, as it nets the
		// credit sales it was derived into.
		if (lifecycle === 'open' && dueMinor < 0) openCredits += convertMinor(-dueMinor, conversion);
		if (!isOpen) continue;

		// Open receivables.
		const amount = convertMinor(dueMinor, conversion);
		const daysPastDue = paymentState.daysPastDue;
		const bucketIndex = BUCKET_INDEX[paymentState.agingBucket];
		openCount++;
		openAmount += amount;
		bucketCount[bucketIndex]++;
		bucketAmount[bucketIndex] += amount;
		stateAmount[stateIndex] += amount;
		money.count++;
		money.amountMinor += dueMinor;
		money.amount += amount;
		const owner = ownerOf(invoice);
		const ownerCell = ownerState(owner);
		ownerCell.count++;
		ownerCell.amount += amount;
		const flags = invoice.flags as Json;
		const disputed =
			flags.disputed === true ||
			paymentState.state === 'disputed' ||
			(triage !== undefined && (triage.intent === 'dispute' || triage.intents.includes('dispute')));
		if (disputed) {
			disputedCount++;
			disputedAmount += amount;
			ownerCell.disputes++;
		}
		if (promiseBroken) ownerCell.brokenPromises++;
		if (wantCsv) {
			const row = rows.count++;
			rows.item[row] = index;
			rows.amount[row] = amount;
			rows.days[row] = daysPastDue;
			rows.state[row] = stateIndex;
		}
		if (daysPastDue <= 0) continue;

		// Overdue.
		overdueCount++;
		overdueAmount += amount;
		ownerCell.overdueCount++;
		ownerCell.overdueAmount += amount;
		if (money.highValueMinor !== null && dueMinor >= money.highValueMinor) highValueOverdueCount++;
		if (topCount > 0 && (topItem.length < topCount || amount > topAmount[topAmount.length - 1])) {
			let at = topItem.length;
			while (
				at > 0 &&
				(amount > topAmount[at - 1] ||
					(amount === topAmount[at - 1] && daysPastDue > topDays[at - 1]))
			)
				at--;
			topItem.splice(at, 0, index);
			topAmount.splice(at, 0, amount);
			topDays.splice(at, 0, daysPastDue);
			topState.splice(at, 0, stateIndex);
			if (topItem.length > topCount) {
				topItem.pop();
				topAmount.pop();
				topDays.pop();
				topState.pop();
			}
		}

		// Stalled accounts: per customer, the latest activity and the oldest overdue due date.
		const customer = invoice.customer as Json;
		const customerId = typeof customer.id === 'string' && customer.id !== '' ? customer.id : null;
		const key = customerId ?? (customer.name as string);
		let account = customers.get(key);
		if (account === undefined) {
			account = {
				name: customer.name as string,
				id: customerId,
				owner,
				overdueCount: 0,
				overdueAmount: 0,
				oldestDaysPastDue: 0,
				oldestDueDay: NO_DAY,
				lastActivityDay: NO_DAY,
				promisePending: false,
			};
			customers.set(key, account);
		}
		account.overdueCount++;
		account.overdueAmount += amount;
		if (daysPastDue > account.oldestDaysPastDue) {
			account.oldestDaysPastDue = daysPastDue;
			account.oldestDueDay = asOfDay - daysPastDue;
		}
		if (paymentState.state === 'promised') account.promisePending = true;
		if (touchDay === undefined) touchDay = dayOfInstant(invoice.lastTouchAt, dayOf);
		let lastActivity = touchDay ?? NO_DAY;
		if (paidDay !== null && paidDay > lastActivity) lastActivity = paidDay;
		if (typeof invoice.lastReplyAt === 'string') {
			const replyDay = dayOfInstant(invoice.lastReplyAt, dayOf);
			if (replyDay !== null && replyDay > lastActivity) lastActivity = replyDay;
		}
		// The ledger's last touch or reply of this invoice, whichever run it came from.
		const ledgerDay = activity?.lastTouchOrReply.get(invoice.id as string);
		if (ledgerDay !== undefined && ledgerDay > lastActivity) lastActivity = ledgerDay;
		// A reminder, a reply or an escalation on this run is activity today: someone is on it.
		if (sent || intent !== null || escalated) lastActivity = asOfDay;
		if (lastActivity > account.lastActivityDay) account.lastActivityDay = lastActivity;
	}

	currency ??= 'USD';
	const reportingCurrency = currency;
	const fmt = (minor: number) => formatMoney(minor, reportingCurrency, locale);
	/** One amount of the reporting currency, named the package's way: `<name>Minor`, `<name>`, `<name>Formatted`. */
	const money = <Name extends string>(name: Name, minor: number) =>
		({
			[`${name}Minor`]: minor,
			[name]: minorToMajor(minor, reportingCurrency),
			[`${name}Formatted`]: fmt(minor),
		}) as { [Key in Name as `${Key}Minor`]: number } & { [Key in Name]: number } & {
			[Key in Name as `${Key}Formatted`]: string;
		};

	// Credit sales per month: given (major units of the reporting currency) or derived from the invoices.
	const notes: string[] = [];
	let sales = salesByMonth;
	const salesGiven =
		options.creditSalesByMonth !== undefined && Object.keys(options.creditSalesByMonth).length > 0;
	if (salesGiven) {
		sales = new Map();
		for (const [key, value] of Object.entries(options.creditSalesByMonth!)) {
			const month = parseMonthKey(key);
			if (month === null)
				throw new RangeError(`creditSalesByMonth: "${key}" is not a month (YYYY-MM)`);
			const minor = toMinor(value, currency);
			if (minor === null || minor < 0)
				throw new RangeError(
					`creditSalesByMonth["${key}"]: "${String(value)}" is not an amount ≥ 0`,
				);
			sales.set(month, minor);
		}
		for (let month = firstMonth; month <= asOfMonth; month++) {
			if (!sales.has(month))
				notes.push(`creditSalesByMonth has no ${monthText(month)}: counted as no sales`);
		}
	} else if (items.length > 0) {
		notes.push(
			'Credit sales were derived from the issue dates and totals of the invoices given (paid ones included): feed every invoice of the period, or set creditSalesByMonth, for exact DSO.',
		);
	}
	let earliest = firstMonth;
	for (const month of sales.keys())
		if (month < earliest && (sales.get(month) ?? 0) > 0) earliest = month;
	const months: MonthSales[] = [];
	for (let month = asOfMonth; month >= earliest; month--) {
		const year = Math.floor(month / 12);
		const days =
			month === asOfMonth
				? asOfDay - dayNumber(`${monthText(month)}-01`)! + 1
				: daysInMonth(year, (month % 12) + 1);
		months.push({ month: monthText(month), days, salesMinor: sales.get(month) ?? 0 });
	}
	const period = months.slice(0, periodMonths);
	let periodSales = 0;
	let periodDays = 0;
	for (const month of period) {
		periodSales += month.salesMinor;
		periodDays += month.days;
	}

	// Receivables net of open credit notes, consistently with credit sales net of them.
	const netReceivables = Math.max(0, openAmount - openCredits);
	const currentReceivables = Math.max(0, bucketAmount[BUCKET_INDEX.not_due] - openCredits);
	if (openCredits > 0)
		notes.push(
			`Open credit notes (${fmt(openCredits)}) net the receivables DSO, best possible DSO and CEI use, as they net credit sales.`,
		);
	const simpleRaw = dsoSimpleRaw(netReceivables, period);
	const bestRaw = bestPossibleDsoRaw(currentReceivables, period);
	const countback = dsoCountback(netReceivables, months);
	if (periodSales <= 0 && netReceivables > 0)
		notes.push('No credit sales in the period: DSO, best possible DSO and ADD cannot be computed.');
	if (!countback.complete)
		notes.push(
			`Receivables outlast the sales data: countback DSO (${countback.days ?? '—'} days) is a lower bound.`,
		);

	let beginning: number | null = null;
	if (
		options.beginningReceivables !== undefined &&
		options.beginningReceivables !== null &&
		options.beginningReceivables !== ''
	) {
		beginning = toMinor(options.beginningReceivables, currency);
		if (beginning === null)
			throw new RangeError(
				`beginningReceivables "${String(options.beginningReceivables)}" is not an amount`,
			);
	}
	const cei =
		beginning === null
			? null
			: collectionEffectivenessIndex({
					beginningReceivablesMinor: beginning,
					creditSalesMinor: periodSales,
					months: periodMonths,
					endingTotalReceivablesMinor: netReceivables,
					endingCurrentReceivablesMinor: currentReceivables,
				});
	if (beginning === null)
		notes.push('CEI needs beginningReceivables (total receivables at the start of the period).');
	if (paidDateUnknown > 0) {
		notes.push(
			`${paidDateUnknown} paid invoice(s) have no payment date (paidOn/paidAt) and are left out of "paid within 7 days"${paidDateKnown === 0 ? ', so the rate is not computed' : ''}.`,
		);
	}
	if (promisesUnknown > 0)
		notes.push(
			`${promisesUnknown} promise(s) were paid on an unknown date after the promised day and are left out of the promise-kept rate.`,
		);

	const ledgerActivity = activity?.result();
	const reportActivity: ReportActivity = ledgerActivity ?? {
		source: 'items',
		remindersSent,
		replies: repliesReceived,
		escalations,
		approvals: { approved: 0, rejected: 0 },
		promises: { kept: promisesKept, broken: promisesBroken, pending: promisesPending },
		timeToFirstResponse: { count: 0, medianDays: null, averageDays: null },
		invalidRows: 0,
	};
	if (ledgerActivity) {
		// The ledger remembers every run of the period; this run's items are one day of it.
		remindersSent = ledgerActivity.remindersSent;
		repliesReceived = ledgerActivity.replies;
		escalations = ledgerActivity.escalations;
		if (ledgerActivity.invalidRows > 0)
			notes.push(
				`${ledgerActivity.invalidRows} ledger row(s) are not ledger events and were left out of the activity counts.`,
			);
	}

	// Stalled accounts.
	const stalled: ReportStalledAccount[] = [];
	for (const account of customers.values()) {
		if (account.promisePending) continue;
		const since = Math.max(account.lastActivityDay, account.oldestDueDay);
		const idle = asOfDay - since;
		if (idle < stalledDays) continue;
		const lastActivityOn =
			account.lastActivityDay === NO_DAY ? null : dateOfDay(account.lastActivityDay);
		stalled.push({
			customer: account.name,
			customerId: account.id,
			owner: account.owner,
			overdueCount: account.overdueCount,
			...money('overdueAmount', account.overdueAmount),
			oldestDaysPastDue: account.oldestDaysPastDue,
			lastActivityOn,
			daysIdle: idle,
			reason:
				lastActivityOn === null
					? `no touch, reply or payment since it fell overdue ${idle} days ago`
					: `no touch, reply or payment for ${idle} days (last on ${lastActivityOn})`,
		});
		ownerState(account.owner).stalledAccounts++;
	}
	stalled.sort((a, b) => b.overdueAmountMinor - a.overdueAmountMinor || b.daysIdle - a.daysIdle);

	const byBucket = {} as Record<AgingBucket, ReportBucketCell>;
	for (let bucket = 0; bucket < AGING_BUCKETS.length; bucket++) {
		byBucket[BUCKET_OF_INDEX[bucket]] = {
			count: bucketCount[bucket],
			...money('amount', bucketAmount[bucket]),
			share: openAmount > 0 ? round(bucketAmount[bucket] / openAmount, 4) : 0,
		};
	}
	const byState: Partial<Record<PaymentStateName, ReportAmountCell>> = {};
	for (let state = 0; state < STATE_OF_INDEX.length; state++) {
		if (stateCount[state] === 0) continue;
		byState[STATE_OF_INDEX[state]] = {
			count: stateCount[state],
			...money('amount', stateAmount[state]),
		};
	}
	const byCurrency: ReportCurrencyCell[] = [];
	for (const [code, cell] of currencies) {
		if (cell.conversion === null) continue;
		byCurrency.push({
			currency: code,
			count: cell.count,
			amountMinor: cell.amountMinor,
			amount: minorToMajor(cell.amountMinor, code),
			amountFormatted: formatMoney(cell.amountMinor, code, locale),
			...money('convertedAmount', cell.amount),
			rate: cell.conversion.rateText,
		});
	}
	byCurrency.sort((a, b) => b.convertedAmountMinor - a.convertedAmountMinor);
	const byOwner: ReportOwnerCell[] = [];
	for (const [owner, cell] of owners) {
		byOwner.push({
			owner,
			count: cell.count,
			...money('amount', cell.amount),
			overdueCount: cell.overdueCount,
			...money('overdueAmount', cell.overdueAmount),
			actions: {
				escalations: cell.escalations,
				disputes: cell.disputes,
				brokenPromises: cell.brokenPromises,
				stalledAccounts: cell.stalledAccounts,
			},
		});
	}
	byOwner.sort(
		(a, b) =>
			b.overdueAmount - a.overdueAmount || b.amount - a.amount || a.owner.localeCompare(b.owner),
	);

	const topOverdue: ReportInvoiceLine[] = topItem.map((itemIndex, position) =>
		invoiceLine(
			items,
			itemIndex,
			topAmount[position],
			topDays[position],
			STATE_OF_INDEX[topState[position]],
			currencies,
			fmt,
			locale,
			reportingCurrency,
		),
	);

	const dso = simpleRaw === null ? null : round(simpleRaw, 2);
	const bestPossibleDso = bestRaw === null ? null : round(bestRaw, 2);
	const report: CollectionsReport = {
		title: options.title || 'Collections report',
		asOf: asOfDate,
		generatedAt: new Date().toISOString(),
		currency,
		locale,
		stalledDays,
		summary: {
			openCount,
			overdueCount,
			remindersSent,
			repliesReceived,
			escalations,
			skippedCount: skipped.length,
			invoiceCount,
			disputedCount,
			recoveredCount,
			duplicateCount,
			highValueOverdueCount,
			...money('openAmount', openAmount),
			...money('overdueAmount', overdueAmount),
			...money('disputedAmount', disputedAmount),
			...money('recoveredAmount', recoveredAmount),
			...money('writtenOffAmount', writtenOffAmount),
			...money('unappliedCreditAmount', openCredits),
		},
		byBucket,
		byCurrency,
		byOwner,
		byState,
		metrics: {
			dso: { simple: dso, countback: countback.days, countbackComplete: countback.complete },
			bestPossibleDso,
			add:
				simpleRaw === null || bestRaw === null ? null : averageDaysDelinquent(simpleRaw, bestRaw),
			cei,
			paidWithin7DaysRate:
				paidDateKnown === 0 && paidDateUnknown > 0 ? null : share(within7, within7Cohort),
			promiseKeptRate: promiseKeptRate(promisesKept, promisesBroken),
			period: {
				start: dateOfDay(periodStartDay),
				end: asOfDate,
				months: periodMonths,
				days: periodDays,
				...money('creditSales', periodSales),
				creditSalesSource: salesGiven ? 'given' : 'derived',
				beginningReceivables: beginning === null ? null : minorToMajor(beginning, currency),
				beginningReceivablesMinor: beginning,
			},
			counts: {
				paidWithin7Days: within7,
				paidWithin7DaysCohort: within7Cohort,
				paidDateUnknown,
				promisesKept,
				promisesBroken,
				promisesPending,
				promisesUnknown,
			},
			notes,
		},
		activity: reportActivity,
		stalled,
		topOverdue,
		skipped,
		trend: null,
		headline: undefined as unknown as CollectionsReport['headline'],
		renders: {},
	};
	report.headline = reportHeadline(report);
	report.trend = options.previous ? compareHeadlines(report.headline, options.previous, fmt) : null;
	if (options.renders !== false) {
		report.renders = renderAll(report, {
			// Rendered lists (largest overdue, stalled, owners, skipped) show this many rows, and say how many more.
			listLimit: topCount > 0 ? Math.min(topCount, 25) : DEFAULT_TOP_COUNT,
			wanted: (name) => renderWanted(options, name),
			csvRows: () => openInvoiceRows(items, rows),
			csvBytes: options.csvBytes
				? { prefix: options.csvBytes !== true && options.csvBytes.bom ? '\uFEFF' : '' }
				: false,
		});
	}
	return report;
}

interface ItemResults {
	sent: boolean;
	triage?: TriageRead;
	escalation?: EscalationRead;
}
const NOTHING_ELSE: ItemResults = { sent: false };

function issues(key: string, error: { issues: Array<{ path: PropertyKey[]; message: string }> }) {
	const first = error.issues[0];
	return `${[key, ...first.path.map(String)].join('.')}: ${first.message}`;
}

/**
 * The cadence, triage and escalation results on an item, each parsed with its producer's schema; a result that
 * breaks the contract is named (the item is skipped with that reason), never guessed at.
 */
function readResults(json: Json): ItemResults | string {
	if (json.cadence === undefined && json.triage === undefined && json.escalation === undefined)
		return NOTHING_ELSE;
	const results: ItemResults = { sent: cadenceWasSent(json.cadence) };
	if (json.triage !== undefined) {
		const triage = TriageReadSchema.safeParse(json.triage);
		if (!triage.success) return issues('triage', triage.error);
		results.triage = triage.data;
	}
	if (json.escalation !== undefined) {
		const escalation = EscalationReadSchema.safeParse(json.escalation);
		if (!escalation.success) return issues('escalation', escalation.error);
		results.escalation = escalation.data;
	}
	return results;
}

const LIFECYCLE_RANK: Readonly<Record<string, number>> = {
	draft: 0,
	open: 1,
	uncollectible: 2,
	void: 3,
	paid: 4,
};

/**
 * Of two records of the same invoice, is `a` the more informed one? The one further along its life (paid or void
 * over open, open over draft), then the one that saw more paid, then the one with the later activity; a full tie
 * falls to the lower number of the text fields, so the choice never depends on the order of the items.
 */
function moreInformed(a: Json, b: Json): boolean {
	const rank =
		(LIFECYCLE_RANK[a.lifecycle as string] ?? 0) - (LIFECYCLE_RANK[b.lifecycle as string] ?? 0);
	if (rank !== 0) return rank > 0;
	const paid = (a.amountPaidMinor as number) - (b.amountPaidMinor as number);
	if (paid !== 0) return paid > 0;
	for (const key of ['paidOn', 'lastReplyAt', 'lastTouchAt'] as const) {
		const left = typeof a[key] === 'string' ? (a[key] as string) : '';
		const right = typeof b[key] === 'string' ? (b[key] as string) : '';
		if (left !== right) return left > right;
	}
	const due = (a.amountDueMinor as number) - (b.amountDueMinor as number);
	if (due !== 0) return due < 0;
	return JSON.stringify(a) < JSON.stringify(b);
}

/** The payment state of an invoice that arrived without one (a plain normalised invoice). */
function stateOf(invoice: Json, options: PaymentStateOptions) {
	return checkPaymentState(invoice as unknown as Invoice, options);
}

function renderWanted(
	options: CollectionsReportOptions,
	name: 'markdown' | 'html' | 'svg' | 'csv' | 'slack',
): boolean {
	const renders = options.renders;
	if (renders === undefined || renders === true) return true;
	if (renders === false) return false;
	return renders[name] ?? false;
}

/**
 * Why an item has no invoice: a record Payment State Check found invalid carries its reason (and the source record),
 * which is the real cause; anything else is not an invoice at all.
 */
function withoutInvoice(item: number, json: Json | null): ReportSkippedItem {
	const invalid = json !== null && isRecord(json.invalid) ? json.invalid.reason : undefined;
	if (typeof invalid === 'string') {
		const source = isRecord(json!.sourceRecord) ? json!.sourceRecord : json!;
		return {
			item,
			invoice: invoiceLabel(source),
			reason: `invalid record from Payment State Check: ${invalid}`,
		};
	}
	return {
		item,
		invoice: null,
		reason:
			'no invoice on the item: expected $json.invoice (from Payment State Check) or a normalised invoice',
	};
}

function invoiceLabel(invoice: Json): string | null {
	if (typeof invoice.number === 'string' && invoice.number !== '') return invoice.number;
	if (typeof invoice.id === 'string' && invoice.id !== '') return invoice.id;
	return null;
}

function invoiceLine(
	items: readonly unknown[],
	itemIndex: number,
	amount: number,
	daysPastDue: number,
	state: PaymentStateName,
	currencies: Map<string, CurrencyState>,
	fmt: (minor: number) => string,
	locale: string,
	reportingCurrency: string,
): ReportInvoiceLine {
	const invoice = invoiceOfItem(items[itemIndex])!;
	const code = invoice.currency as string;
	const dueMinor = invoice.amountDueMinor as number;
	const threshold = currencies.get(code)?.highValueMinor ?? null;
	return {
		item: itemIndex,
		id: invoice.id as string,
		number: invoiceLabel(invoice) ?? '',
		customer: (invoice.customer as Json).name as string,
		owner: ownerOf(invoice),
		currency: code,
		amountDueMinor: dueMinor,
		amountDueFormatted: formatMoney(dueMinor, code, locale),
		convertedAmountMinor: amount,
		convertedAmount: minorToMajor(amount, reportingCurrency),
		convertedAmountFormatted: fmt(amount),
		dueOn: typeof invoice.dueOn === 'string' ? invoice.dueOn : null,
		daysPastDue,
		bucket: agingBucketOf(daysPastDue),
		state,
		highValue: threshold !== null && dueMinor >= threshold,
	};
}

/**
 * The open invoices for the CSV, in input order. (Sorting a million rows by age would visit the invoices in random
 * memory order, which cost four times the whole aggregation; the CSV goes to a spreadsheet that sorts anyway, and
 * the report's own lists are ranked.) Passes one reused row object: no per-row objects are allocated here.
 */
function openInvoiceRows(items: readonly unknown[], rows: OpenRows): OpenInvoiceRows {
	return (each) => {
		const line: OpenInvoiceRow = {
			invoice: {},
			amount: 0,
			daysPastDue: 0,
			state: 'overdue',
			owner: UNASSIGNED,
		};
		for (let row = 0; row < rows.count; row++) {
			line.invoice = invoiceOfItem(items[rows.item[row]])!;
			line.amount = rows.amount[row];
			line.daysPastDue = rows.days[row];
			line.state = STATE_OF_INDEX[rows.state[row]];
			line.owner = ownerOf(line.invoice);
			each(line);
		}
	};
}
