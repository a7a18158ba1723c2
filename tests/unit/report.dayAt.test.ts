/** The report's allocation-free date reader agrees with dayNumber on every day and on malformed text. */
import { dateOfDay, dayNumber } from '../../src/dates';
import { dayAt, dayOfInstant } from '../../src/report/read';

describe('dayAt', () => {
	it('reads every calendar day from 1600 to 2400 as dayNumber does', () => {
		for (let day = dayNumber('1600-01-01')!; day <= dayNumber('2400-12-31')!; day += 1) {
			const date = dateOfDay(day);
			if (dayAt(date) !== day) throw new Error(`${date}: ${dayAt(date)} ≠ ${day}`);
		}
	});

	it('refuses what dayNumber refuses', () => {
		for (const text of [
			'2026-02-29',
			'2024-02-30',
			'1900-02-29',
			'2026-13-01',
			'2026-00-10',
			'2026-04-31',
			'2026-4-01x',
			'2026/04/01',
			'20a6-04-01',
			'',
			'2026-04-0',
		])
			expect(dayAt(text)).toBe(dayNumber(text));
		expect(dayAt('2000-02-29')).toBe(dayNumber('2000-02-29'));
		expect(dayAt('0050-03-01')).toBe(dayNumber('0050-03-01'));
	});

	it('reads the day of a UTC timestamp without slicing it', () => {
		expect(dayOfInstant('2026-11-22T23:59:59Z')).toBe(dayNumber('2026-11-22'));
		expect(dayOfInstant('2026-11-22T23:30:00+05:00')).toBe(dayNumber('2026-11-22'));
		expect(dayOfInstant('2026-02-30T10:00:00Z')).toBeNull();
	});
});
