/**
 * The reply corpus: realistic replies with the intent, escalation and dates a collections specialist would assign.
 * - corpus.jsonl (217) was written first and the patterns were then generalised against its misses (first run: 79.7%);
 * - holdout.jsonl (40) was written after that tuning; it scored 65.0% on its first run and the patterns were then
 *   broadened (synonyms, not case fixes) against it, so it is a tuning set too;
 * - fresh.jsonl (30) was written after both; it scored 43.3% on its first run (46.7% after an unrelated bug fix) and
 *   the patterns were then broadened against it, so it is a tuning set too;
 * - blind.jsonl (30) was written after all of that and the patterns were not changed after its first run: its
 *   figures are the honest estimate of how the rules engine does on replies it has never seen.
 * Prints precision and recall per intent for each set. The gates (90% overall accuracy, 100% recall on the replies
 * that must escalate, 90% correct promise dates) apply to the three tuned sets together (287 replies); blind.jsonl
 * is printed, not gated, so that it stays an unseen sample instead of becoming a fourth tuning set.
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

export interface CorpusCase {
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

export function loadCorpus(file = 'corpus.jsonl'): CorpusCase[] {
	return readFileSync(join(__dirname, '..', 'fixtures', 'replies', file), 'utf8')
		.split('\n')
		.filter((line) => line.trim() !== '')
		.map((line) => JSON.parse(line) as CorpusCase);
}

interface Score {
	accuracy: number;
	escalationMisses: string[];
	dateAccuracy: number;
	report: string;
}

function pct(part: number, whole: number): string {
	return whole === 0 ? '   n/a' : `${((100 * part) / whole).toFixed(1).padStart(5)}%`;
}

function score(title: string, cases: CorpusCase[]): Score {
	const results = new Map<string, TriageResult>(
		cases.map((item) => [item.id, triageReply(item, { timezone: item.timezone })]),
	);
	const got = (item: CorpusCase) => results.get(item.id) as TriageResult;
	const lines: string[] = [
		`${title}: ${cases.length} replies`,
		'| intent | n | precision | recall |',
		'| --- | ---: | ---: | ---: |',
	];
	for (const intent of REPLY_INTENTS) {
		const expected = cases.filter((item) => item.expected.intent === intent);
		const predicted = cases.filter((item) => got(item).intent === intent);
		const hits = expected.filter((item) => got(item).intent === intent).length;
		lines.push(
			`| ${intent} | ${expected.length} | ${pct(hits, predicted.length)} | ${pct(hits, expected.length)} |`,
		);
	}
	const correct = cases.filter((item) => got(item).intent === item.expected.intent);
	const mustEscalate = cases.filter((item) => item.expected.escalate);
	const escalationMisses = mustEscalate
		.filter((item) => !got(item).escalate)
		.map((item) => `${item.id}: not escalated (${got(item).intent})`);
	const overEscalated = cases
		.filter((item) => !item.expected.escalate && got(item).escalate)
		.map((item) => `${item.id}: escalated (${got(item).intent}) without need`);
	const withDate = cases.filter((item) => item.expected.promisedDate);
	const dateMisses = withDate
		.filter((item) => got(item).extracted.promisedDate !== item.expected.promisedDate)
		.map(
			(item) =>
				`${item.id}: promised ${item.expected.promisedDate}, got ${got(item).extracted.promisedDate}`,
		);
	const withReturn = cases.filter((item) => item.expected.returnDate);
	const returnMisses = withReturn
		.filter((item) => got(item).extracted.returnDate !== item.expected.returnDate)
		.map(
			(item) =>
				`${item.id}: back ${item.expected.returnDate}, got ${got(item).extracted.returnDate}`,
		);
	const misses = cases
		.filter((item) => got(item).intent !== item.expected.intent)
		.map(
			(item) =>
				`${item.id}: expected ${item.expected.intent}, got ${got(item).intent} — ${got(item).summary.slice(0, 100)}`,
		);
	lines.push(
		'',
		`overall accuracy      ${pct(correct.length, cases.length)} (${correct.length}/${cases.length})`,
		`must-escalate recall  ${pct(mustEscalate.length - escalationMisses.length, mustEscalate.length)} (${mustEscalate.length - escalationMisses.length}/${mustEscalate.length}); escalated without need: ${overEscalated.length}`,
		`promise dates         ${pct(withDate.length - dateMisses.length, withDate.length)} (${withDate.length - dateMisses.length}/${withDate.length})`,
		`return dates          ${pct(withReturn.length - returnMisses.length, withReturn.length)} (${withReturn.length - returnMisses.length}/${withReturn.length})`,
		...[...misses, ...escalationMisses, ...overEscalated, ...dateMisses, ...returnMisses].map(
			(line) => `  miss ${line}`,
		),
	);
	for (const result of results.values())
		expect(TriageResultSchema.safeParse(result).success).toBe(true);
	return {
		accuracy: correct.length / cases.length,
		escalationMisses,
		dateAccuracy:
			withDate.length === 0 ? 1 : (withDate.length - dateMisses.length) / withDate.length,
		report: lines.join('\n'),
	};
}

const tuning = loadCorpus('corpus.jsonl');
const holdout = loadCorpus('holdout.jsonl');
const fresh = loadCorpus('fresh.jsonl');
const blind = loadCorpus('blind.jsonl');
const gated = [...tuning, ...holdout, ...fresh];

describe('reply corpus', () => {
	it('has at least 150 replies covering every intent, with unique ids', () => {
		const all = [...gated, ...blind];
		expect(all.length).toBeGreaterThanOrEqual(150);
		expect(new Set(all.map((item) => item.id)).size).toBe(all.length);
		for (const intent of REPLY_INTENTS)
			expect(tuning.some((item) => item.expected.intent === intent)).toBe(true);
	});

	it('reaches 90% accuracy, 100% recall on must-escalate replies and 90% correct promise dates', () => {
		const reports = [
			score('tuning corpus (corpus.jsonl)', tuning),
			score('second set, tuned against after its first run (holdout.jsonl)', holdout),
			score('third set, tuned against after its first run (fresh.jsonl)', fresh),
		];
		const all = score('gated: the three tuned sets together', gated);
		const unseen = score('blind set, never tuned against (blind.jsonl)', blind);
		process.stdout.write(
			`\n${[...reports, all, unseen].map((report) => report.report).join('\n\n')}\n`,
		);
		expect(all.accuracy).toBeGreaterThanOrEqual(0.9);
		expect(all.escalationMisses).toEqual([]);
		expect(all.dateAccuracy).toBeGreaterThanOrEqual(0.9);
	});

	it('extracts the new contact and the requested documents the corpus names', () => {
		for (const item of gated) {
			const got = triageReply(item, { timezone: item.timezone });
			if (item.expected.newContactEmail) {
				expect([item.id, got.extracted.newContactEmail]).toEqual([
					item.id,
					item.expected.newContactEmail,
				]);
			}
			// Whether "send the invoice with the PO" also asks for an invoice copy is a judgement call: invoice_copy is
			// not required when another document is named, but nothing outside the expected list may appear.
			if (item.expected.documentsRequested) {
				const expected = item.expected.documentsRequested;
				const found = got.extracted.documentsRequested;
				const required =
					expected.length > 1 ? expected.filter((kind) => kind !== 'invoice_copy') : expected;
				expect([item.id, required.filter((kind) => !found.includes(kind as never))]).toEqual([
					item.id,
					[],
				]);
				expect([item.id, found.filter((kind) => !expected.includes(kind))]).toEqual([item.id, []]);
			}
		}
	});
});
