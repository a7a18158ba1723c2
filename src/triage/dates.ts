/**
 * Date mentions in a reply, resolved to calendar dates against the day the reply arrived (in the customer's zone).
 * Absolute: 2026-12-15, 12/15, 15.12., December 3rd, 3 décembre, el 15 de diciembre, on the 1st.
 * Relative: today, tomorrow, (next) Friday, end of (next) month, end of week, next week, within 2 weeks, in 10 days.
 * Day arithmetic uses src/dates day numbers only.
 */
import { dateOfDay, dayNumber, daysInMonth, weekdayIndex } from '../dates';
import { Trigrams, requiredWords } from './prefilter';
import { NUMBER_WORD_PATTERN, numberValue } from './text';

export interface DateMention {
	date: string;
	start: number;
	end: number;
	/** Which form matched, for evidence ("weekday", "end-of-month", ...). */
	form: string;
}

export type DayOrder = 'mdy' | 'dmy';

const MONTHS: Readonly<Record<string, number>> = {
	january: 1,
	jan: 1,
	januar: 1,
	janner: 1,
	janvier: 1,
	janv: 1,
	enero: 1,
	february: 2,
	feb: 2,
	februar: 2,
	fevrier: 2,
	fevr: 2,
	fev: 2,
	febrero: 2,
	march: 3,
	mar: 3,
	marz: 3,
	maerz: 3,
	mars: 3,
	marzo: 3,
	april: 4,
	apr: 4,
	avril: 4,
	avr: 4,
	abril: 4,
	may: 5,
	mai: 5,
	mayo: 5,
	june: 6,
	jun: 6,
	juni: 6,
	juin: 6,
	junio: 6,
	july: 7,
	jul: 7,
	juli: 7,
	juillet: 7,
	juil: 7,
	julio: 7,
	august: 8,
	aug: 8,
	aout: 8,
	agosto: 8,
	september: 9,
	sep: 9,
	sept: 9,
	septembre: 9,
	septiembre: 9,
	setiembre: 9,
	october: 10,
	oct: 10,
	oktober: 10,
	okt: 10,
	octobre: 10,
	octubre: 10,
	november: 11,
	nov: 11,
	novembre: 11,
	noviembre: 11,
	december: 12,
	dec: 12,
	dezember: 12,
	dez: 12,
	decembre: 12,
	diciembre: 12,
	// Dutch, Italian, Portuguese (accents are gone after normalise).
	januari: 1,
	gennaio: 1,
	janeiro: 1,
	februari: 2,
	febbraio: 2,
	fevereiro: 2,
	maart: 3,
	marco: 3,
	aprile: 4,
	mei: 5,
	maggio: 5,
	maio: 5,
	giugno: 6,
	junho: 6,
	luglio: 7,
	julho: 7,
	augustus: 8,
	settembre: 9,
	setembro: 9,
	ottobre: 10,
	outubro: 10,
	novembro: 11,
	dicembre: 12,
	dezembro: 12,
};
const MONTH = Object.keys(MONTHS)
	.sort((a, b) => b.length - a.length)
	.join('|');

const WEEKDAYS: Readonly<Record<string, number>> = {
	monday: 0,
	tuesday: 1,
	tues: 1,
	wednesday: 2,
	wed: 2,
	thursday: 3,
	thurs: 3,
	thu: 3,
	friday: 4,
	fri: 4,
	saturday: 5,
	sunday: 6,
	montag: 0,
	dienstag: 1,
	mittwoch: 2,
	donnerstag: 3,
	freitag: 4,
	// "im Donnerstags-Zahllauf", "freitags": the coming one.
	montags: 0,
	dienstags: 1,
	mittwochs: 2,
	donnerstags: 3,
	freitags: 4,
	samstag: 5,
	sonntag: 6,
	lundi: 0,
	mardi: 1,
	mercredi: 2,
	jeudi: 3,
	vendredi: 4,
	samedi: 5,
	dimanche: 6,
	lunes: 0,
	martes: 1,
	miercoles: 2,
	jueves: 3,
	viernes: 4,
	sabado: 5,
	domingo: 6,
	maandag: 0,
	dinsdag: 1,
	woensdag: 2,
	donderdag: 3,
	vrijdag: 4,
	zaterdag: 5,
	zondag: 6,
	lunedi: 0,
	martedi: 1,
	mercoledi: 2,
	giovedi: 3,
	venerdi: 4,
	domenica: 6,
	'segunda-feira': 0,
	'terca-feira': 1,
	'quarta-feira': 2,
	'quinta-feira': 3,
	quinta: 3,
	'sexta-feira': 4,
	sexta: 4,
	// "segunda", "terça", "quarta" are also ordinals ("segunda parcela"): only read after a word that introduces a day.
	segunda: 0,
	terca: 1,
	quarta: 2,
};
export const WEEKDAY = Object.keys(WEEKDAYS)
	.sort((a, b) => b.length - a.length)
	.join('|');

