/**
 * Cheap prefilters for the rules' regexes: the literal words a pattern cannot match without. Derived mechanically
 * from each regex's source and conservative by construction: when the source has any shape the derivation does not
 * understand, there is no prefilter and the regex always runs. A pattern whose required words are all absent from
 * the text cannot match, so skipping it changes no output; `text.includes` is much cheaper than a regex scan.
 */

const SPECIAL = new Set(['\\', '(', ')', '[', ']', '{', '}', '|', '?', '*', '+', '.', '^', '$']);
const QUANTIFIER = new Set(['?', '*', '+', '{']);

/**
 * Calls `visit` with each character of `source` from `from` on that gives it structure (not escaped, not inside a
 * character class, not a class's own brackets), until `visit` returns true. False when the source ends inside a class.
 */
function scanStructure(
	source: string,
	from: number,
	visit: (char: string, index: number) => boolean,
): boolean {
	let inClass = false;
	for (let index = from; index < source.length; index++) {
		const char = source[index];
		if (char === '\\') {
			index++;
			continue;
		}
		if (inClass) {
			if (char === ']') inClass = false;
			continue;
		}
		if (char === '[') inClass = true;
		else if (visit(char, index)) return true;
	}
	return !inClass;
}

/** Splits a source at its top-level `|` (outside groups and character classes); null when it is malformed. */
function splitAlternatives(source: string): string[] | null {
	const parts: string[] = [];
	let depth = 0;
	let start = 0;
	let unbalanced = false;
	const closed = scanStructure(source, 0, (char, index) => {
		if (char === '(') depth++;
		else if (char === ')' && --depth < 0) return (unbalanced = true);
		else if (char === '|' && depth === 0) {
			parts.push(source.slice(start, index));
			start = index + 1;
		}
		return false;
	});
	if (unbalanced || !closed || depth !== 0) return null;
	parts.push(source.slice(start));
	return parts;
}

/** The index just past the group opening at `open`; -1 when unbalanced. */
function groupEnd(source: string, open: number): number {
	let depth = 0;
	let end = -1;
	scanStructure(source, open, (char, index) => {
		if (char === '(') depth++;
		else if (char === ')' && --depth === 0) {
			end = index + 1;
			return true;
		}
		return false;
	});
	return end;
}

/** Literals one of which every match of `source` contains, or null when that cannot be said simply. */
function needlesOf(source: string): string[] | null {
	const alternatives = splitAlternatives(source);
	if (!alternatives) return null;
	const needles: string[] = [];
	for (const alternative of alternatives) {
		const found = needlesOfSequence(alternative);
		if (!found) return null;
		needles.push(...found);
	}
	return needles;
}

/** How good a needle set is as a filter: longer shortest needle first, then fewer needles. */
function better(a: string[], b: string[]): boolean {
	const shortest = (set: string[]) => Math.min(...set.map((needle) => needle.length));
	const [sa, sb] = [Math.min(shortest(a), 3), Math.min(shortest(b), 3)];
	return sa !== sb ? sa > sb : a.length < b.length;
}

/**
 * A match of a sequence contains a match of each of its required (unquantified, or `+`) elements, so any one
 * element's needles will do; the best of them is kept.
 */
function needlesOfSequence(sequence: string): string[] | null {
	let best: string[] | null = null;
	let index = 0;
	while (index < sequence.length) {
		const char = sequence[index];
		let found: string[] | null = null;
		let end: number;
		if (char === '(') {
			end = groupEnd(sequence, index);
			if (end < 0) return best;
			// Lookarounds and named groups match elsewhere or differently: no needles from them.
			const plain = sequence[index + 1] !== '?' || sequence[index + 2] === ':';
			if (plain)
				found = needlesOf(sequence.slice(index + (sequence[index + 1] === '?' ? 3 : 1), end - 1));
		} else if (char === '[') {
			end = index + 1;
			if (sequence[end] === '^') end++;
			if (sequence[end] === ']') end++;
			while (end < sequence.length && sequence[end] !== ']') end += sequence[end] === '\\' ? 2 : 1;
			end++;
		} else if (char === '\\') {
			end = index + 2;
		} else if (char === '.' || char === '^' || char === '$') {
			end = index + 1;
		} else if (SPECIAL.has(char)) {
			// A stray quantifier or anchor: stop reading, keep what was found.
			return best;
		} else {
			end = index;
			while (end < sequence.length && !SPECIAL.has(sequence[end])) end++;
			let literal = sequence.slice(index, end);
			// A quantified last character may be absent ("invoices?"); the rest is still required.
			if (QUANTIFIER.has(sequence[end] ?? '')) {
				literal = literal.slice(0, -1);
				end--;
			}
			if (literal.length > 0) {
				found = [literal];
				index = end;
				if (!best || better(found, best)) best = found;
				continue;
			}
			end++;
		}
		// The element's quantifier: optional ones (?, *, {0,…}) may match nothing.
		let optional = false;
		const quantifier = sequence[end];
		if (quantifier === '?' || quantifier === '*') {
			optional = true;
			end++;
		} else if (quantifier === '+') {
			end++;
		} else if (quantifier === '{') {
			const close = sequence.indexOf('}', end);
			if (close < 0) return best;
			optional = /^\{0\s*(?:,|\})/.test(sequence.slice(end, close + 1));
			end = close + 1;
		}
		// A lazy or possessive mark after the quantifier.
		if (sequence[end] === '?') end++;
		if (found && !optional && (!best || better(found, best))) best = found;
		index = end;
	}
	return best;
}

/**
 * The words one of which must occur in a text for `re` to match it, or undefined when the regex always runs
 * (a flag other than g, an escape the derivation does not read, or no word of three letters or more to look for).
 */
export function requiredWords(re: RegExp): readonly string[] | undefined {
	if (re.flags !== 'g' || /\\[uxcpPk0-9]/.test(re.source)) return undefined;
	const needles = needlesOf(re.source);
	if (!needles || needles.some((needle) => needle.length < 3)) return undefined;
	// "inv" covers "invoice": keep only needles no other needle is part of.
	const unique = [...new Set(needles)];
	return unique.filter(
		(needle) => !unique.some((other) => other !== needle && needle.includes(other)),
	);
}

/**
 * The three-character sequences of one text, hashed into a bit set: a word can be in the text only if all its
 * trigrams' bits are set. Built once per reply; checking a word then costs a few bit tests, not a scan.
 */
export class Trigrams {
	private readonly bits = new Uint32Array(256);

	constructor(text: string) {
		if (text.length < 3) return;
		let a = text.charCodeAt(0);
		let b = text.charCodeAt(1);
		for (let index = 2; index < text.length; index++) {
			const c = text.charCodeAt(index);
			const hash = trigramHash(a, b, c);
			this.bits[hash >>> 5] |= 1 << (hash & 31);
			a = b;
			b = c;
		}
	}

	/** False only when none of `words` (each three characters or more) can be in the text. */
	mayContainAny(words: readonly string[]): boolean {
		for (const word of words) if (this.mayContain(word)) return true;
		return false;
	}

	private mayContain(word: string): boolean {
		for (let index = 2; index < word.length; index++) {
			const hash = trigramHash(
				word.charCodeAt(index - 2),
				word.charCodeAt(index - 1),
				word.charCodeAt(index),
			);
			if ((this.bits[hash >>> 5] & (1 << (hash & 31))) === 0) return false;
		}
		return true;
	}
}

function trigramHash(a: number, b: number, c: number): number {
	return (Math.imul(Math.imul(a, 0x9e3779b1) ^ b, 0x85ebca6b) ^ c) & 8191;
}
