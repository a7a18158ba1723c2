/**
 * Date rules of reply triage (src/triage/dates.ts), one case per rule, against the label guide's house conventions
 * (tests/fixtures/replies/LABELS.md). Reference: Monday 2026-11-23 unless a case says otherwise.
 */
import { findDates } from '../../src/triage';
import { normalise } from '../../src/triage/text';

const MONDAY = '2026-11-23';

function first(text: string, order: 'mdy' | 'dmy' = 'dmy', reference = MONDAY): string | undefined {
	return findDates(normalise(text), reference, order)[0]?.date;
}

describe('weeks', () => {
	it.each([
		// "this week" names no day: no promised date (the guide sets one only when it resolves without doubt).
		['we will pay this week', undefined],
		['Zahlung kommt diese Woche noch', undefined],
		['Le règlement interviendra cette semaine', undefined],
		['Esta semana queda pagado', undefined],
		['Betaling volgt deze week', undefined],
		['early next week', undefined],
		// A bare "next week" is its Friday; "end of next week" is the Friday of next week.
		['next week', '2026-12-04'],
		['by the end of next week', '2026-12-04'],
		// A week and a weekday: that weekday of that week.
		['nächste Woche Freitag', '2026-12-04'],
		['volgende week dinsdag', '2026-12-01'],
		['next week Tuesday', '2026-12-01'],
		['diese Woche Mittwoch', '2026-11-25'],
	])('%s → %s', (text, expected) => {
		expect(first(text)).toBe(expected);
	});
});