const NEXT_BEFORE =
	'next|nachsten|nachster|naechsten|kommenden|prochain|proximo|proxima|volgende|komende|prossimo|prossima';
const NEXT_QUALIFIER = new RegExp(`\\b(?:${NEXT_BEFORE}|que viene)\\b`);
const THIS_BEFORE =
	'this|coming|diesen|dieser|diese|ce|este|esta|deze|questo|questa|na|nesta|neste|pra|para|ate|op|il';
const NTH: Readonly<Record<string, number>> = {
	first: 1,
	second: 2,
	third: 3,
	fourth: 4,
	last: -1,
	erste: 1,
	ersten: 1,
	zweiten: 2,
	letzten: -1,
	premier: 1,
	dernier: -1,
	primer: 1,
	ultimo: -1,
	eerste: 1,
	laatste: -1,
	primo: 1,
	primeira: 1,
	primeiro: 1,
};
const NTH_WORD = Object.keys(NTH).join('|');

// Every pattern is a run of bounded pieces with no nested unbounded repetition (linear time on any input).
const FORMS: ReadonlyArray<{ form: string; re: RegExp }> = [
	{ form: 'iso', re: /\b(20\d\d)-(\d{1,2})-(\d{1,2})\b/g },
	{
		form: 'numeric',
		re: /(?<![\w./-])(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\d/-]|\.\d)(\.?)/g,
	},
	{
		form: 'day-month',
		re: new RegExp(
			`\\b(\\d{1,2})(?:st|nd|rd|th|er|e|o|º|\\.)?(?: of| de)? (${MONTH})\\b\\.?(?:,? (?:de )?(20\\d\\d))?`,
			'g',
		),
	},
	{
		form: 'month-day',
		re: new RegExp(`\\b(${MONTH})\\.? (\\d{1,2})(?:st|nd|rd|th)?\\b(?!:)(?:,? (20\\d\\d))?`, 'g'),
	},
	{
		// "on the 5th of next month", "le 5 du mois prochain", "el 5 del mes que viene", "am 5. des nächsten Monats"
		form: 'day-next-month',
		re: /\b(\d{1,2})(?:st|nd|rd|th|er|e|o|\.)? (?:of |de |du |del |van |des |do |di )?(?:next month|le mois prochain|mois prochain|el mes que viene|el proximo mes|mes que viene|proximo mes|volgende maand|de volgende maand|il mese prossimo|mese prossimo|prossimo mese|nachsten monats|mes que vem)\b/g,
	},
	{
		form: 'mid-month',
		re: new RegExp(`\\b(?:mid|mitte|mi|mediados de|a mediados de)[- ](${MONTH})\\b`, 'g'),
	},
	{
		// "the first Friday of December", "am ersten Freitag im Dezember", "le premier vendredi de décembre"
		form: 'nth-weekday',
		re: new RegExp(
			`\\b(${NTH_WORD}) (${WEEKDAY}) (?:of|in|im|de|del|di|van|do|da) (?:la |het |de )?(${MONTH})\\b`,
			'g',
		),
	},
	{
		form: 'ordinal',
		re: /\b(?:on|by|before|until|till|from|the|am|bis zum|zum|le|au|el|para el|hasta el|op de|op|tegen de|voor de|il|entro il|ate o dia|ate dia|no dia|dia)(?: the)? (\d{1,2})(st|nd|rd|th|er|e|o|\.)(?= |,|$|\n|\.|!)/g,
	},
	{
		// "até o dia 10", "entro il giorno 10": a bare day after a word that can only introduce a day.
		form: 'ordinal-bare',
		re: /\b(?:ate o dia|ate dia|no dia|o dia|el dia|del dia|dia|il giorno|entro il|op de|(?:for|on|by) day) (\d{1,2})\b(?![./:-]?\d)(?! (?:de|di|van|of) )/g,
	},
	{
		// "paghiamo il 27", "nous réglerons le 10, date à laquelle…", "el 15 del mes", "am 20.": a day of the month
		// after an article, closed by punctuation or a word that cannot start a quantity ("il 15 del mese").
		form: 'article-day',
		re: /\b(?:il|le|el|am|op de|on the|dia|no dia|em dia)(?: giorno)? (\d{1,2})(?=$|[,;!?)]|\.(?!\d)| (?:del mese|di questo mese|du mois|de ce mois|del mes|de este mes|do mes|deste mes|van de(?:ze)? maand|des monats|dieses monats|of the month|of this month|quando|quand|lorsque|cuando|wanneer|wenn|when|come|comme|como|zoals|as|date|data|fecha|datum|with|avec|con|com|met|mit|via|per)\b)/g,
	},
	{
		form: 'end-of-month',
		re: /\b(?:(?:the |by |at |until )?end of (?:the )?(this |next |the )?month|(?:next )?month[- ]end|eom|monatsende|ende (?:des |dieses |nachsten )?monats?|ende (?:november|dezember)|fin (?:de|du) mois(?: prochain)?|fin de(?:l)? mes(?: que viene| proximo)?|finales de(?:l)? mes|eind(?:e)? van de(?:ze)? maand|einde (?:van de )?maand|fine (?:del )?mese(?: prossimo)?|(?:fim|final) do mes(?: que vem)?|final de(?:l)? mes|(?:ultimo|letzten|laatste|dernier) (?:dia|giorno|tag|dag|jour) (?:do|del|des|van de|du) (?:mes|mese|monats|maand|mois)|ultimo giorno del mese)\b/g,
	},
	{
		form: 'end-of-week',
		re: /\b(?:end of (?:the |this |next )?week|eow|ende (?:der|dieser|nachster) woche|fin de (?:la )?semaine(?: prochaine)?|fin de(?: esta)? semana|eind van de(?:ze| volgende)? week|fine (?:della )?(?:prossima )?settimana(?: prossima)?|fim (?:d[ae]st?a |da proxima )?semana(?: que vem)?)\b/g,
	},
	{
		form: 'next-week',
		re: /\b(?:next week|early next week|later this week|this week|nachste woche|nachsten woche|diese woche|dieser woche|la semaine prochaine|cette semaine|la (?:proxima|siguiente) semana|la semana que viene|esta semana|volgende week|deze week|la settimana prossima|la prossima settimana|questa settimana|(?:na )?proxima semana|semana que vem)\b/g,
	},
	{
		form: 'next-month',
		re: /\b(?:next month|nachsten monat|nachster monat|le mois prochain|el (?:proximo|siguiente) mes|el mes que viene|volgende maand|il mese prossimo|il prossimo mese|(?:no )?(?:proximo mes|mes que vem))\b/g,
	},
	{
		form: 'day-relative',
		re: /\b(?:day after tomorrow|ubermorgen|apres-demain|apres demain|pasado manana|overmorgen|dopodomani|depois de amanha|tomorrow morning|morgenochtend|morgenmiddag|morgenavond|morgen fruh|demain matin|domattina|tomorrow|tmrw|tmr|2moro|morgen|demain|manana|domani|amanha|today|heute|aujourd'hui|hoy|vandaag|oggi|hoje|end of (?:the )?day|eod|cob|close of business|this (?:afternoon|morning|evening)|tonight|later today|heute (?:nachmittag|abend)|cet apres-midi|ce soir|esta tarde|esta noche|vanmiddag|vanavond|oggi pomeriggio|stasera|hoje a tarde|esta noite)\b/g,
	},
	{
		form: 'within',
		re: new RegExp(
			`\\b(?:within|in|in the next|after|innerhalb(?: von)?|in den nachsten|binnen|dans|sous|d'ici|en|dentro de|en los proximos|en las proximas|entro|tra|fra|em|em ate|ate|nos proximos|over|innert|en un plazo de|no prazo de|in een periode van|daqui a)(?: the next| les| de| the| los| las| i| os| as| den)? (\\d{1,3}|${NUMBER_WORD_PATTERN})(?: \\(\\d{1,3}\\))? (business |working |calendar )?(days?|weeks?|tagen?|werktagen?|wochen?|jours?(?: ouvres)?|semaines?|dias(?: habiles| uteis)?|semanas?|dagen|werkdagen|weken|giorni(?: lavorativi)?|settimane)\\b`,
			'g',
		),
	},
	{
		form: 'weekday',
		re: new RegExp(
			`\\b(?:(${NEXT_BEFORE}|${THIS_BEFORE}|on|by|am|le|el)\\s)?(${WEEKDAY})\\b(?:\\s(prochain|que viene|proximo))?`,
			'g',
		),
	},
];

