/**
 * Calendar dates as `YYYY-MM-DD` strings and whole-day arithmetic on them.
 * Day arithmetic works on "day numbers" (days since 1970-01-01) so per-item work never builds a luxon DateTime;
 * luxon is used once per time zone to find what day it is there.
 */
import { DateTime, IANAZone } from 'luxon';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** ISO timestamps that say their own offset; date-only or offset-less text is local time to luxon, UTC to Date.parse. */
const ISO_WITH_OFFSET =
	/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Invoices share due dates, so parsed dates are remembered (bounded, cleared when full). */
const dayCache = new Map<string, number | null>();

/** Days since 1970-01-01 for a valid `YYYY-MM-DD`, or null (so "2026-02-31" is null). */
export function dayNumber(date: string): number | null {
	let day = dayCache.get(date);
	if (day === undefined) {
		day = parseDayNumber(date);
		if (dayCache.size >= 50_000) dayCache.clear();
		dayCache.set(date, day);
	}
	return day;
}

function parseDayNumber(date: string): number | null {
	const match = ISO_DATE.exec(date);
	if (!match) return null;
	const year = Number(match[1]);
	const month = Number(match[2]);
	const day = Number(match[3]);
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
	return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function isCalendarDate(value: unknown): value is string {
	return typeof value === 'string' && dayNumber(value) !== null;
}

/** The `YYYY-MM-DD` of a day number. */
export function dateOfDay(day: number): string {
	return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
	return dateOfDay(requireDay(date) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
	return requireDay(to) - requireDay(from);
}

/** 0 = Monday … 6 = Sunday, as ISO weekdays minus one. */
export function weekdayIndex(date: string): number {
	return (requireDay(date) + 3) % 7;
}

export function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function requireDay(date: string): number {
	const day = dayNumber(date);
	if (day === null) throw new RangeError(`"${date}" is not a calendar date (YYYY-MM-DD)`);
	return day;
}

const zoneValidity = new Map<string, boolean>();

/** True for an IANA zone luxon knows ("Europe/Berlin"); cached because it is asked per item. */
export function isValidTimeZone(zone: string): boolean {
	let valid = zoneValidity.get(zone);
	if (valid === undefined) {
		valid = IANAZone.isValidZone(zone);
		zoneValidity.set(zone, valid);
	}
	return valid;
}

/** Accepts a Date, an ISO timestamp or a `YYYY-MM-DD`; returns epoch milliseconds or null. */
export function toInstant(value: Date | string | number): number | null {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	// ISO text is what sources send; Date.parse reads it without building a DateTime (it is asked per invoice).
	if (ISO_WITH_OFFSET.test(value)) {
		const millis = Date.parse(value);
		if (!Number.isNaN(millis)) return millis;
	}
	const parsed = DateTime.fromISO(value, { setZone: true });
	return parsed.isValid ? parsed.toMillis() : null;
}

/**
 * The calendar date an instant falls on in a zone. A bare `YYYY-MM-DD` is taken as that date in every zone,
 * which is what a user means by "as of 2026-11-20".
 */
export function calendarDateIn(instant: Date | string | number, zone: string): string {
	if (typeof instant === 'string' && ISO_DATE.test(instant)) {
		if (dayNumber(instant) === null) throw new RangeError(`"${instant}" is not a calendar date`);
		return instant;
	}
	const millis = toInstant(instant);
	if (millis === null) throw new RangeError(`"${String(instant)}" is not a date or timestamp`);
	const date = DateTime.fromMillis(millis, { zone }).toISODate();
	if (!date) throw new RangeError(`"${zone}" is not a time zone`);
	return date;
}

/**
 * Memoises "what day is it in zone Z" for one as-of instant, so a batch of 100k invoices
 * pays for luxon once per distinct zone instead of once per invoice.
 */
export class AsOfCalendar {
	private readonly byZone = new Map<string, string>();
	private millis?: number | null;

	constructor(
		readonly asOf: Date | string | number,
		readonly defaultZone = 'UTC',
	) {}

	/** The as-of moment in epoch milliseconds, parsed once. */
	get asOfMillis(): number | null {
		if (this.millis === undefined) this.millis = toInstant(this.asOf);
		return this.millis;
	}

	dateIn(zone: string | undefined): string {
		const key = zone && isValidTimeZone(zone) ? zone : this.defaultZone;
		let date = this.byZone.get(key);
		if (date === undefined) {
			date = calendarDateIn(this.asOf, key);
			this.byZone.set(key, date);
		}
		return date;
	}
}
