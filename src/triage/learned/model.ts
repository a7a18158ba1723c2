/**
 * The learned reply classifier: a multinomial logistic regression over hashed n-grams (./features), trained by
 * scripts/triage/train.mjs on tests/fixtures/replies/ and shipped as reply-intents.model.json (int8 weights, base64).
 * Loaded lazily, once, on the first reply that needs it: requiring the package does not read the file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { z } from 'zod';

import { REPLY_INTENTS, ReplyIntentSchema, type ReplyIntent } from '../schema';
import { visitHashedFeatures, type FeatureShape } from './features';

export const MODEL_FORMAT = 'invoice-followup/triage-hashed-linear';
export const MODEL_FILE = join(__dirname, 'reply-intents.model.json');

const MemberFields = {
	/** Feature space: 2^bits hashed buckets. */
	bits: z.number().int().min(10).max(20),
	/** Character n-grams per word, minGram to maxGram letters (./features). */
	minGram: z.number().int().min(0).max(8),
	maxGram: z.number().int().min(0).max(8),
	/** Hash seed of the features (./features); absent: 0. */
	seed: z.number().int().min(0).optional(),
	/** Multiply an int8 weight by this to get the float weight. */
	scale: z.number().positive(),
	bias: z.array(z.number()).length(REPLY_INTENTS.length),
	/** base64 of Int8Array(2^bits × labels): row = feature bucket, column = label. */
	weights: z.string(),
};

/** The shipped file's contract; the training script writes exactly this and a test checks the shipped file. */
export const IntentModelFileSchema = z.object({
	format: z.literal(MODEL_FORMAT),
	version: z.literal(1),
	...MemberFields,
	/** Characters of the reply the model reads. */
	maxChars: z.number().int().positive(),
	labels: z.array(ReplyIntentSchema).length(REPLY_INTENTS.length),
	/**
	 * More members of an ensemble (same labels, other hash seeds): the model's scores are the average of every
	 * member's, the top-level fields being the first member.
	 */
	ensemble: z.array(z.object(MemberFields)).max(4).optional(),
	/** Softmax temperature chosen on the leave-one-writer-out evaluation (calibration). */
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
type MemberFile = Pick<
	IntentModelFile,
	'bits' | 'minGram' | 'maxGram' | 'seed' | 'scale' | 'bias' | 'weights'
>;

/** One linear scorer over its own hashed features. */
export interface IntentModelMember {
	shape: FeatureShape;
	/** Float weights, feature-major, columns in `REPLY_INTENTS` order. */
	weights: Float32Array;
	bias: Float32Array;
}

export interface IntentModel {
	labels: readonly ReplyIntent[];
	/** Their scores are averaged. */
	members: IntentModelMember[];
	temperature: number;
}

export interface IntentPrediction {
	intent: ReplyIntent;
	probability: number;
	/** Probability per label, in `REPLY_INTENTS` order. */
	probabilities: Float32Array;
}

function decodeMember(
	member: MemberFile,
	fileLabels: readonly ReplyIntent[],
	maxChars: number,
): IntentModelMember {
	const bytes = Buffer.from(member.weights, 'base64');
	const expected = (1 << member.bits) * fileLabels.length;
	if (bytes.length !== expected)
		throw new Error(`the triage model holds ${bytes.length} weights, expected ${expected}`);
	const int8 = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
	// Columns are re-ordered to REPLY_INTENTS so callers index by the canonical label order.
	const order = REPLY_INTENTS.map((label) => fileLabels.indexOf(label));
	const labels = REPLY_INTENTS.length;
	const weights = new Float32Array(expected);
	for (let row = 0; row < 1 << member.bits; row++)
		for (let column = 0; column < labels; column++)
			weights[row * labels + column] = int8[row * labels + order[column]] * member.scale;
	return {
		shape: {
			bits: member.bits,
			minGram: member.minGram,
			maxGram: member.maxGram,
			maxChars,
			...(member.seed ? { seed: member.seed } : {}),
		},
		weights,
		bias: Float32Array.from(order.map((column) => member.bias[column])),
	};
}

/** Decodes a model file (the training script uses this too, to check what it wrote). */
export function decodeIntentModel(file: IntentModelFile): IntentModel {
	return {
		labels: REPLY_INTENTS,
		members: [file, ...(file.ensemble ?? [])].map((member) =>
			decodeMember(member, file.labels, file.maxChars),
		),
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

/** Adds one member's raw scores for a text to `scores`. */
function addMemberScores(
	member: IntentModelMember,
	normalised: string,
	flags: readonly string[],
	scores: Float32Array,
	share: number,
): void {
	const labels = scores.length;
	const { weights, bias } = member;
	const sums = new Float32Array(labels);
	// The same sums, in the same order, as summing over hashedFeatures(): no feature array is built.
	const count = visitHashedFeatures(normalised, member.shape, flags, (feature) => {
		const row = feature * labels;
		for (let column = 0; column < labels; column++) sums[column] += weights[row + column];
	});
	const weight = count > 0 ? share / Math.sqrt(count) : 0;
	for (let column = 0; column < labels; column++)
		scores[column] += sums[column] * weight + bias[column] * share;
}

/** Class probabilities for a normalised reply text: the softmax of the members' average scores. */
export function predictIntent(
	model: IntentModel,
	normalised: string,
	flags: readonly string[] = [],
): IntentPrediction {
	const labels = model.labels.length;
	const scores = new Float32Array(labels);
	const share = 1 / model.members.length;
	for (const member of model.members) addMemberScores(member, normalised, flags, scores, share);
	let max = -Infinity;
	for (let column = 0; column < labels; column++) {
		scores[column] /= model.temperature;
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