/** "Thursday next week", "Freitag nächster Woche", "martes de la semana que viene", "segunda da semana que vem". */
const WEEK_AFTER =
	/^,? (?:of |in |de la |de |der |van de |della |da |do )?(?:next week|in one week|in a week|nachste woche|nachsten woche|nachster woche|semaine prochaine|la semana que viene|la proxima semana|proxima semana|volgende week|della prossima settimana|prossima settimana|settimana prossima|semana que vem|a semana que vem)\b/;
/** "nächste Woche Freitag", "volgende week vrijdag": the weekday after a week. */
const WEEKDAY_AFTER = new RegExp(`^,? (?:on |am |op |el |le |il |na )?(${WEEKDAY})\\b`);

/** All date mentions in normalised text, in reading order, each resolved against `reference` (YYYY-MM-DD). */
/** Forms that name a calendar day rather than a day relative to today. */
/** Per form, the words it cannot match without (undefined: it always runs); see ./prefilter. */
const FORM_WORDS = FORMS.map(({ re }) => requiredWords(re));

const CALENDAR_FORMS: ReadonlySet<string> = new Set([
	'iso',
	'numeric',
	'day-month',
	'month-day',
	'ordinal',
	'ordinal-bare',
	'article-day',
	'day-next-month',
]);

export function findDates(normalised: string, reference: string, order: DayOrder): DateMention[] {
	const refDay = dayNumber(reference);
	if (refDay === null) return [];
	const mentions: Array<DateMention & { rank: number }> = [];
	const trigrams = new Trigrams(normalised);
	for (let rank = 0; rank < FORMS.length; rank++) {
		const { form, re } = FORMS[rank];
		// None of the words the form needs is in the text: it cannot match.
		const words = FORM_WORDS[rank];
		if (words && !trigrams.mayContainAny(words)) continue;
		re.lastIndex = 0;
		let match: RegExpExecArray | null;
		while ((match = re.exec(normalised)) !== null) {
			const date = resolve(form, match, normalised, reference, refDay, order);
			if (!date) continue;
			let end = match.index + match[0].length;
			// A weekday and its week are one mention ("Thursday next week", "volgende week vrijdag").
			const after = normalised.slice(end, end + 34);
			const joined =
				form === 'weekday'
					? WEEK_AFTER.exec(after)
					: form === 'next-week'
						? WEEKDAY_AFTER.exec(after)
						: null;
			if (joined) end += joined[0].length;
			mentions.push({ date, start: match.index, end, form, rank: joined ? -1 : rank });
			if (mentions.length > 200) break;
		}
	}
	mentions.sort((a, b) => a.start - b.start || b.end - a.end);
	// Overlapping mentions keep the more specific form ("the 3rd of december" is a day-month, not an ordinal).
	const kept: Array<DateMention & { rank: number }> = [];
	for (const mention of mentions) {
		const last = kept[kept.length - 1];
		if (last && mention.start < last.end) {
			if (mention.rank < last.rank) kept[kept.length - 1] = mention;
			continue;
		}
		kept.push(mention);
	}
	// "Thursday, December 10", "quinta-feira, dia 17": the calendar date is the one meant; the weekday only names it.
	const explicit = kept.filter((mention, index) => {
		const next = kept[index + 1];
		return !(
			mention.form === 'weekday' &&
			next &&
			next.start - mention.end <= 3 &&
			CALENDAR_FORMS.has(next.form)
		);
	});
	return explicit.map(({ date, start, end, form }) => ({ date, start, end, form }));
}

