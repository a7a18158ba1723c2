/**
 * Fusion of the rules engine and the learned classifier (./learned):
 * - the rules keep their evidence and their intents;
 * - the model adds recall: it names the intent when the rules found none, and may take over a calm reading
 *   when it is sure and the rules are not;
 * - an escalate-class intent from either side wins (the model's when it is reasonably sure);
 * - the confidence is calibrated from both, so a reply neither side is sure of goes to review.
 */
import { predictIntent, shippedIntentModel } from './learned/model';
import {
	ESCALATING_INTENTS,
	INTENT_SEVERITY,
	REPLY_INTENTS,
	type Evidence,
	type ReplyIntent,
} from './schema';

/** The model's probability from which its escalate-class intent is added to the rules' intents. */
export const LEARNED_ESCALATE_AT = 0.45;
/** The model's probability from which it names the intent of a reply the rules could not read. */
export const LEARNED_NAMES_AT = 0.35;
/** The model's probability from which it overrules a calm rules reading that is less sure than it. */
export const LEARNED_OVERRULES_AT = 0.7;

/** Intents an auto-reply can carry; the model may not read a vacation notice as a dispute. */
const AUTO_REPLY_INTENTS: ReadonlySet<ReplyIntent> = new Set([
	'out_of_office',
	'wrong_contact',
	'acknowledged',
]);

export interface Fused {
	intents: ReplyIntent[];
	confidence: number;
	evidence?: Evidence;
	trace?: { intent: ReplyIntent; probability: number };
}

function bySeverity(intents: Iterable<ReplyIntent>): ReplyIntent[] {
	const set = new Set(intents);
	return INTENT_SEVERITY.filter((intent) => set.has(intent));
}

export function fuseLearned(
	rulesIntents: readonly ReplyIntent[],
	rulesConfidence: number,
	text: string,
	flags: readonly string[],
	autoReply: boolean,
): Fused | null {
	const model = shippedIntentModel();
	if (!model) return null;
	const prediction = predictIntent(model, text, flags);
	const { probabilities } = prediction;
	let learned = prediction.intent;
	let probability = prediction.probability;
	if (autoReply && !AUTO_REPLY_INTENTS.has(learned)) {
		// Read the best intent an auto-reply can carry.
		learned = 'out_of_office';
		probability = 0;
		for (const intent of AUTO_REPLY_INTENTS) {
			const candidate = probabilities[REPLY_INTENTS.indexOf(intent)];
			if (candidate > probability) {
				learned = intent;
				probability = candidate;
			}
		}
	}
	const trace = { intent: learned, probability: Math.round(probability * 1000) / 1000 };
	const evidence: Evidence = {
		intent: learned,
		rule: 'learned.model',
		snippet: `learned classifier: ${learned} (p=${trace.probability})`,
		weight: trace.probability,
	};
	const rulesPrimary = rulesIntents[0];
	const agreeing = rulesIntents.includes(learned);

	if (rulesPrimary === 'other') {
		if (learned === 'other' || probability < LEARNED_NAMES_AT)
			return { intents: ['other'], confidence: Math.min(0.3, probability), trace };
		return { intents: [learned], confidence: probability, evidence, trace };
	}
	if (agreeing) {
		// Two independent readings agree: more sure than either.
		const confidence = 1 - (1 - rulesConfidence) * (1 - probability);
		const intents =
			learned === rulesPrimary ? [...rulesIntents] : bySeverity([learned, ...rulesIntents]);
		return { intents, confidence, evidence, trace };
	}
	const learnedEscalates = ESCALATING_INTENTS.includes(learned);
	const rulesEscalate = rulesIntents.some((intent) => ESCALATING_INTENTS.includes(intent));
	if (learnedEscalates && probability >= LEARNED_ESCALATE_AT) {
		// Either side's escalate-class reading wins; the rules' own escalate-class intents stay.
		const intents = rulesEscalate
			? bySeverity([...rulesIntents, learned])
			: bySeverity([learned, ...rulesIntents.filter((intent) => intent !== 'acknowledged')]);
		return { intents, confidence: Math.max(probability, 0.5), evidence, trace };
	}
	if (
		!rulesEscalate &&
		probability >= LEARNED_OVERRULES_AT &&
		probability > rulesConfidence &&
		learned !== 'other'
	) {
		return {
			intents: [learned],
			confidence: probability * (1 - rulesConfidence / 2),
			evidence,
			trace,
		};
	}
	// The rules stand; the model's disagreement lowers the confidence.
	const rulesProbability = probabilities[REPLY_INTENTS.indexOf(rulesPrimary)];
	const confidence =
		rulesConfidence * (0.6 + 0.4 * Math.min(1, rulesProbability / Math.max(probability, 1e-6)));
	return { intents: [...rulesIntents], confidence, evidence: { ...evidence, weight: 0 }, trace };
}
