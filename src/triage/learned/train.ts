/**
 * Training of the learned reply classifier: multinomial logistic regression over hashed n-grams (./features),
 * AdaGrad, L2, optional class weights, int8 weights, softmax temperature fitted on a calibration slice.
 * Pure and deterministic (seeded shuffle, fixed epochs). Shared by `npm run train:triage`
 * (scripts/triage/train.cjs, which writes the shipped file), the leave-one-writer-out evaluation
 * (scripts/triage/lowo.cjs) and the corpus test, so all three train exactly the same way.
 * Not loaded at run time: the package reads only the shipped file (./model).
 */
import { parseReply } from '../parse';
import { REPLY_INTENTS, type ReplyIntent } from '../schema';
import { hashedFeatures, type FeatureShape } from './features';
import { modelInputOf, type ModelInput } from './input';
import {
	MODEL_FORMAT,
	decodeIntentModel,
	predictIntent,
	type IntentModel,
	type IntentModelFile,
} from './model';

/** A labelled reply as the corpora hold it (tests/fixtures/replies). */
export interface LabelledReply {
	id: string;
	lang?: string;
	subject?: string;
	text: string;
	html?: string;
	from?: string;
	headers?: Record<string, string>;
	expected: { intent: ReplyIntent };
}

export interface TrainingExample {
	id: string;
	lang: string;
	label: number;
	/** The hashed features of each ensemble member's shape (`memberShapes`). */
	views: number[][];
	input: ModelInput;
}

export interface TrainingOptions {
	shape: FeatureShape;
	epochs: number;
	l2: number;
	/**
	 * Extra weight of a class's examples: 1 is plain, and `classBalance` b gives a class of n examples the weight
	 * (median n / n)^b, so rare escalate classes (legal threats, opt-outs) are not drowned by promises.
	 */
	classBalance: number;
	/**
	 * Softmax temperature. Fixed, it is the one chosen on the leave-one-writer-out evaluation: replies from an unseen
	 * writer are where confidence must be calibrated (a slice of the same writers' replies makes the model look sure).
	 * Undefined: fitted on a calibration slice.
	 */
	temperature?: number;
	/** Members of the ensemble: the same features hashed with other seeds, scores averaged (1: a single model). */
	members?: number;
}

/** The feature shape of each member of the ensemble: the first is `shape`, the others other hash seeds. */
export function memberShapes(options: Pick<TrainingOptions, 'shape' | 'members'>): FeatureShape[] {
	return Array.from({ length: Math.max(1, options.members ?? 1) }, (_, index) =>
		index === 0 ? options.shape : { ...options.shape, seed: (options.shape.seed ?? 0) + index },
	);
}

export const DEFAULT_TRAINING: Omit<TrainingOptions, 'shape'> = {
	epochs: 12,
	l2: 1e-3,
	classBalance: 0.5,
	temperature: 0.2,
	members: 1,
};

const RATE = 0.5;

export function toExample(
	record: LabelledReply,
	shapes: FeatureShape | readonly FeatureShape[],
): TrainingExample {
	const parsed = parseReply({
		subject: record.subject,
		text: record.text,
		html: record.html,
		from: record.from ?? '',
		headers: record.headers,
	});
	const input = modelInputOf(parsed);
	const views = (Array.isArray(shapes) ? shapes : [shapes]).map((shape: FeatureShape) =>
		hashedFeatures(input.text, shape, input.flags),
	);
	return {
		id: record.id,
		lang: record.lang ?? 'en',
		label: REPLY_INTENTS.indexOf(record.expected.intent),
		views,
		input,
	};
}

