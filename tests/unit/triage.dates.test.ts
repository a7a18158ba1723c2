/**
 * Date rules of reply triage (src/triage/dates.ts), one case per rule, against the label guide's house conventions
 * (tests/fixtures/replies/LABELS.md). Reference: Monday 2026-11-23 unless a case says otherwise.
 */
import { findDates } from '../../src/triage';
import { promisedDateOf } from '../../src/triage/promised';
import { normalise, sentenceSpans } from '../../src/triage/text';

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

describe('which date is the promised one (src/triage/promised.ts)', () => {
	/** The promised date of a reply whose rules found no promise sentence (so only payment words can give one). */
	function promised(
		text: string,
		reading: { paid?: boolean; promise?: boolean } = {},
		reference = MONDAY,
	): string | undefined {
		const normalised = normalise(text);
		return promisedDateOf({
			text: normalised,
			spans: sentenceSpans(normalised),
			dates: findDates(normalised, reference, 'dmy'),
			promiseSpans: [],
			reference,
			promiseIntent: reading.promise ?? false,
			paidReading: reading.paid ?? false,
			readCommitments: true,
		});
	}

	it.each([
		// A commitment counts whatever the reply's label: a payment word and a future date in one sentence.
		['Please resend with our PO number. The check itself goes out Tuesday.', '2026-11-24'],
		['Os pago los 62 m² el viernes y el resto lo hablamos.', '2026-11-27'],
		['Het gedeelte dat klopt schrijven we vrijdag over.', '2026-11-27'],
		['Il bonifico parte domani.', '2026-11-24'],
		['A transferência segue amanhã.', '2026-11-24'],
		// The date a payment word points at, not the one that sets the scene.
		['Memberships renew on the 28th and I will pay it on the 31st.', '2026-11-30'],
		// "today or tomorrow": the later day.
		['Pago hoje ou no máximo amanhã via Pix.', '2026-11-24'],
		['Betaal hem vandaag of morgen.', '2026-11-24'],
		// Refusals, payments already made, absences and proposals are no promise.
		['We will not pay until the 15th credit note arrives on Friday.', undefined],
		['We paid it yesterday, it should arrive Friday.', undefined],
		['Payment is with our director, who is back on Thursday.', undefined],
		['Could we pay half on the 15th and half on the 30th?', undefined],
	])('%s → %s', (text, expected) => {
		expect(promised(text)).toBe(expected);
	});

	it('reads a reply taken as already paid only for a commitment, never the day of the payment made', () => {
		expect(promised('Paid Friday by e-transfer.', { paid: true })).toBeUndefined();
		expect(
			promised('Tutto saldato il 30/11 tramite home banking.', { paid: true }),
		).toBeUndefined();
		expect(promised('La fattura sarà pagata il 15 dicembre con la Ri.Ba.', { paid: true })).toBe(
			'2026-12-15',
		);
	});

	it('skips a past sentence when a promise has to fall back on any date', () => {
		expect(
			promised('It was approved at this morning meeting yesterday. All good, 4 December.', {
				promise: true,
			}),
		).toBe('2026-12-04');
	});
});

describe('sentences', () => {
	it('ends a sentence after a long number, not after a short date or ordinal', () => {
		const text = 'we can release re-2026-866. payment by monday, 14 december.';
		expect(sentenceSpans(text).length).toBe(2);
		expect(sentenceSpans('die zahlung erfolgt am 15. dezember.').length).toBe(1);
	});
});
