/** Loading the labelled reply corpora (tests/fixtures/replies); the scoring lives in src/triage/learned/score. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { CorpusCase } from '../../src/triage/learned/score';

export { isCalm, scoreCases, type CorpusCase, type Score } from '../../src/triage/learned/score';

export const REPLIES_DIR = join(__dirname, '..', 'fixtures', 'replies');

export function loadCases(path: string): CorpusCase[] {
	return readFileSync(join(REPLIES_DIR, path), 'utf8')
		.split('\n')
		.filter((line) => line.trim() !== '')
		.map((line) => JSON.parse(line) as CorpusCase);
}

/** The writers' training files (tests/fixtures/replies/train/*.jsonl), by name. */
export function trainFiles(): string[] {
	return readdirSync(join(REPLIES_DIR, 'train'))
		.filter((file) => file.endsWith('.jsonl'))
		.sort()
		.map((file) => join('train', file));
}
