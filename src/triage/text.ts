/** Text helpers shared by the rules engine and the extractors: one normalised lower-case form, sentence spans. */

/**
 * Lower case without accents, curly quotes made straight. Keeps the length of NFC text for the common Latin
 * letters, so a match index in the normalised text points at the same words in the original.
 */
export function normalise(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[’‘`´]/g, "'")
		.replace(/[“”„«»]/g, '"')
		.replace(/[\u00a0\t]/g, ' ');
}

export interface Span {
	start: number;
	end: number;
}

/** Sentence spans: split on . ! ? and line breaks (a dot between digits, as in 15.12. or 1.250, does not split). */
export function sentenceSpans(text: string): Span[] {
	const spans: Span[] = [];
	let start = 0;
	for (let index = 0; index < text.length; index++) {
		const char = text[index];
		let boundary = char === '\n' || char === '!' || char === '?';
		if (char === '.') {
			const before = text.charCodeAt(index - 1);
			const after = text.charCodeAt(index + 1);
			const digitBefore = before >= 48 && before <= 57;
			const digitAfter = after >= 48 && after <= 57;
			// "15.12. " and "am 15. Dezember" do not end a sentence; "RE-2026-866. Payment by Monday" does.
			const shortNumber =
				digitBefore && !(index >= 3 && /\d/.test(text[index - 3]) && /\d/.test(text[index - 2]));
			boundary =
				!(digitBefore && (digitAfter || (after === 32 && shortNumber))) &&
				text[index + 1] !== '.' &&
				!isAbbreviation(text, index);
		}
		if (boundary) {
			if (index + 1 - start > 1) spans.push({ start, end: index + 1 });
			start = index + 1;
		}
	}
	if (text.length - start > 0 && text.slice(start).trim() !== '')
		spans.push({ start, end: text.length });
	return spans;
}

const ABBREVIATIONS = new Set([
	'no',
	'nr',
	'inv',
	'approx',
	'jan',
	'feb',
	'mar',
	'apr',
	'jun',
	'jul',
	'aug',
	'sep',
	'sept',
	'oct',
	'nov',
	'dec',
	'mr',
	'mrs',
	'ms',
	'dr',
	'e.g',
	'i.e',
	'etc',
	'vs',
	'z.b',
	'ca',
	'bzw',
	'mon',
	'tue',
	'wed',
	'thu',
	'fri',
	'ltd',
	'inc',
	'co',
	'st',
	'dez',
	'okt',
	'janv',
	'fevr',
	'avr',
	'juil',
]);

function isAbbreviation(text: string, dot: number): boolean {
	let start = dot;
	while (start > 0 && dot - start < 6 && /[a-z.]/i.test(text[start - 1])) start--;
	return ABBREVIATIONS.has(text.slice(start, dot).toLowerCase());
}

/** The sentence containing `index` (binary search over spans). */
export function spanAt(spans: readonly Span[], index: number): Span | undefined {
	let low = 0;
	let high = spans.length - 1;
	while (low <= high) {
		const middle = (low + high) >> 1;
		const span = spans[middle];
		if (index < span.start) high = middle - 1;
		else if (index >= span.end) low = middle + 1;
		else return span;
	}
	return undefined;
}

/** A short, single-line excerpt around a match. */
export function snippet(original: string, start: number, end: number, pad = 40): string {
	const from = Math.max(0, start - pad);
	const to = Math.min(original.length, end + pad);
	const text = original.slice(from, to).replace(/\s+/g, ' ').trim();
	return `${from > 0 ? '…' : ''}${text}${to < original.length ? '…' : ''}`;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
	a: 1,
	an: 1,
	one: 1,
	two: 2,
	three: 3,
	four: 4,
	five: 5,
	six: 6,
	seven: 7,
	eight: 8,
	nine: 9,
	ten: 10,
	fourteen: 14,
	thirty: 30,
	couple: 2,
	'a couple of': 2,
	ein: 1,
	eine: 1,
	einer: 1,
	zwei: 2,
	drei: 3,
	vier: 4,
	funf: 5,
	sechs: 6,
	sieben: 7,
	acht: 8,
	zehn: 10,
	vierzehn: 14,
	dreissig: 30,
	un: 1,
	une: 1,
	deux: 2,
	trois: 3,
	quatre: 4,
	cinq: 5,
	huit: 8,
	dix: 10,
	quinze: 15,
	trente: 30,
	uno: 1,
	una: 1,
	dos: 2,
	tres: 3,
	cuatro: 4,
	cinco: 5,
	ocho: 8,
	diez: 10,
	quince: 15,
	treinta: 30,
	// Dutch, Italian, Portuguese (only the counts replies use for days and weeks).
	een: 1,
	twee: 2,
	drie: 3,
	vijf: 5,
	tien: 10,
	veertien: 14,
	dertig: 30,
	due: 2,
	tre: 3,
	quattro: 4,
	dieci: 10,
	quindici: 15,
	trenta: 30,
	duas: 2,
	quatro: 4,
	dez: 10,
	trinta: 30,
};

export const NUMBER_WORD_PATTERN = Object.keys(NUMBER_WORDS)
	.sort((a, b) => b.length - a.length)
	.join('|');

export function numberValue(token: string): number | null {
	if (/^\d{1,3}$/.test(token)) return Number(token);
	return NUMBER_WORDS[token] ?? null;
}
