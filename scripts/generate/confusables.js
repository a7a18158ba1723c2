/**
 * Writes src/messages/confusables.ts: the non-ASCII characters Unicode's confusables data (UTS #39, as shipped by
 * the `unhomoglyph` package) maps to one Latin letter, plus small capitals and
 * Greek and Cyrillic letters it leaves out. NFKC already folds
 * full-width and mathematical letters, so those are skipped. Run: node scripts/generate/confusables.js
 */
const fs = require('node:fs');
const path = require('node:path');
const data = require('unhomoglyph/data.json');

// Small capitals, and Greek and Cyrillic lower-case letters that read as Latin in running text (UTS #39 only
// lists the closest shapes).
const EXTRA = {
	ᴀ: 'a',
	ʙ: 'b',
	ᴅ: 'd',
	ᴇ: 'e',
	ꜰ: 'f',
	ɢ: 'g',
	ʜ: 'h',
	ᴊ: 'j',
	ᴋ: 'k',
	ʟ: 'l',
	ᴍ: 'm',
	ɴ: 'n',
	ᴘ: 'p',
	ʀ: 'r',
	ᴛ: 't',
	ε: 'e',
	η: 'n',
	κ: 'k',
	τ: 't',
	ω: 'w',
	μ: 'u',
	β: 'b',
	ϲ: 'c',
	ϵ: 'e',
	к: 'k',
	м: 'm',
	н: 'h',
	т: 't',
	в: 'b',
	п: 'n',
	г: 'r',
	ш: 'w',
	ь: 'b',
	ё: 'e',
	ї: 'i',
	є: 'e',
};
const byLetter = new Map();
const add = (source, letter) => {
	if (!byLetter.has(letter)) byLetter.set(letter, new Set());
	byLetter.get(letter).add(source);
};
for (const [source, target] of Object.entries(data)) {
	if (/^[\x00-\x7f]+$/.test(source) || !/^[A-Za-z]$/.test(target)) continue;
	if (/^[A-Za-z]$/.test(source.normalize('NFKC'))) continue;
	add(source, target.toLowerCase());
}
for (const [source, letter] of Object.entries(EXTRA)) add(source, letter);

const lines = [...byLetter.keys()]
	.sort()
	.map((letter) => `\t${letter}: '${[...byLetter.get(letter)].join('')}',`);
const out = `/**
 * Look-alike characters by the Latin letter they imitate (Cyrillic а, Greek ο, Cherokee Ꭺ, small capitals ...).
 * Generated from Unicode's confusables data by scripts/generate/confusables.js; do not edit by hand.
 */
export const CONFUSABLES: Readonly<Record<string, string>> = {
${lines.join('\n')}
};
`;
fs.writeFileSync(path.join(__dirname, '../../src/messages/confusables.ts'), out);
console.log(`${[...byLetter.values()].reduce((n, set) => n + set.size, 0)} characters`);
