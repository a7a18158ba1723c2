import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { parseReply } from '../../src/triage/parse';
import { saidIn } from '../../src/triage/learned/input';
import { PATTERNS } from '../../src/triage/patterns';
import { Trigrams, requiredWords } from '../../src/triage/prefilter';
import { normalise } from '../../src/triage/text';

describe('rule prefilters', () => {
	it('derives the words a regex cannot match without', () => {
		expect(requiredWords(/\b(?:invoices?|bill) (?:no|nr)\b/g)).toEqual(['invoice', 'bill']);
		// Any required part will do; the fewest words win.
		expect(requiredWords(/\b(?:the )?(?:payment|wire) (?:was )?sent\b/g)).toEqual(['sent']);
		// Too short, optional only, lookarounds, other flags: no prefilter, the regex always runs.
		expect(requiredWords(/\b(?:no|ok)\b/g)).toBeUndefined();
		expect(requiredWords(/(?:paid)?/g)).toBeUndefined();
		expect(requiredWords(/(?=paid)/g)).toBeUndefined();
		expect(requiredWords(/paid/gi)).toBeUndefined();
		expect(requiredWords(/\u00e9t\u00e9/g)).toBeUndefined();
	});

	it('skips a pattern only when the text lacks all its words', () => {
		const text = 'we paid the invoice yesterday';
		const trigrams = new Trigrams(text);
		expect(trigrams.mayContainAny(['invoice'])).toBe(true);
		expect(trigrams.mayContainAny(['lawyer', 'attorney'])).toBe(false);
	});

	it('never hides a match of a shipped pattern in the reply fixtures', () => {
		const root = join(__dirname, '..', 'fixtures', 'replies');
		const files = [
			...readdirSync(root).map((file) => join(root, file)),
			...readdirSync(join(root, 'train')).map((file) => join(root, 'train', file)),
		].filter((file) => file.endsWith('.jsonl') && !/(?:^|\/)blind[^/]*$/.test(file));
		const texts = files.flatMap((file) =>
			readFileSync(file, 'utf8')
				.split('\n')
				.filter((line) => line.trim() !== '')
				.map((line) => {
					const reply = JSON.parse(line);
					return normalise(saidIn(parseReply(reply)));
				}),
		);
		let checked = 0;
		for (const pattern of PATTERNS) {
			const words = requiredWords(pattern.re);
			if (!words) continue;
			const re = new RegExp(pattern.re.source, 'g');
			for (const text of texts) {
				re.lastIndex = 0;
				const match = re.exec(text);
				if (!match) continue;
				checked++;
				expect([pattern.id, words.some((word) => match[0].includes(word))]).toEqual([
					pattern.id,
					true,
				]);
				expect(new Trigrams(text).mayContainAny(words)).toBe(true);
			}
		}
		expect(checked).toBeGreaterThan(1000);
	});
});