/** A small seeded PRNG (mulberry32), so the shuffle and the file are the same on every run. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function classWeights(examples: readonly TrainingExample[], balance: number): Float64Array {
	const labels = REPLY_INTENTS.length;
	const counts = new Array<number>(labels).fill(0);
	for (const item of examples) counts[item.label]++;
	const present = counts.filter((count) => count > 0).sort((a, b) => a - b);
	const median = present[Math.floor(present.length / 2)] ?? 1;
	return Float64Array.from(counts, (count) =>
		count === 0 || balance === 0 ? 1 : Math.min(4, (median / count) ** balance),
	);
}

export interface TrainedWeights {
	weights: Float64Array;
	bias: Float64Array;
}

/** One member's weights, from its view (feature hashing) of the examples. */
export function trainWeights(
	examples: readonly TrainingExample[],
	options: TrainingOptions,
	view = 0,
): TrainedWeights {
	const labels = REPLY_INTENTS.length;
	const size = (1 << options.shape.bits) * labels;
	const weights = new Float64Array(size);
	const squares = new Float64Array(size).fill(1e-8);
	const bias = new Float64Array(labels);
	const biasSquares = new Float64Array(labels).fill(1e-8);
	const perClass = classWeights(examples, options.classBalance);
	const next = random(20261202);
	const order = examples.map((_, index) => index);
	const scores = new Float64Array(labels);
	const { l2 } = options;
	for (let epoch = 0; epoch < options.epochs; epoch++) {
		for (let index = order.length - 1; index > 0; index--) {
			const swap = Math.floor(next() * (index + 1));
			[order[index], order[swap]] = [order[swap], order[index]];
		}
		for (const position of order) {
			const { views, label } = examples[position];
			const features = views[view];
			const weight = features.length > 0 ? 1 / Math.sqrt(features.length) : 0;
			const importance = perClass[label];
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
				const gradient = importance * (scores[column] / sum - (column === label ? 1 : 0));
				biasSquares[column] += gradient * gradient;
				bias[column] -= (RATE * gradient) / Math.sqrt(biasSquares[column]);
				for (const feature of features) {
					const at = feature * labels + column;
					const step = gradient * weight + l2 * weights[at];
					squares[at] += step * step;
					weights[at] -= (RATE * step) / Math.sqrt(squares[at]);
				}
			}
		}
	}
	return { weights, bias };
}

function encodeMember(trained: TrainedWeights, shape: FeatureShape) {
	let max = 0;
	for (const value of trained.weights) max = Math.max(max, Math.abs(value));
	const scale = max / 127 || 1;
	const int8 = new Int8Array(trained.weights.length);
	for (let index = 0; index < int8.length; index++)
		int8[index] = Math.max(-127, Math.min(127, Math.round(trained.weights[index] / scale)));
	return {
		bits: shape.bits,
		minGram: shape.minGram,
		maxGram: shape.maxGram,
		...(shape.seed ? { seed: shape.seed } : {}),
		scale,
		bias: [...trained.bias].map((value) => Math.round(value * 1e6) / 1e6),
		weights: Buffer.from(int8.buffer).toString('base64'),
	};
}

/** The model file of trained members (one per shape of `memberShapes`). */
export function toModelFile(
	trained: readonly TrainedWeights[],
	shapes: readonly FeatureShape[],
	temperature: number,
	training: IntentModelFile['training'],
): IntentModelFile {
	const [first, ...rest] = trained.map((member, index) => encodeMember(member, shapes[index]));
	return {
		format: MODEL_FORMAT,
		version: 1,
		...first,
		maxChars: shapes[0].maxChars,
		labels: [...REPLY_INTENTS],
		...(rest.length > 0 ? { ensemble: rest } : {}),
		temperature,
		training,
	};
}

export function modelAccuracy(model: IntentModel, examples: readonly TrainingExample[]): number {
	let right = 0;
	for (const item of examples)
		if (
			REPLY_INTENTS.indexOf(predictIntent(model, item.input.text, item.input.flags).intent) ===
			item.label
		)
			right++;
	return examples.length === 0 ? 0 : right / examples.length;
}

/** The softmax temperature that minimises the log loss on a calibration slice. */
export function fitTemperature(model: IntentModel, examples: readonly TrainingExample[]): number {
	let best = { temperature: 1, loss: Infinity };
	for (let step = 0; step <= 54; step++) {
		const temperature = 0.3 + step * 0.05;
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

/**
 * A model from examples: first fit without the calibration slice and fit the temperature on it, then (refit) fit on
 * everything with that temperature.
 */
export function trainIntentModel(
	examples: readonly TrainingExample[],
	isCalibration: (example: TrainingExample) => boolean,
	options: TrainingOptions,
	training: IntentModelFile['training'],
	/** Fit again on everything with the fitted temperature (the shipped model); false keeps the first fit (faster). */
	refit = true,
): { file: IntentModelFile; model: IntentModel } {
	const shapes = memberShapes(options);
	const fit = (items: readonly TrainingExample[]) =>
		shapes.map((_, view) => trainWeights(items, options, view));
	if (options.temperature !== undefined) {
		const file = toModelFile(fit(examples), shapes, options.temperature, training);
		return { file, model: decodeIntentModel(file) };
	}
	const calibration = examples.filter(isCalibration);
	const fitting = examples.filter((item) => !isCalibration(item));
	const firstFile = toModelFile(fit(fitting), shapes, 1, training);
	const first = decodeIntentModel(firstFile);
	const temperature = calibration.length > 0 ? fitTemperature(first, calibration) : 1;
	if (!refit) {
		const file = { ...firstFile, temperature };
		return { file, model: { ...first, temperature } };
	}
	const file = toModelFile(fit(examples), shapes, temperature, training);
	return { file, model: decodeIntentModel(file) };
}
