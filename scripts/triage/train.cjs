#!/usr/bin/env node
/**
 * npm run train:triage: trains the learned reply classifier and writes src/triage/learned/reply-intents.model.json.
 *
 * Reproducible: the same corpus gives the same file (seeded shuffle, fixed epochs). It uses the compiled package
 * (dist/, built by the npm script first) for the reading, the features and the training
 * (src/triage/learned/train.ts), so training, evaluation (scripts/triage/lowo.cjs) and run time share one
 * implementation. The shipped model is trained on every labelled reply (all writers and the rules' own sets): the
 * honest figure is the leave-one-writer-out evaluation (npm run eval:triage), not a slice of the same writers.
 * TRIAGE_SPLIT=1 holds one reply in five (by id hash) out instead and reports the model alone on it. The blind sets
 * are never read.
 *
 * Options (environment, see ./options.cjs): TRIAGE_BITS, TRIAGE_MIN_GRAM, TRIAGE_MAX_GRAM, TRIAGE_MAX_CHARS,
 * TRIAGE_EPOCHS, TRIAGE_L2, TRIAGE_BALANCE, TRIAGE_MEMBERS, TRIAGE_TEMPERATURE; TRIAGE_DRY=1 (report only, write nothing).
 */
const { readFileSync, readdirSync, writeFileSync, existsSync } = require('node:fs');
const { join, relative } = require('node:path');

const { trainingOptionsFromEnv } = require('./options.cjs');

const ROOT = join(__dirname, '..', '..');
const dist = (path) => require(join(ROOT, 'dist', 'src', 'triage', path));
const { toExample, trainIntentModel, modelAccuracy, memberShapes } = dist('learned/train');
const { isHeldOut, isCalibration } = dist('learned/split');
const { IntentModelFileSchema } = dist('learned/model');

const OUT = join(ROOT, 'src', 'triage', 'learned', 'reply-intents.model.json');
const REPLIES = join(ROOT, 'tests', 'fixtures', 'replies');
/** Never trained on, never read: the blind sets stay blind. */
const isBlind = (file) => /^blind/.test(file);

function corpusFiles() {
	const top = readdirSync(REPLIES)
		.filter((file) => file.endsWith('.jsonl') && !isBlind(file))
		.map((file) => join(REPLIES, file));
	const trainDir = join(REPLIES, 'train');
	const train = existsSync(trainDir)
		? readdirSync(trainDir)
				.filter((file) => file.endsWith('.jsonl') && !isBlind(file))
				.map((file) => join(trainDir, file))
		: [];
	return [...top, ...train].sort();
}

function load(files) {
	const records = [];
	for (const file of files)
		for (const line of readFileSync(file, 'utf8').split('\n'))
			if (line.trim() !== '') records.push(JSON.parse(line));
	return records;
}

function main() {
	const options = trainingOptionsFromEnv();
	const files = corpusFiles();
	const all = load(files).map((record) => toExample(record, memberShapes(options)));
	const split = process.env.TRIAGE_SPLIT === '1';
	const heldOut = split ? all.filter((item) => isHeldOut(item.id)) : [];
	const training = split ? all.filter((item) => !isHeldOut(item.id)) : all;
	const meta = {
		script: 'scripts/triage/train.cjs',
		files: files.map((file) => relative(ROOT, file)),
		examples: training.length,
		heldOut: heldOut.length,
		heldOutAccuracy: 0,
		epochs: options.epochs,
		l2: options.l2,
	};
	const { file, model } = trainIntentModel(
		training,
		(item) => isCalibration(item.id),
		options,
		meta,
	);
	meta.heldOutAccuracy = split ? Math.round(modelAccuracy(model, heldOut) * 1000) / 1000 : 0;
	IntentModelFileSchema.parse(file);
	const json = `${JSON.stringify(file)}\n`;
	const perLanguage = {};
	for (const item of split ? heldOut : all) {
		const entry = (perLanguage[item.lang] ??= []);
		entry.push(item);
	}
	process.stdout.write(
		`${all.length} replies from ${files.length} files: ${training.length} trained on, ${heldOut.length} held out\n` +
			`options ${JSON.stringify(options)}, temperature ${file.temperature}\n` +
			(split
				? `held-out accuracy (model alone) ${(meta.heldOutAccuracy * 100).toFixed(1)}%\n`
				: `in-sample accuracy (model alone; the honest figure is npm run eval:triage) ${(modelAccuracy(model, all) * 100).toFixed(1)}%\n`) +
			`per language${split ? '' : ' (in-sample)'}: ${Object.entries(perLanguage)
				.map(
					([lang, items]) =>
						`${lang} ${(modelAccuracy(model, items) * 100).toFixed(0)}% (n=${items.length})`,
				)
				.join(', ')}\n` +
			`model file ${(json.length / 1024 / 1024).toFixed(2)} MB\n`,
	);
	if (process.env.TRIAGE_DRY !== '1') writeFileSync(OUT, json);
}

main();
