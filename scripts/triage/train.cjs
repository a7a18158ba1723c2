#!/usr/bin/env node
/**
 * npm run train:triage: trains the learned reply classifier and writes src/triage/learned/reply-intents.model.json.
 *
 * Reproducible: the same corpus gives the same file (seeded shuffle, fixed epochs). It uses the compiled package
 * (dist/, built by the npm script first) for the reading and the features, so training and run time share one
 * implementation. Multinomial logistic regression, AdaGrad, L2; int8 weights; softmax temperature fitted on a
 * calibration slice of the training part; one reply in five (by id hash) is held out and never trained on.
 *
 * Options (environment): TRIAGE_BITS (feature space 2^bits, default 16), TRIAGE_MIN_GRAM and TRIAGE_MAX_GRAM
 * (character n-grams, default 3 and 4), TRIAGE_MAX_CHARS (default 1500), TRIAGE_EPOCHS (default 12),
 * TRIAGE_L2 (default 1e-5), TRIAGE_DRY=1 (report only, write nothing).
 */
const { readFileSync, readdirSync, writeFileSync, existsSync } = require('node:fs');
const { join, relative } = require('node:path');

const ROOT = join(__dirname, '..', '..');
const dist = (path) => require(join(ROOT, 'dist', 'src', 'triage', path));
const { parseReply } = dist('parse');
const { REPLY_INTENTS } = dist('schema');
const { hashedFeatures, DEFAULT_FEATURE_SHAPE } = dist('learned/features');
const { modelInputOf } = dist('learned/input');
const { isHeldOut, isCalibration } = dist('learned/split');
const { MODEL_FORMAT, IntentModelFileSchema, decodeIntentModel, predictIntent } =
	dist('learned/model');

const SHAPE = {
	bits: Number(process.env.TRIAGE_BITS) || DEFAULT_FEATURE_SHAPE.bits,
	minGram: process.env.TRIAGE_MIN_GRAM
		? Number(process.env.TRIAGE_MIN_GRAM)
		: DEFAULT_FEATURE_SHAPE.minGram,
	maxGram: process.env.TRIAGE_MAX_GRAM
		? Number(process.env.TRIAGE_MAX_GRAM)
		: DEFAULT_FEATURE_SHAPE.maxGram,
	maxChars: Number(process.env.TRIAGE_MAX_CHARS) || DEFAULT_FEATURE_SHAPE.maxChars,
};
const BITS = SHAPE.bits;
const EPOCHS = Number(process.env.TRIAGE_EPOCHS) || 12;
const L2 = process.env.TRIAGE_L2 ? Number(process.env.TRIAGE_L2) : 1e-5;
const RATE = 0.5;
const OUT = join(ROOT, 'src', 'triage', 'learned', 'reply-intents.model.json');
const REPLIES = join(ROOT, 'tests', 'fixtures', 'replies');
/** Never trained on: the blind set stays blind. */
const NEVER = new Set(['blind.jsonl']);

