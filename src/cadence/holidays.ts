/**
 * Public holidays where the customer lives, from `date-holidays` (200 countries and their regions), plus the days a
 * policy adds. The library loads on first use and each (country, region, year) is computed once; a lookup per day is
 * a set probe.
 */
import type HolidaysLibrary from 'date-holidays';
import { z } from 'zod';

import { dayNumber } from '../dates';

export const PublicHolidaysSchema = z.object({
	/** Use the customer's country and region (customer.country / region, else the region of customer.locale). */
	fromCustomer: z.boolean().default(true),
	/** Country (ISO 3166-1 alpha-2 or its name) when the customer names none; unset: no public holidays then. */
	country: z.string().min(2).optional(),
	/** Region of that country (ISO 3166-2 subdivision such as "BY" or "DE-BY", or its name). */
	region: z.string().min(1).optional(),
});
export type PublicHolidaysPolicy = z.infer<typeof PublicHolidaysSchema>;

/** A country and, where it matters, one of its regions, as date-holidays names them ("DE", "BY"). */
export interface HolidayPlace {
	country: string;
	region?: string;
}

/** Whether a day (src/dates day number) is a holiday. */
export interface HolidayCheck {
	has(day: number): boolean;
}

type HolidaysConstructor = typeof HolidaysLibrary;
let Holidays: HolidaysConstructor | undefined;

function library(): HolidaysConstructor {
	if (!Holidays) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		Holidays = require('date-holidays') as HolidaysConstructor;
	}
	return Holidays;
}

/** Names people and systems use for a country that are neither its code nor its English name. */
const COUNTRY_ALIASES: Readonly<Record<string, string>> = {
	usa: 'US',
	'u.s.': 'US',
	'u.s.a.': 'US',
	'united states of america': 'US',
	uk: 'GB',
	'u.k.': 'GB',
	'great britain': 'GB',
	england: 'GB',
	scotland: 'GB',
	wales: 'GB',
	'northern ireland': 'GB',
	holland: 'NL',
	deutschland: 'DE',
};

/** England, Scotland, Wales and Northern Ireland keep different bank holidays: the name is the region too. */
const GB_NATIONS: Readonly<Record<string, string>> = {
	england: 'ENG',
	scotland: 'SCT',
	wales: 'WLS',
	'northern ireland': 'NIR',
};

/** Country codes date-holidays knows, and their English and native names (lower case) → code. */
let countryIndex: { codes: Set<string>; names: Map<string, string> } | undefined;

function countries(): { codes: Set<string>; names: Map<string, string> } {
	if (!countryIndex) {
		const index = { codes: new Set<string>(), names: new Map<string, string>() };
		const holidays = new (library())();
		for (const language of ['en', undefined]) {
			const known = holidays.getCountries(language) as Record<string, string>;
			for (const [code, countryName] of Object.entries(known)) {
				index.codes.add(code);
				index.names.set(countryName.toLowerCase(), code);
			}
		}
		countryIndex = index;
	}
	return countryIndex;
}

const regionNames = new Map<string, Map<string, string>>();

function regionOf(country: string, text: string): string | undefined {
	let names = regionNames.get(country);
	if (!names) {
		names = new Map();
		const holidays = new (library())();
		for (const language of ['en', undefined]) {
			const states = (holidays.getStates(country, language) ?? {}) as Record<string, string>;
			for (const [code, stateName] of Object.entries(states)) {
				names.set(code.toLowerCase(), code);
				names.set(stateName.toLowerCase(), code);
			}
		}
		regionNames.set(country, names);
	}
	const cleaned = text.trim().toLowerCase();
	const withoutCountry = cleaned.startsWith(`${country.toLowerCase()}-`)
		? cleaned.slice(country.length + 1)
		: cleaned;
	return names.get(withoutCountry) ?? names.get(cleaned);
}

const places = new Map<string, HolidayPlace | null>();

/**
 * The holiday place for a country text ("DE", "Germany", "USA"), a region text ("BY", "DE-BY", "Bayern", "Ontario")
 * and, when there is no country, a locale's region ("de-AT" → AT). Unknown countries give undefined; an unknown
 * region gives the country's nationwide holidays.
 */
export function resolveHolidayPlace(
	country: string | undefined,
	region?: string,
	locale?: string,
): HolidayPlace | undefined {
	const key = `${country ?? ''}|${region ?? ''}|${locale ?? ''}`;
	const cached = places.get(key);
	if (cached !== undefined) return cached ?? undefined;
	let code: string | undefined;
	let nation: string | undefined;
	if (country) {
		const cleaned = country.trim();
		const lower = cleaned.toLowerCase();
		if (/^[a-z]{2}$/i.test(cleaned)) code = cleaned.toUpperCase();
		else code = COUNTRY_ALIASES[lower] ?? countries().names.get(lower);
		nation = GB_NATIONS[lower];
	} else if (locale) {
		const match = /^[a-z]{2,3}[-_](?:[a-z]{4}[-_])?([a-z]{2})\b/i.exec(locale.trim());
		if (match) code = match[1].toUpperCase();
	}
	let place: HolidayPlace | null = null;
	if (code && countries().codes.has(code)) {
		const regionCode = region ? regionOf(code, region) : nation;
		place = regionCode ? { country: code, region: regionCode } : { country: code };
	}
	places.set(key, place);
	return place ?? undefined;
}

const yearDays = new Map<string, ReadonlySet<number>>();

/** Public holidays (type "public") of a place in one year, as day numbers. */
export function publicHolidayDays(place: HolidayPlace, year: number): ReadonlySet<number> {
	const key = `${place.country}|${place.region ?? ''}|${year}`;
	let days = yearDays.get(key);
	if (!days) {
		const holidays = place.region
			? new (library())(place.country, place.region)
			: new (library())(place.country);
		const set = new Set<number>();
		for (const holiday of holidays.getHolidays(year) ?? []) {
			if (holiday.type !== 'public') continue;
			const day = dayNumber(holiday.date.slice(0, 10));
			if (day !== null) set.add(day);
		}
		days = set;
		yearDays.set(key, days);
	}
	return days;
}

const MS_PER_DAY = 86_400_000;

/** The place's public holidays (year by year, as asked) and the policy's own days. */
export function holidayCheck(
	place: HolidayPlace | undefined,
	ownDays: ReadonlySet<number>,
): HolidayCheck {
	if (!place) return ownDays;
	let year = Number.NaN;
	let days: ReadonlySet<number> = new Set();
	return {
		has(day: number): boolean {
			if (ownDays.has(day)) return true;
			const dayYear = new Date(day * MS_PER_DAY).getUTCFullYear();
			if (dayYear !== year) {
				year = dayYear;
				days = publicHolidayDays(place, dayYear);
			}
			return days.has(day);
		},
	};
}

/** Where a customer's holidays come from under a policy: the customer's own country first, else the policy's. */
export function holidayPlaceFor(
	customer: { country?: string; region?: string; locale?: string },
	policy: PublicHolidaysPolicy,
): HolidayPlace | undefined {
	if (policy.fromCustomer && (customer.country || customer.locale)) {
		const place = resolveHolidayPlace(customer.country, customer.region, customer.locale);
		if (place) return place;
	}
	return policy.country ? resolveHolidayPlace(policy.country, policy.region) : undefined;
}
