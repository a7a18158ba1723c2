/**
 * Reply Triage throughput and worst cases.
 *
 * Rows:
 * - the default engine, rules + the shipped learned classifier, on the reply corpus (tests/fixtures/replies and
 *   its train/ folder, every set, repeated to ~10 000 replies), against the floor: the text pass every engine needs
 *   (HTML to text, quote and signature stripping, normalisation); the model is loaded before the clock starts
 *   (a one-off, timed on its own row);
 * - the rules engine alone (learned: false) on the same replies;
 * - the same corpus through the raw operation: one precompiled regex test per reply on the lower-cased text;
 * - the slowest of fourteen hostile 100 KB bodies (goal < 50 ms each).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { mapWithConcurrency } from '../src/ai';
import {
	classifyReplyWithAi,
	parseReply,
	triageReply,
	triageReplyHybrid,
	type ReplyInput,
} from '../src/triage';
import { FakeAnswers, startFakeOpenAi } from '../tests/helpers/fakeOpenAi';
import {
	IntentModelFileSchema,
	MODEL_FILE,
	decodeIntentModel,
	shippedIntentModel,
} from '../src/triage/learned/model';
import { normalise } from '../src/triage/text';
import { REPO } from './setup';
import { benchRuns, medianMs } from './stats';
import type { BenchRow } from './types';

const TARGET = Number(process.env.BENCH_TRIAGE_COUNT) || 10_000;
/** Goal: at least this many replies per second through the rules engine. */
const GOAL_PER_SECOND = 5_000;

interface CorpusLine extends ReplyInput {
	timezone?: string;
}

function loadCorpus(): CorpusLine[] {
	const dir = join(REPO, 'tests', 'fixtures', 'replies');
	const files = [
		...readdirSync(dir).map((file) => join(dir, file)),
		...readdirSync(join(dir, 'train')).map((file) => join(dir, 'train', file)),
	];
	return (
		files
			// The blind sets stay unread, even as bench input.
			.filter((file) => file.endsWith('.jsonl') && !/(?:^|\/)blind[^/]*$/.test(file))
			.flatMap((file) =>
				readFileSync(file, 'utf8')
					.split('\n')
					.filter((line) => line.trim() !== '')
					.map((line) => JSON.parse(line) as CorpusLine),
			)
	);
}

export const HOSTILE_BODIES: Record<string, string> = {
	letters: 'a'.repeat(100_000),
	'digit groups': '1,000'.repeat(20_000),
	'dotted numbers': '1.2.'.repeat(25_000),
	'unclosed tags': '<blockquote'.repeat(9_100),
	'quote prefixes': '>'.repeat(100_000),
	'wrote lines': 'On Monday at 9 Jane <'.repeat(4_800),
	'legal words': 'lawyer not '.repeat(9_100),
	'currency signs': '$'.repeat(100_000),
	'invoice prefixes': 'invoice #'.repeat(11_100),
	'at signs': 'a@'.repeat(50_000),
	'date-ish': '12/'.repeat(33_000),
	'month words': 'may may '.repeat(12_500),
	'one long sentence': 'we will pay '.repeat(8_300),
	spaces: ' '.repeat(100_000),
};

function perSecond(items: number, ms: number): string {
	return `${Math.round((items * 1000) / ms).toLocaleString('en-US')} replies/s`;
}