function corpusFiles() {
	const top = readdirSync(REPLIES)
		.filter((file) => file.endsWith('.jsonl') && !NEVER.has(file))
		.map((file) => join(REPLIES, file));
	const trainDir = join(REPLIES, 'train');
	const train = existsSync(trainDir)
		? readdirSync(trainDir)
				.filter((file) => file.endsWith('.jsonl'))
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

/** A small seeded PRNG (mulberry32), so the shuffle and the file are the same on every run. */
function random(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function example(record) {
	const parsed = parseReply({
		subject: record.subject,
		text: record.text,
		html: record.html,
		from: record.from,
		headers: record.headers,
	});
	const input = modelInputOf(parsed);
	const features = hashedFeatures(input.text, SHAPE, input.flags);
	return {
		id: record.id,
		lang: record.lang ?? 'en',
		label: REPLY_INTENTS.indexOf(record.expected.intent),
		features,
		weight: features.length > 0 ? 1 / Math.sqrt(features.length) : 0,
		input,
	};
}

function train(examples) {
	const labels = REPLY_INTENTS.length;
	const size = (1 << BITS) * labels;
	const weights = new Float64Array(size);
	const squares = new Float64Array(size).fill(1e-8);
	const bias = new Float64Array(labels);
	const biasSquares = new Float64Array(labels).fill(1e-8);
	const next = random(20261202);
	const order = examples.map((_, index) => index);
	const scores = new Float64Array(labels);
	for (let epoch = 0; epoch < EPOCHS; epoch++) {
		for (let index = order.length - 1; index > 0; index--) {
			const swap = Math.floor(next() * (index + 1));
			[order[index], order[swap]] = [order[swap], order[index]];
		}
		for (const position of order) {
			const { features, weight, label } = examples[position];
			for (let column = 0; column < labels; column++) scores[column] = bias[column];
			for (const feature of features) {
				const row = feature * labels;
				for (let column = 0; column < labels; column++)
					scores[column] += weights[row + column] * weight;
			}
			let max = -Infinity;
			for (let column = 0; column < labels; column++) max = Math.max(max, scores[column]);
			let sum = 0;
			for (let column = 0; column < labels; column++) {
				scores[column] = Math.exp(scores[column] - max);
				sum += scores[column];
			}
			for (let column = 0; column < labels; column++) {
				const gradient = scores[column] / sum - (column === label ? 1 : 0);
				biasSquares[column] += gradient * gradient;
				bias[column] -= (RATE * gradient) / Math.sqrt(biasSquares[column]);
				for (const feature of features) {
					const at = feature * labels + column;
					const step = gradient * weight + L2 * weights[at];
					squares[at] += step * step;
					weights[at] -= (RATE * step) / Math.sqrt(squares[at]);
				}
			}
		}
	}
	return { weights, bias };
}

function toFile(trained, temperature, meta) {
	let max = 0;
	for (const value of trained.weights) max = Math.max(max, Math.abs(value));
	const scale = max / 127 || 1;
	const int8 = new Int8Array(trained.weights.length);
	for (let index = 0; index < int8.length; index++)
		int8[index] = Math.max(-127, Math.min(127, Math.round(trained.weights[index] / scale)));
	return {
		format: MODEL_FORMAT,
		version: 1,
		bits: BITS,
		minGram: SHAPE.minGram,
		maxGram: SHAPE.maxGram,
		maxChars: SHAPE.maxChars,
		labels: [...REPLY_INTENTS],
		scale,
		bias: [...trained.bias].map((value) => Math.round(value * 1e6) / 1e6),
		weights: Buffer.from(int8.buffer).toString('base64'),
		temperature,
		training: meta,
	};
}

function accuracy(model, examples) {
	let right = 0;
	for (const item of examples)
		if (
			REPLY_INTENTS.indexOf(predictIntent(model, item.input.text, item.input.flags).intent) ===
			item.label
		)
			right++;
	return examples.length === 0 ? 0 : right / examples.length;
}

/** The temperature that minimises the log loss on the calibration slice. */
function fitTemperature(model, examples) {
	let best = { temperature: 1, loss: Infinity };
	for (let temperature = 0.3; temperature <= 3.001; temperature += 0.05) {
		const scaled = { ...model, temperature };
		let loss = 0;
		for (const item of examples) {
			const { probabilities } = predictIntent(scaled, item.input.text, item.input.flags);
			loss -= Math.log(Math.max(1e-9, probabilities[item.label]));
		}
		if (loss < best.loss) best = { temperature: Math.round(temperature * 100) / 100, loss };
	}
	return best.temperature;
}

function main() {
	const files = corpusFiles();
	const all = load(files).map(example);
	const heldOut = all.filter((item) => isHeldOut(item.id));
	const training = all.filter((item) => !isHeldOut(item.id));
	const fitting = training.filter((item) => !isCalibration(item.id));
	const calibration = training.filter((item) => isCalibration(item.id));
	const meta = {
		script: 'scripts/triage/train.cjs',
		files: files.map((file) => relative(ROOT, file)),
		examples: training.length,
		heldOut: heldOut.length,
		heldOutAccuracy: 0,
		epochs: EPOCHS,
		l2: L2,
	};
	// First pass: fit on the training part minus the calibration slice, then fit the temperature on that slice.
	const first = decodeIntentModel(toFile(train(fitting), 1, meta));
	const temperature = fitTemperature(first, calibration);
	// Final model: the whole training part, the fitted temperature.
	const file = toFile(train(training), temperature, meta);
	const model = decodeIntentModel(file);
	meta.heldOutAccuracy = Math.round(accuracy(model, heldOut) * 1000) / 1000;
	IntentModelFileSchema.parse(file);
	const json = `${JSON.stringify(file)}\n`;
	const perLanguage = {};
	for (const item of heldOut) {
		const entry = (perLanguage[item.lang] ??= { n: 0, right: 0 });
		entry.n++;
		if (
			REPLY_INTENTS.indexOf(predictIntent(model, item.input.text, item.input.flags).intent) ===
			item.label
		)
			entry.right++;
	}
	process.stdout.write(
		`${all.length} replies from ${files.length} files: ${training.length} trained on, ${heldOut.length} held out\n` +
			`shape ${JSON.stringify(SHAPE)}, epochs ${EPOCHS}, l2 ${L2}, temperature ${temperature}\n` +
			`held-out accuracy (model alone) ${(meta.heldOutAccuracy * 100).toFixed(1)}%; first-pass calibration-slice accuracy ${(accuracy(first, calibration) * 100).toFixed(1)}%\n` +
			`per language: ${Object.entries(perLanguage)
				.map(([lang, { n, right }]) => `${lang} ${right}/${n}`)
				.join(', ')}\n` +
			`model file ${(json.length / 1024 / 1024).toFixed(2)} MB\n`,
	);
	if (process.env.TRIAGE_DRY !== '1') writeFileSync(OUT, json);
}

main();