function ymd(year: number, month: number, day: number): string | null {
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A day and month without a year: this year's, unless that is more than 45 days ago (then next year's). */
function nearestYear(month: number, day: number, reference: string, refDay: number): string | null {
	const year = Number(reference.slice(0, 4));
	const thisYear = ymd(year, month, day);
	if (!thisYear) return null;
	return (dayNumber(thisYear) as number) < refDay - 45 ? ymd(year + 1, month, day) : thisYear;
}

/**
 * "On the 15th": the next such day on or after the reference date. `clamp` reads "the 31st" in a 30-day month
 * as its last day; without it such a day is no date.
 */
function nextDayOfMonth(day: number, reference: string, clamp: boolean): string | null {
	if (day < 1 || day > 31) return null;
	let month = Number(reference.slice(5, 7));
	let year = Number(reference.slice(0, 4));
	if (day < Number(reference.slice(8, 10))) {
		month++;
		if (month > 12) {
			month = 1;
			year++;
		}
	}
	return ymd(year, month, clamp ? Math.min(day, daysInMonth(year, month)) : day);
}

function endOfMonth(reference: string, monthsAhead: number): string {
	let year = Number(reference.slice(0, 4));
	let month = Number(reference.slice(5, 7)) + monthsAhead;
	while (month > 12) {
		month -= 12;
		year++;
	}
	return ymd(year, month, daysInMonth(year, month)) as string;
}