export async function run(): Promise<BenchRow[]> {
	const runs = benchRuns();
	const corpus = loadCorpus();
	const replies: CorpusLine[] = [];
	while (replies.length < TARGET) replies.push(...corpus);
	replies.length = TARGET;

	// What the first reply pays once per process: read, validate and decode the shipped model file.
	const { ms: modelLoadMs } = await medianMs(runs, () =>
		decodeIntentModel(IntentModelFileSchema.parse(JSON.parse(readFileSync(MODEL_FILE, 'utf8')))),
	);
	shippedIntentModel();
	const rules = await medianMs(runs, () => {
		for (const reply of replies) triageReply(reply, { timezone: reply.timezone });
	});
	const rulesOnly = await medianMs(runs, () => {
		for (const reply of replies) triageReply(reply, { timezone: reply.timezone, learned: false });
	});
	const textPass = await medianMs(runs, () => {
		for (const reply of replies) normalise(parseReply(reply).body);
	});
	const probe = /\b(?:pay|paid|lawyer|dispute)\b/;
	let sink = 0;
	const raw = await medianMs(runs, () => {
		for (const reply of replies)
			if (probe.test((reply.text || reply.html || '').toLowerCase())) sink++;
	});

	// The first long subject makes V8 compile each pattern to machine code; pay that once, then time each body.
	triageReply({
		subject: '',
		text: 'We will pay the invoice on Friday, thanks. '.repeat(2_500),
		from: '',
		receivedAt: '2026-11-23T15:00:00Z',
	});
	let worst = { name: '', ms: 0 };
	for (const [name, body] of Object.entries(HOSTILE_BODIES)) {
		const { ms } = await medianMs(runs, () =>
			triageReply({
				subject: 'Re: Invoice',
				text: body,
				from: 'x@y.com',
				receivedAt: '2026-11-23T15:00:00Z',
			}),
		);
		if (ms > worst.ms) worst = { name, ms };
	}
	const rate = (replies.length * 1000) / rules.ms;
	const ai = await aiThroughput(corpus);
	return [
		...ai,
		{
			name: `rules + learned model, ${corpus.length}-reply corpus repeated (${perSecond(replies.length, rules.ms)})`,
			items: replies.length,
			ms: rules.ms,
			floorMs: textPass.ms,
			goal: `≥ ${GOAL_PER_SECOND.toLocaleString('en-US')} replies/s: ${rate >= GOAL_PER_SECOND ? 'pass' : 'FAIL'}`,
			note: `floor = the text pass alone (HTML, quotes, signature, normalise): ${perSecond(replies.length, textPass.ms)}`,
		},
		{
			name: `rules engine alone (learned: false) (${perSecond(replies.length, rulesOnly.ms)})`,
			items: replies.length,
			ms: rulesOnly.ms,
			floorMs: textPass.ms,
		},
		{
			name: 'learned model: read, validate and decode the shipped file (the first reply pays it, once per process)',
			items: 1,
			ms: modelLoadMs,
		},
		{
			name: 'raw operation: one regex on the lower-cased body',
			items: replies.length,
			ms: rules.ms,
			floorMs: raw.ms,
			note: `${perSecond(replies.length, raw.ms)} (${sink > 0 ? 'matched' : 'no match'})`,
		},
		{
			name: `hostile 100 KB body, slowest of ${Object.keys(HOSTILE_BODIES).length} (${worst.name})`,
			items: 1,
			ms: worst.ms,
			goal: `< 50 ms: ${worst.ms < 50 ? 'pass' : 'FAIL'}`,
		},
	];
}

/** What AI mode sustains against a model that takes 200 ms per answer, at the node's default concurrency. */
const AI_LATENCY_MS = 200;
const AI_CONCURRENCY = 4;
const AI_REPLIES = 40;

async function aiThroughput(corpus: CorpusLine[]): Promise<BenchRow[]> {
	const fake = await startFakeOpenAi();
	fake.respond(() =>
		FakeAnswers.json(
			{ intent: 'acknowledged', confidence: 0.9, summary: 'Noted.' },
			{ delayMs: AI_LATENCY_MS },
		),
	);
	const config = {
		apiKey: 'bench',
		baseUrl: fake.baseUrl,
		model: 'bench-model',
		timeoutMs: 5_000,
		maxRetries: 0,
	};
	const replies = corpus.slice(0, AI_REPLIES);
	try {
		const timeMode = async (mode: 'ai' | 'hybrid') => {
			const before = fake.requests.length;
			const started = performance.now();
			await mapWithConcurrency(replies, AI_CONCURRENCY, (reply) =>
				mode === 'ai'
					? classifyReplyWithAi(reply, { timezone: reply.timezone, ai: config })
					: triageReplyHybrid(reply, { timezone: reply.timezone, ai: config }),
			);
			return { ms: performance.now() - started, calls: fake.requests.length - before };
		};
		const aiMode = await timeMode('ai');
		const hybrid = await timeMode('hybrid');
		const ceiling = (AI_CONCURRENCY * 1000) / AI_LATENCY_MS;
		return [
			{
				name: `AI mode, fake model with ${AI_LATENCY_MS} ms latency, concurrency ${AI_CONCURRENCY} (${perSecond(replies.length, aiMode.ms)})`,
				items: replies.length,
				ms: aiMode.ms,
				note: `${aiMode.calls} model calls; the ceiling at this latency and concurrency is ${ceiling} replies/s`,
			},
			{
				name: `Hybrid mode, same model (${perSecond(replies.length, hybrid.ms)})`,
				items: replies.length,
				ms: hybrid.ms,
				note: `${hybrid.calls} of ${replies.length} replies went to the model (rules confidence under the threshold)`,
			},
		];
	} finally {
		await fake.close();
	}
}
