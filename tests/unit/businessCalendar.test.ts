import {
	dateOfDay,
	dayNumber,
	escalationSlaCalendar,
	evaluateEscalation,
	isBusinessDay,
	resolvePolicy,
	type EscalationTriage,
	resolveHolidayPlace,
	windowSpec,
	type EscalationRulesInput,
	type HolidayPlace,
} from '../../src';
import { EscalationSlaSchema } from '../../src/escalation/schema';
import { sampleInvoice } from '../helpers/invoices';

/** A legal threat: P1, 4 business hours, so a deadline from 15:00 runs into the next business day. */
function legalThreat(customer: { country?: string; region?: string } = {}) {
	const invoice = sampleInvoice();
	return {
		invoice: { ...invoice, customer: { ...invoice.customer, ...customer } },
		triage: {
			intent: 'legal_threat',
			intents: ['legal_threat'],
			confidence: 0.95,
			escalate: true,
			stopCadence: true,
			extracted: {},
			evidence: [],
			summary: 'Customer reply classified as legal_threat.',
		} as EscalationTriage,
	};
}

function dueBy(
	customer: { country?: string; region?: string },
	asOf: string,
	sla: NonNullable<EscalationRulesInput['sla']>,
): string | undefined {
	return evaluateEscalation(legalThreat(customer), { sla }, { asOf }).dueBy;
}

describe('SLA deadlines on the one business calendar', () => {
	it('skips the weekend: Friday 15:00 + 4 business hours is Monday 11:00', () => {
		expect(dueBy({}, '2026-11-20T15:00:00Z', {})).toBe('2026-11-23T11:00:00Z');
	});

	it('accepts the cadence weekday names as well as ISO numbers', () => {
		const sla = { workdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as never };
		expect(dueBy({}, '2026-11-20T15:00:00Z', sla)).toBe('2026-11-21T11:00:00Z');
		expect(EscalationSlaSchema.parse({ workdays: ['mon', 'sun'] }).workdays).toEqual([1, 7]);
	});

	it('US: Thanksgiving (Thursday 26 November) stops the clock, from the customer country', () => {
		const sla = { timezone: 'America/New_York', publicHolidays: { fromCustomer: true } };
		// Wednesday 25 November, 15:00 New York.
		expect(dueBy({ country: 'US' }, '2026-11-25T20:00:00Z', sla)).toBe('2026-11-27T11:00:00-05:00');
		// Without public holidays (the default) Thursday is a business day, as before.
		expect(dueBy({ country: 'US' }, '2026-11-25T20:00:00Z', { timezone: 'America/New_York' })).toBe(
			'2026-11-26T11:00:00-05:00',
		);
	});

	it('GB: Christmas, the weekend and Boxing Day moved to Monday 28 December', () => {
		const sla = { timezone: 'Europe/London', publicHolidays: { fromCustomer: true } };
		// Thursday 24 December, 15:00 London.
		expect(dueBy({ country: 'United Kingdom' }, '2026-12-24T15:00:00Z', sla)).toBe(
			'2026-12-29T11:00:00+00:00',
		);
	});

	it('DE, one state: Epiphany (6 January) counts in Bavaria, not in Berlin', () => {
		const sla = { timezone: 'Europe/Berlin', publicHolidays: { fromCustomer: true } };
		// Monday 5 January, 15:00 Berlin.
		const asOf = '2026-01-05T14:00:00Z';
		expect(dueBy({ country: 'DE', region: 'BY' }, asOf, sla)).toBe('2026-01-07T11:00:00+01:00');
		expect(dueBy({ country: 'DE', region: 'BE' }, asOf, sla)).toBe('2026-01-06T11:00:00+01:00');
	});

	it("FR: Armistice Day (11 November), from the policy's country when the customer names none", () => {
		const sla = { timezone: 'Europe/Paris', publicHolidays: { country: 'FR' } };
		// Tuesday 10 November, 15:00 Paris.
		expect(dueBy({}, '2026-11-10T14:00:00Z', sla)).toBe('2026-11-12T11:00:00+01:00');
	});

	it("adds the policy's own days off to the public holidays", () => {
		const sla = {
			timezone: 'Europe/Paris',
			holidays: ['2026-11-12'],
			publicHolidays: { country: 'FR' },
		};
		expect(dueBy({}, '2026-11-10T14:00:00Z', sla)).toBe('2026-11-13T11:00:00+01:00');
	});
});

describe('cadence send window and SLA agree on what a business day is', () => {
	const places: HolidayPlace[] = [
		{ country: 'US' },
		resolveHolidayPlace('England')!,
		{ country: 'DE', region: 'BY' },
		{ country: 'FR' },
	];
	const policy = { ...resolvePolicy('standard-5'), holidays: ['2026-08-14'] };
	const sla = EscalationSlaSchema.parse({ holidays: ['2026-08-14'] });

	it.each(places)('every day of 2026 in %j', (place) => {
		const spec = windowSpec(policy, place);
		const calendar = escalationSlaCalendar(sla, place);
		const first = dayNumber('2026-01-01')!;
		const disagree: string[] = [];
		for (let day = first; day < first + 365; day++)
			if (isBusinessDay(day, spec) !== isBusinessDay(day, calendar)) disagree.push(dateOfDay(day));
		expect(disagree).toEqual([]);
		expect(isBusinessDay(dayNumber('2026-08-14')!, calendar)).toBe(false);
		expect(isBusinessDay(dayNumber('2026-12-25')!, calendar)).toBe(false);
		expect(isBusinessDay(dayNumber('2026-12-26')!, calendar)).toBe(false); // a Saturday
	});
});
