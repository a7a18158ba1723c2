/**
 * Date mentions in a reply, resolved to calendar dates against the day the reply arrived (in the customer's zone).
 * Absolute: 2026-12-15, 12/15, 15.12., December 3rd, 3 décembre, el 15 de diciembre, on the 1st.
 * Relative: today, tomorrow, (next) Friday, end of (next) month, end of week, next week, within 2 weeks, in 10 days.
 * Day arithmetic uses src/dates day numbers only.
 */
import { dateOfDay, dayNumber, daysInMonth, weekdayIndex } from '../dates';
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
};
const WEEKDAY = Object.keys(WEEKDAYS)
	.sort((a, b) => b.length - a.length)
	.join('|');

const NEXT_BEFORE = 'next|nachsten|nachster|naechsten|kommenden|prochain|proximo|proxima';
const NEXT_QUALIFIER = new RegExp(`\\b(?:${NEXT_BEFORE}|que viene)\\b`);
const THIS_BEFORE = 'this|coming|diesen|dieser|diese|ce|este|esta';

// Every pattern is a run of bounded pieces with no nested unbounded repetition (linear time on any input).
const FORMS: ReadonlyArray<{ form: string; re: RegExp }> = [
	{ form: 'iso', re: /\b(20\d\d)-(\d{1,2})-(\d{1,2})\b/g },
	{
		form: 'numeric',
		re: /(?<![\d./-])(\d{1,2})([/.])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\d/-]|\.\d)(\.?)/g,
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
		form: 'mid-month',
		re: new RegExp(`\\b(?:mid|mitte|mi|mediados de|a mediados de)[- ](${MONTH})\\b`, 'g'),
	},
	{
		form: 'ordinal',
		re: /\b(?:on|by|before|until|till|from|the|am|bis zum|zum|le|au|el|para el|hasta el)(?: the)? (\d{1,2})(st|nd|rd|th|er|\.)(?= |,|$|\n|\.|!)/g,
	},
	{
		form: 'end-of-month',
		re: /\b(?:(?:the |by |at |until )?end of (?:the )?(this |next |the )?month|(?:next )?month[- ]end|eom|monatsende|ende (?:des|dieses|nachsten) monats|ende (?:november|dezember)|fin (?:de|du) mois(?: prochain)?|fin de(?:l)? mes(?: que viene| proximo)?|finales de(?:l)? mes)\b/g,
	},
	{
		form: 'end-of-week',
		re: /\b(?:end of (?:the |this |next )?week|eow|ende (?:der|dieser|nachster) woche|fin de (?:la )?semaine(?: prochaine)?|fin de(?: esta)? semana)\b/g,
	},
	{
		form: 'next-week',
		re: /\b(?:next week|early next week|later this week|this week|nachste woche|nachsten woche|diese woche|dieser woche|la semaine prochaine|cette semaine|la (?:proxima|siguiente) semana|la semana que viene|esta semana)\b/g,
	},
	{
		form: 'next-month',
		re: /\b(?:next month|nachsten monat|nachster monat|le mois prochain|el (?:proximo|siguiente) mes|el mes que viene)\b/g,
	},
	{
		form: 'day-relative',
		re: /\b(?:day after tomorrow|ubermorgen|apres-demain|apres demain|pasado manana|tomorrow|morgen|demain|manana|today|heute|aujourd'hui|hoy|end of (?:the )?day|eod|cob|close of business)\b/g,
	},
	{
		form: 'within',
		re: new RegExp(
			`\\b(?:within|in|in the next|after|innerhalb(?: von)?|in den nachsten|binnen|dans|sous|d'ici|en|dentro de|en los proximos|en las proximas)(?: the next)? (\\d{1,3}|${NUMBER_WORD_PATTERN})(?: \\(\\d{1,3}\\))? (business |working |calendar )?(days?|weeks?|tagen?|werktagen?|wochen?|jours?(?: ouvres)?|semaines?|dias(?: habiles)?|semanas?)\\b`,
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

/** All date mentions in normalised text, in reading order, each resolved against `reference` (YYYY-MM-DD). */
export function findDates(normalised: string, reference: string, order: DayOrder): DateMention[] {
	const refDay = dayNumber(reference);
	if (refDay === null) return [];
	const mentions: Array<DateMention & { rank: number }> = [];
	for (let rank = 0; rank < FORMS.length; rank++) {
		const { form, re } = FORMS[rank];
		re.lastIndex = 0;
		let match: RegExpExecArray | null;
		while ((match = re.exec(normalised)) !== null) {
			const date = resolve(form, match, normalised, reference, refDay, order);
			if (date)
				mentions.push({ date, start: match.index, end: match.index + match[0].length, form, rank });
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
	// "Thursday, December 10": the calendar date is the one meant; the weekday only names it.
	const explicit = kept.filter((mention, index) => {
		const next = kept[index + 1];
		return !(mention.form === 'weekday' && next && next.start - mention.end <= 3 && next.rank <= 4);
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
	const year = Number(reference.slice(0, 4));
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
			if (dotted && !yearText && match[5] !== '.') return null;
			if (dotted && !yearText && /\d/.test(text[match.index + match[0].length] ?? '')) return null;
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
		case 'mid-month':
			return nearestYear(MONTHS[match[1]], 15, reference, refDay);
		case 'ordinal': {
			const day = Number(match[1]);
			if (day < 1 || day > 31) return null;
			let month = Number(reference.slice(5, 7));
			let inYear = year;
			if (day < Number(reference.slice(8, 10))) {
				month++;
				if (month > 12) {
					month = 1;
					inYear++;
				}
			}
			return ymd(inYear, month, Math.min(day, daysInMonth(inYear, month)));
		}
		case 'end-of-month': {
			const next = /next|prochain|nachsten|que viene|proximo/.test(match[0]);
			return endOfMonth(reference, next ? 1 : 0);
		}
		case 'end-of-week': {
			const next = /next|prochaine|nachster/.test(match[0]);
			const friday = refDay + (4 - refWeekday) + (next ? 7 : 0);
			return dateOfDay(friday < refDay ? friday + 7 : friday);
		}
		case 'next-week': {
			const next = /next|nachste|prochaine|proxima|siguiente|que viene/.test(match[0]);
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
			if (/after tomorrow|ubermorgen|apres|pasado/.test(word)) return dateOfDay(refDay + 2);
			if (/tomorrow|morgen|demain|manana/.test(word)) return dateOfDay(refDay + 1);
			return reference;
		}
		case 'within': {
			const count = numberValue(match[1]);
			if (count === null || count < 1 || count > 180) return null;
			const unit = match[3];
			const weeks = /^(?:week|woche|semaine|semana)/.test(unit);
			const business = Boolean(match[2]) || /werktag|ouvres|habiles/.test(unit);
			if (weeks) return dateOfDay(refDay + count * 7);
			return dateOfDay(business ? addBusinessDays(refDay, count) : refDay + count);
		}
		case 'weekday': {
			const target = WEEKDAYS[match[2]];
			if (match[2] === 'wed' || match[2] === 'thu' || match[2] === 'fri') {
				if (!match[1] && !/^[ ,.]/.test(text[match.index + match[0].length] ?? '.')) return null;
			}
			// "Monday" is the next Monday after today; "next Monday" is the one in next week.
			let ahead = (target - refWeekday + 7) % 7 || 7;
			const qualifier = `${match[1] ?? ''} ${match[3] ?? ''}`;
			if (NEXT_QUALIFIER.test(qualifier) && target > refWeekday && ahead < 7) ahead += 7;
			return dateOfDay(refDay + ahead);
		}
		default:
			return null;
	}
}
