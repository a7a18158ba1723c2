/**
 * The learned reply classifier: a multinomial logistic regression over hashed n-grams (./features), trained by
 * scripts/triage/train.mjs on tests/fixtures/replies/ and shipped as reply-intents.model.json (int8 weights, base64).
 * Loaded lazily, once, on the first reply that needs it: requiring the package does not read the file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { z } from 'zod';

import { REPLY_INTENTS, ReplyIntentSchema, type ReplyIntent } from '../schema';
import { hashedFeatures, type FeatureShape } from './features';

export const MODEL_FORMAT = 'invoice-followup/triage-hashed-linear';
export const MODEL_FILE = join(__dirname, 'reply-intents.model.json');

/** The shipped file's contract; the training script writes exactly this and a test checks the shipped file. */
export const IntentModelFileSchema = z.object({
	format: z.literal(MODEL_FORMAT),
	version: z.literal(1),
	/** Feature space: 2^bits hashed buckets. */
	bits: z.number().int().min(10).max(20),
	/** Character n-grams per word, minGram to maxGram letters (./features). */
	minGram: z.number().int().min(0).max(8),
	maxGram: z.number().int().min(0).max(8),
	/** Characters of the reply the model reads. */
	maxChars: z.number().int().positive(),
	labels: z.array(ReplyIntentSchema).length(REPLY_INTENTS.length),
	/** Multiply an int8 weight by this to get the float weight. */
	scale: z.number().positive(),
	bias: z.array(z.number()).length(REPLY_INTENTS.length),
	/** base64 of Int8Array(2^bits × labels): row = feature bucket, column = label. */
	weights: z.string(),
	/** Softmax temperature fitted on a split of the training data (calibration). */
	temperature: z.number().positive(),
	training: z.object({
		script: z.string(),
		files: z.array(z.string()),
		examples: z.number().int(),
		heldOut: z.number().int(),
		heldOutAccuracy: z.number(),
		epochs: z.number().int(),
		l2: z.number(),
	}),
});
export type IntentModelFile = z.infer<typeof IntentModelFileSchema>;

export interface IntentModel {
	shape: FeatureShape;
	labels: readonly ReplyIntent[];
	/** Float weights, feature-major. */
	weights: Float32Array;
	bias: Float32Array;
	temperature: number;
}

export interface IntentPrediction {
	intent: ReplyIntent;
	probability: number;
	/** Probability per label, in `REPLY_INTENTS` order. */
	probabilities: Float32Array;
}

/** Decodes a model file (the training script uses this too, to check what it wrote). */
export function decodeIntentModel(file: IntentModelFile): IntentModel {
	const bytes = Buffer.from(file.weights, 'base64');
	const expected = (1 << file.bits) * file.labels.length;
	if (bytes.length !== expected)
		throw new Error(`the triage model holds ${bytes.length} weights, expected ${expected}`);
	const int8 = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
	const weights = new Float32Array(expected);
	for (let index = 0; index < expected; index++) weights[index] = int8[index] * file.scale;
	// Columns are re-ordered to REPLY_INTENTS so callers index by the canonical label order.
	const order = REPLY_INTENTS.map((label) => file.labels.indexOf(label));
	const labels = REPLY_INTENTS.length;
	const reordered = new Float32Array(expected);
	for (let row = 0; row < 1 << file.bits; row++)
		for (let column = 0; column < labels; column++)
			reordered[row * labels + column] = weights[row * labels + order[column]];
	return {
		shape: {
			bits: file.bits,
			minGram: file.minGram,
			maxGram: file.maxGram,
			maxChars: file.maxChars,
		},
		labels: REPLY_INTENTS,
		weights: reordered,
		bias: Float32Array.from(order.map((column) => file.bias[column])),
		temperature: file.temperature,
	};
}

let shipped: IntentModel | null | undefined;
let substitute: IntentModel | undefined;

/**
 * Reads replies with another model than the shipped one until called again without one: the leave-one-writer-out
 * evaluation trains a model per held-out writer and runs the whole engine with it.
 */
export function useIntentModel(model?: IntentModel): void {
	substitute = model;
}

/** The shipped model, read and decoded on first use; null when the file is missing or malformed (rules only). */
export function shippedIntentModel(): IntentModel | null {
	if (substitute) return substitute;
	if (shipped !== undefined) return shipped;
	try {
		const parsed = IntentModelFileSchema.safeParse(JSON.parse(readFileSync(MODEL_FILE, 'utf8')));
		shipped = parsed.success ? decodeIntentModel(parsed.data) : null;
	} catch {
		shipped = null;
	}
	return shipped;
}

/** Class probabilities for a normalised reply text. */
export function predictIntent(
	model: IntentModel,
	normalised: string,
	flags: readonly string[] = [],
): IntentPrediction {
	const labels = model.labels.length;
	const scores = new Float32Array(labels);
	const features = hashedFeatures(normalised, model.shape, flags);
	const weight = features.length > 0 ? 1 / Math.sqrt(features.length) : 0;
	const { weights } = model;
	for (const feature of features) {
		const row = feature * labels;
		for (let column = 0; column < labels; column++) scores[column] += weights[row + column];
	}
	let max = -Infinity;
	for (let column = 0; column < labels; column++) {
		scores[column] = (scores[column] * weight + model.bias[column]) / model.temperature;
		if (scores[column] > max) max = scores[column];
	}
	let sum = 0;
	for (let column = 0; column < labels; column++) {
		scores[column] = Math.exp(scores[column] - max);
		sum += scores[column];
	}
	let best = 0;
	for (let column = 0; column < labels; column++) {
		scores[column] /= sum;
		if (scores[column] > scores[best]) best = column;
	}
	return { intent: model.labels[best], probability: scores[best], probabilities: scores };
}
