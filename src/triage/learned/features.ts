/**
 * The learned classifier's features: hashed word unigrams and bigrams plus character 3- to 5-grams of each word
 * (fastText-style subwords, so "bezahlt", "bezahlen" and "payé", "payer" share evidence across inflections).
 * One function, used by the shipped model at run time and by the training script (scripts/triage/train.mjs), so
 * training and inference can never read a reply differently. Allocation-light: hashes are computed in place.
 */

/** How a model reads text; the model file names its own, so a retrained model may read differently. */
export interface FeatureShape {
	/** Feature space: 2^bits hashed buckets. */
	bits: number;
	/** Character n-grams of each word, from minGram to maxGram letters (0 and 0: none). */
	minGram: number;
	maxGram: number;
	/** Characters of the reply the model reads: the intent of a reply is in its first lines. */
	maxChars: number;
	/**
	 * Hash seed (0: the original hashing). Members of an ensemble use different seeds, so two n-grams that collide
	 * in one member's buckets do not collide in the other's.
	 */
	seed?: number;
}

export const DEFAULT_FEATURE_SHAPE: FeatureShape = {
	bits: 17,
	minGram: 3,
	maxGram: 4,
	maxChars: 1500,
};

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function isWordChar(code: number): boolean {
	return (
		(code >= 97 && code <= 122) || // a-z (the text is normalised: lower case, no accents)
		(code >= 48 && code <= 57) ||
		code === 39 || // apostrophe: "don't", "l'avocat"
		code === 223 || // ß
		(code >= 0xc0 && code <= 0x24f) // Latin letters normalise() kept
	);
}

function hashRange(seed: number, text: string, start: number, end: number): number {
	let hash = seed;
	for (let index = start; index < end; index++) {
		let code = text.charCodeAt(index);
		// Digits are one class: "INV-1042" and "INV-2231" are the same kind of word.
		if (code >= 48 && code <= 57) code = 48;
		hash = Math.imul(hash ^ code, FNV_PRIME);
	}
	return hash;
}

function mix(hash: number, code: number): number {
	return Math.imul(hash ^ code, FNV_PRIME);
}

/**
 * Hashed feature indexes of a normalised text (see `normalise` in ../text), each in [0, 2^bits). Duplicates are
 * kept: a word said twice counts twice. `flags` adds whole-reply facts (an auto-reply header) as features.
 */
export function hashedFeatures(
	normalised: string,
	shape: FeatureShape,
	flags: readonly string[] = [],
): number[] {
	const out: number[] = [];
	visitHashedFeatures(normalised, shape, flags, (bucket) => out.push(bucket));
	return out;
}

/**
 * The features of `hashedFeatures`, handed to `visit` one by one in the same order without building an array
 * (the prediction path sums weights as it goes). Returns how many there were.
 */
export function visitHashedFeatures(
	normalised: string,
	shape: FeatureShape,
	flags: readonly string[],
	visit: (bucket: number) => void,
): number {
	let count = 0;
	const emit = (bucket: number): void => {
		count++;
		visit(bucket);
	};
	const mask = (1 << shape.bits) - 1;
	const { minGram, maxGram } = shape;
	const base = shape.seed ? mix(FNV_OFFSET, 0x9e37 + shape.seed) : FNV_OFFSET;
	const text =
		normalised.length > shape.maxChars ? normalised.slice(0, shape.maxChars) : normalised;
	for (const flag of flags) emit(hashRange(mix(base, 70), flag, 0, flag.length) & mask);
	let previous = 0;
	let hasPrevious = false;
	let index = 0;
	const length = text.length;
	while (index < length) {
		while (index < length && !isWordChar(text.charCodeAt(index))) {
			// A sentence end breaks bigrams.
			const code = text.charCodeAt(index);
			if (code === 46 || code === 33 || code === 63 || code === 10) hasPrevious = false;
			if (code === 63) emit(mix(base, 63) & mask); // "?" is a feature of its own
			index++;
		}
		const start = index;
		while (index < length && isWordChar(text.charCodeAt(index))) index++;
		const end = index;
		if (end === start) break;
		const word = hashRange(mix(base, 87), text, start, Math.min(end, start + 24));
		emit(word & mask);
		if (hasPrevious) emit(mix(mix(previous, 32), word) & mask);
		previous = word;
		hasPrevious = true;
		// Subwords of "<word>" for words of 3 to 24 letters.
		const size = end - start;
		if (size >= 3 && size <= 24 && minGram > 0) {
			for (let n = minGram; n <= maxGram; n++) {
				// Positions -1 and size are the word boundaries "<" and ">".
				for (let from = -1; from + n <= size + 1; from++) {
					let hash = mix(base, 67 + n);
					for (let offset = 0; offset < n; offset++) {
						const at = from + offset;
						const code = at < 0 ? 60 : at >= size ? 62 : text.charCodeAt(start + at);
						hash = mix(hash, code >= 48 && code <= 57 ? 48 : code);
					}
					emit(hash & mask);
				}
			}
		}
	}
	return count;
}