function addBusinessDays(refDay: number, count: number): number {
	let day = refDay;
	let left = count;
	while (left > 0) {
		day++;
		const weekday = (day + 3) % 7;
		if (weekday < 5) left--;
	}
	return day;
}

function resolve(
	form: string,
	match: RegExpExecArray,
	text: string,
	reference: string,
	refDay: number,
	order: DayOrder,
): string | null {
	const refWeekday = weekdayIndex(reference);
	switch (form) {
		case 'iso':
			return ymd(Number(match[1]), Number(match[2]), Number(match[3]));
		case 'numeric': {
			const first = Number(match[1]);
			const second = Number(match[3]);
			const dotted = match[2] === '.';
			const yearText = match[4];
			// "12.5" is a number, not a date: a dotted date needs a year or a closing dot (15.12. / 15.12.2026).
			// "for 21.09," after a word that introduces a date is a date too; "12.50" after a currency is not.
			const introduced =
				/\b(?:for|on|by|until|till|before|latest|am|bis|zum|vor|spatestens|le|au|avant|el|para|antes|il|per|entro|op|voor|tot|uiterlijk|dia|em|ate)(?: (?:the|den|dem|de|del|le|o))? $/.test(
					text.slice(Math.max(0, match.index - 14), match.index),
				);
			if (dotted && !yearText && match[5] !== '.' && !(introduced && match[3].length === 2))
				return null;
			if (dotted && !yearText && /\d/.test(text[match.index + match[0].length] ?? '')) return null;
			// "op 20-10", "uiterlijk 31-08", "17-11-2026"; not "10-15 days" nor a reference such as "2026-0117".
			if (match[2] === '-') {
				if (!yearText && !introduced) return null;
				if (
					/^ ?(?:business |working )?(?:days?|weeks?|tage|wochen|jours|semaines|dias|semanas|dagen|weken|giorni|settimane|%)/.test(
						text.slice(match.index + match[0].length, match.index + match[0].length + 20),
					)
				)
					return null;
			}
			let dayFirst = dotted || order === 'dmy' || first > 12;
			if (second > 12) dayFirst = false;
			const day = dayFirst ? first : second;
			const month = dayFirst ? second : first;
			if (yearText)
				return ymd(yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText), month, day);
			return nearestYear(month, day, reference, refDay);
		}
		case 'day-month': {
			const month = MONTHS[match[2]];
			// "may" and "mar" as English words ("3 may pay") need a context the day-month form cannot give.
			if (
				(match[2] === 'may' || match[2] === 'mar') &&
				!match[3] &&
				/^ (?:be|pay|have|not|we|i|you|need)/.test(
					text.slice(match.index + match[0].length, match.index + match[0].length + 6),
				)
			)
				return null;
			return match[3]
				? ymd(Number(match[3]), month, Number(match[1]))
				: nearestYear(month, Number(match[1]), reference, refDay);
		}
		case 'month-day': {
			if (match[1] === 'may' || match[1] === 'mar') {
				// "may 5" is a date; "may 2 invoices" is not.
				const after = text.slice(match.index + match[0].length, match.index + match[0].length + 12);
				if (/^ (?:invoices?|items?|units?|payments?|days?|weeks?)/.test(after)) return null;
			}
			const month = MONTHS[match[1]];
			return match[3]
				? ymd(Number(match[3]), month, Number(match[2]))
				: nearestYear(month, Number(match[2]), reference, refDay);
		}
		case 'day-next-month': {
			const day = Number(match[1]);
			const year = Number(reference.slice(0, 4));
			const month = Number(reference.slice(5, 7));
			return month === 12 ? ymd(year + 1, 1, day) : ymd(year, month + 1, day);
		}
		case 'mid-month':
			return nearestYear(MONTHS[match[1]], 15, reference, refDay);
		case 'nth-weekday': {
			const nth = NTH[match[1]];
			const target = WEEKDAYS[match[2]];
			const first = nearestYear(MONTHS[match[3]], 1, reference, refDay - 31);
			if (!first || target === undefined || nth === undefined) return null;
			const firstDay = dayNumber(first) as number;
			const month = Number(first.slice(5, 7));
			const yearOf = Number(first.slice(0, 4));
			if (nth > 0)
				return dateOfDay(firstDay + ((target - weekdayIndex(first) + 7) % 7) + 7 * (nth - 1));
			const last = dayNumber(ymd(yearOf, month, daysInMonth(yearOf, month)) as string) as number;
			return dateOfDay(last - ((weekdayIndex(dateOfDay(last)) - target + 7) % 7));
		}
		case 'ordinal':
		case 'ordinal-bare':
		case 'article-day': {
			return nextDayOfMonth(Number(match[1]), reference, true);
		}
		case 'end-of-month': {
			const next = /next|prochain|nachsten|que viene|proximo/.test(match[0]);
			return endOfMonth(reference, next ? 1 : 0);
		}
		case 'end-of-week': {
			const next = /next|prochaine|nachster|volgende|prossima|proxima|que vem/.test(match[0]);
			const friday = refDay + (4 - refWeekday) + (next ? 7 : 0);
			return dateOfDay(friday < refDay ? friday + 7 : friday);
		}
		case 'next-week': {
			// "this week", "later this week", "early next week" name no day: the label guide sets a promised date only
			// when it can be resolved without doubt (a bare "next week" is read as its Friday, the latest day meant).
			const next =
				/next|nachste|prochaine|proxima|siguiente|que viene|volgende|prossim|que vem/.test(
					match[0],
				);
			// "nächste Woche Freitag", "volgende week dinsdag", "next week Tuesday": that weekday of that week.
			const day = WEEKDAY_AFTER.exec(
				text.slice(match.index + match[0].length, match.index + match[0].length + 34),
			);
			if (day) {
				const target = WEEKDAYS[day[1]];
				const named = refDay - refWeekday + target + (next ? 7 : 0);
				return named >= refDay ? dateOfDay(named) : null;
			}
			if (/\b(?:this|early|later|diese|dieser|cette|esta|deze|questa)\b/.test(match[0]))
				return null;
			// A promise for "next week" is read as its Friday: the latest day the customer committed to.
			return dateOfDay(
				refDay + (4 - refWeekday) + (next ? 7 : 0) + (!next && refWeekday > 4 ? 7 : 0),
			);
		}
		case 'next-month':
			return endOfMonth(reference, 1);
		case 'day-relative': {
			const word = match[0];
			const before = text.slice(Math.max(0, match.index - 10), match.index);
			if (word === 'morgen' && /guten $|jeden $/.test(before)) return null;
			if (word === 'manana' && /(?:la|esta|cada) $/.test(before)) return null;
			if (/after tomorrow|ubermorgen|apres|pasado|overmorgen|dopodomani|depois/.test(word))
				return dateOfDay(refDay + 2);
			if (/tomorrow|tmrw|^tmr$|2moro|^morgen|demain|^manana|domani|amanha/.test(word))
				return dateOfDay(refDay + 1);
			return reference;
		}
		case 'within': {
			const count = numberValue(match[1]);
			if (count === null || count < 1 || count > 180) return null;
			const unit = match[3];
			const weeks = /^(?:week|woche|semaine|semana|weken|settiman)/.test(unit);
			const business =
				Boolean(match[2]) || /werktag|werkdag|ouvres|habiles|uteis|lavorativ/.test(unit);
			if (weeks) return dateOfDay(refDay + count * 7);
			return dateOfDay(business ? addBusinessDays(refDay, count) : refDay + count);
		}
		case 'weekday': {
			const target = WEEKDAYS[match[2]];
			// "el próximo viernes 18", "Friday the 18th": the day number names the date.
			const numbered = /^,? (?:the )?(\d{1,2})(?:st|nd|rd|th|er|e|o|\.)?(?![\d/.:-]\d)/.exec(
				text.slice(match.index + match[0].length, match.index + match[0].length + 12),
			);
			if (
				numbered &&
				!/^ \d{1,2} (?:[a-z]{3,})/.test(
					text.slice(match.index + match[0].length, match.index + match[0].length + 16),
				)
			) {
				const named = nextDayOfMonth(Number(numbered[1]), reference, false);
				if (named) return named;
			}
			// "segunda", "terça", "quarta" are days only after "na", "pra", "próxima"... ("segunda parcela" is an ordinal).
			if ((match[2] === 'segunda' || match[2] === 'terca' || match[2] === 'quarta') && !match[1])
				return null;
			if (match[2] === 'wed' || match[2] === 'thu' || match[2] === 'fri') {
				if (!match[1] && !/^[ ,.]/.test(text[match.index + match[0].length] ?? '.')) return null;
			}
			// "Friday" / "this Friday" is the coming Friday (today when today is Friday); "next Friday" is the Friday
			// of next calendar week (the house convention of the label guide).
			const qualifier = `${match[1] ?? ''} ${match[3] ?? ''}`;
			// "Thursday next week", "Friday in one week", "vendredi de la semaine prochaine"
			const after = text.slice(match.index + match[0].length, match.index + match[0].length + 34);
			const weekAfter = WEEK_AFTER.test(after);
			// "Monday week", "this Friday week" (British): the coming one, a week later.
			if (/^ week\b/.test(after)) return dateOfDay(refDay + ((target - refWeekday + 7) % 7) + 7);
			if (NEXT_QUALIFIER.test(qualifier) || weekAfter)
				return dateOfDay(refDay - refWeekday + 7 + target);
			return dateOfDay(refDay + ((target - refWeekday + 7) % 7));
		}
		default:
			return null;
	}
}
