/**
 * The one business calendar (cadence send windows and escalation SLA): business days, holidays and the send window,
 * on src/dates day numbers. Weekdays are 0 = Monday … 6 = Sunday everywhere. luxon runs once per zone (what day and
 * time it is there at the as-of instant) and once per zone and day (that day's UTC offset), never once per invoice.
 */
import { DateTime } from 'luxon';

import { dateOfDay, dayNumber, isValidTimeZone, toInstant } from '../dates';
import { holidayCheck, type HolidayCheck, type HolidayPlace } from './holidays';
import { WEEKDAYS, type CadencePolicy, type Weekday } from './policy';

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

export interface ZoneNow {
	zone: string;
	/** Day number of the as-of instant in this zone. */
	today: number;
	/** Minutes since local midnight at the as-of instant. */
	minutes: number;
}

/** Which days are worked: weekday flags (index 0 = Monday) and holidays. */
export interface BusinessCalendar {
	days: readonly boolean[];
	/** The policy's own days, and the public holidays of the place the calendar was made for. */
	holidays: HolidayCheck;
}

/** The window of one policy as numbers: a business calendar and the minutes the window opens and closes. */
export interface WindowSpec extends BusinessCalendar {
	from: number;
	to: number;
}

/** A business calendar from weekday names, `YYYY-MM-DD` days off, and the place whose public holidays count. */
export function businessCalendar(
	days: readonly Weekday[],
	ownDays: readonly string[],
	place?: HolidayPlace,
): BusinessCalendar {
	const own = new Set<number>();
	for (const date of ownDays) {
		const day = dayNumber(date);
		if (day !== null) own.add(day);
	}
	return { days: WEEKDAYS.map((day) => days.includes(day)), holidays: holidayCheck(place, own) };
}

/** The weekday name of an ISO weekday number (1 = Monday … 7 = Sunday), as the SLA settings write them. */
export function weekdayOfIso(iso: number): Weekday {
	return WEEKDAYS[iso - 1];
}

const specs = new WeakMap<CadencePolicy, Map<string, WindowSpec>>();

/** The window of a policy where a customer lives (`place`: their country and region, src/cadence/holidays.ts). */
export function windowSpec(policy: CadencePolicy, place?: HolidayPlace): WindowSpec {
	let byPlace = specs.get(policy);
	if (!byPlace) {
		byPlace = new Map();
		specs.set(policy, byPlace);
	}
	const key = place ? `${place.country}|${place.region ?? ''}` : '';
	let spec = byPlace.get(key);
	if (!spec) {
		const { days, from, to } = policy.sendWindow;
		spec = {
			...businessCalendar(days, policy.holidays, place),
			from: minutesOf(from),
			to: minutesOf(to),
		};
		byPlace.set(key, spec);
	}
	return spec;
}

