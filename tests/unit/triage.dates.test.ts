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

describe('date forms in seven languages', () => {
	it.each([
		// A weekday and its week: "Thursday next week" in next calendar week, in every language.
		['Wir zahlen am Freitag nächster Woche', '2026-12-04'],
		['el martes de la semana que viene', '2026-12-01'],
		['giovedì della settimana prossima', '2026-12-03'],
		['na segunda da semana que vem', '2026-11-30'],
		['wednesday next week', '2026-12-02'],
		// "Monday week" (British): the coming Monday (today on a Monday, as for "Monday"), a week later.
		['I will have it paid Monday week', '2026-11-30'],
		['payment will be released Thursday week', '2026-12-03'],
		['this Friday week', '2026-12-04'],
		// German habitual weekdays and Portuguese short weekday names after a word that introduces a day.
		['im Donnerstags-Zahllauf', '2026-11-26'],
		['tá agendado pra quarta', '2026-11-25'],
		['a segunda parcela', undefined],
		// A bare day after an article: the next such day (label guide: "on the 15th", "am 15.").
		['Paghiamo il 27, quando incassiamo', '2026-11-27'],
		['Nous réglerons le 10, date à laquelle notre client nous paie', '2026-12-10'],
		['paghiamo il 15 del mese', '2026-12-15'],
		['il 15% di sconto', undefined],
		// Day-month with dashes (Dutch, Belgian): after a word that introduces a date, or with a year.
		['wordt op 15-12 betaald', '2026-12-15'],
		['Uiterlijk 31-12 staat het op jullie rekening', '2026-12-31'],
		['ingepland voor betaling op 17-12-2026', '2026-12-17'],
		// A range of days is no date, and never 10 December.
		['within 10-15 days', undefined],
		['invoice 2026-0117', undefined],
		// "within N days" with an article; "daqui a 14 dias"; "morgenochtend".
		['Nous réglerons dans les 7 jours', '2026-11-30'],
		['Betaling volgt binnen de 14 dagen', '2026-12-07'],
		['Daqui a 14 dias faço o pagamento', '2026-12-07'],
		['Ik maak het morgenochtend over', '2026-11-24'],
		// A day of next month; Swiss "bis Ende Monat" without an article.
		['will be released on 5th of next month', '2026-12-05'],
		['le 5 du mois prochain', '2026-12-05'],
		['el 10 del mes que viene', '2026-12-10'],
		['wird bis Ende Monat überwiesen', '2026-11-30'],
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
		// A clause with a payment word wins over one without ("today is a holiday, tomorrow I transfer").
		['Hoy es feriado y el banco no procesa, mañana te hago la transferencia.', '2026-11-24'],
		// An instalment list: the first instalment a payment word points at, not the last.
		[
			'Premier versement le 5 décembre, le deuxième le 5 janvier et le solde le 5 février.',
			'2026-12-05',
		],
		// A vague week on a condition is no date ("as soon as I have the OK, next week").
		["Appena ho l'ok la paghiamo, la settimana prossima.", undefined],
		// Commitments in replies about something else (an opt-out, a settled dispute): "goes out", "sai", "parte".
		['A fatura sai nesta sexta.', '2026-11-27'],
		['La fattura 827890 parte venerdì.', '2026-11-27'],
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
