/**
 * SLA deadlines in business hours, on the one business calendar (src/cadence/calendar.ts): the same weekdays,
 * holidays and public holidays of a place as the cadence send window. The deadline depends only on (as-of instant,
 * zone, priority, holiday place), so a batch computes it once: luxon reads the local wall clock once per zone and
 * writes one instant per priority; the walk over business days is integer day-number arithmetic.
 */
import { DateTime } from 'luxon';

import {
	businessCalendar,
	isBusinessDay,
	minutesOf,
	weekdayOfIso,
	type BusinessCalendar,
} from '../cadence/calendar';
import { holidayPlaceFor, type HolidayPlace } from '../cadence/holidays';
import { dateOfDay, dayNumber, isValidTimeZone } from '../dates';
import type { EscalationPriority, EscalationSla } from './schema';

export interface LocalMoment {
	day: number;
	minute: number;
}

/** The SLA's business calendar: its workdays, its own days off, and the public holidays of `place`. */
export function slaCalendar(sla: EscalationSla, place?: HolidayPlace): BusinessCalendar {
	return businessCalendar(sla.workdays.map(weekdayOfIso), sla.holidays, place);
}

/** Where the SLA's public holidays come from for one customer (none unless the SLA settings name a source). */
export function slaHolidayPlace(
	sla: EscalationSla,
	customer: { country?: string; region?: string; locale?: string } | undefined,
): HolidayPlace | undefined {
	return holidayPlaceFor(customer ?? {}, sla.publicHolidays);
}

/**
 * Adds business minutes to a local wall-clock moment. Pure: no zone, no luxon.
 * A moment outside business hours starts counting at the next opening.
 */
export function addBusinessMinutes(
	from: LocalMoment,
	minutes: number,
	sla: EscalationSla,
	calendar: BusinessCalendar = slaCalendar(sla),
): LocalMoment {
	const start = minutesOf(sla.start);
	const end = minutesOf(sla.end);
	const isWorkday = (day: number) => isBusinessDay(day, calendar);

	let { day, minute } = from;
	if (!isWorkday(day) || minute >= end) {
		day += 1;
		minute = start;
	} else if (minute < start) {
		minute = start;
	}
	// 3660 days guards against a configuration with every workday a holiday.
	for (let guard = 0; guard < 3660 && !isWorkday(day); guard++) day += 1;

	let remaining = Math.round(minutes);
	for (let guard = 0; guard < 3660; guard++) {
		const available = end - minute;
		if (remaining <= available) return { day, minute: minute + remaining };
		remaining -= available;
		day += 1;
		while (!isWorkday(day)) day += 1;
		minute = start;
	}
	return { day, minute };
}

/** Memoised SLA deadlines for one as-of instant. */
export class SlaClock {
	private readonly local = new Map<string, LocalMoment>();
	private readonly due = new Map<string, string>();
	private readonly calendars = new Map<string, BusinessCalendar>();

	constructor(
		readonly asOfMillis: number,
		private readonly sla: EscalationSla,
	) {}

	private zone(): string {
		return isValidTimeZone(this.sla.timezone) ? this.sla.timezone : 'UTC';
	}

	/** The deadline for a priority; `place` adds that place's public holidays (see slaHolidayPlace). */
	dueBy(priority: EscalationPriority, place?: HolidayPlace): { dueBy: string; hours: number } {
		const hours = this.sla.hours[priority];
		const zone = this.zone();
		const placeKey = place ? `${place.country}|${place.region ?? ''}` : '';
		const key = `${zone}|${priority}|${placeKey}`;
		let dueBy = this.due.get(key);
		if (dueBy === undefined) {
			let now = this.local.get(zone);
			if (!now) {
				const local = DateTime.fromMillis(this.asOfMillis, { zone });
				now = {
					day: dayNumber(local.toISODate()!)!,
					minute: local.hour * 60 + local.minute + (local.second > 0 ? 1 : 0),
				};
				this.local.set(zone, now);
			}
			let calendar = this.calendars.get(placeKey);
			if (!calendar) {
				calendar = slaCalendar(this.sla, place);
				this.calendars.set(placeKey, calendar);
			}
			const end = addBusinessMinutes(now, hours * 60, this.sla, calendar);
			const [year, month, day] = dateOfDay(end.day).split('-').map(Number);
			dueBy = DateTime.fromObject(
				{ year, month, day, hour: Math.floor(end.minute / 60), minute: end.minute % 60 },
				{ zone },
			).toISO({ suppressMilliseconds: true })!;
			this.due.set(key, dueBy);
		}
		return { dueBy, hours };
	}
}
