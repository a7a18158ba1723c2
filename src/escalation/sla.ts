/**
 * SLA deadlines in business hours. The deadline depends only on (as-of instant, zone, priority), so a batch
 * computes it once: luxon reads the local wall clock once per zone and writes one instant per priority; the
 * walk over business days is integer day-number arithmetic.
 */
import { DateTime } from 'luxon';

import { dateOfDay, dayNumber, isValidTimeZone, weekdayIndex } from '../dates';
import type { EscalationPriority, EscalationSla } from './schema';

function minutesOf(hhmm: string): number {
	return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

export interface LocalMoment {
	day: number;
	minute: number;
}

/**
 * Adds business minutes to a local wall-clock moment. Pure: no zone, no luxon.
 * A moment outside business hours starts counting at the next opening.
 */
export function addBusinessMinutes(
	from: LocalMoment,
	minutes: number,
	sla: EscalationSla,
): LocalMoment {
	const start = minutesOf(sla.start);
	const end = minutesOf(sla.end);
	const workdays = new Set(sla.workdays);
	const holidays = new Set(
		sla.holidays.map((date) => dayNumber(date)).filter((day): day is number => day !== null),
	);
	const isWorkday = (day: number) =>
		workdays.has(weekdayIndex(dateOfDay(day)) + 1) && !holidays.has(day);

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

	constructor(
		readonly asOfMillis: number,
		private readonly sla: EscalationSla,
	) {}

	private zone(): string {
		return isValidTimeZone(this.sla.timezone) ? this.sla.timezone : 'UTC';
	}

	dueBy(priority: EscalationPriority): { dueBy: string; hours: number } {
		const hours = this.sla.hours[priority];
		const zone = this.zone();
		const key = `${zone}|${priority}`;
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
			const end = addBusinessMinutes(now, hours * 60, this.sla);
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
