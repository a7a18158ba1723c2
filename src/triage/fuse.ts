/**
 * Fusion of the rules engine and the learned classifier (./learned):
 * - the rules keep their evidence and their intents;
 * - the model adds recall: it names the intent when the rules found none, and takes over a calm reading when it
 *   is sure and the rules are not (a lone question mark is weak evidence);
 * - an escalate-class intent from either side wins: the model's when it is reasonably sure; when it only suspects
 *   one, the reply goes to review, so a person still reads it;
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

/**
 * The model's probabilities at which fusion trusts it, chosen on the leave-one-writer-out evaluation
 * (scripts/triage/lowo.cjs, which may override them through TRIAGE_FUSION to compare settings).
 */
export const FUSION = {
	/** From here its escalate-class reading escalates. */
	escalateAt: 0.45,
	/** From here up to escalateAt, its escalate-class reading sends the reply to review. */
	suspectsAt: 0.3,
	/** From here it names the intent of a reply the rules could not read. */
	namesAt: 0.35,
	/** From here it overrules a calm rules reading that is less sure than it ... */
	overrulesAt: 0.7,
	/** ... and a reading that rests on a question mark alone. */
	overrulesQuestionAt: 0.55,
	/**
	 * Against a calm reading of the rules (not `other`), its escalate-class reading escalates only from here; between
	 * suspectsAt and here the reply goes to review (a person reads it, at low priority).
	 */
	escalatesOverCalmAt: 0.9,
	/**
	 * When the escalate classes together hold at least this much of its probability, a reply that does not escalate
	 * goes to review even if another intent comes first: a person should read a reply the model finds ambiguous
	 * between, say, a promise and a payment plan.
	 */
	reviewMassAt: 0.05,
};

/** Intents an auto-reply can carry; the model may not read a vacation notice as a dispute. */
const AUTO_REPLY_INTENTS: ReadonlySet<ReplyIntent> = new Set([
	'out_of_office',
	'wrong_contact',
	'acknowledged',
]);

export interface RulesReading {
	/** The rules' intents, most severe first. */
	intents: readonly ReplyIntent[];
	confidence: number;
	/** Intents whose words the reply uses only under a negation ("nous ne contestons pas"). */
	negated: ReadonlySet<ReplyIntent>;
	/** The rules' primary intent is a question only because a sentence ends with "?". */
	questionMarkOnly: boolean;
	/** The normalised text the model reads, and the header facts. */
	text: string;
	flags: readonly string[];
	autoReply: boolean;
}

export interface Fused {
	intents: ReplyIntent[];
	confidence: number;
	evidence?: Evidence;
	/** Why a person should read it although nothing escalates. */
	review?: string;
	trace?: { intent: ReplyIntent; probability: number };
}

function bySeverity(intents: Iterable<ReplyIntent>): ReplyIntent[] {
	const set = new Set(intents);
	return INTENT_SEVERITY.filter((intent) => set.has(intent));
}

/**
 * How a review reason from the model's spread probability begins: the AI engine, once it has read the reply itself,
 * drops these (its reading settles the ambiguity; it still cannot remove an escalation).
 */
export const AMBIGUOUS_REVIEW = 'the learned classifier gives ';

const escalates = (intent: ReplyIntent) => ESCALATING_INTENTS.includes(intent);