/** Minutes since midnight of `HH:MM`. */
export function minutesOf(time: string): number {
	return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** 0 = Monday … 6 = Sunday for a day number (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: number): number {
	return (((day + 3) % 7) + 7) % 7;
}

export function isBusinessDay(day: number, calendar: BusinessCalendar): boolean {
	return calendar.days[weekdayOfDay(day)] && !calendar.holidays.has(day);
}

/** The day `offset` business days from `anchor` (offset 0 is the anchor itself, business day or not). */
export function addBusinessDays(anchor: number, offset: number, spec: BusinessCalendar): number {
	if (offset === 0 || !spec.days.some(Boolean)) return anchor;
	const direction = offset > 0 ? 1 : -1;
	let remaining = Math.abs(offset);
	let day = anchor;
	while (remaining > 0) {
		day += direction;
		if (isBusinessDay(day, spec)) remaining--;
	}
	return day;
}

/**
 * Clock of one planning run: one as-of instant, memoised per zone. Batch callers pass the same options object for
 * every item, so one clock (and its luxon work) serves the whole batch.
 */
export class CadenceClock {
	readonly asOfMs: number;
	/** A bare `YYYY-MM-DD` as-of has no time of day: it counts as the moment the send window opens. */
	readonly dateOnly: boolean;
	private readonly zones = new Map<string, ZoneNow>();
	private readonly offsets = new Map<string, Map<number, number>>();
	private readonly isos = new Map<string, Map<number, string>>();
	private readonly dates = new Map<number, string>();

	constructor(readonly asOf: Date | string | number) {
		const millis = toInstant(asOf);
		if (millis === null) throw new RangeError(`asOf "${String(asOf)}" is not a date or timestamp`);
		this.dateOnly = typeof asOf === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(asOf);
		this.asOfMs = millis;
	}

	/** The zone to use: the first valid of the candidates, else UTC. */
	pickZone(...candidates: Array<string | undefined>): string {
		for (const zone of candidates) if (zone && isValidTimeZone(zone)) return zone;
		return 'UTC';
	}

	now(zone: string): ZoneNow {
		let now = this.zones.get(zone);
		if (!now) {
			if (this.dateOnly) {
				now = { zone, today: dayNumber(this.asOf as string)!, minutes: -1 };
			} else {
				const local = DateTime.fromMillis(this.asOfMs, { zone });
				now = {
					zone,
					today: dayNumber(local.toISODate()!)!,
					minutes: local.hour * 60 + local.minute,
				};
			}
			this.zones.set(zone, now);
		}
		return now;
	}

	/** UTC offset in minutes of a zone on a day (taken at local noon, so never inside a 2-3 am DST gap). */
	offsetOn(zone: string, day: number): number {
		let byDay = this.offsets.get(zone);
		if (!byDay) {
			byDay = new Map();
			this.offsets.set(zone, byDay);
		}
		let offset = byDay.get(day);
		if (offset === undefined) {
			offset = DateTime.fromISO(`${this.dateOf(day)}T12:00:00`, { zone }).offset;
			byDay.set(day, offset);
		}
		return offset;
	}

	/** `YYYY-MM-DD` of a day number, memoised (a batch asks for the same few hundred days over and over). */
	dateOf(day: number): string {
		let date = this.dates.get(day);
		if (date === undefined) {
			date = dateOfDay(day);
			this.dates.set(day, date);
		}
		return date;
	}

	/** Epoch milliseconds of local `minutes` on `day` in `zone`. */
	instantOf(zone: string, day: number, minutes: number): number {
		return day * MS_PER_DAY + minutes * MS_PER_MINUTE - this.offsetOn(zone, day) * MS_PER_MINUTE;
	}

	/** Local day and minutes of an instant in a zone. */
	localOf(zone: string, millis: number): { day: number; minutes: number } {
		const guessDay = Math.floor(millis / MS_PER_DAY);
		const local = millis + this.offsetOn(zone, guessDay) * MS_PER_MINUTE;
		const day = Math.floor(local / MS_PER_DAY);
		return { day, minutes: Math.floor((local - day * MS_PER_DAY) / MS_PER_MINUTE) };
	}

	/** ISO timestamp with the zone's offset ("2026-11-23T09:00:00.000+01:00"). */
	isoIn(zone: string, millis: number): string {
		let byInstant = this.isos.get(zone);
		if (!byInstant) {
			byInstant = new Map();
			this.isos.set(zone, byInstant);
		}
		let iso = byInstant.get(millis);
		if (iso === undefined) {
			iso = this.formatIso(zone, millis);
			if (byInstant.size < 100_000) byInstant.set(millis, iso);
		}
		return iso;
	}

	private formatIso(zone: string, millis: number): string {
		const { day } = this.localOf(zone, millis);
		const offset = this.offsetOn(zone, day);
		const shifted = new Date(millis + offset * MS_PER_MINUTE).toISOString().slice(0, 23);
		if (offset === 0) return `${shifted}Z`;
		const sign = offset < 0 ? '-' : '+';
		const abs = Math.abs(offset);
		return `${shifted}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
	}

	/**
	 * The first moment at or after local (`day`, `minutes`) inside the send window, as epoch milliseconds.
	 * Searches at most a year ahead (a window whose every day is a holiday never opens).
	 */
	nextOpen(zone: string, day: number, minutes: number, spec: WindowSpec): number | null {
		let current = day;
		let at = minutes;
		for (let guard = 0; guard < 370; guard++) {
			if (isBusinessDay(current, spec) && at < spec.to) {
				return this.instantOf(zone, current, Math.max(at, spec.from));
			}
			current++;
			at = 0;
		}
		return null;
	}

	/** Whether the as-of moment is inside the window in this zone. */
	inWindow(now: ZoneNow, spec: WindowSpec): boolean {
		if (!isBusinessDay(now.today, spec)) return false;
		if (now.minutes < 0) return true;
		return now.minutes >= spec.from && now.minutes < spec.to;
	}
}
