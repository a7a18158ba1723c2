/** Where a triaged reply goes next: the outputs of the Reply Triage node, decided once, here. */
import {
	TRIAGE_ROUTES,
	type ReplyIntent,
	type TriageOptions,
	type TriageResult,
	type TriageRoute,
} from './schema';

export { TRIAGE_ROUTES, type TriageRoute };

/** Intents whose next step is a change to the record (promise date, payment check, documents, pause). */
export const UPDATE_INTENTS: readonly ReplyIntent[] = [
	'promise_to_pay',
	'already_paid',
	'missing_documents',
	'out_of_office',
];

/** Intents a person reads at low priority whatever the confidence: the customer is waiting for an answer. */
export const REVIEW_INTENTS: readonly ReplyIntent[] = ['question'];

/**
 * Below this calibrated confidence a reply that would not escalate goes to review. Chosen on the
 * leave-one-writer-out evaluation: 0.6 brings more must-escalate replies to a person (96.6% against 95.9% at 0.5)
 * for 8.8% of calm replies sent to review (6.1%), within the 15% budget.
 */
export const REVIEW_BELOW = 0.6;
/** A promise further out than this many days needs a person. */
export const DEFAULT_MAX_PROMISE_DAYS = 60;

export type RouteOptions = Pick<TriageOptions, 'unrecognised' | 'reviewBelow'>;

/**
 * escalate: the result escalates (an escalate-class intent or signal from the rules, the learned model or the AI);
 * stop: an opt-out; review: unrecognised (by default), a question, low confidence or a review reason such as a
 * far-off promise; update: promise, paid, documents, out of office; none: acknowledged, bounce.
 */
export function routeTriage(
	result: Pick<TriageResult, 'escalate' | 'intent' | 'intents' | 'confidence' | 'review'>,
	options: RouteOptions = {},
): TriageRoute {
	if (result.escalate) return 'escalate';
	if (result.intents.includes('opt_out')) return 'stop';
	if (result.intent === 'other') return options.unrecognised ?? 'review';
	if (result.intent === 'bounce') return 'none';
	if (REVIEW_INTENTS.includes(result.intent)) return 'review';
	if ((result.review?.length ?? 0) > 0) return 'review';
	if (result.confidence < (options.reviewBelow ?? REVIEW_BELOW)) return 'review';
	if (result.intents.some((intent) => UPDATE_INTENTS.includes(intent))) return 'update';
	return 'none';
}
