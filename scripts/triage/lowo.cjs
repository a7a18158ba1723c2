#!/usr/bin/env node
/**
 * npm run eval:triage: the leave-one-writer-out evaluation of reply triage (src/triage/learned/lowo.ts).
 * For each writer of tests/fixtures/replies/train/ (w1, w2, w3, w4 ...), trains the learned classifier on all the
 * other writers' replies plus the rules' own sets (corpus, holdout, fresh: train only, since the rules were tuned on
 * them), triages the held-out writer with the whole engine and prints the table issue 13 asks for.
 * The blind sets are never read. Options (environment) as scripts/triage/train.cjs, plus TRIAGE_RULES_ONLY=1 for
 * the rules engine alone.
 */
const { readFileSync, readdirSync } = require('node:fs');
const { join, basename } = require('node:path');

const ROOT = join(__dirname, '..', '..');
const dist = (path) => require(join(ROOT, 'dist', 'src', 'triage', path));
const { leaveOneWriterOut } = dist('learned/lowo');
const { scoreCases } = dist('learned/score');
const { triageReply } = dist('rules');
const { trainingOptionsFromEnv } = require('./options.cjs');

const REPLIES = join(ROOT, 'tests', 'fixtures', 'replies');
const load = (file) =>
	readFileSync(file, 'utf8')
		.split('\n')
		.filter((line) => line.trim() !== '')
		.map((line) => JSON.parse(line));

const writers = [
	{
		writer: 'rules sets (train only)',
		cases: ['corpus.jsonl', 'holdout.jsonl', 'fresh.jsonl'].flatMap((file) =>
			load(join(REPLIES, file)),
		),
		trainOnly: true,
	},
	...readdirSync(join(REPLIES, 'train'))
		.filter((file) => file.endsWith('.jsonl'))
		.sort()
		.map((file) => ({
			writer: basename(file, '.jsonl'),
			cases: load(join(REPLIES, 'train', file)),
		})),
];

// Fusion thresholds to compare, e.g. TRIAGE_FUSION='{"namesAt":0.2}' (defaults: src/triage/fuse.ts).
if (process.env.TRIAGE_FUSION)
	Object.assign(dist('fuse').FUSION, JSON.parse(process.env.TRIAGE_FUSION));
const started = Date.now();
if (process.env.TRIAGE_RULES_ONLY === '1') {
	const cases = writers.filter((set) => !set.trainOnly).flatMap((set) => set.cases);
	const results = new Map(
		cases.map((item) => [item.id, triageReply(item, { timezone: item.timezone, learned: false })]),
	);
	const score = scoreCases("rules engine alone, the writers' sets", cases, (item) =>
		results.get(item.id),
	);
	process.stdout.write(`${score.report}\n`);
	if (process.env.TRIAGE_MISSES === '1') process.stdout.write(`${score.misses.join('\n')}\n`);
} else {
	const options = trainingOptionsFromEnv();
	const { FUSION } = dist('fuse');
	const defaults = { ...FUSION };
	const first = leaveOneWriterOut(writers, options);
	process.stdout.write(
		`training ${JSON.stringify(options)}, fusion ${JSON.stringify(FUSION)}\n${first.table}\n`,
	);
	if (process.env.TRIAGE_MISSES === '1')
		process.stdout.write(`${first.overall.misses.join('\n')}\n`);
	// TRIAGE_SWEEP='[{"namesAt":0.2},{"temperature":0.8}]': the same fold models, other fusion settings or softmax
	// temperatures, one line each.
	for (const setting of JSON.parse(process.env.TRIAGE_SWEEP ?? '[]')) {
		const { temperature, reviewBelow, ...fusion } = setting;
		Object.assign(FUSION, defaults, fusion);
		const models = new Map(
			[...first.models].map(([writer, model]) => [
				writer,
				temperature === undefined ? model : { ...model, temperature },
			]),
		);
		const { overall: o } = leaveOneWriterOut(writers, options, 'sweep', models, {
			...(reviewBelow === undefined ? {} : { reviewBelow }),
		});
		const pct = (value) => `${(value * 100).toFixed(1)}%`;
		process.stdout.write(
			`${JSON.stringify(setting)}: intent ${pct(o.accuracy)}, reached ${pct(o.reachedPerson)}, as escalate ${pct(o.escalated)}, false esc ${pct(o.falseEscalations)}, calm to review ${pct(o.calmToReview)}, dates ${pct(o.dateAccuracy)}; ${Object.entries(
				o.byLanguage,
			)
				.map(([lang, { accuracy }]) => `${lang} ${pct(accuracy)}`)
				.join(' ')}\n`,
		);
	}
}
process.stdout.write(`(${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
