/**
 * The reply corpus (tests/fixtures/replies/corpus.jsonl): realistic replies with the intent, escalation and dates a
 * collections specialist would assign. Prints precision and recall per intent; fails below 90% overall accuracy,
 * below 100% recall on the replies that must escalate, or below 90% correct promise dates.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
	REPLY_INTENTS,
	TriageResultSchema,
	triageReply,
	type ReplyIntent,
	type TriageResult,
} from '../../src/triage';

interface CorpusCase {
	id: string;
	subject: string;
	text: string;
	html?: string;
	from: string;
	receivedAt: string;
	timezone?: string;
	headers?: Record<string, string>;
	note?: string;
	expected: {
		intent: ReplyIntent;
		escalate: boolean;
		promisedDate?: string;
		returnDate?: string;
		newContactEmail?: string;
		documentsRequested?: string[];
	};
}

export function loadCorpus(): CorpusCase[] {
	return readFileSync(join(__dirname, '..', 'fixtures', 'replies', 'corpus.jsonl'), 'utf8')
		.split('\n')
		.filter((line) => line.trim() !== '')
		.map((line) => JSON.parse(line) as CorpusCase);
}

const corpus = loadCorpus();
const results = new Map<string, TriageResult>(
	corpus.map((item) => [item.id, triageReply(item, { timezone: item.timezone })]),
);

function pct(part: number, whole: number): string {
	return whole === 0 ? '  n/a' : `${((100 * part) / whole).toFixed(1).padStart(5)}%`;
}

describe('reply corpus', () => {
	it('has at least 150 replies covering every intent', () => {
		expect(corpus.length).toBeGreaterThanOrEqual(150);
		for (const intent of REPLY_INTENTS)
			expect(corpus.some((item) => item.expected.intent === intent)).toBe(true);
	});

	it('every result matches the result schema', () => {
		for (const result of results.values())
			expect(TriageResultSchema.safeParse(result).success).toBe(true);
	});

	it('reaches 90% accuracy, 100% recall on must-escalate replies and 90% correct promise dates', () => {
		const lines: string[] = ['intent              n   precision  recall'];
		let correct = 0;
		const misses: string[] = [];
		for (const item of corpus) {
			const got = results.get(item.id) as TriageResult;
			if (got.intent === item.expected.intent) correct++;
			else
				misses.push(
					`${item.id}: expected ${item.expected.intent}, got ${got.intent} (${got.summary.slice(0, 90)})`,
				);
		}
		for (const intent of REPLY_INTENTS) {
			const expected = corpus.filter((item) => item.expected.intent === intent);
			const predicted = corpus.filter((item) => results.get(item.id)?.intent === intent);
			const truePositive = expected.filter(
				(item) => results.get(item.id)?.intent === intent,
			).length;
			lines.push(
				`${intent.padEnd(18)} ${String(expected.length).padStart(3)}   ${pct(truePositive, predicted.length)}    ${pct(truePositive, expected.length)}`,
			);
		}
		const mustEscalate = corpus.filter((item) => item.expected.escalate);
		const escalated = mustEscalate.filter((item) => results.get(item.id)?.escalate);
		const falseEscalations = corpus.filter(
			(item) => !item.expected.escalate && results.get(item.id)?.escalate,
		);
		const withDate = corpus.filter((item) => item.expected.promisedDate);
		const rightDate = withDate.filter(
			(item) => results.get(item.id)?.extracted.promisedDate === item.expected.promisedDate,
		);
		const withReturn = corpus.filter((item) => item.expected.returnDate);
		const rightReturn = withReturn.filter(
			(item) => results.get(item.id)?.extracted.returnDate === item.expected.returnDate,
		);
		lines.push(
			'',
			`overall accuracy      ${pct(correct, corpus.length)} (${correct}/${corpus.length})`,
			`must-escalate recall  ${pct(escalated.length, mustEscalate.length)} (${escalated.length}/${mustEscalate.length}); escalated without need: ${falseEscalations.length}`,
			`promise dates         ${pct(rightDate.length, withDate.length)} (${rightDate.length}/${withDate.length})`,
			`return dates          ${pct(rightReturn.length, withReturn.length)} (${rightReturn.length}/${withReturn.length})`,
		);
		const dateMisses = withDate
			.filter((item) => !rightDate.includes(item))
			.map(
				(item) =>
					`${item.id}: expected ${item.expected.promisedDate}, got ${results.get(item.id)?.extracted.promisedDate}`,
			);
		const escalationMisses = mustEscalate
			.filter((item) => !escalated.includes(item))
			.map((item) => `${item.id}: not escalated (${results.get(item.id)?.intent})`);
		const returnMisses = withReturn
			.filter((item) => !rightReturn.includes(item))
			.map(
				(item) =>
					`${item.id}: expected ${item.expected.returnDate}, got ${results.get(item.id)?.extracted.returnDate}`,
			);
		process.stdout.write(
			`\n${lines.join('\n')}\n\nmisses:\n${[...misses, ...escalationMisses, ...dateMisses, ...returnMisses, ...falseEscalations.map((item) => `${item.id}: escalated (${results.get(item.id)?.intent}) but need not`)].join('\n')}\n`,
		);

		expect(correct / corpus.length).toBeGreaterThanOrEqual(0.9);
		expect(escalationMisses).toEqual([]);
		expect(rightDate.length / withDate.length).toBeGreaterThanOrEqual(0.9);
	});

	it('extracts the new contact and the requested documents the corpus names', () => {
		for (const item of corpus) {
			const got = results.get(item.id) as TriageResult;
			if (item.expected.newContactEmail)
				expect([item.id, got.extracted.newContactEmail]).toEqual([
					item.id,
					item.expected.newContactEmail,
				]);
			if (item.expected.documentsRequested)
				expect([item.id, [...got.extracted.documentsRequested].sort()]).toEqual([
					item.id,
					[...item.expected.documentsRequested].sort(),
				]);
		}
	});
});