export function fuseLearned(rules: RulesReading): Fused | null {
	const model = shippedIntentModel();
	if (!model) return null;
	const prediction = predictIntent(model, rules.text, rules.flags);
	const { probabilities } = prediction;
	let learned = prediction.intent;
	let probability = prediction.probability;
	// A bounce is a fact of the headers and the delivery report, which the rules read; the model may not guess one.
	if (learned === 'bounce' && !rules.flags.includes('bounce')) {
		probability = 0;
		probabilities.forEach((candidate, index) => {
			if (REPLY_INTENTS[index] !== 'bounce' && candidate > probability) {
				learned = REPLY_INTENTS[index];
				probability = candidate;
			}
		});
	}
	if (rules.autoReply && !AUTO_REPLY_INTENTS.has(learned)) {
		// Read the best intent an auto-reply can carry.
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
	const rulesIntents = rules.intents;
	const rulesPrimary = rulesIntents[0];
	const rulesEscalate = rulesIntents.some(escalates);
	const suspicion = (): string =>
		`the learned classifier suspects ${learned.replace(/_/g, ' ')} (p=${trace.probability}): a person reads it`;
	let mass = 0;
	let likeliest: ReplyIntent | undefined;
	for (const intent of ESCALATING_INTENTS) {
		if (rules.negated.has(intent)) continue;
		const candidate = probabilities[REPLY_INTENTS.indexOf(intent)];
		mass += candidate;
		if (!likeliest || candidate > probabilities[REPLY_INTENTS.indexOf(likeliest)])
			likeliest = intent;
	}
	const ambiguous = (): string | undefined =>
		mass >= FUSION.reviewMassAt && likeliest
			? `${AMBIGUOUS_REVIEW}${Math.round(mass * 100)}% to an escalate class (most: ${likeliest.replace(/_/g, ' ')}): a person reads it`
			: undefined;

	/** The model's reading taken over a calm or unreadable rules reading, to Review when it leans to an escalation. */
	const modelReading = (): Fused => {
		const review = ambiguous();
		return {
			intents: [learned],
			confidence: probability,
			evidence,
			...(review ? { review } : {}),
			trace,
		};
	};

	if (rulesPrimary === 'other' && (learned === 'other' || probability < FUSION.namesAt))
		return { intents: ['other'], confidence: Math.min(0.3, probability), trace };
	if (rulesIntents.includes(learned)) {
		// Two independent readings agree: more sure than either.
		const confidence = 1 - (1 - rules.confidence) * (1 - probability);
		const intents =
			learned === rulesPrimary ? [...rulesIntents] : bySeverity([learned, ...rulesIntents]);
		const review = rulesEscalate ? undefined : ambiguous();
		return { intents, confidence, evidence, ...(review ? { review } : {}), trace };
	}
	const escalateFrom =
		rulesPrimary !== 'other' && !rulesEscalate
			? Math.max(FUSION.escalateAt, FUSION.escalatesOverCalmAt)
			: FUSION.escalateAt;
	if (escalates(learned) && probability >= escalateFrom && !rules.negated.has(learned)) {
		// Either side's escalate-class reading wins. When both escalate but differ, the rules' reading (with its
		// evidence) stays first and the model's joins it.
		const intents = rulesEscalate
			? [rulesPrimary, ...bySeverity([...rulesIntents.slice(1), learned])]
			: bySeverity([
					learned,
					...rulesIntents.filter((intent) => intent !== 'acknowledged' && intent !== 'other'),
				]);
		return { intents, confidence: probability, evidence, trace };
	}
	if (rulesPrimary === 'other') {
		if (escalates(learned) && probability >= FUSION.suspectsAt)
			return { intents: ['other'], confidence: probability, evidence, review: suspicion(), trace };
		return modelReading();
	}
	const overrules = rules.questionMarkOnly ? FUSION.overrulesQuestionAt : FUSION.overrulesAt;
	if (
		!rulesEscalate &&
		!escalates(learned) &&
		probability >= overrules &&
		(rules.questionMarkOnly || probability > rules.confidence)
	) {
		return modelReading();
	}
	// The rules stand; the model's disagreement lowers the confidence.
	const rulesProbability = probabilities[REPLY_INTENTS.indexOf(rulesPrimary)];
	const confidence =
		rules.confidence * (0.6 + 0.4 * Math.min(1, rulesProbability / Math.max(probability, 1e-6)));
	const review = rulesEscalate
		? undefined
		: escalates(learned) && probability >= FUSION.suspectsAt
			? suspicion()
			: ambiguous();
	return {
		intents: [...rulesIntents],
		confidence,
		evidence: { ...evidence, weight: 0 },
		...(review ? { review } : {}),
		trace,
	};
}
