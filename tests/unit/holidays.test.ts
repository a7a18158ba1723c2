import {
	addBusinessDays,
	dateOfDay,
	dayNumber,
	holidayPlaceFor,
	parsePolicy,
	planCadenceStep,
	publicHolidayDays,
	resolveHolidayPlace,
	windowSpec,
	type CadencePolicyInput,
	type HolidayPlace,
	type Invoice,
} from '../../src';
import { sampleInvoice } from '../helpers/invoices';

const datesOf = (place: HolidayPlace, year: number) =>
	[...publicHolidayDays(place, year)].sort((a, b) => a - b).map(dateOfDay);

describe('public holidays by country and region, 2026 (written out from the official calendars)', () => {
	it('United States (federal), with Independence Day observed on Friday July 3', () => {
		expect(datesOf({ country: 'US' }, 2026)).toEqual([
			'2026-01-01',
			'2026-01-19',
			'2026-02-16',
			'2026-05-25',
			'2026-06-19',
			'2026-07-03',
			'2026-07-04',
			'2026-09-07',
			'2026-10-12',
			'2026-11-11',
			'2026-11-26',
			'2026-12-25',
		]);
	});

	it('England: bank holidays, Boxing Day on a Saturday moves to Monday 28 December', () => {
		expect(datesOf(resolveHolidayPlace('England')!, 2026)).toEqual([
			'2026-01-01',
			'2026-04-03',
			'2026-04-06',
			'2026-05-04',
			'2026-05-25',
			'2026-08-31',
			'2026-12-25',
			'2026-12-26',
			'2026-12-28',
		]);
	});

	it('Germany, Bavaria: Epiphany, Corpus Christi and All Saints besides the nationwide days', () => {
		const bavaria = resolveHolidayPlace('Germany', 'Bayern')!;
		expect(bavaria).toEqual({ country: 'DE', region: 'BY' });
		expect(datesOf(bavaria, 2026)).toEqual([
			'2026-01-01',
			'2026-01-06',
			'2026-04-03',
			'2026-04-06',
			'2026-05-01',
			'2026-05-14',
			'2026-05-25',
			'2026-06-04',
			'2026-10-03',
			'2026-11-01',
			'2026-12-25',
			'2026-12-26',
		]);
		// Berlin keeps none of the three, and has International Women's Day instead.
		const berlin = datesOf({ country: 'DE', region: 'BE' }, 2026);
		expect(berlin).not.toContain('2026-06-04');
		expect(berlin).toContain('2026-03-08');
	});

	it('France', () => {
		expect(datesOf(resolveHolidayPlace('FR')!, 2026)).toEqual([
			'2026-01-01',
			'2026-04-06',
			'2026-05-01',
			'2026-05-08',
			'2026-05-14',
			'2026-05-25',
			'2026-07-14',
			'2026-08-15',
			'2026-11-01',
			'2026-11-11',
			'2026-12-25',
		]);
	});

	it('Australia, New South Wales: the King’s Birthday and Labour Day besides the national days', () => {
		expect(datesOf(resolveHolidayPlace('Australia', 'New South Wales')!, 2026)).toEqual([
			'2026-01-01',
			'2026-01-26',
			'2026-04-03',
			'2026-04-04',
			'2026-04-05',
			'2026-04-06',
			'2026-04-25',
			'2026-04-27',
			'2026-06-08',
			'2026-10-05',
			'2026-12-25',
			'2026-12-26',
			'2026-12-28',
		]);
	});
});

describe('where a customer lives', () => {
	it.each([
		[['DE', 'DE-BY'], { country: 'DE', region: 'BY' }],
		[['USA', 'California'], { country: 'US', region: 'CA' }],
		[['Canada', 'Ontario'], { country: 'CA', region: 'ON' }],
		[['gb', undefined], { country: 'GB' }],
		[['Netherlands', 'Atlantis'], { country: 'NL' }],
		[[undefined, undefined, 'fr-FR'], { country: 'FR' }],
	] as Array<[[string?, string?, string?], HolidayPlace]>)('%j → %j', (args, place) => {
		expect(resolveHolidayPlace(...args)).toEqual(place);
	});

	it('an unknown country has no public holidays, and the policy default stands in', () => {
		expect(resolveHolidayPlace('Atlantis')).toBeUndefined();
		const policy = parsePolicy({
			steps: [{ id: 'a', offsetDays: 0, channel: 'email', tone: 'neutral', template: 'due-today' }],
			publicHolidays: { country: 'AU', region: 'NSW' },
		});
		expect(holidayPlaceFor({ country: 'Atlantis' }, policy.publicHolidays)).toEqual({
			country: 'AU',
			region: 'NSW',
		});
		expect(
			holidayPlaceFor({ country: 'DE' }, { ...policy.publicHolidays, fromCustomer: false }),
		).toEqual({ country: 'AU', region: 'NSW' });
	});
});

describe('business days and send windows use the customer’s holidays', () => {
	const base: CadencePolicyInput = {
		name: 'holiday-aware',
		steps: [{ id: 'due', offsetDays: 0, channel: 'email', tone: 'neutral', template: 'due-today' }],
		holidays: ['2026-12-31'],
	};

	function customer(country: string, region: string | undefined, dueOn: string): Invoice {
		return sampleInvoice({
			dueOn,
			customer: { id: 'c', name: 'Kunde AG', timezone: 'Europe/Berlin', country, region },
		});
	}

	it('Corpus Christi holds a Bavarian customer’s reminder to the next business day, not a Berliner’s', () => {
		const asOf = '2026-06-04T08:00:00Z';
		const bavarian = planCadenceStep(customer('DE', 'BY', '2026-06-04'), base, { asOf });
		expect(bavarian).toMatchObject({
			action: 'wait',
			nextEligibleAt: '2026-06-05T09:00:00.000+02:00',
		});
		expect(planCadenceStep(customer('DE', 'BE', '2026-06-04'), base, { asOf }).action).toBe('send');
	});

	it('counts business days past Christmas, the substitute Boxing Day and the policy’s own days', () => {
		const policy = parsePolicy(base);
		const england = windowSpec(policy, resolveHolidayPlace('GB', 'ENG'));
		const day = (date: string) => dayNumber(date)!;
		// Thu 24 Dec + 1 business day: 25 (holiday), 26-27 (weekend), 28 (substitute) → Tue 29.
		expect(dateOfDay(addBusinessDays(day('2026-12-24'), 1, england))).toBe('2026-12-29');
		// The policy's own 31 December is skipped too: Wed 30 → Fri 1 Jan is New Year → Mon 4 Jan 2027.
		expect(dateOfDay(addBusinessDays(day('2026-12-30'), 1, england))).toBe('2027-01-04');
		// Without a place only the policy's days count.
		expect(dateOfDay(addBusinessDays(day('2026-12-24'), 1, windowSpec(policy)))).toBe('2026-12-25');
	});
});
