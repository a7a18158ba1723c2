/**
 * The report's options, read and validated once, before any item is read: every accumulator gets the same
 * settled values. Options in money (credit sales, beginning receivables) are read in the reporting currency's
 * minor units, so they wait for that currency (given, or the first valid invoice's): `moneySettings`.
 */
import { calendarDateIn, dayNumber, isValidTimeZone, AsOfCalendar } from '../dates';
import { LateFeePolicySchema, type LateFeePolicy } from '../fees/lateFee';
import { toMinor } from '../money';
import type { PaymentStateOptions } from '../state';
import { requireCurrency } from './fx';
import { monthIndexOf, monthText, parseMonthKey } from './read';
import type { CollectionsReportOptions, ReportRenderName } from './types';

export const DEFAULT_STALLED_DAYS = 14;
export const DEFAULT_PERIOD_MONTHS = 3;
export const DEFAULT_TOP_COUNT = 10;

export interface ReportSettings {
	readonly options: CollectionsReportOptions;
	readonly timezone: string;
	readonly asOf: Date | string | number;
	/** The report's calendar day in its zone, and its day number. */
	readonly asOfDate: string;
	readonly asOfDay: number;
	readonly locale: string;
	readonly stalledDays: number;
	readonly periodMonths: number;
	readonly topCount: number;
	readonly fxRates: Record<string, number | string>;
	/** The reporting currency when given; otherwise the first valid invoice's (decided while reading the items). */
	readonly currency: string | null;
	/** Month indexes of the period's first month and of the as-of month; the day the period starts. */
	readonly firstMonth: number;
	readonly asOfMonth: number;
	readonly periodStartDay: number;
	readonly stateOptions: PaymentStateOptions;
	/** The as-of date in each customer's zone (a payment state computed for another day is recomputed). */
	readonly calendar: AsOfCalendar;
	/** The late-fee policy, parsed; null when the report shows no late fees. */
	readonly lateFees: LateFeePolicy | null;
	readonly wanted: (name: ReportRenderName | 'statements') => boolean;
}

/** The options, checked; a RangeError that says what to fix for a bad one. */
export function readReportOptions(options: CollectionsReportOptions = {}): ReportSettings {
	const timezone = options.timezone && isValidTimeZone(options.timezone) ? options.timezone : 'UTC';
	if (options.timezone && timezone !== options.timezone)
		throw new RangeError(
			`time zone "${options.timezone}" is not an IANA zone (e.g. Europe/Berlin)`,
		);
	const asOf = options.asOf ?? new Date();
	const asOfDate = calendarDateIn(asOf, timezone);
	const asOfDay = dayNumber(asOfDate)!;
	const stalledDays = options.stalledDays ?? DEFAULT_STALLED_DAYS;
	if (!(Number.isInteger(stalledDays) && stalledDays >= 1))
		throw new RangeError(`stalledDays must be a whole number ≥ 1 (got ${stalledDays})`);
	const periodMonths = options.periodMonths ?? DEFAULT_PERIOD_MONTHS;
	if (!(Number.isInteger(periodMonths) && periodMonths >= 1 && periodMonths <= 60)) {
		throw new RangeError(`periodMonths must be a whole number from 1 to 60 (got ${periodMonths})`);
	}
	// The period: the as-of month (days elapsed, as-of day included) and the N − 1 months before it.
	const asOfMonth = monthIndexOf(asOfDate);
	const firstMonth = asOfMonth - periodMonths + 1;
	let lateFees: LateFeePolicy | null = null;
	if (options.lateFees) {
		const parsed = LateFeePolicySchema.safeParse(options.lateFees);
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			throw new RangeError(`lateFees.${issue.path.join('.')}: ${issue.message}`);
		}
		lateFees = parsed.data;
	}
	return {
		options,
		timezone,
		asOf,
		asOfDate,
		asOfDay,
		locale: options.locale || 'en-US',
		stalledDays,
		periodMonths,
		topCount: Math.max(0, Math.min(options.topCount ?? DEFAULT_TOP_COUNT, 1000)),
		fxRates: options.fxRates ?? {},
		currency: options.currency ? requireCurrency(options.currency) : null,
		firstMonth,
		asOfMonth,
		periodStartDay: dayNumber(`${monthText(firstMonth)}-01`)!,
		stateOptions: { asOf, timezone, highValue: options.highValue },
		calendar: new AsOfCalendar(asOf, timezone),
		lateFees,
		wanted: (name) => renderWanted(options, name),
	};
}

export interface MoneySettings {
	/** Credit sales per month index (minor units of the reporting currency), when given. */
	creditSales: Map<number, number> | null;
	/** Months of the period the given credit sales leave out (each is a note). */
	missingMonths: string[];
	beginningMinor: number | null;
}

/** The options in money, in minor units of the reporting currency once it is known. */
export function moneySettings(settings: ReportSettings, currency: string): MoneySettings {
	const { options } = settings;
	let creditSales: Map<number, number> | null = null;
	const missingMonths: string[] = [];
	if (
		options.creditSalesByMonth !== undefined &&
		Object.keys(options.creditSalesByMonth).length > 0
	) {
		creditSales = new Map();
		for (const [key, value] of Object.entries(options.creditSalesByMonth)) {
			const month = parseMonthKey(key);
			if (month === null)
				throw new RangeError(`creditSalesByMonth: "${key}" is not a month (YYYY-MM)`);
			const minor = toMinor(value, currency);
			if (minor === null || minor < 0)
				throw new RangeError(
					`creditSalesByMonth["${key}"]: "${String(value)}" is not an amount ≥ 0`,
				);
			creditSales.set(month, minor);
		}
		for (let month = settings.firstMonth; month <= settings.asOfMonth; month++)
			if (!creditSales.has(month)) missingMonths.push(monthText(month));
	}
	let beginningMinor: number | null = null;
	const beginning = options.beginningReceivables;
	if (beginning !== undefined && beginning !== null && beginning !== '') {
		beginningMinor = toMinor(beginning, currency);
		if (beginningMinor === null)
			throw new RangeError(`beginningReceivables "${String(beginning)}" is not an amount`);
	}
	return { creditSales, missingMonths, beginningMinor };
}

function renderWanted(
	options: CollectionsReportOptions,
	name: ReportRenderName | 'statements',
): boolean {
	const renders = options.renders;
	// Statements are one message per customer: produced only when asked for by name.
	if (name === 'statements') return typeof renders === 'object' && renders.statements === true;
	if (renders === undefined || renders === true) return true;
	if (renders === false) return false;
	return renders[name] ?? false;
}
